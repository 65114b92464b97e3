"""Read an article from a file or pasted text into an :class:`~mapviewer.model.Article`.

Formats: plain text (``.txt``), Markdown (``.md``, markup stripped), HTML (``.html``,
``.htm``; main text only, nothing fetched) and PDF (``.pdf``; lines re-joined and
de-hyphenated). The stored ``Article.text`` is the cleaned text: it is what the viewer
shows and what evidence offsets index.

Encodings: a byte-order mark is trusted first, then a declared charset (HTML ``<meta>``,
XML declaration, an Emacs/Vim ``coding:`` line), then strict UTF-8, then
charset-normalizer's best guess. Line ends become ``"\\n"``.

Every problem raises :class:`mapviewer.errors.InputError` with a message for the user.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputError
from ..model import Article

__all__ = ["MAX_BYTES", "SUFFIXES", "article_from_text", "decode_bytes", "read_article"]

#: Largest article file read (bytes). A long feature is ~100 KB; a book is ~1-2 MB.
MAX_BYTES = 20 * 1024 * 1024
#: Largest pasted text (characters).
MAX_CHARS = MAX_BYTES
#: File suffixes read, by format.
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}


# -- public API ----------------------------------------------------------------------
def read_article(path: str | os.PathLike) -> Article:
    """Read the article at ``path``.

    Raises
    ------
    InputError
        If the file is missing, a folder, too large, binary, empty, undecodable, or a
        PDF without a text layer.
    """
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read it ({exc.strerror or exc})") from None
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a file")
    if st.st_size > MAX_BYTES:
        raise InputError(
            f"{p}: file is too large for an article ({st.st_size / 1e6:.0f} MB; "
            f"the limit is {MAX_BYTES // (1024 * 1024)} MB)"
        )
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read it ({exc.strerror or exc})") from None
    if not raw.strip():
        raise InputError(f"{p}: the file is empty")
    kind = SUFFIXES.get(p.suffix.lower()) or _sniff(raw)
    title = ""
    if kind == "pdf":
        text, title = _read_pdf(raw, p)
    else:
        s = decode_bytes(raw, name=str(p), html=kind == "html")
        if kind == "html":
            text, title = html_to_text(s)
            if not text.strip():
                raise InputError(f"{p}: the page has no article text")
        elif kind == "markdown":
            text, title = markdown_to_text(s)
        else:
            text = _normalize(s)
    if not text.strip():
        raise InputError(f"{p}: the file has no text")
    title = title or _first_line(text) or p.stem
    return Article(id=article_id(title or p.stem, text), text=text, title=title, path=str(p))


def article_from_text(text: str, title: str | None = None) -> Article:
    """An article from pasted text (line ends normalized; otherwise kept verbatim).

    Raises
    ------
    InputError
        If the text is empty or too long.
    """
    if not isinstance(text, str):
        raise InputError("the pasted text is not text")
    if len(text) > MAX_CHARS:
        raise InputError(f"the pasted text is too long ({len(text) / 1e6:.0f} million characters)")
    text = _normalize(text)
    if not text.strip():
        raise InputError("the pasted text is empty")
    if "\x00" in text:
        raise InputError("the pasted text contains binary data")
    title = (title or "").strip() or _first_line(text) or "Pasted text"
    return Article(id=article_id(title, text), text=text, title=title)


def article_id(title: str, text: str) -> str:
    """A stable id: a slug of ``title`` and 8 hex digits of the text's hash."""
    norm = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", norm).strip("-")[:48].rstrip("-") or "article"
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug}-{digest}"


# -- decoding ------------------------------------------------------------------------
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_CODING_LINE = re.compile(rb"""(?:-\*-|vim?:).{0,20}?(?:en)?coding[:=]\s*([A-Za-z0-9_.-]+)""", re.I)


