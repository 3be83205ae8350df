"""Relations stated by one clause, found from its verb: active, passive, copular,
instrumental ("you can use X to ..."), enabling ("X lets you ...") and negated.

The generators yield :class:`Link` objects between *tokens*; deciding which entity a
token names (a service, a concept, the topic a pronoun stands for) is the resolver's job.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon
from .naming import third_person
from .syntax import (
    SUBJECT_DEPS,
    action_of,
    borrowed_objects,
    conjuncts,
    gerund_object,
    is_imperative,
    is_negated,
    is_passive,
    leading_gerund,
    named_examples,
    noun_conjuncts,
    objects,
    occasions,
    prep_objects,
    purposes,
)

__all__ = ["Link", "verb_links", "complement_links"]

_NEGATIVE_PREPS = {"without"}
_COLLECTIONS = {"collection", "set", "group", "list", "series", "sequence", "combination", "bundle", "suite", "array", "ensemble", "network", "family"}
_USE_VERBS = {"use", "utilize", "utilise", "leverage", "employ"}
_CONTROL_VERBS = {"aim", "try", "seek", "attempt", "need", "continue", "start", "begin", "tend", "strive", "work", "serve", "learn", "intend", "plan", "manage"}
_NEGATING_VERBS = {"fail", "cease", "neglect", "refuse", "lack"}
# Pronouns enabled to act that may stand for others than the subject ("enabling them to respond").
_OTHERS = {"them", "these", "those"}
# Prepositions of time, manner and route: "relies during inference" says nothing about a pair.
_CIRCUMSTANTIAL_PREPS = {"due", "because", "thanks", "despite", "during", "within", "across", "over", "through", "throughout", "via", "at", "after", "before",
                         "despite", "per", "around", "upon", "until", "since", "like", "such", "than", "including", "except", "beyond", "among", "along"}
# Verbs whose "as" or "into" object matters even beside a direct object ("views X as Y",
# "converts X into Y").
_KEPT_PREPOSITIONS = {
    "as": {"view", "treat", "use", "define", "classify", "consider", "regard", "know", "refer", "serve", "act", "frame", "model", "represent", "store", "save", "export", "deploy", "run", "host"},
    "into": {"convert", "transform", "split", "break", "divide", "turn", "translate", "map", "load", "ingest", "integrate", "incorporate", "organize", "group", "feed", "process", "encode", "decode", "embed", "compress", "partition", "cluster", "segment", "categorize", "classify", "write", "import", "stream", "put", "insert"},
}


@dataclass(frozen=True)
class Link:
    """A relation between two tokens of a sentence.

    ``subject`` is None when the sentence leaves it implicit (a fragment under a heading);
    ``secondary`` marks prepositional objects worth keeping only when they name a service;
    ``whole`` asks for the object's full phrase, generic head included ("clustering algorithm").
    """

    subject: int | None
    relation: str
    object: int
    negated: bool = False
    secondary: bool = False
    whole: bool = False
    product: bool = False  # the object names a product's purpose: "an orchestration service" -> "orchestration"
    start: int | None = None  # where the object's phrase begins, after a gerund ("for training models")


def _lemma(verb: Token, lexicon: Lexicon) -> str:
    """The verb's lemma, repaired from the word itself when spaCy's guess is no verb
    ("inputting" -> "input", not "inputt")."""
    lemma = verb.lemma_.casefold()
    if lemma not in lexicon.verb_lemmas and (verb.tag_ == "VBG" or verb.lower_.endswith("ing")):
        lemma = lexicon.verb_of_gerund(verb.lower_) or lemma
    return lemma


def _label(verb: Token, lexicon: Lexicon, preposition: str = "") -> str:
    if verb.tag_ == "VBN" and preposition:
        return _passive_label(verb, lexicon, preposition)
    lemma = _lemma(verb, lexicon)
    lemma = lexicon.vocabulary.synonyms.get(lemma, lemma)
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    words = [third_person(lemma), particle, preposition]
    return " ".join(w for w in words if w)


def _listed_actions(verb: Token, targets: list[Token], lexicon: Lexicon) -> dict[int, Token]:
    """``log predictions, track metrics, and diagnose issues``: the tagger read the later verbs
    as modifiers of their nouns. When a listed object opens with a word that can only be a verb
    ("diagnose"), the list is one of actions, and each object opening with a verb ("track") is
    that verb's object. Returns the verb word of each such object, by the object's index."""
    if verb.tag_ != "VB":
        return {}
    opening = {}
    for target in targets:
        first = target.doc[target.left_edge.i]
        if target.dep_ == "conj" and first.i < target.i and first.dep_ in {"compound", "amod", "nmod"} \
                and first.i > 0 and target.doc[first.i - 1].lower_ in {",", "and", "or"} and first.lower_ in lexicon.verb_lemmas:
            opening[target.i] = first
    return opening if any(first.lower_ in lexicon.verb_only for first in opening.values()) else {}


def _fronted(target: Token, verb: Token) -> bool:
    """"With RAG, language models can go ...": a phrase before the subject sets the scene."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and target.i < min(s.i for s in subjects)


