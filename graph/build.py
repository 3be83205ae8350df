"""Assemble an extraction into a networkx graph: one node per entity, one edge per relation;
and the whole build, from folders of notes to a saved graph, for the command line and the app."""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from extract.model import Entity, Evidence, Triple

from .io import save_graph

__all__ = ["build_graph", "evidence_dict", "edge_key", "NotesBuild", "build_notes_graph"]


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


@dataclass(frozen=True)
class NotesBuild:
    """A built and saved graph with the extraction it came from (``cached`` when reused)."""

    graph: nx.MultiDiGraph
    extraction: object  # extract.pipeline.Extraction
    cached: bool


def build_notes_graph(folders: Path | Sequence[Path], out: Path, *, cache_dir: Path | None = None,
                      content_dir: Path | None = None, nlp=None,
                      progress: Callable[[float, str], None] | None = None, cluster=None) -> NotesBuild:
    """Extract the notes under ``folders``, build the graph and save it to ``out`` atomically.

    With a ``cache_dir``, the extraction is reused when notes, vocabulary and extractor are
    all unchanged; otherwise only the notes not cached there (new or changed ones) are
    parsed (their changed passages only) and read, and the graph is reassembled from
    every note's cached reading. With a ``cluster`` (``extract.distributed.DaskCluster``), the
    notes to read are read on its workers; the graph is assembled here all the same.

    Raises the extractor's own errors (``NoteError``, ``VocabularyError``,
    ``ModelNotInstalled``, ``ClusterError``), whose messages name the folder, file or
    scheduler at fault. The graph file is written only once the build has succeeded.
    """
    with _few_collections():
        return _build_notes_graph(folders, out, cache_dir, content_dir, nlp, progress, cluster)


def _build_notes_graph(folders, out, cache_dir, content_dir, nlp, progress, cluster) -> NotesBuild:
    from extract.cache import FindingsCache, extractor_version  # spaCy: imported only when notes must be read
    from extract.parse import installed_model
    from extract.pipeline import extract_folder
    from extract.read import nothing_to_build
    from extract.vocabulary import CONTENT_DIR, load_vocabulary

    folders = [Path(folders)] if isinstance(folders, (str, Path)) else [Path(f) for f in folders]
    content = Path(content_dir) if content_dir else CONTENT_DIR
    vocabulary = load_vocabulary(content)
    cache = None
    if cache_dir is not None:
        cache = FindingsCache(Path(cache_dir), extractor_version(content, installed_model()))
    extraction = extract_folder(folders, vocabulary=vocabulary, nlp=nlp, progress=progress, cache=cache,
                                cluster=cluster)
    if not extraction.notes:  # nothing readable: the previous graph stays, and the error says why
        raise nothing_to_build(folders, extraction.problems)
    graph = build_graph(extraction.entities, extraction.triples, notes=[note.doc for note in extraction.notes])
    save_graph(graph, Path(out))
    return NotesBuild(graph, extraction, cached=extraction.fresh == 0)


@contextmanager
def _few_collections() -> Iterator[None]:
    """Collect cyclic garbage rarely while building. A build makes hundreds of thousands of
    objects that live until it ends (statements, findings, cached readings), and Python's
    default thresholds would scan them all again and again: a sixth of an incremental
    build's time (0.5 s of 3, measured)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
