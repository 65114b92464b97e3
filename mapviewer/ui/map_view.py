"""The map: actors as markers, relations as lines, drawn with pyqtgraph from numpy arrays.

All edges are drawn by a handful of ``PlotCurveItem`` s (one per valence and width,
``connect="pairs"``), arrowheads by one path item per valence, nodes by one
``ScatterPlotItem``; the selection and the focus of a node are separate overlay items
on top, so a selection change never rebuilds the base layer. Clicks, hovers and drags
are resolved by :mod:`mapviewer.geometry` on the same arrays that are drawn.

Filtering (:meth:`MapView.set_visible`) draws only the visible relations and actors, and
picking skips the hidden ones. The keyboard moves a focus between nodes and edges (Tab,
Shift+Tab, the arrow keys; Enter acts as a click), see :mod:`mapviewer.navigation`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QToolTip, QWidget

from .. import geometry as geo
from .. import navigation as nav
from ..describe import describe_actor, describe_relation, relation_title
from ..extract import is_suggested
from ..glyphs import GLYPHS, glyph_segments
from ..layout import spread_labels
from ..model import VALENCES, RelationMap
from . import style
from .base_layer import BaseLayer
from .legend import Legend

__all__ = ["MapView"]

#: Click tolerance around a line, in screen pixels.
EDGE_TOLERANCE_PX = 5.0
#: Show labels for at most this many nodes (the most mentioned); the rest have tooltips.
MAX_LABELS = 150
LABEL_POINT_SIZE = 10
#: Ring around the actors that match the search.
SEARCH_RING_COLOUR = "#C2008A"
#: Gap between the legend and the nearest marker or label that :meth:`MapView.fit` keeps (px).
LEGEND_CLEARANCE_PX = 6
#: Smallest margin :meth:`MapView.fit` leaves at each side of the view (px).
_FIT_PAD = 10.0
_ARROWS = {
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
}
#: Above this many drawn segments, lines are not antialiased (repaint time).
ANTIALIAS_LIMIT = 4000
#: Opacity of the markers of actors outside the focus.
NODE_DIM_ALPHA = 0.25
#: How the map is used from the keyboard (the end of its accessible description).
KEYBOARD_HINT = (
    "Tab and the arrow keys move between actors and relations; Enter shows the evidence; "
    "Ctrl+Tab leaves the map."
)


class _Nodes(pg.ScatterPlotItem):
    """Scatter that leaves clicks to the view box (picking is done on our arrays)."""

    def mouseClickEvent(self, ev):
        ev.ignore()


class _MapViewBox(pg.ViewBox):
    """A ViewBox that hands clicks and node drags to its :class:`MapView`."""

    def __init__(self, owner: MapView):
        super().__init__(lockAspect=True, enableMenu=False)
        self._owner = owner
        self._drag: int | None = None

    def mouseClickEvent(self, ev):
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        p = self.mapToView(ev.pos())
        self._owner._on_view_clicked(p.x(), p.y())

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() == Qt.MouseButton.LeftButton:
            if ev.isStart():
                p = self.mapToView(ev.buttonDownPos())
                self._drag = self._owner._node_at(p.x(), p.y())
            if self._drag is not None:
                ev.accept()
                p = self.mapToView(ev.pos())
                self._owner._on_node_dragged(self._drag, p.x(), p.y(), finished=ev.isFinish())
                if ev.isFinish():
                    self._drag = None
                return
        super().mouseDragEvent(ev, axis)


class MapView(pg.GraphicsView):
    """The interactive relation map.

    Signals go up: :attr:`edge_clicked` (relation index), :attr:`node_clicked` (actor id),
    :attr:`background_clicked`, :attr:`node_moved` (actor id, after a drag),
    :attr:`item_focused` (a description of the item the keyboard moved to). Methods come
    down: :meth:`set_map`, :meth:`select_edge`, :meth:`focus_node`, :meth:`clear_selection`,
    :meth:`fit`, :meth:`set_visible`, :meth:`set_highlighted`.
    """

    edge_clicked = Signal(int)
    node_clicked = Signal(str)
    background_clicked = Signal()
    node_moved = Signal(str)
    item_focused = Signal(str)
    #: Emitted at the end of :meth:`set_map` (the view box was cleared: add-ons re-add items).
    map_set = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background=style.BACKGROUND)
        self.setAntialiasing(True)
        self.vb = _MapViewBox(self)
        self.setCentralItem(self.vb)
        self.map: RelationMap | None = None
        self.arrays: geo.SceneArrays | None = None
        self._edge_items: list[pg.PlotCurveItem] = []
        self._arrow_items: dict[str, QGraphicsPathItem] = {}
        self._overlay: list = []
        self._labels: list[pg.TextItem] = []
        self._label_nodes = np.zeros(0, np.intp)
        self._label_px = np.zeros((0, 2))
        self._nodes = _Nodes(pxMode=True)
        self._nodes.setZValue(10)
        self.selected_edge: int | None = None
        self.focused_node: int | None = None
        self._hover: tuple[str, int] | None = None
        self.legend = Legend(self)
        self.legend.folded_changed.connect(self._on_legend_folded_changed)
        #: Marker sizes of the map before :meth:`set_node_scale` (px).
        self._base_size_px = np.zeros(0, np.float32)
        self.node_scale = 1.0
        #: True between animation frames of set_positions (labels hidden; fit skips them).
        self._moving = False
        self._relabel = QTimer(self, singleShot=True, interval=30)
        self._relabel.timeout.connect(self._update_view_dependent)
        # owned by the view, so a refit queued by a resize dies with it (a bare
        # QTimer.singleShot could still call fit() on a deleted view box)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._on_refit_timeout)
        self.vb.sigRangeChanged.connect(self._on_vb_range_changed)
        self.vb.sigRangeChangedManually.connect(self._on_vb_range_changed_manually)
        #: Refit when the widget is resized, until the user zooms or pans.
        self.auto_fit = True
        #: Drawn relations and actors (boolean masks; None: all), see :meth:`set_visible`.
        self.rel_visible: np.ndarray | None = None
        self.node_visible: np.ndarray | None = None
        self._highlighted = np.zeros(0, np.intp)
        self._rings = pg.ScatterPlotItem(pxMode=True)
        self._rings.setZValue(9)
        #: The keyboard focus: ("node", i), ("edge", r) or None.
        self.kb_item: tuple[str, int] | None = None
        self._kb_overlay: list = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Relation map")
        self._update_description()

    # -- building ----------------------------------------------------------------------
    def set_map(self, m: RelationMap, positions: np.ndarray) -> None:
        """Show ``m`` with actor ``i`` at ``positions[i]``."""
        self.vb.clear()
        self._overlay.clear()
        self.map = m
        self.arrays = geo.build_scene(m, positions)
        self._base_size_px = self.arrays.size_px.copy()
        self.arrays.size_px[:] = self._base_size_px * np.float32(self.node_scale)
        self._rel_valence = np.array([r.valence for r in m.relations], dtype=object).reshape(len(m.relations))
        # relations the learned pass suggested are drawn paler: the reader should weigh them
        self._rel_suggested = np.array([is_suggested(r) for r in m.relations], dtype=bool).reshape(len(m.relations))
        self.legend.set_suggested(bool(self._rel_suggested.any()))
        self._focus_members = np.zeros(0, np.intp)
        # antialiased dashed lines are the bulk of a repaint: big maps draw them aliased
        self.setAntialiasing(len(self.arrays.seg_rel) <= ANTIALIAS_LIMIT)
        self.legend.glyphs = self.big_map
        self.legend.update()
        self.selected_edge = self.focused_node = None
        self.rel_visible = self.node_visible = None
        self._highlighted = np.zeros(0, np.intp)
        self.kb_item = None
        self._kb_overlay = []
        self._build_edges()
        self._build_arrows()
        self._build_nodes()
        self._build_labels()
        self._rings.setData([])
        self.vb.addItem(self._rings)
        self.fit()
        self._update_description()
        self.map_set.emit()

    def _edge_groups(self) -> dict[tuple[str, float, bool], np.ndarray]:
        """Relations by (valence, width in pixels, suggested): one stroke each."""
        assert self.map is not None and self.arrays is not None
        val = self._rel_valence
        groups: dict[tuple[str, float, bool], np.ndarray] = {}
        for v in VALENCES:
            for w in np.unique(self.arrays.rel_width_px):
                for faint in (False, True):
                    rel = np.flatnonzero((val == v) & (self.arrays.rel_width_px == w) & (self._rel_suggested == faint))
                    if len(rel):
                        groups[(v, float(w), faint)] = rel
        return groups

    @property
    def big_map(self) -> bool:
        """True above :data:`ANTIALIAS_LIMIT` segments: solid aliased lines with valence glyphs."""
        return self.arrays is not None and len(self.arrays.seg_rel) > ANTIALIAS_LIMIT

    def _build_edges(self) -> None:
        # every line, arrowhead and glyph in one item painted from a cached image (base_layer.py)
        self._groups = self._edge_groups()
        self._base = BaseLayer()
        self._base.antialias = not self.big_map
        self.vb.addItem(self._base)
        self._edge_items = [self._base]
        self._refresh_edges()

    def _edge_pen(self, valence: str, width: float, faint: bool = False) -> QPen:
        alpha = style.SUGGESTED_ALPHA if faint else 1.0
        if not self.big_map:
            return style.edge_pen(valence, width, alpha=alpha)
        # dashes are most of the cost of a big map's repaint: solid lines, glyphs as the cue
        pen = style.edge_pen(valence, 1.0 if width < 3 else 2.0, alpha=alpha)
        pen.setStyle(Qt.PenStyle.SolidLine)
        return pen

    def _refresh_edges(self) -> None:
        assert self.arrays is not None
        strokes, pts_all = [], []
        for (valence, width, faint), rel in self._groups.items():
            if self.rel_visible is not None:
                rel = rel[self.rel_visible[rel]]
            pts = self.arrays.pairs(rel)
            pts_all.append(pts)
            strokes.append(
                (self._edge_pen(valence, width, faint), pg.arrayToQPath(pts[:, 0], pts[:, 1], connect="pairs"))
            )
        self._base.set_strokes(strokes, np.concatenate(pts_all) if pts_all else None)

    def _build_arrows(self) -> None:
        self._arrow_items = {}  # arrowheads are part of the base layer

    def _refresh_arrows(self) -> None:
        if self.arrays is None or self.map is None:
            return
        px = self._pixel_size()
        tri, rel = geo.arrow_triangles(self.arrays, px)
        if self.rel_visible is not None:
            keep = self.rel_visible[rel]
            tri, rel = tri[keep], rel[keep]
        val = self._rel_valence[rel]
        fills = [(QBrush(QColor(style.VALENCE_COLOURS[v])), _triangles_path(tri[val == v])) for v in VALENCES]
        glyph_strokes = []
        if self.big_map:
            shown = np.arange(self.arrays.n_relations)
            if self.rel_visible is not None:
                shown = shown[self.rel_visible]
            for v in VALENCES:
                pts = glyph_segments(self.arrays, shown[self._rel_valence[shown] == v], GLYPHS[v], px)
                if len(pts):
                    pen = QPen(QColor(style.VALENCE_COLOURS[v]), 1.5)
                    pen.setCosmetic(True)
                    glyph_strokes.append((pen, pg.arrayToQPath(pts[:, 0], pts[:, 1], connect="pairs")))
        self._base.set_decorations(fills, glyph_strokes)

    def _build_nodes(self) -> None:
        assert self.map is not None and self.arrays is not None
        self._node_symbols = np.array(
            [style.KIND_SYMBOLS.get(a.kind, "o") for a in self.map.actors], dtype=object
        )
        # one brush object per kind: the scatter's symbol cache keys on the object, so
        # distinct brushes re-render every marker on each setData (~80 us a node)
        kind_brushes = {k: style.kind_brush(k) for k in {a.kind for a in self.map.actors}}
        self._node_brushes = np.array([kind_brushes[a.kind] for a in self.map.actors], dtype=object)
        self._set_nodes(self._nodes, None)
        self.vb.addItem(self._nodes)
        self._focus_scatter = _Nodes(pxMode=True)
        self._focus_scatter.setZValue(11)
        self.vb.addItem(self._focus_scatter)

    def _set_nodes(self, item: pg.ScatterPlotItem, nodes: np.ndarray | None) -> None:
        """Draw ``nodes`` (all when None) in ``item``."""
        assert self.arrays is not None
        sel = slice(None) if nodes is None else nodes
        item.setData(
            pos=self.arrays.xy[sel],
            size=self.arrays.size_px[sel],
            symbol=list(self._node_symbols[sel]),
            brush=list(self._node_brushes[sel]),
            pen=style.node_pen(),
        )
        if self.node_visible is not None and len(self.node_visible):
            item.setPointsVisible(self.node_visible[sel])

    def _build_labels(self) -> None:
        assert self.map is not None and self.arrays is not None
        self._labels = []
        mentions = np.array([a.mentions for a in self.map.actors])
        order = np.argsort(-mentions, kind="stable")[:MAX_LABELS]
        self._label_nodes = np.sort(order)
        font = QFont()
        font.setPointSize(LABEL_POINT_SIZE)
        fm = QFontMetricsF(font)
        sizes = []
        for i in self._label_nodes:
            name = self.map.actors[i].name
            t = pg.TextItem(
                name, color=style.LABEL_COLOUR, anchor=(0.5, 0.5), fill=pg.mkBrush(QColor(style.LABEL_FILL))
            )
            t.setFont(font)
            t.setZValue(20)
            self.vb.addItem(t)
            self._labels.append(t)
            sizes.append((fm.horizontalAdvance(name) + 8, fm.height() + 4))
        self._label_px = np.array(sizes, dtype=np.float64).reshape(-1, 2)

    # -- view-dependent parts (labels, arrowheads: their size is in pixels) --------------
    def _pixel_size(self) -> tuple[float, float]:
        sx, sy = self.vb.viewPixelSize()
        return (sx or 1e-3, sy or 1e-3)

    def _on_vb_range_changed(self, *_args) -> None:
        self._relabel.start()

    def _on_vb_range_changed_manually(self, *_args) -> None:
        self.auto_fit = False

    def _update_view_dependent(self) -> None:
        if self.arrays is None:
            return
        self._refresh_arrows()
        self._place_labels()

    def _place_labels(self) -> None:
        if self.arrays is None or not len(self._label_nodes) or self.map is None:
            return
        px = np.array(self._pixel_size())
        shown = np.ones(len(self._label_nodes), bool)
        if self.node_visible is not None:  # hidden actors have no label and leave room to others
            shown = self.node_visible[self._label_nodes]
            for t, ok in zip(self._labels, shown, strict=True):
                if not ok:
                    t.setVisible(False)
        labels = [t for t, ok in zip(self._labels, shown, strict=True) if ok]
        nodes, centers, clear = self._label_layout(shown, px)
        if not len(nodes):
            return
        centers = self._keep_in_view(nodes, centers, (self._label_px[shown] / 2 + 2) * px)
        focus = self._focus_nodes()
        for t, c, ok, i in zip(labels, centers, clear, nodes, strict=True):
            t.setPos(float(c[0]), float(c[1]))
            in_focus = focus is None or i in focus
            t.setVisible(bool(ok) or (focus is not None and in_focus))
            t.setOpacity(1.0 if in_focus else 0.35)

    def _keep_in_view(self, nodes: np.ndarray, centers: np.ndarray, half: np.ndarray) -> np.ndarray:
        """``centers`` moved inwards so that the label of a node in view is not cut by the
        view's edge (``half``: half sizes, data units)."""
        assert self.arrays is not None
        r = self.vb.viewRect()
        lo = np.array([r.left(), min(r.top(), r.bottom())])
        hi = np.array([r.right(), max(r.top(), r.bottom())])
        xy = self.arrays.xy[nodes]
        inside = np.all((xy >= lo) & (xy <= hi), axis=1)
        room = (hi - lo) / 2 > half  # a label wider than the view stays centred on its spot
        clamped = np.clip(centers, lo + half, np.maximum(hi - half, lo + half))
        return np.where(inside[:, None] & room, clamped, centers)

    def _label_layout(self, shown: np.ndarray, px: np.ndarray, *, xy: np.ndarray | None = None):
        """Where the labels of ``self._label_nodes[shown]`` go at pixel size ``px``: the nodes,
        the label centres (data units) and whether each is clear (see ``spread_labels``)."""
        assert self.arrays is not None and self.map is not None
        nodes = self._label_nodes[shown]
        if not len(nodes):
            return nodes, np.zeros((0, 2)), np.zeros(0, bool)
        mentions = np.array([self.map.actors[i].mentions for i in nodes])
        focus = self._focus_nodes()
        if focus is not None:  # the focused actors' labels are placed first
            mentions = mentions + np.isin(nodes, focus) * (mentions.max(initial=0) + 1)
        anchors = (self.arrays.xy if xy is None else xy)[nodes].astype(np.float64)
        centers, clear = spread_labels(
            anchors,
            self._label_px[shown] * px,
            radii=self.arrays.size_px[nodes] / 2 * px.max(),
            priority=mentions,
            gap=2 * px.max(),
        )
        return nodes, centers, clear

    def label_rects(self) -> list[tuple[str, QRectF]]:
        """The shown labels as (actor name, rectangle in viewport pixels) (tests, exports)."""
        out: list[tuple[str, QRectF]] = []
        if self.map is None:
            return out
        for t, i, (w, h) in zip(self._labels, self._label_nodes, self._label_px, strict=True):
            if not t.isVisible():
                continue
            c = self.map_to_widget(t.pos().x(), t.pos().y())
            out.append((self.map.actors[i].name, QRectF(c.x() - w / 2, c.y() - h / 2, w, h)))
        return out

    def set_node_scale(self, scale: float) -> None:
        """Draw every marker ``scale`` times its usual size (smaller in crowded layouts)."""
        self.node_scale = float(scale)
        if self.arrays is None or len(self._base_size_px) != self.arrays.n_nodes:
            return
        self.arrays.size_px[:] = self._base_size_px * np.float32(self.node_scale)
        self._set_nodes(self._nodes, None)
        self._refresh_arrows()
        self._refresh_highlight()
        self._refresh_focus()
        self._draw_kb()

    # -- selection and focus (method calls from the window) ------------------------------
    def _focus_nodes(self) -> np.ndarray | None:
        if self.arrays is None:
            return None
        if self.focused_node is not None:
            i = self.focused_node
            inc = self._visible_incident(i)
            return np.unique(np.r_[i, self.arrays.rel_src[inc], self.arrays.rel_dst[inc]])
        if self.selected_edge is not None:
            r = self.selected_edge
            return np.array([self.arrays.rel_src[r], self.arrays.rel_dst[r]])
        return None

    def _visible_incident(self, i: int) -> np.ndarray:
        assert self.arrays is not None
        inc = self.arrays.incident(i)
        return inc if self.rel_visible is None else inc[self.rel_visible[inc]]

    # -- filtering and search (method calls from the window) -----------------------------
    def set_visible(self, relations: np.ndarray | None, actors=None) -> None:
        """Draw only ``relations`` (boolean mask in map order) and ``actors`` (boolean mask in
        actor order, or an iterable of actor ids); None shows all. Hidden items are not
        pickable. The caller keeps a selected item visible if it wants it shown."""
        if self.arrays is None:
            return
        if actors is not None and not isinstance(actors, np.ndarray):
            ids = set(actors)
            actors = np.array([a in ids for a in self.arrays.ids], dtype=bool)
        self.rel_visible = None if relations is None else np.asarray(relations, dtype=bool).copy()
        self.node_visible = None if actors is None else np.asarray(actors, dtype=bool).copy()
        geo.set_visible(self.arrays, self.rel_visible, self.node_visible)
        self._refresh_edges()
        self._refresh_arrows()
        # visibility only: setData would re-render every marker
        self._nodes.setPointsVisible(
            np.ones(self.arrays.n_nodes, bool) if actors is None else self.node_visible
        )
        if self.kb_item is not None and not self._kb_visible(self.kb_item):
            self._set_kb(None)
        self._refresh_highlight()
        self._refresh_focus()
        self._update_description()

    def set_highlighted(self, actor_ids) -> None:
        """Ring the actors ``actor_ids`` (the search matches); an empty list clears."""
        if self.arrays is None:
            return
        idx = [self.arrays.index[a] for a in actor_ids if a in self.arrays.index]
        self._highlighted = np.array(sorted(idx), dtype=np.intp)
        self._refresh_highlight()

    def highlighted_nodes(self) -> np.ndarray:
        """Indices of the ringed (highlighted and visible) nodes."""
        h = self._highlighted
        return h if self.node_visible is None else h[self.node_visible[h]]

    def _refresh_highlight(self) -> None:
        if self.arrays is None:
            return
        h = self.highlighted_nodes()
        if not len(h):
            self._rings.setData([])
            return
        pen = pg.mkPen(SEARCH_RING_COLOUR, width=3)
        pen.setCosmetic(True)
        self._rings.setData(
            pos=self.arrays.xy[h], size=self.arrays.size_px[h] + 12, symbol="o", pen=pen, brush=None
        )

    def select_edge(self, r: int | None) -> None:
        """Highlight relation ``r`` (None clears)."""
        self.focused_node = None
        self.selected_edge = r
        self._refresh_focus()
        self._update_description()

    def focus_node(self, actor_id: str | None) -> None:
        """Highlight ``actor_id``, its relations and neighbours; dim the rest (None clears)."""
        self.selected_edge = None
        self.focused_node = None if actor_id is None or self.arrays is None else self.arrays.index[actor_id]
        self._refresh_focus()
        self._update_description()

    def clear_selection(self) -> None:
        self.selected_edge = self.focused_node = None
        self._refresh_focus()
        self._update_description()

    # -- what a screen reader says about the map ---------------------------------------------
    def description(self) -> str:
        """The map in words: what it shows, the selection, the keyboard focus, the keys.

        E.g. ``"6 actors, 6 relations. Selected: Syldavia → Borduria, threat (hostile), 2 quotes.
        Tab and the arrow keys ..."``; it is the view's accessible description.
        """
        m = self.map
        if m is None or self.arrays is None:
            return "No map. " + KEYBOARD_HINT
        n_act, n_rel = len(m.actors), len(m.relations)
        shown_act = n_act if self.node_visible is None else int(self.node_visible.sum())
        shown_rel = n_rel if self.rel_visible is None else int(self.rel_visible.sum())
        if (shown_act, shown_rel) == (n_act, n_rel):
            parts = [f"{_count(n_act, 'actor')}, {_count(n_rel, 'relation')}"]
        else:
            parts = [
                f"{shown_act} of {_count(n_act, 'actor')}, {shown_rel} of {_count(n_rel, 'relation')} shown"
            ]
        if self.selected_edge is not None:
            r = m.relations[self.selected_edge]
            types = ", ".join(r.types) if r.types else "relation"
            parts.append(
                f"Selected: {relation_title(m, r)}, {types} ({r.valence}), {_count(len(r.evidence), 'quote')}"
            )
        elif self.focused_node is not None:
            parts.append(f"Selected: {describe_actor(m, self.arrays.ids[self.focused_node])}")
        if self.kb_item is not None:
            kind, i = self.kb_item
            what = (
                describe_actor(m, self.arrays.ids[i])
                if kind == "node"
                else describe_relation(m, m.relations[i])
            )
            parts.append(f"Keyboard focus: {what}")
        return ". ".join(parts) + ". " + KEYBOARD_HINT

    def _update_description(self) -> None:
        self.setAccessibleDescription(self.description())

    def _refresh_focus(self) -> None:
        if self.arrays is None or self.map is None:
            return
        for item in self._overlay:
            self.vb.removeItem(item)
        self._overlay = []
        focus = self._focus_nodes()
        dim = focus is not None and self.focused_node is not None
        base_alpha = style.DIM_ALPHA if dim else (0.45 if self.selected_edge is not None else 1.0)
        for item in (*self._edge_items, *self._arrow_items.values()):
            item.setOpacity(base_alpha)
        # dimming is an opacity on the whole scatter; the focus is redrawn on top of it
        self._nodes.setOpacity(NODE_DIM_ALPHA if dim else 1.0)
        self._focus_members = focus if dim else np.zeros(0, np.intp)
        self._set_nodes(self._focus_scatter, self._focus_members)
        if self.focused_node is not None:
            self._add_overlay_edges(self._visible_incident(self.focused_node), halo=False)
        elif self.selected_edge is not None:
            self._add_overlay_edges(np.array([self.selected_edge]), halo=True)
        self._place_labels()

    def node_alpha(self) -> np.ndarray:
        """Effective opacity of each node marker as drawn now ``(n,)``."""
        assert self.arrays is not None
        a = np.full(self.arrays.n_nodes, self._nodes.opacity())
        a[self._focus_members] = self._focus_scatter.opacity()
        return a

    def _add_overlay_edges(self, rel: np.ndarray, *, halo: bool) -> None:
        assert self.arrays is not None and self.map is not None
        if halo:
            pts = self.arrays.pairs(rel)
            w = float(self.arrays.rel_width_px[rel].max()) + 8
            pen = pg.mkPen(style.SELECTION_COLOUR, width=w)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            h = pg.PlotCurveItem(pts[:, 0], pts[:, 1], pen=pen, connect="pairs", antialias=True)
            h.setZValue(3)
            self._overlay.append(h)
        for r in rel.tolist():
            pts = self.arrays.pairs(np.array([r]))
            rr = self.map.relations[r]
            item = pg.PlotCurveItem(
                pts[:, 0],
                pts[:, 1],
                pen=style.edge_pen(rr.valence, float(self.arrays.rel_width_px[r]) + 0.5),
                connect="pairs",
                antialias=True,
            )
            item.setZValue(4)
            self._overlay.append(item)
        tri, trel = geo.arrow_triangles(self.arrays, self._pixel_size())
        keep = np.isin(trel, rel)
        for v in VALENCES:
            sel = keep & (self._rel_valence[trel] == v)
            if sel.any():
                a = QGraphicsPathItem(_triangles_path(tri[sel]))
                a.setBrush(QBrush(QColor(style.VALENCE_COLOURS[v])))
                a.setPen(QPen(Qt.PenStyle.NoPen))
                a.setZValue(5)
                self._overlay.append(a)
        for item in self._overlay:
            self.vb.addItem(item)

    # -- view --------------------------------------------------------------------------
    def fit(self) -> None:
        """Zoom and pan so that every node and its label is in view, clear of the legend."""
        self.auto_fit = True
        if self.arrays is None or self.arrays.n_nodes == 0:
            return
        lo = self.arrays.xy.min(axis=0).astype(np.float64)
        hi = self.arrays.xy.max(axis=0).astype(np.float64)
        # one actor (or all in one place): give it a unit square, centred, since a near-zero
        # span asks pyqtgraph for a zoom it refuses, and the node ends up in a corner
        flat = hi - lo < 1e-6
        lo, hi = np.where(flat, lo - 0.5, lo), np.where(flat, hi + 0.5, hi)
        size = hi - lo
        vw, vh = self.vb.width(), self.vb.height()
        if vw < 100 or vh < 100:  # not laid out yet: a plain margin
            pad = size * 0.15
            self.vb.setRange(
                xRange=(lo[0] - pad[0], hi[0] + pad[0]), yRange=(lo[1] - pad[1], hi[1] + pad[1]), padding=0
            )
            return
        # margins in pixels: markers and labels are pixel-sized (their reach beyond each node is
        # measured once, labels placed as _place_labels will); the legend sits bottom-left.
        # Use the whole view unless that puts a marker or its label under the legend; else
        # leave the legend a strip on the left or at the bottom, whichever zooms in more.
        g = self.legend.geometry()
        cands = [(_FIT_PAD, _FIT_PAD)]
        if self.legend.isVisible():
            c = LEGEND_CLEARANCE_PX
            cands += [(g.right() + c, _FIT_PAD), (_FIT_PAD, vh - g.top() + c)]
        fits = []
        for left, bottom in cands:
            # left right top bottom: from the view's edge (or the legend's strip) to the
            # farthest reach of a marker or label
            margins = np.array([left, _FIT_PAD, _FIT_PAD, bottom], dtype=np.float64)
            rx, ry = self._fit_range(lo, size, vw, vh, margins)
            reach = self._reach_px(rx, vw)
            for _ in range(2):  # the reach needs the scale, the scale the margins: converges fast
                need = self._margins_for(reach, lo, hi, (rx[1] - rx[0]) / vw)
                rx, ry = self._fit_range(lo, size, vw, vh, margins + need)
            fits.append((rx, ry))
        rx, ry = fits[0]
        if self.legend.isVisible():
            for k in sorted(range(len(fits)), key=lambda k: (fits[k][0][1] - fits[k][0][0], k)):
                rx, ry = fits[k]
                if not self._under_legend(rx, ry, vw, vh):
                    break
            else:
                rx, ry = fits[1]
        self.vb.setRange(xRange=rx, yRange=ry, padding=0)

    def _reach_px(self, rx, vw: float) -> np.ndarray:
        """How far each node's marker and label reach beyond its centre, in pixels ``(n, 4)``:
        left, right, up, down (labels placed for the view range ``rx``; markers only while
        the nodes are moving)."""
        assert self.arrays is not None
        r = self.arrays.size_px.astype(np.float64) / 2 + 2
        reach = np.repeat(r[:, None], 4, axis=1)
        if self.node_visible is not None:
            reach[~self.node_visible] = 0
        if self._moving or not len(self._label_nodes):
            return reach
        s = (rx[1] - rx[0]) / vw
        shown = np.ones(len(self._label_nodes), bool)
        if self.node_visible is not None:
            shown = self.node_visible[self._label_nodes]
        nodes, centers, clear = self._label_layout(shown, np.array([s, s]))
        half = self._label_px[shown] / 2
        off = (centers - self.arrays.xy[nodes]) / s  # label centre from its node, px (y up)
        ext = np.column_stack(
            [half[:, 0] - off[:, 0], off[:, 0] + half[:, 0], off[:, 1] + half[:, 1], half[:, 1] - off[:, 1]]
        )
        ext[~clear] = 0  # a label without room is hidden
        np.maximum.at(reach, nodes, ext)
        return reach

    def _margins_for(self, reach: np.ndarray, lo, hi, s: float) -> np.ndarray:
        """How far (left, right, top, bottom, pixels) the ``reach`` of the nodes goes beyond
        the nodes' bounding box at ``s`` data units per pixel (0 where it does not)."""
        assert self.arrays is not None
        xy = self.arrays.xy.astype(np.float64)
        return np.array(
            [
                np.max(reach[:, 0] - (xy[:, 0] - lo[0]) / s),
                np.max(reach[:, 1] - (hi[0] - xy[:, 0]) / s),
                np.max(reach[:, 2] - (hi[1] - xy[:, 1]) / s),
                np.max(reach[:, 3] - (xy[:, 1] - lo[1]) / s),
            ]
        ).clip(0)

    @staticmethod
    def _fit_range(lo, size, vw: float, vh: float, margins):
        left, right, top, bottom = (float(m) for m in margins)
        aw, ah = max(vw - left - right, 50), max(vh - top - bottom, 50)
        s = max(size[0] / aw, size[1] / ah)  # data units per pixel
        x0 = lo[0] - left * s - (aw * s - size[0]) / 2
        y0 = lo[1] - bottom * s - (ah * s - size[1]) / 2
        return (x0, x0 + vw * s), (y0, y0 + vh * s)

    def _under_legend(self, rx, ry, vw: float, vh: float) -> bool:
        """True when, in the view range ``rx``, ``ry``, a marker or a label (placed as
        :meth:`_place_labels` would) comes within :data:`LEGEND_CLEARANCE_PX` of the legend."""
        assert self.arrays is not None
        s = (rx[1] - rx[0]) / vw  # data units per pixel (the aspect is locked)
        g = self.legend.geometry()
        c = LEGEND_CLEARANCE_PX
        # the legend (with its clearance) in data coordinates; y grows upwards in the data
        lx0, lx1 = rx[0] + (g.left() - c) * s, rx[0] + (g.right() + c) * s
        ly0, ly1 = ry[1] - (g.bottom() + c) * s, ry[1] - (g.top() - c) * s
        xy = self.arrays.xy.astype(np.float64)
        r = self.arrays.size_px.astype(np.float64) / 2 * s
        vis = np.ones(self.arrays.n_nodes, bool) if self.node_visible is None else self.node_visible
        hit = vis & (xy[:, 0] + r > lx0) & (xy[:, 0] - r < lx1) & (xy[:, 1] + r > ly0) & (xy[:, 1] - r < ly1)
        if hit.any():
            return True
        if not len(self._label_nodes) or self._moving:  # moving: the labels are hidden
            return False
        shown = vis[self._label_nodes]
        _nodes, centers, clear = self._label_layout(shown, np.array([s, s]))
        half = self._label_px[shown] * s / 2
        over = (
            (centers[:, 0] + half[:, 0] > lx0)
            & (centers[:, 0] - half[:, 0] < lx1)
            & (centers[:, 1] + half[:, 1] > ly0)
            & (centers[:, 1] - half[:, 1] < ly1)
        )
        return bool(np.any(over & clear))

    def set_positions(self, xy: np.ndarray, *, final: bool = True) -> None:
        """Move every node to ``xy`` ``(n, 2)`` and redraw from the arrays (layouts, animation).

        While ``final`` is False (animation frames) the labels are hidden rather than
        re-placed on every frame; the final call places them.
        """
        if self.arrays is None:
            return
        geo.set_positions(self.arrays, np.asarray(xy, dtype=np.float32))
        self._moving = not final
        self._set_nodes(self._nodes, None)
        self._refresh_edges()
        self._refresh_highlight()
        self._refresh_focus()
        self._draw_kb()
        if final:
            self._update_view_dependent()
        else:
            self._refresh_arrows()
            for t in self._labels:
                t.setVisible(False)

    def zoom(self, factor: float) -> None:
        """Zoom in (``factor`` > 1) or out about the centre of the view."""
        self.auto_fit = False
        self.vb.scaleBy((1.0 / factor, 1.0 / factor))

    def restyle(self) -> None:
        """Re-read the colours of :mod:`.style` (after a light/dark palette change)."""
        self.setBackground(style.BACKGROUND)
        for t in self._labels:
            t.setColor(style.LABEL_COLOUR)
            t.fill = pg.mkBrush(QColor(style.LABEL_FILL))
            t.update()
        if self.arrays is not None:
            self._set_nodes(self._nodes, None)  # the outline colour follows the scheme
            self._refresh_edges()
            self._refresh_arrows()
            self._refresh_focus()
            self._draw_kb()
        self.legend.update()

    def positions(self) -> np.ndarray:
        """Current node positions ``(n, 2)`` in actor order."""
        return np.zeros((0, 2)) if self.arrays is None else self.arrays.xy.astype(np.float64)

    def map_to_widget(self, x: float, y: float) -> QPoint:
        """Data point ``(x, y)`` in viewport pixel coordinates (for tests and tooltips)."""
        sp = self.vb.mapViewToScene(QPointF(x, y))
        return self.mapFromScene(sp)

    def widget_to_map(self, p: QPoint) -> tuple[float, float]:
        v = self.vb.mapSceneToView(self.mapToScene(p))
        return v.x(), v.y()

    # -- mouse (from the view box and the scene) ---------------------------------------
    def _pick(self, x: float, y: float) -> tuple[str, int] | None:
        if self.arrays is None:
            return None
        return geo.pick(self.arrays, x, y, self._pixel_size(), EDGE_TOLERANCE_PX)

    def _node_at(self, x: float, y: float) -> int | None:
        if self.arrays is None:
            return None
        return geo.pick_node(self.arrays, x, y, self._pixel_size())

    def _on_view_clicked(self, x: float, y: float) -> None:
        hit = self._pick(x, y)
        if hit is None:
            self.background_clicked.emit()
        elif hit[0] == "node":
            assert self.arrays is not None
            self.node_clicked.emit(self.arrays.ids[hit[1]])
        else:
            self.edge_clicked.emit(hit[1])

    def _on_node_dragged(self, i: int, x: float, y: float, *, finished: bool) -> None:
        assert self.arrays is not None and self.map is not None
        geo.set_positions(self.arrays, np.array([[x, y]]), nodes=np.array([i]))
        self._set_nodes(self._nodes, None)
        self._refresh_edges()
        self._refresh_arrows()
        self._refresh_highlight()
        self._refresh_focus()
        self._draw_kb()
        if finished:
            aid = self.arrays.ids[i]
            self.map.positions[aid] = (float(x), float(y))
            self.map.pinned.add(aid)
            self.node_moved.emit(aid)

    def hover_text(self, x: float, y: float) -> str:
        """The tooltip at data point ``(x, y)`` ("" when over nothing)."""
        hit = self._pick(x, y)
        if hit is None or self.map is None or self.arrays is None:
            return ""
        if hit[0] == "node":
            return describe_actor(self.map, self.arrays.ids[hit[1]])
        r = self.map.relations[hit[1]]
        n = len(r.evidence)
        return f"{describe_relation(self.map, r)}\n{n} quote{'s' * (n != 1)} — click to read them"

    def _update_hover(self, pos: QPoint) -> None:
        x, y = self.widget_to_map(pos)
        text = self.hover_text(x, y)
        if text != self.toolTip():
            self.setToolTip(text)
            if text:
                QToolTip.showText(self.viewport().mapToGlobal(pos), text, self)
            else:
                QToolTip.hideText()
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if text else Qt.CursorShape.ArrowCursor)

    # -- keyboard focus on nodes and edges ------------------------------------------------
    def _kb_visible(self, item: tuple[str, int]) -> bool:
        kind, i = item
        mask = self.node_visible if kind == "node" else self.rel_visible
        return mask is None or bool(mask[i])

    def _kb_order(self) -> list[tuple[str, int]]:
        if self.arrays is None or self.map is None:
            return []
        a = self.arrays
        nodes = np.ones(a.n_nodes, bool) if self.node_visible is None else self.node_visible
        rels = np.ones(a.n_relations, bool) if self.rel_visible is None else self.rel_visible
        return nav.focus_order([x.name for x in self.map.actors], nodes, a.rel_src, rels)

    def kb_position(self, item: tuple[str, int] | None = None) -> np.ndarray:
        """Data position of ``item`` (default: the keyboard focus): a node's centre or an
        edge's drawn middle."""
        assert self.arrays is not None
        kind, i = item or self.kb_item or ("node", 0)
        if kind == "node":
            return self.arrays.xy[i].astype(np.float64)
        return geo.edge_midpoints(self.arrays)[i]

    def _set_kb(self, item: tuple[str, int] | None) -> None:
        self.kb_item = item
        self._draw_kb()
        self._update_description()
        if item is None or self.map is None or self.arrays is None:
            return
        self._ensure_visible(self.kb_position())
        kind, i = item
        if kind == "node":
            text = describe_actor(self.map, self.arrays.ids[i])
        else:
            text = describe_relation(self.map, self.map.relations[i])
        self.item_focused.emit(text + " — Enter to show the evidence")

    def _draw_kb(self) -> None:
        for it in self._kb_overlay:
            self.vb.removeItem(it)
        self._kb_overlay = []
        if self.kb_item is None or self.arrays is None or not self.hasFocus():
            return
        kind, i = self.kb_item
        pen = pg.mkPen(style.FOCUS_OUTLINE, width=2, style=Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        if kind == "node":
            item = pg.ScatterPlotItem(
                pos=self.arrays.xy[i : i + 1], size=[float(self.arrays.size_px[i]) + 14], pen=pen, brush=None
            )
        else:
            pts = self.arrays.pairs(np.array([i]))
            halo = pg.mkPen(QColor(0, 0, 0, 115), width=float(self.arrays.rel_width_px[i]) + 10)
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            halo.setCosmetic(True)
            item = pg.PlotCurveItem(pts[:, 0], pts[:, 1], pen=halo, connect="pairs", antialias=True)
        item.setZValue(8)
        self.vb.addItem(item)
        self._kb_overlay.append(item)

    def _ensure_visible(self, p: np.ndarray) -> None:
        r = self.vb.viewRect()
        if r.contains(QPointF(float(p[0]), float(p[1]))):
            return
        self.auto_fit = False
        self.vb.translateBy(x=float(p[0]) - r.center().x(), y=float(p[1]) - r.center().y())

    def _kb_step(self, step: int) -> bool:
        """Move the keyboard focus ``step`` places in Tab order; False when it leaves the map."""
        order = self._kb_order()
        if not order:
            return False
        if self.kb_item in order:
            k = order.index(self.kb_item) + step
        else:
            k = 0 if step > 0 else len(order) - 1
        if not 0 <= k < len(order):
            self._set_kb(None)
            return False
        self._set_kb(order[k])
        return True

    def _kb_arrow(self, direction: str) -> None:
        order = self._kb_order()
        if not order or self.arrays is None:
            return
        if self.kb_item not in order:
            self._set_kb(order[0])
            return
        mids = geo.edge_midpoints(self.arrays)
        pts = np.array([self.arrays.xy[i] if k == "node" else mids[i] for k, i in order], dtype=np.float64)
        cur = order.index(self.kb_item)
        j = nav.step_in_direction(pts, pts[cur], nav.DIRECTIONS[direction], self._pixel_size(), exclude=cur)
        if j is not None:
            self._set_kb(order[j])

    def _kb_activate(self) -> None:
        if self.kb_item is None or self.arrays is None:
            return
        kind, i = self.kb_item
        if kind == "node":
            self.node_clicked.emit(self.arrays.ids[i])
        else:
            self.edge_clicked.emit(i)

    # -- Qt overrides (keyboard) ------------------------------------------------------
    def event(self, ev):
        # Tab walks the map's items, then leaves the map (QGraphicsView would hand Tab to the
        # scene's focusable items first); Ctrl+Tab leaves the map at once, as in a text box
        if ev.type() == QEvent.Type.KeyPress and ev.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            mods = ev.modifiers()
            if mods & Qt.KeyboardModifier.ControlModifier and not mods & Qt.KeyboardModifier.AltModifier:
                back = ev.key() == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
                self.focusNextPrevChild(not back)
                ev.accept()
                return True
            if not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                forward = ev.key() == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier
                if not self._kb_step(1 if forward else -1):
                    self.focusNextPrevChild(forward)
                ev.accept()
                return True
        return super().event(ev)

    def focusInEvent(self, ev):
        super().focusInEvent(ev)
        if ev.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.kb_item = None
            self._kb_step(1 if ev.reason() == Qt.FocusReason.TabFocusReason else -1)
        else:
            self._draw_kb()

    def focusOutEvent(self, ev):
        super().focusOutEvent(ev)
        self._draw_kb()  # the focus outline only shows while the map has the focus

    def keyPressEvent(self, ev):
        key = ev.key()
        if key in _ARROWS and not ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._kb_arrow(_ARROWS[key])
            ev.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.kb_item is not None:
            self._kb_activate()
            ev.accept()
            return
        super().keyPressEvent(ev)

    # -- Qt overrides ------------------------------------------------------------------
    def mouseMoveEvent(self, ev):
        super().mouseMoveEvent(ev)
        # not the scene's sigMouseMoved: pyqtgraph rate-limits it and may drop the last move
        if ev.buttons() == Qt.MouseButton.NoButton:
            self._update_hover(ev.position().toPoint())

    def resizeEvent(self, ev):
        super().resizeEvent(ev)
        if not hasattr(self, "_refit"):  # pyqtgraph resizes during __init__
            return
        self._place_legend()
        if self.auto_fit:
            self._refit.start()  # after the view box has its new size

    def _place_legend(self) -> None:
        self.legend.adjustSize()
        self.legend.move(10, self.height() - self.legend.height() - 10)

    def set_legend_folded(self, folded: bool) -> None:
        """Fold the legend to a small tab (True) or unfold it; the map refits around it."""
        self.legend.set_folded(folded)
        self._on_legend_folded_changed(folded)

    def _on_legend_folded_changed(self, _folded: bool) -> None:
        self._place_legend()
        if self.auto_fit:
            self.fit()

    def _on_refit_timeout(self) -> None:
        if self.auto_fit:
            self.fit()

    def close(self):
        # pyqtgraph's close() deletes the scene's items (the view box among them): nothing
        # queued may touch them afterwards, and later calls (a layout's last frame) draw nothing
        self._refit.stop()
        self._relabel.stop()
        ok = super().close()
        self.arrays = None
        return ok


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _triangles_path(tri: np.ndarray) -> QPainterPath:
    """Filled triangles ``(d, 3, 2)`` as one path (each closed sub-path is filled)."""
    if len(tri) == 0:
        return QPainterPath()
    closed = np.concatenate([tri, tri[:, :1]], axis=1)  # back to the tip
    connect = np.tile(np.array([1, 1, 1, 0], dtype=np.int32), len(tri))
    return pg.arrayToQPath(closed[..., 0].ravel(), closed[..., 1].ravel(), connect=connect)
