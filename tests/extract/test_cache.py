"""The per-note cache: findings kept by note name and bytes, parses by note name, and
``extract_folder`` reading only the notes (and passages) that changed."""
import pytest

from extract.cache import FindingsCache, extractor_version
from extract.findings import Mention, NoteFindings, Relation, SectionFindings
from extract.model import Block, Note, Section, Source
from extract.pipeline import extract_folder

NOTE = Note("vpc.md", "markdown", "vpc", ())
VALUE = (NoteFindings(NOTE, relations=(Relation(Mention("router"), "forwards", Mention("packets"), "A router forwards "
                                                "packets.", Source("vpc.md", "Routing", 3)),)), ["repaired line 2"])
SECTION = SectionFindings(relations=VALUE[0].relations)


def test_findings_round_trip(tmp_path):
    cache = FindingsCache(tmp_path, "v1")
    assert cache.load("vpc.md", b"one") is None
    cache.store("vpc.md", b"one", VALUE)
    assert cache.load("vpc.md", b"one") == VALUE
    assert FindingsCache(tmp_path, "v1").load("vpc.md", b"one") == VALUE


@pytest.mark.parametrize("version, name, data", [("v2", "vpc.md", b"one"), ("v1", "dns.md", b"one"),
                                                 ("v1", "vpc.md", b"two")])
def test_another_extractor_note_or_content_misses(tmp_path, version, name, data):
    FindingsCache(tmp_path, "v1").store("vpc.md", b"one", VALUE)
    assert FindingsCache(tmp_path, version).load(name, data) is None


def test_storing_a_note_removes_its_earlier_versions_only(tmp_path):
    cache = FindingsCache(tmp_path, "v1")
    cache.store("vpc.md", b"one", VALUE)
    cache.store("dns.md", b"one", VALUE)
    cache.store("vpc.md", b"two", VALUE)
    assert cache.load("vpc.md", b"one") is None and cache.load("vpc.md", b"two") == VALUE
    assert cache.load("dns.md", b"one") == VALUE
    assert len(list((tmp_path / "findings").iterdir())) == 2


def test_section_findings_round_trip_by_note_name_and_key_their_section(tmp_path):
    cache = FindingsCache(tmp_path, "v1")
    assert cache.load_sections("vpc.md") == {}
    cache.store_sections("vpc.md", {"a": SECTION})
    cache.store_sections("vpc.md", {"b": SECTION})
    assert cache.load_sections("vpc.md") == {"b": SECTION} and cache.load_sections("dns.md") == {}
    heading = Section("vpc.md", ("VPC",), 1, (Block("Routers forward packets.", 3),))
    edited = Section("vpc.md", ("VPC",), 1, (Block("Routers drop packets.", 3),))
    assert cache.section_key(NOTE, heading) == cache.section_key(NOTE, heading) != cache.section_key(NOTE, edited)
    assert cache.section_key(NOTE, heading) != FindingsCache(tmp_path, "v2").section_key(NOTE, heading)


def test_an_unreadable_or_unwritable_cache_costs_nothing(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    blocked = FindingsCache(tmp_path / "a-file" / "cache", "v1")
    blocked.store("vpc.md", b"one", VALUE)
    blocked.store_sections("vpc.md", {"a": SECTION})
    assert blocked.load("vpc.md", b"one") is None and blocked.load_sections("vpc.md") == {}
    cache = FindingsCache(tmp_path / "cache", "v1")
    cache.store("vpc.md", b"one", VALUE)
    for path in (tmp_path / "cache" / "findings").iterdir():
        path.write_bytes(b"not a pickle")
    assert cache.load("vpc.md", b"one") is None


def test_extractor_version_follows_code_vocabulary_and_model_but_not_notes(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("## A\n")
    (tmp_path / "lexicon.yaml").write_text("stop_concepts: [thing]\n")
    first = extractor_version(tmp_path, "core_web_sm-3")
    (tmp_path / "notes" / "a.md").write_text("## A changed\n")
    assert extractor_version(tmp_path, "core_web_sm-3") == first
    assert extractor_version(tmp_path, "core_web_sm-4") != first
    (tmp_path / "lexicon.yaml").write_text("stop_concepts: [thing, stuff]\n")
    assert extractor_version(tmp_path, "core_web_sm-3") != first


NOTES = {
    "vpc.md": "## Amazon VPC\n\nA VPC contains subnets. A router forwards packets between subnets.\n",
    "kitchen.md": "## Sauces\n\nA braise is a slow cooking method.\n\n## Stocks\n\nChefs never salt the stock before reduction.\n",
    "cells.md": "## Cells\n\nMitochondria produce ATP. Enzymes are proteins.\n",
}


@pytest.fixture
def folder(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    for name, text in NOTES.items():
        (notes / name).write_text(text, encoding="utf-8")
    return notes


@pytest.fixture
def parsed(monkeypatch):
    """The texts ``extract_folder`` sends to spaCy (those without a kept parse)."""
    sent: list[str] = []
    import extract.parse.docs

    original = extract.parse.docs.parse_passages

    def spy(nlp, texts, known=None):
        texts = list(texts)
        sent.extend(t for t in dict.fromkeys(texts) if t not in (known or {}))
        return original(nlp, texts, known)

    monkeypatch.setattr(extract.parse.docs, "parse_passages", spy)
    return sent


def graph(extraction):
    return extraction.entities, [(t, t.evidence) for t in extraction.triples]


def test_a_second_run_reads_no_note(tmp_path, folder, nlp, vocabulary, parsed):
    cache = FindingsCache(tmp_path / "cache", "v1")
    first = extract_folder(folder, vocabulary=vocabulary, nlp=nlp, cache=cache)
    assert first.fresh == 3 and first.triples
    parsed.clear()
    second = extract_folder(folder, vocabulary=vocabulary, nlp=nlp, cache=cache)
    assert second.fresh == 0 and parsed == []
    assert graph(second) == graph(first)
    assert [n.doc for n in second.notes] == [n.doc for n in first.notes]


def test_a_changed_note_is_read_again_and_parses_only_its_changed_sections(tmp_path, folder, nlp, vocabulary, parsed):
    cache = FindingsCache(tmp_path / "cache", "v1")
    extract_folder(folder, vocabulary=vocabulary, nlp=nlp, cache=cache)
    parsed.clear()
    (folder / "kitchen.md").write_text(NOTES["kitchen.md"] + "\nA roux thickens sauces.\n", encoding="utf-8")
    changed = extract_folder(folder, vocabulary=vocabulary, nlp=nlp, cache=cache)
    assert changed.fresh == 1
    assert parsed == ["Stocks", "Chefs never salt the stock before reduction.", "A roux thickens sauces."]
    uncached = extract_folder(folder, vocabulary=vocabulary, nlp=nlp)
    assert graph(changed) == graph(uncached)
