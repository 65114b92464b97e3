"""The map legend: valence colours and dashes, actor kinds, arrows and widths.

A small widget painted with QPainter, floating over the map's corner; it is a child of
the map view, so ``grab()`` and ``render()`` of the view include it. A click folds it to
a one-line "Legend" tab (and unfolds it), so it never has to hide part of the map.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from ..model import ACTOR_KINDS, VALENCES
from . import style

__all__ = ["Legend"]

_ROW = 15
_PAD = 6
_SAMPLE = 28
_POINT_SIZE = 8
#: Marker radius of the kind samples (px).
_MARKER_R = 5.0
_FOLDED_TEXT = "Legend \u25b8"


def _symbol_path(kind: str, r: float) -> QPainterPath:
    p = QPainterPath()
    sym = style.KIND_SYMBOLS.get(kind, "o")
    if sym == "o":
        p.addEllipse(QPointF(0, 0), r, r)
    elif sym == "s":
        p.addRect(QRectF(-r * 0.9, -r * 0.9, 1.8 * r, 1.8 * r))
    elif sym == "d":
        p.addPolygon(
            QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0), QPointF(0, -r)])
        )
    else:  # t1: triangle pointing up
        p.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8), QPointF(0, -r)]))
    return p


def _draw_glyph(p: QPainter, valence: str, c: QPointF) -> None:
    """The valence glyph of :mod:`mapviewer.glyphs` on a horizontal line at ``c``."""
    from ..glyphs import GLYPH_RADIUS_PX, GLYPHS, glyph_shape

    pen = QPen(QColor(style.VALENCE_COLOURS[valence]), 1.5)
    p.setPen(pen)
    for (ax, ay), (bx, by) in glyph_shape(GLYPHS[valence]) * GLYPH_RADIUS_PX:
        p.drawLine(QPointF(c.x() + ax, c.y() - ay), QPointF(c.x() + bx, c.y() - by))


class Legend(QWidget):
    """Key to the map's colours, dash patterns, shapes, arrows and line widths.

    A click folds it to a small "Legend" tab or unfolds it again (:attr:`folded_changed`).
    """

    #: Emitted with the new state after a click folds (True) or unfolds (False) the legend.
    folded_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._font = QFont()
        self._font.setPointSize(_POINT_SIZE)
        self._bold = QFont(self._font)
        self._bold.setBold(True)
        self._suggested = False
        self._rows = self._layout_rows()
        #: Big maps draw solid lines with a glyph per valence (see mapviewer.glyphs).
        self.glyphs = False
        self._folded = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName("Legend")
        self._update_tooltip()

    def _layout_rows(self) -> list[tuple[str, str, str]]:
        rows: list[tuple[str, str, str]] = [("head", "", "Relations")]
        rows += [("valence", v, v) for v in VALENCES]
        rows += [("arrow", "", "directed"), ("width", "", "wider: more quotes")]
        if self._suggested:
            rows += [("faint", "", "paler: suggested")]
        rows += [("head", "", "Actors")]
        rows += [("kind", k, style.KIND_LABELS[k]) for k in ACTOR_KINDS]
        rows += [("size", "", "larger: more mentions")]
        return rows

    def set_suggested(self, on: bool) -> None:
        """Explain pale lines (suggested relations) while the map has some."""
        if on != self._suggested:
            self._suggested = on
            self._rows = self._layout_rows()
            self.adjustSize()
            self.update()

    @property
    def rows(self) -> list[str]:
        """The legend's texts, top to bottom."""
        return [t for _, _, t in self._rows]

    # -- folding -------------------------------------------------------------------------
    @property
    def folded(self) -> bool:
        """True while only the small "Legend" tab shows."""
        return self._folded

    def set_folded(self, folded: bool) -> None:
        """Fold or unfold without emitting (the window restoring a remembered state)."""
        if folded == self._folded:
            return
        self._folded = folded
        self._update_tooltip()
        self.adjustSize()
        self.update()

    def _update_tooltip(self) -> None:
        self.setToolTip("Click to show the legend" if self._folded else "Click to fold the legend away")

    # -- Qt overrides --------------------------------------------------------------------
    def mousePressEvent(self, ev):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        self.set_folded(not self._folded)
        self.folded_changed.emit(self._folded)

    def sizeHint(self) -> QSize:
        if self._folded:
            fm = QFontMetricsF(self._bold)
            return QSize(int(fm.horizontalAdvance(_FOLDED_TEXT) + 2 * _PAD + 2), _ROW + _PAD)
        fm = QFontMetricsF(self._font)
        w = max(fm.horizontalAdvance(t) for _, _, t in self._rows) + _SAMPLE + 3 * _PAD
        return QSize(int(w), _ROW * len(self._rows) + 2 * _PAD)

    def paintEvent(self, _ev):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(style.LEGEND_BORDER), 1))
        p.setBrush(QColor(style.LEGEND_BACKGROUND))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        if self._folded:
            p.setFont(self._bold)
            p.setPen(QColor(style.LEGEND_INK))
            p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, _FOLDED_TEXT)
            p.end()
            return
        y = _PAD + _ROW / 2
        x0, x1, tx = _PAD, _PAD + _SAMPLE, _PAD * 2 + _SAMPLE
        for what, key, text in self._rows:
            p.setFont(self._bold if what == "head" else self._font)
            if what == "valence" and self.glyphs:
                pen = style.edge_pen(key, 1.0)
                pen.setStyle(Qt.PenStyle.SolidLine)
                p.setPen(pen)
                p.drawLine(QPointF(x0, y), QPointF(x1, y))
                _draw_glyph(p, key, QPointF((x0 + x1) / 2, y))
            elif what == "valence":
                p.setPen(style.edge_pen(key, 2.6))
                p.drawLine(QPointF(x0, y), QPointF(x1, y))
            elif what == "faint":
                p.setPen(style.edge_pen("cooperative", 2.6, alpha=style.SUGGESTED_ALPHA))
                p.drawLine(QPointF(x0, y), QPointF(x1, y))
            elif what == "arrow":
                p.setPen(QPen(QColor(style.LEGEND_INK), 1.7))
                p.drawLine(QPointF(x0, y), QPointF(x1 - 7, y))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(style.LEGEND_INK))
                p.drawPolygon(QPolygonF([QPointF(x1, y), QPointF(x1 - 9, y - 4), QPointF(x1 - 9, y + 4)]))
            elif what == "width":
                for k, w in enumerate((1.7, 3.0, 4.5)):
                    p.setPen(QPen(QColor(style.LEGEND_INK), w))
                    xa = x0 + k * (_SAMPLE / 3)
                    p.drawLine(QPointF(xa, y), QPointF(xa + _SAMPLE / 3 - 3, y))
            elif what == "kind":
                p.save()
                p.translate(x0 + _SAMPLE / 2, y)
                p.setPen(style.node_pen())
                p.setBrush(style.kind_brush(key))
                p.drawPath(_symbol_path(key, _MARKER_R))
                p.restore()
            elif what == "size":
                p.setPen(style.node_pen())
                p.setBrush(QColor("#DDDDDD"))
                p.drawEllipse(QPointF(x0 + 5, y), 3, 3)
                p.drawEllipse(QPointF(x0 + 19, y), 6, 6)
            p.setPen(QColor(style.LEGEND_INK))
            tx_here = x0 if what == "head" else tx
            p.drawText(
                QRectF(tx_here, y - _ROW / 2, self.width() - tx_here, _ROW),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            y += _ROW
        p.end()
