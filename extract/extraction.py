"""What an extraction yields, kept apart from the pipeline so that reading a cached
extraction does not import spaCy."""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Entity, Note, Problem, Triple

__all__ = ["Extraction"]


@dataclass
class Extraction:
    """What the notes say: entities, triples, the notes read and the files that were not."""

    entities: list[Entity]
    triples: list[Triple]
    notes: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    fresh: int = 0  # notes read (not taken from a cache) to make it
