"""What a pronoun stands for: "it", "they", "this service" go on about the topic of the
sentence (its label, card term or heading), unless the sentence named a nearer thing they
may as well stand for, or the topic is one they cannot be ("it" for "Storage formats")."""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import SERVICE, Mention
from ..names import ends_in_plural

__all__ = ["SUBJECT_DEPS", "stands_for_topic", "main_subject", "nearer_antecedent", "earlier_clause_subject", "plural_for_it"]

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_DEMONSTRATIVES = {"this", "these", "that", "those", "it", "they", "its", "their"}
_EMBEDDED = {"ccomp", "advcl", "relcl", "acl", "pcomp"}  # clauses inside a clause


def stands_for_topic(token: Token) -> bool:
    """"it", "they", "this service", "these instances"."""
    if token.pos_ == "PRON" and token.lower_ in _DEMONSTRATIVES:
        return True
    return any(child.dep_ == "det" and child.lower_ in _DEMONSTRATIVES for child in token.children)


def main_subject(token: Token) -> Token | None:
    """"In-place deployment does not fit because this strategy relies on downtime": the subject
    of a clause inside a sentence whose own subject names something goes on about that ("it"
    may as well be the thing the clause before named last: no pronoun is read so)."""
    if token.pos_ == "PRON" or token.dep_ not in SUBJECT_DEPS or token.head.dep_ == "ROOT":
        return None
    root = token.sent.root
    return next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < token.i and c.pos_ in {"NOUN", "PROPN"}
                 and not stands_for_topic(c)), None)


def nearer_antecedent(pronoun: Token) -> bool:
    """A pronoun may stand for a noun its sentence named before it: in a clause inside it ("a
    model ... how it works"), after a clause with a subject of its own ("CSV is not
    self-describing: it carries no schema")."""
    root = pronoun.sent.root  # "This is a supervised algorithm because it requires labels": both stand for the topic
    if pronoun.pos_ != "PRON" or any(c.dep_ in SUBJECT_DEPS and stands_for_topic(c) and c != pronoun for c in root.children):
        return False
    if pronoun.head == root:
        return any(c.dep_ in {"ccomp", "parataxis"} and c.i < pronoun.i and _has_a_named_subject(c) for c in root.children)
    return pronoun.head.dep_ in _EMBEDDED and any(
        t.pos_ in {"NOUN", "PROPN"} and t.tag_ in {"NN", "NNP"} for t in pronoun.sent[:pronoun.i - pronoun.sent.start])


def earlier_clause_subject(pronoun: Token) -> Token | None:
    """"Ansible is an agentless tool: it connects over SSH": the named subject of the clause
    before the pronoun's own, which the pronoun goes on about."""
    root = pronoun.sent.root
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in {"it", "they"} or pronoun.head != root:
        return None
    clauses = [c for c in root.children if c.dep_ in {"ccomp", "parataxis"} and c.i < pronoun.i]
    return next((s for c in clauses[-1:] for s in c.children if s.dep_ in SUBJECT_DEPS and s.pos_ != "PRON"), None)


def plural_for_it(pronoun: Token, topic: Mention) -> bool:
    """"Storage formats > ... it carries no schema": "it" stands for no topic named in the plural."""
    return pronoun.lower_ in {"it", "its"} and not topic.known and topic.kind != SERVICE and ends_in_plural(topic.text)


def _has_a_named_subject(clause: Token) -> bool:
    return any(s.dep_ in SUBJECT_DEPS and s.pos_ in {"NOUN", "PROPN"} for s in clause.children)
