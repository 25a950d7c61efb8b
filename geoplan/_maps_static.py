"""Static map drawing with matplotlib: the CJK font, the scale bar, the north arrow, the legend.

The font is Noto Sans SC from the PyPI package ``zhplot`` (SIL OFL), registered with matplotlib at
run time; zhplot is located without importing it, because importing it changes matplotlib's
global settings.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import geopandas as gpd
import matplotlib as mpl
import numpy as np
import pandas as pd
import pyproj
from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon, Rectangle

from geoplan import _maps_context, _maps_geom
from geoplan._data import package_file
from geoplan.crs import HUNAN_CRS, WGS84

CJK_FONT_FAMILY = "Noto Sans SC"
_FONT_FILE = "NotoSansSC-Regular.ttf"


@cache
def cjk_font_path() -> Path:
    """Return the path of the Noto Sans SC font shipped by the ``zhplot`` package."""
    return package_file(
        "zhplot", "fonts", _FONT_FILE, what="the CJK font Noto Sans SC (PyPI zhplot)"
    )


@cache
def register_cjk_font() -> str:
    """Register Noto Sans SC with matplotlib (once) and return its family name."""
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


@contextlib.contextmanager
def font_context() -> Iterator[None]:
    """Set text in Noto Sans SC (DejaVu Sans as fallback) with an ASCII minus, for one block.

    SVG keeps text as ``<text>`` elements (``svg.fonttype`` none), so labels can be found in it.

    Noto Sans SC has no U+2212 MINUS SIGN, so matplotlib's Unicode minus is turned off.
    """
    family = register_cjk_font()
    with mpl.rc_context(
        {
            "font.family": [family, "DejaVu Sans"],
            "axes.unicode_minus": False,
            "svg.hashsalt": "geoplan",
            "svg.fonttype": "none",  # SVG text stays text: searchable, selectable, small
        }
    ):
        yield


def _nice_length(span_m: float) -> float:
    """Return a round length (1, 2 or 5 times a power of ten, metres) near a fifth of ``span_m``."""
    target = span_m / 5.0
    power = 10 ** math.floor(math.log10(target))
    for step in (5, 2, 1):
        if step * power <= target:
            return step * power
    return power


def scale_bar(ax: Axes, *, location: tuple[float, float] = (0.05, 0.05)) -> float:
    """Draw a two-segment scale bar in an axes whose units are metres; return its length (m)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    length = _nice_length(x1 - x0)
    height = (y1 - y0) * 0.008
    bx = x0 + (x1 - x0) * location[0]
    by = y0 + (y1 - y0) * location[1]
    half = length / 2
    for i, face in enumerate(("#222222", "#ffffff")):
        ax.add_patch(
            Rectangle(
                (bx + i * half, by),
                half,
                height,
                facecolor=face,
                edgecolor="#222222",
                lw=0.8,
                zorder=10,
            )
        )
    km = length / 1000
    for x, text in ((bx, "0"), (bx + half, f"{km / 2:g}"), (bx + length, f"{km:g} km")):
        ax.text(x, by + height * 1.8, text, ha="center", va="bottom", fontsize=8, zorder=10)
    return length


