"""The block structure of a markdown note, as markdown-it-py finds it, and what the reader asks of it.

Only block rules run: the reader cleans the source text of each paragraph, heading and
cell itself (:func:`~extract.read.cleaning.strip_markup`), as the other readers do.
"""
from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .cleaning import strip_markup
from .outline import clean_heading, looks_like_title

__all__ = ["MAX_NESTING", "parse_blocks", "closing_index", "toc_list_end", "is_toc_heading", "without_comments",
           "is_truncated", "strip_quote_markers", "indent_of", "is_underlined_text", "pipe_rows", "table_rows",
           "opens_list", "next_text_line"]

MAX_NESTING = 100  # markdown-it stops reading inside containers nested deeper (about 50 lists)
_PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable(["inline", "text_join"])
_CONTAINERS = {"list_item_open", "blockquote_open"}
_ANCHOR_LINK = re.compile(r"^[\s*_]*\[[^\]\n]+\]\(#[^)\s]*\)[\s*_]*$")  # "[Setup](#setup)", "**[Setup](#setup)**"
_LIST_OPENS = {"bullet_list_open", "ordered_list_open"}
_LIST_TOKENS = {"paragraph_open", "paragraph_close", "list_item_open", "list_item_close",
                "bullet_list_open", "bullet_list_close", "ordered_list_open", "ordered_list_close"}
_TOC_HEADINGS = {"contents", "table of contents", "toc"}
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_COMMENT_TO_END = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # an HTML block's comment runs to its end
_QUOTE_MARKERS = re.compile(r"^(?:[ \t]*>[ \t]?)+")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def parse_blocks(text: str) -> list[Token]:
    """markdown-it's block tokens for ``text`` (CommonMark and pipe tables); ``Token.map``
    gives each block's 0-based ``[first line, end line)``.

    >>> [token.type for token in parse_blocks("# S3\\n\\nText.")]
    ['heading_open', 'inline', 'heading_close', 'paragraph_open', 'inline', 'paragraph_close']
    """
    return _PARSER.parse(text)


def closing_index(tokens: list[Token], index: int) -> int:
    """The index of the token that closes ``tokens[index]`` (an ``*_open`` token)."""
    opening = tokens[index]
    closing = opening.type.removesuffix("_open") + "_close"
    for later in range(index + 1, len(tokens)):
        if tokens[later].type == closing and tokens[later].level == opening.level:
            return later
    return len(tokens) - 1


def toc_list_end(tokens: list[Token], index: int) -> int | None:
    """When ``tokens[index]`` opens a table of contents (a list whose every item is only a
    link to an anchor of the page, ``- [Setup](#setup)``), the index of its closing token;
    otherwise None."""
    if not opens_list(tokens, index):
        return None
    opening, links = tokens[index], 0
    for later in range(index + 1, len(tokens)):  # stops at the first item that is not a link
        token = tokens[later]
        if token.type == "inline" and _ANCHOR_LINK.match(token.content):
            links += 1
        elif token.type not in _LIST_TOKENS:
            return None
        elif token.nesting == -1 and token.level == opening.level:
            return later if links else None
    return None


def opens_list(tokens: list[Token], index: int) -> bool:
    """``tokens[index]`` opens a list (bulleted or numbered)."""
    return index < len(tokens) and tokens[index].type in _LIST_OPENS


def is_toc_heading(title: str) -> bool:
    """A heading that titles a table of contents ("Contents", "Table of contents")."""
    return title.casefold() in _TOC_HEADINGS


def without_comments(text: str, *, to_end: bool = False) -> str:
    """``text`` without HTML comments, each replaced by its line breaks (or a space), so that
    lines keep their numbers and the words around a comment stay apart; ``to_end``: an
    unclosed comment runs to the end (as in an HTML block).

    >>> without_comments("Amazon S3<!-- TODO -->stores data.")
    'Amazon S3 stores data.'
    """
    if "<!--" not in text:
        return text
    pattern = _COMMENT_TO_END if to_end else _COMMENT
    return pattern.sub(lambda match: "\n" * match.group().count("\n") or " ", text)


def is_truncated(token: Token) -> bool:
    """A list item or block quote nested so deep that markdown-it left it empty (its
    lines, to the end of its container, are read as plain lines)."""
    return token.type in _CONTAINERS and token.level + 1 >= MAX_NESTING


def strip_quote_markers(line: str) -> str:
    """A source line without the ``>`` markers of the block quotes it is in."""
    return _QUOTE_MARKERS.sub("", line)


def indent_of(line: str) -> int:
    """The indentation of a line, in columns (a tab is four)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def next_text_line(lines: list[str], number: int, *, quoted: bool) -> int:
    """The number of the first line after ``number`` with text (past the end when none); ``quoted``:
    the lines are in a block quote, whose ``>`` markers are no text."""
    for later in range(number + 1, len(lines)):  # no copy of the rest: long lists stay linear
        if (strip_quote_markers(lines[later]) if quoted else lines[later]).strip():
            return later
    return len(lines)


def is_underlined_text(token: Token, inline: Token) -> bool:
    """A paragraph underlined with ``---`` or ``===`` that does not read as a title: text
    followed by a separator (CommonMark makes it a heading, but notes mean a rule)."""
    return token.markup in {"-", "="} and ("\n" in inline.content or not looks_like_title(clean_heading(inline.content)))


def pipe_rows(lines: list[str], first: int) -> list[tuple[int, list[str]]]:
    """The rows of a paragraph of ``| a | b |`` lines without the rule under a header row
    (markdown-it leaves them text), or none when any line is not a row."""
    if not all(_PIPE_ROW.match(line) or _PIPE_RULE.match(line) for line in lines):
        return []
    return [(first + offset + 1, [strip_markup(cell) for cell in line.strip().strip("|").split("|")])
            for offset, line in enumerate(lines) if not _PIPE_RULE.match(line)]


def table_rows(tokens: list[Token], index: int) -> list[tuple[int, list[str]]]:
    """The rows of the table ``tokens[index]`` opens, as ``(1-based line, cells)``, the header first."""
    rows: list[tuple[int, list[str]]] = []
    for token in tokens[index:closing_index(tokens, index)]:
        if token.type == "tr_open":
            rows.append((token.map[0] + 1, []))
        elif token.type == "inline":
            rows[-1][1].append(strip_markup(without_comments(token.content)))
    return rows
