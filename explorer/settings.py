"""Where the explorer finds its graph, its notes and the workspace for uploads.

Each path can be set by an environment variable, so tests (and users) can point the app
at another graph without touching the shipped one:

- ``NOTES_GRAPH_PATH``: the graph file to explore (default ``build/graph.json``);
- ``NOTES_DIR``: the notes to build it from when it is missing (default ``content/notes``);
- ``NOTES_WORKSPACE``: where uploaded notes go, one folder per session (default ``workspace/``);
- ``NOTES_CACHE_DIR``: the extraction cache shared with ``python -m graph build`` (default ``build/cache``).

Relative paths are taken from the repository, not from the current directory.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["REPOSITORY", "Settings"]

REPOSITORY = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """The explorer's paths and upload limits."""

    graph_path: Path
    notes_dir: Path
    workspace: Path
    cache_dir: Path = REPOSITORY / "build" / "cache"
    max_files: int = 20
    max_bytes: int = 2_000_000

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> Settings:
        """The settings given by ``environ`` (default ``os.environ``), with the defaults above.

        >>> Settings.from_environment({"NOTES_GRAPH_PATH": "/tmp/g.json"}).graph_path
        PosixPath('/tmp/g.json')
        >>> Settings.from_environment({}).workspace == REPOSITORY / "workspace"
        True
        """
        environ = os.environ if environ is None else environ

        def path(name: str, default: str) -> Path:
            value = Path(environ.get(name) or default).expanduser()
            return value if value.is_absolute() else REPOSITORY / value

        return cls(graph_path=path("NOTES_GRAPH_PATH", "build/graph.json"),
                   notes_dir=path("NOTES_DIR", "content/notes"),
                   workspace=path("NOTES_WORKSPACE", "workspace"), cache_dir=path("NOTES_CACHE_DIR", "build/cache"))
