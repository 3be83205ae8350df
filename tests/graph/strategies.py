"""Hypothesis strategies: random graphs in the shape build_graph makes."""
from __future__ import annotations

import networkx as nx
from hypothesis import strategies as st

from .conftest import make_graph

NAMES = [f"topic {letter}" for letter in "abcdefghijkl"]
KINDS = ["stated", "structural", "cooccurrence"]
RELATIONS = ["uses", "part of", "detects", "integrates with"]
DOCS = ["a.md", "b.txt"]


@st.composite
def graphs(draw, min_nodes: int = 1, max_nodes: int = 12, max_edges: int = 30):
    names = draw(st.lists(st.sampled_from(NAMES), min_size=min_nodes, max_size=max_nodes, unique=True))
    nodes = [(name, draw(st.sampled_from(["service", "concept"])), [], "", "", "") for name in names]
    edges = {}
    for _ in range(draw(st.integers(0, max_edges))):
        source, target = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        kind = draw(st.sampled_from(KINDS))
        relation = "co-occurs with" if kind == "cooccurrence" else draw(st.sampled_from(RELATIONS))
        negated = kind == "stated" and draw(st.booleans())
        count = draw(st.integers(1, 3))
        doc = draw(st.sampled_from(DOCS))
        sentences = [(doc, "Section", line, f"{source} {relation} {target} ({line}).") for line in range(count)]
        edges[(source, relation, target, kind, negated)] = sentences  # one edge per key, as build_graph does
    return make_graph(nodes, [(*key, value) for key, value in edges.items()], notes=DOCS)


view_options = st.fixed_dictionaries({}, optional={
    "types": st.lists(st.sampled_from(["service", "concept"]), unique=True),
    "kinds": st.one_of(st.none(), st.lists(st.sampled_from(KINDS), unique=True)),
    "notes": st.lists(st.sampled_from(DOCS), unique=True),
    "min_evidence": st.integers(0, 4),
    "negated": st.booleans(),
    "orphans": st.booleans(),
})


SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "sa", "ge", "ma", "ker", "s3", "x"]
words = st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=3).map("".join)
names = st.lists(words, min_size=1, max_size=4).map(" ".join)
# Names that may also hold the words of a question ("which topics mention ..."), so that the
# whole question matches names as well as its content words do.
question_names = st.lists(st.one_of(words, st.sampled_from(["which", "topics", "mention"])), min_size=1,
                          max_size=4).map(" ".join)


@st.composite
def named_graphs(draw, max_topics: int = 40, names=names):
    """Topics named with a few syllables (many near misses, shared and repeated words), with
    aliases, and edges whose evidence sentences name their ends."""
    graph = nx.MultiDiGraph()
    for name in draw(st.lists(names, min_size=1, max_size=max_topics, unique_by=lambda n: " ".join(n.split()))):
        graph.add_node(name, label=name, type=draw(st.sampled_from(["service", "concept"])),
                       aliases=draw(st.lists(names, max_size=2)))
    nodes = sorted(graph)
    for line in range(draw(st.integers(0, 30))):
        source, target = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        sentence = f"{source} {draw(st.sampled_from(RELATIONS))} {target} {draw(names)}."
        graph.add_edge(source, target, relation="uses", kind="stated", negated=False, count=1,
                       evidence=[{"sentence": sentence, "doc": "a.md", "section": "S", "line": line}])
    return graph
