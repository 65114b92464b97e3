"""Light and dark map colours that follow the system palette.

The scheme is chosen from the lightness of the palette's window colour (a dark desktop
theme gives a dark map) and chosen again whenever the palette changes
(``QEvent.PaletteChange`` / ``ApplicationPaletteChange``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from . import style

__all__ = ["ThemeWatcher", "is_dark", "scheme_for"]


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is dark (HSL lightness below half)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def scheme_for(palette: QPalette) -> str:
    return "dark" if is_dark(palette) else "light"


class ThemeWatcher(QObject):
    """Applies the scheme of ``widget``'s palette now and on every palette change.

    ``on_change`` is called after :func:`style.use_scheme` whenever the scheme changes
    (it redraws what the style colours).
    """

    def __init__(self, widget: QWidget, on_change: Callable[[], None]):
        super().__init__(widget)
        self.widget = widget
        self._on_change = on_change
        #: The scheme this watcher's widgets were last drawn with (built with the active one).
        self._applied = style.scheme()
        widget.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        app = QApplication.instance()
        palette = app.palette() if isinstance(app, QApplication) else self.widget.palette()
        name = scheme_for(palette)
        if name != style.scheme():
            style.use_scheme(name)
        if name != self._applied:  # per watcher: another window may have switched the style first
            self._applied = name
            self._on_change()

    def eventFilter(self, obj, ev):
        if obj is self.widget and ev.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
        ):
            self.apply()
        return False
