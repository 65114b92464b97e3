"""Words and clause-level helpers the relation extractor reads sentences with.

A sentence is a list of :class:`_Tok` (lower-case words; an actor mention is one token carrying
its actor). The helpers here find coordinated actors, subjects, prepositional phrases, asides
and negation from surface rules alone; :mod:`mapviewer.extract.relations` uses them.
"""

from __future__ import annotations

import re

from ..model import RELATION_TYPES
from . import cues as _cues

_TOKEN = re.compile(r"[’']s(?!\w)|\w+(?:n[’']t)?|[^\w\s]")
_POSSESSIVE = frozenset(("'s", "’s"))
_FUNCTION_WORDS = frozenset("is us it in on as an or so no be do".split())
_HOSTILE_TYPES = frozenset(k for k, v in RELATION_TYPES.items() if "conflict" in v)
_NEUTRAL_TYPES = frozenset(k for k, v in RELATION_TYPES.items() if v == "neutral")
_PREPS = frozenset(
    "in into to from of with against by at on for between among than inside within across near over "
    "under toward towards about as like via through alongside including amid despite after before "
    "during without behind".split()
)
_AUX = _cues.AUX
_ADVERBS = frozenset("also still then now recently reportedly allegedly already again once long later soon".split())
# Words allowed between two coordinated actors ("X, Y and the Z", "X-Y", "and in Z").
_COORD_GLUE = frozenset(
    ", and or as well both the - – / in to with of its their his her _".split()
)
# Modifiers of a coordinated actor: "the Sudanese army and the *paramilitary* RSF".
_COORD_MODIFIERS = frozenset("paramilitary rebel rebels militant armed separatist islamist jihadist insurgent".split())
_COORD_GLUE = _COORD_GLUE | _COORD_MODIFIERS
_COORD_MARK = frozenset(", and or - – / as well".split())
# Head nouns that may follow an actor inside a coordination ("the Ethiopian government and the TPLF").
_HEADS = frozenset(
    "government governments forces troops army armies military militaries rebels regime regimes "
    "authorities officials leaders people side sides fighters militias navy air force diplomats ministers envoys "
    "lawmakers".split()
)
_BOUNDARY = frozenset("; : ( ) — – but while whereas although though because unless".split())
_RELATIVE = frozenset("which who whom that where".split())
_BE = frozenset("is are was were be been being get got gets getting".split())
_PRONOUNS = frozenset(("it", "they"))
# Words before "base(s)" that make it a military base, not a "support base" or "base rate".
_BASE_KINDS = frozenset(("military", "air", "naval", "drone"))
# "The Gulf state", "the tiny kingdom", "the self-ruled island": a described state stands for the
# one the text is about, as "the country" does (see _references._described_head).
_DESCRIBED_HEADS = frozenset("country nation state republic kingdom island emirate city-state sultanate monarchy".split())
# Quick test for a sentence that may refer back to an actor without naming it.
_PRONOUN_RX = re.compile(
    r"\b(?:[Ii]t|[Hh]e|[Ss]he|him|her|[Tt]hey|[Tt]hem|[Tt]here|[Tt]he (?:country|government|kingdom|island|atoll|archipelago|sultanate|emirate|regime|republic|state|administration|nation|city-state"
    r"|army|military|junta|juntas|regimes|armed forces|\w+ juntas|military governments|foreign ministry|defen[cs]e ministry|interior ministry|[Tt]reasury|navy|air force)|[Gg]overnment (?:forces|troops)"
    r"|[Tt]he (?:[\w-]+ ){1,3}(?:" + "|".join(sorted(_DESCRIBED_HEADS)) + r"))\b"
)
# The same for a text that names organizations or groups: also "the mission", "the group" (see below).
_PRONOUN_BACKREF_RX = re.compile(
    _PRONOUN_RX.pattern.replace("|armed forces|", "|armed forces|group|grouping|bloc|alliance|coalition|mission|militia|movement|agency|watchdog|forum|court|tribunal|rebels|militants|insurgents|jihadists"
                                "|organi[sz]ation|territory|enclave|entity|body|same group|(?:regional|hemispheric|continental|global) body|[\\w-]+-(?:aligned|allied|linked|affiliated|backed) (?:group|movement|militia|rebels|militants)|")
)
# Definite back-references to an organization or group: "the mission" (after "an EU mission"),
# "the bloc", "the alliance", "the group". Value: the kind of actor a bare noun may stand for.
_BACKREF_NOUNS = {
    "union": "organization",  # "the sanctions the union has slapped on Moscow"
    "group": "group", "militia": "group", "movement": "group", "rebels": "group", "militants": "group",
    "insurgents": "group", "jihadists": "group",
    "bloc": "organization", "alliance": "organization", "coalition": "organization", "mission": "organization",
    "agency": "organization", "watchdog": "organization", "forum": "organization", "court": "organization",
    "tribunal": "organization", "grouping": "organization",
    "organisation": "organization", "organization": "organization",
    "territory": "region", "enclave": "region",  # "the territory": a disputed one named before
    "body": "organization",  # "walked out of the hemispheric body"
    "entity": "region",  # "funding earmarked for the entity" (Republika Srpska)
}  # fmt: skip
_BACKREF_SET = frozenset(_BACKREF_NOUNS)
# One adjective allowed in a back-reference: "the militant group", "the Western alliance".
_BACKREF_ADJ = frozenset(
    "militant armed islamist jihadist rebel military western regional african european atlantic islamic "
    "paramilitary separatist international breakaway disputed same hemispheric continental global "
    "multilateral intergovernmental".split()
)
# "the Cold War", "the Gulf War": a war by name relates no one.
_NAMED_WARS = frozenset(
    "cold gulf world vietnam korean iraq whisky napoleonic cod opium boer crimean six-day yom".split()
)
# "the kingdom" and its kin stand for the last such monarchy named: absolute monarchies and the
# kingdoms news calls "the kingdom".
_KINGDOMS = frozenset("SAU JOR MAR BHR GBR ESP NLD BEL DNK NOR SWE THA KHM BTN SWZ LSO TON".split())
# Kingdoms news rarely calls "the kingdom": one of them is meant only when no other is near.
_WEAK_KINGDOMS = frozenset("GBR ESP NLD BEL DNK NOR SWE".split())
# "the island" likewise, for the island states and territories news calls so ("Beijing's pressure
# on the island"); not archipelagos such as Japan or Indonesia.
_ISLANDS = frozenset(
    "TWN CUB LKA CYP GRL MDG JAM ISL MLT SGP MUS BHR TTO BRB FJI CPV STP COM SYC "
    "KIR TUV MHL NRU PLW FSM SLB VUT TON WSM MDV BHS".split()
)
# "the atoll nation", "the archipelago": states made of atolls or of many islands.
_ATOLLS = frozenset("KIR TUV MHL MDV".split())
_ARCHIPELAGOS = _ATOLLS | frozenset("PHL IDN SLB VUT FSM BHS CPV COM FJI PLW".split())
_MONARCHY_NOUNS = {
    "kingdom": _KINGDOMS, "sultanate": frozenset(("OMN", "BRN")), "emirate": frozenset(("QAT", "KWT", "ARE")),
    "island": _ISLANDS, "atoll": _ATOLLS, "archipelago": _ARCHIPELAGOS,
}  # fmt: skip
# "an EU mission", "the NATO alliance": the noun names the actor before it, for a later "the mission".
_NOUN_AFTER = re.compile(r"[ \t]+(" + "|".join(_BACKREF_NOUNS) + r")\b")
_BACKREF_NOT_AFTER = frozenset("between with of against state".split())  # also "the Union State of Russia and Belarus"
# A group named only to describe another is no antecedent of "the militants": "al-Shabaab,
# *al-Qaeda's* affiliate", "the *al-Qaeda*-aligned coalition", "under the *Islamic State* banner".
_DESCRIBED_BY_POSS = ("affiliate", "offshoot", "branch", "franchise", "wing", "ally", "successor", "splinter")
_DESCRIBED_BY_NEXT = ("banner", "flag", "umbrella", "brand", "affiliate", "offshoot", "franchise")
_DESCRIBING_NOUNS = frozenset(_DESCRIBED_BY_POSS + _DESCRIBED_BY_NEXT)
_DESCRIBING_AFTER = re.compile(
    r"(?:-(?:aligned|backed|linked|affiliated|allied|inspired|style|loyal)\b"
    r"|['’]s[ \t]+(?:\w+[ \t]+)?(?:" + "|".join(_DESCRIBED_BY_POSS) + r")\b"
    r"|[ \t]+(?:" + "|".join(_DESCRIBED_BY_NEXT) + r")\b)"
)
_BACKREF_RANGE = 1500  # characters: an older antecedent is too far back to be meant
# A state's own forces, named with it: "the Sudanese army", "Sudan's military", "Burhan's forces".
# A later bare "the army" stands for the last such state (see _Extractor._resolve_forces).
_OWNED_FORCES = re.compile(
    r"(?:['’]s)?[ \t]+(?:armed[ \t]+forces|army|junta|government"
    # "Russian military instructors" names no army: "military" only as a noun.
    r"|military(?![ \t]+(?:instructors|advisers|advisors|aid|exercises?|equipment|bases?|cooperation|hardware"
    r"|contractors|presence|personnel|experts|trainers|support|ties|drills|assistance|officials|sources)))(?![\w-])"
    r"|['’]s[ \t]+(?:forces|troops)(?![\w-])"
)
_FORCE_WORDS = frozenset(("army", "military", "junta", "forces", "troops", "government", "ministry", "treasury", "navy", "force"))


