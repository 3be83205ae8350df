"""Items of a list ("Use cases: caching, session storage", a table cell): the nouns it names,
not those a preposition or a clause hangs on an item, and activities named alone, which the
tagger reads as verbs or as modifiers of the next item across a comma."""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import TERM, Mention

__all__ = ["listed_activity", "listed_item"]

_LIST_DEPS = {"punct", "cc", "conj", "appos"}
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp"}


def listed_item(token: Token) -> bool:
    """A noun the list names: an item, or what an item's verb acts on ("Perform searches across
    data types": searches); not a noun a preposition or a clause hangs on an item ("Fraud
    detection in banking", "engines where users rated few items"), nor one the list denies
    ("fast installs, no build step")."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ in {"compound", "amod", "nmod", "poss"} or \
            any(a.dep_ in _CLAUSE_DEPS for a in token.ancestors) or any(c.lower_ == "no" for c in token.children):
        return False
    item = next((a for a in token.ancestors if a.dep_ != "conj"), None) if token.dep_ == "conj" else token
    return item is None or item.dep_ != "pobj" or _purpose_phrase(item.head)


def _purpose_phrase(preposition: Token) -> bool:
    """"Suitable for data exploration", "Used for indexing": what an opening word says it is for."""
    return preposition.lower_ == "for" and preposition.head.dep_ == "ROOT" and preposition.head.pos_ in {"ADJ", "VERB"}


def listed_activity(token: Token) -> Mention | None:
    """``token`` as an activity named alone in a list, or None."""
    if token.tag_ != "VBG" or any(c.dep_ not in _LIST_DEPS for c in token.children):
        return None
    sentence = token.sent
    alone = token.dep_ == "ROOT"  # "caching", or first of a list: "caching, session storage, rate limiting"
    before_comma = token.i + 1 < sentence.end and token.nbor().text == "," and token.dep_ in {"amod", "compound", "nmod"}
    listed = token.dep_ == "conj" and (token.head.pos_ in {"NOUN", "PROPN"} or token.head.tag_ == "VBG")
    return Mention(token.lower_, TERM) if alone or before_comma or listed else None
