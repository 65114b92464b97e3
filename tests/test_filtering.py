"""Filtering and search: masks over relations and actors, folded matching with exact offsets."""

import numpy as np
import pytest

from mapviewer.filtering import NO_TYPE, MapFilter, MapIndex, apply_filter, fold, parse_query, search
from mapviewer.model import Actor, Article, Relation, RelationMap, locate
from mapviewer.seeds import default_seed

TEXT = (
    "Ruritania and Borduria signed a gas deal on Monday.\n"
    "Syldavia threatened Borduria over the border.\n"
    "The Alliance of Free Ports mediated talks between Syldavia and Borduria.\n"
    "Ruritania sells rifles to Syldavia.\n"
    "Côte d’Ivoire’s envoy met Ruritania’s minister about the GAS  DEAL.\n"
    "Later, Borduria’s army attacked Syldavia.\n"
)


def ev(needle):
    return locate(TEXT, needle, article="a")


def build() -> RelationMap:
    actors = [
        Actor("RUR", "Ruritania", aliases=("Ruritanian",)),
        Actor("BOR", "Borduria"),
        Actor("SYL", "Syldavia"),
        Actor("AFP", "Alliance of Free Ports", kind="organization"),
        Actor("CIV", "Côte d’Ivoire"),
        Actor("BLK", "Black Isles", kind="region"),  # no relations
        Actor("GRB", "Green Brigades", kind="group"),
    ]
    rels = [
        Relation(
            "RUR",
            "BOR",
            valence="cooperative",
            types=("energy trade",),
            evidence=[ev("Ruritania and Borduria signed a gas deal on Monday.")],
        ),
        Relation(
            "SYL",
            "BOR",
            directed=True,
            valence="hostile",
            types=("threat",),
            evidence=[
                ev("Syldavia threatened Borduria over the border."),
                ev("Later, Borduria’s army attacked Syldavia."),
            ],
        ),
        Relation(
            "AFP",
            "SYL",
            directed=True,
            valence="neutral",
            types=("mediation",),
            evidence=[ev("The Alliance of Free Ports mediated talks between Syldavia and Borduria.")],
        ),
        Relation(
            "RUR",
            "SYL",
            directed=True,
            valence="cooperative",
            types=("arms trade",),
            evidence=[ev("Ruritania sells rifles to Syldavia.")],
        ),
        Relation(
            "CIV",
            "RUR",
            valence="cooperative",
            types=("diplomatic ties", "energy trade"),
            evidence=[ev("Côte d’Ivoire’s envoy met Ruritania’s minister about the GAS  DEAL.")],
        ),
        Relation("GRB", "AFP", valence="mixed", types=()),  # untyped, no evidence
    ]
    return RelationMap([Article("a", TEXT)], actors, rels)


@pytest.fixture
def m():
    return build()


def rels(v):
    return v.relation_indices.tolist()


def test_default_filter_shows_everything(m):
    v = apply_filter(m, MapFilter())
    assert v.relations.all() and v.actors.all()
    assert v.actor_ids == set(m.actor_ids())
    assert MapFilter().is_default and not MapFilter().restricts_relations


def test_valence_filter_hides_relations_and_the_actors_left_without_one(m):
    v = apply_filter(m, MapFilter(valences=frozenset({"hostile"})))
    assert rels(v) == [1]
    assert v.actor_ids == {"SYL", "BOR"}  # Black Isles (no relations) hidden once a criterion is on


def test_type_filter_matches_any_of_a_relations_types(m):
    v = apply_filter(m, MapFilter(types=frozenset({"energy trade"})))
    assert rels(v) == [0, 4]
    v = apply_filter(m, MapFilter(types=frozenset({NO_TYPE})))
    assert rels(v) == [5]
    assert rels(apply_filter(m, MapFilter(types=frozenset()))) == []


def test_min_evidence(m):
    assert rels(apply_filter(m, MapFilter(min_evidence=2))) == [1]
    assert rels(apply_filter(m, MapFilter(min_evidence=1))) == [0, 1, 2, 3, 4]


def test_min_confidence_in_whole_percent(m):
    for r, c in zip(m.relations, (0.9, 0.55, 0.6549, 1.0, 0.3, 0.7), strict=True):
        r.confidence = c
    assert rels(apply_filter(m, MapFilter(min_confidence=60))) == [0, 2, 3, 5]  # 0.6549 shows as 65%
    assert rels(apply_filter(m, MapFilter(min_confidence=66))) == [0, 3, 5]
    assert rels(apply_filter(m, MapFilter(min_confidence=100))) == [3]
    assert MapFilter(min_confidence=50).restricts_relations and not MapFilter(min_confidence=0).restricts_relations


def test_suggested_relations_can_be_hidden(m):
    m.relations[2].note = "suggested: these sentences read like a relation"
    m.relations[4].note = "a curator's remark"  # not a suggestion
    assert rels(apply_filter(m, MapFilter(suggested=False))) == [0, 1, 3, 4, 5]
    assert rels(apply_filter(m, MapFilter())) == [0, 1, 2, 3, 4, 5]
    assert MapFilter(suggested=False).restricts_relations


def test_kind_filter_hides_actors_and_their_relations(m):
    v = apply_filter(m, MapFilter(kinds=frozenset({"country"})))
    assert "AFP" not in v.actor_ids and "GRB" not in v.actor_ids and "BLK" not in v.actor_ids
    assert 2 not in rels(v) and 5 not in rels(v)
    assert rels(v) == [0, 1, 3, 4]


