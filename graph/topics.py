"""Find a topic by name or alias, and say which names come closest when none matches."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import networkx as nx
from rapidfuzz import fuzz, process

from .memo import derived
from .name_matching import LetterBounds, letter_bounds, scored_best_first

__all__ = ["NameMatch", "NodeNotFound", "closest_names", "match_names", "normalise_name", "rank_names",
           "resolve_topic", "suggest_topics"]


class NodeNotFound(nx.NodeNotFound):
    """No topic has this name or alias; the message suggests the closest names.

    ``name`` is the value asked for, ``suggestions`` the closest topic ids (best first).
    """

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        super().__init__(f"no topic named {name!r}{hint}")


def normalise_name(text: str) -> str:
    """Case-folded words only, for comparing names typed by hand.

    >>> normalise_name("  SageMaker  Clarify! ")
    'sagemaker clarify'
    """
    return " ".join(re.findall(r"\w+", text.casefold()))


@dataclass(frozen=True)
class NameIndex:
    """Every way to write each topic: its id, its label and its aliases, normalised."""

    choices: tuple[str, ...]       # normalised forms, one per (topic, written form)
    owners: tuple[str, ...]        # the topic id of each choice
    written: tuple[str, ...]       # each choice as the notes write it
    is_alias: tuple[bool, ...]     # whether the choice is an alias rather than the name
    exact: dict[str, tuple[int, ...]]  # normalised form -> indexes of the choices spelt so
    degree: dict[str, int]         # each topic's number of edges, to break ties

    @cached_property
    def bounds(self) -> LetterBounds:
        """The letter counts that bound each choice's score (see :mod:`graph.name_matching`)."""
        return letter_bounds(self.choices)


def name_index(graph: nx.Graph, *, fingerprint: tuple[int, ...] | None = None) -> NameIndex:
    """The :class:`NameIndex` of ``graph``, built once per graph object."""
    return derived(graph, "name_index", _build_name_index, fingerprint=fingerprint)


def _build_name_index(graph: nx.Graph) -> NameIndex:
    choices, owners, written, is_alias = [], [], [], []
    exact: dict[str, list[int]] = {}
    for node, data in graph.nodes(data=True):
        forms = [(str(node), False), (str(data.get("label") or node), False)]
        forms += [(str(alias), True) for alias in data.get("aliases") or ()]
        seen: set[str] = set()
        for form, alias in forms:
            key = normalise_name(form)
            if not key or key in seen:
                continue
            seen.add(key)
            exact.setdefault(key, []).append(len(choices))
            choices.append(key)
            owners.append(node)
            written.append(form)
            is_alias.append(alias)
    return NameIndex(tuple(choices), tuple(owners), tuple(written), tuple(is_alias),
                     {key: tuple(value) for key, value in exact.items()}, dict(graph.degree()))


@dataclass(frozen=True)
class NameMatch:
    """A topic whose name or alias is close to what was typed."""

    id: str
    score: float       # 0-100, lowered for names much shorter than the text typed
    written: str       # the name or alias that matched, as the notes write it
    is_alias: bool


def match_names(graph: nx.Graph, text: str, *, limit: int = 10, cutoff: float = 60.0) -> list[NameMatch]:
    """The topics whose name or alias is closest to ``text``: one match per topic, best first.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("SageMaker Clarify", aliases=["Clarify"]); g.add_node("age")
    >>> [(m.id, m.score) for m in match_names(g, "sagemaker clarfy")]
    [('SageMaker Clarify', 97.0)]
    """
    return rank_names(name_index(graph), text, limit=limit, cutoff=cutoff)


def rank_names(index: NameIndex, text: str, *, limit: int = 10, cutoff: float = 60.0, keep: int | None = None,
               floor: float | None = None) -> list[NameMatch]:
    """:func:`match_names` on a graph's :class:`NameIndex` already at hand.

    Each written form scores rapidfuzz's WRatio against the text, lowered for forms much
    shorter than it; the best ``limit * 5 + 20`` forms then give each topic its best match.
    A caller that needs only the best ``keep`` matches, or none scoring below ``floor``, says
    so: matches below those are then left out, and fewer forms are scored (forms that cannot
    reach the answer never are, see :func:`~graph.name_matching.scored_best_first`).

    >>> g = nx.MultiDiGraph()
    >>> for name in ["SageMaker Clarify", "SageMaker Canvas", "Amazon SageMaker"]:
    ...     g.add_node(name)
    >>> [(m.id, m.score) for m in rank_names(name_index(g), "sagemaker", limit=3)]
    [('Amazon SageMaker', 90.0), ('SageMaker Canvas', 90.0), ('SageMaker Clarify', 90.0)]
    >>> [m.id for m in rank_names(name_index(g), "sagemaker clarfy", limit=3, keep=1)]
    ['SageMaker Clarify']
    """
    wanted = normalise_name(text)
    if not wanted or not index.choices:
        return []
    keep = limit if keep is None else min(keep, limit)
    lowest = cutoff if floor is None else max(cutoff, floor)

    def needed(found: list[tuple[float, int]]) -> float:
        """The score a match needs to be one of the best ``keep`` (or ``lowest``)."""
        ranked = _ranked(index, wanted, found, limit, cutoff)
        return max(lowest, ranked[keep - 1].score) if len(ranked) >= keep else lowest

    found = scored_best_first(wanted, index.choices, index.bounds, cutoff, needed)
    least = needed(found) if keep < limit or floor is not None else cutoff
    return [match for match in _ranked(index, wanted, found, limit, cutoff) if match.score >= least]


