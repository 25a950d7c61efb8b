"""Tests of the curated named features (geoplan._features and its geodata files)."""

from __future__ import annotations

import pandas as pd
import pytest
import shapely

from geoplan import _features
from geoplan._data import geodata_path
from geoplan.errors import DataError

RIVERS = {"湘江", "渌水", "洣水", "涟水", "资水", "沅水", "澧水", "耒水", "舂陵水", "蒸水"}


def test_features_table_is_complete():
    table = pd.read_csv(geodata_path("features.csv"), dtype=str, keep_default_na=False)
    assert table["name"].is_unique
    assert set(table["confidence"]) <= {"high", "medium", "low"}
    assert set(table["precision"]) <= {"point", "county", "polygon"}
    for row in table.itertuples():
        assert all(len(a) == 6 and a.startswith("43") for a in row.adcodes.split(";"))
        # a point needs both coordinates, inside Hunan's bounding box
        if row.precision == "point":
            assert 108.7 < float(row.lon) < 114.3 and 24.6 < float(row.lat) < 30.2
        # low-confidence rows say why
        if row.confidence == "low":
            assert row.note


def test_feature_lookup_by_alias():
    assert _features.feature("湘江新区").name == "湖南湘江新区"
    assert _features.feature("绿心").kind == "green_heart"
    with pytest.raises(DataError):
        _features.feature("不存在的园区")


def test_match_feature_prefers_longest():
    assert _features.match_feature("共同加强长株潭生态绿心保护").name == "长株潭生态绿心"
    assert _features.match_feature("没有地名的句子") is None


def test_green_heart_points_are_sourced_and_in_the_three_cities():
    table = pd.read_csv(geodata_path("green_heart.csv"))
    assert list(table["seq"]) == list(range(1, len(table) + 1))
    assert set(table["city"]) == {"长沙", "株洲", "湘潭"}
    assert table["source_url"].str.startswith("http").all()
    assert table["lon"].between(112.8, 113.3).all() and table["lat"].between(27.7, 28.1).all()
    assert table["confidence"].isin(["high", "medium", "low"]).all()
    assert "坪塘" in set(table["unit"])
    assert _features.green_heart().is_valid
    assert _features.green_heart(calibrate=False).is_valid


def test_rivers_cover_the_issue_list():
    table = _features.rivers()
    assert set(table["river"]) == RIVERS
    assert set(table["kind"]) <= {"county", "source", "confluence", "mouth"}
    for _, rows in table.groupby("river"):
        assert list(rows["seq"]) == list(range(1, len(rows) + 1))
        assert rows["adcode"].str.fullmatch(r"43\d{4}").all()
    # county rows have no coordinates; sourced river points have both, inside Hunan, with
    # a source and a note saying where the coordinate comes from
    counties = table["kind"] == "county"
    assert table.loc[counties, ["lon", "lat"]].isna().all().all()
    sourced = table[~counties]
    assert len(sourced) >= 4
    assert sourced["lon"].between(108.7, 114.3).all() and sourced["lat"].between(24.6, 30.2).all()
    assert (
        sourced["source_url"].str.startswith("http").all()
        and sourced["note"].str.len().gt(20).all()
    )


def test_sourced_river_points_lie_in_their_county():
    from geoplan.gazetteer import admin_units

    counties = admin_units("county").set_index("adcode").geometry
    table = _features.rivers()
    for row in table[table["kind"] != "county"].itertuples():
        point = shapely.Point(row.lon, row.lat)
        # within 1 km of the county the row names (Xiaodukou sits 0.8 km off 津市市)
        assert counties[row.adcode].distance(point) * 111 < 1.0, row.place


def test_mouths_end_their_rivers():
    table = _features.rivers()
    for river in ("渌水", "资水", "澧水"):
        line, method = _features.river_line(river)  # county seats from county_seats.csv
        mouth = table[(table["river"] == river) & (table["kind"] == "mouth")].iloc[0]
        assert line.coords[-1] == (mouth.lon, mouth.lat)
        assert "1 sourced river points" in method
    assert _features.river_line("资水")[0].coords[-1] == (112.633, 28.8)


def test_river_line_through_given_points():
    points = {"430281": (113.49, 27.65), "430212": (113.14, 27.70)}
    line, method = _features.river_line("渌水", points=points)
    # 醴陵 from ``points``; the mouth at 渌口 from rivers.csv (not the given 430212 seat)
    assert list(line.coords) == [(113.49, 27.65), (113.15202, 27.70292)]
    assert method.startswith("river 渌水: schematic line through 2 places, upstream first")
    assert "1 county seats, 1 sourced river points" in method
    line, method = _features.river_line("渌江", points={})
    assert line is None and "fewer than two" in method
    with pytest.raises(DataError):
        _features.river_line("黄河", points=points)


def test_river_line_skips_counties_without_position():
    points = {"430225": (113.77, 26.49), "430223": (113.34, 27.0), "430424": (112.95, 27.08)}
    line, method = _features.river_line("洣水", points=points)
    assert isinstance(line, shapely.LineString) and len(line.coords) == 3
    assert method.endswith("counties without a position skipped: 430224")


def test_river_line_default_uses_county_seats():
    line, method = _features.river_line("蒸水")
    seats = _features.county_seats()
    assert line.coords[0] == (seats.loc["430582", "lon"], seats.loc["430582", "lat"])
    assert "3 county seats, 0 sourced river points" in method


def test_river_names_longest_first():
    names = _features.river_names()
    assert "舂陵水" in names and "湘江" in names and "湘水" in names
    assert [len(n) for n in names] == sorted((len(n) for n in names), reverse=True)
