"""A small invented map for the window tests (not the seed: its content may change)."""

import pytest
from PySide6.QtCore import QStandardPaths

from mapviewer.model import Actor, Article, Relation, RelationMap, locate

FILLER = "".join(
    f"Paragraph {i} is about the weather and the harvest, and nothing else.\n" for i in range(80)
)

TEXT = (
    "Ruritania and Borduria signed a gas deal on Monday.\n"
    "Ruritanian officials said Borduria would supply gas for ten years.\n"
    "Meanwhile Syldavia threatened Borduria over the border, and the Syldavian army massed troops.\n"
    "The Alliance of Free Ports mediated talks between Syldavia and Borduria.\n"
    "Ruritania sells rifles to Syldavia. Ruritania also buys wheat from Syldavia.\n"
    "The Green Brigades attacked Syldavian posts.\n"
    "The Black Isles stayed quiet.\n"
    + FILLER
    + "In the end the Bordurians accused Syldavia of provocation.\n"
)

ART = "art"

# Settings the app writes (recent files...) go to Qt's test location, never the user's: this
# must run before the first QSettings is made (Qt caches the path).
QStandardPaths.setTestModeEnabled(True)


def _ev(needle: str):
    return locate(TEXT, needle, article=ART)


def build_map() -> RelationMap:
    actors = [
        Actor("RUR", "Ruritania", aliases=("Ruritanian",), mentions=4),
        Actor("BOR", "Borduria", aliases=("Bordurians",), mentions=4),
        Actor("SYL", "Syldavia", aliases=("Syldavian",), mentions=6),
        Actor("AFP", "Alliance of Free Ports", kind="organization", mentions=1),
        Actor("GRB", "Green Brigades", kind="group", mentions=1),
        Actor("BLK", "Black Isles", kind="region", mentions=1),
    ]
    rels = [
        Relation(
            "RUR",
            "BOR",
            valence="cooperative",
            types=("energy trade",),
            evidence=[
                _ev("Ruritania and Borduria signed a gas deal on Monday."),
                _ev("Ruritanian officials said Borduria would supply gas for ten years."),
            ],
        ),
        Relation(
            "SYL",
            "BOR",
            directed=True,
            valence="hostile",
            types=("threat",),
            evidence=[
                _ev(
                    "Meanwhile Syldavia threatened Borduria over the border, and the Syldavian army massed troops."
                ),
                _ev("In the end the Bordurians accused Syldavia of provocation."),
            ],
        ),
        Relation(
            "AFP",
            "SYL",
            directed=True,
            valence="neutral",
            types=("mediation",),
            evidence=[_ev("The Alliance of Free Ports mediated talks between Syldavia and Borduria.")],
        ),
        Relation(
            "RUR",
            "SYL",
            directed=True,
            valence="cooperative",
            types=("arms trade",),
            evidence=[_ev("Ruritania sells rifles to Syldavia.")],
        ),
        Relation(
            "RUR",
            "SYL",
            valence="mixed",
            types=("trade",),
            evidence=[_ev("Ruritania also buys wheat from Syldavia.")],
        ),
        Relation(
            "GRB",
            "SYL",
            directed=True,
            valence="hostile",
            types=("war",),
            evidence=[_ev("The Green Brigades attacked Syldavian posts.")],
        ),
    ]
    return RelationMap([Article(ART, TEXT, title="Invented news")], actors, rels, curated=True)


@pytest.fixture
def small_map() -> RelationMap:
    return build_map()


@pytest.fixture(autouse=True)
def settings(tmp_path, monkeypatch):
    """Each test's settings (recent files, geometry, layout) in an ini file of its own: no test
    reads the user's settings or another test's. Returns the file's path."""
    from PySide6.QtCore import QSettings

    from mapviewer.ui import settings as ui_settings

    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(ui_settings, "app_settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    return ini


@pytest.fixture
def errors(monkeypatch):
    """Record QMessageBox.critical calls instead of blocking on a modal dialog."""
    from PySide6.QtWidgets import QMessageBox

    seen = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a, **k: seen.append((title, text))
    )
    return seen


@pytest.fixture
def open_window(qtbot):
    """``open_window(m, size)``: a shown main window on ``m``, laid out and fitted."""
    from PySide6.QtWidgets import QApplication

    from mapviewer.ui.main_window import MainWindow

    def open_(m: RelationMap, size: tuple[int, int] = (1400, 900)) -> MainWindow:
        w = MainWindow(m)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        QApplication.processEvents()  # the view box gets its real size (a posted layout event)
        w.map_view.fit()
        QApplication.processEvents()
        return w

    return open_


@pytest.fixture
def export_headless(tmp_path):
    """``export_headless(m, suffix)``: run ``mapviewer export`` on ``m`` in a process with no
    display settings at all; returns (completed process, output path)."""
    import os
    import subprocess
    import sys

    from mapviewer import relmap

    def run(m: RelationMap, suffix: str):
        src, out = tmp_path / "m.relmap.json", tmp_path / f"m{suffix}"
        relmap.save(m, src)
        env = {
            k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        }
        proc = subprocess.run(
            [sys.executable, "-m", "mapviewer", "export", str(src), "-o", str(out)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        return proc, out

    return run
