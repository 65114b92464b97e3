"""Accessibility: every control a user can focus has a name, the map says what it shows, and
the evidence can be read with the keyboard alone."""

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QWidget

from mapviewer.model import RelationMap

pytestmark = pytest.mark.gui


@pytest.fixture
def win(open_window, small_map):
    return open_window(small_map, (1600, 1000))


def unnamed_focusable(root: QWidget) -> list[str]:
    """Visible widgets under ``root`` (and ``root``) that take the focus but have no accessible name.

    Excluded, by rule: Qt's own sub-widgets, whose object names start with ``qt_`` (scroll-area
    viewports and scroll-bar containers, a spin box's line edit, a dock's float and close
    buttons, a tool bar's extension button): Qt's accessibility reports them as parts of their
    named parent. Also excluded: widgets with a focus proxy (a scroll area's viewport hands its
    focus to the scroll area, which is checked itself).
    """
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if w.focusPolicy() == Qt.FocusPolicy.NoFocus or not w.isVisible():
            continue
        if w.objectName().startswith("qt_") or w.focusProxy() is not None:
            continue
        if not w.accessibleName().strip():
            parent = w.parentWidget()
            out.append(f"{type(w).__name__} in {type(parent).__name__ if parent else None}")
    return out


def _tab_into(view):
    """Give the map the focus as Tab would (the offscreen platform never activates a window,
    so Qt sends no focus-in event by itself)."""
    view.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.sendEvent(view, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    QApplication.processEvents()


# -- names ---------------------------------------------------------------------------------------
def test_every_focusable_widget_of_the_window_has_an_accessible_name(win):
    assert win.map_view.isVisible() and win.evidence.browser.isVisible()
    offenders = unnamed_focusable(win)
    assert not offenders, f"focusable widgets without an accessible name: {offenders}"


def test_the_rule_finds_an_unnamed_control(win):
    from PySide6.QtWidgets import QLineEdit

    stray = QLineEdit(win.evidence)  # focusable, visible, unnamed
    stray.show()
    assert unnamed_focusable(win) == ["QLineEdit in EvidencePanel"]


def test_every_focusable_widget_of_the_dialogs_has_an_accessible_name(qtbot):
    from mapviewer.ui.about import AboutDialog
    from mapviewer.ui.paste_dialog import PasteDialog

    for dlg in (AboutDialog(), PasteDialog()):
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        offenders = unnamed_focusable(dlg)
        assert not offenders, f"{type(dlg).__name__}: {offenders}"


def test_tool_bar_buttons_and_panels_are_named(win):
    bar_buttons = [
        win.findChild(QWidget, "toolbar_view").widgetForAction(a) for a in (win.fit_action, win.clear_action)
    ]
    assert [b.accessibleName() for b in bar_buttons] == ["Fit to view", "Clear selection"]
    for w in (
        win.evidence,
        win.evidence.heading,
        win.article_view,
        win.article_view.title,
        win.explorer.filter_dock,
        win.explorer.table_dock,
        win.explorer.replay_toolbar,
        win.view_controls.toolbar,
    ):
        assert w.accessibleName(), type(w).__name__


# -- the map's description --------------------------------------------------------------------------
def test_the_maps_description_counts_what_it_shows(win, small_map):
    d = win.map_view.accessibleDescription()
    assert d.startswith(f"{len(small_map.actors)} actors, {len(small_map.relations)} relations.")
    win.explorer.filter_panel.valence_boxes["hostile"].click()
    hostile = sum(r.valence == "hostile" for r in small_map.relations)
    d = win.map_view.accessibleDescription()
    assert f"{len(small_map.relations) - hostile} of {len(small_map.relations)} relations shown" in d


def test_the_maps_description_follows_the_selection(win, small_map):
    view = win.map_view
    r = next(i for i, rel in enumerate(small_map.relations) if rel.valence == "hostile" and rel.directed)
    rel = small_map.relations[r]
    win.select_relation(r)
    names = (small_map.actor(rel.source).name, small_map.actor(rel.target).name)
    n = len(rel.evidence)
    expected = f"Selected: {names[0]} → {names[1]}, {rel.types[0]} (hostile), {n} quote{'s' * (n != 1)}"
    assert expected in view.accessibleDescription()

    actor = small_map.actors[0]
    win._on_map_view_node_clicked(actor.id)
    d = view.accessibleDescription()
    assert f"Selected: {actor.name} (" in d and names[0] + " →" not in d

    win._on_map_view_background_clicked()
    assert "Selected" not in view.accessibleDescription()

    keep = {small_map.actors[0].id, small_map.actors[1].id}
    rels = [x for x in small_map.relations if {x.source, x.target} <= keep]
    win.set_map(RelationMap(small_map.articles, small_map.actors[:2], rels))
    assert view.accessibleDescription().startswith(f"2 actors, {len(rels)} relation{'s' * (len(rels) != 1)}.")


def test_the_evidence_is_described_for_a_screen_reader(win, small_map):
    win.select_relation(1)
    b = win.evidence.browser
    n = len(small_map.relations[1].evidence)
    assert b.accessibleName() == f"Evidence: {n} quote{'s' * (n != 1)}"
    assert small_map.actor(small_map.relations[1].source).name in b.accessibleDescription()


# -- keyboard only -------------------------------------------------------------------------------
def test_keyboard_only_map_to_evidence_to_article(qtbot, win, small_map):
    view = win.map_view
    _tab_into(view)
    # Tab to a relation with more than one quote (so stepping between quotes is tested)
    for _ in range(len(small_map.actors) + len(small_map.relations)):
        item = view.kb_item
        if item is not None and item[0] == "edge" and len(small_map.relations[item[1]].evidence) > 1:
            break
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.kb_item is not None and view.kb_item[0] == "edge"
    r = view.kb_item[1]
    assert "Keyboard focus: " in view.accessibleDescription()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.evidence.relation == r
    quotes = small_map.evidence_of(r)
    text = win.evidence.browser.toPlainText()
    assert all(small_map.quote_text(ev) in text.replace("\u2029", "\n") for ev in quotes)
    assert "Selected: " in view.accessibleDescription()

    # Ctrl+Tab leaves the map at once: the next stop is the evidence
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    browser = win.evidence.browser
    assert QApplication.focusWidget() is browser

    # Tab moves between the quotes (links), Enter shows one in the article
    for k, ev in enumerate(quotes):
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is browser
        qtbot.keyClick(browser, Qt.Key.Key_Return)
        assert win.evidence.active == k
        assert win.article_view.active == ev
        sel = win.article_view.active_selection()
        assert sel is not None
        s, e = win.article_view.to_doc(ev.start), win.article_view.to_doc(ev.end)
        assert (sel.selectionStart(), sel.selectionEnd()) == (s, e)

    # past the last quote, Tab leaves the panel
    qtbot.keyClick(browser, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not browser
