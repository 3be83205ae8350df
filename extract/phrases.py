"""Noun phrases that can name a concept: built from a head token of a spaCy parse.

Only syntax lives here; which phrases become graph nodes is decided by the registry.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Lexicon
from .naming import entity_key, is_acronym, singular

__all__ = ["Phrase", "noun_phrase", "coordinated_phrase", "is_nounish", "normalise_case", "modifier_start"]

_MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "quantmod", "nummod"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS", "FW", "XX"}
_DROP_POS = {"DET", "PRON", "PUNCT", "CCONJ", "ADP", "PART", "SYM", "NUM"}
_PLURAL_TAGS = {"NNS", "NNPS"}
_FINITE = {"VBZ", "VBP", "VBD", "MD"}


@dataclass(frozen=True)
class Phrase:
    """A candidate concept: its display name, the surface text and the token range."""

    name: str
    surface: str
    start: int
    end: int
    head: int

    @property
    def key(self) -> str:
        """The key under which this phrase merges with other spellings."""
        return entity_key(self.name)


def is_nounish(token: Token) -> bool:
    """A token that can head a noun phrase (nouns, proper nouns, nominal gerunds)."""
    if token.pos_ in {"NOUN", "PROPN"} or token.tag_ in _NOUN_TAGS:
        return True
    return token.tag_ == "VBG" and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "ROOT"}


def _case(token: Token, lexicon: Lexicon) -> str:
    """The token as it reads inside a concept name: lower case unless the notes write it
    capitalised mid-sentence (a name such as "Bayesian"), an acronym or a brand."""
    return normalise_case(token.text, lexicon.proper_words)


def normalise_case(word: str, proper_words: frozenset[str]) -> str:
    """Lower-case a word unless it is an acronym, a brand ("JupyterLab") or a proper word."""
    if is_acronym(word) or any(c.isupper() for c in word[1:]):
        return word
    if word[:1].isupper() and word.casefold() in proper_words:
        return word
    return word.lower()


def _modifies(token: Token, head: Token) -> bool:
    """True when ``token`` reaches ``head`` through modifier arcs only."""
    if token.pos_ in {"DET", "PRON"} or token.text in "()[],;:\"'":
        return False
    node = token
    while node.i != head.i:
        hyphen = node.dep_ == "punct" and node.text in "-–/"
        # an adverb counts when it qualifies a modifier: "personally identifiable information"
        qualifier = node.dep_ == "advmod" and node.head.dep_ in {"amod", "compound"}
        if node.dep_ not in _MODIFIER_DEPS and not hyphen and not qualifier or node.head.i == node.i:
            return False
        node = node.head
    return True


def modifier_start(head: Token) -> int:
    """The first token of the head's left modifiers (compounds, adjectives, hyphen chains)."""
    doc = head.doc
    start = head.i
    while start > 0:
        previous = doc[start - 1]
        glued = previous.whitespace_ == "" and previous.text not in "([\"',;:" and previous.tag_ != "POS"
        if _modifies(previous, head) or glued:
            start -= 1
            continue
        # A hyphenated word before the head ("speech-to-text conversion") whatever its parse.
        group = start - 1
        while group > 0 and doc[group - 1].whitespace_ == "" and doc[group - 1].text not in "([\"',;:":
            group -= 1
        if group < start - 1 and any(_modifies(t, head) for t in doc[group:start]):
            start = group
            continue
        break
    return start


