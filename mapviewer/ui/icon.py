"""mapviewer's application icon (``mapviewer/data/icon.svg`` and its PNG rendition).

Call ``QApplication.setWindowIcon(app_icon())`` once the application exists.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap

__all__ = ["app_icon"]

_SMALL_SIZES = (16, 24, 32, 48, 64, 128)


def app_icon() -> QIcon:
    """The application icon: the SVG drawn at small sizes (crisp), the 256 px PNG above them.

    Read with importlib.resources, so it works installed and frozen; an empty icon (Qt's
    default) if the files are missing rather than an error.
    """
    icon = QIcon()
    data = resources.files("mapviewer.data")
    try:
        svg = (data / "icon.svg").read_bytes()
    except OSError:
        svg = b""
    if svg:
        try:
            from PySide6.QtSvg import QSvgRenderer
        except ImportError:  # QtSvg left out of a build: the PNG alone will do
            QSvgRenderer = None
        renderer = QSvgRenderer(QByteArray(svg)) if QSvgRenderer else None
        if renderer is not None and renderer.isValid():
            for size in _SMALL_SIZES:
                img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
                img.fill(Qt.GlobalColor.transparent)
                p = QPainter(img)
                p.setRenderHint(QPainter.RenderHint.Antialiasing)
                renderer.render(p, QRectF(0, 0, size, size))
                p.end()
                icon.addPixmap(QPixmap.fromImage(img))
    try:
        png = (data / "icon-256.png").read_bytes()
    except OSError:
        png = b""
    pix = QPixmap()
    if png and pix.loadFromData(png, "PNG"):
        icon.addPixmap(pix)
    return icon
