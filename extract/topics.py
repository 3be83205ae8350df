"""What a heading, a label or a block is about: the topic that implicit subjects refer to."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from .registry import SERVICE
from .resolution import Ref, Resolver
from .statements import LABEL_PREFIXES, Statement
from .transcript import NoRecorder, RegistryRecorder
from .vocabulary import Vocabulary

__all__ = ["Topics", "unwrap_heading"]

_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_NUMBERING = re.compile(r"^\s*(?:\d+[.)]|[a-z][.)])\s+")


def unwrap_heading(text: str, vocabulary: Vocabulary) -> str:
    """The topic words of a heading: "What is Amazon Polly?" -> "Amazon Polly"."""
    text = _NUMBERING.sub("", text).strip().rstrip(":?").strip()
    for _ in range(3):  # "Advantages of Using Vector Databases": two wrappings
        match = next((m for m in (p.match(text) for p in vocabulary.heading_patterns) if m and m.group(1).strip()), None)
        if match is None:
            break
        text = match.group(1).strip().rstrip(":?")
    return _PARENTHETICAL.sub("", text).strip() or text


_SIDES = {"features", "benefits", "advantages", "capabilities", "options", "considerations", "characteristics", "limitations",
          "applications", "uses"}
_CONTINUING = {"note", "notes", "example", "examples", "tip", "use case", "use cases", "usage", "pricing", "limitation", "limitations"}
_COORDINATED = re.compile(r"\s(?:and|&)\s")
_BENEFIT_OPENERS = re.compile(r"^(?:simplified|enhanced|improved|reduced|increased|automated|streamlined|optimized|"
                              r"accelerated|flexible|seamless|efficient|easy|faster|lower|better|greater|cost-effective)\b", re.I)


def _is_aspect(text: str, vocabulary: Vocabulary) -> bool:
    """A label naming a side of its topic ("Features", "Simplified Operations", "Uses",
    "Innovation and Development"), not a thing."""
    folded = text.casefold().strip(" :?.")
    if "," in folded:
        return True  # "Images, videos or time-series": a list, no single topic
    last = folded.split()[-1] if folded.split() else folded
    # "High Performance", "Comprehensive Features": a quality or a list of a topic's sides
    quality = len(folded.split()) <= 3 and (last in vocabulary.quality_words or last in _SIDES)
    return (folded in vocabulary.aspect_labels or folded.rstrip("s") in vocabulary.aspect_labels or quality
            or folded in LABEL_PREFIXES or bool(_BENEFIT_OPENERS.match(folded)) or bool(_COORDINATED.search(folded)))


def _only_qualities(span) -> bool:
    """"Scalable", "Highly available": a label of adjectives names a quality of the topic,
    not a thing (a name spelt with inner capitals, such as "ResNet", is a thing)."""
    return all(token.tag_ in {"JJ", "JJR", "JJS", "RB", "HYPH"} and not any(c.isupper() for c in token.text[1:])
               for token in span)


class Topics:
    """Resolves headings and labels to entities, caching each heading path once."""

    def __init__(self, resolver: Resolver, vocabulary: Vocabulary, parse: Callable[[str], Doc],
                 recorder: RegistryRecorder | NoRecorder = NoRecorder()):
        self._resolver = resolver
        self._vocabulary = vocabulary
        self._parse = parse
        self._recorder = recorder  # told of every lookup, and of what each first lookup records
        self._paths: dict[tuple[str, tuple[str, ...]], list[Ref | None]] = {}
        self._labels: dict[str, Ref | None] = {}

    def label(self, text: str, *, defined: bool = False) -> Ref | None:
        """The entity a label or heading names, or None for an aspect ("Features") unless
        the text after it defines it ("Feature: a measurable property ...")."""
        self._recorder.use(("label", text, defined))
        if (text, defined) not in self._labels:
            with self._recorder.resolving(("label", text, defined)):
                words = unwrap_heading(text, self._vocabulary)
                ref = None
                aspect = _is_aspect(words, self._vocabulary) or _is_aspect(text, self._vocabulary)
                if aspect and _COORDINATED.search(words.casefold()) and self._resolver.registry.known(words) is not None:
                    aspect = False  # "Bias and Variance" may be a known name of its own
                if words and (defined or not aspect) and len(words.split()) <= 8:
                    span = self._parse(words)[:]
                    if defined or not _only_qualities(span):
                        ref = self._resolver.span_ref(span)
                self._labels[(text, defined)] = ref
        return self._labels[(text, defined)]

    def path(self, doc_name: str, path: tuple[str, ...]) -> list[Ref | None]:
        """Topics of each heading of a section path, a sub-heading of a service read in
        the service's scope ("SageMaker > Experiments" is SageMaker Experiments)."""
        cache_key = (doc_name, path)
        self._recorder.use(("path", doc_name, path))
        if cache_key not in self._paths:
            with self._recorder.resolving(("path", doc_name, path)):
                topics: list[Ref | None] = []
                for depth, heading in enumerate(path):
                    parent = next((t for t in reversed(topics) if t is not None), None)
                    topics.append(self._scoped(heading, parent) or self.label(heading))
                self._paths[cache_key] = topics
        return self._paths[cache_key]

    def _scoped(self, heading: str, parent: Ref | None) -> Ref | None:
        if parent is None or parent.type != SERVICE:
            return None
        words = unwrap_heading(heading, self._vocabulary)
        registry = self._resolver.registry
        entity = registry.entity(parent.key)
        for short in sorted({entity.name, *entity.aliases}, key=len):
            known = registry.known(f"{short} {words}")
            if known is not None and known != parent.key:
                name = registry.entity(known).name
                return Ref(registry.note(known, name, words), name, words, registry.type_of(known))
        return None

    def section_topic(self, statement: Statement) -> Ref | None:
        """The nearest heading above a block that names a thing."""
        return next((ref for ref in reversed(self.path(statement.section.doc, statement.section.path)) if ref), None)

    def of(self, statement: Statement) -> Ref | None:
        """The topic of a block: its own label when that names a thing, else the nearest
        heading that does. A label under a service that names no service itself
        ("Amazon Polly > Text-to-Speech Conversion: Transforms text ...") is one of the
        service's capabilities, and the service stays the topic."""
        section = self.section_topic(statement)
        if statement.cut:
            return self.label(statement.subject, defined=True) or section
        if statement.block.label:
            # A definition ("Label: a noun phrase") always defines its label.
            first_word = statement.block.text.split(" ", 1)[0].casefold()
            defines_label = statement.prefix.strip() == "It is" and first_word not in self._vocabulary.purpose_adjectives \
                and self._completes_copula(statement)
            ref = self.label(statement.block.label, defined=defines_label)
            if ref is None and (statement.block.kind == "table" or defines_label):
                return None  # a row or definition of something unnamed is about nothing we know
            if ref is None and _is_aspect(statement.block.label, self._vocabulary):
                # "Use case: ..." after "DeepAR: ..." still speaks of DeepAR.
                return self._previous_label(statement) or section
            capability = (ref is not None and section is not None and section.type == SERVICE and ref.type != SERVICE
                          and not defines_label
                          and self._resolver.registry.known(unwrap_heading(statement.block.label, self._vocabulary)) is None)
            if ref is not None and ref.type == SERVICE and section is not None and section.type == SERVICE \
                    and ref.key != section.key and self.capability(statement.block.label) is not None:
                return section  # "S3 Integration" under Amazon FSx: FSx's capability, FSx's statement
            if ref is not None and not capability:
                return ref
        return section

    def _completes_copula(self, statement: Statement) -> bool:
        """Whether "It is" made the block a definition ("It is a managed service") rather
        than a passive or a predicate ("It is commonly used for analytics")."""
        sentence = next(iter(self._parse(statement.text).sents), None)
        return sentence is not None and sentence.root.lemma_ == "be"

    def _previous_label(self, statement: Statement) -> Ref | None:
        if statement.block.label.casefold() not in LABEL_PREFIXES and statement.block.label.casefold() not in _CONTINUING:
            return None  # only "Use case:", "Note:" and their like continue the item before
        blocks = statement.section.blocks
        position = next((i for i, block in enumerate(blocks) if block is statement.block), None)
        if position is None:
            return None
        for block in reversed(blocks[:position]):
            if block.label and not _is_aspect(block.label, self._vocabulary):
                return self.label(block.label)
        return None

    def capability(self, label: str) -> tuple[str, Ref] | None:
        """``Text-to-Speech Conversion``: a label naming an action as a noun gives the
        action ("converts") and what it acts on ("text-to-speech")."""
        words = unwrap_heading(label, self._vocabulary)
        if not words or len(words.split()) > 6 or self._resolver.registry.known(words) is not None:
            return None  # "Neural Machine Translation" is a thing of its own, not an action on "neural machine"
        doc = self._parse(words)
        last = doc[-1]
        verb = self._vocabulary.nominalizations.get(last.lower_) or self._vocabulary.nominalizations.get(last.lemma_.casefold())
        if verb is None or last.i == 0:
            return None
        before = doc[0:last.i]
        if not all(t.pos_ in {"NOUN", "PROPN", "ADP", "PUNCT"} or t.tag_ == "HYPH" for t in before):
            return None
        target = self._resolver.span_ref(before)
        return (verb, target) if target is not None else None
