"""Relations a block's place in the layout states: a table cell under its column header, a
table row under the header naming its rows' kind, a bare item listed under a heading."""
from __future__ import annotations

from collections.abc import Iterator

from .findings import TERM, Mention, Relation
from .names import ADJECTIVE_ENDINGS, singular
from .mentions import is_aspect, listed_activity, listed_item, mention_of, names_a_class, purpose_of
from .model import Block, Source
from .parse import passages
from .relations import Reading, list_item_relations, row_kind, table_relations, termlike
from .rules import ReadingRules
from .sentence_findings import is_clause

__all__ = ["table_cell_relations", "table_row_relations", "list_item_under"]


def table_cell_relations(block: Block, docs, row: Mention, source: Source, rules: ReadingRules) -> Iterator[Relation]:
    """A cell whose column header names a relation: the row's thing relates to each thing the cell names."""
    predicate = rules.table_predicate(block.attribute)
    if predicate is None:
        return
    reading = Reading(rules.relations, source, f"{block.label}: {block.attribute}: {block.text}", row)
    for passage in passages(block.text):
        for sentence in docs[passage].sents:
            for token in ([] if is_clause(sentence) or _described(sentence) else sentence):  # a sentence says more
                cell = mention_of(token, rules.relations.phrases) if listed_item(token) else listed_activity(token)
                if predicate == "is a" and len(sentence) == 1 and (kind := _kind_of_rows(token, block, rules)):
                    cell = kind  # | Database | Type | with "Relational": a relational database
                if cell is not None:
                    yield from table_relations(row, cell, predicate, reading)


def _described(cell) -> bool:
    """"Used to provide accurate responses by incorporating domain data": a cell that is a
    sentence without a finite verb, not a list of things ("Lift and shift, ERP, CRM")."""
    return sum(1 for t in cell if t.is_alpha) > 5 and any(t.pos_ == "VERB" for t in cell) and not any(t.text == "," for t in cell)


def _kind_of_rows(adjective, block: Block, rules: ReadingRules) -> Mention | None:
    """A cell of one adjective under a "type" header, with the rows' kind in one word in the first
    header: that kind so qualified."""
    words = rules.relations.phrases
    header = block.row_header.strip().lower()
    word = adjective.lower_
    if not header.isalpha() or not (word in words.adjectives or word.endswith(ADJECTIVE_ENDINGS)) or word in words.nouns:
        return None
    return Mention(f"{word} {singular(header)}", TERM, compound=True)


def table_row_relations(block: Block, docs, row: Mention, source: Source, rules: ReadingRules) -> Iterator[Relation]:
    """| Database | Type | with a row "Redis": a first header naming a kind of thing says each row is one."""
    kind = row_kind(docs[block.row_header]) if block.row_header else None
    if kind is not None:
        reading = Reading(rules.relations, source, f"{block.row_header}: {block.label}", row)
        yield from table_relations(row, kind, "is a", reading)


def list_item_under(block: Block, docs, heading_text: str, heading: Mention, source: Source,
                    rules: ReadingRules) -> Iterator[Relation]:
    """A bullet that is only a name, under a heading that names a class of things, or under an
    aspect heading that names a relation to the topic above ("Use cases" > "- Fraud detection")."""
    doc = docs[block.text] if block.text in docs else None
    if doc is None or len(doc) > 6 or any(t.pos_ in {"VERB", "AUX"} for t in doc):
        return
    item = mention_of(doc[:].root, rules.relations.phrases)
    heading_doc = docs[heading_text]
    reading = Reading(rules.relations, source, f"{heading_text}: {block.text}", heading)
    if item is not None and (predicate := rules.table_predicate(heading_text)):
        yield from table_relations(heading, item, predicate, reading)
    elif item is not None and not is_aspect(heading_text, rules.aspect_labels) and \
            names_a_class(heading_doc, rules.relations.phrases.nouns) and termlike(heading):
        yield from list_item_relations(item, heading, purpose_of(heading_doc, rules.relations.phrases), reading)
