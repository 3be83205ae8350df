"""One content-hash store for per-note findings.

A note's findings depend only on its name, its bytes and the extractor (the code of
``extract/``, the vocabulary files and the spaCy pipeline): that is their key. The last
parses of each note are kept too, by the note's name, so an edited note parses only the
passages that changed. Writes are atomic; a cache that cannot be read or written only
costs time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .findings import NoteFindings, SectionFindings
from .model import Note, Section

__all__ = ["FindingsCache", "extractor_version"]

_PACKAGE = Path(__file__).resolve().parent


def extractor_version(content_dir: Path, model: str) -> str:
    """A hash of what findings depend on besides the note: the code, the vocabulary, the model."""
    digest = hashlib.sha256(model.encode())
    for root in (_PACKAGE, Path(content_dir)):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "notes" not in path.relative_to(root).parts and path.suffix in {".py", ".yaml", ".txt"}:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


class FindingsCache:
    """Findings of notes, and of their sections, under ``directory`` for one extractor ``version``."""

    def __init__(self, directory: Path, version: str):
        self.directory = Path(directory)
        self.version = version

    def _name_part(self, name: str) -> str:
        return hashlib.sha256(name.encode()).hexdigest()[:16]

    def _findings_path(self, name: str, data: bytes) -> Path:
        key = hashlib.sha256(self.version.encode() + b"\0" + name.encode() + b"\0" + data).hexdigest()[:32]
        return self.directory / "findings" / f"{self._name_part(name)}-{key}.pickle"

    def load(self, name: str, data: bytes) -> tuple[NoteFindings, list[str]] | None:
        """The findings and repairs of note ``name`` read from ``data`` before, or None."""
        try:
            return pickle.loads(self._findings_path(name, data).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def store(self, name: str, data: bytes, value: tuple[NoteFindings, list[str]]) -> None:
        """Keep the findings of ``name``; its earlier versions' findings go."""
        path = self._findings_path(name, data)
        _write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        for other in path.parent.glob(f"{self._name_part(name)}-*.pickle"):
            if other != path:
                other.unlink(missing_ok=True)

    def section_key(self, note: Note, section: Section) -> str:
        """What one section's findings depend on: the extractor, the note's name and format
        (a flashcard's first line defines its term), and the section itself."""
        text = repr((self.version, note.doc, note.format, section))
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def _sections_path(self, name: str) -> Path:
        return self.directory / "sections" / f"{self._name_part(name)}.pickle"

    def load_sections(self, name: str) -> dict[str, SectionFindings]:
        """The findings of the sections of the last version of note ``name``, by section key."""
        try:
            return pickle.loads(self._sections_path(name).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return {}

    def store_sections(self, name: str, sections: dict[str, SectionFindings]) -> None:
        _write(self._sections_path(name), pickle.dumps(sections, protocol=pickle.HIGHEST_PROTOCOL))


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        pass  # an unwritable cache only costs time next build
