"""The commands that read a built graph: stats, search, path, neighbours, compare, export.

Each one loads ``--graph``, applies the view options, makes one call into the library and
prints the result for a terminal, or as JSON with ``--json``.
"""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

import networkx as nx

from .connections import connect
from .exports import EXPORT_FORMATS, write_export
from .html_export import COLOR_MODES, DEFAULT_MAX_NODES
from .insights import CENTRALITY_MEASURES, compare_topics, graph_summary, note_statistics
from .io import load_graph
from .neighbourhood import DIRECTIONS, neighbourhood, neighbours
from .paths import find_paths, path_view
from .search import SEARCH_SCOPES, search
from .terminal import format_comparison, format_connection, format_neighbours, format_notes, format_search, format_summary
from .topics import resolve_topic
from .views import EDGE_KINDS, NODE_TYPES, VIEW_KINDS, filter_view

__all__ = ["add_query_commands"]


def _count(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} is less than {minimum}")
        return value
    return parse


def add_query_commands(commands, *, default_graph: Path) -> None:
    """Add the graph-reading commands to the ``commands`` sub-parsers."""
    def command(name: str, run, help: str, kinds: tuple[str, ...] = EDGE_KINDS,
                kinds_help: str = "") -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help, description=help)
        parser.add_argument("--graph", default=str(default_graph), help=f"graph file (default {default_graph})")
        views = parser.add_argument_group("view", "which part of the graph to use")
        views.add_argument("--types", nargs="+", choices=NODE_TYPES, help="topic types to keep")
        views.add_argument("--relations", nargs="+", metavar="RELATION", help='relation labels to keep, e.g. "integrates with"')
        views.add_argument("--kinds", nargs="+", choices=EDGE_KINDS, default=None,
                           help=f"edge kinds to keep (default: {kinds_help or ' '.join(kinds)})")
        views.add_argument("--notes", nargs="+", metavar="NOTE", help="keep what these note files say")
        views.add_argument("--min-evidence", type=_count(1), default=1, metavar="N", help="edges with at least N sentences")
        views.add_argument("--hide-negated", action="store_true", help='leave out negated edges ("X is not used for Y")')
        views.add_argument("--hide-orphans", action="store_true", help="leave out topics the filters leave unlinked")
        parser.set_defaults(run=run, default_kinds=kinds)
        return parser

    stats = command("stats", _stats, "counts, central topics, communities and per-note statistics")
    stats.add_argument("--top", type=_count(1), default=10, help="how many central topics to list (default 10)")
    stats.add_argument("--json", action="store_true", help="machine-readable output")

    found = command("search", _search, "find topics by name, alias or what the notes say about them")
    found.add_argument("query", nargs="+", help='a name or a question, e.g. sagemaker clarfy, or "how do I detect '
                                                'bias in training data?"')
    found.add_argument("--limit", type=_count(1), default=10, help="most results to show (default 10)")
    found.add_argument("--scope", choices=SEARCH_SCOPES, default="all", help="names, evidence or all (default)")
    found.add_argument("--json", action="store_true", help="a JSON list of results, each with an id")

    path = command("path", _path, "the best paths between two topics, each hop with its evidence")
    path.add_argument("source", metavar="FROM")
    path.add_argument("target", metavar="TO")
    path.add_argument("--k", type=_count(1), default=3, help="how many paths (default 3)")
    path.add_argument("--directed", action="store_true", help="follow edges only the way they are stated")
    path.add_argument("--include-negated", action="store_true", help="let paths use negated edges")
    path.add_argument("--json", action="store_true", help="a JSON list of paths, each a list of hops")

    near = command("neighbours", _neighbours, "the topics around a topic", kinds=VIEW_KINDS)
    near.add_argument("topic")
    near.add_argument("--depth", type=_count(0), default=1, help="how many steps out (default 1)")
    near.add_argument("--direction", choices=DIRECTIONS, default="both",
                      help="out: what the topic uses; in: what uses it; both (default)")
    near.add_argument("--json", action="store_true", help="machine-readable output")

    compare = command("compare", _compare, "two topics side by side: shared neighbours, relations only one has")
    compare.add_argument("first")
    compare.add_argument("second")
    compare.add_argument("--json", action="store_true", help="machine-readable output")

    export = command("export", _export, "write the graph or a view as html, svg, json, graphml, gexf, csv "
                     "or for Neo4j (neo4j: admin import files, cypher: a script, graphml-apoc)",
                     kinds_help="all; stated structural with --focus, as for neighbours")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--out", required=True, metavar="FILE",
                        help="file to write (csv: FILE.nodes.csv ... or a .zip; neo4j: a folder or a .zip)")
    focus = export.add_mutually_exclusive_group()
    focus.add_argument("--focus", metavar="TOPIC", help="only the neighbourhood of this topic")
    focus.add_argument("--path", nargs=2, metavar=("FROM", "TO"), help="only the best paths between two topics")
    export.add_argument("--depth", type=_count(0), default=None, help="steps out from --focus (default 1)")
    export.add_argument("--direction", choices=DIRECTIONS, default="both", help="direction from --focus")
    export.add_argument("--k", type=_count(1), default=3, help="paths for --path (default 3)")
    html = export.add_argument_group("html and svg", "options of the html and svg formats (svg: no --size-by)")
    html.add_argument("--title", default=None, help="page title")
    html.add_argument("--color-by", choices=COLOR_MODES, default="type", help="colour topics by type or community")
    html.add_argument("--size-by", choices=CENTRALITY_MEASURES, default="degree", help="size topics by centrality")
    html.add_argument("--max-nodes", type=_count(1), default=DEFAULT_MAX_NODES,
                      help=f"draw at most this many (most central) topics (default {DEFAULT_MAX_NODES})")


