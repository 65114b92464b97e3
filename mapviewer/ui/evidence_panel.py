"""The evidence panel: the quotes behind a relation, or the relations of an actor.

Quotes are sliced from the article by their offsets (never retyped) and shown as links;
the two actors' names inside each quote are highlighted. Clicking a quote emits
:attr:`EvidencePanel.quote_activated`; clicking a relation of an actor emits
:attr:`EvidencePanel.relation_activated`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, Qt, QUrl, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..describe import confidence_note, describe_actor, describe_relation, mention_spans, relation_title
from ..model import Evidence, RelationMap
from . import style

__all__ = ["EvidencePanel"]

_HELP = (
    "<p style='color:#555'>Click a line on the map to read the article's own sentences behind it, "
    "or an actor to list its relations. Drag an actor to move it; press <b>F</b> to fit the map.</p>"
)
_MENTION_BG = ("#FFE08A", "#BDE3FF")  # first actor, second actor
_ACTIVE_BG = "#FFF6C8"


class EvidencePanel(QWidget):
    """Shows what the map's selection stands on."""

    quote_activated = Signal(object)  # Evidence
    relation_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setAccessibleName("Evidence heading")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Evidence")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.browser, 1)
        self.setAccessibleName("Evidence panel")
        self.map: RelationMap | None = None
        self.relation: int | None = None
        self.actor: str | None = None
        self.quotes: list[Evidence] = []
        self.active: int | None = None
        self.clear()

    # -- method calls from the window ------------------------------------------------------
    def clear(self) -> None:
        self.relation = self.actor = self.active = None
        self.quotes = []
        self.heading.setText("<b>Evidence</b>")
        self.browser.setHtml(_HELP)
        self._describe()

    def show_relation(self, m: RelationMap, r: int) -> None:
        """List the quotes of relation ``r`` of ``m``."""
        self.map, self.relation, self.actor, self.active = m, r, None, None
        self.quotes = m.evidence_of(r)
        self._render()

    def show_actor(self, m: RelationMap, actor_id: str) -> None:
        """List the relations of ``actor_id``, each a link to its quotes."""
        self.map, self.relation, self.actor, self.active = m, None, actor_id, None
        self.quotes = []
        self._render()

    def set_active(self, k: int | None) -> None:
        """Mark quote ``k`` as the one shown in the article."""
        self.active = k
        if self.relation is not None:
            scroll = self.browser.verticalScrollBar().value()
            on_link = self.browser.textCursor().hasSelection()  # a link focused from the keyboard
            self._render()
            self.browser.verticalScrollBar().setValue(scroll)
            if k is not None and on_link:
                # the new document put the cursor at its start: keep the keyboard on the quote
                self._select_anchor(f"q:{k}")

    # -- rendering -----------------------------------------------------------------------
    def _render(self) -> None:
        m = self.map
        assert m is not None
        if self.relation is not None:
            rel = m.relations[self.relation]
            colour = style.VALENCE_COLOURS.get(rel.valence, "#000")
            self.heading.setText(
                f"<b style='font-size:12pt'>{html.escape(relation_title(m, rel))}</b><br>"
                f"<span style='color:{colour}'>{html.escape(describe_relation(m, rel).split(': ', 1)[1])}</span>"
                f" · {len(self.quotes)} quote{'s' * (len(self.quotes) != 1)}"
                + (f"<br><span style='color:#555'>{html.escape(note)}: check the quotes</span>"
                   if (note := confidence_note(m, rel)) else "")
                + (f"<br><i>{html.escape(rel.note)}</i>" if rel.note else "")
            )
            actors = [m.actor(rel.source), m.actor(rel.target)]
            parts = []
            for k, ev in enumerate(self.quotes):
                text = m.quote_text(ev)  # sliced from the article by offsets
                bg = _ACTIVE_BG if k == self.active else "#F4F4F4"
                parts.append(
                    f"<table width='100%' cellpadding='6' style='margin-bottom:6px; background:{bg}'>"
                    f"<tr><td><a href='q:{k}' style='color:#111; text-decoration:none'>"
                    f"{_highlight(text, actors)}</a></td></tr></table>"
                )
            if not parts:
                parts.append("<p style='color:#555'>No quotes support this relation.</p>")
            self.browser.setHtml("".join(parts))
        elif self.actor is not None:
            self.heading.setText(
                f"<b style='font-size:12pt'>{html.escape(describe_actor(m, self.actor))}</b>"
            )
            items = []
            for i, rel in enumerate(m.relations):
                if rel.involves(self.actor):
                    n = len(rel.evidence)
                    colour = style.VALENCE_COLOURS.get(rel.valence, "#000")
                    items.append(
                        f"<li style='margin-bottom:4px'><a href='r:{i}' style='color:{colour}'>"
                        f"{html.escape(describe_relation(m, rel))}</a> · {n} quote{'s' * (n != 1)}</li>"
                    )
            self.browser.setHtml("<ul>" + "".join(items) + "</ul>" if items else "<p>No relations.</p>")
        self._describe()

    def _describe(self) -> None:
        """Name the panel's parts after what they show (read by screen readers)."""
        self.heading.setAccessibleDescription(self.heading_text())
        if self.relation is not None:
            n = len(self.quotes)
            self.browser.setAccessibleName(f"Evidence: {n} quote{'s' * (n != 1)}")
            how = "Tab moves between the quotes; Enter shows one in the article."
        elif self.actor is not None:
            self.browser.setAccessibleName("Evidence: relations of the actor")
            how = "Tab moves between the relations; Enter shows one's quotes."
        else:
            self.browser.setAccessibleName("Evidence")
            how = "Select a relation or an actor on the map to list its evidence here."
        self.browser.setAccessibleDescription(f"{self.heading_text()}. {how}")

    def heading_text(self) -> str:
        """The heading as plain text."""
        doc = QTextDocument()
        doc.setHtml(self.heading.text())
        return ". ".join(" ".join(line.split()) for line in doc.toPlainText().splitlines() if line.strip())

    # -- for tests and keyboard users ------------------------------------------------------
    def anchor_rect(self, href: str) -> QRect:
        """Viewport rectangle of the first character of the link ``href`` ("q:0", "r:3")."""
        doc = self.browser.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.charFormat().anchorHref() == href:
                    c = QTextCursor(doc)
                    c.setPosition(frag.position() + min(2, frag.length() - 1))
                    return self.browser.cursorRect(c)
                it += 1
            block = block.next()
        return QRect()

    def _anchor_span(self, href: str) -> tuple[int, int] | None:
        """Document range of the link ``href``, or None."""
        doc = self.browser.document()
        block = doc.begin()
        span: tuple[int, int] | None = None
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                if frag.charFormat().anchorHref() == href:
                    s, e = frag.position(), frag.position() + frag.length()
                    span = (span[0], e) if span else (s, e)
                elif span:
                    return span
                it += 1
            block = block.next()
        return span

    def _select_anchor(self, href: str) -> None:
        """Give the link ``href`` the keyboard focus (Tab goes on from it, Enter activates it)."""
        span = self._anchor_span(href)
        if span is None:
            return
        c = QTextCursor(self.browser.document())
        c.setPosition(span[0])
        c.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(c)

    def activate_quote(self, k: int) -> None:
        self._on_browser_anchor_clicked(QUrl(f"q:{k}"))

    # -- signals up ------------------------------------------------------------------------
    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        kind, _, idx = url.toString().partition(":")
        if not idx.isdigit():
            return
        k = int(idx)
        if kind == "q" and 0 <= k < len(self.quotes):
            self.set_active(k)
            self.quote_activated.emit(self.quotes[k])
        elif kind == "r":
            self.relation_activated.emit(k)


def _highlight(text: str, actors) -> str:
    """``text`` as HTML with the actors' mentions on a coloured background."""
    out, pos = [], 0
    for s, e, k in mention_spans(text, actors):
        out.append(html.escape(text[pos:s]))
        out.append(
            f"<span style='background:{_MENTION_BG[k % 2]}; font-weight:600'>{html.escape(text[s:e])}</span>"
        )
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
