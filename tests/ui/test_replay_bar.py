"""The replay bar on its own: slider and play emit steps; set_step does not."""

import pytest
from PySide6.QtCore import Qt

from mapviewer.ui.replay_bar import ReplayBar

pytestmark = pytest.mark.gui


@pytest.fixture
def bar(qtbot):
    b = ReplayBar()
    qtbot.addWidget(b)
    b.set_steps(5)
    b.show()
    qtbot.waitExposed(b)
    return b


def test_starts_at_the_end_showing_everything(bar):
    assert bar.step == 4 and bar.at_end
    assert "whole article" in bar.label.text()
    assert bar.isEnabled()


def test_keys_on_the_slider_emit_steps(qtbot, bar):
    bar.slider.setFocus()
    with qtbot.waitSignal(bar.step_changed, timeout=1000) as sig:
        qtbot.keyClick(bar.slider, Qt.Key.Key_Home)
    assert sig.args == [0]
    assert bar.label.text() == "sentence 1 of 5"
    with qtbot.waitSignal(bar.step_changed, timeout=1000) as sig:
        qtbot.keyClick(bar.slider, Qt.Key.Key_Right)
    assert sig.args == [1]


def test_set_step_does_not_emit(qtbot, bar):
    with qtbot.assertNotEmitted(bar.step_changed):
        bar.set_step(2)
    assert bar.step == 2 and bar.label.text() == "sentence 3 of 5"


def test_play_steps_through_and_stops_at_the_end(qtbot, bar):
    bar.timer.setInterval(5)
    seen = []
    bar.step_changed.connect(seen.append)
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)  # at the end: starts over
    assert bar.playing
    qtbot.waitUntil(lambda: not bar.playing, timeout=3000)
    assert seen == [0, 1, 2, 3, 4]
    assert bar.at_end and not bar.play_button.isChecked()
    assert bar.play_button.text() == "Play"


def test_pause_stops_the_timer(qtbot, bar):
    bar.set_step(0)
    bar.play()
    assert bar.playing and bar.play_button.text() == "Pause"
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    assert not bar.playing and bar.step == 0


def test_no_article_disables_the_bar(bar):
    bar.set_steps(0)
    assert not bar.isEnabled() and bar.label.text() == "no article"


def test_accessible_names(bar):
    for w in (bar, bar.slider, bar.play_button, bar.label):
        assert w.accessibleName()
