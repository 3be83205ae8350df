"""Stage 4, relations: small extractors, each for one sentence or layout shape, over
parsed sentences whose names are already single tokens."""
from collections.abc import Iterator, Mapping

from spacy.tokens import Doc, Span

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
           "termlike", "HAS_EXAMPLE", "lists_members", "label_clause_relations"]

MAX_LABEL_CLAUSE = 8  # words of a label that says what its topic does ("Has a memory mechanism")

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


def label_clause_relations(label: str, docs: Mapping[str, Doc], reading: Reading) -> Iterator[Relation]:
    """"**Has a memory mechanism:** Remembers inputs" under "Recurrent neural network": a label
    opening with a verb's third person and going on says what the topic does, as a sentence
    would; "Provides:" alone lists what it provides (``label_verb_relations``)."""
    if not label or reading.topic is None or "/" in label:  # "Steps/Iterations" are two names
        return
    words = docs[label][:]
    if 1 < len(words) <= MAX_LABEL_CLAUSE and label_verb(words[:1], reading.rules.phrases.verbs):
        yield from clause_relations(words, reading)
