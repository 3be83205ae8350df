"""Passages through spaCy: ``nlp.pipe`` in batches, each distinct passage once, parses
kept in a ``DocBin`` so a changed note parses only its changed passages."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.language import Language
from spacy.tokens import Doc, DocBin

__all__ = ["parse_passages", "docs_to_bytes", "docs_from_bytes"]

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


def docs_to_bytes(docs: Iterable[Doc]) -> bytes:
    """Parses serialised together (tags, dependencies, lemmas, sentences)."""
    return DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "POS", "MORPH", "LEMMA", "SENT_START"],
                  docs=docs, store_user_data=False).to_bytes()


def docs_from_bytes(data: bytes, nlp: Language) -> dict[str, Doc]:
    """Parses read back by :func:`docs_to_bytes`, by their text."""
    return {doc.text: doc for doc in DocBin().from_bytes(data).get_docs(nlp.vocab)}
