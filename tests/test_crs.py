from __future__ import annotations

import numpy as np
import pytest
import shapely
from pyproj import Geod

from geoplan.crs import (
    HUNAN_CRS,
    gcj02_to_wgs84,
    geometry_gcj02_to_wgs84,
    geometry_wgs84_to_gcj02,
    wgs84_to_gcj02,
)

GEOD = Geod(ellps="WGS84")


def test_round_trip_within_a_centimetre_over_hunan():
    rng = np.random.default_rng(0)
    lon = rng.uniform(108.8, 114.3, 5000)
    lat = rng.uniform(24.6, 30.1, 5000)
    g_lon, g_lat = wgs84_to_gcj02(lon, lat)
    w_lon, w_lat = gcj02_to_wgs84(g_lon, g_lat)
    _, _, dist = GEOD.inv(lon, lat, w_lon, w_lat)
    assert dist.max() < 0.01


def test_shift_in_hunan_is_about_600_m_east_south_east():
    lon, lat = 112.9388, 28.2282  # central Changsha
    g_lon, g_lat = wgs84_to_gcj02(lon, lat)
    az, _, dist = GEOD.inv(lon, lat, float(g_lon), float(g_lat))
    assert 550 < dist < 700
    assert 100 < az % 360 < 150  # east-south-east


def test_geometry_conversion_keeps_shape_and_moves_it():
    poly = shapely.Polygon([(113.0, 27.8), (113.1, 27.8), (113.1, 27.9), (113.0, 27.9)])
    moved = geometry_wgs84_to_gcj02(poly)
    back = geometry_gcj02_to_wgs84(moved)
    assert moved.is_valid and back.is_valid
    assert shapely.hausdorff_distance(poly, back) < 1e-9
    assert shapely.hausdorff_distance(poly, moved) > 0.004


def test_hunan_crs_is_metric_equal_area():
    assert HUNAN_CRS.is_projected
    assert HUNAN_CRS.axis_info[0].unit_name == "metre"
    assert "Albers" in HUNAN_CRS.to_wkt()


@pytest.mark.parametrize("value", [np.nan])
def test_nan_stays_nan(value):
    lon, lat = gcj02_to_wgs84(value, value)
    assert np.isnan(lon) and np.isnan(lat)
