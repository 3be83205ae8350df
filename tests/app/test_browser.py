"""The explorer in a real browser: ``streamlit run`` on a free port, Debian's Chromium
(``make test`` installs it), every request that leaves localhost blocked and counted.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from ..graph.conftest import HOSTILE_NOTE, HOSTILE_TEXT
from .conftest import NETWORK_TITLE
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


def network(page: Page, title: str = NETWORK_TITLE):
    """The frame of the network titled ``title`` once its canvas is drawn."""
    def drawn():
        frame = page.locator(f'iframe[title="{title}"]').element_handle(timeout=1000).content_frame()
        ready = frame.evaluate("window.graphStatus && window.graphStatus.drawnAt !== null")
        return frame if ready and frame.locator("#mynetwork canvas").is_visible() else None
    return eventually(drawn, what=f"the network {title!r}")


def node_ids(page: Page, title: str = NETWORK_TITLE) -> list[str]:
    return network(page, title).evaluate("network.body.data.nodes.getIds()")


def widget(page: Page, key: str, inner: str = ""):
    """The widget with ``key`` as currently drawn (not a stale copy left from the last run)."""
    return page.locator(f'.st-key-{key}[data-stale="false"] {inner}'.strip())


def pick(page: Page, key: str, topic: str) -> None:
    """Choose ``topic`` in the searchable picker ``key``: type part of it, click the option."""
    widget(page, key, "input").click()
    page.keyboard.type(topic)
    page.get_by_role("option", name=topic, exact=True).click()


def test_the_network_canvas_appears(page):
    frame = network(page)
    canvas = frame.locator("#mynetwork canvas").bounding_box()
    assert canvas["width"] > 600 and canvas["height"] > 400
    shown = frame.evaluate("network.body.data.nodes.length")
    assert shown == 300  # the shipped graph is capped to its best-connected topics...
    assert page.get_by_text("most connected of").is_visible()  # ...and says so


def test_searching_focuses_a_topic(page, server):
    network(page)
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
    network(page)
    page.get_by_role("tab", name="Path").click()
    pick(page, "path_from", "SageMaker Model Monitor")
    pick(page, "path_to", "Amazon CloudWatch")
    ids = node_ids(page, "Paths from SageMaker Model Monitor to Amazon CloudWatch")
    assert {"SageMaker Model Monitor", "Amazon CloudWatch"} <= set(ids)
    first = page.get_by_text("Path 1", exact=False).first
    assert first.is_visible()
    assert "path_from=SageMaker+Model+Monitor" in page.url and "path_to=Amazon+CloudWatch" in page.url


def test_a_download_works(page):
    network(page)
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


def test_a_hostile_uploaded_note_renders_as_text(page):
    network(page)
    page.get_by_role("tab", name="Your notes").click()
    widget(page, "uploads", "input[type=file]").set_input_files(files=[
        {"name": 'evil<img src=x onerror="window.__xss=4">.md', "mimeType": "text/markdown", "buffer": HOSTILE_NOTE}])
    widget(page, "build_mode").get_by_text("On their own").click()
    widget(page, "rebuild", "button:visible").click()
    page.get_by_text("Built a graph of").wait_for(timeout=120_000)
    # Find the hostile sentence, focus its topic and read its card.
    search = widget(page, "search", "input")
    search.fill("crawls")
    search.press("Enter")
    widget(page, "search_result_0", "button:visible").click()
    page.get_by_role("tab", name="Topic").click()
    page.get_by_text("AWS Glue " + HOSTILE_TEXT + " crawls data in Amazon S3.", exact=False).first.wait_for()
    page.get_by_role("tab", name="Network").click()
    assert node_ids(page)  # the graph of the hostile note draws
    assert page.locator('img[src="x"]').count() == 0
    for frame in page.frames:
        assert frame.evaluate("typeof window.__xss") == "undefined", frame.url
