"""Stage 3, mentions: the things a parsed passage names (vocabulary names as single
tokens, specific noun phrases, abbreviations) and the topics of headings and labels."""
from .abbreviations import abbreviation_pairs, best_long_form
from .hyphens import join_hyphenated, single_tokens
from .items import listed_activity, listed_item
from .names import NameIndex, name_of, protect_names
from .phrases import PhraseRules, mention_of, outside_parentheses, phrase_start, phrase_text
from .prepositions import of_object, prepositional_objects
from .verbs import coordinated_verb, fragment_verb, verb_lemma
from .actors import actor_of, kind_label
from .topics import shared_by_slash, alternatives_of, one_named_first, is_aspect, names_a_class, purpose_of, topic_of, within_owner

__all__ = ["NameIndex", "protect_names", "join_hyphenated", "single_tokens", "name_of", "PhraseRules", "mention_of", "phrase_start", "phrase_text", "of_object", "outside_parentheses", "prepositional_objects", "fragment_verb", "verb_lemma", "coordinated_verb", "topic_of", "alternatives_of", "one_named_first", "is_aspect", "actor_of", "kind_label", "names_a_class", "shared_by_slash", "purpose_of",
           "abbreviation_pairs", "best_long_form", "listed_activity", "listed_item", "within_owner"]
