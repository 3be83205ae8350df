"""Bad note files, one case each: every broken file is skipped or read with repairs and
named in exactly one problem that says why, and the good note beside it is still read.

The files are made in ``tmp_path`` at test time; nothing binary is committed.
"""
import io
import os
import random
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from extract.model import Problem
from extract.read import MAX_BLOCK_CHARS, MAX_NOTE_BYTES, NoteError, load_note, load_notes, nothing_to_build

GOOD = "# Monitoring\n\nSageMaker Model Monitor detects data drift in Amazon S3 data.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
SENTENCE = "Amazon S3 stores training data for SageMaker. "


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.md", GOOD)
    return buffer.getvalue()


def _random_bytes(seed: int, size: int = 4096, *, without_nul: bool = False) -> bytes:
    data = random.Random(seed).randbytes(size)
    return data.replace(b"\x00", b"\x01") if without_nul else data


# name, content (bytes), expected problem reason (a prefix), or None when read with no problem
SKIPPED = [
    ("empty.md", b"", "no text found"),
    ("blank.txt", b" \n\t\n\r\n", "no text found"),
    ("random.md", _random_bytes(1), "the file is binary data"),
    ("random-no-nul.txt", _random_bytes(2, without_nul=True), "the file is binary data (it is full of control characters)"),
    ("picture.md", PNG, "the file is a PNG image, not text"),
    ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "the file is a JPEG image, not text"),
    ("archive.md", _zip(), "the file is a ZIP archive (or an Office document), not text"),
    ("compressed.txt", b"\x1f\x8b\x08\x00" + _random_bytes(3, 64), "the file is a gzip archive, not text"),
    ("document.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "the file is a PDF document, not text"),
    ("slides.pdf", b"%PDF-1.4", "skipped: unsupported file type '.pdf'"),
    ("no-extension", GOOD.encode(), "skipped: unsupported file type '(none)'"),
    ("deck.docx", _zip(), "skipped: unsupported file type '.docx'"),
]

KEPT = [
    ("latin1.txt", "Café notes: Amazon S3 stores data.".encode("latin-1"), "read, but not UTF-8: 1 byte read as Latin-1"),
    ("mixed.md", "# Café\n\nAmazon S3 is naïve".encode() + b" \xe9t\xe9 data.\n", "read, but not UTF-8: 2 bytes read as"),
    ("broken-yaml.md", b"---\ntitle: [unclosed\n---\n" + GOOD.encode(), "read, but front matter is not valid YAML"),
    ("deep-yaml.md", b"---\ntitle: " + b"[" * 1000 + b"\n---\n" + GOOD.encode(), "read, but front matter is not valid YAML"),
    ("list-yaml.md", b"---\n- a\n- b\n---\n" + GOOD.encode(), "read, but front matter is not a YAML mapping"),
]

