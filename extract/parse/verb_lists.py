"""Fragments that open with a list of bare verbs sharing one object ("Build, train, and deploy
models", "Organize, compare, and search experiment trials"). The parser reads the verbs after
the first as nouns, modifiers or parts of the object ("search experiment trials"), so only
the last verb, if any, acts on the object. Such a sentence is given the parse it shortens:
each listed word a verb coordinated with the first, the noun phrase after the last one its
object, and the rest of the sentence where it was."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

__all__ = ["opening_verb_list", "with_verb_lists"]

_CONJUNCTIONS = {"and", "or"}
_NOUN_PHRASE = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
_MODIFIER_DEPS = {"DET": "det", "ADJ": "amod", "NUM": "nummod"}


def opening_verb_list(sentence: Span, verbs: frozenset[str]) -> list[Token]:
    """The verbs ``sentence`` opens with when it lists two or more bare verbs, the last after
    "and" or "or", before a noun phrase; [] otherwise ("Train, validation and test sets" lists
    nouns, "Build models and deploy them" opens with one verb and its object)."""
    words = [t for t in sentence if not t.is_space]
    if len(words) < 4 or not words[0].text[:1].isupper() or not _bare_verb(words[0], verbs):
        return []
    listed, i, closed = [words[0]], 1, False
    while not closed:
        found = _next_listed(words, i, verbs)
        if found is None:
            return []
        i, closed = found
        listed.append(words[i - 1])
    return listed if i < len(words) and words[i].pos_ in _NOUN_PHRASE else []


def _next_listed(words: list[Token], i: int, verbs: frozenset[str]) -> tuple[int, bool] | None:
    """After ", ", ", and " or " and " at ``i``, a bare verb: the index after it, and whether
    "and" or "or" closed the list; None for anything else."""
    start = i
    if i < len(words) and words[i].text == ",":
        i += 1
    closed = i < len(words) and words[i].lower_ in _CONJUNCTIONS
    i += closed
    if i == start or i >= len(words) or not words[i].text.islower() or not _bare_verb(words[i], verbs):
        return None
    return i + 1, closed


def _bare_verb(token: Token, verbs: frozenset[str]) -> bool:
    return token.is_alpha and token.lower_ in verbs and token.tag_ not in {"VBZ", "VBD", "VBG", "VBN"}


def with_verb_lists(doc: Doc, verbs: frozenset[str]) -> Doc:
    """``doc``, each sentence opening with a list of verbs parsed as one; ``doc`` itself when none
    does, or without a lemmatizer's verbs to tell them by."""
    if not verbs:
        return doc
    lists = [found for sentence in doc.sents if (found := opening_verb_list(sentence, verbs))]
    if not lists:
        return doc
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    tags = [t.tag_ for t in doc]
    pos = [t.pos_ for t in doc]
    for listed in lists:
        _as_one_list(listed, heads, deps, tags, pos)
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags, pos=pos,
               morphs=[str(t.morph) for t in doc], lemmas=[t.lemma_ for t in doc], deps=deps, heads=heads)


def _as_one_list(listed: list[Token], heads: list[int], deps: list[str], tags: list[str], pos: list[str]) -> None:
    """The verbs coordinated with the first, the root; the noun phrase after the last its object."""
    first, last = listed[0], listed[-1]
    verbs = {verb.i for verb in listed}
    for verb in listed:
        heads[verb.i], deps[verb.i] = (verb.i, "ROOT") if verb is first else (first.i, "conj")
        tags[verb.i], pos[verb.i] = "VB", "VERB"
    for token in first.doc[first.i:last.i]:
        if token.i not in verbs:
            heads[token.i], deps[token.i] = first.i, "cc" if token.lower_ in _CONJUNCTIONS else "punct"
    _object_of(last, heads, deps)
    _all_under(first, heads, deps)


def _object_of(verb: Token, heads: list[int], deps: list[str]) -> None:
    """The last noun of the noun phrase after ``verb`` its object, the words before it its modifiers
    ("experiment trials and historical training jobs": "trials", "jobs" still its conjunct)."""
    doc, end = verb.doc, verb.i + 1
    while end < verb.sent.end and doc[end].pos_ in _NOUN_PHRASE:
        end += 1
    nouns = [t for t in doc[verb.i + 1:end] if t.pos_ in {"NOUN", "PROPN"}]
    if nouns:
        obj = nouns[-1]
        for token in doc[verb.i + 1:obj.i]:
            heads[token.i], deps[token.i] = obj.i, _MODIFIER_DEPS.get(token.pos_, "compound")
        heads[obj.i], deps[obj.i] = verb.i, "dobj"


def _all_under(first: Token, heads: list[int], deps: list[str]) -> None:
    """The parser's root, then any word left in a loop, hung on the first verb."""
    for token in first.sent:
        if heads[token.i] == token.i and token.i != first.i:
            heads[token.i], deps[token.i] = first.i, "dep"
    for token in first.sent:
        if not _reaches(token.i, first.i, heads):
            heads[token.i], deps[token.i] = first.i, "dep"


def _reaches(start: int, root: int, heads: list[int]) -> bool:
    """Whether the head chain from ``start`` ends at ``root`` without a loop."""
    seen, current = set(), start
    while current != root:
        if current in seen or heads[current] == current:
            return False
        seen.add(current)
        current = heads[current]
    return True
