"""Notes in, entities and evidence-backed triples out: the whole extraction in one call."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .abbreviations import abbreviation_pairs
from .assembly import Assembler
from .catalogue import CatalogueMatcher
from .lexicon import Lexicon
from .model import Entity, Note, Problem, Triple
from .nlp import load_pipeline
from .notes import read_notes
from .phrases import coordinated_phrase
from .reading import list_findings, statement_findings
from .registry import SERVICE, Registry
from .resolution import Resolver
from .statements import Statement, complete, statements_of
from .structure import heading_findings
from .topics import Topics, unwrap_heading
from .vocabulary import Vocabulary, load_vocabulary

__all__ = ["Extraction", "Reading", "extract", "extract_folder", "prepare"]

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
        """Parse the texts not parsed yet, reporting progress within ``share`` of the whole."""
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
        """Every doc parsed so far."""
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


def extract_folder(folder: Path | Sequence[Path], *, vocabulary: Vocabulary | None = None, nlp: Language | None = None,
                   progress: Progress | None = None) -> Extraction:
    """Read every note under ``folder`` (or under each of several folders, e.g. the
    shipped notes and a user's uploads) and extract its graph (see :func:`extract`)."""
    vocabulary = vocabulary or load_vocabulary()
    folders = [Path(folder)] if isinstance(folder, (str, Path)) else [Path(f) for f in folder]
    notes: list[Note] = []
    problems: list[Problem] = []
    for path in folders:
        found, skipped = read_notes(path, vocabulary.boilerplate)
        names = {note.doc for note in notes}
        # A name already used by an earlier folder is qualified by its folder's name.
        notes += [note if note.doc not in names else _renamed(note, f"{path.name}/{note.doc}") for note in found]
        problems += skipped
    extraction = extract(notes, vocabulary=vocabulary, nlp=nlp, progress=progress)
    extraction.problems = problems
    return extraction


def _renamed(note: Note, doc: str) -> Note:
    return replace(note, doc=doc, sections=tuple(replace(section, doc=doc) for section in note.sections))


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


def _read_statement(statement: Statement, reading: Reading, assembler: Assembler) -> None:
    for findings in statement_findings(statement, reading):
        assembler.add(findings)
