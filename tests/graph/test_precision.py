import json

import pytest

from graph.io import graph_to_data
from graph.precision import (
    NO_SENTENCE,
    Judgement,
    JudgementFileError,
    parse_judgement,
    precision_report,
    read_judgements,
    sample_items,
    to_judge_lines,
)

from .conftest import EDGES, NODES, make_graph, run

MONITOR, DRIFT = "SageMaker Model Monitor", "data drift"


def keys(records) -> list:
    return [(r["source"], r["relation"], r["target"], r["negated"], r["kind"]) if r["item"] == "edge" else r["name"]
            for r in records]


def typed_keys(graph, kind) -> set:
    return {(u, d["relation"], v, d["negated"], d["kind"]) for u, v, d in graph.edges(data=True) if d["kind"] == kind}


def edge(source, relation, target, verdict, *, negated=False, kind="stated", **extra) -> dict:
    return {"item": "edge", "source": source, "relation": relation, "target": target, "negated": negated,
            "kind": kind, "sentence": "...", "section": "...", "verdict": verdict, "why": "", **extra}


def node(name, verdict) -> dict:
    return {"item": "node", "name": name, "type": "concept", "sentence": "...", "verdict": verdict, "why": ""}


def write_lines(path, records) -> str:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return str(path)



# --- the sample ------------------------------------------------------------------------------------

def test_a_seed_gives_the_same_sample_and_other_seeds_others(graph):
    first = sample_items(graph, edges=3, nodes=4, seed=7)
    assert first == sample_items(make_graph(), edges=3, nodes=4, seed=7)
    drawn = {(tuple(keys(s.edges)), tuple(keys(s.nodes)))
             for s in (sample_items(graph, edges=3, nodes=4, seed=seed) for seed in range(6))}
    assert len(drawn) > 1


def test_the_sample_does_not_change_the_graph(graph):
    before = graph_to_data(graph)
    sample_items(graph, edges=50, nodes=60)
    precision_report(graph, [Judgement("node", "bias", "junk")])
    assert graph_to_data(graph) == before


@pytest.mark.parametrize("kind", ["stated", "structural"])
def test_sizes_larger_than_the_graph_give_every_edge_of_the_kind_and_every_node(graph, kind):
    sample = sample_items(graph, edges=100, nodes=100, seed=3, kind=kind)
    assert sorted(keys(sample.edges)) == sorted(typed_keys(graph, kind))
    assert sorted(keys(sample.nodes)) == sorted(name for name, *_ in NODES)
    assert (sample.edges_of_kind, sample.node_count) == (len(typed_keys(graph, kind)), len(NODES))
    assert [r["id"] for r in sample.edges] == [f"e{n}" for n in range(1, len(sample.edges) + 1)]


def test_negated_edges_are_sampled_and_marked_not(capsys, graph_file):
    status, out, _ = run(capsys, "sample", "--edges", "50", "--nodes", "0", "--graph", graph_file)
    assert status == 0
    assert f"{MONITOR} -[NOT used for]-> model retraining" in out
    assert '"Model Monitor is not used for model retraining." (cheat-sheet.txt, Monitoring, line 82)' in out


@pytest.mark.parametrize("name, sentence, section", [
    ("isolated topic", NO_SENTENCE, ""),  # no edges at all
    ("bias", "Clarify detects bias in training data.", "SageMaker > Clarify"),  # a stated edge before a co-mention
    ("Amazon SageMaker", "SageMaker reads training data from Amazon S3.", "Storage"),  # ... before its headings
    ("AWS Glue", "Glue crawls the files in S3.", "Storage"),  # only co-mentioned
])
def test_each_node_comes_with_a_sentence_it_appears_in(graph, name, sentence, section):
    record = next(r for r in sample_items(graph, edges=0, nodes=100).nodes if r["name"] == name)
    assert (record["sentence"], record["section"]) == (sentence, section)


