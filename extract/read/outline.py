"""Shared building blocks of the note readers: a heading outline and label splitting."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Block, Section
from .cleaning import Boilerplate, normalise_space, strip_markup

__all__ = ["INTRODUCING_WORDS", "Outline", "split_label", "clean_heading", "tidy_heading", "looks_like_title", "list_title", 
           "split_long_text", "MAX_BLOCK_CHARS"]

_BULLET = re.compile(r"^[-*+•]\s+")
_BOLD = re.compile(r"^(\*\*|__)(.+?)\1(.*)$")
_SEPARATOR = re.compile(r"^\s*(?::-?|[-–—])(?:\s+|$)|^\s*$")
_INNER_SEPARATOR = re.compile(r"(?::-?|\?)\s*$")
_PLAIN_LABEL = re.compile(r"^(?P<label>[A-Z0-9(][^:.!?]{0,60}?)\s*:-?(?:\s+(?P<rest>\S.*))?$")
_LABEL_ASIDE = re.compile(r"^(\([^()]*\))\s*:\s*(\S.*)$")
_NUMBERING = re.compile(r"^\s*(?:\d+[.)]|[a-z][.)]|[ivx]+[.)])\s+")
_TERMINAL = re.compile(r"[.!;,]\s*$")
# Words that end a sentence leading into a list after its colon ("AWS offers several services, including:").
INTRODUCING_WORDS = ("including", "such as", "like", "include", "includes", "namely", "are", "is")
_LEAD_IN = re.compile(r"\b(?:" + "|".join((*INTRODUCING_WORDS, "following")) + r")\s*:\s*$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?;,](?:\s|$)|\s(?:[-=]+>?|→)\s")  # "Runs pods." "eggs, flour" "etcd = store"
MAX_BLOCK_CHARS = 2_000  # longer paragraphs are read in sentence-sized pieces (spaCy time grows faster than length)
MAX_HEADING_CHARS = 200  # a longer "heading" or label is text
MAX_DEPTH = 24  # headings nested deeper than this are text under the deepest one
_MAX_LABEL_WORDS = 7
_MAX_PLAIN_LABEL_WORDS = 5  # "Mean:", "Data Warehouses:"; longer "Works with a variety of tools:" is a sentence
_MAX_LIST_TITLE_WORDS = 4  # "sourdough starter", "proofing times"; "yeast makes the dough rise" is a statement


def clean_heading(text: str) -> str:
    """A heading's readable text: no markup, numbering or trailing colon."""
    return tidy_heading(strip_markup(text))


def tidy_heading(text: str) -> str:
    """:func:`clean_heading` for text whose markup is gone already: markup is stripped (and
    entities unescaped) once only, so ``&amp;lt;`` stays the ``&lt;`` the note shows."""
    text = _NUMBERING.sub("", text)
    return normalise_space(text.rstrip(":- ").strip())


def split_label(raw: str) -> tuple[str, str]:
    """Split ``**Label:** text`` or ``Label: text`` into ``(label, text)``.

    Works on the raw line (bold markers still in place) and returns cleaned strings;
    a line without a label comes back as ``("", clean text)``.

    >>> split_label("- **Amazon MemoryDB:** Supports fast vector storage.")
    ('Amazon MemoryDB', 'Supports fast vector storage.')
    >>> split_label("Mean: (average) normal distributions")
    ('Mean', '(average) normal distributions')
    """
    body = _NUMBERING.sub("", _BULLET.sub("", raw.strip()))
    bold = _BOLD.match(body)
    if bold:
        inner, after = bold.group(2), bold.group(3)
        separator = _SEPARATOR.match(after)
        if separator or _INNER_SEPARATOR.search(inner):
            label = clean_heading(inner)
            rest = after[separator.end():] if separator else after
            if label and len(label.split()) <= 2 * _MAX_LABEL_WORDS:
                return label, strip_markup(rest)
    text = strip_markup(body)
    plain = _PLAIN_LABEL.match(text)
    if plain:
        label = tidy_heading(plain.group("label"))
        rest = (plain.group("rest") or "").strip()
        words = len(re.sub(r"\([^)]*\)", "", label).split())
        if label and words <= (_MAX_PLAIN_LABEL_WORDS if rest else 3):
            return _with_aside(label, rest)
    return "", text


def _with_aside(label: str, rest: str) -> tuple[str, str]:
    """"Mode: (most frequent): used with categorical values": the aside belongs to the label."""
    aside = _LABEL_ASIDE.match(rest)
    return (f"{label} {aside.group(1)}", aside.group(2)) if aside else (label, rest)


def looks_like_title(text: str, *, max_words: int = 12) -> bool:
    """A bare line that reads as a heading: short, capitalised, no closing punctuation, and no
    sentence leading into a list ("AWS offers several services, including:")."""
    text = text.strip()
    if not text or len(text.split()) > max_words or _TERMINAL.search(text) or _LEAD_IN.search(text):
        return False
    first = _NUMBERING.sub("", text)[:1]
    return first.isupper() or first.isdigit()


