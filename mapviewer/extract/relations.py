"""Relations between the actors of an article, from cue words and sentence structure.

For each sentence: the actor mentions (:func:`~mapviewer.extract.mentions.find_mentions`),
subject pronouns resolved to the actor the text is talking about, and the cue words of
:mod:`mapviewer.extract.cues`. Each cue links the actors on its left (the subject, or
the possessor of a relation noun) to the actors on its right (the object), using only
surface rules that hold for news prose:

* coordination: "Turkey and the UAE supplied drones" has two subjects, "allied with
  Hamas and Qatar" two objects, and the members of a list are not related to each other;
* a second verb phrase ("... and sought to become closer to the US") and a participle
  after a comma (", accusing Israel") take the clause's subject, a relative clause
  ("Azerbaijan, which borders Iran") its antecedent;
* passive voice with "by" swaps the sides ("Ukraine was supplied ... by Germany");
  "bought ... from Y" makes Y the supplier;
* "X's closest ally" relates X to the copula's subject; "relations between X and Y" and
  "X-Y relations" relate X and Y; a cue with no actor on one side states nothing;
* a negated cue ("did not attack", "denied supplying") states no relation; a hedged one
  ("may ally") lowers the confidence; a reversing verb ("ended cooperation") turns the
  valence of a relation noun;
* mediation ("Oman mediated between Saudi Arabia and the Houthis", "Qatar hosted talks
  between ...") relates the mediator to each party; a deal brokered with one party named
  takes the other from the last war in the text; "between" pairs the parties only for a
  symmetric cue ("relations between X and Y", not "offered to mediate between X and Y");
* "allowed American troops to use bases" is hosting; "deployed a brigade to X" makes X the
  host; "Russian mercenaries from the Wagner Group": an actor after the object's head noun
  is an object too; a cue inside ", which ... ," finds its object inside the clause; a
  resolved pronoun ("..., and it has allowed") is never coordinated with the actor before it.

* people in a place are not its state ("protesters in Kinshasa attacked ..."); an object
  pronoun ("accusing *him* of ...") is the object; ", X's ministry said" is a source, not an
  object; "X's closest ally remains Y" relates X and Y; "X bought ... — then signed with Y"
  keeps X as the subject; mediation with fewer than two parties named is resolved once the
  whole text is read (its main war, else its main dispute when no party is named);
* a pair that is hostile in one relation and cooperative in another (one per direction)
  becomes one undirected "mixed" relation, as a curated map draws it.
* an object pronoun after a verb cue ("has armed *it*", "backs *them*") stands for the last
  actor, in the sentence or the one before, that is not the cue's subject; "the mission",
  "the bloc", "the alliance", "the group" stand for the last organization or group named
  with that noun or of that kind; "killed 40 of *its* soldiers" with no actor after the cue
  is the sentence subject's; "pledged money to rebuild the south" is aid to the state the
  text is set in (named most often as a place); "X fought alongside Y inside Z" is war of X on Z.

Evidence is the whole sentence, sliced from the article text. A sentence that states no
pair by these rules but names both actors of a relation found elsewhere, in one clause with
a cue word between them (a resolved pronoun counts), is more evidence for that relation; it
never makes a new pair. Officials ("Venezuelan President Nicolás Maduro", later "Maduro")
are mentions of their state (:mod:`~mapviewer.extract.officials`).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from ..model import RELATION_TYPES, Actor, Article, Evidence, Relation, RelationMap
from . import cues as _cues
from .sentences import sentence_spans

__all__ = ["Cancelled", "extract_relations", "relation_valence"]

_TOKEN = re.compile(r"[’']s(?!\w)|\w+(?:n[’']t)?|[^\w\s]")
_POSSESSIVE = frozenset(("'s", "’s"))
_FUNCTION_WORDS = frozenset("is us it in on as an or so no be do".split())

_HOSTILE_TYPES = frozenset(k for k, v in RELATION_TYPES.items() if "conflict" in v)
_NEUTRAL_TYPES = frozenset(k for k, v in RELATION_TYPES.items() if v == "neutral")

_PREPS = frozenset(
    "in into to from of with against by at on for between among than inside within across near over "
    "under toward towards about as like via through alongside including amid despite after before "
    "during without".split()
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
_RELATIVE = frozenset("which who whom that".split())
_BE = frozenset("is are was were be been being get got gets getting".split())
_PRONOUNS = frozenset(("it", "they"))
# Words before "base(s)" that make it a military base, not a "support base" or "base rate".
_BASE_KINDS = frozenset(("military", "air", "naval", "drone"))
# Quick test for a sentence that may refer back to an actor without naming it.
_PRONOUN_RX = re.compile(
    r"\b(?:[Ii]t|[Hh]e|[Ss]he|him|her|[Tt]hey|[Tt]hem|[Tt]here|[Tt]he (?:country|government|kingdom|regime|republic|state|administration|nation"
    r"|army|military|junta|juntas|regimes|armed forces)|[Gg]overnment (?:forces|troops))\b"
)
# The same for a text that names organizations or groups: also "the mission", "the group" (see below).
_PRONOUN_BACKREF_RX = re.compile(
    _PRONOUN_RX.pattern.replace("|armed forces)", "|armed forces|group|bloc|alliance|coalition|mission|militia|movement|agency|watchdog|forum|court|tribunal|rebels|militants|insurgents|jihadists"
                                "|organi[sz]ation)")
)
# Definite back-references to an organization or group: "the mission" (after "an EU mission"),
# "the bloc", "the alliance", "the group". Value: the kind of actor a bare noun may stand for.
_BACKREF_NOUNS = {
    "group": "group", "militia": "group", "movement": "group", "rebels": "group", "militants": "group",
    "insurgents": "group", "jihadists": "group",
    "bloc": "organization", "alliance": "organization", "coalition": "organization", "mission": "organization",
    "agency": "organization", "watchdog": "organization", "forum": "organization", "court": "organization",
    "tribunal": "organization",
    "organisation": "organization", "organization": "organization",
}  # fmt: skip
_BACKREF_SET = frozenset(_BACKREF_NOUNS)
# One adjective allowed in a back-reference: "the militant group", "the Western alliance".
_BACKREF_ADJ = frozenset(
    "militant armed islamist jihadist rebel military western regional african european atlantic islamic "
    "paramilitary separatist international".split()
)
# "the Cold War", "the Gulf War": a war by name relates no one.
_NAMED_WARS = frozenset(
    "cold gulf world vietnam korean iraq whisky napoleonic cod opium boer crimean six-day yom".split()
)
# "the kingdom" and its kin stand for the last such monarchy named: absolute monarchies and the
# kingdoms news calls "the kingdom".
_KINGDOMS = frozenset("SAU JOR MAR BHR GBR ESP NLD BEL DNK NOR SWE THA KHM BTN SWZ LSO TON".split())
_MONARCHY_NOUNS = {
    "kingdom": _KINGDOMS, "sultanate": frozenset(("OMN", "BRN")), "emirate": frozenset(("QAT", "KWT", "ARE")),
}  # fmt: skip
# "an EU mission", "the NATO alliance": the noun names the actor before it, for a later "the mission".
_NOUN_AFTER = re.compile(r"[ \t]+(" + "|".join(_BACKREF_NOUNS) + r")\b")
_BACKREF_NOT_AFTER = frozenset("between with of against".split())
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
_FORCE_WORDS = frozenset(("army", "military", "junta", "forces", "troops", "government"))


def _force_key(phrase: str) -> str:
    """The force word a phrase names: "'s armed forces" -> "forces", " junta" -> "junta"."""
    w = phrase.rsplit(None, 1)[-1].lower()
    return "forces" if w == "troops" else w
# Words after "the army" that make it a person or a place, not the state acting: "the army chief".
_FORCE_NOT = frozenset(
    "chief chiefs commander commanders general generals officer officers spokesman spokesperson headquarters "
    "base bases barracks units unit".split()
)
# "Turkish-made drones", "the Russian-led CSTO", "a British-drafted resolution": an actor inside a
# noun phrase is not an actor of the clause. "Iran-backed Houthis" states support, nothing more.
_MODIFIER_PARTS = frozenset(
    "made built designed produced manufactured led drafted owned based flagged registered".split()
)
# Participles that open an aside about the noun before them (", led by ...,", ", based in ...,").
_APPOSITIVE_PARTICIPLES = frozenset(
    "led headed chaired run founded based created formed established known dubbed elected appointed "
    "named installed backed".split()
)
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
    "neighbors capitals juntas states nations".split()
)
_COUNTS = {"two": 2, "both": 2, "three": 3}
_RULER_NOUNS = frozenset("juntas regimes states nations".split())
_RULER_PLURALS = frozenset(("juntas", "regimes"))
_STATE_SIDES = frozenset("countries leaders ministers presidents governments capitals neighbours neighbors".split())
_SIDES_RX = re.compile(r"(?i)\b(?:both|two|three|warring)[ \t]+(?:\w+[ \t]+)?(?:" + "|".join(_SIDES_NOUNS) + r")\b")
# A mediation cue: one actor named is enough ("The talks, hosted by Qatar"; see _unnamed_parties).
_MEDIATION_RX = re.compile(r"(?i)\b(?:mediat|broker|hosted\b|hosting\b|conven|brought\b|bring|shuttl|coax|good offices)")
_PRONOUN_NOUNS = frozenset("country government kingdom regime republic state administration nation".split())
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
    "once still also now long seen as considered regarded its main".split()
)


class Cancelled(Exception):
    """Extraction was cancelled through the ``cancel`` callback."""


@dataclass(slots=True)
class _Tok:
    low: str
    actor: str | None = None
    poss: bool = False  # followed by "'s"
    pron: bool = False  # a resolved pronoun, not a mention
    person: bool = False  # an official standing for the actor ("he"/"she" may refer back to one)
    adj: bool = False  # an adjective ("Chinese incursions"), not a name ("the Gaza war")


@dataclass(slots=True)
class _Hit:
    source: str
    target: str
    directed: bool
    type: str
    confidence: float
    sent: int


def relation_valence(types: tuple[str, ...] | list[str]) -> str:
    """Overall valence of a relation from its types."""
    hostile = any(t in _HOSTILE_TYPES for t in types)
    coop = any(t not in _HOSTILE_TYPES and t not in _NEUTRAL_TYPES for t in types)
    if hostile and coop:
        return "mixed"
    if hostile:
        return "hostile"
    return "cooperative" if coop else "neutral"


# -- tokens ----------------------------------------------------------------------------
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
            if step < 0 and mark and toks[j + 1].low == "," and _after_prep(toks, j) and not _after_prep(toks, out[0]):
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
        elif not (t.low in _COORD_GLUE or t.low in _HEADS):
            break
        j += step
    if not listed:
        return [k for k in out if toks[k].actor == toks[out[0]].actor]
    return out


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
            return True
        return False
    return False


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


def _negated_before(lows: list[str], k: int) -> bool:
    """Is the verb phrase ending before token ``k`` negated ("has *not* sent instructors", "*refrained*
    from accusing Kampala")? Looks back to the start of the clause, at most eight words."""
    j = k - 1
    while j >= 0 and k - j <= 8 and lows[j] not in _BOUNDARY and lows[j] not in (",", "and", "but"):
        if lows[j] in _cues.NEGATORS or lows[j] in _REFRAIN:
            return True
        j -= 1
    return False


# "X regards Y as a provocation", "called Y a threat", "branded Y an enemy".
_REGARD_VERBS = frozenset("regard see view consider call brand label deem describe treat rank".split())
_REGARD_GLUE = frozenset(
    "as a an the real direct major serious grave potential existential strategic key natural main chief "
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
    "invest invested invests investing open opened opens opening intervene intervened meddle meddled meddling "
    "interfere interfered interfering deploy deployed station stationed base based".split()
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
_DEPLOY_RX = re.compile(r"\b(?:sen[dt]s?|sending|dispatch\w*|deploy\w*|arriv\w*|rotat\w*)\b")
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


# -- the extractor ---------------------------------------------------------------------
class _Extractor:
    def __init__(self, article: Article, gazetteer=None) -> None:
        self.article = article
        self.gazetteer = gazetteer
        self.hits: list[_Hit] = []
        self.spans: list[tuple[int, int]] = []
        self.wars: dict[tuple[str, str], int] = {}
        self.hostile: dict[tuple[str, str], int] = {}  # hits of any hostile type, per pair
        # Mediations with fewer than two parties named: (mediators, parties, confidence, sentence).
        self.pending_med: list[tuple[set[str], list[str], float, int]] = []
        # Verb cues whose object is "both sides": (subjects, type, link, confidence, sentence).
        self.pending_sides: list[tuple[set[str], str, str, float, int]] = []
        self._rel: list[bool] = []
        self._topic: str | None = None
        # Starts and states of "the Sudanese army"-like phrases, for a later bare "the army".
        # per force word ("army", "junta", ...): starts and states, for a later "the junta"
        self._owners: dict[str, tuple[list[int], list[str]]] = {}
        self._prev_ms: list = []  # the mentions of the previous sentence
        self._prev_subj: str | None = None  # the subject (or first actor) of the previous sentence
        self._kinds: dict[str, str] = {}  # actor -> gazetteer kind
        self._mentions: list = []
        self._mention_starts: list[int] = []
        self._lists: list[tuple[int, list[str]]] = []  # (sentence, states) listed together
        self._home: str | None = None  # computed on first use (see _home_state)
        # Starts and actors of organization/group mentions, per back-reference key (a kind, or a
        # noun written after the actor: "an EU *mission*"), for "the mission", "the group".
        self._refs: dict[str, tuple[list[int], list[str]]] = {}
        # Sentences with actor pairs a cue word links: (sentence index, pairs).
        self.cooc: list[tuple[int, set[frozenset[str]]]] = []

    def run(self, progress: Callable[[float, str], None] | None, cancel: Callable[[], bool] | None) -> RelationMap:
        from .gazetteer import Gazetteer
        from .mentions import find_mentions

        text = self.article.text
        gaz = self.gazetteer if self.gazetteer is not None else Gazetteer.default()
        if progress:
            progress(0.0, "finding sentences")
        self.spans = spans = sentence_spans(text)
        if progress:
            progress(0.05, "finding actors")
        mentions = find_mentions(text, gaz)
        if cancel and cancel():
            raise Cancelled("extraction cancelled")
        counts: dict[str, int] = {}
        for m in mentions:
            counts[m.actor] = counts.get(m.actor, 0) + 1
        self._kinds = {a: en.kind for a in counts if (en := gaz.get(a)) is not None}
        self._mentions = mentions
        self._mention_starts = [m.start for m in mentions]
        # "the Grand Ethiopian Renaissance Dam": an adjective inside a proper name is no actor of a clause.
        mentions = [m for m in mentions if m.form != "adjective" or not _inside_name(text, m.start, m.end)]
        states = {a for a, k in self._kinds.items() if k == "country"}
        refs = self._refs
        noun_after = _NOUN_AFTER.match
        orgs = {a: k for a, k in self._kinds.items() if k == "group" or k == "organization"}
        owned = _OWNED_FORCES.match
        for m in mentions:
            if m.actor in states:
                if (h := owned(text, m.end)) is not None:
                    at, who = self._owners.setdefault(_force_key(h.group(0)), ([], []))
                    at.append(m.start)
                    who.append(m.actor)
            elif m.actor in orgs:
                for key in (orgs[m.actor], (h.group(1) if (h := noun_after(text, m.end)) else None)):
                    if key:
                        at, who = refs.setdefault(key, ([], []))
                        at.append(m.start)
                        who.append(m.actor)
        pronoun_rx = _PRONOUN_BACKREF_RX if refs else _PRONOUN_RX
        topic: str | None = None
        topic_age = 0
        mi = 0
        n = len(spans)
        step = max(1, n // 50)
        for si, (s, e) in enumerate(spans):
            if cancel and si % 8 == 0 and cancel():
                raise Cancelled("extraction cancelled")
            if progress and si % step == 0:
                progress(0.1 + 0.85 * si / max(1, n), f"sentence {si + 1} of {n}")
            while mi < len(mentions) and mentions[mi].start < s:
                mi += 1
            mj = mi
            while mj < len(mentions) and mentions[mj].end <= e:
                mj += 1
            ms = mentions[mi:mj]
            mi = mj
            if not ms and topic is None:
                continue
            if (
                len({m.actor for m in ms}) < 2
                and pronoun_rx.search(text, s, e) is None
                and (not ms or _MEDIATION_RX.search(text, s, e) is None)
                and (len(ms) != 1 or _DEPLOY_RX.search(text, s, e) is None)
                and _SIDES_RX.search(text, s, e) is None
            ):
                # No pair can be formed here: keep only the topic up to date (fast path).
                if ms:
                    topic, topic_age = ms[0].actor, 0
                else:
                    topic_age += 1
                    if topic_age > 1:
                        topic = None
                self._prev_ms = ms
                self._prev_subj = ms[0].actor if ms else None
                continue
            toks = _tokens(text, s, e, ms)
            lows = [t.low for t in toks]
            if "-" in lows:
                self._modifiers(toks, lows, si)
            if not _FORCE_WORDS.isdisjoint(lows):
                self._resolve_forces(toks, lows, s, states)
            if self._refs and not _BACKREF_SET.isdisjoint(lows):
                self._resolve_backrefs(toks, lows, s)
            if not _MONARCHY_NOUNS.keys().isdisjoint(lows):
                self._resolve_monarchy(toks, lows, s)
            self._resolve_pronouns(toks, lows, topic)
            if "two" in lows or "three" in lows or "both" in lows:
                toks = self._implicit_parties(toks, si)
                lows = [t.low for t in toks]
            if "," in lows and ("and" in lows or "or" in lows):
                self._remember_lists(toks, si)
            if self._lists and not _RULER_PLURALS.isdisjoint(lows):
                self._plural_rulers(toks, si)
                lows = [t.low for t in toks]
            subj = _main_subject(toks)
            if ms or any(t.actor for t in toks):
                self._sentence(toks, lows, si, subj, topic)
            self._prev_ms = ms
            self._prev_subj = toks[subj].actor if subj is not None else None
            if subj is not None:
                topic, topic_age = toks[subj].actor, 0
            else:
                topic_age += 1
                if topic_age > 1 or ms:
                    topic = None
        self._unnamed_parties()
        if progress:
            progress(0.97, "merging relations")
        m = self._merge(gaz, counts)
        if progress:
            progress(1.0, "done")
        return m

    # -- stand-ins --
    def _modifiers(self, toks: list[_Tok], lows: list[str], si: int) -> None:
        """ "Turkish-made drones", "the Russian-led CSTO": the actor modifies a noun and is no actor
        of the clause. "Iran-backed Houthis" states that Iran supports the Houthis."""
        n = len(toks)
        for i in range(n - 2):
            t = toks[i]
            if not t.actor or lows[i + 1] != "-":
                continue
            part = lows[i + 2]
            if part not in _BACKING_PARTS and part not in _MODIFIER_PARTS:
                continue
            if part == "based" and i + 3 < n and (lows[i + 3] in _HEADS or lows[i + 3] in _STATE_ORGANS):
                continue  # "the Tripoli-based coast guard", "the Kyiv-based government": the state's own
            k = next((x for x in range(i + 3, min(n, i + 6)) if toks[x].actor), None)
            if k is not None and toks[k].actor == t.actor:
                continue  # "the Tripoli-based Libyan government": the same actor, named twice
            if part in _BACKING_PARTS:
                if k is not None:
                    self._add(t.actor, toks[k].actor, True, "military support", 0.6, si)  # type: ignore[arg-type]
            elif part in _MADE_PARTS and not _cues.ARMS_WORDS.isdisjoint(lows[i + 3 : i + 7]):
                user = self._weapon_user(toks, lows, i)
                if user is not None and user != t.actor:
                    # "Kyrgyzstan deployed Turkish-built drones": the maker armed the user.
                    self._add(t.actor, user, True, "arms trade", 0.5, si)  # type: ignore[arg-type]
            t.actor = None

    @staticmethod
    def _weapon_user(toks: list[_Tok], lows: list[str], i: int) -> str | None:
        """The subject of a verb of using or buying right before "<X>-made <weapons>" at ``i``
        ("Kyrgyzstan *deployed* Turkish-built drones", "relied on Iranian-made aircraft"); None
        for any other verb ("Ukraine destroyed Russian-made tanks" names no supplier)."""
        j = i - 1
        verb = False
        while j >= 0 and i - j <= 8 and lows[j] not in _BOUNDARY and lows[j] != ",":
            if toks[j].actor:
                # "a deal for Hungary to acquire Swedish-built fighters": the infinitive's subject.
                subject = not _after_prep(toks, j) or (lows[j - 1] == "for" and lows[j + 1] == "to")
                return toks[j].actor if verb and subject else None
            if any(c in _USE_VERBS for c in _cues.lemma_candidates(lows[j])):
                verb = True
            j -= 1
        return None

    def _resolve_forces(self, toks: list[_Tok], lows: list[str], s: int, states: set[str]) -> None:
        """ "the army", "the military", "the junta", "the armed forces", "government forces" stand
        for a state: the last state whose forces the text named with it ("the Sudanese army"),
        else the nearest state named before them in this or the previous sentence."""
        n = len(toks)
        for i in range(1, n):
            low = lows[i]
            if low not in _FORCE_WORDS or toks[i].actor or (i + 1 < n and lows[i + 1] in _FORCE_NOT):
                continue
            prev = lows[i - 1]
            if low in ("army", "military", "junta") and prev == "the":
                mod = -1
            elif low == "forces" and prev == "armed" and i > 1 and lows[i - 2] == "the":
                mod = i - 1
            elif low in ("forces", "troops") and prev in ("government", "federal") and not toks[i - 1].actor:
                mod = i - 1
            elif low == "government" and prev == "federal" and i > 1 and lows[i - 2] == "the":
                mod = i - 1  # "the federal government": the state the text is about
            else:
                continue
            # The state named with the same word ("the Nigerien junta"), else with any ("the Malian army").
            owner = None
            for key in (_force_key(low), None):
                best = -1
                for fk, (at, who) in self._owners.items():
                    if key is not None and fk != key:
                        continue
                    k = bisect.bisect_left(at, s)
                    if k and at[k - 1] > best:
                        best, owner = at[k - 1], who[k - 1]
                if owner is not None:
                    break
            if owner is None:
                j = next((j for j in range(i - 1, -1, -1) if toks[j].actor in states), None)
                # "Turkey shelled government forces": a state acting on the forces is not their owner.
                if j is not None and not any(_verbish(lows[x]) for x in range(j + 1, i)):
                    owner = toks[j].actor
                else:
                    owner = next((m.actor for m in reversed(self._prev_ms) if m.actor in states), None)
            if owner is None and mod >= 0:
                owner = self._home_state()  # "federal forces" with no state named: the text's own
            if owner is None:
                continue
            toks[i].actor = owner
            toks[i].pron = True
            if mod >= 0:
                toks[mod].low = lows[mod] = "_"  # one token stands for the actor

    def _resolve_backrefs(self, toks: list[_Tok], lows: list[str], s: int) -> None:
        """ "the mission", "the bloc", "the alliance", "the group" stand for the last actor named
        with the same noun ("an EU mission"), else the last organization (bloc, alliance, ...)
        or non-state group (group, militia, movement) named before, if close enough. Not when a
        complement follows ("the alliance between X and Y", "the group of seven")."""
        at = [i for i, low in enumerate(lows) if low in _BACKREF_SET]
        for i in reversed(at):  # from the end: deleting a "'s" leaves earlier indices as they are
            low = lows[i]
            adj = i > 1 and lows[i - 1] in _BACKREF_ADJ and lows[i - 2] == "the"  # "the militant group"
            if i == 0 or (lows[i - 1] != "the" and not adj) or toks[i].actor or (
                i + 1 < len(toks) and lows[i + 1] in _BACKREF_NOT_AFTER
            ):
                continue
            ref = None
            for key in (low, _BACKREF_NOUNS[low]):
                # Named earlier in this sentence, else before it.
                ref = next((t.actor for t in reversed(toks[:i]) if t.actor and self._kinds.get(t.actor) == key), None)
                if ref is None and key in self._refs:
                    at, who = self._refs[key]
                    k = bisect.bisect_left(at, s)
                    if k and s - at[k - 1] <= _BACKREF_RANGE:
                        ref = who[k - 1]
                if ref is not None:
                    break
            if ref is not None:
                toks[i].actor = ref
                toks[i].pron = True
                toks[i - 1].low = lows[i - 1] = "_"  # "the group": one token stands for the actor
                if adj:
                    toks[i - 2].low = lows[i - 2] = "_"
                if i + 1 < len(toks) and lows[i + 1] in _POSSESSIVE:
                    toks[i].poss = True  # "the group's leader"
                    del toks[i + 1], lows[i + 1]

    def _remember_lists(self, toks: list[_Tok], si: int) -> None:
        """Keep the lists of three or more states this sentence names ("Mali, Burkina Faso and
        Niger"), for a later "the three governments"."""
        i = 0
        n = len(toks)
        while i < n:
            if toks[i].actor and not toks[i].pron:
                grp = _group(toks, i, 1, 12)
                actors = list(dict.fromkeys(toks[k].actor for k in grp))
                if len(actors) >= 3 and all(self._kinds.get(a) == "country" for a in actors):
                    self._lists.append((si, actors))  # type: ignore[arg-type]
                i = grp[-1] + 1
            else:
                i += 1

    def _plural_rulers(self, toks: list[_Tok], si: int) -> None:
        """ "The juntas accuse ECOWAS": "the juntas" (or "regimes") as a subject stand for the last
        states listed together, a few sentences back; the list becomes coordinated tokens."""
        for i in range(1, len(toks) - 1):
            if toks[i].low not in _RULER_PLURALS or toks[i - 1].low != "the" or toks[i].actor:
                continue
            if not (_verbish(toks[i + 1].low) or toks[i + 1].low in _ADVERBS):
                continue
            actors = next((a for s_, a in reversed(self._lists) if si - s_ <= 8), None)
            if not actors:
                return
            made: list[_Tok] = []
            for k, a in enumerate(actors):
                if k:
                    made.append(_Tok("and"))
                made.append(_Tok("juntas", a, pron=True))
            toks[i - 1 : i + 1] = made
            return

    def _implicit_parties(self, toks: list[_Tok], si: int = -1) -> list[_Tok]:
        """ "The two leaders signed a declaration", "the three leaders pledged", "both countries
        agreed": a subject counting N sides stands for the N actors of the sentence before, when
        it names exactly N (else for the N named before it in this sentence)."""
        n = len(toks)
        for i in range(n - 2):
            low = toks[i].low
            if low not in _COUNTS:
                continue
            if toks[i + 1].low not in _SIDES_NOUNS:
                # One adjective between: "both Nordic leaders", "the two Korean governments".
                if i + 3 < n and toks[i + 2].low in _SIDES_NOUNS and toks[i + 1].low.isalpha() and not toks[i + 1].actor:
                    del toks[i + 1]
                    n -= 1
                else:
                    continue
            start = i - 1 if i and toks[i - 1].low == "the" else i
            subject = any(_verbish(x.low) for x in toks[i + 2 : i + 4]) or (start and toks[start - 1].low == "between")
            want = _COUNTS[low]
            here = list(dict.fromkeys(t.actor for t in toks[:start] if t.actor))
            prev = list(dict.fromkeys(m.actor for m in self._prev_ms))
            if not subject:
                # An object ("Qatar hosting the two delegations"): the pair of the sentence before,
                # not counting the actors of this one.
                own = {t.actor for t in toks if t.actor}
                here, prev = [], [a for a in prev if a not in own]
            if toks[i + 1].low in _STATE_SIDES and len(prev) > want:
                prev = [a for a in prev if self._kinds.get(a) == "country"]  # "both leaders": states
            if len(here) > want == 2:
                # "Ottawa, the target of Trump's jibes, has sided with the Danes, and the two
                # countries ...": the clause's subject and the last actor named.
                j = _main_subject(toks[:start])
                last = next((t.actor for t in reversed(toks[:start]) if t.actor), None)
                if j is not None and last is not None and toks[j].actor != last:
                    here = [toks[j].actor, last]  # type: ignore[list-item]
            actors = here if len(here) == want and start > 0 else prev if len(prev) == want else []
            if not actors and want > 2 and toks[i + 1].low in _STATE_SIDES | _RULER_NOUNS:
                # "the three governments": the last list of three states, a few sentences back.
                actors = next((a for s_, a in reversed(self._lists) if len(a) == want and si - s_ <= 8), [])
            if not actors:
                continue
            made: list[_Tok] = []
            for k, a in enumerate(actors):
                if k:
                    made.append(_Tok("and"))
                made.append(_Tok(toks[i + 1].low, a, pron=True))
            return toks[:start] + made + toks[i + 2 :]
        return toks

    def _resolve_monarchy(self, toks: list[_Tok], lows: list[str], s: int) -> None:
        """ "the kingdom", "the sultanate", "the emirate" anywhere in a clause ("a truce between the
        kingdom and the rebels") stand for the last monarchy of that kind named before."""
        for i in range(1, len(toks)):
            kinds = _MONARCHY_NOUNS.get(lows[i])
            if kinds is None or lows[i - 1] != "the" or toks[i].actor:
                continue
            ref = next((t.actor for t in reversed(toks[:i]) if t.actor in kinds), None)
            if ref is None:
                k = bisect.bisect_left(self._mention_starts, s)
                ref = next(
                    (m.actor for m in reversed(self._mentions[max(0, k - 40) : k]) if m.actor in kinds and s - m.start < _BACKREF_RANGE),
                    None,
                )
            if ref is not None:
                toks[i].actor = ref
                toks[i].pron = True
                toks[i - 1].low = lows[i - 1] = "_"

    # -- pronouns --
    def _resolve_pronouns(self, toks: list[_Tok], lows: list[str], topic: str | None) -> None:
        """Mark subject pronouns ("It", "They", "the country") as the actor they stand for
        (``lows``, the tokens' lower-case forms, is kept in step); "he"/"she" stand for the last
        official named, in this sentence or the one before ("Meloni flew to Tripoli, and she ...")."""
        if "he" in lows or "she" in lows:
            self._resolve_person(toks, lows)
        if _PRONOUNS.isdisjoint(lows) and _PRONOUN_NOUNS.isdisjoint(lows):
            return
        for i, t in enumerate(toks):
            if t.actor:
                continue
            k = None
            if t.low in _PRONOUNS:
                k = i
            elif t.low == "the" and i + 1 < len(toks) and toks[i + 1].low in _PRONOUN_NOUNS:
                k = i + 1
            if k is None or k + 1 >= len(toks):
                continue
            nxt = toks[k + 1].low
            third_person = nxt.endswith("s") and nxt.isalpha() and not nxt.endswith("ss")
            if not (_verbish(nxt) or nxt in _ADVERBS or third_person):
                continue  # "it" as an object, or "it is unfortunate that..."
            prev = [x.low for x in toks[max(0, i - 2) : i]]
            if i == 0 or (i <= 3 and "," in prev) or (
                # "Locked in a bitter quarrel with Addis Ababa, it has flown weapons to Mogadishu"
                i > 1 and toks[i - 1].low == "," and toks[0].low.endswith(("ed", "ing")) and "," not in lows[: i - 1]
            ):
                ref = topic
            else:
                j = _main_subject(toks[:i])
                ref = toks[j].actor if j is not None else topic
            if ref:
                toks[k].actor = ref
                toks[k].pron = True
                if k != i:
                    toks[i].low = lows[i] = "_"  # "the country": one token stands for the actor

    def _resolve_person(self, toks: list[_Tok], lows: list[str]) -> None:
        for i, low in enumerate(lows):
            if low not in ("he", "she") or i + 1 >= len(toks):
                continue
            nxt = lows[i + 1]
            if not (_verbish(nxt) or nxt in _ADVERBS or (nxt.endswith("s") and nxt.isalpha())):
                continue
            ref = next((t.actor for t in reversed(toks[:i]) if t.person), None)
            if ref is None:
                ref = next((m.actor for m in reversed(self._prev_ms) if m.form == "official"), None)
            if ref is not None:
                toks[i].actor = ref
                toks[i].pron = True

    def _person_object(self, toks: list[_Tok], c: int) -> None:
        """ "accuses *him* of running a narco-state": "him"/"her" right after verb cue ``c`` stand for
        the last official named before, in this sentence or the one before, who is not the subject."""
        left = {toks[i].actor for i in self._left(toks, c, noun=False, subj=None)}
        ref = next((t.actor for t in reversed(toks[:c]) if t.person and t.actor not in left), None)
        if ref is None:
            ref = next((m.actor for m in reversed(self._prev_ms) if m.form == "official" and m.actor not in left), None)
        if ref is not None:
            toks[c + 1].actor = ref
            toks[c + 1].pron = True

    def _object_pronoun(self, toks: list[_Tok], c: int, subj: int | None) -> None:
        """ "Tehran built Hezbollah and has armed *it*", "Iran created the Houthis. Tehran backs
        *them*": the object pronoun after verb cue ``c`` stands for the most recent actor that
        is not the cue's subject, in this sentence or else the previous one, of a fitting kind
        ("it": no plural group; "them": a group or region, or a plural name)."""
        left = {toks[i].actor for i in self._left(toks, c, noun=False, subj=subj)}
        plural = toks[c + 1].low == "them"
        cands = [(toks[j].actor, toks[j].low) for j in range(c - 1, -1, -1) if toks[j].actor and not toks[j].pron]
        prev = [(m.actor, m.surface.lower()) for m in reversed(self._prev_ms) if m.actor != self._prev_subj]
        for actor, low in cands + prev:
            if actor in left:
                continue
            kind = self._kinds.get(actor, "country")
            named_plural = low.endswith("s") and kind != "country"
            if (kind in ("group", "region") or named_plural) if plural else not named_plural:
                toks[c + 1].actor = actor
                toks[c + 1].pron = True
                return

    def _possessed_object(self, toks: list[_Tok], lows: list[str], c: int, subj: int | None, left: list[int]) -> list[int]:
        """ "The military said Israeli fire had killed 40 of *its* soldiers": with no actor after
        verb cue ``c``, an object "its/their <noun>" belongs to the sentence's subject, when that
        subject is not the cue's own (then "its" is the cue subject's: "Russia sent its troops")."""
        if subj is None or subj >= min(left) or toks[subj].actor in {toks[i].actor for i in left}:
            return []
        for k in range(c + 1, min(len(toks) - 1, c + 9)):
            low = lows[k]
            if low in _BOUNDARY or low in _RELATIVE or toks[k].actor:
                return []
            if low in ("its", "their") and lows[k + 1].isalpha():
                return [subj]
        return []

    def _home_state(self) -> str | None:
        """The state the text is set in: the one it names most often as a place ("in southern
        Lebanon", "across Lebanon", "on Lebanese soil"); computed once, on first use."""
        if self._home is None:
            text = self.article.text
            # One pass of each pattern over the text, then a look-up per mention.
            before = {h.end() for h in _PLACE_BEFORE.finditer(text)}
            after = {h.start() for h in _PLACE_AFTER.finditer(text)}
            places: dict[str, int] = {}
            for m in self._mentions:
                if (m.start in before or m.end in after) and self._kinds.get(m.actor) == "country":
                    places[m.actor] = places.get(m.actor, 0) + 1
            self._home = max(places, key=places.__getitem__) if places else ""
        return self._home or None

    # -- one sentence --
    def _sentence(self, toks: list[_Tok], lows: list[str], si: int, subj: int | None, topic: str | None) -> None:
        lookup = _cues.lookup
        found = [(c, hit) for c, low in enumerate(lows) if (hit := lookup(low)) is not None and not toks[c].actor]
        if "arms" in lows:
            # "arms" is goods ("an arms embargo"), except as a verb after its subject ("the rebel
            # movement Kigali arms") and in "took up arms against".
            for c, low in enumerate(lows):
                if low != "arms" or c == 0:
                    continue
                nxt = toks[c + 1] if c + 1 < len(toks) else None
                if (
                    toks[c - 1].actor and not toks[c - 1].poss and not toks[c - 1].adj
                    and (c < 2 or lows[c - 2] != "the")  # "the UN arms embargo": a noun
                    and (nxt is None or nxt.actor or nxt.low in ("and", "the", "a", "an", ",", ".", "them", "it", "its"))
                ):
                    found.append((c, ("arm", _cues.CUES["arm"])))
                elif lows[c - 1] == "up" and c + 1 < len(lows) and lows[c + 1] == "against":
                    found.append((c, ("arms", _ARMS_AGAINST)))
            found.sort(key=lambda x: x[0])
        if found:
            # "both sides", "stand firm", "recalled that", "a close ally": a cue that needs a particle
            # it lacks is an ordinary word; dropped before any other work on the sentence.
            particles = _cues.PARTICLES
            found = [(c, hit) for c, hit in found if hit[0] not in particles or _particle_ok(toks, c)]
        if not found:
            return  # no cue word: the sentence states no relation
        n = len(toks)
        # Tokens inside a relative clause ", which ... ,": their actors are not the main clause's.
        rel = [False] * n
        if "which" in lows or "who" in lows:
            inside = False
            for i, low in enumerate(lows):
                if low in ("which", "who") and i > 0 and lows[i - 1] == ",":
                    inside = True
                elif low in (",", ";", ":") and inside:
                    inside = False
                rel[i] = inside
        # A noun phrase between commas after an actor, before the verb, is an aside: "Ottawa, *itself
        # the target of Trump's jibes*, has sided with the Danes".
        commas = [i for i in range(1, n - 1) if lows[i] == ","] if "," in lows else []
        for i in commas:
            if toks[i - 1].actor and not rel[i + 1] and (
                lows[i + 1] in _APPOSITIVE_OPENERS or (lows[i + 1].endswith("ed") and lows[i + 1].isalpha())
            ):
                close = None
                for k in range(i + 2, min(n, i + 30)):
                    if lows[k] in (";", ":", "."):
                        break
                    if lows[k] == "," and k + 1 < n and (lows[k + 1] in _AUX or _verbish(lows[k + 1])):
                        # "..., the militias that Iran has armed, trained and bankrolled through X,
                        # claimed": a comma inside a list of verbs does not close the aside.
                        if any(lows[x] == "and" and x + 1 < n and _verbish(lows[x + 1]) for x in range(k + 1, min(n, k + 4))):
                            continue
                        close = k
                        break
                if close is not None:
                    for k in range(i + 1, close):
                        rel[k] = True
        # A participle phrase between commas is an aside too: "The UN mission, *led since 2025 by
        # Ghanaian diplomat Hanna Tetteh*, has been trying to broker ...".
        for i in commas:
            if toks[i + 1].low in _APPOSITIVE_PARTICIPLES and not rel[i + 1]:
                close = next((k for k in range(i + 2, min(n, i + 16)) if lows[k] in (",", ";", ":", ".")), None)
                if close is not None and lows[close] == ",":
                    for k in range(i + 1, close):
                        rel[k] = True
        self._rel = rel
        self._topic = topic
        self._cooccurrences(toks, lows, [c for c, _ in found], si)
        for c, (lemma, cue) in found:
            if lemma == "base" and _BASE_KINDS.isdisjoint(lows[max(0, c - 2) : c]):
                continue
            window = lows[max(0, c - 3) : c]
            if not _cues.NEGATORS.isdisjoint(window):
                continue  # "did not attack", "denied supplying": no relation at all
            if c > 1 and lows[c - 1] in ("to", "of") and _negated_before(lows, c - 1):
                # "has not sent instructors to train X", "refrained from accusing Kampala of aiding":
                # the negation of the verb governs its complement.
                continue
            conf = cue.weight
            clause = lows[max(0, c - 10) : c]
            if not _cues.HEDGES.isdisjoint(clause[-6:]):
                conf *= 0.5
            if not _REPORTING.isdisjoint(clause) and lemma not in ("accuse", "claim"):
                conf *= 0.6  # the content of an accusation is alleged
            type_ = cue.type
            if lemma == "lobby" and lows[c + 1] == "against":
                type_ = "hostility"
            if type_ == "trade" or lemma in ("send", "dispatch", "supplier", "rely", "depend", "travel"):
                goods = {*lows[c + 1 : min(n, c + 10)], *window}
                if goods & _cues.ARMS_WORDS:
                    type_ = "arms trade"
                elif goods & _cues.ENERGY_WORDS:
                    type_ = "energy trade"
                elif (
                    lemma in ("send", "deploy")
                    and not (_cues.FORCES_WORDS | _VESSELS).isdisjoint(lows[c + 1 : c + 5])
                    and not _SHOW_OF_SUPPORT.isdisjoint(lows[c + 5 : c + 20])
                ):
                    type_ = "military support"  # "sent a patrol ship to Guyanese waters in a show of support"
                elif lemma in ("fly", "travel") and "to" in lows[c + 1 : c + 4]:
                    type_ = "diplomatic ties"  # "Meloni has flown repeatedly to Tripoli": a visit
                elif lemma in ("send", "dispatch") and self._forces_near(lows, c, [max(0, c - 1)]):
                    type_ = "hosting"  # troops sent with no destination named (see _DEPLOY below)
                    if any(toks[x].actor for x in range(c + 1, min(n, c + 12))):
                        continue  # "sent troops to Ukraine": support or invasion, the words do not say
                elif lemma in ("send", "dispatch") or lemma in _CARRY:
                    continue  # "sent a delegation", "carried passengers": not a relation by itself
            if cue.noun and not _cues.REVERSERS.isdisjoint(clause[-7:]):
                type_ = "cooperation" if type_ in _HOSTILE_TYPES else "hostility"
            elif cue.noun and type_ not in _HOSTILE_TYPES and not _cues.DETERIORATION.isdisjoint(lows[c + 1 : c + 11]):
                type_ = "hostility"  # "relations with the junta of Colonel Goita collapsed"
            after = lows[c + 1 : c + 9]
            if lemma in ("allow", "permit", "grant") and not _cues.FORCES_WORDS.isdisjoint(after):
                type_ = "hosting"  # "allowed American troops to use four bases"
            if lemma in ("contested", "disputed") and "between" not in lows[c + 1 : c + 4]:
                continue  # "one of the most contested stretches of waterfront": who disputes it is unsaid
            if lemma == "hammer" and c + 1 < n and lows[c + 1] == "out":
                type_, cue = "diplomatic ties", cue._replace(link="sym")  # "hammering out a partnership"
            if lemma == "shuttle" and c + 1 < n and lows[c + 1] == "diplomacy":
                self._mediation(toks, c, subj, conf, si)  # "months of Turkish shuttle diplomacy"
                continue
            if lemma in _COMPOUND_ONLY and not (
                c >= 3 and "-" in lows[max(0, c - 4) : c] and sum(1 for t in toks[max(0, c - 5) : c] if t.actor) >= 2
            ):
                continue  # "the China-Pakistan Economic Corridor" relates the two; "a corridor" alone nothing
            if lemma == "claim" and c + 1 < n and (lows[c + 1] == "that" or not _CLAIMED_DEEDS.isdisjoint(lows[c + 1 : c + 4])):
                # "claims that South Korean warships will join", "claimed dozens of attacks",
                # "claimed responsibility": an assertion, not a claim to land
                continue
            if lemma == "offices" and lows[c - 1] != "good":
                continue  # "offered its good offices": mediation; other offices are buildings
            if lemma in ("war", "wars") and c and lows[c - 1] in _NAMED_WARS:
                continue  # "stayed outside military blocs throughout the Cold War"
            if lemma == "back" and c + 1 < n and lows[c + 1] in _BACK_ADVERB:
                continue  # "coaxed both sides back to the table": an adverb
            if cue.noun and not _NO.isdisjoint(lows[max(0, c - 5) : c]):
                continue  # "has played no part in the mediation"
            place_only = lemma in ("meet", "speak") and c + 2 < n and lows[c + 1] in ("in", "at", "on")
            if lemma == "lean" and lows[c + 1] == "on":
                if c + 2 < n and lows[c + 2] in _POSS_PRONOUNS:
                    type_, cue = "dependence", cue._replace(link="buy")  # "leaned on its partners": reliance
                else:
                    type_ = "hostility"  # "leaned on Belgrade": pressure
            if lemma in ("delivery", "deliveries") and lows[c - 1] in _TAKE:
                cue = cue._replace(link="buy")  # "Serbia has taken delivery of Chinese batteries"
            if lemma == "open":
                if after[:1] == ["fire"]:
                    type_ = "war"  # "opened fire on Filipino vessels"
                elif "to" in lows[c + 1 : c + 12] and not _cues.FORCES_WORDS.isdisjoint(lows[c + 1 : c + 12]):
                    type_ = "hosting"  # "opened four more sites to US forces"
                elif _cues.TALKS_WORDS.isdisjoint(after[:3]) and not {"embassy", "consulate"} & set(after[:3]):
                    continue  # "opened a factory", "opened the door": no relation
            if lemma in ("convene", "bring", "shuttle", "coax") and not (
                (lemma == "convene" and (not _cues.TALKS_WORDS.isdisjoint(after[:4]) or self._two_objects(toks, c)))
                or (lemma == "bring" and ("together" in after or self._two_objects(toks, c)))
                or (lemma == "shuttle" and "between" in after[:4])  # "shuttled for weeks between"
                or _sides_named(after)
            ):
                continue  # "convened a cabinet meeting", "brought new weapons": no mediation
            if lemma == "broker" and c and lows[c - 1] in ("arms", "weapons", "power", "oil", "insurance"):
                continue  # "the generals' arms brokers": dealers, not mediators
            if lemma == "host" and (
                not _cues.TALKS_WORDS.isdisjoint([*after[:4], *window]) or _sides_named(after[:5]) or self._two_objects(toks, c)
            ):
                if _NEGOTIATIONS.isdisjoint([*after[:4], *window]) and not (
                    "between" in after or _sides_named(after[:5]) or self._two_objects(toks, c)
                ):
                    continue  # "hosted a reconstruction conference": a gathering, not talks between sides
                # "Qatar hosted talks between ...", "The meeting, hosted by Qatar, ..."
                self._mediation(toks, c, subj, conf, si)  # "Qatar hosted talks between ..."
                continue
            if cue.link == "med":
                self._mediation(toks, c, subj, conf, si)
                continue
            if type_ == "war" and (not cue.noun or lemma == "fighting") and self._fought_alongside(toks, c, conf, si):
                continue
            if not cue.noun and c + 1 < n and lows[c + 1] in _ACTOR_OBJ_PRONOUNS and not toks[c + 1].actor:
                self._object_pronoun(toks, c, subj)
            elif not cue.noun and c + 1 < n and lows[c + 1] in ("him", "her") and not toks[c + 1].actor:
                self._person_object(toks, c)
            left, right, passive, between = self._sides(toks, c, cue, subj)
            if left and not right and not cue.noun and not passive and _sides_named(lows[c + 1 : c + 5]):
                # "Moscow still garrisons both sides": the two actors of the sentence before, else
                # the parties of the text's main war.
                subjects = {toks[i].actor for i in left}
                prev = [a for a in dict.fromkeys(m.actor for m in self._prev_ms) if a not in subjects]
                if len(prev) == 2:
                    for p in prev:
                        a, b = (p, next(iter(subjects))) if cue.link == "buy" else (next(iter(subjects)), p)
                        self._add(a, b, cue.link != "sym", type_, conf * 0.7, si)  # type: ignore[arg-type]
                else:
                    self.pending_sides.append((subjects, type_, cue.link, conf, si))  # type: ignore[arg-type]
                continue
            if not right and left and subj is not None and subj < left[0] and not cue.noun and not passive:
                right = self._possessed_object(toks, lows, c, subj, left)
            if lemma in _DEPLOY and not right and left and not passive and self._forces_near(lows, c, left):
                # "Guatemalan and Salvadoran troops arrived", "the Bahamas sent a detachment of
                # marines": with no destination named, the state the text is set in hosts them.
                home = self._home_state()
                if home and home not in {toks[i].actor for i in left}:
                    for i in left:
                        self._add(home, toks[i].actor, True, "hosting", conf * 0.8, si)  # type: ignore[arg-type]
                continue
            if lemma in ("deploy", "station", "rotate", "arrive") and not (
                right and _word_before(toks, right[0]) in ("in", "into", "to", "on", "through")
            ):
                continue  # "deployed troops along the border with X": X is no host
            directed = cue.link in ("dir", "buy")
            if cue.link == "buy" and not passive:
                left, right = right, left
            elif passive and cue.link == "dir":
                left, right = right, left
            la = [toks[i].actor for i in left]
            ra = [toks[i].actor for i in right]
            if place_only:
                ra = []  # "X, Y and Z met in Asmara": the place of the meeting, not a party to it
            if (
                right and lemma in ("send", "fly") and _word_before(toks, right[0]) in ("into", "over")
                and right[-1] + 1 < n and lows[right[-1] + 1] in _TERRITORY
            ):
                type_ = "hostility"  # "sent a fighter jet briefly into Estonian airspace": an incursion
            if lemma in _FOUND and (not ra or any(self._kinds.get(a) != "organization" for a in ra)):
                continue  # "formed a government", "created jobs in Mali": founding only a bloc
            if lemma == "lease" and right and _word_before(toks, right[0]) == "from":
                la, ra = ra, la  # "leased a port from Djibouti": Djibouti hosts
            if lemma == "leave" and any(self._kinds.get(a) != "organization" for a in ra):
                continue  # "left Mali", "left office": only leaving a bloc is a break with it
            if la and not ra and type_ == "aid" and not _REBUILD.isdisjoint(after):
                home = self._home_state()  # "pledged money to rebuild the south": of the text's place
                ra = [home] if home else []
            if right and cue.noun and type_ not in _HOSTILE_TYPES and _word_before(toks, right[0]) == "against":
                # "a coalition against X": allied with others, at war with X.
                type_ = "war" if lemma in ("coalition", "alliance", "offensive") else "hostility"
            if not la and ra and toks[0].low == "there" and topic:
                la = [topic]  # "There are new openings in X": the text is still about the topic
            pairs: list[tuple[str, str, bool]] = []
            if between and cue.link in ("dir", "buy") and not cue.noun and right and _word_before(toks, right[0]) == "between":
                ra = []  # "sends boats through the gap between Greenland, Iceland and Britain": a place
            if between and cue.link == "sym" and len(set(ra)) >= 2:
                pairs = _among(ra)  # "relations between X and Y"; not "offered to mediate between"
            elif la and ra:
                pairs = [(x, y, directed) for x in la for y in ra if x and y]
            elif cue.link == "sym" and 2 <= len(set(la)) <= 4 and not (
                cue.noun
                and c - max(left) > 16
            ) and not (
                cue.noun
                and any(_verb_cue(lows[k]) and _particle_ok(toks, k) and lows[k] not in _CONDITIONAL_VERBS
                        for k in range(max(left) + 1, c))
            ):
                # "X and Y signed a deal", "X and Y have close ties"; not "X and Y welcomed the
                # talks", where the noun is the object of another cue verb.
                pairs = _among(la)
            if lemma in ("protect", "defend", "shield", "help") and ra:
                k = next((x for x in range(c + 1, min(n, c + 12)) if lows[x] == "against"), None)
                if k is not None:
                    foe = next((x for x in range(k + 1, min(n, k + 4)) if toks[x].actor), None)
                    if foe is not None:
                        for y in ra:  # "to protect Rwanda against the FDLR militia"
                            if y and y != toks[foe].actor:
                                self._add(y, toks[foe].actor, False, "hostility", conf * 0.8, si)  # type: ignore[arg-type]
            pron = any(toks[i].pron for i in left + right)
            for x, y, d in pairs:
                if x != y:
                    self._add(x, y, d and cue.link != "sym", type_, conf * (0.85 if pron else 1.0), si)

    @staticmethod
    def _forces_near(lows: list[str], c: int, left: list[int]) -> bool:
        """Are troops named right after the subject ("Guatemalan *troops* arrived") or as the object
        ("sent a detachment of *marines*")?"""
        around = lows[max(left) + 1 : max(left) + 3] + lows[c + 1 : c + 6]
        return not _cues.FORCES_WORDS.isdisjoint(around) or not _TROOP_WORDS.isdisjoint(around)

    @staticmethod
    def _two_objects(toks: list[_Tok], c: int) -> bool:
        """Are two actors or more coordinated right after cue ``c`` ("brought Abiy and Somali
        President Mohamud to Ankara": a meeting of the two sides)?"""
        k = next((x for x in range(c + 1, min(len(toks), c + 4)) if toks[x].actor), None)
        return k is not None and len({toks[x].actor for x in _group(toks, k, 1, 12)}) >= 2

    def _cooccurrences(self, toks: list[_Tok], lows: list[str], cue_at: list[int], si: int) -> None:
        """Record, for :meth:`_more_evidence`, the actor pairs of sentence ``si`` that share a
        clause with a cue word (indices ``cue_at``) between them and are not merely listed
        together ("Israel and Turkey"). A clause ends at a boundary word or where "and" starts
        one with its own subject ("..., and Azerbaijan has purchased"); so "..., but it buys
        Russian gas" is apart."""
        acts = [i for i, t in enumerate(toks) if t.actor]
        if len(acts) < 2 or not cue_at:
            return
        pairs: set[frozenset[str]] = set()
        clause: list[int] = []
        prev = -1
        for i in acts:
            if clause and (
                not _BOUNDARY.isdisjoint(lows[prev + 1 : i])
                or (lows[i - 1] in ("and", ",") and _is_subject(toks, i))
            ):
                clause = []
            a = toks[i].actor
            for j in clause:
                b = toks[j].actor
                if b != a:
                    k = bisect.bisect_right(cue_at, j)
                    if k < len(cue_at) and cue_at[k] < i and not _listed(toks, j, i):
                        pairs.add(frozenset((a, b)))  # type: ignore[arg-type]
            clause.append(i)
            prev = i
        if pairs:
            self.cooc.append((si, pairs))

    def _fought_alongside(self, toks: list[_Tok], c: int, conf: float, si: int) -> bool:
        """ "X fought alongside Y against Z": X and Y are allies, both at war with Z."""
        allies: list[int] = []
        enemies: list[int] = []
        in_place = False
        for j in range(c + 1, min(len(toks), c + 16)):
            low = toks[j].low
            if low in _BOUNDARY:
                break
            if low in ("alongside", "beside") and not allies:
                k = next((x for x in range(j + 1, min(len(toks), j + 5)) if toks[x].actor), None)
                allies = _group(toks, k, 1, 12) if k is not None else []
            if low == "against" and not enemies:
                k = next((x for x in range(j + 1, min(len(toks), j + 5)) if toks[x].actor), None)
                enemies = _group(toks, k, 1, 12) if k is not None else []
            if low in ("in", "inside") and allies and not enemies and j > max(allies):
                # "fighting alongside the group inside Congo": with no "against", the subject fights
                # the state named as the place (as "fighting inside Congo" reads without an ally);
                # what the allies are to it is not said.
                k = j + 1 if j + 1 < len(toks) and toks[j + 1].actor else None
                if k is not None and toks[k].actor not in {toks[x].actor for x in allies}:
                    enemies, in_place = [k], True
        if not allies:
            return False
        left = self._left(toks, c, noun=False, subj=None)
        side = [toks[i].actor for i in left] + ([] if in_place else [toks[i].actor for i in allies])
        for x in left:
            for y in allies:
                if toks[x].actor != toks[y].actor:
                    self._add(toks[x].actor, toks[y].actor, False, "military support", conf, si)  # type: ignore[arg-type]
        for x in dict.fromkeys(side):
            for y in enemies:
                if x and x != toks[y].actor:
                    self._add(x, toks[y].actor, False, "war", conf, si)  # type: ignore[arg-type]
        return True

    def _left(self, toks: list[_Tok], c: int, *, noun: bool, subj: int | None) -> list[int]:
        """The nearest actor group before cue ``c`` that can be its subject."""
        rel = self._rel
        if c and toks[c - 1].low == "," and toks[c].low.endswith("ing") and subj is not None and subj < c:
            # ", accusing Israel": the clause's subject, with all its coordinated actors.
            return sorted(set(_group(toks, subj, -1, 12)) | set(_group(toks, subj, 1, 12)))
        j = c - 1
        crossed_verb_and = False
        fallback: list[int] = []
        # A relation noun that is a verb's object ("signed a defence pact with") has the verb's subject.
        skip_phrases = not noun or any(_verbish(toks[k].low) for k in range(max(0, c - 3), c))
        aside = 0  # tokens of a ", which ... ," clause passed: they do not count towards the reach
        # Past "... and rolled out": the first verb's subject may stand further back.
        while j >= 0 and c - j - aside <= (26 if crossed_verb_and else 16):
            t = toks[j]
            if rel[j] and not rel[c]:
                aside += 1
            if t.low in _BOUNDARY:
                if not noun and t.low in ("—", "–") and all(
                    x.low in _ADVERBS or x.low in _AUX or _verbish(x.low) for x in toks[j + 1 : c]
                ):
                    return self._subject_before(toks, j)  # "X bought ... — then signed a deal with Y"
                break
            if t.actor:
                if (crossed_verb_and and not _is_subject(toks, j)) or (rel[j] and not rel[c]):
                    j -= 1
                    continue
                if _people_in_place(toks, j):
                    return []  # "protesters in Kinshasa attacked": the people act, not the state
                grp = _group(toks, j, -1, 12)
                first = min(grp)
                if len(grp) > 1 and first > 1 and toks[first - 1].low == "," and toks[first - 2].actor:
                    first -= 2  # the group stopped at a listed actor after a preposition: "from X, Y and Z"
                if skip_phrases and not fallback and _in_phrase(toks, first):
                    # "Washington, which kept troops in Somalia to fight X", "Egypt, locked in a dispute
                    # with Ethiopia, signed": an actor inside a prepositional phrase is not the subject;
                    # nor is a list of them ("envoys from Malaysia, Indonesia and Brunei signed").
                    fallback = grp if len({toks[x].actor for x in grp}) == 1 else []
                    if not fallback:
                        return []
                    j = min(fallback) - 1
                    continue
                return _group(toks, j, -1, 12)
            if t.low in ("and", "but") and j + 1 < c and (_verbish(toks[j + 1].low) or toks[j + 1].low in _ADVERBS):
                crossed_verb_and = True  # "... and sought to": the subject of the first verb
            if t.low in _RELATIVE and j > 0 and not any(toks[x].actor for x in range(j + 1, c)):
                # "X, which borders Y": the antecedent is the subject.
                k = j - 1
                while k >= 0 and not toks[k].actor and j - k <= 4 and toks[k].low not in _BOUNDARY:
                    k -= 1
                if k >= 0 and toks[k].actor:
                    return _group(toks, k, -1, 12)
            j -= 1
        if not fallback and c > 0 and toks[0].low.endswith(("ed", "ing")):
            # A fronted participle phrase ("Locked in a quarrel with X, Egypt ...") has the main
            # clause's subject, named after its comma.
            comma = next((k for k in range(1, len(toks)) if toks[k].low == ","), None)
            if comma is not None and comma > c and comma + 1 < len(toks) and toks[comma + 1].actor:
                return _group(toks, comma + 1, 1, 12)
        return fallback

    def _subject_before(self, toks: list[_Tok], j: int) -> list[int]:
        """The nearest clause subject before token ``j``, as a group, or []."""
        k = j - 1
        while k >= 0 and toks[k].low not in _BOUNDARY:
            if toks[k].actor and not _after_prep(toks, k) and _is_subject(toks, k) and not self._rel[k]:
                return _group(toks, k, -1, 12)
            k -= 1
        return []

    def _sides(self, toks: list[_Tok], c: int, cue: _cues.Cue, subj: int | None):
        n = len(toks)
        # Right side: the first actor group after the cue, within the clause.
        right: list[int] = []
        between = False
        agent: list[int] = []
        j = c + 1
        limit = min(n, c + 13)
        rel = self._rel
        if not cue.noun and c + 1 < n and toks[c + 1].low in _OBJ_PRONOUNS and not toks[c + 1].actor:
            limit = c  # "accusing him of ...": the object is a person the text does not map
        while j < limit:
            t = toks[j]
            if t.low == "that" and j == c + 1 and not cue.noun:
                j += 1
                continue  # "warned that Rwanda's ambitions ...": what was said names the object
            if t.low in _BOUNDARY or t.low in _RELATIVE or (rel[c] and not rel[j]):
                break  # a cue inside ", which ... ," has its object inside too
            if t.low == "between":
                between = True
            if t.low == "and" and not right and j + 1 < n and not toks[j + 1].actor and _verbish(toks[j + 1].low):
                break  # "accused France of arming rebels and called New Delhi's ...": a new verb phrase
            if cue.noun and not right and not between and not t.actor and t.low in _AUX and j > c + 1:
                break  # "Russia and China, Maduro's main creditors, have played no part in ...": the noun's phrase ended
            if t.actor:
                grp = _group(toks, j, 1, 12)
                end = grp[-1]
                if not right and not cue.noun and self._place_after_object(toks, c, j, cue):
                    break  # "blocked the crossing into Mauritania", "shielded the regime at the UN"
                if not right and not cue.noun and ({_word_before(toks, j), toks[j - 2].low} & {"through", "via"}):
                    j = end + 1
                    continue  # "armed and bankrolled through its Revolutionary Guards": the channel
                if toks[j - 1].low == "," and any(x.low in _SAID for x in toks[end + 1 : end + 5]):
                    break  # ", Qatar's foreign ministry said": the source, not an object
                if cue.noun and not between and not _prep_before(toks, j, c):
                    break  # "victory in war brings out Israeli flags": no preposition, no object
                # "... and Russia brokered": an actor followed by its own verb starts a new clause.
                if toks[j - 1].low in ("and", "but", ",") and j > c + 1 and end + 1 < n and _verbish(toks[end + 1].low):
                    break
                if toks[j - 1].low == "by":
                    if j - 2 > c and _PARTICIPLE_RX.match(toks[j - 2].low) and not right:
                        right = grp  # "froze assets *held by* North Korean generals": in the object
                        j = end + 1
                        continue
                    agent = grp
                    break
                if not right:
                    right = grp
                j = end + 1
                continue
            j += 1
        if right and not between and not agent:
            right += _object_extension(toks, right[-1], rel[c])
            k = right[-1] + 1
            if _word_before(toks, right[0]) == "from" and k + 1 < n and toks[k].low == "to":
                nxt = next((x for x in range(k + 1, min(n, k + 3)) if toks[x].actor), None)
                if nxt is not None:
                    # "an angry protest from Belgrade to Ankara": from the one, at the other.
                    return right, _group(toks, nxt, 1, 12), False, False
        left = self._left(toks, c, noun=cue.noun, subj=subj)
        if (
            cue.noun and cue.type == "trade" and right and not between and _word_before(toks, right[0]) == "from"
            and subj is not None and subj < c and toks[subj].actor not in {toks[i].actor for i in right}
            and (not left or toks[left[0]].actor == toks[subj].actor)
        ):
            # "Cuba suffered a blackout as fuel deliveries from Venezuela collapsed": the supplier
            # is after "from", the subject receives.
            return right, _group(toks, subj, 1, 12), False, False
        if (
            cue.noun and not right and not between and c + 2 < n and toks[c + 1].low == "," and toks[c + 2].actor
            and not _POSS_PRONOUNS.isdisjoint(t.low for t in toks[max(0, c - 4) : c])
        ):
            right = _group(toks, c + 2, 1, 12)  # "Serbia has leaned on its traditional ally, Russia"
        if (
            cue.noun and not right and not between and not agent and c > 1 and toks[c - 1].actor and toks[c - 1].adj
            and not toks[c - 1].poss and cue.type in _HOSTILE_TYPES and toks[c - 2].low not in _POSS_PRONOUNS
            and toks[c - 2].low not in ("-", "–", "and", ",")  # not "the Ethiopia-Somalia quarrel"
        ):
            # "Kuala Lumpur prefers to handle Chinese incursions quietly": the adjective acts on
            # the clause's subject.
            target = self._left(toks, c - 1, noun=False, subj=subj)
            if target and toks[target[0]].actor != toks[c - 1].actor:
                return [c - 1], target, False, False
        if cue.noun and not right and not between and not agent:
            obj = self._noun_object(toks, c)
            if obj is not None:
                right, at = obj
                left = self._left(toks, at, noun=False, subj=subj)
        # Zero relative: "Syrian rebel groups it recruits" -- the object stands before the pronoun;
        # "the M23, the rebel movement Kigali arms" -- before an apposition's head noun.
        if left and not right and not cue.noun and c == max(left) + 1:
            k = min(left) - 1
            steps = 0
            while k >= 0 and steps < 3 and not toks[k].actor and toks[k].low not in _BOUNDARY and toks[k].low != ",":
                k -= 1
                steps += 1
            if k >= 0 and toks[k].actor and (toks[left[0]].pron or (steps == 0 and toks[k].pron and toks[k].low not in _PRONOUNS)):
                right = _group(toks, k, -1, 12)  # also "the rebel movement Kigali arms": a resolved noun
            elif (
                k > 0 and toks[k].low == "," and toks[k - 1].actor and steps >= 2 and toks[k + 1].low in ("the", "a", "an")
                and not any(_verbish(toks[x].low) for x in range(k + 1, min(left)))
            ):
                right = _group(toks, k - 1, -1, 12)
        # "an area that Azerbaijan claims": the object is the relative clause's antecedent.
        rel_at = min(left) - 1 if left else -1
        if rel_at > 0 and toks[rel_at].low == "_":
            rel_at -= 1  # "which the kingdom still bankrolls": "the kingdom" is one token
        if rel_at > 1 and toks[rel_at].low in _RELATIVE and toks[rel_at - 1].low == "and":
            # "the militia that did the fighting against IS and which Washington has armed": the
            # antecedent of the first relative pronoun.
            first = next((k for k in range(rel_at - 2, -1, -1) if toks[k].low in _RELATIVE), None)
            if first is not None:
                rel_at = first
        if (
            left and not right and not cue.noun and rel_at >= 0 and toks[rel_at].low in _RELATIVE
            and not toks[max(left)].poss  # "ruled that China's claims": "that" opens no relative clause
        ):
            k = rel_at - 1
            while k >= 0 and not toks[k].actor and rel_at - k <= 8 and toks[k].low not in _BOUNDARY:
                k -= 1
            if k >= 0 and toks[k].actor:
                right = _group(toks, k, -1, 12)
        # "the African Union, where the Sahrawi republic is a full member", "Caricom, of which Guyana
        # is a founding member": the antecedent is the bloc.
        if left and not right and cue.noun and toks[c].low in ("member", "members") and min(left) > 1:
            k = min(left) - 1
            while k >= 0 and toks[k].low in ("the", "_"):
                k -= 1
            if k > 0 and (toks[k].low == "where" or (toks[k].low in ("which", "whom") and toks[k - 1].low == "of")):
                k -= 2 if toks[k].low != "where" else 1
                while k >= 0 and toks[k].low in (",", "of"):
                    k -= 1
                if k >= 0 and toks[k].actor:
                    right = _group(toks, k, -1, 12)
        # "Kosovo's closest ally remains the United States": the complement after the copula.
        if left and not right and cue.noun and toks[left[-1]].poss and c - left[-1] <= 6 and not between:
            k = c + 1
            while k < n and k - c <= 4 and not toks[k].actor and toks[k].low in _COPULA:
                k += 1
            while k < n and toks[k].low in ("the", "a", "an"):
                k += 1
            if k < n and k > c + 1 and toks[k].actor and toks[k - 1].low not in _PREPS:
                right = _group(toks, k, 1, 12)
        # A possessor with no right side: "China is Pakistan's closest ally", "X, once Y's partner".
        if left and not right and cue.noun and toks[left[0]].poss and c - left[0] <= 6:
            k = min(left) - 1
            while k >= 0 and not toks[k].actor and (toks[k].low in _COPULA_GLUE or toks[k].low in _HEADS):
                k -= 1
            if k >= 0 and toks[k].actor:
                right, left = left, _group(toks, k, -1, 12)
        # Passive: "X was attacked by Y" -- the agent acts.
        passive = False
        if not cue.noun and any(x.low in _BE for x in toks[max(0, c - 3) : c]) and toks[c].low.endswith(("ed", "en", "t")):
            if agent:
                passive = True
                right = agent
            elif toks[c].low.endswith("ed") and cue.link == "dir":
                right = []  # "X was attacked" with no agent named: no pair
        elif not cue.noun and agent and c + 1 < n and toks[c + 1].low == "by" and toks[c].low.endswith(("ed", "en")):
            passive = True  # a reduced relative: "Beijing, itself accused by Canada of meddling"
            right = agent
        return left, right, passive, between

    def _place_after_object(self, toks: list[_Tok], c: int, j: int, cue: _cues.Cue) -> bool:
        """Is actor ``j`` after verb cue ``c`` only a place: the object of "in/into/near/across/at"
        after the verb's own object ("lending the regime a respectability its neighbours in
        ASEAN"), or an organization after "at" ("at the UN Security Council")? Not for fighting
        (Israel "struck targets in Lebanon" strikes Lebanon) nor for verbs that take a place."""
        k = j - 1
        while k > c and toks[k].low in ("the", "a", "an", "_"):
            k -= 1
        prep = toks[k].low
        if prep == "at" and self._kinds.get(toks[j].actor or "") == "organization":
            return True
        if prep not in _PLACE_PREPS or cue.type in ("war", "hosting") or toks[c].low in _TAKES_PLACE:
            return False
        if cue.type == "aid" and not _cues.MONEY.isdisjoint(t.low for t in toks[c + 1 : k]):
            return False  # "poured hundreds of millions of euros into projects in Libya": Libya gets it
        if toks[k - 1].low in _SPEAKERS or toks[k - 1].low in _RULERS:
            return False  # "sold aircraft to the juntas in Mali": the rulers of the place
        if j + 1 < len(toks) and toks[j + 1].low in _TERRITORY:
            return False  # "sent a fighter jet into Estonian airspace": the state itself
        words = [t.low for t in toks[c + 1 : k] if t.low.isalpha() and not t.low.endswith("ly")]
        return len(words) >= 2 and "to" not in words  # not "threatened to intervene in Niger"

    @staticmethod
    def _noun_object(toks: list[_Tok], c: int) -> tuple[list[int], int] | None:
        """The object of relation noun ``c`` standing before it, and where to look for its
        subject: "with *its Azerbaijani* ally" (an actor between "its" and the noun), "Baku
        *regards the mission as* a provocation", "called *New Delhi's deliveries* a threat"."""
        if c > 1 and toks[c - 1].actor and not toks[c - 1].poss and toks[c - 2].low in _POSS_PRONOUNS:
            return [c - 1], c - 2
        k = c - 1
        while k >= 0 and c - k <= 4 and toks[k].low in _REGARD_GLUE:
            k -= 1
        if k == c - 1 or k < 0 or toks[c - 1].low not in _REGARD_GLUE:
            return None
        # Skip the head noun of the object: "New Delhi's *deliveries* a threat".
        if not toks[k].actor and k > 0 and toks[k - 1].actor and toks[k - 1].poss:
            k -= 1
        if not toks[k].actor:
            return None
        grp = _group(toks, k, -1, 12)
        v = min(grp) - 1
        while v >= 0 and toks[v].low in ("the", "_"):
            v -= 1
        if v < 0 or not any(x in _REGARD_VERBS for x in _cues.lemma_candidates(toks[v].low)):
            return None
        return sorted(grp), v

    def _mediation(self, toks: list[_Tok], c: int, subj: int | None, conf: float, si: int) -> None:
        n = len(toks)
        # The mediator: the subject before the cue ("Russia brokered"), or the agent ("mediated by Qatar").
        mediators = self._left(toks, c, noun=False, subj=subj)
        parties: list[str] = []
        between = False
        noun = bool((hit := _cues.lookup(toks[c].low)) and hit[1].noun)
        for k in range(c + 1, min(n, c + 20)):
            t = toks[k]
            if t.low in (";", "."):
                break
            if noun and not between and not t.actor and t.low not in ("between", "of", "with") and _verbish(t.low):
                break  # "The Chinese mediation stunned Washington": the noun is the subject
            if t.low == "between":
                between = True
                nxt = next((x for x in range(k + 1, min(n, k + 5)) if toks[x].actor), None)
                if nxt is not None:
                    parties = [toks[x].actor for x in _group(toks, nxt, 1, 12)]  # type: ignore[misc]
                    break
            if t.low == "and" and toks[k - 1].low == ",":
                a = next((x for x in range(k + 1, min(n, k + 4)) if toks[x].actor), None)
                if a is not None and _is_subject(toks, _group(toks, a, 1, 12)[-1]):
                    break  # ", and German Chancellor Olaf Scholz brought ...", ", and the UAE and Qatar urged"
            if t.actor:
                if _word_before(toks, k) == "by":
                    # "The two sides ended the war with a ceasefire brokered by the AU": the subject
                    # before a passive cue is a party, the agent mediates.
                    if toks[c + 1].low == "by" and not parties:
                        parties += [toks[i].actor for i in mediators]  # type: ignore[misc]
                    mediators = _group(toks, k, 1, 12)
                    continue
                parties.append(t.actor)
        med = {toks[i].actor for i in mediators}
        parties = [p for p in dict.fromkeys(parties) if p not in med]
        if not med:
            return
        if len(parties) < 2:
            # "telephoned both Islamabad and Kabul and offered to host talks": a pair named
            # earlier in the sentence.
            for k in range(c - 1, -1, -1):
                if toks[k].actor and toks[k].actor not in med:
                    grp = [toks[x].actor for x in _group(toks, k, -1, 12) if toks[x].actor not in med]
                    if len(set(grp)) >= 2:
                        parties = list(dict.fromkeys(grp))  # type: ignore[arg-type]
                    break
        if between and len(parties) == 1:
            # "mediated between Bamako and the Tuareg-led rebels": one party is no actor we know.
            self._mediated(med, parties, conf, si)
            return
        if len(parties) < 2:
            # Decided once the whole text is read (:meth:`_unnamed_parties`).
            self.pending_med.append((med, parties, conf, si))  # type: ignore[arg-type]
            return
        self._mediated(med, parties, conf, si)  # type: ignore[arg-type]

    def _mediated(self, med: set[str], parties: list[str], conf: float, si: int) -> None:
        for m_ in med:
            for p in parties:
                if m_ and p and m_ != p:
                    self._add(m_, p, True, "mediation", conf, si)

    def _unnamed_parties(self) -> None:
        """Mediation with fewer than two parties named ("X brokered a deal", "a meeting between
        <two leaders>", "the talks, hosted by X"): between the sides of the war the text is most
        about or, when no party is named and it tells of no war, of its main dispute."""
        wars, hostile = dict(self.wars), dict(self.hostile)
        # Parties each mediator was named mediating between: "welcomed Turkey's mediation" is
        # the mediation the text told of, not a new one in the text's main war.
        known: dict[str, list[str]] = {}
        for h in self.hits:
            if h.type == "mediation":
                known.setdefault(h.source, []).append(h.target)
        for subjects, type_, link, conf, si in self.pending_sides:
            conflicts = {k: v for k, v in wars.items() if not set(k) & subjects}
            if conflicts:
                for x in subjects:
                    for p in max(conflicts, key=conflicts.__getitem__):
                        a, b = (p, x) if link == "buy" else (x, p)
                        self._add(a, b, link != "sym", type_, conf * 0.7, si)
        for med, parties, conf, si in self.pending_med:
            told = [p for m_ in med for p in known.get(m_, ()) if p not in med]
            if len(set(told) | set(parties)) >= 2 and set(parties) <= set(told):
                self._mediated(med, list(dict.fromkeys(told)), conf * 0.7, si)
                continue
            conflicts = wars or (hostile if not parties else {})
            cands = [w for w in conflicts if set(w) & set(parties) and not set(w) & med] or [
                w for w in conflicts if not set(w) & med
            ]
            if cands and parties and not wars:
                # Only a quarrel, not a war, to fall back on: the party named is all we know.
                self._mediated(med, parties, conf * 0.7, si)
                continue
            if cands:
                war = max(cands, key=conflicts.__getitem__)
                conf *= 0.7
                parties = list(dict.fromkeys(parties + [p for p in war if p not in med]))
            self._mediated(med, parties, conf, si)

    def _add(self, a: str, b: str, directed: bool, type_: str, conf: float, si: int) -> None:
        self.hits.append(_Hit(a, b, directed, type_, conf, si))
        if type_ in _HOSTILE_TYPES:
            key = (a, b) if a < b else (b, a)
            self.hostile[key] = self.hostile.get(key, 0) + 1
            if type_ == "war":
                self.wars[key] = self.wars.get(key, 0) + 1

    # -- merging --
    def _more_evidence(self, groups: dict[tuple[str, str, bool], list[_Hit]]) -> dict[tuple[str, str, bool], set[int]]:
        """Sentences that name both actors of a relation found elsewhere and contain a cue:
        more evidence for it (no new pair, no confidence). Each goes to the pair's relation
        with most hits, unless one of the pair's relations already cites it."""
        extra: dict[tuple[str, str, bool], set[int]] = {}
        if not self.cooc:
            return extra
        best: dict[frozenset[str], tuple[str, str, bool]] = {}  # the pair's relation with most hits
        cited: dict[frozenset[str], set[int]] = {}  # sentences any relation of the pair cites
        for key, hs in groups.items():
            pair = frozenset(key[:2])
            if pair not in best or len(hs) > len(groups[best[pair]]):
                best[pair] = key
            cited.setdefault(pair, set()).update(h.sent for h in hs)
        for si, pairs in self.cooc:
            for pair in pairs:
                key = best.get(pair)
                if key is not None and si not in cited[pair]:
                    extra.setdefault(key, set()).add(si)
        return extra

    def _merge(self, gaz, counts: dict[str, int]) -> RelationMap:
        groups: dict[tuple[str, str, bool], list[_Hit]] = {}
        for h in self.hits:
            key = (h.source, h.target, True) if h.directed else (*sorted((h.source, h.target)), False)
            groups.setdefault(key, []).append(h)  # type: ignore[arg-type]
        groups = _merge_mixed(groups)
        text = self.article.text
        aid = self.article.id
        extra = self._more_evidence(groups)
        relations: list[Relation] = []
        for key, hs in groups.items():
            a, b, directed = key
            found = {h.type for h in hs}
            types = tuple(t for t in RELATION_TYPES if t in found)
            sents = sorted({h.sent for h in hs} | extra.get(key, set()))
            ev = [Evidence(aid, s, e, text[s:e]) for s, e in (self.spans[i] for i in sents)]
            miss = 1.0
            for h in hs:
                miss *= 1.0 - min(h.confidence, 0.95)
            relations.append(
                Relation(a, b, directed=directed, valence=relation_valence(types), types=types, evidence=ev,
                         confidence=round(1.0 - miss, 3))
            )
        relations.sort(key=lambda r: (-len(r.evidence), r.source, r.target))
        actors: list[Actor] = []
        protos = _actor_protos(gaz)
        for actor_id, k in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            a = protos.get(actor_id)
            if a is None:
                try:
                    a = protos[actor_id] = gaz.to_actor(actor_id)
                except KeyError:
                    a = protos[actor_id] = Actor(actor_id, actor_id)
            actors.append(Actor(a.id, a.name, a.kind, a.iso3, a.aliases, a.lat, a.lon, mentions=k))
        return RelationMap(articles=[self.article], actors=actors, relations=relations, curated=False)


_PROTOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _actor_protos(gaz) -> dict[str, Actor]:
    """Actors of ``gaz`` by id, built once per gazetteer (``to_actor`` lists every alias)."""
    try:
        return _PROTOS[gaz]
    except KeyError:
        return _PROTOS.setdefault(gaz, {})


def _merge_mixed(groups: dict[tuple[str, str, bool], list[_Hit]]) -> dict[tuple[str, str, bool], list[_Hit]]:
    """A pair whose relations (one per direction) are hostile in one and cooperative in another
    becomes one undirected relation of valence "mixed", as a curated map draws it ("the United
    States rebuked Pristina" and "Kosovo's closest ally remains the United States")."""
    by_pair: dict[tuple[str, str], list[tuple[str, str, bool]]] = {}
    for key in groups:
        a, b = key[0], key[1]
        by_pair.setdefault((a, b) if a < b else (b, a), []).append(key)
    if len(by_pair) == len(groups):
        return groups  # one relation per pair: nothing to merge
    out: dict[tuple[str, str, bool], list[_Hit]] = {}
    for pair, keys in by_pair.items():
        if len(keys) > 1:
            hs = [h for k in keys for h in groups[k]]
            if relation_valence([h.type for h in hs]) == "mixed":
                out[(pair[0], pair[1], False)] = hs
                continue
        for k in keys:
            out[k] = groups[k]
    return out


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
    while k < len(toks) and toks[k].low.endswith("ly") and toks[k].low not in need:
        k += 1  # "sided *squarely* with the Danes"
    return not need.isdisjoint(t.low for t in toks[k : k + span])


# How far after a cue its particle may stand: "recalled *its* ambassador", "regards Somaliland as
# *part* of its territory" (the object and "as" come first).
_PARTICLE_SPAN = {"recall": 2, "regard": 6, "consider": 6, "relay": 3, "pass": 3, "spend": 4, "hand": 4, "pour": 4, "commit": 4, "channel": 4, "pull": 5, "order": 7, "throw": 4,
                  "kick": 3}


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


def extract_relations(
    article: Article,
    *,
    gazetteer=None,
    progress: Callable[[float, str], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> RelationMap:
    """The automatic relation map of ``article`` (``curated=False``).

    Parameters
    ----------
    article : Article
        The article; evidence offsets index ``article.text``.
    gazetteer : Gazetteer, optional
        Defaults to :meth:`Gazetteer.default`.
    progress : callable, optional
        ``progress(fraction, message)``, called as sentences are processed.
    cancel : callable, optional
        ``cancel() -> bool``, checked between sentences.

    Raises
    ------
    Cancelled
        If ``cancel()`` returned True.
    """
    return _Extractor(article, gazetteer).run(progress, cancel)
