"""Reading one note's layout: labels, headings, cards and tables say what their lines are about."""
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


def test_a_uses_label_names_what_the_topic_is_for_or_what_it_uses(algorithms):
    """"Uses:" before an activity lists use cases; before a thing, what the topic uses."""
    assert ("Isolation Forest Algorithm", "used for", "anomaly detection") in algorithms
    assert ("Isolation Forest Algorithm", "uses", "Python") in algorithms


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


def test_a_label_naming_an_attribute_relates_the_topic_to_each_item(reader, vocabulary):
    """"Use cases: A, B" under a topic (content/relations.yaml: table_headers) says what it is for."""
    text = b"## Istio\n\n- **Use cases:** traffic management, mutual TLS\n- **Type:** service mesh\n"
    found = read_note(note_of(text), vocabulary, reader=reader)
    stated = {(r.subject.text, r.predicate, r.object.text) for r in found.relations}
    assert {("istio", "used for", "traffic management"), ("istio", "used for", "mutual TLS"),
            ("istio", "is a", "service mesh")} <= {(s.lower(), p, o) for s, p, o in stated}


def test_an_attribute_label_relates_the_topic_to_its_items_not_to_what_hangs_on_them(reader, vocabulary):
    """"Use cases: Fraud detection in banking, churn prediction for telecom": the topic is for
    the two predictions, not for telecom; "Suitable for X" still names what it is for."""
    text = (b"## Isolation Forest\n\nUse cases: Fraud detection in banking, churn prediction for telecom\n\n"
            b"## Columnar stores\n\nUse case: Suitable for ad-hoc analytics and dashboards that require complex joins.\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(text), vocabulary, reader=reader).relations}
    assert {("isolation forest", "used for", "fraud detection"), ("isolation forest", "used for", "churn prediction"),
            ("columnar stores", "used for", "ad-hoc analytics")} <= found, found
    assert not any(o in {"telecom", "banking", "complex joins"} for _, _, o in found), found


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


def test_a_heading_or_label_naming_several_things_says_its_lines_of_each(routing):
    assert {("Nginx", "used for", "web traffic distribution"), ("HAProxy", "used for", "web traffic distribution"),
            ("TCP", "used for", "video streaming"), ("UDP", "used for", "video streaming")} <= routing
    assert not any("/" in s or "/" in o for s, _, o in routing)


def test_a_line_opening_with_one_names_abbreviation_is_about_that_one(routing):
    assert ("HAProxy", "is a", "load balancer") in routing
    assert not any(s == "Nginx" and o == "load balancer" for s, _, o in routing)


def test_a_card_naming_a_class_of_ways_makes_its_labels_members(reader, vocabulary):
    """Under "Load balancing strategies" every labelled way is one; under a class of things,
    only a name or a thing of its kind is ("Types of caches > Eviction" is none)."""
    deck = (b"Networking deck\n3 Terms\n\n1\nNew cards\n\nLoad balancing strategies\n\n"
            b"Round robin: Sends each request to the next server.\n\nIP hash: Pins each client to one server.\n\n"
            b"2\nNew cards\n\nTypes of caches\n\nEviction: Removes entries when the cache is full.\n\nRedis: Keeps data in memory.\n\n"
            b"3\nNew cards\n\nReverse proxy\n\nForwards client requests to backend servers.\n")
    note = note_from_bytes("deck.txt", deck, suffix=".txt")[0]
    assert note.format == "flashcards"
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower()) for r in read_note(note, vocabulary, reader=reader).relations
             if r.kind == "structural"}
    assert {("round robin", "is a", "load balancing strategies"), ("ip hash", "is a", "load balancing strategies"),
            ("redis", "is a", "caches")} <= found, found
    assert not any(s == "eviction" for s, _, _ in found), found


def test_a_label_in_the_third_person_says_what_the_topic_does_and_a_noun_label_does_not(reader, vocabulary):
    """"Provides: X" under a topic: the topic provides X; "Process: ..." is a step list, no verb."""
    markdown = (b"## Amazon EFS\n\n- **Provides:** shared file systems, lifecycle policies\n\n## Cross-validation\n\n"
                b"- **Process:** Split the dataset into k folds and train on each.\n")
    note = note_of(markdown)
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text) for r in read_note(note, vocabulary, reader=reader).relations}
    assert ("Amazon EFS", "provides", "shared file systems") in found
    assert not any(p == "processes" for _, p, _ in found), found


def test_a_verb_label_with_its_preposition_or_after_a_plural_says_so(reader, vocabulary):
    """"Comes with: X" under a topic: it comes with X; "Features include: X": it includes X; a
    topic whose last word the tagger read as a verb ("Grafana dashboards") is still the topic."""
    markdown = (b"## Raspberry Pi kits\n\n- **Comes with:** power supplies, heat sinks\n\n"
                b"## Grafana\n\nFeatures include: alert rules, dashboard templates\n")
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("Raspberry Pi kits", "comes with", "power supplies"), ("Grafana", "includes", "alert rules")} <= found, found
    assert not any(p in {"comes", "features"} for _, p, _ in found), found


