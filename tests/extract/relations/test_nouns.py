"""Noun phrases that state relations without a verb: appositions, listed examples,
"X for Y" purposes, and parentheses about the thing before them."""
import pytest

from extract.model import Source
from extract.relations import (Reading, apposition_relations, aside_relations, example_relations, naming_relations,
                               parenthetical_relations, purpose_relations, suitability_relations)

from ..helpers import hand_parsed
from .conftest import quads, read_parsed


def case(extractor, sentence, topic, expected, gap=""):
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    return pytest.param(extractor, sentence, topic, expected, marks=marks,
                        id=f"{extractor.__name__}: {sentence}" + (" (gap)" if gap else ""))


CASES = [
    # a kind in parentheses closing a fragment about a topic
    case(parenthetical_relations, "Generating artificial samples of minority classes (an advanced form of oversampling).",
         "SMOTE", {("SMOTE", "is a", "oversampling", False)}),
    case(parenthetical_relations, "Agent on every node (a kind of node daemon).", "The kubelet",
         {("kubelet", "is a", "node daemon", False)}),
    case(parenthetical_relations, "Perfect for quick dashboards (part of Grafana Cloud).", "Grafana Explore",
         {("Grafana Explore", "part of", "Grafana Cloud", False)}),
    # a participle naming a thing (content/relations.yaml: naming_verbs)
    case(naming_relations, "A consensus algorithm called Raft replicates the log.", "",
         {("Raft", "is a", "consensus algorithm", False)}),
    case(naming_relations, "SageMaker features an embedding technique called Object2Vec.", "",
         {("Object2Vec", "is a", "embedding technique", False)}),
    # "X, a Y, ..." says X is a Y
    case(apposition_relations, "Amazon Kinesis, a streaming service, ingests clickstream data.", "",
         {("Amazon Kinesis", "is a", "streaming service", False)}),
    case(apposition_relations, "Nginx, a web server, serves static files.", "", {("Nginx", "is a", "web server", False)}),
    # "Y such as A and B", "Y like A": each example is a Y
    case(example_relations, "Amazon RDS supports engines like PostgreSQL.", "", {("PostgreSQL", "is a", "engines", False)}),
    case(example_relations, "Cells contain organelles such as mitochondria and ribosomes.", "",
         {("mitochondria", "is a", "organelles", False)}),
    case(example_relations, "Cells contain organelles such as mitochondria and ribosomes.", "",
         {("ribosomes", "is a", "organelles", False)},
         gap="tagger: 'ribosomes' read as a verb, so the second example names nothing"),
    # a name the parser hung on the example before it, across a comma, is one more example
    case(example_relations, "Congestion control algorithms such as slow start, CUBIC and BBR grow the window.", "",
         {("CUBIC", "is a", "congestion control algorithms", False), ("BBR", "is a", "congestion control algorithms", False)}),
    # "X for Y": a name with a purpose, a copula complement with one, a fragment under a topic
    case(purpose_relations, "Amazon Redshift for analytical queries.", "",
         {("Amazon Redshift", "used for", "analytical queries", False)}),
    case(purpose_relations, "Amazon Redshift is a data warehouse for analytical queries.", "",
         {("data warehouse", "used for", "analytical queries", False)}),
    case(purpose_relations, "For building chatbots.", "Amazon Lex", {("Amazon Lex", "used for", "building chatbots", False)}),
    case(purpose_relations, "Amazon DynamoDB for key-value workloads.", "",
         {("Amazon DynamoDB", "used for", "key-value workloads", False)}),
    # an activity the parser hung on a vague object is what the clause's subject is for
    case(purpose_relations, "Keeps the queue within a safe depth for smoother rebalancing.", "Backpressure",
         {("backpressure", "used for", "smoother rebalancing", False)}),
    # an adjective of purpose says what its owner is for; a generic purpose passes to its examples
    case(suitability_relations, "Amazon S3 is ideal for backups.", "", {("Amazon S3", "used for", "backups", False)}),
    case(suitability_relations, "Fermentation, useful for tasks like bread making and brewing.", "",
         {("fermentation", "used for", "bread making", False)}),
    case(suitability_relations, "Useful for tasks like image compression.", "Singular value decomposition",
         {("Singular value decomposition", "used for", "image compression", False)}),
    # a parenthesis that says something about the thing before it, or about the topic when alone
    case(parenthetical_relations, "Amazon Aurora (built on MySQL) replicates storage.", "",
         {("Amazon Aurora", "built on", "MySQL", False)}),
    case(parenthetical_relations, "(based on shards)", "Amazon Kinesis", {("Amazon Kinesis", "based on", "shards", False)}),
    case(parenthetical_relations, "Gossip protocols (not using a central coordinator) spread state.", "",
         {("Gossip protocols", "uses", "central coordinator", True)}),
]


