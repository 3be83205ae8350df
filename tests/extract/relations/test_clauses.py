"""Clauses: a verb with its subject and objects, one case per sentence shape.

Each case is (sentence, heading naming the implicit topic or "", triples expected among
those ``clause_relations`` finds); a triple is (subject, predicate, object, negated) with
vocabulary names canonical.
"""
import pytest

from extract.findings import TERM, Mention
from extract.model import Source
from extract.relations import Reading, clause_relations

from ..helpers import hand_parsed
from .conftest import quads, read_parsed


def gap(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


def cases(table):
    """Each row as a parameter named by its sentence."""
    return [pytest.param(*row.values, marks=row.marks, id=row.values[0]) if hasattr(row, "marks")
            else pytest.param(*row, id=row[0]) for row in table]


CASES = [
    # tools named as the means of a fragment whose verb the parser read as a modifier
    ("Access cost reports through AWS Cost Explorer or Amazon QuickSight.", "Observability",
     {("AWS Cost Explorer", "used for", "cost reports", False), ("Amazon QuickSight", "used for", "cost reports", False)}),
    # a bare adjective listed with a noun phrase shares its head word
    ("The lake keeps raw records in one place, including structured, unstructured and semi-structured records.", "",
     {("lake", "keeps", "structured records", False), ("lake", "keeps", "unstructured records", False)}),
    # examples the parser hung on a nearer noun are of the earlier one sharing their head word ...
    ("The archive keeps raw logs in a cold format, including access logs and audit logs.", "",
     {("archive", "keeps", "access logs", False), ("archive", "keeps", "audit logs", False)}),
    # ... unless the nearer one is a word of kinds
    ("The tuner speeds up hyperparameter optimization using techniques like Bayesian optimization.", "",
     {("tuner", "uses", "Bayesian optimization", False)}),
    # a verb with a plainer synonym reads as the synonym (content/relations.yaml: synonyms)
    ("Argo CD streamlines Kubernetes deployments.", "", {("Argo CD", "simplifies", "Kubernetes deployments", False)}),
    ("The operator executes database migrations.", "", {("operator", "runs", "database migrations", False)}),
    # "fails to V" denies it
    ("The liveness probe fails to detect slow memory leaks.", "", {("liveness probe", "detects", "slow memory leaks", True)}),
    # "this strategy" in a clause inside the sentence goes on about the sentence's subject, not the topic
    ("Blue-green deployment avoids outages because this strategy keeps a standby cluster.", "Kubernetes",
     {("blue/green deployment", "keeps", "standby cluster", False)}),
    # "for" on a light object says what is offered
    ("Envoy offers native support for gRPC.", "", {("Envoy", "offers", "gRPC", False)}),
    # "uses X for V-ing Y": the user does it by means of X, and X does it
    ("The kubelet uses liveness probes for detecting deadlocks.", "",
     {("kubelet", "detects", "deadlocks", False), ("liveness probes", "detects", "deadlocks", False)}),
    # a noun a participle names is that name: what is said of the noun is said of it
    ("Amazon SageMaker features an embedding technique called Object2Vec, which reduces high-dimensional data.", "",
     {("Amazon SageMaker", "features", "Object2Vec", False), ("Object2Vec", "reduces", "high-dimensional data", False)}),
    # active verbs, with objects of prepositions that are not circumstantial
    ("Amazon CloudWatch collects metrics from EC2 instances.", "",
     {("Amazon CloudWatch", "collects", "metrics", False), ("Amazon CloudWatch", "collects from", "EC2 instance", False)}),
    ("A router forwards packets between subnets.", "",
     {("router", "forwards", "packets", False), ("router", "forwards", "subnet", False)}),
    ("Sourdough relies on wild yeast.", "", {("Sourdough", "relies on", "wild yeast", False)}),
    ("Etcd stores the cluster state.", "", {("etcd", "stores", "cluster state", False)}),
    ("Mitochondria produce ATP through cellular respiration.", "", {("Mitochondria", "produces", "ATP", False)}),
    # the label comes from the verb as written when the lemmatizer's lemma could not have made it ("routes": rout)
    ("Ingress routes external traffic to backend pods.", "", {("ingress", "routes", "external traffic", False)}),
    # a purpose adjective the tagger read as a noun serves the topic ("Ideal" tagged NN)
    ("Ideal for generating subtitles from lecture recordings.", "Amazon Transcribe",
     {("Amazon Transcribe", "generates", "subtitles", False)}),
    # coordinated objects each get the verb
    ("Amazon SQS decouples producers and consumers.", "",
     {("Amazon SQS", "decouples", "producers", False), ("Amazon SQS", "decouples", "consumers", False)}),
    # a verb side by side with another shares its object; one with an adverb between does not
    ("The scheduler ranks and binds pods.", "", {("scheduler", "ranks", "pods", False), ("scheduler", "binds", "pods", False)}),
    ("Stores and moves big datasets.", "Amazon Kinesis",
     {("Amazon Kinesis", "stores", "dataset", False), ("Amazon Kinesis", "moves", "dataset", False)}),
    # a second verb the parser took for a modifier of a second object acts on the rest of it
    ("The operator can provision clusters and automate node upgrades.", "",
     {("operator", "provisions", "clusters", False), ("operator", "automates", "node upgrades", False)}),
    # what people do through a named tool, the tool is used for
    ("Receive deployment alerts via Amazon SNS.", "", {("Amazon SNS", "used for", "deployment alerts", False)}),
    ("You can trace slow requests through AWS X-Ray.", "", {("AWS X-Ray", "used for", "slow requests", False)}),
    # passive with "by": the agent becomes the subject
    ("Encrypted snapshots are stored by Amazon S3.", "", {("Amazon S3", "stores", "encrypted snapshots", False)}),
    ("Pods are scheduled by the scheduler.", "", {("scheduler", "schedules", "pods", False)}),
    # passive with a prepositional object keeps the participle
    ("Amazon EBS volumes are attached to EC2 instances.", "", {("EBS volume", "attached to", "EC2 instance", False)}),
    # a symmetric verb reads the same in the passive
    ("Amazon Redshift is integrated with Amazon QuickSight.", "",
     {("Amazon Redshift", "integrates with", "Amazon QuickSight", False)}),
    # copula: "is a", "a kind/type of", "part of", an adjective with a preposition
    ("A ribosome is a molecular machine.", "", {("ribosome", "is a", "molecular machine", False)}),
    ("A braise is a slow cooking method.", "", {("braise", "is a", "slow cooking method", False)}),
    ("Enzymes are proteins.", "", {("enzymes", "is a", "proteins", False)}),
    ("Chlorophyll is a kind of pigment.", "", {("chlorophyll", "is a", "pigment", False)}),
    ("Route tables are collections of routes.", "", {("route tables", "includes", "routes", False)}),
    ("A service mesh is a combination of a data plane and a control plane.", "",
     {("service mesh", "combines", "data plane", False), ("service mesh", "combines", "control plane", False)}),
    ("A ReplicaSet is a type of controller.", "", {("ReplicaSet", "is a", "controller", False)}),
    # a maker's possessive names a kind as an article does, and is no part of the name
    ("Envoy is Lyft's service proxy.", "", {("Envoy", "is a", "service proxy", False)}),
    ("Route 53 is AWS's DNS service.", "", {("Amazon Route 53", "is a", "DNS service", False)}),
    ("The kube-proxy is part of every worker node.", "", {("kube-proxy", "part of", "worker node", False)}),
    ("Argo Rollouts is a feature in Argo CD that manages canary releases.", "", {("Argo Rollouts", "part of", "Argo CD", False)}),
    ("The hippocampus is part of the limbic system.", "", {("hippocampus", "part of", "limbic system", False)}),
    ("Amazon Redshift is a data warehouse for analytical queries.", "",
     {("Amazon Redshift", "is a", "data warehouse", False), ("Amazon Redshift", "used for", "analytical queries", False)}),
    ("Amazon Aurora is compatible with PostgreSQL.", "", {("Amazon Aurora", "compatible with", "PostgreSQL", False)}),
    # instrument: people use a tool to do something, so the tool does it
    ("You can use Amazon Macie to discover credentials.", "", {("Amazon Macie", "discovers", "credentials", False)}),
    ("You can use it to detect sentiment.", "Amazon Comprehend", {("Amazon Comprehend", "detects", "sentiment", False)}),
    # ... and so do the tools people act with or by ("Using X, you can ...")
    ("Using Terraform or Pulumi, you can provision virtual networks.", "",
     {("Terraform", "provisions", "virtual networks", False), ("Pulumi", "provisions", "virtual networks", False)}),
    ("With Helm, you can package Kubernetes manifests as charts.", "", {("Helm", "packages", "Kubernetes manifests", False)}),
    # enabling: "X enables people to do Y", "X helps do Y" read "X does Y"
    ("Amazon EKS enables engineers to run containers.", "", {("Amazon EKS", "runs", "containers", False)}),
    ("AWS Lambda helps reduce idle costs.", "", {("AWS Lambda", "reduces", "idle costs", False)}),
    # negation: "not", "never", "cannot", a negated copula and a negated passive
    ("The kubelet does not schedule pods.", "", {("kubelet", "schedules", "pods", True)}),
    ("Chefs never salt the stock before reduction.", "", {("chefs", "salts", "stock", True)}),
    ("A sous-vide bath cannot sear meat.", "", {("sous-vide bath", "sears", "meat", True)}),
    ("The replica syncs nightly without blocking the primary database.", "",
     {("replica", "blocks", "primary database", True)}),
    ("Amazon S3 is not a database.", "", {("Amazon S3", "is a", "database", True)}),
    ("Amazon Athena does not require servers.", "", {("Amazon Athena", "requires", "servers", True)}),
    ("Pods are not scheduled by the kubelet.", "", {("kubelet", "schedules", "pods", True)}),
    # a pronoun subject stands for the topic of the heading
    ("It integrates with AWS Lambda.", "Amazon Lex", {("Amazon Lex", "integrates with", "AWS Lambda", False)}),
    ("It does not encrypt buckets.", "Amazon Macie", {("Amazon Macie", "encrypts", "buckets", True)}),
    ("It carries no schema.", "CSV", {("CSV", "carries", "schema", True)}),
    ("UDP keeps no connection state.", "", {("UDP", "keeps", "connection state", True)}),
    # what an enabling verb lets people do, its subject does, however the parser hangs the people
    ("AWS Lambda lets you deploy functions.", "", {("AWS Lambda", "deploys", "functions", False)}),
    ("Amazon SageMaker allows users to deploy models.", "", {("Amazon SageMaker", "deploys", "models", False)}),
    ("Amazon ECR is a registry that allows you to store and manage container images.", "",
     {("Amazon ECR", "stores", "container images", False), ("Amazon ECR", "manages", "container images", False)}),
    # "use X for Y" (content/relations.yaml: instrument_verbs): X is used for Y, whoever uses it
    ("You can use AWS Glue for schema discovery.", "", {("AWS Glue", "used for", "schema discovery", False)}),
    ("Use a service mesh for mutual TLS between pods.", "", {("service mesh", "used for", "mutual TLS", False)}),
    ("You would not use a message queue for long-term storage.", "", {("message queue", "used for", "long-term storage", True)}),
    ("The kubelet uses cgroups for resource isolation.", "",
     {("kubelet", "uses", "cgroups", False), ("cgroups", "used for", "resource isolation", False)}),
    # a word both noun and verb among listed verb phrases is a verb ("track" between "ship" and "diagnose")
    ("Grafana Agent can be used to ship container logs, track request latencies, and diagnose slow queries.", "",
     {("Grafana Agent", "tracks", "request latencies", False)}),
    # a concept right before a product word names the phrase, though a service opens it
    ("The SageMaker XGBoost algorithm uses gradient boosted trees.", "",
     {("XGBoost", "uses", "gradient-boosted decision tree", False)}),
    # an approach to doing something is its giver's, who does it
    ("Kubeflow provides a portable approach to deploying training pipelines.", "",
     {("Kubeflow", "deploys", "training pipelines", False)}),
    # a means to do something ("a way to", "the ability to") is its giver's, who does it
    ("HashiCorp Vault provides a simple way to rotate database credentials.", "",
     {("HashiCorp Vault", "rotates", "database credentials", False)}),
    # a run of verbs sharing one subject, one of them hung on another as its subject
    ("SageMaker Autopilot identifies the problem type, handles missing values, normalizes your data, and selects features.",
     "", {("SageMaker Autopilot", "handles", "missing value", False), ("SageMaker Autopilot", "selects", "feature", False)}),
    # ... unless it is a name of its own
    ("Fine-tuning and transfer learning reduce training costs.", "",
     {("fine-tuning", "reduces", "training costs", False), ("transfer learning", "reduces", "training costs", False)}),
    # a modifier coordinated before a shared head names a thing with it
    ("Data lakes hold structured and unstructured data.", "",
     {("data lake", "holds", "structured data", False), ("data lake", "holds", "unstructured data", False)}),
    ("Kafka serves transactional and analytical consumers.", "",
     {("Apache Kafka", "serves", "transactional consumers", False), ("Apache Kafka", "serves", "analytical consumers", False)}),
    # the members a colon lists after a plural object are objects too
    ("Word2Vec has two versions: CBOW and Skip-gram.", "",
     {("word2vec", "has", "continuous bag of words", False), ("word2vec", "has", "skip-gram", False)}),
    # "a service within Y" is part of Y
    ("Kube-proxy is a network agent within Kubernetes.", "", {("kube-proxy", "part of", "Kubernetes", False)}),
    # "the use case of X" is about X
    ("The use case of text summarization requires large language models.", "",
     {("text summarization", "requires", "large language model", False)}),
    pytest.param("A CDN is suitable to cache static assets.", "",
                 {("content delivery network", "caches", "static assets", False)},
                 marks=gap("purpose_adjectives ('X is suitable to assess Y' reads 'X assesses Y') are loaded "
                           "but used by no extractor")),
    # "X is a Y that does Z": X does Z
    pytest.param("Amazon ECR is a registry that stores container images.", "",
                 {("Amazon ECR", "stores", "container images", False)}),
    pytest.param("Amazon S3 stores and serves objects.", "",
                 {("Amazon S3", "stores", "objects", False), ("Amazon S3", "serves", "objects", False)},
                 marks=gap("tagger: 'stores' read as the plural head of 'Amazon S3 stores', 'serves' as an amod")),
    pytest.param("Amazon Route 53 routes traffic to healthy endpoints.", "",
                 {("Amazon Route 53", "routes", "traffic", False)},
                 marks=gap("tagger: 'routes' read as a noun compound; _compound_verb needs the VBZ tag")),
    pytest.param("A firewall filters incoming traffic.", "", {("firewall", "filters", "incoming traffic", False)},
                 marks=gap("tagger: 'filters' read as the plural head of 'firewall filters'")),
    # what a verb improves a quality of, it improves (content/relations.yaml: improvement_verbs)
    ("Connection pooling improves the throughput of PostgreSQL servers.", "",
     {("connection pooling", "improves", "PostgreSQL servers", False)}),
    # "no need to" denies the act
    ("No need to patch the servers or the operating system.", "AWS Fargate",
     {("AWS Fargate", "patches", "servers", True)}),
    # "provide X with Y": X gets, Y is what is provided
    ("The init container provides the pod with a shared volume.", "",
     {("init container", "provides", "shared volume", False)}),
    # "for" after a verb with an object, even a light one, is a purpose of the act
    ("Argo CD can manage approvals and automate rollouts for continuous integration and continuous delivery (CI/CD).", "",
     {("Argo CD", "used for", "CI/CD", False)}),
]


@pytest.mark.parametrize("sentence, topic, expected", cases(CASES))
def test_clause_states(read, sentence, topic, expected):
    assert expected <= quads(read(clause_relations, sentence, topic))


UNSAID = [
    # a collection of things is none of them
    ("Route tables are collections of routes.", ("route tables", "is a", "routes", False)),
    # ... and the first verb does not act on it, nor is the second verb part of its name
    ("The operator can provision clusters and automate node upgrades.", ("operator", "provisions", "automate node upgrades", False)),
    ("The operator can provision clusters and automate node upgrades.", ("operator", "provisions", "node upgrades", False)),
    # a circumstantial preposition ("through", "at", "unlike") names no object of the verb
    ("Unlike UDP, TCP can guarantee ordered delivery.", ("TCP", "guarantees unlike", "UDP", False)),
    ("Mitochondria produce ATP through cellular respiration.", ("Mitochondria", "produces through", "cellular respiration", False)),
    ("Amazon CloudFront caches content at edge locations.", ("Amazon CloudFront", "caches at", "edge locations", False)),
    # beside an object, "with" says how the verb acts, nothing it acts on
    ("HAProxy handles thousands of requests per second with low latency.", ("HAProxy", "handles with", "low latency", False)),
    # the people a tool enables are not its object
    ("Amazon EKS enables engineers to run containers.", ("Amazon EKS", "enables", "engineers", False)),
    # a verb with its own words after it does not take the next verb's object
    ("The model learns quickly and memorises the training set.", ("model", "learns", "training set", False)),
    # beside an object, "as" says what the object is, nothing of the subject
    ("Grafana supports Prometheus as a data source.", ("Grafana", "supports as", "data source", False)),
    # a participle after a colon describes what follows, it is no verb of the subject
    ("Backups: keep two copies: encrypted snapshots and compressed archives.", ("backups", "encrypts", "snapshots", False)),
    ("The init container provides the pod with a shared volume.", ("init container", "provides", "pod", False)),
    # "there is X" says X exists, not that anything is one
    ("Dropout regularizes the network when there is a high correlation between features.", ("dropout", "is a", "high correlation", False)),
    # a negated verb is never stated as affirmed
    ("The kubelet does not schedule pods.", ("kubelet", "schedules", "pods", False)),
    # a verb casting its object as something relates its subject to that, not to the object
    ("Kubernetes treats every pod as a disposable unit of scheduling.", ("Kubernetes", "treats", "pod", False)),
    # a supposition states nothing ("if a pod exceeds its memory limit, ...")
    ("If a pod exceeds its memory limit, the kubelet kills the container.", ("pod", "exceeds", "memory limit", False)),
    # a verb after an adjective's "to", tagged a noun, is no object ("easier to debug")
    ("A systemd timer is easier to debug than a cron job and writes to the journal.", ("systemd timer", "easy to", "debug", False)),
    # a means to do something is no thing given ("a declarative way to manage manifests")
    ("HashiCorp Vault provides a simple way to rotate database credentials.", ("HashiCorp Vault", "provides", "simple way", False)),
    ("Kustomize provides a declarative way to manage Kubernetes manifests.", ("Kustomize", "provides", "declarative way", False)),
    ("Kubeflow provides a portable approach to deploying training pipelines.", ("Kubeflow", "provides", "portable approach", False)),
]


@pytest.mark.parametrize("sentence, triple", UNSAID, ids=[f"{s} !{t[1]}" for s, t in UNSAID])
def test_clause_does_not_state(read, sentence, triple):
    found = quads(read(clause_relations, sentence))
    assert found and triple not in found


def test_examples_of_one_definite_thing_are_no_ones_examples(read):
    """"the resource utilization of your training job, including CPU and GPU": the list names
    parts of one measure, no instances of anything the profiler provides."""
    found = quads(read(clause_relations, "It provides detailed information about the resource utilization of your "
                                         "training job, including CPU, GPU and memory.", "SageMaker Profiler"))
    assert not any(o in {"central processing unit", "graphics processing unit", "memory"} for _, _, o, _ in found), found


def test_a_complement_in_a_format_says_where_not_what_is_used(read):
    """"Kubeconfig files are documents in YAML format": no "used in YAML format"."""
    assert not any(p == "used in" for _, p, _, _ in quads(read(clause_relations, "Kubeconfig files are documents in YAML format.")))


@pytest.mark.parametrize("sentence", ["You should read the release notes.", "It filters incoming traffic."])
def test_people_and_pronouns_without_a_topic_state_nothing(read, sentence):
    assert read(clause_relations, sentence) == []


@pytest.mark.parametrize("sentence, subject, obj", [
    ("The subnet is isolated from the public internet.", "subnet", "public internet"),
    ("Private subnets are shielded from inbound traffic.", "private subnet", "inbound traffic"),
])


def test_kept_from_is_a_denied_exposure(read, sentence, subject, obj):
    """content/relations.yaml: separation_verbs; "X isolated from Y" denies that X is exposed to Y."""
    found = quads(read(clause_relations, sentence))
    assert (subject, "exposed to", obj, True) in found
    assert not any(not negated and o == obj for _, _, o, negated in found)


def test_a_symbol_read_as_a_verb_states_nothing(read):
    """"small pull requests = faster code review": "=" is no verb ("=s")."""
    assert not any(r.predicate.startswith("=") for r in read(clause_relations, "Small pull requests = faster code review."))


@pytest.mark.xfail(reason="a question is read as a statement", strict=True)
def test_a_question_states_nothing(read):
    assert read(clause_relations, "Is Amazon Macie used to discover sensitive data?") == []


def test_a_relative_clause_is_not_about_the_heading_topic(read):
    found = quads(read(clause_relations, "Amazon Athena is a query service that reads files.", "Amazon S3"))
    assert ("Amazon Athena", "is a", "query service", False) in found
    assert ("Amazon S3", "reads", "files", False) not in found


def test_relations_carry_their_shape_verb_and_evidence(read):
    relation, = [r for r in read(clause_relations, "Pods are scheduled by the scheduler.")]
    assert (relation.shape, relation.verb, relation.sentence) == ("clause", "scheduled", "Pods are scheduled by the scheduler.")
    assert relation.kind == "stated" and relation.source.doc == "t.md"


def test_a_thing_set_against_the_objects_is_none_of_them(reader):
    """"passages or snippets instead of result pages", parsed (as the parser does) with "of" a
    coordinator and the pages one more object: the topic returns passages, not result pages."""
    words = ["Returns", "passages", "or", "snippets", "instead", "of", "result", "pages", "."]
    heads = [0, 0, 1, 1, 5, 1, 7, 1, 0]
    deps = ["ROOT", "dobj", "cc", "conj", "advmod", "cc", "compound", "conj", "punct"]
    tags = ["VBZ", "NNS", "CC", "NNS", "RB", "IN", "NN", "NNS", "."]
    pos = ["VERB", "NOUN", "CCONJ", "NOUN", "ADV", "ADP", "NOUN", "NOUN", "PUNCT"]
    lemmas = ["return", "passage", "or", "snippet", "instead", "of", "result", "page", "."]
    found = read_parsed(reader, clause_relations, hand_parsed(reader.nlp.vocab, words, heads, deps, tags, pos, lemmas),
                        "Semantic search")
    assert ("Semantic search", "returns", "passages", False) in found, found
    assert not any("pages" in obj for _, _, obj, _ in found), found


@pytest.mark.parametrize("predicate, kept", [("uses", True), ("has", True), ("built on", True), ("similar to", True),
                                              ("workflows with", False), ("rmses for", False)])
def test_a_relation_needs_a_label_that_reads_as_one(reader, predicate, kept):
    """A misread sentence can give a plural noun or no word at all for a verb ("Build automated ML
    workflows with ...": "workflows with"); such a label makes no relation."""
    reading = Reading(reader.rules.relations, Source("t.md", "H", 1), "s", None)
    found = reading.relation(Mention("Amazon S3", TERM), predicate, Mention("data lake", TERM), shape="clause")
    assert (found is not None) == kept


def test_a_comma_list_parsed_as_appositions_is_a_list_of_objects(reader):
    """"Automates image pulls, volume mounts, health probes": the parser may hang the items on
    the first as appositions; without an article they are more objects, not names of it."""
    words = ["Automates", "image", "pulls", ",", "volume", "mounts", ",", "health", "probes", "."]
    heads = [0, 2, 0, 2, 5, 2, 5, 8, 2, 0]
    deps = ["ROOT", "compound", "dobj", "punct", "compound", "appos", "punct", "compound", "appos", "punct"]
    tags = ["VBZ", "NN", "NNS", ",", "NN", "NNS", ",", "NN", "NNS", "."]
    pos = ["VERB", "NOUN", "NOUN", "PUNCT", "NOUN", "NOUN", "PUNCT", "NOUN", "NOUN", "PUNCT"]
    lemmas = ["automate", "image", "pull", ",", "volume", "mount", ",", "health", "probe", "."]
    found = read_parsed(reader, clause_relations, hand_parsed(reader.nlp.vocab, words, heads, deps, tags, pos, lemmas),
                        "Kubelet")
    assert {("Kubelet", "automates", "image pulls", False), ("Kubelet", "automates", "volume mounts", False),
            ("Kubelet", "automates", "health probes", False)} <= found, found


def test_a_verb_the_tagger_read_as_an_adjective_after_and_opens_a_verb_phrase(read):
    """"Compare predictions with actual targets and compute accuracy metrics": "compute" (a noun
    and a verb, never an adjective) opens a second instruction, not the name "compute accuracy
    metrics"; a true adjective stays ("and open formats", "and secure archives")."""
    found = quads(read(clause_relations, "Compare predictions with actual targets and compute accuracy metrics.", "Model evaluation"))
    assert not any(o.startswith("compute") for _, _, o, _ in found), found
    kept = quads(read(clause_relations, "Compare results with CSV files and open formats.", "Data lake"))
    assert any(o == "open formats" for _, _, o, _ in kept), kept


def test_a_subject_owned_by_a_pronoun_is_a_side_of_something_else_not_a_kind(read):
    """"Their big selling point is ACID transactions" says nothing is a kind of transaction."""
    for sentence in ("Their big selling point is ACID transactions.", "Its main building block is the write-ahead log."):
        assert not any(p == "is a" for _, p, _, _ in quads(read(clause_relations, sentence))), sentence
    assert ("etcd", "is a", "key-value store", False) in quads(read(clause_relations, "etcd is a key-value store."))


def test_a_verb_with_an_object_and_its_result_relates_nothing_to_the_object(read):
    """"..., which keeps it cheap": keeping something cheap, or making models interpretable, is
    no relation between the keeper and what is kept."""
    found = quads(read(clause_relations, "It indexes only labels, not the full log line, which keeps it cheap.", "Loki"))
    assert ("Loki", "indexes", "label", False) in found, found
    assert not any(p.startswith("keeps") for _, p, _, _ in found), found


def test_a_verb_inside_a_noun_phrase_is_no_part_of_its_object(read):
    """"Kafka stores events in topics, and it replicates ...", parsed as the noun phrase "Kafka
    stores events": the object is what follows the verb, never a phrase holding the verb."""
    found = quads(read(clause_relations, "Kafka stores events in topics, and it replicates each partition across brokers."))
    assert not any("stores" in o.split() for _, _, o, _ in found), found


def test_a_vocabulary_name_is_never_read_as_the_verb_of_a_noun_phrase(read):
    """"Serverless SageMaker endpoints scale independently": the tagger calls "endpoints" a verb;
    the merged name "SageMaker endpoints" is still a name, and no relation is labelled "s"."""
    found = quads(read(clause_relations, "Serverless SageMaker endpoints scale independently in a serverless manner."))
    assert not any(len(p) < 3 for _, p, _, _ in found), found
