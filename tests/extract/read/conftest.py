"""Fixtures of the reading tests: the sample notes only (reading needs no spaCy)."""
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="session")
def fixture_notes() -> Path:
    return FIXTURES / "notes"
