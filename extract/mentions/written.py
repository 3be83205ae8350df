"""How a phrase is written in its sentence: as a name ("routes traffic to a Service"), in
quotation marks ('a "hidden state"'), or as a word of a title ("Question and Answer")."""
from __future__ import annotations

from spacy.tokens import Token

from .asides import outside_parentheses

__all__ = ["written_as_a_name", "in_a_title", "quoted"]

_MAX_QUOTED_WORDS = 4


def written_as_a_name(words: list[Token]) -> bool:
    """Capitalised inside a sentence of lower-case words ("routes traffic to a Service"), not
    at its start nor inside a run of capitalised words (a title: "Model Quality Metrics")."""
    first, last = words[0], words[-1]
    if first.is_sent_start or not all(t.text[:1].isupper() for t in words if t.is_alpha):
        return False
    before = first.nbor(-1)
    after = last.nbor(1) if last.i + 1 < len(last.doc) else None
    return not before.is_title and not (after is not None and after.is_title)


def in_a_title(word: Token) -> bool:
    """"Question and Answer": a capitalised word joined to another by "and"/"or" is a title's."""
    doc = word.doc
    after = doc[word.i + 1:word.i + 3]
    before = doc[max(0, word.i - 2):word.i]
    return (_joined(after) and after[-1].text[:1].isupper()) or (_joined(before) and before[0].text[:1].isupper())


def _joined(pair) -> bool:
    return len(pair) == 2 and (pair[0].lower_ in {"and", "or"} or pair[1].lower_ in {"and", "or"})


def quoted(words: list[Token]) -> bool:
    """A phrase set in quotation marks as a term of its own: 'uses a "hidden state"', 'have
    "short-term memory."' (one word in quotes is as often irony: 'the "best" model')."""
    first, last = words[0], words[-1]
    doc = first.doc
    if not 2 <= len(outside_parentheses(words) or words) + last.text.count("-") <= _MAX_QUOTED_WORDS or first.i == 0 \
            or doc[first.i - 1].tag_ != "``":
        return False
    return any(t.tag_ == "''" for t in doc[last.i + 1:last.i + 3])
