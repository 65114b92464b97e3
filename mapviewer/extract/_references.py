"""Stand-ins for actors: pronouns, back-references and implicit parties.

"It", "the kingdom", "the bloc", "the army", "the two leaders", "the juntas", "him" and
"Turkish-made drones" are resolved here to the actors they stand for, as a mixin of the
relation extractor (:mod:`mapviewer.extract.relations`), which owns the state it reads.
"""

from __future__ import annotations

import bisect
import math

from . import cues as _cues
from ._grammar import (
    _ADVERBS,
    _ALIGNED_PARTS,
    _BACKING_PARTS,
    _BACKREF_ADJ,
    _BACKREF_NOT_AFTER,
    _BACKREF_NOUNS,
    _BACKREF_RANGE,
    _BACKREF_SET,
    _BOUNDARY,
    _CONFLICT_SIDES,
    _COUNTS,
    _DESCRIBED_HEADS,
    _DESCRIBING_NOUNS,
    _FORCE_NOT,
    _FORCE_WORDS,
    _HEADS,
    _LED_BODIES,
    _MADE_PARTS,
    _MODIFIER_PARTS,
    _MONARCHY_NOUNS,
    _NOT_THIS_ONE,
    _PLACE_AFTER,
    _PLACE_BEFORE,
    _POSSESSIVE,
    _PRONOUN_NOUNS,
    _PRONOUNS,
    _RELATIVE,
    _RULER_NOUNS,
    _RULER_PLURALS,
    _SIDES_NOUNS,
    _STATE_ONLY,
    _STATE_ORGANS,
    _STATE_SIDES,
    _USE_VERBS,
    _WEAK_KINGDOMS,
    _after_prep,
    _before_brackets,
    _coordinated,
    _force_key,
    _group,
    _is_subject,
    _main_subject,
    _Tok,
    _verbish,
)

# Second parts of a compound modifier before a back-reference noun ("the Kurdish-led militia").
_COMPOUND_PARTS = frozenset("led backed based aligned dominated run linked affiliated allied".split())


def _describing(toks: list[_Tok], k: int) -> bool:
    """Is actor token ``k`` named only to describe another ("al-Qaeda's affiliate", "under the
    Islamic State banner")?"""
    j = k + 1
    if j < len(toks) and toks[k].poss and not toks[j].actor and toks[j].low not in _DESCRIBING_NOUNS:
        j += 1  # "al-Qaeda's East African affiliate"
    return j < len(toks) and toks[j].low in _DESCRIBING_NOUNS and (toks[k].poss or j == k + 1)


_MOD_STOP = frozenset("a an the of and or but in on at to for with by from as its their his her this that these those".split())


def _described_head(toks: list[_Tok], i: int) -> int | None:
    """The head of "the <one to three modifiers> <state noun>" opening at ``i`` ("The Gulf state",
    "the tiny kingdom", "the self-ruled island"), or None. Not "the Indian state of Manipur" (an
    actor modifies it), "the southern state of Kerala" (a place named next) nor "the other country"."""
    for k in range(i + 1, min(len(toks), i + 6)):
        t = toks[k]
        if k > i + 1 and t.low in _DESCRIBED_HEADS and not t.actor:
            return None if k + 1 < len(toks) and toks[k + 1].low == "of" else k
        if t.low == "-" or toks[k - 1].low == "-":
            continue  # "the self-ruled island", "the city-state"
        if t.actor or t.low in _NOT_THIS_ONE or not t.low.isalpha() or (_verbish(t.low) and not t.low.endswith("ed")) or t.low in _MOD_STOP:
            return None
    return None


