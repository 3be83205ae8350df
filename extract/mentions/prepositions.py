"""Prepositional objects in a parse: what a preposition governs, and a noun's "of" object."""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["prepositional_objects", "of_object"]


def prepositional_objects(preposition: Token) -> list[Token]:
    """The objects of a preposition ("for" in "for chatbots and voice bots": chatbots)."""
    return [child for child in preposition.children if child.dep_ == "pobj"]


def of_object(head: Token, preposition: str = "of") -> Token | None:
    """The object of ``head``'s "of" ("type of database": database), or of another preposition, or None."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            return next(iter(prepositional_objects(child)), None)
    return None
