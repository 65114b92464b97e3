"""The start-up preview paints the map (same positions and colours) without pyqtgraph."""

import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from mapviewer.layout import map_positions
from mapviewer.ui import style
from mapviewer.ui.preview import MapPreview

pytestmark = pytest.mark.gui


def test_preview_paints_every_actor_in_its_kind_colour(qtbot, small_map):
    w = MapPreview(small_map, map_positions(small_map))
    qtbot.addWidget(w)
    w.resize(900, 700)
    img = QImage(900, 700, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    with qtbot.waitSignal(w.painted, timeout=2000):
        w.render(img)
    sx, ox, oy, sy = w._transform()
    for i, actor in enumerate(small_map.actors):
        x, y = w.arrays.xy[i].astype(float) * (sx, sy) + (ox, oy)
        want = QColor(style.KIND_COLOURS[actor.kind])
        # the marker's fill sits at its centre (maybe under a line end): look around it
        ring = [img.pixelColor(int(x) + dx, int(y) + dy) for dx in (-3, 0, 3) for dy in (-3, 0, 3)]
        assert any(c.rgb() == want.rgb() for c in ring), actor.name


def test_preview_draws_edges_in_valence_colours(qtbot, small_map):
    w = MapPreview(small_map, map_positions(small_map))
    qtbot.addWidget(w)
    w.resize(900, 700)
    img = QImage(900, 700, QImage.Format.Format_RGB32)
    img.fill(QColor("white"))
    w.render(img)
    rgb = np.frombuffer(img.constBits(), np.uint8).reshape(700, 900, 4)[..., 2::-1].astype(int)
    for valence in {r.valence for r in small_map.relations}:
        c = QColor(style.VALENCE_COLOURS[valence])
        near = np.abs(rgb - (c.red(), c.green(), c.blue())).sum(axis=2) < 30
        assert near.sum() > 20, valence


def test_preview_module_does_not_import_pyqtgraph():
    code = "import sys, mapviewer.ui.preview; print('pyqtgraph' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
