"""The filter panel on its own: user actions emit the filter, method calls set the controls."""

import pytest
from PySide6.QtCore import Qt

from mapviewer.filtering import MapFilter, MapIndex, search
from mapviewer.model import ACTOR_KINDS, VALENCES
from mapviewer.seeds import default_seed
from mapviewer.ui.filter_panel import FilterPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, small_map):
    p = FilterPanel()
    qtbot.addWidget(p)
    p.set_map(small_map)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_offers_the_maps_types_and_actors(panel, small_map):
    types = [panel.type_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.type_list.count())]
    assert sorted(types) == sorted({t for r in small_map.relations for t in r.types})
    assert panel.ego_combo.count() == len(small_map.actors) + 1
    assert panel.ego_combo.itemData(0) is None
    assert panel.filter() == MapFilter()
    assert not panel.reset_button.isEnabled()


def test_unchecking_a_valence_emits(qtbot, panel):
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        qtbot.mouseClick(panel.valence_boxes["hostile"], Qt.MouseButton.LeftButton)
    f = sig.args[0]
    assert f.valences == frozenset(VALENCES) - {"hostile"}
    assert panel.reset_button.isEnabled()


def test_unchecking_a_type_and_kind_and_raising_min_evidence(qtbot, panel):
    item = panel.type_list.item(0)
    t = item.data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        item.setCheckState(Qt.CheckState.Unchecked)
    assert t not in sig.args[0].types and len(sig.args[0].types) == panel.type_list.count() - 1
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        panel.kind_boxes["group"].click()
    assert sig.args[0].kinds == frozenset(ACTOR_KINDS) - {"group"}
    panel.min_evidence.setFocus()
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        qtbot.keyClick(panel.min_evidence, Qt.Key.Key_Up)
    assert sig.args[0].min_evidence == 1


def test_the_confidence_filter_is_offered_for_automatic_maps_only(qtbot, panel, small_map):
    assert all(r.confidence == 1.0 for r in small_map.relations)
    assert not panel.min_confidence.isVisible()
    small_map.relations[0].confidence = 0.4
    small_map.relations[1].confidence = 0.8
    panel.set_map(small_map)
    assert panel.min_confidence.isVisible()
    panel.min_confidence.setFocus()
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        qtbot.keyClick(panel.min_confidence, Qt.Key.Key_Up)
    assert sig.args[0].min_confidence == 10 and panel.reset_button.isEnabled()
    with qtbot.assertNotEmitted(panel.filter_changed):
        panel.set_filter(MapFilter(min_confidence=70))
    assert panel.min_confidence.value() == 70 and panel.filter().min_confidence == 70


def test_the_suggested_toggle_is_offered_when_the_map_has_suggestions(qtbot, panel, small_map):
    assert not panel.suggested_box.isVisible()
    small_map.relations[0].note = "suggested: these sentences read like a relation"
    small_map.relations[0].confidence = 0.6
    panel.set_map(small_map)
    assert panel.suggested_box.isVisible() and panel.suggested_box.isChecked()
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        qtbot.mouseClick(panel.suggested_box, Qt.MouseButton.LeftButton)
    assert sig.args[0].suggested is False and panel.reset_button.isEnabled()
    with qtbot.assertNotEmitted(panel.filter_changed):
        panel.set_filter(MapFilter())
    assert panel.suggested_box.isChecked()


def test_typing_in_search_emits_per_keystroke(qtbot, panel):
    seen = []
    panel.filter_changed.connect(lambda f: seen.append(f.search))
    qtbot.keyClicks(panel.search_edit, "syl")
    assert seen == ["s", "sy", "syl"]


def test_ego_combo_and_depth(qtbot, panel):
    k = panel.ego_combo.findData("SYL")
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        panel.ego_combo.setCurrentIndex(k)
    assert sig.args[0].ego == "SYL" and sig.args[0].ego_depth == 1
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        panel.ego_depth.setCurrentIndex(1)
    assert sig.args[0].ego_depth == 2


def test_set_filter_sets_controls_without_emitting(qtbot, panel):
    f = MapFilter(
        valences=frozenset({"hostile"}),
        types=frozenset({"threat"}),
        min_evidence=2,
        min_confidence=30,
        suggested=False,
        kinds=frozenset({"country"}),
        search="bor",
        ego="BOR",
        ego_depth=2,
    )
    with qtbot.assertNotEmitted(panel.filter_changed):
        panel.set_filter(f)
    assert panel.filter() == f
    assert not panel.valence_boxes["cooperative"].isChecked()
    assert panel.search_edit.text() == "bor"
    assert panel.ego_combo.currentData() == "BOR"


def test_reset_button_shows_everything(qtbot, panel):
    panel.set_filter(MapFilter(min_evidence=2, search="x"))
    assert panel.reset_button.isEnabled()
    with qtbot.waitSignal(panel.filter_changed, timeout=1000) as sig:
        qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert sig.args[0] == MapFilter()
    assert panel.min_evidence.value() == 0 and panel.search_edit.text() == ""


def test_search_result_lists_quote_hits_and_a_click_emits_the_hit(qtbot, panel, small_map):
    res = search(small_map, "gas", MapIndex(small_map))
    panel.show_search_result(res)
    assert panel.match_label.isVisible()
    assert panel.match_label.text() == f"0 actors, {res.n_quotes} quotes"
    assert panel.hits_list.count() == res.n_quotes == 2
    first = panel.hits_list.item(0).text()
    assert "[gas]" in first
    rect = panel.hits_list.visualItemRect(panel.hits_list.item(1))
    with qtbot.waitSignal(panel.quote_hit_activated, timeout=1000) as sig:
        qtbot.mouseClick(panel.hits_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    hit = sig.args[0]
    assert small_map.article().text[hit.start : hit.end].lower() == "gas"
    assert hit == res.quote_hits()[1]
    panel.show_search_result(None)
    assert not panel.hits_list.isVisible() and not panel.match_label.isVisible()


def test_summary_says_what_is_shown(panel):
    panel.show_summary(3, 6, 4, 6)
    assert panel.summary.text() == "Showing 3 of 6 relations, 4 of 6 actors."
    panel.show_summary(6, 6, 6, 6)
    assert panel.summary.text() == "All 6 relations shown."


def test_every_control_has_an_accessible_name(panel):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QSpinBox

    controls = [
        c
        for cls in (QAbstractButton, QComboBox, QLineEdit, QListWidget, QSpinBox)
        for c in panel.findChildren(cls)
        if not c.objectName().startswith("qt_")  # Qt's own parts (the spin box's line edit)
    ]
    assert len(controls) > 10
    assert all(c.accessibleName() for c in controls)


def test_seed_map_types_are_listed_in_display_order(qtbot):
    m = default_seed().curated_map()
    p = FilterPanel()
    qtbot.addWidget(p)
    p.set_map(m)
    types = [p.type_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(p.type_list.count())]
    assert set(types) == {t for r in m.relations for t in r.types}
    assert types.index("war") < types.index("alliance")