def decode_bytes(raw: bytes, *, name: str = "the text", html: bool = False) -> str:
    """Decode ``raw`` to text: BOM, then declared charset, then UTF-8, then a guess.

    Raises
    ------
    InputError
        If the bytes are binary or cannot be decoded.
    """
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                raise InputError(
                    f"{name}: the text is not valid {enc.upper()} despite its byte-order mark"
                ) from None
    if b"\x00" in raw[:65536]:
        raise InputError(f"{name}: not a text file (it contains binary data)")
    head = raw[:4096]
    m = (_META_CHARSET.search(head) or _XML_DECL.search(head)) if html else _CODING_LINE.search(head[:400])
    if m:
        enc = _codec(m.group(1).decode("ascii"))
        if enc:
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                pass  # a wrong declaration: fall through to detection
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for legacy encodings

    results = from_bytes(raw)
    best = results.best()
    if best is not None:
        # Equal scores are common on short Western texts (cp1250, cp775, cp1252 read
        # French with equal chaos); the most common legacy encoding of such articles wins.
        ties = [m for m in results if m.chaos <= best.chaos]
        best = next((m for m in ties if m.encoding == "cp1252"), best)
    if best is None:
        raise InputError(f"{name}: the text encoding cannot be recognized (save it as UTF-8)")
    text = str(best)
    if _binary_share(text) > 0.05:
        raise InputError(f"{name}: not a text file (it contains binary data)")
    return text


def _codec(label: str) -> str | None:
    label = label.strip().lower()
    # HTML's rule: latin-1 and ascii labels mean windows-1252.
    if label in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        label = "cp1252"
    elif label in ("iso-8859-9", "latin5"):
        label = "cp1254"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _binary_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in "\n\r\t\f")
    return bad / len(sample)


def _sniff(raw: bytes) -> str:
    head = raw[:1024].lstrip().lower()
    if raw.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in raw[:4096].lower():
        return "html"
    return "text"


def _normalize(s: str) -> str:
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return s[1:] if s.startswith("\ufeff") else s


def _first_line(text: str) -> str:
    for line in text.split("\n", 50)[:50]:
        line = line.strip()
        if line:
            return line if len(line) <= 200 else line[:200].rsplit(" ", 1)[0] + "…"
    return ""


# -- Markdown ------------------------------------------------------------------------
_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$\n?", re.M | re.S)
_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.M), ""),  # reference definitions
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"!\[([^\]]*)\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<https?://[^>]+>"), ""),
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ""),  # inline HTML tags
    (re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),  # ATX headings
    (re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M), ""),  # rules
    (re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$", re.M), ""),  # setext underlines
    (re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M), ""),  # list markers
    (re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$", re.M), ""),  # table rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)"), r"\1"),  # italics
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),  # escapes
]


def markdown_to_text(md: str) -> tuple[str, str]:
    """Strip Markdown markup; return ``(text, title)`` (the title is the first heading)."""
    md = _normalize(md)
    title = ""
    fm = _FRONT_MATTER.match(md)
    if fm:
        t = re.search(r"^title:\s*[\"']?(.*?)[\"']?\s*$", fm.group(0), re.M)
        title = t.group(1) if t else ""
        md = md[fm.end() :]
    md = _FENCE.sub("", md)
    if not title:
        h = re.search(r"^ {0,3}#[ \t]+(.+?)[ \t#]*$", md, re.M)
        title = h.group(1) if h else ""
    for pat, rep in _MD_RULES:
        md = pat.sub(rep, md)
    md = "\n".join(
        line.replace("|", " ").rstrip() if line.lstrip().startswith("|") else line.rstrip()
        for line in md.split("\n")
    )
    md = re.sub(r"\n{3,}", "\n\n", md).strip("\n")
    title = re.sub(r"[*_`]", "", title).strip()
    return md, title


# -- HTML ----------------------------------------------------------------------------
_SKIP = frozenset(
    "script style noscript template svg math nav aside footer form figure iframe button select "
    "textarea label object embed canvas video audio map dialog menu head".split()
)
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre section article main header tr table "
    "td th br hr address details summary caption center".split()
)
_VOID = frozenset("br hr img input meta link area base col embed source track wbr param".split())
_TEXT_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre dd td".split())
# class/id words of page furniture (readability's "unlikely candidates", trimmed).
_JUNK = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|advert\w*|banner|breadcrumbs?|comments?|cookie\w*|share|sharing|social|"
    r"newsletter|subscribe|promo\w*|sponsor\w*|related|recommend\w*|popular|trending|sidebar|"
    r"menu|nav\w*|footer|masthead|outbrain|taboola|widget|modal|popup|paywall|signup|tags?|byline|"
    r"caption|credits?|read-?more|more-?stories)(?:$|[\s_-])",
    re.I,
)
_MAIN = re.compile(r"(?:^|[\s_-])(?:article|story|post|entry|content|main|body)(?:$|[\s_-])", re.I)


