"""The best few ways two topics are connected, each step backed by a sentence from the notes.

Paths are found on a weighted simple projection of the multigraph (:mod:`graph.projection`):
between two topics only the best edge counts, stated edges cost least, structural edges more,
co-occurrence most, and more evidence makes an edge a little cheaper. Walking *through* a
broad topic adds its detour cost (:mod:`graph.hubs`), so a path through specific topics beats
a shortcut through "accuracy" or "training data". The projection is built once per graph, and
the cheapest paths are found on it by :mod:`graph.simple_paths`.

A path's cost reads as a strength: "strong" below :data:`STRONG_COST` (one or two stated
steps through specific topics), "fair" below :data:`WEAK_COST`, "weak" from there (long
chains, co-occurrence, or any step through a hub).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
import networkx as nx

from .simple_paths import cheapest_paths
from .hubs import Breadth, breadth
from .projection import KIND_COST, Projection, edge_cost, weighted_projection
from .topics import resolve_topic
from .views import subgraph_of

__all__ = ["KIND_COST", "STRONG_COST", "WEAK_COST", "Citation", "Hop", "TopicPath", "best_citation", "edge_cost",
           "explain_path", "find_paths", "path_view", "walk_edge"]

STRONG_COST = 3.0
WEAK_COST = 6.0


@dataclass(frozen=True)
class Citation:
    """Where an edge is stated: the sentence, its note, section and line."""

    sentence: str
    doc: str
    section: str
    line: int

    def __str__(self) -> str:
        place = ", ".join(part for part in (self.doc, self.section) if part)
        return f"({place}): \"{self.sentence}\""


@dataclass(frozen=True)
class Hop:
    """One step of a path, from ``source`` to ``target`` in path order.

    ``forward`` is True when the edge is stored in that direction ("A uses B" walked from A
    to B), False when the path walks it backwards. ``key`` is the edge's key in the graph.
    """

    source: str
    target: str
    relation: str
    kind: str
    negated: bool
    forward: bool
    count: int
    key: str
    evidence: Citation | None

    @property
    def statement(self) -> str:
        """What the edge says, in its stored direction: ``"A integrates with B"``."""
        subject, obj = (self.source, self.target) if self.forward else (self.target, self.source)
        return f"{subject} {'not ' if self.negated else ''}{self.relation} {obj}"

    def to_dict(self) -> dict:
        """Plain data for JSON: the hop's fields, ``direction`` and ``evidence`` (or None)."""
        data = asdict(self)
        data["direction"] = "forward" if self.forward else "backward"
        return data


@dataclass(frozen=True)
class TopicPath:
    """A simple path between two topics: its hops in order, its total cost (edges and the
    detour costs of the topics it walks through) and those of them that are hubs."""

    hops: tuple[Hop, ...]
    cost: float
    hubs: tuple[str, ...] = ()

    @property
    def strength(self) -> str:
        """"strong", "fair" or "weak", from the cost; a cheaper path is never weaker."""
        return "strong" if self.cost < STRONG_COST else "fair" if self.cost < WEAK_COST else "weak"

    @property
    def nodes(self) -> tuple[str, ...]:
        """The topics along the path, from the first to the last."""
        return (self.hops[0].source, *(hop.target for hop in self.hops)) if self.hops else ()

    @property
    def source(self) -> str:
        return self.hops[0].source

    @property
    def target(self) -> str:
        return self.hops[-1].target


