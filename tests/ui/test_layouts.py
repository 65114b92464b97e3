"""Switching layouts: positions, the animated transition, pins, the basemap, the worker
thread, superseded requests and the zoom shortcuts."""

import threading

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mapviewer import geo
from mapviewer.ui import settings
from mapviewer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

#: Invented places for the invented countries (the others have none).
COORDS = {"RUR": (48.0, 10.0), "BOR": (44.0, 30.0), "SYL": (30.0, 20.0)}


@pytest.fixture(autouse=True)
def tmp_settings(tmp_path, monkeypatch):
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(settings, "app_settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    return ini


@pytest.fixture
def geo_map(small_map):
    for a in small_map.actors:
        if a.id in COORDS:
            a.lat, a.lon = COORDS[a.id]
    return small_map


@pytest.fixture
def win(open_window, geo_map):
    return open_window(geo_map)


def switch(qtbot, w, kind):
    runner = w.view_controls.runner
    with qtbot.waitSignal(runner.finished, timeout=5000, check_params_cb=lambda k: k == kind):
        w.view_controls.set_layout(kind)
    return w.map_view.positions()


def xy_of(w, actor_id):
    a = w.map_view.arrays
    return a.xy[a.index[actor_id]].astype(np.float64)


def test_circular_puts_every_actor_on_one_circle(qtbot, win):
    xy = switch(qtbot, win, "circular")
    r = np.linalg.norm(xy - xy.mean(axis=0), axis=1)
    assert np.allclose(r, r[0], rtol=1e-4) and r[0] > 0
    angles = np.sort(np.arctan2(*(xy - xy.mean(axis=0)).T))
    assert np.allclose(np.diff(angles), 2 * np.pi / len(xy), atol=1e-3)  # evenly spaced
    assert win.map.layout == "circular"
    assert win.map.positions == {a: tuple(p) for a, p in zip(win.map.actor_ids(), xy.tolist(), strict=True)}


def test_force_layout_comes_back_the_same(qtbot, win):
    first = win.map_view.positions()
    switch(qtbot, win, "circular")
    assert not np.allclose(win.map_view.positions(), first)
    assert np.allclose(switch(qtbot, win, "force"), first, atol=1e-5)  # seeded: deterministic


def test_geographic_puts_located_actors_at_their_coordinates(qtbot, win):
    assert not win.view_controls.runner.basemap_visible()
    switch(qtbot, win, "geographic")
    for aid, (lat, lon) in COORDS.items():
        assert np.allclose(xy_of(win, aid), geo.project(lon, lat), atol=1e-3), aid
    # actors without coordinates sit beside those they relate to, not at the origin
    p = xy_of(win, "GRB")
    assert np.linalg.norm(p - xy_of(win, "SYL")) < 10
    assert win.view_controls.runner.basemap_visible()
    # the view fits the actors, not the whole world
    (x0, x1), _ = win.map_view.vb.viewRange()
    assert x1 - x0 < 150
    switch(qtbot, win, "force")
    assert not win.view_controls.runner.basemap_visible()


def test_crowded_actors_are_spread_with_a_leader_line_to_their_place(qtbot, geo_map):
    # two actors on (almost) the same spot: drawn apart, each tied to its true place
    geo_map.actor("AFP").lat, geo_map.actor("AFP").lon = COORDS["SYL"][0] + 0.2, COORDS["SYL"][1]
    w = MainWindow(geo_map)
    qtbot.addWidget(w)
    switch(qtbot, w, "geographic")
    view = w.map_view
    a, b = view.arrays.index["SYL"], view.arrays.index["AFP"]
    true_b = geo.project(COORDS["SYL"][1], COORDS["SYL"][0] + 0.2)
    px = np.array(view._pixel_size())
    gap_px = np.linalg.norm((view.arrays.xy[a] - view.arrays.xy[b]) / px)
    assert gap_px >= (view.arrays.size_px[a] + view.arrays.size_px[b]) / 2
    seg = w.view_controls.runner.leader_segments().reshape(-1, 2, 2)
    ends = {tuple(np.round(s[1], 3)) for s in seg}
    assert (
        tuple(np.round(true_b, 3)) in ends
        or tuple(np.round(geo.project(COORDS["SYL"][1], COORDS["SYL"][0]), 3)) in ends
    )


def test_the_transition_is_animated_and_ends_at_the_target(qtbot, win):
    runner = win.view_controls.runner
    start = win.map_view.positions()
    frames = []
    runner._anim.valueChanged.connect(lambda _t: frames.append(win.map_view.positions()))
    end = switch(qtbot, win, "circular")
    assert len(frames) >= 3
    middle = frames[len(frames) // 2]
    assert not np.allclose(middle, start) and not np.allclose(middle, end)
    assert runner._anim.duration() == 300
    assert not runner.animating
    assert np.allclose(end, np.array([win.map.positions[a] for a in win.map.actor_ids()]))


def test_a_dragged_actor_stays_put_in_its_layout(qtbot, win):
    view = win.map_view
    i = view.arrays.index["SYL"]
    spot = xy_of(win, "SYL") + np.array([0.8, -0.6])
    view._on_node_dragged(i, *spot, finished=True)
    assert win.map.pinned == {"SYL"}
    switch(qtbot, win, "force")  # re-run: the others move around it, it stays
    assert np.allclose(xy_of(win, "SYL"), spot, atol=1e-5)
    switch(qtbot, win, "circular")  # pins are per layout: not pinned on the circle
    assert win.map.pinned == set()
    view._on_node_dragged(view.arrays.index["BOR"], 3.0, 3.0, finished=True)
    switch(qtbot, win, "geographic")
    switch(qtbot, win, "circular")
    assert np.allclose(xy_of(win, "BOR"), (3.0, 3.0), atol=1e-5)
    switch(qtbot, win, "force")
    assert np.allclose(xy_of(win, "SYL"), spot, atol=1e-5)
    assert win.map.pinned == {"SYL"} and win.map.positions["SYL"] == pytest.approx(tuple(spot))


def test_the_layout_runs_off_the_gui_thread_and_a_newer_request_wins(qtbot, win):
    runner = win.view_controls.runner
    first = win.view_controls.set_layout("circular")
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        win.view_controls.set_layout("geographic")
    assert blocker.args == ["geographic"]
    qtbot.waitUntil(lambda: len(runner.worker_threads) == 2, timeout=5000)
    assert threading.main_thread().ident not in runner.worker_threads
    assert runner.superseded == [first]
    assert runner.kind == win.map.layout == "geographic"
    assert win.view_controls.combo.currentData() == "geographic"


def _span(view) -> float:
    (x0, x1), _ = view.vb.viewRange()
    return x1 - x0


def test_zoom_shortcuts(qtbot, win):
    view = win.map_view
    view.setFocus()
    fitted = _span(view)
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert _span(view) < fitted * 0.9
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert _span(view) > fitted * 1.1
    QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert _span(view) == pytest.approx(fitted, rel=1e-3)
