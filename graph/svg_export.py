"""A picture of a graph or a view as SVG, drawn as the explorer's map draws it.

The picture is the map's data (:func:`graph.map_view.map_data`): topics where
:func:`~graph.layout.layout_positions` puts them (or where the user left them), sized by
degree centrality and coloured by type or community, edges as lines styled by kind, and the
labels of the most central topics. The legend sits to the right of the drawing, never on it.
Text from the notes is untrusted: every text and attribute is escaped for XML, and the
characters XML cannot hold are dropped, so the file parses and no note can add an element.
"""
from __future__ import annotations

import html
import re
from collections.abc import Collection, Mapping

import networkx as nx

from .map_view import LABELLED_TOPICS, arranged, map_data
from .network_data import shorten

__all__ = ["SVG_MAX_NODES", "to_svg"]

SVG_MAX_NODES = 300  # as many topics as the explorer's map draws by default
_MARGIN = 40.0
_LEGEND_WIDTH = 280.0
_HEADER = 56.0
_LABEL_PX = (16.0, 11.0)  # font size of the most and the least central labelled topic
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_svg(graph: nx.Graph, *, title: str = "Study notes graph", color_by: str = "type",
           max_nodes: int = SVG_MAX_NODES, highlight: Collection[str] = (), keep: Collection[str] = (),
           positions: Mapping[str, tuple[float, float]] | None = None, seed: int = 7,
           labelled: int = LABELLED_TOPICS) -> str:
    """An SVG document drawing ``graph`` as the explorer's map does: one ``<circle>`` per topic,
    one ``<line>`` per edge, the ``labelled`` most central topics named, a legend beside it.

    Above ``max_nodes`` topics only the most central are drawn, plus those in ``keep``, and the
    picture says so; ``highlight`` gets a heavy border; ``positions`` places topics where the user left them (a frozen layout). The same graph
    and options always give the same bytes.

    >>> picture = to_svg(nx.MultiDiGraph([("<A>", "B")]), title="Demo")
    >>> picture.startswith("<svg"), picture.count("<circle"), "<A>" in picture, "&lt;A&gt;" in picture
    (True, 2, False, True)
    """
    data = map_data(graph, color_by=color_by, max_nodes=max_nodes, highlight=highlight, keep=keep, seed=seed,
                    labelled=labelled)
    if positions:
        data = arranged(data, positions)
    left, top, width, height = _drawing_box(data["nodes"])
    legend = _legend(data["legend"], left + width + _MARGIN, top)
    full_width = width + _MARGIN + _LEGEND_WIDTH
    full_height = max(height, legend[1] - top) + _HEADER
    header = _header(title, data, left, top - _HEADER)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{_number(left)} {_number(top - _HEADER)} '
        f'{_number(full_width)} {_number(full_height)}" width="{_number(full_width)}" height="{_number(full_height)}" '
        'font-family="Helvetica, Arial, sans-serif">',
        f"<title>{_text(title)}</title>",
        f'<rect x="{_number(left)}" y="{_number(top - _HEADER)}" width="{_number(full_width)}" '
        f'height="{_number(full_height)}" fill="#ffffff"/>',
        _markers(data["edges"]), header, _edges(data), _topics(data), _labels(data), legend[0], "</svg>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _text(value: object) -> str:
    """``value`` as XML text or attribute value: escaped, without characters XML cannot hold."""
    return html.escape(_NOT_XML.sub("", str(value)), quote=True)


def _number(value: float) -> str:
    return f"{value:.1f}"


def _drawing_box(nodes: list[dict]) -> tuple[float, float, float, float]:
    """Left, top, width and height of the topics with room for their labels."""
    if not nodes:
        return 0.0, 0.0, 200.0, 120.0
    left = min(node["x"] - node["size"] for node in nodes) - _MARGIN
    right = max(node["x"] + node["size"] for node in nodes) + _MARGIN
    top = min(node["y"] - node["size"] for node in nodes) - _MARGIN
    bottom = max(node["y"] + node["size"] for node in nodes) + _MARGIN + _LABEL_PX[0]
    return left, top, right - left, bottom - top


def _header(title: str, data: dict, left: float, top: float) -> str:
    counts = f"{data['shown']:,} topics · {len(data['edges']):,} edges"
    if data["shown"] < data["total"]:
        counts = f"the {data['shown']:,} most connected of {data['total']:,} topics · {len(data['edges']):,} edges"
    return (f'<text x="{_number(left + _MARGIN)}" y="{_number(top + 24)}" font-size="20" font-weight="bold" '
            f'fill="#222">{_text(title)}</text>\n'
            f'<text x="{_number(left + _MARGIN)}" y="{_number(top + 44)}" font-size="13" fill="#555">'
            f"{_text(counts)}</text>")


def _marker_ids(edges: list[dict]) -> dict[str, str]:
    colours = sorted({edge["color"] for edge in edges if edge.get("arrows")})
    return {colour: f"arrow-{number}" for number, colour in enumerate(colours)}


