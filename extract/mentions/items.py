"""Activities listed as items: "Use cases: caching, session storage", a table cell "caching".
The tagger reads a lone -ing word as a verb, or as a modifier of the next item across a comma;
in a list it names an activity, a thing of its own."""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import TERM, Mention

__all__ = ["listed_activity"]

_LIST_DEPS = {"punct", "cc", "conj", "appos"}


def listed_activity(token: Token) -> Mention | None:
    """``token`` as an activity named alone in a list, or None."""
    if token.tag_ != "VBG" or any(c.dep_ not in _LIST_DEPS for c in token.children):
        return None
    sentence = token.sent
    alone = token.dep_ == "ROOT"  # "caching", or first of a list: "caching, session storage, rate limiting"
    before_comma = token.i + 1 < sentence.end and token.nbor().text == "," and token.dep_ in {"amod", "compound", "nmod"}
    listed = token.dep_ == "conj" and (token.head.pos_ in {"NOUN", "PROPN"} or token.head.tag_ == "VBG")
    return Mention(token.lower_, TERM) if alone or before_comma or listed else None
