"""Stage 2, parse: the attribute ruler's indexed matching finds exactly the matches of
spaCy's own matcher, in the same order, so the words are annotated the same."""
from pathlib import Path

import pytest
from spacy.lang.en import English
from spacy.pipeline import AttributeRuler

from extract.parse.attribute_matches import IndexedMatches, index_matches

FIXTURES = Path(__file__).parents[1] / "fixtures" / "domains"
TRICKY = [
    "I'm gonna go, y'all. Let's see: ain't it? It's been had, hasn't it? There are  two   spaces.\n\n ok",
    "C'mon, 'em ol' somethin' doin' nothin' 'nuff. We'd have done it ourselves; they gotta wait.",
    "Not every pod is ready but kubectl does not say so, whether or not it's run. Do you know which?",
]


def _texts() -> list[str]:
    lines = [line for path in sorted(FIXTURES.iterdir()) for line in path.read_text().splitlines() if line.strip()]
    return TRICKY + lines


def test_the_indexed_matches_are_spacys_own(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = ruler.match
    assert isinstance(indexed, IndexedMatches)
    before_ruler = nlp.pipe_names[:nlp.pipe_names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before_ruler):
        docs = list(nlp.pipe(_texts()))
    spacys = AttributeRuler.match.__get__(ruler)  # the ruler's method, under the stand-in
    assert len(docs) > 100
    assert all(indexed(doc) == spacys(doc) for doc in docs)
    assert sum(len(spacys(doc)) for doc in docs) > sum(len(doc) for doc in docs)  # every word matched, some twice


def test_a_pattern_the_index_cannot_read_keeps_spacys_matcher():
    ruler = AttributeRuler(English().vocab)
    ruler.add([[{"LOWER": "kubectl", "OP": "+"}]], {"POS": "PROPN"})
    assert index_matches(ruler) is None
    ruler = AttributeRuler(English().vocab)
    ruler.add([[{"TAG": "NN", "LENGTH": {">": 3}}]], {"POS": "NOUN"})
    assert index_matches(ruler) is None


def test_patterns_filed_by_any_column_and_matched_over_two_words():
    nlp = English()
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": {"REGEX": "^k8s$"}}]], {"LEMMA": "kubernetes"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    ruler.add([[{"LOWER": "node"}, {"LOWER": {"IN": ["pool", "group"]}}]], {"LEMMA": "nodepool"}, index=1)
    doc = nlp.make_doc("a k8s node pool  and a node group")
    indexed = index_matches(ruler)
    assert indexed(doc) == ruler.match(doc)
    assert [(s, e) for _, _, s, e in indexed(doc)] == [(1, 2), (4, 5), (2, 4), (7, 9)]  # by rule
