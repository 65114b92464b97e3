"""Colours, pens and marker shapes of the map, in one place.

Valence colours are from the Okabe-Ito palette (safe for the common colour-vision
deficiencies), and each valence also has its own dash pattern, so the map reads in
grey-scale print too.

Two schemes, light and dark (:func:`use_scheme`; :mod:`.theme` picks one from the system
palette). The module's colour names always hold the active scheme's values, so code that
reads ``style.X`` when it draws follows a switch; the dark scheme lightens the two Okabe-Ito
colours that lack contrast on a dark background (blue, grey) and keeps every hue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

__all__ = [
    "BACKGROUND",
    "BASEMAP_LAND",
    "BASEMAP_LINE",
    "DIM_ALPHA",
    "FOCUS_OUTLINE",
    "KIND_COLOURS",
    "KIND_LABELS",
    "KIND_SYMBOLS",
    "LABEL_COLOUR",
    "LABEL_FILL",
    "LEADER_COLOUR",
    "LEGEND_BACKGROUND",
    "LEGEND_BORDER",
    "LEGEND_INK",
    "NODE_OUTLINE",
    "SCHEMES",
    "SELECTION_COLOUR",
    "VALENCE_COLOURS",
    "VALENCE_DASHES",
    "edge_pen",
    "kind_brush",
    "node_pen",
    "scheme",
    "use_scheme",
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
LABEL_COLOUR = "#111111"
LABEL_FILL = "#C8FFFFFF"  # Qt reads 8 hex digits as #AARRGGBB
LEGEND_BACKGROUND = "#E6FFFFFF"
LEGEND_BORDER = "#BBBBBB"
#: Text and the neutral samples (arrow, widths) of the legend.
LEGEND_INK = "#111111"
BASEMAP_LINE = "#AEB8C2"
BASEMAP_LAND = "#F3F2EC"
#: Thin line from a displaced actor to its true place (geographic layout).
LEADER_COLOUR = "#555555"
SELECTION_COLOUR = "#F0E442"  # yellow halo under the selected edge
#: Marker outlines: dark on the light map, light on the dark one (a dark rim vanishes there).
NODE_OUTLINE = "#222222"
#: The keyboard focus's dashed outline.
FOCUS_OUTLINE = "#111111"
#: Opacity of what is not part of the current focus.
DIM_ALPHA = 0.15


#: Colours per scheme; "light" is the module's initial state.
SCHEMES: dict[str, dict[str, object]] = {
    "light": {
        "VALENCE_COLOURS": dict(VALENCE_COLOURS),
        "BACKGROUND": BACKGROUND,
        "LABEL_COLOUR": LABEL_COLOUR,
        "LABEL_FILL": LABEL_FILL,
        "LEGEND_BACKGROUND": LEGEND_BACKGROUND,
        "LEGEND_BORDER": LEGEND_BORDER,
        "LEGEND_INK": LEGEND_INK,
        "BASEMAP_LINE": BASEMAP_LINE,
        "BASEMAP_LAND": BASEMAP_LAND,
        "LEADER_COLOUR": LEADER_COLOUR,
        "NODE_OUTLINE": NODE_OUTLINE,
        "FOCUS_OUTLINE": FOCUS_OUTLINE,
    },
    "dark": {
        # Okabe-Ito hues; blue and grey lightened to keep >= 3:1 against the background
        "VALENCE_COLOURS": {
            "cooperative": "#3DA5E8",
            "hostile": "#E8701A",
            "mixed": "#CC79A7",
            "neutral": "#A3A3A3",
        },
        "BACKGROUND": "#1B1D20",
        "LABEL_COLOUR": "#ECECEC",
        "LABEL_FILL": "#C81B1D20",
        "LEGEND_BACKGROUND": "#E626292D",
        "LEGEND_BORDER": "#55595E",
        "LEGEND_INK": "#E6E6E6",
        "BASEMAP_LINE": "#4C5661",
        "BASEMAP_LAND": "#24282C",
        "LEADER_COLOUR": "#B0B0B0",
        "NODE_OUTLINE": "#D6D6D6",
        "FOCUS_OUTLINE": "#F2F2F2",
    },
}
_scheme = "light"


def scheme() -> str:
    """The active scheme: "light" or "dark"."""
    return _scheme


def use_scheme(name: str) -> None:
    """Make ``name`` ("light" or "dark") the active colours (widgets redraw themselves)."""
    global _scheme
    if name not in SCHEMES:
        raise ValueError(f"unknown colour scheme {name!r}")
    g = globals()
    for key, value in SCHEMES[name].items():
        if key == "VALENCE_COLOURS":
            VALENCE_COLOURS.update(value)  # in place: other modules hold the dict
        else:
            g[key] = value
    _scheme = name


#: Opacity of the lines of suggested relations (added by the learned pass, not by a rule).
SUGGESTED_ALPHA = 0.45


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
