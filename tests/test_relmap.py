"""The .relmap.json format: round trip and every validation error, in words."""

import json

import pytest

from mapviewer import relmap
from mapviewer.model import Actor, Article, Relation, RelationMap, locate

TEXT = (
    "Ruritania invaded Freedonia in May. Ruritania and Freedonia later signed a truce brokered by Sylvania."
)


def small_map() -> RelationMap:
    art = Article(id="a1", text=TEXT, title="Truce", source="Test Post", published="2020-11")
    actors = [
        Actor("RUR", "Ruritania", "country", "RUR", ("Ruritanian",), 45.0, 10.0, 2),
        Actor("FRE", "Freedonia", "country", None, (), None, None, 2),
        Actor("syl", "Sylvania", "organization", mentions=1),
    ]
    rels = [
        Relation(
            "RUR",
            "FRE",
            True,
            "hostile",
            ("war",),
            [locate(TEXT, "Ruritania invaded Freedonia in May.", article="a1")],
        ),
        Relation(
            "syl",
            "RUR",
            True,
            "cooperative",
            ("mediation",),
            [locate(TEXT, "brokered by Sylvania", article="a1")],
            confidence=0.5,
            note="judgment",
        ),
    ]
    return RelationMap([art], actors, rels, curated=True, positions={"RUR": (0.0, 1.5)}, pinned={"RUR"})


def test_round_trip_is_exact(tmp_path):
    m = small_map()
    p = tmp_path / "m.relmap.json"
    relmap.save(m, p)
    m2 = relmap.load(p)
    assert relmap.to_dict(m2) == relmap.to_dict(m)
    relmap.save(m2, tmp_path / "again.relmap.json")
    assert (tmp_path / "again.relmap.json").read_bytes() == p.read_bytes()
    assert m2.relations[0].evidence[0].quote == "Ruritania invaded Freedonia in May."
    assert m2.positions == {"RUR": (0.0, 1.5)} and m2.pinned == {"RUR"}


def test_unicode_offsets_survive_round_trip(tmp_path):
    text = "İstanbul’s view: Türkiye warned Greece."
    art = Article("t", text)
    ev = locate(text, "Türkiye warned Greece", article="t")
    m = RelationMap(
        [art], [Actor("TUR", "Türkiye"), Actor("GRC", "Greece")], [Relation("TUR", "GRC", evidence=[ev])]
    )
    p = tmp_path / "u.relmap.json"
    relmap.save(m, p)
    assert relmap.load(p).relations[0].evidence[0].check(text)


def data():
    return relmap.to_dict(small_map())


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: d["relations"][0].update(source="XXX"), "source 'XXX' is not an actor"),
        (lambda d: d["relations"][0].update(target="nobody"), "target 'nobody' is not an actor"),
        (lambda d: d["relations"][0]["evidence"][0].update(end=10_000), "outside the article"),
        (lambda d: d["relations"][0]["evidence"][0].update(start=-1), "outside the article"),
        (
            lambda d: d["relations"][0]["evidence"][0].update(quote="Ruritania invaded Freedonia in June."),
            "quote does not match",
        ),
        (lambda d: d["relations"][0]["evidence"][0].update(article="zz"), "article 'zz' is not in this map"),
        (lambda d: d.update(version=99), "unsupported relmap version 99"),
        (lambda d: d.update(format="other"), "not a relmap file"),
        (lambda d: d["relations"][0].update(directed="yes"), "'directed' should be bool"),
        (lambda d: d["relations"][0].update(valence="angry"), "unknown valence 'angry'"),
        (lambda d: d["relations"][0].update(types="war"), "'types' should be list"),
        (lambda d: d["actors"][0].update(kind="planet"), "unknown kind 'planet'"),
        (lambda d: d["actors"][0].update(lat=123.0), "latitude 123.0 out of range"),
        (lambda d: d["actors"].append(dict(d["actors"][0])), "duplicate actor ids"),
        (lambda d: d["relations"][0]["evidence"][0].update(start="0"), "'start' should be int"),
        (lambda d: d["relations"][0]["evidence"][0].update(start=True), "'start' should be int"),
        (lambda d: d.update(relations={}), "'relations' should be a list"),
        (lambda d: d["articles"][0].pop("text"), "missing 'text'"),
        (lambda d: d["relations"][1].update(target="syl"), "to itself"),
        (lambda d: d.update(layout={"positions": {"RUR": [0, "x"]}}), "bad position for 'RUR'"),
    ],
)
def test_each_validation_error_is_reported_in_words(mutate, words):
    d = data()
    mutate(d)
    problems = relmap.validate(d)
    assert any(words in p for p in problems), problems
    with pytest.raises(relmap.MapFormatError) as info:
        relmap.from_dict(d)
    assert words in str(info.value) or len(info.value.problems) > 1


def test_valid_map_has_no_problems():
    assert relmap.validate(data()) == []


def test_all_problems_are_collected():
    d = data()
    d["relations"][0]["source"] = "XXX"
    d["actors"][0]["kind"] = "planet"
    problems = relmap.validate(d)
    assert len(problems) >= 2
    assert "more problem" in str(relmap.MapFormatError(problems))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"not json at all", "not valid JSON"),
        (b"[1, 2]", "top level should be a JSON object"),
        (b"\x00\x01\xff\xfe binary", "not a text file"),
        (
            json.dumps({"format": "relmap", "version": 1, "articles": 3}).encode(),
            "'articles' should be a list",
        ),
    ],
)
def test_bad_files_name_the_file_and_the_problem(tmp_path, content, words):
    p = tmp_path / "bad.relmap.json"
    p.write_bytes(content)
    with pytest.raises(relmap.MapFormatError) as info:
        relmap.load(p)
    assert words in str(info.value)
    assert "bad.relmap.json" in str(info.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(relmap.MapFormatError, match="no such file"):
        relmap.load(tmp_path / "nope.relmap.json")
    with pytest.raises(relmap.MapFormatError, match="folder"):
        relmap.load(tmp_path)


def test_save_is_atomic(tmp_path, monkeypatch):
    p = tmp_path / "m.relmap.json"
    relmap.save(small_map(), p)
    before = p.read_bytes()

    def boom(m):
        raise RuntimeError("disk full")

    monkeypatch.setattr(relmap, "dumps", boom)
    with pytest.raises(RuntimeError):
        relmap.save(small_map(), p)
    assert p.read_bytes() == before
