"""Articles in the window: mapped in a worker thread (the window keeps responding), Cancel,
bad articles, pasted text, the curated/automatic toggle, and ``mapviewer ARTICLE`` via run_app."""

import dataclasses
import itertools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from mapviewer.extract import Cancelled, map_article
from mapviewer.model import Article
from mapviewer.seeds import default_seed
from mapviewer.ui import app as app_mod
from mapviewer.ui import extract_worker
from mapviewer.ui.main_window import MainWindow
from mapviewer.ui.paste_dialog import PasteDialog

pytestmark = pytest.mark.gui

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


@pytest.fixture
def win(qtbot, small_map, errors):
    w = MainWindow(small_map)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


class SlowExtractor:
    """Stands in for map_article: ``steps`` pauses of ``pause`` s, reporting progress and
    honouring cancel, then the real extraction of a fixture article."""

    def __init__(self, steps=40, pause=0.025, result_of=ARTICLES / "sahel.txt"):
        self.steps, self.pause, self.result_of = steps, pause, result_of
        self.started = self.saw_cancel = False
        self.calls = []

    def __call__(self, source, *, progress=None, cancel=None):
        self.started = True
        self.calls.append(source)
        for k in range(self.steps):
            if cancel and cancel():
                self.saw_cancel = True
                raise Cancelled("extraction cancelled")
            if progress:
                progress(k / self.steps, f"sentence {k + 1}")
            time.sleep(self.pause)  # stands for work; releases the GIL as real work does between checks
        return map_article(self.result_of)


def _wait_done(qtbot, win, timeout=15000):
    qtbot.waitUntil(lambda: not win.files.busy, timeout=timeout)


# -- opening an article ----------------------------------------------------------------------
def test_an_article_is_mapped_in_the_background_and_shown(win, qtbot, small_map):
    path = ARTICLES / "sahel.txt"
    assert win.files.open_path(path) is True
    assert win.files.busy and win.files.progress.isVisible()
    assert win.map is small_map  # the old map stays until the new one is ready
    _wait_done(qtbot, win)
    assert win.map is not small_map and not win.map.curated and len(win.map.actors) >= 3
    assert win.map_view.arrays.n_nodes == len(win.map.actors)
    assert "Mali" in {a.name for a in win.map.actors}
    assert "sahel.txt" in win.windowTitle() and "automatic map" in win.windowTitle()
    assert win.article_view.article.text == win.map.articles[0].text
    assert not win.files.progress.isVisible()
    assert win.files.recent_files()[0] == path.resolve()


def test_the_event_loop_keeps_running_during_a_slow_extraction(win, qtbot, monkeypatch):
    slow = SlowExtractor(steps=40, pause=0.025)  # ~1 s
    monkeypatch.setattr(extract_worker, "map_article", slow)
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    values = set()
    win.files.progress_bar.valueChanged.connect(values.add)
    win.files.open_path(ARTICLES / "sahel.txt")
    t0 = time.perf_counter()
    _wait_done(qtbot, win)
    elapsed = time.perf_counter() - t0
    timer.stop()
    assert slow.started and elapsed >= 0.9
    during = [t for t in ticks if t0 <= t <= t0 + elapsed]
    # a frozen loop would tick once or twice; a live one about every 10 ms
    assert len(during) >= 0.3 * elapsed / 0.010
    assert max(b - a for a, b in itertools.pairwise(during)) < 0.25
    assert len(values) >= 5  # the progress bar moved
    assert "Mali" in {a.name for a in win.map.actors}


def test_cancel_stops_the_extraction_and_keeps_the_map(win, qtbot, monkeypatch, small_map):
    slow = SlowExtractor(steps=400, pause=0.02)  # 8 s unless cancelled
    monkeypatch.setattr(extract_worker, "map_article", slow)
    win.files.open_path(ARTICLES / "sahel.txt")
    qtbot.waitUntil(lambda: win.files.progress_bar.value() > 0, timeout=5000)
    t0 = time.perf_counter()
    qtbot.mouseClick(win.files.cancel_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, win, timeout=5000)
    assert time.perf_counter() - t0 < 2
    assert slow.saw_cancel
    assert win.map is small_map and win.map_view.map is small_map
    assert "cancelled" in win.statusBar().currentMessage().lower()
    assert not win.files.progress.isVisible()
    assert win.files.recent_files() == []


def test_changes_made_while_mapping_are_not_lost(win, qtbot, monkeypatch, small_map):
    slow = SlowExtractor(steps=15, pause=0.02)
    monkeypatch.setattr(extract_worker, "map_article", slow)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel
    )
    win.files.open_path(ARTICLES / "sahel.txt")
    view = win.map_view
    view._on_node_dragged(0, 0.1, 0.2, finished=True)  # the user keeps working meanwhile
    _wait_done(qtbot, win)
    assert len(asked) == 1 and "not saved" in asked[0]
    assert win.map is small_map and win.isWindowModified()
    assert "not opened" in win.statusBar().currentMessage()


