"""Abbreviation definitions: "Retrieval-Augmented Generation (RAG)" makes RAG an alias.

The long form is found with the algorithm of Schwartz and Hearst (2003): the shortest run
of words before the parenthesis in which the abbreviation's characters appear in order,
its first character starting a word.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["abbreviation_pairs", "best_long_form"]

_PARENTHESIS = re.compile(r"\(([^()]{1,12})\)")
_WORD_SPLIT = re.compile(r"\s+")


def best_long_form(short: str, long: str) -> str | None:
    """The shortest ending of ``long`` that spells ``short``, or None.

    >>> best_long_form("HPO", "automatic hyperparameter optimization")
    'hyperparameter optimization'
    >>> best_long_form("GANs", "Generative Adversarial Networks")
    'Generative Adversarial Networks'
    """
    s_index, l_index = len(short) - 1, len(long) - 1
    while s_index >= 0:
        char = short[s_index].lower()
        if not char.isalnum():
            s_index -= 1
            continue
        while l_index >= 0 and (long[l_index].lower() != char or (s_index == 0 and l_index > 0 and long[l_index - 1].isalnum())):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    start = max(long.rfind(" ", 0, l_index + 1), long.rfind("(", 0, l_index + 1)) + 1
    found = long[start:].strip()
    return found if len(found) > len(short) else None


def _is_short_form(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 2 and text[:1].isalnum() and 2 <= len(text) <= 10 and any(c.isupper() for c in text) \
        and sum(1 for c in text if c.isupper()) >= max(2, len(text.replace("-", "").replace(" ", "")) // 2)


def abbreviation_pairs(text: str) -> Iterator[tuple[str, str]]:
    """``(long form, abbreviation)`` pairs defined in ``text`` as "long form (ABBR)"."""
    for match in _PARENTHESIS.finditer(text):
        short = match.group(1).strip()
        if not _is_short_form(short):
            continue
        before = text[:match.start()].rstrip()
        words = _WORD_SPLIT.split(before)
        window = " ".join(words[-min(len(short) + 5, 2 * len(short)):])
        long = best_long_form(short, window)
        if long and not long.isupper():
            yield long.strip(" ,;:-"), short
