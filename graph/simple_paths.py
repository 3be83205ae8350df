"""The cheapest simple paths between two topics, cheapest first, on a :class:`~graph.projection.Projection`.

Yen's algorithm: the cheapest path, then for each path found the best way to leave it at
each of its topics (a *spur*) while avoiding the topics before and the steps every path found
so far takes there; the cheapest candidate is the next path. Two savings keep it fast on big
graphs: spurs are searched by bidirectional Dijkstra on plain dicts, and a path is only left
at or after the topic where it left its parent (Lawler's observation: spurs before that give
candidates already found). When only the first few paths are wanted, a spur search also
gives up as soon as it cannot beat the candidates already waiting (it could never be one of
the paths wanted). Candidates are ranked and equal costs ordered exactly as
``networkx.shortest_simple_paths`` ranks them, so the paths are the same as that function's on
the same weighted graph, only found sooner.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from heapq import heappop, heappush, nsmallest
from itertools import count

from .projection import Projection

__all__ = ["cheapest_paths"]

_TOLERANCE = 1e-9  # costs are sums of floats taken in different orders


def cheapest_paths(projection: Projection, source: str, target: str, *,
                   limit: int | None = None) -> Iterator[tuple[float, list[str]]]:
    """Each simple path from ``source`` to ``target`` with its cost, cheapest first (lazily),
    or only the first ``limit`` of them.

    >>> import networkx as nx
    >>> from graph.hubs import breadth
    >>> from graph.projection import weighted_projection
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edges_from([("A", "B"), ("B", "C"), ("A", "C")], kind="stated", count=1)
    >>> list(cheapest_paths(weighted_projection(g, breadth(g)), "A", "C"))
    [(1.0, ['A', 'C']), (2.0, ['A', 'B', 'C'])]
    """
    found: list[list[str]] = []
    candidates: list[tuple[float, int, list[str], int]] = []  # (cost, order, path, where it left its parent)
    waiting: set[tuple[str, ...]] = set()
    order = count()

    def ceiling() -> float:
        """The most a new candidate may cost and still be one of the paths wanted."""
        wanted = math.inf if limit is None else limit - len(found)
        return math.inf if len(candidates) < wanted else nsmallest(wanted, candidates)[-1][0]

    first = _bidirectional_dijkstra(projection, source, target, set(), set())
    if first is None:
        return
    heappush(candidates, (first[0], next(order), first[1], 1))
    waiting.add(tuple(first[1]))
    while candidates and (limit is None or len(found) < limit):
        cost, _, path, left_at = heappop(candidates)
        waiting.discard(tuple(path))
        yield cost, path
        found.append(path)
        if limit is not None and len(found) == limit:
            return
        for spur_cost, spur_path, spur_at in _spurs(projection, path, left_at, found, ceiling):
            if tuple(spur_path) not in waiting:
                heappush(candidates, (spur_cost, next(order), spur_path, spur_at))
                waiting.add(tuple(spur_path))


def _spurs(projection: Projection, path: list[str], left_at: int, found: list[list[str]],
           ceiling: Callable[[], float]):
    """The best path leaving ``path`` at each of its topics from index ``left_at - 1`` on, as
    (cost, path, index): it keeps ``path[:index]``, avoids those topics but the last, and
    avoids the next step of every path found that keeps the same beginning. A spur that would
    cost more than ``ceiling()`` is not looked for to the end."""
    target = path[-1]
    avoid_topics = set(path[:left_at - 1])
    avoid_steps: set[tuple[str, str]] = set()
    for index in range(left_at, len(path)):
        root = path[:index]
        for other in found:
            if other[:index] == root:
                avoid_steps.add((other[index - 1], other[index]))
        root_cost = _root_cost(projection, root)
        spur = _bidirectional_dijkstra(projection, root[-1], target, avoid_topics, avoid_steps, ceiling() - root_cost)
        if spur is not None:
            yield root_cost + spur[0], root[:-1] + spur[1], index
        avoid_topics.add(root[-1])


def _root_cost(projection: Projection, root: list[str]) -> float:
    """The cost of walking ``root``, summed in the same order networkx sums it."""
    return sum(projection.succ[u][v] for u, v in zip(root, root[1:]))


def _bidirectional_dijkstra(projection: Projection, source: str, target: str, avoid_topics: set[str],
                            avoid_steps: set[tuple[str, str]],
                            budget: float = math.inf) -> tuple[float, list[str]] | None:
    """The cheapest path from ``source`` to ``target`` that avoids the given topics and steps
    (None when there is none, or when it would cost more than ``budget``): a search from each
    end in turn until one topic is settled by both, breaking ties as networkx's
    ``_bidirectional_dijkstra`` does. The search gives up once neither the best meeting found
    nor any path still unseen (at least the two searches' nearest unsettled distances) is
    within the budget."""
    if source in avoid_topics or target in avoid_topics:
        return None
    if source == target:
        return 0, [source]
    searches = (_Search(projection.succ, source, _blocked(avoid_steps, projection.directed, forward=True), avoid_topics),
                _Search(projection.pred, target, _blocked(avoid_steps, projection.directed, forward=False), avoid_topics))
    tie = count()
    for search in searches:
        heappush(search.fringe, (0, next(tie), search.start))
    meeting: list = [None, None]  # the best total cost found so far and the topic where the searches met
    side = 1
    while searches[0].fringe and searches[1].fringe:
        side = 1 - side
        search, other = searches[side], searches[1 - side]
        distance, _, node = heappop(search.fringe)
        if distance + other.fringe[0][0] > budget + _TOLERANCE and (meeting[1] is None or meeting[0] > budget + _TOLERANCE):
            return None
        if node in search.settled:
            continue
        search.settled[node] = distance
        if node in other.settled:
            return meeting[0], _joined(searches[0], searches[1], meeting[1])
        search.relax(node, distance, other.seen, tie, meeting)
    return None


class _Search:
    """One direction of the bidirectional search: what it has settled (the topics to avoid
    count as settled, so that one look-up skips both), seen and queued."""

    __slots__ = ("steps", "start", "blocked", "settled", "seen", "came_from", "fringe")

    def __init__(self, steps: dict[str, dict[str, float]], start: str, blocked: dict[str, set[str]],
                 avoid_topics: set[str]):
        self.steps, self.start, self.blocked = steps, start, blocked
        self.settled: dict[str, float] = dict.fromkeys(avoid_topics, -1.0)
        self.seen: dict[str, float] = {start: 0}
        self.came_from: dict[str, str] = {}
        self.fringe: list = []

    def relax(self, node: str, distance: float, other_seen: dict[str, float], tie: count, meeting: list) -> None:
        """Offer each neighbour of the settled ``node`` a cheaper way in, and note in ``meeting``
        a cheaper total where this search reaches a topic the other one has seen."""
        settled, seen, came_from, fringe = self.settled, self.seen, self.came_from, self.fringe
        steps = self.steps[node].items()
        blocked = self.blocked.get(node)
        if blocked is not None:
            steps = [(other, weight) for other, weight in steps if other not in blocked]
        for other, weight in steps:
            if other in settled:
                continue
            length = distance + weight
            known = seen.get(other)
            if known is None or length < known:
                seen[other] = length
                heappush(fringe, (length, next(tie), other))
                came_from[other] = node
                beyond = other_seen.get(other)
                if beyond is not None and (meeting[1] is None or meeting[0] > length + beyond):
                    meeting[0], meeting[1] = length + beyond, other


def _blocked(avoid_steps: set[tuple[str, str]], directed: bool, *, forward: bool) -> dict[str, set[str]]:
    """For each topic, the neighbours a search in that direction may not step to from it."""
    blocked: dict[str, set[str]] = {}
    for u, v in avoid_steps:
        if forward or not directed:
            blocked.setdefault(u, set()).add(v)
        if not forward or not directed:
            blocked.setdefault(v, set()).add(u)
    return blocked


def _joined(forward: _Search, backward: _Search, meeting: str) -> list[str]:
    """The path through ``meeting``: the forward search's way to it, then the backward one's on."""
    path = [meeting]
    while path[-1] != forward.start:
        path.append(forward.came_from[path[-1]])
    path.reverse()
    while path[-1] != backward.start:
        path.append(backward.came_from[path[-1]])
    return path
