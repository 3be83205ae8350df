"""The knowledge graph: built from an extraction, saved as node-link JSON, queried, exported.

Every query takes the graph (or a view of it) first and never changes it; topics may be named
by id, label or alias, and an unknown one raises :class:`NodeNotFound` with suggestions.

Load and save      ``load_graph(path)``, ``save_graph(graph, path)`` (raise ``GraphFileError``); node-link data
                   checked and built in one pass by ``graph_from_node_link(data, origin)``
Views              ``filter_view(graph, types=, relations=, kinds=, notes=, min_evidence=, negated=, orphans=)``
                   ``neighbourhood(graph, topic, depth=, direction=)``, ``path_view(graph, paths)``
Topics             ``resolve_topic(graph, name)``, ``suggest_topics(graph, name)``
Search             ``search(graph, query, limit=, scope=)`` -> ``[SearchResult]`` (names, aliases, definitions and
                   evidence ranked together; questions welcome), over ``search_index(graph)``
Neighbours         ``neighbours(graph, topic, depth=, direction=)`` -> ``[Neighbour]``
Cards              ``topic_card(graph, topic)`` -> ``TopicCard`` (relations grouped by predicate, informative
                   first), ``definition_of(graph, topic)`` -> ``Definition`` (the sentence saying what it is)
Paths              ``find_paths(graph, source, target, k=, directed=, negated=, hubs_from=)`` -> ``[TopicPath]``,
                   ``explain_path(path)`` -> text, ``connect(graph, a, b, k=, ...)`` -> ``Connection``
                   (direct edges, shared neighbours, paths), ``describe_path(path)``, ``loose_reason(c)``,
                   ``breadth(graph)`` -> ``Breadth`` (how broad each topic is; the hubs)
Indexes            built once per graph: ``weighted_projection(graph, breadth)`` -> ``Projection`` (the
                   weighted steps paths take), ``cheapest_paths(projection, a, b)``; ``letter_bounds(forms)``,
                   ``upper_bounds``, ``ratio_candidates``, ``scored_best_first`` (name matching that scores only
                   names that can matter), ``rank_names(index, text)``
Insights           ``centrality(graph, measure=)``, ``communities(graph)``, ``community_of(graph)``,
                   ``note_statistics(graph)``, ``compare_topics(graph, a, b)``, ``graph_summary(graph)``
Drawing            ``map_data(graph, color_by=, max_nodes=, highlight=, keep=)`` -> the explorer map's data (topics
                   ranked and placed, edges with their sentences, legend), from ``node_item``/``edge_items``;
                   ``to_svg(graph, title=, color_by=, max_nodes=, positions=)`` -> the same map as an SVG picture
Export             ``to_pyvis_html(graph, title=, color_by=, size_by=, max_nodes=, highlight=, physics=)`` -> str,
                   ``export_graph(graph, "html"|"svg"|"json"|"graphml"|"gexf"|"csv"|"neo4j"|"cypher"|"graphml-apoc")``
                   -> bytes
Neo4j              ``neo4j_import_files(graph)``, ``to_cypher_script(graph)``, ``to_apoc_graphml(graph)``,
                   from the same ``node_records(graph)`` and ``relationship_records(graph)``

    >>> from graph import load_graph, search, find_paths, explain_path     # doctest: +SKIP
    >>> graph = load_graph("build/graph.json")                             # doctest: +SKIP
    >>> search(graph, "sagemaker clarfy", limit=1)[0].id                   # doctest: +SKIP
    'SageMaker Clarify'
    >>> print(explain_path(find_paths(graph, "Model Monitor", "CloudWatch")[0]))  # doctest: +SKIP
"""


# Two functions share their module's name: imported now, so that importing the module (which
# sets it as an attribute of the package) cannot hide the function later.
from .neighbourhood import DIRECTIONS, Link, Neighbour, neighbourhood, neighbours  # noqa: E402
from .search import SEARCH_SCOPES, SearchResult, search  # noqa: E402

