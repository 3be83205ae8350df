"""Uploaded notes read exactly like shipped ones, and their graph outlives the page: the URL
names its workspace, so a reload (a new session) reopens it while the workspace lives."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from graph import load_graph
from graph.cli import main as graph_command

from .conftest import APP, checked, drawn, open_tab, page_text
from .test_notes_and_errors import graph_choice, upload_and_build

KINESIS_NOTE = b"""# Streaming notes

## Amazon Kinesis

Amazon Kinesis captures streaming data from many sources.

- Not used for long-term storage.

### Kinesis Data Streams

Kinesis Data Streams keeps records so that several consumers can replay them.
"""
HEADING_LINK = ("Amazon Kinesis Data Streams", "part of", "Amazon Kinesis", "structural", False)
NEGATED_LINK = ("Amazon Kinesis", "used for", "long-term storage", "stated", True)


def links(path: Path) -> set[tuple]:
    return {(source, data["relation"], target, data["kind"], bool(data["negated"]))
            for source, target, data in load_graph(path).edges(data=True)}


@pytest.fixture(scope="module")
def kinesis_as_shipped(tmp_path_factory) -> set[tuple]:
    """The graph of the note built from a notes folder, as the command line builds content/notes."""
    folder = tmp_path_factory.mktemp("notes")
    (folder / "streaming.md").write_bytes(KINESIS_NOTE)
    out = folder.parent / "shipped.json"
    assert graph_command(["build", str(folder), "--out", str(out), "--quiet"]) == 0
    return links(out)


def test_an_uploaded_note_reads_like_the_same_note_shipped(app, kinesis_as_shipped):
    upload_and_build(app, [("streaming.md", KINESIS_NOTE)], "On their own")
    uploaded = links(Path(checked(app).session_state["_user_graph"]))
    assert uploaded == kinesis_as_shipped
    assert {HEADING_LINK, NEGATED_LINK} <= uploaded  # the heading's link and the negation
    open_tab(app, "Network")
    assert ("Amazon Kinesis", "not used for", "long-term storage") in drawn(app)["edges"]


def test_the_url_names_the_workspace_and_a_new_session_reopens_it(app, app_paths):
    upload_and_build(app, [("streaming.md", KINESIS_NOTE)], "On their own")
    ident = checked(app).session_state["_workspace_id"]
    assert app.query_params["workspace"] == ident
    reloaded = AppTest.from_file(str(APP), default_timeout=60)
    reloaded.query_params.update(workspace=ident)
    checked(reloaded.run())
    assert graph_choice(reloaded).value == "Your notes"
    assert "Amazon Kinesis" in drawn(reloaded)["nodes"]
    assert "Built a graph of" in page_text(open_tab(reloaded, "Your notes"))  # the build's report came back too
    reloaded.button(key="forget_notes").click()
    checked(reloaded.run())
    assert "workspace" not in reloaded.query_params and not (app_paths["workspace"] / ident).exists()


@pytest.mark.parametrize("ident", ["0" * 32, "../../etc", "F" * 32])
def test_a_workspace_that_is_gone_or_no_workspace_opens_the_shipped_notes(make_app, ident):
    app = make_app(workspace=ident)
    assert graph_choice(app) is None and "workspace" not in app.query_params
    assert "Amazon SageMaker" in drawn(app)["nodes"]
