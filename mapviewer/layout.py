"""Node placement: a deterministic force-directed layout and label de-overlap, in numpy only.

No Qt and no networkx here: the viewer lays out the map before its first paint, and
networkx alone costs ~150 ms to import (its ``spring_layout`` also takes ~9 s at 2,000
nodes on this kind of machine).

:func:`force_layout` is Fruchterman-Reingold with linear cooling. Repulsion is exact
(all pairs) up to :data:`EXACT_LIMIT` nodes; above that a uniform grid approximates it:
nodes in the same cell repel exactly, other cells act through their centre of mass
(a one-level Barnes-Hut), which keeps 2,000 nodes / 20,000 edges near one second.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .model import RelationMap

__all__ = ["EXACT_LIMIT", "circular_layout", "force_layout", "map_positions", "normalize", "spread_labels"]

#: Above this many nodes, repulsion is approximated on a grid.
EXACT_LIMIT = 300


def circular_layout(n: int, *, radius: float = 1.0, center: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """``n`` points evenly on a circle, the first at the top, going clockwise.

    Returns
    -------
    numpy.ndarray
        float64 array of shape ``(n, 2)``; one node sits at ``center``.
    """
    if n <= 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.array([center], dtype=np.float64)
    a = np.pi / 2 - 2 * np.pi * np.arange(n) / n
    return np.column_stack([np.cos(a), np.sin(a)]) * radius + np.asarray(center, dtype=np.float64)


def normalize(pos: np.ndarray, *, half_size: float = 1.0) -> np.ndarray:
    """Centre ``pos`` on the origin and scale its larger extent to ``[-half_size, half_size]``."""
    pos = np.asarray(pos, dtype=np.float64)
    if len(pos) == 0:
        return pos.copy()
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = float((hi - lo).max())
    out = pos - (lo + hi) / 2
    return out * (2 * half_size / span) if span > 0 else out


def _mask(n: int, pinned) -> np.ndarray:
    m = np.zeros(n, dtype=bool)
    if pinned is None:
        return m
    p = np.asarray(pinned)
    if p.dtype == bool:
        if p.shape != (n,):
            raise ValueError(f"pinned mask has shape {p.shape}, expected ({n},)")
        return p.copy()
    m[p.astype(np.intp)] = True
    return m


def _repulsion_exact(pos: np.ndarray, k2: float, out: np.ndarray) -> None:
    dx = pos[:, 0, None] - pos[None, :, 0]
    dy = pos[:, 1, None] - pos[None, :, 1]
    inv = dx * dx
    inv += dy * dy
    np.fill_diagonal(inv, np.inf)
    np.maximum(inv, 1e-12, out=inv)
    np.divide(k2, inv, out=inv)
    # FR repulsion k^2/d along the unit vector: k^2 * d_vec / d^2
    out[:, 0] = np.einsum("ij,ij->i", dx, inv)
    out[:, 1] = np.einsum("ij,ij->i", dy, inv)


def _repulsion_grid(pos: np.ndarray, k2: float, out: np.ndarray) -> None:
    n = len(pos)
    g = max(2, int(np.sqrt(n / 6)))  # ~6 nodes per cell
    lo = pos.min(axis=0)
    span = np.maximum(pos.max(axis=0) - lo, 1e-9)
    cell2 = np.minimum((((pos - lo) / span) * g).astype(np.intp), g - 1)
    cell = cell2[:, 0] * g + cell2[:, 1]
    ncell = g * g
    count = np.bincount(cell, minlength=ncell).astype(np.float64)
    sx = np.bincount(cell, weights=pos[:, 0], minlength=ncell)
    sy = np.bincount(cell, weights=pos[:, 1], minlength=ncell)
    used = np.flatnonzero(count)
    cm = np.column_stack([sx[used], sy[used]]) / count[used, None]
    mass = count[used]
    # far field: every occupied cell through its centre of mass, own cell excluded
    d = pos[:, None, :] - cm[None, :, :]
    d2 = np.maximum(np.einsum("ijk,ijk->ij", d, d), 1e-12)
    w = k2 * mass[None, :] / d2
    own = np.searchsorted(used, cell)
    w[np.arange(n), own] = 0.0
    out[:] = np.einsum("ijk,ij->ik", d, w)
    # near field: exact among nodes that share a cell
    order = np.argsort(cell, kind="stable")
    cnt = count.astype(np.intp)
    starts = np.concatenate([[0], np.cumsum(cnt)[:-1]])
    per = cnt[cell[order]]  # size of each (sorted) node's cell
    i_rep = np.repeat(np.arange(n), per)
    offs = np.concatenate([[0], np.cumsum(per)[:-1]])
    j_sorted = starts[cell[order]][i_rep] + (np.arange(per.sum()) - offs[i_rep])
    i = order[i_rep]
    j = order[j_sorted]
    keep = i != j
    i, j = i[keep], j[keep]
    dd = pos[i] - pos[j]
    dd2 = np.maximum(np.einsum("ij,ij->i", dd, dd), 1e-12)
    f = dd * (k2 / dd2)[:, None]
    out[:, 0] += np.bincount(i, weights=f[:, 0], minlength=n)
    out[:, 1] += np.bincount(i, weights=f[:, 1], minlength=n)


def force_layout(
    n: int,
    edges: Sequence[tuple[int, int]] | np.ndarray,
    *,
    weights: Sequence[float] | np.ndarray | None = None,
    pinned: Sequence[int] | np.ndarray | None = None,
    init: np.ndarray | None = None,
    seed: int = 0,
    iterations: int | None = None,
    gravity: float = 2.0,
) -> np.ndarray:
    """Fruchterman-Reingold layout of ``n`` nodes, deterministic for a given ``seed``.

    Parameters
    ----------
    n : int
        Number of nodes.
    edges : sequence of (int, int) or array of shape (m, 2)
        Node index pairs; repeated pairs and self-loops are allowed (self-loops do nothing).
    weights : array of shape (m,), optional
        Attraction weight of each edge (default 1).
    pinned : indices or bool mask, optional
        Nodes that keep their ``init`` position.
    init : array of shape (n, 2), optional
        Starting positions (required for pinned nodes to mean anything). Without it the
        nodes start on a jittered circle chosen by ``seed``.
    seed : int
        Seed of the random start and of the jitter that separates coincident nodes.
    iterations : int, optional
        Default 120 up to 200 nodes, fewer above (40 at 2,000 nodes).
    gravity : float
        Pull towards the centre, so disconnected parts stay near the rest.

    Returns
    -------
    numpy.ndarray
        float64 array ``(n, 2)``. Without pinned nodes the result is centred and scaled to
        ``[-1, 1]``; with pinned nodes it stays in the coordinates of ``init``.
    """
    if n <= 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    e = np.asarray(edges, dtype=np.intp).reshape(-1, 2)
    if len(e) and (e.min() < 0 or e.max() >= n):
        raise ValueError("edge refers to a node index out of range")
    w = np.ones(len(e)) if weights is None else np.asarray(weights, dtype=np.float64).reshape(-1)
    if len(w) != len(e):
        raise ValueError(f"{len(w)} weights for {len(e)} edges")
    loops = e[:, 0] == e[:, 1]
    e, w = e[~loops], w[~loops]
    fixed = _mask(n, pinned)

    if init is None:
        pos = circular_layout(n) + rng.normal(scale=0.05, size=(n, 2))
        fixed[:] = False
    else:
        pos = np.array(init, dtype=np.float64).reshape(n, 2)
        # separate coincident starting points, or they would never repel
        pos[~fixed] += rng.normal(scale=1e-3, size=(int((~fixed).sum()), 2))
    if n == 1 or fixed.all():
        return normalize(pos) if not fixed.any() else pos

    lo, hi = pos.min(axis=0), pos.max(axis=0)
    side = float(max((hi - lo).max(), 1e-6)) if fixed.any() else 2.0
    k = side / np.sqrt(n)
    k2 = k * k
    if iterations is None:
        iterations = 120 if n <= 200 else max(40, int(120 - (n - 200) * 80 / 1800))
    t0 = side * 0.1
    rep = np.empty_like(pos)
    centre = pos[fixed].mean(axis=0) if fixed.any() else np.zeros(2)
    u, v = e[:, 0], e[:, 1]
    for it in range(iterations):
        if n <= EXACT_LIMIT:
            _repulsion_exact(pos, k2, rep)
        else:
            _repulsion_grid(pos, k2, rep)
        disp = rep
        if len(e):
            d = pos[u] - pos[v]
            dist = np.sqrt(np.einsum("ij,ij->i", d, d))
            f = d * (dist * w / k)[:, None]  # attraction d^2/k along the unit vector
            for c in (0, 1):
                disp[:, c] -= np.bincount(u, weights=f[:, c], minlength=n)
                disp[:, c] += np.bincount(v, weights=f[:, c], minlength=n)
        # pulls isolated nodes and small components in, so they do not squash the rest when scaled
        disp -= gravity * (pos - centre)
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp))
        t = t0 * (1 - it / iterations) + 1e-4 * side
        step = np.minimum(length, t) / np.maximum(length, 1e-12)
        step[fixed] = 0.0
        pos += disp * step[:, None]
    return pos if fixed.any() else normalize(pos)


def _overlap(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """Overlap areas of candidate ``box`` rows ``(c, 4)`` with ``boxes`` ``(b, 4)``: ``(c,)``.

    Boxes are ``(x0, y0, x1, y1)``.
    """
    if len(boxes) == 0:
        return np.zeros(len(box))
    ox = np.minimum(box[:, None, 2], boxes[None, :, 2]) - np.maximum(box[:, None, 0], boxes[None, :, 0])
    oy = np.minimum(box[:, None, 3], boxes[None, :, 3]) - np.maximum(box[:, None, 1], boxes[None, :, 1])
    return (np.clip(ox, 0, None) * np.clip(oy, 0, None)).sum(axis=1)


#: Candidate label placements around a node: (dx, dy) direction of the box centre,
#: in order of preference (below, right, above, left, then the diagonals).
_CANDIDATES = np.array(
    [(0, -1), (1, 0), (0, 1), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1)], dtype=np.float64
)


def spread_labels(
    anchors: np.ndarray,
    sizes: np.ndarray,
    *,
    radii: np.ndarray | float = 0.0,
    priority: np.ndarray | None = None,
    gap: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Place one label box beside each node so that labels do not pile on each other.

    Greedy: labels are placed in order of ``priority`` (highest first); each takes the
    first of eight positions around its node (below, right, above, left, diagonals) that
    overlaps no label placed so far and no node, else the position of least overlap.
    All sizes are in data units (convert pixel sizes with the view's pixel size).

    Parameters
    ----------
    anchors : array (n, 2)
        Node centres.
    sizes : array (n, 2)
        Label widths and heights.
    radii : float or array (n,)
        Node radii; a label keeps clear of every node disc (treated as its square).
    priority : array (n,), optional
        Higher goes first (e.g. mentions); default: input order.
    gap : float
        Space between a node and its label.

    Returns
    -------
    centers : numpy.ndarray
        ``(n, 2)`` label box centres.
    clear : numpy.ndarray
        ``(n,)`` bool, False where the label overlaps a node or a label of higher
        priority (the caller may hide those).
    """
    anchors = np.asarray(anchors, dtype=np.float64).reshape(-1, 2)
    sizes = np.asarray(sizes, dtype=np.float64).reshape(-1, 2)
    n = len(anchors)
    r = np.broadcast_to(np.asarray(radii, dtype=np.float64), (n,))
    node_boxes = np.column_stack([anchors - r[:, None], anchors + r[:, None]])
    order = np.arange(n) if priority is None else np.argsort(-np.asarray(priority), kind="stable")
    centers = np.empty((n, 2))
    clear = np.zeros(n, dtype=bool)
    placed = np.empty((n, 4))
    for rank, i in enumerate(order):
        half = sizes[i] / 2
        # offset so the box just clears the node disc in each direction
        off = _CANDIDATES * (half + r[i] + gap)
        diag = (_CANDIDATES[:, 0] != 0) & (_CANDIDATES[:, 1] != 0)
        off[diag] = _CANDIDATES[diag] * (half + (r[i] + gap) * 0.7071)
        c = anchors[i] + off
        cand = np.column_stack([c - half, c + half])
        others = np.delete(node_boxes, i, axis=0)
        cost = _overlap(cand, placed[:rank]) + _overlap(cand, others)
        best = int(np.argmin(cost))  # argmin takes the first of equal costs: the preferred one
        centers[i] = c[best]
        placed[rank] = cand[best]
        clear[i] = cost[best] <= 1e-12 * float(sizes[i].prod() + 1e-300)
    return centers, clear


