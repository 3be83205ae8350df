"""Predicate labels: a verb in the third person, passive participles kept, a preposition
added when the object hangs on one ("integrates with", "used for"), synonyms made one."""
from __future__ import annotations

from spacy.tokens import Token

from ..mentions import verb_lemma
from ..names import third_person
from .context import RelationRules

__all__ = ["is_passive", "verb_label", "with_preposition", "prepositional_label", "is_negated", "composition_label"]

_PASSIVE_DEPS = {"nsubjpass", "auxpass"}
_ACTIVE_DEPS = {"nsubj", "aux", "csubj", "expl"}


def is_passive(verb: Token) -> bool:
    """"X is used for Y", a participle modifying a noun ("a service used for Y"), or a
    fragment opening with a participle, its subject the topic above ("Not used for archiving")."""
    if any(child.dep_ in _PASSIVE_DEPS for child in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return True
    return verb.dep_ == "ROOT" and verb.tag_ == "VBN" and not any(child.dep_ in _ACTIVE_DEPS for child in verb.children)


def verb_label(verb: Token, rules: RelationRules) -> str:
    """``detects`` for an active verb, ``used`` for a passive one, synonyms replaced; a verb the
    lemmatizer missed ("Combines" at a fragment's start) by its written form."""
    lemma = verb.lemma_.lower()
    if rules.verbs and (lemma not in rules.verbs or (verb.tag_ == "VBZ" and third_person(lemma) != verb.lower_)):
        lemma = verb_lemma(verb.text, rules.verbs) or lemma  # "Routes": route, not the lemmatizer's "rout"
    lemma = rules.synonyms.get(lemma, lemma)
    if lemma in rules.purpose_adjectives and verb.lower_ == lemma:
        return "used"  # "Canvas, perfect for Studio users": an adjective the tagger read as a verb
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if is_passive(verb) and lemma not in rules.symmetric_verbs:
        word = verb.lower_ if verb.tag_ == "VBN" else lemma
        return f"{word} {particle}".strip()
    return f"{third_person(lemma)} {particle}".strip()


def with_preposition(label: str, preposition: Token) -> str:
    """``used`` + ``for`` -> ``used for``; ``by`` never shows (the passive is turned round)."""
    word = preposition.lower_
    return label if word == "by" or label.endswith(" " + word) else f"{label} {word}"


def prepositional_label(label: str, preposition: Token, rules: RelationRules, *, transitive: bool = False) -> str:
    """The label of a verb's prepositional object: the means of an action is used ("starts
    containers through the runtime": uses), the purpose beside an object too ("offers X for
    Y": used for), any other preposition joins the verb ("integrates with")."""
    word = preposition.lower_
    if word in rules.means_preps:
        return "uses"
    if transitive and word == "for":
        return "used for"
    return with_preposition(label, preposition)


_FAILING = {"fail", "cease", "refuse", "neglect"}  # "fails to predict": does not predict


def is_negated(token: Token) -> bool:
    """"does not detect", "never stores", "cannot be used", "runs without impacting", "fails to
    predict", "no need to manage"."""
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in _FAILING:
        return True
    if token.dep_ == "acl" and token.head.lemma_.lower() == "need" and any(c.lower_ == "no" for c in token.head.children):
        return True  # "No need to manage clusters": nothing is managed
    return any(child.dep_ == "neg" for child in token.children) or (
        token.dep_ in {"xcomp", "acomp"} and any(child.dep_ == "neg" for child in token.head.children))


def composition_label(noun: Token, rules: RelationRules) -> str:
    """What "X is a <noun> of Y" says of X and Y: a combination of them ("hybrid": combines), a
    collection of them ("collections of users": includes), or "" for any other noun."""
    lemma = noun.lemma_.lower()
    return "combines" if lemma in rules.combination_words else "includes" if lemma in rules.collection_words else ""
