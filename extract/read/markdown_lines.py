"""Line rules of the markdown reader: when a paragraph's line goes on with the block before
it, and how a line markdown-it could not reach is read."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .outline import Outline, split_label

__all__ = ["PendingBlock", "continues", "starts_bullet", "read_plain_line"]

_SENTENCE_END = re.compile(r"(?:[.!?:]|\s{2,})$")
_DOT_BULLET = re.compile(r"^\s*•\s")  # not a CommonMark list marker, but a bullet all the same
_LIST_MARKER = re.compile(r"^(?:[-*+•]|\d{1,9}[.)])(?:\s|$)")
_ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")


@dataclass
class PendingBlock:
    """A block being gathered from the lines of a paragraph (``start``: its 1-based line)."""

    start: int
    label: str
    kind: str
    indent: int
    parts: list[str] = field(default_factory=list)


def starts_bullet(line: str) -> bool:
    """A paragraph line that starts a bullet of its own (``• text``)."""
    return bool(_DOT_BULLET.match(line))


def continues(pending: PendingBlock | None, line: str, indent: int, previous: str) -> bool:
    """A line goes on with the block before it when it is indented under a bullet, or level
    with the block after a line that does not end a sentence (nor with two spaces, a line
    break); a ``•`` line starts a bullet.

    >>> block = PendingBlock(start=3, label="", kind="paragraph", indent=0)
    >>> continues(block, "goes on here", 0, "A sentence that"), continues(block, "Another.", 0, "One ends.")
    (True, False)
    """
    if pending is None or starts_bullet(line):
        return False
    if pending.kind == "bullet" and indent > pending.indent:
        return True
    return indent == pending.indent and not _SENTENCE_END.search(previous)


def read_plain_line(outline: Outline, line: str, number: int) -> None:
    """Read one source line at 1-based ``number`` without markdown-it (inside containers
    nested too deep for it): an ATX heading stays a heading, any other line is a block."""
    line = line.strip()
    heading = _ATX_HEADING.match(line)
    if heading:
        outline.heading(len(heading.group(1)), heading.group(2), number)
    elif line:
        label, text = split_label(line)
        outline.block(text, number, label=label, kind="bullet" if _LIST_MARKER.match(line) else "paragraph")