def _ranked(index: NameIndex, wanted: str, found: list[tuple[float, int]], limit: int, cutoff: float) -> list[NameMatch]:
    """The best match per topic among the best-scored forms, best first, at most ``limit``."""
    best: dict[str, NameMatch] = {}
    for score, position in sorted(found, key=lambda item: (-item[0], item[1]))[:limit * 5 + 20]:
        match = NameMatch(index.owners[position], round(_length_penalised(wanted, index.choices[position], score), 1),
                          index.written[position], index.is_alias[position])
        current = best.get(match.id)
        if match.score >= cutoff and (current is None or (match.score, not match.is_alias) > (current.score, not current.is_alias)):
            best[match.id] = match
    ranked = sorted(best.values(), key=lambda m: (-m.score, m.is_alias, -index.degree[m.id], m.id))
    return ranked[:limit]


def suggest_topics(graph: nx.Graph, name: str, *, limit: int = 3) -> list[str]:
    """The ids of the topics whose name or alias is closest to ``name``, best first.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("SageMaker Clarify", aliases=["Clarify"])
    >>> g.add_node("Amazon S3", aliases=["S3"])
    >>> suggest_topics(g, "Sagemaker Clarfy")
    ['SageMaker Clarify']
    """
    matches = match_names(graph, name, limit=limit)
    # Only names nearly as close as the best one: a clear typo gets one suggestion, not three.
    return [match.id for match in matches if match.score >= matches[0].score - 8]


def closest_names(text: str, names: Iterable[str], *, limit: int = 3) -> list[str]:
    """The ``names`` closest to ``text`` (typos, case and word order forgiven), best first.

    >>> closest_names("integrate with", ["integrates with", "part of", "uses"])
    ['integrates with']
    """
    wanted = normalise_name(text)
    choices = {normalise_name(name): name for name in names}
    choices.pop("", None)
    if not wanted or not choices:
        return []
    keys = list(choices)
    matches = process.extract(wanted, keys, scorer=fuzz.WRatio, processor=None, limit=limit * 4 + 4, score_cutoff=60)
    ranked = sorted(((_length_penalised(wanted, key, score), -index, choices[key]) for key, score, index in matches), reverse=True)
    return [name for score, _, name in ranked if score >= 60][:limit]


def _length_penalised(query: str, choice: str, score: float) -> float:
    """Lower the score of a choice much shorter than the query ("age" inside "sagemaker")."""
    if len(choice) >= len(query):
        return score
    return score * (len(choice) / len(query)) ** 0.5


def resolve_topic(graph: nx.Graph, name: str) -> str:
    """The id of the topic called ``name``: its id, label or an alias, ignoring case and punctuation.

    Raises :class:`NodeNotFound` naming ``name`` and the closest topics when none matches.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Amazon S3", aliases=["S3", "Simple Storage Service"])
    >>> resolve_topic(g, "simple storage service")
    'Amazon S3'
    >>> resolve_topic(g, "Amazon S4")
    Traceback (most recent call last):
    ...
    graph.topics.NodeNotFound: no topic named 'Amazon S4' (did you mean 'Amazon S3'?)
    """
    if not isinstance(name, str):
        raise TypeError(f"a topic name must be a string, not {type(name).__name__}")
    if name in graph:
        return name
    index = name_index(graph)
    candidates = index.exact.get(normalise_name(name), ())
    if candidates:
        # A real name beats an alias; among equals, the best-connected topic wins.
        best = min(candidates, key=lambda i: (index.is_alias[i], -index.degree[index.owners[i]], index.owners[i]))
        return index.owners[best]
    raise NodeNotFound(name, suggest_topics(graph, name))
