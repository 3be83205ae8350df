"""Notes in, entities and evidence-backed triples out: the whole extraction in one call."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .abbreviations import abbreviation_pairs
from .assembly import COOCCURRENCE, COOCCURS, MENTIONS, STATED, Assembler, Finding
from .catalogue import CatalogueMatcher
from .clauses import Link, attribute_links, is_negated, sentence_links, subjects_of
from .lexicon import Lexicon
from .naming import entity_key, third_person
from .model import Entity, Note, Problem, Source, Triple
from .nlp import load_pipeline
from .notes import read_notes
from .phrases import coordinated_phrase
from .registry import SERVICE, Registry
from .resolution import HUMAN, Ref, Resolver
from .statements import Statement, complete, statements_of
from .structure import compound_findings, heading_findings, label_findings, parenthetical_findings
from .topics import Topics, unwrap_heading
from .vocabulary import Vocabulary, load_vocabulary

__all__ = ["Extraction", "Reading", "extract", "extract_folder", "prepare", "statement_findings"]

Progress = Callable[[float, str], None]


@dataclass
class Extraction:
    """What the notes say: entities, triples, the notes read and the files that were not."""

    entities: list[Entity]
    triples: list[Triple]
    notes: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _Parses:
    """spaCy docs by text, parsed once in batches."""

    def __init__(self, nlp: Language):
        self._nlp = nlp
        self._docs: dict[str, Doc] = {}

    def parse(self, texts: Iterable[str], progress: Progress | None = None, share: tuple[float, float] = (0, 1)) -> None:
        todo = list(dict.fromkeys(t for t in texts if t not in self._docs))
        for done, (text, doc) in enumerate(zip(todo, self._nlp.pipe(todo, batch_size=128)), start=1):
            self._docs[text] = doc
            if progress and done % 200 == 0:
                progress(share[0] + (share[1] - share[0]) * done / len(todo), f"parsed {done} of {len(todo)} passages")

    def __getitem__(self, text: str) -> Doc:
        if text not in self._docs:
            self.parse([text])
        return self._docs[text]

    def docs(self) -> Iterator[Doc]:
        return iter(self._docs.values())


def _proper_words(docs: Iterable[Doc]) -> frozenset[str]:
    """Words the notes capitalise mid-sentence more often than not ("Bayesian", "Hyperband")."""
    capital, lower = Counter(), Counter()
    for doc in docs:
        for token in doc:
            if not token.is_alpha or token.is_sent_start or token.i == 0 or doc[token.i - 1].text in {":", "(", '"', "-"}:
                continue
            if token.text.istitle():
                capital[token.lower_] += 1
            elif token.text.islower():
                lower[token.lower_] += 1
    return frozenset(word for word, count in capital.items() if count > lower[word])


def extract_folder(folder: Path, *, vocabulary: Vocabulary | None = None, nlp: Language | None = None,
                   progress: Progress | None = None) -> Extraction:
    """Read every note under ``folder`` and extract its graph (see :func:`extract`)."""
    vocabulary = vocabulary or load_vocabulary()
    notes, problems = read_notes(Path(folder), vocabulary.boilerplate)
    extraction = extract(notes, vocabulary=vocabulary, nlp=nlp, progress=progress)
    extraction.problems = problems
    return extraction


@dataclass
class Reading:
    """Notes parsed and understood, ready to be read statement by statement."""

    statements: list[Statement]
    parses: "_Parses"
    resolver: Resolver
    topics: Topics


def prepare(notes: list[Note], vocabulary: Vocabulary, nlp: Language, progress: Progress | None = None) -> Reading:
    """Parse every statement (completing fragments), learn aliases and set up topics."""
    parses = _Parses(nlp)
    statements = list(statements_of(notes))
    parses.parse((s.text for s in statements), progress, (0.0, 0.6))
    lexicon = Lexicon.for_pipeline(vocabulary, nlp)
    matcher = CatalogueMatcher(nlp, vocabulary.services)
    statements = [complete(s, parses[s.text], lexicon, matcher) for s in statements]
    parses.parse((s.text for s in statements if s.prefix), progress, (0.6, 0.75))
    lexicon = replace(lexicon, proper_words=_proper_words(parses[s.text] for s in statements))
    headings = {unwrap_heading(h, vocabulary) for n in notes for sec in n.sections for h in sec.path}
    headings |= {unwrap_heading(s.block.label, vocabulary) for s in statements if s.block.label}
    headings |= {unwrap_heading(s.subject, vocabulary) for s in statements if s.cut}
    parses.parse(headings, progress, (0.75, 0.8))
    resolver = Resolver(Registry(vocabulary), lexicon, matcher)
    _learn_aliases(statements, notes, parses, resolver)
    return Reading(statements, parses, resolver, Topics(resolver, vocabulary, lambda text: parses[text]))


def extract(notes: list[Note], *, vocabulary: Vocabulary | None = None, nlp: Language | None = None,
            progress: Progress | None = None) -> Extraction:
    """Extract entities and triples from notes already read."""
    vocabulary = vocabulary or load_vocabulary()
    reading = prepare(notes, vocabulary, nlp or load_pipeline(), progress)
    assembler = Assembler(reading.resolver.registry)
    for number, statement in enumerate(reading.statements, start=1):
        _read_statement(statement, reading, assembler)
        if progress and number % 500 == 0:
            progress(0.8 + 0.15 * number / len(reading.statements), f"read {number} of {len(reading.statements)} passages")
    for note in notes:
        for section in note.sections:
            assembler.add(heading_findings(section, reading.topics))
    for findings in list_findings(notes, reading):
        assembler.add(findings)
    entities, triples = assembler.build()
    if progress:
        progress(1.0, f"{len(entities)} topics, {len(triples)} relations")
    return Extraction(entities, triples, notes)


def _learn_aliases(statements: list[Statement], notes: list[Note], parses: _Parses, resolver: Resolver) -> None:
    """Abbreviations ("Retrieval-Augmented Generation (RAG)") and coordinated names
    ("image and video analysis" stands for "image analysis" and "video analysis")."""
    texts = {s.block.text for s in statements} | {s.block.label for s in statements} | {
        h for n in notes for sec in n.sections for h in sec.path}
    for text in sorted(texts):
        for long_form, short_form in abbreviation_pairs(text):
            resolver.alias(long_form, short_form)
    registry = resolver.registry
    for statement in statements:
        doc = parses[statement.text]
        for token in doc:
            if token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):
                found = coordinated_phrase(token, resolver.lexicon)
                if found is not None:
                    phrase, parts = found
                    whole = registry.note(registry.concept_key(phrase.name, capitalised=False), phrase.name, phrase.surface)
                    for part in parts:
                        part_key = registry.concept_key(part, capitalised=False)
                        if registry.type_of(part_key) != SERVICE:
                            registry.note(part_key, part, part, weight=0)
                            registry.merge(whole, part_key)


def statement_findings(statement: Statement, reading: Reading) -> Iterator[list[Finding]]:
    """The findings of each sentence of a statement (one list per sentence)."""
    doc = reading.parses[statement.text]
    topics, resolver = reading.topics, reading.resolver
    vocabulary = resolver.vocabulary
    topic = topics.of(statement)
    path_topics = [ref for ref in topics.path(statement.section.doc, statement.section.path) if ref is not None]
    previous: Ref | None = None
    source = statement.source
    for index, sentence in enumerate(doc.sents):
        text = statement.original(sentence.start_char, sentence.end_char)
        if not text or text.rstrip().endswith("?"):
            continue  # a question states nothing
        findings: list[Finding] = []
        subject_of_sentence = previous or topic
        if any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} and not resolver.is_pronoun(c) for c in sentence.root.children):
            # "X ... because it provides Y": a pronoun inside the sentence points to its own subject
            subject_of_sentence = _main_subject(sentence, lambda i: resolver.ref(doc[i]))
        # Only a fragment leaves its subject to the topic; a full sentence parsed without
        # a subject is a misparse, not a statement about the topic.
        implicit = topic if (index == 0 and statement.prefix) or sentence[0].tag_ in _FRAGMENT_OPENERS else None
        # "Stacking combines ..." parsed with "Stacking" as the verb: the topic is still the subject.
        misparsed_root = topic is not None and sentence.root.i == sentence.start and sentence.root.tag_ == "VBG" \
            and topic.surface.casefold().startswith(sentence.root.lower_)
        if misparsed_root:
            implicit = topic

        def resolve(token_index: int | None, whole: bool = False, subject: bool = True, start: int | None = None) -> Ref | None:
            if token_index is None:
                return implicit
            token = doc[token_index]
            if resolver.is_pronoun(token):
                if not subject:
                    return None  # "integrate them": objects are too often not the topic
                return _antecedent(token, [subject_of_sentence, topic, *reversed(path_topics)], vocabulary.generic_heads)
            return resolver.ref(token, whole=whole, start=start)

        links = list(sentence_links(sentence, resolver.lexicon))
        if index == 0 and statement.block.kind == "table" and not statement.prefix and topic is not None:
            for link in attribute_links(sentence, statement.block.attribute):
                value = resolve(link.object, subject=False)
                if _usable(value) and value.key != topic.key:
                    findings.append(Finding(topic.key, link.relation, value.key, STATED, False, text, source))
        for link in links:
            if misparsed_root and link.subject is None and link.relation.startswith(third_person(sentence.root.lemma_)):
                continue  # the misread verb "stacks" is no relation
            subject, obj = resolve(link.subject), resolve(link.object, link.whole, subject=False, start=link.start)
            if not _usable(subject) or not _usable(obj) or subject.key == obj.key:
                continue
            if link.secondary and obj.type != SERVICE:
                continue
            if link.relation == "is a" and (obj.name.casefold() in vocabulary.not_kinds
                                            or obj.name.split()[-1].casefold() in vocabulary.not_kinds):
                continue
            findings.append(Finding(subject.key, link.relation, obj.key, STATED, link.negated, text, source))
            if link.relation == "is a" and not link.negated and (index == 0 or statement.prefix):
                resolver.registry.define(subject.key, text)
        if index == 0:
            findings.extend(label_findings(statement, topics, text))
        findings.extend(parenthetical_findings(sentence, topic, resolver, text, source))
        findings.extend(compound_findings(sentence, resolver, text, source))
        mentions = resolver.mentions(sentence)
        linked = {frozenset((f.subject, f.object)) for f in findings}
        for i, first in enumerate(mentions):
            for second in mentions[i + 1:]:
                if first.key != second.key and frozenset((first.key, second.key)) not in linked:
                    findings.append(Finding(first.key, COOCCURS, second.key, COOCCURRENCE, False, text, source))
        findings.extend(Finding(ref.key, MENTIONS, ref.key, COOCCURRENCE, False, text, source)
                        for ref in mentions if ref.type == SERVICE)
        yield findings
        previous = _main_subject(sentence, resolve) or previous


def list_findings(notes: list[Note], reading: Reading) -> Iterator[list[Finding]]:
    """"SageMaker Autopilot performs the following key tasks" followed by a list: the verb
    links the subject to each item (the sub-headings or labels that come next)."""
    resolver, topics = reading.resolver, reading.topics
    children: dict[tuple[str, tuple[str, ...]], list] = {}
    for note in notes:
        for section in note.sections:
            if section.path:
                children.setdefault((note.doc, section.path[:-1]), []).append(section)
    for statement in reading.statements:
        doc = reading.parses[statement.text]
        for sentence in doc.sents:
            marker = next((t for t in sentence if t.lower_ == "following" and t.head.pos_ == "NOUN" and t.head.dep_ == "dobj"), None)
            if marker is None:
                continue
            verb = marker.head.head
            subjects = subjects_of(verb)
            if subjects is None and verb.tag_ == "VB":
                continue  # "consider the following factors" speaks to the reader
            topic = topics.of(statement)
            refs = [topic] if not subjects else [topic if resolver.is_pronoun(t) else resolver.ref(t) for t in subjects]
            refs = [r for r in refs if _usable(r)]
            if not refs or verb.lemma_.casefold() in resolver.vocabulary.instrument_verbs:
                continue
            items = [topics.path(sec.doc, sec.path)[-1] for sec in children.get((statement.section.doc, statement.section.path), [])
                     if sec.line > statement.block.line]
            later = statement.section.blocks[statement.section.blocks.index(statement.block) + 1:]
            items += [topics.label(block.label) for block in later if block.label]
            intro = statement.original(sentence.start_char, sentence.end_char)
            label = third_person(verb.lemma_.casefold())
            yield [Finding(ref.key, label, item.key, STATED, is_negated(verb), f"{intro} – {item.surface}", statement.source)
                   for ref in refs for item in items if item is not None and item.key != ref.key]


def _read_statement(statement: Statement, reading: Reading, assembler: Assembler) -> None:
    for findings in statement_findings(statement, reading):
        assembler.add(findings)


_FRAGMENT_OPENERS = {"VBZ", "VBN", "VBD", "VBP", "MD"}
_GENERIC_ANAPHORS = {"service": "service", "feature": "service", "tool": "service", "capability": "service", "platform": "service"}


def _antecedent(token: Token, candidates: list[Ref | None], generic_heads: frozenset[str]) -> Ref | None:
    """What "it", "they" or "these models" points back to: the previous sentence's
    subject or the topic; a noun ("these models") must agree with the antecedent's head."""
    if token.pos_ == "PRON" or token.lower_ in {"it", "they", "this", "these", "that", "those"}:
        return next((ref for ref in candidates if ref is not None), None)
    noun = token.lemma_.casefold()
    if noun in generic_heads and noun not in _GENERIC_ANAPHORS:
        return next((ref for ref in candidates if ref is not None), None)  # "this algorithm"
    for ref in candidates:
        if ref is None:
            continue
        if _GENERIC_ANAPHORS.get(noun) == ref.type or entity_key(ref.name.split()[-1]) == entity_key(noun):
            return ref
    return None


def _usable(ref: Ref | None) -> bool:
    return ref is not None and ref is not HUMAN


def _main_subject(sentence: Span, resolve) -> Ref | None:
    """The entity the sentence is about, which "it" or "they" in the next one refer to."""
    for subject in subjects_of(sentence.root) or []:
        ref = resolve(subject.i)
        if _usable(ref):
            return ref
    return None
