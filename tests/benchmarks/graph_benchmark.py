"""Median latency of the graph queries and exports, on the seed graph and a generated big graph.

    .venv/bin/python tests/benchmarks/graph_benchmark.py [--runs 7] [--graph build/graph.json] [--no-browser]

Measures search, neighbourhood, paths (k=1 and k=5) and the HTML export on the seed graph
(built from content/notes if missing) and on a generated graph of 20,000 topics and 100,000
edges, then how long the exported seed graph takes to settle in headless Chromium (skipped,
with the reason, when Chromium or Playwright is missing). Every figure is a median over
several rounds, per query; the very first call, which also builds the per-graph indexes
(search index, weighted projection), is shown beside it. Not collected by pytest.
"""
from __future__ import annotations

import argparse
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from graph import (  # noqa: E402
    DEFAULT_MAX_NODES,
    find_paths,
    load_graph,
    neighbourhood,
    neighbours,
    search,
    to_pyvis_html,
)

TARGETS_MS = {  # (graph, measure) -> target in milliseconds
    ("seed", "search"): 20, ("seed", "path k=1"): 20, ("seed", "path k=5"): 200,
    ("large", "search"): 100, ("large", "path k=1"): 200,
}
SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "to", "vu", "shi", "den", "mar", "pol", "ter", "gan", "fen", "sol",
             "bri", "ux", "zen", "qua", "dor", "li", "sa", "ber", "nor"]
RELATIONS = ["uses", "integrates with", "detects", "stores data in", "trains", "is a", "provides", "monitors"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def generated_graph(nodes: int = 20_000, edges: int = 100_000, seed: int = 7) -> tuple[nx.MultiDiGraph, str]:
    """A graph shaped like the seed graph (a few hubs, many leaves) in build_graph's schema."""
    rng = random.Random(seed)
    attach = 5
    skeleton = nx.barabasi_albert_graph(nodes, attach, seed=seed)
    while skeleton.number_of_edges() < edges:
        skeleton.add_edge(rng.randrange(nodes), rng.randrange(nodes))
    words = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(4000)})
    names: set[str] = set()
    while len(names) < nodes:
        names.add(" ".join(rng.choice(words) for _ in range(rng.randint(2, 3))))
    ordered = sorted(names)
    rng.shuffle(ordered)
    docs = [f"note-{number}.md" for number in range(5)]
    graph = nx.MultiDiGraph(notes=docs)
    for number, name in enumerate(ordered):
        aliases = ["".join(word[0] for word in name.split()).upper() + str(number)] if rng.random() < 0.2 else []
        graph.add_node(name, label=name, type="service" if rng.random() < 0.1 else "concept", category="", parent="",
                       aliases=aliases, definition="", sources=sorted(rng.sample(docs, rng.randint(1, 2))))
    for u, v in skeleton.edges():
        if u == v:
            continue
        source, target = ordered[u], ordered[v]
        kind = rng.choices(["stated", "structural", "cooccurrence"], weights=[30, 15, 55])[0]
        if kind == "cooccurrence":
            source, target, relation, negated = min(source, target), max(source, target), "co-occurs with", False
        else:
            relation = "subtopic of" if kind == "structural" else rng.choice(RELATIONS)
            negated = kind == "stated" and rng.random() < 0.01
            if rng.random() < 0.5:
                source, target = target, source
        count = rng.choices([1, 2, 3], weights=[70, 20, 10])[0]
        evidence = []
        for line in rng.sample(range(1, 5000), count):
            doc = rng.choice(docs)
            place = {"doc": doc, "section": f"Chapter {line % 40} > Part {line % 7}", "line": line}
            sentence = f"{source.title()} {'does not ' if negated else ''}{relation} {target} in practice ({line})."
            evidence.append({**place, "sentence": sentence, "sources": [place]})
        graph.add_edge(source, target, key=f"{'not ' if negated else ''}{relation}|{kind}", relation=relation,
                       kind=kind, negated=negated, evidence=evidence, count=count)
    parameters = (f"Barabasi-Albert skeleton n={nodes:,} m={attach} seed={seed}, plus random edges up to {edges:,}; "
                  f"kinds stated/structural/co-occurrence 30/15/55%, 1% of stated negated, 1-3 evidence "
                  f"sentences per edge, 20% of topics with an alias, names of 2-3 pseudo-words")
    return graph, parameters


def timed(items: list, call: Callable[[object], object], runs: int) -> tuple[float, float]:
    """(first, median) milliseconds: the very first call (which builds the graph's indexes),
    then the median over ``runs`` rounds of the time per item of a round over all ``items``."""
    start = time.perf_counter()
    call(items[0])
    first = (time.perf_counter() - start) * 1000
    rounds = []
    for _ in range(runs):
        start = time.perf_counter()
        for item in items:
            call(item)
        rounds.append((time.perf_counter() - start) * 1000 / len(items))
    return first, statistics.median(rounds)


