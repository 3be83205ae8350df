"""Relations the layout states: a heading nested under another, items listed under a
heading, table cells under a column header. Each is structural, and made only when the
layout says what the relation is."""
from __future__ import annotations

from collections.abc import Iterator

from ..findings import STRUCTURAL, Mention, Relation
from .context import Reading

__all__ = ["heading_relations", "list_item_relations", "table_relations"]


def heading_relations(topics: list[Mention | None], reading: Reading) -> Iterator[Relation]:
    """Each heading that names a topic is a subtopic of the nearest enclosing heading that does."""
    named = [topic for topic in topics if topic is not None]
    for outer, inner in zip(named, named[1:]):
        found = reading.relation(inner, "subtopic of", outer, shape="headings", kind=STRUCTURAL)
        if found is not None:
            yield found


def list_item_relations(item: Mention, heading: Mention, purpose: Mention | None,
                        reading: Reading) -> Iterator[Relation]:
    """An item listed alone under a heading: "Algorithms for classification" > "XGBoost"
    says XGBoost is used for classification; "Ensemble methods" > "Bagging" that bagging
    is an ensemble method."""
    if purpose is not None:
        found = reading.relation(item, "used for", purpose, shape="list", kind=STRUCTURAL)
    else:
        found = reading.relation(item, "is a", heading, shape="list", kind=STRUCTURAL)
    if found is not None:
        yield found


def table_relations(row: Mention, cell: Mention, predicate: str, reading: Reading) -> Iterator[Relation]:
    """A table cell whose column header names a relation (``content/relations.yaml``:
    ``table_headers``): the row's subject relates to the cell's thing."""
    found = reading.relation(row, predicate, cell, shape="table", kind=STRUCTURAL)
    if found is not None:
        yield found

