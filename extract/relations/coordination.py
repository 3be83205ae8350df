"""Verbs in coordination the parser split from their objects: a verb beside the next one
shares its object ("stores and moves datasets"), and a second verb read as a modifier of a
second object acts on the rest of it ("manage approvals and automate model deployment")."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..mentions import coordinated_verb
from ..names import third_person
from .context import Reading

__all__ = ["coordinated_verb_objects", "shared_objects"]

_BARE_VERB_DEPS = {"cc", "conj", "punct", "advmod", "aux", "nsubj", "neg"}


def coordinated_verb_objects(obj: Token, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    """"manage approvals and automate model deployment": the second verb, parsed as a modifier
    of a second object, acts on the rest of that phrase."""
    for conjunct in obj.conjuncts:
        if lemma := coordinated_verb(conjunct, reading.rules.phrases):
            yield conjunct, third_person(reading.rules.synonyms.get(lemma, lemma)), False


def shared_objects(verb: Token) -> list[Token]:
    """"Stores and moves big datasets", "Pinpoint and quarantine bad records": a verb with
    nothing of its own acts on what the next verb it is coordinated with acts on."""
    if any(c.dep_ not in _BARE_VERB_DEPS for c in verb.children):
        return []
    following = next((c for c in verb.children if c.dep_ == "conj" and c.i == verb.i + 2 and c.tag_ == verb.tag_
                      and verb.nbor().dep_ == "cc"), None)  # side by side: "stores and moves"
    if following is None:
        following = _last_listed(verb)
    return [c for c in following.children if c.dep_ == "dobj"] if following is not None else []


def _last_listed(verb: Token) -> Token | None:
    """"Build, train, and deploy models": the next verb of a list after ``verb`` that has an
    object, which the verbs before it share."""
    listed = sorted((verb, *verb.conjuncts), key=lambda t: t.i)
    if not any(c.dep_ == "cc" for member in listed for c in member.children):
        return None
    return next((c for c in listed if c.i > verb.i and c.tag_ == verb.tag_ and any(d.dep_ == "dobj" for d in c.children)),
                None)
