"""Read plain text pasted from a PDF: bare-line titles, an index, tab tables, bold labels."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Section
from .cleaning import Boilerplate, sentence_key, strip_markup
from .outline import Outline, clean_heading, list_title, looks_like_title, split_label
from .tables import emit_table

__all__ = ["read_plain", "read_index"]

_INDEX_HEADINGS = {"index", "contents", "table of contents"}
_BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+")
_PUNCTUATION_ONLY = re.compile(r"^[\W_]*$")
_CATEGORY, _TOPIC, _TITLE, _SUBTITLE, _LABEL = 1, 2, 3, 4, 5
_RUN_IN_WORDS = 4  # a title without blank lines around it is at most this long
_TERMINAL_MARK = re.compile(r"[.!?:;,]$")


def _indent(line: str) -> int:
    """The spaces before a line's text (a tab counts four)."""
    line = line.expandtabs(4)
    return len(line) - len(line.lstrip())


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
    lower-level titles. Tab-separated rows are tables. A short bullet with bullets indented
    under it (``- sourdough starter`` then ``  - feed it daily``) is the label of those that
    have none of their own.
    """
    lines = text.split("\n")
    first = next((i for i, raw in enumerate(lines) if raw.strip()), 0)
    title = clean_heading(lines[first]) if lines and looks_like_title(lines[first]) else ""
    titles, index_start, body_start = read_index(lines)
    if index_start < 0:
        body_start = first + 1 if title else first
    reader = _PlainReader(lines, Outline(doc, boilerplate), titles)
    reader.read(body_start)
    return title, reader.outline.finish()


class _Line(NamedTuple):
    """One line of text, as the reader's rules look at it."""

    index: int
    raw: str
    stripped: str  # without spaces at the ends or a leading "> "
    bullet: re.Match | None
    label: str
    body: str


