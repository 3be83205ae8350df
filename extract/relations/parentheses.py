"""Relations stated inside parentheses about the thing right before them: "k-NN (based on
feature similarity)", "DeepAR (supervised, using RNNs)"; a kind named in parentheses at the
end of a fragment ("SMOTE: Generating samples (advanced form of oversampling)") is the
topic's. An abbreviation in parentheses is a name, not a statement, and is left to the
abbreviation finder."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from ..findings import TERM, Mention, Relation
from ..mentions import mention_of, name_of, of_object, phrase_text
from .clauses import objects_of
from .context import Reading
from .labels import is_negated

__all__ = ["parenthetical_relations", "aside_relations"]


def parenthetical_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """What each parenthesis of ``sentence`` says about its owner (or the topic when the
    parenthesis stands alone)."""
    for inside in _parentheses(sentence):
        yield from _kind_of(sentence, inside, reading)
        owner = _owner(sentence, inside, reading)
        if owner is None:
            continue
        for verb in inside:
            if verb.pos_ != "VERB" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
                continue
            for obj_token, label, reverse in objects_of(verb, reading):
                obj = mention_of(obj_token, reading.rules.phrases)
                if obj is None or obj_token.i < inside.start:
                    continue
                first, second = (obj, owner) if reverse else (owner, obj)
                if (found := reading.relation(first, label, second, shape="parenthesis", verb=verb.text,
                                              negated=is_negated(verb))) is not None:  # "(not using neural networks)"
                    yield found


def aside_relations(title: Span, reading: Reading) -> Iterator[Relation]:
    """"SageMaker Autopilot (ie. AutoML)": a heading or label's topic is what an aside opened
    by an alias marker (``content/relations.yaml``: alias_markers) names."""
    if reading.topic is None:
        return
    for inside in _parentheses(title, shortest=1):
        words = _alias_words(inside, reading.rules.alias_markers)
        if words:
            named = name_of(words[-1]) if len(words) == 1 and name_of(words[-1]) else \
                Mention(phrase_text(words), TERM, compound=len(words) > 1)
            if (found := reading.relation(reading.topic, "is", named, shape="aside")) is not None:
                yield found


def _alias_words(inside: Span, markers: frozenset[str]) -> list:
    """The words after an alias marker opening a parenthesis ("ie. AutoML": AutoML), or []."""
    lower = inside.text.lower()
    marker = next((m for m in sorted(markers, key=len, reverse=True) if lower.startswith((m + " ", m + "."))), None)
    if marker is None:
        return []
    rest = inside.doc.char_span(inside.start_char + len(marker), inside.end_char, alignment_mode="contract")
    return [t for t in rest or () if t.is_alpha or t.ent_type_ or "-" in t.text]


def _kind_of(sentence: Span, inside: Span, reading: Reading) -> Iterator[Relation]:
    """"(advanced form of oversampling)", "(part of SageMaker Studio)" closing a fragment about a
    topic: the topic is one of them, or part of it."""
    if reading.topic is None or inside.end + 1 < sentence.end - (sentence[-1].is_punct and sentence[-1].text != ")"):
        return
    head, rules = inside.root, reading.rules
    predicate = "is a" if head.lemma_.lower() in rules.type_words else "part of" if head.lemma_.lower() in rules.part_words else ""
    if predicate and (whole := of_object(head)) is not None and (named := mention_of(whole, rules.phrases)) is not None:
        if (found := reading.relation(reading.topic, predicate, named, shape="parenthesis", verb=head.text)) is not None:
            yield found


def _parentheses(sentence: Span, shortest: int = 2) -> Iterator[Span]:
    opened = None
    for token in sentence:
        if token.text == "(":
            opened = token.i + 1
        elif token.text.startswith(")") and opened is not None:
            if token.i - opened >= shortest:
                yield sentence.doc[opened:token.i]
            opened = None


def _owner(sentence: Span, inside: Span, reading: Reading):
    before = inside.start - 2
    if before < sentence.start:
        return reading.topic
    token = sentence.doc[before]
    return mention_of(token, reading.rules.phrases) if token.pos_ in {"NOUN", "PROPN"} else None
