"""Flashcard decks in the layouts study sites export, and plain notes that only look a little like one.

Each deck case gives the text, its title and every block as ``(term, line, kind, label, text)``:
the term is the section path, the definition lines its ``card`` blocks. The notes are written
for the test.
"""
from pathlib import Path

import pytest

from extract.read import detect_format, find_cards, looks_like_flashcards, read_flashcards

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _cards(sections):
    return [(s.heading, b.line, b.kind, b.label, b.text) for s in sections for b in s.blocks]


DECKS = [
    pytest.param(
        "Baking Basics\n3 Terms\n\n1\nProofing\nLetting shaped dough rise before baking.\n\n"
        "2\nRoux\nFlour cooked in fat to thicken sauces.\nTypes: white, blond and brown.\n\n"
        "3\nBlanch\nBoil briefly, then plunge into ice water.\n",
        "Baking Basics",
        [("Proofing", 6, "card", "", "Letting shaped dough rise before baking."),
         ("Roux", 10, "card", "", "Flour cooked in fat to thicken sauces."),
         ("Roux", 11, "card", "Types", "white, blond and brown."),
         ("Blanch", 15, "card", "", "Boil briefly, then plunge into ice water.")],
        id="numbered: number, term, definition lines"),
    pytest.param(
        "Cell Biology\n\nHome\nLibrary\nSign up\nShare\n4 Terms\n\n"
        "1\n\nRibosome\n\nBuilds proteins from amino acids.\n\n"
        "2\n\nMitochondrion\n\nMakes most of the cell's ATP.\n\nHas its own DNA.\n\n"
        "3\n\nLysosome\n\nDigests worn-out parts.\n\n"
        "4\n\nNucleus\n\nHolds the chromosomes.\n",
        "Cell Biology",
        [("Ribosome", 13, "card", "", "Builds proteins from amino acids."),
         ("Mitochondrion", 19, "card", "", "Makes most of the cell's ATP."),
         ("Mitochondrion", 21, "card", "", "Has its own DNA."),
         ("Lysosome", 27, "card", "", "Digests worn-out parts."),
         ("Nucleus", 33, "card", "", "Holds the chromosomes.")],
        id="numbered, blank lines everywhere, site chrome before"),
    pytest.param(
        "Networking 101\n\n7\nThis page number is chrome\n\n1\nSubnet\nA range of addresses that share a prefix.\n"
        "2\nGateway\nThe router a host sends off-network packets to.\n"
        "3\nTTL\nHops a packet may take before it is dropped; each router takes one off.\n",
        "Networking 101",
        [("Subnet", 8, "card", "", "A range of addresses that share a prefix."),
         ("Gateway", 11, "card", "", "The router a host sends off-network packets to."),
         ("TTL", 14, "card", "", "Hops a packet may take before it is dropped; each router takes one off.")],
        id="numbered: the run counting up from 1, a stray number before it is chrome"),
    pytest.param(
        "Sourdough\tBread leavened by wild yeast and lactic bacteria.\n"
        "Brine\tSalted water that seasons and keeps food.\n"
        "Emulsion\tTwo liquids that do not mix, held together, like mayonnaise.\n",
        "",
        [("Sourdough", 1, "card", "", "Bread leavened by wild yeast and lactic bacteria."),
         ("Brine", 2, "card", "", "Salted water that seasons and keeps food."),
         ("Emulsion", 3, "card", "", "Two liquids that do not mix, held together, like mayonnaise.")],
        id="tab-separated, no title"),
    pytest.param(
        "Routing Terms\nExported from a study site\nTerm\tDefinition\n"
        "Router\tForwards packets between networks by their destination address.\n\n"
        "Switch\tForwards frames inside one network by MAC address.\n\n"
        "Firewall\tDrops or allows traffic by rules on ports and addresses.\n"
        "NAT\tRewrites private addresses to a public one at the edge.\n"
        "Share this set\n",
        "Routing Terms",
        [("Router", 4, "card", "", "Forwards packets between networks by their destination address."),
         ("Switch", 6, "card", "", "Forwards frames inside one network by MAC address."),
         ("Firewall", 8, "card", "", "Drops or allows traffic by rules on ports and addresses."),
         ("NAT", 9, "card", "", "Rewrites private addresses to a public one at the edge.")],
        id="tab-separated inside site chrome, the header row dropped"),
    pytest.param(
        "Enzymes\n\nAmylase — Breaks starch down into sugars.\n"
        "Lipase – Splits fats into fatty acids and glycerol.\n"
        "Pepsin — Digests proteins in the acid of the stomach.\n",
        "Enzymes",
        [("Amylase", 3, "card", "", "Breaks starch down into sugars."),
         ("Lipase", 4, "card", "", "Splits fats into fatty acids and glycerol."),
         ("Pepsin", 5, "card", "", "Digests proteins in the acid of the stomach.")],
        id="term — definition"),
]


