"""What a graph becomes in Neo4j: labels, relationship types and properties, shared by the exports."""
import re

import networkx as nx
import pytest

from graph.neo4j_records import node_label, node_records, relationship_records, relationship_type

from .conftest import TRICKY_RELATION


@pytest.mark.parametrize("type, label", [
    ("service", "Service"), ("concept", "Concept"), ("managed service", "ManagedService"), ("", ""),
])
def test_node_labels(type, label):
    assert node_label(type) == label


@pytest.mark.parametrize("relation, type", [
    ("used for", "USED_FOR"), ("co-occurs with", "CO_OCCURS_WITH"), ("détecte", "DETECTE"),
    (TRICKY_RELATION, "ISN_T_REALLY_USED_FOR"), ("3D prints", "3D_PRINTS"), ("", "RELATED_TO"),
])
def test_relationship_types(relation, type):
    assert relationship_type(relation) == type
    assert re.fullmatch(r"[A-Z0-9_]+", type)


def test_records_leave_out_empty_values_and_keep_false_and_zero(graph):
    topics = {record.id: record for record in node_records(graph)}
    assert topics["isolated topic"].labels == ("Topic", "Concept")
    assert topics["isolated topic"].properties == {
        "id": "isolated topic", "name": "isolated topic", "type": "concept", "degree": 0}
    edge = next(record for record in relationship_records(graph) if record.end == "bias" and record.type == "DETECTS")
    assert edge.properties == {
        "key": "detects|stated", "relation": "detects", "kind": "stated", "negated": False, "count": 1,
        "sentences": ["Clarify detects bias in training data."], "docs": ["study-notes.md"],
        "doc": "study-notes.md", "section": "SageMaker > Clarify", "line": 20}


def test_a_simple_graph_gets_numbered_keys(graph):
    simple = nx.DiGraph(graph)
    keys = [record.properties["key"] for record in relationship_records(simple)]
    assert keys == [str(number) for number in range(simple.number_of_edges())]
