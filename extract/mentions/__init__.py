"""Stage 3, mentions: the things a parsed passage names (vocabulary names as single
tokens, specific noun phrases, abbreviations) and the topics of headings and labels."""
from .abbreviations import abbreviation_pairs, best_long_form
from .names import NameIndex, name_of, protect_names
from .phrases import PhraseRules, mention_of, phrase_start
from .topics import topic_of

__all__ = ["NameIndex", "protect_names", "name_of", "PhraseRules", "mention_of", "phrase_start", "topic_of",
           "abbreviation_pairs", "best_long_form"]
