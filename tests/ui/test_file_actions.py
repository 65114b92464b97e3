"""File menu in the window: open, recent files, save and save as, the unsaved-changes prompt,
drag and drop, bad files, Help > About. Dialogs are monkeypatched so no test can block."""

import dataclasses
import json

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from mapviewer import relmap
from mapviewer.model import Actor
from mapviewer.ui import file_actions as fa
from mapviewer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


class Dialogs:
    """Records message boxes; ``answer`` is what the save prompt returns."""

    def __init__(self):
        self.critical: list[tuple[str, str]] = []
        self.warning: list[tuple[str, str]] = []
        self.answer = QMessageBox.StandardButton.Cancel

    def on_critical(self, parent, title, text, *a, **k):
        self.critical.append((title, text))
        return QMessageBox.StandardButton.Ok

    def on_warning(self, parent, title, text, *a, **k):
        self.warning.append((title, text))
        return self.answer


@pytest.fixture
def dialogs(monkeypatch):
    d = Dialogs()
    monkeypatch.setattr(QMessageBox, "critical", d.on_critical)
    monkeypatch.setattr(QMessageBox, "warning", d.on_warning)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("unexpected question box"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: pytest.fail("unexpected open dialog"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: pytest.fail("unexpected save dialog"))
    return d


@pytest.fixture
def win(qtbot, small_map, settings, dialogs):
    w = MainWindow(small_map)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    QApplication.processEvents()
    return w


def other_map(small_map):
    """A second valid map, told apart from the fixture's by its extra actor and title."""
    m = dataclasses.replace(
        small_map,
        actors=[*small_map.actors, Actor("XAN", "Xanadu", mentions=1)],
        articles=[dataclasses.replace(small_map.articles[0], title="Other news")],
    )
    return m


def _saved(tmp_path, m, name="other.relmap.json"):
    p = tmp_path / name
    relmap.save(m, p)
    return p


def _pick_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _save_to(monkeypatch, path, selected=""):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), selected))


def _drag_node(win, actor_id, dx=0.3, dy=-0.2):
    view = win.map_view
    i = view.arrays.index[actor_id]
    x, y = view.arrays.xy[i] + np.array([dx, dy])
    view._on_node_dragged(i, float(x), float(y), finished=True)
    return float(x), float(y)


# -- menus and shortcuts -----------------------------------------------------------------
def test_menus_and_standard_shortcuts(win):
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert titles[0] == "File" and titles[-1] == "Help" and "View" in titles
    f = win.files
    assert f.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert f.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert f.save_as_action.shortcut() == QKeySequence(QKeySequence.StandardKey.SaveAs)
    assert f.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert f.export_action.shortcut() == QKeySequence("Ctrl+E")
    file_texts = [a.text() for a in f.file_menu.actions()]
    for name in ("&Open…", "Open &Recent", "&Paste Article Text…", "&Save", "Save &As…", "&Export…", "&Quit"):
        assert name in file_texts


def test_help_about_shows_the_packaging_dialog(win, monkeypatch):
    from mapviewer.ui import about

    shown = []
    monkeypatch.setattr(about, "show_about", lambda parent=None: shown.append(parent))
    win.files.about_action.trigger()
    assert shown == [win]


# -- opening -------------------------------------------------------------------------------
def test_open_a_map_through_the_action(win, tmp_path, small_map, monkeypatch):
    path = _saved(tmp_path, other_map(small_map))
    _pick_file(monkeypatch, path)
    win.files.open_action.trigger()
    assert [a.name for a in win.map.actors][-1] == "Xanadu"
    assert win.map_view.arrays.n_nodes == len(small_map.actors) + 1
    assert "other.relmap.json" in win.windowTitle() and "curated map" in win.windowTitle()
    assert win.article_view.article.title == "Other news"
    assert not win.isWindowModified()


