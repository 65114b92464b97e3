"""The shipped gazetteer: coverage, ids, coordinates, unambiguous forms, runtime API."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from mapviewer.extract.gazetteer import Entry, Gazetteer, GazetteerError, fold_accents, normalize_form
from mapviewer.model import ACTOR_KINDS, Actor

ROOT = Path(__file__).resolve().parents[1]
ADDITIONS = tomllib.loads((ROOT / "resources" / "data" / "gazetteer_additions.toml").read_text("utf-8"))

# The 193 UN member states, written out here independently of the data files.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU
EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND
IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS
MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP
SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
STATES = [*UN_MEMBERS, "VAT", "PSE", "XKX", "TWN"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_un_member_list_is_complete():
    assert len(set(UN_MEMBERS)) == 193
    assert set(ADDITIONS["un_members"]) == set(UN_MEMBERS)


@pytest.mark.parametrize("code", STATES)
def test_every_state_is_present_with_iso3_and_coordinates(gaz, code):
    e = gaz.get(code)
    assert e is not None, code
    assert e.kind == "country" and e.iso3 == code
    assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180
    assert e.name and not e.historical


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Holy See", "VAT"), ("Vatican", "VAT"), ("Palestine", "PSE"), ("Kosovo", "XKX"), ("Taiwan", "TWN"),
        ("Nagorno-Karabakh", "nagorno-karabakh"), ("Artsakh", "nagorno-karabakh"), ("Abkhazia", "abkhazia"),
        ("South Ossetia", "south-ossetia"), ("Transnistria", "transnistria"), ("Northern Cyprus", "northern-cyprus"),
        ("Western Sahara", "western-sahara"), ("Sahrawi Republic", "western-sahara"), ("Somaliland", "somaliland"),
        ("Donetsk People's Republic", "donetsk-pr"), ("Luhansk People's Republic", "luhansk-pr"), ("Crimea", "crimea"),
        ("EU", "eu"), ("NATO", "nato"), ("UN", "un"), ("UN Security Council", "unsc"), ("Arab League", "arab-league"),
        ("GCC", "gcc"), ("African Union", "african-union"), ("ASEAN", "asean"), ("OPEC", "opec"), ("CSTO", "csto"),
        ("SCO", "sco"), ("BRICS", "brics"), ("OSCE", "osce"), ("IAEA", "iaea"),
        ("Hamas", "hamas"), ("Hezbollah", "hezbollah"), ("the Muslim Brotherhood", "muslim-brotherhood"),
        ("Taliban", "taliban"), ("Islamic State", "islamic-state"), ("ISIS", "islamic-state"), ("ISIL", "islamic-state"),
        ("Daesh", "islamic-state"), ("al-Qaeda", "al-qaeda"), ("Houthis", "houthis"), ("PKK", "pkk"),
        ("Free Syrian Army", "syrian-rebels"), ("Syrian rebels", "syrian-rebels"), ("Wagner Group", "wagner-group"),
        ("Gulf states", "gulf-states"), ("the Caucasus", "caucasus"), ("Middle East", "middle-east"),
        ("the Balkans", "balkans"), ("the Sahel", "sahel"), ("Soviet Union", "ussr"),
        ("Türkiye", "TUR"), ("Turkiye", "TUR"), ("USA", "USA"), ("U.S.", "USA"), ("United States of America", "USA"),
        ("Britain", "GBR"), ("UK", "GBR"), ("Azeri", "AZE"), ("Azeris", "AZE"), ("Azerbaijanis", "AZE"),
        ("Turks", "TUR"), ("Turkish", "TUR"), ("Armenians", "ARM"), ("Israelis", "ISR"), ("Baku", "AZE"),
        ("Jerusalem", "ISR"), ("Ankara", "TUR"), ("Moscow", "RUS"), ("Kremlin", "RUS"), ("White House", "USA"),
        ("Beijing", "CHN"), ("Tehran", "IRN"), ("Brussels", "eu"), ("Congo", "COD"), ("Korea", "KOR"),
        ("nagorno karabakh", "nagorno-karabakh"), ("AZE", "AZE"),
        ("UNIFIL", "unifil"), ("KFOR", "kfor"), ("MONUSCO", "monusco"), ("UNHCR", "unhcr"), ("Frontex", "frontex"),
        ("Royal Navy", "GBR"), ("People's Liberation Army", "CHN"), ("IDF", "ISR"), ("Bundeswehr", "DEU"),
    ],
)  # fmt: skip
def test_search_finds_names_aliases_demonyms_and_seats(gaz, query, expected):
    e = gaz.search(query)
    assert e is not None and e.id == expected


def test_search_unknown_is_none(gaz):
    assert gaz.search("Atlantis") is None
    assert gaz.search("") is None


def test_ids_kinds_and_slugs(gaz):
    ids = [e.id for e in gaz]
    assert len(ids) == len(set(ids))
    for e in gaz:
        assert e.kind in ACTOR_KINDS, e.id
        if e.kind == "country" and not e.historical:
            assert re.fullmatch(r"[A-Z]{3}", e.id) and e.iso3 == e.id, e.id
        else:
            assert re.fullmatch(r"[A-Z]{3}|[a-z0-9]+(-[a-z0-9]+)*", e.id), e.id
        if e.iso3 is not None:
            assert re.fullmatch(r"[A-Z]{3}", e.iso3)


def test_kinds_are_all_represented(gaz):
    kinds = {e.kind for e in gaz}
    assert kinds == set(ACTOR_KINDS)
    assert sum(e.kind == "organization" for e in gaz) >= 15
    assert sum(e.kind == "group" for e in gaz) >= 15


def test_historical_states_are_flagged(gaz):
    assert gaz["ussr"].historical and gaz["nazi-germany"].historical
    # "Soviet" alone describes an era ("Soviet times"), so it is deliberately not a form.
    assert "soviet" not in gaz.form_index()


def test_no_form_maps_to_two_entries_unless_resolved(gaz):
    clashes = {k: v for k, v in gaz.form_index().items() if len({eid for eid, _ in v}) > 1}
    unresolved = {k: v for k, v in clashes.items() if k not in gaz.ambiguous}
    assert unresolved == {}
    for key, chosen in gaz.ambiguous.items():
        assert chosen in gaz, key
        if key in clashes:
            assert gaz.resolve(key)[0] == chosen
    assert "congo" in clashes  # deliberately shared by COD and COG
    assert gaz.resolve("Republic of the Congo")[0] == "COG"


def test_curated_demonyms_and_plurals(gaz):
    aze = gaz["AZE"]
    assert {"Azeri", "Azerbaijani"} <= set(aze.demonyms)
    assert {"Azeris", "Azerbaijanis"} <= set(aze.demonyms_plural)
    assert "Turks" in gaz["TUR"].demonyms_plural and "Turkish" in gaz["TUR"].adjectives
    assert "Armenians" in gaz["ARM"].demonyms_plural
    assert "Israelis" in gaz["ISR"].demonyms_plural
    assert "Chinese" in gaz["CHN"].demonyms_plural  # its own plural, not "Chineses"
    assert not any(p.endswith(("eses", "ishes")) for e in gaz for p in e.demonyms_plural)
    assert "Kremlin" in gaz["RUS"].capitals and "Brussels" in gaz["eu"].capitals


def test_to_actor(gaz):
    a = gaz.to_actor("AZE", mentions=4)
    assert isinstance(a, Actor)
    assert (a.id, a.name, a.kind, a.iso3, a.mentions) == ("AZE", "Azerbaijan", "country", "AZE", 4)
    assert {"Azeri", "Azeris", "Baku"} <= set(a.aliases) and "Azerbaijan" not in a.aliases
    assert a.has_coordinates
    with pytest.raises(KeyError):
        gaz.to_actor("nowhere")


def test_contains_iter_len(gaz):
    assert "AZE" in gaz and "hamas" in gaz and "nowhere" not in gaz
    assert len(list(gaz)) == len(gaz) >= 193 + 4
    assert all(isinstance(e, Entry) for e in gaz)


def test_default_is_cached(gaz):
    assert Gazetteer.default() is gaz


def test_header_states_sources_and_licences():
    raw = (resources.files("mapviewer.data") / "gazetteer.json").read_text("utf-8")
    data = json.loads(raw)
    names = {s["name"] for s in data["sources"]}
    assert "pyworldatlas" in names and "resources/data/gazetteer_additions.toml" in names
    assert all(s.get("licence") for s in data["sources"])
    assert data["counts"]["country"] == sum(e["kind"] == "country" for e in data["entries"])


def test_bad_data_gives_a_clear_error():
    with pytest.raises(GazetteerError, match="JSON"):
        Gazetteer.from_json("{not json")
    with pytest.raises(GazetteerError, match="malformed"):
        Gazetteer.from_json('{"entries": [{"name": "x"}]}')
    with pytest.raises(GazetteerError, match="duplicate"):
        Gazetteer([Entry("a", "A", "region"), Entry("a", "B", "region")])


def test_normalize_and_fold():
    assert normalize_form("Nagorno–Karabakh") == normalize_form("NAGORNO  karabakh") == "nagorno karabakh"
    assert normalize_form("Côte d’Ivoire") == "côte d'ivoire"
    assert fold_accents("Türkiye") == "Turkiye"


def test_build_script_regenerates_the_file_byte_identically(tmp_path):
    pytest.importorskip("pyworldatlas")
    import subprocess
    import sys

    out = tmp_path / "g.json"
    script = ROOT / "resources" / "scripts" / "build_gazetteer.py"
    subprocess.run([sys.executable, str(script), "-o", str(out)], check=True, capture_output=True)
    shipped = (ROOT / "mapviewer" / "data" / "gazetteer.json").read_bytes()
    assert out.read_bytes() == shipped


def test_the_people_list_is_checked_when_the_gazetteer_is_built(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "resources" / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    entries = {"JOR": {"name": "Jordan", "aliases": [], "capitals": ["Amman"]}, "TUR": {"name": "Turkey"}}
    person = '[[person]]\nname = "{n}"\nvariants = []\nshort = ["{s}"]\nactor = "{a}"\nrole = "king"\nfrom = 1999\nto = 0\n'
    mod.PEOPLE = tmp_path / "people.toml"
    mod.PEOPLE.write_text(person.format(n="Abdullah II", s="Abdullah", a="JOR"), encoding="utf-8")
    assert [p["actor"] for p in mod.load_people(entries)] == ["JOR"]
    for bad, why in (
        (person.format(n="Abdullah II", s="Amman", a="JOR"), "gazetteer form"),
        (person.format(n="Abdullah II", s="Abdullah", a="XXX"), "unknown actor"),
        (person.format(n="A B", s="Ali", a="JOR") + person.format(n="C D", s="Ali", a="TUR"), "given to"),
        (person.format(n="Abdullah II", s="Abdullah", a="JOR") * 2, "listed twice"),
    ):
        mod.PEOPLE.write_text(bad, encoding="utf-8")
        with pytest.raises(mod.BuildError, match=why):
            mod.load_people(entries)
