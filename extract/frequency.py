"""How common a word is in general English (wordfreq), the evidence that tells a domain
term from an everyday word."""
from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from .names import singular

__all__ = ["COMMON_WORD", "is_common", "zipf"]

COMMON_WORD = 4.5  # zipf frequency: about 30 per million words of general English
# wordfreq's small English list holds every word of zipf 3 or more, which is all the decisions
# here tell apart (rarer words count as 0), and loads ten times faster than the full list.
_WORDLIST = "small"


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The zipf frequency of ``word`` (or of its singular, whichever is higher); 0 below 3.

    >>> zipf("data") > 5 > 0 == zipf("kubelet")
    True
    """
    word = word.lower()
    return max(zipf_frequency(word, "en", wordlist=_WORDLIST), zipf_frequency(singular(word), "en", wordlist=_WORDLIST))


def is_common(word: str) -> bool:
    """An everyday English word ("data", "bucket", "format")."""
    return zipf(word) >= COMMON_WORD
