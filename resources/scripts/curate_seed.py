"""Build the hand-curated relation map of the default seed article.

The curation is the two tables below: the actors the article names, and the relations it
states between them, each with short *anchor* phrases. The script finds every anchor in
the article (it must occur exactly once, or the occurrence is given), widens it to its
sentence, and slices the quote from the text, so no quote is ever retyped. Mention counts
are counted over the text from each actor's name and aliases.

Usage::

    .venv/bin/python resources/scripts/curate_seed.py [--output PATH]

The output is deterministic: running the script twice writes identical bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from mapviewer import relmap
from mapviewer.extract.sentences import sentence_spans
from mapviewer.model import RELATION_TYPES, VALENCES, Actor, Article, Evidence, Relation, RelationMap

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED_ID = "jpost-2020-11-azerbaijan-israel"

__all__ = ["ACTORS", "RELATIONS", "build", "count_mentions", "main", "sentence_bounds"]


# -- sentences -----------------------------------------------------------------------
def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: the extractor's splitter, where every line break ends a
    sentence (the title, the subtitle and each caption line are sentences of their own)."""
    return [tuple(span) for span in sentence_spans(text)]


def sentence_of(
    text: str, anchor: str, bounds: list[tuple[int, int]], occurrence: int = 0
) -> tuple[int, int]:
    """The sentence holding ``anchor``.

    ``occurrence`` 0 means the anchor must be unique in the text; n >= 1 takes the n-th.
    """
    hits = [m.start() for m in re.finditer(re.escape(anchor), text)]
    if not hits:
        raise ValueError(f"anchor not in the article: {anchor!r}")
    if occurrence == 0 and len(hits) > 1:
        raise ValueError(f"anchor occurs {len(hits)} times, give an occurrence: {anchor!r}")
    at = hits[max(occurrence, 1) - 1]
    for s, e in bounds:
        if s <= at and at + len(anchor) <= e:
            return s, e
    raise ValueError(f"anchor spans a sentence boundary: {anchor!r}")


