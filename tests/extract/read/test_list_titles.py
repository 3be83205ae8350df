"""A short bullet with bullets nested under it titles them: they get its text as their label.

Each case gives a note and every block as ``(heading, line, kind, label, text)``; the notes
are written for the test. The same shapes are read from markdown and from plain text.
"""
import pytest

from extract.read import list_title, read_markdown, read_plain


def _blocks(sections):
    return [(s.heading, b.line, b.kind, b.label, b.text) for s in sections for b in s.blocks]


MARKDOWN = [
    pytest.param(
        "## Bread\n\n- sourdough starter\n  - Feed it flour and water every day.\n  - Keeps for weeks in the fridge.\n"
        "- Yeast makes the dough rise.\n",
        [("Bread", 3, "bullet", "", "sourdough starter"),
         ("Bread", 4, "bullet", "sourdough starter", "Feed it flour and water every day."),
         ("Bread", 5, "bullet", "sourdough starter", "Keeps for weeks in the fridge."),
         ("Bread", 6, "bullet", "", "Yeast makes the dough rise.")],
        id="a short bullet labels its nested bullets, not its sibling"),
    pytest.param(
        "## Cells\n\n- mitochondria in muscle cells:\n  - there are thousands per cell\n",
        [("Cells", 3, "bullet", "", "mitochondria in muscle cells:"),
         ("Cells", 4, "bullet", "mitochondria in muscle cells", "there are thousands per cell")],
        id="a bullet ending with a colon, the colon dropped from the label"),
    pytest.param(
        "## Routing\n\n- the router forwards packets by the longest matching prefix\n  - a /24 beats a /16\n",
        [("Routing", 3, "bullet", "", "the router forwards packets by the longest matching prefix"),
         ("Routing", 4, "bullet", "", "a /24 beats a /16")],
        id="a long statement over nested bullets is no title: they stay unlabelled"),
    pytest.param(
        "## Transport\n\n- tcp is reliable.\n  - it resends lost segments\n- udp, not tcp\n  - no handshake\n",
        [("Transport", 3, "bullet", "", "tcp is reliable."),
         ("Transport", 4, "bullet", "", "it resends lost segments"),
         ("Transport", 5, "bullet", "", "udp, not tcp"),
         ("Transport", 6, "bullet", "", "no handshake")],
        id="a short bullet with sentence punctuation is no title"),
    pytest.param(
        "## Addressing\n\n- subnet mask\n  - **CIDR:** /24 is 255.255.255.0\n"
        "  - splits an address into network and host\n",
        [("Addressing", 3, "bullet", "", "subnet mask"),
         ("Addressing", 4, "bullet", "CIDR", "/24 is 255.255.255.0"),
         ("Addressing", 5, "bullet", "subnet mask", "splits an address into network and host")],
        id="a nested bullet keeps a label of its own"),
    pytest.param(
        "## Layers\n\n- osi model\n  - transport layer\n    - tcp and udp live here\n  - sits under the application\n"
        "\nAfter the list.\n",
        [("Layers", 3, "bullet", "", "osi model"),
         ("Layers", 4, "bullet", "osi model", "transport layer"),
         ("Layers", 5, "bullet", "transport layer", "tcp and udp live here"),
         ("Layers", 6, "bullet", "osi model", "sits under the application"),
         ("Layers", 8, "paragraph", "", "After the list.")],
        id="titles nest; the nearest one labels, and text after the list has none"),
    pytest.param(
        "## Bread\n\n- Sourdough Starter\n  - Feed it every day.\n- rye flour\n- Salt slows the yeast.\n",
        [("Bread > Sourdough Starter", 4, "bullet", "", "Feed it every day."),
         ("Bread", 5, "bullet", "", "rye flour"),
         ("Bread", 6, "bullet", "", "Salt slows the yeast.")],
        id="a capitalised title still opens a sub-heading; a short bullet without nested ones labels nothing"),
    pytest.param(
        "## Enzymes\n\n1. amylase\n   1. breaks starch into sugars\n\n"
        "   Made in the saliva and the pancreas.\n2. Lipase splits fats.\n",
        [("Enzymes", 3, "bullet", "", "amylase"),
         ("Enzymes", 4, "bullet", "amylase", "breaks starch into sugars"),
         ("Enzymes", 6, "paragraph", "amylase", "Made in the saliva and the pancreas."),
         ("Enzymes", 7, "bullet", "", "Lipase splits fats.")],
        id="numbered items, and a paragraph nested in the titled item"),
]


@pytest.mark.parametrize("text, blocks", MARKDOWN)
def test_markdown_list_titles_label_their_nested_bullets(text, blocks):
    assert _blocks(read_markdown(text, "case.md")[1]) == blocks


PLAIN = [
    pytest.param(
        "Bread Notes\n\n- sourdough starter\n  - Feed it flour and water every day.\n"
        "  - Keeps for weeks in the fridge.\n"
        "- Yeast makes the dough rise.\n",
        [("", 3, "bullet", "", "sourdough starter"),
         ("", 4, "bullet", "sourdough starter", "Feed it flour and water every day."),
         ("", 5, "bullet", "sourdough starter", "Keeps for weeks in the fridge."),
         ("", 6, "bullet", "", "Yeast makes the dough rise.")],
        id="a short bullet labels its nested bullets, not its sibling"),
    pytest.param(
        "Routing Notes\n\n• the router forwards packets by the longest matching prefix\n    • a /24 beats a /16\n",
        [("", 3, "bullet", "", "the router forwards packets by the longest matching prefix"),
         ("", 4, "bullet", "", "a /24 beats a /16")],
        id="a long statement over nested bullets is no title"),
    pytest.param(
        "Addressing Notes\n\n- subnet mask\n  - **CIDR:** /24 is 255.255.255.0\n"
        "  - splits an address into network and host\n"
        "    - the host part numbers the machines\n\nAfter the list.\n  - an indented bullet after text\n",
        [("", 3, "bullet", "", "subnet mask"),
         ("", 4, "bullet", "CIDR", "/24 is 255.255.255.0"),
         ("", 5, "bullet", "subnet mask", "splits an address into network and host"),
         ("", 6, "bullet", "subnet mask", "the host part numbers the machines"),
         ("", 8, "paragraph", "", "After the list."),
         ("", 9, "bullet", "", "an indented bullet after text")],
        id="own labels kept; text ends the list"),
    pytest.param(
        "Enzyme Notes\n\n- amylase\n  - breaks starch into sugars,\n    mostly in the mouth\n"
        "  - made in the pancreas too\n",
        [("", 3, "bullet", "", "amylase"),
         ("", 4, "bullet", "amylase", "breaks starch into sugars,"),
         ("", 5, "paragraph", "", "mostly in the mouth"),
         ("", 6, "bullet", "amylase", "made in the pancreas too")],
        id="a line indented under the list does not end it"),
]


@pytest.mark.parametrize("text, blocks", PLAIN)
def test_plain_list_titles_label_their_nested_bullets(text, blocks):
    assert _blocks(read_plain(text, "case.txt")[1]) == blocks


@pytest.mark.parametrize("text, title", [
    ("kubelet", "kubelet"),
    ("proofing times:", "proofing times"),
    ("API server (kube-apiserver)", "API server (kube-apiserver)"),
    ("Knead the dough for ten minutes.", ""),
    ("eggs, flour and sugar", ""),
    ("etcd = the cluster store", ""),
    ("the ribosome builds every protein", ""),
    ("", ""),
])
def test_list_title(text, title):
    assert list_title(text) == title
