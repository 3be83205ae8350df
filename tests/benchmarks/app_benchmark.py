"""How fast the explorer shows its network, in Debian's Chromium, offline (not a pytest test).

    .venv/bin/python tests/benchmarks/app_benchmark.py [--runs 5]

Each run starts a fresh ``streamlit run app.py`` on a free port (so the graph is loaded and
drawn from cold caches) and measures, with every request leaving localhost blocked:

- ready -> canvas: from the server's health check answering to the map's canvas being
  visible with its first frame drawn (browser already running, page not yet opened);
- map data -> first frame: from the map receiving its data to vis-network's first frame
  (``status`` of explorer/assets/network_map.js); the layout is computed in Python and the
  map runs no physics, so the first frame is the settled layout;
- warm reload: the same page opened again on the running server (cached graph and map).

The default view (the shipped graph, capped to 300 topics) and a focused view are measured.
Medians are printed.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPOSITORY))

from playwright.sync_api import sync_playwright

from tests.app.live_server import CHROMIUM, CHROMIUM_ARGS, keep_local, serve_app, shipped_graph

MAP = ".kg-map"
FOCUSED = "?focus=Amazon+SageMaker&depth=1"


def open_network(browser, url: str, timeout_ms: int = 120_000) -> dict:
    """Open ``url`` in a fresh context; times (perf_counter) of the page and of the map's first frame."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    traffic = keep_local(context)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.get_by_text("Notes Graph ·").wait_for(timeout=timeout_ms)
    titled = time.perf_counter()
    found = page.wait_for_selector(MAP, timeout=timeout_ms)
    attached = time.perf_counter()
    page.wait_for_selector(f"{MAP} canvas", state="visible", timeout=timeout_ms)
    page.wait_for_function("map => map.notesGraph.status.drawnAt !== null", arg=found, timeout=timeout_ms, polling=20)
    canvas = time.perf_counter()
    # status times are performance.now() of the page: milliseconds since it began.
    status = found.evaluate("map => ({nodes: map.notesGraph.status.nodes, startedAt: map.notesGraph.status.startedAt,"
                            " drawnAt: map.notesGraph.status.drawnAt})")
    context.close()
    if traffic.blocked:
        raise RuntimeError(f"requests left localhost: {traffic.blocked}")
    return {"opened": started, "titled": titled, "attached": attached, "canvas": canvas, **status}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    graph = shipped_graph()
    rows: dict[str, list[float]] = {key: [] for key in (
        "ready -> canvas (s)", "  page open -> page title (s)", "  page open -> map (s)",
        "map data -> first frame (s)", "warm reload -> canvas (s)", "  warm: page open -> page title (s)",
        "focused: open -> canvas (s)", "focused: map data -> first frame (s)")}
    shown = {}
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        environment = {"NOTES_GRAPH_PATH": str(graph), "NOTES_WORKSPACE": str(Path(folder) / "workspace"),
                       "NOTES_CACHE_DIR": str(Path(folder) / "cache")}
        for run in range(args.runs):
            with serve_app(environment, Path(folder) / f"streamlit-{run}.log") as server:
                cold = open_network(browser, server.url)
                warm = open_network(browser, server.url)
                focused = open_network(browser, server.url + FOCUSED)
            rows["ready -> canvas (s)"].append(cold["canvas"] - server.ready_at)
            rows["  page open -> page title (s)"].append(cold["titled"] - cold["opened"])
            rows["  page open -> map (s)"].append(cold["attached"] - cold["opened"])
            rows["map data -> first frame (s)"].append((cold["drawnAt"] - cold["startedAt"]) / 1000)
            rows["warm reload -> canvas (s)"].append(warm["canvas"] - warm["opened"])
            rows["  warm: page open -> page title (s)"].append(warm["titled"] - warm["opened"])
            rows["focused: open -> canvas (s)"].append(focused["canvas"] - focused["opened"])
            rows["focused: map data -> first frame (s)"].append((focused["drawnAt"] - focused["startedAt"]) / 1000)
            shown = {"default": cold["nodes"], "focused": focused["nodes"]}
            print(f"run {run + 1}: " + ", ".join(f"{name} {values[-1]:.2f}" for name, values in rows.items()),
                  flush=True)
        browser.close()
    print(f"\nShipped graph {graph.relative_to(REPOSITORY)}; default view draws {shown['default']} topics, "
          f"focused view ({FOCUSED}) {shown['focused']} (layouts computed in Python, no physics).")
    print(f"Medians of {args.runs} runs (fresh server each run, Chromium {CHROMIUM}, headless):")
    for name, values in rows.items():
        print(f"  {name:<38} {statistics.median(values):6.2f}   (min {min(values):.2f}, max {max(values):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
