"""Median latency of the graph queries and loads, on the seed graph and on generated big graphs.

    .venv/bin/python tests/benchmarks/graph_benchmark.py [--runs 7] [--graph build/graph.json]
        [--sizes 20k,100k] [--no-browser] [--write BENCHMARKS.md]

Measures search, neighbourhood (of sampled topics, and of the three biggest hubs with and
without a cap), paths (k=1, 3, 5) and the HTML export on the seed graph (built from
content/notes if missing) and on generated graphs of 20,000 topics / 100,000 edges and
100,000 topics / 400,000 edges (see generated_graph.py; each is made and saved by another
process), and how long ``load_graph`` takes to read each one from its JSON file in a fresh
process; the queries then run on the graph as loaded. Every figure is a median over several
rounds, per query; the very first call, which also builds the per-graph indexes (search
indexes, weighted projection), is shown beside it. Then, unless ``--no-browser``, how long the
exported seed graph takes to settle in headless Chromium. With ``--write``, the summary table
and the figures go to that file's "Graph queries at scale" section (the other sections stay
as they are). Not collected by pytest.
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
sys.path.insert(0, str(Path(__file__).parent))

import networkx as nx  # noqa: E402
from browser_settle import settle_times  # noqa: E402
from report_section import write_section  # noqa: E402

from graph import find_paths, load_graph, neighbourhood, neighbours, search, to_pyvis_html  # noqa: E402

SIZES = {"20k": (20_000, 100_000), "100k": (100_000, 400_000)}
# The targets for a 100,000-topic graph, in milliseconds; the seed graph keeps its own.
AT_SCALE = {"search": 20, "neighbourhood depth 2": 50, "path k=5": 200, "load": 3000}
TARGETS_MS = {("seed", "search"): 20, ("seed", "path k=1"): 20, ("seed", "path k=5"): 200,
              **{(size, measure): target for size in SIZES for measure, target in AT_SCALE.items()}}
HUB_CAP = 300  # the explorer draws at most 300 topics unless asked for more


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


class Report:
    """The rows measured on one graph, as text, and the medians and first calls by measure."""

    def __init__(self, label: str, runs: int):
        self.label, self.runs, self.rows = label, runs, []
        self.medians: dict[str, float] = {}
        self.firsts: dict[str, float] = {}

    def measure(self, measure: str, items: list, call: Callable[[object], object], note: str = "",
                runs: int | None = None) -> None:
        first, median = timed(items, call, runs or self.runs)
        self.add(measure, median, first, note)

    def add(self, measure: str, median: float, first: float, note: str = "") -> None:
        self.medians[measure], self.firsts[measure] = median, first
        target = TARGETS_MS.get((self.label, measure))
        verdict = "" if target is None else f"target <= {target} ms: {'ok' if median <= target else 'MISSED'}"
        self.rows.append(f"  {measure:<31} {median:9.2f} ms   (first call {first:8.1f} ms)   {verdict:<27}{note}")


SEED_QUERIES = ["sagemaker clarfy", "which topics mention drift?", "cloudwach", "model monitr", "s3"]


def benchmark(report: Report, graph: nx.MultiDiGraph, rng: random.Random, *, export: bool = True,
              seed: bool = False) -> Report:
    topics = rng.sample(sorted(max(nx.weakly_connected_components(graph), key=len)), 16)
    if seed:  # the notes' own names, misspelt, and three topics with a letter dropped
        queries = [*SEED_QUERIES, *(typo(name, rng) for name in topics[:3] if len(name) > 4)]
    else:
        queries = [typo(name, rng) for name in topics[:6] if len(name) > 4] + [
            f"which topics mention {topics[6].split()[0]}?"]
    pairs, centres = list(zip(topics[:8], topics[8:16])), topics[:8]
    hubs = sorted(graph, key=lambda topic: (-graph.degree(topic), topic))[:3]
    report.measure("search", queries, lambda query: search(graph, query, limit=10),
                   f"[{len(queries)} queries: typos, a question]")
    report.measure("neighbourhood depth 2", centres, lambda topic: len(neighbourhood(graph, topic, depth=2).edges),
                   f"[{len(centres)} topics; subgraph view, edges counted]")
    report.measure("neighbourhood depth 2, hubs", hubs, lambda topic: len(neighbourhood(graph, topic, depth=2).edges),
                   f"[the 3 biggest hubs, {', '.join(str(graph.degree(hub)) for hub in hubs)} edges; no cap]")
    report.measure("neighbourhood depth 2, hubs, cap", hubs,
                   lambda topic: len(neighbourhood(graph, topic, depth=2, max_nodes=HUB_CAP).edges),
                   f"[max_nodes={HUB_CAP}, applied while walking]")
    report.measure("neighbours depth 2", centres, lambda topic: neighbours(graph, topic, depth=2), "[the ranked list]")
    report.measure("path k=1", pairs, lambda pair: find_paths(graph, *pair, k=1), f"[{len(pairs)} pairs of topics]")
    report.measure("path k=3 (default)", pairs, lambda pair: find_paths(graph, *pair))
    report.measure("path k=5", pairs, lambda pair: find_paths(graph, *pair, k=5))
    if export:
        report.measure("HTML export", [graph], lambda whole: to_pyvis_html(whole),
                       f"[{min(len(graph), 2500):,} of {len(graph):,} topics drawn]", runs=max(3, report.runs // 2))
    return report


LOAD = """
import gc, sys, time
sys.path.insert(0, sys.argv[2])
from graph import load_graph
start = time.perf_counter()
graph = load_graph(sys.argv[1])
loaded = time.perf_counter()
gc.collect()
print((loaded - start) * 1000, (time.perf_counter() - loaded) * 1000)
"""


MAKE = """
import sys
sys.path[:0] = [sys.argv[4], sys.argv[5]]
from generated_graph import generated_graph
from graph import save_graph
graph, parameters = generated_graph(int(sys.argv[1]), int(sys.argv[2]))
save_graph(graph, sys.argv[3])
print(parameters)
"""


def generated_file(size: str, path: Path) -> str:
    """Write the generated graph of ``size`` to ``path`` from another process (so that this one
    holds none of it while the loads are timed); return how it was made."""
    nodes, edges = SIZES[size]
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MAKE, str(nodes), str(edges), str(path), str(ROOT),
                             str(Path(__file__).parent)], capture_output=True, text=True, check=True)
    return f"{result.stdout.strip()} (made and saved in {time.perf_counter() - start:.1f} s)"


def measure_load(report: Report, path: Path, runs: int) -> None:
    """``load_graph`` reading the graph file at ``path`` in a fresh process, as the explorer and
    the command line do: the median of ``runs`` loads, and what the cycle collector's next
    full pass over the new objects costs after it."""
    times, passes = [], []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", LOAD, str(path), str(ROOT)], capture_output=True, text=True,
                                check=True)
        load_ms, pass_ms = map(float, result.stdout.split())
        times.append(load_ms)
        passes.append(pass_ms)
    report.add("load", statistics.median(times), times[0],
               f"[{path.stat().st_size / 1e6:.0f} MB of JSON, in a fresh process; median of {runs}; the collector's "
               f"next full pass: {statistics.median(passes) / 1000:.1f} s more]")


def seed_graph(path: Path) -> nx.MultiDiGraph:
    if not path.exists():
        print(f"{path} missing: building it from content/notes ...", flush=True)
        subprocess.run([sys.executable, "-m", "graph", "build", "--quiet", "--out", str(path)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    return load_graph(path)


def summary(reports: dict[str, Report]) -> list[str]:
    """The table of medians at each size, with the first calls and the targets at scale."""
    sizes = list(reports)
    lines = ["| median (ms) | " + " | ".join(f"{size} topics" for size in sizes) + " | first call (ms) at "
             + ", ".join(sizes) + " | target at scale |", "|---" * (len(sizes) + 3) + "|"]
    for measure, target in AT_SCALE.items():
        medians = [reports[size].medians[measure] for size in sizes]
        firsts = ", ".join(f"{reports[size].firsts[measure]:,.0f}" for size in sizes)
        verdict = "met" if medians[-1] <= target else "missed"
        name = "seed search" if measure == "search" else measure
        lines.append(f"| {name} | " + " | ".join(f"{median:,.1f}" for median in medians)
                     + f" | {firsts} | <= {target:,} ({verdict} at {sizes[-1]}) |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per measure (default 7)")
    parser.add_argument("--graph", default=str(ROOT / "build" / "graph.json"), help="the seed graph")
    parser.add_argument("--sizes", default=",".join(SIZES), help="generated graphs to measure (default 20k,100k)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurement")
    parser.add_argument("--write", default=None, help="also write the summary to this file (e.g. BENCHMARKS.md)")
    args = parser.parse_args()
    rng = random.Random(11)
    heading = (f"Graph benchmark: median of {args.runs} runs per measure, per query; Python "
               f"{platform.python_version()}, networkx {nx.__version__}, {platform.machine()}")
    print(heading)
    seed = seed_graph(Path(args.graph))
    shown = Path(args.graph).resolve()
    shown = shown.relative_to(ROOT) if shown.is_relative_to(ROOT) else shown
    lines = [f"\nSeed graph {shown}: {seed.number_of_nodes():,} topics, {seed.number_of_edges():,} edges"]
    lines += benchmark(Report("seed", args.runs), seed, rng, seed=True).rows
    print("\n".join(lines), flush=True)
    reports, pages = {}, [("seed graph, whole", seed)]
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "graph.json"
            parameters = generated_file(size, path)
            report = Report(size, args.runs)
            measure_load(report, path, runs=3)
            large = load_graph(path)  # the queries run on the graph as loaded
        block = [f"\nGenerated graph: {large.number_of_nodes():,} topics, {large.number_of_edges():,} edges\n"
                 f"  {parameters}"]
        reports[size] = benchmark(report, large, rng, export=size == "20k")
        block += report.rows
        print("\n".join(block), flush=True)
        lines += block
        if size == "20k" and not args.no_browser:
            pages.append(("generated graph, 2,500 most central topics", to_pyvis_html(large)))
        del large
    table = summary(reports)
    print("\n" + "\n".join(table))
    if args.write:
        command = "python tests/benchmarks/graph_benchmark.py " + " ".join(sys.argv[1:])
        write_section(Path(args.write), "Graph queries at scale", "\n".join([
            f"Reproduce with `{command.strip()}` (medians on a shared 2-CPU machine: other work ran beside it, so "
            f"figures move by tens of percent from run to run).", "", heading + ".", "", *table, "",
            "```", *(line for block in lines for line in block.strip("\n").splitlines()), "```"]))
    if args.no_browser:
        print("\nLayout settle time in headless Chromium: skipped (--no-browser)")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for number, (label, page) in enumerate(pages):
            files.append((label, Path(folder) / f"page-{number}.html"))
            files[-1][1].write_text(page if isinstance(page, str) else to_pyvis_html(page), encoding="utf-8")
        print("\nLayout settle time in headless Chromium (file:// URL, every other request blocked):")
        print("\n".join(settle_times(files, loads=5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
