import math

import networkx as nx

from graph.layout import layout_positions

from .conftest import make_graph


def test_every_topic_gets_a_finite_position(graph):
    positions = layout_positions(graph)
    assert set(positions) == set(graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    assert len(set(positions.values())) == len(positions)


def test_the_same_graph_gives_the_same_layout(graph):
    assert layout_positions(graph) == layout_positions(make_graph())


def test_linked_topics_sit_closer_than_unlinked_ones():
    graph = nx.MultiDiGraph()
    nx.add_path(graph, ["a1", "a2", "a3", "a4"])
    nx.add_path(graph, ["b1", "b2", "b3", "b4"])
    graph.add_edge("a4", "b1")
    positions = layout_positions(graph)

    def distance(u, v):
        return math.dist(positions[u], positions[v])
    assert distance("a1", "a2") < distance("a1", "b4")


def test_empty_and_unlinked_graphs():
    assert layout_positions(nx.MultiDiGraph()) == {}
    lonely = nx.MultiDiGraph()
    lonely.add_nodes_from(["x", "y", "z"])
    assert len(set(layout_positions(lonely).values())) == 3
