"""The filter panel: what the map shows, search, and the ego view.

Every control change emits :attr:`FilterPanel.filter_changed` with the new
:class:`~mapviewer.filtering.MapFilter` (the replay step is not the panel's: it stays
None here and the window adds it). Method calls (:meth:`set_map`, :meth:`set_filter`,
:meth:`show_search_result`) change the controls without emitting.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..extract import is_suggested
from ..filtering import NO_TYPE, MapFilter, SearchResult
from ..model import ACTOR_KINDS, RELATION_TYPES, VALENCES, RelationMap
from . import style

__all__ = ["FilterPanel"]

#: Quote hits listed at most (the count says how many there are).
MAX_HITS = 200
_CONTEXT = 40  # characters of context either side of a hit
_WS = re.compile(r"\s+")


def _squash(s: str) -> str:
    """White space runs (line breaks too) as single spaces, for a one-line snippet."""
    return _WS.sub(" ", s)


class FilterPanel(QWidget):
    """Valences, relation types, minimum quotes, actor kinds, search and ego view."""

    filter_changed = Signal(object)  # MapFilter
    quote_hit_activated = Signal(object)  # QuoteHit

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Filters")
        self.map: RelationMap | None = None
        self._hits: list = []

        # search
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search actors and quotes (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search actors and quotes")
        for b in self.search_edit.findChildren(QToolButton):  # Qt's clear button
            b.setAccessibleName("Clear the search")
        self.search_edit.textChanged.connect(self._on_control_changed)
        self.match_label = QLabel("")
        self.match_label.setAccessibleName("Search matches")
        self.match_label.setWordWrap(True)
        self.hits_list = QListWidget()
        self.hits_list.setAccessibleName("Quotes matching the search")
        self.hits_list.setWordWrap(True)
        self.hits_list.setMinimumHeight(120)
        self.hits_list.setVisible(False)
        self.hits_list.itemActivated.connect(self._on_hits_list_item_activated)
        self.hits_list.itemClicked.connect(self._on_hits_list_item_activated)

        # valences
        self.valence_boxes: dict[str, QCheckBox] = {}
        val_box = QGroupBox("Tone")
        # two by two: the dock stays narrow and the map gets the width
        val_lay = QGridLayout(val_box)
        val_lay.setContentsMargins(6, 2, 6, 2)
        val_lay.setVerticalSpacing(1)
        for k, v in enumerate(VALENCES):
            cb = QCheckBox(v)
            cb.setChecked(True)
            cb.setAccessibleName(f"Show {v} relations")
            cb.setStyleSheet(f"QCheckBox {{ color: {style.VALENCE_COLOURS[v]}; }}")
            cb.toggled.connect(self._on_control_changed)
            val_lay.addWidget(cb, k // 2, k % 2, Qt.AlignmentFlag.AlignLeft)
            self.valence_boxes[v] = cb
        val_box.setAccessibleName("Relation tones shown")

        # relation types
        self.type_list = QListWidget()
        self.type_list.setAccessibleName("Relation types shown")
        self.type_list.itemChanged.connect(self._on_control_changed)
        self.type_list.setMinimumHeight(80)
        types_all = QPushButton("All types")
        types_all.setAccessibleName("Show all relation types")
        types_all.clicked.connect(self._on_types_all_clicked)

        # minimum quotes
        self.min_evidence = QSpinBox()
        self.min_evidence.setRange(0, 99)
        self.min_evidence.setSpecialValueText("any")
        self.min_evidence.setAccessibleName("Minimum number of quotes")
        self.min_evidence.valueChanged.connect(self._on_control_changed)

        # actor kinds
        self.kind_boxes: dict[str, QCheckBox] = {}
        kind_box = QGroupBox("Actors")
        kind_lay = QVBoxLayout(kind_box)
        kind_lay.setContentsMargins(6, 2, 6, 2)
        kind_lay.setSpacing(1)
        for k in ACTOR_KINDS:
            cb = QCheckBox(style.KIND_LABELS.get(k, k))
            cb.setChecked(True)
            cb.setAccessibleName(f"Show {style.KIND_LABELS.get(k, k)} actors")
            cb.toggled.connect(self._on_control_changed)
            kind_lay.addWidget(cb)
            self.kind_boxes[k] = cb
        kind_box.setAccessibleName("Actor kinds shown")

        # ego view
        self.ego_combo = QComboBox()
        self.ego_combo.setAccessibleName("Ego view: show only this actor's neighbourhood")
        self.ego_combo.currentIndexChanged.connect(self._on_control_changed)
        self.ego_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ego_combo.setMinimumContentsLength(9)  # "everyone" and short names in full
        self.ego_depth = QComboBox()
        self.ego_depth.addItem("neighbours", 1)
        self.ego_depth.addItem("2 steps", 2)
        self.ego_depth.setAccessibleName("Ego view depth")
        self.ego_depth.currentIndexChanged.connect(self._on_control_changed)

        # minimum confidence: an automatic map's relations are found with some certainty
        self.min_confidence = QSpinBox()
        self.min_confidence.setRange(0, 100)
        self.min_confidence.setSingleStep(10)
        self.min_confidence.setSpecialValueText("any")
        self.min_confidence.setAccessibleName("Minimum confidence in percent")
        self.min_confidence.setToolTip("Hide relations the extractor found with less confidence")
        self.min_confidence.valueChanged.connect(self._on_control_changed)

        # suggestions of the extractor's learned pass (drawn pale): shown unless unchecked
        self.suggested_box = QCheckBox("suggested relations (pale)")
        self.suggested_box.setChecked(True)
        self.suggested_box.setAccessibleName("Show the relations the extractor only suggests")
        self.suggested_box.setToolTip("Relations no rule found, which the learned pass thinks likely")
        self.suggested_box.toggled.connect(self._on_control_changed)

        self.reset_button = QPushButton("Show everything")
        self.reset_button.setAccessibleName("Reset all filters")
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        self.summary = QLabel("")
        self.summary.setAccessibleName("What the map shows")
        self.summary.setWordWrap(True)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("At least", self._with_suffix(self.min_evidence, "quote(s)"))
        self.min_confidence_row = self._with_suffix(self.min_confidence, "% sure")
        form.addRow("At least", self.min_confidence_row)
        form.addRow("Show", self.suggested_box)
        self._confidence_form = form
        ego_row = QHBoxLayout()
        ego_row.addWidget(self.ego_combo, 1)
        ego_row.addWidget(self.ego_depth)
        form.addRow("Around", ego_row)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.search_edit)
        lay.addWidget(self.match_label)
        lay.addWidget(self.hits_list, 3)
        lay.addWidget(val_box)
        types_head = QHBoxLayout()
        types_head.addWidget(QLabel("<b>Relation types</b>"))
        types_head.addStretch(1)
        types_head.addWidget(types_all)
        lay.addLayout(types_head)
        lay.addWidget(self.type_list, 1)
        lay.addLayout(form)
        lay.addWidget(kind_box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.reset_button)
        lay.addLayout(bottom)
        lay.addStretch(1)  # the spare height goes below the controls unless the hits need it

    @staticmethod
    def _with_suffix(w: QWidget, text: str) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(w)
        row.addWidget(QLabel(text))
        row.addStretch(1)
        return box

    # -- method calls from the window --------------------------------------------------
    def set_map(self, m: RelationMap) -> None:
        """Offer the types and actors of ``m``; reset every control (no signal)."""
        self.map = m
        with QSignalBlocker(self.type_list):
            self.type_list.clear()
            present = {t for r in m.relations for t in (r.types or (NO_TYPE,))}
            order = [t for t in RELATION_TYPES if t in present] + sorted(present - set(RELATION_TYPES))
            for t in order:
                n = sum(1 for r in m.relations if t in (r.types or (NO_TYPE,)))
                item = QListWidgetItem(f"{t or '(no type)'}  ({n})")
                item.setData(Qt.ItemDataRole.UserRole, t)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                self.type_list.addItem(item)
        with QSignalBlocker(self.ego_combo):
            self.ego_combo.clear()
            self.ego_combo.addItem("everyone", None)
            for a in sorted(m.actors, key=lambda a: a.name.casefold()):
                self.ego_combo.addItem(a.name, a.id)
        with QSignalBlocker(self.min_evidence):
            self.min_evidence.setMaximum(max([len(r.evidence) for r in m.relations], default=0) or 1)
        # Only a map with uncertain relations (an automatic one) offers the confidence filter.
        self._confidence_form.setRowVisible(self.min_confidence_row, any(r.confidence < 1.0 for r in m.relations))
        self._confidence_form.setRowVisible(self.suggested_box, any(is_suggested(r) for r in m.relations))
        # as tall as its rows (up to 16): the spare height goes to the search hits
        rows = min(max(self.type_list.count(), 3), 16)
        row_h = self.type_list.sizeHintForRow(0)  # -1 for an empty list (a map without relations)
        self.type_list.setMaximumHeight(
            max(
                rows * (row_h if row_h > 0 else 16) + 2 * self.type_list.frameWidth() + 2,
                self.type_list.minimumHeight(),
            )
        )
        self.set_filter(MapFilter())
        self.show_search_result(None)

    def filter(self) -> MapFilter:
        """The filter the controls show."""
        vals = frozenset(v for v, cb in self.valence_boxes.items() if cb.isChecked())
        kinds = frozenset(k for k, cb in self.kind_boxes.items() if cb.isChecked())
        types = frozenset(
            self.type_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.type_list.count())
            if self.type_list.item(i).checkState() == Qt.CheckState.Checked
        )
        all_types = self.type_list.count() == len(types)
        return MapFilter(
            valences=None if len(vals) == len(self.valence_boxes) else vals,
            types=None if all_types else types,
            min_evidence=self.min_evidence.value(),
            min_confidence=self.min_confidence.value(),
            suggested=self.suggested_box.isChecked(),
            kinds=None if len(kinds) == len(self.kind_boxes) else kinds,
            search=self.search_edit.text(),
            ego=self.ego_combo.currentData(),
            ego_depth=int(self.ego_depth.currentData() or 1),
        )

    def set_filter(self, f: MapFilter) -> None:
        """Show ``f`` in the controls (no signal)."""
        blockers = [
            QSignalBlocker(w)
            for w in (
                *self.valence_boxes.values(),
                *self.kind_boxes.values(),
                self.type_list,
                self.min_evidence,
                self.min_confidence,
                self.suggested_box,
                self.search_edit,
                self.ego_combo,
                self.ego_depth,
            )
        ]
        for v, cb in self.valence_boxes.items():
            cb.setChecked(f.valences is None or v in f.valences)
        for k, cb in self.kind_boxes.items():
            cb.setChecked(f.kinds is None or k in f.kinds)
        for i in range(self.type_list.count()):
            item = self.type_list.item(i)
            on = f.types is None or item.data(Qt.ItemDataRole.UserRole) in f.types
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.min_evidence.setValue(f.min_evidence)
        self.min_confidence.setValue(f.min_confidence)
        self.suggested_box.setChecked(f.suggested)
        if self.search_edit.text() != f.search:
            self.search_edit.setText(f.search)
        k = self.ego_combo.findData(f.ego)
        self.ego_combo.setCurrentIndex(max(k, 0))
        self.ego_depth.setCurrentIndex(max(self.ego_depth.findData(f.ego_depth), 0))
        for b in blockers:
            b.unblock()
        self.reset_button.setEnabled(not f.is_default)

    def set_ego(self, actor_id: str | None, *, emit: bool = True) -> None:
        """Centre the ego view on ``actor_id`` (None: everyone)."""
        with QSignalBlocker(self.ego_combo):
            self.ego_combo.setCurrentIndex(max(self.ego_combo.findData(actor_id), 0))
        if emit:
            self._on_control_changed()

    def show_summary(self, n_relations: int, n_total: int, n_actors: int, n_actors_total: int) -> None:
        """Say how much of the map the filter shows."""
        if n_relations == n_total and n_actors == n_actors_total:
            self.summary.setText(f"All {n_total} relations shown.")
        else:
            self.summary.setText(
                f"Showing {n_relations} of {n_total} relations, {n_actors} of {n_actors_total} actors."
            )

    def show_search_result(self, res: SearchResult | None) -> None:
        """Show the match count and list the matching quotes."""
        self.hits_list.clear()
        self._hits = []
        if res is None or not res.active:
            self.match_label.setText("")
            self.match_label.setVisible(False)
            self.hits_list.setVisible(False)
            return
        n_act, n_q = int(res.actors.sum()), res.n_quotes
        self.match_label.setText(
            f"{n_act} actor{'s' * (n_act != 1)}, {n_q} quote{'s' * (n_q != 1)}"
            + (f" (first {MAX_HITS} listed)" if n_q > MAX_HITS else "")
        )
        self.match_label.setVisible(True)
        m = self.map
        hits = res.quote_hits(MAX_HITS)
        for h in hits:
            text = m.article(h.article).text if m is not None else ""
            lo = max(h.quote_start, h.start - _CONTEXT)
            hi = min(h.quote_end, h.end + _CONTEXT)
            snippet = (
                ("…" if lo > h.quote_start else "")
                + _squash(text[lo : h.start])
                + "["
                + text[h.start : h.end]
                + "]"
                + _squash(text[h.end : hi])
                + ("…" if hi < h.quote_end else "")
            )
            item = QListWidgetItem(snippet)
            item.setToolTip(html.escape(text[h.quote_start : h.quote_end]))
            self.hits_list.addItem(item)
        self._hits = hits
        self.hits_list.setVisible(bool(hits))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # -- signals up ----------------------------------------------------------------------
    def _on_control_changed(self, *_args) -> None:
        f = self.filter()
        self.reset_button.setEnabled(not f.is_default)
        self.filter_changed.emit(f)

    def _on_types_all_clicked(self) -> None:
        with QSignalBlocker(self.type_list):
            for i in range(self.type_list.count()):
                self.type_list.item(i).setCheckState(Qt.CheckState.Checked)
        self._on_control_changed()

    def _on_reset_button_clicked(self) -> None:
        self.set_filter(MapFilter())
        self._on_control_changed()

    def _on_hits_list_item_activated(self, item: QListWidgetItem) -> None:
        row = self.hits_list.row(item)
        if 0 <= row < len(self._hits):
            self.quote_hit_activated.emit(self._hits[row])
