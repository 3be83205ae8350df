"""Relations a clause states through its verb: active ("X detects Y"), passive ("Y is
detected by X", "X is used for Y"), copular ("X is a Y", "X is part of Y", "X is suitable
for Y"), instrumental ("you can use X to detect Y") and enabling ("X lets you deploy Y")."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..findings import CONCEPT, SERVICE, Relation
from ..names import third_person
from ..frequency import is_common
from ..mentions import fragment_verb, mention_of, of_object, prepositional_objects, verb_lemma
from .arguments import misread_verb, subjects_of
from .people import is_human
from .means import gives_a_means
from .examples import with_examples
from .instruments import fragment_means, instrument_purposes, instrument_subjects, means_purposes
from .context import Reading
from .coordination import coordinated_verb_objects, shared_objects
from .copulas import complements
from .labels import is_negated, prepositional_label, verb_label
from .object_preps import object_preposition_objects
from .compound_verbs import compound_verb_relations, verb_inside_noun_phrase

__all__ = ["clause_relations", "objects_of", "is_predicate"]

_OBJECT_DEPS = {"dobj", "oprd", "dative"}


def is_predicate(token: Token) -> bool:
    """A verb, or a form of "be" with a complement; never a symbol the tagger took for a verb ("=")."""
    if not token.text[:1].isalpha():
        return False
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


def objects_of(verb: Token, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    """``(object token, label, reversed)`` for each thing ``verb`` acts on."""
    if verb.lemma_ == "be":
        yield from complements(verb, reading)
    elif not _says_nothing_itself(verb, reading):
        yield from _verb_objects(verb, reading)


def _object_like(child: Token, verb: Token) -> bool:
    """An object, or a "subject" the parser put after its verb ("ARP finds the MAC address",
    parsed with two subjects)."""
    return child.dep_ in _OBJECT_DEPS or (child.dep_ == "nsubj" and child.i > verb.i and verb.tag_ != "VB"
                                          and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)) or \
        (child.dep_ in {"ccomp", "xcomp"} and child.i > verb.i and child.pos_ in {"NOUN", "PROPN"})  # a noun read as a verb


def _says_nothing_itself(verb: Token, reading: Reading) -> bool:
    """"X lets you deploy Y" (the enabled verb is read on its own), "says", "refers to"."""
    lemma = verb.lemma_.lower()
    return lemma in reading.rules.bland_verbs or (
        lemma in reading.rules.enabling_verbs and any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children))


def _kept_from(verb: Token, label: str, reading: Reading) -> tuple[str, bool]:
    """"shielded from internet access" (``separation_verbs``): a denied "exposed to"."""
    if verb.tag_ == "VBN" and label.endswith(" from") and verb.lemma_.lower() in reading.rules.separation_verbs:
        return "exposed to", True
    return label, False


def _verb_objects(verb: Token, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    rules = reading.rules
    label = verb_label(verb, rules)
    transitive = _transitive(verb, reading)
    resultative = _object_recast(verb, reading)
    for child in verb.children:
        if _object_like(child, verb) and not is_human(child, reading) and not gives_a_means(child, reading) and \
                not (resultative and child.dep_ == "dobj"):
            yield _improved(child, verb, reading), label, False
            yield from object_preposition_objects(child, label, reading)
            yield from coordinated_verb_objects(child, reading)
        elif child.dep_ == "agent":
            yield from _agents(verb, child, reading)
        elif child.dep_ == "prep" and child.lower_ == "with":
            yield from _with_objects(verb, child, label, transitive, reading)
        elif child.dep_ == "prep" and child.lower_ not in rules.circumstantial_preps:
            yield from _prepositional_objects(child, label, transitive, rules)
    yield from ((obj, label, False) for obj in shared_objects(verb))


def _transitive(verb: Token, reading: Reading) -> bool:
    """Whether ``verb`` acts on a thing it names, or on one a pronoun stands for ("using this for
    X": this, not the user, is for X)."""
    return any(_object_like(c, verb) and ((c.pos_ == "PRON" and not is_human(c, reading)) or _specific_object(c, reading))
               for c in verb.children)


def _with_objects(verb: Token, prep: Token, label: str, transitive: bool, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    """"integrates with X", "connects A with B": what a verb acts on or with; beside an object,
    "handles requests with low latency" says how (nothing), "provides you with X" what (X)."""
    objects = [c for c in verb.children if _object_like(c, verb)]
    if not objects or verb.lemma_.lower() in reading.rules.symmetric_verbs:
        yield from _prepositional_objects(prep, label, transitive, reading.rules)
    elif all(is_human(c, reading) for c in objects):
        yield from ((pobj, label, False) for pobj in prepositional_objects(prep))


def _improved(obj: Token, verb: Token, reading: Reading) -> Token:
    """"enhancing the accuracy of text-to-image models": what a verb improves a quality of, it improves."""
    rules = reading.rules
    if verb.lemma_.lower() in rules.improvement_verbs and obj.lemma_.lower() in rules.improved_qualities:
        return of_object(obj) or obj
    return obj


def _agents(verb: Token, agent: Token, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    """"detected by X": X detects; "charged by the number of input tokens": a measure is no doer,
    the subject is charged by it."""
    for pobj in prepositional_objects(agent):
        if pobj.lemma_.lower() in reading.rules.phrases.transparent_heads and of_object(pobj) is not None:
            yield pobj, f"{verb.lower_} by", False
        else:
            yield pobj, third_person(verb.lemma_.lower()), True


def _object_recast(verb: Token, reading: Reading) -> bool:
    """"keeps it cheap", "views hyperparameter tuning as a regression problem": the object's
    resulting state or what the verb casts it as is what is said, the object no end of it."""
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    return verb.lemma_.lower() in reading.rules.framing_verbs and \
        any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _prepositional_objects(prep: Token, label: str, transitive: bool, rules) -> Iterator[tuple[Token, str, bool]]:
    """Beside an object, a prepositional phrase is mostly circumstance ("deploys X with one
    click"); it still relates the subject to a named thing ("stores X in Amazon S3"), a result
    ("converts X into Y") or a purpose ("offers X for Y": used for Y)."""
    predicate = prepositional_label(label, prep, rules, transitive=transitive)
    kept = not transitive or prep.lower_ in rules.result_preps or prep.lower_ in rules.means_preps
    for pobj in prepositional_objects(prep):
        if kept or _named(pobj, prep.lower_ == "for"):
            yield pobj, predicate, False


def _specific_object(token: Token, reading: Reading) -> bool:
    """An object that names something ("detects bias"), not a light one ("declares the
    desired state for pods": the pods are what the clause is about)."""
    mention = mention_of(token, reading.rules.phrases)
    return mention is not None and (mention.known or mention.compound or not all(
        is_common(word) for word in mention.text.split()))


def _named(token: Token, purpose: bool) -> bool:
    """A thing of the vocabulary ("Amazon S3"); a concept of the glossary only as a purpose
    ("querying for structured data", not "introduce non-linearity in neural networks")."""
    return any(t.ent_type_ and (purpose or t.ent_type_ != CONCEPT) for t in (token, *token.conjuncts))
