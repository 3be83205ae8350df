"""The knowledge graph: built from an extraction, saved as node-link JSON, queried, exported.

Every query takes the graph (or a view of it) first and never changes it; topics may be named
by id, label or alias, and an unknown one raises :class:`NodeNotFound` with suggestions.

Load and save      ``load_graph(path)``, ``save_graph(graph, path)`` (raise ``GraphFileError``)
Views              ``filter_view(graph, types=, relations=, kinds=, notes=, min_evidence=, negated=, orphans=)``
                   ``neighbourhood(graph, topic, depth=, direction=)``, ``path_view(graph, paths)``
Topics             ``resolve_topic(graph, name)``, ``suggest_topics(graph, name)``
Search             ``search(graph, query, limit=, scope=)`` -> ``[SearchResult]``
Neighbours         ``neighbours(graph, topic, depth=, direction=)`` -> ``[Neighbour]``
Paths              ``find_paths(graph, source, target, k=, directed=, negated=)`` -> ``[TopicPath]``,
                   ``explain_path(path)`` -> text
Insights           ``centrality(graph, measure=)``, ``communities(graph)``, ``community_of(graph)``,
                   ``note_statistics(graph)``, ``compare_topics(graph, a, b)``, ``graph_summary(graph)``
Export             ``to_pyvis_html(graph, title=, color_by=, size_by=, max_nodes=, highlight=, physics=)`` -> str,
                   ``export_graph(graph, "html"|"json"|"graphml"|"gexf"|"csv")`` -> bytes

    >>> from graph import load_graph, search, find_paths, explain_path     # doctest: +SKIP
    >>> graph = load_graph("build/graph.json")                             # doctest: +SKIP
    >>> search(graph, "sagemaker clarfy", limit=1)[0].id                   # doctest: +SKIP
    'SageMaker Clarify'
    >>> print(explain_path(find_paths(graph, "Model Monitor", "CloudWatch")[0]))  # doctest: +SKIP
"""
from .cards import Related, RelationGroup, Sentence, TopicCard, topic_card
from .exports import (
    EXPORT_FORMATS,
    csv_tables,
    export_graph,
    flatten_attributes,
    write_export,
)
from .html_export import (
    COLOR_MODES,
    DEFAULT_MAX_NODES,
    escape_text,
    most_central,
    to_pyvis_html,
)
from .insights import (
    CENTRALITY_MEASURES,
    COMMUNITY_SEED,
    NoteStatistics,
    TopicComparison,
    centrality,
    communities,
    community_of,
    compare_topics,
    graph_summary,
    note_statistics,
)
from .io import (
    FORMAT_VERSION,
    GraphFileError,
    graph_from_data,
    graph_to_data,
    load_graph,
    save_graph,
    write_atomically,
)
from .layout import layout_positions
from .neighbourhood import DIRECTIONS, Link, Neighbour, neighbourhood, neighbours
from .paths import (
    KIND_COST,
    Citation,
    Hop,
    TopicPath,
    best_citation,
    edge_cost,
    explain_path,
    find_paths,
    path_view,
)
from .search import SEARCH_SCOPES, SearchResult, search
from .topics import (
    NameMatch,
    NodeNotFound,
    closest_names,
    match_names,
    normalise_name,
    resolve_topic,
    suggest_topics,
)
from .views import (
    EDGE_KINDS,
    NODE_TYPES,
    VIEW_KINDS,
    edge_docs,
    filter_view,
    subgraph_of,
)

__all__ = [
    "build_graph", "edge_key", "evidence_dict", "NotesBuild", "build_notes_graph",
    "Related", "RelationGroup", "Sentence", "TopicCard", "topic_card",
    "EXPORT_FORMATS", "csv_tables", "export_graph", "flatten_attributes", "write_export",
    "COLOR_MODES", "DEFAULT_MAX_NODES", "escape_text", "most_central", "to_pyvis_html",
    "CENTRALITY_MEASURES", "COMMUNITY_SEED", "NoteStatistics", "TopicComparison", "centrality", "communities",
    "community_of", "compare_topics", "graph_summary", "note_statistics",
    "FORMAT_VERSION", "GraphFileError", "graph_from_data", "graph_to_data", "load_graph", "save_graph",
    "write_atomically",
    "layout_positions",
    "DIRECTIONS", "Link", "Neighbour", "neighbourhood", "neighbours",
    "KIND_COST", "Citation", "Hop", "TopicPath", "best_citation", "edge_cost", "explain_path", "find_paths", "path_view",
    "SEARCH_SCOPES", "SearchResult", "search",
    "NameMatch", "NodeNotFound", "closest_names", "match_names", "normalise_name", "resolve_topic", "suggest_topics",
    "EDGE_KINDS", "NODE_TYPES", "VIEW_KINDS", "edge_docs", "filter_view", "subgraph_of",
]


def __getattr__(name: str):
    """``build_graph`` and friends load the extractor (and spaCy): import them only when asked for."""
    if name in ("build_graph", "edge_key", "evidence_dict", "NotesBuild", "build_notes_graph"):
        from . import build
        return getattr(build, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
