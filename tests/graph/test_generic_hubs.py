"""The generic-hub figures of the quality bar, counted over the nodes readers judged."""
import networkx as nx
import pytest

from graph.generic_hubs import generic_hubs
from graph.precision import Judgement

from .conftest import run


def graph_of(edges) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for source, target, kind, negated in edges:
        graph.add_edge(source, target, kind=kind, negated=negated, relation="uses")
    return graph


GRAPH = graph_of([
    ("SageMaker", "metrics", "stated", False), ("Clarify", "metrics", "stated", False), ("Clarify", "bias", "stated", False),
    ("SageMaker", "Clarify", "structural", False), ("Clarify", "data", "stated", True),  # negated: not counted
    ("SageMaker", "data", "cooccurrence", False),  # co-occurrence: not counted
])


def test_share_of_typed_edges_touching_a_judged_generic_node_and_the_top_topics():
    hubs = generic_hubs(GRAPH, [Judgement("node", "metrics", "generic"), Judgement("node", "bias", "specific"),
                                Judgement("node", "data", "generic")], top=3)
    assert (hubs.typed_edges, hubs.touching_generic) == (4, 2) and hubs.share() == pytest.approx(0.5)
    assert hubs.top == (("Clarify", 3, ""), ("SageMaker", 2, ""), ("metrics", 2, "generic"))
    assert hubs.generic_in_top() == ["metrics"] and hubs.unjudged_in_top() == ["Clarify", "SageMaker"]


def test_the_last_verdict_of_a_node_counts():
    hubs = generic_hubs(GRAPH, [Judgement("node", "metrics", "generic"), Judgement("node", "metrics", "specific")])
    assert hubs.touching_generic == 0 and hubs.generic_in_top() == []


def test_the_precision_command_prints_the_figures(capsys, graph_file, tmp_path):
    judged = tmp_path / "judged.jsonl"
    judged.write_text('{"item": "node", "name": "bias", "type": "concept", "verdict": "generic", "why": ""}\n',
                      encoding="utf-8")
    status, out, _ = run(capsys, "precision", "--graph", graph_file, str(judged))
    assert status == 0 and "Generic hubs (by judged nodes):" in out and "most connected topics" in out
