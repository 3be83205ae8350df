"""Smoke test on the real graph of the shipped notes (built first if it is missing)."""
import json

import pytest
from streamlit.testing.v1 import AppTest

from graph import NodeNotFound, connect, connect_around_hubs, filter_view, find_paths, load_graph, resolve_topic, search

from explorer.downloads_tab import FORMATS

from .conftest import APP, TABS, checked, drawn, drawn_path, map_data, open_tab, page_text


# Everyday words of machine learning that link almost any two topics of the notes.
GENERIC_HUBS = {"data", "model", "accuracy", "training", "performance", "training data", "metrics", "predictions"}


@pytest.fixture
def shipped_app(shipped_graph, tmp_path, monkeypatch) -> AppTest:
    monkeypatch.setenv("NOTES_GRAPH_PATH", str(shipped_graph))
    monkeypatch.setenv("NOTES_WORKSPACE", str(tmp_path / "workspace"))
    monkeypatch.setenv("NOTES_CACHE_DIR", str(tmp_path / "cache"))
    return checked(AppTest.from_file(str(APP), default_timeout=60).run())


def test_the_shipped_graph_opens_capped_with_a_notice(shipped_app, shipped_graph):
    view = filter_view(load_graph(shipped_graph), orphans=False)
    assert len(view) > 300  # else the cap is not exercised
    assert len(drawn(shipped_app)["nodes"]) == 300
    text = page_text(shipped_app)
    notice = f"Showing the **300** most connected of **{len(view):,}** topics"
    assert text.count(notice) == 1 and "max_nodes" not in text
    assert "most connected" not in json.dumps(map_data(shipped_app))  # said once, above the map


def test_every_tab_runs_on_the_shipped_graph(shipped_app):
    shipped_app.selectbox(key="focus").set_value("SageMaker Model Monitor")
    checked(shipped_app.run())
    assert "SageMaker Model Monitor" in drawn(shipped_app)["nodes"]
    assert [tab.label for tab in shipped_app.tabs] == list(TABS)
    for tab in TABS:
        open_tab(shipped_app, tab)
        if tab == "Topic":
            assert shipped_app.subheader[0].value == "SageMaker Model Monitor"
        if tab == "Downloads":
            assert len(shipped_app.get("download_button")) == len(FORMATS)
    assert shipped_app.file_uploader(key="uploads")


def test_the_path_from_model_monitor_to_cloudwatch(shipped_app, shipped_graph):
    expected = find_paths(filter_view(load_graph(shipped_graph)), "SageMaker Model Monitor", "Amazon CloudWatch")
    open_tab(shipped_app, "Path")
    shipped_app.selectbox(key="path_from").set_value("SageMaker Model Monitor")
    shipped_app.selectbox(key="path_to").set_value("Amazon CloudWatch")
    checked(shipped_app.run())
    assert {"SageMaker Model Monitor", "Amazon CloudWatch"} <= drawn_path(shipped_app)["nodes"]
    assert f"**Path {len(expected)}**" in page_text(shipped_app)


@pytest.mark.parametrize("sources, target", [
    (("SMOTE", "oversampling"), "Amazon SageMaker"),  # or, were SMOTE no topic, what it is a form of
    (("SageMaker Clarify",), "Amazon CloudWatch"),
])
def test_paths_between_specific_topics_avoid_generic_hubs(shipped_graph, sources, target):
    graph = load_graph(shipped_graph)
    source = next(name for name in sources if _known(graph, name))
    found = connect(graph, source, target, hubs_from=graph)  # as `python -m graph path` does
    assert found.paths and not {topic for path in found.paths for topic in path.nodes[1:-1]} & GENERIC_HUBS
    in_app, _ = connect_around_hubs(filter_view(graph), graph, source, target)  # as the Path tab finds them
    assert in_app.paths and not {topic for path in in_app.paths for topic in path.nodes[1:-1]} & GENERIC_HUBS


def _known(graph, name: str) -> bool:
    try:
        return bool(resolve_topic(graph, name))
    except NodeNotFound:
        return False


@pytest.mark.parametrize("query, place", [
    ("clarify", 0), ("sagemaker clarify", 0), ("sagemkaer clarfy", 0),  # names: first
    ("how do I detect bias in training data", 4),                         # a question: among the first five
])
def test_search_finds_sagemaker_clarify_by_name_and_by_question(shipped_graph, query, place):
    found = [result.id for result in search(load_graph(shipped_graph), query, limit=5)]
    assert "SageMaker Clarify" in found[:place + 1], found


def test_search_finds_nothing_for_a_service_the_notes_never_mention(shipped_graph):
    assert search(load_graph(shipped_graph), "firehose") == []