@pytest.mark.parametrize("extractor, sentence, topic, expected", CASES)
def test_noun_phrase_states(read, extractor, sentence, topic, expected):
    assert expected <= quads(read(extractor, sentence, topic))


@pytest.mark.parametrize("extractor, sentence", [
    # "X, the Y" may rename X: only "a/an Y" says what X is
    (apposition_relations, "Nginx, the web server, serves static files."),
    # an abbreviation in parentheses is a name, not a statement
    (parenthetical_relations, "Domain Name System (DNS) resolves hostnames."),
    # a noun phrase inside parentheses states nothing: only a verb there does
    (parenthetical_relations, "A kernel (the core of an operating system) manages memory."),
    # "for" hung on a verb is the verb's, not a purpose of a noun
    (purpose_relations, "Amazon Inspector scans EC2 instances for vulnerabilities."),
    # one definite thing has parts, not instances
    (example_relations, "The dashboard shows the resource usage of the cluster, including CPU and memory."),
    # an abbreviation of the noun before it ("large language models (LLMs)") is no example of it
    (example_relations, "Routers speak interior gateway protocols (IGPs) inside one network."),
    # ... nor is a numbered reference ("project metadata (PEP 621)", "(RFC 7231)")
    (example_relations, "The file declares the build backend and project metadata (PEP 621)."),
    (example_relations, "Servers return status codes (RFC 9110) with every response."),
    # a thing of no name "for" another thing serves no purpose of it: the date is the versions'
    (purpose_relations, "The registry sets an expiry date for outdated images."),
    # a fragment "For ..." with no topic to be for
    (purpose_relations, "Caching removes the need for repeated lookups."),
    (purpose_relations, "For building chatbots."),
], ids=lambda value: value if isinstance(value, str) else value.__name__)
def test_noun_phrase_states_nothing(read, extractor, sentence):
    assert read(extractor, sentence) == []


def test_one_per_thing_is_no_purpose(read):
    """"generating scores (logits) for each token": the layer is for no token."""
    found = read(purpose_relations, "A fully connected layer that maps vectors back to the input domain, "
                                    "generating scores (logits) for each token.", "Linear Block")
    assert not any(r.object.text == "token" for r in found), found


def test_examples_and_their_kind_come_from_one_phrase(read):
    found = read(example_relations, "Amazon RDS supports engines like PostgreSQL.")
    assert [(r.shape, r.predicate) for r in found] == [("examples", "is a")]
    assert found[0].subject.text == "PostgreSQL" and found[0].object.text == "engines"


def test_nouns_coordinated_with_the_kind_after_its_examples_are_more_examples(reader):
    """"sauces such as velouté, tomato sauces and hollandaise", parsed with the last two
    coordinated with "sauces" (as the parser does with some lists): they are sauces too, and
    no kind of velouté."""
    words = ["Chefs", "make", "sauces", "such", "as", "velouté", ",", "tomato", "sauces", ",", "and", "hollandaise", "."]
    heads = [1, 1, 1, 4, 2, 4, 2, 8, 2, 8, 8, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "amod", "prep", "pobj", "punct", "compound", "conj", "punct", "cc", "conj", "punct"]
    tags = ["NNS", "VBP", "NNS", "JJ", "IN", "NN", "," , "NN", "NNS", ",", "CC", "NN", "."]
    pos = ["NOUN", "VERB", "NOUN", "ADJ", "ADP", "NOUN", "PUNCT", "NOUN", "NOUN", "PUNCT", "CCONJ", "NOUN", "PUNCT"]
    lemmas = ["chef", "make", "sauce", "such", "as", "velouté", ",", "tomato", "sauce", ",", "and", "hollandaise", "."]
    doc = hand_parsed(reader.nlp.vocab, words, heads, deps, tags, pos, lemmas)
    reading = Reading(reader.rules.relations, Source("t.md", "H", 1), doc.text, None)
    found = quads(example_relations(doc[:], reading))
    assert {("velouté", "is a", "sauces", False), ("tomato sauces", "is a", "sauces", False),
            ("hollandaise", "is a", "sauces", False)} <= found, found
    assert not any(kind in {"velouté", "tomato sauces", "hollandaise"} for _, _, kind, _ in found), found