def typo(name: str, rng: random.Random) -> str:
    position = rng.randrange(1, len(name) - 1)
    return name[:position] + name[position + 1:]  # one letter dropped


def benchmark(label: str, graph: nx.MultiDiGraph, queries: list[str], pairs: list[tuple[str, str]],
              centres: list[str], runs: int) -> list[str]:
    rows = []

    def report(measure: str, items: list, call: Callable[[object], object], note: str = "", runs: int = runs) -> None:
        first, median = timed(items, call, runs)
        target = TARGETS_MS.get((label, measure))
        verdict = "" if target is None else f"target < {target} ms: {'ok' if median < target else 'MISSED'}"
        rows.append(f"  {measure:<22} {median:9.2f} ms   (first call {first:8.1f} ms)   {verdict:<22}{note}")

    report("search", queries, lambda query: search(graph, query, limit=10), f"[{len(queries)} queries: typos, a question]")
    report("neighbourhood depth 2", centres, lambda topic: len(neighbourhood(graph, topic, depth=2).edges),
           f"[{len(centres)} topics; subgraph view, edges counted]")
    report("neighbours depth 2", centres, lambda topic: neighbours(graph, topic, depth=2), "[the ranked list]")
    report("path k=1", pairs, lambda pair: find_paths(graph, *pair, k=1), f"[{len(pairs)} pairs of topics]")
    report("path k=3 (default)", pairs, lambda pair: find_paths(graph, *pair))
    report("path k=5", pairs, lambda pair: find_paths(graph, *pair, k=5))
    report("HTML export", [graph], lambda whole: to_pyvis_html(whole),
           f"[{min(len(graph), DEFAULT_MAX_NODES):,} of {len(graph):,} topics drawn]", runs=max(3, runs // 2))
    return rows


def sample_topics(graph: nx.MultiDiGraph, rng: random.Random, count: int) -> list[str]:
    largest = max(nx.weakly_connected_components(graph), key=len)
    return rng.sample(sorted(largest), count)


def seed_graph(path: Path) -> nx.MultiDiGraph:
    if not path.exists():
        print(f"{path} missing: building it from content/notes ...", flush=True)
        subprocess.run([sys.executable, "-m", "graph", "build", "--quiet", "--out", str(path)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    return load_graph(path)


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per measure (default 7)")
    parser.add_argument("--graph", default=str(ROOT / "build" / "graph.json"), help="the seed graph")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurement")
    args = parser.parse_args()
    rng = random.Random(11)
    print(f"Graph benchmark: median of {args.runs} runs per measure, per query; Python {platform.python_version()}, "
          f"networkx {nx.__version__}, {platform.machine()}")

    seed = seed_graph(Path(args.graph))
    print(f"\nSeed graph {args.graph}: {seed.number_of_nodes():,} topics, {seed.number_of_edges():,} edges")
    topics = sample_topics(seed, rng, 16)
    queries = ["sagemaker clarfy", "which topics mention drift?", "cloudwach", "model monitr", "s3",
               *(typo(name, rng) for name in topics[:3] if len(name) > 4)]
    pairs = list(zip(topics[:8], topics[8:16]))
    print("\n".join(benchmark("seed", seed, queries, pairs, topics[:8], args.runs)))

    start = time.perf_counter()
    large, parameters = generated_graph()
    print(f"\nGenerated graph: {large.number_of_nodes():,} topics, {large.number_of_edges():,} edges "
          f"(made in {time.perf_counter() - start:.1f} s)\n  {parameters}")
    topics = sample_topics(large, rng, 16)
    queries = [typo(name, rng) for name in topics[:6]] + [f"which topics mention {topics[6].split()[0]}?"]
    pairs = list(zip(topics[:8], topics[8:16]))
    print("\n".join(benchmark("large", large, queries, pairs, topics[:8], args.runs)))

    print("\nLayout settle time in headless Chromium (file:// URL, every other request blocked):")
    if args.no_browser:
        print("  skipped: --no-browser")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        pages = [("seed graph, whole", Path(folder) / "seed.html"),
                 (f"generated graph, {DEFAULT_MAX_NODES:,} most central topics", Path(folder) / "large.html")]
        pages[0][1].write_text(to_pyvis_html(seed), encoding="utf-8")
        pages[1][1].write_text(to_pyvis_html(large), encoding="utf-8")
        print("\n".join(settle_times(pages, loads=5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
