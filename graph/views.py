"""Filter a graph into a view: a read-only subgraph that shares the original's data.

A view never copies or changes the graph it comes from; call ``view.copy()`` for a graph
of its own. Co-occurrence edges (two topics named in one sentence) are left out of views
unless asked for: they are many and say little.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable

import networkx as nx

from .topics import closest_names, normalise_name

__all__ = ["EDGE_KINDS", "KIND_RANK", "VIEW_KINDS", "NODE_TYPES", "filter_view", "edge_docs", "subgraph_of"]

EDGE_KINDS = ("stated", "structural", "cooccurrence")
# Edges listed strongest kind first: what the notes state, then their structure, then co-mentions.
KIND_RANK = {kind: rank for rank, kind in enumerate(EDGE_KINDS)}
VIEW_KINDS = ("stated", "structural")
NODE_TYPES = ("service", "concept")


def filter_view(
    graph: nx.MultiDiGraph,
    *,
    types: Collection[str] | None = None,
    relations: Collection[str] | None = None,
    kinds: Collection[str] | None = VIEW_KINDS,
    notes: Collection[str] | None = None,
    min_evidence: int = 1,
    negated: bool = True,
    orphans: bool = True,
) -> nx.MultiDiGraph:
    """The part of ``graph`` that passes every filter, as a read-only view.

    Parameters
    ----------
    types : node types to keep ("service", "concept"); None keeps all.
    relations : relation labels to keep ("integrates with"), any case; None keeps all.
    kinds : edge kinds to keep; the default leaves co-occurrence out, None keeps all.
    notes : note files; keeps topics these notes mention and edges they give evidence for.
    min_evidence : keep edges backed by at least this many evidence sentences.
    negated : whether to keep negated edges ("X is not used for Y").
    orphans : whether to keep topics left with no edge by the edge filters.

    Raises ``ValueError`` naming any type, kind, relation or note the graph does not have.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("A", type="service"); g.add_node("B", type="concept"); g.add_node("C", type="concept")
    >>> _ = g.add_edge("A", "B", relation="uses", kind="stated", negated=False, count=1)
    >>> _ = g.add_edge("B", "C", relation="co-occurs with", kind="cooccurrence", negated=False, count=1)
    >>> view = filter_view(g, orphans=False)
    >>> sorted(view), view.number_of_edges(), g.number_of_edges()
    (['A', 'B'], 1, 2)
    """
    type_set = _checked(types, "type", {data.get("type") for _, data in graph.nodes(data=True)} | set(NODE_TYPES))
    kind_set = _checked(kinds, "edge kind", set(EDGE_KINDS))
    relation_set = _checked_relations(graph, relations)
    note_set = _checked(notes, "note", _notes_of(graph))
    if isinstance(min_evidence, bool) or not isinstance(min_evidence, int) or min_evidence < 0:
        raise ValueError(f"min_evidence must be a whole number of at least 0, not {min_evidence!r}")

    nodes = {
        node for node, data in graph.nodes(data=True)
        if (type_set is None or data.get("type") in type_set)
        and (note_set is None or not note_set.isdisjoint(data.get("sources") or ()))
    }
    edges = set()
    for source, target, key, data in _edges(graph):
        if source not in nodes or target not in nodes:
            continue
        if kind_set is not None and data.get("kind") not in kind_set:
            continue
        if relation_set is not None and normalise_name(str(data.get("relation", ""))) not in relation_set:
            continue
        if data.get("count", len(data.get("evidence") or ())) < min_evidence:
            continue
        if not negated and data.get("negated"):
            continue
        if note_set is not None and note_set.isdisjoint(edge_docs(data)):
            continue
        edges.add((source, target, key) if graph.is_multigraph() else (source, target))
    if not orphans:
        nodes = {node for edge in edges for node in edge[:2]}
    return subgraph_of(graph, nodes, edges)


def subgraph_of(graph: nx.Graph, nodes: Iterable, edges: Iterable[tuple]) -> nx.Graph:
    """A read-only view of ``graph`` with only ``nodes`` and ``edges`` (``(u, v, key)`` for
    multigraphs, ``(u, v)`` otherwise); edges whose ends are not in ``nodes`` are dropped."""
    show_edges = nx.filters.show_multiedges if graph.is_multigraph() else nx.filters.show_edges
    return nx.subgraph_view(graph, filter_node=nx.filters.show_nodes(set(nodes)), filter_edge=show_edges(edges))


def edge_docs(data: dict) -> set[str]:
    """Every note that gives evidence for an edge (from its attribute dict)."""
    docs = set()
    for evidence in data.get("evidence") or ():
        docs.add(evidence.get("doc", ""))
        docs.update(source.get("doc", "") for source in evidence.get("sources") or ())
    docs.discard("")
    return docs


def _edges(graph: nx.Graph):
    if graph.is_multigraph():
        yield from graph.edges(keys=True, data=True)
    else:
        for source, target, data in graph.edges(data=True):
            yield source, target, None, data


def _notes_of(graph: nx.Graph) -> set[str]:
    notes = set(graph.graph.get("notes") or ())
    for _, data in graph.nodes(data=True):
        notes.update(data.get("sources") or ())
    return notes


def _checked(values: Collection[str] | None, what: str, known: set) -> set[str] | None:
    """``values`` as a set after checking each is ``known``; None means no filter."""
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    chosen = set(values)
    unknown = sorted(str(value) for value in chosen - known)
    if unknown:
        choices = ", ".join(sorted(str(k) for k in known if k)) or "none"
        raise ValueError(f"unknown {what} {unknown[0]!r} (known: {choices})")
    return chosen


def _checked_relations(graph: nx.Graph, relations: Collection[str] | None) -> set[str] | None:
    if relations is None:
        return None
    if isinstance(relations, str):
        relations = [relations]
    known = {normalise_name(str(data.get("relation", ""))): data.get("relation") for *_, data in _edges(graph)}
    chosen = {normalise_name(relation) for relation in relations}
    for relation in relations:
        if normalise_name(relation) not in known:
            close = closest_names(relation, (str(label) for label in known.values()))
            hint = f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
            raise ValueError(f"no relation named {relation!r} in this graph{hint}")
    return chosen
