"""Fragments that open with a verb ("Continuously monitors deployed models for drift"), parsed
as the sentences they shorten. Given no subject, the parser often reads the third-person verb
as a plural noun, and the rest of the fragment around that mistake ("monitors" the subject of
"deployed"). Such a passage is parsed again with a stand-in subject before each such fragment
("It continuously monitors ..."); where that parse reads each word as the verb of its
stand-in, it is kept, minus the stand-ins, so each fragment reads as a verb without a
subject, as a fragment should."""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = ["reparsed_fragments", "opening_verb"]

_STAND_IN = "It"
_MISREAD_TAGS = {"NN", "NNS", "NNP", "NNPS", "JJ", "IN", "VB", "VBP"}  # what "Stores", "Facilitates" were read as
_SENTENCE_MARKS = {".", ";", ",", "!", "?"}


def opening_verb(sentence: Span, verbs: frozenset[str], nouns: frozenset[str]) -> Token | None:
    """The third-person verb ``sentence`` opens with, after adverbs, where the parser read it
    as something else ("Monitors" tagged a plural noun); None for a title ("Types of Data",
    "Steps for Fine-Tuning with Transformers", "Spices for curries"), a plural subject
    ("Models learn") or a sentence already parsed as a verb."""
    words = [t for t in sentence if not t.is_space]
    start = next((i for i, t in enumerate(words) if t.tag_ != "RB"), len(words))
    after_semicolon = sentence.start > 0 and sentence.doc[sentence.start - 1].text == ";"  # "Runs on every node; talks to ..."
    if start >= len(words) - 1 or not (words[0].text[:1].isupper() or after_semicolon):
        return None
    word, following = words[start], words[start + 1:]
    if word.text.isupper() or word.tag_ not in _MISREAD_TAGS or word.lower_ in verbs:
        return None
    if not third_person_of(word.lower_, verbs) or _plural_subject(word) or _a_title(word, following, nouns):
        return None
    return word


def _a_title(word: Token, following: list[Token], nouns: frozenset[str]) -> bool:
    if following[0].lower_ == "of" or _title_case(following):
        return True  # "Types of Data", "Simplifies High-Dimensional Data"
    return _plural_of(word.lower_, nouns) and following[0].tag_ == "IN" and not _punctuated(word.doc)


def _plural_subject(word: Token) -> bool:
    """The subject of a verb in the plural ("learn", "can learn", "collect" tagged a bare verb)."""
    verb = word.head
    return word.dep_ == "nsubj" and (verb.tag_ in {"VBP", "VB"} or any(c.tag_ == "MD" for c in verb.children))


def third_person_of(lower: str, verbs: frozenset[str]) -> str:
    """The verb ``lower`` is the third person of ("classifies": classify), or ""."""
    return next((stem for stem in _stems(lower) if stem in verbs), "")


def _plural_of(lower: str, nouns: frozenset[str]) -> bool:
    return any(stem in nouns for stem in _stems(lower))


def _stems(lower: str) -> Iterator[str]:
    for ending, cut, added in (("ies", 3, "y"), ("s", 1, ""), ("es", 2, "")):  # "classifies", "scrapes", "pushes"
        if lower.endswith(ending):
            yield lower[:-cut] + added


def _title_case(words: list[Token]) -> bool:
    """Every content word capitalised: a heading, not a sentence."""
    content = [t for t in words if t.is_alpha and not t.is_stop]
    return bool(content) and all(t.text[:1].isupper() for t in content)


def _punctuated(doc: Doc) -> bool:
    """Written as a sentence: with a full stop, a semicolon or a comma."""
    return any(t.text in _SENTENCE_MARKS for t in doc)


def reparsed_fragments(nlp: Language, docs: Mapping[str, Doc], verbs: frozenset[str],
                       nouns: frozenset[str]) -> Iterator[tuple[str, Doc]]:
    """The passages of ``docs`` with fragments that open with a misread verb, each with its
    better parse (none without a lemmatizer's verbs to tell them by)."""
    if not verbs:
        return
    todo = {text: found for text, doc in docs.items()
            if (found := [w for s in doc.sents if (w := opening_verb(s, verbs, nouns)) is not None])}
    with_stand_ins = [_with_stand_ins(docs[text], found) for text, found in todo.items()]
    for (text, found), reparsed in zip(todo.items(), nlp.pipe(with_stand_ins)):
        if (better := _as_fragments(docs[text], reparsed, found, verbs)) is not None:
            yield text, better


def _with_stand_ins(doc: Doc, verbs: list[Token]) -> str:
    """``doc``'s text with "It" before each fragment, its first letter lowered."""
    starts = {verb.sent.start for verb in verbs}
    return "".join(f"{_STAND_IN} {t.text[0].lower()}{t.text[1:]}{t.whitespace_}" if t.i in starts else t.text_with_ws
                   for t in doc)


def _as_fragments(doc: Doc, reparsed: Doc, verbs: list[Token], known_verbs: frozenset[str]) -> Doc | None:
    """``reparsed`` without its stand-ins, on ``doc``'s words; None unless the words line up,
    each stand-in is the subject of its verb and no word hangs on a stand-in (it would hang
    on nothing without it). A verb's conjunct written as a third person is a verb too ("Runs
    on every node; talks to the API server")."""
    stand_ins = {verb.sent.start + n for n, verb in enumerate(sorted(verbs, key=lambda v: v.i))}
    kept = [t for t in reparsed if t.i not in stand_ins]
    if len(kept) != len(doc) or any(a.lower_ != b.lower_ for a, b in zip(doc, kept)):
        return None
    if any(t.head.i in stand_ins for t in kept):
        return None
    if not all(_subject_of_a_verb(reparsed[i]) for i in stand_ins):
        return None
    fragment = _on_words_of(doc, kept)
    for verb in verbs:
        for each in (fragment[verb.i], *fragment[verb.i].conjuncts):
            if each.i == verb.i or each.tag_ in _MISREAD_TAGS:
                _as_verb(each, known_verbs)
    return fragment


def _on_words_of(doc: Doc, kept: list[Token]) -> Doc:
    """``doc``'s words with the annotations of ``kept``, token for token."""
    position = {t.i: n for n, t in enumerate(kept)}
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               tags=[t.tag_ for t in kept], pos=[t.pos_ for t in kept], morphs=[str(t.morph) for t in kept],
               lemmas=[t.lemma_ for t in kept], deps=[t.dep_ for t in kept], heads=[position[t.head.i] for t in kept])


def _subject_of_a_verb(stand_in: Token) -> bool:
    """The stand-in is the subject of the verb right after it, adverbs apart."""
    verb = stand_in.head
    return stand_in.dep_ == "nsubj" and verb.tag_ == "VBZ" and verb.i > stand_in.i and \
        all(t.tag_ == "RB" for t in stand_in.doc[stand_in.i + 1:verb.i])


def _as_verb(token: Token, verbs: frozenset[str]) -> None:
    """A third person's tag and lemma ("Scrapes": scrape, where the lemmatizer says "scrap")."""
    if lemma := third_person_of(token.lower_, verbs):
        token.tag_, token.pos_, token.lemma_ = "VBZ", "VERB", lemma