@pytest.mark.parametrize(
    "case, words",
    [
        ("truncated", "not valid JSON"),
        ("wrong types", "'actors' should be a list, not str"),
        ("bad quote", "quote does not match"),
        ("binary map", "not a text file"),
        ("empty article", "the file is empty"),
        ("missing", "no such file"),
        ("folder", "is a folder"),
        ("no actors", "no actors to show"),
    ],
)
def test_a_bad_file_gives_a_dialog_and_keeps_the_map(case, words, win, tmp_path, small_map, dialogs, qtbot):
    good = relmap.dumps(small_map)
    p = tmp_path / "bad.relmap.json"
    if case == "truncated":
        p.write_text(good[: len(good) // 2], encoding="utf-8")
    elif case == "wrong types":
        data = json.loads(good)
        data["actors"] = "Ruritania"
        data["relations"][0]["confidence"] = "high"
        p.write_text(json.dumps(data), encoding="utf-8")
    elif case == "bad quote":
        data = json.loads(good)
        data["relations"][0]["evidence"][0]["quote"] = "words the article never says"
        p.write_text(json.dumps(data), encoding="utf-8")
    elif case == "binary map":
        p.write_bytes(bytes(range(256)) * 8)
    elif case == "empty article":
        p = tmp_path / "empty.txt"
        p.write_text("  \n\n ", encoding="utf-8")
    elif case == "missing":
        p = tmp_path / "gone.relmap.json"
    elif case == "folder":
        p = tmp_path / "folder.txt"
        p.mkdir()
    elif case == "no actors":
        p.write_text(
            json.dumps({"format": "relmap", "version": 1, "articles": [], "actors": [], "relations": []})
        )
    before = win.map
    win.files.open_path(p)
    qtbot.waitUntil(lambda: not win.files.busy, timeout=10000)
    assert len(dialogs.critical) == 1, dialogs.critical
    title, text = dialogs.critical[0]
    assert words in text and p.name in title + text
    assert "Traceback" not in text
    assert win.map is before and win.map_view.map is before
    assert win.files.recent_files() == []


def test_a_corrupted_map_lists_the_validators_problems(win, tmp_path, small_map, dialogs):
    data = relmap.to_dict(small_map)
    data["actors"][0]["kind"] = "planet"
    data["relations"][1]["valence"] = "furious"
    data["relations"][2]["source"] = "NOBODY"
    p = tmp_path / "corrupt.relmap.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    win.files.open_path(p)
    text = dialogs.critical[0][1]
    assert "unknown kind 'planet'" in text and "unknown valence 'furious'" in text
    assert "'NOBODY' is not an actor of this map" in text


def test_an_unexpected_error_is_a_dialog_and_a_traceback_on_stderr(
    win, tmp_path, small_map, dialogs, monkeypatch, capsys
):
    path = _saved(tmp_path, other_map(small_map))

    def broken(_path):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(fa.relmap, "load", broken)
    before = win.map
    assert win.files.open_path(path) is False
    assert "RuntimeError: disk on fire" in dialogs.critical[0][1]
    assert "Traceback" in capsys.readouterr().err
    assert win.map is before


def test_a_map_that_fails_to_draw_leaves_the_old_one(win, tmp_path, small_map, dialogs, monkeypatch, capsys):
    path = _saved(tmp_path, other_map(small_map))
    real = type(win).set_map
    calls = []

    def set_map(self, m):
        calls.append(m)
        if len(calls) == 1:
            raise ValueError("cannot draw")
        real(self, m)

    monkeypatch.setattr(type(win), "set_map", set_map)
    before = win.map
    win.files.open_path(path)
    assert "ValueError: cannot draw" in dialogs.critical[0][1]
    assert win.map is before and win.map_view.map is before


# -- recent files ----------------------------------------------------------------------------
def test_recent_files_are_updated_and_persisted(win, tmp_path, small_map, settings, qtbot):
    a = _saved(tmp_path, other_map(small_map), "a.relmap.json")
    b = _saved(tmp_path, small_map, "b.relmap.json")
    win.files.open_path(a)
    win.files.open_path(b)
    win.files.open_path(a)
    assert win.files.recent_files() == [a.resolve(), b.resolve()]
    # persisted: a new window (a new QSettings object) reads the same list
    raw = QSettings(settings, QSettings.Format.IniFormat).value("files/recent")
    assert [str(a.resolve()), str(b.resolve())] == list(raw)
    w2 = MainWindow(small_map)
    qtbot.addWidget(w2)
    assert w2.files.recent_files() == [a.resolve(), b.resolve()]
    # the menu lists them, most recent first, and opens them
    win.files.recent_menu.aboutToShow.emit()
    acts = [x for x in win.files.recent_menu.actions() if x.toolTip() in (str(a.resolve()), str(b.resolve()))]
    assert [x.toolTip() for x in acts] == [str(a.resolve()), str(b.resolve())]
    acts[1].trigger()
    assert win.files.current.path == b


def test_recent_files_keep_at_most_ten(win, tmp_path):
    paths = []
    for k in range(fa.MAX_RECENT + 3):
        p = tmp_path / f"m{k}.relmap.json"
        p.write_text("{}")
        paths.append(p)
        win.files.add_recent(p)
    recent = win.files.recent_files()
    assert len(recent) == fa.MAX_RECENT
    assert recent[0] == paths[-1].resolve() and paths[0].resolve() not in recent


def test_missing_recent_files_are_pruned_with_a_message(win, tmp_path, small_map, dialogs):
    a = _saved(tmp_path, small_map, "a.relmap.json")
    b = _saved(tmp_path, small_map, "b.relmap.json")
    win.files.add_recent(a)
    win.files.add_recent(b)
    a.unlink()
    win.files.recent_menu.aboutToShow.emit()
    assert win.files.recent_files() == [b.resolve()]
    assert "a.relmap.json" in win.statusBar().currentMessage()
    # a file removed after the menu was filled: a warning, and it leaves the list
    b.unlink()
    assert win.files.open_recent(b.resolve()) is False
    assert dialogs.warning and "b.relmap.json" in dialogs.warning[0][1]
    assert win.files.recent_files() == []


# -- saving and the modified flag ----------------------------------------------------------------
def test_dragging_a_node_marks_the_map_modified(win):
    assert not win.isWindowModified()
    _drag_node(win, "BLK")
    assert win.isWindowModified() and win.files.modified
    assert "[*]" in win.windowTitle()  # Qt draws it as "*" while modified


def test_save_as_round_trip_keeps_positions_and_pins(win, tmp_path, monkeypatch, qtbot, settings):
    x, y = _drag_node(win, "BLK", 0.5, 0.4)
    out = tmp_path / "saved"  # no suffix: .relmap.json is added
    _save_to(monkeypatch, out)
    assert win.files.save_as_action.isEnabled()
    win.files.save_action.trigger()  # never saved: Save asks where
    target = tmp_path / "saved.relmap.json"
    assert target.is_file() and not win.isWindowModified()
    assert "saved.relmap.json" in win.windowTitle()
    back = relmap.load(target)
    assert back.pinned == {"BLK"}
    assert back.positions["BLK"] == pytest.approx((x, y))
    drawn = win.map_view.positions()
    for i, a in enumerate(win.map.actors):
        assert back.positions[a.id] == pytest.approx(tuple(drawn[i]))
    assert win.files.recent_files()[0] == target.resolve()
    # reopened in a new window, every actor is where it was
    w2 = MainWindow(back)
    qtbot.addWidget(w2)
    np.testing.assert_allclose(w2.map_view.positions(), drawn)


def test_save_writes_to_the_open_file_without_asking(win, tmp_path, small_map, monkeypatch):
    path = _saved(tmp_path, other_map(small_map))
    win.files.open_path(path)
    _drag_node(win, "XAN", 1.0, 1.0)
    before = path.read_text(encoding="utf-8")
    win.files.save_action.trigger()  # the fixture fails any save dialog
    assert path.read_text(encoding="utf-8") != before
    assert relmap.load(path).pinned == {"XAN"}
    assert not list(tmp_path.glob("*.tmp"))  # written atomically: no temporary file left
    assert not win.isWindowModified()


def test_an_unwritable_place_gives_a_dialog_and_keeps_the_changes(win, tmp_path, monkeypatch, dialogs):
    _drag_node(win, "BLK")
    _save_to(monkeypatch, tmp_path / "no-such-folder" / "x.relmap.json")
    assert win.files.save_as() is False
    assert dialogs.critical and "x.relmap.json" in dialogs.critical[0][0]
    assert win.isWindowModified()


@pytest.mark.parametrize("answer", ["Cancel", "Discard", "Save"])
def test_quit_asks_about_unsaved_changes(answer, win, tmp_path, monkeypatch, dialogs):
    _drag_node(win, "BLK")
    dialogs.answer = getattr(QMessageBox.StandardButton, answer)
    target = tmp_path / "kept.relmap.json"
    _save_to(monkeypatch, target)
    win.files.quit_action.trigger()
    assert len(dialogs.warning) == 1 and "not saved" in dialogs.warning[0][1]
    assert win.isVisible() == (answer == "Cancel")
    assert target.is_file() == (answer == "Save")


def test_closing_the_window_asks_without_blocking(win, tmp_path, monkeypatch, qtbot):
    _drag_node(win, "BLK")
    assert win.close() is False  # refused until the question is answered
    box = win.files.close_prompt
    assert isinstance(box, QMessageBox) and box.isVisible() and "not saved" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: win.files.close_prompt is None)
    assert win.isVisible() and win.isWindowModified()
    target = tmp_path / "on-close.relmap.json"
    _save_to(monkeypatch, target)
    win.close()
    win.files.close_prompt.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not win.isVisible())
    assert relmap.load(target).pinned == {"BLK"}


