"""Colours, pens and marker shapes of the map, in one place.

Valence colours are from the Okabe-Ito palette (safe for the common colour-vision
deficiencies), and each valence also has its own dash pattern, so the map reads in
grey-scale print too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

__all__ = [
    "BACKGROUND",
    "DIM_ALPHA",
    "KIND_COLOURS",
    "KIND_LABELS",
    "KIND_SYMBOLS",
    "SELECTION_COLOUR",
    "VALENCE_COLOURS",
    "VALENCE_DASHES",
    "edge_pen",
    "kind_brush",
    "node_pen",
]

# Okabe & Ito (2008), "Color Universal Design".
VALENCE_COLOURS: dict[str, str] = {
    "cooperative": "#0072B2",  # blue
    "hostile": "#D55E00",  # vermillion
    "mixed": "#CC79A7",  # reddish purple
    "neutral": "#6E6E6E",  # grey
}

#: Dash pattern per valence, in pen-width units (None = solid). The second, colour-free cue.
VALENCE_DASHES: dict[str, list[float] | None] = {
    "cooperative": None,
    "hostile": [5.0, 2.5],
    "mixed": [5.0, 2.0, 1.0, 2.0],
    "neutral": [1.0, 2.0],
}

#: pyqtgraph symbol per actor kind: the shape is the cue, the fill repeats it.
KIND_SYMBOLS: dict[str, str] = {"country": "o", "organization": "s", "group": "t1", "region": "d"}
KIND_COLOURS: dict[str, str] = {
    "country": "#56B4E9",  # sky blue
    "organization": "#F0E442",  # yellow
    "group": "#E69F00",  # orange
    "region": "#B8B8B8",  # light grey
}
KIND_LABELS: dict[str, str] = {
    "country": "country",
    "organization": "organization",
    "group": "armed / political group",
    "region": "region",
}

BACKGROUND = "#FFFFFF"
SELECTION_COLOUR = "#F0E442"  # yellow halo under the selected edge
NODE_OUTLINE = "#222222"
#: Opacity of what is not part of the current focus.
DIM_ALPHA = 0.15


def edge_pen(valence: str, width: float, *, alpha: float = 1.0) -> QPen:
    """The cosmetic pen of an edge: colour and dash pattern by valence."""
    c = QColor(VALENCE_COLOURS.get(valence, VALENCE_COLOURS["neutral"]))
    c.setAlphaF(alpha)
    pen = QPen(c, width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    dashes = VALENCE_DASHES.get(valence)
    if dashes:
        pen.setDashPattern(dashes)
    return pen


def kind_brush(kind: str, *, alpha: float = 1.0) -> QBrush:
    c = QColor(KIND_COLOURS.get(kind, KIND_COLOURS["region"]))
    c.setAlphaF(alpha)
    return QBrush(c)


def node_pen(*, alpha: float = 1.0, width: float = 1.2) -> QPen:
    c = QColor(NODE_OUTLINE)
    c.setAlphaF(alpha)
    pen = QPen(c, width)
    pen.setCosmetic(True)
    return pen
