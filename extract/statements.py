"""Statements: the blocks of all notes, ready to parse, with subject-less fragments completed.

A definition that leaves its subject to the label or heading above it ("**Amazon
MemoryDB:** Supports fast vector storage") is parsed as "It supports fast vector
storage", and the resolver reads "It" as the label's topic. spaCy's small model parses
such completed sentences far more reliably than the bare fragments.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from .catalogue import CatalogueMatcher
from .lexicon import Lexicon
from .model import Block, Note, Section, Source

__all__ = ["Statement", "statements_of", "complete", "completion_prefix", "LABEL_PREFIXES"]

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
_VERB_PREFIX = "It "
_COPULA_PREFIX = "It is "
# Labels saying how a list relates to the topic: "Uses: Clustering" means "used for clustering".
LABEL_PREFIXES = {
    "uses": "It is used for ", "use": "It is used for ", "use case": "It is used for ",
    "use cases": "It is used for ", "used for": "It is used for ", "applications": "It is used for ",
    "example applications": "It is used for ", "common use cases": "It is used for ", "best use cases": "It is used for ",
    "includes": "It includes ", "include": "It includes ", "components": "It includes ",
    "algorithm": "It uses ", "algorithms": "It uses ", "popular tools": "It uses ", "tools used": "It uses ",
    "tools": "It uses ", "services": "It uses ", "products": "It uses ",
}
# Table columns whose cells define the row's topic rather than give an attribute value.
_DEFINING_ATTRIBUTES = {"description", "definition", "purpose", "overview", "how it works", "primary function", "function",
                        "explanation", "details", "summary", "what it is", "meaning", "role"}


@dataclass(frozen=True)
class Statement:
    """A block of a note in its place: what it says, where, and the text given to spaCy."""

    block: Block
    section: Section
    prefix: str = ""  # the completion prepended to the block's text before parsing
    cut: int = 0  # characters of a subject moved out of the parse ("Google detects bias")

    @property
    def subject(self) -> str:
        """The subject cut from the first sentence, which "It" then stands for."""
        return self.block.text[:self.cut].strip()

    @property
    def text(self) -> str:
        """The text parsed by spaCy (the block's text, completed when it is a fragment)."""
        body = self.block.text[self.cut:]
        if self.prefix and body and not _keeps_case(body):
            body = body[0].lower() + body[1:]
        return self.prefix + body

    @property
    def source(self) -> Source:
        """Where the block stands: note, heading path, line."""
        return Source(self.section.doc, self.section.heading, self.block.line)

    def original(self, start: int, end: int) -> str:
        """The block's own words for the parsed characters ``start:end``, with its label."""
        shift = len(self.prefix)
        first = start <= shift
        body = self.block.text[0 if first else self.cut + start - shift:max(0, self.cut + end - shift)].strip()
        if first:
            lead = f"{self.block.label} – {self.block.attribute}" if self.block.attribute else self.block.label
            body = f"{lead}: {body}" if lead else body
        return body


def _keeps_case(text: str) -> bool:
    """A text whose first word keeps its capital after "It is ": an acronym, a brand, or
    the first word of a title-case name ("Anomaly Detection")."""
    words = text.split(" ", 2)
    first = words[0]
    title_case = len(words) > 1 and words[1][:1].isupper()
    return len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:]) or title_case)


def statements_of(notes: Iterable[Note]) -> Iterator[Statement]:
    """Every block with text of every note, in reading order."""
    for note in notes:
        for section in note.sections:
            for block in section.blocks:
                if block.text:
                    yield Statement(block, section)


def complete(statement: Statement, doc: Doc, lexicon: Lexicon, matcher: CatalogueMatcher) -> Statement:
    """The statement with its first sentence completed for parsing: a subject-less
    fragment gets "It " or "It is "; a sentence whose verb the tagger read as a plural
    noun ("SageMaker Clarify detects bias") has its subject replaced by "It"."""
    first = next(iter(doc.sents), None)
    if first is not None and first.root.pos_ not in {"VERB", "AUX"} and not any(t.dep_ in _SUBJECT_DEPS for t in first.root.children):
        verb = next((t for t in first[1:-1] if t.tag_ in {"NNS", "NNPS", "VBZ"} and _verb_form(t.lower_, lexicon.verb_lemmas)
                     and all(u.pos_ in {"PROPN", "NOUN", "ADJ", "DET", "CCONJ", "PUNCT", "NUM"} for u in first[:t.i - first.start])), None)
        opener = first[0]
        instruction = opener.lower_ in lexicon.verb_lemmas and opener.lower_ == opener.lemma_.casefold()
        listed = verb is not None and (doc[verb.i - 1].pos_ == "CCONJ" or verb.dep_ == "conj")
        if verb is not None and verb.i > first.start and not doc[verb.i - 1].is_punct and not instruction and not listed:
            return replace(statement, prefix=_VERB_PREFIX, cut=verb.idx)
    return replace(statement, prefix=completion_prefix(statement, doc, lexicon, matcher))


