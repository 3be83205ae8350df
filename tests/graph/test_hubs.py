import networkx as nx
import pytest

from graph.hubs import HUB_COST, MIN_TYPICAL, breadth

from .conftest import make_graph


def star(centre: str, kind: str, leaves: int) -> nx.MultiDiGraph:
    """``centre`` stated to link ``leaves`` topics, plus a short chain so the typical count is small."""
    graph = nx.MultiDiGraph()
    graph.add_node(centre, type=kind)
    for number in range(leaves):
        graph.add_edge(centre, f"leaf {number}", relation="uses", kind="stated", negated=False, count=1)
    graph.add_edges_from([("A", "B"), ("B", "C")], relation="uses", kind="stated", negated=False, count=1)
    return graph


@pytest.mark.parametrize("kind, leaves, cost, hub", [
    ("concept", MIN_TYPICAL, 0.0, False),         # no more links than is typical: walking through it is free
    ("concept", 2 * MIN_TYPICAL, 3.0, False),     # twice the typical count: as dear as three stated steps
    ("concept", 4 * MIN_TYPICAL, HUB_COST, True),  # four times: a hub
    ("service", 4 * MIN_TYPICAL, 1.0, False),     # a named service costs a sixth as much
])
def test_detour_cost_grows_with_the_log_of_links(kind, leaves, cost, hub):
    found = breadth(star("centre", kind, leaves))
    assert found.links["centre"] == leaves
    assert found.cost("centre") == pytest.approx(cost)
    assert found.is_hub("centre") is hub


def test_links_count_each_topic_once_whatever_the_direction_or_kind(graph):
    found = breadth(graph)
    assert found.links["SageMaker Model Monitor"] == 4
    assert found.links["Amazon S3"] == 3  # SageMaker reads from it, Glue and CloudWatch co-occur with it
    assert found.typical == MIN_TYPICAL and not found.hubs  # a small graph has no hub
    assert found.cost("no such topic") == 0.0


def test_breadth_is_measured_once_per_graph(graph):
    assert breadth(graph) is breadth(graph)
    assert breadth(make_graph()) is not breadth(graph)
