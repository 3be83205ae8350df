"""The exported page in a real browser (Debian's Chromium, `make browser` installs it), offline.

Every request that is not a file is blocked: the page must draw with none, show hostile note
text as text and run none of it.
"""
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from graph.cli import main
from graph.html_export import to_pyvis_html
from graph.io import load_graph

from .conftest import HOSTILE_LABEL, HOSTILE_NOTE, HOSTILE_TEXT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_offline(browser, path: Path):
    """The page at ``path``, every non-file request blocked, with the problems it reports."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))

    def route(request_route):
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            problems.append(f"request: {request_route.request.url}")
            request_route.abort()
    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("window.graphStatus && window.graphStatus.settledAt !== null", timeout=30_000)
    return page, problems


def test_the_page_draws_offline_and_runs_no_note_text(browser, hostile_graph, tmp_path):
    path = tmp_path / "graph.html"
    path.write_text(to_pyvis_html(hostile_graph, title=HOSTILE_LABEL), encoding="utf-8")
    page, problems = open_offline(browser, path)

    assert page.evaluate("network.body.data.nodes.length") == hostile_graph.number_of_nodes()
    assert page.evaluate("network.body.data.edges.length") == hostile_graph.number_of_edges()
    painted = page.evaluate("""() => {
        const canvas = document.querySelector('#mynetwork canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) inked++; }
        return [canvas.width, canvas.height, inked];
    }""")
    assert painted[0] > 0 and painted[1] > 0 and painted[2] > 500  # something is drawn
    assert page.locator("h1").inner_text() == HOSTILE_LABEL  # the title shows as text

    # Hover the hostile topic: its tooltip shows the label and its evidence as text, no elements.
    point = page.evaluate("""(id) => {
        const xy = network.canvasToDOM(network.getPositions([id])[id]);
        const box = document.getElementById('mynetwork').getBoundingClientRect();
        return [box.left + xy.x, box.top + xy.y];
    }""", HOSTILE_LABEL)
    page.mouse.move(point[0], point[1])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert HOSTILE_LABEL in tooltip.inner_text()
    assert "</script><script>window.__xss=2</script>" in tooltip.inner_text()
    assert tooltip.locator("img, a, script, [onmouseover]").count() == 0

    assert page.evaluate("window.__xss") is None
    assert problems == []
    page.close()


def test_a_graph_built_from_a_hostile_note_exports_a_page_that_runs_none_of_it(browser, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / 'evil<script>window.__xss=6<\\script>.md').write_bytes(HOSTILE_NOTE)
    built, page_path = tmp_path / "graph.json", tmp_path / "graph.html"
    assert main(["build", str(notes), "--out", str(built), "--quiet", "--no-cache"]) == 0
    assert main(["export", "--graph", str(built), "--format", "html", "--out", str(page_path),
                 "--title", 'The href of <a href="javascript:window.__xss=3">notes</a>']) == 0
    graph = load_graph(built)
    assert {"AWS Glue", "Amazon Athena", "Amazon S3"} <= set(graph)
    page, problems = open_offline(browser, page_path)

    assert page.evaluate("network.body.data.nodes.length") == graph.number_of_nodes()
    assert page.locator("h1").inner_text() == 'The href of <a href="javascript:window.__xss=3">notes</a>'
    # The evidence the note escaped shows as the text it wrote, in the tooltip of its edge.
    tooltips = page.evaluate("network.body.data.edges.get().map(edge => edge.title && edge.title.innerText || '')")
    assert any(f"AWS Glue {HOSTILE_TEXT} crawls data in Amazon S3." in tooltip for tooltip in tooltips), tooltips
    assert any('&lt;a href="javascript:' not in tooltip and '<a href="javascript:window.__xss=3">href</a>' in tooltip
               for tooltip in tooltips)
    assert page.locator("img, a[href^=javascript], [onerror], [onclick]").count() == 0
    assert page.evaluate("window.__xss") is None
    assert problems == []
    page.close()


def test_find_focuses_a_topic(browser, graph, tmp_path):
    path = tmp_path / "graph.html"
    path.write_text(to_pyvis_html(graph), encoding="utf-8")
    page, problems = open_offline(browser, path)
    page.fill("#kg-find", "Amazon S3")
    page.dispatch_event("#kg-find", "change")
    assert page.evaluate("network.getSelectedNodes()") == ["Amazon S3"]
    assert problems == []
    page.close()
