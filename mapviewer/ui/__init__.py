"""The desktop viewer (PySide6 + pyqtgraph). Only this package imports Qt.

Names are loaded on first use, so ``import mapviewer.ui`` stays cheap and
``mapviewer.ui.app`` can show an error dialog before pyqtgraph is imported.
"""

from __future__ import annotations

import importlib

__all__ = ["ArticleView", "EvidencePanel", "Legend", "MainWindow", "MapView", "render_png", "run_app"]

_WHERE = {
    "ArticleView": "article_view",
    "EvidencePanel": "evidence_panel",
    "Legend": "legend",
    "MainWindow": "main_window",
    "MapView": "map_view",
    "render_png": "render",
    "run_app": "app",
}


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
