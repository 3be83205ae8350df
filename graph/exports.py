"""Export a graph or a view as HTML, an SVG picture, node-link JSON, GraphML, GEXF, CSV tables or for Neo4j.

GraphML and GEXF only hold plain values, so list attributes are flattened: ``aliases``
and ``sources`` become ``"a; b"``, ``evidence`` becomes its sentences one per line plus the
first sentence's ``doc``, ``section`` and ``line``. Gephi and networkx load both
(``nx.read_graphml(path, force_multigraph=True)`` keeps the edge keys of a file whose
topics are never linked twice; ``nx.read_gexf`` then gives a simple graph).
CSV comes as a zip of ``nodes.csv``, ``edges.csv`` and ``evidence.csv`` (one row per sentence).
For Neo4j: "neo4j" is a zip of ``neo4j-admin`` import files (:mod:`graph.neo4j_import`),
"cypher" a script for ``cypher-shell`` (:mod:`graph.neo4j_cypher`) and "graphml-apoc"
GraphML for ``apoc.import.graphml`` (:mod:`graph.neo4j_graphml`). "svg" is a picture of the
view as the explorer's map draws it (:mod:`graph.svg_export`).
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx

from .html_export import to_pyvis_html
from .network_data import COMMUNITY_COLOURS, TYPE_COLOURS
from .insights import centrality
from .io import graph_to_data, write_atomically
from .neo4j_cypher import to_cypher_script
from .neo4j_graphml import to_apoc_graphml
from .neo4j_import import neo4j_import_files

__all__ = ["EXPORT_FORMATS", "csv_tables", "export_graph", "flatten_attributes", "write_export"]

EXPORT_FORMATS = ("html", "svg", "json", "graphml", "gexf", "csv", "neo4j", "cypher", "graphml-apoc")
LIST_SEPARATOR = "; "
NODE_COLUMNS = ("id", "label", "type", "category", "parent", "aliases", "definition", "sources", "degree")
EDGE_COLUMNS = ("source", "target", "relation", "kind", "negated", "count", "sentence", "doc", "section", "line")
EVIDENCE_COLUMNS = ("source", "target", "relation", "kind", "negated", "sentence", "doc", "section", "line", "places")


def export_graph(graph: nx.Graph, format: str, **drawing_options) -> bytes:
    """The graph (or view) in ``format``: "html", "svg", "json", "graphml", "gexf", "csv" (a zip),
    "neo4j" (a zip), "cypher" or "graphml-apoc".

    ``drawing_options`` go to :func:`~graph.html_export.to_pyvis_html` (title, color_by...)
    or :func:`~graph.svg_export.to_svg` (title, color_by, max_nodes, highlight, positions).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("S3", label="S3", type="service", aliases=["Simple Storage Service"], sources=["a.md"])
    >>> b"Simple Storage Service" in export_graph(g, "graphml")
    True
    """
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {format!r} (known: {', '.join(EXPORT_FORMATS)})")
    if drawing_options and format not in ("html", "svg"):
        raise TypeError(f"options {sorted(drawing_options)} only apply to the html and svg formats, not {format!r}")
    if format == "html":
        return to_pyvis_html(graph, **drawing_options).encode("utf-8")
    if format == "svg":
        from .svg_export import to_svg  # numpy: loaded when a picture is drawn, not for every command

        return to_svg(graph, **drawing_options).encode("utf-8")
    if format == "json":
        return json.dumps(graph_to_data(graph), ensure_ascii=False, indent=1).encode("utf-8")
    if format == "graphml":
        return "\n".join(nx.generate_graphml(flatten_attributes(graph))).encode("utf-8")
    if format == "gexf":
        return "\n".join(nx.generate_gexf(_with_visuals(flatten_attributes(graph)))).encode("utf-8")
    if format == "neo4j":
        return _zip(neo4j_import_files(graph))
    if format == "cypher":
        return to_cypher_script(graph).encode("utf-8")
    if format == "graphml-apoc":
        return to_apoc_graphml(graph).encode("utf-8")
    return _zip(csv_tables(graph))


def write_export(graph: nx.Graph, format: str, path: Path, **drawing_options) -> list[Path]:
    """Write :func:`export_graph` to ``path`` atomically and return the files written.

    For "csv", a path ending in ``.zip`` gets the zip; any other path ``P`` gets three
    files: ``P.nodes.csv``, ``P.edges.csv`` and ``P.evidence.csv`` (``P`` without ``.csv``).
    For "neo4j", a path ending in ``.zip`` gets the zip; any other path is a folder that
    gets ``nodes.csv``, ``relationships.csv`` and ``import.sh``.
    """
    path = Path(path)
    zipped = path.suffix.lower() == ".zip"
    if format == "csv" and not zipped:
        stem = path.with_suffix("") if path.suffix.lower() == ".csv" else path
        return _write_files({stem.with_name(f"{stem.name}.{name}"): table for name, table in csv_tables(graph).items()})
    if format == "neo4j" and not zipped:
        return _write_files({path / name: text for name, text in neo4j_import_files(graph).items()})
    write_atomically(path, export_graph(graph, format, **drawing_options))
    return [path]


def _write_files(files: dict[Path, str]) -> list[Path]:
    for target, text in files.items():
        write_atomically(target, text.encode("utf-8"))
    return list(files)


def flatten_attributes(graph: nx.Graph) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose attributes are all str, int, float or bool."""
    flat = nx.MultiDiGraph() if graph.is_directed() else nx.MultiGraph()
    flat.graph.update({key: _plain(value) for key, value in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{key: _plain(value) for key, value in data.items()})
    for source, target, key, data in _edges(graph):
        values = {name: _plain(value) for name, value in data.items() if name != "evidence"}
        evidence = data.get("evidence") or []
        first = evidence[0] if evidence else {}
        values.update(
            evidence="\n".join(str(item.get("sentence", "")) for item in evidence),
            evidence_docs=LIST_SEPARATOR.join(sorted({str(item.get("doc", "")) for item in evidence} - {""})),
            doc=str(first.get("doc", "")), section=str(first.get("section", "")), line=int(first.get("line", 0) or 0),
        )
        flat.add_edge(source, target, key=key, **values)
    return flat


def csv_tables(graph: nx.Graph) -> dict[str, str]:
    """``nodes.csv``, ``edges.csv`` (best sentence per edge) and ``evidence.csv`` (every sentence).

    Cells that a spreadsheet would run as a formula (starting with = + - @) get a leading '.
    """
    degree = dict(graph.degree())
    nodes = [[node, data.get("label", node), data.get("type", ""), data.get("category", ""), data.get("parent", ""),
              _plain(data.get("aliases", [])), data.get("definition", ""), _plain(data.get("sources", [])), degree[node]]
             for node, data in graph.nodes(data=True)]
    edges, evidence_rows = [], []
    for source, target, _, data in _edges(graph):
        evidence = data.get("evidence") or []
        first = evidence[0] if evidence else {}
        common = [source, target, data.get("relation", ""), data.get("kind", ""), bool(data.get("negated"))]
        edges.append(common + [data.get("count", len(evidence)), first.get("sentence", ""), first.get("doc", ""),
                               first.get("section", ""), first.get("line", "")])
        for item in evidence:
            places = [f"{place.get('doc', '')} | {place.get('section', '')} | {place.get('line', '')}"
                      for place in item.get("sources") or ()]
            evidence_rows.append(common + [item.get("sentence", ""), item.get("doc", ""), item.get("section", ""),
                                           item.get("line", ""), LIST_SEPARATOR.join(places)])
    return {"nodes.csv": _csv(NODE_COLUMNS, nodes), "edges.csv": _csv(EDGE_COLUMNS, edges),
            "evidence.csv": _csv(EVIDENCE_COLUMNS, evidence_rows)}


def _edges(graph: nx.Graph):
    if graph.is_multigraph():
        yield from graph.edges(keys=True, data=True)
    else:
        for number, (source, target, data) in enumerate(graph.edges(data=True)):
            yield source, target, number, data


def _plain(value: object) -> str | int | float | bool:
    """A value GraphML and GEXF can hold: lists joined, dicts as JSON, None as ""."""
    if isinstance(value, (str, int, float, bool)):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        if all(isinstance(item, (str, int, float)) for item in value):
            return LIST_SEPARATOR.join(map(str, value))
    return json.dumps(value, ensure_ascii=False, default=str)


def _with_visuals(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Gephi's colour (by type) and size (by degree) on each node, under GEXF's ``viz``."""
    strength = centrality(graph, measure="degree")
    top = max(strength.values(), default=0.0) or 1.0
    for node, data in graph.nodes(data=True):
        colour = TYPE_COLOURS.get(data.get("type"), COMMUNITY_COLOURS[-1]).lstrip("#")
        red, green, blue = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
        data["viz"] = {"color": {"r": red, "g": green, "b": blue, "a": 1.0},
                       "size": round(4 + 16 * strength.get(node, 0.0) / top, 2)}
    return graph


def _csv(columns: tuple[str, ...], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[_spreadsheet_safe(cell) for cell in row] for row in rows])
    return buffer.getvalue()


def _spreadsheet_safe(cell: object) -> object:
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def _zip(tables: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, table in tables.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # same bytes for the same graph
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, table)
    return buffer.getvalue()
