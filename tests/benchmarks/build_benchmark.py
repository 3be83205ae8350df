"""How long building the graph takes and how much memory it needs, beside spaCy's own parse time.

    .venv/bin/python tests/benchmarks/build_benchmark.py [--runs 5] [--scale-runs 3] [--scales 1,5,20] [--no-browser]
                                                         [--write BENCHMARKS.md]

Every build runs as its own process (``python -m graph build``), as a user runs it; its wall
time and its peak memory (the resident set of the process and of any worker processes it
starts, sampled every 20 ms) are medians of several runs, measured in the same session as:

- the floor: a process that loads the same spaCy English pipeline with all its pipes and runs
  it over the notes' paragraphs (the notes split on blank lines);
- cold (``--no-cache``), warm (nothing changed) and incremental builds (one note changed
  before each run: the median-sized note, and the largest for comparison), taken in rounds
  of one run of each measure (the floor included), so that a slow spell of the shared
  machine weighs on all of them alike;
- a scale series of cold builds over generated corpora 1x, 5x and 20x the seed notes, made
  of the notes' own sentences recombined (fixed random seed) so that no two notes or
  paragraphs repeat and neither caching nor de-duplication can hide the work, also taken
  in rounds (1x, 5x, 20x, then again);
- the HTML export of the whole seed graph: its size, and the time it takes to settle in
  headless Chromium (``browser_settle.settle_times``).

With ``--write``, the table is also written to that file with the command that reproduced
it. Not collected by pytest.
"""
from __future__ import annotations

import argparse
import platform
import random
import re
import shutil
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

from browser_settle import settle_times  # noqa: E402
from report_section import write_report  # noqa: E402

NOTES = ROOT / "content" / "notes"
PYTHON = sys.executable
FLOOR = """
import sys
from pathlib import Path
import spacy
from extract.parse.pipeline import MODEL_NAMES
nlp = spacy.load(next(name for name in MODEL_NAMES if spacy.util.is_package(name)))  # every pipe, ner included
paragraphs = [p.strip() for path in sorted(Path(sys.argv[1]).rglob("*")) if path.is_file()
              for p in path.read_text(encoding="utf-8", errors="replace").split("\\n\\n") if p.strip()]
for doc in nlp.pipe(paragraphs, batch_size=128):
    pass
"""
TARGETS = "cold <= 0.8 x floor; warm <= 0.15 x cold; incremental <= 0.3 x cold; seed peak < 600 MB; 20x peak < 1200 MB; 20x time <= 22 x 1x"


@dataclass(frozen=True)
class Run:
    """One measured process: wall seconds and peak resident memory in MB."""

    seconds: float
    peak_mb: float


def measure(command: list[str]) -> Run:
    """Run ``command`` to completion; its wall time and the peak of the summed resident set
    of it and its children."""
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return Run(seconds, peak / 1e6)


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), statistics.median(r.peak_mb for r in runs))


def build_command(notes: Path, out: Path, cache: Path | None) -> list[str]:
    command = [PYTHON, "-m", "graph", "build", str(notes), "--out", str(out), "--quiet"]
    return command + (["--cache-dir", str(cache)] if cache else ["--no-cache"])


def generate_corpus(seed_notes: Path, folder: Path, scale: int, *, seed: int = 13) -> int:
    """Write ``scale`` times as many notes as ``seed_notes`` holds, about as long on the whole,
    of its own headings and sentences recombined; return the characters written."""
    headings, sentences = [], []
    for path in sorted(seed_notes.iterdir()):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("#"):
                headings.append(line.lstrip("#").strip())
            elif len(line) > 20:
                sentences += [s for s in re.split(r"(?<=[.!?])\s+", line.lstrip("-*• ")) if len(s) > 15]
    total = sum(path.stat().st_size for path in seed_notes.iterdir())
    count = len(list(seed_notes.iterdir())) * scale
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for number in range(count):
        lines = [f"# Study notes {number + 1}: {rng.choice(headings)}", ""]
        size = 0
        while size < total / len(list(seed_notes.iterdir())):
            lines += [f"## {rng.choice(headings)}", ""]
            for _ in range(rng.randint(1, 4)):
                paragraph = " ".join(rng.sample(sentences, rng.randint(2, 4)))
                lines += [paragraph, ""]
                size += len(paragraph)
        text = "\n".join(lines)
        (folder / f"note-{number + 1:03}.md").write_text(text, encoding="utf-8")
        written += len(text)
    return written


def changed(note: Path, run: int) -> None:
    """Change ``note`` a little before an incremental build."""
    with note.open("a", encoding="utf-8") as stream:
        stream.write(f"\n\nRevision {run}: Amazon SageMaker Clarify detects bias in training data.\n")


def row(label: str, run: Run, ratio: str = "", target: str = "") -> str:
    return f"| {label} | {run.seconds:.2f} | {run.peak_mb:.0f} | {ratio} | {target} |"


