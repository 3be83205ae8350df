"""The explorer's modules that hold no widgets: markdown escaping, views, topic cards, settings, docstrings."""
import doctest
import os
import importlib
import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.markup import literal
from explorer.settings import REPOSITORY, Settings
from explorer.views import FocusHidden, ViewSpec, current_view, filtered_view
from graph import NodeNotFound
from graph.cards import topic_card

from .conftest import NODES, make_graph

DOCTESTED_MODULES = ["explorer.downloads_tab", "explorer.markup", "explorer.settings", "explorer.views"]


@pytest.mark.parametrize("name", DOCTESTED_MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


@given(st.text())
def test_escaped_text_reads_back_as_written_and_leaves_no_markup(text):
    escaped = literal(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(text.split())  # nothing lost
    unescaped = re.sub(r"\\.", "", escaped)
    assert not set(unescaped) & set(string.punctuation)  # every markdown character is escaped
    assert "\n" not in escaped


@pytest.mark.parametrize("topic", [node[0] for node in NODES])
def test_a_card_lists_every_edge_of_its_topic_once(topic):
    graph = make_graph()
    card = topic_card(graph, topic)
    items = [(group.relation, item.topic) for group in card.groups for item in group.related]
    assert len(items) == graph.degree(topic)  # no two edges of one predicate link the same two topics here
    assert card.links == len(card.linked_topics)
    assert set(card.linked_topics) == set(graph.successors(topic)) | set(graph.predecessors(topic))


def test_a_card_groups_by_predicate_and_direction_stated_first():
    card = topic_card(make_graph(), "Model Monitor")
    assert card.id == "SageMaker Model Monitor"
    assert [(group.kind, group.relation, group.direction, group.negated) for group in card.groups] == [
        ("stated", "detects", "out", False), ("stated", "integrates with", "out", False),
        ("stated", "used for", "out", True), ("structural", "part of", "out", False)]
    assert card.defined_in.doc == "study-notes.md" and card.defined_in.line == 14
    drift = card.groups[0].related[0]
    assert (drift.topic, drift.count, len(drift.evidence)) == ("data drift", 2, 2)


def test_an_unknown_topic_suggests_the_closest():
    with pytest.raises(NodeNotFound, match="did you mean 'SageMaker Clarify'"):
        topic_card(make_graph(), "Sagemaker Clarfy")


@pytest.mark.parametrize("spec", [ViewSpec(), ViewSpec(types=("service",)), ViewSpec(focus="bias", depth=2),
                                  ViewSpec(focus="Amazon S3", kinds=("cooccurrence",), direction="in"),
                                  ViewSpec(notes=("cheat-sheet.txt",), min_evidence=2, negated=False)])
def test_a_view_is_a_subgraph_of_the_filtered_graph(spec):
    graph = make_graph()
    view, everything = current_view(graph, spec), filtered_view(graph, spec, orphans=True)
    assert set(view) <= set(everything) and set(view.edges(keys=True)) <= set(everything.edges(keys=True))
    assert spec.focus is None or spec.focus in view


def test_a_focus_left_out_by_the_filters_raises_focus_hidden():
    with pytest.raises(FocusHidden, match="'bias' is hidden"):
        current_view(make_graph(), ViewSpec(types=("service",), focus="bias"))


def test_settings_resolve_relative_paths_from_the_repository():
    settings = Settings.from_environment({"NOTES_DIR": "notes", "NOTES_WORKSPACE": "/tmp/ws"})
    assert settings.notes_dir == REPOSITORY / "notes" and str(settings.workspace) == "/tmp/ws"
    assert settings.graph_path == REPOSITORY / "build" / "graph.json"


def test_session_folders_unchanged_for_a_day_are_deleted_and_nothing_else(tmp_path):
    from explorer.session import SESSION_LIFETIME_SECONDS, expire_sessions

    now = 2_000_000_000.0
    stale, fresh, mine, other = "a" * 32, "b" * 32, "c" * 32, "not-a-session"
    for name in (stale, fresh, mine, other):
        (tmp_path / name / "notes").mkdir(parents=True)
        (tmp_path / name / "notes" / "n.md").write_text("# n\n")
    old = now - SESSION_LIFETIME_SECONDS - 60
    for name in (stale, mine, other):
        for path in [tmp_path / name, *(tmp_path / name).rglob("*")]:
            os.utime(path, (old, old))
    (tmp_path / fresh / "notes" / "n.md").touch()  # changed just now, inside an old folder
    os.utime(tmp_path / fresh, (old, old))
    os.utime(tmp_path / fresh / "notes" / "n.md", (now - 60, now - 60))

    assert expire_sessions(tmp_path, keep=mine, now=now) == [stale]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([fresh, mine, other])
    assert expire_sessions(tmp_path / "missing", now=now) == []
