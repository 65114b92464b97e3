"""Offline basemap, projection and the geographic layout."""

from __future__ import annotations

import importlib.util
import itertools
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mapviewer.geo import geographic_layout, load_basemap, project, unproject

ROOT = Path(__file__).resolve().parents[1]


def _inside(rings: list[np.ndarray], lon: float, lat: float) -> bool:
    """Odd-even point in polygon over all rings of a country."""
    hits = 0
    for ring in rings:
        x0, y0 = ring[:-1, 0], ring[:-1, 1]
        x1, y1 = ring[1:, 0], ring[1:, 1]
        crosses = (y0 > lat) != (y1 > lat)
        with np.errstate(divide="ignore", invalid="ignore"):
            xc = x0 + (lat - y0) * (x1 - x0) / (y1 - y0)
        hits += int(np.count_nonzero(crosses & (lon < xc)))
    return hits % 2 == 1


# -- basemap ---------------------------------------------------------------------------
def test_basemap_is_cached_and_read_only():
    b = load_basemap()
    assert load_basemap() is b
    with pytest.raises(ValueError):
        b.outline[0, 0] = 1.0


def test_keys_are_unique_alpha3():
    b = load_basemap()
    assert len(b) > 170
    assert len(set(b.keys)) == len(b.keys)
    assert all(len(k) == 3 and k.isalpha() and k.isupper() for k in b.keys)


@pytest.mark.parametrize(
    ("key", "name", "place"),
    [
        ("FRA", "France", (2.35, 48.86)),  # Paris; Natural Earth's ISO_A3 is -99
        ("NOR", "Norway", (10.75, 59.91)),  # Oslo; ISO_A3 -99 as well
        ("XKX", "Kosovo", (21.17, 42.66)),  # Pristina; no ISO code, no numeric id
        ("PSE", "Palestine", (35.25, 31.95)),  # Ramallah area
        ("ESH", "W. Sahara", (-14.0, 23.0)),  # south of Dakhla (the north is drawn as Morocco)
        ("SOL", "Somaliland", (44.06, 9.56)),  # Hargeisa
        ("ARM", "Armenia", (44.51, 40.18)),  # Yerevan
        ("ISR", "Israel", (34.78, 32.08)),  # Tel Aviv area
        ("RUS", "Russia", (37.62, 55.75)),  # Moscow
    ],
)
def test_countries_are_keyed_on_the_right_shape(key, name, place):
    b = load_basemap()
    assert key in b and key.lower() in b
    assert b.names[b.country_index(key)] == name
    assert _inside(b.rings(key, projected=False), *place)
    # and the place is in no other country
    others = [k for k in b.keys if k != key and _inside(b.rings(k, projected=False), *place)]
    assert others == []


def test_northern_cyprus_is_apart_from_cyprus():
    b = load_basemap()
    assert b.names[b.country_index("CYN")] == "N. Cyprus"
    assert b.label_point("CYN")[1] > b.label_point("CYP")[1]  # the north lies north


@pytest.mark.parametrize("key", ["RUS", "FJI"])
def test_antimeridian_countries_are_cut_not_dropped(key):
    b = load_basemap()
    rings = b.rings(key, projected=False)
    for ring in rings:
        assert np.abs(np.diff(ring[:, 0])).max() <= 180.0
        assert ring[:, 0].min() >= -180.0 and ring[:, 0].max() <= 180.0
    # land on both sides of the antimeridian survives the cut
    assert any(r[:, 0].max() == 180.0 for r in rings)
    assert any(r[:, 0].min() == -180.0 for r in rings)
    # and no piece spans the map: the east and west parts are separate rings
    assert all(np.ptp(r[:, 0]) < 180.0 for r in rings if r[:, 0].max() == 180.0 and key == "FJI")


def test_no_ring_crosses_the_map_except_along_a_pole():
    b = load_basemap()
    ll = b.lonlat
    off = b.ring_offsets
    for r in range(len(off) - 1):
        seg = ll[off[r] : off[r + 1]]
        dlon = np.abs(np.diff(seg[:, 0]))
        long_ = dlon > 180.0
        # only Antarctica's closing edge along the south pole may be that long
        assert np.all(np.abs(seg[:-1][long_, 1]) == 90.0)
        assert np.all(np.abs(seg[1:][long_, 1]) == 90.0)


