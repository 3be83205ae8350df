"""`python -m graph build`: a summary for a good folder, one clear line and status 2 otherwise."""
import json
import subprocess
import sys
from pathlib import Path

from graph.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_NOTES = ROOT / "tests" / "extract" / "fixtures" / "notes"


def test_build_writes_node_link_json_and_prints_a_summary(tmp_path, capsys):
    notes = tmp_path / "notes"
    notes.mkdir()
    for path in FIXTURE_NOTES.iterdir():
        (notes / path.name).write_bytes(path.read_bytes())
    (notes / "slides.pdf").write_bytes(b"%PDF")
    out = tmp_path / "out" / "graph.json"
    assert main(["build", str(notes), "--out", str(out), "--quiet"]) == 0
    summary = capsys.readouterr().out
    assert "Read 3 note(s)" in summary
    assert "slides.pdf: skipped: unsupported file type '.pdf'" in summary
    assert "services" in summary and "concepts" in summary and "stated" in summary and "structural" in summary
    data = json.loads(out.read_text())
    assert {"nodes", "edges"} <= data.keys()
    node = next(n for n in data["nodes"] if n["id"] == "SageMaker Model Monitor")
    assert node["type"] == "service" and "Model Monitor" in node["aliases"]
    edge = next(e for e in data["edges"] if e["relation"] == "integrates with")
    assert edge["kind"] == "stated" and edge["negated"] is False
    assert edge["evidence"][0]["doc"] == "monitoring.md" and edge["evidence"][0]["line"] == 11
    assert edge["evidence"][0]["section"] == "SageMaker > Model Monitor"


def test_missing_folder_is_one_line_and_status_2(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope"), "--out", str(tmp_path / "g.json")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: notes folder not found: {tmp_path / 'nope'}"


def test_bad_option_is_one_line_and_status_2(capsys):
    assert main(["build", "--frobnicate"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_command_line_entry_point_runs_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "graph", "build", str(tmp_path / "missing")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "notes folder not found" in result.stderr
