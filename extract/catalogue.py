"""Find catalogue names (AWS services, glossary concepts) in parsed text."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .naming import is_acronym, plural
from .vocabulary import CatalogueEntry

__all__ = ["CatalogueMatch", "CatalogueMatcher", "is_brand"]

_NOUN_TAGS = {"NNP", "NNPS", "NN", "NNS"}


@dataclass(frozen=True)
class CatalogueMatch:
    """A catalogue entry named at tokens ``start:end`` of a doc."""

    name: str
    start: int
    end: int


def is_brand(text: str) -> bool:
    """A name that cannot be an ordinary word in any casing: "SageMaker", "S3", "Amazon X"."""
    words = text.split()
    return any(is_acronym(w) or any(c.isupper() for c in w[1:]) for w in words) or words[0].casefold() in {"amazon", "aws"}


class CatalogueMatcher:
    """Matches every name and alias of catalogue entries, longest match first.

    Brand-like names match in any casing ("Sagemaker Pipelines"); other names need a
    capital somewhere ("Model monitor", not "model monitor"), so ordinary words stay
    ordinary. A
    single-word alias that is also an English verb ("Translate", "Clarify") only counts
    where the parser reads it as a name, not as a verb.
    """

    def __init__(self, nlp: Language, entries: Iterable[CatalogueEntry]):
        self._vocab = nlp.vocab
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._caseless = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._verbs = _verb_lemmas(nlp)
        self._cased: set[str] = set()  # multi-word names written with capitals ("Model Monitor")
        self.entries: dict[str, CatalogueEntry] = {}
        for entry in entries:
            self.entries[entry.name] = entry
            forms = {entry.name, *entry.aliases}
            forms |= {" ".join(f.split()[:-1] + [plural(f.split()[-1])]) for f in forms if f.split()[-1][:1].islower()}
            for form in sorted(forms):
                matcher = self._caseless if is_brand(form) or len(form.split()) > 1 else self._exact
                matcher.add(entry.name, [nlp.make_doc(form)])
                if len(form.split()) > 1 and not is_brand(form) and form != form.lower():
                    self._cased.add(form.casefold())

    def __call__(self, doc: Doc | Span) -> list[CatalogueMatch]:
        """Non-overlapping matches in ``doc``, longest first, in text order."""
        doc_obj = doc.doc if isinstance(doc, Span) else doc
        offset = doc.start if isinstance(doc, Span) else 0
        spans = []
        for matcher in (self._exact, self._caseless):
            for match_id, start, end in matcher(doc):
                span = Span(doc_obj, start + offset, end + offset, label=match_id)
                if self._plausible(span):
                    spans.append(span)
        return [CatalogueMatch(self._vocab.strings[s.label], s.start, s.end) for s in filter_spans(spans)]

    def _plausible(self, span: Span) -> bool:
        if len(span) > 1:
            # "Model Monitor" may open a sentence in lower case ("Serverless inference"),
            # but all in lower case ("a model monitor") it is an ordinary phrase.
            return span.text.casefold() not in self._cased or any(t.text[:1].isupper() for t in span)
        token = span[0]
        if is_acronym(token.text) or any(c.isupper() for c in token.text[1:]):
            return True
        if token.lower_ not in self._verbs:
            return True
        # "Translate user-generated content" is the verb; "Amazon's Translate supports" the name.
        return token.tag_ in _NOUN_TAGS and not (token.is_sent_start and token.dep_ == "ROOT")


def _verb_lemmas(nlp: Language) -> frozenset[str]:
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(table["verb"])
    except (KeyError, ValueError):
        return frozenset()
