"""Reading a dependency parse: subjects, objects, negation, voice and other clause facts.

Small functions over spaCy tokens shared by the relation generators in :mod:`clauses`
and :mod:`patterns`; nothing here decides what a relation is called.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .lexicon import Lexicon

__all__ = [
    "conjuncts", "is_negated", "is_imperative", "aux_to", "is_passive", "prep_objects", "objects", "is_verb",
    "borrowed_objects", "purposes", "subjects_of", "noun_conjuncts", "occasions", "named_examples", "is_name",
    "leading_gerund", "action_of", "gerund_object", "SUBJECT_DEPS", "EXAMPLE_MARKERS",
]

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_OBJECT_DEPS = {"dobj", "obj"}
_PREP_OBJECT_DEPS = {"pobj", "pcomp"}
_RELATIVE_TAGS = {"WDT", "WP", "WP$"}
EXAMPLE_MARKERS = {"such as", "like", "including", "include", "e.g."}
_NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "npadvmod", "nmod", "poss"}
# Verbs of a "when" clause that name an event: "send notifications when drift occurs".
_EVENT_VERBS = {"occur", "happen", "arise", "appear", "exceed", "drop", "change", "fail", "detect", "breach", "cross", "drift", "degrade"}


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("X, Y and Z")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(conjuncts(child))
    return found


def is_negated(token: Token) -> bool:
    """A ``not``/``never`` on the word or its auxiliaries ("does not require", "cannot")."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in {"advmod", "det"} and child.lower_ in {"never", "not", "no"}):
            return True
    return False


def is_imperative(verb: Token) -> bool:
    """"Select and load training jobs": the clause's first verb opens the sentence bare."""
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    opening = [t for t in verb.sent if t.i < verb.i and not t.is_punct and t.pos_ != "ADV"]
    return verb.tag_ == "VB" and not opening


def aux_to(verb: Token) -> bool:
    """An infinitive: "to detect"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_passive(verb: Token) -> bool:
    """A passive clause or participle: "is used", "a platform designed to"."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "ROOT", "conj", "advcl"} and not any(c.dep_ in {"aux", "nsubj"} for c in verb.children)


