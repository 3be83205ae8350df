from graph.connections import connect
from graph.search import search
from graph.terminal import format_connection, format_search, table


def test_table_cuts_the_last_column_to_the_width():
    text = table(["#", "text"], [[1, "a" * 100]], width=30, right=[0])
    assert all(len(line) <= 30 for line in text.splitlines())
    assert text.splitlines()[1].endswith("…")


def test_search_table(graph):
    lines = format_search(search(graph, "clarify", limit=2), "clarify").splitlines()
    assert lines[0].split() == ["#", "topic", "type", "score", "match"]
    assert lines[1].split()[:4] == ["1", "SageMaker", "Clarify", "service"]


def test_paths_one_line_per_hop_with_their_strength_in_words(graph):
    text = format_connection(connect(graph, "clarify", "cloudwatch", k=2))
    hops = [line for line in text.splitlines() if line.startswith("  ")]
    assert len(hops) == 3 + 4  # via SageMaker, then via bias and data drift
    assert hops[0].startswith("  1. SageMaker Clarify -[part of]-> Amazon SageMaker [structural]")
    assert "Path 1 of 2: fair link: 3 steps, stated in the notes or given by their headings: " in text
    assert "Path 2 of 2: weak link: 4 steps, one of them only named together in a sentence: " in text


def test_shared_neighbours_come_before_the_paths(graph):
    lines = format_connection(connect(graph, "model monitor", "s3", k=1)).splitlines()
    assert lines[:2] == ["SageMaker Model Monitor and Amazon S3", "Both link to: Amazon CloudWatch, Amazon SageMaker"]


def test_no_path_still_shows_what_the_notes_state_directly(graph):
    lines = format_connection(connect(graph, "model monitor", "model retraining")).splitlines()
    assert lines[0] == "No path links 'SageMaker Model Monitor' to 'model retraining' in this graph."
    assert lines[1].startswith("Stated directly: SageMaker Model Monitor -[not used for]-> model retraining")
