"""One node per thing: merges every surface form of a service or concept under one name."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from .model import Entity
from .naming import entity_key
from .vocabulary import CatalogueEntry, Vocabulary

__all__ = ["Registry"]

SERVICE, CONCEPT = "service", "concept"
# A concept that shares its key with a service alias but is an ordinary word ("batch").
_PLAIN_WORD = "~"


class Registry:
    """Keys of things and the merges between them (a union-find over :func:`entity_key`).

    Catalogue and glossary entries come first and keep their official names; concepts
    found in the notes are named by the spelling the notes use most.
    """

    def __init__(self, vocabulary: Vocabulary):
        self._parent: dict[str, str] = {}
        self._entry: dict[str, CatalogueEntry] = {}
        self._type: dict[str, str] = {}
        self._names: dict[str, Counter] = defaultdict(Counter)
        self._surfaces: dict[str, set[str]] = defaultdict(set)
        self._definition: dict[str, str] = {}
        self._cased_aliases: set[str] = set()  # keys of aliases written with capitals ("mAP", "CV")
        for entry in vocabulary.services:
            self._add_entry(entry, SERVICE)
        for entry in vocabulary.concepts:
            self._add_entry(entry, CONCEPT)

    def _add_entry(self, entry: CatalogueEntry, entity_type: str) -> None:
        key = entity_key(entry.name)
        if key in self._parent:
            return
        self._parent[key] = key
        self._entry[key] = entry
        self._type[key] = entity_type
        for alias in entry.aliases:
            alias_key = entity_key(alias)
            if alias_key and alias_key not in self._parent:
                self._parent[alias_key] = key
                if alias != alias.lower() and len(alias.split()) == 1:
                    self._cased_aliases.add(alias_key)

    # union-find -----------------------------------------------------------------------
    def find(self, key: str) -> str:
        """The canonical key of ``key`` (itself when it was never merged)."""
        root = key
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        while self._parent.get(key, key) != root:
            self._parent[key], key = root, self._parent[key]
        return root

    def merge(self, first: str, second: str) -> str:
        """Merge two keys; a catalogue entry, then a service, wins the canonical key."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return a
        if self._rank(b) > self._rank(a):
            a, b = b, a
        self._parent[b] = a
        self._parent.setdefault(a, a)
        self._names[a].update(self._names.pop(b, Counter()))
        self._surfaces[a] |= self._surfaces.pop(b, set())
        if b in self._definition and a not in self._definition:
            self._definition[a] = self._definition.pop(b)
        return a

    def _rank(self, key: str) -> tuple[int, int, int]:
        return (self._type.get(key) == SERVICE, key in self._entry, sum(self._names[key].values()))

    # lookups --------------------------------------------------------------------------
    def service_key(self, name: str) -> str:
        """The canonical key of a catalogue entry's name."""
        return self.find(entity_key(name))

    def known(self, text: str) -> str | None:
        """The canonical key of a catalogue or glossary name or alias, else None."""
        key = entity_key(text)
        root = self.find(key)
        return root if key in self._parent and root in self._entry else None

    def type_of(self, key: str) -> str:
        """"service" or "concept"."""
        return self._type.get(self.find(key), CONCEPT)

    def concept_key(self, name: str, *, capitalised: bool) -> str:
        """The key for a concept phrase. A plain lower-case word never becomes a service,
        or an acronym, just because one has it as an alias ("batch" is not AWS Batch,
        "maps" are not mAP)."""
        key = entity_key(name)
        root = self.find(key)
        plain = not capitalised and len(name.split()) == 1
        if plain and (self._type.get(root) == SERVICE or key in self._cased_aliases):
            return _PLAIN_WORD + key
        return root

    def fingerprint(self) -> str:
        """A digest of everything lookups and names depend on: equal fingerprints mean a
        note is read the same against either registry."""
        state = (
            sorted((key, self.find(key)) for key in self._parent),
            sorted((key, sorted(names.items())) for key, names in self._names.items() if names),
            sorted((key, sorted(surfaces)) for key, surfaces in self._surfaces.items() if surfaces),
            sorted(self._definition.items()),
        )
        return hashlib.sha256(repr(state).encode()).hexdigest()[:32]

    # recording ------------------------------------------------------------------------
    def note(self, key: str, name: str, surface: str, *, weight: int = 1) -> str:
        """Record a mention of ``key`` spelled ``surface`` and proposing the name ``name``."""
        root = self.find(key)
        self._parent.setdefault(root, root)
        self._names[root][name.strip("-–•*. ")] += weight
        self._surfaces[root].add(surface.strip("-–•*. "))
        return root

    def define(self, key: str, sentence: str) -> None:
        """Remember the first sentence that defines a thing ("X is a ...")."""
        self._definition.setdefault(self.find(key), sentence)

    def entity(self, key: str) -> Entity:
        """The entity behind a key: its best name, type, aliases and definition."""
        root = self.find(key)
        entry = self._entry.get(root)
        names = self._names.get(root, Counter())
        if entry:
            name = entry.name
        elif names:
            name = max(names.items(), key=lambda item: (item[1], _natural_casing(item[0]), -len(item[0])))[0]
        else:
            name = root.lstrip(_PLAIN_WORD)
        aliases = set(self._surfaces.get(root, set())) | set(names)
        if entry:
            aliases |= set(entry.aliases)
        aliases.discard(name)
        return Entity(
            name=name,
            type=self._type.get(root, CONCEPT),
            aliases=tuple(sorted(aliases, key=lambda alias: (alias.casefold(), alias))),
            category=entry.category if entry else "",
            parent=entry.parent if entry and entry.parent else "",
            definition=self._definition.get(root, ""),
        )


def _natural_casing(name: str) -> int:
    """Prefer names whose casing reads naturally (lower case unless a proper noun)."""
    return 1 if name[:1].islower() or not name[1:].islower() else 0
