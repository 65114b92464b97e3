"""Open what the user names: a relmap file, an article with a map beside it, or a seed.

This is the one place that decides which map a path stands for; the command line and
the window both call it.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import relmap
from .errors import InputError
from .model import RelationMap
from .seeds import default_seed

__all__ = ["curated_map_beside", "map_file_for", "map_stem", "open_map", "open_seed"]


def open_seed() -> RelationMap:
    """The default seed article with its curated map."""
    seed = default_seed()
    m = seed.curated_map()
    if m is None:
        raise InputError(f"the seed {seed.id} has no curated map")
    return m


def map_stem(path: Path) -> str:
    """The name maps of ``path`` are named after: ``report.2024`` for ``report.2024.txt``,
    ``report.2024.relmap.json`` and ``report.2024.auto.relmap.json``."""
    name = path.name
    for ending in (".auto" + relmap.SUFFIX, relmap.SUFFIX):
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return path.stem


def curated_map_beside(path: Path) -> Path | None:
    """``article.relmap.json`` next to ``article.txt`` (or ``.md``, ``.html``...), if present."""
    cand = path.with_name(map_stem(path) + relmap.SUFFIX)
    return cand if cand.is_file() and cand != path else None


def map_file_for(path: str | os.PathLike) -> Path | None:
    """The relmap file ``path`` stands for: itself if it is a map, else the curated map
    beside the article; None for an article that has to be mapped automatically.

    Raises
    ------
    mapviewer.errors.InputError
        If ``path`` is missing or a folder.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a file")
    if p.name.endswith(relmap.SUFFIX) or p.suffix == ".json":
        return p
    return curated_map_beside(p)


def open_map(path: str | os.PathLike) -> RelationMap:
    """The map ``path`` stands for: a relmap file, or the curated map beside an article.

    Raises
    ------
    mapviewer.errors.MapviewerError
        With a message for the user when the file cannot be opened.
    """
    mapfile = map_file_for(path)
    if mapfile is not None:
        return relmap.load(mapfile)
    from .extract import map_article  # lazy: only when there is no curated map

    return map_article(Path(path))
