"""A topic's card: what it is, what defines it, and its relations grouped by predicate.

Plain data, so the app can cache the card and the command line could print it.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import networkx as nx

from .topics import resolve_topic
from .views import KIND_RANK

__all__ = ["Related", "RelationGroup", "Sentence", "TopicCard", "topic_card"]


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
    """A topic linked by one edge, with the sentences that state it (``count`` in all)."""

    topic: str
    kind: str
    count: int
    evidence: tuple[Sentence, ...]


@dataclass(frozen=True)
class RelationGroup:
    """The edges of one predicate in one direction: "out" (the topic is the subject),
    "in" (the other topic is) or "both" (co-occurrence, which has no direction)."""

    relation: str
    negated: bool
    direction: str
    kind: str
    related: tuple[Related, ...]


@dataclass(frozen=True)
class TopicCard:
    """Everything the notes say about one topic."""

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

    @property
    def linked_topics(self) -> tuple[str, ...]:
        """Every topic on the card, in card order, once."""
        return tuple(dict.fromkeys(item.topic for group in self.groups for item in group.related))


def topic_card(graph: nx.MultiDiGraph, topic: str, *, sentences: int = 4) -> TopicCard:
    """The card of ``topic`` (a name or alias), keeping ``sentences`` evidence sentences per edge.

    Groups come stated first, then structural, then co-occurrence; within a kind, the
    predicates linking the most topics first. Unknown topics raise ``NodeNotFound``.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Model Monitor", type="service", aliases=["Monitor"], definition="Model Monitor watches models.")
    >>> g.add_node("CloudWatch", type="service")
    >>> ev = [{"sentence": "Model Monitor sends metrics to CloudWatch.", "doc": "n.md", "section": "Ops", "line": 3}]
    >>> _ = g.add_edge("Model Monitor", "CloudWatch", relation="integrates with", kind="stated", negated=False,
    ...                evidence=ev, count=1)
    >>> card = topic_card(g, "monitor")
    >>> card.id, [(group.relation, group.direction, group.related[0].topic) for group in card.groups]
    ('Model Monitor', [('integrates with', 'out', 'CloudWatch')])
    >>> topic_card(g, "CloudWatch").groups[0].direction
    'in'
    """
    node = resolve_topic(graph, topic)
    data = graph.nodes[node]
    grouped: dict[tuple[str, bool, str, str], list[Related]] = {}
    definition = str(data.get("definition") or "")
    defined_in = None
    edges = chain(graph.out_edges(node, data=True), (edge for edge in graph.in_edges(node, data=True) if edge[0] != node))
    for source, target, attrs in edges:
        kind = str(attrs.get("kind", ""))
        direction = "both" if kind == "cooccurrence" else "out" if source == node else "in"
        evidence = [_sentence(item) for item in attrs.get("evidence") or ()]
        if definition and defined_in is None:
            defined_in = next((sentence for sentence in evidence if sentence.text == definition), None)
        key = (str(attrs.get("relation", "")), bool(attrs.get("negated")), direction, kind)
        grouped.setdefault(key, []).append(Related(target if source == node else source, kind,
                                                   int(attrs.get("count", len(evidence)) or 0), tuple(evidence[:sentences])))
    groups = [RelationGroup(relation, negated, direction, kind,
                            tuple(sorted(items, key=lambda item: (-item.count, item.topic.casefold()))))
              for (relation, negated, direction, kind), items in grouped.items()]
    groups.sort(key=lambda g: (KIND_RANK.get(g.kind, 3), -len(g.related), g.relation.casefold(), g.direction, g.negated))
    return TopicCard(
        id=node, label=str(data.get("label") or node), type=str(data.get("type", "")),
        category=str(data.get("category") or ""), parent=str(data.get("parent") or ""),
        aliases=tuple(str(alias) for alias in data.get("aliases") or ()), definition=definition, defined_in=defined_in,
        sources=tuple(str(source) for source in data.get("sources") or ()), links=graph.degree(node), groups=tuple(groups),
    )


def _sentence(evidence: dict) -> Sentence:
    places = evidence.get("sources") or ()
    return Sentence(str(evidence.get("sentence", "")), str(evidence.get("doc", "")), str(evidence.get("section", "")),
                    int(evidence.get("line", 0) or 0), max(0, len(places) - 1))
