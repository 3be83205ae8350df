"""What each topic is, in one sentence of the notes: the definition the extractor found, else
the best defining sentence among the evidence.

Defining sentences, best first:

1. the topic's ``definition`` attribute: what the extractor read as its definition (a
   flashcard's answer to the card naming the topic, a glossary entry);
2. "X is a/an ..." or "X are a/an ..." where X names the topic ("A queue is a buffer.");
3. a label sentence "X: ..." where X names the topic ("Queue: a buffer between two services.").

X may be written with an aside in brackets ("Queue (Q) is a buffer") or be the bracketed
abbreviation itself. Among equals, the sentence of the first note (by name), then the first
line, wins, so the choice never changes between runs.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from .memo import derived
from .topics import name_index, normalise_name, resolve_topic

__all__ = ["DEFINITION_KINDS", "Definition", "defined_topics", "definition_of"]

DEFINITION_KINDS = ("definition", "is a", "label")  # best first
_HEAD = r"(?P<head>[^,:;()]{1,80}?)(?:\s*\((?P<aside>[^)]{1,40})\))?"  # a name, perhaps with an aside in brackets
_IS_A = re.compile(rf"^(?:the\s+|an?\s+)?{_HEAD}\s+(?:is|are)\s+(?:an?|one of)\s+\S", re.IGNORECASE)
_LABEL = re.compile(rf"^{_HEAD}\s*:\s+\S+(?:\s+\S+){{2,}}")  # three words at least after the colon


@dataclass(frozen=True)
class Definition:
    """A sentence saying what a topic is; ``kind`` is one of :data:`DEFINITION_KINDS`; the
    place is the first one the sentence stands in ("" and 0 when no edge cites it)."""

    text: str
    kind: str
    doc: str = ""
    section: str = ""
    line: int = 0


def definition_of(graph: nx.Graph, topic: str) -> Definition | None:
    """The sentence that best says what ``topic`` (a name or alias) is, or None.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Amazon SQS", aliases=["SQS"]); g.add_node("queue")
    >>> ev = [{"sentence": "SQS is a managed queue service.", "doc": "n.md", "section": "Messaging", "line": 3}]
    >>> _ = g.add_edge("Amazon SQS", "queue", relation="is a", kind="stated", evidence=ev)
    >>> found = definition_of(g, "Amazon SQS")
    >>> found.text, found.kind, found.line
    ('SQS is a managed queue service.', 'is a', 3)
    >>> definition_of(g, "queue") is None
    True
    """
    return defined_topics(graph).get(resolve_topic(graph, topic))


def defined_topics(graph: nx.Graph) -> dict[str, Definition]:
    """Every topic that has a defining sentence, with the best one (built once per graph object)."""
    return derived(graph, "definitions", _find_definitions)


def _find_definitions(graph: nx.Graph) -> dict[str, Definition]:
    places = _first_places(graph)
    found: dict[str, tuple[tuple, Definition]] = {}

    def offer(topic: str, kind: str, text: str) -> None:
        doc, section, line = places.get(text, ("", "", 0))
        rank = (DEFINITION_KINDS.index(kind), doc == "", doc, line, text)
        if topic not in found or rank < found[topic][0]:
            found[topic] = (rank, Definition(text, kind, doc, section, line))

    for node, data in graph.nodes(data=True):
        if data.get("definition"):
            offer(node, "definition", str(data["definition"]))
    for topic, kind, text in _sentence_definitions(graph, places):
        offer(topic, kind, text)
    return {topic: definition for topic, (_, definition) in found.items()}


def _first_places(graph: nx.Graph) -> dict[str, tuple[str, str, int]]:
    """Each evidence sentence and its first place (note, then line)."""
    places: dict[str, tuple[str, str, int]] = {}
    for _, _, data in graph.edges(data=True):
        for evidence in data.get("evidence") or ():
            text = str(evidence.get("sentence", ""))
            place = (str(evidence.get("doc", "")), str(evidence.get("section", "")), int(evidence.get("line", 0) or 0))
            if text not in places or (place[0], place[2]) < (places[text][0], places[text][2]):
                places[text] = place
    return places


def _sentence_definitions(graph: nx.Graph, places: dict[str, tuple[str, str, int]]) -> Iterator[tuple[str, str, str]]:
    """(topic, kind, sentence) for every "X is a" and "X: ..." sentence."""
    for text in places:
        for kind, shape in (("is a", _IS_A), ("label", _LABEL)):
            yield from ((topic, kind, text) for topic in _topics_named(graph, shape.match(text)))


def _topics_named(graph: nx.Graph, match: re.Match | None) -> list[str]:
    """The topics the head of ``match`` names, by the whole head (or its singular) or by its
    bracketed aside (an abbreviation); a real name before an alias."""
    if match is None:
        return []
    index = name_index(graph)
    found: dict[str, None] = {}
    for written in (match.group("head"), match.group("aside") or ""):
        name = normalise_name(written)
        spelt = index.exact.get(name) or (index.exact.get(name[:-1], ()) if name.endswith("s") else ())  # a plural
        for at in sorted(spelt, key=lambda at: (index.is_alias[at], at)):
            found[index.owners[at]] = None
    return list(found)