# Each other public name and the module it lives in: a module is imported when one of its names
# is first asked for, so that `python -m graph build` does not load the exporters and layouts.
_HOMES = {
    "build": ("build_graph", "edge_key", "evidence_dict", "NotesBuild", "build_notes_graph"),
    "connections": ("Connection", "connect", "connect_around_hubs", "describe_path", "loose_reason"),
    "cards": ("Related", "RelationGroup", "Sentence", "TopicCard", "normalise_relation", "topic_card",),
    "definitions": ("DEFINITION_KINDS", "Definition", "defined_topics", "definition_of"),
    "exports": ("EXPORT_FORMATS", "csv_tables", "export_graph", "flatten_attributes", "write_export",),
    "html_export": ("COLOR_MODES", "DEFAULT_MAX_NODES", "escape_text", "most_central", "to_pyvis_html",
                    "vis_network_assets"),
    "map_view": ("LABELLED_TOPICS", "MAP_EVIDENCE", "arranged", "drawn_topics", "map_data"),
    "svg_export": ("SVG_MAX_NODES", "to_svg"),
    "network_data": ("COMMUNITY_COLOURS", "EDGE_STYLES", "NEGATED_COLOUR", "OTHER_COLOUR", "TYPE_COLOURS", "edge_items",
                     "evidence_by_topic", "evidence_place", "legend_entries", "node_item", "topic_colours"),
    "insights": (
        "CENTRALITY_MEASURES", "COMMUNITY_SEED", "NoteStatistics", "TopicComparison", "centrality", "communities",
        "community_of", "compare_topics", "graph_summary", "note_statistics",
    ),
    "hubs": ("HUB_COST", "TYPE_WEIGHT", "Breadth", "breadth"),
    "io": (
        "FORMAT_VERSION", "GraphFileError", "graph_from_data", "graph_to_data", "load_graph", "save_graph",
        "write_atomically",
    ),
    "collector": ("collector_paused",),
    "node_link": ("graph_from_node_link",),
    "layout": ("layout_positions",),
    "name_matching": ("LetterBounds", "letter_bounds", "ratio_candidates", "scored_best_first", "upper_bounds"),
    "neo4j_cypher": ("CYPHER_BATCH_SIZE", "cypher_string", "cypher_value", "to_cypher_script",),
    "neo4j_graphml": ("to_apoc_graphml",),
    "neo4j_import": ("ARRAY_DELIMITERS", "choose_array_delimiter", "import_command", "neo4j_import_files",),
    "neo4j_records": (
        "TOPIC_LABEL", "NodeRecord", "RelationshipRecord", "node_label", "node_records", "relationship_records",
        "relationship_type",
    ),
    "projection": ("Projection", "weighted_projection"),
    "simple_paths": ("cheapest_paths",),
    "paths": (
        "KIND_COST", "STRONG_COST", "WEAK_COST", "Citation", "Hop", "TopicPath", "best_citation", "edge_cost",
        "explain_path", "find_paths", "path_view", "walk_edge",
    ),
    "topics": (
        "NameMatch", "NodeNotFound", "closest_names", "match_names", "normalise_name", "rank_names", "resolve_topic",
        "suggest_topics",
    ),
    "word_index": ("NAMING_WEIGHT", "QUESTION_WORDS_FILE", "IndexedSentence", "SearchIndex", "question_words",
                   "search_index", "stem", "stems_of"),
    "views": ("EDGE_KINDS", "NODE_TYPES", "VIEW_KINDS", "edge_docs", "filter_view", "subgraph_of",),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "build_graph", "edge_key", "evidence_dict", "NotesBuild", "build_notes_graph",
    "Related", "RelationGroup", "Sentence", "TopicCard", "normalise_relation", "topic_card",
    "DEFINITION_KINDS", "Definition", "defined_topics", "definition_of",
    "Connection", "connect", "connect_around_hubs", "describe_path", "loose_reason",
    "HUB_COST", "TYPE_WEIGHT", "Breadth", "breadth",
    "EXPORT_FORMATS", "csv_tables", "export_graph", "flatten_attributes", "write_export",
    "COLOR_MODES", "DEFAULT_MAX_NODES", "escape_text", "most_central", "to_pyvis_html", "vis_network_assets",
    "LABELLED_TOPICS", "MAP_EVIDENCE", "arranged", "drawn_topics", "map_data",
    "SVG_MAX_NODES", "to_svg",
    "COMMUNITY_COLOURS", "EDGE_STYLES", "NEGATED_COLOUR", "OTHER_COLOUR", "TYPE_COLOURS", "edge_items",
    "evidence_by_topic", "evidence_place", "legend_entries", "node_item", "topic_colours",
    "CENTRALITY_MEASURES", "COMMUNITY_SEED", "NoteStatistics", "TopicComparison", "centrality", "communities",
    "community_of", "compare_topics", "graph_summary", "note_statistics",
    "FORMAT_VERSION", "GraphFileError", "collector_paused", "graph_from_data", "graph_to_data", "load_graph",
    "save_graph", "write_atomically",
    "graph_from_node_link",
    "layout_positions",
    "LetterBounds", "letter_bounds", "ratio_candidates", "scored_best_first", "upper_bounds",
    "Projection", "weighted_projection", "cheapest_paths",
    "CYPHER_BATCH_SIZE", "cypher_string", "cypher_value", "to_cypher_script",
    "to_apoc_graphml",
    "ARRAY_DELIMITERS", "choose_array_delimiter", "import_command", "neo4j_import_files",
    "TOPIC_LABEL", "NodeRecord", "RelationshipRecord", "node_label", "node_records", "relationship_records",
    "relationship_type",
    "DIRECTIONS", "Link", "Neighbour", "neighbourhood", "neighbours",
    "KIND_COST", "STRONG_COST", "WEAK_COST", "Citation", "Hop", "TopicPath", "best_citation", "edge_cost",
    "explain_path", "find_paths", "path_view", "walk_edge",
    "SEARCH_SCOPES", "SearchResult", "search",
    "NAMING_WEIGHT", "QUESTION_WORDS_FILE", "IndexedSentence", "SearchIndex", "question_words", "search_index", "stem",
    "stems_of",
    "NameMatch", "NodeNotFound", "closest_names", "match_names", "normalise_name", "resolve_topic", "suggest_topics",
    "EDGE_KINDS", "NODE_TYPES", "VIEW_KINDS", "edge_docs", "filter_view", "subgraph_of",
]



def __getattr__(name: str):
    """Load the module a public name lives in on first use (``build_graph`` and friends also
    load the extractor, and spaCy when notes must be read)."""
    if name in _MODULE_OF:
        from importlib import import_module
        return getattr(import_module(f".{_MODULE_OF[name]}", __name__), name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