def _force_key(phrase: str) -> str:
    """The force word a phrase names: "'s armed forces" -> "forces", " junta" -> "junta"."""
    w = phrase.rsplit(None, 1)[-1].lower()
    return "forces" if w == "troops" else w


# Words after "the army" that make it a person or a place, not the state acting: "the army chief".
_FORCE_NOT = frozenset(
    "chief chiefs commander commanders general generals officer officers spokesman spokesperson headquarters "
    "base bases barracks units unit governments regimes juntas rulers".split()
)
# "Turkish-made drones", "the Russian-led CSTO", "a British-drafted resolution": an actor inside a
# noun phrase is not an actor of the clause. "Iran-backed Houthis" states support, nothing more.
_MODIFIER_PARTS = frozenset(
    "made built designed produced manufactured led drafted owned based flagged registered".split()
)
# Participles that open an aside about the noun before them (", led by ...,", ", based in ...,").
_APPOSITIVE_PARTICIPLES = frozenset(
    "led headed chaired run founded based created formed established known dubbed elected appointed "
    "named installed backed dominated controlled funded supported armed".split()
)
# "the Iran-aligned Houthis", "Russia-friendly parties": the actor sides with the noun's, and is no actor of the clause.
_ALIGNED_PARTS = frozenset("aligned allied linked affiliated friendly leaning".split())
# "Turkish-built drones": a maker, and the verbs that make the clause's subject its customer.
_MADE_PARTS = frozenset("made built designed produced manufactured supplied".split())
_USE_VERBS = frozenset("deploy use field operate fly buy acquire receive rely purchase order obtain".split())
# Forces sent with a purpose of support: "sent the patrol ship HMS Trent ... in a show of support".
_VESSELS = frozenset("ship ships vessel vessels patrol frigate destroyer carrier".split())
_SHOW_OF_SUPPORT = frozenset("support solidarity defend defence defense protect reassure reassurance".split())
# Organs of a state named after its capital: "the Tripoli-based coast guard".
_STATE_ORGANS = frozenset("coast government administration authorities parliament navy police ministry".split())
# Words that open a noun-phrase aside after an actor: "Ottawa, itself the target of ...,".
_APPOSITIVE_OPENERS = frozenset("itself themselves a an the once long home now then still also currently formerly".split())
_BACKING_PARTS = frozenset("backed funded armed supported sponsored trained equipped".split())
# Verbs of carrying: a trade cue only with goods named ("carried weapons to the RSF").
_CARRY = frozenset("carry fly smuggle ferry funnel airlift rush travel ship pipe".split())
# "the two sides", "both parties", "the warring parties", "the two foreign ministers".
_SIDES_NOUNS = frozenset(
    "sides parties countries leaders ministers presidents governments delegations rivals foes neighbours "
    "neighbors capitals juntas states nations belligerents".split()
)
_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
# Sides of a conflict: "the two sides", "both parties", "the two rivals".
_CONFLICT_SIDES = frozenset("sides parties rivals foes belligerents".split())
_RULER_NOUNS = frozenset("juntas regimes states nations".split())
_RULER_PLURALS = frozenset(("juntas", "regimes"))
# Sides nouns only states can be: "courted both capitals" is not a rebel movement.
_STATE_ONLY = frozenset(("capitals", "countries", "governments"))
_STATE_SIDES = frozenset("countries leaders ministers presidents governments capitals neighbours neighbors".split())
_SIDES_RX = re.compile(
    r"(?i)\b(?:both|two|three|four|warring)[ \t]+(?:\w+[ \t]+)?(?:" + "|".join(_SIDES_NOUNS) + r")\b"
    r"|\bthe[ \t]+(?:two|three|four)[ \t]+\w+(?:ly|ed)\b"  # "the three formally walked out"
)
# A mediation cue: one actor named is enough ("The talks, hosted by Qatar"; see _unnamed_parties).
_MEDIATION_RX = re.compile(r"(?i)\b(?:mediat|broker|hosted\b|hosting\b|conven|brought\b|bring|shuttl|coax|good offices)")
# Bodies an actor leads: "a Saudi-led coalition", "the US-led mission" (the leader acts).
_LED_BODIES = frozenset("coalition alliance force forces mission operation campaign intervention".split())
_PRONOUN_NOUNS = frozenset("country government kingdom regime republic state administration nation".split())
# Modifiers of a described state that point elsewhere: "the neighbouring country".
_NOT_THIS_ONE = frozenset(
    "other another neighbouring neighboring rival opposing enemy donor creditor third transit member host first second "
    "last next previous same whole entire nation-state welfare islamic jewish".split()
)
# Verbs of a reporting clause: ", Qatar's foreign ministry said" names the source, not an object.
_SAID = frozenset(
    "said says told tells added stated announced reported confirmed noted according".split()
)
# Object pronouns: "accusing *him* of directing support for X" -- the object is the person.
_OBJ_PRONOUNS = frozenset("him her them me us you".split())
# "has armed *it*", "backs *them*": an object pronoun right after a verb cue stands for an actor.
_ACTOR_OBJ_PRONOUNS = frozenset(("it", "them"))
# "pledged money to *rebuild the south*": aid for the rebuilding of the place the text is about.
_REBUILD = frozenset("rebuild rebuilding reconstruct reconstructing reconstruction recovery".split())
# A state named as a place: "in southern Lebanon", "across Lebanon", "on Lebanese soil".
_PLACE_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Aa]cross|[Ii]nside|[Tt]hroughout)[ \t]+(?:(?:the[ \t]+)?(?:south|north|east|west)(?:ern)?[ \t]+)?(?=[A-Z])"
)
_PLACE_AFTER = re.compile(r"[ \t]+(?:soil|territory)\b")
# People in a place are not its state: "protesters in Kinshasa attacked", "residents of Kyiv".
_PEOPLE = frozenset(
    "protesters protestors demonstrators crowds crowd residents citizens civilians people students mobs mob "
    "rioters activists workers villagers inhabitants locals voters refugees migrants mourners worshippers "
    "shoppers fans youths passers-by onlookers".split()
)
_PEOPLE_PREPS = frozenset("in of from across throughout around near outside".split())
# Between a possessive relation noun and its complement: "X's closest ally remains Y".
_COPULA = frozenset("is are was were remains remain remained has have had been be still".split())
_REPORTING = frozenset("accuse accused accuses accusing allege alleged alleges claim claimed claims".split())
# Between a subject and a possessive relation noun: "X is one of Y's", "X, once Y's main".
_COPULA_GLUE = frozenset(
    "is are was were remains remain remained became become becomes been has have had one of the a an , "
    "once still also now long seen as considered regarded its main among".split()
)


