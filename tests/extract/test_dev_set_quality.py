"""The extractor on the shared dev set: every relation of 26 random windows of the shipped
notes, annotated blind (``../shared/eval``). The same scorer runs on sets nobody here sees,
so these floors only guard against losing ground; they are not targets to tune to."""
import importlib.util
from pathlib import Path

import pytest

from graph.build import build_notes_graph

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = {"relation_typed_recall": 0.50, "relation_label_recall": 0.45, "entity_recall": 0.78}
CEILINGS = {"junk_nodes": 0, "mojibake_nodes": 0, "negatives_violated": 0}


@pytest.fixture(scope="module")
def scores(tmp_path_factory, nlp):
    assert (EVAL / "score.py").is_file(), f"the dev-set scorer is missing: {EVAL / 'score.py'}"
    spec = importlib.util.spec_from_file_location("dev_scorer", EVAL / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out = tmp_path_factory.mktemp("dev") / "graph.json"
    build_notes_graph(ROOT / "content" / "notes", out, nlp=nlp)
    return scorer.score(str(out), str(EVAL / "dev_gold.json"))[0]


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_dev_set_recall_stays_above_its_floor(scores, figure):
    assert scores[figure] >= FLOORS[figure], f"{figure} fell to {scores[figure]} (floor {FLOORS[figure]})"


@pytest.mark.parametrize("figure", sorted(CEILINGS))
def test_no_junk_broken_text_or_denied_relation_rises(scores, figure):
    assert scores[figure] <= CEILINGS[figure], f"{figure} rose to {scores[figure]}"
