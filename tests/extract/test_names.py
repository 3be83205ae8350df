"""Keys under which spellings of one thing merge."""
import pytest

from extract.names import entity_key


@pytest.mark.parametrize("one, other", [("Re-training", "retraining"), ("the Foundation Models", "foundation model"),
                                        ("CPUs", "CPU"), ("χ² test", "χ² tests")])
def test_spellings_of_one_thing_share_a_key(one, other):
    assert entity_key(one) == entity_key(other)


@pytest.mark.parametrize("one, other", [("χ² test", "test"), ("C++", "C"), ("C#", "C"), ("café", "caf")])
def test_letters_of_any_script_and_a_languages_signs_are_kept(one, other):
    """A glossary's "χ² test" must not turn every "test" of the notes into the chi-square test."""
    assert entity_key(one) != entity_key(other)
