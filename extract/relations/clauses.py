"""Relations a clause states through its verb: active ("X detects Y"), passive ("Y is
detected by X", "X is used for Y"), copular ("X is a Y", "X is part of Y", "X is suitable
for Y"), instrumental ("you can use X to detect Y") and enabling ("X lets you deploy Y")."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..findings import SERVICE, Relation
from ..names import third_person
from ..mentions import fragment_verb, prepositional_objects, verb_lemma
from .arguments import misread_verb, subjects_of
from .people import is_human
from .examples import with_examples
from .instruments import fragment_means, instrument_purposes, instrument_subjects, means_purposes
from .context import Reading
from .labels import is_negated, prepositional_label
from .object_preps import object_preposition_objects
from .compound_verbs import compound_verb_relations, verb_inside_noun_phrase
from .verb_objects import objects_of

__all__ = ["clause_relations", "objects_of", "is_predicate"]


def is_predicate(token: Token) -> bool:
    """A verb, or a form of "be" with a complement; never a symbol the tagger took for a verb ("=")."""
    if not token.text[:1].isalpha():
        return False
    if token.tag_ in {"VBN", "VBD"} and token.dep_ in {"conj", "acl"} and token.i > 0 and token.nbor(-1).text == ":" \
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children):
        return False  # "relies on two variables: labeled input and output data": a participle describing
    if token.pos_ == "VERB":
        return True
    return token.lemma_ == "be" and any(c.dep_ in {"attr", "acomp"} for c in token.children)


def clause_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """Every relation the verbs of ``sentence`` state between things."""
    for verb in sentence:
        if misread_verb(verb, reading):
            yield from (*_fragment_verb(verb, reading), *fragment_means(verb, reading))
            continue
        if verb_inside_noun_phrase(verb, reading):
            yield from compound_verb_relations(verb, reading)
            continue
        if not is_predicate(verb) or _supposed(verb):
            continue
        yield from instrument_purposes(verb, reading)
        yield from means_purposes(verb, reading)
        tools = instrument_subjects(verb, reading)
        negated = is_negated(verb)
        for obj_token, label, reverse in objects_of(verb, reading):
            if is_human(obj_token, reading):
                continue  # "perfect for non-technical users": people use things, they are not things
            doers = _doers(verb, obj_token, label, tools, reading)
            predicate, denied = _kept_from(verb, label, reading)
            denied = denied != _none_of(obj_token)  # "carries no schema"
            for obj in with_examples(obj_token, reading):
                for subject in doers:
                    first, second = (obj, subject) if reverse else (subject, obj)
                    found = reading.relation(first, predicate, second, shape="clause", negated=negated != denied,
                                             verb=verb.text)
                    if found is not None:
                        yield found


def _none_of(obj: Token) -> bool:
    return obj.dep_ == "dobj" and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children)


_SUPPOSING = {"if", "unless", "whether"}


def _supposed(verb: Token) -> bool:
    """"if training data lacks diversity or contains biased labels, ...": a supposition states nothing."""
    while True:
        if any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head


def _doers(verb: Token, obj: Token, label: str, tools: list | None, reading: Reading) -> list:
    """Who does what ``verb`` says: the tools an instrument verb names ("Use X to detect Y"), but
    the means of the act belongs to whoever uses them ("Use comparison data to fine-tune models
    through reinforcement learning": the topic uses reinforcement learning)."""
    if obj.dep_ == "dobj" and verb.i == verb.sent.start and verb.tag_ == "VB" and \
            _tells_the_reader(verb, verb.lemma_.lower(), reading):
        return []  # "Leverage ready-made charts" under a service: the reader uses them
    if tools is None or (label == "uses" and verb.lemma_.lower() not in reading.rules.instrument_verbs):
        return subjects_of(verb, reading)
    return tools


def _fragment_verb(verb: Token, reading: Reading) -> Iterator[Relation]:
    """The topic does what a fragment's first word says: "Stores and moves datasets" (stores
    and moves them), "Register models in a registry", "Runs on every node; talks to the API
    server" (each coordinated verb with its own objects)."""
    if verb.dep_ in {"nsubj", "nmod", "compound", "amod"} and verb.head.i != verb.i:
        head = _phrase_head(verb.head)
        shared = [head] if head.pos_ in {"NOUN", "PROPN"} else \
            [token for token, _, reverse in objects_of(head, reading) if not reverse]
    else:
        shared = []
    for each in (verb, *verb.conjuncts):
        lemma = verb_lemma(each.text, reading.rules.verbs) if each.i != verb.i else fragment_verb(verb, reading.rules.verbs)
        if not lemma or _tells_the_reader(each, lemma, reading):
            continue
        label = third_person(reading.rules.synonyms.get(lemma, lemma))
        for token, predicate in [(t, label) for t in shared] + list(_fragment_objects(each, label, reading)):
            for obj in with_examples(token, reading):
                if (found := reading.relation(reading.topic, predicate, obj, shape="fragment", verb=each.text)):
                    yield found


def _tells_the_reader(verb: Token, lemma: str, reading: Reading) -> bool:
    """"Configure security groups" (``reader_verbs``), and under a service "Leverage its notebooks":
    the reader does it, not the topic (a practice's "Use comparison data" is how it is done)."""
    imperative = verb.lower_ == lemma
    return imperative and (lemma in reading.rules.reader_verbs or (
        lemma in reading.rules.instrument_verbs and reading.topic is not None and reading.topic.kind == SERVICE))


def _phrase_head(token: Token) -> Token:
    """The noun a modifier belongs to ("model" in "model tuning": tuning)."""
    while token.dep_ in {"compound", "amod", "nmod"} and token.head.i > token.i:
        token = token.head
    return token


def _fragment_objects(verb: Token, label: str, reading: Reading) -> Iterator[tuple[Token, str]]:
    """What a fragment's verb read as a noun acts on: its object-like children, and the objects
    of its prepositions ("talks to the API server")."""
    for child in verb.children:
        if child.dep_ in {"dobj", "appos", "npadvmod", "compound"}:
            yield child, label
            yield from ((token, predicate) for token, predicate, _ in object_preposition_objects(child, label, reading))
        elif child.dep_ == "prep" and child.lower_ not in reading.rules.circumstantial_preps:
            yield from ((pobj, prepositional_label(label, child, reading.rules)) for pobj in prepositional_objects(child))


def _kept_from(verb: Token, label: str, reading: Reading) -> tuple[str, bool]:
    """"shielded from internet access" (``separation_verbs``): a denied "exposed to"."""
    if verb.tag_ == "VBN" and label.endswith(" from") and verb.lemma_.lower() in reading.rules.separation_verbs:
        return "exposed to", True
    return label, False