class _Tok:
    """One token of a sentence read closely: a lower-case word, or a mention carrying its actor.

    A plain class with slots: a sentence makes dozens of these, and its constructor is the
    cheapest that Python allows."""

    __slots__ = ("actor", "adj", "low", "person", "poss", "pron")

    def __init__(
        self, low: str, actor: str | None = None, poss: bool = False, pron: bool = False, person: bool = False, adj: bool = False
    ) -> None:
        self.low = low
        self.actor = actor
        self.poss = poss  # followed by "'s"
        self.pron = pron  # a resolved pronoun, not a mention
        self.person = person  # an official standing for the actor ("he"/"she" may refer back to one)
        self.adj = adj  # an adjective ("Chinese incursions"), not a name ("the Gaza war")

    def __repr__(self) -> str:
        return f"_Tok({self.low!r}, {self.actor!r})"


def _tokens(text: str, s: int, e: int, mentions: list) -> list[_Tok]:
    """The tokens of ``text[s:e]``, lower-cased; each mention is one token carrying its actor.

    A possessive "'s" is not a token: it marks the actor before it (``poss``). Only the
    first token after a mention can be one, as words carry no actor."""
    toks: list[_Tok] = []
    pos = s
    findall = _TOKEN.findall
    for m in mentions:
        words = findall(text[pos : m.start].lower())  # one lower() per stretch, not per word
        if words and toks and words[0] in _POSSESSIVE:
            toks[-1].poss = True
            del words[0]
        toks += [_Tok(w) for w in words]
        low = m.surface.lower()
        if low in _FUNCTION_WORDS:
            low = m.surface  # "IS", "US": an actor, never the verb "is" or the pronoun "us"
        toks.append(_Tok(low, m.actor, person=m.form == "official", adj=m.form == "adjective"))
        pos = m.end
    words = findall(text[pos:e].lower())
    if words and toks and words[0] in _POSSESSIVE and toks[-1].actor:
        toks[-1].poss = True
        del words[0]
    toks += [_Tok(w) for w in words]
    return toks


