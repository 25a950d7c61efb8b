"""Curated named features: the Chang-Zhu-Tan green heart, rivers, new areas, parks and zones.

The facts live in ``geodata/features.csv``, ``geodata/green_heart.csv`` and
``geodata/rivers.csv`` (provenance in ``geodata/README.features.md``). Geometries are built
here, at run time, from those facts; nothing is drawn by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geoplan._data import geodata_path
from geoplan.errors import DataError

__all__ = [
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


@cache
def _green_heart_points() -> pd.DataFrame:
    table = pd.read_csv(geodata_path("green_heart.csv"), dtype={"seq": int})
    if table.empty:
        msg = "green_heart.csv holds no points"
        raise DataError(msg)
    return table.sort_values("seq")


def green_heart() -> BaseGeometry:
    """Return the schematic outline of 长株潭生态绿心 (EPSG:4326).

    The outline is the convex hull of one sourced reference point per management unit of the
    green heart (``green_heart.csv``). It is an approximation (confidence low): the official
    boundary follows roads, rivers and township limits that no offline source gives.

    Examples
    --------
    >>> green_heart().geom_type
    'Polygon'
    """
    table = _green_heart_points()
    return shapely.MultiPoint(list(zip(table["lon"], table["lat"], strict=True))).convex_hull


@cache
def rivers() -> pd.DataFrame:
    """Return ``rivers.csv``: each river's ordered places (upstream first) with adcodes."""
    return pd.read_csv(geodata_path("rivers.csv"), dtype={"adcode": str, "seq": int})


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

    The line joins, in order, the positions of the counties the river flows through (county
    seats from ``county_seats.csv``; ``points`` may map adcode -> (lon, lat) instead).

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
    if points is None:
        seats = county_seats()
        if seats is None:
            return None, f"river {river}: county_seats.csv not available yet"
        points = {a: (float(r.lon), float(r.lat)) for a, r in seats.iterrows()}
    coords = [points[a] for a in rows["adcode"] if a in points]
    if len(coords) < 2:
        return None, f"river {river}: fewer than two of its counties have a position"
    missing = [a for a in rows["adcode"] if a not in points]
    method = (
        f"river {river}: schematic line through the {len(coords)} counties it flows "
        "through, upstream first (not the channel)"
    )
    if missing:
        method += f"; counties without a position skipped: {','.join(missing)}"
    return shapely.LineString(coords), method
