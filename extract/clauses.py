"""Relations stated by one sentence's dependency parse, found by small composable generators.

Each generator yields :class:`Link` objects between *tokens*; deciding which entity a
token names (a service, a concept, the topic a pronoun stands for) is the resolver's job.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .naming import third_person
from .lexicon import Lexicon

__all__ = ["Link", "sentence_links", "attribute_links", "subjects_of", "conjuncts", "is_negated"]

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_OBJECT_DEPS = {"dobj", "obj"}
_PREP_OBJECT_DEPS = {"pobj", "pcomp"}
_RELATIVE_TAGS = {"WDT", "WP", "WP$"}
_EXAMPLE_MARKERS = {"such as", "like", "including", "include", "e.g."}
_NEGATIVE_PREPS = {"without"}
_COLLECTIONS = {"collection", "set", "group", "list", "series", "sequence", "combination", "bundle", "suite", "array", "ensemble", "network", "family"}
_CONTROL_VERBS = {"aim", "try", "seek", "attempt", "need", "continue", "start", "begin", "tend", "strive", "work", "serve", "learn", "intend", "plan", "manage"}
_NEGATING_VERBS = {"fail", "cease", "neglect", "refuse", "lack"}
# Prepositions of time, manner and route: "relies during inference" says nothing about a pair.
_CIRCUMSTANTIAL_PREPS = {"during", "within", "across", "over", "through", "throughout", "via", "at", "after", "before",
                         "despite", "per", "around", "upon", "until", "since", "like", "such", "than", "including", "except", "beyond", "among", "along"}
# Verbs whose "as" or "into" object matters even beside a direct object ("views X as Y",
# "converts X into Y").
_KEPT_PREPOSITIONS = {
    "as": {"view", "treat", "use", "define", "classify", "consider", "regard", "know", "refer", "serve", "act", "frame", "model", "represent", "store", "save", "export", "deploy", "run", "host"},
    "into": {"convert", "transform", "split", "break", "divide", "turn", "translate", "map", "load", "ingest", "integrate", "incorporate", "organize", "group", "feed", "process", "encode", "decode", "embed", "compress", "partition", "cluster", "segment", "categorize", "classify", "write", "import", "stream", "put", "insert"},
}
# Verbs of a "when" clause that name an event: "send notifications when drift occurs".
_EVENT_VERBS = {"occur", "happen", "arise", "appear", "exceed", "drop", "change", "fail", "detect", "breach", "cross", "drift", "degrade"}


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
    start: int | None = None  # where the object's phrase begins, after a gerund ("for training models")


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


def _is_imperative(verb: Token) -> bool:
    """"Select and load training jobs": the clause's first verb opens the sentence bare."""
    while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
    opening = [t for t in verb.sent if t.i < verb.i and not t.is_punct and t.pos_ != "ADV"]
    return verb.tag_ == "VB" and not opening


def _aux_to(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "ROOT", "conj", "advcl"} and not any(c.dep_ in {"aux", "nsubj"} for c in verb.children)


def _label(verb: Token, lexicon: Lexicon, preposition: str = "") -> str:
    if verb.tag_ == "VBN" and preposition:
        return _passive_label(verb, lexicon, preposition)
    lemma = verb.lemma_.casefold()
    lemma = lexicon.vocabulary.synonyms.get(lemma, lemma)
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    words = [third_person(lemma), particle, preposition]
    return " ".join(w for w in words if w)


def _passive_label(verb: Token, lexicon: Lexicon, preposition: str) -> str:
    lemma = verb.lemma_.casefold()
    participle = verb.lower_ if verb.tag_ == "VBN" else lemma
    if lemma in lexicon.vocabulary.synonyms:
        participle = lexicon.vocabulary.synonyms[lemma] + ("d" if lexicon.vocabulary.synonyms[lemma].endswith("e") else "ed")
    return f"{participle} {preposition}".strip()


