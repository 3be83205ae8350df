"""Run the extractor on a few lines of markdown, as tests need it."""
from spacy.tokens import Doc

from extract.model import Note
from extract.pipeline import Extraction, extract
from extract.read import note_from_bytes
from extract.read.markdown import read_markdown


def note_of(text: bytes, name: str = "note.md") -> Note:
    """A markdown note read from ``text``."""
    return note_from_bytes(name, text, suffix=".md")[0]


def extract_markdown(text: str, nlp, vocabulary, *, doc: str = "case.md") -> Extraction:
    title, sections = read_markdown(text, doc, vocabulary.boilerplate)
    return extract([Note(doc, "markdown", title, sections)], vocabulary=vocabulary, nlp=nlp)


def stated(text: str, nlp, vocabulary, *, heading: str = "Notes") -> set[tuple[str, str, str, bool]]:
    """(subject, relation, object, negated) of every stated triple of one paragraph."""
    extraction = extract_markdown(f"## {heading}\n\n{text}\n", nlp, vocabulary)
    return {(t.subject, t.relation, t.object, t.negated) for t in extraction.triples if t.kind == "stated"}


def hand_parsed(vocab, words, heads, deps, tags, pos, lemmas=None) -> Doc:
    """One sentence parsed by hand, for the shapes a parser gives only on some sentences
    (``lemmas`` default to the lower-case words)."""
    return Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
               lemmas=lemmas or [word.lower() for word in words], sent_starts=[True] + [False] * (len(words) - 1))
