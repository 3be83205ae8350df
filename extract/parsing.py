"""Notes through spaCy: each note's statements parsed (fragments completed) and the
words it capitalises counted, with the parses kept per note.

spaCy's parse is the expensive step of an extraction. Texts go through ``nlp.pipe`` in
batches, in two processes when there is much to parse; notes are parsed in chunks so
that only one chunk's docs are held at a time; and a note parsed before in another
version hands back the parses of the passages it still has.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .catalogue import CatalogueMatcher
from .lexicon import Lexicon
from .model import Note
from .statements import Statement, complete, statements_of
from .topics import unwrap_heading
from .vocabulary import Vocabulary

__all__ = ["ParsedNote", "Parses", "parse_notes", "proper_words", "texts_of"]

Progress = Callable[[float, str], None]
# Below this many characters to parse, a second process costs more than it saves.
PARALLEL_CHARACTERS = 1_500_000
# Notes are parsed in chunks of about this many characters: the docs held at once.
CHUNK_CHARACTERS = 1_500_000
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


@dataclass(frozen=True)
class ParsedNote:
    """What parsing a note gives besides its docs: its statements, completed for parsing,
    and how often it writes each word capitalised or in lower case mid-sentence."""

    statements: tuple[Statement, ...]
    capitals: tuple[tuple[str, int, int], ...]


class Parses:
    """spaCy docs by text: given (from a cache) or parsed in batches on demand."""

    def __init__(self, nlp: Language, docs: Iterable[Doc] = ()):
        self._nlp = nlp
        self._docs: dict[str, Doc] = {}
        self.add(docs)

    def add(self, docs: Iterable[Doc]) -> None:
        """Docs parsed before, each standing for its own text."""
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

    def __getitem__(self, text: str) -> Doc:
        if text not in self._docs:
            self.parse([text])
        return self._docs[text]


def texts_of(note: Note, statements: Iterable[Statement], vocabulary: Vocabulary) -> list[str]:
    """Every text parsed for a note: its statements (as written and as completed), its
    headings, labels and cut subjects, in order."""
    texts = dict.fromkeys(unwrap_heading(h, vocabulary) for section in note.sections for h in section.path)
    for statement in statements:
        texts[statement.text] = None
        if statement.block.label:
            texts[unwrap_heading(statement.block.label, vocabulary)] = None
        if statement.cut:
            texts[unwrap_heading(statement.subject, vocabulary)] = None
    return list(texts)


def parse_notes(notes: list[Note], parses_of: Callable[[Note], list[Doc]], nlp: Language, lexicon: Lexicon,
                matcher: CatalogueMatcher, vocabulary: Vocabulary,
                progress: Progress | None = None) -> Iterator[list[tuple[Note, ParsedNote, list[Doc]]]]:
    """Parse ``notes`` chunk by chunk, yielding for each chunk its notes, each with what
    parsing it gave and its docs (those of :func:`texts_of`). ``parses_of`` gives the parses a note had in an
    earlier version: texts found there are not parsed again."""
    total = sum(_characters(note) for note in notes) or 1
    done = 0
    for chunk in _chunks(notes, CHUNK_CHARACTERS):
        size = sum(_characters(note) for note in chunk)
        share = (0.75 * done / total, 0.75 * (done + size) / total)
        yield _parse_chunk(chunk, parses_of, nlp, lexicon, matcher, vocabulary, progress, share)
        done += size


def _parse_chunk(notes: list[Note], parses_of, nlp, lexicon, matcher, vocabulary, progress, share):
    parses = Parses(nlp)
    for note in notes:
        parses.add(parses_of(note))
    written = [list(statements_of([note])) for note in notes]
    middle = share[0] + (share[1] - share[0]) * 0.8
    parses.parse((s.text for statements in written for s in statements), progress, (share[0], middle))
    completed = [[complete(s, parses[s.text], lexicon, matcher) for s in statements] for statements in written]
    texts = [texts_of(note, first + statements, vocabulary) for note, first, statements in zip(notes, written, completed)]
    parses.parse((text for note_texts in texts for text in note_texts), progress, (middle, share[1]))
    return [(note, ParsedNote(tuple(statements), _capitals(parses[s.text] for s in statements)), [parses[t] for t in note_texts])
            for note, statements, note_texts in zip(notes, completed, texts)]


def _chunks(notes: list[Note], characters: int) -> Iterator[list[Note]]:
    chunk: list[Note] = []
    size = 0
    for note in notes:
        if chunk and size + _characters(note) > characters:
            yield chunk
            chunk, size = [], 0
        chunk.append(note)
        size += _characters(note)
    if chunk:
        yield chunk


def _characters(note: Note) -> int:
    return sum(len(block.text) for section in note.sections for block in section.blocks)


def _capitals(docs: Iterable[Doc]) -> tuple[tuple[str, int, int], ...]:
    """Per word, how often it is written capitalised and in lower case mid-sentence."""
    capital, lower = Counter(), Counter()
    for doc in docs:
        for token in doc:
            if not token.is_alpha or token.is_sent_start or token.i == 0 or doc[token.i - 1].text in {":", "(", '"', "-"}:
                continue
            if token.text.istitle():
                capital[token.lower_] += 1
            elif token.text.islower():
                lower[token.lower_] += 1
    return tuple(sorted((word, capital[word], lower[word]) for word in capital.keys() | lower.keys()))


def proper_words(parsed: Iterable[ParsedNote]) -> frozenset[str]:
    """Words the notes capitalise mid-sentence more often than not ("Bayesian", "Hyperband")."""
    capital, lower = Counter(), Counter()
    for note in parsed:
        for word, capitalised, lowered in note.capitals:
            capital[word] += capitalised
            lower[word] += lowered
    return frozenset(word for word, count in capital.items() if count > lower[word])
