"""Picking skips what the filter hides (geometry.set_visible), on the same arrays that are drawn."""

import numpy as np

from mapviewer import geometry as geo
from mapviewer.model import Actor, Relation, RelationMap


def _scene():
    m = RelationMap(
        [],
        [Actor("A", "A", mentions=1), Actor("B", "B", mentions=1), Actor("C", "C", mentions=1)],
        [Relation("A", "B"), Relation("A", "B", directed=True), Relation("B", "C")],
    )
    return geo.build_scene(m, np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]]))


def test_hidden_edges_are_not_picked_even_when_nearest():
    a = _scene()
    mids = geo.edge_midpoints(a)
    px = (0.05, 0.05)
    assert geo.pick(a, *mids[0], px) == ("edge", 0)
    geo.set_visible(a, np.array([False, True, True]), None)
    hit = geo.pick(a, *mids[0], px, tol_px=5)
    assert hit != ("edge", 0)
    # a parallel arc nearby is still found with a large tolerance, the hidden one never
    assert geo.pick_edge(a, *mids[0], tol_data=100.0) == 1
    geo.set_visible(a, None, None)
    assert geo.pick(a, *mids[0], px) == ("edge", 0)


def test_hidden_nodes_are_not_picked():
    a = _scene()
    px = (0.05, 0.05)
    assert geo.pick_node(a, 10.0, 10.0, px) == 2
    geo.set_visible(a, None, np.array([True, True, False]))
    assert geo.pick_node(a, 10.0, 10.0, px) is None
    # what lies under the hidden node (the B-C edge end) is picked instead, if visible
    assert geo.pick(a, 10.0, 9.5, px) == ("edge", 2)


def test_nothing_visible_picks_nothing():
    a = _scene()
    geo.set_visible(a, np.zeros(3, bool), np.zeros(3, bool))
    assert geo.pick(a, 5.0, 0.0, (0.05, 0.05), tol_px=1000) is None
