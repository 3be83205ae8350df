"""What the layout of a note says: nested headings, labels under a heading, items listed
under a heading that names a class, and table cells under a header that names a relation.
Read through ``read_note`` on small markdown notes."""
import pytest

from extract.read import note_from_bytes
from extract.reading import read_note

from .conftest import quads


@pytest.fixture(scope="module")
def layout(reader, vocabulary):
    """``layout(markdown)``: the structural relations of a note."""
    def read(markdown: str) -> set:
        note, _ = note_from_bytes("layout.md", markdown.encode(), suffix=".md")
        findings = read_note(note, vocabulary, reader=reader)
        return quads(r for r in findings.relations if r.kind == "structural")
    return read


def case(markdown, expected, gap=""):
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    lines = [line.strip("#-* ") for line in markdown.split("\n") if line.strip()]
    return pytest.param(markdown, expected, marks=marks, id=" / ".join(lines[:2])[:60] + (" (gap)" if gap else ""))


CASES = [
    # a heading under a heading, when their kinds say how they relate: a service feature under its service
    # (an aspect heading between them passes the topic through) ...
    case("## Amazon VPC\n\n### Features\n\n#### NAT gateway\n\nNAT gateways translate addresses.\n",
         {("NAT gateway", "part of", "Amazon VPC", False)}),
    # ... a member under a class, a narrower kind under its kind ...
    case("## Mother sauces\n\n### Béchamel\n\nBéchamel starts from a roux.\n", {("béchamel", "is a", "mother sauces", False)}),
    case("## Controller\n\n### Replication controller\n\nIt keeps pods running.\n",
         {("replication controller", "is a", "Controller", False)}),
    # ... a member written as a name, or a thing of the class's own kind ...
    case("## Types of databases\n\n### PostgreSQL (1996)\n\nIt stores rows.\n", {("PostgreSQL", "is a", "databases", False)}),
    # ... whatever aside the class heading has
    case("## Mother sauces (part 2)\n\n- **Velouté:** Velouté starts from a white stock.\n",
         {("Velouté", "is a", "mother sauces", False)}),
    case("## Types of neural networks\n\n### Graph neural networks\n\nThey learn on edges.\n",
         {("Graph neural networks", "is a", "neural network", False)}),
    # ... also under a class of ways named with a word that says nothing of it ("Common")
    case("## Common load balancing techniques\n\n### Round robin\n\nIt rotates through servers.\n",
         {("Round robin", "is a", "load balancing techniques", False)}),
    # ... an activity under a service is what it does, a service under an activity is used for it
    case("## Amazon Comprehend\n\n### Sentiment analysis\n\nIt scores text.\n",
         {("Amazon Comprehend", "supports", "sentiment analysis", False)}),
    case("## Fraud detection\n\n### Amazon Fraud Detector\n\nIt scores events.\n",
         {("Amazon Fraud Detector", "used for", "fraud detection", False)}),
    # labels under an aspect heading that names a relation ("Use cases") are related so to the topic above
    case("## Amazon Polly\n\n### Use cases\n\n- **Audiobooks:** Narrate long texts aloud.\n- **E-learning:** Voice course material.\n",
         {("Amazon Polly", "used for", "audiobooks", False), ("Amazon Polly", "used for", "e-learning", False)}),
    case("## Amazon Neptune\n\n### Use cases\n\n- Fraud detection\n- Knowledge graphs\n",
         {("Amazon Neptune", "used for", "fraud detection", False), ("Amazon Neptune", "used for", "knowledge graph", False)}),
    # a label under a heading is read as a heading under it
    case("## Amazon VPC\n\n- **NAT gateway:** Lets private subnets reach the internet.\n",
         {("NAT gateway", "part of", "Amazon VPC", False)}),
    # names listed alone under a plural heading are of that class ...
    case("## Mother sauces\n\n- Béchamel\n- Velouté\n",
         {("béchamel", "is a", "mother sauces", False), ("Velouté", "is a", "mother sauces", False)}),
    # ... or, when the heading says what the class is for, used for that
    case("## Databases for graphs\n\n- Amazon Neptune\n- Neo4j\n",
         {("Amazon Neptune", "used for", "graphs", False), ("Neo4j", "used for", "graphs", False)}),
    case("## Spices for curries\n\n- Turmeric\n- Cumin\n",
         {("Turmeric", "used for", "curries", False), ("cumin", "used for", "curries", False)}),
    # table cells under headers that name a relation (content/relations.yaml: table_headers)
    case("## Stores\n\n| Database | Type | Typical use |\n| --- | --- | --- |\n| Amazon Neptune | graph database | fraud detection |\n",
         {("Amazon Neptune", "is a", "graph database", False), ("Amazon Neptune", "used for", "fraud detection", False)}),
    # a cell of one adjective under "Type" qualifies the kind the first header names
    case("## Engines\n\n| Engine | Type |\n| --- | --- |\n| InnoDB | Transactional |\n",
         {("InnoDB", "is a", "transactional engine", False)}),
    case("## Stacks\n\n| Protocol | Layer |\n| --- | --- |\n| HTTPS | application layer |\n| Ethernet | data link layer |\n",
         {("HTTPS", "part of", "application layer", False), ("ethernet", "part of", "data link layer", False)}),
    # known gaps
    case("## Databases for graph workloads\n\n- Amazon Neptune\n",
         {("Amazon Neptune", "used for", "graph workloads", False)},
         gap="topic_of wants the phrase to be a third of the heading, so a heading with a long purpose names no "
             "topic and its items are never read"),
    # a capitalised plural the tagger took for a name still names a class
    case("## Algorithms for classification\n\n- XGBoost\n", {("XGBoost", "used for", "classification", False)}),
]


