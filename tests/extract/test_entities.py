"""One node per thing, never a pronoun: alias merging and junk filtering."""
import pytest

from .helpers import extract_markdown

NOTE = """## SageMaker

### Clarify

Amazon SageMaker Clarify detects bias. SageMaker Clarify can be used to explain predictions.
Clarify integrates with SageMaker Model Monitor. You can use it to detect bias drift.
This solution requires the least operational overhead. The company uses it in this scenario.

### RAG

Retrieval-Augmented Generation (RAG) improves the accuracy of responses. RAG uses a vector database.

### Analysis

Amazon Rekognition is used for image and video analysis. It offers image analysis in real time.
Sagemaker Pipelines is a workflow orchestration service.
"""


@pytest.fixture(scope="module")
def extraction(nlp, vocabulary):
    return extract_markdown(NOTE, nlp, vocabulary)


def _entity(extraction, name):
    return next(e for e in extraction.entities if e.name == name)


def test_surface_forms_of_a_service_merge_into_one_node(extraction):
    clarify = [e for e in extraction.entities if "clarify" in e.name.casefold()]
    assert [e.name for e in clarify] == ["SageMaker Clarify"]
    assert {"Clarify", "Amazon SageMaker Clarify"} <= set(clarify[0].aliases)
    assert clarify[0].type == "service"


def test_brand_names_match_in_any_casing(extraction):
    assert _entity(extraction, "SageMaker Pipelines").type == "service"


def test_abbreviation_and_long_form_are_one_node(extraction):
    rag = [e for e in extraction.entities if "RAG" in e.aliases or e.name == "RAG"]
    assert len(rag) == 1
    assert rag[0].name.casefold() == "retrieval-augmented generation"
    assert any(t.subject == rag[0].name and t.relation == "uses" for t in extraction.triples)


def test_coordinated_names_stand_for_each_part(extraction):
    analysis = [e for e in extraction.entities if "video analysis" in {e.name, *e.aliases}]
    assert len(analysis) == 1
    assert "image analysis" in {analysis[0].name, *analysis[0].aliases}


@pytest.mark.parametrize("junk", ["you", "it", "this solution", "solution", "the company", "company", "scenario",
                                  "operational overhead"])
def test_pronouns_and_scenario_words_are_never_nodes(extraction, junk):
    names = {e.name.casefold() for e in extraction.entities} | {a.casefold() for e in extraction.entities for a in e.aliases}
    assert junk not in names


def test_every_node_has_a_type(extraction):
    assert {e.type for e in extraction.entities} <= {"service", "concept"}


def test_heading_hierarchy_gives_structural_part_of(extraction):
    structural = {(t.subject, t.relation, t.object) for t in extraction.triples if t.kind == "structural"}
    assert ("SageMaker Clarify", "part of", "Amazon SageMaker") in structural
