"""Reading a folder of notes: every format found, bad files reported by name, the rest kept."""
import pytest

from extract.notes import NoteError, detect_format, read_note, read_notes


def test_reads_each_format_of_the_fixture_folder(fixture_notes):
    notes, problems = read_notes(fixture_notes)
    assert problems == []
    assert {(n.doc, n.format) for n in notes} == {
        ("monitoring.md", "markdown"), ("cheat-sheet.txt", "plain"), ("flashcards.txt", "flashcards")}


def test_bad_files_are_reported_and_the_rest_still_read(tmp_path, fixture_notes):
    (tmp_path / "good.md").write_text((fixture_notes / "monitoring.md").read_text())
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.md").write_text("\n\n")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 notes about Amazon S3.".encode("latin-1"))
    notes, problems = read_notes(tmp_path)
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
    notes, problems = read_notes(tmp_path)
    assert [n.doc for n in notes] == ["n.md"] and problems == []


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(NoteError, match="no such folder"):
        read_notes(tmp_path / "nope")


def test_unsupported_single_file_names_itself(tmp_path):
    path = tmp_path / "deck.docx"
    path.write_bytes(b"PK")
    with pytest.raises(NoteError, match=r"deck\.docx: unsupported file type"):
        read_note(path)


@pytest.mark.parametrize("name, text, expected", [
    ("a.md", "plain words", "markdown"),
    ("a.txt", "# Title\n\n## Part\n\ntext", "markdown"),
    ("a.txt", "Cheat Sheet\n\nSome title\n\nA line.", "plain"),
    ("a.txt", "\n".join(f"{i}\nNew cards\n\nTerm {i}\n\nDefinition {i}." for i in range(1, 5)), "flashcards"),
])
def test_format_detection(tmp_path, name, text, expected):
    assert detect_format(tmp_path / name, text) == expected
