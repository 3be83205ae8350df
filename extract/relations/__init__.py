"""Stage 4, relations: small extractors, each for one sentence or layout shape, over
parsed sentences whose names are already single tokens."""
from collections.abc import Iterator

from spacy.tokens import Span

from ..findings import Relation
from .arguments import subject_of_sentence, subjects_of
from .clauses import clause_relations, objects_of
from .context import Reading, RelationRules
from .instruments import doers_named
from .fragments import arrow_relations, definition_relations, with_equated_topic, label_verb, label_verb_relations, lists_members
from .layout import HAS_EXAMPLE, heading_relations, list_item_relations, names_a_practice, practice_relations, row_kind, table_relations, termlike
from .nouns import naming_relations, apposition_relations, example_relations, purpose_relations, suitability_relations
from .parentheses import aside_relations, parenthetical_relations

__all__ = ["Reading", "RelationRules", "doers_named", "practice_relations", "names_a_practice", "subject_of_sentence", "subjects_of", "SENTENCE_EXTRACTORS", "sentence_relations", "clause_relations",
           "objects_of", "naming_relations", "apposition_relations", "example_relations", "purpose_relations", "suitability_relations", "parenthetical_relations", "aside_relations",
           "definition_relations", "arrow_relations", "with_equated_topic", "label_verb", "label_verb_relations", "heading_relations", "list_item_relations", "table_relations", "row_kind",
           "termlike", "HAS_EXAMPLE", "lists_members"]

# Every shape a sentence may state a relation in; a sentence is read by each.
SENTENCE_EXTRACTORS = (clause_relations, naming_relations, apposition_relations, example_relations, purpose_relations,
                       suitability_relations, parenthetical_relations, arrow_relations)


def sentence_relations(sentence: Span, reading: Reading, *, defines_topic: bool = False) -> Iterator[Relation]:
    """Every relation ``sentence`` states; a fragment under a label or card term may also
    define that topic."""
    for extractor in SENTENCE_EXTRACTORS:
        yield from extractor(sentence, reading)
    if defines_topic:
        yield from definition_relations(sentence, reading)
