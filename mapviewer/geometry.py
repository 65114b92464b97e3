"""What the map draws, as numpy arrays, and picking on those same arrays. No Qt.

:func:`build_scene` turns a :class:`~mapviewer.model.RelationMap` and node positions
into a :class:`SceneArrays`: node centres and marker sizes, and every relation as line
segments in data coordinates, each segment knowing its relation. The map view draws
exactly these segments, and :func:`pick_edge` / :func:`pick_node` / :func:`pick` search
them with vectorized point-to-segment distances (no Python loop, preallocated buffers),
so what is clicked is what is drawn.

Parallel relations (several relations between the same two actors, in either
direction) are drawn as separate arcs bulging to alternate sides, each clickable on
its own; a lone relation is a straight segment.

Node marker sizes and arrowheads are in screen pixels (they keep their size when
zooming); tolerances are given in pixels and converted with the view's pixel size
(:func:`tolerance_to_data`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .model import RelationMap

__all__ = [
    "ARC_SEGMENTS",
    "SceneArrays",
    "arrow_triangles",
    "build_scene",
    "edge_midpoints",
    "edge_width",
    "node_size",
    "pick",
    "pick_edge",
    "pick_node",
    "set_positions",
    "set_visible",
    "tolerance_to_data",
]

#: Straight segments per arc of a parallel relation.
ARC_SEGMENTS = 10
#: Bulge of neighbouring parallel arcs, as a fraction of the distance between the two nodes.
ARC_SPACING = 0.16


def node_size(mentions: np.ndarray) -> np.ndarray:
    """Marker diameter in pixels from mention counts: area grows with mentions, 14-40 px."""
    m = np.asarray(mentions, dtype=np.float64)
    top = max(float(m.max(initial=0)), 1.0)
    return (14.0 + 26.0 * np.sqrt(np.clip(m, 0, None) / top)).astype(np.float32)


def edge_width(evidence_count: np.ndarray) -> np.ndarray:
    """Line width in pixels by number of supporting quotes: 1, 2, 3-4, 5+ (0 draws thinnest)."""
    c = np.asarray(evidence_count)
    return np.select([c >= 5, c >= 3, c >= 2, c >= 1], [5.0, 3.6, 2.6, 1.7], 1.0).astype(np.float32)


@dataclass(eq=False)
class SceneArrays:
    """Drawable and pickable geometry of a map (data coordinates unless stated).

    Attributes
    ----------
    ids : list of str
        Actor ids, in node order.
    xy : float32 (n, 2)
        Node centres.
    size_px : float32 (n,)
        Marker diameters in pixels.
    rel_src, rel_dst : intp (r,)
        Node index of each relation's source and target.
    rel_bulge : float64 (r,)
        Arc bulge of each relation (0 = straight), a fraction of its length.
    rel_directed : bool (r,)
    rel_width_px : float32 (r,)
        Line width in pixels (by evidence count).
    seg_a, seg_b : float32 (s, 2)
        Segment end points; all relations' segments, relation by relation.
    seg_rel : intp (s,)
        Relation index of each segment.
    rel_visible, node_visible : bool (r,), bool (n,) or None
        What is drawn (None: everything); picking ignores the rest (see :func:`set_visible`).
    """

    ids: list[str]
    xy: np.ndarray
    size_px: np.ndarray
    rel_src: np.ndarray
    rel_dst: np.ndarray
    rel_bulge: np.ndarray
    rel_directed: np.ndarray
    rel_width_px: np.ndarray
    seg_a: np.ndarray = field(init=False)
    seg_b: np.ndarray = field(init=False)
    seg_rel: np.ndarray = field(init=False)
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.index = {a: i for i, a in enumerate(self.ids)}
        straight = self.rel_bulge == 0
        nseg = np.where(straight, 1, ARC_SEGMENTS)
        self.seg_rel = np.repeat(np.arange(len(self.rel_src)), nseg)
        s = len(self.seg_rel)
        self.seg_a = np.zeros((s, 2), np.float32)
        self.seg_b = np.zeros((s, 2), np.float32)
        # picking scratch space, reused on every call (large temporaries cost mmap/munmap)
        self._ax = np.zeros(s, np.float32)
        self._ay = np.zeros(s, np.float32)
        self._dx = np.zeros(s, np.float32)
        self._dy = np.zeros(s, np.float32)
        self._inv = np.zeros(s, np.float32)
        self._buf = np.zeros((4, s), np.float32)
        self._ctrl = np.zeros((len(self.rel_src), 2))
        self.rel_visible: np.ndarray | None = None
        self.node_visible: np.ndarray | None = None
        self._seg_hidden: np.ndarray | None = None
        self.update()

    @property
    def n_nodes(self) -> int:
        return len(self.ids)

    @property
    def n_relations(self) -> int:
        return len(self.rel_src)

    def update(self) -> None:
        """Recompute segments (and arc control points) from :attr:`xy`."""
        p0 = self.xy[self.rel_src].astype(np.float64)
        p2 = self.xy[self.rel_dst].astype(np.float64)
        d = p2 - p0
        # the normal follows the pair's canonical order, so A->B and B->A bulge apart
        flip = np.where(self.rel_src < self.rel_dst, 1.0, -1.0)
        normal = np.column_stack([-d[:, 1], d[:, 0]]) * flip[:, None]
        self._ctrl = (p0 + p2) / 2 + normal * self.rel_bulge[:, None] * 2  # B(0.5) is half way to it
        straight = self.rel_bulge == 0
        t = np.linspace(0.0, 1.0, ARC_SEGMENTS + 1)[None, :, None]
        curved = ~straight
        pts = (
            (1 - t) ** 2 * p0[curved, None]
            + 2 * (1 - t) * t * self._ctrl[curved, None]
            + t**2 * p2[curved, None]
        )
        a = np.empty((len(self.seg_rel), 2))
        b = np.empty_like(a)
        first = np.concatenate([[0], np.cumsum(np.where(straight, 1, ARC_SEGMENTS))[:-1]]).astype(np.intp)
        a[first[straight]] = p0[straight]
        b[first[straight]] = p2[straight]
        if curved.any():
            idx = first[curved][:, None] + np.arange(ARC_SEGMENTS)[None, :]
            a[idx.ravel()] = pts[:, :-1].reshape(-1, 2)
            b[idx.ravel()] = pts[:, 1:].reshape(-1, 2)
        self.seg_a[:] = a
        self.seg_b[:] = b
        self._ax[:] = self.seg_a[:, 0]
        self._ay[:] = self.seg_a[:, 1]
        np.subtract(self.seg_b[:, 0], self.seg_a[:, 0], out=self._dx)
        np.subtract(self.seg_b[:, 1], self.seg_a[:, 1], out=self._dy)
        len2 = self._dx * self._dx + self._dy * self._dy
        np.divide(1.0, len2, out=self._inv, where=len2 > 0)
        self._inv[len2 <= 0] = 0.0

    def incident(self, node: int) -> np.ndarray:
        """Indices of the relations with ``node`` on either end."""
        return np.flatnonzero((self.rel_src == node) | (self.rel_dst == node))

    def pairs(self, relations: np.ndarray | None = None) -> np.ndarray:
        """Segment end points interleaved ``(2s, 2)`` for drawing with ``connect="pairs"``."""
        sel = slice(None) if relations is None else np.isin(self.seg_rel, relations)
        a, b = self.seg_a[sel], self.seg_b[sel]
        out = np.empty((2 * len(a), 2), np.float32)
        out[0::2] = a
        out[1::2] = b
        return out


def build_scene(m: RelationMap, positions: np.ndarray) -> SceneArrays:
    """The geometry of ``m`` with actor ``i`` at ``positions[i]`` (actor order of ``m``)."""
    ids = m.actor_ids()
    index = {a: i for i, a in enumerate(ids)}
    n_rel = len(m.relations)
    src = np.array([index[r.source] for r in m.relations], dtype=np.intp).reshape(n_rel)
    dst = np.array([index[r.target] for r in m.relations], dtype=np.intp).reshape(n_rel)
    bulge = np.zeros(n_rel)
    groups: dict[tuple[int, int], list[int]] = {}
    for i, (s, t) in enumerate(zip(src.tolist(), dst.tolist(), strict=True)):
        groups.setdefault((min(s, t), max(s, t)), []).append(i)
    for members in groups.values():
        g = len(members)
        if g > 1:
            for j, r in enumerate(members):
                bulge[r] = (j - (g - 1) / 2) * ARC_SPACING
    return SceneArrays(
        ids=ids,
        xy=np.asarray(positions, dtype=np.float32).reshape(len(ids), 2).copy(),
        size_px=node_size(np.array([a.mentions for a in m.actors])),
        rel_src=src,
        rel_dst=dst,
        rel_bulge=bulge,
        rel_directed=np.array([r.directed for r in m.relations], dtype=bool).reshape(n_rel),
        rel_width_px=edge_width(np.array([len(r.evidence) for r in m.relations])),
    )


def set_positions(arrays: SceneArrays, xy: np.ndarray, nodes: np.ndarray | None = None) -> None:
    """Move ``nodes`` (default all) to ``xy`` and recompute the segments."""
    if nodes is None:
        arrays.xy[:] = xy
    else:
        arrays.xy[nodes] = xy
    arrays.update()


def set_visible(
    arrays: SceneArrays, relations: np.ndarray | None = None, nodes: np.ndarray | None = None
) -> None:
    """Draw and pick only ``relations`` and ``nodes`` (boolean masks; None shows all)."""
    if relations is None:
        arrays.rel_visible = arrays._seg_hidden = None
    else:
        arrays.rel_visible = np.asarray(relations, dtype=bool).reshape(arrays.n_relations).copy()
        hidden = ~arrays.rel_visible[arrays.seg_rel]  # per segment, computed once, not per pick
        arrays._seg_hidden = hidden if hidden.any() else None
    arrays.node_visible = (
        None if nodes is None else np.asarray(nodes, dtype=bool).reshape(arrays.n_nodes).copy()
    )


def edge_midpoints(arrays: SceneArrays) -> np.ndarray:
    """The drawn middle of each relation ``(r, 2)`` (on its arc for parallel relations)."""
    p0 = arrays.xy[arrays.rel_src].astype(np.float64)
    p2 = arrays.xy[arrays.rel_dst].astype(np.float64)
    return 0.25 * p0 + 0.5 * arrays._ctrl + 0.25 * p2


def tolerance_to_data(tol_px: float, pixel_size: tuple[float, float]) -> float:
    """A tolerance of ``tol_px`` screen pixels in data units (the larger of the two axes)."""
    return float(tol_px) * max(abs(float(pixel_size[0])), abs(float(pixel_size[1])))


def pick_edge(arrays: SceneArrays, x: float, y: float, tol_data: float) -> int | None:
    """The relation whose drawn line passes nearest ``(x, y)``, if within ``tol_data``.

    Point-to-segment distance over all segments at once.
    """
    if len(arrays.seg_rel) == 0:
        return None
    px, py, t, tmp = arrays._buf
    np.subtract(np.float32(x), arrays._ax, out=px)
    np.subtract(np.float32(y), arrays._ay, out=py)
    np.multiply(px, arrays._dx, out=t)
    np.multiply(py, arrays._dy, out=tmp)
    t += tmp
    t *= arrays._inv
    np.clip(t, 0.0, 1.0, out=t)
    np.multiply(t, arrays._dx, out=tmp)
    px -= tmp
    np.multiply(t, arrays._dy, out=tmp)
    py -= tmp
    np.multiply(px, px, out=tmp)
    np.multiply(py, py, out=t)
    tmp += t
    if arrays._seg_hidden is not None:
        tmp[arrays._seg_hidden] = np.inf
    i = int(np.argmin(tmp))
    if float(tmp[i]) <= tol_data * tol_data:
        return int(arrays.seg_rel[i])
    return None


def pick_node(
    arrays: SceneArrays, x: float, y: float, pixel_size: tuple[float, float], tol_px: float = 2.0
) -> int | None:
    """The node whose marker covers ``(x, y)`` (with ``tol_px`` to spare), nearest first."""
    if arrays.n_nodes == 0:
        return None
    sx, sy = abs(float(pixel_size[0])) or 1.0, abs(float(pixel_size[1])) or 1.0
    dx = (arrays.xy[:, 0] - np.float32(x)) / np.float32(sx)
    dy = (arrays.xy[:, 1] - np.float32(y)) / np.float32(sy)
    gap = np.sqrt(dx * dx + dy * dy) - (arrays.size_px / 2 + np.float32(tol_px))
    if arrays.node_visible is not None:
        gap[~arrays.node_visible] = np.inf
    i = int(np.argmin(gap))
    return i if gap[i] <= 0 else None


def pick(
    arrays: SceneArrays, x: float, y: float, pixel_size: tuple[float, float], tol_px: float = 5.0
) -> tuple[str, int] | None:
    """``("node", i)``, ``("edge", r)`` or None at ``(x, y)``; a node wins over the edges under it."""
    i = pick_node(arrays, x, y, pixel_size)
    if i is not None:
        return ("node", i)
    r = pick_edge(arrays, x, y, tolerance_to_data(tol_px, pixel_size))
    return None if r is None else ("edge", r)


def arrow_triangles(
    arrays: SceneArrays, pixel_size: tuple[float, float], *, length_px: float = 11.0
) -> tuple[np.ndarray, np.ndarray]:
    """Arrowheads of the directed relations, touching the target's marker.

    Returns
    -------
    triangles : float64 (d, 3, 2)
        Tip, left and right corners in data coordinates for the current pixel size.
    relations : intp (d,)
        The relation of each triangle.
    """
    rel = np.flatnonzero(arrays.rel_directed)
    if len(rel) == 0:
        return np.zeros((0, 3, 2)), rel
    sx, sy = abs(float(pixel_size[0])) or 1.0, abs(float(pixel_size[1])) or 1.0
    scale = np.array([sx, sy])
    tgt = arrays.xy[arrays.rel_dst[rel]].astype(np.float64)
    # tangent at the target end: from the arc's control point (or the source) to the target
    back = np.where(
        (arrays.rel_bulge[rel] == 0)[:, None],
        arrays.xy[arrays.rel_src[rel]].astype(np.float64),
        arrays._ctrl[rel],
    )
    d = (tgt - back) / scale  # work in pixels so the arrow keeps its shape
    norm = np.linalg.norm(d, axis=1, keepdims=True)
    u = d / np.maximum(norm, 1e-9)
    v = np.column_stack([-u[:, 1], u[:, 0]])
    length = length_px + 1.2 * arrays.rel_width_px[rel, None]
    r = arrays.size_px[arrays.rel_dst[rel], None] / 2 + 1.0
    tip = -u * r
    base = tip - u * length
    half = 0.45 * length
    tri = np.stack([tip, base + v * half, base - v * half], axis=1) * scale + tgt[:, None, :]
    return tri, rel
