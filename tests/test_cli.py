from __future__ import annotations

import json
import subprocess
import sys

from geoplan.cli import main


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
