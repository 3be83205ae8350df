"""How precise the graph is: sample its edges and nodes to judge, read the judgements back, count.

:func:`sample_items` draws a seeded sample of typed edges and of nodes as "to judge" records;
a judge fills in each ``verdict`` and ``why``; :func:`precision_report` counts those verdicts
over what the current graph still holds, so one judged sample keeps measuring later builds.

Judgement files are JSON Lines, one record a line (blank lines are skipped)::

    {"item": "edge", "id": "e1", "source": "SageMaker Clarify", "relation": "detects",
     "target": "bias", "negated": false, "kind": "stated", "sentence": "Clarify detects bias.",
     "section": "SageMaker > Clarify", "note": "study-notes.md", "line": 20,
     "verdict": "correct", "why": ""}
    {"item": "node", "id": "n1", "name": "bias", "type": "concept", "aliases": [],
     "sentence": "Clarify detects bias.", "section": "SageMaker > Clarify",
     "note": "study-notes.md", "line": 20, "verdict": "specific", "why": ""}

An edge is matched by (source, relation, target, negated, kind), a node by its name (its id
in the graph); ``id`` only numbers the items of one sample, and the other fields are there
for the judge. Edge verdicts are "correct", "vague" or "wrong"; node verdicts "specific",
"generic" or "junk"; an empty verdict is an item not judged yet. When an item is judged twice,
the later judgement counts. Vague counts against precision: precision = correct / judged.
"""
from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import chain
from pathlib import Path

import networkx as nx

from .views import KIND_RANK

__all__ = ["EDGE_VERDICTS", "NODE_VERDICTS", "TYPED_KINDS", "NO_SENTENCE", "JudgementFileError", "Sample",
           "Judgement", "PrecisionReport", "sample_items", "node_sentence", "to_judge_lines", "parse_judgement",
           "read_judgements", "precision_report"]

EDGE_VERDICTS = ("correct", "vague", "wrong")
NODE_VERDICTS = ("specific", "generic", "junk")
TYPED_KINDS = ("stated", "structural")
NO_SENTENCE = "(no sentence)"

EdgeKey = tuple[str, str, str, bool, str]
_EDGE_FIELDS = {"source": str, "relation": str, "target": str, "negated": bool, "kind": str, "verdict": str}
_NODE_FIELDS = {"name": str, "verdict": str}


class JudgementFileError(ValueError):
    """A judgement file that cannot be read, or a malformed line in one (the message names both)."""


@dataclass(frozen=True)
class Sample:
    """A seeded sample of one kind of typed edge and of nodes, as to-judge records."""

    kind: str
    seed: int
    edges: tuple[dict, ...]
    nodes: tuple[dict, ...]
    edges_of_kind: int  # how many edges of ``kind`` the graph holds
    node_count: int


@dataclass(frozen=True)
class Judgement:
    """One line of a judgement file: which item, its verdict ("" when not judged yet), where it was read."""

    item: str  # "edge" or "node"
    key: EdgeKey | str  # (source, relation, target, negated, kind) for an edge, the name for a node
    verdict: str
    where: str = ""


@dataclass(frozen=True)
class PrecisionReport:
    """Verdicts over the judged items the graph still holds, and what is unjudged or gone."""

    edges: dict[str, dict[str, int]]  # kind -> verdict -> count
    nodes: dict[str, int]  # verdict -> count
    typed_edges: int
    unjudged_edges: int
    node_count: int
    unjudged_nodes: int
    gone_edges: int  # judged edges the graph no longer has
    gone_nodes: int
    pending: int  # items listed without a verdict

    def edge_precision(self, kind: str | None = None) -> float | None:
        """Correct / judged over edges of ``kind`` (both typed kinds when None); None when none is judged."""
        counts = [self.edges[name] for name in ((kind,) if kind else TYPED_KINDS)]
        judged = sum(sum(count.values()) for count in counts)
        return sum(count["correct"] for count in counts) / judged if judged else None

    def node_precision(self) -> float | None:
        """Specific / judged over nodes; None when none is judged."""
        judged = sum(self.nodes.values())
        return self.nodes["specific"] / judged if judged else None

    def as_dict(self) -> dict:
        """Plain data for JSON, with the precisions (null when nothing is judged)."""
        precision = {kind: self.edge_precision(kind) for kind in TYPED_KINDS}
        precision.update(typed=self.edge_precision(), nodes=self.node_precision())
        return {**asdict(self), "precision": precision}


