"""What the user asked to see, as one hashable value, and the graph view it gives.

A :class:`ViewSpec` holds the sidebar's filters, the focus and the topics expanded on the map;
the cached functions of the app key on it. :func:`current_view` turns it into a read-only
view with one call into ``graph`` per step: the filters, then the focus topic's neighbourhood
with the neighbours of each expanded topic.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import networkx as nx

from graph import VIEW_KINDS, filter_view, neighbourhood

__all__ = ["FocusHidden", "ViewSpec", "current_view", "filtered_view", "kept_topics"]


@dataclass(frozen=True)
class ViewSpec:
    """Filters (None keeps everything), an optional focus topic with its depth, and the
    topics whose neighbours are shown too (``expanded``, by double-clicking them on the map)."""

    types: tuple[str, ...] | None = None
    relations: tuple[str, ...] | None = None
    kinds: tuple[str, ...] = VIEW_KINDS
    notes: tuple[str, ...] | None = None
    min_evidence: int = 1
    negated: bool = True
    orphans: bool = False
    focus: str | None = None
    depth: int = 1
    direction: str = "both"
    expanded: tuple[str, ...] = ()

    def unfocused(self) -> ViewSpec:
        """The same filters without the focus: the view insights and paths work on."""
        return replace(self, focus=None, depth=1, direction="both", expanded=())


class FocusHidden(LookupError):
    """The focus topic is left out by the type or note filters."""

    def __init__(self, topic: str):
        self.topic = topic
        super().__init__(f"{topic!r} is hidden by the current filters")


def filtered_view(graph: nx.MultiDiGraph, spec: ViewSpec, *, orphans: bool | None = None) -> nx.MultiDiGraph:
    """``graph`` through the filters of ``spec`` (``orphans`` overrides the spec's)."""
    return filter_view(graph, types=spec.types, relations=spec.relations, kinds=spec.kinds, notes=spec.notes,
                       min_evidence=spec.min_evidence, negated=spec.negated,
                       orphans=spec.orphans if orphans is None else orphans)


def current_view(graph: nx.MultiDiGraph, spec: ViewSpec, *, max_nodes: int | None = None) -> nx.MultiDiGraph:
    """The filtered graph, or the focus topic's neighbourhood in it with the neighbours of
    every expanded topic.

    The neighbourhood is taken with unlinked topics kept, so a focus with no edge left
    still shows. With ``max_nodes`` (what the map draws at most), the neighbourhood walk
    stops at that many topics, nearest first, so that the neighbourhood of a hub is never
    collected whole only to be cut; the expanded topics and their neighbours come on top.
    Raises :class:`FocusHidden` when the filters leave the focus out.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("A", type="service"); g.add_node("B", type="concept"); g.add_node("C", type="concept")
    >>> _ = g.add_edge("A", "B", relation="uses", kind="stated", negated=False, count=1)
    >>> sorted(current_view(g, ViewSpec())), sorted(current_view(g, ViewSpec(focus="B")))
    (['A', 'B'], ['A', 'B'])
    >>> sorted(current_view(g, ViewSpec(focus="C", expanded=("B",))))
    ['A', 'B', 'C']
    >>> sorted(current_view(g, ViewSpec(focus="A"), max_nodes=1))
    ['A']
    >>> current_view(g, ViewSpec(types=("concept",), focus="A"))
    Traceback (most recent call last):
    ...
    explorer.views.FocusHidden: 'A' is hidden by the current filters
    """
    if spec.focus is None:
        return filtered_view(graph, spec)
    everything = filtered_view(graph, spec, orphans=True)
    if spec.focus not in everything and spec.focus in graph:
        raise FocusHidden(spec.focus)
    view = neighbourhood(everything, spec.focus, depth=spec.depth, direction=spec.direction, max_nodes=max_nodes)
    topics = set(view) | {topic for topic in spec.expanded if topic in everything}
    topics |= _neighbours(everything, spec.expanded)
    return everything.subgraph(topics) if len(topics) > len(view) else view


def kept_topics(view: nx.MultiDiGraph, spec: ViewSpec) -> set[str]:
    """The topics of ``view`` drawn however many topics it has: the focus, the expanded
    topics and their neighbours.

    >>> g = nx.MultiDiGraph([("A", "B"), ("C", "D")])
    >>> sorted(kept_topics(g, ViewSpec(focus="A", expanded=("C",))))
    ['A', 'C', 'D']
    """
    kept = {spec.focus} | set(spec.expanded) | _neighbours(view, spec.expanded)
    return {topic for topic in kept if topic in view}


def _neighbours(graph: nx.MultiDiGraph, topics: tuple[str, ...]) -> set[str]:
    """The topics one edge away from any of ``topics`` in ``graph`` (either way)."""
    return {other for topic in topics if topic in graph for other in neighbourhood(graph, topic, depth=1)}
