"""Sentence boundaries as offsets into the original text.

A rule-based splitter written for news and foreign-affairs prose, in the standard
library only. The libraries weighed were slower or weaker on this kind of text (see
``tests/benchmarks/test_bench_extract_speed.py`` and the project notes): pysbd splits
well but at ~0.2 MB/s; nupunkt is fast but splits "Lt. | Col." and "the U.S. | Secretary";
syntok is ~1 MB/s. This one runs at tens of MB/s and handles what the extractor needs:

* a line break is a hard boundary, so headings, captions and list items are sentences
  of their own -- except in hard-wrapped text (lines of similar width), where a single
  line break inside a paragraph is a space;
* titles and other abbreviations ("Mr.", "Gen.", "Lt. Col.", "Jan. 5", "vs.", "e.g.")
  never end a sentence; single initials ("J. Smith") neither;
* a dotted acronym ("U.S.", "U.N.", "D.C.") ends a sentence only when the next word is
  a usual sentence opener ("the U.S. The talks..." splits, "the U.S. Secretary" does not);
* a period, "!" or "?" followed by a lower-case word does not end one (``"We won!" he said``).
"""

from __future__ import annotations

import re

__all__ = ["sentence_spans", "sentences"]

# Words after which a period never ends a sentence (compared lower-case, without the dot).
_TITLES = frozenset(
    """
    mr mrs ms mx dr prof rev hon amb gen lt col maj capt cpt sgt adm cmdr cdr brig gov sen rep pres
    sec supt insp fr sr jr st mt ft messrs mme mlle sra sr dept
    vs v cf approx ca viz al fig figs nos
    """.split()
)
# Abbreviations that end a sentence only before a digit-free continuation ("Jan. 5" is one).
_BEFORE_NUMBER = frozenset(
    """
    jan feb mar apr jun jul aug sep sept oct nov dec no nr art p pp para sec vol ch
    """.split()
)
# Usual first words of a sentence: after a dotted acronym, these mean a new sentence starts.
_OPENERS = frozenset(
    """
    the a an it its he she they we i you this that these those there here his her their our
    but and or so yet however meanwhile still also then now in on at for from with by as if when
    while after before since although though despite during under until what which who why how
    officials many some most both several one two no not only such other another each all
    mr mrs ms dr president minister prime
    """.split()
)
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
# A candidate end: terminal punctuation plus closing quotes/brackets, then spaces and the next char.
_END = re.compile(r"""(?:[.!?]+|…)["'”’»)\]]*(?=[ \t\u00a0\n]+(\S))""")
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_WORD_AT = re.compile(r"""["'“‘«(\[]*([\w.’'-]+)""")
_TOKEN_BEFORE = re.compile(r"""([\w.’'-]+)$""")


def _is_end(text: str, dot: int, nxt: int) -> bool:
    """Is the punctuation run starting at ``dot`` a sentence end, given the next char at ``nxt``?"""
    c = text[nxt]
    if c.islower():
        return False
    if text[dot] != "." or text.startswith("..", dot):
        return True
    m = _TOKEN_BEFORE.search(text, max(0, dot - 40), dot)
    if m is None:
        return True
    tok = m.group(1)
    low = tok.lower()
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER and c.isdigit():
        return False
    if len(tok) == 1 and tok.isupper():  # an initial: "J. Smith"
        return False
    if _ACRONYM.match(tok) or low in ("e.g", "i.e", "etc"):
        w = _WORD_AT.match(text, nxt)
        word = w.group(1).lower() if w else ""
        return word in _OPENERS
    return True


def _wrapped(lines: list[tuple[int, int]]) -> int:
    """The line width if the text is hard-wrapped (most lines of a similar width), else 0."""
    lens = sorted(e - s for s, e in lines if e - s > 0)
    if len(lens) < 6:
        return 0
    width = lens[int(len(lens) * 0.9)]
    if width > 140 or width < 30:
        return 0
    full = sum(1 for n in lens if n >= 0.6 * width)
    return width if full >= 0.6 * len(lens) else 0


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, in order, trimmed of white space.

    ``text[start:end]`` is the sentence verbatim; spans never overlap and never cross a
    line break (unless the text is hard-wrapped, see the module notes).
    """
    # Lines (without their newline); soft-joined when the text is hard-wrapped.
    lines: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        lines.append((pos, end))
        if nl < 0:
            break
        pos = nl + 1
    width = _wrapped([(s, s + len(text[s:e].rstrip())) for s, e in lines])
    if width:
        blocks: list[tuple[int, int]] = []
        cur: list[int] | None = None
        for s, e in lines:
            body = text[s:e].strip()
            if not body:
                if cur:
                    blocks.append((cur[0], cur[1]))
                cur = None
                continue
            if cur is None:
                cur = [s, e]
                continue
            prev = text[cur[0] : cur[1]].rstrip()
            prev_line_len = len(text[text.rfind("\n", 0, cur[1]) + 1 : cur[1]].rstrip())
            ends_para = prev.endswith((".", "!", "?", ":", "”", '"')) and prev_line_len < 0.8 * width
            if ends_para or prev_line_len < 0.5 * width:
                blocks.append((cur[0], cur[1]))
                cur = [s, e]
            else:
                cur[1] = e
        if cur:
            blocks.append((cur[0], cur[1]))
    else:
        blocks = lines

    spans: list[tuple[int, int]] = []
    for bs, be in blocks:
        start = bs
        for m in _END.finditer(text, bs, be):
            nxt = m.start(1)
            if nxt >= be:
                continue
            if _is_end(text, m.start(), nxt):
                _add(text, spans, start, m.end())
                start = nxt
        _add(text, spans, start, be)
    return spans


def _add(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]
