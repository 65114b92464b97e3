"""Build mapviewer/data/gazetteer.json from open data plus curated additions.

Usage (from the repository root)::

    .venv/bin/pip install '.[gazetteer]'        # pyworldatlas, needed at build time only
    .venv/bin/python resources/scripts/build_gazetteer.py [--check]

Sources: the ``pyworldatlas`` package (MIT; its data comes from the CIA World Factbook,
GeoNames, Natural Earth, Unicode CLDR and Wikidata) for names, formal names, capitals,
capital coordinates and demonyms of states; ``resources/data/gazetteer_additions.toml``
(hand-written, part of mapviewer, MIT) for everything else: plural and colloquial
demonyms ("Azeris"), seats that stand for states ("the Kremlin"), Kosovo and Taiwan,
disputed territories, organizations, armed groups, regions and the mention-matching rules.

The output is deterministic: the same inputs give the same bytes (no timestamps, sorted
entries, fixed formatting). ``--check`` exits 1 if the committed file differs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADDITIONS = ROOT / "resources" / "data" / "gazetteer_additions.toml"
PEOPLE = ROOT / "resources" / "data" / "people.toml"
OUTPUT = ROOT / "mapviewer" / "data" / "gazetteer.json"

LIST_FIELDS = ("aliases", "demonyms", "demonyms_plural", "adjectives", "capitals")
FIELD_ORDER = (
    "id", "name", "kind", "iso3", "aliases", "demonyms", "demonyms_plural", "adjectives", "capitals",
    "lat", "lon", "historical", "person_name", "note",
)  # fmt: skip


class BuildError(Exception):
    pass


def norm(s: str) -> str:
    """Same key as mapviewer.extract.gazetteer.normalize_form, with accents folded."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[’ʼ‘`´]", "'", s.strip())
    return re.sub(r"[\s\-‐‑‒–—]+", " ", s).lower()


def plural(word: str) -> str:
    """English plural of a demonym noun ("Azeri" -> "Azeris", "Frenchman" -> "Frenchmen")."""
    if word.endswith(("ese", "ss", "z", "Thai", "Lao", "Turkmen", "Basotho", "Batswana")):
        return word  # "Chinese", "Swiss", "Kyrgyz", "Abkhaz" are their own plurals
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "sh")) or (word.endswith("ch") and word != "Czech"):
        return word + "es"
    return word + "s"


def _clean(piece: str) -> str:
    piece = re.sub(r"\((?:colloquial|US citizens|US nationals|collective plural)\)", "", piece)
    return " ".join(piece.split()).strip(" ;,.")


def parse_demonyms(noun: str | None, adjective: str | None) -> tuple[list[str], list[str], list[str]]:
    """Split CIA Factbook demonym strings into nouns (singular), plurals and adjectives.

    ``"Azerbaijani(s)"`` -> Azerbaijani / Azerbaijanis; ``"Beninese (singular and plural)"``
    -> Beninese / Beninese; ``"Croat(s), Croatian(s)"`` -> both; free-text notes are dropped.
    """
    sing: list[str] = []
    plur: list[str] = []
    adjs: list[str] = []
    if noun and not noun.startswith("NA"):
        noun = noun.split(";")[0]
        for raw in re.split(r",\s*|\s+or\s+|/", noun):
            raw = raw.strip()
            piece = _clean(raw)
            if not piece:
                continue
            m = re.fullmatch(r"([A-Z][\w' -]*?)\((s|es)\)", piece)
            if m:
                sing.append(m.group(1).strip())
                plur.append(m.group(1).strip() + m.group(2))
                continue
            m = re.fullmatch(r"([A-Z][\w' -]*?)\s*\((?:men|women)\)", piece)
            if m:
                sing.append(m.group(1).strip())
                plur.append(plural(m.group(1).strip()))
                continue
            m = re.fullmatch(r"([A-Z][\w' -]*?)\s*\((singular|plural|collective plural)\)", raw)
            if m:
                (sing if m.group(2) == "singular" else plur).append(m.group(1).strip())
                continue
            m = re.fullmatch(r"([A-Z][\w' -]*?)\s*\(singular and plural\)", piece)
            if m:
                sing.append(m.group(1).strip())
                plur.append(m.group(1).strip())
                continue
            if "(" in piece or len(piece.split()) > 3 or not piece[:1].isupper():
                continue
            sing.append(piece)
            plur.append(plural(piece))
    if adjective:
        adjective = adjective.split(";")[0]
        for piece in re.split(r",\s*|\s+or\s+|/", adjective):
            piece = _clean(piece)
            if piece and "(" not in piece and len(piece.split()) <= 3 and piece[:1].isupper():
                adjs.append(piece)
    return sing, plur, adjs


def _add(lst: list[str], items) -> None:
    for x in items:
        if x and x not in lst:
            lst.append(x)


