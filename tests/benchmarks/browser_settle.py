"""How long the exported graph takes to settle in headless Chromium (not collected by pytest).

Used by graph_benchmark.py and build_benchmark.py; skipped, with the reason, when Chromium or
Playwright is missing.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def settle_times(pages: list[tuple[str, Path]], loads: int) -> list[str]:
    """Median time from navigation start until the drawn graph is still, in headless Chromium."""
    if not Path(CHROMIUM).exists():
        return [f"  skipped: {CHROMIUM} is missing (make browser installs it)"]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        return [f"  skipped: Playwright is not installed ({error})"]
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, path in pages:
                settled, walls, status = [], [], {}
                for _ in range(loads):
                    page = browser.new_page(viewport={"width": 1400, "height": 900})
                    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                               else route.abort())
                    start = time.perf_counter()
                    page.goto(path.as_uri())
                    page.wait_for_function("window.graphStatus && window.graphStatus.settledAt !== null",
                                           timeout=120_000)
                    walls.append(time.perf_counter() - start)
                    status = page.evaluate("window.graphStatus")
                    settled.append(status["settledAt"] / 1000)
                    page.close()
                size = path.stat().st_size / 1e6
                rows.append(f"  {label}: settled {statistics.median(settled):.2f} s after navigation start "
                            f"(wall {statistics.median(walls):.2f} s; median of {loads} loads; {status['nodes']:,} "
                            f"topics, {status['edges']:,} edges, {size:.1f} MB)   target < 3 s: "
                            f"{'ok' if statistics.median(settled) < 3 else 'MISSED'}")
            browser.close()
    except Exception as error:  # a benchmark must still report the rest
        rows.append(f"  skipped: Chromium could not run the page ({type(error).__name__}: {error})")
    return rows
