"""Reading a folder of notes: every format found, bad files reported by name, the rest kept."""
import pytest

from extract.model import Problem
from extract.read import (MAX_NOTE_BYTES, NoteError, detect_format, load_note, load_notes, note_bytes, note_files,
                          note_from_bytes)


def test_reads_each_format_of_the_fixture_folder(fixture_notes):
    notes, problems = load_notes(fixture_notes)
    assert problems == []
    assert {(n.doc, n.format) for n in notes} == {
        ("monitoring.md", "markdown"), ("cheat-sheet.txt", "plain"), ("flashcards.txt", "flashcards")}


def test_bad_files_are_reported_and_the_rest_still_read(tmp_path, fixture_notes):
    (tmp_path / "good.md").write_text((fixture_notes / "monitoring.md").read_text())
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.md").write_text("\n\n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 notes about Amazon S3.".encode("latin-1"))
    notes, problems = load_notes(tmp_path)
    assert {n.doc for n in notes} == {"good.md", "latin1.txt"}
    reasons = {p.path: p.reason for p in problems}
    assert reasons["slides.pdf"].startswith("skipped: unsupported file type '.pdf'")
    assert "binary" in reasons["binary.txt"]
    assert reasons["empty.md"] == "no text found"
    latin = next(n for n in notes if n.doc == "latin1.txt")
    assert "Café" in latin.sections[0].blocks[0].text


def test_hidden_files_are_ignored(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "n.md").write_text("## A\n\nAmazon S3 stores objects.\n")
    notes, problems = load_notes(tmp_path)
    assert [n.doc for n in notes] == ["n.md"] and problems == []


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(NoteError, match="no such folder"):
        load_notes(tmp_path / "nope")


def test_unsupported_single_file_names_itself(tmp_path):
    path = tmp_path / "deck.docx"
    path.write_bytes(b"PK")
    with pytest.raises(NoteError, match=r"deck\.docx: unsupported file type"):
        load_note(path)


@pytest.mark.parametrize("name, text, expected", [
    ("a.md", "plain words", "markdown"),
    ("a.txt", "# Title\n\n## Part\n\ntext", "markdown"),
    ("a.txt", "Cheat Sheet\n\nSome title\n\nA line.", "plain"),
    ("a.txt", "\n".join(f"{i}\nNew cards\n\nTerm {i}\n\nDefinition {i}." for i in range(1, 5)), "flashcards"),
])
def test_format_detection(tmp_path, name, text, expected):
    assert detect_format(tmp_path / name, text) == expected


def test_note_files_names_each_note_and_qualifies_a_name_an_earlier_folder_has(tmp_path):
    shipped, uploads = tmp_path / "shipped", tmp_path / "uploads"
    (shipped / "sub").mkdir(parents=True)
    uploads.mkdir()
    for path in (shipped / "b.md", shipped / "sub" / "a.md", uploads / "b.md", uploads / "c.txt"):
        path.write_text(f"## {path.stem.upper()}\n\nAmazon S3 stores {path.stem}.\n")
    (shipped / "slides.pdf").write_bytes(b"%PDF-1.4")
    expected = [(shipped / "b.md", "b.md"), (shipped / "sub" / "a.md", "sub/a.md"), (uploads / "b.md", "uploads/b.md"),
                (uploads / "c.txt", "c.txt")]
    assert note_files([shipped, uploads]) == expected
    notes, problems = load_notes([shipped, uploads])
    assert [note.doc for note in notes] == [name for _, name in expected]
    assert all(section.doc == note.doc for note in notes for section in note.sections)
    assert problems == [Problem("slides.pdf", "skipped: unsupported file type '.pdf'")]


@pytest.mark.parametrize("folders, message", [
    (lambda tmp_path: [tmp_path, tmp_path / "missing"], "missing: no such folder of notes"),
    (lambda tmp_path: tmp_path / "n.md", r"n\.md: is a file, not a folder of notes"),
])
def test_note_files_checks_every_folder_first(tmp_path, folders, message):
    (tmp_path / "n.md").write_text("Amazon S3 stores objects.\n")
    with pytest.raises(NoteError, match=message):
        note_files(folders(tmp_path))


def test_note_bytes_reads_within_the_limit_and_names_the_note(tmp_path):
    (tmp_path / "n.md").write_bytes(b"Amazon S3")
    assert note_bytes(tmp_path / "n.md", "n.md") == b"Amazon S3"
    with pytest.raises(NoteError, match=r"^gone\.md: cannot be read \(No such file or directory\)$"):
        note_bytes(tmp_path / "gone.md", "gone.md")
    (tmp_path / "big.md").write_bytes(b"a" * (MAX_NOTE_BYTES + 1))
    with pytest.raises(NoteError, match=r"^big\.md: too large \(2\.0 MB; notes are read up to 2\.0 MB"):
        note_bytes(tmp_path / "big.md", "big.md")


@pytest.mark.parametrize("data, suffix, expected", [
    (b"## S3\n\nAmazon S3 stores objects.\n", ".md", ("markdown", "S3", [])),
    (b"Cheat Sheet\n\nAmazon S3 stores objects.\n", ".txt", ("plain", "Cheat Sheet", [])),
    ("Caf\xe9\n\nAmazon S3 stores objects.\n".encode("latin-1"), ".txt",
     ("plain", "Café", ["not UTF-8: 1 byte read as Latin-1/Windows-1252"])),
])
def test_note_from_bytes_picks_the_reader_by_suffix_and_reports_repairs(data, suffix, expected):
    note, repairs = note_from_bytes("dir/n" + suffix, data, suffix=suffix)
    assert (note.format, note.sections[0].heading or note.title, repairs) == expected
    assert note.doc == "dir/n" + suffix


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n", r"^n\.md: the file is a PNG image, not text$"),
    (b"\n \n", r"^n\.md: no text found$"),
])
def test_note_from_bytes_refuses_what_is_not_a_note(data, message):
    with pytest.raises(NoteError, match=message):
        note_from_bytes("n.md", data, suffix=".md")


def test_load_note_is_note_bytes_then_note_from_bytes(tmp_path, fixture_notes):
    path = fixture_notes / "monitoring.md"
    assert load_note(path, name="m.md") == note_from_bytes("m.md", note_bytes(path, "m.md"), suffix=".md")[0]
