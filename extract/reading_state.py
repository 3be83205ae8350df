"""What a note's reading works on and gathers: its parses with the vocabulary's names
merged, and the findings so far."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .findings import Definition, Relation, Statement
from .mentions import NameIndex, single_tokens

__all__ = ["Found", "Docs"]


@dataclass
class Found:
    """What one note's reading has found so far."""

    statements: list[Statement] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)


class Docs:
    """Parses with the vocabulary's names merged, each copied once."""

    def __init__(self, parses: Mapping[str, Doc], names: NameIndex):
        self.parses, self.names, self.done = parses, names, {}

    def __getitem__(self, text: str) -> Doc:
        if text not in self.done:
            self.done[text] = single_tokens(self.parses[text].copy(), self.names)
        return self.done[text]

    def __contains__(self, text: str) -> bool:
        return text in self.parses
