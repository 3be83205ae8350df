"""The weighted simple graph that paths are found on, as plain adjacency dicts.

Between two topics only the cheapest edge counts: stated edges cost least, structural edges
more, co-occurrence most, and more evidence makes an edge a little cheaper. Each step also
pays half the detour cost (:mod:`graph.hubs`) of each of its ends, so a path pays in full for
the topics it walks through (and half for its two ends, the same for every path between
them). The projection is built once per graph and options (see :mod:`graph.memo`), and keeps
each topic's neighbours in the order networkx would, so that equal-cost paths come out in the
same order as ``networkx.shortest_simple_paths`` gives them.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .hubs import Breadth
from .memo import derived

__all__ = ["KIND_COST", "Projection", "edge_cost", "weighted_projection"]

KIND_COST = {"stated": 1.0, "structural": 2.0, "cooccurrence": 4.0}


def edge_cost(data: dict) -> float:
    """The cost of walking one edge: by kind, a little less the more evidence backs it.

    >>> edge_cost({"kind": "stated", "count": 1}), edge_cost({"kind": "cooccurrence", "count": 3})
    (1.0, 3.3333333333333335)
    """
    count = max(1, int(data.get("count", 1)))
    return KIND_COST.get(data.get("kind"), max(KIND_COST.values())) / (1 + 0.1 * (min(count, 5) - 1))


@dataclass(frozen=True, eq=False)
class Projection:
    """Each topic's cheapest steps: ``succ[u][v]`` is the cost of stepping from u to v and
    ``pred[v][u]`` the same step seen from v (one dict when the projection is undirected).
    ``chosen`` names, for each linked pair as first met, the stored edge ``(source, target,
    key)`` behind the step."""

    succ: dict[str, dict[str, float]]
    pred: dict[str, dict[str, float]]
    chosen: dict[tuple[str, str], tuple]
    directed: bool

    def step(self, u: str, v: str) -> tuple[float, tuple]:
        """The cost of the step from ``u`` to ``v`` and the stored edge it walks."""
        edge = self.chosen.get((u, v))
        if edge is None:
            edge = self.chosen[(v, u)]
        return self.succ[u][v], edge


def weighted_projection(graph: nx.MultiDiGraph, found: Breadth, *, directed: bool = False,
                        negated: bool = False) -> Projection:
    """The :class:`Projection` of ``graph`` with detour costs from ``found``, built once per graph.

    With ``directed`` a step follows an edge only the way it is stated (co-occurrence either
    way); negated edges are left out unless ``negated``.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("A", "B", key="uses|stated", kind="stated", count=1)
    >>> _ = g.add_edge("B", "A", key="co-occurs with|cooccurrence", kind="cooccurrence", count=1)
    >>> from graph.hubs import breadth
    >>> projection = weighted_projection(g, breadth(g))
    >>> projection.succ, projection.step("B", "A")
    ({'A': {'B': 1.0}, 'B': {'A': 1.0}}, (1.0, ('A', 'B', 'uses|stated')))
    """
    return derived(graph, ("weighted projection", directed, negated, found),
                   lambda g: _build(g, found, directed, negated))


def _build(graph: nx.MultiDiGraph, found: Breadth, directed: bool, negated: bool) -> Projection:
    succ: dict[str, dict[str, float]] = {node: {} for node in graph}
    pred = {node: {} for node in graph} if directed else succ
    chosen: dict[tuple[str, str], tuple] = {}
    both_ways = directed and not graph.is_directed()
    costs = found.costs
    for source, target, key, data in _edges(graph):
        if data.get("negated") and not negated:
            continue
        weight = edge_cost(data) + (costs.get(source, 0.0) + costs.get(target, 0.0)) / 2
        edge = (source, target, key)
        _offer(succ, pred, chosen, source, target, weight, edge)
        if both_ways or (directed and data.get("kind") == "cooccurrence"):
            _offer(succ, pred, chosen, target, source, weight, edge)
    return Projection(succ, pred, chosen, directed)


def _offer(succ: dict, pred: dict, chosen: dict, u: str, v: str, weight: float, edge: tuple) -> None:
    """Keep the step from ``u`` to ``v`` if it is the first between them or cheaper than the kept one."""
    current = succ[u].get(v)
    if current is None:
        succ[u][v] = pred[v][u] = weight
        chosen[(u, v)] = edge
    elif weight < current:
        succ[u][v] = pred[v][u] = weight
        chosen[(u, v) if (u, v) in chosen else (v, u)] = edge


def _edges(graph: nx.Graph):
    if graph.is_multigraph():
        return graph.edges(keys=True, data=True)
    return ((u, v, None, d) for u, v, d in graph.edges(data=True))
