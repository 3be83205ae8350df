"""Remember structures derived from a graph (search indexes, weighted projections) per graph object.

The graph itself is never touched: derived data lives in a weak mapping keyed by the graph
object, so it disappears with the graph. Every query function treats its graph as immutable;
a cheap fingerprint (node count, plus edge count for graphs that are not frozen views) still
catches the common in-place edits and rebuilds the derived data.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import TypeVar

import networkx as nx

__all__ = ["derived", "graph_fingerprint"]

T = TypeVar("T")

_DERIVED: weakref.WeakKeyDictionary[nx.Graph, dict[Hashable, tuple[tuple[int, ...], object]]] = (
    weakref.WeakKeyDictionary()
)


def graph_fingerprint(graph: nx.Graph) -> tuple[int, ...]:
    """A cheap summary that changes when nodes or edges are added or removed.

    >>> graph_fingerprint(nx.path_graph(3))
    (3, 2)
    """
    if nx.is_frozen(graph):  # a view: counting its edges would walk all of them through the filters
        return (len(graph),)
    return (len(graph), graph.number_of_edges())


def derived(graph: nx.Graph, key: Hashable, build: Callable[[nx.Graph], T]) -> T:
    """``build(graph)``, computed once per graph object and ``key`` while the graph is unchanged.

    >>> g = nx.path_graph(3)
    >>> derived(g, "double", lambda graph: 2 * len(graph))
    6
    """
    fingerprint = graph_fingerprint(graph)
    table = _DERIVED.setdefault(graph, {})
    cached = table.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]  # type: ignore[return-value]
    value = build(graph)
    table[key] = (fingerprint, value)
    return value
