"""Find note files, read their bytes, pick the reader for each format and report what could not be read.

Notes are user files of unknown quality: every file that cannot be read becomes one
:class:`Problem` naming it and saying why, and every other note still loads. A note read
with repairs (not UTF-8, invalid front matter) is kept, with one problem saying so.

Reading is two steps, so that a cache can key a note by its bytes without reading it:
:func:`note_bytes` (the file's bytes, within the size limit) and :func:`note_from_bytes`
(sniffing, decoding, repairs, format detection and the reader).
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..model import Note, Problem
from .cleaning import Boilerplate, repair_encoding
from .file_types import binary_kind
from .flashcards import looks_like_flashcards, read_flashcards
from .front_matter import front_matter_problem
from .markdown import read_markdown
from .plain import read_plain

__all__ = ["NOTE_EXTENSIONS", "MAX_NOTE_BYTES", "NoteError", "detect_format", "decode_note", "note_bytes",
           "note_from_bytes", "load_note", "note_files", "load_notes", "nothing_to_build"]

NOTE_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".txt": "text"}
MAX_NOTE_BYTES = 2_000_000  # about a minute of extraction; larger notes are refused, not half-read
_MARKDOWN_SIGNS = re.compile(r"^(?:#{1,6}\s|---\s*$)", re.MULTILINE)
_READERS = {"markdown": read_markdown, "plain": read_plain, "flashcards": read_flashcards}
Folders = Path | str | Sequence[Path | str]


class NoteError(ValueError):
    """A note file that cannot be read; the message names the file and the reason."""


def detect_format(path: Path, text: str) -> str:
    """The reader for a file: "markdown", "flashcards" or "plain" (text from a PDF).

    A ``.txt`` file is sniffed: numbered cards make a flashcard deck, markdown headings
    or front matter make markdown, anything else is plain text.
    """
    return _detect_format(Path(path).name, Path(path).suffix, text)


def _detect_format(name: str, suffix: str, text: str) -> str:
    kind = NOTE_EXTENSIONS.get(suffix.lower())
    if kind is None:
        raise NoteError(f"{name}: unsupported file type {suffix or '(none)'!r}; notes must be " + ", ".join(sorted(NOTE_EXTENSIONS)))
    if looks_like_flashcards(text):
        return "flashcards"
    if kind == "markdown" or len(_MARKDOWN_SIGNS.findall(text)) >= 2:
        return "markdown"
    return "plain"


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as "surrogateescape" keeps it


def _windows_1252(match: re.Match) -> str:
    """A byte that is not UTF-8 read as Windows-1252 (Latin-1 with curly quotes), or dropped."""
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="ignore")


def decode_note(data: bytes) -> tuple[str, str]:
    """Decode a note's bytes: ``(text, repair)`` where ``repair`` says what was not UTF-8
    ("" when nothing was). UTF-8 is expected; UTF-16 with a byte-order mark is read as such;
    any byte that is not UTF-8 is read as Windows-1252, so Latin-1 notes and notes with a
    few stray Latin-1 bytes keep their text.

    >>> decode_note("Café".encode("latin-1"))
    ('Café', 'not UTF-8: 1 byte read as Latin-1/Windows-1252')
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").replace("\ufffd", ""), ""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(text))
    plural = "byte" if bad == 1 else "bytes"
    return _ESCAPED_BYTE.sub(_windows_1252, text), f"not UTF-8: {bad} {plural} read as Latin-1/Windows-1252"


