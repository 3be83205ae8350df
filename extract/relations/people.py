"""People acting: "you", "users", "data scientists" are never a topic, and what they do is no
relation of the tool they do it with, unless the tool is what lets them ("X lets you deploy
Y": X deploys Y)."""
from __future__ import annotations

from spacy.tokens import Token

from .context import Reading
from .means import infinitive
from .pronouns import SUBJECT_DEPS

__all__ = ["is_human", "done_by_people", "enabled", "used_by_a_thing"]


def is_human(token: Token, reading: Reading) -> bool:
    """"you", "users", "data scientists": people acting with a tool, never a topic."""
    return token.lower_ in reading.rules.human_agents or token.lemma_.lower() in reading.rules.human_agents


def enabled(verb: Token, reading: Reading) -> bool:
    """"X lets you deploy", "a registry that allows you to store": what an enabling verb lets
    people do, its subject does; not what people are helped to do ("helps developers build
    models": they build them)."""
    lemma = verb.head.lemma_.lower()
    return verb.dep_ in {"ccomp", "xcomp"} and lemma != "help" and lemma in reading.rules.enabling_verbs


def done_by_people(subject: Token, verb: Token, reading: Reading) -> bool:
    """Whether ``subject`` of ``verb`` is people, or a tool for people to do it with."""
    return is_human(subject, reading) or _for_people_to(subject, verb, reading)


def _for_people_to(subject: Token, verb: Token, reading: Reading) -> bool:
    """"an IDE for developers to build applications": the developers build them, not the IDE."""
    return infinitive(verb) and any(
        prep.dep_ == "prep" and prep.lower_ == "for" and any(is_human(p, reading) for p in prep.children if p.dep_ == "pobj")
        for prep in subject.children)


def used_by_a_thing(verb: Token, reading: Reading) -> bool:
    """"TensorBoard: Uses visualization to plot the embeddings": what a thing uses something to
    do, the thing does (people using a tool to do it have the tool do it: "you can use X to ...")."""
    noun = verb.head
    user = noun.head
    return infinitive(verb) and noun.dep_ == "dobj" and user.lemma_.lower() in reading.rules.instrument_verbs and \
        user.tag_ == "VBZ" and not any(c.dep_ in SUBJECT_DEPS and done_by_people(c, user, reading) for c in user.children)
