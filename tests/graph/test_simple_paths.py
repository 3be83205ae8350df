"""The cheapest paths are those networkx's ``shortest_simple_paths`` finds on the same weighted
graph, in the same order, ties included; the projection is keyed on the graph object."""
import random
from itertools import islice

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.simple_paths import cheapest_paths
from graph.hubs import breadth
from graph.projection import edge_cost, weighted_projection

from .conftest import make_graph, study_graph
from .strategies import KINDS, graphs


def reference_projection(graph: nx.MultiDiGraph, directed: bool, negated: bool) -> nx.Graph:
    """The projection as find_paths built it with networkx, before it had one of its own."""
    found = breadth(graph)
    projection = nx.DiGraph() if directed else nx.Graph()
    projection.add_nodes_from(graph)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if data.get("negated") and not negated:
            continue
        weight = edge_cost(data) + (found.cost(source) + found.cost(target)) / 2
        pairs = [(source, target)] + ([(target, source)] if directed and data.get("kind") == "cooccurrence" else [])
        for u, v in pairs:
            current = projection.adj[u].get(v)
            if current is None or weight < current["weight"]:
                projection.add_edge(u, v, weight=weight, edge=(source, target, key))
    return projection


def reference_paths(graph: nx.MultiDiGraph, source: str, target: str, k: int, directed: bool, negated: bool):
    projection = reference_projection(graph, directed, negated)
    try:
        paths = list(islice(nx.shortest_simple_paths(projection, source, target, weight="weight"), k))
    except nx.NetworkXNoPath:
        return [], projection
    return paths, projection


def assert_same_as_networkx(graph: nx.MultiDiGraph, source: str, target: str, k: int, directed: bool,
                            negated: bool = False) -> None:
    expected, reference = reference_paths(graph, source, target, k, directed, negated)
    projection = weighted_projection(graph, breadth(graph), directed=directed, negated=negated)
    found = list(islice(cheapest_paths(projection, source, target), k))
    assert [path for _, path in found] == expected
    assert list(cheapest_paths(projection, source, target, limit=k)) == found  # spur searches cut short
    for cost, path in found:
        assert cost == pytest.approx(nx.path_weight(reference, path, "weight"))
        for u, v in zip(path, path[1:]):
            assert projection.step(u, v) == (reference.adj[u][v]["weight"], reference.adj[u][v]["edge"])


@st.composite
def wide_graphs(draw):
    """Up to 30 topics and 90 edges: more ties and longer detours than the small graphs."""
    size = draw(st.integers(2, 30))
    names = [f"t{number}" for number in range(size)]
    nodes = [(name, draw(st.sampled_from(["service", "concept"])), [], "", "", "") for name in names]
    edges = {}
    for _ in range(draw(st.integers(0, 3 * size))):
        source, target = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        kind = draw(st.sampled_from(KINDS))
        relation = "co-occurs with" if kind == "cooccurrence" else "uses"
        count = draw(st.integers(1, 2))
        edges[(source, relation, target, kind, False)] = [("a.md", "S", line, f"s {line}") for line in range(count)]
    return make_graph(nodes, [(*key, value) for key, value in edges.items()], notes=["a.md"])


def two_topics(graph: nx.MultiDiGraph):
    return st.lists(st.sampled_from(sorted(graph)), min_size=2, max_size=2, unique=True)


@settings(max_examples=200, deadline=None)
@given(st.data(), st.integers(1, 6), st.booleans(), st.booleans())
def test_small_graphs_give_the_paths_networkx_gives(data, k, directed, negated):
    graph = data.draw(graphs(min_nodes=2))
    source, target = data.draw(two_topics(graph))
    assert_same_as_networkx(graph, source, target, k, directed, negated)


@settings(max_examples=150, deadline=None)
@given(st.data(), st.integers(1, 8), st.booleans())
def test_wider_graphs_give_the_paths_networkx_gives(data, k, directed):
    graph = data.draw(wide_graphs())
    source, target = data.draw(two_topics(graph))
    assert_same_as_networkx(graph, source, target, k, directed)


@pytest.mark.parametrize("source, target", [("SMOTE", "Amazon SageMaker"), ("metric 1", "class imbalance"),
                                            ("metric 3", "metric 7")])
def test_a_graph_with_a_hub_gives_the_paths_networkx_gives(source, target):
    assert_same_as_networkx(study_graph(), source, target, 8, directed=False)


def test_no_path_gives_nothing():
    graph = make_graph()
    projection = weighted_projection(graph, breadth(graph))
    assert list(cheapest_paths(projection, "isolated topic", "Amazon S3")) == []


def test_the_projection_is_built_once_per_graph_and_never_shared():
    graph, other = make_graph(), make_graph()
    projection = weighted_projection(graph, breadth(graph))
    assert weighted_projection(graph, breadth(graph)) is projection
    assert weighted_projection(other, breadth(other)) is not projection
    assert weighted_projection(graph, breadth(graph), directed=True) is not projection


def test_a_graph_changed_in_place_gets_a_new_projection():
    graph = make_graph()
    before = weighted_projection(graph, breadth(graph))
    graph.add_edge("isolated topic", "Amazon S3", key="uses|stated", relation="uses", kind="stated", negated=False,
                   evidence=[], count=1)
    after = weighted_projection(graph, breadth(graph))
    assert after is not before and "Amazon S3" in after.succ["isolated topic"]
    assert [path for _, path in islice(cheapest_paths(after, "isolated topic", "Amazon S3"), 1)] == [
        ["isolated topic", "Amazon S3"]]


def scale_free_graph(size: int, seed: int) -> nx.MultiDiGraph:
    """A few hubs and many topics with few links, edges of every kind and evidence count."""
    rng = random.Random(seed)
    nodes = [(f"t{n}", rng.choice(["service", "concept"]), [], "", "", "") for n in range(size)]
    edges = {}
    for u, v in nx.barabasi_albert_graph(size, 2, seed=seed).edges():
        kind = rng.choice(KINDS)
        edges[(f"t{u}", "co-occurs with" if kind == "cooccurrence" else "uses", f"t{v}", kind, False)] = [
            ("a.md", "S", line, f"s {line}") for line in range(rng.randint(1, 3))]
    return make_graph(nodes, [(*key, value) for key, value in edges.items()], notes=["a.md"])


@pytest.mark.parametrize("seed", range(4))
def test_a_bigger_graph_gives_the_paths_networkx_gives(seed):
    graph = scale_free_graph(300, seed)
    rng = random.Random(seed)
    for _ in range(5):
        source, target = rng.sample(sorted(graph), 2)
        assert_same_as_networkx(graph, source, target, rng.randint(3, 8), directed=False)
