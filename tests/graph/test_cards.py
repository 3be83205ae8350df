import pytest

from graph.cards import normalise_relation, topic_card
from graph.hubs import breadth

from .conftest import NODES, make_graph

SAID = [("notes.md", "Tools", 1, "A sentence of the notes.")]


def tool_graph(*, leaves: int = 30):
    """A tool that uses a specific topic twice (a stated and a structural "uses", one of them
    capitalised), is stated to use the hub "data", and co-occurs with a topic."""
    nodes = [("Tool", "service", [], "", "", ""), ("feature store", "concept", [], "", "", ""),
             ("SHAP", "concept", [], "", "", ""), ("data", "concept", [], "", "", ""),
             ("notebook", "concept", [], "", "", "")]
    edges = [("Tool", "uses", "feature store", "stated", False,
              [("notes.md", "Tools", 2, "Tool uses a feature store.")]),
             ("Tool", "Uses", "SHAP", "structural", False, [("notes.md", "Tools > Uses", 3, "Uses: SHAP")]),
             ("Tool", "uses", "SHAP", "stated", False, [("notes.md", "Tools", 4, "Tool uses SHAP values.")]),
             ("Tool", "reads", "data", "stated", False, SAID),
             ("Tool", "co-occurs with", "notebook", "cooccurrence", False, SAID)]
    for number in range(leaves):  # "data" links almost everything: a hub
        nodes.append((f"topic {number}", "concept", [], "", "", ""))
        edges.append((f"topic {number}", "stored as", "data", "stated", False, SAID))
        neighbour = f"topic {(number + 1) % leaves}"
        edges.append((f"topic {number}", "co-occurs with", neighbour, "cooccurrence", False, SAID))
    return make_graph(nodes, edges, notes=["notes.md"])


def test_a_predicate_is_one_group_whatever_its_kinds_and_case():
    card = topic_card(tool_graph(), "Tool")
    uses = [group for group in card.groups if normalise_relation(group.relation) == "uses"]
    assert len(uses) == 1
    assert [(item.topic, item.kind) for item in uses[0].related] == [("SHAP", "stated"), ("feature store", "stated")]
    shap = uses[0].related[0]
    assert [sentence.text for sentence in shap.evidence] == ["Tool uses SHAP values.", "Uses: SHAP"]


def test_informative_groups_come_first_and_the_rest_is_folded():
    graph = tool_graph()
    assert breadth(graph).is_hub("data")
    card = topic_card(graph, "Tool")
    assert [(group.relation, group.informative) for group in card.groups] == [
        ("uses", True), ("reads", False), ("co-occurs with", False)]
    assert [group.relation for group in card.informative] == ["uses"]
    assert card.others[0].related[0].broad  # stated, but only with a hub


def test_the_card_counts_linked_topics_as_the_insights_do():
    graph = tool_graph()
    card = topic_card(graph, "Tool")
    assert card.links == len(card.linked_topics) == breadth(graph).links["Tool"] == 4  # SHAP once


@pytest.mark.parametrize("topic", [node[0] for node in NODES])
def test_a_card_lists_every_linked_topic_once_per_predicate(topic):
    graph = make_graph()
    card = topic_card(graph, topic)
    for group in card.groups:
        assert len({item.topic for item in group.related}) == len(group.related)
    assert set(card.linked_topics) == (set(graph.successors(topic)) | set(graph.predecessors(topic))) - {topic}


def test_a_topic_without_a_definition_attribute_is_defined_by_its_sentences():
    nodes = [("feature store", "concept", [], "", "", ""), ("features", "concept", [], "", "", "")]
    edges = [("feature store", "stores", "features", "stated", False,
              [("notes.md", "Store", 5, "A feature store is a repository for features.")])]
    card = topic_card(make_graph(nodes, edges, notes=["notes.md"]), "feature store")
    assert (card.definition, card.definition_kind) == ("A feature store is a repository for features.", "is a")
    assert (card.defined_in.doc, card.defined_in.line) == ("notes.md", 5)