_verbish = _cues.verbish


def _group(toks: list[_Tok], i: int, step: int, limit: int) -> list[int]:
    """Indices of the coordinated actors starting at actor token ``i``, going ``step``."""
    out = [i]
    if toks[i].pron and toks[i].low in _PRONOUNS:
        return out  # "... with Japan, and it has allowed": a pronoun starts its own clause
    seen = {toks[i].actor}
    j = i + step
    mark = False
    comma_and = False  # going back, ", and" crossed: the actor after it may start its own clause
    listed = False  # a list has "and", "or" or a hyphen; "In addition to X, Y" has a lone comma
    while 0 <= j < len(toks) and abs(j - i) <= limit:
        t = toks[j]
        if t.actor:
            if t.pron and t.low in _PRONOUNS:
                break
            if (
                step < 0 and mark and toks[j + 1].low == "," and _after_prep(toks, j) and not _after_prep(toks, out[0])
                # not "after Britain, France and Germany pulled": a list opening a clause of time
                and not (j + 2 < len(toks) and toks[j + 2].actor and _word_before(toks, j) in _TIME_CONJ)
            ):
                break  # "support for the M23, and Britain suspended": the M23 ends the clause before
            b = j - 1
            while b > 1 and toks[b].low in ("the", "_"):
                b -= 1
            if step > 0 and mark and toks[b].low == "and" and toks[b - 1].low == "," and _is_subject(toks, _run_end(toks, j)):
                break  # "between Niamey and Paris, and Chinese diplomats are", ", and the UAE and Qatar urged"
            if mark and toks[j - step].low == "," and t.poss != toks[i].poss:
                break  # "Russia, Algeria's main arms supplier,": an apposition, not a list
            if step < 0 and comma_and and _is_subject(toks, out[0]):
                break  # "... with the Greenlandic government, and EU leaders have": a new clause
            if t.actor in seen or mark:
                out.append(j)
                seen.add(t.actor)
                i, mark = j, False
            else:
                break
        elif t.low in _COORD_MARK:
            mark = True
            listed = listed or t.low != ","
            comma_and = comma_and or (step < 0 and t.low == "," and toks[j + 1].low == "and")
        elif t.low in ("(", ")") and (close := _paren_end(toks, j, step)) is not None:
            j = close  # "the Sudanese Armed Forces (SAF) and the RSF": an acronym in brackets
        elif not (t.low in _COORD_GLUE or t.low in _HEADS):
            break
        j += step
    if not listed and step < 0 and len(out) > 1 and out[0] + 1 < len(toks) and toks[out[0] + 1].low in ("and", "or"):
        listed = True  # "Norway, the United Kingdom and the Faroe Islands": a list going on past a name we lack
    if not listed:
        return [k for k in out if toks[k].actor == toks[out[0]].actor]
    return out


