"""The per-note cache: an unchanged note never goes through spaCy again, a changed one
is the only one parsed (only its changed passages), and the graph is the same as a
build without any cache.

Parses are counted by a spy on ``nlp.pipe`` (never by the clock).
"""
import shutil
from pathlib import Path

import pytest

from extract.model import Block, Note, Section
from extract.nlp import load_pipeline
from graph.build import build_notes_graph
from graph.extraction_cache import NoteCache, default_content_dir

FIXTURE_NOTES = Path(__file__).resolve().parents[1] / "extract" / "fixtures" / "notes"


@pytest.fixture(scope="module")
def spied_nlp():
    """The pipeline with ``pipe`` wrapped to record every text sent to spaCy."""
    nlp = load_pipeline()
    real_pipe = nlp.pipe
    nlp.parsed = []

    def pipe(texts, **options):
        texts = list(texts)
        nlp.parsed.extend(texts)
        return real_pipe(texts, **options)

    nlp.pipe = pipe
    return nlp


@pytest.fixture
def notes(tmp_path):
    folder = tmp_path / "notes"
    shutil.copytree(FIXTURE_NOTES, folder)
    return folder


def build(notes, tmp_path, nlp, *, content=None, cache=True):
    """Build with the whole-extraction cache emptied, so the per-note cache does the work;
    return the texts spaCy parsed and the graph file's bytes."""
    cache_dir = tmp_path / "cache"
    for entry in cache_dir.glob("extraction-*.pickle"):
        entry.unlink()
    nlp.parsed.clear()
    out = tmp_path / "graph.json"
    build_notes_graph(notes, out, cache_dir=cache_dir if cache else None, content_dir=content, nlp=nlp)
    return list(nlp.parsed), out.read_bytes()


def entries(tmp_path):
    return sorted((tmp_path / "cache" / "notes").glob("*.spacy"))


def test_unchanged_notes_are_not_parsed_again(notes, tmp_path, spied_nlp):
    first, graph = build(notes, tmp_path, spied_nlp)
    assert first and len(entries(tmp_path)) == 3
    again, graph_again = build(notes, tmp_path, spied_nlp)
    assert again == []
    assert graph_again == graph


def test_only_the_changed_note_is_parsed_again(notes, tmp_path, spied_nlp):
    build(notes, tmp_path, spied_nlp)
    note = notes / "monitoring.md"
    note.write_text(note.read_text() + "\n\nSageMaker Clarify explains model predictions to auditors.\n")
    parsed, graph = build(notes, tmp_path, spied_nlp)
    assert "SageMaker Clarify explains model predictions to auditors." in parsed
    others = (notes / "cheat-sheet.txt").read_text() + (notes / "flashcards.txt").read_text()
    assert all(text not in others for text in parsed if len(text) > 30)  # nothing from the other notes
    _, uncached = build(notes, tmp_path / "fresh", spied_nlp, cache=False)
    assert graph == uncached  # reassembled from cached parses: the same graph


def test_a_changed_vocabulary_parses_everything_again(notes, tmp_path, spied_nlp):
    content = tmp_path / "content"
    shutil.copytree(default_content_dir(), content, ignore=shutil.ignore_patterns("notes"))
    build(notes, tmp_path, spied_nlp, content=content)
    with (content / "relations.yaml").open("a") as stream:
        stream.write("\n# a comment changes the vocabulary's bytes\n")
    parsed, _ = build(notes, tmp_path, spied_nlp, content=content)
    assert len(parsed) > 0 and len(entries(tmp_path)) == 6


def test_only_the_changed_passages_of_a_note_are_parsed_again(notes, tmp_path, spied_nlp):
    build(notes, tmp_path, spied_nlp)
    note = notes / "monitoring.md"
    note.write_text(note.read_text().replace("It detects data drift in production.",
                                             "It detects data drift and bias drift in production."))
    parsed, graph = build(notes, tmp_path, spied_nlp)
    assert parsed and all("bias drift" in text for text in parsed)
    _, uncached = build(notes, tmp_path / "fresh", spied_nlp, cache=False)
    assert graph == uncached


