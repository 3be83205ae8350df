import pytest

from graph import NodeNotFound
from graph.definitions import defined_topics, definition_of

from .conftest import DEFINITION, make_graph

PLACE = ("notes.md", "Messaging", 1)


def graph_saying(*sentences: str, definition: str = ""):
    """Amazon SQS (alias SQS, abbreviation aside) and a queue, linked by each sentence in turn."""
    aliases = ["Amazon SQS", "SQS", "Simple Queue Service"]
    nodes = [("Amazon Simple Queue Service", "service", aliases, "", "", definition),
             ("queue", "concept", ["queues"], "", "", ""), ("message", "concept", [], "", "", "")]
    edges = [("Amazon Simple Queue Service", f"says {number}", "queue", "stated", False,
              [("notes.md", "Messaging", number + 1, sentence)]) for number, sentence in enumerate(sentences)]
    return make_graph(nodes, edges, notes=["notes.md"])


@pytest.mark.parametrize("sentence, topic, kind", [
    ("SQS is a managed queue service.", "Amazon Simple Queue Service", "is a"),
    ("Amazon SQS is an AWS queue.", "Amazon Simple Queue Service", "is a"),
    ("Simple Queue Service (SQS) is a managed queue.", "Amazon Simple Queue Service", "is a"),
    ("A queue is a buffer between two services.", "queue", "is a"),
    ("Queues are a way to decouple services.", "queue", "is a"),            # a plural
    ("SQS: a managed queue for messages.", "Amazon Simple Queue Service", "label"),
    ("Queue: a buffer between two services.", "queue", "label"),
    ("Simple Queue Service (SQS): managed queues for messages.", "Amazon Simple Queue Service", "label"),
])
def test_defining_sentence_shapes(sentence, topic, kind):
    found = definition_of(graph_saying(sentence), topic)
    assert (found.text, found.kind, (found.doc, found.section, found.line)) == (sentence, kind, PLACE)


@pytest.mark.parametrize("sentence", [
    "SQS sends messages to a queue.",                 # no "is a"
    "The queue service is a good fit here.",           # "queue service" names no topic
    "It is a managed queue.",                          # a pronoun
    "Note: SQS is the oldest AWS service.",            # the label names no topic, "is the" is not "is a"
    "SQS: queues.",                                    # too short to say what it is
])
def test_sentences_that_define_nothing(sentence):
    assert defined_topics(graph_saying(sentence)) == {}


def test_the_extracted_definition_comes_first_then_is_a_then_label():
    sentences = ("SQS: a queue for messages between services.", "SQS is a managed queue service.")
    assert definition_of(graph_saying(*sentences), "SQS").kind == "is a"
    stated = definition_of(graph_saying(*sentences, definition="Managed message queues."), "SQS")
    assert (stated.text, stated.kind, stated.doc) == ("Managed message queues.", "definition", "")


def test_among_equals_the_first_line_wins_whatever_the_edge_order():
    sentences = ("SQS is a queue service.", "SQS is a managed queue service.")
    assert definition_of(graph_saying(*sentences), "SQS").text == sentences[0]
    assert definition_of(graph_saying(*reversed(sentences)), "SQS").line == 1


def test_an_extracted_definition_stated_in_a_sentence_has_its_place():
    found = definition_of(make_graph(), "Model Monitor")
    assert (found.text, found.kind, found.doc, found.line) == (DEFINITION, "definition", "study-notes.md", 14)


def test_an_unknown_topic_suggests_the_closest():
    with pytest.raises(NodeNotFound, match="did you mean 'SageMaker Clarify'"):
        definition_of(make_graph(), "Sagemaker Clarfy")
