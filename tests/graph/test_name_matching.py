"""Name matching scores only the names that can matter, and answers as scoring every name did."""
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from graph import name_matching
from graph.name_matching import letter_bounds, ratio_candidates, upper_bounds
from graph.topics import match_names, name_index, rank_names

from .conftest import make_graph
from .reference_names import reference_match_names
from .strategies import named_graphs, names


@settings(max_examples=300, deadline=None)
@given(named_graphs(), names, st.integers(1, 6), st.sampled_from([60.0, 70.0, 85.0]))
def test_matches_are_those_of_scoring_every_name(graph, text, limit, cutoff):
    expected = reference_match_names(graph, text, limit=limit, cutoff=cutoff)
    with patch.object(name_matching, "_FIRST_BATCH", 1):  # stop as early as the bounds allow
        assert rank_names(name_index(graph), text, limit=limit, cutoff=cutoff) == expected
    assert match_names(graph, text, limit=limit, cutoff=cutoff) == expected


@settings(max_examples=200, deadline=None)
@given(named_graphs(), names, st.integers(1, 8), st.integers(1, 8), st.sampled_from([None, 70.0, 80.0, 95.0]))
def test_a_caller_needing_fewer_matches_gets_those_it_needs(graph, text, limit, keep, floor):
    expected = reference_match_names(graph, text, limit=limit, cutoff=60.0)
    least = max(60.0, floor or 60.0, expected[min(keep, limit) - 1].score if len(expected) >= min(keep, limit) else 60.0)
    with patch.object(name_matching, "_FIRST_BATCH", 1):
        found = rank_names(name_index(graph), text, limit=limit, cutoff=60.0, keep=keep, floor=floor)
    assert found == [match for match in expected if match.score >= least]


@settings(max_examples=300, deadline=None)
@given(st.lists(names, min_size=1, max_size=20), names, st.sampled_from([None, 0.0, 60.0, 85.0]))
def test_no_name_scores_above_its_bound(forms, text, cutoff):
    bound = upper_bounds(letter_bounds(forms), text, cutoff)
    for form, most in zip(forms, bound.tolist()):
        assert fuzz.WRatio(text, form, processor=None) <= most + 1e-9


@settings(max_examples=300, deadline=None)
@given(st.lists(names, min_size=1, max_size=20), names, st.sampled_from([0.0, 60.0, 80.0, 85.0, 100.0]))
def test_every_form_reaching_the_cutoff_is_a_ratio_candidate(forms, text, cutoff):
    candidates = ratio_candidates(letter_bounds(forms), text, cutoff).tolist()
    reaching = [at for at, form in enumerate(forms) if fuzz.ratio(text, form, processor=None) >= cutoff]
    assert candidates == sorted(candidates)
    assert set(reaching) <= set(candidates)


@pytest.mark.parametrize("text", ["sagemaker clarfy", "model monitr", "cloudwach", "s3", "clarify", "amazon",
                                  "drift in data", "sage maker", "which topics mention drift", "glu"])
def test_the_example_graph_matches_as_before(text):
    graph = make_graph()
    for limit in (1, 3, 10):
        with patch.object(name_matching, "_FIRST_BATCH", 1):
            assert match_names(graph, text, limit=limit) == reference_match_names(graph, text, limit=limit)


def test_the_name_index_belongs_to_its_graph():
    graph, other = make_graph(), make_graph()
    assert name_index(graph) is name_index(graph)
    assert name_index(other) is not name_index(graph)
    assert name_index(graph).bounds is name_index(graph).bounds
    graph.add_node("Amazon Athena", aliases=["Athena"])
    assert [match.id for match in match_names(graph, "athena", limit=1)] == ["Amazon Athena"]
    assert match_names(other, "athena", limit=1, cutoff=90) == []