def _name_tokens(tokens: list[Token], head: Token, lexicon: Lexicon) -> list[Token]:
    """Drop leading determiners, numbers, vague adjectives and their adverbs; a name
    keeps only its own words ("open-source JupyterLab" is "JupyterLab")."""
    kept = list(tokens)
    if head.pos_ == "PROPN" and head.tag_ in {"NNP", "NNPS"}:
        while len(kept) > 1:
            end = 0
            while end < len(kept) - 1 and not kept[end].whitespace_:
                end += 1  # a hyphenated word is kept or dropped whole ("open-source", "Text-to-Speech")
            word = [t for t in kept[:end + 1] if t.is_alpha]
            if kept[end].i == head.i or all(t.tag_ in {"NNP", "NNPS"} and t.text[:1].isupper() for t in word[-1:]):
                break
            kept = kept[end + 1:]
    while len(kept) > 1:
        end = 0
        while end < len(kept) - 1 and not kept[end].whitespace_:
            end += 1  # the first word, hyphenated pieces together ("high-quality")
        if end == len(kept) - 1:
            break
        word = "".join(t.text_with_ws for t in kept[:end + 1]).strip().casefold()
        if end == 0 and kept[0].pos_ in _DROP_POS or word in lexicon.vocabulary.vague_modifiers:
            kept = kept[end + 1:]
        else:
            break
    while len(kept) > 1 and kept[0].is_punct:
        kept = kept[1:]
    return kept


def _render(tokens: list[Token], head: Token, lexicon: Lexicon) -> str:
    parts = []
    unmatched = _unmatched_brackets(tokens)
    for token in tokens:
        if token.i in unmatched:
            if token.whitespace_ and parts and not parts[-1].endswith(" "):
                parts[-1] += " "  # "(k-NN) indexes" names "k-NN index"
            continue
        word = _case(token, lexicon)
        if token.i == head.i and token.tag_ in _PLURAL_TAGS and not is_acronym(word):
            lemma = token.lemma_
            word = (lemma if lemma.casefold() != word.casefold() and word.casefold().startswith(lemma.casefold()[:-1])
                    else singular(word))
            if _case(token, lexicon)[:1].isupper() and word[:1].islower():
                word = word[:1].upper() + word[1:]
        parts.append(word + (token.whitespace_ and " "))
    return "".join(parts).strip()


def _unmatched_brackets(tokens: list[Token]) -> set[int]:
    """Indexes of the brackets in ``tokens`` that open or close outside them."""
    unmatched: set[int] = set()
    open_ones: list[int] = []
    for token in tokens:
        if token.text in "([":
            open_ones.append(token.i)
        elif token.text in ")]":
            if open_ones:
                open_ones.pop()
            else:
                unmatched.add(token.i)
    return unmatched | set(open_ones)


