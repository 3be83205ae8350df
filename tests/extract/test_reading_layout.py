"""Reading one note's layout: headings, cards and tables say what their lines are about (labels: test_reading_labels)."""
import pytest

from extract.read import note_from_bytes
from extract.reading import read_note

from .helpers import extract_markdown, note_of


ALGORITHMS = b"""## Text algorithms

* Isolation Forest Algorithm
  This algorithm flags outliers in sensor readings.
  Uses: Anomaly detection, Python

## Principal Component Analysis (PCA) Algorithm

This algorithm reduces the dimensionality of a dataset.
"""


@pytest.fixture(scope="module")
def algorithms(reader, vocabulary) -> set:
    found = read_note(note_of(ALGORITHMS), vocabulary, reader=reader)
    return {(r.subject.name or r.subject.text, r.predicate, r.object.name or r.object.text) for r in found.relations}


def test_a_heading_with_an_abbreviation_inside_names_its_topic(algorithms):
    assert ("Principal Component Analysis Algorithm", "reduces", "dataset dimensionality") in algorithms
    assert not any(subject == "algorithm" for subject, _, _ in algorithms)


def test_a_card_term_names_its_topic_even_when_it_is_an_aspect_word(reader, vocabulary):
    """"Deployment" labels an aspect in prose notes; a card's term is always its topic."""
    deck = (b"Kubernetes objects\n3 Terms\n\n1\nDeployment\nDeclares the desired state for ReplicaSets. Supports rolling updates.\n\n"
            b"2\nService\nExposes a set of pods behind one stable IP.\n\n3\nkubelet\nAgent on every node.\n")
    note = note_from_bytes("deck.txt", deck, suffix=".txt")[0]
    assert note.format == "flashcards"
    found = {(r.subject.text.lower(), r.predicate, r.object.text) for r in read_note(note, vocabulary, reader=reader).relations}
    assert ("deployment", "supports", "rolling updates") in found
    assert ("service", "exposes", "pods") in found  # a word that names nothing in prose ("service") names a card's term


def test_a_first_table_header_naming_a_kind_says_each_row_is_one(reader, vocabulary):
    text = (b"## Encoding\n\n| Encoding Technique | Description |\n|---|---|\n"
            b"| Target Encoding | Replaces a category by the mean target. |\n\n"
            b"| Command | What it does |\n|---|---|\n| ps aux | lists processes |\n")
    found = read_note(note_of(text), vocabulary, reader=reader)
    kinds = {(r.subject.text, r.object.text) for r in found.relations if r.predicate == "is a"}
    assert ("Target Encoding", "Encoding Technique") in kinds
    assert not any(obj.lower() == "command" for _, obj in kinds)  # an everyday header names no kind


ROUTING_DECK = b"""Networking deck
3 Terms

1
Routing protocols

OSPF: Link-state protocol that floods link-state advertisements inside one area.

Use case: Enterprise campus networks, Data center fabrics

BGP: Path-vector protocol that exchanges routes between autonomous systems.

Use case: Internet routing, Multihoming

2
Nginx/HAProxy

(HAP) Load balancer with health checks and sticky sessions.

Use case: Web traffic distribution

3
Transport protocols

TCP/UDP: Transport protocols of the internet suite.

Use case: Video streaming
"""


@pytest.fixture(scope="module")
def routing(reader, vocabulary) -> set:
    note = note_from_bytes("routing.txt", ROUTING_DECK, suffix=".txt")[0]
    assert note.format == "flashcards"
    return {(r.subject.text, r.predicate, r.object.text.lower()) for r in read_note(note, vocabulary, reader=reader).relations}


def test_a_use_case_line_is_about_the_term_defined_just_before_it(routing):
    assert {("OSPF", "used for", "data center fabrics"), ("BGP", "used for", "internet routing")} <= routing
    assert not any(s == "OSPF" and o == "internet routing" for s, _, o in routing)
    assert not any(s.lower() == "routing protocols" and p == "used for" for s, p, _ in routing)


def test_a_line_opening_with_one_names_abbreviation_is_about_that_one(routing):
    assert ("HAProxy", "is a", "load balancer") in routing
    assert not any(s == "Nginx" and o == "load balancer" for s, _, o in routing)


