"""Reading: note files in, :class:`~extract.model.Note` objects out.

Files are found and sized (:mod:`.files`), decoded and repaired (:mod:`.cleaning`), and read
by the reader of their format: markdown (:mod:`.markdown`, on markdown-it-py), plain text
pasted from a PDF (:mod:`.plain`) or a flashcard export (:mod:`.flashcards`, its cards found by
:mod:`.card_layouts`), all building
sections through one :class:`~.outline.Outline`. Uploaded notes are saved by :mod:`.uploads`.

>>> from extract.read import load_notes                    # doctest: +SKIP
>>> notes, problems = load_notes("content/notes")           # doctest: +SKIP
"""
from .card_layouts import Card, find_cards
from .cleaning import Boilerplate, inline_code, normalise_space, repair_encoding, sentence_key, strip_markup
from .file_types import binary_kind
from .files import (MAX_NOTE_BYTES, NOTE_EXTENSIONS, NoteError, decode_note, detect_format, load_note, load_notes,
                    note_bytes, note_files, note_from_bytes, nothing_to_build, discover_notes)
from .flashcards import looks_like_flashcards, read_flashcards
from .front_matter import front_matter_problem, split_front_matter
from .markdown import read_markdown
from .outline import (MAX_BLOCK_CHARS, Outline, clean_heading, list_title, looks_like_title, split_label,
                      split_long_text, tidy_heading)
from .plain import read_index, read_plain
from .tables import emit_table
from .uploads import Upload, UploadLimits, sanitise_filename, save_uploads

__all__ = [
    # files: finding, sizing, decoding and reading note files
    "MAX_NOTE_BYTES", "NOTE_EXTENSIONS", "NoteError", "decode_note", "detect_format", "load_note", "load_notes",
    "note_bytes", "note_files", "note_from_bytes", "nothing_to_build", "binary_kind", "discover_notes",
    # cleaning
    "Boilerplate", "inline_code", "normalise_space", "repair_encoding", "sentence_key", "strip_markup",
    # readers, one per format, and what they share
    "read_markdown", "split_front_matter", "front_matter_problem", "read_plain", "read_index", "read_flashcards",
    "looks_like_flashcards", "find_cards", "Card", "Outline", "MAX_BLOCK_CHARS", "clean_heading", "emit_table", "list_title", "looks_like_title",
    "split_label", "split_long_text", "tidy_heading",
    # uploads
    "Upload", "UploadLimits", "sanitise_filename", "save_uploads",
]
