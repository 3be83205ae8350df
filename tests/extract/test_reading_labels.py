"""Reading one note's labels: what a bold or plain "Label:" before a line says of the line, of
the topic above it, and of the items it lists."""
from extract.read import note_from_bytes
from extract.reading import read_note

from .helpers import note_of


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


def test_a_label_under_a_class_of_a_services_things_is_a_member_and_does_what_its_line_says(reader, vocabulary):
    """Under "SageMaker built-in algorithms", "Object Detection:" names one of them, not an activity of the class."""
    markdown = b"## SageMaker Built-in Algorithms (part I)\n\n- **Object Detection:** Provides confidence scores.\n"
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert ("object detection", "provides", "confidence scores") in found, found
    assert not any(s.startswith("sagemaker") and p == "provides" for s, p, _ in found), found


def test_a_label_under_a_considerations_heading_is_no_capability_of_the_service(reader, vocabulary):
    """"Amazon EKS > Considerations > **Cluster autoscaling:**" warns about autoscaling; under
    "Features" the same label names what EKS supports."""
    def structural(markdown):
        return {(r.subject.text, r.predicate, r.object.text.lower())
                for r in read_note(note_of(markdown), vocabulary, reader=reader).relations if r.kind == "structural"}
    label = b"- **Cluster autoscaling:** scales worker nodes with demand.\n"
    assert ("Amazon EKS", "supports", "cluster autoscaling") in structural(b"## Amazon EKS\n\n### Features\n\n" + label)
    assert not any(s == "Amazon EKS" for s, _, _ in structural(b"## Amazon EKS\n\n### Considerations\n\n" + label))


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


def test_every_sentence_of_a_labelled_text_shows_its_label_as_evidence(reader, vocabulary):
    """"C-series: Optimized for compute. Ideal for big simulations.": the second sentence's
    relation is the label's, and its evidence shows the label it leans on."""
    markdown = b"# Instances\n\n- **C-series:** Optimized for intensive compute tasks. Ideal for big physics simulations.\n"
    found = [r for r in read_note(note_of(markdown), vocabulary, reader=reader).relations
             if r.object.text.lower().endswith("simulations")]
    assert found and all(r.sentence == "C-series: … Ideal for big physics simulations." for r in found), found


def test_a_label_under_a_definitions_heading_names_a_term_even_in_an_everyday_word(reader, vocabulary):
    """"Definitions > **Index:** usually a B-tree; speeds up reads": the index is a B-tree and
    speeds up reads; elsewhere an everyday word as a label names no actor ("**Raw data:**")."""
    markdown = (b"## Definitions\n\n**Index:** usually a B-tree; speeds up reads but slows writes.\n\n"
                b"## Storage\n\n**Raw data:** lands in the bucket before any cleaning.\n")
    found = {(r.subject.text.lower(), r.predicate, r.object.text.lower())
             for r in read_note(note_of(markdown), vocabulary, reader=reader).relations}
    assert {("index", "is a", "b-tree"), ("index", "speeds up", "reads")} <= found, found
    assert not any(s == "raw data" for s, _, _ in found), found


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
