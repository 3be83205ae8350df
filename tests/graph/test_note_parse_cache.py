"""The per-note parse cache: an unchanged note never goes through spaCy again, a changed
one is the only one parsed, and the graph is the same as a build without any cache.

Parses are counted by a spy on ``nlp.pipe`` (never by the clock).
"""
import shutil
from pathlib import Path

import pytest

from extract.nlp import load_pipeline
from graph.build import build_notes_graph
from graph.extraction_cache import NoteParseCache, default_content_dir

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


def test_a_corrupt_entry_is_ignored_and_written_again(notes, tmp_path, spied_nlp):
    build(notes, tmp_path, spied_nlp)
    damaged = entries(tmp_path)[0]
    damaged.write_bytes(damaged.read_bytes()[:40])
    parsed, graph = build(notes, tmp_path, spied_nlp)
    assert parsed  # the damaged note only
    assert damaged.exists() and len(entries(tmp_path)) == 3
    again, graph_again = build(notes, tmp_path, spied_nlp)
    assert again == [] and graph_again == graph


@pytest.mark.parametrize("garbage", [b"", b"not a DocBin", b"\x78\x9c" + bytes(range(256))])
def test_an_unreadable_entry_is_a_miss_and_is_removed(tmp_path, spied_nlp, garbage):
    cache = NoteParseCache(tmp_path, "v1")
    cache.path("note").write_bytes(garbage)
    assert cache.load("note", spied_nlp.vocab) is None
    assert not cache.path("note").exists()


def test_entries_are_written_atomically(tmp_path, spied_nlp, monkeypatch):
    cache = NoteParseCache(tmp_path / "notes", "v1")
    cache.store("note", [spied_nlp.make_doc("Amazon S3 stores objects.")])
    assert [doc.text for doc in cache.load("note", spied_nlp.vocab)] == ["Amazon S3 stores objects."]

    def interrupted(source, target):
        raise OSError("disk full")

    monkeypatch.setattr("graph.io.os.replace", interrupted)
    cache.store("other note", [spied_nlp.make_doc("Amazon S3 stores objects.")])  # costs time only
    assert cache.load("other note", spied_nlp.vocab) is None
    assert sorted(path.name for path in (tmp_path / "notes").iterdir()) == [cache.path("note").name]


def test_the_key_follows_the_note_and_the_version(tmp_path):
    cache = NoteParseCache(tmp_path, "v1")
    assert cache.path("a") == cache.path("a")
    assert cache.path("a") != cache.path("b")
    assert cache.path("a") != NoteParseCache(tmp_path, "v2").path("a")


def test_only_the_most_recent_entries_are_kept(tmp_path, spied_nlp):
    for name in ("a", "b", "c"):  # one build each: a build never removes what it uses
        NoteParseCache(tmp_path, "v1", keep=2).store(name, [spied_nlp.make_doc(name)])
    assert len(list(tmp_path.glob("*.spacy"))) == 2
    cache = NoteParseCache(tmp_path, "v1", keep=2)
    assert cache.load("c", spied_nlp.vocab) is not None
    cache.store("d", [spied_nlp.make_doc("d")])
    assert sorted(tmp_path.glob("*.spacy")) == sorted([cache.path("c"), cache.path("d")])
