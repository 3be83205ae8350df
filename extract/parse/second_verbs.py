"""A verb's third person after "and", read as a noun ("Meiosis produces four gametes and
shuffles alleles", "creates summaries, and automates tasks"), where the words before "and"
end with the object of a verb of that form: a second verb of the sentence, coordinated with
that one, the noun after it its object."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .fragments import third_person_of
from .repairs import repaired
from .verb_lists import CONJUNCTIONS, MODIFIER_DEPS, NOUN_PHRASE, verb_form

__all__ = ["with_second_verbs"]


def with_second_verbs(doc: Doc, verbs: frozenset[str]) -> Doc:
    """``doc`` with each such third person a verb; ``doc`` itself when none is."""
    pairs = [pair for sentence in doc.sents for pair in _third_persons_after_and(sentence, verbs)] if verbs else []
    return repaired(doc, [(pair, lambda parse, pair=pair: _as_second_verb(pair, parse, verbs)) for pair in pairs])


def _third_persons_after_and(sentence: Span, verbs: frozenset[str]) -> list[list[Token]]:
    """Each such third person, with the verb of the sentence before it, a third person too."""
    pairs = []
    for word in (t for t in sentence[2:-1] if t.nbor(-1).lower_ in CONJUNCTIONS):
        if not _a_verb_after_and(word, verbs):
            continue
        main = next((t for t in reversed(sentence[:word.i - sentence.start - 1]) if t.tag_ == "VBZ" and t.pos_ == "VERB"), None)
        before = _last_noun_before(word.doc[word.i - 1])
        if main is not None and before is not None and main in before.ancestors:
            pairs.append([main, word])  # what stands before "and" ends with that verb's object: a second act
    return pairs


def _a_verb_after_and(word: Token, verbs: frozenset[str]) -> bool:
    """A third person (the caller takes only words right after "and" or "or"), not read as a
    verb, before a noun phrase's first word that is no verb ("alleles" the tagger called one is none)."""
    after = word.nbor()
    if (word.pos_ == "VERB" and word.dep_ == "conj") or not word.is_lower:
        return False
    noun_after = after.is_alpha and after.pos_ in NOUN_PHRASE | {"VERB"} and \
        not (verb_form(after, "VBZ", verbs) and after.tag_ not in {"NN", "NNS"})
    return noun_after and verb_form(word, "VBZ", verbs)


def _last_noun_before(conjunction: Token) -> Token | None:
    """The noun that ends what stands before "and" (an aside in parentheses left out): the
    object of the verb before, when the word after "and" is a second verb."""
    depth = 0
    for token in reversed(conjunction.doc[conjunction.sent.start:conjunction.i]):
        depth += (token.text == ")") - (token.text == "(")
        if depth == 0 and token.pos_ in {"NOUN", "PROPN"}:
            return token if token.dep_ in {"dobj", "pobj"} else None
    return None


def _as_second_verb(pair: list[Token], parse: dict[str, list], verbs: frozenset[str]) -> None:
    """The word a verb coordinated with the one before it; the noun after it its object."""
    main, verb = pair
    heads, deps = parse["heads"], parse["deps"]
    heads[verb.i], deps[verb.i] = main.i, "conj"
    parse["tags"][verb.i], parse["pos"][verb.i], parse["lemmas"][verb.i] = "VBZ", "VERB", third_person_of(verb.lower_, verbs)
    heads[verb.i - 1], deps[verb.i - 1] = main.i, "cc"
    after = verb.nbor()
    if after.pos_ == "VERB":  # "alleles" tagged a verb
        parse["tags"][after.i], parse["pos"][after.i] = "NNS" if after.lower_.endswith("s") else "NN", "NOUN"
    end = after.i
    while end + 1 < verb.sent.end and (parse["pos"][end + 1] in NOUN_PHRASE - {"DET"}):
        end += 1
    obj = verb.doc[end] if parse["pos"][end] in {"NOUN", "PROPN"} else after
    for token in verb.doc[after.i:obj.i]:
        heads[token.i], deps[token.i] = obj.i, MODIFIER_DEPS.get(parse["pos"][token.i], "compound")
    heads[obj.i], deps[obj.i] = verb.i, "dobj"
    for token in verb.sent:
        if heads[token.i] == verb.i and token.i < verb.i - 1:  # words before it the parser hung on it go to the first verb
            heads[token.i] = main.i
