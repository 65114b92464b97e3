"""Automatic relation maps: read an article, find its actors and the relations stated.

``map_article(path)`` is what :func:`mapviewer.documents.open_map` calls for an article
with no curated map beside it; the UI runs it in a worker thread with ``progress`` and
``cancel`` callbacks.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..model import Article, RelationMap
from .reader import MAX_BYTES, article_from_text, read_article
from .relations import Cancelled, extract_relations, is_suggested
from .sentences import sentence_spans

__all__ = [
    "MAX_BYTES",
    "Cancelled",
    "article_from_text",
    "extract_relations",
    "is_suggested",
    "map_article",
    "read_article",
    "sentence_spans",
]


def map_article(
    path_or_article: str | os.PathLike | Article,
    *,
    progress: Callable[[float, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> RelationMap:
    """Read an article (a path, or an :class:`Article`) and extract its relation map.

    Parameters
    ----------
    path_or_article : path or Article
        A ``.txt``, ``.md``, ``.html`` or ``.pdf`` file, or an article already read.
    progress : callable, optional
        ``progress(fraction, message)`` with ``fraction`` in [0, 1].
    cancel : callable, optional
        ``cancel() -> bool``; checked between sentences.

    Returns
    -------
    RelationMap
        ``curated=False``; every evidence span indexes the article text.

    Raises
    ------
    mapviewer.errors.InputError
        If the file cannot be read as an article.
    Cancelled
        If ``cancel()`` returned True.
    """
    if progress:
        progress(0.0, "reading the article")
    article = path_or_article if isinstance(path_or_article, Article) else read_article(path_or_article)
    if cancel and cancel():
        raise Cancelled("extraction cancelled")
    return extract_relations(article, progress=progress, cancel=cancel)
