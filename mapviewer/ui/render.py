"""Render a map with its legend to PNG or SVG, without a display (``mapviewer export X -o out.svg``).

:func:`render_png` and :func:`render_svg` draw the default view of a map; the window exports
what it shows with :func:`save_widget_png` and :func:`save_widget_svg` on its own map view.
SVG goes through QtSvg's ``QSvgGenerator`` and ``QWidget.render``: pyqtgraph's own SVG
exporter is broken with PySide6 6.11+.
"""

from __future__ import annotations

import html
import os
import re
import sys
from contextlib import contextmanager
from pathlib import Path

from ..model import RelationMap

__all__ = ["render_png", "render_svg", "render_widget", "save_widget_png", "save_widget_svg"]


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


@contextmanager
def _rendered(m: RelationMap, size: tuple[int, int]):
    """The map drawn offscreen in a widget that is closed afterwards."""
    w = render_widget(m, size)
    try:
        yield w
    finally:
        w.close()
        w.deleteLater()


def render_png(m: RelationMap, path: str | os.PathLike, size: tuple[int, int] = (1600, 1000)) -> None:
    """Write ``m`` drawn at ``size`` pixels to the PNG file ``path``.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    with _rendered(m, size) as w:
        save_widget_png(w, path)


def render_svg(m: RelationMap, path: str | os.PathLike, size: tuple[int, int] = (1600, 1000)) -> None:
    """Write ``m`` drawn at ``size`` (pixels, the SVG's user units) to the SVG file ``path``.

    Lines, markers and the legend are vector paths; names are ``<text>`` elements.

    Raises
    ------
    OSError
        If the file cannot be written.
    """
    a = m.article() if m.articles else None
    with _rendered(m, size) as w:
        save_widget_svg(w, path, title=(a.title or a.id) if a else "mapviewer map")


def save_widget_png(widget, path: str | os.PathLike) -> None:
    """Write ``widget`` (with its children, e.g. the legend) as drawn now to the PNG ``path``."""
    if not widget.grab().save(str(Path(path)), "PNG"):
        raise OSError(f"cannot write {path}")


def save_widget_svg(widget, path: str | os.PathLike, *, title: str = "") -> None:
    """Write ``widget`` (with its children) as drawn now to the SVG file ``path``, atomically.

    pyqtgraph items are put in export mode for the duration, so markers are drawn as paths
    rather than cached pixmaps, and graphics views drop their cached background pixmap.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator
    from PySide6.QtWidgets import QGraphicsView, QWidget

    from ..export._files import write_atomic

    size = widget.size()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(size)
    gen.setViewBox(QRect(0, 0, size.width(), size.height()))
    gen.setTitle(title or "mapviewer map")
    gen.setDescription("Drawn by mapviewer")
    views = [widget] if isinstance(widget, QGraphicsView) else []
    views += widget.findChildren(QGraphicsView)
    cache = [(v, v.cacheMode()) for v in views]
    items = [i for v in views if v.scene() for i in v.scene().items() if hasattr(i, "setExportMode")]
    painter = QPainter(gen)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for v, _ in cache:
            v.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
            v.resetCachedContent()
        for i in items:
            i.setExportMode(True, {"antialias": True, "painter": painter})
        # QWidget's render (widget and children), not QGraphicsView's scene-only overload
        QWidget.render(widget, painter, QPoint(0, 0))
    finally:
        painter.end()
        for i in items:
            i.setExportMode(False)
        for v, mode in cache:
            v.setCacheMode(mode)
        buf.close()
    if not data.size():
        raise OSError(f"cannot draw the SVG for {path}")
    # empty paths (e.g. no arrowheads of some colour) are valid but make SVG readers warn
    svg = re.sub(rb'<path[^>]*\sd=""\s*/>\n?', b"", bytes(data))
    # the size in pixels, as drawn (Qt writes millimetres at its own resolution)
    svg = re.sub(
        rb'<svg width="[^"]*" height="[^"]*"',
        f'<svg width="{size.width()}px" height="{size.height()}px"'.encode(),
        svg,
        count=1,
    )
    write_atomic(Path(path), lambda fh: fh.write(svg))
