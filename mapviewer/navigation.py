"""Keyboard navigation over the map's nodes and edges. No Qt.

The map's items are nodes (at their centres) and edges (at the drawn middle of each
line). Tab walks them in a fixed order (:func:`focus_order`); the arrow keys jump to the
nearest item roughly in the arrow's direction (:func:`step_in_direction`), judged in
screen pixels so that a stretched view does not skew "left" and "up".
"""

from __future__ import annotations

import numpy as np

__all__ = ["DIRECTIONS", "focus_order", "step_in_direction"]

#: Unit vectors of the arrow keys in data coordinates (y grows upwards on the map).
DIRECTIONS: dict[str, tuple[float, float]] = {
    "left": (-1.0, 0.0),
    "right": (1.0, 0.0),
    "up": (0.0, 1.0),
    "down": (0.0, -1.0),
}


def focus_order(
    names: list[str], node_visible: np.ndarray, relation_src: np.ndarray, relation_visible: np.ndarray
) -> list[tuple[str, int]]:
    """Tab order: visible nodes by name, each followed by its visible relations not yet listed.

    So Tab reads the map actor by actor ("Armenia", then Armenia's relations, then
    "Azerbaijan" ...) and visits every visible node and relation once.
    """
    nodes = [i for i in sorted(range(len(names)), key=lambda i: names[i].casefold()) if node_visible[i]]
    rel_vis = np.flatnonzero(relation_visible)
    by_node: dict[int, list[int]] = {}
    for r in rel_vis.tolist():
        by_node.setdefault(int(relation_src[r]), []).append(r)
    order: list[tuple[str, int]] = []
    seen: set[int] = set()
    for i in nodes:
        order.append(("node", i))
        for r in by_node.get(i, []):
            order.append(("edge", r))
            seen.add(r)
    # relations whose source is hidden (kept because selected) still get a place
    order += [("edge", r) for r in rel_vis.tolist() if r not in seen]
    return order


def step_in_direction(
    points: np.ndarray,
    origin: np.ndarray,
    direction: tuple[float, float],
    pixel_size: tuple[float, float],
    *,
    exclude: int | None = None,
    max_angle_deg: float = 45.0,
) -> int | None:
    """The point nearest ``origin`` within ``max_angle_deg`` of ``direction``, or None.

    Parameters
    ----------
    points : (k, 2)
        Candidate positions in data coordinates.
    origin : (2,)
        Where the focus is now.
    direction : (dx, dy)
        An entry of :data:`DIRECTIONS`.
    pixel_size : (sx, sy)
        Data units per screen pixel on each axis.
    exclude : int, optional
        Index of the current item (never chosen).
    """
    if len(points) == 0:
        return None
    scale = np.array([abs(pixel_size[0]) or 1.0, abs(pixel_size[1]) or 1.0])
    d = (np.asarray(points, dtype=np.float64) - np.asarray(origin, dtype=np.float64)) / scale
    u = np.asarray(direction, dtype=np.float64)
    along = d @ u
    across = np.abs(d @ np.array([-u[1], u[0]]))
    dist = np.hypot(along, across)
    ok = (along > 0.5) & (across <= along * np.tan(np.radians(max_angle_deg)))
    if exclude is not None and 0 <= exclude < len(ok):
        ok[exclude] = False
    if not ok.any():
        return None
    score = np.where(ok, dist + 1.5 * across, np.inf)  # prefer items straight ahead
    return int(np.argmin(score))
