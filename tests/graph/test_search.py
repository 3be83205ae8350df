from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph import name_matching
from graph.search import SEARCH_SCOPES, search

from .reference_search import reference_search
from .strategies import named_graphs, names, question_names


@pytest.mark.parametrize("query, scope, top", [
    ("sagemaker clarfy", "all", "SageMaker Clarify"),          # a typo
    ("SageMaker Clarify", "names", "SageMaker Clarify"),
    ("clarify", "names", "SageMaker Clarify"),                  # an alias
    ("simple storage servce", "names", "Amazon S3"),            # an alias with a typo
    ("cloudwach", "all", "Amazon CloudWatch"),
    ("S3", "all", "Amazon S3"),
    ("which topics mention alerts?", "all", "SageMaker Model Monitor"),  # evidence, a plural
    ("crawls", "evidence", "Amazon S3"),     # Glue and S3 share the sentence: the better linked first
])
def test_best_result(graph, query, scope, top):
    assert search(graph, query, scope=scope)[0].id == top


def test_which_topics_mention_drift(graph):
    results = search(graph, "which topics mention drift?")
    assert {r.id for r in results[:3]} == {"SageMaker Model Monitor", "data drift", "bias"}
    monitor = next(r for r in results if r.id == "SageMaker Model Monitor")
    assert monitor.match == "evidence" and monitor.mentions == 2
    assert (monitor.doc, monitor.section, monitor.line) == ("study-notes.md", "SageMaker > Model Monitor", 14)


def test_a_name_match_outranks_evidence_unless_asking_what_mentions_it(graph):
    assert search(graph, "drift")[0].id == "data drift"
    assert search(graph, "drift")[0].match in ("name", "alias")


def test_results_carry_what_matched(graph):
    result = search(graph, "simple storage", scope="names")[0]
    assert (result.id, result.type, result.match, result.text) == ("Amazon S3", "service", "alias", "Simple Storage Service")


def test_sentences_with_every_word_come_first(graph):
    found = search(graph, "training data", scope="evidence")
    assert {r.id for r in found[:4]} == {"Amazon SageMaker", "Amazon S3", "SageMaker Clarify", "bias"}
    assert found[0].score > found[4].score  # "data drift" sentences have one word of two


def test_limit_and_scope(graph):
    assert len(search(graph, "sagemaker", limit=2)) == 2
    assert all(r.match in ("evidence", "definition") for r in search(graph, "sagemaker", scope="evidence"))
    assert search(graph, "kubernetes") == []


def test_a_topic_mentioning_a_typo_is_still_found(graph):
    assert "SageMaker Model Monitor" in {r.id for r in search(graph, "productoin", scope="evidence")}


@pytest.mark.parametrize("options, message", [
    ({"query": "  ?! "}, "nothing to search for"),
    ({"query": "s3", "limit": 0}, "limit must be"),
    ({"query": "s3", "scope": "everything"}, "unknown search scope 'everything'"),
])
def test_bad_searches(graph, options, message):
    with pytest.raises(ValueError, match=message):
        search(graph, **options)


def test_the_index_follows_changes_to_the_graph(graph):
    assert search(graph, "kinesis") == []
    graph.add_node("Amazon Kinesis", label="Amazon Kinesis", type="service", aliases=["Kinesis"])
    assert search(graph, "kinesis")[0].id == "Amazon Kinesis"


@settings(max_examples=300, deadline=None)
@given(named_graphs(names=question_names), st.one_of(names, names.map(lambda name: f"which topics mention {name}?")),
       st.integers(1, 6), st.sampled_from(SEARCH_SCOPES))
def test_results_are_those_of_scoring_every_name_and_sentence(graph, query, limit, scope):
    with patch.object(name_matching, "_FIRST_BATCH", 1):
        assert search(graph, query, limit=limit, scope=scope) == reference_search(graph, query, limit=limit, scope=scope)


@pytest.mark.parametrize("query", ["sagemaker clarfy", "which topics mention drift?", "cloudwach", "model monitr",
                                   "s3", "training data", "simple storage servce", "crawls", "alerts"])
def test_the_example_graph_gives_what_it_gave(graph, query):
    for limit in (1, 3, 10):
        assert search(graph, query, limit=limit) == reference_search(graph, query, limit=limit)
