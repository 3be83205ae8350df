"""The vocabulary's word lists as the rules the reading stages apply."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .mentions import PhraseRules
from .names import singular
from .relations import RelationRules
from .vocabulary import Vocabulary

__all__ = ["ReadingRules", "reading_rules"]


@dataclass(frozen=True)
class ReadingRules:
    """Everything a note is read with besides the names."""

    relations: RelationRules
    heading_patterns: tuple[re.Pattern, ...]
    aspect_labels: frozenset[str]
    table_headers: dict
    glossary_headings: frozenset[str] = frozenset()

    def table_predicate(self, header: str) -> str | None:
        """The relation a column header names ("Typical use" -> "used for"), or None."""
        words = header.lower().replace("(s)", "").strip(" :")
        return self.table_headers.get(words) or self.table_headers.get(singular(words))


def reading_rules(vocabulary: Vocabulary, verbs: frozenset[str] = frozenset(), nouns: frozenset[str] = frozenset(),
                  adjectives: frozenset[str] = frozenset()) -> ReadingRules:
    """The rules of ``vocabulary``; ``verbs``, ``nouns`` and ``adjectives`` are the lemmas the spaCy pipeline knows."""
    phrases = PhraseRules(
        vague_modifiers=vocabulary.vague_modifiers,
        stop_concepts=vocabulary.stop_concepts,
        transparent_heads=vocabulary.transparent_heads,
        relational_heads=vocabulary.relational_heads,
        product_heads=vocabulary.product_heads,
        pronouns=vocabulary.pronouns,
        verbs=verbs,
        nouns=nouns,
        adjectives=adjectives,
        way_words=vocabulary.way_words,
        means_heads=vocabulary.means_heads,
        change_heads=vocabulary.change_heads,
        resources=frozenset(entry.name for entry in vocabulary.services if entry.kind == "resource"),
    )
    relations = RelationRules(
        phrases=phrases,
        synonyms=vocabulary.synonyms,
        enabling_verbs=vocabulary.enabling_verbs,
        symmetric_verbs=vocabulary.symmetric_verbs,
        instrument_verbs=vocabulary.instrument_verbs,
        purpose_adjectives=vocabulary.purpose_adjectives,
        part_words=vocabulary.part_words,
        collection_words=vocabulary.collection_words,
        combination_words=vocabulary.combination_words,
        type_words=vocabulary.type_words,
        human_agents=vocabulary.human_agents,
        scenario_words=vocabulary.scenario_words,
        product_words=vocabulary.product_words,
        circumstantial_preps=vocabulary.circumstantial_preps,
        circumstantial_participles=vocabulary.circumstantial_participles,
        example_markers=vocabulary.example_markers,
        object_preps=vocabulary.object_preps,
        bland_verbs=vocabulary.bland_verbs,
        result_preps=vocabulary.result_preps,
        means_preps=vocabulary.means_preps,
        naming_verbs=vocabulary.naming_verbs,
        alias_markers=vocabulary.alias_markers,
        separation_verbs=vocabulary.separation_verbs,
        searching_verbs=vocabulary.searching_verbs,
        giving_verbs=vocabulary.giving_verbs,
        supplying_verbs=vocabulary.supplying_verbs,
        relational_nouns=vocabulary.relational_nouns,
        transfer_verbs=vocabulary.transfer_verbs,
        framing_verbs=vocabulary.framing_verbs,
        improvement_verbs=vocabulary.improvement_verbs,
        improved_qualities=vocabulary.improved_qualities,
        unrelating_aspects=vocabulary.unrelating_aspects,
        reader_verbs=vocabulary.reader_verbs,
        verbs=verbs,
    )
    return ReadingRules(relations, vocabulary.heading_patterns, vocabulary.aspect_labels, vocabulary.table_headers,
                        vocabulary.glossary_headings)
