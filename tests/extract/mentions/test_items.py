"""Activities named alone as list items, which the tagger reads as verbs or modifiers."""
import pytest

from extract.mentions import listed_activity

from .conftest import token


@pytest.mark.parametrize("text, word", [
    ("caching", "caching"),  # a table cell
    ("caching, session storage, rate limiting", "caching"),  # first of a list, read as its root
    ("session storage, caching, and logging", "logging"),
])
def test_an_ing_word_alone_in_a_list_names_an_activity(parse, text, word):
    found = listed_activity(token(parse(text), word))
    assert found is not None and found.text == word


@pytest.mark.parametrize("text, word", [
    ("Monitoring deployed models for drift", "Monitoring"),  # an activity with its object is no item
    ("It keeps streaming records for a day.", "streaming"),  # a modifier of its noun
])
def test_an_ing_word_acting_on_or_modifying_something_is_no_item(parse, text, word):
    assert listed_activity(token(parse(text), word)) is None
