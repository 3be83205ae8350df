import json
from pathlib import Path

import pytest

from graph.io import load_graph

from .conftest import run

FIXTURE_NOTES = Path(__file__).parents[1] / "extract" / "fixtures" / "notes"



@pytest.mark.parametrize("argv, expected", [
    (["search", "sagemaker", "clarfy"], ["#  topic", "1  SageMaker Clarify", "service"]),
    (["search", "which topics mention drift?", "--limit", "2"], ["evidence (2)", "Model Monitor detects"]),
    (["search", "kubernetes"], ["nothing matches 'kubernetes'"]),
    (["search", "firehose"], ["nothing matches 'firehose'"]),  # not "data warehouse"
    (["path", "model monitor", "s3", "--k", "1"],
     ["Path 1 of 1: fair link: 2 steps, stated in the notes or given by their headings: "
      "SageMaker Model Monitor > Amazon SageMaker > Amazon S3",
      "  1. SageMaker Model Monitor -[part of]-> Amazon SageMaker [structural]",
      '  2. Amazon SageMaker -[reads data from]-> Amazon S3 [stated]  (cheat-sheet.txt, Storage): '
      '"SageMaker reads training data from Amazon S3."']),
    (["path", "cloudwatch", "model monitor", "--k", "1"],
     ["  1. Amazon CloudWatch <-[integrates with]- SageMaker Model Monitor [stated]"]),
    (["path", "s3", "model monitor", "--directed"], ["No path links 'Amazon S3' to 'SageMaker Model Monitor'"]),
    (["neighbours", "model monitor"], ["SageMaker Model Monitor: 4 topics within 1 step", "data drift", "-[detects]->"]),
    (["neighbours", "s3", "--depth", "2", "--kinds", "cooccurrence"], ["2 topics within 2 steps", "AWS Glue"]),
    (["compare", "model monitor", "clarify"], ["similarity 20% (shared neighbours", "Shared neighbours (1): Amazon SageMaker",
                                               "-[integrates with]-> Amazon CloudWatch"]),
    (["stats"], ["Topics: 10 (4 concepts, 6 services)", "Communities (Louvain, seed 7)", "study-notes.md"]),
    (["stats", "--top", "1"], ["SageMaker Model Monitor", "44%", "on shortest paths (share)"]),  # 4 of 9 topics
    (["stats", "--types", "concept"], ["Topics: 4 (4 concepts)"]),
])
def test_commands(capsys, graph_file, argv, expected):
    status, out, err = run(capsys, *argv, "--graph", graph_file)
    assert (status, err) == (0, "")
    for text in expected:
        assert text in out


def test_search_json_lists_results_with_ids(capsys, graph_file):
    status, out, _ = run(capsys, "search", "clarify", "--json", "--graph", graph_file)
    results = json.loads(out)
    assert status == 0 and results[0]["id"] == "SageMaker Clarify"
    assert {"id", "label", "type", "score", "match", "text"} <= results[0].keys()


def test_path_json_lists_paths_of_hops_with_evidence(capsys, graph_file):
    status, out, _ = run(capsys, "path", "model monitor", "s3", "--json", "--graph", graph_file)
    paths = json.loads(out)
    assert status == 0 and len(paths) == 3
    first = paths[0]
    assert [hop["source"] for hop in first] == ["SageMaker Model Monitor", "Amazon SageMaker"]
    assert first[1]["evidence"] == {"sentence": "SageMaker reads training data from Amazon S3.",
                                    "doc": "cheat-sheet.txt", "section": "Storage", "line": 40}
    assert first[0]["direction"] == "forward"


@pytest.mark.parametrize("command", [["neighbours", "s3", "--json"], ["stats", "--json"],
                                     ["compare", "s3", "AWS Glue", "--json"]])
def test_other_json_outputs_parse(capsys, graph_file, command):
    status, out, _ = run(capsys, *command, "--graph", graph_file)
    assert status == 0 and json.loads(out)


