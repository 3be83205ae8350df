"""Build time and peak memory on a local Dask cluster of 1 and 2 workers, beside the one-machine build.

    .venv/bin/python tests/benchmarks/dask_benchmark.py [--scales 1,20,100] [--runs 3] [--large-runs 1]
        [--budget-minutes 45] [--write BENCHMARKS.md]

Each corpus is built three ways, each build its own process as a user runs it, with
``--no-cache`` so that every build reads every note: ``python -m graph build CORPUS`` (the
one-machine build), and the same with ``--workers 1`` and ``--workers 2`` (the build starts
a Dask ``LocalCluster`` of that many one-thread worker processes, reads the notes there and
assembles the graph itself). The corpora are generated as for the build benchmark
(``build_benchmark.generate_corpus``: the seed notes' own headings and sentences recombined,
fixed seed, so that no two notes or paragraphs are alike) at 1x, 20x and 100x the seed notes.

The builds are taken in rounds (every corpus and way once, then again), so that a slow
spell of the shared machine weighs on all of them alike; the figures are medians over the
rounds. Corpora of 50x and more are built ``--large-runs`` times only, and not at all when
the 20x builds say they would take longer than ``--budget-minutes`` (the report then says
so). Memory is the resident set, sampled every 50 ms: of the build's own process (the
client; with a local cluster it also runs the scheduler and the workers' nannies) and of
each worker process (its children, multiprocessing's resource tracker left out), the peak
of each. Each corpus's three builds must write the same graph (checked). With ``--write``,
the report goes to that file's "Dask build benchmark" section. Not collected by pytest.
"""
from __future__ import annotations

import argparse
import hashlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from build_benchmark import NOTES, PYTHON, generate_corpus  # noqa: E402
from report_section import write_report  # noqa: E402

WAYS = {"one machine": [], "Dask, 1 worker": ["--workers", "1"], "Dask, 2 workers": ["--workers", "2"]}
LARGE = 50              # corpora of this scale and more are built --large-runs times
CLIENT_LIMIT_MB = 1500  # the bound on the client's memory at 100x
SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Build:
    """One measured build: wall seconds, the peak resident MB of the build's process (the
    client) and of its largest worker process (0 without workers), and the graph's digest."""

    seconds: float
    client_mb: float
    worker_mb: float
    workers: int
    graph: str


def measure(command: list[str], out: Path) -> Build:
    """Run ``command`` to completion, sampling the resident set of it and of each worker."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a long build's messages cannot fill it and block
        start = time.perf_counter()
        process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        client, workers = 0, {}
        while process.poll() is None:
            client = max(client, _resident(process))
            for child in process.children(recursive=True):
                if child.pid in workers or not _resource_tracker(child):
                    workers[child.pid] = max(workers.get(child.pid, 0), _resident(child))
            time.sleep(SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} failed: {errors.read().decode()[-2000:]}")
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    return Build(seconds, client / 1e6, max(workers.values(), default=0) / 1e6, len(workers), digest)


def _resident(process: psutil.Process) -> int:
    """The resident set of ``process`` in bytes, 0 once it is gone."""
    try:
        return process.memory_info().rss
    except psutil.Error:
        return 0


def _resource_tracker(process: psutil.Process) -> bool:
    """Whether ``process`` is multiprocessing's resource tracker (no worker)."""
    try:
        return "resource_tracker" in " ".join(process.cmdline())
    except psutil.Error:
        return True


def build_command(corpus: Path, out: Path, way: str) -> list[str]:
    return [PYTHON, "-m", "graph", "build", str(corpus), "--out", str(out), "--quiet", "--no-cache", *WAYS[way]]


def median(builds: list[Build]) -> Build:
    return Build(statistics.median(b.seconds for b in builds), statistics.median(b.client_mb for b in builds),
                 statistics.median(b.worker_mb for b in builds), max(b.workers for b in builds), builds[0].graph)


