"""Render a map with its legend to a PNG, without a display (``mapviewer export X -o out.png``)."""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

from ..model import RelationMap

__all__ = ["render_png", "render_widget"]


def _app():
    if (
        "PySide6.QtWidgets" not in sys.modules
        or sys.modules["PySide6.QtWidgets"].QApplication.instance() is None
    ):
        if (
            sys.platform.startswith("linux")
            and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def render_widget(m: RelationMap, size: tuple[int, int] = (1600, 1000)):
    """A laid-out, never-shown widget with the map's title, the map and its legend."""
    app = _app()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from ..layout import map_positions
    from .map_view import MapView

    w = QWidget()
    w.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    w.setStyleSheet("background: white")
    lay = QVBoxLayout(w)
    lay.setContentsMargins(0, 0, 0, 0)
    title = QLabel()
    if m.articles:
        a = m.article()
        meta = " · ".join(x for x in (a.source, a.published) if x)
        title.setText(
            f"<b style='font-size:14pt'>{html.escape(a.title or a.id)}</b>"
            + (f"&nbsp;&nbsp;<span style='color:#555'>{html.escape(meta)}</span>" if meta else "")
        )
    title.setContentsMargins(12, 8, 12, 4)
    view = MapView()
    lay.addWidget(title)
    lay.addWidget(view, 1)
    w.resize(*size)
    w.show()
    app.processEvents()
    view.set_map(m, map_positions(m))
    app.processEvents()
    view.fit()
    app.processEvents()
    view._update_view_dependent()  # labels and arrowheads now, not after their timer
    return w


def render_png(m: RelationMap, path: str | os.PathLike, size: tuple[int, int] = (1600, 1000)) -> None:
    """Write ``m`` drawn at ``size`` pixels to the PNG file ``path``.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    w = render_widget(m, size)
    try:
        if not w.grab().save(str(Path(path)), "PNG"):
            raise OSError(f"cannot write {path}")
    finally:
        w.close()
        w.deleteLater()
