"""Copular clauses: "X is a Y", "X is a type/part of Y", "X is a service for Y", "X is
compatible with Y"; what the complement says of the subject."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..mentions import of_object, prepositional_objects
from .context import Reading
from .labels import composition_label

__all__ = ["complements", "names_a_kind"]


def complements(verb: Token, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    """"X is a Y", "X is a type/part of Y", "X is a service for Y", "X is suitable for Y"."""
    rules = reading.rules
    for child in verb.children:
        if child.dep_ == "attr" and _owned_subject(verb):
            continue  # "Their big selling point is ACID transactions": a side of something else, no kind of thing
        if child.dep_ == "attr":
            inner = of_object(child)
            lemma = child.lemma_.lower()
            if inner is not None and lemma in rules.part_words:
                yield inner, "part of", False
            elif inner is not None and lemma in rules.type_words:
                yield inner, "is a", False
            elif inner is not None and (whole := composition_label(child, rules)):
                yield inner, whole, False  # "groups are collections of users", "a hybrid of a lake and a warehouse"
            elif names_a_kind(child):
                yield child, "is a", False
            yield from _complement_objects(child, "used", reading, part=lemma in rules.part_words)
        elif child.dep_ == "acomp" and child.lemma_.lower() not in rules.purpose_adjectives:
            yield from _complement_objects(child, child.lemma_.lower(), reading)


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
            yield pobj, label, False
