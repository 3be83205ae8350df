"""Lists of verbs sharing one object ("Build, train, and deploy models", "SageMaker builds,
trains, and deploys models", "lets you collect, aggregate and ship logs"). The parser reads
the verbs after the first as nouns, modifiers or parts of the object ("search experiment
trials"), so only the last verb, if any, acts on the object. Such a sentence is given the
parse it shortens: each listed word a verb coordinated with the first, the noun phrase after
the last one its object, and the rest of the sentence where it was."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .fragments import third_person_of
from .repairs import repaired, reaches

__all__ = ["verb_list", "with_verb_lists", "in_noun_phrase", "verb_form", "CONJUNCTIONS", "NOUN_PHRASE", "MODIFIER_DEPS"]

CONJUNCTIONS = {"and", "or"}
NOUN_PHRASE = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
MODIFIER_DEPS = {"DET": "det", "ADJ": "amod", "NUM": "nummod", "VERB": "amod"}
_OTHER_FORMS = {"VBZ", "VBD", "VBG", "VBN"}


def verb_list(sentence: Span, verbs: frozenset[str], nouns: frozenset[str] = frozenset()) -> list[Token]:
    """The verbs of the first list in ``sentence`` of two or more verbs of one form, the last
    after "and" or "or", before a noun phrase: bare verbs opening it or after "to", a pronoun
    or a modal ("Build, train, and deploy models", "lets you build, train and deploy"), or
    third persons opening it, after a verb so tagged ("builds, trains, and deploys") or after
    the name a sentence opens with, one of them a verb and never a noun ("Jaeger stores and
    visualizes traces", read as the plural "Jaeger stores"), or -ing forms after a preposition
    ("for storing, indexing, and searching vectors"); [] otherwise ("Train, validation and test
    sets" lists nouns, "Build models and deploy them" has one verb and its object)."""
    words = [t for t in sentence if not t.is_space]
    if not any(t.lower_ in CONJUNCTIONS for t in words):
        return []  # no list without "and" or "or"
    for start, word in enumerate(words[:-3]):
        form = _form_at(words, start, verbs)
        if form and (listed := _listed_from(words, start, form, verbs)) and (
                form in {"VB", "VBG"} or start == 0 or listed[0].tag_ == "VBZ" or _after_a_name(words, start, listed, nouns)):
            return listed
    return []


def _form_at(words: list[Token], start: int, verbs: frozenset[str]) -> str:
    """"VB" or "VBZ" where a list of verbs of that form may start, or ""."""
    word = words[start]
    opening = start == 0 and word.text[:1].isupper()
    after_a_subject = start > 0 and (words[start - 1].lower_ == "to" or words[start - 1].pos_ == "PRON"
                                     or words[start - 1].tag_ == "MD")
    if (opening or after_a_subject) and verb_form(word, "VB", verbs):
        return "VB"
    if start > 0 and words[start - 1].pos_ == "ADP" and verb_form(word, "VBG", verbs):
        return "VBG"
    return "VBZ" if verb_form(word, "VBZ", verbs) else ""


def _after_a_name(words: list[Token], start: int, listed: list[Token], nouns: frozenset[str]) -> bool:
    """The words before the list a name ("Jaeger", "Amazon Kinesis"), and a listed word a verb
    the tagger saw or one never a noun ("visualizes", "deduplicates")."""
    return all(t.pos_ == "PROPN" for t in words[:start]) and any(
        t.tag_ == "VBZ" or (bool(nouns) and t.lemma_.lower() not in nouns and t.lower_[:-1] not in nouns) for t in listed)


def _listed_from(words: list[Token], start: int, form: str, verbs: frozenset[str]) -> list[Token]:
    listed, i, closed = [words[start]], start + 1, False
    while not closed:
        found = _next_listed(words, i, form, verbs)
        if found is None:
            return []
        i, closed = found
        listed.append(words[i - 1])
    return listed if i < len(words) and in_noun_phrase(words[i]) else []


def _next_listed(words: list[Token], i: int, form: str, verbs: frozenset[str]) -> tuple[int, bool] | None:
    """After ", ", ", and " or " and " at ``i``, a verb of ``form``: the index after it, and
    whether "and" or "or" closed the list; None for anything else."""
    start = i
    if i < len(words) and words[i].text == ",":
        i += 1
    closed = i < len(words) and words[i].lower_ in CONJUNCTIONS
    i += closed
    if i == start or i >= len(words) or not words[i].text.islower() or not verb_form(words[i], form, verbs):
        return None
    return i + 1, closed


def in_noun_phrase(token: Token) -> bool:
    """A word of a noun phrase, a participle before its noun too ("distributed traces")."""
    return token.pos_ in NOUN_PHRASE or (token.tag_ in {"VBN", "VBG"} and token.dep_ in {"amod", "compound"})


def verb_form(token: Token, form: str, verbs: frozenset[str]) -> bool:
    """A bare verb ("VB") or a third person ("VBZ", "classifies") of one of ``verbs``."""
    if not token.is_alpha:
        return False
    if form == "VB":
        return token.lower_ in verbs and token.tag_ not in _OTHER_FORMS
    if form == "VBG":
        return bool(gerund_of(token.lower_, verbs))
    return token.lower_.endswith("s") and bool(third_person_of(token.lower_, verbs))


def gerund_of(lower: str, verbs: frozenset[str]) -> str:
    """The verb ``lower`` is the -ing form of ("storing": store, "indexing": index), or ""."""
    stem = lower[:-3] if lower.endswith("ing") else ""
    return next((v for v in (stem, stem + "e", stem[:-1]) if len(v) > 2 and v in verbs), "")


def with_verb_lists(doc: Doc, verbs: frozenset[str], nouns: frozenset[str] = frozenset()) -> Doc:
    """``doc`` with each sentence's list of verbs parsed as one; ``doc`` itself when none has
    one, or without a lemmatizer's verbs to tell them by."""
    lists = [found for sentence in doc.sents if (found := verb_list(sentence, verbs, nouns))] if verbs else []
    return repaired(doc, [(listed, lambda parse, listed=listed: _as_one_list(listed, parse, verbs)) for listed in lists])


def _as_one_list(listed: list[Token], parse: dict[str, list], verbs: frozenset[str]) -> None:
    """The verbs coordinated with the first, the root when it opens the sentence; the noun phrase
    after the last their object."""
    first, last = listed[0], listed[-1]
    heads, deps = parse["heads"], parse["deps"]
    form = _form_of(first, verbs)
    for verb in listed:
        if verb is not first:
            heads[verb.i], deps[verb.i] = first.i, "conj"
        parse["tags"][verb.i], parse["pos"][verb.i] = form, "VERB"
        parse["lemmas"][verb.i] = {"VBZ": third_person_of, "VBG": gerund_of}.get(form, lambda w, _: w)(verb.lower_, verbs)
    if form == "VBG" and deps[first.i] == "pobj":
        deps[first.i] = "pcomp"  # "for storing, indexing and searching vectors": the preposition's clause
    if first.i == first.sent.start:
        heads[first.i], deps[first.i] = first.i, "ROOT"
    elif all(t.pos_ == "PROPN" for t in first.doc[first.sent.start:first.i]):
        _name_as_subject(first, heads, deps)
    for token in first.doc[first.i:last.i]:
        if token.i not in {verb.i for verb in listed}:
            heads[token.i], deps[token.i] = first.i, "cc" if token.lower_ in CONJUNCTIONS else "punct"
    _object_of(last, heads, deps)
    if heads[first.i] == first.i:
        _all_under(first, heads, deps)


def _form_of(first: Token, verbs: frozenset[str]) -> str:
    if first.lower_.endswith("ing") and verb_form(first, "VBG", verbs):
        return "VBG"
    return "VBZ" if first.lower_.endswith("s") and verb_form(first, "VBZ", verbs) and not verb_form(first, "VB", verbs) else "VB"


def _name_as_subject(first: Token, heads: list[int], deps: list[str]) -> None:
    """"Jaeger stores and visualizes traces": the name before the first verb, the root, is its subject."""
    name = first.doc[first.i - 1]
    heads[first.i], deps[first.i] = first.i, "ROOT"
    heads[name.i], deps[name.i] = first.i, "nsubj"
    for token in first.doc[first.sent.start:name.i]:
        heads[token.i], deps[token.i] = name.i, "compound"


def _object_of(verb: Token, heads: list[int], deps: list[str]) -> None:
    """The last noun of the noun phrase after ``verb`` its object, the words before it its modifiers
    ("experiment trials and historical training jobs": "trials", "jobs" still its conjunct)."""
    doc, end = verb.doc, verb.i + 1
    while end < verb.sent.end and in_noun_phrase(doc[end]):
        end += 1
    nouns = [t for t in doc[verb.i + 1:end] if t.pos_ in {"NOUN", "PROPN"}]
    if nouns:
        obj = nouns[-1]
        for token in doc[verb.i + 1:obj.i]:
            heads[token.i], deps[token.i] = obj.i, MODIFIER_DEPS.get(token.pos_, "compound")
        heads[obj.i], deps[obj.i] = verb.i, "dobj"


def _all_under(first: Token, heads: list[int], deps: list[str]) -> None:
    """The parser's root, then any word left in a loop, hung on the first verb."""
    for token in first.sent:
        if heads[token.i] == token.i and token.i != first.i:
            heads[token.i], deps[token.i] = first.i, "dep"
    for token in first.sent:
        if not reaches(token.i, first.i, heads):
            heads[token.i], deps[token.i] = first.i, "dep"
