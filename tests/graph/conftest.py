"""A small hand-built graph in the shape ``graph.build.build_graph`` makes, and a way to make more.

The seed graph changes as the extractor improves, so the tests build their own:

    Amazon SageMaker <-part of- SageMaker Model Monitor -integrates with-> Amazon CloudWatch
    Amazon SageMaker <-part of- SageMaker Clarify -detects-> bias ~co-occurs~ data drift
    Amazon SageMaker -reads data from-> Amazon S3 ~co-occurs~ AWS Glue, Amazon CloudWatch
    SageMaker Model Monitor -detects-> data drift (2 sentences), -NOT used for-> model retraining
    isolated topic (no edges)
"""
from __future__ import annotations

import networkx as nx
import pytest

STUDY = "study-notes.md"
CHEAT = "cheat-sheet.txt"

NODES = [
    # id, type, aliases, category
    ("Amazon SageMaker", "service", ["SageMaker"], "ml"),
    ("SageMaker Model Monitor", "service", ["Model Monitor"], "ml"),
    ("SageMaker Clarify", "service", ["Clarify"], "ml"),
    ("Amazon CloudWatch", "service", ["CloudWatch"], "monitoring"),
    ("Amazon S3", "service", ["S3", "Simple Storage Service"], "storage"),
    ("AWS Glue", "service", [], "analytics"),
    ("data drift", "concept", ["drift in data"], ""),
    ("bias", "concept", [], ""),
    ("model retraining", "concept", [], ""),
    ("isolated topic", "concept", [], ""),
]

EDGES = [
    # source, relation, target, kind, negated, [(doc, section, line, sentence), ...]
    ("SageMaker Model Monitor", "integrates with", "Amazon CloudWatch", "stated", False,
     [(STUDY, "SageMaker > Model Monitor", 12, "Model Monitor integrates with Amazon CloudWatch to raise alerts.")]),
    ("SageMaker Model Monitor", "detects", "data drift", "stated", False,
     [(STUDY, "SageMaker > Model Monitor", 14, "Model Monitor detects data drift in production."),
      (CHEAT, "Monitoring", 80, "Drift in data is detected by Model Monitor.")]),
    ("SageMaker Model Monitor", "used for", "model retraining", "stated", True,
     [(CHEAT, "Monitoring", 82, "Model Monitor is not used for model retraining.")]),
    ("SageMaker Clarify", "detects", "bias", "stated", False,
     [(STUDY, "SageMaker > Clarify", 20, "Clarify detects bias in training data.")]),
    ("SageMaker Model Monitor", "part of", "Amazon SageMaker", "structural", False,
     [(STUDY, "SageMaker > Model Monitor", 10, "SageMaker > Model Monitor")]),
    ("SageMaker Clarify", "part of", "Amazon SageMaker", "structural", False,
     [(STUDY, "SageMaker > Clarify", 18, "SageMaker > Clarify")]),
    ("Amazon SageMaker", "reads data from", "Amazon S3", "stated", False,
     [(CHEAT, "Storage", 40, "SageMaker reads training data from Amazon S3.")]),
    ("AWS Glue", "co-occurs with", "Amazon S3", "cooccurrence", False,
     [(CHEAT, "Storage", 44, "Glue crawls the files in S3.")]),
    ("Amazon CloudWatch", "co-occurs with", "Amazon S3", "cooccurrence", False,
     [(CHEAT, "Logging", 60, "CloudWatch can export logs to S3.")]),
    ("bias", "co-occurs with", "data drift", "cooccurrence", False,
     [(CHEAT, "Monitoring", 84, "Bias drift and data drift are both watched.")]),
]


def evidence(doc: str, section: str, line: int, sentence: str) -> dict:
    return {"doc": doc, "section": section, "line": line, "sentence": sentence,
            "sources": [{"doc": doc, "section": section, "line": line}]}


def make_graph(nodes=NODES, edges=EDGES, *, notes=(STUDY, CHEAT)) -> nx.MultiDiGraph:
    """A graph with exactly the attributes build_graph gives (node sources from the evidence)."""
    graph = nx.MultiDiGraph(notes=sorted(notes))
    for name, kind, aliases, category in nodes:
        graph.add_node(name, label=name, type=kind, category=category, parent="", aliases=list(aliases),
                       definition="", sources=[])
    sources: dict[str, set[str]] = {name: set() for name in graph}
    for source, relation, target, kind, negated, sentences in edges:
        items = [evidence(*sentence) for sentence in sentences]
        graph.add_edge(source, target, key=f"{'not ' if negated else ''}{relation}|{kind}", relation=relation,
                       kind=kind, negated=negated, evidence=items, count=len(items))
        for item in items:
            sources[source].add(item["doc"])
            sources[target].add(item["doc"])
    for name, docs in sources.items():
        graph.nodes[name]["sources"] = sorted(docs)
    return graph


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return make_graph()


HOSTILE_LABEL = '<img src=x onerror="window.__xss=1">'
HOSTILE_SENTENCE = '</script><script>window.__xss=2</script> see <a href="javascript:window.__xss=3">here</a>'


@pytest.fixture
def hostile_graph() -> nx.MultiDiGraph:
    """Note text that tries to run script: as a topic name, an alias, a section and a sentence."""
    nodes = NODES + [(HOSTILE_LABEL, "concept", ["</script><script>window.__xss=4</script>"], "")]
    edges = EDGES + [("SageMaker Clarify", "explains", HOSTILE_LABEL, "stated", True,
                      [(STUDY, "<b onmouseover=window.__xss=5>Section</b>", 99, HOSTILE_SENTENCE)])]
    return make_graph(nodes, edges)