def list_title(text: str) -> str:
    """The title a bullet gives the bullets nested under it, or ``""`` when it is a statement:
    a few words without sentence punctuation, a trailing colon dropped.

    >>> list_title("sourdough starter"), list_title("proofing times:"), list_title("Knead the dough for ten minutes.")
    ('sourdough starter', 'proofing times', '')
    """
    text = text.strip()
    title = text[:-1].rstrip() if text.endswith(":") else text
    words = len(re.sub(r"\([^)]*\)", "", title).split())  # "(kube-apiserver)" adds no words
    if not words or words > _MAX_LIST_TITLE_WORDS or _SENTENCE_PUNCTUATION.search(title):
        return ""
    return title


def split_long_text(text: str, limit: int = MAX_BLOCK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters, at sentence ends when it
    has them, else at spaces, else anywhere; nothing is dropped but the spaces cut at.

    >>> split_long_text("One. Two. Three.", limit=10)
    ['One. Two.', 'Three.']
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_BREAK.split(text):
        for part in _cut(sentence, limit):
            if current and len(current) + 1 + len(part) > limit:
                pieces.append(current)
                current = part
            else:
                current = f"{current} {part}" if current else part
    if current:
        pieces.append(current)
    return pieces


def _cut(sentence: str, limit: int) -> Iterator[str]:
    """A sentence longer than ``limit`` cut at spaces, and a word longer than it cut anywhere."""
    while len(sentence) > limit:
        space = sentence.rfind(" ", 0, limit + 1)
        end = space if space > 0 else limit
        yield sentence[:end]
        sentence = sentence[end:].lstrip(" ")
    if sentence:
        yield sentence


class Outline:
    """Collects blocks under a heading path and cuts them into sections.

    A heading at ``level`` closes every open heading at that level or deeper, the way
    markdown headings nest.
    """

    def __init__(self, doc: str, boilerplate: Boilerplate | None = None):
        self.doc = doc
        self._boilerplate = boilerplate or Boilerplate([])
        self._path: list[tuple[int, str]] = []
        self._line = 1
        self._blocks: list[Block] = []
        self._sections: list[Section] = []
        self._emitted: set[tuple[str, ...]] = set()

    @property
    def path(self) -> tuple[str, ...]:
        """The titles of the open headings, outermost first."""
        return tuple(title for _, title in self._path)

    def depth(self) -> int:
        """Level of the innermost open heading (0 when none is open)."""
        return self._path[-1][0] if self._path else 0

    def heading(self, level: int, title: str, line: int, *, clean: bool = False) -> None:
        """Open a heading, closing those at its level or deeper (``clean``: the title's
        markup is stripped already)."""
        title = tidy_heading(title) if clean else clean_heading(title)
        if not title or self._boilerplate(title):
            return
        if len(title) > MAX_HEADING_CHARS or len(self._path) >= MAX_DEPTH and level > self.depth():
            self.block(title, line)
            return
        self._flush()
        while self._path and self._path[-1][0] >= level:
            self._path.pop()
        self._path.append((level, title))
        self._line = line

    def close(self, level: int) -> None:
        """Close every heading at ``level`` or deeper (e.g. when a nested list ends)."""
        if self._path and self._path[-1][0] >= level:
            self._flush()
            while self._path and self._path[-1][0] >= level:
                self._path.pop()

    def block(self, text: str, line: int, *, label: str = "", kind: str = "paragraph", attribute: str = "",
              code: tuple[str, ...] = (), row_header: str = "") -> None:
        """Add a block of text under the open headings (boilerplate is dropped)."""
        text = normalise_space(text)
        if len(label) > MAX_HEADING_CHARS:
            label, text = "", f"{label}: {text}".rstrip(": ")
        if self._boilerplate(text) or self._boilerplate(f"{label}: {text}") or (not text and not label):
            return
        if not self._blocks and not self._path:
            self._line = line
        attribute = attribute if len(attribute) <= MAX_HEADING_CHARS else ""
        row_header = row_header if len(row_header) <= MAX_HEADING_CHARS else ""
        for piece in split_long_text(text):
            self._blocks.append(Block(text=piece, line=line, label=label, kind=kind, attribute=attribute, code=code,
                                      row_header=row_header))

    def code(self, text: str, line: int) -> None:
        """Add a code block under the open headings, its text kept as it is (later stages skip it)."""
        if not text.strip():
            return
        if not self._blocks and not self._path:
            self._line = line
        self._blocks.append(Block(text=text, line=line, kind="code"))

    def _flush(self) -> None:
        # An empty section is kept once per path so that headings without text still count.
        if self._blocks or (self._path and self.path not in self._emitted):
            self._sections.append(Section(self.doc, self.path, self._line, tuple(self._blocks)))
            self._emitted.add(self.path)
        self._blocks = []

    def finish(self) -> tuple[Section, ...]:
        """All sections, in reading order."""
        self._flush()
        return tuple(self._sections)
