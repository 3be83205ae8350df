"""A big graph in build_graph's schema for the benchmarks: a few hubs and many leaves, as in the notes.

Not collected by pytest. The shape is a Barabasi-Albert skeleton (heavy-tailed degrees)
topped up with random edges to the edge count asked for; 20,000 topics with 100,000 edges
attach 5 links per new topic, 100,000 topics with 400,000 edges attach 4.
"""
from __future__ import annotations

import random

import networkx as nx

SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "to", "vu", "shi", "den", "mar", "pol", "ter", "gan", "fen", "sol",
             "bri", "ux", "zen", "qua", "dor", "li", "sa", "ber", "nor"]
RELATIONS = ["uses", "integrates with", "detects", "stores data in", "trains", "is a", "provides", "monitors"]


def generated_graph(nodes: int = 20_000, edges: int = 100_000, seed: int = 7) -> tuple[nx.MultiDiGraph, str]:
    """The graph and a sentence saying how it was made."""
    rng = random.Random(seed)
    attach = max(1, edges // nodes)
    skeleton = nx.barabasi_albert_graph(nodes, attach, seed=seed)
    while skeleton.number_of_edges() < edges:
        skeleton.add_edge(rng.randrange(nodes), rng.randrange(nodes))
    ordered = _names(nodes, rng)
    docs = [f"note-{number}.md" for number in range(5)]
    graph = nx.MultiDiGraph(notes=docs)
    for number, name in enumerate(ordered):
        aliases = ["".join(word[0] for word in name.split()).upper() + str(number)] if rng.random() < 0.2 else []
        graph.add_node(name, label=name, type="service" if rng.random() < 0.1 else "concept", category="", parent="",
                       aliases=aliases, definition="", sources=sorted(rng.sample(docs, rng.randint(1, 2))))
    for u, v in skeleton.edges():
        if u != v:
            _add_edge(graph, ordered[u], ordered[v], docs, rng)
    parameters = (f"Barabasi-Albert skeleton n={nodes:,} m={attach} seed={seed}, plus random edges up to {edges:,}; "
                  f"kinds stated/structural/co-occurrence 30/15/55%, 1% of stated negated, 1-3 evidence "
                  f"sentences per edge, 20% of topics with an alias, names of 2-3 pseudo-words")
    return graph, parameters


def _names(count: int, rng: random.Random) -> list[str]:
    words = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(4000)})
    names: set[str] = set()
    while len(names) < count:
        names.add(" ".join(rng.choice(words) for _ in range(rng.randint(2, 3))))
    ordered = sorted(names)
    rng.shuffle(ordered)
    return ordered


def _add_edge(graph: nx.MultiDiGraph, source: str, target: str, docs: list[str], rng: random.Random) -> None:
    kind = rng.choices(["stated", "structural", "cooccurrence"], weights=[30, 15, 55])[0]
    if kind == "cooccurrence":
        source, target, relation, negated = min(source, target), max(source, target), "co-occurs with", False
    else:
        relation = "subtopic of" if kind == "structural" else rng.choice(RELATIONS)
        negated = kind == "stated" and rng.random() < 0.01
        if rng.random() < 0.5:
            source, target = target, source
    count = rng.choices([1, 2, 3], weights=[70, 20, 10])[0]
    evidence = []
    for line in rng.sample(range(1, 5000), count):
        doc = rng.choice(docs)
        place = {"doc": doc, "section": f"Chapter {line % 40} > Part {line % 7}", "line": line}
        sentence = f"{source.title()} {'does not ' if negated else ''}{relation} {target} in practice ({line})."
        evidence.append({**place, "sentence": sentence, "sources": [place]})
    graph.add_edge(source, target, key=f"{'not ' if negated else ''}{relation}|{kind}", relation=relation,
                   kind=kind, negated=negated, evidence=evidence, count=count)
