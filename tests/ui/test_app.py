"""run_app on bad input: a dialog and one line on stderr, exit status 2, no traceback."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from mapviewer import relmap
from mapviewer.ui import app as app_mod
from mapviewer.ui.render import render_png
from mapviewer.ui.style import VALENCE_COLOURS

pytestmark = pytest.mark.gui


@pytest.fixture
def dialogs(qapp, monkeypatch):
    """Record QMessageBox.critical calls instead of blocking on a modal dialog."""
    seen = []
    monkeypatch.setattr(
        app_mod.QMessageBox, "critical", lambda parent, title, text: seen.append((title, text))
    )
    monkeypatch.setattr(app_mod, "_startup_hook", None)
    return seen


def _bad_files(tmp_path, small_map):
    missing = tmp_path / "nowhere.relmap.json"
    not_json = tmp_path / "broken.relmap.json"
    not_json.write_text("{ this is not json", encoding="utf-8")
    invalid = tmp_path / "invalid.relmap.json"
    data = relmap.to_dict(small_map)
    data["relations"][0]["evidence"][0]["quote"] = "not what the article says"
    invalid.write_text(json.dumps(data), encoding="utf-8")
    binary = tmp_path / "binary.relmap.json"
    binary.write_bytes(bytes(range(256)) * 4)
    return {
        "missing": (missing, "no such file"),
        "not json": (not_json, "not valid JSON"),
        "invalid": (invalid, "quote does not match"),
        "binary": (binary, "not a text file"),
    }


@pytest.mark.parametrize("case", ["missing", "not json", "invalid", "binary"])
def test_bad_input_shows_a_dialog_and_exits_2(case, dialogs, tmp_path, small_map, capsys):
    path, words = _bad_files(tmp_path, small_map)[case]
    status = app_mod.run_app(str(path))
    assert status == 2
    assert len(dialogs) == 1
    assert words in dialogs[0][1] and path.name in dialogs[0][1]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mapviewer: error:") and words in err
    assert "Traceback" not in err


def test_an_empty_map_is_refused(dialogs, tmp_path, capsys):
    empty = tmp_path / "empty.relmap.json"
    empty.write_text(
        json.dumps({"format": "relmap", "version": 1, "articles": [], "actors": [], "relations": []})
    )
    assert app_mod.run_app(str(empty)) == 2
    assert "no actors" in dialogs[0][1]


def test_a_good_map_shows_a_preview_then_the_window(dialogs, tmp_path, small_map, monkeypatch, qtbot):
    from PySide6.QtWidgets import QApplication

    from mapviewer.ui.preview import PreviewWindow

    path = tmp_path / "good.relmap.json"
    relmap.save(small_map, path)
    shown, previews, same = [], [], []

    def hook(win):
        # the preview was painted first, and is gone once the interactive window is up
        previews.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, PreviewWindow))
        shown.append((win, [p.isVisible() for p in previews]))
        # the window starts from the layout the preview drew (computed once)
        same.append(bool(previews) and np.allclose(win.map_view.arrays.xy, previews[0].preview.positions))

    monkeypatch.setattr(app_mod, "_startup_hook", hook)
    # run the event loop only until the window is built (a nested exec() would outlive the test)
    monkeypatch.setattr(QApplication, "exec", lambda self: qtbot.waitUntil(lambda: bool(shown)) or 0)
    assert app_mod.run_app(str(path)) == 0
    assert dialogs == []
    win, preview_visible = shown[0]
    assert win.map_view.arrays.n_nodes == len(small_map.actors)
    assert previews and not any(preview_visible)
    assert same == [True]
    win.close()
    win.deleteLater()


def test_command_line_missing_file_is_one_line_and_status_2(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "mapviewer", str(tmp_path / "nope.relmap.json")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "no such file" in out.stderr


def test_no_display_is_a_message_not_an_abort(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = "import sys; from mapviewer.ui.app import run_app; sys.exit(run_app(None))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 2 and "no display" in out.stderr


def test_render_png_draws_the_map_and_legend(tmp_path, small_map, qapp):
    out = tmp_path / "map.png"
    render_png(small_map, out, size=(800, 500))
    img = QImage(str(out))
    assert (img.width(), img.height()) == (800, 500)
    colours = {img.pixelColor(x, y).name() for x in range(0, 800, 2) for y in range(0, 500, 2)}
    for v in ("cooperative", "hostile"):
        assert QColor(VALENCE_COLOURS[v]).name() in colours


def test_export_png_from_the_command_line_without_a_display(small_map, export_headless):
    out, png = export_headless(small_map, ".png")
    assert out.returncode == 0, out.stderr
    assert QImage(str(png)).width() == 1600
