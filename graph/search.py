"""Ranked search over what the notes say about each topic: its names, aliases, definition
and the sentences of its edges' evidence, together.

A name typed (nearly) as written, typos forgiven, puts that topic first ("sagemkaer clarfy"
finds SageMaker Clarify). Everything else is ranked by BM25 over each topic's words, a word
of its name counting more than a word of its sentences, after the words that only frame a
question are dropped ("how do I detect bias in training data" is about detect, bias,
training, data). A topic must match most of what the query asks for (the rarer words
weigh more), so a word the notes never use finds nothing rather than an unrelated topic.
The index is built once per graph object (see :mod:`graph.word_index`).
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

import networkx as nx
from rapidfuzz import fuzz, process

from .memo import graph_fingerprint
from .name_matching import ratio_candidates
from .word_index import SearchIndex, question_words, search_index, stem
from .topics import NameIndex, NameMatch, name_index

__all__ = ["SEARCH_SCOPES", "SearchResult", "search"]

SEARCH_SCOPES = ("all", "names", "evidence")
# Words that ask what the notes say about something: then only the sentences count.
_MENTION_WORDS = frozenset("about mention mentioned mentions mentioning say said says talk talks".split())
_NAME_CUTOFF = 85.0  # how alike the query and a name must be for the name to win (0-100)
_NAME_WEIGHT = 3.0   # a word of a topic's names counts as much as this many words of its sentences
_COVERAGE = 0.5      # a topic must match more than this share of the query (by word rarity)
_K1, _B = 1.2, 0.3   # BM25's term saturation and length normalisation (weak: topics differ much in length)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchResult:
    """A topic found by :func:`search`.

    ``match`` says what matched: "name", "alias", "evidence" or "definition"; ``text`` is
    the name as written or the best matching sentence, with its ``doc``, ``section`` and
    ``line`` for evidence. ``mentions`` counts the topic's sentences that match the query.
    ``score`` is 85-100 for a name typed (nearly) as written, below 85 otherwise.
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


@dataclass(frozen=True)
class _Ranking:
    scores: dict[int, float]   # topic number -> BM25 score, for the topics matching enough of the query
    weights: dict[str, float]  # each stem the query stands for -> its weight (rarity times closeness)


def search(graph: nx.MultiDiGraph, query: str, *, limit: int = 10, scope: str = "all") -> list[SearchResult]:
    """Topics matching ``query``, best first, at most ``limit`` of them; none when nothing is close.

    ``scope`` is "names" (names and aliases), "evidence" (definitions and the sentences
    behind the edges) or "all" (both; a query asking what *mentions* something ranks by the
    sentences alone). Ties go to the better connected topic.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("SageMaker Clarify", label="SageMaker Clarify", type="service", aliases=["Clarify"])
    >>> g.add_node("fairness report", label="fairness report", type="concept", aliases=[])
    >>> g.add_node("data warehouse", label="data warehouse", type="concept", aliases=[])
    >>> ev = [{"sentence": "Clarify detects bias in training data and writes a fairness report.", "doc": "n.md",
    ...        "section": "ML", "line": 4}]
    >>> _ = g.add_edge("SageMaker Clarify", "fairness report", relation="writes", kind="stated", evidence=ev)
    >>> [r.id for r in search(g, "sagemkaer clarfy", limit=1)]
    ['SageMaker Clarify']
    >>> [(r.id, r.match) for r in search(g, "how do I detect bias in training data?")]
    [('SageMaker Clarify', 'evidence'), ('fairness report', 'evidence')]
    >>> search(g, "firehose")
    []
    """
    words, content = _query_words(query, limit, scope)
    sentences_only = scope == "evidence" or (scope == "all" and not _MENTION_WORDS.isdisjoint(words))
    fingerprint = graph_fingerprint(graph)  # taken once for both indexes
    index, names = search_index(graph, fingerprint=fingerprint), name_index(graph, fingerprint=fingerprint)
    named = {} if sentences_only else _near_names(index, names, (words, content))
    ranking = _rank(index, [stem(word) for word in content], name_weight=0.0 if sentences_only else _NAME_WEIGHT,
                    text_weight=0.0 if scope == "names" else 1.0)
    scores = {**{index.numbers[topic]: 0.0 for topic in named}, **ranking.scores}
    ranked = sorted(_contenders(scores, named, index, limit),
                    key=lambda at: _order(index.topics[at], named.get(index.topics[at]), scores[at], names))
    best = max(ranking.scores.values(), default=0.0) or 1.0
    return [_result(graph, index, at, named.get(index.topics[at]), 84 * scores[at] / best, ranking.weights,
                    show_names=not sentences_only) for at in ranked[:limit]]


def _query_words(query: str, limit: int, scope: str) -> tuple[list[str], list[str]]:
    """The words of ``query``, and those of them that are not question words (all of them
    when every word is one), after checking the arguments of :func:`search`."""
    if scope not in SEARCH_SCOPES:
        raise ValueError(f"unknown search scope {scope!r} (known: {', '.join(SEARCH_SCOPES)})")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a whole number of at least 1, not {limit!r}")
    words = _WORD.findall(query.casefold())
    if not words:
        raise ValueError(f"nothing to search for in {query!r}")
    return words, [word for word in words if word not in question_words()] or words


def _order(topic: str, named: NameMatch | None, score: float, names: NameIndex) -> tuple:
    """Names typed (nearly) as written first, the closest first; then the best BM25 score;
    then the better connected topic."""
    return (named is None, -named.score if named else 0.0, -score, -names.degree.get(topic, 0), str(topic))


