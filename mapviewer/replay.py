"""Reading-order replay: the map as the article states it, sentence by sentence. No Qt.

A :class:`Replay` splits one article into sentences (:func:`mapviewer.extract.sentences.
sentence_spans`) and finds, for each relation, the offset of its first evidence span in
that article and the sentence holding it. Step ``k`` of the replay shows the relations
first stated in sentences ``0..k``; the last step shows the whole map (relations with no
evidence in the article appear there, so a finished replay is the full map).
"""

from __future__ import annotations

import numpy as np

from .extract.sentences import sentence_spans
from .model import RelationMap

__all__ = ["Replay", "first_sentences"]


class Replay:
    """Sentences of an article and when each relation of a map is first stated.

    Parameters
    ----------
    m : RelationMap
        The map.
    article_id : str, optional
        The article to replay (default: the map's first article). A map without
        articles has no steps.

    Attributes
    ----------
    spans : int64 (s, 2)
        Sentence ``(start, end)`` offsets, in reading order.
    first_offset : int64 (r,)
        Article offset of each relation's first evidence span, -1 when it has none in
        this article.
    first_sentence : int64 (r,)
        Index of the sentence holding that offset; the last step for relations with no
        evidence here.
    """

    def __init__(self, m: RelationMap, article_id: str | None = None):
        n_rel = len(m.relations)
        if not m.articles:
            self.article_id: str | None = None
            text = ""
        else:
            art = m.article(article_id)
            self.article_id, text = art.id, art.text
        spans = sentence_spans(text) if text else []
        if not spans and text.strip():  # defensive: a text the splitter returns nothing for
            spans = [(0, len(text))]
        self.spans = np.array(spans, dtype=np.int64).reshape(-1, 2)
        first = np.full(n_rel, -1, dtype=np.int64)
        for i, r in enumerate(m.relations):
            starts = [e.start for e in r.evidence if e.article == self.article_id]
            if starts:
                first[i] = min(starts)
        self.first_offset = first
        last = max(self.n_steps - 1, 0)
        # the sentence starting at or before the offset (an offset in the white space between
        # two sentences belongs to the earlier one)
        idx = np.searchsorted(self.spans[:, 0], first, side="right") - 1
        self.first_sentence = np.where(first >= 0, np.clip(idx, 0, last), last).astype(np.int64)

    @property
    def n_steps(self) -> int:
        """Number of sentences (0 when there is no article text)."""
        return len(self.spans)

    @property
    def last_step(self) -> int:
        return max(self.n_steps - 1, 0)

    def relations_visible_at(self, step: int) -> np.ndarray:
        """Boolean mask of the relations first stated at or before sentence ``step``."""
        return self.first_sentence <= int(step)

    def relations_new_at(self, step: int) -> np.ndarray:
        """Indices of the relations first stated in sentence ``step``."""
        return np.flatnonzero(self.first_sentence == int(step))

    def sentence_span(self, step: int) -> tuple[int, int]:
        """``(start, end)`` of sentence ``step`` in the article (for the article pane)."""
        s, e = self.spans[int(step)]
        return int(s), int(e)

    def step_at(self, offset: int) -> int:
        """The sentence holding article offset ``offset`` (the earlier one in between)."""
        i = int(np.searchsorted(self.spans[:, 0], offset, side="right")) - 1
        return min(max(i, 0), self.last_step)


def first_sentences(m: RelationMap, article_id: str | None = None) -> np.ndarray:
    """Index of the sentence where each relation is first stated (see :class:`Replay`)."""
    return Replay(m, article_id).first_sentence
