"""Command line: ``python -m graph build|sample|stats|search|path|neighbours|compare|export``.

Every error a user can cause (a missing folder, a corrupt graph, an unknown topic, a bad
option) prints one line and exits with status 2; nothing prints a traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from .io import GraphFileError, load_graph
from .query_commands import add_query_commands
from .topics import NodeNotFound

__all__ = ["main", "UsageError"]

DEFAULT_NOTES = Path("content/notes")
DEFAULT_GRAPH = Path("build/graph.json")


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
    from extract.nlp import ModelNotInstalled
    from extract.notes import NoteError
    from extract.vocabulary import VocabularyError

    from .build import build_notes_graph

    folder = Path(args.notes)
    if not folder.is_dir():
        raise UsageError(f"notes folder {'is a file' if folder.is_file() else 'not found'}: {folder}")
    cache_dir = None if args.no_cache else Path(args.cache_dir) if args.cache_dir else Path(args.out).parent / "cache"
    try:
        built = build_notes_graph(folder, Path(args.out), cache_dir=cache_dir, content_dir=args.content,
                                  progress=None if args.quiet else _progress_printer(sys.stderr))
    except (NoteError, VocabularyError, ModelNotInstalled) as error:
        raise UsageError(str(error)) from None
    if built.cached and not args.quiet:
        print(f"Notes, vocabulary and extractor unchanged: reusing the extraction cached in {cache_dir}", file=sys.stderr)
    print(_build_summary(built.extraction, built.graph, Path(args.out)))
    return 0


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
    """Print a random sample of stated edges with their evidence, for judging precision."""
    graph = load_graph(Path(args.graph))
    edges = sorted(
        ((u, v, data) for u, v, data in graph.edges(data=True) if data["kind"] == args.kind),
        key=lambda edge: (edge[0], edge[2]["relation"], edge[1]),
    )
    if not edges:
        print(f"no {args.kind} edges in {args.graph}")
        return 0
    chosen = random.Random(args.seed).sample(edges, min(args.n, len(edges)))
    if args.json:
        print(json.dumps([{"source": u, "target": v, "relation": d["relation"], "negated": d["negated"],
                           "evidence": d["evidence"][0]} for u, v, d in chosen], ensure_ascii=False, indent=1))
        return 0
    for number, (source, target, data) in enumerate(chosen, start=1):
        evidence = data["evidence"][0]
        relation = ("NOT " if data["negated"] else "") + data["relation"]
        print(f"{number:3}. {source} -[{relation}]-> {target}")
        print(f"     \"{evidence['sentence']}\" ({evidence['doc']}, {evidence['section']}, line {evidence['line']})")
    print(f"({len(chosen)} of {len(edges)} {args.kind} edges, seed {args.seed})")
    return 0


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
    build.set_defaults(run=command_build)

    sample = commands.add_parser("sample", help="a random sample of edges with evidence, to judge precision")
    sample.add_argument("--n", type=int, default=50, help="sample size (default 50)")
    sample.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    sample.add_argument("--kind", default="stated", choices=["stated", "structural", "cooccurrence"])
    sample.add_argument("--graph", default=str(DEFAULT_GRAPH), help=f"graph file (default {DEFAULT_GRAPH})")
    sample.add_argument("--json", action="store_true", help="machine-readable output")
    sample.set_defaults(run=command_sample)

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