def north_arrow(
    ax: Axes, *, crs: pyproj.CRS, location: tuple[float, float] = (0.93, 0.88)
) -> float:
    """Draw a north arrow pointing to true north at its place; return its angle from the y axis.

    In a conic projection meridians converge, so true north tilts away from the map's y axis
    east and west of the central meridian; the arrow is turned by that convergence.
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    ax_x = x0 + (x1 - x0) * location[0]
    ax_y = y0 + (y1 - y0) * location[1]
    to_geo = pyproj.Transformer.from_crs(crs, WGS84, always_xy=True)
    to_map = pyproj.Transformer.from_crs(WGS84, crs, always_xy=True)
    lon, lat = to_geo.transform(ax_x, ax_y)
    nx, ny = to_map.transform(lon, lat + 0.1)
    angle = math.atan2(nx - ax_x, ny - ax_y)
    size = (y1 - y0) * 0.06
    # A slim arrowhead: tip, right base, notch, left base (in arrow coordinates, y along north).
    shape = np.array([[0, 1.0], [0.35, -0.2], [0, 0.05], [-0.35, -0.2]]) * size
    rot = np.array([[math.cos(angle), math.sin(angle)], [-math.sin(angle), math.cos(angle)]])
    pts = shape @ rot + [ax_x, ax_y]
    ax.add_patch(Polygon(pts, closed=True, facecolor="#222222", edgecolor="#222222", zorder=10))
    tip = np.array([0, 1.0 + 0.45]) * size @ rot + [ax_x, ax_y]
    ax.text(tip[0], tip[1], "北 N", ha="center", va="center", fontsize=9, zorder=10)
    return math.degrees(angle)


@contextlib.contextmanager
def _no_idle_draws(fig: Figure) -> Iterator[None]:
    """Skip the full redraw geopandas asks for after every ``plot`` call, for one block.

    On an Agg canvas ``draw_idle`` draws at once: a map of five layers was drawn five times
    before it was saved (about 60 % of a static map's time).
    """
    canvas = fig.canvas
    canvas.draw_idle = lambda *_args, **_kwargs: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        del canvas.draw_idle  # the class's method again


def draw(
    gdf: gpd.GeoDataFrame,
    *,
    colors: list[str] | None,
    legend: list[tuple[str, ...]] | None,
    ax: Axes | None,
    title: str | None,
    legend_title: str | None,
    label_column: str | None,
    boundaries: gpd.GeoDataFrame | None,
    figsize: tuple[float, float],
    tolerance_m: float,
    outlined: np.ndarray | None = None,
    context: bool = True,
    markers: gpd.GeoDataFrame | None = None,
    markers_label: str | None = None,
    order: np.ndarray | None = None,
) -> tuple[Figure, Axes]:
    """Draw ``gdf`` with scale bar, north arrow and legend.

    ``colors`` gives each feature's colour (fill of polygons, colour of lines and points);
    ``legend`` the ``(colour, label)`` rows of the legend, or ``(colour, label, "outline")`` for
    a dashed outline; without them features are drawn plainly. Polygons where ``outlined`` is
    true are drawn as dashed outlines of their colour, not filled. With ``context`` the
    province and prefecture borders, the rivers and the prefecture seats (county seats on a
    small map) are drawn and named; ``order`` ranks the areas drawn (lowest at the bottom; by
    default largest first, so nested areas stay visible); ``markers`` (e.g. stations) are
    marked on top. Labels (seats,
    ``label_column`` once per distinct text, rivers, counties, in that order) are placed without
    overlapping each other or the legend.
    """
    with font_context(), contextlib.ExitStack() as stack:
        # the axes are made inside the font context: their title takes its font at creation
        if ax is None:
            fig = Figure(figsize=figsize, layout="constrained")
            FigureCanvasAgg(fig)  # fig.canvas.draw() renders, without pyplot's global state
            ax = fig.add_subplot()
        else:
            fig = ax.get_figure()
        stack.enter_context(_no_idle_draws(fig))
        shapes = _maps_geom.simplify(gdf, tolerance_m=tolerance_m, crs=HUNAN_CRS)
        base = None
        if boundaries is not None:
            _maps_geom.require_crs(boundaries)
            base = _maps_geom.simplify(boundaries, tolerance_m=tolerance_m, crs=HUNAN_CRS)
            base.boundary.plot(ax=ax, color="#9aa3ad", linewidth=0.4, zorder=1)
        kinds = shapes.geometry.geom_type.fillna("")
        polys = kinds.isin(["Polygon", "MultiPolygon"]).to_numpy()
        lines = kinds.isin(["LineString", "MultiLineString"]).to_numpy()
        points = kinds.isin(["Point", "MultiPoint"]).to_numpy()
        styles = (
            (polys, {"edgecolor": "#555555", "linewidth": 0.3, "zorder": 2}, "#eef0e6"),
            (lines, {"linewidth": 1.8, "zorder": 3}, "#b2182b"),
            (points, {"markersize": 14, "zorder": 4, "edgecolor": "#222222"}, "#222222"),
        )
        for mask, style, plain in styles:
            if not mask.any():
                continue
            rows = np.flatnonzero(mask)
            if mask is polys:
                # largest first, so nested areas (isochrones, a core in its circle) stay visible
                rank = -shapes.geometry.iloc[rows].area.to_numpy() if order is None else order[rows]
                rows = rows[np.argsort(rank, kind="stable")]
            part = shapes.iloc[rows]
            color = [colors[i] for i in rows] if colors is not None else [plain] * len(rows)
            if mask is polys:
                edge = np.zeros(len(rows), dtype=bool) if outlined is None else outlined[rows]
                if edge.any():
                    edge_colors = [c for c, e in zip(color, edge, strict=True) if e]
                    part[edge].boundary.plot(
                        ax=ax, color=edge_colors, linewidth=1.3, linestyle="--", zorder=2.5
                    )
                if (~edge).any():
                    fills = [c for c, e in zip(color, edge, strict=True) if not e]
                    part[~edge].plot(ax=ax, facecolor=fills, **style)
            else:
                part.plot(ax=ax, color=color, **style)
        ax.set_aspect("equal")
        ax.set_axis_off()
        # the frame holds the layer and, when given, the whole of the boundaries around it
        extent = shapes if base is None else pd.concat([shapes.geometry, base.geometry])
        minx, miny, maxx, maxy = extent.total_bounds
        padx, pady = (maxx - minx) * 0.04, (maxy - miny) * 0.04
        ax.set_xlim(minx - padx, maxx + padx)
        ax.set_ylim(miny - pady * 3, maxy + pady)
        context_rows: list[tuple[str, ...]] = []
        if context:
            context_rows = _maps_context.draw_borders_and_rivers(ax)
        if markers is not None and not markers.empty:
            pts = markers.to_crs(HUNAN_CRS)
            ax.scatter(
                pts.geometry.x, pts.geometry.y, s=10, c="white", edgecolors="#222222",
                linewidths=0.8, zorder=6, label=markers_label,
            )  # fmt: skip
        ax.set_xlim(minx - padx, maxx + padx)  # context layers must not widen the frame
        ax.set_ylim(miny - pady * 3, maxy + pady)
        scale_bar(ax)
        north_arrow(ax, crs=HUNAN_CRS)
        if markers is not None and not markers.empty and markers_label and legend is not None:
            legend = [*legend, ("#ffffff", markers_label, "point")]
        if context_rows and legend:  # the rivers drawn, named by their source
            legend = [*(legend or []), *context_rows]
        if legend:
            kind = "line" if lines.any() and not polys.any() else "patch"
            handles = [_legend_handle(row, kind) for row in legend]
            leg = ax.legend(
                handles=handles,
                title=legend_title,
                loc="lower right",
                fontsize=8,
                title_fontsize=9,
                frameon=True,
            )
            leg.set_zorder(20)  # above borders, rivers and labels
        if title:
            ax.set_title(title, fontsize=13)
        if context or label_column is not None:
            _place_labels(ax, fig, shapes, gdf, label_column=label_column, context=context)
    return fig, ax


def _legend_handle(row: tuple[str, ...], kind: str) -> Artist:
    """A legend swatch: ``(colour, label)`` as a patch or line, ``(.., "outline" | "point" |
    "line")``."""
    color, label, *style = row
    if style == ["outline"]:
        return Patch(facecolor="none", edgecolor=color, linestyle="--", lw=1.3, label=label)
    if style == ["point"]:
        return Line2D(
            [], [], marker="o", linestyle="none", markerfacecolor=color,
            markeredgecolor="#222222", label=label,
        )  # fmt: skip
    if kind == "line" or style == ["line"]:
        return Line2D([], [], color=color, linewidth=2.5, label=label)
    return Patch(facecolor=color, edgecolor="#555555", label=label)


def _place_labels(
    ax: Axes,
    fig: Figure,
    shapes: gpd.GeoDataFrame,
    gdf: gpd.GeoDataFrame,
    *,
    label_column: str | None,
    context: bool,
) -> None:
    """Name places, features and rivers without overlaps (the layout is settled first)."""
    if not hasattr(fig.canvas, "get_renderer"):
        FigureCanvasAgg(fig)
    fig.draw_without_rendering()
    labeller = _maps_context.Labeller(ax)
    if ax.get_legend() is not None:
        labeller.block(ax.get_legend())
    if context:
        _maps_context.label_places(ax, labeller, counties=False)
    if label_column is not None:
        for text, xy in _maps_context.feature_labels(shapes, list(gdf[label_column])):
            if _maps_context.frame_holds(ax, xy):
                labeller.add(text, xy, fontsize=7.5, color="#111111")
    if context:
        _maps_context.label_rivers(labeller, ax)
        _maps_context.label_places(ax, labeller, prefectures=False)