def test_ego_view_depth_one_and_two(m):
    v1 = apply_filter(m, MapFilter(ego="CIV", ego_depth=1))
    assert v1.actor_ids == {"CIV", "RUR"}
    assert rels(v1) == [4]
    v2 = apply_filter(m, MapFilter(ego="CIV", ego_depth=2))
    assert v2.actor_ids == {"CIV", "RUR", "BOR", "SYL"}
    # relations among the ball are kept (Syldavia-Borduria), the ones leaving it are not
    assert rels(v2) == [0, 1, 3, 4]


def test_ego_view_walks_only_visible_relations(m):
    # without the cooperative relations, Côte d'Ivoire has no neighbours left
    v = apply_filter(m, MapFilter(ego="CIV", valences=frozenset({"hostile"})))
    assert v.actor_ids == {"CIV"} and rels(v) == []


def test_unknown_ego_is_ignored(m):
    assert apply_filter(m, MapFilter(ego="nobody")).relations.all()


def test_search_matches_name_alias_id_case_and_accent_insensitively(m):
    assert search(m, "cote").actor_ids == ["CIV"]
    assert search(m, "CÔTE d'iv").actor_ids == ["CIV"]
    assert search(m, "ruritanian").actor_ids == ["RUR"]
    assert search(m, "grb").actor_ids == ["GRB"]
    assert search(m, "free ports").actor_ids == ["AFP"]
    assert search(m, "ports free").actor_ids == ["AFP"]  # every term, any order
    assert search(m, "dav").actor_ids == []  # at the start of a word only
    assert not search(m, "   ").active


def test_search_finds_words_in_quotes_with_exact_offsets(m):
    res = search(m, '"gas deal"')
    hits = res.quote_hits()
    assert [h.relations for h in hits] == [(0,), (4,)]
    for h in hits:
        assert fold(TEXT[h.start : h.end]).split() == ["gas", "deal"]
        assert TEXT[h.quote_start : h.quote_end] in [e.quote for r in m.relations for e in r.evidence]
        assert h.quote_start <= h.start < h.end <= h.quote_end
    # the second one spans a double space and is upper case
    assert TEXT[hits[1].start : hits[1].end] == "GAS  DEAL"
    assert res.relation_indices.tolist() == [0, 4]


def test_search_offsets_survive_accents_before_the_hit(m):
    res = search(m, "envoy")
    (h,) = res.quote_hits()
    assert TEXT[h.start : h.end] == "envoy"
    res = search(m, "borduria's")  # typographic apostrophe in the text
    (h,) = res.quote_hits()
    assert TEXT[h.start : h.end] == "Borduria’s"


def test_search_matches_relation_types(m):
    assert search(m, "mediation").relation_indices.tolist() == [2]


def test_a_quote_shared_by_two_relations_is_one_hit():
    text = "Ruritania and Borduria both armed Syldavia."
    e = locate(text, text, article="a")
    mm = RelationMap(
        [Article("a", text)],
        [Actor("R", "Ruritania"), Actor("B", "Borduria"), Actor("S", "Syldavia")],
        [Relation("R", "S", evidence=[e]), Relation("B", "S", evidence=[e])],
    )
    (h,) = search(mm, "armed").quote_hits()
    assert h.relations == (0, 1)
    assert search(mm, "armed").n_quotes == 1


def test_search_keeps_a_matching_isolated_actor_visible(m):
    f = MapFilter(valences=frozenset({"hostile"}), search="black")
    v = apply_filter(m, f)
    assert "BLK" in v.actor_ids and rels(v) == [1]
    assert v.search.actor_ids == ["BLK"]


def test_parse_query_keeps_phrases():
    assert parse_query('Gas "Free  Ports" é') == ["gas", "free  ports", "e"]


def test_index_is_reused_and_matches_a_fresh_build(m):
    ix = MapIndex(m)
    for f in (MapFilter(ego="SYL"), MapFilter(search="syl"), MapFilter(min_evidence=2)):
        a, b = apply_filter(m, f, ix), apply_filter(m, f)
        assert np.array_equal(a.relations, b.relations) and np.array_equal(a.actors, b.actors)


def test_replay_cut_off(m):
    # sentence k is line k here; relation 1 is first stated in sentence 1, relation 4 in 4
    v = apply_filter(m, MapFilter(until_sentence=1))
    assert rels(v) == [0, 1]
    v = apply_filter(m, MapFilter(until_sentence=4))
    assert rels(v) == [0, 1, 2, 3, 4]


def test_seed_map_filters():
    sm = default_seed().curated_map()
    ix = MapIndex(sm)
    hostile = apply_filter(sm, MapFilter(valences=frozenset({"hostile"})), ix)
    assert all(sm.relations[i].valence == "hostile" for i in hostile.relation_indices)
    assert len(hostile.relation_indices) == sum(r.valence == "hostile" for r in sm.relations)
    ego = apply_filter(sm, MapFilter(ego="TUR"), ix)
    assert ego.actor_ids == {"TUR"} | sm.neighbours("TUR")
    # capitals and demonyms are aliases: "Baku" and "Jerusalem" find their states
    assert search(sm, "baku", ix).actor_ids == ["AZE"]
    assert search(sm, "jerusalem", ix).actor_ids == ["ISR"]
    # the article's misspelling is found in the quotes, offsets exact
    hits = search(sm, "karabkah", ix).quote_hits()
    assert hits and all(sm.article().text[h.start : h.end] == "Karabkah" for h in hits)
