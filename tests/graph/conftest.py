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

from extract.model import Entity, Evidence, Source, Triple
from graph.build import build_graph
from graph.cli import main
from graph.io import save_graph

STUDY = "study-notes.md"
CHEAT = "cheat-sheet.txt"

DEFINITION = "SageMaker Model Monitor detects data drift in production."

NODES = [
    # id, type, aliases, category, parent, definition
    ("Amazon SageMaker", "service", ["SageMaker"], "machine learning", "", ""),
    ("SageMaker Model Monitor", "service", ["Model Monitor"], "machine learning", "Amazon SageMaker", DEFINITION),
    ("SageMaker Clarify", "service", ["Clarify"], "machine learning", "Amazon SageMaker", ""),
    ("Amazon CloudWatch", "service", ["CloudWatch"], "monitoring", "", ""),
    ("Amazon S3", "service", ["S3", "Simple Storage Service"], "storage", "", ""),
    ("AWS Glue", "service", [], "analytics", "", ""),
    ("data drift", "concept", ["drift in data"], "", "", ""),
    ("bias", "concept", [], "", "", ""),
    ("model retraining", "concept", [], "", "", ""),
    ("isolated topic", "concept", [], "", "", ""),
]

EDGES = [
    # source, relation, target, kind, negated, [(doc, section, line, sentence), ...]
    ("SageMaker Model Monitor", "integrates with", "Amazon CloudWatch", "stated", False,
     [(STUDY, "SageMaker > Model Monitor", 12, "Model Monitor integrates with Amazon CloudWatch to raise alerts.")]),
    ("SageMaker Model Monitor", "detects", "data drift", "stated", False,
     [(STUDY, "SageMaker > Model Monitor", 14, DEFINITION),
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


def make_graph(nodes=NODES, edges=EDGES, *, notes=(STUDY, CHEAT)) -> nx.MultiDiGraph:
    """The graph ``build_graph`` makes of these nodes and edges (node sources from the evidence)."""
    entities = [Entity(name, kind, tuple(aliases), category, parent, definition)
                for name, kind, aliases, category, parent, definition in nodes]
    triples = [Triple(source, relation, target, kind, negated,
                      tuple(Evidence(sentence, (Source(doc, section, line),)) for doc, section, line, sentence in said))
               for source, relation, target, kind, negated, said in edges]
    return build_graph(entities, triples, notes=list(notes))


def study_graph(*, leaves: int = 20, specific: bool = True) -> nx.MultiDiGraph:
    """SMOTE -increases-> accuracy <-reports- Amazon SageMaker, where "accuracy" measures
    ``leaves`` other topics, and (if ``specific``) the longer specific chain SMOTE -is a->
    oversampling -corrects-> class imbalance <-detects- Amazon SageMaker."""
    said = [("notes.md", "Imbalance", 1, "A sentence of the notes.")]
    nodes = [("SMOTE", "concept", [], "", "", ""), ("Amazon SageMaker", "service", ["SageMaker"], "", "", ""),
             ("accuracy", "concept", [], "", "", "")]
    edges = [("SMOTE", "increases", "accuracy", "stated", False, said),
             ("Amazon SageMaker", "reports", "accuracy", "stated", False, said)]
    for number in range(leaves):
        nodes.append((f"metric {number}", "concept", [], "", "", ""))
        edges.append(("accuracy", "measures", f"metric {number}", "stated", False, said))
    if specific:
        nodes += [("oversampling", "concept", [], "", "", ""), ("class imbalance", "concept", [], "", "", "")]
        edges += [("SMOTE", "is a", "oversampling", "stated", False, said),
                  ("oversampling", "corrects", "class imbalance", "stated", False, said),
                  ("Amazon SageMaker", "detects", "class imbalance", "stated", False, said)]
    return make_graph(nodes, edges, notes=["notes.md"])


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return make_graph()


HOSTILE_LABEL = '<img src=x onerror="window.__xss=1">'
HOSTILE_SENTENCE = '</script><script>window.__xss=2</script> see <a href="javascript:window.__xss=3">here</a>'

# A note as a hostile user might write it: tags, event handlers, `javascript:` links, a
# closing script tag and the word href, both as markup and as escaped text the note shows.
HOSTILE_NOTE = b"""# <img src=x onerror="window.__xss=1"> Monitoring &lt;img src=x onerror="window.__xss=1"&gt;

## </script><script>window.__xss=2</script> Alerts

- **<img src=x onerror="window.__xss=1"> tool:** SageMaker Model Monitor integrates with Amazon CloudWatch.
- AWS Glue &lt;img src=x onerror="window.__xss=1"&gt; crawls data in Amazon S3.
- Amazon CloudWatch &lt;/script&gt;&lt;script&gt;window.__xss=2&lt;/script&gt; stores metrics for SageMaker endpoints.
- ![pixel](http://evil.example/x.png) Amazon S3 stores training data [click](javascript:window.__xss=3).

## The href of <a href="javascript:window.__xss=3" onclick="window.__xss=3">Amazon Athena</a>

Amazon Athena queries data in Amazon S3 &lt;a href="javascript:window.__xss=3"&gt;href&lt;/a&gt;.
"""
HOSTILE_TEXT = '<img src=x onerror="window.__xss=1">'


@pytest.fixture
def hostile_graph() -> nx.MultiDiGraph:
    """Note text that tries to run script: as a topic name, an alias, a section and a sentence."""
    nodes = NODES + [(HOSTILE_LABEL, "concept", ["</script><script>window.__xss=4</script>"], "", "", "")]
    edges = EDGES + [("SageMaker Clarify", "explains", HOSTILE_LABEL, "stated", True,
                      [(STUDY, "<b onmouseover=window.__xss=5>Section</b>", 99, HOSTILE_SENTENCE)])]
    return make_graph(nodes, edges)


# Text that breaks naive quoting in CSV, Cypher and shell: quotes, a backslash, line breaks,
# the usual array delimiter, a semicolon and characters beyond ASCII.
TRICKY_NAME = 'O\'Reilly "x" \\ \n'
TRICKY_ALIASES = ["a|b", 'say "hi", then\nleave', "semi; colon // not a comment", "\r\u00e9\U0001F642"]
TRICKY_DEFINITION = "a lone carriage\rreturn"  # and nothing else a CSV writer would quote
TRICKY_RELATION = 'isn\'t "really" used; for'
TRICKY_SECTION = 'Section, "one"'
TRICKY_SENTENCE = 'It said "O\'Reilly | x", then \\n; MATCH (n) DETACH DELETE n //\nend'
RELATIONSHIP_TYPES = {"INTEGRATES_WITH", "DETECTS", "USED_FOR", "PART_OF", "READS_DATA_FROM", "CO_OCCURS_WITH"}


@pytest.fixture
def tricky_graph() -> nx.MultiDiGraph:
    """The example graph and a topic whose name, aliases, definition and one edge hold tricky text."""
    nodes = NODES + [(TRICKY_NAME, "concept", TRICKY_ALIASES, "", "", TRICKY_DEFINITION)]
    edges = EDGES + [("SageMaker Clarify", TRICKY_RELATION, TRICKY_NAME, "stated", True,
                      [(STUDY, TRICKY_SECTION, 99, TRICKY_SENTENCE)])]
    return make_graph(nodes, edges)


@pytest.fixture
def graph_file(graph, tmp_path) -> str:
    """The example graph saved as a file, for the command line."""
    path = tmp_path / "graph.json"
    save_graph(graph, path)
    return str(path)


def run(capsys, *argv) -> tuple[int, str, str]:
    """``python -m graph ARGV``: exit status, standard output and standard error."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err