class _Block:
    __slots__ = ("container", "in_main", "links", "parts", "tag")

    def __init__(self, tag: str, container: int, in_main: int):
        self.tag = tag
        self.container = container
        self.in_main = in_main
        self.parts: list[str] = []
        self.links = 0


class _PageParser(HTMLParser):
    """Collects text blocks, each tagged with its container element and 'main' ancestor."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool, bool]] = []  # (tag, junk, opens a main, opens a container)
        self.skip_depth = 0
        self.blocks: list[_Block] = []
        self.cur: _Block | None = None
        self.counter = 0
        self.containers: list[int] = [0]
        self.mains: list[int] = [0]
        self.title = ""
        self.og_title = ""
        self.h1 = ""
        self._in_title = False
        self._in_h1 = False
        self._in_a = 0

    def _flush(self) -> None:
        if self.cur is not None and "".join(self.cur.parts).strip():
            self.blocks.append(self.cur)
        self.cur = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta" and a.get("property", a.get("name", "")).lower() in ("og:title", "twitter:title"):
            self.og_title = self.og_title or a.get("content", "").strip()
        if tag == "title":
            self._in_title = True
        if tag in _VOID:
            if tag in ("br", "hr") and self.cur is not None and not self.skip_depth:
                self.cur.parts.append("\n")
            return
        cls = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}"
        junk = tag != "head" and (
            tag in _SKIP
            or "hidden" in a
            or a.get("aria-hidden") == "true"
            or "display:none" in a.get("style", "").replace(" ", "")
            or (
                tag not in ("body", "html", "article", "main")
                and bool(_JUNK.search(cls))
                and not _MAIN.search(cls)
            )
        )
        is_main = is_container = False
        if not junk and tag in _BLOCK:
            self._flush()
            self.counter += 1
            if tag in ("article", "main") or a.get("itemprop") == "articleBody" or a.get("role") == "main":
                self.mains.append(self.counter)
                is_main = True
            if tag not in _TEXT_BLOCKS:
                self.containers.append(self.counter)
                is_container = True
            elif not self.skip_depth:
                self.cur = _Block(tag, self.containers[-1], self.mains[-1])
        self.stack.append((tag, junk, is_main, is_container))
        if junk:
            self.skip_depth += 1
        if tag == "h1":
            self._in_h1 = True
        if tag == "a":
            self._in_a += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _VOID:
            return
        # Pop to the matching open tag (HTML in the wild leaves tags unclosed).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                break
        else:
            return
        while len(self.stack) > i:
            t, junk, is_main, is_container = self.stack.pop()
            if junk:
                self.skip_depth -= 1
            if t in _BLOCK and not self.skip_depth:
                self._flush()
            if is_main:
                self.mains.pop()
            if is_container:
                self.containers.pop()
            if t == "h1":
                self._in_h1 = False
            if t == "a":
                self._in_a = max(0, self._in_a - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self._in_h1:
            self.h1 += data
        if self.cur is None:
            if not data.strip():
                return
            # Loose text directly inside a container: a block of its own.
            self.cur = _Block("div", self.containers[-1], self.mains[-1])
        self.cur.parts.append(data)
        if self._in_a:
            self.cur.links += len(data.strip())


def html_to_text(html: str) -> tuple[str, str]:
    """Main text of an HTML page as paragraphs separated by blank lines; and its title.

    Page furniture (scripts, navigation, asides, footers, forms, figures, elements whose
    class or id reads like an advert, share bar or related-links box) is dropped. If the
    page marks its story (``<article>``, ``<main>``, ``itemprop="articleBody"``) only that
    is kept; otherwise the container holding the most paragraph text, and the headings
    before it.
    """
    parser = _PageParser()
    parser.feed(_normalize(html))
    parser.close()
    parser._flush()
    blocks = parser.blocks

    def text_of(b: _Block) -> str:
        return re.sub(
            r"[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0\n]*",
            "\n",
            re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(b.parts)),
        ).strip()

    kept = [b for b in blocks if text_of(b)]
    mains = {b.in_main for b in kept if b.in_main}
    if mains:
        best = max(mains, key=lambda m: sum(len(text_of(b)) for b in kept if b.in_main == m))
        chosen = [b for b in kept if b.in_main == best]
        # A headline just outside <article> (common) is kept too.
        first = kept.index(chosen[0])
        heads = [b for b in kept[:first] if b.tag == "h1"]
        chosen = heads[-1:] + chosen
    else:
        score: dict[int, int] = {}
        for b in kept:
            if b.tag == "p":
                score[b.container] = score.get(b.container, 0) + len(text_of(b))
        if score:
            best = max(score, key=score.__getitem__)
            idx = [i for i, b in enumerate(kept) if b.container == best]
            lo = idx[0]
            while lo > 0 and kept[lo - 1].tag in ("h1", "h2", "h3"):
                lo -= 1
            chosen = kept[lo : idx[-1] + 1]
            chosen = [
                b for b in chosen if b.container == best or b.tag in ("p", "h1", "h2", "h3", "blockquote")
            ]
        else:
            chosen = kept
    # Link lists (navigation that escaped the class filter) are not article text.
    out = []
    for b in chosen:
        t = text_of(b)
        if b.links > 0.6 * len(t.replace(" ", "")) and b.tag not in ("h1", "h2"):
            continue
        out.append(t)
    title = (parser.og_title or parser.h1 or parser.title).strip()
    title = re.sub(r"\s+", " ", title)
    return "\n\n".join(out), title


# -- PDF -----------------------------------------------------------------------------
def _read_pdf(raw: bytes, p: Path) -> tuple[str, str]:
    import io

    from pypdf import PdfReader  # lazy: pypdf costs ~100 ms to import
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{p}: the PDF is password-protected")
        pages = [(pg.extract_text() or "") for pg in reader.pages]
        meta = reader.metadata
        title = (meta.title or "").strip() if meta is not None else ""
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise InputError(f"{p}: not a readable PDF ({exc})") from None
    except Exception as exc:  # pypdf raises many types on damaged files
        raise InputError(f"{p}: not a readable PDF ({type(exc).__name__})") from None
    text = pdf_text(pages)
    if not text.strip():
        raise InputError(f"{p}: the PDF has no text layer (it is a scan or images); run OCR on it first")
    return text, title


_HYPHEN_END = re.compile(r"(\w)[-\u00ad]$")
# PDF fonts often set "fi", "ff"... as one glyph; spelled out, "ceasefire" can be searched.
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
_PAGE_NUM = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)


def pdf_text(pages: list[str]) -> str:
    """Re-join hard-wrapped PDF lines into paragraphs and undo end-of-line hyphenation.

    A line break stays a paragraph break after a blank line, or when the line is clearly
    short (ends a paragraph, or is a heading); otherwise it becomes a space, or nothing
    after a hyphen that splits a word ("inter-" + "national").
    """
    lines: list[str] = []
    for i, page in enumerate(pages):
        page_lines = [ln.rstrip() for ln in _normalize(page).translate(_LIGATURES).split("\n")]
        page_lines = [ln for ln in page_lines if not _PAGE_NUM.match(ln) or not ln.strip()]
        if i and lines and lines[-1] != "":
            lines.append("\x00page")  # a page break: joined like a line break
        lines.extend(page_lines)
    widths = sorted(len(ln) for ln in lines if ln.strip() and ln != "\x00page")
    if not widths:
        return ""
    width = widths[int(len(widths) * 0.9)]
    paras: list[str] = []
    cur = ""
    prev_len = 0
    for ln in lines:
        if ln == "\x00page":
            continue
        s = ln.strip()
        if not s:
            if cur:
                paras.append(cur)
            cur = ""
            continue
        if not cur:
            cur, prev_len = s, len(ln)
            continue
        ends = cur.endswith((".", "!", "?", ":", "”", '"', "’"))
        heading = prev_len < 0.5 * width and s[:1].isupper() and not cur.endswith((",", ";", "-"))
        if (ends and prev_len < 0.8 * width) or heading:
            paras.append(cur)
            cur = s
        elif _HYPHEN_END.search(cur) and s[:1].islower():
            cur = cur[:-1] + s
        elif cur.endswith("-") and s[:1].isupper():
            cur = cur + s  # a real hyphen in a compound: "Israeli-" + "Palestinian"
        else:
            cur = cur + " " + s
        prev_len = len(ln)
    if cur:
        paras.append(cur)
    return "\n\n".join(re.sub(r"[ \t]+", " ", p_) for p_ in paras)
