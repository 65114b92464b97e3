"""File > Paste Article Text…: a title field and a text box; OK maps the text automatically."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

__all__ = ["PasteDialog"]


class PasteDialog(QDialog):
    """Ask for an article's text (pre-filled from the clipboard) and an optional title."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Paste article text")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("optional; the first line of the text otherwise")
        self.title_edit.setAccessibleName("Article title")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Paste the article here (Ctrl+V)")
        self.text_edit.setAccessibleName("Article text")
        clip = QGuiApplication.clipboard()
        pasted = clip.text() if clip is not None else ""
        if len(pasted.split()) >= 20:  # looks like an article, not a stray word
            self.text_edit.setPlainText(pasted)
        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Map it")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName("Map it")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.text_edit.setAccessibleDescription("The article to map; it stays on this computer")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel("The text stays on this computer; the map is drawn from it automatically."))
        lay.addWidget(self.text_edit, 1)
        lay.addWidget(self.buttons)
        self.text_edit.textChanged.connect(self._on_text_edit_text_changed)
        self._on_text_edit_text_changed()
        self.resize(720, 560)

    def title(self) -> str:
        return self.title_edit.text().strip()

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def _on_text_edit_text_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text_edit.toPlainText().strip()))
