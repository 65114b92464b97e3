"""Layout time, map redraw time and responsiveness during a layout, at 2,000 actors / 20,000
relations (generated, seeded). Prints figures next to baselines from the same run; never
fails on speed.

Run: ``.venv/bin/python -m pytest tests/benchmarks/test_bench_layout_redraw.py -m benchmark -s``

* Layout: our force layout vs networkx ``spring_layout`` on the same graph (one run of
  each: spring_layout takes ~9 s here). Target: <= 1 s.
* Redraw: a repaint of the map widget (``viewport().repaint()``, median) vs matplotlib's
  ``nx.draw`` of the same graph to an Agg canvas. Target: <= 16 ms. Also printed: the
  full re-render of the cached base layer (what a zoom step costs once the view is
  still). matplotlib is not a dependency: without it that comparison is skipped with a note.
* Responsiveness: the largest gap between ticks of a 10 ms QTimer while a layout runs
  on the worker thread.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.benchmark

N_ACTORS, N_RELATIONS, SEED = 2000, 20000, 0


def _big_map():
    sys.path.insert(0, str(Path(__file__).parent))
    from test_bench_startup import _big_map as make

    return make(N_ACTORS, N_RELATIONS, seed=SEED)


def _edges(m):
    index = {a: i for i, a in enumerate(m.actor_ids())}
    return np.array([(index[r.source], index[r.target]) for r in m.relations], dtype=np.intp)


def test_force_layout_vs_networkx_spring_layout():
    import networkx as nx

    try:
        import scipy  # spring_layout's solver above 500 nodes
    except ImportError:
        scipy = None

    from mapviewer.arrange import compute_layout, layout_request

    m = _big_map()
    t = time.perf_counter()
    compute_layout(layout_request(m, "force", seed=SEED))
    ours = time.perf_counter() - t
    g = nx.Graph()
    g.add_nodes_from(range(len(m.actors)))
    g.add_edges_from(_edges(m).tolist())
    if scipy is None:
        print("\n  scipy is not installed: networkx spring_layout (its sparse solver) is skipped")
        theirs = float("nan")
    else:
        t = time.perf_counter()
        nx.spring_layout(g, seed=SEED)  # networkx defaults: 50 iterations, one run
        theirs = time.perf_counter() - t
    t = time.perf_counter()
    compute_layout(layout_request(m, "circular", seed=SEED))
    circ = time.perf_counter() - t
    print(
        f"\n[{len(m.actors)} actors, {len(m.relations)} relations]"
        f"\n  force layout (ours): {ours * 1000:.0f} ms (target <= 1000 ms)"
        f"\n  networkx spring_layout (50 iterations, one run): {theirs * 1000:.0f} ms"
        f" -> ours is {theirs / ours:.1f}x faster"
        f"\n  circular layout (ordered by the force layout's angles): {circ * 1000:.0f} ms"
    )


def _window(qtbot, m):
    from PySide6.QtWidgets import QApplication

    from mapviewer.ui.map_view import MapView

    view = MapView()
    # no refit while closing (a queued fit would reach the deleted view box)
    qtbot.addWidget(view, before_close_func=lambda w: setattr(w, "auto_fit", False))
    view.resize(1000, 800)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    from mapviewer.layout import map_positions

    view.set_map(m, map_positions(m, seed=SEED))
    QApplication.processEvents()
    view.fit()
    QApplication.processEvents()
    view._update_view_dependent()
    QApplication.processEvents()
    return view


def test_map_redraw_vs_matplotlib(qtbot):
    m = _big_map()
    view = _window(qtbot, m)
    vp = view.viewport()

    def timed(n, before=None):
        ts = []
        for _ in range(n):
            if before:
                before()
            t = time.perf_counter()
            vp.repaint()
            ts.append(time.perf_counter() - t)
        return statistics.median(ts)

    vp.repaint()
    static = timed(15)
    full = timed(7, view._base.invalidate)
    render = view._base.last_render_s
    t = time.perf_counter()
    view.grab()
    grab = time.perf_counter() - t
    print(
        f"\n[{len(m.actors)} actors, {len(m.relations)} relations, 1000x800 px view]"
        f"\n  map repaint (cached base layer): median {static * 1000:.1f} ms (target <= 16 ms)"
        f"\n  map repaint with a full base-layer render (after a zoom, once still): {full * 1000:.1f} ms"
        f" (of which the render {render * 1000:.1f} ms)"
        f"\n  widget.grab(): {grab * 1000:.1f} ms"
    )
    try:
        import matplotlib
        import scipy  # noqa: F401  (nx.draw needs it for 2,000 nodes)

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import networkx as nx
    except ImportError:
        print("  matplotlib is not installed: the nx.draw comparison is skipped")
        return
    g = nx.Graph()
    g.add_nodes_from(range(len(m.actors)))
    g.add_edges_from(_edges(m).tolist())
    pos = {i: tuple(p) for i, p in enumerate(view.positions().tolist())}
    fig = plt.figure(figsize=(10, 8), dpi=100)
    ts = []
    for _ in range(3):
        fig.clf()
        t = time.perf_counter()
        nx.draw(g, pos, ax=fig.add_subplot(), node_size=20, width=0.5)
        fig.canvas.draw()
        ts.append(time.perf_counter() - t)
    plt.close(fig)
    mpl = statistics.median(ts)
    print(
        f"  matplotlib nx.draw + canvas.draw (Agg, same size): median {mpl * 1000:.0f} ms -> ours is {mpl / static:.0f}x faster"
    )


def test_window_stays_responsive_while_a_layout_runs(qtbot):
    from PySide6.QtCore import QElapsedTimer, QTimer

    from mapviewer.ui.layout_runner import LayoutRunner

    m = _big_map()
    view = _window(qtbot, m)
    runner = LayoutRunner(view, seed=SEED, duration_ms=0)
    applied_at: list[float] = []
    apply_s: list[float] = []
    show = runner._show

    def timed_show(*args, **kwargs):  # the part that runs on the GUI thread
        t0 = time.perf_counter()
        show(*args, **kwargs)
        apply_s.append(time.perf_counter() - t0)

    runner._show = timed_show
    runner.finished.connect(lambda _k: applied_at.append(time.perf_counter()))
    gaps: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer(interval=10)

    def tick():
        if not runner.worker_threads:  # while computing (the tick after it includes the redraw)
            gaps.append(clock.restart())

    timer.timeout.connect(tick)
    # circular: a force layout for the order, then the circle; computed on the worker thread
    clock.start()
    timer.start()
    t = time.perf_counter()
    with qtbot.waitSignal(runner.started, timeout=1000):
        runner.request("circular")
    qtbot.waitUntil(lambda: bool(runner.worker_threads), timeout=20000)
    gaps_during = list(gaps[1:])
    qtbot.waitUntil(lambda: bool(applied_at), timeout=20000)
    timer.stop()
    qtbot.waitUntil(lambda: bool(apply_s), timeout=1000)
    redraw = apply_s[0]
    computed = applied_at[0] - t - redraw
    print(
        f"\n[{len(m.actors)} actors, {len(m.relations)} relations]"
        f"\n  circular layout on the worker thread: {computed * 1000:.0f} ms; then applying it on the GUI"
        f" thread (arrays, paths, labels; no animation): {redraw * 1000:.0f} ms"
        f"\n  10 ms timer while it ran: {len(gaps_during)} ticks, max gap {max(gaps_during, default=0):.0f} ms,"
        f" median {statistics.median(gaps_during) if gaps_during else 0:.0f} ms"
        f" (a layout on the GUI thread would block for the whole computation)"
    )
