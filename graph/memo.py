"""Remember structures derived from a graph (search indexes, weighted projections) per graph object.

The graph itself is never touched: derived data lives in a weak mapping keyed by the graph
object, so it disappears with the graph. Building one pauses the cycle collector (see
:mod:`graph.collector`). Every query function treats its graph as immutable;
a cheap fingerprint (topics, and linked pairs for graphs that are not frozen views) still
catches the common in-place edits and rebuilds the derived data. Changing attributes in
place, or adding a second edge between two linked topics, is not seen: copy the graph.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import TypeVar

import networkx as nx

from .collector import collector_paused

__all__ = ["derived", "graph_fingerprint"]

T = TypeVar("T")

_DERIVED: weakref.WeakKeyDictionary[nx.Graph, dict[Hashable, tuple[tuple[int, ...], object]]] = (
    weakref.WeakKeyDictionary()
)


def graph_fingerprint(graph: nx.Graph) -> tuple[int, ...]:
    """A cheap summary that changes when topics are added or removed, or two topics linked
    or unlinked (counting linked pairs, not parallel edges, keeps it fast on big graphs).

    >>> graph_fingerprint(nx.path_graph(3))
    (3, 4)
    """
    if nx.is_frozen(graph):  # a view: counting its links would walk all of them through the filters
        return (len(graph),)
    return (len(graph), sum(map(len, graph._adj.values())))


def derived(graph: nx.Graph, key: Hashable, build: Callable[[nx.Graph], T], *,
            fingerprint: tuple[int, ...] | None = None) -> T:
    """``build(graph)``, computed once per graph object and ``key`` while the graph is unchanged.

    A query that needs several derived structures may take the graph's fingerprint once and
    pass it to each call (on a big graph, taking it costs a few milliseconds).

    >>> g = nx.path_graph(3)
    >>> derived(g, "double", lambda graph: 2 * len(graph))
    6
    >>> derived(g, "double", lambda graph: 0, fingerprint=graph_fingerprint(g))
    6
    """
    if fingerprint is None:
        fingerprint = graph_fingerprint(graph)
    table = _DERIVED.setdefault(graph, {})
    cached = table.get(key)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]  # type: ignore[return-value]
    with collector_paused():  # an index of a big graph is millions of small objects
        value = build(graph)
    table[key] = (fingerprint, value)
    return value
