"""Find the cards of a flashcard deck exported as text, in the layouts study sites export.

A deck is a text whose body is mostly cards, whatever site chrome (menus, study statistics,
"14 Terms") surrounds them. Three layouts are known:

* numbered: a number alone on a line, an optional status line ("New cards"), a short term
  line, then one or more definition lines, until the next number;
* tab-separated: one ``term<TAB>definition`` line per card;
* dashed: one ``term — definition`` line per card (an em or en dash between spaces).

>>> cards = find_cards(["Pasta", "", "1", "Al dente", "Cooked firm to the bite.", "", "2", "Roux",
...                     "Flour cooked in fat.", "", "3", "Blanch", "Boil briefly, then cool in ice water."])
>>> [(card.term, card.definition) for card in cards][0]
((4, 'Al dente'), ((5, 'Cooked firm to the bite.'),))
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["Card", "find_cards", "status_cards"]

CARD_STATUS = re.compile(r"^(?:new cards?|still learning|almost done|mastered|learning|not studied)$", re.IGNORECASE)
MIN_CARDS = 3
_CARD_NUMBER = re.compile(r"^\d{1,4}$")
_TAB_CARD = re.compile(r"^(?P<term>[^\t]+?)\s*\t\s*(?P<definition>[^\t]+)$")
_DASH_CARD = re.compile(r"^(?![-*+•>]\s)(?P<term>\S.*?)\s+[—–]\s+(?P<definition>\S.*)$")
_HEADER_CELLS = re.compile(r"^(?:terms?|words?|front|questions?)\s*[\t—–]\s*(?:definitions?|meanings?|back|answers?)$",
                           re.IGNORECASE)  # "Term<TAB>Definition": a header row, no card
_MAX_TERM_WORDS = 12  # "Horizontal Pod Autoscaler (HPA)"; a longer line is a sentence, not a term
_MAX_DEFINITION_LINES = 8  # median lines of a definition: a page of notes under a page number is longer
_MIN_SENTENCE_WORDS = 4  # most one-line definitions are this long at least: the cells of a table are shorter


@dataclass(frozen=True)
class Card:
    """One card: its term and definition lines as ``(1-based line, text)``, and the lines
    ``first`` to ``last`` it spans (its number and status lines included)."""

    first: int
    last: int
    term: tuple[int, str]
    definition: tuple[tuple[int, str], ...] = ()


def find_cards(lines: list[str]) -> list[Card]:
    """The cards of the first layout the text is a deck in; ``[]`` when it is in none."""
    cards = status_cards(lines)
    if len(cards) >= MIN_CARDS:
        return cards
    for layout, min_words in _LAYOUTS:
        cards = layout(lines)
        if _is_deck(cards, lines, min_words=min_words):
            return cards
    return []


def _is_deck(cards: list[Card], lines: list[str], *, min_words: int) -> bool:
    """At least three cards, each with a definition, most of them short (and, for one-line
    cards, most of at least ``min_words`` words), which make at least half of the text."""
    if len(cards) < MIN_CARDS or not all(card.definition for card in cards) or not _defined_briefly(cards, min_words):
        return False
    body = lines[cards[0].first - 1:cards[-1].last]
    return 2 * _lines_with_text(body) >= _lines_with_text(lines)


def _defined_briefly(cards: list[Card], min_words: int) -> bool:
    """Most definitions are short, and most are ``min_words`` words long at least."""
    if statistics.median(len(card.definition) for card in cards) > _MAX_DEFINITION_LINES:
        return False
    worded = sum(1 for card in cards if len(" ".join(text for _, text in card.definition).split()) >= min_words)
    return 2 * worded >= len(cards)


def _lines_with_text(lines: list[str]) -> int:
    """How many of ``lines`` are not blank."""
    return sum(1 for raw in lines if raw.strip())


def status_cards(lines: list[str]) -> list[Card]:
    """Cards whose number has a status line under it (``7`` then ``New cards``), however few."""
    starts = []
    for index, raw in enumerate(lines):
        if _CARD_NUMBER.match(raw.strip()):
            following = next((later.strip() for later in lines[index + 1:index + 3] if later.strip()), "")
            if CARD_STATUS.match(following):
                starts.append(index)
    return list(_cards_between(lines, starts))


def _numbered_cards(lines: list[str]) -> list[Card]:
    """Cards under numbers counting up by one (``1``, ``Roux``, ``Flour cooked in fat.``, ``2``, ...):
    the longest such run; a stray number inside a definition is part of it."""
    best: list[int] = []
    run: list[int] = []
    previous = 0
    for index, number in _term_numbers(lines):
        if run and number == previous + 1:
            run.append(index)
        elif not run or number == 1:
            best = max(best, run, key=len)
            run = [index]
        else:
            continue
        previous = number
    return list(_cards_between(lines, max(best, run, key=len)))


def _term_numbers(lines: list[str]) -> Iterator[tuple[int, int]]:
    """``(index, number)`` of each number alone on a line whose next line with text is a short term."""
    for index, raw in enumerate(lines):
        if _CARD_NUMBER.match(raw.strip()):
            term = next((lines[later].strip() for later in range(index + 1, len(lines))  # no copy: stays linear
                         if lines[later].strip() and not CARD_STATUS.match(lines[later].strip())), "")
            if term and not _CARD_NUMBER.match(term) and len(term.split()) <= _MAX_TERM_WORDS:
                yield index, int(raw.strip())


def _cards_between(lines: list[str], starts: list[int]) -> Iterator[Card]:
    """A card from each start (the index of its number) to the next: the first line with text
    (not a status line) is the term, the others the definition."""
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        body = [(index + 1, lines[index]) for index in range(start + 1, end)
                if lines[index].strip() and not CARD_STATUS.match(lines[index].strip())]
        if body:
            yield Card(start + 1, body[-1][0], body[0], tuple(body[1:]))


def _tab_cards(lines: list[str]) -> list[Card]:
    """One-line cards ``Sourdough<TAB>Bread leavened by wild yeast and lactobacilli.``"""
    return _one_line_cards(lines, _TAB_CARD.match)


def _dash_cards(lines: list[str]) -> list[Card]:
    """One-line cards ``Mitochondrion — The organelle that makes most of the cell's ATP.``"""
    return _one_line_cards(lines, _DASH_CARD.match)


def _one_line_cards(lines: list[str], match: Callable[[str], re.Match | None]) -> list[Card]:
    """The longest run of one-line cards (blank lines may stand between them); any other line,
    a ``Term<TAB>Definition`` header row included, ends a run."""
    best: list[Card] = []
    run: list[Card] = []
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        found = None if _HEADER_CELLS.match(line) else match(line)
        if found and len(found["term"].split()) <= _MAX_TERM_WORDS:
            number = index + 1
            run.append(Card(number, number, (number, found["term"]), ((number, found["definition"].strip()),)))
        else:
            best = max(best, run, key=len)
            run = []
    return max(best, run, key=len)


# Layouts in the order they are tried, each with the words most one-line definitions have at least.
_LAYOUTS: tuple[tuple[Callable[[list[str]], list[Card]], int], ...] = (
    (_numbered_cards, 0), (_tab_cards, _MIN_SENTENCE_WORDS), (_dash_cards, _MIN_SENTENCE_WORDS))