def _passive_label(verb: Token, lexicon: Lexicon, preposition: str) -> str:
    lemma = verb.lemma_.casefold()
    if lemma in lexicon.vocabulary.symmetric_verbs:
        return f"{third_person(lemma)} {preposition}"  # "integrated with" reads "integrates with"
    participle = verb.lower_ if verb.tag_ == "VBN" or verb.lower_.endswith("ed") else lemma
    if lemma in lexicon.vocabulary.synonyms:
        participle = lexicon.vocabulary.synonyms[lemma] + ("d" if lexicon.vocabulary.synonyms[lemma].endswith("e") else "ed")
    return f"{participle} {preposition}".strip()


def verb_links(verb: Token, lexicon: Lexicon, *, subjects: list[Token] | None, negated: bool) -> Iterator[Link]:
    """Links of one verb whose subjects are already known (or None: implicit)."""
    negated = negated or is_negated(verb)
    lemma = verb.lemma_.casefold()
    if verb.dep_ in {"csubj", "csubjpass"}:
        return  # "starting with required data ... is key": a clause used as a subject
    if subjects == [] or subjects and any(s.pos_ == "ADJ" for s in subjects):
        return  # no subject to speak of, or a misparse ("comprehensive faults ...")
    if _lemma(verb, lexicon) not in lexicon.verb_lemmas and verb.lower_ not in lexicon.verb_lemmas \
            and {lemma, verb.lower_} & lexicon.noun_lemmas:
        return  # a noun read as a verb: "legacy databases to managed services", "users"
    subject_ids = [s.i for s in subjects] if subjects else [None]
    human = bool(subjects) and all(s.lower_ in lexicon.vocabulary.human_agents or s.lemma_.casefold() in lexicon.vocabulary.human_agents for s in subjects)
    imperative = subjects is None and is_imperative(verb)

    if lemma == "be":
        yield from _copula_links(verb, lexicon, subject_ids, negated)
        return
    if lemma in _NEGATING_VERBS:
        # "Fails to capture the nuances": what follows does not happen.
        for purpose in purposes(verb):
            yield from verb_links(purpose, lexicon, subjects=subjects, negated=not negated)
        return
    if lemma in lexicon.vocabulary.instrument_verbs and (human or imperative) and not is_passive(verb):
        for tool in objects(verb):
            for purpose in purposes(verb):
                yield from verb_links(purpose, lexicon, subjects=[tool], negated=negated)
            for preposition, target in prep_objects(verb):
                # "use X for Y" makes X's purpose Y; "deploy X with Y" does not
                if preposition in {"for", "with", "as", "in", "to"} and lemma in _USE_VERBS:
                    yield Link(tool.i, f"used {preposition}", target.i, negated)
        return
    if human or imperative:
        return
    if lemma in lexicon.vocabulary.enabling_verbs:
        # "X helps you to detect Y": X detects Y. "Transformers excel, enabling them to grasp Y": they
        # grasp Y; but "X improves assistants, enabling them to respond": "them" may be the assistants.
        unnamed = any(c.dep_ == "dobj" and c.lower_ in _OTHERS for c in verb.children) and verb.head.i != verb.i and any(
            c.dep_ == "dobj" and c.tag_ in {"NNS", "NNPS"} for c in verb.head.children)
        for purpose in purposes(verb):
            inner = [c for c in purpose.children if c.dep_ in SUBJECT_DEPS]
            if inner and not all(s.lower_ in lexicon.vocabulary.human_agents for s in inner):
                yield from verb_links(purpose, lexicon, subjects=inner, negated=negated)
            elif unnamed:
                continue
            else:
                yield from verb_links(purpose, lexicon, subjects=subjects, negated=negated)
        return
    if is_passive(verb):
        yield from _passive_links(verb, lexicon, subject_ids, negated)
        return
    targets = objects(verb) or borrowed_objects(verb) or noun_conjuncts(verb, lexicon)
    gerund = None if targets else gerund_object(verb)
    if gerund is not None:
        # "detects vanishing gradients and overfitting": a participle read as a verb
        for subject in subject_ids:
            for target in conjuncts(gerund[1]):
                yield Link(subject, _label(verb, lexicon), target.i, negated,
                           start=gerund[0].i if target.i == gerund[1].i else None)
            for other in gerund[0].children:
                if other.dep_ == "conj" and other.tag_ == "VBG" and not any(c.dep_ == "dobj" for c in other.children):
                    yield Link(subject, _label(verb, lexicon), other.i, negated)
    label = _label(verb, lexicon)
    for subject in subject_ids:
        for event, target in occasions(verb, targets):
            yield Link(subject, f"{label} {targets[0].lower_} on" if targets else f"{label} on", target.i, negated)
        prevents = any(p == "from" and t.tag_ == "VBG" for p, t in prep_objects(verb))
        actions = _listed_actions(verb, targets, lexicon)
        for target in [] if prevents else targets:  # "prevents a model from becoming complex" says little of "model"
            action = action_of(target)
            if action is not None:
                yield from verb_links(action, lexicon, subjects=subjects, negated=negated)
                continue
            if target.i in actions:
                word = actions[target.i]
                yield Link(subject, third_person(lexicon.vocabulary.synonyms.get(word.lower_, word.lower_)), target.i,
                           negated, start=word.i + 1)
                if word.i == verb.i + 2 and verb.doc[verb.i + 1].dep_ == "cc":  # "write and debug code": both act on it
                    yield Link(subject, label, target.i, negated, start=word.i + 1)
                continue
            yield Link(subject, label, target.i, negated)
            for example in named_examples(target):
                yield Link(subject, label, example.i, negated)
            for preposition, inner in prep_objects(target):
                gerund = leading_gerund(inner, lexicon)
                if preposition == "for" and gerund is not None:
                    yield Link(subject, third_person(gerund), inner.i, negated, start=inner.left_edge.i + 1)
                elif preposition in {"in", "into", "to", "from", "on", "with"}:
                    # "filter cost data in AWS Cost Explorer": kept when the place is a service
                    yield Link(subject, f"{label} {preposition}", inner.i, negated, secondary=True)
        for preposition, target in prep_objects(verb):
            if target.dep_ == "pcomp" and target.pos_ == "VERB":
                if preposition == "by" or preposition in _NEGATIVE_PREPS:
                    yield from verb_links(target, lexicon, subjects=subjects, negated=negated or preposition in _NEGATIVE_PREPS)
                continue
            if preposition in _CIRCUMSTANTIAL_PREPS or preposition == "by" or _fronted(target, verb):
                continue
            kept = verb.lemma_.casefold() in _KEPT_PREPOSITIONS.get(preposition, ())
            # "automates the workflow from data preparation to deployment": a range, unless from a service
            secondary = (bool(targets) or preposition == "from") and not kept
            yield Link(subject, _label(verb, lexicon, preposition), target.i, negated, secondary=secondary)
    if lemma in _CONTROL_VERBS:
        # "X aims to reduce Y": the subject of the aim is the subject of the reduction.
        for purpose in purposes(verb):
            if purpose.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in purpose.children):
                yield from verb_links(purpose, lexicon, subjects=subjects, negated=negated)


