"""Gather findings from every sentence into entities and triples with merged evidence."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .cleaning import sentence_key
from .model import Entity, Evidence, Source, Triple
from .registry import SERVICE, Registry

__all__ = ["Finding", "Assembler", "STATED", "STRUCTURAL", "COOCCURRENCE", "COOCCURS", "MENTIONS"]

STATED, STRUCTURAL, COOCCURRENCE = "stated", "structural", "cooccurrence"
COOCCURS = "co-occurs with"
MENTIONS = "mentioned"  # a service named in a sentence: a node even without relations


@dataclass(frozen=True)
class Finding:
    """One relation read from one sentence in one place (keys are registry keys)."""

    subject: str
    relation: str
    object: str
    kind: str
    negated: bool
    sentence: str
    source: Source


class Assembler:
    """Merges findings: the same relation from the same sentence in three notes is one
    triple with one piece of evidence that has three sources."""

    def __init__(self, registry: Registry):
        self._registry = registry
        self._evidence: dict[tuple, dict[str, tuple[str, set[Source]]]] = defaultdict(dict)
        self._services: set[str] = set()

    def add(self, findings: Iterable[Finding]) -> None:
        """Add the findings of one sentence; a relation the sentence denies is never also
        kept as the same positive relation."""
        findings = [self._canonical(f) for f in findings]
        for finding in findings:
            if finding.relation == MENTIONS:
                self._services.add(finding.subject)
        findings = [f for f in findings if f.relation != MENTIONS]
        denied = {(f.subject, f.relation, f.object) for f in findings if f.negated}
        text_keys: dict[str, str] = {}  # a sentence's findings share it
        for finding in findings:
            if finding.subject == finding.object:
                continue
            if not finding.negated and (finding.subject, finding.relation, finding.object) in denied:
                continue
            key = (finding.subject, finding.relation, finding.object, finding.kind, finding.negated)
            sentences = self._evidence[key]
            text_key = text_keys.get(finding.sentence)
            if text_key is None:
                text_key = text_keys[finding.sentence] = sentence_key(finding.sentence)
            if text_key not in sentences:
                sentences[text_key] = (finding.sentence, set())
            sentences[text_key][1].add(finding.source)

    def _canonical(self, finding: Finding) -> Finding:
        subject, obj = self._registry.find(finding.subject), self._registry.find(finding.object)
        if finding.kind == COOCCURRENCE and obj < subject:
            subject, obj = obj, subject
        return Finding(subject, finding.relation, obj, finding.kind, finding.negated, finding.sentence, finding.source)

    def build(self) -> tuple[list[Entity], list[Triple]]:
        """Entities (services mentioned, and everything in a typed relation) and triples
        between them; co-occurrence only links things that are nodes for another reason."""
        typed = {k for k in self._evidence if k[3] != COOCCURRENCE}
        nodes = set(self._services) | {k[0] for k in typed} | {k[2] for k in typed}
        names = self._unique_names(nodes)
        triples = []
        for key, sentences in self._evidence.items():
            subject, relation, obj, kind, negated = key
            if subject not in nodes or obj not in nodes:
                continue
            evidence = tuple(
                Evidence(sentence, tuple(sorted(sources)))
                for sentence, sources in sorted(sentences.values(), key=lambda item: min(item[1]))
            )
            triples.append(Triple(names[subject], relation, names[obj], kind, negated, evidence))
        entities = []
        for key in nodes:
            entity = self._registry.entity(key)
            entities.append(Entity(names[key], entity.type, entity.aliases, entity.category, entity.parent, entity.definition))
        entities.sort(key=lambda e: (e.type != SERVICE, e.name.casefold()))
        triples.sort(key=lambda t: (t.subject.casefold(), t.relation, t.object.casefold(), t.kind, t.negated))
        return entities, triples

    def _unique_names(self, keys: set[str]) -> dict[str, str]:
        names: dict[str, str] = {}
        taken: dict[str, str] = {}
        for key in sorted(keys, key=lambda k: (self._registry.type_of(k) != SERVICE, k)):
            name = self._registry.entity(key).name
            if name.casefold() in taken:
                name = f"{name} ({self._registry.type_of(key)})"
            taken[name.casefold()] = key
            names[key] = name
        return names
