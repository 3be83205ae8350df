"""Query results as text for a terminal: tables that fit the width, one line per hop."""
from __future__ import annotations

import shutil
from collections.abc import Sequence

import networkx as nx

from .connections import Connection, describe_path, loose_reason
from .insights import NoteStatistics, TopicComparison
from .neighbourhood import Link, Neighbour
from .paths import Hop
from .search import SearchResult

__all__ = ["percent", "table", "format_search", "format_connection", "format_neighbours", "format_summary",
           "format_notes", "format_comparison"]


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, width: int | None = None,
          right: Sequence[int] = ()) -> str:
    """Rows under headers in aligned columns; the last column is cut to fit ``width``.

    >>> print(table(["#", "topic"], [[1, "Amazon S3"], [2, "AWS Glue"]], right=[0]))
    #  topic
    1  Amazon S3
    2  AWS Glue
    """
    width = width or shutil.get_terminal_size((100, 24)).columns
    cells = [[str(value) for value in row] for row in rows]
    sizes = [max([len(headers[i])] + [len(row[i]) for row in cells]) for i in range(len(headers))]
    fixed = sum(sizes[:-1]) + 2 * (len(headers) - 1)
    sizes[-1] = max(12, min(sizes[-1], width - fixed))
    lines = []
    for row in [list(headers)] + cells:
        parts = []
        for i, value in enumerate(row):
            if len(value) > sizes[i]:
                value = value[: sizes[i] - 1] + "…"
            parts.append(value.rjust(sizes[i]) if i in right else value.ljust(sizes[i]))
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def format_search(results: list[SearchResult], query: str) -> str:
    if not results:
        return f"Search: nothing matches {query!r} (no name, alias or sentence of the notes comes close)."
    rows = []
    for number, result in enumerate(results, start=1):
        if result.match in ("name", "alias"):
            found = result.match if result.text == result.id else f"{result.match}: {result.text}"
            if result.mentions:
                found += f" (+{result.mentions} sentence{'s' if result.mentions != 1 else ''})"
        else:
            found = f"{result.match} ({result.mentions}): \"{result.text}\" [{result.doc}]"
        rows.append([number, result.id, result.type, f"{result.score:.0f}", found])
    return table(["#", "topic", "type", "score", "match"], rows, right=[0, 3])


def format_connection(connection: Connection, *, shared: int = 10) -> str:
    """What joins two topics: what the notes state about both, the topics both link to (at
    most ``shared``), then the paths; when they are only loosely linked, why, and the closest path."""
    source, target = connection.source, connection.target
    lines = [f"{source} and {target}" if connection.paths else f"No path links {source!r} to {target!r} in this graph."]
    lines += [f"Stated directly: {_hop_text(hop)}" for hop in connection.direct]
    if connection.shared:
        names = [f"{name} (broad)" if name in connection.broad else name for name in connection.shared[:shared]]
        more = f" +{len(connection.shared) - shared} more" if len(connection.shared) > shared else ""
        lines.append(f"Both link to: {', '.join(names)}{more}")
    paths = connection.paths
    if connection.loose:
        lines.append(loose_reason(connection))
        paths = paths[:1]
    for number, path in enumerate(paths, start=1):
        heading = "Closest path" if connection.loose else f"Path {number} of {len(paths)}"
        lines += ["", f"{heading}: {describe_path(path)}: {' > '.join(path.nodes)}"]
        lines += [f"  {step}. {_hop_text(hop)}" for step, hop in enumerate(path.hops, start=1)]
    return "\n".join(lines)


def _hop_text(hop: Hop) -> str:
    relation = ("not " if hop.negated else "") + hop.relation
    arrow = f"-[{relation}]->" if hop.forward else f"<-[{relation}]-"
    where = f"  ({hop.evidence.doc}, {hop.evidence.section}): \"{hop.evidence.sentence}\"" if hop.evidence else ""
    return f"{hop.source} {arrow} {hop.target} [{hop.kind}]{where}"


def _link_text(link: Link, via: str) -> str:
    relation = ("not " if link.negated else "") + link.relation
    return f"-[{relation}]->" if link.source == via else f"<-[{relation}]-"


