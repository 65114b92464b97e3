"""mapviewer.layout: deterministic force layout, circular layout, label spreading."""

import subprocess
import sys

import numpy as np
import pytest

from mapviewer.layout import EXACT_LIMIT, circular_layout, force_layout, spread_labels


def _pairwise_min(p: np.ndarray) -> float:
    d = np.sqrt(((p[:, None] - p[None]) ** 2).sum(-1))
    np.fill_diagonal(d, np.inf)
    return float(d.min())


def test_circular_layout_is_evenly_spaced_on_the_circle():
    p = circular_layout(6, radius=2.0)
    assert p.shape == (6, 2)
    assert np.allclose(np.hypot(p[:, 0], p[:, 1]), 2.0)
    gaps = np.hypot(*(p - np.roll(p, 1, axis=0)).T)
    assert np.allclose(gaps, gaps[0])
    assert circular_layout(0).shape == (0, 2)
    assert np.allclose(circular_layout(1, center=(3, 4)), [[3, 4]])


@pytest.mark.parametrize("n", [0, 1, 2])
def test_tiny_graphs(n):
    p = force_layout(n, [(0, 1)] if n == 2 else [])
    assert p.shape == (n, 2)
    assert np.isfinite(p).all()
    if n == 2:
        assert np.hypot(*(p[0] - p[1])) > 1.0  # scaled to [-1, 1]: the two ends far apart


def test_same_seed_same_layout_other_seed_other_layout():
    edges = [(0, 1), (1, 2), (2, 3), (3, 0), (0, 2), (4, 5)]
    a = force_layout(7, edges, seed=3)
    b = force_layout(7, edges, seed=3)
    c = force_layout(7, edges, seed=4)
    assert np.array_equal(a, b)
    assert not np.allclose(a, c)


def test_result_is_normalized_and_nodes_separated():
    rng = np.random.default_rng(0)
    edges = rng.integers(0, 40, size=(80, 2))
    p = force_layout(40, edges)
    assert np.allclose(np.abs(p).max(), 1.0)
    assert _pairwise_min(p) > 0.02


def test_connected_nodes_end_closer_than_unconnected():
    # two 5-cliques joined by nothing: within-clique distances beat cross distances
    edges = [(i, j) for i in range(5) for j in range(i + 1, 5)]
    edges += [(i + 5, j + 5) for i, j in edges]
    p = force_layout(10, edges, seed=1)
    d = np.sqrt(((p[:, None] - p[None]) ** 2).sum(-1))
    within = np.concatenate([d[:5, :5][np.triu_indices(5, 1)], d[5:, 5:][np.triu_indices(5, 1)]])
    across = d[:5, 5:].ravel()
    assert within.mean() < 0.6 * across.mean()


def test_disconnected_isolated_nodes_stay_near_the_rest():
    edges = [(i, (i + 1) % 8) for i in range(8)]
    p = force_layout(12, edges)  # 8..11 are isolated
    ring = p[:8]
    size = np.ptp(ring, axis=0).max()
    assert size > 0.5  # the ring is not squashed by far-flung isolated nodes
    assert _pairwise_min(p) > 0.05


def test_pinned_nodes_do_not_move():
    init = circular_layout(6, radius=5.0)
    p = force_layout(6, [(0, 1), (1, 2), (2, 3)], init=init, pinned=[0, 3])
    assert np.array_equal(p[[0, 3]], init[[0, 3]])
    assert not np.allclose(p[[1, 2]], init[[1, 2]])
    mask = np.zeros(6, bool)
    mask[5] = True
    q = force_layout(6, [(0, 1)], init=init, pinned=mask)
    assert np.array_equal(q[5], init[5])


def test_weights_pull_heavier_edges_shorter():
    edges = [(0, 1), (1, 2), (2, 0)]
    p = force_layout(3, edges, weights=[5.0, 1.0, 1.0])
    d01 = np.hypot(*(p[0] - p[1]))
    d12 = np.hypot(*(p[1] - p[2]))
    assert d01 < d12


def test_bad_input_raises():
    with pytest.raises(ValueError):
        force_layout(3, [(0, 3)])
    with pytest.raises(ValueError):
        force_layout(3, [(0, 1)], weights=[1.0, 2.0])


def test_grid_approximation_spreads_large_graphs():
    n = EXACT_LIMIT + 200
    rng = np.random.default_rng(2)
    edges = rng.integers(0, n, size=(3 * n, 2))
    p = force_layout(n, edges, iterations=30)
    assert np.isfinite(p).all()
    # nodes use the area: no big pile-up in any cell of a 10x10 grid
    h, _, _ = np.histogram2d(p[:, 0], p[:, 1], bins=10)
    assert h.max() < 0.1 * n


def test_layout_module_imports_neither_qt_nor_networkx():
    code = "import sys, mapviewer.layout, mapviewer.geometry; print(sorted(k for k in sys.modules if k.split('.')[0] in ('networkx', 'PySide6', 'pyqtgraph')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- labels ------------------------------------------------------------------------
def _boxes(centers, sizes):
    return np.column_stack([centers - sizes / 2, centers + sizes / 2])


def _overlaps(b1, b2) -> bool:
    return min(b1[2], b2[2]) - max(b1[0], b2[0]) > 1e-9 and min(b1[3], b2[3]) - max(b1[1], b2[1]) > 1e-9


def test_spread_labels_separates_labels_of_close_nodes():
    # four nodes close together: stacked naive labels (all below) would overlap
    anchors = np.array([[0, 0], [0.3, 0], [0, 0.3], [0.3, 0.3]])
    sizes = np.tile([1.0, 0.2], (4, 1))
    centers, clear = spread_labels(anchors, sizes, radii=0.05)
    b = _boxes(centers, sizes)
    for i in range(4):
        for j in range(i + 1, 4):
            if clear[i] and clear[j]:
                assert not _overlaps(b[i], b[j])
    assert clear.sum() >= 3
    # and a label never covers a node it is not attached to, when it says clear
    for i in np.flatnonzero(clear):
        for j in range(4):
            if j != i:
                nb = np.r_[anchors[j] - 0.05, anchors[j] + 0.05]
                assert not _overlaps(b[i], nb)


def test_spread_labels_prefers_below_when_free_and_respects_priority():
    anchors = np.array([[0.0, 0.0], [10.0, 10.0]])
    sizes = np.array([[1.0, 0.2], [1.0, 0.2]])
    centers, clear = spread_labels(anchors, sizes, radii=0.1, gap=0.0)
    assert clear.all()
    assert np.allclose(centers[0], [0.0, -0.2])  # below: half height + radius
    # two nodes at the same place: the higher priority keeps the preferred spot
    anchors = np.zeros((2, 2))
    centers, clear = spread_labels(anchors, sizes, radii=0.1, priority=np.array([1, 5]))
    assert np.allclose(centers[1], [0.0, -0.2])
    assert not np.allclose(centers[0], centers[1])
