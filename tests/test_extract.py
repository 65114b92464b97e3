"""Behaviour of the extractor on hand-written fixture articles (tests/fixtures/articles)."""

import json
from pathlib import Path

import pytest

from mapviewer import relmap
from mapviewer.cli import main
from mapviewer.extract import Cancelled, article_from_text, extract_relations, map_article
from mapviewer.extract.mentions import find_mentions
from mapviewer.model import RELATION_TYPES, VALENCES

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def rels(text):
    m = extract_relations(article_from_text(text))
    return m, {frozenset((r.source, r.target)): r for r in m.relations}


def pair(a, b):
    return frozenset((a, b))


@pytest.fixture(scope="module")
def maps():
    return {p.name: map_article(p) for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".md", ".html")}


def test_every_map_is_valid_and_automatic(maps):
    for m in maps.values():
        assert m.curated is False
        relmap.from_dict(relmap.to_dict(m))  # validates spans, actors, kinds
        text = m.articles[0].text
        for r in m.relations:
            assert r.evidence and 0.0 <= r.confidence <= 1.0
            assert r.valence in VALENCES and all(t in RELATION_TYPES for t in r.types)
            assert all(e.check(text) for e in r.evidence)
        assert all(a.mentions > 0 for a in m.actors)


def test_passive_voice_gives_the_agent_as_source():
    _, r = rels("An Indian fighter jet was shot down by Pakistan on Wednesday.")
    assert r[pair("PAK", "IND")].source == "PAK" and r[pair("PAK", "IND")].directed
    _, r = rels("Ukraine has been supplied with tanks by Germany and the United Kingdom.")
    assert {r[pair(x, "UKR")].source for x in ("DEU", "GBR")} == {"DEU", "GBR"}
    assert "arms trade" in r[pair("DEU", "UKR")].types and pair("DEU", "GBR") not in r


def test_direction_subject_acts_on_object():
    _, r = rels("Turkey threatened Armenia after the vote.")
    rel = r[pair("TUR", "ARM")]
    assert (rel.source, rel.target, rel.directed, rel.valence) == ("TUR", "ARM", True, "hostile")
    assert "threat" in rel.types


def test_purchase_from_makes_the_seller_the_source():
    _, r = rels("India buys most of its weapons from Russia.")
    rel = r[pair("IND", "RUS")]
    assert (rel.source, rel.types) == ("RUS", ("arms trade",))


def test_negation_states_no_relation():
    for text in (
        "Sudan did not attack Ethiopia.",
        "Iran denies supplying weapons to Yemen.",
        "Hungary has refused to send weapons to Ukraine.",
        "China has not supplied lethal weapons to Russia.",
    ):
        m, _ = rels(text)
        assert m.relations == [], text


def test_negation_does_not_hide_the_next_clause():
    _, r = rels("China has not supplied lethal weapons to Russia, but it buys record amounts of Russian oil.")
    assert list(r) == [pair("CHN", "RUS")]
    assert r[pair("CHN", "RUS")].types == ("energy trade",) and r[pair("CHN", "RUS")].valence == "cooperative"


def test_hedging_lowers_confidence():
    _, sure = rels("Egypt will ally with Sudan.")
    _, maybe = rels("Egypt may ally with Sudan.")
    assert maybe[pair("EGY", "SDN")].confidence < sure[pair("EGY", "SDN")].confidence
    assert maybe[pair("EGY", "SDN")].valence == "cooperative"


def test_a_list_without_a_cue_is_not_a_relation():
    m, _ = rels("France, Germany and Italy attended the meeting in Brussels.")
    assert m.relations == []
    m, _ = rels("Bangladesh, Nepal and Sri Lanka were invited to the summit.")
    assert m.relations == []


def test_pronoun_coreference_to_the_previous_subject():
    _, r = rels("Mali's junta expelled the French ambassador. It then invited Russian mercenaries to help.")
    assert r[pair("MLI", "FRA")].valence == "hostile"
    assert r[pair("MLI", "RUS")].valence == "cooperative"
    ev = r[pair("MLI", "RUS")].evidence
    assert [e.quote for e in ev] == ["It then invited Russian mercenaries to help."]


def test_possessive_relation_noun():
    _, r = rels("China is Pakistan's closest ally.")
    assert "alliance" in r[pair("CHN", "PAK")].types
    _, r = rels("Iran's regime is one of Israel's main threats.")
    assert r[pair("IRN", "ISR")].source == "IRN" and r[pair("IRN", "ISR")].valence == "hostile"


def test_mediation_relates_the_mediator_to_each_party_only():
    _, r = rels("Oman has mediated between Saudi Arabia and Iran.")
    assert set(r) == {pair("OMN", "SAU"), pair("OMN", "IRN")}
    assert all(x.types == ("mediation",) and x.source == "OMN" for x in r.values())


def test_reversing_verb_turns_a_relation_noun():
    _, r = rels("In 2023, Niger's junta ended military cooperation with France.")
    assert r[pair("NER", "FRA")].valence == "hostile"


def test_coalition_against_is_war():
    _, r = rels("Saudi Arabia has led a military coalition against the Houthis in Yemen.")
    assert r[pair("SAU", "houthis")].valence == "hostile"


def test_pressure_and_coercion_are_hostile():
    _, r = rels("China has stepped up military pressure on Taiwan, sending warplanes across the line.")
    rel = r[pair("CHN", "TWN")]
    assert (rel.source, rel.valence) == ("CHN", "hostile")
    _, r = rels("Russia pressured Armenia to stay in the bloc.")
    assert r[pair("RUS", "ARM")].source == "RUS" and r[pair("RUS", "ARM")].valence == "hostile"


def test_allowing_foreign_forces_is_hosting():
    _, r = rels("Poland allowed American troops to use two air bases.")
    rel = r[pair("POL", "USA")]
    assert (rel.source, rel.types, rel.valence) == ("POL", ("hosting",), "cooperative")
    _, r = rels("Kenya granted British forces access to its training grounds.")
    assert r[pair("KEN", "GBR")].types == ("hosting",)
    _, r = rels("Egypt allowed Sudan to export more cotton.")
    assert r[pair("EGY", "SDN")].types == ("cooperation",)


def test_deploying_to_a_state_makes_it_the_host():
    _, r = rels("Germany deployed a brigade to Lithuania.")
    rel = r[pair("DEU", "LTU")]
    assert (rel.source, rel.target, rel.types) == ("LTU", "DEU", ("hosting",))
    m, _ = rels("Russia deployed troops along the border with Ukraine.")
    assert all("hosting" not in x.types for x in m.relations)


def test_hosting_talks_is_mediation():
    _, r = rels("Qatar hosted talks between the United States and the Taliban.")
    for party in ("USA", "taliban"):
        assert r[pair("QAT", party)].source == "QAT" and "mediation" in r[pair("QAT", party)].types


def test_a_verb_cue_before_between_relates_no_parties():
    _, r = rels("Indonesia has offered to mediate between China and the Philippines.")
    assert pair("CHN", "PHL") not in r
    assert {pair("IDN", "CHN"), pair("IDN", "PHL")} <= set(r)


def test_a_cue_in_a_relative_clause_keeps_its_object_inside():
    _, r = rels("North Korea, which relies on China for most of its trade, fired missiles over Japan.")
    assert pair("CHN", "JPN") not in r
    assert r[pair("PRK", "JPN")].valence == "hostile" and r[pair("PRK", "CHN")].valence == "cooperative"


def test_a_pronoun_subject_is_not_coordinated_with_the_actor_before_it():
    _, r = rels("Manila signed an agreement with Japan, and it has allowed American troops to use four bases.")
    assert r[pair("PHL", "USA")].source == "PHL"
    assert pair("JPN", "USA") not in r


def test_an_actor_named_after_the_objects_head_noun_is_an_object():
    _, r = rels("Mali invited Russian mercenaries from the Wagner Group to fight insurgents.")
    assert r[pair("MLI", "wagner-group")].valence == "cooperative"
    _, r = rels("Mali invited instructors of the Wagner Group.")
    assert pair("MLI", "wagner-group") in r
    _, r = rels("Russia attacked Ukraine from Belarus.")  # no head noun: Belarus is a place here
    assert pair("RUS", "BLR") not in r and r[pair("RUS", "UKR")].valence == "hostile"


def test_a_relation_noun_that_another_cue_governs_does_not_relate_the_subjects():
    m, _ = rels("Qatar, Kuwait and Bahrain welcomed the talks.")
    assert m.relations == []
    _, r = rels("Armenia and Azerbaijan held talks in Washington.")
    assert r[pair("ARM", "AZE")].types == ("diplomatic ties",)


def test_visits_are_diplomatic_ties():
    _, r = rels("Indian Prime Minister Narendra Modi visited Moscow in July.")
    rel = r[pair("IND", "RUS")]
    assert (rel.source, rel.types) == ("IND", ("diplomatic ties",))


def test_fixture_horn_of_africa(maps):
    r = {frozenset((x.source, x.target)): x for x in maps["horn_of_africa.txt"].relations}
    assert r[pair("ETH", "ERI")].valence == "cooperative"
    assert r[pair("USA", "ETH")].valence == "hostile"  # "It also suspended ..." -> the United States
    assert "arms trade" in r[pair("TUR", "ETH")].types and "arms trade" in r[pair("ARE", "ETH")].types
    assert pair("TUR", "ARE") not in r
    for a, b in (("SDN", "ETH"), ("EGY", "SDN"), ("EGY", "ETH")):
        assert pair(a, b) not in r


def test_fixture_ukraine(maps):
    m = maps["ukraine_nato.txt"]
    r = {frozenset((x.source, x.target)): x for x in m.relations}
    war = [x for x in m.relations if pair(x.source, x.target) == pair("RUS", "UKR") and "war" in x.types]
    # The invasion and the grain deal "between Russia and Ukraine": one relation, mixed.
    assert len(war) == 1 and war[0].valence == "mixed" and "cooperation" in war[0].types
    assert len([x for x in m.relations if pair(x.source, x.target) == pair("RUS", "UKR")]) == 1
    assert any(e.quote.startswith("Russia invaded Ukraine") for e in war[0].evidence)
    assert pair("HUN", "UKR") not in r  # refused to send weapons
    assert r[pair("HUN", "RUS")].types == ("energy trade",)
    assert {pair("FRA", "ITA"), pair("FRA", "ESP"), pair("ITA", "ESP")}.isdisjoint(r)
    assert {"mediation"} <= set(r[pair("TUR", "RUS")].types) and pair("TUR", "un") not in r


def test_fixture_gold_recall_and_precision(maps):
    # Held-out articles ("*_heldout.*") are measured by the quality benchmark, never gated here:
    # a threshold on them would invite tuning the rules to their wording. Articles whose misses
    # are being worked on ("*_dev.*": once held out, now seen) join the gate when they pass it.
    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    tp = npred = ngold = 0
    for name, m in maps.items():
        if "_heldout." in name or "_dev." in name:
            continue
        spec = gold[name]
        want = {pair(g["a"], g["b"]) for g in spec["pairs"]}
        optional = {frozenset(p) for p in spec["optional"]}
        # pairs with an actor added to the gazetteer after the gold was written count neither way
        unscored = set(gold.get("_unscored", ()))
        got = {p for x in m.relations if (p := frozenset((x.source, x.target))) not in optional and not p & unscored}
        assert not got & {frozenset(p) for p in spec["absent"]}, name
        tp += len(got & want)
        npred += len(got)
        ngold += len(want)
    assert tp / ngold >= 0.9 and tp / npred >= 0.85


