"""Ranked search over topic names and aliases (typo-tolerant) and over the evidence sentences.

"sagemaker clarfy" finds SageMaker Clarify by name; "which topics mention drift?" finds the
topics named after drift and those whose evidence sentences talk about it. The indexes are
built once per graph object (see :mod:`graph.memo`).
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx
from rapidfuzz import fuzz, process

from .memo import derived, graph_fingerprint
from .topics import NameIndex, NameMatch, name_index, rank_names

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


class _Hit(NamedTuple):
    """A topic found, before it becomes a :class:`SearchResult` (only the few shown do)."""

    score: float
    mentions: int
    name: NameMatch | None = None
    sentence: _Sentence | None = None


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
    fingerprint = graph_fingerprint(graph)  # taken once for both indexes
    names = name_index(graph, fingerprint=fingerprint)
    found = _hits(graph, names, words, scope, limit, fingerprint)
    degree = names.degree
    ranked = sorted(found.items(), key=lambda item: (-item[1].score, -item[1].mentions, -degree.get(item[0], 0), item[0]))
    return [_result(graph, topic, hit) for topic, hit in ranked[:limit]]


def _hits(graph: nx.Graph, names: NameIndex, words: list[str], scope: str, limit: int,
          fingerprint: tuple[int, ...]) -> dict[str, _Hit]:
    """Each topic found by name or by evidence, with its best score: an evidence hit replaces
    a name match it beats, and otherwise lends it its count of matching sentences."""
    terms = [word for word in words if word not in _QUESTION_WORDS] or words
    found: dict[str, _Hit] = {}
    if scope in ("all", "names"):
        for match in _name_matches(names, " ".join(words), " ".join(terms), limit):
            found[match.id] = _Hit(match.score, 0, name=match)
    if scope in ("all", "evidence"):
        index: _EvidenceIndex = derived(graph, "evidence_index", _build_evidence_index, fingerprint=fingerprint)
        for topic, hit in _evidence_matches(graph, index, terms, first=not _MENTION_WORDS.isdisjoint(words)):
            named = found.get(topic)
            found[topic] = hit if named is None or hit.score > named.score else named._replace(mentions=hit.mentions)
    return found


def _result(graph: nx.Graph, node: str, hit: _Hit) -> SearchResult:
    data = graph.nodes[node]
    label, kind = str(data.get("label") or node), str(data.get("type", ""))
    if hit.name is not None:
        return SearchResult(node, label, kind, hit.score, "alias" if hit.name.is_alias else "name", hit.name.written,
                            mentions=hit.mentions)
    best = hit.sentence
    return SearchResult(node, label, kind, hit.score, "definition" if best.definition else "evidence", best.text,
                        doc=best.doc, section=best.section, line=best.line, mentions=hit.mentions)


def _name_matches(names: NameIndex, whole: str, terms: str, limit: int) -> list[NameMatch]:
    """The best name or alias match per topic, for the whole query and for its content words.

    Matches too weak to be among the best ``limit`` results are left out, so that fewer names
    are scored: the content words go first, and the whole query needs only beat their
    ``limit``-th best match."""
    by_terms = rank_names(names, terms, limit=limit * 3, cutoff=_NAME_CUTOFF, keep=limit)
    by_whole = []
    if whole != terms:
        floor = by_terms[limit - 1].score if len(by_terms) >= limit else None
        by_whole = rank_names(names, whole, limit=limit * 3, cutoff=_NAME_CUTOFF, keep=limit, floor=floor)
    best: dict[str, NameMatch] = {}
    for match in by_whole + by_terms:  # the whole query's match stays on a tie
        if match.id not in best or match.score > best[match.id].score:
            best[match.id] = match
    return list(best.values())


def _evidence_matches(graph: nx.Graph, index: _EvidenceIndex, terms: list[str], *,
                      first: bool = False) -> list[tuple[str, _Hit]]:
    """Topics whose evidence (or definition) uses the query's words; more words and more
    sentences score higher. Scores stay below a good name match unless ``first`` (the
    query asks what mentions something), when they rank above name matches."""
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
    found = []
    wanted = len(set(terms))
    for topic, sentences in per_topic.items():
        coverage = hits[sentences[0]] / wanted
        score = min(100.0 if first else 85.0, (70 if first else 55) + 25 * coverage + min(5, len(sentences)))
        found.append((topic, _Hit(round(score, 1), len(sentences), sentence=index.sentences[sentences[0]])))
    return found


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
    postings: defaultdict[str, list[int]] = defaultdict(list)
    words_of = _WORD.findall

    def add(text: str, nodes: tuple[str, ...], definition: bool, doc: str = "", section: str = "", line: int = 0) -> None:
        number = position.get(text)
        if number is None:
            number = position[text] = len(sentences)
            sentences.append(_Sentence(text, doc, section, line, definition))
            topics.append(set(nodes))
            for word in set(words_of(text.casefold())):
                postings[word].append(number)
        else:
            topics[number].update(nodes)

    # Evidence first: a definition that is also an edge's sentence is then shown with its note.
    for source, target, data in graph.edges(data=True):
        for evidence in data.get("evidence") or ():
            add(str(evidence.get("sentence", "")), (source, target), False, str(evidence.get("doc", "")),
                str(evidence.get("section", "")), int(evidence.get("line", 0) or 0))
    for node, data in graph.nodes(data=True):
        if data.get("definition"):
            add(str(data["definition"]), (node,), True)
    return _EvidenceIndex(sentences, topics, dict(postings), tuple(sorted(postings)))
