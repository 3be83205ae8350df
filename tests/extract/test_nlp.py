"""The pipeline extraction loads annotates exactly as spaCy's package does."""
from pathlib import Path

import spacy

from extract.parse.pipeline import _UNUSED, MODEL_NAMES

NOTES = Path(__file__).parents[2] / "content" / "notes"


def _annotations(docs):
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc] for doc in docs]


def test_tuned_pipeline_annotates_like_the_package(nlp):
    """Alike wherever no semicolon ends a sentence (the one component added before the parser)."""
    paragraphs = [p for path in sorted(NOTES.iterdir()) for p in path.read_text(encoding="utf-8").split("\n\n")
                  if p.strip() and ";" not in p]
    stock = spacy.load(next(name for name in MODEL_NAMES if spacy.util.is_package(name)), exclude=_UNUSED)
    assert [name for name in nlp.pipe_names if name != "semicolon_sentences"] == stock.pipe_names
    sample = paragraphs[::4]
    # the words the lemmatizer has to look up: verbs and plurals, ruled and exceptional
    sample += ["The models were retrained, and the teams' datasets are being labelled by annotators.",
               "SageMaker Clarify detects biases, and it watched, ran and better geese fed."]
    assert _annotations(nlp.pipe(sample)) == _annotations(stock.pipe(sample))


def test_a_full_stop_after_a_hyphenated_capital_ends_the_sentence(nlp):
    """"... and CRI-O. It ..." is two sentences; a lone initial ("J. Smith") stays one word."""
    doc = nlp("Kubernetes supports containerd and CRI-O. It also uses etcd. J. Smith wrote it.")
    assert [t.text for t in doc][6:9] == ["O", ".", "It"]
    assert [s.text for s in doc.sents][:2] == ["Kubernetes supports containerd and CRI-O.", "It also uses etcd."]
    assert "J." in [t.text for t in doc]
