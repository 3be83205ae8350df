"""Hypothesis strategies: random graphs in the shape build_graph makes."""
from __future__ import annotations

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
