"""Name matching as it was before its index: every name scored. The tests compare the indexed
version with it."""
from __future__ import annotations

import networkx as nx
from rapidfuzz import fuzz, process

from graph.topics import NameMatch, _length_penalised, name_index, normalise_name


def reference_match_names(graph: nx.Graph, text: str, *, limit: int = 10, cutoff: float = 60.0) -> list[NameMatch]:
    index = name_index(graph)
    wanted = normalise_name(text)
    if not wanted or not index.choices:
        return []
    best: dict[str, NameMatch] = {}
    for choice, score, position in process.extract(wanted, index.choices, scorer=fuzz.WRatio, processor=None,
                                                   limit=limit * 5 + 20, score_cutoff=cutoff):
        match = NameMatch(index.owners[position], round(_length_penalised(wanted, choice, score), 1),
                          index.written[position], index.is_alias[position])
        current = best.get(match.id)
        if match.score >= cutoff and (current is None or (match.score, not match.is_alias) > (current.score, not current.is_alias)):
            best[match.id] = match
    return sorted(best.values(), key=lambda m: (-m.score, m.is_alias, -index.degree[m.id], m.id))[:limit]