@pytest.mark.parametrize("markdown, expected", CASES)
def test_layout_states(layout, markdown, expected):
    assert expected <= layout(markdown)


@pytest.mark.parametrize("markdown", [
    # an item that is a sentence is read as one, not as a member of the class
    "## Mother sauces\n\n- Béchamel thickens with roux\n",
    # a singular heading names no class
    "## Sauce\n\n- Béchamel\n",
    # one heading names nothing to nest under; two whose kinds say nothing state nothing
    "## Scheduler\n\nThe scheduler assigns pods to nodes.\n",
    "## Control plane\n\n### Scheduler\n\nThe scheduler assigns pods to nodes.\n",
    # a concept of another kind under a class heading is none of its members
    "## Types of neural networks\n\n### Backpropagation\n\nIt adjusts weights layer by layer.\n",
    "## Types of databases\n\n### Normalization\n\nIt removes redundancy.\n",
    "## Message brokers\n\n### Broker federation\n\nIt links brokers.\n",
    # items under an aspect heading are no members of the topic above ("Features" is plural, not the class)
    "## Amazon Neptune\n\n### Features\n\n- Graph queries\n- Fast backups\n",
    # a service under a vendor's class heading is a tool for the class, none of its members
    "## AWS Data Lakes\n\n### Amazon S3\n\nIt stores objects.\n",
    # a chapter heading of several activities says of a service under it nothing for its first one
    "## Sentiment analysis, Translation, Speech\n\n### Amazon Comprehend\n\nIt scores text.\n",
    # a cell that is a sentence says more than its header: its nouns are no uses
    "## Caches\n\n| Tool | Use case |\n| --- | --- |\n| Varnish | Used to serve pages faster by keeping rendered fragments in memory |\n",
    # a header that names no relation relates nothing, nor a first header of everyday words
    "## Ports\n\n| Name | Encrypted |\n| --- | --- |\n| Telnet | plaintext |\n",
], ids=lambda markdown: " > ".join(line.strip("# -") for line in markdown.split("\n")[:5:2]))
def test_layout_states_nothing(layout, markdown):
    assert layout(markdown) == set()


def test_table_cells_state_only_what_their_header_says(reader, vocabulary):
    markdown = "## Caches\n\n| Cache | Creator | Layer |\n| --- | --- | --- |\n| Redis | Salvatore Sanfilippo | memory tier |\n"
    note, _ = note_from_bytes("table.md", markdown.encode(), suffix=".md")
    found = quads(read_note(note, vocabulary, reader=reader).relations)
    assert ("Redis", "part of", "memory tier", False) in found
    assert found == {("Redis", "part of", "memory tier", False), ("Redis", "is a", "Cache", False)}  # the first header


def test_layout_relations_name_where_they_come_from(reader, vocabulary):
    note, _ = note_from_bytes("sauces.md", "## Mother sauces\n\n### Béchamel\n\nIt starts from a roux.\n".encode(),
                              suffix=".md")
    heading, = [r for r in read_note(note, vocabulary, reader=reader).relations if r.shape == "headings"]
    assert heading.sentence == "Mother sauces > Béchamel"
    assert (heading.source.doc, heading.source.section) == ("sauces.md", "Mother sauces > Béchamel")
