"""The curated map of the seed article: valid, traceable to the text, and analytically sound."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mapviewer import relmap
from mapviewer.model import RELATION_TYPES, VALENCES, RelationMap
from mapviewer.seeds import default_seed

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SCRIPT = ROOT / "resources" / "scripts" / "curate_seed.py"
SHARED_SEED = Path("/work/shared/seeds/000_bae2ce51e956bd86.txt")


@pytest.fixture(scope="module")
def m() -> RelationMap:
    cm = default_seed().curated_map()
    assert cm is not None, "the default seed has no curated map"
    return cm


@pytest.fixture(scope="module")
def text(m: RelationMap) -> str:
    return m.article().text


def _forms(m: RelationMap, actor_id: str) -> list[str]:
    a = m.actor(actor_id)
    return [a.name, *a.aliases]


def _names(m: RelationMap, actor_id: str, passage: str) -> bool:
    """True if ``passage`` names the actor by its name or one of its aliases (whole words)."""
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", passage) for f in _forms(m, actor_id))


def _sentences(text: str) -> list[str]:
    # Independent of the script's splitter: lines, then ". "/"? "/"! " inside a line.
    return [s for line in text.split("\n") for s in re.split(r"(?<=[.?!])\s+", line.strip()) if s]


def _between(m: RelationMap, a: str, b: str, *, directed: bool | None = None):
    return [
        r
        for r in m.relations
        if {r.source, r.target} == {a, b} and (directed is None or r.directed == directed)
    ]


def _directed(m: RelationMap, src: str, dst: str):
    return [r for r in m.relations if r.directed and (r.source, r.target) == (src, dst)]


# -- the file ------------------------------------------------------------------------
def test_map_loads_validates_and_is_curated(m):
    assert m.curated
    assert relmap.validate(relmap.to_dict(m)) == []
    seed = default_seed()
    art = m.article()
    assert (art.id, art.title, art.source, art.published) == (
        seed.id,
        seed.title,
        "The Jerusalem Post",
        "2020-11",
    )


def test_article_text_is_the_seed_file(m):
    assert m.article().text == (SEEDS / default_seed().file).read_bytes().decode("utf-8")


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="no shared copy of the seed on this machine")
def test_seed_file_matches_the_shared_copy():
    assert (SEEDS / default_seed().file).read_bytes() == SHARED_SEED.read_bytes()


def test_rerunning_the_script_reproduces_the_file(tmp_path):
    out = tmp_path / "again.relmap.json"
    subprocess.run([sys.executable, str(SCRIPT), "--output", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (SEEDS / default_seed().map).read_bytes()


# -- evidence spans ------------------------------------------------------------------
def test_every_quote_is_one_whole_sentence_sliced_from_the_text(m, text):
    assert sum(1 for _ in m.iter_evidence()) > 0
    for r, ev in m.iter_evidence():
        where = f"{r.source}-{r.target}: {ev.quote[:50]!r}"
        assert ev.quote and text[ev.start : ev.end] == ev.quote, where
        assert ev.quote == ev.quote.strip(), where
        before = text[: ev.start]
        assert ev.start == 0 or before.endswith("\n") or re.search(r"[.?!]\s+$", before), where
        after = text[ev.end :]
        assert ev.quote[-1] in ".?!)" or re.match(r"[ \t\xa0]*(\n|$)", after), where
        assert after == "" or after[0].isspace(), where
        # One sentence, not two: no terminator followed by more text inside the quote.
        assert not re.search(r"[.?!]\s+\S", ev.quote), where


def test_evidence_is_in_text_order_without_duplicates(m):
    for r in m.relations:
        starts = [e.start for e in r.evidence]
        assert starts == sorted(set(starts)), f"{r.source}-{r.target}"


def test_each_relation_is_well_formed(m):
    ids = set(m.actor_ids())
    keys = [(r.key, r.directed) for r in m.relations]
    assert len(keys) == len(set(keys)), "a relation is listed twice"
    for r in m.relations:
        assert {r.source, r.target} <= ids and r.source != r.target
        assert r.evidence, f"{r.source}-{r.target} has no evidence"
        assert r.types and set(r.types) <= set(RELATION_TYPES), r.types
        assert r.valence in VALENCES
        assert "\n" not in r.note


def test_each_relation_has_a_quote_naming_both_sides_or_a_note(m):
    for r in m.relations:
        both = any(_names(m, r.source, e.quote) and _names(m, r.target, e.quote) for e in r.evidence)
        assert both or r.note, f"{r.source}-{r.target}: no quote names both sides and there is no note"


# Sentences that name both sides of a related pair yet do not state that relation: each
# one was read and judged. (pair, phrase in the sentence) -> why it is not evidence.
NOT_EVIDENCE = {
    (frozenset({"AZE", "ARM"}), "larger population and is wealthier"): "a comparison",
    (frozenset({"AZE", "ARM"}), "more important to Israel than Armenia"): "a comparison",
    (frozenset({"AZE", "TUR"}), "better relations with Turkey"): "lists Israel's partners",
    (frozenset({"AZE", "ISR"}), "Israeli-Palestinian conflict"): "Azerbaijan's lack of interest",
    (frozenset({"ISR", "TUR"}), "sea of Azerbaijan and Turkish flags"): "both back Azerbaijan",
    (frozenset({"ISR", "TUR"}), "Turkey supported Baku"): "both back Azerbaijan",
    (frozenset({"ISR", "TUR"}), "It also gained allies"): "both are Azerbaijan's allies",
    (frozenset({"IRN", "ISR"}), "more important to Israel than Armenia"): "about Azerbaijan's border",
}


def test_every_sentence_naming_a_related_pair_is_its_evidence_or_judged(m, text):
    pairs: dict[frozenset, set[str]] = {}
    for r in m.relations:
        pairs.setdefault(frozenset((r.source, r.target)), set()).update(e.quote for e in r.evidence)
    missing = []
    for pair, quotes in pairs.items():
        a, b = sorted(pair)
        for s in _sentences(text):
            if _names(m, a, s) and _names(m, b, s) and s not in quotes:
                if not any(p == pair and phrase in s for p, phrase in NOT_EVIDENCE):
                    missing.append((a, b, s[:70]))
    assert missing == []


# -- actors --------------------------------------------------------------------------
def test_actor_ids_follow_the_gazetteer_convention(m):
    for a in m.actors:
        if a.kind == "country":
            assert re.fullmatch(r"[A-Z]{3}", a.id) and a.iso3 == a.id, a.id
        else:
            assert re.fullmatch(r"[a-z]+(-[a-z]+)*", a.id) and a.iso3 is None, a.id


def test_every_actor_takes_part_named_and_placed(m, text):
    for a in m.actors:
        assert m.relations_of(a.id), f"{a.id} is in no relation"
        assert a.mentions >= 1, a.id
        assert a.has_coordinates, a.id
        for form in a.aliases:
            assert re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text), f"{a.id}: alias {form!r} not in text"


# Rough boxes (lat_min, lat_max, lon_min, lon_max) that catch swapped or mistyped coordinates.
# fmt: off
BOXES = {
    "AZE": (38, 42, 44, 51), "ARM": (38, 42, 43, 47), "ISR": (29, 34, 34, 36), "TUR": (36, 42, 26, 45),
    "RUS": (41, 82, 27, 180), "IRN": (25, 40, 44, 64), "USA": (24, 50, -125, -66), "SEN": (12, 17, -18, -11),
    "XKX": (41, 44, 20, 22), "QAT": (24, 27, 50, 52), "LBY": (19, 34, 9, 26), "PSE": (31, 33, 34, 36),
    "nagorno-karabakh": (39, 41, 46, 47.5),
}
# fmt: on


def test_coordinates_fall_in_the_right_place(m):
    for aid, (la0, la1, lo0, lo1) in BOXES.items():
        a = m.actor(aid)
        assert la0 <= a.lat <= la1 and lo0 <= a.lon <= lo1, f"{aid} at {a.lat}, {a.lon}"


def test_mentions_count_the_article_surface_forms(m):
    # Counted by hand: Nagorno-Karabkah x2, Nagorno-Karabakh x1, Artsakh x2.
    assert m.actor("nagorno-karabakh").mentions == 5
    assert {"Nagorno-Karabkah", "Artsakh"} <= set(m.actor("nagorno-karabakh").aliases)
    # Russia x3 and "Russian forces"; Hamas twice; "Israeli-Palestinian" counts for Palestine.
    assert m.actor("RUS").mentions == 4
    assert m.actor("hamas").mentions == 2
    assert m.actor("PSE").mentions == 1
    # Turkey x10, Turkish x1, Ankara x1: a demonym and a capital count, nothing twice.
    assert m.actor("TUR").mentions == 12


def test_capitals_and_demonyms_resolve_to_states(m):
    for state, forms in {
        "AZE": ("Baku", "Azeri"),
        "ISR": ("Jerusalem",),
        "TUR": ("Ankara", "Turkish"),
    }.items():
        assert set(forms) <= set(m.actor(state).aliases)
    names = {a.name for a in m.actors} | set(m.actor_ids())
    assert not names & {"Baku", "Jerusalem", "Ankara", "Tripoli"}


# -- analyst assertions --------------------------------------------------------------
def test_azerbaijan_and_armenia_are_at_war(m):
    (war,) = [r for r in _between(m, "AZE", "ARM") if "war" in r.types]
    assert war.valence == "hostile" and not war.directed
    assert "territorial dispute" in war.types
    assert any("Armenia defeated Baku" in e.quote for e in war.evidence)


def test_turkey_threatens_armenia(m):
    (r,) = _directed(m, "TUR", "ARM")
    assert "threat" in r.types and r.valence == "hostile"
    assert any("Ankara" in e.quote for e in r.evidence)


def test_russia_mediates_between_both_sides(m):
    for side in ("ARM", "AZE"):
        (r,) = [r for r in _directed(m, "RUS", side) if "mediation" in r.types]
        assert any("brokered a deal" in e.quote for e in r.evidence)


def test_arms_flow_from_seller_to_buyer(m):
    (israel,) = [r for r in _directed(m, "ISR", "AZE") if "arms trade" in r.types]
    assert any("drones and munitions from Israel" in e.quote for e in israel.evidence)
    (russia,) = [r for r in _directed(m, "RUS", "ARM") if "arms trade" in r.types]
    assert any("relying on Russia for arms" in e.quote for e in russia.evidence)
    assert not any("arms trade" in r.types for r in _directed(m, "AZE", "ISR") + _directed(m, "ARM", "RUS"))


def test_azerbaijan_israel_trade_arms_and_energy(m):
    rels = _between(m, "AZE", "ISR")
    kinds = {t for r in rels for t in r.types}
    assert {"arms trade", "energy trade", "alliance"} <= kinds
    energy = [e.quote for r in rels if "energy trade" in r.types for e in r.evidence]
    assert any("energy" in q for q in energy)
    assert all(r.valence == "cooperative" for r in rels)
    # "Jerusalem" stands for Israel here.
    assert any("relations with Jerusalem" in e.quote for r in rels for e in r.evidence)


def test_turkey_hosts_hamas_and_is_hostile_to_israel(m):
    (hosting,) = _directed(m, "TUR", "hamas")
    assert "hosting" in hosting.types and hosting.valence == "cooperative"
    (hostile,) = _directed(m, "TUR", "ISR")
    assert hostile.valence == "hostile"
    for ally in ("muslim-brotherhood", "QAT", "LBY"):
        assert any("alliance" in r.types for r in _between(m, "TUR", ally)), ally


def test_iran_threatens_israel_and_borders_azerbaijan(m):
    (threat,) = _directed(m, "IRN", "ISR")
    assert threat.valence == "hostile"
    assert any(r.valence == "neutral" for r in _between(m, "AZE", "IRN"))


def test_israel_armenia_ties_are_damaged_not_friendly(m):
    (r,) = _between(m, "ISR", "ARM")
    assert r.valence in ("mixed", "hostile")


def test_mere_co_mentions_are_not_relations(m, text):
    assert not any(re.search("Abkhazia|Ossetia", a.name + " ".join(a.aliases)) for a in m.actors)
    passing = [s for s in _sentences(text) if "Abkhazia" in s or "Jews and Armenians" in s]
    assert len(passing) == 2
    quotes = {e.quote for _, e in m.iter_evidence()}
    assert not quotes & set(passing)
    # Hamas and Israel share a sentence, but the article states no relation between them.
    assert _between(m, "hamas", "ISR") == []


def test_tripoli_government_is_marked_as_such(m):
    lby = m.actor("LBY")
    assert "Tripoli" in lby.name
    assert all("Tripoli" in r.note for r in m.relations_of("LBY"))


def test_the_curated_file_is_plain_relmap_json():
    data = json.loads((SEEDS / default_seed().map).read_text(encoding="utf-8"))
    assert data["format"] == "relmap" and data["curated"] is True
