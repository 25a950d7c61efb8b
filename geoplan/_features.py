"""Curated named features: the Chang-Zhu-Tan green heart, rivers, new areas, parks and zones.

The facts live in ``geodata/features.csv``, ``geodata/green_heart.csv`` and
``geodata/rivers.csv`` (provenance in ``geodata/README.features.md``). Geometries are built
here, at run time, from those facts; nothing is drawn by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geoplan._data import geodata_path
from geoplan.crs import HUNAN_CRS
from geoplan.errors import DataError

__all__ = [
    "GREEN_HEART_KM2",
    "Feature",
    "county_seats",
    "feature",
    "features",
    "green_heart",
    "match_feature",
    "river_line",
    "rivers",
]


@dataclass(frozen=True)
class Feature:
    """One curated named feature (a row of ``features.csv``)."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    adcodes: tuple[str, ...]
    lon: float | None
    lat: float | None
    precision: str
    confidence: str
    source_url: str
    note: str


def _split(value: object) -> tuple[str, ...]:
    if not isinstance(value, str) or not value.strip():
        return ()
    return tuple(part.strip() for part in value.split(";") if part.strip())


@cache
def features() -> tuple[Feature, ...]:
    """Return every curated feature of ``features.csv``.

    Examples
    --------
    >>> any(f.name == "长株潭生态绿心" for f in features())
    True
    """
    table = pd.read_csv(geodata_path("features.csv"), dtype=str, keep_default_na=False)
    out = []
    for row in table.itertuples(index=False):
        lon = float(row.lon) if row.lon else None
        lat = float(row.lat) if row.lat else None
        out.append(
            Feature(
                name=row.name,
                aliases=_split(row.aliases),
                kind=row.kind,
                adcodes=_split(row.adcodes),
                lon=lon,
                lat=lat,
                precision=row.precision,
                confidence=row.confidence,
                source_url=row.source_url,
                note=row.note,
            )
        )
    return tuple(out)


def feature(name: str) -> Feature:
    """Return the curated feature called ``name`` (or one of its aliases).

    Raises
    ------
    DataError
        If no curated feature has that name.
    """
    for item in features():
        if name == item.name or name in item.aliases:
            return item
    msg = f"no curated feature is called {name!r}"
    raise DataError(msg)


def match_feature(text: str) -> Feature | None:
    """Return the curated feature whose name or alias occurs in ``text`` (longest wins)."""
    best: tuple[int, Feature] | None = None
    for item in features():
        for label in (item.name, *item.aliases):
            if label in text and (best is None or len(label) > best[0]):
                best = (len(label), item)
    return best[1] if best else None


GREEN_HEART_KM2 = 528.32
"""Regulated area of 长株潭生态绿心 (revised 2010-2030 plan, 2019): the calibration target."""


@cache
def _green_heart_points() -> pd.DataFrame:
    """Return ``green_heart.csv``: one sourced WGS-84 reference point per management unit."""
    table = pd.read_csv(geodata_path("green_heart.csv"), dtype={"seq": int})
    if table.empty:
        msg = "green_heart.csv holds no points"
        raise DataError(msg)
    return table.sort_values("seq").reset_index(drop=True)


