"""Command line: ``python -m graph build|sample|precision|stats|search|path|neighbours|compare|export``.

Every error a user can cause (a missing folder, a corrupt graph, an unknown topic, a bad
option) prints one line and exits with status 2; nothing prints a traceback.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

from .generic_hubs import GenericHubs, generic_hubs
from .io import GraphFileError, load_graph, write_atomically
from .precision import (
    EDGE_VERDICTS,
    NO_SENTENCE,
    NODE_VERDICTS,
    TYPED_KINDS,
    JudgementFileError,
    PrecisionReport,
    Sample,
    precision_report,
    read_judgements,
    sample_items,
    to_judge_lines,
)
from .query_commands import _count, add_query_commands
from .topics import NodeNotFound

__all__ = ["main", "UsageError"]

DEFAULT_NOTES = Path("content/notes")
DEFAULT_GRAPH = Path("build/graph.json")
DEFAULT_JUDGEMENTS = Path("eval/judgements")


class UsageError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 with usage; keep it to one line
        raise UsageError(f"{self.prog}: {message}")


def _progress_printer(stream) -> Callable[[float, str], None]:
    """Progress on one updating line in a terminal, or a line per tenth elsewhere (logs, CI)."""
    interactive = stream.isatty()
    shown = {"tenth": -1}

    def report(fraction: float, message: str) -> None:
        if interactive:
            print(f"\r[{fraction:4.0%}] {message:<60}", end="\n" if fraction >= 1 else "", file=stream, flush=True)
        elif int(fraction * 10) > shown["tenth"]:
            shown["tenth"] = int(fraction * 10)
            print(f"[{fraction:4.0%}] {message}", file=stream, flush=True)
    return report


def command_build(args: argparse.Namespace) -> int:
    """Read the notes, extract the graph (or reuse the cached extraction), save it and print a summary."""
    from extract.distributed import ClusterError
    from extract.parse.pipeline import ModelNotInstalled
    from extract.read import NoteError
    from extract.vocabulary import VocabularyError

    from .build import build_notes_graph

    folder = Path(args.notes)
    if not folder.is_dir():
        raise UsageError(f"notes folder {'is a file' if folder.is_file() else 'not found'}: {folder}")
    cache_dir = None if args.no_cache else Path(args.cache_dir) if args.cache_dir else Path(args.out).parent / "cache"
    try:
        with _cluster(args) as cluster:
            built = build_notes_graph(folder, Path(args.out), cache_dir=cache_dir, content_dir=args.content,
                                      progress=None if args.quiet else _progress_printer(sys.stderr), cluster=cluster)
    except (NoteError, VocabularyError, ModelNotInstalled, ClusterError) as error:
        raise UsageError(str(error)) from None
    if built.cached and not args.quiet:
        print(f"Notes, vocabulary and extractor unchanged: reusing the extraction cached in {cache_dir}", file=sys.stderr)
    print(_build_summary(built.extraction, built.graph, Path(args.out)))
    return 0


def _cluster(args: argparse.Namespace):
    """The Dask cluster that ``--workers`` or ``--scheduler`` asks for (started or reached only
    if some note must be read), or nothing: the notes are read in this process."""
    if args.workers is None and args.scheduler is None:
        return contextlib.nullcontext()
    from extract.distributed import DaskCluster

    return DaskCluster(workers=args.workers, scheduler=args.scheduler)


def _build_summary(extraction, graph, out: Path) -> str:
    types = Counter(data["type"] for _, data in graph.nodes(data=True))
    kinds = Counter(data["kind"] for _, _, data in graph.edges(data=True))
    negated = sum(1 for _, _, data in graph.edges(data=True) if data.get("negated"))
    lines = [f"Read {len(extraction.notes)} note(s):"]
    lines += [f"  {note.doc} ({note.format}, {len(note.sections)} sections)" for note in extraction.notes]
    for kept, heading in ((False, "Skipped {} file(s):"), (True, "Read {} file(s) with repairs:")):
        problems = [problem for problem in extraction.problems if problem.kept == kept]
        if problems:
            lines.append(heading.format(len(problems)))
            lines += [f"  {problem}" for problem in problems]
    lines.append(f"Nodes: {graph.number_of_nodes()} ({', '.join(f'{n} {t}s' for t, n in sorted(types.items()))})")
    lines.append(f"Edges: {graph.number_of_edges()} ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}; {negated} negated)")
    lines.append(f"Wrote {out}")
    return "\n".join(lines)


def command_sample(args: argparse.Namespace) -> int:
    """Print a seeded random sample of typed edges and of nodes, each with a sentence, to judge precision;
    ``--out`` also writes them as a JSON Lines file whose verdicts a judge fills in."""
    graph = load_graph(Path(args.graph))
    sample = sample_items(graph, edges=args.edges, nodes=args.nodes, seed=args.seed, kind=args.kind)
    if args.out:
        _write_to_judge(sample, Path(args.out))
    if args.json:
        print(json.dumps({"edges": sample.edges, "nodes": sample.nodes}, ensure_ascii=False, indent=1))
    else:
        print(_format_sample(sample))
    if args.out:
        print(f"Wrote {len(sample.edges)} edges and {len(sample.nodes)} nodes to judge to {args.out}", file=sys.stderr)
    return 0


def _write_to_judge(sample: Sample, out: Path) -> None:
    """Write the to-judge file, unless ``out`` already holds verdicts (a judge's work is never overwritten)."""
    if out.exists():
        try:
            judged = any(judgement.verdict for judgement in read_judgements([out]))
        except JudgementFileError:
            judged = True
        if judged:
            raise UsageError(f"{out} already holds verdicts (or is not a to-judge file); choose another --out")
    write_atomically(out, to_judge_lines(sample).encode("utf-8"))


def _said(record: dict) -> str:
    if record["line"] is None:
        return f"       {NO_SENTENCE}"
    return f"       \"{record['sentence']}\" ({record['note']}, {record['section']}, line {record['line']})"


def _format_sample(sample: Sample) -> str:
    lines = [f"{len(sample.edges)} of {sample.edges_of_kind} {sample.kind} edges (seed {sample.seed}):"]
    for record in sample.edges:
        relation = ("NOT " if record["negated"] else "") + record["relation"]
        lines += [f"{record['id']:>5}. {record['source']} -[{relation}]-> {record['target']}", _said(record)]
    lines.append(f"{len(sample.nodes)} of {sample.node_count} nodes (seed {sample.seed}):")
    for record in sample.nodes:
        aliases = f"; aliases: {', '.join(record['aliases'])}" if record["aliases"] else ""
        lines += [f"{record['id']:>5}. {record['name']} ({record['type']}{aliases})", _said(record)]
    lines.append("Judge each edge correct, vague or wrong and each node specific, generic or junk "
                 "(the rule: eval/judgements/README.md).")
    return "\n".join(lines)


def command_precision(args: argparse.Namespace) -> int:
    """Count the verdicts of judged samples over the current graph: precision per edge kind, node verdicts."""
    paths = [Path(name) for name in args.files] or sorted(DEFAULT_JUDGEMENTS.glob("*.jsonl"))
    if not paths:
        raise UsageError(f"no judgement files in {DEFAULT_JUDGEMENTS}/ (*.jsonl); "
                         "make one with: python -m graph sample --out FILE")
    judgements = read_judgements(paths)
    graph = load_graph(Path(args.graph))
    report, hubs = precision_report(graph, judgements), generic_hubs(graph, judgements)
    if args.json:
        print(json.dumps({**report.as_dict(), "generic_hubs": {**asdict(hubs), "share": hubs.share()}}, indent=1))
    else:
        print(_format_precision(report, len(paths)) + "\n" + _format_hubs(hubs))
    return 0


def _format_hubs(hubs: GenericHubs) -> str:
    """The generic-hub figures of the quality bar, by the judged nodes."""
    generic, unjudged = hubs.generic_in_top(), hubs.unjudged_in_top()
    return "\n".join([
        f"Generic hubs (by judged nodes): {hubs.touching_generic} of {hubs.typed_edges} typed edges "
        f"({_percent(hubs.share())}) touch a node judged generic or junk (a lower bound).",
        f"Of the {len(hubs.top)} most connected topics, judged generic or junk: {len(generic)}"
        + (f" ({', '.join(generic)})" if generic else "") + f"; not judged yet: {len(unjudged)}"
        + (f" ({', '.join(unjudged)})" if unjudged else "") + "."])


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _format_precision(report: PrecisionReport, files: int) -> str:
    row = "{:<12}{:>8}{:>10}{:>10}{:>8}{:>11}"
    lines = [row.format("edges", "judged", *EDGE_VERDICTS, "precision")]
    for kind in (*TYPED_KINDS, None):
        counts = report.edges[kind] if kind else _sum_counts(report.edges.values())
        lines.append(row.format(kind or "all typed", sum(counts.values()), *counts.values(),
                                _percent(report.edge_precision(kind))))
    lines.append(row.format("nodes", "judged", *NODE_VERDICTS, "specific"))
    lines.append(row.format("", sum(report.nodes.values()), *report.nodes.values(), _percent(report.node_precision())))
    lines.append(f"Unjudged: {report.unjudged_edges} of {report.typed_edges} typed edges, "
                 f"{report.unjudged_nodes} of {report.node_count} nodes.")
    lines.append(f"Judged but no longer in the graph: {report.gone_edges} edge(s), {report.gone_nodes} node(s); "
                 f"listed without a verdict: {report.pending} ({files} file(s) read).")
    return "\n".join(lines)


def _sum_counts(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for count in counts:
        total.update(count)
    return {verdict: total[verdict] for verdict in EDGE_VERDICTS}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m graph", description="Build and explore a knowledge graph of study notes.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = commands.add_parser("build", help="extract the graph from a folder of notes")
    build.add_argument("notes", nargs="?", default=str(DEFAULT_NOTES), help=f"folder of notes (default {DEFAULT_NOTES})")
    build.add_argument("--out", default=str(DEFAULT_GRAPH), help=f"graph file to write (default {DEFAULT_GRAPH})")
    build.add_argument("--content", default=None, help="folder of vocabulary files (default: the shipped content/)")
    build.add_argument("--quiet", action="store_true", help="no progress output")
    build.add_argument("--no-cache", action="store_true",
                       help="extract afresh, neither reading nor writing the extraction cache")
    build.add_argument("--cache-dir", default=None,
                       help="where extractions are cached (default: cache/ beside --out, so build/cache)")
    where = build.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_count(1), default=None, metavar="N",
                       help="read the notes on a local Dask cluster of N worker processes")
    where.add_argument("--scheduler", default=None, metavar="ADDRESS",
                       help="read the notes on the Dask cluster of this scheduler (tcp://host:port)")
    build.set_defaults(run=command_build)

    sample = commands.add_parser("sample", help="a random sample of edges and nodes with evidence, to judge precision")
    sample.add_argument("--edges", "--n", type=_count(0), default=50, metavar="N", help="edges to sample (default 50)")
    sample.add_argument("--nodes", type=_count(0), default=60, metavar="N", help="nodes to sample (default 60)")
    sample.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    sample.add_argument("--kind", default="stated", choices=TYPED_KINDS, help="edge kind to sample (default stated)")
    sample.add_argument("--graph", default=str(DEFAULT_GRAPH), help=f"graph file (default {DEFAULT_GRAPH})")
    sample.add_argument("--json", action="store_true", help="machine-readable output")
    sample.add_argument("--out", default=None, metavar="FILE", help="also write a JSON Lines file to judge")
    sample.set_defaults(run=command_sample)

    precision = commands.add_parser("precision", help="precision of the graph from judged samples")
    precision.add_argument("files", nargs="*", metavar="JUDGED_FILE",
                           help=f"judgement files (default: every {DEFAULT_JUDGEMENTS}/*.jsonl)")
    precision.add_argument("--graph", default=str(DEFAULT_GRAPH), help=f"graph file (default {DEFAULT_GRAPH})")
    precision.add_argument("--json", action="store_true", help="machine-readable output")
    precision.set_defaults(run=command_precision)

    add_query_commands(commands, default_graph=DEFAULT_GRAPH)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return args.run(args)
    except (UsageError, GraphFileError, NodeNotFound, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head and the like
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout at exit
        return 0
    except OSError as error:  # an export or graph path that cannot be written
        print(f"error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
