"""What an install ships: every subpackage and data file the code reads."""

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def test_every_subpackage_is_listed():
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "mapviewer").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= set(CONFIG["packages"]), (
        f"add to pyproject packages: {sorted(found - set(CONFIG['packages']))}"
    )


def test_data_files_are_package_data():
    patterns = CONFIG["package-data"]
    for pkg, folder in (
        ("mapviewer.data", ROOT / "mapviewer" / "data"),
        ("mapviewer._seeds", ROOT / "seeds"),
    ):
        for f in folder.iterdir():
            if f.is_file() and f.suffix not in (".py", ".md") and not f.name.startswith("."):
                assert any(fnmatch.fnmatch(f.name, pat) for pat in patterns[pkg]), (
                    f"{f} would not be installed"
                )
