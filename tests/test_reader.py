import time

import pytest

from mapviewer.errors import InputError
from mapviewer.extract.reader import MAX_BYTES, article_from_text, pdf_text, read_article


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal PDF: each page a list of text lines in Helvetica; an empty page draws only a box."""
    objs: list[bytes] = []

    def add(b: bytes) -> int:
        objs.append(b)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    contents = []
    for lines in pages:
        if lines:
            ops = ["BT /F1 11 Tf 14 TL 72 720 Td"]
            for ln in lines:
                esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"({esc}) Tj T*")
            ops.append("ET")
        else:
            ops = ["0.5 g 72 400 300 200 re f"]
        stream = "\n".join(ops).encode("cp1252")
        contents.append(add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"))
    pages_id = len(objs) + len(pages) + 1
    kids = [
        add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, c, font)
        )
        for c in contents
    ]
    assert (
        add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
        == pages_id
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = add(b"<< /Title (%s) >>" % title.encode("cp1252")) if title else None
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objs) + 1, catalog)
    if info:
        trailer += b" /Info %d 0 R" % info
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# -- plain text and encodings ---------------------------------------------------------
def test_txt_title_id_and_newlines(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"Turkey and Armenia\r\n\r\nTurkey threatened Armenia.\r\n")
    a = read_article(p)
    assert a.text == "Turkey and Armenia\n\nTurkey threatened Armenia.\n"
    assert a.title == "Turkey and Armenia"
    assert a.id.startswith("turkey-and-armenia-") and len(a.id.rsplit("-", 1)[1]) == 8
    assert read_article(p).id == a.id  # stable
    p.write_text("Turkey and Armenia\n\nTurkey threatened Georgia.\n", encoding="utf-8")
    assert read_article(p).id != a.id  # the text is in the hash


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Le ministre a déclaré que la coopération était « essentielle » avec la Côte d’Ivoire. Noël, naïve.",
            "cp1252",
        ),
        (
            "Le ministre a déclaré que la coopération était essentielle. Noël, naïve, café à Genève.",
            "latin-1",
        ),
        (
            "Türkiye Dışişleri Bakanlığı, Ermenistan ile ilişkilerin güçlendirilmesi için çağrıda bulundu. "
            "Ağır şartlar altında İstanbul görüşmeleri sürdü, ılımlı bir çözüm arandı.",
            "cp1254",
        ),
        ("Министерство иностранных дел России заявило, что переговоры с Украиной зашли в тупик.", "cp1251"),
    ],
)
def test_legacy_encodings_are_detected(tmp_path, text, encoding):
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode(encoding))
    assert read_article(p).text == text


def test_bom_and_declared_charset_are_trusted(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Ankara – Yerevan: görüşme".encode("utf-16"))
    assert read_article(p).text == "Ankara – Yerevan: görüşme"
    # A short Turkish page: detection alone could guess wrong, the declaration is right.
    h = tmp_path / "tr.html"
    h.write_bytes(
        '<html><head><meta charset="iso-8859-9"></head><body><p>Ağır görüşme İzmir\'de.</p></body></html>'.encode(
            "cp1254"
        )
    )
    assert read_article(h).text == "Ağır görüşme İzmir'de."


# -- markdown -------------------------------------------------------------------------
def test_markdown_markup_is_stripped():
    from mapviewer.extract.reader import markdown_to_text

    md = (
        '---\ntitle: "Gulf talks"\n---\n# Heading one\n\nOman **mediated** between [Saudi Arabia](http://x.y) '
        "and the *Houthis*.\n\n- Iran denied it.\n> Quoted `text`.\n\n```\ncode block\n```\n![img](a.png)\n"
    )
    text, title = markdown_to_text(md)
    assert title == "Gulf talks"
    assert text.split("\n") == [
        "Heading one",
        "",
        "Oman mediated between Saudi Arabia and the Houthis.",
        "",
        "Iran denied it.",
        "Quoted text.",
    ]


def test_md_file(tmp_path):
    p = tmp_path / "x.md"
    p.write_text("# India and China\n\nIndia clashed with **Chinese** troops.\n", encoding="utf-8")
    a = read_article(p)
    assert a.title == "India and China"
    assert "**" not in a.text and "India clashed with Chinese troops." in a.text


# -- HTML -------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html><html><head><title>Ankara and Yerevan | News</title>
<script>var s = "Iran attacked Qatar";</script><style>p{}</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
<div id="page"><h1>Ankara and Yerevan edge towards talks</h1>
<article><p class="byline">By A. Reporter</p>
<p>Turkey and Armenia agreed to appoint envoys, the ministry said.</p>
<div class="ad-slot">Advertisement: cheap flights to Istanbul!</div>
<figure><img src="x.jpg"><figcaption>Envoys met in Moscow.</figcaption></figure>
<p>Azerbaijan, an ally of Turkey, welcomed the move &amp; the talks.</p>
<aside><p>Other story about football.</p></aside>
<p>Russia offered to host<br>the talks.</p></article>
<div class="related-stories"><p>Related: another headline.</p></div></div>
<footer><p>Copyright 2024 News.</p></footer></body></html>"""


