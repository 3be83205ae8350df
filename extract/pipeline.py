"""Notes in, entities and evidence-backed triples out: the whole extraction in one call.

Each note file is read, parsed, and read for mentions and relations on its own
(:func:`extract.reading.read_note`), its findings kept in a :class:`FindingsCache` under
the hash of its bytes, and each section's under the hash of the section; then all findings
are assembled at once. An unchanged note is neither parsed nor read again; an edited one
parses and reads only its changed sections.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .assemble import assemble_findings
from .cache import FindingsCache
from .extraction import Extraction
from .findings import NoteFindings
from .model import Note, Problem
from .read import NoteError, discover_notes, note_bytes, note_from_bytes
from .vocabulary import Vocabulary, load_vocabulary

if TYPE_CHECKING:  # spaCy is imported only when a note must be read, never for a build from the cache
    from spacy.language import Language

__all__ = ["Extraction", "extract", "extract_folder", "CHUNK_CHARACTERS"]

Progress = Callable[[float, str], None]
CHUNK_CHARACTERS = 1_500_000  # notes are parsed in chunks of about this size, one chunk's parses held at a time


@dataclass
class _Pending:
    """A note to read: its file's name and bytes, and what reading its text gave."""

    name: str
    data: bytes
    note: Note
    repairs: list[str]


def extract(notes: Sequence[Note], *, vocabulary: Vocabulary | None = None, nlp: Language | None = None) -> Extraction:
    """Extract entities and triples from notes already read."""
    from .parse import load_pipeline
    from .reading import NoteReader, read_note

    vocabulary = vocabulary or load_vocabulary()
    reader = NoteReader(nlp or load_pipeline(), vocabulary)
    findings = [read_note(note, vocabulary, reader=reader) for note in notes]
    entities, triples = assemble_findings(findings, vocabulary)
    return Extraction(entities, triples, list(notes), [], fresh=len(notes))


def extract_folder(folders: Path | Sequence[Path], *, vocabulary: Vocabulary | None = None, nlp: Language | None = None,
                   progress: Progress | None = None, cache: FindingsCache | None = None) -> Extraction:
    """Extract every note under ``folders``; files that cannot be read become problems."""
    vocabulary = vocabulary or load_vocabulary()
    report = progress or (lambda fraction, message: None)
    found: dict[str, tuple[NoteFindings, list[str]]] = {}
    pending: list[_Pending] = []
    problems: list[Problem] = []
    order: list[str] = []
    for path, name, skip in discover_notes(folders):
        if skip:
            problems.append(Problem(name, skip))
            continue
        try:
            data = note_bytes(path, name)
            if cache is not None and (known := cache.load(name, data)) is not None:
                found[name] = known
            else:
                note, repairs = note_from_bytes(name, data, vocabulary.boilerplate, suffix=path.suffix)
                pending.append(_Pending(name, data, note, repairs))
        except NoteError as error:
            problems.append(Problem(name, str(error).removeprefix(f"{name}: ")))
            continue
        order.append(name)
    if pending:
        report(0.05, f"reading {len(pending)} notes")
        found.update(_read_pending(pending, vocabulary, nlp, cache, report))
    findings = [found[name][0] for name in order]
    for name in order:
        if found[name][1]:
            problems.append(Problem(name, "read, but " + "; ".join(found[name][1]), kept=True))
    report(0.95, "assembling the graph")
    entities, triples = assemble_findings(findings, vocabulary)
    return Extraction(entities, triples, [f.note for f in findings], problems, fresh=len(pending))


def _read_pending(pending: list[_Pending], vocabulary: Vocabulary, nlp: Language | None,
                  cache: FindingsCache | None, report: Progress) -> dict[str, tuple[NoteFindings, list[str]]]:
    from .parse import load_pipeline, parse_passages
    from .reading import NoteReader, combine, section_passages

    sections = {item.name: _SectionsOf(item, cache) for item in pending}
    todo = {item.name: [p for section in sections[item.name].todo for p in section_passages(section)] for item in pending}
    reader = NoteReader(nlp or load_pipeline(), vocabulary, texts=(p for texts in todo.values() for p in texts))
    out: dict[str, tuple[NoteFindings, list[str]]] = {}
    for chunk in _chunks(pending):
        parses = parse_passages(reader.nlp, [p for item in chunk for p in todo[item.name]])
        docs = reader.docs(parses)
        for item in chunk:
            found = sections[item.name].read(lambda section: reader.read_section(item.note, section, docs))
            value = (combine(item.note, found), item.repairs)
            out[item.name] = value
            if cache is not None:
                cache.store(item.name, item.data, value)
                cache.store_sections(item.name, sections[item.name].kept(found))
        report(0.05 + 0.9 * len(out) / len(pending), f"read {len(out)} of {len(pending)} notes")
    return out


class _SectionsOf:
    """A note's sections: which were read before (their findings kept under their key) and
    which must be read now."""

    def __init__(self, item: _Pending, cache: FindingsCache | None):
        sections = item.note.sections
        self.keys = [cache.section_key(item.note, s) for s in sections] if cache is not None else [""] * len(sections)
        self.earlier = cache.load_sections(item.name) if cache is not None else {}
        self.sections = sections
        self.todo = [s for s, key in zip(sections, self.keys) if key not in self.earlier]

    def read(self, read_section) -> list:
        return [self.earlier[key] if key in self.earlier else read_section(section)
                for section, key in zip(self.sections, self.keys)]

    def kept(self, found: list) -> dict:
        return dict(zip(self.keys, found))


def _chunks(pending: list[_Pending]):
    chunk, size = [], 0
    for item in pending:
        chunk.append(item)
        size += len(item.data)
        if size >= CHUNK_CHARACTERS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
