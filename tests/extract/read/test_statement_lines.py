"""Lines of one paragraph that state one thing each, and a paragraph line that titles the list after it.

CommonMark joins the lines of a paragraph; the markdown reader keeps a line of its own when it
states one thing (``Label: text``, ``X = Y``, ``A -> B``), keeps hard-wrapped prose joined, and
opens a short line ending with a colon right before a list as the title of that list. Each case
gives a note written for the test and every block as ``(heading, line, kind, label, text)``.
"""
import pytest

from extract.read import read_markdown
from extract.read.markdown_lines import states_one_thing, title_of_list


def _blocks(sections):
    return [(s.heading, b.line, b.kind, b.label, b.text) for s in sections for b in s.blocks]


STATEMENTS = [
    pytest.param(
        "## Bread\n\nProofing: let the dough rise for an hour\nBaking: 220 degrees for thirty minutes\n"
        "**Cooling:** on a rack so the crust stays crisp\n",
        [("Bread", 3, "paragraph", "Proofing", "let the dough rise for an hour"),
         ("Bread", 4, "paragraph", "Baking", "220 degrees for thirty minutes"),
         ("Bread", 5, "paragraph", "Cooling", "on a rack so the crust stays crisp")],
        id="label lines: a block each, the label split off"),
    pytest.param(
        "## Averages\n\nMode: (most frequent): used with categorical values\n",
        [("Averages", 3, "paragraph", "Mode (most frequent)", "used with categorical values")],
        id="an aside between a label and its text belongs to the label"),
    pytest.param(
        "## Cells\n\nmitochondria = power plant of the cell\nribosome = builds proteins from amino acids\n"
        "cell membrane = lets some molecules through\n",
        [("Cells", 3, "paragraph", "", "mitochondria = power plant of the cell"),
         ("Cells", 4, "paragraph", "", "ribosome = builds proteins from amino acids"),
         ("Cells", 5, "paragraph", "", "cell membrane = lets some molecules through")],
        id="X = Y lines: a block each"),
    pytest.param(
        "## Requests\n\nbrowser -> resolver -> web server\nclient → switch → router\nsegment => packet => frame\n",
        [("Requests", 3, "paragraph", "", "browser -> resolver -> web server"),
         ("Requests", 4, "paragraph", "", "client → switch → router"),
         ("Requests", 5, "paragraph", "", "segment => packet => frame")],
        id="arrow chains: a block each"),
    pytest.param(
        "## Transport\n\nTCP sets up a connection with a three-way handshake before any data\n"
        "flows, and it resends every segment that was not acknowledged in\ntime.\n"
        "UDP: no handshake, no resending\nport = number that picks the application\nsegment -> packet -> frame\n"
        "Each layer wraps the data of the layer above it and hands it\ndown the stack.\n",
        [("Transport", 3, "paragraph", "", "TCP sets up a connection with a three-way handshake before any data "
                                           "flows, and it resends every segment that was not acknowledged in time."),
         ("Transport", 6, "paragraph", "UDP", "no handshake, no resending"),
         ("Transport", 7, "paragraph", "", "port = number that picks the application"),
         ("Transport", 8, "paragraph", "", "segment -> packet -> frame"),
         ("Transport", 9, "paragraph", "", "Each layer wraps the data of the layer above it and hands it down the stack.")],
        id="mixed: wrapped prose stays joined around the statement lines"),
    pytest.param(
        "## Bread\n\nKneading: works the gluten until the dough is smooth and\nsprings back when pressed\n"
        "Dry goods: flour, sugar,\nBaking powder and salt\n",
        [("Bread", 3, "paragraph", "Kneading", "works the gluten until the dough is smooth and springs back when pressed"),
         ("Bread", 5, "paragraph", "Dry goods", "flour, sugar, Baking powder and salt")],
        id="a wrapped label line goes on: next line in lower case, or it ends with a comma"),
    pytest.param(
        "## Dough\n\nBakers often give the hydration of a dough as water / flour = 0.7\n"
        "for a wet loaf and 0.6 for a stiff one.\n",
        [("Dough", 3, "paragraph", "", "Bakers often give the hydration of a dough as water / flour = 0.7 "
                                       "for a wet loaf and 0.6 for a stiff one.")],
        id="an = far into a prose line is no statement"),
    pytest.param(
        "## Diffusion\n\n- Osmosis: water moves across a membrane.\n  It flows toward the side with more solute.\n"
        "- Diffusion: molecules spread out\n  Active transport: pumps them against the gradient\n",
        [("Diffusion", 3, "bullet", "Osmosis", "water moves across a membrane. It flows toward the side with more solute."),
         ("Diffusion", 5, "bullet", "Diffusion", "molecules spread out"),
         ("Diffusion", 6, "paragraph", "Active transport", "pumps them against the gradient")],
        id="under a bullet: an indented line goes on with it, an indented label line stands alone"),
]


