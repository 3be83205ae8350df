"""Fixtures of the relation tests: one reader, and a sentence read by the extractors."""
from collections.abc import Callable, Iterable

import pytest

from extract.parse import parse_passages

from extract.findings import TERM, Mention, Relation
from extract.mentions import single_tokens, topic_of
from extract.model import Source
from extract.relations import Reading

Quad = tuple[str, str, str, bool]


def node(mention: Mention) -> str:
    """The vocabulary name of a known mention, the text of any other."""
    return mention.name if mention.known else mention.text


def quads(relations: Iterable[Relation]) -> set[Quad]:
    """(subject, predicate, object, negated) of each relation."""
    return {(node(r.subject), r.predicate, node(r.object), r.negated) for r in relations}


@pytest.fixture(scope="session")
def read(reader) -> Callable[..., list[Relation]]:
    """``read(extractor, text, topic="")``: the relations ``extractor`` finds in ``text``, read
    under the topic the heading ``topic`` names (or none)."""
    rules = reader.rules

    def read_with(extractor, text: str, topic: str = "", **options) -> list[Relation]:
        subject = None
        if topic:
            heading = single_tokens(reader.nlp(topic), reader.names)
            subject = topic_of(heading, rules.relations.phrases, rules.heading_patterns, rules.aspect_labels)
            assert subject is not None, f"the heading {topic!r} names no topic"
        doc = single_tokens(parse_passages(reader.nlp, [text])[text], reader.names)  # parsed as a note's passage is
        reading = Reading(rules.relations, Source("t.md", "H", 1), text, subject)
        return [r for sentence in doc.sents for r in extractor(sentence, reading, **options)]

    return read_with


def read_parsed(reader, extractor, doc, topic: str = "") -> set[Quad]:
    """What ``extractor`` finds in a sentence parsed by hand (``helpers.hand_parsed``), read
    under a topic named ``topic`` (or none)."""
    reading = Reading(reader.rules.relations, Source("t.md", "H", 1), doc.text, Mention(topic, TERM) if topic else None)
    return quads(extractor(doc[:], reading))
