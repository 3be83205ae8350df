"""A verb the parser buried inside a noun phrase: "SageMaker Clarify detects bias" read as one
noun phrase, its verb tagged as a noun or a modifier; the words before it are its subject, the
noun phrase after it its object."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..findings import TERM, Mention, Relation
from ..names import third_person
from ..mentions import verb_lemma
from .arguments import things
from .context import Reading
from .examples import with_examples

__all__ = ["verb_inside_noun_phrase", "compound_verb_relations"]


def verb_inside_noun_phrase(token: Token, reading: Reading) -> bool:
    """"SageMaker Clarify detects bias", "etcd stores the cluster state": a sentence the parser
    read as one noun phrase, its verb tagged as a noun or a modifier. Seen when the subject is
    a name it does not know; the verb then stands between two noun phrases."""
    if token.is_sent_start or token.nbor(-1).pos_ not in {"NOUN", "PROPN"} or token.ent_type_:
        return False  # a vocabulary name is no verb, whatever its last word was tagged ("SageMaker endpoints")
    if token.tag_ == "VBZ" and token.dep_ in {"compound", "amod"}:
        return True
    verbless = not any(t.pos_ in {"VERB", "AUX"} for t in token.sent)
    return verbless and token.tag_ == "NNS" and bool(verb_lemma(token.text, reading.rules.verbs)) and \
        token.dep_ == "ROOT" and any(c.dep_ in {"appos", "dobj", "npadvmod", "attr"} for c in token.rights)


def compound_verb_relations(verb: Token, reading: Reading) -> Iterator[Relation]:
    """The verb of :func:`verb_inside_noun_phrase`: the words before it are its subject, the
    noun phrase after it its object."""
    subjects = list(things(verb.nbor(-1), reading))
    lemma = verb.lemma_.lower() if verb.pos_ == "VERB" else verb_lemma(verb.text, reading.rules.verbs)
    label = third_person(lemma)
    objects = [verb.head] if verb.head.i != verb.i else \
        [c for c in verb.rights if c.dep_ in {"appos", "dobj", "npadvmod", "attr"}]
    for subject in subjects:
        for obj in (_after(m, verb) for token in objects for m in with_examples(token, reading)):
            if (found := reading.relation(subject, label, obj, shape="clause", verb=verb.text)) is not None:
                yield found


def _after(obj: Mention, verb: Token) -> Mention:
    """The object's words after the verb the phrase swallowed ("Kafka stores events": events)."""
    words = obj.text.split()
    if verb.text not in words:
        return obj
    rest = words[words.index(verb.text) + 1:]
    return Mention(" ".join(rest), TERM, compound=len(rest) > 1) if rest else obj
