"""Ranked search over topic names and aliases (typo-tolerant) and over the evidence sentences.

"sagemaker clarfy" finds SageMaker Clarify by name; "which topics mention drift?" finds the
topics named after drift and those whose evidence sentences talk about it. The indexes are
built once per graph object (see :mod:`graph.memo`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import NamedTuple

import networkx as nx
from rapidfuzz import fuzz, process

from .memo import derived
from .topics import NameMatch, match_names, name_index

__all__ = ["SEARCH_SCOPES", "SearchResult", "search"]

SEARCH_SCOPES = ("all", "names", "evidence")
# Words that frame a question rather than say what it is about.
_QUESTION_WORDS = frozenset("""
    a about all an and any are as at be by can do does find for from give how i in is it list me mention mentioned
    mentions mentioning of on or say says said show tell that the their them there these this those to topic topics
    what when where which who why with about note notes talk talks
""".split())
# Words that ask what the notes say about something: evidence then ranks first.
_MENTION_WORDS = frozenset("about mention mentioned mentions mentioning say said says talk talks".split())
_NAME_CUTOFF = 70.0
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchResult:
    """A topic found by :func:`search`.

    ``match`` says what matched: "name", "alias", "evidence" or "definition"; ``text`` is
    the name as written or the best matching sentence, with its ``doc``, ``section`` and
    ``line`` for evidence. ``mentions`` counts the topic's sentences that match the query.
    """

    id: str
    label: str
    type: str
    score: float
    match: str
    text: str
    doc: str = ""
    section: str = ""
    line: int = 0
    mentions: int = 0


class _Sentence(NamedTuple):
    text: str
    doc: str
    section: str
    line: int
    definition: bool


@dataclass(frozen=True)
class _EvidenceIndex:
    sentences: list[_Sentence]
    topics: list[set[str]]                # the topics each sentence is evidence for
    postings: dict[str, list[int]]        # word -> indexes of the sentences using it
    words: tuple[str, ...]                # every word, sorted, for prefix look-ups


def search(graph: nx.MultiDiGraph, query: str, *, limit: int = 10, scope: str = "all") -> list[SearchResult]:
    """Topics matching ``query``, best first, at most ``limit`` of them.

    ``scope`` is "names" (names and aliases, typos forgiven), "evidence" (the sentences
    behind the edges, and definitions) or "all" (both: a good name match first, unless the
    query asks what *mentions* something). Ties go to the topic with more matching
    sentences, then to the better connected one. An empty result is an empty list.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("SageMaker Clarify", label="SageMaker Clarify", type="service", aliases=["Clarify"])
    >>> g.add_node("SageMaker Model Monitor", label="SageMaker Model Monitor", type="service", aliases=[])
    >>> g.add_node("data", label="data", type="concept", aliases=[])
    >>> ev = [{"sentence": "Model Monitor detects drift in data.", "doc": "n.md", "section": "Monitoring", "line": 4}]
    >>> _ = g.add_edge("SageMaker Model Monitor", "data", relation="monitors", kind="stated", negated=False, evidence=ev, count=1)
    >>> [r.id for r in search(g, "sagemaker clarfy", limit=1)]
    ['SageMaker Clarify']
    >>> [(r.id, r.match) for r in search(g, "which topics mention drift?")]
    [('SageMaker Model Monitor', 'evidence'), ('data', 'evidence')]
    """
    if scope not in SEARCH_SCOPES:
        raise ValueError(f"unknown search scope {scope!r} (known: {', '.join(SEARCH_SCOPES)})")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a whole number of at least 1, not {limit!r}")
    words = _WORD.findall(query.casefold())
    if not words:
        raise ValueError(f"nothing to search for in {query!r}")
    terms = [word for word in words if word not in _QUESTION_WORDS] or words
    found: dict[str, SearchResult] = {}
    if scope in ("all", "names"):
        for result in _name_matches(graph, " ".join(words), " ".join(terms), limit):
            found[result.id] = result
    if scope in ("all", "evidence"):
        for result in _evidence_matches(graph, terms, first=not _MENTION_WORDS.isdisjoint(words)):
            named = found.get(result.id)
            if named is None or result.score > named.score:
                found[result.id] = result
            else:
                found[result.id] = replace(named, mentions=result.mentions)
    degree = name_index(graph).degree
    ranked = sorted(found.values(), key=lambda r: (-r.score, -r.mentions, -degree.get(r.id, 0), r.id))
    return ranked[:limit]


def _result(graph: nx.Graph, node: str, score: float, match: str, text: str, **place) -> SearchResult:
    data = graph.nodes[node]
    return SearchResult(node, str(data.get("label") or node), str(data.get("type", "")), round(score, 1), match, text, **place)


def _name_matches(graph: nx.Graph, whole: str, terms: str, limit: int) -> list[SearchResult]:
    """The best name or alias match per topic, for the whole query and for its content words."""
    best: dict[str, NameMatch] = {}
    for query in dict.fromkeys((whole, terms)):
        for match in match_names(graph, query, limit=limit * 3, cutoff=_NAME_CUTOFF):
            if match.id not in best or match.score > best[match.id].score:
                best[match.id] = match
    return [_result(graph, match.id, match.score, "alias" if match.is_alias else "name", match.written)
            for match in best.values()]


def _evidence_matches(graph: nx.Graph, terms: list[str], *, first: bool = False) -> list[SearchResult]:
    """Topics whose evidence (or definition) uses the query's words; more words and more
    sentences score higher. Scores stay below a good name match unless ``first`` (the
    query asks what mentions something), when they rank above name matches."""
    index: _EvidenceIndex = derived(graph, "evidence_index", _build_evidence_index)
    hits: dict[int, int] = {}  # sentence -> number of query terms it uses
    for term in dict.fromkeys(terms):
        for sentence in _sentences_using(index, term):
            hits[sentence] = hits.get(sentence, 0) + 1
    if not hits:
        return []
    per_topic: dict[str, list[int]] = {}
    for sentence in sorted(hits, key=lambda s: (-hits[s], s)):
        for topic in index.topics[sentence]:
            if topic in graph:
                per_topic.setdefault(topic, []).append(sentence)
    results = []
    wanted = len(set(terms))
    for topic, sentences in per_topic.items():
        best = index.sentences[sentences[0]]
        coverage = hits[sentences[0]] / wanted
        score = (70 if first else 55) + 25 * coverage + min(5, len(sentences))
        score = min(100.0 if first else 85.0, score)
        results.append(_result(graph, topic, score, "definition" if best.definition else "evidence", best.text,
                               doc=best.doc, section=best.section, line=best.line, mentions=len(sentences)))
    return results


def _sentences_using(index: _EvidenceIndex, term: str) -> set[int]:
    """Sentences using ``term``, a longer word starting with it ("drift" -> "drifting"), or,
    when the notes never use it, the closest word they do use (a typo)."""
    words = [term] if term in index.postings else []
    if len(term) >= 4:
        start = bisect.bisect_right(index.words, term)
        for word in index.words[start:]:
            if not word.startswith(term):
                break
            if len(word) <= len(term) + 4:
                words.append(word)
    if not words and len(term) >= 5:
        close = process.extractOne(term, index.words, scorer=fuzz.ratio, score_cutoff=85)
        words = [close[0]] if close else []
    found: set[int] = set()
    for word in words:
        found.update(index.postings[word])
    return found


def _build_evidence_index(graph: nx.Graph) -> _EvidenceIndex:
    sentences: list[_Sentence] = []
    topics: list[set[str]] = []
    position: dict[str, int] = {}
    postings: dict[str, list[int]] = {}

    def add(text: str, nodes: tuple[str, ...], definition: bool, doc: str = "", section: str = "", line: int = 0) -> None:
        number = position.get(text)
        if number is None:
            number = position[text] = len(sentences)
            sentences.append(_Sentence(text, doc, section, line, definition))
            topics.append(set())
            for word in set(_WORD.findall(text.casefold())):
                postings.setdefault(word, []).append(number)
        topics[number].update(nodes)

    # Evidence first: a definition that is also an edge's sentence is then shown with its note.
    for source, target, data in graph.edges(data=True):
        for evidence in data.get("evidence") or ():
            add(str(evidence.get("sentence", "")), (source, target), False, str(evidence.get("doc", "")),
                str(evidence.get("section", "")), int(evidence.get("line", 0) or 0))
    for node, data in graph.nodes(data=True):
        if data.get("definition"):
            add(str(data["definition"]), (node,), True)
    return _EvidenceIndex(sentences, topics, postings, tuple(sorted(postings)))