def note_bytes(path: Path, name: str) -> bytes:
    """The bytes of the note file at ``path``; raise :class:`NoteError` naming it ``name``
    when it is over :data:`MAX_NOTE_BYTES` or cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_NOTE_BYTES:
            raise NoteError(f"{name}: too large ({size / 1e6:.1f} MB; notes are read up to "
                            f"{MAX_NOTE_BYTES / 1e6:.1f} MB: split it into smaller notes)")
        return path.read_bytes()[:MAX_NOTE_BYTES + 1]
    except OSError as error:
        raise NoteError(f"{name}: cannot be read ({error.strerror or error})") from None


def note_from_bytes(name: str, data: bytes, boilerplate: Boilerplate | None = None, *,
                    suffix: str) -> tuple[Note, list[str]]:
    """Read a note's bytes into a :class:`Note` named ``name``, with the repairs made to read
    it (each a short phrase); ``suffix`` (``".md"``, ``".txt"``) picks the format. Raise
    :class:`NoteError` naming the note when its bytes are not text or hold no text.

    >>> note, repairs = note_from_bytes("s3.md", b"## S3\\n\\nAmazon S3 stores objects.\\n", suffix=".md")
    >>> note.sections[0].heading, note.sections[0].text, repairs
    ('S3', 'Amazon S3 stores objects.', [])
    """
    kind = binary_kind(data)
    if kind is not None:
        raise NoteError(f"{name}: the file is {kind}, not text")
    decoded, repair = decode_note(data)
    repairs = [repair] if repair else []
    text = repair_encoding(decoded).replace("\r\n", "\n").replace("\r", "\n")
    note_format = _detect_format(name, suffix, text)
    try:
        title, sections = _READERS[note_format](text, name, boilerplate)
    except Exception as error:  # a reader bug on odd input must not sink the other notes
        raise NoteError(f"{name}: could not be parsed as {note_format} ({type(error).__name__}: {error})") from None
    if not any(section.blocks for section in sections):
        raise NoteError(f"{name}: no text found")
    if note_format == "markdown" and (problem := front_matter_problem(text)):
        repairs.append(problem)
    return Note(doc=name, format=note_format, title=title or Path(name).stem, sections=sections), repairs


def load_note(path: Path, boilerplate: Boilerplate | None = None, *, name: str | None = None) -> Note:
    """Read one note file into a :class:`Note`; raise :class:`NoteError` naming the file."""
    path = Path(path)
    name = name or path.name
    return note_from_bytes(name, note_bytes(path, name), boilerplate, suffix=path.suffix)[0]


def _folder_files(folder: Path) -> Iterator[tuple[Path, str]]:
    """Every file under ``folder`` that is not hidden, with the reason to skip it ("" to read it)."""
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                yield path, "skipped: a link to a file outside the notes folder (not followed)"
                continue
            if not target.exists():
                yield path, "skipped: a link to a file that does not exist"
                continue
        if path.is_dir():
            continue
        if not path.is_file():
            yield path, "skipped: not a regular file"
        elif path.suffix.lower() not in NOTE_EXTENSIONS:
            yield path, f"skipped: unsupported file type {path.suffix or '(none)'!r}"
        else:
            yield path, ""


def _checked_folders(folders: Folders) -> list[Path]:
    """``folders`` as a list of paths, each checked to be a folder."""
    paths = [Path(folders)] if isinstance(folders, (str, Path)) else [Path(folder) for folder in folders]
    for folder in paths:
        if folder.is_file():
            raise NoteError(f"{folder}: is a file, not a folder of notes")
        if not folder.is_dir():
            raise NoteError(f"{folder}: no such folder of notes")
    return paths


def _discover(folders: Folders) -> Iterator[tuple[Path, str, str]]:
    """``(path, name, reason to skip it)`` of every file under the folders, in order.

    A note is named by its path in its folder; a name an earlier folder's note already has
    is qualified by its folder's name (``uploads/notes.md``). Skipped files keep their path.
    """
    taken: set[str] = set()
    for folder in _checked_folders(folders):
        named: set[str] = set()
        for path, skip in _folder_files(folder):
            name = path.relative_to(folder).as_posix()
            if not skip:
                name = f"{folder.name}/{name}" if name in taken else name
                named.add(name)
            yield path, name, skip
        taken |= named


def note_files(folders: Folders) -> list[tuple[Path, str]]:
    """Every note file under ``folders`` (a folder or several, e.g. the shipped notes and a
    user's uploads) with the name its note gets, in the order :func:`load_notes` reads them."""
    return [(path, name) for path, name, skip in _discover(folders) if not skip]


def load_notes(folders: Folders, boilerplate: Boilerplate | None = None) -> tuple[list[Note], list[Problem]]:
    """Read every note under ``folders``. Unreadable or unsupported files become
    :class:`Problem` entries and the rest still load; a note read with repairs is kept
    and also has a problem (``kept=True``) saying what was repaired."""
    notes: list[Note] = []
    problems: list[Problem] = []
    for path, name, skip in _discover(folders):
        if skip:
            problems.append(Problem(name, skip))
            continue
        try:
            note, repairs = note_from_bytes(name, note_bytes(path, name), boilerplate, suffix=path.suffix)
        except NoteError as error:
            problems.append(Problem(name, str(error).removeprefix(f"{name}: ")))
            continue
        notes.append(note)
        if repairs:
            problems.append(Problem(name, "read, but " + "; ".join(repairs), kept=True))
    return notes, problems


def nothing_to_build(folders: Sequence[Path] | Path, problems: Iterable[Problem]) -> NoteError:
    """The error for a build that found no note it could read, listing why each file failed."""
    folders = [folders] if isinstance(folders, (str, Path)) else list(folders)
    where = ", ".join(str(folder) for folder in folders)
    skipped = [str(problem) for problem in problems if not problem.kept]
    reasons = f" ({len(skipped)} file(s) skipped: " + "; ".join(skipped[:5]) + ("; …" if len(skipped) > 5 else "") + ")" \
        if skipped else " (no .md, .markdown or .txt files)"
    return NoteError(f"nothing to build: no note in {where} could be read{reasons}")


def discover_notes(folders: Folders) -> Iterator[tuple[Path, str, str]]:
    """``(path, name, reason to skip it or "")`` of every file under ``folders``, in reading order."""
    return _discover(folders)
