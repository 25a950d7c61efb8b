"""Geometry and attribute preparation for maps: simplification for size, coordinate rounding,
and HTML-escaped properties for GeoJSON that enters a web page (escaped by :mod:`geoplan._html`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoplan import _html
from geoplan.crs import HUNAN_CRS, WGS84
from geoplan.errors import GeometryError

# 200 m: under a pixel at zoom 9 (about 270 m per pixel at 27 N), closer than a province-wide web
# map opens. Coverage simplification (shared edges stay shared) at 200 m moves the 122 county
# outlines by 170 m in the median and 370 m at most, and cuts them from 130,000 to 40,000
# coordinates (about 0.9 MB of GeoJSON). Static maps 8 inches wide show about 700 m per pixel.
WEB_TOLERANCE_M = 200.0
STATIC_TOLERANCE_M = 200.0
# 5 decimals of a degree is 1.1 m north-south: far below the simplification tolerance.
WEB_DECIMALS = 5

QUOTE_MAX_CHARS = 160
"""Tooltips show at most this many characters of a plan quote (the full quote stays in data)."""


def require_crs(gdf: gpd.GeoDataFrame | gpd.GeoSeries) -> None:
    """Raise ``GeometryError`` if a layer has no CRS."""
    if gdf.crs is None:
        msg = "layer has no CRS; geoplan layers must carry one (EPSG:4326 is canonical)"
        raise GeometryError(msg)


def simplify(gdf: gpd.GeoDataFrame, *, tolerance_m: float, crs: Any = WGS84) -> gpd.GeoDataFrame:
    """Return ``gdf`` simplified by ``tolerance_m`` metres (in :data:`HUNAN_CRS`), in ``crs``.

    Polygon layers are simplified as a coverage (shared edges stay shared, no slivers); other
    layers geometry by geometry. Empty results keep their original geometry.
    """
    require_crs(gdf)
    out = gdf.to_crs(HUNAN_CRS)
    geoms = np.asarray(out.geometry.values, dtype=object)
    if tolerance_m > 0 and len(geoms):
        types = set(out.geometry.geom_type.dropna())
        simplified = None
        if types <= {"Polygon", "MultiPolygon"} and len(geoms) > 1:
            try:
                simplified = shapely.coverage_simplify(geoms, tolerance_m)
            except shapely.errors.GEOSException:
                simplified = None
        if simplified is None:
            simplified = shapely.simplify(geoms, tolerance_m, preserve_topology=True)
        empty = shapely.is_empty(simplified) | pd.isna(simplified)
        simplified = np.where(empty, geoms, simplified)
        out = out.set_geometry(gpd.GeoSeries(simplified, index=out.index, crs=HUNAN_CRS))
    return out.to_crs(crs)


def outlines(
    boundaries: gpd.GeoDataFrame, level: str, *, tolerance_m: float = WEB_TOLERANCE_M
) -> gpd.GeoSeries:
    """Return the borders of ``level`` units as lines, each shared border once, in EPSG:4326.

    With county units at hand the borders are built from the simplified county coverage, so they
    fall exactly on the county edges of a county map drawn with the same tolerance.
    """
    require_crs(boundaries)
    has_levels = "level" in boundaries.columns
    counties = boundaries[boundaries["level"] == "county"] if has_levels else boundaries.iloc[:0]
    if not counties.empty and (level == "province" or "parent_adcode" in counties.columns):
        simple = simplify(counties, tolerance_m=tolerance_m, crs=HUNAN_CRS)
        geoms = np.asarray(simple.geometry.values, dtype=object)
        if level == "province":
            areas = [shapely.coverage_union_all(geoms)]
        elif level == "prefecture":
            keys = simple["parent_adcode"].to_numpy()
            areas = [shapely.coverage_union_all(geoms[keys == k]) for k in dict.fromkeys(keys)]
        else:
            areas = list(geoms)
    else:
        units = boundaries[boundaries["level"] == level] if has_levels else boundaries
        simple = simplify(units, tolerance_m=tolerance_m, crs=HUNAN_CRS)
        areas = list(simple.geometry.values)
    areas = [a for a in areas if a is not None and not a.is_empty]
    if not areas:
        return gpd.GeoSeries([], crs=WGS84)
    lines = shapely.line_merge(shapely.union_all(shapely.boundary(np.asarray(areas, dtype=object))))
    out = gpd.GeoSeries([lines], crs=HUNAN_CRS).to_crs(WGS84)
    return round_coordinates(out)


def round_coordinates(geoms: gpd.GeoSeries, decimals: int = WEB_DECIMALS) -> gpd.GeoSeries:
    """Return ``geoms`` with every coordinate rounded to ``decimals`` places."""
    rounded = shapely.transform(np.asarray(geoms.values, dtype=object), lambda c: c.round(decimals))
    return gpd.GeoSeries(rounded, index=geoms.index, crs=geoms.crs)


def web_ready(gdf: gpd.GeoDataFrame, *, tolerance_m: float = WEB_TOLERANCE_M) -> gpd.GeoDataFrame:
    """Return ``gdf`` simplified, in EPSG:4326, with coordinates rounded for a web page."""
    out = simplify(gdf, tolerance_m=tolerance_m, crs=WGS84)
    return out.set_geometry(round_coordinates(out.geometry))


HIDDEN_SHOWN_MIN = 0.1
"""An area of which less than this share shows past the areas stacked over it is drawn as a band
inside its edge, on top (a circle whose core and zone cover it whole, 株醴都市圈 under 株洲's
core and 醴陵's zone, would else be drawn and never seen)."""
BAND_WIDTH_SHARE = 0.06
"""Width of such a band, as a share of the square root of its area (a 3,000 km2 circle: 3.3 km,
about six pixels at the zoom a prefecture map opens), and at least :data:`BAND_WIDTH_MIN_M`."""
BAND_WIDTH_MIN_M = 1500.0


def stacked(gdf: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, np.ndarray]:
    """Return ``gdf`` as drawn with opaque fills, and each feature's drawing rank (0 at the bottom).

    Areas are stacked largest first, so none covers a smaller one, then lines, then points. An
    area the areas above it hide all but :data:`HIDDEN_SHOWN_MIN` of is drawn instead as a band
    inside its own edge, :data:`BAND_WIDTH_SHARE` of the root of its area wide, stacked above
    the areas: what a planner draws for a ring around parts drawn in full. Only the geometry
    drawn changes; every other column stays. Web and static maps both stack by this.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> from geoplan.crs import HUNAN_CRS
    >>> g = gpd.GeoDataFrame(geometry=[box(0, 0, 2e4, 1e4), box(0, 0, 1e4, 1e4),
    ...     box(1e4, 0, 2e4, 1e4)], crs=HUNAN_CRS)
    >>> drawn, z = stacked(g)
    >>> z.tolist(), round(drawn.to_crs(HUNAN_CRS).area.iloc[0] / 1e6)
    ([2, 0, 1], 81)
    """
    require_crs(gdf)
    metric = gdf.to_crs(HUNAN_CRS)
    geoms = np.asarray(metric.geometry.values, dtype=object)
    kind = metric.geometry.geom_type.fillna("").to_numpy()
    areal = np.isin(kind, ["Polygon", "MultiPolygon"])
    order = np.where(areal, 0, np.where(np.isin(kind, ["LineString", "MultiLineString"]), 2, 3))
    area = metric.area.fillna(0.0).to_numpy()
    ranked = np.lexsort((-area, order))
    banded = np.zeros(len(gdf), dtype=bool)
    areas = [i for i in ranked if areal[i] and area[i] > 0]
    for n, i in enumerate(areas):
        above = [geoms[j] for j in areas[n + 1 :]]
        if not above:
            break
        shown = shapely.difference(geoms[i], shapely.union_all(above)).area
        if shown < HIDDEN_SHOWN_MIN * area[i]:
            width = max(BAND_WIDTH_MIN_M, BAND_WIDTH_SHARE * math.sqrt(area[i]))
            inner = shapely.buffer(geoms[i], -width)
            geoms[i] = shapely.difference(geoms[i], inner) if not inner.is_empty else geoms[i]
            banded[i] = True
    ranked = np.lexsort((-area, np.where(banded, 1, order)))  # bands above the areas
    z = np.empty(len(gdf), dtype=int)
    z[ranked] = np.arange(len(gdf))
    if not banded.any():
        return gdf, z
    drawn = metric.set_geometry(gpd.GeoSeries(geoms, index=gdf.index, crs=HUNAN_CRS))
    return drawn.to_crs(gdf.crs), z


def is_missing(value: Any) -> bool:
    """Return whether a cell is empty (None, NaN, NA, empty string)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def text_for_html(value: Any, *, decimals: int | None = None, max_chars: int | None = None) -> str:
    """Return ``value`` as HTML-escaped text for a tooltip (numbers formatted, text shortened)."""
    if is_missing(value):
        return "–"
    if isinstance(value, (int, np.integer, float, np.floating)) and not isinstance(value, bool):
        number = float(value)
        if decimals is not None:
            text = f"{number:,.{decimals}f}"
        elif number.is_integer():
            text = str(int(number))  # years and codes stay as written: 2025, not 2,025
        else:
            text = f"{number:.6g}"
    else:
        text = str(value)
    if max_chars is not None and len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    return _html.escape(text)


def feature_collection(
    gdf: gpd.GeoDataFrame,
    properties: Mapping[str, Sequence[Any]],
    *,
    ids: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Build a GeoJSON FeatureCollection from ``gdf``'s geometry and ready-made properties.

    ``properties`` maps each property name to one already escaped value per row; nothing else of
    ``gdf`` enters the page.
    """
    features = []
    keys = list(properties)
    for i, geom in enumerate(gdf.geometry.values):
        if geom is None or geom.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "id": str(ids[i]) if ids is not None else str(i),
                "properties": {key: properties[key][i] for key in keys},
                "geometry": shapely.geometry.mapping(geom),
            }
        )
    return {"type": "FeatureCollection", "features": features}
