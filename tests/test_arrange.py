"""Layout switching core: requests, circular order, decluttering, interpolation (no Qt)."""

import numpy as np
import pytest

from mapviewer.arrange import circular_order, compute_layout, declutter, interpolate, layout_request
from mapviewer.model import Actor, Relation, RelationMap


def _map():
    actors = [
        Actor("ISR", "Israel", lat=31.77, lon=35.21, mentions=9),
        Actor("PSE", "Palestine", lat=31.90, lon=35.20, mentions=2),
        Actor("HAM", "Hamas", kind="group", mentions=2),  # no coordinates
        Actor("USA", "United States", lat=38.9, lon=-77.0, mentions=3),
    ]
    rels = [Relation("ISR", "PSE"), Relation("HAM", "ISR"), Relation("USA", "ISR")]
    return RelationMap([], actors, rels)


def test_unknown_layout_is_refused():
    with pytest.raises(ValueError, match="unknown layout"):
        layout_request(_map(), "spiral")


@pytest.mark.parametrize("kind", ["force", "circular", "geographic"])
def test_layouts_are_deterministic_and_keep_pins(kind):
    m = _map()
    a = compute_layout(layout_request(m, kind, seed=3)).xy
    b = compute_layout(layout_request(m, kind, seed=3)).xy
    assert np.array_equal(a, b) and np.isfinite(a).all()
    pinned = compute_layout(layout_request(m, kind, pins={"PSE": (7.0, -2.0)}, seed=3)).xy
    assert tuple(pinned[1]) == (7.0, -2.0)


def test_geographic_declutters_close_actors_and_keeps_their_true_place():
    res = compute_layout(layout_request(_map(), "geographic", node_px=np.full(4, 20.0), view_px=(800, 600)))
    isr, pse = res.xy[0], res.xy[1]
    assert np.linalg.norm(res.anchors[0] - res.anchors[1]) < 0.3  # 0.13 degrees apart
    assert np.linalg.norm(isr - pse) > 1.0  # drawn apart
    usa = np.array(res.xy[3])
    assert np.allclose(usa, res.anchors[3])  # alone: not moved


def test_declutter_moves_nothing_that_is_clear_and_respects_fixed():
    pts = np.array([[0.0, 0.0], [0.0, 0.0], [10.0, 0.0]])
    out = declutter(pts, min_sep=1.0, fixed=np.array([True, False, False]), fixed_xy=pts)
    assert np.array_equal(out[0], pts[0]) and np.array_equal(out[2], pts[2])
    assert np.linalg.norm(out[1] - out[0]) > 0.8


def test_circular_order_keeps_neighbours_together():
    # two triangles joined by one edge: each triangle stays contiguous on the circle
    edges = np.array([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
    order = circular_order(6, edges).tolist()
    assert sorted(order) == list(range(6))
    pos = {v: i for i, v in enumerate(order)}
    for tri in ({0, 1, 2}, {3, 4, 5}):
        idx = sorted(pos[v] for v in tri)
        assert idx[-1] - idx[0] == 2


def test_interpolate_ends_exactly_and_morphs_between_frames_of_any_size():
    a = np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    b = a * 100 + 40
    assert np.array_equal(interpolate(a, b, 0.0), a)
    assert np.array_equal(interpolate(a, b, 1.0), b)
    mid = interpolate(a, b, 0.5)
    # same shape in both frames: the middle frame is that shape too, at a size in between
    span = np.ptp(mid, axis=0).max()
    assert 2.0 < span < 200.0
    assert np.allclose((mid - mid.mean(0)) / span, (a - a.mean(0)) / 2.0)


def test_the_layout_name_is_saved_with_the_positions():
    from mapviewer import relmap
    from mapviewer.relmap import MapFormatError

    m = _map()
    m.positions = {"ISR": (1.0, 2.0)}
    m.pinned = {"ISR"}
    m.layout = "geographic"
    back = relmap.loads(relmap.dumps(m))
    assert back.layout == "geographic" and back.pinned == {"ISR"} and back.positions == m.positions
    data = relmap.to_dict(m)
    data["layout"]["name"] = 3
    with pytest.raises(MapFormatError, match="name should be a string"):
        relmap.from_dict(data)