@pytest.mark.parametrize(
    "case, words",
    [
        ("empty", "the file is empty"),
        ("binary", "not"),
        ("too large", "too large"),
        ("pdf without text", "pdf"),
    ],
)
def test_a_bad_article_gives_a_dialog_and_keeps_the_map(
    case, words, win, qtbot, tmp_path, errors, monkeypatch
):
    from mapviewer.extract import reader

    p = tmp_path / "bad.txt"
    if case == "empty":
        p.write_text("\n \n", encoding="utf-8")
    elif case == "binary":
        p.write_bytes(bytes(range(256)) * 16)
    elif case == "too large":
        monkeypatch.setattr(reader, "MAX_BYTES", 100)
        p.write_text("Mali and Niger signed a defence pact. " * 10, encoding="utf-8")
    else:
        p = tmp_path / "bad.pdf"
        p.write_bytes(b"%PDF-1.4\n%nothing here\n")
    before = win.map
    win.files.open_path(p)
    _wait_done(qtbot, win)
    assert len(errors) == 1, errors
    title, text = errors[0]
    assert words in text.lower() and p.name in title + text
    assert "Traceback" not in text
    assert win.map is before


def test_a_bug_in_the_extractor_is_a_dialog_not_a_crash(win, qtbot, monkeypatch, errors, capsys):
    def broken(source, *, progress=None, cancel=None):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(extract_worker, "map_article", broken)
    before = win.map
    win.files.open_path(ARTICLES / "sahel.txt")
    _wait_done(qtbot, win)
    assert "ZeroDivisionError" in errors[0][1]
    assert "Traceback" in capsys.readouterr().err
    assert win.map is before


def test_an_article_with_no_actors_keeps_the_map(win, qtbot, tmp_path, errors):
    p = tmp_path / "weather.txt"
    p.write_text("It rained all week. The harvest was late, and the roads were muddy.\n", encoding="utf-8")
    before = win.map
    win.files.open_path(p)
    _wait_done(qtbot, win)
    assert errors and "no countries or other actors" in errors[0][1]
    assert win.map is before


def test_pasted_text_is_mapped(win, qtbot, monkeypatch):
    text = (ARTICLES / "sahel.txt").read_text(encoding="utf-8")

    def fill_and_accept(dlg):
        dlg.title_edit.setText("Pasted Sahel piece")
        dlg.text_edit.setPlainText(text)
        assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PasteDialog, "exec", fill_and_accept)
    assert win.files.paste_dialog() is True
    _wait_done(qtbot, win)
    assert win.map.articles[0].title == "Pasted Sahel piece"
    assert win.map.articles[0].text.strip() == text.strip()
    assert "Mali" in {a.name for a in win.map.actors}
    assert "Pasted Sahel piece" in win.windowTitle()


def test_the_paste_dialog_needs_some_text(qtbot):
    dlg = PasteDialog()
    qtbot.addWidget(dlg)
    dlg.text_edit.setPlainText("   ")
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    dlg.text_edit.setPlainText("Mali")
    assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()


# -- curated or automatic ------------------------------------------------------------------------
@pytest.fixture
def seed_win(qtbot, errors):
    m = default_seed().curated_map()
    w = MainWindow(m)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_automatic_map_toggle(seed_win, qtbot, monkeypatch):
    w = seed_win
    curated = w.map
    act = w.files.auto_action
    assert act.isEnabled() and not act.isChecked()
    assert "curated map" in w.windowTitle()
    calls = []
    real = extract_worker.map_article
    monkeypatch.setattr(
        extract_worker, "map_article", lambda src, **k: (calls.append(src), real(src, **k))[1]
    )
    act.trigger()  # extracted in the background the first time
    assert w.files.busy and w.map is curated
    _wait_done(qtbot, w)
    auto = w.map
    assert not auto.curated and auto is not curated and act.isChecked()
    assert "automatic map" in w.windowTitle()
    assert "automatic" in w.statusBar().currentMessage()
    assert calls and calls[0].text == curated.articles[0].text  # from the curated map's own article
    act.trigger()
    assert w.map is curated and not act.isChecked() and "curated map" in w.windowTitle()
    act.trigger()  # cached: no second extraction
    assert not w.files.busy and w.map is auto and len(calls) == 1


def test_an_article_without_a_curated_map_has_nothing_to_toggle(win, qtbot):
    win.files.open_path(ARTICLES / "sahel.txt")
    _wait_done(qtbot, win)
    assert win.files.auto_action.isChecked() and not win.files.auto_action.isEnabled()