# -- the curation ----------------------------------------------------------------------
@dataclass(frozen=True)
class A:
    """An actor of the curated map (see :class:`mapviewer.model.Actor`)."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    lat: float
    lon: float


@dataclass(frozen=True)
class R:
    """A relation: ``anchors`` are phrases (or ``(phrase, occurrence)``) of its sentences."""

    source: str
    target: str
    directed: bool
    valence: str
    types: tuple[str, ...]
    anchors: tuple[str | tuple[str, int], ...]
    note: str = ""
    confidence: float = 1.0


# Aliases are the surface forms the article itself uses (possessives as printed: the title
# has a straight apostrophe, the body a curly one). Coordinates are the capital's, or a
# representative point for groups and regions.
# fmt: off
ACTORS: tuple[A, ...] = (
    A("AZE", "Azerbaijan", "country", ("Azerbaijan's", "Azerbaijan’s", "Baku", "Baku’s", "Azeri", "Azeris"),
      40.4093, 49.8671),
    A("ARM", "Armenia", "country", ("Armenia’s", "Armenian", "Armenians"), 40.1792, 44.4991),
    A("ISR", "Israel", "country", ("Israel’s", "Israeli", "Jerusalem"), 31.7683, 35.2137),
    A("TUR", "Turkey", "country", ("Turkey’s", "Turkish", "Ankara"), 39.9334, 32.8597),
    A("RUS", "Russia", "country", ("Russian",), 55.7558, 37.6173),
    A("IRN", "Iran", "country", ("Iran’s",), 35.6892, 51.3890),
    A("USA", "United States", "country", ("US",), 38.9072, -77.0369),
    A("SEN", "Senegal", "country", (), 14.7167, -17.4677),
    A("XKX", "Kosovo", "country", (), 42.6629, 21.1655),
    A("QAT", "Qatar", "country", (), 25.2854, 51.5310),
    A("LBY", "Libya (Tripoli-based government)", "country", ("Tripoli-based Libyan government",),
      32.8872, 13.1913),
    A("PSE", "Palestine", "country", ("Palestinian",), 31.9038, 35.2034),
    # Gaza City; the Brotherhood at Cairo, where it was founded; the rebels at Idlib.
    A("hamas", "Hamas", "group", (), 31.5017, 34.4668),
    A("muslim-brotherhood", "Muslim Brotherhood", "organization", (), 30.0444, 31.2357),
    A("syrian-rebels", "Syrian rebel groups", "group", (), 35.9306, 36.6339),
    # Stepanakert; the Gulf at the mean of the six Gulf Cooperation Council capitals.
    A("nagorno-karabakh", "Nagorno-Karabakh", "region", ("Nagorno-Karabkah", "Artsakh"), 39.8153, 46.7519),
    A("gulf-states", "Gulf states", "region", ("Gulf",), 25.61, 51.60),
)

# Anchor phrases, named by where their sentence is, so the table reads like the article.
TITLE_WAR = "victory in war brings out Israeli flags"
TITLE_GROW = "Will relations grow?"
SUBTITLE = "including energy and defense trade"
CAPTION_1 = ("The Azeri flag and Israeli flag are seen being waved", 1)
CAPTION_2 = ("The Azeri flag and Israeli flag are seen being waved", 2)
WAR_IN_NK = "recent war against Armenian fighters"
FLAGS = "sea of Azerbaijan and Turkish flags"
TURKEY_SUPPORT = "Turkey supported Baku"
COULD_GROW = "relationship could now grow"
WAR_BROKE_OUT = "When the war broke out"
ENEMY_TANKS = "take out enemy tanks"
HAMMERED = "hammered Armenia"
DISPUTED = "is a disputed area of land"
DEFEATED_BAKU = "Armenia defeated Baku"
UNRESOLVED = "it went unresolved"
ALLIES = "It also gained allies"
RUSSIA_ARMS = "relying on Russia for arms"
ANKARA = "those in Ankara sought to hammer"
CLUNG_ON = "clung on to Nagorno-Karabkah"
SETBACK = "major setback for Armenia"
LOSSES = "Armenian forces suffered territorial loses"
DEAL = "Russia brokered a deal"
SHELLING = "Both sides are accused of shelling"
STRENGTHEN = "strengthen Baku’s relations with Jerusalem"
SHARE = "one of which is energy trade and defense trade"
INROADS = "making inroads with Muslim countries"
WARM = "warm relations with Senegal"
OPENINGS = "new openings in the Gulf and in Kosovo"
OFFER = "much to offer Baku"
IRAN_NEIGHBOUR = "Azerbaijan is a neighbor of Iran"
HOSTILE = "Turkey is hostile to Israel"
HOSTS = "Turkey hosts Hamas terrorists"
EXPLOIT = "exploit its role in Azerbaijan"
ALLIED = "Turkey is allied with the Muslim Brotherhood"
FLAGS_IN_BAKU = "waving of Israeli flags in Baku"
RALLIES = "pro-Azeri rallies in Israel"
DAMAGED = "Israel-Armenia relations have been damaged"
COLD_SHOULDER = "years of the cold shoulder"
BLAME = "blame Israel for their loss"
MORE_IMPORTANT = "more important to Israel than Armenia"
AMICABLE = "amicable relations with Russia"
PALESTINIAN = "Israeli-Palestinian conflict"
STRATEGIC = "keep the strategic relationship"

RELATIONS: tuple[R, ...] = (
    R("AZE", "ARM", False, "hostile", ("war", "territorial dispute"),
      (TITLE_WAR, WAR_IN_NK, WAR_BROKE_OUT, ENEMY_TANKS, HAMMERED, DISPUTED, DEFEATED_BAKU, UNRESOLVED,
       RUSSIA_ARMS, CLUNG_ON, SETBACK, LOSSES, DEAL, SHELLING),
      note="The 2020 war and the 1990s war over Nagorno-Karabakh; the deal Russia brokered ends the war."),
    R("AZE", "nagorno-karabakh", True, "hostile", ("war", "territorial dispute"),
      (WAR_IN_NK, DISPUTED, DEFEATED_BAKU, CLUNG_ON),
      note="The region stands for the self-declared Artsakh republic and its fighters; Azerbaijan claims it."),
    R("ARM", "nagorno-karabakh", True, "cooperative", ("military support",),
      (WAR_IN_NK, DEFEATED_BAKU, CLUNG_ON),
      note="Judgment call: Armenian fighters holding the area since Armenia's 1990s win, read as support.",
      confidence=0.8),
    R("TUR", "AZE", True, "cooperative", ("military support",),
      (TURKEY_SUPPORT, EXPLOIT),
      note="Turkey backed Baku's war effort; the article also asks whether Turkey will exploit its role."),
    R("AZE", "TUR", False, "cooperative", ("alliance",),
      (FLAGS, ALLIES),
      note="'It' in 'It also gained allies' is Azerbaijan; Turkish flags waved at Azerbaijan's celebrations."),
    R("AZE", "ISR", False, "cooperative", ("alliance", "diplomatic ties", "energy trade", "cooperation"),
      (TITLE_WAR, TITLE_GROW, SUBTITLE, CAPTION_1, CAPTION_2, FLAGS, TURKEY_SUPPORT, COULD_GROW, ALLIES,
       STRENGTHEN, SHARE, INROADS, WARM, OFFER, IRAN_NEIGHBOUR, FLAGS_IN_BAKU, RALLIES, MORE_IMPORTANT, STRATEGIC),
      note="Flags and rallies are read as the article reads them: Azerbaijan's openness to Israel."),
    R("ISR", "AZE", True, "cooperative", ("arms trade",),
      (SUBTITLE, TURKEY_SUPPORT, SHARE),
      note="'Defense trade' is Azerbaijan buying drones and munitions from Israel."),
    R("AZE", "USA", True, "cooperative", ("diplomatic ties",),
      (ALLIES,),
      note="'It' is Azerbaijan (previous sentence), which sought to become closer to the US."),
    R("RUS", "ARM", True, "cooperative", ("arms trade", "mediation"),
      (RUSSIA_ARMS, DEAL)),
    R("RUS", "AZE", True, "cooperative", ("mediation",),
      (DEAL,),
      note="Azerbaijan is not named in the sentence: the deal Russia brokered ends its war with Armenia."),
    R("TUR", "ARM", True, "hostile", ("threat", "hostility"),
      (ANKARA, DEAL),
      note="Turkey threatened to intervene in the war against Armenia; brief thaws aside, Ankara isolates it."),
    R("TUR", "ISR", True, "hostile", ("threat", "hostility"),
      (WARM, HOSTILE, HOSTS),
      note="The vow to liberate Jerusalem (the city) from Israeli control is read as a threat."),
    R("TUR", "hamas", True, "cooperative", ("alliance", "hosting"),
      (HOSTS, ALLIED)),
    R("TUR", "muslim-brotherhood", False, "cooperative", ("alliance",),
      (ALLIED,)),
    R("TUR", "QAT", False, "cooperative", ("alliance",),
      (ALLIED,)),
    R("TUR", "LBY", False, "cooperative", ("alliance",),
      (ALLIED,),
      note="LBY stands for the Tripoli-based Libyan government only, not all of Libya."),
    R("TUR", "syrian-rebels", True, "cooperative", ("military support",),
      (ALLIED,),
      note="Judgment call: Syrian rebel groups that Turkey 'recruits' read as Turkish military patronage."),
    R("ISR", "SEN", False, "cooperative", ("diplomatic ties",),
      (INROADS, WARM)),
    R("ISR", "gulf-states", False, "cooperative", ("diplomatic ties",),
      (INROADS, OPENINGS),
      note="Judgment call: 'new openings in the Gulf' continues the list of Israel's ties to Muslim countries.",
      confidence=0.8),
    R("ISR", "XKX", False, "cooperative", ("diplomatic ties",),
      (INROADS, OPENINGS),
      note="Judgment call: 'new openings ... in Kosovo' continues the list of Israel's ties to Muslim countries.",
      confidence=0.8),
    R("IRN", "ISR", True, "hostile", ("threat",),
      (IRAN_NEIGHBOUR,),
      note="Iran's regime is one of Israel's main threats in the region."),
    R("AZE", "IRN", False, "neutral", ("neighbours",),
      (IRAN_NEIGHBOUR, MORE_IMPORTANT),
      note="Stated twice; the border with Iran is why Azerbaijan matters more to Israel than Armenia."),
    R("ISR", "ARM", False, "mixed", ("diplomatic ties", "hostility"),
      (DAMAGED, COLD_SHOULDER, BLAME, MORE_IMPORTANT),
      note="Young ties damaged by anger over the war; Jews' and Armenians' shared suffering is not a state tie."),
    R("ISR", "RUS", False, "cooperative", ("diplomatic ties",),
      (AMICABLE,)),
    R("ISR", "PSE", False, "hostile", ("hostility",),
      (PALESTINIAN,),
      note="The Israeli-Palestinian conflict, named in passing; Azerbaijan's lack of interest in it is no relation."),
)
# fmt: on


# -- building --------------------------------------------------------------------------
def _alias_pattern(forms: list[str]) -> str:
    # Longest form first, so "Armenians" wins over "Armenian" and nothing counts twice.
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def count_mentions(text: str, actors: tuple[A, ...] = ACTORS) -> dict[str, int]:
    """Mentions of each actor: non-overlapping, case-sensitive whole-word matches of its
    name and aliases, taken in one pass over the text so no span counts for two actors."""
    owner: dict[str, str] = {}
    for a in actors:
        for form in (a.name, *a.aliases):
            if owner.setdefault(form, a.id) != a.id:
                raise ValueError(f"surface form {form!r} belongs to two actors")
    pattern = re.compile(rf"(?<!\w)(?:{_alias_pattern(list(owner))})(?!\w)")
    counts = dict.fromkeys((a.id for a in actors), 0)
    for m in pattern.finditer(text):
        counts[owner[m.group(0)]] += 1
    return counts


def _check_tables(text: str) -> None:
    ids = [a.id for a in ACTORS]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate actor id")
    for a in ACTORS:
        for form in a.aliases:
            if not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text):
                raise ValueError(f"alias {form!r} of {a.id} is not in the article")
    keys = set()
    for r in RELATIONS:
        if r.source not in ids or r.target not in ids:
            raise ValueError(f"relation {r.source}-{r.target}: unknown actor")
        unknown = [t for t in r.types if t not in RELATION_TYPES]
        if unknown or r.valence not in VALENCES:
            raise ValueError(
                f"relation {r.source}-{r.target}: unknown type or valence {unknown or r.valence}"
            )
        key = (r.source, r.target) if r.directed else tuple(sorted((r.source, r.target)))
        if (key, r.directed) in keys:
            raise ValueError(f"relation {key} listed twice")
        keys.add((key, r.directed))


def build(text: str, catalog: dict) -> RelationMap:
    """The curated map of the seed article ``text`` (its metadata from ``catalog``)."""
    _check_tables(text)
    seed = next(s for s in catalog["seeds"] if s["id"] == SEED_ID)
    article = Article(
        id=seed["id"], text=text, title=seed["title"], source=seed["source"], published=seed["published"]
    )
    bounds = sentence_bounds(text)
    counts = count_mentions(text)
    actors = [
        Actor(
            id=a.id,
            name=a.name,
            kind=a.kind,
            iso3=a.id if a.kind == "country" else None,
            aliases=a.aliases,
            lat=a.lat,
            lon=a.lon,
            mentions=counts[a.id],
        )
        for a in ACTORS
    ]
    relations = []
    for r in RELATIONS:
        spans = []
        for anchor in r.anchors:
            phrase, occurrence = anchor if isinstance(anchor, tuple) else (anchor, 0)
            spans.append(sentence_of(text, phrase, bounds, occurrence))
        if len(set(spans)) != len(spans):
            raise ValueError(f"relation {r.source}-{r.target}: two anchors in one sentence")
        order = list(RELATION_TYPES)
        relations.append(
            Relation(
                source=r.source,
                target=r.target,
                directed=r.directed,
                valence=r.valence,
                types=tuple(sorted(r.types, key=order.index)),
                evidence=[Evidence(article.id, s, e, text[s:e]) for s, e in sorted(spans)],
                confidence=r.confidence,
                note=r.note,
            )
        )
    return RelationMap(articles=[article], actors=actors, relations=relations, curated=True)


def main(argv: list[str] | None = None) -> int:
    catalog = json.loads((SEEDS / "catalog.json").read_text(encoding="utf-8"))
    seed = next(s for s in catalog["seeds"] if s["id"] == SEED_ID)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=SEEDS / seed["map"], help="where to write the map")
    args = parser.parse_args(argv)
    text = (SEEDS / seed["file"]).read_bytes().decode("utf-8")
    m = build(text, catalog)
    problems = relmap.validate(relmap.to_dict(m))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    relmap.save(m, args.output)
    n_ev = sum(len(r.evidence) for r in m.relations)
    print(f"wrote {args.output}: {len(m.actors)} actors, {len(m.relations)} relations, {n_ev} evidence spans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
