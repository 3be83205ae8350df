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


def parse_passages(nlp: Language, texts: Iterable[str], known: Mapping[str, Doc] | None = None) -> dict[str, Doc]:
    """Each distinct text of ``texts`` parsed, by text; ``known`` parses are reused."""
    known = known or {}
    wanted = list(dict.fromkeys(texts))
    parsed = {text: known[text] for text in wanted if text in known}
    todo = [text for text in wanted if text not in parsed]
    fresh = dict(zip(todo, nlp.pipe(todo, batch_size=_BATCH)))
    verbs, nouns = known_verbs(nlp), known_lemmas(nlp, "noun")
    fresh.update(reparsed_fragments(nlp, fresh, verbs, nouns))
    fresh = {text: with_second_verbs(with_verb_lists(doc, verbs, nouns), verbs) for text, doc in fresh.items()}
    return parsed | fresh
