"""Node-link data (what :mod:`graph.io` reads and writes): checked field by field, then made a graph.

A graph file of 100,000 topics holds millions of small objects, so this takes the quick way
where it can, in one pass over the items: the check first asks whether an item has exactly
the types a file we wrote has, and goes field by field only through an item that differs (to
name what is wrong, or to accept a subclass); the graph is built straight into networkx's
adjacency dicts, as ``nx.node_link_graph`` would build it, without a call per edge.
"""
from __future__ import annotations

import networkx as nx

__all__ = ["FORMAT_VERSION", "GraphFileError", "graph_from_node_link"]

FORMAT_VERSION = 1
REBUILD = "rebuild it with: python -m graph build"

_NODE_FIELDS = {"id": str, "type": str, "label": str, "category": str, "parent": str, "definition": str,
                "aliases": list, "sources": list}
_EDGE_FIELDS = {"source": str, "target": str, "relation": str, "kind": str, "negated": bool, "evidence": list,
                "count": int}
_EVIDENCE_FIELDS = {"doc": str, "section": str, "line": int, "sentence": str}
_NODE_TYPES = {"service", "concept"}


class GraphFileError(ValueError):
    """A graph file that is missing, corrupt or not a graph of this tool."""


def graph_from_node_link(data: object, origin: str, *, reuse: bool = False) -> nx.MultiDiGraph:
    """The graph of node-link ``data`` as :mod:`graph.io` writes it, as ``nx.node_link_graph``
    makes it (an edge with no key gets the lowest free number; a repeated topic or edge adds
    to the first one's data), checked item by item on the way: :class:`GraphFileError` names
    the first item that lacks a field the explorer reads, or has it with another type. With
    ``reuse``, the items' dicts become the graph's attribute dicts (``data`` is then used up);
    otherwise they are copied and ``data`` is left as it was.

    >>> g = graph_from_node_link({"graph": {"notes": []}, "edges": [], "nodes": [
    ...     {"id": "a", "type": "concept", "label": "a", "category": "", "parent": "", "definition": "",
    ...      "aliases": [], "sources": []}]}, "example")
    >>> list(g.nodes(data="type")), g.graph
    ([('a', 'concept')], {'notes': []})
    >>> graph_from_node_link({"nodes": [{"id": "a"}], "edges": []}, "example")
    Traceback (most recent call last):
    ...
    graph.node_link.GraphFileError: example: node {'id': 'a'} lacks an id or a type; rebuild it with: python -m graph build
    """
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise GraphFileError(f"{origin}: not a knowledge graph (no 'nodes' and 'edges' lists); {REBUILD}")
    attributes = data.get("graph", {})
    version = attributes.get("format", FORMAT_VERSION) if isinstance(attributes, dict) else None
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise GraphFileError(f"{origin}: graph format {version!r} is not one this version reads "
                             f"(format {FORMAT_VERSION}); {REBUILD}")
    graph = nx.MultiDiGraph()
    graph.graph = attributes
    _add_nodes(graph, data["nodes"], origin, reuse)
    _add_edges(graph, data["edges"], origin, reuse)
    return graph


def _add_nodes(graph: nx.MultiDiGraph, items: list, origin: str, reuse: bool) -> None:
    """Check each node and add it straight into the graph's dicts, as add_node would."""
    nodes, succ, pred = graph._node, graph._succ, graph._pred
    for item in items:
        if not _well_formed_node(item):
            _check_node(item, origin)
        attributes = item if reuse else dict(item)
        node = attributes.pop("id")
        if node in nodes:
            nodes[node].update(attributes)
        else:
            nodes[node], succ[node], pred[node] = attributes, {}, {}


