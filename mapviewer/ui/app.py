"""Start the desktop application: ``run_app(path)``.

Bad input never shows a traceback: the message goes to a dialog and, as one line, to
stderr, and the exit status is 2 (as for the other command-line errors). A file that
cannot be read at all fails here, before the window; an article that reads is shown at
once and mapped in the background (with progress and Cancel in the status bar).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..errors import MapviewerError
from ..model import Article, RelationMap

__all__ = ["EXIT_BAD_INPUT", "prepare", "run_app"]

EXIT_BAD_INPUT = 2
#: Called with the main window once it is shown (start-up benchmark hook; None in the app).
_startup_hook: Callable | None = None


def prepare(path: str | None) -> tuple[RelationMap, Path | None, Article | None]:
    """What the window starts with, read without extracting anything.

    Returns ``(map, map_file, article)``: the seed's curated map, a map file's map (and the
    file), or, for an article with no curated map beside it, a placeholder map holding just
    the article and the article to map in the background.

    Raises
    ------
    MapviewerError
        If the file cannot be read at all (missing, binary, empty, not a valid map...).
    """
    from .. import relmap
    from ..documents import map_file_for, open_seed

    if path is None:
        return open_seed(), None, None
    try:
        mapfile = map_file_for(path)
        if mapfile is not None:
            m = relmap.load(mapfile)
            if not m.actors:
                raise MapviewerError(f"{mapfile}: the map has no actors to show")
            return m, mapfile, None
        from ..extract import read_article  # reading is quick; extraction is the slow part

        article = read_article(path)
    except MapviewerError:
        raise
    except (OSError, UnicodeError, ValueError) as exc:  # a file the readers did not expect
        raise MapviewerError(f"{path}: cannot open it ({exc})") from None
    return RelationMap([article], curated=False), None, article


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
        # Qt would abort the process with a message about xcb.
        print(
            "mapviewer: error: no display (DISPLAY is not set); use 'mapviewer export' to render "
            "a map to PNG or SVG without one",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("mapviewer")
    try:
        m, mapfile, article = prepare(path)
    except MapviewerError as exc:
        return _report(str(exc))
    except Exception as exc:  # a bug: the traceback for the report, a dialog for the user
        traceback.print_exc(file=sys.stderr)
        return _report(f"{path or 'the seed'}: cannot open it ({type(exc).__name__}: {exc})")

    preview = _show_preview(m) if m.actors else None
    status: list[int] = []

    def build() -> None:
        try:
            win = _build_window(app, m, path, mapfile, article, preview)
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            status.append(_report(f"{path or 'the seed'}: cannot show it ({type(exc).__name__}: {exc})"))
            app.exit(EXIT_BAD_INPUT)
            return
        if _startup_hook is not None:
            _startup_hook(win)

    if preview is None:
        build()
        if status:
            return status[0]
    else:
        # build the interactive window once the preview is on screen, outside its paint event
        def on_painted() -> None:
            preview.preview.painted.disconnect(on_painted)
            QTimer.singleShot(0, build)

        preview.preview.painted.connect(on_painted)
    code = app.exec()
    return status[0] if status else code


def _show_preview(m: RelationMap):
    """Paint the map at once, without pyqtgraph (see :mod:`.preview`)."""
    from ..layout import map_positions
    from .preview import PreviewWindow
    from .settings import restore_geometry

    preview = PreviewWindow(m, map_positions(m))
    restore_geometry(preview, state=False)  # where the main window will appear
    preview.show()
    return preview


def _build_window(app, m: RelationMap, path, mapfile, article, preview):
    from .icon import app_icon
    from .main_window import MainWindow  # pyqtgraph is slow to import: after the first paint

    app.setWindowIcon(app_icon())
    # the layout the preview drew (force layouts of large maps take ~0.5 s: compute once)
    win = MainWindow(m, positions=None if preview is None else preview.preview.positions)
    origin = Path(path) if path is not None else None
    win.files.adopt(m, path=mapfile, origin=origin, article=article, placeholder=article is not None)
    if mapfile is not None:
        win.files.add_recent(origin)
    if preview is not None and not preview.isMaximized():
        win.setGeometry(preview.geometry())
    win.show()
    if preview is not None:
        preview.close()
        preview.deleteLater()
    if article is not None:
        win.files.start_extraction(article, purpose="open", origin=origin)
    return win
