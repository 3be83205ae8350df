"""What reading one note did, kept as plain data so that it can be cached and replayed.

Reading a note resolves its words against the registry as the notes' aliases left it,
and records two things: what it tells the registry (a spelling seen, a definition
found) and the findings it passes to the assembler. A note read alone against that
registry gives the same transcript whatever the other notes say, so an unchanged note's
transcript is replayed instead of read again, and replaying every note in order gives
the same graph as reading them all.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass

from .assembly import Assembler, Finding
from .model import Entity
from .registry import Registry

__all__ = ["Mention", "Definition", "Transcript", "Part", "Lookup", "NoteReading", "RegistryRecorder", "NoRecorder"]


@dataclass(frozen=True)
class Mention:
    """``key`` was written ``surface``, proposing the name ``name`` (see :meth:`Registry.note`)."""

    key: str
    name: str
    surface: str
    weight: int = 1


@dataclass(frozen=True)
class Definition:
    """``sentence`` defines ``key`` (see :meth:`Registry.define`)."""

    key: str
    sentence: str


@dataclass(frozen=True)
class Transcript:
    """One note's reading: what it told the registry and its findings, in order."""

    registry_notes: tuple[Mention | Definition, ...]
    findings: tuple[tuple[Finding, ...], ...]

    def replay(self, registry: Registry, assembler: Assembler) -> None:
        """Tell ``registry`` and ``assembler`` what reading the note told them."""
        for entry in self.registry_notes:
            if isinstance(entry, Mention):
                registry.note(entry.key, entry.name, entry.surface, weight=entry.weight)
            else:
                registry.define(entry.key, entry.sentence)
        for findings in self.findings:
            assembler.add(findings)


# A heading path or label looked up (``("label", text, defined)``, ``("path", doc, path)``).
TopicKey = tuple


@dataclass(frozen=True)
class Part:
    """What reading one statement (or a note's headings and lists) recorded, and the
    topics it looked up (what looking them up records is kept once per note)."""

    registry_notes: tuple[Mention | Definition, ...]
    findings: tuple[tuple[Finding, ...], ...]
    topics: tuple[TopicKey, ...]


@dataclass(frozen=True)
class Lookup:
    """What looking a topic up recorded, and the topics it looked up in turn."""

    registry_notes: tuple[Mention | Definition, ...]
    needs: tuple[TopicKey, ...]


@dataclass(frozen=True)
class NoteReading:
    """A note's reading in parts, so that a changed note reads again only the statements
    that changed (``parts`` by statement key, then each section's headings by the section's,
    then ``"lists"``)."""

    parts: dict[str, Part]
    topics: dict[TopicKey, Lookup]

    def looked_up(self) -> list[TopicKey]:
        """Every topic the parts looked up, and those these looked up in turn, in order."""
        looked_up: dict[TopicKey, None] = {}
        pending = [key for part in self.parts.values() for key in part.topics][::-1]
        while pending:
            key = pending.pop()
            if key not in looked_up:
                looked_up[key] = None
                pending.extend(reversed(self.topics[key].needs))
        return list(looked_up)

    def transcript(self) -> Transcript:
        """The whole note's transcript: each part's, then each topic's looked up."""
        notes = [entry for part in self.parts.values() for entry in part.registry_notes]
        notes += [entry for key in self.looked_up() for entry in self.topics[key].registry_notes]
        return Transcript(_summed(notes), tuple(findings for part in self.parts.values() for findings in part.findings))


def _summed(notes: list[Mention | Definition]) -> tuple[Mention | Definition, ...]:
    """The same registry notes with repeated mentions as one, their weights summed (what
    the registry keeps of mentions does not depend on their order; of definitions it does)."""
    weights: dict[Mention, int] = {}
    for entry in notes:
        if isinstance(entry, Mention):
            unweighted = Mention(entry.key, entry.name, entry.surface, 0)
            weights[unweighted] = weights.get(unweighted, 0) + entry.weight
    summed = [Mention(m.key, m.name, m.surface, weight) for m, weight in weights.items()]
    return tuple(summed + [entry for entry in notes if isinstance(entry, Definition)])


class RegistryRecorder:
    """The registry as one note's reading sees it: every lookup answered by ``registry``
    (which reading never changes), every mention and definition recorded instead of kept,
    in the part being read or the topic being looked up."""

    def __init__(self, registry: Registry):
        self._registry = registry
        self._notes: list[Mention | Definition] = []
        self._findings: list[tuple[Finding, ...]] = []
        self._topics_used: dict[TopicKey, None] = {}
        self._resolving: list[tuple[list[Mention | Definition], dict[TopicKey, None]]] = []
        self.topics: dict[TopicKey, Lookup] = {}

    def find(self, key: str) -> str:
        return self._registry.find(key)

    def service_key(self, name: str) -> str:
        return self._registry.service_key(name)

    def known(self, text: str) -> str | None:
        return self._registry.known(text)

    def type_of(self, key: str) -> str:
        return self._registry.type_of(key)

    def concept_key(self, name: str, *, capitalised: bool) -> str:
        return self._registry.concept_key(name, capitalised=capitalised)

    def entity(self, key: str) -> Entity:
        return self._registry.entity(key)

    def note(self, key: str, name: str, surface: str, *, weight: int = 1) -> str:
        root = self._registry.find(key)
        self._record(Mention(root, name, surface, weight))
        return root

    def define(self, key: str, sentence: str) -> None:
        self._record(Definition(self._registry.find(key), sentence))

    def _record(self, entry: Mention | Definition) -> None:
        (self._resolving[-1][0] if self._resolving else self._notes).append(entry)

    def add(self, findings: Iterable[Finding]) -> None:
        """Record the findings of one sentence (or one heading, or one list)."""
        self._findings.append(tuple(findings))

    def use(self, topic: TopicKey) -> None:
        """The part being read (or the topic being looked up) looks ``topic`` up."""
        (self._resolving[-1][1] if self._resolving else self._topics_used).setdefault(topic)

    @contextmanager
    def resolving(self, topic: TopicKey) -> Iterator[None]:
        """What is recorded inside belongs to looking ``topic`` up (once per note)."""
        self._resolving.append(([], {}))
        try:
            yield
        finally:
            notes, needs = self._resolving.pop()
            self.topics[topic] = Lookup(tuple(notes), tuple(needs))

    def part(self) -> Part:
        """What was recorded since the last part, as one part."""
        part = Part(tuple(self._notes), tuple(self._findings), tuple(self._topics_used))
        self._notes, self._findings, self._topics_used = [], [], {}
        return part


class NoRecorder:
    """Stands for a recorder where nothing is recorded."""

    def use(self, topic: TopicKey) -> None:
        pass

    def resolving(self, topic: TopicKey) -> AbstractContextManager[None]:
        return nullcontext()
