import pytest

from graph.search import search
from graph.word_index import search_index, stem, stems_of

from .conftest import make_graph

# A graph where no topic is named after what a question asks about: the answer is in the sentences.
QUESTION_NODES = [
    ("SageMaker Clarify", "service", ["Clarify"], "", "", ""),
    ("SageMaker Model Monitor", "service", ["Model Monitor"], "", "", ""),
    ("Amazon S3", "service", ["S3"], "", "", ""),
    ("bias", "concept", [], "", "", ""),
    ("training data", "concept", [], "", "", ""),
    ("data warehouse", "concept", [], "", "", "A data warehouse stores structured data for analytics."),
    ("model quality", "concept", [], "", "", ""),
]
QUESTION_EDGES = [
    ("SageMaker Clarify", "detects", "bias", "stated", False,
     [("n.md", "Clarify", 1, "SageMaker Clarify detects bias in training data and in predictions.")]),
    ("SageMaker Clarify", "explains", "model quality", "stated", False,
     [("n.md", "Clarify", 2, "Clarify explains predictions with feature attributions.")]),
    ("SageMaker Model Monitor", "watches", "model quality", "stated", False,
     [("n.md", "Monitor", 3, "Model Monitor watches model quality in production.")]),
    ("Amazon S3", "stores", "training data", "stated", False,
     [("n.md", "S3", 4, "Amazon S3 stores training data cheaply.")]),
]


@pytest.fixture
def questions():
    return make_graph(QUESTION_NODES, QUESTION_EDGES, notes=["n.md"])


@pytest.mark.parametrize("query, scope, top", [
    ("sagemaker clarfy", "all", "SageMaker Clarify"),          # a typo
    ("sagemkaer clarfy", "all", "SageMaker Clarify"),          # two typos, letters swapped
    ("Clarify SageMaker", "all", "SageMaker Clarify"),         # another word order
    ("SageMaker Clarify", "names", "SageMaker Clarify"),
    ("clarify", "names", "SageMaker Clarify"),                  # an alias
    ("clarify", "all", "SageMaker Clarify"),                    # ... before the topics whose sentences name it
    ("simple storage servce", "names", "Amazon S3"),            # an alias with a typo
    ("cloudwach", "all", "Amazon CloudWatch"),
    ("S3", "all", "Amazon S3"),
    ("what is model retraining?", "all", "model retraining"),   # a name inside a question
    ("which topics mention alerts?", "all", "SageMaker Model Monitor"),  # the subject of the sentence, a plural
    ("crawls", "evidence", "AWS Glue"),     # the sentence names Glue and S3: the topic with fewer sentences first
])
def test_best_result(graph, query, scope, top):
    assert search(graph, query, scope=scope)[0].id == top


@pytest.mark.parametrize("query, top", [
    ("how do I detect bias in training data?", "SageMaker Clarify"),
    ("how can I explain predictions", "SageMaker Clarify"),
    ("what watches model quality in production", "SageMaker Model Monitor"),
    ("where do I store training data cheaply", "Amazon S3"),
])
def test_a_question_finds_the_topic_its_sentences_answer(questions, query, top):
    """First, or second after a topic named by the question's words ("bias", "training data")."""
    found = {result.id: result for result in search(questions, query)[:2]}
    assert top in found
    assert found[top].match == "evidence" and found[top].doc == "n.md"


@pytest.mark.parametrize("query", ["firehose", "how do I use firehose?", "kinesis firehose"])
def test_a_word_the_notes_never_use_finds_nothing(questions, query):
    """Not "data warehouse", however alike the spelling: nothing is better than an unrelated topic."""
    assert search(questions, query) == []


def test_the_subject_of_a_sentence_ranks_above_the_topics_it_only_names(questions):
    assert [result.id for result in search(questions, "detects bias", scope="evidence")][:1] == ["SageMaker Clarify"]


def test_which_topics_mention_drift(graph):
    results = search(graph, "which topics mention drift?")
    assert {r.id for r in results[:3]} == {"SageMaker Model Monitor", "data drift", "bias"}
    monitor = next(r for r in results if r.id == "SageMaker Model Monitor")
    assert monitor.match == "evidence" and monitor.mentions == 2  # its definition is one of its sentences
    assert (monitor.doc, monitor.section, monitor.line) == ("study-notes.md", "SageMaker > Model Monitor", 14)


def test_a_name_match_outranks_evidence_unless_asking_what_mentions_it(graph):
    assert search(graph, "drift")[0].id == "data drift"
    assert search(graph, "drift")[0].match in ("name", "alias")
    assert search(graph, "which topics mention drift?")[0].match == "evidence"


def test_results_carry_what_matched(graph):
    result = search(graph, "simple storage", scope="names")[0]
    assert (result.id, result.type, result.match, result.text) == ("Amazon S3", "service", "alias", "Simple Storage Service")


def test_a_name_typed_as_written_scores_above_every_other_match(graph):
    found = search(graph, "clarify")
    assert found[0].score == 100 and all(result.score < 85 for result in found[1:])


def test_sentences_with_every_word_come_first(graph):
    found = search(graph, "training data", scope="evidence")
    assert {r.id for r in found[:4]} == {"Amazon SageMaker", "Amazon S3", "SageMaker Clarify", "bias"}
    assert "data drift" not in {r.id for r in found}  # its sentences have "data" only, the commoner word


def test_limit_and_scope(graph):
    assert len(search(graph, "sagemaker", limit=2)) == 2
    assert all(r.match in ("evidence", "definition") for r in search(graph, "sagemaker", scope="evidence"))
    assert search(graph, "kubernetes") == []


def test_a_topic_mentioning_a_typo_is_still_found(graph):
    assert "SageMaker Model Monitor" in {r.id for r in search(graph, "productoin", scope="evidence")}


@pytest.mark.parametrize("options, message", [
    ({"query": "  ?! "}, "nothing to search for"),
    ({"query": "s3", "limit": 0}, "limit must be"),
    ({"query": "s3", "scope": "everything"}, "unknown search scope 'everything'"),
])
def test_bad_searches(graph, options, message):
    with pytest.raises(ValueError, match=message):
        search(graph, **options)


def test_the_index_follows_changes_to_the_graph(graph):
    assert search(graph, "kinesis") == []
    graph.add_node("Amazon Kinesis", label="Amazon Kinesis", type="service", aliases=["Kinesis"])
    assert search(graph, "kinesis")[0].id == "Amazon Kinesis"


@pytest.mark.parametrize("words, same", [
    (("detect", "detects", "detected", "detecting", "detection"), True),
    (("bias", "biases"), True),
    (("store", "stores", "stored", "storing"), True),
    (("query", "queries"), True),
    (("status", "stat"), False),
    (("s3", "s"), False),
])
def test_forms_of_one_word_share_a_stem(words, same):
    assert (len({stem(word) for word in words}) == 1) is same


def test_a_sentence_is_indexed_once_and_belongs_to_the_topics_of_its_edges(graph):
    index = search_index(graph)
    assert len(index.sentences) == len({sentence.text for sentence in index.sentences})
    words = stems_of("Clarify detects bias in training data.")
    for topic in ("SageMaker Clarify", "bias"):
        assert words in [index.sentence_stems[at] for at in index.topic_sentences[index.numbers[topic]]]
