"""What runs on a Dask worker: a batch of notes read with this process's reader.

Reading a note depends on nothing but the note and the vocabulary
(:func:`extract.reading.read_note`), so a task carries only those. Each worker process loads
spaCy once and keeps one :class:`~extract.reading.NoteReader` per vocabulary version; a task
returns plain findings, picklable dataclasses.
"""
from __future__ import annotations

import functools
import hashlib
import pickle
from typing import TYPE_CHECKING

from ..findings import SectionFindings
from ..model import Note
from ..vocabulary import Vocabulary

if TYPE_CHECKING:
    from ..reading import NoteReader

__all__ = ["NoteJob", "read_batch", "vocabulary_version"]

NoteJob = tuple[Note, tuple[int, ...]]  # a note and the positions of the sections to read


def read_batch(jobs: list[NoteJob], vocabulary: Vocabulary, version: str) -> list[list[SectionFindings]]:
    """For each ``(note, positions)`` job, the findings of those sections of the note, read
    with this process's reader of vocabulary ``version`` (:func:`vocabulary_version`)."""
    from ..parse import parse_passages
    from ..reading import section_passages

    reader = _reader(vocabulary, version)
    texts = [p for note, todo in jobs for position in todo for p in section_passages(note.sections[position])]
    docs = reader.docs(parse_passages(reader.nlp, texts))
    return [[reader.read_section(note, note.sections[position], docs) for position in todo] for note, todo in jobs]


def vocabulary_version(vocabulary: Vocabulary) -> str:
    """A key for ``vocabulary``'s content, under which workers keep its reader."""
    return hashlib.sha256(pickle.dumps(vocabulary, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()[:16]


_READERS: dict[str, NoteReader] = {}


def _reader(vocabulary: Vocabulary, version: str) -> NoteReader:
    """This process's reader of one vocabulary: the name matchers built once per vocabulary
    version, on the spaCy pipeline loaded once per process."""
    if version not in _READERS:
        from ..reading import NoteReader
        _READERS.clear()  # one vocabulary at a time: a cluster's workers outlive builds
        _READERS[version] = NoteReader(_pipeline(), vocabulary)
    return _READERS[version]


@functools.cache
def _pipeline():
    from ..parse import load_pipeline
    return load_pipeline()
