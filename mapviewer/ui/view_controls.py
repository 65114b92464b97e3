"""The window's View menu and layout tool bar: layouts, zoom, theme and remembered settings.

:class:`ViewControls` is created by the main window after its map view has a map (as
:class:`~mapviewer.ui.explore.Explorer` is); it owns the :class:`LayoutRunner`, the
:class:`ThemeWatcher` and the window's settings (geometry, panels, legend, the last layout).
The View menu also lists the panels (docks, tool bars, the evidence and article column),
so a closed one can be brought back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QMenu, QToolBar

from ..arrange import LAYOUTS
from . import settings
from .layout_runner import LayoutRunner
from .theme import ThemeWatcher

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["ZOOM_STEP", "ViewControls"]

#: Zoom factor of one Ctrl+= / Ctrl+- press.
ZOOM_STEP = 1.25
_LAYOUT_SHORTCUTS = {"force": "Ctrl+1", "circular": "Ctrl+2", "geographic": "Ctrl+3"}


class ViewControls(QObject):
    """Layout switching (menu, tool bar combo), zoom shortcuts, theme and settings."""

    def __init__(self, win: MainWindow, *, seed: int = 0):
        super().__init__(win)
        self.win = win
        view = win.map_view
        self.runner = LayoutRunner(view, kind=settings.last_layout(), seed=seed)
        self._build()
        self.runner.started.connect(self._on_runner_started)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self._sync_widgets(self.runner.kind)
        self.theme = ThemeWatcher(win, self._on_theme_changed)
        self._name_toolbars()
        settings.restore_geometry(win)
        self._add_panel_actions()
        view.set_legend_folded(settings.legend_folded())
        self.legend_action.setChecked(not view.legend.folded)
        view.legend.folded_changed.connect(self._on_legend_folded_changed)
        win.installEventFilter(self)

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        win = self.win
        self.layout_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for kind, name in LAYOUTS.items():
            a = QAction(name, self, checkable=True)
            a.setShortcut(QKeySequence(_LAYOUT_SHORTCUTS[kind]))
            a.setToolTip(f"{name} layout ({_LAYOUT_SHORTCUTS[kind]})")
            a.triggered.connect(lambda _checked=False, k=kind: self._on_layout_chosen(k))
            group.addAction(a)
            self.layout_actions[kind] = a
        self.unpin_action = QAction("Unpin all (this layout)", self)
        self.unpin_action.setToolTip("Let the layout place the actors you dragged, too")
        self.unpin_action.triggered.connect(self._on_unpin_action_triggered)
        self.zoom_in_action = QAction("Zoom in", self)
        self.zoom_in_action.setShortcuts(
            _unique(
                [
                    QKeySequence("Ctrl+="),
                    QKeySequence("Ctrl++"),
                    QKeySequence(QKeySequence.StandardKey.ZoomIn),
                ]
            )
        )
        self.zoom_in_action.triggered.connect(self._on_zoom_in_action_triggered)
        self.zoom_out_action = QAction("Zoom out", self)
        self.zoom_out_action.setShortcuts(
            _unique([QKeySequence("Ctrl+-"), QKeySequence(QKeySequence.StandardKey.ZoomOut)])
        )
        self.zoom_out_action.triggered.connect(self._on_zoom_out_action_triggered)
        for a in (self.zoom_in_action, self.zoom_out_action):
            win.addAction(a)  # the shortcuts work wherever the focus is in the window

        menu = self.menu = _menu_named(win, "View", before="Help")
        layouts = menu.addMenu("&Layout")
        for a in self.layout_actions.values():
            layouts.addAction(a)
        layouts.addSeparator()
        layouts.addAction(self.unpin_action)
        menu.addSeparator()
        menu.addAction(self.zoom_in_action)
        menu.addAction(self.zoom_out_action)
        fit = getattr(win, "fit_action", None)
        if fit is not None:
            menu.addAction(fit)

        bar = self.toolbar = QToolBar("Layout")
        bar.setObjectName("layout_toolbar")
        bar.setMovable(False)
        bar.setAccessibleName("Layout tool bar")
        label = QLabel(" &Layout: ")
        bar.addWidget(label)
        self.combo = QComboBox()
        self.combo.setAccessibleName("Layout")
        self.combo.setAccessibleDescription("How the actors are arranged on the map")
        label.setBuddy(self.combo)
        for kind, name in LAYOUTS.items():
            self.combo.addItem(name, kind)
        self.combo.activated.connect(self._on_combo_activated)
        bar.addWidget(self.combo)
        win.addToolBar(bar)

    def _add_panel_actions(self) -> None:
        """Show/hide actions for the legend, the side column, every dock and tool bar."""
        win, menu = self.win, self.menu
        menu.addSeparator()
        self.legend_action = QAction("Legend", self, checkable=True, checked=True)
        self.legend_action.setToolTip("Show the legend over the map (a click on it folds it, too)")
        self.legend_action.toggled.connect(self._on_legend_action_toggled)
        menu.addAction(self.legend_action)
        side = getattr(win, "side", None)
        self.side_action: QAction | None = None
        if side is not None:
            self.side_action = QAction("Evidence and article", self, checkable=True)
            self.side_action.setChecked(not side.isHidden())
            self.side_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
            self.side_action.toggled.connect(self._on_side_action_toggled)
            menu.addAction(self.side_action)
        self.panel_actions: list[QAction] = []
        for dock in win.findChildren(QDockWidget):
            self.panel_actions.append(dock.toggleViewAction())
        for bar in win.findChildren(QToolBar):
            a = bar.toggleViewAction()
            a.setText(f"{bar.windowTitle()} tool bar")
            self.panel_actions.append(a)
        for a in self.panel_actions:
            menu.addAction(a)

    def _name_toolbars(self) -> None:
        # saveState/restoreState find tool bars by name
        for bar in self.win.findChildren(QToolBar):
            if not bar.objectName():
                bar.setObjectName(f"toolbar_{bar.windowTitle().lower().replace(' ', '_')}")

    def _sync_widgets(self, kind: str) -> None:
        self.layout_actions[kind].setChecked(True)
        self.combo.setCurrentIndex(list(LAYOUTS).index(kind))

    # -- public (tests, scripts) ---------------------------------------------------------
    def set_layout(self, kind: str) -> int:
        """Switch to layout ``kind`` as the menu does; the request's serial number."""
        return self._on_layout_chosen(kind)

    # -- handlers ------------------------------------------------------------------------
    def _on_layout_chosen(self, kind: str) -> int:
        self._sync_widgets(kind)
        settings.save_layout(kind)
        return self.runner.request(kind)

    def _on_combo_activated(self, index: int) -> None:
        self._on_layout_chosen(self.combo.itemData(index))

    def _on_unpin_action_triggered(self) -> None:
        self.runner.unpin_all()

    def _on_zoom_in_action_triggered(self) -> None:
        self.win.map_view.zoom(ZOOM_STEP)

    def _on_zoom_out_action_triggered(self) -> None:
        self.win.map_view.zoom(1 / ZOOM_STEP)

    def _on_runner_started(self, kind: str) -> None:
        self.win.statusBar().showMessage(f"Laying out the map ({LAYOUTS[kind].lower()})…")

    def _on_runner_finished(self, kind: str) -> None:
        self._sync_widgets(kind)
        pins = len(self.runner.pins.get(kind, {}))
        note = f"; {pins} dragged actor{'s' * (pins != 1)} kept in place" if pins else ""
        self.win.statusBar().showMessage(f"{LAYOUTS[kind]} layout{note}", 4000)

    def _on_runner_failed(self, message: str) -> None:
        self.win.statusBar().showMessage(message)

    def _on_legend_action_toggled(self, shown: bool) -> None:
        if self.win.map_view.legend.folded == shown:
            self.win.map_view.set_legend_folded(not shown)
            settings.save_legend_folded(not shown)

    def _on_legend_folded_changed(self, folded: bool) -> None:
        self.legend_action.setChecked(not folded)
        settings.save_legend_folded(folded)

    def _on_side_action_toggled(self, shown: bool) -> None:
        self.win.side.setVisible(shown)

    def _on_theme_changed(self) -> None:
        self.win.map_view.restyle()
        self.runner.restyle()

    # -- Qt overrides --------------------------------------------------------------------
    def eventFilter(self, obj, ev):
        if obj is self.win and ev.type() == QEvent.Type.Close:
            self._name_toolbars()
            settings.save_geometry(self.win)
        return False


def _menu_named(win, title: str, *, before: str) -> QMenu:
    """The window's menu ``title`` (shared with the other helpers that add to it), created
    before the menu ``before`` (or last) when missing."""
    mb = win.menuBar()
    bare = {a.text().replace("&", ""): a for a in mb.actions() if a.menu() is not None}
    if title in bare:
        return bare[title].menu()
    menu = QMenu(f"&{title}", win)
    if before in bare:
        mb.insertMenu(bare[before], menu)
    else:
        mb.addMenu(menu)
    return menu


def _unique(keys: list[QKeySequence]) -> list[QKeySequence]:
    """``keys`` without repeats (a platform's standard key may equal one listed)."""
    out: list[QKeySequence] = []
    for k in keys:
        if not k.isEmpty() and k not in out:
            out.append(k)
    return out
