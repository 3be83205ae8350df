"""Notes in, knowledge out: read study notes and extract entities and typed relations.

The stages, each a subpackage, import only earlier ones:

1. :mod:`extract.read` - note files into sections and blocks (markdown, PDF text, flashcards);
2. :mod:`extract.parse` - passages through spaCy;
3. :mod:`extract.mentions` - names, noun phrases, abbreviations, topics of headings and labels;
4. :mod:`extract.relations` - one small extractor per sentence or layout shape;
5. :mod:`extract.assemble` - all notes' findings merged into entities and triples.

Stages 2-4 run here, or on the workers of a Dask cluster (:mod:`extract.distributed`).

:func:`extract.reading.read_note` runs stages 2-4 on one note (a pure function of the note
and the vocabulary); :func:`extract_folder` runs everything, with a per-note cache.

>>> from extract import extract_folder          # doctest: +SKIP
>>> extraction = extract_folder("content/notes") # doctest: +SKIP
"""
from .distributed import ClusterError, DaskCluster
from .extraction import Extraction
from .model import Block, Entity, Evidence, Note, Problem, Section, Source, Triple
from .parse.pipeline import ModelNotInstalled, load_pipeline
from .read import (MAX_NOTE_BYTES, NOTE_EXTENSIONS, NoteError, Upload, UploadLimits, binary_kind, decode_note,
                   load_note, load_notes, nothing_to_build, sanitise_filename, save_uploads)
from .vocabulary import Vocabulary, VocabularyError, load_vocabulary

__all__ = [
    "Block", "Entity", "Evidence", "Note", "Problem", "Section", "Source", "Triple",
    "ModelNotInstalled", "load_pipeline",
    "binary_kind", "MAX_NOTE_BYTES", "NOTE_EXTENSIONS", "NoteError", "decode_note", "nothing_to_build", "load_note",
    "load_notes",
    "ClusterError", "DaskCluster",
    "Extraction", "extract", "extract_folder", "read_note",
    "Upload", "UploadLimits", "sanitise_filename", "save_uploads",
    "Vocabulary", "VocabularyError", "load_vocabulary",
]


def __getattr__(name: str):
    """``extract``, ``extract_folder`` and ``read_note`` import spaCy (half a second): only when asked for."""
    if name in ("extract", "extract_folder"):
        from . import pipeline
        return getattr(pipeline, name)
    if name == "read_note":
        from .reading import read_note
        return read_note
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
