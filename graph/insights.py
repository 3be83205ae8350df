"""What the graph says as a whole: central topics, communities, each note's share, two topics compared."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from .memo import derived
from .neighbourhood import Link
from .paths import edge_cost
from .topics import resolve_topic
from .views import edge_docs

__all__ = [
    "CENTRALITY_MEASURES", "COMMUNITY_SEED", "NoteStatistics", "TopicComparison",
    "centrality", "communities", "community_of", "compare_topics", "graph_summary", "note_statistics",
]

CENTRALITY_MEASURES = ("degree", "betweenness")
COMMUNITY_SEED = 7


def _undirected(graph: nx.Graph) -> nx.Graph:
    """A simple undirected graph of who is linked to whom, weighted by the strongest link.
    Its topics and links are in name order, whatever order ``graph`` holds them in (a view's
    order can follow a set's), so what is computed from it comes out the same in every run."""
    def build(g: nx.Graph) -> nx.Graph:
        simple = nx.Graph()
        simple.add_nodes_from(sorted(g, key=str))
        for source, target, data in sorted(g.edges(data=True), key=lambda edge: (str(edge[0]), str(edge[1]))):
            if source == target:
                continue
            strength = 1.0 / edge_cost(data)
            if strength > simple.adj[source].get(target, {}).get("weight", 0.0):
                simple.add_edge(source, target, weight=strength)
        return simple
    return derived(graph, "undirected", build)


def centrality(graph: nx.Graph, *, measure: str = "degree", samples: int | None = 256,
               seed: int = COMMUNITY_SEED) -> dict[str, float]:
    """Each topic's centrality in [0, 1], counting each linked topic once whatever the direction.

    ``measure`` is "degree" (share of the other topics it is linked to) or "betweenness"
    (share of shortest paths through it). Betweenness is estimated from ``samples`` source
    topics (seeded, so repeatable) when the graph has more topics than that; None is exact.

    >>> g = nx.MultiDiGraph([("A", "B"), ("B", "C")])
    >>> centrality(g, measure="betweenness")
    {'A': 0.0, 'B': 1.0, 'C': 0.0}
    """
    if measure not in CENTRALITY_MEASURES:
        raise ValueError(f"unknown centrality measure {measure!r} (known: {', '.join(CENTRALITY_MEASURES)})")
    simple = _undirected(graph)
    if measure == "degree":
        return nx.degree_centrality(simple) if len(simple) > 1 else dict.fromkeys(simple, 0.0)
    sample = samples if samples is not None and samples < len(simple) else None
    return derived(graph, ("betweenness", sample, seed),
                   lambda g: nx.betweenness_centrality(simple, k=sample, seed=seed if sample else None))


def communities(graph: nx.Graph, *, seed: int = COMMUNITY_SEED, resolution: float = 1.0) -> list[frozenset[str]]:
    """Groups of closely linked topics (Louvain, fixed ``seed`` so colours stay put between runs),
    largest first; ties go to the group whose alphabetically first topic comes first.

    >>> g = nx.MultiDiGraph([("A", "B"), ("B", "C"), ("C", "A"), ("X", "Y")])
    >>> [sorted(group) for group in communities(g)]
    [['A', 'B', 'C'], ['X', 'Y']]
    """
    def build(g: nx.Graph) -> list[frozenset[str]]:
        found = nx.community.louvain_communities(_undirected(g), weight="weight", seed=seed, resolution=resolution)
        return sorted((frozenset(group) for group in found), key=lambda group: (-len(group), min(map(str, group))))
    return derived(graph, ("communities", seed, resolution), build)


def community_of(graph: nx.Graph, *, seed: int = COMMUNITY_SEED) -> dict[str, int]:
    """Each topic's community number (0 is the largest community).

    >>> community_of(nx.MultiDiGraph([("A", "B"), ("C", "D"), ("D", "E")]))
    {'C': 0, 'D': 0, 'E': 0, 'A': 1, 'B': 1}
    """
    return {node: number for number, group in enumerate(communities(graph, seed=seed)) for node in sorted(group)}


def graph_summary(graph: nx.MultiDiGraph, *, top: int = 10, seed: int = COMMUNITY_SEED) -> dict:
    """Counts, the most central topics and the communities, as plain data (ready for JSON).

    >>> summary = graph_summary(nx.MultiDiGraph([("A", "B"), ("B", "C")]))
    >>> summary["nodes"], summary["edges"], summary["central"][0]["id"], summary["components"]
    (3, 2, 'B', 1)
    """
    degree = centrality(graph, measure="degree")
    betweenness = centrality(graph, measure="betweenness", seed=seed)
    pieces = sorted(map(len, nx.weakly_connected_components(graph) if graph.is_directed()
                        else nx.connected_components(graph)), reverse=True)
    notes = set(graph.graph.get("notes") or ())
    for _, data in graph.nodes(data=True):
        notes.update(data.get("sources") or ())
    by_degree = sorted(degree, key=lambda node: (-degree[node], str(node)))
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "types": dict(sorted(Counter(data.get("type", "") for _, data in graph.nodes(data=True)).items())),
        "kinds": dict(sorted(Counter(data.get("kind", "") for _, _, data in graph.edges(data=True)).items())),
        "negated": sum(1 for _, _, data in graph.edges(data=True) if data.get("negated")),
        "notes": len(notes),
        "components": len(pieces),
        "largest_component": pieces[0] if pieces else 0,
        "isolated": sum(1 for node in graph if graph.degree(node) == 0),
        "central": [{"id": node, "degree": round(degree[node], 4), "betweenness": round(betweenness[node], 4)}
                    for node in by_degree[:top]],
        "community_seed": seed,
        "communities": [{"size": len(group), "leaders": sorted(group, key=lambda n: (-degree[n], str(n)))[:4]}
                        for group in communities(graph, seed=seed)],
    }