def _passive_links(verb: Token, lexicon: Lexicon, subject_ids: list[int | None], negated: bool) -> Iterator[Link]:
    subjects = [verb.doc[i] for i in subject_ids if i is not None] or None
    for purpose in purposes(verb):
        yield from verb_links(purpose, lexicon, subjects=subjects, negated=negated)
    for preposition, target in prep_objects(verb):
        if target.dep_ == "pcomp" and target.pos_ == "VERB" or preposition in _CIRCUMSTANTIAL_PREPS:
            continue
        for subject in subject_ids:
            if preposition == "by" and any(c.dep_ == "agent" for c in verb.children):
                if subject is not None:
                    yield Link(target.i, _label(verb, lexicon), subject, negated)
            else:
                yield Link(subject, _passive_label(verb, lexicon, preposition), target.i, negated)


def _copula_links(verb: Token, lexicon: Lexicon, subject_ids: list[int | None], negated: bool) -> Iterator[Link]:
    subjects = [verb.doc[i] for i in subject_ids if i is not None] or None
    for child in verb.children:
        if child.dep_ == "attr":
            for complement in conjuncts(child):
                yield from complement_links(complement, lexicon, subject_ids, subjects, negated)
        elif child.dep_ == "acomp" and child.lemma_.casefold() in lexicon.vocabulary.purpose_adjectives:
            for purpose in purposes(child):
                yield from verb_links(purpose, lexicon, subjects=subjects, negated=negated)
            for preposition, target in prep_objects(child):
                if target.dep_ == "pcomp" and target.pos_ == "VERB":
                    yield from verb_links(target, lexicon, subjects=subjects, negated=negated)
                    continue
                for subject in subject_ids:
                    yield Link(subject, f"{child.lower_} {preposition}", target.i, negated)
        elif child.dep_ == "prep" and child.lower_ == "for" and not any(i is not None and child.i < i for i in subject_ids):
            # "For mathematicians, components are eigenvectors": before the subject, "for" frames, it is no use
            for _, target in prep_objects(verb):
                for subject in subject_ids:
                    yield Link(subject, "used for", target.i, negated)


