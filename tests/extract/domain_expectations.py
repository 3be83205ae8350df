"""Score an extracted graph against hand-written expectations for one note.

The expectations live in ``fixtures/domains/expected.yaml``: for each note, the relations a
careful reader finds stated in the text, the entities that must become nodes, and the nodes
that must not appear. This module only reads and scores; it does not run the extractor.

Names are compared after normalisation (lower case, punctuation folded to spaces, articles
dropped, a simple plural stripped, spaces optional) against a node's id, its ``label`` and
its ``aliases`` attribute. ``"a | b"`` in an expectation lists aliases: any of them counts.

A relation is found when an edge in either direction between a node matching ``s`` and a
node matching ``o`` has ``kind`` other than ``"cooccurrence"``, ``negated`` false, and a
``relation`` attribute with a word that starts with one of the stems.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
import yaml

ARTICLES = frozenset({"a", "an", "the"})
# Words that end in "s" without being plurals (checked after lower-casing).
NOT_PLURAL = frozenset({
    "dns", "tls", "ssl", "https", "k8s", "kubernetes", "redis", "aws", "os", "ios", "cors",
    "status", "ours", "yours", "this", "series", "species", "analysis", "aux",
})
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_KEYS = 256


# ---------------------------------------------------------------- normalisation


def _token_variants(token: str) -> set[str]:
    """The lower-cased token plus its singular candidates ("caches" -> cache, cach)."""
    low = token.lower()
    variants = {low}
    if (
        len(low) <= 2
        or low in NOT_PLURAL
        or (token.isupper() and len(token) > 1)  # acronyms: DNS, TLS, HTTPS
        or low.endswith(("ss", "us", "is"))
        or not low.endswith("s")
    ):
        return variants
    if low.endswith("ies") and len(low) > 4:
        variants.add(low[:-3] + "y")
    if low.endswith("es"):
        variants.add(low[:-2])
    variants.add(low[:-1])
    return variants


def name_keys(name: Any) -> frozenset[str]:
    """Every normalised form of one name; two names match when their keys intersect."""
    tokens = [t for t in _TOKEN.findall(str(name)) if t.lower() not in ARTICLES]
    if not tokens:
        return frozenset()
    keys: set[str] = set()
    for combo in itertools.islice(itertools.product(*(_token_variants(t) for t in tokens)), _MAX_KEYS):
        keys.add(" ".join(combo))
        keys.add("".join(combo))
    return frozenset(keys)


def split_aliases(text: str) -> tuple[str, ...]:
    """"API server | kube-apiserver" -> ("API server", "kube-apiserver")."""
    return tuple(part.strip() for part in str(text).split("|") if part.strip())


def _keys_of(names: Iterable[str]) -> frozenset[str]:
    keys: set[str] = set()
    for name in names:
        keys |= name_keys(name)
    return frozenset(keys)


def node_names(graph: nx.MultiDiGraph, node: Any) -> list[str]:
    """The id, label and aliases of a node, as strings."""
    data = graph.nodes[node]
    names = [str(node)]
    label = data.get("label")
    if label:
        names.append(str(label))
    aliases = data.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = [aliases]
    names.extend(str(a) for a in aliases if a)
    return names


def node_index(graph: nx.MultiDiGraph) -> dict[Any, frozenset[str]]:
    """{node: keys of its id, label and aliases}, to match many names against one graph."""
    return {n: _keys_of(node_names(graph, n)) for n in graph.nodes}


def matching_nodes(
    graph: nx.MultiDiGraph, names: Iterable[str], index: dict[Any, frozenset[str]] | None = None
) -> list[Any]:
    """Nodes whose id, label or an alias matches any of the names."""
    wanted = _keys_of(names)
    if not wanted:
        return []
    if index is None:
        index = node_index(graph)
    return [n for n, keys in index.items() if keys & wanted]


# ---------------------------------------------------------------- expectations


@dataclass(frozen=True)
class RelationExpectation:
    subject: tuple[str, ...]
    object: tuple[str, ...]
    stems: tuple[str, ...]

    def __str__(self) -> str:
        return f"{' | '.join(self.subject)} -[{'/'.join(self.stems)}]- {' | '.join(self.object)}"


@dataclass(frozen=True)
class NoteExpectation:
    note: str
    relations: tuple[RelationExpectation, ...] = ()
    entities: tuple[tuple[str, ...], ...] = ()
    must_not_appear: tuple[tuple[str, ...], ...] = ()
    must_not_relations: tuple[RelationExpectation, ...] = ()


def _relation(raw: Any, where: str) -> RelationExpectation:
    if not isinstance(raw, dict) or not {"s", "o", "stems"} <= raw.keys():
        raise ValueError(f"{where}: a relation needs s, o and stems: {raw!r}")
    stems = raw["stems"]
    if isinstance(stems, str) or not stems:
        raise ValueError(f"{where}: stems must be a non-empty list: {raw!r}")
    stems = tuple(str(s).strip() for s in stems)
    if any(not s or s != s.lower() or " " in s for s in stems):
        raise ValueError(f"{where}: stems must be single lower-case word starts: {stems!r}")
    subject, obj = split_aliases(raw["s"]), split_aliases(raw["o"])
    if not subject or not obj:
        raise ValueError(f"{where}: empty subject or object: {raw!r}")
    return RelationExpectation(subject, obj, stems)


def _names(raw: Any, where: str) -> tuple[tuple[str, ...], ...]:
    out = []
    for item in raw or ():
        names = split_aliases(item)
        if not names:
            raise ValueError(f"{where}: empty name")
        out.append(names)
    return tuple(out)


def load_expectations(path: str | Path) -> dict[str, NoteExpectation]:
    """Read expected.yaml into {note file name: NoteExpectation}."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: top level must map note names to expectations")
    result: dict[str, NoteExpectation] = {}
    for note, body in data.items():
        body = body or {}
        unknown = set(body) - {"relations", "entities", "must_not_appear", "must_not_relations"}
        if unknown:
            raise ValueError(f"{note}: unknown keys {sorted(unknown)}")
        result[str(note)] = NoteExpectation(
            note=str(note),
            relations=tuple(_relation(r, str(note)) for r in body.get("relations") or ()),
            entities=_names(body.get("entities"), str(note)),
            must_not_appear=_names(body.get("must_not_appear"), str(note)),
            must_not_relations=tuple(
                _relation(r, str(note)) for r in body.get("must_not_relations") or ()
            ),
        )
    return result


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class EdgeHit:
    source: Any
    target: Any
    relation: str


