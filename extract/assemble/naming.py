"""One node per thing across all notes: every mention is mapped to a canonical name.

A vocabulary name keeps its catalogue or glossary name; a phrase spelled like a known
alias joins that name; an abbreviation defined in any note ("Principal Component Analysis
(PCA)") joins its long form everywhere; other phrases merge by their key (case, hyphens,
plurals ignored) under their most frequent spelling.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..findings import CONCEPT, SERVICE, Mention, NoteFindings
from ..names import entity_key, is_acronym, is_activity, singular
from ..vocabulary import CatalogueEntry, Vocabulary
from ..frequency import is_common, zipf

__all__ = ["Names"]

LOWER_SERVICE_WORD = 3.5  # a lowercase word rarer than this may stand for a service the notes name


class Names:
    """Canonical names for the mentions of a set of notes."""

    def __init__(self, vocabulary: Vocabulary, findings: Iterable[NoteFindings]):
        self.entries: dict[str, tuple[str, CatalogueEntry]] = {}
        self._aliases: dict[str, str] = {}
        self._written: dict[str, str] = {}  # service names as written, concept names by key
        self._named_as: dict[Mention, str] = {}
        spelled: dict[str, set[bool]] = {}  # key -> whether its forms are acronyms
        for kind, entries in ((CONCEPT, vocabulary.concepts), (SERVICE, vocabulary.services)):
            for entry in entries:
                self.entries[entry.name] = (kind, entry)
                for form in (entry.name, *entry.aliases):
                    self._aliases.setdefault(entity_key(form), entry.name)
                    self._written.setdefault(form if kind == SERVICE else entity_key(form), entry.name)
                    spelled.setdefault(entity_key(form), set()).add(_initialism(form))
        self._acronyms_only = {key for key, acronym in spelled.items() if acronym == {True}}  # "mAP" is no "maps"
        self._short_names = _short_names(vocabulary)
        self._everyday_short_names = _short_names(vocabulary, everyday=True)
        self._vendors = vocabulary.vendors()
        self._heads = vocabulary.product_heads
        self._built_heads = vocabulary.built_heads
        findings = list(findings)
        self._name_counts = Counter(m.name for note in findings for m in _mentions(note) if m.known)
        self._named = set(self._name_counts)  # names the notes use
        self._long_forms = self._abbreviations(findings)
        self._abbreviated = set(self._long_forms.values())
        self._expansions = _expansions(vocabulary, findings)
        self._spellings: dict[str, Counter] = {}
        self._proper: Counter = Counter()
        for note in findings:
            for mention in _mentions(note):
                if not mention.known:
                    self._spellings.setdefault(self._term_key(mention.text), Counter())[mention.text] += 1
                    if mention.proper:
                        self._proper[self._term_key(mention.text)] += 1

    def _abbreviations(self, findings: list[NoteFindings]) -> dict[str, str]:
        """Short form key -> long form key, for abbreviations that are not names themselves."""
        long_forms: dict[str, Counter] = {}
        for note in findings:
            for long, short in note.abbreviations:
                long_forms.setdefault(entity_key(short), Counter())[entity_key(long)] += 1
        return {short: counts.most_common(1)[0][0] for short, counts in long_forms.items()
                if short not in self._aliases or counts.most_common(1)[0][0] in self._aliases}

    def _term_key(self, text: str) -> str:
        """The key of a phrase, its abbreviations spelled out ("ML workflows" is "machine
        learning workflows"), and of a whole abbreviation its long form's."""
        words = text.split()
        if len(words) > 1 and any(word in self._expansions for word in words):
            text = " ".join(self._expansions.get(word, word) for word in words)
        key = entity_key(text)
        return self._long_forms.get(key, key)

    def name_of(self, mention: Mention) -> str:
        """The canonical name of the node ``mention`` belongs to."""
        if mention not in self._named_as:
            self._named_as[mention] = self._name_of(mention)
        return self._named_as[mention]

    def _name_of(self, mention: Mention) -> str:
        if mention.known and mention.name in self.entries:
            return mention.name
        key = self._term_key(mention.text)
        if key in self._aliases and (not mention.text.islower() or (self._lower_name(mention.text, key)
                                                                    and key not in self._acronyms_only)):
            return self._aliases[key]
        if (vendor := self._without_vendor(mention.text)) is not None:
            return vendor
        if (known := self._known_within(mention.text)) is not None:
            return known
        if mention.proper and (short := self._short_name(mention.text, self._everyday_short_names)) is not None:
            return short  # "..., Studio, Jumpstart": SageMaker Studio
        return self._display(key) if key in self._spellings else mention.text

    def _without_vendor(self, text: str) -> str | None:
        """"AWS Sagemaker Jumpstart": a vendor's name before a service the catalogue names without it."""
        first, _, rest = text.partition(" ")
        if first not in self._vendors or not rest:
            return None
        name = self._aliases.get(self._term_key(rest))
        return name if name is not None and self.entries[name][0] == SERVICE else None

    def _lower_name(self, text: str, key: str) -> bool:
        """A name written in lower case: a concept, or a service in notes that name it, unless
        it is an everyday word ("keyspaces" is Amazon Keyspaces in AWS notes; "batch" never
        is AWS Batch)."""
        name = self._aliases[key]
        if self.entries[name][0] != SERVICE:
            return True
        return name in self._named and all(zipf(word) < LOWER_SERVICE_WORD for word in text.split())

    def _display(self, key: str) -> str:
        """The most frequent spelling of the long form (not of its abbreviation)."""
        spellings = self._spellings[key]
        own = [text for text in spellings if entity_key(text) == key] or list(spellings)
        return max(own, key=lambda text: (spellings[text], -own.index(text)))

    def _known_within(self, text: str) -> str | None:
        """"S3 bucket", "Lambda function", "JSON format": a name followed by a common word
        names the thing itself; "Debugger" alone is the one service whose name ends so."""
        words = text.split()
        if len(words) >= 2 and (is_common(words[-1]) or words[-1].lower() in self._heads):
            prefix = " ".join(words[:-1])
            name = self._written.get(prefix) or self._written.get(entity_key(prefix))
            if name is not None and self.entries[name][0] != SERVICE and (
                    is_activity(words[-1]) or singular(words[-1].lower()) in self._built_heads):
                return None  # "transformer training" is an activity on a transformer, "big data tools" no big data
            return name
        if len(words) == 1 and text[:1].isupper():
            return self._short_name(text, self._short_names)
        return None

    def _short_name(self, word: str, endings: dict[str, list[str]]) -> str | None:
        """The service the notes name whose name ``word`` ends: the only one, or the one they
        name at least twice as often as any other ("Studio" in notes on SageMaker Studio that
        mention Glue Studio once)."""
        named = sorted((name for name in endings.get(word, ()) if name in self._named),
                       key=lambda name: -self._name_counts[name])
        if len(named) > 1 and self._name_counts[named[0]] < 2 * self._name_counts[named[1]]:
            return None
        return named[0] if named else None

    def is_proper(self, mention: Mention) -> bool:
        """Written with capitals inside sentences of the notes, more than once: a name of the
        subject ("Deployment", "Service" in Kubernetes notes), not an everyday word."""
        return not mention.known and self._proper[self._term_key(mention.text)] >= 2

    def is_abbreviated(self, mention: Mention) -> bool:
        """A long form the notes give an abbreviation of ("Singular Value Decomposition (SVD)"):
        a term, even where only a heading or label writes it out."""
        return self._term_key(mention.text) in self._abbreviated

    @property
    def vendors(self) -> frozenset[str]:
        """The vendors' names ("amazon", "aws"), in lower case."""
        return frozenset(word.lower() for word in self._vendors)

    def is_known(self, name: str) -> bool:
        return name in self.entries

    def entry(self, name: str) -> tuple[str, CatalogueEntry] | None:
        return self.entries.get(name)


def _initialism(form: str) -> bool:
    """"mAP", "AMT", "S3": a name of mostly capitals, which a lower-case word ("maps", "amt") never means."""
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) * 2 >= len(letters) and is_acronym(form)


