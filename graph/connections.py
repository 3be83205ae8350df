"""How two topics are connected, the strongest evidence first.

First what the notes say about the two together (the edges between them), then the topics
both link to (specific ones first), then the best paths, each with its strength in words.
When the best path is weak, because it runs through a broad topic ("accuracy") or takes many
steps, the two are only loosely linked and :func:`loose_reason` says so in one sentence.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from .hubs import breadth
from .paths import Hop, TopicPath, edge_cost, find_paths, walk_edge
from .topics import resolve_topic

__all__ = ["Connection", "connect", "connect_around_hubs", "describe_path", "loose_reason"]


@dataclass(frozen=True)
class Connection:
    """Two topics and what joins them, strongest first."""

    source: str
    target: str
    direct: tuple[Hop, ...]         # the edges between the two, walked from source, strongest first
    shared: tuple[str, ...]         # topics linked to both, most specific first
    paths: tuple[TopicPath, ...]    # the best paths, cheapest first
    broad: frozenset[str] = frozenset()  # the hubs among the shared topics and along the paths

    @property
    def loose(self) -> bool:
        """Whether only a weak path joins the two (through a hub, long, or by co-occurrence)."""
        return bool(self.paths) and self.paths[0].strength == "weak"


def connect(graph: nx.MultiDiGraph, source: str, target: str, *, k: int = 3, directed: bool = False,
            negated: bool = False, hubs_from: nx.Graph | None = None) -> Connection:
    """What joins ``source`` and ``target``: direct edges, shared neighbours, the ``k`` best paths
    (of them, those through a broad topic only when every path runs through one).

    The options are those of :func:`~graph.paths.find_paths`, and they pick the paths; the
    direct edges include negated ones ("X is not used for Y" is something the notes say).

    >>> g = nx.MultiDiGraph()
    >>> for s, r, t in [("Clarify", "detects", "bias"), ("Monitor", "detects", "bias"),
    ...                 ("Monitor", "integrates with", "Clarify")]:
    ...     _ = g.add_edge(s, t, key=f"{r}|stated", relation=r, kind="stated", negated=False, count=1)
    >>> found = connect(g, "clarify", "monitor")
    >>> [hop.statement for hop in found.direct], found.shared, found.loose
    (['Monitor integrates with Clarify'], ('bias',), False)
    """
    paths = find_paths(graph, source, target, k=k, directed=directed, negated=negated, hubs_from=hubs_from)
    paths = [path for path in paths if not path.hubs] or paths  # a way through a broad topic only when no other is
    start, end = resolve_topic(graph, source), resolve_topic(graph, target)  # both checked by find_paths
    measured = breadth(graph if hubs_from is None else hubs_from)
    shared = sorted(_linked(graph, start, negated) & _linked(graph, end, negated),
                    key=lambda topic: (measured.cost(topic), str(topic).casefold(), str(topic)))
    broad = {topic for topic in shared if measured.is_hub(topic)} | {hub for path in paths for hub in path.hubs}
    return Connection(start, end, _direct(graph, start, end), tuple(shared), tuple(paths), frozenset(broad))


def connect_around_hubs(view: nx.MultiDiGraph, whole: nx.MultiDiGraph, source: str, target: str, *,
                        k: int = 3) -> tuple[Connection, nx.MultiDiGraph]:
    """:func:`connect` in ``view``; when the best path found there runs through a broad topic
    ("accuracy"), the paths of the whole graph (co-occurrence included) if its best one avoids
    them. Returns the connection and the graph its paths were found in.

    >>> g = nx.MultiDiGraph()
    >>> for s, t, kind in [("SMOTE", "hub", "stated"), ("hub", "SageMaker", "stated"),
    ...                    ("SMOTE", "k-NN", "cooccurrence"), ("k-NN", "SageMaker", "stated")]:
    ...     _ = g.add_edge(s, t, key=kind, relation="uses", kind=kind, negated=False, count=1)
    >>> for n in range(30):
    ...     _ = g.add_edge("hub", f"t{n}", key="stated", relation="uses", kind="stated", negated=False, count=1)
    >>> stated = nx.MultiDiGraph(((s, t, k, d) for s, t, k, d in g.edges(keys=True, data=True) if d["kind"] == "stated"))
    >>> found, where = connect_around_hubs(stated, g, "SMOTE", "SageMaker")
    >>> found.paths[0].nodes, where is g
    (('SMOTE', 'k-NN', 'SageMaker'), True)
    """
    found = connect(view, source, target, k=k, hubs_from=whole)
    if found.paths and found.paths[0].hubs and view is not whole:
        wider = connect(whole, source, target, k=k, hubs_from=whole)
        if wider.paths and not wider.paths[0].hubs:
            return wider, whole
    return found, view


def describe_path(path: TopicPath) -> str:
    """The path's strength and what makes it so, in plain words.

    >>> hop = Hop("Model Monitor", "CloudWatch", "integrates with", "stated", False, True, 1, "k", None)
    >>> describe_path(TopicPath((hop,), 1.0))
    'strong link: 1 step, stated in the notes'
    """
    steps = len(path.hops)
    kinds = Counter(hop.kind for hop in path.hops)
    length = f"{steps} step{'s' if steps != 1 else ''}" + (f" through {_broad(path.hubs)}" if path.hubs else "")
    reasons = [length]
    named = kinds["cooccurrence"]
    if named == steps:
        reasons.append("only named together in a sentence" if steps == 1 else "each only named together in a sentence")
    elif named:
        reasons.append(f"{_number(named)} of them only named together in a sentence")
    elif kinds["stated"] == steps:
        reasons.append("stated in the notes" if steps == 1 else "each stated in the notes")
    else:
        reasons.append("stated in the notes or given by their headings")
    return f"{path.strength} link: {', '.join(reasons)}"


def loose_reason(connection: Connection) -> str:
    """One sentence saying why two topics are only loosely linked ("" when they are not).

    >>> hops = tuple(Hop(a, b, "uses", "stated", False, True, 1, "k", None) for a, b in [("A", "hub"), ("hub", "B")])
    >>> print(loose_reason(Connection("A", "B", (), ("hub",), (TopicPath(hops, 9.0, ("hub",)),))))
    A and B are only loosely linked in these notes: every path found runs through the broad topic hub, which is linked to almost everything.
    """
    if not connection.loose:
        return ""
    best = connection.paths[0]
    if best.hubs:
        every = all(path.hubs for path in connection.paths)
        hubs = dict.fromkeys(hub for path in connection.paths if every or path is best for hub in path.hubs)
        why = (f"{'every path found runs' if every else 'the best path runs'} through {_broad(tuple(hubs))}, "
               f"which {'is' if len(hubs) == 1 else 'are'} linked to almost everything")
    else:
        named = sum(hop.kind == "cooccurrence" for hop in best.hops)
        why = f"the closest path takes {len(best.hops)} step{'s' if len(best.hops) != 1 else ''}"
        if named:
            why += f", {_number(named)} of them only named together in a sentence"
    return f"{connection.source} and {connection.target} are only loosely linked in these notes: {why}."


def _number(count: int) -> str:
    return ("no", "one", "two", "three", "four", "five")[count] if count <= 5 else str(count)


def _broad(hubs: tuple[str, ...]) -> str:
    return f"the broad topic{'s' if len(hubs) > 1 else ''} {', '.join(hubs)}"


def _linked(graph: nx.MultiDiGraph, node: str, negated: bool) -> set[str]:
    """The topics ``node`` shares an edge with (negated edges only if ``negated``)."""
    edges = list(graph.out_edges(node, data="negated")) + list(graph.in_edges(node, data="negated")) \
        if graph.is_directed() else list(graph.edges(node, data="negated"))
    return {v if u == node else u for u, v, no in edges if negated or not no} - {node}


def _direct(graph: nx.MultiDiGraph, start: str, end: str) -> tuple[Hop, ...]:
    """Every edge between the two, as hops from ``start``: stated before negated, cheapest first."""
    pairs = [(start, end), (end, start)] if graph.is_directed() else [(start, end)]
    edges = []
    for u, v in pairs:
        found = graph.get_edge_data(u, v, default={})
        items = found.items() if graph.is_multigraph() else ([(None, found)] if found else [])
        edges.extend(((u, v, key), data) for key, data in items)
    edges.sort(key=lambda item: (bool(item[1].get("negated")), edge_cost(item[1]), str(item[0][2])))
    return tuple(walk_edge(graph, start, end, edge) for edge, _ in edges)
