"""The SVG picture of a view: it parses, draws every topic and edge, names the central topics,
keeps its legend off the drawing and never lets a note's text add an element."""
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graph.cli import main
from graph.map_view import map_data
from graph.svg_export import to_svg

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script> & "x"'


def parse(picture: str) -> ET.Element:
    root = ET.fromstring(picture)
    assert root.tag == f"{SVG}svg"
    return root


def group(root: ET.Element, name: str) -> ET.Element:
    return root.find(f"{SVG}g[@class='{name}']")


def test_one_circle_per_topic_and_one_line_per_edge(graph):
    root = parse(to_svg(graph))
    assert len(root.findall(f".//{SVG}circle")) == graph.number_of_nodes()
    assert len(root.findall(f".//{SVG}line")) == graph.number_of_edges()


def test_topics_sit_where_the_map_puts_them_with_its_colours_and_sizes(graph):
    data = map_data(graph)
    circles = group(parse(to_svg(graph)), "topics").findall(f"{SVG}circle")
    drawn = {circle.find(f"{SVG}title").text.rsplit(" (", 1)[0]: circle for circle in circles}
    for node in data["nodes"]:
        circle = drawn[node["label"]]
        assert (float(circle.get("cx")), float(circle.get("cy"))) == pytest.approx((node["x"], node["y"]), abs=0.06)
        assert float(circle.get("r")) == pytest.approx(node["size"], abs=0.06)
        assert circle.get("fill") == node["color"]["background"]


def test_the_most_central_topics_are_labelled(graph):
    data = map_data(graph, labelled=3)
    central = {node["label"] for node in data["nodes"] if node["rank"] < 3}
    labels = [text.text for text in group(parse(to_svg(graph, labelled=3)), "labels")]
    assert sorted(labels) == sorted(central) and "SageMaker Model Monitor" in labels


def test_the_legend_is_beside_the_drawing(graph):
    root = parse(to_svg(graph, color_by="community"))
    right = max(float(circle.get("cx")) + float(circle.get("r")) for circle in root.iter(f"{SVG}circle"))
    legend = group(root, "legend")
    assert min(float(item.get("x")) for item in legend if item.get("x")) > right
    left, _, width, _ = map(float, root.get("viewBox").split())
    assert left + width > max(float(item.get("x")) for item in legend if item.get("x")) + 100


def test_hostile_text_stays_text():
    graph = nx.MultiDiGraph()
    graph.add_node(HOSTILE, label=HOSTILE, type="concept")
    graph.add_node("B\x00\x1b", label="B\x00\x1b", type="service")
    graph.add_edge(HOSTILE, "B\x00\x1b", relation=HOSTILE, kind="stated")
    picture = to_svg(graph, title=HOSTILE, color_by="community")
    root = parse(picture)
    assert "<script" not in picture
    assert not [element for element in root.iter() if element.tag.rsplit("}", 1)[-1] in ("script", "foreignObject")]
    texts = [element.text or "" for element in root.iter()]
    assert HOSTILE in texts  # the title and the label, literally
    assert any(HOSTILE in text for text in texts if text != HOSTILE)  # the edge's tooltip and the legend


def test_the_same_graph_gives_the_same_picture(graph):
    assert to_svg(graph) == to_svg(nx.MultiDiGraph(graph))


def test_a_frozen_layout_places_topics_where_the_user_left_them(graph):
    root = parse(to_svg(graph, positions={"AWS Glue": (1234.5, -678.0)}))
    glue = [circle for circle in root.iter(f"{SVG}circle") if circle.find(f"{SVG}title").text.startswith("AWS Glue")]
    assert (glue[0].get("cx"), glue[0].get("cy")) == ("1234.5", "-678.0")


def test_a_large_graph_is_cut_to_its_most_central_topics(graph):
    root = parse(to_svg(graph, max_nodes=4))
    assert len(root.findall(f".//{SVG}circle")) == 4
    assert "the 4 most connected of 10 topics" in "".join(root.itertext())


def test_an_empty_graph_is_an_empty_picture():
    root = parse(to_svg(nx.MultiDiGraph()))
    assert root.findall(f".//{SVG}circle") == []


def test_export_command_writes_svg(graph_file, tmp_path, capsys):
    out = tmp_path / "view.svg"
    assert main(["export", "--graph", str(graph_file), "--format", "svg", "--out", str(out),
                 "--focus", "Model Monitor"]) == 0
    root = parse(out.read_text(encoding="utf-8"))
    assert len(root.findall(f".//{SVG}circle")) == 5
    assert root.find(f"{SVG}title").text == "Around Model Monitor"
    assert "svg" in capsys.readouterr().out
