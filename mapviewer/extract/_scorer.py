"""A learned second pass: pairs named in one sentence that read like a relation the rules missed.

The rules of :mod:`mapviewer.extract.relations` are precise but miss relations written in ways
no rule foresaw. Every sentence with a cue word and two actors or more is a *candidate* for each
actor pair in it the rules did not relate (not a mere list, not two clauses with subjects of
their own); a logistic model over a few dozen surface features (distance, cue words
between the two, a clause boundary, subjecthood, prepositions, how often the article
names each actor, ...) gives each candidate the probability that the sentence states a relation
between them. A pair's probability is the noisy-or over its sentences; a pair the rules did not
find is added when it reaches the model's threshold.

The weights are fitted by ``resources/scripts/train_pair_model.py`` on the hand-labelled
fixture articles (never the held-out ones) and shipped as ``mapviewer/data/pair_model.json``.
Nothing here is random and nothing is downloaded.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources

import numpy as np

from ..errors import MapviewerError
from ..model import RELATION_TYPES
from . import cues as _cues
from ._grammar import _BOUNDARY, _SAID, _after_prep, _is_subject, _Tok, _word_before

__all__ = ["ARTICLE_FEATURES", "FEATURES", "SENTENCE_FEATURES", "PairModel", "article_features", "sentence_rows"]

_HOSTILE = frozenset(k for k, v in RELATION_TYPES.items() if "conflict" in v)
_PLACE_PREPS = frozenset(("in", "at", "near", "into", "across", "inside"))
_FACING_PREPS = frozenset(("with", "against", "between", "and"))
_QUOTES = frozenset(('"', "“", "”"))

#: Features of one candidate (a pair in a sentence), in the order :func:`sentence_rows` gives.
SENTENCE_FEATURES = (
    "bias", "logdist", "nact", "nact2", "bound", "comma_btw", "cue_btw", "cue_btw_verb",
    "cue_btw_noun", "cue_before", "cue_after", "ncues", "cue_host", "cue_btw_host", "cue_btw_w",
    "cue_btw_sym", "neg", "neg_btw", "hedge", "subj_i", "subj_j", "main_i", "prep_j",
    "prep_i", "place_j", "from_j", "to_j", "with_j", "by_j", "on_j", "poss_i", "poss_j", "adj_i",
    "adj_j", "pron", "person", "between", "and_btw", "said", "quote", "len", "first", "actor_btw", "noun_prep_j", "two_clauses", "place_i",
)  # fmt: skip
#: Features of the pair in the whole article, appended by :func:`article_features`.
ARTICLE_FEATURES = ("sal_min", "sal_max", "top", "pc", "k_country", "k_organization", "k_group", "k_region", "pos")
FEATURES = SENTENCE_FEATURES + ARTICLE_FEATURES


def sentence_rows(
    toks: list[_Tok],
    lows: list[str],
    cues: list[tuple[int, _cues.Cue]],
    pairs: list[tuple[int, int, bool]],
    n_actors: int,
    subj: int | None,
) -> list[list[float]]:
    """The :data:`SENTENCE_FEATURES` of each pair of actor tokens ``i < j`` in ``pairs``.

    Parameters
    ----------
    toks, lows : list
        The sentence's tokens and their lower-case words.
    cues : list of (int, Cue)
        Positions and entries of the sentence's cue words, in order.
    pairs : list of (int, int, bool)
        The two actors' tokens of each pair (for a pair named twice, the closest two), never
        merely listed together, and whether they stand in one clause.
    n_actors : int
        Distinct actors in the sentence.
    subj : int or None
        The sentence's main subject.
    """
    # What does not depend on the pair is computed once per sentence.
    n = len(toks)
    negators = _cues.NEGATORS
    common = (
        min(n_actors, 8) / 8,
        float(n_actors == 2),
        min(len(cues), 5) / 5,
        float(any(cu.type in _HOSTILE for _, cu in cues)),
        float(not negators.isdisjoint(lows)),
        float(not _cues.HEDGES.isdisjoint(lows)),
        float(not _SAID.isdisjoint(lows)),
        float(not _QUOTES.isdisjoint(lows)),
        min(n, 60) / 60,
    )
    n_act, two, n_cues, host, neg, hedge, said, quote, length = common
    first_cue = cues[0][0] if cues else n
    last_cue = cues[-1][0] if cues else -1
    subject: dict[int, float] = {}
    rows = []
    for i, j, one_clause in pairs:
        btw = [cu for c, cu in cues if i < c < j]
        inner = lows[i + 1 : j]
        wb = _word_before(toks, j)
        ti, tj = toks[i], toks[j]
        for k in (i, j):
            if k not in subject:
                subject[k] = float(_is_subject(toks, k))
        rows.append(
            [
                1.0,
                math.log(1 + j - i),
                n_act,
                two,
                float(not _BOUNDARY.isdisjoint(inner)),
                min(3, inner.count(",")) / 3,
                float(bool(btw)),
                float(any(not cu.noun for cu in btw)),
                float(any(cu.noun for cu in btw)),
                float(first_cue < i),
                float(last_cue > j),
                n_cues,
                host,
                float(any(cu.type in _HOSTILE for cu in btw)),
                max((cu.weight for cu in btw), default=0.0),
                float(any(cu.link == "sym" for cu in btw)),
                neg,
                float(not negators.isdisjoint(lows[i:j])),
                hedge,
                subject[i],
                subject[j],
                float(subj == i),
                float(_after_prep(toks, j)),
                float(_after_prep(toks, i)),
                float(wb in _PLACE_PREPS),
                float(wb == "from"),
                float(wb == "to"),
                float(wb in _FACING_PREPS),
                float(wb == "by"),
                float(wb in ("on", "over")),
                float(ti.poss),
                float(tj.poss),
                float(ti.adj),
                float(tj.adj),
                float(ti.pron or tj.pron),
                float(ti.person or tj.person),
                float("between" in lows[max(0, i - 3) : i]),
                float("and" in inner),
                said,
                quote,
                length,
                float(i <= 1),
                # Another actor between the two: "attacked Ukraine from Belarus" (listed pairs are no
                # candidates at all).
                float(any(toks[k].actor not in (None, ti.actor, tj.actor) for k in range(i + 1, j))),
                float(_noun_prep(toks, j)),
                float(not one_clause),
                float(_word_before(toks, i) in _PLACE_PREPS),
            ]
        )
    return rows


_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her"))


def _noun_prep(toks: list[_Tok], j: int) -> bool:
    """Is actor ``j`` in a prepositional phrase on a plain noun ("blocked *the crossing into*
    Mauritania", "*a base in* Djibouti")?"""
    p = j - 1
    while p > 0 and toks[p].low in ("the", "a", "an"):
        p -= 1
    if p < 2 or toks[p].low not in _PLACE_PREPS | {"from", "to", "on"}:
        return False
    noun = toks[p - 1]
    return not noun.actor and noun.low.isalpha() and (toks[p - 2].low in _DETERMINERS or toks[p - 2].adj)


def article_features(
    a: str, b: str, counts: dict[str, int], top: tuple[str, ...], together: int, kinds: dict[str, str]
) -> list[float]:
    """The :data:`ARTICLE_FEATURES` of the pair ``a``, ``b`` but the last, ``pos`` (the
    sentence's position in the article, 0 first, 1 last), which the caller appends.

    ``counts`` are mentions per actor, ``top`` the two most named actors, ``together`` the
    number of candidate sentences naming both and ``kinds`` the gazetteer kind per actor.
    """
    most = max(counts.values(), default=1) or 1
    ca, cb = counts.get(a, 0), counts.get(b, 0)
    ka, kb = kinds.get(a), kinds.get(b)
    return [
        min(ca, cb) / most,
        max(ca, cb) / most,
        float(a in top) + float(b in top),
        math.log(max(1, together)),
        *(float(ka == k) + float(kb == k) for k in ("country", "organization", "group", "region")),
    ]


@dataclass(frozen=True)
class PairModel:
    """A logistic model over :data:`FEATURES`: ``p = 1 / (1 + exp(-((x - mean) / scale) @ weights))``.

    ``threshold`` is the pair probability from which a pair the rules missed is added.
    """

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    threshold: float
    info: dict

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """The probability of each row of features (shape ``(n, len(FEATURES))``)."""
        z = ((rows - self.mean) / self.scale) @ self.weights
        return 1.0 / (1.0 + np.exp(-z))

    @staticmethod
    def from_json(text: str) -> PairModel:
        """Read a model written by :meth:`to_json`.

        Raises
        ------
        MapviewerError
            If ``text`` is no model, or one fitted on other features.
        """
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise MapviewerError(f"the pair model is not JSON: {exc}") from exc
        if not isinstance(data, dict) or list(data.get("features", ())) != list(FEATURES):
            raise MapviewerError("the pair model was fitted on other features; rebuild it with train_pair_model.py")
        try:
            arrays = [np.asarray(data[k], dtype=float) for k in ("mean", "scale", "weights")]
            threshold = float(data["threshold"])
        except (KeyError, TypeError, ValueError) as exc:
            raise MapviewerError(f"the pair model is damaged: {exc}") from exc
        if any(x.shape != (len(FEATURES),) for x in arrays) or not all(np.isfinite(x).all() for x in arrays):
            raise MapviewerError("the pair model is damaged; rebuild it with train_pair_model.py")
        return PairModel(*arrays, threshold=threshold, info=dict(data.get("info", {})))

    def to_json(self) -> str:
        data = {
            "features": list(FEATURES),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "weights": [round(float(x), 6) for x in self.weights],
            "threshold": self.threshold,
            "info": self.info,
        }
        return json.dumps(data, indent=1) + "\n"

    @staticmethod
    def default() -> PairModel:
        """The model shipped in ``mapviewer/data/pair_model.json``, loaded once.

        Raises
        ------
        MapviewerError
            If the file is missing or damaged (a broken install).
        """
        global _DEFAULT
        if _DEFAULT is None:
            res = resources.files("mapviewer.data") / "pair_model.json"
            try:
                _DEFAULT = PairModel.from_json(res.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                raise MapviewerError(f"the pair model cannot be read: {exc}") from exc
        return _DEFAULT


_DEFAULT: PairModel | None = None
