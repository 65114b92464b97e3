"""File exports: GraphML, GEXF, CSV, Markdown and HTML evidence reports."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import networkx as nx
import pytest

from mapviewer.export import export_map, supported_suffixes
from mapviewer.model import Actor, Article, Relation, RelationMap, locate

# An article with the awkward cases: commas, double quotes, a line break inside a quote,
# CRLF, a control character XML cannot hold, markup, non-ASCII.
TEXT = (
    'Turkey threatened Armenia, saying "enough is enough."\r\n'
    "Ankara also sold drones to Baku, and Baku paid.\n"
    "Israel sold arms to Azerbaijan; Azerbaijan sold oil\nto Israel.\x0c\n"
    "A pundit wrote <script>alert('x')</script> & *bold* claims about Nagorno-Karabkah — İstanbul.\n"
    "Hamas condemned Israel.\n"
)


def make_map() -> RelationMap:
    art = Article(
        id="a1",
        text=TEXT,
        title="Azerbaijan's victory <in war>",
        source="The Jerusalem Post",
        published="2020-11",
    )

    def ev(needle: str):
        return locate(TEXT, needle, article="a1")

    actors = [
        Actor("TUR", "Turkey", iso3="TUR", aliases=("Ankara", "Turkish"), lat=39.0, lon=35.0, mentions=3),
        Actor("ARM", "Armenia", iso3="ARM", lat=40.1, lon=45.0, mentions=1),
        Actor("AZE", "Azerbaijan", iso3="AZE", aliases=("Baku",), lat=40.4, lon=47.6, mentions=4),
        Actor("ISR", "Israel", iso3="ISR", lat=31.5, lon=34.9, mentions=3),
        Actor("HAM", "Hamas", kind="group", mentions=1),
    ]
    relations = [
        Relation(
            "TUR",
            "ARM",
            directed=True,
            valence="hostile",
            types=("threat",),
            evidence=[ev('Turkey threatened Armenia, saying "enough is enough."')],
            confidence=0.9,
        ),
        # the same pair and direction again: only a multigraph keeps both
        Relation(
            "TUR",
            "ARM",
            directed=False,
            valence="hostile",
            types=("rivalry",),
            evidence=[ev("Turkey threatened Armenia")],
        ),
        Relation(
            "TUR",
            "AZE",
            directed=True,
            valence="cooperative",
            types=("arms trade",),
            evidence=[ev("Ankara also sold drones to Baku")],
        ),
        # two relations on the same pair, one each way and one undirected: none may be lost
        Relation(
            "ISR",
            "AZE",
            directed=True,
            valence="cooperative",
            types=("arms trade",),
            evidence=[ev("Israel sold arms to Azerbaijan")],
        ),
        Relation(
            "AZE",
            "ISR",
            directed=False,
            valence="cooperative",
            types=("energy trade", "trade"),
            evidence=[ev("Azerbaijan sold oil\nto Israel.\x0c"), ev("Baku paid.")],
            note="oil, both ways",
        ),
        Relation(
            "AZE",
            "ARM",
            directed=False,
            valence="hostile",
            types=("war",),
            evidence=[
                ev(
                    "A pundit wrote <script>alert('x')</script> & *bold* claims about "
                    "Nagorno-Karabkah — İstanbul."
                )
            ],
        ),
        Relation(
            "HAM",
            "ISR",
            directed=True,
            valence="hostile",
            types=("hostility",),
            evidence=[ev("Hamas condemned Israel."), ev('saying "enough is enough."\r\nAnkara')],
        ),
        Relation("TUR", "ISR", directed=False, valence="mixed", types=()),  # no evidence
    ]
    m = RelationMap(
        [art],
        actors,
        relations,
        curated=True,
        positions={"TUR": (0.5, -1.25), "ARM": (2.0, 3.0)},
        pinned={"TUR"},
    )
    for r in m.relations:
        for e in r.evidence:
            assert e.check(TEXT)
    return m


def test_every_format_is_registered():
    for s in (".graphml", ".gexf", ".csv", ".md", ".html", ".json"):
        assert s in supported_suffixes()


# -- GraphML / GEXF --------------------------------------------------------------------
def _edges_by_relation(g) -> dict[int, tuple[str, str, dict]]:
    return {int(d["relation"]): (u, v, d) for u, v, d in g.edges(data=True)}


def _check_graph_roundtrip(m: RelationMap, g) -> None:
    assert set(g.nodes) == set(m.actor_ids())
    assert g.number_of_edges() == len(m.relations)
    for a in m.actors:
        d = g.nodes[a.id]
        assert d["name"] == a.name and d["kind"] == a.kind and d["mentions"] == a.mentions
        assert json.loads(d["aliases"]) == list(a.aliases)
        assert d.get("iso3") == a.iso3
        assert d.get("lat") == a.lat and d.get("lon") == a.lon
        if a.id in m.positions:
            assert (d["x"], d["y"]) == m.positions[a.id]
            assert d["pinned"] == (a.id in m.pinned)
        else:
            assert "x" not in d
    edges = _edges_by_relation(g)
    assert sorted(edges) == list(range(len(m.relations)))
    text = m.article().text
    for i, r in enumerate(m.relations):
        u, v, d = edges[i]
        assert (u, v) == (r.source, r.target)
        assert d["directed"] is r.directed
        assert d["valence"] == r.valence
        assert json.loads(d["types"]) == list(r.types)
        assert d["confidence"] == r.confidence
        assert d.get("note", "") == r.note
        assert d["evidence_count"] == len(r.evidence)
        ev = json.loads(d["evidence"])
        assert [(e["article"], e["start"], e["end"], e["quote"]) for e in ev] == [
            (e.article, e.start, e.end, e.quote) for e in r.evidence
        ]
        for e in ev:  # exact, CRLF and control characters included
            assert text[e["start"] : e["end"]] == e["quote"]


def test_graphml_roundtrip(tmp_path):
    m = make_map()
    out = tmp_path / "map.graphml"
    export_map(m, out)
    g = nx.read_graphml(out, force_multigraph=True)
    assert g.is_directed() and g.is_multigraph()
    _check_graph_roundtrip(m, g)
    assert g.graph["title"] == m.article().title
    assert g.graph["outlet"] == "The Jerusalem Post" and g.graph["published"] == "2020-11"
    assert json.loads(g.graph["articles"])[0]["id"] == "a1"
    # parallel relations between Israel and Azerbaijan are both there
    assert g.number_of_edges("ISR", "AZE") == 1 and g.number_of_edges("AZE", "ISR") == 1
    assert g.number_of_edges("TUR", "ARM") == 2


def test_gexf_roundtrip(tmp_path):
    m = make_map()
    out = tmp_path / "map.gexf"
    export_map(m, out)
    g = nx.read_gexf(out)
    assert g.is_directed() and g.is_multigraph()
    _check_graph_roundtrip(m, g)
    assert g.nodes["TUR"]["label"] == "Turkey"
    assert g.nodes["TUR"]["viz"]["position"]["x"] == pytest.approx(0.5)
    root = ET.parse(out).getroot()
    ns = {"g": root.tag.split("}")[0][1:]}
    graph = root.find("g:graph", ns)
    assert graph.get("defaultedgetype") == "directed"
    desc = root.find("g:meta/g:description", ns).text
    assert m.article().title in desc and "The Jerusalem Post" in desc


def test_graph_exports_survive_an_empty_map(tmp_path):
    for suffix in (".graphml", ".gexf"):
        out = tmp_path / f"empty{suffix}"
        export_map(RelationMap(), out)
        g = nx.read_graphml(out) if suffix == ".graphml" else nx.read_gexf(out)
        assert g.number_of_nodes() == 0


# -- CSV -------------------------------------------------------------------------------
def test_csv_rows_roundtrip(tmp_path):
    m = make_map()
    out = tmp_path / "evidence.csv"
    export_map(m, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets then read it as UTF-8
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    spans = [(i, e) for i, r in enumerate(m.relations) for e in r.evidence]
    no_evidence = [i for i, r in enumerate(m.relations) if not r.evidence]
    assert len(rows) == len(spans) + len(no_evidence)
    got = [row for row in rows if row["quote"] or row["start"]]
    assert len(got) == len(spans)
    for row, (i, e) in zip(got, spans, strict=True):
        r = m.relations[i]
        assert int(row["relation"]) == i
        assert (row["source"], row["target"]) == (r.source, r.target)
        assert row["source_name"] == m.actor(r.source).name
        assert row["types"].split("; ") == list(r.types)
        assert row["directed"] == ("true" if r.directed else "false")
        assert float(row["confidence"]) == pytest.approx(r.confidence, abs=1e-3) and row["note"] == r.note
        assert row["quote"] == e.quote  # commas, quotes, newlines, CRLF intact
        assert m.article(row["article"]).text[int(row["start"]) : int(row["end"])] == row["quote"]
    empty = [row for row in rows if not row["quote"]]
    assert [int(row["relation"]) for row in empty] == no_evidence


# -- reports ---------------------------------------------------------------------------
def test_markdown_report(tmp_path):
    m = make_map()
    out = tmp_path / "report.md"
    export_map(m, out)
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Evidence: ")
    assert "The Jerusalem Post, 2020\\-11" in md or "The Jerusalem Post, 2020-11" in md
    assert "## Turkey → Armenia — threat (hostile)" in md
    assert "## Azerbaijan ↔ Israel — energy trade, trade (cooperative)" in md
    # every quote is there, as a block quote, followed by its offsets
    for r in m.relations:
        for e in r.evidence:
            assert f"characters {e.start}–{e.end}" in md
    assert "> Azerbaijan sold oil\n> to Israel." in md
    # markup in a quote is escaped, not live
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\*bold\\*" in md
    assert "No quote from the article supports this relation." in md


def test_reports_of_an_automatic_map_say_how_sure_each_relation_is(tmp_path):
    import dataclasses

    m = make_map()
    export_map(m, tmp_path / "curated.md")
    assert "% sure" not in (tmp_path / "curated.md").read_text(encoding="utf-8")  # a person drew it
    auto = dataclasses.replace(
        m, curated=False, relations=[dataclasses.replace(r, confidence=0.62) for r in m.relations]
    )
    export_map(auto, tmp_path / "auto.md")
    export_map(auto, tmp_path / "auto.html")
    md = (tmp_path / "auto.md").read_text(encoding="utf-8")
    doc = (tmp_path / "auto.html").read_text(encoding="utf-8")
    assert md.count("*Found automatically, 62% sure: check the quotes.*") == len(m.relations)
    assert doc.count("Found automatically, 62% sure: check the quotes.") == len(m.relations)


class _Checker(HTMLParser):
    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.blockquotes: list[str] = []
        self._in_bq = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "blockquote":
            self._in_bq += 1
            self.blockquotes.append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack}")
            return
        self.stack.pop()
        if tag == "blockquote":
            self._in_bq -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._in_bq:
            self.blockquotes[-1] += data


def test_html_report_is_valid_self_contained_and_escaped(tmp_path):
    m = make_map()
    out = tmp_path / "report.html"
    export_map(m, out)
    doc = out.read_text(encoding="utf-8")
    assert doc.startswith("<!DOCTYPE html>")
    p = _Checker()
    p.feed(doc)
    p.close()
    assert p.errors == [] and p.stack == []
    assert "script" not in p.tags  # the quote's <script> is text, not a tag
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in doc
    assert "src=" not in doc and "href=" not in doc  # nothing external
    quotes = [e.quote for r in m.relations for e in r.evidence]
    # each block quote holds exactly its quote once the entities are decoded
    assert [q.replace("\r\n", "\n").replace("\r", "\n") for q in quotes] == p.blockquotes
    body = "".join(p.text)
    assert "Turkey → Armenia — threat (hostile)" in body
    assert "Azerbaijan's victory <in war>" in body
    for q in quotes:
        e = next(e for r in m.relations for e in r.evidence if e.quote == q)
        assert f"characters {e.start}–{e.end}" in body


def test_seed_map_exports_everywhere(tmp_path):
    from mapviewer.seeds import default_seed

    m = default_seed().curated_map()
    if m is None:
        pytest.skip("the seed's curated map is not in this checkout yet")
    for s in (".graphml", ".gexf", ".csv", ".md", ".html"):
        export_map(m, tmp_path / f"seed{s}")
    g = nx.read_graphml(tmp_path / "seed.graphml", force_multigraph=True)
    assert g.number_of_edges() == len(m.relations)
