"""The nodes, edges and legend of a drawn graph as plain data for vis-network.

Both drawings use them: the standalone page of :mod:`graph.html_export` and the explorer's
interactive map (:mod:`graph.map_view`). Text from the notes stays plain text here; each
drawing decides how to make it safe (the page escapes it, the map sets it with ``textContent``).
"""
from __future__ import annotations

import math
from collections import Counter

import networkx as nx

from .insights import centrality

__all__ = ["COMMUNITY_COLOURS", "EDGE_STYLES", "NEGATED_COLOUR", "OTHER_COLOUR", "TYPE_COLOURS", "edge_items",
           "evidence_by_topic", "evidence_place", "legend_entries", "node_item", "shorten", "topic_colours"]

TYPE_COLOURS = {"service": "#f28e2b", "concept": "#4e79a7"}
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
                     "#ff9da7", "#9c755f", "#8cd17d", "#86bcb6", "#d37295")
OTHER_COLOUR = "#bab0ac"
NEGATED_COLOUR = "#d9480f"
EDGE_STYLES = {  # kind -> (colour, dashes, arrows)
    "stated": ("#56606b", False, True),
    "structural": ("#9aa3ab", False, True),
    "cooccurrence": ("#c9ced3", [2, 4], False),
}
_EDGE_LEGEND = (("stated", ""), ("structural", ""), ("cooccurrence", "2 3"))
_EDGE_LEGEND_TEXT = {"stated": "stated", "structural": "structural (headings, lists)",
                     "cooccurrence": "named in the same sentence"}


def topic_colours(graph: nx.Graph, color_by: str, groups: list[frozenset[str]]) -> dict[str, str]:
    """Each topic's colour: by its type, or by its community (the first twelve communities
    in ``groups`` get a colour each, smaller ones grey).

    >>> sorted(topic_colours(nx.Graph([("a", "b")]), "community", [frozenset("ab")]).items())
    [('a', '#4e79a7'), ('b', '#4e79a7')]
    """
    if color_by == "type":
        return {node: TYPE_COLOURS.get(data.get("type"), OTHER_COLOUR) for node, data in graph.nodes(data=True)}
    return {node: COMMUNITY_COLOURS[number] if number < len(COMMUNITY_COLOURS) else OTHER_COLOUR
            for number, group in enumerate(groups) for node in group}


def shorten(value: object, limit: int) -> str:
    """``value`` on one line, cut to ``limit`` characters with an ellipsis.

    >>> shorten("a\\n b", 9), shorten("abcdef", 4)
    ('a b', 'abc…')
    """
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def node_item(node: str, data: dict, position: tuple[float, float], size: float, colour: str, highlighted: bool,
              evidence: list[tuple[str, str]], degree: int) -> dict:
    """One topic for vis-network: label, place, size, shape, colour and tooltip lines
    (each line a list of (style, text) pairs: "b" bold, "i" quoted, "s" small)."""
    label = str(data.get("label") or node)
    kind = str(data.get("type", "")) + (f" · {data['category']}" if data.get("category") else "")
    tip = [[("b", label), ("s", kind)]]
    if data.get("aliases"):
        tip.append([("", "Also: " + ", ".join(map(str, data["aliases"])))])
    if data.get("parent"):
        tip.append([("", f"Part of: {data['parent']}")])
    if data.get("definition"):
        tip.append([("i", shorten(data["definition"], 300))])
    for sentence, place in evidence:
        tip.append([("i", f"“{shorten(sentence, 200)}”"), ("s", place)])
    if data.get("sources"):
        tip.append([("s", "Notes: " + ", ".join(map(str, data["sources"])))])
    tip.append([("s", f"{degree} links")])
    return {"id": node, "label": label, "x": position[0], "y": position[1], "size": round(size, 1),
            "shape": "diamond" if data.get("type") == "service" else "dot",
            "color": {"background": colour, "border": "#111" if highlighted else "#555"},
            "borderWidth": 4 if highlighted else 1, "tip": tip}


def evidence_by_topic(graph: nx.Graph, limit: int) -> dict[str, list[tuple[str, str]]]:
    """For each topic, the first sentence of its ``limit`` strongest edges (stated first, then
    the most evidence), with their place; one pass over the edges."""
    ranked: dict[str, list[tuple[tuple, str, str]]] = {}
    for number, (source, target, data) in enumerate(graph.edges(data=True)):
        evidence = data.get("evidence") or ()
        if not evidence:
            continue
        rank = (data.get("kind") != "stated", -int(data.get("count", 1)), number)
        item = (rank, str(evidence[0].get("sentence", "")), evidence_place(evidence[0]))
        for node in {source, target}:
            best = ranked.setdefault(node, [])
            if len(best) < limit or rank < best[-1][0]:
                best.append(item)
                best.sort()
                del best[limit:]
    return {node: [(sentence, place) for _, sentence, place in best] for node, best in ranked.items()}


