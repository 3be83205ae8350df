"""A sentence ending with a colon that leads into a list says of each item what it would say
of them written after it (``extract.lead_ins``), in markdown and in plain text alike."""
import pytest

from extract.lead_ins import with_lead_ins
from extract.model import Block
from extract.read import note_from_bytes
from extract.reading import read_note



def _paragraphs(blocks):
    return [b.text for b in with_lead_ins(blocks) if b.kind == "paragraph"]


def test_a_list_led_into_is_read_again_after_it_as_one_sentence():
    blocks = [Block("Ansible reaches hosts in two ways. It supports the following connection types:", 3),
              Block("SSH", 5, kind="bullet"), Block("WinRM.", 6, kind="bullet"), Block("Inventories list hosts.", 8)]
    joined = "It supports the following connection types: SSH and WinRM."
    assert _paragraphs(blocks) == [blocks[0].text, joined, blocks[3].text]
    assert next(b for b in with_lead_ins(blocks) if b.text == joined).line == 3


def test_labelled_items_are_named_by_their_labels_and_an_introducing_word_takes_no_colon():
    blocks = [Block("Prometheus ships several exporters, including:", 1),
              Block("Turns host metrics into samples.", 2, label="node_exporter", kind="bullet"),
              Block("Probes endpoints over HTTP.", 3, label="blackbox_exporter", kind="bullet")]
    assert _paragraphs(blocks)[-1] == "Prometheus ships several exporters, including node_exporter and blackbox_exporter."


@pytest.mark.parametrize("blocks", [
    # a list of statements names nothing to list
    [Block("Kubernetes keeps pods running in several ways:", 1),
     Block("The kubelet restarts failed containers on its node.", 2, kind="bullet")],
    # a lead of a word or two says nothing of the items
    [Block("Examples:", 1), Block("SSH", 2, kind="bullet")],
    # no colon, no lead
    [Block("Ansible supports connection types.", 1), Block("SSH", 2, kind="bullet")],
], ids=["statements", "short lead", "no colon"])
def test_nothing_is_joined_without_a_lead_and_items_to_name(blocks):
    assert with_lead_ins(blocks) == tuple(blocks)


@pytest.mark.parametrize("name, text", [
    ("lead.md", b"# Config\n\nAnsible supports the following connection types:\n\n- SSH\n- WinRM\n"),
    ("lead.txt", b"Config\n\nAnsible offers several connection plugins, including:\n\n- SSH\n- WinRM\n"),
])
def test_the_lead_says_of_each_item_what_it_says_of_the_list(reader, vocabulary, name, text):
    note, _ = note_from_bytes(name, text, suffix=name[name.index("."):])
    found = read_note(note, vocabulary, reader=reader)
    relations = {(r.subject.name or r.subject.text, r.predicate, r.object.name or r.object.text) for r in found.relations}
    items = {o.lower() for s, _, o in relations if s == "Ansible"} | {s.lower() for s, p, _ in relations if p == "is a"}
    assert {"ssh", "winrm"} <= items, relations
