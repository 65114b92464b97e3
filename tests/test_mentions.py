"""Mention finding: offsets, longest match, case and context rules, fuzzy names, the seed."""

from __future__ import annotations

import itertools

import pytest

from mapviewer.extract.gazetteer import Entry, Gazetteer
from mapviewer.extract.mentions import MENTION_FORMS, Mention, damerau_levenshtein, find_mentions
from mapviewer.seeds import default_seed


def found(text: str) -> list[tuple[str, str]]:
    """(surface, actor) pairs, checking the span invariants on the way."""
    ms = find_mentions(text)
    for m in ms:
        assert text[m.start : m.end] == m.surface
        assert m.form in MENTION_FORMS
    assert all(a.end <= b.start for a, b in itertools.pairwise(ms)), "sorted, not overlapping"
    return [(m.surface, m.actor) for m in ms]


def actors(text: str) -> list[str]:
    return [a for _, a in found(text)]


# -- the seed article ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_mentions() -> tuple[str, list[Mention]]:
    text = default_seed().article().text
    return text, find_mentions(text)


@pytest.mark.parametrize(
    ("surface", "actor"),
    [
        ("Baku", "AZE"), ("Jerusalem", "ISR"), ("Ankara", "TUR"), ("Azeri", "AZE"), ("Azeris", "AZE"),
        ("Armenians", "ARM"), ("Nagorno-Karabkah", "nagorno-karabakh"), ("Nagorno-Karabakh", "nagorno-karabakh"),
        ("Hamas", "hamas"), ("Muslim Brotherhood", "muslim-brotherhood"), ("Qatar", "QAT"), ("Senegal", "SEN"),
        ("Kosovo", "XKX"), ("Iran", "IRN"), ("Russia", "RUS"), ("US", "USA"), ("Turkey", "TUR"),
        ("Israeli", "ISR"), ("Artsakh", "nagorno-karabakh"), ("South Ossetia", "south-ossetia"),
        ("Abkhazia", "abkhazia"), ("Caucasus", "caucasus"), ("Middle East", "middle-east"),
        ("Palestinian", "PSE"), ("Libyan", "LBY"),
    ],
)  # fmt: skip
def test_seed_finds(seed_mentions, surface, actor):
    _, ms = seed_mentions
    assert any(m.surface == surface and m.actor == actor for m in ms), (surface, actor)


def test_seed_forms(seed_mentions):
    _, ms = seed_mentions
    forms = {(m.surface, m.form) for m in ms}
    assert ("Baku", "capital") in forms and ("Nagorno-Karabkah", "fuzzy") in forms
    assert ("Armenians", "demonym") in forms and ("Azerbaijan", "name") in forms


def test_seed_the_us(seed_mentions):
    text, ms = seed_mentions
    us = [m for m in ms if m.actor == "USA"]
    assert len(us) == 1 and text[us[0].start - 4 : us[0].end] == "the US"


@pytest.mark.parametrize("word", ["First World War", "Shi’ite", "Soviet", "Jews", "Nazi", "Muslim countries"])
def test_seed_does_not_match(seed_mentions, word):
    text, ms = seed_mentions
    assert word in text
    starts = [i for i in range(len(text)) if text.startswith(word, i)]
    for s in starts:
        assert not any(m.start < s + len(word) and m.end > s for m in ms), (word, s)


def test_seed_offsets_and_order(seed_mentions):
    text, ms = seed_mentions
    assert ms == sorted(ms, key=lambda m: m.start)
    assert all(text[m.start : m.end] == m.surface for m in ms)
    assert all(a.end <= b.start for a, b in itertools.pairwise(ms))


# -- spans, longest match -------------------------------------------------------------------
def test_longest_match_wins():
    assert found("South Ossetia") == [("South Ossetia", "south-ossetia")]
    assert found("the United Arab Emirates and the Arab League") == [
        ("United Arab Emirates", "ARE"),
        ("Arab League", "arab-league"),
    ]
    assert found("North Korean and South Korean troops") == [("North Korean", "PRK"), ("South Korean", "KOR")]
    assert found("the Gulf states and the West Bank") == [
        ("Gulf states", "gulf-states"),
        ("West Bank", "west-bank"),
    ]


