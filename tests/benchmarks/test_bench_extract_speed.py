"""Extraction throughput on one core, with the sentence splitter alone as the baseline.

A ~5 MB corpus is built by repeating the fixture articles with actor names rotated
(so the text varies), then split into articles of ~20 KB, a long feature each.
Prints MB/s; never fails on speed (target: >= 1 MB/s for the whole extractor).

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_extract_speed.py -m benchmark -s``
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mapviewer.extract import extract_relations, read_article, sentence_spans
from mapviewer.extract.mentions import find_mentions
from mapviewer.extract.reader import article_from_text
from mapviewer.extract.relations import _Extractor
from mapviewer.seeds import default_seed

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
ROTATE = [("Ethiopia", "Kenya"), ("Pakistan", "Bangladesh"), ("Ukraine", "Moldova"), ("Mali", "Guinea"),
          ("Saudi Arabia", "Jordan"), ("Russia", "Iran"), ("China", "Japan")]


def _corpus(target_bytes: int = 5_000_000, chunk: int = 20_000) -> list[str]:
    base = [read_article(p).text for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    base.append(default_seed().article().text)
    parts: list[str] = []
    size = 0
    i = 0
    while size < target_bytes:
        t = base[i % len(base)]
        a, b = ROTATE[(i // len(base)) % len(ROTATE)]
        if (i // len(base)) % 2:
            t = t.replace(a, b)
        parts.append(t)
        size += len(t.encode("utf-8"))
        i += 1
    text = "\n\n".join(parts)
    return [text[k : k + chunk] for k in range(0, len(text), chunk)]


@pytest.mark.benchmark
def test_extraction_throughput():
    docs = _corpus()
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    articles = [article_from_text(d) for d in docs]
    find_mentions("warm-up: Israel and Turkey")  # build the matcher once, outside the timing

    t0 = time.perf_counter()
    n_sent = sum(len(sentence_spans(d)) for d in docs)
    t_split = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_ment = sum(len(find_mentions(d)) for d in docs)
    t_ment = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_rules = sum(len(_Extractor(a, scorer=None).run(None, None).relations) for a in articles)
    t_rules = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_rel = sum(len(extract_relations(a).relations) for a in articles)
    t_all = time.perf_counter() - t0

    seed = default_seed().article()
    t0 = time.perf_counter()
    extract_relations(seed)
    t_seed = time.perf_counter() - t0

    print()
    print(f"corpus: {mb:.1f} MB in {len(docs)} articles, {n_sent} sentences, {n_ment} mentions, {n_rel} relations")
    print(f"sentence splitter alone (baseline): {mb / t_split:7.1f} MB/s ({t_split:.2f} s)")
    print(f"mention finder alone:               {mb / t_ment:7.1f} MB/s ({t_ment:.2f} s)")
    print(f"rules alone (no pair scorer):       {mb / t_rules:7.2f} MB/s ({t_rules:.2f} s, {n_rules} relations)")
    print(f"whole extractor:                    {mb / t_all:7.2f} MB/s ({t_all:.2f} s; target >= 1 MB/s)")
    print(f"seed article ({len(seed.text) / 1e3:.1f} KB): {t_seed * 1e3:.1f} ms")
    assert n_rel > 0
