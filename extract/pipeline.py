"""Notes in, entities and evidence-backed triples out: the whole extraction in one call.

spaCy's parse is the expensive step. Texts go through ``nlp.pipe`` in batches (in two
processes when there is much to parse), and a ``cache`` (see :class:`ParseCache`) can
hand back the parses of notes seen before, so only new or changed notes are parsed; the
cheap steps across notes (aliases, proper words, assembly) always run on all of them.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .abbreviations import abbreviation_pairs
from .assembly import Assembler
from .catalogue import CatalogueMatcher
from .extraction import Extraction
from .lexicon import Lexicon
from .model import Note, Problem
from .nlp import load_pipeline
from .notes import read_notes
from .phrases import coordinated_phrase
from .reading import list_findings, statement_findings
from .registry import SERVICE, Registry
from .resolution import Resolver
from .statements import Statement, complete, statements_of
from .structure import heading_findings
from .topics import Topics, unwrap_heading
from .vocabulary import Vocabulary, load_vocabulary

__all__ = ["Extraction", "ParseCache", "Reading", "extract", "extract_folder", "prepare"]

Progress = Callable[[float, str], None]
# Below this many characters to parse, a second process costs more than it saves.
PARALLEL_CHARACTERS = 1_500_000
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


class ParseCache(Protocol):
    """Where the parses of notes seen before are kept (``graph.extraction_cache.NoteParseCache``)."""

    def load(self, note: Note, vocab: Vocab) -> list[Doc] | None:
        """The docs parsed for ``note`` before, or None."""

    def store(self, note: Note, docs: Iterable[Doc]) -> None:
        """Keep the docs parsed for ``note``."""


class _Parses:
    """spaCy docs by text, parsed once in batches (or handed back by a cache)."""

    def __init__(self, nlp: Language):
        self._nlp = nlp
        self._docs: dict[str, Doc] = {}

    def add(self, docs: Iterable[Doc]) -> None:
        """Docs parsed before (by a cache), each standing for its own text."""
        for doc in docs:
            self._docs.setdefault(doc.text, doc)

    def parse(self, texts: Iterable[str], progress: Progress | None = None, share: tuple[float, float] = (0, 1)) -> None:
        """Parse the texts not parsed yet, reporting progress within ``share`` of the whole."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._docs))
        processes = 2 if sum(map(len, todo)) > PARALLEL_CHARACTERS and (os.cpu_count() or 1) > 1 else 1
        for done, (text, doc) in enumerate(zip(todo, self._nlp.pipe(todo, batch_size=128, n_process=processes)), start=1):
            doc.tensor = _NO_TENSOR  # unused downstream, and most of a doc's memory
            self._docs[text] = doc
            if progress and done % 200 == 0:
                progress(share[0] + (share[1] - share[0]) * done / len(todo), f"parsed {done} of {len(todo)} passages")

    @property
    def vocab(self) -> Vocab:
        """The pipeline's vocabulary, which every doc shares."""
        return self._nlp.vocab

    def __getitem__(self, text: str) -> Doc:
        if text not in self._docs:
            self.parse([text])
        return self._docs[text]

    def docs(self) -> Iterator[Doc]:
        """Every doc parsed so far."""
        return iter(self._docs.values())


def _proper_words(docs: Iterable[Doc]) -> frozenset[str]:
    """Words the notes capitalise mid-sentence more often than not ("Bayesian", "Hyperband")."""
    capital, lower = Counter(), Counter()
    for doc in docs:
        for token in doc:
            if not token.is_alpha or token.is_sent_start or token.i == 0 or doc[token.i - 1].text in {":", "(", '"', "-"}:
                continue
            if token.text.istitle():
                capital[token.lower_] += 1
            elif token.text.islower():
                lower[token.lower_] += 1
    return frozenset(word for word, count in capital.items() if count > lower[word])


def extract_folder(folder: Path | Sequence[Path], *, vocabulary: Vocabulary | None = None, nlp: Language | None = None,
                   progress: Progress | None = None, cache: ParseCache | None = None) -> Extraction:
    """Read every note under ``folder`` (or under each of several folders, e.g. the
    shipped notes and a user's uploads) and extract its graph (see :func:`extract`)."""
    vocabulary = vocabulary or load_vocabulary()
    folders = [Path(folder)] if isinstance(folder, (str, Path)) else [Path(f) for f in folder]
    notes: list[Note] = []
    problems: list[Problem] = []
    for path in folders:
        found, skipped = read_notes(path, vocabulary.boilerplate)
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
    """Notes parsed and understood, ready to be read statement by statement."""

    statements: list[Statement]
    parses: "_Parses"
    resolver: Resolver
    topics: Topics


