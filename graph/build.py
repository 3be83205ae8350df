"""Assemble an extraction into a networkx graph: one node per entity, one edge per relation."""
from __future__ import annotations

import networkx as nx

from extract.model import Entity, Evidence, Triple

__all__ = ["build_graph", "evidence_dict", "edge_key"]


def evidence_dict(evidence: Evidence) -> dict:
    """Evidence as stored on an edge: the first place it appears, plus every place."""
    first = evidence.first
    return {
        "doc": first.doc,
        "section": first.section,
        "line": first.line,
        "sentence": evidence.sentence,
        "sources": [{"doc": s.doc, "section": s.section, "line": s.line} for s in evidence.sources],
    }


def edge_key(relation: str, kind: str, negated: bool) -> str:
    """Edges between two nodes are keyed by what they say, so each statement is one edge."""
    return f"{'not ' if negated else ''}{relation}|{kind}"


def build_graph(entities: list[Entity], triples: list[Triple], *, notes: list[str] | None = None) -> nx.MultiDiGraph:
    """A directed multigraph of ``entities`` linked by ``triples``.

    Node attributes: ``label``, ``type`` ("service" or "concept"), ``category``,
    ``parent``, ``aliases``, ``definition``, ``sources`` (notes that mention it).
    Edge attributes: ``relation``, ``kind``, ``negated``, ``evidence``, ``count``.
    """
    graph = nx.MultiDiGraph(notes=sorted(notes or []))
    for entity in entities:
        graph.add_node(
            entity.name,
            label=entity.name,
            type=entity.type,
            category=entity.category,
            parent=entity.parent,
            aliases=list(entity.aliases),
            definition=entity.definition,
            sources=[],
        )
    sources: dict[str, set[str]] = {name: set() for name in graph}
    for triple in triples:
        evidence = [evidence_dict(e) for e in triple.evidence]
        docs = {s["doc"] for e in evidence for s in e["sources"]}
        sources[triple.subject] |= docs
        sources[triple.object] |= docs
        graph.add_edge(
            triple.subject,
            triple.object,
            key=edge_key(triple.relation, triple.kind, triple.negated),
            relation=triple.relation,
            kind=triple.kind,
            negated=triple.negated,
            evidence=evidence,
            count=len(evidence),
        )
    for name, docs in sources.items():
        graph.nodes[name]["sources"] = sorted(docs)
    return graph
