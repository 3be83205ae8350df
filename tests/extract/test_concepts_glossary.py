"""Checks of the concept glossary (content/concepts.yaml) used to merge concept spellings."""

from pathlib import Path

import pytest
import yaml

GLOSSARY = Path(__file__).parents[2] / "content" / "concepts.yaml"


@pytest.fixture(scope="module")
def entries():
    with GLOSSARY.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    assert isinstance(data, list), "the glossary must be a top-level YAML list"
    assert data, "the glossary is empty"
    return data


def _key(text):
    return str(text).strip().casefold()


def _aliases(entry):
    return entry.get("aliases") or []


def test_entries_are_mappings_with_known_keys(entries):
    for i, entry in enumerate(entries):
        assert isinstance(entry, dict), f"entry {i} is not a mapping: {entry!r}"
        unknown = set(entry) - {"name", "aliases"}
        assert not unknown, f"entry {i} has unknown keys {sorted(unknown)}"


def test_every_entry_has_non_empty_string_name(entries):
    for i, entry in enumerate(entries):
        name = entry.get("name")
        assert isinstance(name, str) and name.strip(), f"entry {i} has no usable name: {entry!r}"


def test_names_are_unique_case_insensitively(entries):
    seen = {}
    for entry in entries:
        key = _key(entry["name"])
        assert key not in seen, f"duplicate name {entry['name']!r} (also {seen[key]!r})"
        seen[key] = entry["name"]


def test_aliases_are_lists_of_non_empty_strings(entries):
    for entry in entries:
        aliases = entry.get("aliases", [])
        assert aliases is None or isinstance(aliases, list), (
            f"aliases of {entry['name']!r} must be a list, got {aliases!r}"
        )
        for alias in _aliases(entry):
            assert isinstance(alias, str) and alias.strip(), (
                f"alias {alias!r} of {entry['name']!r} is not a non-empty string"
            )


def test_no_alias_equals_its_own_name(entries):
    for entry in entries:
        for alias in _aliases(entry):
            assert _key(alias) != _key(entry["name"]), f"{entry['name']!r} lists its own name as alias"


def test_aliases_are_unique_across_entries(entries):
    owner = {}
    for entry in entries:
        for alias in _aliases(entry):
            key = _key(alias)
            assert key not in owner, (
                f"alias {alias!r} appears in {entry['name']!r} and in {owner[key]!r}"
            )
            owner[key] = entry["name"]


def test_no_alias_equals_another_entrys_name(entries):
    names = {_key(e["name"]): e["name"] for e in entries}
    for entry in entries:
        for alias in _aliases(entry):
            other = names.get(_key(alias))
            assert other is None or _key(other) == _key(entry["name"]), (
                f"alias {alias!r} of {entry['name']!r} is the name of entry {other!r}"
            )
