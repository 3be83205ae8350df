"""Your own notes (upload, rebuild, explore, remove), a missing or corrupt graph, hostile text,
and reruns that neither reload the graph nor parse notes."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.markup import literal
from graph import load_graph, save_graph

from .conftest import (
    APP,
    FIXTURE_NOTES,
    HOSTILE_LABEL,
    HOSTILE_SECTION,
    HOSTILE_SENTENCE,
    checked,
    displayed,
    drawn,
    hostile_graph,
    open_tab,
    page_text,
)

MONITORING = (FIXTURE_NOTES / "monitoring.md").read_bytes()
GLUE_NOTE = b"# Data preparation\n\nAWS Glue crawls training data in Amazon S3 and writes a Data Catalog.\n"


def upload_and_build(app: AppTest, files: list[tuple[str, bytes]], mode: str) -> AppTest:
    open_tab(app, "Your notes")
    app.file_uploader(key="uploads").set_value([(name, data, "text/markdown") for name, data in files])
    app.radio(key="build_mode").set_value(mode)
    checked(app.run())
    app.button(key="rebuild").click()
    return app.run(timeout=120)


def graph_choice(app: AppTest):
    """The sidebar's choice between the shipped graph and yours (None before any build)."""
    return next((radio for radio in app.radio if radio.key == "graph_source"), None)


def session_notes(app_paths: dict, app: AppTest) -> Path:
    return app_paths["workspace"] / app.session_state["_workspace_id"] / "notes"


def test_uploaded_notes_build_their_own_graph_and_bad_files_are_named(app, app_paths):
    assert open_tab(app, "Your notes").button(key="rebuild").disabled  # nothing uploaded yet
    files = [("../../outside.md", GLUE_NOTE), ("empty.md", b"  \n"), ("headings.md", b"# Only a heading\n")]
    upload_and_build(app, files, "On their own")
    assert not app.exception
    text = page_text(app)
    assert "Built a graph of" in text
    assert "empty.md: skipped: the file is empty" in text          # refused on upload
    assert "headings.md: no text found" in text                    # unreadable as a note: the rest builds
    assert graph_choice(app).value == "Your notes"
    assert {"AWS Glue", "Amazon S3"} <= set(app.selectbox(key="focus").options)
    # Saved under a sanitised name, inside this session's folder; nothing written beside it.
    assert sorted(path.name for path in session_notes(app_paths, app).iterdir()) == ["headings.md", "outside.md"]
    assert sorted(path.name for path in app_paths["graph"].parent.iterdir()) == ["graph.json", "workspace"]
    topics = set(app.selectbox(key="focus").options)
    open_tab(app, "Network")
    assert "AWS Glue" in drawn(app)["nodes"] and drawn(app)["nodes"] <= topics


def test_uploaded_notes_build_with_the_shipped_notes_and_can_be_removed(app, app_paths):
    upload_and_build(app, [("glue.md", GLUE_NOTE)], "With the shipped notes")
    checked(app)
    sources = set(app.multiselect(key="sources").options)
    assert {"glue.md", "monitoring.md", "cheat-sheet.txt"} <= sources  # NOTES_DIR holds the fixture notes
    # Switch back and forth between the shipped graph and yours.
    app.radio(key="graph_source").set_value("Shipped notes")
    checked(app.run())
    assert "AWS Glue" not in set(app.multiselect(key="sources").options)
    assert "Showing **8** topics" in page_text(open_tab(app, "Network"))
    open_tab(app, "Your notes")
    app.button(key="forget_notes").click()
    checked(app.run())
    assert graph_choice(app) is None  # only the shipped graph is left
    assert not session_notes(app_paths, app).parent.exists()


def test_a_rebuild_replaces_the_previous_upload(app, app_paths):
    upload_and_build(app, [("first.md", MONITORING)], "On their own")
    checked(app)
    upload_and_build(app, [("second.md", GLUE_NOTE)], "On their own")
    checked(app)
    assert [path.name for path in session_notes(app_paths, app).iterdir()] == ["second.md"]


def test_only_unusable_files_give_a_message_and_no_build(app):
    upload_and_build(app, [("empty.md", b"")], "On their own")
    assert "None of these files can be used" in app.error[0].value
    assert "empty.md: skipped: the file is empty" in displayed(app.error[0].value)
    assert graph_choice(app) is None


def test_a_missing_graph_is_explained_and_built_with_a_progress_bar(app_paths, monkeypatch):
    missing = app_paths["graph"].with_name("missing.json")
    monkeypatch.setenv("NOTES_GRAPH_PATH", str(missing))
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not app.exception
    assert f"{missing}: no graph file" in displayed(app.error[0].value)
    assert app.file_uploader(key="uploads")  # your own notes can still be explored
    app.button(key="build_shipped").click()
    checked(app.run(timeout=120))
    assert missing.exists() and list(app_paths["cache"].glob("findings/*.pickle"))  # the per-note cache was filled
    assert drawn(app)["nodes"]


def test_a_corrupt_graph_is_a_message_not_a_traceback(app_paths):
    app_paths["graph"].write_text("{not json", encoding="utf-8")
    app = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not app.exception
    assert "corrupt JSON at line 1" in displayed(app.error[0].value)
    app.button(key="build_shipped").click()  # the app offers the rebuild, and it works
    checked(app.run(timeout=120))
    assert not app.error and drawn(app)["nodes"]
    assert "Amazon SageMaker" in load_graph(app_paths["graph"])  # the corrupt file was replaced by a graph


def test_hostile_note_text_is_shown_as_text(app_paths):
    save_graph(hostile_graph(), app_paths["graph"])
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.query_params.update(focus=HOSTILE_LABEL, tab="Topic")
    checked(app.run())
    shown = [element.value for kind in ("markdown", "caption", "subheader") for element in getattr(app, kind)]
    shown += [expander.label for expander in app.expander]
    raw = "\n".join(shown)
    for hostile in (HOSTILE_LABEL, HOSTILE_SENTENCE, HOSTILE_SECTION, "](http://evil", ":red[loud]"):
        assert hostile not in raw  # never handed to markdown as is...
    assert literal(HOSTILE_LABEL) in raw and literal(HOSTILE_SENTENCE) in raw  # ...but escaped, so shown as written
    assert HOSTILE_LABEL in page_text(app) and HOSTILE_SENTENCE in page_text(app)
    app.text_input(key="search").input("onerror window")
    checked(app.run())
    assert app.button(key="search_result_0").label == literal(HOSTILE_LABEL)


def test_reruns_neither_reload_the_graph_nor_parse_notes(app, monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a rerun loaded the graph or parsed notes")
    monkeypatch.setattr("explorer.session.load_graph", forbidden)
    monkeypatch.setattr("extract.pipeline.extract_folder", forbidden)
    app.selectbox(key="focus").set_value("bias")
    checked(app.run())
    app.slider(key="depth").set_value(2)
    checked(app.run())
    for tab in ("Topic", "Path", "Insights", "Downloads", "Your notes", "Network"):
        open_tab(app, tab)
    assert "bias" in drawn(app)["nodes"]


@pytest.mark.parametrize("name", ["notes.pdf"])
def test_the_uploader_accepts_note_types_only(app, name):
    open_tab(app, "Your notes")
    assert set(app.file_uploader(key="uploads").allowed_type) == {".md", ".markdown", ".txt"}
