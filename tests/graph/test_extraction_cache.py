import pickle

import pytest

from graph.extraction_cache import extraction_key, load_extraction, store_extraction


@pytest.fixture
def inputs(tmp_path):
    notes, content, package = tmp_path / "notes", tmp_path / "content", tmp_path / "extract"
    for folder in (notes, content, package, notes / "more", content / "sub"):
        folder.mkdir()
    (notes / "a.md").write_text("# A\n")
    (notes / "more" / "b.txt").write_text("B\n")
    (content / "services.yaml").write_text("services: []\n")
    (content / "sub" / "unrelated.txt").write_text("x")
    (package / "pipeline.py").write_text("x = 1\n")
    return notes, content, package


@pytest.mark.parametrize("change, changes_key", [
    (lambda n, c, p: (n / "a.md").write_text("# A changed\n"), True),
    (lambda n, c, p: (n / "more" / "b.txt").write_text("B2\n"), True),        # notes in sub-folders count
    (lambda n, c, p: (n / "c.md").write_text("# C\n"), True),                  # a new note
    (lambda n, c, p: (n / "a.md").rename(n / "renamed.md"), True),
    (lambda n, c, p: (c / "services.yaml").write_text("services: [x]\n"), True),
    (lambda n, c, p: (p / "pipeline.py").write_text("x = 2\n"), True),         # the extractor's source
    (lambda n, c, p: (c / "sub" / "unrelated.txt").write_text("y"), False),    # not a vocabulary file
    (lambda n, c, p: (n / "a.md").touch(), False),                             # same bytes
])
def test_the_key_follows_what_decides_the_extraction(inputs, change, changes_key):
    notes, content, package = inputs
    before = extraction_key(notes, content, package=package)
    change(notes, content, package)
    assert (extraction_key(notes, content, package=package) != before) is changes_key


def test_store_and_load(tmp_path):
    store_extraction(tmp_path, "k1", {"entities": [1, 2]})
    assert load_extraction(tmp_path, "k1") == {"entities": [1, 2]}
    assert load_extraction(tmp_path, "other") is None


def test_an_unreadable_entry_is_a_miss_and_is_removed(tmp_path):
    path = tmp_path / "extraction-k1.pickle"
    path.write_bytes(b"not a pickle")
    assert load_extraction(tmp_path, "k1") is None
    assert not path.exists()
    path.write_bytes(pickle.dumps(1)[:-3])  # cut short
    assert load_extraction(tmp_path, "k1") is None


def test_only_the_newest_entries_are_kept(tmp_path):
    for number in range(5):
        store_extraction(tmp_path, f"k{number}", number, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["extraction-k3.pickle", "extraction-k4.pickle"]
