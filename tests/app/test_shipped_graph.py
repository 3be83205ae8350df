"""Smoke test on the real graph of the shipped notes (built first if it is missing)."""
import pytest
from streamlit.testing.v1 import AppTest

from graph import filter_view, find_paths, load_graph

from .conftest import APP, TABS, checked, drawn, open_tab, page_text


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
    assert f"Showing **300** of **{len(view):,}** topics" in text
    assert "only the 300 best-connected topics are drawn" in text
    assert "Showing the 300 most connected" in shipped_app.get("iframe")[0].proto.srcdoc  # and inside the page


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
            assert len(shipped_app.get("download_button")) == 5
    assert shipped_app.file_uploader(key="uploads")


def test_the_path_from_model_monitor_to_cloudwatch(shipped_app, shipped_graph):
    expected = find_paths(filter_view(load_graph(shipped_graph)), "SageMaker Model Monitor", "Amazon CloudWatch")
    open_tab(shipped_app, "Path")
    shipped_app.selectbox(key="path_from").set_value("SageMaker Model Monitor")
    shipped_app.selectbox(key="path_to").set_value("Amazon CloudWatch")
    checked(shipped_app.run())
    assert {"SageMaker Model Monitor", "Amazon CloudWatch"} <= drawn(shipped_app)["nodes"]
    assert f"**Path {len(expected)}**" in page_text(shipped_app)
