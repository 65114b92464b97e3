"""Quality of the automatic extractor against hand-made maps.

Figures: pair precision and recall (unordered actor pairs), valence agreement on the
matched pairs, and evidence overlap (the share of gold evidence sentences that some
predicted evidence span of the same pair overlaps). On the seed the gold is the curated
map; on the fixture articles (tests/fixtures/articles) it is ``gold.json``, written by
hand, whose "optional" pairs count neither way.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_extract_quality.py -m benchmark -s``
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapviewer.extract import extract_relations, map_article, sentence_spans
from mapviewer.model import RelationMap
from mapviewer.seeds import default_seed

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
GOLD = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))


def _combine(valences: set[str]) -> str:
    v = set(valences) - {"neutral"}
    if "mixed" in v or {"cooperative", "hostile"} <= v:
        return "mixed"
    return next(iter(v)) if v else "neutral"


def _pairs(m: RelationMap) -> dict[frozenset, dict]:
    out: dict[frozenset, dict] = {}
    for r in m.relations:
        p = out.setdefault(frozenset((r.source, r.target)), {"valences": set(), "spans": []})
        p["valences"].add(r.valence)
        p["spans"] += [(e.start, e.end) for e in r.evidence]
    return out


def score(pred: RelationMap, gold: dict[frozenset, dict], optional: set[frozenset] = frozenset()) -> dict:
    """Pair precision/recall, valence agreement and evidence overlap of ``pred`` vs ``gold``."""
    pp = _pairs(pred)
    counted = {p for p in pp if p not in optional}
    tp = counted & set(gold)
    val = [(_combine(pp[p]["valences"]) == _combine(gold[p]["valences"])) for p in tp]
    covered = total = 0
    for p, g in gold.items():
        for s, e in g["spans"]:
            total += 1
            if p in pp and any(ps < e and pe > s for ps, pe in pp[p]["spans"]):
                covered += 1
    return {
        "precision": len(tp) / len(counted) if counted else 1.0,
        "recall": len(tp) / len(gold) if gold else 1.0,
        "valence": sum(val) / len(val) if val else 1.0,
        "evidence": covered / total if total else 1.0,
        "fp": sorted(tuple(sorted(p)) for p in counted - set(gold)),
        "fn": sorted(tuple(sorted(p)) for p in set(gold) - counted),
        "n_gold": len(gold),
        "n_pred": len(counted),
    }


def gold_of_curated(m: RelationMap) -> dict[frozenset, dict]:
    return _pairs(m)


class _Optional(frozenset):
    """Optional pairs, and any pair with an actor of ``gold.json``'s ``_unscored`` list (added to
    the gazetteer after the gold was written, so no writer could name it)."""

    unscored: frozenset = frozenset(GOLD.get("_unscored", ()))

    def __contains__(self, pair) -> bool:
        return frozenset.__contains__(self, pair) or not self.unscored.isdisjoint(pair)


def gold_of_fixture(name: str, text: str) -> tuple[dict[frozenset, dict], set[frozenset], list[frozenset]]:
    """Gold pairs with sentence spans located in ``text``; optional (see :class:`_Optional`) and
    absent pairs."""
    spec = GOLD[name]
    bounds = sentence_spans(text)
    gold: dict[frozenset, dict] = {}
    for g in spec["pairs"]:
        spans = []
        for needle in g["evidence"]:
            i = text.find(needle)
            assert i >= 0, f"{name}: gold evidence not in the article: {needle!r}"
            spans += [(s, e) for s, e in bounds if s < i + len(needle) and e > i]
        gold[frozenset((g["a"], g["b"]))] = {"valences": {g["valence"]}, "spans": spans}
    optional = _Optional(frozenset(p) for p in spec["optional"])
    absent = [frozenset(p) for p in spec["absent"]]
    return gold, optional, absent


def _print(name: str, s: dict) -> None:
    print(
        f"{name:<42} P={s['precision']:.2f} R={s['recall']:.2f} valence={s['valence']:.2f} "
        f"evidence={s['evidence']:.2f} (gold {s['n_gold']}, predicted {s['n_pred']})"
    )
    if s["fp"]:
        print(f"{'':<42} false pairs: {s['fp']}")
    if s["fn"]:
        print(f"{'':<42} missed: {s['fn']}")


@pytest.mark.benchmark
def test_quality_on_the_seed():
    seed = default_seed()
    curated = seed.curated_map()
    assert curated is not None
    pred = extract_relations(seed.article())
    s = score(pred, gold_of_curated(curated))
    print()
    _print("seed " + seed.id, s)
    assert pred.curated is False
    assert s["n_pred"] > 0


@pytest.mark.benchmark
def test_quality_on_the_fixture_articles():
    print()
    # Held-out articles ("*_heldout.*") were written and labelled by other hands before the rules
    # saw them and are never used to tune them: their figure is the honest one for unseen text.
    # "*_dev.*" articles were held out once and are now being tuned on. The learned pair scorer
    # (resources/scripts/train_pair_model.py) is fitted on every fixture but the held-out ones.
    tot = {"tp": 0, "pred": 0, "gold": 0}
    held = {"tp": 0, "pred": 0, "gold": 0}
    dev = {"tp": 0, "pred": 0, "gold": 0}
    violations = []
    held_violations = 0
    for name in sorted(GOLD):
        if name.startswith("_"):
            continue
        m = map_article(FIXTURES / name)
        gold, optional, absent = gold_of_fixture(name, m.articles[0].text)
        s = score(m, gold, optional)
        is_held = "_heldout." in name
        if not is_held:
            # Held-out articles are reported only in aggregate: whoever tunes the rules reads
            # this output, and a held-out miss read is a held-out article spent.
            _print(name, s)
        tp = round(s["precision"] * s["n_pred"])
        group = (held,) if is_held else (dev,) if "_dev." in name else ()
        for acc in (tot, *group):
            acc["tp"] += tp
            acc["pred"] += s["n_pred"]
            acc["gold"] += s["n_gold"]
        pred_pairs = set(_pairs(m))
        hits = [(name, tuple(sorted(p))) for p in absent if p in pred_pairs]
        if is_held:
            held_violations += len(hits)
        else:
            violations += hits
    print(
        f"{'all fixtures (micro)':<42} P={tot['tp'] / max(1, tot['pred']):.2f} "
        f"R={tot['tp'] / max(1, tot['gold']):.2f}; forbidden pairs predicted outside the held-out "
        f"set: {violations or 'none'}; in it: {held_violations}"
    )
    tuned = {k: tot[k] - held[k] - dev[k] for k in tot}
    for label, acc in (
        ("tuned-on fixtures (micro)", tuned),
        ("once held out, now tuned on (micro)", dev),
        ("held-out, never tuned (micro)", held),
    ):
        print(f"{label:<42} P={acc['tp'] / max(1, acc['pred']):.2f} R={acc['tp'] / max(1, acc['gold']):.2f}")
    assert tot["pred"] > 0
