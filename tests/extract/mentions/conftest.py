"""Fixtures of the mention tests: the vocabulary's names and rules, and a parse with the names merged."""
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from extract.mentions import single_tokens


@pytest.fixture(scope="session")
def parse(reader) -> Callable[[str], Doc]:
    """``parse(text)``: the text parsed as the reader parses it, every vocabulary name and
    hyphenated word one token."""
    return lambda text: single_tokens(reader.nlp(text), reader.names)


def token(doc: Doc, text: str):
    """The token of ``doc`` written ``text``."""
    found = [t for t in doc if t.text == text]
    assert found, f"no token {text!r} in {[t.text for t in doc]}"
    return found[0]
