"""How the notes use each node: in how many sentences, and across how many of their
sections. A phrase the notes keep using is a term of theirs; a concept named all over them
("machine learning" in machine-learning notes) is their backdrop, not a topic."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..findings import NoteFindings
from ..read import sentence_key
from .naming import Names

__all__ = ["Usage", "usage_of", "MIN_SECTIONS"]

MIN_SECTIONS = 20


@dataclass(frozen=True)
class Usage:
    """Distinct sentences and sections naming each node, by canonical name."""

    sentences: Counter
    sections: Counter
    section_count: int

    def spread(self, name: str) -> float:
        """The share of all sections that name ``name`` (0 below a handful of sections, where a
        share says nothing: a short note names its topic everywhere)."""
        if self.sections[name] < MIN_SECTIONS:
            return 0.0
        return self.sections[name] / self.section_count


def usage_of(findings: Sequence[NoteFindings], names: Names) -> Usage:
    sentences: dict[str, set[str]] = defaultdict(set)
    sections: dict[str, set[tuple[str, str]]] = defaultdict(set)
    every_section: set[tuple[str, str]] = set()
    for note in findings:
        for statement in note.statements:
            section = (note.doc, statement.source.section)
            every_section.add(section)
            for mention in statement.mentions:
                name = names.name_of(mention)
                sentences[name].add(sentence_key(statement.sentence))
                sections[name].add(section)
    return Usage(Counter({n: len(s) for n, s in sentences.items()}), Counter({n: len(s) for n, s in sections.items()}),
                 len(every_section))
