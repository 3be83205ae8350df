"""Plain data passed between the extraction stages.

Every value is a frozen dataclass of plain ``str``/``int``/``tuple`` fields: hashable,
picklable and easy to write as JSON. No spaCy object ever leaves the parsing stage.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Block",
    "Section",
    "Note",
    "Problem",
    "Source",
    "Evidence",
    "Entity",
    "Triple",
]


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of clean text: a paragraph, a bullet, a table row or a card definition.

    ``label`` is the topic the block itself names (a bold ``**Label:**``, a flashcard
    term, a table row's first cell); it is empty for ordinary paragraphs. ``kind`` is
    "paragraph", "bullet", "table", "card" or "code" (a markdown code block, its text kept
    as written, line breaks and all: it is not prose, and the stages after reading skip it).
    """

    text: str
    line: int
    label: str = ""
    kind: str = "paragraph"
    attribute: str = ""  # a table cell's column (or row) header
    row_header: str = ""  # a table's first header, naming what its rows are ("Database", "Encoding technique")
    code: tuple[str, ...] = ()  # the inline code in the text (`git add`, `kubectl`): commands and identifiers


@dataclass(frozen=True, slots=True)
class Section:
    """A run of blocks under one heading path, e.g. ``("SageMaker", "Model Monitor")``."""

    doc: str
    path: tuple[str, ...]
    line: int
    blocks: tuple[Block, ...] = ()

    @property
    def heading(self) -> str:
        """The readable heading path, e.g. ``"SageMaker > Model Monitor"``."""
        return " > ".join(self.path)

    @property
    def text(self) -> str:
        """The section's clean text, one block per line."""
        return "\n".join(block.text for block in self.blocks)


@dataclass(frozen=True, slots=True)
class Note:
    """A note file turned into sections."""

    doc: str
    format: str
    title: str
    sections: tuple[Section, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """A file (or part of one) that could not be read, with the reason shown to the user.

    ``kept`` is True for a note that was read all the same, with repairs the reason names.
    """

    path: str
    reason: str
    kept: bool = False

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, order=True, slots=True)
class Source:
    """Where a sentence stands: note file, heading path and 1-based line number."""

    doc: str
    section: str
    line: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence that states something, with every place it appears.

    The same sentence copied into several notes is one piece of evidence with several
    sources, so it is never counted twice.
    """

    sentence: str
    sources: tuple[Source, ...]

    @property
    def first(self) -> Source:
        """The first place the sentence appears (notes in name order)."""
        return self.sources[0]


@dataclass(frozen=True, slots=True)
class Entity:
    """A node of the graph: one canonical name with every surface form merged into it."""

    name: str
    type: str  # "service" or "concept"
    aliases: tuple[str, ...] = ()
    category: str = ""
    parent: str = ""
    definition: str = ""


@dataclass(frozen=True, slots=True)
class Triple:
    """A typed relation between two canonical entity names, backed by evidence.

    ``kind`` is "stated" (a sentence says it), "structural" (headings, labels, cards)
    or "cooccurrence" (the two are only named in the same sentence).
    """

    subject: str
    relation: str
    object: str
    kind: str = "stated"
    negated: bool = False
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)
