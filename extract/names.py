"""Words of names: the key under which surface forms merge, plurals, verb forms (used by every stage)."""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["ADJECTIVE_ENDINGS", "adjective_by_ending", "entity_key", "singular", "third_person", "plural", "is_acronym", "is_coined", "is_activity",
           "ACTIVITY_SUFFIXES"]

ADJECTIVE_ENDINGS = ("ed", "al", "ic", "ive", "ous", "able", "ible", "ful", "less", "ary")  # endings of English adjectives


def adjective_by_ending(word: str, adjectives: frozenset[str]) -> bool:
    """An adjective the lexicon knows, and shaped as one ("comprehensive", "accelerated"), whatever
    rare noun use it also has."""
    return word in adjectives and word.endswith(ADJECTIVE_ENDINGS)

_WORD = re.compile(r"(?:[^\W_]|[+#])+")  # letters of any script: "χ² test" is no "test"
_ARTICLES = {"the", "a", "an"}
_KEEP_S = ("ss", "us", "is", "ys", "as", "ics", "series", "species", "news", "ous", "chaos", "kudos", "ethos", "cosmos")
_CHE_NOUNS = {"caches", "niches", "headaches", "avalanches", "moustaches"}
_IRREGULAR_VERBS = {"be": "is", "have": "has", "do": "does", "go": "goes"}


@lru_cache(maxsize=131072)
def singular(word: str) -> str:
    """A simple singular of an English noun, leaving words that only look plural alone.

    >>> [singular(w) for w in ["features", "strategies", "analysis", "biases", "data", "boxes", "scenarios"]]
    ['feature', 'strategy', 'analysis', 'bias', 'data', 'box', 'scenario']
    """
    lower = word.casefold()
    if len(lower) <= 3 or not lower.endswith("s") or lower.endswith(_KEEP_S):
        return word
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + ("Y" if word[-3:].isupper() else "y")
    if lower.endswith(("sses", "shes", "tches", "xes", "zzes", "iases")) or lower.endswith("ches") and lower not in _CHE_NOUNS:
        return word[:-2]
    return word[:-1]


def ends_in_plural(text: str) -> bool:
    """"Storage formats", "SageMaker built-in algorithms": a phrase whose last word is a plural."""
    last = text.lower().split()[-1] if text.split() else ""
    return singular(last) != last


def plural(word: str) -> str:
    """A simple plural, used to let catalogue aliases match their plural forms."""
    lower = word.casefold()
    if lower.endswith("s"):
        return word
    if lower.endswith("y") and len(lower) > 2 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    if lower.endswith(("sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


_ACRONYM_PLURAL = re.compile(r"\b([A-Z][A-Z0-9]+)s\b")  # "CPUs", "LLMs": the acronym's plural


@lru_cache(maxsize=131072)
def entity_key(text: str) -> str:
    """The key under which two spellings of one thing merge.

    Case, punctuation, spacing, hyphens, leading articles and simple plurals are ignored.

    >>> entity_key("Re-training") == entity_key("retraining")
    True
    >>> entity_key("the Foundation Models") == entity_key("foundation model")
    True
    >>> entity_key("CPUs") == entity_key("CPU")
    True
    """
    words = _WORD.findall(_ACRONYM_PLURAL.sub(r"\1", text).casefold())
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return "".join(singular(word) for word in words)


def third_person(lemma: str) -> str:
    """The third person singular of a verb lemma: ``integrate`` -> ``integrates``."""
    if lemma in _IRREGULAR_VERBS:
        return _IRREGULAR_VERBS[lemma]
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    return lemma + "s"


def is_acronym(word: str) -> bool:
    """``"RAG"``, ``"S3"``, ``"k-NN"``: two or more capitals or a digit among letters."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    return len(word) >= 2 and (capitals >= 2 or (capitals >= 1 and any(c.isdigit() for c in word)))


def is_coined(word: str) -> bool:
    """``"SageMaker"``, ``"DynamoDB"``, ``"S3"``: capitals or digits after the first letter."""
    return any(c.isupper() or c.isdigit() for c in word[1:])


ACTIVITY_SUFFIXES = ("ing", "tion", "sion", "ment", "ysis", "ance", "ence", "ization", "isation")


def is_activity(phrase: str) -> bool:
    """A phrase naming an activity: "model selection", "speech-to-text", "fine-tuning"."""
    last = phrase.lower().split()[-1] if phrase.split() else ""
    return last.endswith(ACTIVITY_SUFFIXES) or "-to-" in phrase.lower()

