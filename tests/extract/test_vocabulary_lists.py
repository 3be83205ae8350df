"""The word lists of content/lexicon.yaml and content/relations.yaml: each list names a
word once, so that a user extending one knows where it stands."""
from pathlib import Path

import pytest
import yaml

CONTENT = Path(__file__).resolve().parents[2] / "content"
LISTS = [(name, key, values) for name in ("lexicon.yaml", "relations.yaml")
         for key, values in yaml.safe_load((CONTENT / name).read_text(encoding="utf-8")).items()
         if isinstance(values, list)]


@pytest.mark.parametrize("name, key, values", LISTS, ids=[f"{n}:{k}" for n, k, _ in LISTS])
def test_a_list_names_each_word_once(name, key, values):
    seen, repeated = set(), []
    for value in values:
        word = str(value).casefold()
        if word in seen:
            repeated.append(word)
        seen.add(word)
    assert not repeated, f"{name}: {key} repeats {sorted(set(repeated))}"