# "the Saudi city of Jeddah", "the Ukrainian port of Odesa": a place, not its state.
_PLACE_NOUNS = frozenset(
    "city town port capital village province region district coast island islands enclave border "
    "desert state county".split()
)
# The words before "the Saudi city of ...", which make it the place of an event.
_LOCATING = frozenset("in at near outside inside from".split())
# "near the Russian border", "along the Lebanese frontier": where, not who.
_EDGES = frozenset("border frontier coast coastline shore".split())
_ALONG = frozenset("near along across at on to towards toward by".split())


def _place_adjectives(toks: list[_Tok], lows: list[str]) -> None:
    """Drop the actor of a state's adjective that only locates an event ("signed in the Saudi city
    of Jeddah"): "in the <adjective> <place noun> of <name>". A place attacked ("hit the Ukrainian
    port of Odesa") still stands for its state."""
    for i in range(2, len(toks) - 1):
        t = toks[i]
        if not (t.adj and t.actor and toks[i - 1].low == "the" and not toks[i + 1].actor):
            continue
        if i + 2 < len(toks) and toks[i + 1].low in _PLACE_NOUNS and toks[i + 2].low == "of" and toks[i - 2].low in _LOCATING:
            t.actor, t.adj = None, False
        elif toks[i + 1].low in _EDGES and toks[i - 2].low in _ALONG:
            t.actor, t.adj = None, False  # "held drills near the Russian border": a place, and no neighbours
            toks[i + 1].low = lows[i + 1] = "_"


def _paren_end(toks: list[_Tok], j: int, step: int) -> int | None:
    """The index of the bracket closing the one at ``j`` (going ``step``), when one to three
    words without an actor stand between them; else None."""
    want = ")" if step > 0 else "("
    if toks[j].low == want:
        return None
    for k in range(j + step, j + 5 * step, step):
        if not 0 <= k < len(toks) or toks[k].actor:
            return None
        if toks[k].low == want:
            return k if abs(k - j) > 1 else None
    return None


def _before_brackets(toks: list[_Tok], j: int) -> int | None:
    """At the ")" at ``j``, the token to go on from, going back: the name before a bracketed
    acronym ("the Rapid Support Forces (RSF)"), else the acronym itself, else the word before
    a few bracketed words ("the Sudanese Armed Forces (SAF)"). None when no bracket closes here."""
    if j > 1 and toks[j - 1].actor and toks[j - 2].low == "(":
        return j - 3 if j > 2 and toks[j - 3].actor else j - 1
    opened = _paren_end(toks, j, -1)
    return opened - 1 if opened is not None else None


