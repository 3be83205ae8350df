"""The explorer in a real browser: ``streamlit run`` on a free port, Debian's Chromium
(``make test`` installs it), every request that leaves localhost blocked and counted.
"""
from __future__ import annotations

import json
import time
from urllib.parse import urlencode
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from ..graph.conftest import HOSTILE_NOTE, HOSTILE_TEXT
from .test_uploads import KINESIS_NOTE
from .live_server import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, keep_local, serve_app


@pytest.fixture(scope="module")
def server(shipped_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    environment = {"NOTES_GRAPH_PATH": str(shipped_graph), "NOTES_WORKSPACE": str(folder / "workspace"),
                   "NOTES_CACHE_DIR": str(folder / "cache")}
    with serve_app(environment, folder / "streamlit.log") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    """A fresh session; after the test, no request may have left localhost and no script error occurred."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    traffic = keep_local(context)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(server.url)
    yield opened
    context.close()
    assert traffic.blocked == []
    assert traffic.hosts <= LOCAL_HOSTS | {"data", "blob", "about"}, traffic.hosts
    assert errors == []


def eventually(check: Callable[[], object], timeout: float = 30.0, what: str = "condition"):
    """The first truthy result of ``check()``, retried (a rerun replaces frames while we look)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
            if result:
                return result
        except PlaywrightError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def network_map(page: Page, *, after: int = 0):
    """The Network tab's map once it has drawn more than ``after`` views (``status.shows``)."""
    def drawn():
        found = page.locator(".kg-map")
        status = found.evaluate("map => map.notesGraph.status", timeout=1000)
        return found if status["drawnAt"] is not None and status["shows"] > after else None
    return eventually(drawn, what="the map")


def location(page: Page) -> str:
    """The address as the page has it now (``page.url`` only catches up when Playwright is called)."""
    return page.evaluate("location.href")


def map_status(page: Page) -> dict:
    return page.locator(".kg-map").evaluate("map => map.notesGraph.status")


def node_ids(page: Page) -> list[str]:
    """The topics on the map."""
    return network_map(page).evaluate("map => map.notesGraph.network.body.data.nodes.getIds()")


def topic_point(page: Page, topic: str) -> dict:
    """Where ``topic`` is drawn on the map, in page pixels."""
    return network_map(page).evaluate("""(map, topic) => {
        const network = map.notesGraph.network;
        const point = network.canvasToDOM(network.getPositions([topic])[topic]);
        const canvas = map.querySelector(".kg-canvas").getBoundingClientRect();
        return { x: canvas.left + point.x, y: canvas.top + point.y };
    }""", topic)


def widget(page: Page, key: str, inner: str = ""):
    """The widget with ``key`` as currently drawn (not a stale copy left from the last run)."""
    return page.locator(f'.st-key-{key}[data-stale="false"] {inner}'.strip())


def pick(page: Page, key: str, topic: str) -> None:
    """Choose ``topic`` in the searchable picker ``key``: type part of it, click the option."""
    widget(page, key, "input").click()
    page.keyboard.type(topic)
    page.get_by_role("option", name=topic, exact=True).click()


def test_the_network_canvas_appears(page):
    found = network_map(page)
    canvas = found.locator(".kg-canvas canvas").bounding_box()
    assert canvas["width"] > 600 and canvas["height"] > 400
    assert map_status(page)["nodes"] == 300  # the shipped graph is capped to its best-connected topics...
    assert page.get_by_text("most connected of").is_visible()  # ...and says so


def overlap(first: dict, second: dict) -> float:
    """The share of the smaller of two boxes that the other covers."""
    width = min(first["left"] + first["width"], second["left"] + second["width"]) - max(first["left"], second["left"])
    height = min(first["top"] + first["height"], second["top"] + second["height"]) - max(first["top"], second["top"])
    smaller = min(first["width"] * first["height"], second["width"] * second["height"])
    return max(width, 0) * max(height, 0) / smaller


def test_the_first_view_labels_the_most_central_topics_readably(page):
    found = network_map(page)
    status = map_status(page)
    assert status["drawnAt"] - status["startedAt"] < 3000  # positions come from Python: no physics to settle
    labels = {label["rank"]: label for label in found.evaluate("map => map.notesGraph.labels()")}
    central = [labels.get(rank) for rank in range(30)]
    assert all(central), [rank for rank, label in enumerate(central) if not label]  # drawn without zooming
    assert all(label["inside"] and label["px"] >= 11 for label in central)  # on the canvas, big enough to read
    assert max(overlap(first, second) for number, first in enumerate(central) for second in central[number + 1:]) < 0.1
    legend = found.locator(".kg-legend").bounding_box()
    canvas = found.locator(".kg-canvas").bounding_box()
    assert legend["x"] >= canvas["x"] + canvas["width"]  # beside the map, covering no topic


def click_topic(page, topics: list[str], *, double: bool = False) -> str:
    """Click (or double-click) the first of ``topics`` that no other topic covers; return it."""
    for topic in topics:
        point = topic_point(page, topic)
        hit = network_map(page).evaluate("""(map, point) => {
            const canvas = map.querySelector(".kg-canvas").getBoundingClientRect();
            return map.notesGraph.network.getNodeAt({ x: point.x - canvas.left, y: point.y - canvas.top });
        }""", point)
        if hit == topic:
            (page.mouse.dblclick if double else page.mouse.click)(point["x"], point["y"])
            return topic
    raise AssertionError(f"none of {topics} can be clicked")


def test_clicking_a_topic_opens_its_card_and_back_returns(page):
    found = network_map(page)
    ranked = found.evaluate("map => map.notesGraph.labels().sort((a, b) => a.rank - b.rank).map(label => label.id)")
    history = page.evaluate("history.length")
    topic = click_topic(page, ranked[:10])
    eventually(lambda: widget(page, "focus", "input").input_value() == topic, what="the focus")
    assert page.get_by_role("tab", selected=True).inner_text() == "Topic"
    page.get_by_role("heading", name=topic).wait_for()  # the card
    query = urlencode({"focus": topic, "tab": "Topic"})
    eventually(lambda: query in location(page), what="the focus and tab in the URL")
    assert page.evaluate("history.length") == history + 1  # one step back undoes the click
    page.go_back()
    eventually(lambda: "focus=" not in location(page) and widget(page, "focus", "input").input_value() == "",
               what="the view before the click")
    assert page.get_by_role("tab", selected=True).inner_text() == "Network"
    assert network_map(page)


def edge_point(page, wanted: str) -> dict:
    """A point of an edge of the map data that ``wanted`` (a JavaScript predicate) accepts,
    that no topic and no other edge covers (the middle if it can), in whole page pixels (where
    the mouse clicks: a point between pixels may be on another edge once rounded), with its ends."""
    return network_map(page).evaluate("""(map, wanted) => {
        const accept = eval(wanted);
        const network = map.notesGraph.network;
        const canvas = map.querySelector(".kg-canvas").getBoundingClientRect();
        for (const edge of map.notesGraph.data().edges.filter(accept)) {
            const places = network.getPositions([edge.from, edge.to]);
            const [a, b] = [network.canvasToDOM(places[edge.from]), network.canvasToDOM(places[edge.to])];
            for (const share of [0.5, 0.4, 0.6, 0.3, 0.7]) {
                const x = Math.round(canvas.left + a.x + (b.x - a.x) * share);
                const y = Math.round(canvas.top + a.y + (b.y - a.y) * share);
                const point = { x: x - canvas.left, y: y - canvas.top };
                if (network.getNodeAt(point) === undefined && network.getEdgeAt(point) === edge.id) {
                    return { x, y, from: edge.from, to: edge.to };
                }
            }
        }
    }""", wanted)


def click_edge(page, panel, wanted: str, tries: int = 3) -> dict:
    """Click the middle of an edge ``wanted`` accepts and wait for its sentences in the panel.
    The map may still be easing into place after a rerun, so a click that lands on another
    edge is tried again at the edge's new place."""
    for _ in range(tries):
        middle = edge_point(page, wanted)
        page.mouse.click(middle["x"], middle["y"])
        eventually(lambda: "“" in panel.inner_text(), what="the evidence panel")
        if middle["from"] in panel.inner_text() and middle["to"] in panel.inner_text():
            break
        page.wait_for_timeout(500)
    return middle


def test_double_clicking_expands_a_topic_and_an_edge_shows_its_sentences(page, server):
    page.goto(server.url + "/?focus=SageMaker+Clarify")
    found = network_map(page)
    before = set(node_ids(page))
    ranked = found.evaluate("map => map.notesGraph.labels().sort((a, b) => a.rank - b.rank).map(label => label.id)")
    topic = click_topic(page, [topic for topic in ranked if topic != "SageMaker Clarify"], double=True)
    eventually(lambda: urlencode({"expanded": topic}) in location(page), what="the expanded topic in the URL")
    network_map(page, after=1)
    assert set(node_ids(page)) > before
    assert widget(page, "focus", "input").input_value() == "SageMaker Clarify"  # still the same focus
    panel = found.locator(".kg-panel")
    middle = click_edge(page, panel, "edge => edge.from === 'SageMaker Clarify' || edge.to === 'SageMaker Clarify'")
    assert middle["from"] in panel.inner_text() and middle["to"] in panel.inner_text()
    assert " · line " in panel.inner_text()  # the note, section and line of the sentence
    assert topic  # the double-clicked topic stays on the map
    assert topic in node_ids(page)


def test_searching_focuses_a_topic(page, server):
    network_map(page)
    search = widget(page, "search", "input")
    search.fill("sagemaker clarfy")
    search.press("Enter")
    result = widget(page, "search_result_0", "button:visible")
    result.wait_for()
    assert result.inner_text() == "SageMaker Clarify"
    result.click()
    eventually(lambda: widget(page, "focus", "input").input_value() == "SageMaker Clarify", what="the focus")
    ids = eventually(lambda: (ids := node_ids(page)) and len(ids) < 300 and ids, what="the neighbourhood")
    assert "SageMaker Clarify" in ids
    eventually(lambda: "focus=SageMaker+Clarify" in page.url, what="the focus in the URL")
    # The link reopens the same view.
    page.goto(page.url)
    assert sorted(node_ids(page)) == sorted(ids)


def test_the_path_view_shows_a_path_from_model_monitor_to_cloudwatch(page):
    network_map(page)
    page.get_by_role("tab", name="Path").click()
    pick(page, "path_from", "SageMaker Model Monitor")
    pick(page, "path_to", "Amazon CloudWatch")
    ends = {"SageMaker Model Monitor", "Amazon CloudWatch"}
    eventually(lambda: (ids := node_ids(page)) and ends <= set(ids) and len(ids) < 30 and ids,
               what="the paths on the map")
    heavy = network_map(page).evaluate(
        "map => map.notesGraph.network.body.data.nodes.get().filter(node => node.borderWidth === 4).map(node => node.id)")
    assert ends <= set(heavy)  # the best path is highlighted
    legend = page.locator(".kg-legend").bounding_box()
    canvas = page.locator(".kg-canvas").bounding_box()
    assert legend["x"] >= canvas["x"] + canvas["width"] - 1  # the legend is beside the drawing, not on it
    first = page.get_by_text("Path 1", exact=False).first
    assert first.is_visible()
    assert "path_from=SageMaker+Model+Monitor" in page.url and "path_to=Amazon+CloudWatch" in page.url


def test_a_download_works(page):
    network_map(page)
    page.get_by_role("tab", name="Downloads").click()
    button = widget(page, "download_json", "button:visible")
    button.wait_for()
    with page.expect_download() as download:
        button.click()
    saved = download.value
    assert saved.suggested_filename == "notes-graph.json"
    data = json.loads(Path(saved.path()).read_text(encoding="utf-8"))
    counted = page.get_by_text("topics and").first.inner_text()
    assert f"{len(data['nodes']):,} topics" in counted and f"{len(data['edges']):,} edges" in counted


def map_links(page) -> set[tuple[str, str, str]]:
    """(from, label, to) of every edge on the map."""
    edges = network_map(page).evaluate("map => map.notesGraph.network.body.data.edges.get()")
    return {(edge["from"], edge.get("label", ""), edge["to"]) for edge in edges}


def build_from_upload(page, name: str, buffer: bytes) -> None:
    """Upload one note on the "Your notes" tab and build a graph of it on its own."""
    network_map(page)
    page.get_by_role("tab", name="Your notes").click()
    widget(page, "uploads", "input[type=file]").set_input_files(files=[
        {"name": name, "mimeType": "text/markdown", "buffer": buffer}])
    widget(page, "build_mode").get_by_text("On their own").click()
    widget(page, "rebuild", "button:visible").click()
    page.get_by_text("Built a graph of").wait_for(timeout=120_000)


def test_an_uploaded_note_shows_its_heading_link_and_negation_and_survives_a_reload(page):
    build_from_upload(page, "streaming.md", KINESIS_NOTE)
    page.get_by_role("tab", name="Network").click()
    expected = {("Amazon Kinesis Data Streams", "part of", "Amazon Kinesis"),  # from the headings
                ("Amazon Kinesis", "not used for", "long-term storage")}    # the negation
    assert expected <= eventually(lambda: map_links(page) if expected <= map_links(page) else None,
                                  what="the uploaded note's links")
    eventually(lambda: "workspace=" in location(page), what="the workspace in the URL")
    page.reload()
    assert expected <= eventually(lambda: map_links(page) if expected <= map_links(page) else None,
                                  what="the uploaded note's links after a reload")
    assert widget(page, "graph_source").get_by_role("radio", name="Your notes").is_checked()


def test_a_hostile_uploaded_note_renders_as_text(page):
    build_from_upload(page, 'evil<img src=x onerror="window.__xss=4">.md', HOSTILE_NOTE)
    # Find the hostile sentence, focus its topic and read its card.
    search = widget(page, "search", "input")
    search.fill("crawls")
    search.press("Enter")
    widget(page, "search_result_0", "button:visible").click()
    eventually(lambda: widget(page, "focus", "input").input_value(), what="the focus")  # the rerun is done
    page.get_by_role("tab", name="Topic").click()
    page.get_by_text("AWS Glue " + HOSTILE_TEXT + " crawls data in Amazon S3.", exact=False).first.wait_for()
    page.get_by_role("tab", name="Network").click()
    assert node_ids(page)  # the graph of the hostile note draws
    # Its sentences show beside the map as text.
    hostile = edge_point(page, "edge => edge.evidence.some(item => item.sentence.includes('<img'))")
    page.mouse.click(hostile["x"], hostile["y"])
    panel = network_map(page).locator(".kg-panel")
    eventually(lambda: HOSTILE_TEXT in panel.inner_text(), what="the hostile sentence, as text")
    assert panel.locator("img").count() == 0
    assert page.locator('img[src="x"]').count() == 0
    for frame in page.frames:
        assert frame.evaluate("typeof window.__xss") == "undefined", frame.url
