"""Stage 2, parse: passages of a note through spaCy (tagger, parser, lemmatizer). What a
note's sections say is cached by section (``extract.cache``), so an edited note parses only
the passages of its changed sections.

spaCy takes half a second to import: the names that need it are loaded on first use, so a
build that reads every note from the cache never imports it.
"""
from .passages import block_passages, is_prose, named_subject_variant, note_passages, passages, verb_first_variant
from .pipeline import MODEL_NAMES, ModelNotInstalled, installed_model, known_lemmas, known_verbs, load_pipeline

__all__ = ["MODEL_NAMES", "ModelNotInstalled", "load_pipeline", "installed_model", "known_verbs", "known_lemmas",
           "parse_passages",
           "passages", "block_passages", "note_passages", "is_prose", "verb_first_variant", "named_subject_variant"]

_DOCS = ("parse_passages",)


def __getattr__(name: str):
    if name in _DOCS:
        from . import docs
        return getattr(docs, name)
    raise AttributeError(f"module 'extract.parse' has no attribute {name!r}")
