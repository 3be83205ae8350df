"""Who acts in a labelled block: the label's term, or the topic of the section it sits in
when the label names no actor of its own (an activity or a quality of that topic, or
everyday words)."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from ..findings import SERVICE, Mention
from ..frequency import is_common, zipf
from ..names import ends_in_plural, is_acronym, is_activity, is_coined, singular

__all__ = ["actor_of", "kind_label"]

_RARE_WORD = 3.5  # zipf: a section topic with a word this rare is a name ("Cassandra"), not everyday words
_QUALITY_SUFFIXES = ("ity", "ness", "ency", "ancy")  # nouns of what a thing is like ("durability", "latency")


def actor_of(label: Mention | None, section: Mention | None, nouns: frozenset[str] = frozenset(),
             adjectives: frozenset[str] = frozenset()) -> Mention | None:
    """Who acts in a labelled block: the label, unless it names an activity of the service
    the section is about ("Amazon Rekognition > **Facial analysis:** Detects faces ...")."""
    if label is None:
        return section
    if section is not None and (_activity_of_service(label, section) or _quality_of_service(label, section, nouns, adjectives)):
        return section
    named = label.proper and label.text.isalpha()  # "Service" in a Kubernetes deck
    if not label.known and not named and all(is_common(w) and len(w) > 1 for w in label.text.replace("-", " ").split()):
        return section  # "Raw data:", "Cost-efficient data storage:" name no actor; "C-series:" or a card's "Service" does
    return label


def _activity_of_service(label: Mention, section: Mention) -> bool:
    """"Facial analysis" under Amazon Rekognition; not "Object detection" under a class of a
    service's things ("SageMaker built-in algorithms"), which is one of them."""
    return section.kind == SERVICE and label.kind != SERVICE and is_activity(label.text) and not ends_in_plural(section.text)


def _quality_of_service(label: Mention, section: Mention, nouns: frozenset[str], adjectives: frozenset[str]) -> bool:
    """"Amazon RDS > **Consistency:** Ideal for transactional data", "Amazon DynamoDB > **Low
    Latency:** ...": a quality of the named thing (of several words, neither the glossary's nor a
    noun's: "Code Reusability" is the code's)."""
    named = section.kind == SERVICE or any(is_coined(w) or is_acronym(w) or zipf(w.lower()) < _RARE_WORD
                                           for w in section.text.split() if w.isalpha())  # "Cassandra", not "Data lakes"
    words = label.text.lower().split()  # "Low Latency", never a glossary term, nor a noun's quality ("Code Reusability")
    of_another = label.known or any(w in nouns and w not in adjectives for w in words[:-1])
    return named and (len(words) == 1 or not of_another) and label.text.lower().endswith(_QUALITY_SUFFIXES)


def kind_label(label: Mention, section: Mention | None, opening: Callable[[], Span | None]) -> bool:
    """"Amazon DynamoDB > **NoSQL Database:** A fully managed, key-value and document database":
    a kind the service is, its text describing the service as one (an indefinite noun phrase
    with the label's head word); not a part of it ("Amazon RDS > **Read replicas:** ...")."""
    if section is None or section.kind != SERVICE or label.kind == SERVICE or not label.known:
        return False
    first = opening()  # the block's first sentence, parsed only when the label might be a kind
    if first is None:
        return False
    root = first.root
    head = singular(label.text.split()[-1].lower())
    return root.pos_ in {"NOUN", "PROPN"} and singular(root.lower_.split()[-1]) == head and \
        any(c.lower_ in {"a", "an"} for c in root.children)
