"""What a reader sees first: room for the map, a legend that stays out of the way, panels
that can be brought back, a table that follows the map, outlines that show on a dark map."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from mapviewer.layout import map_positions
from mapviewer.seeds import default_seed
from mapviewer.ui import settings, style
from mapviewer.ui.layout_runner import NODE_SCALE
from mapviewer.ui.map_view import LEGEND_CLEARANCE_PX, MapView

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def ini(tmp_path, monkeypatch):
    path = str(tmp_path / "settings.ini")
    monkeypatch.setattr(settings, "app_settings", lambda: QSettings(path, QSettings.Format.IniFormat))
    return path


@pytest.fixture
def light_again():
    yield
    style.use_scheme("light")


@pytest.fixture
def seed_map():
    return default_seed().curated_map()


def _row_in_view(table, r: int) -> bool:
    view = table.view
    idx = table.proxy.mapFromSource(table.model.index(r, 0))
    return idx.isValid() and view.viewport().rect().contains(view.visualRect(idx))


def _legend_rect(view: MapView) -> QRectF:
    g = QRectF(view.legend.geometry())
    return g.adjusted(
        -LEGEND_CLEARANCE_PX + 1, -LEGEND_CLEARANCE_PX + 1, LEGEND_CLEARANCE_PX - 1, LEGEND_CLEARANCE_PX - 1
    )


def _marker_rects(view: MapView) -> list[QRectF]:
    a = view.arrays
    out = []
    for (x, y), d in zip(a.xy.tolist(), a.size_px.tolist(), strict=True):
        p = view.map_to_widget(x, y)
        out.append(QRectF(p.x() - d / 2, p.y() - d / 2, d, d))
    return out


# -- room for the map ------------------------------------------------------------------------
def test_the_map_gets_most_of_a_1600_by_1000_window(open_window, qtbot, seed_map):
    w = open_window(seed_map, (1600, 1000))
    mv = w.map_view
    # the docks, the table and the reading column used to leave the map a quarter of the window
    assert mv.width() * mv.height() > 0.37 * w.width() * w.height()
    assert mv.width() > w.width() / 2 and mv.height() > 0.6 * w.height()
    # and everything is still there
    ex = w.explorer
    assert ex.filter_dock.isVisible() and ex.table_dock.isVisible() and ex.replay_bar.isVisible()
    assert w.evidence.isVisible() and w.article_view.isVisible()


def test_widening_the_window_widens_the_map_not_the_reading_column(open_window, qtbot, small_map):
    w = open_window(small_map, (1300, 900))
    map_w, side_w = w.map_view.width(), w.side.width()
    w.resize(1600, 900)
    QApplication.processEvents()
    gained_map, gained_side = w.map_view.width() - map_w, w.side.width() - side_w
    assert gained_map >= 1.5 * gained_side and gained_map > 180


def test_the_view_menu_brings_back_a_closed_panel(open_window, qtbot, small_map):
    w = open_window(small_map, (1600, 1000))
    vc, ex = w.view_controls, w.explorer
    menu_actions = vc.menu.actions()
    toggle = ex.table_dock.toggleViewAction()
    assert toggle in menu_actions and ex.filter_dock.toggleViewAction() in menu_actions
    assert ex.replay_toolbar.toggleViewAction() in menu_actions
    ex.table_dock.close()
    assert not ex.table_dock.isVisible() and not toggle.isChecked()
    toggle.trigger()
    assert ex.table_dock.isVisible()
    # the reading column too, and the map takes its room while it is away
    before = w.map_view.width()
    vc.side_action.trigger()
    QApplication.processEvents()
    assert not w.side.isVisible() and w.map_view.width() > before + 300
    vc.side_action.trigger()
    assert w.side.isVisible()


def test_the_panel_arrangement_is_remembered(open_window, qtbot, small_map, ini):
    w = open_window(small_map, (1500, 950))
    w.resizeDocks([w.explorer.table_dock], [300], Qt.Orientation.Vertical)
    w.splitter.setSizes([900, 500])
    QApplication.processEvents()
    table_h, side_w = w.explorer.table_dock.height(), w.side.width()
    w.close()

    w2 = open_window(small_map, (1500, 950))
    assert abs(w2.explorer.table_dock.height() - table_h) <= 2
    assert abs(w2.side.width() - side_w) <= 2


def test_an_arrangement_stored_by_an_older_version_is_dropped(open_window, qtbot, small_map, ini):
    w = open_window(small_map, (1600, 1000))
    w.resizeDocks([w.explorer.table_dock], [420], Qt.Orientation.Vertical)
    QApplication.processEvents()
    s = QSettings(ini, QSettings.Format.IniFormat)
    s.setValue("window/geometry", w.saveGeometry())
    s.setValue("window/state", w.saveState(settings.STATE_VERSION - 1))
    s.sync()
    w2 = open_window(small_map, (1600, 1000))
    assert w2.explorer.table_dock.height() < 300  # the new, shorter default


# -- the legend ------------------------------------------------------------------------------
def test_the_legend_is_compact(open_window, qtbot, small_map):
    w = open_window(small_map, (1600, 1000))
    lg = w.map_view.legend
    assert lg.height() < 0.32 * w.map_view.height() and lg.width() < 0.2 * w.map_view.width()


def test_a_click_folds_the_legend_and_the_map_uses_the_room(open_window, qtbot, seed_map, ini):
    w = open_window(seed_map, (1200, 800))
    mv = w.map_view
    lg = mv.legend
    tall = lg.height()
    span = mv.vb.viewRange()[0][1] - mv.vb.viewRange()[0][0]
    with qtbot.waitSignal(lg.folded_changed) as blocker:
        qtbot.mouseClick(lg, Qt.MouseButton.LeftButton)
    assert blocker.args == [True] and lg.folded
    assert lg.height() < tall / 4
    assert lg.geometry().bottom() > mv.height() - 20  # still in its corner
    folded_span = mv.vb.viewRange()[0][1] - mv.vb.viewRange()[0][0]
    assert folded_span <= span  # never zooms out for a smaller legend
    assert not w.view_controls.legend_action.isChecked()
    assert settings.legend_folded()
    # remembered, and the View menu unfolds it
    w2 = open_window(seed_map, (1200, 800))
    assert w2.map_view.legend.folded
    w2.view_controls.legend_action.trigger()
    assert not w2.map_view.legend.folded and not settings.legend_folded()


@pytest.mark.parametrize(("size", "named"), [((1600, 1000), 0.8), ((1200, 800), 0.6), ((1000, 700), 0.3)])
def test_fit_keeps_markers_and_labels_clear_of_the_legend_and_in_view(
    open_window, qtbot, seed_map, size, named
):
    w = open_window(seed_map, size)
    mv = w.map_view
    mv._update_view_dependent()  # labels placed now, not after the relabel timer
    legend = _legend_rect(mv)
    view = QRectF(mv.viewport().rect()).adjusted(-1, -1, 1, 1)  # label_rects rounds to pixels
    labels = mv.label_rects()
    assert len(labels) >= named * len(seed_map.actors)  # the smaller the map, the fewer labels fit
    for name, r in labels:
        assert not r.intersects(legend), name
        assert view.contains(r), name
    for r in _marker_rects(mv):
        assert not r.intersects(legend)


# -- the table follows the map -----------------------------------------------------------------
def test_selecting_a_relation_scrolls_its_table_row_into_view(open_window, qtbot, seed_map):
    w = open_window(seed_map, (1600, 1000))
    table = w.explorer.table
    # the row the reader would not see without scrolling: the last in reading order
    last = max(range(len(seed_map.relations)), key=lambda r: table.row_of(r))
    assert not _row_in_view(table, last)
    w.select_relation(last)
    assert table.selected_relation() == last
    assert _row_in_view(table, last)


def test_a_row_clicked_in_the_table_stays_where_it_is(open_window, qtbot, seed_map):
    w = open_window(seed_map, (1600, 1000))
    table = w.explorer.table
    view = table.view
    idx = table.proxy.index(2, 0)
    before = view.verticalScrollBar().value()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(idx).center())
    assert w.map_view.selected_edge == int(idx.data(Qt.ItemDataRole.UserRole + 2))
    assert view.verticalScrollBar().value() == before


def test_focusing_an_actor_bolds_its_relations_and_shows_the_first(open_window, qtbot, seed_map):
    w = open_window(seed_map, (1600, 1000))
    table = w.explorer.table
    # the actor whose first relation comes last in the table
    first_row = {}
    for r, rel in enumerate(seed_map.relations):
        for a in (rel.source, rel.target):
            first_row[a] = min(first_row.get(a, 1 << 30), table.row_of(r))
    actor = max(first_row, key=first_row.get)
    w.map_view.node_clicked.emit(actor)
    mine = [r for r, rel in enumerate(seed_map.relations) if actor in (rel.source, rel.target)]
    bold = [
        r for r in range(len(seed_map.relations)) if table.model.index(r, 0).data(Qt.ItemDataRole.FontRole)
    ]
    assert sorted(bold) == sorted(mine)
    assert _row_in_view(table, min(mine, key=table.row_of))
    w.map_view.background_clicked.emit()
    assert not any(table.model.index(r, 0).data(Qt.ItemDataRole.FontRole) for r in mine)


# -- colours and sizes -------------------------------------------------------------------------
def test_marker_outlines_follow_the_colour_scheme(open_window, qtbot, small_map, light_again):
    w = open_window(small_map, (1600, 1000))
    mv = w.map_view

    def outline() -> QColor:
        return mv._nodes.opts["pen"].color()

    assert outline().lightnessF() < 0.3
    style.use_scheme("dark")
    mv.restyle()
    bg = QColor(style.BACKGROUND)
    assert outline().lightnessF() > 0.6 and outline().lightnessF() - bg.lightnessF() > 0.5


def test_the_geographic_layout_draws_smaller_markers(open_window, qtbot, seed_map):
    w = open_window(seed_map, (1600, 1000))
    mv, runner = w.map_view, w.view_controls.runner
    base = mv.arrays.size_px.copy()
    with qtbot.waitSignal(runner.finished, timeout=10000, check_params_cb=lambda k: k == "geographic"):
        w.view_controls.set_layout("geographic")
    assert np.allclose(mv.arrays.size_px, base * NODE_SCALE["geographic"])
    assert np.allclose(mv._nodes.data["size"], mv.arrays.size_px)  # drawn so, and picked so
    with qtbot.waitSignal(runner.finished, timeout=10000, check_params_cb=lambda k: k == "force"):
        w.view_controls.set_layout("force")
    assert np.allclose(mv.arrays.size_px, base)


# -- lifetime ----------------------------------------------------------------------------------
def test_a_view_closed_right_after_a_resize_does_not_refit_a_deleted_view_box(qtbot, small_map):
    # a refit is queued by every resize; closing the view deletes its view box first
    view = MapView()
    qtbot.addWidget(view)
    view.set_map(small_map, map_positions(small_map))
    view.show()
    qtbot.waitExposed(view)
    view.resize(700, 500)
    view.close()
    qtbot.wait(20)  # the queued refit runs now (pytest-qt fails the test on an exception in it)
    view.fit()  # and later calls (a layout's last frame) are harmless
    assert view.arrays is None
