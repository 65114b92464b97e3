"""The core never imports Qt: only mapviewer.ui may (napari's 'Forbid import PyQt and PySide')."""

import pkgutil
import subprocess
import sys

import mapviewer

QT = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6")


def core_modules() -> list[str]:
    mods = []
    for info in pkgutil.walk_packages(mapviewer.__path__, "mapviewer."):
        if info.name.startswith("mapviewer.ui") or info.name == "mapviewer.__main__":
            continue
        mods.append(info.name)
    return mods


def test_core_modules_are_found():
    mods = core_modules()
    assert "mapviewer.model" in mods and "mapviewer.relmap" in mods
    assert not any(m.startswith("mapviewer.ui") for m in mods)


def test_importing_the_core_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for m in {core_modules()!r}: importlib.import_module(m)\n"
        f"bad = sorted(k for k in sys.modules if k.split('.')[0] in {QT!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported Qt: {out.stdout.strip()}"


def test_the_check_would_catch_a_qt_import():
    # The same probe, run on a module that does import Qt, must report it.
    code = "import sys, mapviewer.ui.app\nprint(','.join(k for k in sys.modules if k.startswith('PySide6')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "PySide6" in out.stdout
