"""A view of the graph as the data of the explorer's interactive map.

The map draws with vis-network in the app page, so it gets data, never HTML: topics placed
by :func:`~graph.layout.layout_positions` (or where the user left them), ranked by
centrality so the most central are labelled at first sight, edges with the sentences behind
them, and the legend. Text from the notes stays plain text: the map sets it with
``textContent`` or draws it on the canvas.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping

import networkx as nx

from .html_export import COLOR_MODES, most_central
from .insights import centrality, communities
from .layout import layout_positions
from .network_data import edge_items, evidence_by_topic, legend_entries, node_item, shorten, topic_colours

__all__ = ["LABELLED_TOPICS", "MAP_EVIDENCE", "arranged", "drawn_topics", "map_data"]

LABELLED_TOPICS = 40  # topics labelled at first sight, the most central first
MAP_EVIDENCE = 3      # sentences kept per edge for the evidence panel


def drawn_topics(graph: nx.Graph, max_nodes: int, keep: Collection[str] = ()) -> nx.Graph:
    """``graph`` cut to its ``max_nodes`` most central topics plus every topic of ``keep``
    that it holds (the focus, expanded topics and their neighbours), as a read-only view.

    >>> g = nx.MultiDiGraph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("x", "y")])
    >>> sorted(drawn_topics(g, 1)), sorted(drawn_topics(g, 1, keep=["y", "unknown"]))
    (['hub'], ['hub', 'y'])
    """
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes must be a whole number of at least 1, not {max_nodes!r}")
    if len(graph) <= max_nodes:
        return graph
    return graph.subgraph(set(most_central(graph, max_nodes)) | {topic for topic in keep if topic in graph})


def map_data(graph: nx.Graph, *, color_by: str = "type", max_nodes: int = 300, highlight: Collection[str] = (),
             keep: Collection[str] = (), seed: int = 7, labelled: int = LABELLED_TOPICS) -> dict:
    """The map of ``graph``: ``nodes`` (vis-network items with ``rank``, 0 the most central),
    ``edges`` (with ``relation``, ``kind``, ``negated``, ``count`` and ``evidence``: sentence, note,
    section, line), ``legend``, and
    ``labelled`` (how many of the best-ranked topics are labelled at first sight).

    Above ``max_nodes`` topics only the most central are drawn, plus those in ``keep``;
    ``highlight`` gets a heavy border. :func:`arranged` moves topics where the user left them.

    >>> data = map_data(nx.MultiDiGraph([("A", "B"), ("B", "C")]))
    >>> min(data["nodes"], key=lambda node: node["rank"])["id"], len(data["edges"]), data["labelled"]
    ('B', 2, 3)
    """
    if color_by not in COLOR_MODES:
        raise ValueError(f"unknown colour mode {color_by!r} (known: {', '.join(COLOR_MODES)})")
    shown = drawn_topics(graph, max_nodes, keep)
    strength = centrality(shown, measure="degree")
    ranked = sorted(shown, key=lambda node: (-strength.get(node, 0.0), str(node)))
    rank = {node: number for number, node in enumerate(ranked)}
    groups = communities(shown, seed=seed)
    colours = topic_colours(shown, color_by, groups)
    placed = layout_positions(shown, seed=seed)
    top = max(strength.values(), default=0.0) or 1.0
    highlighted = set(highlight)
    evidence, degree = evidence_by_topic(shown, limit=2), dict(shown.degree())
    nodes = []
    for node, data in shown.nodes(data=True):
        size = 10 + 26 * (strength.get(node, 0.0) / top) ** 0.5
        item = node_item(node, data, placed[node], size, colours[node], node in highlighted, evidence.get(node, []),
                         degree[node])
        nodes.append({**item, "rank": rank[node], "type": str(data.get("type", ""))})
    edges = [_edge(edge, data) for edge, (_, _, data) in zip(edge_items(shown), shown.edges(data=True))]
    return {"nodes": nodes, "edges": edges, "legend": legend_entries(shown, color_by, groups),
            "labelled": min(labelled, len(nodes)), "shown": len(shown), "total": len(graph)}


def arranged(data: dict, positions: Mapping[str, tuple[float, float]]) -> dict:
    """A copy of the map ``data`` with each topic named in ``positions`` placed there.

    >>> data = {"nodes": [{"id": "A", "x": 0.0, "y": 0.0}, {"id": "B", "x": 5.0, "y": 5.0}]}
    >>> [(node["x"], node["y"]) for node in arranged(data, {"A": (10, -3), "gone": (1, 1)})["nodes"]]
    [(10.0, -3.0), (5.0, 5.0)]
    """
    def moved(node: dict) -> dict:
        x, y = positions[node["id"]]
        return {**node, "x": float(x), "y": float(y)}

    return {**data, "nodes": [moved(node) if node["id"] in positions else node for node in data["nodes"]]}


def _edge(item: dict, data: dict) -> dict:
    """An edge item with what the evidence panel shows (its tooltip is built from the same)."""
    edge = {key: value for key, value in item.items() if key != "tip"}
    edge.update(relation=str(data.get("relation", "")), kind=str(data.get("kind", "stated")),
                negated=bool(data.get("negated")), count=int(data.get("count", 1)))
    edge["evidence"] = [{"sentence": shorten(evidence.get("sentence", ""), 600), "doc": str(evidence.get("doc") or ""),
                         "section": str(evidence.get("section") or ""), "line": int(evidence.get("line") or 0)}
                        for evidence in (data.get("evidence") or ())[:MAP_EVIDENCE]]
    return edge
