"""The window remembers its geometry and the last layout, in a temporary settings file."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from mapviewer.ui import settings
from mapviewer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def ini(tmp_path, monkeypatch):
    path = str(tmp_path / "settings.ini")
    monkeypatch.setattr(settings, "app_settings", lambda: QSettings(path, QSettings.Format.IniFormat))
    return path


def test_the_real_settings_carry_the_organization_name():
    s = QSettings(settings.ORGANIZATION, "mapviewer")
    assert s.organizationName() == "mapviewer"


def test_geometry_and_layout_are_restored(qtbot, small_map, ini):
    w = MainWindow(small_map)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.resize(701, 611)  # within the offscreen screen (restoreGeometry keeps windows on it)
    with qtbot.waitSignal(w.view_controls.runner.finished, timeout=5000):
        w.view_controls.set_layout("circular")
    w.close()
    assert QSettings(ini, QSettings.Format.IniFormat).value("view/layout") == "circular"

    small_map.layout = ""  # as if opened afresh: the remembered layout applies
    small_map.positions.clear()
    w2 = MainWindow(small_map)
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (701, 611)
    assert w2.view_controls.runner.kind == "circular"
    assert w2.view_controls.combo.currentData() == "circular"
    xy = w2.map_view.positions()
    r = np.linalg.norm(xy - xy.mean(axis=0), axis=1)
    assert np.allclose(r, r[0], rtol=1e-4)


def test_a_fresh_start_uses_the_defaults(qtbot, small_map):
    w = MainWindow(small_map)
    qtbot.addWidget(w)
    assert (w.width(), w.height()) == (1600, 1000)
    assert w.view_controls.runner.kind == "force"


def test_a_bad_stored_layout_is_ignored(qtbot, small_map, ini):
    QSettings(ini, QSettings.Format.IniFormat).setValue("view/layout", "spiral")
    assert settings.last_layout() == "force"
