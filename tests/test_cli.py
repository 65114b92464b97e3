"""The command line: exit status 2 and one line on stderr for bad input, never a traceback."""

import json
import subprocess
import sys

import pytest

from mapviewer import relmap
from mapviewer.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mapviewer: error: ")
    assert "Traceback" not in err
    return lines[0]


def test_open_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, str(tmp_path / "missing.relmap.json"))
    assert code == 2
    assert "no such file" in one_error_line(err)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "relmap", "version": 7}', "unsupported relmap version 7"),
    ],
)
def test_export_bad_map(capsys, tmp_path, content, words):
    src = tmp_path / "bad.relmap.json"
    src.write_bytes(content)
    code, _, err = run(capsys, "export", str(src), "-o", str(tmp_path / "out.json"))
    assert code == 2
    assert words in one_error_line(err)
    assert not (tmp_path / "out.json").exists()


def test_export_unknown_extension(capsys, tmp_path):
    code, _, err = run(capsys, "export", "whatever", "-o", str(tmp_path / "out.docx"))
    assert code == 2
    assert "out.docx" in one_error_line(err)


def test_export_seed_json_round_trips(capsys, tmp_path):
    from mapviewer.seeds import default_seed

    seed = default_seed()
    if seed.curated_map() is None:
        pytest.skip("curated seed map not built yet")
    src = tmp_path / "seed.relmap.json"
    relmap.save(seed.curated_map(), src)
    out = tmp_path / "copy.json"
    code, stdout, _ = run(capsys, "export", str(src), "-o", str(out))
    assert code == 0 and "wrote" in stdout
    assert relmap.to_dict(relmap.load(out)) == relmap.to_dict(relmap.load(src))


def test_export_to_unwritable_place(capsys, tmp_path):
    from mapviewer.model import Actor, Article, RelationMap

    src = tmp_path / "m.relmap.json"
    relmap.save(RelationMap([Article("a", "text")], [Actor("A", "A")]), src)
    code, _, err = run(capsys, "export", str(src), "-o", str(tmp_path / "no" / "such" / "dir" / "o.json"))
    assert code == 2
    one_error_line(err)


def test_real_entry_point_reports_bad_input(tmp_path):
    bad = tmp_path / "x.relmap.json"
    bad.write_text(json.dumps({"format": "relmap", "version": 1, "actors": [{"id": 3}]}))
    proc = subprocess.run(
        [sys.executable, "-m", "mapviewer", "export", str(bad), "-o", str(tmp_path / "o.json")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "'id' should be str" in one_error_line(proc.stderr)


def _small_article(tmp_path):
    art = tmp_path / "news.txt"
    art.write_text("Russia brokered a ceasefire between Armenia and Azerbaijan.\n", encoding="utf-8")
    return art


def test_extract_refuses_a_map_as_its_article(capsys, tmp_path):
    src = tmp_path / "m.relmap.json"
    src.write_text('{"format": "relmap", "version": 1, "actors": [', encoding="utf-8")  # truncated
    out = tmp_path / "out.relmap.json"
    code, _, err = run(capsys, "extract", str(src), "-o", str(out))
    assert code == 2
    assert "is a map, not an article" in one_error_line(err)
    assert not out.exists()  # the map's JSON was not mapped as if it were prose


def test_extract_writes_only_relmap_json(capsys, tmp_path):
    out = tmp_path / "x.csv"
    code, _, err = run(capsys, "extract", str(_small_article(tmp_path)), "-o", str(out))
    assert code == 2
    assert "mapviewer export" in one_error_line(err)
    assert not out.exists()


@pytest.mark.parametrize("command, name", [("extract", "x.relmap.json"), ("export", "x.png")])
def test_output_in_a_missing_folder_names_the_folder(capsys, tmp_path, command, name):
    out = tmp_path / "no such folder" / name
    code, _, err = run(capsys, command, str(_small_article(tmp_path)), "-o", str(out))
    assert code == 2
    line = one_error_line(err)
    assert "no such folder does not exist" in line
    assert ".tmp" not in line  # not the writer's temporary file


def test_map_names_keep_dots_in_the_article_name(tmp_path):
    from pathlib import Path

    from mapviewer.documents import curated_map_beside, map_stem

    assert map_stem(Path("report.2024.txt")) == "report.2024"
    assert map_stem(Path("report.2024.relmap.json")) == "report.2024"
    assert map_stem(Path("report.2024.auto.relmap.json")) == "report.2024"
    art = tmp_path / "report.2024.txt"
    art.write_text("text")
    assert curated_map_beside(art) is None
    (tmp_path / "report.2024.relmap.json").write_text("{}")
    assert curated_map_beside(art) == tmp_path / "report.2024.relmap.json"
