import json

import networkx as nx
import pytest

from graph.io import GraphFileError, load_graph, save_graph, write_atomically


def test_save_and_load(graph, tmp_path):
    path = tmp_path / "deep" / "graph.json"
    save_graph(graph, path)
    loaded = load_graph(path)
    assert loaded.graph == {**graph.graph, "format": 1}
    assert list(loaded.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(loaded.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert [p.name for p in path.parent.iterdir()] == ["graph.json"]


@pytest.mark.parametrize("content, message", [
    ("{not json", "corrupt JSON at line 1"),
    ("[1, 2]", "not a knowledge graph"),
    (json.dumps({"nodes": [{"id": "a"}], "edges": []}), "lacks an id or a type"),
    (json.dumps({"nodes": [], "edges": [{"source": "a"}]}), "lacks source, target, relation or kind"),
    (json.dumps({"nodes": [{"id": "a", "type": "concept"}],
                 "edges": [{"source": "a", "target": "b", "relation": "uses", "kind": "stated"}]}),
     "'a' -> 'b' names a topic the file does not list"),
    (json.dumps({"nodes": [], "edges": [], "graph": {"format": 99}}), "graph format 99 is not one this version reads"),
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
