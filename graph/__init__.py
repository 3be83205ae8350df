"""The knowledge graph: built from an extraction, saved as node-link JSON, queried, exported."""
from .build import build_graph, edge_key, evidence_dict
from .io import FORMAT_VERSION, GraphFileError, graph_from_data, graph_to_data, load_graph, save_graph

__all__ = [
    "build_graph", "edge_key", "evidence_dict",
    "FORMAT_VERSION", "GraphFileError", "graph_from_data", "graph_to_data", "load_graph", "save_graph",
]
