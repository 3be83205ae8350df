"""Load the domain vocabulary from ``content/``: services, concepts, relation verbs, lexicon."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .names import entity_key
from .read.cleaning import Boilerplate

_VENDOR_SERVICES = 20  # services whose names a word opens for it to be the vendor's name

__all__ = ["CatalogueEntry", "Vocabulary", "VocabularyError", "load_vocabulary", "CONTENT_DIR"]

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


class VocabularyError(ValueError):
    """A vocabulary file that is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class CatalogueEntry:
    """A named thing with its aliases: an AWS service (catalogue) or a concept (glossary)."""

    name: str
    aliases: tuple[str, ...] = ()
    category: str = ""
    parent: str = ""
    kind: str = "service"


@dataclass
class Vocabulary:
    """Everything the extractor knows about the subject before reading any note."""

    services: list[CatalogueEntry] = field(default_factory=list)
    concepts: list[CatalogueEntry] = field(default_factory=list)
    synonyms: dict[str, str] = field(default_factory=dict)
    relational_nouns: dict[str, str] = field(default_factory=dict)
    enabling_verbs: frozenset[str] = frozenset()
    symmetric_verbs: frozenset[str] = frozenset()
    instrument_verbs: frozenset[str] = frozenset()
    reader_verbs: frozenset[str] = frozenset()
    purpose_adjectives: frozenset[str] = frozenset()
    part_words: frozenset[str] = frozenset()
    collection_words: frozenset[str] = frozenset()
    combination_words: frozenset[str] = frozenset()
    type_words: frozenset[str] = frozenset()
    stop_concepts: frozenset[str] = frozenset()
    vague_modifiers: frozenset[str] = frozenset()
    human_agents: frozenset[str] = frozenset()
    scenario_words: frozenset[str] = frozenset()
    product_words: frozenset[str] = frozenset()
    aspect_labels: frozenset[str] = frozenset()
    unrelating_aspects: frozenset[str] = frozenset()
    glossary_headings: frozenset[str] = frozenset()
    heading_patterns: tuple[re.Pattern, ...] = ()
    transparent_heads: frozenset[str] = frozenset()
    relational_heads: frozenset[str] = frozenset()
    way_words: frozenset[str] = frozenset()
    means_heads: frozenset[str] = frozenset()
    change_heads: frozenset[str] = frozenset()
    product_heads: frozenset[str] = frozenset()
    built_heads: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    circumstantial_preps: frozenset[str] = frozenset()
    circumstantial_participles: frozenset[str] = frozenset()
    example_markers: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    bland_verbs: frozenset[str] = frozenset()
    result_preps: frozenset[str] = frozenset()
    means_preps: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    alias_markers: frozenset[str] = frozenset()
    separation_verbs: frozenset[str] = frozenset()
    searching_verbs: frozenset[str] = frozenset()
    giving_verbs: frozenset[str] = frozenset()
    supplying_verbs: frozenset[str] = frozenset()
    transfer_verbs: frozenset[str] = frozenset()
    framing_verbs: frozenset[str] = frozenset()
    improvement_verbs: frozenset[str] = frozenset()
    improved_qualities: frozenset[str] = frozenset()
    table_headers: dict[str, str] = field(default_factory=dict)
    boilerplate: Boilerplate = field(default_factory=lambda: Boilerplate([]))

    def vendors(self) -> frozenset[str]:
        """The words that open the names of many services and name none themselves ("Amazon",
        "AWS", not "SageMaker"): a vendor's name, as written."""
        openings = Counter(entry.name.split()[0] for entry in self.services if len(entry.name.split()) > 1)
        names = {entity_key(form) for entry in self.services for form in (entry.name, *entry.aliases)}
        return frozenset(word for word, count in openings.items() if count >= _VENDOR_SERVICES and entity_key(word) not in names)


def _read_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: 10x faster
    except FileNotFoundError:
        raise VocabularyError(f"{path}: vocabulary file is missing") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise VocabularyError(f"{path}: not valid YAML{where}") from None