def test_progress_and_cancel():
    text = (FIXTURES / "ukraine_nato.txt").read_text(encoding="utf-8")
    seen = []
    extract_relations(article_from_text(text), progress=lambda f, msg: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        map_article(FIXTURES / "ukraine_nato.txt", cancel=lambda: True)


def test_cli_extract_writes_an_automatic_map(tmp_path, capsys):
    out = tmp_path / "out.relmap.json"
    assert main(["extract", str(FIXTURES / "sahel.txt"), "-o", str(out)]) == 0
    m = relmap.load(out)
    assert m.curated is False and m.relations
    assert "wrote" in capsys.readouterr().out


def test_cli_extract_bad_file_is_one_line_exit_2(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["extract", str(tmp_path / "empty.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty" in err
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2


# -- round 2: officials, side-taking cues, more evidence per pair --------------------------------
def test_officials_stand_for_their_state_in_relations():
    m, r = rels(
        "Venezuelan President Nicolás Maduro threatened Guyana. "
        "Brazil brokered a meeting between Maduro and Guyanese President Irfaan Ali."
    )
    # The threat, and the meeting the two presidents then held: one relation, still hostile (talks
    # between foes make no friendship).
    rel = [x for x in m.relations if {x.source, x.target} == {"VEN", "GUY"}]
    assert len(rel) == 1 and set(rel[0].types) == {"threat", "diplomatic ties"} and rel[0].valence == "hostile"
    assert "mediation" in r[pair("BRA", "VEN")].types and "mediation" in r[pair("BRA", "GUY")].types


def test_taking_sides_needs_its_particle():
    _, r = rels("Cuba sided with Venezuela.")
    assert r[pair("CUB", "VEN")].valence == "cooperative"
    _, r = rels("Poland stood with Ukraine, and Lithuania rallied behind Kyiv.")
    assert pair("POL", "UKR") in r and pair("LTU", "UKR") in r
    _, r = rels("Both sides, Armenia and Azerbaijan, stand firm; Greece rallies tourists in Turkey.")
    assert pair("GRC", "TUR") not in r


def test_recalling_an_ambassador_is_hostile_recalling_a_fact_is_not():
    _, r = rels("Israel recalled its ambassador from Turkey.")
    assert r[pair("ISR", "TUR")].valence == "hostile"
    _, r = rels("Israel recalled that Turkey was a market.")
    assert pair("ISR", "TUR") not in r


def test_later_sentences_naming_both_actors_with_a_cue_add_evidence_not_pairs():
    text = (
        "Russia invaded Ukraine in 2022. "
        "Kyiv, after months of war, still eyes Moscow. "
        "Ukraine and Russia were once close. "
        "Hungary refused to arm Ukraine, but it buys Russian gas."
    )
    m, r = rels(text)
    quotes = [e.quote for e in r[pair("RUS", "UKR")].evidence]
    assert quotes[0] == "Russia invaded Ukraine in 2022."
    assert "Kyiv, after months of war, still eyes Moscow." in quotes
    assert not any(q.startswith("Ukraine and Russia were once") for q in quotes)  # no cue
    assert not any(q.startswith("Hungary") for q in quotes)  # another clause
    # Evidence only: no pair for "Ukraine and Russia were once close" or the refused arms.
    assert set(r) == {pair("RUS", "UKR"), pair("HUN", "RUS")}
    assert all(e.check(m.articles[0].text) for rel in m.relations for e in rel.evidence)


def test_people_in_a_capital_are_not_its_state():
    for text in (
        "Protesters in Kinshasa attacked the embassies of France and the United States.",
        "Crowds in central Tehran attacked the embassies of Israel and Britain.",
        "Residents of Kyiv condemned Russia.",
    ):
        m, _ = rels(text)
        assert m.relations == [], text
    # The state itself, or a capital that acts, still does.
    _, r = rels("Kinshasa attacked the embassy of France.")
    assert pair("COD", "FRA") in r


def test_new_cues_rebuke_punitive_measures_block_and_lobby():
    _, r = rels("The United States rebuked Pristina, and the EU imposed punitive measures on Kosovo.")
    assert r[pair("USA", "XKX")].valence == "hostile" and r[pair("eu", "XKX")].types == ("sanctions",)
    _, r = rels("Moscow has blocked Kosovo's membership of the United Nations.")
    assert (r[pair("RUS", "XKX")].source, r[pair("RUS", "XKX")].valence) == ("RUS", "hostile")
    _, r = rels("Albania has lobbied for Kosovo's recognition.")
    assert r[pair("ALB", "XKX")].valence == "cooperative"
    _, r = rels("Israel lobbied against Iran in Washington.")
    assert r[pair("ISR", "IRN")].valence == "hostile"
    m, _ = rels("Albania has lobbied hard, and Kosovo waited.")  # no particle: no relation
    assert m.relations == []


def test_a_possessed_relation_noun_takes_the_complement_of_the_copula():
    _, r = rels("Kosovo's closest ally remains the United States, which keeps troops there.")
    assert r[pair("XKX", "USA")].valence == "cooperative" and "alliance" in r[pair("XKX", "USA")].types


def test_a_verb_after_a_dash_keeps_the_subject_before_it():
    _, r = rels("China invests in Serbia, and Belgrade bought Chinese drones in 2022 — then signed a deal with France.")
    assert pair("SRB", "FRA") in r and pair("CHN", "FRA") not in r


def test_an_object_pronoun_is_the_object_and_a_reporting_clause_is_no_object():
    _, r = rels(
        "The United States sanctioned James Kabarebe, Rwanda's minister for regional integration, "
        "accusing him of directing support for the M23."
    )
    assert pair("USA", "m23") not in r and r[pair("USA", "RWA")].valence == "hostile"
    _, r = rels("M23 rebels seized the city of Goma in January, Qatar's foreign ministry said.")
    assert pair("m23", "QAT") not in r


def test_a_list_going_back_stops_at_the_object_of_the_clause_before():
    _, r = rels("Washington sanctioned officials over their support for the M23, and Britain suspended aid to Rwanda.")
    assert pair("GBR", "RWA") in r and pair("m23", "RWA") not in r
    _, r = rels("Germany, France and Britain suspended aid to Rwanda.")  # a plain list still is one
    assert {pair(x, "RWA") for x in ("DEU", "FRA", "GBR")} <= set(r)


def test_mediation_with_unnamed_parties_takes_the_main_dispute():
    text = (
        "Venezuela has revived its claim to Guyana's Essequibo region. Venezuela accused Guyana of provocation. "
        "Brazil and the Caribbean Community brokered a meeting between the two presidents."
    )
    _, r = rels(text)
    for a in ("BRA", "caricom"):
        for b in ("VEN", "GUY"):
            assert "mediation" in r[pair(a, b)].types, (a, b)
    # One party named after "between": the other is not guessed.
    _, r = rels("Mali expelled France. Algeria mediated an accord between Bamako and Tuareg rebels.")
    assert pair("DZA", "FRA") not in r and pair("DZA", "MLI") in r
    # A single-actor sentence: "The meeting, hosted by X" (the talks come before the cue).
    _, r = rels("Congo and Rwanda fought a war. The meeting, hosted by Qatar, produced a ceasefire.")
    assert "mediation" in r[pair("QAT", "COD")].types and "mediation" in r[pair("QAT", "RWA")].types


def test_a_pair_hostile_one_way_and_cooperative_another_is_one_mixed_relation():
    m, r = rels("Kosovo's closest ally remains the United States. The United States rebuked Pristina.")
    rel = r[pair("XKX", "USA")]
    assert [x for x in m.relations if pair(x.source, x.target) == pair("XKX", "USA")] == [rel]
    assert rel.valence == "mixed" and not rel.directed and len(rel.evidence) == 2
    # Two cooperative relations of a pair stay apart (direction kept).
    m, _ = rels("Turkey supported Azerbaijan. Azerbaijan and Turkey are allies.")
    assert len([x for x in m.relations if pair(x.source, x.target) == pair("TUR", "AZE")]) == 2


def test_armed_groups_of_the_great_lakes_are_actors():
    _, r = rels("Kinshasa accuses Kigali of arming the M23. Rwanda says it is protecting its border from the FDLR.")
    assert r[pair("RWA", "m23")].valence == "cooperative"
    assert pair("RWA", "fdlr") in r


# -- quality round 4: stand-ins, unnamed sides, unique titles, carried goods, modifiers ---------
def test_a_bare_army_stands_for_the_state_whose_army_the_text_named():
    text = (
        "The Malian army has fought jihadists in the north since 2012. "
        "Russia has delivered attack helicopters that helped the army retake Kidal. "
        "Algeria has accused the junta of breaking the peace accord."
    )
    _, r = rels(text)
    assert "arms trade" in r[pair("RUS", "MLI")].types or "military support" in r[pair("RUS", "MLI")].types
    assert r[pair("DZA", "MLI")].valence == "hostile"
    assert pair("RUS", "DZA") not in r
    # With no state named before it, "the army" stands for nobody.
    _, r = rels("Rebels ambushed a convoy. Russia has delivered helicopters that helped the army.")
    assert not r


def test_the_army_chief_is_not_the_state():
    _, r = rels("The Sudanese army fought on. Egypt has criticised the army chief for the coup.")
    assert pair("EGY", "SDN") not in r


def test_government_forces_take_the_state_named_before_them():
    _, r = rels("Fighting spread across Syria. Turkey shelled government forces near Idlib.")
    assert r[pair("TUR", "SYR")].valence == "hostile"


def test_the_two_sides_are_the_main_dispute_in_mediation():
    text = (
        "Ethiopia and Eritrea fought a border war from 1998. Eritrean troops attacked Ethiopia again. "
        "Saudi Arabia convened talks between the two sides in Jeddah."
    )
    _, r = rels(text)
    for party in ("ETH", "ERI"):
        assert "mediation" in r[pair("SAU", party)].types
    _, r = rels(text.replace("convened talks between the two sides", "convened its cabinet"))
    assert pair("SAU", "ETH") not in r and pair("SAU", "ERI") not in r


def test_bringing_the_parties_together_and_hosting_both_ministers_is_mediation():
    base = "Armenia and Azerbaijan fought a war in 2020, and Azerbaijan attacked Armenia again in 2022. "
    _, r = rels(base + "Kazakhstan hosted the two foreign ministers in Almaty.")
    assert {"mediation"} <= set(r[pair("KAZ", "ARM")].types) and pair("KAZ", "AZE") in r
    _, r = rels(base + "Germany brought Armenia and Azerbaijan together in Munich.")
    assert "mediation" in r[pair("DEU", "ARM")].types and "mediation" in r[pair("DEU", "AZE")].types
    _, r = rels(base + "Germany brought new rules into force.")
    assert pair("DEU", "ARM") not in r


def test_a_title_one_state_holds_binds_the_official_without_a_state_named():
    _, r = rels("Secretary of State Marco Rubio warned Venezuela on Monday.")
    assert (r[pair("USA", "VEN")].source, r[pair("USA", "VEN")].valence) == ("USA", "hostile")
    # "Chancellor" is Germany's and Austria's title: the name stays unbound.
    _, r = rels("Chancellor Karl Nehammer warned Hungary on Monday.")
    assert not r
    _, r = rels("Former Secretary of State Mike Pompeo warned Venezuela on Monday.")
    assert not r


def test_carrying_weapons_is_arms_trade_carrying_people_is_nothing():
    _, r = rels("Emirati cargo planes carried weapons to the RSF through Chad.")
    assert r[pair("ARE", "rsf")].types == ("arms trade",) and r[pair("ARE", "rsf")].source == "ARE"
    _, r = rels("Iranian ships smuggled missiles to the Houthis.")
    assert "arms trade" in r[pair("IRN", "houthis")].types
    _, r = rels("Emirati planes carried pilgrims to Saudi Arabia.")
    assert not r


def test_an_actor_modifying_a_noun_is_no_actor_of_the_clause():
    _, r = rels("Iran has delivered drones that helped Sudan, and Turkish-made drones have appeared too.")
    assert pair("IRN", "TUR") not in r and pair("IRN", "SDN") in r
    _, r = rels("Armenia froze its participation in the Russian-led CSTO in February.")
    assert pair("ARM", "csto") in r and pair("ARM", "RUS") not in r
    _, r = rels("American jets struck Iran-backed Houthis in Yemen.")
    assert pair("USA", "houthis") in r and pair("USA", "IRN") not in r
    assert "military support" in r[pair("IRN", "houthis")].types


def test_object_pronoun_stands_for_the_last_actor_not_the_subject():
    _, r = rels("Tehran built Hezbollah and has armed it for four decades.")
    rel = r[pair("IRN", "hezbollah")]
    assert (rel.source, rel.target) == ("IRN", "hezbollah") and "military support" in rel.types
    _, r = rels("Iran created the Houthis. Tehran still backs them with missiles.")
    assert r[pair("IRN", "houthis")].source == "IRN"
    # "them" is no single state: nothing to resolve it to here.
    _, r = rels("Japan met Germany. France backs them.")
    assert pair("FRA", "DEU") not in r and pair("FRA", "JPN") not in r


def test_denial_and_restriction_are_hostile():
    for text, a, b in [
        ("In February the Lebanese government barred Iranian flights from landing in Beirut.", "LBN", "IRN"),
        ("Hungary denied entry to Russian diplomats.", "HUN", "RUS"),
        ("Poland closed its airspace to Belarusian planes.", "POL", "BLR"),
    ]:
        _, r = rels(text)
        rel = r[pair(a, b)]
        assert (rel.source, rel.valence) == (a, "hostile"), text
    _, r = rels("Canada denied supplying arms to Israel. Japan is a close ally of Germany.")
    assert pair("CAN", "ISR") not in r and r[pair("JPN", "DEU")].valence == "cooperative"


def test_pledged_money_to_rebuild_goes_to_the_place_of_the_text():
    _, r = rels(
        "The truce in southern Lebanon held, and Israeli troops left towns across Lebanon. "
        "Saudi Arabia and Qatar have pledged money to rebuild the south."
    )
    assert r[pair("SAU", "LBN")].types == ("aid",) and r[pair("QAT", "LBN")].source == "QAT"
    assert pair("SAU", "ISR") not in r
    _, r = rels("Japan pledged $2 billion to Ukraine. Japan pledged to stay neutral.")
    assert r[pair("JPN", "UKR")].types == ("aid",)


def test_its_object_belongs_to_the_sentence_subject():
    _, r = rels("The Lebanese army pulled back. The military later said Israeli fire had killed 40 of its soldiers.")
    rel = r[pair("ISR", "LBN")]
    assert (rel.source, rel.valence) == ("ISR", "hostile")
    _, r = rels("Russia sent its troops to attack Ukraine.")
    assert set(r) == {pair("RUS", "UKR")}


def test_a_group_leader_binds_like_a_state_official():
    _, r = rels(
        "Sudan's army fights Mohamed Hamdan Dagalo, known as Hemedti, whose RSF holds Darfur. "
        "Washington sanctioned Hemedti in January."
    )
    rel = r[pair("USA", "rsf")]
    assert (rel.source, rel.types) == ("USA", ("sanctions",))
    _, r = rels("Hezbollah leader Hassan Nasrallah rejected the plan. Israel later killed Nasrallah.")
    assert r[pair("ISR", "hezbollah")].source == "ISR"


def test_definite_back_reference_to_an_organization_or_group():
    _, r = rels("France joined an EU mission in the Red Sea. Italy later joined the mission.")
    assert r[pair("ITA", "eu")].valence == "cooperative"
    _, r = rels("The Houthis fired missiles at ships. Israel struck the group in Yemen.")
    assert r[pair("ISR", "houthis")].source == "ISR" and pair("ISR", "YEM") not in r
    _, r = rels("Sweden joined NATO in 2024. Russia threatened the alliance.")
    assert "threat" in r[pair("RUS", "nato")].types
    # A complement makes it a new alliance, not a back-reference.
    _, r = rels("Sweden joined NATO in 2024. Russia and Iran formed the alliance with Syria.")
    assert pair("RUS", "nato") not in r and pair("RUS", "SYR") in r


def test_fighting_alongside_rebels_inside_a_state_is_war_on_the_state_only():
    _, r = rels("Rwandan soldiers were fighting alongside the M23 inside Congo.")
    assert r[pair("RWA", "m23")].valence == "cooperative"
    assert r[pair("RWA", "COD")].valence == "hostile" and pair("COD", "m23") not in r
    _, r = rels("Russian troops fought alongside Syrian forces in Syria.")
    assert set(r) == {pair("RUS", "SYR")} and r[pair("RUS", "SYR")].valence == "cooperative"


def test_an_official_named_in_apposition_speaks_for_the_state_by_given_name_too():
    _, r = rels(
        "Ethiopia's prime minister, Abiy Ahmed, signed a deal on Monday. "
        "The United Arab Emirates has quietly backed Abiy."
    )
    assert r[pair("ARE", "ETH")].source == "ARE"


def test_an_actor_inside_a_prepositional_phrase_is_not_the_subject():
    _, r = rels("Washington, which once kept troops in Somalia to fight al-Shabaab, stayed out.")
    assert pair("USA", "al-shabaab") in r and pair("SOM", "al-shabaab") not in r
    _, r = rels("Egypt, locked in a long dispute with Ethiopia over the dam, signed a defence pact with Somalia.")
    assert pair("EGY", "SOM") in r and pair("ETH", "SOM") not in r
    # A place that speaks for its state stays the subject.
    _, r = rels("Officials in Beijing condemned Japan on Monday.")
    assert r[pair("CHN", "JPN")].source == "CHN"


def test_a_reduced_passive_takes_the_agent_as_source():
    _, r = rels("Beijing, itself accused by Canadian intelligence of meddling in two elections, said little.")
    rel = r[pair("CAN", "CHN")]
    assert (rel.source, rel.valence) == ("CAN", "hostile")


def test_regarding_a_territory_as_part_of_ones_own_is_a_territorial_claim():
    _, r = rels("Somalia, which regards Somaliland as part of its own territory, protested.")
    assert "territorial dispute" in r[pair("SOM", "somaliland")].types
    _, r = rels("Somalia regards Kenya as a difficult neighbour in talks.")
    assert pair("SOM", "KEN") not in r or "territorial dispute" not in r[pair("SOM", "KEN")].types


def test_complaints_about_an_actor_are_hostility():
    _, r = rels("Pakistan repeated its long-standing complaints about Indian operations abroad.")
    assert r[pair("PAK", "IND")].valence == "hostile"


def test_bringing_two_leaders_together_is_mediation():
    _, r = rels(
        "Turkish President Recep Tayyip Erdogan brought Ethiopian Prime Minister Abiy Ahmed and "
        "Somali President Hassan Sheikh Mohamud to Ankara in December."
    )
    assert {"mediation"} <= set(r[pair("TUR", "ETH")].types) and pair("ETH", "SOM") not in r
    assert r[pair("TUR", "SOM")].source == "TUR"
    _, r = rels("Turkey brought Somalia new drones.")
    assert pair("TUR", "SOM") not in r or "mediation" not in r[pair("TUR", "SOM")].types


def test_a_mention_of_a_mediation_told_earlier_keeps_its_parties():
    _, r = rels(
        "Al-Shabaab fought African Union troops for years. Turkish President Recep Tayyip Erdogan "
        "brought Ethiopian Prime Minister Abiy Ahmed and Somali President Hassan Sheikh Mohamud to Ankara. "
        "Washington has welcomed Turkey's mediation."
    )
    assert pair("TUR", "al-shabaab") not in r and pair("TUR", "african-union") not in r
    assert "mediation" in r[pair("TUR", "SOM")].types


def test_a_list_of_actors_after_a_preposition_is_no_subject():
    _, r = rels("Envoys from Malaysia, Indonesia, Singapore and Brunei signed off on a communique.")
    assert not r
    # The list is where the traders are: "it" in the next sentence is not South Korea.
    _, r = rels(
        "Oil traders in India, Japan and South Korea are watching. "
        "Yet even as it piles on pressure, the White House has kept a door ajar."
    )
    assert not any("KOR" in p for p in r)


def test_a_participle_aside_is_not_the_clause():
    _, r = rels(
        "The UN mission, led since 2025 by Ghanaian diplomat Hanna Tetteh, has been trying to broker "
        "talks between Libya and the Libyan National Army."
    )
    assert not any("GHA" in p for p in r)
    assert "mediation" in r[pair("un", "LBY")].types


def test_capital_based_state_organs_stay_the_state():
    _, r = rels("Italy funds, trains and equips the Tripoli-based coast guard.")
    assert r[pair("ITA", "LBY")].source == "ITA"
    _, r = rels("Kyrgyzstan deployed Turkish-made drones.")
    assert pair("KGZ", "TUR") not in r or r[pair("KGZ", "TUR")].source == "TUR"


def test_backers_sponsors_and_bankrolling_are_support():
    _, r = rels("Egypt and the United Arab Emirates were the LNA's earliest sponsors.")
    assert {r[pair(x, "lna")].source for x in ("EGY", "ARE")} == {"EGY", "ARE"}
    _, r = rels("Russia has been Belarus's most consequential backer.")
    assert r[pair("RUS", "BLR")].source == "RUS"


def test_visits_by_flying_or_travelling_to_a_capital():
    _, r = rels("Italy's prime minister has flown repeatedly to Tripoli.")
    assert "diplomatic ties" in r[pair("ITA", "LBY")].types
    _, r = rels("Italy flew passengers home from Libya.")
    assert pair("ITA", "LBY") not in r


def test_back_references_to_an_agency_or_watchdog():
    _, r = rels(
        "The IAEA reported on Iran's enrichment. The Iranian parliament voted to suspend cooperation "
        "with the agency. The Iranians blame the watchdog for what followed."
    )
    assert r[pair("IRN", "iaea")].valence == "hostile"


def test_money_handed_or_spent_on_a_state_is_aid():
    _, r = rels("Canberra will hand Nauru A$140 million over five years.")
    assert "aid" in r[pair("AUS", "NRU")].types
    _, r = rels("Australia has spent more than A$190 million on the Solomon Islands police force.")
    assert "aid" in r[pair("AUS", "SLB")].types
    _, r = rels("Australia handed the Solomon Islands a diplomatic note.")
    assert pair("AUS", "SLB") not in r


def test_seas_named_after_states_are_places():
    m, _ = rels("Japan sailed with Australia in the West Philippine Sea and the South China Sea.")
    assert {a.id for a in m.actors} == {"JPN", "AUS"}


def test_a_state_fielding_foreign_made_weapons_bought_them():
    _, r = rels("Kyrgyzstan deployed Turkish-built Bayraktar TB2 drones along the border.")
    rel = r[pair("TUR", "KGZ")]
    assert (rel.source, rel.types) == ("TUR", ("arms trade",))
    # Destroying them says nothing of who sold them.
    _, r = rels("Ukraine destroyed Russian-made tanks near Kharkiv.")
    assert pair("RUS", "UKR") not in r


def test_both_sides_as_object_are_the_parties_of_the_main_conflict():
    _, r = rels(
        "Kyrgyzstan and Tajikistan fought a border war in 2022. Moscow still garrisons both sides."
    )
    assert "hosting" in r[pair("RUS", "KGZ")].types and "hosting" in r[pair("RUS", "TJK")].types
    assert r[pair("KGZ", "TJK")].valence == "hostile"


def test_broader_cameo_verbs():
    cases = {
        "Russia met with Iran in Tehran.": ("diplomatic ties", "cooperative"),
        "Mali withdrew from ECOWAS in January.": ("hostility", "hostile"),
        "Pakistan deported thousands of Afghans.": ("hostility", "hostile"),
        "Iran detained two French citizens.": ("hostility", "hostile"),
        "Armenia has pivoted towards France.": ("cooperation", "cooperative"),
    }
    for text, want in cases.items():
        _, r = rels(text)
        (rel,) = r.values()
        assert want[0] in rel.types and rel.valence == want[1], text
    _, r = rels("Mali withdrew its ambassador and Algeria pivoted to the economy.")
    assert not r


def test_the_kingdom_and_the_rebels_stand_for_the_actors_named_before():
    _, r = rels(
        "Saudi Arabia led a campaign against the Houthis. A truce between the kingdom and the rebels has "
        "broadly held. The Yemeni government, which the kingdom still bankrolls, has grumbled."
    )
    assert r[pair("SAU", "houthis")].valence == "mixed"
    assert r[pair("SAU", "YEM")].source == "SAU" and "aid" in r[pair("SAU", "YEM")].types


def test_the_kingdom_prefers_the_kingdoms_news_calls_so_and_reaches_far_for_the_only_one():
    _, r = rels(
        "Saudi Arabia restored ties with Iran in 2023. The United States and Britain have pounded the Houthis. "
        "The kingdom is still negotiating a defence treaty with Washington."
    )
    assert pair("SAU", "USA") in r and pair("GBR", "USA") not in r
    filler = "The talks dragged on through the summer and nobody expected a quick result. " * 25
    _, r = rels("Morocco hosted the summit. " + filler + "The kingdom has since signed a gas deal with Nigeria.")
    assert r[pair("MAR", "NGA")].valence == "cooperative"


def test_x_brokered_makes_x_the_mediator_and_nobody_else():
    m, _ = rels("RIYADH (Gulf Wire) - Saudi Arabia and Iran marked two years since their China-brokered agreement.")
    assert not any("mediation" in x.types and x.source in ("SAU", "IRN") for x in m.relations)
    _, r = rels("Mediators hailed the Qatar-brokered truce between Israel and Hamas.")
    assert r[pair("QAT", "ISR")].source == "QAT" and "mediation" in r[pair("QAT", "hamas")].types
    # No sides named: the text's war decides.
    _, r = rels("Morocco and the Polisario fought for years. The UN-brokered truce of 1991 broke down in 2020.")
    assert "mediation" in r[pair("un", "MAR")].types and "mediation" in r[pair("un", "polisario")].types


def test_a_no_compound_does_not_negate_a_relation_noun():
    _, r = rels('Xi Jinping\'s "no-limits" partnership with Moscow remains intact.')
    assert "alliance" in r[pair("CHN", "RUS")].types
    _, r = rels("Russia has played no part in the mediation between Armenia and Azerbaijan.")
    assert pair("RUS", "ARM") not in r


def test_troops_are_pledged_as_money_is():
    _, r = rels("Egypt has pledged troops to the new African Union mission.")
    assert r[pair("EGY", "african-union")].types == ("military support",)
    _, r = rels("Egypt has pledged up to 1,000 soldiers to Somalia.")
    assert r[pair("EGY", "SOM")].types == ("military support",)
    _, r = rels("Egypt has pledged $100 million to Somalia.")
    assert r[pair("EGY", "SOM")].types == ("aid",)
    _, r = rels("Egypt has pledged to stay neutral, Somalia said.")
    assert not r


def test_acting_with_a_states_consent_or_blessing_is_cooperation_with_it():
    _, r = rels("Burundi fought the M23, while Uganda deployed soldiers to Ituri with Kinshasa's consent.")
    assert r[pair("COD", "UGA")].valence == "cooperative" and r[pair("COD", "UGA")].source == "COD"
    _, r = rels("With Washington's blessing, Israel struck the site.")
    assert r[pair("USA", "ISR")].valence == "cooperative"
    _, r = rels("Turkey acted without Moscow's consent.")
    assert not r


def test_a_protest_lodged_with_a_body_is_not_against_it():
    for text in ("Greece has lodged protests with the United Nations.", "Kenya filed a complaint with the WTO."):
        _, r = rels(text)
        assert not r, text
    _, r = rels("Greece lodged a protest with Turkey.")
    assert r[pair("GRC", "TUR")].valence == "hostile"  # a state protested to is the target


def test_the_island_and_the_grouping_stand_for_the_actors_named_before():
    _, r = rels("Taiwan held elections in January. Beijing has since stepped up its military pressure on the island.")
    assert r[pair("CHN", "TWN")].valence == "hostile"
    _, r = rels("Sri Lanka defaulted in 2022. India rushed $4 billion in credit lines to the island.")
    assert r[pair("IND", "LKA")].source == "IND" and r[pair("IND", "LKA")].types == ("aid",)
    _, r = rels("Sri Lanka defaulted in 2022. India sent a delegation to the island.")
    assert not r  # sending people is no relation by itself
    _, r = rels("Moscow is funnelling hundreds of asylum seekers from Syria towards the border.")
    assert not r  # "hundreds" of people are no money
    # Not a named island, and not an archipelago.
    _, r = rels("Taiwan held elections. China sent ships to the island of Hainan.")
    assert pair("CHN", "TWN") not in r
    _, r = rels("Japan held elections. China sent ships towards the island.")
    assert pair("CHN", "JPN") not in r
    _, r = rels("India joined the Quad in 2017. Beijing has derided the grouping as a clique bent on containment.")
    assert r[pair("CHN", "quad")].valence == "hostile"


def test_opening_sites_to_forces_is_hosting_and_opening_fire_is_war():
    _, r = rels("Manila has opened four more sites in northern Luzon to US forces.")
    assert r[pair("PHL", "USA")].types == ("hosting",) and r[pair("PHL", "USA")].source == "PHL"
    _, r = rels("Chinese ships opened fire on Filipino vessels.")
    assert r[pair("CHN", "PHL")].types == ("war",)
    _, r = rels("Iran opened a factory near Dushanbe.")
    assert not r


def test_troops_stationed_in_a_capital_are_hosted_by_its_state():
    _, r = rels("Russian military instructors have been stationed in Niamey since April 2024.")
    assert r[pair("RUS", "NER")].types == ("hosting",)
    _, r = rels("Russian and Malian officials held talks in Niamey.")
    assert pair("RUS", "NER") not in r


def test_revoking_an_agreement_turns_it_hostile():
    _, r = rels("The junta in Niger revoked its military cooperation agreement with the United States.")
    assert r[pair("NER", "USA")].valence == "hostile"


def test_a_new_clause_after_comma_and_is_not_part_of_a_list():
    _, r = rels("Beijing has stayed out of the dispute between Niamey and Paris, and Chinese diplomats are careful.")
    assert set(r) == {pair("NER", "FRA")}


def test_forces_sent_in_a_show_of_support():
    _, r = rels("The United Kingdom sent the patrol ship HMS Trent to Guyanese waters in a show of support.")
    assert r[pair("GBR", "GUY")].types == ("military support",)
    _, r = rels("The United Kingdom sent the patrol ship HMS Trent to Guyanese waters.")
    assert pair("GBR", "GUY") not in r


def test_he_and_she_stand_for_the_official_named_before():
    _, r = rels(
        "Italian Prime Minister Giorgia Meloni has flown repeatedly to Tripoli, and in May 2023 she rolled "
        "out the red carpet for Haftar in Rome."
    )
    assert r[pair("ITA", "lna")].source == "ITA"
    # With no official before, "she" is a person the map does not know.
    _, r = rels("The analyst said she praised Libya.")
    assert not r


def test_speech_verbs_reach_past_that():
    _, r = rels("Burundian President Evariste Ndayishimiye has warned that Rwanda's ambitions do not stop at the border.")
    assert r[pair("BDI", "RWA")].source == "BDI" and r[pair("BDI", "RWA")].valence == "hostile"


def test_from_one_actor_to_another():
    _, r = rels("The news drew an angry protest from Belgrade to Ankara.")
    rel = r[pair("SRB", "TUR")]
    assert (rel.source, rel.valence) == ("SRB", "hostile")


def test_regarding_or_calling_an_actor_a_relation_noun():
    _, r = rels("The EU has observers in Armenia. Baku regards the mission as a provocation.")
    assert r[pair("AZE", "eu")].source == "AZE" and r[pair("AZE", "eu")].valence == "hostile"
    _, r = rels("Azerbaijan called New Delhi's deliveries a threat to regional peace.")
    assert "threat" in r[pair("AZE", "IND")].types
    _, r = rels("Turkey moves in step with its Azerbaijani ally.")
    assert "alliance" in r[pair("TUR", "AZE")].types


def test_named_leaders_need_no_title():
    _, r = rels("Recep Tayyip Erdogan brought Abiy Ahmed and Hassan Sheikh Mohamud to Ankara.")
    assert {"TUR"} == {r[pair("TUR", x)].source for x in ("ETH", "SOM")}
    _, r = rels("Guatemala: President Bernardo Arevalo has kept ties with Taiwan.")
    assert pair("GTM", "TWN") in r


def test_us_state_politicians_do_not_make_georgia_the_country():
    m, r = rels("A visit by state legislators from Georgia to Taipei is planned.")
    assert "GEO" not in {a.id for a in m.actors} and not r
    m, _ = rels("Georgia and Armenia signed a transit deal.")
    assert "GEO" in {a.id for a in m.actors}


def test_an_apposition_is_not_a_list():
    _, r = rels("Algeria refused to vote, and Russia, Algeria's main arms supplier, abstained.")
    rel = r[pair("RUS", "DZA")]
    assert (rel.source, rel.types) == ("RUS", ("arms trade",))


def test_the_list_of_leaders_decides_inside_a_title_phrase():
    _, r = rels("India rolled out the red carpet for the Taliban's foreign minister, Amir Khan Muttaqi.")
    assert pair("IND", "AFG") in r and pair("IND", "taliban") not in r
    _, r = rels("Russia became the first country to formally recognise the Taliban government.")
    assert "diplomatic ties" in r[pair("RUS", "AFG")].types


def test_convening_two_counterparts_and_hosting_the_two_delegations_is_mediation():
    _, r = rels("Chinese Foreign Minister Wang Yi convened his Pakistani and Afghan counterparts in Kabul.")
    assert {r[pair("CHN", x)].types for x in ("PAK", "AFG")} == {("mediation",)}
    _, r = rels("Pakistan and Afghanistan clashed at the border. Qatar hosted the two delegations in Doha.")
    assert "mediation" in r[pair("QAT", "PAK")].types and "mediation" in r[pair("QAT", "AFG")].types


def test_a_joint_project_named_after_two_states():
    _, r = rels("China has invested in the China-Pakistan Economic Corridor for a decade.")
    assert r[pair("CHN", "PAK")].valence == "cooperative"
    _, r = rels("A new corridor links China and Pakistan.")
    assert pair("CHN", "PAK") not in r


def test_membership_told_with_where_or_of_which():
    _, r = rels("Algeria has championed its cause at the African Union, where the Sahrawi republic has been a full member.")
    assert "alliance" in r[pair("african-union", "western-sahara")].types
    _, r = rels("Caricom, of which Guyana is a founding member, issued a statement.")
    assert "alliance" in r[pair("caricom", "GUY")].types


def test_a_place_after_the_object_is_not_the_object():
    _, r = rels("Polisario activists blocked the crossing into Mauritania.")
    assert pair("polisario", "MRT") not in r
    _, r = rels("Russia has shielded the regime from action at the UN Security Council.")
    assert pair("RUS", "unsc") not in r
    # Fighting in a state, rulers in a state, and a state's airspace are the state.
    _, r = rels("Israel struck targets in Lebanon.")
    assert "war" in r[pair("ISR", "LBN")].types
    _, r = rels("Turkey has sold the same aircraft to the juntas in Mali.")
    assert "arms trade" in r[pair("TUR", "MLI")].types
    _, r = rels("Russia sent a fighter jet briefly into Estonian airspace.")
    assert r[pair("RUS", "EST")].valence == "hostile"


def test_a_mediator_described_in_an_aside_mediates_nothing_here():
    _, r = rels("Ethiopia and Eritrea clashed at the border. Qatar, a mediator in earlier Horn disputes, has not been asked to intervene.")
    assert not any("QAT" in p for p in r)
    # Named parties still make the aside a statement of mediation.
    _, r = rels("Qatar, a mediator between Ethiopia and Eritrea since 2018, hosted the talks.")
    assert "mediation" in r[pair("QAT", "ETH")].types and "mediation" in r[pair("QAT", "ERI")].types


def test_mediation_as_a_subject_and_arms_brokers_mediate_nothing():
    _, r = rels("China brokered the Saudi-Iran deal. The Chinese mediation stunned Washington.")
    assert pair("CHN", "USA") not in r
    _, r = rels("Washington has sanctioned the generals' arms brokers in Russia and Myanmar.")
    assert not any("mediation" in x.types for x in r.values())


def test_fear_avoidance_and_expulsion_orders_are_hostile():
    _, r = rels("Officials in Seoul fear that Pyongyang will grow more dangerous.")
    assert r[pair("KOR", "PRK")].source == "KOR" and r[pair("KOR", "PRK")].valence == "hostile"
    _, r = rels("The foreign ministers of South Korea and North Korea avoided each other entirely.")
    assert r[pair("KOR", "PRK")].valence == "hostile"
    _, r = rels("Niger's new rulers ordered some 1,500 French troops out before the end of the year.")
    assert r[pair("NER", "FRA")].source == "NER"
    _, r = rels("France avoided Mali. Niger ordered French wine.")
    assert not r


def test_an_agent_inside_the_object_noun_phrase_is_the_object():
    _, r = rels("Washington froze assets held by North Korean generals.")
    assert r[pair("USA", "PRK")].source == "USA"


def test_both_leaders_with_an_adjective_are_the_two_states_just_named():
    _, r = rels(
        "Finland joined NATO in April 2023 and Sweden followed. Boris Johnson, then Britain's prime "
        "minister, signed security declarations with both Nordic leaders."
    )
    assert all(r[pair("GBR", x)].valence == "cooperative" for x in ("FIN", "SWE"))
    assert pair("GBR", "nato") not in r


def test_a_state_buying_foreign_made_weapons_in_an_infinitive():
    _, r = rels("The two leaders struck a deal for Hungary to acquire four more Swedish-built Gripen fighters.")
    assert "arms trade" in r[pair("SWE", "HUN")].types and r[pair("SWE", "HUN")].source == "SWE"


def test_a_noun_phrase_aside_after_the_subject():
    _, r = rels(
        'Ottawa, itself the target of Trump’s jibes about becoming a "51st state", has sided squarely with the Danes.'
    )
    assert "alliance" in r[pair("CAN", "DNK")].types
    assert pair("USA", "DNK") not in r


def test_a_new_clause_after_comma_and_keeps_its_own_subject():
    _, r = rels("Brussels signed a partnership with the Greenlandic government, and EU leaders have lined up behind Denmark.")
    assert "alliance" in r[pair("eu", "DNK")].types and pair("GRL", "DNK") not in r
    _, r = rels("Russia sends boats between Greenland, Iceland and Britain, and Russian bombers regularly probe NATO airspace.")
    assert set(r) == {pair("RUS", "nato")}


def test_the_three_governments_are_the_three_states_listed_before():
    _, r = rels(
        "The soldiers who seized power in Mali, Burkina Faso and Niger left ECOWAS. The bloc was furious. "
        "In September 2023 the three governments signed a mutual defence pact."
    )
    assert {pair("MLI", "BFA"), pair("MLI", "NER"), pair("BFA", "NER")} <= set(r)
    # Too far back, or a list of another size, names no one.
    _, r = rels("Mali, Burkina Faso and Niger were named. " + "Rain fell. " * 12 + "The three governments signed a pact.")
    assert not r


def test_lending_something_is_not_aid_to_the_place_named_after_it():
    _, r = rels("Thai governments hosted the junta's minister, lending the regime a respectability its neighbours in ASEAN denied it.")
    assert pair("THA", "asean") not in r or "aid" not in r[pair("THA", "asean")].types
    _, r = rels("The European Union has poured hundreds of millions of euros into migration projects in Libya.")
    assert "aid" in r[pair("eu", "LBY")].types


def test_forces_sent_with_no_destination_are_hosted_by_the_state_the_text_is_set_in():
    _, r = rels(
        "Gangs control most of Haiti. In Haiti, the police are weak. The Bahamas sent a detachment of "
        "marines last year. Guatemalan and Salvadoran troops arrived in early 2025. Kenya has rotated "
        "roughly 750 police officers through Haiti."
    )
    assert {r[pair("HTI", x)].types for x in ("BHS", "GTM", "SLV", "KEN")} == {("hosting",)}
    # Troops sent to a foe say nothing new (support or invasion); a delegation is no force.
    _, r = rels("Russia invaded Ukraine in 2022. Russia sent more troops to Ukraine in 2023. Hungary sent a delegation.")
    assert set(r) == {pair("RUS", "UKR")} and r[pair("RUS", "UKR")].valence == "hostile"


def test_its_ally_named_in_apposition_and_leaning_on_partners():
    _, r = rels("Pakistan faces its old rival, India, again this year.")
    assert "rivalry" in r[pair("PAK", "IND")].types
    _, r = rels("Serbia has leaned on its traditional ally, Russia, for years.")
    assert r[pair("SRB", "RUS")].valence == "cooperative"
    _, r = rels("American envoys have leaned on Belgrade.")
    assert r[pair("USA", "SRB")].valence == "hostile"


def test_the_juntas_and_the_bloc_they_founded():
    _, r = rels(
        "The soldiers who seized power in Mali, Burkina Faso and Niger left ECOWAS. The juntas accuse ECOWAS "
        "of serving French interests. The three governments signed a pact that created the Alliance of Sahel States."
    )
    for x in ("MLI", "BFA", "NER"):
        assert r[pair(x, "ecowas")].valence == "hostile"
        assert "alliance" in r[pair(x, "alliance-of-sahel-states")].types
    _, r = rels("Mali formed a new government. France created jobs in Mali.")
    assert not r


def test_a_far_subject_of_a_coordinated_verb():
    _, r = rels(
        "India upgraded its technical mission in Kabul to a full embassy last month and rolled out the red "
        "carpet for the Taliban's foreign minister, Amir Khan Muttaqi, in New Delhi."
    )
    assert r[pair("IND", "AFG")].source == "IND"


def test_idioms_of_war_mediation_and_investment():
    _, r = rels("The Popular Mobilisation Forces took up arms against IS in 2014.")
    assert r[pair("hashd", "islamic-state")].types == ("war",)
    _, r = rels("Egypt and Ethiopia are locked in a dispute over the dam. The UAE has repeatedly offered its good offices.")
    assert "mediation" in r[pair("ARE", "EGY")].types
    _, r = rels("Abu Dhabi is one of Ethiopia's biggest investors.")
    assert r[pair("ARE", "ETH")].source == "ARE"
    _, r = rels("Baghdad designated the PKK a banned organisation in 2024.")
    assert r[pair("IRQ", "pkk")].valence == "hostile"
    _, r = rels("Turkey sold arms to Qatar. Germany opened new offices in Egypt.")
    assert "war" not in r[pair("TUR", "QAT")].types and pair("DEU", "EGY") not in r


def test_leaders_who_met_somewhere_met_each_other():
    _, r = rels("Sisi, Somali President Hassan Sheikh Mohamud and Eritrea's Isaias Afwerki met in Asmara.")
    assert {pair("EGY", "SOM"), pair("EGY", "ERI"), pair("ERI", "SOM")} <= set(r)


def test_an_aside_with_a_list_of_verbs_inside():
    _, r = rels(
        "Kataib Hezbollah, the most powerful of the militias that Iran has armed, trained and bankrolled "
        "through its Revolutionary Guards, claimed dozens of attacks on bases housing Americans."
    )
    assert r[pair("IRN", "kataib-hezbollah")].source == "IRN"
    assert pair("irgc", "USA") not in r and pair("kataib-hezbollah", "USA") in r


def test_two_letter_words_in_shouted_headlines_are_words():
    m, _ = rels("WHAT IS NEXT FOR THE TALKS\n\nIS fighters attacked a convoy.")
    assert [a.id for a in m.actors] == ["islamic-state"] and m.actors[0].mentions == 1


def test_a_fronted_participle_phrase_has_the_main_subject():
    _, r = rels("Locked in a bitter quarrel with Addis Ababa, Egypt has flown weapons to Mogadishu.")
    assert r[pair("EGY", "ETH")].valence == "hostile" and "arms trade" in r[pair("EGY", "SOM")].types
    _, r = rels("Egypt has courted Somalia. Locked in a quarrel with Addis Ababa, it has flown weapons to Mogadishu.")
    assert "arms trade" in r[pair("EGY", "SOM")].types and pair("ETH", "SOM") not in r


def test_breakaway_regions_leases_shuttle_diplomacy_and_contested_places():
    _, r = rels("The federal government of Somalia, which regards Somaliland as a breakaway region, protested.")
    assert "territorial dispute" in r[pair("SOM", "somaliland")].types
    _, r = rels("Djibouti leases Camp Lemonnier to Washington for $63 million a year.")
    assert r[pair("DJI", "USA")].source == "DJI" and r[pair("DJI", "USA")].types == ("hosting",)
    _, r = rels("Ethiopia and Somalia clashed. It took months of Turkish shuttle diplomacy to calm them.")
    assert "mediation" in r[pair("TUR", "ETH")].types and "mediation" in r[pair("TUR", "SOM")].types
    _, r = rels("It is one of the most contested coasts on earth, as Turkey, China and Russia jostle for berths.")
    assert not r


def test_claims_that_and_conferences_are_not_claims_or_talks():
    _, r = rels("Filipino social media has been awash with claims that South Korean warships will take part in the drills.")
    assert not r
    _, r = rels("Israel and Lebanon fought a war. France hosted a donor conference in Paris that raised $1 billion.")
    assert not any("mediation" in x.types for x in r.values())


def test_an_adjective_before_a_hostile_noun_acts_on_the_subject():
    _, r = rels("Kuala Lumpur prefers to handle Chinese incursions near Luconia Shoals quietly.")
    assert r[pair("CHN", "MYS")].source == "CHN" and r[pair("CHN", "MYS")].valence == "hostile"
    _, r = rels("Sudan has not taken sides in the Ethiopia-Somalia quarrel.")
    assert pair("SDN", "SOM") not in r and pair("SDN", "ETH") not in r
    _, r = rels("Americans watched the Gaza war closely.")
    assert pair("USA", "gaza") not in r


def test_and_which_refers_to_the_first_antecedent():
    _, r = rels(
        "The Syrian Democratic Forces, the militia that did the fighting against Islamic State and which "
        "Washington has armed, hold the north-east."
    )
    assert r[pair("USA", "sdf")].source == "USA" and pair("USA", "islamic-state") not in r


def test_channels_claims_of_deeds_and_new_clauses_in_mediation():
    _, r = rels(
        "Kataib Hezbollah, the most powerful of the militias that Iran has armed, trained and bankrolled "
        "through its Revolutionary Guards, claimed dozens of attacks on bases housing Americans."
    )
    assert set(r) == {pair("IRN", "kataib-hezbollah"), pair("kataib-hezbollah", "USA")}
    assert r[pair("kataib-hezbollah", "USA")].types == ("war",)
    _, r = rels(
        "India and Pakistan fought for four days. Saudi Arabia's minister shuttled between New Delhi and "
        "Islamabad, and the United Arab Emirates and Qatar also urged restraint."
    )
    assert pair("SAU", "ARE") not in r and pair("SAU", "QAT") not in r
    assert "mediation" in r[pair("SAU", "IND")].types


def test_deliveries_from_a_state_go_to_the_subject():
    _, r = rels("Cuba suffered a blackout on Wednesday, as a collapse in fuel deliveries from Venezuela left plants idle.")
    rel = r[pair("VEN", "CUB")]
    assert (rel.source, rel.types) == ("VEN", ("energy trade",))


def test_known_leaders_alone_and_their_former_selves():
    _, r = rels("Tshisekedi accused Rwanda of arming the rebels.")
    assert r[pair("COD", "RWA")].source == "COD"
    m, _ = rels("Former US President Barack Obama spoke. Obama said so.")
    assert [a.id for a in m.actors] == ["USA"] and m.actors[0].mentions == 1


def test_arms_as_a_verb_and_the_object_before_its_subject():
    _, r = rels("Coltan is dug in areas held by the M23, the rebel movement Kigali arms and commands.")
    assert r[pair("RWA", "m23")].source == "RWA"
    _, r = rels("The UN arms embargo on Libya holds.")
    assert "military support" not in r[pair("un", "LBY")].types


def test_rulers_in_a_capital_and_money_committed():
    _, r = rels("Rome and Brussels have funded and trained the coast guard loyal to the government in Tripoli.")
    assert {r[pair(x, "LBY")].source for x in ("ITA", "eu")} == {"ITA", "eu"}
    _, r = rels("Under the 2016 statement the EU committed some €6 billion for refugees on Turkish soil.")
    assert "aid" in r[pair("eu", "TUR")].types
    _, r = rels("Kagame insists that his troops are in Congo only to protect Rwanda against the FDLR militia.")
    assert r[pair("RWA", "fdlr")].valence == "hostile"
    _, r = rels("American and Congolese negotiators have been hammering out a minerals-for-security partnership.")
    assert r[pair("USA", "COD")].valence == "cooperative"


def test_him_after_a_verb_is_the_official_named_before():
    _, r = rels("Venezuelan President Nicolás Maduro spoke. The Trump administration accuses him of running a narco-state.")
    assert r[pair("USA", "VEN")].source == "USA"
    _, r = rels("The analyst spoke. Russia accuses him of spying.")
    assert not r


def test_a_relation_noun_ends_before_the_verb():
    _, r = rels("Russia and China, Maduro's main creditors, have played no part in the Colombian talks.")
    assert {pair("RUS", "VEN"), pair("CHN", "VEN")} <= set(r) and pair("VEN", "COL") not in r


def test_more_hostile_and_money_verbs():
    _, r = rels("In September the State Department decertified Colombia as a partner.")
    assert r[pair("USA", "COL")].valence == "hostile"
    _, r = rels("The Colombian leader lashed out at the US strikes on boats.")
    assert r[pair("COL", "USA")].source == "COL"
    _, r = rels("The European Union has twice channelled €20 million to the Rwandan force.")
    assert "aid" in r[pair("eu", "RWA")].types


def test_ranges_subjects_that_are_none_and_a_states_own_council():
    _, r = rels("Asia's other export powerhouses, from Taiwan to Vietnam and Thailand, face the same squeeze.")
    assert not r
    _, r = rels("Contrary to rumours, no Ukrainian units are stationed in Lithuania.")
    assert not r
    m, _ = rels("Nikolai Patrushev, then secretary of Russia's Security Council, warned Vilnius.")
    assert "unsc" not in {a.id for a in m.actors}


def test_its_ministry_at_a_sentence_start_speaks_for_the_topic():
    _, r = rels("China watched the summit closely. Its foreign ministry accused the United States of building cliques.")
    assert r[pair("CHN", "USA")].source == "CHN"


def test_shutting_crossings_is_hostile():
    _, r = rels("Days later Poland shut every crossing with Belarus for the duration of the drills.")
    assert r[pair("POL", "BLR")].valence == "hostile"


def test_hitting_back_aims_at_the_actor_of_the_sentence_before():
    _, r = rels("North Korea has shipped millions of shells to Russia. Washington has hit back with sanctions.")
    assert r[pair("PRK", "RUS")].types == ("arms trade",)  # shells here are ammunition, not shelling
    assert r[pair("USA", "PRK")].types == ("sanctions",) and r[pair("USA", "PRK")].source == "USA"
    _, r = rels("Washington has hit back with sanctions.")
    assert not r


def test_the_bloc_of_doing_something_is_the_bloc():
    _, r = rels(
        "In February the European Union signed a memorandum with Rwanda. Tshisekedi accused the bloc of "
        "rewarding a country that exports minerals it does not have."
    )
    assert "hostility" in r[pair("COD", "eu")].types


def test_brokered_thaws_led_coalitions_and_pounding():
    _, r = rels("Saudi Arabia and Iran mark two years of a Beijing-brokered thaw.")
    assert {r[pair("CHN", x)].types for x in ("SAU", "IRN")} == {("mediation",)}
    _, r = rels("Since 2015 a Saudi-led coalition has fought the Houthi movement.")
    assert "war" in r[pair("SAU", "houthis")].types
    _, r = rels("The Russian-led CSTO stayed silent.")  # the leader of a bloc is in alliance with it
    assert set(r) == {pair("RUS", "csto")} and r[pair("RUS", "csto")].types == ("alliance",)
    _, r = rels("The United States and Britain have pounded Houthi targets since January.")
    assert {r[pair(x, "houthis")].types for x in ("USA", "GBR")} == {("war",)}


def test_regarding_as_its_enemy_bristling_and_deriding():
    _, r = rels("Israel, which regards Iran as its chief enemy, was caught off guard.")
    assert r[pair("ISR", "IRN")].valence == "hostile"
    _, r = rels("US officials privately bristled at China's role.")
    assert r[pair("USA", "CHN")].valence == "hostile"


def test_the_countrys_stands_for_the_state_just_named():
    _, r = rels("The African Union suspended Guinea after the coup, and ECOWAS froze the country's membership.")
    assert r[pair("ecowas", "GIN")].valence == "hostile"


def test_thrown_out_stripped_and_the_sino_prefix():
    _, r = rels("Gabon was thrown out of the AU in August 2023.")
    assert r[pair("african-union", "GAB")].source == "african-union"
    _, r = rels("The US stripped both Guinea and Gabon of trade preferences.")
    assert {pair("USA", "GIN"), pair("USA", "GAB")} <= set(r) and pair("GIN", "GAB") not in r
    _, r = rels("The Sino-Russian partnership gives Beijing little reason to object.")
    assert "alliance" in r[pair("CHN", "RUS")].types


def test_the_seed_is_mapped_to_the_issues_targets():
    # The issue's bar against the curated seed map: pair recall >= 0.9, precision >= 0.85.
    from mapviewer.seeds import default_seed

    seed = default_seed()
    gold = {pair(r.source, r.target) for r in seed.curated_map().relations}
    got = {pair(r.source, r.target) for r in extract_relations(seed.article()).relations}
    assert len(got & gold) / len(gold) >= 0.9 and len(got & gold) / len(got) >= 0.85


def test_the_two_sides_are_the_sides_of_the_texts_war():
    text = (
        "Fighting erupted in Khartoum between the Sudanese Armed Forces (SAF) and the paramilitary Rapid "
        "Support Forces. The United Arab Emirates denies arming the RSF, and Sudan accuses the Emiratis of "
        "genocide. Saudi Arabia and the United States brought the two sides to Jeddah in May."
    )
    _, r = rels(text)
    assert r[pair("SDN", "rsf")].types == ("war",)  # the bracketed acronym ends no list; no one "armed"
    assert {r[pair("SAU", x)].types for x in ("SDN", "rsf")} == {("mediation",)}
    assert pair("SAU", "ARE") not in r and pair("USA", "ARE") not in r


def test_a_ceasefire_brokered_after_fighting_named_in_the_sentence():
    _, r = rels(
        "In October Pakistani jets struck targets in Kabul, Afghan forces hit back at border posts, and "
        "dozens were killed before Qatar and Turkey brokered a fragile ceasefire."
    )
    assert {r[pair(m, p)].types for m in ("QAT", "TUR") for p in ("PAK", "AFG")} == {("mediation",)}
    # A mediator's own description names no sides of a conflict.
    _, r = rels("The UN mission, led since 2025 by Ghanaian diplomat Hanna Tetteh, in Libya has been trying to broker a roadmap.")
    assert pair("un", "GHA") not in r


def test_striking_a_deal_is_no_attack():
    _, r = rels("Athens struck its own partial delimitation agreement with Egypt.")
    assert r[pair("GRC", "EGY")].valence == "cooperative"
    _, r = rels("Israel struck Hezbollah positions in Lebanon.")
    assert r[pair("ISR", "hezbollah")].valence == "hostile"


def test_a_negated_verb_leaves_a_possessed_relation_noun_standing():
    _, r = rels("Vietnam has not condemned Moscow's invasion of Ukraine.")
    assert r[pair("RUS", "UKR")].types == ("war",) and pair("VNM", "RUS") not in r
    for text in ("Russia is not Armenia's ally any more.", "Hungary never became Russia's ally."):
        assert not rels(text)[1], text


def test_a_group_named_by_a_states_adjective_is_the_group():
    _, r = rels("Hezbollah, the Lebanese militia Tehran has bankrolled and armed since the 1980s, was meant to be the crown jewel.")
    assert r[pair("IRN", "hezbollah")].valence == "cooperative" and pair("IRN", "LBN") not in r
    _, r = rels("Iran arms the Houthis. The Yemeni movement has kept firing at Israel's Ben Gurion airport.")
    assert r[pair("houthis", "ISR")].types == ("war",) and pair("YEM", "ISR") not in r
    # A group based far from the state named is not meant.
    _, r = rels("Iran arms the Houthis. The Nigerian militants attacked a Chinese mine.")
    assert pair("houthis", "CHN") not in r


def test_armed_forces_stand_for_their_state_and_aircraft_carry_no_goods():
    _, r = rels("Royal Air Force Typhoons flying from Cyprus shot down Iranian drones over Iraq and Syria.")
    assert r[pair("GBR", "IRN")].types == ("war",) and pair("GBR", "CYP") not in r
    _, r = rels("Emirati cargo planes were flying weapons into eastern Chad.")
    assert r[pair("ARE", "TCD")].types == ("arms trade",)
    _, r = rels("People's Liberation Army warships encircled Taiwan.")
    assert r[pair("CHN", "TWN")].valence == "hostile"


def test_the_atoll_nation_is_the_atoll_state_named_before():
    _, r = rels("Kiribati lies on the equator. The atoll nation cut ties with Taipei in 2019.")
    assert r[pair("KIR", "TWN")].valence == "hostile"


def test_each_other_and_drawing_closer_relate_the_subjects():
    _, r = rels("Armenia and Azerbaijan accused each other of shelling.")
    assert r[pair("ARM", "AZE")].valence == "hostile"
    _, r = rels("India and Pakistan have attacked one another twice.")
    assert r[pair("IND", "PAK")].types == ("war",)
    _, r = rels("Hanoi and Manila have edged closer.")
    assert r[pair("VNM", "PHL")].valence == "cooperative"
    _, r = rels("Russia has swung towards the Sudanese army.")
    assert r[pair("RUS", "SDN")].valence == "cooperative"
    # Without the pronoun, a list of subjects with a one-sided verb relates no one.
    assert not rels("Armenia and Azerbaijan accused Russia's peacekeepers of bias.")[1].get(pair("ARM", "AZE"))


def test_places_named_after_states_relate_no_one():
    _, r = rels("They made peace in 2018, in a deal brokered by the United Arab Emirates and signed in the Saudi city of Jeddah.")
    assert pair("ARE", "SAU") not in r
    _, r = rels("Libya's Haftar backs the RSF. Sudan accused Haftar's forces of attacking border posts in the triangle where Sudan, Libya and Egypt meet.")
    assert not {pair("SDN", "EGY"), pair("LBY", "EGY"), pair("SDN", "LBY")} & set(r)
    assert r[pair("lna", "SDN")].valence == "hostile"
    # Neighbours described in an aside are no relation; stated in the main clause they are.
    _, r = rels("Algeria and Tunisia, which share long borders with Libya, have stayed on the sidelines.")
    assert not r
    _, r = rels("Algeria shares a long border with Libya.")
    assert r[pair("DZA", "LBY")].types == ("neighbours",)


def test_aligned_actors_and_those_acted_for():
    _, r = rels("The Iran-aligned Houthis began attacking merchant ships in what they call solidarity with Palestinians.")
    assert r[pair("IRN", "houthis")].valence == "cooperative"
    assert pair("houthis", "PSE") not in r and pair("IRN", "PSE") not in r


def test_a_leaders_own_security_council_is_not_the_uns():
    _, r = rels("Serbian President Aleksandar Vucic convened an emergency meeting of his security council.")
    assert not r
    # "Kosovar" only describes the diaspora: the two sides are still Serbia's and Kosovo's.
    _, r = rels("Serbia and Kosovo fought a war in 1999. Germany, which hosts a large Kosovar diaspora, has brought both sides together.")
    assert {r[pair("DEU", x)].types[0] for x in ("SRB", "XKX")} == {"mediation"}


def test_relative_clause_after_a_bracketed_acronym_and_goods_taken():
    _, r = rels("Pakistan accuses Kabul of sheltering the Tehreek-e-Taliban Pakistan (TTP), which has killed hundreds of Pakistani soldiers.")
    assert r[pair("ttp", "PAK")].types == ("war",)
    _, r = rels("Budapest already takes Russian gas.")
    assert r[pair("RUS", "HUN")].types == ("energy trade",) and r[pair("RUS", "HUN")].source == "RUS"
    _, r = rels("Northern Cyprus has echoed Ankara's line at every turn.")
    assert r[pair("northern-cyprus", "TUR")].valence == "cooperative"


def test_a_geographic_region_is_named_but_relates_no_one():
    m, r = rels("Rabat has courted the Sahel juntas. A Sahel analyst said Mali was stuck.")
    assert "sahel" in {a.id for a in m.actors} and not any("sahel" in k for k in r)


def test_the_sahel_juntas_and_the_military_governments_are_the_states_listed():
    lead = "Mali, Burkina Faso and Niger left ECOWAS in January. "
    _, r = rels(lead + "Rabat has courted the Sahel juntas with an Atlantic initiative.")
    assert {r[pair("MAR", x)].valence for x in ("MLI", "BFA", "NER")} == {"cooperative"}
    _, r = rels(lead + "The military governments have also welcomed Russian military instructors.")
    assert {r[pair("RUS", x)].valence for x in ("MLI", "BFA", "NER")} == {"cooperative"}
    # With no list of states before, "the juntas" stand for no one.
    _, r = rels("Rabat has courted the Sahel juntas with an Atlantic initiative.")
    assert not r


def test_working_together_relates_the_subjects_not_the_place():
    _, r = rels("Iran and Russia have worked together in Syria since 2015.")
    assert set(r) == {pair("IRN", "RUS")} and r[pair("IRN", "RUS")].valence == "cooperative"
    _, r = rels("Polish and Lithuanian battalions now rehearse together several times a year.")
    assert r[pair("POL", "LTU")].valence == "cooperative"
    _, r = rels("Qatar brought Israel and Hamas together in Doha.")
    assert pair("ISR", "hamas") not in r and r[pair("QAT", "hamas")].types == ("mediation",)
    _, r = rels("Russia, together with China, blocked the resolution.")
    assert pair("RUS", "CHN") not in r


def test_a_sentence_opening_with_its_has_the_topic_as_possessor():
    _, r = rels("Kosovo has built up its army. Its purchase of Turkish-made Bayraktar drones in 2023 drew a protest.")
    assert r[pair("TUR", "XKX")].types == ("arms trade",)


def test_his_opens_on_the_official_named_last_and_not_to_x_but_to_y():
    _, r = rels("Indian Prime Minister Narendra Modi met troops. His government signed a defence pact with Washington.")
    assert r[pair("IND", "USA")].valence == "cooperative"
    _, r = rels(
        "Maldivian President Mohamed Muizzu won in 2023. His first state visit was not to India but to China, "
        "where he praised Beijing as a close ally."
    )
    assert pair("MDV", "CHN") in r and pair("MDV", "IND") not in r


def test_the_iran_aligned_movement_is_the_movement_named_before():
    lead = "The Houthis have fired missiles at Israel. Since November 2023 "
    _, r = rels(lead + "the Iran-aligned movement has attacked merchant ships in the Red Sea.")
    assert r[pair("IRN", "houthis")].valence == "cooperative"
    _, r = rels(lead + "the Iran-backed movement has attacked merchant ships in the Red Sea.")
    assert r[pair("IRN", "houthis")].types == ("military support",)


def test_the_territory_is_the_disputed_territory_named_before():
    _, r = rels("Somaliland declared independence in 1991. Mogadishu, which considers the territory an integral part of Somalia, has never accepted its secession.")
    assert r[pair("SOM", "somaliland")].valence == "hostile"


def test_other_councils_gulf_states_and_people_named_chad():
    from mapviewer.extract.mentions import find_mentions

    def actors(text):
        return [m.actor for m in find_mentions(text)]

    assert "unsc" not in actors("Sudan's Defence and Security Council said it would cut ties.")
    assert "unsc" not in actors("The National Security Council met on Monday.")
    assert "unsc" in actors("In New York, Security Council members met.")
    assert "gulf-states" not in actors("Khartoum branded the Gulf state an aggressor.")
    assert "gulf-states" in actors("The Gulf states agreed.")
    assert "TCD" not in actors("A US Army trainer, a Texan named Chad, put it bluntly.")


def test_lists_borders_as_nouns_and_shuttle_diplomacy_with():
    assert not rels("Iraq joins Lebanon, Libya and Yemen on the list of Arab states whose borders are defined by others.")[1]
    _, r = rels("Frontex, the bloc's border agency, has sent officers to Poland and Lithuania.")
    assert "neighbours" not in {t for rel in r.values() for t in rel.types}
    _, r = rels("Armenia is landlocked. Its borders with Turkey and Azerbaijan have been sealed for three decades.")
    assert pair("ARM", "TUR") in r
    _, r = rels("Azerbaijan shares a border with Iran.")
    assert r[pair("AZE", "IRN")].types == ("neighbours",)
    _, r = rels("South Korea has revived shuttle diplomacy with Tokyo.")
    assert r[pair("KOR", "JPN")].types == ("diplomatic ties",)


def test_the_venue_of_an_event_is_no_candidate_of_the_pair_scorer():
    from mapviewer.extract.relations import _Extractor

    text = "Speaking at the Shangri-La Dialogue in Singapore, he said an attack on a Filipino would be an act of war by China."
    x = _Extractor(article_from_text(text), scorer=None)
    x.keep_candidates = True
    x.run(None, None)
    pairs = {frozenset((a, b)) for _, a, b, _, _ in x._cands}
    assert pair("PHL", "CHN") in pairs and not any("SGP" in p for p in pairs)


def test_drills_talks_walkouts_and_breaks_with():
    _, r = rels("Japan now holds regular trilateral drills with Seoul and Washington.")
    assert {r[pair("JPN", x)].valence for x in ("KOR", "USA")} == {"cooperative"}
    assert "cooperation" not in getattr(rels("China staged drills near Taiwan.")[1].get(pair("CHN", "TWN")), "types", ())
    _, r = rels("Erdogan discussed the crisis by telephone with Egyptian President Abdel Fattah al-Sisi.")
    assert r[pair("TUR", "EGY")].types == ("diplomatic ties",)
    _, r = rels("Latvia walked out of China's 16+1 format in 2022.")
    assert r[pair("LVA", "CHN")].valence == "hostile"
    _, r = rels("The US is locked in a contest with Beijing over minerals.")
    assert r[pair("USA", "CHN")].types == ("rivalry",)
    _, r = rels("Russia reopened its embassy in Ouagadougou in December 2023.")
    assert r[pair("RUS", "BFA")].valence == "cooperative"
    _, r = rels("The State Department still lists the PKK as a terrorist organisation.")
    assert r[pair("USA", "pkk")].valence == "hostile"
    _, r = rels("Mali, Burkina Faso and Niger broke with Paris. In January 2025 the three formally walked out of ECOWAS.")
    assert {r[pair(x, y)].valence for x in ("MLI", "BFA", "NER") for y in ("FRA", "ecowas")} == {"hostile"}


def test_the_doer_of_a_condemned_act_and_no_limits_partnerships():
    _, r = rels("The EU condemned the militarisation of Abkhazia by Russia.")
    assert r[pair("eu", "RUS")].valence == "hostile" and pair("eu", "abkhazia") not in r
    _, r = rels("China's no limits partnership with Russia has deepened.")
    assert r[pair("CHN", "RUS")].valence == "cooperative"
    assert not rels("Russia has no partnership with China.")[1]


def test_goods_carried_links_and_temporal_phrases():
    _, r = rels("American destroyers and THAAD batteries rushed to Israel intercepted dozens of missiles.")
    assert r[pair("USA", "ISR")].types == ("arms trade",)
    _, r = rels("Iranian tankers have shipped condensate to thin Venezuela's heavy crude.")
    assert r[pair("IRN", "VEN")].types == ("energy trade",)
    _, r = rels("Bratislava and Budapest now coordinate their positions before EU meetings.")
    assert set(r) == {pair("SVK", "HUN")}
    _, r = rels("The US Treasury has blacklisted a string of Wagner-linked gold and timber companies.")
    assert r[pair("USA", "wagner-group")].valence == "hostile"
    _, r = rels("Niger's junta seized power in 2023. In Niger, Russian instructors arrived in April, weeks after the junta cosied up to Moscow.")
    assert r[pair("NER", "RUS")].valence == "cooperative"


def test_a_war_in_a_place_and_drills_near_a_border():
    assert not rels("The two rivals spent the following years on opposite sides of wars in Yemen and Syria.")[1]
    _, r = rels("Russia's war in Ukraine has lasted three years.")
    assert r[pair("RUS", "UKR")].types == ("war",)
    _, r = rels("American and Finnish soldiers have since held joint artillery drills near the Russian border.")
    assert set(r) == {pair("USA", "FIN")} and r[pair("USA", "FIN")].types == ("cooperation",)


def test_a_memorandum_with_a_state_is_cooperation():
    _, r = rels("Ankara's 2019 maritime memorandum with the government in Tripoli carves a corridor across the sea.")
    assert r[pair("TUR", "LBY")].types == ("cooperation",)


def test_people_with_two_roles_summits_snapback_and_ethnic_kin():
    from mapviewer.extract.mentions import find_mentions

    def actors(text):
        return [m.actor for m in find_mentions(text)]

    assert actors("NATO Secretary-General Mark Rutte called the deployments reckless.") == ["nato"]
    assert actors("Rutte said so.") == ["nato"]  # the latest role
    assert actors("Dutch Prime Minister Mark Rutte met the press.") == ["NLD"]  # a title naming the other role
    assert "ALB" not in actors("Kurti installed ethnic Albanian mayors in the north.")
    assert "gulf-states" not in actors("The UAE is Abiy's closest Gulf partner.")
    _, r = rels("Xi Jinping, on his first trip to South Korea in eleven years, held a summit with Lee Jae-myung.")
    assert r[pair("CHN", "KOR")].types == ("diplomatic ties",)
    _, r = rels("Britain, France and Germany pulled the trigger on snapback against Tehran.")
    assert {r[pair(x, "IRN")].types for x in ("GBR", "FRA", "DEU")} == {("sanctions",)}
    _, r = rels("Uruguay's government has sparred with Buenos Aires over the channel.")
    assert r[pair("URY", "ARG")].valence == "hostile"
    _, r = rels("Ugandan troops have operated in Ituri since 2021 to hunt down the Allied Democratic Forces.")
    assert r[pair("UGA", "adf")].types == ("war",)
    assert not rels("Russian transport planes have shuttled between the al-Khadim and al-Jufra airbases.")[1]


def test_vetoed_verbs_do_not_hide_a_joint_noun_and_staying_out_is_no_part():
    _, r = rels("In December, Chinese and Russian strategic bombers flew a joint patrol near both countries.")
    assert r[pair("CHN", "RUS")].valence == "cooperative"
    assert not rels("Sudan, South Sudan and Kenya, which also border Ethiopia, have stayed out of the quarrel.")[1]


def test_incursions_abductions_and_turning_guns_on_each_other():
    _, r = rels("Three Russian fighters violated Estonian airspace for 12 minutes.")
    assert r[pair("RUS", "EST")].valence == "hostile"
    _, r = rels("Some 20 Russian drones crossed into Polish airspace on a single night.")
    assert r[pair("RUS", "POL")].valence == "hostile"
    assert not rels("Migrants crossed into Poland from Belarus.")[1]
    _, r = rels("Japan's prime minister has made the fate of citizens abducted by North Korean agents a personal cause.")
    assert r[pair("PRK", "JPN")].valence == "hostile"
    _, r = rels("Sudan's army and the paramilitary Rapid Support Forces (RSF) turned their guns on each other in April 2023.")
    assert r[pair("SDN", "rsf")].types == ("war",)


def test_troops_sent_to_a_state_support_it_but_into_it_say_nothing():
    _, r = rels("Hungary's parliament approved sending up to 200 soldiers to Chad, citing migration.")
    assert r[pair("HUN", "TCD")].types == ("military support",)
    assert pair("RUS", "UKR") not in rels("Russia sent troops into Ukraine.")[1]


def test_analysts_of_a_state_fatah_rockets_and_forums():
    from mapviewer.extract.mentions import find_mentions

    def actors(text):
        return [m.actor for m in find_mentions(text)]

    assert actors("said Jordan Whitfield, a Libya analyst at the London consultancy Maghreb Risk.") == ["maghreb"]
    assert actors("Russia hands over prisoners.") == ["RUS"]
    assert "fatah" not in actors("Pakistan hit back with artillery and Fatah rockets.")
    assert "fatah" in actors("Hamas and Fatah signed a deal.")
    _, r = rels("Russian diplomats routinely denounce US sanctions at the UN Security Council as coercion.")
    assert set(r) == {pair("RUS", "USA")}


def test_trading_blows_carrying_messages_packing_and_escaping():
    _, r = rels("Vietnam has traded blows with Beijing over the Paracels for decades.")
    assert r[pair("VNM", "CHN")].valence == "hostile"
    _, r = rels("Egypt and Qatar have carried messages between Israel and Hamas.")
    assert {r[pair(m, p)].types for m in ("EGY", "QAT") for p in ("ISR", "hamas")} == {("mediation",)}
    _, r = rels("Chad, Niger and Burkina Faso have since sent French troops packing.")
    assert {r[pair(x, "FRA")].valence for x in ("TCD", "NER", "BFA")} == {"hostile"}
    assert not rels("Algeria has signed no migration accord with Rome.")[1]
    assert not rels("So far Kazakhstan has escaped Washington's secondary sanctions.")[1]
    assert not rels("Beijing said the logic of disarmament had to apply on both sides of the border.")[1]
    _, r = rels("Azerbaijan overran Nagorno-Karabakh in a day.")
    assert r[pair("AZE", "nagorno-karabakh")].types == ("war",)
    _, r = rels("The CSTO stayed silent. The Moscow-led alliance dispatched a fact-finding mission.")
    assert r[pair("RUS", "csto")].types == ("alliance",)


def test_a_capital_as_target_and_dishes_named_after_states():
    from mapviewer.extract.mentions import find_mentions

    assert [m.actor for m in find_mentions("Aliyev has lashed out at Paris for arming Armenia.")] == ["AZE", "FRA", "ARM"]
    assert not find_mentions("She sells Vietnamese iced coffee and Thai basil noodles from a stall.")


def test_aligning_a_policy_with_another_state():
    _, r = rels("New Zealand has aligned its Pacific policy ever more closely with Canberra's.")
    assert r[pair("NZL", "AUS")].valence == "cooperative"


def test_they_for_a_coordinated_subject_and_alongside():
    _, r = rels("Russia and Iran said they would deepen ties with Belarus.")
    assert {pair("RUS", "BLR"), pair("IRN", "BLR")} <= set(r)
    assert not rels("Deuba will sit alongside counterparts from Bangladesh, Myanmar and Sri Lanka at the meeting.")[1]
    _, r = rels("Britain stood alongside the United States.")
    assert r[pair("GBR", "USA")].types == ("cooperation",)
    _, r = rels("The Kurdish-led Syrian Democratic Forces control the north-east.")
    assert not r


def test_both_sides_after_between_and_negation_reaching_into_a_phrase():
    _, r = rels("Mexico has offered to host informal talks between Guatemala and Belize if both sides want it.")
    assert {r[pair("MEX", x)].types for x in ("GTM", "BLZ")} == {("mediation",)} and pair("MEX", "USA") not in r
    assert not rels("A Japanese official said Tokyo was not in discussions about a similar access agreement with Hanoi.")[1]


def test_acronyms_defined_in_brackets_and_more_cue_words():
    from mapviewer.extract.mentions import find_mentions

    text = "Uganda fights the Allied Democratic Forces (ADF) in Ituri. The ADF struck again."
    assert [m.actor for m in find_mentions(text)] == ["UGA", "adf", "adf"]
    assert "adf" not in [m.actor for m in find_mentions("The ADF trains in Darwin with the US Marines.")]
    _, r = rels("The Allied Democratic Forces kill civilians. Its leader pledged allegiance to the Islamic State group.")
    assert r[pair("adf", "islamic-state")].types == ("alliance",)
    _, r = rels("Honduras, which contests Belize's ownership of the tiny Sapodilla Cayes, has a case pending.")
    assert r[pair("HND", "BLZ")].types == ("territorial dispute",)
    _, r = rels("Japan already has comparable arrangements with Australia and Britain.")
    assert {r[pair("JPN", x)].valence for x in ("AUS", "GBR")} == {"cooperative"}
    _, r = rels("That stance has also put Kuwait at odds with Iran.")
    assert r[pair("KWT", "IRN")].valence == "hostile"
    _, r = rels("Angola, still Beijing's largest African debtor, knows that contest well.")
    assert r[pair("AGO", "CHN")].types == ("dependence",)
    _, r = rels("Venezuela kept shipping as much as 100,000 barrels a day to Havana.")
    assert r[pair("VEN", "CUB")].types == ("energy trade",)


def test_a_second_verb_after_and_or_a_comma_keeps_the_first_verbs_subject():
    _, r = rels("Bamako and Ouagadougou had already shown French troops the door and cosied up to Moscow instead.")
    assert {r[pair(x, "RUS")].valence for x in ("MLI", "BFA")} == {"cooperative"}
    assert {r[pair(x, "FRA")].valence for x in ("MLI", "BFA")} == {"hostile"}
    assert pair("FRA", "RUS") not in r
    _, r = rels("Serbia's president has courted Brussels for accession funds, cosied up to Beijing for loans.")
    assert pair("SRB", "CHN") in r and pair("eu", "CHN") not in r
    # No subject to share: the nearest actor still acts ("the US 'stands with its ally' and accused Beijing").
    _, r = rels('A statement said the US "stands with its ally" and accused Beijing of dangerous conduct.')
    assert r[pair("USA", "CHN")].valence == "hostile"


def test_idioms_of_closeness_and_quarrel():
    _, r = rels("Kyiv has worked hand in glove with Chisinau on border security.")
    assert r[pair("UKR", "MDA")].valence == "cooperative"
    _, r = rels('Britain, the former colonial power, said it stood "shoulder to shoulder" with Guyana.')
    assert r[pair("GBR", "GUY")].valence == "cooperative"
    _, r = rels("Brussels is now at loggerheads with Norway over the same stock.")
    assert r[pair("eu", "NOR")].valence == "hostile"
    assert not rels("The minister showed Chinese guests round the Norwegian port.")[1]


def test_denials_avoidance_and_sources_state_no_relation():
    assert not rels("Rwanda denies that its troops attacked Congo.")[1]
    assert not rels("Riyadh flatly denied an Israeli newspaper report last month that it had received a Hamas delegation.")[1]
    assert not rels("Nairobi has not sent soldiers, and Kenyan officials have avoided criticising the Ugandan deployment.")[1]
    _, r = rels("About half of Laos's external debt is owed to China, according to the World Bank.")
    assert pair("CHN", "LAO") in r and not any("world-bank" in p for p in r)
    # A denial governs its own "that" clause only.
    _, r = rels("Kigali rejects the accusations, and Kagame insists that his troops are in Congo to protect Rwanda against the FDLR.")
    assert r[pair("RWA", "fdlr")].valence == "hostile"


def test_a_brokered_deal_with_one_party_named_relates_the_clauses_subject():
    _, r = rels("Saudi Arabia is calm. The kingdom restored relations with Iran in 2023 in a deal brokered by Beijing.")
    assert {r[pair("CHN", x)].types for x in ("SAU", "IRN")} == {("mediation",)}
    _, r = rels("Congo and Rwanda signed a peace agreement brokered by the United States, committing Kinshasa to neutralise the FDLR.")
    assert {r[pair("USA", x)].types for x in ("COD", "RWA")} >= {("mediation",)} and pair("USA", "fdlr") not in r


def test_a_group_named_to_describe_another_is_no_antecedent():
    _, r = rels("Al-Shabaab, al-Qaeda's affiliate in East Africa, retook towns. Ethiopian troops have battled the insurgents since 2006.")
    assert r[pair("ETH", "al-shabaab")].valence == "hostile" and pair("ETH", "al-qaeda") not in r
    _, r = rels("JNIM, the al-Qaeda-aligned coalition, has bled the army. Benin lost 54 troops in a single assault by the jihadists.")
    assert pair("BEN", "jnim") in r and pair("BEN", "al-qaeda") not in r
    _, r = rels("Kinshasa invited Uganda to help it hunt the Allied Democratic Forces, a militia that fights under the Islamic State banner.")
    assert pair("COD", "adf") in r and not any("islamic-state" in p for p in r)


def test_venue_names_and_places_named_like_states_are_no_party():
    from mapviewer.extract.mentions import find_mentions

    _, r = rels("The rebels pulled out on the eve of the Luanda talks, blaming fresh European Union sanctions on the M23.")
    assert not any("AGO" in p for p in r)
    assert [m.actor for m in find_mentions("Moscow talks tough on Kyiv.")] == ["RUS", "UKR"]  # a verb: Moscow acts
    assert [m.actor for m in find_mentions("fishing licences around South Georgia and in Benin City")] == []


def test_both_capitals_are_states_not_a_states_rebels():
    text = (
        "The M23 rebels fought Congo's army for months. The M23 seized Goma after fighting the army. "
        "US officials have courted both capitals with a minerals framework."
    )
    _, r = rels(text)
    assert pair("USA", "m23") not in r


def test_joint_before_a_compound_wariness_and_brushing_aside():
    _, r = rels("Concern deepened after joint Sino-Russian coast guard patrols in Arctic waters.")
    assert r[pair("CHN", "RUS")].valence == "cooperative"
    _, r = rels("Hanoi is wary of a Laos that drifts into Beijing's orbit.")
    assert r[pair("VNM", "LAO")].valence == "hostile"
    _, r = rels("Maduro brushed aside a May 1 order from the International Court of Justice.")
    assert r[pair("VEN", "icj")].valence == "hostile"
    assert not rels("Officials in Hanoi brushed their teeth.")[1]


def test_nouns_places_of_origin_and_an_apposition_possessed_by_the_subject():
    assert not rels("The camp is guarded by the SDF. Its foreign annex houses children from France and Russia.")[1]
    _, r = rels("Djibouti matters. It carries a tenth of world trade, in ships owned in Greece, China and Denmark.")
    assert not any("GRC" in p or "DNK" in p for p in r)
    _, r = rels("Modi travelled to Tianjin for the Shanghai Cooperation Organisation summit, his first visit to China in years.")
    assert pair("IND", "CHN") in r and pair("sco", "CHN") not in r
    _, r = rels("Niger's junta expelled Chinese executives. The clash with Chinese firms echoes the junta's earlier showdown with France.")
    assert r[pair("NER", "CHN")].valence == "hostile" and r[pair("NER", "FRA")].valence == "hostile"
    _, r = rels("Budapest has echoed Moscow's line at every turn.")
    assert r[pair("HUN", "RUS")].valence == "cooperative"


def test_the_two_sides_brought_to_talks_are_a_war_before_a_more_often_told_quarrel():
    text = (
        "Sudan accused the UAE of complicity. Khartoum denounced Abu Dhabi again in May. "
        "Sudan's army and the RSF have fought since April 2023. "
        "Saudi Arabia and the United States brought the two sides to Jeddah."
    )
    _, r = rels(text)
    assert r[pair("SAU", "rsf")].types == ("mediation",) and pair("SAU", "ARE") not in r


def test_a_back_reference_noun_in_apposition_is_its_head():
    _, r = rels("JNIM attacked Mali in May. ECOWAS, the regional group, then sanctioned Mali.")
    assert r[pair("ecowas", "MLI")].types == ("sanctions",) and r[pair("jnim", "MLI")].types == ("war",)
    _, r = rels("The bloc met the Alliance of Sahel States. JNIM, the al-Qaeda-aligned coalition, has bled the army.")
    assert pair("al-qaeda", "jnim") in r and pair("al-qaeda", "alliance-of-sahel-states") not in r


def test_the_junta_with_no_owner_named_is_the_juntas_of_the_state_the_text_is_set_in():
    text = (
        "Soldiers in Niger seized power in 2023. Across Niger, fuel is scarce. In Niger, prices have doubled. "
        "Russia sent instructors to Burkina Faso. The United States left months after the junta tore up its accord with Washington."
    )
    _, r = rels(text)
    assert pair("NER", "USA") in r and pair("RUS", "USA") not in r


def test_an_x_brokered_detente_with_y_relates_the_subject_and_y():
    _, r = rels("Saudi Arabia is calm. It also enjoys the China-brokered détente with Tehran it struck in 2023.")
    assert {r[pair("CHN", x)].types for x in ("SAU", "IRN")} == {("mediation",)}


def test_its_after_saying_is_the_sayers():
    _, r = rels('Kigali denies commanding the M23, saying its "defensive measures" target the FDLR.')
    assert r[pair("RWA", "fdlr")].valence == "hostile" and pair("m23", "fdlr") not in r


def test_driving_out_and_a_compound_modified_back_reference():
    _, r = rels("It is guarded by the Syrian Democratic Forces (SDF), the Kurdish-led militia that drove Islamic State out of Baghouz.")
    assert r[pair("sdf", "islamic-state")].valence == "hostile"
    assert not rels("Officials in Nairobi drove out to the airport.")[1]


def test_a_list_going_on_past_a_name_the_gazetteer_lacks_is_still_a_list():
    _, r = rels("In December 2024, Norway, the United Kingdom and the Faroe Islands struck a deal dividing the mackerel stock.")
    assert r[pair("NOR", "GBR")].valence == "cooperative"
    _, r = rels("Russia, Algeria's main arms supplier, condemned Mali.")
    assert pair("RUS", "MLI") in r and pair("DZA", "MLI") not in r


def test_a_present_participle_between_commas_before_the_main_verb_is_an_aside():
    _, r = rels("Egyptian officers, working alongside Qatari and American envoys, shuttled proposals between Israel and Hamas.")
    assert {r[pair("EGY", x)].types for x in ("ISR", "hamas")} == {("mediation",)}
    assert pair("QAT", "hamas") not in r and r[pair("EGY", "QAT")].valence == "cooperative"


def test_an_object_possessed_by_the_subject_is_passed_for_what_follows_its_preposition():
    _, r = rels("Pashinyan has since frozen Armenia's participation in the CSTO.")
    assert r[pair("ARM", "csto")].valence == "hostile"


def test_a_list_opening_a_clause_of_time_and_a_co_prefixed_verb():
    _, r = rels('Six months after Britain, France and Germany pulled the trigger on "snapback" against Tehran, sanctions returned.')
    assert {r[pair(x, "IRN")].valence for x in ("GBR", "FRA", "DEU")} == {"hostile"}
    _, r = rels("A summit that drew leaders from Egypt, Iran and the UAE gave both men a stage.")
    assert not r
    _, r = rels("France co-sponsored the ceasefire and has since poured money and equipment into the Lebanese army.")
    assert r[pair("FRA", "LBN")].types == ("aid",)


def test_choking_supply_lines_is_hostile():
    _, r = rels("JNIM attacked army posts in Burkina Faso. In Mali, the same group has choked fuel convoys heading to Bamako.")
    assert r[pair("jnim", "MLI")].valence == "hostile"


def test_the_subject_of_a_clause_before_an_active_mediation_is_no_party():
    _, r = rels("Turkey threatened to intervene and Russia brokered a deal that will see Armenians leave certain areas.")
    assert pair("RUS", "TUR") not in r


def test_a_but_inside_a_relative_clause_does_not_cut_the_main_clause_from_its_subject():
    text = "Washington, which does not recognise Taiwan but remains its supplier, is locked in a tariff war with Beijing."
    _, r = rels(text)
    assert r[pair("USA", "CHN")].valence == "hostile" and pair("USA", "TWN") not in r


def test_idioms_of_blame_and_solidarity():
    _, r = rels("Increasingly, Jordan also points the finger at Iran.")
    assert r[pair("JOR", "IRN")].valence == "hostile"
    _, r = rels("The EU closed ranks behind Sweden.")
    assert r[pair("eu", "SWE")].valence == "cooperative"
    _, r = rels("Hungary moved in lockstep with Turkey.")
    assert r[pair("HUN", "TUR")].valence == "cooperative"
    _, r = rels("Algeria withdrew its ambassador from Paris within days.")
    assert r[pair("DZA", "FRA")].valence == "hostile"


def test_a_pair_at_odds_in_an_aside_and_a_compound_warning_is_no_warning():
    _, r = rels("Seoul and Tokyo, long at odds over wartime history, have stepped up sharing of missile-warning data with Washington.")
    assert r[pair("KOR", "JPN")].valence == "hostile"
    assert {r[pair(x, "USA")].valence for x in ("KOR", "JPN")} == {"cooperative"}
    _, r = rels("Berlin and Warsaw, for all their squabbling over reparations, now share radar data in real time.")
    assert r[pair("DEU", "POL")].valence == "mixed"


def test_switching_recognition_is_hostile_to_one_side_and_friendly_to_the_other():
    for text in (
        "Nauru switched diplomatic recognition from Taipei to Beijing.",
        "Honduras dropped Taipei for Beijing in 2023.",
        "Honduras ditched Taiwan in favour of China.",
    ):
        m, r = rels(text)
        (x,) = {a for a in (m.relations[0].source, m.relations[0].target) if a not in ("CHN", "TWN")}
        assert r[pair(x, "TWN")].valence == "hostile" and r[pair(x, "CHN")].valence == "cooperative", text
        assert pair("CHN", "TWN") not in r
    _, r = rels("Turkey dropped its objection to Sweden.")
    assert r[pair("TUR", "SWE")].valence == "cooperative"


def test_two_capitals_reopening_a_crossing_relate_to_each_other():
    _, r = rels("Museveni and Kagame spent years at daggers drawn before Kampala and Kigali reopened the Gatuna crossing.")
    assert r[pair("UGA", "RWA")].types == ("hostility", "cooperation")
    _, r = rels("Kampala and Kigali reopened a factory.")
    assert not r


def test_a_short_aside_does_not_shield_a_verb_from_its_negation():
    for text in (
        "Turkey has not, however, offered to mediate between Baku and Moscow.",
        "South Korea has not, however, sent weapons to Ukraine.",
    ):
        assert not rels(text)[1], text
    _, r = rels("Turkey has, however, offered to mediate between Baku and Moscow.")
    assert r[pair("TUR", "AZE")].types == ("mediation",)
    _, r = rels("South Korea has not sent weapons to Ukraine but signed a deal with Poland.")
    assert r[pair("KOR", "POL")].valence == "cooperative" and pair("KOR", "UKR") not in r


def test_a_sentence_opening_with_nor_negates_its_main_clause_only():
    assert not rels("Nor, contrary to rumours in Buenos Aires, has India signed any swap arrangement with Argentina.")[1]
    _, r = rels("Nor has Washington, which sold weapons to Israel throughout the war, shown appetite to lean on Netanyahu.")
    assert r[pair("USA", "ISR")].types == ("arms trade",)
    _, r = rels("Neither Bogota nor Brasilia has recognised the result, and in October Brazil vetoed Venezuela's bid.")
    assert r[pair("BRA", "VEN")].valence == "hostile"


def test_spectators_of_a_signing_are_no_party_to_it():
    assert not rels("Diplomats from France, Iran and India attended the signing of the joint statement as observers.")[1]
    assert not rels("Diplomats from Japan, Indonesia and France watched the treaty signing from the gallery.")[1]
    _, r = rels("Iran attended talks with Saudi Arabia in Baghdad.")
    assert r[pair("IRN", "SAU")].valence == "cooperative"


def test_more_heads_of_state_and_government_stand_for_their_states():
    _, r = rels("President Mohamed Muizzu, who has cosied up to China since taking office, protested.")
    assert r[pair("MDV", "CHN")].valence == "cooperative"
    _, r = rels("Embaló visited Moscow repeatedly during his presidency.")
    assert r[pair("GNB", "RUS")].valence == "cooperative"
    _, r = rels("President Bernardo Arévalo, who visited Taipei in 2025, has stood firmly by the island.")
    assert r[pair("GTM", "TWN")].valence == "cooperative"


def test_appeals_withheld_money_and_kept_troops():
    _, r = rels("Belgrade spent those months pleading with Washington for yet another reprieve.")
    assert r[pair("SRB", "USA")].valence == "cooperative"
    _, r = rels("Washington urged New Delhi to cooperate with the inquiry.")
    assert r[pair("USA", "IND")].types == ("diplomatic ties",)
    assert not rels("China urged both sides to exercise restraint.")[1]
    _, r = rels("The European Commission still withholds some 18 billion euros earmarked for Hungary.")
    assert r[pair("eu", "HUN")].valence == "hostile"
    _, r = rels("Ankara has kept troops in Qatar since 2017 under a defence pact.")
    assert r[pair("TUR", "QAT")].types == ("hosting",)
    assert not rels("Berlin kept Stockholm hanging for another month.")[1]


def test_a_led_action_is_its_leaders_and_intensifiers_do_not_hide_a_particle():
    _, r = rels("The rift dated back to the 2017 Saudi-led boycott of Qatar.")
    assert r[pair("SAU", "QAT")].valence == "hostile"
    _, r = rels("Mali's junta has leaned ever more heavily on Russia.")
    assert r[pair("MLI", "RUS")].valence == "cooperative"
    _, r = rels("A Chinese navy frigate tailed the three Australian ships.")
    assert r[pair("CHN", "AUS")].valence == "hostile"


OPED = (
    "Mongolia's third neighbours will not save it\n\n"
    "Opinion | By Oyunchimeg Batbayar, a former Mongolian diplomat | 18 November 2025\n\n"
    "Our foreign policy has long courted distant friends. China buys more than four-fifths of what we export. "
    "Seoul has struck a deal with us to explore rare earths. \"We will never bow to Moscow,\" a Kazakh envoy told Russia."
)


def test_the_we_of_an_opinion_piece_is_the_writers_state_outside_quotes():
    _, r = rels(OPED)
    assert r[pair("MNG", "CHN")].types == ("trade",) and r[pair("MNG", "KOR")].valence == "cooperative"
    assert pair("MNG", "RUS") not in r  # the quote's "we" is the speaker's
    # The same words in a report that does not call itself opinion name no state.
    _, r = rels(OPED.replace("Opinion | ", ""))
    assert pair("MNG", "CHN") not in r and pair("MNG", "KOR") not in r


def test_lining_up_beside_teams_takes_no_side():
    assert not rels("At the Pacific Games, athletes from Fiji lined up beside teams from Samoa and Tonga.")[1]
    _, r = rels("Argentina has lined up squarely behind Washington.")
    assert r[pair("ARG", "USA")].valence == "cooperative"


def test_weapons_poured_into_a_capital_and_a_race_with_a_rival():
    _, r = rels("In Libya, Ankara poured drones, air-defence batteries and military advisers into Tripoli in 2020.")
    assert r[pair("TUR", "LBY")].types == ("arms trade",)
    _, r = rels("Washington's race with Beijing for critical minerals has moved to the ocean floor.")
    assert r[pair("USA", "CHN")].valence == "hostile"
    assert not rels("The race to the bottom between exporters worries Brazil.")[1]


@pytest.mark.parametrize(
    ("text", "valence"),
    [
        ("Last year, Kenya extended a lifeline to Uganda.", "cooperative"),
        ("The IMF bailed out Argentina twice.", "cooperative"),
        ("Erdogan has buried the hatchet with Egypt.", "cooperative"),
        ("Turkey mended fences with Egypt after a decade.", "cooperative"),
        ("Iran has stood by Armenia in its own way.", "cooperative"),
        ("Ankara teamed up with Doha.", "cooperative"),
        ("Paris rounded on Algeria.", "hostile"),
        ("Budapest took aim at Kyiv.", "hostile"),
        ("Riyadh fell out with Doha in 2017.", "hostile"),
        ("Beijing has locked horns with Canberra.", "hostile"),
        ("Russia cut off gas to Moldova.", "hostile"),
        ("Hezbollah lobbed rockets at Israel.", "hostile"),
        ("Ukraine sued Russia at the court.", "hostile"),
        ("Kyrgyz and Tajik troops exchanged fire.", "hostile"),
    ],
)
def test_idioms_of_news_prose(text, valence):
    m, _ = rels(text)
    assert [r.valence for r in m.relations] == [valence]


@pytest.mark.parametrize(
    "text",
    [
        "An Azerbaijan Airlines jet fell out of the sky in Kazakhstan.",
        "A tariff aimed at Indian refiners angered no one in Venezuela.",
        "Japan sued for peace with the United States in 1945.",
        "Two rounds of talks in Kenya drew envoys from Uganda.",
    ],
)
def test_idioms_need_the_words_that_make_them(text):
    assert not rels(text)[1]


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Kenya's reliance on Ugandan gas grew.", "KEN", "UGA", "cooperative"),
        ("Tehran's courtship of Riyadh paid off.", "IRN", "SAU", "cooperative"),
        ("A thaw between Kenya and Uganda began.", "KEN", "UGA", "cooperative"),
        ("A row between Kenya and Uganda erupted.", "KEN", "UGA", "hostile"),
        ("A standoff between Kenya and Uganda erupted.", "KEN", "UGA", "hostile"),
        ("Kenya's expulsion of Ugandan diplomats angered many.", "KEN", "UGA", "hostile"),
        ("Kenya's condemnation of Uganda was swift.", "KEN", "UGA", "hostile"),
        ("Mali's withdrawal from ECOWAS was swift.", "MLI", "ecowas", "hostile"),
        ("Finland's accession to NATO was swift.", "FIN", "nato", "cooperative"),
    ],
)
def test_relation_nouns_with_their_prepositions(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Moscow has blocked Kosovo's membership of the United Nations.", "XKX", "un"),
        ("Poland announced its withdrawal from the Ottawa treaty.", "POL", "CAN"),
        ("Azerbaijan, Georgia's neighbour, has kept its distance from the row with Brussels.", "AZE", "eu"),
    ],
)
def test_relation_nouns_that_state_no_relation(text, a, b):
    assert pair(a, b) not in rels(text)[1]


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Qatar hosts the talks. The Gulf state has also armed Hamas.", "QAT", "hamas"),
        ("Serbia remains neutral. The Balkan country has bought Chinese drones.", "SRB", "CHN"),
        ("Bahrain hosts the Fifth Fleet. The tiny kingdom has also normalised ties with Israel.", "BHR", "ISR"),
        ("Taiwan faces drills. The self-ruled island has bought missiles from the United States.", "TWN", "USA"),
        ("Sri Lanka defaulted in 2022. The island nation has since borrowed from India.", "LKA", "IND"),
        ("Mongolia depends on its neighbours. The landlocked nation sells coal to China.", "MNG", "CHN"),
        ("Singapore is cautious. The city-state has condemned Russia.", "SGP", "RUS"),
    ],
)
def test_a_described_state_opening_a_sentence_stands_for_the_one_before(text, a, b):
    assert pair(a, b) in rels(text)[1]


