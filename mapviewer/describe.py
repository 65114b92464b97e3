"""Relations and actors in words, and where an actor is named inside a quote. No Qt.

Shared by the evidence panel, the map's tooltips, the window's status bar and the reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .model import Actor, Relation, RelationMap

__all__ = ["confidence_note", "describe_actor", "describe_relation", "mention_spans", "name_forms", "relation_title"]


def relation_title(m: RelationMap, r: Relation, *, mutual: str = "–") -> str:
    """``"Turkey → Armenia"`` for a directed relation, ``"Israel – Azerbaijan"`` otherwise
    (``mutual`` joins the names of an undirected one)."""
    a, b = _name(m, r.source), _name(m, r.target)
    return f"{a} → {b}" if r.directed else f"{a} {mutual} {b}"


def describe_relation(m: RelationMap, r: Relation) -> str:
    """``"Turkey → Armenia: threat (hostile), directed"``."""
    types = ", ".join(r.types) if r.types else "relation"
    return f"{relation_title(m, r)}: {types} ({r.valence}), {'directed' if r.directed else 'undirected'}"


def confidence_note(m: RelationMap, r: Relation) -> str:
    """``"found automatically, 62% sure"`` for a relation of an automatic map; ``""`` for a
    curated one (a person drew it)."""
    if m.curated:
        return ""
    return f"found automatically, {round(100 * r.confidence)}% sure"


def describe_actor(m: RelationMap, actor_id: str) -> str:
    """``"Azerbaijan (country): 12 mentions, 5 relations"``."""
    a = m.actor(actor_id)
    n = len(m.relations_of(actor_id))
    return f"{a.name} ({a.kind}): {a.mentions} mention{'s' * (a.mentions != 1)}, {n} relation{'s' * (n != 1)}"


def _name(m: RelationMap, actor_id: str) -> str:
    try:
        return m.actor(actor_id).name
    except KeyError:
        return actor_id


def name_forms(names: Iterable[str]) -> set[str]:
    """Names plus the plural, possessive-free and common demonym forms derived from them.

    Heuristic and deliberately generous: the forms are only used to highlight words inside
    a quote already known to be about these actors (Armenia -> Armenian(s), Israel ->
    Israeli(s), Turkey -> Turk(s), Turkish; Azeri -> Azeris).
    """
    out: set[str] = set()
    for raw in names:
        n = raw.strip()
        if len(n) < 2:
            continue
        out |= {n, n + "s"}
        if " " in n:
            continue
        low = n.lower()
        if low.endswith("a"):  # Armenia, Russia, Syria
            out |= {n + "n", n + "ns"}
        elif low.endswith("ey"):  # Turkey
            out |= {n[:-2], n[:-2] + "s", n[:-2] + "ish"}
        elif low.endswith("e"):  # Ukraine
            out |= {n[:-1] + "ian", n[:-1] + "ians"}
        elif low.endswith(("n", "l", "q")):  # Azerbaijan, Israel, Iraq, Iran, Pakistan
            out |= {n + "i", n + "is", n + "ian", n + "ians"}
        elif low[-1] not in "aeiouy":  # Egypt
            out |= {n + "ian", n + "ians"}
    return out


@lru_cache(maxsize=256)
def _pattern(forms: frozenset[str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alts = sorted(forms, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in f.split()) for f in alts)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def actor_names(a: Actor) -> set[str]:
    return name_forms([a.name, *a.aliases])


def mention_spans(text: str, actors: Iterable[Actor]) -> list[tuple[int, int, int]]:
    """Where ``actors`` are named in ``text``: sorted ``(start, end, k)`` with ``k`` the actor's
    position in ``actors``; case-insensitive, whole words, longest form first, no overlaps."""
    hits: list[tuple[int, int, int]] = []
    for k, a in enumerate(actors):
        pat = _pattern(frozenset(actor_names(a)))
        if pat is not None:
            hits.extend((mt.start(), mt.end(), k) for mt in pat.finditer(text))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, int]] = []
    end = -1
    for h in hits:
        if h[0] >= end:
            out.append(h)
            end = h[1]
    return out
