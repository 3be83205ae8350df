"""Consistency checks for the AWS service catalogue (content/services.yaml)."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

CATALOGUE = Path(__file__).parents[2] / "content" / "services.yaml"

CATEGORIES = {
    "machine learning",
    "ai services",
    "generative ai",
    "analytics",
    "storage",
    "databases",
    "compute",
    "containers",
    "serverless",
    "integration",
    "security",
    "networking",
    "monitoring",
    "management",
    "cost management",
    "developer tools",
}
KINDS = {"service", "feature", "resource"}
FIELDS = {"name", "aliases", "parent", "category", "kind"}

# Words that are far too generic to identify a service on their own.
BANNED_ALIASES = {
    "amazon",
    "aws",
    "studio",
    "endpoint",
    "endpoints",
    "model",
    "data",
    "lake",
    "monitor",
    "pipelines",
    "experiments",
    "processing",
    "debugger",
    "neo",
}


@pytest.fixture(scope="module")
def entries():
    with CATALOGUE.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list), "services.yaml must be a top-level list"
    assert data, "services.yaml must not be empty"
    return data


def _aliases(entry):
    return entry.get("aliases") or []


def test_entries_are_mappings_with_known_fields(entries):
    for entry in entries:
        assert isinstance(entry, dict), entry
        unknown = set(entry) - FIELDS
        assert not unknown, f"{entry.get('name')!r}: unknown fields {sorted(unknown)}"


def test_every_entry_has_name_and_valid_category(entries):
    for entry in entries:
        name = entry.get("name")
        assert isinstance(name, str) and name.strip() == name and name, entry
        assert entry.get("category") in CATEGORIES, (
            f"{name!r}: invalid category {entry.get('category')!r}"
        )


def test_kind_is_valid_when_given(entries):
    for entry in entries:
        if "kind" in entry:
            assert entry["kind"] in KINDS, f"{entry['name']!r}: invalid kind {entry['kind']!r}"


def test_aliases_are_lists_of_clean_strings(entries):
    for entry in entries:
        aliases = entry.get("aliases", [])
        assert isinstance(aliases, list), f"{entry['name']!r}: aliases must be a list"
        for alias in aliases:
            assert isinstance(alias, str) and alias, f"{entry['name']!r}: bad alias {alias!r}"
            assert alias.strip() == alias and "  " not in alias, (
                f"{entry['name']!r}: alias {alias!r} has stray whitespace"
            )


def test_names_unique(entries):
    counts = Counter(entry["name"].casefold() for entry in entries)
    duplicates = sorted(name for name, n in counts.items() if n > 1)
    assert not duplicates, f"duplicate names: {duplicates}"


def test_aliases_unique_and_never_another_name(entries):
    owner = {entry["name"].casefold(): entry["name"] for entry in entries}
    problems = []
    for entry in entries:
        for alias in _aliases(entry):
            key = alias.casefold()
            if key in owner:
                problems.append(f"{alias!r} of {entry['name']!r} already used by {owner[key]!r}")
            else:
                owner[key] = entry["name"]
    assert not problems, "\n".join(problems)


def test_parents_exist(entries):
    names = {entry["name"] for entry in entries}
    missing = [
        f"{entry['name']!r} -> {entry['parent']!r}"
        for entry in entries
        if "parent" in entry and entry["parent"] not in names
    ]
    assert not missing, f"unknown parents: {missing}"


def test_no_parent_cycles(entries):
    parent = {entry["name"]: entry.get("parent") for entry in entries}
    for start in parent:
        seen = {start}
        node = parent[start]
        while node is not None:
            assert node not in seen, f"parent cycle through {start!r}"
            seen.add(node)
            node = parent.get(node)


def test_no_generic_aliases(entries):
    bad = [
        f"{entry['name']!r}: {alias!r}"
        for entry in entries
        for alias in _aliases(entry)
        if alias.casefold() in BANNED_ALIASES
    ]
    assert not bad, f"generic aliases: {bad}"


def test_broad_coverage(entries):
    assert len(entries) >= 250


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("S3", "Amazon S3"),
        ("Amazon Simple Storage Service", "Amazon S3"),
        ("SageMaker AI", "Amazon SageMaker"),
        ("Model Monitor", "SageMaker Model Monitor"),
        ("Amazon Elasticsearch Service", "Amazon OpenSearch Service"),
        ("Kinesis Data Firehose", "Amazon Data Firehose"),
        ("MTurk", "Amazon Mechanical Turk"),
        ("A2I", "Amazon Augmented AI"),
        ("IAM roles", "IAM role"),
        ("Titan Embeddings", "Amazon Titan"),
    ],
)
def test_known_surface_forms(entries, surface, canonical):
    lookup = {}
    for entry in entries:
        lookup[entry["name"].casefold()] = entry["name"]
        for alias in _aliases(entry):
            lookup[alias.casefold()] = entry["name"]
    assert lookup.get(surface.casefold()) == canonical
