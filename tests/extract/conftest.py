"""Shared fixtures: the spaCy pipeline and the shipped vocabulary, loaded once."""
from pathlib import Path

import pytest

from extract.parse.pipeline import load_pipeline
from extract.reading import NoteReader
from extract.vocabulary import load_vocabulary

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def vocabulary():
    return load_vocabulary()


@pytest.fixture(scope="session")
def reader(nlp, vocabulary) -> NoteReader:
    return NoteReader(nlp, vocabulary)


@pytest.fixture(scope="session")
def fixture_notes() -> Path:
    return FIXTURES / "notes"
