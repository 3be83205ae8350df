"""`python -m graph build` on hostile folders: every good note is in the graph, every bad
file is named once, status 0 when anything was built and 2 when nothing could be; a
build killed halfway or two builds at once never leave a graph file that does not load."""
import gc
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import main
from graph.io import load_graph, save_graph

from ..extract.read.test_bad_input import KEPT, SKIPPED
from .conftest import make_graph

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_NOTES = ROOT / "tests" / "extract" / "fixtures" / "notes"
SHIPPED_NOTES = ROOT / "content" / "notes"
GOOD = "# Data preparation\n\nAWS Glue crawls training data in Amazon S3 and writes a Data Catalog.\n"


def build(*args: str, cwd: Path = ROOT, **options) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graph", "build", *args], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **options)


def test_a_folder_of_bad_files_builds_the_good_notes_and_names_each_bad_file(tmp_path, capsys):
    notes = tmp_path / "notes"
    notes.mkdir()
    for name, content, _ in SKIPPED + KEPT:
        (notes / name).write_bytes(content)
    (notes / "glue.md").write_text(GOOD)
    (notes / "copy of glue.md").write_text(GOOD)  # a duplicate
    (notes / "monitoring.md").write_bytes((FIXTURE_NOTES / "monitoring.md").read_bytes())
    (notes / "long-line.txt").write_text("Amazon CloudWatch collects metrics from SageMaker endpoints. " * 1700)
    (notes / "leak.md").symlink_to(tmp_path / "outside.md")
    (tmp_path / "outside.md").write_text("# Secret\n\nAmazon Polly reads the password aloud.\n")
    small = notes / "small"
    small.mkdir()
    for number in range(2000):
        (small / f"{number:04}.md").write_text(f"# Item {number}\n\nAmazon Kinesis streams record {number}.\n")
    out = tmp_path / "out" / "graph.json"

    assert main(["build", str(notes), "--out", str(out), "--quiet", "--no-cache"]) == 0
    summary = capsys.readouterr().out
    graph = load_graph(out)
    assert {"AWS Glue", "Amazon S3", "SageMaker Model Monitor", "Amazon CloudWatch", "Amazon Kinesis"} <= set(graph)
    assert "Amazon Polly" not in graph  # the link out of the folder was not followed
    for name, _, reason in SKIPPED + KEPT:
        assert summary.count(f"  {name}: ") == 1 and f"  {name}: {reason}" in summary, name
    assert summary.count("leak.md: skipped: a link to a file outside the notes folder") == 1
    assert f"Skipped {len(SKIPPED) + 1} file(s):" in summary and f"Read {len(KEPT)} file(s) with repairs:" in summary
    glue_edges = [data for _, _, data in graph.edges("AWS Glue", data=True) if data["kind"] == "stated"]
    assert glue_edges and all(len(data["evidence"]) == 1 for data in glue_edges)  # a duplicate counts once...
    assert {source["doc"] for source in glue_edges[0]["evidence"][0]["sources"]} == {"glue.md", "copy of glue.md"}


@pytest.mark.parametrize("files", [
    {},
    {"empty.md": b"", "picture.md": SKIPPED[4][1], "slides.pdf": b"%PDF-1.4"},
])
def test_nothing_to_build_is_status_2_and_keeps_the_previous_graph(tmp_path, capsys, files):
    notes = tmp_path / "notes"
    notes.mkdir()
    for name, content in files.items():
        (notes / name).write_bytes(content)
    out = tmp_path / "graph.json"
    save_graph(make_graph(), out)
    before = out.read_bytes()
    thresholds = gc.get_threshold()
    assert main(["build", str(notes), "--out", str(out), "--quiet", "--no-cache"]) == 2
    assert gc.get_threshold() == thresholds  # the build's own collection thresholds do not outlive it
    error = capsys.readouterr().err
    assert error.startswith(f"error: nothing to build: no note in {notes} could be read") and error.count("\n") == 1
    for name in files:
        assert name in error
    assert out.read_bytes() == before


@pytest.mark.parametrize("make, message", [
    (lambda tmp_path: tmp_path / "missing", "notes folder not found"),
    (lambda tmp_path: (tmp_path / "notes.md").write_text(GOOD) and tmp_path / "notes.md", "notes folder is a file"),
])
def test_a_notes_folder_that_is_missing_or_a_file_is_status_2(tmp_path, capsys, make, message):
    folder = make(tmp_path)
    assert main(["build", str(folder), "--out", str(tmp_path / "g.json")]) == 2
    assert capsys.readouterr().err.strip() == f"error: {message}: {folder}"
    assert not (tmp_path / "g.json").exists()


def test_a_build_killed_halfway_leaves_the_previous_graph_usable(tmp_path):
    out = tmp_path / "out" / "graph.json"
    save_graph(make_graph(), out)
    before = out.read_bytes()
    process = build(str(SHIPPED_NOTES), "--out", str(out), "--no-cache")
    progress = process.stderr.readline()  # the first progress line: spaCy is parsing the notes
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert progress.startswith("[") and process.returncode == -signal.SIGKILL
    assert out.read_bytes() == before
    assert set(load_graph(out)) == set(make_graph())


def test_two_builds_at_once_leave_one_complete_graph(tmp_path):
    folders = {}
    for name in ("monitoring.md", "cheat-sheet.txt"):
        folders[name] = tmp_path / name.split(".")[0]
        folders[name].mkdir()
        (folders[name] / name).write_bytes((FIXTURE_NOTES / name).read_bytes())
    out = tmp_path / "out" / "graph.json"
    processes = [build(str(folder), "--out", str(out), "--quiet") for folder in folders.values()]
    results = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], results
    graph = load_graph(out)
    assert graph.graph["notes"] in (["monitoring.md"], ["cheat-sheet.txt"])  # one build's graph...
    assert {doc for _, data in graph.nodes(data=True) for doc in data["sources"]} == set(graph.graph["notes"])  # ...whole
    assert sorted(path.name for path in out.parent.iterdir()) == ["cache", "graph.json"]  # no temporary left behind
