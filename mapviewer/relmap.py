"""The ``.relmap.json`` file format: read, validate, write.

A relmap file is one JSON object::

    {
      "format": "relmap", "version": 1,
      "curated": true,
      "articles":  [{"id", "title", "source", "published", "text"}],
      "actors":    [{"id", "name", "kind", "iso3", "aliases", "lat", "lon", "mentions"}],
      "relations": [{"source", "target", "directed", "valence", "types",
                     "confidence", "note",
                     "evidence": [{"article", "start", "end", "quote"}]}],
      "layout":    {"positions": {"<actor id>": [x, y]}, "pinned": ["<actor id>"],
                    "name": "force" | "circular" | "geographic"}
    }

The article text is embedded, so a map reads offline by itself. Offsets are indices
into the Python string (Unicode code points), and ``text[start:end] == quote`` must hold.
See ``docs`` in the README for the field-by-field description.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from .errors import MapviewerError
from .model import ACTOR_KINDS, VALENCES, Actor, Article, Evidence, Relation, RelationMap

__all__ = [
    "FORMAT",
    "SUFFIX",
    "VERSION",
    "MapFormatError",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "save",
    "to_dict",
    "validate",
]

FORMAT = "relmap"
VERSION = 1
SUFFIX = ".relmap.json"
#: Refuse to parse map files larger than this (bytes); a map with a long article is ~1 MB.
MAX_BYTES = 200 * 1024 * 1024


class MapFormatError(MapviewerError, ValueError):
    """A map file that cannot be read; ``problems`` lists each problem in words."""

    def __init__(self, problems: list[str], path: str | os.PathLike | None = None):
        self.problems = list(problems)
        self.path = None if path is None else str(path)
        head = f"{self.path}: " if self.path else ""
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        super().__init__(f"{head}{problems[0] if problems else 'invalid map'}{more}")


# -- writing -------------------------------------------------------------------------
def to_dict(m: RelationMap) -> dict[str, Any]:
    """The JSON-ready dict of ``m``."""
    out: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "curated": m.curated,
        "articles": [
            {"id": a.id, "title": a.title, "source": a.source, "published": a.published, "text": a.text}
            for a in m.articles
        ],
        "actors": [
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "iso3": a.iso3,
                "aliases": list(a.aliases),
                "lat": a.lat,
                "lon": a.lon,
                "mentions": a.mentions,
            }
            for a in m.actors
        ],
        "relations": [
            {
                "source": r.source,
                "target": r.target,
                "directed": r.directed,
                "valence": r.valence,
                "types": list(r.types),
                "confidence": r.confidence,
                "note": r.note,
                "evidence": [
                    {"article": e.article, "start": e.start, "end": e.end, "quote": e.quote}
                    for e in r.evidence
                ],
            }
            for r in m.relations
        ],
    }
    if m.positions or m.pinned:
        out["layout"] = {
            "positions": {k: [float(x), float(y)] for k, (x, y) in m.positions.items()},
            "pinned": sorted(m.pinned),
        }
        if m.layout:
            out["layout"]["name"] = m.layout
    return out


def dumps(m: RelationMap) -> str:
    return json.dumps(to_dict(m), ensure_ascii=False, indent=1) + "\n"


def save(m: RelationMap, path: str | os.PathLike) -> None:
    """Write ``m`` to ``path`` atomically (a crash mid-write never leaves half a file)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(dumps(m), encoding="utf-8")
    os.replace(tmp, path)


# -- reading -------------------------------------------------------------------------
def _typed(problems: list[str], where: str, obj: dict, key: str, kind, *, required=True, default=None):
    if key not in obj or obj[key] is None:
        if required:
            problems.append(f"{where}: missing '{key}'")
        return default
    val = obj[key]
    ok = isinstance(val, kind) and not (kind in (int, (int, float)) and isinstance(val, bool))
    if not ok:
        names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        problems.append(f"{where}: '{key}' should be {names}, not {type(val).__name__}")
        return default
    return val