def _add_edges(graph: nx.MultiDiGraph, items: list, origin: str, reuse: bool) -> None:
    """Check each edge and add it straight into the graph's dicts, as add_edge would.

    Each end is looked up once, in the adjacency dict that takes the edge (which has the same
    keys as the node dict, so a missing topic is a KeyError there): a name read from the file is
    a new string object, compared by its characters, and at 400,000 edges each lookup of the
    ends costs 0.2 to 0.3 s (most of the time of this loop)."""
    succ, pred = graph._succ, graph._pred
    for item in items:
        if not _well_formed_edge(item):
            _check_edge(item, origin)
        try:
            after, before = succ[item["source"]], pred[item["target"]]
        except KeyError:
            raise GraphFileError(f"{origin}: edge {item['source']!r} -> {item['target']!r} names a topic the file "
                                 f"does not list; {REBUILD}") from None
        attributes = item if reuse else dict(item)
        source, target, key = attributes.pop("source"), attributes.pop("target"), attributes.pop("key", None)
        keys = after.get(target)
        if keys is None:
            keys = after[target] = before[source] = {}
        if key is None:
            key = len(keys)
            while key in keys:
                key += 1
        if key in keys:
            keys[key].update(attributes)
        else:
            keys[key] = attributes


def _well_formed_node(node: object) -> bool:
    """Whether ``node`` has every field with exactly the type a file we wrote gives it."""
    if type(node) is not dict:
        return False
    get = node.get
    aliases, sources = get("aliases"), get("sources")
    return (type(get("id")) is str and type(get("type")) is str and get("type") in _NODE_TYPES
            and type(get("label")) is str and type(get("category")) is str and type(get("parent")) is str
            and type(get("definition")) is str and type(aliases) is list and type(sources) is list
            and set(map(type, aliases)) <= {str} and set(map(type, sources)) <= {str})


def _well_formed_edge(edge: object) -> bool:
    """Whether ``edge`` and its evidence have every field with exactly the type a file we wrote gives it."""
    if type(edge) is not dict:
        return False
    get = edge.get
    return (type(get("source")) is str and type(get("target")) is str and type(get("relation")) is str
            and type(get("kind")) is str and type(get("negated")) is bool and isinstance(get("count"), int)
            and type(get("evidence")) is list and all(map(_well_formed_evidence, get("evidence"))))


def _well_formed_evidence(item: object) -> bool:
    if type(item) is not dict:
        return False
    get = item.get
    return (type(get("doc")) is str and type(get("section")) is str and type(get("sentence")) is str
            and isinstance(get("line"), int))


def _wrong_field(item: object, fields: dict[str, type]) -> str | None:
    """The first field of ``item`` that is missing or of the wrong type (None when all are right)."""
    if not isinstance(item, dict):
        return "(not an object)"
    for name, kind in fields.items():
        if not isinstance(item.get(name), kind):
            return name
    return None


def _check_node(node: object, origin: str) -> None:
    """Field by field: raise naming what is wrong with ``node``, if anything is."""
    if (not isinstance(node, dict) or not isinstance(node.get("id"), str) or not isinstance(node.get("type"), str)
            or node.get("type") not in _NODE_TYPES):
        raise GraphFileError(f"{origin}: node {node!r:.80} lacks an id or a type; {REBUILD}")
    wrong = _wrong_field(node, _NODE_FIELDS) or ("aliases" if not all(isinstance(a, str) for a in node["aliases"])
                                                  else "sources" if not all(isinstance(d, str) for d in node["sources"])
                                                  else None)
    if wrong:
        raise GraphFileError(f"{origin}: node {node['id']!r:.80} has no valid {wrong!r}; {REBUILD}")


def _check_edge(edge: object, origin: str) -> None:
    """Field by field: raise naming what is wrong with ``edge``, if anything is."""
    if not isinstance(edge, dict) or not {"source", "target", "relation", "kind"} <= edge.keys():
        raise GraphFileError(f"{origin}: edge {edge!r:.80} lacks source, target, relation or kind; {REBUILD}")
    wrong = _wrong_field(edge, _EDGE_FIELDS) or next(
        (f"evidence {field}" for item in edge["evidence"] if (field := _wrong_field(item, _EVIDENCE_FIELDS))), None)
    if wrong:
        raise GraphFileError(f"{origin}: edge {edge['source']!r:.60} -> {edge['target']!r:.60} has no valid "
                             f"{wrong!r}; {REBUILD}")