class Series:
    """The builds of every corpus and way, and how large each corpus is."""

    def __init__(self, work: Path, scales: list[int]):
        self.work, self.scales = work, scales
        self.builds: dict[tuple[int, str], list[Build]] = {(scale, way): [] for scale in scales for way in WAYS}
        self.failures: dict[tuple[int, str], str] = {}  # the last line a failed build wrote
        self.characters = {scale: generate_corpus(NOTES, work / f"corpus-{scale}x", scale) for scale in scales}
        self.notes = {scale: len(list((work / f"corpus-{scale}x").iterdir())) for scale in scales}

    def round(self, scales: list[int]) -> None:
        """Build each of ``scales`` each way once."""
        for scale in scales:
            for way in WAYS:
                out = self.work / f"out-{scale}x-{way.split(',')[-1].strip().replace(' ', '-')}.json"
                try:
                    build = measure(build_command(self.work / f"corpus-{scale}x", out, way), out)
                except RuntimeError as error:  # said in the report; the other builds go on
                    self.failures[scale, way] = str(error).strip().splitlines()[-1]
                    print(f"  {scale}x, {way}: FAILED: {self.failures[scale, way]}", flush=True)
                    continue
                self.builds[scale, way].append(build)
                print(f"  {scale}x, {way}: {build.seconds:.1f} s, client {build.client_mb:.0f} MB, "
                      f"largest of {build.workers} worker process(es) {build.worker_mb:.0f} MB", flush=True)

    def projected_minutes(self, scale: int) -> float:
        """How long one round of ``scale`` would take, from the largest corpus built so far."""
        done = max(s for s in self.scales if self.builds[s, "one machine"])
        seconds = sum(statistics.median(b.seconds for b in self.builds[done, way]) for way in WAYS)
        return seconds * self.characters[scale] / self.characters[done] / 60

    def rows(self) -> list[str]:
        """The table: per corpus and way, the medians and the ratios measured in this run."""
        lines = [f"| corpus | notes | M characters | build | runs | seconds | x one machine "
                 f"| x {self.scales[0]}x (same build) | client peak MB | peak MB per worker | same graph |",
                 "|---" * 11 + "|"]
        for scale in self.scales:
            if not self.builds[scale, "one machine"]:
                continue
            one = median(self.builds[scale, "one machine"])
            for way in WAYS:
                runs = self.builds[scale, way]
                if not runs:
                    lines.append(f"| {scale}x | {self.notes[scale]} | {self.characters[scale] / 1e6:.2f} | {way} | 0 "
                                 f"| failed: {self.failures.get((scale, way), '')} |||||")
                    continue
                build = median(runs)
                first = self.builds[self.scales[0], way]
                against_1x = build.seconds / median(first).seconds if first else float("nan")
                same = all(b.graph == one.graph for b in runs)
                client = f"{build.client_mb:,.0f}"
                if scale >= 100 and way != "one machine":
                    client += f" ({'met' if build.client_mb <= CLIENT_LIMIT_MB else 'MISSED'}: <= {CLIENT_LIMIT_MB:,})"
                worker = f"{build.worker_mb:,.0f}" if build.workers else "(none)"
                lines.append(f"| {scale}x | {self.notes[scale]} | {self.characters[scale] / 1e6:.2f} | {way} "
                             f"| {len(runs)} | {build.seconds:,.1f} | {build.seconds / one.seconds:.2f} "
                             f"| {against_1x:.1f} | {client} | {worker} | {'yes' if same else 'NO'} |")
        return lines


def run(series: Series, runs: int, large_runs: int, budget_minutes: float) -> list[str]:
    """Build the corpora under 50x in ``runs`` rounds, then each larger one ``large_runs`` times
    unless a round of it would take longer than ``budget_minutes``; say what was left out."""
    small, large = [s for s in series.scales if s < LARGE], [s for s in series.scales if s >= LARGE]
    for number in range(runs):
        print(f"round {number + 1} of {runs}: " + ", ".join(f"{s}x" for s in small), flush=True)
        series.round(small)
    left_out = []
    for scale in large:
        minutes = series.projected_minutes(scale) if small else 0.0
        if minutes > budget_minutes:
            left_out.append(f"{scale}x was not built: from the {max(small)}x builds, one round of it would take "
                            f"about {minutes:.0f} minutes, more than the budget of {budget_minutes:g}.")
            print(left_out[-1], flush=True)
            continue
        for number in range(large_runs):
            print(f"{scale}x, round {number + 1} of {large_runs} (about {minutes:.0f} minutes) ...", flush=True)
            series.round([scale])
    return left_out


def report(series: Series, heading: str, args: argparse.Namespace, left_out: list[str], minutes: float) -> str:
    """The report: the table, what was built and how long it took, what failed, what the columns mean."""
    built = [s for s in series.scales if series.builds[s, "one machine"]]
    failed = [f"A build failed ({scale}x, {way}): {message}" for (scale, way), message in series.failures.items()]
    return "\n".join([
        heading, "", *series.rows(), "",
        f"Corpora built: {', '.join(f'{s}x' for s in built)} ({args.runs} round(s) below {LARGE}x, {args.large_runs} "
        f"at {LARGE}x and more); the whole run took {minutes:.1f} minutes.", *left_out, *failed, "",
        "Client: the build's own process (with a local cluster it also runs the scheduler and the nannies, and "
        "assembles the graph). Peak per worker: the largest of the worker processes' peaks. Resident sets "
        f"sampled every {SAMPLE_SECONDS * 1000:.0f} ms from outside the processes."])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,20,100", help="corpus sizes, in seed notes (default 1,20,100)")
    parser.add_argument("--runs", type=int, default=3, help="rounds for corpora under 50x (default 3)")
    parser.add_argument("--large-runs", type=int, default=1, help="rounds for corpora of 50x and more (default 1)")
    parser.add_argument("--budget-minutes", type=float, default=45.0,
                        help="skip a large corpus whose round would take longer than this (default 45)")
    parser.add_argument("--write", default=None, help="also write the report to this file (e.g. BENCHMARKS.md)")
    args = parser.parse_args()
    import dask
    import spacy

    heading = (f"Dask build benchmark: each build its own process, `--no-cache`; Python {platform.python_version()}, "
               f"spaCy {spacy.__version__}, dask {dask.__version__}, {psutil.cpu_count()} CPUs, "
               f"{psutil.virtual_memory().total / 1e9:.0f} GB RAM.")
    print(heading, flush=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as temporary:
        series = Series(Path(temporary), sorted(int(scale) for scale in args.scales.split(",")))
        left_out = run(series, args.runs, args.large_runs, args.budget_minutes)
    text = report(series, heading, args, left_out, (time.perf_counter() - started) / 60)
    print("\n" + text)
    if args.write:
        write_report(args.write, "Dask build benchmark", "bench-dask", "dask_benchmark.py",
                     "medians on a shared 2-CPU machine; ratios are measured in the same run", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
