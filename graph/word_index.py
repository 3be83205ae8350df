"""The words of each topic, indexed for ranked search: its names, its definition and the
sentences of its edges' evidence, as stems ("detects", "detected", "detection" -> "detect").

Built once per graph object (see :mod:`graph.memo`); :mod:`graph.search` ranks with it.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import chain
from pathlib import Path
from typing import NamedTuple

import networkx as nx
from rapidfuzz import fuzz, process

from .memo import derived
from .name_matching import LetterBounds, letter_bounds, ratio_candidates
from .topics import name_index

__all__ = ["NAMING_WEIGHT", "QUESTION_WORDS_FILE", "IndexedSentence", "SearchIndex", "question_words", "search_index",
           "stem", "stems_of"]

QUESTION_WORDS_FILE = Path(__file__).resolve().parent.parent / "content" / "question_words.txt"
_WORD = re.compile(r"\w+")
_ENDINGS = (("ies", "y"), ("sses", "ss"), ("tions", "t"), ("tion", "t"), ("ings", ""), ("ing", ""), ("ed", ""))
_TYPO_CUTOFF = 80.0
# A sentence that only names a topic (its object, or a co-occurrence) counts this much of one
# that is about it (the topic's definition, or the subject of the relation the sentence states).
NAMING_WEIGHT = 0.5  # how alike a typed word and a word of the notes must be (rapidfuzz ratio, 0-100)


@cache
def question_words(path: Path = QUESTION_WORDS_FILE) -> frozenset[str]:
    """The words that frame a question (``content/question_words.txt``), lower case.

    >>> {"how", "which", "the"} <= question_words()
    True
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.lstrip().startswith("#"))


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """``word`` without its plural or verb ending, so that forms of one word meet.

    >>> [stem(word) for word in ("detects", "detected", "detection", "training", "biases", "bias", "running")]
    ['detect', 'detect', 'detect', 'train', 'bias', 'bias', 'run']
    >>> [stem(word) for word in ("stores", "stored", "storing", "databases", "queries", "status")]
    ['stor', 'stor', 'stor', 'databas', 'query', 'status']
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) + len(replacement) >= 3:
            word = word[: len(word) - len(ending)] + replacement
            if not replacement and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # running -> run
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "os")):
            word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def stems_of(text: str) -> list[str]:
    """The stems of the words of ``text``, in order, lower case.

    >>> stems_of("Clarify detects bias in training data.")
    ['clarify', 'detect', 'bias', 'in', 'train', 'data']
    """
    return [stem(word) for word in _WORD.findall(text.casefold())]


class IndexedSentence(NamedTuple):
    """A sentence of the notes (or a definition) and where it stands."""

    text: str
    doc: str
    section: str
    line: int
    definition: bool


@dataclass(frozen=True)
class SearchIndex:
    """Each topic's stems in two fields, names (id, label, aliases) and text (definition and
    evidence sentences), for BM25; and each topic's sentences, to show the best one."""

    topics: tuple[str, ...]
    numbers: dict[str, int]                  # topic -> its position in ``topics``
    name_lengths: tuple[int, ...]            # distinct stems of the topic's names
    text_lengths: tuple[float, ...]          # stems of the topic's sentences (weighted, see NAMING_WEIGHT)
    postings: dict[str, list[tuple[int, int, float]]]  # stem -> (topic number, in its names, times in its text)
    vocabulary: tuple[str, ...]              # every stem, sorted
    sentences: tuple[IndexedSentence, ...]
    sentence_stems: tuple[list[str], ...]   # the stems of each sentence, in order
    topic_sentences: tuple[tuple[int, ...], ...]  # each topic's: its definition, those about it, those naming it
    sorted_names: tuple[str, ...]            # each name or alias of :func:`graph.topics.name_index`, words sorted
    name_total: float = 0.0                  # sums of the lengths, for BM25's average length
    text_total: float = 0.0

    @cached_property
    def vocabulary_bounds(self) -> LetterBounds:
        """The letter counts of the vocabulary, to skip the stems a typo cannot be close to."""
        return letter_bounds(self.vocabulary)

    def idf(self, word: str) -> float:
        """BM25's inverse document frequency of a stem (that of the rarest stem when unknown)."""
        found = len(self.postings.get(word, ())) or 1
        return math.log(1 + (len(self.topics) - found + 0.5) / (found + 0.5))

    def expand(self, word: str) -> list[tuple[str, float]]:
        """The stems of the notes that ``word`` (a stem) stands for, each with a weight in (0, 1]:
        itself when the notes use it; else the longer words it starts (a word being typed),
        or the closest words they do use (a typo)."""
        if word in self.postings:
            return [(word, 1.0)]
        found = []
        if len(word) >= 4:
            start = bisect.bisect_right(self.vocabulary, word)
            for other in self.vocabulary[start:start + 50]:
                if not other.startswith(word):
                    break
                if len(other) <= len(word) + 4:
                    found.append((other, 0.8))
        if not found and len(word) >= 4 and not word.isdigit():
            found = [(other, 0.9 * score / 100) for other, score in self._close_stems(word)]
        return found

    def _close_stems(self, word: str) -> list[tuple[str, float]]:
        """The two stems of the vocabulary closest to ``word`` (rapidfuzz ratio at least
        ``_TYPO_CUTOFF``), best first, the first in the vocabulary's order on a tie; only
        the stems with enough letters in common with it are compared."""
        rows = ratio_candidates(self.vocabulary_bounds, word, _TYPO_CUTOFF).tolist()
        candidates = [self.vocabulary[row] for row in rows]
        close = process.extract(word, candidates, scorer=fuzz.ratio, processor=None, score_cutoff=_TYPO_CUTOFF,
                                limit=2)
        return [(other, score) for other, score, _ in close]