def sample_items(graph: nx.MultiDiGraph, *, edges: int = 50, nodes: int = 60, seed: int = 7,
                 kind: str = "stated") -> Sample:
    """A reproducible random sample of ``edges`` edges of ``kind`` (negated ones included) and of
    ``nodes`` nodes of every type; fewer when the graph holds fewer.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Clarify", type="service", aliases=["SageMaker Clarify"])
    >>> g.add_node("bias", type="concept", aliases=[])
    >>> said = {"doc": "n.md", "section": "ML", "line": 3, "sentence": "Clarify detects bias."}
    >>> _ = g.add_edge("Clarify", "bias", relation="detects", kind="stated", negated=False, evidence=[said])
    >>> sample = sample_items(g, edges=5, nodes=5, seed=1)
    >>> [(e["source"], e["relation"], e["target"], e["sentence"]) for e in sample.edges]
    [('Clarify', 'detects', 'bias', 'Clarify detects bias.')]
    >>> sorted(n["name"] for n in sample.nodes)
    ['Clarify', 'bias']
    """
    if kind not in TYPED_KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(TYPED_KINDS)}")
    if edges < 0 or nodes < 0:
        raise ValueError(f"a sample size cannot be negative (edges={edges}, nodes={nodes})")
    pool = sorted(((u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == kind),
                  key=lambda edge: _edge_key(*edge))
    chosen = random.Random(seed).sample(pool, min(edges, len(pool)))
    names = random.Random(f"nodes {seed}").sample(sorted(graph), min(nodes, len(graph)))
    return Sample(kind, seed,
                  tuple(_edge_record(f"e{number}", *edge) for number, edge in enumerate(chosen, start=1)),
                  tuple(_node_record(f"n{number}", graph, name) for number, name in enumerate(names, start=1)),
                  len(pool), graph.number_of_nodes())


def node_sentence(graph: nx.MultiDiGraph, name: str) -> dict | None:
    """The evidence that shows a node in a sentence: of the first evidence of each of its edges, the
    strongest kind's (stated, structural, co-occurrence) earliest in the notes; None without any."""
    said = [(data["kind"], data["evidence"][0]) for _, _, data in
            chain(graph.out_edges(name, data=True), graph.in_edges(name, data=True)) if data["evidence"]]
    if not said:
        return None
    return min(said, key=lambda item: (KIND_RANK.get(item[0], len(KIND_RANK)), item[1]["doc"], item[1]["line"]))[1]


def to_judge_lines(sample: Sample) -> str:
    """The sample as a JSON Lines file to judge: one record a line, edges first."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in chain(sample.edges, sample.nodes))


def parse_judgement(line: str, *, where: str = "judgement") -> Judgement:
    """One line of a judgement file; raise :class:`JudgementFileError` naming ``where`` when malformed."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as error:
        raise JudgementFileError(f"{where}: not a JSON object ({getattr(error, 'msg', 'nested too deep')})") from None
    if not isinstance(record, dict) or record.get("item") not in ("edge", "node"):
        raise JudgementFileError(f'{where}: not a judgement (it needs "item": "edge" or "node")')
    is_edge = record["item"] == "edge"
    fields, verdicts = (_EDGE_FIELDS, EDGE_VERDICTS) if is_edge else (_NODE_FIELDS, NODE_VERDICTS)
    wrong = next((name for name, kind in fields.items() if not isinstance(record.get(name), kind)), None)
    if wrong:
        raise JudgementFileError(f"{where}: the {record['item']} has no valid {wrong!r}")
    verdict = record["verdict"].strip().lower()
    if verdict not in ("", *verdicts):
        raise JudgementFileError(f"{where}: verdict {record['verdict']!r} is not one of {', '.join(verdicts)}")
    if is_edge and record["kind"] not in TYPED_KINDS:
        raise JudgementFileError(f"{where}: kind {record['kind']!r} is not one of {', '.join(TYPED_KINDS)}")
    key = _edge_key(record["source"], record["target"], record) if is_edge else record["name"]
    return Judgement(record["item"], key, verdict, where)


def read_judgements(paths: Iterable[Path]) -> list[Judgement]:
    """Every judgement in ``paths``, in order; raise :class:`JudgementFileError` at the first problem."""
    judgements = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise JudgementFileError(f"{path}: cannot be read ({getattr(error, 'strerror', None) or error})") from None
        judgements += [parse_judgement(line, where=f"{path}, line {number}")
                       for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    return judgements


def precision_report(graph: nx.MultiDiGraph, judgements: Iterable[Judgement]) -> PrecisionReport:
    """Count the verdicts of ``judgements`` over the edges and nodes ``graph`` still holds.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("Clarify", "bias", relation="detects", kind="stated", negated=False, evidence=[])
    >>> report = precision_report(g, [Judgement("edge", ("Clarify", "detects", "bias", False, "stated"), "vague"),
    ...                               Judgement("node", "bias", "specific"), Judgement("node", "it", "junk")])
    >>> report.edge_precision(), report.node_precision(), report.unjudged_nodes, report.gone_nodes
    (0.0, 1.0, 1, 1)
    """
    judgements = list(judgements)
    present = {_edge_key(u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] in TYPED_KINDS}
    latest = {(j.item, j.key): j for j in judgements if j.verdict}
    edges, nodes, gone = _count_verdicts(graph, present, latest.values())
    judged = {item: {key for kind, key in latest if kind == item} for item in ("edge", "node")}
    pending = {(j.item, j.key) for j in judgements if not j.verdict} - latest.keys()
    return PrecisionReport(edges, nodes, len(present), len(present - judged["edge"]), graph.number_of_nodes(),
                           sum(1 for name in graph if name not in judged["node"]), gone["edge"], gone["node"],
                           len(pending))


def _count_verdicts(graph: nx.MultiDiGraph, present: set[EdgeKey], judgements: Iterable[Judgement],
                    ) -> tuple[dict[str, dict[str, int]], dict[str, int], Counter[str]]:
    """Verdicts per edge kind and for nodes over the items still in the graph, and how many are gone."""
    edges = {kind: dict.fromkeys(EDGE_VERDICTS, 0) for kind in TYPED_KINDS}
    nodes = dict.fromkeys(NODE_VERDICTS, 0)
    gone: Counter[str] = Counter()
    for judgement in judgements:
        if judgement.item == "edge" and judgement.key in present:
            edges[judgement.key[4]][judgement.verdict] += 1
        elif judgement.item == "node" and judgement.key in graph:
            nodes[judgement.verdict] += 1
        else:
            gone[judgement.item] += 1
    return edges, nodes, gone


def _edge_key(source: str, target: str, data: dict) -> EdgeKey:
    return (source, data["relation"], target, data["negated"], data["kind"])


def _place(evidence: dict | None) -> dict:
    evidence = evidence or {}
    return {"sentence": evidence.get("sentence", NO_SENTENCE), "section": evidence.get("section", ""),
            "note": evidence.get("doc", ""), "line": evidence.get("line")}


def _edge_record(number: str, source: str, target: str, data: dict) -> dict:
    return {"item": "edge", "id": number, "source": source, "relation": data["relation"], "target": target,
            "negated": data["negated"], "kind": data["kind"], **_place(next(iter(data["evidence"]), None)),
            "verdict": "", "why": ""}


def _node_record(number: str, graph: nx.MultiDiGraph, name: str) -> dict:
    data = graph.nodes[name]
    return {"item": "node", "id": number, "name": name, "type": data.get("type", ""),
            "aliases": list(data.get("aliases", [])), **_place(node_sentence(graph, name)), "verdict": "", "why": ""}