def _entries(path: Path, default_kind: str) -> list[CatalogueEntry]:
    data = _read_yaml(path) or []
    if not isinstance(data, list):
        raise VocabularyError(f"{path}: expected a list of entries with 'name' and 'aliases'")
    entries = []
    for position, item in enumerate(data, start=1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise VocabularyError(f"{path}: entry {position} has no 'name'")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            raise VocabularyError(f"{path}: entry {item['name']!r} has 'aliases' that is not a list")
        entries.append(CatalogueEntry(
            name=str(item["name"]).strip(),
            aliases=tuple(str(a).strip() for a in aliases if str(a).strip()),
            category=str(item.get("category") or ""),
            parent=str(item.get("parent") or ""),
            kind=str(item.get("kind") or default_kind),
        ))
    return entries


def _words(table: dict, key: str, path: Path) -> frozenset[str]:
    values = table.get(key) or []
    if not isinstance(values, list):
        raise VocabularyError(f"{path}: '{key}' must be a list")
    return frozenset(str(v).strip().casefold() for v in values if str(v).strip())


def _mapping(table: dict, key: str, path: Path) -> dict[str, str]:
    values = table.get(key) or {}
    if not isinstance(values, dict):
        raise VocabularyError(f"{path}: '{key}' must be a mapping")
    return {str(k).casefold(): str(v) for k, v in values.items()}


def load_vocabulary(content_dir: Path = CONTENT_DIR) -> Vocabulary:
    """Read the vocabulary files of ``content_dir`` (services, concepts, relations, lexicon,
    boilerplate). ``concepts.yaml`` is optional; the others are required."""
    content_dir = Path(content_dir)
    relations_path = content_dir / "relations.yaml"
    lexicon_path = content_dir / "lexicon.yaml"
    relations = _read_yaml(relations_path) or {}
    lexicon = _read_yaml(lexicon_path) or {}
    for path, table in ((relations_path, relations), (lexicon_path, lexicon)):
        if not isinstance(table, dict):
            raise VocabularyError(f"{path}: expected a mapping of named lists")
    patterns = []
    for pattern in lexicon.get("heading_patterns") or []:
        try:
            patterns.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as error:
            raise VocabularyError(f"{lexicon_path}: bad heading pattern {pattern!r} ({error})") from None
    concepts_path = content_dir / "concepts.yaml"
    boilerplate_path = content_dir / "boilerplate.txt"
    return Vocabulary(
        services=_entries(content_dir / "services.yaml", "service"),
        concepts=_entries(concepts_path, "concept") if concepts_path.exists() else [],
        synonyms=_mapping(relations, "synonyms", relations_path),
        relational_nouns=_mapping(relations, "relational_nouns", relations_path),
        enabling_verbs=_words(relations, "enabling_verbs", relations_path),
        symmetric_verbs=_words(relations, "symmetric_verbs", relations_path),
        instrument_verbs=_words(relations, "instrument_verbs", relations_path),
        reader_verbs=_words(relations, "reader_verbs", relations_path),
        purpose_adjectives=_words(relations, "purpose_adjectives", relations_path),
        part_words=_words(relations, "part_words", relations_path),
        collection_words=_words(relations, "collection_words", relations_path),
        combination_words=_words(relations, "combination_words", relations_path),
        type_words=_words(relations, "type_words", relations_path),
        stop_concepts=_words(lexicon, "stop_concepts", lexicon_path),
        vague_modifiers=_words(lexicon, "vague_modifiers", lexicon_path),
        human_agents=_words(lexicon, "human_agents", lexicon_path),
        scenario_words=_words(lexicon, "scenario_words", lexicon_path),
        product_words=_words(lexicon, "product_words", lexicon_path),
        aspect_labels=_words(lexicon, "aspect_labels", lexicon_path),
        unrelating_aspects=_words(lexicon, "unrelating_aspects", lexicon_path),
        glossary_headings=_words(lexicon, "glossary_headings", lexicon_path),
        heading_patterns=tuple(patterns),
        transparent_heads=_words(lexicon, "transparent_heads", lexicon_path),
        relational_heads=_words(lexicon, "relational_heads", lexicon_path),
        way_words=_words(lexicon, "way_words", lexicon_path),
        means_heads=_words(lexicon, "means_heads", lexicon_path),
        change_heads=_words(lexicon, "change_heads", lexicon_path),
        product_heads=_words(lexicon, "product_heads", lexicon_path),
        built_heads=_words(lexicon, "built_heads", lexicon_path),
        pronouns=_words(lexicon, "pronouns", lexicon_path),
        circumstantial_preps=_words(relations, "circumstantial_preps", relations_path),
        circumstantial_participles=_words(relations, "circumstantial_participles", relations_path),
        example_markers=_words(relations, "example_markers", relations_path),
        object_preps=_words(relations, "object_preps", relations_path),
        bland_verbs=_words(relations, "bland_verbs", relations_path),
        result_preps=_words(relations, "result_preps", relations_path),
        means_preps=_words(relations, "means_preps", relations_path),
        naming_verbs=_words(relations, "naming_verbs", relations_path),
        alias_markers=_words(relations, "alias_markers", relations_path),
        separation_verbs=_words(relations, "separation_verbs", relations_path),
        searching_verbs=_words(relations, "searching_verbs", relations_path),
        giving_verbs=_words(relations, "giving_verbs", relations_path),
        supplying_verbs=_words(relations, "supplying_verbs", relations_path),
        transfer_verbs=_words(relations, "transfer_verbs", relations_path),
        framing_verbs=_words(relations, "framing_verbs", relations_path),
        improvement_verbs=_words(relations, "improvement_verbs", relations_path),
        improved_qualities=_words(relations, "improved_qualities", relations_path),
        table_headers=_mapping(relations, "table_headers", relations_path),
        boilerplate=Boilerplate.from_file(boilerplate_path) if boilerplate_path.exists() else Boilerplate([]),
    )
