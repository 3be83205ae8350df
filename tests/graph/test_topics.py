import networkx as nx
import pytest

from graph.topics import NodeNotFound, closest_names, resolve_topic, suggest_topics


@pytest.mark.parametrize("name, expected", [
    ("Amazon S3", "Amazon S3"),                      # the id itself
    ("amazon s3", "Amazon S3"),                      # any case
    ("S3", "Amazon S3"),                             # an alias
    ("simple storage service", "Amazon S3"),         # an alias, any case
    ("model-monitor", "SageMaker Model Monitor"),    # punctuation ignored
    ("  Clarify ", "SageMaker Clarify"),
    ("Drift in data", "data drift"),
])
def test_resolve_topic(graph, name, expected):
    assert resolve_topic(graph, name) == expected


@pytest.mark.parametrize("name, message", [
    ("Sagemaker Clarfy", r"no topic named 'Sagemaker Clarfy' \(did you mean 'SageMaker Clarify'\?\)"),
    ("cloudwach", r"did you mean 'Amazon CloudWatch'"),
    ("zzzzqqq", r"^no topic named 'zzzzqqq'$"),
])
def test_unknown_topic_suggests_the_closest_names(graph, name, message):
    with pytest.raises(NodeNotFound, match=message) as raised:
        resolve_topic(graph, name)
    assert raised.value.name == name
    assert isinstance(raised.value, nx.NodeNotFound)  # callers catching networkx's error catch ours


def test_a_name_beats_an_alias_spelt_the_same():
    graph = nx.MultiDiGraph()
    graph.add_node("Glue", aliases=[])
    graph.add_node("AWS Glue", aliases=["Glue"])
    assert resolve_topic(graph, "glue") == "Glue"


def test_suggestions_stay_close_to_the_best():
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(["SageMaker Clarify", "SageMaker Canvas", "SageMaker Autopilot"])
    assert suggest_topics(graph, "sagemaker clarfy") == ["SageMaker Clarify"]


def test_new_topics_are_found_after_the_graph_changes(graph):
    assert resolve_topic(graph, "S3") == "Amazon S3"
    graph.add_node("Amazon Kinesis", aliases=["Kinesis"])
    assert resolve_topic(graph, "kinesis") == "Amazon Kinesis"


def test_closest_names():
    assert closest_names("part off", ["part of", "uses", "integrates with"]) == ["part of"]
    assert closest_names("", ["part of"]) == []