def test_a_described_state_that_is_another_or_a_place_is_not_the_one_before():
    for text in (
        "Serbia remains neutral. The neighbouring country has bought Chinese drones.",
        "India is vast. The southern state of Kerala has signed a deal with the UAE.",
    ):
        _, r = rels(text)
        assert pair("SRB", "CHN") not in r and pair("IND", "ARE") not in r, text


def test_a_request_pressure_and_counting_as_relate_to_the_clause_subject():
    _, r = rels("At Kenya's request, Uganda sent troops.")
    assert r[pair("KEN", "UGA")].valence == "cooperative"
    _, r = rels("Under pressure from Washington, Panama left the Belt and Road.")
    assert r[pair("USA", "PAN")].valence == "hostile"
    assert not rels("Under pressure from Washington, the UN Security Council voted to end the mission.")[1]
    _, r = rels("Kuala Lumpur, which counts China as its biggest trading partner, stays quiet.")
    assert pair("MYS", "CHN") in r


@pytest.mark.parametrize(
    ("text", "pairs", "type_"),
    [
        ("Weapons from Iran and Russia reached the Houthis.", [("IRN", "houthis"), ("RUS", "houthis")], "arms trade"),
        ("A loan from China kept Zambia afloat.", [("CHN", "ZMB")], "aid"),
        ("Troops from Rwanda guard Mozambique's gas fields.", [("RWA", "MOZ")], "military support"),
    ],
)
def test_what_a_state_sends_can_open_the_sentence(text, pairs, type_):
    m, r = rels(text)
    assert len(m.relations) == len(pairs) and all(r[pair(a, b)].types == (type_,) for a, b in pairs)


