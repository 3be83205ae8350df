"""GraphML in the shape APOC reads: ``CALL apoc.import.graphml(file, {readLabels: true})``.

Each node carries its labels as ``:Topic:Service`` and each edge its relationship type as
``label``, both as an XML attribute and as the data key of that name, the two places APOC
looks (it takes an edge's type from data only when ``label`` is the edge's first data, so
it is written first). Key ids are the property names, since APOC matches ``labels`` and
``label`` by key id. List properties are JSON arrays under keys marked ``attr.list``, which
APOC reads back as arrays; networkx reads them as strings.
"""
from __future__ import annotations

import json
import re

import networkx as nx

from .neo4j_records import node_records, relationship_records

__all__ = ["to_apoc_graphml"]

# Characters XML 1.0 cannot hold, even escaped; a note may still contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def to_apoc_graphml(graph: nx.Graph) -> str:
    """``graph`` as APOC-flavoured GraphML.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("S3", type="service", aliases=["Simple Storage"])
    >>> g.add_edge("Glue", "S3", key="reads|stated", relation="reads", kind="stated")
    'reads|stated'
    >>> text = to_apoc_graphml(g)
    >>> '<node id="S3" labels=":Topic:Service">' in text, '<data key="aliases">["Simple Storage"]</data>' in text
    (True, True)
    >>> '<edge source="Glue" target="S3" id="reads|stated" label="READS">' in text
    True
    """
    apoc = nx.MultiDiGraph()
    lists: set[tuple[str, str]] = set()
    for record in node_records(graph):
        properties = {"labels": "".join(f":{label}" for label in record.labels), **record.properties}
        apoc.add_node(_xml_text(record.id), **_plain(properties, "node", lists))
    for record in relationship_records(graph):
        properties = _plain({"label": record.type, **record.properties}, "edge", lists)
        apoc.add_edges_from([(_xml_text(record.start), _xml_text(record.end), properties["key"], properties)])
    writer = nx.GraphMLWriter(named_key_ids=True)
    writer.add_graph_element(apoc)
    for element in writer.xml.iter():
        _annotate(element, lists)
    return str(writer)


def _plain(properties: dict, scope: str, lists: set[tuple[str, str]]) -> dict:
    """Properties GraphML can hold; the names of list properties are added to ``lists``."""
    plain = {}
    for name, value in properties.items():
        if isinstance(value, list):
            lists.add((scope, name))
            value = json.dumps(value, ensure_ascii=False)  # JSON writes control characters as \u escapes
        plain[name] = _xml_text(value) if isinstance(value, str) else value
    return plain


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _annotate(element, lists: set[tuple[str, str]]) -> None:
    """Mark list keys for APOC, and copy labels and types to where APOC's own export puts them."""
    tag = element.tag.rsplit("}", 1)[-1]
    if tag == "key" and (element.get("for"), element.get("attr.name")) in lists:
        element.set("attr.list", element.get("attr.type"))
    elif tag in ("node", "edge"):
        name = "labels" if tag == "node" else "label"
        data = next((child for child in element if child.get("key") == name), None)
        if data is not None:
            element.set(name, data.text or "")