def _markers(edges: list[dict]) -> str:
    markers = [f'<marker id="{name}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
               f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{_text(colour)}"/></marker>'
               for colour, name in _marker_ids(edges).items()]
    return f"<defs>{''.join(markers)}</defs>" if markers else ""


def _edges(data: dict) -> str:
    """One line per edge, stopping at the rim of the target so its arrowhead shows."""
    places = {node["id"]: node for node in data["nodes"]}
    markers = _marker_ids(data["edges"])
    lines = []
    for edge in data["edges"]:
        start, end = places[edge["from"]], places[edge["to"]]
        dx, dy = end["x"] - start["x"], end["y"] - start["y"]
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        x2, y2 = end["x"] - dx / length * end["size"], end["y"] - dy / length * end["size"]
        style = f' stroke-width="{_number(edge.get("width", 1))}"'
        if edge.get("dashes"):
            style += f' stroke-dasharray="{" ".join(str(int(part)) for part in edge["dashes"])}"'
        if edge.get("arrows"):
            style += f' marker-end="url(#{markers[edge["color"]]})"'
        relation = ("not " if edge.get("negated") else "") + edge.get("relation", "")
        tip = f"{edge['from']} {relation} {edge['to']}" if edge.get("kind") != "cooccurrence" else \
            f"{edge['from']} and {edge['to']} (named in the same sentence)"
        lines.append(f'<line x1="{_number(start["x"])}" y1="{_number(start["y"])}" x2="{_number(x2)}" '
                     f'y2="{_number(y2)}" stroke="{_text(edge["color"])}"{style}><title>{_text(tip)}</title></line>')
    return '<g class="edges" fill="none" stroke-opacity="0.8">\n' + "\n".join(lines) + "\n</g>"


def _topics(data: dict) -> str:
    circles = []
    for node in sorted(data["nodes"], key=lambda node: -node["rank"]):  # the most central on top
        colour = node["color"]
        circles.append(f'<circle cx="{_number(node["x"])}" cy="{_number(node["y"])}" r="{_number(node["size"])}" '
                       f'fill="{_text(colour["background"])}" stroke="{_text(colour["border"])}" '
                       f'stroke-width="{node["borderWidth"]}"><title>{_text(node["label"])} '
                       f'({_text(node["type"] or "topic")})</title></circle>')
    return '<g class="topics">\n' + "\n".join(circles) + "\n</g>"


def _labels(data: dict) -> str:
    """The names of the ``labelled`` most central topics, under their circles, the largest
    for the most central (as the map shows them at first sight)."""
    most, least = _LABEL_PX
    count = data["labelled"]
    texts = []
    for node in sorted((node for node in data["nodes"] if node["rank"] < count), key=lambda node: -node["rank"]):
        size = most - (most - least) * node["rank"] / max(1, count - 1)
        texts.append(f'<text x="{_number(node["x"])}" y="{_number(node["y"] + node["size"] + size)}" '
                     f'font-size="{_number(size)}">{_text(shorten(node["label"], 60))}</text>')
    return ('<g class="labels" text-anchor="middle" fill="#222" stroke="#ffffff" stroke-width="3" '
            'paint-order="stroke">\n' + "\n".join(texts) + "\n</g>")


def _legend(entries: dict, left: float, top: float) -> tuple[str, float]:
    """The legend as a group to the right of the drawing, and where it ends (its bottom)."""
    rows = [f'<text x="{_number(left)}" y="{_number(top + 16)}" font-size="14" font-weight="bold">'
            f"{_text(entries['heading'])}</text>"]
    y = top + 36
    for entry in entries["topics"]:
        text = f"{shorten(entry['leader'], 32)} {entry['text']}" if "leader" in entry else entry["text"]
        corner = "1" if entry["shape"] == "diamond" else "6"
        rows.append(f'<rect x="{_number(left)}" y="{_number(y - 11)}" width="12" height="12" rx="{corner}" '
                    f'fill="{_text(entry["colour"])}" stroke="#555"/>'
                    f'<text x="{_number(left + 20)}" y="{_number(y)}" font-size="12">{_text(text)}</text>')
        y += 20
    rows.append(f'<text x="{_number(left)}" y="{_number(y + 12)}" font-size="14" font-weight="bold">Edges</text>')
    y += 32
    for entry in entries["edges"]:
        dash = f' stroke-dasharray="{_text(entry["dash"])}"' if entry["dash"] else ""
        rows.append(f'<path d="M{_number(left)},{_number(y - 4)} h26" stroke="{_text(entry["colour"])}" '
                    f'stroke-width="2"{dash}/><text x="{_number(left + 34)}" y="{_number(y)}" font-size="12">'
                    f"{_text(entry['text'])}</text>")
        y += 20
    rows.append(f'<text x="{_number(left)}" y="{_number(y + 8)}" font-size="12" fill="#555">'
                "Size: degree centrality</text>")
    return '<g class="legend" fill="#222">\n' + "\n".join(rows) + "\n</g>", y + 8 + _MARGIN