def test_unchanged_notes_are_not_read_again_unless_the_aliases_change(notes, tmp_path, spied_nlp, monkeypatch):
    import extract.pipeline

    build(notes, tmp_path, spied_nlp)
    real_read_note = extract.pipeline._read_note
    read = []
    monkeypatch.setattr(extract.pipeline, "_read_note", lambda note, *rest: read.append(note.doc) or real_read_note(note, *rest))
    note = notes / "monitoring.md"
    note.write_text(note.read_text() + "\n\nSageMaker Clarify explains model predictions to auditors.\n")
    _, graph = build(notes, tmp_path, spied_nlp)
    assert read == ["monitoring.md"]
    _, uncached = build(notes, tmp_path / "fresh", spied_nlp, cache=False)
    assert graph == uncached
    # A new abbreviation may change how any note reads: every note is read again.
    read.clear()
    note.write_text(note.read_text() + "\n\nFeature Attribution Monitoring (FAM) tracks explanations.\n")
    _, graph = build(notes, tmp_path, spied_nlp)
    assert sorted(read) == ["cheat-sheet.txt", "flashcards.txt", "monitoring.md"]
    _, uncached = build(notes, tmp_path / "fresh again", spied_nlp, cache=False)
    assert graph == uncached


def test_a_changed_note_reads_again_only_the_section_that_changed(notes, tmp_path, spied_nlp, monkeypatch):
    import extract.pipeline

    build(notes, tmp_path, spied_nlp)
    real_statement_findings, real_heading_findings = extract.pipeline.statement_findings, extract.pipeline.heading_findings
    read, headings_read = [], []

    def statement_findings(statement, reading):
        read.append(statement)
        return real_statement_findings(statement, reading)

    def heading_findings(section, topics):
        headings_read.append(section.path)
        return real_heading_findings(section, topics)

    monkeypatch.setattr(extract.pipeline, "statement_findings", statement_findings)
    monkeypatch.setattr(extract.pipeline, "heading_findings", heading_findings)
    note = notes / "monitoring.md"
    note.write_text(note.read_text() + "\n\nSageMaker Clarify explains model predictions to auditors.\n")
    _, graph = build(notes, tmp_path, spied_nlp)
    assert any("auditors" in statement.text for statement in read)
    assert {statement.section.path for statement in read} == {("Clarify",)}  # a statement is read with its section
    assert headings_read == [("Clarify",)]  # and so are the headings above it
    _, uncached = build(notes, tmp_path / "fresh", spied_nlp, cache=False)
    assert graph == uncached


def test_a_corrupt_result_is_ignored_and_written_again(notes, tmp_path, spied_nlp):
    _, graph = build(notes, tmp_path, spied_nlp)
    damaged = sorted((tmp_path / "cache" / "notes").glob("*.parse.pickle"))[0]
    damaged.write_bytes(damaged.read_bytes()[:40])
    parsed, graph_again = build(notes, tmp_path, spied_nlp)
    assert parsed == []  # its docs were kept: parsing it again only reads them back
    assert graph_again == graph and damaged.exists()


def test_lost_parses_are_parsed_again_when_a_note_must_be_read_again(notes, tmp_path, spied_nlp):
    build(notes, tmp_path, spied_nlp)
    for entry in entries(tmp_path):
        entry.write_bytes(entry.read_bytes()[:40])
    note = notes / "monitoring.md"
    note.write_text(note.read_text() + "\n\nFeature Attribution Monitoring (FAM) tracks explanations.\n")
    parsed, graph = build(notes, tmp_path, spied_nlp)
    assert any("spoken words" in text for text in parsed)  # a passage of the (unchanged) cheat sheet
    _, uncached = build(notes, tmp_path / "fresh", spied_nlp, cache=False)
    assert graph == uncached
    again, _ = build(notes, tmp_path, spied_nlp)
    assert again == []


def note_named(name: str, text: str = "Amazon S3 stores objects.") -> Note:
    return Note(name, "markdown", name, (Section(name, ("Storage",), 1, (Block(text, 2),)),))


