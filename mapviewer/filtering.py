"""What the map shows under a filter, and search over actors and quotes. No Qt.

:class:`MapFilter` is the state of the filter panel (plus the replay step);
:func:`apply_filter` turns it into boolean masks over the map's relations and actors.
:func:`search` finds actors by name, alias or id and words inside the evidence quotes,
case- and accent-insensitively, with offsets into the article.

Both run per keystroke on large maps: a :class:`MapIndex` holds everything precomputed
as numpy arrays (valence and kind codes, a relation-by-type matrix, the folded article
text with its offset map, every actor's names in one string) and the per-call work is
vectorized. Build the index once per map and pass it in; without one, each call builds
its own.

Rules
-----
* A relation is visible when its valence, one of its types, its number of quotes and its
  confidence pass, it is not a suggestion while suggestions are hidden, both its actors' kinds
  are shown, and (during a replay) it was stated by then.
* Ego view: only the ego actor and the actors within ``ego_depth`` steps of it over the
  relations visible by the rules above, and the visible relations among them.
* An actor is visible when its kind is shown and it has a visible relation or matches the
  search; actors with no relation at all in the map are shown too while no relation
  criterion is active (so an unfiltered map shows everything). The ego actor always is.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from .extract.relations import is_suggested
from .model import ACTOR_KINDS, VALENCES, RelationMap
from .replay import Replay

__all__ = [
    "NO_TYPE",
    "MapFilter",
    "MapIndex",
    "QuoteHit",
    "SearchResult",
    "Visible",
    "apply_filter",
    "fold",
    "search",
]

#: The type name a relation without types is filtered under.
NO_TYPE = ""

# Typographic variants folded to their plain forms, so "Azerbaijan's" finds "Azerbaijan’s".
_PUNCT = str.maketrans({"’": "'", "‘": "'", "‛": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_QUERY = re.compile(r"""["“”]([^"“”]*)["“”]?|(\S+)""")


@dataclass(frozen=True, slots=True)
class MapFilter:
    """What to show. ``None`` for a set means "all"; the default shows everything.

    Attributes
    ----------
    valences, types, kinds : frozenset of str or None
        Valences, relation types (:data:`NO_TYPE` for untyped relations) and actor kinds shown.
    min_evidence : int
        Hide relations with fewer quotes.
    min_confidence : int
        Hide relations found with a confidence below this many percent (an automatic map's
        relations carry one; a curated map's are all 100%).
    suggested : bool
        Show the relations the extractor's learned pass suggested (no rule found them).
    search : str
        Search text (highlights; an isolated matching actor stays visible).
    ego : str or None
        Actor id of the ego view.
    ego_depth : int
        1 (neighbours) or 2 (neighbours of neighbours).
    until_sentence : int or None
        Replay cut-off: show relations first stated in sentences ``0..until_sentence``.
    """

    valences: frozenset[str] | None = None
    types: frozenset[str] | None = None
    min_evidence: int = 0
    min_confidence: int = 0
    suggested: bool = True
    kinds: frozenset[str] | None = None
    search: str = ""
    ego: str | None = None
    ego_depth: int = 1
    until_sentence: int | None = None

    @property
    def restricts_relations(self) -> bool:
        """True when some criterion may hide relations (kinds aside)."""
        return (
            self.valences is not None
            or self.types is not None
            or self.min_evidence > 0
            or self.min_confidence > 0
            or not self.suggested
            or self.ego is not None
            or self.until_sentence is not None
        )

    @property
    def is_default(self) -> bool:
        return self == MapFilter()


def fold(s: str) -> str:
    """``s`` lower-cased without accents, for comparison (may change the length)."""
    s = unicodedata.normalize("NFKD", s.translate(_PUNCT))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _fold_with_offsets(text: str) -> tuple[str, np.ndarray]:
    """Folded ``text`` and, for each folded position ``j`` (and one past the end), the offset
    in ``text`` of the character it came from. Fast on ASCII: only non-ASCII runs are
    folded character by character."""
    if text.isascii():
        return text.lower(), np.arange(len(text) + 1, dtype=np.int64)
    parts: list[str] = []
    owners: list[np.ndarray] = []
    pos = 0
    for m in _NON_ASCII.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()].lower())
            owners.append(np.arange(pos, m.start(), dtype=np.int64))
        for i in range(m.start(), m.end()):
            f = fold(text[i])
            parts.append(f)
            owners.append(np.full(len(f), i, dtype=np.int64))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:].lower())
        owners.append(np.arange(pos, len(text), dtype=np.int64))
    owners.append(np.array([len(text)], dtype=np.int64))
    return "".join(parts), np.concatenate(owners)