def evidence_place(evidence: dict) -> str:
    """Where a sentence is: note, section and line.

    >>> evidence_place({"doc": "notes.md", "section": "S3", "line": 4})
    'notes.md · S3 · line 4'
    """
    return " · ".join(str(part) for part in (evidence.get("doc"), evidence.get("section"),
                                              f"line {evidence['line']}" if evidence.get("line") else "") if part)


def edge_items(graph: nx.Graph) -> list[dict]:
    """Every edge for vis-network, in ``graph.edges`` order: styled by kind (negated ones
    dashed red), labelled by relation, a second edge between two topics curved apart."""
    edges = []
    seen_pairs: Counter = Counter()
    for number, (source, target, data) in enumerate(graph.edges(data=True)):
        kind, negated = str(data.get("kind", "stated")), bool(data.get("negated"))
        colour, dashes, arrows = EDGE_STYLES.get(kind, EDGE_STYLES["stated"])
        relation = ("not " if negated else "") + str(data.get("relation", ""))
        count = int(data.get("count", 1))
        edge = {"id": f"e{number}", "from": source, "to": target, "tip": _edge_tip(source, target, relation, kind, data),
                "color": NEGATED_COLOUR if negated else colour}
        if kind == "stated" and count > 1:
            edge["width"] = round(1 + min(3.0, math.log2(count)), 2)
        if negated or dashes:
            edge["dashes"] = [8, 5] if negated else dashes
        if kind != "cooccurrence":
            edge["label"] = relation
        if arrows:
            edge["arrows"] = "to"
        pair = frozenset((source, target))
        if seen_pairs[pair]:  # fan out a second, third... edge between the same two topics
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.18 * seen_pairs[pair]}
        seen_pairs[pair] += 1
        edges.append(edge)
    return edges


def _edge_tip(source: str, target: str, relation: str, kind: str, data: dict) -> list:
    tip = [[("b", source), ("w" if data.get("negated") else "", relation), ("b", target)],
           [("s", f"{kind} · {int(data.get('count', 1))} sentence(s)")]]
    for evidence in (data.get("evidence") or ())[:2]:
        tip.append([("i", f"“{shorten(evidence.get('sentence', ''), 220)}”"), ("s", evidence_place(evidence))])
    return tip


def legend_entries(graph: nx.Graph, color_by: str, groups: list[frozenset[str]]) -> dict:
    """What the colours, shapes and lines mean: a heading, one entry per colour (swatch colour,
    shape and text) and one per edge style (colour, dash pattern and text).

    >>> legend_entries(nx.Graph([("a", "b")]), "type", [])["topics"][1]
    {'colour': '#4e79a7', 'shape': 'dot', 'text': 'concept (0)'}
    """
    topics = []
    if color_by == "type":
        present = Counter(data.get("type") for _, data in graph.nodes(data=True))
        for kind, colour in TYPE_COLOURS.items():
            topics.append({"colour": colour, "shape": "diamond" if kind == "service" else "dot",
                           "text": f"{kind} ({present.get(kind, 0):,})"})
    else:
        strength = centrality(graph, measure="degree")
        for number, group in enumerate(groups[: len(COMMUNITY_COLOURS)]):
            leader = max(group, key=lambda node: (strength.get(node, 0), str(node)))
            topics.append({"colour": COMMUNITY_COLOURS[number], "shape": "dot", "leader": str(leader),
                           "text": f"+{len(group) - 1:,}"})
        if len(groups) > len(COMMUNITY_COLOURS):
            topics.append({"colour": OTHER_COLOUR, "shape": "dot",
                           "text": f"{len(groups) - len(COMMUNITY_COLOURS):,} smaller communities"})
    edges = [{"colour": EDGE_STYLES[kind][0], "dash": dash, "text": _EDGE_LEGEND_TEXT[kind]} for kind, dash in _EDGE_LEGEND]
    edges.append({"colour": NEGATED_COLOUR, "dash": "6 3", "text": "negated (“not …”)"})
    return {"heading": "Topics by type" if color_by == "type" else "Communities", "topics": topics, "edges": edges}
