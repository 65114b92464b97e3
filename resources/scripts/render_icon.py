"""Render mapviewer/data/icon.svg to mapviewer/data/icon-256.png (run once; the PNG is committed).

.venv/bin/python resources/scripts/render_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

DATA = Path(__file__).resolve().parents[2] / "mapviewer" / "data"


def render(svg: Path, png: Path, size: int = 256) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(p)
    p.end()
    if not img.save(str(png), "PNG"):
        raise SystemExit(f"cannot write {png}")
    print(f"wrote {png} ({png.stat().st_size} bytes)")


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    render(DATA / "icon.svg", DATA / "icon-256.png")
