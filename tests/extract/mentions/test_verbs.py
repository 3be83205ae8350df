"""Verb forms the tagger reads as nouns, told by the verb lemmas the pipeline knows."""
import pytest

from extract.mentions import mention_of, verb_lemma

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