def completion_prefix(statement: Statement, doc: Doc, lexicon: Lexicon, matcher: CatalogueMatcher) -> str:
    """The words that give a subject-less first sentence its subject ("It ", "It is "),
    or "" when the sentence has a subject or is an instruction to the reader."""
    first = next(iter(doc.sents), None)
    if first is None or len(first) == 0:
        return ""
    block = statement.block
    label = (block.attribute if block.kind == "table" else block.label).casefold().replace("(s)", "s")
    opener = first[0]
    if opener.tag_ == "PRP":
        return ""  # "It works with VPC" has its subject, however the rest is parsed
    verb_opener = opener.tag_ in {"VBZ", "VBP", "VBD", "MD", "VB", "VBN"} or (
        opener.tag_ in {"NNS", "NNP", "NNPS"} and _verb_form(opener.lower_, lexicon.verb_lemmas))
    noun_opener = not verb_opener and (opener.pos_ in {"NOUN", "PROPN", "DET", "NUM"} or (
        opener.pos_ == "ADJ" and opener.lower_ not in lexicon.vocabulary.purpose_adjectives))
    if label.split(" ", 1)[0] in lexicon.vocabulary.purpose_adjectives and label.endswith(("for", "for processing")) \
            or label.startswith(("ideal for", "good for", "best for", "suitable for", "used for", "great for")):
        label = "used for"  # "Ideal for fast processing: streaming ETL, ..." lists uses
    if label in LABEL_PREFIXES and noun_opener:
        prefix = LABEL_PREFIXES[label]
        if any(m.start == first.start for m in matcher(first)):
            # "Uses: S3, Athena" lists services used; "Use case: AWS Rekognition" services it is used in
            prefix = "It uses " if label in {"uses", "use"} else "It is used in " if prefix == "It is used for " else prefix
        return prefix
    if block.kind == "table" and label not in _DEFINING_ATTRIBUTES and not verb_opener:
        return ""  # an attribute value ("Processor Family: NVIDIA T4"), read as such
    definition_place = block.label or block.kind in {"table", "card"}
    lead = next((t for t in first if t.pos_ != "ADV"), opener)
    if definition_place and lead.tag_ in {"NNS", "NNP", "NNPS"} and lead.dep_ in _SUBJECT_DEPS and _verb_form(lead.lower_, lexicon.verb_lemmas):
        # "Caches generated speech", "Continuously monitors deployed models": a verb read as a plural subject
        return _VERB_PREFIX
    if any(token.dep_ in _SUBJECT_DEPS for token in first.root.children):
        return ""
    if opener.pos_ == "PROPN" and not block.label:
        return ""  # "SageMaker endpoints support ..." names its own subject, however parsed
    if opener.tag_ in {"VBZ", "VBP", "VBD", "MD"}:
        return _VERB_PREFIX
    if opener.tag_ in {"NNS", "NNP", "NNPS"} and _verb_form(opener.lower_, lexicon.verb_lemmas):
        return _VERB_PREFIX
    if opener.pos_ == "ADV" and len(first) > 1 and first[1].tag_ == "VB":
        return ""  # "Easily connect FMs to your data": an instruction
    if opener.pos_ == "ADV" and len(first) > 1 and (first[1].tag_ == "VBZ" or _verb_form(first[1].lower_, lexicon.verb_lemmas)):
        return _VERB_PREFIX  # "Continuously monitors deployed models"
    if opener.pos_ == "ADP" and any(t.pos_ in {"VERB", "AUX"} for t in first):
        return ""  # "For intensive workloads, consider ...": advice, not a definition
    if opener.tag_ == "VB" or opener.lower_ in lexicon.verb_lemmas and opener.lower_ == opener.lemma_.casefold() and len(first) > 1 \
            and (first[1].pos_ in {"DET", "PROPN", "NOUN", "ADJ", "NUM", "CCONJ"} or first[1].tag_ == "VBZ" or first[1].text == ",") \
            and first[1].tag_ != "POS":
        # An instruction ("Use X to ...", "Leverage AWS Lambda") speaks to the reader, who is no topic.
        return ""
    listing = any(c.dep_ in {"conj", "appos"} for c in first.root.children) and not any(
        t.pos_ in {"VERB", "AUX"} and t.i != first.root.i for t in first)
    if opener.tag_ == "VBG" and opener.dep_ == "ROOT":
        labelled = statement.block.label or statement.block.kind in {"card", "table"}
        # "Bursting and provisioned throughput" lists kinds; "Generating samples" defines
        coordinated = any(c.dep_ in {"cc", "conj"} for c in opener.children)
        return _COPULA_PREFIX if labelled and not listing and not coordinated else ""
    if opener.is_punct:
        return ""  # "(Positive Predictions Pct)": an aside
    # A bare noun phrase defines its topic only where definitions stand: after a label,
    # in a table cell, or first under a heading ("Field of study in AI ...").
    definition_place = statement.block.label or statement.block.kind == "table" or statement.section.blocks[:1] == (statement.block,)
    # "Tasks for enterprise use cases" lists uses; only a singular noun phrase defines,
    # and a bare list of nouns ("real-time inference, low latency access") defines nothing.
    plural = first.root.tag_ in {"NNS", "NNPS"} and not any(t.lower_ in {"a", "an"} for t in first[:2])
    return _COPULA_PREFIX if definition_place and not plural and not listing else ""


def _verb_form(word: str, verb_lemmas: frozenset[str]) -> bool:
    """A third-person verb the tagger read as a plural noun ("Transforms", "Scans")."""
    if not word.endswith("s"):
        return False
    candidates = {word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y" if word.endswith("ies") else ""}
    return any(c and c in verb_lemmas for c in candidates)


