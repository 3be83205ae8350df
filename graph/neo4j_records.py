"""What a graph becomes in Neo4j: labelled nodes and typed relationships with plain properties.

The three Neo4j exports (``neo4j-admin`` CSVs, a Cypher script, APOC GraphML) write these
same records, so a graph loaded any of the three ways holds the same labels, types and
properties. Every topic is a ``Topic`` with its type as a second label (``Service``,
``Concept``); a relation label becomes a relationship type in upper snake case and is kept
as the ``relation`` property, since types cannot hold spaces or negation. Empty strings and
lists are left out: Neo4j has no empty values, a property is either there or not.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

__all__ = ["TOPIC_LABEL", "NodeRecord", "RelationshipRecord", "node_label", "node_records", "relationship_records",
           "relationship_type"]

TOPIC_LABEL = "Topic"
FALLBACK_TYPE = "RELATED_TO"  # for a relation with no letter or digit to make a type of


@dataclass(frozen=True)
class NodeRecord:
    """One topic: its id (the graph's node), its labels and its properties (``id`` among them)."""

    id: str
    labels: tuple[str, ...]
    properties: dict[str, str | int | list[str]]


@dataclass(frozen=True)
class RelationshipRecord:
    """One edge: the ids it links, its relationship type and its properties (``key`` names the edge)."""

    start: str
    end: str
    type: str
    properties: dict[str, str | int | bool | list[str]]


def _words(text: str) -> list[str]:
    """The ASCII words of ``text``, accents dropped (``"détecte"`` -> ``["detecte"]``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.findall(r"[A-Za-z0-9]+", ascii_text)


def node_label(topic_type: str) -> str:
    """The Neo4j label of a topic type: ``"service"`` -> ``"Service"``, ``"managed service"`` ->
    ``"ManagedService"``; ``""`` when the type has no letter or digit.

    >>> node_label("service"), node_label("machine-learning model"), node_label("?")
    ('Service', 'MachineLearningModel', '')
    """
    return "".join(word[:1].upper() + word[1:] for word in _words(str(topic_type)))


def relationship_type(relation: str) -> str:
    """The relationship type of a relation label: upper snake case of its ASCII words.

    >>> relationship_type("used for"), relationship_type("co-occurs with"), relationship_type("détecte")
    ('USED_FOR', 'CO_OCCURS_WITH', 'DETECTE')
    >>> relationship_type("!?")
    'RELATED_TO'
    """
    return "_".join(word.upper() for word in _words(str(relation))) or FALLBACK_TYPE


def node_records(graph: nx.Graph) -> list[NodeRecord]:
    """A record per topic of ``graph``, in the graph's order.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("S3", label="Amazon S3", type="service", aliases=["S3"], definition="")
    >>> record = node_records(g)[0]
    >>> record.labels
    ('Topic', 'Service')
    >>> record.properties  # the empty definition is left out
    {'id': 'S3', 'name': 'Amazon S3', 'type': 'service', 'aliases': ['S3'], 'degree': 0}
    """
    degree = dict(graph.degree())
    records = []
    for node, data in graph.nodes(data=True):
        label = node_label(data.get("type", ""))
        labels = (TOPIC_LABEL,) if label in ("", TOPIC_LABEL) else (TOPIC_LABEL, label)
        properties = _present({
            "id": str(node), "name": str(data.get("label") or node), "type": data.get("type"),
            "category": data.get("category"), "parent": data.get("parent"), "aliases": _strings(data.get("aliases")),
            "definition": data.get("definition"), "sources": _strings(data.get("sources")),
        })
        records.append(NodeRecord(str(node), labels, {**properties, "degree": degree[node]}))
    return records


def relationship_records(graph: nx.Graph) -> list[RelationshipRecord]:
    """A record per edge of ``graph``, in the graph's order; evidence becomes ``sentences`` and
    ``docs`` (lists) and the first sentence's ``doc``, ``section`` and ``line``."""
    records = []
    for source, target, key, data in _edges(graph):
        evidence = data.get("evidence") or []
        first = evidence[0] if evidence else {}
        properties = {
            "key": str(key), "relation": str(data.get("relation", "")), "kind": data.get("kind"),
            "negated": bool(data.get("negated")), "count": int(data.get("count", len(evidence)) or 0),
            "sentences": [str(item.get("sentence", "")) for item in evidence],
            "docs": sorted({str(item.get("doc")) for item in evidence if item.get("doc")}),
            "doc": first.get("doc"), "section": first.get("section"), "line": _line(first.get("line")),
        }
        records.append(RelationshipRecord(str(source), str(target), relationship_type(properties["relation"]),
                                          _present(properties)))
    return records


def _edges(graph: nx.Graph) -> Iterator[tuple[object, object, object, dict]]:
    """Edges with keys; a simple graph's edges are numbered in their order."""
    if graph.is_multigraph():
        yield from graph.edges(keys=True, data=True)
    else:
        for number, (source, target, data) in enumerate(graph.edges(data=True)):
            yield source, target, number, data


def _strings(values: object) -> list[str]:
    if values is None or isinstance(values, str):
        return [values] if values else []
    return [str(value) for value in values]


def _line(value: object) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _present(properties: dict) -> dict:
    """The properties that hold something: Neo4j stores no null, and an empty string or list
    would only say "nothing" in a way queries must then test for."""
    return {name: value for name, value in properties.items() if value is not None and value != "" and value != []}
