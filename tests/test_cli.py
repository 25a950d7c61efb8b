from __future__ import annotations

import json
import shutil
import subprocess
import sys

from geoplan.cli import main
from tests.conftest import ROOT


def test_places_table_lists_zhuzhou_counties(zhuzhou_path, capsys):
    assert main(["places", str(zhuzhou_path)]) == 0
    out = capsys.readouterr().out
    assert "430212  渌口区" in out
    assert "county: 15" in out


def test_places_json(province_path, capsys):
    assert main(["places", "--json", str(province_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["title"] == "湖南省“十四五”新型城镇化规划"
    prefectures = [u for u in result["units"] if u["level"] == "prefecture"]
    assert len(prefectures) == 14
    assert {"name": "长株潭", "count": result["groups"][-1]["count"]} in result["groups"]


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "geoplan.cli", "places", str(empty)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"geoplan places: error: {empty}: the file is empty"
    ]
    assert "Traceback" not in proc.stderr


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "places" in capsys.readouterr().out


def test_extract_folder_goes_past_a_broken_plan_and_loses_nothing(tmp_path, capsys):
    import geopandas as gpd

    from tests._documents import make_docx, make_scanned_pdf

    seed = next((ROOT / "seeds").glob("002_*.txt"))
    src = tmp_path / "plans"
    (src / "sub").mkdir(parents=True)
    shutil.copy(seed, src / "a.txt")
    make_docx(seed.read_text(encoding="utf-8"), src / "sub" / "b.docx")
    make_scanned_pdf(src / "sub" / "scan.pdf")
    (src / "notes.json").write_text("{}", encoding="utf-8")  # not a plan: not read
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("earlier work", encoding="utf-8")

    assert main(["extract", str(src), "--out", str(out), "--jobs", "2"]) == 1
    captured = capsys.readouterr()
    assert "2 plans extracted, 1 failed" in captured.out
    assert f"failed: sub/scan.pdf: {src / 'sub' / 'scan.pdf'}: the PDF has no text layer" in (
        captured.err
    )
    assert "[3/3]" in captured.err
    assert (out / "keep.txt").read_text(encoding="utf-8") == "earlier work"
    a = json.loads((out / "a.txt.json").read_text(encoding="utf-8"))
    b = json.loads((out / "sub" / "b.docx.json").read_text(encoding="utf-8"))
    assert not (out / "sub" / "scan.pdf.json").exists()
    assert a["format"] == "text" and b["format"] == "docx"
    assert [t["name"] for t in a["transport"]] == [t["name"] for t in b["transport"]]
    assert all(t["where"].startswith("para. ") for t in b["transport"])
    transport = gpd.read_file(out / "transport.gpkg")
    assert set(transport["plan"]) == {"a.txt", "sub/b.docx"}
    # the 长株潭 action plan (issued by the province) is a plan of the group of three cities
    assert set(transport["level"]) == {"group"}
    assert set(transport["jurisdiction"]) == {"长株潭"}
    assert len(transport) == 2 * len(a["transport"])
    figures = gpd.read_file(out / "figures.gpkg")
    assert len(figures) == 2 * len(a["figures"])
    for kind in ("structures", "components"):
        assert (out / f"{kind}.gpkg").exists()

    # a second run without --overwrite refuses before doing anything and keeps every file
    before = (out / "a.txt.json").stat().st_mtime_ns
    assert main(["extract", str(src), "--out", str(out)]) == 2
    assert "exists; pass overwrite=True" in capsys.readouterr().err
    assert (out / "a.txt.json").stat().st_mtime_ns == before


def test_extract_one_pdf_says_where(tmp_path, capsys):
    from tests._documents import make_pdf

    text = "湖南省综合交通规划\n" + "\n" * 50 + "加快建设长赣高铁。\n"
    pdf = make_pdf(text, tmp_path / "plan.pdf", lines_per_page=45)
    out = tmp_path / "x.json"
    assert main(["extract", str(pdf), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "pdf"
    assert [(t["name"], t["where"]) for t in data["transport"]] == [("长赣高铁", "p. 2")]


def test_extract_needs_one_output_and_a_folder_needs_out(tmp_path, zhuzhou_path, capsys):
    assert main(["extract", str(zhuzhou_path)]) == 2
    assert main(["extract", str(zhuzhou_path), "--json", "a.json", "--out", "d"]) == 2
    assert main(["extract", str(zhuzhou_path.parent), "--json", str(tmp_path / "a.json")]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors == [
        "geoplan extract: error: give --json OUT for one plan or --out DIR for a folder of plans",
        "geoplan extract: error: give --json OUT for one plan or --out DIR for a folder, not both",
        f"geoplan extract: error: {zhuzhou_path.parent} is a folder: use --out DIR to extract "
        "every plan in it",
    ]
    assert not (tmp_path / "a.json").exists()