def from_dict(data: Any) -> RelationMap:
    """Build a :class:`RelationMap` from parsed JSON, validating everything.

    Raises
    ------
    MapFormatError
        With every problem found, in words.
    """
    if not isinstance(data, dict):
        raise MapFormatError([f"top level should be a JSON object, not {type(data).__name__}"])
    if data.get("format") != FORMAT:
        raise MapFormatError([f"not a relmap file ('format' is {data.get('format')!r}, expected 'relmap')"])
    version = data.get("version")
    if version != VERSION:
        raise MapFormatError(
            [f"unsupported relmap version {version!r}: this mapviewer reads version {VERSION}"]
        )
    problems: list[str] = []
    articles: list[Article] = []
    for i, a in enumerate(_list(problems, data, "articles")):
        w = f"articles[{i}]"
        if not isinstance(a, dict):
            problems.append(f"{w}: should be an object")
            continue
        aid = _typed(problems, w, a, "id", str)
        text = _typed(problems, w, a, "text", str)
        if aid is None or text is None:
            continue
        articles.append(
            Article(
                id=aid,
                text=text,
                title=_typed(problems, w, a, "title", str, required=False, default=""),
                source=_typed(problems, w, a, "source", str, required=False, default=""),
                published=_typed(problems, w, a, "published", str, required=False, default=""),
            )
        )
    art_text = {a.id: a.text for a in articles}
    if len(art_text) != len(articles):
        problems.append("articles: duplicate article ids")

    actors: list[Actor] = []
    for i, a in enumerate(_list(problems, data, "actors")):
        w = f"actors[{i}]"
        if not isinstance(a, dict):
            problems.append(f"{w}: should be an object")
            continue
        aid = _typed(problems, w, a, "id", str)
        if aid is None:
            continue
        w = f"actor '{aid}'"
        kind = _typed(problems, w, a, "kind", str, required=False, default="country")
        if kind not in ACTOR_KINDS:
            problems.append(f"{w}: unknown kind {kind!r} (expected one of {', '.join(ACTOR_KINDS)})")
        lat = _typed(problems, w, a, "lat", (int, float), required=False)
        lon = _typed(problems, w, a, "lon", (int, float), required=False)
        if lat is not None and not (-90 <= lat <= 90 and math.isfinite(lat)):
            problems.append(f"{w}: latitude {lat} out of range")
        if lon is not None and not (-180 <= lon <= 180 and math.isfinite(lon)):
            problems.append(f"{w}: longitude {lon} out of range")
        aliases = _typed(problems, w, a, "aliases", list, required=False, default=[])
        if any(not isinstance(x, str) for x in aliases):
            problems.append(f"{w}: 'aliases' should be a list of strings")
            aliases = []
        actors.append(
            Actor(
                id=aid,
                name=_typed(problems, w, a, "name", str, required=False, default=aid),
                kind=kind,
                iso3=_typed(problems, w, a, "iso3", str, required=False),
                aliases=tuple(aliases),
                lat=None if lat is None else float(lat),
                lon=None if lon is None else float(lon),
                mentions=_typed(problems, w, a, "mentions", int, required=False, default=0),
            )
        )
    actor_ids = {a.id for a in actors}
    if len(actor_ids) != len(actors):
        problems.append("actors: duplicate actor ids")

    relations: list[Relation] = []
    for i, r in enumerate(_list(problems, data, "relations")):
        w = f"relations[{i}]"
        if not isinstance(r, dict):
            problems.append(f"{w}: should be an object")
            continue
        src = _typed(problems, w, r, "source", str)
        dst = _typed(problems, w, r, "target", str)
        for end, name in (("source", src), ("target", dst)):
            if name is not None and name not in actor_ids:
                problems.append(f"{w}: {end} '{name}' is not an actor of this map")
        if src is not None and src == dst:
            problems.append(f"{w}: relation from '{src}' to itself")
        w = f"relation {src}-{dst}" if src and dst else w
        valence = _typed(problems, w, r, "valence", str, required=False, default="neutral")
        if valence not in VALENCES:
            problems.append(f"{w}: unknown valence {valence!r} (expected one of {', '.join(VALENCES)})")
        types = _typed(problems, w, r, "types", list, required=False, default=[])
        if any(not isinstance(t, str) for t in types):
            problems.append(f"{w}: 'types' should be a list of strings")
            types = []
        conf = _typed(problems, w, r, "confidence", (int, float), required=False, default=1.0)
        evidence: list[Evidence] = []
        for j, e in enumerate(_typed(problems, w, r, "evidence", list, required=False, default=[])):
            we = f"{w} evidence[{j}]"
            if not isinstance(e, dict):
                problems.append(f"{we}: should be an object")
                continue
            art = _typed(problems, we, e, "article", str)
            start = _typed(problems, we, e, "start", int)
            end = _typed(problems, we, e, "end", int)
            quote = _typed(problems, we, e, "quote", str)
            if None in (art, start, end, quote):
                continue
            if art not in art_text:
                problems.append(f"{we}: article '{art}' is not in this map")
                continue
            text = art_text[art]
            if not (0 <= start <= end <= len(text)):
                problems.append(f"{we}: span {start}-{end} is outside the article (length {len(text)})")
                continue
            if text[start:end] != quote:
                problems.append(
                    f"{we}: quote does not match the article at {start}-{end} "
                    f"(article has {text[start:end][:40]!r}, quote is {quote[:40]!r})"
                )
                continue
            evidence.append(Evidence(art, start, end, quote))
        relations.append(
            Relation(
                source=src or "",
                target=dst or "",
                directed=_typed(problems, w, r, "directed", bool, required=False, default=False),
                valence=valence,
                types=tuple(types),
                evidence=evidence,
                confidence=float(conf),
                note=_typed(problems, w, r, "note", str, required=False, default=""),
            )
        )

    positions: dict[str, tuple[float, float]] = {}
    pinned: set[str] = set()
    layout_name = ""
    layout = data.get("layout")
    if layout is not None:
        if not isinstance(layout, dict):
            problems.append("layout: should be an object")
        else:
            for k, v in (layout.get("positions") or {}).items():
                if (
                    k in actor_ids
                    and isinstance(v, list)
                    and len(v) == 2
                    and all(isinstance(x, (int, float)) and math.isfinite(x) for x in v)
                ):
                    positions[k] = (float(v[0]), float(v[1]))
                else:
                    problems.append(f"layout: bad position for '{k}'")
            pinned = {p for p in layout.get("pinned") or [] if p in positions}
            layout_name = layout.get("name", "")
            if not isinstance(layout_name, str):
                problems.append("layout: name should be a string")
                layout_name = ""

    if problems:
        raise MapFormatError(problems)
    curated = data.get("curated", False)
    return RelationMap(
        articles,
        actors,
        relations,
        curated=bool(curated),
        positions=positions,
        pinned=pinned,
        layout=layout_name,
    )


