"""Notes in, entities and evidence-backed triples out: the whole extraction in one call.

Each note file is read, parsed, and read for mentions and relations on its own
(:func:`extract.reading.read_note`), its findings kept in a :class:`FindingsCache` under
the hash of its bytes, and each section's under the hash of the section; then all findings
are assembled at once. An unchanged note is neither parsed nor read again; an edited one
parses and reads only its changed sections. The notes to read are read in this process, or
on the workers of a Dask cluster (:mod:`extract.distributed`); assembly is always here.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .assemble import assemble_findings
from .cache import FindingsCache
from .extraction import Extraction
from .findings import NoteFindings, SectionFindings, combine
from .model import Note, Problem
from .read import NoteError, discover_notes, note_bytes, note_from_bytes
from .vocabulary import Vocabulary, load_vocabulary

if TYPE_CHECKING:  # spaCy is imported only when a note must be read, never for a build from the cache
    from spacy.language import Language

    from .distributed import DaskCluster

__all__ = ["Extraction", "extract", "extract_folder", "CHUNK_CHARACTERS"]

Progress = Callable[[float, str], None]
Found = tuple[NoteFindings, list[str]]  # a note's findings, and the repairs reading its file needed
CHUNK_CHARACTERS = 1_500_000  # notes are parsed in chunks of about this size, one chunk's parses held at a time
KILLED_WORKERS = "skipped: reading it killed a Dask worker twice"


@dataclass
class _Pending:
    """A note to read: its file's name, size and bytes, and what reading its text gave. The
    bytes are kept only for a cache, which stores findings under their hash (otherwise a build
    of 30 M characters would hold 30 MB of them through reading and assembly)."""

    name: str
    size: int
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
                   progress: Progress | None = None, cache: FindingsCache | None = None,
                   cluster: DaskCluster | None = None) -> Extraction:
    """Extract every note under ``folders``; files that cannot be read become problems.

    Notes not in ``cache`` are read here, or on ``cluster``'s workers when one is given
    (:mod:`extract.distributed`); a note whose reading kills workers there is a problem too.
    """
    vocabulary = vocabulary or load_vocabulary()
    report = progress or (lambda fraction, message: None)
    found, pending, problems, order = _gather(folders, vocabulary, cache)
    if pending:
        report(0.05, f"reading {len(pending)} notes" + (f" on {cluster.where}" if cluster is not None else ""))
        read, failed = _read_pending(pending, vocabulary, nlp, cache, report, cluster)
        found.update(read)
        problems += failed
        order = [name for name in order if name in found]
    findings = [found[name][0] for name in order]
    for name in order:
        if found[name][1]:
            problems.append(Problem(name, "read, but " + "; ".join(found[name][1]), kept=True))
    report(0.95, "assembling the graph")
    entities, triples = assemble_findings(findings, vocabulary)
    return Extraction(entities, triples, [f.note for f in findings], problems, fresh=len(pending))


def _gather(folders: Path | Sequence[Path], vocabulary: Vocabulary, cache: FindingsCache | None):
    """The notes under ``folders``: the findings of those in ``cache``, the others to read,
    the files that cannot be read, and every readable note's name in order."""
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
                pending.append(_Pending(name, len(data), data if cache is not None else b"", note, repairs))
        except NoteError as error:
            problems.append(Problem(name, str(error).removeprefix(f"{name}: ")))
            continue
        order.append(name)
    return found, pending, problems, order


def _read_pending(pending: list[_Pending], vocabulary: Vocabulary, nlp: Language | None, cache: FindingsCache | None,
                  report: Progress, cluster: DaskCluster | None) -> tuple[dict[str, Found], list[Problem]]:
    """The findings of the pending notes, each stored in ``cache`` as it comes; the notes
    that killed the cluster's workers, as problems."""
    sections = [_SectionsOf(item, cache) for item in pending]
    if cluster is None:
        readings = _read_here(pending, sections, vocabulary, nlp)
    else:
        readings = cluster.read([(item.note, tuple(of.todo)) for item, of in zip(pending, sections)], vocabulary)
    out: dict[str, Found] = {}
    problems: list[Problem] = []
    shared: dict = {}  # each mention and word once across all the notes (see combine)
    for position, read in readings:
        item = pending[position]
        if read is None:
            problems.append(Problem(item.name, KILLED_WORKERS))
            continue
        found = sections[position].read(read)
        out[item.name] = (combine(item.note, found, shared), item.repairs)
        if cache is not None:
            cache.store(item.name, item.data, out[item.name])
            cache.store_sections(item.name, sections[position].kept(found))
        report(0.05 + 0.9 * (len(out) + len(problems)) / len(pending), f"read {len(out)} of {len(pending)} notes")
    return out, problems


def _read_here(pending: list[_Pending], sections: list[_SectionsOf], vocabulary: Vocabulary,
               nlp: Language | None) -> Iterator[tuple[int, list[SectionFindings]]]:
    """``(position, findings of the sections to read)`` for each pending note, read in this
    process a chunk at a time."""
    from .parse import load_pipeline, parse_passages
    from .reading import NoteReader, section_passages

    todo = [[p for position in of.todo for p in section_passages(item.note.sections[position])]
            for item, of in zip(pending, sections)]
    reader = NoteReader(nlp or load_pipeline(), vocabulary, texts=(p for texts in todo for p in texts))
    for chunk in _chunks(pending):
        docs = reader.docs(parse_passages(reader.nlp, [p for position in chunk for p in todo[position]]))
        for position in chunk:
            note = pending[position].note
            yield position, [reader.read_section(note, note.sections[index], docs) for index in sections[position].todo]


class _SectionsOf:
    """A note's sections: which were read before (their findings kept under their key) and
    which must be read now (``todo``, their positions)."""

    def __init__(self, item: _Pending, cache: FindingsCache | None):
        sections = item.note.sections
        self.keys = [cache.section_key(item.note, s) for s in sections] if cache is not None else [""] * len(sections)
        self.earlier = cache.load_sections(item.name) if cache is not None else {}
        self.todo = [position for position, key in enumerate(self.keys) if key not in self.earlier]

    def read(self, new: list[SectionFindings]) -> list[SectionFindings]:
        """Every section's findings: the earlier ones, and ``new`` for those of ``todo`` in order."""
        fresh = iter(new)
        return [self.earlier[key] if key in self.earlier else next(fresh) for key in self.keys]

    def kept(self, found: list[SectionFindings]) -> dict[str, SectionFindings]:
        return dict(zip(self.keys, found))


def _chunks(pending: list[_Pending]) -> Iterator[list[int]]:
    """Positions of the pending notes in chunks of about :data:`CHUNK_CHARACTERS`."""
    chunk, size = [], 0
    for position, item in enumerate(pending):
        chunk.append(position)
        size += item.size
        if size >= CHUNK_CHARACTERS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
