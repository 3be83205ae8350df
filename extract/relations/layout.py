"""Relations the layout states: a heading nested under another, items listed under a
heading, table cells under a column header. Each is structural, and made only when the
layout says what the relation is."""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from spacy.tokens import Doc

from ..findings import SERVICE, STRUCTURAL, TERM, Mention, Relation
from ..mentions import phrase_text
from ..names import ends_in_plural, is_activity, is_coined, singular
from ..frequency import zipf
from .context import Reading

__all__ = ["heading_relations", "practice_relations", "names_a_practice", "list_item_relations", "table_relations", "termlike", "row_kind", "HAS_EXAMPLE"]

HAS_EXAMPLE = "has example"  # a header's relation (``table_headers``) saying each item is one of the row's kind


EVERYDAY_WORD = 4.4  # a word at least this common in general English is an everyday word ("formats")
FIELD_WORD = 4.0  # an activity heading needs a word this rare to name a capability ("hyperparameter tuning",
#                   not "Networking")
_HEADER_WORDS = {"NOUN", "PROPN", "ADJ", "VERB"}
_WORD = re.compile(r"[a-z0-9]+")
_ASIDE = re.compile(r"\([^()]*\)|:")
_SEVERAL = re.compile(r",| and | & | or ")
_CLASS_WORDING = ("types of", "kinds of", "examples of", "forms of", "categories of", "families of")


def heading_relations(topics: list[Mention | None], reading: Reading, parents: Mapping[str, str],
                      headings: Sequence[str] = (), aspects: frozenset[str] | None = None) -> Iterator[Relation]:
    """A heading (or label) under another states a relation when the kinds of the two say
    which: a service feature under its service is part of it ("SageMaker > Model Monitor"),
    a member under a class ("Built-in algorithms > XGBoost") or a narrower kind under its
    kind ("Drift > Concept drift") is one, an activity under a service is what the service
    does ("Amazon Polly > Speech synthesis"), a service under an activity is used for it
    ("Model deployment > Amazon EKS"), only with nothing but aspect headings (``aspects``) between
    them ("EMR > Support collaboration > Text Classification" says no EMR activity). Any other
    nesting states nothing. ``headings`` are the texts the topics come from (a class is one only
    when its heading names just it)."""
    headings = list(headings) or [topic.text if topic else "" for topic in topics]
    named = [(index, topic, heading) for index, (topic, heading) in enumerate(zip(topics, headings)) if topic is not None]
    for (start, outer, outer_heading), (end, inner, inner_heading) in zip(named, named[1:]):
        if any(_unrelating(heading, reading.rules.unrelating_aspects) for heading in headings[start + 1:end]):
            continue  # "Debugger > Considerations > Hyperparameter Tuning"
        loose = inner.kind != SERVICE and names_class(outer_heading, outer, reading.rules.phrases.vague_modifiers)
        is_member = (names_class(outer_heading, outer) or loose) and _member(inner, inner_heading, outer_heading,
                                                                             reading.rules.type_words)
        direct = _only_aspects(headings[start + 1:end], aspects) and not _lists_several(outer_heading, outer)
        nesting = _nesting(inner, outer, parents, reading.rules, is_member, direct)
        if nesting is not None:
            subject, predicate, obj = nesting
            if (found := reading.relation(subject, predicate, obj, shape="headings", kind=STRUCTURAL)):
                yield found


def practice_relations(label: Mention, subjects: Sequence[Mention], reading: Reading) -> Iterator[Relation]:
    """"**Experiment Tracking:** SageMaker Experiments helps in tracking runs", "**Self-healing:**
    Kubernetes restarts failed containers": a label naming an activity of the field, over a
    sentence whose subjects are names, says each named thing is used for it, as a heading naming
    the activity would of a service under it; so does a label naming a practice of the glossary
    ("**Infrastructure as Code:** Using CloudFormation or Terraform, ..."), not a class of things
    ("**Language Models:** GPT models are ...")."""
    if label.kind == SERVICE or not (names_a_practice(label) or (label.known and not ends_in_plural(label.text))):
        return
    for subject in subjects:
        if _a_name(subject) and (subject.name or subject.text) != (label.name or label.text) and \
                (found := reading.relation(subject, "used for", label, shape="label", kind=STRUCTURAL)):
            yield found


def names_a_practice(topic: Mention) -> bool:
    """An activity of the field: "Experiment Tracking", "Image Captioning"; not "Networking"."""
    return is_activity(topic.text) and termlike(topic, FIELD_WORD)


def _a_name(mention: Mention) -> bool:
    """A service, a word capitalised inside a sentence, a vocabulary name so written ("Kubernetes"),
    or words written as a name even at a sentence's start ("Grafana Loki", "CoreDNS")."""
    words = mention.text.split()
    written = any(c.isupper() for c in words[0][1:]) or any(w[:1].isupper() for w in words[1:])
    return mention.kind == SERVICE or mention.proper or mention.name[:1].isupper() or written


def _only_aspects(between: Sequence[str], aspects: frozenset[str] | None) -> bool:
    """Nothing but aspect headings ("Features") between two headings, or no aspects given to tell."""
    return aspects is None or all(_unrelating(heading, aspects) for heading in between)


def _lists_several(heading: str, topic: Mention) -> bool:
    """"Model training, Tuning, Evaluation": a heading naming more than its topic, a chapter of
    several, for whose first item a service under it need not be used."""
    lower = " ".join(_ASIDE.sub(" ", heading).lower().split()).strip(" :")
    return lower != topic.text.lower() and bool(_SEVERAL.search(lower))


def _unrelating(heading: str, aspects: frozenset[str]) -> bool:
    lower = _ASIDE.sub("", heading).strip().lower()
    return lower in aspects or singular(lower) in aspects


