"""Notes in, knowledge out: read study notes and extract entities and typed relations.

>>> from extract import extract_folder          # doctest: +SKIP
>>> extraction = extract_folder("content/notes") # doctest: +SKIP
"""
from .extraction import Extraction
from .file_types import binary_kind
from .model import Block, Entity, Evidence, Note, Problem, Section, Source, Triple
from .nlp import ModelNotInstalled, load_pipeline
from .notes import MAX_NOTE_BYTES, NOTE_EXTENSIONS, NoteError, decode_note, nothing_to_build, read_note, read_notes
from .uploads import Upload, UploadLimits, sanitise_filename, save_uploads
from .vocabulary import Vocabulary, VocabularyError, load_vocabulary

__all__ = [
    "Block", "Entity", "Evidence", "Note", "Problem", "Section", "Source", "Triple",
    "ModelNotInstalled", "load_pipeline",
    "binary_kind", "MAX_NOTE_BYTES", "NOTE_EXTENSIONS", "NoteError", "decode_note", "nothing_to_build", "read_note",
    "read_notes",
    "Extraction", "extract", "extract_folder",
    "Upload", "UploadLimits", "sanitise_filename", "save_uploads",
    "Vocabulary", "VocabularyError", "load_vocabulary",
]


def __getattr__(name: str):
    """``extract`` and ``extract_folder`` import spaCy (half a second): only when asked for."""
    if name in ("extract", "extract_folder"):
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