def _make_phrase(tokens: list[Token], head: Token, lexicon: Lexicon,
                 strip: frozenset[str] = frozenset(), explicit: bool = False) -> Phrase | None:
    """The phrase of ``tokens`` unless it is no name; ``explicit`` when the caller chose
    the tokens (a participle it knows belongs to the noun)."""
    if not tokens:
        return None
    # "vector search capabilities" names "vector search"; a bare "capabilities" names nothing.
    if head.lemma_.casefold() in strip or head.text.casefold() in strip:
        compounds = [t for t in tokens if t.i < head.i and t.dep_ in {"compound", "nmod"}]
        if not compounds:
            return None
        first = min(t.i for t in tokens if t.i < head.i)
        while first > tokens[0].i and head.doc[first - 1].whitespace_ == "":
            first -= 1  # keep a hyphenated modifier whole: "no-code service" names "no-code"
        tokens = [t for t in tokens if t.i < head.i and t.i >= first]
        head = tokens[-1]
    first = tokens[0]
    if first.tag_ in {"WRB", "WDT", "WP"}:
        return None  # "how many predictions"
    if first.lemma_.casefold() in lexicon.verb_only and (
            first.tag_ in {"VB", "VBP", "VBZ", "NN", "NNS"} or first.is_title and head.tag_ in {"NNS", "NNPS"}):
        return None  # a verb the tagger read as a noun: "annotate dataset", "Automate responses" (not "Shuffle Type")
    if len(tokens) == 1 and first.tag_ != "NNS" and {first.lower_, first.lemma_.casefold()} & lexicon.adjective_lemmas \
            and first.lemma_.casefold() not in lexicon.noun_lemmas:
        return None  # an adjective standing alone: "customizable", "synthetic"
    if len(tokens) > 1 and tokens[0].is_sent_start and tokens[0].lower_ in lexicon.verb_lemmas \
            and tokens[0].lower_ == tokens[0].lemma_.casefold() and not any(t.tag_ in _FINITE for t in tokens[0].sent):
        return None  # an instruction read as a noun phrase: "Use serverless tools", "Test models"
    if len(tokens) > 1 and tokens[0].tag_ == "VBG" and tokens[0].pos_ == "VERB" and tokens[0].dep_ not in {"amod", "compound", "nmod"} \
            and not explicit:
        return None  # a gerund clause: "building complex systems involves ..." (not "streaming data")
    if len(tokens) == 1 and head.tag_ == "VBG" and lexicon.verb_of_gerund(head.lower_) or not explicit and any(
            t.pos_ == "VERB" and t.tag_ not in {"VBN", "VBG"} or t.pos_ == "ADV" and t.dep_ != "advmod" for t in tokens[:-1]):
        return None  # a bare gerund ("managing", not "overfitting") or a misparse with a verb inside
    if any(t.text in ",;" for t in tokens):
        return None  # "high-precision, image analysis": a list, not a name
    name = _render(tokens, head, lexicon).lstrip("-–/*•·. ")
    key = entity_key(name)
    if not key or key.isdigit() or name.casefold() in lexicon.vocabulary.stop_concepts or key in lexicon.stop_keys:
        return None
    if len(name) < 2 or not any(c.isalpha() for c in name):
        return None
    surface = head.doc[tokens[0].i:head.i + 1].text
    return Phrase(name=name, surface=surface, start=tokens[0].i, end=head.i + 1, head=head.i)


def noun_phrase(head: Token, lexicon: Lexicon, *, strip_generic: bool = True, strip_product: bool = False,
                start: int | None = None) -> Phrase | None:
    """The concept named by the noun phrase headed by ``head``, or None.

    Determiners, possessives, numbers and vague adjectives are dropped; a transparent
    head passes to its ``of`` object ("the use of batch transforms" -> "batch transform");
    stop words ("solution", "you") name nothing; coordinated modifiers under one head
    name one concept ("image and video analysis").
    """
    if not is_nounish(head):
        return None
    if head.lemma_.casefold() in lexicon.vocabulary.transparent_heads:
        target = _of_object(head)
        if target is not None:
            return noun_phrase(target, lexicon, strip_generic=strip_generic, strip_product=strip_product)
    strip: frozenset[str] = frozenset()
    if strip_generic:
        strip = lexicon.vocabulary.generic_heads | (lexicon.vocabulary.service_heads if strip_product else frozenset())
    if start is not None:
        return _plain_phrase(head, lexicon, strip, start=start, explicit=True)
    coordinated = coordinated_phrase(head, lexicon)
    if coordinated is not None:
        return coordinated[0]
    last = _glued_end(head)
    if last.i != head.i:
        # "Speech-to-text": the parse may hang the word on its first piece.
        return _plain_phrase(last, lexicon, strip, start=modifier_start(head))
    return _plain_phrase(head, lexicon, strip)


def _glued_end(head: Token) -> Token:
    """The last piece of a hyphenated word that starts at ``head``."""
    doc = head.doc
    end = head.i
    while end + 1 < len(doc) and doc[end].whitespace_ == "" and (doc[end + 1].text in "-–" or doc[end].text in "-–"):
        end += 1
    return doc[end] if end > head.i and doc[end].is_alpha else head


def _plain_phrase(head: Token, lexicon: Lexicon, strip: frozenset[str] = frozenset(),
                  start: int | None = None, explicit: bool = False) -> Phrase | None:
    start = modifier_start(head) if start is None else start
    tokens = _name_tokens(list(head.doc[start:head.i + 1]), head, lexicon)
    return _make_phrase(tokens, head, lexicon, strip, explicit)