def test_an_adjective_listed_under_a_verb_label_is_a_quality_no_thing(reader, vocabulary):
    """"Provides: Parallel builds, Cost-effective, Automated": qualities are no things provided."""
    markdown = b"## Jenkins\n\n- **Provides:** Parallel builds, Cost-effective, Automated, Fully-customizable\n"
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("jenkins", "provides", "parallel builds") in found, found
    assert not any(o in {"automated", "cost-effective", "fully-customizable"} for _, _, o in found), found


def test_a_label_naming_a_lettered_kind_is_what_its_line_is_about(reader, vocabulary):
    """"T-series: Handles ..." under a heading: the T-series handles it, not the heading's topic."""
    markdown = (b"## Router families\n\n- **T-series:** Handles core backbone traffic.\n"
                b"- **M-series:** Provides edge aggregation.\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("t-series", "handles", "core backbone traffic") in found, found
    assert ("m-series", "provides", "edge aggregation") in found, found
    assert not any(s.lower() == "router families" for s, _, _ in found), found


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


def test_a_label_under_a_class_of_a_services_things_is_a_member_and_does_what_its_line_says(reader, vocabulary):
    """Under "SageMaker built-in algorithms", "Object Detection:" names one of them, not an activity of the class."""
    markdown = b"## SageMaker Built-in Algorithms (part I)\n\n- **Object Detection:** Provides confidence scores.\n"
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("object detection", "provides", "confidence scores") in found, found
    assert not any(s.startswith("sagemaker") and p == "provides" for s, p, _ in found), found


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


def test_a_label_under_a_considerations_heading_is_no_capability_of_the_service(reader, vocabulary):
    """"Amazon EKS > Considerations > **Cluster autoscaling:**" warns about autoscaling; under
    "Features" the same label names what EKS supports."""
    def structural(markdown):
        return {(r.subject.text, r.predicate, r.object.text.lower())
                for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    label = b"- **Cluster autoscaling:** scales worker nodes with demand.\n"
    assert ("Amazon EKS", "supports", "cluster autoscaling") in structural(b"## Amazon EKS\n\n### Features\n\n" + label)
    assert not any(s == "Amazon EKS" for s, _, _ in structural(b"## Amazon EKS\n\n### Considerations\n\n" + label))


def test_a_catalogue_child_sharing_its_parents_head_word_is_a_kind_of_it(reader, vocabulary):
    """"VPC endpoints > Interface endpoints": an interface endpoint is a VPC endpoint, not a part of one."""
    markdown = b"## VPC endpoints\n\n### Interface endpoints\n\nThey use AWS PrivateLink.\n"
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.name or r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    assert any(p == "is a" and "VPC endpoint" in o for _, p, o in found), found
    assert not any(p == "part of" for _, p, _ in found), found


def test_a_cards_opening_lines_define_its_term_and_lines_after_a_label_do_not(reader, vocabulary):
    """After "Pricing:" a card lists values of an aspect, not kinds its term is."""
    deck = ("Deck\n\n0.0(0)\nstudied byStudied by 0 people\nflashcardsFlashcards\n\n3 Terms\n\n"
            "1\nNew cards\n\nAmazon DynamoDB\n\nServerless key-value database.\n\n"
            "Pricing: On-demand capacity, Provisioned capacity\n\nGlobal tables\n\n"
            "2\nNew cards\n\nAmazon Redshift\n\nColumnar data warehouse.\n\n"
            "3\nNew cards\n\nAmazon Athena\n\nServerless query service.\n").encode()
    note = note_from_bytes("deck.txt", deck, suffix=".txt")[0]
    assert note.format == "flashcards"
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text.lower())
             for r in read_note(note, vocabulary, reader=reader).relations}
    assert ("Amazon DynamoDB", "is a", "serverless key-value database") in found or \
        ("Amazon DynamoDB", "is a", "key-value database") in found, found
    assert not any(s == "Amazon DynamoDB" and o in {"provisioned capacity", "global tables", "on-demand capacity"}
                   for s, _, o in found), found


def test_a_label_naming_an_activity_over_a_named_subject_says_the_subject_is_used_for_it(reader, vocabulary):
    """"**Log Aggregation:** Grafana Loki collects logs": Loki is used for log aggregation; each of
    coordinated subjects is; a label naming no activity, or no name as subject, says nothing of it."""
    markdown = ("# Platform\n\n"
                "- **Log Aggregation:** Grafana Loki collects logs from every node.\n"
                "- **Automated Retraining:** SageMaker Pipelines and Step Functions can automate the retraining process.\n"
                "- **Durable Storage:** Amazon S3 keeps copies of each object.\n"
                "- **Request Tracing:** You can trace requests with Jaeger.\n").encode()
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    assert ("Grafana Loki", "used for", "log aggregation") in found, found
    assert {("SageMaker Pipelines", "used for", "automated retraining"),
            ("AWS Step Functions", "used for", "automated retraining")} <= found, found
    assert not any(o in {"durable storage", "request tracing"} for _, _, o in found), found


