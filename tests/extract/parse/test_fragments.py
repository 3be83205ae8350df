"""Stage 2, parse: fragments opening with a verb the parser misread are parsed as sentences."""
import pytest
import spacy
from spacy.tokens import Doc

from extract.parse import parse_passages
from extract.parse.fragments import reparsed_fragments


def _opening(doc, at=0):
    words = [t for t in doc.sents][at]
    return next(t for t in words if t.tag_ != "RB")


@pytest.mark.parametrize("fragment", [
    "Continuously monitors deployed models for drift.",
    "Routes packets between subnets.",
    "Caches responses at the edge; expires them after an hour.",
    "Schedules pods onto nodes and restarts failed containers.",
    "Filters incoming traffic by port.",
    "Braises the meat slowly in stock.",
    "Measures data imbalance across facets",
])
def test_a_fragment_opens_with_its_verb_and_has_no_subject(nlp, fragment):
    doc = parse_passages(nlp, [fragment])[fragment]
    verb = _opening(doc)
    assert doc.text == fragment
    assert (verb.tag_, verb.pos_, verb.dep_) == ("VBZ", "VERB", "ROOT")
    assert not [c for c in verb.children if c.dep_.startswith("nsubj")]


def test_the_objects_hang_on_the_verb(nlp):
    doc = parse_passages(nlp, ["Schedules pods onto nodes and restarts failed containers."])
    doc = next(iter(doc.values()))
    assert {c.text for c in doc[0].children if c.dep_ == "dobj"} == {"pods"}
    assert doc[0].head == doc[0]


def test_a_coordinated_third_person_is_a_verb_too(nlp):
    text = "Runs on every node; talks to the API server"
    doc = parse_passages(nlp, [text])[text]
    talks = next(t for t in doc if t.text == "talks")
    assert (talks.tag_, talks.pos_, talks.lemma_) == ("VBZ", "VERB", "talk")


def test_each_fragment_of_a_passage_is_read(nlp):
    text = "Combines data sets into one file. Stores and moves big datasets."
    doc = parse_passages(nlp, [text])[text]
    assert [_opening(doc, n).tag_ for n in range(2)] == ["VBZ", "VBZ"]
    assert doc.text == text


@pytest.mark.parametrize("title", ["Types of Data", "Steps for Fine-Tuning with Transformers", "Spices for curries",
                                   "Uses", "Simplifies High-Dimensional Data", "Models learn from data.",
                                   "Models can overfit on small data."])
def test_titles_and_sentences_with_subjects_keep_their_parse(nlp, title):
    assert [t.tag_ for t in parse_passages(nlp, [title])[title]] == [t.tag_ for t in nlp(title)]


class _Reparser:
    """A pipeline whose parse of the passage with its stand-in is given."""

    def __init__(self, reparsed):
        self.reparsed = reparsed

    def pipe(self, texts):
        return [self.reparsed for _ in texts]


def test_a_fragment_with_a_word_hung_on_the_stand_in_keeps_its_first_parse():
    # "It" read as the head of "chatbots" (an apposition): without the stand-in, "chatbots"
    # would hang on nothing, so the passage keeps the parse it had.
    vocab = spacy.blank("en").vocab
    words = ["Responds", "slowly", "to", "requests", ":", "chatbots"]
    first = Doc(vocab, words=words, tags=["NNS", "RB", "IN", "NNS", ":", "NNS"],
                deps=["ROOT", "advmod", "prep", "pobj", "punct", "appos"], heads=[0, 0, 0, 2, 0, 0])
    reparsed = Doc(vocab, words=["It", "responds", *words[1:]], tags=["PRP", "VBZ", "RB", "IN", "NNS", ":", "NNS"],
                   deps=["nsubj", "ROOT", "advmod", "prep", "pobj", "punct", "appos"], heads=[1, 1, 1, 1, 3, 1, 0])
    text = first.text
    assert list(reparsed_fragments(_Reparser(reparsed), {text: first}, frozenset({"respond"}), frozenset())) == []


def test_a_plural_subject_of_a_bare_verb_keeps_its_parse(nlp):
    """"Tools like Grafana Loki collect logs": "Tools" is the subject of "collect", no verb."""
    text = "Tools like Grafana Loki collect logs from every node."
    doc = parse_passages(nlp, [text])[text]
    assert (doc[0].dep_, doc[0].head.text) == ("nsubj", "collect")
