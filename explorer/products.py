"""What the app shows, computed by ``graph`` and cached with ``st.cache_data``.

Every function takes the graph (not hashed: its ``key`` names the file version) and the
hashable :class:`~explorer.views.ViewSpec` or topic names, so a rerun that changes nothing
they depend on costs a dictionary look-up. Results are plain frozen data.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
import streamlit as st

from graph import (
    Connection,
    breadth,
    SearchResult,
    TopicComparison,
    TopicPath,
    centrality,
    compare_topics,
    connect_around_hubs,
    export_graph,
    graph_summary,
    most_central,
    note_statistics,
    path_view,
    search,
)
from graph.cards import TopicCard, topic_card
from graph.map_view import map_data
from graph.svg_export import SVG_MAX_NODES

from .views import ViewSpec, current_view, filtered_view, kept_topics

__all__ = ["GraphChoices", "Insights", "NetworkMap", "PathResult", "card", "comparison", "export_view",
           "graph_choices", "insights", "linked_in_view", "network_map", "path_result", "search_hits",
           "view_size"]


@dataclass(frozen=True)
class GraphChoices:
    """What the pickers offer: topics, relations (most used first) and notes."""

    topics: tuple[str, ...]
    relations: tuple[str, ...]
    notes: tuple[str, ...]
    central: tuple[str, ...]
    edges: int


@st.cache_data(max_entries=8, show_spinner=False)
def graph_choices(_graph: nx.MultiDiGraph, key: str) -> GraphChoices:
    relations = Counter(str(data.get("relation", "")) for _, _, data in _graph.edges(data=True))
    return GraphChoices(
        topics=tuple(sorted(_graph, key=lambda node: (str(node).casefold(), str(node)))),
        relations=tuple(label for label, _ in sorted(relations.items(), key=lambda item: (-item[1], item[0])) if label),
        notes=tuple(statistics.note for statistics in note_statistics(_graph)),
        central=tuple(most_central(_graph, 8)),
        edges=_graph.number_of_edges(),
    )


@dataclass(frozen=True)
class NetworkMap:
    """The map of a view (:func:`graph.map_view.map_data`) and the counts of what it holds and shows.

    ``cut`` says that the focus topic's neighbourhood was walked only as far as the map's
    ``max_nodes`` topics (nearest first): it may hold more than ``topics``."""

    data: dict
    topics: int
    edges: int
    shown_topics: int
    shown_edges: int
    cut: bool = False


@st.cache_data(max_entries=32, show_spinner="Drawing the network…")
def network_map(_graph: nx.MultiDiGraph, key: str, spec: ViewSpec, color_by: str, max_nodes: int) -> NetworkMap:
    """The map of the current view, at most ``max_nodes`` topics (plus the focus, the expanded
    topics and their neighbours); a focus topic's neighbourhood is walked no further than that."""
    view = current_view(_graph, spec, max_nodes=max_nodes)
    data = map_data(view, color_by=color_by, max_nodes=max_nodes, highlight=(spec.focus,) if spec.focus else (),
                    keep=kept_topics(view, spec))
    cut = spec.focus is not None and view.number_of_nodes() >= max_nodes
    return NetworkMap(data, view.number_of_nodes(), view.number_of_edges(), len(data["nodes"]), len(data["edges"]),
                      cut)


@st.cache_data(max_entries=32, show_spinner=False)
def view_size(_graph: nx.MultiDiGraph, key: str, spec: ViewSpec) -> tuple[int, int]:
    view = current_view(_graph, spec)
    return view.number_of_nodes(), view.number_of_edges()


@st.cache_data(max_entries=64, show_spinner=False)
def search_hits(_graph: nx.MultiDiGraph, key: str, query: str, limit: int = 8) -> list[SearchResult]:
    return search(_graph, query, limit=limit)


@st.cache_data(max_entries=64, show_spinner=False)
def card(_graph: nx.MultiDiGraph, key: str, topic: str) -> TopicCard:
    return topic_card(_graph, topic)


@st.cache_data(max_entries=64, show_spinner=False)
def linked_in_view(_graph: nx.MultiDiGraph, key: str, spec: ViewSpec, topic: str) -> int:
    """The topics linked to ``topic`` in the filtered graph, counted as :func:`insights` counts them."""
    return breadth(filtered_view(_graph, spec.unfocused())).links.get(topic, 0)


@dataclass(frozen=True)
class PathResult:
    """How two topics are connected and the map of the best paths (:func:`graph.map_view.map_data`,
    empty when there is none), the best one highlighted."""

    connection: Connection
    data: dict


@st.cache_data(max_entries=32, show_spinner="Finding paths…")
def path_result(_graph: nx.MultiDiGraph, key: str, spec: ViewSpec, source: str, target: str, k: int) -> PathResult:
    view = filtered_view(_graph, spec.unfocused(), orphans=True)
    found, where = connect_around_hubs(view, _graph, source, target, k=k)  # broad topics stay broad whatever the filters
    if not found.paths:
        return PathResult(found, {})
    drawn = path_view(where, list(found.paths))
    data = map_data(drawn, max_nodes=max(1, len(drawn)), highlight=found.paths[0].nodes, labelled=len(drawn))
    return PathResult(found, data)


@dataclass(frozen=True)
class Insights:
    """Counts and communities (``graph.graph_summary``), the most central services and
    concepts as (topic, score, linked topics), and per-note statistics. Linked topics are
    counted once each, whatever the edges' kinds and directions (``graph.breadth``), as a
    topic card counts them, but in the filtered view."""

    summary: dict
    services: tuple[tuple[str, float, int], ...]
    concepts: tuple[tuple[str, float, int], ...]
    notes: tuple


@st.cache_data(max_entries=16, show_spinner="Measuring the graph…")
def insights(_graph: nx.MultiDiGraph, key: str, spec: ViewSpec, measure: str, top: int = 12) -> Insights:
    view = filtered_view(_graph, spec.unfocused())
    scores = centrality(view, measure=measure)
    ranked = sorted(scores, key=lambda node: (-scores[node], str(node)))
    linked = breadth(view).links

    def best(kind: str) -> tuple[tuple[str, float, int], ...]:
        chosen = [node for node in ranked if view.nodes[node].get("type") == kind][:top]
        return tuple((node, round(scores[node], 4), linked[node]) for node in chosen)

    return Insights(graph_summary(view, top=top), best("service"), best("concept"), tuple(note_statistics(view)))


@st.cache_data(max_entries=32, show_spinner=False)
def comparison(_graph: nx.MultiDiGraph, key: str, first: str, second: str) -> TopicComparison:
    return compare_topics(_graph, first, second)


def export_view(graph: nx.MultiDiGraph, spec: ViewSpec, format: str, title: str, *, color_by: str = "type",
                max_nodes: int = SVG_MAX_NODES, positions: Mapping[str, tuple[float, float]] | None = None) -> bytes:
    """The current view in ``format``; called when a download button is clicked. The picture
    ("svg") shows what the map shows: its colours, its topics and where the user left them."""
    view = current_view(graph, spec)
    options: dict = {"title": title} if format in ("html", "svg") else {}
    if format == "svg":
        options.update(color_by=color_by, max_nodes=max_nodes, highlight=(spec.focus,) if spec.focus else (),
                       keep=kept_topics(view, spec), positions=positions)
    return export_graph(view, format, **options)
