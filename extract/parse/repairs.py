"""Repairs of a parse: new heads, labels, tags and lemmas for some words, the Doc rebuilt
with them; a repair that would tie a sentence in a loop is left out."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

__all__ = ["repaired", "reaches"]


def repaired(doc: Doc, repairs: Sequence[tuple[Sequence[Token], Callable[[dict[str, list]], None]]]) -> Doc:
    """``doc`` with each repair applied to its annotations (heads, deps, tags, pos, lemmas), in
    turn; each given with the words it starts from, whose sentence must stay one tree."""
    if not repairs:
        return doc
    parse = _annotations(doc)
    for words, repair in repairs:
        before = {key: list(values) for key, values in parse.items()}
        repair(parse)
        if not _one_tree(words[0].sent, parse["heads"]):
            parse = before
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               morphs=[str(t.morph) for t in doc], **parse)


def _annotations(doc: Doc) -> dict[str, list]:
    return {"heads": [t.head.i for t in doc], "deps": [t.dep_ for t in doc], "tags": [t.tag_ for t in doc],
            "pos": [t.pos_ for t in doc], "lemmas": [t.lemma_ for t in doc]}


def _one_tree(sentence: Span, heads: list[int]) -> bool:
    """Whether every word of ``sentence`` reaches its one root without a loop."""
    roots = [t.i for t in sentence if heads[t.i] == t.i]
    return len(roots) == 1 and all(reaches(t.i, roots[0], heads) for t in sentence)


def reaches(start: int, root: int, heads: list[int]) -> bool:
    """Whether the head chain from ``start`` ends at ``root`` without a loop."""
    seen, current = set(), start
    while current != root:
        if current in seen or heads[current] == current:
            return False
        seen.add(current)
        current = heads[current]
    return True
