"""Whether a noun phrase of the notes is a domain term or a common word.

A name from the vocabulary always is. A phrase of several words is: its modifiers make it
specific ("feature attribution drift"), unless the lexicon lists it as too vague. A single
word is a term when general English rarely uses it ("hyperparameter", "kubelet"), when it
is written as an acronym or a proper name, and not when it is an everyday word ("data",
"model", "performance"), measured by its frequency in general English (wordfreq).
"""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from ..findings import Mention
from ..names import is_acronym, singular

__all__ = ["COMMON_WORD", "is_specific", "is_common"]

COMMON_WORD = 4.5
# Command lines, options, paths and assignments are code, never a term: "--dry-run=client", "/etc/hosts".
_CODE = re.compile(r"(?:^|\s)-{1,2}\w|[=<>{}\[\]\\|$`;]|/\w+/|\w/\w+\.\w+|\(\)")  # zipf frequency: about 30 per million words of general English


@lru_cache(maxsize=65536)
def is_common(word: str) -> bool:
    """An everyday English word ("data", "bucket", "format")."""
    word = word.lower()
    return max(zipf_frequency(word, "en"), zipf_frequency(singular(word), "en")) >= COMMON_WORD


def is_specific(mention: Mention, stop_words: frozenset[str]) -> bool:
    """Whether ``mention`` names a domain term rather than an everyday thing."""
    if mention.known:
        return True
    text = mention.text
    lower = text.lower()
    if lower in stop_words or singular(lower) in stop_words:
        return False
    words = lower.replace("-", " ").split()
    if not words or not any(c.isalpha() for c in lower) or _CODE.search(text):
        return False
    if len(words) > 1:
        return not all(w in stop_words or singular(w) in stop_words for w in words)
    return is_acronym(text) or (text[:1].isupper() and not text.isupper() and " " not in text) or not is_common(lower)
