"""What a read sentence adds beside its relations: the things it names, the definitions
among its relations, and no relation about a command the note shows as code."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from .findings import CONCEPT, SERVICE, Definition, Mention, Relation
from .mentions import mention_of, verb_lemma
from .model import Block
from .frequency import zipf
from .names import singular
from .parse import named_subject_variant, verb_first_variant
from .relations import Reading, names_a_practice

__all__ = ["outside_commands", "sentence_mentions", "first_definitions", "is_phrase_head", "actor_in", "verb_first", "named_subject", "is_clause"]

_HEADS = {"NOUN", "PROPN"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
_VERBS = {"VERB", "AUX"}
_FINITE = {"VBZ", "VBP", "VBD", "MD"}
_EVERYDAY_NAME = 3.5  # zipf: a commoner first word is an English word, not a tool's name
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


def is_clause(sentence: Span) -> bool:
    """A sentence with a finite verb ("Offers an external view of the output using analysis
    methods"), not a list of names or a noun phrase ("fast installs, reporting"; in two or
    three words, a verb is the tagger's guess: "Ledger databases")."""
    return len(sentence) > 3 and any(t.pos_ in _VERBS and t.tag_ in _FINITE for t in sentence)


def actor_in(sentence: Span, block: Block, topic: Mention | None, reader_verbs: frozenset[str] = frozenset()) -> Mention | None:
    """Who acts in a sentence without a subject: the topic, unless the sentence instructs the
    reader in prose, in a step, under a label naming no known thing or with a reader's verb
    (``reader_verbs``: "Create a bucket and select it as the source", "Step 3: Ingest the
    data", "Preferred Vendor: Choose a vendor", "Access NTTS voices");
    on a card, under a known name or under an activity of the field the same words say what the
    topic does ("Image Captioning: Provide rich descriptions for images")."""
    unknown = topic is not None and not topic.known and not names_a_practice(topic)
    procedural = (block.kind == "paragraph" and not block.label) or _STEP.match(block.label) is not None or \
        (unknown and block.kind != "card") or sentence.root.lemma_.lower() in reader_verbs
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
    stands for the topic."""
    variant = verb_first_variant(sentence.doc.text)
    if sentence.start != 0 or variant is None or variant not in docs or len(sentence) < 2:
        return sentence
    return _reread(sentence[0], sentence[1], lambda: docs[variant], verbs, nouns) or sentence


def named_subject(sentence: Span, docs, verbs: frozenset[str], nouns: frozenset[str]) -> tuple[Span, Token] | None:
    """"Loki indexes only labels", read by the tagger as one noun phrase: the sentence read as
    "It indexes only labels" and the name "It" stands for, or None where the tagger read the
    verb (or the variant reads no better)."""
    variant = named_subject_variant(sentence.text)
    if variant is None or variant not in docs or len(sentence) < 3 or sentence[0].pos_ not in {"PROPN", "NOUN"} \
            or zipf(sentence[0].text) >= _EVERYDAY_NAME:  # "Label objects in point clouds" is an instruction
        return None
    if not verb_lemma(sentence[1].text, verbs):
        return None  # "Kafka topics store events": no verb "topic"
    if sentence[2].pos_ == "AUX" or (sentence[2].tag_ in {"VBP", "VBD"} and " " not in sentence[2].text):
        return None  # "SageMaker instances are billed hourly", "Lifecycle rules move objects"
    reread = _reread(sentence[1], None, lambda: docs[variant], verbs, nouns)
    return (reread, sentence[0]) if reread is not None else None


def _reread(first: Token, second: Token | None, variant: Callable[[], Doc], verbs: frozenset[str],
            nouns: frozenset[str]) -> Span | None:
    """The variant's first sentence (parsed only when asked for) where it reads ``first`` as a verb the tagger missed. A word
    followed by its own verb (``second``, when that tells) is a noun ("Tables store rows"), and
    so is the plural of one of ``nouns`` that no verb of ``verbs`` makes ("Discrepancies in the
    data"); a word of neither list may be a verb ("deduplicates and routes alerts")."""
    if first.pos_ in _VERBS or (second is not None and second.tag_ in _PLURAL_AGREEMENT):  # "replays commits": no plural's verb
        return None
    if first.dep_ == "nsubj" and first.head.pos_ == "VERB" and first.head.tag_ in _PLURAL_AGREEMENT | {"VB"} and \
            (second is None or second.tag_ not in {"DT", "PRP$", "CD"}):
        return None  # "Tools like Grafana Loki collect logs": the subject of its own verb ("copies each write" is none)
    reread = next(variant().sents)
    verb = reread[1] if len(reread) > 1 else None
    if verb is None or verb.tag_ != "VBZ" or verb.dep_ != "ROOT":
        return None
    if verb.lemma_.lower() not in verbs and singular(verb.lower_) in nouns:
        return None
    return reread
