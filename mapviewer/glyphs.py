"""Valence glyphs at the middle of relation lines, for large maps drawn with solid lines.

Small maps tell valences apart by colour *and* dash pattern. Above a few thousand line
segments, dashes cost most of a repaint, so large maps draw solid lines and put a small
glyph on each line long enough to carry one: the non-colour cue survives in grey-scale
and for colour-blind readers. Pure numpy, no Qt; sizes in screen pixels.
"""

from __future__ import annotations

import numpy as np

from .geometry import SceneArrays, edge_midpoints

__all__ = ["GLYPHS", "GLYPH_RADIUS_PX", "MIN_LINE_PX", "glyph_segments", "glyph_shape"]

#: The glyph of each valence: cooperative lines carry none (a plain line means cooperation,
#: as the solid line of small maps does).
GLYPHS: dict[str, str] = {"cooperative": "", "hostile": "cross", "mixed": "diamond", "neutral": "bar"}
#: Lines shorter than this on screen get no glyph (it would hide the line).
MIN_LINE_PX = 28.0
GLYPH_RADIUS_PX = 4.0


def glyph_shape(kind: str) -> np.ndarray:
    """Segments ``(k, 2, 2)`` of a glyph in a frame where x runs along the line, radius 1."""
    if kind == "cross":
        return np.array([[[-1, -1], [1, 1]], [[-1, 1], [1, -1]]], dtype=np.float64) * 0.8
    if kind == "diamond":
        p = np.array([[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]], dtype=np.float64)
        return np.stack([p[:-1], p[1:]], axis=1)
    if kind == "bar":  # a tick across the line
        return np.array([[[0, -1.2], [0, 1.2]]], dtype=np.float64)
    return np.zeros((0, 2, 2))


def glyph_segments(
    arrays: SceneArrays,
    relations: np.ndarray,
    kind: str,
    pixel_size: tuple[float, float],
    *,
    radius_px: float = GLYPH_RADIUS_PX,
    min_line_px: float = MIN_LINE_PX,
) -> np.ndarray:
    """Glyph ``kind`` on each of ``relations`` long enough on screen, as pairs ``(2s, 2)``.

    The glyph is turned with its line and centred on the drawn middle of the line (on
    the arc for parallel relations). Returns data coordinates for ``connect="pairs"``.
    """
    shape = glyph_shape(kind)
    rel = np.asarray(relations, dtype=np.intp)
    if not len(shape) or not len(rel):
        return np.zeros((0, 2), np.float64)
    sx, sy = abs(float(pixel_size[0])) or 1.0, abs(float(pixel_size[1])) or 1.0
    scale = np.array([sx, sy])
    d = (arrays.xy[arrays.rel_dst[rel]] - arrays.xy[arrays.rel_src[rel]]).astype(np.float64) / scale
    length = np.hypot(d[:, 0], d[:, 1])
    keep = length >= min_line_px
    rel, d, length = rel[keep], d[keep], length[keep]
    if not len(rel):
        return np.zeros((0, 2), np.float64)
    u = d / length[:, None]
    v = np.column_stack([-u[:, 1], u[:, 0]])
    mid = edge_midpoints(arrays)[rel]
    # (r, k, 2 ends, 2): glyph frame -> pixels along the line -> data units
    pts = shape[None, :, :, 0, None] * u[:, None, None, :] + shape[None, :, :, 1, None] * v[:, None, None, :]
    pts = pts * radius_px * scale + mid[:, None, None, :]
    return pts.reshape(-1, 2)
