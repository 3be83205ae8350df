"""The Topic tab (the focused topic's card) and the Path tab (pickers, drawn and explained paths)."""
import pytest

from graph import save_graph

from ..graph.conftest import study_graph
from .conftest import CHEAT, DEFINITION, STUDY, checked, displayed, drawn, drawn_path, map_data, open_tab, page_text


def test_without_a_focus_the_topic_tab_offers_central_topics(app):
    open_tab(app, "Topic")
    assert "No topic chosen" in page_text(app)
    first = app.button(key="suggested_0")
    assert first.label == "SageMaker Model Monitor"  # the best-connected topic: 4 links
    first.click()
    checked(app.run())
    assert app.selectbox(key="focus").value == "SageMaker Model Monitor"
    assert app.subheader[0].value == "SageMaker Model Monitor"


def test_the_card_shows_type_aliases_definition_relations_evidence_and_sources(make_app):
    app = make_app(focus="SageMaker Model Monitor", tab="Topic")
    text = page_text(app)
    assert app.subheader[0].value == "SageMaker Model Monitor"
    assert ":orange-badge[service]" in text and "part of **Amazon SageMaker**" in text
    assert "**Also called:** Model Monitor" in text
    # The defining sentence, with the note and section it stands in.
    assert f"“{DEFINITION}”" in text and f"{STUDY} · SageMaker > Model Monitor · line 14" in text
    headings = [expander.label.replace("\\", "") for expander in app.expander]
    assert headings == [  # stated relations first, open; the rest folded
        "SageMaker Model Monitor → detects → … (1)",
        "SageMaker Model Monitor → integrates with → … (1)",
        "SageMaker Model Monitor → :red[not used for] → … (1)",  # negated, marked
        "More relations: structure, co-occurrence, broad topics (1 group, 1 linked topic)",
    ]
    assert [expander.proto.expanded for expander in app.expander] == [True, True, True, False]
    assert "**SageMaker Model Monitor → part of → … (1)**" in text
    assert "“SageMaker > Model Monitor”" in text  # a folded link keeps its first sentence
    assert ":red-badge[negated] :gray[stated · 1 sentence]" in text
    assert "“Drift in data is detected by Model Monitor.”" in text and f"{CHEAT} · Monitoring · line 80" in text
    assert f"**Sources:** {CHEAT}, {STUDY}" in text
    assert [metric.label for metric in app.metric] == ["Linked topics", "Notes", "Relations"]
    assert [metric.value for metric in app.metric] == ["4", "2", "4"]
    # Co-occurrence is off by default: the card counts the whole graph and says what the filters keep.
    assert "with the current filters" not in text  # all four links are stated or structural


def test_incoming_relations_name_the_topic_as_object(make_app):
    app = make_app(focus="Amazon SageMaker", tab="Topic")
    headings = [expander.label.replace("\\", "") for expander in app.expander]
    assert "Amazon SageMaker → reads data from → … (1)" in headings
    assert "**… → part of → Amazon SageMaker (2)**" in page_text(app)  # structural: folded


def test_going_to_a_linked_topic_focuses_it(make_app):
    app = make_app(focus="SageMaker Model Monitor", tab="Topic")
    assert set(app.selectbox(key="card_goto").options) == {
        "data drift", "Amazon CloudWatch", "model retraining", "Amazon SageMaker"}
    app.selectbox(key="card_goto").set_value("Amazon CloudWatch")
    checked(app.run())
    assert app.selectbox(key="focus").value == "Amazon CloudWatch"
    assert app.subheader[0].value == "Amazon CloudWatch"


def test_each_linked_topic_on_the_card_is_a_button_that_focuses_it(make_app):
    app = make_app(focus="SageMaker Model Monitor", tab="Topic")
    labels = {button.key: button.label for button in app.button if button.key.startswith("card_focus_")}
    assert set(labels.values()) == {"data drift", "Amazon CloudWatch", "model retraining", "Amazon SageMaker"}
    key = next(key for key, label in labels.items() if label == "Amazon CloudWatch")
    app.button(key=key).click()
    checked(app.run())
    assert app.selectbox(key="focus").value == "Amazon CloudWatch"
    assert app.subheader[0].value == "Amazon CloudWatch"


def test_the_card_says_how_many_linked_topics_the_filters_keep(make_app):
    app = make_app(focus="Amazon S3", tab="Topic")  # linked to AWS Glue and CloudWatch by co-occurrence only
    assert [metric.value for metric in app.metric][0] == "3"
    assert "1 linked topic with the current filters, as the Insights tab counts them." in page_text(app)


def test_a_topic_with_no_edge_says_so(make_app):
    app = make_app(focus="isolated topic", tab="Topic")
    assert "link it to nothing" in page_text(app)


