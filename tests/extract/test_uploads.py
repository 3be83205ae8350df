"""Uploaded notes: sanitised names, limits, never written outside the workspace."""
import pytest

from extract.pipeline import extract_folder
from extract.read.uploads import Upload, UploadLimits, sanitise_filename, save_uploads


@pytest.mark.parametrize("claimed, safe", [
    ("../../etc/passwd.md", "passwd.md"),
    ("C:\\Users\\me\\notes.TXT", "notes.txt"),
    ("Étude <script>.md", "Etude script.md"),
    (".bashrc.md", "bashrc.md"),
    ("x\x00y.md", "xy.md"),
    ("", "note"),
    ("a" * 300 + ".md", "a" * 97 + ".md"),
])
def test_sanitise_filename(claimed, safe):
    assert sanitise_filename(claimed) == safe


def test_uploads_stay_in_the_workspace_and_bad_files_are_named(tmp_path):
    workspace = tmp_path / "workspace" / "session"
    uploads = [
        Upload("../../evil.md", b"## Evil\n\nAmazon S3 stores objects.\n"),
        Upload("slides.pdf", b"%PDF"),
        Upload("empty.txt", b"   \n"),
        Upload("huge.md", b"x" * 2_000),
        Upload("study-notes.md", b"## Mine\n\nAmazon Polly converts text to speech.\n"),
        Upload("study-notes.md", b"## Again\n\nAmazon Rekognition analyzes images.\n"),
    ]
    saved, problems = save_uploads(uploads, workspace, limits=UploadLimits(max_files=2, max_bytes=1_000),
                                   taken=["study-notes.md"])
    assert [p.name for p in saved] == ["evil.md", "study-notes-2.md"]
    assert all(p.parent == workspace.resolve() for p in saved)
    assert not (tmp_path / "evil.md").exists()
    reasons = {p.path: p.reason for p in problems}
    assert reasons["slides.pdf"].startswith("skipped: only")
    assert reasons["empty.txt"] == "skipped: the file is empty"
    assert reasons["huge.md"] == "skipped: larger than 1 KB"
    assert reasons["study-notes.md"] == "skipped: at most 2 files can be uploaded at once"


@pytest.mark.parametrize("name, data, reason", [
    ("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "skipped: the file is a PNG image, not text"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00", "skipped: the file is a ZIP archive (or an Office document), not text"),
    ("random.md", bytes(range(256)) * 4, "skipped: the file is binary data (it contains NUL bytes), not text"),
    ("/etc/cron.d/job.md", b"## Job\n\nAmazon S3 stores objects.\n", None),
    ("..\\..\\windows.md", b"## Win\n\nAmazon S3 stores objects.\n", None),
    ("....md", b"## Dots\n\nAmazon S3 stores objects.\n", "skipped: only"),
])
def test_uploads_are_checked_by_content_and_land_only_in_the_workspace(tmp_path, name, data, reason):
    workspace = tmp_path / "workspace"
    saved, problems = save_uploads([Upload(name, data)], workspace)
    if reason is None:
        assert [path.parent for path in saved] == [workspace.resolve()] and problems == []
        assert saved[0].read_bytes() == data
    else:
        assert saved == [] and len(problems) == 1 and problems[0].reason.startswith(reason)
    written = sorted(path for path in tmp_path.rglob("*") if path.is_file())
    assert all(path.parent == workspace for path in written)  # nothing beside or above the workspace
    assert not any(path.name.startswith(".upload-") for path in written)  # no temporary left behind


def test_uploads_build_alone_or_with_other_notes(tmp_path, fixture_notes, nlp, vocabulary):
    workspace = tmp_path / "uploads"
    save_uploads([Upload("monitoring.md", b"## Kendra\n\nAmazon Kendra integrates with Amazon S3.\n")],
                 workspace)
    alone = extract_folder(workspace, vocabulary=vocabulary, nlp=nlp)
    assert [n.doc for n in alone.notes] == ["monitoring.md"]
    both = extract_folder([fixture_notes, workspace], vocabulary=vocabulary, nlp=nlp)
    docs = sorted(n.doc for n in both.notes)
    assert "uploads/monitoring.md" in docs and "monitoring.md" in docs
    sources = {s.doc for t in both.triples for e in t.evidence for s in e.sources}
    assert "uploads/monitoring.md" in sources
