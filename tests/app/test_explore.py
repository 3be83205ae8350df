"""The network view, driven by widget key: each filter, focus and depth, search, the URL."""
import pytest

from .conftest import CHEAT, button_group, checked, drawn, map_data, page_text

DEFAULT_TOPICS = {"Amazon SageMaker", "SageMaker Model Monitor", "SageMaker Clarify", "Amazon CloudWatch", "Amazon S3",
                  "data drift", "bias", "model retraining"}


def test_the_default_view_draws_stated_and_structural_edges_with_counts(app):
    assert map_data(app) is not None and not app.get("iframe")
    shown = drawn(app)
    assert shown["nodes"] == DEFAULT_TOPICS  # co-occurrence is off: no AWS Glue; no unlinked topic
    assert len(shown["edges"]) == 7
    assert "Showing **8** topics and **7** edges" in page_text(app)
    assert app.selectbox(key="focus").value is None


@pytest.mark.parametrize("key, value, expected", [
    ("node_types", ["service"], {"Amazon SageMaker", "SageMaker Model Monitor", "SageMaker Clarify",
                                 "Amazon CloudWatch", "Amazon S3"}),
    ("edge_kinds", ["stated", "structural", "co-occurrence"], DEFAULT_TOPICS | {"AWS Glue"}),
    ("edge_kinds", ["structural"], {"Amazon SageMaker", "SageMaker Model Monitor", "SageMaker Clarify"}),
    ("relations", ["detects"], {"SageMaker Model Monitor", "data drift", "SageMaker Clarify", "bias"}),
    ("sources", [CHEAT], {"SageMaker Model Monitor", "data drift", "model retraining", "Amazon SageMaker",
                          "Amazon S3"}),
])
def test_each_multiselect_filter_narrows_the_network(app, key, value, expected):
    app.multiselect(key=key).set_value(value)
    assert drawn(checked(app.run()))["nodes"] == expected


def test_minimum_evidence_keeps_edges_with_enough_sentences(app):
    app.slider(key="min_evidence").set_value(2)
    assert drawn(checked(app.run()))["edges"] == {("SageMaker Model Monitor", "detects", "data drift")}


def test_negated_edges_can_be_hidden(app):
    assert ("SageMaker Model Monitor", "not used for", "model retraining") in drawn(app)["edges"]
    app.toggle(key="negated").set_value(False)
    assert "model retraining" not in drawn(checked(app.run()))["nodes"]


def test_unlinked_topics_can_be_shown(app):
    app.toggle(key="orphans").set_value(True)
    assert {"isolated topic", "AWS Glue"} <= drawn(checked(app.run()))["nodes"]


def test_reset_filters_restores_the_defaults(app):
    app.multiselect(key="node_types").set_value(["concept"])
    app.toggle(key="negated").set_value(False)
    checked(app.run())
    app.button(key="reset_filters").click()
    checked(app.run())
    assert app.multiselect(key="node_types").value == ["service", "concept"]
    assert app.toggle(key="negated").value is True
    assert drawn(app)["nodes"] == DEFAULT_TOPICS


@pytest.mark.parametrize("depth, direction, expected", [
    (1, "both ways", {"Amazon CloudWatch", "SageMaker Model Monitor"}),
    (2, "both ways", {"Amazon CloudWatch", "SageMaker Model Monitor", "Amazon SageMaker", "data drift",
                      "model retraining"}),
    (2, "outgoing", {"Amazon CloudWatch"}),
    (2, "incoming", {"Amazon CloudWatch", "SageMaker Model Monitor"}),
])
def test_focus_and_depth_show_the_neighbourhood(app, depth, direction, expected):
    app.selectbox(key="focus").set_value("Amazon CloudWatch")
    app.slider(key="depth").set_value(depth)
    app.selectbox(key="direction").set_value(direction)
    checked(app.run())
    assert drawn(app)["nodes"] == expected
    assert "Amazon CloudWatch: neighbourhood" in page_text(app)


def test_clear_focus_returns_to_the_whole_graph(app):
    app.selectbox(key="focus").set_value("bias")
    checked(app.run())
    assert drawn(app)["nodes"] == {"bias", "SageMaker Clarify"}
    app.button(key="clear_focus").click()
    checked(app.run())
    assert app.selectbox(key="focus").value is None
    assert drawn(app)["nodes"] == DEFAULT_TOPICS


def test_a_focus_hidden_by_the_filters_is_explained_not_drawn(app):
    app.selectbox(key="focus").set_value("SageMaker Model Monitor")
    app.multiselect(key="node_types").set_value(["concept"])
    checked(app.run())
    assert "hidden by the filters" in page_text(app)
    assert map_data(app) is None
    app.button(key="reset_filters_hidden").click()
    checked(app.run())
    assert "SageMaker Model Monitor" in drawn(app)["nodes"]


def test_filters_that_leave_nothing_say_so(app):
    app.multiselect(key="relations").set_value(["integrates with"])
    app.multiselect(key="sources").set_value([CHEAT])
    checked(app.run())
    assert "Nothing to show" in page_text(app)
    app.button(key="reset_filters_empty").click()
    assert drawn(checked(app.run()))["nodes"] == DEFAULT_TOPICS


def test_colour_by_community_changes_the_legend(app):
    assert map_data(app)["legend"]["heading"] == "Topics by type"
    button_group(app, "color_by").set_value("community")
    assert map_data(checked(app.run()))["legend"]["heading"] == "Communities"


@pytest.mark.parametrize("query, first, match", [
    ("sagemaker clarfy", "SageMaker Clarify", "name"),    # a typo
    ("simple storage", "Amazon S3", "alias"),
    ("which notes mention alerts", "SageMaker Model Monitor", "sentence"),  # evidence
])
def test_search_ranks_topics_and_choosing_one_focuses_it(app, query, first, match):
    app.text_input(key="search").input(query)
    checked(app.run())
    assert app.button(key="search_result_0").label == first
    text = page_text(app)
    assert {"name": "matched its name", "alias": "matched its alias", "sentence": "Model Monitor integrates"}[match] \
        in text
    app.button(key="search_result_0").click()
    checked(app.run())
    assert app.selectbox(key="focus").value == first
    assert app.text_input(key="search").value == ""
    assert first in drawn(app)["nodes"]


@pytest.mark.parametrize("query, message", [("zzqqxx", "nothing matches 'zzqqxx'"), ("firehose", "nothing matches 'firehose'"),
                                            ("???", "nothing to search for")])
def test_searches_without_results_say_so(app, query, message):
    app.text_input(key="search").input(query)
    assert message in page_text(checked(app.run()))


def test_query_parameters_reopen_the_same_view(make_app):
    app = make_app(focus="SageMaker Model Monitor", depth="2", node_types="service", edge_kinds=["stated"],
                   negated="false", color_by="community")
    assert app.selectbox(key="focus").value == "SageMaker Model Monitor"
    assert app.slider(key="depth").value == 2
    assert app.multiselect(key="node_types").value == ["service"]
    assert app.multiselect(key="edge_kinds").value == ["stated"]
    assert app.toggle(key="negated").value is False
    assert drawn(app)["nodes"] == {"SageMaker Model Monitor", "Amazon CloudWatch"}
    assert map_data(app)["legend"]["heading"] == "Communities"


def test_unknown_query_parameters_are_ignored(make_app):
    app = make_app(focus="No Such Topic", depth="99", node_types="planet")
    assert app.selectbox(key="focus").value is None
    assert drawn(app)["nodes"] == DEFAULT_TOPICS
