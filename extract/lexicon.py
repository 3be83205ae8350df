"""What the extractor knows about words: the vocabulary plus facts read off the pipeline
(verb and noun lemmas) and off the notes (words they capitalise as names)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language

from .naming import entity_key
from .vocabulary import Vocabulary

__all__ = ["Lexicon", "lemma_table"]


def lemma_table(nlp: Language, part_of_speech: str) -> frozenset[str]:
    """The lemmas spaCy's English lemmatizer lists for a part of speech ("verb", "noun")."""
    try:
        return frozenset(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")[part_of_speech])
    except (KeyError, ValueError):
        return frozenset()


@dataclass(frozen=True)
class Lexicon:
    """The vocabulary plus what the pipeline and the notes tell about words."""

    vocabulary: Vocabulary
    proper_words: frozenset[str] = frozenset()
    verb_lemmas: frozenset[str] = frozenset()
    noun_lemmas: frozenset[str] = frozenset()
    adjective_lemmas: frozenset[str] = frozenset()
    stop_keys: frozenset[str] = field(init=False)
    verb_only: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stop_keys", frozenset(entity_key(w) for w in self.vocabulary.stop_concepts))
        object.__setattr__(self, "verb_only", self.verb_lemmas - self.noun_lemmas)

    def verb_of_gerund(self, word: str) -> str | None:
        """The verb an "-ing" word is made from, if known: "training" -> "train"."""
        word = word.casefold()
        if not word.endswith("ing"):
            return None
        stem = word[:-3]
        for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
            if candidate and candidate in self.verb_lemmas:
                return candidate
        return None

    @classmethod
    def for_pipeline(cls, vocabulary: Vocabulary, nlp: Language, proper_words: frozenset[str] = frozenset()) -> "Lexicon":
        """A lexicon with the lemma tables of ``nlp``'s lemmatizer."""
        return cls(vocabulary, proper_words, lemma_table(nlp, "verb"), lemma_table(nlp, "noun"), lemma_table(nlp, "adj"))
