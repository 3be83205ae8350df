"""Notes in, entities and evidence-backed triples out: the whole extraction in one call.

What each step makes of a note is kept by a ``store`` (a :class:`NoteStore`, e.g.
``graph.extraction_cache.NoteCache``) and handed back when the same note comes again:

1. parse (:mod:`extract.parsing`): the note's passages through spaCy in batches (in two
   processes when there is much to parse), fragments completed; a changed note's
   unchanged passages keep their parses;
2. coordinated names ("image and video analysis") the note spells out, which depend on
   the words all notes capitalise;
3. the aliases of all notes merged in one registry (always: it is cheap);
4. reading: the note's statements read against that registry into a
   :class:`~extract.transcript.Transcript`, kept for the registry's fingerprint.

The transcripts are then replayed in note order into the assembler, so an unchanged
note is neither parsed nor read again, and the graph is the one a build without any
store gives. Only one chunk of notes' docs is held at a time.
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from .abbreviations import abbreviation_pairs
from .assembly import Assembler, Finding
from .catalogue import CatalogueMatcher
from .extraction import Extraction
from .lexicon import Lexicon
from .model import Note, Problem, Section
from .nlp import load_pipeline
from .notes import ReadCache, read_notes
from .parsing import ParsedNote, Parses, parse_notes, proper_words, texts_of
from .phrases import coordinated_phrase
from .reading import list_findings, statement_findings
from .registry import SERVICE, Registry
from .resolution import Resolver
from .statements import Statement
from .structure import heading_findings
from .topics import Topics
from .transcript import NoteReading, RegistryRecorder
from .vocabulary import Vocabulary, load_vocabulary

__all__ = ["Extraction", "MemoryStore", "NoteStore", "Reading", "extract", "extract_folder"]

Progress = Callable[[float, str], None]
# A coordinated name: the whole ("image and video analysis"), its spelling, its parts.
CoordinatedName = tuple[str, str, tuple[str, ...]]


class NoteStore(ReadCache, Protocol):
    """Where what each step made of a note is kept, keyed by the note's content (and the
    notes read from files, keyed by their bytes)."""

    lasting: bool  # False for a store of one extraction: docs still held need not be stored

    def load_docs(self, note: Note, vocab: Vocab) -> list[Doc] | None:
        """The docs parsed for ``note``, or None."""

    def earlier_docs(self, note: Note, vocab: Vocab) -> list[Doc]:
        """The docs parsed for an earlier version of ``note`` (same name), or none."""

    def store_docs(self, note: Note, docs: Iterable[Doc]) -> None:
        """Keep the docs parsed for ``note``."""

    def load_result(self, note: Note, step: str) -> object | None:
        """What ``step`` made of ``note`` before, or None."""

    def store_result(self, note: Note, step: str, result: object) -> None:
        """Keep what ``step`` made of ``note``."""

    def earlier_result(self, note: Note, step: str) -> object | None:
        """What ``step`` made of an earlier version of ``note`` (same name), or None."""


class MemoryStore:
    """A :class:`NoteStore` for one extraction: docs kept as compact ``DocBin`` bytes."""

    lasting = False

    def __init__(self) -> None:
        self._docs: dict[int, bytes] = {}
        self._results: dict[tuple[int, str], object] = {}

    def load_read(self, name: str, data: bytes) -> None:
        return None  # each file is read once per extraction

    def store_read(self, name: str, data: bytes, read: tuple[Note, list[str]]) -> None:
        pass

    def load_docs(self, note: Note, vocab: Vocab) -> list[Doc] | None:
        data = self._docs.get(id(note))
        return None if data is None else list(DocBin().from_bytes(data).get_docs(vocab))

    def earlier_docs(self, note: Note, vocab: Vocab) -> list[Doc]:
        return []

    def store_docs(self, note: Note, docs: Iterable[Doc]) -> None:
        self._docs[id(note)] = DocBin(store_user_data=False, docs=docs).to_bytes()

    def load_result(self, note: Note, step: str) -> object | None:
        return self._results.get((id(note), step))

    def store_result(self, note: Note, step: str, result: object) -> None:
        self._results[(id(note), step)] = result

    def earlier_result(self, note: Note, step: str) -> object | None:
        return None


def extract_folder(folder: Path | Sequence[Path], *, vocabulary: Vocabulary | None = None, nlp: Language | None = None,
                   progress: Progress | None = None, cache: NoteStore | None = None) -> Extraction:
    """Read every note under ``folder`` (or under each of several folders, e.g. the
    shipped notes and a user's uploads) and extract its graph (see :func:`extract`)."""
    vocabulary = vocabulary or load_vocabulary()
    folders = [Path(folder)] if isinstance(folder, (str, Path)) else [Path(f) for f in folder]
    notes: list[Note] = []
    problems: list[Problem] = []
    for path in folders:
        found, skipped = read_notes(path, vocabulary.boilerplate, cache=cache)
        names = {note.doc for note in notes}
        # A name already used by an earlier folder is qualified by its folder's name.
        notes += [note if note.doc not in names else _renamed(note, f"{path.name}/{note.doc}") for note in found]
        problems += skipped
    extraction = extract(notes, vocabulary=vocabulary, nlp=nlp, progress=progress, cache=cache)
    extraction.problems = problems
    return extraction


def _renamed(note: Note, doc: str) -> Note:
    return replace(note, doc=doc, sections=tuple(replace(section, doc=doc) for section in note.sections))


@dataclass
class Reading:
    """A note parsed and understood, ready to be read statement by statement."""

    statements: list[Statement]
    parses: Parses
    resolver: Resolver
    topics: Topics


class _Docs:
    """Each note's docs: those of the chunk parsed last are held, others read from the store."""

    def __init__(self, store: NoteStore, nlp: Language):
        self._store = store
        self._nlp = nlp
        self._held: dict[int, list[Doc]] = {}

    def hold(self, notes_docs: dict[int, list[Doc]]) -> None:
        self._held = notes_docs

    def parses(self, note: Note, parsed: ParsedNote, vocabulary: Vocabulary) -> Parses:
        """``note``'s parses; those the store lost are parsed again (and stored)."""
        docs = self._held.get(id(note))
        if docs is None:
            docs = self._store.load_docs(note, self._nlp.vocab)
        if docs is None:
            parses = Parses(self._nlp)
            texts = texts_of(note, parsed.statements, vocabulary)
            parses.parse(texts)
            docs = [parses[text] for text in texts]
            self._store.store_docs(note, docs)
        return Parses(self._nlp, docs)


def extract(notes: list[Note], *, vocabulary: Vocabulary | None = None, nlp: Language | None = None,
            progress: Progress | None = None, cache: NoteStore | None = None) -> Extraction:
    """Extract entities and triples from notes already read. With a ``cache``, each step
    reuses what it made of the notes the cache has seen (see the module's docstring)."""
    vocabulary = vocabulary or load_vocabulary()
    nlp = nlp or load_pipeline()
    store = cache if cache is not None else MemoryStore()
    lexicon = Lexicon.for_pipeline(vocabulary, nlp)
    matcher = CatalogueMatcher(nlp, vocabulary.services)
    docs = _Docs(store, nlp)
    parsed = _parse(notes, store, docs, nlp, lexicon, matcher, vocabulary, progress)
    lexicon = replace(lexicon, proper_words=proper_words(parsed[id(note)] for note in notes))
    registry = Registry(vocabulary)
    _learn_aliases(notes, parsed, Resolver(registry, lexicon, matcher), store, docs, vocabulary)
    if progress:
        progress(0.8, "reading the notes")
    step = f"reading {registry.fingerprint()}"
    readings = []
    for note in notes:
        reading = store.load_result(note, step)
        if not isinstance(reading, NoteReading):
            earlier = store.earlier_result(note, step)
            reading = _read_note(note, parsed[id(note)], docs.parses(note, parsed[id(note)], vocabulary), registry,
                                 lexicon, matcher, vocabulary, earlier if isinstance(earlier, NoteReading) else None)
            store.store_result(note, step, reading)
        readings.append(reading)
    assembler = Assembler(registry)
    for reading in readings:
        reading.transcript().replay(registry, assembler)
    entities, triples = assembler.build()
    if progress:
        progress(1.0, f"{len(entities)} topics, {len(triples)} relations")
    return Extraction(entities, triples, notes)


def _parse(notes: list[Note], store: NoteStore, docs: _Docs, nlp: Language, lexicon: Lexicon, matcher: CatalogueMatcher,
           vocabulary: Vocabulary, progress: Progress | None) -> dict[int, ParsedNote]:
    """What parsing gave each note (by ``id``), parsing only the notes ``store`` has not seen."""
    parsed: dict[int, ParsedNote] = {}
    for note in notes:
        found = store.load_result(note, "parse")
        if isinstance(found, ParsedNote):
            parsed[id(note)] = found
    missing = [note for note in notes if id(note) not in parsed]
    if progress and len(missing) < len(notes):
        progress(0.0, f"{len(notes) - len(missing)} of {len(notes)} notes unchanged: reusing their parses")
    def parsed_before(note: Note) -> list[Doc]:
        return store.load_docs(note, nlp.vocab) or store.earlier_docs(note, nlp.vocab)

    unstored: list[tuple[Note, list[Doc]]] = []
    for chunk in parse_notes(missing, parsed_before, nlp, lexicon, matcher, vocabulary, progress):
        for note, note_docs in unstored:  # the chunk before leaves memory: only the store keeps its docs
            store.store_docs(note, note_docs)
        unstored = [(note, note_docs) for note, _, note_docs in chunk]
        for note, result, _ in chunk:
            store.store_result(note, "parse", result)
            parsed[id(note)] = result
        docs.hold({id(note): note_docs for note, _, note_docs in chunk})  # only the last chunk's docs stay
    if store.lasting:
        for note, note_docs in unstored:
            store.store_docs(note, note_docs)
    return parsed


def _learn_aliases(notes: list[Note], parsed: dict[int, ParsedNote], resolver: Resolver, store: NoteStore,
                   docs: _Docs, vocabulary: Vocabulary) -> None:
    """Abbreviations ("Retrieval-Augmented Generation (RAG)") and coordinated names
    ("image and video analysis" stands for "image analysis" and "video analysis")."""
    statements = [s for note in notes for s in parsed[id(note)].statements]
    texts = {s.block.text for s in statements} | {s.block.label for s in statements} | {
        h for n in notes for sec in n.sections for h in sec.path}
    for text in sorted(texts):
        for long_form, short_form in abbreviation_pairs(text):
            resolver.alias(long_form, short_form)
    step = "names " + hashlib.sha256(" ".join(sorted(resolver.lexicon.proper_words)).encode()).hexdigest()[:32]
    registry = resolver.registry
    for note in notes:
        names = store.load_result(note, step)
        if not isinstance(names, tuple):
            names = _coordinated_names(parsed[id(note)].statements, docs.parses(note, parsed[id(note)], vocabulary),
                                       resolver.lexicon)
            store.store_result(note, step, names)
        for name, surface, parts in names:
            whole = registry.note(registry.concept_key(name, capitalised=False), name, surface)
            for part in parts:
                part_key = registry.concept_key(part, capitalised=False)
                if registry.type_of(part_key) != SERVICE:
                    registry.note(part_key, part, part, weight=0)
                    registry.merge(whole, part_key)


def _coordinated_names(statements: Iterable[Statement], parses: Parses, lexicon: Lexicon) -> tuple[CoordinatedName, ...]:
    found = []
    for statement in statements:
        for token in parses[statement.text]:
            if token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):
                coordinated = coordinated_phrase(token, lexicon)
                if coordinated is not None:
                    phrase, parts = coordinated
                    found.append((phrase.name, phrase.surface, tuple(parts)))
    return tuple(found)


