"""Static maps and charts of change between two travel-time scenarios: minutes saved per grid
cell and per county, and the population reached within budgets in each scenario.

The numbers come from :mod:`geoplan.catchment` (its surfaces and accessibility tables); this
module only draws them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from geoplan import _maps_static
from geoplan._maps_classes import ramp
from geoplan.crs import HUNAN_CRS

SAVED_BINS = (0.5, 5.0, 15.0, 30.0, 60.0, 120.0)
"""Class edges of minutes saved: under half a minute counts as no change (grid noise)."""
SAVED_CMAP = "YlGn"
NO_CHANGE_COLOR = "#f0f0f0"
SLOWER_COLOR = "#b2182b"


def saved_minutes(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Return minutes saved per cell (before - after); ``nan`` outside, unreached counted as
    saved only when reached after (``inf`` before, finite after: ``inf``)."""
    with np.errstate(invalid="ignore"):
        saved = before - after
    saved[np.isinf(before) & np.isinf(after)] = 0.0
    return saved


def saved_classes() -> tuple[list[str], list[str]]:
    """Return the colours and labels of the classes of minutes saved (slower, none, bins...)."""
    colors = [SLOWER_COLOR, NO_CHANGE_COLOR, *ramp(len(SAVED_BINS) - 1, SAVED_CMAP)]
    labels = ["slower", f"< {SAVED_BINS[0]:g} min"]
    labels += [f"{a:g}–{b:g} min" for a, b in itertools.pairwise(SAVED_BINS)]
    labels[-1] = f"≥ {SAVED_BINS[-2]:g} min"
    return colors, labels


def draw_saved_cells(
    ax: Axes, x: np.ndarray, y: np.ndarray, saved: np.ndarray
) -> list[tuple[str, str]]:
    """Draw minutes saved per cell as classed cells; return the legend rows drawn."""
    colors, labels = saved_classes()
    edges = [-1e12, -SAVED_BINS[0], SAVED_BINS[0], *SAVED_BINS[1:-1], 1e12]
    norm = BoundaryNorm(edges, len(colors))
    values = np.where(np.isinf(saved), 1e11, saved)
    ax.pcolormesh(
        x, y, np.ma.masked_invalid(values), cmap=ListedColormap(colors), norm=norm,
        shading="nearest", zorder=0.5, rasterized=True,
    )  # fmt: skip
    return list(zip(colors, labels, strict=True))


def minutes_saved_figure(
    x: np.ndarray,
    y: np.ndarray,
    saved: np.ndarray,
    counties: gpd.GeoDataFrame,
    *,
    column: str,
    title: str,
    origin: str,
) -> Figure:
    """Two panels: minutes saved per grid cell, and per county (``counties[column]``)."""
    with _maps_static.font_context():
        fig = Figure(figsize=(16.0, 8.5), layout="constrained")
        FigureCanvasAgg(fig)
        ax_cells, ax_counties = fig.subplots(1, 2)
        rows = draw_saved_cells(ax_cells, x, y, saved)
        colors, labels = saved_classes()
        shown = [r for r in rows if r[1] != "slower" or np.nanmin(saved) < -SAVED_BINS[0]]
        _maps_static.draw(
            counties.iloc[:0], colors=None, legend=shown, ax=ax_cells,
            title=f"per 1 km cell, from {origin}", legend_title="minutes saved",
            label_column=None, boundaries=counties, figsize=(8, 8.5), tolerance_m=200.0,
        )  # fmt: skip
        values = counties[column].to_numpy(dtype=float)
        idx = np.digitize(values, [-SAVED_BINS[0], SAVED_BINS[0], *SAVED_BINS[1:-1]])
        finite = np.isfinite(values)
        county_colors = [colors[i] if f else "#ffffff" for i, f in zip(idx, finite, strict=True)]
        used = sorted({int(i) for i, f in zip(idx, finite, strict=True) if f})
        _maps_static.draw(
            counties, colors=county_colors, legend=[(colors[i], labels[i]) for i in used],
            ax=ax_counties, title=f"county mean, from {origin}", legend_title="minutes saved",
            label_column=None, boundaries=None, figsize=(8, 8.5), tolerance_m=200.0,
        )  # fmt: skip
        fig.suptitle(title, fontsize=14)
    return fig


def population_reached_chart(
    reached: pd.DataFrame, *, title: str, scenario_column: str = "scenario"
) -> Figure:
    """Grouped bars: population reached (millions) within each budget, one bar per scenario.

    ``reached`` has ``scenario``, ``hours`` and ``population`` columns.
    """
    with _maps_static.font_context():
        fig = Figure(figsize=(7.0, 4.5), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        scenarios = list(dict.fromkeys(reached[scenario_column]))
        hours = sorted(reached["hours"].unique())
        width = 0.8 / len(scenarios)
        colors = ramp(max(len(scenarios), 2), "Blues")[-len(scenarios) :]
        for k, (scenario, color) in enumerate(zip(scenarios, colors, strict=True)):
            part = reached[reached[scenario_column] == scenario].set_index("hours")
            values = [float(part.loc[h, "population"]) / 1e6 for h in hours]
            xs = np.arange(len(hours)) + (k - (len(scenarios) - 1) / 2) * width
            bars = ax.bar(xs, values, width=width, color=color, edgecolor="#333333", lw=0.5)
            ax.bar_label(bars, labels=[f"{v:.1f}" for v in values], fontsize=8, padding=2)
        ax.set_xticks(np.arange(len(hours)), [f"≤ {h:g} h" for h in hours])
        ax.set_ylabel("population reached (million, 2020 census)")
        handles = [
            Patch(facecolor=c, edgecolor="#333333", label=s)
            for s, c in zip(scenarios, colors, strict=True)
        ]
        ax.legend(handles=handles, loc="upper left", fontsize=9)
        ax.set_title(title, fontsize=11)
        ax.spines[["top", "right"]].set_visible(False)
    return fig


def county_means(
    x: np.ndarray, y: np.ndarray, values: np.ndarray, counties: gpd.GeoDataFrame
) -> pd.Series:
    """Mean of finite ``values`` over the grid cells whose centre lies in each county."""
    xx, yy = np.meshgrid(x, y)
    ok = np.isfinite(values)
    cells = gpd.GeoDataFrame(
        {"v": values[ok]}, geometry=gpd.points_from_xy(xx[ok], yy[ok]), crs=HUNAN_CRS
    )
    units = counties[["adcode", "geometry"]].to_crs(HUNAN_CRS)
    joined = gpd.sjoin(cells, units, predicate="within", how="inner")
    return joined.groupby("adcode")["v"].mean()


__all__: Sequence[str] = [
    "county_means",
    "draw_saved_cells",
    "minutes_saved_figure",
    "population_reached_chart",
    "saved_classes",
    "saved_minutes",
]
