"""The relations table on its own: rows, sorting, filtering, selection both ways."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mapviewer.describe import relation_title
from mapviewer.replay import first_sentences
from mapviewer.seeds import default_seed
from mapviewer.ui.relations_table import COLUMNS, RELATION_ROLE, SURE_COLUMN, RelationsTable

pytestmark = pytest.mark.gui


@pytest.fixture
def table(qtbot, small_map):
    t = RelationsTable()
    qtbot.addWidget(t)
    t.set_map(small_map)
    t.resize(900, 300)
    t.show()
    qtbot.waitExposed(t)
    return t


def _rels_in_view_order(t):
    return [t.proxy.index(row, 0).data(RELATION_ROLE) for row in range(t.proxy.rowCount())]


def test_one_row_per_relation_with_its_columns(table, small_map):
    assert table.proxy.rowCount() == len(small_map.relations)
    assert table.model.columnCount() == len(COLUMNS)
    first = first_sentences(small_map)
    for i, r in enumerate(small_map.relations):
        row = [table.model.index(i, c).data() for c in range(len(COLUMNS))]
        assert row[0] == relation_title(small_map, r)
        assert row[1] == ", ".join(r.types)
        assert row[2] == r.valence
        assert row[3] == ("directed" if r.directed else "mutual")
        assert row[4] == str(len(r.evidence))
        assert row[5] == str(first[i] + 1)


def test_the_sure_column_shows_for_automatic_maps_and_marks_suggestions(table, small_map):
    assert table.view.isColumnHidden(SURE_COLUMN)  # a curated map: every relation is sure
    small_map.relations[0].confidence = 0.62
    small_map.relations[1].confidence = 0.9
    small_map.relations[1].note = "suggested: no rule recognised its wording"
    small_map.relations[2].note = "a curator's note"  # not a suggestion
    table.set_map(small_map)
    assert not table.view.isColumnHidden(SURE_COLUMN)
    assert table.model.index(0, SURE_COLUMN).data() == "62%"
    assert table.model.index(1, SURE_COLUMN).data() == "90% ?"
    assert table.model.index(2, SURE_COLUMN).data() == "100%"
    assert "suggested" in table.model.index(1, SURE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    table.view.sortByColumn(SURE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert _rels_in_view_order(table)[0] == 0


def test_sorts_numerically_by_quotes(table, small_map):
    table.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    counts = [len(small_map.relations[r].evidence) for r in _rels_in_view_order(table)]
    assert counts == sorted(counts, reverse=True)
    table.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [
        relation_title(small_map, small_map.relations[r]).casefold() for r in _rels_in_view_order(table)
    ]
    assert titles == sorted(titles)


def test_clicking_a_row_emits_the_map_index_even_when_sorted(qtbot, table, small_map):
    table.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    rel = _rels_in_view_order(table)[2]
    rect = table.view.visualRect(table.proxy.index(2, 0))
    with qtbot.waitSignal(table.relation_selected, timeout=1000) as sig:
        qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [rel]
    assert table.selected_relation() == rel


def test_select_relation_selects_without_emitting(qtbot, table):
    with qtbot.assertNotEmitted(table.relation_selected):
        table.select_relation(3)
    assert table.selected_relation() == 3
    with qtbot.assertNotEmitted(table.relation_selected):
        table.select_relation(None)
    assert table.selected_relation() is None


def test_keyboard_moves_and_enter_activates(qtbot, table):
    table.select_relation(_rels_in_view_order(table)[0])
    table.view.setFocus()
    second = _rels_in_view_order(table)[1]
    with qtbot.waitSignal(table.relation_selected, timeout=1000) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Down)
    assert sig.args == [second]
    with qtbot.waitSignal(table.relation_activated, timeout=1000) as sig:
        qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert sig.args == [second]


def test_double_click_activates(qtbot, table):
    rel = _rels_in_view_order(table)[1]
    rect = table.view.visualRect(table.proxy.index(1, 2))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(table.relation_activated, timeout=1000) as sig:
        qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [rel]


def test_set_visible_hides_rows_and_keeps_a_visible_selection(qtbot, table, small_map):
    table.select_relation(1)
    mask = np.array([r.valence == "hostile" for r in small_map.relations])
    with qtbot.assertNotEmitted(table.relation_selected):
        table.set_visible(mask)
    assert sorted(_rels_in_view_order(table)) == np.flatnonzero(mask).tolist()
    assert table.selected_relation() == 1
    assert table.row_of(0) == -1
    table.set_visible(None)
    assert table.proxy.rowCount() == len(small_map.relations)


def test_seed_map_rows_default_to_reading_order(qtbot):
    m = default_seed().curated_map()
    t = RelationsTable()
    qtbot.addWidget(t)
    t.set_map(m)
    first = first_sentences(m)
    order = [first[r] for r in _rels_in_view_order(t)]
    assert order == sorted(order)
    assert t.view.accessibleName() and t.accessibleName()
