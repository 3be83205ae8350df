"""Line rules of the markdown reader: when a paragraph's line goes on with the block before
it, which line titles the list after it, and how a line markdown-it could not reach is read."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .outline import Outline, list_title, split_label

__all__ = ["PendingBlock", "continues", "starts_bullet", "states_one_thing", "title_of_list", "read_plain_line"]

_SENTENCE_END = re.compile(r"(?:[.!?:]|\s{2,})$")
_DOT_BULLET = re.compile(r"^\s*•\s")  # not a CommonMark list marker, but a bullet all the same
_LIST_MARKER = re.compile(r"^(?:[-*+•]|\d{1,9}[.)])(?:\s|$)")
_ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_OPERATOR = re.compile(r"\s(?:=|--?>|=>)\s+\S|\s*[→⇒]\s*\S")  # "yeast = a fungus", "flour -> dough", "dough→loaf"
_OPEN_END = re.compile(r"[,(&+/]\s*$")  # "… flour, yeast," goes on on the next line


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


def states_one_thing(line: str) -> bool:
    """A line that states one thing of its own: ``Label: text`` (or a title ``Label:``, as
    :func:`~.outline.split_label` reads labels), ``X = Y`` or an arrow chain ``A -> B → C``
    whose head ``X`` or ``A`` is a short term (a few words, no sentence punctuation).

    >>> states_one_thing("Proofing: the dough rises"), states_one_thing("yeast = a fungus that feeds on sugar")
    (True, True)
    >>> states_one_thing("flour -> dough -> bread"), states_one_thing("so the oven we had at home = too hot")
    (True, False)
    """
    label, text = split_label(line)
    if label:
        return True
    operator = _OPERATOR.search(text)
    return bool(operator) and bool(list_title(text[:operator.start()]))


def title_of_list(line: str) -> str:
    """The title a paragraph's last line gives the list right after it: a label alone
    (``Proofing Times:``) or a few words ending with a colon (``ways to knead:``); else ``""``.

    >>> title_of_list("Proofing Times:"), title_of_list("ways to knead:"), title_of_list("Knead it for ten minutes:")
    ('Proofing Times', 'ways to knead', '')
    """
    label, text = split_label(line)
    if label and not text:
        return label
    return list_title(text) if text.endswith(":") else ""


def continues(pending: PendingBlock | None, line: str, indent: int, previous: str) -> bool:
    """A line goes on with the block before it when it is indented under a bullet, or level
    with the block after a line that does not end a sentence (nor with two spaces, a line
    break). A ``•`` line starts a bullet, and a line that states one thing of its own
    (:func:`states_one_thing`) a block; so does the line level with one after it, unless it plainly
    goes on with it (it starts in lower case, or the statement ends with a comma).

    >>> block = PendingBlock(start=3, label="", kind="paragraph", indent=0)
    >>> continues(block, "goes on here", 0, "A sentence that"), continues(block, "Another.", 0, "One ends.")
    (True, False)
    >>> continues(block, "Baking: at 220 degrees", 0, "Proofing: an hour")
    False
    >>> continues(block, "Bake it", 0, "dough = wet flour"), continues(block, "or overnight", 0, "Proofing: an hour")
    (False, True)
    """
    if pending is None or starts_bullet(line) or states_one_thing(line):
        return False
    if pending.kind == "bullet" and indent > pending.indent:
        return True
    if states_one_thing(previous) and not (_OPEN_END.search(previous) or split_label(line)[1][:1].islower()):
        return False
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
