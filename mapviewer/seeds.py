"""The seed articles shipped with mapviewer, read with :mod:`importlib.resources`.

The same code works from a source checkout (editable install), an installed wheel
and a frozen bundle.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from .model import Article, RelationMap

__all__ = ["Seed", "default_seed", "seeds"]


@dataclass(frozen=True, slots=True)
class Seed:
    id: str
    file: str
    map: str | None
    title: str
    source: str
    published: str

    def article(self) -> Article:
        """The seed article, its text byte for byte as shipped."""
        raw = (resources.files("mapviewer._seeds") / self.file).read_bytes()
        return Article(
            id=self.id,
            text=raw.decode("utf-8"),
            title=self.title,
            source=self.source,
            published=self.published,
            path=self.file,
        )

    def curated_map(self) -> RelationMap | None:
        """The hand-curated map of the seed, or None if it has none."""
        if not self.map:
            return None
        from . import relmap

        res = resources.files("mapviewer._seeds") / self.map
        if not res.is_file():
            return None
        m = relmap.loads(res.read_text(encoding="utf-8"))
        for a in m.articles:
            a.path = self.file
        return m


def seeds() -> list[Seed]:
    data = json.loads((resources.files("mapviewer._seeds") / "catalog.json").read_text(encoding="utf-8"))
    return [Seed(**{k: s.get(k) for k in Seed.__dataclass_fields__}) for s in data["seeds"]]


def default_seed() -> Seed:
    data = json.loads((resources.files("mapviewer._seeds") / "catalog.json").read_text(encoding="utf-8"))
    return next(s for s in seeds() if s.id == data["default"])
