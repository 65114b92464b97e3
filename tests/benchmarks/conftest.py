import pytest

try:
    from PySide6.QtCore import QStandardPaths
except ImportError:  # pragma: no cover - PySide6 is a dependency
    QStandardPaths = None


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Benchmarks never read or write the user's settings (window geometry, last layout)."""
    if QStandardPaths is None:
        yield
        return
    QStandardPaths.setTestModeEnabled(True)
    from mapviewer.ui.settings import app_settings

    s = app_settings()
    s.clear()
    s.sync()
    yield