def find_paths(graph: nx.MultiDiGraph, source: str, target: str, *, k: int = 3, directed: bool = False,
               negated: bool = False, hubs_from: nx.Graph | None = None) -> list[TopicPath]:
    """The ``k`` cheapest simple paths from ``source`` to ``target``, cheapest first.

    Stated edges are preferred over structural ones, and both over co-occurrence
    (see :data:`KIND_COST`). With ``directed`` a path only follows edges the way they are
    stated (co-occurrence either way); otherwise any way, each hop telling its direction.
    Negated edges ("X is not used for Y") are left out unless ``negated`` is True.
    Walking through a broad topic costs its detour cost (:func:`~graph.hubs.breadth`), measured
    on ``hubs_from`` (default ``graph``): pass the whole graph when ``graph`` is a filtered view,
    so that hiding co-occurrence does not make "accuracy" look specific.
    No path at all gives an empty list; an unknown topic raises :class:`~graph.topics.NodeNotFound`.

    >>> g = nx.MultiDiGraph()
    >>> ev = [{"sentence": "Model Monitor sends metrics to CloudWatch.", "doc": "n.md", "section": "SageMaker", "line": 3}]
    >>> _ = g.add_edge("Model Monitor", "CloudWatch", key="integrates with|stated", relation="integrates with",
    ...                kind="stated", negated=False, evidence=ev, count=1)
    >>> _ = g.add_edge("CloudWatch", "SNS", key="co-occurs with|cooccurrence", relation="co-occurs with",
    ...                kind="cooccurrence", negated=False, evidence=ev, count=1)
    >>> [path.nodes for path in find_paths(g, "model monitor", "SNS")]
    [('Model Monitor', 'CloudWatch', 'SNS')]
    >>> find_paths(g, "SNS", "Model Monitor", directed=True)
    []
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number of at least 1, not {k!r}")
    start, end = resolve_topic(graph, source), resolve_topic(graph, target)
    if start == end:
        raise ValueError(f"{source!r} and {target!r} are the same topic ({start!r}); choose two different topics")
    found = breadth(graph if hubs_from is None else hubs_from)
    projection = weighted_projection(graph, found, directed=directed, negated=negated)
    return [_topic_path(graph, projection, nodes, found) for _, nodes in cheapest_paths(projection, start, end, limit=k)]


def explain_path(path: TopicPath) -> str:
    """The path as readable sentences, one line per hop, each with its best evidence.

    >>> hop = Hop("Model Monitor", "CloudWatch", "integrates with", "stated", False, True, 1, "k",
    ...           Citation("Model Monitor sends metrics to CloudWatch.", "notes.md", "SageMaker > Model Monitor", 3))
    >>> print(explain_path(TopicPath((hop,), 1.0)))
    Model Monitor integrates with CloudWatch (notes.md, SageMaker > Model Monitor): "Model Monitor sends metrics to CloudWatch."
    """
    lines = []
    for hop in path.hops:
        evidence = f" {hop.evidence}" if hop.evidence else ""
        hedge = " (named together in a sentence)" if hop.kind == "cooccurrence" and not hop.evidence else ""
        lines.append(f"{hop.statement}{hedge}{evidence}")
    return "\n".join(lines)


def path_view(graph: nx.MultiDiGraph, paths: list[TopicPath]) -> nx.MultiDiGraph:
    """The topics and the very edges of ``paths``, as a read-only view of ``graph``.

    >>> g = nx.MultiDiGraph()
    >>> for s, t in [("A", "B"), ("B", "C"), ("A", "C")]:
    ...     _ = g.add_edge(s, t, key="uses|stated", relation="uses", kind="stated", negated=False, count=1)
    >>> view = path_view(g, find_paths(g, "A", "C", k=1))
    >>> sorted(view), view.number_of_edges()
    (['A', 'C'], 1)
    """
    nodes = {node for path in paths for node in path.nodes}
    edges = set()
    for path in paths:
        for hop in path.hops:
            source, target = (hop.source, hop.target) if hop.forward else (hop.target, hop.source)
            edges.add((source, target, hop.key) if graph.is_multigraph() else (source, target))
    return subgraph_of(graph, nodes, edges)


def _topic_path(graph: nx.MultiDiGraph, projection: Projection, nodes: list[str], found: Breadth) -> TopicPath:
    hops = []
    cost = -(found.cost(nodes[0]) + found.cost(nodes[-1])) / 2  # the ends are the same for every path
    for u, v in zip(nodes, nodes[1:]):
        weight, edge = projection.step(u, v)
        cost += weight
        hops.append(walk_edge(graph, u, v, edge))
    hubs = tuple(node for node in nodes[1:-1] if found.is_hub(node))
    return TopicPath(tuple(hops), round(cost, 6), hubs)


def walk_edge(graph: nx.MultiDiGraph, u: str, v: str, edge: tuple) -> Hop:
    """The hop from ``u`` to ``v`` along ``edge``, ``(source, target, key)`` as stored (key None
    in a graph that is not a multigraph)."""
    source, target, key = edge
    data = graph.edges[source, target, key] if graph.is_multigraph() else graph.edges[source, target]
    return Hop(u, v, str(data.get("relation", "")), str(data.get("kind", "")), bool(data.get("negated")),
               forward=(source == u and target == v) or not graph.is_directed(), count=int(data.get("count", 1)),
               key=key if key is not None else "", evidence=best_citation(data))


def best_citation(data: dict) -> Citation | None:
    """The edge's best evidence: the sentence repeated in most places, the first one on ties."""
    evidence = data.get("evidence") or []
    if not evidence:
        return None
    best = max(evidence, key=lambda item: len(item.get("sources") or ()))
    return Citation(str(best.get("sentence", "")), str(best.get("doc", "")), str(best.get("section", "")),
                    int(best.get("line", 0) or 0))
