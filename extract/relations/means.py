"""Means given to do something: "provides a structured way to manage the inputs", "the ability
to overwrite records", "an approach to developing applications", "Configure X to block Y". The
means names no thing; whoever gives or configures it does what it is for."""
from __future__ import annotations

from spacy.tokens import Token

from .context import Reading

__all__ = ["infinitive", "way_to", "gives_a_means", "configured_to"]


def infinitive(verb: Token) -> bool:
    """"to manage", "to block": the verb with its "to"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def way_to(verb: Token, reading: Reading) -> bool:
    """"provides a structured way to manage the inputs", "gives you the ability to overwrite
    records": a means to do something (``means_heads``) is its giver's, who does it."""
    noun = verb.head
    return infinitive(verb) and noun.dep_ in {"dobj", "attr"} \
        and noun.head.pos_ in {"VERB", "AUX"} and noun.lemma_.lower() in reading.rules.phrases.means_heads


def gives_a_means(noun: Token, reading: Reading) -> bool:
    """"a structured way to manage the inputs": a means to do something, which names no thing;
    its giver does it (:func:`way_to`)."""
    return noun.lemma_.lower() in reading.rules.phrases.means_heads and any(
        infinitive(c) or (c.dep_ == "prep" and c.lower_ == "to" and any(g.tag_ == "VBG" for g in c.children))
        for c in noun.children)  # "a way to manage", "an approach to developing"


def configured_to(verb: Token, reading: Reading) -> bool:
    """"Configure X to do Y" parsed as X modified by "to do Y", the instrument verb read as X's
    modifier: X does Y (``instrument_verbs``)."""
    noun = verb.head
    return infinitive(verb) and any(
        m.dep_ in {"amod", "compound", "nmod"} and m.lower_ in reading.rules.instrument_verbs for m in noun.lefts)