def test_a_node_without_a_sentence_says_so(capsys, graph_file):
    status, out, _ = run(capsys, "sample", "--edges", "0", "--nodes", "100", "--graph", graph_file)
    assert status == 0 and f"isolated topic (concept)\n       {NO_SENTENCE}\n" in out
    assert "(service; aliases: S3, Simple Storage Service)" in out


def test_n_is_an_alias_of_edges_and_json_lists_both(capsys, graph_file):
    by_n = run(capsys, "sample", "--n", "2", "--nodes", "1", "--seed", "5", "--json", "--graph", graph_file)[1]
    by_edges = run(capsys, "sample", "--edges", "2", "--nodes", "1", "--seed", "5", "--json", "--graph", graph_file)[1]
    assert by_n == by_edges
    assert [len(items) for items in json.loads(by_n).values()] == [2, 1]


def test_kind_structural_samples_only_structural_edges(capsys, graph_file):
    status, out, _ = run(capsys, "sample", "--kind", "structural", "--json", "--graph", graph_file)
    edges = json.loads(out)["edges"]
    assert status == 0 and len(edges) == 2 and {e["kind"] for e in edges} == {"structural"}


# --- the to-judge file -----------------------------------------------------------------------------

def test_the_to_judge_file_round_trips(capsys, graph, graph_file, tmp_path):
    out = tmp_path / "to-judge.jsonl"
    status, _, err = run(capsys, "sample", "--edges", "4", "--nodes", "5", "--seed", "2", "--out", str(out),
                         "--graph", graph_file)
    sample = sample_items(graph, edges=4, nodes=5, seed=2)
    assert status == 0 and f"Wrote 4 edges and 5 nodes to judge to {out}" in err
    assert out.read_text(encoding="utf-8") == to_judge_lines(sample)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(r["verdict"] == "" and r["why"] == "" for r in records)
    assert [j.key for j in read_judgements([out])] == keys(sample.edges) + keys(sample.nodes)
    report = precision_report(graph, read_judgements([out]))
    assert (report.pending, report.unjudged_nodes, report.edge_precision()) == (9, len(NODES), None)


def test_sample_will_not_overwrite_judgements(capsys, graph_file, tmp_path):
    judged = write_lines(tmp_path / "judged.jsonl", [node("bias", "specific")])
    status, _, err = run(capsys, "sample", "--out", judged, "--graph", graph_file)
    assert status == 2 and "judged.jsonl already holds verdicts (or is not a to-judge file)" in err
    assert json.loads((tmp_path / "judged.jsonl").read_text())["verdict"] == "specific"


# --- precision -------------------------------------------------------------------------------------

JUDGED = [
    edge(MONITOR, "integrates with", "Amazon CloudWatch", "correct"),
    edge(MONITOR, "detects", DRIFT, "vague"),
    edge(MONITOR, "used for", "model retraining", "wrong", negated=True),
    edge(MONITOR, "used for", "model retraining", "correct"),  # gone: the graph has only the negated edge
    edge("SageMaker Clarify", "part of", "Amazon SageMaker", "Correct ", kind="structural"),
    edge("Amazon S3", "stores", "bias", "wrong"),  # gone
    edge("SageMaker Clarify", "detects", "bias", ""),  # not judged yet
    node("bias", "specific"), node(DRIFT, "specific"), node("isolated topic", "junk"), node("it", "junk"),
]


def test_precision_counts_what_the_graph_still_holds(graph):
    report = precision_report(graph, [parse_judgement(json.dumps(record)) for record in JUDGED])
    assert report.edges == {"stated": {"correct": 1, "vague": 1, "wrong": 1},
                            "structural": {"correct": 1, "vague": 0, "wrong": 0}}
    assert report.nodes == {"specific": 2, "generic": 0, "junk": 1}
    assert (report.edge_precision("stated"), report.edge_precision("structural"), report.edge_precision()) == (
        pytest.approx(1 / 3), 1.0, 0.5)
    assert report.node_precision() == pytest.approx(2 / 3)
    typed = len(typed_keys(graph, "stated") | typed_keys(graph, "structural"))
    assert (report.typed_edges, report.unjudged_edges) == (typed, typed - 4)
    assert (report.node_count, report.unjudged_nodes) == (len(NODES), len(NODES) - 3)
    assert (report.gone_edges, report.gone_nodes, report.pending) == (2, 1, 1)


