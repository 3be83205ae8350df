import csv
import io
import json
import zipfile

import networkx as nx
import pytest
from hypothesis import given, settings
from networkx.algorithms import isomorphism

from graph.exports import csv_tables, export_graph, flatten_attributes, write_export
from graph.io import graph_from_data
from graph.neighbourhood import neighbourhood

from .strategies import graphs

NODE_FIELDS = ["label", "type", "category", "parent", "aliases", "definition", "sources"]
EDGE_FIELDS = ["relation", "kind", "negated", "count", "evidence", "evidence_docs", "doc", "section", "line"]


def same_graph(original: nx.MultiDiGraph, loaded: nx.Graph, node_fields, edge_fields) -> bool:
    """Isomorphic with equal attributes. networkx reads a file without parallel edges back as
    a simple graph (GEXF always, GraphML unless force_multigraph): compare it as one then."""
    match_edges = isomorphism.categorical_multiedge_match
    if not loaded.is_multigraph():
        original, match_edges = nx.DiGraph(original), isomorphism.categorical_edge_match
    return nx.is_isomorphic(
        original, loaded,
        node_match=isomorphism.categorical_node_match(node_fields, [None] * len(node_fields)),
        edge_match=match_edges(edge_fields, [None] * len(edge_fields)),
    )


def read_graphml(data: bytes) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(data), force_multigraph=True)


def test_json_round_trip_keeps_everything(graph):
    loaded = graph_from_data(json.loads(export_graph(graph, "json")))
    assert loaded.graph == {**graph.graph, "format": 1}
    loaded.graph = graph.graph
    assert nx.utils.graphs_equal(loaded, graph)
    assert nx.is_isomorphic(graph, loaded, node_match=dict.__eq__,
                            edge_match=lambda a, b: sorted(a.items()) == sorted(b.items()))
    assert list(loaded.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


def test_graphml_round_trip(graph):
    loaded = read_graphml(export_graph(graph, "graphml"))
    assert isinstance(loaded, nx.MultiDiGraph)
    assert same_graph(flatten_attributes(graph), loaded, NODE_FIELDS, EDGE_FIELDS)
    data = loaded.edges["SageMaker Model Monitor", "data drift", "detects|stated"]
    assert (data["negated"], data["count"], data["line"]) == (False, 2, 14)  # types survive
    assert data["evidence"].splitlines()[1] == "Drift in data is detected by Model Monitor."
    assert loaded.nodes["Amazon S3"]["aliases"] == "S3; Simple Storage Service"
    assert loaded.graph["notes"] == "cheat-sheet.txt; study-notes.md"


def test_gexf_round_trip_with_gephi_visuals(graph):
    loaded = nx.read_gexf(io.BytesIO(export_graph(graph, "gexf")))
    assert same_graph(flatten_attributes(graph), loaded, NODE_FIELDS, EDGE_FIELDS)
    assert loaded.nodes["Amazon S3"]["viz"]["color"] == {"r": 242, "g": 142, "b": 43, "a": 1.0}
    assert loaded.nodes["SageMaker Model Monitor"]["viz"]["size"] > loaded.nodes["isolated topic"]["viz"]["size"]


def test_exporting_a_view_exports_only_the_view(graph):
    view = neighbourhood(graph, "clarify")
    loaded = read_graphml(export_graph(view, "graphml"))
    assert set(loaded) == {"SageMaker Clarify", "bias", "Amazon SageMaker"}
    assert loaded.number_of_edges() == 2


@settings(max_examples=60, deadline=None)
@given(graphs())
def test_every_format_round_trips(graph):
    flat = flatten_attributes(graph)
    loaded = graph_from_data(json.loads(export_graph(graph, "json")))
    assert list(loaded.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert list(loaded.nodes(data=True)) == list(graph.nodes(data=True))
    assert same_graph(flat, read_graphml(export_graph(graph, "graphml")), NODE_FIELDS, EDGE_FIELDS)
    assert same_graph(flat, nx.read_gexf(io.BytesIO(export_graph(graph, "gexf"))), NODE_FIELDS, EDGE_FIELDS)


def rows(table: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(table)))


def test_csv_tables(graph):
    tables = csv_tables(graph)
    nodes, edges, evidence = (rows(tables[name]) for name in ("nodes.csv", "edges.csv", "evidence.csv"))
    assert len(nodes) == 10 and len(edges) == 10
    assert len(evidence) == sum(data["count"] for *_, data in graph.edges(data=True))
    s3 = next(row for row in nodes if row["id"] == "Amazon S3")
    assert (s3["aliases"], s3["degree"]) == ("S3; Simple Storage Service", "3")
    negated = next(row for row in edges if row["target"] == "model retraining")
    assert (negated["relation"], negated["negated"], negated["doc"]) == ("used for", "True", "cheat-sheet.txt")


def test_csv_cells_never_run_as_spreadsheet_formulas(graph):
    graph.add_node('=HYPERLINK("http://x","y")', label="=1+1", type="concept")
    nodes = rows(csv_tables(graph)["nodes.csv"])
    row = next(row for row in nodes if row["id"].startswith("'="))
    assert (row["id"], row["label"]) == ("'=HYPERLINK(\"http://x\",\"y\")", "'=1+1")


def test_csv_zip(graph):
    archive = zipfile.ZipFile(io.BytesIO(export_graph(graph, "csv")))
    assert archive.namelist() == ["nodes.csv", "edges.csv", "evidence.csv"]
    assert export_graph(graph, "csv") == export_graph(graph, "csv")  # the same bytes every time


@pytest.mark.parametrize("name, written", [
    ("graph.csv", ["graph.nodes.csv", "graph.edges.csv", "graph.evidence.csv"]),
    ("graph.zip", ["graph.zip"]),
    ("graph.gexf", ["graph.gexf"]),
])
def test_write_export(graph, tmp_path, name, written):
    fmt = "csv" if name.endswith((".csv", ".zip")) else "gexf"
    paths = write_export(graph, fmt, tmp_path / name)
    assert [path.name for path in paths] == written
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(written)  # no temporary file left


def test_bad_exports(graph):
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export_graph(graph, "pdf")
    with pytest.raises(TypeError, match="only apply to the html and svg formats"):
        export_graph(graph, "json", title="x")