def from_atlas(atlas, code: str, kind: str) -> dict:
    import dataclasses

    c = atlas.country(code)
    d = dataclasses.asdict(c)
    if d["codes"]["alpha3"] != code:
        raise BuildError(f"pyworldatlas returned {d['codes']['alpha3']} for {code}")
    name = d["name"]
    aliases: list[str] = []
    names = [*d["aliases"], d.get("formal_name"), d.get("official_name")]
    names += [n["text"] for n in d["names"] if n.get("language_code") in (None, "en")]
    for a in names:
        if not a or "(" in a or "," in a or len(a) > 60:
            continue
        a = re.sub(r"^The\s+", "", a)
        if a != name:
            _add(aliases, [a])
    sing: list[str] = []
    plur: list[str] = []
    adjs: list[str] = []
    for dem in d["demonyms"]:
        if dem.get("language_code") not in (None, "en"):
            continue
        s, p, a = parse_demonyms(dem.get("noun"), dem.get("adjective"))
        _add(sing, s)
        _add(plur, p)
        _add(adjs, a)
    capitals = [cap["name"] for cap in d["capitals"]]
    primary = next(
        (cap for cap in d["capitals"] if cap.get("primary")), d["capitals"][0] if d["capitals"] else None
    )
    lat = lon = None
    if primary is not None:
        lat = round(primary["coordinates"]["latitude"], 3)
        lon = round(primary["coordinates"]["longitude"], 3)
    # The name itself is not an adjective or a capital ("Congo", "Singapore", "Monaco").
    name_keys = {norm(name), *(norm(a) for a in aliases)}
    adjs = [a for a in adjs if norm(a) not in name_keys]
    capitals = [x for x in capitals if norm(x) not in name_keys]
    return {
        "id": code,
        "name": re.sub(r"^The\s+", "", name),
        "kind": kind,
        "iso3": code,
        "aliases": aliases,
        "demonyms": sing,
        "demonyms_plural": plur,
        "adjectives": adjs,
        "capitals": capitals,
        "lat": lat,
        "lon": lon,
    }


def auto_plurals(spec: dict) -> list[str]:
    """Plurals for the curated singular demonyms of ``spec``, unless it lists its own."""
    if "demonyms_plural" in spec:
        return list(spec["demonyms_plural"])
    return [plural(s) for s in spec.get("demonyms", ())]


def apply_override(entry: dict, ov: dict) -> None:
    ov = {**ov, "demonyms_plural": auto_plurals(ov)}
    drop = {norm(x) for x in ov.get("drop", ())}
    if "name" in ov and ov["name"] != entry["name"]:
        old = entry["name"]
        entry["name"] = ov["name"]
        if norm(old) not in drop:
            _add(entry["aliases"], [old])
    for f in LIST_FIELDS:
        _add(entry[f], ov.get(f, ()))
        entry[f] = [x for x in entry[f] if norm(x) not in drop or x in ov.get(f, ())]
    entry["aliases"] = [a for a in entry["aliases"] if norm(a) != norm(entry["name"])]
    for key in ("person_name", "historical", "note", "kind", "lat", "lon"):
        if key in ov:
            entry[key] = ov[key]


def finish(entry: dict) -> dict:
    """Fill defaults, add missing plurals, order fields, drop empty optional ones."""
    e = {k: entry.get(k) for k in FIELD_ORDER}
    for f in LIST_FIELDS:
        e[f] = list(dict.fromkeys(e[f] or ()))
    e["historical"] = bool(e["historical"])
    e["person_name"] = bool(e["person_name"])
    return {k: v for k, v in e.items() if not (k == "note" and not v)}


def check_collisions(entries: list[dict], ambiguous: dict[str, str], stops: list[str]) -> None:
    owners: dict[str, set[str]] = {}
    for e in entries:
        for f in ("name", *LIST_FIELDS):
            vals = [e[f]] if f == "name" else e[f]
            for v in vals:
                owners.setdefault(norm(v), set()).add(e["id"])
    amb = {norm(k): v for k, v in ambiguous.items()}
    problems = []
    for key, ids in sorted(owners.items()):
        if len(ids) > 1 and (key not in amb or amb[key] not in ids):
            problems.append(f"{key!r}: {sorted(ids)}")
    stop_keys = {norm(s) for s in stops}
    for key in sorted(stop_keys & set(owners)):
        problems.append(f"stop phrase {key!r} is also a form of {sorted(owners[key])}")
    if problems:
        raise BuildError(
            "unresolved shared forms (add them to [ambiguous] or drop them):\n  " + "\n  ".join(problems)
        )