@dataclass
class Report:
    note: str
    found_relations: list[tuple[RelationExpectation, EdgeHit]] = field(default_factory=list)
    missed_relations: list[RelationExpectation] = field(default_factory=list)
    found_entities: list[tuple[tuple[str, ...], list[Any]]] = field(default_factory=list)
    missing_entities: list[tuple[str, ...]] = field(default_factory=list)
    present_must_not: list[tuple[tuple[str, ...], list[Any]]] = field(default_factory=list)
    wrong_relations: list[tuple[RelationExpectation, EdgeHit]] = field(default_factory=list)

    @property
    def relation_recall(self) -> float:
        total = len(self.found_relations) + len(self.missed_relations)
        return len(self.found_relations) / total if total else 1.0

    @property
    def entity_recall(self) -> float:
        total = len(self.found_entities) + len(self.missing_entities)
        return len(self.found_entities) / total if total else 1.0

    @property
    def clean(self) -> bool:
        return not self.present_must_not and not self.wrong_relations

    def summary(self) -> str:
        rel_total = len(self.found_relations) + len(self.missed_relations)
        ent_total = len(self.found_entities) + len(self.missing_entities)
        lines = [
            f"{self.note}: relations {len(self.found_relations)}/{rel_total}, "
            f"entities {len(self.found_entities)}/{ent_total}, "
            f"must-not present {len(self.present_must_not)}"
            + (f", negated-but-stated {len(self.wrong_relations)}" if self.wrong_relations else "")
        ]
        for expectation in self.missed_relations:
            lines.append(f"  missed relation: {expectation}")
        for names in self.missing_entities:
            lines.append(f"  missing entity: {' | '.join(names)}")
        for names, nodes in self.present_must_not:
            lines.append(f"  must-not node: {' | '.join(names)} -> {', '.join(map(str, nodes))}")
        for expectation, hit in self.wrong_relations:
            lines.append(
                f"  negated statement extracted as stated: {expectation} "
                f"({hit.source} -{hit.relation}-> {hit.target})"
            )
        return "\n".join(lines)


def _words(relation: Any) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(str(relation or ""))]


def _counts(data: dict[str, Any], stems: tuple[str, ...]) -> bool:
    if data.get("kind") == "cooccurrence" or data.get("negated"):
        return False
    return any(word.startswith(stems) for word in _words(data.get("relation")))


def find_relation(
    graph: nx.MultiDiGraph,
    expectation: RelationExpectation,
    index: dict[Any, frozenset[str]] | None = None,
) -> EdgeHit | None:
    """The first counting edge, either direction, between the subject and object nodes."""
    if index is None:
        index = node_index(graph)
    subjects = matching_nodes(graph, expectation.subject, index)
    objects = matching_nodes(graph, expectation.object, index)
    for u in subjects:
        for v in objects:
            if u == v:
                continue
            for a, b in ((u, v), (v, u)):
                for data in (graph.get_edge_data(a, b) or {}).values():
                    if _counts(data, expectation.stems):
                        return EdgeHit(a, b, str(data.get("relation")))
    return None


def check(graph: nx.MultiDiGraph, expectation: NoteExpectation) -> Report:
    """Score one note's graph against its expectation."""
    report = Report(note=expectation.note)
    index = node_index(graph)
    for relation in expectation.relations:
        hit = find_relation(graph, relation, index)
        if hit is None:
            report.missed_relations.append(relation)
        else:
            report.found_relations.append((relation, hit))
    for names in expectation.entities:
        nodes = matching_nodes(graph, names, index)
        if nodes:
            report.found_entities.append((names, nodes))
        else:
            report.missing_entities.append(names)
    for names in expectation.must_not_appear:
        nodes = matching_nodes(graph, names, index)
        if nodes:
            report.present_must_not.append((names, nodes))
    for relation in expectation.must_not_relations:
        hit = find_relation(graph, relation, index)
        if hit is not None:
            report.wrong_relations.append((relation, hit))
    return report
