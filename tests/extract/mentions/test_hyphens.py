"""Hyphenated words joined into one token, placed in the parse by what they do."""
import pytest

from extract.findings import TERM
from extract.mentions import mention_of

from .conftest import token


@pytest.mark.parametrize("sentence, word, pos", [
    # a noun where it names a thing
    ("Combines pre-processing, predictions, and post-processing.", "pre-processing", "NOUN"),
    ("Combines pre-processing, predictions, and post-processing.", "post-processing", "NOUN"),
    ("Cherry-pick: copies one commit onto the current branch.", "Cherry-pick", "NOUN"),
    ("Run a dry-run before the upgrade.", "dry-run", "NOUN"),
    # a modifier where it describes one
    ("BERT is a transformer-based model.", "transformer-based", "ADJ"),
    ("Memcached is a low-latency cache kept in memory.", "low-latency", "ADJ"),
    ("The sous-vide bath is cost-effective.", "cost-effective", "ADJ"),
    ("Keep a held-out test set.", "held-out", "ADJ"),
])
def test_a_hyphenated_word_is_one_token(parse, sentence, word, pos):
    assert token(parse(sentence), word).pos_ == pos


def test_a_word_with_an_underscore_inside_joins_its_hyphen(parse):
    assert "L_p-norm" in [t.text for t in parse("The L_p-norm measures the difference between facets.")]


def test_a_service_name_inside_a_hyphenated_word_stays_whole(parse):
    doc = parse("Deploy a SageMaker-managed endpoint.")
    assert "SageMaker" in [t.text for t in doc] and "SageMaker-managed" not in [t.text for t in doc]


def test_spaced_dashes_and_options_are_not_joined(parse):
    doc = parse("Caching - a fast layer - sits before the database; run ls -la first.")
    assert not any("-" in t.text and len(t.text) > 1 and t.text != "-la" for t in doc)


@pytest.fixture(scope="module")
def mention(parse, reader):
    return lambda sentence, word: mention_of(token(parse(sentence), word), reader.rules.relations.phrases)


@pytest.mark.parametrize("sentence, head, expected", [
    ("BERT is a transformer-based model.", "model", "transformer-based model"),
    ("Canvas supports text-to-image models.", "models", "text-to-image models"),
    ("The router keeps a real-time routing table.", "table", "real-time routing table"),
    ("Combines pre-processing and inference.", "pre-processing", "pre-processing"),
])
def test_phrases_keep_their_hyphenated_words(mention, sentence, head, expected):
    found = mention(sentence, head)
    assert found is not None and (found.text, found.kind) == (expected, TERM)


def test_a_coined_hyphenated_noun_is_a_compound_term(mention):
    assert mention("Cherry-pick: copies one commit onto the branch.", "Cherry-pick").compound
    assert not mention("Gardeners prefer a well-drained soil.", "soil").compound  # only its modifier is hyphenated
