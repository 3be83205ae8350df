"""The Network tab's map without a browser: the data it is given, expanded topics, a frozen
layout, a focus's neighbourhood cut where the map is, and a script that needs no network
(clicks themselves are in test_browser.py)."""
import re
from unittest.mock import patch

from explorer import products, views
from explorer.network_map import map_css, map_script
from explorer.views import ViewSpec
from graph import neighbourhood, save_graph

from .conftest import checked, drawn, make_graph, map_data, page_text


def test_the_map_gets_data_never_html(app):
    data = map_data(app)
    assert {"nodes", "edges", "legend", "labelled", "height", "frozen", "arranged"} <= set(data)
    assert not app.get("iframe")  # the Network tab draws no page of its own
    assert data["frozen"] is False and data["arranged"] is False


def test_the_script_inlines_vis_network_and_fetches_nothing():
    script, css = map_script(), map_css()
    assert "vis.Network" in script and "export default function" in script
    assert "sourceMappingURL" not in script
    assert not re.search(r"""\bimport\s*(\(|[\w{*])[^;]*?["'](https?:)?//""", script)  # no module from elsewhere
    assert not re.search(r"""(url\(\s*['"]?|@import\s*['"]?)(https?:)?//""", css)
    assert "vis-tooltip" in css and "innerHTML" not in script.split("const vis = {};")[1].split("})(vis,")[-1]


def test_expanded_topics_bring_their_neighbours(make_app):
    app = make_app(focus="bias")
    assert drawn(app)["nodes"] == {"bias", "SageMaker Clarify"}
    app.multiselect(key="expanded").set_value(["SageMaker Clarify"])
    assert drawn(checked(app.run()))["nodes"] == {"bias", "SageMaker Clarify", "Amazon SageMaker"}


def test_a_new_focus_folds_the_expanded_topics(make_app):
    app = make_app(focus="bias", expanded="SageMaker Clarify")
    assert "Amazon SageMaker" in drawn(app)["nodes"]
    app.button(key="clear_focus").click()
    checked(app.run())
    assert app.multiselect(key="expanded").value == []


def test_a_frozen_layout_keeps_where_the_user_left_topics(app, app_paths):
    app.session_state["_arranged"] = {str(app_paths["graph"]): {"bias": (123.0, -45.0)}}
    before = {node["id"]: (node["x"], node["y"]) for node in map_data(checked(app.run()))["nodes"]}
    assert before["bias"] != (123.0, -45.0)  # not frozen: the computed layout
    app.toggle(key="freeze_layout").set_value(True)
    data = map_data(checked(app.run()))
    after = {node["id"]: (node["x"], node["y"]) for node in data["nodes"]}
    assert after["bias"] == (123.0, -45.0) and data["frozen"] and data["arranged"]
    assert all(after[topic] == place for topic, place in before.items() if topic != "bias")


def hub_graph(spokes: int = 30, leaves: int = 4):
    """A hub linked to ``spokes`` topics, each linked to ``leaves`` topics of its own: its
    neighbourhood at depth 2 holds ``1 + spokes * (1 + leaves)`` topics."""
    said = [("notes.md", "Hub", 1, "A sentence of the notes.")]
    nodes = [("hub", "service", [], "", "", "")]
    edges = []
    for spoke in range(spokes):
        nodes.append((f"spoke {spoke}", "concept", [], "", "", ""))
        edges.append(("hub", "uses", f"spoke {spoke}", "stated", False, said))
        for leaf in range(leaves):
            nodes.append((f"leaf {spoke}.{leaf}", "concept", [], "", "", ""))
            edges.append((f"spoke {spoke}", "uses", f"leaf {spoke}.{leaf}", "stated", False, said))
    return make_graph(nodes, edges, notes=["notes.md"])


def test_a_focus_neighbourhood_is_walked_no_further_than_the_map_draws():
    graph, asked = hub_graph(), []

    def spy(*args, **options):
        asked.append(options.get("max_nodes"))
        return neighbourhood(*args, **options)

    assert len(neighbourhood(graph, "hub", depth=2)) == 151  # more than the cap
    with patch.object(views, "neighbourhood", spy):
        picture = products.network_map(graph, "hub graph, capped", ViewSpec(focus="hub", depth=2), "type", 50)
    assert asked[0] == 50  # the focus's neighbourhood is asked for no more than the map draws
    assert picture.topics <= 50 and picture.shown_topics <= 50 and picture.cut
    assert {"hub", *(f"spoke {spoke}" for spoke in range(30))} <= {node["id"] for node in picture.data["nodes"]}


def test_a_neighbourhood_smaller_than_the_cap_is_drawn_whole_and_not_cut():
    picture = products.network_map(hub_graph(), "hub graph, whole", ViewSpec(focus="hub", depth=2), "type", 200)
    assert (picture.topics, picture.shown_topics, picture.cut) == (151, 151, False)


def test_the_app_says_when_a_focus_neighbourhood_was_cut(make_app, app_paths):
    save_graph(hub_graph(), app_paths["graph"])
    app = make_app(focus="hub", depth="2", max_nodes="50")
    assert len(drawn(app)["nodes"]) == 50
    assert "may hold more" in page_text(app)
