"""Bundle size and start-up: mapviewer's PyInstaller bundles against a minimal hello-window bundle.

The baseline (tests/benchmarks/hello_bundle.py: PySide6 + pyqtgraph + networkx + numpy) is frozen
with the same spec, venv and excludes, so the differences are mapviewer's own. Start-up is the
wall-clock time from spawning the process to the end of the first paint of its window
(offscreen; the app prints the time from a Paint event filter and quits), median of 5 runs after
one warm-up run. Targets: one-folder bundle at most 1.1x the baseline's size, one-folder start-up
at most 1.2x the same app run from source. Figures only: it never fails on size or speed.

Builds take a few minutes, so it runs only when asked:

    MAPVIEWER_BUNDLE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/test_bundle_size.py -m benchmark -s
    .venv/bin/python tests/benchmarks/test_bundle_size.py [--no-build]    # the same, as a script
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
RUNS = 5

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(
        os.environ.get("MAPVIEWER_BUNDLE_BENCH") != "1", reason="builds bundles: set MAPVIEWER_BUNDLE_BENCH=1"
    ),
]


def tree_size(path: Path) -> tuple[int, int]:
    """Bytes and number of files under ``path`` (a file: its size), symbolic links not followed."""
    if path.is_file():
        return path.stat().st_size, 1
    total = files = 0
    for d, _, names in os.walk(path):
        for n in names:
            st = os.lstat(os.path.join(d, n))
            total += st.st_size
            files += 1
    return total, files


def build() -> None:
    for mode in ("both", "minimal"):
        subprocess.run(["bash", str(ROOT / "resources" / "build_bundle.sh"), mode], cwd=ROOT, check=True)


def first_paint(cmd: list[str], *, source: bool = False) -> float:
    """Seconds from spawning ``cmd`` to the end of its first paint."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MAPVIEWER_STARTUP_PROBE="1")
    if source:
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled modules are cached
    t0 = time.time()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    stamp = [ln for ln in proc.stdout.splitlines() if ln.startswith("first-paint ")]
    assert proc.returncode == 0 and stamp, f"{cmd}: {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return float(stamp[-1].split()[1]) - t0


def median_start(cmd: list[str], *, source: bool = False) -> float:
    first_paint(cmd, source=source)  # warm-up: page cache, .pyc files, fontconfig cache
    return statistics.median(first_paint(cmd, source=source) for _ in range(RUNS))


def measure() -> dict[str, float]:
    py = sys.executable
    sizes = {
        "mapviewer one-folder": tree_size(DIST / "mapviewer"),
        "hello one-folder (baseline)": tree_size(DIST / "hello"),
        "mapviewer one-file": tree_size(DIST / "mapviewer-onefile"),
    }
    print("\nbundle sizes")
    for name, (size, files) in sizes.items():
        print(f"  {name:30s} {size / 2**20:7.1f} MiB  {files:4d} files")
    ratio = sizes["mapviewer one-folder"][0] / sizes["hello one-folder (baseline)"][0]
    print(f"  one-folder vs baseline: {ratio:.3f}x (target <= 1.1x)")

    starts = {
        "mapviewer from source": median_start([py, str(ROOT / "resources" / "pyi_entry.py")], source=True),
        "mapviewer one-folder": median_start([str(DIST / "mapviewer" / "mapviewer")]),
        "mapviewer one-file": median_start([str(DIST / "mapviewer-onefile")]),
        "hello from source": median_start(
            [py, str(ROOT / "tests" / "benchmarks" / "hello_bundle.py")], source=True
        ),
        "hello one-folder": median_start([str(DIST / "hello" / "hello")]),
    }
    print(f"start to first paint, offscreen, median of {RUNS}")
    for name, s in starts.items():
        print(f"  {name:30s} {s * 1000:7.0f} ms")
    src = starts["mapviewer from source"]
    print(f"  one-folder vs source: {starts['mapviewer one-folder'] / src:.2f}x (target <= 1.2x)")
    print(
        f"  one-file vs source:   {starts['mapviewer one-file'] / src:.2f}x "
        f"(+{(starts['mapviewer one-file'] - src) * 1000:.0f} ms: it unpacks itself on every start)"
    )
    return {"size_ratio": ratio, **starts}


def test_bundle_size_and_start_up():
    build()
    figures = measure()
    assert figures["size_ratio"] > 0


if __name__ == "__main__":
    if "--no-build" not in sys.argv[1:]:
        build()
    measure()
