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

The word lists and clause helpers live in :mod:`._grammar`; pronouns, back-references and
implicit parties are resolved in :mod:`._references` (a mixin of the extractor).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..model import RELATION_TYPES, Actor, Article, Evidence, Relation, RelationMap
from . import cues as _cues
from ._grammar import (
    _ACTOR_OBJ_PRONOUNS,
    _ADVERBS,
    _APPOSITIVE_OPENERS,
    _APPOSITIVE_PARTICIPLES,
    _ARMS_AGAINST,
    _AUX,
    _BACK_ADVERB,
    _BACKREF_SET,
    _BASE_KINDS,
    _BE,
    _BOUNDARY,
    _CARRY,
    _CLAIMED_DEEDS,
    _COMPOUND_ONLY,
    _CONDITIONAL_VERBS,
    _COPULA,
    _COPULA_GLUE,
    _DEPLOY,
    _DEPLOY_RX,
    _DESCRIBING_AFTER,
    _FORCE_WORDS,
    _FOUND,
    _HEADS,
    _HOSTILE_TYPES,
    _MEDIATION_RX,
    _MONARCHY_NOUNS,
    _NAMED_WARS,
    _NEGOTIATIONS,
    _NEUTRAL_TYPES,
    _NO,
    _NOUN_AFTER,
    _OBJ_PRONOUNS,
    _OWNED_FORCES,
    _PARTICIPLE_RX,
    _PEOPLE,
    _PLACE_PREPS,
    _POSS_PRONOUNS,
    _PREPS,
    _PRONOUN_BACKREF_RX,
    _PRONOUN_RX,
    _PRONOUNS,
    _REBUILD,
    _REFRAIN,
    _REGARD_GLUE,
    _REGARD_VERBS,
    _RELATIVE,
    _REPORTING,
    _RULER_PLURALS,
    _RULERS,
    _SAID,
    _SHOW_OF_SUPPORT,
    _SIDES_RX,
    _SPEAKERS,
    _STATE_ONLY,
    _TAKE,
    _TAKES_PLACE,
    _TERRITORY,
    _TROOP_WORDS,
    _VESSELS,
    _after_prep,
    _among,
    _before_aside,
    _before_brackets,
    _coordinated,
    _force_key,
    _group,
    _in_phrase,
    _inside_name,
    _is_subject,
    _listed,
    _main_subject,
    _negated_before,
    _object_extension,
    _particle_ok,
    _people_in_place,
    _place_adjectives,
    _prep_before,
    _sides_named,
    _Tok,
    _tokens,
    _verb_cue,
    _verbish,
    _word_before,
)
from ._references import _References
from ._scorer import FEATURES, PairModel, article_features, sentence_rows
from .sentences import sentence_spans

__all__ = ["Cancelled", "extract_relations", "is_suggested", "relation_valence"]


#: The pair scorer weighs how an article names its actors (how often, how often together): a
#: snippet shorter than this is left to the rules alone.
MIN_SCORED_SENTENCES = 6


# Conjunctions opening a subordinate clause: "... before Qatar brokered a truce".
_SUBORDINATORS = frozenset("before after while when until because although though whereas unless once".split())
# Linking verbs: "is not Armenia's ally", "never became Russia's partner".
_BECOME = frozenset("become became becomes becoming remain remains remained seem seems seemed considered called".split())
# Acting for someone: "attacked ships in solidarity with Palestinians" is not aimed at them.
_ON_BEHALF = frozenset(
    (("solidarity", "with"), ("sympathy", "with"), ("support", "of"), ("behalf", "of"), ("name", "of"), ("defence", "of"), ("defense", "of"))
)
# Geographic regions: named, never a party (gold never pairs them; "the West" and groups of states do act).
_AREAS = frozenset("sahel middle-east caucasus balkans horn-of-africa levant maghreb central-asia".split())
# "brought Israel and Hamas together": mediation, not the two working together.
_BRING = frozenset("bring brings brought bringing get gets got getting".split())
# "joins X on the list of ...": ranked together, not allied.
_RANKS = frozenset("list ranks roster ranking club".split())
# Words after "border" that are no head noun of a compound ("border Rwanda and", "border with").
_NOT_A_HEAD = frozenset("with and or the a an on in to between of along its their it them across near at from for since".split())
# Events whose venue is only a place: "at the Shangri-La Dialogue in Singapore".
_EVENTS = frozenset(
    "dialogue summit conference forum talks meeting meetings ceremony rally congress assembly games expo fair festival".split()
)
# What a denial denies: "rejected claims by U.S. commentators that ..." (nouns, not verbs, here).
_REPORT_NOUNS = frozenset("claims reports allegations accusations suggestions charges".split())
_MEETINGS = _EVENTS | frozenset(("gathering", "gatherings"))  # "a gathering that brought together ..."
# "a 'no limits' partnership", "no-strings aid": "no" makes an adjective, it negates nothing.
_NO_COMPOUND = frozenset("limits limit strings holds".split())
# "have stayed out of the quarrel", "kept out of the war": no party to it.
_STAY = frozenset("stay stays stayed staying keep keeps kept keeping steer steered remain remained".split())
# Before a noun use of a verb's "-ing" form: "the crossing into Mauritania".
_DETERMINER_LIKE = frozenset("the a an this that border main only its their".split())
# "..., saying its forces ...": what the subject says of itself.
_REPORTING_ING = frozenset("saying arguing insisting claiming adding stressing noting warning that".split())
_TIME_PREFIXES = frozenset(("pre", "post", "inter", "anti"))
_TERROR_LISTS = frozenset(("terrorism", "terror", "terrorist", "sanctions"))  # "its terrorism list"
_WHEN = frozenset(("before", "after", "during", "ahead"))  # "before (the) EU meetings": when, not with whom
_SWAP_PARTNERS = frozenset(("with", "between"))
# Many states meet at these; flying to one names its host as no partner ("for a regional summit"),
# unlike flying in "for talks" or "for the ceremony".
_GATHERINGS = _EVENTS - {"talks", "meeting", "meetings", "ceremony", "rally"}
_LISTING = frozenset("list lists listed listing rank ranks ranked ranking names named counts counted".split())
# Those a state turns to for help: "turned to Russian military instructors".
_HELPERS = _cues.FORCES_WORDS | frozenset("instructors mercenaries advisers advisors trainers contractors weapons arms drones loans money".split())
_MEDIA = frozenset("press media newspapers outlets television".split())
_FRONTED_PREPS = frozenset("under after despite amid following through".split())
_EACH = frozenset(("all", "each"))  # after a list of subjects: each acts on its own
# A group named as another's: "al-Qaeda's affiliate in the Sahel", "the Islamic State branch".
_AFFILIATES = frozenset("affiliate affiliates offshoot branch franchise".split())
_SUBJECT_PRONOUNS = frozenset(("they", "he", "she"))
# What a mediator brokers between two sides: "the rapprochement that Beijing brokered".
_MADE_DEALS = frozenset("rapprochement deal agreement accord truce ceasefire pact détente detente thaw normalisation normalization reconciliation".split())
_ROUTED_VIA = frozenset("through via to into around across over".split())  # "oil routed through Baku": a route
# The words the subject search (_left) and the object search (_sides) stop at or look at; any
# other word without an actor is passed over.
_LEFT_STOPS = _BOUNDARY | _RELATIVE | {")", "its", "their", "and", "but", ","}
_RIGHT_STOPS = _BOUNDARY | _RELATIVE | _AUX | {"that", "between", "and", ",", "according"}
# Participles before "in" that make the place where a thing is from: "ships owned in Greece".
_ORIGIN_PARTS = frozenset("owned registered based headquartered flagged built made incorporated listed".split())
# Verb cue forms that are mostly nouns stating nothing, unless an actor stands right before them
# ("Hamas recruits"; not "the group's recruits", "its foreign annex").
_NOUN_FORMS = frozenset(("recruits", "annex"))
# Verbs of denial whose "that" clause states nothing: "denied a report that Riyadh had received".
_DENY = frozenset("deny denied denies denying dismissed dismisses dismissing rejected rejects rejecting brushed aside".split())
# Verbs that keep a relation noun from happening: "escaped Washington's sanctions".
_ESCAPE = frozenset("escape escaped escapes escaping avoid avoided avoids evade evaded evading dodge dodged spared".split())
# What one trades when trading blows: no commerce ("traded blows with Beijing", "traded fire").
_TRADED_BLOWS = frozenset("blows fire insults accusations barbs threats jibes recriminations punches".split())
# Words some cues need before they state anything.
_STOOD = frozenset("stand stands stood standing".split())  # "stood by Kyiv": "by" names the object
# Relation nouns that name one party by the other's: "Kenya's ally Uganda", "Uganda's rival Kenya".
_KIN_TYPES = frozenset(("alliance", "rivalry", "hostility", "military support"))
_TURNED = frozenset(("guns", "weapons", "arms", "against"))  # "turned their guns on", "turned against"
_BAD_TERMS = frozenset("bad poor frosty strained hostile icy".split())  # "on bad terms with"
# What an actor named right before its noun gives to a clause's subject: "an IMF bailout".
_GIVEN_TYPES = frozenset(("aid", "sanctions", "arms trade", "military support"))
# Lemmas :meth:`_Extractor._idiom` checks.
_IDIOM_LEMMAS = frozenset(
    "line urge call pour pressure exchange fall aim membership accession withdrawal thaw take claim turn look hands "
    "hit side blood order terms sue switch shift transfer drop ditch dump".split()
)
_ONE_DEAL = frozenset("deal agreement pact accord treaty memorandum".split())
_MISSIONS = frozenset("embassy embassies consulate consulates".split())  # "closed its embassy in Kyiv"
# "deployed soldiers with Kinshasa's consent", "At Kenya's request, Uganda sent troops".
_CONSENT = frozenset("consent blessing acquiescence request invitation behest".split())
# Before "membership": a member-to-be, or none.
_BARRED = frozenset(
    "block blocked blocks blocking veto vetoed vetoes vetoing bid bids application oppose opposed opposes obstruct "
    "obstructed".split()
)
# "lined up behind Denmark", "lined up squarely with Washington", not "lined up beside teams".
_LINED_UP = frozenset(("behind", "with", "against", "alongside", "for"))
# What two states reopen to each other.
_REOPENED = frozenset("border borders crossing crossings frontier flights airspace embassies consulates".split())
# Verbs of those who look on: what follows them is an event watched, not done.
_SPECTATE = frozenset(
    "attend attended attends attending watch watched watches watching witness witnessed witnesses witnessing "
    "observe observed observes observing".split()
)
# Where the negation of a sentence opening with "Nor" or "Neither" ends.
_NOR_SCOPE_ENDS = _BOUNDARY | {"and"}

# Text around the story: a dateline opening a paragraph (capitals, then a date, a bracketed
# source or a dash), and an opinion piece written from a state (its label, byline, "we").
_DATELINE_RX = re.compile(r"(?m)^([A-Z][A-Z'’. /-]{2,40}[A-Z])(?=,? (?:\(|[-–—]|[A-Z][a-z]{2,8}\.? \d|\d{1,2} [A-Z][a-z]))")
_REGION_NOUN_AFTER = re.compile(r" (?:country|nation)\b")
_COMPASS = frozenset("Central West East North South Southern Northern Western Eastern".split())
_HEAD_CHARS = 800
_OPINION_RX = re.compile(r"\b(?:[Oo]pinion|OPINION|[Oo]p-[Ee]d|[Cc]ommentary|COMMENT|Comment|views expressed)\b")
_BYLINE_RX = re.compile(r"\b[Bb]y [A-Z][^\n|]*")
_WE_RX = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_FIRST_PERSON = frozenset(("we", "our", "us"))
_QUOTE_MARKS = frozenset('"“”')
_QUOTED_RX = re.compile(r'"[^"\n]*"|“[^”\n]*”')

# What a state sends that can open a sentence: "Weapons from Iran reached the Houthis".
_SENT_FROM = {
    **dict.fromkeys(("aid", "loan", "loans", "money", "funds", "funding", "credit", "cash", "grants"), "aid"),
    **dict.fromkeys(("weapons", "arms", "munitions", "ammunition", "drones", "missiles", "shells"), "arms trade"),
    **dict.fromkeys(("troops", "soldiers", "peacekeepers", "instructors", "advisers"), "military support"),
}
_NOT_A_VERB = frozenset("and or but to for of in on at with by from as the a an its their".split())
# One side left for another: "switched diplomatic recognition from Taipei to Beijing", "dropped
# Taipei for Beijing".
_SWITCH = frozenset("switch shift transfer drop ditch dump".split())
_SWITCHED = frozenset("recognition allegiance allegiances ties relations loyalty".split())


