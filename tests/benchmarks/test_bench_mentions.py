"""Mention-finding throughput on ~2 MB of generated text, against a plain word scan."""

from __future__ import annotations

import random
import re
import time

import pytest

from mapviewer.extract.gazetteer import Gazetteer
from mapviewer.extract.mentions import find_mentions
from mapviewer.seeds import default_seed


def _corpus(target_bytes: int, seed: int = 0) -> str:
    """Sentences of the seed article, shuffled, with names swapped among gazetteer forms
    and some misspelled, so the text has both hits and fuzzy candidates."""
    rng = random.Random(seed)
    sentences = re.split(r"(?<=[.!?])\s+", default_seed().article().text)
    names = [e.name for e in Gazetteer.default() if len(e.name) > 3]
    out: list[str] = []
    size = 0
    while size < target_bytes:
        s = rng.choice(sentences)
        if rng.random() < 0.3:
            s = s.replace("Azerbaijan", rng.choice(names))
        if rng.random() < 0.05:
            w = rng.choice(names)
            i = rng.randrange(1, len(w) - 1)
            s += f" {w[:i]}{w[i + 1 :]} too."
        out.append(s)
        size += len(s) + 1
    return " ".join(out)


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.benchmark
def test_bench_find_mentions_throughput():
    text = _corpus(2_000_000)
    mb = len(text.encode("utf-8")) / 1e6
    gaz = Gazetteer.default()
    t0 = time.perf_counter()
    find_mentions("warm up Azerbaijan", gaz)  # builds the matcher once
    build = time.perf_counter() - t0

    word_rx = re.compile(r"\w+")
    baseline = _best(lambda: sum(1 for _ in word_rx.finditer(text)))
    ours = _best(lambda: find_mentions(text, gaz))
    n = len(find_mentions(text, gaz))
    print(
        f"\n{mb:.2f} MB, {n} mentions; matcher build {build * 1e3:.0f} ms"
        f"\n  baseline re.finditer(r'\\w+'): {baseline * 1e3:.0f} ms = {mb / baseline:.1f} MB/s"
        f"\n  find_mentions:                 {ours * 1e3:.0f} ms = {mb / ours:.1f} MB/s"
        f"  ({ours / baseline:.1f}x the baseline)"
    )
    assert n > 0
