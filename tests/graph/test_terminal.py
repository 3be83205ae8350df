from graph.paths import find_paths
from graph.search import search
from graph.terminal import format_paths, format_search, table


def test_table_cuts_the_last_column_to_the_width():
    text = table(["#", "text"], [[1, "a" * 100]], width=30, right=[0])
    assert all(len(line) <= 30 for line in text.splitlines())
    assert text.splitlines()[1].endswith("…")


def test_search_table(graph):
    lines = format_search(search(graph, "clarify", limit=2), "clarify").splitlines()
    assert lines[0].split() == ["#", "topic", "type", "score", "match"]
    assert lines[1].split()[:4] == ["1", "SageMaker", "Clarify", "service"]


def test_paths_one_line_per_hop(graph):
    text = format_paths(find_paths(graph, "clarify", "cloudwatch", k=2), "SageMaker Clarify", "Amazon CloudWatch")
    hops = [line for line in text.splitlines() if line.startswith("  ")]
    assert len(hops) == 3 + 4  # via SageMaker, then via bias and data drift
    assert hops[0].startswith("  1. SageMaker Clarify -[part of]-> Amazon SageMaker [structural]")
