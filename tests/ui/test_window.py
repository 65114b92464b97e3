"""The main window on the offscreen platform: clicks, hovers, drags, the article pane."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from mapviewer.describe import describe_relation
from mapviewer.geometry import edge_midpoints

pytestmark = pytest.mark.gui


@pytest.fixture
def win(open_window, small_map):
    return open_window(small_map)


def _node_xy(w, actor_id):
    a = w.map_view.arrays
    return a.xy[a.index[actor_id]].astype(float)


def _click(qtbot, w, x, y):
    view = w.map_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.map_to_widget(x, y))


def _plain(s: str) -> str:
    return " ".join(s.replace("\u2029", " ").replace("\u2028", " ").split())


def _empty_spot(w) -> QPoint:
    """A viewport pixel over nothing (checked, so a clear-test cannot pass by accident)."""
    view = w.map_view
    vp = view.viewport().rect()
    for p in (QPoint(vp.width() - 8, 8), QPoint(vp.width() - 8, vp.height() - 8), QPoint(vp.width() // 2, 8)):
        if view.hover_text(*view.widget_to_map(p)) == "":
            return p
    raise AssertionError("no empty spot found")


def test_the_view_is_laid_out_before_mapping_to_pixels(win):
    # guard against the [0, 1] default range: nodes land inside the viewport, apart
    pts = [win.map_view.map_to_widget(*_node_xy(win, a)) for a in ("RUR", "BOR", "SYL")]
    rect = win.map_view.viewport().rect()
    assert all(rect.contains(p) for p in pts)
    assert min((pts[0] - pts[1]).manhattanLength(), (pts[1] - pts[2]).manhattanLength()) > 60


def test_click_an_edge_lists_its_quotes(qtbot, win, small_map):
    r = 1  # Syldavia -> Borduria, threat
    mid = edge_midpoints(win.map_view.arrays)[r]
    _click(qtbot, win, *mid)
    assert win.map_view.selected_edge == r
    assert win.evidence.relation == r
    shown = _plain(win.evidence.browser.toPlainText())
    for ev in small_map.relations[r].evidence:
        assert _plain(small_map.quote_text(ev)) in shown
    heading = win.evidence.heading.text()
    assert "Syldavia → Borduria" in heading and "threat (hostile), directed" in heading
    assert (
        describe_relation(small_map, small_map.relations[r])
        == "Syldavia → Borduria: threat (hostile), directed"
    )
    # the other quotes of the article are not listed
    assert "gas deal" not in shown


def test_an_edge_is_clickable_a_few_pixels_off_but_not_far(qtbot, win):
    view = win.map_view
    r = 0  # Ruritania - Borduria
    mid = edge_midpoints(view.arrays)[r]
    a, b = _node_xy(win, "RUR"), _node_xy(win, "BOR")
    pa, pb = view.map_to_widget(*a), view.map_to_widget(*b)
    d = np.array([pb.x() - pa.x(), pb.y() - pa.y()], float)
    n = np.array([-d[1], d[0]]) / np.hypot(*d)  # unit normal in pixels
    pm = view.map_to_widget(*mid)
    near = QPoint(round(pm.x() + 3 * n[0]), round(pm.y() + 3 * n[1]))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=near)
    assert win.evidence.relation == r
    far = QPoint(round(pm.x() + 25 * n[0]), round(pm.y() + 25 * n[1]))
    if view.hover_text(*view.widget_to_map(far)) == "":
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=far)
        assert win.evidence.relation is None


def test_mentions_of_the_two_actors_are_highlighted_in_quotes(qtbot, win):
    _click(qtbot, win, *edge_midpoints(win.map_view.arrays)[1])
    doc = win.evidence.browser.document()
    marked, plain = set(), set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            (marked if frag.charFormat().background().style() != Qt.BrushStyle.NoBrush else plain).add(
                frag.text()
            )
            it += 1
        block = block.next()
    # names, aliases and derived forms, case-insensitively; nothing else
    assert {"Syldavia", "Borduria", "Syldavian", "Bordurians"} <= marked
    assert not any("border" in t or "troops" in t for t in marked)
    assert any("threatened" in t for t in plain)


def test_click_a_quote_highlights_exactly_its_span_and_scrolls_to_it(qtbot, win, small_map):
    _click(qtbot, win, *edge_midpoints(win.map_view.arrays)[1])
    ev = small_map.relations[1].evidence[1]  # far down the article, after the filler
    rect = win.evidence.anchor_rect("q:1")
    assert rect.isValid()
    qtbot.mouseClick(win.evidence.browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    art = win.article_view
    assert art.active == ev
    cur = art.active_selection()
    assert (cur.selectionStart(), cur.selectionEnd()) == (art.to_doc(ev.start), art.to_doc(ev.end))
    assert cur.selectedText().replace("\u2029", "\n") == small_map.article().text[ev.start : ev.end]
    # scrolled: the start of the span is inside the visible part of the text
    QApplication.processEvents()
    probe = art.text.textCursor()
    probe.setPosition(art.to_doc(ev.start))
    assert art.text.viewport().rect().contains(art.text.cursorRect(probe).center())
    assert art.text.verticalScrollBar().value() > 0
    # the other quote of the relation is lightly highlighted too
    assert len(art.text.extraSelections()) == 2


def test_parallel_relations_are_separately_clickable(qtbot, win):
    mids = edge_midpoints(win.map_view.arrays)
    for r in (3, 4):  # Ruritania -> Syldavia arms trade, Ruritania - Syldavia trade
        _click(qtbot, win, *mids[r])
        assert win.evidence.relation == r


def test_click_a_node_lists_its_relations_and_dims_the_rest(qtbot, win, small_map):
    view = win.map_view
    _click(qtbot, win, *_node_xy(win, "BOR"))
    assert win.evidence.actor == "BOR"
    assert view.focused_node == view.arrays.index["BOR"]
    text = win.evidence.browser.toPlainText()
    for r in small_map.relations_of("BOR"):
        assert describe_relation(small_map, r) in text
    assert "Green Brigades" not in text
    drawn = view.node_alpha()
    alpha = {a: drawn[view.arrays.index[a]] for a in view.arrays.ids}
    for a in ("BOR", "RUR", "SYL"):  # itself and its neighbours
        assert alpha[a] == pytest.approx(1.0)
    for a in ("GRB", "BLK", "AFP"):
        assert alpha[a] < 0.5
    assert all(item.opacity() < 0.5 for item in view._edge_items)


def test_click_empty_space_clears(qtbot, win):
    _click(qtbot, win, *edge_midpoints(win.map_view.arrays)[0])
    assert win.evidence.relation == 0
    qtbot.mouseClick(win.map_view.viewport(), Qt.MouseButton.LeftButton, pos=_empty_spot(win))
    assert win.evidence.relation is None and win.evidence.actor is None
    assert win.map_view.selected_edge is None and win.map_view.focused_node is None
    assert win.article_view.text.extraSelections() == []


def _move(view, pos: QPoint) -> None:
    # sent to the viewport directly: QTest.mouseMove moves the offscreen cursor, whose
    # later moves go to the tooltip window that the first one opened
    vp = view.viewport()
    ev = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(vp.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(vp, ev)
    QApplication.processEvents()


def test_hover_gives_a_tooltip(qtbot, win, small_map):
    view = win.map_view
    _move(view, view.map_to_widget(*edge_midpoints(view.arrays)[2]))
    assert describe_relation(small_map, small_map.relations[2]) in view.toolTip()
    assert "1 quote" in view.toolTip()
    _move(view, view.map_to_widget(*_node_xy(win, "SYL")))
    assert view.toolTip().startswith("Syldavia (country): 6 mentions")
    _move(view, _empty_spot(win))
    assert view.toolTip() == ""


def _drag(view, start: QPoint, end: QPoint, steps: int = 6) -> None:
    vp = view.viewport()

    def send(kind, pos, button, buttons):
        ev = QMouseEvent(
            kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(vp, ev)

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    send(QEvent.Type.MouseButtonPress, start, left, left)
    for k in range(1, steps + 1):
        p = start + (end - start) * (k / steps)
        send(QEvent.Type.MouseMove, p, none, left)
    send(QEvent.Type.MouseButtonRelease, end, left, none)
    QApplication.processEvents()


def test_drag_a_node_moves_and_pins_it(qtbot, win, small_map):
    view = win.map_view
    i = view.arrays.index["BLK"]
    before = view.arrays.xy.copy()
    start = view.map_to_widget(*before[i])
    end = start + QPoint(60, 40)
    with qtbot.waitSignal(view.node_moved, timeout=2000) as sig:
        _drag(view, start, end)
    assert sig.args == ["BLK"]
    after = view.arrays.xy
    assert (
        view.map_to_widget(*after[i]) == end or (view.map_to_widget(*after[i]) - end).manhattanLength() <= 2
    )
    others = np.arange(len(after)) != i
    assert np.array_equal(after[others], before[others])  # nothing else moved (no pan)
    assert "BLK" in small_map.pinned
    assert small_map.positions["BLK"] == pytest.approx(tuple(after[i]), abs=1e-5)


def test_dragging_empty_space_pans_instead(qtbot, win):
    view = win.map_view
    before = view.vb.viewRange()
    spot = _empty_spot(win)
    _drag(view, spot, spot + QPoint(-80, 50))
    assert view.vb.viewRange() != before
    assert view.map.pinned == set()


def test_fit_to_view_brings_every_node_back(qtbot, win):
    view = win.map_view
    view.vb.scaleBy((0.2, 0.2))
    view.vb.translateBy((5.0, 5.0))
    QApplication.processEvents()
    rect = view.viewport().rect()
    assert not all(rect.contains(view.map_to_widget(*p)) for p in view.arrays.xy)
    win.fit_action.trigger()
    QApplication.processEvents()
    assert all(rect.contains(view.map_to_widget(*p)) for p in view.arrays.xy)
    qtbot.keyClick(win, Qt.Key.Key_Escape)  # the other shortcut still works after fit
    assert view.selected_edge is None


def test_fit_key_shortcut(qtbot, win):
    view = win.map_view
    view.vb.scaleBy((0.2, 0.2))
    QApplication.processEvents()
    win.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F)
    QApplication.processEvents()
    rect = view.viewport().rect()
    assert all(rect.contains(view.map_to_widget(*p)) for p in view.arrays.xy)


def test_relation_link_in_node_panel_selects_the_edge(qtbot, win):
    _click(qtbot, win, *_node_xy(win, "RUR"))
    rect = win.evidence.anchor_rect("r:3")
    qtbot.mouseClick(win.evidence.browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.evidence.relation == 3
    assert win.map_view.selected_edge == 3


def test_labels_do_not_overlap(win):
    view = win.map_view
    view._update_view_dependent()
    boxes = []
    for t in view._labels:
        if t.isVisible():
            r = t.mapRectToScene(t.boundingRect())
            boxes.append(r)
    assert len(boxes) == len(view.arrays.ids)  # a small map: every label shown
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            inter = boxes[i].intersected(boxes[j])
            assert inter.width() * inter.height() < 4.0, (view._labels[i].textItem.toPlainText(),)


def test_many_repaints_do_not_crash(qtbot, win):
    view = win.map_view
    mids = edge_midpoints(view.arrays)
    for k in range(1000):
        if k % 100 == 0:
            view.select_edge(k // 100 % len(mids))
        if k % 250 == 0:
            view.focus_node(view.arrays.ids[k // 250 % len(view.arrays.ids)])
        view.viewport().repaint()
    assert view.isVisible()


def test_automatic_relations_say_how_sure_the_extractor_is(qtbot, small_map):
    import dataclasses

    from mapviewer.ui.evidence_panel import EvidencePanel

    panel = EvidencePanel()
    qtbot.addWidget(panel)
    panel.show_relation(small_map, 1)
    assert "sure" not in panel.heading.text()  # a person drew the curated map
    auto = dataclasses.replace(
        small_map, curated=False, relations=[dataclasses.replace(r, confidence=0.62) for r in small_map.relations]
    )
    panel.show_relation(auto, 1)
    assert "found automatically, 62% sure: check the quotes" in panel.heading.text()


def test_suggested_relations_are_drawn_paler_and_the_legend_says_why(qtbot, open_window, small_map):
    import dataclasses

    from mapviewer.ui import style

    w = open_window(small_map)
    assert "paler: suggested" not in w.map_view.legend.rows
    assert not any(faint for _, _, faint in w.map_view._groups)
    note = "suggested: these sentences read like a relation between the two, but no rule recognised its wording"
    rels = [dataclasses.replace(r, confidence=0.7) for r in small_map.relations]
    rels[1] = dataclasses.replace(rels[1], note=note)
    auto = dataclasses.replace(small_map, curated=False, relations=rels)
    w = open_window(auto)
    view = w.map_view
    assert "paler: suggested" in view.legend.rows
    faint = [rel for (_, _, f), rel in view._groups.items() if f]
    assert [int(i) for rel in faint for i in rel] == [1]
    (v, width, _), _ = next((k, r) for k, r in view._groups.items() if k[2])
    assert view._edge_pen(v, width, True).color().alphaF() == pytest.approx(style.SUGGESTED_ALPHA, abs=0.01)
    assert view._edge_pen(v, width, False).color().alphaF() == 1.0
    # Clicking it tells the reader what a suggestion is.
    x, y = edge_midpoints(view.arrays)[np.flatnonzero(view.arrays.seg_rel == 1)[0]]
    _click(qtbot, w, x, y)
    assert "no rule recognised" in w.evidence.heading.text()