@pytest.mark.parametrize("text, title, cards", DECKS)
def test_decks_read_as_cards(text, title, cards):
    assert detect_format(Path("deck.txt"), text) == "flashcards"
    found_title, sections = read_flashcards(text, "deck.txt")
    assert found_title == title
    assert _cards(sections) == cards


PLAIN = [
    pytest.param(
        "Knife Skills\n\nA sharp knife is safer than a blunt one.\n\n"
        "Cut\tSize\nBrunoise\t3 mm cubes\nJulienne\t3 mm strips\n"
        "Chiffonade\tThin ribbons\n\nAlways curl the fingers of the guiding hand.\n",
        id="a small table of short cells among prose"),
    pytest.param(
        "Layer\tProtocol\nApplication\tHTTP, DNS\nTransport\tTCP, UDP\nNetwork\tIP, ICMP\nLink\tEthernet\n",
        id="a note that is one two-column table"),
    pytest.param(
        "Cell Biology Notes\n\n1\nThe Cell\n" + "Cells are the units of life. They divide and grow.\n" * 12
        + "\n2\nMembranes\n" + "The membrane lets some molecules through and keeps others out.\n" * 12
        + "\n3\nOrganelles\n" + "Organelles do the work of the cell inside its membrane.\n" * 12,
        id="page numbers alone on a line over pages of notes"),
    pytest.param(
        "Bread Notes\n\n" + "Bread needs flour, water, salt and a leavening agent of some kind.\n\n" * 12
        + "1\nKnead\nWork the dough.\n2\nProof\nLet it rise.\n3\nBake\nHot oven.\n",
        id="a few numbered cards at the end of a longer note"),
    pytest.param(
        "Routing\n\nA router reads the destination of each packet — then picks the best route.\n\n"
        "The routing table holds the routes. Static routes are typed in by hand.\n\n"
        "Dynamic routes — learned from neighbours — change as the network does.\n\n"
        "OSPF and BGP are the common routing protocols of larger networks.\n",
        id="prose with a few dashes"),
    pytest.param(
        "Recipe\n\n1. Preheat the oven to 220 C.\n2. Shape the loaf.\n3. Bake for forty minutes.\n",
        id="numbered steps on the lines they number"),
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_notes_are_no_decks(text):
    assert not looks_like_flashcards(text)
    assert find_cards(text.split("\n")) == []
    assert detect_format(Path("note.txt"), text) == "plain"


@pytest.mark.parametrize("path, expected", [
    ("domains/kubernetes-flashcards.txt", "flashcards"),
    ("notes/flashcards.txt", "flashcards"),
    ("domains/linux-cheatsheet.txt", "plain"),
    ("notes/cheat-sheet.txt", "plain"),
])
def test_fixture_notes_are_read_in_their_format(path, expected):
    assert detect_format(FIXTURES / path, (FIXTURES / path).read_text()) == expected


def test_a_numbered_deck_without_status_lines_gives_one_card_per_term():
    text = (FIXTURES / "domains" / "kubernetes-flashcards.txt").read_text()
    title, sections = read_flashcards(text, "kubernetes-flashcards.txt")
    assert title == "Kubernetes Basics - CKAD prep"
    assert len(sections) == 14 and all(len(s.path) == 1 for s in sections)
    assert [b.kind for s in sections for b in s.blocks] == ["card"] * 14
    assert sections[1].heading == "kubelet" and sections[1].blocks[0].text.startswith("Agent on every node")


def test_a_deck_of_too_few_cards_is_no_deck():
    text = "Herbs\n\n1\nBasil\nSweet leaves for pesto.\n\n2\nSage\nEarthy leaves for butter sauces.\n"
    assert detect_format(Path("herbs.txt"), text) == "plain"
