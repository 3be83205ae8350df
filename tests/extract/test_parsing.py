"""Parsing notes in chunks: only one chunk's docs are held, and the extraction is the same
however the notes are chunked; each step's results are handed back by the store."""
import extract.parsing as parsing
import extract.pipeline as pipeline
from extract.model import Block, Note, Section
from extract.pipeline import MemoryStore, extract, extract_folder
from extract.parsing import ParsedNote, proper_words


def test_notes_parsed_one_chunk_at_a_time_give_the_same_extraction(fixture_notes, vocabulary, nlp, monkeypatch):
    whole = extract_folder(fixture_notes, vocabulary=vocabulary, nlp=nlp)
    held = []
    real_hold = pipeline._Docs.hold

    def hold(self, notes_docs):
        held.append(len(notes_docs))
        real_hold(self, notes_docs)

    monkeypatch.setattr(pipeline._Docs, "hold", hold)
    monkeypatch.setattr(parsing, "CHUNK_CHARACTERS", 1)  # one note per chunk
    chunked = extract_folder(fixture_notes, vocabulary=vocabulary, nlp=nlp)
    assert held == [1, 1, 1]  # each chunk's docs replace the previous chunk's
    assert chunked.entities == whole.entities
    assert [(t, t.evidence) for t in chunked.triples] == [(t, t.evidence) for t in whole.triples]


def note(text: str, name: str = "note.md") -> Note:
    return Note(name, "markdown", name, (Section(name, ("Storage",), 1, (Block(text, 3),)),))


def test_a_store_hands_back_each_steps_results_and_nothing_is_parsed_again(vocabulary, nlp, monkeypatch):
    store = MemoryStore()
    notes = [note("Amazon S3 stores objects durably.")]
    first = extract(notes, vocabulary=vocabulary, nlp=nlp, cache=store)
    assert isinstance(store.load_result(notes[0], "parse"), ParsedNote)

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(parsing.Parses, "parse", no_parsing)
    again = extract(notes, vocabulary=vocabulary, nlp=nlp, cache=store)
    assert again.entities == first.entities and again.triples == first.triples


def test_proper_words_are_those_capitalised_more_often_than_not_across_notes():
    capitalised = ParsedNote((), (("bayesian", 2, 0), ("model", 1, 0)))
    lower = ParsedNote((), (("model", 0, 3), ("hyperband", 1, 1)))
    assert proper_words([capitalised, lower]) == {"bayesian"}