@pytest.mark.parametrize("garbage", [b"", b"not a DocBin", b"\x78\x9c" + bytes(range(256))])
def test_an_unreadable_entry_is_a_miss_and_is_removed(tmp_path, spied_nlp, garbage):
    cache = NoteCache(tmp_path, "v1")
    note = note_named("note")
    cache.path(note).write_bytes(garbage)
    assert cache.load_docs(note, spied_nlp.vocab) is None
    assert not cache.path(note).exists()
    cache.store_result(note, "parse", ["a result"])
    result = next(tmp_path.glob("*.parse.pickle"))
    result.write_bytes(garbage)
    assert cache.load_result(note, "parse") is None
    assert not result.exists()


def test_entries_are_written_atomically(tmp_path, spied_nlp, monkeypatch):
    cache = NoteCache(tmp_path / "notes", "v1")
    note, other = note_named("note"), note_named("other note")
    cache.store_docs(note, [spied_nlp.make_doc("Amazon S3 stores objects.")])
    assert [doc.text for doc in cache.load_docs(note, spied_nlp.vocab)] == ["Amazon S3 stores objects."]

    def interrupted(source, target):
        raise OSError("disk full")

    monkeypatch.setattr("graph.io.os.replace", interrupted)
    cache.store_docs(other, [spied_nlp.make_doc("Amazon S3 stores objects.")])  # costs time only
    cache.store_result(other, "parse", ["a result"])
    assert cache.load_docs(other, spied_nlp.vocab) is None and cache.load_result(other, "parse") is None
    assert sorted(path.name for path in (tmp_path / "notes").iterdir()) == [cache.path(note).name]


def test_the_key_follows_the_note_and_the_version(tmp_path):
    cache = NoteCache(tmp_path, "v1")
    a, b = note_named("a"), note_named("b")
    assert cache.path(a) == cache.path(note_named("a"))
    assert cache.path(a) != cache.path(b)
    assert cache.path(a) != cache.path(note_named("a", "Amazon S3 stores more objects."))
    assert cache.path(a) != NoteCache(tmp_path, "v2").path(a)


def test_a_changed_note_finds_the_parses_of_its_last_version_and_keeps_two(tmp_path, spied_nlp):
    versions = [note_named("a", f"Version {number} of the note.") for number in range(4)]
    # the earlier version's parses are stored again as they were, with the new ones, until
    # the passages gone are as many as those kept
    found = [[], ["Version 0 of the note."], ["Version 0 of the note.", "Version 1 of the note."], ["Version 2 of the note."]]
    for number, version in enumerate(versions):  # one build each
        cache = NoteCache(tmp_path, "v1")
        earlier = cache.earlier_docs(version, spied_nlp.vocab)
        assert [doc.text for doc in earlier] == found[number]
        cache.store_docs(version, [spied_nlp.make_doc(f"Version {number} of the note.")])
    assert sorted(tmp_path.glob("*.spacy")) == sorted([cache.path(versions[2]), cache.path(versions[3])])
    assert NoteCache(tmp_path, "v1").earlier_docs(note_named("b"), spied_nlp.vocab) == []


def test_results_for_another_registry_are_replaced(tmp_path):
    cache = NoteCache(tmp_path, "v1")
    note = note_named("a")
    cache.store_result(note, "reading 1a2b", "first")
    cache.store_result(note, "reading 3c4d", "second")
    assert cache.load_result(note, "reading 1a2b") is None
    assert cache.load_result(note, "reading 3c4d") == "second"
    assert len(list(tmp_path.glob("*.pickle"))) == 1


def test_only_the_most_recent_entries_are_kept(tmp_path, spied_nlp):
    notes = {name: note_named(name) for name in "abcd"}
    for name in "abc":  # one build each: a build never removes what it uses
        cache = NoteCache(tmp_path, "v1", keep=2)
        cache.store_docs(notes[name], [spied_nlp.make_doc(name)])
        cache.store_result(notes[name], "parse", name)
    assert len(list(tmp_path.glob("*.spacy"))) == 2 and len(list(tmp_path.glob("*.pickle"))) == 2
    cache = NoteCache(tmp_path, "v1", keep=2)
    assert cache.load_docs(notes["c"], spied_nlp.vocab) is not None
    cache.store_docs(notes["d"], [spied_nlp.make_doc("d")])
    assert sorted(tmp_path.glob("*.spacy")) == sorted([cache.path(notes["c"]), cache.path(notes["d"])])