def _read_note(note: Note, parsed: ParsedNote, parses: Parses, registry: Registry, lexicon: Lexicon,
               matcher: CatalogueMatcher, vocabulary: Vocabulary, earlier: NoteReading | None = None) -> NoteReading:
    """Read one note against ``registry`` (left unchanged), recording what it finds; the
    statements ``earlier`` (the reading of the note's earlier version) read are not read again."""
    recorder = RegistryRecorder(registry)
    resolver = Resolver(recorder, lexicon, matcher)
    reading = Reading(list(parsed.statements), parses, resolver, Topics(resolver, vocabulary, parses.__getitem__, recorder))
    parts = {}
    sections: dict[int, bytes] = {}

    def section_bytes(section: Section) -> bytes:
        """The section pickled, once: its statements and its headings are keyed by it."""
        if id(section) not in sections:
            sections[id(section)] = pickle.dumps(section, protocol=4)
        return sections[id(section)]

    def read(key: str, findings_of: Callable[[], Iterable[tuple[Finding, ...]]]) -> None:
        if earlier is not None and key in earlier.parts:
            parts[key] = earlier.parts[key]
            return
        for findings in findings_of():
            recorder.add(findings)
        parts[key] = recorder.part()

    for statement in reading.statements:
        place = pickle.dumps((statement.block, statement.prefix, statement.cut), protocol=4)
        read(hashlib.sha256(section_bytes(statement.section) + place).hexdigest()[:32],
             partial(statement_findings, statement, reading))
    for section in note.sections:
        read(f"headings {hashlib.sha256(section_bytes(section)).hexdigest()[:32]}",
             lambda section=section: [heading_findings(section, reading.topics)])
    for findings in list_findings([note], reading):
        recorder.add(findings)
    parts["lists"] = recorder.part()
    result = NoteReading(parts, {**(earlier.topics if earlier is not None else {}), **recorder.topics})
    return NoteReading(parts, {key: result.topics[key] for key in result.looked_up()})
