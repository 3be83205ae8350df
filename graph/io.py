"""Read and write graphs as networkx node-link JSON, atomically and with clear errors."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import networkx as nx

__all__ = ["GraphFileError", "save_graph", "load_graph", "graph_to_data", "graph_from_data", "write_atomically", "FORMAT_VERSION"]

FORMAT_VERSION = 1
_REBUILD = "rebuild it with: python -m graph build"


class GraphFileError(ValueError):
    """A graph file that is missing, corrupt or not a graph of this tool."""


def graph_to_data(graph: nx.MultiDiGraph) -> dict:
    """The node-link form: ``{"nodes": [...], "edges": [...], "graph": {...}}``."""
    data = nx.node_link_data(graph, edges="edges")
    data["graph"] = {**data.get("graph", {}), "format": FORMAT_VERSION}
    return data


_NODE_FIELDS = {"id": str, "type": str, "label": str, "category": str, "parent": str, "definition": str,
                "aliases": list, "sources": list}
_EDGE_FIELDS = {"source": str, "target": str, "relation": str, "kind": str, "negated": bool, "evidence": list,
                "count": int}
_EVIDENCE_FIELDS = {"doc": str, "section": str, "line": int, "sentence": str}
_NODE_TYPES = {"service", "concept"}


def _wrong_field(item: object, fields: dict[str, type]) -> str | None:
    """The first field of ``item`` that is missing or of the wrong type (None when all are right)."""
    if not isinstance(item, dict):
        return "(not an object)"
    for name, kind in fields.items():
        if not isinstance(item.get(name), kind):
            return name
    return None


def _check(data: object, origin: str) -> None:
    """Raise :class:`GraphFileError` unless ``data`` is node-link data as :func:`graph_to_data`
    writes it: every field the explorer reads is there, with its type."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise GraphFileError(f"{origin}: not a knowledge graph (no 'nodes' and 'edges' lists); {_REBUILD}")
    attributes = data.get("graph", {})
    version = attributes.get("format", FORMAT_VERSION) if isinstance(attributes, dict) else None
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise GraphFileError(f"{origin}: graph format {version!r} is not one this version reads "
                             f"(format {FORMAT_VERSION}); {_REBUILD}")
    for node in data["nodes"]:
        if not isinstance(node, dict) or not isinstance(node.get("id"), str) or node.get("type") not in _NODE_TYPES:
            raise GraphFileError(f"{origin}: node {node!r:.80} lacks an id or a type; {_REBUILD}")
        wrong = _wrong_field(node, _NODE_FIELDS) or ("aliases" if not all(isinstance(a, str) for a in node["aliases"])
                                                      else "sources" if not all(isinstance(d, str) for d in node["sources"])
                                                      else None)
        if wrong:
            raise GraphFileError(f"{origin}: node {node['id']!r:.80} has no valid {wrong!r}; {_REBUILD}")
    ids = {node["id"] for node in data["nodes"]}
    for edge in data["edges"]:
        if not isinstance(edge, dict) or not {"source", "target", "relation", "kind"} <= edge.keys():
            raise GraphFileError(f"{origin}: edge {edge!r:.80} lacks source, target, relation or kind; {_REBUILD}")
        wrong = _wrong_field(edge, _EDGE_FIELDS) or next(
            (f"evidence {field}" for item in edge["evidence"] if (field := _wrong_field(item, _EVIDENCE_FIELDS))), None)
        if wrong:
            raise GraphFileError(f"{origin}: edge {edge['source']!r:.60} -> {edge['target']!r:.60} has no valid "
                                 f"{wrong!r}; {_REBUILD}")
        if edge["source"] not in ids or edge["target"] not in ids:
            raise GraphFileError(f"{origin}: edge {edge['source']!r} -> {edge['target']!r} names a topic the file "
                                 f"does not list; {_REBUILD}")


def graph_from_data(data: dict, *, origin: str = "graph data") -> nx.MultiDiGraph:
    """Rebuild a graph from node-link data, checking that it is one of ours (every field
    the explorer reads present and of its type), so a foreign file fails here, not later."""
    _check(data, origin)
    data = {**data, "directed": True, "multigraph": True}
    try:
        return nx.node_link_graph(data, edges="edges")
    except (KeyError, TypeError, ValueError, nx.NetworkXError) as error:
        raise GraphFileError(f"{origin}: cannot be read as a graph ({error}); {_REBUILD}") from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then move it
    into place, so a reader never sees half a file (the folder is created if need be)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_graph(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write the graph as JSON: to a temporary file first, then into place, so a reader
    never sees half a file."""
    text = json.dumps(graph_to_data(graph), ensure_ascii=False, separators=(",", ":"))
    write_atomically(Path(path), text.encode("utf-8"))


def load_graph(path: Path) -> nx.MultiDiGraph:
    """Load a graph written by :func:`save_graph`; raise :class:`GraphFileError` with a
    message that says how to rebuild it when the file is missing or corrupt."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GraphFileError(f"{path}: no graph file; {_REBUILD}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GraphFileError(f"{path}: cannot be read ({error}); {_REBUILD}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        ends_early = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        truncated = " (the file ends early: a write was cut short)" if ends_early else ""
        raise GraphFileError(f"{path}: corrupt JSON at line {error.lineno}{truncated}; {_REBUILD}") from None
    except RecursionError:
        raise GraphFileError(f"{path}: not a knowledge graph (JSON nested too deep); {_REBUILD}") from None
    return graph_from_data(data, origin=str(path))
