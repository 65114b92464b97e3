"""Plain data model: articles, actors, relations and the evidence spans behind them.

Pure Python, no Qt. Everything the viewer, the extractor and the file format share
lives here.

An :class:`Evidence` is a span of an article: ``article.text[start:end] == quote``
always holds for a valid map, so a quote can be traced to its exact place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = [
    "ACTOR_KINDS",
    "RELATION_TYPES",
    "VALENCES",
    "Actor",
    "Article",
    "Evidence",
    "Relation",
    "RelationMap",
    "locate",
    "sentence_at",
]

#: Kinds of actor a map may hold.
ACTOR_KINDS = ("country", "organization", "group", "region")

#: Overall tone of a relation.
VALENCES = ("cooperative", "hostile", "mixed", "neutral")

#: Relation types, in display order, with the CAMEO quad class each one falls in
#: ("neutral" for stated facts that are neither cooperation nor conflict).
RELATION_TYPES: dict[str, str] = {
    "war": "material conflict",
    "threat": "verbal conflict",
    "hostility": "verbal conflict",
    "sanctions": "material conflict",
    "territorial dispute": "verbal conflict",
    "alliance": "verbal cooperation",
    "diplomatic ties": "verbal cooperation",
    "military support": "material cooperation",
    "arms trade": "material cooperation",
    "energy trade": "material cooperation",
    "trade": "material cooperation",
    "aid": "material cooperation",
    "mediation": "verbal cooperation",
    "hosting": "material cooperation",
    "cooperation": "verbal cooperation",
    "dependence": "material cooperation",
    "rivalry": "verbal conflict",
    # A shared border: a stated fact, neither cooperation nor conflict.
    "neighbours": "neutral",
}


@dataclass(slots=True)
class Article:
    """A source text, kept verbatim.

    Parameters
    ----------
    id : str
        Stable identifier, unique within a map.
    text : str
        The full text. Evidence offsets index into this string.
    title, source, published, path : str
        Metadata; ``published`` is an ISO date or a year-month such as ``"2020-11"``.
    """

    id: str
    text: str
    title: str = ""
    source: str = ""
    published: str = ""
    path: str = ""


@dataclass(slots=True)
class Actor:
    """A state, organization, armed or political group, or region.

    ``iso3`` is the ISO 3166-1 alpha-3 code for states that have one. ``mentions``
    counts how often the article names the actor (it sizes the node).
    """

    id: str
    name: str
    kind: str = "country"
    iso3: str | None = None
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    mentions: int = 0

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim span of an article that supports a relation."""

    article: str
    start: int
    end: int
    quote: str

    def check(self, text: str) -> bool:
        """Return True if ``text[start:end] == quote``."""
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.quote


@dataclass(slots=True)
class Relation:
    """A relation between two actors, with the spans that state it.

    ``directed`` means ``source`` acts on ``target`` (Turkey *threatens* Armenia);
    an undirected relation is symmetric (Israel and Azerbaijan *trade*).
    """

    source: str
    target: str
    directed: bool = False
    valence: str = "neutral"
    types: tuple[str, ...] = ()
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Identity of the relation: the ordered pair when directed, else sorted."""
        if self.directed:
            return (self.source, self.target)
        return tuple(sorted((self.source, self.target)))  # type: ignore[return-value]

    def involves(self, actor_id: str) -> bool:
        return actor_id in (self.source, self.target)

    def other(self, actor_id: str) -> str:
        return self.target if actor_id == self.source else self.source


@dataclass(slots=True)
class RelationMap:
    """Articles, actors and relations, with the queries the viewer needs."""

    articles: list[Article] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    curated: bool = False
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    pinned: set[str] = field(default_factory=set)
    #: The layout :attr:`positions` come from ("force", "circular", "geographic"; "" unknown).
    layout: str = ""

    # -- lookups ---------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def article(self, article_id: str | None = None) -> Article:
        """The article with ``article_id``, or the first one."""
        if article_id is None:
            if not self.articles:
                raise KeyError("map has no article")
            return self.articles[0]
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def actor_ids(self) -> list[str]:
        return [a.id for a in self.actors]

    def relations_of(self, actor_id: str) -> list[Relation]:
        """Relations with ``actor_id`` on either end, in map order."""
        return [r for r in self.relations if r.involves(actor_id)]

    def neighbours(self, actor_id: str) -> set[str]:
        return {r.other(actor_id) for r in self.relations_of(actor_id)}

    def evidence_of(self, relation: Relation | int) -> list[Evidence]:
        rel = self.relations[relation] if isinstance(relation, int) else relation
        return list(rel.evidence)

    def iter_evidence(self) -> Iterator[tuple[Relation, Evidence]]:
        for r in self.relations:
            for e in r.evidence:
                yield r, e

    def quote_text(self, ev: Evidence) -> str:
        """The article text behind ``ev`` (equal to ``ev.quote`` in a valid map)."""
        return self.article(ev.article).text[ev.start : ev.end]

    def to_networkx(self):
        """A ``networkx.MultiDiGraph``-free view: a ``Graph`` with one edge per relation pair.

        Parallel relations between the same pair are kept as edge attribute ``relations``
        (a list of indices into :attr:`relations`).
        """
        import networkx as nx  # lazy: networkx costs ~150 ms to import

        g = nx.Graph()
        for a in self.actors:
            g.add_node(a.id)
        for i, r in enumerate(self.relations):
            if g.has_edge(r.source, r.target):
                g.edges[r.source, r.target]["relations"].append(i)
            else:
                g.add_edge(r.source, r.target, relations=[i])
        return g


# -- span helpers --------------------------------------------------------------------
_WS = re.compile(r"\s+")


def locate(text: str, needle: str, *, article: str, start: int = 0, occurrence: int = 1) -> Evidence:
    """Find ``needle`` in ``text`` and return it as an :class:`Evidence` span.

    The quote is sliced from ``text``, never copied from ``needle``, so it is verbatim
    even when ``needle`` differs in white space.

    Parameters
    ----------
    text : str
        The article text.
    needle : str
        The passage to find; runs of white space match any run of white space.
    article : str
        The article id stored in the span.
    start : int
        Where to start looking.
    occurrence : int
        Which occurrence to take (1 is the first).

    Raises
    ------
    ValueError
        If ``needle`` is not found.
    """
    pattern = re.compile(r"\s+".join(re.escape(p) for p in _WS.split(needle.strip())))
    pos = start
    m = None
    for _ in range(occurrence):
        m = pattern.search(text, pos)
        if m is None:
            raise ValueError(f"passage not found in article {article!r}: {needle[:60]!r}")
        pos = m.end()
    assert m is not None
    return Evidence(article, m.start(), m.end(), text[m.start() : m.end()])


def sentence_at(text: str, ev: Evidence, bounds: Iterable[tuple[int, int]]) -> Evidence:
    """Widen ``ev`` to the sentence(s) in ``bounds`` that it overlaps."""
    lo, hi = ev.start, ev.end
    for s, e in bounds:
        if s < ev.end and e > ev.start:
            lo, hi = min(lo, s), max(hi, e)
    return Evidence(ev.article, lo, hi, text[lo:hi])
