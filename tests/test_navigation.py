"""Keyboard navigation order and arrow-key steps, without Qt."""

import numpy as np

from mapviewer.navigation import DIRECTIONS, focus_order, step_in_direction


def test_focus_order_visits_visible_nodes_by_name_each_with_its_relations():
    names = ["Syldavia", "borduria", "Atlantis", "Ruritania"]
    src = np.array([0, 3, 1, 2])
    vis_n = np.array([True, True, False, True])
    vis_r = np.array([True, True, True, False])
    order = focus_order(names, vis_n, src, vis_r)
    assert order == [
        ("node", 1),  # borduria (case-insensitive)
        ("edge", 2),
        ("node", 3),  # Ruritania
        ("edge", 1),
        ("node", 0),  # Syldavia
        ("edge", 0),
    ]


def test_focus_order_keeps_a_visible_relation_whose_source_is_hidden():
    order = focus_order(["A", "B"], np.array([False, True]), np.array([0]), np.array([True]))
    assert order == [("node", 1), ("edge", 0)]


def test_step_in_direction_picks_the_nearest_item_ahead():
    pts = np.array([[0, 0], [10, 0], [20, 1], [10, 8], [-5, 0], [3, 30]], float)
    o = pts[0]
    assert step_in_direction(pts, o, DIRECTIONS["right"], (1, 1), exclude=0) == 1
    assert step_in_direction(pts, o, DIRECTIONS["left"], (1, 1), exclude=0) == 4
    assert step_in_direction(pts, o, DIRECTIONS["up"], (1, 1), exclude=0) == 5
    assert step_in_direction(pts, o, DIRECTIONS["down"], (1, 1), exclude=0) is None


def test_step_in_direction_is_judged_in_pixels():
    # in data units (6, 8) is 37 degrees off "up"; at 0.1 x-units per pixel it is mostly right
    pts = np.array([[0, 0], [6, 8]], float)
    assert step_in_direction(pts, pts[0], DIRECTIONS["up"], (1, 1), exclude=0) == 1
    assert step_in_direction(pts, pts[0], DIRECTIONS["up"], (0.1, 1), exclude=0) is None
    assert step_in_direction(pts, pts[0], DIRECTIONS["right"], (0.1, 1), exclude=0) == 1


def test_step_in_direction_with_no_candidates():
    assert step_in_direction(np.zeros((0, 2)), np.zeros(2), DIRECTIONS["up"], (1, 1)) is None
