"""Notes uploaded by a user: safe file names, limits, and a workspace they never leave."""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model import Problem
from .file_types import binary_kind
from .files import NOTE_EXTENSIONS

__all__ = ["Upload", "UploadLimits", "sanitise_filename", "save_uploads"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")
_SPACES = re.compile(r"\s+")
_MAX_NAME = 100


@dataclass(frozen=True)
class Upload:
    """A file as the browser sent it: the name it claims and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class UploadLimits:
    """How many files, and how large each, one upload may bring."""

    max_files: int = 20
    max_bytes: int = 2_000_000  # per file


def sanitise_filename(name: str) -> str:
    """A plain file name safe to write anywhere: no folders, no control characters, no
    leading dots, ASCII letters, digits, dots, dashes, underscores and spaces only.

    >>> sanitise_filename("../../etc/passwd.md")
    'passwd.md'
    >>> sanitise_filename("C:\\\\notes\\\\Étude <1>.MD")
    'Etude 1.md'
    """
    base = re.split(r"[\\/]", name)[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = _SPACES.sub(" ", _UNSAFE.sub("", base)).strip(" .")
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = stem.strip(" .-") or "note"
    extension = extension.lower()
    limit = _MAX_NAME - len(extension) - 1
    return f"{stem[:limit].rstrip(' .')}.{extension}" if extension else stem[:_MAX_NAME]


def _unique(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    stem, _, extension = name.rpartition(".")
    number = 2
    while f"{stem}-{number}.{extension}".casefold() in taken:
        number += 1
    return f"{stem}-{number}.{extension}"


def save_uploads(uploads: Iterable[Upload], workspace: Path, *, limits: UploadLimits = UploadLimits(),
                 taken: Iterable[str] = ()) -> tuple[list[Path], list[Problem]]:
    """Write the acceptable uploads into ``workspace`` and report the others by name.

    A file is refused when its type is not a note type, when it is empty or larger than
    the limit, when its content is not text whatever its name says (an image, an archive),
    or when it comes after the maximum number of files; names that clash
    with ``taken`` (e.g. the shipped notes) or with each other get a numbered suffix.
    Nothing is ever written outside ``workspace``.
    """
    workspace = Path(workspace)
    workspace.mkdir(parents=True, exist_ok=True)
    root = workspace.resolve()
    used = {name.casefold() for name in taken} | {p.name.casefold() for p in root.iterdir() if p.is_file()}
    saved: list[Path] = []
    problems: list[Problem] = []
    for upload in uploads:
        shown = upload.name or "(unnamed)"
        name = sanitise_filename(upload.name)
        extension = "." + name.rpartition(".")[2] if "." in name else ""
        if extension not in NOTE_EXTENSIONS:
            problems.append(Problem(shown, f"skipped: only {', '.join(sorted(NOTE_EXTENSIONS))} notes can be uploaded"))
        elif not upload.data.strip():
            problems.append(Problem(shown, "skipped: the file is empty"))
        elif len(upload.data) > limits.max_bytes:
            problems.append(Problem(shown, f"skipped: larger than {limits.max_bytes // 1000} KB"))
        elif (kind := binary_kind(upload.data)) is not None:
            problems.append(Problem(shown, f"skipped: the file is {kind}, not text"))
        elif len(saved) >= limits.max_files:
            problems.append(Problem(shown, f"skipped: at most {limits.max_files} files can be uploaded at once"))
        else:
            name = _unique(name, used)
            target = (root / name).resolve()
            if target.parent != root:  # sanitising makes this impossible; refuse rather than trust it
                problems.append(Problem(shown, "skipped: unsafe file name"))
                continue
            _write_atomically(target, upload.data)
            used.add(name.casefold())
            saved.append(target)
    return saved, problems


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=".upload-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
