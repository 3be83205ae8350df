"""Passages through spaCy: ``nlp.pipe`` in batches, each distinct passage once (the same
paragraph copied into three notes is parsed once); a fragment opening with a verb the parser
misread is parsed again as a sentence (``fragments``); a list of verbs sharing an object, and a
verb after "and" read as a noun, are parsed as verbs (``verb_lists``, ``second_verbs``)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc

from .fragments import reparsed_fragments
from .pipeline import known_lemmas, known_verbs
from .second_verbs import with_second_verbs
from .verb_lists import with_verb_lists

__all__ = ["parse_passages"]

_BATCH = 64
_REREADING = "It "  # how verb_first_variant opens a passage read again


def parse_passages(nlp: Language, texts: Iterable[str], known: Mapping[str, Doc] | None = None) -> dict[str, Doc]:
    """Each distinct text of ``texts`` parsed, by text; ``known`` parses are reused. A re-reading
    of a passage after "It" (``verb_first_variant``) is parsed only when it is asked for: most are
    never needed, their passage read right the first time."""
    known = known or {}
    wanted = list(dict.fromkeys(texts))
    parsed = {text: known[text] for text in wanted if text in known}
    todo = [text for text in wanted if text not in parsed]
    later = {text for text in todo if text.startswith(_REREADING)}
    return _Parses(nlp, parsed | _parsed(nlp, [text for text in todo if text not in later]), later)


class _Parses(dict):
    """Parses by text; the ``later`` texts are parsed when first asked for."""

    def __init__(self, nlp: Language, parses: dict[str, Doc], later: set[str]):
        super().__init__(parses)
        self.nlp, self.later = nlp, later

    def __contains__(self, text: object) -> bool:
        return super().__contains__(text) or text in self.later

    def __missing__(self, text: str) -> Doc:
        if text not in self.later:
            raise KeyError(text)
        self[text] = _parsed(self.nlp, [text])[text]
        return self[text]


def _parsed(nlp: Language, texts: list[str]) -> dict[str, Doc]:
    fresh = dict(zip(texts, nlp.pipe(texts, batch_size=_BATCH)))
    verbs, nouns = known_verbs(nlp), known_lemmas(nlp, "noun")
    fresh.update(reparsed_fragments(nlp, fresh, verbs, nouns))
    return {text: with_second_verbs(with_verb_lists(doc, verbs, nouns), verbs) for text, doc in fresh.items()}
