"""Notes Graph explorer: ``make run``, or ``streamlit run app.py``.

A thin layer: widgets, session state and rendering. Every computation is one call into
``graph`` or ``extract``, made through the cached functions of ``explorer.products`` and
``explorer.session``. The view (focus, depth, filters, path, tab) lives in the URL.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import streamlit as st

from explorer import controls
from explorer.downloads_tab import render_downloads
from explorer.insights_tab import render_insights
from explorer.markup import literal
from explorer.network_tab import arranged_positions, render_network, view_title
from explorer.notes_tab import SHIPPED, YOURS, render_notes, restore_uploads, user_graph_path
from explorer.path_tab import render_path
from explorer.products import graph_choices, search_hits
from explorer.session import LoadedGraph, build_shipped_graph, open_graph
from explorer.settings import Settings
from explorer.topic_tab import render_topic
from graph import GraphFileError

TABS = ("Network", "Topic", "Path", "Insights", "Downloads", "Your notes")

st.set_page_config(page_title="Notes Graph", page_icon="🕸️", layout="wide")


def choose_graph(settings: Settings) -> tuple[str, Path]:
    """The graph built from this session's uploads (the first choice, so a link that names
    the workspace opens it), or the shipped one when chosen."""
    user_graph = user_graph_path(settings)
    if user_graph is None:
        return SHIPPED, settings.graph_path
    source = st.sidebar.radio("Graph", (YOURS, SHIPPED), key="graph_source", horizontal=True, bind="query-params",
                              on_change=controls.forget_view)
    return source, Path(user_graph) if source == YOURS else settings.graph_path


def open_or_explain(settings: Settings, source: str, path: Path) -> LoadedGraph | None:
    """The graph to explore, or None after saying in the page why it cannot be opened."""
    try:
        return open_graph(path)
    except GraphFileError as error:
        if source == YOURS:
            st.error(f"Your graph cannot be opened: {literal(error)}")
            controls.request_state(graph_source=SHIPPED, **controls.cleared_view())
            st.button("Back to the shipped notes", key="back_to_shipped")
            return None
        st.error(f"The graph of the shipped notes cannot be opened: {literal(error)}", icon=":material/error:")
        if st.button(f"Build it now from {literal(settings.notes_dir.name)}/", key="build_shipped", type="primary"):
            build_and_reload(settings)
        return None


def build_and_reload(settings: Settings) -> None:
    from extract import ModelNotInstalled, NoteError, VocabularyError

    try:
        build_shipped_graph(settings)
    except (NoteError, VocabularyError, ModelNotInstalled, OSError) as error:
        st.error(f"The graph could not be built: {literal(error)}")
        return
    st.rerun()


def show_search(loaded: LoadedGraph, query: str) -> None:
    try:
        controls.search_results(query, search_hits(loaded.graph, loaded.key, query))
    except ValueError as error:  # nothing searchable in the query, e.g. "???"
        controls.search_results(query, None, problem=str(error))


def main() -> None:
    settings = Settings.from_environment()
    controls.apply_pending_state()
    restore_uploads(settings)
    st.sidebar.title(":material/hub: Notes Graph", anchor=False)
    source, path = choose_graph(settings)
    loaded = open_or_explain(settings, source, path)
    if loaded is None:
        st.divider()
        st.subheader("Or explore your own notes", anchor=False)
        render_notes(settings)
        return
    choices = graph_choices(loaded.graph, loaded.key)
    filters = controls.sidebar_filters(choices)
    color_by, max_nodes = controls.display_options()
    expanded, frozen = controls.map_options(choices)
    st.sidebar.caption("The address bar keeps the view (focus, depth, filters, path): copy it to share the view.")

    st.markdown(f"### Notes Graph · {literal(source)}")
    st.caption(f"{len(choices.topics):,} topics · {choices.edges:,} edges · {len(choices.notes):,} notes. "
               "Search or pick a focus topic; the sidebar filters what is shown.")
    query, focus, depth, direction = controls.focus_bar(choices)
    spec = replace(filters, focus=focus, depth=depth, direction=direction, expanded=expanded)
    if query:
        show_search(loaded, query)

    network, topic, path_tab, insights, downloads, notes = st.tabs(TABS, key="tab", bind="query-params")
    if network.open:
        with network:
            render_network(loaded, spec, color_by, max_nodes, source, frozen)
    if topic.open:
        with topic:
            render_topic(loaded, choices, focus, spec)
    if path_tab.open:
        with path_tab:
            render_path(loaded, choices, spec, focus)
    if insights.open:
        with insights:
            render_insights(loaded, choices, spec)
    if downloads.open:
        with downloads:
            render_downloads(loaded, spec, view_title(spec, source), color_by=color_by, max_nodes=max_nodes,
                             positions=arranged_positions(loaded) if frozen else None)
    if notes.open:
        with notes:
            render_notes(settings)


try:
    main()
except Exception as error:  # the page shows a message, never a traceback
    logging.getLogger("notes-graph").exception("the explorer failed")
    st.error(f"Something went wrong: {literal(type(error).__name__)}: {literal(error)}. "
             "Reset the filters or reload the page; the terminal has the details.", icon=":material/error:")