@dataclass(frozen=True)
class NoteStatistics:
    """What one note contributes to the graph."""

    note: str
    topics: int             # topics the note mentions
    services: int
    concepts: int
    edges: dict[str, int]   # edges it gives evidence for, by kind
    negated: int            # negated edges it gives evidence for
    sentences: int          # distinct evidence sentences it holds
    sections: int           # distinct sections those sentences stand in
    only_here: tuple[str, ...]    # topics no other note mentions
    top_topics: tuple[str, ...]   # its most linked topics (by its own edges)


def note_statistics(graph: nx.MultiDiGraph, *, top: int = 5) -> list[NoteStatistics]:
    """Per-note statistics, one per note (the graph's ``notes`` and every note cited), by name.

    >>> g = nx.MultiDiGraph(notes=["a.md"])
    >>> g.add_node("S3", type="service", sources=["a.md"]); g.add_node("data", type="concept", sources=["a.md"])
    >>> ev = [{"sentence": "S3 stores data.", "doc": "a.md", "section": "Storage", "line": 1}]
    >>> _ = g.add_edge("S3", "data", relation="stores", kind="stated", negated=False, evidence=ev, count=1)
    >>> [(s.note, s.topics, s.edges["stated"], s.only_here) for s in note_statistics(g)]
    [('a.md', 2, 1, ('S3', 'data'))]
    """
    mentions: dict[str, list[str]] = {note: [] for note in graph.graph.get("notes") or ()}
    for node, data in graph.nodes(data=True):
        for note in data.get("sources") or ():
            mentions.setdefault(note, []).append(node)
    edges: dict[str, Counter] = {note: Counter() for note in mentions}
    negated, degree = Counter(), {note: Counter() for note in mentions}
    sentences: dict[str, set[str]] = {note: set() for note in mentions}
    sections: dict[str, set[str]] = {note: set() for note in mentions}
    for source, target, data in graph.edges(data=True):
        for note in edge_docs(data):
            mentions.setdefault(note, [])
            edges.setdefault(note, Counter())[data.get("kind", "")] += 1
            negated[note] += bool(data.get("negated"))
            degree.setdefault(note, Counter()).update((source, target))
        for evidence in data.get("evidence") or ():
            for place in evidence.get("sources") or [evidence]:
                note = place.get("doc", "")
                sentences.setdefault(note, set()).add(evidence.get("sentence", ""))
                sections.setdefault(note, set()).add(place.get("section", ""))
    seen_in = Counter(node for nodes in mentions.values() for node in set(nodes))
    statistics = []
    for note in sorted(mentions):
        nodes = mentions[note]
        types = Counter(graph.nodes[node].get("type") for node in nodes)
        statistics.append(NoteStatistics(
            note=note, topics=len(nodes), services=types["service"], concepts=types["concept"],
            edges=dict(sorted(edges.get(note, Counter()).items())), negated=negated[note],
            sentences=len(sentences.get(note, ())),
            sections=len(sections.get(note, ())),
            only_here=tuple(sorted(node for node in nodes if seen_in[node] == 1)),
            top_topics=tuple(node for node, _ in sorted(degree.get(note, Counter()).items(), key=lambda i: (-i[1], i[0]))[:top]),
        ))
    return statistics


