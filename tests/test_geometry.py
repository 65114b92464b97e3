"""mapviewer.geometry: drawn arrays and picking on them, without Qt."""

import numpy as np
import pytest

from mapviewer.geometry import (
    arrow_triangles,
    build_scene,
    edge_midpoints,
    edge_width,
    node_size,
    pick,
    pick_edge,
    pick_node,
    set_positions,
    tolerance_to_data,
)
from mapviewer.model import Actor, Article, Evidence, Relation, RelationMap

PX = (0.01, 0.01)  # one pixel is 0.01 data units


def _map(pairs, n=4, directed=False, mentions=None):
    text = "x" * 50
    ev = Evidence("a", 0, 5, text[:5])
    actors = [Actor(f"n{i}", f"N{i}", mentions=(mentions or [1] * n)[i]) for i in range(n)]
    rels = [Relation(f"n{s}", f"n{t}", directed=directed, evidence=[ev]) for s, t in pairs]
    return RelationMap([Article("a", text)], actors, rels)


@pytest.fixture
def square():
    # n0 (0,0) -- n1 (4,0); n2 (0,4) -- n3 (4,4); plus n0 -- n2 vertical
    m = _map([(0, 1), (2, 3), (0, 2)])
    return build_scene(m, np.array([[0, 0], [4, 0], [0, 4], [4, 4]], float))


def test_segments_follow_the_positions(square):
    assert square.seg_a.dtype == np.float32 and square.seg_a.shape == (3, 2)
    assert np.allclose(square.seg_a[0], [0, 0]) and np.allclose(square.seg_b[0], [4, 0])
    assert list(square.seg_rel) == [0, 1, 2]
    pairs = square.pairs()
    assert pairs.shape == (6, 2) and np.allclose(pairs[2:4], [[0, 4], [4, 4]])


def test_pick_edge_at_midpoint_a_few_pixels_off_and_far(square):
    tol = tolerance_to_data(5, PX)
    assert tol == pytest.approx(0.05)
    mid = edge_midpoints(square)
    assert np.allclose(mid[0], [2, 0])
    assert pick_edge(square, *mid[0], tol) == 0
    assert pick_edge(square, 2.0, 0.03, tol) == 0  # 3 px above the line
    assert pick_edge(square, 2.0, -0.04, tol) == 0  # 4 px below
    assert pick_edge(square, 2.0, 0.08, tol) is None  # 8 px: too far
    assert pick_edge(square, 2.0, 2.0, tol) is None  # middle of the square
    assert pick_edge(square, 6.0, 0.0, tol) is None  # beyond the end of the segment


def test_pick_edge_takes_the_nearest_of_two():
    m = _map([(0, 1), (2, 3)])
    s = build_scene(m, np.array([[0, 0], [4, 0], [0, 0.06], [4, 0.06]], float))
    tol = tolerance_to_data(5, PX)
    assert pick_edge(s, 2.0, 0.02, tol) == 0
    assert pick_edge(s, 2.0, 0.04, tol) == 1


def test_nodes_win_over_edges_at_a_node(square):
    # at n1's centre the edge n0-n1 passes too, but the node is picked
    assert pick(square, 4.0, 0.0, PX) == ("node", 1)
    assert pick(square, 2.0, 0.0, PX) == ("edge", 0)
    assert pick(square, 2.0, 2.0, PX) is None


def test_pick_node_uses_the_marker_size_in_pixels():
    m = _map([(0, 1)], n=2, mentions=[10, 0])
    s = build_scene(m, np.array([[0, 0], [4, 0]], float))
    big, small = s.size_px
    assert big > small
    r_big = big / 2 * PX[0]
    assert pick_node(s, r_big * 0.9, 0.0, PX, tol_px=0) == 0
    assert pick_node(s, r_big * 1.1, 0.0, PX, tol_px=0) is None
    # zoomed out twice as far, the same data offset is inside the marker
    assert pick_node(s, r_big * 1.1, 0.0, (0.02, 0.02), tol_px=0) == 0


