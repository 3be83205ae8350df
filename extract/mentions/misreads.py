"""Words the tagger read as verbs where the parse itself shows a noun: "automates the entire
machine learning workflow" with "workflow" tagged as a verb, yet a determiner and a compound
hang on it. No verb takes those. Such a noun right after a preposition left without an
object is that preposition's object ("Used for data pre-processing")."""
from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["nouns_read_as_verbs"]

_NOUN_MODIFIERS = {"det", "compound", "poss", "nummod", "amod"}
_VERB_ARGUMENTS = {"nsubj", "nsubjpass", "csubj", "dobj", "aux", "auxpass", "neg", "prt"}
_BARE_FORMS = {"VB", "VBP"}
_CLAUSE_DEPS = {"ccomp", "xcomp"}  # "workflow", "report": forms a noun can be mistaken for


def nouns_read_as_verbs(doc: Doc) -> Doc:
    """``doc`` with each such word tagged a noun again (its dependencies are kept)."""
    for token in doc:
        if token.tag_ in _BARE_FORMS and _has_noun_modifiers(token):
            token.pos_, token.tag_ = "NOUN", "NN"
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in _CLAUSE_DEPS and token.left_edge.i > 0:
            before = doc[token.left_edge.i - 1]
            if before.dep_ == "prep" and before.head == token.head and not any(before.children):
                token.head, token.dep_ = before, "pobj"
    return doc


def _has_noun_modifiers(token) -> bool:
    children = list(token.children)
    return any(c.dep_ in _NOUN_MODIFIERS and c.i < token.i for c in children) and \
        not any(c.dep_ in _VERB_ARGUMENTS for c in children)
