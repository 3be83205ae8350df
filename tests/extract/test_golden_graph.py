"""The whole pipeline on the fixture notes against a reviewed golden graph.

Regenerate after a deliberate change with ``UPDATE_GOLDEN=1 pytest tests/extract/test_golden_graph.py``
and review the diff of ``fixtures/golden_graph.json`` before committing it.
"""
import json
import os

import pytest

from extract.pipeline import extract_folder
from graph.build import build_graph
from graph.io import graph_to_data

from .conftest import FIXTURES

GOLDEN = FIXTURES / "golden_graph.json"


def _summary(extraction) -> dict:
    graph = build_graph(extraction.entities, extraction.triples)
    data = graph_to_data(graph)
    return {
        "nodes": sorted([n["id"], n["type"]] for n in data["nodes"]),
        "edges": sorted(
            [e["source"], ("not " if e["negated"] else "") + e["relation"], e["target"], e["kind"]]
            for e in data["edges"] if e["kind"] != "cooccurrence"
        ),
    }


@pytest.fixture(scope="module")
def summary(nlp, vocabulary, fixture_notes):
    return _summary(extract_folder(fixture_notes, vocabulary=vocabulary, nlp=nlp))


def test_fixture_notes_give_the_golden_graph(summary):
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    assert summary == json.loads(GOLDEN.read_text())


def test_golden_graph_holds_the_key_facts(summary):
    edges = {tuple(e) for e in summary["edges"]}
    assert ("SageMaker Model Monitor", "integrates with", "Amazon CloudWatch", "stated") in edges
    assert ("SageMaker Clarify", "detects", "bias", "stated") in edges
    assert ("SageMaker Model Registry", "not used for", "model retraining", "stated") in edges
    assert ("chi square", "not assesses", "correlation", "stated") in edges
    assert ("SageMaker Model Monitor", "part of", "Amazon SageMaker", "structural") in edges
    assert ("Amazon MemoryDB", "supports", "vector storage", "stated") in edges


def test_the_graph_does_not_depend_on_hash_seeds(tmp_path, fixture_notes):
    """Two builds in processes with different hash seeds write the same bytes."""
    import subprocess
    import sys
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"graph-{seed}.json"
        subprocess.run([sys.executable, "-m", "graph", "build", str(fixture_notes), "--out", str(out), "--quiet"],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed},
                       cwd=FIXTURES.parents[2])
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
