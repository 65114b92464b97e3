"""GraphML and GEXF export, for Gephi, Cytoscape, yEd and networkx.

The map becomes a ``networkx.MultiDiGraph``: one node per actor and one edge per
relation, keyed ``r<index>`` (its index in the map), so parallel relations between the
same pair (Turkey threatens Armenia *and* Turkey arms Azerbaijan against it) all survive.
Every edge runs source -> target; an undirected relation is marked by the boolean edge
attribute ``directed = false`` rather than by GEXF's per-edge ``type="undirected"``,
which networkx's GEXF reader rejects in a directed graph.

Attribute values are scalars: lists (aliases, types, evidence) are JSON strings and a
missing value (no ISO code, no coordinates) is simply absent. Text that XML 1.0 cannot
hold (control characters) is replaced by U+FFFD in plain-text attributes; the
``evidence`` JSON escapes it instead, so quotes come back exactly from there.

Node attributes
    ``label``, ``name``, ``kind``, ``iso3``, ``aliases`` (JSON list), ``lat``, ``lon``,
    ``mentions``, and ``x``, ``y``, ``pinned`` when the map has a saved layout (GEXF
    also gets a ``viz:position`` that Gephi shows).
Edge attributes
    ``relation`` (index), ``label`` ("threat, hostility (hostile)"), ``directed``,
    ``valence``, ``types`` (JSON list), ``confidence``, ``note``, ``evidence_count``,
    ``evidence`` (JSON list of ``{"article", "start", "end", "quote"}``) and ``quotes``
    (the quotes as plain text, separated by blank lines).
Graph attributes (GraphML; GEXF puts them in ``<meta>``)
    ``title``, ``outlet``, ``published``, ``article_id`` of the first article,
    ``articles`` (JSON list of every article's metadata), ``curated``, ``generator``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import SubElement

from ..model import RelationMap
from ._files import write_atomic

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["relation_label", "to_multidigraph", "write_gexf", "write_graphml"]

# Characters XML 1.0 allows (tab, newline, CR and everything from space up, minus
# surrogates and U+FFFE/U+FFFF).
_XML_BAD = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(s: str) -> str:
    return _XML_BAD.sub("\ufffd", s)


def relation_label(types: tuple[str, ...] | list[str], valence: str) -> str:
    """``"threat, hostility (hostile)"``; just the valence when there are no types."""
    return f"{', '.join(types)} ({valence})" if types else f"({valence})"


def _generator() -> str:
    try:
        from importlib.metadata import version

        return f"mapviewer {version('mapviewer')}"
    except Exception:  # not installed (running from a bare checkout)
        return "mapviewer"


def to_multidigraph(m: RelationMap) -> nx.MultiDiGraph:
    """The map as a ``MultiDiGraph`` whose attribute values are all GraphML/GEXF scalars."""
    import networkx as nx  # lazy: ~150 ms to import

    g = nx.MultiDiGraph()
    first = m.articles[0] if m.articles else None
    g.graph.update(
        {
            "title": _xml_text(first.title) if first else "",
            "outlet": _xml_text(first.source) if first else "",
            "published": _xml_text(first.published) if first else "",
            "article_id": _xml_text(first.id) if first else "",
            "articles": json.dumps(
                [
                    {"id": a.id, "title": a.title, "source": a.source, "published": a.published}
                    for a in m.articles
                ],
                ensure_ascii=False,
            ),
            "curated": bool(m.curated),
            "generator": _generator(),
        }
    )
    for a in m.actors:
        attrs: dict[str, Any] = {
            "label": _xml_text(a.name),
            "name": _xml_text(a.name),
            "kind": a.kind,
            "aliases": json.dumps(list(a.aliases), ensure_ascii=False),
            "mentions": int(a.mentions),
        }
        if a.iso3 is not None:
            attrs["iso3"] = a.iso3
        if a.lat is not None:
            attrs["lat"] = float(a.lat)
        if a.lon is not None:
            attrs["lon"] = float(a.lon)
        if a.id in m.positions:
            x, y = m.positions[a.id]
            attrs["x"], attrs["y"] = float(x), float(y)
            attrs["pinned"] = a.id in m.pinned
        g.add_node(a.id, **attrs)
    for i, r in enumerate(m.relations):
        ev = [{"article": e.article, "start": e.start, "end": e.end, "quote": e.quote} for e in r.evidence]
        g.add_edge(
            r.source,
            r.target,
            key=f"r{i}",
            relation=i,
            label=_xml_text(relation_label(r.types, r.valence)),
            directed=bool(r.directed),
            valence=r.valence,
            types=json.dumps(list(r.types), ensure_ascii=False),
            confidence=float(r.confidence),
            note=_xml_text(r.note),
            evidence_count=len(ev),
            # json.dumps escapes control characters, so this stays exact inside XML
            evidence=json.dumps(ev, ensure_ascii=False),
            quotes=_xml_text("\n\n".join(e.quote for e in r.evidence)),
        )
    return g


def write_graphml(m: RelationMap, path: Path) -> None:
    """Write ``m`` as GraphML (edge ids are the ``r<index>`` keys)."""
    import networkx as nx

    g = to_multidigraph(m)
    write_atomic(Path(path), lambda fh: nx.write_graphml(g, fh, encoding="utf-8", prettyprint=True))


def write_gexf(m: RelationMap, path: Path) -> None:
    """Write ``m`` as GEXF 1.2 (directed default edge type, article metadata in ``<meta>``)."""
    from networkx.readwrite.gexf import GEXFWriter

    g = to_multidigraph(m)
    meta_graph = dict(g.graph)
    g.graph.clear()  # GEXF has no graph attributes: they go to <meta> below
    g.graph["name"] = meta_graph["title"]
    for _node, data in g.nodes(data=True):
        if "x" in data:
            # Gephi reads positions from viz:position; y up in both
            data["viz"] = {"position": {"x": data["x"], "y": data["y"], "z": 0.0}}
    for _u, _v, key, data in g.edges(keys=True, data=True):
        data["id"] = key
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(g)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.find("creator").text = meta_graph["generator"]  # type: ignore[union-attr]
        SubElement(meta, "keywords").text = "mapviewer, relation map, " + meta_graph["outlet"]
        first = json.loads(meta_graph["articles"])[:1]
        cite = ", ".join(p for p in (meta_graph["title"], meta_graph["outlet"], meta_graph["published"]) if p)
        desc = f"Relations in {cite}" if cite else "Relation map"
        if first:
            desc += f" (article id {first[0]['id']})"
        SubElement(meta, "description").text = _xml_text(desc)
    write_atomic(Path(path), writer.write)
