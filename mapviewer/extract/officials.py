"""Leaders and officials as stand-ins for their state, bound per article.

News prose names states through their people: "Venezuelan President Nicolás Maduro",
"Russia's Foreign Minister Sergei Lavrov", "James Kabarebe, Rwanda's minister", then
"Maduro" alone. An actor mention right before an official title and a capitalized name
("<Serbian> President <Aleksandar Vučić>") binds that name to the actor for this text;
"<Name Surname>, <Rwanda>'s minister" does too, and so does "<Ilham Aliyev> of <Azerbaijan>"
(two or more capitalized words, none an institution's or a place's: not "Bank of England"). Every later (or earlier) use of the full
name, and of the surname alone, is then a mention of the actor.

No list of living leaders is kept: the binding comes from the article's own words, so it
holds for whoever holds the office. A *former* official does not stand for the state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache
from operator import attrgetter

__all__ = ["TITLES", "UNIQUE_TITLES", "bind_officials"]

#: Official titles (lower case) that make the name after them speak for the actor before them.
TITLES = (
    "president", "vice president", "vice-president", "president-elect", "prime minister", "premier",
    "chancellor", "foreign minister", "defence minister", "defense minister", "interior minister",
    "finance minister", "economy minister", "energy minister", "trade minister", "oil minister",
    "minister", "deputy minister", "foreign secretary", "defence secretary", "defense secretary",
    "secretary of state", "secretary of defense", "secretary", "ambassador", "envoy", "special envoy",
    "king", "queen", "emir", "crown prince", "prince", "sultan", "shah", "monarch", "supreme leader",
    "general", "gen.", "field marshal", "marshal", "army chief", "chief of staff", "commander",
    "spokesman", "spokeswoman", "spokesperson", "national security adviser", "national security advisor",
    "secretary-general", "secretary general", "foreign policy chief", "commissioner", "chief", "head",
    "junta leader", "military ruler", "ruler", "strongman", "dictator",
    "leader", "chairman", "founder", "counterpart",
)  # fmt: skip



@cache
def _title_patterns() -> tuple[re.Pattern, re.Pattern]:
    """What follows an actor mention before an official's name ("'s Foreign Minister"), as
    one trie-shaped pattern: case-insensitive, and for lower-cased text."""
    from .mentions import _trie_pattern  # mentions imports this module

    rx = (
        r"(?:['’]s|:)?[ \t]+(?:(?P<former>former|ex)[ \t-]+|(?:deputy|acting|interim|incoming|outgoing)"
        r"[ \t-]+)?(?:" + _trie_pattern(sorted(set(TITLES))) + r")(?![\w-])"
    )
    return re.compile(rx, re.IGNORECASE), re.compile(rx)


#: Titles only one state's officials hold: "Secretary of State Antony Blinken" speaks for the US with
#: no state named. Titles several states use ("Chancellor": Germany and Austria; "Prime Minister")
#: are not here: such a name is bound only where the text names its state.
UNIQUE_TITLES = {
    "secretary of state": "USA", "secretary of defense": "USA", "taoiseach": "IRL", "tanaiste": "IRL",
    "tánaiste": "IRL",
}  # fmt: skip
_UNIQUE_WRITTEN = tuple(t.title().replace(" Of ", " of ") for t in UNIQUE_TITLES)  # as written before a name
_START = attrgetter("start")
# "The late Emir Sabah shuttled between ...": the dead acted for their state when they acted.
_FORMER_BEFORE = re.compile(r"(?i)(?:\bformer|\bex)[ \t-]+$")
# "former US President", "ex-prime minister": up to three words between "former" and the name.
_FORMER_PHRASE = re.compile(r"(?i)(?:\bformer|\bex)[ \t-]+(?:[\w.'’-]+[ \t]+){0,3}$")
_BLANKS = re.compile(r"[ \t\u00a0]+")
_OF_CAP = re.compile(r" of [A-Z]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Lower-case particles inside names: "Tamim bin Hamad", "Ursula von der Leyen", "Lula da Silva".
_PARTICLES = frozenset("bin bint ibn al el de da do dos das del della van von der den la le di du".split())
# Capitalized words that start sentences or clauses, never a name before ", Rwanda's minister".
_NOT_NAMES = frozenset(
    "the a an in on at after before but and or meanwhile however yesterday today last this that then "
    "when while since earlier later also still for from with by as if so".split()
)
_MAX_NAME_WORDS = 6
# Words of institutions and places, never of a person's name: "Bank of England", "Gulf of Aden",
# "Crown Prince of Saudi Arabia" (a title phrase, handled with TITLES), "Republic of Korea".
_INSTITUTION_WORDS = frozenset(
    "republic kingdom emirate emirates state states union federation confederation commonwealth bank court "
    "university college school institute academy sea gulf bay strait straits ocean lake river coast island "
    "islands isle port city province region district ministry army navy force forces guard guards council "
    "government parliament assembly congress senate church museum embassy party front movement office house "
    "palace people people's democratic islamic national central supreme federal royal prince princess king "
    "queen emperor duke sultan emir president minister chancellor governor mayor general secretary "
    "ambassador chief head leader leaders bishop archbishop patriarch pope people's daily times post news "
    "press radio television agency company corporation group east west north south northern southern eastern "
    "western central upper lower greater new old rights watch international foundation fund committee "
    "commission association society organization organisation network alliance coalition initiative centre "
    "center programme program service services authority board department bureau club team league cup "
    "championship festival prize award order brigade battalion division corps police airways airlines "
    "railways library hospital cathedral mosque temple square street avenue road bridge airport station".split()
)
# Capitalized words after a title that are no name ("a Russian general Monday").
_NOT_AFTER_TITLE = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december i the".split()
)


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """The span of a capitalized name starting after blanks at ``pos``, or None."""
    m = _BLANKS.match(text, pos)
    if m is None:
        return None
    i = m.end()
    start = end = -1
    words = 0
    while words < _MAX_NAME_WORDS:
        w = _WORD.match(text, i)
        if w is None:
            break
        word = w.group(0).rstrip(".")
        if start < 0 and word.lower() in _NOT_AFTER_TITLE:
            return None
        poss = word.endswith(("'s", "’s"))
        if poss:
            word = word[:-2]
        if (word[:1].isupper() and not word.isupper()) or (word.isupper() and len(word) == 1):
            if start < 0:
                start = i
            end = i + len(word)
            words += 1
            if poss:
                break  # "Vučić's government": the name ends here
        elif word in _PARTICLES and start >= 0:
            pass  # kept only if a capitalized word follows
        else:
            break
        nxt = _BLANKS.match(text, w.end())
        if nxt is None or (w.group(0).endswith(".") and len(word) > 1):
            break
        i = nxt.end()
    if start < 0:
        return None
    return start, end


def _name_before(text: str, pos: int) -> tuple[int, int] | None:
    """The span of two or more capitalized words ending right before ", " at ``pos``."""
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == pos or j == 0 or text[j - 1] != ",":
        return None
    return _cap_words_before(text, j - 1)


def _cap_words_before(text: str, end: int) -> tuple[int, int] | None:
    """The span of two or more capitalized words ending at ``end``, or None."""
    k = end
    words = 0
    start = end
    while words < _MAX_NAME_WORDS:
        e = k
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'’-"):
            k -= 1
        word = text[k:e]
        if not word:
            break
        if word[:1].isupper() and word.lower() not in _NOT_NAMES:
            start, words = k, words + 1
        elif word not in _PARTICLES:
            break
        if k == 0 or text[k - 1] not in " \t":
            break
        k -= 1
    if words < 2 or not text[start:start + 1].isupper():
        return None
    return start, end


def _name_of(text: str, pos: int, gazetteer_keys) -> tuple[int, int] | None:
    """The span of a person's name ending right before " of " at ``pos`` ("Ilham Aliyev of
    Azerbaijan"), or None: two or more capitalized words, none an institution's word or a
    gazetteer form, not after "the" ("the Central Bank of Nigeria")."""
    if text[pos - 4 : pos] != " of ":
        return None
    back = _cap_words_before(text, pos - 4)
    if back is None:
        return None
    words = text[back[0] : back[1]].split()
    if any(w.lower().rstrip("'’s") in _INSTITUTION_WORDS or w.lower() in gazetteer_keys for w in words):
        return None
    k = back[0] - 1
    while k > 0 and text[k] in " \t":
        k -= 1
    if text[max(0, k - 2) : k + 1].lower() == "the" and (k < 3 or not text[k - 3].isalpha()):
        return None
    return back


# A nickname after a name: "Mohamed Hamdan Dagalo (Hemedti)", "..., known as Hemedti".
_NICKNAME = re.compile(r"[ \t]*(?:\(|,[ \t]+(?:better[ \t]+)?(?:known|nicknamed|dubbed)[ \t]+(?:as[ \t]+)?)([A-Z][\w'’-]+)")
# A leader named with the group: "Hemedti's RSF", "Hemedti, whose RSF"; the name's end is returned.
_OWNER_BEFORE = re.compile(r"(?:['’]s|,[ \t]+whose)[ \t]+(?:the[ \t]+)?$")
# Words that open a name but are no given name: "Sheikh Tamim", "Mr Erdogan".
_HONORIFICS = frozenset(
    "sheikh shaikh mr mrs ms miss dr sir dame lord lady emir prince princess king queen sultan lt col gen "
    "maj capt adm brig sgt president general colonel mohammed muhammad mohammad abu abd abdul al el".split()
)
_PRONOUN_WORDS = frozenset("its their his her our my your whose".split())


def _bind(names: dict[str, set[str]], full: str, actor: str, gazetteer_keys, text: str = "", end: int = -1) -> None:
    """Bind the full name, and its surname unless that is a gazetteer form, to ``actor``; and a
    nickname right after the name at ``end`` in ``text`` ("Mohamed Hamdan Dagalo (Hemedti)")."""
    names.setdefault(full, set()).add(actor)
    if end >= 0:
        nick = _NICKNAME.match(text, end)
        if nick and nick.group(1).lower() not in gazetteer_keys and nick.group(1).lower() not in _NOT_AFTER_TITLE:
            names.setdefault(nick.group(1), set()).add(actor)
    parts = full.split()
    if len(parts) > 1:
        surname = parts[-1]
        if surname.lower() not in gazetteer_keys:
            names.setdefault(surname, set()).add(actor)
        # Where given names are used alone ("Abiy" for Abiy Ahmed, "Hemedti"), the first name
        # speaks for the actor too; a name two officials share is bound to neither (see below).
        first = parts[0].rstrip(".")
        if len(first) > 2 and first.lower() not in gazetteer_keys and first.lower() not in _HONORIFICS:
            names.setdefault(first, set()).add(actor)


def _unique_titles(text: str, phrases: list, names: dict[str, set[str]], gazetteer_keys) -> None:
    """Bind the names after titles of :data:`UNIQUE_TITLES` not already in a title phrase."""
    for title in _UNIQUE_WRITTEN:
        s = text.find(title)  # str.find, not a regular expression: most texts have none
        while s >= 0:
            e = s + len(title)
            nxt = s + 1
            if (s and (text[s - 1].isalnum() or text[s - 1] == "-")) or any(ps <= s < pe for ps, pe, _ in phrases):
                pass  # "US Secretary of State ..." is bound already
            elif not _FORMER_BEFORE.search(text, max(0, s - 8), s):  # a former one no longer speaks
                span = _name_after(text, e)
                if span is not None:
                    actor = UNIQUE_TITLES[title.lower()]
                    phrases.append((s, span[1], actor))
                    _bind(names, text[span[0] : span[1]], actor, gazetteer_keys)
                    nxt = span[1]
            s = text.find(title, nxt)


def _group_owners(text: str, mentions: Sequence, groups, names: dict[str, set[str]], phrases: list, gazetteer_keys) -> None:
    """ "Hemedti's RSF", "Dagalo, known as Hemedti, whose RSF holds Darfur": a person's name
    owning a non-state group (ids ``groups``) is its leader and speaks for it."""
    for m in mentions:
        if m.actor not in groups or m.start < 3:
            continue
        own = _OWNER_BEFORE.search(text, max(0, m.start - 14), m.start)
        if own is None:
            continue
        k = own.start()
        s = k
        while s > 0 and (text[s - 1].isalpha() or text[s - 1] in "'’-"):
            s -= 1
        word = text[s:k]
        low = word.lower()
        if (
            not word[:1].isupper()
            or low in gazetteer_keys
            or low in _NOT_NAMES
            or low in _NOT_AFTER_TITLE
            or low in _PRONOUN_WORDS
            or low in _INSTITUTION_WORDS
        ):
            continue
        back = _cap_words_before(text, k)  # "Khalifa Haftar's LNA": the whole name
        start = back[0] if back is not None else s
        if start > 0 and not (text[start - 1].isspace() or text[start - 1] in "(\"“"):
            continue  # part of a longer word or a hyphenated modifier
        phrases.append((start, k, m.actor))
        _bind(names, text[start:k], m.actor, gazetteer_keys)


_WORD_BEFORE = re.compile(r"[\w'’-]")
_WORD_AFTER = re.compile(r"[\w-]")


def _occurrences(text: str, names) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of each of ``names`` standing as a whole word in ``text``, leftmost
    first, longest first where two start together, never overlapping: what one regex
    alternation of the names would find, without compiling one per text."""
    found: list[tuple[int, int, str]] = []
    for name in names:
        i = text.find(name)
        while i >= 0:
            e = i + len(name)
            if (i == 0 or not _WORD_BEFORE.match(text, i - 1)) and not _WORD_AFTER.match(text, e):
                found.append((i, e, name))
            i = text.find(name, i + 1)
    found.sort(key=lambda x: (x[0], x[0] - x[1]))
    out: list[tuple[int, int, str]] = []
    for x in found:
        if not out or x[0] >= out[-1][1]:
            out.append(x)
    return out


