"""The Downloads tab: the current view in every export format, generated when clicked."""
from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial

import streamlit as st

from graph import EXPORT_FORMATS, SVG_MAX_NODES

from .markup import literal
from .products import export_view, view_size
from .session import LoadedGraph
from .views import FocusHidden, ViewSpec

__all__ = ["FORMATS", "render_downloads"]

# format -> (button label, file extension, MIME type, what it is for)
FORMATS = {
    "html": ("Interactive page", "html", "text/html", "the network as you see it, works offline in any browser"),
    "svg": ("Picture (SVG)", "svg", "image/svg+xml",
            "the map as a picture for slides or notes: its colours and layout, the central topics named"),
    "json": ("JSON", "json", "application/json", "node-link data with every attribute and evidence sentence"),
    "graphml": ("GraphML", "graphml", "application/graphml+xml", "for Gephi, yEd or Cytoscape"),
    "gexf": ("GEXF", "gexf", "application/xml", "for Gephi, with colours and sizes"),
    "csv": ("CSV tables", "zip", "application/zip", "nodes, edges and evidence for a spreadsheet, zipped"),
    "neo4j": ("Neo4j import", "neo4j.zip", "application/zip", "CSV files and the `neo4j-admin` command to load them"),
    "cypher": ("Cypher script", "cypher", "text/plain", "for `cypher-shell -f`; safe to run again"),
    "graphml-apoc": ("GraphML for APOC", "apoc.graphml", "application/graphml+xml",
                     "for `apoc.import.graphml` with `readLabels: true`"),
}
assert set(FORMATS) == set(EXPORT_FORMATS), "every export format of graph/ has a download button"


def file_stem(spec: ViewSpec) -> str:
    """A file name for the view: ``notes-graph`` or ``notes-graph-<focus>``.

    >>> file_stem(ViewSpec(focus="SageMaker Model Monitor"))
    'notes-graph-sagemaker-model-monitor'
    """
    focus = re.sub(r"[^a-z0-9]+", "-", (spec.focus or "").casefold()).strip("-")[:60]
    return "notes-graph" + (f"-{focus}" if focus else "")


def render_downloads(loaded: LoadedGraph, spec: ViewSpec, title: str, *, color_by: str = "type",
                     max_nodes: int = SVG_MAX_NODES, positions: Mapping[str, tuple[float, float]] | None = None) -> None:
    """One button per format; the file is made when its button is clicked. The picture uses
    the map's ``color_by`` and ``max_nodes``, and ``positions`` where the layout is frozen."""
    try:
        topics, edges = view_size(loaded.graph, loaded.key, spec)
    except FocusHidden as hidden:
        st.warning(f"**{literal(hidden.topic)}** is hidden by the filters: nothing to download.")
        return
    st.markdown(f"The current view — {literal(title)} — with the sidebar's filters: "
                f"**{topics:,}** topics and **{edges:,}** edges.")
    stem = file_stem(spec)
    for format, (label, extension, mime, purpose) in FORMATS.items():
        button, about = st.columns([2, 5], vertical_alignment="center")
        button.download_button(label, data=partial(export_view, loaded.graph, spec, format, title, color_by=color_by,
                                            max_nodes=max_nodes, positions=positions),
                               file_name=f"{stem}.{extension}", mime=mime, key=f"download_{format}",
                               on_click="ignore", icon=":material/download:", width="stretch",
                               disabled=topics == 0)
        about.markdown(f"`.{extension}` — {purpose}")