def _object_of_verb(toks: list[_Tok], subj: int, k: int) -> bool:
    """Does the noun phrase ending with actor ``k`` follow a verb of subject ``subj`` in one clause
    ("Pakistan *secured* a $7 billion IMF bailout"), not a comma ("after X acted, the UN sanctions")?"""
    j = k - 1
    while j > subj and not _verbish(toks[j].low):
        if toks[j].low in (",", ";", ":") or toks[j].actor:
            return False
        j -= 1
    return j > subj


# Who acts for the capitals a sentence opens with: "In Bamako and Niamey, officers ...".
_PLACE_AGENTS = _HEADS | frozenset("officers generals commanders junta juntas soldiers".split())


def _place_agents(toks: list[_Tok]) -> list[_Tok]:
    """ "In Bamako and Niamey, officers showed French troops the door": the capitals' officers act,
    as in "Bamako and Niamey officers showed ..."; other sentences are returned as they are."""
    grp = _group(toks, 1, 1, 12)
    e = max(grp)
    if e + 2 >= len(toks) or toks[e + 1].low != ",":
        return toks
    k = e + 2 + (toks[e + 2].low == "the")
    if k >= len(toks) or toks[k].low not in _PLACE_AGENTS or any(toks[x].adj for x in grp):
        return toks
    return toks[1 : e + 1] + toks[e + 2 :]


def _drawn_by_participle(toks: list[_Tok], c: int) -> bool:
    """Is relation noun ``c`` the object of a participle right after a comma, with only plain words
    between (", drawing furious condemnation from Mogadishu")?"""
    for k in range(c - 1, max(0, c - 4), -1):
        if toks[k].low.endswith("ing") and toks[k - 1].low == ",":
            return all(t.low.isalpha() and not t.actor for t in toks[k + 1 : c])
    return False


def _one_deal(lows: list[str], c: int) -> bool:
    """Is the deal noun at ``c`` a single, three-party one: "a $1.4 billion deal", "a trilateral
    pact" (not "deals", not "the deal" named before)?"""
    before = lows[max(0, c - 7) : c]
    if "trilateral" in before:
        return True
    return next((w for w in reversed(before) if w in ("a", "an", "the", "their", "its")), "") in ("a", "an")


def _region_adjective(text: str, m) -> bool:
    """Is mention ``m`` a region's adjective before "country" or "nation" ("the Central African
    country", "the West African nation"), naming no state?"""
    return (
        m.form == "adjective" and m.surface.split(" ", 1)[0] in _COMPASS
        and _REGION_NOUN_AFTER.match(text, m.end) is not None and text[max(0, m.start - 4) : m.start].lower() == "the "
    )


def _watched(toks: list[_Tok], lows: list[str], c: int) -> bool:
    """Is cue ``c`` the object of a spectator verb ("attended the signing of the statement", "watched
    the treaty signing from the gallery"), with no party named with or between after it?"""
    k = c - 1
    while k >= 0 and c - k <= 6 and not toks[k].actor and lows[k] not in _SPECTATE:
        k -= 1
    if k < 0 or c - k > 6 or lows[k] not in _SPECTATE:
        return False
    return "with" not in lows[c + 1 : c + 4] and "between" not in lows[c + 1 : c + 4]


def _nor_scope(lows: list[str], c: int) -> bool:
    """Is cue ``c`` in the main clause of a sentence opening with "Nor" ("Nor has Washington, which
    armed Israel, shown any wish to lean on it": "lean" is, "armed" is not)?"""
    if not _NOR_SCOPE_ENDS.isdisjoint(lows[1:c]):
        return False
    for k in range(c - 1, 0, -1):
        if lows[k] == ",":
            return True
        if lows[k] in ("which", "who"):
            return False
    return True


def _past_adverbs(toks: list[_Tok], k: int, end: int) -> int:
    """The first token from ``k`` (before ``end``) that is no adverb ("but *openly* champions")."""
    while k < end and (toks[k].low in _ADVERBS or (toks[k].low.endswith("ly") and toks[k].low.isalpha())):
        k += 1
    return k


def _sent_from(toks: list[_Tok], lows: list[str]) -> list[tuple[str, str, str]] | None:
    """(sender, receiver, type) of each sender of a sentence opening "<goods> from <X> <verb> ...
    <Y>", else None."""
    n = len(toks)
    k = 1 if lows[0] in ("a", "an", "the") else 0
    while k < n and k <= 3 and lows[k] not in _SENT_FROM and lows[k].isalpha() and not toks[k].actor:
        k += 1  # "Fresh weapons from Iran": adjectives first; an actor ends it
    if k >= n - 3 or lows[k] not in _SENT_FROM or lows[k + 1] != "from":
        return None
    x = k + 2 + (lows[k + 2] == "the")
    if x >= n or not toks[x].actor:
        return None
    senders = _group(toks, x, 1, 12)  # "Weapons from Iran and Russia reached ..."
    v = max(senders) + 1
    if v >= n or toks[v].actor or not lows[v].isalpha() or lows[v] in _NOT_A_VERB:
        return None  # the verb: "reached", "kept", "guard"
    hit = _cues.lookup(lows[v])
    if hit is not None and hit[1].type in _HOSTILE_TYPES:
        return None  # "Missiles from Iran struck Israel": the verb's own relation
    for y in range(v + 1, min(n, v + 10)):
        if lows[y] in _BOUNDARY or lows[y] in _RELATIVE:
            break
        if toks[y].actor:
            got = [(toks[a].actor, toks[y].actor, _SENT_FROM[lows[k]]) for a in senders if toks[a].actor != toks[y].actor]
            return got or None  # type: ignore[return-value]
    return None


def _switched(toks: list[_Tok], c: int) -> tuple[str | None, str] | None:
    """The (left, chosen) actors of a switch at cue ``c`` (the left one may be unnamed), or None
    if it is not one."""
    n = len(toks)
    k = c + 1
    while k < n and k - c <= 3 and toks[k].low not in _SWITCHED and not toks[k].actor:
        k += 1  # "its diplomatic recognition"
    if k < n and toks[k].low in _SWITCHED and not toks[k].actor:
        # "... recognition from X to Y"; "switched recognition to Beijing" names only the chosen
        m = k + 1
        if m + 1 < n and toks[m].low == "to" and toks[m + 1].actor:
            return None, toks[m + 1].actor  # type: ignore[return-value]
        if m + 1 < n and toks[m].low == "from" and toks[m + 1].actor:
            left = toks[m + 1].actor
            m += 2
            if m + 1 < n and toks[m].low == "to":
                m += 1 + (toks[m + 1].low == "the")
                if m < n and toks[m].actor and toks[m].actor != left:
                    return left, toks[m].actor  # type: ignore[return-value]
        return None
    k = c + 1 + (c + 1 < n and toks[c + 1].low == "the")
    # "dropped Taipei for Beijing", "ditched Taipei in favour of Beijing"
    if k + 2 < n and toks[k].actor and not toks[k].poss:
        m = k + 1
        if toks[m].low == "for":
            m += 1
        elif toks[m].low == "in" and m + 3 < n and toks[m + 1].low in ("favour", "favor") and toks[m + 2].low == "of":
            m += 3
        else:
            return None
        m += m < n and toks[m].low == "the"
        if m < n and toks[m].actor and toks[m].actor != toks[k].actor:
            return toks[k].actor, toks[m].actor  # type: ignore[return-value]
    return None


_MESSAGES = frozenset("messages message proposals letters offers notes".split())
# Goods whose taking is buying: "Budapest takes Russian gas".
_GOODS = _cues.ENERGY_WORDS | _cues.ARMS_WORDS
# "the Sudanese Armed Forces", "armed groups": "armed" as an adjective.
_ARMED_NOUNS = frozenset("forces force groups group men militias militia wing gangs clashes conflict struggle violence robbery guards".split())
# What one strikes when striking is no attack: "struck a deal", "struck a delicate balance".
_DEAL_NOUNS = frozenset("deal deals agreement agreements accord accords pact pacts bargain compromise truce ceasefire balance chord tone note".split())


class _CueCache(dict):
    """``cues.lookup`` as a plain dict: a subscript is cheaper than a cached call, and this runs
    for every token of every sentence read closely. Cleared when a text of odd words fills it."""

    def __missing__(self, low: str):
        if len(self) > 200_000:
            self.clear()
        hit = self[low] = _cues.lookup(low)
        return hit


_CUE_OF = _CueCache()


class Cancelled(Exception):
    """Extraction was cancelled through the ``cancel`` callback."""


@dataclass(slots=True)
class _Hit:
    source: str
    target: str
    directed: bool
    type: str
    confidence: float
    sent: int


def _venue(toks: list[_Tok], k: int) -> bool:
    """Does actor ``k`` only say where an event was ("at the Shangri-La Dialogue in Singapore",
    "a summit in Cairo")?"""
    return k > 1 and toks[k - 1].low in ("in", "at") and toks[k - 2].low in _EVENTS


def _border_compound(toks: list[_Tok], c: int) -> bool:
    """Is "border(s)" at ``c`` a noun ("border guards", "the border provinces", "whose borders")?"""
    nxt = toks[c + 1]
    if c and toks[c - 1].low in ("whose", "its", "their", "his", "her", "our") and nxt.low != "with":
        return True  # "states whose borders are defined"; not "its borders with Turkey"
    return not nxt.actor and nxt.low.isalpha() and nxt.low not in _NOT_A_HEAD


def _actor_next(toks: list[_Tok], c: int) -> bool:
    """Is an actor the next word after ``c`` (past an article or possessive)?"""
    k = c + 1
    while k < len(toks) and toks[k].low in ("the", "a", "an", "its", "their", "his", "her", "_"):
        k += 1
    return k < len(toks) and toks[k].actor is not None


def _where_meet(toks: list[_Tok], c: int) -> bool:
    """Is the verb at ``c`` right after "where <actors>" ("where Sudan, Libya and Egypt meet")?"""
    k = c - 1
    while k >= 0 and (toks[k].actor or toks[k].low in (",", "and", "the", "_")):
        k -= 1
    return k >= 0 and k < c - 1 and toks[k].low == "where"


def _reciprocal(lows: list[str], c: int) -> bool:
    """Does "each other" or "one another" follow the verb at ``c`` within its clause?"""
    for k in range(c + 1, min(len(lows) - 1, c + 7)):
        if lows[k] in _BOUNDARY or lows[k] in (",", ";"):
            return False
        if (lows[k], lows[k + 1]) in (("each", "other"), ("one", "another")):
            return True
    return False


def _given(toks: list[_Tok], lows: list[str], c: int, cue: _cues.Cue) -> bool:
    """Is the relation noun at ``c`` taken as given whatever negates the verb before it? "Vietnam
    has not condemned *Moscow's invasion* of Ukraine" (but not "Russia is not Armenia's ally")."""
    if not (cue.noun and c > 1 and toks[c - 1].actor and toks[c - 1].poss):
        return False
    k = next((x for x in range(c - 2, max(-1, c - 7), -1) if lows[x] in _NO or lows[x] in _cues.NEGATORS), None)
    return k is not None and any(w.isalpha() and w not in _BE and w not in _BECOME for w in lows[k + 1 : c - 1])


def _denied_report(lows: list[str], c: int) -> bool:
    """Is the cue at ``c`` inside what a denial denies ("denies that its troops attacked", "flatly
    denied a newspaper report that Riyadh had received a Hamas delegation")?"""
    for k in range(c - 1, max(-1, c - 14), -1):
        if lows[k] in _BOUNDARY or lows[k] == ".":
            return False
        if lows[k] == "that":
            for d in range(k - 1, max(-1, k - 9), -1):
                if lows[d] in _DENY:
                    return True
                if lows[d] in (",", "and") or (_verbish(lows[d]) and lows[d] not in _REPORT_NOUNS):
                    return False  # "rejects the accusations, and Kagame insists that": another verb's
            return False
    return False


