import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.neighbourhood import neighbourhood, neighbours
from graph.topics import NodeNotFound
from graph.views import filter_view

from .strategies import graphs


@pytest.mark.parametrize("topic, depth, direction, expected", [
    ("Model Monitor", 0, "both", {"SageMaker Model Monitor"}),
    ("Model Monitor", 1, "out", {"SageMaker Model Monitor", "Amazon CloudWatch", "data drift", "model retraining",
                                 "Amazon SageMaker"}),
    ("Amazon SageMaker", 1, "in", {"Amazon SageMaker", "SageMaker Model Monitor", "SageMaker Clarify"}),
    ("Amazon SageMaker", 1, "out", {"Amazon SageMaker", "Amazon S3"}),
    # co-occurrence has no direction: S3 reaches Glue and CloudWatch going "out"
    ("Amazon S3", 1, "out", {"Amazon S3", "AWS Glue", "Amazon CloudWatch"}),
    ("Amazon S3", 1, "in", {"Amazon S3", "AWS Glue", "Amazon CloudWatch", "Amazon SageMaker"}),
    ("Clarify", 2, "out", {"SageMaker Clarify", "bias", "Amazon SageMaker", "data drift", "Amazon S3"}),
    ("isolated topic", 3, "both", {"isolated topic"}),
])
def test_neighbourhood(graph, topic, depth, direction, expected):
    assert set(neighbourhood(graph, topic, depth=depth, direction=direction)) == expected


def test_neighbourhood_keeps_every_edge_among_its_topics(graph):
    view = neighbourhood(graph, "Amazon SageMaker", depth=1)
    assert view.has_edge("SageMaker Model Monitor", "Amazon SageMaker", "part of|structural")
    assert not view.has_edge("SageMaker Model Monitor", "Amazon CloudWatch")


def test_neighbourhood_of_a_view_follows_only_its_edges(graph):
    assert "AWS Glue" not in neighbourhood(filter_view(graph), "Amazon S3", depth=3)


def test_neighbours_nearest_and_strongest_first(graph):
    found = neighbours(graph, "model monitor", depth=2)
    assert [n.depth for n in found] == sorted(n.depth for n in found)
    first = [n for n in found if n.depth == 1]
    assert [n.links[0].kind for n in first] == sorted((n.links[0].kind for n in first),
                                                      key=["stated", "structural", "cooccurrence"].index)
    drift = next(n for n in found if n.id == "data drift")
    assert (drift.via, drift.links[0].statement, drift.links[0].count) == (
        "SageMaker Model Monitor", "SageMaker Model Monitor detects data drift", 2)
    s3 = next(n for n in found if n.id == "Amazon S3")
    assert (s3.depth, s3.via) == (2, "Amazon SageMaker")  # its stated link beats CloudWatch's co-occurrence
    retraining = next(n for n in found if n.id == "model retraining")
    assert retraining.links[0].negated


@pytest.mark.parametrize("options, error, message", [
    ({"depth": -1}, ValueError, "depth must be"),
    ({"direction": "up"}, ValueError, "unknown direction 'up'"),
])
def test_bad_options(graph, options, error, message):
    with pytest.raises(error, match=message):
        neighbourhood(graph, "S3", **options)


def test_unknown_topic(graph):
    with pytest.raises(NodeNotFound, match="did you mean 'Amazon S3'"):
        neighbours(graph, "Amazon S4")


def test_a_cap_keeps_the_nearest_topics_then_the_most_linked():
    graph = nx.MultiDiGraph([("hub", f"leaf {n}") for n in range(6)] + [("leaf 0", "far"), ("leaf 1", "far"),
                                                                        ("leaf 2", "farther")])
    assert set(neighbourhood(graph, "hub", depth=2, max_nodes=8)) == {"hub", *(f"leaf {n}" for n in range(6)), "far"}
    assert set(neighbourhood(graph, "hub", depth=2, max_nodes=3)) == {"hub", "leaf 0", "leaf 1"}  # by name
    assert set(neighbourhood(graph, "leaf 0", depth=2, max_nodes=3)) == {"leaf 0", "hub", "far"}
    assert [n.id for n in neighbours(graph, "hub", depth=2, max_nodes=8)][-1] == "far"


@settings(max_examples=100, deadline=None)
@given(graphs(min_nodes=1), st.integers(0, 3), st.sampled_from(["both", "out", "in"]), st.integers(1, 12))
def test_a_cap_cuts_the_outer_ring_only(graph, depth, direction, cap):
    centre = sorted(graph)[0]
    whole = neighbourhood(graph, centre, depth=depth, direction=direction)
    capped = neighbourhood(graph, centre, depth=depth, direction=direction, max_nodes=cap)
    assert set(capped) <= set(whole) and len(capped) == min(cap, len(whole))
    assert set(neighbourhood(graph, centre, depth=depth, direction=direction, max_nodes=len(whole))) == set(whole)
    if direction == "both" and len(capped) < len(whole):
        distance = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre)
        outer = max(distance[node] for node in capped)
        assert all(node in capped for node in whole if distance[node] < outer)


def test_a_cap_must_be_a_whole_number(graph):
    with pytest.raises(ValueError, match="max_nodes must be a whole number of at least 1, not 0"):
        neighbourhood(graph, "S3", max_nodes=0)