def _run_end(toks: list[_Tok], i: int) -> int:
    """The last actor of the plain coordination starting at actor ``i`` ("the UAE and Qatar")."""
    end = i
    k = i + 1
    while k < len(toks) and (toks[k].actor or toks[k].low in ("and", "the", "_")):
        if toks[k].actor:
            end = k
        k += 1
    return end


def _is_subject(toks: list[_Tok], i: int) -> bool:
    """Is actor token ``i`` (the end of a group) followed by a verb, as a clause subject is?"""
    j = i + 1
    skipped = 0
    while j < len(toks) and skipped < 3:
        low = toks[j].low
        if toks[j].actor:
            return False
        if low in _AUX or _verbish(low):
            return True
        if low in ("co", "re") and j + 2 < len(toks) and toks[j + 1].low == "-" and _verbish(toks[j + 2].low):
            return True  # "France co-sponsored the ceasefire", "Ankara re-imposed"
        if (
            low in _ADVERBS
            or (low.endswith("ly") and low.isalpha())  # "the two countries finally ended"
            or (toks[i].poss and skipped < 2 and low.isalpha())
            or low in _HEADS
            or (skipped == 0 and low.endswith("s") and low.isalpha() and not toks[i].poss and j + 1 < len(toks)
                and (_verbish(toks[j + 1].low) or toks[j + 1].low.endswith("ly")))  # "Russian bombers probe"
        ):
            j += 1
            skipped += 1
            continue
        if low == ",":  # an appositive: "Azerbaijan, which borders Iran" / "the UAE, once ..."
            k = i - 1
            while k >= 0 and (toks[k].low in ("the", "a", "an") or toks[k].actor):
                k -= 1
            # but not a verb's object: "Niger has expelled French forces, turned to Russia"
            return k < 0 or toks[k].low in _AUX or not _verbish(toks[k].low)
        return False
    return False


_TIME_CONJ = frozenset("after before since until".split())


def _coordinated(toks: list[_Tok], i: int) -> list[int]:
    """Actor token ``i`` with every actor coordinated with it on either side, in text order
    ("India and China announced", ", accusing Israel" after "Egypt and Qatar")."""
    return sorted(set(_group(toks, i, -1, 12)) | set(_group(toks, i, 1, 12)))


def _after_prep(toks: list[_Tok], i: int) -> bool:
    j = i - 1
    while j >= 0 and toks[j].low in ("the", "a", "an"):
        j -= 1
    return j >= 0 and toks[j].low in _PREPS


# Prepositions that put an actor in a phrase of its own; not "by" (an agent) nor "of"/"for".
_PHRASE_PREPS = frozenset("in into to from with against over on at near inside across toward towards".split())
# Words before "in" that make the place speak for its state: "officials in Beijing condemned".
_SPEAKERS = frozenset(
    "officials leaders authorities government diplomats ministers politicians lawmakers policymakers "
    "analysts commentators media".split()
)
_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+$")
_CAP_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
# Capitalized words before an adjective that do not make it part of a name ("The Ethiopian army").
_NOT_NAME_WORDS = frozenset(
    "the a an in on at for but and as with by from to of after before while when since both many some two "
    "three several its their his her our this that these those under new former".split()
)


def _inside_name(text: str, s: int, e: int) -> bool:
    """Is the adjective at ``text[s:e]`` inside a proper name, between two capitalized words
    ("the Grand *Ethiopian* Renaissance Dam", "Trans *Adriatic* Pipeline")?"""
    if _CAP_AFTER.match(text, e) is None:
        return False
    b = _NAME_BEFORE.search(text, max(0, s - 30), s)
    return b is not None and b.group(1).lower() not in _NOT_NAME_WORDS


def _before_aside(lows: list[str], c: int) -> int:
    """Token ``c``, or, when a short aside between commas stands right before it ("has not,
    *however,* offered"), the opening comma of that aside."""
    if c < 3 or lows[c - 1] != ",":
        return c
    for k in range(c - 2, max(0, c - 5), -1):
        if lows[k] == ",":
            return k if k + 1 < c - 1 and k > 0 and lows[k - 1] != "," else c
        if not lows[k].isalpha():
            return c
    return c


def _negated_before(lows: list[str], k: int) -> bool:
    """Is the verb phrase ending before token ``k`` negated ("has *not* sent instructors", "*refrained*
    from accusing Kampala")? Looks back to the start of the clause, at most eight words."""
    j = k - 1
    skipped = 0
    while j >= 0 and k - j - skipped <= 8 and lows[j] not in _BOUNDARY and lows[j] not in ("and", "but"):
        if lows[j] == ",":
            opening = _before_aside(lows, j + 1)
            if opening == j + 1:
                break
            skipped += j + 1 - opening
            j = opening - 1  # past "has not, however, sent"
            continue
        if lows[j] in _cues.NEGATORS or lows[j] in _REFRAIN:
            return True
        j -= 1
    return False