def prep_objects(head: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging on ``head`` ("integrates with X and Y")."""
    seen: set[str] = set()
    for child in head.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.pos_ == "ADP":
            preposition = child.lower_
            if preposition in seen:
                continue  # "used for translation for text": the second "for" belongs to the first object
            seen.add(preposition)
            if preposition == "as" and any(c.lower_ == "such" for c in child.children):
                continue
            objects = [g for g in child.children if g.dep_ in _PREP_OBJECT_DEPS]
            # "for model re - training" may come out as four sibling objects: the last is the head.
            for target in conjuncts(objects[-1]) if objects else []:
                yield preposition, target


def objects(verb: Token) -> list[Token]:
    """Direct objects; a relative pronoun ("a metric that you can use") stands for its noun."""
    found = []
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS:
            for token in conjuncts(child):
                found.extend(_antecedent(token) if token.tag_ in _RELATIVE_TAGS else [token])
    return found


def is_verb(token: Token) -> bool:
    """A verb, or a verb the tagger read as a noun in the middle of a list of verbs
    ("store, share, and manage features"); not a noun the tagger read as a verb
    ("Manage machine learning workflows" with "workflows" as the object)."""
    if token.pos_ in {"VERB", "AUX"}:
        return token.dep_ not in _NOMINAL_DEPS
    return token.dep_ == "conj" and token.head.pos_ == "VERB" and token.tag_ == "NN" and any(
        c.dep_ == "conj" and c.pos_ == "VERB" for c in token.children)


def borrowed_objects(verb: Token) -> list[Token]:
    """``store, share, and manage features``: earlier verbs take the last verb's object,
    unless they have a complement of their own ("ensure that ..., and monitor bias")."""
    if any(c.dep_ in {"ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "advcl"} for c in verb.children):
        return []
    for child in verb.children:
        if child.dep_ == "conj" and is_verb(child):
            return objects(child) or borrowed_objects(child)
    return []


def purposes(verb: Token) -> list[Token]:
    """Verbs saying what the clause is for: ``to detect bias``, ``help reduce costs``."""
    found = []
    for child in verb.children:
        if child.dep_ in {"xcomp", "advcl", "ccomp"} and child.pos_ in {"VERB", "AUX"} and (aux_to(child) or child.dep_ == "xcomp"):
            found.extend(c for c in conjuncts(child) if is_verb(c))
    return found


def subjects_of(verb: Token) -> list[Token] | None:
    """The subject tokens of a verb, following coordination, relative clauses and
    participles. None means the sentence itself has no subject (a fragment whose subject
    is its topic); an empty list means the verb's subject cannot be told."""
    if any(c.dep_ == "expl" for c in verb.children):
        return []  # "there is an imbalance": no subject to speak of
    direct = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if direct:
        found = []
        for subject in direct:
            for token in conjuncts(subject):
                found.extend(_antecedent(token) if token.tag_ in _RELATIVE_TAGS else [token])
        return found
    if verb.dep_ == "ROOT":
        return None
    if verb.dep_ == "conj" and verb.tag_ in {"VB", "VBD", "VBN"} and verb.head.tag_ == "VBZ" \
            and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        # "It works with X and batch data", "It manages large, distributed data lakes": a verb
        # that cannot share "works"'s subject is a misread noun or adjective
        return []
    if verb.dep_ == "conj" and is_verb(verb.head):
        if any(c.dep_ == "mark" for c in verb.head.children) and verb.head.dep_ in {"advcl", "ccomp"}:
            return []  # "adds X when the load increases and removes Y ...": the parser joined the wrong verbs
        return subjects_of(verb.head)
    if verb.dep_ == "acl" and verb.lower_ == "based" and verb.head.dep_ not in {"attr", "nsubj", "nsubjpass", "ROOT", "appos"}:
        return []  # "classify content based on meaning": "based on" qualifies the verb, not the noun
    if verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _noun_or_copula_subject(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "attr":
        return _noun_or_copula_subject(verb.head)  # "X is a service offering Y"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.i > verb.head.head.i:
        # "X trains a model by tuning Y" (not a fronted "By assigning policies, members inherit ...")
        governor = verb.head.head
        if governor.pos_ in {"VERB", "AUX"}:
            return subjects_of(governor)
        return _noun_or_copula_subject(governor)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"} and verb.head.lemma_ != "be" \
            and not is_passive(verb.head) and verb.i > verb.head.i:
        # "X manages Y, providing Z" (not "When creating a job, X ...": a fronted participle's
        # subject is whoever does it)
        return subjects_of(verb.head) or []
    return []


def _antecedent(relative: Token) -> list[Token]:
    clause = relative.head
    while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head
    return _noun_or_copula_subject(clause.head) if clause.dep_ == "relcl" else []


def _noun_or_copula_subject(noun: Token) -> list[Token]:
    """A noun modified by a clause; if the noun is a copula's complement ("X is a service
    that ..."), the copula's subject is what the clause is about."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"}:
        first = first.head  # "a no-code, visual tool for ...": the tool is the first complement too
    if first.dep_ in {"attr", "acomp"} and first.head.lemma_ == "be":
        return subjects_of(first.head) or []
    if first.dep_ == "appos":
        return [first.head]
    return [noun]  # "machines and datasets stored in S3": the datasets are stored


def noun_conjuncts(verb: Token, lexicon: Lexicon) -> list[Token]:
    """``filter and group cost data``: the tagger read the second verb as a noun, so the
    noun hangs on the first verb as a conjunct; it is the object both verbs share. Not after
    a comma closing a subordinate clause: in "As products change, the distribution drifts"
    the noun is the main clause's subject."""
    subordinate = any(c.dep_ == "mark" for c in verb.children)
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > verb.i
            and not c.lower_.endswith("ing") and not is_verb(c) and not _verb_form(c.lower_, lexicon)
            and not (subordinate and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ",")]


def _verb_form(word: str, lexicon: Lexicon) -> bool:
    """A third-person verb ("identifies") the tagger may have read as a plural noun."""
    return word.endswith("s") and any(
        stem in lexicon.verb_lemmas for stem in (word[:-1], word[:-2], word[:-3] + "y" if word.endswith("ies") else ""))


def occasions(verb: Token, objects: list[Token]) -> Iterator[tuple[Token, Token]]:
    """``send notifications when feature attribution drift has occurred``: the event
    that triggers the action, as (event verb, what the event is about)."""
    if not objects:
        return
    for child in verb.children:
        if child.dep_ == "advcl" and child.lemma_.casefold() in _EVENT_VERBS and any(
            c.dep_ == "advmod" and c.lower_ in {"when", "whenever", "if", "once"} or c.dep_ == "mark" and c.lower_ in {"when", "whenever", "if", "once"}
            for c in child.children
        ):
            for subject in child.children:
                if subject.dep_ in {"nsubj", "nsubjpass"}:
                    yield child, subject


def named_examples(noun: Token) -> Iterator[Token]:
    """Names given as examples of a noun ("frameworks such as TensorFlow"), including a
    ", including X" that the parser hung on a later noun of the same phrase."""
    for token in noun.subtree:
        if token.dep_ != "prep":
            continue
        marker = token.lower_
        if marker == "as" and any(c.lower_ == "such" for c in token.children):
            marker = "such as"
        after_comma = token.i > 0 and token.doc[token.i - 1].text == ","
        attached = token.head.i == noun.i and not (after_comma and _inside_object(noun))
        misattached = marker == "including" and after_comma and token.head.i != noun.i and not _inside_object(noun)
        if marker in EXAMPLE_MARKERS and (attached or misattached):
            for child in token.children:
                if child.dep_ == "pobj":
                    yield from (e for e in conjuncts(child) if is_name(e))


def _inside_object(noun: Token) -> bool:
    """True when an outer noun object contains this one: ", including X" then belongs to it."""
    node = noun.head
    while node.head.i != node.i:
        if node.dep_ == "dobj" and node.i != noun.i:
            return True
        node = node.head
    return False


def is_name(token: Token) -> bool:
    """A proper name, an acronym or a brand: something a safe example of a kind."""
    return token.pos_ == "PROPN" or any(c.isupper() for c in token.text[1:]) or (token.text.isupper() and len(token.text) > 1) or \
        any(t.pos_ == "PROPN" for t in token.lefts if t.dep_ == "compound")


def leading_gerund(noun: Token, lexicon: Lexicon) -> str | None:
    """``for training foundation models``: the verb a leading "-ing" word names, when the
    tagger read it as part of the noun phrase."""
    first = noun.doc[noun.left_edge.i]
    if first.i == noun.i or first.dep_ not in {"compound", "amod", "nmod"}:
        return None
    return lexicon.verb_of_gerund(first.lower_)


def gerund_object(verb: Token) -> tuple[Token, Token] | None:
    """``detects vanishing gradients``: an "-ing" word the parser made a clause of, with
    the noun it modifies as that clause's object. Returns (the -ing word, the noun)."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and not aux_to(child) and child.i == verb.i + 1:
            nouns = [c for c in child.children if c.dep_ == "dobj" and c.i == child.i + 1]
            if nouns:
                return child, nouns[0]
    return None


def action_of(target: Token) -> Token | None:
    """``the process of identifying biases``: the verb a transparent object stands for."""
    if target.lemma_.casefold() not in {"process", "task", "job", "ability", "act", "practice"}:
        return None
    for child in target.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ in {"pcomp", "pobj"} and grandchild.tag_ == "VBG":
                    return grandchild
    return None
