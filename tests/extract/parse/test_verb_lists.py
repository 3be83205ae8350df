"""Stage 2, parse: a list of verbs of one form is parsed as one, the noun phrase after the
last verb the object they share."""
import pytest

from extract.parse import parse_passages


@pytest.mark.parametrize("text, verbs, obj", [
    ("Organize, compare, and search experiment trials and historical training jobs.", ["Organize", "compare", "search"], "trials"),
    ("Collect, aggregate and ship container logs to Elasticsearch.", ["Collect", "aggregate", "ship"], "logs"),
    ("Build, train, and deploy machine learning models at scale.", ["Build", "train", "deploy"], "models"),
    ("Label, annotate and review images with human workers.", ["Label", "annotate", "review"], "images"),
])
def test_an_opening_list_of_verbs_is_coordinated_and_the_last_takes_the_object(nlp, text, verbs, obj):
    doc = parse_passages(nlp, [text])[text]
    first, *others = [t for t in doc if t.text in verbs]
    assert (first.dep_, first.pos_) == ("ROOT", "VERB")
    assert all(t.pos_ == "VERB" and t.dep_ == "conj" and t.head == first for t in others)
    assert [c.text for c in others[-1].children if c.dep_ == "dobj"] == [obj]
    assert doc.text == text


@pytest.mark.parametrize("text", ["Train, validation and test sets are split at random.", "Build models and deploy them.",
                                  "Routers, switches and firewalls filter traffic."])
def test_a_list_of_nouns_or_a_verb_with_its_own_object_keeps_its_parse(nlp, text):
    assert [(t.dep_, t.head.i) for t in parse_passages(nlp, [text])[text]] == [(t.dep_, t.head.i) for t in nlp(text)]


@pytest.mark.parametrize("text, verbs, obj", [
    ("Amazon SageMaker builds, trains, and deploys machine learning models.", ["builds", "trains", "deploys"], "models"),
    ("Grafana lets you query, visualize and export time series.", ["query", "visualize", "export"], "series"),
    ("Loki allows you to collect, index and search container logs.", ["collect", "index", "search"], "logs"),
    # after the name a sentence opens with, read as a plural noun with it ("Jaeger stores")
    ("Jaeger stores and visualizes distributed traces.", ["stores", "visualizes"], "traces"),
])
def test_a_list_of_verbs_inside_a_sentence_is_coordinated_with_its_first_verb(nlp, text, verbs, obj):
    doc = parse_passages(nlp, [text])[text]
    first, *others = [t for t in doc if t.text in verbs]
    assert all(t.pos_ == "VERB" and t.tag_ == first.tag_ and t.dep_ == "conj" and t.head == first for t in others)
    assert [c.text for c in others[-1].children if c.dep_ == "dobj"] == [obj]


def test_the_name_before_a_list_read_as_a_plural_is_its_subject(nlp):
    text = "Jaeger stores and visualizes distributed traces."
    doc = parse_passages(nlp, [text])[text]
    assert (doc[0].dep_, doc[0].head.text, doc[1].dep_) == ("nsubj", "stores", "ROOT")


def test_a_list_of_ing_forms_after_a_preposition_shares_the_object_of_the_last(nlp):
    text = "Harbor is a registry for storing, signing, and scanning container images."
    doc = parse_passages(nlp, [text])[text]
    first, *others = [t for t in doc if t.text in {"storing", "signing", "scanning"}]
    assert (first.tag_, first.dep_) == ("VBG", "pcomp")
    assert all(t.tag_ == "VBG" and t.dep_ == "conj" and t.head == first for t in others)
    assert [c.text for c in others[-1].children if c.dep_ == "dobj"] == ["images"]
