"""Offline world basemap, map projection and the geographic layout of actors.

Pure numpy, no Qt. The basemap is Natural Earth's 1:110m countries (public domain),
shipped as ``mapviewer/data/basemap-110m.json`` (built by
``resources/scripts/build_basemap.py``; rings already cut at the antimeridian).

Everything is in *map units*: the Natural Earth projection scaled so that one unit is
about one degree of longitude at the equator (x spans about +-157, y about +-81.5). Outlines
and nodes go through the same :func:`project`, so they line up.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

import numpy as np

__all__ = [
    "BASEMAP_FILE",
    "Basemap",
    "geographic_layout",
    "load_basemap",
    "project",
    "unproject",
]

BASEMAP_FILE = "basemap-110m.json"
_DEG = 180.0 / math.pi


# -- projection ------------------------------------------------------------------------
def project(lon, lat) -> np.ndarray:
    """Project longitude/latitude (degrees) with the Natural Earth projection.

    A pseudo-cylindrical compromise projection (Šavrič et al. 2011, as in d3-geo's
    ``geoNaturalEarth1``): x grows with longitude at every latitude, y with latitude,
    and polar regions are not blown up as in plate carrée.

    Parameters
    ----------
    lon, lat : float or array_like
        Degrees; broadcast against each other.

    Returns
    -------
    numpy.ndarray
        Shape ``broadcast(lon, lat).shape + (2,)``: x, y in map units (y points north).
    """
    lam = np.radians(np.asarray(lon, dtype=float))
    phi = np.radians(np.asarray(lat, dtype=float))
    p2 = phi * phi
    p4 = p2 * p2
    x = lam * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)))
    y = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)))
    return np.stack(np.broadcast_arrays(x, y), axis=-1) * _DEG


def unproject(x, y) -> np.ndarray:
    """Inverse of :func:`project`: map units to ``(..., 2)`` longitude, latitude in degrees.

    Newton's method on the latitude polynomial; points outside the map come back with
    longitudes beyond +-180 (callers that care check the range).
    """
    xr = np.asarray(x, dtype=float) / _DEG
    yr = np.asarray(y, dtype=float) / _DEG
    phi = yr.copy()
    for _ in range(12):  # converges to ~1e-12 in 4-5 steps everywhere on the map
        p2 = phi * phi
        p4 = p2 * p2
        f = phi * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))) - yr
        df = 1.007226 + p2 * (0.015085 * 3 + p4 * (-0.044475 * 7 + 0.028874 * 9 * p2 - 0.005916 * 11 * p4))
        phi = phi - f / df
    p2 = phi * phi
    lam = xr / (0.8707 + p2 * (-0.131979 + p2 * (-0.013791 + p2 * p2 * p2 * (0.003971 - 0.001529 * p2))))
    return np.stack(np.broadcast_arrays(lam, phi), axis=-1) * _DEG


# -- basemap ---------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Basemap:
    """Country outlines, projected, as flat numpy arrays (read-only; shared by the cache).

    Attributes
    ----------
    keys, names : tuple of str
        Per country: ISO 3166-1 alpha-3 code (``XKX`` Kosovo, ``CYN`` Northern Cyprus,
        ``SOL`` Somaliland, which have none) and Natural Earth's short name.
    lonlat, xy : numpy.ndarray
        ``(P, 2)``: every ring point, in degrees and in map units.
    ring_offsets : numpy.ndarray
        ``(R + 1,)``: ring ``r`` is ``xy[ring_offsets[r]:ring_offsets[r + 1]]`` (closed:
        its last point repeats its first).
    ring_country : numpy.ndarray
        ``(R,)``: index into :attr:`keys` of each ring's country. Fill a country's rings
        together with the odd-even rule (South Africa's ring around Lesotho is a hole).
    outline : numpy.ndarray
        ``(M, 2)`` float64 polylines separated by NaN rows, for one pyqtgraph
        ``PlotCurveItem(x, y, connect="finite")``. The cuts along the map's edge (the
        antimeridian, the pole line closing Antarctica) are left out.
    frame : numpy.ndarray
        ``(K, 2)``: the closed edge of the projected world, for a sea/background outline.
    bounds : tuple of float
        ``(xmin, ymin, xmax, ymax)`` of :attr:`frame`.
    """

    keys: tuple[str, ...]
    names: tuple[str, ...]
    lonlat: np.ndarray
    xy: np.ndarray
    ring_offsets: np.ndarray
    ring_country: np.ndarray
    outline: np.ndarray
    frame: np.ndarray
    bounds: tuple[float, float, float, float]
    _index: dict[str, int] = field(repr=False)

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.upper() in self._index

    def country_index(self, key: str) -> int:
        """Index of the country with alpha-3 ``key`` (case-insensitive).

        Raises
        ------
        KeyError
            If the basemap has no such country.
        """
        return self._index[key.upper()]

    def rings(self, key: str, *, projected: bool = True) -> list[np.ndarray]:
        """The closed rings of country ``key``, in map units (or degrees)."""
        ci = self.country_index(key)
        pts = self.xy if projected else self.lonlat
        off = self.ring_offsets
        return [pts[off[r] : off[r + 1]] for r in np.flatnonzero(self.ring_country == ci)]

    def label_point(self, key: str) -> tuple[float, float]:
        """(lon, lat) of the vertex mean of the country's largest ring: a rough centre."""
        best = max(self.rings(key, projected=False), key=_ring_area)
        lon, lat = best[:-1].mean(axis=0)
        return float(lon), float(lat)


