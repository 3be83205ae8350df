"""Asides in parentheses, which the phrase a noun names leaves out ("natural language
processing (NLP) tasks", "(HAP) Load balancer")."""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["after_opening_aside", "bracketed", "outside_parentheses"]


def after_opening_aside(head: Token, start: int) -> int:
    """"(HAP) Load balancer": an aside before a phrase's first word is no part of it, whether
    the phrase starts at its bracket or inside it."""
    depth, first = 0, start
    for token in head.doc[start:head.i]:
        depth += (token.text == "(") - (token.text == ")")
        opened_here = head.doc[first].text == "("
        if token.text == ")" and (depth < 0 or (depth == 0 and opened_here)):
            first, depth = token.i + 1, 0
    return first


def bracketed(tokens: list[Token]) -> set[int]:
    """Indices of the tokens in parentheses ("(PCA)"), which a phrase leaves out."""
    inside, depth = set(), 0
    for token in tokens:
        depth = max(0, depth + (token.text == "("))
        if depth:
            inside.add(token.i)
        depth = max(0, depth - (token.text == ")"))
    return inside


def outside_parentheses(words: list[Token]) -> list[Token]:
    """"natural language processing (NLP) tasks" without its aside and its brackets."""
    aside = bracketed(words)
    return [t for t in words if t.i not in aside and t.text != ")"]