def complement_links(complement: Token, lexicon: Lexicon, subject_ids: list[int | None],
                      subjects: list[Token] | None, negated: bool) -> Iterator[Link]:
    """``X is a feature of Y`` (part of), ``X is a type of Y`` (is a), ``X is a tool for
    analyzing Y`` (analyzes), ``X is a serverless orchestration service`` (is a service for)."""
    head = complement.lemma_.casefold()
    of_objects = [t for p, t in prep_objects(complement) if p in {"of", "within", "in"}]
    if head in lexicon.vocabulary.part_words and of_objects:
        for subject in subject_ids:
            for target in of_objects:
                yield Link(subject, "part of", target.i, negated)
        return
    if head in lexicon.vocabulary.type_words and of_objects:
        for subject in subject_ids:
            for target in of_objects:
                yield Link(subject, "is a", target.i, negated)
        return
    if head in _COLLECTIONS and of_objects:
        # "IAM groups are collections of IAM users"
        for subject in subject_ids:
            for target in of_objects:
                yield Link(subject, "consists of", target.i, negated)
        return
    for preposition, target in prep_objects(complement):
        if preposition in {"for", "to"} and target.dep_ == "pcomp" and target.pos_ == "VERB":
            yield from verb_links(target, lexicon, subjects=subjects, negated=negated)
        elif preposition == "within" and head in lexicon.vocabulary.service_heads:
            for subject in subject_ids:
                yield Link(subject, "part of", target.i, negated)
    # "a serverless orchestration service" is a service for orchestration; "a command-line
    # tool" is simply a command-line tool
    service_like = head in lexicon.vocabulary.service_heads and any(
        t.dep_ in {"compound", "nmod"} and t.pos_ in {"NOUN", "PROPN"} for t in complement.lefts)
    label = f"is a {head} for" if service_like else "is a"
    for subject in subject_ids:
        yield Link(subject, label, complement.i, negated, whole=not service_like, product=service_like)