def test_the_forms_need_the():
    # "the West" is an actor; "West" alone is a direction.
    assert actors("Russia blamed the West.") == ["RUS", "west"]
    assert actors("West of the river") == []


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive_is_outside_the_span(apostrophe):
    text = f"Azerbaijan{apostrophe}s army and Iran{apostrophe}s regime"
    assert found(text) == [("Azerbaijan", "AZE"), ("Iran", "IRN")]


def test_case_insensitive_without_changing_offsets():
    assert found("AZERBAIJAN and ARMENIA") == [("AZERBAIJAN", "AZE"), ("ARMENIA", "ARM")]
    # A dotted capital İ lower-cases to two characters; offsets must not drift.
    text = "İİİ Azerbaijan, then TÜRKIYE"
    assert found(text) == [("Azerbaijan", "AZE"), ("TÜRKIYE", "TUR")]


def test_hyphenated_compounds():
    assert found("Israel-Armenia relations") == [("Israel", "ISR"), ("Armenia", "ARM")]
    assert found("pro-Azeri rallies") == [("Azeri", "AZE")]
    assert found("the Israeli-Palestinian conflict") == [("Israeli", "ISR"), ("Palestinian", "PSE")]
    assert found("the Tripoli-based Libyan government") == [("Tripoli", "LBY"), ("Libyan", "LBY")]
    assert found("Nagorno Karabakh and Nagorno–Karabakh") == [
        ("Nagorno Karabakh", "nagorno-karabakh"),
        ("Nagorno–Karabakh", "nagorno-karabakh"),
    ]


def test_accents_and_folded_spellings():
    assert actors("Türkiye, Turkiye, Côte d'Ivoire, Cote d’Ivoire") == ["TUR", "TUR", "CIV", "CIV"]


def test_adjective_versus_demonym():
    ms = find_mentions("Armenian forces fought. Three Armenians and an Armenian.")
    assert [(m.surface, m.form) for m in ms] == [
        ("Armenian", "adjective"),
        ("Armenians", "demonym"),
        ("Armenian", "demonym"),
    ]


# -- fuzzy ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("fighting in Nagorno-Karabkah", "nagorno-karabakh"),
        ("Azerbajan said", "AZE"),
        ("Kazakstan and Russia", "KAZ"),
        ("the Phillippines", "PHL"),
        ("Afganistan", "AFG"),
    ],
)
def test_fuzzy_long_names(text, actor):
    ms = find_mentions(text)
    assert any(m.actor == actor and m.form == "fuzzy" for m in ms), ms


@pytest.mark.parametrize(
    "text", ["Iram", "Cuba Libra", "Chadd", "Irak", "Rusia", "Siberian tigers", "Columbia University"]
)
def test_no_fuzzy_on_short_words_or_known_other_words(text):
    assert not any(m.form == "fuzzy" for m in find_mentions(text))
    assert actors("Liberian") == ["LBR"]  # exact, not fuzzy


def test_fuzzy_is_bounded():
    # 10 letters: one edit allowed, two are not.
    assert any(m.form == "fuzzy" for m in find_mentions("Azerbaijam"))
    assert not find_mentions("Azerbaiyam")
    # Lower-case words are never fuzzed.
    assert not find_mentions("azerbajan")


def test_the_fuzzy_index_finds_what_a_search_of_every_key_finds():
    # The index holds deletions of the first characters only; it must miss no key within reach.
    import random

    from mapviewer.extract.mentions import _matcher, _max_edits

    m = _matcher(Gazetteer.default())
    keys = sorted({k for ks in m.fuzzy_index.values() for k in ks})

    def brute(word):
        n = sum(c.isalpha() for c in word)
        if n < 8:
            return None
        limit = _max_edits(n)
        best = None
        for key in keys:
            if key[0] != word[0] or (key != word and (key.startswith(word) or word.startswith(key))):
                continue  # the same rule as the index: a word cut short or run on is no misspelling
            allowed = min(limit, _max_edits(sum(c.isalpha() for c in key)))
            d = damerau_levenshtein(word, key, allowed)
            if d <= allowed and (best is None or (d, key) < best):
                best = (d, key)
        return None if best is None else best[1]

    rng = random.Random(0)
    letters = "abcdefghijklmnopqrstuvwxyz"
    for _ in range(400):
        w = list(rng.choice(keys))
        for _ in range(rng.choice((1, 2, 3))):
            i = rng.randrange(1, len(w))  # the first letter stays: fuzzy matching requires it
            op = rng.choice("sdit")
            if op == "s":
                w[i] = rng.choice(letters)
            elif op == "d" and len(w) > 2:
                del w[i]
            elif op == "i":
                w.insert(i, rng.choice(letters))
            elif i + 1 < len(w):
                w[i], w[i + 1] = w[i + 1], w[i]
        word = "".join(w)
        m.fuzzy_cache.pop(word, None)
        assert m.fuzzy(word) == brute(word), word


