"""What the window remembers between runs: its geometry and the last layout (QSettings).

Settings live under the organization and application name "mapviewer" (on Linux
``~/.config/mapviewer/mapviewer.conf``). Tests point :func:`app_settings` at a file of
their own.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from ..arrange import DEFAULT_LAYOUT, LAYOUTS

__all__ = [
    "ORGANIZATION",
    "app_settings",
    "last_layout",
    "restore_geometry",
    "save_geometry",
    "save_layout",
]

ORGANIZATION = "mapviewer"
_GEOMETRY_KEY = "window/geometry"
_STATE_KEY = "window/state"
_LAYOUT_KEY = "view/layout"


def app_settings() -> QSettings:
    """The application's settings store."""
    return QSettings(ORGANIZATION, "mapviewer")


def last_layout() -> str:
    """The layout chosen last (the default one if none was, or if the stored value is unknown)."""
    value = app_settings().value(_LAYOUT_KEY, DEFAULT_LAYOUT)
    return value if isinstance(value, str) and value in LAYOUTS else DEFAULT_LAYOUT


def save_layout(kind: str) -> None:
    s = app_settings()
    s.setValue(_LAYOUT_KEY, kind)
    s.sync()


def save_geometry(win: QMainWindow) -> None:
    """Remember the window's size, place and tool bar / dock arrangement."""
    s = app_settings()
    s.setValue(_GEOMETRY_KEY, win.saveGeometry())
    s.setValue(_STATE_KEY, win.saveState())
    s.sync()


def restore_geometry(win: QMainWindow) -> bool:
    """Put the window back as it was; False when nothing (valid) was stored."""
    s = app_settings()
    geometry = s.value(_GEOMETRY_KEY)
    if not isinstance(geometry, QByteArray) or geometry.isEmpty():
        return False
    ok = win.restoreGeometry(geometry)
    state = s.value(_STATE_KEY)
    if isinstance(state, QByteArray) and not state.isEmpty():
        win.restoreState(state)
    return bool(ok)