def verdict(value: float, limit: float) -> str:
    return f"{'met' if value <= limit else 'MISSED'} (<= {limit:g})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per seed measure (default 5)")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per generated corpus (default 3)")
    parser.add_argument("--scales", default="1,5,20", help="corpus sizes of the scale series (default 1,5,20)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurement")
    parser.add_argument("--write", default=None, help="also write the report to this file (e.g. BENCHMARKS.md)")
    args = parser.parse_args()
    import spacy

    lines = [f"Build benchmark: medians of {args.runs} runs (scale series: {args.scale_runs}), each build its own "
             f"process; Python {platform.python_version()}, spaCy {spacy.__version__}, {psutil.cpu_count()} CPUs, "
             f"{psutil.virtual_memory().total / 1e9:.0f} GB RAM.", ""]
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        notes = work / "notes"
        shutil.copytree(NOTES, notes)
        out, cache = work / "out" / "graph.json", work / "cache"
        sizes = sorted((path.stat().st_size, path.name) for path in notes.iterdir())
        typical, largest = sizes[len(sizes) // 2][1], sizes[-1][1]

        def report(text: str) -> None:
            print(text, flush=True)

        report("measuring the floor, cold, warm and incremental builds of the seed notes ...")
        # One run of each measure per round, so that a slow spell of the shared machine
        # weighs on the floor and the builds compared with it alike.
        rounds: dict[str, list[Run]] = {"floor": [], "cold": [], "warm": [], typical: [], largest: []}
        measure(build_command(notes, out, cache))  # fills the cache
        for number in range(args.runs):
            rounds["floor"].append(measure([PYTHON, "-c", FLOOR, str(notes)]))
            rounds["cold"].append(measure(build_command(notes, out, None)))
            for name in (typical, largest):
                changed(notes / name, number)
                rounds[name].append(measure(build_command(notes, out, cache)))
            rounds["warm"].append(measure(build_command(notes, out, cache)))  # nothing changed since the last
        floor, cold, warm = (median(rounds[kind]) for kind in ("floor", "cold", "warm"))
        incremental = {name: median(rounds[name]) for name in (typical, largest)}
        seed_peak = max(cold.peak_mb, warm.peak_mb, *(r.peak_mb for r in incremental.values()))

        lines += ["| seed notes (5 notes, 290 KB) | seconds | peak MB | ratio | target |", "|---|---|---|---|---|",
                  row("floor: spaCy, all pipes, over the paragraphs", floor),
                  row("cold build (`--no-cache`)", cold, f"{cold.seconds / floor.seconds:.2f} x floor",
                      verdict(cold.seconds / floor.seconds, 0.8)),
                  row("warm build (nothing changed)", warm, f"{warm.seconds / cold.seconds:.2f} x cold",
                      verdict(warm.seconds / cold.seconds, 0.15))]
        for name, run in incremental.items():
            kind = "median-sized" if name == typical else "largest"
            lines.append(row(f"incremental build ({kind} note `{name}` changed)", run,
                             f"{run.seconds / cold.seconds:.2f} x cold", verdict(run.seconds / cold.seconds, 0.3)))
        lines += ["", f"Peak memory of the seed builds: {seed_peak:.0f} MB ({verdict(seed_peak, 600)} MB).", ""]

        scales = [int(scale) for scale in args.scales.split(",")]
        characters = {scale: generate_corpus(NOTES, work / f"corpus-{scale}x", scale) for scale in scales}
        report("measuring cold builds of the " + ", ".join(f"{scale}x ({characters[scale] / 1e6:.1f} M characters)"
                                                        for scale in scales) + " corpora, in rounds ...")
        scale_runs: dict[int, list[Run]] = {scale: [] for scale in scales}
        for _ in range(args.scale_runs):  # in rounds too, so that the ratios to 1x are fair
            for scale in scales:
                scale_runs[scale].append(measure(build_command(work / f"corpus-{scale}x", work / f"out-{scale}x.json", None)))
        scale_rows = []
        one = median(scale_runs[scales[0]])
        for scale in scales:
            run = median(scale_runs[scale])
            ratio = run.seconds / one.seconds
            target = {20: f"time {verdict(ratio, 22)}; memory {verdict(run.peak_mb, 1200)} MB"}.get(scale, "")
            scale_rows.append(f"| {scale}x | {len(list((work / f'corpus-{scale}x').iterdir()))} | {characters[scale] / 1e6:.2f} "
                              f"| {run.seconds:.2f} | {ratio:.1f} | {run.peak_mb:.0f} | {target} |")
        lines += ["Scale series: cold builds (`--no-cache`) of generated corpora, the seed notes' sentences recombined "
                  "(fixed seed; no two notes or paragraphs alike).", "",
                  "| corpus | notes | M characters | seconds | x 1x time | peak MB | target |", "|---|---|---|---|---|---|---|",
                  *scale_rows, ""]

        from graph import load_graph, to_pyvis_html
        graph = load_graph(out)
        start = time.perf_counter()
        html = to_pyvis_html(graph)
        export_seconds = time.perf_counter() - start
        page = work / "seed.html"
        page.write_text(html, encoding="utf-8")
        lines += [f"HTML export of the seed graph ({graph.number_of_nodes():,} topics, {graph.number_of_edges():,} "
                  f"edges): {page.stat().st_size / 1e6:.2f} MB written in {export_seconds:.2f} s; in headless Chromium:"]
        lines += ["  skipped: --no-browser"] if args.no_browser else settle_times([("seed graph, whole", page)], loads=5)
    lines += ["", f"Targets: {TARGETS}."]
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_report(args.write, "Build benchmark", "bench-build", "build_benchmark.py",
                     "numbers vary with the machine and its load; ratios are measured in the same session", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