def test_people_from_a_state_and_missiles_that_strike_are_not_sent_goods():
    assert not rels("Migrants from Sudan reached Italy.")[1]
    _, r = rels("Missiles from Iran struck Israel.")
    assert r[pair("IRN", "ISR")].types == ("war",)
    _, r = rels("Kenya is among Uganda's closest allies.")
    assert r[pair("KEN", "UGA")].types == ("alliance",)


def test_courts_cases_and_closed_embassies():
    _, r = rels("Somalia took Kenya to the International Court of Justice in 2014.")
    assert r[pair("SOM", "KEN")].valence == "hostile"
    _, r = rels("Sudan's government took the matter to the International Court of Justice.")
    assert pair("SDN", "icj") not in r
    assert not rels("Russia took control of the port. Kenya took part in the summit.")[1]
    _, r = rels("Nicaragua won its case against Colombia.")
    assert r[pair("NIC", "COL")].valence == "hostile"
    _, r = rels("In 2023 Reykjavik suspended operations at its embassy in Moscow.")
    assert r[pair("ISL", "RUS")].valence == "hostile"


def test_a_dateline_names_where_the_story_was_filed_not_an_actor():
    text = "PRETORIA/THE HAGUE, March 12, 2026 - South Africa said on Thursday it would press its case against Israel."
    _, r = rels(text)
    assert r[pair("ZAF", "ISR")].valence == "hostile" and pair("NLD", "ISR") not in r


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Kenya holds Uganda responsible for the attack.", "KEN", "UGA", "hostile"),
        ("Kenya distrusts Uganda.", "KEN", "UGA", "hostile"),
        ("Kenya is on good terms with Uganda.", "KEN", "UGA", "cooperative"),
        ("Kenya is on bad terms with Uganda.", "KEN", "UGA", "hostile"),
        ("Kenya sided against Uganda.", "KEN", "UGA", "hostile"),
        ("Kenya parted ways with Uganda.", "KEN", "UGA", "hostile"),
        ("Kenya's ally Uganda voted no.", "KEN", "UGA", "cooperative"),
        ("Uganda's rival Kenya voted no.", "KEN", "UGA", "hostile"),
        ("Kenya and Uganda both claim the islands.", "KEN", "UGA", "hostile"),
        ("The islands are claimed by both Kenya and Uganda.", "KEN", "UGA", "hostile"),
    ],
)
def test_stances_terms_and_rival_claims(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


def test_claims_to_different_things_are_no_dispute_between_the_claimants():
    assert pair("MYS", "VNM") not in rels("Vietnam and Malaysia both claim slices of the Spratlys.")[1]


@pytest.mark.parametrize(
    ("text", "a", "b", "types"),
    [
        ("Uganda was hit by Kenyan drones.", "KEN", "UGA", ("war",)),
        ("Uganda suffered heavy losses at the hands of Kenya.", "UGA", "KEN", ("hostility",)),
        ("Uganda turned to Kenya for help.", "UGA", "KEN", ("dependence",)),
        ("Uganda looked to Kenya for support.", "UGA", "KEN", ("dependence",)),
        ("Russian gas still flows to Hungary through TurkStream.", "RUS", "HUN", ("energy trade",)),
    ],
)
def test_passive_blows_and_turning_to_a_patron(text, a, b, types):
    _, r = rels(text)
    assert r[pair(a, b)].types == types


def test_a_verbs_object_before_a_comma_is_not_the_next_verbs_subject():
    text = "Since the coup, Niger has expelled French forces, turned to Russia for instructors and accused Nigeria of plotting."
    _, r = rels(text)
    assert set(r) == {pair("NER", "FRA"), pair("NER", "RUS"), pair("NER", "NGA")}
    assert not rels("The Sahel's juntas turn from Paris to Moscow.")[1]


def test_pressure_and_condemnation_from_a_state_fall_on_the_clause_subject():
    _, r = rels("Uganda came under pressure from Kenya.")
    assert r[pair("KEN", "UGA")].valence == "hostile"
    _, r = rels("Uganda drew criticism from Kenya.")
    assert r[pair("KEN", "UGA")].valence == "hostile"
    _, r = rels("In December Israel recognised Somaliland, drawing furious condemnation from Mogadishu.")
    assert r[pair("ISR", "SOM")].valence == "hostile" and pair("somaliland", "SOM") not in r


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Croatia has since ordered Bayraktar TB2 drones from Turkey.", "HRV", "TUR", "cooperative"),
        ("There is old bad blood between Kathmandu and Thimphu.", "NPL", "BTN", "hostile"),
        ("In April the Jordanian government outlawed the Muslim Brotherhood.", "JOR", "muslim-brotherhood", "hostile"),
        ("Israel's campaign to destroy Hamas has made the movement popular.", "ISR", "hamas", "hostile"),
        ("US officials frame the corridor as a counterweight to Beijing.", "USA", "CHN", "hostile"),
        ("Nicaragua's Daniel Ortega cut ties with Quito, citing solidarity with the Mexican people.", "NIC", "MEX", "cooperative"),
        ("Prime Minister Giorgia Meloni has flown to Algiers repeatedly.", "ITA", "DZA", "cooperative"),
        ("Republika Srpska held a vote. The EU froze millions of euros earmarked for the entity.", "eu", "republika-srpska", "hostile"),
    ],
)
def test_more_wordings_of_unseen_text(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


def test_a_participle_before_a_name_is_an_adjective():
    assert pair("SYR", "pkk") not in rels("Damascus views the YPG as a wing of the outlawed PKK.")[1]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Aliyev, backed to the hilt by Ankara, can afford a grudge.", [("AZE", "TUR")]),
        ("Analysts say Iran-backed factions within the Popular Mobilisation Forces have lobbied quietly.", [("IRN", "hashd")]),
        ("Beijing signed a $1.4 billion deal with Tanzania and Zambia.", [("CHN", "TZA"), ("CHN", "ZMB"), ("TZA", "ZMB")]),
        ("Pakistan secured a $7 billion IMF bailout.", [("PAK", "imf")]),
        ("Kenya took a Chinese loan.", [("KEN", "CHN")]),
    ],
)
def test_asides_compounds_and_three_party_deals(text, pairs):
    _, r = rels(text)
    assert set(r) == {pair(a, b) for a, b in pairs}


