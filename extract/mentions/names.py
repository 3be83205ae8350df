"""Names the vocabulary knows (services and glossary concepts), found as spans and merged
into one token each, so that a multi-word name is one unit for every later stage.

Acronyms and capitalised single-word names ("S3", "Glue") match as written; every other
form matches in any case, singular or plural. A match the tagger reads as a verb or a
function word ("recall the ...") is not a name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..findings import CONCEPT, SERVICE, Mention
from ..frequency import zipf
from ..names import ends_in_plural, is_acronym, is_coined, plural
from ..vocabulary import CatalogueEntry, Vocabulary

__all__ = ["NameIndex", "protect_names", "name_of"]

_WORDS = re.compile(r"[a-z0-9]+")
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_NOT_NAMES = {"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART"}
_COMMON_WORD = 3.0  # zipf frequency above which a word is also an everyday English word


@dataclass
class NameIndex:
    """Two phrase matchers over one vocabulary: ``exact`` (as written) and ``folded`` (lower case)."""

    exact: PhraseMatcher
    folded: PhraseMatcher
    kinds: dict[str, str]  # canonical name -> SERVICE or CONCEPT

    @classmethod
    def build(cls, nlp: Language, vocabulary: Vocabulary, texts: Iterable[str] | None = None) -> NameIndex:
        """The matchers of every name of ``vocabulary``, or of those whose words all occur in
        ``texts`` (the passages about to be read: an edited section needs a few dozen names)."""
        exact, folded = PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="LOWER")
        present = None if texts is None else set(_WORDS.findall(" ".join(texts).lower()))
        kinds: dict[str, str] = {}
        exact_forms: dict[str, list[str]] = {}
        folded_forms: dict[str, list[str]] = {}
        for kind, entries in ((CONCEPT, vocabulary.concepts), (SERVICE, vocabulary.services)):
            for entry in entries:
                kinds[entry.name] = kind
                for form in _forms(entry):
                    if present is not None and not present.issuperset(_WORDS.findall(form.lower())):
                        continue
                    (exact_forms if _matched_as_written(form, kind) else folded_forms).setdefault(entry.name, []).append(form)
        for matcher, forms in ((exact, exact_forms), (folded, folded_forms)):
            for name, texts in forms.items():
                matcher.add(name, [_pattern(nlp, text) for text in dict.fromkeys(texts)])
        return cls(exact, folded, kinds)


def _pattern(nlp: Language, text: str) -> Doc:
    """A name as tokens: plain words split on spaces (as the tokenizer would, and faster:
    thousands of names are built at every read), anything else through the tokenizer."""
    if _PLAIN.fullmatch(text):
        return Doc(nlp.vocab, words=text.split())
    return nlp.make_doc(text)


def _forms(entry: CatalogueEntry) -> Iterable[str]:
    """Every spelling of an entry; concepts and resource types ("endpoints") in the plural
    too, never a service ("AWS Supports" is a verb, not AWS Support)."""
    countable = entry.kind in {CONCEPT, "resource"}
    for form in (entry.name, *entry.aliases):
        yield form
        if countable and not is_acronym(form.split()[-1]):
            yield " ".join([*form.split()[:-1], plural(form.split()[-1])])


def _matched_as_written(form: str, kind: str) -> bool:
    """Acronyms, and service names that could be ordinary words ("Config", "Keyspaces",
    "Relational Database Service") match only as written: "a config file" is not AWS Config.
    A name with a coined word of its own ("SageMaker", "sagemaker") matches in any case."""
    words = form.split()
    if len(words) == 1 and is_acronym(form):
        return True
    if kind != SERVICE:
        return False
    if len(words) == 1:
        return not is_coined(form)
    return all(zipf(word) >= _COMMON_WORD for word in words)


def protect_names(doc: Doc, index: NameIndex) -> Doc:
    """Merge every vocabulary name in ``doc`` into one token whose ``ent_type_`` is its kind
    and ``ent_id_`` its canonical name (the longest match wins where names overlap)."""
    matches = [Span(doc, start, end, label=match_id) for matcher in (index.exact, index.folded)
               for match_id, start, end in matcher(doc)]
    spans = [span for span in filter_spans(matches) if not (len(span) == 1 and span[0].pos_ in _NOT_NAMES)]
    with doc.retokenize() as retokenizer:
        for span in spans:
            name = span.label_
            kind = index.kinds[name]
            retokenizer.merge(span, attrs={"ENT_TYPE": kind, "ENT_IOB": 3, "ENT_ID": name, **_noun_tags(span, kind)})
    return doc


def _noun_tags(span: Span, kind: str) -> dict[str, str]:
    """A name is a noun, whatever the tagger made of its last word ("SageMaker notebook
    instances" with "instances" read as a verb: a plural noun then)."""
    tags = {"POS": "PROPN" if kind == SERVICE else "NOUN"}
    if not span.root.tag_.startswith("NN"):
        plural = not is_acronym(span[-1].text) and ends_in_plural(span[-1].text)
        tags["TAG"] = ("NNP" if kind == SERVICE else "NN") + ("S" if plural else "")
    return tags


def name_of(token) -> Mention | None:
    """The vocabulary name a merged token stands for, or None."""
    if token.ent_type_ in (SERVICE, CONCEPT) and token.ent_id_:
        return Mention(token.text, token.ent_type_, token.ent_id_)
    return None
