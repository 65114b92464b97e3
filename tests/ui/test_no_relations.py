"""A map whose article names actors but relates none says so over the map, and a lone actor
is centred in the view (not left in a corner, behind the legend)."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from mapviewer.model import Actor, Article, RelationMap

TEXT = "The weather in Paris was mild yesterday. Tourists enjoyed the parks.\n"


def _lone_map(n: int = 1) -> RelationMap:
    actors = [Actor("FRA", "France", mentions=1), Actor("DEU", "Germany", mentions=1)][:n]
    return RelationMap([Article("a", TEXT, title="Weather")], actors, [], curated=False)


def test_a_map_without_relations_says_so(open_window):
    w = open_window(_lone_map(2))
    note = w.files.placeholder
    assert note.isVisible()
    assert "No relations found" in note.text() and "France, Germany" in note.text()
    # it lies over the map: clicks and drags must reach the actors beneath it
    assert note.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def test_the_note_goes_when_a_map_with_relations_is_shown(open_window, small_map):
    w = open_window(_lone_map())
    assert w.files.placeholder.isVisible()
    w.files.adopt(small_map)
    QApplication.processEvents()
    assert not w.files.placeholder.isVisible()


def test_a_lone_actor_is_centred_in_the_view(open_window):
    w = open_window(_lone_map())
    view = w.map_view
    x, y = (float(v) for v in view.arrays.xy[0])
    p = view.vb.mapViewToDevice(QPointF(x, y))
    r = view.vb.sceneBoundingRect()
    assert abs(p.x() - r.center().x()) < 0.1 * r.width()
    assert abs(p.y() - r.center().y()) < 0.1 * r.height()


def test_the_empty_type_list_keeps_its_height(open_window):
    # an empty list's row height is -1: its box must not collapse over the controls below it
    w = open_window(_lone_map())
    tl = w.explorer.filter_panel.type_list
    assert tl.count() == 0
    assert tl.maximumHeight() >= tl.minimumHeight()