@pytest.mark.parametrize("sentence, kind, instances, not_kinds", [
    # the kind is the noun nearest before the examples
    ("The tables link hostnames and other identifiers, such as serial numbers or asset tags.", "identifiers",
     {"serial numbers", "asset tags"}, {"hostnames"}),
    # plural examples are of a plural noun, not of a singular one nearer to them
    ("The cafe sells drinks that need careful temperature control, such as espresso drinks.", "drinks",
     {"espresso drinks"}, {"temperature control", "careful temperature control"}),
    # examples sharing their head word with an earlier noun are of that one, not of the nearer one
    ("The archive keeps raw logs in a cold format, including access logs and audit logs.", "logs",
     {"access logs", "audit logs"}, {"cold format"}),
    # names in capitals in parentheses are examples unless their capitals are the noun's initials
    ("The ensemble trains several base models (XGBoost, LightGBM) first.", "base models", {"XGBoost"}, set()),
    # a singular noun "of" a plural one stands for it
    ("Spark simplifies the use of libraries like pandas.", "libraries", {"pandas"}, {"use"}),
])
def test_examples_belong_to_the_nearest_kind(read, sentence, kind, instances, not_kinds):
    found = quads(read(example_relations, sentence))
    assert {(instance, "is a", kind, False) for instance in instances} <= found, found
    assert not {q for q in found if q[2] in not_kinds}, found


def test_a_name_is_not_its_own_kind(read):
    """A relation never links a thing to itself, whatever the shape."""
    assert read(apposition_relations, "Amazon S3, an Amazon S3, stores objects.") == []


@pytest.mark.parametrize("title, topic, expected", [
    ("SageMaker Autopilot (ie. AutoML)", "SageMaker Autopilot", {("SageMaker Autopilot", "is", "automated machine learning", False)}),
    ("Blue-green switch (aka red-black)", "Blue-green switch", {("blue-green switch", "is", "red-black", False)}),
    ("Border Gateway Protocol (BGP)", "Border Gateway Protocol", set()),  # an abbreviation is no alias statement
])
def test_an_alias_aside_in_a_title_names_the_topic_again(read, title, topic, expected):
    assert {(s.lower(), p, o.lower(), n) for s, p, o, n in quads(read(aside_relations, title, topic))} == \
        {(s.lower(), p, o.lower(), n) for s, p, o, n in expected}


def test_an_adjective_after_a_clauses_object_and_a_comma_is_said_of_the_clauses_subject(reader):
    """"Chunking keeps the headings, useful for search": chunking is useful, not the headings."""
    doc = hand_parsed(reader.nlp.vocab, ["Chunking", "keeps", "the", "headings", ",", "useful", "for", "search", "."],
                      [1, 1, 3, 1, 3, 3, 5, 6, 1], ["nsubj", "ROOT", "det", "dobj", "punct", "amod", "prep", "pobj", "punct"],
                      ["NN", "VBZ", "DT", "NNS", ",", "JJ", "IN", "NN", "."],
                      ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "ADJ", "ADP", "NOUN", "PUNCT"])
    found = read_parsed(reader, suitability_relations, doc)
    assert ("chunking", "used for", "search", False) in found, found
    assert not any(s == "headings" for s, _, _, _ in found), found


def test_a_purpose_after_a_list_a_verbs_preposition_takes_is_the_verbs(read):
    """"Works seamlessly with Jenkins, GitLab CI, and GitHub Actions for automated pipelines": the
    topic works with them for the pipelines; the last name has no purpose of its own."""
    found = quads(read(purpose_relations, "Works seamlessly with Jenkins, GitLab CI, and GitHub Actions for automated pipelines.",
                       "Buildah"))
    assert not any(s in {"GitHub Actions", "GitLab CI", "jenkins"} for s, _, _, _ in found), found
    assert ("buildah", "used for", "automated pipelines", False) in found, found
