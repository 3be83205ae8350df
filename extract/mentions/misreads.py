"""Words the tagger read as verbs where the parse itself shows a noun: "automates the entire
machine learning workflow" with "workflow" tagged as a verb, yet a determiner and a compound
hang on it. No verb takes those. Such a noun right after a preposition left without an
object is that preposition's object ("Used for data pre-processing"). And the tokenizer's and
tagger's slips that make words of no name: a fragment's opening adverb read as its subject, a
letter cut from its number, a bare -ing word listed with one that takes the object they share."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..frequency import is_adverb, zipf

__all__ = ["nouns_read_as_verbs", "names_listed_as_modifiers", "rare_words_read_as_adverbs", "adverbs_read_as_names", "subjects_read_as_commands", "gerund_of_a_shared_object", "unit_of_a_number", "gerund_after_a_marker"]

_NOUN_MODIFIERS = {"det", "compound", "poss", "nummod", "amod"}
_VERB_ARGUMENTS = {"nsubj", "nsubjpass", "csubj", "dobj", "aux", "auxpass", "neg", "prt"}
_BARE_FORMS = {"VB", "VBP"}  # "workflow", "report": forms a noun can be mistaken for
_CLAUSE_DEPS = {"ccomp", "xcomp"}
_EXAMPLE_MARKERS = {"including", "like", "as"}
_GERUND_MARKERS = _EXAMPLE_MARKERS | {"by"}


def nouns_read_as_verbs(doc: Doc) -> Doc:
    """``doc`` with each such word tagged a noun again (its dependencies are kept)."""
    for token in doc:
        if token.tag_ in _BARE_FORMS and _has_noun_modifiers(token):
            token.pos_, token.tag_ = "NOUN", "NN"
        if token.tag_ == "VBG" and token.dep_ in {"pobj", "pcomp"} and token.head.lower_ in _EXAMPLE_MARKERS \
                and not any(c.dep_ == "dobj" for c in token.children):
            _examples_read_as_acts(token)
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in _CLAUSE_DEPS and token.left_edge.i > 0:
            before = doc[token.left_edge.i - 1]
            if before.dep_ == "prep" and before.head == token.head and not any(before.children):
                token.head, token.dep_ = before, "pobj"
    return doc


_RARE_WORD = 3.0  # zipf: adverbs and lone verbs are everyday words; a rarer word the tagger calls one is a noun


def rare_words_read_as_adverbs(doc: Doc) -> Doc:
    """``doc`` with a rare word the tagger took for an adverb ("Ribosomes translate mRNA",
    "free ribosomes float") made a noun again, the subject of the verb right after it when
    that verb has none; and a rare word standing alone, whatever the tagger took it for."""
    alone = [t for t in doc if t.is_alpha]
    if len(alone) == 1 and alone[0].tag_ in _BARE_FORMS | {"VBZ"} and zipf(alone[0].lower_) < _RARE_WORD:
        alone[0].pos_, alone[0].tag_ = "NOUN", "NN"  # a lone rare word ("pyruvate" in a table cell) names a thing
    for token in doc:
        if token.tag_ == "RB" and token.is_alpha and not token.lower_.endswith("ly") and zipf(token.lower_) < _RARE_WORD:
            _as_a_noun(token)
    return doc


def _as_a_noun(token: Token) -> None:
    """The word a noun, the subject of the verb right after it when that has none."""
    token.pos_, token.tag_ = "NOUN", "NNS" if token.lower_.endswith("s") else "NN"
    verb = token.nbor() if token.i + 1 < len(token.doc) else None
    if verb is not None and verb.pos_ == "VERB" and token.head == verb and \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        token.dep_ = "nsubj"


def names_listed_as_modifiers(doc: Doc) -> Doc:
    """``doc`` with each name hung as a modifier on the noun before it across a comma made
    the next item of its list."""
    for token in doc:
        if _listed_after_a_comma(token):
            token.dep_ = "conj"
    return doc


def _listed_after_a_comma(token) -> bool:
    """"such as slow start, CUBIC and BBR": a name hung as a modifier on the noun before it,
    across a comma, is the next item of a list, no modifier (modifiers come before their noun)."""
    head = token.head
    return token.pos_ == "PROPN" and token.dep_ in {"amod", "compound", "nmod"} and head.i < token.i and \
        any(t.text == "," for t in token.doc[head.i + 1:token.i])


def adverbs_read_as_names(doc: Doc) -> Doc:
    """``doc`` with a capitalised adverb that opens a fragment and was parsed as its subject
    ("Dynamically scales to handle millions of requests") tagged an adverb of its verb again:
    the fragment has no subject of its own."""
    for token in doc:
        if token.is_sent_start and token.tag_ == "NNP" and token.dep_ == "nsubj" and not any(token.children) \
                and is_adverb(token.text):
            token.pos_, token.tag_, token.dep_ = "ADV", "RB", "advmod"
    return doc


def subjects_read_as_commands(doc: Doc) -> Doc:
    """``doc`` with a sentence's opening noun-noun subject that the parser read as a command
    and its object ("Read replicas use asynchronous replication", "Sort keys determine the
    order") made a subject again: its first word a modifier of the second."""
    for sentence in doc.sents:
        first, root = sentence[0], sentence.root
        second = first.nbor(1) if first.i + 1 < sentence.end else None
        if second is None or not _command_before_the_verb(first, second, root):
            continue
        first.pos_, first.tag_, first.dep_, first.head = "NOUN", "NN", "compound", second
        second.dep_, second.head = "nsubj", root
        if root.tag_ == "VB" and second.tag_ == "NNS":
            root.tag_ = "VBP"  # a present verb with its subject, no longer a command
    return doc


def _command_before_the_verb(first: Token, second: Token, root: Token) -> bool:
    """A bare verb and the noun after it, and nothing else, before a verb without a subject of its own."""
    if first.tag_ != "VB" or first.dep_ not in {"csubj", "advmod"} or second.pos_ != "NOUN" or root.i <= second.i:
        return False
    alone = second.head in (first, root) and not [c for c in first.children if c != second]
    return alone and not any(c.dep_ in {"nsubj", "nsubjpass"} and c != second for c in root.children)


def _examples_read_as_acts(token: Token) -> None:
    """"identifying issues like overfitting and underfitting by analyzing metrics": the -ing
    words are examples (nouns), and the means they carry is the act's whose object they list."""
    for example in (token, *(c for c in token.children if c.dep_ == "conj" and c.lower_.endswith("ing"))):
        example.pos_, example.tag_ = "NOUN", "NN"
        for means in [c for c in example.children if c.dep_ == "prep" and c.lower_ == "by"]:
            means.head = token.head.head


def _has_noun_modifiers(token) -> bool:
    children = list(token.children)
    return any(c.dep_ in _NOUN_MODIFIERS and c.i < token.i for c in children) and \
        not any(c.dep_ in _VERB_ARGUMENTS for c in children)


def gerund_of_a_shared_object(head: Token) -> bool:
    """"for storing, retrieving, and sharing features": a bare -ing word listed with one that
    takes an object is a verb of that object, no thing of its own."""
    if not head.lower_.endswith("ing") or any(c.dep_ in {"compound", "amod", "nmod", "det"} for c in head.lefts):
        return False
    return any(c.dep_ == "dobj" for t in (head, *head.conjuncts) for c in t.children)


def unit_of_a_number(token: Token) -> bool:
    """"40M parameter models", "8x GPUs", "a 70% discount": a letter or sign the tokenizer cut from its number."""
    return len(token.text) <= 2 and (token.is_alpha or token.text == "%") and token.i > 0 and token.nbor(-1).like_num \
        and not token.nbor(-1).whitespace_


def gerund_after_a_marker(token: Token) -> bool:
    """"including generating images", "by training models": an -ing verb right after "by" or
    an example marker is the verb of what follows, though the parser hung it on the noun."""
    return token.tag_ == "VBG" and token.i > 0 and token.nbor(-1).lower_ in _GERUND_MARKERS