def test_a_later_judgement_of_an_item_replaces_an_earlier_one(graph):
    report = precision_report(graph, [Judgement("node", "bias", "junk"), Judgement("node", "bias", "specific"),
                                      Judgement("node", "bias", "")])
    assert report.nodes == {"specific": 1, "generic": 0, "junk": 0} and report.pending == 0


def test_precision_command_reads_every_judged_file_by_default(capsys, graph_file, tmp_path, monkeypatch):
    folder = tmp_path / "eval" / "judgements"
    folder.mkdir(parents=True)
    write_lines(folder / "a.jsonl", JUDGED[:4])
    write_lines(folder / "b.jsonl", JUDGED[4:])
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "precision", "--graph", graph_file)
    assert (status, err) == (0, "")
    for text in ["stated             3         1         1       1      33.3%",
                 "all typed          4         2         1       1      50.0%",
                 "                   3         2         0       1      66.7%",
                 "Judged but no longer in the graph: 2 edge(s), 1 node(s); listed without a verdict: 1 "
                 "(2 file(s) read)."]:
        assert text in out
    report = json.loads(run(capsys, "precision", "--json", "--graph", graph_file)[1])
    assert report["precision"] == {"stated": pytest.approx(1 / 3), "structural": 1.0, "typed": 0.5,
                                   "nodes": pytest.approx(2 / 3)}


@pytest.mark.parametrize("line, message", [
    ("{oops", "not a JSON object"),
    ("[1, 2]", 'not a judgement (it needs "item": "edge" or "node")'),
    (json.dumps(edge(MONITOR, "detects", DRIFT, "right")), "verdict 'right' is not one of correct, vague, wrong"),
    (json.dumps(node("bias", "correct")), "verdict 'correct' is not one of specific, generic, junk"),
    (json.dumps(edge(MONITOR, "detects", DRIFT, "wrong", negated="no")), "the edge has no valid 'negated'"),
    (json.dumps({**node("bias", "junk"), "name": None}), "the node has no valid 'name'"),
    (json.dumps(edge("AWS Glue", "co-occurs with", "Amazon S3", "wrong", kind="cooccurrence")),
     "kind 'cooccurrence' is not one of stated, structural"),
])
def test_a_malformed_line_is_one_error_naming_file_and_line(capsys, graph_file, tmp_path, line, message):
    path = write_lines(tmp_path / "judged.jsonl", [node("bias", "specific"), "", line])
    status, out, err = run(capsys, "precision", path, "--graph", graph_file)
    assert (status, out) == (2, "")
    assert err.startswith(f"error: {path}, line 3: {message}") and err.count("\n") == 1


@pytest.mark.parametrize("files, message", [
    ([], "no judgement files in eval/judgements/ (*.jsonl); make one with: python -m graph sample --out FILE"),
    (["missing.jsonl"], "missing.jsonl: cannot be read (No such file or directory)"),
])
def test_no_judgement_files(capsys, graph_file, tmp_path, monkeypatch, files, message):
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "precision", *files, "--graph", graph_file)
    assert status == 2 and err == f"error: {message}\n"


def test_read_judgements_raises_a_precise_error(tmp_path):
    path = write_lines(tmp_path / "j.jsonl", ["{}"])
    with pytest.raises(JudgementFileError, match=r"j\.jsonl, line 1: not a judgement"):
        read_judgements([path])


def test_every_edge_of_the_fixture_is_judgeable(graph):
    """Every typed edge the sample can draw parses back as a judgement with the same key."""
    for kind in ("stated", "structural"):
        for record in sample_items(graph, edges=len(EDGES), nodes=0, kind=kind).edges:
            assert parse_judgement(json.dumps({**record, "verdict": "wrong"})).key in typed_keys(graph, kind)
