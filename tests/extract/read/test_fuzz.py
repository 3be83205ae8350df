"""The readers and the cleaner on arbitrary text and bytes (hypothesis, and atheris in ``fuzz_readers.py``): they never raise,
and they never return text that was not in the input.

"Not in the input" is checked word by word. A word is a maximal run of letters and digits
(``[^\\W_]+``). The reference is the input as the function sees it, with HTML character
references unescaped once, then reduced to its letters and digits alone (every other
character removed); for ``load_note`` on bytes, the input is first decoded and repaired by
ftfy, as ``load_note`` does before its readers see the text. Every word of every string
a reader returns (title, heading paths, labels, block texts, table attributes) must occur
in that reference. Removing markup may join neighbours (``a**b**c`` gives ``abc``,
``[S3](url)s`` gives ``S3s``: link destinations are not in the reference), which it allows; a word the input never spelt out (a second unescaping turning
``&amp;#120;`` into ``x``, an invented title or number) fails.

A markdown code block is not prose: its text is the input's, as written (entities and link
destinations included), so each of its lines must occur in the input, spacing aside.
"""
import html
import re
import shutil
import string
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.model import Note, Section
from extract.read import (NoteError, clean_heading, decode_note, detect_format, load_note, normalise_space, read_flashcards,
                          read_markdown, read_plain, repair_encoding, sentence_key, split_label, strip_markup)

WORD = re.compile(r"[^\W_]+")
# "[S3](url)s" reads "S3s", as Markdown renders it: the destination is not text (a link never
# spans a line or, in a table, a cell).
LINK = re.compile(r"\[([^\]\n\t]*)\]\((?:[^()\n\t]|\([^)\n\t]*\))*\)")
FIXTURES = Path(__file__).parents[1] / "fixtures" / "notes"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text that looks like notes: markdown and HTML marks, labels, tabs, entities, numbers, odd characters.
PIECES = ["#", "## ", "- ", "* ", "1. ", "**", "__", "*", "`", "[", "](", ")", "(", "![", "<b>", "</b>", "<div>",
          "<script>", "</script>", "&amp;", "&lt;", "&#120;", "&", ";", ":", ": ", "|", "\t", "\n", "\n\n", "---",
          "> ", "http://x.io/a ", "www.a.b ", "New cards", "Index", "Amazon S3", "SageMaker", "é", "ﬁ", "\u00a0",
          "\x00", "\x1b", "\u202e", "\ufffd", " ", "  ", "    ", "a", "B", "7", ".", "?", "title: x"]
NOTE_TEXT = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
LINE = st.one_of(st.text(max_size=120).map(lambda text: text.replace("\n", " ")),
                 st.lists(st.sampled_from([p for p in PIECES if "\n" not in p]), max_size=30).map("".join))


def reference(text: str) -> str:
    """The input's letters and digits, entity-unescaped once, without link destinations."""
    return "".join(WORD.findall(html.unescape(LINK.sub(r"[\1]", text))))


def invented_words(output: str, text: str) -> list[str]:
    known = reference(text)
    return [word for word in WORD.findall(output) if word not in known]


def strings_of(title: str, sections: tuple[Section, ...]) -> list[str]:
    found = [title]
    for section in sections:
        found += list(section.path)
        for block in section.blocks:
            found += [block.label, block.attribute] if block.kind == "code" else [block.text, block.label, block.attribute]
    return found


def code_lines(sections: tuple[Section, ...]) -> list[str]:
    """Every line of every code block."""
    return [line for section in sections for block in section.blocks if block.kind == "code"
            for line in block.text.split("\n")]


def not_copied(lines: list[str], text: str) -> list[str]:
    """The lines that do not occur in ``text``, spacing aside (and NUL read as U+FFFD, as CommonMark reads it)."""
    known = " ".join(text.replace("\x00", "\ufffd").split())
    return [line for line in lines if " ".join(line.split()) not in known]


@FUZZ
@given(LINE)
def test_strip_markup_never_raises_nor_invents_words(line):
    clean = strip_markup(line)
    assert invented_words(clean, line) == []
    assert clean == normalise_space(clean) and "\n" not in clean


@FUZZ
@given(LINE)
def test_split_label_and_headings_never_invent_words(line):
    label, rest = split_label(line)
    heading = clean_heading(line)
    assert invented_words(f"{label} {rest} {heading}", line) == []
    sentence_key(line)


@FUZZ
@given(st.text(max_size=300))
def test_repair_encoding_never_raises_and_leaves_no_control_characters(text):
    repaired = repair_encoding(text)
    assert not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", repaired)


@FUZZ
@given(NOTE_TEXT, st.sampled_from([read_markdown, read_plain, read_flashcards]))
def test_readers_never_raise_nor_invent_words(text, reader):
    title, sections = reader(text, "fuzz.md")
    assert all(isinstance(section, Section) and section.doc == "fuzz.md" for section in sections)
    for found in strings_of(title, sections):
        assert invented_words(found, text) == [], found
    assert not_copied(code_lines(sections), text) == []


@FUZZ
@given(st.binary(max_size=600) | NOTE_TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")),
       st.sampled_from(["n.md", "n.txt"]))
def test_read_note_on_any_bytes_gives_a_note_or_a_note_error(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(data)
    detect_format(path, data.decode("latin-1"))
    try:
        note = load_note(path)
    except NoteError as error:
        assert str(error).startswith(f"{name}: ")
        return
    assert isinstance(note, Note)
    text = repair_encoding(decode_note(data)[0])
    for found in strings_of("", note.sections):
        assert invented_words(found, text) == [], found
    assert not_copied(code_lines(note.sections), text) == []


@FUZZ
@given(st.text(alphabet=string.printable, max_size=200))
def test_decoding_utf8_text_changes_nothing(text):
    assert decode_note(text.encode("utf-8")) == (text, "")


def test_coverage_guided_fuzzing_of_the_readers_finds_nothing(tmp_path):
    """atheris (``fuzz_readers.py``), seeded with the fixture notes, for a fixed number of inputs."""
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    run = subprocess.run([sys.executable, str(Path(__file__).with_name("fuzz_readers.py")), "-runs=1500", "-seed=1",
                          "-max_len=4096", f"-artifact_prefix={tmp_path}/", str(corpus)], capture_output=True, text=True, timeout=900)
    assert run.returncode == 0 and "Done 1500 runs" in run.stderr, run.stderr[-3000:]
