"""The explorer map's data: topics ranked and placed, edges with their evidence, the legend."""
import json

import networkx as nx
import pytest
from hypothesis import given, settings

from graph import centrality, most_central
from graph.map_view import LABELLED_TOPICS, MAP_EVIDENCE, arranged, drawn_topics, map_data

from .conftest import HOSTILE_LABEL, HOSTILE_SENTENCE
from .strategies import graphs


def test_topics_are_ranked_by_centrality_and_placed(graph):
    data = map_data(graph)
    strength = centrality(graph, measure="degree")
    ranked = [node["id"] for node in sorted(data["nodes"], key=lambda node: node["rank"])]
    assert ranked[0] == "SageMaker Model Monitor"  # the best-linked topic
    assert [strength[topic] for topic in ranked] == sorted(strength.values(), reverse=True)
    assert sorted(node["rank"] for node in data["nodes"]) == list(range(len(graph)))
    assert all(isinstance(node["x"], float) and isinstance(node["y"], float) for node in data["nodes"])
    assert data["labelled"] == len(graph) < LABELLED_TOPICS


def test_each_edge_carries_its_sentences_with_their_place(graph):
    edges = {(edge["from"], edge["relation"], edge["to"]): edge for edge in map_data(graph)["edges"]}
    drift = edges[("SageMaker Model Monitor", "detects", "data drift")]
    assert drift["count"] == 2 and drift["kind"] == "stated" and not drift["negated"]
    assert drift["evidence"][0] == {"sentence": "SageMaker Model Monitor detects data drift in production.",
                                    "doc": "study-notes.md", "section": "SageMaker > Model Monitor", "line": 14}
    negated = edges[("SageMaker Model Monitor", "used for", "model retraining")]
    assert negated["negated"] and negated["label"] == "not used for" and negated["dashes"]
    assert all(len(edge["evidence"]) <= MAP_EVIDENCE and "tip" not in edge for edge in edges.values())


def test_hostile_text_stays_plain_text_as_written(hostile_graph):
    data = map_data(hostile_graph)
    assert HOSTILE_LABEL in {node["label"] for node in data["nodes"]}  # drawn on the canvas, as written
    sentences = [item["sentence"] for edge in data["edges"] for item in edge["evidence"]]
    assert HOSTILE_SENTENCE in sentences  # set with textContent by the map, never parsed
    assert "&lt;" not in json.dumps(data)  # not escaped twice


def test_a_large_graph_keeps_its_most_central_topics_and_the_kept_ones():
    star = nx.MultiDiGraph([("hub", f"leaf {number}") for number in range(10)] + [("far", "away")])
    assert "leaf 9" not in most_central(star, 3)
    data = map_data(star, max_nodes=3, keep=["leaf 9", "no such topic"])
    assert {node["id"] for node in data["nodes"]} == set(most_central(star, 3)) | {"leaf 9"}
    assert (data["shown"], data["total"]) == (4, 13)


def test_a_user_arrangement_moves_only_the_topics_it_names(graph):
    data = map_data(graph)
    moved = arranged(data, {"bias": (1, 2), "no such topic": (0, 0)})
    places = {node["id"]: (node["x"], node["y"]) for node in moved["nodes"]}
    assert places["bias"] == (1.0, 2.0)
    assert all(places[node["id"]] == (node["x"], node["y"]) for node in data["nodes"] if node["id"] != "bias")
    assert next(node for node in data["nodes"] if node["id"] == "bias")["x"] != 1.0  # the original is untouched


def test_the_legend_is_data(graph):
    assert map_data(graph)["legend"]["heading"] == "Topics by type"
    legend = map_data(graph, color_by="community")["legend"]
    assert legend["heading"] == "Communities" and all("leader" in entry for entry in legend["topics"])


@pytest.mark.parametrize("options, message", [({"color_by": "size"}, "unknown colour mode 'size'"),
                                              ({"max_nodes": 0}, "max_nodes must be a whole number")])
def test_bad_options_are_named(graph, options, message):
    with pytest.raises(ValueError, match=message):
        map_data(graph, **options)


@settings(max_examples=40, deadline=None)
@given(graphs())
def test_the_drawn_topics_are_a_subgraph_holding_the_most_central(graph):
    shown = drawn_topics(graph, 4)
    assert set(shown) <= set(graph) and len(shown) == min(4, len(graph))
    assert all(graph.has_edge(source, target, key) for source, target, key in shown.edges(keys=True))
