"""``mapviewer --self-test``: every step reported, a failing step named in the output and the status."""

import io
import os
import re
import subprocess
import sys

import pytest

from mapviewer import selftest


def test_self_test_from_source_passes_headless():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run(
        [sys.executable, "-m", "mapviewer", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stdout.splitlines()
    n = len(selftest.STEPS)
    step_lines = [ln for ln in lines if re.match(r"(ok|FAIL) +\d+/\d+ ", ln)]
    # One "ok" line per step, in order, each saying what it checked.
    assert [ln.split(":")[0].split(None, 2)[2] for ln in step_lines] == [name for name, _ in selftest.STEPS]
    for i, ln in enumerate(step_lines, 1):
        assert ln.startswith(f"ok   {i}/{n} ")
        assert len(ln.split(": ", 1)[1]) > 10
    assert lines[-1] == "self-test passed"
    assert "(source," in lines[0]


@pytest.mark.parametrize("failing", [name for name, _ in selftest.STEPS if name not in ("render", "about")])
def test_a_failing_step_is_named_and_sets_the_status(monkeypatch, failing):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # run_self_test sets it; restore it after

    def broken(ctx):
        raise RuntimeError("the disk ate it")

    steps = [(name, broken if name == failing else fn) for name, fn in selftest.STEPS]
    monkeypatch.setattr(selftest, "STEPS", steps)
    out = io.StringIO()
    status = selftest.run_self_test(out=out)
    index = [name for name, _ in steps].index(failing) + 1
    assert status == index != 0
    text = out.getvalue()
    assert f"FAIL {index}/{len(steps)} {failing}: the disk ate it" in text
    assert text.count("ok   ") == index - 1  # the steps before it ran, none after it
    assert "self-test passed" not in text


def test_a_real_check_failing_is_reported(monkeypatch):
    """Not a stub raising: the seed step's own check rejects a too-short article."""
    from mapviewer import seeds
    from mapviewer.model import Article

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    real = seeds.Seed.article
    monkeypatch.setattr(
        seeds.Seed, "article", lambda self: Article(id=self.id, text=real(self).text[:200], title=self.title)
    )
    out = io.StringIO()
    status = selftest.run_self_test(out=out)
    index = [name for name, _ in selftest.STEPS].index("seed") + 1
    assert status == index
    assert f"FAIL {index}/{len(selftest.STEPS)} seed: seed article is only 200 characters" in out.getvalue()
