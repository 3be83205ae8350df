"""The Network tab: the interactive graph of the current view, with its counts."""
from __future__ import annotations

import streamlit as st

from .controls import reset_filters
from .markup import literal
from .products import network_picture
from .session import LoadedGraph
from .views import FocusHidden, ViewSpec

__all__ = ["NETWORK_HEIGHT", "render_network", "view_title"]

NETWORK_HEIGHT = 720


def view_title(spec: ViewSpec, source: str) -> str:
    """What the view shows, in words (plain text: callers escape it for markdown)."""
    if spec.focus is None:
        return f"{source}: whole graph"
    return f"{spec.focus}: neighbourhood, depth {spec.depth}"


def render_network(loaded: LoadedGraph, spec: ViewSpec, color_by: str, max_nodes: int, source: str) -> None:
    """Draw the view, or say why there is nothing to draw."""
    try:
        picture = network_picture(loaded.graph, loaded.key, spec, color_by, max_nodes, view_title(spec, source))
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
        st.caption(":material/filter_center_focus: Focus on a topic, narrow the filters, or raise “Most topics "
                   "drawn” in the sidebar to see the rest.")
    else:
        st.markdown(f"Showing **{picture.topics:,}** topics and **{picture.edges:,}** edges — {title}")
    st.iframe(picture.html, height=NETWORK_HEIGHT, alt="Interactive network of the current view")
    st.caption("Hover a topic or an edge for its evidence. Drag to move, scroll to zoom; the Find box in the "
               "network locates a topic. Diamonds are services, dots are concepts; dashed red edges are negated.")
