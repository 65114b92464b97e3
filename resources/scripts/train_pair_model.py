"""Fit the pair scorer (``mapviewer/data/pair_model.json``) on the hand-labelled fixtures.

Every fixture article in ``tests/fixtures/articles`` with gold in ``gold.json`` is used, except
the held-out ones (``*_heldout.*``), which are only ever measured. The extractor runs with the
rules alone; each candidate (an actor pair in a sentence with a cue word) is labelled 1 when the
gold lists the pair and quotes that sentence as its evidence. An L2-regularised logistic
regression is fitted by Newton's method (deterministic: no random start). The threshold is the
lowest on a grid whose cross-validated precision (folds by article, ``seed=0``) reaches
``PRECISION_FLOOR``: the issue's 0.85 for unseen articles plus the 0.07 by which never-seen
articles have run below cross-validation. The cross-validated figures go into the model's ``info``.

Run: ``.venv/bin/python resources/scripts/train_pair_model.py [--check]``. ``--check`` prints the
figures and compares with the shipped file instead of writing it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from mapviewer.extract import read_article, sentence_spans  # noqa: E402
from mapviewer.extract._scorer import FEATURES, PairModel  # noqa: E402
from mapviewer.extract.relations import _Extractor  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
OUT = ROOT / "mapviewer" / "data" / "pair_model.json"
L2 = 1.0
ABSENT_WEIGHT = 10.0
FOLDS = 6
GRID = [round(0.3 + 0.05 * k, 2) for k in range(13)]  # 0.30 ... 0.90
# Cross-validated pair precision the threshold must reach (see the module docstring).
PRECISION_FLOOR = 0.92


def _article_rows(name: str, spec: dict, unscored: frozenset = frozenset()) -> dict:
    """Candidates, features and labels of one fixture, with the rules' own pairs."""
    article = read_article(FIXTURES / name)
    text = article.text
    x = _Extractor(article, scorer=None)
    x.keep_candidates = True
    m = x.run(None, None)
    counts: dict[str, int] = {}
    for mention in x._mentions:
        counts[mention.actor] = counts.get(mention.actor, 0) + 1
    bounds = sentence_spans(text)
    gold_sents: dict[frozenset, set[int]] = {}
    for g in spec["pairs"]:
        sents = gold_sents.setdefault(frozenset((g["a"], g["b"])), set())
        for needle in g["evidence"]:
            i = text.find(needle)
            if i < 0:
                raise SystemExit(f"{name}: gold evidence not in the article: {needle!r}")
            sents |= {k for k, (s, e) in enumerate(bounds) if s < i + len(needle) and e > i}
    rules = {frozenset((r.source, r.target)) for r in m.relations}
    # Trained on every candidate, though the extractor only scores the pairs the rules missed:
    # the pairs the rules found teach what a stated relation looks like (measured: fitting on
    # the missed pairs alone lost 3-5 points of held-out recall).
    cands, rows = x.candidates(counts)
    # Actors added to the gazetteer after the gold was written: no writer could label their pairs.
    keep = [k for k, (_, a, b, _) in enumerate(cands) if a not in unscored and b not in unscored]
    cands, rows = [cands[k] for k in keep], rows[keep].reshape(len(keep), len(FEATURES))
    labels = np.array([float(si in gold_sents.get(frozenset((a, b)), ())) for si, a, b, _ in cands])
    absent = {frozenset(p) for p in spec["absent"]}
    # The traps a writer named (lists, negations, places) weigh more than other negatives: ten times
    # kept cross-validated recall and cut the forbidden pairs predicted (measured against 3x).
    weights = np.array([ABSENT_WEIGHT if frozenset((a, b)) in absent else 1.0 for _, a, b, _ in cands])
    return {
        "name": name,
        "pairs": [frozenset((a, b)) for _, a, b, _ in cands],
        "rows": rows,
        "labels": labels,
        "weights": weights,
        "rules": {p for p in rules if unscored.isdisjoint(p)},
        "gold": set(gold_sents),
        "optional": {frozenset(p) for p in spec["optional"]},
        "absent": absent,
    }


