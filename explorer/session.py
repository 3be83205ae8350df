"""The graph a session explores: loaded once per file version, built with a progress bar.

The spaCy pipeline is cached with ``st.cache_resource`` (one per process); graphs are cached
with ``st.cache_data`` by file path and version, so a rerun never reads or parses notes
again. Each session also keeps its copy of the graph object, so the indexes ``graph``
derives per graph object (search, communities, paths) survive reruns.
"""
from __future__ import annotations

import json
import re
import shutil
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import streamlit as st

from graph import load_graph

from .settings import Settings

__all__ = ["SESSION_LIFETIME_SECONDS", "BuildReport", "LoadedGraph", "adopt_workspace", "build_shipped_graph", "build_with_progress",
           "expire_sessions", "forget_uploads", "language_pipeline", "load_build_report", "open_graph",
           "save_build_report", "save_session_uploads", "session_folder"]

# A session's uploads are kept this long after they last changed; then another session's
# upload deletes them, so a shared workspace does not grow without end.
SESSION_LIFETIME_SECONDS = 24 * 3600
_SESSION_NAME = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class LoadedGraph:
    """A graph with the key that names its file version in the caches."""

    key: str
    graph: nx.MultiDiGraph
    path: Path


@dataclass(frozen=True)
class BuildReport:
    """What a build read and skipped (each problem as "file: reason")."""

    notes: tuple[str, ...]
    problems: tuple[str, ...]
    topics: int
    edges: int


@st.cache_resource(show_spinner="Loading the language model…")
def language_pipeline():
    """spaCy's English pipeline, loaded once per process (extract imports spaCy: only now)."""
    from extract.parse.pipeline import load_pipeline
    return load_pipeline()


@st.cache_data(show_spinner="Loading the graph…", max_entries=8)
def stored_graph(path: str, version: tuple[int, int]) -> nx.MultiDiGraph:
    """The graph saved at ``path``; ``version`` (modification time, size) reloads a changed file."""
    return load_graph(Path(path))


def open_graph(path: Path) -> LoadedGraph:
    """The graph at ``path`` for this session; raises ``graph.GraphFileError`` (missing, corrupt)."""
    try:
        stat = path.stat()
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = (0, 0)  # load_graph says what is wrong with it
    key = f"{path}|{version[0]}|{version[1]}"
    held: dict[str, LoadedGraph] = st.session_state.setdefault("_graphs", {})
    if key not in held:
        loaded = LoadedGraph(key, stored_graph(str(path), version), path)
        for old in [old for old, graph in held.items() if graph.path == path]:
            del held[old]
        held[key] = loaded
    return held[key]


def build_with_progress(folders: Sequence[Path], out: Path, *, cache_dir: Path | None = None) -> BuildReport:
    """Build the graph of the notes in ``folders`` into ``out`` with a progress bar (one call
    into ``graph.build_notes_graph``, reusing and filling ``cache_dir`` when given)."""
    from graph.build import build_notes_graph

    bar = st.progress(0.0, text="Loading the language model…")

    def progress(fraction: float, message: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=message)

    try:
        built = build_notes_graph(list(folders), out, cache_dir=cache_dir, nlp=language_pipeline(), progress=progress)
    finally:
        bar.empty()
    extraction = built.extraction
    return BuildReport(tuple(note.doc for note in extraction.notes),
                       tuple(f"{problem.path}: {problem.reason}" for problem in extraction.problems),
                       built.graph.number_of_nodes(), built.graph.number_of_edges())


def build_shipped_graph(settings: Settings) -> BuildReport:
    """Build the shipped graph from ``settings.notes_dir``, reusing (and filling) the command
    line's extraction cache, so unchanged notes, vocabulary and extractor skip spaCy."""
    return build_with_progress([settings.notes_dir], settings.graph_path, cache_dir=settings.cache_dir)


def session_folder(settings: Settings) -> Path:
    """This session's own folder in the workspace (named by a random id, never by the user)."""
    ident = st.session_state.setdefault("_workspace_id", uuid.uuid4().hex)
    return settings.workspace / ident


def adopt_workspace(settings: Settings, ident: str) -> Path | None:
    """Make the workspace named ``ident`` (the URL names it, so a reload finds it) this
    session's, when it still holds a graph built from uploads; return that graph file, or None
    (not a workspace name, expired or removed, or never built)."""
    if not _SESSION_NAME.fullmatch(ident or ""):
        return None
    folder = settings.workspace / ident
    graph = folder / "graph.json"
    if folder.is_symlink() or graph.is_symlink() or not graph.is_file():
        return None
    st.session_state["_workspace_id"] = ident
    return graph


def save_build_report(report: BuildReport, folder: Path) -> None:
    """Keep what a build of uploads read beside its graph, for the sessions that reopen it."""
    (folder / "report.json").write_text(json.dumps(report.__dict__, ensure_ascii=False), encoding="utf-8")


def load_build_report(folder: Path) -> BuildReport | None:
    """The report :func:`save_build_report` kept in ``folder``, or None."""
    try:
        saved = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        return BuildReport(tuple(map(str, saved["notes"])), tuple(map(str, saved["problems"])), int(saved["topics"]),
                           int(saved["edges"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_session_uploads(files: Sequence, settings: Settings, *, taken: Sequence[str] = ()) -> tuple[Path, list[str]]:
    """Replace this session's uploaded notes with ``files`` (Streamlit's uploaded files).

    Returns the folder holding them and a message per file refused ("name: reason").
    ``extract.read.uploads`` sanitises names and never writes outside the folder.
    """
    from extract.read import Upload, UploadLimits, save_uploads

    expire_sessions(settings.workspace, keep=session_folder(settings).name)
    folder = session_folder(settings) / "notes"
    if folder.is_dir():
        shutil.rmtree(folder)  # the folder is ours: a random id under the workspace
    uploads = [Upload(file.name, file.getvalue()) for file in files]
    _, problems = save_uploads(uploads, folder, limits=UploadLimits(settings.max_files, settings.max_bytes), taken=taken)
    return folder, [f"{problem.path}: {problem.reason}" for problem in problems]


def expire_sessions(workspace: Path, *, keep: str = "", now: float | None = None) -> list[str]:
    """Delete the session folders of ``workspace`` unchanged for longer than
    ``SESSION_LIFETIME_SECONDS`` (never ``keep``, nor anything not named like a session);
    return the names deleted."""
    now = time.time() if now is None else now
    deleted = []
    for folder in sorted(workspace.iterdir()) if workspace.is_dir() else []:
        if folder.name == keep or not _SESSION_NAME.fullmatch(folder.name) or folder.is_symlink() or not folder.is_dir():
            continue
        changed = max([folder.stat().st_mtime] + [path.stat().st_mtime for path in folder.rglob("*") if not path.is_symlink()])
        if now - changed > SESSION_LIFETIME_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
            deleted.append(folder.name)
    return deleted


def forget_uploads(settings: Settings) -> None:
    """Delete this session's uploaded notes and the graph built from them."""
    folder = session_folder(settings)
    if folder.is_dir():
        shutil.rmtree(folder)
