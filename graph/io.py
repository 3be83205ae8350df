"""Read and write graphs as networkx node-link JSON, atomically and with clear errors.

Loading a big graph makes millions of small objects at once; Python's cycle collector would
walk them again and again as they appear (two thirds of the load time of a 100,000-topic
graph), so it is paused while a file is read and built (see :mod:`graph.collector`).

The file is parsed by pydantic-core's JSON parser (a Rust one, installed with spaCy's pydantic),
straight from the file's bytes: a 215 MB graph file reads and parses in about 1.0 s, against
1.4 s for ``read_text`` and ``json.loads``. Where it refuses a file, the standard library
parses it again, so a file loads as ``json.loads`` reads it (it also takes a lone surrogate
escape and deeper nesting) and a bad one fails with the standard library's line and column.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
from pydantic_core import from_json

from .collector import collector_paused
from .node_link import FORMAT_VERSION, REBUILD, GraphFileError, graph_from_node_link

__all__ = ["GraphFileError", "save_graph", "load_graph", "graph_to_data", "graph_from_data", "write_atomically",
           "FORMAT_VERSION"]

_REBUILD = REBUILD
_ITEMS_PER_PIECE = 1000  # topics or edges encoded at a time when a graph is saved


def graph_to_data(graph: nx.MultiDiGraph) -> dict:
    """The node-link form: ``{"nodes": [...], "edges": [...], "graph": {...}}``."""
    data = nx.node_link_data(graph, edges="edges")
    data["graph"] = {**data.get("graph", {}), "format": FORMAT_VERSION}
    return data


def graph_from_data(data: dict, *, origin: str = "graph data") -> nx.MultiDiGraph:
    """Rebuild a graph from node-link data, checking that it is one of ours (every field
    the explorer reads present and of its type), so a foreign file fails here, not later.
    ``data`` is left as it was."""
    return _assembled(data, origin, reuse=False)


def _assembled(data: object, origin: str, *, reuse: bool) -> nx.MultiDiGraph:
    try:
        return graph_from_node_link(data, origin, reuse=reuse)
    except (KeyError, TypeError, ValueError, nx.NetworkXError) as error:
        raise GraphFileError(f"{origin}: cannot be read as a graph ({error}); {_REBUILD}") from None


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of bytes written as they come) to ``path`` through a
    temporary file in the same folder, then move it into place, so a reader never sees half a
    file (the folder is created if need be)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, (bytes, bytearray, memoryview)):
                stream.write(data)
            else:
                stream.writelines(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_graph(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write the graph as JSON: to a temporary file first, then into place, so a reader
    never sees half a file."""
    write_atomically(Path(path), _json_pieces(graph_to_data(graph)))


def _json_pieces(data: dict, items_per_piece: int = _ITEMS_PER_PIECE) -> Iterator[bytes]:
    """``json.dumps(data, ensure_ascii=False, separators=(",", ":"))`` in UTF-8, in pieces: the
    nodes and the edges ``items_per_piece`` at a time. The whole text is never held: a
    build of 30 M characters of notes writes 112 MB of JSON, which as one str (two bytes a
    character once a topic name has a character past Latin-1) and its bytes took 340 MB more,
    at the moment the build held the most already."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    yield b"{"
    for number, (name, value) in enumerate(data.items()):
        yield f"{',' if number else ''}{encode(name)}:".encode()
        if name in ("nodes", "edges") and isinstance(value, list):
            yield b"["
            for start in range(0, len(value), items_per_piece):
                items = encode(value[start:start + items_per_piece])[1:-1]  # without the list's brackets
                yield f"{',' if start else ''}{items}".encode()
            yield b"]"
        else:
            yield encode(value).encode()
    yield b"}"


def load_graph(path: Path) -> nx.MultiDiGraph:
    """Load a graph written by :func:`save_graph`; raise :class:`GraphFileError` with a
    message that says how to rebuild it when the file is missing or corrupt."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise GraphFileError(f"{path}: no graph file; {_REBUILD}") from None
    except OSError as error:
        raise GraphFileError(f"{path}: cannot be read ({error}); {_REBUILD}") from None
    with collector_paused():
        data = _parsed(content, path)
        del content
        return _assembled(data, str(path), reuse=True)


def _parsed(content: bytes, path: Path) -> object:
    """The JSON value of ``content``, as ``json.loads`` gives it (see the module's docstring)."""
    try:
        return from_json(content, cache_strings="keys")  # a field name is then one object, not one per item
    except ValueError:
        pass
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise GraphFileError(f"{path}: cannot be read ({error}); {_REBUILD}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        ends_early = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        truncated = " (the file ends early: a write was cut short)" if ends_early else ""
        raise GraphFileError(f"{path}: corrupt JSON at line {error.lineno}{truncated}; {_REBUILD}") from None
    except RecursionError:
        raise GraphFileError(f"{path}: not a knowledge graph (JSON nested too deep); {_REBUILD}") from None
