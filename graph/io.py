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


def graph_from_data(data: dict, *, origin: str = "graph data") -> nx.MultiDiGraph:
    """Rebuild a graph from node-link data, checking that it is one of ours."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise GraphFileError(f"{origin}: not a knowledge graph (no 'nodes' and 'edges' lists); {_REBUILD}")
    for node in data["nodes"]:
        if not isinstance(node, dict) or "id" not in node or node.get("type") not in {"service", "concept"}:
            raise GraphFileError(f"{origin}: node {node!r:.80} lacks an id or a type; {_REBUILD}")
    attributes = data.get("graph", {})
    version = attributes.get("format", FORMAT_VERSION) if isinstance(attributes, dict) else None
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise GraphFileError(f"{origin}: graph format {version!r} is not one this version reads "
                             f"(format {FORMAT_VERSION}); {_REBUILD}")
    ids = {node["id"] for node in data["nodes"]}
    for edge in data["edges"]:
        if not isinstance(edge, dict) or not {"source", "target", "relation", "kind"} <= edge.keys():
            raise GraphFileError(f"{origin}: edge {edge!r:.80} lacks source, target, relation or kind; {_REBUILD}")
        if edge["source"] not in ids or edge["target"] not in ids:
            raise GraphFileError(f"{origin}: edge {edge['source']!r} -> {edge['target']!r} names a topic the file "
                                 f"does not list; {_REBUILD}")
    data = {**data, "directed": True, "multigraph": True}
    try:
        return nx.node_link_graph(data, edges="edges")
    except (KeyError, TypeError, nx.NetworkXError) as error:
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
        raise GraphFileError(f"{path}: corrupt JSON at line {error.lineno}; {_REBUILD}") from None
    return graph_from_data(data, origin=str(path))