def fit(rows: np.ndarray, labels: np.ndarray, weights: np.ndarray, l2: float = L2) -> PairModel:
    """Standardise ``rows`` and fit the logistic weights (each row weighing ``weights``) by
    Newton's method."""
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    z = (rows - mean) / scale
    w = np.zeros(z.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-z @ w))
        grad = z.T @ (weights * (p - labels)) + l2 * w
        hess = (z * (weights * p * (1 - p))[:, None]).T @ z + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return PairModel(mean, scale, w, threshold=0.5, info={})


def pair_probabilities(model: PairModel, art: dict) -> dict[frozenset, float]:
    """Noisy-or over each pair's sentences, as the extractor combines them."""
    out: dict[frozenset, float] = {}
    if len(art["pairs"]):
        for pair, p in zip(art["pairs"], model.probabilities(art["rows"]), strict=True):
            out[pair] = 1.0 - (1.0 - out.get(pair, 0.0)) * (1.0 - float(p))
    return out


def figures(arts: list[dict], probs: dict[str, dict[frozenset, float]], threshold: float | None) -> dict:
    """Micro pair precision and recall of the rules plus the pairs added at ``threshold``."""
    tp = fp = n_gold = forbidden = 0
    for art in arts:
        pred = {p for p in art["rules"] if p not in art["optional"]}
        if threshold is not None:
            add = {p for p, v in probs[art["name"]].items() if v >= threshold and p not in art["optional"]}
            forbidden += len((add - art["rules"]) & art["absent"])
            pred |= add
        tp += len(pred & art["gold"])
        fp += len(pred - art["gold"])
        n_gold += len(art["gold"])
    return {"precision": round(tp / max(1, tp + fp), 3), "recall": round(tp / max(1, n_gold), 3), "forbidden": forbidden}


def train(seed: int = 0) -> tuple[PairModel, dict]:
    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    names = sorted(n for n in gold if not n.startswith("_") and "_heldout." not in n)
    unscored = frozenset(gold.get("_unscored", ()))
    arts = [_article_rows(n, gold[n], unscored) for n in names]
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(arts))
    cv: dict[str, dict[frozenset, float]] = {}
    for f in range(FOLDS):
        test = {int(k) for k in order[f::FOLDS]}
        tr = [a for k, a in enumerate(arts) if k not in test]
        m = fit(*(np.concatenate([a[k] for a in tr]) for k in ("rows", "labels", "weights")))
        for k in test:
            cv[arts[k]["name"]] = pair_probabilities(m, arts[k])
    rules = figures(arts, cv, None)
    table = {t: figures(arts, cv, t) for t in GRID}
    ok = [t for t in GRID if table[t]["precision"] >= PRECISION_FLOOR]
    threshold = ok[0] if ok else GRID[-1]
    model = fit(*(np.concatenate([a[k] for a in arts]) for k in ("rows", "labels", "weights")))
    info = {
        "articles": len(arts),
        "candidates": int(sum(len(a["labels"]) for a in arts)),
        "positives": int(sum(a["labels"].sum() for a in arts)),
        "l2": L2,
        "absent_weight": ABSENT_WEIGHT,
        "cv_rules_alone": rules,
        "cv_with_scorer": table[threshold],
    }
    model = PairModel(model.mean, model.scale, model.weights, threshold=threshold, info=info)
    return model, table


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped model; write nothing")
    args = ap.parse_args()
    model, table = train()
    for t, f in table.items():
        mark = "  <- threshold" if t == model.threshold else ""
        print(f"threshold {t:.2f}: cross-validated P={f['precision']:.3f} R={f['recall']:.3f} forbidden={f['forbidden']}{mark}")
    print("rules alone:", model.info["cv_rules_alone"])
    text = model.to_json()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("shipped model is up to date" if same else "shipped model differs: rebuild it")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
