"""Read markdown notes: front matter, headings, nested lists, tables, block quotes, code and separators.

markdown-it-py finds the blocks (CommonMark and pipe tables), so a ``# comment`` in a code block is
never a heading; the reader walks its tokens and cleans each block's source text. Code blocks are kept
whole as ``kind="code"`` blocks; HTML comments and tables of contents give nothing. A paragraph's lines
make one block, but a line that states one thing of its own (``Proofing: an hour``, ``yeast = a
fungus``, ``flour -> dough``) makes a block alone.
"""
from __future__ import annotations

from markdown_it.token import Token

from ..model import Section
from .cleaning import Boilerplate, inline_code
from .front_matter import split_front_matter
from .markdown_lines import PendingBlock, continues, read_plain_line, starts_bullet, title_of_list
from .markdown_tokens import (closing_index, indent_of, is_toc_heading, is_truncated, is_underlined_text,
                              next_text_line, opens_list, parse_blocks, pipe_rows, strip_quote_markers, table_rows,
                              toc_list_end, without_comments)
from .outline import Outline, clean_heading, list_title, looks_like_title, split_label
from .tables import emit_table

__all__ = ["read_markdown"]

_LIST_LEVEL = 10  # list titles nest below the six markdown heading levels


def read_markdown(text: str, doc: str, boilerplate: Boilerplate | None = None) -> tuple[str, tuple[Section, ...]]:
    """Read a markdown note into ``(title, sections)``.

    Headings give the section path; a single level-1 heading (or the front matter's ``title``) is
    the note's title. A bullet that reads as a title and has nested lines under it (``- General
    Purpose`` then ``  - These instances ...``) opens a sub-heading for them, as do a label-only
    bullet (``2. Stacking:``) and a paragraph's last line that titles the list right after it
    (``Proofing times:`` then ``- an hour``). Any other short bullet with nested lines (``- sourdough
    starter`` then ``  - Feed it daily``) is a list title: it stays a bullet and is the label of the
    blocks nested under it that have none of their own.

    >>> read_markdown("## S3\\n\\n- **Storage:** Amazon S3 stores objects.\\n", "s3.md")[1][0].blocks
    (Block(text='Amazon S3 stores objects.', line=3, label='Storage', kind='bullet', attribute=''),)
    """
    # Files come with "\n" alone (note_from_bytes); a stray CR is a space, not a line break markdown-it would see.
    text = text.replace("\r\n", "\n").replace("\r", " ")
    meta, body, first_line = split_front_matter(text)
    source = "\n" * (first_line - 1) + body  # front matter left as blank lines: token lines are the file's
    tokens = parse_blocks(source)
    title = meta.get("title")
    title = str(title).strip() if isinstance(title, (str, int, float)) else ""  # never a nested structure
    h1_is_title = sum(1 for index, token in enumerate(tokens) if token.type == "heading_open" and token.tag == "h1"
                      and not is_underlined_text(token, tokens[index + 1])) == 1
    reader = _Reader(source.split("\n"), Outline(doc, boilerplate), title, h1_is_title=h1_is_title)
    reader.read(tokens)
    return reader.title, reader.outline.finish()