def test_a_label_naming_a_practice_of_the_glossary_over_tools_or_listed_names_says_they_are_used_for_it(reader, vocabulary):
    """"**Infrastructure as Code:** Using CloudFormation or Terraform, you can ...": each tool is
    used for it, as are the names a subject lists ("Tools like Grafana Loki ..."); a class of
    things or a property ("**Language Models:**", "...: Simple RNNs have short-term memory") is none."""
    markdown = ("# Platform\n\n"
                "- **Infrastructure as Code:** Using AWS CloudFormation or Terraform, you can define infrastructure.\n"
                "- **Log Aggregation:** Tools like Grafana Loki collect logs from every node.\n"
                "- **Language Models:** GPT models are built on transformers.\n"
                "- **Vanishing gradient:** Simple RNNs have short-term memory.\n").encode()
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    assert {("AWS CloudFormation", "used for", "infrastructure as code"),
            ("Terraform", "used for", "infrastructure as code"), ("Grafana Loki", "used for", "log aggregation")} <= found, found
    assert not any(o in {"language models", "vanishing gradient"} for _, _, o in found), found


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


def test_every_sentence_of_a_labelled_text_shows_its_label_as_evidence(reader, vocabulary):
    """"C-series: Optimized for compute. Ideal for big simulations.": the second sentence's
    relation is the label's, and its evidence shows the label it leans on."""
    markdown = b"# Instances\n\n- **C-series:** Optimized for intensive compute tasks. Ideal for big physics simulations.\n"
    found = [r for r in read_note(note_of(markdown), vocabulary, reader=reader).relations
             if r.object.text.lower().endswith("simulations")]
    assert found and all(r.sentence == "C-series: … Ideal for big physics simulations." for r in found), found


def test_an_activity_heading_is_a_services_only_with_aspect_headings_between(reader, vocabulary):
    """"Amazon Polly > Features > Voice cloning": Polly supports it; "Amazon EMR > Support
    collaboration > Text classification" states no activity of EMR."""
    markdown = (b"# Notes\n\n## Amazon Polly\n\n### Features\n\n#### Voice cloning\n\nPolly mimics a speaker.\n\n"
                b"## Amazon EMR\n\n### Support collaboration\n\n#### Text classification\n\nTeams label documents.\n")
    found = {(r.subject.name or r.subject.text, r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    assert ("Amazon Polly", "supports", "voice cloning") in found, found
    assert not any(s == "Amazon EMR" for s, _, _ in found), found


def test_a_label_under_a_definitions_heading_names_a_term_even_in_an_everyday_word(reader, vocabulary):
    """"Definitions > **Index:** usually a B-tree; speeds up reads": the index is a B-tree and
    speeds up reads; elsewhere an everyday word as a label names no actor ("**Raw data:**")."""
    markdown = (b"## Definitions\n\n**Index:** usually a B-tree; speeds up reads but slows writes.\n\n"
                b"## Storage\n\n**Raw data:** lands in the bucket before any cleaning.\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("index", "is a", "b-tree"), ("index", "speeds up", "reads")} <= found, found
    assert not any(s == "raw data" for s, _, _ in found), found


def test_a_table_of_processes_says_where_each_happens_and_what_it_gives(reader, vocabulary):
    """| Process | Where | Output |: a lone rare word in a cell ("pyruvate", tagged a verb) names a thing."""
    markdown = (b"## Respiration\n\n| Process | Where | Output |\n|---|---|---|\n"
                b"| Glycolysis | cytoplasm | pyruvate |\n| Krebs cycle | mitochondrial matrix | NADH |\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text)
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("glycolysis", "located in", "cytoplasm"), ("glycolysis", "produces", "pyruvate"),
            ("krebs cycle", "produces", "NADH")} <= found, found


def test_a_label_opening_with_a_third_person_says_what_the_topic_does(reader, vocabulary):
    """"**Has a memory mechanism:** ..." under a term: the term has one; "**Steps/Iterations:**"
    names two terms, whatever "steps" may be as a verb."""
    markdown = (b"## Redis\n\n- **Uses an event loop:** One thread serves every client.\n"
                b"- **Has a single-threaded core:** Commands never interleave.\n"
                b"- **Steps/Iterations:** Rounds of the loop.\n")
    found = read_note(note_of(markdown), vocabulary, reader=reader)
    relations = {(r.subject.name or r.subject.text, r.predicate, r.object.name or r.object.text) for r in found.relations}
    assert {("Redis", "uses", "event loop"), ("Redis", "has", "single-threaded core")} <= relations, relations
    assert not any(p == "steps" for _, p, _ in relations), relations