def search_index(graph: nx.Graph, *, fingerprint: tuple[int, ...] | None = None) -> SearchIndex:
    """The :class:`SearchIndex` of ``graph``, built once per graph object (``fingerprint``: see
    :func:`graph.memo.derived`)."""
    return derived(graph, "search_index", _build_search_index, fingerprint=fingerprint)


def _build_search_index(graph: nx.Graph) -> SearchIndex:
    topics = tuple(graph)
    number = {topic: position for position, topic in enumerate(topics)}
    sentences, sentence_words, owned = _sentences(graph, number)
    postings: dict[str, list[tuple[int, int, float]]] = {}
    name_lengths, text_lengths = [], []
    for at, (node, data) in enumerate(graph.nodes(data=True)):
        forms = chain((str(node), str(data.get("label") or "")), (str(alias) for alias in data.get("aliases") or ()))
        names = set(chain.from_iterable(stems_of(form) for form in forms))
        mine = owned[at].items()
        about = Counter(chain.from_iterable(sentence_words[sentence] for sentence, subject in mine if subject))
        naming = Counter(chain.from_iterable(sentence_words[sentence] for sentence, subject in mine if not subject))
        name_lengths.append(len(names))
        text_lengths.append(about.total() + NAMING_WEIGHT * naming.total())
        for word in names | about.keys() | naming.keys():
            postings.setdefault(word, []).append((at, int(word in names), about[word] + NAMING_WEIGHT * naming[word]))
    sorted_names = tuple(" ".join(sorted(choice.split())) for choice in name_index(graph).choices)
    return SearchIndex(topics, number, tuple(name_lengths), tuple(text_lengths), postings, tuple(sorted(postings)),
                       tuple(sentences), tuple(sentence_words), tuple(_in_order(topic, sentences) for topic in owned),
                       sorted_names, sum(name_lengths), sum(text_lengths))


def _sentences(graph: nx.Graph, number: dict[str, int]) -> tuple[list[IndexedSentence], list[list[str]],
                                                                  list[dict[int, bool]]]:
    """Every evidence sentence and definition once, its stems, and each topic's sentences in
    order, each marked True when the topic is what the sentence is about:
    its definition, or the subject of a stated or structural edge the sentence states."""
    sentences: list[IndexedSentence] = []
    sentence_words: list[list[str]] = []
    position: dict[str, int] = {}
    owned: list[dict[int, bool]] = [{} for _ in number]

    def add(place: IndexedSentence, subject: str | None, *others: str) -> None:
        at = position.get(place.text)
        if at is None:
            at = position[place.text] = len(sentences)
            sentences.append(place)
            sentence_words.append(stems_of(place.text))
        if subject is not None:
            owned[number[subject]][at] = True
        for other in others:
            owned[number[other]].setdefault(at, False)

    for source, target, data in graph.edges(data=True):
        pair = (None, source, target) if data.get("kind") == "cooccurrence" else (source, target)
        for evidence in data.get("evidence") or ():
            add(IndexedSentence(str(evidence.get("sentence", "")), str(evidence.get("doc", "")),
                                str(evidence.get("section", "")), int(evidence.get("line", 0) or 0), False), *pair)
    # After the evidence: a definition that is also an edge's sentence is shown with its note.
    for node, data in graph.nodes(data=True):
        if data.get("definition"):
            add(IndexedSentence(str(data["definition"]), "", "", 0, True), node)
    return sentences, sentence_words, owned


def _in_order(sentences: dict[int, bool], everything: list[IndexedSentence]) -> tuple[int, ...]:
    """A topic's sentences: its definition, those about it, then those naming it (each in graph order)."""
    return tuple(sorted(sentences, key=lambda at: (not everything[at].definition, not sentences[at])))