READ_CLEANLY = [
    ("utf16.txt", "\ufeffAmazon S3 stores data for SageMaker.".encode("utf-16"), None),
    ("bom.md", b"\xef\xbb\xbf" + GOOD.encode(), None),
    ("html-deep-line.md", ("<div>" * 5000 + "Amazon S3 stores data." + "</div>" * 5000).encode(), None),
    ("html-deep-lines.txt", "\n".join(["<div>"] * 5000 + ["Amazon S3 stores data."] + ["</div>"] * 5000).encode(), None),
    ("list-deep.md", "\n".join("  " * i + f"- Item {i}" for i in range(1000)).encode() + b"\n" + b"  " * 1000
     + b"- Amazon S3 stores data.\n", None),
    ("long-line.txt", (SENTENCE * 2200).encode(), None),
    ("long-word.md", b"a" * 100_000, None),
    ("controls.md", b"# Title\x1b[31m\n\nAmazon\x07 S3 \xc2\x90stores data.\xe2\x80\xae\n", None),
    ("yaml-bomb.md", b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: *c\n---\n" + GOOD.encode(), None),
]


@pytest.mark.parametrize("name, content, reason", SKIPPED + KEPT + READ_CLEANLY, ids=lambda value: value
                         if isinstance(value, str) and "." in value[-9:] or value == "no-extension" else "")
def test_a_bad_file_is_named_once_and_the_good_note_is_still_read(tmp_path, name, content, reason):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    notes, problems = load_notes(tmp_path)
    assert "good.md" in {note.doc for note in notes}
    if reason is None:
        assert problems == [] and name in {note.doc for note in notes}
        return
    assert [problem.path for problem in problems] == [name]  # one message, naming the file
    assert problems[0].reason.startswith(reason), problems[0].reason
    assert problems[0].kept == (name in {note.doc for note in notes}) == reason.startswith("read, but")


def test_latin1_and_stray_bytes_keep_their_letters(tmp_path):
    (tmp_path / "mixed.md").write_bytes("# Café\n\nAmazon S3 is naïve".encode() + b" \xe9t\xe9 data.\n")
    note = load_note(tmp_path / "mixed.md")
    assert note.title == "Café" and note.sections[0].blocks[0].text == "Amazon S3 is naïve été data."


def test_control_characters_and_direction_overrides_are_dropped(tmp_path):
    (tmp_path / "controls.md").write_bytes(b"# Title\x1b[31m\n\nAmazon\x07 S3 \xc2\x90stores data.\xe2\x80\xae\n")
    note = load_note(tmp_path / "controls.md")
    assert note.title == "Title" and note.sections[0].blocks[0].text == "Amazon S3 stores data."


def test_a_long_line_is_read_whole_in_sentence_sized_blocks(tmp_path):
    (tmp_path / "long.txt").write_text(SENTENCE * 2200)  # one line of about 100,000 characters
    blocks = [block for section in load_note(tmp_path / "long.txt").sections for block in section.blocks]
    assert len(blocks) > 1 and all(len(block.text) <= MAX_BLOCK_CHARS for block in blocks)
    assert " ".join(block.text for block in blocks) == SENTENCE.strip() + (" " + SENTENCE.strip()) * 2199


def test_a_long_word_is_cut_but_kept(tmp_path):
    (tmp_path / "word.md").write_bytes(b"a" * 100_000)
    blocks = [block.text for section in load_note(tmp_path / "word.md").sections for block in section.blocks]
    assert "".join(blocks) == "a" * 100_000 and max(map(len, blocks)) <= MAX_BLOCK_CHARS


def test_headings_nested_too_deep_become_text(tmp_path):
    lines = [f"{'  ' * depth}- Item {depth}" for depth in range(1000)] + ["  " * 1000 + "- Amazon S3 stores data."]
    (tmp_path / "deep.md").write_text("\n".join(lines))
    sections = load_note(tmp_path / "deep.md").sections
    assert max(len(section.path) for section in sections) <= 24
    text = {block.text for section in sections for block in section.blocks}
    assert {"Item 999", "Amazon S3 stores data."} <= text


def test_a_note_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.md"
    with path.open("wb") as stream:  # 5 MB of text, written in one go
        stream.write(SENTENCE.encode() * (5 * 1024 * 1024 // len(SENTENCE)))
    (tmp_path / "good.md").write_text(GOOD)
    notes, problems = load_notes(tmp_path)
    assert [note.doc for note in notes] == ["good.md"]
    assert problems == [Problem("huge.md", "too large (5.2 MB; notes are read up to 2.0 MB: split it into smaller notes)")]


def test_a_note_just_under_the_size_limit_is_read(tmp_path):
    path = tmp_path / "big.txt"
    line = (SENTENCE * 40).strip() + "\n\n"
    path.write_text(line * ((MAX_NOTE_BYTES - 100) // len(line)))
    blocks = [block for section in load_note(path).sections for block in section.blocks]
    assert sum(len(block.text) for block in blocks) > MAX_NOTE_BYTES * 0.9


def test_thousands_of_small_notes_are_all_read(tmp_path):
    for number in range(3000):
        (tmp_path / f"note-{number:04}.md").write_text(f"# Note {number}\n\nAmazon S3 stores item {number}.\n")
    notes, problems = load_notes(tmp_path)
    assert len(notes) == 3000 and problems == []


def test_duplicate_files_are_both_read(tmp_path):
    (tmp_path / "a.md").write_text(GOOD)
    (tmp_path / "copy of a.md").write_text(GOOD)
    notes, problems = load_notes(tmp_path)
    assert [note.doc for note in notes] == ["a.md", "copy of a.md"] and problems == []
    assert notes[0].sections == tuple(replace(section, doc="a.md") for section in notes[1].sections)


def test_a_link_out_of_the_notes_folder_is_not_followed(tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("# Secret\n\nThe password is hunter2.\n")
    notes_folder = tmp_path / "notes"
    notes_folder.mkdir()
    (notes_folder / "good.md").write_text(GOOD)
    (notes_folder / "leak.md").symlink_to(outside)
    (notes_folder / "etc").symlink_to(tmp_path, target_is_directory=True)
    (notes_folder / "dangling.md").symlink_to(notes_folder / "nowhere.md")
    (notes_folder / "alias.md").symlink_to(notes_folder / "good.md")  # inside the folder: read
    notes, problems = load_notes(notes_folder)
    assert sorted(note.doc for note in notes) == ["alias.md", "good.md"]
    assert problems == [
        Problem("dangling.md", "skipped: a link to a file that does not exist"),
        Problem("etc", "skipped: a link to a file outside the notes folder (not followed)"),
        Problem("leak.md", "skipped: a link to a file outside the notes folder (not followed)"),
    ]
    assert all("hunter2" not in block.text for note in notes for section in note.sections for block in section.blocks)


def test_a_fifo_is_skipped_not_waited_on(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.md")
    notes, problems = load_notes(tmp_path)
    assert [note.doc for note in notes] == ["good.md"]
    assert problems == [Problem("pipe.md", "skipped: not a regular file")]


def test_an_unreadable_file_is_named(tmp_path, monkeypatch):
    (tmp_path / "good.md").write_text(GOOD)
    locked = tmp_path / "locked.md"
    locked.write_text(GOOD)
    read_bytes = Path.read_bytes

    def refuse_locked(path):  # a permission error even when the tests run as root
        if path.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse_locked)
    notes, problems = load_notes(tmp_path)
    assert [note.doc for note in notes] == ["good.md"] and problems[0].reason.startswith("cannot be read")


@pytest.mark.parametrize("make, message", [
    (lambda tmp_path: tmp_path / "missing", "no such folder of notes"),
    (lambda tmp_path: (tmp_path / "notes.md").write_text(GOOD) and tmp_path / "notes.md", "is a file, not a folder of notes"),
])
def test_a_notes_folder_that_is_missing_or_a_file(tmp_path, make, message):
    with pytest.raises(NoteError, match=message):
        load_notes(make(tmp_path))


def test_nothing_to_build_says_why_each_file_failed():
    error = nothing_to_build([Path("notes")], [Problem("a.md", "no text found"), Problem("b.md", "read, but x", kept=True)])
    assert str(error) == "nothing to build: no note in notes could be read (1 file(s) skipped: a.md: no text found)"
    assert "no .md, .markdown or .txt files" in str(nothing_to_build(Path("notes"), []))
