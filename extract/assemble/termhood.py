"""Whether a noun phrase of the notes is a domain term or a common word.

A name from the vocabulary always is. A phrase of several words is: its modifiers make it
specific ("feature attribution drift"), unless the lexicon lists it as too vague. A single
word is a term when general English rarely uses it ("hyperparameter", "kubelet"), when it
is written as an acronym or a proper name, and not when it is an everyday word ("data",
"model", "performance"), measured by its frequency in general English (wordfreq).
"""
from __future__ import annotations

import re

from ..findings import SERVICE, Mention
from ..frequency import COMMON_WORD, is_common, is_misspelling, zipf
from ..names import is_acronym, singular

__all__ = ["COMMON_WORD", "is_specific", "is_common"]

KNOWN_WORD = 4.5  # a glossary word more common than this is an everyday word ("feature", "accuracy")
RARE_WORD = 4.0  # a single word of the notes is a term when general English uses it less ("kubelet", "bagging")
TECHNICAL_WORD = 4.0  # a word this rare in general English makes a phrase technical
BROAD = 0.06  # a concept named in this share of all sections is the notes' backdrop ...
BROAD_WORD = 3.0  # ... when its head is no rarer than this in general English
RECURRENT = 3  # sentences that must name a phrase of everyday words for it to be a term
# Command lines, options, paths and assignments are code, never a term: "--dry-run=client", "/etc/hosts".
_CODE = re.compile(r"(?:^|\s)-{1,2}\w|[=<>{}\[\]\\|$`;*^]|/\w+/|\w/\w+\.\w+|\([^)]*$|^[^(]*\)|\bv?\d+\.\d+")


def is_specific(mention: Mention, stop_words: frozenset[str], recurrence: int = 1, spread: float = 0.0,
                never_names: frozenset[str] = frozenset()) -> bool:
    """Whether ``mention`` names a domain term rather than an everyday thing; ``recurrence``
    is how many sentences of the notes name it (a phrase of everyday words is a term of the
    notes when they keep using it: "training data", "web traffic"), ``spread`` the share of
    their sections that do (a concept of everyday words named all over the notes is their
    backdrop: "machine learning", "dataset" in machine-learning notes). A phrase written as a
    name is a term even of words that are otherwise too vague ("Service" in Kubernetes notes),
    unless it holds one of ``never_names`` (pronouns, a vendor's name: "It", "Amazon")."""
    words = mention.text.lower().replace("-", " ").split()
    if _no_name(mention.text) or _backdrop(mention, words, spread):
        return False
    if mention.known:
        return _known_term(mention, words)
    if mention.proper and len(words) <= 3 and not _CODE.search(mention.text) and not set(words) & never_names:
        return True  # "Deployment", "Service": names of the subject, capitalised inside sentences
    if not words or _excluded(mention.text, words, stop_words):
        return False
    if len(words) == 1:
        return _single_term(mention.text)
    return _technical(mention.text) or mention.compound or recurrence >= RECURRENT


def _backdrop(mention: Mention, words: list[str], spread: float) -> bool:
    return mention.kind != SERVICE and spread >= BROAD and bool(words) and zipf(words[-1]) >= BROAD_WORD


def _no_name(text: str) -> bool:
    """"A" of "Q: ... A: ...", "+", "=": a letter or a sign alone, however written."""
    return len(text.strip()) < 2 or not any(c.isalnum() for c in text)


def _known_term(mention: Mention, words: list[str]) -> bool:
    """Every service; a glossary concept unless it is one everyday word ("feature")."""
    return mention.kind == SERVICE or len(words) > 1 or is_acronym(mention.text) or zipf(words[0]) < KNOWN_WORD


def _excluded(text: str, words: list[str], stop_words: frozenset[str]) -> bool:
    """Stop words, code, and phrases made only of stop words or no letters."""
    lower = text.lower()
    if lower in stop_words or singular(lower) in stop_words or _CODE.search(text) or not any(c.isalpha() for c in lower):
        return True
    return all(w in stop_words or singular(w) in stop_words for w in words)


def _single_term(text: str) -> bool:
    """An acronym, a proper name, or a word general English rarely uses."""
    return is_acronym(text) or (text[:1].isupper() and not _titled_common(text)) or (
        zipf(text.lower()) < RARE_WORD and not is_misspelling(text))  # "provison" is a typo of provision


def _technical(text: str) -> bool:
    """A technical word makes a technical phrase ("feature attribution drift"), and so does a
    letter joined to a word, a coined name ("B-tree", "k-means", "t-SNE")."""
    if any(len(part) == 1 and part.isalpha() for word in text.split() if "-" in word for part in word.split("-")):
        return True
    return any(zipf(w) < TECHNICAL_WORD for w in text.replace("-", " ").split() if w.isalpha() and not is_acronym(w))


def _titled_common(text: str) -> bool:
    """"Overview", "Features": a capitalised everyday word (a label), not a proper name."""
    return text.istitle() and is_common(text)
