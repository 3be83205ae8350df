"""Hyphenated words ("pre-processing", "key-value", "text-to-image") joined into one token.

The tagger splits a hyphenated word at each hyphen and often parses the pieces as separate
words ("pre" the object, "processing" an adjective), which cuts the phrases built on them.
Joined, the word takes its place in the parse from the piece nearest the root, and is an
adjective where it describes a noun ("transformer-based model", "is cost-effective") and a
verb where the tagger read its last piece as one ("fine-tune models"), and a noun otherwise
("post-processing", "Cherry-pick: ...").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..findings import SERVICE
from .misreads import adverbs_read_as_names, names_listed_as_modifiers, nouns_read_as_verbs, rare_words_read_as_adverbs, \
    subjects_read_as_commands
from .names import NameIndex, protect_names

__all__ = ["join_hyphenated", "single_tokens"]

_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}
_VERB_TAGS = {"VB", "VBP", "VBZ", "VBD"}
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "ROOT"}
_MODIFIER_TAGS = {"JJ", "JJR", "JJS", "VBN", "RB", "RP"}  # "cost-effective", "fine-tuned", "held-out"
_VERB_DEPS = {"ROOT", "conj", "xcomp", "advcl", "relcl", "ccomp", "pcomp", "acl"}


def single_tokens(doc: Doc, index: NameIndex) -> Doc:
    """``doc`` as every later stage reads it: each vocabulary name and each hyphenated word one token."""
    doc = nouns_read_as_verbs(join_hyphenated(protect_names(doc, index)))
    return subjects_read_as_commands(adverbs_read_as_names(names_listed_as_modifiers(rare_words_read_as_adverbs(doc))))


def join_hyphenated(doc: Doc) -> Doc:
    """Merge every run of words joined by hyphens without spaces into one token."""
    spans = list(_hyphenated_runs(doc))
    with doc.retokenize() as retokenizer:
        for span in spans:
            last = span[-1]
            if last.tag_ in _VERB_TAGS and span.root.dep_ in _VERB_DEPS:
                attrs = {"POS": "VERB", "TAG": last.tag_}  # "fine-tune models", "re-trains"
            elif not _argument(span) and (_modifies(span) or last.tag_ in _MODIFIER_TAGS):
                attrs = {"POS": "ADJ", "TAG": "JJ"}
            else:
                attrs = {"POS": "NOUN", "TAG": last.tag_ if last.tag_ in _NOUN_TAGS else "NN"}
            attrs["LEMMA"] = span.text[: -len(last.text)] + last.lemma_
            attrs.update({"ENT_TYPE": "", "ENT_ID": "", "ENT_IOB": 2})
            retokenizer.merge(span, attrs=attrs)
    return doc


def _modifies(span: Span) -> bool:
    """"key-value store", "is cost-effective": the word describes a noun rather than naming one."""
    root = span.root
    before_its_head = root.head.i >= span.end and root.dep_ in _MODIFIER_DEPS
    return before_its_head or root.dep_ == "acomp" or (root.dep_ == "amod" and root.head.i < span.start)


def _argument(span: Span) -> bool:
    """A subject, object or coordinated noun: "Combines pre-processing and post-processing"."""
    root = span.root
    return root.dep_ in _ARGUMENT_DEPS or (root.dep_ == "conj" and root.head.pos_ in {"NOUN", "PROPN"})


def _hyphenated_runs(doc: Doc):
    """Spans of word-hyphen-word(-word...) with no space around any hyphen; a piece that
    is a service name ("SageMaker-managed") keeps the name whole and is left alone; a concept
    name inside one ("transformer-based") is only a part of the word."""
    i = 0
    while i < len(doc):
        end = i
        while _joined_at(doc, end):
            end += 2
        if end > i and not any(t.ent_type_ == SERVICE for t in doc[i:end + 1]):
            yield Span(doc, i, end + 1)
        i = end + 1


def _joined_at(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` and ``doc[i + 2]`` are words joined by a bare hyphen."""
    if i + 2 >= len(doc):
        return False
    word, hyphen, following = doc[i], doc[i + 1], doc[i + 2]
    return hyphen.text == "-" and not word.whitespace_ and not hyphen.whitespace_ and \
        _word(word.text) and _word(following.text) and any(c.isalpha() for c in word.text + following.text)


def _word(text: str) -> bool:
    """Letters and digits, and an underscore inside ("L_p" of "L_p-norm")."""
    return text.replace("_", "").isalnum() and not text.startswith("_") and not text.endswith("_")
