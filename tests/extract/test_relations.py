"""Sentence in, typed triples out: one row per construction the extractor must read."""
import pytest

from .helpers import stated

CASES = [
    # active verb with a prepositional object
    ("SageMaker Model Monitor integrates with Amazon CloudWatch.", "Notes",
     {("SageMaker Model Monitor", "integrates with", "Amazon CloudWatch", False)}),
    # active verb after a multi-word name the tagger misreads ("detects" as a plural noun)
    ("Amazon SageMaker Clarify detects bias.", "Notes", {("SageMaker Clarify", "detects", "bias", False)}),
    # passive with an agent: the direction is turned round
    ("Amazon Kendra is powered by machine learning.", "Notes", {("machine learning", "powers", "Amazon Kendra", False)}),
    # passive with a prepositional object
    ("Model artifacts are stored in Amazon S3.", "Notes", {("model artifact", "stored in", "Amazon S3", False)}),
    # passive with a purpose clause
    ("SageMaker Clarify can be used to identify bias in training data.", "Notes",
     {("SageMaker Clarify", "identifies", "bias", False)}),
    # copula with a generic head: "is a service for"
    ("Step Functions is a serverless orchestration service.", "Notes",
     {("AWS Step Functions", "is a service for", "workflow orchestration", False)}),
    # copula "a feature of" reads "part of"
    ("Data Capture is a feature of SageMaker endpoints.", "Notes",
     {("SageMaker Data Capture", "part of", "SageMaker endpoint", False)}),
    # copula "a type of" reads "is a"
    ("A vector database is a type of database.", "Notes", {("vector database", "is a", "database", False)}),
    # negation through an instrument verb
    ("You would not use SageMaker Model Registry for model re-training.", "Notes",
     {("SageMaker Model Registry", "used for", "model retraining", True)}),
    # negated passive with a purpose
    ("Chi square is not used to assess correlation.", "Notes", {("chi square", "assesses", "correlation", True)}),
    # negation in one conjunct only
    ("L2 regularization reduces the weights of the model, but does not push the weights to zero.", "Notes",
     {("L2 regularization", "reduces", "weight", False), ("L2 regularization", "pushes", "weight", True)}),
    # "without" negates what follows
    ("AWS Glue runs without impacting production traffic.", "Notes", {("AWS Glue", "impacts", "production traffic", True)}),
    # coordinated verbs share their object; a relative clause's subject is the noun it modifies
    ("Amazon SageMaker Feature Store is a centralized platform designed to store, share, and manage features.", "Notes",
     {("SageMaker Feature Store", "stores", "feature", False), ("SageMaker Feature Store", "shares", "feature", False),
      ("SageMaker Feature Store", "manages", "feature", False)}),
    # coordinated objects
    ("- **Amazon MemoryDB:** Supports fast vector storage and retrieval.", "Vector stores",
     {("Amazon MemoryDB", "supports", "vector storage", False), ("Amazon MemoryDB", "supports", "retrieval", False)}),
    # a pronoun subject is the section's topic
    ("It converts text into lifelike speech.", "Amazon Polly",
     {("Amazon Polly", "converts", "text", False), ("Amazon Polly", "converts into", "lifelike speech", False)}),
    # "This service" under a service heading
    ("This service does not require manual configuration of IAM policies.", "SageMaker Feature Store",
     {("SageMaker Feature Store", "requires", "manual configuration", True)}),
    # a tool used by the reader: the tool is the subject, and the event it reacts to
    ("You can use Amazon CloudWatch to send notifications when feature attribution drift has occurred.", "Notes",
     {("Amazon CloudWatch", "sends", "notification", False),
      ("Amazon CloudWatch", "sends notifications on", "feature attribution drift", False)}),
    # relative clause on a copula complement speaks of the copula's subject
    ("SageMaker Pipelines is a workflow orchestration service that automates machine learning workflows.", "Notes",
     {("SageMaker Pipelines", "is a service for", "workflow orchestration", False),
      ("SageMaker Pipelines", "automates", "machine learning workflow", False)}),
    # apposition
    ("Amazon Kendra, an enterprise search service, indexes documents.", "Notes",
     {("Amazon Kendra", "is a service for", "enterprise search", False)}),
    # examples: "such as"
    ("Amazon SageMaker supports frameworks such as TensorFlow and PyTorch.", "Notes",
     {("Amazon SageMaker", "supports", "framework", False), ("TensorFlow", "is a", "framework", False),
      ("PyTorch", "is a", "framework", False), ("Amazon SageMaker", "supports", "TensorFlow", False),
      ("Amazon SageMaker", "supports", "PyTorch", False)}),
    # an example hung on the wrong noun after ", including"; a participle on a copula complement
    ("- **Amazon Bedrock:** A managed service offering foundational models for building AI applications, including the "
     "Titan Embeddings model for tasks like text retrieval.", "Embeddings",
     {("Amazon Bedrock", "offers", "foundation model", False), ("Amazon Bedrock", "offers", "Amazon Titan", False)}),
    # a purpose gerund read as part of a noun phrase
    ("Amazon SageMaker HyperPod simplifies the process of building ML infrastructure for training foundation models.",
     "Notes", {("SageMaker HyperPod", "builds", "ML infrastructure", False),
               ("SageMaker HyperPod", "trains", "foundation model", False)}),
    # "views X as Y"
    ("Bayesian optimization views hyperparameter tuning as a regression problem.", "Notes",
     {("Bayesian optimization", "views", "hyperparameter optimization", False),
      ("Bayesian optimization", "views as", "regression", False)}),
    # a verb the tagger read as a noun compound after a short name
    ("AWS KMS encrypts data at rest.", "Notes", {("AWS Key Management Service", "encrypts", "data", False)}),
    # a participle split off its noun, an object that is a bare "-ing" noun, a dative
    ("SageMaker Debugger detects vanishing gradients and overfitting during training. It sends alerts to Amazon CloudWatch.",
     "Notes", {("SageMaker Debugger", "detects", "vanishing gradient", False), ("SageMaker Debugger", "detects", "overfitting", False),
               ("SageMaker Debugger", "sends", "alert", False), ("SageMaker Debugger", "sends to", "Amazon CloudWatch", False)}),
    # an adverb inside a name, a place named by a service, a denial
    ("Amazon Macie discovers personally identifiable information (PII) in Amazon S3 buckets. "
     "You would not use Amazon Macie to encrypt data.", "Security",
     {("Amazon Macie", "discovers", "personally identifiable information", False),
      ("Amazon Macie", "discovers in", "S3 bucket", False), ("Amazon Macie", "encrypts", "data", True)}),
    # an instruction to the reader states nothing about the reader
    ("Use Amazon CloudWatch to monitor SageMaker instance metrics.", "Notes",
     {("Amazon CloudWatch", "monitors", "SageMaker instance metric", False)}),
    ("You should consider several factors.", "Notes", set()),
    # a label the notes define but that names nothing known: its definition is not the heading's
    ("- **Apache Spark MLLib:** A scalable machine learning library that comes with built-in algorithms for tasks like "
     "classification, regression, clustering, and recommendation systems.", "Amazon EMR for Machine Learning", set()),
    # a participle after a coordination modifies the nearest conjunct
    ("Spark runs on distributed machines and datasets stored in Amazon S3.", "Notes",
     {("Apache Spark", "runs on", "distributed machine", False), ("Apache Spark", "runs on", "dataset", False),
      ("dataset", "stored in", "Amazon S3", False)}),
    # a noun misread as a bare verb coordinated with a verb that agrees with the subject
    ("SageMaker Feature Store works with streaming data, CI/CD pipelines and batch data.", "Notes",
     {("SageMaker Feature Store", "works with", "streaming data", False),
      ("SageMaker Feature Store", "works with", "CI/CD", False)}),
    # plural nouns the tagger read as verbs ("databases", "integers") relate nothing
    ("- **Shift to Managed Services:** Transition from expensive, proprietary legacy databases to managed database "
     "services like Amazon RDS.", "Notes", {("Amazon RDS", "is a", "database service", False)}),
    ("- **Binary encoding:** A compact method that first assigns a unique integer to each category, then converts "
     "that integer into its binary code.", "Notes",
     {("binary encoding", "is a", "compact method", False), ("binary encoding", "assigns", "integer", False)}),
    # coordinated gerunds each give their verb
    ("Amazon SageMaker Feature Store: A fully managed repository for storing, retrieving, and sharing features.", "Notes",
     {("SageMaker Feature Store", "is a", "repository", False), ("SageMaker Feature Store", "stores", "feature", False),
      ("SageMaker Feature Store", "retrieves", "feature", False), ("SageMaker Feature Store", "shares", "feature", False)}),
    # an abbreviation in parentheses inside a name
    ("Vector databases are powered by k-nearest neighbor (k-NN) indexes.", "Vector Databases",
     {("k-NN index", "powers", "vector database", False)}),
    # ", including X" inside a relative clause with its own subject is about that clause's noun
    ("AWS Glue is a serverless integration service you can use to integrate data from multiple sources, including "
     "Amazon S3.", "Notes", {("AWS Glue", "is a service for", "integration", False)}),
    # "for" before the subject frames the statement; it names no use
    ("For mathematicians, principal components are eigenvectors of the data's covariance matrix.", "Notes",
     {("principal component", "is a", "eigenvector", False)}),
    ("Amazon Kinesis is for streaming data.", "Notes", {("Amazon Kinesis", "used for", "streaming data", False)}),
    # "enabling them to respond": "them" may be the assistants rather than the subject, and go unnamed;
    # with no plural object to stand for, "them" is the subject
    ("LLMs will improve virtual assistants like Alexa and Siri, enabling them to respond to complex commands.", "Notes",
     {("large language model", "improves", "virtual assistant", False), ("large language model", "improves", "Alexa", False),
      ("large language model", "improves", "Siri", False), ("Alexa", "is a", "virtual assistant", False),
      ("Siri", "is a", "virtual assistant", False)}),
    ("Transformers excel in self-learning, enabling them to grasp fundamental grammar.", "Notes",
     {("transformer", "excels in", "self-learning", False), ("transformer", "grasps", "fundamental grammar", False)}),
    # a list of actions the tagger read as nouns ("track performance metrics"): each verb with its object
    ("AWS CloudWatch can be used to log model predictions, track performance metrics, and diagnose issues in real-time.",
     "Notes", {("Amazon CloudWatch", "logs", "model prediction", False),
               ("Amazon CloudWatch", "tracks", "performance metric", False)}),
    ("Foundation models can write and debug code in various programming languages.", "Notes",
     {("foundation model", "writes", "code", False), ("foundation model", "debugs", "code", False)}),
    ("You can use Amazon S3 to store data, model artifacts and logs.", "Notes",
     {("Amazon S3", "stores", "data", False), ("Amazon S3", "stores", "model artifact", False),
      ("Amazon S3", "stores", "log", False)}),
    # after a subordinate clause and a comma, a noun is the main clause's subject, not an object
    ("As inventory and products change over time, the distribution of data that is used to make predictions will "
     "drift.", "Notes", set()),
    # a label of adjectives ("Scalable:") is a quality of the section's topic, not a topic of its own
    ("- **Scalable:** Can handle growing datasets and integrate easily with other AWS ML services.\n"
     "- **Use Case:** Great for structured datasets and feature storage.", "Amazon RDS",
     {("Amazon RDS", "handles", "growing dataset", False), ("Amazon RDS", "integrates with", "ML service", False),
      ("Amazon RDS", "used for", "structured dataset", False), ("Amazon RDS", "used for", "feature storage", False)}),
]


@pytest.mark.parametrize("sentence, heading, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentence_gives_triples(sentence, heading, expected, nlp, vocabulary):
    assert stated(sentence, nlp, vocabulary, heading=heading) == expected


def test_an_adjective_misread_as_a_coordinated_verb_relates_nothing(nlp, vocabulary):
    triples = stated("AWS Lake Formation manages large-scale, distributed data lakes across AWS accounts.", nlp, vocabulary)
    assert not any(relation.startswith("distributes") for _, relation, _, _ in triples)


def test_a_question_states_nothing(nlp, vocabulary):
    assert stated("Is SageMaker Clarify used to detect bias?", nlp, vocabulary) == set()
