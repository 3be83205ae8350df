"""Vocabulary names found in a parse and merged into one token each, and names defined in
the text as abbreviations."""
import pytest

from extract.findings import CONCEPT, SERVICE, Mention
from extract.mentions import abbreviation_pairs, best_long_form, name_of

from .conftest import token


@pytest.mark.parametrize("sentence, written, kind, canonical", [
    # a long alias, a plural alias, a glossary alias
    ("Files live in Amazon Simple Storage Service buckets.", "Amazon Simple Storage Service", SERVICE, "Amazon S3"),
    ("Kubernetes schedules pods on EC2 instances.", "EC2 instances", SERVICE, "EC2 instance"),
    ("Kubernetes schedules pods on EC2 instances.", "Kubernetes", CONCEPT, "Kubernetes"),
    ("A neural net has layers.", "neural net", CONCEPT, "neural network"),
    # the longest of overlapping names wins
    ("Open SageMaker Studio Classic now.", "SageMaker Studio Classic", SERVICE, "SageMaker Studio Classic"),
    # a service named by an everyday word, written as the catalogue writes it
    ("Glue crawls the bucket.", "Glue", SERVICE, "AWS Glue"),
    # a glossary word used as a noun
    ("Recall measures missed positives.", "Recall", CONCEPT, "recall"),
])
def test_a_name_becomes_one_token(parse, sentence, written, kind, canonical):
    named = token(parse(sentence), written)
    assert (named.ent_type_, named.ent_id_) == (kind, canonical)
    assert named.pos_ == ("PROPN" if kind == SERVICE else "NOUN")
    assert name_of(named) == Mention(written, kind, canonical)


@pytest.mark.parametrize("sentence, word", [
    ("Recall the last packet before the timeout.", "Recall"),   # a verb, not the glossary's "recall"
    ("Wood glue bonds timber.", "glue"),                       # an everyday word, not AWS Glue
    ("Lower-case s3 is not the service.", "s3"),               # an acronym matches only as written
])
def test_words_that_only_look_like_names(parse, sentence, word):
    assert name_of(token(parse(sentence), word)) is None
    assert token(parse(sentence), word).ent_type_ == ""


def test_merging_keeps_the_rest_of_the_parse(parse, nlp):
    text = "Files live in Amazon Simple Storage Service buckets."
    merged = parse(text)
    assert len(merged) == len(nlp(text)) - 3
    assert merged.text == text
    assert [t.text for t in merged if not t.ent_type_] == ["Files", "live", "in", "buckets", "."]


@pytest.mark.parametrize("text, pairs", [
    ("Domain Name System (DNS) resolves names.", [("Domain Name System", "DNS")]),
    ("Adenosine triphosphate (ATP) stores energy in cells.", [("Adenosine triphosphate", "ATP")]),
    ("Routers speak the Border Gateway Protocol (BGP) between networks.", [("Border Gateway Protocol", "BGP")]),
    ("A Virtual Private Cloud (VPC) may use Network Address Translation (NAT).",
     [("Virtual Private Cloud", "VPC"), ("Network Address Translation", "NAT")]),
    ("Pods restart (see above) after a crash.", []),          # no abbreviation in the parentheses
    ("Beef is cooked slowly (sous vide).", []),               # lower case words are no abbreviation
    ("READ THE MANUAL (RTM) first.", []),                     # a long form in capitals is no definition
    ("The enzyme (ATP) binds.", []),                          # letters that do not spell it
])
def test_abbreviation_pairs(text, pairs):
    assert list(abbreviation_pairs(text)) == pairs


@pytest.mark.parametrize("short, long, found", [
    ("DNS", "the Domain Name System", "Domain Name System"),
    ("TTL", "packets carry a time to live", "time to live"),
    ("ATP", "energy is stored as adenosine triphosphate", "adenosine triphosphate"),
    ("BGP", "routers exchange paths", None),
])
def test_best_long_form(short, long, found):
    assert best_long_form(short, long) == found
