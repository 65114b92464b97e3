"""Filters, search, ego view, replay, the relations table and keyboard navigation in the window."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from mapviewer.geometry import edge_midpoints

pytestmark = pytest.mark.gui


@pytest.fixture
def win(open_window, small_map):
    return open_window(small_map, (1600, 1000))


def _click(qtbot, w, x, y):
    view = w.map_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.map_to_widget(x, y))


def _drawn_relations(view) -> set[int]:
    """Relations whose segments are in the base edge curves (read back from the items)."""
    a = view.arrays
    drawn = set()
    for item in view._edge_items:
        x, y = item.getData()
        if x is None or not len(x):
            continue
        pts = np.column_stack([x, y]).astype(np.float32)
        for s in range(0, len(pts), 2):
            hit = np.flatnonzero(
                np.all(np.isclose(a.seg_a, pts[s], atol=1e-4), axis=1)
                & np.all(np.isclose(a.seg_b, pts[s + 1], atol=1e-4), axis=1)
            )
            drawn.update(a.seg_rel[hit].tolist())
    return drawn


def _tab_into(view):
    """Give the map the focus as Tab would (the offscreen platform never activates a window,
    so Qt sends no focus-in event by itself)."""
    view.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.sendEvent(view, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    QApplication.processEvents()


def _hostile(m):
    return {i for i, r in enumerate(m.relations) if r.valence == "hostile"}


# -- arrangement -------------------------------------------------------------------------
def test_default_arrangement_is_readable_at_1600_by_1000(win):
    ex = win.explorer
    assert ex.filter_dock.isVisible() and ex.table_dock.isVisible() and ex.replay_bar.isVisible()
    assert win.dockWidgetArea(ex.filter_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert win.dockWidgetArea(ex.table_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert win.map_view.width() >= 600 and win.map_view.height() >= 450
    assert win.article_view.height() >= 250
    assert 240 <= ex.filter_panel.width() <= 420
    assert ex.table.height() >= 120


# -- filters -------------------------------------------------------------------------------
def test_unchecking_a_valence_hides_its_edges_and_they_are_not_pickable(qtbot, win, small_map):
    view = win.map_view
    mids = edge_midpoints(view.arrays)
    hostile = _hostile(small_map)
    win.explorer.filter_panel.valence_boxes["hostile"].click()
    assert _drawn_relations(view) == set(range(len(small_map.relations))) - hostile
    assert set(np.flatnonzero(~view.rel_visible).tolist()) == hostile
    # the table hides their rows too
    assert all(win.explorer.table.row_of(r) == -1 for r in hostile)
    # clicking where a hidden edge was selects nothing (or something visible)
    for r in hostile:
        _click(qtbot, win, *mids[r])
        assert view.selected_edge != r
    # and it comes back
    win.explorer.filter_panel.valence_boxes["hostile"].click()
    assert _drawn_relations(view) == set(range(len(small_map.relations)))
    _click(qtbot, win, *mids[1])
    assert view.selected_edge == 1


def test_hidden_actors_are_not_drawn_labelled_or_pickable(qtbot, win, small_map):
    view = win.map_view
    win.explorer.filter_panel.kind_boxes["group"].click()  # hides the Green Brigades
    i = view.arrays.index["GRB"]
    assert not view.node_visible[i]
    assert not view._nodes.points()[i].isVisible()
    assert all(not t.isVisible() for t, n in zip(view._labels, view._label_nodes, strict=True) if n == i)
    _click(qtbot, win, *view.arrays.xy[i])
    assert win.evidence.actor != "GRB"
    assert 5 not in _drawn_relations(view)  # Green Brigades -> Syldavia


def test_min_evidence_and_summary(qtbot, win, small_map):
    panel = win.explorer.filter_panel
    panel.min_evidence.setValue(2)
    keep = {i for i, r in enumerate(small_map.relations) if len(r.evidence) >= 2}
    assert _drawn_relations(win.map_view) == keep
    assert panel.summary.text().startswith(f"Showing {len(keep)} of {len(small_map.relations)} relations")


def test_hiding_suggested_relations_and_uncertain_ones(qtbot, open_window, small_map):
    import dataclasses

    rels = [dataclasses.replace(r, confidence=0.9) for r in small_map.relations]
    rels[2] = dataclasses.replace(rels[2], confidence=0.6, note="suggested: these sentences read like a relation")
    w = open_window(dataclasses.replace(small_map, curated=False, relations=rels))
    panel = w.explorer.filter_panel
    everything = set(range(len(rels)))
    assert _drawn_relations(w.map_view) == everything
    panel.suggested_box.click()
    assert _drawn_relations(w.map_view) == everything - {2}
    panel.suggested_box.click()
    panel.min_confidence.setValue(70)
    assert _drawn_relations(w.map_view) == everything - {2}


def test_a_selected_relation_the_filter_hides_stays_shown_and_the_user_is_told(qtbot, win, small_map):
    view = win.map_view
    _click(qtbot, win, *edge_midpoints(view.arrays)[1])  # Syldavia -> Borduria, hostile
    assert view.selected_edge == 1
    win.explorer.filter_panel.valence_boxes["hostile"].click()
    assert view.selected_edge == 1 and view.rel_visible[1]
    assert 1 in _drawn_relations(view)
    assert view.node_visible[view.arrays.index["SYL"]] and view.node_visible[view.arrays.index["BOR"]]
    msg = win.statusBar().currentMessage()
    assert "hidden by the filters" in msg and "Syldavia → Borduria" in msg
    assert "hidden by the filters" in win.explorer.filter_panel.summary.text()
    assert win.explorer.table.selected_relation() == 1  # the table keeps its row too
    # once the selection is cleared the filter applies fully
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert view.selected_edge is None and not view.rel_visible[1]
    assert 1 not in _drawn_relations(view)
    assert win.explorer.kept == ""


# -- search ----------------------------------------------------------------------------------
def test_search_highlights_matching_actors_on_the_map(qtbot, win):
    panel = win.explorer.filter_panel
    qtbot.keyClicks(panel.search_edit, "syldav")
    view = win.map_view
    assert view.highlighted_nodes().tolist() == [view.arrays.index["SYL"]]
    assert "1 actor" in panel.match_label.text()
    panel.search_edit.clear()
    assert len(view.highlighted_nodes()) == 0


def test_search_lists_quote_hits_and_a_click_scrolls_the_article(qtbot, win, small_map):
    panel = win.explorer.filter_panel
    qtbot.keyClicks(panel.search_edit, "provocation")  # far down, after the filler
    assert panel.hits_list.count() == 1
    rect = panel.hits_list.visualItemRect(panel.hits_list.item(0))
    qtbot.mouseClick(panel.hits_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    art = win.article_view
    cur = art.active_selection()
    text = small_map.article().text
    assert cur.selectedText() == "provocation"
    assert (cur.selectionStart(), cur.selectionEnd()) == (
        art.to_doc(text.index("provocation")),
        art.to_doc(text.index("provocation") + len("provocation")),
    )
    QApplication.processEvents()
    probe = art.text.textCursor()
    probe.setPosition(cur.selectionStart())
    assert art.text.verticalScrollBar().value() > 0
    assert art.text.viewport().rect().contains(art.text.cursorRect(probe).center())
    assert "Syldavia → Borduria" in win.statusBar().currentMessage()


def test_ctrl_f_focuses_the_search_box(qtbot, win):
    win.map_view.setFocus()
    QApplication.processEvents()
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is win.explorer.filter_panel.search_edit


# -- ego view --------------------------------------------------------------------------------
def test_ego_view_shows_the_actor_and_its_neighbours(qtbot, win, small_map):
    panel = win.explorer.filter_panel
    panel.ego_combo.setCurrentIndex(panel.ego_combo.findData("GRB"))
    view = win.map_view
    shown = {view.arrays.ids[i] for i in np.flatnonzero(view.node_visible)}
    assert shown == {"GRB", "SYL"}
    assert _drawn_relations(view) == {5}
    panel.ego_depth.setCurrentIndex(1)  # two steps: Syldavia's neighbours too
    shown = {view.arrays.ids[i] for i in np.flatnonzero(view.node_visible)}
    assert shown == {"GRB", "SYL", "BOR", "AFP", "RUR"}


# -- replay ------------------------------------------------------------------------------------
def test_replay_shows_relations_as_the_text_states_them_and_the_article_follows(qtbot, win, small_map):
    ex = win.explorer
    bar = ex.replay_bar
    bar.slider.setFocus()
    qtbot.keyClick(bar.slider, Qt.Key.Key_Home)
    assert bar.step == 0
    assert _drawn_relations(win.map_view) == {0}  # "Ruritania and Borduria signed a gas deal"
    s, e = ex.replay.sentence_span(0)
    cur = win.article_view.active_selection()
    assert (cur.selectionStart(), cur.selectionEnd()) == (s, e)
    qtbot.keyClick(bar.slider, Qt.Key.Key_Right)
    qtbot.keyClick(bar.slider, Qt.Key.Key_Right)
    assert _drawn_relations(win.map_view) == {0, 1}
    assert "first states Syldavia → Borduria" in win.statusBar().currentMessage()
    # the last sentence is far down: the article scrolls to it
    qtbot.keyClick(bar.slider, Qt.Key.Key_End)
    QApplication.processEvents()
    assert win.article_view.text.verticalScrollBar().value() > 0
    assert _drawn_relations(win.map_view) == set(range(len(small_map.relations)))


def test_replay_play_button_runs_to_the_end(qtbot, win, small_map):
    bar = win.explorer.replay_bar
    bar.timer.setInterval(1)
    counts = []
    bar.step_changed.connect(lambda _k: counts.append(len(_drawn_relations(win.map_view))))
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.playing, timeout=10000)
    assert counts == sorted(counts) and counts[0] == 1 and counts[-1] == len(small_map.relations)


# -- the table and the map follow each other ---------------------------------------------------
def test_clicking_an_edge_selects_its_table_row(qtbot, win):
    table = win.explorer.table
    with qtbot.assertNotEmitted(table.relation_selected):
        _click(qtbot, win, *edge_midpoints(win.map_view.arrays)[2])
    assert table.selected_relation() == 2
    qtbot.mouseClick(win.map_view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert table.selected_relation() is None


def test_clicking_a_table_row_selects_the_edge_and_shows_the_evidence(qtbot, win, small_map):
    table = win.explorer.table
    row = table.row_of(4)
    rect = table.view.visualRect(table.proxy.index(row, 0))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.map_view.selected_edge == 4
    assert win.evidence.relation == 4
    assert table.selected_relation() == 4


def test_enter_in_the_table_moves_focus_to_the_evidence(qtbot, win):
    table = win.explorer.table
    table.select_relation(3)
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert win.evidence.relation == 3
    assert QApplication.focusWidget() is win.evidence.browser


def test_a_relation_picked_in_the_evidence_panel_selects_its_row(qtbot, win):
    _click(qtbot, win, *win.map_view.arrays.xy[win.map_view.arrays.index["BOR"]])
    win.evidence.relation_activated.emit(1)
    assert win.explorer.table.selected_relation() == 1


# -- keyboard navigation on the map --------------------------------------------------------------
def test_tab_walks_nodes_and_edges_and_enter_shows_the_evidence(qtbot, win, small_map):
    view = win.map_view
    _tab_into(view)
    assert view.kb_item is not None and view.kb_item[0] == "node"
    first = view.arrays.ids[view.kb_item[1]]
    assert first == min(small_map.actor_ids(), key=lambda a: small_map.actor(a).name.casefold())
    seen = [view.kb_item]
    for _ in range(8):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        seen.append(view.kb_item)
    assert {k for k, _ in seen} == {"node", "edge"}
    edge = next(it for it in seen if it[0] == "edge")
    while view.kb_item != edge:
        qtbot.keyClick(view, Qt.Key.Key_Backtab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.evidence.relation == edge[1] and view.selected_edge == edge[1]
    assert win.explorer.table.selected_relation() == edge[1]


def test_arrow_keys_move_to_the_nearest_item_in_that_direction(qtbot, win):
    view = win.map_view
    _tab_into(view)
    moved = 0
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
        before = view.kb_item
        p0 = view.kb_position()
        qtbot.keyClick(view, key)
        if view.kb_item != before:
            moved += 1
            p1 = view.kb_position()
            d = {
                Qt.Key.Key_Right: p1[0] - p0[0],
                Qt.Key.Key_Left: p0[0] - p1[0],
                Qt.Key.Key_Up: p1[1] - p0[1],
                Qt.Key.Key_Down: p0[1] - p1[1],
            }[key]
            assert d > 0
    assert moved >= 2
    assert win.statusBar().currentMessage()  # the focused item is described


def test_tab_skips_hidden_items(qtbot, win, small_map):
    win.explorer.filter_panel.valence_boxes["hostile"].click()
    view = win.map_view
    _tab_into(view)
    seen = set()
    for _ in range(30):
        seen.add(view.kb_item)
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        if not view.hasFocus():
            break
    edges = {i for k, i in seen if k == "edge"}
    assert edges and not (edges & _hostile(small_map))


def test_enter_on_a_node_lists_its_relations(qtbot, win):
    view = win.map_view
    _tab_into(view)
    assert view.kb_item[0] == "node"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.evidence.actor == view.arrays.ids[view.kb_item[1]]


def test_a_focused_actor_the_filter_hides_stays_shown(qtbot, win):
    view = win.map_view
    i = view.arrays.index["GRB"]
    _click(qtbot, win, *view.arrays.xy[i])
    assert view.focused_node == i
    win.explorer.filter_panel.kind_boxes["group"].click()
    assert view.node_visible[i]
    assert "Green Brigades" in win.statusBar().currentMessage()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert view.focused_node is None and not view.node_visible[i]


def test_set_map_starts_over(qtbot, win):
    from mapviewer.layout import map_positions
    from mapviewer.seeds import default_seed

    ex = win.explorer
    ex.filter_panel.valence_boxes["hostile"].click()
    seed = default_seed().curated_map()
    win.map = seed
    win.map_view.set_map(seed, map_positions(seed, seed=0))
    ex.set_map(seed)
    assert ex.table.proxy.rowCount() == len(seed.relations)
    assert ex.filter_panel.filter().valences is None
    assert ex.replay_bar.n_steps == ex.replay.n_steps > 10
    assert view_all_drawn(win)


def view_all_drawn(win) -> bool:
    return _drawn_relations(win.map_view) == set(range(len(win.map.relations)))