def _near(group, state, km: float = 1200.0) -> bool:
    """Is the group's seat within ``km`` of the state's point (either unknown counts as near)?"""
    if group is None or state is None or None in (group.lat, group.lon, state.lat, state.lon):
        return True
    dlat = math.radians(group.lat - state.lat)
    dlon = math.radians(group.lon - state.lon) * math.cos(math.radians((group.lat + state.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon) <= km


_MINISTRIES = frozenset(("foreign", "defence", "defense", "interior"))
_LINKING = frozenset("is was remains remained became becomes become been as".split())


class _References:
    """Resolution of stand-ins; mixed into ``relations._Extractor``."""

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
            if part in ("brokered", "mediated"):
                # "Saudi Arabia, Iran mark two years of Beijing-brokered thaw": the mediator of the
                # two named before it.
                parties = list(dict.fromkeys(x.actor for x in toks[:i] if x.actor and x.actor != t.actor))
                if len(parties) != 2:
                    # "the Qatar-brokered truce between Israel and Hamas"; else, as for any mediation
                    # with its sides unnamed, the text's main war decides (_unnamed_parties).
                    k = next((x for x in range(i + 3, min(n, i + 8)) if lows[x] == "between"), None)
                    a = next((x for x in range(k + 1, min(n, k + 5)) if toks[x].actor), None) if k is not None else None
                    named = [toks[x].actor for x in _group(toks, a, 1, 12)] if a is not None else []
                    before, parties = parties, list(dict.fromkeys(p for p in named if p != t.actor))
                    if not parties and len(before) == 1 and i + 5 < n and lows[i + 4] == "with" and toks[i + 5].actor not in (None, t.actor, before[0]):
                        parties = [before[0], toks[i + 5].actor]  # type: ignore[list-item]  # "It enjoys the China-brokered détente with Tehran"
                if len(parties) >= 2:
                    for p in parties:
                        self._add(t.actor, p, True, "mediation", 0.5, si)  # type: ignore[arg-type]
                else:
                    self.pending_med.append(({t.actor}, parties, 0.5, si))  # type: ignore[arg-type]
                t.actor = None
                # The participle is spent: "their China-brokered agreement" makes no mediators of
                # the sentence's subjects.
                toks[i + 2].low = lows[i + 2] = "_"
                continue
            if (part in _ALIGNED_PARTS or part in _BACKING_PARTS or part == "led") and i and lows[i - 1] == "the" and i + 3 < n:
                if lows[i + 3] in _BACKREF_NOUNS and not toks[i + 3].actor:
                    # "the Iran-aligned movement", "the Iran-backed group", "the Moscow-led alliance":
                    # the one named before.
                    # "JNIM, the al-Qaeda-aligned coalition": the apposition's head, else the one named before
                    ref = self._apposition_head(toks, i - 1) or self._backref(toks, i + 3, lows[i + 3], self.spans[si][0])
                    if ref is not None and ref != t.actor:
                        toks[i + 3].actor, toks[i + 3].pron = ref, True
            if part == "led" and i + 3 < n and toks[i + 3].actor and toks[i + 3].actor != t.actor:
                if self._kinds.get(toks[i + 3].actor) in ("organization", "group") and self._kinds.get(t.actor) in ("country", "organization"):
                    # "the Russian-led CSTO", "the Moscow-led alliance": the leader of the bloc, which acts
                    self._add(t.actor, toks[i + 3].actor, False, "alliance", 0.5, si)  # type: ignore[arg-type]
                    t.actor = None
                    continue
            if part in _ALIGNED_PARTS:
                k = next((x for x in range(i + 3, min(n, i + 6)) if toks[x].actor), None)
                if k is not None and toks[k].actor != t.actor:
                    self._add(t.actor, toks[k].actor, False, "cooperation", 0.5, si)  # type: ignore[arg-type]
                elif part in ("linked", "affiliated"):
                    continue  # "Wagner-linked companies": the group's own, as if named alone
                t.actor = None
                continue
            if part not in _BACKING_PARTS and part not in _MODIFIER_PARTS:
                continue
            if part == "led" and i + 3 < n and (lows[i + 3] in _LED_BODIES or _cues.lookup(lows[i + 3])):
                continue  # "a Saudi-led coalition has fought the Houthis", "the Saudi-led boycott of Qatar": the leader acts
            if part == "based" and i + 3 < n and (lows[i + 3] in _HEADS or lows[i + 3] in _STATE_ORGANS):
                continue  # "the Tripoli-based coast guard", "the Kyiv-based government": the state's own
            k = next((x for x in range(i + 3, min(n, i + 6)) if toks[x].actor), None)
            if k is not None and lows[k - 1] in ("in", "at", "across", "near"):
                k = None  # "Iran-backed militants in Iraq": where they are, not whom Iran backs
            if k is None and part in _BACKING_PARTS and i + 6 < n and lows[i + 4] in ("within", "of") and lows[i + 5] == "the" and toks[i + 6].actor:
                k = i + 6  # "Iran-backed factions within the Popular Mobilisation Forces"
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
        while j >= 0 and i - j <= 8 and lows[j] not in _BOUNDARY:
            if lows[j] == ",":
                if not (verb and lows[j + 1].endswith("ing")):
                    return None
                # "Nigeria has leaned on its air force, using Turkish-made drones": the clause's subject
                start = next((x + 1 for x in range(j - 1, -1, -1) if lows[x] in _BOUNDARY), 0)
                k = next((x for x in range(start, j) if toks[x].actor), None)
                return toks[k].actor if k is not None and not _after_prep(toks, k) and _is_subject(toks, k) else None
            if toks[j].actor:
                # "a deal for Hungary to acquire Swedish-built fighters": the infinitive's subject.
                subject = not _after_prep(toks, j) or (lows[j - 1] == "for" and lows[j + 1] == "to")
                return toks[j].actor if verb and subject else None
            if lows[j] == "using" or any(c in _USE_VERBS for c in _cues.lemma_candidates(lows[j])):
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
            if low in ("army", "military", "junta", "treasury", "navy") and prev == "the":  # also "The Treasury has sanctioned"
                mod = -1
            elif low == "force" and prev == "air" and i > 1 and lows[i - 2] == "the":
                mod = i - 1  # "has supplied the air force with Su-30 jets"
            elif low == "forces" and prev == "armed" and i > 1 and lows[i - 2] == "the":
                mod = i - 1
            elif low in ("forces", "troops") and prev in ("government", "federal") and not toks[i - 1].actor:
                mod = i - 1
            elif low == "government" and prev == "federal" and i > 1 and lows[i - 2] == "the":
                mod = i - 1  # "the federal government": the state the text is about
            elif low == "ministry" and prev in _MINISTRIES and i > 1 and lows[i - 2] == "the" and lows[i + 1 : i + 2] not in (["in"], ["of"]):
                # not "the foreign ministry in Beijing": the place names it
                mod = i - 1  # "the foreign ministry summoned the Russian envoy": the state named last
            else:
                continue
            # A state this sentence names just before, no verb between; else the state named with the
            # same word ("the Nigerien junta"), else with any ("the Malian army").
            owner = None
            j = next((j for j in range(i - 1, -1, -1) if toks[j].actor in states and not toks[j].pron), None)
            if j is not None and not any(_verbish(lows[x]) or lows[x] in _BOUNDARY for x in range(j + 1, i)):
                owner = toks[j].actor  # "In Niger, ... weeks after the junta cosied up to Moscow"
            for key in (_force_key(low), None):
                if owner is not None:
                    break
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
                elif low == "junta" and (home := self._home_state()) is not None:
                    owner = home  # a text has one junta, most likely that of the state it is set in
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
            if (
                i > 1 and lows[i - 2] == "the" and toks[i - 1].adj and toks[i - 1].actor
                and _BACKREF_NOUNS[low] == "group" and not toks[i].actor
            ):
                self._national_group(toks, lows, i, s)
                continue
            if i > 3 and lows[i - 2] == "-" and lows[i - 1] in _COMPOUND_PARTS and lows[i - 4] == "the" and not toks[i - 3].actor:
                adj = True  # "the Kurdish-led militia": as definite as "the militia"
            if i == 0 or (lows[i - 1] != "the" and not adj) or toks[i].actor or (
                i + 1 < len(toks) and lows[i + 1] in _BACKREF_NOT_AFTER
                # "the group of seven" is a name; "accused the bloc of rewarding" is the bloc
                and not (lows[i + 1] == "of" and i + 2 < len(toks) and lows[i + 2].endswith("ing"))
            ):
                continue
            ref = self._appositive_head(toks, i) or self._backref(toks, i, low, s)
            if ref is not None:
                toks[i].actor = ref
                toks[i].pron = True
                toks[i - 1].low = lows[i - 1] = "_"  # "the group": one token stands for the actor
                if adj:
                    toks[i - 2].low = lows[i - 2] = "_"
                if i + 1 < len(toks) and lows[i + 1] in _POSSESSIVE:
                    toks[i].poss = True  # "the group's leader"
                    del toks[i + 1], lows[i + 1]

    def _appositive_head(self, toks: list[_Tok], i: int) -> str | None:
        """The group or organization a back-reference noun at ``i`` stands in apposition to:
        "JNIM, the al-Qaeda-aligned *coalition* that ...", "the ADF, a *militia* born in Uganda"."""
        k = i - 1
        while k >= 0 and not toks[k].actor and toks[k].low not in ("the", "a", "an", ",") and (toks[k].low.isalpha() or toks[k].low == "-"):
            k -= 1
        return self._apposition_head(toks, k) if k >= 0 and toks[k].low in ("the", "a", "an") else None

    def _apposition_head(self, toks: list[_Tok], det: int) -> str | None:
        """The group or organization before ", " that the noun phrase opening with the article at
        ``det`` is in apposition to, past a bracketed acronym ("the SDF (SDF), the ... militia")."""
        if det < 2 or toks[det - 1].low != ",":
            return None
        h = det - 2
        if toks[h].low == ")" and (b := _before_brackets(toks, h)) is not None:
            h = b
        head = toks[h].actor
        return head if head is not None and self._kinds.get(head) in ("group", "organization") else None

    def _backref(self, toks: list[_Tok], i: int, low: str, s: int, keep=None) -> str | None:
        """The actor the back-reference noun ``low`` at ``i`` stands for: the last named with the
        same noun, else of its kind, in this sentence, else before it within reach; of those,
        only one that ``keep(actor)`` accepts, if given."""
        for key in (low, _BACKREF_NOUNS[low]):
            ref = next(
                (
                    toks[k].actor for k in range(i - 1, -1, -1) if toks[k].actor and self._kinds.get(toks[k].actor) == key
                    and (keep is None or keep(toks[k].actor)) and not _describing(toks, k)
                ),
                None,
            )
            if ref is None and key in self._refs:
                at, who = self._refs[key]
                k = bisect.bisect_left(at, s)
                while k and s - at[k - 1] <= _BACKREF_RANGE:
                    k -= 1
                    if keep is None or keep(who[k]):
                        ref = who[k]
                        break
            if ref is not None:
                return ref
        return None

    def _national_group(self, toks: list[_Tok], lows: list[str], i: int, s: int) -> None:
        """ "Hezbollah, the Lebanese militia Tehran has bankrolled", "The Yemeni movement ... kept
        firing": a group named with a state's adjective is the last group named, within reach,
        that is based near that state, and not the state."""
        state = self._gaz.get(toks[i - 1].actor)  # type: ignore[arg-type]
        ref = self._backref(toks, i - 2, lows[i], s, keep=lambda a: _near(self._gaz.get(a), state))
        if ref is not None:
            toks[i].actor, toks[i].pron = ref, True
            toks[i - 1].actor, toks[i - 1].adj = None, False
            toks[i - 2].low = lows[i - 2] = toks[i - 1].low = lows[i - 1] = "_"

    def _prominence(self, pair: tuple[str, str]) -> int:
        """How much the text is about both actors of ``pair``: the mentions of the less named."""
        return min(self._counts.get(pair[0], 0), self._counts.get(pair[1], 0))

    def _remember_lists(self, toks: list[_Tok], si: int) -> None:
        """Keep the lists of three or more states this sentence names ("Mali, Burkina Faso and
        Niger"), for a later "the three governments"."""
        if sum(1 for t in toks if t.actor) < 3:
            return  # fewer than three actors: no list of three
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
            low = toks[i].low
            if toks[i].actor or not (low in _RULER_PLURALS or (low == "governments" and toks[i - 1].low == "military")):
                continue
            # "the juntas", "the Sahel juntas", "the military governments"
            start = i - 1 if toks[i - 1].low == "the" else i - 2
            if start < 0 or toks[start].low != "the" or toks[start + 1].actor:
                continue
            subject = _verbish(toks[i + 1].low) or toks[i + 1].low in _ADVERBS
            if not subject and not (start and _verbish(toks[start - 1].low)):
                continue  # a subject, or the object right after a verb ("Rabat has courted the Sahel juntas")
            actors = next((a for s_, a in reversed(self._lists) if si - s_ <= 8), None)
            if not actors:
                return
            made: list[_Tok] = []
            for k, a in enumerate(actors):
                if k:
                    made.append(_Tok("and"))
                made.append(_Tok("juntas", a, pron=True))
            toks[start : i + 1] = made
            return

    def _recent(self, toks: list[_Tok], i: int, keep) -> str | None:
        """The last actor named before token ``i`` in this sentence, else in the sentence before,
        that ``keep(actor, is_official)`` accepts."""
        for t in reversed(toks[:i]):
            if t.actor and keep(t.actor, t.person):
                return t.actor
        for m in reversed(self._prev_ms):
            if keep(m.actor, m.form == "official"):
                return m.actor
        return None

    def _possessive_nouns(self, toks: list[_Tok], lows: list[str]) -> None:
        """ "froze the country's membership", "one of the government's main backers": "the
        country's" stands for the last state named, in this sentence or the one before."""
        for i in range(len(toks) - 2, 0, -1):
            if lows[i] not in _PRONOUN_NOUNS or lows[i - 1] != "the" or lows[i + 1] not in ("'s", "’s") or toks[i].actor:
                continue
            # "Japan remains the country's most generous donor": after a linking verb, another state
            other = {t.actor for t in toks[:i]} if lows[i - 2] in _LINKING else set()
            ref = self._recent(toks, i, lambda a, _official, other=other: self._kinds.get(a) == "country" and a not in other)
            if ref is not None:
                toks[i].actor, toks[i].pron, toks[i].poss = ref, True, True
                toks[i - 1].low = lows[i - 1] = "_"
                del toks[i + 1], lows[i + 1]

    def _implicit_parties(self, toks: list[_Tok], si: int = -1) -> list[_Tok]:
        """ "The two leaders signed a declaration", "the three leaders pledged", "both countries
        agreed": a subject counting N sides stands for the N actors of the sentence before, when
        it names exactly N (else for the N named before it in this sentence)."""
        n = len(toks)
        for i in range(n - 2):
            low = toks[i].low
            if low not in _COUNTS:
                continue
            noun = i + 1
            if toks[noun].low not in _SIDES_NOUNS:
                # One adjective between: "both Nordic leaders", "the two Korean governments".
                if i + 3 < n and toks[i + 2].low in _SIDES_NOUNS and toks[i + 1].low.isalpha() and not toks[i + 1].actor:
                    noun = i + 2
                elif low != "both" and i and toks[i - 1].low == "the" and (
                    _verbish(toks[i + 1].low) or toks[i + 1].low in _ADVERBS or toks[i + 1].low.endswith("ly")
                ):
                    noun = i  # "the three formally walked out of ECOWAS": the number is the subject
                else:
                    continue
            if noun + 1 < n and toks[noun + 1].low == "of" and toks[noun].low in _CONFLICT_SIDES:
                continue  # "on both sides of the border": a place
            start = i - 1 if i and toks[i - 1].low == "the" else i
            subject = (
                any(_verbish(x.low) for x in toks[noun + 1 : noun + 3]) or (start and toks[start - 1].low == "between")
            ) and not (start and _verbish(toks[start - 1].low) and not toks[start - 1].actor)  # "committing both sides to"
            want = _COUNTS[low]
            here = list(dict.fromkeys(t.actor for t in toks[:start] if t.actor))
            prev = list(dict.fromkeys(m.actor for m in self._prev_ms))
            if not subject:
                # An object ("Qatar hosting the two delegations"): the pair of the sentence before,
                # not counting the actors of this one.
                own = {t.actor for t in toks if t.actor}
                here, prev = [], [a for a in prev if a not in own]
            if toks[noun].low in _STATE_SIDES and (len(prev) > want or toks[noun].low in _STATE_ONLY):
                prev = [a for a in prev if self._kinds.get(a) == "country"]  # "both leaders": states
                if toks[noun].low in _STATE_ONLY:
                    here = [a for a in here if self._kinds.get(a) == "country"]  # "both capitals": no rebels
            if len(here) > want == 2:
                # "Ottawa, the target of Trump's jibes, has sided with the Danes, and the two
                # countries ...": the clause's subject and the last actor named.
                j = _main_subject(toks[:start])
                last = next((t.actor for t in reversed(toks[:start]) if t.actor), None)
                if j is not None and last is not None and toks[j].actor != last:
                    here = [toks[j].actor, last]  # type: ignore[list-item]
            actors = here if len(here) == want and start > 0 else prev if len(prev) == want else []
            b = next((x for x in range(start - 1, -1, -1) if toks[x].low == "between"), None) if want == 2 else None
            if b is not None:
                named = list(dict.fromkeys(toks[x].actor for x in range(b + 1, start) if toks[x].actor))
                if len(named) == 2:
                    actors = named  # "talks between Guatemala and Belize if both sides want it"
            if want == 2 and toks[noun].low in _CONFLICT_SIDES and not subject:
                # "brought the two sides to Jeddah", "has armed both sides": the sides of a conflict,
                # so the pair named before only if the text told of their conflict, else its main war.
                own = {t.actor for t in toks if t.actor and not t.adj}  # not "a large Kosovar diaspora"
                fights = {k: v for k, v in self.hostile.items() if not set(k) & own}
                if fights and (not actors or (min(actors), max(actors)) not in self.hostile or self.wars):
                    # the pair in conflict most often so far; a war before a quarrel, then the more named
                    wars = self.wars
                    actors = list(max(fights, key=lambda k: (k in wars, fights[k], self._prominence(k))))
            if not actors and want > 2 and (noun == i or toks[noun].low in _STATE_SIDES | _RULER_NOUNS):
                # "the three governments": the last list of three states, a few sentences back.
                actors = next((a for s_, a in reversed(self._lists) if len(a) == want and si - s_ <= 8), [])
            if not actors:
                continue
            made: list[_Tok] = []
            for k, a in enumerate(actors):
                if k:
                    made.append(_Tok("and"))
                made.append(_Tok(toks[noun].low, a, pron=True))
            return toks[:start] + made + toks[noun + 1 :]
        return toks

    def _resolve_monarchy(self, toks: list[_Tok], lows: list[str], s: int) -> None:
        """ "the kingdom", "the sultanate", "the emirate", "the island" anywhere in a clause ("a truce
        between the kingdom and the rebels") stand for the last such state named before."""
        for i in range(1, len(toks)):
            kinds = _MONARCHY_NOUNS.get(lows[i])
            if kinds is None or lows[i - 1] != "the" or toks[i].actor:
                continue
            if i + 1 < len(toks) and lows[i + 1] == "of":
                continue  # "the island of Kinmen": a place named next
            ref = next((t.actor for t in reversed(toks[:i]) if t.actor in kinds), None)
            if ref is None:
                k = bisect.bisect_left(self._mention_starts, s)
                near = [m.actor for m in reversed(self._mentions[max(0, k - 40) : k]) if m.actor in kinds and s - m.start < _BACKREF_RANGE]
                # "The kingdom" after "the United States and Britain": Saudi Arabia, named before them.
                ref = next((a for a in near if a not in _WEAK_KINGDOMS), near[0] if near else None)
                if ref is None:
                    # Far back, but the only such state the text has named: no other can be meant.
                    named = {m.actor for m in self._mentions[:k] if m.actor in kinds}
                    ref = next(iter(named)) if len(named) == 1 else None
            if ref is not None:
                toks[i].actor = ref
                toks[i].pron = True
                toks[i - 1].low = lows[i - 1] = "_"

    # -- pronouns --
    @staticmethod
    def _topic_possessor(toks: list[_Tok], lows: list[str], topic: str | None) -> None:
        """"Its foreign ministry accused the United States ...", "Its purchase of Turkish-made drones
        drew a protest": a sentence opening with "its" or "their" has the text's topic as possessor."""
        if topic and lows and lows[0] in ("its", "their") and len(toks) > 2 and not toks[1].actor:
            toks[0].actor = topic
            toks[0].pron = True
            toks[0].poss = True

    def _resolve_pronouns(self, toks: list[_Tok], lows: list[str], topic: str | None) -> None:
        """Mark subject pronouns ("It", "They", "the country") as the actor they stand for
        (``lows``, the tokens' lower-case forms, is kept in step); "he"/"she" stand for the last
        official named, in this sentence or the one before ("Meloni flew to Tripoli, and she ...")."""
        if "he" in lows or "she" in lows or (lows and lows[0] in ("his", "her")):
            self._resolve_person(toks, lows)
        if "'s" in lows or "’s" in lows:
            self._possessive_nouns(toks, lows)
        if _PRONOUNS.isdisjoint(lows) and _PRONOUN_NOUNS.isdisjoint(lows) and _DESCRIBED_HEADS.isdisjoint(lows):
            return
        plural: list[tuple[int, list[str]]] = []  # "they" standing for a coordinated subject
        for i, t in enumerate(toks):
            if t.actor:
                continue
            k = None
            if t.low in _PRONOUNS:
                k = i
            elif t.low == "the" and i + 1 < len(toks) and toks[i + 1].low in _PRONOUN_NOUNS:
                k = i + 1
            elif t.low == "the" and (i == 0 or (i <= 3 and toks[i - 1].low == ",")):
                k = _described_head(toks, i)  # "The Gulf state has ...": opening a sentence only
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
                if j is not None and t.low == "they":
                    group = list(dict.fromkeys(toks[x].actor for x in _coordinated(toks, j)))
                    if len(group) >= 2:
                        plural.append((k, group))  # "India and China announced that they would ..."
            if ref and k - i > 1 and self._kinds.get(ref) != "country":
                ref = None  # "the Gulf state": a state, never a group or a bloc
            if ref:
                toks[k].actor = ref
                toks[k].pron = True
                for x in range(i, k):
                    toks[x].low = lows[x] = "_"  # "the country", "the Gulf state": one token stands for the actor
        for k, group in reversed(plural):
            made: list[_Tok] = []
            for x, a in enumerate(group):
                if x:
                    made.append(_Tok("and"))
                made.append(_Tok("they_", a, pron=True))  # not "they": coordinated, not a clause of its own
            toks[k : k + 1] = made
            lows[k : k + 1] = [m.low for m in made]

    def _resolve_person(self, toks: list[_Tok], lows: list[str]) -> None:
        if lows and lows[0] in ("his", "her") and len(toks) > 2 and not toks[1].actor:
            # "His first state visit was to China": the official named last, as possessor.
            ref = self._recent(toks, 0, lambda _a, official: official)
            if ref is not None:
                toks[0].actor, toks[0].pron, toks[0].poss, toks[0].person = ref, True, True, True
        for i, low in enumerate(lows):
            if low not in ("he", "she") or i + 1 >= len(toks):
                continue
            nxt = lows[i + 1]
            if not (_verbish(nxt) or nxt in _ADVERBS or (nxt.endswith("s") and nxt.isalpha())):
                continue
            ref = self._recent(toks, i, lambda _a, official: official)
            if ref is not None:
                toks[i].actor = ref
                toks[i].pron = True

    def _person_object(self, toks: list[_Tok], c: int) -> None:
        """ "accuses *him* of running a narco-state": "him"/"her" right after verb cue ``c`` stand for
        the last official named before, in this sentence or the one before, who is not the subject."""
        left = {toks[i].actor for i in self._left(toks, c, noun=False, subj=None)}
        ref = self._recent(toks, c, lambda a, official: official and a not in left)
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
