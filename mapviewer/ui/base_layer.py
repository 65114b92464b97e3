"""The map's static base layer: every relation line, arrowhead and valence glyph, painted
once into an image per view transform and blitted on every other repaint.

Why: at 2,000 actors / 20,000 relations, stroking the lines is most of a repaint
(60-90 ms dashed, ~16 ms solid and aliased), while selection, hover, search rings and
labels repaint the map many times without moving a line. A cached image turns those
repaints into one blit (~1 ms). When the view is panned or zoomed, a layer whose last
render was slow draws its old image moved and scaled at once and renders afresh when the
view has been still for :data:`RERENDER_DELAY_MS`; a fast one (small maps) re-renders at once.

Vector targets (SVG, PDF, printing) get the paths drawn directly, never the image.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QImage, QPaintEngine, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsObject

__all__ = ["RERENDER_DELAY_MS", "BaseLayer"]

#: Idle time after a pan or zoom before a slow layer is rendered afresh.
RERENDER_DELAY_MS = 120
#: A render slower than this defers the next ones while the view moves.
SLOW_RENDER_S = 0.012


class BaseLayer(QGraphicsObject):
    """Stroked and filled paths (in data coordinates) behind the nodes, cached as an image."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._strokes: list[tuple[QPen, QPainterPath]] = []
        self._decorations: list[tuple[QPen, QPainterPath]] = []
        self._fills: list[tuple[QBrush, QPainterPath]] = []
        self._xy = np.zeros((0, 2))
        self._bounds = QRectF()
        self.antialias = True
        self._image: QImage | None = None
        self._key: tuple | None = None
        self._transform = QTransform()
        self._dirty = True
        #: Seconds the last full render took (read by the benchmark).
        self.last_render_s = 0.0
        #: Full renders so far (tests check that a static repaint does not render).
        self.renders = 0
        self._idle = QTimer(self, singleShot=True, interval=RERENDER_DELAY_MS)
        self._idle.timeout.connect(self._on_idle_timeout)
        self.setZValue(1)

    # -- data ----------------------------------------------------------------------------
    def set_strokes(self, strokes: list[tuple[QPen, QPainterPath]], xy: np.ndarray | None = None) -> None:
        """Lines: one (cosmetic pen, path) per group; ``xy`` their points, for :meth:`getData`."""
        self._strokes = strokes
        self._xy = np.zeros((0, 2)) if xy is None else xy
        self._changed()

    def set_decorations(
        self, fills: list[tuple[QBrush, QPainterPath]], strokes: list[tuple[QPen, QPainterPath]] = ()
    ) -> None:
        """Pixel-sized shapes, rebuilt on zoom: filled (arrowheads) and stroked (glyphs)."""
        self._fills = list(fills)
        self._decorations = list(strokes)
        self._changed()

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        """x and y of the lines' points, as ``PlotCurveItem.getData`` (tests read them back)."""
        return self._xy[:, 0], self._xy[:, 1]

    def invalidate(self) -> None:
        """Render afresh at the next paint (after a pen or colour change)."""
        self._changed()

    def _changed(self) -> None:
        r = QRectF()
        for _, path in (*self._strokes, *self._fills, *self._decorations):
            if not path.isEmpty():
                r = r.united(path.boundingRect())
        if r != self._bounds:
            self.prepareGeometryChange()
            # cosmetic pens reach a few pixels past the path: a little room on every side
            pad = 0.02 * max(r.width(), r.height(), 1e-9)
            self._bounds = r.adjusted(-pad, -pad, pad, pad)
        self._dirty = True
        self.update()

    # -- Qt overrides --------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, p: QPainter, _option, _widget=None) -> None:
        dev = p.device()
        engine = p.paintEngine()
        if dev is None or engine is None or engine.type() != QPaintEngine.Type.Raster:
            self.draw(p)  # SVG, PDF, print: vectors, not a picture of them
            return
        t = p.worldTransform()
        dpr = float(dev.devicePixelRatioF())
        key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), dev.width(), dev.height(), dpr)
        if self._dirty or self._image is None or self._image.size() != _image_size(dev, dpr):
            self._render(dev, t, dpr, key)
        elif key != self._key:
            if self.last_render_s > SLOW_RENDER_S:
                # moving: show the last picture moved along, render when the view is still
                rel = self._transform.inverted()[0] * t
                p.save()
                p.setTransform(rel)
                p.drawImage(QPointF(0, 0), self._image)
                p.restore()
                self._idle.start()
                return
            self._render(dev, t, dpr, key)
        p.save()
        p.resetTransform()
        p.drawImage(QPointF(0, 0), self._image)
        p.restore()

    # -- drawing -------------------------------------------------------------------------
    def draw(self, p: QPainter) -> None:
        """Draw the paths with ``p`` (its transform maps data coordinates to the device)."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, self.antialias)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in (*self._strokes, *self._decorations):
            p.setPen(pen)
            p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        for brush, path in self._fills:
            p.setBrush(brush)
            p.drawPath(path)

    def _render(self, dev, t: QTransform, dpr: float, key: tuple) -> None:
        t0 = time.perf_counter()
        size = _image_size(dev, dpr)
        if self._image is None or self._image.size() != size:
            self._image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            self._image.setDevicePixelRatio(dpr)
        self._image.fill(Qt.GlobalColor.transparent)
        ip = QPainter(self._image)
        ip.setTransform(t)
        self.draw(ip)
        ip.end()
        self._key, self._transform, self._dirty = key, QTransform(t), False
        self.renders += 1
        self.last_render_s = time.perf_counter() - t0

    def _on_idle_timeout(self) -> None:
        self._dirty = True
        self.update()


def _image_size(dev, dpr: float):
    return QSize(max(1, round(dev.width() * dpr)), max(1, round(dev.height() * dpr)))
