"""The gazetteer: states, organizations, armed groups and regions that articles name as actors.

The data lives in ``mapviewer/data/gazetteer.json`` (built by
``resources/scripts/build_gazetteer.py`` from open data plus curated additions) and is
read once with :mod:`importlib.resources`.

Each :class:`Entry` carries every surface form the mention finder looks for: the name,
aliases, demonyms (noun singular and plural), adjectives and capitals or seats that
stand for the actor ("Baku", "the Kremlin", "Brussels" for the EU).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..errors import MapviewerError
from ..model import Actor

__all__ = ["Entry", "Gazetteer", "GazetteerError", "normalize_form"]

_SEP = re.compile(r"[\s\-‐‑‒–—]+")
_APOS = re.compile(r"[’ʼ‘`´]")


def normalize_form(text: str) -> str:
    """The lookup key of a surface form: lower case, one space for runs of spaces and
    hyphens, a straight apostrophe for curly ones.

    "Nagorno-Karabakh", "NAGORNO KARABAKH" and "Nagorno–Karabakh" share one key.
    """
    return _SEP.sub(" ", _APOS.sub("'", text.strip())).lower()


def fold_accents(text: str) -> str:
    """``text`` without combining accents ("Türkiye" -> "Turkiye")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class GazetteerError(MapviewerError):
    """The gazetteer data file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor the gazetteer knows.

    Parameters
    ----------
    id : str
        ISO 3166-1 alpha-3 for states ("AZE"; "XKX" for Kosovo), else a lowercase
        hyphenated slug ("hamas", "nagorno-karabakh").
    name : str
        Display name.
    kind : str
        One of :data:`mapviewer.model.ACTOR_KINDS`.
    iso3 : str or None
        ISO 3166-1 alpha-3 code, for states that have one.
    aliases : tuple of str
        Other names, short forms, abbreviations and spellings.
    demonyms, demonyms_plural, adjectives : tuple of str
        "Azeri", "Azeris", "Azerbaijani".
    capitals : tuple of str
        Capitals and seats that stand for the actor ("Baku", "the Kremlin").
    lat, lon : float or None
        A representative point.
    historical : bool
        A state that no longer exists (Soviet Union).
    person_name : bool
        The name is also a common given name (Jordan, Chad): mentions need checking.
    """

    id: str
    name: str
    kind: str
    iso3: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    demonyms_plural: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    historical: bool = False
    person_name: bool = False
    note: str = field(default="", compare=False)

    def forms(self) -> Iterator[tuple[str, str]]:
        """Every surface form with its kind: ``("Azeris", "demonym")`` and so on.

        The kinds are the :attr:`Mention.form` values except ``"fuzzy"``.
        """
        yield self.name, "name"
        for a in self.aliases:
            yield a, "alias"
        for a in self.adjectives:
            yield a, "adjective"
        for d in (*self.demonyms, *self.demonyms_plural):
            yield d, "demonym"
        for c in self.capitals:
            yield c, "capital"

    def all_forms(self) -> tuple[str, ...]:
        """All distinct surface forms, name first."""
        seen: dict[str, None] = {}
        for f, _ in self.forms():
            seen.setdefault(f, None)
        return tuple(seen)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entry:
        return cls(
            id=d["id"],
            name=d["name"],
            kind=d.get("kind", "country"),
            iso3=d.get("iso3"),
            aliases=tuple(d.get("aliases", ())),
            demonyms=tuple(d.get("demonyms", ())),
            demonyms_plural=tuple(d.get("demonyms_plural", ())),
            adjectives=tuple(d.get("adjectives", ())),
            capitals=tuple(d.get("capitals", ())),
            lat=d.get("lat"),
            lon=d.get("lon"),
            historical=bool(d.get("historical", False)),
            person_name=bool(d.get("person_name", False)),
            note=d.get("note", ""),
        )


