"""A list led into by a sentence ending with a colon: "AWS offers container services, including:"
over "- **Amazon ECS:** ..." and "- **Amazon EKS:** ...", or "Athena supports these formats:" over
"- Parquet" and "- ORC". The sentence says of the items what it would say of them written after
it, so the list is read once more as one sentence joined to it: "AWS offers container services,
including: Amazon ECS and Amazon EKS." Items are the bullets' labels, or bullets of a few words;
a list of sentences is left alone."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .model import Block
from .read.outline import INTRODUCING_WORDS

__all__ = ["with_lead_ins"]

MAX_ITEM_WORDS = 6  # a longer bullet is a statement, not a name to list
MIN_LEAD_WORDS = 3  # "Examples:" alone leads into nothing it says anything of
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_INTRODUCING = re.compile(r"\b(?:" + "|".join(INTRODUCING_WORDS) + r")\s*:$")
_NOT_A_NAME = re.compile(r"[.:;!?]\s|[.:;!?]$")


def with_lead_ins(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """``blocks``, each list led into by a paragraph's closing colon followed by one more
    paragraph: the lead sentence with the list's items."""
    out: list[Block] = []
    lead: Block | None = None
    items: list[str] | None = None
    for block in (*blocks, None):
        if block is not None and block.kind == "bullet" and lead is not None and items is not None:
            item = _item(block)
            items = None if item is None else [*items, item]
            out.append(block)
            continue
        if lead is not None and items:
            out.append(replace(lead, text=f"{_lead_words(lead.text)} {_joined(items)}."))
        lead, items = (block, []) if block is not None and _leads_in(block) else (None, None)
        if block is not None:
            out.append(block)
    return tuple(out)


def _leads_in(block: Block) -> bool:
    return block.kind == "paragraph" and not block.label and block.text.rstrip().endswith(":") and \
        len(_lead_sentence(block.text).split()) >= MIN_LEAD_WORDS


def _lead_sentence(text: str) -> str:
    return _SENTENCE_START.split(text.strip())[-1]


def _lead_words(text: str) -> str:
    """The lead sentence to go before the items: without its colon after a word that introduces
    them ("including", "such as"), which the parser reads best so; with it after a noun ("the
    following formats:")."""
    sentence = _lead_sentence(text)
    return sentence[:-1].rstrip() if _INTRODUCING.search(sentence) else sentence


def _item(block: Block) -> str | None:
    """What a bullet names: its label, or all of it when it is a few words."""
    text = (block.label or block.text).strip().rstrip(".;,")
    if not text or len(text.split()) > MAX_ITEM_WORDS or _NOT_A_NAME.search(text):
        return None
    return text


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