def test_closing_and_discarding(win, qtbot):
    _drag_node(win, "BLK")
    win.close()
    win.files.close_prompt.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not win.isVisible())


def test_opening_another_file_asks_first(win, tmp_path, small_map, dialogs):
    path = _saved(tmp_path, other_map(small_map))
    _drag_node(win, "BLK")
    before = win.map
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert win.files.open_path(path) is False
    assert win.map is before and win.isWindowModified()
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert win.files.open_path(path) is True
    assert win.map is not before and not win.isWindowModified()


def test_an_unchanged_map_closes_without_asking(win, dialogs):
    win.files.quit_action.trigger()
    assert dialogs.warning == [] and not win.isVisible()


# -- drag and drop -----------------------------------------------------------------------------
def _mime(*urls):
    mime = QMimeData()
    mime.setUrls([QUrl(u) if "://" in u else QUrl.fromLocalFile(u) for u in urls])
    return mime


def _drag_and_drop(target, pos: QPoint, mime):
    """Send a drag-enter and then a drop of ``mime`` at ``pos`` to ``target``; both events."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos, *args)
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(QPointF(pos), *args)
    QApplication.sendEvent(target, drop)
    return enter, drop


def test_dropping_a_file_on_the_window_opens_it(win, tmp_path, small_map, qtbot):
    path = _saved(tmp_path, other_map(small_map))
    mime = _mime(str(path))
    enter, drop = _drag_and_drop(win, QPoint(50, 50), mime)
    assert enter.isAccepted()
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: win.map.actors[-1].name == "Xanadu", timeout=5000)
    assert win.files.current.path == path


def test_the_map_view_passes_dropped_files_to_the_window(win, tmp_path, small_map, qtbot):
    path = _saved(tmp_path, other_map(small_map))
    vp = win.map_view.viewport()
    mime = _mime(str(path))
    enter, _ = _drag_and_drop(vp, QPoint(20, 20), mime)
    assert enter.isAccepted()
    qtbot.waitUntil(lambda: win.map.actors[-1].name == "Xanadu", timeout=5000)


def test_a_web_link_is_not_taken(win):
    mime = _mime("https://example.org/article.html")  # referenced: the event does not own it
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(win, enter)
    assert not enter.isAccepted()
    assert fa.local_paths(_mime("https://example.org/a.txt")) == []