@cache
def green_heart(*, calibrate: bool = True) -> BaseGeometry:
    """Return the approximate outline of 长株潭生态绿心 (EPSG:4326).

    Construction (no boundary data of the green heart is available offline, see
    ``geodata/README.features.md``):

    1. the convex hull of the sourced reference points of its management units
       (``green_heart.csv``, WGS-84); uncalibrated it measures about 781.5 km2 in
       :data:`geoplan.crs.HUNAN_CRS` (+48 % against the regulated 528.32 km2);
    2. with ``calibrate=True`` (default) the hull is buffered uniformly in the equal-area
       :data:`~geoplan.crs.HUNAN_CRS` by the one distance (found by bisection, about
       -2.4 km, i.e. inward) that makes its area equal :data:`GREEN_HEART_KM2`. The area
       therefore matches **by construction**; only the shape and position carry
       information, and they are approximate (confidence low).

    Parameters
    ----------
    calibrate
        ``False`` returns the uncalibrated hull of step 1.

    Examples
    --------
    >>> green_heart().geom_type
    'Polygon'
    """
    table = _green_heart_points()
    hull = shapely.MultiPoint(list(zip(table["lon"], table["lat"], strict=True))).convex_hull
    if not calibrate:
        return hull
    metric = gpd.GeoSeries([hull], crs=4326).to_crs(HUNAN_CRS).iloc[0]
    target = GREEN_HEART_KM2 * 1e6

    def buffered(distance: float) -> BaseGeometry:
        return metric.buffer(distance, quad_segs=16)

    # the buffered area grows monotonically with the distance: bisect to 1 mm
    low, high = -20_000.0, 20_000.0
    while high - low > 1e-3:
        mid = (low + high) / 2
        low, high = (mid, high) if buffered(mid).area < target else (low, mid)
    calibrated = gpd.GeoSeries([buffered((low + high) / 2)], crs=HUNAN_CRS).to_crs(4326)
    return calibrated.iloc[0]


@cache
def rivers() -> pd.DataFrame:
    """Return ``rivers.csv``: each river's ordered places (upstream first).

    A row is either a county the river flows through (``kind == "county"``, no coordinates:
    its county seat stands in) or a sourced point on the river (``kind`` ``"source"``,
    ``"confluence"`` or ``"mouth"``, with WGS-84 ``lon``/``lat``).
    """
    table = pd.read_csv(
        geodata_path("rivers.csv"),
        dtype={"adcode": str, "seq": int, "lon": float, "lat": float},
    )
    return table.sort_values(["river", "seq"]).reset_index(drop=True)


@cache
def county_seats() -> pd.DataFrame | None:
    """Return ``county_seats.csv`` indexed by adcode, or ``None`` while it is not curated."""
    from geoplan import _network_data

    table = _network_data.county_seats()
    return table.set_index("adcode") if len(table) else None


def river_names() -> tuple[str, ...]:
    """Return every curated river name and alias, longest first."""
    table = rivers()
    labels = set(table["river"]) | {a for a in table["aliases"] if isinstance(a, str)}
    return tuple(sorted(labels, key=len, reverse=True))


def river_line(name: str, *, points=None) -> tuple[BaseGeometry | None, str]:
    """Return a schematic line of river ``name`` and how it was made.

    The line joins, upstream first, the river's places of ``rivers.csv``: sourced points
    (source, confluence, mouth) at their own WGS-84 coordinates, and the counties it flows
    through at their county seats (``county_seats.csv``; ``points`` may map
    adcode -> (lon, lat) instead). It is not the channel.

    Returns
    -------
    (geometry or None, method)
    """
    table = rivers()
    rows = table[(table["river"] == name) | (table["aliases"] == name)].sort_values("seq")
    if rows.empty:
        msg = f"no curated river is called {name!r}"
        raise DataError(msg)
    river = rows["river"].iloc[0]
    n_counties = int(rows["lon"].isna().sum())
    if points is None:
        seats = county_seats() if n_counties else None
        if seats is None and n_counties and len(rows) - n_counties < 2:
            return None, f"river {river}: county_seats.csv not available yet"
        points = {} if seats is None else {a: (r.lon, r.lat) for a, r in seats.iterrows()}
    coords, missing, n_sourced, n_seats = [], [], 0, 0
    for row in rows.itertuples(index=False):
        if not pd.isna(row.lon):
            coords.append((float(row.lon), float(row.lat)))
            n_sourced += 1
        elif row.adcode in points:
            lon, lat = points[row.adcode]
            coords.append((float(lon), float(lat)))
            n_seats += 1
        else:
            missing.append(row.adcode)
    if len(coords) < 2:
        return None, f"river {river}: fewer than two of its places have a position"
    method = (
        f"river {river}: schematic line through {len(coords)} places, upstream first "
        f"({n_seats} county seats, {n_sourced} sourced river points; not the channel)"
    )
    if missing:
        method += f"; counties without a position skipped: {','.join(missing)}"
    return shapely.LineString(coords), method
