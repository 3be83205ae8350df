"""The Network tab's map: vis-network in the app page, with its clicks sent back to the app.

A Streamlit bidirectional component, registered once when this module is imported. Its
script is vis-network's, inlined from the pinned copy pyvis ships (nothing is fetched from
a CDN), followed by the map's own code (``assets/network_map.js``, ``map_layout.js`` and
``map_panels.js``, one module). The map gets the view as data
(:func:`graph.map_view.map_data`), never as HTML, and sets every text from the notes with
``textContent`` or draws it on the canvas.

What the map sends back, each handled by a callback before the next run:

- ``focus``: a topic was clicked; it becomes the focus and its card opens (Topic tab);
- ``expand``: a topic was double-clicked; its neighbours join the view;
- ``positions``: where the user left the topics, sent while "Freeze layout" is on.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import streamlit as st

from graph.html_export import vis_network_assets

__all__ = ["MAP_KEY", "draw_map", "map_css", "map_script"]

MAP_KEY = "network_map"
_ASSETS = Path(__file__).parent / "assets"
_SCRIPTS = ("network_map.js", "map_layout.js", "map_panels.js")


@cache
def map_script() -> str:
    """vis-network (its UMD bundle given a local ``exports`` object: no global, no network)
    followed by the map's own module code."""
    vis_js, _ = vis_network_assets()
    vis_js = re.sub(r"^//# sourceMappingURL=.*$", "", vis_js, flags=re.MULTILINE)
    own = "\n".join((_ASSETS / name).read_text(encoding="utf-8") for name in _SCRIPTS)
    return f"const vis = {{}};\n(function (exports, module) {{\n{vis_js}\n}})(vis, {{ exports: vis }});\n{own}"


@cache
def map_css() -> str:
    """vis-network's tooltip rules (the rest of its stylesheet styles widgets the map does not
    use) and the map's own stylesheet."""
    _, vis_css = vis_network_assets()
    tooltip = "".join(rule.strip() for rule in re.findall(r"[^{}]+\{[^{}]*\}", vis_css) if "vis-tooltip" in rule)
    return tooltip + "\n" + (_ASSETS / "network_map.css").read_text(encoding="utf-8")


_MAP = st.components.v2.component("notes_graph.map", js=map_script(), css=map_css())


def draw_map(data: dict, *, height: int, frozen: bool, arranged: bool, on_focus: Callable[[], None],
             on_expand: Callable[[], None], on_positions: Callable[[], None], key: str = MAP_KEY) -> None:
    """Mount the map of ``data`` (``height`` pixels high). ``frozen``: the map sends where
    the user drags topics; ``arranged``: ``data`` places topics where the user left them (the
    map then moves none). The callbacks read what the map sent from
    ``st.session_state[key]`` (``focus``, ``expand``, ``positions``); each map on the page
    (the Network tab's, the Path tab's) has its own ``key``."""
    _MAP(data={**data, "height": height, "frozen": frozen, "arranged": arranged}, key=key, height=height,
         on_focus_change=on_focus, on_expand_change=on_expand, on_positions_change=on_positions)
