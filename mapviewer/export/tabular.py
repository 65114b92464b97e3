"""CSV export: one row per evidence span, for spreadsheets and pandas.

Columns: ``relation`` (index in the map, to group rows), ``source``, ``target``,
``source_name``, ``target_name``, ``types`` (joined with ``"; "``), ``valence``,
``directed`` (``true``/``false``), ``article``, ``start``, ``end``, ``quote``.
A relation without evidence still gets one row, with the evidence columns empty, so
no relation is lost.

Encoding: UTF-8 with a byte-order mark. Excel opens a CSV as the legacy ANSI code page
unless it starts with a BOM (and shows "Nagornoâ€"Karabakh"); LibreOffice, Google
Sheets, pandas (``encoding="utf-8-sig"``) and Python's csv module read it cleanly.
Rows end in CRLF as RFC 4180 says, and fields holding commas, quotes or line breaks
are quoted, so multi-line quotes round-trip through ``csv.reader``. Quotes are written
verbatim (never altered), so a quote starting with ``=`` would be taken for a formula
by a spreadsheet that is set to evaluate CSV formulas.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..model import RelationMap
from ._files import write_atomic

__all__ = ["CSV_COLUMNS", "csv_rows", "write_csv"]

CSV_COLUMNS = (
    "relation",
    "source",
    "target",
    "source_name",
    "target_name",
    "types",
    "valence",
    "directed",
    "confidence",
    "note",
    "article",
    "start",
    "end",
    "quote",
)


def csv_rows(m: RelationMap) -> list[list[str]]:
    """The rows (header first) as strings, in map order."""
    names = {a.id: a.name for a in m.actors}
    rows = [list(CSV_COLUMNS)]
    for i, r in enumerate(m.relations):
        head = [
            str(i),
            r.source,
            r.target,
            names.get(r.source, r.source),
            names.get(r.target, r.target),
            "; ".join(r.types),
            r.valence,
            "true" if r.directed else "false",
            f"{r.confidence:.3g}",
            r.note,
        ]
        if not r.evidence:
            rows.append([*head, "", "", "", ""])
        for e in r.evidence:
            rows.append([*head, e.article, str(e.start), str(e.end), e.quote])
    return rows


def write_csv(m: RelationMap, path: Path) -> None:
    """Write the evidence table of ``m`` to ``path`` (UTF-8 with BOM, CRLF rows)."""
    buf = io.StringIO(newline="")
    csv.writer(buf, dialect="excel").writerows(csv_rows(m))
    data = buf.getvalue().encode("utf-8-sig")
    write_atomic(Path(path), lambda fh: fh.write(data))