def _prep_objects(head: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging on ``head`` ("integrates with X and Y")."""
    for child in head.children:
        if child.dep_ in {"prep", "agent"}:
            preposition = child.lower_
            if preposition == "as" and any(c.lower_ == "such" for c in child.children):
                continue
            objects = [g for g in child.children if g.dep_ in _PREP_OBJECT_DEPS]
            # "for model re - training" may come out as four sibling objects: the last is the head.
            for target in conjuncts(objects[-1]) if objects else []:
                yield preposition, target


def _objects(verb: Token) -> list[Token]:
    """Direct objects; a relative pronoun ("a metric that you can use") stands for its noun."""
    found = []
    for child in verb.children:
        if child.dep_ in _OBJECT_DEPS:
            for token in conjuncts(child):
                found.extend(_antecedent(token) if token.tag_ in _RELATIVE_TAGS else [token])
    return found


_NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "npadvmod", "nmod", "poss"}


def _is_verb(token: Token) -> bool:
    """A verb, or a verb the tagger read as a noun in the middle of a list of verbs
    ("store, share, and manage features"); not a noun the tagger read as a verb
    ("Manage machine learning workflows" with "workflows" as the object)."""
    if token.pos_ in {"VERB", "AUX"}:
        return token.dep_ not in _NOMINAL_DEPS
    return token.dep_ == "conj" and token.head.pos_ == "VERB" and token.tag_ == "NN" and any(
        c.dep_ == "conj" and c.pos_ == "VERB" for c in token.children)


def _borrowed_objects(verb: Token) -> list[Token]:
    """``store, share, and manage features``: earlier verbs take the last verb's object,
    unless they have a complement of their own ("ensure that ..., and monitor bias")."""
    if any(c.dep_ in {"ccomp", "xcomp", "dobj", "prep", "attr", "acomp", "advcl"} for c in verb.children):
        return []
    for child in verb.children:
        if child.dep_ == "conj" and _is_verb(child):
            return _objects(child) or _borrowed_objects(child)
    return []


def _purposes(verb: Token) -> list[Token]:
    """Verbs saying what the clause is for: ``to detect bias``, ``help reduce costs``."""
    found = []
    for child in verb.children:
        if child.dep_ in {"xcomp", "advcl", "ccomp"} and child.pos_ in {"VERB", "AUX"} and (_aux_to(child) or child.dep_ == "xcomp"):
            found.extend(c for c in conjuncts(child) if _is_verb(c))
    return found


def subjects_of(verb: Token) -> list[Token] | None:
    """The subject tokens of a verb, following coordination, relative clauses and
    participles. None means the sentence itself has no subject (a fragment whose subject
    is its topic); an empty list means the verb's subject cannot be told."""
    if any(c.dep_ == "expl" for c in verb.children):
        return []  # "there is an imbalance": no subject to speak of
    direct = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if direct:
        found = []
        for subject in direct:
            for token in conjuncts(subject):
                found.extend(_antecedent(token) if token.tag_ in _RELATIVE_TAGS else [token])
        return found
    if verb.dep_ == "ROOT":
        return None
    if verb.dep_ == "conj" and _is_verb(verb.head):
        return subjects_of(verb.head)
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
            and not _is_passive(verb.head):
        # "X manages Y, providing Z": the participle shares the main clause's subject.
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
    if noun.dep_ in {"attr", "acomp"} and noun.head.lemma_ == "be":
        return subjects_of(noun.head) or []
    if noun.dep_ == "appos":
        return [noun.head]
    return [noun]


def _verb_links(verb: Token, lexicon: Lexicon, *, subjects: list[Token] | None, negated: bool) -> Iterator[Link]:
    """Links of one verb whose subjects are already known (or None: implicit)."""
    negated = negated or is_negated(verb)
    lemma = verb.lemma_.casefold()
    if subjects == []:
        return
    subject_ids = [s.i for s in subjects] if subjects else [None]
    human = bool(subjects) and all(s.lower_ in lexicon.vocabulary.human_agents or s.lemma_.casefold() in lexicon.vocabulary.human_agents for s in subjects)
    imperative = subjects is None and _is_imperative(verb)

    if lemma == "be":
        yield from _copula_links(verb, lexicon, subject_ids, negated)
        return
    if lemma in _NEGATING_VERBS:
        # "Fails to capture the nuances": what follows does not happen.
        for purpose in _purposes(verb):
            yield from _verb_links(purpose, lexicon, subjects=subjects, negated=not negated)
        return
    if lemma in lexicon.vocabulary.instrument_verbs and (human or imperative) and not _is_passive(verb):
        for tool in _objects(verb):
            for purpose in _purposes(verb):
                yield from _verb_links(purpose, lexicon, subjects=[tool], negated=negated)
            for preposition, target in _prep_objects(verb):
                if preposition in {"for", "with", "as", "in", "to"}:
                    yield Link(tool.i, f"used {preposition}", target.i, negated)
        return
    if human or imperative:
        return
    if lemma in lexicon.vocabulary.enabling_verbs:
        for purpose in _purposes(verb):
            inner = [c for c in purpose.children if c.dep_ in _SUBJECT_DEPS]
            if inner and not all(s.lower_ in lexicon.vocabulary.human_agents for s in inner):
                yield from _verb_links(purpose, lexicon, subjects=inner, negated=negated)
            else:
                yield from _verb_links(purpose, lexicon, subjects=subjects, negated=negated)
        return
    if _is_passive(verb):
        yield from _passive_links(verb, lexicon, subject_ids, negated)
        return
    objects = _objects(verb) or _borrowed_objects(verb) or _noun_conjuncts(verb)
    label = _label(verb, lexicon)
    for subject in subject_ids:
        for event, target in _occasions(verb, objects):
            yield Link(subject, f"{label} {objects[0].lower_} on" if objects else f"{label} on", target.i, negated)
        for target in objects:
            action = _action_of(target)
            if action is not None:
                yield from _verb_links(action, lexicon, subjects=subjects, negated=negated)
                continue
            yield Link(subject, label, target.i, negated)
            for example in _named_examples(target):
                yield Link(subject, label, example.i, negated)
            for preposition, inner in _prep_objects(target):
                gerund = _leading_gerund(inner, lexicon)
                if preposition == "for" and gerund is not None:
                    yield Link(subject, third_person(gerund), inner.i, negated, start=inner.left_edge.i)
                elif preposition in {"in", "into", "to", "from", "on", "with"}:
                    # "filter cost data in AWS Cost Explorer": kept when the place is a service
                    yield Link(subject, f"{label} {preposition}", inner.i, negated, secondary=True)
        for preposition, target in _prep_objects(verb):
            if target.dep_ == "pcomp" and target.pos_ == "VERB":
                if preposition == "by" or preposition in _NEGATIVE_PREPS:
                    yield from _verb_links(target, lexicon, subjects=subjects, negated=negated or preposition in _NEGATIVE_PREPS)
                continue
            if preposition in _CIRCUMSTANTIAL_PREPS or preposition == "by":
                continue
            kept = verb.lemma_.casefold() in _KEPT_PREPOSITIONS.get(preposition, ())
            yield Link(subject, _label(verb, lexicon, preposition), target.i, negated, secondary=bool(objects) and not kept)
    if lemma in _CONTROL_VERBS:
        # "X aims to reduce Y": the subject of the aim is the subject of the reduction.
        for purpose in _purposes(verb):
            if purpose.dep_ == "xcomp" and not any(c.dep_ in _SUBJECT_DEPS for c in purpose.children):
                yield from _verb_links(purpose, lexicon, subjects=subjects, negated=negated)


def _noun_conjuncts(verb: Token) -> list[Token]:
    """``filter and group cost data``: the tagger read the second verb as a noun, so the
    noun hangs on the first verb as a conjunct; it is the object both verbs share."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > verb.i
            and not c.lower_.endswith("ing") and not _is_verb(c)]


def _occasions(verb: Token, objects: list[Token]) -> Iterator[tuple[Token, Token]]:
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


def _named_examples(noun: Token) -> Iterator[Token]:
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
        if marker in _EXAMPLE_MARKERS and (attached or misattached):
            for child in token.children:
                if child.dep_ == "pobj":
                    yield from (e for e in conjuncts(child) if _is_name(e))


def _inside_object(noun: Token) -> bool:
    """True when an outer noun object contains this one: ", including X" then belongs to it."""
    node = noun.head
    while node.head.i != node.i:
        if node.dep_ == "dobj" and node.i != noun.i:
            return True
        node = node.head
    return False


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or any(c.isupper() for c in token.text[1:]) or (token.text.isupper() and len(token.text) > 1) or \
        any(t.pos_ == "PROPN" for t in token.lefts if t.dep_ == "compound")


def _leading_gerund(noun: Token, lexicon: Lexicon) -> str | None:
    """``for training foundation models``: the verb a leading "-ing" word names, when the
    tagger read it as part of the noun phrase."""
    first = noun.doc[noun.left_edge.i]
    word = first.lower_
    if first.i == noun.i or not word.endswith("ing") or first.dep_ not in {"compound", "amod", "nmod"}:
        return None
    stem = word[:-3]
    for candidate in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if candidate and candidate in lexicon.verb_lemmas:
            return candidate
    return None


def _action_of(target: Token) -> Token | None:
    """``the process of identifying biases``: the verb a transparent object stands for."""
    if target.lemma_.casefold() not in {"process", "task", "job", "ability", "act", "practice"}:
        return None
    for child in target.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ in {"pcomp", "pobj"} and grandchild.tag_ == "VBG":
                    return grandchild
    return None


def _passive_links(verb: Token, lexicon: Lexicon, subject_ids: list[int | None], negated: bool) -> Iterator[Link]:
    subjects = [verb.doc[i] for i in subject_ids if i is not None] or None
    for purpose in _purposes(verb):
        yield from _verb_links(purpose, lexicon, subjects=subjects, negated=negated)
    for preposition, target in _prep_objects(verb):
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
                yield from _complement_links(complement, lexicon, subject_ids, subjects, negated)
        elif child.dep_ == "acomp" and child.lemma_.casefold() in lexicon.vocabulary.purpose_adjectives:
            for purpose in _purposes(child):
                yield from _verb_links(purpose, lexicon, subjects=subjects, negated=negated)
            for preposition, target in _prep_objects(child):
                if target.dep_ == "pcomp" and target.pos_ == "VERB":
                    yield from _verb_links(target, lexicon, subjects=subjects, negated=negated)
                    continue
                for subject in subject_ids:
                    yield Link(subject, f"{child.lower_} {preposition}", target.i, negated)
        elif child.dep_ == "prep" and child.lower_ == "for":
            for _, target in _prep_objects(verb):
                for subject in subject_ids:
                    yield Link(subject, "used for", target.i, negated)


def _complement_links(complement: Token, lexicon: Lexicon, subject_ids: list[int | None],
                      subjects: list[Token] | None, negated: bool) -> Iterator[Link]:
    """``X is a feature of Y`` (part of), ``X is a type of Y`` (is a), ``X is a tool for
    analyzing Y`` (analyzes), ``X is a serverless orchestration service`` (is a service for)."""
    head = complement.lemma_.casefold()
    of_objects = [t for p, t in _prep_objects(complement) if p in {"of", "within", "in"}]
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
    for preposition, target in _prep_objects(complement):
        if preposition in {"for", "to"} and target.dep_ == "pcomp" and target.pos_ == "VERB":
            yield from _verb_links(target, lexicon, subjects=subjects, negated=negated)
        elif preposition == "within" and head in lexicon.vocabulary.generic_heads:
            for subject in subject_ids:
                yield Link(subject, "part of", target.i, negated)
    service_like = head in lexicon.vocabulary.service_heads
    label = f"is a {head} for" if service_like else "is a"
    for subject in subject_ids:
        yield Link(subject, label, complement.i, negated, whole=not service_like)


def _apposition_links(sentence: Span, lexicon: Lexicon) -> Iterator[Link]:
    """``Amazon Kendra, an enterprise search service, ...`` reads as a copula."""
    for token in sentence:
        if token.dep_ == "appos" and any(c.dep_ == "det" for c in token.children) and token.head.pos_ in {"PROPN", "NOUN"}:
            yield from _complement_links(token, lexicon, [token.head.i], [token.head], False)


def _example_links(sentence: Span, lexicon: Lexicon) -> Iterator[Link]:
    """``frameworks such as TensorFlow and PyTorch``: each example is one of the kind."""
    for token in sentence:
        if token.dep_ != "prep":
            continue
        marker = token.lower_
        if marker == "as" and any(c.lower_ == "such" for c in token.children):
            marker = "such as"
        elif marker == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such":
            marker = "such as"
        if marker not in _EXAMPLE_MARKERS or not (token.head.pos_ in {"NOUN", "PROPN"}):
            continue
        for child in token.children:
            if child.dep_ == "pobj":
                for example in conjuncts(child):
                    # Only names make safe examples; "tasks, such as content moderation"
                    # hangs too easily on the wrong noun.
                    if example.pos_ == "PROPN" or any(c.isupper() for c in example.text[1:]) or example.text.isupper():
                        yield Link(example.i, "is a", token.head.i, whole=True)


def sentence_links(sentence: Span, lexicon: Lexicon) -> Iterator[Link]:
    """Every relation the sentence states between two of its tokens."""
    for token in sentence:
        if _is_verb(token) and token.dep_ not in {"aux", "auxpass", "xcomp", "ccomp"} and not (
            token.dep_ == "advcl" and _aux_to(token)
        ) and not (token.dep_ == "pcomp"):
            negated = any(is_negated(a) for a in token.children if a.dep_ in {"aux", "auxpass"})
            yield from _verb_links(token, lexicon, subjects=subjects_of(token), negated=negated)
    yield from _apposition_links(sentence, lexicon)
    yield from _example_links(sentence, lexicon)


def attribute_links(sentence: Span, attribute: str) -> Iterator[Link]:
    """A table cell holding values, not a sentence: ``EC2 P3 | Processor Family | NVIDIA
    Tesla V100`` reads "EC2 P3 -processor family-> NVIDIA Tesla V100"."""
    if any(t.pos_ in {"VERB", "AUX"} for t in sentence):
        return
    relation = " ".join(w if w.isupper() else w.casefold() for w in attribute.replace("(s)", "s").split())
    if not relation:
        return
    values = conjuncts(sentence.root)
    values += [c for value in values for c in value.children if c.dep_ == "appos"]
    for value in values:
        yield Link(None, relation, value.i)
