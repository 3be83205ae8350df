"""What a sentence is read with: the words of ``content/relations.yaml`` and
``content/lexicon.yaml`` the extractors apply, and the sentence's implicit topic."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import SERVICE, STATED, Mention, Relation
from ..frequency import zipf
from ..mentions import PhraseRules, verb_lemma
from ..model import Source
from ..names import singular

__all__ = ["RelationRules", "Reading"]


@dataclass(frozen=True)
class RelationRules:
    """Verb and word lists that shape relations (see ``content/relations.yaml``)."""

    phrases: PhraseRules
    synonyms: dict
    enabling_verbs: frozenset[str]
    symmetric_verbs: frozenset[str]
    instrument_verbs: frozenset[str]
    purpose_adjectives: frozenset[str]
    part_words: frozenset[str]
    collection_words: frozenset[str]
    combination_words: frozenset[str]
    type_words: frozenset[str]
    human_agents: frozenset[str]
    circumstantial_preps: frozenset[str]
    example_markers: frozenset[str]
    object_preps: frozenset[str] = frozenset()
    bland_verbs: frozenset[str] = frozenset()
    result_preps: frozenset[str] = frozenset()
    means_preps: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    alias_markers: frozenset[str] = frozenset()
    separation_verbs: frozenset[str] = frozenset()
    searching_verbs: frozenset[str] = frozenset()
    giving_verbs: frozenset[str] = frozenset()
    supplying_verbs: frozenset[str] = frozenset()
    scenario_words: frozenset[str] = frozenset()
    product_words: frozenset[str] = frozenset()
    circumstantial_participles: frozenset[str] = frozenset()
    relational_nouns: dict = field(default_factory=dict)
    transfer_verbs: frozenset[str] = frozenset()
    framing_verbs: frozenset[str] = frozenset()
    improvement_verbs: frozenset[str] = frozenset()
    improved_qualities: frozenset[str] = frozenset()
    unrelating_aspects: frozenset[str] = frozenset()
    reader_verbs: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()  # verb lemmas the pipeline's lemmatizer knows


@dataclass(frozen=True)
class Reading:
    """One sentence being read: where it stands, its evidence text, its implicit topic (the
    block's label, the card term or the heading topic) and, where there is none, the subject of
    the sentence before it, which a pronoun may stand for ("TCP runs on IP. It guarantees ...")."""

    rules: RelationRules
    source: Source
    sentence: str
    topic: Mention | None = None
    antecedent: Mention | None = None

    def relation(self, subject: Mention, predicate: str, obj: Mention, *, shape: str, negated: bool = False,
                 verb: str = "", kind: str = STATED) -> Relation | None:
        """A relation read from this sentence, or None when it would link a thing to itself or
        to people ("Audience: data scientists": people use things, they are none); a concept
        "used for" a product is what the product uses."""
        kind_of = predicate == "is a"  # "AI21 Labs is a top AI company": a company is a kind of thing
        if subject == obj or subject.text.lower() == obj.text.lower() or self._people(subject, kind_of) \
                or self._people(obj, kind_of) or not self._readable(predicate) or _kind_acting_on_kind(subject, obj, predicate):
            return None
        if predicate == "used for" and obj.kind == SERVICE and subject.kind != SERVICE:
            subject, predicate, obj = obj, "uses", subject  # "Object detection: Use case: Amazon Rekognition"
        return Relation(subject, predicate, obj, self.sentence, self.source, kind, negated, verb or predicate, shape)

    def _readable(self, predicate: str) -> bool:
        """A label that opens with a verb, a participle or another word, not with a plural noun
        or no word at all, which only a misread sentence gives ("workflows with", "rmses for"),
        nor a bare "used"."""
        if predicate == "used":
            return False  # "Used post-deployment to track drift": a participle alone says no relation
        first = predicate.split()[0]
        if not self.rules.verbs or verb_lemma(first, self.rules.verbs) or first.endswith(("ed", "en")):
            return True
        if singular(first) != first and singular(first) in self.rules.phrases.nouns:
            return False
        return zipf(first) > 0

    def _people(self, mention: Mention, exactly: bool = False) -> bool:
        """People, named alone or, unless ``exactly``, by a role ending in a word for people
        ("security teams"; "MS Teams" is a name)."""
        words = mention.text.split()
        if mention.known or not words:
            return False
        if mention.text.lower() in self.rules.human_agents:
            return True
        return not exactly and len(words) > 1 and words[-1].islower() and words[-1] in self.rules.human_agents


_KIND_PREDICATES = {"is a", "is", "part of", "includes", "has example"}


def _kind_acting_on_kind(subject: Mention, obj: Mention, predicate: str) -> bool:
    """"Pre-Training Bias: Detect bias in the raw data": one end is a kind of the other ("pre-training
    bias" of "bias"); they relate as kinds do, never by an act of one on the other."""
    if predicate in _KIND_PREDICATES or (subject.known and obj.known) or subject.kind == SERVICE:
        return False  # "Glue Data Quality monitors data quality": a product named for what it does
    first, second = subject.text.lower(), obj.text.lower()
    return first.endswith(" " + second) or second.endswith(" " + first)