def test_outline_has_no_seams_and_stays_in_the_frame():
    b = load_basemap()
    o = b.outline
    assert o.ndim == 2 and o.shape[1] == 2
    nan = np.isnan(o[:, 0])
    assert nan.sum() >= len(b.ring_offsets) - 1  # at least one break per ring
    assert np.array_equal(nan, np.isnan(o[:, 1]))
    fin = o[~nan]
    xmin, ymin, xmax, ymax = b.bounds
    assert fin[:, 0].min() >= xmin - 1e-9 and fin[:, 0].max() <= xmax + 1e-9
    assert fin[:, 1].min() >= ymin - 1e-9 and fin[:, 1].max() <= ymax + 1e-9
    # segments between consecutive finite points: none spans half the map, and none
    # runs along the map's edge (the antimeridian cuts, the pole line)
    a, c = o[:-1], o[1:]
    ok = ~(np.isnan(a[:, 0]) | np.isnan(c[:, 0]))
    length = np.abs(c[ok, 0] - a[ok, 0])
    assert length.max() < (xmax - xmin) / 2
    ll_a, ll_c = unproject(a[ok, 0], a[ok, 1]), unproject(c[ok, 0], c[ok, 1])
    seam = (np.abs(ll_a[:, 0]) > 179.999) & (np.abs(ll_c[:, 0]) > 179.999)
    assert not seam.any()
    assert not ((np.abs(ll_a[:, 1]) > 89.999) & (np.abs(ll_c[:, 1]) > 89.999)).any()


# -- projection ------------------------------------------------------------------------
def test_project_is_monotonic_and_symmetric():
    lon = np.linspace(-180, 180, 361)
    lat = np.linspace(-90, 90, 181)
    for la in (-89.0, -45.0, 0.0, 30.0, 60.0, 90.0):
        xy = project(lon, la)
        assert np.all(np.diff(xy[:, 0]) > 0)
        assert np.allclose(xy[:, 1], xy[0, 1])  # parallels are straight
    for lo in (-180.0, -30.0, 0.0, 120.0):
        xy = project(lo, lat)
        assert np.all(np.diff(xy[:, 1]) > 0)
    assert np.allclose(project(0, 0), [0, 0])
    assert np.allclose(project(-40, -25), -project(40, 25))
    assert project([1.0, 2.0], 3.0).shape == (2, 2)


def test_unproject_inverts_project():
    rng = np.random.default_rng(1)
    lon = rng.uniform(-180, 180, 500)
    lat = rng.uniform(-90, 90, 500)
    xy = project(lon, lat)
    back = unproject(xy[:, 0], xy[:, 1])
    assert np.allclose(back[:, 0], lon, atol=1e-7)
    assert np.allclose(back[:, 1], lat, atol=1e-7)


def test_outlines_and_nodes_share_the_projection():
    b = load_basemap()
    ll = b.lonlat[::97]
    assert np.allclose(b.xy[::97], project(ll[:, 0], ll[:, 1]))


# -- geographic layout -----------------------------------------------------------------
# Azerbaijan, Armenia, Turkey, Israel located; Hamas (-> Israel), the Muslim Brotherhood
# (-> Turkey, Israel), a militia linked only to Hamas, and two actors linked to nobody.
LATLON = [(40.4, 49.9), (40.2, 44.5), (39.9, 32.9), (31.8, 35.2), None, None, None, None, None]
EDGES = [(0, 1), (2, 0), (3, 0), (2, 1), (4, 3), (5, 2), (5, 3), (6, 4), (4, 3)]


def test_located_actors_sit_at_their_projection():
    pos = geographic_layout(LATLON, EDGES)
    for i, ll in enumerate(LATLON):
        if ll is not None:
            assert np.allclose(pos[i], project(ll[1], ll[0]))