def test_damerau_levenshtein():
    assert damerau_levenshtein("karabkah", "karabakh") == 1
    assert damerau_levenshtein("abc", "abc") == 0
    assert damerau_levenshtein("kitten", "sitting") == 3
    assert damerau_levenshtein("kitten", "sitting", 1) == 2  # stops early past the limit


# -- false friends ----------------------------------------------------------------------------
def test_turkey_the_bird():
    assert actors("We had roast turkey and a turkey sandwich.") == []
    assert actors("Turkey sandwiches were served. Turkey dinner is at six.") == []
    assert actors("Turkey threatened to intervene.") == ["TUR"]
    assert actors("TURKEY AND GREECE") == ["TUR", "GRC"]


def test_georgia_the_us_state():
    assert actors("He grew up in Atlanta, Georgia.") == []
    assert actors("Georgia's governor signed the bill.") == []
    assert actors("Georgia voters went to the polls.") == []
    assert actors("Storms hit towns in Georgia and Alabama.") == []
    assert actors("Athens, Georgia is a college town.") == []
    # The country.
    assert actors("Russia invaded Georgia in 2008.") == ["RUS", "GEO"]
    # "in Tbilisi" with no verb after it is the venue, not the state.
    assert actors("Georgia's president met Azerbaijan's leader in Tbilisi.") == ["GEO", "AZE"]
    assert actors("Georgia's president said Tbilisi wants peace with Azerbaijan.") == ["GEO", "GEO", "AZE"]
    assert actors("Moscow, Georgia and Armenia") == ["RUS", "GEO", "ARM"]


def test_given_names():
    assert actors("Michael Jordan scored 40 points.") == []
    assert actors("Jordan Peterson gave a talk.") == []
    assert actors("Chad said he liked the film.") == []
    assert actors("George Washington crossed the river.") == []
    assert actors("Israel Kessler, the analyst, said so.") == []
    # The states.
    assert actors("Jordan and Egypt signed peace treaties with Israel.") == ["JOR", "EGY", "ISR"]
    assert actors("Chadian troops crossed the border. Chad said it would respond.") == ["TCD", "TCD"]
    assert actors("Troops moved into Chad. Chad said the border was closed.") == ["TCD", "TCD"]
    assert actors("Troops entered Chad. Chad said the border was closed.") == ["TCD", "TCD"]
    assert actors("Chad Smith plays drums. Chad said hello.") == []
    assert actors("Jordan Valley settlements") == ["JOR"]


def test_china_and_guinea_and_niger():
    assert actors("fine china plates and China plates") == []
    assert actors("a Guinea pig") == []
    assert actors("China, Guinea and Nigeria") == ["CHN", "GIN", "NGA"]
    assert found("Niger and Nigeria and Nigerien troops") == [
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Nigerien", "NER"),
    ]
    assert found("Iranian drones") == [("Iranian", "IRN")]


def test_congo():
    assert actors("fighting in Congo") == ["COD"]
    assert actors("the Republic of the Congo and Congo-Brazzaville") == ["COG", "COG"]
    assert actors("the Democratic Republic of the Congo and DR Congo") == ["COD", "COD"]


