"""Tools and what they are used for: "You can use X for Y" (X is used for Y), "Use X to
detect Y" (X detects Y); the verbs are ``instrument_verbs`` in ``content/relations.yaml``."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..findings import Mention, Relation
from ..mentions import prepositional_objects
from .arguments import SUBJECT_DEPS, subjects_of, thing, things
from .people import is_human
from .examples import with_examples
from .context import Reading
from .labels import is_negated

__all__ = ["fragment_means", "instrument_purposes", "instrument_subjects", "means_purposes", "doers_named"]

_MODIFIER_DEPS = {"amod", "compound", "nmod"}


def instrument_purposes(verb: Token, reading: Reading) -> Iterator[Relation]:
    """"You can use X for Y", "SageMaker uses S3 for storage": X is used for Y, whoever uses it."""
    if verb.lemma_.lower() not in reading.rules.instrument_verbs:
        return
    for tool in (c for c in verb.children if c.dep_ == "dobj"):
        purposes = [p for holder in (verb, tool) for c in holder.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in prepositional_objects(c)]  # "use X for Y": the parser hangs "for" on either
        for used in with_examples(tool, reading):
            for purpose in (m for p in purposes for m in things(p, reading)):
                if (found := reading.relation(used, "used for", purpose, shape="instrument", verb=verb.text,
                                              negated=is_negated(verb))):  # "You would not use X for Y"
                    yield found


def means_purposes(verb: Token, reading: Reading) -> Iterator[Relation]:
    """"Receive notifications via Amazon SNS", "You can access model evaluation through Amazon
    Bedrock": what people do through a named tool, the tool is used for."""
    if not _done_by_people(verb, reading):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    tools = [m for holder in (verb, *objects) for prep in _means(holder, reading) for m in prep if m.known]
    for obj in (m for c in objects for m in with_examples(c, reading)):
        for tool in tools:
            if (found := reading.relation(tool, "used for", obj, shape="instrument", verb=verb.text)):
                yield found


def fragment_means(verb: Token, reading: Reading) -> Iterator[Relation]:
    """"Access model evaluation through SageMaker Ground Truth, Studio or Amazon Bedrock", its
    verb misread as a modifier of the object: the named tools are used for the object."""
    noun = verb.head
    while noun.dep_ in _MODIFIER_DEPS and noun.head.i > noun.i:
        noun = noun.head  # "Access cost reports": the reports
    objects = [noun] if verb.dep_ in _MODIFIER_DEPS and noun.pos_ in {"NOUN", "PROPN"} and noun.i != verb.i else []
    tools = [m for holder in objects for prep in _means(holder, reading) for m in prep if m.known]
    for obj in (m for noun in objects for m in thing(noun, reading)):
        for tool in tools:
            if (found := reading.relation(tool, "used for", obj, shape="instrument", verb=verb.text)):
                yield found


def _done_by_people(verb: Token, reading: Reading) -> bool:
    """An imperative, or a verb whose subjects are all people ("You can ...")."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return (bool(subjects) or (verb.tag_ == "VB" and verb.dep_ == "ROOT")) and all(is_human(c, reading) for c in subjects)


def _means(holder: Token, reading: Reading) -> Iterator[list]:
    """The things each means preposition on ``holder`` names ("via Amazon SNS")."""
    for prep in holder.children:
        if prep.dep_ == "prep" and prep.lower_ in reading.rules.means_preps:
            yield [m for p in prepositional_objects(prep) for m in things(p, reading)]


def _used_by_people(verb: Token, reading: Reading) -> bool:
    """The verb says what a tool does when people (or an imperative) use it: "you can use X to
    detect Y", "Configure X to block Y"; a thing using one ("Uses X to do Y") does Y itself."""
    head = verb.head
    if verb.dep_ not in {"xcomp", "advcl"} or (verb.tag_ == "VBG" and verb.i < head.i) or \
            head.lemma_.lower() not in reading.rules.instrument_verbs:
        return False  # "Using X, you can ...": an opening means is no purpose of the verb after it
    if _own_subject_or_result(verb):
        return False
    return not (any(c.dep_ == "nsubj" and not is_human(c, reading) for c in head.children) or (
        head.tag_ != "VB" and not any(c.dep_ == "nsubj" for c in head.children)))


def instrument_subjects(verb: Token, reading: Reading) -> list | None:
    """The subjects of a verb after an instrument verb: "You can use X to detect Y": X detects Y;
    "Configure security groups to block traffic": the groups do, nobody else (an empty list).
    None where the verb follows no instrument verb."""
    head = verb.head
    if not _used_by_people(verb, reading):
        return _opening_tools(verb, reading)
    tools = [c for c in head.children if c.dep_ == "dobj"]
    return [m for c in tools for m in things(c, reading)] if tools else None


def _own_subject_or_result(verb: Token) -> bool:
    """"... when you do not need a persistent endpoint": the clause has its own subject; "You can
    manage profiles, enhancing compatibility": a participle says the act's result, not the profiles' act."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "nsubj" for c in verb.head.children)


def _opening_tools(verb: Token, reading: Reading) -> list | None:
    """"Using CloudFormation or Terraform, you can define infrastructure", "With Helm, you can
    package charts": the tools named before what people do with them do it; None elsewhere."""
    main = verb.head if verb.dep_ == "conj" else verb
    if not _done_by_people(main, reading) or main.tag_ not in {"VB", "VBP"}:
        return None
    tools = [tool for child in main.children if child.i < main.i for tool in _opening_means(child, reading)]
    return [m for c in tools for m in things(c, reading) if m.known or m.text[:1].isupper()] or None


def _opening_means(child: Token, reading: Reading) -> list[Token]:
    """The objects of "Using ..." or of a sentence's opening "With ..."."""
    if child.dep_ == "advcl" and child.tag_ == "VBG" and child.lemma_.lower() in reading.rules.instrument_verbs:
        return [c for c in child.children if c.dep_ == "dobj"]
    if child.dep_ == "prep" and child.lower_ == "with" and child.i == child.sent.start:
        return prepositional_objects(child)
    return []


def doers_named(verb: Token, reading: Reading) -> list[Mention]:
    """Who a sentence names as doing what ``verb`` says (never its topic): its subjects and the
    examples they list ("AWS services like Amazon SageMaker allow ..."), or the tools people use
    ("Using CloudFormation or Terraform, you can define ...")."""
    if verb.lemma_ == "have":
        return []  # "Vanishing gradient problem: Simple RNNs have short-term memory": a property, no doing
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    named = [*subjects_of(verb, reading), *(m for c in subjects for m in with_examples(c, reading))]
    return list(dict.fromkeys([*named, *(instrument_subjects(verb, reading) or [])]))
