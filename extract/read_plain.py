"""Read plain text pasted from a PDF: bare-line titles, an index, tab tables, bold labels."""
from __future__ import annotations

import re

from .cleaning import Boilerplate, sentence_key, strip_markup
from .model import Section
from .outline import Outline, clean_heading, emit_table, looks_like_title, split_label

__all__ = ["read_plain", "read_index"]

_INDEX_HEADINGS = {"index", "contents", "table of contents"}
_BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+")
_PUNCTUATION_ONLY = re.compile(r"^[\W_]*$")
_CATEGORY, _TOPIC, _TITLE, _SUBTITLE, _LABEL = 1, 2, 3, 4, 5


def _cells(line: str) -> list[str]:
    return [strip_markup(cell) for cell in line.split("\t")]


def read_index(lines: list[str]) -> tuple[dict[str, int], int, int]:
    """Find a table of contents: ``({title key: level}, first index line, first body line)``.

    Entries with a page number are topics (level 2); entries without one are the
    categories that group them (level 1). Without an index the result is ``({}, -1, 0)``.
    """
    for start, raw in enumerate(lines):
        if raw.split("\t")[0].strip().casefold() in _INDEX_HEADINGS and "\t" in "".join(lines[start:start + 3]):
            titles: dict[str, int] = {}
            end = start + 1
            while end < len(lines) and ("\t" in lines[end] or not lines[end].strip()):
                cells = [c.strip() for c in lines[end].split("\t")]
                if cells[0] and not (len(cells) > 1 and "page" in cells[1].casefold()):
                    level = _TOPIC if len(cells) > 1 and cells[1].isdigit() else _CATEGORY
                    titles[sentence_key(cells[0])] = level
                end += 1
            return titles, start, end
    return {}, -1, 0


def read_plain(text: str, doc: str, boilerplate: Boilerplate | None = None) -> tuple[str, tuple[Section, ...]]:
    """Read plain text (e.g. a cheat sheet pasted from a PDF) into ``(title, sections)``.

    The first line is the title. When the text has an index, everything before it is
    cover and advertising and is dropped, and index entries found in the body become
    level-1 and level-2 headings; other bare short lines between blank lines are
    lower-level titles. Tab-separated rows are tables.
    """
    lines = text.split("\n")
    first = next((i for i, raw in enumerate(lines) if raw.strip()), 0)
    title = clean_heading(lines[first]) if lines and looks_like_title(lines[first]) else ""
    titles, index_start, body_start = read_index(lines)
    if index_start < 0:
        body_start = first + 1 if title else first
    outline = Outline(doc, boilerplate)
    parts: list[str] = []
    block_start, block_label, block_kind = 0, "", "paragraph"
    table: list[tuple[int, list[str]]] = []

    def flush() -> None:
        nonlocal parts, block_label, block_kind
        if parts or block_label:
            outline.block(" ".join(parts), block_start, label=block_label, kind=block_kind)
        parts, block_label, block_kind = [], "", "paragraph"

    def flush_table() -> None:
        if table:
            emit_table(outline, table)
            table.clear()

    def blank(index: int) -> bool:
        return index < 0 or index >= len(lines) or not lines[index].strip()

    for index in range(body_start, len(lines)):
        raw = lines[index].replace("\u00a0", " ")
        number = index + 1
        stripped = raw.strip()
        if "\t" in raw and stripped:
            flush()
            table.append((number, _cells(raw)))
            continue
        flush_table()
        if not stripped or _PUNCTUATION_ONLY.match(stripped):
            flush()
            continue
        stripped = stripped.lstrip("> ").strip() if stripped.startswith(">") else stripped
        key = sentence_key(clean_heading(stripped))
        if key in titles and blank(index - 1) and not _NUMBERED.match(stripped):
            # each index entry titles one chapter: a later "6. Hyperparameter Tuning" is a list item
            flush()
            outline.heading(titles.pop(key), stripped, number)
            continue
        bullet = _BULLET.match(raw)
        label, body = split_label(stripped)
        if bullet and not (_NUMBERED.match(raw) and not label and looks_like_title(body)):
            flush()
            indent = len(bullet.group(1).expandtabs(4))
            outline.close(_LABEL + indent)
            if label and not body:
                outline.heading(_LABEL + indent, label, number, clean=True)
            else:
                parts, block_start, block_label, block_kind = [body], number, label, "bullet"
                flush()
            continue
        if blank(index - 1) and blank(index + 1) or (bullet and blank(index - 1)):
            if not label and looks_like_title(body) or label and not body and len(label.split()) <= 8:
                flush()
                numbered = bool(_NUMBERED.match(raw)) or stripped.endswith(":")
                outline.heading(_SUBTITLE if numbered else _TITLE, stripped, number)
                continue
        if parts and blank(index - 1):
            flush()
        if not parts:
            block_start, block_label = number, label
            parts = [body]
        else:
            parts.append(strip_markup(stripped))
    flush()
    flush_table()
    return title, outline.finish()