def _expansions(vocabulary: Vocabulary, findings: list[NoteFindings]) -> dict[str, str]:
    """Abbreviations as written and their long forms: those the notes define ("Graphics
    Processing Unit (GPU)") and the glossary's acronyms ("ML" of machine learning)."""
    found = {alias: entry.name for entry in vocabulary.concepts for alias in entry.aliases if is_acronym(alias)}
    for note in findings:
        for long, short in note.abbreviations:
            found.setdefault(short, long)
    return found


def _short_names(vocabulary: Vocabulary, *, everyday: bool = False) -> dict[str, list[str]]:
    """Last words of service names ("Debugger" of "SageMaker Debugger") and the names they
    end, shortest first; with ``everyday``, the last words that are everyday words ("Studio",
    "Experiments"), which stand for a service only where written as a name."""
    ending: dict[str, list[str]] = {}
    for entry in vocabulary.services:
        words = entry.name.split()
        if len(words) >= 2 and everyday != (zipf(words[-1]) < 2.5 or any(c.isupper() for c in words[-1][1:])):
            ending.setdefault(words[-1], []).append(entry.name)
    return {word: sorted(names, key=len) for word, names in ending.items()}


def _mentions(note: NoteFindings) -> Iterable[Mention]:
    for statement in note.statements:
        yield from statement.mentions
    for relation in note.relations:
        yield relation.subject
        yield relation.object
