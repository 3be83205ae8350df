import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.paths import STRONG_COST, WEAK_COST, Citation, TopicPath, explain_path, find_paths, path_view
from graph.topics import NodeNotFound
from graph.views import filter_view

from .conftest import study_graph
from .strategies import graphs

MONITOR, SAGEMAKER, S3 = "SageMaker Model Monitor", "Amazon SageMaker", "Amazon S3"


@pytest.mark.parametrize("source, target, options, expected", [
    # stated (1) + structural (2) beats stated (1) + co-occurrence (4)
    ("model monitor", "s3", {}, [(MONITOR, SAGEMAKER, S3), (MONITOR, "Amazon CloudWatch", S3),
                                 (MONITOR, "data drift", "bias", "SageMaker Clarify", SAGEMAKER, S3)]),
    ("model monitor", "s3", {"k": 1}, [(MONITOR, SAGEMAKER, S3)]),
    ("model monitor", "s3", {"directed": True}, [(MONITOR, SAGEMAKER, S3), (MONITOR, "Amazon CloudWatch", S3)]),
    ("s3", "model monitor", {"directed": True}, []),  # nothing leads back to Model Monitor
    ("clarify", "cloudwatch", {"k": 1}, [("SageMaker Clarify", SAGEMAKER, MONITOR, "Amazon CloudWatch")]),
    ("model monitor", "model retraining", {}, []),  # only a negated edge: left out
    ("model monitor", "model retraining", {"negated": True}, [(MONITOR, "model retraining")]),
    ("isolated topic", "s3", {}, []),
])
def test_find_paths(graph, source, target, options, expected):
    assert [path.nodes for path in find_paths(graph, source, target, **options)] == expected


def test_each_hop_has_its_relation_direction_and_best_evidence(graph):
    path = find_paths(graph, "Amazon CloudWatch", "Clarify", k=1)[0]
    assert [(hop.relation, hop.kind, hop.forward) for hop in path.hops] == [
        ("integrates with", "stated", False), ("part of", "structural", True), ("part of", "structural", False)]
    assert path.hops[0].evidence == Citation("Model Monitor integrates with Amazon CloudWatch to raise alerts.",
                                             "study-notes.md", "SageMaker > Model Monitor", 12)
    assert path.cost == pytest.approx(5.0)


def test_explanation_reads_each_hop_as_stated(graph):
    path = find_paths(graph, "Amazon CloudWatch", "Amazon SageMaker", k=1)[0]
    assert explain_path(path).splitlines() == [
        'SageMaker Model Monitor integrates with Amazon CloudWatch (study-notes.md, SageMaker > Model Monitor): '
        '"Model Monitor integrates with Amazon CloudWatch to raise alerts."',
        'SageMaker Model Monitor part of Amazon SageMaker (study-notes.md, SageMaker > Model Monitor): '
        '"SageMaker > Model Monitor"',
    ]


def test_negated_hops_say_so(graph):
    path = find_paths(graph, "model monitor", "model retraining", negated=True)[0]
    assert path.hops[0].negated
    assert explain_path(path).startswith("SageMaker Model Monitor not used for model retraining (cheat-sheet.txt")


def test_hops_as_json(graph):
    hop = find_paths(graph, "model monitor", "cloudwatch", k=1)[0].hops[0].to_dict()
    assert hop["direction"] == "forward"
    assert hop["evidence"]["sentence"] == "Model Monitor integrates with Amazon CloudWatch to raise alerts."


def test_path_view_holds_the_paths_edges_only(graph):
    view = path_view(graph, find_paths(graph, "model monitor", "s3", k=2))
    assert set(view) == {MONITOR, SAGEMAKER, S3, "Amazon CloudWatch"}
    assert view.number_of_edges() == 4


@pytest.mark.parametrize("source, target, options, error, message", [
    ("s3", "Amazon S4", {}, NodeNotFound, "no topic named 'Amazon S4'"),
    ("s3", "simple storage service", {}, ValueError, "same topic"),
    ("s3", "clarify", {"k": 0}, ValueError, "k must be"),
])
def test_bad_requests(graph, source, target, options, error, message):
    with pytest.raises(error, match=message):
        find_paths(graph, source, target, **options)


@st.composite
def graph_and_two_topics(draw):
    graph = draw(graphs(min_nodes=2))
    source, target = draw(st.lists(st.sampled_from(sorted(graph)), min_size=2, max_size=2, unique=True))
    return graph, source, target


@settings(max_examples=150, deadline=None)
@given(graph_and_two_topics(), st.integers(1, 4), st.booleans())
def test_paths_start_and_end_at_the_topics_and_follow_edges(case, k, directed):
    graph, source, target = case
    paths = find_paths(graph, source, target, k=k, directed=directed)
    assert len(paths) <= k
    assert [p.cost for p in paths] == sorted(p.cost for p in paths)
    assert len({p.nodes for p in paths}) == len(paths)
    for path in paths:
        assert path.nodes[0] == source and path.nodes[-1] == target
        assert len(set(path.nodes)) == len(path.nodes)  # simple
        for hop in path.hops:
            stored = (hop.source, hop.target) if hop.forward else (hop.target, hop.source)
            data = graph.edges[(*stored, hop.key)]
            assert (data["relation"], data["kind"]) == (hop.relation, hop.kind)
            assert not data["negated"]
            if directed and hop.kind != "cooccurrence":
                assert hop.forward


def test_a_longer_path_through_specific_topics_beats_a_shortcut_through_a_hub():
    specific, through_hub = find_paths(study_graph(), "SMOTE", "SageMaker", k=2)
    assert specific.nodes == ("SMOTE", "oversampling", "class imbalance", "Amazon SageMaker")
    assert (specific.hubs, specific.strength) == ((), "fair")
    assert through_hub.nodes == ("SMOTE", "accuracy", "Amazon SageMaker")
    assert (through_hub.hubs, through_hub.strength) == (("accuracy",), "weak")


def test_a_topic_with_few_links_is_a_fine_shortcut():
    best = find_paths(study_graph(leaves=0), "SMOTE", "SageMaker", k=1)[0]
    assert best.nodes == ("SMOTE", "accuracy", "Amazon SageMaker")
    assert (best.hubs, best.cost, best.strength) == ((), 2.0, "strong")


def test_a_hub_stays_a_hub_in_a_view_that_hides_its_links():
    graph = study_graph()
    view = filter_view(graph, relations=["increases", "reports", "is a", "corrects", "detects"])
    assert find_paths(view, "SMOTE", "SageMaker", k=1)[0].nodes == ("SMOTE", "accuracy", "Amazon SageMaker")
    best = find_paths(view, "SMOTE", "SageMaker", k=1, hubs_from=graph)[0]
    assert best.nodes == ("SMOTE", "oversampling", "class imbalance", "Amazon SageMaker")


@pytest.mark.parametrize("cost, strength", [(1.0, "strong"), (2.9, "strong"), (STRONG_COST, "fair"), (5.9, "fair"),
                                            (WEAK_COST, "weak"), (12.0, "weak")])
def test_strength_in_words(cost, strength):
    assert TopicPath((), cost).strength == strength
