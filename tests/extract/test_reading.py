"""Reading one note: ``read_note`` is a pure function of the note and the vocabulary."""
import pickle

import pytest

from extract.findings import Definition, NoteFindings
from extract.parse import note_passages
from extract.pipeline import extract
from extract.reading import NoteReader, read_note

from .helpers import extract_markdown, note_of


NETWORKING = b"""## Amazon VPC

A VPC contains subnets. Domain Name System (DNS) resolves hostnames.

- **NAT gateway:** Lets private subnets reach the internet.
"""


KITCHEN = b"""## Sauces

A braise is a slow cooking method. Chefs never salt the stock before reduction.
"""


@pytest.fixture(scope="module")
def networking(reader, vocabulary) -> NoteFindings:
    return read_note(note_of(NETWORKING), vocabulary, reader=reader)


def test_reading_twice_gives_the_same_findings(reader, vocabulary, networking):
    assert read_note(note_of(NETWORKING), vocabulary, reader=reader) == networking


def test_findings_do_not_depend_on_other_notes_read_before(nlp, reader, vocabulary, networking):
    read_note(note_of(KITCHEN, "kitchen.md"), vocabulary, reader=reader)
    assert read_note(note_of(NETWORKING), vocabulary, reader=reader) == networking
    assert read_note(note_of(NETWORKING), vocabulary, reader=NoteReader(nlp, vocabulary)) == networking


def test_read_note_builds_its_own_reader_when_given_none(vocabulary, networking):
    assert read_note(note_of(NETWORKING), vocabulary) == networking


def test_findings_are_plain_data(networking):
    assert pickle.loads(pickle.dumps(networking)) == networking
    assert hash(networking.relations) == hash(pickle.loads(pickle.dumps(networking)).relations)
    assert networking.doc == "note.md"


def test_what_a_note_says(networking):
    assert networking.abbreviations == (("Domain Name System", "DNS"),)
    stated = {(r.subject.name or r.subject.text, r.predicate, r.object.name or r.object.text) for r in networking.relations}
    assert ("Amazon VPC", "contains", "subnet") in stated
    assert ("NAT gateway", "part of", "Amazon VPC") in stated
    sentences = [s.sentence for s in networking.statements]
    assert sentences == ["A VPC contains subnets.", "Domain Name System (DNS) resolves hostnames.",
                         "NAT gateway: Lets private subnets reach the internet."]
    assert {m.name for m in networking.statements[0].mentions} == {"Amazon VPC", "subnet"}


def test_a_label_and_a_copula_define_their_subject(reader, vocabulary, networking):
    label, = [d for d in networking.definitions if d.mention.text == "NAT gateway"]
    assert label.sentence == "NAT gateway: Lets private subnets reach the internet."
    kitchen = read_note(note_of(KITCHEN), vocabulary, reader=reader)
    assert [(d.mention.text, d.sentence) for d in kitchen.definitions] == [("braise", "A braise is a slow cooking method.")]
    assert all(isinstance(d, Definition) for d in kitchen.definitions)


def test_code_blocks_yield_nothing(reader, vocabulary):
    note = note_of(b"## Setup\n\n```\nAmazon S3 stores objects.\nkubectl get pods\n```\n")
    assert note_passages(note) == ["Setup"]
    findings = read_note(note, vocabulary, reader=reader)
    assert (findings.statements, findings.relations, findings.definitions) == ((), (), ())


def test_a_command_written_as_code_is_no_end_of_a_relation(reader, vocabulary):
    """`brew install` is a command shown in the note; `Homebrew` written as code is a name."""
    note = note_of(b"## Tools\n\n- `brew install wget` = package download\n"
                   b"- `Homebrew` installs packages into the cellar.\n")
    assert [block.code for block in note.sections[0].blocks] == [("brew install wget",), ("Homebrew",)]
    ends = {m.text.lower() for r in read_note(note, vocabulary, reader=reader).relations for m in (r.subject, r.object)}
    assert "brew install wget" not in ends and "package download" not in ends and {"homebrew", "cellar"} <= ends


def test_a_glossary_term_named_without_a_relation_is_a_node(nlp, vocabulary):
    note = note_of(b"## Revision\n\nKubernetes, once more, and then a break.\n")
    extraction = extract([note], vocabulary=vocabulary, nlp=nlp)
    kubernetes, = [e for e in extraction.entities if e.name == "Kubernetes"]
    assert kubernetes.type == "concept"
    assert not [t for t in extraction.triples if "Kubernetes" in (t.subject, t.object)]
    assert extraction.fresh == 1 and extraction.notes == [note]
