"""Fragments: text under a label or card term that is not a clause ("Stores datasets.",
"For building chatbots.", "Graph database."), and arrows ("A -> B -> C", "A = B")."""
import pytest

from extract.findings import TERM, Mention
from extract.model import Source
from extract.relations import Reading, arrow_relations, definition_relations, sentence_relations

from ..helpers import hand_parsed
from .conftest import quads


def case(topic, fragment, expected, gap=""):
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    return pytest.param(topic, fragment, expected, marks=marks, id=f"{topic}: {fragment}" + (" (gap)" if gap else ""))


LABELLED = [
    # a first word that is the topic's verb
    case("Amazon Kinesis", "Stores datasets.", {("Amazon Kinesis", "stores", "dataset", False)}),
    case("Amazon Kinesis", "Stores and moves datasets.",
         {("Amazon Kinesis", "stores", "dataset", False), ("Amazon Kinesis", "moves", "dataset", False)}),
    case("etcd", "Uses the Raft consensus algorithm.", {("etcd", "uses", "Raft consensus algorithm", False)}),
    # a purpose
    case("Amazon Lex", "For building chatbots.", {("Amazon Lex", "used for", "building chatbots", False)}),
    # a participle opening the fragment is passive: the topic is what is used
    case("Amazon Kinesis", "Used for real-time analytics.", {("Amazon Kinesis", "used for", "real-time analytics", False)}),
    case("Amazon Kinesis", "Not used for long-term storage.", {("Amazon Kinesis", "used for", "long-term storage", True)}),
    # a noun phrase naming an activity says what the topic is for
    case("Amazon Rekognition", "Image classification.",
         {("Amazon Rekognition", "used for", "image classification", False)}),
    case("Amazon Comprehend", "Sentiment analysis.", {("Amazon Comprehend", "used for", "sentiment analysis", False)}),
    # any other noun phrase says what the topic is
    case("Amazon Neptune", "Graph database.", {("Amazon Neptune", "is a", "graph database", False)}),
    case("etcd", "A distributed key-value store.", {("etcd", "is a", "key-value store", False)}),
    # ... but a combination of things combines them
    case("Service mesh", "Hybrid of a data plane and a control plane.",
         {("service mesh", "combines", "data plane", False), ("service mesh", "combines", "control plane", False)}),
    # a fragment verb with a coordinated finite verb after it: both say what the topic does
    case("SageMaker Autopilot", "Automates algorithm selection, and incorporates the infrastructure.",
         {("SageMaker Autopilot", "automates", "algorithm selection", False)}),
    case("Kubelet", "Watches pod specs and restarts failed containers.",
         {("Kubelet", "watches", "pod specs", False), ("Kubelet", "restarts", "failed containers", False)}),
    # the verb misread as the subject or modifier of a compound: the whole compound is the object
    case("SageMaker Autopilot", "Automates model tuning.", {("SageMaker Autopilot", "automates", "model tuning", False)}),
    case("The kubelet", "Scrapes metrics endpoints.", {("kubelet", "scrapes", "metrics endpoints", False)}),
    # a hyphenated object stays whole
    case("SageMaker inference pipeline", "Combines pre-processing and post-processing.",
         {("SageMaker inference pipeline", "combines", "pre-processing", False),
          ("SageMaker inference pipeline", "combines", "post-processing", False)}),
    # plural things under a service are what it provides, not what it is
    case("Amazon CloudWatch", "Dashboards and metric alarms.",
         {("Amazon CloudWatch", "provides", "dashboards", False), ("Amazon CloudWatch", "provides", "metric alarms", False)}),
    # a fragment verb the tagger read as a preposition
    case("Amazon OpenSearch Service", "Facilitates interactive log analytics.",
         {("Amazon OpenSearch Service", "enables", "interactive log analytics", False)}),
    # a fragment opening with a participle, and a negated one
    case("Amazon Q Business", "Built with Amazon Bedrock.", {("Amazon Q Business", "built with", "Amazon Bedrock", False)}),
    case("Spot nodes", "Not used for stateful workloads.", {("spot nodes", "used for", "stateful workloads", True)}),
    case("Tape archives", "Not suitable for frequent access.", {("tape archives", "used for", "frequent access", True)}),
    # known gaps
    case("Amazon Kinesis", "Captures streaming records.", {("Amazon Kinesis", "captures", "streaming records", False)}),
]


