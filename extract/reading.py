"""Reading one note: its parsed passages turned into mentions and relations.

``read_note(note, vocabulary)`` is a pure function of the note and the vocabulary: it
looks at no other note, so its findings can be cached by the note's content alone.
Everything that needs all notes (merging names, abbreviations, termhood) is assembly's.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from .names import entity_key
from .findings import Definition, Mention, NoteFindings, Relation, SectionFindings, Statement, combine, said_of_each
from .block_layout import list_item_under, table_cell_relations, table_row_relations
from .mentions import NameIndex, abbreviation_pairs, alternatives_of, one_named_first, actor_of, is_aspect, kind_label, mention_of, topic_of, \
    within_owner
from .lead_ins import with_lead_ins
from .model import Block, Note, Section, Source
from .parse import block_passages, is_prose, known_lemmas, known_verbs, load_pipeline, parse_passages, passages
from .relations import (HAS_EXAMPLE, Reading, doers_named, with_equated_topic, lists_members, aside_relations, heading_relations, practice_relations, subject_of_sentence, label_verb,
                        label_verb_relations, sentence_relations, table_relations, label_clause_relations)
from .rules import ReadingRules, reading_rules
from .sentence_findings import named_subject, verb_first, actor_in, first_definitions, outside_commands, sentence_mentions
from .reading_state import Docs, Found
from .vocabulary import Vocabulary

__all__ = ["NoteReader", "read_note", "combine", "section_passages"]


class NoteReader:
    """Reads notes against one vocabulary with one spaCy pipeline."""

    def __init__(self, nlp: Language, vocabulary: Vocabulary, *, texts: Iterable[str] | None = None):
        """``texts``: the only passages this reader will read, when known (its name matchers
        then hold just the names that can occur in them)."""
        self.nlp = nlp
        self.rules: ReadingRules = reading_rules(vocabulary, known_verbs(nlp), known_lemmas(nlp, "noun"),
                                                   known_lemmas(nlp, "adj"))
        self.names = NameIndex.build(nlp, vocabulary, texts)
        self.parents = {entry.name: entry.parent for entry in vocabulary.services if entry.parent}
        self.catalogue = {entity_key(form): entry.name for entry in vocabulary.services for form in (entry.name, *entry.aliases)}
        self.vendors = frozenset(word.lower() for word in vocabulary.vendors())

    def read(self, note: Note, parses: Mapping[str, Doc]) -> NoteFindings:
        """The findings of ``note``, given the parses of its passages (``section_passages``)."""
        docs = self.docs(parses)
        return combine(note, [self.read_section(note, section, docs) for section in note.sections])

    def docs(self, parses: Mapping[str, Doc]) -> Mapping[str, Doc]:
        """Parses as the readers use them: with the vocabulary's names merged into tokens."""
        return Docs(parses, self.names)

    def read_section(self, note: Note, section: Section, parses: Mapping[str, Doc]) -> SectionFindings:
        """The findings of one section of ``note``: they depend on nothing else of the note
        (its name and format aside), so a changed note reads again only its changed sections."""
        docs = parses if isinstance(parses, Docs) else Docs(parses, self.names)
        found = Found()
        abbreviations: dict[tuple[str, str], None] = {}
        card = note.format == "flashcards"
        topics = [self._topic(docs[heading], card=card, term=card and not depth) for depth, heading in enumerate(section.path)]
        topics = within_owner(topics, section.path, self.catalogue, self.vendors)
        together = alternatives_of(docs[section.path[-1]]) if section.path else []  # "XGBoost/LightGBM"
        topics[-1:] = together[:1] or topics[-1:]
        section_topic = self._section_topic(section.path, topics)
        section_topics = together if together and section_topic == together[0] else [section_topic]
        reading = Reading(self.rules.relations, Source(note.doc, section.heading, section.line), section.heading)
        found.relations += said_of_each(list(heading_relations(topics, reading, self.parents, section.path,
                                                                      self.rules.aspect_labels)), section_topic,
                                        section_topics)
        if section.path and topics[-1] is not None:
            found.relations += aside_relations(docs[section.path[-1]][:], replace(reading, topic=topics[-1]))
        items: list[Mention] = []  # the terms a labelled block defines, which a "Use case:" block after it goes on about
        for block in filter(is_prose, with_lead_ins(section.blocks)):
            items = self._block(note, section, block, docs, section_topics, found, items)
            for pair in abbreviation_pairs(f"{block.label} {block.text}"):
                abbreviations.setdefault(pair, None)
        definitions = found.definitions + first_definitions(found.relations)
        return SectionFindings(tuple(found.statements), tuple(found.relations), tuple(definitions),
                               tuple(abbreviations))

    def _section_topic(self, path: Sequence[str], topics: list[Mention | None]) -> Mention | None:
        """The deepest heading's topic; headings naming an aspect ("Features", "Pricing")
        pass the topic above them through, other headings that name no topic stop it; an
        activity under a service leaves the service as actor ("Autopilot > Model deployment")."""
        for depth in range(len(path) - 1, -1, -1):
            if topics[depth] is not None:
                return actor_of(topics[depth], self._section_topic(path[:depth], topics[:depth]))
            if not is_aspect(path[depth], self.rules.aspect_labels):
                return None
        return None

    def _topic_heading(self, section: Section) -> str:
        """The heading the section's topic comes from (the deepest one not an aspect)."""
        return next((h for h in reversed(section.path) if not is_aspect(h, self.rules.aspect_labels)), "")

    def _topic(self, doc: Doc, *, card: bool = False, term: bool = False) -> Mention | None:
        """What a heading or label is about; a card's headings name their topic even with a word
        that elsewhere labels an aspect ("Deployment" in a Kubernetes deck), and its term even
        with one that names nothing in prose ("Service")."""
        rules = self.rules
        return topic_of(doc, rules.relations.phrases, rules.heading_patterns, frozenset() if card else rules.aspect_labels,
                        card=term)

    def _block(self, note: Note, section: Section, block: Block, docs: Docs, section_topics: list[Mention | None],
               found: Found, items: list[Mention]) -> list[Mention]:
        """Reads ``block`` under the section's topics ("XGBoost/LightGBM"); returns the terms a next "Use case:" is about."""
        section_topic = section_topics[0]
        terms = self._label_terms(block, docs, section.path[-1:])
        label_topic = terms[0] if terms else None
        source = Source(note.doc, section.heading, block.line)
        owners = items if items and block.kind != "bullet" else section_topics
        if not terms and (said := self._label_says(block, docs, owners, source, section.path[-1:])) is not None:
            found.relations += said
            return items
        phrases = self.rules.relations.phrases
        actor, defines = _actor(label_topic, section_topic, block, docs, (phrases.nouns, phrases.adjectives))
        defines = block.kind != "table" and (defines or (note.format == "flashcards" and _card_opening(section, block)))
        start = len(found.relations)
        opening = self._sentences(block, docs, actor, source, found, defines=defines)
        found.relations += label_clause_relations(block.label, docs, Reading(self.rules.relations, source,
                                                                             f"{block.label}: {block.text}", actor))
        found.relations += self._layout(section, block, docs, label_topic, section_topic, source)
        if label_topic is not None and opening is not None:  # "Experiment Tracking: SageMaker Experiments helps ..."
            found.relations += practice_relations(label_topic, *opening)
        subjects = (terms if len(terms) > 1 else []) if terms else one_named_first(block.text, section_topics)
        found.relations[start:] = said_of_each(found.relations[start:], actor, subjects)
        return terms if block.kind != "bullet" else []

    def _label_terms(self, block: Block, docs: Docs, heading: Sequence[str]) -> list[Mention]:
        """What a block's label names: a term, several ("XGBoost/LightGBM:"), or nothing ("Use cases:");
        a table row's first cell names one of the things the table sets side by side, and a label
        under "Definitions" one term of a glossary, a term even in an everyday word ("wheel" in a
        table of package formats, "**Index:**")."""
        if not block.label:
            return []
        terms = alternatives_of(docs[block.label]) or [t for t in [self._topic(docs[block.label])] if t is not None]
        listed = block.kind == "table" or any(h.strip(" :").lower() in self.rules.glossary_headings for h in heading)
        return [replace(t, proper=True) if listed and not t.known else t for t in terms]

    def _label_says(self, block: Block, docs: Docs, owners: list[Mention | None], source: Source,
                    heading: tuple[str, ...]) -> list[Relation] | None:
        """"Provides: X, Y", "Use cases: X, Y": what the term above (in a bullet, the topic) does or
        is for; "Examples: X, Y" under a class heading, that each is one; None for other labels."""
        if not block.label:
            return None
        verb = label_verb(docs[block.label][:], self.rules.relations.verbs)
        attribute = None if verb else self.rules.table_predicate(block.label)
        if attribute == HAS_EXAMPLE and not (heading and all(lists_members(docs[p], docs[heading[0]], self.rules.relations.phrases.nouns)
                                                  for p in passages(block.text))):
            attribute = None
        if not verb and not attribute:
            return None
        return said_of_each(list(self._label_verb(block, docs, verb, owners[0], source, attribute)), owners[0], owners)

    def _layout(self, section: Section, block: Block, docs: Docs, label_topic: Mention | None,
                section_topic: Mention | None, source: Source) -> Iterator[Relation]:
        """What the block's place says: a label under a heading, a table cell, a list item."""
        if label_topic is not None and section_topic is not None and block.kind != "table":
            reading = Reading(self.rules.relations, source, f"{section.path[-1]} > {block.label}", section_topic)
            if predicate := self.rules.table_predicate(section.path[-1]):  # "Use cases" > "**Text generation:** ..."
                yield from table_relations(section_topic, label_topic, predicate, reading)
            else:
                topic_heading = self._topic_heading(section)
                aspects = section.path[section.path.index(topic_heading) + 1:] if topic_heading else []  # "Considerations"
                yield from heading_relations([section_topic, *[None] * len(aspects), label_topic], reading, self.parents,
                                             [topic_heading, *aspects, block.label])
        if block.kind == "table" and label_topic is not None:
            yield from table_cell_relations(block, docs, label_topic, source, self.rules)
            yield from table_row_relations(block, docs, label_topic, source, self.rules)
        elif block.kind in {"bullet", "card"} and not block.label and section_topic is not None:
            yield from list_item_under(block, docs, section.path[-1], section_topic, source, self.rules)

    def _sentences(self, block: Block, docs: Docs, topic: Mention | None, source: Source, found: Found, *,
                   defines: bool) -> tuple[list[Mention], Reading] | None:
        """Each sentence of ``block`` read with the block's topic; the first one, under a
        label or card term, may define it. Returns what the first one names as its subject, if
        anything, and how it was read."""
        antecedent = opening = None
        written = [s for p in passages(block.text) for s in docs[p].sents]
        words = self.rules.relations.phrases
        read = [verb_first(s, docs, words.verbs, words.nouns) for s in written[:1]] if block.label else written[:1]
        for number, (sentence, text) in enumerate(zip(read + written[1:], written)):
            evidence = (f"{block.label}: " + ("… " if number else "") + text.text) if block.label else text.text
            sentence, renamed = self._renamed(sentence, docs)
            actor = renamed or actor_in(sentence, block, topic, self.rules.relations.reader_verbs)
            reading = Reading(self.rules.relations, source, evidence, actor, None if topic else antecedent)
            reading = with_equated_topic(sentence, reading)  # "RDS Multi-AZ = ..., for high availability"
            opening = (_named_subjects(sentence, reading, renamed), reading) if number == 0 else opening
            antecedent = subject_of_sentence(sentence, reading) or antecedent
            first = defines and number == 0
            found.relations += outside_commands(sentence_relations(sentence, reading, defines_topic=first), block)
            if first and topic is not None:
                found.definitions.append(Definition(topic, evidence))
            found.statements.append(Statement(evidence, source, tuple(sentence_mentions(sentence, reading))))
        return opening

    def _renamed(self, sentence: Span, docs: Docs) -> tuple[Span, Mention | None]:
        """"Loki indexes only labels", read as "It indexes ...", and the name "It" stands for."""
        words = self.rules.relations.phrases
        if (named := named_subject(sentence, docs, words.verbs, words.nouns)) and (name := mention_of(named[1], words)):
            return named[0], name
        return sentence, None

    def _label_verb(self, block: Block, docs: Docs, verb: str, topic: Mention | None,
                    source: Source, predicate: str | None = None) -> Iterator[Relation]:
        for passage in passages(block.text):
            for sentence in docs[passage].sents:
                reading = Reading(self.rules.relations, source, f"{block.label}: {sentence.text}", topic)
                yield from label_verb_relations(verb, sentence, reading, predicate)