# "X regards Y as a provocation", "called Y a threat", "branded Y an enemy".
_REGARD_VERBS = frozenset("regard see view consider call brand label deem describe treat rank count".split())
_REGARD_GLUE = frozenset(
    "as a an the its their real direct major serious grave potential existential strategic key natural main chief "
    "greatest biggest".split()
)
_POSS_PRONOUNS = frozenset(("its", "their", "his", "her"))
# Cue verbs that state a relation only under conditions checked elsewhere ("brought ... into force").
_CONDITIONAL_VERBS = frozenset(
    "bring brings brought bringing convene convened shuttle shuttled open opened send sent carry carried".split()
)
# Joint projects named after two states: only in "X-Y <noun>" ("the China-Pakistan Economic Corridor").
_COMPOUND_ONLY = frozenset(("corridor", "pipeline", "railway", "commission", "initiative", "project"))
_PLACE_PREPS = frozenset(("in", "into", "near", "across", "inside", "along"))
_RULERS = frozenset("junta juntas regime regimes rulers government governments forces troops army military".split())
_TERRITORY = frozenset("airspace territory waters soil border borders".split())
# Verbs whose object is a place ("invested heavily in Rwanda's airport", "opened an embassy in").
_TAKES_PLACE = frozenset(
    "invest invested invests investing open opened opens opening reopen reopened reopens reopening "
    "intervene intervened meddle meddled meddling "
    "interfere interfered interfering deploy deployed station stationed base based pour poured pours pouring".split()
)
_BACK_ADVERB = frozenset("to into from in on down off out away home up".split())
_NO = frozenset(("no", "not", "never", "without"))
# A participle in the object's noun phrase ("assets held by", "companies owned by").
_PARTICIPLE_RX = re.compile(r"(?:held|owned|run|controlled|operated|used|backed|funded|led|flown|made)$")
# Verbs of sending forces: with no destination named, the text's own state receives them.
_DEPLOY = frozenset(("send", "deploy", "dispatch", "rotate", "arrive"))
_TROOP_WORDS = frozenset(
    "police officers detachment contingent peacekeepers battalion brigade personnel force instructors".split()
)
_DEPLOY_RX = re.compile(r"\b(?:sen[dt]s?|sending|dispatch\w*|deploy\w*|arriv\w*|rotat\w*|hit back|retaliat\w*)\b")
_FOUND = frozenset(("form", "found", "create", "establish"))
# Words of talks between sides, as against gatherings ("a reconstruction conference").
_NEGOTIATIONS = frozenset("talks negotiations dialogue round rounds meeting meetings".split())
_CLAIMED_DEEDS = frozenset(
    "responsibility credit victory attack attacks dozens strike strikes killing killings bombing lives".split()
)
_ARMS_AGAINST = _cues.Cue("war", "dir", True, 0.6)  # "took up arms against IS"
_TAKE = frozenset("take takes took taken taking accept accepted".split())
_REFRAIN = frozenset("refrain refrained refrains refraining avoid avoided avoids avoiding stopped".split())


def _in_phrase(toks: list[_Tok], i: int) -> bool:
    """Is actor token ``i`` the object of a preposition ("troops *in* Somalia", "a dispute *with*
    Ethiopia"), and not a place speaking for its state ("officials in Beijing")?"""
    j = i - 1
    while j >= 0 and toks[j].low in ("the", "a", "an"):
        j -= 1
    if j < 0 or toks[j].low not in _PHRASE_PREPS:
        return False
    return not (j > 0 and toks[j - 1].low in _SPEAKERS)


def _people_in_place(toks: list[_Tok], i: int) -> bool:
    """Is actor token ``i`` the place of a group of people ("protesters *in* Kinshasa", "crowds
    in central Tehran", "residents of Kyiv")? They act, not the state."""
    if i < 2 or not any(t.low in _PEOPLE_PREPS for t in toks[max(0, i - 3) : i]):
        return False  # the usual case, tested at once
    j = i - 1
    steps = 0
    while j >= 0 and steps < 2 and toks[j].low not in _PEOPLE_PREPS:
        if toks[j].actor or not toks[j].low.isalpha():
            return False
        j -= 1
        steps += 1  # "in central Tehran", "in the capital"
    if j < 1 or toks[j].low not in _PEOPLE_PREPS:
        return False
    k = j - 1
    if toks[k].low in _PEOPLE:
        return True
    # "protesters gathered in Kinshasa": one verb between the people and the place.
    return k >= 1 and _verbish(toks[k].low) and toks[k - 1].low in _PEOPLE