def load_people(entries: dict[str, dict]) -> list[dict]:
    """The people of ``resources/data/people.toml``, checked: every actor is an entry, no person is
    listed twice for the same actor, and no name used alone is claimed by two people or is a
    gazetteer form."""
    data = tomllib.loads(PEOPLE.read_text(encoding="utf-8"))
    forms = {norm(f) for e in entries.values() for f in (e["name"], *e.get("aliases", ()), *e.get("capitals", ()),
                                                         *e.get("demonyms", ()), *e.get("adjectives", ()))}
    out: list[dict] = []
    shorts: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    for p in data.get("person", ()):
        if p["actor"] not in entries:
            raise BuildError(f"people.toml: {p['name']!r} speaks for unknown actor {p['actor']!r}")
        if (p["name"], p["actor"]) in seen:
            raise BuildError(f"people.toml: {p['name']!r} is listed twice for {p['actor']!r}")
        seen.add((p["name"], p["actor"]))
        for sh in p.get("short", ()):
            if norm(sh) in forms:
                raise BuildError(f"people.toml: short name {sh!r} is a gazetteer form")
            if shorts.setdefault(sh, p["name"]) != p["name"]:
                raise BuildError(f"people.toml: short name {sh!r} given to {shorts[sh]!r} and {p['name']!r}")
        out.append({k: p[k] for k in ("name", "variants", "short", "actor", "role", "from", "to") if k in p})
    return sorted(out, key=lambda x: (x["actor"], x["name"]))


def build() -> str:
    try:
        import pyworldatlas
        from pyworldatlas import Atlas
    except ImportError as exc:
        raise BuildError("pyworldatlas is needed to build the gazetteer: pip install '.[gazetteer]'") from exc
    add = tomllib.loads(ADDITIONS.read_text(encoding="utf-8"))
    atlas = Atlas()
    info = atlas.dataset_info()
    if len(add["un_members"]) != 193 or len(set(add["un_members"])) != 193:
        raise BuildError(f"un_members must list 193 distinct codes, has {len(set(add['un_members']))}")
    entries: dict[str, dict] = {}
    for code in [*add["un_members"], *add["un_observers"]]:
        entries[code] = from_atlas(atlas, code, "country")
    for code in add.get("territories", ()):
        entries[code] = from_atlas(atlas, code, "region")
    for code, ov in add.get("states", {}).items():
        if code not in entries:
            raise BuildError(f"[states.{code}] overrides an entry that is not built")
        apply_override(entries[code], ov)
    for extra in add.get("entries", ()):
        if extra["id"] in entries:
            raise BuildError(f"duplicate id {extra['id']!r} in [[entries]]")
        entries[extra["id"]] = {**extra, "demonyms_plural": auto_plurals(extra)}
    out = [finish(e) for _, e in sorted(entries.items(), key=lambda kv: kv[0].lower())]
    people = load_people(entries)
    check_collisions(out, add.get("ambiguous", {}), add.get("rules", {}).get("stop_phrases", []))
    header = {
        "format": "mapviewer-gazetteer",
        "version": 1,
        "generated_by": "resources/scripts/build_gazetteer.py; do not edit by hand",
        "sources": [
            {
                "name": "pyworldatlas",
                "version": pyworldatlas.__version__,
                "dataset_version": info.dataset_version,
                "licence": "MIT",
                "used_for": "state names, formal names, capitals, capital coordinates, demonyms",
                "upstream": "CIA World Factbook (public domain), GeoNames (CC BY 4.0), Natural Earth "
                "(public domain), Unicode CLDR (Unicode License v3), Wikidata (CC0)",
            },
            {
                "name": "resources/data/people.toml",
                "licence": "MIT (part of mapviewer)",
                "used_for": "leaders whose names stand for a state or an organization, with their years in office",
            },
            {
                "name": "resources/data/gazetteer_additions.toml",
                "licence": "MIT (part of mapviewer)",
                "used_for": "plural and colloquial demonyms, seats standing for states, Kosovo, Taiwan, "
                "disputed territories, organizations, groups, regions, ambiguity resolution, matching rules",
            },
        ],
        "attribution": "Contains data from GeoNames (geonames.org, CC BY 4.0) via pyworldatlas.",
        "counts": {
            k: sum(1 for e in out if e["kind"] == k) for k in ("country", "organization", "group", "region")
        },
    }
    lines = ["{"]
    for k, v in header.items():
        lines.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    lines.append(
        f' "ambiguous": {json.dumps(dict(sorted(add.get("ambiguous", {}).items())), ensure_ascii=False)},'
    )
    lines.append(f' "rules": {json.dumps(add.get("rules", {}), ensure_ascii=False, indent=None)},')
    lines.append(' "people": [')
    lines.append(",\n".join("  " + json.dumps(x, ensure_ascii=False) for x in people))
    lines.append(" ],")
    lines.append(' "entries": [')
    lines.append(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in out))
    lines.append(" ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed file is out of date")
    ap.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = ap.parse_args(argv)
    try:
        text = build()
    except BuildError as exc:
        print(f"build_gazetteer: {exc}", file=sys.stderr)
        return 2
    json.loads(text)  # the hand-made layout must still be valid JSON
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; rebuild it", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.write_text(text, encoding="utf-8")
    n = text.count('\n  {"id"')
    print(f"wrote {args.output} ({n} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
