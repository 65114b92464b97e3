"""The article pane: the whole text, readable, with the evidence spans highlighted.

The document holds the article text verbatim, so a span ``start..end`` of the article is
a range of the document; Qt counts UTF-16 units and folds ``\\r\\n`` into one paragraph
break, which :func:`qt_offsets` accounts for.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from ..model import Article, Evidence

__all__ = ["ArticleView", "qt_offsets"]

_ALL_BG = "#FFF1B8"  # every quote of the selected relation
_ACTIVE_BG = "#FFC94D"  # the quote clicked in the panel


def qt_offsets(text: str) -> np.ndarray | None:
    """Document position of every string offset ``0..len(text)``, or None when they are equal."""
    if "\r" not in text and len(text.encode("utf-16-le")) == 2 * len(text):
        return None
    units = np.fromiter(
        (
            0 if (c == "\r" and text[i + 1 : i + 2] == "\n") else (2 if ord(c) > 0xFFFF else 1)
            for i, c in enumerate(text)
        ),
        dtype=np.int64,
        count=len(text),
    )
    return np.concatenate([[0], np.cumsum(units)])


class ArticleView(QWidget):
    """Read-only article with highlighted spans."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Article title")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Article text")
        self.setAccessibleName("Article")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        f = QFont()
        f.setPointSize(11)
        self.text.setFont(f)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 6)
        lay.addWidget(self.title)
        lay.addWidget(self.text, 1)
        self.article: Article | None = None
        self._offsets: np.ndarray | None = None
        self.active: Evidence | None = None

    def show_article(self, a: Article) -> None:
        self.article = a
        self._offsets = qt_offsets(a.text)
        meta = " · ".join(x for x in (a.source, a.published) if x)
        self.title.setText(
            f"<b style='font-size:12pt'>{html.escape(a.title or a.id)}</b>"
            + (f"<br><span style='color:#555'>{html.escape(meta)}</span>" if meta else "")
        )
        self.text.setPlainText(a.text)
        self.text.setAccessibleDescription(
            f"{a.title or a.id or 'No article'}{', ' + meta if meta else ''}. "
            "Read-only; the sentences behind the selected relation are highlighted."
        )
        self.active = None

    def to_doc(self, offset: int) -> int:
        """Document position of article offset ``offset``."""
        return offset if self._offsets is None else int(self._offsets[offset])

    def _selection(self, ev: Evidence, colour: str) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        c = QTextCursor(self.text.document())
        c.setPosition(self.to_doc(ev.start))
        c.setPosition(self.to_doc(ev.end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = c
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        sel.format = fmt
        return sel

    def highlight(self, spans: list[Evidence], active: Evidence | None = None) -> None:
        """Highlight ``spans`` lightly and ``active`` strongly, and scroll ``active`` into view."""
        if self.article is None:
            return
        mine = [e for e in spans if e.article == self.article.id and e != active]
        sels = [self._selection(e, _ALL_BG) for e in mine]
        self.active = active if active is not None and active.article == self.article.id else None
        if self.active is not None:
            sels.append(self._selection(self.active, _ACTIVE_BG))
            self.scroll_to(self.active)
        elif mine:
            self.scroll_to(mine[0])
        self.text.setExtraSelections(sels)

    def clear_highlight(self) -> None:
        self.active = None
        self.text.setExtraSelections([])

    def scroll_to(self, ev: Evidence) -> None:
        """Bring the span into view (its end first, then its start, so all of a short one shows)."""
        c = QTextCursor(self.text.document())
        c.setPosition(self.to_doc(ev.end))
        self.text.setTextCursor(c)
        self.text.ensureCursorVisible()
        c.setPosition(self.to_doc(ev.start))
        self.text.setTextCursor(c)
        self.text.centerCursor()

    def active_selection(self) -> QTextCursor | None:
        """The cursor of the strong highlight (for tests), or None."""
        sels = self.text.extraSelections()
        if self.active is None or not sels:
            return None
        last = sels[-1]
        return QTextCursor(last.cursor)  # a copy: the selection struct is a temporary