def test_the_path_tab_asks_for_two_topics_and_can_start_from_the_focus(make_app):
    app = make_app(focus="bias", tab="Path")
    assert "Choose two topics" in page_text(app)
    app.button(key="path_from_focus").click()
    checked(app.run())
    assert app.selectbox(key="path_from").value == "bias"


def test_paths_are_drawn_highlighted_and_explained_hop_by_hop(app):
    open_tab(app, "Path")
    app.selectbox(key="path_from").set_value("Amazon CloudWatch")
    app.selectbox(key="path_to").set_value("Amazon S3")
    checked(app.run())
    picture = drawn_path(app)
    assert picture["nodes"] == {"Amazon CloudWatch", "SageMaker Model Monitor", "Amazon SageMaker", "Amazon S3"}
    heavy = {node["id"] for node in map_data(app)["nodes"] if node["borderWidth"] == 4}
    assert heavy == picture["nodes"]  # the best path is highlighted
    text = page_text(app)
    assert "**Path 1** · fair link: 3 steps, stated in the notes or given by their headings" in text
    assert "1. **Amazon CloudWatch** ←*integrates with*— **SageMaker Model Monitor**" in text  # walked backwards
    assert "3. **Amazon SageMaker** —*reads data from*→ **Amazon S3**" in text
    assert "“SageMaker reads training data from Amazon S3.”" in text and "cheat-sheet.txt · Storage · line 40" in text


def test_paths_follow_the_filters_and_say_when_there_is_none(app):
    open_tab(app, "Path")
    app.selectbox(key="path_from").set_value("AWS Glue")
    app.selectbox(key="path_to").set_value("Amazon S3")
    checked(app.run())
    assert "No path links **AWS Glue** and **Amazon S3** with the current filters" in page_text(app)
    app.multiselect(key="edge_kinds").set_value(["stated", "structural", "co-occurrence"])
    checked(app.run())
    assert "**Path 1** · fair link: 1 step, only named together in a sentence" in page_text(app)
    assert "**AWS Glue** :gray[— named with —] **Amazon S3**" in page_text(app)


def test_swap_and_path_count(app):
    open_tab(app, "Path")
    app.selectbox(key="path_from").set_value("bias")
    app.selectbox(key="path_to").set_value("Amazon CloudWatch")
    app.slider(key="path_count").set_value(1)
    checked(app.run())
    app.button(key="path_swap").click()
    checked(app.run())
    assert (app.selectbox(key="path_from").value, app.selectbox(key="path_to").value) == ("Amazon CloudWatch", "bias")
    assert "**Path 1**" in page_text(app) and "**Path 2**" not in page_text(app)


def test_the_same_topic_twice_asks_for_two(app):
    open_tab(app, "Path")
    app.selectbox(key="path_from").set_value("bias")
    app.selectbox(key="path_to").set_value("bias")
    assert "Choose two different topics" in page_text(checked(app.run()))


@pytest.mark.parametrize("source, target", [("SageMaker Model Monitor", "Amazon CloudWatch")])
def test_path_endpoints_come_from_the_url(make_app, source, target):
    app = make_app(path_from=source, path_to=target, tab="Path")
    assert (app.selectbox(key="path_from").value, app.selectbox(key="path_to").value) == (source, target)
    assert "**Path 1** · strong link: 1 step, stated in the notes" in page_text(app)


def test_what_the_notes_say_about_both_topics_comes_before_the_paths(make_app):
    text = page_text(make_app(path_from="SageMaker Model Monitor", path_to="Amazon S3", tab="Path"))
    assert "**Both link to:** Amazon SageMaker" in text  # CloudWatch only co-occurs with S3: hidden by default
    assert text.index("**Both link to:**") < text.index("**Path 1**")
    text = page_text(make_app(path_from="Amazon CloudWatch", path_to="SageMaker Model Monitor", tab="Path"))
    assert text.index("**Said directly**") < text.index("**Path 1**")


def test_topics_linked_only_through_a_hub_are_called_loosely_linked(app_paths, make_app):
    save_graph(study_graph(specific=False), app_paths["graph"])
    app = make_app(path_from="SMOTE", path_to="Amazon SageMaker", tab="Path")
    assert [displayed(warning.value) for warning in app.warning] == [
        "SMOTE and Amazon SageMaker are only loosely linked in these notes: every path found runs through the broad "
        "topic accuracy, which is linked to almost everything."]
    assert "**Both link to:** accuracy :gray[(broad topic)]" in page_text(app)
    assert [expander.label for expander in app.expander] == ["Show the closest path anyway"]
    assert "**Path 1** · weak link: 2 steps through the broad topic accuracy, each stated in the notes" in page_text(app)
