"""What a read sentence adds beside its relations: the things it names, the definitions
among its relations, and no relation about a command the note shows as code."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from .findings import CONCEPT, SERVICE, Definition, Mention, Relation
from .mentions import mention_of
from .model import Block
from .names import singular
from .parse import verb_first_variant
from .relations import Reading

__all__ = ["outside_commands", "sentence_mentions", "first_definitions", "is_phrase_head", "actor_in", "verb_first"]

_HEADS = {"NOUN", "PROPN"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
_VERBS = {"VERB", "AUX"}
_PLURAL_AGREEMENT = {"VBP", "VBD", "MD"}  # a verb a plural subject takes: "Tables store rows"
_STEP = re.compile(r"step\s*\d", re.IGNORECASE)


def is_phrase_head(token: Token) -> bool:
    """A noun heading its phrase, not a modifier inside one."""
    return token.pos_ in _HEADS and token.dep_ not in _MODIFIER_DEPS


def outside_commands(relations: Iterable[Relation], block: Block) -> Iterator[Relation]:
    """Relations whose ends are not a command written as code in the block (`git add`):
    commands are shown in notes, never topics."""
    commands = [code.lower() for code in block.code if " " in code.strip()]
    for relation in relations:
        if not any(end.text.lower() in command for end in (relation.subject, relation.object) for command in commands):
            yield relation


def sentence_mentions(sentence: Span, reading: Reading) -> Iterator[Mention]:
    """Every thing a sentence names (for co-occurrence and where topics appear)."""
    for token in sentence:
        if token.ent_type_ in (SERVICE, CONCEPT) or is_phrase_head(token):
            if (mention := mention_of(token, reading.rules.phrases)) is not None:
                yield mention


def first_definitions(relations: list[Relation]) -> list[Definition]:
    """The first sentence that says what each thing is."""
    seen: dict[Mention, Definition] = {}
    for relation in relations:
        if relation.predicate == "is a" and relation.shape in {"clause", "definition"}:
            seen.setdefault(relation.subject, Definition(relation.subject, relation.sentence))
    return list(seen.values())


def actor_in(sentence: Span, block: Block, topic: Mention | None) -> Mention | None:
    """Who acts in a sentence without a subject: the topic, unless the sentence instructs the
    reader in prose or in a step ("Create a bucket and select it as the source", "Step 3:
    Ingest the data"); in a card or a feature list the same words say what the topic does."""
    procedural = (block.kind == "paragraph" and not block.label) or _STEP.match(block.label) is not None
    return None if procedural and _instruction(sentence) else topic


def _instruction(sentence: Span) -> bool:
    root = sentence.root
    words = [t for t in sentence if not t.is_punct]
    opening = words[:2] if words and words[0].pos_ == "ADV" else words[:1]  # "Then create ...", "Finally, ingest ..."
    return root.tag_ == "VB" and root in opening and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)


def verb_first(sentence: Span, docs, verbs: frozenset[str], nouns: frozenset[str]) -> Span:
    """A labelled text's first sentence as read with the topic's "It" before it, where the
    tagger took its opening verb for a plural noun ("Replication: copies each write to the
    replicas", read as copies that write): the variant reads "copies" as the verb and "It"
    stands for the topic. A first word followed by its own verb is a noun ("Tables store rows"),
    and so is the plural of one of ``nouns`` that no verb of ``verbs`` makes ("Discrepancies in
    the data"); a word of neither list may be a verb ("deduplicates and routes alerts")."""
    variant = verb_first_variant(sentence.doc.text)
    if sentence.start != 0 or variant is None or variant not in docs or len(sentence) < 2:
        return sentence
    first, second = sentence[0], sentence[1]
    if first.pos_ in _VERBS or second.tag_ in _PLURAL_AGREEMENT:  # "commits" after "replays" agrees with no plural
        return sentence
    reread = next(docs[variant].sents)
    verb = reread[1] if len(reread) > 1 else None
    if verb is None or verb.tag_ != "VBZ" or verb.dep_ != "ROOT":
        return sentence
    if verb.lemma_.lower() not in verbs and singular(verb.lower_) in nouns:
        return sentence
    return reread
