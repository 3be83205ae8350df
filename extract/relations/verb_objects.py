"""What a verb acts on: its objects, the objects of its prepositions where they name a thing it
relates to ("integrates with X", "stores X in Amazon S3"), its passive agents turned round, and
copular complements; each with the predicate label it reads with."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..findings import CONCEPT
from ..names import third_person
from ..frequency import is_common
from ..mentions import mention_of, of_object, prepositional_objects
from .people import is_human
from .means import gives_a_means
from .context import Reading
from .coordination import coordinated_verb_objects, shared_objects
from .copulas import complements
from .labels import prepositional_label, verb_label
from .object_preps import object_preposition_objects

__all__ = ["objects_of"]

_OBJECT_DEPS = {"dobj", "oprd", "dative"}


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


def _verb_objects(verb: Token, reading: Reading) -> Iterator[tuple[Token, str, bool]]:
    rules = reading.rules
    label = verb_label(verb, rules)
    transitive = _transitive(verb, reading)
    has_object = any(_object_like(c, verb) and not is_human(c, reading) for c in verb.children)
    resultative = _object_recast(verb, reading) or _supplies(verb, reading)  # the object is what it casts, or who gets
    for child in verb.children:
        if _acted_on(child, verb, resultative, reading):
            yield _improved(child, verb, reading), label, False
            yield from object_preposition_objects(child, label, reading)
            yield from coordinated_verb_objects(child, reading)
        elif child.dep_ == "agent":
            yield from _agents(verb, child, reading)
        elif child.dep_ == "prep" and child.lower_ == "with":
            yield from _with_objects(verb, child, label, transitive, reading)
        elif child.dep_ == "prep" and child.lower_ not in rules.circumstantial_preps:  # "manages approvals for CI/CD": a purpose
            yield from _prepositional_objects(child, label, transitive or (child.lower_ == "for" and has_object), rules)
    yield from ((obj, label, False) for obj in shared_objects(verb))


def _acted_on(child: Token, verb: Token, resultative: bool, reading: Reading) -> bool:
    """An object of ``verb`` it acts on: no person, no means, nothing it only casts or gives to."""
    return _object_like(child, verb) and not is_human(child, reading) and not gives_a_means(child, reading) and \
        not (resultative and child.dep_ == "dobj")


def _supplies(verb: Token, reading: Reading) -> bool:
    """"provide FMs with company data", "supply nodes with power": the object gets, "with" names what."""
    return verb.lemma_.lower() in reading.rules.supplying_verbs and \
        any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


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
    elif _supplies(verb, reading) or all(is_human(c, reading) for c in objects):  # "provide FMs with company data": the data
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
    ("converts X into Y") or a purpose ("offers X for Y": used for Y); "supports S3 as the input
    location" says what S3 is, nothing of the subject."""
    predicate = prepositional_label(label, prep, rules, transitive=transitive)
    casts = prep.lower_ != "as" or prep.head.lemma_.lower() in rules.framing_verbs  # "views tuning as a regression problem"
    kept = not transitive or (prep.lower_ in rules.result_preps and casts) or prep.lower_ in rules.means_preps
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