def _of_object(head: Token) -> Token | None:
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ in {"pobj", "pcomp"}:
                    return grandchild
    return None


def _chain(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_chain(child))
    return found


_COORDINABLE = {"NN", "NNS", "NNP", "NNPS", "JJ"}


def _coordination(token: Token) -> tuple[list[Token], Token] | None:
    """The coordinated modifiers and their shared head, in either shape spaCy gives:
    ``image(pobj) and video(compound) analysis(conj)`` or
    ``image(compound) and video(conj of image) analysis``."""
    if token.dep_ == "conj" and token.head.i < token.i and token.head.tag_ in {"NN", "JJ"} and not any(
            c.dep_ in _MODIFIER_DEPS for c in token.head.lefts):
        # Only a singular bare noun can share the head: "GPUs or inferential chips" are two things.
        first, head = token.head, token
        modifiers = [t for t in head.lefts if t.dep_ in {"compound", "nmod"} and t.tag_ in {"NN", "NNP"}]
        between = token.doc[first.i + 1:modifiers[0].i] if modifiers else []
        if modifiers and head.i - first.i <= 8 and not any(t.dep_ == "amod" for t in head.lefts) \
                and [t.lower_ for t in between] in (["and"], ["or"]):
            return [first] + [t for t in _chain(first)[1:] if t.i < head.i] + [modifiers[0]], head
    if any(c.dep_ == "conj" and c.i > token.i for c in token.children) and token.dep_ not in _MODIFIER_DEPS:
        last = _chain(token)[-1]
        return _coordination(last) if last.dep_ == "conj" and last.head.i == token.i else None
    for child in token.lefts:
        if child.dep_ in {"compound", "nmod"} and child.tag_ in {"NN", "NNP"} and any(c.dep_ == "conj" for c in child.children):
            # Nouns share a head ("image and video analysis"); adjectives ("raw, unstructured
            # or semi-structured data") only describe it.
            chain = [t for t in _chain(child) if t.i < token.i]
            if len(chain) > 1 and all(t.tag_ in {"NN", "NNP", "NNS"} for t in chain):
                return chain, token
    return None


def coordinated_phrase(head: Token, lexicon: Lexicon) -> tuple[Phrase, list[str]] | None:
    """``image and video analysis``: modifiers coordinated under one shared head.

    Returns the whole phrase and the names it stands for ("image analysis", "video
    analysis"), or None when ``head`` is no part of such a phrase.
    """
    found = _coordination(head)
    if found is None:
        return None
    modifiers, shared = found
    if shared.lemma_.casefold() in lexicon.vocabulary.generic_heads or shared.lemma_.casefold() in lexicon.vocabulary.stop_concepts:
        return None
    if any(t.tag_ not in _COORDINABLE or t.lower_ in lexicon.vocabulary.vague_modifiers for t in modifiers):
        return None
    doc = head.doc
    if any(t.text in "()[]:;" for t in doc[modifiers[0].i:shared.i]):
        return None
    # The shared part: the head with the modifiers after the last coordinated one.
    tail = _plain_phrase(shared, lexicon, lexicon.vocabulary.generic_heads, start=max(modifiers[-1].i + 1, modifier_start(shared)))
    if tail is None:
        return None
    words = [_case(t, lexicon) for t in modifiers]
    joined = f"{words[0]} and {words[1]}" if len(words) == 2 else ", ".join(words[:-1]) + f", and {words[-1]}"
    name = f"{joined} {tail.name}"
    parts = [f"{word} {tail.name}" for word in words]
    phrase = Phrase(name=name, surface=doc[modifiers[0].i:shared.i + 1].text, start=modifiers[0].i, end=shared.i + 1, head=shared.i)
    return phrase, parts
