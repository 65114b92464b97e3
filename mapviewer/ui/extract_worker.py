"""Automatic mapping of an article in a worker thread, so the window keeps responding.

:class:`ExtractionJob` runs :func:`mapviewer.extract.map_article` in a ``QThread`` with
``progress`` and ``cancel`` callbacks and reports back through queued signals, which run
in the GUI thread: :attr:`~ExtractionJob.progressed`, then exactly one of
:attr:`~ExtractionJob.succeeded`, :attr:`~ExtractionJob.failed` or
:attr:`~ExtractionJob.cancelled`, then :attr:`~ExtractionJob.done`.
"""

from __future__ import annotations

import os
import sys
import threading
import traceback

from PySide6.QtCore import QThread, Signal

from ..errors import MapviewerError
from ..extract import Cancelled, map_article
from ..model import Article

__all__ = ["ExtractionJob"]


class ExtractionJob(QThread):
    """Map ``source`` (an article file or an :class:`~mapviewer.model.Article`) in the background.

    ``label`` names the article in messages. Call :meth:`start`; :meth:`cancel` asks the
    extraction to stop at its next check (between sentences).
    """

    #: fraction done in [0, 1], what is being done
    progressed = Signal(float, str)
    #: the RelationMap
    succeeded = Signal(object)
    #: a message for the user
    failed = Signal(str)
    cancelled = Signal()
    #: after any of the three above
    done = Signal()

    def __init__(self, source: str | os.PathLike | Article, label: str = "", parent=None):
        super().__init__(parent)
        self.source = source
        self.label = label or (source.title or source.id if isinstance(source, Article) else str(source))
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the extraction to stop; :attr:`cancelled` follows (unless it had finished)."""
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:  # in the worker thread: only signals cross back
        try:
            m = map_article(self.source, progress=self._progress, cancel=self._stop.is_set)
        except Cancelled:
            self.cancelled.emit()
        except MapviewerError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug, not bad input: the user gets the message, stderr the traceback
            traceback.print_exc(file=sys.stderr)
            self.failed.emit(
                f"{self.label}: unexpected error while mapping the article ({type(exc).__name__}: {exc})"
            )
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(m)
        self.done.emit()

    def _progress(self, fraction: float, message: str) -> None:
        self.progressed.emit(float(fraction), str(message))