def _main_subject(toks: list[_Tok]) -> int | None:
    first = None
    skip = -1  # "traders in India, Japan and South Korea are watching": the list is a place
    for i, t in enumerate(toks):
        if not t.actor or i <= skip:
            continue
        if _after_prep(toks, i):
            skip = _group(toks, i, 1, 12)[-1]
            continue
        if first is None:
            first = i
        if _is_subject(toks, i):
            return i
    return first


def _sides_named(words: list[str]) -> bool:
    """Do ``words`` name the two parties without naming them ("the two sides", "both parties",
    "the warring parties", "the two foreign ministers")?"""
    for k, w in enumerate(words):
        if w in ("two", "both", "warring") or (w == "the" and k + 1 < len(words) and words[k + 1] == "parties"):
            if not _SIDES_NOUNS.isdisjoint(words[k + 1 : k + 4]):
                return True
    return False


def _verb_cue(low: str) -> bool:
    hit = _cues.lookup(low)
    return hit is not None and not hit[1].noun


def _object_extension(toks: list[_Tok], end: int, in_rel: bool) -> list[int]:
    """Actors named right after an object's head noun ("Russian mercenaries *from the Wagner
    Group*", "Iranian drones *of the IRGC*"): they are part of the object.

    ``end`` is the last actor token of the object; one to three plain words (the head noun)
    must follow it, then "from" or "of", an optional article and the actor."""
    n = len(toks)
    k = end + 1
    while k < n and k - end <= 3:
        t = toks[k]
        if t.actor or not t.low.isalpha() or t.low in _PREPS or _verbish(t.low) or _cues.lookup(t.low):
            break
        k += 1
    if k == end + 1 or k >= n or not (
        toks[k].low in ("from", "of") or (toks[k].low == "for" and toks[k - 1].low in ("bound", "destined", "headed"))
    ):
        return []  # "shipments *bound for* Hezbollah" too
    k += 1
    if k < n and toks[k].low in ("the", "a", "an"):
        k += 1
    if k >= n or not toks[k].actor:
        return []
    return _group(toks, k, 1, 12)


def _particle_ok(toks: list[_Tok], c: int) -> bool:
    """Does cue ``c`` have the particle it needs, if any ("sided *with*", "recalled *its ambassador*")?"""
    hit = _cues.lookup(toks[c].low)
    need = _cues.PARTICLES.get(hit[0]) if hit else None
    if need is None:
        return True
    span = _PARTICLE_SPAN.get(hit[0], 1)  # type: ignore[index]
    k = c + 1
    while k < len(toks) and (toks[k].low.endswith("ly") or toks[k].low in _INTENSIFIERS) and toks[k].low not in need:
        k += 1  # "sided *squarely* with the Danes", "leaned *ever more heavily* on"
    return not need.isdisjoint(t.low for t in toks[k : k + span])


_INTENSIFIERS = frozenset("ever more much even far further still so too".split())
# How far after a cue its particle may stand: "recalled *its* ambassador", "regards Somaliland as
# *part* of its territory" (the object and "as" come first).
_PARTICLE_SPAN = {"recall": 2, "mass": 4, "push": 4, "pledge": 6, "regard": 6, "consider": 6, "relay": 3, "pass": 3, "spend": 4, "hand": 4, "pour": 4, "commit": 4, "channel": 4, "pull": 5, "order": 7, "throw": 4,
                  "kick": 3, "discuss": 6, "list": 5, "align": 8, "contest": 3, "violate": 3, "breach": 3, "cross": 4, "turn": 3, "show": 6, "echo": 5, "parrot": 5, "drive": 3,
                  "withdraw": 2, "share": 6, "withhold": 4, "keep": 5, "lob": 3, "rain": 3, "take": 5, "hold": 4}


def _listed(toks: list[_Tok], i: int, j: int) -> bool:
    """Are actor tokens ``i`` < ``j`` only listed together ("X and Y", "X, the Y")?"""
    return all(toks[k].low in _COORD_GLUE or toks[k].low in _HEADS or toks[k].actor for k in range(i + 1, j))


def _word_before(toks: list[_Tok], j: int) -> str:
    k = j - 1
    while k > 0 and toks[k].low in ("the", "a", "an"):
        k -= 1
    return toks[k].low if k >= 0 else ""


def _prep_before(toks: list[_Tok], j: int, c: int) -> bool:
    """Is actor ``j`` introduced by a preposition (or "such as") after relation noun ``c``?"""
    k = j - 1
    while k > c and (toks[k].low in ("the", "a", "an", ",", "both", "_") or toks[k].actor):
        k -= 1
    return (k > c and toks[k].low in _PREPS) or (k == c and toks[c].low in _PREPS)


def _among(actors: list[str | None]) -> list[tuple[str, str, bool]]:
    uniq = [a for a in dict.fromkeys(actors) if a]
    return [(uniq[i], uniq[j], False) for i in range(len(uniq)) for j in range(i + 1, len(uniq))]