def test_a_reverser_and_a_noun_before_an_actor_stay_in_their_clause():
    _, r = rels("Nicaragua's Daniel Ortega cut ties with Quito, citing solidarity with the Mexican people.")
    assert r[pair("NIC", "MEX")].valence == "cooperative" and r[pair("NIC", "ECU")].valence == "hostile"
    assert not rels("Six months after Britain and France acted, the United Nations sanctions returned.")[1]
    assert not rels("Japan is the most active non-Chinese lender.")[1]
    _, r = rels("Beijing signed deals with Tanzania and Zambia.")
    assert pair("TZA", "ZMB") not in r


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("The EU has not, however, committed funds to the Congolese stretch.", "eu", "COD"),
        ("The State Department said Quito had broken the Vienna Convention.", "USA", "AUT"),
        ("The African Union, which brokered the Pretoria deal, met the rebels.", "african-union", "ZAF"),
        ("Costa Rica says Nicaraguan soldiers have twice crossed the San Juan river.", "CRI", "PRI"),
        ("At its summit, whose guest list stretched from Mauritania to Somalia, the League thanked Iran.", "MRT", "IRN"),
        ("A drone launched by Iran-backed militants in Iraq killed three soldiers.", "IRN", "IRQ"),
        ("Japan lodged a protest through its embassy in Beijing.", "JPN", "CHN"),
        ("Hungary voted to deploy up to 200 troops to the Central African country.", "HUN", "CAF"),
    ],
)
def test_places_names_and_asides_that_state_no_relation(text, a, b):
    assert pair(a, b) not in rels(text)[1]