def _list(problems: list[str], data: dict, key: str) -> list:
    val = data.get(key, [])
    if not isinstance(val, list):
        problems.append(f"'{key}' should be a list, not {type(val).__name__}")
        return []
    return val


def validate(data: Any) -> list[str]:
    """Return the problems of parsed relmap JSON in words (empty when valid)."""
    try:
        from_dict(data)
    except MapFormatError as exc:
        return exc.problems
    return []


def loads(s: str) -> RelationMap:
    try:
        data = json.loads(s)
    except json.JSONDecodeError as exc:
        raise MapFormatError([f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"]) from None
    return from_dict(data)


def load(path: str | os.PathLike) -> RelationMap:
    """Read and validate a relmap file.

    Raises
    ------
    MapFormatError
        If the file is missing, unreadable, not JSON, or not a valid map; the message
        names the file and says what is wrong.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise MapFormatError([f"file is too large for a map ({size / 1e6:.0f} MB)"], path)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise MapFormatError(["no such file"], path) from None
    except IsADirectoryError:
        raise MapFormatError(["is a folder, not a file"], path) from None
    except OSError as exc:
        raise MapFormatError([f"cannot read it ({exc.strerror or exc})"], path) from None
    try:
        s = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MapFormatError(["not a text file (it is not UTF-8)"], path) from None
    try:
        m = loads(s)
    except MapFormatError as exc:
        raise MapFormatError(exc.problems, path) from None
    for a in m.articles:
        a.path = str(path)
    return m
