"""Read markdown notes: YAML front matter, ``#`` headings, nested bullet lists, pipe tables, separators."""
from __future__ import annotations

import re

import yaml

from .cleaning import Boilerplate, strip_markup
from .model import Section
from .outline import Outline, clean_heading, emit_table, looks_like_title, split_label

__all__ = ["read_markdown", "split_front_matter", "front_matter_problem"]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+•]|\d+[.)])\s+(.*)$")
_SENTENCE_END = re.compile(r"(?:[.!?:]|\s{2,})$")
_LIST_LEVEL = 10  # list titles nest below the six markdown heading levels
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _front_matter(text: str) -> tuple[dict, str, int, str]:
    """``(metadata, body, first body line number, problem)``; ``problem`` is "" when the
    front matter is valid YAML or absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text, 1, ""
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in {"---", "..."}:
            try:
                meta = yaml.safe_load("\n".join(lines[1:end])) or {}
            except (yaml.YAMLError, ValueError, RecursionError) as error:  # deep nesting overflows the parser
                reason = getattr(error, "problem", None) or type(error).__name__
                return {}, "\n".join(lines[end + 1:]), end + 2, f"front matter is not valid YAML ({reason}): ignored"
            if not isinstance(meta, dict):
                return {}, "\n".join(lines[end + 1:]), end + 2, "front matter is not a YAML mapping: ignored"
            return meta, "\n".join(lines[end + 1:]), end + 2, ""
    return {}, text, 1, ""


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """Split YAML front matter from the body: ``(metadata, body, first body line number)``.

    Front matter that is not valid YAML is kept out of the body and yields no metadata.
    """
    meta, body, first_line, _ = _front_matter(text)
    return meta, body, first_line


def front_matter_problem(text: str) -> str:
    """Why a note's front matter was ignored ("" when it is valid or absent)."""
    return _front_matter(text)[3]


def _indent(raw: str) -> int:
    expanded = raw.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def read_markdown(text: str, doc: str, boilerplate: Boilerplate | None = None) -> tuple[str, tuple[Section, ...]]:
    """Read a markdown note into ``(title, sections)``.

    Headings give the section path. A bullet that reads as a title and has nested
    lines under it (``- General Purpose`` then ``  - These instances ...``) opens a
    sub-heading for them, as does a label-only bullet (``2. Stacking:``).
    """
    meta, body, first_line = split_front_matter(text)
    outline = Outline(doc, boilerplate)
    lines = body.split("\n")
    title = meta.get("title")
    title = str(title).strip() if isinstance(title, (str, int, float)) else ""  # never a nested structure
    parts: list[str] = []
    start = 0
    label = ""
    kind = "paragraph"
    block_indent = 0

    def flush() -> None:
        nonlocal parts, label, kind
        if parts or label:
            outline.block(" ".join(parts), start, label=label, kind=kind)
        parts, label, kind = [], "", "paragraph"

    def next_nonblank(index: int) -> str:
        for later in range(index + 1, len(lines)):  # no copy of the rest: long lists stay linear
            if lines[later].strip():
                return lines[later]
        return ""

    # A single level-1 heading is the note's title, not a section of it.
    h1_count = sum(1 for raw in lines if _indent(raw) < 4 and (m := _HEADING.match(raw.strip())) and len(m.group(1)) == 1)
    previous_blank = True
    table: list[tuple[int, list[str]]] = []
    for index, raw in enumerate(lines):
        number = index + first_line
        stripped = raw.strip()
        if _TABLE_ROW.match(raw) or table and _TABLE_RULE.match(raw):
            flush()
            if not _TABLE_RULE.match(raw):
                table.append((number, [strip_markup(cell) for cell in stripped.strip("|").split("|")]))
            continue
        if table:
            emit_table(outline, table)
            table = []
        if not stripped:
            flush()
            previous_blank = True
            continue
        heading = _HEADING.match(stripped) if _indent(raw) < 4 else None
        if heading:
            flush()
            level = len(heading.group(1))
            outline.close(_LIST_LEVEL)
            if level == 1 and h1_count == 1:
                title = title or clean_heading(heading.group(2))
            else:
                outline.heading(level, heading.group(2), number)
        elif _SEPARATOR.match(stripped):
            flush()
            outline.close(_LIST_LEVEL)
        elif _BULLET.match(raw):
            flush()
            indent = _indent(raw)
            level = _LIST_LEVEL + indent // 2
            outline.close(level)
            item_label, item_text = split_label(raw)
            nested = _indent(next_nonblank(index)) > indent
            if item_label and not item_text:
                outline.heading(level, item_label, number, clean=True)
            elif not item_label and nested and looks_like_title(item_text, max_words=8):
                outline.heading(level, item_text, number, clean=True)
            else:
                parts, start, label, kind, block_indent = [item_text], number, item_label, "bullet", indent
        else:
            indent = _indent(raw)
            continues = parts and (kind == "bullet" and indent > block_indent or not _SENTENCE_END.search(lines[index - 1].rstrip("\n")) and indent == block_indent)
            if continues:
                parts.append(split_label(raw)[1])
            else:
                flush()
                if indent == 0 and previous_blank:
                    outline.close(_LIST_LEVEL)
                line_label, line_text = split_label(raw)
                if line_label and not line_text:
                    outline.heading(outline.depth() + 1 if outline.depth() >= _LIST_LEVEL else _LIST_LEVEL, line_label, number,
                                    clean=True)
                else:
                    parts, start, label, kind, block_indent = [line_text], number, line_label, "paragraph", indent
        previous_blank = False
    flush()
    if table:
        emit_table(outline, table)
    return title, outline.finish()
