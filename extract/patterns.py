"""Every relation one sentence states: its clauses plus appositions, examples and table values."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .clauses import Link, complement_links, verb_links
from .lexicon import Lexicon
from .syntax import (
    EXAMPLE_MARKERS,
    aux_to,
    conjuncts,
    is_negated,
    is_verb,
    subjects_of,
)

__all__ = ["sentence_links", "attribute_links"]


def _apposition_links(sentence: Span, lexicon: Lexicon) -> Iterator[Link]:
    """``Amazon Kendra, an enterprise search service, ...`` reads as a copula."""
    for token in sentence:
        if token.dep_ == "appos" and any(c.dep_ == "det" for c in token.children) and token.head.pos_ in {"PROPN", "NOUN"}:
            yield from complement_links(token, lexicon, [token.head.i], [token.head], False)


def _example_links(sentence: Span, lexicon: Lexicon) -> Iterator[Link]:
    """``frameworks such as TensorFlow and PyTorch``: each example is one of the kind."""
    for token in sentence:
        if token.dep_ != "prep":
            continue
        marker = token.lower_
        if marker == "as" and any(c.lower_ == "such" for c in token.children):
            marker = "such as"
        elif marker == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such":
            marker = "such as"
        if marker not in EXAMPLE_MARKERS or not (token.head.pos_ in {"NOUN", "PROPN"}):
            continue
        category = token.head
        comma = token.i > 0 and token.doc[token.i - 1].text == "," or marker == "such as" and token.doc[token.i - 2].text == ","
        if comma and _outer_noun(category) is not None:
            # "tools to maintain governance, such as Clarify": after a comma the examples
            # belong to the phrase's first noun, "tools"
            category = _outer_noun(category)
        for child in token.children:
            if child.dep_ == "pobj":
                for example in conjuncts(child):
                    # Only names make safe examples; "tasks, such as content moderation"
                    # hangs too easily on the wrong noun.
                    if example.pos_ == "PROPN" or any(c.isupper() for c in example.text[1:]) or example.text.isupper():
                        yield Link(example.i, "is a", category.i, whole=True)


def _outer_noun(noun: Token) -> Token | None:
    """The noun heading the larger phrase this one sits in ("tools to maintain governance"),
    unless a clause with its own subject comes between ("a service you use to integrate data
    from sources, including S3": S3 is a source)."""
    node = noun.head
    while node.head.i != node.i and node.pos_ not in {"NOUN", "PROPN"}:
        if any(child.dep_ in {"nsubj", "nsubjpass"} for child in node.children):
            return None
        node = node.head
    return node if node.pos_ in {"NOUN", "PROPN"} and node.i != noun.i and node.i < noun.i else None


def sentence_links(sentence: Span, lexicon: Lexicon) -> Iterator[Link]:
    """Every relation the sentence states between two of its tokens."""
    for token in sentence:
        if is_verb(token) and token.dep_ not in {"aux", "auxpass", "xcomp", "ccomp"} and not (
            token.dep_ == "advcl" and aux_to(token)
        ) and not (token.dep_ == "pcomp"):
            negated = any(is_negated(a) for a in token.children if a.dep_ in {"aux", "auxpass"})
            yield from verb_links(token, lexicon, subjects=subjects_of(token), negated=negated)
    yield from _apposition_links(sentence, lexicon)
    yield from _example_links(sentence, lexicon)


def attribute_links(sentence: Span, attribute: str) -> Iterator[Link]:
    """A table cell holding values, not a sentence: ``EC2 P3 | Processor Family | NVIDIA
    Tesla V100`` reads "EC2 P3 -processor family-> NVIDIA Tesla V100"."""
    if any(t.pos_ in {"VERB", "AUX"} for t in sentence):
        return
    relation = " ".join(w if w.isupper() else w.casefold() for w in attribute.replace("(s)", "s").split())
    if not relation:
        return
    values = conjuncts(sentence.root)
    values += [c for value in values for c in value.children if c.dep_ == "appos"]
    for value in values:
        yield Link(None, relation, value.i)
