"""Start the desktop application: ``run_app(path)``.

Bad input never shows a traceback: the message goes to a dialog and, as one line, to
stderr, and the exit status is 2 (as for the other command-line errors).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QMessageBox

from ..errors import MapviewerError

__all__ = ["EXIT_BAD_INPUT", "load_map", "run_app"]

EXIT_BAD_INPUT = 2
#: Called with the main window once it is shown (start-up benchmark hook; None in the app).
_startup_hook: Callable | None = None


def load_map(path: str | None):
    """The map ``path`` stands for (the seed's when None); raises MapviewerError."""
    from ..documents import open_map, open_seed

    try:
        return open_seed() if path is None else open_map(path)
    except MapviewerError:
        raise
    except (OSError, UnicodeError, ValueError) as exc:  # a file the readers did not expect
        raise MapviewerError(f"{path}: cannot open it ({exc})") from None


def _report(message: str) -> int:
    print(f"mapviewer: error: {message}", file=sys.stderr)
    QMessageBox.critical(None, "mapviewer — cannot open the map", message)
    return EXIT_BAD_INPUT


def _no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def run_app(path: str | None = None) -> int:
    """Open ``path`` (a map or an article; the seed when None) in a window; the exit status."""
    if _no_display():
        # Qt would abort the process with a misleading message about xcb.
        print(
            "mapviewer: error: no display (DISPLAY is not set); use 'mapviewer export' to render "
            "a map to PNG without one",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mapviewer")
    try:
        m = load_map(path)
    except MapviewerError as exc:
        return _report(str(exc))
    if not m.actors:
        return _report(f"{path or 'the seed'}: the map has no actors to show")

    from .main_window import MainWindow  # after the input is known good: pyqtgraph is slow to import

    win = MainWindow(m)
    win.show()
    if _startup_hook is not None:
        _startup_hook(win)
    return app.exec()