class Gazetteer:
    """A set of :class:`Entry`, with lookups by id and by surface form.

    Parameters
    ----------
    entries : iterable of Entry
    rules : dict, optional
        Context rules for the mention finder (stop phrases, false friends, given names...),
        as stored under ``"rules"`` in the data file.
    ambiguous : dict, optional
        Surface forms (normalized) that several entries share, mapped to the entry they
        resolve to ("congo" -> "COD").
    meta : dict, optional
        Header of the data file (sources, licences).
    """

    def __init__(
        self,
        entries,
        *,
        rules: dict[str, Any] | None = None,
        ambiguous: dict[str, str] | None = None,
        meta: dict[str, Any] | None = None,
        people: list[dict[str, Any]] | None = None,
    ) -> None:
        self._entries: dict[str, Entry] = {}
        for e in entries:
            if e.id in self._entries:
                raise GazetteerError(f"duplicate gazetteer id {e.id!r}")
            self._entries[e.id] = e
        self.rules: dict[str, Any] = dict(rules or {})
        self.ambiguous: dict[str, str] = {normalize_form(k): v for k, v in (ambiguous or {}).items()}
        self.meta: dict[str, Any] = dict(meta or {})
        # Leaders whose names stand for an actor: {"name", "variants", "short", "actor", ...}.
        self.people: list[dict[str, Any]] = [p for p in (people or ()) if p.get("actor") in self._entries]
        self._index: dict[str, list[tuple[str, str]]] | None = None
        self._matcher: Any = None  # built lazily by mentions.find_mentions

    # -- construction ------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Gazetteer:
        """Build from the parsed JSON of a gazetteer file."""
        try:
            entries = [Entry.from_dict(d) for d in data["entries"]]
        except (KeyError, TypeError) as exc:
            raise GazetteerError(f"malformed gazetteer data: {exc!r}") from exc
        meta = {k: v for k, v in data.items() if k not in ("entries", "rules", "ambiguous", "people")}
        people = data.get("people") or []
        if not isinstance(people, list) or not all(isinstance(p, dict) for p in people):
            raise GazetteerError("malformed gazetteer data: 'people' must be a list of objects")
        return cls(entries, rules=data.get("rules"), ambiguous=data.get("ambiguous"), meta=meta, people=people)

    @classmethod
    def from_json(cls, text: str) -> Gazetteer:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise GazetteerError(f"gazetteer is not valid JSON: {exc}") from exc
        return cls.from_dict(data)

    @staticmethod
    @cache
    def default() -> Gazetteer:
        """The gazetteer shipped in ``mapviewer/data/gazetteer.json``, loaded once."""
        res = resources.files("mapviewer.data") / "gazetteer.json"
        try:
            text = res.read_text(encoding="utf-8")
        except OSError as exc:
            raise GazetteerError(f"cannot read the shipped gazetteer: {exc}") from exc
        return Gazetteer.from_json(text)

    # -- lookups -----------------------------------------------------------------------
    def get(self, actor_id: str) -> Entry | None:
        """The entry with ``actor_id``, or None."""
        return self._entries.get(actor_id)

    def __getitem__(self, actor_id: str) -> Entry:
        return self._entries[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def form_index(self) -> dict[str, list[tuple[str, str]]]:
        """Normalized surface form -> ``[(entry id, form kind), ...]`` (accent-folded
        spellings included)."""
        if self._index is None:
            idx: dict[str, list[tuple[str, str]]] = {}
            for e in self._entries.values():
                for form, kind in e.forms():
                    for variant in {form, fold_accents(form)}:
                        key = normalize_form(variant)
                        if not key:
                            continue
                        lst = idx.setdefault(key, [])
                        if all(eid != e.id for eid, _ in lst):
                            lst.append((e.id, kind))
            self._index = idx
        return self._index

    def resolve(self, form: str) -> tuple[str, str] | None:
        """``(entry id, form kind)`` for a surface form, with ambiguity resolved, or None."""
        key = normalize_form(fold_accents(form))
        hits = self.form_index().get(key) or self.form_index().get(normalize_form(form))
        if not hits:
            return None
        if len(hits) > 1 and key in self.ambiguous:
            for h in hits:
                if h[0] == self.ambiguous[key]:
                    return h
        return hits[0]

    def search(self, name: str) -> Entry | None:
        """The entry a name, alias, demonym or capital refers to, or the entry with id
        ``name``; None if unknown. Case, accents, hyphens and a leading "the" do not matter."""
        if name in self._entries:
            return self._entries[name]
        if name.upper() in self._entries and len(name) == 3:
            return self._entries[name.upper()]
        for candidate in (name, re.sub(r"(?i)^the\s+", "", name.strip())):
            hit = self.resolve(candidate)
            if hit is not None:
                return self._entries[hit[0]]
        return None

    def to_actor(self, actor_id: str, mentions: int = 0) -> Actor:
        """A :class:`mapviewer.model.Actor` for the entry ``actor_id``.

        Raises
        ------
        KeyError
            If the gazetteer has no such entry.
        """
        e = self._entries[actor_id]
        return Actor(
            id=e.id,
            name=e.name,
            kind=e.kind,
            iso3=e.iso3,
            aliases=tuple(f for f in e.all_forms() if f != e.name),
            lat=e.lat,
            lon=e.lon,
            mentions=mentions,
        )
