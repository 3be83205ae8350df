"""Notes in, entities and evidence-backed triples out: the whole extraction in one call.

Each note file is read, parsed, and read for mentions and relations on its own
(:func:`extract.reading.read_note`), its findings kept in a :class:`FindingsCache` under
the hash of its bytes; then all findings are assembled at once. An unchanged note is
neither parsed nor read again; an edited one parses only its changed passages.
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
    from .parse import load_pipeline, note_passages, parse_passages
    from .reading import NoteReader

    vocabulary = vocabulary or load_vocabulary()
    reader = NoteReader(nlp or load_pipeline(), vocabulary)
    findings = [reader.read(note, parse_passages(reader.nlp, note_passages(note))) for note in notes]
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
    from .parse import docs_from_bytes, docs_to_bytes, load_pipeline, note_passages, parse_passages
    from .reading import NoteReader

    reader = NoteReader(nlp or load_pipeline(), vocabulary)
    out: dict[str, tuple[NoteFindings, list[str]]] = {}
    for number, chunk in enumerate(_chunks(pending)):
        texts = {item.name: note_passages(item.note) for item in chunk}
        known = {}
        if cache is not None:
            for item in chunk:
                if (data := cache.load_parses(item.name)) is not None:
                    known.update(docs_from_bytes(data, reader.nlp))
        parses = parse_passages(reader.nlp, [t for passages in texts.values() for t in passages], known)
        for item in chunk:
            value = (reader.read(item.note, parses), item.repairs)
            out[item.name] = value
            if cache is not None:
                cache.store(item.name, item.data, value)
                cache.store_parses(item.name, docs_to_bytes(parses[t] for t in texts[item.name]))
        report(0.05 + 0.9 * len(out) / len(pending), f"read {len(out)} of {len(pending)} notes")
    return out


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
