"""The Network tab: the interactive map of the current view, with its counts.

Clicking a topic on the map focuses it and opens its card; double-clicking one shows its
neighbours too; clicking an edge shows its sentences beside the map (in the map itself).
"""
from __future__ import annotations

from functools import partial

import streamlit as st

from graph.map_view import arranged

from .controls import expand, focus_on, reset_filters, show_in_url
from .markup import literal
from .network_map import MAP_KEY, draw_map
from .products import network_map
from .session import LoadedGraph
from .views import FocusHidden, ViewSpec

__all__ = ["NETWORK_HEIGHT", "TOPIC_TAB", "arranged_positions", "open_clicked", "render_network", "view_title"]

NETWORK_HEIGHT = 720
TOPIC_TAB = "Topic"


def view_title(spec: ViewSpec, source: str) -> str:
    """What the view shows, in words (plain text: callers escape it for markdown)."""
    if spec.focus is None:
        return f"{source}: whole graph"
    return f"{spec.focus}: neighbourhood, depth {spec.depth}"


def arranged_positions(loaded: LoadedGraph) -> dict[str, tuple[float, float]]:
    """Where the user left the topics of this graph while the layout was frozen."""
    return st.session_state.setdefault("_arranged", {}).setdefault(str(loaded.path), {})


def render_network(loaded: LoadedGraph, spec: ViewSpec, color_by: str, max_nodes: int, source: str,
                   frozen: bool = False) -> None:
    """Draw the view, or say why there is nothing to draw."""
    try:
        picture = network_map(loaded.graph, loaded.key, spec, color_by, max_nodes)
    except FocusHidden as hidden:
        st.warning(f"**{literal(hidden.topic)}** is hidden by the filters (its type or its notes are filtered out).")
        st.button("Reset filters", key="reset_filters_hidden", on_click=reset_filters)
        return
    if picture.topics == 0:
        st.info("Nothing to show: the filters leave no topic. Widen them in the sidebar, or reset them.")
        st.button("Reset filters", key="reset_filters_empty", on_click=reset_filters)
        return
    title = literal(view_title(spec, source))
    if picture.shown_topics < picture.topics:
        st.markdown(f"Showing the **{picture.shown_topics:,}** most connected of **{picture.topics:,}** topics "
                    f"({picture.shown_edges:,} of {picture.edges:,} edges) — {title}")
    else:
        st.markdown(f"Showing **{picture.topics:,}** topics and **{picture.edges:,}** edges — {title}")
    if picture.cut:
        st.caption(f":material/filter_center_focus: The neighbourhood was walked to the {max_nodes:,} topics nearest "
                   "the focus and may hold more: raise “Most topics drawn” in the sidebar to walk further.")
    elif picture.shown_topics < picture.topics:
        st.caption(":material/filter_center_focus: Focus on a topic, narrow the filters, or raise “Most topics "
                   "drawn” in the sidebar to see the rest.")
    saved = arranged_positions(loaded)
    data = arranged(picture.data, saved) if frozen and saved else picture.data
    draw_map(data, height=NETWORK_HEIGHT, frozen=frozen, arranged=bool(frozen and saved), on_focus=open_clicked, on_expand=_expand_clicked,
             on_positions=partial(_keep_positions, saved))
    st.caption("Click a topic to open its card, double-click it to show its neighbours, click an edge for its "
               "sentences. Diamonds are services, dots are concepts; dashed red edges are negated.")


def open_clicked(key: str = MAP_KEY) -> None:
    """Callback: the topic clicked on the map (``key``) becomes the focus, and its card opens."""
    topic = st.session_state[key].get("focus")
    if topic:
        focus_on(topic)
        st.session_state["tab"] = TOPIC_TAB
        show_in_url(expanded=None, focus=topic, tab=TOPIC_TAB)


def _expand_clicked() -> None:
    """Callback: the topic double-clicked on the map shows its neighbours too."""
    topic = st.session_state[MAP_KEY].get("expand")
    if topic:
        expand(topic)


def _keep_positions(saved: dict) -> None:
    """Callback: remember where the user left the topics (the layout is frozen)."""
    positions = st.session_state[MAP_KEY].get("positions") or {}
    for topic, place in positions.items() if isinstance(positions, dict) else ():
        if isinstance(place, list) and len(place) == 2 and all(isinstance(value, (int, float)) for value in place):
            saved[str(topic)] = (float(place[0]), float(place[1]))
