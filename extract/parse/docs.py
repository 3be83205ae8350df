"""Passages through spaCy: ``nlp.pipe`` in batches, each distinct passage once (the same
paragraph copied into three notes is parsed once)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["parse_passages"]

_BATCH = 64


def parse_passages(nlp: Language, texts: Iterable[str], known: Mapping[str, Doc] | None = None) -> dict[str, Doc]:
    """Each distinct text of ``texts`` parsed, by text; ``known`` parses are reused."""
    known = known or {}
    wanted = list(dict.fromkeys(texts))
    parsed = {text: known[text] for text in wanted if text in known}
    todo = [text for text in wanted if text not in parsed]
    for text, doc in zip(todo, nlp.pipe(todo, batch_size=_BATCH)):
        parsed[text] = doc
    return parsed