def format_neighbours(neighbours: list[Neighbour], centre: str, graph: nx.Graph, depth: int) -> str:
    if not neighbours:
        return f"{centre} has no neighbours within {depth} step{'s' if depth != 1 else ''} in this graph."
    rows = []
    for neighbour in neighbours:
        links = ", ".join(_link_text(link, neighbour.via) for link in neighbour.links[:3])
        if len(neighbour.links) > 3:
            links += f" +{len(neighbour.links) - 3}"
        via = "" if neighbour.via == centre else f"{neighbour.via} "
        rows.append([neighbour.depth, graph.nodes[neighbour.id].get("type", ""), neighbour.id, f"{via}{links}"])
    heading = f"{centre}: {len(neighbours)} topic{'s' if len(neighbours) != 1 else ''} within {depth} step{'s' if depth != 1 else ''}"
    return heading + "\n" + table(["depth", "type", "topic", "linked by"], rows, right=[0])


def format_summary(summary: dict) -> str:
    lines = [
        f"Topics: {summary['nodes']:,} ({', '.join(f'{n:,} {t}s' for t, n in summary['types'].items())})",
        f"Edges: {summary['edges']:,} ({', '.join(f'{n:,} {k}' for k, n in summary['kinds'].items())}; "
        f"{summary['negated']:,} negated)",
        f"Notes: {summary['notes']}; connected pieces: {summary['components']:,} "
        f"(largest {summary['largest_component']:,} topics); isolated topics: {summary['isolated']:,}",
        "",
        "Most central topics:",
        table(["topic", "linked to (share of topics)", "on shortest paths (share)"],
              [[row["id"], percent(row["degree"]), percent(row["betweenness"])] for row in summary["central"]],
              right=[1, 2]),
        "",
        f"Communities (Louvain, seed {summary['community_seed']}): {len(summary['communities']):,}",
        table(["#", "topics", "most central members"],
              [[number, group["size"], ", ".join(group["leaders"])] for number, group in
               enumerate(summary["communities"][:10], start=1)], right=[0, 1]),
    ]
    return "\n".join(lines)


def percent(fraction: float) -> str:
    """A fraction as a plain percentage, ``"under 1%"`` when small but not zero.

    >>> percent(0.1234), percent(0.001), percent(0.0)
    ('12%', 'under 1%', '0%')
    """
    return "under 1%" if 0 < fraction < 0.005 else f"{fraction:.0%}"


def format_notes(statistics: list[NoteStatistics]) -> str:
    rows = [[s.note, s.topics, s.services, s.concepts, s.edges.get("stated", 0), s.edges.get("structural", 0),
             s.edges.get("cooccurrence", 0), s.negated, s.sentences, len(s.only_here), ", ".join(s.top_topics)]
            for s in statistics]
    return table(["note", "topics", "services", "concepts", "stated", "structural", "co-occur", "negated",
                  "sentences", "only here", "top topics"], rows, right=range(1, 10))


def format_comparison(comparison: TopicComparison) -> str:
    first, second = comparison.first, comparison.second

    def names(items: Sequence[str]) -> str:
        return ", ".join(items) if items else "none"

    def links(items: Sequence[Link], node: str) -> list[str]:
        return [f"  {_link_text(link, node)} {link.target if link.source == node else link.source}" for link in items] or ["  none"]

    lines = [f"{first} vs {second}: similarity {percent(comparison.similarity)} (shared neighbours out of all their neighbours)"]
    if comparison.direct:
        lines.append("Directly linked: " + "; ".join(link.statement for link in comparison.direct))
    lines += [f"Shared neighbours ({len(comparison.shared_neighbours)}): {names(comparison.shared_neighbours)}",
              f"Shared relations: {names(comparison.shared_relations)}",
              f"Only {first} ({len(comparison.relations_only_first)} relations):",
              *links(comparison.relations_only_first, first),
              f"Only {second} ({len(comparison.relations_only_second)} relations):",
              *links(comparison.relations_only_second, second)]
    return "\n".join(lines)
