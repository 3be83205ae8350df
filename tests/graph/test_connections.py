import pytest

from graph.connections import connect, describe_path, loose_reason

from .conftest import make_graph, study_graph

MONITOR, CLOUDWATCH = "SageMaker Model Monitor", "Amazon CloudWatch"


def test_what_the_notes_say_about_both_comes_first_strongest_first(graph):
    graph.add_edge(CLOUDWATCH, MONITOR, key="co-occurs with|cooccurrence", relation="co-occurs with",
                   kind="cooccurrence", negated=False, count=1, evidence=[])
    found = connect(graph, "cloudwatch", "model monitor")
    assert [(hop.relation, hop.kind, hop.forward) for hop in found.direct] == [
        ("integrates with", "stated", False), ("co-occurs with", "cooccurrence", True)]
    assert found.direct[0].evidence.sentence == "Model Monitor integrates with Amazon CloudWatch to raise alerts."
    assert found.paths[0].nodes == (CLOUDWATCH, MONITOR) and not found.loose


def test_shared_neighbours_list_specific_topics_first_and_mark_hubs():
    graph = study_graph()
    found = connect(graph, "SMOTE", "SageMaker")
    assert found.shared == ("accuracy",) and found.broad == {"accuracy"}
    assert found.direct == ()


def test_only_hubs_link_the_two_and_it_says_so():
    found = connect(study_graph(specific=False), "SMOTE", "SageMaker")
    assert found.loose and [path.hubs for path in found.paths] == [("accuracy",)]
    assert loose_reason(found) == ("SMOTE and Amazon SageMaker are only loosely linked in these notes: every path found "
                                   "runs through the broad topic accuracy, which is linked to almost everything.")
    assert describe_path(found.paths[0]) == "weak link: 2 steps through the broad topic accuracy, each stated in the notes"


def test_a_specific_path_is_not_loose_even_with_a_hub_shortcut_beside_it():
    found = connect(study_graph(), "SMOTE", "SageMaker")
    assert not found.loose and loose_reason(found) == ""
    assert describe_path(found.paths[0]) == "fair link: 3 steps, each stated in the notes"


def test_a_path_through_a_hub_is_offered_only_when_no_other_joins_the_two():
    """A hub shortcut beside a specific path is no alternative worth showing; alone, it is shown and marked."""
    assert all(not path.hubs for path in connect(study_graph(), "SMOTE", "SageMaker", k=5).paths)
    assert [path.hubs for path in connect(study_graph(specific=False), "SMOTE", "SageMaker", k=5).paths] == [("accuracy",)]


def test_a_long_chain_is_loose():
    names = [f"step {n}" for n in range(7)]
    graph = make_graph([(name, "concept", [], "", "", "") for name in names],
                       [(a, "leads to", b, "stated", False, [("a.md", "S", 1, f"{a} leads to {b}.")])
                        for a, b in zip(names, names[1:])])
    found = connect(graph, "step 0", "step 6")
    assert found.loose and found.paths[0].strength == "weak"
    assert loose_reason(found).endswith("the closest path takes 6 steps.")


@pytest.mark.parametrize("source, target, expected", [
    ("AWS Glue", "Amazon S3", "fair link: 1 step, only named together in a sentence"),
    ("model monitor", "cloudwatch", "strong link: 1 step, stated in the notes"),
    ("model monitor", "s3", "fair link: 2 steps, stated in the notes or given by their headings"),
    ("clarify", "cloudwatch", "fair link: 3 steps, stated in the notes or given by their headings"),
])
def test_each_path_says_how_strong_it_is_in_words(graph, source, target, expected):
    assert describe_path(connect(graph, source, target, k=1).paths[0]) == expected