def names_class(heading: str, topic: Mention, vague: frozenset[str] = frozenset()) -> bool:
    """"SageMaker built-in algorithms", "Types of neural networks", "Popular embedding
    techniques": a heading naming a class of specific things, whose items are each one of them
    (words before the class that say nothing of it, ``vague``, aside: a service under "AWS Data
    Lakes" is none, so the caller gives ``vague`` only for other items)."""
    words = topic.text.lower().split()
    lower = " ".join(_ASIDE.sub(" ", heading).lower().split()).strip(" :")  # "Built-in Algorithms (part I)"
    before, _, rest = lower.rpartition(" " + topic.text.lower()) if lower.endswith(" " + topic.text.lower()) else ("", "", "")
    plural = singular(words[-1]) != words[-1]
    whole = lower == topic.text.lower() or lower.startswith(_CLASS_WORDING) or (bool(before) and set(before.split()) <= vague)
    return plural and whole and termlike(topic)


def _member(inner: Mention, inner_heading: str, class_heading: str, type_words: frozenset[str]) -> bool:
    """Whether a heading under a class heading names one of its members: a name ("XGBoost",
    "Kullback-Leibler"), a thing of the class's own kind ("Semantic Segmentation Algorithm",
    "Binary Encoding" under "Encoding techniques") or anything under a class of ways ("Tuning
    strategies > Grid search"); not a concept of another kind ("Types of neural networks >
    Backpropagation", "Built-in algorithms > Supervised learning")."""
    lower = class_heading.lower().strip(" :")
    for wording in _CLASS_WORDING:
        lower = lower.removeprefix(wording)
    class_words = [singular(w) for w in _WORD.findall(lower)] or [""]
    inner_words = _ASIDE.sub("", inner_heading).split() or [""]
    inner_head = singular(inner_words[-1].lower())
    return inner.kind == SERVICE or inner_head in class_words or class_words[-1] in type_words or \
        _written_as_a_name(inner, inner_words)


def _written_as_a_name(topic: Mention, words: list[str]) -> bool:
    """"BERT (2018)", "XGBoost", "Conditional Demographic Disparity", "Hyperband"; not a known
    concept nor an everyday word capitalised ("Backpropagation", "Eviction")."""
    coined = is_coined(words[0])
    titled = all(w[:1].isupper() for w in words) and (len(words) > 1 or zipf(words[0]) == 0)
    return coined or (not topic.known and titled)


def termlike(topic: Mention, rarer_than: float = EVERYDAY_WORD) -> bool:
    """A vocabulary name or a phrase with a word of its field ("ensemble methods", "mother
    sauces"), not a heading of everyday words ("Data formats", "Key training parameters")."""
    return topic.known or any(zipf(word) < rarer_than for word in topic.text.lower().replace("-", " ").split())


def _nesting(inner: Mention, outer: Mention, parents: Mapping[str, str], rules, is_class: bool, direct: bool = True):
    within = inner.kind == SERVICE and outer.kind == SERVICE and outer.name in _ancestors(inner.name, parents)
    if is_class or _narrower_kind(inner, outer, within):
        return inner, "is a", outer  # a member of a class heading, or a narrower kind ("VPC endpoint > Interface endpoint")
    if within:
        return inner, "part of", outer
    if not direct:
        return None
    if outer.kind == SERVICE and inner.kind != SERVICE and is_activity(inner.text) and termlike(inner, FIELD_WORD):
        return outer, "supports", inner
    if inner.kind == SERVICE and outer.kind != SERVICE and is_activity(outer.text) and termlike(outer, FIELD_WORD):
        return inner, "used for", outer
    return None


def _narrower_kind(inner: Mention, outer: Mention, within: bool) -> bool:
    """The outer's head word with more words before it, or with others in the catalogue below it."""
    inner_words, outer_words = inner.text.lower().split(), outer.text.lower().split()
    return singular(inner_words[-1]) == singular(outer_words[-1]) and (within or len(inner_words) > len(outer_words))


def _ancestors(name: str, parents: Mapping[str, str]) -> set[str]:
    found: set[str] = set()
    while (name := parents.get(name, "")) and name not in found:
        found.add(name)
    return found


def list_item_relations(item: Mention, heading: Mention, purpose: Mention | None,
                        reading: Reading) -> Iterator[Relation]:
    """An item listed alone under a heading: "Algorithms for classification" > "XGBoost"
    says XGBoost is used for classification; "Ensemble methods" > "Bagging" that bagging
    is an ensemble method."""
    if purpose is not None:
        found = reading.relation(item, "used for", purpose, shape="list", kind=STRUCTURAL)
    else:
        found = reading.relation(item, "is a", heading, shape="list", kind=STRUCTURAL)
    if found is not None:
        yield found


def row_kind(header: Doc) -> Mention | None:
    """What a table's rows are, named by its first header ("Encoding Technique", "Protocol"):
    a short phrase of a field word, read as written (the tagger may take its first word for a verb)."""
    words = [t for t in header if not t.is_punct]
    if not words or len(words) > 4 or not all(t.pos_ in _HEADER_WORDS for t in words):
        return None
    kind = Mention(phrase_text(words), TERM, compound=len(words) > 1)
    return kind if termlike(kind) else None


def table_relations(row: Mention, cell: Mention, predicate: str, reading: Reading) -> Iterator[Relation]:
    """A table cell whose column header names a relation (``content/relations.yaml``:
    ``table_headers``): the row's subject relates to the cell's thing."""
    if predicate == HAS_EXAMPLE:
        found = reading.relation(cell, "is a", row, shape="table", kind=STRUCTURAL)
    else:
        found = reading.relation(row, predicate, cell, shape="table", kind=STRUCTURAL)
    if found is not None:
        yield found

