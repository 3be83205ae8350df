"""The explorer under test: a small hand-built graph in a temporary folder, the app pointed
at it through its environment variables, and the real shipped graph for smoke tests.

    Amazon SageMaker <-part of- SageMaker Model Monitor -integrates with-> Amazon CloudWatch
    Amazon SageMaker <-part of- SageMaker Clarify -detects-> bias ~co-occurs~ data drift
    Amazon SageMaker -reads data from-> Amazon S3 ~co-occurs~ AWS Glue, Amazon CloudWatch
    SageMaker Model Monitor -detects-> data drift (2 sentences), -NOT used for-> model retraining
    isolated topic (no edges)
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from streamlit.testing.v1 import AppTest

from graph import GraphFileError, load_graph, save_graph

from ..graph.conftest import (  # one hand-built graph for both
    CHEAT,
    DEFINITION,
    EDGES,
    NODES,
    STUDY,
    make_graph,
)

REPOSITORY = Path(__file__).resolve().parents[2]
APP = REPOSITORY / "app.py"
FIXTURE_NOTES = REPOSITORY / "tests" / "extract" / "fixtures" / "notes"
SHIPPED_GRAPH = REPOSITORY / "build" / "graph.json"
TABS = ("Network", "Topic", "Path", "Insights", "Downloads", "Your notes")

HOSTILE_LABEL = '<img src=x onerror="window.__xss=1">'
HOSTILE_SENTENCE = '</script><script>window.__xss=2</script> see ![x](http://evil.example/x.png) :red[loud] $x$'
HOSTILE_SECTION = "<b onmouseover=window.__xss=5>Section</b>"


def hostile_graph() -> nx.MultiDiGraph:
    """Note text that tries to run script or fetch from elsewhere: as a topic, alias, section, sentence."""
    nodes = NODES + [(HOSTILE_LABEL, "concept", ["</script><script>window.__xss=4</script>"], ":red[x]", "", "")]
    edges = EDGES + [("SageMaker Clarify", "explains", HOSTILE_LABEL, "stated", True,
                      [(STUDY, HOSTILE_SECTION, 99, HOSTILE_SENTENCE)])]
    return make_graph(nodes, edges)


@pytest.fixture
def app_paths(tmp_path, monkeypatch) -> dict[str, Path]:
    """Point the app at a fresh copy of the fixture graph, a private workspace and cache."""
    paths = {"graph": tmp_path / "graph.json", "workspace": tmp_path / "workspace", "cache": tmp_path / "cache",
             "notes": FIXTURE_NOTES}
    save_graph(make_graph(), paths["graph"])
    monkeypatch.setenv("NOTES_GRAPH_PATH", str(paths["graph"]))
    monkeypatch.setenv("NOTES_WORKSPACE", str(paths["workspace"]))
    monkeypatch.setenv("NOTES_CACHE_DIR", str(paths["cache"]))
    monkeypatch.setenv("NOTES_DIR", str(paths["notes"]))
    return paths


@pytest.fixture
def make_app(app_paths):
    """A function returning a fresh app, with optional query parameters, already run once."""
    def start(**query) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params.update(query)
        return checked(at.run())
    return start


@pytest.fixture
def app(make_app) -> AppTest:
    return make_app()


def checked(at: AppTest) -> AppTest:
    """The app after a run that raised nothing and showed no error."""
    assert not at.exception, [exception.value for exception in at.exception]
    assert not at.error, [error.value for error in at.error]
    return at


def open_tab(at: AppTest, name: str) -> AppTest:
    """Switch tabs as the browser does (the tab is bound to the URL) and run."""
    at.query_params["tab"] = name
    at.session_state["tab"] = name
    return checked(at.run())


def button_group(at: AppTest, key: str):
    """The segmented control (or pills) with ``key``."""
    return next(group for group in at.get("button_group") if group.key == key)


def map_data(at: AppTest) -> dict | None:
    """The data the map on the page was given (the Network tab's or the Path tab's; None when none is drawn)."""
    maps = [element for element in at.get("bidi_component") if element.proto.component_name == "notes_graph.map"]
    return json.loads(maps[0].proto.json) if maps else None


def drawn(at: AppTest) -> dict:
    """The nodes and edges drawn by the Network tab's map."""
    return _nodes_and_edges(map_data(at))


def drawn_path(at: AppTest) -> dict:
    """The nodes and edges drawn by the Path tab's map."""
    return _nodes_and_edges(map_data(at))


def _nodes_and_edges(data: dict) -> dict:
    return {"nodes": {node["id"] for node in data["nodes"]},
            "edges": {(edge["from"], edge.get("label", ""), edge["to"]) for edge in data["edges"]}}


def page_text(at: AppTest) -> str:
    """Every markdown, caption, info and warning text of the page, one per line, as displayed
    (markdown's backslash escapes removed)."""
    parts = [element.value for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader")
             for element in getattr(at, kind)]
    return displayed("\n".join(str(part) for part in parts))


def displayed(markdown: str) -> str:
    """Markdown text as displayed: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.fixture(scope="session")
def shipped_graph() -> Path:
    """The real graph of the shipped notes, built the way ``make run`` builds it if missing."""
    try:
        load_graph(SHIPPED_GRAPH)
    except GraphFileError:
        subprocess.run([sys.executable, "-m", "graph", "build", "content/notes", "--out", str(SHIPPED_GRAPH),
                        "--quiet"], cwd=REPOSITORY, check=True)
    return SHIPPED_GRAPH
