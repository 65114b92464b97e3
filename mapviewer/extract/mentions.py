"""Find the actors an article names: states, organizations, groups and regions.

One pass of a trie-shaped regular expression over the text finds every surface form
the gazetteer knows (names, aliases, demonyms, adjectives, capitals), case-insensitively
and without changing the text, so offsets index the original string. The leftmost
longest form wins ("South Ossetia", not "Ossetia"). Each hit then goes through case
and context rules that reject false friends: "turkey" the bird, Georgia the US state,
Jordan and Chad as given names, "us" the pronoun. Capitalized words that no form
matches get a bounded fuzzy look-up for long names ("Nagorno-Karabkah").

The rules are general (capitalization, neighbouring words, lists of given names and
US places kept in the gazetteer's ``rules``), not tuned to particular sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .cues import verbish
from .gazetteer import Gazetteer, fold_accents, normalize_form
from .officials import bind_officials

__all__ = ["MENTION_FORMS", "Mention", "damerau_levenshtein", "find_mentions"]

#: Values of :attr:`Mention.form`.
MENTION_FORMS = ("name", "alias", "demonym", "adjective", "capital", "fuzzy", "official")

_SEP_RX = r"[\s\-‐‑‒–—]+"
_APOS_RX = r"['’ʼ‘`´]"
_HYPHENS = "-‐‑‒–—"
# A word after a match: optional possessive, then one run of blanks (no line break).
_NEXT = re.compile(r"(?:['’]s)?[ \t\u00a0]+([^\W\d_][\w'’]*)")
_NEXT_POSS = re.compile(r"['’]s(?!\w)")
# Capitalized runs of words for the fuzzy pass ("Nagorno-Karabkah", "Azerbajan").
_CAP_RUN = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,3}(?!\w)")
_WORD_IN_RUN = re.compile(r"[A-Z][a-z]+")
_SEP = re.compile(_SEP_RX)
_APOS = re.compile(_APOS_RX)
# After a name: does a list go on ("Moscow, Georgia and Armenia")?
_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b)")
# ", Texas", ", New Mexico": a capitalized word or two after a comma.
_COMMA_CAPS = re.compile(r",[ \t]+([A-Z][\w]*(?: [A-Z][\w]*)?)")
# Memo tables are dropped when they grow past this many entries (bounded memory on odd input).
_CACHE_MAX = 200_000

_WEEKDAYS_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
# Words before a name that show it is used as a place or a state ("in Jordan", "to Chad").
_PLACE_PREPOSITIONS = frozenset(
    "in into to from of with and or against by at across near between neighbouring neighboring "
    "visit visited toward towards the".split()
)


# A capital after these is where something happens ("talks in Pretoria"), unless a verb of
# its own follows ("officials in Seoul said"). After "to"/"from" only when a word of
# movement comes first ("flew to Kinshasa"): "supplied drones to Addis Ababa" names the state.
_PLACE_AT = frozenset(("in", "at"))
_PLACE_TO = frozenset(("to", "from"))
_MOVEMENT = frozenset(
    "return returns returned returning arrive arrives arrived arriving go goes went come comes "
    "came move moves moved flee flees fled relocated headed".split()
)
# Words of US state politics before "from/of <name>": the name is a US state.
_US_POLITICS_BEFORE = re.compile(
    r"(?i)\b(?:state[ \t]+(?:legislators?|lawmakers?|senators?|representatives?|officials?)|governor|congressm[ae]n"
    r"|congresswom[ae]n|senators?|representatives?|republicans?|democrats?|delegation)[ \t]+(?:from|of)[ \t]+$"
)
# Two-letter acronyms that are also English words: in a shouted headline they are the words.
_WORD_ACRONYMS = frozenset(("is", "us", "it", "in", "on", "at", "as", "an", "or", "so", "no"))
# Verbs after which "in <capital>" names the host state ("stationed in Niamey").
_HOSTED = frozenset("stationed deployed garrisoned posted based".split())
# Words before "at <capital>" that make the capital a target: "lashed out at Paris".
_AT_TARGET = frozenset(
    "out aimed aim aims fired fire fires shot swipe jab jabs dig digs potshot potshots angry anger furious fury "
    "bristled bristle railed rail rails hit hits pointed scoffed sneered glared lashing lashes".split()
)
# Rulers "in <capital>" are the state's: "the government in Tripoli", "the authorities in Kabul"; an
# embassy there is accredited to the state: "reopened its embassy in Ouagadougou".
_SEATED = frozenset("government authorities regime administration junta leadership rulers embassy consulate".split())
# Present-tense verbs of speech and stance that the "verbish" test (past tenses, auxiliaries,
# cue verbs) does not know: "those in Ankara want ...".
_STANCE_VERBS = frozenset(
    "say says think thinks believe believes fear fears hope hopes want wants see sees insist insists "
    "argue argues worry worries expect expects know knows feel feels".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an actor.

    Attributes
    ----------
    actor : str
        Gazetteer id ("AZE", "hamas").
    start, end : int
        Offsets into the text; ``text[start:end] == surface``.
    surface : str
        The text as written ("Azeri", "Baku", "Nagorno-Karabkah").
    form : str
        How it names the actor: one of :data:`MENTION_FORMS`; ``"official"`` for a titled
        official and later uses of the name (:func:`~mapviewer.extract.officials.bind_officials`).
    """

    actor: str
    start: int
    end: int
    surface: str
    form: str


