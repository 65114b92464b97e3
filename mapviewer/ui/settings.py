"""What the window remembers between runs (QSettings): its geometry, the arrangement of its
docks, tool bars and splitters, whether the legend is folded, and the last layout.

Settings live under the organization and application name "mapviewer" (on Linux
``~/.config/mapviewer/mapviewer.conf``). Tests point :func:`app_settings` at a file of
their own.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from ..arrange import DEFAULT_LAYOUT, LAYOUTS

__all__ = [
    "ORGANIZATION",
    "STATE_VERSION",
    "app_settings",
    "last_layout",
    "legend_folded",
    "restore_geometry",
    "save_geometry",
    "save_layout",
    "save_legend_folded",
]

ORGANIZATION = "mapviewer"
_GEOMETRY_KEY = "window/geometry"
_STATE_KEY = "window/state"
_SPLITTER_KEY = "window/splitters/"
_LAYOUT_KEY = "view/layout"
_LEGEND_KEY = "view/legend_folded"
#: Version of the dock arrangement: an arrangement stored by a version with other default
#: panel sizes (a cramped map) is dropped for the new defaults.
STATE_VERSION = 2


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


def legend_folded() -> bool:
    """True when the map's legend was folded away last."""
    value = app_settings().value(_LEGEND_KEY, False)
    return value is True or (isinstance(value, str) and value.lower() == "true")


def save_legend_folded(folded: bool) -> None:
    s = app_settings()
    s.setValue(_LEGEND_KEY, bool(folded))
    s.sync()


def _splitters(win: QMainWindow) -> list[QSplitter]:
    return [sp for sp in win.findChildren(QSplitter) if sp.objectName()]


def save_geometry(win: QMainWindow) -> None:
    """Remember the window's size, place, tool bar / dock arrangement and its named splitters."""
    s = app_settings()
    s.setValue(_GEOMETRY_KEY, win.saveGeometry())
    s.setValue(_STATE_KEY, win.saveState(STATE_VERSION))
    for sp in _splitters(win):
        s.setValue(_SPLITTER_KEY + sp.objectName(), sp.saveState())
    s.sync()


def restore_geometry(win: QMainWindow, *, state: bool = True) -> bool:
    """Put the window back as it was (its docks too unless ``state`` is False); False when
    nothing (valid) was stored."""
    s = app_settings()
    geometry = s.value(_GEOMETRY_KEY)
    if not isinstance(geometry, QByteArray) or geometry.isEmpty():
        return False
    ok = win.restoreGeometry(geometry)
    if not state:
        return bool(ok)
    stored = s.value(_STATE_KEY)
    if isinstance(stored, QByteArray) and not stored.isEmpty():
        win.restoreState(stored, STATE_VERSION)  # False (defaults kept) for another version
    for sp in _splitters(win):
        value = s.value(_SPLITTER_KEY + sp.objectName())
        if isinstance(value, QByteArray) and not value.isEmpty():
            sp.restoreState(value)
    return bool(ok)
