"""The replay bar: a slider over the article's sentences, with play/pause.

Moving the slider (mouse or keys) or a tick of the play timer emits
:attr:`ReplayBar.step_changed`; :meth:`ReplayBar.set_step` moves it without emitting.
Playing stops at the last sentence; pressing play at the end starts from the first.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QToolButton, QWidget

__all__ = ["ReplayBar"]

#: Milliseconds per sentence while playing.
PLAY_INTERVAL_MS = 700


class ReplayBar(QWidget):
    """Slider + play/pause + "sentence k of n" label."""

    step_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Reading-order replay")
        self.play_button = QToolButton()
        self.play_button.setCheckable(True)
        self.play_button.setAccessibleName("Play the article sentence by sentence")
        self.play_button.setToolTip("Play: add the relations as the article states them")
        self.play_button.toggled.connect(self._on_play_button_toggled)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName("Sentence of the article the map shows up to")
        self.slider.setPageStep(5)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.label = QLabel()
        self.label.setAccessibleName("Replay position")
        self.label.setMinimumWidth(190)
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(QLabel("Reading order:"))
        lay.addWidget(self.play_button)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.label)
        self._n = 0
        self._update_button()
        self.set_steps(0)

    # -- method calls from the window --------------------------------------------------
    def set_steps(self, n: int) -> None:
        """``n`` sentences; the slider goes to the end (the whole map), no signal."""
        self.pause()
        self._n = max(int(n), 0)
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, max(self._n - 1, 0))
            self.slider.setValue(self.slider.maximum())
        self.setEnabled(self._n > 1)
        self._update_label()

    def set_step(self, k: int) -> None:
        """Move to sentence ``k`` (clamped) without emitting."""
        with QSignalBlocker(self.slider):
            self.slider.setValue(int(k))
        self._update_label()

    @property
    def step(self) -> int:
        return self.slider.value()

    @property
    def n_steps(self) -> int:
        return self._n

    @property
    def at_end(self) -> bool:
        return self.slider.value() >= self.slider.maximum()

    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def play(self) -> None:
        self.play_button.setChecked(True)

    def pause(self) -> None:
        self.play_button.setChecked(False)

    # -- internals -----------------------------------------------------------------------
    def _update_label(self) -> None:
        if self._n == 0:
            self.label.setText("no article")
        elif self.at_end:
            self.label.setText(f"whole article ({self._n} sentences)")
        else:
            self.label.setText(f"sentence {self.step + 1} of {self._n}")

    def _update_button(self) -> None:
        playing = self.play_button.isChecked()
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText("Pause" if playing else "Play")
        self.play_button.setAccessibleName(
            "Pause the replay" if playing else "Play the article sentence by sentence"
        )

    # -- signals up ----------------------------------------------------------------------
    def _on_play_button_toggled(self, on: bool) -> None:
        self._update_button()
        if on:
            if self.at_end:  # start over
                self.slider.setValue(0)
            self.timer.start()
        else:
            self.timer.stop()

    def _on_timer_timeout(self) -> None:
        if self.at_end:
            self.pause()
            return
        self.slider.setValue(self.step + 1)
        if self.at_end:
            self.pause()

    def _on_slider_value_changed(self, k: int) -> None:
        self._update_label()
        self.step_changed.emit(k)
