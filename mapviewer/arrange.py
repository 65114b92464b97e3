"""Whole-map arrangements the viewer switches between: force-directed, circular, geographic.

Pure numpy, no Qt: :func:`layout_request` takes a snapshot of a map on the GUI thread and
:func:`compute_layout` runs anywhere (the viewer runs it on a worker thread), so the
computation never touches a map the user is editing.

Each layout has its own coordinate frame (force and circular about ``[-1, 1]``,
geographic in the map units of :mod:`mapviewer.geo`), so pins are kept *per layout*: an
actor dragged in the geographic layout stays where it was put whenever that layout is
shown again, without dragging it to a meaningless spot of another frame.

:func:`interpolate` blends two layouts for an animated transition; it works in each
layout's normalised frame, so a switch between frames of very different sizes (force to
geographic) morphs smoothly instead of collapsing to a point first.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .geo import geographic_layout
from .layout import circular_layout, force_layout
from .model import RelationMap

__all__ = [
    "DECLUTTER_LIMIT",
    "DEFAULT_LAYOUT",
    "LAYOUTS",
    "LayoutRequest",
    "LayoutResult",
    "circular_order",
    "compute_layout",
    "declutter",
    "interpolate",
    "layout_request",
]

#: Layout keys and their names in the menus, in menu order.
LAYOUTS: dict[str, str] = {"force": "Force-directed", "circular": "Circular", "geographic": "Geographic"}
DEFAULT_LAYOUT = "force"
#: Geographic decluttering is exact over all pairs; above this many actors it is skipped.
DECLUTTER_LIMIT = 300
#: Smallest distance kept between decluttered actors, as a fraction of the actors' extent
#: (the view fits that extent, so this is ~1/25 of the map's width on screen: ~35 px).
DECLUTTER_FRACTION = 1 / 25
#: Space kept between decluttered markers, as a fraction of the sum of their radii.
DECLUTTER_GAP = 0.1
#: Horizontal and vertical pixels the map view keeps free around the actors when it fits.
FIT_MARGIN_PX = (130.0, 70.0)


@dataclass(frozen=True, eq=False)
class LayoutRequest:
    """Everything a layout needs, copied from a map (safe to hand to another thread).

    Attributes
    ----------
    kind : str
        A key of :data:`LAYOUTS`.
    edges : intp (m, 2)
        Relations as actor index pairs.
    weights : float64 (m,)
        Attraction of each relation (more quotes pull harder).
    latlon : tuple
        Per actor ``(lat, lon)`` or None.
    pinned : bool (n,)
        Actors that keep :attr:`pinned_xy`.
    pinned_xy : float64 (n, 2)
        Their positions (rows of unpinned actors are ignored).
    seed : int
    node_px : float (n,), optional
        Marker diameters in pixels, and ``view_px`` the view's size: the geographic
        layout then declutters markers (at the scale the view will fit them) rather than
        points :data:`DECLUTTER_FRACTION` apart.
    """

    kind: str
    edges: np.ndarray
    weights: np.ndarray
    latlon: tuple[tuple[float, float] | None, ...]
    pinned: np.ndarray
    pinned_xy: np.ndarray
    seed: int = 0
    node_px: np.ndarray | None = None
    view_px: tuple[float, float] | None = None

    @property
    def n(self) -> int:
        return len(self.latlon)


@dataclass(frozen=True, eq=False)
class LayoutResult:
    """Positions of a layout.

    Attributes
    ----------
    kind : str
    xy : float64 (n, 2)
        Where the actors are drawn.
    anchors : float64 (n, 2) or None
        Geographic only: each actor's true place (its projected coordinates; for an actor
        without coordinates, the place the geographic layout gave it). Where ``xy`` differs
        (decluttered or dragged), the viewer draws a leader line to it.
    """

    kind: str
    xy: np.ndarray
    anchors: np.ndarray | None = None


def layout_request(
    m: RelationMap,
    kind: str,
    *,
    pins: Mapping[str, tuple[float, float]] | None = None,
    seed: int = 0,
    node_px: np.ndarray | None = None,
    view_px: tuple[float, float] | None = None,
) -> LayoutRequest:
    """Snapshot ``m`` for layout ``kind``; ``pins`` maps actor ids to fixed positions
    (``node_px`` and ``view_px`` as in :class:`LayoutRequest`).

    Raises
    ------
    ValueError
        For an unknown ``kind``.
    """
    if kind not in LAYOUTS:
        raise ValueError(f"unknown layout {kind!r}; expected one of {', '.join(LAYOUTS)}")
    ids = m.actor_ids()
    index = {a: i for i, a in enumerate(ids)}
    n = len(ids)
    edges = np.array([(index[r.source], index[r.target]) for r in m.relations], dtype=np.intp).reshape(-1, 2)
    weights = np.array([1.0 + 0.5 * min(len(r.evidence), 4) for r in m.relations], dtype=np.float64)
    pinned = np.zeros(n, dtype=bool)
    pinned_xy = np.zeros((n, 2))
    for aid, xy in (pins or {}).items():
        if aid in index:
            pinned[index[aid]] = True
            pinned_xy[index[aid]] = xy
    latlon = tuple((float(a.lat), float(a.lon)) if a.has_coordinates else None for a in m.actors)  # type: ignore[arg-type]
    px = None if node_px is None else np.asarray(node_px, dtype=np.float64).reshape(n).copy()
    return LayoutRequest(kind, edges, weights.reshape(-1), latlon, pinned, pinned_xy, seed, px, view_px)


def compute_layout(req: LayoutRequest) -> LayoutResult:
    """Run the layout ``req`` asks for; deterministic for a given request."""
    if req.kind == "force":
        return LayoutResult("force", _force(req))
    if req.kind == "circular":
        return LayoutResult("circular", _circular(req))
    if req.kind == "geographic":
        anchors = geographic_layout(req.latlon, req.edges.tolist(), seed=req.seed)
        radii = None
        if req.node_px is not None and req.view_px is not None and len(anchors):
            # map units per pixel once the view fits the actors (MapView.fit's margins)
            span = np.ptp(anchors, axis=0)
            w, h = req.view_px
            upp = max(span[0] / max(w - FIT_MARGIN_PX[0], 50), span[1] / max(h - FIT_MARGIN_PX[1], 50), 1e-9)
            radii = req.node_px / 2 * upp
        xy = declutter(anchors, fixed=req.pinned, fixed_xy=req.pinned_xy, radii=radii, seed=req.seed)
        return LayoutResult("geographic", xy, anchors)
    raise ValueError(f"unknown layout {req.kind!r}")


def _force(req: LayoutRequest) -> np.ndarray:
    n = req.n
    if not req.pinned.any():
        return force_layout(n, req.edges, weights=req.weights, seed=req.seed)
    # the pins set the frame: the others start on a circle around them (as layout.map_positions)
    pts = req.pinned_xy[req.pinned]
    centre = pts.mean(axis=0)
    spread = max(float(np.ptp(pts, axis=0).max()), 1.0)
    rng = np.random.default_rng(req.seed)
    init = centre + circular_layout(n, radius=spread / 2) + rng.normal(scale=spread * 0.02, size=(n, 2))
    init[req.pinned] = pts
    return force_layout(n, req.edges, weights=req.weights, init=init, pinned=req.pinned, seed=req.seed)


def circular_order(n: int, edges: np.ndarray, *, seed: int = 0) -> np.ndarray:
    """An order of ``n`` nodes that keeps neighbours near each other on a circle.

    The nodes are taken by their angle around the centre of the force layout: related
    nodes sit together there, so most relations become short chords instead of
    diameters (a breadth-first order does worse on clustered graphs). Deterministic for
    a given ``seed``; costs one force layout (~0.5 s at 2,000 nodes, on the worker thread).
    """
    if n <= 2:
        return np.arange(n, dtype=np.intp)
    xy = force_layout(n, np.asarray(edges, dtype=np.intp).reshape(-1, 2), seed=seed)
    d = xy - xy.mean(axis=0)
    # clockwise from the top, as circular_layout places its slots
    angle = np.mod(np.pi / 2 - np.arctan2(d[:, 1], d[:, 0]), 2 * np.pi)
    return np.argsort(angle, kind="stable").astype(np.intp)


def _circular(req: LayoutRequest) -> np.ndarray:
    n = req.n
    order = circular_order(n, req.edges, seed=req.seed)
    free = order[~req.pinned[order]]
    xy = np.zeros((n, 2))
    xy[free] = circular_layout(len(free))
    xy[req.pinned] = req.pinned_xy[req.pinned]
    return xy


def declutter(
    anchors: np.ndarray,
    *,
    fixed: np.ndarray | None = None,
    fixed_xy: np.ndarray | None = None,
    min_sep: float | None = None,
    radii: np.ndarray | None = None,
    iterations: int = 150,
    seed: int = 0,
) -> np.ndarray:
    """Move actors that sit on top of each other just far enough apart to be told apart.

    Pairs nearer than ``min_sep`` push each other apart while a weak spring pulls each
    actor back to its anchor, so only crowded actors move and each moves as little as
    it can (Israel, Palestine and Hamas are within 1 degree of each other). Fixed
    (pinned) actors stay at ``fixed_xy`` and push the others.

    Parameters
    ----------
    anchors : (n, 2)
        True positions.
    fixed, fixed_xy : bool (n,), (n, 2), optional
        Pinned actors and their positions.
    min_sep : float, optional
        Default :data:`DECLUTTER_FRACTION` of the anchors' extent (at least 1 map unit).
    radii : (n,), optional
        Marker radii in the anchors' units: then two actors keep their markers apart
        (:data:`DECLUTTER_GAP` apart) instead of ``min_sep``.
    iterations : int
    seed : int
        Chooses the direction in which exactly coincident actors part.

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` float64; the anchors themselves above :data:`DECLUTTER_LIMIT` actors.
    """
    anchors = np.asarray(anchors, dtype=np.float64).reshape(-1, 2)
    n = len(anchors)
    fx = np.zeros(n, dtype=bool) if fixed is None else np.asarray(fixed, dtype=bool)
    pos = anchors.copy()
    if fx.any():
        pos[fx] = np.asarray(fixed_xy, dtype=np.float64)[fx]
    if n < 2 or n > DECLUTTER_LIMIT:
        return pos
    if min_sep is None:
        span = float(np.ptp(pos, axis=0).max()) if n else 0.0
        min_sep = max(span * DECLUTTER_FRACTION, 1.0)
    min_sep = float(min_sep)
    rng = np.random.default_rng(seed)
    jitter = rng.uniform(0, 2 * math.pi, size=n)
    same = np.linalg.norm(pos[:, None] - pos[None, :], axis=-1) < 1e-9
    np.fill_diagonal(same, False)
    # exactly coincident actors part along a seeded direction
    nudge = np.column_stack([np.cos(jitter), np.sin(jitter)]) * (min_sep * 1e-3)
    pos[same.any(axis=1) & ~fx] += nudge[same.any(axis=1) & ~fx]
    free = ~fx
    if radii is not None:
        r = np.asarray(radii, dtype=np.float64).reshape(n)
        sep = (r[:, None] + r[None, :]) * (1 + DECLUTTER_GAP)
    else:
        sep = np.full((n, n), min_sep)
    for _ in range(iterations):
        d = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt(np.einsum("ijk,ijk->ij", d, d))
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(sep - dist, 0.0, None)
        if not overlap.any():
            break
        # a pushed pair shares the correction; a fixed partner leaves it all to the free one
        share = np.where(free[None, :], 0.5, 1.0)
        push = np.einsum("ijk,ij->ik", d, overlap * share / np.maximum(dist, 1e-12))
        pos[free] += push[free]
        pos[free] += 0.02 * (anchors[free] - pos[free])
    return pos


def interpolate(start: np.ndarray, end: np.ndarray, t: float) -> np.ndarray:
    """Positions a fraction ``t`` of the way from ``start`` to ``end`` (both ``(n, 2)``).

    Each layout is normalised by its own bounding box (centre and larger extent); the
    normalised positions move linearly, the centre linearly and the extent geometrically,
    so ``t=0`` gives ``start`` and ``t=1`` gives ``end`` exactly, and a view that fits
    every frame sees a steady morph even between frames 100 times apart in size.
    """
    a = np.asarray(start, dtype=np.float64)
    b = np.asarray(end, dtype=np.float64)
    if t <= 0.0:
        return a.copy()
    if t >= 1.0 or len(a) == 0:
        return b.copy()
    ca, za = _frame(a)
    cb, zb = _frame(b)
    u = (1 - t) * (a - ca) / za + t * (b - cb) / zb
    return (1 - t) * ca + t * cb + u * (za ** (1 - t) * zb**t)


def _frame(p: np.ndarray) -> tuple[np.ndarray, float]:
    lo, hi = p.min(axis=0), p.max(axis=0)
    return (lo + hi) / 2, max(float((hi - lo).max()), 1e-9)