def prepare(notes: list[Note], vocabulary: Vocabulary, nlp: Language, progress: Progress | None = None,
            cache: ParseCache | None = None) -> Reading:
    """Parse every statement (completing fragments), learn aliases and set up topics.

    With a ``cache``, the notes it holds are not parsed again, and the parses of the
    others are given to it.
    """
    parses = _Parses(nlp)
    missed = _load_cached(notes, cache, parses, progress) if cache is not None else []
    first = statements = list(statements_of(notes))
    parses.parse((s.text for s in statements), progress, (0.0, 0.6))
    lexicon = Lexicon.for_pipeline(vocabulary, nlp)
    matcher = CatalogueMatcher(nlp, vocabulary.services)
    statements = [complete(s, parses[s.text], lexicon, matcher) for s in statements]
    parses.parse((s.text for s in statements if s.prefix), progress, (0.6, 0.75))
    lexicon = replace(lexicon, proper_words=_proper_words(parses[s.text] for s in statements))
    headings = {unwrap_heading(h, vocabulary) for n in notes for sec in n.sections for h in sec.path}
    headings |= {unwrap_heading(s.block.label, vocabulary) for s in statements if s.block.label}
    headings |= {unwrap_heading(s.subject, vocabulary) for s in statements if s.cut}
    parses.parse(headings, progress, (0.75, 0.8))
    if cache is not None:
        texts = _texts_by_note(missed, first + statements, vocabulary)
        for note in missed:
            cache.store(note, (parses[text] for text in texts[note.doc]))
    resolver = Resolver(Registry(vocabulary), lexicon, matcher)
    _learn_aliases(statements, notes, parses, resolver)
    return Reading(statements, parses, resolver, Topics(resolver, vocabulary, lambda text: parses[text]))


def extract(notes: list[Note], *, vocabulary: Vocabulary | None = None, nlp: Language | None = None,
            progress: Progress | None = None, cache: ParseCache | None = None) -> Extraction:
    """Extract entities and triples from notes already read (parsing only the notes
    ``cache`` does not hold, when given)."""
    vocabulary = vocabulary or load_vocabulary()
    reading = prepare(notes, vocabulary, nlp or load_pipeline(), progress, cache)
    assembler = Assembler(reading.resolver.registry)
    for number, statement in enumerate(reading.statements, start=1):
        _read_statement(statement, reading, assembler)
        if progress and number % 500 == 0:
            progress(0.8 + 0.15 * number / len(reading.statements), f"read {number} of {len(reading.statements)} passages")
    for note in notes:
        for section in note.sections:
            assembler.add(heading_findings(section, reading.topics))
    for findings in list_findings(notes, reading):
        assembler.add(findings)
    entities, triples = assembler.build()
    if progress:
        progress(1.0, f"{len(entities)} topics, {len(triples)} relations")
    return Extraction(entities, triples, notes)


def _load_cached(notes: list[Note], cache: ParseCache, parses: _Parses, progress: Progress | None) -> list[Note]:
    """Give ``parses`` what ``cache`` holds for ``notes``; return the notes it does not hold."""
    missed = []
    for note in notes:
        docs = cache.load(note, parses.vocab)
        if docs is None:
            missed.append(note)
        else:
            parses.add(docs)
    if progress and len(missed) < len(notes):
        progress(0.0, f"{len(notes) - len(missed)} of {len(notes)} notes unchanged: reusing their parses")
    return missed


def _texts_by_note(notes: list[Note], statements: Iterable[Statement], vocabulary: Vocabulary) -> dict[str, dict[str, None]]:
    """The texts :func:`prepare` parses for each note (its statements, completed or not,
    and its headings, labels and cut subjects), in order."""
    texts: dict[str, dict[str, None]] = {note.doc: {} for note in notes}
    for note in notes:
        texts[note.doc].update((unwrap_heading(h, vocabulary), None) for sec in note.sections for h in sec.path)
    for statement in statements:
        wanted = texts.get(statement.section.doc)
        if wanted is None:
            continue
        wanted[statement.text] = None
        if statement.block.label:
            wanted[unwrap_heading(statement.block.label, vocabulary)] = None
        if statement.cut:
            wanted[unwrap_heading(statement.subject, vocabulary)] = None
    return texts


def _learn_aliases(statements: list[Statement], notes: list[Note], parses: _Parses, resolver: Resolver) -> None:
    """Abbreviations ("Retrieval-Augmented Generation (RAG)") and coordinated names
    ("image and video analysis" stands for "image analysis" and "video analysis")."""
    texts = {s.block.text for s in statements} | {s.block.label for s in statements} | {
        h for n in notes for sec in n.sections for h in sec.path}
    for text in sorted(texts):
        for long_form, short_form in abbreviation_pairs(text):
            resolver.alias(long_form, short_form)
    registry = resolver.registry
    for statement in statements:
        doc = parses[statement.text]
        for token in doc:
            if token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):
                found = coordinated_phrase(token, resolver.lexicon)
                if found is not None:
                    phrase, parts = found
                    whole = registry.note(registry.concept_key(phrase.name, capitalised=False), phrase.name, phrase.surface)
                    for part in parts:
                        part_key = registry.concept_key(part, capitalised=False)
                        if registry.type_of(part_key) != SERVICE:
                            registry.note(part_key, part, part, weight=0)
                            registry.merge(whole, part_key)


def _read_statement(statement: Statement, reading: Reading, assembler: Assembler) -> None:
    for findings in statement_findings(statement, reading):
        assembler.add(findings)
