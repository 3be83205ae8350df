"""Positions for drawing a graph, computed in Python so the browser has nothing to simulate.

A force layout of the whole seed graph takes seconds in networkx (without scipy its spring
layout stops at 500 nodes) and far longer in the browser. Instead each community is laid
out on its own (a few hundred topics at most), then the communities are laid out as
circles that do not overlap. Topics that belong together end up together, and the
whole thing takes a fraction of a second for a few thousand topics.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

from .insights import communities

__all__ = ["layout_positions"]


def layout_positions(graph: nx.Graph, *, seed: int = 7, spacing: float = 60.0) -> dict[str, tuple[float, float]]:
    """Screen positions (pixels apart by about ``spacing``) for every topic of ``graph``.

    The same graph and ``seed`` always give the same positions.

    >>> positions = layout_positions(nx.MultiDiGraph([("A", "B"), ("B", "C"), ("X", "Y")]))
    >>> sorted(positions), all(len(xy) == 2 for xy in positions.values())
    (['A', 'B', 'C', 'X', 'Y'], True)
    """
    found = [sorted(group, key=str) for group in communities(graph, seed=seed)]
    if not found:
        return {}
    # Topics linked to nothing are one group, drawn as a tidy spiral rather than a cloud.
    loners = sorted((group[0] for group in found if len(group) == 1), key=str)
    groups = [group for group in found if len(group) > 1] + ([loners] if loners else [])
    rng = np.random.default_rng(seed)
    positions: dict[str, tuple[float, float]] = {}
    radii = np.array([spacing * (0.3 + 0.55 * math.sqrt(len(group))) for group in groups])
    inside, between = _adjacency(graph, groups)
    linked = len(groups) - bool(loners)
    centres = np.zeros((len(groups), 2))
    centres[:linked] = _place_groups(between[:linked, :linked], radii[:linked], rng)
    if loners:  # beside the rest, to the right
        right = (centres[:linked, 0] + radii[:linked]).max() if linked else 0.0
        centres[linked] = (right + radii[linked] + spacing, 0.0) if linked else (0.0, 0.0)
    for group, centre, radius, adjacency in zip(groups, centres, radii, inside):
        local = _sunflower(len(group)) if group is loners else _force_layout(adjacency, rng)
        # Scale by most of the group, not its farthest leaf, so the core is not squeezed.
        extent = float(np.percentile(np.sqrt((local ** 2).sum(1)), 85)) if len(group) > 2 else 0.0
        extent = extent or 1.0
        local = local / extent * (radius - 0.3 * spacing)
        for node, (x, y) in zip(group, local + centre):
            positions[node] = (round(float(x), 1), round(float(y), 1))
    return positions


def _adjacency(graph: nx.Graph, groups: list[list[str]]) -> tuple[list[np.ndarray], np.ndarray]:
    """The 0/1 adjacency matrix inside each group, and the number of links between groups."""
    where = {node: (number, position) for number, group in enumerate(groups) for position, node in enumerate(group)}
    inside = [np.zeros((len(group), len(group))) for group in groups]
    between = np.zeros((len(groups), len(groups)))
    for source, target in graph.edges():
        (a, i), (b, j) = where[source], where[target]
        if a == b:
            if i != j:
                inside[a][i, j] = inside[a][j, i] = 1.0
        else:
            between[a, b] += 1
            between[b, a] += 1
    return inside, between


def _place_groups(links: np.ndarray, radii: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Centres for the groups: linked groups near each other, no two circles overlapping."""
    if len(radii) == 0:
        return np.zeros((0, 2))
    if links.any():
        links = links / links.max()
    centres = _force_layout(links, rng)
    centres *= 0.7 * math.sqrt((radii ** 2).sum()) / (np.abs(centres).max() or 1.0)  # a disc about their size
    return _separate(centres, radii)


def _separate(centres: np.ndarray, radii: np.ndarray, *, rounds: int = 200) -> np.ndarray:
    """Push overlapping circles apart until none overlap (or ``rounds`` run out)."""
    centres = centres.copy()
    gap = radii[:, None] + radii[None, :]
    np.fill_diagonal(gap, 0.0)
    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        distance = np.sqrt((delta ** 2).sum(-1))
        overlap = np.clip(gap - distance, 0.0, None)
        np.fill_diagonal(overlap, 0.0)
        if not overlap.any():
            break
        np.clip(distance, 1e-6, None, out=distance)
        push = (delta / distance[..., None] * overlap[..., None] * 0.5).sum(1)
        centres += push + (overlap.sum(1) > 0)[:, None] * 1e-3  # a nudge so coincident centres part
    return centres


def _sunflower(count: int) -> np.ndarray:
    """``count`` points spread evenly over a disc (the golden-angle spiral)."""
    index = np.arange(count) + 0.5
    angle = index * math.pi * (3 - math.sqrt(5))
    radius = np.sqrt(index / count)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def _force_layout(adjacency: np.ndarray, rng: np.random.Generator, *, iterations: int = 60) -> np.ndarray:
    """Fruchterman-Reingold on a dense adjacency matrix (what networkx's spring layout does
    below 500 nodes), centred on the origin."""
    count = len(adjacency)
    if count <= 1:
        return np.zeros((count, 2))
    positions = rng.random((count, 2))
    k = math.sqrt(1.0 / count)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        # sum_j f_ij (p_i - p_j) = p_i sum_j f_ij - (F p)_i : no n x n x 2 temporaries
        squares = (positions ** 2).sum(1)
        distance2 = np.clip(squares[:, None] + squares[None, :] - 2 * positions @ positions.T, 1e-4, None)
        force = k * k / distance2 - adjacency * np.sqrt(distance2) / k
        displacement = positions * force.sum(1)[:, None] - force @ positions
        length = np.clip(np.sqrt((displacement ** 2).sum(-1)), 0.01, None)
        positions += displacement * (temperature / length)[:, None]
        temperature -= cooling
    return positions - positions.mean(0)
