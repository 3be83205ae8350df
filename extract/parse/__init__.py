"""Stage 2, parse: passages of a note through spaCy (tagger, parser, lemmatizer)."""
from .docs import docs_from_bytes, docs_to_bytes, parse_passages
from .passages import block_passages, is_prose, note_passages, passages
from .pipeline import MODEL_NAMES, ModelNotInstalled, known_lemmas, known_verbs, load_pipeline, model_version

__all__ = ["MODEL_NAMES", "ModelNotInstalled", "load_pipeline", "model_version", "known_verbs", "known_lemmas",
           "parse_passages", "docs_to_bytes", "docs_from_bytes",
           "passages", "block_passages", "note_passages", "is_prose"]