@pytest.mark.parametrize("argv, message", [
    (["path", "Sagemaker Clarfy", "s3"], "error: no topic named 'Sagemaker Clarfy' (did you mean 'SageMaker Clarify'?)"),
    (["neighbours", "Amazon S4"], "did you mean 'Amazon S3'"),
    (["path", "s3", "simple storage service"], "same topic"),
    (["path", "s3", "glue", "--k", "0"], "argument --k: 0 is less than 1"),
    (["search", "s3", "--limit", "many"], "argument --limit: 'many' is not a whole number"),
    (["search", "?"], "nothing to search for"),
    (["export", "--format", "pdf", "--out", "x"], "argument --format: invalid choice: 'pdf'"),
    (["export", "--format", "neo4J", "--out", "x"], "argument --format: invalid choice: 'neo4J'"),
    (["export", "--format", "json", "--out", "x", "--depth", "2"], "--depth needs --focus TOPIC"),
    (["stats", "--relations", "integrate with"], "did you mean 'integrates with'"),
    (["stats", "--notes", "nowhere.md"], "unknown note 'nowhere.md'"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
])
def test_errors_are_one_line_and_exit_2(capsys, graph_file, argv, message):
    status, out, err = run(capsys, *argv, "--graph", graph_file)
    assert status == 2 and out == ""
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("content, message", [(None, "no graph file; rebuild it with"),
                                              ("{oops", "corrupt JSON at line 1; rebuild it with")])
def test_missing_or_corrupt_graph(capsys, tmp_path, content, message):
    path = tmp_path / "graph.json"
    if content is not None:
        path.write_text(content)
    status, _, err = run(capsys, "stats", "--graph", str(path))
    assert status == 2 and message in err and err.count("\n") == 1


@pytest.mark.parametrize("argv, files, nodes", [
    (["--format", "json"], ["out.json"], 10),
    (["--format", "graphml", "--types", "service"], ["out.graphml"], 6),
    (["--format", "html", "--focus", "clarify", "--depth", "1"], ["out.html"], 3),
    (["--format", "gexf", "--path", "clarify", "cloudwatch", "--k", "1"], ["out.gexf"], 4),
    (["--format", "csv"], ["out.nodes.csv", "out.edges.csv", "out.evidence.csv"], 10),
    (["--format", "cypher", "--hide-negated"], ["out.cypher"], 10),
    (["--format", "graphml-apoc", "--focus", "clarify"], ["out.graphml"], 3),
    (["--format", "neo4j", "--types", "concept"], ["out.zip"], 4),
])
def test_export(capsys, graph_file, tmp_path, argv, files, nodes):
    out_path = tmp_path / "exports" / files[0].replace(".nodes", "")
    status, out, err = run(capsys, "export", *argv, "--out", str(out_path), "--graph", graph_file)
    assert (status, err) == (0, "")
    assert sorted(p.name for p in out_path.parent.iterdir()) == sorted(files)
    assert f"({nodes} topics," in out


def test_neo4j_export_to_a_folder(capsys, graph_file, tmp_path):
    out_path = tmp_path / "neo4j"
    status, out, _ = run(capsys, "export", "--format", "neo4j", "--out", str(out_path), "--graph", graph_file)
    assert status == 0 and f"Wrote {out_path / 'nodes.csv'}, " in out
    assert sorted(p.name for p in out_path.iterdir()) == ["import.sh", "nodes.csv", "relationships.csv"]


def test_html_export_of_a_focus(capsys, graph_file, tmp_path):
    out_path = tmp_path / "focus.html"
    run(capsys, "export", "--format", "html", "--out", str(out_path), "--focus", "clarify", "--graph", graph_file,
        "--color-by", "community", "--title", "Clarify & friends")
    page = out_path.read_text()
    assert "<title>Clarify &amp; friends</title>" in page
    assert '"borderWidth":4' in page  # the focus topic stands out


# --- build -------------------------------------------------------------------------------------

def test_build_reuses_the_cached_findings_until_something_changes(capsys, tmp_path):
    """Runs spaCy on two tiny notes: an unchanged build reads no note, an edit re-reads one."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "n.md").write_text("# Storage\n\nAmazon S3 integrates with Amazon Athena.\n")
    (notes / "m.md").write_text("# Monitoring\n\nAmazon CloudWatch collects metrics.\n")
    out, cache = tmp_path / "graph.json", tmp_path / "cache"
    argv = ["build", str(notes), "--out", str(out), "--cache-dir", str(cache)]

    assert run(capsys, *argv)[0] == 0
    first = out.read_bytes()
    status, stdout, stderr = run(capsys, *argv)
    assert status == 0 and "reusing the extraction cached" in stderr and out.read_bytes() == first
    assert load_graph(out).has_edge("Amazon S3", "Amazon Athena")

    (notes / "n.md").write_text("# Storage\n\nAmazon S3 integrates with Amazon Athena and AWS Glue.\n")
    status, _, stderr = run(capsys, *argv)
    assert status == 0 and "reusing" not in stderr and load_graph(out).has_edge("Amazon S3", "AWS Glue")
    assert len(list((cache / "findings").iterdir())) == 2  # the edited note's earlier findings are gone


def test_the_cache_sits_beside_the_graph_by_default(capsys, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "n.md").write_text("# N\n\nAmazon S3 stores objects.\n")
    out = tmp_path / "out" / "graph.json"
    run(capsys, "build", str(notes), "--out", str(out))
    assert sorted(p.name for p in (out.parent / "cache").iterdir()) == ["findings", "sections"]
    run(capsys, "build", str(notes), "--out", str(out), "--no-cache")
    assert len(list((out.parent / "cache" / "findings").iterdir())) == 1


def test_build_of_a_missing_folder(capsys, tmp_path):
    status, _, err = run(capsys, "build", str(tmp_path / "none"), "--out", str(tmp_path / "g.json"))
    assert status == 2 and "notes folder not found" in err


def test_real_build_of_the_fixture_notes_then_query(capsys, tmp_path):
    """Runs spaCy on tests/extract/fixtures/notes (a few seconds): build, rebuild from cache, query."""
    out, cache = tmp_path / "graph.json", tmp_path / "cache"
    argv = ["build", str(FIXTURE_NOTES), "--out", str(out), "--cache-dir", str(cache), "--quiet"]
    status, stdout, _ = run(capsys, *argv)
    assert status == 0 and "Read 3 note(s)" in stdout
    first = out.read_bytes()
    status, stdout_again, _ = run(capsys, *argv)
    assert status == 0 and stdout_again == stdout and out.read_bytes() == first
    status, found, _ = run(capsys, "search", "model monitr", "--json", "--graph", str(out))
    assert json.loads(found)[0]["id"] == "SageMaker Model Monitor"
    status, paths, _ = run(capsys, "path", "model monitor", "cloudwatch", "--json", "--graph", str(out))
    assert json.loads(paths)[0][0]["relation"] == "integrates with"
