"""Relations stated by noun phrases alone: an apposition ("X, a Y, ...") says X is a Y;
listed examples ("Y such as A and B", "Y like A", "Y, including A") say each is a Y."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..findings import Relation
from ..names import is_activity
from ..mentions import prepositional_objects
from ..mentions import mention_of
from .arguments import given_name, subjects_of, thing, things
from .examples import agreeing_kind, listed_examples, with_examples
from .context import Reading
from .labels import is_negated

__all__ = ["naming_relations", "apposition_relations", "example_relations", "purpose_relations", "suitability_relations"]

_PURPOSE_OWNERS = {"NOUN", "PROPN"}



def naming_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """"an embedding technique called Object2Vec": Object2Vec is an embedding technique."""
    for noun in sentence:
        if (name := given_name(noun, reading)) is not None:
            yield from _named(noun, name, reading)


def _named(noun: Token, name: Token, reading: Reading) -> Iterator[Relation]:
    named, kind = mention_of(name, reading.rules.phrases), mention_of(noun, reading.rules.phrases)
    if named is not None and kind is not None:
        if (found := reading.relation(named, "is a", kind, shape="naming", verb=name.head.text)) is not None:
            yield found


def apposition_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """"Amazon Kinesis, a streaming service, ..." -> Amazon Kinesis is a streaming service."""
    for token in sentence:
        if token.dep_ != "appos" or token.head.pos_ not in {"NOUN", "PROPN"}:
            continue
        if not any(child.dep_ == "det" and child.lower_ in {"a", "an"} for child in token.children):
            continue  # "Amazon S3, the storage service" may rename; only "a/an Y" says what X is
        for subject in things(token.head, reading):
            for obj in things(token, reading):
                if (found := reading.relation(subject, "is a", obj, shape="apposition")) is not None:
                    yield found


def example_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """"frameworks such as PyTorch and TensorFlow" -> PyTorch is a framework, TensorFlow too."""
    for token in sentence:
        if token.pos_ not in {"NOUN", "PROPN"}:
            continue
        examples = list(listed_examples(token, reading))
        if not examples:
            continue
        kinds, listed = _kinds_and_listed(token, min(e.i for e in examples))
        instances = [m for example in examples for m in things(example, reading)] + \
            [m for noun in listed for m in thing(noun, reading)]
        for kind in _kinds(kinds, examples, reading):
            for instance in instances:
                if (found := reading.relation(instance, "is a", kind, shape="examples")) is not None:
                    yield found


def _kinds(nouns: list[Token], examples: list[Token], reading: Reading) -> Iterator:
    for noun in nouns:
        if (kind := agreeing_kind(noun, examples, reading.rules.type_words)) is not None:
            yield from thing(kind, reading)


def _kinds_and_listed(noun: Token, first_example: int) -> tuple[list[Token], list[Token]]:
    """The kind the examples are of, the noun nearest before them ("IPv4 addresses and other
    entities, such as user IDs": entities); nouns coordinated with it after the examples start
    are more examples the parser hung on the kind ("networks such as transformers, GANs and
    VAEs")."""
    group = sorted((noun, *noun.conjuncts), key=lambda t: t.i)
    before = [t for t in group if t.i < first_example]
    return before[-1:], [t for t in group if t.i > first_example]


def _specific_head(token, reading: Reading) -> bool:
    return any(m.known or m.compound for m in things(token, reading))


def purpose_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """"Amazon RDS for relational databases" -> Amazon RDS used for relational databases; a
    fragment "For speech-to-text conversion" under a topic says what the topic is for."""
    for prep in sentence:
        if prep.lower_ != "for" or prep.dep_ not in {"prep", "ROOT"}:
            continue
        denied = any(c.dep_ == "neg" for c in prep.children)
        holder = _contrasted_purpose(prep) if denied else prep
        for pobj in (p for p in prepositional_objects(prep) if not _each(p)):  # "scores for each token": no purpose
            for owner in _purpose_owners(holder, reading, is_activity(pobj.text)):
                for obj in things(pobj, reading):
                    if (found := reading.relation(owner, "used for", obj, shape="purpose", negated=denied)) is not None:
                        yield found


def _each(noun) -> bool:
    """"for each token", "for every request": one per thing, no purpose."""
    return any(c.dep_ == "det" and c.lower_ in {"each", "every"} for c in noun.children)


def _contrasted_purpose(prep):
    """"for high availability (not for read scaling)": a denied purpose hung on the purpose
    before it denies that purpose of the same owner."""
    head = prep.head
    return head.head if head.dep_ == "pobj" and head.head.lower_ == "for" else prep


def _purpose_owners(prep, reading: Reading, activity: bool) -> list:
    """What a "for" phrase serves: the topic of a fragment ("For chatbots", "A hub for models"),
    the noun it hangs on, or, when that noun is a vague object the parser hung an activity
    on, what the clause's subject does."""
    head = prep.head
    if _fragment_purpose(prep, reading):
        return [reading.topic] if reading.topic is not None else []
    if head.lemma_.lower() == "need":
        return []  # "removes the need for data duplication"
    if activity and head.pos_ in _PURPOSE_OWNERS and head.dep_ in {"dobj", "pobj"} and not _specific_head(head, reading):
        return _clause_subjects(head, reading)
    if head.pos_ == "PROPN" and _listed_after_a_verbs_preposition(head):
        return _clause_subjects(head, reading)  # "works with Amazon ECS and Amazon EKS for ML workloads": what works
    owners = list(things(head, reading)) if head.pos_ in _PURPOSE_OWNERS else []
    return owners if activity else [m for m in owners if m.known or m.proper]  # "an EOL date for outdated versions"


def _listed_after_a_verbs_preposition(name) -> bool:
    """The last of a list of names that are the object of a verb's preposition ("migrate to
    Amazon RDS for relational databases" gives one name its purpose)."""
    if name.dep_ != "conj":
        return False
    while name.dep_ == "conj":
        name = name.head
    return name.dep_ == "pobj" and name.head.dep_ == "prep" and name.head.head.pos_ in {"VERB", "AUX"}


def _fragment_purpose(prep, reading: Reading) -> bool:
    """"For chatbots", "A hub for models", "Standby (...), for high availability": a purpose of
    the fragment's topic, not of a word in it ("suitable for" is a suitability, read apart)."""
    head = prep.head
    adjective = head.pos_ == "ADJ" and head.lemma_.lower() not in reading.rules.purpose_adjectives
    return prep.dep_ == "ROOT" or (head.dep_ == "ROOT" and (adjective or (
        head.pos_ in _PURPOSE_OWNERS and not _specific_head(head, reading))))


def _clause_subjects(noun, reading: Reading) -> list:
    """"Maintains the outputs within a manageable range for smoother training": who maintains."""
    verb = next((above for above in noun.ancestors if above.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return list(things(noun, reading))
    return [] if is_negated(verb) else subjects_of(verb, reading)


def suitability_relations(sentence: Span, reading: Reading) -> Iterator[Relation]:
    """"SVD ..., useful for tasks like image compression", "X is ideal for Y": an adjective of
    purpose (``purpose_adjectives``) says what its owner is used for; a generic purpose
    ("tasks") passes to its examples."""
    for adjective in sentence:
        if adjective.pos_ != "ADJ" or adjective.lemma_.lower() not in reading.rules.purpose_adjectives:
            continue
        owners = _owners_of(adjective, reading)
        negated = is_negated(adjective) or (adjective.dep_ == "acomp" and is_negated(adjective.head))  # "not suitable for"
        for prep in adjective.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"for", "in"}:
                continue
            for pobj in prepositional_objects(prep):
                for obj in with_examples(pobj, reading):
                    for owner in owners:
                        if (found := reading.relation(owner, "used for", obj, shape="suitability", negated=negated)):
                            yield found


def _owners_of(adjective, reading: Reading) -> list:
    """Who the adjective is said of: the subject of its copula, the noun it modifies, or the topic."""
    head = adjective.head
    if adjective.dep_ == "acomp":
        return [m for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} for m in things(c, reading)]
    if adjective.dep_ == "amod" and head.pos_ in _PURPOSE_OWNERS:
        if adjective.i > head.i and adjective.nbor(-1).text == "," and head.dep_ in {"dobj", "pobj"}:
            return _clause_subjects(head, reading)  # "breaks a matrix down while preserving the data, useful for ..."
        return list(things(head, reading))
    return [reading.topic] if reading.topic is not None else []
