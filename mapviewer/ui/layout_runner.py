"""Switching layouts: computed on a worker thread, shown with an animated transition.

:class:`LayoutRunner` sits beside a :class:`~mapviewer.ui.map_view.MapView`. A request
snapshots the map (:func:`mapviewer.arrange.layout_request`), computes the layout on the
global thread pool and hands the result back through a queued signal; only the newest
request is applied (an older one that finishes later is dropped). The nodes then move to
their new places in :data:`TRANSITION_MS` (positions interpolated by
:func:`mapviewer.arrange.interpolate`, the view fitted on every frame).

The geographic layout adds, behind the graph, the country outlines (and a light land fill)
from :func:`mapviewer.geo.load_basemap`, and a thin leader line from each actor drawn away
from its true place (decluttered or dragged) to a small dot at that place.

Pins are per layout (each layout has its own frame, see :mod:`mapviewer.arrange`): a
node dragged in a layout stays where it was put whenever that layout is computed again.
After each change ``map.positions``, ``map.pinned`` and ``map.layout`` describe what is
shown, so saving the map saves it.
"""

from __future__ import annotations

import threading

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QObject, Qt, QThreadPool, QVariantAnimation, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from ..arrange import (
    DECLUTTER_LIMIT,
    DEFAULT_LAYOUT,
    LAYOUTS,
    LayoutResult,
    compute_layout,
    interpolate,
    layout_request,
)
from ..geo import geographic_layout, load_basemap
from . import style
from .map_view import MapView

__all__ = ["NODE_SCALE", "TRANSITION_MS", "LayoutRunner"]

TRANSITION_MS = 300
#: Marker size factor per layout: the geographic one packs many actors into small regions
#: (the Middle East, Europe), so its markers are smaller and more labels find room.
NODE_SCALE = {"geographic": 0.6}
#: Maps up to this many actors are laid out at once when opened (a few ms), larger ones
#: in the background.
SYNC_LIMIT = 300


class _Relay(QObject):
    """Carries results from the worker threads (emitted there, delivered queued)."""

    done = Signal(object)


