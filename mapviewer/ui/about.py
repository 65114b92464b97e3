"""The About dialog: mapviewer's version, the versions and licences of the libraries it runs on,
and the sources and licences of the data it ships.

Versions and licences are read at run time with :mod:`importlib.metadata` (the bundle copies the
packages' metadata); where a package's metadata is missing, the module's ``__version__`` and a
table of the known licences stand in, so the dialog never fails.
"""

from __future__ import annotations

import html
import json
import platform
import re
from dataclasses import dataclass
from importlib import metadata, resources

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..errors import MapviewerError
from ..extract._scorer import PairModel

__all__ = ["AboutDialog", "Component", "DataSource", "components", "data_sources", "show_about"]


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str
    licence: str


@dataclass(frozen=True, slots=True)
class DataSource:
    name: str
    licence: str
    note: str = ""


# Licences of what the bundle ships, for when a package's metadata is missing or says nothing
# short enough to show (keys: normalized distribution names).
_KNOWN_LICENCES = {
    "mapviewer": "MIT",
    "pyside6-essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "pyqtgraph": "MIT",
    "networkx": "BSD-3-Clause",
    "numpy": "BSD-3-Clause",
    "colorama": "BSD-3-Clause",
    "nupunkt": "MIT",
    "pypdf": "BSD-3-Clause",
    "charset-normalizer": "MIT",
    "pyworldatlas": "MIT",
}
# Import names of distributions whose module name differs, for the __version__ fallback.
_MODULES = {"pyside6-essentials": "PySide6", "charset-normalizer": "charset_normalizer"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence(dist: str) -> str:
    """A short licence name from the package's metadata, else the known one, else 'see the package'."""
    try:
        md = metadata.metadata(dist)
    except (metadata.PackageNotFoundError, OSError):
        md = None
    if md is not None:
        expr = md.get("License-Expression")
        if expr:
            return expr
        classifiers = [
            c.split(" :: ")[-1] for c in md.get_all("Classifier") or [] if c.startswith("License ::")
        ]
        lic = (md.get("License") or "").strip()
        if lic and len(lic) <= 40 and "\n" not in lic and lic.upper() != "UNKNOWN":
            return lic
        if _norm(dist) not in _KNOWN_LICENCES and classifiers:
            return ", ".join(classifiers)
    return _KNOWN_LICENCES.get(_norm(dist), "see the package")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except (metadata.PackageNotFoundError, OSError):
        pass
    try:
        import importlib

        module = importlib.import_module(_MODULES.get(_norm(dist), dist.replace("-", "_")))
        return str(getattr(module, "__version__", "unknown"))
    except ImportError:
        return "not installed"


def _runtime_requirements() -> list[str]:
    """mapviewer's runtime dependencies as distribution names, in pyproject.toml's order."""
    try:
        reqs = metadata.requires("mapviewer") or []
    except (metadata.PackageNotFoundError, OSError):
        reqs = []
    names: list[str] = []
    for req in reqs:
        if "extra ==" in req.replace('"', "'").replace("extra==", "extra =="):
            continue
        m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)
        if m and _norm(m.group(1)) not in {_norm(n) for n in names}:
            names.append(m.group(1))
    return names or ["PySide6-Essentials", "pyqtgraph", "networkx", "numpy"]


def components() -> list[Component]:
    """mapviewer, Python, Qt, and every runtime dependency with its version and licence."""
    out = [
        Component("mapviewer", __version__, _licence("mapviewer")),
        Component("Python", platform.python_version(), "PSF-2.0"),
        Component("Qt", qVersion(), "LGPL-3.0-only"),
    ]
    for dist in _runtime_requirements():
        out.append(Component(dist, _version(dist), _licence(dist)))
        if _norm(dist) == "pyside6-essentials":
            out.append(Component("shiboken6", _version("shiboken6"), _licence("shiboken6")))
        if _norm(dist) == "numpy":
            out.append(Component("OpenBLAS (in numpy)", "", "BSD-3-Clause"))
    return out


def data_sources() -> list[DataSource]:
    """The shipped data: the basemap and the gazetteer's sources, as the data files state them."""
    out = [
        DataSource(
            "Natural Earth 1:110m admin-0 countries (basemap)",
            "public domain",
            "Made with Natural Earth; TopoJSON conversion: world-atlas (ISC licence, Michael Bostock)",
        )
    ]
    try:
        gaz = json.loads((resources.files("mapviewer.data") / "gazetteer.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        gaz = {}
    for src in gaz.get("sources", []) if isinstance(gaz, dict) else []:
        if not isinstance(src, dict) or not src.get("name"):
            continue
        name = f"{src['name']} {src.get('version', '')}".strip() + " (gazetteer)"
        note = "; ".join(
            x for x in (src.get("used_for"), src.get("upstream") and f"from {src['upstream']}") if x
        )
        out.append(DataSource(name, str(src.get("licence", "see the source")), note))
    if isinstance(gaz, dict) and gaz.get("attribution"):
        out.append(DataSource("Attribution", "", str(gaz["attribution"])))
    try:
        n = int(PairModel.default().info.get("articles", 0))  # loaded once, shared with the extractor
    except (MapviewerError, TypeError, ValueError):
        n = 0
    if n:
        out.append(
            DataSource(
                "Pair scorer weights (pair_model.json)",
                "MIT, as mapviewer",
                f"fitted on {n} articles written and labelled for mapviewer's tests",
            )
        )
    out.append(
        DataSource(
            "Seed article (The Jerusalem Post, November 2020)", "© its publisher", "a sample, for study"
        )
    )
    return out


def _html() -> str:
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(c.name)}</td><td>{e(c.version)}</td><td>{e(c.licence)}</td></tr>" for c in components()
    )
    data = "".join(
        f"<tr><td>{e(d.name)}</td><td>{e(d.licence)}</td><td>{e(d.note)}</td></tr>" for d in data_sources()
    )
    head = "<tr><th align='left'>{}</th><th align='left'>{}</th><th align='left'>{}</th></tr>"
    return (
        f"<h3>mapviewer {e(__version__)}</h3>"
        "<p>Offline relation maps of the countries and actors in foreign-affairs articles. "
        "Nothing is sent over a network.</p>"
        "<h4>Software</h4><table cellspacing='0' cellpadding='3'>"
        + head.format("component", "version", "licence")
        + rows
        + "</table><p>Qt and PySide6 are used under the GNU LGPL v3; their source is available "
        "from the Qt Project. You may replace the Qt libraries in the bundle with your own build.</p>"
        "<h4>Data</h4><table cellspacing='0' cellpadding='3'>"
        + head.format("data", "licence", "")
        + data
        + "</table>"
    )


class AboutDialog(QDialog):
    """Versions and licences, in a read-only text view with a Close button."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("About mapviewer")
        from .icon import app_icon

        self.setWindowIcon(app_icon())
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)  # offline: no link leaves the app
        self.text.setHtml(_html())
        self.text.setAccessibleName("About mapviewer: versions and licences")
        header = QLabel()
        header.setAccessibleName("mapviewer icon")
        header.setPixmap(app_icon().pixmap(64, 64))
        header.setAlignment(Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        lay = QVBoxLayout(self)
        lay.addWidget(header)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.resize(640, 560)

    def plain_text(self) -> str:
        """What the dialog shows, as plain text (for tests and copying)."""
        return self.text.toPlainText()


def show_about(parent: QWidget | None = None) -> None:
    """Show the About dialog modally (Help > About)."""
    AboutDialog(parent).exec()