def test_troops_sent_to_the_named_state_and_an_embassy_closed_in_its_capital():
    _, r = rels("Hungary sent troops to the Central African Republic.")
    assert r[pair("HUN", "CAF")].types == ("military support",)
    _, r = rels("In 2023 Reykjavik suspended operations at its embassy in Moscow.")
    assert r[pair("ISL", "RUS")].valence == "hostile"


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Burkina Faso switched recognition to Beijing in 2018.", "BFA", "CHN", "cooperative"),
        ("Dodik has called on Vladimir Putin more often than any other politician.", "republika-srpska", "RUS", "cooperative"),
        ("Iran hauled in the Russian envoy.", "IRN", "RUS", "hostile"),
        ("Meanwhile the G7's price cap on Russian crude has made paperwork heavier.", "g7", "RUS", "hostile"),
        ("In Bamako and Niamey, officers showed French troops the door.", "MLI", "FRA", "hostile"),
        ("In Bamako and Niamey, officers showed French troops the door.", "NER", "FRA", "hostile"),
    ],
)
def test_calls_summons_caps_and_capitals_whose_officers_act(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


def test_a_call_on_both_sides_and_a_capital_that_only_places_name_no_party():
    assert not rels("Moscow called on both sides to show restraint.")[1]
    assert not rels("In Kinshasa, protesters attacked the embassies of France and Belgium.")[1]


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Nigeria has leaned on its own air force instead, using Turkish-made drones to strike camps.", "TUR", "NGA", "cooperative"),
        ("Budapest and Bratislava promptly fired off a joint letter demanding an end to it.", "HUN", "SVK", "cooperative"),
        ("Kathmandu fired off diplomatic notes to New Delhi.", "NPL", "IND", "hostile"),
        ("Tehran denies arming the Houthis but openly champions the Houthis.", "IRN", "houthis", "cooperative"),
        ("Burundian units were routed by M23 fighters near Kamanyola.", "BDI", "m23", "hostile"),
        ("Washington has massed warships off the Venezuelan coast.", "USA", "VEN", "hostile"),
        ("The AU took over, shepherding on-off rounds between Cairo and Addis Ababa.", "african-union", "EGY", "cooperative"),
        ("Athens and Nicosia have championed the project as a symbol of their partnership.", "GRC", "CYP", "cooperative"),
    ],
)
def test_made_weapons_used_joint_letters_champions_routs_and_massed_ships(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Bulgaria, so far, has been spared any Russian drone incursions.", "BGR", "RUS"),
        ("Shipping through the strait between Yemen and Djibouti is still down on pre-war levels.", "YEM", "DJI"),
        ("Vucic, speaking at the forum in Davos, Switzerland, called the move a provocation against Kosovo.", "CHE", "XKX"),
        ('"Kuwait risks missing the train," said Jordan Whitley, a Gulf infrastructure analyst.', "KWT", "gulf-states"),
        ("Tashkent is championing a railway through Afghanistan to Pakistani ports.", "UZB", "PAK"),
        ("Kazakhstan routed its oil through Azerbaijan.", "KAZ", "AZE"),
        ("Athens and Nicosia championed the project, and the European Union has pledged 657 million euros to it.", "GRC", "eu"),
    ],
)
def test_spared_pre_war_towns_schools_reefs_analysts_and_routes_state_no_relation(text, a, b):
    assert pair(a, b) not in rels(text)[1]


