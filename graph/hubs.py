"""Broad topics: the hubs that link almost anything to anything and explain little.

A topic linked to far more topics than is usual in the graph ("accuracy", "training data")
joins unrelated topics in two steps; a path through it says less than a longer path through
specific topics. Each topic gets a *detour cost*, what walking through it adds to a path:
nothing up to the graph's typical number of links (the 90th percentile), then growing with
the logarithm of how many times the typical number it has: a concept linked to twice the
typical number costs as much as three more stated steps. Services are named products, so
links to them are about them: they cost a sixth as much. A topic whose detour cost reaches
:data:`HUB_COST` is a *hub*: a concept with four times the typical number of links (a
service would need thousands).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from .memo import derived

__all__ = ["HUB_COST", "TYPE_WEIGHT", "Breadth", "breadth"]

TYPE_WEIGHT = {"concept": 3.0, "service": 0.5}  # detour cost per doubling of links above the typical number
HUB_COST = 6.0
TYPICAL_SHARE = 0.9  # the typical number of links: this quantile over the topics that have any
MIN_TYPICAL = 4  # small graphs: no topic with this many links or fewer costs a detour


@dataclass(frozen=True, eq=False)  # one per graph (see breadth): compared and hashed by identity
class Breadth:
    """How broad each topic is: its distinct linked topics, its detour cost, and the hubs."""

    links: dict[str, int]
    costs: dict[str, float]
    hubs: frozenset[str]
    typical: int

    def cost(self, topic: str) -> float:
        """What walking through ``topic`` adds to a path (0 for a topic it does not know)."""
        return self.costs.get(topic, 0.0)

    def is_hub(self, topic: str) -> bool:
        return topic in self.hubs


def breadth(graph: nx.Graph) -> Breadth:
    """Each topic's linked topics (any kind, either way), detour cost and whether it is a hub.

    >>> g = nx.MultiDiGraph([("accuracy", f"topic {n}") for n in range(20)] + [("A", "B"), ("B", "C")])
    >>> found = breadth(g)
    >>> found.links["accuracy"], found.typical, found.costs["accuracy"], found.costs["B"], sorted(found.hubs)
    (20, 4, 6.97, 0.0, ['accuracy'])
    """
    return derived(graph, "breadth", _breadth)


def _breadth(graph: nx.Graph) -> Breadth:
    links = {node: len(_linked(graph, node)) for node in graph}
    counts = sorted(count for count in links.values() if count)
    typical = max(MIN_TYPICAL, counts[int(TYPICAL_SHARE * (len(counts) - 1))] if counts else 0)
    costs = {}
    for node, count in links.items():
        weight = TYPE_WEIGHT.get(str(graph.nodes[node].get("type", "")), TYPE_WEIGHT["concept"])
        costs[node] = round(weight * math.log2(count / typical), 2) if count > typical else 0.0
    return Breadth(links, costs, frozenset(node for node, cost in costs.items() if cost >= HUB_COST), typical)


def _linked(graph: nx.Graph, node: str) -> set[str]:
    """The other topics ``node`` shares an edge with, in either direction."""
    near = set(graph.adj[node])
    if graph.is_directed():
        near.update(graph.pred[node])
    near.discard(node)
    return near
