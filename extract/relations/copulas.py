"""Copular clauses: "X is a Y", "X is a type/part of Y", "X is a service for Y", "X is
compatible with Y"; what the complement says of the subject."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..mentions import of_object, prepositional_objects
from .context import Reading
from .labels import composition_label

__all__ = ["complements", "names_a_kind", "relational_objects"]


def complements(verb: Token, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    """"X is a Y", "X is a type/part of Y", "X is a service for Y", "X is suitable for Y"."""
    rules = reading.rules
    if any(c.dep_ == "expl" for c in verb.children):
        return  # "there is a high correlation": something exists, nothing is said to be one
    for child in verb.children:
        if child.dep_ == "attr" and _owned_subject(verb):
            continue  # "Their big selling point is ACID transactions": a side of something else, no kind of thing
        if child.dep_ == "attr" and (related := relational_objects(child, rules)) is not None:
            yield from ((obj, related[0], False) for obj in related[1])  # "HEAD is a pointer to the current commit"
        elif child.dep_ == "attr":
            yield from _attribute(child, reading)
        elif child.dep_ == "acomp" and child.lemma_.lower() not in rules.purpose_adjectives:
            yield from _complement_objects(child, child.lemma_.lower(), reading)


def _attribute(noun: Token, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    """"X is a Y", "a type/part of Y", "a collection of Ys", "a service for Y"."""
    rules = reading.rules
    inner = of_object(noun)
    lemma = noun.lemma_.lower()
    if inner is not None and lemma in rules.part_words:
        yield inner, "part of", False
    elif inner is not None and lemma in rules.type_words:
        yield inner, "is a", False
    elif inner is not None and (whole := composition_label(noun, rules)):
        yield inner, whole, False  # "groups are collections of users", "a hybrid of a lake and a warehouse"
    elif names_a_kind(noun):
        yield noun, "is a", False
    yield from _complement_objects(noun, "used", reading, part=lemma in rules.part_words)


_RELATING_PREPS = {"to", "of", "for", "over", "around", "on"}


def relational_objects(noun: Token, rules) -> tuple[str, list[Token]] | None:
    """"pointer to the current commit": what a relational noun (``relational_nouns``) says of its
    subject ("points to") and the things it relates it to, or None for any other noun."""
    label = rules.relational_nouns.get(noun.lemma_.lower())
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _RELATING_PREPS]
    if not label or not preps:
        return None
    return label, [pobj for prep in preps for pobj in prepositional_objects(prep)]


def _owned_subject(verb: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for s in verb.children if s.dep_ == "nsubj" for c in s.children)


def names_a_kind(complement: Token) -> bool:
    """"X is a Y", "Xs are Ys", "X is AWS's DNS service": an indefinite, a maker's or a plural
    complement says what kind of thing X is; "X is structured data" only describes it."""
    if any(c.lower_ in {"a", "an", "one"} or (c.dep_ == "poss" and c.pos_ == "PROPN") for c in complement.children):
        return True
    return complement.tag_ in {"NNS", "NNPS"}


def _complement_objects(head: Token, word: str, reading: Reading, *, part: bool = False) -> Iterator[tuple[Token, str, bool]]:
    """"X is a service for Y" (used for), "X is a service within Y" or "a feature in Y" (part of);
    "X is a document in JSON format" says where X is, no use of JSON."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"for", "in", "with", "to", "on", "within"}:
            continue
        if prep.lower_ == "within" or (part and prep.lower_ == "in"):
            label = "part of"
        elif word == "used" and prep.lower_ == "in":
            continue
        else:
            label = f"{word} {prep.lower_}"
        for pobj in prepositional_objects(prep):
            if not _infinitive_read_as_noun(prep, pobj, reading):
                yield pobj, label, False


def _infinitive_read_as_noun(prep: Token, pobj: Token, reading: Reading) -> bool:
    """"easier to debug", "hard to scale": a verb after an adjective's "to", tagged a noun."""
    return prep.lower_ == "to" and prep.head.pos_ == "ADJ" and pobj.lower_ in reading.rules.verbs and \
        not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in pobj.children)