def _negated(toks: list[_Tok], lows: list[str], c: int, cue: _cues.Cue, denial: bool = True) -> bool:
    """Is the cue at ``c`` negated, so that it states no relation at all?"""
    if _given(toks, lows, c, cue):
        return False
    if not cue.noun and c + 1 < len(lows) and lows[c + 1] == "no":
        return True  # "has signed no migration accord with Rome": the object is none
    if not cue.noun and "nothing" in lows[c + 1 : c + 4]:
        return True  # "has offered Brazil nothing of substance"
    if cue.noun and not _ESCAPE.isdisjoint(lows[max(0, c - 4) : c]):
        return True  # "has escaped Washington's secondary sanctions"
    if not cue.noun and c and (lows[c - 1] in _REFRAIN or (c > 1 and lows[c - 1] == "from" and lows[c - 2] in _REFRAIN)):
        return True  # "have avoided criticising the Ugandan deployment", "refrained from condemning"
    if denial and _denied_report(lows, c):
        return True
    b = _before_aside(lows, c) if c and lows[c - 1] == "," else c  # "has not, however, sent weapons"
    window = lows[max(0, b - 3) : b]
    no_compound = "no" in window and lows[b - len(window) + window.index("no") + 1] in _NO_COMPOUND
    if not _cues.NEGATORS.isdisjoint(window) and not no_compound:
        return True  # "did not attack", "denied supplying"; not a "no limits" partnership
    if "no" in lows[max(0, c - 6) : c] and not cue.noun and (lows[c - 1] in _BE or lows[c - 1] in ("had", "have", "has")):
        return True  # "no Ukrainian units are stationed in Lithuania": a subject that is none
    if c > 1 and lows[c - 1].endswith("ed") and _verbish(lows[c - 1]) and _negated_before(lows, c):
        return True  # "has not, however, committed funds to": the object of a negated verb
    w = lows[max(0, c - 4) : c]
    if cue.noun and "any" in w and _negated_before(lows, max(0, c - 4) + w.index("any")):
        return True  # "has not signed up to any comparable migration arrangement with Brussels"
    # "has not sent instructors to train X", "refrained from accusing Kampala of aiding": the
    # negation of the verb governs its complement.
    return c > 1 and lows[c - 1] in ("to", "of") and _negated_before(lows, c - 1)


def relation_valence(types: tuple[str, ...] | list[str]) -> str:
    """Overall valence of a relation from its types. Talks between foes ("diplomatic ties" beside
    a conflict type) leave it hostile: the fixture writers read 15 of 26 such pairs so, 10 as mixed."""
    hostile = any(t in _HOSTILE_TYPES for t in types)
    coop = any(
        t not in _HOSTILE_TYPES and t not in _NEUTRAL_TYPES and not (hostile and t == "diplomatic ties") for t in types
    )
    if hostile and coop:
        return "mixed"
    if hostile:
        return "hostile"
    return "cooperative" if coop else "neutral"


