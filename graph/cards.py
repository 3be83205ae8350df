"""A topic's card: what it is, what defines it, and its relations grouped by predicate.

The most informative relations come first: those the notes state (not their structure or
co-occurrence) with at least one specific topic (not a hub such as "data", see
:mod:`graph.hubs`). A predicate is one group whatever kinds of edge carry it and however
it is capitalised or spaced ("uses" stated and "Uses" from a list are one "uses" group).
Plain data, so the app can cache the card and the command line could print it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import chain

import networkx as nx

from .definitions import defined_topics
from .hubs import breadth
from .topics import resolve_topic
from .views import KIND_RANK

__all__ = ["Related", "RelationGroup", "Sentence", "TopicCard", "normalise_relation", "topic_card"]


@dataclass(frozen=True)
class Sentence:
    """An evidence sentence and where it stands; ``elsewhere`` counts its other places."""

    text: str
    doc: str
    section: str
    line: int
    elsewhere: int = 0


@dataclass(frozen=True)
class Related:
    """A topic linked by one edge, with the sentences that state it (``count`` in all);
    ``broad`` when the topic is a hub that links almost anything."""

    topic: str
    kind: str
    count: int
    evidence: tuple[Sentence, ...]
    broad: bool = False


@dataclass(frozen=True)
class RelationGroup:
    """The edges of one predicate in one direction: "out" (the topic is the subject),
    "in" (the other topic is) or "both" (co-occurrence, which has no direction).

    ``kind`` is the strongest kind among its edges; ``informative`` says the notes state
    it with at least one specific topic (the card shows these groups first, expanded).
    """

    relation: str
    negated: bool
    direction: str
    kind: str
    related: tuple[Related, ...]
    informative: bool = False

    @property
    def specific(self) -> int:
        """How many of its topics are specific (not hubs)."""
        return sum(not item.broad for item in self.related)


@dataclass(frozen=True)
class TopicCard:
    """Everything the notes say about one topic.

    ``definition`` is the sentence that best says what it is (see :mod:`graph.definitions`),
    ``definition_kind`` how it was found, ``defined_in`` its place in the notes. ``links``
    counts the distinct topics linked by any kind of edge, either way: the same count as
    the Insights tab's, over the whole graph rather than the filtered view.
    """

    id: str
    label: str
    type: str
    category: str
    parent: str
    aliases: tuple[str, ...]
    definition: str
    defined_in: Sentence | None
    sources: tuple[str, ...]
    links: int
    groups: tuple[RelationGroup, ...]
    definition_kind: str = ""

    @property
    def linked_topics(self) -> tuple[str, ...]:
        """Every topic on the card, in card order, once."""
        return tuple(dict.fromkeys(item.topic for group in self.groups for item in group.related))

    @property
    def informative(self) -> tuple[RelationGroup, ...]:
        """The groups shown first: stated, with a specific topic."""
        return tuple(group for group in self.groups if group.informative)

    @property
    def others(self) -> tuple[RelationGroup, ...]:
        """The remaining groups: structure, co-occurrence, and stated links to hubs only."""
        return tuple(group for group in self.groups if not group.informative)


def normalise_relation(relation: str) -> str:
    """A predicate as the card groups it: lower case, single spaces.

    >>> normalise_relation("  Integrates   With ")
    'integrates with'
    """
    return " ".join(str(relation).casefold().split())


def topic_card(graph: nx.MultiDiGraph, topic: str, *, sentences: int = 4) -> TopicCard:
    """The card of ``topic`` (a name or alias), keeping ``sentences`` evidence sentences per edge.

    Informative groups first (see :class:`RelationGroup`), the ones with more specific
    topics first; then the others, strongest kind first. Unknown topics raise ``NodeNotFound``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Model Monitor", type="service", aliases=["Monitor"], definition="Model Monitor watches models.")
    >>> g.add_node("CloudWatch", type="service")
    >>> ev = [{"sentence": "Model Monitor sends metrics to CloudWatch.", "doc": "n.md", "section": "Ops", "line": 3}]
    >>> _ = g.add_edge("Model Monitor", "CloudWatch", relation="integrates with", kind="stated", negated=False,
    ...                evidence=ev, count=1)
    >>> _ = g.add_edge("Model Monitor", "CloudWatch", relation="Integrates with", kind="structural", evidence=ev)
    >>> card = topic_card(g, "monitor")
    >>> card.id, [(group.relation, group.direction, group.kind, len(group.related)) for group in card.groups]
    ('Model Monitor', [('integrates with', 'out', 'stated', 1)])
    >>> card.links, card.definition, topic_card(g, "CloudWatch").groups[0].direction
    (1, 'Model Monitor watches models.', 'in')
    """
    node = resolve_topic(graph, topic)
    data = graph.nodes[node]
    defined = defined_topics(graph).get(node)
    defined_in = None
    if defined is not None and defined.doc:
        defined_in = Sentence(defined.text, defined.doc, defined.section, defined.line)
    groups = _groups(graph, node, sentences)
    return TopicCard(
        id=node, label=str(data.get("label") or node), type=str(data.get("type", "")),
        category=str(data.get("category") or ""), parent=str(data.get("parent") or ""),
        aliases=tuple(str(alias) for alias in data.get("aliases") or ()),
        definition=defined.text if defined else "", defined_in=defined_in,
        sources=tuple(str(source) for source in data.get("sources") or ()),
        links=breadth(graph).links.get(node, 0), groups=groups,
        definition_kind=defined.kind if defined else "",
    )


def _groups(graph: nx.MultiDiGraph, node: str, sentences: int) -> tuple[RelationGroup, ...]:
    hubs = breadth(graph)
    grouped: dict[tuple[str, bool, str], dict[str, list[Related]]] = {}
    written: dict[tuple[str, bool, str], Counter[str]] = {}
    edges = chain(graph.out_edges(node, data=True), (edge for edge in graph.in_edges(node, data=True) if edge[0] != node))
    for source, target, attrs in edges:
        kind = str(attrs.get("kind", ""))
        relation = str(attrs.get("relation", ""))
        key = (normalise_relation(relation), bool(attrs.get("negated")),
               "both" if kind == "cooccurrence" else "out" if source == node else "in")
        evidence = tuple(_sentence(item) for item in attrs.get("evidence") or ())
        other = target if source == node else source
        grouped.setdefault(key, {}).setdefault(other, []).append(
            Related(other, kind, int(attrs.get("count", len(evidence)) or 0), evidence, hubs.is_hub(other)))
        written.setdefault(key, Counter())[" ".join(relation.split())] += 1
    groups = [_group(key, written[key], [_merged(items, sentences) for items in by_topic.values()])
              for key, by_topic in grouped.items()]
    groups.sort(key=lambda g: (not g.informative, KIND_RANK.get(g.kind, 3), -g.specific, -len(g.related),
                               g.relation.casefold(), g.direction, g.negated))
    return tuple(groups)


def _merged(edges: list[Related], sentences: int) -> Related:
    """The edges of one predicate to one topic (a stated and a structural one, say) as one
    item: the strongest kind, every sentence once, at most ``sentences`` of them kept."""
    edges = sorted(edges, key=lambda item: KIND_RANK.get(item.kind, 3))
    evidence = tuple({sentence.text: sentence for item in edges for sentence in item.evidence}.values())
    count = max(len(evidence), max(item.count for item in edges)) if len(edges) > 1 else edges[0].count
    return Related(edges[0].topic, edges[0].kind, count, evidence[:sentences], edges[0].broad)


def _group(key: tuple[str, bool, str], written: Counter[str], items: list[Related]) -> RelationGroup:
    """One group: its predicate as the notes write it most often (lower case on a tie), its
    items strongest kind, specific topics and most sentences first."""
    _, negated, direction = key
    relation = min(written, key=lambda form: (-written[form], form != form.casefold(), form))
    ordered = sorted(items, key=lambda item: (KIND_RANK.get(item.kind, 3), item.broad, -item.count,
                                              item.topic.casefold()))
    kind = ordered[0].kind
    informative = kind == "stated" and any(not item.broad for item in items if item.kind == "stated")
    return RelationGroup(relation, negated, direction, kind, tuple(ordered), informative)


def _sentence(evidence: dict) -> Sentence:
    places = evidence.get("sources") or ()
    return Sentence(str(evidence.get("sentence", "")), str(evidence.get("doc", "")), str(evidence.get("section", "")),
                    int(evidence.get("line", 0) or 0), max(0, len(places) - 1))