def _ring_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])))


def _frame(n: int = 91) -> np.ndarray:
    lat = np.linspace(-90.0, 90.0, n)
    lon = np.linspace(-180.0, 180.0, 2 * n - 1)
    west = project(-180.0, lat)
    north = project(lon, 90.0)
    east = project(180.0, lat[::-1])
    south = project(lon[::-1], -90.0)
    return np.concatenate([west, north[1:], east[1:], south[1:]])


def _outline(lonlat: np.ndarray, xy: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    # A segment is a seam (not coastline or border) when both ends lie on the
    # antimeridian or both on a pole line: the build script's cuts put them there.
    on_edge_lon = np.abs(lonlat[:, 0]) >= 180.0
    on_pole = np.abs(lonlat[:, 1]) >= 90.0
    nan = np.full((1, 2), np.nan)
    parts: list[np.ndarray] = []
    for r in range(len(offsets) - 1):
        a, b = int(offsets[r]), int(offsets[r + 1])
        seam = (on_edge_lon[a : b - 1] & on_edge_lon[a + 1 : b]) | (on_pole[a : b - 1] & on_pole[a + 1 : b])
        if not seam.any():
            parts += [xy[a:b], nan]
            continue
        # split after every seam segment; keep the runs of real segments (>= 2 points)
        cuts = np.flatnonzero(seam)
        start = a
        for c in cuts:
            if a + c - start >= 1:
                parts += [xy[start : a + c + 1], nan]
            start = a + c + 1
        if b - start >= 2:
            parts += [xy[start:b], nan]
    return np.concatenate(parts) if parts else np.empty((0, 2))


@functools.cache
def load_basemap() -> Basemap:
    """The shipped world basemap, read once (later calls return the same object).

    Raises
    ------
    RuntimeError
        If the data file is missing or damaged (a broken installation).
    """
    try:
        raw = (resources.files("mapviewer.data") / BASEMAP_FILE).read_text(encoding="utf-8")
        doc = json.loads(raw)
        countries = doc["countries"]
    except (OSError, ValueError, KeyError) as exc:
        raise RuntimeError(f"the basemap data file {BASEMAP_FILE} is missing or damaged: {exc}") from exc
    keys, names, rings, ring_country = [], [], [], []
    for ci, c in enumerate(countries):
        keys.append(c["key"])
        names.append(c["name"])
        for flat in c["rings"]:
            rings.append(np.asarray(flat, dtype=float).reshape(-1, 2))
            ring_country.append(ci)
    lengths = np.array([len(r) for r in rings], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    lonlat = np.concatenate(rings) if rings else np.empty((0, 2))
    xy = project(lonlat[:, 0], lonlat[:, 1])
    outline = _outline(lonlat, xy, offsets)
    frame = _frame()
    arrays = (lonlat, xy, offsets, outline, frame)
    ring_country_arr = np.asarray(ring_country, dtype=np.int64)
    for a in (*arrays, ring_country_arr):
        a.flags.writeable = False  # shared by every caller through the cache
    return Basemap(
        keys=tuple(keys),
        names=tuple(names),
        lonlat=lonlat,
        xy=xy,
        ring_offsets=offsets,
        ring_country=ring_country_arr,
        outline=outline,
        frame=frame,
        bounds=(
            float(frame[:, 0].min()),
            float(frame[:, 1].min()),
            float(frame[:, 0].max()),
            float(frame[:, 1].max()),
        ),
        _index={k.upper(): i for i, k in enumerate(keys)},
    )


# -- geographic layout -----------------------------------------------------------------
def geographic_layout(
    actor_latlon: Sequence[tuple[float, float] | None],
    edges: Iterable[tuple[int, int]],
    *,
    seed: int = 0,
    min_sep: float = 2.0,
) -> np.ndarray:
    """Node positions on the world map, in map units.

    Parameters
    ----------
    actor_latlon : sequence of (lat, lon) or None
        Per actor, its coordinates in degrees (latitude first, as in
        :class:`~mapviewer.model.Actor`), or None when it has none (Hamas, the Muslim
        Brotherhood).
    edges : iterable of (int, int)
        Relations as index pairs into ``actor_latlon``; direction does not matter.
    seed : int
        Chooses the direction in which each unlocated actor is first tried around its
        anchor. The same inputs and seed always give the same positions.
    min_sep : float
        Smallest distance, in map units (about degrees), kept between an unlocated actor
        and every other actor.

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` float64.

    Notes
    -----
    - Located actors sit exactly at :func:`project` of their coordinates. Only actors
      that share the very same point are fanned out around it, ``min_sep`` apart.
    - An unlocated actor goes as near as it can (at least ``min_sep`` from everyone
      placed) to the mean of its placed neighbours; those with more placed neighbours
      go first, so chains of unlocated actors grow out from located ones.
    - An actor with no placed neighbour at all (isolated, or in a group of unlocated
      actors only) starts a margin column right of the placed actors, and its own
      unlocated neighbours then gather round it.
    """
    n = len(actor_latlon)
    pos = np.zeros((n, 2))
    if n == 0:
        return pos
    if min_sep <= 0 or not math.isfinite(min_sep):
        raise ValueError(f"min_sep must be a positive number, not {min_sep!r}")
    nbrs: list[set[int]] = [set() for _ in range(n)]
    for i, j in edges:
        if not (0 <= i < n and 0 <= j < n):
            raise ValueError(f"edge ({i}, {j}) refers to an actor outside 0..{n - 1}")
        if i != j:
            nbrs[i].add(j)
            nbrs[j].add(i)
    rng = np.random.default_rng(seed)
    angle0 = rng.uniform(0.0, 2.0 * math.pi, size=n)  # drawn up front: order-independent

    placed = np.zeros(n, dtype=bool)
    located = [i for i, ll in enumerate(actor_latlon) if ll is not None]
    if located:
        ll = np.array([actor_latlon[i] for i in located], dtype=float)
        pos[located] = project(ll[:, 1], ll[:, 0])
        placed[located] = True
        _fan_out_coincident(pos, located, min_sep)

    margin = 0
    margin_x = margin_top = 0.0
    while not placed.all():
        best, best_key = -1, None
        for i in np.flatnonzero(~placed):
            k = sum(placed[j] for j in nbrs[i])
            if k and (best_key is None or (-k, i) < best_key):
                best, best_key = int(i), (-k, i)
        if best >= 0:
            anchor = pos[[j for j in nbrs[best] if placed[j]]].mean(axis=0)
        else:
            best = int(np.flatnonzero(~placed)[0])
            if margin == 0:  # the column's place is fixed by what was placed before it
                margin_x = pos[placed, 0].max() + 3.0 * min_sep if placed.any() else 0.0
                margin_top = pos[placed, 1].max() if placed.any() else 0.0
            anchor = np.array([margin_x, margin_top - 2.0 * min_sep * margin])
            margin += 1
        pos[best] = _free_spot(anchor, pos[placed], min_sep, angle0[best])
        placed[best] = True
    return pos


def _fan_out_coincident(pos: np.ndarray, idx: list[int], min_sep: float) -> None:
    groups: dict[tuple[float, float], list[int]] = {}
    for i in idx:
        groups.setdefault((round(pos[i, 0], 9), round(pos[i, 1], 9)), []).append(i)
    for members in groups.values():
        k = len(members)
        if k < 2:
            continue
        r = min_sep / (2.0 * math.sin(math.pi / k))  # neighbours on the circle min_sep apart
        centre = pos[members[0]].copy()
        for m, i in enumerate(members):
            a = 2.0 * math.pi * m / k + math.pi / 2
            pos[i] = centre + r * np.array([math.cos(a), math.sin(a)])


def _free_spot(anchor: np.ndarray, taken: np.ndarray, min_sep: float, angle: float) -> np.ndarray:
    """The first point on rings around ``anchor`` at least ``min_sep`` from all ``taken``."""
    need = min_sep * (1.0 - 1e-9)

    def free(p: np.ndarray) -> np.ndarray:
        if len(taken) == 0:
            return np.ones(len(p), dtype=bool)
        d = np.linalg.norm(p[:, None, :] - taken[None, :, :], axis=-1)
        return d.min(axis=1) >= need

    if free(anchor[None, :])[0]:
        return anchor.copy()
    ring = 1
    while True:
        # rings min_sep/2 apart, candidates about min_sep/2 apart along each ring
        r = 0.5 * min_sep * ring
        k = 6 * ring
        a = angle + 2.0 * math.pi * np.arange(k) / k
        cand = anchor + r * np.stack([np.cos(a), np.sin(a)], axis=1)
        ok = np.flatnonzero(free(cand))
        if len(ok):
            return cand[ok[0]]
        ring += 1