def test_acronyms_need_capitals():
    assert actors("let us talk about us") == []
    assert actors("Us and them") == []
    assert actors("the US and the U.S. and the USA") == ["USA", "USA", "USA"]
    assert actors("an un-American act, the UN") == ["USA", "un"]
    assert actors("the EU and eu") == ["eu"]
    assert actors("NATO, Nato and nato") == ["nato", "nato"]  # "Nato" is a house style


def test_stop_phrases_block_inner_names():
    assert actors("The Jerusalem Post and the Washington Post reported") == []
    assert actors("during the First World War and the Gulf War") == []
    assert actors("New Mexico and New Jersey") == []
    assert actors("Native Americans and Latin America") == []


def test_capitalized_common_words():
    assert actors("Male voters and female voters") == []  # Malé, capital of the Maldives
    assert actors("Victoria said") == []


def test_lowercase_names_are_not_mentions():
    assert actors("the jordan river; a chad; some china") == []


def test_a_capital_that_only_places_an_event_is_not_the_state():
    assert actors("The talks in Pretoria, which led to a ceasefire, lasted a week.") == []
    assert actors("Egypt and Sudan attended a summit in Kinshasa.") == ["EGY", "SDN"]
    assert actors("They met at Kinshasa on Monday.") == []
    assert actors("The family fled to Moscow in 2014.") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Baku made slow progress.", "AZE"),  # no preposition
        ("Those in Ankara sought closer ties.", "TUR"),  # a verb of its own
        ("Those in Ankara want closer ties.", "TUR"),
        ("South Korea stayed away, officials in Seoul said.", "KOR"),
        ("Drones were supplied to Addis Ababa during the war.", "ETH"),  # "to" without movement
        ("The deal is seen differently in Moscow's circles.", "RUS"),  # possessive
        ("Talks between Bamako and the rebels resumed.", "MLI"),
        ("The envoy flew to Moscow for talks.", "RUS"),  # a visit: the state received her
    ],
)
def test_a_capital_that_acts_is_the_state(text, actor):
    assert actor in actors(text)


def test_tplf_and_the_alliance_of_sahel_states():
    assert actors("The Tigray People's Liberation Front (TPLF) signed the deal.") == ["tplf", "tplf"]
    aes = "alliance-of-sahel-states"
    assert actors("Mali, Burkina Faso and Niger formed the Alliance of Sahel States (AES).") == [
        "MLI",
        "BFA",
        "NER",
        aes,
        aes,
    ]


# -- API --------------------------------------------------------------------------------------
def test_custom_gazetteer_and_empty_text():
    g = Gazetteer(
        [Entry("atl", "Atlantis", "country", aliases=("Atlantic Realm",), demonyms=("Atlantean",))],
    )
    ms = find_mentions("The Atlantean fleet left Atlantis for the Atlantic Realm.", g)
    assert [(m.actor, m.surface, m.form) for m in ms] == [
        ("atl", "Atlantean", "demonym"),
        ("atl", "Atlantis", "name"),
        ("atl", "Atlantic Realm", "alias"),
    ]
    assert find_mentions("", g) == []
    assert find_mentions("") == []


def test_mention_is_frozen():
    m = Mention("AZE", 0, 4, "Baku", "capital")
    with pytest.raises(AttributeError):
        m.start = 1  # type: ignore[misc]


# -- officials standing for their state ------------------------------------------------------
def officials(text):
    return [(m.surface, m.actor) for m in find_mentions(text) if m.form == "official"]


def test_a_titled_official_names_the_state_and_binds_the_surname():
    text = (
        "Venezuelan President Nicolás Maduro met Russia's Foreign Minister Sergei Lavrov. "
        "Later Maduro flew home, and Lavrov's aides stayed."
    )
    assert officials(text) == [
        ("Venezuelan President Nicolás Maduro", "VEN"),
        ("Russia's Foreign Minister Sergei Lavrov", "RUS"),
        ("Maduro", "VEN"),
        ("Lavrov", "RUS"),
    ]
    # The phrase replaces the adjective: one mention, not "Venezuelan" and a name.
    assert next(m.surface for m in find_mentions(text)) == "Venezuelan President Nicolás Maduro"


