"""The Cypher script read back with a parser of its literals: strings, rows and statements."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.exports import export_graph
from graph.neo4j_cypher import cypher_string, cypher_value, to_cypher_script

from .conftest import (
    RELATIONSHIP_TYPES,
    TRICKY_ALIASES,
    TRICKY_DEFINITION,
    TRICKY_NAME,
    TRICKY_RELATION,
    TRICKY_SENTENCE,
)
from .cypher_literals import parse_cypher_literal, unwound_rows


@pytest.mark.parametrize("text", [TRICKY_NAME, TRICKY_SENTENCE, *TRICKY_ALIASES, "", "\x00\x1f\u2028\ud7ff\uffff"])
def test_cypher_strings_round_trip(text):
    literal = cypher_string(text)
    assert parse_cypher_literal(literal) == text
    assert literal.isascii() and literal.isprintable()
    assert not set(literal[1:-1]) & set("'\"`;")  # nothing a statement splitter could stop at


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_every_string_round_trips(text):
    assert parse_cypher_literal(cypher_string(text)) == text


def test_quoting_without_escapes_fails_the_check():
    with pytest.raises(ValueError, match="left over"):
        parse_cypher_literal(f"'{TRICKY_NAME}'")


def test_values():
    value = {"id": "x", "aliases": ["a", "b"], "degree": 3, "negated": True, "gone": None}
    assert parse_cypher_literal(cypher_value(value)) == value
    assert cypher_value({"odd key": 1.5}) == "{`odd key`: 1.5}"
    with pytest.raises(TypeError, match="no Cypher literal for set"):
        cypher_value({"a"})


def test_every_topic_is_merged_on_its_id(graph):
    script = export_graph(graph, "cypher").decode("utf-8")
    assert "CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (topic:Topic) REQUIRE topic.id IS UNIQUE;" in script
    assert script.count("CREATE") == 1  # everything else is merged, so a second run adds nothing
    unwound = [(merge, rows) for merge, rows in unwound_rows(script) if "(topic:Topic" in merge]
    assert {merge for merge, _ in unwound} == {"MERGE (topic:Topic {id: row.id})"}
    assert sorted(row["id"] for _, rows in unwound for row in rows) == sorted(graph)
    assert "SET topic += row, topic:`Service`;" in script and "SET topic += row, topic:`Concept`;" in script


def test_every_edge_is_merged_on_its_ends_type_and_key(graph):
    edges = [(merge, row) for merge, rows in unwound_rows(to_cypher_script(graph)) if "relationship" in merge
             for row in rows]
    assert {re.search(r":`(\w+)`", merge)[1] for merge, _ in edges} == RELATIONSHIP_TYPES
    assert {merge.split("`", 2)[2] for merge, _ in edges} == {" {key: row.properties.key}]->(target)"}
    keys = [(row["source"], row["target"], row["properties"]["key"]) for _, row in edges]
    assert sorted(keys) == sorted(graph.edges(keys=True))
    drift = next(row["properties"] for _, row in edges if row["properties"]["key"] == "detects|stated"
                 and row["target"] == "data drift")
    evidence = graph.edges["SageMaker Model Monitor", "data drift", "detects|stated"]["evidence"]
    assert drift["sentences"] == [item["sentence"] for item in evidence]
    assert (drift["negated"], drift["count"], drift["line"]) == (False, 2, 14)


def test_tricky_text_round_trips_through_the_script(tricky_graph):
    unwound = unwound_rows(to_cypher_script(tricky_graph))
    topic = next(row for _, rows in unwound for row in rows if row.get("id") == TRICKY_NAME)
    assert (topic["aliases"], topic["definition"]) == (TRICKY_ALIASES, TRICKY_DEFINITION)
    merge, edge = next((merge, row) for merge, rows in unwound for row in rows if row.get("target") == TRICKY_NAME)
    assert "[relationship:`ISN_T_REALLY_USED_FOR` {key: row.properties.key}]" in merge
    assert edge["properties"]["sentences"] == [TRICKY_SENTENCE]
    assert (edge["properties"]["relation"], edge["properties"]["negated"]) == (TRICKY_RELATION, True)


def test_rows_come_in_batches(graph):
    unwound = unwound_rows(to_cypher_script(graph, batch_size=3))
    assert [len(rows) for merge, rows in unwound if "topic" in merge] == [3, 1, 3, 3]  # 4 concepts, 6 services
    assert sum(len(rows) for _, rows in unwound) == 20
    with pytest.raises(ValueError, match="batch_size must be at least 1, not 0"):
        to_cypher_script(graph, batch_size=0)
