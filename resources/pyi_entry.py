"""Entry point of the frozen app (PyInstaller): ``mapviewer [PATH]``, ``--self-test``, subcommands.

pyqtgraph picks the first Qt binding it can import; in a bundle it must find PySide6, so the
binding is named before anything imports pyqtgraph. The self-test renders offscreen: the
platform is chosen before Qt is loaded (Qt aborts without a display otherwise).

``MAPVIEWER_STARTUP_PROBE=1`` (start-up benchmark only) prints the wall-clock time of the main
window's first paint as ``first-paint <unix time>`` and quits.
"""

from __future__ import annotations

import os
import sys


def _install_startup_probe() -> None:
    import time

    from mapviewer.ui import app as ui_app

    def hook(win) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication

        class FirstPaint(QObject):
            done = False

            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and not self.done:
                    self.done = True
                    # Quit once this paint pass is over: the whole first frame is drawn.
                    QTimer.singleShot(
                        0, lambda: (print(f"first-paint {time.time():.6f}", flush=True), QApplication.quit())
                    )
                return False

        app = QApplication.instance()
        win._first_paint_probe = FirstPaint(win)
        app.installEventFilter(win._first_paint_probe)  # views paint in their viewports: watch all

    ui_app._startup_hook = hook


def run() -> int:
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    if "--self-test" in sys.argv[1:]:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("MAPVIEWER_STARTUP_PROBE") == "1":
        _install_startup_probe()
    from mapviewer.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
