"""The About dialog lists the versions of what runs and the licences of what ships."""

import platform
from importlib import metadata

import networkx
import numpy
import pyqtgraph
import PySide6
import pytest
from PySide6.QtCore import qVersion

import mapviewer
from mapviewer.ui import about
from mapviewer.ui.about import AboutDialog

pytestmark = pytest.mark.gui


def _open(qtbot) -> str:
    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.windowTitle() == "About mapviewer"
    assert not dlg.windowIcon().isNull()
    return dlg.plain_text()


def _row(text: str, name: str) -> str:
    """The table row that starts with ``name``: the dialog's plain text has one cell per line."""
    lines = text.splitlines()
    i = next((i for i, ln in enumerate(lines) if ln.strip().lower() == name.lower()), None)
    assert i is not None, f"{name} missing from:\n{text}"
    return " | ".join(lines[i : i + 3])


def test_versions_and_licences_are_shown(qtbot):
    text = _open(qtbot)
    for name, version in [
        ("mapviewer", mapviewer.__version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6-Essentials", PySide6.__version__),
        ("pyqtgraph", pyqtgraph.__version__),
        ("networkx", networkx.__version__),
        ("numpy", numpy.__version__),
    ]:
        row = _row(text, name)
        assert row.split(" | ")[1] == version, row
    for licence in ("LGPL-3.0", "MIT", "BSD-3-Clause", "public domain", "CC BY 4.0", "PSF-2.0"):
        assert licence in text, licence
    assert "Natural Earth" in text
    assert "articles written and labelled" in _row(text, "Pair scorer weights (pair_model.json)")


def test_every_runtime_dependency_is_listed(qtbot):
    """What pyproject.toml declares (the extractor's libraries too) appears, with a licence."""
    text = _open(qtbot)
    for req in metadata.requires("mapviewer") or []:
        if "extra ==" in req:
            continue
        name = req.split(";")[0].split("<")[0].split(">")[0].split("=")[0].split("[")[0].strip()
        row = _row(text, name)
        assert len(row.split(" | ")) == 3 and "see the package" not in row, row


def test_falls_back_without_metadata(qtbot, monkeypatch):
    """A frozen app may lack dist-info: versions come from the modules, licences from the table."""

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(about.metadata, "version", missing)
    monkeypatch.setattr(about.metadata, "metadata", missing)
    monkeypatch.setattr(about.metadata, "requires", missing)
    comps = {c.name: c for c in about.components()}
    assert comps["numpy"].version == numpy.__version__
    assert comps["pyqtgraph"].version == pyqtgraph.__version__
    assert comps["PySide6-Essentials"].version == PySide6.__version__
    assert comps["PySide6-Essentials"].licence == "LGPL-3.0-only"
    assert comps["networkx"].licence == "BSD-3-Clause"
    assert comps["mapviewer"].licence == "MIT"
    text = _open(qtbot)
    assert numpy.__version__ in text