class _Extractor(_References):
    def __init__(self, article: Article, gazetteer=None, scorer: PairModel | str | None = "default") -> None:
        self.article = article
        self.gazetteer = gazetteer
        # The learned second pass (see _scorer); None: the rules alone (as the model is trained).
        self.scorer = PairModel.default() if scorer == "default" else scorer
        self.keep_candidates = False  # record candidates with no scorer (to train one)
        self.hits: list[_Hit] = []
        self.spans: list[tuple[int, int]] = []
        self.wars: dict[tuple[str, str], int] = {}
        self.hostile: dict[tuple[str, str], int] = {}  # hits of any hostile type, per pair
        # Mediations with fewer than two parties named: (mediators, parties, confidence, sentence).
        self.pending_med: list[tuple[set[str], list[str], float, int]] = []
        # Verb cues whose object is "both sides": (subjects, type, link, confidence, sentence).
        self.pending_sides: list[tuple[set[str], str, str, float, int, bool]] = []
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
        # Candidates for the pair scorer: (sentence, actor, actor, type of the nearest cue, sentence
        # features); the article features are added at the end.
        self._cands: list[tuple[int, str, str, str, list[float]]] = []
        # Sentences whose candidates wait for the end of the text (see _candidates).
        self._pending_sents: list[tuple] = []
        self.together: dict[tuple[str, str], int] = {}  # candidate sentences per pair
        self._related: set[tuple[str, str]] = set()  # pairs (sorted) the rules related
        self.suggested: set[tuple[str, str]] = set()  # pairs (sorted) the pair scorer added

    def run(self, progress: Callable[[float, str], None] | None, cancel: Callable[[], bool] | None) -> RelationMap:
        from .gazetteer import Gazetteer
        from .mentions import find_mentions

        text = self.article.text
        gaz = self.gazetteer if self.gazetteer is not None else Gazetteer.default()
        self._gaz = gaz
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
        self._counts = counts
        self._mentions = mentions
        self._mention_starts = [m.start for m in mentions]
        # "the Grand Ethiopian Renaissance Dam": an adjective inside a proper name is no actor of a clause;
        # "a Sahel analyst", "the Sahel juntas": a geographic region is on the map, but no party to a relation.
        mentions = [
            m for m in mentions
            if (m.form != "adjective" or not _inside_name(text, m.start, m.end)) and m.actor not in _AREAS
        ]
        # "the Central African country", "the West African nation": a region's adjective, no state.
        mentions = [m for m in mentions if not _region_adjective(text, m)]
        if (datelines := [d.span(1) for d in _DATELINE_RX.finditer(text)]):
            # "PRETORIA/THE HAGUE, March 12 - South Africa said ...": where the story was filed, no actor of it
            last = datelines[-1][1]
            mentions = [m for m in mentions if m.start >= last or not any(a <= m.start < b for a, b in datelines)]
        states = {a for a, k in self._kinds.items() if k == "country"}
        refs = self._refs
        noun_after = _NOUN_AFTER.match
        orgs = {a: k for a, k in self._kinds.items() if k in ("group", "organization", "region")}
        owned = _OWNED_FORCES.match
        for m in mentions:
            if m.actor in states:
                if (h := owned(text, m.end)) is not None:
                    at, who = self._owners.setdefault(_force_key(h.group(0)), ([], []))
                    at.append(m.start)
                    who.append(m.actor)
            elif m.actor in orgs and _DESCRIBING_AFTER.match(text, m.end) is None:
                for key in (orgs[m.actor], (h.group(1) if (h := noun_after(text, m.end)) else None)):
                    if key:
                        at, who = refs.setdefault(key, ([], []))
                        at.append(m.start)
                        who.append(m.actor)
        pronoun_rx = _PRONOUN_BACKREF_RX if refs else _PRONOUN_RX
        we = self._first_person_state(text, mentions)  # "our", "we" of an op-ed written from a state
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
                and not (topic and text.startswith(("Its ", "Their "), s))
                and not text.startswith(("His ", "Her "), s)
                and _SIDES_RX.search(text, s, e) is None
                and (we is None or _WE_RX.search(text, s, e) is None)
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
            if we is not None and not _FIRST_PERSON.isdisjoint(lows) and not _QUOTE_MARKS.intersection(text[s:e]):
                # Outside quotes the writer's "we" is the writer's state (a quote's "we" is the speaker's).
                for t in toks:
                    if t.low in _FIRST_PERSON and not t.actor:
                        t.actor, t.pron, t.poss = we, True, t.low == "our"
            if lows[0] == "in" and len(toks) > 4 and toks[1].actor:
                toks = _place_agents(toks)  # "In Bamako and Niamey, officers showed French troops the door"
                lows = [t.low for t in toks]
            self._topic_possessor(toks, lows, topic)
            if "the" in lows:
                _place_adjectives(toks, lows)
            if "-" in lows:
                self._modifiers(toks, lows, si)
            if not _FORCE_WORDS.isdisjoint(lows):
                self._resolve_forces(toks, lows, s, states)
            if self._refs and not _BACKREF_SET.isdisjoint(lows):
                self._resolve_backrefs(toks, lows, s)
            if not _MONARCHY_NOUNS.keys().isdisjoint(lows):
                self._resolve_monarchy(toks, lows, s)
            self._resolve_pronouns(toks, lows, topic)
            if "two" in lows or "three" in lows or "both" in lows or "four" in lows:
                toks = self._implicit_parties(toks, si)
                lows = [t.low for t in toks]
            if len(ms) >= 3 and "," in lows and ("and" in lows or "or" in lows):
                self._remember_lists(toks, si)  # a list of three states is three mentions at least
            if not _AFFILIATES.isdisjoint(lows):
                self._affiliations(toks, lows, si)
            if self._lists and (not _RULER_PLURALS.isdisjoint(lows) or "governments" in lows):
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
        if self.scorer is not None and (self._cands or self._pending_sents) and n >= MIN_SCORED_SENTENCES:
            self._suggest(self.scorer, counts)
        if progress:
            progress(0.97, "merging relations")
        m = self._merge(gaz, counts)
        if progress:
            progress(1.0, "done")
        return m

    def _affiliations(self, toks: list[_Tok], lows: list[str], si: int) -> None:
        """ "JNIM, al-Qaeda's affiliate in the Sahel, overran ...", "The al-Qaeda affiliate has
        struck inside Kenya" (after al-Shabaab was named): the parent and its affiliate are allies,
        and the parent, which only describes the affiliate, does not act in the clause."""
        for i in range(1, len(toks)):
            if lows[i] not in _AFFILIATES:
                continue
            k = i - 1
            while k > 0 and not toks[k].actor and lows[k].isalpha() and lows[k] not in ("the", "a", "an") and i - k <= 2:
                k -= 1  # "al-Qaeda's Sahel affiliate", "al-Qaeda's local branch"
            parent = toks[k].actor
            if parent is None or self._kinds.get(parent) != "group":
                continue
            if toks[k].poss and k >= 2 and lows[k - 1] == "," and toks[k - 2].actor not in (None, parent):
                child = toks[k - 2].actor  # an apposition: "JNIM, al-Qaeda's affiliate"
            elif not toks[k].poss and k and lows[k - 1] == "the":
                # "the al-Qaeda affiliate": the last other group named before
                child = self._recent(toks, k, lambda a, _official, parent=parent: a != parent and self._kinds.get(a) == "group")
                if child is None:
                    continue
                toks[k].actor, toks[k].pron = child, True
                self._add(parent, child, False, "alliance", 0.6, si)
                continue
            else:
                continue
            self._add(child, parent, False, "alliance", 0.6, si)  # type: ignore[arg-type]
            toks[k].actor = None

    def _first_person_state(self, text: str, mentions: list) -> str | None:
        """The state an opinion piece speaks for with "we" and "our", or None: the first state its
        byline names ("By Ruth Kwaiga, a former adviser to the Solomon Islands Ministry"), else the
        first its headline names ("Zambia should not have to choose ..."). Only for a text that
        calls itself opinion and says "we" or "our" outside quotes at least three times."""
        head = text[:_HEAD_CHARS]
        label = _OPINION_RX.search(head)
        if label is None or len(_WE_RX.findall(_QUOTED_RX.sub("", text))) < 3:
            return None
        line_end = text.find("\n")
        line_end = line_end if line_end > 0 else len(text)
        # The label's own line ("Opinion | Han Ji-won, a former South Korean deputy minister"),
        # then the bylines, then the headline.
        label_line = (head.rfind("\n", 0, label.start()) + 1, head.find("\n", label.end()) % (len(head) + 1))
        spans = [] if label.start() < line_end else [label_line]
        spans += [(b.start(), b.end()) for b in _BYLINE_RX.finditer(head)]
        spans.append((0, line_end))
        for lo, hi in spans:
            for m in mentions:
                if m.start >= hi:
                    break
                if m.start >= lo and m.form != "official" and self._kinds.get(m.actor) == "country":
                    return m.actor
        return None

    # -- one sentence --
    def _sentence(self, toks: list[_Tok], lows: list[str], si: int, subj: int | None, topic: str | None) -> None:
        cue_of = _CUE_OF
        found = [(c, hit) for c, low in enumerate(lows) if (hit := cue_of[low]) is not None and not toks[c].actor]
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
        if not _TAKE.isdisjoint(lows):
            # "Budapest already takes Russian gas": taking a state's goods is buying them.
            for c in range(len(lows) - 2):
                if lows[c] in _TAKE and toks[c + 1].actor and toks[c + 1].adj and lows[c + 2] in _GOODS:
                    found.append((c, ("import", _cues.CUES["import"])))
            found.sort(key=lambda x: x[0])
        if found:
            # "both sides", "stand firm", "recalled that", "a close ally": a cue that needs a particle
            # it lacks is an ordinary word; dropped before any other work on the sentence.
            particles = _cues.PARTICLES
            found = [(c, hit) for c, hit in found if hit[0] not in particles or _particle_ok(toks, c)]
        if "from" in lows[:6] and (sent := _sent_from(toks, lows)) is not None:
            # "Weapons from Iran reached the Houthis", "A loan from China kept Zambia afloat"
            for a, b, type_ in sent:
                self._add(a, b, True, type_, 0.6, si)
        terror_list = "list" in lows and not _TERROR_LISTS.isdisjoint(lows)  # "on the State Department's terrorism list"
        if not found and not terror_list:
            return  # no cue word: the sentence states no relation
        n = len(toks)
        # Tokens inside a relative clause ", which ... ,": their actors are not the main clause's.
        rel = [False] * n
        if "which" in lows or "who" in lows or "whose" in lows:
            inside = False
            for i, low in enumerate(lows):
                if low in ("which", "who", "whose") and i > 0 and lows[i - 1] == ",":  # also ", whose guest list ...,"
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
            ing = lows[i + 1].endswith("ing") and lows[i + 1].isalpha()
            if (toks[i + 1].low in _APPOSITIVE_PARTICIPLES or ing) and not rel[i + 1]:
                close = next((k for k in range(i + 2, min(n, i + 16)) if lows[k] in (",", ";", ":", ".")), None)
                if close is not None and lows[close] == "," and (
                    not ing or (close + 1 < n and not toks[close + 1].actor and _verbish(lows[close + 1]))
                ):
                    # also "Egyptian officers, *working alongside Qatari envoys*, shuttled ...": a
                    # present participle between commas, the main verb right after
                    for k in range(i + 1, close):
                        rel[k] = True
        self._rel = rel
        self._topic = topic
        if terror_list:
            self._terror_list(toks, lows, si, subj)
        self._cooccurrences(toks, lows, [c for c, _ in found], si)
        # Cues the rules read as stating nothing here; the pair scorer skips them too.
        vetoed: set[int] = set()
        has_distance = "distance" in lows
        spectators = not _SPECTATE.isdisjoint(lows)
        denial = "that" in lows and not _DENY.isdisjoint(lows)  # a denial's "that" clause (see _denied_report)
        for c, (lemma, cue) in found:
            if lemma == "base" and _BASE_KINDS.isdisjoint(lows[max(0, c - 2) : c]):
                vetoed.add(c)
                continue
            if _negated(toks, lows, c, cue, denial) or (
                lows[0] in ("nor", "neither") and _nor_scope(lows, c)
            ):
                vetoed.add(c)  # also "Nor, contrary to rumours, has India signed any swap with Argentina"
                continue
            if (
                lemma == "arm" and lows[c] == "armed" and c + 1 < n and lows[c + 1] in _ARMED_NOUNS
                and (c == 0 or not toks[c - 1].actor or toks[c - 1].adj)
            ):
                vetoed.add(c)  # "the Sudanese Armed Forces", "armed groups": an adjective, no one armed
                continue
            if (lemma == "accord" and lows[c] == "according") or (
                lows[c] in _NOUN_FORMS and c and not (toks[c - 1].actor and not toks[c - 1].poss) and lows[c - 1] not in _ADVERBS
            ):
                vetoed.add(c)  # "according to the World Bank": a source; "the group's recruits", "its annex": nouns
                continue
            if lemma == "meet" and _where_meet(toks, c):
                vetoed.add(c)  # "the desert triangle where Sudan, Libya and Egypt meet": borders meeting
                continue
            if cue.noun and "out" in lows[max(0, c - 4) : c] and "of" in lows[max(0, c - 3) : c]:  # also "out of the Bulgarian quarrel"
                if not _STAY.isdisjoint(lows[max(0, c - 6) : c]) and "between" not in lows[c + 1 : c + 3]:
                    vetoed.add(c)  # "have stayed out of the quarrel": no party to it (but "... of the dispute between X and Y")
                    continue
            if lemma in ("cross", "stray") and lows[c].endswith("ing") and c and lows[c - 1] in _DETERMINER_LIKE:
                vetoed.add(c)  # "blocked the crossing into Mauritania": a noun, a place
                continue
            if spectators and (cue.noun or lows[c].endswith("ing")) and _watched(toks, lows, c):
                vetoed.add(c)  # "diplomats from X, Y and Z attended the signing": spectators, no party
                continue
            if not cue.noun and c and lows[c - 1] in ("the", "an") and lows[c].endswith("ed") and c + 1 < n and toks[c + 1].actor:
                vetoed.add(c)  # "the outlawed PKK", "the sanctioned Wagner Group": an adjective, no act
                continue
            if not cue.noun and c >= 2 and lows[c - 1] in ("-", "–") and not toks[c - 2].actor and lows[c].endswith("ing"):
                vetoed.add(c)  # "missile-warning data", "peace-building": part of a compound noun
                continue
            if (
                (lemma == "mass" and lows[c] not in ("massed", "massing"))
                or (lemma == "fire" and c + 1 < n and lows[c + 1] == "off" and "to" not in lows[c + 2 : c + 7])
                or (lemma == "rout" and c + 1 < n and lows[c + 1] in _ROUTED_VIA)
            ):
                vetoed.add(c)  # "mass graves of soldiers"; "fired off a joint letter", "oil routed through Baku": no shot
                continue
            if cue.noun and c >= 2 and lows[c - 1] in ("-", "–") and lows[c - 2] in _TIME_PREFIXES:
                vetoed.add(c)  # "pre-war levels", "the post-war order": a time, no war between anyone
                continue
            if lemma == "tie" and not (
                c + 2 < n and lows[c + 1] == "to" and toks[c + 2].actor and (lows[c - 1] in _BE or lows[c - 2 : c - 1] == ["is"])
            ):
                vetoed.add(c)  # only "Canberra is (also) tied to Washington"; not "aid tied to reforms", "gangsters tied to X"
                continue
            if lemma == "swap" and (lows[c] not in ("swap", "swaps") or _SWAP_PARTNERS.isdisjoint(lows[c + 1 : c + 3])):
                vetoed.add(c)  # "its currency swap with the People's Bank of China"; not "swapping dependence on Russian gas"
                continue
            if lemma == "shepherd" and "between" not in lows[c + 1 : c + 8]:
                vetoed.add(c)  # "shepherding rounds between Cairo and Addis Ababa"; not "shepherding its trawlers"
                continue
            if lows[0] == "asked" and "whether" in lows[1:c] and "," not in lows[1:c]:
                vetoed.add(c)  # "Asked whether the remarks amounted to a threat against X": a question put
                continue
            if lemma == "co" and not (c + 2 < n and lows[c + 1] in ("-", "–") and _verbish(lows[c + 2]) and _cues.lookup(lows[c + 2]) is None):
                vetoed.add(c)  # only "co-chaired", "co-hosted" (a cue after "co-" speaks for itself: "co-ordinated")
                continue
            if lemma == "champion" and not (
                (c + 1 < n and toks[c + 1].actor) or (c + 2 < n and toks[c + 2].actor and lows[c + 1] in ("the", "a", "an"))
            ):
                vetoed.add(c)  # only a champion of an actor: not "championing a railway through Afghanistan"
                continue
            if lemma == "shelter" and (lows[c] == "shelter" or lows[c - 1] in ("of", "the", "its") or any(w.startswith("accus") for w in lows[max(0, c - 6) : c])):
                vetoed.add(c)  # "sought shelter", "accuses Kabul of sheltering the TTP": an allegation, no haven shown
                continue
            if lemma == "alongside" and not _LISTING.isdisjoint(lows[max(0, c - 6) : c]):
                vetoed.add(c)  # "the plan lists Tunisia alongside Egypt and Kenya": a list, no partnership
                continue
            if lemma == "alongside" and not _actor_next(toks, c):
                vetoed.add(c)  # "sit alongside counterparts from Bangladesh": beside people, not a state
                continue
            if lemma == "join" and not _RANKS.isdisjoint(lows[c + 1 : c + 10]):
                vetoed.add(c)  # "Iraq joins Lebanon and Libya on the list of states ...": a comparison
                continue
            if cue.type == "neighbours" and not cue.noun and lows[c] in ("border", "borders") and c + 1 < n and _border_compound(toks, c):
                vetoed.add(c)  # "the bloc's border agency", "border guards", "the border provinces": a noun
                continue
            if cue.type == "neighbours" and rel[c]:
                vetoed.add(c)  # "Algeria, which shares long borders with Libya, stayed out": a description
                continue
            if lemma == "strike" and not cue.noun and not _DEAL_NOUNS.isdisjoint(lows[c + 1 : c + 6]):
                vetoed.add(c)  # "struck its own delimitation agreement with Egypt": the noun says it
                continue
            window = lows[max(0, c - 3) : c]
            conf = cue.weight
            clause = lows[max(0, c - 10) : c]
            if not _cues.HEDGES.isdisjoint(clause[-6:]):
                conf *= 0.5
            if not _REPORTING.isdisjoint(clause) and lemma not in ("accuse", "claim"):
                conf *= 0.6  # the content of an accusation is alleged
            type_ = cue.type
            if lemma == "alongside" and _cues.FORCES_WORDS.isdisjoint(lows) and _cues.ARMS_WORDS.isdisjoint(lows):
                type_ = "cooperation"  # "Britain stood alongside the United States": no forces named
            if (lemma == "lobby" and lows[c + 1] == "against") or (lemma == "fire" and lows[c + 1 : c + 2] == ["off"]) or (
                lemma == "arm" and lows[c - 2 : c] == ["strong", "-"]
            ):  # also "strong-armed the MNDAA into handing back Lashio"
                type_ = "hostility"  # also "fired off diplomatic notes to New Delhi": a protest
            if lemma in _CONSENT:
                # "deployed soldiers to Ituri with Kinshasa's consent", "With Washington's blessing,
                # Israel struck": the possessor agrees to what the clause's subject does.
                vetoed.add(c)
                k = c - 1
                if k >= 1 and toks[k].actor and toks[k].poss and lows[k - 1] in ("with", "at"):
                    # the subject of this clause ("..., while Uganda deployed ... with Kinshasa's
                    # consent"), else the sentence's
                    doer = next((x for x in range(k - 2, -1, -1) if toks[x].actor and _is_subject(toks, x)), subj)
                    if doer is not None and toks[doer].actor and toks[doer].actor != toks[k].actor:
                        self._add(toks[k].actor, toks[doer].actor, True, "cooperation", conf, si)  # type: ignore[arg-type]
                continue
            if lemma in _IDIOM_LEMMAS:
                # Cues that state a relation only in one wording ("lined up behind", "took Kenya to
                # the ICJ", "switched recognition to Beijing"): checked here, once per such cue.
                verdict, type_, cue = self._idiom(toks, lows, c, lemma, cue, type_, conf, si, subj)
                if verdict == "veto":
                    vetoed.add(c)
                if verdict is not None:
                    continue
            if lemma == "pledge" and not _cues.FORCES_WORDS.isdisjoint(lows[c + 1 : c + 8]):
                type_ = "military support"  # "pledged troops to the new African Union mission"
            if cue.noun and has_distance and "distance" in lows[max(0, c - 5) : c] and lows[c - 2 : c] == ["from", "the"]:
                vetoed.add(c)  # "kept their distance from the row with Brussels": no party to it
                continue
            if lemma == "trade" and c + 1 < n and lows[c + 1] in _TRADED_BLOWS:
                # "has traded blows with Beijing", "traded fire": a fight, not commerce
                type_, cue = ("war" if lows[c + 1] == "fire" else "hostility"), cue._replace(link="sym")
            elif (lemma in _CARRY or lemma in ("send", "pass")) and not _MESSAGES.isdisjoint(lows[c + 1 : c + 4]) and "between" in lows[c + 1 : c + 6]:
                self._mediation(toks, c, subj, conf, si)  # "have carried messages between Israel and Hamas"
                continue
            elif lemma in ("send", "dispatch") and "packing" in lows[c + 1 : c + 6]:
                type_ = "hostility"  # "sent French troops packing": an expulsion
            elif type_ == "trade" or lemma in ("send", "dispatch", "supplier", "rely", "depend", "travel"):
                if lemma in _CARRY:
                    # What is carried: after the verb, up to just past the destination ("shipped
                    # condensate to thin Venezuela's heavy crude"), or before a participle ("THAAD
                    # batteries rushed to Israel"); "Typhoons flying from Cyprus" carry nothing.
                    end = next((x for x in range(c + 1, min(n, c + 8)) if toks[x].actor), min(n, c + 5))
                    goods = set(lows[c + 1 : min(n, end + 4)]) | (set(window) if not lows[c].endswith("ing") else set())
                else:
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
                elif lemma in ("fly", "travel") and "to" in lows[c + 1 : c + 4] and _GATHERINGS.isdisjoint(lows[c + 3 : c + 9]):
                    # not "will travel to Tegucigalpa for a regional summit": a venue
                    type_ = "diplomatic ties"  # "Meloni has flown repeatedly to Tripoli": a visit
                elif lemma in ("send", "dispatch") and self._forces_near(lows, c, [max(0, c - 1)]):
                    type_ = "hosting"  # troops sent with no destination named (see _DEPLOY below)
                    dest = next((x for x in range(c + 1, min(n, c + 12)) if toks[x].actor), None)
                    sender = toks[subj].actor if subj is not None else None
                    known_foes = sender is not None and dest is not None and tuple(sorted((sender, toks[dest].actor))) in self.hostile  # type: ignore[arg-type]
                    if dest is not None and _word_before(toks, dest) == "to" and not toks[dest].adj and not known_foes:
                        type_ = "military support"  # "approved sending up to 200 soldiers to Chad"
                    elif dest is not None:
                        vetoed.add(c)
                        continue  # "into Ukraine", "to Ukrainian soil", or to a foe: invasion or support, unsaid
                elif (lemma in ("send", "dispatch") or lemma in _CARRY) and not _CURRENCY.isdisjoint(lows[c + 1 : c + 6]):
                    type_ = "aid"  # "rushed $4 billion in credit lines to the island"
                elif lemma in ("send", "dispatch") or lemma in _CARRY:
                    vetoed.add(c)
                    continue  # "sent a delegation", "carried passengers": not a relation by itself
            if cue.noun and not _cues.REVERSERS.isdisjoint(clause[-7:]) and (
                "," not in clause or not _cues.REVERSERS.isdisjoint(clause[len(clause) - clause[::-1].index(",") :])
            ):  # a reverser in the cue's own clause only: "cut ties with Quito, citing solidarity with Mexico"
                type_ = "cooperation" if type_ in _HOSTILE_TYPES else "hostility"
            elif cue.noun and type_ not in _HOSTILE_TYPES and not _cues.DETERIORATION.isdisjoint(lows[c + 1 : c + 11]):
                type_ = "hostility"  # "relations with the junta of Colonel Goita collapsed"
            after = lows[c + 1 : c + 9]
            if lemma in ("allow", "permit", "grant") and not _cues.FORCES_WORDS.isdisjoint(after):
                type_ = "hosting"  # "allowed American troops to use four bases"
            if lemma in ("contested", "disputed") and "between" not in lows[c + 1 : c + 4]:
                vetoed.add(c)
                continue  # "one of the most contested stretches of waterfront": who disputes it is unsaid
            if lemma == "hammer" and c + 1 < n and lows[c + 1] == "out":
                type_, cue = "diplomatic ties", cue._replace(link="sym")  # "hammering out a partnership"
            if lemma == "shuttle" and c + 2 < n and lows[c + 1] == "diplomacy" and lows[c + 2] == "with":
                type_, cue = "diplomatic ties", cue._replace(link="sym", noun=True)  # "revived shuttle diplomacy with Tokyo"
                lemma = "diplomacy"  # bilateral: none of the mediation readings of "shuttle" below
            elif lemma == "shuttle" and c + 1 < n and lows[c + 1] == "diplomacy":
                self._mediation(toks, c, subj, conf, si)  # "months of Turkish shuttle diplomacy"
                continue
            if lemma in _COMPOUND_ONLY and not (
                c >= 3 and "-" in lows[max(0, c - 4) : c] and sum(1 for t in toks[max(0, c - 5) : c] if t.actor) >= 2
            ):
                vetoed.add(c)
                continue  # "the China-Pakistan Economic Corridor" relates the two; "a corridor" alone nothing
            if lemma == "claim" and c + 1 < n and (
                lows[c + 1] == "that" or not _CLAIMED_DEEDS.isdisjoint(lows[c + 1 : c + 4])
                or (toks[c + 1].actor and c + 2 < n and (lows[c + 2] in _AUX or lows[c + 2] in _BE))
                or not _MEDIA.isdisjoint(lows[c + 1 : c + 5])
            ):  # also "have claimed Pakistan is eyeing a foothold": a clause follows; "claims in the Turkish press"
                # "claims that South Korean warships will join", "claimed dozens of attacks",
                # "claimed responsibility": an assertion, not a claim to land
                vetoed.add(c)
                continue
            if lemma == "offices" and lows[c - 1] != "good":
                vetoed.add(c)
                continue  # "offered its good offices": mediation; other offices are buildings
            if lemma in ("war", "wars") and c and lows[c - 1] in _NAMED_WARS:
                vetoed.add(c)
                continue  # "stayed outside military blocs throughout the Cold War"
            if lemma == "back" and c + 1 < n and lows[c + 1] in _BACK_ADVERB and lows[c + 1 : c + 4] != ["to", "the", "hilt"]:
                vetoed.add(c)
                continue  # "coaxed both sides back to the table": an adverb
            if cue.noun and any(
                lows[k] in _NO and lows[k + 1] != "-" and lows[k + 1] not in _NO_COMPOUND
                and (c - k <= 5 or not any(_verbish(w) for w in lows[k + 1 : c]))  # "not in discussions about an agreement"
                for k in range(max(0, c - 8), c)
            ) and not _given(toks, lows, c, cue):
                vetoed.add(c)
                continue  # "has played no part in the mediation"; not a "no-limits" partnership
            place_only = lemma in ("meet", "speak", "sign") and c + 2 < n and lows[c + 1] in ("in", "at", "on")  # also "signed at the White House"
            if lemma in ("throw", "kick") and c + 1 < n and lows[c + 1] == "out":
                if any(x in _BE for x in lows[max(0, c - 3) : c]):
                    # "Gabon was thrown out of the AU": the bloc acts on the subject.
                    by = next((x for x in range(c + 2, min(n, c + 6)) if toks[x].actor), None)
                    subject = self._left(toks, c, noun=False, subj=subj)
                    if by is not None and lows[by - 1] in ("of", "the") and subject:
                        for i in subject:
                            if toks[i].actor != toks[by].actor:
                                self._add(toks[by].actor, toks[i].actor, True, "hostility", conf, si)  # type: ignore[arg-type]
                    continue
                type_ = "hostility"
            if lemma == "contest" and lows[c] == "contests":
                type_, cue = "territorial dispute", cue._replace(noun=False, link="dir")  # "which contests Belize's ownership of"
            if lemma == "closer" and not any(t.actor for t in toks[c + 1 : c + 5]):
                cue = cue._replace(link="sym")  # "Hanoi and Manila have edged closer": to each other
            if lemma == "lean" and lows[c + 1] == "on":
                if c + 2 < n and lows[c + 2] in _POSS_PRONOUNS:
                    type_, cue = "dependence", cue._replace(link="buy")  # "leaned on its partners": reliance
                else:
                    type_ = "hostility"  # "leaned on Belgrade": pressure
            if lemma in ("delivery", "deliveries") and lows[c - 1] in _TAKE:
                cue = cue._replace(link="buy")  # "Serbia has taken delivery of Chinese batteries"
            if lemma in ("open", "reopen"):
                if after[:1] == ["fire"]:
                    type_ = "war"  # "opened fire on Filipino vessels"
                elif "to" in lows[c + 1 : c + 12] and not _cues.FORCES_WORDS.isdisjoint(lows[c + 1 : c + 12]):
                    type_ = "hosting"  # "opened four more sites to US forces"
                elif _cues.TALKS_WORDS.isdisjoint(after[:3]) and not {"embassy", "consulate"} & set(after[:3]) and not (
                    lemma == "reopen" and not _REOPENED.isdisjoint(after[:4])  # "reopened the Gatuna crossing"
                ):
                    vetoed.add(c)
                    continue  # "opened a factory", "opened the door": no relation
            if lemma in ("convene", "bring") and not _MEETINGS.isdisjoint(lows[max(0, c - 5) : c]) and (
                "that" in lows[max(0, c - 3) : c] or "which" in lows[max(0, c - 3) : c]
            ):
                vetoed.add(c)  # "a gathering that also brought together the leaders of X, Y and Z": a venue, no mediator
                continue
            if lemma in ("convene", "bring", "shuttle", "coax") and not (
                (lemma == "convene" and (not _cues.TALKS_WORDS.isdisjoint(after[:4]) or self._two_objects(toks, c)))
                or (lemma == "bring" and ("together" in after or "against" in after[:2] or self._two_objects(toks, c)))
                or (lemma == "shuttle" and "between" in after[:4])  # "shuttled for weeks between"
                or _sides_named(after)
            ):
                vetoed.add(c)
                continue  # "convened a cabinet meeting", "brought new weapons": no mediation
            if lemma == "broker" and c and lows[c - 1] in ("arms", "weapons", "power", "oil", "insurance"):
                vetoed.add(c)
                continue  # "the generals' arms brokers": dealers, not mediators
            if lemma == "host" and (
                not _cues.TALKS_WORDS.isdisjoint([*after[:4], *window]) or _sides_named(after[:5]) or self._two_objects(toks, c)
            ):
                if _NEGOTIATIONS.isdisjoint([*after[:4], *window]) and not (
                    "between" in after or _sides_named(after[:5]) or self._two_objects(toks, c)
                ):
                    vetoed.add(c)
                    continue  # "hosted a reconstruction conference": a gathering, not talks between sides
                # "Qatar hosted talks between ...", "The meeting, hosted by Qatar, ..."
                self._mediation(toks, c, subj, conf, si)  # "Qatar hosted talks between ..."
                continue
            if lemma == "bring" and "against" in lows[c + 1 : c + 3]:
                type_, cue = "hostility", cue._replace(type="hostility", link="dir")  # "the case South Africa brought against Israel"
            if cue.link == "med":
                self._mediation(toks, c, subj, conf, si)
                continue
            if type_ == "war" and (not cue.noun or lemma == "fighting") and self._fought_alongside(toks, c, conf, si):
                continue
            if not cue.noun and c + 1 < n and lows[c + 1] in _ACTOR_OBJ_PRONOUNS and not toks[c + 1].actor:
                self._object_pronoun(toks, c, subj)
            elif not cue.noun and c + 1 < n and lows[c + 1] in ("him", "her") and not toks[c + 1].actor:
                self._person_object(toks, c)
            if (
                lemma == "joint" and c + 3 < n and toks[c + 1].actor and lows[c + 2] in ("-", "–") and toks[c + 3].actor
                and toks[c + 1].actor != toks[c + 3].actor
            ):
                # "joint Sino-Russian coast guard patrols": the compound's two are the ones acting together
                self._add(toks[c + 1].actor, toks[c + 3].actor, False, type_, conf, si)  # type: ignore[arg-type]
                continue
            left, right, passive, between = self._sides(toks, c, cue, subj)
            if left and right and not passive and toks[right[-1]].poss and {toks[x].actor for x in right} <= {toks[x].actor for x in left}:
                # "Pashinyan has frozen Armenia's participation in the CSTO": past the subject's own
                nxt = next((x for x in range(right[-1] + 1, min(n, right[-1] + 6)) if toks[x].actor or lows[x] in _BOUNDARY or lows[x] == ","), None)
                if nxt is not None and toks[nxt].actor and not {"in", "of", "with"}.isdisjoint(lows[right[-1] + 1 : nxt]):
                    right = _group(toks, nxt, 1, 12)
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
                    # "courted both capitals": states only, not the war of a state and its rebels
                    states = not _STATE_ONLY.isdisjoint(lows[c + 1 : c + 5])
                    self.pending_sides.append((subjects, type_, cue.link, conf, si, states))  # type: ignore[arg-type]
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
                vetoed.add(c)
                continue  # "deployed troops along the border with X": X is no host
            directed = cue.link in ("dir", "buy")
            if cue.link == "buy" and not passive:
                left, right = right, left
            elif passive and cue.link == "dir":
                left, right = right, left
            la = [toks[i].actor for i in left]
            ra = [toks[i].actor for i in right]
            if lemma in ("telephone", "phone"):
                ra = ra[:1]  # "telephoned the Qatari prime minister from the White House": the one called
            if lemma == "together":
                if not _BRING.isdisjoint(lows[max(0, c - 8) : c]) or (c + 1 < n and lows[c + 1] == "with"):
                    vetoed.add(c)
                    continue  # "brought Israel and Hamas together" (mediation), "together with China" (a list)
                ra = []  # "worked together in Syria": with each other, not with the place
            if place_only:
                ra = []  # "X, Y and Z met in Asmara": the place of the meeting, not a party to it
            if (
                right and lemma in ("send", "fly") and _word_before(toks, right[0]) in ("into", "over")
                and right[-1] + 1 < n and lows[right[-1] + 1] in _TERRITORY
            ):
                type_ = "hostility"  # "sent a fighter jet briefly into Estonian airspace": an incursion
            if lemma in _FOUND and (not ra or any(self._kinds.get(a) != "organization" for a in ra)):
                vetoed.add(c)
                continue  # "formed a government", "created jobs in Mali": founding only a bloc
            if lemma == "lease" and right and _word_before(toks, right[0]) == "from":
                la, ra = ra, la  # "leased a port from Djibouti": Djibouti hosts
            if (
                cue.noun and not ra and left == [c - 1] and type_ in _GIVEN_TYPES and not toks[c - 1].poss
                and c > 1 and toks[c - 2].low != "-"  # not "the most active non-Chinese lender"
                and (who := self._subject_before(toks, c - 1))
                and _object_of_verb(toks, max(who), c - 1)
            ):
                # "Pakistan secured a $7 billion IMF bailout", "Kenya faces US sanctions": the clause's
                # subject gets what the actor before the noun gives
                la, ra = [toks[c - 1].actor], [toks[x].actor for x in who]
            if la and not ra and (lemma == "retaliate" or (lemma == "hit" and c + 1 < n and lows[c + 1] == "back")):
                # "Washington has hit back with sanctions": at whoever acted in the sentence before.
                if self._prev_subj and self._prev_subj not in la:
                    ra = [self._prev_subj]
                    directed = True
                    type_ = "sanctions" if "sanctions" in lows[c:] else "hostility"
            if (
                lemma in ("protest", "complaint") and right and _word_before(toks, right[0]) in ("with", "to")
                and all(self._kinds.get(a) == "organization" for a in ra)
            ):
                vetoed.add(c)
                continue  # "lodged protests with the United Nations": the forum, not the target
            if lemma == "leave" and any(self._kinds.get(a) != "organization" for a in ra):
                vetoed.add(c)
                continue  # "left Mali", "left office": only leaving a bloc is a break with it
            if la and not ra and type_ == "aid" and not _REBUILD.isdisjoint(after):
                home = self._home_state()  # "pledged money to rebuild the south": of the text's place
                ra = [home] if home else []
            if (
                right and cue.noun and type_ == "war" and _word_before(toks, right[0]) == "in"
                and not (c and toks[c - 1].actor) and not any(toks[x].poss for x in range(max(0, c - 4), c))
            ):
                ra = []  # "the war in Gaza", "wars in Yemen and Syria": where it is fought, not with whom
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
                if lows[c] in _ONE_DEAL and len(set(ra)) >= 2 and _word_before(toks, right[0]) == "with" and _one_deal(lows, c):
                    pairs += _among(ra)  # "signed a $1.4 billion deal with Tanzania and Zambia": one deal, three parties
            elif 2 <= len(set(la)) <= 4 and not cue.noun and _reciprocal(lows, c):
                pairs = _among(la)  # "the army and the RSF turned their guns on each other"
            elif cue.link == "sym" and 2 <= len(set(la)) <= 4 and not (
                cue.noun
                and c - max(left) > 16
            ) and not (
                cue.noun
                and lows[c - 1] != "their"  # "X and Y championed the project as a symbol of their partnership"
                and any(_verb_cue(lows[k]) and _particle_ok(toks, k) and lows[k] not in _CONDITIONAL_VERBS and k not in vetoed
                        for k in [*range(max(left) + 1, c), *range(max(0, min(left) - 3), min(left))])
            ):  # nor "stripped both Guinea and Gabon of trade preferences": the actors are an object
                # "X and Y signed a deal", "X and Y have close ties"; not "X and Y welcomed the
                # talks", where the noun is the object of another cue verb.
                after = lows[max(left) + 1 : max(left) + 3]
                several = bool(after) and (after[0] in _EACH or (after[0] in _AUX and after[1:2] and after[1] in _EACH))
                several = several or ("own" in lows[c + 1 : c + 6] and "their" in lows[c + 1 : c + 6]) or lows[c - 2 : c] == ["their", "own"]
                # "have wars of their own", "after their own wars"
                pairs = [] if several else _among(la)  # not "X, Y and Z have all recorded incursions"
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
        if self.scorer is not None or self.keep_candidates:
            self._candidates(toks, lows, [f for f in found if f[0] not in vetoed], si, subj)

    def _idiom(self, toks: list[_Tok], lows: list[str], c: int, lemma: str, cue: _cues.Cue, type_: str, conf: float, si: int, subj: int | None):
        """Check cue ``c`` whose lemma is in :data:`_IDIOM_LEMMAS`: ``(verdict, type, cue)``. A verdict
        of "veto" drops the cue (any relation it states is added here); "done" means the relations
        are added here and the cue stays for the pair scorer; None lets the cue go on."""
        n = len(toks)
        if lemma == "line" and _LINED_UP.isdisjoint(lows[c + 2 : c + 4]):
            return "veto", type_, cue  # "lined up beside teams from Samoa": in a row, on no side
        if lemma in ("urge", "call"):
            o = c + 2 if lemma == "call" else c + 1  # "called on Vladimir Putin"
            if not (o < n and ((toks[o].actor and not toks[o].pron) or (lows[o] == "the" and o + 1 < n and toks[o + 1].actor))):
                return "veto", type_, cue  # "urged both sides to show restraint": whom is left to guesswork
        if lemma in _SWITCH:
            if (sides := _switched(toks, c)) is not None and (doer := self._left(toks, c, noun=False, subj=subj)):
                for x in {toks[k].actor for k in doer}:
                    if x not in (sides[0], sides[1]):
                        if sides[0] is not None:
                            self._add(x, sides[0], True, "hostility", conf, si)  # type: ignore[arg-type]
                        self._add(x, sides[1], True, "diplomatic ties", conf, si)  # type: ignore[arg-type]
            return "veto", type_, cue
        if lemma == "pour" and not _cues.ARMS_WORDS.isdisjoint(lows[c + 1 : c + 5]):
            type_ = "arms trade"  # "poured weapons into Israel"
        if lemma == "pressure" and c and lows[c - 1] == "under" and lows[c + 1 : c + 2] == ["from"]:
            # "Under pressure from Washington, Panama left the Belt and Road": the clause's subject is pressed.
            k = c + 2 + (c + 2 < n and lows[c + 2] == "the")
            if (
                k < n and toks[k].actor and subj is not None and subj != k and toks[subj].actor not in (None, toks[k].actor)
                and self._kinds.get(toks[subj].actor or "") == "country"  # not "the Security Council voted"
            ):  # also "Uganda came under pressure from Kenya"
                self._add(toks[k].actor, toks[subj].actor, True, "hostility", conf, si)  # type: ignore[arg-type]
            return "veto", type_, cue
        if lemma == "exchange" and "fire" in lows[c + 1 : c + 3]:
            type_ = "war"  # "exchanged fire with Kyrgyz troops"
        if (lemma == "fall" and lows[c + 2 : c + 3] != ["with"]) or (lemma == "aim" and lows[c] != "aim"):
            return "veto", type_, cue  # "a jet fell out of the sky", "a tariff aimed at refiners"
        if lemma in ("membership", "accession") and not _BARRED.isdisjoint(lows[max(0, c - 5) : c]):
            return "veto", type_, cue  # "blocked Kosovo's membership of the UN", "its bid for membership"
        if lemma == "withdrawal" and self._kinds.get(next((t.actor for t in toks[c + 1 : c + 4] if t.actor), "")) != "organization":
            return "veto", type_, cue  # "withdrawal from ECOWAS"; not "from the Ottawa treaty", "from Afghanistan"
        if lemma == "thaw" and lows[c] != "thaw":
            return "veto", type_, cue  # "they are thawing": whose thaw is unsaid
        if lemma == "take" and not (c + 1 < n and (toks[c + 1].actor or (lows[c + 1] == "the" and c + 2 < n and toks[c + 2].actor))):
            return "veto", type_, cue  # "took Kenya to the ICJ"; not "took the matter to the court"
        if lemma == "take" and lows[c + 2 : c + 4] == ["to", "task"]:
            type_ = "hostility"  # "has taken Tehran to task over the removals"
        if lemma == "claim" and not cue.noun and (rivals := self._rival_claimants(toks, c, subj)):
            # "Kenya and Uganda both claim the islands", "claimed by both Kenya and Uganda"
            for x in range(len(rivals)):
                for y in range(x + 1, len(rivals)):
                    self._add(rivals[x], rivals[y], False, "territorial dispute", conf, si)
            return "done", type_, cue
        if lemma in ("turn", "look") and _TURNED.isdisjoint(lows[c + 1 : c + 4]):
            if lows[c + 1 : c + 2] != ["to"] or not (c + 2 < n and toks[c + 2].actor) or (
                "for" not in lows[c + 3 : c + 6] and (not toks[c + 2].adj or _HELPERS.isdisjoint(lows[c + 3 : c + 6]))
            ):
                return "veto", type_, cue  # "turned to Moscow for help", "turned to Russian instructors"; not "turned to the question"
            type_ = "dependence"
        if lemma == "hands" and lows[c - 2 : c] != ["at", "the"]:
            return "veto", type_, cue  # only "at the hands of"
        if lemma == "hit" and lows[c + 1 : c + 2] == ["by"]:
            type_ = "war"  # "was hit by Kenyan drones"
        if lemma in ("side", "turn") and "against" in lows[c + 1 : c + 3]:
            type_ = "hostility"  # "sided against Kigali", "turned against its former patron"
        elif lemma == "side" and lows[c + 1 : c + 2] == ["with"]:
            self._sided_against(toks, lows, c, conf, si, subj)
        if lemma == "blood" and lows[c - 1 : c] != ["bad"]:
            return "veto", type_, cue  # only "bad blood between"
        if lemma == "order" and not _cues.ARMS_WORDS.isdisjoint(lows[c + 1 : c + 6]) and "from" in lows[c + 1 : c + 8]:
            type_, cue = "arms trade", cue._replace(link="buy")  # "has ordered Bayraktar TB2 drones from Turkey"
        if lemma == "terms" and c and lows[c - 1] in _BAD_TERMS:
            type_ = "hostility"  # "on bad terms with"
        if lemma == "sue" and c + 1 < n and lows[c + 1] == "for":
            return "veto", type_, cue  # "sued for peace": no one sued
        return None, type_, cue

    def _terror_list(self, toks: list[_Tok], lows: list[str], si: int, subj: int | None) -> None:
        """ "The ELN, on the State Department's terrorism list since 1997", "Cuba is back on the US
        terror list": the list's keeper sanctions the one on it."""
        for i in range(2, len(toks)):
            if lows[i] != "list" or lows[i - 1] not in _TERROR_LISTS:
                continue
            keeper = toks[i - 2]
            if not keeper.actor or not (keeper.poss or lows[i - 3 : i - 2] == ["the"]):
                continue
            listed = self._left(toks, i - 2, noun=False, subj=subj)
            for x in listed:
                if toks[x].actor and toks[x].actor != keeper.actor:
                    self._add(keeper.actor, toks[x].actor, True, "sanctions", 0.6, si)  # type: ignore[arg-type]

    def _sided_against(self, toks: list[_Tok], lows: list[str], c: int, conf: float, si: int, subj: int | None) -> None:
        """ "Erbil has sided with Turkey against the PKK": the subject and its ally against the foe."""
        n = len(toks)
        k = next((x for x in range(c + 2, min(n, c + 10)) if lows[x] == "against" or lows[x] in _BOUNDARY or _verbish(lows[x])), None)
        foe = next((x for x in range(k + 1, min(n, k + 4)) if toks[x].actor), None) if k is not None and lows[k] == "against" else None
        if foe is None:
            return
        sides = [toks[i].actor for i in self._left(toks, c, noun=False, subj=subj)]
        sides += [toks[x].actor for x in range(c + 2, k) if toks[x].actor]  # type: ignore[operator]
        for x in dict.fromkeys(sides):
            if x and x != toks[foe].actor:
                self._add(x, toks[foe].actor, True, "hostility", conf, si)  # type: ignore[arg-type]

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

    def _candidates(self, toks: list[_Tok], lows: list[str], found: list, si: int, subj: int | None) -> None:
        """Record, for the pair scorer, each actor pair of sentence ``si`` (which has the cue
        words ``found``) with its sentence features and the type of the cue nearest to it."""
        # Mediation is the rules' own business: who brokers between whom needs the sentence's structure.
        cues = [(c, hit[1]) for c, hit in found if hit[1].link != "med"]
        if not cues:
            return
        at: dict[str, list[int]] = {}
        people = not _PEOPLE.isdisjoint(lows)
        for k, t in enumerate(toks):
            if t.actor and not (people and _people_in_place(toks, k)) and not _venue(toks, k):
                at.setdefault(t.actor, []).append(k)  # not "residents of Kyiv", "the Dialogue in Singapore"
        if len(at) < 2:
            return
        if self.keep_candidates:  # training: every pair's features, now
            self._sentence_candidates(toks, lows, cues, at, si, subj, ())
            return
        related = self._related
        names = sorted(at)
        if all((a, b) in related for x, a in enumerate(names) for b in names[x + 1 :]):
            return  # every pair here is related already: no feature of theirs will be read
        # The features wait until the whole text is read: a pair the rules relate later needs none.
        self._pending_sents.append((toks, lows, cues, at, si, subj))

    def _sentence_candidates(
        self, toks: list[_Tok], lows: list[str], cues: list, at: dict[str, list[int]], si: int, subj: int | None, skip
    ) -> None:
        """The candidates of one sentence (see :meth:`_candidates`): its actor pairs in one clause,
        not merely listed, not in ``skip``, each with its sentence features and nearest cue's type."""
        clause = [0] * len(toks)  # clause number of each token (see _cooccurrences)
        subject_clause = [0] * len(toks)  # ... counting only the clauses an actor of its own opens
        if "and" in lows or "," in lows or not _BOUNDARY.isdisjoint(lows):
            k_clause = k_subject = 0
            for k, t in enumerate(toks):
                if t.low in _BOUNDARY:
                    k_clause += 1
                elif t.actor and k and lows[k - 1] in ("and", ",") and _is_subject(toks, k):
                    k_clause += 1
                    k_subject += 1
                clause[k] = k_clause
                subject_clause[k] = k_subject
        actors = sorted(at)
        pairs: list[tuple[int, int, str, str, bool]] = []  # tokens, actors, in one clause
        together = self.together
        for x, a in enumerate(actors):
            for b in actors[x + 1 :]:
                # the closest two mentions of the pair in one clause
                same = [(p, q) if p < q else (q, p) for p in at[a] for q in at[b] if clause[p] == clause[q]]
                if same:
                    together[(a, b)] = together.get((a, b), 0) + 1
                # Across a boundary word ("..., but", "; "), not across "and <actor> <verb>": "Turkey
                # threatened to intervene and Russia brokered a deal" relates neither to the other.
                cand = same or [
                    (p, q) if p < q else (q, p) for p in at[a] for q in at[b] if subject_clause[p] == subject_clause[q]
                ]
                if not cand:
                    continue
                if (a, b) not in skip:
                    i, j = min(cand, key=lambda pq: pq[1] - pq[0]) if len(cand) > 1 else cand[0]
                    if not _listed(toks, i, j):  # "Brazil, India and China": a list is no relation
                        pairs.append((i, j, a, b, bool(same)))
        if not pairs:
            return
        rows = sentence_rows(toks, lows, cues, [(i, j, one) for i, j, _, _, one in pairs], len(at), subj)
        for (i, j, a, b, _), row in zip(pairs, rows, strict=True):
            # the type of the cue between the two, else of the nearest one
            near = min(cues, key=lambda cc: 0 if i < cc[0] < j else min(abs(cc[0] - i), abs(cc[0] - j)))
            self._cands.append((si, a, b, near[1].type, row))

    def candidates(
        self, counts: dict[str, int], skip: set[tuple[str, str]] | frozenset = frozenset()
    ) -> tuple[list[tuple[int, str, str, str]], np.ndarray]:
        """The candidates (sentence, actor, actor, type of the nearest cue; actors sorted) of
        pairs not in ``skip``, and their feature rows (:data:`FEATURES`)."""
        pending, self._pending_sents = self._pending_sents, []
        for toks, lows, cues, at, si, subj_ in pending:
            self._sentence_candidates(toks, lows, cues, at, si, subj_, skip)
        top = tuple(sorted(counts, key=lambda a: -counts[a])[:2])
        n = max(1, len(self.spans))
        kinds = self._kinds
        together = self.together
        out: list[tuple[int, str, str, str]] = []
        rows: list[list[float]] = []
        per_pair: dict[tuple[str, str], list[float]] = {}
        for si, a, b, type_, row in self._cands:
            if (a, b) in skip:
                continue
            out.append((si, a, b, type_))
            if (a, b) not in per_pair:
                per_pair[(a, b)] = article_features(a, b, counts, top, together.get((a, b), 0), kinds)
            rows.append(row + per_pair[(a, b)] + [si / n])
        return out, np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))

    def _suggest(self, model: PairModel, counts: dict[str, int]) -> None:
        """Add the pairs the rules missed whose noisy-or probability over their sentences
        reaches the model's threshold; each sentence that makes the pair likely is evidence."""
        cands, rows = self.candidates(counts, skip=self._related)
        if not cands:
            return
        probs = model.probabilities(rows)
        miss: dict[tuple[str, str], float] = {}
        for (_, a, b, _), p in zip(cands, probs, strict=True):
            miss[(a, b)] = miss.get((a, b), 1.0) * (1.0 - float(p))
        keep = {key for key, m in miss.items() if 1.0 - m >= model.threshold}
        if not keep:
            return
        best: dict[tuple[str, str], int] = {}
        for k, (_, a, b, _) in enumerate(cands):
            if (a, b) in keep and ((a, b) not in best or probs[k] > probs[best[(a, b)]]):
                best[(a, b)] = k
        for k, (si, a, b, _type) in enumerate(cands):
            if (a, b) in keep and (best[(a, b)] == k or probs[k] >= model.threshold / 2):
                # One type for the pair, the likeliest sentence's: a suggestion mixing the types
                # of cue words near it agreed with the gold less often (0.50 against 0.55).
                type_ = cands[best[(a, b)]][3]
                self.hits.append(_Hit(a, b, False, type_, round(float(probs[k]), 3), si))
        self.suggested |= keep

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
        if subj is not None and subj < c and (
            (c and toks[c - 1].low == "," and toks[c].low.endswith("ing"))  # ", accusing Israel"
            or (noun and _drawn_by_participle(toks, c))  # ", drawing furious condemnation from Mogadishu"
        ):
            return _coordinated(toks, subj)  # the clause's subject, with all its coordinated actors
        k = c - 1
        while k > 0 and c - k <= 3 and toks[k].low not in _POSS_PRONOUNS:
            k -= 1
        if k > 0 and c - k <= 3 and toks[k - 1].low == "," and toks[k].low in _POSS_PRONOUNS and not toks[k].actor and all(
            t.low.isalpha() and not t.actor for t in toks[k + 1 : c]
        ):
            # "He travelled to Tianjin for the SCO summit, his first visit to China": the clause's subject, if known
            return _group(toks, subj, -1, 12) if subj is not None and subj < k and toks[subj].actor else []
        j = c - 1
        crossed_verb_and = soft_cross = False
        fallback: list[int] = []
        soft_fallback: list[int] = []
        # A relation noun that is a verb's object ("signed a defence pact with") has the verb's subject.
        skip_phrases = not noun or any(_verbish(toks[k].low) for k in range(max(0, c - 3), c))
        aside = 0  # tokens of a ", which ... ," clause passed: they do not count towards the reach
        # Past "... and rolled out": the first verb's subject may stand further back.
        while j >= 0 and c - j - aside <= (26 if crossed_verb_and else 16):
            t = toks[j]
            if rel[j] and not rel[c]:
                aside += 1
            if not t.actor and t.low not in _LEFT_STOPS:
                if t.low in _SUBJECT_PRONOUNS and j and (toks[j - 1].low in _SUBORDINATORS or toks[j - 1].low in ("as", ",")):
                    return []  # "..., even as they remain rivals": a clause's subject the text did not resolve
                j -= 1  # a plain word: none of the tests below applies to it
                continue
            if t.low == ")" and (before := _before_brackets(toks, j)) is not None:
                j = before  # "the Rapid Support Forces (RSF) turned": past the bracketed acronym to the name
                continue
            if (
                t.low in ("its", "their") and not t.actor and j and toks[j - 1].low in _REPORTING_ING
                and subj is not None and subj < j and toks[subj].actor
            ):
                # "Kigali denies commanding the group, saying its measures target the FDLR": the sayer's
                return _group(toks, subj, -1, 12)
            if t.low in _BOUNDARY and not (rel[j] and not rel[c]) and not (
                t.low == "but" and not noun and _verbish(toks[(v := _past_adverbs(toks, j + 1, c))].low) and not toks[v].actor
            ):  # not "but" inside ", which ... but ...,"; "has not sent arms but (openly) signed a deal": one subject
                if not noun and t.low in ("—", "–") and all(
                    x.low in _ADVERBS or x.low in _AUX or _verbish(x.low) for x in toks[j + 1 : c]
                ):
                    return self._subject_before(toks, j)  # "X bought ... — then signed a deal with Y"
                break
            if t.actor:
                if (crossed_verb_and and not _is_subject(toks, j)) or (rel[j] and not rel[c]):
                    if soft_cross and not soft_fallback and not rel[j]:
                        soft_fallback = _group(toks, j, -1, 12)
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
                return grp
            if t.low in ("and", "but") and j + 1 < c and (_verbish(toks[j + 1].low) or toks[j + 1].low in _ADVERBS or _verbish(toks[_past_adverbs(toks, j + 1, c)].low)):
                crossed_verb_and = True  # "... and sought to": the subject of the first verb
            elif (
                j + 1 == c and not noun and t.low in ("and", "but", ",") and toks[c].low.endswith("ed")
                and (c + 1 == len(toks) or toks[c + 1].low != "by")  # not ", joined by X": a participle
            ):
                # "shown French troops the door and cosied up to Moscow", "courted Brussels for funds,
                # cosied up to Beijing": the first verb's subject, else the nearest actor after all.
                crossed_verb_and = soft_cross = True
            if t.low in _RELATIVE and t.low != "where" and j > 0 and not any(toks[x].actor for x in range(j + 1, c)):
                # "X, which borders Y": the antecedent is the subject.
                k = j - 1
                while k >= 0 and not toks[k].actor and j - k <= 4:
                    if toks[k].low == ")" and (before := _before_brackets(toks, k)) is not None:
                        # "the Tehreek-e-Taliban Pakistan (TTP), which has killed": the acronym is the antecedent
                        k = k - 1 if toks[k - 1].actor else before
                        continue
                    if toks[k].low in _BOUNDARY:
                        break
                    k -= 1
                if k >= 0 and toks[k].actor:
                    return _group(toks, k, -1, 12)
            j -= 1
        if not fallback and c > 0 and (toks[0].low.endswith(("ed", "ing")) or toks[0].low in _FRONTED_PREPS):
            # A fronted participle phrase ("Locked in a quarrel with X, Egypt ...") or prepositional
            # phrase ("Under a 2024 agreement with Baghdad, the coalition ...") has the main
            # clause's subject, named after its comma.
            comma = next((k for k in range(1, len(toks)) if toks[k].low == ","), None)
            first = comma + 1 + (comma + 2 < len(toks) and toks[comma + 1].low == "the") if comma is not None else 0
            if comma is not None and comma > c and first < len(toks) and toks[first].actor:
                return _group(toks, first, 1, 12)  # also ", the US-led coalition is winding down"
        return fallback or soft_fallback

    def _rival_claimants(self, toks: list[_Tok], c: int, subj: int | None) -> list[str]:
        """The two or more actors that "both" claim the same thing at claim verb ``c``, or []."""
        n = len(toks)
        k = c + 1
        if k < n and toks[k].low == "by":
            k += 1 + (k + 1 < n and toks[k + 1].low in ("both", "all"))
            grp = _group(toks, k, 1, 12) if k < n and toks[k].actor and toks[k - 1].low in ("both", "all") else []
        else:
            if "both" not in (toks[c - 1].low if c else "", toks[c - 2].low if c > 1 else "") or k >= n or toks[k].low != "the":
                return []  # "both claim the islands": the same thing; not "both claim slices of the Spratlys"
            grp = self._left(toks, c, noun=False, subj=subj)
        rivals = list(dict.fromkeys(toks[x].actor for x in grp if toks[x].actor))
        return rivals if len(rivals) >= 2 else []  # type: ignore[return-value]

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
        # A hyphen does not count: "Virginia-class nuclear-powered submarines from".
        limit = min(n, c + 13 + sum(t.low == "-" for t in toks[c + 1 : c + 13]))
        rel = self._rel
        if not cue.noun and c + 1 < n and toks[c + 1].low in _OBJ_PRONOUNS and not toks[c + 1].actor:
            limit = c  # "accusing him of ...": the object is a person the text does not map
        stood_by = toks[c].low in _STOOD
        rel_c = rel[c]
        while j < limit:
            t = toks[j]
            if not t.actor and t.low not in _RIGHT_STOPS and (not rel_c or rel[j]):
                j += 1  # a plain word: none of the tests below applies to it
                continue
            if t.low == "that" and j == c + 1 and not cue.noun:
                j += 1
                continue  # "warned that Rwanda's ambitions ...": what was said names the object
            if t.low in _BOUNDARY or t.low in _RELATIVE or (rel[c] and not rel[j]) or t.low == "according":
                break  # a cue inside ", which ... ," has its object inside too; "according to a UN group": a source
            if t.low == "between":
                between = True
                if cue.noun and right and _word_before(toks, right[0]) in ("in", "at", "near", "across"):
                    right = []  # "fighting erupted in Khartoum between the army and the RSF": the place is no side
            if t.low == "and" and not right and j + 1 < n and not toks[j + 1].actor and _verbish(toks[j + 1].low):
                break  # "accused France of arming rebels and called New Delhi's ...": a new verb phrase
            if (
                t.low == "," and not right and j + 1 < n and toks[j + 1].low.endswith("ed") and not toks[j + 1].actor
                and "and" not in [x.low for x in toks[j + 2 : j + 5]]
            ):
                break  # "courted Brussels for funds, cosied up to Beijing": the next verb's object (not "armed, trained and funded")
            if (
                t.low == "and" and not right and toks[j - 1].low == ","
                and any(x.low in _AUX for x in toks[j + 1 : j + 4]) and not any(x.actor for x in toks[j + 1 : j + 4])
            ):
                break  # "hit back at border posts, and dozens were killed": a new clause
            if (
                t.low == "and" and not right and toks[j - 1].low == "," and j + 1 < n and toks[j + 1].low in ("a", "an", "the")
                and any(x.low in _AUX for x in toks[j + 2 : j + 7])
            ):
                break  # "blocked the airport road, and a convoy of UN peacekeepers was set upon": a new clause
            if t.low in _SUBORDINATORS and not right and j + 1 < n and toks[j + 1].low.endswith("ing") and not cue.noun:
                break  # "formed after walking away from ECOWAS": a clause of time
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
                if not right and toks[j - 2].low == "not" and toks[j - 1].low in _PREPS and any(
                    x.low == "but" for x in toks[end + 1 : end + 3]
                ):
                    j = end + 1
                    continue  # "was not to India but to China": the one denied is no object
                if not right and cue.noun and _word_before(toks, j) == "at" and self._kinds.get(t.actor) == "organization":
                    j = end + 1
                    continue  # "denounce US sanctions at the UN Security Council": the forum
                if j > 2 and (toks[j - 1].low == "in" or (toks[j - 1].low == "the" and toks[j - 2].low == "in")) and (
                    toks[j - 2 if toks[j - 1].low == "in" else j - 3].low in _ORIGIN_PARTS
                ):
                    break  # "in ships owned in Greece, China and Denmark": where things come from, no party
                if end + 1 < n and toks[end + 1].low in ("banner", "flag") and toks[j - 1].low in ("the", "under"):
                    break  # "a militia that fights under the Islamic State banner": its allegiance, no foe
                if not right and (toks[j - 1].low in _WHEN or (toks[j - 1].low == "the" and toks[j - 2].low in _WHEN)):
                    j = end + 1
                    continue  # "coordinate their positions before EU meetings": when, not with whom
                if not right and (toks[j - 2].low, toks[j - 1].low) in _ON_BEHALF:
                    break  # "attacking ships in solidarity with Palestinians": for them, not at them
                if toks[j - 1].low == "," and any(x.low in _SAID for x in toks[end + 1 : end + 5]):
                    break  # ", Qatar's foreign ministry said": the source, not an object
                if cue.noun and not between and not _prep_before(toks, j, c) and not (
                    j == c + 1 and c and toks[c - 1].actor and toks[c - 1].poss and cue.type in _KIN_TYPES
                ):
                    break  # "victory in war brings out Israeli flags": no preposition, no object (but "Kenya's ally Uganda")
                # "... and Russia brokered": an actor followed by its own verb starts a new clause.
                before = toks[j - 1].low
                if before == "the" and j - 3 > c and toks[j - 2].low in ("and", "but") and toks[j - 3].low == ",":
                    before = "and"  # ", and the European Union has pledged": a new clause too
                if (before in ("and", "but", ",") or before in _SUBORDINATORS) and j > c + 1 and end + 1 < n and _verbish(toks[end + 1].low):
                    break  # also "... before Qatar and Turkey brokered": a subordinate clause's subject
                if toks[j - 1].low == "by" and not (j - 1 == c + 1 and stood_by):  # "stood by Kyiv": its object
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
            if _word_before(toks, right[0]) == "from" and right[0] - c <= 3 and len(right) == 1 and k + 1 < n and toks[k].low == "to":
                nxt = next((x for x in range(k + 1, min(n, k + 3)) if toks[x].actor), None)
                to = _group(toks, nxt, 1, 12) if nxt is not None else []
                if len(to) == 1:
                    # "an angry protest from Belgrade to Ankara": from the one, at the other; not
                    # a range ("export powers, from Taiwan to Vietnam and Thailand").
                    return right, to, False, False
        left = self._left(toks, c, noun=cue.noun, subj=subj)
        if (
            cue.noun and cue.type == "trade" and right and not between and _word_before(toks, right[0]) == "from"
            and subj is not None and subj < c and toks[subj].actor not in {toks[i].actor for i in right}
            and (not left or toks[left[0]].actor == toks[subj].actor)
        ):
            # "Cuba suffered a blackout as fuel deliveries from Venezuela collapsed": the supplier
            # is after "from", the subject receives.
            return right, _group(toks, subj, 1, 12), False, False
        named = c + 2 + (c + 3 < n and toks[c + 2].low == "the")  # also "its rival, the Islamic State ..."
        if (
            cue.noun and not right and not between and named < n and toks[c + 1].low == "," and toks[named].actor
            and not _POSS_PRONOUNS.isdisjoint(t.low for t in toks[max(0, c - 4) : c])
        ):
            right = _group(toks, named, 1, 12)  # "Serbia has leaned on its traditional ally, Russia"
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
        if left and not right and not cue.noun and (
            c == max(left) + 1 or (c - max(left) <= 3 and all(t.low in _AUX for t in toks[max(left) + 1 : c]))
        ):  # also "the Lebanese militia Tehran has bankrolled"
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
            left and not right and not cue.noun and rel_at >= 0 and toks[rel_at].low in _RELATIVE and toks[rel_at].low != "where"
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
        if not cue.noun and any(x.low in _BE for x in toks[max(0, c - 3) : c]) and toks[c].low.endswith(("ed", "en", "t")) and toks[c].low != "tied":
            if agent:
                passive = True
                right = agent
            elif toks[c].low.endswith("ed") and cue.link == "dir":
                right = []  # "X was attacked" with no agent named: no pair
        elif not cue.noun and agent and c + 1 < n and toks[c].low.endswith(("ed", "en")) and (
            toks[c + 1].low == "by"
            or (toks[c - 1].low == "," and all(t.low.isalpha() and not t.actor for t in toks[c + 1 : agent[0] - 1]))
        ):
            passive = True  # a reduced relative: "Beijing, itself accused by Canada of meddling", "Aliyev, backed to the hilt by Ankara"
            right = agent
        elif not cue.noun and agent and cue.type in _HOSTILE_TYPES and cue.link == "dir":
            right = agent  # "condemned the militarisation of Abkhazia by Russia": at the one who did it
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
        if not cue.noun and not _MISSIONS.isdisjoint(words[:4]) and "through" not in words and "via" not in words:
            return False  # "closed its embassy in Kyiv": the state itself (not "a protest through its embassy in Beijing")
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
        between = agent_seen = False
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
            if t.low == "," and agent_seen and len(set(parties)) >= 2:
                break  # "signed a peace agreement brokered by the US, committing Kigali to ...": what it says
            if t.low == "," and k + 1 < n and (toks[k + 1].low in _SUBORDINATORS or toks[k + 1].low in ("even", "as")):
                break  # "... that Beijing brokered, even as they remain rivals from Yemen to Lebanon": another clause
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
                    agent_seen = True
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
            if len(parties) < 2:
                # "Pakistani jets struck Kabul ... before Qatar and Turkey brokered a ceasefire": the
                # two sides the sentence named before the cue.
                named = list(dict.fromkeys(t.actor for k, t in enumerate(toks[:c]) if t.actor and t.actor not in med and not self._rel[k]))
                before = [t.low for t in toks[max(0, c - 4) : c]]
                made = c > 2 and before[-1] != "by" and not _MADE_DEALS.isdisjoint(before[:-1]) and (
                    "that" in before[-3:] or "which" in before[-3:]
                )  # "kept alive the rapprochement that Beijing brokered": the deal of the two named before
                if len(named) == 2 and ((min(named), max(named)) in self.hostile or (agent_seen and set(parties) < set(named)) or made):
                    # also "The kingdom restored relations with Iran in a deal brokered by Beijing"
                    parties = named  # type: ignore[assignment]
        if between and not parties and not any(t.actor for t in toks[c + 1 : c + 20]) and not _sides_named([t.low for t in toks[c + 1 : c + 12]]):
            return  # "shuttled between the al-Khadim and al-Jufra airbases": sides the map does not hold
        if between and len(parties) == 1:
            # "mediated between Bamako and the Tuareg-led rebels": one party is no actor we know.
            self._mediated(med, parties, conf, si)
            return
        if len(parties) < 2:
            if noun and self._rel[c]:
                return  # "Qatar, a mediator in earlier Horn disputes, has not been asked": a description
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
        kinds = self._kinds
        for subjects, type_, link, conf, si, states in self.pending_sides:
            conflicts = {
                k: v for k, v in wars.items()
                if not set(k) & subjects and (not states or all(kinds.get(x) == "country" for x in k))
            }
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
        self._related.add((a, b) if a < b else (b, a))
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
            note = _SUGGESTED_NOTE if (a, b) in self.suggested or (b, a) in self.suggested else ""
            relations.append(
                Relation(a, b, directed=directed, valence=relation_valence(types), types=types, evidence=ev,
                         confidence=round(1.0 - miss, 3), note=note)
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


# Money sent, unlike "hundreds of asylum seekers": a currency or a word for funds.
_CURRENCY = frozenset("$ € £ dollars euros money cash funds funding loans credit grants".split())

# Shown in the evidence panel: what a suggested relation is, in a reader's words.
_SUGGESTED = "suggested:"
_SUGGESTED_NOTE = (
    f"{_SUGGESTED} these sentences read like a relation between the two, but no rule recognised "
    "its wording, so its type is a guess"
)


def is_suggested(r: Relation) -> bool:
    """Was ``r`` added by the learned pair scorer rather than found by a rule?"""
    return r.note.startswith(_SUGGESTED)


_PROTOS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _actor_protos(gaz) -> dict[str, Actor]:
    """Actors of ``gaz`` by id, built once per gazetteer (``to_actor`` lists every alias)."""
    try:
        return _PROTOS[gaz]
    except KeyError:
        return _PROTOS.setdefault(gaz, {})


def _merge_mixed(groups: dict[tuple[str, str, bool], list[_Hit]]) -> dict[tuple[str, str, bool], list[_Hit]]:
    """A pair whose relations (one per direction) differ in valence becomes one undirected relation
    with the valence of them all, as a curated map draws it: "mixed" for "the United States rebuked
    Pristina" and "Kosovo's closest ally remains the United States"; hostile for a threat and the
    talks that followed it."""
    by_pair: dict[tuple[str, str], list[tuple[str, str, bool]]] = {}
    for key in groups:
        a, b = key[0], key[1]
        by_pair.setdefault((a, b) if a < b else (b, a), []).append(key)
    if len(by_pair) == len(groups):
        return groups  # one relation per pair: nothing to merge
    out: dict[tuple[str, str, bool], list[_Hit]] = {}
    for pair, keys in by_pair.items():
        if len(keys) > 1 and len({relation_valence([h.type for h in groups[k]]) for k in keys}) > 1:
            out[(pair[0], pair[1], False)] = [h for k in keys for h in groups[k]]
            continue
        for k in keys:
            out[k] = groups[k]
    return out


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