def test_html_keeps_the_article_only(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    a = read_article(p)
    assert a.title == "Ankara and Yerevan edge towards talks"
    assert a.text.split("\n\n") == [
        "Ankara and Yerevan edge towards talks",
        "Turkey and Armenia agreed to appoint envoys, the ministry said.",
        "Azerbaijan, an ally of Turkey, welcomed the move & the talks.",
        "Russia offered to host\nthe talks.",
    ]
    for junk in (
        "Iran attacked",
        "Advertisement",
        "Envoys met",
        "football",
        "Related",
        "Copyright",
        "Home",
        "Reporter",
    ):
        assert junk not in a.text


def test_html_without_article_element_takes_the_densest_container(tmp_path):
    p = tmp_path / "plain.htm"
    body = "".join(
        f"<p>Paragraph {i} says that Oman mediated between the parties again.</p>" for i in range(4)
    )
    p.write_text(
        f"<html><body><div class='menu'><p><a href='/'>Home</a></p></div><div class='x'>{body}</div>"
        "<div><p>Short footer.</p></div></body></html>",
        encoding="utf-8",
    )
    a = read_article(p)
    assert a.text.count("Oman mediated") == 4 and "Home" not in a.text and "footer" not in a.text


# -- PDF --------------------------------------------------------------------------------
def test_pdf_lines_are_rejoined_and_dehyphenated(tmp_path):
    lines = [
        "Ethiopia and Eritrea signed a peace agreement in 2018, ending two decades of",
        "hostility. The international community welcomed the deal and the United Nations",
        "lifted its sanctions on Eritrea. Officials in Addis Ababa spoke of a new inter-",
        "national role for both countries.",
    ]
    p = tmp_path / "a.pdf"
    p.write_bytes(
        make_pdf(
            [lines, ["Tigray Conflict", "", "Ethiopian forces attacked the TPLF."]], title="Horn of Africa"
        )
    )
    a = read_article(p)
    assert a.title == "Horn of Africa"
    paras = a.text.split("\n\n")
    assert paras[0].startswith(
        "Ethiopia and Eritrea signed a peace agreement in 2018, ending two decades of hostility."
    )
    assert "new international role" in paras[0] and "\n" not in paras[0]
    assert "Tigray Conflict" in paras and paras[-1] == "Ethiopian forces attacked the TPLF."


def test_pdf_text_keeps_compound_hyphens():
    assert pdf_text(["the Israeli-\nPalestinian conflict went on and on and on and on"]) == (
        "the Israeli-Palestinian conflict went on and on and on and on"
    )


def test_pdf_without_text_layer(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(make_pdf([[]]))
    with pytest.raises(InputError, match="no text layer"):
        read_article(p)


def test_broken_pdf(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(InputError, match="PDF"):
        read_article(p)


# -- bad input ----------------------------------------------------------------------------
def test_missing_folder_empty_binary(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_article(tmp_path)
    (tmp_path / "empty.txt").write_text("  \n\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_article(tmp_path / "empty.txt")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        read_article(tmp_path / "bin.txt")


def test_too_large_is_refused_fast(tmp_path):
    p = tmp_path / "big.txt"
    with open(p, "wb") as f:  # a sparse 50 MB file: refusing must not read it
        f.truncate(50 * 1024 * 1024)
    t0 = time.perf_counter()
    with pytest.raises(InputError, match="too large"):
        read_article(p)
    assert time.perf_counter() - t0 < 0.5
    assert MAX_BYTES == 20 * 1024 * 1024


def test_article_from_text():
    a = article_from_text("Qatar mediated.\r\nIt worked.")
    assert a.text == "Qatar mediated.\nIt worked." and a.title == "Qatar mediated."
    assert article_from_text("x", title="Mine").title == "Mine"
    with pytest.raises(InputError, match="empty"):
        article_from_text("   ")


def test_pdf_ligatures_are_spelled_out():
    # a PDF's "fi"/"ff" glyphs come out as U+FB01/U+FB00; readers search for "ceasefire"
    text = pdf_text(["The cease\ufb01re held, and the o\ufb00ensive stopped."])
    assert text == "The ceasefire held, and the offensive stopped."
