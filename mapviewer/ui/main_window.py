"""The main window: the map in the centre, the evidence and the article beside it.

Widgets signal up to this window, which calls down into the others; handlers are named
``_on_<source>_<event>``.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QToolBar

from ..describe import describe_relation
from ..layout import map_positions
from ..model import Article, Evidence, RelationMap
from .article_view import ArticleView
from .evidence_panel import EvidencePanel
from .explore import Explorer
from .file_actions import FileActions
from .map_view import MapView
from .view_controls import ViewControls

__all__ = ["MainWindow"]

#: Default width of the evidence and article column (px): a readable line of text.
SIDE_COLUMN_WIDTH = 460


class MainWindow(QMainWindow):
    """Map | (evidence over article)."""

    def __init__(self, m: RelationMap, *, seed: int = 0, positions: np.ndarray | None = None):
        """``positions``: the actors' places when already computed (the start-up preview's)."""
        super().__init__()
        self.map = m
        self.map_view = MapView()
        self.evidence = EvidencePanel()
        self.article_view = ArticleView()

        right = self.side = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("side_splitter")
        right.addWidget(self.evidence)
        right.addWidget(self.article_view)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        right.setAccessibleName("Evidence and article")
        self.splitter.addWidget(self.map_view)
        self.splitter.addWidget(right)
        # the map takes most of what the window gains or loses
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDE_COLUMN_WIDTH * 2, SIDE_COLUMN_WIDTH])
        right.setSizes([300, 560])
        self.setCentralWidget(self.splitter)
        self._build_actions()

        self.map_view.edge_clicked.connect(self._on_map_view_edge_clicked)
        self.map_view.node_clicked.connect(self._on_map_view_node_clicked)
        self.map_view.background_clicked.connect(self._on_map_view_background_clicked)
        self.map_view.node_moved.connect(self._on_map_view_node_moved)
        self.evidence.quote_activated.connect(self._on_evidence_quote_activated)
        self.evidence.relation_activated.connect(self._on_evidence_relation_activated)

        self.seed = seed
        self._show_map(m, positions)
        self.resize(1600, 1000)
        # filters and search, relations table, reading-order replay (docks; logic in explore.py)
        self.explorer = Explorer(self)
        # File and Help menus, recent files, background extraction, drag and drop (file_actions.py)
        self.files = FileActions(self)
        # View menu: layouts (animated, computed off the GUI thread), zoom, theme, settings
        self.view_controls = ViewControls(self, seed=seed)

    def set_map(self, m: RelationMap) -> None:
        """Show ``m`` instead of the current map; the panels start over."""
        self._show_map(m)
        self.explorer.set_map(m)

    def _show_map(self, m: RelationMap, positions: np.ndarray | None = None) -> None:
        self.map = m
        a = m.article() if m.articles else None
        self.setWindowTitle(f"{a.title or a.id} — mapviewer" if a else "mapviewer")
        self.evidence.clear()
        self.article_view.show_article(a if a is not None else Article("", ""))
        self.map_view.set_map(m, map_positions(m, seed=self.seed) if positions is None else positions)
        self.statusBar().showMessage(
            f"{len(m.actors)} actors, {len(m.relations)} relations, "
            f"{sum(len(r.evidence) for r in m.relations)} quotes"
            + ("" if m.curated else " — extracted automatically, not curated")
        )

    def _build_actions(self) -> None:
        bar = QToolBar("View")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.fit_action = QAction("Fit to view", self)
        self.fit_action.setShortcuts([QKeySequence("F"), QKeySequence("Ctrl+0")])
        self.fit_action.setToolTip("Zoom to show the whole map (F)")
        self.fit_action.triggered.connect(self._on_fit_action_triggered)
        bar.addAction(self.fit_action)
        self.clear_action = QAction("Clear selection", self)
        self.clear_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.clear_action.triggered.connect(self._on_map_view_background_clicked)
        bar.addAction(self.clear_action)
        bar.setAccessibleName("View tool bar")
        for a in (self.fit_action, self.clear_action):
            btn = bar.widgetForAction(a)
            btn.setAccessibleName(a.text())
            btn.setAccessibleDescription("Shortcut: " + " or ".join(k.toString() for k in a.shortcuts()))
        self.statusBar().setAccessibleName("Status")

    # -- public (tests, scripts) ---------------------------------------------------------
    def select_relation(self, r: int) -> None:
        """Select relation ``r`` as a click on it would (the table follows)."""
        self._on_map_view_edge_clicked(r)
        explorer = getattr(self, "explorer", None)
        if explorer is not None:
            explorer.follow_selection()

    # -- handlers ------------------------------------------------------------------------
    def _on_fit_action_triggered(self) -> None:
        self.map_view.fit()

    def _on_map_view_edge_clicked(self, r: int) -> None:
        self.map_view.select_edge(r)
        self.evidence.show_relation(self.map, r)
        self.article_view.highlight(self.map.evidence_of(r))
        self.statusBar().showMessage(describe_relation(self.map, self.map.relations[r]))

    def _on_map_view_node_clicked(self, actor_id: str) -> None:
        self.map_view.focus_node(actor_id)
        self.evidence.show_actor(self.map, actor_id)
        self.article_view.clear_highlight()

    def _on_map_view_background_clicked(self) -> None:
        self.map_view.clear_selection()
        self.evidence.clear()
        self.article_view.clear_highlight()

    def _on_map_view_node_moved(self, actor_id: str) -> None:
        self.statusBar().showMessage(f"Moved {self.map.actor(actor_id).name}; it stays where you put it.")

    def _on_evidence_quote_activated(self, ev: Evidence) -> None:
        r = self.evidence.relation
        spans = self.map.evidence_of(r) if r is not None else [ev]
        self.article_view.highlight(spans, active=ev)

    def _on_evidence_relation_activated(self, r: int) -> None:
        self._on_map_view_edge_clicked(r)