def _view(args: argparse.Namespace, default_kinds: tuple[str, ...] | None = None,
          graph: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The graph file (or ``graph``), filtered by the view options (the whole graph when none
    narrows it). Without ``--kinds``, the command's own default kinds apply (``default_kinds``
    overrides)."""
    graph = load_graph(Path(args.graph)) if graph is None else graph
    kinds = args.kinds or default_kinds or args.default_kinds
    narrowing = (args.types or args.relations or args.notes or args.min_evidence > 1 or args.hide_negated
                 or args.hide_orphans or set(kinds) != set(EDGE_KINDS))
    if not narrowing:
        return graph
    return filter_view(graph, types=args.types, relations=args.relations, kinds=kinds, notes=args.notes,
                       min_evidence=args.min_evidence, negated=not args.hide_negated, orphans=not args.hide_orphans)


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=1, default=str))


def _stats(args: argparse.Namespace) -> int:
    graph = _view(args)
    summary = graph_summary(graph, top=args.top)
    notes = note_statistics(graph)
    if args.json:
        _print_json({**summary, "per_note": [asdict(note) for note in notes]})
    else:
        print(f"{args.graph}\n{format_summary(summary)}\n\nPer note:\n{format_notes(notes)}")
    return 0


def _search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    results = search(_view(args), query, limit=args.limit, scope=args.scope)
    if args.json:
        _print_json([asdict(result) for result in results])
    else:
        print(format_search(results, query))
    return 0


def _path(args: argparse.Namespace) -> int:
    whole = load_graph(Path(args.graph))  # how broad a topic is does not depend on the filters
    found = connect(_view(args, graph=whole), args.source, args.target, k=args.k, directed=args.directed,
                    negated=args.include_negated, hubs_from=whole)
    if args.json:
        _print_json([[hop.to_dict() for hop in path.hops] for path in found.paths])
    else:
        print(format_connection(found))
    return 0


def _neighbours(args: argparse.Namespace) -> int:
    graph = _view(args)
    found = neighbours(graph, args.topic, depth=args.depth, direction=args.direction)
    if args.json:
        _print_json([asdict(neighbour) for neighbour in found])
    else:
        print(format_neighbours(found, resolve_topic(graph, args.topic), graph, args.depth))
    return 0


def _compare(args: argparse.Namespace) -> int:
    comparison = compare_topics(_view(args), args.first, args.second)
    if args.json:
        _print_json(asdict(comparison))
    else:
        print(format_comparison(comparison))
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.depth is not None and not args.focus:
        raise ValueError("--depth needs --focus TOPIC")
    graph = _view(args, VIEW_KINDS if args.focus else None)  # a focus reads like the neighbours command
    highlight: list[str] = []
    if args.focus:
        highlight = [resolve_topic(graph, args.focus)]
        graph = neighbourhood(graph, args.focus, depth=1 if args.depth is None else args.depth, direction=args.direction)
    elif args.path:
        paths = find_paths(graph, *args.path, k=args.k)
        if not paths:
            raise ValueError(f"no path links {args.path[0]!r} to {args.path[1]!r}: nothing to export")
        highlight = [paths[0].source, paths[0].target]
        graph = path_view(graph, paths)
    options = {}
    if args.format == "html":
        options = {"title": args.title or _title(args), "color_by": args.color_by, "size_by": args.size_by,
                   "max_nodes": args.max_nodes, "highlight": highlight}
    elif args.format == "svg":
        options = {"title": args.title or _title(args), "color_by": args.color_by, "max_nodes": args.max_nodes,
                   "highlight": highlight}
    written = write_export(graph, args.format, Path(args.out), **options)
    print(f"Wrote {', '.join(map(str, written))} ({graph.number_of_nodes():,} topics, "
          f"{graph.number_of_edges():,} edges, {args.format})")
    return 0


def _title(args: argparse.Namespace) -> str:
    if args.focus:
        return f"Around {args.focus}"
    if args.path:
        return f"From {args.path[0]} to {args.path[1]}"
    return f"Study notes graph ({Path(args.graph).name})"