def section_passages(section: Section) -> list[str]:
    """The passages one section needs parsed: its headings and its blocks' texts and labels."""
    return list(dict.fromkeys([*section.path, *(p for block in with_lead_ins(section.blocks) for p in block_passages(block))]))


_READERS: dict[int, tuple[Vocabulary, NoteReader]] = {}


def _reader(vocabulary: Vocabulary) -> NoteReader:
    """One reader per vocabulary (building the name matchers takes a moment)."""
    if id(vocabulary) not in _READERS:
        _READERS[id(vocabulary)] = (vocabulary, NoteReader(load_pipeline(), vocabulary))
    return _READERS[id(vocabulary)][1]


def read_note(note: Note, vocabulary: Vocabulary, *, reader: NoteReader | None = None) -> NoteFindings:
    """What ``note`` says, read against ``vocabulary`` alone.

    >>> from extract import load_vocabulary                         # doctest: +SKIP
    >>> read_note(note, load_vocabulary()).relations[0].predicate   # doctest: +SKIP
    'detects'
    """
    reader = reader or _reader(vocabulary)
    return reader.read(note, parse_passages(reader.nlp, [p for section in note.sections for p in section_passages(section)]))


def _named_subjects(sentence: Span, reading: Reading, renamed: Mention | None) -> list[Mention]:
    """What a sentence names as its subjects: the name re-read as "It", or its explicit subjects (not the topic)."""
    return [renamed] if renamed else doers_named(sentence.root, replace(reading, topic=None))


def _actor(label: Mention | None, section: Mention | None, block: Block, docs: Docs,
           words: tuple[frozenset[str], frozenset[str]]) -> tuple[Mention | None, bool]:
    """Who acts in ``block``, and whether its first sentence says what that is: the label's term
    it defines, or the service a kind label describes ("Amazon DynamoDB > NoSQL Database: A ...")."""
    if label is not None and kind_label(label, section, lambda: next(docs[passages(block.text)[0]].sents, None)):
        return section, True
    actor = actor_of(label, section, *words)
    return actor, label is not None and actor == label


def _card_opening(section: Section, block: Block) -> bool:
    """A card's unlabelled line before any labelled one says what its term is; after "Pricing:", lines list values."""
    blocks = section.blocks[:section.blocks.index(block) + 1]
    return not any(b.label for b in blocks)
