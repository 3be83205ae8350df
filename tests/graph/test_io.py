import json

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.io import GraphFileError, _json_pieces, _parsed, graph_to_data, load_graph, save_graph, write_atomically

from .strategies import graphs


def test_save_and_load(graph, tmp_path):
    path = tmp_path / "deep" / "graph.json"
    save_graph(graph, path)
    loaded = load_graph(path)
    assert loaded.graph == {**graph.graph, "format": 1}
    assert list(loaded.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(loaded.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert [p.name for p in path.parent.iterdir()] == ["graph.json"]


NODE = {"id": "a", "type": "concept", "label": "a", "category": "", "parent": "", "definition": "", "aliases": [],
        "sources": []}
EDGE = {"source": "a", "target": "a", "relation": "uses", "kind": "stated", "negated": False, "count": 1,
        "evidence": [{"doc": "n.md", "section": "", "line": 1, "sentence": "A uses a.", "sources": []}]}


def node_link(nodes=(NODE,), edges=(EDGE,), **graph) -> str:
    return json.dumps({"nodes": list(nodes), "edges": list(edges), "graph": graph})


@pytest.mark.parametrize("content, message", [
    ("{not json", "corrupt JSON at line 1"),
    ("", "corrupt JSON at line 1 \\(the file ends early"),
    ("[1, 2]", "not a knowledge graph"),
    ("[" * 100_000 + "]" * 100_000, "not a knowledge graph \\(JSON nested too deep\\)"),
    (json.dumps({"nodes": [{"id": "a"}], "edges": []}), "lacks an id or a type"),
    (json.dumps({"nodes": [{**NODE, "id": ["a"]}], "edges": []}), "lacks an id or a type"),
    (node_link([{**NODE, "label": 7}]), "node 'a' has no valid 'label'"),
    (node_link([{**NODE, "aliases": [None]}]), "node 'a' has no valid 'aliases'"),
    (node_link([NODE, {**NODE, "id": "b", "definition": None}]), "node 'b' has no valid 'definition'"),
    (json.dumps({"nodes": [], "edges": [{"source": "a"}]}), "lacks source, target, relation or kind"),
    (node_link(edges=[{**EDGE, "target": "b"}]), "'a' -> 'b' names a topic the file does not list"),
    (node_link(edges=[{**EDGE, "evidence": "see notes"}]), "'a' -> 'a' has no valid 'evidence'"),
    (node_link(edges=[{**EDGE, "evidence": [{"sentence": "x"}]}]), "has no valid 'evidence doc'"),
    (node_link(edges=[{**EDGE, "source": {"id": "a"}}]), "has no valid 'source'"),
    (json.dumps({"nodes": [], "edges": [], "graph": {"format": 99}}), "graph format 99 is not one this version reads"),
    # networkx's own node-link output of some other graph
    (json.dumps(nx.node_link_data(nx.path_graph(3), edges="edges")), "node \\{'id': 0\\} lacks an id or a type"),
])
def test_corrupt_or_foreign_files_say_how_to_rebuild(tmp_path, content, message):
    path = tmp_path / "graph.json"
    path.write_text(content)
    with pytest.raises(GraphFileError, match=f"{message}.*rebuild it with: python -m graph build"):
        load_graph(path)


def test_missing_file(tmp_path):
    with pytest.raises(GraphFileError, match="no graph file; rebuild it with"):
        load_graph(tmp_path / "nowhere.json")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "graph.json"
    path.write_text("old")
    broken = nx.MultiDiGraph()
    broken.add_node("a", type="concept", label=object())  # not JSON
    with pytest.raises(TypeError):
        save_graph(broken, path)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"


@settings(max_examples=100, deadline=None)
@given(graphs(max_nodes=12, max_edges=30), st.integers(1, 4), st.text(max_size=3))
def test_a_graph_is_written_as_json_dumps_writes_it_whole(graph, items_per_piece, label):
    """Written in pieces of a few topics or edges, the file is byte for byte the text of the
    whole data at once (the label: any character, as topic names have)."""
    if graph:
        graph.nodes[next(iter(graph))]["label"] = label
    data = graph_to_data(graph)
    whole = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert b"".join(_json_pieces(data, items_per_piece)) == whole


def test_a_graph_too_big_for_one_piece_saves_as_one_text(graph, tmp_path):
    big = nx.MultiDiGraph(graph)
    big.add_nodes_from((f"topic {number}", dict(graph.nodes["bias"], label=f"topic {number}")) for number in range(2500))
    save_graph(big, tmp_path / "graph.json")
    text = json.dumps(graph_to_data(big), ensure_ascii=False, separators=(",", ":"))
    assert (tmp_path / "graph.json").read_text(encoding="utf-8") == text


def test_a_truncated_graph_file_says_it_ends_early(graph, tmp_path):
    path = tmp_path / "graph.json"
    save_graph(graph, path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(GraphFileError, match=r"corrupt JSON .*the file ends early.*rebuild it with"):
        load_graph(path)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"\xff\xfe{\x00}\x00"])
def test_a_binary_graph_file_cannot_be_read(tmp_path, data):
    path = tmp_path / "graph.json"
    path.write_bytes(data)
    with pytest.raises(GraphFileError, match=r"cannot be read .*rebuild it with"):
        load_graph(path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(st.characters(exclude_categories=())),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans())
def test_the_fast_parser_reads_what_json_loads_reads(tmp_path_factory, value, ascii_only):
    """Whatever save_graph's json.dumps writes (any text, lone surrogates, NaN) parses to the
    value json.loads gives, through the fast parser or the standard library behind it."""
    content = json.dumps(value, ensure_ascii=ascii_only, separators=(",", ":")).encode("utf-8", "surrogatepass")
    path = tmp_path_factory.mktemp("json") / "value.json"
    try:
        expected = json.loads(content.decode("utf-8"))
    except UnicodeDecodeError:  # a lone surrogate written as itself: no UTF-8 file holds it
        with pytest.raises(GraphFileError, match="cannot be read"):
            _parsed(content, path)
        return
    # repr, not ==: it tells 1 from 1.0 and True, -0.0 from 0.0, keeps the keys' order, and nan is no nan
    assert repr(_parsed(content, path)) == repr(expected)


@pytest.mark.parametrize("label", ["\\ud800 alone", "deep"])
def test_a_file_the_fast_parser_refuses_loads_as_json_loads_reads_it(graph, tmp_path, label):
    """pydantic-core refuses a lone surrogate escape and nesting deeper than 200 levels;
    json.loads takes both, and so does load_graph."""
    path = tmp_path / "graph.json"
    save_graph(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["graph"]["nested"] = "x" if label != "deep" else json.loads("[" * 300 + "]" * 300)
    data["nodes"][0]["label"] = json.loads(f'"{label}"')
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_graph(path)
    assert loaded.graph == data["graph"]
    assert loaded.nodes[data["nodes"][0]["id"]]["label"] == data["nodes"][0]["label"]
    assert loaded.number_of_edges() == graph.number_of_edges()
