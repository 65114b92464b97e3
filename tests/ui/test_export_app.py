"""Export from the window (every format; PNG and SVG draw the view as shown) and SVG from the
command line (the default view, with the legend)."""

import csv
import json
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from mapviewer import relmap
from mapviewer.export import export_map, supported_suffixes
from mapviewer.ui import file_actions as fa
from mapviewer.ui import style
from mapviewer.ui.render import render_png, render_svg

pytestmark = pytest.mark.gui

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def win(open_window, small_map, errors):
    return open_window(small_map)


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()
    return [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text")]


def check_svg(path, names):
    root = ET.parse(path).getroot()  # well-formed XML
    assert root.tag == f"{SVG}svg"
    assert root.get("width") and root.get("height") and root.get("viewBox")
    texts = svg_texts(path)
    for n in names:
        assert n in texts, f"{n!r} is not a text of the SVG"
    assert "Relations" in texts and "Actors" in texts  # the legend's headings
    assert len(list(root.iter(f"{SVG}path"))) >= 5
    return root, texts


def count_colour(path, colour: str) -> int:
    img = QImage(str(path))
    target = QColor(colour).rgb() & 0xFFFFFF
    return sum(
        (img.pixel(x, y) & 0xFFFFFF) == target
        for x in range(0, img.width(), 2)
        for y in range(0, img.height(), 2)
    )


# -- the window ---------------------------------------------------------------------------------
def test_every_format_is_offered_and_exported(win, tmp_path, small_map, errors):
    assert set(fa.EXPORT_FILTERS) == set(supported_suffixes())
    assert {".png", ".svg", ".graphml", ".gexf", ".json", ".csv", ".md", ".html"} <= set(supported_suffixes())
    names = [a.name for a in small_map.actors]
    for suffix in supported_suffixes():
        out = tmp_path / f"map{suffix}"
        assert win.files.export(out) is True, errors
        assert out.is_file() and out.stat().st_size > 0
        assert "Exported" in win.statusBar().currentMessage()
    assert errors == []
    view = win.map_view
    img = QImage(str(tmp_path / "map.png"))
    dpr = view.devicePixelRatioF()
    assert (img.width(), img.height()) == (round(view.width() * dpr), round(view.height() * dpr))
    check_svg(tmp_path / "map.svg", names)
    for suffix in (".graphml", ".gexf"):
        xml_text = (tmp_path / f"map{suffix}").read_text(encoding="utf-8")
        ET.fromstring(xml_text.encode("utf-8"))
        assert "Syldavia" in xml_text
    back = relmap.load(tmp_path / "map.json")
    assert [a.id for a in back.actors] == [a.id for a in small_map.actors]
    assert set(back.positions) == {a.id for a in small_map.actors}  # the layout as drawn
    rows = list(csv.reader((tmp_path / "map.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert any("Ruritania sells rifles to Syldavia." in cell for row in rows for cell in row)
    for suffix in (".md", ".html"):
        assert "Green Brigades" in (tmp_path / f"map{suffix}").read_text(encoding="utf-8")


def test_export_through_the_dialog_by_extension_or_by_filter(win, tmp_path, monkeypatch):
    picks = iter(
        [
            (str(tmp_path / "by-extension.gexf"), fa.EXPORT_FILTERS[".png"]),  # the typed extension wins
            (str(tmp_path / "by-filter"), fa.EXPORT_FILTERS[".svg"]),  # no extension: the filter's
        ]
    )
    offered = []

    def dialog(parent, caption, start, filters, selected=""):
        offered.append(filters.split(";;"))
        return next(picks)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    win.files.export_action.trigger()
    win.files.export_action.trigger()
    assert ET.fromstring((tmp_path / "by-extension.gexf").read_bytes()) is not None
    check_svg(tmp_path / "by-filter.svg", ["Syldavia"])
    assert offered[0] == [fa.EXPORT_FILTERS[s] for s in supported_suffixes()]


def test_cancelling_the_export_dialog_writes_nothing(win, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert win.files.export() is False
    assert [p.name for p in tmp_path.iterdir() if p.name != "settings.ini"] == []


def test_an_unknown_extension_with_no_filter_is_a_dialog(win, tmp_path, errors):
    assert win.files.export(tmp_path / "map.docx") is False
    assert errors and ".svg" in errors[0][1] and not (tmp_path / "map.docx").exists()


def test_an_export_that_cannot_be_written_is_a_dialog(win, tmp_path, errors):
    for suffix in (".png", ".svg", ".csv"):
        assert win.files.export(tmp_path / "missing-folder" / f"m{suffix}") is False
    assert len(errors) == 3


def test_png_and_svg_show_the_current_selection_and_filters(win, tmp_path):
    halo = style.SELECTION_COLOUR
    win.files.export(tmp_path / "plain.png")
    win.select_relation(1)
    QApplication.processEvents()
    win.files.export(tmp_path / "selected.png")
    # the halo's yellow (also a marker fill of some kinds) covers many more pixels once selected
    assert count_colour(tmp_path / "selected.png", halo) > count_colour(tmp_path / "plain.png", halo) + 40
    # hide the actors the filters would hide: they leave the drawing too
    view = win.map_view
    keep = np.array([a.id != "BLK" for a in win.map.actors])
    view.set_visible(None, keep)
    QApplication.processEvents()
    win.files.export(tmp_path / "filtered.svg")
    texts = svg_texts(tmp_path / "filtered.svg")
    assert "Syldavia" in texts and "Black Isles" not in texts
    view.set_visible(None, None)
    QApplication.processEvents()
    win.files.export(tmp_path / "all.svg")
    assert "Black Isles" in svg_texts(tmp_path / "all.svg")


# -- without the window ---------------------------------------------------------------------------
def test_render_svg_draws_the_default_view_with_the_legend(tmp_path, small_map, qapp):
    out = tmp_path / "m.svg"
    render_svg(small_map, out, size=(900, 600))
    root, texts = check_svg(out, [a.name for a in small_map.actors])
    assert root.get("viewBox").split() == ["0", "0", "900", "600"]
    assert "Invented news" in texts  # the title
    # markers are vector paths, not the pixmaps pyqtgraph caches them in
    assert not list(root.iter(f"{SVG}image"))
    assert not list(tmp_path.glob("*.tmp"))


def test_export_map_writes_svg_and_png_of_the_expected_size(tmp_path, small_map, qapp):
    export_map(small_map, tmp_path / "m.svg")
    check_svg(tmp_path / "m.svg", ["Ruritania", "Borduria"])
    render_png(small_map, tmp_path / "m.png", size=(640, 400))
    img = QImage(str(tmp_path / "m.png"))
    assert (img.width(), img.height()) == (640, 400)


def test_svg_export_from_the_command_line_without_a_display(small_map, export_headless):
    out, svg = export_headless(small_map, ".svg")
    assert out.returncode == 0, out.stderr
    check_svg(svg, [a.name for a in small_map.actors])
    assert "Invented news" in svg_texts(svg)
    json.dumps(out.stdout)  # printable