def test_parallel_relations_are_separate_arcs_each_clickable():
    # three relations between n0 and n1 (one of them the other way round)
    m = _map([(0, 1), (1, 0), (0, 1)], n=2, directed=True)
    s = build_scene(m, np.array([[0, 0], [4, 0]], float))
    mid = edge_midpoints(s)
    assert len({tuple(np.round(p, 3)) for p in mid}) == 3  # three distinct arcs
    tol = tolerance_to_data(4, PX)
    for r in range(3):
        assert pick_edge(s, *mid[r], tol) == r
    # the arcs are drawn through their midpoints: the drawn segments pass there
    for r in range(3):
        a, b = s.seg_a[s.seg_rel == r], s.seg_b[s.seg_rel == r]
        assert np.allclose(a[0], s.xy[m.actor_ids().index(m.relations[r].source)])
        assert np.allclose(b[-1], s.xy[m.actor_ids().index(m.relations[r].target)])


def test_moving_a_node_moves_its_edges(square):
    set_positions(square, np.array([[4, -2]]), nodes=np.array([1]))
    assert np.allclose(square.seg_b[0], [4, -2])
    tol = tolerance_to_data(5, PX)
    assert pick_edge(square, 2.0, -1.0, tol) == 0
    assert pick_edge(square, 2.0, 0.0, tol) is None


def test_arrowheads_point_at_the_target_and_touch_its_marker():
    m = _map([(0, 1)], n=2, directed=True)
    s = build_scene(m, np.array([[0, 0], [4, 0]], float))
    tri, rel = arrow_triangles(s, PX)
    assert list(rel) == [0] and tri.shape == (1, 3, 2)
    tip = tri[0, 0]
    r_target = s.size_px[1] / 2 * PX[0]
    assert tip[1] == pytest.approx(0.0)
    assert 4 - tip[0] == pytest.approx(r_target + PX[0], rel=1e-3)  # just outside the marker
    assert tri[0, 1:, 0].max() < tip[0]  # the base is behind the tip
    # undirected relations get none
    assert len(arrow_triangles(build_scene(_map([(0, 1)], n=2), s.xy), PX)[1]) == 0


def test_incident_relations(square):
    assert list(square.incident(0)) == [0, 2]
    assert list(square.incident(3)) == [1]


def test_sizes_and_widths_grow():
    sz = node_size(np.array([0, 1, 4, 16]))
    assert np.all(np.diff(sz) > 0)
    w = edge_width(np.array([0, 1, 2, 3, 5, 9]))
    assert np.all(np.diff(w) >= 0) and w[-1] > w[1]


def test_empty_map():
    s = build_scene(RelationMap(), np.zeros((0, 2)))
    assert pick(s, 0, 0, PX) is None
    assert arrow_triangles(s, PX)[0].shape == (0, 3, 2)


def test_picking_is_fast_and_allocation_free_at_20k_edges():
    # behaviour, not speed: the same buffers are reused between calls
    rng = np.random.default_rng(0)
    n, e = 2000, 20000
    pairs = rng.integers(0, n, size=(e, 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    m = _map([tuple(p) for p in pairs.tolist()], n=n)
    s = build_scene(m, rng.uniform(-1, 1, size=(n, 2)))
    buf = s._buf
    r = pick_edge(s, 0.1, 0.1, 0.5)
    assert r is not None and s._buf is buf
    # the picked relation really is the nearest one: check against a plain computation
    a, b = s.seg_a.astype(float), s.seg_b.astype(float)
    d = b - a
    t = np.clip(((np.array([0.1, 0.1]) - a) * d).sum(1) / np.maximum((d * d).sum(1), 1e-30), 0, 1)
    dist = np.hypot(*(a + t[:, None] * d - [0.1, 0.1]).T)
    assert s.seg_rel[np.argmin(dist)] == r