def _contenders(scores: dict[int, float], named: dict[str, NameMatch], index: SearchIndex, limit: int) -> list[int]:
    """The topics of ``scores`` that can be among the first ``limit`` in :func:`_order`: the
    names typed and those scoring at least the ``limit``-th best score (ties kept, for the
    finer order to settle)."""
    if len(scores) <= limit:
        return list(scores)
    least = heapq.nlargest(limit, scores.values())[-1]
    return [at for at, score in scores.items() if score >= least or index.topics[at] in named]


def _near_names(index: SearchIndex, names: NameIndex, queries: tuple[list[str], ...]) -> dict[str, NameMatch]:
    """The topics with a name or alias typed nearly as written, in any word order, by one
    of ``queries`` (the whole query, its words that are not question words). Only the
    names with enough letters in common with the text are compared (see
    :func:`graph.name_matching.ratio_candidates`)."""
    found: dict[str, NameMatch] = {}
    for text in dict.fromkeys(" ".join(sorted(words)) for words in queries):
        rows = ratio_candidates(names.bounds, text, _NAME_CUTOFF).tolist()
        candidates = [index.sorted_names[row] for row in rows]
        for _, score, position in process.extract(text, candidates, scorer=fuzz.ratio, processor=None,
                                                  limit=10, score_cutoff=_NAME_CUTOFF):
            at = rows[position]
            match = NameMatch(names.owners[at], round(score, 1), names.written[at], names.is_alias[at])
            current = found.get(match.id)
            if current is None or (match.score, not match.is_alias) > (current.score, not current.is_alias):
                found[match.id] = match
    return found


def _rank(index: SearchIndex, stems: list[str], *, name_weight: float, text_weight: float) -> _Ranking:
    """BM25 over each topic's two fields, names weighted by ``name_weight``; each query word
    scores through the best of the stems it stands for. A topic must match more than
    ``_COVERAGE`` of the query's weight, where a word the notes never use weighs as much as
    the query's rarest word they do use: "how do I use firehose" is not about "use"."""
    total = name_weight * index.name_total + text_weight * index.text_total
    average = total / len(index.topics) if total else 1.0
    scores: dict[int, float] = {}
    covered: dict[int, float] = {}
    weights: dict[str, float] = {}
    known: list[float] = []   # the weight of each query word the notes use
    unknown = 0
    for word in dict.fromkeys(stems):
        expansions = [(other, closeness * index.idf(other)) for other, closeness in index.expand(word)]
        if expansions:
            known.append(max(weight for _, weight in expansions))
        else:
            unknown += 1
        best: dict[int, tuple[float, float]] = {}
        for other, weight in expansions:
            weights[other] = max(weight, weights.get(other, 0.0))
            for topic, in_names, in_text in index.postings[other]:
                frequency = name_weight * in_names + text_weight * in_text
                if not frequency:
                    continue
                length = name_weight * index.name_lengths[topic] + text_weight * index.text_lengths[topic]
                value = weight * frequency * (_K1 + 1) / (frequency + _K1 * (1 - _B + _B * length / average))
                if value > best.get(topic, (0.0, 0.0))[0]:
                    best[topic] = (value, weight)
        for topic, (value, weight) in best.items():
            scores[topic] = scores.get(topic, 0.0) + value
            covered[topic] = covered.get(topic, 0.0) + weight
    wanted = sum(known) + unknown * max(known, default=0.0)
    return _Ranking({topic: score for topic, score in scores.items() if covered[topic] > _COVERAGE * wanted}, weights)


def _result(graph: nx.Graph, index: SearchIndex, at: int, named: NameMatch | None, score: float,
            weights: dict[str, float], *, show_names: bool) -> SearchResult:
    """The result for topic number ``at``: the name typed, else its best sentence, else its
    name (when only its name has the query's words)."""
    node = index.topics[at]
    data = graph.nodes[node]
    label = str(data.get("label") or node)
    matching = [(sum(weights.get(word, 0.0) for word in set(index.sentence_stems[sentence])), sentence)
                for sentence in index.topic_sentences[at]]
    matching = [(value, sentence) for value, sentence in matching if value > 0]
    common = (node, label, str(data.get("type", "")))
    if named is not None:
        return SearchResult(*common, named.score, "alias" if named.is_alias else "name", named.written,
                            mentions=len(matching))
    best = max(matching, key=lambda item: item[0], default=None)
    written, is_alias, name_value = _best_name(graph, node, weights)
    if best is None or (show_names and name_value >= best[0]):
        return SearchResult(*common, round(score, 1), "alias" if is_alias else "name", written, mentions=len(matching))
    sentence = index.sentences[best[1]]
    return SearchResult(*common, round(score, 1), "definition" if sentence.definition else "evidence", sentence.text,
                        sentence.doc, sentence.section, sentence.line, len(matching))


def _best_name(graph: nx.Graph, node: str, weights: dict[str, float]) -> tuple[str, bool, float]:
    """The name or alias of ``node`` holding the most of the query (the label on a tie):
    as written, whether it is an alias, and how much of the query it holds."""
    data = graph.nodes[node]
    forms = [(str(data.get("label") or node), False)] + [(str(alias), True) for alias in data.get("aliases") or ()]
    scored = [(sum(weights.get(word, 0.0) for word in {stem(word) for word in _WORD.findall(form.casefold())}),
               -number, form, alias) for number, (form, alias) in enumerate(forms)]
    value, _, written, is_alias = max(scored)
    return written, is_alias, value