def test_a_country_after_a_town_only_places_it_but_a_list_after_a_capital_acts():
    _, r = rels("In Geneva, Iran and the US agreed to talk.")
    assert pair("IRN", "USA") in r


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A statement was issued from its headquarters in Stuttgart, Germany.", "DEU"),
        ("Dana Whitfield, a hydrologist at the University of Georgia, said so.", "GEO"),
        ("Dredgers have added 70 hectares to Barque Canada Reef.", "CAN"),
    ],
)
def test_a_country_after_a_town_a_school_of_its_name_and_a_reef_named_after_it_are_no_mentions(text, actor):
    assert actor not in {m.actor for m in find_mentions(text)}


def test_siding_with_one_against_another_and_a_deal_brokered_for_the_two_named_before():
    _, r = rels("The Kurdistan Regional Government in Erbil has quietly sided with Turkey against the PKK.")
    assert r[pair("kurdistan-region", "pkk")].valence == "hostile"
    assert r[pair("TUR", "pkk")].valence == "hostile"
    assert r[pair("kurdistan-region", "TUR")].valence == "cooperative"
    _, r = rels(
        "Riyadh and Tehran have kept alive the 2023 rapprochement that Beijing brokered, "
        "even as they remain rivals for influence from Yemen to Lebanon."
    )
    assert r[pair("CHN", "SAU")].types == ("mediation",)
    assert r[pair("CHN", "IRN")].types == ("mediation",)
    assert pair("CHN", "YEM") not in r and pair("CHN", "LBN") not in r