def test_a_comparison_table_with_a_row_of_examples_says_what_each_example_is_and_is_for(reader, vocabulary):
    markdown = (b"## Queue types\n\n| | Streaming | Task |\n|---|---|---|\n| Examples | Kafka | Celery |\n"
                b"| Typical use | Log aggregation | Background jobs |\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("kafka", "is a", "streaming queue"), ("kafka", "used for", "log aggregation"),
            ("celery", "is a", "task queue"), ("celery", "used for", "background jobs")} <= found, found


def test_examples_listed_under_a_class_heading_or_in_an_examples_column_are_members(reader, vocabulary):
    markdown = (b"## Routing Protocols\n\n- **Examples:** OSPF, EIGRP\n\n## Amazon Route 53\n\n- **Examples:** failover routing\n\n"
                b"## Load Balancers\n\n- **Examples:** HAProxy balances TCP traffic.\n\n## Families\n\n"
                b"| Kind | Examples |\n|---|---|\n| Message broker | RabbitMQ, NATS |\n")
    found = {(r.subject.text, r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("OSPF", "is a", "routing protocols"), ("EIGRP", "is a", "routing protocols"),
            ("RabbitMQ", "is a", "message broker"), ("NATS", "is a", "message broker")} <= found, found
    assert not any(p == "is a" and o in {"amazon route 53", "load balancer"} for _, p, o in found), found


def test_the_first_cell_of_a_table_row_names_a_term_even_in_an_everyday_word(nlp, vocabulary):
    """| Format | Type | Typical use | with a row "wheel": a wheel is one of the things compared, a node."""
    markdown = ("## Formats\n\n| Format | Type | Typical use |\n|---|---|---|\n| wheel | built distribution | fast installs |\n\n"
                "A wheel is a zip archive.\n")
    extraction = extract_markdown(markdown, nlp, vocabulary)
    assert any(t.subject == "wheel" and t.object == "zip archive" for t in extraction.triples), extraction.triples


def test_a_sentence_in_a_table_cell_is_read_as_one_not_as_items_of_its_header(reader, vocabulary):
    """| Aspect | Canary | under a "Purpose" row: "Shifts a small share of traffic using weighted routing"
    says what a canary does, not that it is used for weighted routing."""
    markdown = (b"## Rollouts\n\n| Aspect | Canary |\n|---|---|\n"
                b"| Purpose | Shifts a small share of traffic using weighted routing. |\n| Use case | risky releases |\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text, r.kind)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("canary", "used for", "risky releases", "structural") in found, found
    assert not any(p == "used for" and o == "weighted routing" for _, p, o, _ in found), found


def test_a_catalogue_child_sharing_its_parents_head_word_is_a_kind_of_it(reader, vocabulary):
    """"VPC endpoints > Interface endpoints": an interface endpoint is a VPC endpoint, not a part of one."""
    markdown = b"## VPC endpoints\n\n### Interface endpoints\n\nThey use AWS PrivateLink.\n"
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.name or r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    assert any(p == "is a" and "VPC endpoint" in o for _, p, o in found), found
    assert not any(p == "part of" for _, p, _ in found), found


def test_an_activity_alone_in_a_table_cell_or_a_use_case_list_is_what_the_row_is_for(reader, vocabulary):
    """"caching" in a "Typical use" cell or first in "Use cases: caching, session storage": the
    tagger reads a verb, the layout says an activity."""
    markdown = (b"# Stores\n\n| Database | Typical use |\n|---|---|\n| Memcached | caching |\n\n"
                b"## Redis\n\nUse cases: caching, session storage, rate limiting\n")
    found = {(r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("Memcached", "used for", "caching"), ("Redis", "used for", "caching")} <= found, found


def test_a_table_cell_relates_its_row_to_the_items_it_names_not_to_what_it_denies_or_hangs_on_them(reader, vocabulary):
    """"fast installs, no build step" denies a build step; in "scientific stacks with C
    libraries" the libraries belong to the stacks, not to the row."""
    markdown = (b"# Formats\n\n| Format | Typical use |\n|---|---|\n| wheel | fast installs, no build step |\n"
                b"| conda package | scientific stacks with C libraries |\n| Redis | caching, session storage |\n")
    found = {(r.subject.text, r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    assert ("Redis", "used for", "session storage") in found, found
    assert not any(o in {"build step", "c libraries"} for _, _, o in found), found


def test_a_heading_right_under_a_services_heading_is_named_as_the_catalogue_names_its_feature(reader, vocabulary):
    """"SageMaker > Built-in Algorithms" is the catalogue's "SageMaker built-in algorithms" and
    "AWS Glue > Data Catalog" the Glue Data Catalog; two headings down ("SageMaker > Instance
    Types > Inference") a heading is the service's no longer."""
    markdown = (b"# Notes\n\n## SageMaker\n\n### Built-in Algorithms\n\n#### XGBoost Algorithm\n\nXGBoost boosts trees.\n\n"
                b"### Instance Types\n\n#### Inference\n\nInf2 instances serve models.\n\n"
                b"## AWS Glue\n\n### Data Catalog\n\nThe catalog stores table metadata.\n")
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.name or r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    assert ("SageMaker built-in algorithms", "part of", "Amazon SageMaker") in found, found
    assert ("Glue Data Catalog", "part of", "AWS Glue") in found, found
    assert any(s.startswith("XGBoost") and o == "SageMaker built-in algorithms" for s, _, o in found), found
    assert not any("SageMaker Model Deployment" in (s, o) for s, _, o in found), found


def test_a_table_of_threats_and_defences_says_what_mitigates_each(reader, vocabulary):
    """| Attack | Defence |: each row's attack is mitigated by the cell's defences
    (content/relations.yaml: table_headers); "Content Security Policy" is one name."""
    markdown = (b"# Web\n\n| Attack | Defence |\n|---|---|\n| XSS | Content Security Policy, output encoding |\n"
                b"| SQL injection | parameterized queries |\n")
    found = {(r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("XSS", "mitigated by", "Content Security Policy"), ("SQL injection", "mitigated by", "parameterized queries")} <= found, found
    assert not any(p.startswith("content") for _, p, _ in found), found


def test_an_activity_heading_is_a_services_only_with_aspect_headings_between(reader, vocabulary):
    """"Amazon Polly > Features > Voice cloning": Polly supports it; "Amazon EMR > Support
    collaboration > Text classification" states no activity of EMR."""
    markdown = (b"# Notes\n\n## Amazon Polly\n\n### Features\n\n#### Voice cloning\n\nPolly mimics a speaker.\n\n"
                b"## Amazon EMR\n\n### Support collaboration\n\n#### Text classification\n\nTeams label documents.\n")
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    assert ("Amazon Polly", "supports", "voice cloning") in found, found
    assert not any(s == "Amazon EMR" for s, _, _ in found), found


def test_a_table_of_processes_says_where_each_happens_and_what_it_gives(reader, vocabulary):
    """| Process | Where | Output |: a lone rare word in a cell ("pyruvate", tagged a verb) names a thing."""
    markdown = (b"## Respiration\n\n| Process | Where | Output |\n|---|---|---|\n"
                b"| Glycolysis | cytoplasm | pyruvate |\n| Krebs cycle | mitochondrial matrix | NADH |\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("glycolysis", "located in", "cytoplasm"), ("glycolysis", "produces", "pyruvate"),
            ("krebs cycle", "produces", "NADH")} <= found, found


def test_a_uses_label_names_what_the_topic_is_for_or_what_it_uses(algorithms):
    """"Uses:" before an activity lists use cases; before a thing, what the topic uses."""
    assert ("Isolation Forest Algorithm", "used for", "anomaly detection") in algorithms
    assert ("Isolation Forest Algorithm", "uses", "Python") in algorithms


def test_a_heading_or_label_naming_several_things_says_its_lines_of_each(routing):
    assert {("Nginx", "used for", "web traffic distribution"), ("HAProxy", "used for", "web traffic distribution"),
            ("TCP", "used for", "video streaming"), ("UDP", "used for", "video streaming")} <= routing
    assert not any("/" in s or "/" in o for s, _, o in routing)