def bind_officials(
    text: str, mentions: Sequence, gazetteer_keys, make, lowered: str | None = None, groups=frozenset(),
    people: tuple[dict, re.Pattern | None] | None = None,
) -> list:
    """Add the mentions of officials that stand for an actor; see the module notes.

    Parameters
    ----------
    text : str
        The article text.
    mentions : sequence of Mention
        The gazetteer mentions, sorted by start.
    gazetteer_keys : container of str
        Normalized gazetteer forms: a surname that is one ("Jordan") is not bound alone.
    make : callable
        ``make(actor, start, end, form)`` -> a new Mention.
    lowered : str, optional
        ``text.lower()``, if the caller has it.
    groups : container of str, optional
        Ids of non-state groups: "Hemedti's RSF" binds "Hemedti" to the group.
    people : (dict, pattern), optional
        Known leaders: form -> (actor, is a full name, person), and one pattern matching the forms. A
        full name found binds its surname for the text, as a title would; a name used alone
        ("Putin") is bound where it is distinctive. "former"/"late" before a name unbinds it.

    Returns
    -------
    list of Mention
        Sorted by start, not overlapping: the phrase "Serbian President Aleksandar Vučić"
        becomes one mention (form ``"official"``) replacing the mention of "Serbian";
        other uses of the name or surname are mentions too, replacing any gazetteer
        mention inside them ("Thérèse Kayikwamba Wagner" is not the Wagner Group).
    """
    phrases: list[tuple[int, int, str]] = []  # (start, end, actor) of title phrases
    starts = [x.start for x in mentions]
    names: dict[str, set[str]] = {}
    after_any, after_lower = _title_patterns()
    if lowered is None or len(lowered) != len(text):
        after, src = after_any, text
    else:  # the trie without IGNORECASE runs twice as fast
        after, src = after_lower, lowered
    match = after.match
    # Fails at once for the usual "X said", "X's army", "X.": few mentions go further.
    for m, t in [(m, t) for m in mentions if (t := match(src, m.end)) is not None]:
        if t.group("former") or _FORMER_BEFORE.search(text, max(0, m.start - 8), m.start):
            continue  # "former US President Barack Obama" no longer speaks for the state
        span = _name_after(text, t.end())
        if span is None and text.startswith(",", t.end()):
            # "Ethiopia's prime minister, Abiy Ahmed, ...": a name in apposition, two words or more.
            span = _name_after(text, t.end() + 1)
            if span is not None and " " not in text[span[0] : span[1]]:
                span = None
        if span is not None:
            k = bisect.bisect_left(starts, span[0])
            if k < len(mentions) and mentions[k].start == span[0] and mentions[k].end == span[1]:
                continue  # the "name" is another actor ("... Minister Georgia")
            phrases.append((m.start, span[1], m.actor))
            full = text[span[0] : span[1]]
            _bind(names, full, m.actor, gazetteer_keys, text, span[1])
            continue
        else:
            back = _name_before(text, m.start)
            if back is None:
                continue
            phrases.append((back[0], back[1], m.actor))
            full = text[back[0] : back[1]]
        _bind(names, full, m.actor, gazetteer_keys)
    # "Ilham Aliyev of Azerbaijan": a person's name, then "of" and a state or group.
    for h in _OF_CAP.finditer(text):  # one pass in C, then a look-up, not one test per mention
        k = bisect.bisect_left(starts, h.end() - 1)
        if k == len(starts) or starts[k] != h.end() - 1:
            continue
        m = mentions[k]
        if m.form in ("name", "alias"):
            back = _name_of(text, m.start, gazetteer_keys)
            if back is not None:
                phrases.append((back[0], m.end, m.actor))
                _bind(names, text[back[0] : back[1]], m.actor, gazetteer_keys)
    if groups and ("'s" in text or "’s" in text or "whose" in text):
        _group_owners(text, mentions, groups, names, phrases, gazetteer_keys)
    # Known leaders named without a title: "Recep Tayyip Erdogan", "Putin". Inside a title phrase
    # the list decides: "the Taliban's foreign minister, Amir Khan Muttaqi" speaks for Afghanistan.
    known: list[tuple[int, int, str, frozenset[str]]] = []
    if people is not None and people[1] is not None:
        forms, rx = people
        hits = []
        former: set[str] = set()  # people a text calls "former" anywhere: none of their names binds
        for h in rx.finditer(text):
            s, e = h.span()
            hit = forms.get(h.group(0))
            if hit is None:  # the pattern allows other blanks and apostrophes than the form's own
                hit = forms.get(_BLANKS.sub(" ", h.group(0)).replace("’", "'"))
                if hit is None:
                    continue
            if _FORMER_PHRASE.search(text, max(0, s - 40), s):
                former.add(hit[2])  # "former US President Barack Obama" no longer speaks for the state
            hits.append((h, hit))
        for h, (actor, full, person, actors) in hits:
            s, e = h.span()
            if person in former:
                continue
            if full:
                known.append((s, e, actor, actors))
                phrases.append((s, e, actor))
                _bind(names, h.group(0), actor, gazetteer_keys, text, e)
            else:
                names.setdefault(h.group(0), set()).add(actor)
    # "Secretary of State Antony Blinken": a title one state's officials hold, no state named.
    if "Secretary of" in text or "aoiseach" in text or "naiste" in text:
        _unique_titles(text, phrases, names, gazetteer_keys)
    if not phrases and not names:
        return list(mentions)
    bound = {n: next(iter(a)) for n, a in names.items() if len(a) == 1}
    spans = list(phrases)
    if bound:
        for s, e, name in _occurrences(text, bound):
            # "Kagame" but not "Paul Kagame Jr" / "Ali Khamenei" for a bound "Ali".
            nxt = _BLANKS.match(text, e)
            if nxt and text[nxt.end() : nxt.end() + 1].isupper() and " " not in name:
                w = _WORD.match(text, nxt.end())
                if w and w.group(0) not in bound:
                    continue
            spans.append((s, e, bound[name]))
    if known:
        for k, (ps, pe, pa) in enumerate(spans):
            inner = next(((a, roles) for s, e, a, roles in known if ps <= s and e <= pe and (s, e) != (ps, pe)), None)
            if inner is not None and inner[0] != pa and pa not in inner[1]:
                spans[k] = (ps, pe, inner[0])  # the list decides, unless the title names another of the person's roles
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    merged: list[tuple[int, int, str]] = []
    for s, e, a in spans:
        if merged and s < merged[-1][1]:
            continue  # inside a longer phrase already taken
        merged.append((s, e, a))
    out = [make(a, s, e, "official") for s, e, a in merged]
    # Gazetteer mentions inside an official's phrase or name are part of it.
    drop: set[int] = set()
    for s, e, _ in merged:
        k = bisect.bisect_left(starts, s)
        if k > 0 and mentions[k - 1].end > s:
            k -= 1
        while k < len(mentions) and mentions[k].start < e:
            drop.add(k)
            k += 1
    out += [x for i, x in enumerate(mentions) if i not in drop]
    out.sort(key=_START)
    return out