def map_positions(m: RelationMap, *, seed: int = 0) -> np.ndarray:
    """Positions ``(n, 2)`` of the actors of ``m``, in actor order.

    Stored positions (``m.positions``) are used as they are when every actor has one.
    Otherwise the force layout places the others around them: pinned actors
    (``m.pinned``) stay put, other stored positions are starting points.
    Edges pull with the number of quotes behind them.
    """
    ids = m.actor_ids()
    n = len(ids)
    index = {a: i for i, a in enumerate(ids)}
    if n and all(a in m.positions for a in ids):
        return np.array([m.positions[a] for a in ids], dtype=np.float64)
    edges = np.array([(index[r.source], index[r.target]) for r in m.relations], dtype=np.intp).reshape(-1, 2)
    weights = np.array([1.0 + 0.5 * min(len(r.evidence), 4) for r in m.relations]).reshape(-1)
    known = [a for a in ids if a in m.positions]
    if not known:
        return force_layout(n, edges, weights=weights, seed=seed)
    pts = np.array([m.positions[a] for a in known])
    centre, spread = pts.mean(axis=0), max(float(np.ptp(pts, axis=0).max()), 1.0)
    rng = np.random.default_rng(seed)
    init = centre + circular_layout(n, radius=spread / 2) + rng.normal(scale=spread * 0.02, size=(n, 2))
    for a in known:
        init[index[a]] = m.positions[a]
    pinned = np.array([a in m.pinned and a in m.positions for a in ids])
    return force_layout(n, edges, weights=weights, init=init, pinned=pinned, seed=seed)
