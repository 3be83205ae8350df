"""A Cypher script that loads a graph into a running Neo4j: ``cypher-shell -f graph.cypher``.

The script can run any number of times and still hold one node per topic and one
relationship per edge: it creates a uniqueness constraint on ``Topic.id`` if there is none,
MERGEs each topic on its id and each relationship on its ends, its type and its ``key`` (the
graph's edge key, relation plus kind plus negation), then SETs the properties. Rows are
literal lists of maps, ``UNWIND``-ed in batches; labels and relationship types cannot be
parameters in Cypher, so there is one statement per label or type. Strings are written in
ASCII with escapes and never hold a raw quote, backtick or semicolon, so no statement
splitter (cypher-shell's or a driver's) can end a statement inside one.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import networkx as nx

from .neo4j_records import TOPIC_LABEL, NodeRecord, RelationshipRecord, node_records, relationship_records

__all__ = ["CYPHER_BATCH_SIZE", "cypher_string", "cypher_value", "to_cypher_script"]

CYPHER_BATCH_SIZE = 500  # rows per statement: one transaction each, small enough for any server's memory
SCRIPT_HEADER = (
    "// Loads the study notes graph into Neo4j 5 or later: cypher-shell -f FILE [-u USER -p PASSWORD -d DATABASE]\n"
    "// Safe to run again: topics are merged on their id, relationships on their ends, type and key.\n"
)
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE = "'\"`;"  # quote, backtick and semicolon: written as \\uXXXX, see the module docstring


def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal made of printable ASCII only.

    >>> print(cypher_string('O\\'Reilly "x" \\\\ é;'))
    'O\\u0027Reilly \\u0022x\\u0022 \\\\ \\u00e9\\u003b'
    """
    return "'" + "".join(_escaped(character) for character in text) + "'"


def _escaped(character: str) -> str:
    if character in _ESCAPES:
        return _ESCAPES[character]
    code = ord(character)
    if 32 <= code < 127 and character not in _UNSAFE:
        return character
    if code > 0xFFFF:  # outside the Basic Multilingual Plane: a UTF-16 surrogate pair, as Java holds it
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def cypher_value(value: object) -> str:
    """A Cypher literal for a str, int, float, bool, None, list or dict with identifier keys.

    >>> cypher_value({"name": "S3", "aliases": ["S3", "Simple Storage"], "degree": 3, "negated": False})
    "{name: 'S3', aliases: ['S3', 'Simple Storage'], degree: 3, negated: false}"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_name(key)}: {cypher_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_value(item) for item in value) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__} {value!r}")


def _name(identifier: str) -> str:
    """A property name as is if it is a plain identifier, else in backticks (doubled inside)."""
    if identifier.isidentifier() and identifier.isascii():
        return identifier
    return _quoted_name(identifier)


def _quoted_name(name: str) -> str:
    """A label or relationship type in backticks: one that starts with a digit or is a keyword
    (``MATCH``, ``IN``) is then still a name."""
    return "`" + name.replace("`", "``") + "`"


def to_cypher_script(graph: nx.Graph, *, batch_size: int = CYPHER_BATCH_SIZE) -> str:
    """The Cypher script that MERGEs ``graph`` into a database.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("Glue", "S3", key="reads|stated", relation="reads", kind="stated", count=1)
    'reads|stated'
    >>> print(to_cypher_script(g), end="")
    // ...
    CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (topic:Topic) REQUIRE topic.id IS UNIQUE;
    <BLANKLINE>
    UNWIND [
      {id: 'Glue', name: 'Glue', degree: 1},
      {id: 'S3', name: 'S3', degree: 1}
    ] AS row
    MERGE (topic:Topic {id: row.id})
    SET topic += row;
    <BLANKLINE>
    UNWIND [
      {source: 'Glue', target: 'S3', properties: {key: 'reads|stated', relation: 'reads', ..., count: 1}}
    ] AS row
    MATCH (source:Topic {id: row.source})
    MATCH (target:Topic {id: row.target})
    MERGE (source)-[relationship:`READS` {key: row.properties.key}]->(target)
    SET relationship += row.properties;
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size!r}")
    statements = [f"CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (topic:{TOPIC_LABEL}) REQUIRE topic.id IS UNIQUE"]
    statements += _node_statements(node_records(graph), batch_size)
    statements += _relationship_statements(relationship_records(graph), batch_size)
    return SCRIPT_HEADER + "\n\n".join(statement + ";" for statement in statements) + "\n"


def _node_statements(records: list[NodeRecord], batch_size: int) -> Iterator[str]:
    for labels, group in _grouped(records, lambda record: record.labels):
        extra = "".join(f", topic:{_quoted_name(label)}" for label in labels if label != TOPIC_LABEL)
        for batch in _batches([record.properties for record in group], batch_size):
            yield (f"{_unwind(batch)}\nMERGE (topic:{TOPIC_LABEL} {{id: row.id}})\n"
                   f"SET topic += row{extra}")


def _relationship_statements(records: list[RelationshipRecord], batch_size: int) -> Iterator[str]:
    for type, group in _grouped(records, lambda record: record.type):
        rows = [{"source": record.start, "target": record.end, "properties": record.properties} for record in group]
        for batch in _batches(rows, batch_size):
            yield (f"{_unwind(batch)}\n"
                   f"MATCH (source:{TOPIC_LABEL} {{id: row.source}})\n"
                   f"MATCH (target:{TOPIC_LABEL} {{id: row.target}})\n"
                   f"MERGE (source)-[relationship:{_quoted_name(type)} {{key: row.properties.key}}]->(target)\n"
                   f"SET relationship += row.properties")


def _grouped(records: list, key) -> list[tuple[object, list]]:
    """Records by ``key``, the groups sorted by key and each in the graph's order."""
    groups: dict = {}
    for record in records:
        groups.setdefault(key(record), []).append(record)
    return sorted(groups.items())


def _batches(rows: list, size: int) -> Iterable[list]:
    return (rows[start:start + size] for start in range(0, len(rows), size))


def _unwind(rows: list[dict]) -> str:
    return "UNWIND [\n" + ",\n".join(f"  {cypher_value(row)}" for row in rows) + "\n] AS row"
