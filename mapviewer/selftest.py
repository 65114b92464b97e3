"""``mapviewer --self-test``: check an installation (or a frozen bundle) end to end, offscreen.

Each step prints what it checked; the first failing step ends the run with a non-zero status
that names it. Nothing touches the network.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

__all__ = ["run_self_test"]


def _step_data(ctx: dict) -> str:
    import json
    from importlib import resources

    data = resources.files("mapviewer.data")
    sizes = []
    for name in ("gazetteer.json", "basemap-110m.json", "pair_model.json"):
        raw = (data / name).read_bytes()
        json.loads(raw)
        sizes.append(f"{name} {len(raw) // 1024} KB")
    png = (data / "icon-256.png").read_bytes()
    if not png.startswith(b"\x89PNG"):
        raise AssertionError("icon-256.png is not a PNG")
    return ", ".join(sizes) + ", icon"


def _step_seed(ctx: dict) -> str:
    from .seeds import default_seed

    seed = default_seed()
    article = seed.article()
    if len(article.text) < 1000:
        raise AssertionError(f"seed article is only {len(article.text)} characters")
    ctx["seed"], ctx["article"] = seed, article
    return f"seed article '{seed.id}' read ({len(article.text)} characters)"


def _step_curated(ctx: dict) -> str:
    m = ctx["seed"].curated_map()
    if m is None:
        raise AssertionError("the seed has no curated map")
    text = ctx["article"].text
    if m.article().text != text:
        raise AssertionError("the curated map's article differs from the seed text")
    bad = [e for _, e in m.iter_evidence() if not e.check(text)]
    if bad:
        raise AssertionError(f"{len(bad)} evidence span(s) do not match the text")
    n_ev = sum(1 for _ in m.iter_evidence())
    ctx["map"] = m
    return f"curated map valid: {len(m.actors)} actors, {len(m.relations)} relations, {n_ev} evidence spans"


def _step_extract(ctx: dict) -> str:
    from .extract import extract_relations

    auto = extract_relations(ctx["article"])
    if not auto.relations:
        raise AssertionError("extraction found no relations in the seed")
    text = ctx["article"].text
    if any(not e.check(text) for _, e in auto.iter_evidence()):
        raise AssertionError("an extracted evidence span does not match the text")
    gold = {frozenset((r.source, r.target)) for r in ctx["map"].relations}
    found = {frozenset((r.source, r.target)) for r in auto.relations}
    recall = len(gold & found) / len(gold) if gold else 1.0
    return f"{len(auto.actors)} actors, {len(auto.relations)} relations (pair recall {recall:.2f})"


def _step_render(ctx: dict) -> str:
    from .ui.render import render_png

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "selftest.png"
        render_png(ctx["map"], out)
        data = out.read_bytes()
        if not data.startswith(b"\x89PNG") or len(data) < 10_000:
            raise AssertionError(f"rendered PNG looks wrong ({len(data)} bytes)")
        return f"map rendered offscreen to PNG ({len(data) // 1024} KB)"


def _step_about(ctx: dict) -> str:
    # The About dialog's versions and licences come from the packages' metadata, which a frozen
    # bundle has only if the build copied it.
    from .ui.about import components

    comps = components()
    missing = [
        c.name for c in comps if c.version in ("not installed", "unknown") or c.licence == "see the package"
    ]
    if missing:
        raise AssertionError(f"no version or licence for {', '.join(missing)}")
    return f"versions and licences of {len(comps)} components"


STEPS: list[tuple[str, Callable[[dict], str]]] = [
    ("data files", _step_data),
    ("seed", _step_seed),
    ("curated map", _step_curated),
    ("extraction", _step_extract),
    ("render", _step_render),
    ("about", _step_about),
]


def run_self_test(out=None) -> int:
    """Run every step; return 0 when all pass, else the 1-based number of the failing step.

    Output goes to ``out`` (stdout by default): one ``ok``/``FAIL`` line per step, then
    ``self-test passed``. ``MAPVIEWER_DEBUG=1`` adds the failing step's traceback on stderr.
    """
    out = out or sys.stdout
    if "PySide6.QtGui" not in sys.modules:
        # Headless whatever the desktop: Qt aborts without a display on its default platform.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from . import __version__

    where = "frozen" if getattr(sys, "frozen", False) else "source"
    print(f"mapviewer {__version__} self-test ({where}, Python {sys.version.split()[0]})", file=out)
    ctx: dict = {}
    for i, (name, step) in enumerate(STEPS, 1):
        t0 = time.perf_counter()
        try:
            msg = step(ctx)
        except Exception as exc:  # a self-test reports any failure as a failed step
            print(f"FAIL {i}/{len(STEPS)} {name}: {exc}", file=out)
            if os.environ.get("MAPVIEWER_DEBUG"):
                traceback.print_exc()
            return i
        dt = (time.perf_counter() - t0) * 1000
        print(f"ok   {i}/{len(STEPS)} {name}: {msg} [{dt:.0f} ms]", file=out)
    print("self-test passed", file=out)
    return 0
