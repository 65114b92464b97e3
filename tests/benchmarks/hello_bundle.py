"""The baseline app of the bundle benchmark: a PySide6 + pyqtgraph + networkx hello window.

The smallest app that uses the same stack as mapviewer (a networkx layout drawn with
pyqtgraph in a Qt window). It is frozen with the same spec, venv and excludes as mapviewer
(``bash resources/build_bundle.sh minimal``), so the size and start-up differences between the
two are mapviewer's own. Not a test module: pytest does not collect it.

``MAPVIEWER_STARTUP_PROBE=1`` prints ``first-paint <unix time>`` after the first paint and quits,
as mapviewer's frozen entry point does.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import networkx as nx
import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class _FirstPaint(QObject):
    done = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, _report_and_quit)
        return False


def _report_and_quit() -> None:
    print(f"first-paint {time.time():.6f}", flush=True)
    QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    g = nx.les_miserables_graph()
    pos = nx.spring_layout(g, seed=1)
    index = {n: i for i, n in enumerate(g)}
    xy = np.array([pos[n] for n in g], dtype=float)
    edges = np.array([(index[a], index[b]) for a, b in g.edges()], dtype=int)
    w = pg.PlotWidget(title="hello")
    w.addItem(pg.GraphItem(pos=xy, adj=edges, size=8, symbolBrush="#1f77b4"))
    w.resize(800, 600)
    w.show()
    if os.environ.get("MAPVIEWER_STARTUP_PROBE") == "1":
        probe = _FirstPaint(app)
        app.installEventFilter(probe)  # a view paints in its viewport, not itself: watch them all
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
