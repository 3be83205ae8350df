"""Read a flashcard deck exported as text: site chrome, then numbered cards (term, definition)."""
from __future__ import annotations

import re

from ..model import Section
from .cleaning import Boilerplate, sentence_key, strip_markup
from .outline import Outline, clean_heading, split_label

__all__ = ["read_flashcards", "looks_like_flashcards"]

_CARD_STATUS = re.compile(r"^(?:new cards?|still learning|almost done|mastered|learning|not studied)$", re.IGNORECASE)
_CARD_NUMBER = re.compile(r"^\d{1,4}$")
_HTML_LINE = re.compile(r"^\s*<(?:p|div|ul|ol|li|br)\b", re.IGNORECASE)
_HTML_PARAGRAPH = re.compile(r"</?(?:p|div|br|li)\b[^>]*>", re.IGNORECASE)


def _card_starts(lines: list[str]) -> list[int]:
    """Indexes of card numbers: a bare number followed by a status line ("New cards")."""
    starts = []
    for index, raw in enumerate(lines):
        if _CARD_NUMBER.match(raw.strip()):
            following = next((later.strip() for later in lines[index + 1:index + 3] if later.strip()), "")
            if _CARD_STATUS.match(following):
                starts.append(index)
    return starts


def looks_like_flashcards(text: str) -> bool:
    """A flashcard export has at least three numbered cards."""
    return len(_card_starts(text.split("\n"))) >= 3


def read_flashcards(text: str, doc: str, boilerplate: Boilerplate | None = None) -> tuple[str, tuple[Section, ...]]:
    """Read a flashcard export into ``(title, sections)``: one section per card, named by its
    term, whose lines are the definition. Everything before the first card (menus, study
    statistics) is site chrome and is dropped, and so are ``<p>`` copies of the definition.
    """
    lines = text.split("\n")
    title = next((clean_heading(raw) for raw in lines if raw.strip()), "")
    starts = _card_starts(lines)
    outline = Outline(doc, boilerplate)
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        body = [(index + 1, lines[index]) for index in range(start + 1, end) if lines[index].strip()]
        body = [(number, raw) for number, raw in body if not _CARD_STATUS.match(raw.strip())]
        if body:
            _read_card(outline, body)
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