def test_unlocated_actors_go_beside_their_neighbours_without_overlap():
    sep = 2.0
    pos = geographic_layout(LATLON, EDGES, min_sep=sep)
    d = np.linalg.norm(pos[:, None] - pos[None, :], axis=-1)
    unlocated = [i for i, ll in enumerate(LATLON) if ll is None]
    for i in unlocated:
        others = np.delete(d[i], i)
        assert others.min() >= sep - 1e-9
    # Hamas next to Israel, the Brotherhood between Turkey and Israel, the militia by Hamas
    assert d[4, 3] <= 2 * sep
    mid = (pos[2] + pos[3]) / 2
    assert np.linalg.norm(pos[5] - mid) <= 2 * sep
    assert d[6, 4] <= 2 * sep
    # the isolated ones stand in a column right of everything located
    located_xmax = pos[[i for i, ll in enumerate(LATLON) if ll is not None], 0].max()
    assert pos[7, 0] > located_xmax and pos[8, 0] > located_xmax
    assert abs(pos[7, 0] - pos[8, 0]) < sep and d[7, 8] >= sep


def test_coincident_actors_are_fanned_out():
    same = (31.77, 35.21)
    pos = geographic_layout([same, same, same, (40.0, 45.0)], [], min_sep=1.5)
    centre = project(same[1], same[0])
    d = np.linalg.norm(pos[:3, None] - pos[None, :3], axis=-1)
    assert d[np.triu_indices(3, 1)].min() >= 1.5 - 1e-9
    assert np.linalg.norm(pos[:3] - centre, axis=1).max() <= 1.5
    assert np.allclose(pos[3], project(45.0, 40.0))


def test_layout_without_any_coordinates_still_separates():
    pos = geographic_layout([None] * 6, [(0, 1), (1, 2), (3, 4)], min_sep=1.0)
    d = np.linalg.norm(pos[:, None] - pos[None, :], axis=-1) + np.eye(6) * 99
    assert d.min() >= 1.0 - 1e-9
    assert np.isfinite(pos).all()


def test_layout_is_deterministic_across_runs():
    a = geographic_layout(LATLON, EDGES, seed=3)
    assert np.array_equal(a, geographic_layout(LATLON, EDGES, seed=3))
    code = (
        "import json, sys; from mapviewer.geo import geographic_layout\n"
        f"print(json.dumps(geographic_layout({LATLON!r}, {EDGES!r}, seed=3).tolist()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    )
    assert np.array_equal(a, np.array(json.loads(out.stdout)))
    assert geographic_layout(LATLON, EDGES, seed=4).shape == a.shape


def test_layout_rejects_bad_edges():
    with pytest.raises(ValueError, match="outside"):
        geographic_layout([None, None], [(0, 2)])
    assert geographic_layout([], []).shape == (0, 2)


# -- the build script ------------------------------------------------------------------
@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location(
        "build_basemap", ROOT / "resources/scripts/build_basemap.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_topojson_decoding(build):
    topo = {
        "transform": {"scale": [0.5, 0.25], "translate": [10.0, 20.0]},
        "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [-2, 0], [0, -4]]],
    }
    arcs = build.decode_arcs(topo)
    assert arcs[0] == [(10.0, 20.0), (11.0, 20.0), (11.0, 21.0)]
    assert arcs[1] == [(11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]
    ring = build.stitch(arcs, [0, 1])
    assert ring == [(10.0, 20.0), (11.0, 20.0), (11.0, 21.0), (10.0, 21.0), (10.0, 20.0)]
    # ~1 is arc 1 reversed
    assert build.stitch(arcs, [~1]) == arcs[1][::-1]


def test_cut_antimeridian_splits_and_keeps_area(build):
    ring = [(170.0, 0.0), (-170.0, 0.0), (-170.0, 10.0), (170.0, 10.0), (170.0, 0.0)]
    pieces = build.cut_antimeridian(ring)
    assert len(pieces) == 2
    spans = sorted((min(p[0] for p in r), max(p[0] for p in r)) for r in pieces)
    assert spans == [(-180.0, -170.0), (170.0, 180.0)]

    def area(r):
        return 0.5 * abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(r)))

    assert math.isclose(sum(area(r) for r in pieces), 200.0)
    # a ring that does not cross comes back as it was
    plain = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]
    assert build.cut_antimeridian(plain) == [plain]


def test_shipped_file_records_its_source(build):
    from importlib import resources

    doc = json.loads((resources.files("mapviewer.data") / "basemap-110m.json").read_text(encoding="utf-8"))
    assert doc["format"] == "mapviewer-basemap" and len(doc["source_sha256"]) == 64
    assert set(build.NO_NUMERIC.values()) <= {c["key"] for c in doc["countries"]}
    assert (ROOT / "mapviewer/data/BASEMAP.md").is_file()
