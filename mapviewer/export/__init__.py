"""Export a map to files, chosen by extension.

The formats that need drawing (``.png``, ``.svg``) render offscreen through
:mod:`mapviewer.ui.render`, imported only when asked for; the rest are pure Python.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from .. import relmap
from ..model import RelationMap

__all__ = ["export_map", "supported_suffixes"]


def _json(m: RelationMap, path: Path) -> None:
    relmap.save(m, path)


def _png(m: RelationMap, path: Path) -> None:
    from ..ui.render import render_png

    render_png(m, path)


def _svg(m: RelationMap, path: Path) -> None:
    from ..ui.render import render_svg

    render_svg(m, path)


def _lazy(module: str, func: str) -> Callable[[RelationMap, Path], None]:
    # import the writer's module (and networkx) only when that format is asked for
    def write(m: RelationMap, path: Path) -> None:
        from importlib import import_module

        getattr(import_module(f"{__name__}.{module}"), func)(m, path)

    return write


_WRITERS: dict[str, Callable[[RelationMap, Path], None]] = {
    ".json": _json,
    ".png": _png,
    ".svg": _svg,
    ".graphml": _lazy("graph", "write_graphml"),
    ".gexf": _lazy("graph", "write_gexf"),
    ".csv": _lazy("tabular", "write_csv"),
    ".md": _lazy("report", "write_markdown"),
    ".html": _lazy("report", "write_html"),
}


def supported_suffixes() -> list[str]:
    return list(_WRITERS)


def export_map(m: RelationMap, path: str | os.PathLike) -> None:
    """Write ``m`` to ``path`` in the format its extension names.

    Raises
    ------
    ValueError
        If the extension is not one of :func:`supported_suffixes`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _WRITERS:
        raise ValueError(f"unsupported export format {suffix!r}")
    _WRITERS[suffix](m, path)
