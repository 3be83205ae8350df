"""Score typed text against many name forms with rapidfuzz's WRatio, best candidates first.

Scoring every name of a 100,000-topic graph takes a tenth of a second, and most names cannot
come near the typed text. So each name first gets an *upper bound* on its WRatio score from
its letter counts and length alone (computed for all names at once with numpy); names are
then scored best bound first, and scoring stops when the names left cannot beat what the
caller keeps. The scores are rapidfuzz's own, so the caller gets what scoring every name
would give.

Why the bound holds: every part of WRatio compares two strings made of the letters of the
typed text and of the name (the strings themselves, their words sorted or deduplicated, or a
window of the longer one), and their similarity, ``2 * LCS / (len(a) + len(b))``, is at most
``2 * C / (len(a) + len(b))`` where ``C`` counts the letters the two have in common. A name
that shares a whole word with the text can score 100 and always gets the bound 100.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter

import numpy as np
from rapidfuzz import fuzz, process

__all__ = ["LetterBounds", "letter_bounds", "ratio_candidates", "scored_best_first", "upper_bounds"]

_SLACK = 0.11  # scores are rounded to one decimal by the callers; bounds are floats
_FIRST_BATCH = 256


@dataclass(frozen=True, eq=False)
class LetterBounds:
    """What the bounds need of each name form: its length, its words sorted (and sorted without
    repeats) as WRatio's word-order parts compare them, how many times it uses each letter,
    and the forms using each word."""

    lengths: np.ndarray                 # int32, one per form
    word_set_lengths: np.ndarray        # int32, one per form
    letters: dict[str, np.ndarray]      # letter -> uint8 count per form (capped at 255)
    words: dict[str, np.ndarray]        # word -> int32 positions of the forms using it
    forms: tuple[str, ...]
    sorted_forms: tuple[str, ...]       # the words sorted
    word_sets: tuple[str, ...]          # the distinct words sorted


def letter_bounds(forms: Sequence[str]) -> LetterBounds:
    """The :class:`LetterBounds` of ``forms`` (normalised: words joined by single spaces).

    >>> bounds = letter_bounds(["amazon s3", "s3"])
    >>> bounds.lengths.tolist(), bounds.letters["s"].tolist(), bounds.words["s3"].tolist()
    ([9, 2], [1, 1], [0, 1])
    """
    size = len(forms)
    lengths = np.fromiter(map(len, forms), dtype=np.int32, count=size)
    word_sets = tuple(map(_word_set, forms))
    letter_rows: dict[str, tuple[list[int], list[int]]] = {}
    word_rows: dict[str, list[int]] = {}
    for position, form in enumerate(forms):
        for letter, count in Counter(form).items():
            rows, counts = letter_rows.setdefault(letter, ([], []))
            rows.append(position)
            counts.append(min(count, 255))
        for word in set(form.split()):
            word_rows.setdefault(word, []).append(position)
    letters = {}
    for letter, (rows, counts) in letter_rows.items():
        column = np.zeros(size, dtype=np.uint8)
        column[rows] = counts
        letters[letter] = column
    words = {word: np.array(rows, dtype=np.int32) for word, rows in word_rows.items()}
    return LetterBounds(lengths, np.fromiter(map(len, word_sets), dtype=np.int32, count=size), letters, words,
                        tuple(forms), tuple(" ".join(sorted(form.split())) for form in forms), word_sets)


def upper_bounds(bounds: LetterBounds, text: str, cutoff: float | None = None) -> np.ndarray:
    """For each form, a score WRatio(text, form) cannot exceed (float64, 0-100).

    With a ``cutoff``, the forms of about the text's length that pass it and share no word
    with it get their exact score instead: for them WRatio is the best of three plain
    ratios, which rapidfuzz computes far faster than WRatio itself.

    >>> forms = ["sagemaker clarify", "amazon s3", "clarify"]
    >>> [round(b, 1) for b in upper_bounds(letter_bounds(forms), "sagemaker clarfy").tolist()]
    [100.0, 64.3, 83.1]
    >>> [round(fuzz.WRatio("sagemaker clarfy", form), 1) for form in forms]
    [97.0, 40.0, 83.1]
    """
    common = _common_letters(bounds, Counter(text))
    lengths, typed, typed_words = bounds.lengths, len(text), len(_word_set(text))
    shorter, longer = np.minimum(lengths, typed), np.maximum(lengths, typed)
    twice = 2.0 * common
    whole = twice / (lengths + typed)  # ratio, and token_sort_ratio (the same letters)
    word_sets = 0.95 * twice / (bounds.word_set_lengths + typed_words)  # token_set_ratio, no word shared
    ratio = longer / shorter
    scale = np.where(ratio <= 8.0, 0.9, 0.6)
    partial = scale * twice / (shorter + common)  # the shorter against windows of the longer
    partial_words = 0.95 * scale * twice / (np.minimum(bounds.word_set_lengths, typed_words) + common)
    close = ratio < 1.5
    bound = 100.0 * np.where(close, np.maximum(whole, word_sets), np.maximum(whole, np.maximum(partial, partial_words)))
    shared = np.zeros(len(bound), dtype=bool)
    for word in set(text.split()):
        rows = bounds.words.get(word)
        if rows is not None:
            shared[rows] = True
    if cutoff is not None:
        rows = np.flatnonzero(close & ~shared & (bound >= cutoff - _SLACK))
        if len(rows):
            bound[rows] = _close_scores(bounds, text, rows.tolist()) + _SLACK / 2
    bound[shared] = 100.0
    return bound


def ratio_candidates(bounds: LetterBounds, text: str, cutoff: float) -> np.ndarray:
    """The positions of the forms whose plain ``fuzz.ratio`` against ``text`` could reach
    ``cutoff``, in order: every form scoring at least ``cutoff`` is among them.

    ``fuzz.ratio`` is ``200 * LCS / (len(a) + len(b))``, and the longest common subsequence
    cannot hold more letters than the two strings have in common. The ratio of a form with
    its words sorted has the same bound (the same letters, the same length).

    >>> forms = ["sagemaker clarify", "amazon s3", "clarify"]
    >>> ratio_candidates(letter_bounds(forms), "clarfy", 80.0).tolist()
    [2]
    """
    letters = Counter(text)
    if not text or max(letters.values()) > 255:  # counts per form are capped at 255: no bound
        return np.arange(len(bounds.lengths))
    bound = 200.0 * _common_letters(bounds, letters) / (bounds.lengths + len(text))
    return np.flatnonzero(bound >= cutoff - _SLACK)


def _common_letters(bounds: LetterBounds, letters: Counter[str]) -> np.ndarray:
    """For each form, how many letters it has in common with a text using ``letters``."""
    common = np.zeros(len(bounds.lengths), dtype=np.int32)
    for letter, count in letters.items():
        column = bounds.letters.get(letter)
        if column is not None:
            common += np.minimum(column, count)
    return common


def _close_scores(bounds: LetterBounds, text: str, rows: list[int]) -> np.ndarray:
    """WRatio of forms of about the text's length that share no word with it: the best of
    their plain ratio and, scaled by 0.95, the ratios of their sorted words and word sets."""
    pick = itemgetter(*rows) if len(rows) > 1 else (lambda items: (items[rows[0]],))
    scores = [process.cdist([typed], pick(forms), scorer=fuzz.ratio, processor=None, dtype=np.float64)[0]
              for typed, forms in ((text, bounds.forms), (" ".join(sorted(text.split())), bounds.sorted_forms),
                                   (_word_set(text), bounds.word_sets))]
    return np.maximum(scores[0], 0.95 * np.maximum(scores[1], scores[2]))


def scored_best_first(text: str, forms: Sequence[str], bounds: LetterBounds, cutoff: float,
                      floor: Callable[[list[tuple[float, int]]], float]) -> list[tuple[float, int]]:
    """``(score, position)`` of forms scoring at least ``cutoff`` against ``text``, found best bound first.

    After each batch, ``floor(scored so far)`` says the score a form must reach to change the
    caller's answer; scoring stops when no form left has a bound that high. Forms never scored
    are exactly those that could not matter.

    >>> forms = ["sagemaker clarify", "amazon s3", "clarify"]
    >>> [(round(score, 1), forms[position]) for score, position in
    ...  scored_best_first("clarfy", forms, letter_bounds(forms), 60.0, lambda found: 60.0)]
    [(92.3, 'clarify'), (75.0, 'sagemaker clarify')]
    """
    bound = upper_bounds(bounds, text, cutoff)
    order = np.flatnonzero(bound >= cutoff - _SLACK)
    order = order[np.argsort(-bound[order], kind="stable")]
    ranked = bound[order]
    found: list[tuple[float, int]] = []
    done, batch = 0, _FIRST_BATCH
    while done < len(order):
        rows = order[done:done + batch].tolist()
        batch_forms = itemgetter(*rows)(forms) if len(rows) > 1 else (forms[rows[0]],)
        for _, score, index in process.extract(text, batch_forms, scorer=fuzz.WRatio, processor=None, limit=None,
                                               score_cutoff=cutoff):
            found.append((score, rows[index]))
        done, batch = done + len(rows), batch * 2
        if done < len(order) and ranked[done] < floor(found) - _SLACK:
            break
    return found


def _word_set(text: str) -> str:
    """The distinct words sorted and joined, as token_set_ratio compares them."""
    return " ".join(sorted(set(text.split())))
