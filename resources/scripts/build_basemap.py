#!/usr/bin/env python3
"""Build mapviewer/data/basemap-110m.json from world-atlas's countries-110m.json.

The input is Natural Earth's 1:110m Admin 0 countries (public domain) as TopoJSON, from
the npm package ``world-atlas`` (version 2)::

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.*.tgz
    python resources/scripts/build_basemap.py /tmp/package/countries-110m.json

The script is the only place that reads TopoJSON; the app reads the JSON it writes with
:mod:`importlib.resources` (see :mod:`mapviewer.geo`). Standard library only, and the output
depends on the input file alone, so rebuilding from the same input gives the same bytes.

What it does
------------
1. Decodes the topology: delta-decodes the quantized arcs, applies the transform, and
   stitches each ring from its arcs (``~i`` means arc ``i`` reversed).
2. Cuts rings that cross the antimeridian (Russia's Chukotka, Fiji) into pieces on each
   side, and closes rings that go round a pole (Antarctica) along the pole, so a flat
   projection draws no segment across the whole map.
3. Keys each country on its ISO 3166-1 alpha-3 code, mapped from the numeric code that
   world-atlas gives as ``id`` (France 250, Norway 578: their Natural Earth ISO_A3 is
   -99, the numeric code is right). Three features have no numeric code and get the
   code in :data:`NO_NUMERIC`.
4. Rounds coordinates to 0.01 degree (about 1 km, far below what 1:110m resolves) and
   drops the consecutive duplicates that rounding makes.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "mapviewer" / "data" / "basemap-110m.json"
DECIMALS = 2

#: ISO 3166-1 numeric -> alpha-3, for every numeric id in world-atlas 2.0.2's countries-110m.
# fmt: off
ISO_NUMERIC_TO_ALPHA3 = {
    "004": "AFG", "008": "ALB", "010": "ATA", "012": "DZA", "024": "AGO", "031": "AZE", "032": "ARG", "036": "AUS",
    "040": "AUT", "044": "BHS", "050": "BGD", "051": "ARM", "056": "BEL", "064": "BTN", "068": "BOL", "070": "BIH",
    "072": "BWA", "076": "BRA", "084": "BLZ", "090": "SLB", "096": "BRN", "100": "BGR", "104": "MMR", "108": "BDI",
    "112": "BLR", "116": "KHM", "120": "CMR", "124": "CAN", "140": "CAF", "144": "LKA", "148": "TCD", "152": "CHL",
    "156": "CHN", "158": "TWN", "170": "COL", "178": "COG", "180": "COD", "188": "CRI", "191": "HRV", "192": "CUB",
    "196": "CYP", "203": "CZE", "204": "BEN", "208": "DNK", "214": "DOM", "218": "ECU", "222": "SLV", "226": "GNQ",
    "231": "ETH", "232": "ERI", "233": "EST", "238": "FLK", "242": "FJI", "246": "FIN", "250": "FRA", "260": "ATF",
    "262": "DJI", "266": "GAB", "268": "GEO", "270": "GMB", "275": "PSE", "276": "DEU", "288": "GHA", "300": "GRC",
    "304": "GRL", "320": "GTM", "324": "GIN", "328": "GUY", "332": "HTI", "340": "HND", "348": "HUN", "352": "ISL",
    "356": "IND", "360": "IDN", "364": "IRN", "368": "IRQ", "372": "IRL", "376": "ISR", "380": "ITA", "384": "CIV",
    "388": "JAM", "392": "JPN", "398": "KAZ", "400": "JOR", "404": "KEN", "408": "PRK", "410": "KOR", "414": "KWT",
    "417": "KGZ", "418": "LAO", "422": "LBN", "426": "LSO", "428": "LVA", "430": "LBR", "434": "LBY", "440": "LTU",
    "442": "LUX", "450": "MDG", "454": "MWI", "458": "MYS", "466": "MLI", "478": "MRT", "484": "MEX", "496": "MNG",
    "498": "MDA", "499": "MNE", "504": "MAR", "508": "MOZ", "512": "OMN", "516": "NAM", "524": "NPL", "528": "NLD",
    "540": "NCL", "548": "VUT", "554": "NZL", "558": "NIC", "562": "NER", "566": "NGA", "578": "NOR", "586": "PAK",
    "591": "PAN", "598": "PNG", "600": "PRY", "604": "PER", "608": "PHL", "616": "POL", "620": "PRT", "624": "GNB",
    "626": "TLS", "630": "PRI", "634": "QAT", "642": "ROU", "643": "RUS", "646": "RWA", "682": "SAU", "686": "SEN",
    "688": "SRB", "694": "SLE", "703": "SVK", "704": "VNM", "705": "SVN", "706": "SOM", "710": "ZAF", "716": "ZWE",
    "724": "ESP", "728": "SSD", "729": "SDN", "732": "ESH", "740": "SUR", "748": "SWZ", "752": "SWE", "756": "CHE",
    "760": "SYR", "762": "TJK", "764": "THA", "768": "TGO", "780": "TTO", "784": "ARE", "788": "TUN", "792": "TUR",
    "795": "TKM", "800": "UGA", "804": "UKR", "807": "MKD", "818": "EGY", "826": "GBR", "834": "TZA", "840": "USA",
    "854": "BFA", "858": "URY", "860": "UZB", "862": "VEN", "887": "YEM", "894": "ZMB",
}
# fmt: on

#: Features without a numeric id in world-atlas, by name. Kosovo has no ISO code: XKX is the
#: user-assigned code the European Commission, the World Bank and Unicode CLDR use.
#: Northern Cyprus and Somaliland have none either: Natural Earth's ADM0_A3 codes.
NO_NUMERIC = {"Kosovo": "XKX", "N. Cyprus": "CYN", "Somaliland": "SOL"}


# -- TopoJSON --------------------------------------------------------------------------
def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc (quantized arcs are delta-encoded)."""
    tf = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if tf is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = tf["scale"], tf["translate"]
        x = y = 0
        pts = []
        for p in arc:
            x += p[0]
            y += p[1]
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def stitch(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    """One ring from its arc indices; a negative index ``~i`` is arc ``i`` reversed.

    Consecutive arcs share their joining point, which is kept once.
    """
    ring: list[tuple[float, float]] = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def geometry_rings(arcs, geometry: dict) -> list[list[tuple[float, float]]]:
    """All rings (outer and holes) of a Polygon or MultiPolygon geometry."""
    kind = geometry["type"]
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    return [stitch(arcs, ring) for poly in polygons for ring in poly]


# -- antimeridian ----------------------------------------------------------------------
def _wrap(d: float) -> float:
    """A longitude difference brought into [-180, 180)."""
    return (d + 180.0) % 360.0 - 180.0


def _clip(ring: list[tuple[float, float]], x: float, keep_left: bool) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a closed ring on one side of the line lon = x.

    A concave ring may come out with zero-width parts along the line; they lie on the
    map's edge, where :mod:`mapviewer.geo` does not draw outlines.
    """

    def inside(p):
        return p[0] <= x if keep_left else p[0] >= x

    out: list[tuple[float, float]] = []
    n = len(ring)
    for k in range(n):
        cur, prev = ring[k], ring[k - 1]
        if inside(cur):
            if not inside(prev):
                out.append(_cross(prev, cur, x))
            out.append(cur)
        elif inside(prev):
            out.append(_cross(prev, cur, x))
    return out


def _cross(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def cut_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Split a closed (lon, lat) ring at lon = +-180 into rings inside [-180, 180].

    Longitudes are unwrapped first (each step taken the short way round), so a ring that
    crosses the antimeridian becomes one continuous ring reaching past 180; it is then
    clipped to each 360-degree window and shifted back. A ring that goes round a pole
    (its unwrapped end is 360 degrees from its start, as Antarctica's) is closed along
    the pole first. Rings that do not cross come back unchanged.
    """
    if len(ring) < 4:
        return [ring]
    lons = [ring[0][0]]
    for (a, _), (b, _) in itertools.pairwise(ring):
        lons.append(lons[-1] + _wrap(b - a))
    if all(-180.0 <= x <= 180.0 for x in lons) and lons[-1] == ring[-1][0]:
        return [ring]
    pts = [(x, p[1]) for x, p in zip(lons, ring, strict=True)]
    winding = round((lons[-1] - lons[0]) / 360.0)
    if winding:
        pole = math.copysign(90.0, sum(p[1] for p in ring))
        pts = [*pts[:-1], (pts[-1][0], pole), (pts[0][0], pole), pts[0]]
    else:
        pts = pts[:-1]  # open ring for clipping
    lo, hi = math.floor((min(lons) + 180.0) / 360.0), math.floor((max(lons) + 180.0) / 360.0)
    pieces = []
    for k in range(lo, hi + 1):
        west, east = -180.0 + 360.0 * k, 180.0 + 360.0 * k
        part = _clip(_clip(pts, west, keep_left=False), east, keep_left=True)
        if len(part) >= 3:
            shifted = [(x - 360.0 * k, y) for x, y in part]
            pieces.append([*shifted, shifted[0]])
    return pieces


# -- output ----------------------------------------------------------------------------
def _round_ring(ring: list[tuple[float, float]]) -> list[float]:
    """Flat [lon0, lat0, lon1, lat1, ...], rounded, consecutive duplicates dropped."""
    flat: list[float] = []
    last = None
    for x, y in ring:
        p = (round(x, DECIMALS) + 0.0, round(y, DECIMALS) + 0.0)  # + 0.0 turns -0.0 into 0.0
        if p != last:
            flat.extend(p)
            last = p
    return flat


def _area(flat: list[float]) -> float:
    xs, ys = flat[0::2], flat[1::2]
    return 0.5 * abs(sum(xs[i] * ys[i + 1] - xs[i + 1] * ys[i] for i in range(len(xs) - 1)))


def build(topology: dict, *, source_name: str, sha256: str) -> dict:
    """The basemap document for ``topology`` (a parsed world-atlas countries file)."""
    arcs = decode_arcs(topology)
    countries = []
    for geom in topology["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name", "")
        numeric = geom.get("id")
        if numeric is not None:
            key = ISO_NUMERIC_TO_ALPHA3.get(str(numeric))
            if key is None:
                raise SystemExit(f"no alpha-3 code for numeric id {numeric} ({name}): extend the table")
        elif name in NO_NUMERIC:
            key = NO_NUMERIC[name]
        else:
            raise SystemExit(f"feature {name!r} has no id and no code in NO_NUMERIC")
        rings = []
        for ring in geometry_rings(arcs, geom):
            for piece in cut_antimeridian(ring):
                flat = _round_ring(piece)
                # a piece that rounding collapsed (a sliver along the cut) is dropped
                if len(flat) >= 8 and _area(flat) > 0:
                    rings.append(flat)
        countries.append({"key": key, "name": name, "iso_n3": numeric, "rings": rings})
    keys = [c["key"] for c in countries]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise SystemExit(f"duplicate keys: {dupes}")
    countries.sort(key=lambda c: c["key"])
    return {
        "format": "mapviewer-basemap",
        "version": 1,
        "source": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries (v4.1.0), "
        "as TopoJSON in the npm package world-atlas 2 (countries-110m.json)",
        "source_file": source_name,
        "source_sha256": sha256,
        "licence": "Public domain (Natural Earth); see BASEMAP.md",
        "coordinates": f"WGS84 longitude, latitude in degrees, rounded to {DECIMALS} decimals",
        "rings": "per country, closed rings as flat [lon0, lat0, lon1, lat1, ...]; "
        "fill a country's rings together with the odd-even rule (holes are rings too)",
        "countries": countries,
    }


def dumps(doc: dict) -> str:
    """Compact JSON with one country per line (diffable, ~200 KB)."""
    head = {k: v for k, v in doc.items() if k != "countries"}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "countries": [']
    body = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in doc["countries"]]
    lines.append(",\n".join(body))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("topojson", type=Path, help="countries-110m.json from the world-atlas npm package")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    raw = args.topojson.read_bytes()
    doc = build(json.loads(raw), source_name=args.topojson.name, sha256=hashlib.sha256(raw).hexdigest())
    args.output.write_text(dumps(doc), encoding="utf-8")
    n = sum(len(r) // 2 for c in doc["countries"] for r in c["rings"])
    print(f"{args.output}: {len(doc['countries'])} countries, {n} points, {args.output.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