def test_officials_in_lower_case_titles_particles_and_apposition():
    assert officials("Qatar's emir Sheikh Tamim bin Hamad Al Thani hosted them.") == [
        ("Qatar's emir Sheikh Tamim bin Hamad Al Thani", "QAT")
    ]
    assert officials("Washington sanctioned James Kabarebe, Rwanda's minister for integration. Kabarebe left.") == [
        ("James Kabarebe", "RWA"),
        ("Kabarebe", "RWA"),
    ]
    assert officials("Serbian deputy prime minister Ana Brnabić spoke.") == [
        ("Serbian deputy prime minister Ana Brnabić", "SRB")
    ]


def test_an_official_name_swallows_a_gazetteer_form_inside_it():
    ms = find_mentions("Congo's foreign minister Thérèse Kayikwamba Wagner spoke; the Wagner Group did not.")
    assert [(m.surface, m.actor) for m in ms] == [
        ("Congo's foreign minister Thérèse Kayikwamba Wagner", "COD"),
        ("Wagner Group", "wagner-group"),
    ]


def test_no_official_without_a_title_a_name_or_office():
    # Former officials, opposition leaders, bare titles and dates bind nothing.
    assert officials("Former US President Barack Obama spoke. Obama said so.") == []
    assert officials("Venezuelan opposition leader María Corina Machado left. Machado said so.") == []
    assert officials("The Russian president said on Monday that a Russian general Monday met.") == []
    # Without the title phrase, a name not in the list of leaders is only a name.
    assert officials("Tomas Varga met Ilse Brandt. Varga said so.") == []


def test_regional_organizations_are_known_with_their_seats():
    from mapviewer.extract.gazetteer import Gazetteer

    g = Gazetteer.default()
    text = (
        "CARICOM, the Southern African Development Community, the East African Community, IGAD, "
        "Mercosur, the OAS, ECOWAS, ASEAN, the Quad and AUKUS met."
    )
    assert [m.actor for m in find_mentions(text)] == [
        "caricom", "sadc", "eac", "igad", "mercosur", "oas", "ecowas", "asean", "quad", "aukus",
    ]  # fmt: skip
    for seated in ("caricom", "sadc", "eac", "igad", "mercosur", "oas", "ecowas"):
        assert g[seated].lat is not None and g[seated].lon is not None
    # "Quad" alone is a bike; shouted "CAN" is no organization.
    assert find_mentions("A quad bike. Quad bikes are loud. CAN YOU HEAR") == []


def test_a_name_of_a_state_binds_the_person():
    text = "Karl Brenner brought Anna Petrova and Ilham Aliyev of Azerbaijan together; Aliyev left early."
    assert officials(text) == [("Ilham Aliyev of Azerbaijan", "AZE"), ("Aliyev", "AZE")]
    assert officials("Mohammed bin Salman of Saudi Arabia met Emmanuel Macron of France.") == [
        ("Mohammed bin Salman of Saudi Arabia", "SAU"),
        ("Emmanuel Macron of France", "FRA"),
    ]
    # Institutions, places and titles "of" a state are no persons.
    for text in (
        "the Central Bank of Nigeria cut rates",
        "Human Rights Watch of Kenya reported",
        "Ships in the Gulf of Oman and the Sea of Japan",
        "The Crown Prince of Saudi Arabia",
        "The Democratic Republic of Congo",
    ):
        assert officials(text) == [], text


def test_major_armed_groups_are_known():
    text = (
        "The M23 and the FDLR clashed near Goma; the Allied Democratic Forces struck Beni. JNIM attacked "
        "a convoy, Kataib Hezbollah fired rockets, the Arakan Army took Paletwa, the Tatmadaw bombed a "
        "village, the Libyan National Army advanced, and the Pakistani Taliban attacked."
    )
    assert [a for _, a in found(text)] == [
        "m23", "fdlr", "adf", "jnim", "kataib-hezbollah", "arakan-army", "MMR", "lna", "ttp",
    ]  # fmt: skip
    # "Kataib Hezbollah" is not Hezbollah; "ADF" alone is not matched (the Australian Defence Force).
    assert found("The ADF deployed.") == []
    assert found("Let the LeT remain.") == []