def parse_query(query: str) -> list[str]:
    """Folded search terms: words, or phrases in double quotes."""
    terms = []
    for m in _QUERY.finditer(query):
        t = fold(m.group(1) if m.group(1) is not None else m.group(2)).strip()
        if t:
            terms.append(t)
    return terms


def _term_pattern(term: str) -> re.Pattern[str]:
    # a term matches at the start of a word; runs of white space match any white space
    body = r"\s+".join(re.escape(p) for p in term.split())
    lead = r"(?<!\w)" if _WORD.match(term) else ""
    return re.compile(lead + body)


_WORD = re.compile(r"\w+")
_TOP = chr(0x10FFFF)


class _WordIndex:
    """Sorted word-start index of a (folded) text: the occurrences of a prefix are found by
    bisection instead of scanning the text (a regex with a look-behind scans ~40 ms/MB)."""

    def __init__(self, text: str):
        self.text = text
        found = [(mt.group(), mt.start()) for mt in _WORD.finditer(text)]
        found.sort()
        self.words = [w for w, _ in found]
        self.starts = np.array([p for _, p in found], dtype=np.int64)

    def find(self, term: str) -> np.ndarray:
        """``(k, 2)`` spans of the matches of ``term`` (at a word start), in text order."""
        head = _WORD.match(term)
        if head is None:  # starts with punctuation: scan
            pat = _term_pattern(term)
            return np.array([(m.start(), m.end()) for m in pat.finditer(self.text)], np.int64).reshape(-1, 2)
        prefix = head.group()
        lo = bisect.bisect_left(self.words, prefix)
        hi = bisect.bisect_left(self.words, prefix + _TOP, lo)
        cand = np.sort(self.starts[lo:hi])
        if head.end() == len(term):  # one word: every candidate matches
            return np.column_stack([cand, cand + len(term)]).reshape(-1, 2)
        pat = _term_pattern(term)
        spans = []
        for p in cand.tolist():
            m = pat.match(self.text, p)
            if m is not None:
                spans.append((p, m.end()))
        return np.array(spans, dtype=np.int64).reshape(-1, 2)


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A search hit inside a quote: the matched words and the quote around them.

    ``start``/``end`` and ``quote_start``/``quote_end`` are offsets into the article
    ``article``; ``relations`` are the relations this quote supports.
    """

    article: str
    start: int
    end: int
    quote_start: int
    quote_end: int
    relations: tuple[int, ...]


@dataclass(eq=False)
class SearchResult:
    """Matches of a query.

    Attributes
    ----------
    terms : list of str
        The folded terms (empty: no search).
    actors : bool (n,)
        Actors whose name, an alias or the id has every term at the start of a word.
    relations : bool (r,)
        Relations with a quote holding every term, or whose types do.
    evidence : intp (k,)
        Matching quotes, as indices into :attr:`MapIndex.ev_rel` etc.
    evidence_match : int64 (k, 2)
        Article offsets of the first term in each matching quote.
    """

    index: MapIndex
    terms: list[str]
    actors: np.ndarray
    relations: np.ndarray
    evidence: np.ndarray
    evidence_match: np.ndarray

    @property
    def active(self) -> bool:
        return bool(self.terms)

    @property
    def actor_ids(self) -> list[str]:
        return [self.index.ids[i] for i in np.flatnonzero(self.actors)]

    @property
    def relation_indices(self) -> np.ndarray:
        return np.flatnonzero(self.relations)

    def quote_hits(self, limit: int | None = None) -> list[QuoteHit]:
        """Distinct matching quotes in article order (a quote shared by several relations
        is listed once, with all of them)."""
        ix = self.index
        order = np.lexsort((ix.ev_end[self.evidence], ix.ev_start[self.evidence], ix.ev_art[self.evidence]))
        hits: dict[tuple[int, int, int], list] = {}
        for k in order.tolist():
            e = int(self.evidence[k])
            key = (int(ix.ev_art[e]), int(ix.ev_start[e]), int(ix.ev_end[e]))
            if key in hits:
                hits[key][1].append(int(ix.ev_rel[e]))
                continue
            if limit is not None and len(hits) >= limit:
                break
            hits[key] = [k, [int(ix.ev_rel[e])]]
        out = []
        for (a, qs, qe), (k, rels) in hits.items():
            s, e = self.evidence_match[k]
            out.append(QuoteHit(ix.article_ids[a], int(s), int(e), qs, qe, tuple(sorted(set(rels)))))
        return out

    @property
    def n_quotes(self) -> int:
        """Number of distinct matching quotes."""
        ix = self.index
        if not len(self.evidence):
            return 0
        keys = np.stack([ix.ev_art[self.evidence], ix.ev_start[self.evidence], ix.ev_end[self.evidence]], 1)
        return len(np.unique(keys, axis=0))


@dataclass(eq=False)
class Visible:
    """The result of :func:`apply_filter`: boolean masks in map order."""

    relations: np.ndarray
    actors: np.ndarray
    ids: list[str]
    search: SearchResult
    ego_ball: np.ndarray | None = None

    @property
    def relation_indices(self) -> np.ndarray:
        return np.flatnonzero(self.relations)

    @property
    def actor_ids(self) -> set[str]:
        return {self.ids[i] for i in np.flatnonzero(self.actors)}


@dataclass(eq=False)
class MapIndex:
    """Everything :func:`apply_filter` and :func:`search` need, precomputed from a map.

    Rebuild it when the map's actors, relations or articles change (moving nodes does
    not matter).
    """

    m: RelationMap
    article_id: str | None = None
    replay: Replay = field(init=False)

    def __post_init__(self) -> None:
        m = self.m
        self.ids = m.actor_ids()
        pos = {a: i for i, a in enumerate(self.ids)}
        n_rel = len(m.relations)
        self.src = np.array([pos[r.source] for r in m.relations], dtype=np.intp).reshape(n_rel)
        self.dst = np.array([pos[r.target] for r in m.relations], dtype=np.intp).reshape(n_rel)
        self.valences = list(VALENCES) + sorted({r.valence for r in m.relations} - set(VALENCES))
        vcode = {v: i for i, v in enumerate(self.valences)}
        self.valence = np.array([vcode[r.valence] for r in m.relations], dtype=np.int16).reshape(n_rel)
        types = sorted({t for r in m.relations for t in (r.types or (NO_TYPE,))})
        self.types = types
        tcode = {t: i for i, t in enumerate(types)}
        self.type_matrix = np.zeros((n_rel, len(types)), dtype=bool)
        for i, r in enumerate(m.relations):
            for t in r.types or (NO_TYPE,):
                self.type_matrix[i, tcode[t]] = True
        self.n_evidence = np.array([len(r.evidence) for r in m.relations], dtype=np.int64).reshape(n_rel)
        # in whole percent, as the filter states it and the evidence panel shows it
        self.confidence = np.array([round(100 * r.confidence) for r in m.relations], dtype=np.int64).reshape(n_rel)
        self.suggested = np.array([is_suggested(r) for r in m.relations], dtype=bool).reshape(n_rel)
        self.kinds = list(ACTOR_KINDS) + sorted({a.kind for a in m.actors} - set(ACTOR_KINDS))
        kcode = {k: i for i, k in enumerate(self.kinds)}
        self.kind = np.array([kcode[a.kind] for a in m.actors], dtype=np.int16).reshape(len(m.actors))
        degree = np.bincount(np.r_[self.src, self.dst], minlength=len(self.ids))
        self.isolated = degree == 0
        self.replay = Replay(m, self.article_id)
        self._build_search()

    def _build_search(self) -> None:
        m = self.m
        # every actor's folded names in one text, one line per form; owner by line start
        lines, owner = [], []
        for i, a in enumerate(m.actors):
            for form in sorted({a.name, a.id, *a.aliases}):
                lines.append(fold(form).replace("\n", " "))
                owner.append(i)
        self.names = _WordIndex("\n".join(lines))
        self.names_starts = _line_starts(lines)
        self.names_owner = np.asarray(owner, dtype=np.intp)
        types_lines = [fold(" ".join(r.types)).replace("\n", " ") for r in m.relations]
        self.types_words = _WordIndex("\n".join(types_lines))
        self.types_starts = _line_starts(types_lines)
        # articles: folded text with a map back to the original offsets
        self.article_ids = [a.id for a in m.articles]
        self.folded = []
        for a in m.articles:
            text, back = _fold_with_offsets(a.text)
            self.folded.append((_WordIndex(text), back))
        art_pos = {a: i for i, a in enumerate(self.article_ids)}
        ev = [
            (art_pos[e.article], e.start, e.end, i)
            for i, r in enumerate(m.relations)
            for e in r.evidence
            if e.article in art_pos
        ]
        arr = np.array(ev, dtype=np.int64).reshape(-1, 4)
        self.ev_art, self.ev_start, self.ev_end = arr[:, 0], arr[:, 1], arr[:, 2]
        self.ev_rel = arr[:, 3].astype(np.intp)
        self.ev_of_article = [np.flatnonzero(self.ev_art == a) for a in range(len(self.article_ids))]

    @property
    def n_actors(self) -> int:
        return len(self.ids)

    @property
    def n_relations(self) -> int:
        return len(self.src)

    def actor_index(self, actor_id: str) -> int | None:
        try:
            return self.ids.index(actor_id)
        except ValueError:
            return None


def _line_starts(lines: list[str]) -> np.ndarray:
    return (
        np.cumsum([0] + [len(s) + 1 for s in lines[:-1]]).astype(np.int64) if lines else np.zeros(0, np.int64)
    )


def _owners(words: _WordIndex, starts: np.ndarray, term: str) -> np.ndarray:
    """Line number of every match of ``term``."""
    return np.searchsorted(starts, words.find(term)[:, 0], side="right") - 1


def search(m: RelationMap, query: str, index: MapIndex | None = None) -> SearchResult:
    """Find ``query`` in actor names, aliases and ids, relation types and evidence quotes.

    Every term (a word, or a phrase in double quotes) must match at the start of a word;
    case and accents are ignored ("cote" finds "Côte", "azerbaijan's" finds "Azerbaijan’s").
    """
    ix = index if index is not None and index.m is m else MapIndex(m)
    terms = parse_query(query)
    n, r, k = ix.n_actors, ix.n_relations, len(ix.ev_rel)
    if not terms:
        return SearchResult(
            ix, [], np.zeros(n, bool), np.zeros(r, bool), np.zeros(0, np.intp), np.zeros((0, 2), np.int64)
        )
    actors = np.ones(n, bool)
    typed = np.ones(r, bool)
    quoted = np.ones(k, bool)
    match = np.full((k, 2), -1, dtype=np.int64)
    for t_i, term in enumerate(terms):
        hit = np.zeros(n, bool)
        if len(ix.names_owner):
            hit[ix.names_owner[_owners(ix.names, ix.names_starts, term)]] = True
        actors &= hit
        hit_r = np.zeros(r, bool)
        if r:
            hit_r[_owners(ix.types_words, ix.types_starts, term)] = True
        typed &= hit_r
        found = np.zeros(k, bool)
        for (words, back), sel in zip(ix.folded, ix.ev_of_article, strict=True):
            if not len(sel) or not quoted[sel].any():
                continue
            spans = words.find(term)
            if not len(spans):
                continue
            occ = np.column_stack([back[spans[:, 0]], back[spans[:, 1] - 1] + 1])  # article offsets
            # matches come in order and do not overlap: the first one starting inside a quote
            # is the one that ends first
            j = np.searchsorted(occ[:, 0], ix.ev_start[sel], side="left")
            jj = np.minimum(j, len(occ) - 1)
            ok = (j < len(occ)) & (occ[jj, 1] <= ix.ev_end[sel])
            found[sel[ok]] = True
            if t_i == 0:
                match[sel[ok]] = occ[jj[ok]]
        quoted &= found
    ev = np.flatnonzero(quoted)
    rel = typed.copy()
    rel[ix.ev_rel[ev]] = True
    return SearchResult(ix, terms, actors, rel, ev, match[ev])


def apply_filter(m: RelationMap, f: MapFilter, index: MapIndex | None = None) -> Visible:
    """The relations and actors of ``m`` that ``f`` shows (see the module's rules).

    An ego actor that is not in the map is ignored.
    """
    ix = index if index is not None and index.m is m else MapIndex(m)
    n, r = ix.n_actors, ix.n_relations
    rel = np.ones(r, bool)
    if f.valences is not None:
        codes = [i for i, v in enumerate(ix.valences) if v in f.valences]
        rel &= np.isin(ix.valence, codes)
    if f.types is not None:
        cols = [i for i, t in enumerate(ix.types) if t in f.types]
        rel &= ix.type_matrix[:, cols].any(axis=1) if cols else False
    if f.min_evidence > 0:
        rel &= ix.n_evidence >= f.min_evidence
    if f.min_confidence > 0:
        rel &= ix.confidence >= f.min_confidence
    if not f.suggested:
        rel &= ~ix.suggested
    kind_ok = np.ones(n, bool)
    if f.kinds is not None:
        kind_ok = np.isin(ix.kind, [i for i, k in enumerate(ix.kinds) if k in f.kinds])
        rel &= kind_ok[ix.src] & kind_ok[ix.dst]
    if f.until_sentence is not None:
        rel &= ix.replay.relations_visible_at(f.until_sentence)
    ego = ix.actor_index(f.ego) if f.ego is not None else None
    ball = None
    if ego is not None:
        ball = np.zeros(n, bool)
        ball[ego] = True
        for _ in range(max(int(f.ego_depth), 1)):
            step = rel & (ball[ix.src] | ball[ix.dst])
            ball[ix.src[step]] = True
            ball[ix.dst[step]] = True
        rel &= ball[ix.src] & ball[ix.dst]
    found = search(m, f.search, ix)
    actors = np.zeros(n, bool)
    actors[ix.src[rel]] = True
    actors[ix.dst[rel]] = True
    actors |= found.actors
    if not f.restricts_relations:
        actors |= ix.isolated
    actors &= kind_ok
    if ball is not None:
        actors &= ball
        actors[ego] = True
    return Visible(rel, actors, ix.ids, found, ball)
