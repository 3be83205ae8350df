"""An interactive HTML page of a graph that works with no network at all.

vis-network comes from pyvis's bundle and is inlined, with its stylesheet. The page is a
small template of our own rather than pyvis's (which links Bootstrap from a CDN, leaves its
heading unescaped and turns every tooltip into raw HTML as soon as one contains "href").
Text from the notes is untrusted: it reaches the page only as JSON with ``<``, ``>`` and
``&`` escaped; labels are drawn on the canvas as text, tooltips are built in the page with
``textContent`` (never parsed as HTML), the title, notice and legend are escaped with
``html.escape``, and a Content-Security-Policy lets only our two scripts run.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections.abc import Collection
from functools import cache
from importlib import resources
from pathlib import Path

import networkx as nx

from .insights import centrality, communities
from .network_data import edge_items, evidence_by_topic, legend_entries, node_item, topic_colours

__all__ = ["COLOR_MODES", "DEFAULT_MAX_NODES", "escape_text", "most_central", "to_pyvis_html", "vis_network_assets"]

COLOR_MODES = ("type", "community")
DEFAULT_MAX_NODES = 2500
PHYSICS_LIMIT = 200  # live physics by default up to this many topics
_HERE = Path(__file__).parent


def to_pyvis_html(graph: nx.Graph, *, title: str = "Study notes graph", color_by: str = "type",
                  size_by: str = "degree", max_nodes: int = DEFAULT_MAX_NODES, highlight: Collection[str] = (),
                  physics: bool | None = None, seed: int = 7, notice: bool = True) -> str:
    """A self-contained HTML page drawing ``graph`` (any graph or view of this package).

    Topics are coloured by ``color_by`` ("type" or "community"), sized by ``size_by``
    centrality ("degree" or "betweenness") and placed by :func:`~graph.layout.layout_positions`;
    topics in ``highlight`` get a heavy border. Above ``max_nodes`` topics only the most
    central are drawn and the page says so (unless ``notice`` is False: the page sits in an
    app that says it already). ``physics`` (default: on up to 200 topics)
    lets the layout move live; it can be switched in the page.

    >>> page = to_pyvis_html(nx.MultiDiGraph([("<b>A</b>", "B")]), title="Demo")
    >>> page.startswith("<!DOCTYPE html>"), "<b>A</b>" in page, "https://" in page.split("<script")[0]
    (True, False, False)
    """
    if color_by not in COLOR_MODES:
        raise ValueError(f"unknown colour mode {color_by!r} (known: {', '.join(COLOR_MODES)})")
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes must be a whole number of at least 1, not {max_nodes!r}")
    total = len(graph)
    shown = graph if total <= max_nodes else graph.subgraph(most_central(graph, max_nodes))
    strength = centrality(shown, measure=size_by)
    groups = communities(shown, seed=seed)
    colours = topic_colours(shown, color_by, groups)
    from .layout import layout_positions  # numpy: loaded when a page is drawn, not for every command

    positions = layout_positions(shown, seed=seed)
    physics = len(shown) <= PHYSICS_LIMIT if physics is None else bool(physics)
    top = max(strength.values(), default=0.0) or 1.0
    highlighted = set(highlight)
    evidence, degree = evidence_by_topic(shown, limit=2), dict(shown.degree())
    nodes = [node_item(node, data, positions[node], 10 + 26 * math.sqrt(strength.get(node, 0.0) / top),
                   colours[node], node in highlighted, evidence.get(node, []), degree[node])
             for node, data in shown.nodes(data=True)]
    edges = edge_items(shown)
    cut = ""
    if notice and total > len(shown):
        cut = (f"Showing the {len(shown):,} most connected of {total:,} topics; "
               "filter the graph or focus on a topic to see the rest.")
    data = {"nodes": nodes, "edges": edges, "options": _options(physics, seed), "faded": "#eceff1"}
    return _page(title, f"{len(nodes):,} topics · {len(edges):,} edges", cut,
                 _legend(shown, color_by, groups, size_by), data)


def most_central(graph: nx.Graph, limit: int) -> list[str]:
    """The ``limit`` topics with the most links (ties by name), for cutting a large graph down."""
    strength = centrality(graph, measure="degree")
    return sorted(strength, key=lambda node: (-strength[node], str(node)))[:limit]


def escape_text(value: object, limit: int = 400) -> str:
    """Untrusted text made safe to put in HTML, shortened to ``limit`` characters; the word
    "href" is written with an entity so no HTML-sniffing tooltip code ever takes it for a link."""
    value = str(value)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return re.sub("(?i)h(ref)", lambda m: "&#" + str(ord(m.group(0)[0])) + ";" + m.group(1), html.escape(value))


def _options(physics: bool, seed: int) -> dict:
    return {
        "autoResize": True,
        "layout": {"randomSeed": seed, "improvedLayout": False},
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120, "springConstant": 0.02,
                                  "damping": 0.35, "avoidOverlap": 0.1},
                    "stabilization": {"enabled": True, "iterations": 150, "updateInterval": 50}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "keyboard": False,
                        "navigationButtons": False, "multiselect": True},
        "nodes": {"font": {"size": 14, "color": "#222", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": False, "drawThreshold": 6}}},
        "edges": {"smooth": False, "width": 1, "color": {"highlight": "#000", "hover": "#000"},
                  "font": {"size": 10, "color": "#555", "strokeWidth": 3, "align": "middle"},
                  "arrows": {"to": {"scaleFactor": 0.5}}, "selectionWidth": 2},
    }


def _legend(graph: nx.Graph, color_by: str, groups: list[frozenset[str]], size_by: str) -> str:
    entries = legend_entries(graph, color_by, groups)
    items = []
    for entry in entries["topics"]:
        shape = " kg-diamond" if entry["shape"] == "diamond" else ""
        text = f"{escape_text(entry['leader'], 40)} {entry['text']}" if "leader" in entry else escape_text(entry["text"])
        items.append(f'<li><span class="kg-swatch{shape}" style="background:{entry["colour"]}"></span>{text}</li>')
    lines = [f'<li><svg width="26" height="8"><line x1="0" y1="4" x2="26" y2="4" stroke="{entry["colour"]}"'
             f' stroke-width="2" stroke-dasharray="{entry["dash"]}"/></svg>{escape_text(entry["text"])}</li>'
             for entry in entries["edges"]]
    return (f"<h2>{entries['heading']}</h2><ul>{''.join(items)}</ul><h2>Edges</h2><ul>{''.join(lines)}</ul>"
            f"<h2>Size</h2><ul><li>{escape_text(size_by)} centrality</li></ul>")


def _page(title: str, counts: str, notice: str, legend: str, data: dict) -> str:
    app_js = _asset("explorer.js")
    vis_js, vis_css = vis_network_assets()
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = (payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
               .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    # Nor the word "href" (JSON escapes never hold an "h", so this cannot break one).
    payload = re.sub("(?i)h(?=ref)", lambda match: f"\\u{ord(match.group(0)):04x}", payload)
    policy = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
              f"script-src '{_digest(vis_js)}' '{_digest(app_js)}'")
    page = _asset("explorer.html")
    # Our values replace placeholders in one pass, so no value is ever searched for placeholders.
    values = {"__KG_POLICY__": policy, "__KG_TITLE__": escape_text(title, 200), "__KG_COUNTS__": escape_text(counts),
              "__KG_NOTICE__": f'<p class="kg-notice" role="status">{escape_text(notice)}</p>' if notice else "",
              "__KG_LEGEND__": legend, "__KG_DATA__": payload, "__KG_VIS_CSS__": vis_css,
              "__KG_VIS_JS__": vis_js, "__KG_APP_JS__": app_js}
    return re.sub("|".join(values), lambda match: values[match.group(0)], page)


def _digest(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


@cache
def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


@cache
def vis_network_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as pyvis ships them (the pinned copy every drawing inlines)."""
    folder = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (folder / "vis-network.min.js").read_text(encoding="utf-8"), (folder / "vis-network.css").read_text(encoding="utf-8")
