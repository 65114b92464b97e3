"""Evidence reports in Markdown and HTML, ready to paste into notes.

A report gives the article citation (title, outlet, date), then each relation in map
order as a heading such as ``Turkey → Armenia — threat (hostile)`` (``↔`` when the
relation is undirected) with every quote behind it as a block quote, each followed by
its citation and character offsets in the article.

The HTML report is one self-contained file (inline CSS, no script, no external
resource); all text is escaped. The Markdown escapes the characters that would change
how a quote renders, so it reads as written in any CommonMark viewer.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..describe import confidence_note, relation_title
from ..model import Article, Evidence, Relation, RelationMap
from ._files import write_atomic
from .graph import relation_label

__all__ = ["html_report", "markdown_report", "relation_heading", "write_html", "write_markdown"]


# -- shared wording ------------------------------------------------------------------
def relation_heading(m: RelationMap, r: Relation) -> str:
    """``"Turkey → Armenia — threat (hostile)"``, with ``↔`` for undirected relations."""
    return f"{relation_title(m, r, mutual='↔')} — {relation_label(r.types, r.valence)}"


def _article_or_none(m: RelationMap, article_id: str) -> Article | None:
    try:
        return m.article(article_id)
    except KeyError:
        return None


def _citation_parts(a: Article | None, fallback_id: str) -> tuple[str, str]:
    """(title, "outlet, date") of an article, either part possibly empty."""
    if a is None:
        return fallback_id, ""
    rest = ", ".join(p for p in (a.source, a.published) if p)
    return a.title or a.id, rest


def _offsets(e: Evidence) -> str:
    return f"characters {e.start}–{e.end}"


def _report_title(m: RelationMap) -> str:
    if len(m.articles) == 1 and m.articles[0].title:
        return f"Evidence: {m.articles[0].title}"
    return "Evidence report"


# -- Markdown --------------------------------------------------------------------------
_MD_INLINE = re.compile(r"([\\`*_\[\]<>])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=|]|\d+[.)])")


def _md(s: str) -> str:
    """Escape one line of text for CommonMark."""
    s = _MD_INLINE.sub(r"\\\1", s)
    return _MD_LINE_START.sub(lambda mo: mo.group(1) + "\\" + mo.group(2), s)


def _md_cite(title: str, rest: str) -> str:
    return f"*{_md(title)}*" + (f", {_md(rest)}" if rest else "")


def markdown_report(m: RelationMap) -> str:
    """The evidence report of ``m`` as Markdown text."""
    out = [f"# {_md(_report_title(m))}", ""]
    for a in m.articles:
        out += [_md_cite(*_citation_parts(a, a.id)), ""]
    n_ev = sum(len(r.evidence) for r in m.relations)
    out += [f"{len(m.relations)} relations, {n_ev} quotes.", ""]
    for r in m.relations:
        out += [f"## {_md(relation_heading(m, r))}", ""]
        if sure := confidence_note(m, r):
            out += [f"*{_md(sure.capitalize())}: check the quotes.*", ""]
        if r.note:
            out += [f"*Note:* {_md(r.note)}", ""]
        if not r.evidence:
            out += ["*No quote from the article supports this relation.*", ""]
        for e in r.evidence:
            for line in e.quote.splitlines() or [""]:
                out.append(f"> {_md(line)}" if line.strip() else ">")
            title, rest = _citation_parts(_article_or_none(m, e.article), e.article)
            out += ["", f"— {_md_cite(title, rest)}, {_offsets(e)}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def write_markdown(m: RelationMap, path: Path) -> None:
    data = markdown_report(m).encode("utf-8")
    write_atomic(Path(path), lambda fh: fh.write(data))


# -- HTML ------------------------------------------------------------------------------
_CSS = """
body { font: 16px/1.5 Georgia, 'DejaVu Serif', serif; color: #222; background: #fff; margin: 0; }
main { max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; line-height: 1.25; }
h2 { font: 600 1.1em/1.3 'Segoe UI', 'DejaVu Sans', sans-serif; margin-top: 2em;
     border-bottom: 1px solid #ddd; padding-bottom: .2em; }
.summary, figcaption, .note { font-family: 'Segoe UI', 'DejaVu Sans', sans-serif; font-size: .85em; color: #555; }
figure { margin: 1em 0 1.4em; }
blockquote { margin: 0; padding: .4em 1em; border-left: 4px solid #bbb; background: #f7f7f7; }
blockquote p { margin: 0; white-space: pre-wrap; }
figcaption { margin: .3em 0 0 1.2em; }
.hostile h2 { border-bottom-color: #c0392b; }  .hostile blockquote { border-left-color: #c0392b; }
.cooperative h2 { border-bottom-color: #2e7d32; }  .cooperative blockquote { border-left-color: #2e7d32; }
.mixed h2 { border-bottom-color: #b7791f; }  .mixed blockquote { border-left-color: #b7791f; }
""".strip()


def _h(s: str) -> str:
    return html.escape(s, quote=True)


def _html_cite(title: str, rest: str) -> str:
    return f"<cite>{_h(title)}</cite>" + (f", {_h(rest)}" if rest else "")


def html_report(m: RelationMap) -> str:
    """The evidence report of ``m`` as one self-contained HTML5 document."""
    title = _report_title(m)
    n_ev = sum(len(r.evidence) for r in m.relations)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_h(title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_h(title)}</h1>",
    ]
    for a in m.articles:
        out.append(f'<p class="source">{_html_cite(*_citation_parts(a, a.id))}</p>')
    out.append(f'<p class="summary">{len(m.relations)} relations, {n_ev} quotes.</p>')
    for r in m.relations:
        valence = r.valence if r.valence in ("hostile", "cooperative", "mixed", "neutral") else "neutral"
        out.append(f'<section class="relation {valence}">')
        out.append(f"<h2>{_h(relation_heading(m, r))}</h2>")
        if sure := confidence_note(m, r):
            out.append(f'<p class="note">{_h(sure.capitalize())}: check the quotes.</p>')
        if r.note:
            out.append(f'<p class="note">Note: {_h(r.note)}</p>')
        if not r.evidence:
            out.append('<p class="note">No quote from the article supports this relation.</p>')
        for e in r.evidence:
            t, rest = _citation_parts(_article_or_none(m, e.article), e.article)
            out += [
                "<figure>",
                f"<blockquote><p>{_h(e.quote)}</p></blockquote>",
                f"<figcaption>— {_html_cite(t, rest)}, {_h(_offsets(e))}</figcaption>",
                "</figure>",
            ]
        out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def write_html(m: RelationMap, path: Path) -> None:
    data = html_report(m).encode("utf-8")
    write_atomic(Path(path), lambda fh: fh.write(data))