# -- matcher -------------------------------------------------------------------------
def _token_rx(ch: str) -> str:
    if ch == " ":
        return _SEP_RX
    if ch == "'":
        return _APOS_RX
    return re.escape(ch)


def _trie_pattern(keys: Iterable[str]) -> str:
    """A regular expression matching any of ``keys``, shaped as a trie so that the
    engine never tries more than one branch per character; longer keys first."""
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [_token_rx(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            # Greedy optional: the longer key is tried first.
            return (body if len(branches) == 1 and len(body) <= 1 else "(?:" + body + ")") + "?"
        return body

    return emit(trie)


@dataclass(slots=True)
class _Key:
    """What a normalized surface form means, and the case it must be written in."""

    actor: str | None  # None: a stop phrase, matched only to block what it contains
    kind: str
    caps: tuple[bool, ...]  # per word: must start with a capital letter
    acronym: int  # 0: no; else the number of letters of an all-capitals form ("US" -> 2)
    person: bool  # also a given name: check the neighbouring words
    both_noun_adj: bool  # "Armenian" is a noun and an adjective
    need_the: bool = False  # written "the West": counts only right after "the"
    single: bool = False  # a one-word name, alias or capital: "Michael Jordan" must be checked
    plain: bool = False  # no context rule but the given-name one applies (set by _Matcher)


def _caps_of(form: str) -> tuple[bool, ...]:
    return tuple(bool(w) and w[0].isupper() for w in normalize_form_keep_case(form).split(" "))


def normalize_form_keep_case(text: str) -> str:
    return _SEP.sub(" ", _APOS.sub("'", text.strip()))


def _acronym_letters(form: str) -> int:
    letters = [c for c in form if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in form.strip():
        return len(letters)
    return 0


class _Matcher:
    """Everything :func:`find_mentions` needs, built once per gazetteer."""

    def __init__(self, gaz: Gazetteer) -> None:
        rules = gaz.rules
        self.gaz = gaz
        self.keys: dict[str, _Key] = {}
        # Non-state groups: "Hemedti's RSF" binds the name to the group (officials.bind_officials).
        self.group_ids = frozenset(e.id for e in gaz if e.kind == "group")
        # Known leaders (gazetteer "people"): full names and the names used alone, one trie pattern.
        # form -> (actor, is a full name, person, every actor the person spoke for). A person with
        # two roles (Mark Rutte: the Netherlands, then NATO) is read as the latest unless a title
        # names the other ("Dutch Prime Minister Mark Rutte").
        self.people: dict[str, tuple[str, bool, str, frozenset[str]]] = {}
        roles: dict[str, set[str]] = {}
        for p in gaz.people:
            roles.setdefault(p["name"], set()).add(p["actor"])
        for p in sorted(gaz.people, key=lambda p: -(p.get("to") or 9999)):
            actors = frozenset(roles[p["name"]])
            for form in (p["name"], *p.get("variants", ())):
                self.people.setdefault(form, (p["actor"], True, p["name"], actors))
            for form in p.get("short", ()):
                self.people.setdefault(form, (p["actor"], False, p["name"], actors))
        self.people_rx = (
            # A trie, not a plain alternation: one branch per character, so a 5 MB text costs
            # about what one gazetteer pass costs.
            re.compile(r"(?<![\w'’-])(?:" + _trie_pattern(self.people) + r")(?![\w-])")
            if self.people else None
        )
        spellings: dict[str, list[tuple[str, str, str]]] = {}  # key -> [(spelling, actor, kind)]
        with_the: set[str] = set()  # keys seen only as "the X"
        without_the: set[str] = set()
        for e in gaz:
            for form, kind in e.forms():
                for variant in {form, fold_accents(form)}:
                    key = normalize_form(variant)
                    if key.startswith("the ") and len(key) > 4:
                        # Match "West" and check for "the" before it, so that "the West Bank"
                        # still finds "West Bank" (the leftmost match would be "the West").
                        variant, key = variant[4:], key[4:]
                        with_the.add(key)
                    else:
                        without_the.add(key)
                    spellings.setdefault(key, []).append((variant, e.id, kind))
        self._noun_adj = {normalize_form(x) for e in gaz for x in set(e.adjectives) & set(e.demonyms)}
        person_ids = {e.id for e in gaz if e.person_name}
        person_forms = {normalize_form(f) for f in rules.get("person_forms", ())}
        for key, spl in spellings.items():
            if not spl:
                continue
            actor, kind = spl[0][1], spl[0][2]
            actors = {a for _, a, _ in spl}
            if len(actors) > 1:
                chosen = gaz.ambiguous.get(key)
                if chosen in actors:
                    actor = chosen
                    kind = next(k for _, a, k in spl if a == chosen)
            own = [s for s, a, _ in spl if a == actor]
            caps_masks = [_caps_of(s) for s in own]
            caps = tuple(all(m[i] for m in caps_masks) for i in range(len(caps_masks[0])))
            acr = [_acronym_letters(s) for s in own]
            acronym = min(acr) if all(acr) else 0
            is_name = kind in ("name", "alias", "capital") and " " not in key
            self.keys[key] = _Key(
                actor,
                kind,
                caps,
                acronym,
                is_name and (actor in person_ids or key in person_forms),
                key in self._noun_adj,
                key in with_the and key not in without_the,
            )
        for phrase in rules.get("stop_phrases", ()):
            key = normalize_form(phrase)
            self.keys[key] = _Key(None, "stop", _caps_of(phrase), 0, False, False)
        body = r"(?<![\w])(?:" + _trie_pattern(self.keys) + r")(?![\w])"
        self.pattern = re.compile(body, re.IGNORECASE)
        # The keys are lower case: on lower-cased text the same trie runs twice as fast without
        # IGNORECASE (used when lower-casing keeps every character one character long).
        self.pattern_lower = re.compile(body)

        def lower_set(name: str) -> frozenset[str]:
            return frozenset(normalize_form(x) for x in rules.get(name, ()))

        self.first_names = lower_set("first_names")
        self.titles = lower_set("titles")
        # Letters in the longest given name or title (all letters: "jean pierre" never follows).
        self.name_letters = max((len(x) for x in self.first_names | self.titles), default=0)
        self.person_ok_next = lower_set("person_ok_next") | _WEEKDAYS_MONTHS
        self.speech_verbs = lower_set("speech_verbs")
        self.us_state_next = lower_set("us_state_next")
        self.us_cities = lower_set("us_cities")
        us_states = lower_set("us_states")
        self.us_state_keys = us_states & set(self.keys)  # "georgia", "washington"
        # US states that name nothing else: their presence nearby marks a US context.
        self.us_states_only = us_states - set(self.keys)
        self.us_state_rx = (
            re.compile(r"(?<!\w)(?:" + _trie_pattern(self.us_states_only) + r")(?!\w)", re.IGNORECASE)
            if self.us_states_only
            else None
        )
        self.false_next: dict[str, frozenset[str]] = {}
        self.false_prev: dict[str, frozenset[str]] = {}
        for ff in rules.get("false_friends", ()):
            for f in ff.get("forms", ()):
                k = normalize_form(f)
                self.false_next[k] = self.false_next.get(k, frozenset()) | {
                    normalize_form(x) for x in ff.get("next", ())
                }
                self.false_prev[k] = self.false_prev.get(k, frozenset()) | {
                    normalize_form(x) for x in ff.get("prev", ())
                }
        for key, info in self.keys.items():
            info.single = " " not in key and info.kind in ("name", "alias", "capital")
            info.plain = not (
                info.need_the
                or info.person
                or info.kind == "capital"
                or key in self.false_next
                or key in self.false_prev
                or key in self.us_state_keys
            )
        # Surface as written -> (key, info, case ok); most surfaces recur many times.
        self.surface_cache: dict[str, tuple[str, _Key | None, bool]] = {}
        self._build_fuzzy()

    def classify(self, surface: str) -> tuple[str, _Key | None, bool]:
        """The key of ``surface``, what it means and whether its case is right; memoized."""
        hit = self.surface_cache.get(surface)
        if hit is None:
            key = normalize_form(surface)
            info = self.keys.get(key)
            hit = (key, info, info is not None and info.actor is not None and _case_ok(surface, info))
            if len(self.surface_cache) > _CACHE_MAX:
                self.surface_cache.clear()
            self.surface_cache[surface] = hit
        return hit

    # -- fuzzy index (symmetric deletions) ---------------------------------------------
    def _build_fuzzy(self) -> None:
        self.fuzzy_index: dict[str, set[str]] = {}
        for key, info in self.keys.items():
            if info.actor is None or info.acronym:
                continue
            n = sum(c.isalpha() for c in key)
            if n < 8:
                continue
            for d in _deletions(key[:_FUZZY_PREFIX], _max_edits(n)):
                self.fuzzy_index.setdefault(d, set()).add(key)
        self.fuzzy_cache: dict[str, str | None] = {}
        # The keys within reach of a prefix: "President ..." spans share one look-up, and find none.
        self.fuzzy_prefix_cache: dict[tuple[str, int], tuple[str, ...]] = {}
        self.fuzzy_raw_cache: dict[str, str | None] = {}
        self.fuzzy_run_cache: dict[str, list[tuple[str, int, int]]] = {}

    def fuzzy_raw(self, raw: str) -> str | None:
        """:meth:`fuzzy` of a span as written (normalized here); memoized on the raw text."""
        try:
            return self.fuzzy_raw_cache[raw]
        except KeyError:
            pass
        if len(self.fuzzy_raw_cache) > _CACHE_MAX:
            self.fuzzy_raw_cache.clear()
        out = self.fuzzy_raw_cache[raw] = self.fuzzy(normalize_form(raw))
        return out

    def fuzzy(self, word: str) -> str | None:
        """The key within the allowed edit distance of ``word`` (normalized), or None."""
        if word in self.fuzzy_cache:
            return self.fuzzy_cache[word]
        best: tuple[int, str] | None = None
        n = sum(c.isalpha() for c in word)
        if n >= 8:
            limit = _max_edits(n)
            at = (word[:_FUZZY_PREFIX], limit)
            reach = self.fuzzy_prefix_cache.get(at)
            if reach is None:
                index = self.fuzzy_index
                reach = tuple({key for d in _deletions(at[0], limit) for key in index.get(d, ())})
                if len(self.fuzzy_prefix_cache) > _CACHE_MAX:
                    self.fuzzy_prefix_cache.clear()
                self.fuzzy_prefix_cache[at] = reach
            for key in reach:
                if key[0] != word[0] or (key != word and (key.startswith(word) or word.startswith(key))):
                    continue  # also not a word cut short or run on: "Central Africa" is no "Central African"
                allowed = min(limit, _max_edits(sum(c.isalpha() for c in key)))
                dist = damerau_levenshtein(word, key, allowed)
                if dist <= allowed and (best is None or (dist, key) < best):
                    best = (dist, key)
        if len(self.fuzzy_cache) > 100_000:
            self.fuzzy_cache.clear()
        self.fuzzy_cache[word] = None if best is None else best[1]
        return self.fuzzy_cache[word]


# Deletions are indexed for the first characters only (SymSpell's prefix trick): each edit costs
# at most one deletion on either side within a prefix too, so no key within reach is missed; the
# candidates are then checked on the whole word. Long queries no longer make hundreds of strings.
_FUZZY_PREFIX = 7


def _max_edits(letters: int) -> int:
    return 1 if letters < 12 else 2


def _deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        out |= nxt
        frontier = nxt
    return out


def damerau_levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Optimal-string-alignment distance between ``a`` and ``b`` (a transposition of
    neighbours costs 1). Stops early and returns ``limit + 1`` once over ``limit``."""
    if abs(len(a) - len(b)) > (limit if limit is not None else len(a) + len(b)):
        return (limit or 0) + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if limit is not None and min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _matcher(gaz: Gazetteer) -> _Matcher:
    m = gaz._matcher
    if m is None:
        m = gaz._matcher = _Matcher(gaz)
    return m


# -- rules ----------------------------------------------------------------------------
def _case_ok(surface: str, info: _Key) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return False  # "turkey", "china", "us", "un-": proper nouns are capitalized
    if info.acronym:
        if all(c.isupper() for c in letters):
            return True
        # "Nato", "Isis" are house styles for long acronyms; "Us", "Un" are words.
        return info.acronym >= 4 and letters[0].isupper()
    if all(c.isupper() for c in letters):
        return True  # shouting: "AZERBAIJAN"
    words = normalize_form_keep_case(surface).split(" ")
    if len(words) != len(info.caps):
        return letters[0].isupper()
    return all(
        not need or (w[:1].isupper() or w[:2].lower() in ("al", "el"))
        for w, need in zip(words, info.caps, strict=True)
    )


def _next_word(text: str, end: int) -> str | None:
    m = _NEXT.match(text, end)
    return m.group(1) if m else None


_BLANKS = " \t\u00a0"


def _prev_word(text: str, start: int) -> tuple[str, str] | None:
    """The word before ``start`` and what separates it: blanks, a comma and blanks
    ("Atlanta, Georgia"), or a hyphen ("pro-Azeri"). None at a line start or after
    other punctuation. A scan backwards: a ``$``-anchored regex search is 20x slower."""
    i = start
    while i > 0 and text[i - 1] in _BLANKS:
        i -= 1
    if i > 0 and text[i - 1] in _HYPHENS and i == start:
        i -= 1
    elif i > 0 and text[i - 1] == "," and i < start:
        i -= 1
        while i > 0 and text[i - 1] in _BLANKS:
            i -= 1
    elif i == start:
        return None
    sep_start = i
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_'’."):
        i -= 1
    while i < sep_start and not text[i].isalpha():
        i += 1  # a word starts with a letter
    if i == sep_start:
        return None
    return text[i:sep_start], text[sep_start:start]


class _Finder:
    def __init__(self, text: str, m: _Matcher) -> None:
        self.text = text
        self.m = m

    def us_context(self, start: int, end: int, window: int = 80) -> bool:
        """Another US state (one that names nothing else) within ``window`` characters."""
        if self.m.us_state_rx is None:
            return False
        lo, hi = max(0, start - window), min(len(self.text), end + window)
        return any(h.group(0)[:1].isupper() for h in self.m.us_state_rx.finditer(self.text, lo, hi))

    def _shouting(self, start: int, end: int) -> bool:
        """Is a word before or after ``start:end`` written in capitals too?"""
        for w in (_prev_word(self.text, start), (_next_word(self.text, end), "")):
            word = w[0] if w else None
            if word and len(word) > 1 and word.isupper():
                return True
        return False

    def _town_and_country(self, start: int, end: int) -> bool:
        """Is the name at ``start:end`` the country after a town, as in "speaking in Davos,
        Switzerland," or "from Stuttgart, Germany."? Not "In Geneva, Iran and the US agreed"."""
        text = self.text
        if end < len(text) and text[end] not in ",.;)\n":
            return False
        at = start
        for _ in range(3):  # "in San Jose, Costa Rica": up to three capitalized words
            prev = _prev_word(text, at)
            if prev is None or not prev[0][:1].isupper() or normalize_form(prev[0]) in self.m.keys:
                return False
            at -= len(prev[0]) + len(prev[1])
            before = _prev_word(text, at)
            if before is None or before[1].strip():
                return False
            if before[0] in _TOWN_PREPS:
                return True
        return False

    def verdict(self, key: str, info: _Key, start: int, end: int) -> str:
        """Return "ok", "no", or "pending" (a given name used as a speaker, as in
        "Chad said": decided from the rest of the text). The case is checked by the caller."""
        text, m = self.text, self.m
        if info.acronym == 2 and key in _WORD_ACRONYMS and self._shouting(start, end):
            return "no"  # "WHAT IS NEXT", "LET US GO": a word in a shouted headline
        if key == "security council" and (
            text[max(0, start - 3) : start] in ("'s ", "’s ") or text[start:end].islower() or _other_council(text, start)
        ):
            return "no"  # "Russia's Security Council", "his security council": the state's own, not the UN's
        if _NO_PARTY_AFTER.match(text, end) is not None:
            return "no"  # "Thai basil noodles", "a Libya analyst", "the London consultancy": no party
        if start >= 7 and text[start - 7 : start].lower() == "ethnic ":
            return "no"  # "ethnic Albanian mayors", "ethnic Russians": a people, not the state
        if start >= 2 and text[start - 2] == "," and self._town_and_country(start, end):
            return "no"  # "in Davos, Switzerland,": where a town lies, no party
        if start >= 14 and text[start - 14 : start] == "University of ":
            return "no"  # "the University of Georgia": a school's name
        if info.plain:
            # Fast path, same outcome as below: only "Michael Jordan"-style checks apply,
            # and they need a capitalized word and blanks right before the name.
            if info.single and start and text[start - 1] in _BLANKS and self._given_name_before(start):
                return "no"
            return "ok"
        nxt = _next_word(text, end)
        nxt_l = nxt.lower() if nxt else None
        prev = _prev_word(text, start)
        prev_l = prev[0].lower().rstrip(".") if prev else None
        if info.need_the and (prev_l != "the" or prev is None or prev[1].strip()):
            return "no"
        if key in m.false_next and nxt_l in m.false_next[key]:
            return "no"  # "Turkey sandwich", "Guinea pig"
        if key in m.false_prev and prev_l in m.false_prev[key]:
            return "no"
        if info.single and prev is not None and prev[1].strip() == "" and prev[0][:1].isupper():
            if prev_l in m.first_names or prev_l in m.titles:
                return "no"  # "Michael Jordan", "George Washington", "Mr. Chad"
        if key in m.us_state_keys:
            # Georgia the US state: "Atlanta, Georgia", "Georgia's governor", "Georgia and Alabama".
            if prev is not None and "," in prev[1]:
                if prev_l in m.us_cities:
                    return "no"
                # "Athens, Georgia": a foreign capital before a comma names a US town, unless
                # the comma continues a list ("Moscow, Georgia and Armenia").
                p_info = m.keys.get(normalize_form(prev[0]))
                in_list = _LIST_GOES_ON.match(text, end, end + 5) is not None
                if (
                    p_info is not None
                    and p_info.kind == "capital"
                    and p_info.actor != info.actor
                    and not in_list
                ):
                    return "no"
            if nxt_l in m.us_state_next:
                return "no"
            if self.us_context(start, end):
                return "no"
            if _US_POLITICS_BEFORE.search(text, max(0, start - 40), start):
                return "no"  # "state legislators from Georgia", "a Republican congressman from Georgia"
        if info.kind == "capital":
            if prev_l in _NAME_PARTICLES and prev is not None and not prev[1].strip():
                return "no"  # "Mocimboa da Praia", "Rio de Janeiro": part of a place's name
            if self._followed_by_us_state(end):
                return "no"  # "Athens, Georgia", "Paris, Texas"
            if prev is not None and prev[1].strip() == "" and self._place_only(start, end, prev_l, prev):
                return "no"  # "talks in Pretoria": where, not who
            if prev_l == "the" and (nxt_l in _VENUE_NAMED or _VENUE_AFTER_WORD.match(text, end) is not None):
                # "the Luanda talks", "the Pretoria process", "the Minsk agreements", "the Pretoria peace
                # agreement": a venue's name
                return "no"
            if prev_l == "the" and (nxt_l is None or not nxt_l[:1].isalpha()) and info.actor and " " in key and key not in _SEATS_WITH_THE:
                return "no"  # "reaches across the San Juan,": a river or a place named like a capital
            if nxt_l == "river":
                return "no"  # "crossed the San Juan river": a river named like a capital
        if info.person:
            if prev_l in ("named", "nicknamed"):
                return "no"  # "a Texan named Chad"
            if (
                nxt is not None
                and nxt[:1].isupper()
                and not nxt.isupper()
                and nxt_l not in m.person_ok_next
                and normalize_form(nxt) not in m.keys
                and not _NEXT_POSS.match(text, end)
            ):
                return "no"  # "Jordan Peterson", "Chad Smith"
            if nxt_l in m.speech_verbs and prev_l not in _PLACE_PREPOSITIONS:
                return "pending"  # "Chad said": a person unless the text treats Chad as a state
        return "ok"

    def _given_name_before(self, start: int) -> bool:
        """Is the word before ``start`` (blanks between) a capitalized given name or title?

        Same answer as :func:`_prev_word` plus the set look-up, without scanning long words:
        the names are letters only, so a word with more letters than the longest cannot be one."""
        text, m = self.text, self.m
        i = start
        while i > 0 and text[i - 1] in _BLANKS:
            i -= 1
        j = i
        while j > 0 and text[j - 1] == ".":
            j -= 1
        e = j
        while j > 0 and text[j - 1].isalpha():
            j -= 1
            if e - j > m.name_letters:
                return False
        if j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_'’."):
            prev = _prev_word(text, start)  # an odd word ("O'Neil", "3rd."): the exact scan
            if prev is None or not prev[0][:1].isupper():
                return False
            prev_l = prev[0].lower().rstrip(".")
        else:
            if j == e or not text[j].isupper():
                return False
            prev_l = text[j:e].lower()
        return prev_l in m.first_names or prev_l in m.titles

    def _place_only(self, start: int, end: int, prev_l: str | None, prev: tuple[str, str]) -> bool:
        """Is the capital at ``start:end`` only the place of an event? It is after "in"/"at"
        (or "to"/"from" after a word of movement) with no verb of its own after it and no
        possessive ("in Moscow's view" speaks of the state)."""
        if prev_l in _PLACE_TO:
            before = _prev_word(self.text, start - len(prev[1]) - len(prev[0]))
            if before is None or before[0].lower() not in _MOVEMENT:
                return False
        elif prev_l not in _PLACE_AT:
            return False
        else:
            before = _prev_word(self.text, start - len(prev[1]) - len(prev[0]))
            if before is not None and (before[0].lower() in _HOSTED or before[0].lower() in _SEATED):
                return False  # "troops stationed in Niamey", "the government in Tripoli": the state
            if prev_l == "at" and before is not None and before[0].lower() in _AT_TARGET:
                return False  # "lashed out at Paris", "a swipe at Beijing": the target
        if _NEXT_POSS.match(self.text, end):
            return False
        if prev[0] == "In" and _AGENTS_AFTER.match(self.text, end):
            return False  # "In Bamako and Niamey, officers showed French troops the door": who acts
        nxt = _next_word(self.text, end)
        if nxt is None:
            return True
        low = nxt.lower()
        return not (verbish(low) or low in _STANCE_VERBS)

    def _followed_by_us_state(self, end: int) -> bool:
        if not self.text.startswith(",", end):
            return False
        rest = self.text[end : end + 40]
        mm = _COMMA_CAPS.match(rest)
        if not mm:
            return False
        words = mm.group(1).split(" ")
        states = self.m.us_states_only | self.m.us_state_keys
        for n in (len(words), 1):
            if normalize_form(" ".join(words[:n])) in states:
                after = end + mm.start(1) + len(" ".join(words[:n]))
                # "Moscow, Georgia and Armenia" is a list, not a town and its state.
                return _LIST_GOES_ON.match(self.text, after, after + 5) is None
        return False


def find_mentions(text: str, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every mention of a gazetteer actor in ``text``, sorted by start, not overlapping.

    Parameters
    ----------
    text : str
        The article text; it is not modified, offsets index it directly.
    gazetteer : Gazetteer, optional
        Defaults to :meth:`Gazetteer.default`.

    Returns
    -------
    list of Mention
        ``text[m.start:m.end] == m.surface`` for each. A possessive "'s" is not part of
        the span; hyphenated compounds give one mention per part ("Israel-Armenia").
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    m = _matcher(gaz)
    finder = _Finder(text, m)
    found: list[Mention] = []
    pending: list[Mention] = []
    supported: set[str] = set()  # actors named in a way no given name is
    taken: list[tuple[int, int]] = []  # spans consumed by exact matches, stops included
    classify = m.classify
    lowered = text.lower()
    if len(lowered) == len(text):
        hits = m.pattern_lower.finditer(lowered)
    else:  # "İ" lower-cases to two characters: offsets would shift
        hits = m.pattern.finditer(text)
    src, rx = (lowered, m.pattern_lower) if len(lowered) == len(text) else (text, m.pattern)
    for hit in hits:
        start, end = hit.span()
        surface = text[start:end]
        key, info, case_ok = classify(surface)
        # A longer form whose case is wrong ("the Russian federation", "the Sahrawi republic"):
        # the shorter forms inside it may still be right ("Russian").
        while info is not None and info.actor is not None and not case_ok:
            sub = rx.match(src, start, end - 1)
            if sub is None or sub.end() <= start:
                break
            end = sub.end()
            surface = text[start:end]
            key, info, case_ok = classify(surface)
        if info is None:
            continue
        taken.append((start, end))
        if not case_ok:  # also stop phrases (no actor)
            continue
        v = finder.verdict(key, info, start, end)
        if v == "no":
            continue
        kind = info.kind
        if info.both_noun_adj:
            nxt = _next_word(text, end)
            compound = end < len(text) and text[end] in _HYPHENS
            kind = "adjective" if compound or (nxt and nxt[:1].islower()) else "demonym"
        mention = Mention(info.actor, start, end, surface, kind)
        if v == "pending":
            pending.append(mention)
            continue
        found.append(mention)
        if not info.person:
            supported.add(info.actor)
        else:
            # Mid-sentence after a lower-case word ("in Chad", "entered Jordan"): used as a place.
            prev = _prev_word(text, start)
            if prev is not None and prev[0][:1].islower() and not prev[0].endswith("."):
                supported.add(info.actor)
    # A speaker-like "Chad said" counts when the text also names the state otherwise.
    found.extend(p for p in pending if p.actor in supported)
    found.extend(_fuzzy_mentions(text, m, taken))
    found.extend(_korean_halves(text, found))
    found.sort(key=lambda x: x.start)
    if "(" in text:
        found = _defined_acronyms(text, found)
    # "Serbian President Aleksandar Vučić", later "Vučić": the official speaks for the state.
    return bind_officials(
        text, found, m.keys, lambda a, s, e, f: Mention(a, s, e, text[s:e], f), lowered, groups=m.group_ids,
        people=(m.people, m.people_rx),
    )


_ACRONYM_DEF = re.compile(r"\(([A-Z]{2,6})\)")  # found from the bracket: a pattern opening on blanks is slow


def _defined_acronyms(text: str, found: list[Mention]) -> list[Mention]:
    """An acronym the text defines in brackets right after a name ("the Allied Democratic Forces
    (ADF)") stands for that actor where it recurs, until the text defines it otherwise ("the
    Australian Defence Force (ADF)"); alone it is too ambiguous for the gazetteer."""
    brackets = list(_ACRONYM_DEF.finditer(text))
    if not brackets:
        return found
    ends = {x.end: x for x in found}
    defs: dict[str, list[tuple[int, str | None]]] = {}
    for h in brackets:
        k = h.start()
        while k and text[k - 1] in " \t":
            k -= 1
        before = ends.get(k)
        if before is not None and before.surface == h.group(1):
            continue  # "the RSF (RSF)": nothing new
        defs.setdefault(h.group(1), []).append((h.start(), before.actor if before is not None else None))
    defs = {a: d for a, d in defs.items() if any(actor for _, actor in d)}
    if not defs:
        return found
    starts = [x.start for x in found]
    extra: list[Mention] = []
    for h in re.finditer(r"(?<![\w(-])(?:" + "|".join(defs) + r")(?![\w)-])", text):
        s, e = h.span()
        actor = next((a for at, a in reversed(defs[h.group(0)]) if at < s), None)
        k = bisect.bisect_right(starts, s) - 1
        if actor is None or (k >= 0 and found[k].end > s) or (k + 1 < len(found) and found[k + 1].start < e):
            continue  # not (yet) defined as an actor, or inside a mention
        extra.append(Mention(actor, s, e, h.group(0), "alias"))
    return sorted(found + extra, key=lambda x: x.start) if extra else found


# "the North", "the South" in a text about the Koreas; not "the South China Sea", "the North-East",
# "the South of France".
_HALVES = re.compile(r"\b[Tt]he[ \t]+(North|South)\b(?![ \t]*(?:[A-Z]|of\b)|[-‐‑‒–—])")
_HALF_OF = {"North": "PRK", "South": "KOR"}


def _korean_halves(text: str, found: list[Mention]) -> list[Mention]:
    """Mentions of "the North" and "the South" standing for North and South Korea, in a text
    that names either of them."""
    if "North" not in text and "South" not in text:
        return []
    if not any(x.actor in ("PRK", "KOR") for x in found):
        return []
    spans = sorted((x.start, x.end) for x in found)
    starts = [a for a, _ in spans]
    out = []
    for h in _HALVES.finditer(text):
        s, e = h.span(1)
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and spans[k][1] > s:
            continue  # inside a name already found ("the North Korean army")
        out.append(Mention(_HALF_OF[h.group(1)], s, e, h.group(1), "alias"))
    return out


# Words after a state's name that make it no party: a subject of study or a firm's seat ("a Libya
# analyst", "the London consultancy", with a field between: "a Gulf infrastructure analyst"), a
# dish ("Vietnamese iced coffee", "Thai basil noodles"), or a feature it names ("Barque Canada Reef").
_NO_PARTY_AFTER = re.compile(
    r"[ \t]+(?:(?i:analysts?|experts?|specialists?|scholars?|watchers?|correspondents?|desk|consultancy|"
    r"consultancies|think[- ]tanks?|(?:iced[ \t]+)?(?:coffee|tea|cuisine|food|dishes|noodles|basil|curry|fries|"
    r"dumplings|pastries|pastry|restaurants?|takeaway|delight|kebabs?))"
    r"|[a-z]+[ \t]+(?:analysts?|specialists?|scholars?|watchers?|correspondents?|consultancy|consultancies)"
    r"|Reef|Shoal|Atoll|Cay|Bank)\b"
)
# Lower-case particles inside Romance place names: "Mocimboa da Praia".
_NAME_PARTICLES = frozenset("da de do dos das del di du des la".split())
# Before "<Town>, <Country>" when the country only says where the town is.
_TOWN_PREPS = frozenset(("in", "at", "near", "outside", "from"))


# After a sentence's opening "In <capital>": the capital's agents act ("In Moscow, officials ...").
_AGENTS_AFTER = re.compile(
    r"(?: and [A-Z][\w'’ -]{2,30})?, (?:the )?(?:officers|officials|authorities|leaders|generals|commanders|"
    r"juntas?|government|diplomats|ministers)\b"
)
# Nouns after a capital that make it the name of a venue's event or text, not the state.
# "the Pretoria peace agreement": one word between the capital and the venue's noun.
_VENUE_AFTER_WORD = re.compile(
    r"[ \t]+[a-z]+[ \t]+(?:talks|process|agreements?|accords?|declaration|summit|conference|communique|protocol|deal|treaty|plan)\b"
)
# Seats named with "the" before them: "the White House said", "the Kremlin".
_SEATS_WITH_THE = frozenset(("white house", "state department", "elysee palace", "élysée palace", "downing street"))
_VENUE_NAMED = frozenset(
    "talks process agreement agreements accord accords format declaration summit conference communique "
    "protocol dialogue round convention conventions framework deal statement treaty plan".split()
)


def _other_council(text: str, start: int) -> bool:
    """Is the "Security Council" at ``start`` another body: "his security council", "the National
    Security Council", "Sudan's Defence and Security Council"?"""
    prev = _prev_word(text, start)
    if prev is None or prev[1].strip():
        return False  # none, or after a comma ("In New York, Security Council members")
    word = prev[0]
    if word.lower() in ("his", "her", "its", "their"):
        return True
    if word.lower() in ("and", "&"):
        before = _prev_word(text, start - len(prev[1]) - len(word))
        return before is not None and before[0][:1].isupper()
    return word[:1].isupper() and word.rstrip(".") not in ("UN", "U.N", "Nations", "The")


def _fuzzy_mentions(text: str, m: _Matcher, taken: list[tuple[int, int]]) -> list[Mention]:
    """Misspelled long names in capitalized runs that no exact form covered."""
    out: list[Mention] = []
    starts = [s for s, _ in taken]

    def overlaps(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, e) - 1
        while i >= 0 and taken[i][1] > s:
            if taken[i][0] < e:
                return True
            i -= 1
        return False

    runs = m.fuzzy_run_cache
    for run in _CAP_RUN.finditer(text):
        rs, re_ = run.span()
        if re_ - rs < 8:
            continue
        k = bisect.bisect_right(starts, rs) - 1
        if k >= 0 and taken[k][1] >= re_:
            continue  # inside one exact match: every part of it overlaps
        if not overlaps(rs, re_):
            # Free of exact matches: the outcome depends on the run's text alone.
            raw = run.group(0)
            found = runs.get(raw)
            if found is None:
                found = _fuzzy_in_run(raw, 0, len(raw), m, None)
                if len(runs) > _CACHE_MAX:
                    runs.clear()
                runs[raw] = found
            out.extend(Mention(a, rs + s, rs + e, text[rs + s : rs + e], "fuzzy") for a, s, e in found)
            continue
        out.extend(
            Mention(a, s, e, text[s:e], "fuzzy") for a, s, e in _fuzzy_in_run(text, rs, re_, m, overlaps)
        )
    return out


_FUZZY_NOT_FIRST = frozenset(
    "the a an in on at for but and as after before since while when if of to by with from this that these those "
    "its their his her our it he she they we".split()
)


def _fuzzy_in_run(text: str, rs: int, re_: int, m: _Matcher, overlaps) -> list[tuple[str, int, int]]:
    """``(actor, start, end)`` of the fuzzy matches in the capitalized run ``text[rs:re_]``:
    spans of up to four words, longest first, that ``overlaps(start, end)`` (if given) allows."""
    out: list[tuple[str, int, int]] = []
    words = [(w.start(), w.end()) for w in _WORD_IN_RUN.finditer(text, rs, re_)]
    i = 0
    while i < len(words):
        if text[words[i][0] : words[i][1]].lower() in _FUZZY_NOT_FIRST:
            i += 1  # "The", "In", "After": no key opens with a function word, so no span from one matches
            continue
        hit = None
        for j in range(min(len(words), i + 4), i, -1):  # longest first
            s, e = words[i][0], words[j - 1][1]
            if e - s < 8 or (overlaps is not None and overlaps(s, e)):
                continue
            key = m.fuzzy_raw(text[s:e])
            if key is not None:
                info = m.keys[key]
                if info.actor is not None:
                    hit = (j, (info.actor, s, e))
                break
        if hit is None:
            i += 1
        else:
            i = hit[0]
            out.append(hit[1])
    return out
