"""How much of the graph hangs on generic nodes, by the nodes readers judged (``eval/judgements``).

The quality bar asks that few typed edges touch a generic node ("data", "metrics",
"predictions") and that none of the most connected topics is one. Only a reader can say
which node is generic, so the figures count the judged nodes: the share of typed edges is a
lower bound (unjudged generic nodes are not counted), and the most connected topics nobody
has judged yet are listed, to be judged next.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from .precision import Judgement

__all__ = ["GenericHubs", "generic_hubs", "TOP"]

TOP = 30  # the most connected topics the bar looks at
_NOT_SPECIFIC = {"generic", "junk"}


@dataclass(frozen=True)
class GenericHubs:
    """Typed edges touching a node judged generic or junk, and the verdicts of the most connected topics."""

    typed_edges: int
    touching_generic: int  # typed edges with an end judged generic or junk (a lower bound)
    top: tuple[tuple[str, int, str], ...]  # (topic, typed edges, verdict or "" when unjudged), most connected first

    def share(self) -> float:
        return self.touching_generic / self.typed_edges if self.typed_edges else 0.0

    def generic_in_top(self) -> list[str]:
        return [name for name, _, verdict in self.top if verdict in _NOT_SPECIFIC]

    def unjudged_in_top(self) -> list[str]:
        return [name for name, _, verdict in self.top if not verdict]


def generic_hubs(graph: nx.MultiDiGraph, judgements: Iterable[Judgement], top: int = TOP) -> GenericHubs:
    """The figures for ``graph`` by the node verdicts of ``judgements`` (the last verdict of a node wins)."""
    verdicts = {j.key: j.verdict for j in judgements if j.item == "node" and j.verdict}
    degree: Counter[str] = Counter()
    typed = touching = 0
    for source, target, data in graph.edges(data=True):
        if data.get("kind") == "cooccurrence" or data.get("negated"):
            continue
        typed += 1
        degree.update((source, target))
        touching += any(verdicts.get(end) in _NOT_SPECIFIC for end in (source, target))
    ranked = sorted(degree.items(), key=lambda item: (-item[1], item[0]))[:top]
    return GenericHubs(typed, touching, tuple((name, count, verdicts.get(name, "")) for name, count in ranked))
