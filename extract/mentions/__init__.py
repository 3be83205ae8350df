"""Stage 3, mentions: the things a parsed passage names (vocabulary names as single
tokens, specific noun phrases, abbreviations) and the topics of headings and labels."""
from .abbreviations import abbreviation_pairs, best_long_form
from .names import NameIndex, name_of, protect_names
from .phrases import PhraseRules, fragment_verb, mention_of, phrase_start, verb_lemma
from .topics import is_aspect, topic_of

__all__ = ["NameIndex", "protect_names", "name_of", "PhraseRules", "mention_of", "phrase_start", "fragment_verb", "verb_lemma", "topic_of", "is_aspect",
           "abbreviation_pairs", "best_long_form"]