@dataclass(frozen=True)
class TopicComparison:
    """Two topics side by side: what they share and the relations only one of them has."""

    first: str
    second: str
    shared_neighbours: tuple[str, ...]
    only_first: tuple[str, ...]          # topics linked to the first only
    only_second: tuple[str, ...]
    shared_relations: tuple[str, ...]    # relation labels both use, e.g. "integrates with"
    relations_only_first: tuple[Link, ...]   # edges of the first whose relation the second lacks
    relations_only_second: tuple[Link, ...]
    direct: tuple[Link, ...]             # edges between the two
    similarity: float                    # shared neighbours / all neighbours (Jaccard)


def compare_topics(graph: nx.MultiDiGraph, first: str, second: str) -> TopicComparison:
    """Compare two topics: shared neighbours and the relations only one of them has.

    A relation counts with its direction: "Clarify detects bias" and "X detects Clarify"
    are different relations for Clarify. Co-occurrence is not a relation and is left out.

    >>> g = nx.MultiDiGraph()
    >>> for s, r, t in [("Clarify", "detects", "bias"), ("Clarify", "uses", "S3"), ("Monitor", "uses", "S3"),
    ...                 ("Monitor", "integrates with", "CloudWatch")]:
    ...     _ = g.add_edge(s, t, relation=r, kind="stated", negated=False, count=1)
    >>> c = compare_topics(g, "clarify", "Monitor")
    >>> c.shared_neighbours, c.shared_relations, [l.statement for l in c.relations_only_second]
    (('S3',), ('uses',), ['Monitor integrates with CloudWatch'])
    """
    a, b = resolve_topic(graph, first), resolve_topic(graph, second)
    if a == b:
        raise ValueError(f"{first!r} and {second!r} are the same topic ({a!r}); choose two different topics")
    links_a, links_b = _links_of(graph, a), _links_of(graph, b)
    near_a = {_other(link, a) for link in links_a} - {b}
    near_b = {_other(link, b) for link in links_b} - {a}
    relations_a = {_signature(link, a) for link in links_a}
    relations_b = {_signature(link, b) for link in links_b}
    union = near_a | near_b
    return TopicComparison(
        first=a, second=b,
        shared_neighbours=tuple(sorted(near_a & near_b)),
        only_first=tuple(sorted(near_a - near_b)),
        only_second=tuple(sorted(near_b - near_a)),
        shared_relations=tuple(sorted({relation for relation, _ in relations_a & relations_b})),
        relations_only_first=tuple(link for link in links_a if _signature(link, a) not in relations_b and _other(link, a) != b),
        relations_only_second=tuple(link for link in links_b if _signature(link, b) not in relations_a and _other(link, b) != a),
        direct=tuple(link for link in links_a if _other(link, a) == b),
        similarity=round(len(near_a & near_b) / len(union), 4) if union else 0.0,
    )


def _links_of(graph: nx.MultiDiGraph, node: str) -> list[Link]:
    """Every edge touching ``node`` except co-occurrence, sorted for stable output."""
    edges = list(graph.out_edges(node, data=True)) + list(graph.in_edges(node, data=True)) if graph.is_directed() \
        else list(graph.edges(node, data=True))
    links = {
        Link(source, str(data.get("relation", "")), target, str(data.get("kind", "")), bool(data.get("negated")),
             int(data.get("count", 1)))
        for source, target, data in edges if data.get("kind") != "cooccurrence"
    }
    return sorted(links, key=lambda link: (link.relation, link.source, link.target, link.negated))


def _other(link: Link, node: str) -> str:
    return link.target if link.source == node else link.source


def _signature(link: Link, node: str) -> tuple[str, str]:
    """A relation as one topic sees it: its label, with "not " when negated, and its direction."""
    relation = f"{'not ' if link.negated else ''}{link.relation}"
    return relation, "out" if link.source == node else "in"
