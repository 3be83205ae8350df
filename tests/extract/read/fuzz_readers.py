"""Coverage-guided fuzzing of the note readers and the cleaner with atheris.

    .venv/bin/python tests/extract/read/fuzz_readers.py -runs=20000 [-seed=1] [-artifact_prefix=build/] [CORPUS_FOLDER]

atheris adds the inputs it finds interesting to CORPUS_FOLDER and writes a failing input to
``crash-*`` (under ``-artifact_prefix``): give it a copy of the fixture notes, not the fixtures.

Each input is a file's bytes. They go through ``load_note`` (decoding, repair, format
detection and the matching reader) and, decoded, through every reader and ``strip_markup``
line by line; atheris reports any exception, including a failed check that every word of the
output occurs in the input (see ``test_fuzz.invented_words``), and every line of a code block is copied from it. ``test_fuzz`` runs this for a
fixed number of inputs seeded with the test fixtures; run it longer by hand.
"""
import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

with atheris.instrument_imports(include=["extract"]):
    from extract.read import (NoteError, decode_note, load_note, read_flashcards, read_markdown, read_plain,
                              repair_encoding, strip_markup)

from test_fuzz import code_lines, invented_words, not_copied, strings_of  # noqa: E402  (beside this file)

FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-readers-"))
atexit.register(shutil.rmtree, FOLDER, True)


def check(data: bytes) -> None:
    for name in ("note.md", "note.txt"):
        path = FOLDER / name
        path.write_bytes(data)
        try:
            note = load_note(path)
        except NoteError as error:
            assert str(error).startswith(f"{name}: "), error
            continue
        text = repair_encoding(decode_note(data)[0])
        for found in strings_of("", note.sections):
            assert not invented_words(found, text), (found, text)
        assert not not_copied(code_lines(note.sections), text), text
    text = data.decode("utf-8", "replace")
    for reader in (read_markdown, read_plain, read_flashcards):
        title, sections = reader(text, "fuzz.md")
        for found in strings_of(title, sections):
            assert not invented_words(found, text), (reader.__name__, found, text)
        assert not not_copied(code_lines(sections), text), (reader.__name__, text)
    for line in text.splitlines()[:50]:
        assert not invented_words(strip_markup(line), line), line


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
