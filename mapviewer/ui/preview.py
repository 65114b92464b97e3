"""A static first frame of the map, painted with QPainter while the interactive view loads.

pyqtgraph takes ~250 ms to import, more than the rest of start-up together. The window
therefore first shows this preview: the same layout, colours, dash patterns and labels
drawn from the same :class:`~mapviewer.geometry.SceneArrays`, next to the article. The
interactive main window replaces it on the next turn of the event loop.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QSplitter, QWidget

from .. import geometry as geo
from ..model import RelationMap
from . import style

__all__ = ["MapPreview", "PreviewWindow"]

#: Room around the drawing, in pixels: labels hang up to ~110 px to either side of a node.
_MARGIN_X, _MARGIN_Y = 110.0, 45.0


class MapPreview(QWidget):
    """Paints a map from its scene arrays; no interaction. ``painted`` follows each paint."""

    painted = Signal()

    def __init__(self, m: RelationMap, positions: np.ndarray, parent: QWidget | None = None):
        super().__init__(parent)
        self.map = m
        self.positions = np.asarray(positions, dtype=np.float64)
        self.arrays = geo.build_scene(m, positions)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, QColor(style.BACKGROUND))
        self.setPalette(pal)

    def _transform(self) -> tuple[float, float, float, float]:
        xy = self.arrays.xy.astype(np.float64)
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        span = np.maximum(hi - lo, 1e-9)
        w, h = max(self.width() - 2 * _MARGIN_X, 10), max(self.height() - 2 * _MARGIN_Y, 10)
        s = min(w / span[0], h / span[1])
        # centre the drawing; y grows upwards in data, downwards on screen
        ox = _MARGIN_X + (w - s * span[0]) / 2 - s * lo[0]
        oy = _MARGIN_Y + (h - s * span[1]) / 2 + s * hi[1]
        return s, ox, oy, -s

    def paintEvent(self, event) -> None:
        a = self.arrays
        if not a.n_nodes:
            return
        sx, ox, oy, sy = self._transform()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        seg_a = a.seg_a.astype(np.float64) * (sx, sy) + (ox, oy)
        seg_b = a.seg_b.astype(np.float64) * (sx, sy) + (ox, oy)
        valences = [r.valence for r in self.map.relations]
        for r, v in enumerate(valences):
            p.setPen(style.edge_pen(v, float(a.rel_width_px[r])))
            path = QPainterPath()
            segs = np.flatnonzero(a.seg_rel == r)
            path.moveTo(*seg_a[segs[0]])
            for s in segs:
                path.lineTo(*seg_b[s])
            p.drawPath(path)
            if a.rel_directed[r]:
                self._arrow(p, seg_a[segs[-1]], seg_b[segs[-1]], float(a.size_px[a.rel_dst[r]]) / 2, v)
        xy = a.xy.astype(np.float64) * (sx, sy) + (ox, oy)
        font = QFont()
        font.setPointSize(10)
        p.setFont(font)
        for i, actor in enumerate(self.map.actors):
            x, y = xy[i]
            r = float(a.size_px[i]) / 2
            p.setPen(style.node_pen())
            p.setBrush(style.kind_brush(actor.kind))
            _marker(p, actor.kind, x, y, r)
            p.setPen(QColor("#222222"))
            p.drawText(QRectF(x - 120, y + r + 2, 240, 20), Qt.AlignmentFlag.AlignHCenter, actor.name)
        p.end()
        self.painted.emit()

    @staticmethod
    def _arrow(p: QPainter, a: np.ndarray, b: np.ndarray, back: float, valence: str) -> None:
        d = b - a
        n = math.hypot(*d)
        if n < 1e-6:
            return
        u = d / n
        tip = b - u * back
        size = 11.0
        left = tip - u * size + np.array([-u[1], u[0]]) * size * 0.45
        right = tip - u * size - np.array([-u[1], u[0]]) * size * 0.45
        path = QPainterPath(QPointF(*tip))
        path.lineTo(QPointF(*left))
        path.lineTo(QPointF(*right))
        path.closeSubpath()
        p.fillPath(path, QBrush(QColor(style.VALENCE_COLOURS.get(valence, style.VALENCE_COLOURS["neutral"]))))


def _marker(p: QPainter, kind: str, x: float, y: float, r: float) -> None:
    if kind == "organization":
        p.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif kind in ("group", "region"):
        pts = (
            [(x, y - r), (x + r * 0.9, y + r * 0.6), (x - r * 0.9, y + r * 0.6)]
            if kind == "group"
            else [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        )
        path = QPainterPath(QPointF(*pts[0]))
        for q in pts[1:]:
            path.lineTo(QPointF(*q))
        path.closeSubpath()
        p.drawPath(path)
    else:
        p.drawEllipse(QPointF(x, y), r, r)


class PreviewWindow(QMainWindow):
    """The map preview beside the article text, shaped like the main window."""

    def __init__(self, m: RelationMap, positions: np.ndarray):
        super().__init__()
        a = m.article() if m.articles else None
        self.setWindowTitle(f"{a.title or a.id} — mapviewer" if a else "mapviewer")
        self.preview = MapPreview(m, positions)
        text = QPlainTextEdit(a.text if a else "")
        text.setReadOnly(True)
        font = text.font()
        font.setPointSize(11)
        text.setFont(font)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.preview)
        split.addWidget(text)
        split.setSizes([960, 640])
        self.setCentralWidget(split)
        self.statusBar().showMessage("Loading the interactive map…")
        self.resize(1600, 1000)
