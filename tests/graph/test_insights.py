import networkx as nx
import pytest

from graph.insights import (
    centrality,
    communities,
    community_of,
    compare_topics,
    graph_summary,
    note_statistics,
)

from .conftest import make_graph


def test_degree_centrality_counts_each_neighbour_once(graph):
    degree = centrality(graph)
    assert degree["SageMaker Model Monitor"] == pytest.approx(4 / 9)  # CloudWatch, drift, retraining, SageMaker
    assert degree["isolated topic"] == 0.0


def test_betweenness_exact_and_sampled(graph):
    exact = centrality(graph, measure="betweenness", samples=None)
    sampled = centrality(graph, measure="betweenness", samples=5)
    assert max(exact, key=exact.get) == "SageMaker Model Monitor"  # it alone links CloudWatch, drift, retraining
    assert set(sampled) == set(exact)
    assert sampled == centrality(graph, measure="betweenness", samples=5)  # seeded: repeatable


def test_unknown_measure(graph):
    with pytest.raises(ValueError, match="unknown centrality measure 'pagerank'"):
        centrality(graph, measure="pagerank")


def test_communities_are_stable_and_largest_first(graph):
    first = communities(graph)
    assert first == communities(make_graph())  # a new graph object, same answer
    assert [len(group) for group in first] == sorted((len(group) for group in first), reverse=True)
    assert set().union(*first) == set(graph)
    assert {"isolated topic"} in [set(group) for group in first]
    assert community_of(graph)["SageMaker Clarify"] == community_of(graph)["bias"]


def test_note_statistics(graph):
    by_note = {s.note: s for s in note_statistics(graph)}
    assert sorted(by_note) == ["cheat-sheet.txt", "study-notes.md"]
    study = by_note["study-notes.md"]
    assert (study.topics, study.services, study.concepts) == (6, 4, 2)
    assert study.edges == {"stated": 3, "structural": 2}
    assert (study.sentences, study.sections, study.negated) == (5, 2, 0)
    assert study.only_here == ("SageMaker Clarify",)
    assert study.top_topics[0] == "SageMaker Model Monitor"
    assert by_note["cheat-sheet.txt"].negated == 1


def test_compare_topics(graph):
    comparison = compare_topics(graph, "model monitor", "clarify")
    assert comparison.shared_neighbours == ("Amazon SageMaker",)
    assert comparison.shared_relations == ("detects", "part of")
    assert {link.statement for link in comparison.relations_only_first} == {
        "SageMaker Model Monitor integrates with Amazon CloudWatch",
        "SageMaker Model Monitor not used for model retraining"}
    assert comparison.relations_only_second == ()
    assert comparison.direct == ()
    assert comparison.similarity == pytest.approx(1 / 5)


def test_compare_a_topic_with_itself(graph):
    with pytest.raises(ValueError, match="same topic"):
        compare_topics(graph, "S3", "Amazon S3")


def test_graph_summary(graph):
    summary = graph_summary(graph, top=3)
    assert (summary["nodes"], summary["edges"], summary["negated"], summary["notes"]) == (10, 10, 1, 2)
    assert summary["kinds"] == {"cooccurrence": 3, "stated": 5, "structural": 2}
    assert (summary["components"], summary["largest_component"], summary["isolated"]) == (2, 9, 1)
    assert [row["id"] for row in summary["central"]][:1] == ["SageMaker Model Monitor"]


def test_insights_never_change_the_graph(graph):
    before = nx.node_link_data(graph, edges="edges")
    centrality(graph, measure="betweenness"), communities(graph), note_statistics(graph), graph_summary(graph)
    assert nx.node_link_data(graph, edges="edges") == before
