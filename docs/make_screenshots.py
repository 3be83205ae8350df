"""The README's screenshots, taken from the explorer running on the shipped graph.

    .venv/bin/python docs/make_screenshots.py [--out docs]

Starts ``streamlit run app.py`` on a free localhost port (the shipped graph, built first if
it is missing), opens each view in Debian's Chromium with every request that leaves
localhost blocked, waits until it is drawn, and writes one PNG per view:

- ``first-view.png``: the whole graph, as the explorer opens;
- ``focused-view.png``: a topic's neighbourhood on the map, an edge's sentences beside it;
- ``path.png``: the best paths between two topics, explained step by step;
- ``topic-card.png``: a topic's card.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from tests.app.live_server import CHROMIUM, CHROMIUM_ARGS, keep_local, serve_app, shipped_graph  # noqa: E402

VIEWPORT = {"width": 1440, "height": 1180}
TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class Shot:
    """A view to photograph: its file, its address, and how to tell it is ready."""

    name: str
    query: str
    ready: Callable[[Page], None]
    sidebar: bool = True  # keep the sidebar (its filters) in the picture


def map_drawn(page: Page) -> None:
    found = page.wait_for_selector(".kg-map", timeout=TIMEOUT_MS)
    page.wait_for_function("map => map.notesGraph.status.drawnAt !== null", arg=found, timeout=TIMEOUT_MS)
    page.wait_for_timeout(500)  # the label fonts of the first frame are set; let it repaint


def map_with_evidence(page: Page) -> None:
    """The map, with the sentences of one of the focused topic's stated edges shown beside it."""
    map_drawn(page)
    point = page.locator(".kg-map").evaluate("""map => {
        const network = map.notesGraph.network;
        const canvas = map.querySelector(".kg-canvas").getBoundingClientRect();
        const edges = map.notesGraph.data().edges.filter((edge) => edge.kind === "stated" && edge.evidence.length);
        for (const edge of edges) {
            const places = network.getPositions([edge.from, edge.to]);
            const [a, b] = [network.canvasToDOM(places[edge.from]), network.canvasToDOM(places[edge.to])];
            for (const share of [0.5, 0.4, 0.6]) {
                const point = { x: a.x + (b.x - a.x) * share, y: a.y + (b.y - a.y) * share };
                if (network.getNodeAt(point) === undefined && network.getEdgeAt(point) === edge.id) {
                    return { x: canvas.left + point.x, y: canvas.top + point.y };
                }
            }
        }
        return null;
    }""")
    if point:
        page.mouse.click(point["x"], point["y"])
        page.locator(".kg-panel blockquote").first.wait_for(timeout=TIMEOUT_MS)
    page.mouse.move(5, 5)  # no tooltip in the picture


def paths_drawn(page: Page) -> None:
    """The Path tab draws its paths on the same map as the Network tab."""
    page.get_by_text("Path 1").first.wait_for(timeout=TIMEOUT_MS)
    map_drawn(page)


def card_drawn(page: Page) -> None:
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=TIMEOUT_MS)
    page.locator('.st-key-card_focus_0_0 button').first.wait_for(timeout=TIMEOUT_MS)
    page.locator('.st-key-search input').wait_for(timeout=TIMEOUT_MS)
    page.wait_for_timeout(500)


SHOTS = (
    Shot("first-view.png", "", map_drawn),
    Shot("focused-view.png", "?focus=SageMaker+Model+Monitor", map_with_evidence),
    Shot("path.png", "?tab=Path&path_from=SageMaker+Model+Monitor&path_to=Amazon+S3", paths_drawn, sidebar=False),
    Shot("topic-card.png", "?focus=SageMaker+Clarify&tab=Topic", card_drawn, sidebar=False),
)


def photograph(browser, url: str, shot: Shot, out: Path) -> Path:
    """Open ``shot`` on the app at ``url`` in a fresh session and save its picture in ``out``."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    traffic = keep_local(context)
    page = context.new_page()
    page.goto(url + shot.query)
    shot.ready(page)
    target = out / shot.name
    if shot.sidebar:
        page.screenshot(path=str(target))
    else:
        main = page.locator('[data-testid="stMain"]').bounding_box()
        page.screenshot(path=str(target), clip={"x": main["x"], "y": 0, "width": main["width"],
                                                "height": VIEWPORT["height"]})
    context.close()
    if traffic.blocked:
        raise RuntimeError(f"requests left localhost: {traffic.blocked}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPOSITORY / "docs", help="folder for the PNG files")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        environment = {"NOTES_GRAPH_PATH": str(shipped_graph()), "NOTES_WORKSPACE": str(Path(folder) / "workspace"),
                       "NOTES_CACHE_DIR": str(Path(folder) / "cache")}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve_app(environment, Path(folder) / "streamlit.log") as server:
            for shot in SHOTS:
                print(photograph(browser, server.url, shot, args.out), flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
