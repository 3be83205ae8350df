"""General-English frequency as evidence: adverbs a tagger takes for names, and typos that
are no terms of the notes."""
import pytest

from extract.frequency import is_adverb, is_misspelling


@pytest.mark.parametrize("word, adverb", [
    ("Dynamically", True), ("natively", True), ("easily", True), ("reliably", True),
    ("Italy", False), ("family", False), ("assembly", False), ("anomaly", False),
])
def test_an_adverb_made_from_an_adjective(word, adverb):
    assert is_adverb(word) is adverb


@pytest.mark.parametrize("word, typo", [
    ("provison", True), ("augumented", True), ("allowiing", True),
    # rare real words, coined names, a common word and a letter, capitalised names
    ("sharding", False), ("kubelet", False), ("containerd", False), ("journald", False), ("alertmanager", False),
    ("Provison", False), ("etcd", False),
])
def test_a_typo_is_a_vowel_away_from_a_common_word_no_text_writes(word, typo):
    assert is_misspelling(word) is typo