def test_a_deal_the_two_initialled_at_a_seat_of_government_is_theirs_not_the_hosts():
    _, r = rels("The peace agreement that Armenia and Azerbaijan initialled at the White House handed firms the rights.")
    assert r[pair("ARM", "AZE")].valence == "cooperative"
    assert pair("ARM", "USA") not in r


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Foreign ministry spokeswoman Maria Zakharova lashed out.", "RUS"),
        ("Spokesman Esmaeil Baghaei said so.", "IRN"),
        ("Niamey accused Cotonou of hosting French troops.", "BEN"),
        ("La Paz depends on Brazil as the main buyer of its gas.", "BOL"),
        ("Burkinabe authorities accused Abidjan of sheltering officers.", "CIV"),
    ],
)
def test_spokespeople_and_seats_of_government_stand_for_their_state(text, actor):
    assert actor in {m.actor for m in find_mentions(text)}


def test_an_affiliate_named_by_its_parent_is_allied_to_it_and_the_parent_does_not_act():
    _, r = rels("Fighters from Jama'at Nusrat al-Islam wal-Muslimin, al-Qaeda's affiliate in the Sahel, overran two army posts in Benin.")
    assert r[pair("jnim", "al-qaeda")].types == ("alliance",)
    assert r[pair("jnim", "BEN")].valence == "hostile"
    assert pair("al-qaeda", "BEN") not in r
    _, r = rels(
        "Al-Shabaab has fought Somalia's government since 2006. "
        "The al-Qaeda affiliate has repeatedly struck inside Kenya."
    )
    assert r[pair("al-shabaab", "KEN")].valence == "hostile"
    assert pair("al-qaeda", "KEN") not in r


def test_a_rival_named_after_a_comma_and_the_country_after_a_linking_verb_is_another_state():
    _, r = rels("Boko Haram is also locked in a bloody feud with its rival, the Islamic State West Africa Province.")
    assert r[pair("boko-haram", "islamic-state")].valence == "hostile"
    _, r = rels("Mongolia needs friends. Japan financed the airport and remains the country's most generous bilateral donor.")
    assert r[pair("JPN", "MNG")].valence == "cooperative"


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Togo, Ghana and Cote d'Ivoire have all recorded incursions.", "TGO", "GHA"),
        ("Breathless panels in Delhi have claimed Pakistan is eyeing a foothold in the Maldives.", "IND", "PAK"),
    ],
)
def test_a_list_of_subjects_that_each_act_and_a_claim_that_is_a_clause_relate_no_one(text, a, b):
    assert pair(a, b) not in rels(text)[1]


def test_a_claim_to_a_state_is_still_a_territorial_claim():
    _, r = rels("China claims Taiwan as its own.")
    assert r[pair("CHN", "TWN")].types == ("territorial dispute",)


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Under a 2024 agreement with Baghdad, the US-led coalition is winding down its mission.", "IRQ", "USA", "cooperative"),
        ("Despite tensions with Russia, Finland kept trading.", "FIN", "RUS", "hostile"),
        ("Australian crews have had their own brush with the People's Liberation Army.", "AUS", "CHN", "hostile"),
    ],
)
def test_a_fronted_phrase_has_the_main_subject_and_a_brush_with_an_army(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


def test_claims_in_the_press_are_no_territorial_claim():
    assert pair("OMN", "TUR") not in rels("Despite breathless claims in the Turkish press, Oman played no part in brokering the deal.")[1]


def test_a_state_tied_to_another_but_not_aid_or_gangsters_tied_to_one():
    _, r = rels("Canberra is also tied to Washington through the AUKUS submarine pact.")
    assert r[pair("AUS", "USA")].valence == "cooperative"
    assert not rels("Hegseth said the vessel was run by narco-terrorists tied to Tren de Aragua.")[1]


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("UNHCR has repeatedly taken Tehran to task over the removals.", "unhcr", "IRN", "hostile"),
        ("Chinese vessels have repeatedly rammed and water-cannoned Philippine boats.", "CHN", "PHL", "hostile"),
        ("Algeria, which shelters the Polisario Front in camps around Tindouf, pulled its ambassador.", "DZA", "polisario", "cooperative"),
        ("Mali's junta, which threw out French troops, has since turned to Russian military instructors.", "MLI", "RUS", "cooperative"),
    ],
)
def test_taken_to_task_rammed_sheltered_and_turned_to_foreign_instructors(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Islamabad accuses Kabul of sheltering fighters of the TTP.", "AFG", "ttp"),
        ("Rwandan forces recaptured the port of Mocimboa da Praia within weeks.", "RWA", "CPV"),
        ("The Mattei Plan lists Tunisia alongside Egypt and Kenya as priority countries.", "TUN", "EGY"),
        ("Algeria, for its part, has not signed up to any comparable migration arrangement with Brussels.", "DZA", "eu"),
    ],
)
def test_alleged_havens_romance_place_names_listings_and_no_arrangement_relate_no_one(text, a, b):
    assert pair(a, b) not in rels(text)[1]


def test_the_foreign_ministry_and_the_treasury_stand_for_the_state_named_before():
    _, r = rels("Costa Rica is worried. In October the foreign ministry summoned the Russian charge d'affaires.")
    assert r[pair("CRI", "RUS")].valence == "hostile"
    _, r = rels("Washington is angry. The Treasury has sanctioned dozens of Russian tankers.")
    assert r[pair("USA", "RUS")].types == ("sanctions",)
    _, r = rels("Manila protested. The foreign ministry in Beijing went further, lashing out at Tokyo.")
    assert pair("CHN", "JPN") in r and pair("PHL", "JPN") not in r


def test_the_european_parliament_is_the_eu():
    assert "eu" in {m.actor for m in find_mentions("The European Parliament voted to condemn the crackdown.")}


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Benjamin Netanyahu later telephoned the Qatari prime minister to apologise.", "ISR", "QAT", "cooperative"),
        ("Washington, which paid for most of the Kenyan deployment, put in more than $600 million.", "USA", "KEN", "cooperative"),
        ("Tokyo and New Delhi, working in unusually close step, co-chaired an official creditor committee.", "JPN", "IND", "cooperative"),
        ("Chinese police chartered flights in an operation co-ordinated with Thai authorities.", "CHN", "THA", "cooperative"),
        ("Port Moresby and Jakarta share a porous 820-kilometre border across the island of New Guinea.", "PNG", "IDN", "neutral"),
    ],
)
def test_calls_payments_joint_acts_and_a_border_across_an_island(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


def test_a_call_from_a_seat_of_government_relates_only_the_one_called():
    _, r = rels("Benjamin Netanyahu later telephoned the Qatari prime minister from the White House to apologise.")
    assert pair("ISR", "USA") not in r


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("The Red Sea's other littoral states - Saudi Arabia, Yemen, Sudan - have wars and worries of their own.", "SAU", "YEM"),
        ("Belgrade has stayed out of the Bulgarian quarrel altogether.", "SRB", "BGR"),
        ("China's coast guard has made a habit of shepherding its trawlers into the waters that ASEAN states claim.", "CHN", "asean"),
        ("Hezbollah supporters blocked the airport road with burning tyres, and a convoy of UN peacekeepers was set upon.", "hezbollah", "un"),
        ("Sheinbaum will travel on Thursday to Tegucigalpa for a regional summit.", "MEX", "HND"),
        ("Shestakov brushed aside reports that Russia might invite Chinese factory ships into the Barents Sea.", "RUS", "CHN"),
        ("Asked whether the remarks amounted to a threat against the Philippines, Castro said Manila had no dispute with Moscow.", "RUS", "PHL"),
        ("Ortega's long arm reaches across the San Juan, and Costa Rica is out of excuses.", "NIC", "PRI"),
        ("The TPLF signed the Pretoria peace agreement with the federal government.", "ZAF", "tplf"),
    ],
)
def test_separate_wars_quarrels_stayed_out_of_trawlers_new_clauses_summits_denials_questions_and_rivers(text, a, b):
    assert pair(a, b) not in rels(text)[1]


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Myanmar is isolated. Russia, which has supplied the air force with Su-30 fighter jets, sent monitors.", "RUS", "MMR", "cooperative"),
        ("Myanmar holds a vote. The Arakan Army has wrested 14 of 17 townships from the military.", "arakan-army", "MMR", "hostile"),
        ("Last April China strong-armed the Myanmar National Democratic Alliance Army into handing back Lashio.", "CHN", "mndaa", "hostile"),
        ("European Commission President Ursula von der Leyen travelled to Vilnius for the ceremony.", "eu", "LTU", "cooperative"),
    ],
)
def test_the_air_force_wrested_towns_strong_arming_and_a_visit_for_a_ceremony(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


@pytest.mark.parametrize(
    ("text", "a", "b", "valence"),
    [
        ("Under AUKUS, Australia is buying at least three Virginia-class nuclear-powered submarines from the United States.", "AUS", "USA", "cooperative"),
        ("Geingob lashed out at Berlin in the genocide case South Africa brought against Israel.", "ZAF", "ISR", "hostile"),
        ("Argentina rolled over a $5 billion tranche of its currency swap with the People's Bank of China.", "ARG", "CHN", "cooperative"),
        ("North Korea sent thousands of troops to help Russia push Ukrainian forces out of the Kursk region.", "RUS", "UKR", "hostile"),
    ],
)
def test_hyphenated_goods_a_case_brought_against_a_currency_swap_and_pushing_forces_out(text, a, b, valence):
    _, r = rels(text)
    assert r[pair(a, b)].valence == valence


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Brussels wants to avoid swapping dependence on Russian gas.", "eu", "RUS"),
        ("Berlin was criticised for siding with Israel in the case South Africa brought against Israel.", "DEU", "ZAF"),
        ("Russia delivered three S-400 air-defence squadrons before the Ukraine war slowed production.", "RUS", "UKR"),
    ],
)
def test_swapping_a_dependence_a_case_against_another_and_a_war_as_a_time_relate_no_one(text, a, b):
    assert pair(a, b) not in rels(text)[1]


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("The ELN, on the State Department's terrorism list since 1997, has made plain what it thinks.", "USA", "eln"),
        ("Cuba is back on the US terror list.", "USA", "CUB"),
    ],
)
def test_the_keeper_of_a_terrorism_list_sanctions_those_on_it(text, a, b):
    _, r = rels(text)
    assert r[pair(a, b)].types == ("sanctions",)


def test_a_subject_that_is_none_after_had_or_has_negates_the_verb():
    assert pair("UGA", "SDN") not in rels("A Ugandan army spokesman insisted, however, that no Ugandan troops had crossed into Sudan.")[1]
    assert not rels("Somaliland declared independence in 1991, and no member of the United Nations has recognised it.")[1]


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Modi and Yunus met at the BIMSTEC summit, a gathering that also brought together the leaders of Bhutan, Sri Lanka and Myanmar.", "bimstec", "BTN"),
        ("Russia, for one, has offered Brazil nothing of substance since July.", "RUS", "BRA"),
        ("Nielsen rejected claims by U.S. commentators that Beijing was buying up Greenland.", "CHN", "GRL"),
        ("The World Bank puts the cost at $216 billion, a bill that dwarfs those faced by Lebanon, Libya or Iraq after their own wars.", "LBY", "IRQ"),
        ("Rwandan special forces fought alongside the rebels during the capture of Goma, according to a UN group of experts.", "RWA", "un"),
    ],
)
def test_venues_that_bring_leaders_together_nothing_offered_rejected_claims_own_wars_and_sources(text, a, b):
    assert pair(a, b) not in rels(text)[1]
