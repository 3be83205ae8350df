"""Examples a noun lists ("services such as A and B", "tools like A", "including A",
"base models (XGBoost, random forest)") and the kind they are examples of."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..findings import Mention
from ..mentions import best_long_form, prepositional_objects
from ..names import is_acronym, singular
from .arguments import things
from .context import Reading

__all__ = ["with_examples", "examples_of", "listed_examples", "agreeing_kind"]

_PLURAL = {"NNS", "NNPS"}
_DEFINITE = {"the", "this", "that"}


def with_examples(token: Token, reading: Reading) -> Iterator[Mention]:
    """What ``token`` names, with its coordinated nouns and the examples it lists."""
    yield from things(token, reading)
    for example in examples_of(token, reading):
        yield from things(example, reading)


def examples_of(token: Token, reading: Reading) -> list[Token]:
    """The examples of the kind ``token`` names (see :func:`listed_examples`, :func:`agreeing_kind`),
    also where the parser hung them on another noun ("raw data in its native format, including
    structured and semi-structured data": the data's)."""
    found = []
    for noun in token.sent:
        examples = list(listed_examples(noun, reading)) if noun.pos_ in {"NOUN", "PROPN"} else []
        kind = agreeing_kind(noun, examples, reading.rules.type_words) if examples else None
        if kind is not None and kind in {token, _plural_of_object(token)}:  # no kind: no one's examples
            found += examples
    return found + _examples_on_the_verb(token, reading)


def _examples_on_the_verb(token: Token, reading: Reading) -> list[Token]:
    """"detects issues like overfitting", the examples hung on the verb right after its plural object."""
    if token.dep_ != "dobj" or token.tag_ not in _PLURAL:
        return []
    markers = [c for c in token.head.children if c.dep_ == "prep" and c.i == token.right_edge.i + 1
               and _marker(c) in reading.rules.example_markers]
    return [example for marker in markers for example in _marked(marker)]


def _marked(marker: Token) -> list[Token]:
    """The objects of an example marker, a gerund the parser hung as a clause among them ("like shadowing")."""
    return [c for c in marker.children if c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.pos_ in {"NOUN", "PROPN"})]


def listed_examples(token: Token, reading: Reading) -> Iterator[Token]:
    """The examples listed after a noun: "services such as A, B and C", "tools like A",
    "including A", "base models (XGBoost, random forest)"."""
    for child in token.children:
        if child.dep_ == "prep" and _marker(child) in reading.rules.example_markers:
            yield from prepositional_objects(child)
        elif child.dep_ == "appos" and child.i > 0 and child.nbor(-1).text in {"(", ":"} and _lists_examples(token, child) \
                and child.lemma_.lower() not in reading.rules.part_words | reading.rules.type_words:
            yield child  # "base models (XGBoost, random forest)", "two versions: CBOW and Skip-gram"


def agreeing_kind(noun: Token, examples: list[Token], kind_words: frozenset[str] = frozenset()) -> Token | None:
    """The noun the examples listed after ``noun`` are instances of: ``noun``, or what it
    stands for. "the use of frameworks like Spark": the frameworks. Plural examples of a
    singular noun are of the nearest plural noun above ("applications that need high memory
    performance, such as deep learning models": the applications), if any ("content, including
    posts and comments"). One definite thing is no class ("the utilization of a job,
    including CPU and GPU"). Examples that share their head word with an earlier noun are of
    that one ("raw data in its native format, including semi-structured data"), unless
    ``noun`` is a word of kinds (``kind_words``: "techniques like Bayesian optimization")."""
    if noun.lemma_.lower() not in kind_words and (same := _same_head(noun, examples)) is not None:
        return same
    if noun.tag_ in _PLURAL:
        return noun
    if (plural := _plural_of_object(noun)) is not None:
        return plural
    if all(example.tag_ in _PLURAL for example in examples):
        return next((above for above in noun.ancestors if above.tag_ in _PLURAL), noun)
    if any(child.dep_ == "det" and child.lower_ in _DEFINITE for child in noun.children):
        return None
    return noun


def _same_head(noun: Token, examples: list[Token]) -> Token | None:
    """The noun before the examples with the head word they share ("raw data ..., including
    structured and semi-structured data": the raw data), when it is not ``noun``."""
    heads = {singular(t.lower_.split()[-1]) for example in examples for t in (example, *example.conjuncts)}
    if singular(noun.lower_.split()[-1]) in heads:
        return None
    first = min(example.i for example in examples)
    return next((t for t in reversed(noun.sent[:first - noun.sent.start]) if t.pos_ in {"NOUN", "PROPN"}
                 and t.dep_ not in {"compound", "amod"} and singular(t.lower_.split()[-1]) in heads), None)


def _plural_of_object(noun: Token) -> Token | None:
    """"the use of frameworks": the plural noun a singular one is "of"."""
    return next((pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for pobj in prep.children if pobj.dep_ == "pobj" and pobj.tag_ in _PLURAL), None)


def _lists_examples(noun: Token, inside: Token) -> bool:
    """"base models (XGBoost, random forest)": a plural noun and the things it names; not an
    abbreviation of it ("Large Language Models (LLMs)"), nor a numbered reference ("project
    metadata (PEP 621)", "(RFC 7231)")."""
    numbered = any(c.dep_ == "nummod" and c.like_num for c in inside.children)
    return noun.tag_ in {"NNS", "NNPS"} and not numbered and (inside.nbor(-1).text == ":" or not _abbreviates(inside.text, noun))


def _abbreviates(text: str, noun: Token) -> bool:
    """"LLMs" after "large language models": a name in capitals that spells the phrase it follows."""
    return is_acronym(text) and best_long_form(text, noun.doc[noun.left_edge.i:noun.i + 1].text) is not None


def _marker(prep: Token) -> str:
    before = prep.nbor(-1) if prep.i > 0 else None
    if before is not None and before.lower_ == "such" and prep.lower_ == "as":
        return "such as"
    return prep.lower_
