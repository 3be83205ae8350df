"""What reading one note finds, as plain data: the hand-over from the per-note stages
(parse, mentions, relations) to assembly.

Everything here is a frozen dataclass of plain values, so a note's findings can be cached
by the note's content and merged with other notes' findings without spaCy.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .model import Note, Source

__all__ = ["Mention", "Relation", "Statement", "Definition", "SectionFindings", "NoteFindings", "combine",
           "SERVICE", "CONCEPT", "TERM", "STATED", "STRUCTURAL", "COOCCURRENCE"]

SERVICE = "service"     # named in the service catalogue
CONCEPT = "concept"     # named in the concept glossary
TERM = "term"           # a noun phrase of the note; assembly decides whether it is a domain term

STATED = "stated"             # a sentence says it
STRUCTURAL = "structural"     # headings, lists, labels and tables say it
COOCCURRENCE = "cooccurrence"  # only named in the same sentence


@dataclass(frozen=True, slots=True)
class Mention:
    """A thing named in a note: ``text`` as written, ``kind`` one of SERVICE, CONCEPT, TERM,
    and for SERVICE/CONCEPT the vocabulary's canonical ``name``."""

    text: str
    kind: str = TERM
    name: str = ""
    compound: bool = False  # a noun modifies the head ("confidence score"), as in most technical terms
    proper: bool = False  # written with a capital inside a sentence ("routes traffic to a Service")

    @property
    def known(self) -> bool:
        """Named in the vocabulary (catalogue or glossary)."""
        return self.kind != TERM


@dataclass(frozen=True, slots=True)
class Relation:
    """A candidate relation stated by one sentence (or one layout): ``predicate`` is the
    normalised label ("used for"), ``verb`` the words it came from, ``shape`` the extractor."""

    subject: Mention
    predicate: str
    object: Mention
    sentence: str
    source: Source
    kind: str = STATED
    negated: bool = False
    verb: str = ""
    shape: str = ""


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence with every thing it names (for co-occurrence and where topics appear)."""

    sentence: str
    source: Source
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Definition:
    """A sentence that defines ``mention`` ("X is a ...", a flashcard, an "X: ..." label)."""

    mention: Mention
    sentence: str


@dataclass(frozen=True, slots=True)
class SectionFindings:
    """What one section says: the part of a note's findings the section alone decides."""

    statements: tuple[Statement, ...] = ()
    relations: tuple[Relation, ...] = ()
    definitions: tuple[Definition, ...] = ()
    abbreviations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class NoteFindings:
    """All one note says, independent of every other note."""

    note: Note
    statements: tuple[Statement, ...] = ()
    relations: tuple[Relation, ...] = ()
    definitions: tuple[Definition, ...] = ()
    abbreviations: tuple[tuple[str, str], ...] = ()  # (long form, short form)

    @property
    def doc(self) -> str:
        return self.note.doc


def combine(note: Note, sections: Sequence[SectionFindings], shared: dict | None = None) -> NoteFindings:
    """A note's findings from its sections' findings, in order; each distinct mention and
    source held once, so that the cached findings are small and quick to load.

    Findings read on a Dask worker come back with a copy of every word per batch ("concept"
    once per glossary entry that named it): with the same ``shared`` dict, the notes combined
    hold each distinct mention, and each word of mentions and relation labels, once in all."""
    def joined(field_name: str) -> tuple:
        return tuple(dict.fromkeys(x for s in sections for x in getattr(s, field_name)))
    words: dict = {} if shared is None else shared
    sources: dict = {}

    def word(value: str) -> str:
        return words.setdefault(value, value)

    def mention(value: Mention) -> Mention:
        found = words.get(value)
        if found is None:
            found = Mention(word(value.text), word(value.kind), word(value.name), value.compound, value.proper)
            words[found] = found
        return found

    def source(value: Source) -> Source:
        return sources.setdefault(value, value)
    statements = tuple(Statement(s.sentence, source(s.source), tuple(mention(m) for m in s.mentions))
                       for section in sections for s in section.statements)
    relations = tuple(Relation(mention(r.subject), word(r.predicate), mention(r.object), r.sentence, source(r.source),
                               word(r.kind), r.negated, word(r.verb), word(r.shape))
                      for section in sections for r in section.relations)
    return NoteFindings(note, statements, relations, joined("definitions"), joined("abbreviations"))


def said_of_each(relations: Sequence[Relation], read_as: Mention | None, subjects: Sequence[Mention | None]) -> list[Relation]:
    """Relations read with ``read_as`` for their topic, said of each of ``subjects`` instead:
    "XGBoost/LightGBM: boosted trees" of both, "(W2V) word vectors" under the heading
    "BlazingText/Word2Vec" of Word2Vec alone."""
    subjects = [s for s in subjects if s is not None]
    if read_as is None or not subjects or subjects == [read_as]:
        return list(relations)
    found = []
    for relation in relations:
        if relation.subject == read_as:
            found += [replace(relation, subject=s) for s in subjects if s != relation.object]
        elif relation.object == read_as:
            found += [replace(relation, object=s) for s in subjects if s != relation.subject]
        else:
            found.append(relation)
    return found