@pytest.mark.parametrize("topic, fragment, expected", LABELLED)
def test_fragment_under_a_label(read, topic, fragment, expected):
    found = read(sentence_relations, fragment, topic, defines_topic=True)
    assert expected <= quads(found)
    assert all(r.kind == "stated" for r in found)


def test_a_verb_fragment_is_not_a_definition(read):
    found = quads(read(sentence_relations, "Stores datasets.", "Amazon Kinesis", defines_topic=True))
    assert ("Amazon Kinesis", "stores", "dataset", False) in found
    assert not any(predicate == "is a" for _, predicate, _, _ in found)


@pytest.mark.parametrize("topic, fragment", [
    ("Recommendation engines", "Personalizing content or product suggestions based on user behaviour."),
    ("Log shipping", "Forwarding container logs or audit events to a central store."),
])
def test_a_fragment_opening_with_a_gerund_says_what_the_topic_does_not_what_it_is(read, topic, fragment):
    """The parser hangs the -ing word on the first noun, leaving "product suggestions" as the
    fragment's head; the topic is no kind of product suggestion."""
    found = quads(read(sentence_relations, fragment, topic, defines_topic=True))
    assert not any(predicate == "is a" for _, predicate, _, _ in found), found


def test_a_noun_phrase_defines_only_where_asked(read):
    """Under a label (or a card term) a lone noun phrase defines the topic; in running text it does not."""
    assert read(sentence_relations, "Graph database.", "Amazon Neptune") == []
    assert quads(read(definition_relations, "Graph database.", "Amazon Neptune")) == {
        ("Amazon Neptune", "is a", "graph database", False)}


@pytest.mark.parametrize("fragment, topic", [("Graph database.", ""), ("Fraud rings. Graph database.", "Amazon Neptune")])
def test_a_definition_needs_a_topic_and_the_first_sentence(read, fragment, topic):
    found = read(definition_relations, fragment, topic)
    assert all(r.object.text.lower() != "graph database" for r in found)


ARROWS = [
    pytest.param("DNS -> resolver -> authoritative server",
                 {("DNS", "leads to", "resolver", False), ("resolver", "leads to", "authoritative server", False)},
                 id="chain of three"),
    pytest.param("Kubelet => container runtime", {("Kubelet", "leads to", "container runtime", False)}, id="=>"),
    pytest.param("Water = H2O", {("water", "is", "H2O", False)}, id="equals"),
    pytest.param("Brine = salt water", {("brine", "is", "salt water", False)}, id="equals a phrase"),
    pytest.param("Request → proxy → backend", {("request", "leads to", "proxy", False)}, id="unicode arrow"),
    # a piece names its own words only, never grown over its arrow
    pytest.param("Deployment -> ReplicaSet -> Pod", {("ReplicaSet", "leads to", "Pod", False)}, id="last piece"),
    pytest.param("Client -> load balancer -> web server", {("Client", "leads to", "load balancer", False)}, id="middle"),
    pytest.param("Glucose = sugar", {("glucose", "is", "sugar", False)}, id="equals one word"),
    pytest.param("Stack -> heap (dynamic memory) -> swap", {("stack", "leads to", "heap", False)}, id="parenthesis"),
    # after "=", a definition names what its head noun names
    pytest.param("etcd = key-value store for the cluster state (replicated with Raft)", {("etcd", "is", "key-value store", False)},
                 id="equals a definition"),
    # ... and a relational noun how the two relate
    pytest.param("HEAD = pointer to the current commit (normally through a branch)", {("HEAD", "points to", "commit", False)},
                 id="equals a relational noun"),
]


@pytest.mark.parametrize("text", [
    "branch = movable pointer to a commit, moves forward on every new commit -> history",
    "`git add` = working tree -> staging area",
    "detached HEAD = HEAD points at a commit directly",
])
def test_a_piece_saying_more_than_a_name_names_nothing(read, text):
    """Only short noun phrases are ends of an arrow: never a clause, a list or a command."""
    for relation in read(arrow_relations, text):
        assert len(relation.subject.text.split()) <= 3 and len(relation.object.text.split()) <= 3, relation
        assert "=" not in relation.subject.text + relation.object.text


