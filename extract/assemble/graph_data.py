"""All notes' findings into entities and evidence-backed triples.

Relations whose ends name the same nodes and say the same thing become one triple; one
sentence copied into several notes is one piece of evidence with several sources. A phrase
becomes a node only when it is a domain term at the end of a relation; a vocabulary name
becomes one whenever a note names it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import combinations

from ..findings import COOCCURRENCE, SERVICE, Mention, NoteFindings
from ..model import Entity, Evidence, Source, Triple
from ..read import sentence_key
from ..vocabulary import Vocabulary
from .naming import Names
from .termhood import is_specific
from .usage import usage_of

__all__ = ["COOCCURS", "assemble_findings"]

COOCCURS = "co-occurs with"
_TITLE_SHAPES = {"headings", "list"}  # relations read from titles: headings, labels, list headings
_MAX_COOCCURRING = 8  # a sentence naming more things than this is a list, not a statement about pairs


class _Evidence:
    """Sentences by their key, each with every place it stands."""

    def __init__(self):
        self.places: dict[str, tuple[str, set[Source]]] = {}

    def add(self, sentence: str, source: Source) -> None:
        self.places.setdefault(sentence_key(sentence), (sentence, set()))[1].add(source)

    def evidence(self) -> tuple[Evidence, ...]:
        items = [Evidence(sentence, tuple(sorted(sources))) for sentence, sources in self.places.values()]
        return tuple(sorted(items, key=lambda e: e.first))


def assemble_findings(findings: Sequence[NoteFindings], vocabulary: Vocabulary) -> tuple[list[Entity], list[Triple]]:
    """The entities and triples of all notes' findings. A catalogue of one vendor's products
    names things only in notes that write the vendor's name: in notes on web security "a WAF"
    is a web application firewall, not AWS WAF."""
    if not names_a_vendor(findings, vocabulary.vendors()):
        vocabulary = replace(vocabulary, services=[])
    names = Names(vocabulary, findings)
    usage = usage_of(findings, names)
    edges: dict[tuple, _Evidence] = defaultdict(_Evidence)
    never_names = vocabulary.pronouns | names.vendors
    surfaces: dict[str, set[str]] = defaultdict(set)

    @lru_cache(maxsize=None)
    def specific(mention: Mention) -> bool:
        """Termhood of the node the mention names: a phrase spelled like a known name is that name."""
        name = names.name_of(mention)
        if not mention.known and (entry := names.entry(name)) is not None:
            mention = Mention(name, entry[0], name)
        elif names.is_proper(mention):
            mention = Mention(mention.text, mention.kind, proper=True)
        return is_specific(mention, vocabulary.stop_concepts, usage.sentences[name], usage.spread(name), never_names)

    def attested(mention: Mention) -> bool:
        """A name the vocabulary knows or the notes' sentences use; a phrase only ever written as a
        heading ("Data Transforming", "Inference Parameters") is a title, not a topic to link."""
        return mention.known or names.entry(names.name_of(mention)) is not None or usage.sentences[names.name_of(mention)] > 0 \
            or names.is_abbreviated(mention)

    _typed_edges(findings, names, specific, attested, edges, surfaces)
    _cooccurrence_edges(findings, names, specific, edges, surfaces)
    triples = [Triple(s, p, o, kind, negated, evidence.evidence()) for (s, p, o, kind, negated), evidence in edges.items()]
    definitions = _definitions(findings, names)
    entities = [_entity(name, aliases, names, definitions.get(name, "")) for name, aliases in surfaces.items()]
    return sorted(entities, key=lambda e: e.name), sorted(triples, key=lambda t: (t.subject, t.relation, t.object, t.kind))


def names_a_vendor(findings: Sequence[NoteFindings], vendors: frozenset[str]) -> bool:
    """Whether any sentence of the notes writes a vendor's name ("AWS", "Amazon")."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(vendors))) + r")\b", re.IGNORECASE) if vendors else None
    return pattern is not None and any(pattern.search(said.sentence) for note in findings
                                       for said in (*note.statements, *note.relations))


def _typed_edges(findings, names: Names, specific, attested, edges: dict, surfaces: dict) -> None:
    """Stated and structural relations between nodes, each statement once per pair; a layout
    heading states a relation only between things the notes name in their sentences too."""
    for relation in (r for note in findings for r in note.relations):
        if relation.shape in _TITLE_SHAPES and not (attested(relation.subject) and attested(relation.object)):
            continue
        ends = [_node(m, names, specific, surfaces) for m in (relation.subject, relation.object)]
        if None not in ends and ends[0] != ends[1]:
            edges[(ends[0], relation.predicate, ends[1], relation.kind, relation.negated)].add(relation.sentence, relation.source)


def _cooccurrence_edges(findings, names: Names, specific, edges: dict, surfaces: dict) -> None:
    """Nodes named in one sentence and not otherwise related (vocabulary names are nodes
    wherever they are named)."""
    typed_pairs = {frozenset((s, o)) for s, _, o, _, _ in edges}
    for statement in (s for note in findings for s in note.statements):
        for mention in statement.mentions:
            if mention.known and specific(mention):
                surfaces[names.name_of(mention)].add(mention.text)
        named = sorted({names.name_of(m) for m in statement.mentions if names.name_of(m) in surfaces})
        if len(named) > _MAX_COOCCURRING:
            continue
        for first, second in combinations(named, 2):
            if frozenset((first, second)) not in typed_pairs:
                edges[(first, COOCCURS, second, COOCCURRENCE, False)].add(statement.sentence, statement.source)


def _node(mention: Mention, names: Names, specific, surfaces: dict[str, set[str]]) -> str | None:
    if not specific(mention):
        return None
    name = names.name_of(mention)
    surfaces[name].add(mention.text)
    return name


def _definitions(findings: Iterable[NoteFindings], names: Names) -> dict[str, str]:
    found: dict[str, str] = {}
    for note in findings:
        for definition in note.definitions:
            found.setdefault(names.name_of(definition.mention), definition.sentence)
    return found


def _entity(name: str, surfaces: set[str], names: Names, definition: str) -> Entity:
    known = names.entry(name)
    aliases = sorted({s for s in surfaces if s != name} | (set(known[1].aliases) if known else set()))
    if known is None:
        return Entity(name, "concept", tuple(aliases), definition=definition)
    kind, entry = known
    entity_type = "service" if kind == SERVICE else "concept"
    return Entity(name, entity_type, tuple(aliases), entry.category, entry.parent, definition)
