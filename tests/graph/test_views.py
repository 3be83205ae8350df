import copy

import networkx as nx
import pytest
from hypothesis import given, settings

from graph.views import EDGE_KINDS, filter_view

from .strategies import graphs, view_options


def edge_set(graph):
    return {(u, v, k) for u, v, k in graph.edges(keys=True)}


@pytest.mark.parametrize("options, nodes_left, edges_left", [
    # the default view leaves out co-occurrence (3 edges) but keeps every topic
    ({}, 10, 7),
    ({"kinds": None}, 10, 10),
    ({"kinds": ["cooccurrence"], "orphans": False}, 5, 3),
    ({"types": ["service"]}, 6, 4),
    ({"relations": ["DETECTS"], "orphans": False}, 4, 2),
    ({"min_evidence": 2, "orphans": False}, 2, 1),
    ({"negated": False}, 10, 6),
    ({"notes": ["cheat-sheet.txt"], "kinds": None, "orphans": False}, 8, 6),
    ({"types": ["concept"], "kinds": None}, 4, 1),
    ({"orphans": False}, 8, 7),
])
def test_filters(graph, options, nodes_left, edges_left):
    view = filter_view(graph, **options)
    assert (view.number_of_nodes(), view.number_of_edges()) == (nodes_left, edges_left)


def test_default_view_has_no_cooccurrence_and_keeps_negated(graph):
    view = filter_view(graph)
    kinds = {data["kind"] for _, _, data in view.edges(data=True)}
    assert kinds == {"stated", "structural"}
    assert any(data["negated"] for _, _, data in view.edges(data=True))


def test_notes_filter_keeps_edges_with_evidence_from_those_notes(graph):
    view = filter_view(graph, notes=["study-notes.md"], orphans=False)
    assert ("SageMaker Model Monitor", "data drift", "detects|stated") in edge_set(view)  # one of its two sentences
    assert ("Amazon SageMaker", "Amazon S3", "reads data from|stated") not in edge_set(view)


def test_a_view_is_read_only_and_shares_the_data(graph):
    view = filter_view(graph, kinds=None)
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        view.add_node("new")
    assert view.nodes["Amazon S3"] is graph.nodes["Amazon S3"]


@pytest.mark.parametrize("options, message", [
    ({"types": ["servce"]}, "unknown type 'servce'"),
    ({"kinds": ["co-occurrence"]}, "unknown edge kind 'co-occurrence'"),
    ({"relations": ["integrate with"]}, "no relation named 'integrate with' .*did you mean 'integrates with'"),
    ({"notes": ["nowhere.md"]}, "unknown note 'nowhere.md'"),
    ({"min_evidence": -1}, "min_evidence must be"),
])
def test_bad_filters_name_the_value(graph, options, message):
    with pytest.raises(ValueError, match=message):
        filter_view(graph, **options)


@settings(max_examples=150, deadline=None)
@given(graphs(), view_options)
def test_a_view_is_a_subgraph_of_the_original(graph, options):
    before = copy.deepcopy(graph)
    view = filter_view(graph, **options)
    assert set(view) <= set(graph)
    assert edge_set(view) <= edge_set(graph)
    for u, v, k, data in view.edges(keys=True, data=True):
        assert u in view and v in view
        assert data is graph.edges[u, v, k]
    kinds = options.get("kinds", ("stated", "structural"))
    assert {data["kind"] for *_, data in view.edges(data=True)} <= set(kinds or EDGE_KINDS)
    assert nx.utils.graphs_equal(graph, before)  # the original is never changed
