"""Which texts of a note go through spaCy: every block's text, label and heading, long
texts cut into sentence-sized passages. Code blocks are not prose and are not parsed."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Block, Note

__all__ = ["MAX_PASSAGE", "passages", "block_passages", "note_passages", "is_prose", "verb_first_variant", "named_subject_variant"]

MAX_PASSAGE = 2_000  # characters; longer texts are cut at sentence ends, then at spaces
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def is_prose(block: Block) -> bool:
    """Code is shown in notes, never read as statements."""
    return block.kind != "code"


def passages(text: str) -> list[str]:
    """``text`` as passages of at most MAX_PASSAGE characters, cut at sentence ends where
    possible.

    >>> passages("One. Two.")
    ['One. Two.']
    """
    text = text.strip()
    if len(text) <= MAX_PASSAGE:
        return [text] if text else []
    out: list[str] = []
    current = ""
    for piece in _pieces(text):
        if current and len(current) + 1 + len(piece) > MAX_PASSAGE:
            out.append(current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    return out + ([current] if current else [])


def _pieces(text: str) -> Iterator[str]:
    for sentence in _SENTENCE_END.split(text):
        while len(sentence) > MAX_PASSAGE:
            cut = sentence.rfind(" ", 0, MAX_PASSAGE)
            cut = cut if cut > 0 else MAX_PASSAGE
            yield sentence[:cut]
            sentence = sentence[cut:].lstrip()
        if sentence:
            yield sentence


def block_passages(block: Block) -> list[str]:
    """The passages of one block: its label first, then its text (a labelled text that may
    open with a verb also as :func:`verb_first_variant` has it)."""
    if not is_prose(block):
        return []
    texts = passages(block.text)
    variant = verb_first_variant(texts[0]) if block.label and texts else None
    named = [v for text in texts for sentence in _SENTENCE_END.split(text) if (v := named_subject_variant(sentence))]
    return ([block.label] if block.label else []) + ([block.row_header] if block.row_header else []) + texts + \
        ([variant] if variant else []) + named


def verb_first_variant(text: str) -> str | None:
    """"copies each write to two replicas" under a label: the same words after "It", where the
    tagger sees the verb it may take for a plural noun when it opens a text; None for a text
    whose first word could be no verb of the third person."""
    first, _, rest = text.partition(" ")
    word = first.lower().removesuffix(",")  # "selects, understands, and transforms data"
    if rest and word.isalpha() and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return f"It {first.lower()} {rest}"
    return None


_MAX_NAME_WORDS = 4


def named_subject_variant(sentence: str) -> str | None:
    """"Loki indexes only labels": a sentence opening with one capitalised word and a word
    that may be its verb, as "It indexes only labels" (the tagger reads "Loki indexes" as one
    noun phrase, and never "It indexes")."""
    words = sentence.split(" ")
    name = next((n for n in range(1, _MAX_NAME_WORDS + 1) if n < len(words) and not words[n][:1].isupper()), 0)
    if not name or len(words) < name + 2 or not all(w[:1].isupper() and w.replace("-", "").isalnum() for w in words[:name]) \
            or not words[0].isalpha():
        return None  # "Amazon SageMaker Data Wrangler selects, understands ...": a name of up to four words
    return verb_first_variant(" ".join(words[name:])) if words[name].islower() else None


def note_passages(note: Note) -> list[str]:
    """Every distinct passage of ``note`` in reading order (headings included)."""
    seen: dict[str, None] = {}
    for section in note.sections:
        for heading in section.path:
            seen.setdefault(heading, None)
        for block in section.blocks:
            for passage in block_passages(block):
                seen.setdefault(passage, None)
    seen.pop("", None)
    return list(seen)
