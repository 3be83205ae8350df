"""APOC-flavoured GraphML read back with networkx, and checked where APOC looks for labels and types."""
import io
import json
from xml.etree import ElementTree

import networkx as nx

from graph.exports import export_graph

from .conftest import RELATIONSHIP_TYPES, TRICKY_ALIASES, TRICKY_NAME, TRICKY_SENTENCE

GRAPHML = {"g": "http://graphml.graphdrawing.org/xmlns"}


def read(data: bytes) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(data), force_multigraph=True)


def test_nodes_have_labels_and_edges_types(graph):
    loaded = read(export_graph(graph, "graphml-apoc"))
    assert loaded.number_of_nodes() == 10 and loaded.number_of_edges() == 10
    assert (loaded.nodes["Amazon S3"]["labels"], loaded.nodes["bias"]["labels"]) == (":Topic:Service", ":Topic:Concept")
    assert json.loads(loaded.nodes["Amazon S3"]["aliases"]) == ["S3", "Simple Storage Service"]
    assert {data["label"] for *_, data in loaded.edges(data=True)} == RELATIONSHIP_TYPES
    drift = loaded.edges["SageMaker Model Monitor", "data drift", "detects|stated"]
    assert (drift["label"], drift["relation"], drift["negated"], drift["count"]) == ("DETECTS", "detects", False, 2)
    assert json.loads(drift["sentences"])[1] == "Drift in data is detected by Model Monitor."


def test_labels_and_types_are_where_apoc_reads_them(graph):
    root = ElementTree.fromstring(export_graph(graph, "graphml-apoc"))
    keys = {(key.get("for"), key.get("id")): key for key in root.iterfind("g:key", GRAPHML)}
    assert keys["node", "labels"].get("attr.name") == "labels"  # APOC matches the key id
    assert keys["node", "aliases"].get("attr.list") == keys["edge", "sentences"].get("attr.list") == "string"
    assert all(node.get("labels").startswith(":Topic") for node in root.iterfind(".//g:node", GRAPHML))
    for edge in root.iterfind(".//g:edge", GRAPHML):
        first = edge.find("g:data", GRAPHML)
        assert first.get("key") == "label" and edge.get("label") == first.text


def test_tricky_text_stays_well_formed(tricky_graph):
    tricky_graph.add_node("bell\x07", type="concept", aliases=["tab\there", "nul\x00"])
    loaded = read(export_graph(tricky_graph, "graphml-apoc"))
    assert json.loads(loaded.nodes[TRICKY_NAME]["aliases"]) == TRICKY_ALIASES
    assert json.loads(loaded.nodes["bell\ufffd"]["aliases"]) == ["tab\there", "nul\x00"]  # JSON escapes survive
    edge = next(data for _, target, data in loaded.edges(data=True) if target == TRICKY_NAME)
    assert (edge["label"], json.loads(edge["sentences"])) == ("ISN_T_REALLY_USED_FOR", [TRICKY_SENTENCE])
