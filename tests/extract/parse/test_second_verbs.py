"""Stage 2, parse: a verb's third person after "and", read as a noun, is a second verb of
the sentence when what stands before "and" ends with the object of one."""
import pytest

from extract.parse import parse_passages


@pytest.mark.parametrize("text, verb, obj", [
    ("Meiosis produces four haploid gametes and shuffles alleles through crossing over.", "shuffles", "alleles"),
    ("Amazon Q answers questions, generates content, creates summaries, and automates tasks.", "automates", "tasks"),
    ("It tests models with schema tests (unique, not_null) and documents lineage between models.", "documents", "lineage"),
])
def test_a_third_person_after_and_following_an_object_is_a_second_verb(nlp, text, verb, obj):
    doc = parse_passages(nlp, [text])[text]
    word = next(t for t in doc if t.text == verb)
    assert (word.pos_, word.dep_, word.head.tag_) == ("VERB", "conj", "VBZ")
    assert [c.text for c in word.children if c.dep_ == "dobj"] == [obj]


@pytest.mark.parametrize("text, noun", [
    ("It controls what enters the cell, using channel proteins and pumps such as the sodium pump.", "pumps"),
    ("It stores metrics and logs.", "logs"),
])
def test_a_plural_after_and_among_another_verbs_objects_stays_a_noun(nlp, text, noun):
    doc = parse_passages(nlp, [text])[text]
    assert next(t for t in doc if t.text == noun).pos_ == "NOUN"
