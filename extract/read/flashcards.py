"""Read a flashcard deck exported as text: site chrome, then cards (a term and its definition)."""
from __future__ import annotations

import re

from ..model import Section
from .card_layouts import find_cards, status_cards
from .cleaning import Boilerplate, sentence_key, strip_markup
from .outline import Outline, clean_heading, split_label

__all__ = ["read_flashcards", "looks_like_flashcards"]

_HTML_LINE = re.compile(r"^\s*<(?:p|div|ul|ol|li|br)\b", re.IGNORECASE)
_HTML_PARAGRAPH = re.compile(r"</?(?:p|div|br|li)\b[^>]*>", re.IGNORECASE)


def looks_like_flashcards(text: str) -> bool:
    """A flashcard export: a text whose body is mostly cards, in a layout :mod:`.card_layouts` knows."""
    return bool(find_cards(text.split("\n")))


def read_flashcards(text: str, doc: str, boilerplate: Boilerplate | None = None) -> tuple[str, tuple[Section, ...]]:
    """Read a flashcard export into ``(title, sections)``: one section per card, named by its
    term, whose lines are the definition. The first line with text before the first card is
    the title; everything else before it (menus, study statistics) is site chrome and is
    dropped, and so are ``<p>`` copies of the definition.
    """
    lines = text.split("\n")
    cards = find_cards(lines) or status_cards(lines)
    first_card = cards[0].first if cards else len(lines) + 1
    title = next((clean_heading(raw) for raw in lines[:first_card - 1] if raw.strip()), "")
    outline = Outline(doc, boilerplate)
    for card in cards:
        _read_card(outline, [card.term, *card.definition])
    return title, outline.finish()


def _read_card(outline: Outline, body: list[tuple[int, str]]) -> None:
    """One card's ``(line number, line)`` pairs: its term, then its definition."""
    (term_line, term), definition = body[0], body[1:]
    outline.heading(1, term, term_line)
    seen: set[str] = set()
    for number, raw in definition:
        if _HTML_LINE.match(raw):
            _read_html_definition(outline, number, raw, seen)
            continue
        label, rest = split_label(raw)
        seen.add(sentence_key(strip_markup(raw)))
        if label and not rest:
            outline.heading(2, label, number, clean=True)
        else:
            outline.block(rest, number, label=label, kind="card")


def _read_html_definition(outline: Outline, number: int, raw: str, seen: set[str]) -> None:
    """An HTML line of a definition, each paragraph of it a block unless ``seen`` as text already."""
    for piece in _HTML_PARAGRAPH.split(raw):
        piece = strip_markup(piece)
        if piece and sentence_key(piece) not in seen:
            label, rest = split_label(piece)
            outline.block(rest, number, label=label, kind="card")
            seen.add(sentence_key(piece))
