"""Verb forms the tagger reads as nouns, told by the verb lemmas the pipeline knows."""
import pytest

from extract.mentions import mention_of, verb_lemma
from extract.mentions.verbs import fragment_verb

from extract.relations import definition_relations

from ..helpers import hand_parsed
from ..relations.conftest import read_parsed
from .conftest import token

VERBS = frozenset({"store", "push", "classify", "use", "analyze", "say", "register", "scrape", "scrap"})


@pytest.mark.parametrize("word, lemma", [
    ("stores", "store"), ("pushes", "push"), ("classifies", "classify"), ("uses", "use"), ("analyzes", "analyze"),
    ("Register", "register"), ("says", "say"), ("scrapes", "scrape"),
    ("sales", ""),      # not "say": only "-ies" gives back a "-y"
    ("buses", ""),      # a noun whose stem is no verb
    ("storage", ""),
])
def test_the_verb_a_word_is_a_form_of(word, lemma):
    assert verb_lemma(word, VERBS) == lemma


def test_a_capitalised_plural_noun_opening_a_list_is_no_verb(parse, reader):
    """"Sales forecasting" keeps "Sales": it is no form of "say"."""
    doc = parse("Use case: Sales forecasting, customer churn")
    assert mention_of(token(doc, "forecasting"), reader.rules.relations.phrases).text == "sales forecasting"


def test_a_fragment_opening_with_a_list_of_verbs_is_no_noun_phrase(reader):
    """"Profile, inspect, and clean records", the first verb read as a name heading the list."""
    doc = hand_parsed(reader.nlp.vocab, ["Profile", ",", "inspect", ",", "and", "clean", "records", "."],
                      [0, 0, 0, 2, 2, 2, 5, 0], ["ROOT", "punct", "conj", "punct", "cc", "conj", "dobj", "punct"],
                      ["NNP", ",", "NN", ",", "CC", "VB", "NNS", "."],
                      ["PROPN", "PUNCT", "NOUN", "PUNCT", "CCONJ", "VERB", "NOUN", "PUNCT"])
    assert fragment_verb(doc[0], reader.rules.relations.phrases.verbs) == "profile"
    found = read_parsed(reader, definition_relations, doc, "DataBrew")
    assert not any(obj in {"Profile", "inspect"} for _, _, obj, _ in found)


@pytest.mark.parametrize("text, verb", [
    ("Content Security Policy, output encoding", ""),  # a capitalised word before two more opens a name
    ("Single Shot multibox Detector (SSD)", ""),  # ... or before one more and a capitalised head further on
    ("Stores Parquet files in the lake", "store"),  # one capitalised word after a verb is its object's name
    ("Sequence of tokenized text files (encoder/decoder)", ""),  # a noun before "of", not a verb
])
def test_a_title_of_capitalised_words_opens_with_no_verb(parse, reader, text, verb):
    assert fragment_verb(parse(text)[0], reader.rules.relations.phrases.verbs) == verb