def test_cancelling_the_automatic_map_stays_on_the_curated_one(seed_win, qtbot, monkeypatch):
    monkeypatch.setattr(extract_worker, "map_article", SlowExtractor(steps=400, pause=0.02))
    w = seed_win
    curated = w.map
    w.files.auto_action.trigger()
    qtbot.waitUntil(lambda: w.files.progress_bar.value() > 0, timeout=5000)
    w.files.cancel_extraction()
    _wait_done(qtbot, w)
    assert w.map is curated and not w.files.auto_action.isChecked()
    assert "curated map" in w.windowTitle()


def test_switching_back_while_extracting_cancels_it(seed_win, qtbot, monkeypatch):
    slow = SlowExtractor(steps=400, pause=0.02)
    monkeypatch.setattr(extract_worker, "map_article", slow)
    w = seed_win
    curated = w.map
    w.files.auto_action.trigger()
    qtbot.waitUntil(lambda: slow.started, timeout=5000)
    assert w.files.auto_action.isChecked()
    w.files.auto_action.trigger()  # back to the curated map before the automatic one is ready
    assert not w.files.auto_action.isChecked()
    _wait_done(qtbot, w)
    assert slow.saw_cancel and w.map is curated and not w.files.auto_action.isChecked()


def test_moved_actors_survive_the_toggle(seed_win, qtbot):
    w = seed_win
    view = w.map_view
    i = view.arrays.index[w.map.actors[0].id]
    x, y = (view.arrays.xy[i] + 0.25).tolist()
    view._on_node_dragged(i, x, y, finished=True)
    w.files.auto_action.trigger()
    _wait_done(qtbot, w)
    w.files.auto_action.trigger()
    assert w.isWindowModified()  # the curated map's change is still there to save
    j = view.arrays.index[w.map.actors[0].id]
    assert view.arrays.xy[j].tolist() == pytest.approx([x, y])


# -- from the command line ---------------------------------------------------------------------
@pytest.fixture
def no_exec(monkeypatch, qapp):
    shown = []

    def hook(w):
        shown.append((w, w.files.busy, w.isVisible()))

    monkeypatch.setattr(app_mod, "_startup_hook", hook)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    return shown


def test_run_app_shows_the_window_then_maps_the_article(no_exec, errors, monkeypatch, qtbot):
    monkeypatch.setattr(extract_worker, "map_article", SlowExtractor(steps=20, pause=0.02))
    path = ARTICLES / "sahel.txt"
    assert app_mod.run_app(str(path)) == 0
    w, busy, visible = no_exec[0]
    qtbot.addWidget(w)
    assert busy and visible  # shown before the map was ready
    assert w.article_view.article is not None and "Mali" in w.article_view.article.text
    assert "mapping the article" in w.windowTitle()
    _wait_done(qtbot, w)
    assert "Mali" in {a.name for a in w.map.actors} and errors == []
    assert "automatic map" in w.windowTitle()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff" * 500])
def test_run_app_refuses_an_unreadable_article_before_the_window(content, no_exec, errors, tmp_path, capsys):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    assert app_mod.run_app(str(p)) == app_mod.EXIT_BAD_INPUT
    assert no_exec == [] and len(errors) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mapviewer: error:") and "bad.txt" in err


def test_run_app_reports_an_unexpected_error(no_exec, errors, monkeypatch, tmp_path, capsys, small_map):
    from mapviewer import documents

    def broken(path):
        raise KeyError("surprise")

    monkeypatch.setattr(documents, "map_file_for", broken)
    p = tmp_path / "x.txt"
    p.write_text("Mali and Niger.", encoding="utf-8")
    assert app_mod.run_app(str(p)) == app_mod.EXIT_BAD_INPUT
    assert "KeyError" in errors[0][1]
    assert "Traceback" in capsys.readouterr().err


def test_prepare_does_not_extract(monkeypatch):
    def never(*a, **k):
        raise AssertionError("extraction ran before the window")

    import mapviewer.extract as ex

    monkeypatch.setattr(ex, "map_article", never)
    m, mapfile, article = app_mod.prepare(str(ARTICLES / "sahel.txt"))
    assert mapfile is None and isinstance(article, Article) and m.articles == [article] and m.actors == []


def test_window_close_stops_a_running_extraction(qtbot, small_map, monkeypatch, errors):
    slow = SlowExtractor(steps=1000, pause=0.01)
    monkeypatch.setattr(extract_worker, "map_article", slow)
    w = MainWindow(dataclasses.replace(small_map))
    w.show()
    w.files.open_path(ARTICLES / "sahel.txt")
    qtbot.waitUntil(lambda: slow.started, timeout=5000)
    job = w.files.job
    t0 = time.perf_counter()
    w.close()
    assert job.isFinished() and slow.saw_cancel and time.perf_counter() - t0 < 2
    w.deleteLater()
    QApplication.processEvents()
