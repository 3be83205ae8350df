"""Reading statements: each sentence's relations, resolved to entities, as findings.

A statement is read in its place: its label or heading gives the topic that implicit
subjects and pronouns refer to, and a sentence's subject carries over to the next.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .assembly import COOCCURRENCE, COOCCURS, MENTIONS, STATED, Finding
from .model import Note
from .naming import entity_key, third_person
from .patterns import attribute_links, sentence_links
from .registry import SERVICE
from .resolution import HUMAN, Ref
from .statements import Statement
from .structure import compound_findings, label_findings, parenthetical_findings
from .syntax import is_negated, subjects_of

if TYPE_CHECKING:
    from .pipeline import Reading

__all__ = ["statement_findings", "list_findings"]

_FRAGMENT_OPENERS = {"VBZ", "VBN", "VBD", "VBP", "MD"}


_GENERIC_ANAPHORS = {"service": "service", "feature": "service", "tool": "service", "capability": "service", "platform": "service"}


def statement_findings(statement: Statement, reading: Reading) -> Iterator[list[Finding]]:
    """The findings of each sentence of a statement (one list per sentence)."""
    doc = reading.parses[statement.text]
    topics, resolver = reading.topics, reading.resolver
    vocabulary = resolver.vocabulary
    topic = topics.of(statement)
    path_topics = [ref for ref in topics.path(statement.section.doc, statement.section.path) if ref is not None]
    previous: Ref | None = None
    source = statement.source
    for index, sentence in enumerate(doc.sents):
        text = statement.original(sentence.start_char, sentence.end_char)
        if not text or text.rstrip().endswith("?"):
            continue  # a question states nothing
        findings: list[Finding] = []
        first_word = sentence.start + (2 if index == 0 and statement.prefix else 0)  # after a completing "It is"
        subject_of_sentence = previous or topic
        if any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} and not resolver.is_pronoun(c) for c in sentence.root.children):
            # "X ... because it provides Y": a pronoun inside the sentence points to its own subject
            subject_of_sentence = _main_subject(sentence, lambda i: resolver.ref(doc[i]))
        # Only a fragment leaves its subject to the topic; a full sentence parsed without
        # a subject is a misparse, not a statement about the topic.
        implicit = topic if (index == 0 and statement.prefix) or sentence[0].tag_ in _FRAGMENT_OPENERS else None
        # "Stacking combines ..." parsed with "Stacking" as the verb: the topic is still the subject.
        misparsed_root = topic is not None and sentence.root.i == sentence.start and sentence.root.tag_ == "VBG" \
            and topic.surface.casefold().startswith(sentence.root.lower_)
        if misparsed_root:
            implicit = topic

        def resolve(token_index: int | None, whole: bool = False, subject: bool = True, start: int | None = None,
                    product: bool = False) -> Ref | None:
            if token_index is None:
                return implicit
            token = doc[token_index]
            if index == 0 and statement.prefix and token.i == sentence.start:
                return topic  # the completing "It" stands for the block's topic and nothing else
            if resolver.is_pronoun(token):
                if not subject:
                    return None  # "integrate them": objects are too often not the topic
                if any(t.pos_ in {"NOUN", "PROPN"} for t in sentence if first_word <= t.i < token.i):
                    # "After X has identified Y, it ...": the subject of the clause before;
                    # "If you specify X, it ...": nothing safe
                    earlier = [t for t in sentence if first_word <= t.i < token.i and t.dep_ in {"nsubj", "nsubjpass"}]
                    ref = resolver.ref(earlier[0]) if earlier and not resolver.is_pronoun(earlier[0]) else None
                    return ref if _usable(ref) else None
                return _antecedent(token, [subject_of_sentence, topic, *reversed(path_topics)], vocabulary.generic_heads)
            return resolver.ref(token, whole=whole, product=product, start=start)

        links = list(sentence_links(sentence, resolver.lexicon))
        if index == 0 and statement.block.kind == "table" and not statement.prefix and topic is not None \
                and ":" not in statement.block.text:  # "Positive: more outcomes ..." is prose, not a value
            for link in attribute_links(sentence, statement.block.attribute):
                value = resolve(link.object, subject=False)
                if _usable(value) and value.key != topic.key:
                    findings.append(Finding(topic.key, link.relation, value.key, STATED, False, text, source))
        for link in links:
            if misparsed_root and link.subject is None and link.relation.startswith(third_person(sentence.root.lemma_)):
                continue  # the misread verb "stacks" is no relation
            subject, obj = resolve(link.subject), resolve(link.object, link.whole, subject=False, start=link.start, product=link.product)
            if not _usable(subject) or not _usable(obj) or subject.key == obj.key:
                continue
            if link.secondary and obj.type != SERVICE:
                continue
            if link.relation == "is a" and (obj.name.casefold() in vocabulary.not_kinds
                                            or obj.name.split()[-1].casefold() in vocabulary.not_kinds):
                continue  # no "X is a performance"
            if _in_parentheses(doc, link):
                continue  # an aside in parentheses is too loosely attached to trust
            findings.append(Finding(subject.key, link.relation, obj.key, STATED, link.negated, text, source))
            if link.relation == "is a" and not link.negated and (index == 0 or statement.prefix):
                resolver.registry.define(subject.key, text)
        if index == 0:
            findings.extend(label_findings(statement, topics, text))
        if not statement.block.label or topics.label(statement.block.label) is not None:
            # "(AWS Transcribe)" after "Use case: speech-to-text" names the use case's service
            findings.extend(parenthetical_findings(sentence, topic, resolver, text, source))
        findings.extend(compound_findings(sentence, resolver, text, source))
        mentions = resolver.mentions(sentence)
        linked = {frozenset((f.subject, f.object)) for f in findings}
        for i, first in enumerate(mentions):
            for second in mentions[i + 1:]:
                if first.key != second.key and frozenset((first.key, second.key)) not in linked:
                    findings.append(Finding(first.key, COOCCURS, second.key, COOCCURRENCE, False, text, source))
        findings.extend(Finding(ref.key, MENTIONS, ref.key, COOCCURRENCE, False, text, source)
                        for ref in mentions if ref.type == SERVICE)
        yield findings
        previous = _main_subject(sentence, resolve) or previous


def list_findings(notes: list[Note], reading: Reading) -> Iterator[list[Finding]]:
    """"SageMaker Autopilot performs the following key tasks" followed by a list: the verb
    links the subject to each item (the sub-headings or labels that come next)."""
    resolver, topics = reading.resolver, reading.topics
    children: dict[tuple[str, tuple[str, ...]], list] = {}
    for note in notes:
        for section in note.sections:
            if section.path:
                children.setdefault((note.doc, section.path[:-1]), []).append(section)
    for statement in reading.statements:
        doc = reading.parses[statement.text]
        for sentence in doc.sents:
            marker = next((t for t in sentence if t.lower_ == "following" and t.head.pos_ == "NOUN" and t.head.dep_ == "dobj"), None)
            if marker is None:
                continue
            verb = marker.head.head
            subjects = subjects_of(verb)
            if subjects is None and verb.tag_ == "VB":
                continue  # "consider the following factors" speaks to the reader
            topic = topics.of(statement)
            refs = [topic] if not subjects else [topic if resolver.is_pronoun(t) else resolver.ref(t) for t in subjects]
            refs = [r for r in refs if _usable(r)]
            if not refs or verb.lemma_.casefold() in resolver.vocabulary.instrument_verbs:
                continue
            items = [topics.path(sec.doc, sec.path)[-1] for sec in children.get((statement.section.doc, statement.section.path), [])
                     if sec.line > statement.block.line]
            later = statement.section.blocks[statement.section.blocks.index(statement.block) + 1:]
            items += [topics.label(block.label) for block in later if block.label]
            intro = statement.original(sentence.start_char, sentence.end_char)
            label = third_person(verb.lemma_.casefold())
            yield [Finding(ref.key, label, item.key, STATED, is_negated(verb), f"{intro} – {item.surface}", statement.source)
                   for ref in refs for item in items if item is not None and item.key != ref.key]


def _antecedent(token: Token, candidates: list[Ref | None], generic_heads: frozenset[str]) -> Ref | None:
    """What "it", "they" or "these models" points back to: the previous sentence's
    subject or the topic; a noun ("these models") must agree with the antecedent's head."""
    if token.lower_ in {"this", "that"} and token.pos_ in {"PRON", "DET"}:
        # a bare "this" sums up what came before: the topic, not the last subject
        return next((ref for ref in candidates[1:] if ref is not None), None)
    if token.pos_ == "PRON" or token.lower_ in {"it", "they", "these", "those"}:
        return next((ref for ref in candidates if ref is not None), None)
    noun = token.lemma_.casefold()
    if noun in generic_heads and noun not in _GENERIC_ANAPHORS:
        return next((ref for ref in candidates if ref is not None), None)  # "this algorithm"
    for ref in candidates:
        if ref is None:
            continue
        if _GENERIC_ANAPHORS.get(noun) == ref.type or entity_key(ref.name.split()[-1]) == entity_key(noun):
            return ref
    return None


def _in_parentheses(doc, link) -> bool:
    """True when the link's subject sits inside parentheses, or its object inside parentheses
    its subject is not in."""
    def depth(index: int | None) -> int:
        if index is None:
            return 0
        opened = sum(1 for t in doc[:index] if t.text == "(") - sum(1 for t in doc[:index] if t.text == ")")
        return max(opened, 0)
    return depth(link.subject) > 0 or depth(link.object) > depth(link.subject)


def _usable(ref: Ref | None) -> bool:
    return ref is not None and ref is not HUMAN


def _main_subject(sentence: Span, resolve) -> Ref | None:
    """The entity the sentence is about, which "it" or "they" in the next one refer to."""
    for subject in subjects_of(sentence.root) or []:
        ref = resolve(subject.i)
        if _usable(ref):
            return ref
    return None