class LayoutRunner(QObject):
    """Layouts of one map view: request, compute off the GUI thread, animate, remember pins.

    Signals: :attr:`started` (layout key, when a computation starts), :attr:`finished`
    (layout key, when the nodes have arrived), :attr:`failed` (a message).
    """

    started = Signal(str)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(
        self, view: MapView, *, kind: str = DEFAULT_LAYOUT, seed: int = 0, duration_ms: int = TRANSITION_MS
    ):
        super().__init__(view)
        self.view = view
        self.seed = seed
        #: The layout shown (or being computed, once requested).
        self.kind = kind if kind in LAYOUTS else DEFAULT_LAYOUT
        self._pending = False
        self._animate = True
        #: Per layout key: actor id -> pinned position.
        self.pins: dict[str, dict[str, tuple[float, float]]] = {}
        #: Thread idents that computed layouts, in order (tests check they are not the GUI's).
        self.worker_threads: list[int] = []
        #: Serial of each result dropped because a newer request had been made.
        self.superseded: list[int] = []
        self.anchors: np.ndarray | None = None
        self._serial = 0
        self._target: np.ndarray | None = None
        self._start: np.ndarray | None = None
        self._pool = QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.done.connect(self._on_relay_done)
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setDuration(duration_ms)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(self._on_anim_value_changed)
        self._anim.finished.connect(self._on_anim_finished)
        self._land: QGraphicsPathItem | None = None
        self._outline: QGraphicsPathItem | None = None
        self._leaders = pg.PlotCurveItem(connect="pairs")
        self._leader_dots = pg.ScatterPlotItem(pxMode=True, size=5, symbol="o")
        view.map_set.connect(self._on_view_map_set)
        view.node_moved.connect(self._on_view_node_moved)
        if view.map is not None:
            self._on_view_map_set()

    # -- public --------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """A computation or an animation is under way."""
        return self._pending or self.animating

    @property
    def animating(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def request(self, kind: str, *, animate: bool = True) -> int:
        """Compute layout ``kind`` in the background, then move the nodes there.

        A newer request supersedes this one. Returns the request's serial number.
        """
        m = self.view.map
        if kind not in LAYOUTS:
            raise ValueError(f"unknown layout {kind!r}")
        if m is None:
            return self._serial
        self._serial += 1
        serial = self._serial
        self.kind = kind
        self._animate = animate
        self._pending = True
        req = self._request(kind)

        def work() -> None:  # on a pool thread: numpy only, no Qt objects touched
            try:
                res: LayoutResult | str = compute_layout(req)
            except Exception as exc:  # reported, never raised into the pool
                res = f"the {LAYOUTS[kind].lower()} layout failed: {exc}"
            try:
                self._relay.done.emit((serial, res, threading.get_ident()))
            except RuntimeError:  # the view was closed meanwhile: nowhere to show it
                pass

        self.started.emit(kind)
        self._pool.start(work)
        return serial

    def apply_now(self, kind: str) -> None:
        """Compute ``kind`` on this thread and show it at once (start-up, small maps)."""
        m = self.view.map
        if m is None:
            return
        self.kind = kind
        res = compute_layout(self._request(kind))
        self._serial += 1
        self._pending = False
        self._show(res, animate=False)

    def adopt_stored(self, kind: str) -> None:
        """Take the map's stored positions as layout ``kind`` (a saved map reopened)."""
        m = self.view.map
        if m is None:
            return
        self.kind = kind
        self.anchors = self._geo_anchors() if kind == "geographic" else None
        self.view.set_node_scale(NODE_SCALE.get(kind, 1.0))
        self._finish()

    def unpin_all(self) -> None:
        """Forget the current layout's pins and compute it afresh."""
        self.pins[self.kind] = {}
        if self.view.map is not None:
            self.view.map.pinned.clear()
        self.request(self.kind)

    def restyle(self) -> None:
        """Re-read the basemap and leader colours from :mod:`.style`."""
        if self._land is not None and self._outline is not None:
            self._land.setBrush(QBrush(QColor(style.BASEMAP_LAND)))
            self._outline.setPen(_cosmetic(style.BASEMAP_LINE, 0.8))
        self._leaders.setPen(_cosmetic(style.LEADER_COLOUR, 1.0))
        self._leader_dots.setBrush(QBrush(QColor(style.LEADER_COLOUR)))
        self._leader_dots.setPen(pg.mkPen(None))

    def basemap_visible(self) -> bool:
        return self._outline is not None and self._outline.isVisible()

    def leader_segments(self) -> np.ndarray:
        """The drawn leader lines as pairs ``(2k, 2)``: displayed position, true place."""
        x, y = self._leaders.getData()
        if x is None or not self._leaders.isVisible():
            return np.zeros((0, 2))
        return np.column_stack([x, y])

    # -- handlers ------------------------------------------------------------------------
    def _on_view_map_set(self) -> None:
        # set_map cleared the view box: a new map, or the same one reloaded
        self._anim.stop()
        self._serial += 1  # results of requests for the previous map are dropped
        self._pending = False
        m = self.view.map
        self.pins = {}
        kind = m.layout if m is not None and m.layout in LAYOUTS else self.kind
        if m is not None:
            self.pins[kind] = {a: m.positions[a] for a in m.pinned if a in m.positions}
        self.kind = kind
        self.view.set_node_scale(NODE_SCALE.get(kind, 1.0))
        self._add_underlay()
        self._set_geo_items(False)
        if m is None or not m.actors:
            return
        if m.layout in LAYOUTS and all(a in m.positions for a in m.actor_ids()):
            self.adopt_stored(m.layout)  # a saved map: shown as it was saved
        elif kind == DEFAULT_LAYOUT:
            self._finish()  # the view already shows the force layout (layout.map_positions)
        elif len(m.actors) <= SYNC_LIMIT:
            self.apply_now(kind)
        else:
            self.request(kind, animate=False)

    def _on_view_node_moved(self, actor_id: str) -> None:
        m = self.view.map
        if m is None or actor_id not in m.positions:
            return
        self.pins.setdefault(self.kind, {})[actor_id] = m.positions[actor_id]
        m.layout = self.kind
        if self.kind == "geographic":
            self._draw_leaders()

    def _on_relay_done(self, payload) -> None:
        serial, res, ident = payload
        self.worker_threads.append(ident)
        if serial != self._serial:
            self.superseded.append(serial)
            return
        self._pending = False
        if isinstance(res, str):
            self.failed.emit(res)
            return
        self._show(res, animate=self._animate)

    def _on_anim_value_changed(self, t) -> None:
        if self._start is None or self._target is None:
            return
        self.view.set_positions(interpolate(self._start, self._target, float(t)), final=False)
        self.view.fit()

    def _on_anim_finished(self) -> None:
        if self._target is not None:
            self.view.set_positions(self._target)
            self.view.fit()
        self._finish()

    # -- internals -----------------------------------------------------------------------
    def _show(self, res: LayoutResult, *, animate: bool) -> None:
        self._anim.stop()
        self.anchors = res.anchors
        self._set_geo_items(False)  # the basemap shows once the nodes have arrived
        self.view.set_node_scale(NODE_SCALE.get(self.kind, 1.0))
        self._start = self.view.positions()
        self._target = res.xy
        if animate and self._anim.duration() > 0 and len(self._start) == len(res.xy):
            self._anim.start()
        else:
            self._on_anim_finished()

    def _finish(self) -> None:
        m = self.view.map
        if m is None:
            return
        xy = self.view.positions()
        m.positions = {a: (float(x), float(y)) for a, (x, y) in zip(m.actor_ids(), xy.tolist(), strict=True)}
        m.pinned = set(self.pins.get(self.kind, {}))
        m.layout = self.kind
        self._set_geo_items(self.kind == "geographic")
        self._target = self._start = None
        self.finished.emit(self.kind)

    def _request(self, kind: str):
        m = self.view.map
        assert m is not None
        sizes = None
        if self.view.arrays is not None:  # at the size the layout will draw them
            sizes = self.view.arrays.size_px / self.view.node_scale * NODE_SCALE.get(kind, 1.0)
        vb = self.view.vb
        view_px = (float(vb.width()), float(vb.height())) if vb.width() >= 100 else (1000.0, 700.0)
        return layout_request(
            m, kind, pins=self.pins.setdefault(kind, {}), seed=self.seed, node_px=sizes, view_px=view_px
        )

    def _geo_anchors(self) -> np.ndarray | None:
        m = self.view.map
        if m is None or len(m.actors) > DECLUTTER_LIMIT:
            return None
        req = layout_request(m, "geographic", seed=self.seed)
        return geographic_layout(req.latlon, req.edges.tolist(), seed=self.seed)

    def _add_underlay(self) -> None:
        vb = self.view.vb
        if self._outline is None:
            bm = load_basemap()
            land = _rings_path(bm.xy, bm.ring_offsets)
            outline = pg.arrayToQPath(bm.outline[:, 0], bm.outline[:, 1], connect="finite")
            self._land = QGraphicsPathItem(land)
            self._land.setPen(QPen(Qt.PenStyle.NoPen))
            self._outline = QGraphicsPathItem(outline)
            self._outline.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            for z, item in ((-20, self._land), (-19, self._outline)):
                item.setZValue(z)
                # a still picture between zooms: the outlines never change
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self._leaders.setZValue(0.5)
            self._leader_dots.setZValue(0.6)
            self.restyle()
        for item in (self._land, self._outline, self._leaders, self._leader_dots):
            if item.scene() is None:
                vb.addItem(item, ignoreBounds=True)

    def _set_geo_items(self, on: bool) -> None:
        for item in (self._land, self._outline):
            if item is not None:
                item.setVisible(on)
        if on:
            self._draw_leaders()
        else:
            self._leaders.setVisible(False)
            self._leader_dots.setVisible(False)

    def _draw_leaders(self) -> None:
        xy = self.view.positions()
        if self.anchors is None or len(self.anchors) != len(xy):
            self._leaders.setVisible(False)
            self._leader_dots.setVisible(False)
            return
        span = max(float(np.ptp(xy, axis=0).max()) if len(xy) else 0.0, 1e-9)
        moved = np.linalg.norm(xy - self.anchors, axis=1) > 1e-3 * span
        pairs = np.empty((2 * int(moved.sum()), 2))
        pairs[0::2] = xy[moved]
        pairs[1::2] = self.anchors[moved]
        self._leaders.setData(pairs[:, 0], pairs[:, 1], connect="pairs")
        self._leader_dots.setData(pos=self.anchors[moved])
        self._leaders.setVisible(bool(moved.any()))
        self._leader_dots.setVisible(bool(moved.any()))


def _cosmetic(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)
    return pen


def _rings_path(xy: np.ndarray, offsets: np.ndarray) -> QPainterPath:
    """Every ring as a closed sub-path of one path, filled with the winding rule."""
    connect = np.ones(len(xy), dtype=np.int32)
    connect[np.asarray(offsets[1:], dtype=np.intp) - 1] = 0  # no line from a ring's end to the next
    path = pg.arrayToQPath(np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1]), connect=connect)
    path.setFillRule(Qt.FillRule.WindingFill)
    return path
