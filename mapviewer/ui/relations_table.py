"""The relations table: every relation of the map as a sortable row.

A :class:`RelationsModel` (one row per relation, in map order) behind a
:class:`_VisibleProxy` (sorting, and hiding the rows the map filter hides) in a
``QTableView``. Selecting a row emits :attr:`RelationsTable.relation_selected` with the
relation's index in the map; Enter or a double click emits
:attr:`RelationsTable.relation_activated`. :meth:`RelationsTable.select_relation` selects
a row from the window without emitting, so the map and the table can follow each other
without a signal loop.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ..describe import relation_title
from ..extract import is_suggested
from ..model import RelationMap
from ..replay import first_sentences
from . import style

__all__ = ["COLUMNS", "SURE_COLUMN", "RelationsModel", "RelationsTable"]

COLUMNS = ("Pair", "Types", "Tone", "Direction", "Quotes", "First sentence", "Sure")
#: The column of the relation's confidence, shown for automatic maps only.
SURE_COLUMN = 6
#: Role holding the value a column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role holding the relation's index in the map (every column).
RELATION_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class RelationsModel(QAbstractTableModel):
    """One row per relation of a map, in map order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.map: RelationMap | None = None
        self._rows: list[tuple] = []
        self._sort: list[tuple] = []
        self._valence: list[str] = []
        self._ends: list[tuple[str, str]] = []
        self._notes: list[str] = []
        #: Rows drawn in bold (the relations of the actor focused on the map).
        self.emphasized = np.zeros(0, bool)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_map(self, m: RelationMap | None, first: np.ndarray | None = None) -> None:
        """Show the relations of ``m``; ``first`` is each one's first sentence (computed if None)."""
        self.beginResetModel()
        self.map = m
        self._rows, self._sort, self._valence, self._ends, self._notes = [], [], [], [], []
        if m is not None:
            first = first_sentences(m) if first is None else first
            for i, r in enumerate(m.relations):
                title = relation_title(m, r)
                types = ", ".join(r.types) or "—"
                direction = "directed" if r.directed else "mutual"
                n = len(r.evidence)
                fs = int(first[i]) + 1 if r.evidence else None
                sure = round(100 * r.confidence)
                # a suggested relation (see the note) is marked: its type is a guess
                self._rows.append(
                    (title, types, r.valence, direction, str(n), "—" if fs is None else str(fs),
                     f"{sure}%" + (" ?" if is_suggested(r) else ""))
                )
                self._sort.append(
                    (title.casefold(), types, r.valence, direction, n, fs if fs is not None else 1 << 30, sure)
                )
                self._notes.append(r.note if is_suggested(r) else "")
                self._valence.append(r.valence)
                self._ends.append((r.source, r.target))
        self.emphasized = np.zeros(len(self._rows), bool)
        self.endResetModel()

    def emphasize_actor(self, actor_id: str | None) -> np.ndarray:
        """Bold the rows of ``actor_id``'s relations (None: none); their rows in map order."""
        mask = np.array([actor_id is not None and actor_id in e for e in self._ends], dtype=bool)
        mask = mask.reshape(len(self._rows))
        if not np.array_equal(mask, self.emphasized):
            self.emphasized = mask
            if len(self._rows):
                self.dataChanged.emit(
                    self.index(0, 0),
                    self.index(len(self._rows) - 1, len(COLUMNS) - 1),
                    [Qt.ItemDataRole.FontRole],
                )
        return np.flatnonzero(mask)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[row][col]
        if role == SORT_ROLE:
            return self._sort[row][col]
        if role == RELATION_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor(style.VALENCE_COLOURS.get(self._valence[row], "#000000"))
        if role == Qt.ItemDataRole.FontRole and row < len(self.emphasized) and self.emphasized[row]:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and col == SURE_COLUMN and self._notes[row]:
            return self._notes[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5, SURE_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


class _VisibleProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` and hides the rows whose relation the map filter hides."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._mask: np.ndarray | None = None

    def set_mask(self, mask: np.ndarray | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self._mask = None if mask is None else np.asarray(mask, dtype=bool)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._mask = None if mask is None else np.asarray(mask, dtype=bool)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        return self._mask is None or source_row >= len(self._mask) or bool(self._mask[source_row])


class _Table(QTableView):
    """Enter activates the current row (a QTableView would only move down)."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        if ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            ev.accept()
            return
        super().keyPressEvent(ev)


class RelationsTable(QWidget):
    """Sortable table of the map's relations, synced with the map's selection."""

    relation_selected = Signal(int)
    relation_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Relations table")
        self.model = RelationsModel(self)
        self.proxy = _VisibleProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = _Table()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Relations: pair, types, tone, direction, quotes, first sentence, confidence")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # reading order by default
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setStretchLastSection(False)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_row_changed)
        self.view.doubleClicked.connect(self._on_view_activated)
        self.view.activated_row.connect(self._on_view_activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)
        self._syncing = False

    # -- method calls from the window --------------------------------------------------
    def set_map(self, m: RelationMap | None, first: np.ndarray | None = None) -> None:
        with self._quiet():
            self.model.set_map(m, first)
            self.proxy.set_mask(None)
        # a curated map is sure of every relation: no column of 100%
        self.view.setColumnHidden(SURE_COLUMN, m is None or all(r.confidence >= 1.0 for r in m.relations))
        for col, w in enumerate((300, 200, 90, 80, 64, 120)):  # the longest pairs in full
            self.view.setColumnWidth(col, w)

    def set_visible(self, mask: np.ndarray | None) -> None:
        """Show only the relations where ``mask`` is True (None: all); keeps the selection."""
        current = self.selected_relation()
        with self._quiet():
            self.proxy.set_mask(mask)
            if current is not None:
                self._select(current)

    def select_relation(self, r: int | None) -> None:
        """Select the row of relation ``r`` (None clears) and scroll to it, without emitting."""
        with self._quiet():
            self._select(r)

    def emphasize_actor(self, actor_id: str | None) -> None:
        """Bold the relations of ``actor_id`` (None clears) and scroll the first shown one into
        view (the row order of the table: by first sentence unless re-sorted)."""
        rows = self.model.emphasize_actor(actor_id)
        shown = [
            v for v in (self.proxy.mapFromSource(self.model.index(int(r), 0)).row() for r in rows) if v >= 0
        ]
        if shown:
            self._scroll_into_view(self.proxy.index(min(shown), 0))

    def selected_relation(self) -> int | None:
        idx = self.view.currentIndex()
        if not idx.isValid() or not self.view.selectionModel().isSelected(idx):
            return None
        return int(idx.data(RELATION_ROLE))

    def row_of(self, r: int) -> int:
        """The view row of relation ``r`` (-1 when hidden)."""
        return self.proxy.mapFromSource(self.model.index(r, 0)).row()

    # -- internals -------------------------------------------------------------------------
    def _select(self, r: int | None) -> None:
        sm = self.view.selectionModel()
        if r is None or not (0 <= r < self.model.rowCount()):
            sm.clearSelection()
            sm.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            return
        idx = self.proxy.mapFromSource(self.model.index(r, 0))
        if not idx.isValid():  # hidden by the filter
            sm.clearSelection()
            return
        sm.setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self._scroll_into_view(idx)

    def _scroll_into_view(self, idx: QModelIndex) -> None:
        # a row already in view stays put (a click in the table must not move it away)
        if not self.view.viewport().rect().contains(self.view.visualRect(idx)):
            self.view.scrollTo(idx, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _quiet(self):
        table = self

        class _Guard:
            def __enter__(self):
                table._syncing = True

            def __exit__(self, *exc):
                table._syncing = False

        return _Guard()

    # -- signals up ----------------------------------------------------------------------
    def _on_view_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.relation_selected.emit(int(current.data(RELATION_ROLE)))

    def _on_view_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.relation_activated.emit(int(index.data(RELATION_ROLE)))
