"""The Network tab's map without a browser: the data it is given, expanded topics, a frozen
layout, and a script that needs no network (clicks themselves are in test_browser.py)."""
import re

from explorer.network_map import map_css, map_script

from .conftest import checked, drawn, map_data


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
