"""The Insights tab (central topics, communities, notes, comparison) and the Downloads tab."""
import json
import zipfile
from io import BytesIO

import networkx as nx
import pytest

from explorer.downloads_tab import FORMATS
from explorer.products import export_view
from explorer.views import ViewSpec
from graph import EXPORT_FORMATS

from .conftest import (
    CHEAT,
    STUDY,
    button_group,
    checked,
    make_graph,
    open_tab,
    page_text,
)


def test_insights_show_counts_central_topics_communities_and_notes(app):
    open_tab(app, "Insights")
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics == {"Topics": "8", "Edges": "7", "Notes": "2", "Communities": metrics["Communities"],
                       "Negated edges": "1"}
    services, concepts, clusters, notes = (frame.value for frame in app.dataframe)
    assert services["Topic"].iloc[0] == "SageMaker Model Monitor"
    assert set(concepts["Topic"]) == {"data drift", "bias", "model retraining"}
    assert clusters["Topics"].sum() == 8 and int(metrics["Communities"]) == len(clusters)
    assert list(notes["Note"]) == [CHEAT, STUDY]


def test_betweenness_ranks_the_topics_that_connect_others(app):
    open_tab(app, "Insights")
    button_group(app, "centrality_measure").set_value("betweenness")
    checked(app.run())
    services = app.dataframe[0].value
    assert list(services.columns) == ["Rank", "Topic", "Linked topics (filtered)", "On shortest paths (share)"]
    assert services["Topic"].iloc[0] == "SageMaker Model Monitor"
    assert all(value.endswith("%") for value in services["On shortest paths (share)"])  # no raw decimals


def test_two_topics_compared_side_by_side(app):
    open_tab(app, "Insights")
    app.selectbox(key="compare_first").set_value("SageMaker Model Monitor")
    app.selectbox(key="compare_second").set_value("SageMaker Clarify")
    checked(app.run())
    text = page_text(app)
    assert "Similarity **20%**" in text  # Amazon SageMaker shared, of 5 linked topics in all
    assert "shared relations: detects, part of" in text
    assert "**Both link to:** Amazon SageMaker" in text
    assert "SageMaker Model Monitor *integrates with* Amazon CloudWatch" in text


def test_every_export_format_has_a_download_button(app):
    open_tab(app, "Downloads")
    assert "**8** topics and **7** edges" in page_text(app)
    assert set(FORMATS) == set(EXPORT_FORMATS)
    for format, (label, extension, *_) in FORMATS.items():
        button = app.get("download_button")[list(FORMATS).index(format)]
        assert button.key == f"download_{format}" and button.label == label


def test_download_file_names_follow_the_focus(make_app):
    app = make_app(focus="SageMaker Model Monitor", tab="Downloads")
    assert "**5** topics and **4** edges" in page_text(app)
    assert all(not button.proto.disabled for button in app.get("download_button"))


@pytest.mark.parametrize("format", EXPORT_FORMATS)
def test_downloads_hold_the_current_view(format):
    spec = ViewSpec(focus="Amazon CloudWatch")
    data = export_view(make_graph(), spec, format, "Amazon CloudWatch: neighbourhood, depth 1")
    if format == "json":
        assert {node["id"] for node in json.loads(data)["nodes"]} == {"Amazon CloudWatch", "SageMaker Model Monitor"}
    elif format == "csv":
        names = zipfile.ZipFile(BytesIO(data)).namelist()
        assert names == ["nodes.csv", "edges.csv", "evidence.csv"]
    elif format == "neo4j":
        nodes = zipfile.ZipFile(BytesIO(data)).read("nodes.csv").decode()
        assert "Amazon CloudWatch" in nodes and "AWS Glue" not in nodes
    elif format == "graphml":
        assert set(nx.parse_graphml(data.decode())) == {"Amazon CloudWatch", "SageMaker Model Monitor"}
    else:
        assert b"Amazon CloudWatch" in data and b"AWS Glue" not in data


def test_the_picture_download_is_the_map_as_the_user_left_it():
    spec = ViewSpec(focus="Amazon CloudWatch")
    data = export_view(make_graph(), spec, "svg", "Amazon CloudWatch: neighbourhood, depth 1", color_by="community",
                       positions={"Amazon CloudWatch": (-321.0, 123.0)})
    text = data.decode()
    assert text.count("<circle") == 2 and 'cx="-321.0" cy="123.0"' in text
    assert "<title>Amazon CloudWatch: neighbourhood, depth 1</title>" in text and "Communities" in text