@pytest.mark.parametrize("text, expected", ARROWS)
def test_arrows(read, text, expected):
    found = read(arrow_relations, text)
    assert expected <= quads(found)
    assert all(r.shape == "arrow" and not {"->", "=", "→"} & set(r.object.text.split()) for r in found)


def test_a_relational_noun_after_equals_or_a_copula_says_how_its_subject_relates(read):
    """"HEAD = pointer to the current branch tip": HEAD points to it, and is no "pointer"
    (content/relations.yaml: relational_nouns); so too "A symlink is a pointer to another inode"."""
    equated = quads(read(arrow_relations, "HEAD = pointer to the current branch tip"))
    assert ("HEAD", "points to", "branch tip", False) in equated, equated
    assert not any(p == "is" for _, p, _, _ in equated), equated
    stated = quads(read(sentence_relations, "A symlink is a pointer to another inode."))
    assert ("symlink", "points to", "inode", False) in stated, stated
    assert not any(p == "is a" for _, p, _, _ in stated), stated


def test_a_sentence_without_arrows_states_nothing_by_arrows(read):
    assert read(arrow_relations, "A resolver asks the authoritative server.") == []


def test_a_noun_phrase_with_an_article_says_what_the_topic_is_though_the_parser_hung_a_list_on_it(reader):
    """"A service mesh offering retries, timeouts, and tracing", with "timeouts" and "tracing"
    parsed as conjuncts of "mesh": Istio is a service mesh, not a set of mesh, timeouts and tracing."""
    words = ["A", "service", "mesh", "offering", "retries", ",", "timeouts", ",", "and", "tracing", "."]
    heads = [2, 2, 2, 2, 3, 2, 2, 6, 6, 6, 2]
    deps = ["det", "compound", "ROOT", "acl", "dobj", "punct", "conj", "punct", "cc", "conj", "punct"]
    tags = ["DT", "NN", "NN", "VBG", "NNS", ",", "NNS", ",", "CC", "NN", "."]
    pos = ["DET", "NOUN", "NOUN", "VERB", "NOUN", "PUNCT", "NOUN", "PUNCT", "CCONJ", "NOUN", "PUNCT"]
    lemmas = ["a", "service", "mesh", "offer", "retry", ",", "timeout", ",", "and", "tracing", "."]
    doc = hand_parsed(reader.nlp.vocab, words, heads, deps, tags, pos, lemmas)
    reading = Reading(reader.rules.relations, Source("t.md", "H", 1), doc.text, Mention("Istio", TERM))
    found = quads(definition_relations(doc[:], reading))
    assert found == {("Istio", "is a", "service mesh", False)}, found


@pytest.mark.parametrize("aside", ["(Hadoop, Apache Spark, Presto)", "(Data import from spreadsheets)"])
def test_a_passage_in_parentheses_is_an_aside_no_definition(read, aside):
    assert read(definition_relations, aside, "Columnar formats") == []


def test_one_thing_is_no_set_of_things(read):
    """"Vertical axis: Actual labels": a singular topic defined by a bare plural is described, not classed."""
    assert not any(r.predicate == "is a" for r in read(definition_relations, "Actual labels.", "Vertical axis"))
    assert {(r.subject.text, r.predicate) for r in read(definition_relations, "Storage repositories.", "Data lakes")} \
        == {("Data lakes", "is a")}


@pytest.mark.parametrize("topic, text", [
    ("Accuracy Metric", "Root Mean Square Error (RMSE) measures prediction error."),
    ("Key metric", "Mean Time To Recovery (MTTR) tracks how fast service is restored."),
    ("Exterior gateway protocol", "Border Gateway Protocol (BGP) exchanges routes between autonomous systems."),
])
def test_a_clause_the_parser_read_as_a_noun_phrase_defines_nothing(read, topic, text):
    """A verb right after a name's parentheses makes a clause: its name is no kind of the label."""
    found = quads(read(definition_relations, text, topic))
    assert not any(predicate == "is a" for _, predicate, _, _ in found), found
