"""The File and Help menus of the main window, and what they do.

Open (maps and articles), Open Recent, Paste Article Text, Save, Save As, Export, Quit;
Help > About; View > Automatic map; opening a file dropped on the window; asking to save
before unsaved changes (moved actors) would be lost.

An article with no curated map beside it is mapped in a worker thread
(:class:`~mapviewer.ui.extract_worker.ExtractionJob`), with its progress and a Cancel button
in the status bar; the map shown stays until the new one is ready. A file that cannot be
opened, for whatever reason, gives a dialog with the reason and leaves the window as it was.

:class:`FileActions` is created by the window (``win.files``); it keeps the document: the
curated map, the automatic map (extracted on first use, then cached), the article they map
and the file each is saved in.
"""

from __future__ import annotations

import dataclasses
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QWidget,
)

from .. import relmap
from ..documents import map_file_for, map_stem
from ..errors import InputError, MapviewerError
from ..export import export_map, supported_suffixes
from ..model import Article, RelationMap
from . import settings
from .extract_worker import ExtractionJob

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = [
    "ARTICLE_SUFFIXES",
    "EXPORT_FILTERS",
    "MAX_RECENT",
    "FileActions",
    "MapSlot",
    "local_paths",
    "menu_named",
]

#: Entries kept in File > Open Recent.
MAX_RECENT = 10
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
OPEN_FILTERS = (
    "Maps and articles (*.relmap.json *.json *.txt *.md *.html *.htm *.pdf)",
    "Maps (*.relmap.json)",
    "Articles (*.txt *.md *.html *.htm *.pdf)",
    "All files (*)",
)
MAP_FILTER = "Map (*.relmap.json)"
#: File dialog filter of each export format (every suffix of :func:`mapviewer.export.export_map`).
EXPORT_FILTERS = {
    ".png": "PNG image of the map as shown (*.png)",
    ".svg": "SVG drawing of the map as shown (*.svg)",
    ".graphml": "GraphML network (*.graphml)",
    ".gexf": "GEXF network, for Gephi (*.gexf)",
    ".json": "Map file, relmap JSON (*.json)",
    ".csv": "CSV table of the quotes (*.csv)",
    ".md": "Markdown report (*.md)",
    ".html": "HTML report (*.html)",
}
_SAVE_BUTTONS = (
    QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
)
_RECENT_KEY = "files/recent"
_DIR_KEY = "files/last_dir"


