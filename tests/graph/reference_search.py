"""Search and name matching as they were before their indexes: every name scored, every result
built. The tests compare the indexed versions with these."""
from __future__ import annotations

from dataclasses import replace

import networkx as nx
from rapidfuzz import fuzz, process

from graph.memo import derived
from graph.search import (_MENTION_WORDS, _NAME_CUTOFF, _QUESTION_WORDS, _WORD, SearchResult, _build_evidence_index,
                          _sentences_using)
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


def reference_search(graph: nx.MultiDiGraph, query: str, *, limit: int = 10, scope: str = "all") -> list[SearchResult]:
    words = _WORD.findall(query.casefold())
    terms = [word for word in words if word not in _QUESTION_WORDS] or words
    found: dict[str, SearchResult] = {}
    if scope in ("all", "names"):
        best: dict[str, NameMatch] = {}
        for text in dict.fromkeys((" ".join(words), " ".join(terms))):
            for match in reference_match_names(graph, text, limit=limit * 3, cutoff=_NAME_CUTOFF):
                if match.id not in best or match.score > best[match.id].score:
                    best[match.id] = match
        for match in best.values():
            found[match.id] = _result(graph, match.id, match.score, "alias" if match.is_alias else "name", match.written)
    if scope in ("all", "evidence"):
        for result in _evidence(graph, terms, first=not _MENTION_WORDS.isdisjoint(words)):
            named = found.get(result.id)
            found[result.id] = result if named is None or result.score > named.score else replace(
                named, mentions=result.mentions)
    degree = name_index(graph).degree
    return sorted(found.values(), key=lambda r: (-r.score, -r.mentions, -degree.get(r.id, 0), r.id))[:limit]


def _result(graph: nx.Graph, node: str, score: float, match: str, text: str, **place) -> SearchResult:
    data = graph.nodes[node]
    return SearchResult(node, str(data.get("label") or node), str(data.get("type", "")), round(score, 1), match, text,
                        **place)


def _evidence(graph: nx.Graph, terms: list[str], *, first: bool) -> list[SearchResult]:
    index = derived(graph, "evidence_index", _build_evidence_index)
    hits: dict[int, int] = {}
    for term in dict.fromkeys(terms):
        for sentence in _sentences_using(index, term):
            hits[sentence] = hits.get(sentence, 0) + 1
    per_topic: dict[str, list[int]] = {}
    for sentence in sorted(hits, key=lambda s: (-hits[s], s)):
        for topic in index.topics[sentence]:
            if topic in graph:
                per_topic.setdefault(topic, []).append(sentence)
    results = []
    for topic, sentences in per_topic.items():
        best = index.sentences[sentences[0]]
        score = min(100.0 if first else 85.0,
                    (70 if first else 55) + 25 * hits[sentences[0]] / len(set(terms)) + min(5, len(sentences)))
        results.append(_result(graph, topic, score, "definition" if best.definition else "evidence", best.text,
                               doc=best.doc, section=best.section, line=best.line, mentions=len(sentences)))
    return results