@pytest.mark.parametrize("text, blocks", STATEMENTS)
def test_a_line_that_states_one_thing_is_a_block(text, blocks):
    assert _blocks(read_markdown(text, "case.md")[1]) == blocks


LIST_TITLES = [
    pytest.param(
        "## Bread\n\nProofing times:\n- an hour at room temperature\n- overnight in the fridge\n\nSalt slows the yeast.\n",
        [("Bread > Proofing times", 4, "bullet", "", "an hour at room temperature"),
         ("Bread > Proofing times", 5, "bullet", "", "overnight in the fridge"),
         ("Bread", 7, "paragraph", "", "Salt slows the yeast.")],
        id="a title paragraph: its list under it, the text after the list back under the heading"),
    pytest.param(
        "## Bread\n\nYeast needs warmth.\nways to knead:\n- by hand\n  - fold and push\n- with a mixer\n\n"
        "Knead the dough on a floured board for ten minutes:\n- push\n- fold\n",
        [("Bread", 3, "paragraph", "", "Yeast needs warmth."),
         ("Bread > ways to knead", 5, "bullet", "", "by hand"),
         ("Bread > ways to knead", 6, "bullet", "by hand", "fold and push"),
         ("Bread > ways to knead", 7, "bullet", "", "with a mixer"),
         ("Bread", 9, "paragraph", "", "Knead the dough on a floured board for ten minutes:"),
         ("Bread", 10, "bullet", "", "push"),
         ("Bread", 11, "bullet", "", "fold")],
        id="a paragraph's short last line titles a nested list; a sentence ending with a colon does not"),
    pytest.param(
        "## Transport\n\n- TCP is reliable.\n\n  Handshake Steps:\n  - SYN\n  - SYN-ACK\n- UDP has no handshake.\n",
        [("Transport", 3, "bullet", "", "TCP is reliable."),
         ("Transport > Handshake Steps", 6, "bullet", "", "SYN"),
         ("Transport > Handshake Steps", 7, "bullet", "", "SYN-ACK"),
         ("Transport", 8, "bullet", "", "UDP has no handshake.")],
        id="a title inside a list item covers its nested list only"),
]


@pytest.mark.parametrize("text, blocks", LIST_TITLES)
def test_a_short_line_ending_with_a_colon_titles_the_list_after_it(text, blocks):
    assert _blocks(read_markdown(text, "case.md")[1]) == blocks


@pytest.mark.parametrize("line, expected", [
    ("Proofing: let it rise", True),
    ("**Mitosis:** one cell becomes two", True),
    ("Proofing Times:", True),
    ("nucleus = holds the DNA", True),
    ("`ping` = checks that a host answers", True),
    ("DNS -> IP address", True),
    ("leaf→stem→root", True),
    ("Bakers often give the hydration as water / flour = 0.7", False),
    ("The cell divides once a day.", False),
    ("a = b", True),
    ("= a line starting with the sign", False),
])
def test_states_one_thing(line, expected):
    assert states_one_thing(line) is expected


@pytest.mark.parametrize("line, title", [
    ("Proofing Times:", "Proofing Times"),
    ("ways to knead:", "ways to knead"),
    ("**Cell parts:**", "Cell parts"),
    ("Knead the dough on a floured board:", ""),
    ("Routing tables", ""),
    ("Note: use bread flour", ""),
])
def test_title_of_list(line, title):
    assert title_of_list(line) == title