class _PlainReader:
    """Reads the body of a plain note into an :class:`Outline`, one line at a time: a line
    is a table row, an index entry, a bullet, a title or text (tried in that order)."""

    def __init__(self, lines: list[str], outline: Outline, titles: dict[str, int]):
        self.outline = outline
        self._lines = lines
        self._titles = titles
        self._parts: list[str] = []
        self._start, self._label = 0, ""
        self._table: list[tuple[int, list[str]]] = []
        self._list_titles: list[tuple[int, str]] = []  # (level, title) of the bullets whose nested bullets they label

    def read(self, start: int) -> None:
        """Read every line from index ``start`` on."""
        for index in range(start, len(self._lines)):
            self._read_line(index)
        self._flush()
        self._flush_table()

    def _read_line(self, index: int) -> None:
        raw = self._lines[index].replace("\u00a0", " ")
        stripped = raw.strip()
        if "\t" in raw and stripped:
            self._flush()
            self._list_titles = []
            self._table.append((index + 1, _cells(raw)))
            return
        self._flush_table()
        if not stripped or _PUNCTUATION_ONLY.match(stripped):
            self._flush()
            return
        stripped = stripped.lstrip("> ").strip() if stripped.startswith(">") else stripped
        line = _Line(index, raw, stripped, _BULLET.match(raw), *split_label(stripped))
        if self._index_entry(line):
            self._list_titles = []
        elif not self._bullet(line):
            self._end_list_titles(_LABEL + _indent(raw))  # a line that is no bullet ends the lists it is not under
            if not self._title(line):
                self._text(line)

    def _index_entry(self, line: _Line) -> bool:
        """A line the index lists: a level-1 or level-2 heading, the first time it appears."""
        key = sentence_key(clean_heading(line.stripped))
        if key not in self._titles or not self._blank(line.index - 1) or _NUMBERED.match(line.stripped):
            return False  # each index entry titles one chapter: a later "6. Hyperparameter Tuning" is a list item
        self._flush()
        self.outline.heading(self._titles.pop(key), line.stripped, line.index + 1)
        return True

    def _bullet(self, line: _Line) -> bool:
        """A bullet (not a numbered title): a block, or a heading for a label alone."""
        if not line.bullet or self._numbered_title(line):
            return False
        self._flush()
        level = _LABEL + _indent(line.raw)
        self.outline.close(level)
        self._end_list_titles(level)
        if line.label and not line.body:
            self.outline.heading(level, line.label, line.index + 1, clean=True)
            return True
        label = line.label or (self._list_titles[-1][1] if self._list_titles else "")
        self.outline.block(line.body, line.index + 1, label=label, kind="bullet")
        self._open_list_title(line, level)
        return True

    def _open_list_title(self, line: _Line, level: int) -> None:
        """A short bullet without a label, with bullets indented under it, is their label."""
        title = "" if line.label else list_title(line.body)
        if title and self._nested_bullet_follows(line):
            self._list_titles.append((level, title))

    def _end_list_titles(self, level: int) -> None:
        """Forget the list titles of bullets at ``level`` or deeper (their lists have ended)."""
        while self._list_titles and self._list_titles[-1][0] >= level:
            self._list_titles.pop()

    @staticmethod
    def _numbered_title(line: _Line) -> bool:
        """A numbered line that reads as a title (``2. Proofing``) is no bullet."""
        return bool(_NUMBERED.match(line.raw)) and not line.label and looks_like_title(line.body)

    def _nested_bullet_follows(self, line: _Line) -> bool:
        """The next line with text is a bullet indented deeper than ``line``."""
        after = next((self._lines[later] for later in range(line.index + 1, len(self._lines))  # no copy: stays linear
                      if self._lines[later].strip()), "")
        nested = _BULLET.match(after)
        return bool(nested) and _indent(after) > _indent(line.raw)

    def _title(self, line: _Line) -> bool:
        """A bare short line between blank lines (or a numbered one after a blank line)."""
        index = line.index
        run_in = self._run_in_title(line)
        if not (self._blank(index - 1) and self._blank(index + 1) or line.bullet and self._blank(index - 1) or run_in):
            return False
        if not (not line.label and (looks_like_title(line.body) or run_in and len(line.body.split()) <= 2)
                or line.label and not line.body and len(line.label.split()) <= 8):
            return False  # a run-in title may be a name written in lower case ("systemd", "cron")
        self._flush()
        numbered = bool(_NUMBERED.match(line.raw)) or line.stripped.endswith(":")
        self.outline.heading(_SUBTITLE if numbered else _TITLE, line.stripped, index + 1)
        return True

    def _run_in_title(self, line: _Line) -> bool:
        """A short bare line squeezed between the end of a block (a table, a bullet, a finished
        sentence) and a paragraph, a table or a list: a title a PDF lost its blank lines around
        ("systemd" then "systemd is the system and service manager.")."""
        words = line.stripped.split()
        if line.bullet or line.label or not 1 <= len(words) <= _RUN_IN_WORDS or _TERMINAL_MARK.search(line.stripped):
            return False
        before, after = self._lines[line.index - 1] if line.index else "", self._line_after(line.index)
        ends_block = self._blank(line.index - 1) or "\t" in before or bool(_BULLET.match(before)) or \
            before.rstrip().endswith((".", "!", "?"))
        starts_block = "\t" in after or bool(_BULLET.match(after)) or (
            len(after.split()) > _RUN_IN_WORDS and after.rstrip().endswith((".", "!", "?", ":")))
        return ends_block and starts_block and not self._parts_open()

    def _parts_open(self) -> bool:
        """A paragraph is being gathered whose last line does not finish a sentence."""
        return bool(self._parts) and not self._parts[-1].rstrip().endswith((".", "!", "?"))

    def _line_after(self, index: int) -> str:
        return self._lines[index + 1] if index + 1 < len(self._lines) else ""

    def _text(self, line: _Line) -> None:
        """A line of a paragraph: a blank line before it starts a new one."""
        if self._parts and self._blank(line.index - 1):
            self._flush()
        if not self._parts:
            self._start, self._label, self._parts = line.index + 1, line.label, [line.body]
        else:
            self._parts.append(strip_markup(line.stripped))

    def _blank(self, index: int) -> bool:
        return index < 0 or index >= len(self._lines) or not self._lines[index].strip()

    def _flush(self) -> None:
        if self._parts or self._label:
            self.outline.block(" ".join(self._parts), self._start, label=self._label)
        self._parts, self._label = [], ""

    def _flush_table(self) -> None:
        if self._table:
            emit_table(self.outline, self._table)
            self._table = []
