"""The topics around a topic, to a depth: everything linked, or only what it uses, or what uses it.

Around a broad topic the second ring can hold a good part of a big graph, so both functions
take a ``max_nodes`` cap, applied while the rings are walked: nearer topics come first, and
of the ring that does not fit whole, those with the most links to the ring before it (then by
name). Nothing beyond the cap is collected.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .topics import resolve_topic
from .views import KIND_RANK

__all__ = ["DIRECTIONS", "Link", "Neighbour", "neighbourhood", "neighbours"]

DIRECTIONS = ("both", "out", "in")


@dataclass(frozen=True)
class Link:
    """One edge as stored: ``source`` says ``relation`` of ``target``."""

    source: str
    relation: str
    target: str
    kind: str
    negated: bool = False
    count: int = 1

    @property
    def statement(self) -> str:
        """The edge as a phrase, e.g. ``"Model Monitor not used for retraining"``."""
        return f"{self.source} {'not ' if self.negated else ''}{self.relation} {self.target}"


@dataclass(frozen=True)
class Neighbour:
    """A topic reached from the centre: how far, through which topic, by which edges."""

    id: str
    depth: int
    via: str
    links: tuple[Link, ...]  # the edges between ``via`` and this topic, strongest first


def neighbourhood(graph: nx.MultiDiGraph, topic: str, *, depth: int = 1, direction: str = "both",
                  max_nodes: int | None = None) -> nx.MultiDiGraph:
    """The topics within ``depth`` steps of ``topic`` and every edge among them, as a read-only view.

    ``direction`` is "both" (any edge), "out" (what the topic uses, states, is part of) or
    "in" (what uses it). Co-occurrence edges have no direction and are followed either way.
    With ``max_nodes``, at most that many topics (the topic itself included), nearest first.
    ``topic`` may be a name or an alias; an unknown one raises :class:`~graph.topics.NodeNotFound`.

    >>> g = nx.MultiDiGraph()
    >>> for s, t in [("A", "B"), ("B", "C"), ("D", "A")]:
    ...     _ = g.add_edge(s, t, relation="uses", kind="stated", negated=False, count=1)
    >>> sorted(neighbourhood(g, "A", depth=2, direction="out"))
    ['A', 'B', 'C']
    >>> sorted(neighbourhood(g, "A", direction="in"))
    ['A', 'D']
    >>> sorted(neighbourhood(g, "A", depth=2, max_nodes=3))
    ['A', 'B', 'D']
    """
    centre = resolve_topic(graph, topic)
    reached = _breadth_first(graph, centre, depth, direction, max_nodes)
    return graph.subgraph(reached)


def neighbours(graph: nx.MultiDiGraph, topic: str, *, depth: int = 1, direction: str = "both",
               max_nodes: int | None = None) -> list[Neighbour]:
    """The topics within ``depth`` steps of ``topic`` (not the topic itself), nearest first.

    Within one depth, topics linked by stated edges come before structural and
    co-occurrence ones, then the best-connected topics first. ``max_nodes`` caps the topics
    walked as for :func:`neighbourhood` (the topic itself counts as one).

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("Model Monitor", "CloudWatch", relation="integrates with", kind="stated", negated=False, count=2)
    >>> [(n.id, n.depth, n.links[0].statement) for n in neighbours(g, "model monitor")]
    [('CloudWatch', 1, 'Model Monitor integrates with CloudWatch')]
    """
    centre = resolve_topic(graph, topic)
    reached = _breadth_first(graph, centre, depth, direction, max_nodes)
    backwards = {"both": "both", "out": "in", "in": "out"}[direction]
    found = []
    for node, (distance, _) in reached.items():
        if node == centre:
            continue
        # Of the topics one step nearer that lead here, the one with the strongest link.
        nearer = {other for other in _steps(graph, node, backwards) if reached.get(other, (-1,))[0] == distance - 1}
        options = [(sorted(_links_between(graph, other, node), key=_link_strength), other) for other in nearer]
        links, via = min(options, key=lambda option: (_link_strength(option[0][0]), str(option[1])))
        found.append(Neighbour(node, distance, via, tuple(links)))
    found.sort(key=lambda n: (n.depth, _link_strength(n.links[0]) if n.links else (9,), -graph.degree(n.id), n.id))
    return found


def _link_strength(link: Link) -> tuple:
    return (KIND_RANK.get(link.kind, 3), link.negated, -link.count, link.relation)


def _links_between(graph: nx.MultiDiGraph, first: str, second: str) -> list[Link]:
    pairs = [(first, second), (second, first)] if graph.is_directed() else [(first, second)]
    return [
        Link(source, str(data.get("relation", "")), target, str(data.get("kind", "")),
             bool(data.get("negated")), int(data.get("count", 1)))
        for source, target in pairs
        for data in _edge_datas(graph, source, target)
    ]


def _edge_datas(graph: nx.Graph, source: str, target: str) -> list[dict]:
    """The attribute dicts of every edge from ``source`` to ``target``."""
    data = graph.get_edge_data(source, target)
    if not data:
        return []
    return list(data.values()) if graph.is_multigraph() else [data]


def _breadth_first(graph: nx.MultiDiGraph, centre: str, depth: int, direction: str,
                   max_nodes: int | None = None) -> dict[str, tuple[int, str]]:
    """Each reached topic with its distance and the topic it was first reached from, ring by
    ring, stopping at ``max_nodes`` topics."""
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        raise ValueError(f"depth must be a whole number of at least 0, not {depth!r}")
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r} (known: {', '.join(DIRECTIONS)})")
    if max_nodes is not None and (isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1):
        raise ValueError(f"max_nodes must be a whole number of at least 1, not {max_nodes!r}")
    reached = {centre: (0, centre)}
    frontier = [centre]
    for distance in range(1, depth + 1):
        room = None if max_nodes is None else max_nodes - len(reached)
        if not frontier or room == 0:
            break
        frontier = _next_ring(graph, frontier, direction, reached, distance, room)
    return reached


def _next_ring(graph: nx.MultiDiGraph, frontier: list[str], direction: str, reached: dict[str, tuple[int, str]],
               distance: int, room: int | None) -> list[str]:
    """Add to ``reached`` the topics one step beyond ``frontier`` (at most ``room`` of them,
    those with the most links from the frontier first); return them in the order first met."""
    ties: dict[str, int] = {}
    first_from: dict[str, str] = {}
    for node in frontier:
        for other in _steps(graph, node, direction):
            if other in reached:
                continue
            if other not in ties:
                ties[other], first_from[other] = 0, node
            ties[other] += 1
    ring = list(ties)
    if room is not None and len(ring) > room:
        kept = set(sorted(ring, key=lambda other: (-ties[other], str(other)))[:room])
        ring = [other for other in ring if other in kept]
    for other in ring:
        reached[other] = (distance, first_from[other])
    return ring


def _steps(graph: nx.MultiDiGraph, node: str, direction: str):
    """The topics one edge away from ``node`` in ``direction``."""
    if not graph.is_directed():
        yield from graph.adj[node]
        return
    if direction in ("both", "out"):
        yield from graph.succ[node]
    else:
        yield from (other for other in graph.succ[node] if _undirected_edge(graph.succ[node][other], graph))
    if direction in ("both", "in"):
        yield from graph.pred[node]
    else:
        yield from (other for other in graph.pred[node] if _undirected_edge(graph.pred[node][other], graph))


def _undirected_edge(edges: dict, graph: nx.Graph) -> bool:
    """Whether the edges between two topics include a co-occurrence, which has no direction."""
    datas = edges.values() if graph.is_multigraph() else [edges]
    return any(data.get("kind") == "cooccurrence" for data in datas)
