"""Node-link data becomes the graph networkx's node_link_graph makes of it; the quick check
accepts what the field-by-field check accepts; loading leaves the cycle collector as it was."""
import copy
import gc
import threading

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.collector import collector_paused
from graph.io import graph_from_data, graph_to_data, load_graph, save_graph
from graph.node_link import (GraphFileError, _check_edge, _check_node, _well_formed_edge, _well_formed_node,
                             graph_from_node_link)

from .strategies import graphs

TOPICS = ["a", "b", "c"]
FIELDS = {"category": "", "parent": "", "definition": "", "aliases": [], "sources": []}
node_items = st.builds(lambda topic, kind, label: {"id": topic, "type": kind, "label": label, **copy.deepcopy(FIELDS)},
                       st.sampled_from(TOPICS), st.sampled_from(["concept", "service"]), st.text(max_size=3))
edge_items = st.builds(
    lambda ends, kind, count, key: {"source": ends[0], "target": ends[1], "relation": "uses", "kind": kind,
                                    "negated": False, "count": count, "evidence": [], **key},
    st.tuples(st.sampled_from(TOPICS), st.sampled_from(TOPICS)), st.sampled_from(["stated", "cooccurrence"]),
    st.integers(1, 3), st.one_of(st.just({}), st.integers(0, 2).map(lambda key: {"key": key}),
                                 st.just({"key": "uses|stated"})))


def same_graph(first: nx.MultiDiGraph, second: nx.MultiDiGraph) -> bool:
    return (first.graph == second.graph and list(first.nodes(data=True)) == list(second.nodes(data=True))
            and list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))
            and [list(first.pred[n]) for n in first] == [list(second.pred[n]) for n in second])


@settings(max_examples=200, deadline=None)
@given(st.lists(node_items, max_size=6), st.lists(edge_items, max_size=10))
def test_node_link_data_makes_the_graph_networkx_makes(nodes, edges):
    """Repeated topics and edges, edges without keys, loops: all as networkx has them."""
    nodes = [*nodes, *({"id": topic, "type": "concept", "label": topic, **copy.deepcopy(FIELDS)} for topic in TOPICS)]
    data = {"graph": {"notes": ["a.md"]}, "nodes": nodes, "edges": edges}
    expected = nx.node_link_graph({**copy.deepcopy(data), "directed": True, "multigraph": True}, edges="edges")
    untouched = copy.deepcopy(data)
    assert same_graph(graph_from_node_link(data, "here"), expected)
    assert data == untouched
    assert same_graph(graph_from_node_link(data, "here", reuse=True), expected)


@settings(max_examples=100, deadline=None)
@given(graphs())
def test_saved_graphs_load_as_they_were(tmp_path_factory, graph):
    path = tmp_path_factory.mktemp("graphs") / "graph.json"
    save_graph(graph, path)
    loaded = load_graph(path)
    assert same_graph(loaded, graph_from_data(graph_to_data(graph)))
    assert list(loaded.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


NODE = {"id": "a", "type": "concept", "label": "a", "category": "", "parent": "", "definition": "", "aliases": ["A"],
        "sources": ["n.md"]}
EDGE = {"source": "a", "target": "a", "relation": "uses", "kind": "stated", "negated": False, "count": 1,
        "evidence": [{"doc": "n.md", "section": "", "line": 1, "sentence": "A uses a.", "sources": []}]}


class Text(str):
    """A str subclass: not what a file gives, but a valid field."""


@pytest.mark.parametrize("node", [NODE, {**NODE, "label": Text("a")}, {**NODE, "aliases": [Text("A")]},
                                  {**NODE, "label": 7}, {**NODE, "type": ["concept"]}, {**NODE, "aliases": [None]},
                                  {**NODE, "sources": "n.md"}, {"id": "a"}, ["a"]])
def test_the_quick_node_check_accepts_only_what_the_full_check_accepts(node):
    if _well_formed_node(node):
        _check_node(node, "here")  # does not raise
    else:
        assert node is not NODE


@pytest.mark.parametrize("edge", [EDGE, {**EDGE, "count": True}, {**EDGE, "negated": 0}, {**EDGE, "count": 1.0},
                                  {**EDGE, "evidence": [{"doc": "n.md"}]}, {**EDGE, "evidence": ["x"]},
                                  {**EDGE, "relation": Text("uses")}, {"source": "a"}, "a -> a"])
def test_the_quick_edge_check_accepts_only_what_the_full_check_accepts(edge):
    if _well_formed_edge(edge):
        _check_edge(edge, "here")
    else:
        assert edge is not EDGE


def test_a_topic_type_that_is_not_a_string_is_a_bad_file():
    with pytest.raises(GraphFileError, match="lacks an id or a type"):
        graph_from_data({"nodes": [{**NODE, "type": ["concept"]}], "edges": []})


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_collector_as_it_was(graph, tmp_path, enabled):
    save_graph(graph, tmp_path / "graph.json")
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        load_graph(tmp_path / "graph.json")
        assert gc.isenabled() is enabled
        with pytest.raises(GraphFileError):
            load_graph(tmp_path / "nowhere.json")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_loads_in_several_threads_share_one_pause():
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def hold():
        with collector_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=hold)
    worker.start()
    inside.wait(5)
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other load is still under way
    release.set()
    worker.join(5)
    assert gc.isenabled()
