"""Relations the layout of the notes states: heading hierarchy, labels, cards, parentheses."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from .assembly import STRUCTURAL, Finding
from .catalogue import CatalogueMatch
from .model import Section, Source
from .registry import SERVICE
from .resolution import Ref, Resolver
from .statements import Statement
from .topics import Topics

__all__ = ["heading_findings", "label_findings", "parenthetical_findings", "compound_findings", "layout_relation"]


def layout_relation(child: Ref, parent: Ref) -> str:
    """A service under a service is part of it; anything else is a subtopic."""
    return "part of" if child.type == SERVICE and parent.type == SERVICE else "subtopic of"


def heading_findings(section: Section, topics: Topics) -> Iterator[Finding]:
    """``SageMaker > Model Monitor``: each heading's topic under the nearest topic above it."""
    refs = topics.path(section.doc, section.path)
    parent: Ref | None = None
    for depth, ref in enumerate(refs):
        if ref is None:
            continue
        if parent is not None and parent.key != ref.key:
            heading = " > ".join(section.path[:depth + 1])
            yield Finding(ref.key, layout_relation(ref, parent), parent.key, STRUCTURAL, False, heading,
                          Source(section.doc, section.heading, section.line))
        parent = ref


def label_findings(statement: Statement, topics: Topics, sentence: str) -> Iterator[Finding]:
    """A labelled bullet or card line is a subtopic of the heading it stands under; a
    capability label of a service ("Text-to-Speech Conversion") says what it does."""
    if not statement.block.label or statement.block.kind == "table":
        return  # a table row is about its own subject, wherever the table stands
    label = topics.label(statement.block.label)
    if label is None:
        return
    parent = next((ref for ref in reversed(topics.path(statement.section.doc, statement.section.path))
                   if ref is not None and ref.key != label.key), None)
    if parent is None:
        return
    capability = topics.capability(statement.block.label) if parent.type == SERVICE else None
    if capability is not None and capability[1].key != parent.key:
        # "Text-to-Speech Conversion" under Amazon Polly: Polly converts text-to-speech
        verb, target = capability
        yield Finding(parent.key, verb, target.key, STRUCTURAL, False, sentence, statement.source)
        if label.type == SERVICE:
            return  # "S3 Integration" under Amazon FSx is no part of FSx
    yield Finding(label.key, layout_relation(label, parent), parent.key, STRUCTURAL, False, sentence, statement.source)


def parenthetical_findings(sentence: Span, topic: Ref | None, resolver: Resolver, text: str, source: Source) -> Iterator[Finding]:
    """``Data Lakes: Storage repository ... (S3)``: services listed in parentheses after a
    definition are the AWS services that implement its topic."""
    if topic is None or topic.type == SERVICE:
        return  # "(S3, Redshift)" after a service names its partners, not its implementation
    matches = resolver.matches(sentence.doc)
    depth, start = 0, None
    for token in sentence:
        if token.text == "(":
            depth, start = depth + 1, token.i
        elif token.text == ")" and depth:
            depth -= 1
            inside = sentence.doc[start + 1:token.i]
            found = _services_only(inside, matches)
            for match in found:
                ref = resolver.service(match, sentence.doc)
                if ref.key != topic.key:
                    yield Finding(topic.key, "implemented by", ref.key, STRUCTURAL, False, text, source)


def _services_only(inside: Span, matches: dict[int, CatalogueMatch]) -> list[CatalogueMatch]:
    """The services of a parenthesis holding nothing but service names and separators."""
    found: dict[int, CatalogueMatch] = {}
    for token in inside:
        if token.i in matches:
            found[matches[token.i].start] = matches[token.i]
        elif not (token.is_punct or token.lower_ in {"and", "or", "w/", "with", "e.g.", "eg", "like", "aws", "amazon", "etc"}):
            return []
    return list(found.values())


def compound_findings(sentence: Span, resolver: Resolver, text: str, source: Source) -> Iterator[Finding]:
    """``a SageMaker Clarify processing job``: a service naming the kind of another
    service's resource uses it."""
    doc = sentence.doc
    in_sentence = {m.start: m for m in resolver.matches(doc).values() if sentence.start <= m.start < sentence.end}
    ordered = [in_sentence[start] for start in sorted(in_sentence)]
    for first, second in zip(ordered, ordered[1:]):
        if first.end != second.start:
            continue
        first_root = doc[first.start:first.end].root
        if first_root.dep_ in {"compound", "nmod"} and second.start <= first_root.head.i < second.end:
            a, b = resolver.service(first, doc), resolver.service(second, doc)
            if a.key != b.key:
                yield Finding(a.key, "uses", b.key, STRUCTURAL, False, text, source)
