"""Exploring the map: filters and search, the relations table and the reading-order replay.

:class:`Explorer` adds three widgets to a :class:`~mapviewer.ui.main_window.MainWindow`
(the filter panel and the relations table as docks, the replay bar as a bottom tool bar)
and wires them to the window's map, evidence panel and article pane. It listens to the
same signals as the window (connected after the window's own handlers, so it sees the
window's state after each click) and calls methods down; the window needs only to create
it.

Filtering never drops the selection silently: a selected relation (or focused actor)
that the filters would hide stays on the map, highlighted, and the status bar and the
filter panel say so; it goes once the selection is cleared.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QToolBar

from ..describe import relation_title
from ..filtering import MapFilter, MapIndex, QuoteHit, Visible, apply_filter
from ..model import Evidence, RelationMap
from .filter_panel import FilterPanel
from .relations_table import RelationsTable
from .replay_bar import ReplayBar

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["Explorer"]

#: Default dock sizes (px): small, so the map gets most of the window; the docks can be
#: dragged larger, closed and brought back from the View menu, and the window remembers them.
FILTER_DOCK_WIDTH = 250
TABLE_DOCK_HEIGHT = 150


class Explorer(QObject):
    """Filter panel, relations table and replay bar of a main window."""

    def __init__(self, win: MainWindow):
        super().__init__(win)
        self.win = win
        self.filter_panel = FilterPanel()
        self.table = RelationsTable()
        self.replay_bar = ReplayBar()
        self.visible: Visible | None = None
        #: What the filters would hide but the selection keeps on the map ("" when nothing).
        self.kept = ""
        self._search = ""
        self._build()
        self._connect()
        self.set_map(win.map)

    def set_map(self, m: RelationMap) -> None:
        """Start over with ``m`` (call after the map view has it): every filter reset."""
        self.map = m
        self.index = MapIndex(m)
        self.replay = self.index.replay
        self.filter_panel.set_map(m)
        self.table.set_map(m, self.replay.first_sentence)
        self.replay_bar.set_steps(self.replay.n_steps)
        self.kept = self._search = ""
        self.apply()

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        win = self.win
        self.filter_dock = QDockWidget("Filters and search", win)
        self.filter_dock.setObjectName("filters_dock")
        self.filter_dock.setWidget(self.filter_panel)
        self.filter_dock.setAccessibleName("Filters and search")
        self.filter_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        win.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.filter_dock)
        self.table_dock = QDockWidget("Relations", win)
        self.table_dock.setObjectName("relations_dock")
        self.table_dock.setWidget(self.table)
        self.table_dock.setAccessibleName("Relations table")
        self.table_dock.setFeatures(self.filter_dock.features())
        win.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.table_dock)
        # the filters run the full height; the table sits under the map and the article
        win.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        win.resizeDocks([self.filter_dock], [FILTER_DOCK_WIDTH], Qt.Orientation.Horizontal)
        win.resizeDocks([self.table_dock], [TABLE_DOCK_HEIGHT], Qt.Orientation.Vertical)
        self.replay_toolbar = QToolBar("Reading order", win)
        self.replay_toolbar.setObjectName("replay_toolbar")
        self.replay_toolbar.setMovable(False)
        self.replay_toolbar.setAccessibleName("Reading order tool bar")
        self.replay_toolbar.addWidget(self.replay_bar)
        win.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.replay_toolbar)

        self.find_action = QAction("Find…", win)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.setToolTip("Search actors and quotes (Ctrl+F)")
        self.find_action.triggered.connect(self._on_find_action_triggered)
        win.addAction(self.find_action)

    def _connect(self) -> None:
        win, mv = self.win, self.win.map_view
        self.filter_panel.filter_changed.connect(self._on_filter_panel_filter_changed)
        self.filter_panel.quote_hit_activated.connect(self._on_filter_panel_quote_hit_activated)
        self.table.relation_selected.connect(self._on_table_relation_selected)
        self.table.relation_activated.connect(self._on_table_relation_activated)
        self.replay_bar.step_changed.connect(self._on_replay_bar_step_changed)
        # after the window's own handlers (connected first): the selection is already updated
        mv.edge_clicked.connect(self._on_selection_changed)
        mv.node_clicked.connect(self._on_selection_changed)
        mv.background_clicked.connect(self._on_selection_changed)
        win.evidence.relation_activated.connect(self._on_selection_changed)
        if hasattr(win, "clear_action"):
            win.clear_action.triggered.connect(self._on_selection_changed)
        if hasattr(mv, "item_focused"):
            mv.item_focused.connect(self._on_map_view_item_focused)

    # -- the filter ----------------------------------------------------------------------
    def current_filter(self) -> MapFilter:
        """The panel's filter plus the replay cut-off (none at the end of the article)."""
        f = self.filter_panel.filter()
        bar = self.replay_bar
        if bar.n_steps > 1 and not bar.at_end:
            f = dataclasses.replace(f, until_sentence=bar.step)
        return f

    def apply(self) -> Visible:
        """Filter the map, the table and the search highlights; keep the selection shown."""
        f = self.current_filter()
        v = apply_filter(self.map, f, self.index)
        self.visible = v
        rel, act = v.relations.copy(), v.actors.copy()
        mv = self.win.map_view
        kept = ""
        r = mv.selected_edge
        if r is not None and not rel[r]:
            rel[r] = True
            act[self.index.src[r]] = act[self.index.dst[r]] = True
            kept = f"The selected relation ({relation_title(self.map, self.map.relations[r])})"
        i = mv.focused_node
        if i is not None and not act[i]:
            act[i] = True
            kept = f"The selected actor ({self.map.actors[i].name})"
        mv.set_visible(rel, act)
        mv.set_highlighted(v.search.actor_ids)
        self.table.set_visible(rel)
        if f.search != self._search or not f.search:
            self._search = f.search
            self.filter_panel.show_search_result(v.search)
        self.filter_panel.show_summary(
            int(v.relations.sum()), len(self.map.relations), int(v.actors.sum()), len(self.map.actors)
        )
        self.kept = ""
        if kept:
            self.kept = (
                f"{kept} is hidden by the filters; it stays on the map until the selection is cleared (Esc)."
            )
            self.filter_panel.summary.setText(self.filter_panel.summary.text() + "\n" + self.kept)
            self.win.statusBar().showMessage(self.kept)
        return v

    # -- handlers ------------------------------------------------------------------------
    def _on_filter_panel_filter_changed(self, _f: MapFilter) -> None:
        self.apply()

    def _on_replay_bar_step_changed(self, k: int) -> None:
        self.apply()
        if self.replay.article_id is None or self.replay.n_steps == 0:
            return
        art = self.map.article(self.replay.article_id)
        s, e = self.replay.sentence_span(k)
        self.win.article_view.highlight([], active=Evidence(art.id, s, e, art.text[s:e]))
        new = self.replay.relations_new_at(k)
        names = "; ".join(relation_title(self.map, self.map.relations[r]) for r in new[:4].tolist())
        more = f" and {len(new) - 4} more" if len(new) > 4 else ""
        self.win.statusBar().showMessage(
            f"Sentence {k + 1} of {self.replay.n_steps}: "
            + (f"first states {names}{more}" if len(new) else "no new relation")
        )

    def _on_filter_panel_quote_hit_activated(self, h: QuoteHit) -> None:
        text = self.map.article(h.article).text
        quote = Evidence(h.article, h.quote_start, h.quote_end, text[h.quote_start : h.quote_end])
        word = Evidence(h.article, h.start, h.end, text[h.start : h.end])
        self.win.article_view.highlight([quote], active=word)
        titles = ", ".join(relation_title(self.map, self.map.relations[r]) for r in h.relations)
        self.win.statusBar().showMessage(f"Quote supporting {titles}")

    def _on_table_relation_selected(self, r: int) -> None:
        self.win.select_relation(r)
        self._after_selection()

    def _on_table_relation_activated(self, r: int) -> None:
        self.win.select_relation(r)
        self._after_selection()
        self.win.evidence.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_selection_changed(self, *_args) -> None:
        self.follow_selection()

    def follow_selection(self) -> None:
        """Make the table follow the map's selection: the selected relation's row, selected and
        scrolled into view; for a focused actor, its relations in bold and the first in view."""
        mv = self.win.map_view
        self.table.select_relation(mv.selected_edge)
        actor = None if mv.focused_node is None else self.map.actors[mv.focused_node].id
        self.table.emphasize_actor(actor)
        self._after_selection()

    def _after_selection(self) -> None:
        mv = self.win.map_view
        if self.visible is None:
            return
        hidden_edge = mv.selected_edge is not None and not self.visible.relations[mv.selected_edge]
        hidden_node = mv.focused_node is not None and not self.visible.actors[mv.focused_node]
        if self.kept or hidden_edge or hidden_node:  # something kept or to keep: redo the masks
            self.apply()

    def _on_map_view_item_focused(self, text: str) -> None:
        self.win.statusBar().showMessage(text)

    def _on_find_action_triggered(self) -> None:
        self.filter_dock.show()
        self.filter_dock.raise_()
        self.filter_panel.focus_search()

    # -- for tests and scripts -----------------------------------------------------------
    def visible_relations(self) -> np.ndarray:
        """Indices of the relations the map draws now (including a kept selection)."""
        mask = self.win.map_view.rel_visible
        return np.arange(len(self.map.relations)) if mask is None else np.flatnonzero(mask)
