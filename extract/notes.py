"""Find note files, pick the reader for each format and report what could not be read."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .cleaning import Boilerplate, repair_encoding
from .model import Note, Problem
from .read_flashcards import looks_like_flashcards, read_flashcards
from .read_markdown import read_markdown
from .read_plain import read_plain

__all__ = ["NOTE_EXTENSIONS", "detect_format", "read_note", "read_notes", "NoteError"]

NOTE_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".txt": "text"}
MAX_NOTE_BYTES = 5_000_000
_MARKDOWN_SIGNS = re.compile(r"^(?:#{1,6}\s|---\s*$)", re.MULTILINE)
_READERS = {"markdown": read_markdown, "plain": read_plain, "flashcards": read_flashcards}


class NoteError(ValueError):
    """A note file that cannot be read; the message names the file and the reason."""


def detect_format(path: Path, text: str) -> str:
    """The reader for a file: "markdown", "flashcards" or "plain" (text from a PDF).

    A ``.txt`` file is sniffed: numbered cards make a flashcard deck, markdown headings
    or front matter make markdown, anything else is plain text.
    """
    kind = NOTE_EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise NoteError(f"{path.name}: unsupported file type {path.suffix or '(none)'!r}; notes must be " + ", ".join(sorted(NOTE_EXTENSIONS)))
    if looks_like_flashcards(text):
        return "flashcards"
    if kind == "markdown" or len(_MARKDOWN_SIGNS.findall(text)) >= 2:
        return "markdown"
    return "plain"


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise NoteError(f"{path.name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise NoteError(f"{path.name}: cannot decode as UTF-8 (byte {error.start})") from None
        return text


def read_note(path: Path, boilerplate: Boilerplate | None = None, *, name: str | None = None) -> Note:
    """Read one note file into a :class:`Note`; raise :class:`NoteError` naming the file."""
    path = Path(path)
    name = name or path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NoteError(f"{name}: cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_NOTE_BYTES:
        raise NoteError(f"{name}: too large ({len(data) // 1_000_000} MB; the limit is {MAX_NOTE_BYTES // 1_000_000} MB)")
    text = repair_encoding(_decode(path, data)).replace("\r\n", "\n").replace("\r", "\n")
    note_format = detect_format(path, text)
    try:
        title, sections = _READERS[note_format](text, name, boilerplate)
    except Exception as error:  # a reader bug on odd input must not sink the other notes
        raise NoteError(f"{name}: could not be parsed as {note_format} ({type(error).__name__}: {error})") from None
    if not any(section.blocks for section in sections):
        raise NoteError(f"{name}: no text found")
    return Note(doc=name, format=note_format, title=title or path.stem, sections=sections)


def _note_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def read_notes(folder: Path, boilerplate: Boilerplate | None = None) -> tuple[list[Note], list[Problem]]:
    """Read every note under ``folder``. Unreadable or unsupported files become
    :class:`Problem` entries and the rest still load."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NoteError(f"{folder}: no such folder of notes")
    notes: list[Note] = []
    problems: list[Problem] = []
    for path in _note_files(folder):
        name = path.relative_to(folder).as_posix()
        if path.suffix.lower() not in NOTE_EXTENSIONS:
            problems.append(Problem(name, f"skipped: unsupported file type {path.suffix or '(none)'!r}"))
            continue
        try:
            notes.append(read_note(path, boilerplate, name=name))
        except NoteError as error:
            problems.append(Problem(name, str(error).removeprefix(f"{name}: ")))
    return notes, problems