class _Reader:
    """Walks markdown-it's block tokens into an :class:`Outline`."""

    def __init__(self, lines: list[str], outline: Outline, title: str, *, h1_is_title: bool):
        self.outline = outline
        self.title = title
        self._lines = lines
        self._h1_is_title = h1_is_title
        self._lists: list[tuple[int, int]] = []  # (level of its items, level of its title or 0) of each open list
        self._list_title = 0  # level of the title that the paragraph just read gives the list after it
        self._quotes = 0  # block quotes open around it
        self._list_titles: list[tuple[int, str]] = []  # (level, title) of the items whose nested blocks they label

    def read(self, tokens: list[Token]) -> None:
        """Read every token; each handler returns the index of the next token to read."""
        index = 0
        while index < len(tokens):
            handler = _HANDLERS.get(tokens[index].type)
            index = handler(self, tokens, index) if handler else index + 1

    def _heading(self, tokens: list[Token], index: int) -> int:
        token, text = tokens[index], without_comments(tokens[index + 1].content).replace("\n", " ")
        after = index + 3
        if is_underlined_text(token, tokens[index + 1]):
            self._paragraph(tokens, index)
            if token.markup == "-":
                self.outline.close(_LIST_LEVEL)
            return after
        if is_toc_heading(clean_heading(text)) and toc_list_end(tokens, after) is not None:
            return after
        self.outline.close(_LIST_LEVEL)
        if token.tag == "h1" and self._h1_is_title:
            self.title = self.title or clean_heading(text)
        else:
            self.outline.heading(int(token.tag[1:]), text, token.map[0] + 1)
        return after

    def _list(self, tokens: list[Token], index: int) -> int:
        """A list's items nest one level below the list around it, or below the title line before it."""
        title, self._list_title = self._list_title, 0
        end = toc_list_end(tokens, index)
        if end is not None:
            return end + 1
        outer = self._lists[-1][0] if self._lists else _LIST_LEVEL - 1
        self._lists.append((max(outer, title) + 1, title))
        return index + 1

    def _list_end(self, tokens: list[Token], index: int) -> int:
        level, title = self._lists.pop()
        self._end_list_titles(level)
        if title:
            self.outline.close(title)  # the title covers its list only
        return index + 1

    def _end_list_titles(self, level: int) -> None:
        """Forget the list titles of items at ``level`` or deeper (their items have ended)."""
        while self._list_titles and self._list_titles[-1][0] >= level:
            self._list_titles.pop()

    def _quote(self, tokens: list[Token], index: int) -> int:
        if is_truncated(tokens[index]):
            return self._plain_lines(tokens, index)
        self._quotes += 1
        return index + 1

    def _quote_end(self, tokens: list[Token], index: int) -> int:
        self._quotes -= 1
        return index + 1

    def _item(self, tokens: list[Token], index: int) -> int:
        if is_truncated(tokens[index]):
            return self._plain_lines(tokens, index)
        level = self._lists[-1][0]
        self.outline.close(level)
        self._end_list_titles(level)
        if tokens[index + 1].type != "paragraph_open":
            return index + 1
        inline = tokens[index + 2]
        lines = without_comments(inline.content).split("\n")
        self._bullet(lines, inline.map[0], level, before_list=opens_list(tokens, index + 4))
        return index + 4

    def _bullet(self, lines: list[str], first: int, level: int, *, before_list: bool) -> None:
        """A list item's first paragraph: a title, a label or a bullet, and the lines after it."""
        label, text = split_label(lines[0])
        indent = self._indent(first)
        nested = self._indent(next_text_line(self._lines, first, quoted=bool(self._quotes))) > indent
        pending = None
        if label and not text:
            self.outline.heading(level, label, first + 1, clean=True)
        elif not label and nested and looks_like_title(text, max_words=8):
            self.outline.heading(level, text, first + 1, clean=True)
        else:
            pending = PendingBlock(first + 1, label, "bullet", indent, [text])
        self._paragraph_lines(lines, first, pending, start=1, before_list=before_list)
        title = list_title(text) if pending and not label and nested and len(lines) == 1 else ""
        if title:
            self._list_titles.append((level, title))

    def _paragraph(self, tokens: list[Token], index: int) -> int:
        inline = tokens[index + 1]
        lines = without_comments(inline.content).split("\n")
        rows = pipe_rows(lines, inline.map[0])
        if rows:
            emit_table(self.outline, rows)
            return index + 3
        self._opening_block()
        self._paragraph_lines(lines, inline.map[0], None, before_list=opens_list(tokens, index + 3))
        return index + 3

    def _html(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        self._opening_block()
        self._paragraph_lines(without_comments(token.content, to_end=True).split("\n"), token.map[0], None)
        return index + 1

    def _code(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        self._opening_block()
        self.outline.code(token.content.rstrip("\n"), token.map[0] + 1)
        return index + 1

    def _rule(self, tokens: list[Token], index: int) -> int:
        self.outline.close(_LIST_LEVEL)
        return index + 1

    def _table(self, tokens: list[Token], index: int) -> int:
        emit_table(self.outline, table_rows(tokens, index))
        return closing_index(tokens, index) + 1

    def _opening_block(self) -> None:
        """A block outside any list ends the titles that list items opened."""
        if not self._lists:
            self.outline.close(_LIST_LEVEL)

    def _paragraph_lines(self, lines: list[str], first: int, pending: PendingBlock | None, *, start: int = 0,
                         before_list: bool = False) -> None:
        """Gather a paragraph's lines (from ``lines[start]``, the first at 0-based line ``first``) into blocks,
        after the ``pending`` one; ``Label:`` alone on a line opens a title, as does a last line that titles
        the list right after it (``before_list``, :func:`title_of_list`)."""
        for offset in range(start, len(lines)):
            raw, number, indent = lines[offset], first + offset, self._indent(first + offset)
            if continues(pending, raw, indent, lines[offset - 1]):
                pending.parts.append(split_label(raw)[1])
                continue
            self._flush(pending)
            pending = None
            label, text = split_label(raw)
            list_title_line = before_list and offset == len(lines) - 1 and title_of_list(raw)
            if list_title_line or label and not text:
                self._title(list_title_line or label, number + 1, lists_it=bool(list_title_line))
            elif label or text:
                pending = PendingBlock(number + 1, label, "bullet" if starts_bullet(raw) else "paragraph", indent, [text])
        self._flush(pending)

    def _title(self, title: str, line: int, *, lists_it: bool) -> None:
        """Open a title line's heading below the open ones; ``lists_it``: it titles the list after it."""
        depth = self.outline.depth()
        level = depth + 1 if depth >= _LIST_LEVEL else _LIST_LEVEL
        self.outline.heading(level, title, line, clean=True)
        self._list_title = level if lists_it and self.outline.depth() == level else 0

    def _flush(self, pending: PendingBlock | None) -> None:
        if pending is not None:
            label = pending.label or (self._list_titles[-1][1] if self._list_titles else "")
            lines = self._lines[pending.start - 1:pending.start - 1 + len(pending.parts)]
            self.outline.block(" ".join(pending.parts), pending.start, label=label, kind=pending.kind,
                               code=inline_code(lines))

    def _plain_lines(self, tokens: list[Token], index: int) -> int:
        """The lines of a container nested too deep for markdown-it, read one by one."""
        first, end = tokens[index].map
        for number in range(first, end):
            read_plain_line(self.outline, strip_quote_markers(self._lines[number]), number + 1)
        return closing_index(tokens, index) + 1

    def _indent(self, number: int) -> int:
        line = self._lines[number] if number < len(self._lines) else ""
        return indent_of(strip_quote_markers(line) if self._quotes else line)


_HANDLERS = {
    "heading_open": _Reader._heading,
    "paragraph_open": _Reader._paragraph,
    "bullet_list_open": _Reader._list,
    "ordered_list_open": _Reader._list,
    "bullet_list_close": _Reader._list_end,
    "ordered_list_close": _Reader._list_end,
    "list_item_open": _Reader._item,
    "blockquote_open": _Reader._quote,
    "blockquote_close": _Reader._quote_end,
    "fence": _Reader._code,
    "code_block": _Reader._code,
    "html_block": _Reader._html,
    "hr": _Reader._rule,
    "table_open": _Reader._table,
}
