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
    assert _features.green_heart().is_valid


def test_rivers_cover_the_issue_list():
    table = _features.rivers()
    assert set(table["river"]) == RIVERS
    for _, rows in table.groupby("river"):
        assert list(rows["seq"]) == list(range(1, len(rows) + 1))
        assert rows["adcode"].str.fullmatch(r"43\d{4}").all()


def test_river_line_through_given_points():
    points = {"430281": (113.49, 27.65), "430212": (113.14, 27.70)}
    line, method = _features.river_line("渌水", points=points)
    assert list(line.coords) == [(113.49, 27.65), (113.14, 27.70)]
    assert method.startswith("river 渌水: schematic line through the 2 counties")
    line, method = _features.river_line("渌江", points={"430281": (113.49, 27.65)})
    assert line is None and "fewer than two" in method
    with pytest.raises(DataError):
        _features.river_line("黄河", points=points)


def test_river_line_skips_counties_without_position():
    points = {"430225": (113.77, 26.49), "430223": (113.34, 27.0), "430424": (112.95, 27.08)}
    line, method = _features.river_line("洣水", points=points)
    assert isinstance(line, shapely.LineString) and len(line.coords) == 3
    assert method.endswith("counties without a position skipped: 430224")
