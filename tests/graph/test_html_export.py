import base64
import hashlib
import json
import re

import pytest

from graph.html_export import to_pyvis_html

from .conftest import HOSTILE_LABEL, HOSTILE_SENTENCE


def page_data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))


def test_no_external_references(graph):
    page = to_pyvis_html(graph)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link[^>]*\bhref\s*=", page, re.I)
    assert not re.search(r"(url\(\s*['\"]?|@import\s*['\"]?)(https?:)?//", page, re.I)
    for host in ("cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com", "bootstrap"):
        assert host not in page
    assert "vis.Network" in page and "vis-network" in page  # the library itself is inlined


def test_hostile_note_text_stays_text(hostile_graph):
    page = to_pyvis_html(hostile_graph, title=HOSTILE_LABEL)
    for raw in (HOSTILE_LABEL, "<img", "<b onmouseover", "<a ", "window.__xss=2</script>"):
        assert raw not in page
    assert page.count("</script>") == 3  # data, vis-network, ours: nothing from the notes closes a script
    assert "href" not in page.lower()
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in page  # the title, html-escaped
    data = page_data(page)
    labels = {node["label"] for node in data["nodes"]}
    assert HOSTILE_LABEL in labels  # drawn on the canvas as text, exactly as written
    tips = json.dumps([edge["tip"] for edge in data["edges"]])
    assert json.dumps(HOSTILE_SENTENCE)[1:-1] in tips


def test_the_content_security_policy_allows_exactly_our_scripts(graph):
    page = to_pyvis_html(graph)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_nodes_and_edges(graph):
    data = page_data(to_pyvis_html(graph, highlight=["Amazon S3"]))
    nodes = {node["id"]: node for node in data["nodes"]}
    assert set(nodes) == set(graph)
    assert all("x" in node and "y" in node for node in nodes.values())
    assert nodes["Amazon S3"]["borderWidth"] == 4
    assert nodes["Amazon S3"]["shape"] == "diamond" and nodes["bias"]["shape"] == "dot"
    assert nodes["SageMaker Model Monitor"]["size"] > nodes["isolated topic"]["size"]
    tip = json.dumps(nodes["Amazon S3"]["tip"])
    assert "Simple Storage Service" in tip and "SageMaker reads training data from Amazon S3." in tip
    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    stated = edges[("SageMaker Model Monitor", "Amazon CloudWatch")]
    assert (stated["label"], stated["arrows"]) == ("integrates with", "to")
    negated = edges[("SageMaker Model Monitor", "model retraining")]
    assert negated["label"] == "not used for" and negated["dashes"] and negated["color"] == "#d9480f"
    together = edges[("AWS Glue", "Amazon S3")]
    assert "arrows" not in together and "label" not in together and together["dashes"]


def test_a_second_edge_between_two_topics_is_curved(graph):
    graph.add_edge("Amazon S3", "AWS Glue", key="feeds|stated", relation="feeds", kind="stated", negated=False,
                   evidence=[], count=1)
    curved = [edge for edge in page_data(to_pyvis_html(graph))["edges"] if "smooth" in edge]
    assert len(curved) == 1 and {curved[0]["from"], curved[0]["to"]} == {"Amazon S3", "AWS Glue"}


def test_a_large_graph_is_cut_to_its_most_central_topics_with_a_notice(graph):
    page = to_pyvis_html(graph, max_nodes=3)
    assert len(page_data(page)["nodes"]) == 3
    assert "Showing the 3 most connected of 10 topics; filter the graph" in page
    assert "Showing the" not in to_pyvis_html(graph, max_nodes=3, notice=False)  # the app says it itself


@pytest.mark.parametrize("options, physics", [({}, True), ({"physics": False}, False)])
def test_physics(graph, options, physics):
    assert page_data(to_pyvis_html(graph, **options))["options"]["physics"]["enabled"] is physics


def test_legend(graph):
    assert "service (6)" in to_pyvis_html(graph)
    by_community = to_pyvis_html(graph, color_by="community")
    assert "Communities" in by_community and "negated" in by_community


def test_bad_options(graph):
    with pytest.raises(ValueError, match="unknown colour mode 'rainbow'"):
        to_pyvis_html(graph, color_by="rainbow")
    with pytest.raises(ValueError, match="max_nodes must be"):
        to_pyvis_html(graph, max_nodes=0)


def test_the_graph_is_not_changed(graph):
    before = json.dumps(sorted(map(str, graph.edges(keys=True, data=True)))) + str(sorted(graph.nodes(data=True)))
    to_pyvis_html(graph, color_by="community", size_by="betweenness")
    assert json.dumps(sorted(map(str, graph.edges(keys=True, data=True)))) + str(sorted(graph.nodes(data=True))) == before