def test_leaders_of_groups_stand_for_their_group():
    # A title after the group, a nickname after the name, a name owning the group.
    assert actors("Hezbollah leader Hassan Nasrallah spoke. Nasrallah was defiant.") == ["hezbollah"] * 2
    assert actors("RSF commander Mohamed Hamdan Dagalo (Hemedti) spoke. Hemedti left.")[-1] == "rsf"
    assert actors("He fought Mohamed Dagalo, known as Hemedti, whose RSF holds Darfur. Hemedti left.")[-1] == "rsf"
    assert actors("Khalifa Haftar's LNA holds the east. Haftar flew home.")[-1] == "lna"
    # Not a person: a day, a pronoun, a state owning a group.
    assert actors("Sunday's Hamas raid ended. Sunday was calm.") == ["hamas"]
    assert actors("Its Hamas allies met. Iran's Hezbollah grew.") == ["hamas", "IRN", "hezbollah"]


def test_known_leaders_speak_for_their_state_without_a_title():
    text = "Nicolás Maduro met Irfaan Ali in Brasília. Later, Maduro flew home and Putin called."
    assert officials(text) == [
        ("Nicolás Maduro", "VEN"), ("Irfaan Ali", "GUY"), ("Maduro", "VEN"), ("Putin", "RUS"),
    ]  # fmt: skip
    # A former leader no longer speaks for the state, with or without a title between.
    assert officials("Former US President Barack Obama spoke. Obama said so.") == []
    assert officials("The former British prime minister Boris Johnson spoke.") == []


def test_the_shipped_list_of_leaders_is_consistent_with_the_gazetteer():
    from mapviewer.extract.gazetteer import Gazetteer

    g = Gazetteer.default()
    assert len(g.people) > 300
    short: dict[str, str] = {}
    for p in g.people:
        assert p["actor"] in g and p["name"][:1].isupper()
        for s in p["short"]:
            assert short.setdefault(s, p["name"]) == p["name"], s  # a name used alone means one person


def test_the_north_and_the_south_are_the_koreas_in_a_text_about_them():
    assert actors("North Korea fired missiles. The North has shipped shells to Russia, and the South protested.") == [
        "PRK", "PRK", "RUS", "KOR"
    ]
    # Places, not states: a following name, a hyphen, "of"; and no Korea named at all.
    assert actors("North Korea tested a missile. Ships crossed the South China Sea and the North-East.") == ["PRK"]
    assert actors("North Korea tested a missile. The South of France was calm.") == ["PRK", "FRA"]
    assert actors("Sudan has split: the South seceded in 2011.") == ["SDN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ELN and FARC dissidents clashed near the border.", ["eln", "farc"]),
        ("Tren de Aragua has spread south.", ["tren-de-aragua"]),
        ("The Kachin Independence Army and the MNDAA, part of the Three Brotherhood Alliance, seized towns.",
         ["kachin-independence-army", "mndaa", "three-brotherhood-alliance"]),
        ("Puntland and Jubaland defied the federal plan; Kismayo rejected the vote.", ["puntland", "jubaland", "jubaland"]),
        ("The SPLM-IO walked out.", ["splm-io"]),
        ("Fano militias ambushed a convoy.", ["fano"]),
        ("Fano is a seaside town.", []),  # the militia only by its full name
    ],
)
def test_armed_groups_and_regions_the_fixture_writers_missed(text, expected):
    assert actors(text) == expected


def test_a_word_cut_short_is_no_misspelling():
    # "Central Africa" (a region) is not a misspelt "Central African" (the republic's adjective).
    assert not find_mentions('IS outlets claim the massacres as the work of their "Central Africa Province".')[1:]
    assert [m.actor for m in find_mentions("Azerbaijan retook Nagorno-Karabkah.")] == ["AZE", "nagorno-karabakh"]


def test_no_fuzzy_key_opens_with_a_function_word():
    # The fuzzy pass skips spans that open with "The", "In", "After" ...: that is safe only while
    # no gazetteer form does.
    from mapviewer.extract.mentions import _FUZZY_NOT_FIRST, _matcher

    m = _matcher(Gazetteer.default())
    keys = {k for ks in m.fuzzy_index.values() for k in ks}
    assert keys and not [k for k in keys if k.split(" ")[0] in _FUZZY_NOT_FIRST]