def _count(n: int, noun: str) -> str:
    """``1 actor``, ``2 actors``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def local_paths(mime) -> list[Path]:
    """The local files in a drag's or drop's mime data (other URLs are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def menu_named(win, title: str, *, before: QAction | None = None) -> QMenu:
    """The window's menu titled ``title`` (ignoring ``&``), created if missing, so that
    helpers that add to the same menu share it."""
    bare = title.replace("&", "")
    for act in win.menuBar().actions():
        m = act.menu()
        if m is not None and act.text().replace("&", "") == bare:
            return m
    menu = QMenu(title, win)
    if before is not None:
        win.menuBar().insertMenu(before, menu)
    else:
        win.menuBar().addMenu(menu)
    return menu


@dataclass(slots=True)
class MapSlot:
    """A map the window can show, the file it is saved in (None: never saved) and whether
    it has changes that are not saved."""

    map: RelationMap
    path: Path | None = None
    modified: bool = False


class FileActions(QObject):
    """File and Help menus, recent files, background extraction, drag and drop, save prompts."""

    def __init__(self, win: MainWindow):
        super().__init__(win)
        self.win = win
        #: the curated map of the document, if it has one
        self.curated: MapSlot | None = None
        #: the automatic map: extracted from :attr:`article` (on first use if there is a curated one)
        self.automatic: MapSlot | None = None
        #: the article both maps are of (None: a map file without its article)
        self.article: Article | None = None
        #: the file the user opened (a map or an article; None for the seed or pasted text)
        self.origin: Path | None = None
        #: "curated" or "automatic"
        self.showing = "curated"
        #: the extraction running, if any, and what its map is for ("open" or "automatic")
        self.job: ExtractionJob | None = None
        self._job_purpose = ""
        self._job_origin: Path | None = None
        #: View > Automatic map is on (its map may still be being extracted)
        self._want_automatic = False
        #: the "Save changes?" box shown when the window is closed with unsaved changes
        self.close_prompt: QMessageBox | None = None
        self._close_approved = False
        self._build_actions()
        self._build_progress()
        self.adopt(win.map)
        win.setAcceptDrops(True)
        win.installEventFilter(self)
        # the map's graphics view takes drags itself (for its scene): let it pass files up
        for w in (win.map_view, win.map_view.viewport()):
            w.installEventFilter(self)
        win.map_view.node_moved.connect(self._on_map_view_node_moved)

    # -- building ----------------------------------------------------------------------
    def _action(self, text: str, handler: Callable[[], object], shortcut=None, tip: str = "") -> QAction:
        a = QAction(text, self.win)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setToolTip(tip)
            a.setStatusTip(tip)
        a.triggered.connect(lambda _checked=False: handler())
        return a

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.open_action = self._action("&Open…", self.open_dialog, sk.Open, "Open a map or an article")
        self.paste_action = self._action(
            "&Paste Article Text…", self.paste_dialog, "Ctrl+Shift+V", "Map an article pasted as text"
        )
        self.save_action = self._action("&Save", self.save, sk.Save, "Save the map (with moved actors)")
        self.save_as_action = self._action(
            "Save &As…", self.save_as, sk.SaveAs, "Save the map in a new .relmap.json file"
        )
        self.export_action = self._action(
            "&Export…", self.export, "Ctrl+E", "Export the map: image (as shown), network, table or report"
        )
        self.quit_action = self._action("&Quit", self.quit, sk.Quit, "Close mapviewer")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = self._action("&About mapviewer", self.about, None, "Versions and licences")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.auto_action = QAction("&Automatic map", self.win)
        self.auto_action.setCheckable(True)
        self.auto_action.setToolTip(
            "Show the map extracted automatically from the article instead of the curated one"
        )
        self.auto_action.setStatusTip(self.auto_action.toolTip())
        self.auto_action.triggered.connect(self._on_auto_action_triggered)

        mb = self.win.menuBar()
        first = mb.actions()[0] if mb.actions() else None
        self.file_menu = menu_named(self.win, "&File", before=first)
        self.recent_menu = QMenu("Open &Recent", self.win)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.paste_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu: QMenu | None = None  # the View menu is built by ViewControls: joined on show
        self.help_menu = menu_named(self.win, "&Help")
        self.help_menu.addAction(self.about_action)

    def _build_progress(self) -> None:
        self.progress = QWidget()
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setAccessibleName("Extraction progress")
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setAccessibleName("Cancel the automatic map")
        self.progress_label.setAccessibleName("Extraction step")
        self.cancel_button.setToolTip("Stop mapping the article; the map shown stays")
        self.cancel_button.clicked.connect(self.cancel_extraction)
        lay = QHBoxLayout(self.progress)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.addWidget(self.progress_label)
        lay.addWidget(self.progress_bar)
        lay.addWidget(self.cancel_button)
        self.win.statusBar().addPermanentWidget(self.progress)
        self.progress.hide()
        self.placeholder = QLabel(self.win.map_view)
        self.placeholder.setAccessibleName("Map status")
        self.placeholder.setStyleSheet("color: #555; font-size: 16pt; background: transparent")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # it may lie over actors (a map without relations): clicks and drags go to the map
        self.placeholder.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.placeholder.hide()

    def _finish_menus(self) -> None:
        """Once the window is complete: View > Automatic map, and Help as the last menu."""
        self.view_menu = menu_named(self.win, "&View", before=self.help_menu.menuAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.auto_action)
        mb = self.win.menuBar()
        mb.removeAction(self.help_menu.menuAction())
        mb.addAction(self.help_menu.menuAction())

    # -- the document --------------------------------------------------------------------
    @property
    def current(self) -> MapSlot | None:
        """The map shown (None while the window only holds a placeholder)."""
        return self.automatic if self.showing == "automatic" else self.curated

    @property
    def modified(self) -> bool:
        """Whether a map of the document has changes that are not saved."""
        return any(s is not None and s.modified for s in (self.curated, self.automatic))

    @property
    def busy(self) -> bool:
        return self.job is not None

    def adopt(
        self,
        m: RelationMap,
        *,
        path: Path | None = None,
        origin: Path | None = None,
        article: Article | None = None,
        placeholder: bool = False,
    ) -> None:
        """Make ``m`` (already shown by the window) the document; ``path`` is the map file
        it was read from. A ``placeholder`` (an article waiting for its map) cannot be saved."""
        slot = None if placeholder else MapSlot(m, path)
        if m.curated and slot is not None:
            self.curated, self.automatic, self.showing = slot, None, "curated"
        else:
            self.curated, self.automatic, self.showing = None, slot, "automatic"
        self.origin = origin if origin is not None else path
        self._want_automatic = self.showing == "automatic"
        self.article = article or (m.articles[0] if m.articles else None)
        if placeholder:
            self.win.statusBar().clearMessage()  # not "0 actors": the map is on its way
        self._refresh()

    def _refresh(self) -> None:
        """Title, modified mark and which actions apply, after any change of the document."""
        slot = self.current
        has_map = slot is not None
        for a in (self.save_action, self.save_as_action, self.export_action):
            a.setEnabled(has_map)
        can_toggle = self.curated is not None and self.article is not None
        self.auto_action.setEnabled(can_toggle and self._job_purpose != "open")
        wanted = self._want_automatic and self._job_purpose == "automatic"
        self.auto_action.setChecked(self.showing == "automatic" or wanted)
        self.win.setWindowModified(bool(slot and slot.modified))
        self.win.setWindowTitle(self.title())
        # an article waiting for its map, or a map without relations: say so over the map,
        # rather than leave an empty (or one-dot) map to puzzle over
        note = self._map_note(slot)
        if note:
            self.placeholder.setText(note)
            self.placeholder.adjustSize()
            self._place_placeholder()
        self.placeholder.setVisible(bool(note))

    def _map_note(self, slot: MapSlot | None) -> str:
        """What to say over the map: empty when the map speaks for itself."""
        if slot is None:
            return f"Mapping {self.job.label}…" if self.job else "No map to show"
        if slot.map.relations:
            return ""
        n = len(slot.map.actors)
        named = ", ".join(a.name for a in slot.map.actors[:3]) + (" and others" if n > 3 else "")
        return f"No relations found.\nThe article names {named},\nbut no sentence relates two actors."

    def _place_placeholder(self) -> None:
        view = self.win.map_view
        self.placeholder.move(
            (view.width() - self.placeholder.width()) // 2, (view.height() - self.placeholder.height()) // 3
        )

    def label(self) -> str:
        """The name of the document: its file, else its article's title."""
        slot = self.current
        if slot is not None and slot.path is not None:
            return slot.path.name
        if self.origin is not None:
            return self.origin.name
        if self.article is not None:
            return self.article.title or self.article.id
        return "Untitled"

    def title(self) -> str:
        """The window title: file, article, which map, and Qt's ``[*]`` modified mark."""
        parts = [self.label() + "[*]"]
        art = self.article
        if art is not None and (art.title or art.id) not in parts[0]:
            parts.append(art.title or art.id)
        if self.current is None:
            parts.append("mapping the article…" if self.busy else "no map")
        else:
            parts.append("curated map" if self.current.map.curated else "automatic map")
        return " — ".join([*parts, "mapviewer"])

    def _show(self, slot: MapSlot, showing: str) -> None:
        """Show ``slot``; if drawing it fails, the previous map comes back and the error is raised."""
        before = self.win.map
        try:
            self.win.set_map(slot.map)
        except Exception:
            try:
                self.win.set_map(before)
            except Exception:  # the window is beyond repair; the caller reports the first error
                traceback.print_exc(file=sys.stderr)
            raise
        self.showing = showing

    # -- opening -----------------------------------------------------------------------
    def open_dialog(self) -> bool:
        """File > Open…: pick a map or an article."""
        path, _ = QFileDialog.getOpenFileName(
            self.win, "Open a map or an article", self._start_dir(), ";;".join(OPEN_FILTERS)
        )
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path, *, ask: bool = True) -> bool:
        """Open ``path`` (a map, or an article: mapped in the background unless a curated map
        is beside it). False if nothing changed (cancelled or not readable: a dialog says why).
        ``ask``: offer to save unsaved changes first."""
        if ask and not self.maybe_save():
            return False
        p = Path(path)
        try:
            mapfile = map_file_for(p)
            if mapfile is None:
                self.start_extraction(p, purpose="open", origin=p)
                return True
            m = relmap.load(mapfile)
            if not m.actors:
                raise InputError(f"{mapfile}: the map has no actors to show")
            self._cancel_job()
            self._show(MapSlot(m, mapfile), "curated" if m.curated else "automatic")
            self.adopt(m, path=mapfile, origin=p)
        except Exception as exc:  # every failure becomes a dialog, never a crash
            self._error(f"Cannot open {p.name}", exc)
            return False
        self.add_recent(p)
        self.win.statusBar().showMessage(f"Opened {p}", 8000)
        return True

    def open_article(self, article: Article) -> bool:
        """Map an article already read (pasted text) in the background and show it."""
        if not self.maybe_save():
            return False
        self.start_extraction(article, purpose="open")
        return True

    def paste_dialog(self) -> bool:
        """File > Paste Article Text…"""
        from ..extract import article_from_text
        from .paste_dialog import PasteDialog

        dlg = PasteDialog(self.win)
        if dlg.exec() != PasteDialog.DialogCode.Accepted:
            return False
        try:
            article = article_from_text(dlg.text(), title=dlg.title() or None)
        except Exception as exc:
            self._error("Cannot map the pasted text", exc)
            return False
        return self.open_article(article)

    # -- background extraction ---------------------------------------------------------
    def start_extraction(self, source: Path | Article, *, purpose: str, origin: Path | None = None) -> None:
        """Map ``source`` in a worker thread; ``purpose`` "open" shows it as the new document,
        "automatic" as the automatic map of this one."""
        self._cancel_job()
        if origin is not None or isinstance(source, Path):
            label = (origin or source).name
        else:
            label = f"“{source.title or source.id}”"
        job = ExtractionJob(source, label, self)
        self.job, self._job_purpose, self._job_origin = job, purpose, origin
        # queued signals of a job already replaced may still arrive: each handler checks its job
        job.progressed.connect(lambda f, msg, j=job: self._on_job_progressed(j, f, msg))
        job.succeeded.connect(lambda m, j=job: self._on_job_succeeded(j, m))
        job.failed.connect(lambda msg, j=job: self._on_job_failed(j, msg))
        job.cancelled.connect(lambda j=job: self._on_job_cancelled(j))
        job.done.connect(lambda j=job: self._on_job_done(j))
        self.progress_label.setText(f"Mapping {label}…")
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat("%p%")
        self.cancel_button.setEnabled(True)
        self.progress.show()
        self._refresh()
        job.start()

    def cancel_extraction(self) -> None:
        """Stop the running extraction (the Cancel button); the map shown stays."""
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText("Cancelling…")

    def wait_for_extraction(self, msecs: int = 30000) -> bool:
        """Block until the extraction thread has ended (for shutdown and scripts)."""
        return self.job is None or self.job.wait(msecs)

    def _cancel_job(self) -> None:
        job = self.job
        if job is None:
            return
        job.cancel()
        job.wait()  # stops at its next check, between two sentences
        job.deleteLater()
        self.job, self._job_purpose = None, ""
        self.progress.hide()

    def _on_job_progressed(self, job: ExtractionJob, fraction: float, message: str) -> None:
        if job is not self.job:
            return
        self.progress_bar.setValue(round(100 * max(0.0, min(1.0, fraction))))
        if message and not (self.job and self.job.cancel_requested):
            self.progress_bar.setFormat(f"{message} %p%")

    def _on_job_succeeded(self, job: ExtractionJob, m: RelationMap) -> None:
        if job is not self.job:
            return
        purpose = self._job_purpose
        if not m.actors:
            self._error(
                f"Nothing to map in {job.label}",
                InputError(f"{job.label}: no countries or other actors were found in the article"),
            )
            if purpose == "automatic":
                self._refresh()
            return
        try:
            if purpose == "automatic":
                self.automatic = MapSlot(m)
                if self._want_automatic:
                    self._show(self.automatic, "automatic")
                    self._status_which()
            else:
                if self.modified and not self.maybe_save():  # actors moved while it was mapped
                    self.win.statusBar().showMessage(f"{job.label} was mapped but not opened.", 10000)
                    return
                self._show(MapSlot(m), "automatic")
                self.adopt(m, origin=self._job_origin, article=m.articles[0] if m.articles else None)
                if self._job_origin is not None:
                    self.add_recent(self._job_origin)
                self.win.statusBar().showMessage(
                    f"{job.label} mapped automatically: {_count(len(m.actors), 'actor')}, "
                    f"{_count(len(m.relations), 'relation')} "
                    "(not curated: check the quotes)",
                    10000,
                )
        except Exception as exc:
            self._error(f"Cannot show the map of {job.label}", exc)
        self._refresh()

    def _on_job_failed(self, job: ExtractionJob, message: str) -> None:
        if job is self.job:
            self._error(f"Cannot map {job.label}", MapviewerError(message))

    def _on_job_cancelled(self, job: ExtractionJob) -> None:
        if job is self.job:
            self.win.statusBar().showMessage("Mapping cancelled; the map shown has not changed.", 8000)

    def _on_job_done(self, job: ExtractionJob) -> None:
        if job is not self.job:
            return
        self.job, self._job_purpose, self._job_origin = None, "", None
        self._want_automatic = self.showing == "automatic"
        job.wait()
        job.deleteLater()
        self.progress.hide()
        self._refresh()

    # -- curated or automatic ------------------------------------------------------------
    def show_automatic(self, on: bool) -> None:
        """Show the automatic map (``on``) or the curated one; the automatic map is extracted
        in the background the first time."""
        if self.curated is None or self.article is None:
            self._refresh()
            return
        self._want_automatic = on
        if not on:
            if self.job is not None and self._job_purpose == "automatic":
                self.cancel_extraction()
            if self.showing != "curated":
                self._switch(self.curated, "curated")
            self._refresh()
            return
        if self.automatic is not None:
            self._switch(self.automatic, "automatic")
        elif self.job is None or self._job_purpose != "automatic" or self.job.cancel_requested:
            self.start_extraction(self.article, purpose="automatic")
        self._refresh()

    def _switch(self, slot: MapSlot, showing: str) -> None:
        try:
            self._show(slot, showing)
        except Exception as exc:
            self._error("Cannot show the map", exc)
        self._status_which()

    def _status_which(self) -> None:
        slot = self.current
        if slot is None:
            return
        m = slot.map
        which = "the curated map" if self.showing == "curated" else "the automatic map (not curated)"
        self.win.statusBar().showMessage(
            f"Showing {which}: {_count(len(m.actors), 'actor')}, {_count(len(m.relations), 'relation')}",
            10000,
        )

    def _on_auto_action_triggered(self, checked: bool) -> None:
        self.show_automatic(checked)

    # -- saving ------------------------------------------------------------------------
    def map_to_save(self, slot: MapSlot | None = None) -> RelationMap:
        """``slot``'s map (default: the one shown) with the positions of its actors as drawn."""
        slot = slot or self.current
        assert slot is not None
        m = slot.map
        if all(a.id in m.positions for a in m.actors):
            return m  # the layout runner keeps positions, pins and layout name up to date
        xy = self.win.map_view.positions() if slot is self.current else ()
        if len(xy) != len(m.actors):
            return m
        positions = {a.id: (float(x), float(y)) for a, (x, y) in zip(m.actors, xy, strict=True)}
        return dataclasses.replace(m, positions=positions, pinned=set(m.pinned))

    def save(self, slot: MapSlot | None = None) -> bool:
        """File > Save: to the map's file, or ask for one. True if saved."""
        slot = slot or self.current
        if slot is None:
            return False
        if slot.path is None or not slot.path.name.endswith(".json"):
            return self.save_as(slot=slot)
        return self._write(slot, slot.path)

    def save_as(self, path: str | Path | None = None, *, slot: MapSlot | None = None) -> bool:
        """File > Save As…: a new ``.relmap.json`` file. True if saved."""
        slot = slot or self.current
        if slot is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.win, "Save the map", str(self._suggest(slot, relmap.SUFFIX)), MAP_FILTER
            )
            if not path:
                return False
        p = Path(path)
        if not p.name.lower().endswith(".json"):
            p = p.with_name(p.name + relmap.SUFFIX)
        return self._write(slot, p)

    def _write(self, slot: MapSlot, path: Path) -> bool:
        try:
            m = self.map_to_save(slot)
            relmap.save(m, path)
        except Exception as exc:
            self._error(f"Cannot save {path.name}", exc)
            return False
        slot.map.positions, slot.map.pinned = dict(m.positions), set(m.pinned)
        slot.path, slot.modified = path, False
        self.add_recent(path)
        self._remember_dir(path)
        self._refresh()
        self.win.statusBar().showMessage(f"Saved {path}", 8000)
        return True

    def maybe_save(self) -> bool:
        """Before unsaved changes would be lost: Save, Discard or Cancel. True to go on."""
        for slot in self._modified_slots():
            answer = QMessageBox.warning(
                self.win,
                "Save changes?",
                self._unsaved_text(slot),
                _SAVE_BUTTONS,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save:
                if not self.save(slot):
                    return False
            elif answer != QMessageBox.StandardButton.Discard:
                return False
        self._refresh()
        return True

    def _modified_slots(self) -> list[MapSlot]:
        return [s for s in (self.curated, self.automatic) if s is not None and s.modified]

    @staticmethod
    def _unsaved_text(slot: MapSlot) -> str:
        name = slot.path.name if slot.path else f"The {'curated' if slot.map.curated else 'automatic'} map"
        return f"{name} has changes that are not saved (actors you moved).\nSave them first?"

    def _ask_before_closing(self) -> None:
        """The close prompt, window-modal but not blocking: the close waits for its answer."""
        if self.close_prompt is not None:
            self.close_prompt.raise_()
            return
        slots = self._modified_slots()
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Save changes?", self._unsaved_text(slots[0]), _SAVE_BUTTONS, self.win
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r, b=box: self._on_close_prompt_finished(b))
        self.close_prompt = box
        box.open()

    def _on_close_prompt_finished(self, box: QMessageBox) -> None:
        self.close_prompt = None
        box.deleteLater()
        answer = box.standardButton(box.clickedButton()) if box.clickedButton() else None
        if answer == QMessageBox.StandardButton.Save:
            if not all(self.save(s) for s in self._modified_slots()):
                return
        elif answer != QMessageBox.StandardButton.Discard:
            return
        self._close_approved = True
        if not self.win.close():
            self._close_approved = False

    def _on_map_view_node_moved(self, _actor_id: str) -> None:
        if self.current is not None:
            self.current.modified = True
            self._refresh()

    # -- export ------------------------------------------------------------------------
    def export(self, path: str | Path | None = None, selected_filter: str = "") -> bool:
        """File > Export…: every format of :func:`mapviewer.export.export_map`; PNG and SVG
        draw the map as shown (layout, filters, selection) with its legend."""
        slot = self.current
        if slot is None:
            return False
        if path is None:
            filters = [EXPORT_FILTERS.get(s, f"{s[1:].upper()} (*{s})") for s in supported_suffixes()]
            path, selected_filter = QFileDialog.getSaveFileName(
                self.win, "Export the map", str(self._suggest(slot, ".png")), ";;".join(filters), filters[0]
            )
            if not path:
                return False
        p = Path(path)
        suffix = p.suffix.lower()
        if suffix not in supported_suffixes():
            chosen = next((s for s, f in EXPORT_FILTERS.items() if f == selected_filter), None)
            if chosen is None:
                self._error(
                    "Cannot export",
                    InputError(f"{p.name}: choose a format ({', '.join(supported_suffixes())})"),
                )
                return False
            p, suffix = p.with_name(p.name + chosen), chosen
        try:
            if suffix in (".png", ".svg"):
                from .render import save_widget_png, save_widget_svg

                view = self.win.map_view
                view._update_view_dependent()  # labels and arrows as they will be drawn
                if suffix == ".png":
                    save_widget_png(view, p)
                else:
                    save_widget_svg(view, p, title=self.label())
            else:
                export_map(self.map_to_save(slot), p)
        except Exception as exc:
            self._error(f"Cannot export {p.name}", exc)
            return False
        self._remember_dir(p)
        self.win.statusBar().showMessage(f"Exported {p}", 8000)
        return True

    # -- recent files --------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        """File > Open Recent, most recent first."""
        val = settings.app_settings().value(_RECENT_KEY, [])
        if isinstance(val, str):  # QSettings returns a lone entry as a string
            val = [val]
        return [Path(v) for v in (val or []) if isinstance(v, str) and v]

    def _set_recent(self, paths: list[Path]) -> None:
        s = settings.app_settings()
        s.setValue(_RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])
        s.sync()

    def add_recent(self, path: Path) -> None:
        p = Path(path).resolve()
        self._set_recent([p, *(q for q in self.recent_files() if q != p)])
        self._remember_dir(p)

    def prune_recent(self) -> list[Path]:
        """Drop the recent files that no longer exist; returns them."""
        paths = self.recent_files()
        gone = [p for p in paths if not p.is_file()]
        if gone:
            self._set_recent([p for p in paths if p.is_file()])
        return gone

    def _on_recent_menu_about_to_show(self) -> None:
        gone = self.prune_recent()
        if gone:
            names = ", ".join(p.name for p in gone)
            self.win.statusBar().showMessage(f"Removed from Open Recent (no longer there): {names}", 10000)
        self.recent_menu.clear()
        paths = self.recent_files()
        for k, p in enumerate(paths, 1):
            act = self.recent_menu.addAction(f"&{k % 10} {p.name}")
            act.setToolTip(str(p))
            act.setStatusTip(str(p))
            act.triggered.connect(lambda _c=False, p=p: self.open_recent(p))
        if not paths:
            self.recent_menu.addAction("No recent files").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the list", lambda: self._set_recent([]))

    def open_recent(self, path: Path) -> bool:
        if not Path(path).is_file():
            self._set_recent([p for p in self.recent_files() if p != Path(path)])
            QMessageBox.warning(
                self.win,
                "File not found",
                f"{path}\nis no longer there; it has been removed from Open Recent.",
            )
            return False
        return self.open_path(path)

    def _remember_dir(self, path: Path) -> None:
        settings.app_settings().setValue(_DIR_KEY, str(Path(path).parent))

    def _start_dir(self) -> str:
        d = settings.app_settings().value(_DIR_KEY, "")
        if isinstance(d, str) and d and Path(d).is_dir():
            return d
        return str(self.origin.parent) if self.origin is not None else str(Path.home())

    def _suggest(self, slot: MapSlot, suffix: str) -> Path:
        """A file name for saving or exporting ``slot``, in the folder last used."""
        base = slot.path or self.origin
        stem = map_stem(base) if base is not None else ""
        if not stem and self.article is not None:
            stem = self.article.id
        if slot.path is None and not slot.map.curated and suffix == relmap.SUFFIX:
            stem += ".auto"  # as `mapviewer extract` names it: not taken for a curated map beside
        return Path(self._start_dir()) / f"{stem or 'map'}{suffix}"

    # -- quitting, about -----------------------------------------------------------------
    def quit(self) -> bool:
        """File > Quit: ask about unsaved changes, then close the window."""
        if not self.maybe_save():
            return False
        self._close_approved = True
        if not self.win.close():
            self._close_approved = False
            return False
        return True

    def about(self) -> None:
        from .about import show_about

        show_about(self.win)

    # -- errors ------------------------------------------------------------------------
    def _error(self, title: str, exc: BaseException) -> None:
        """A dialog with what went wrong; the traceback too on stderr when it is a bug."""
        if isinstance(exc, relmap.MapFormatError) and len(exc.problems) > 1:
            shown = exc.problems[:12]
            more = len(exc.problems) - len(shown)
            text = f"{exc.path + ': ' if exc.path else ''}not a valid map:\n" + "\n".join(
                f"• {p}" for p in shown
            )
            if more:
                text += f"\n… and {more} more"
        elif isinstance(exc, MapviewerError):
            text = str(exc)
        else:
            traceback.print_exception(exc, file=sys.stderr)
            text = f"Unexpected error: {type(exc).__name__}: {exc}"
        if self.current is not None:
            text += "\n\nThe map shown has not changed."
        QMessageBox.critical(self.win, title, text)

    # -- events: drag and drop, close --------------------------------------------------------
    def eventFilter(self, obj, ev) -> bool:
        t = ev.type()
        if t in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_paths(ev.mimeData()):
                ev.setDropAction(Qt.DropAction.CopyAction)
                ev.accept()
                return True
        elif t == QEvent.Type.Drop:
            paths = local_paths(ev.mimeData())
            if paths:
                ev.setDropAction(Qt.DropAction.CopyAction)
                ev.accept()
                # after the drop returns: the drag source must not wait on our dialogs
                QTimer.singleShot(0, self, lambda p=paths[0]: self.open_path(p))
                return True
        elif obj is self.win.map_view and t == QEvent.Type.Resize and self.placeholder.isVisible():
            self._place_placeholder()
        elif obj is self.win and t == QEvent.Type.Close:
            if self.modified and not self._close_approved:
                ev.ignore()
                self._ask_before_closing()  # closes the window again if the answer allows
                return True
            self._cancel_job()
        elif obj is self.win and t == QEvent.Type.Show and self.view_menu is None:
            self._finish_menus()
        return super().eventFilter(obj, ev)
