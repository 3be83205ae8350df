"""How common a word is in general English (wordfreq), the evidence that tells a domain
term from an everyday word."""
from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from .names import singular

__all__ = ["COMMON_WORD", "is_common", "is_adverb", "is_misspelling", "zipf"]

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


_ADVERB_STEMS = ((2, ""), (4, ""), (3, "y"), (2, "le"))  # natively, dynamically, easily, reliably
_ADVERB_STEM = 3.0  # zipf of the adjective an adverb is made from


def is_adverb(word: str) -> bool:
    """An English adverb made from an adjective ("Dynamically", "natively"), which a tagger
    may take for a name at the start of a fragment; not a name ending in -ly ("Italy")."""
    lower = word.lower()
    if not lower.endswith("ly"):
        return False
    stems = (lower[:-cut] + added for cut, added in _ADVERB_STEMS if added != "le" or lower.endswith(("ably", "ibly")))
    return any(len(stem) >= 4 and zipf(stem) >= _ADVERB_STEM for stem in stems)  # not "assembly"


_TYPO_NEIGHBOUR = 3.5  # zipf of the common word a misspelling is one letter away from
_MIN_TYPO_LENGTH = 7  # shorter unknown words are as often acronyms and names ("etcd", "logits")
_VOWELS = "aeiou"


@lru_cache(maxsize=4096)
def is_misspelling(word: str) -> bool:
    """A word no English text writes, a vowel away from a common one: a typo in the notes
    ("provison", "augumented", "allowiing"), no term; not a rare real word ("sharding", which
    general English does write) nor a coined name ("kubelet"; "containerd", a consonant away)."""
    if len(word) < _MIN_TYPO_LENGTH or not word.isalpha() or not word.islower() \
            or zipf_frequency(word, "en", wordlist="large") > 0:
        return False
    return any(zipf(candidate) >= _TYPO_NEIGHBOUR for candidate in _vowel_edits(word))


def _vowel_edits(word: str) -> set[str]:
    """Every string ``word`` makes with one vowel dropped or added inside it."""
    inside = range(1, len(word))
    dropped = {word[:i] + word[i + 1:] for i in inside if word[i] in _VOWELS}
    added = {word[:i] + vowel + word[i:] for i in inside for vowel in _VOWELS}
    return dropped | added
