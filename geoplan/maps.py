"""Maps: interactive folium maps (choropleths, spatial structures, corridors, catchments) that work
offline as one self-contained HTML file, and static matplotlib maps in a projected CRS.

Interactive maps carry a layer control, a classed legend, tooltips with the name, the value and
the plan quote (escaped), and a fullscreen button. With ``offline=True`` (the default) there are no
tiles: the base layer is geoplan's own boundaries and Leaflet is inlined, so the page makes no
request. Static maps draw in :data:`geoplan.crs.HUNAN_CRS` with Chinese labels in Noto Sans SC
(shipped by the PyPI package ``zhplot``), a scale bar, a north arrow and a classed legend.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import folium
import folium.plugins
import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure

from geoplan import _maps_geom, _maps_labels, _maps_leaflet, _maps_rivers, _maps_static
from geoplan._html import escape
from geoplan._io import atomic_path, write_text
from geoplan._maps_classes import DEFAULT_CMAP, NO_DATA_COLOR, NO_DATA_LABEL, SCHEMES, classify
from geoplan.errors import DataError, GeoplanError

__all__ = [
    "BUILT_COLOR",
    "BUILT_STATUSES",
    "FILL_OPACITY",
    "PLACE_IN_PLAN",
    "PLANNED_COLOR",
    "ROLE_GROUP_PREFIX",
    "SCHEMES",
    "WHOLE_COLOR",
    "boundaries_map",
    "catchment_map",
    "choropleth",
    "lines_map",
    "save_figure",
    "save_html",
    "static_map",
    "structure_map",
    "structure_static_map",
    "to_html",
]

BUILT_STATUSES = frozenset(
    {"built", "open", "opened", "operating", "in service", "existing", "已建成", "建成", "运营"}
)
"""Values of a line's status column drawn as built (solid); any other value is drawn as planned."""

_ONLINE_TILES = "OpenStreetMap"  # needs no API key (CartoDB tiles now do)
_OFFLINE_ATTR = "geoplan_offline"
_CATEGORY_COLORS = (
    "#d62728",
    "#1f77b4",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
BUILT_COLOR = "#b2182b"
PLANNED_COLOR = "#2166ac"
"""Colours of built and planned lines, on web maps (solid, dashed) and static maps alike."""
_BUILT_STYLE = {"color": BUILT_COLOR, "weight": 4, "opacity": 0.95}
_PLANNED_STYLE = {"color": PLANNED_COLOR, "weight": 3, "opacity": 0.95, "dashArray": "8 6"}
_TOOLTIP_STYLE = "max-width: 22em;"
STRUCTURE_TOLERANCE_M = 100.0
"""Simplification of structure components on web maps: half a pixel at zoom 10 (135 m), and it
keeps the province plan's 24 components with their popups under 1.5 MB (50 m: 1.49 MB)."""
POPUP_QUOTE_MAX_CHARS = 1200
"""A click on a structure component opens its quote whole (a tooltip shows the first 160)."""
FILL_OPACITY = 1.0
"""Fill opacity of structure components: opaque, stacked largest first, so every component shows
the colour its legend row gives (translucent fills stacked on each other mix into colours the
legend does not have: the 株洲 page looked purple and grey). Borders are drawn on top."""
WHOLE_COLOR = "#555555"
WHOLE_LABEL = "整体 (未分解) named without parts: outline"
"""Legend label of a structure the plan names without its parts, drawn as a dashed outline."""
ROLE_GROUP_PREFIX = "全部 all: "
"""Layer-control name of a role-class toggle on structure maps, before the class (``core``)."""
_WHOLE_STYLE = {"color": WHOLE_COLOR, "weight": 2, "dashArray": "6 4", "fillOpacity": 0.0}


def _admin_units(level: str | None = None) -> gpd.GeoDataFrame:
    """Return geoplan's administrative units (the gazetteer's boundaries) at ``level``."""
    from geoplan.gazetteer import admin_units  # imported late: maps work without it until asked

    return admin_units(level)


def _boundaries(boundaries: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame:
    if boundaries is None:
        boundaries = _admin_units()
    _maps_geom.require_crs(boundaries)
    return boundaries


def _levels(boundaries: gpd.GeoDataFrame, *names: str) -> gpd.GeoDataFrame:
    if "level" not in boundaries.columns:
        return boundaries
    return boundaries[boundaries["level"].isin(names)]


# ---------------------------------------------------------------------------------------------
# interactive maps


def _new_map(*, offline: bool, title: str | None) -> folium.Map:
    m = folium.Map(
        location=[27.6, 111.7],
        zoom_start=7,
        tiles=None if offline else _ONLINE_TILES,
        control_scale=True,
    )
    if title:
        m.get_root().title = escape(title)  # branca writes <title>{{ title }}</title> raw
    setattr(m, _OFFLINE_ATTR, offline)
    if offline:
        _maps_leaflet.use_leaflet_only(m)
        _maps_leaflet.FullscreenControl().add_to(m)
    else:
        folium.plugins.Fullscreen(position="topleft").add_to(m)
    _maps_leaflet.add_page_style(m)
    return m


def _add_base(m: folium.Map, boundaries: gpd.GeoDataFrame, *, level: str = "province") -> None:
    """Add the base layer (units of ``level`` filled white, names on hover) under the rest.

    Thematic maps use the province (a light page; prefecture borders come on top), the
    boundaries map the 122 counties (about 0.9 MB more).
    """
    units = _levels(boundaries, level)
    if units.empty:
        units = boundaries
    units = _maps_geom.web_ready(units)
    names = [
        _maps_geom.text_for_html(v) for v in units.get("name", pd.Series("", index=units.index))
    ]
    data = _maps_geom.feature_collection(units, {"name": names})
    folium.GeoJson(
        data,
        name=escape("行政区划 boundaries"),
        style_function=lambda _f: {
            "fillColor": "#ffffff",
            "fillOpacity": 1.0,
            "color": "#9aa3ad",
            "weight": 0.6,
        },
        tooltip=folium.GeoJsonTooltip(["name"], labels=False, style=_TOOLTIP_STYLE),
        control=True,
        overlay=False,
    ).add_to(m)


def _add_outlines(m: folium.Map, boundaries: gpd.GeoDataFrame) -> None:
    """Add prefecture and province borders on top of everything, not catching the mouse."""
    if "level" not in boundaries.columns:
        return
    for level, label, weight in (("prefecture", "地级市界", 1.2), ("province", "省界", 2.2)):
        lines = _maps_geom.outlines(boundaries, level)
        if lines.empty:
            continue
        folium.GeoJson(
            _maps_geom.feature_collection(gpd.GeoDataFrame(geometry=lines), {}),
            name=escape(f"{label} {level} borders"),
            style_function=lambda _f, w=weight: {"color": "#3b3b3b", "weight": w},
            interactive=False,
            control=False,
        ).add_to(m)


def _add_context(m: folium.Map) -> None:
    """Add the rivers (WDBII lines, named where matched) and the seats, switchable.

    The same context as the static maps (:mod:`geoplan._maps_context`). Seat names are Leaflet
    ``divIcon`` labels in screen pixels, so they keep their size at every zoom; each shows from
    the zoom at which it overlaps no label of higher priority (:mod:`geoplan._maps_labels`).
    """
    from geoplan import _maps_context

    rivers = _maps_context.rivers()
    if not rivers.empty:
        shapes = _maps_geom.web_ready(rivers, tolerance_m=100.0)
        # not interactive: drawn over the areas with the borders, never catching the mouse
        folium.GeoJson(
            _maps_geom.feature_collection(shapes, {}),
            name=escape(_maps_rivers.LEGEND_LABEL),
            style_function=lambda _f: {"color": _maps_context.RIVER_COLOR, "weight": 1.5},
            interactive=False,
        ).add_to(m)
    labels = _maps_labels.map_labels()
    labels = labels[labels["min_zoom"].notna()]
    for level, name in (
        ("prefecture", "地级市驻地 prefecture seats"),
        ("county", "县级驻地 county seats"),
        ("river", "河流名称 river names"),
    ):
        part = labels[labels["level"] == level]
        if part.empty:
            continue
        fg = folium.FeatureGroup(name=escape(name))
        rows = zip(part["lat"], part["lon"], part["text"], part["min_zoom"], strict=True)
        _maps_leaflet.ZoomLabels(
            [(lat, lon, escape(text), int(z)) for lat, lon, text, z in rows], level=level
        ).add_to(fg)
        fg.add_to(m)


def _finish(m: folium.Map, bounds_gdf: gpd.GeoDataFrame) -> folium.Map:
    folium.LayerControl(collapsed=False).add_to(m)
    if not bounds_gdf.empty:
        minx, miny, maxx, maxy = bounds_gdf.to_crs(4326).total_bounds
        if np.all(np.isfinite([minx, miny, maxx, maxy])):
            m.fit_bounds([[float(miny), float(minx)], [float(maxy), float(maxx)]])
    return m


def _tooltip_columns(
    gdf: gpd.GeoDataFrame,
    tooltip: Sequence[str] | Mapping[str, str] | None,
    defaults: Sequence[tuple[str, str]],
) -> list[tuple[str, str]]:
    """Return ``(column, alias)`` pairs for a tooltip: the asked ones or the defaults present."""
    if tooltip is None:
        return [(c, a) for c, a in defaults if c in gdf.columns]
    pairs = list(tooltip.items()) if isinstance(tooltip, Mapping) else [(c, c) for c in tooltip]
    missing = [c for c, _ in pairs if c not in gdf.columns]
    if missing:
        msg = f"tooltip columns not in the layer: {', '.join(missing)}"
        raise DataError(msg)
    return pairs


def _tooltip_properties(
    gdf: gpd.GeoDataFrame,
    pairs: Sequence[tuple[str, str]],
    *,
    quote_column: str | None,
    decimals: Mapping[str, int] | None = None,
) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {}
    for i, (col, _alias) in enumerate(pairs):
        limit = _maps_geom.QUOTE_MAX_CHARS if col == quote_column else None
        digits = (decimals or {}).get(col)
        props[f"t{i}"] = [
            _maps_geom.text_for_html(v, decimals=digits, max_chars=limit) for v in gdf[col]
        ]
    return props


def _popup_properties(
    gdf: gpd.GeoDataFrame, columns: Sequence[tuple[str, str]]
) -> dict[str, list[str]]:
    """Escaped popup texts ``p0, p1, ...``: the whole quote (up to POPUP_QUOTE_MAX_CHARS)."""
    return {
        f"p{i}": [_maps_geom.text_for_html(v, max_chars=POPUP_QUOTE_MAX_CHARS) for v in gdf[col]]
        for i, (col, _label) in enumerate(columns)
    }


PLACE_IN_PLAN = (("section", "章节"), ("span", "原文位置 (字符)"))
"""Columns that say where a quote stands in its plan (headings above it, character offsets
``start,end`` in the original text), shown beside every plan quote on web maps."""


def _popup_columns(
    gdf: gpd.GeoDataFrame, head: Sequence[tuple[str, str]], quote_column: str | None
) -> list[tuple[str, str]]:
    """Return the ``(column, label)`` pairs of a click popup: ``head``, the quote's place in
    the plan and the quote, those the layer has; none without a quote column."""
    if quote_column is None or quote_column not in gdf.columns:
        return []
    pairs = [*head, *PLACE_IN_PLAN, (quote_column, "规划原文")]
    return [(c, label) for c, label in pairs if c in gdf.columns]


def _tooltip(pairs: Sequence[tuple[str, str]]) -> folium.GeoJsonTooltip | None:
    if not pairs:
        return None
    return folium.GeoJsonTooltip(
        [f"t{i}" for i in range(len(pairs))],
        aliases=[_maps_geom.text_for_html(alias) for _, alias in pairs],
        style=_TOOLTIP_STYLE,
    )


def choropleth(
    gdf: gpd.GeoDataFrame,
    column: str,
    *,
    scheme: str = "quantiles",
    k: int = 5,
    cmap: str = DEFAULT_CMAP,
    tooltip: Sequence[str] | Mapping[str, str] | None = None,
    name_column: str = "name",
    quote_column: str = "quote",
    title: str | None = None,
    legend_title: str | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    offline: bool = True,
    tolerance_m: float = _maps_geom.WEB_TOLERANCE_M,
) -> folium.Map:
    """Return an interactive choropleth of ``gdf[column]`` classed with a mapclassify scheme.

    Parameters
    ----------
    gdf
        Polygons with a CRS and a numeric ``column``; NaN is drawn as "no data".
    column
        The value to map.
    scheme, k
        Classification (one of :data:`SCHEMES`) and number of classes.
    cmap
        matplotlib colour map of the classes.
    tooltip
        Columns shown on hover (a mapping gives their labels); by default the name, the value
        and the plan quote, those that exist.
    name_column, quote_column
        Columns holding the unit's name and the plan quote.
    title, legend_title
        Page title and legend heading (default: ``column``).
    boundaries
        Administrative units for the outlines (default: the gazetteer's ``admin_units()``).
    offline
        Self-contained page without tiles (True) or a CDN-linked page on light tiles (False).
    tolerance_m
        Simplification in metres before the geometry enters the page.

    Examples
    --------
    >>> m = choropleth(prefs, "urbanisation_rate", scheme="natural_breaks")  # doctest: +SKIP
    >>> save_html(m, "urbanisation.html")  # doctest: +SKIP
    """
    _maps_geom.require_crs(gdf)
    if column not in gdf.columns:
        msg = f"column {column!r} is not in the layer (columns: {', '.join(map(str, gdf.columns))})"
        raise DataError(msg)
    values = pd.to_numeric(gdf[column], errors="coerce")
    bad = gdf[column].notna() & values.isna()
    if bad.any():
        msg = f"column {column!r} holds values that are not numbers: {gdf[column][bad].iloc[0]!r}"
        raise DataError(msg)
    classes = classify(values.to_numpy(dtype=float), scheme=scheme, k=k, cmap=cmap)
    label = legend_title or column
    boundaries = _boundaries(boundaries)
    m = _new_map(offline=offline, title=title or label)

    shapes = _maps_geom.web_ready(gdf, tolerance_m=tolerance_m)
    pairs = _tooltip_columns(
        gdf, tooltip, [(name_column, "名称"), (column, label), (quote_column, "规划原文")]
    )
    props = _tooltip_properties(
        gdf, pairs, quote_column=quote_column, decimals={column: max(classes.decimals, 0)}
    )
    props["fill"] = [classes.color_of(i) for i in range(len(gdf))]
    data = _maps_geom.feature_collection(shapes, props)
    folium.GeoJson(
        data,
        name=escape(label),
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"],
            "fillOpacity": 0.85,
            "color": "#555555",
            "weight": 0.5,
        },
        highlight_function=lambda _f: {"weight": 2.5, "color": "#000000"},
        tooltip=_tooltip(pairs),
    ).add_to(m)
    _add_outlines(m, boundaries)
    _add_context(m)
    rows = [
        (color, text, {"class": str(j), "upper": repr(upper), "count": str(n)})
        for j, (color, text, upper, n) in enumerate(
            zip(classes.colors, classes.labels, classes.bins, classes.counts, strict=True)
        )
    ]
    if np.any(classes.yb < 0):
        rows.append((NO_DATA_COLOR, NO_DATA_LABEL, {"class": "-1"}))
    _maps_leaflet.Legend(label, rows, note=f"分级 scheme: {scheme}").add_to(m)
    return _finish(m, gdf)


def boundaries_map(
    *,
    boundaries: gpd.GeoDataFrame | None = None,
    title: str = "湖南省行政区划",
    offline: bool = True,
) -> folium.Map:
    """Return an interactive map of the administrative boundaries alone (names on hover).

    Examples
    --------
    >>> save_html(boundaries_map(), "boundaries.html")  # doctest: +SKIP
    """
    boundaries = _boundaries(boundaries)
    m = _new_map(offline=offline, title=title)
    _add_base(m, boundaries, level="county")
    _add_outlines(m, boundaries)
    return _finish(m, boundaries)


def _category_colors(values: Sequence[Any]) -> dict[Any, str]:
    cats = list(dict.fromkeys(v for v in values if not _maps_geom.is_missing(v)))
    return {c: _CATEGORY_COLORS[i % len(_CATEGORY_COLORS)] for i, c in enumerate(cats)}


def _add_geojson(
    parent: folium.Map | folium.FeatureGroup,
    gdf: gpd.GeoDataFrame,
    props: dict[str, list[Any]],
    *,
    style: Callable[[dict[str, Any]], dict[str, Any]],
    pairs: Sequence[tuple[str, str]],
    name: str,
    radius: float = 6.0,
    popup: Sequence[tuple[str, str]] | None = None,
) -> None:
    """Add one GeoJSON layer; ``popup`` pairs ``(property, label)`` open on a click."""
    kwargs: dict[str, Any] = {}
    if set(gdf.geometry.geom_type.dropna()) <= {"Point", "MultiPoint"}:
        kwargs["marker"] = folium.CircleMarker(radius=radius)
    if popup:
        kwargs["popup"] = folium.GeoJsonPopup(
            [key for key, _ in popup],
            aliases=[escape(label) for _, label in popup],
            style="max-width: 32em;",
            max_width=480,
        )
    folium.GeoJson(
        _maps_geom.feature_collection(gdf, props),
        name=escape(name),
        style_function=style,
        tooltip=_tooltip(pairs),
        **kwargs,
    ).add_to(parent)


def _by_geometry_kind(gdf: gpd.GeoDataFrame) -> list[gpd.GeoDataFrame]:
    """Split a layer into polygons, lines and points (drawn in that order)."""
    kind = gdf.geometry.geom_type.fillna("")
    parts = []
    for names in (
        ("Polygon", "MultiPolygon"),
        ("LineString", "MultiLineString"),
        ("Point", "MultiPoint"),
    ):
        part = gdf[kind.isin(names)]
        if not part.empty:
            parts.append(part)
    return parts


def _structure_styles(
    gdf: gpd.GeoDataFrame, *, color_column: str, role_column: str
) -> tuple[list[str], np.ndarray, dict[Any, str]]:
    """Return each feature's colour, which features are whole structures, and the palette.

    A feature whose role is empty stands for a structure the plan names without defining its
    parts (drawn whole over the plan's area): it is drawn as a dashed outline in
    :data:`WHOLE_COLOR`, not filled, so it cannot cover the components. The palette colours the
    other features by ``color_column``; the legend lists exactly these colours.
    """
    n = len(gdf)
    whole = (
        gdf[role_column].map(_maps_geom.is_missing).to_numpy(dtype=bool)
        if role_column in gdf.columns
        else np.zeros(n, dtype=bool)
    )
    if color_column not in gdf.columns:
        return [WHOLE_COLOR if w else _CATEGORY_COLORS[0] for w in whole], whole, {}
    values = list(gdf[color_column])
    palette = _category_colors([v for v, w in zip(values, whole, strict=True) if not w])
    colors = [
        WHOLE_COLOR if w else palette.get(v, _CATEGORY_COLORS[0])
        for v, w in zip(values, whole, strict=True)
    ]
    return colors, whole, palette


def _values(gdf: gpd.GeoDataFrame, column: str) -> list[Any]:
    """Return a column's values, or ``None`` for each row if the column is absent."""
    return list(gdf[column]) if column in gdf.columns else [None] * len(gdf)


def _swatch(color: str, opacity: float) -> str:
    """Return the CSS of a legend swatch painted as a layer fill of ``color`` at ``opacity``."""
    r, g, b = (round(c * 255) for c in to_rgb(color))
    return f"background-color:rgba({r},{g},{b},{opacity:g})"


def structure_map(
    layers_gdf: gpd.GeoDataFrame,
    *,
    group_column: str = "pattern",
    color_column: str = "kind",
    role_column: str = "role",
    tooltip: Sequence[str] | Mapping[str, str] | None = None,
    quote_column: str = "quote",
    title: str | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    offline: bool = True,
) -> folium.Map:
    """Return an interactive map of spatial structures (cores, circles, corridors, zones, nodes).

    One layer per value of ``group_column`` (each structure can be switched on and off) and,
    with more than one structure, one toggle per value of ``color_column`` (all cores, all
    corridors ... of every structure at once; a feature shows while both are on), features
    coloured by ``color_column`` (the component's kind) at :data:`FILL_OPACITY`, areas stacked
    largest first so none covers a smaller one (one that those above hide is drawn as a band
    inside its edge, on top: :func:`geoplan._maps_geom.stacked`), tooltips with name, role,
    section, character span and quote, a popup on a click with the whole quote and its place.
    Structures named without parts (empty ``role_column``) are dashed outlines. The legend's
    swatches are the fills drawn (same colour, same opacity).

    Examples
    --------
    >>> m = structure_map(layers.structures(plan))  # doctest: +SKIP
    """
    _maps_geom.require_crs(layers_gdf)
    boundaries = _boundaries(boundaries)
    m = _new_map(offline=offline, title=title or "空间结构 spatial structure")
    _add_base(m, boundaries)
    layers_gdf = layers_gdf.reset_index(drop=True)
    colors, whole, palette = _structure_styles(
        layers_gdf, color_column=color_column, role_column=role_column
    )
    layers_gdf, z = _maps_geom.stacked(layers_gdf)
    popup = _popup_columns(layers_gdf, [("name", "名称"), ("pattern", "结构")], quote_column)
    pairs = _tooltip_columns(
        layers_gdf,
        tooltip,
        [
            ("pattern", "结构"),
            ("name", "名称"),
            (role_column, "类型"),
            ("component", "组成"),
            ("confidence", "可信度"),
            *PLACE_IN_PLAN,
            (quote_column, "规划原文"),
        ],
    )
    if group_column in layers_gdf.columns:
        groups = [(str(g), part) for g, part in layers_gdf.groupby(group_column, sort=False)]
    else:
        groups = [("规划要素 plan features", layers_gdf)]
    role_of = {v: i for i, v in enumerate(palette)}
    roles = [
        -1 if w else role_of.get(v, -1)
        for v, w in zip(_values(layers_gdf, color_column), whole, strict=True)
    ]
    for group_name, part in groups:
        fg = folium.FeatureGroup(name=escape(group_name))
        for piece in _by_geometry_kind(part):
            rows = piece.index.to_numpy()
            shapes = _maps_geom.web_ready(piece, tolerance_m=STRUCTURE_TOLERANCE_M)
            props = _tooltip_properties(piece, pairs, quote_column=quote_column)
            props["c"] = [colors[i] for i in rows]
            props["w"] = [bool(whole[i]) for i in rows]
            props["z"] = [int(z[i]) for i in rows]
            props["r"] = [roles[i] for i in rows]
            if popup:
                props.update(_popup_properties(piece, popup))
            _add_geojson(
                fg,
                shapes,
                props,
                style=lambda f: (
                    {**_WHOLE_STYLE}
                    if f["properties"]["w"]
                    else {
                        "color": f["properties"]["c"],
                        "fillColor": f["properties"]["c"],
                        "fillOpacity": FILL_OPACITY,
                        "weight": 2,
                    }
                ),
                pairs=pairs,
                name=group_name,
                popup=[(f"p{i}", label) for i, (_c, label) in enumerate(popup)],
            )
        fg.add_to(m)
    if len(groups) > 1 and palette:
        # one more toggle per role class (all cores, all corridors ...), empty: a script
        # shows a feature while its structure's layer and its class's toggle are both on
        toggles = {
            i: folium.FeatureGroup(name=escape(f"{ROLE_GROUP_PREFIX}{v}")).add_to(m)
            for v, i in role_of.items()
        }
        _maps_leaflet.RoleToggles(toggles).add_to(m)
    _add_outlines(m, boundaries)
    _add_context(m)
    _maps_leaflet.DrawOrder().add_to(m)
    rows_ = [(_swatch(c, FILL_OPACITY), str(v), {"category": str(v)}) for v, c in palette.items()]
    if whole.any():
        style = f"background:none;border:2px dashed {WHOLE_COLOR}"
        rows_.append((style, WHOLE_LABEL, {"category": "whole"}))
    if rows_:
        legend_title = {"kind": "类型 kind", "role": "角色 role"}.get(color_column, color_column)
        _maps_leaflet.Legend(legend_title, rows_).add_to(m)
    return _finish(m, layers_gdf)


def lines_map(
    lines: gpd.GeoDataFrame,
    *,
    status_column: str = "status",
    built_values: frozenset[str] | set[str] = BUILT_STATUSES,
    stations: gpd.GeoDataFrame | None = None,
    stations_label: str = "站点 stations",
    tooltip: Sequence[str] | Mapping[str, str] | None = None,
    quote_column: str = "quote",
    title: str | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    offline: bool = True,
) -> folium.Map:
    """Return an interactive corridor map: built lines solid red, planned lines dashed blue.

    Parameters
    ----------
    lines
        Line geometries with a ``status_column``; values in ``built_values`` count as built.
    stations
        Optional points (stations, hubs) drawn on top with their names on hover.
    stations_label
        The layer control's name for ``stations`` (e.g. ``"机场 airports"``).
    tooltip
        Columns shown on hover (a mapping gives their labels); by default the name, status,
        speed, opening year, the quote's place in the plan (``section``, ``span``) and the
        quote, those that exist. Lines with a quote open a popup on a click with the whole
        quote and its place.

    Examples
    --------
    >>> m = lines_map(network.rail_lines(), stations=network.stations())  # doctest: +SKIP
    """
    _maps_geom.require_crs(lines)
    if status_column not in lines.columns:
        msg = f"the lines have no {status_column!r} column to tell built from planned"
        raise DataError(msg)
    boundaries = _boundaries(boundaries)
    m = _new_map(offline=offline, title=title or "交通走廊 corridors")
    _add_base(m, boundaries)
    pairs = _tooltip_columns(
        lines,
        tooltip,
        [
            ("name", "名称"),
            (status_column, "状态"),
            ("design_speed_kmh", "设计速度 km/h"),
            ("opening_year", "开通年份"),
            *PLACE_IN_PLAN,
            (quote_column, "规划原文"),
        ],
    )
    popup = _popup_columns(lines, [("name", "名称"), ("source", "规划")], quote_column)
    built = (
        lines[status_column]
        .astype(str)
        .str.strip()
        .str.lower()
        .isin({str(v).lower() for v in built_values})
    )
    for label, part, style in (
        ("规划 planned", lines[~built], _PLANNED_STYLE),
        ("已建成 built", lines[built], _BUILT_STYLE),
    ):
        if part.empty:
            continue
        fg = folium.FeatureGroup(name=escape(label))
        shapes = _maps_geom.web_ready(part, tolerance_m=50.0)
        props = _tooltip_properties(part, pairs, quote_column=quote_column)
        props.update(_popup_properties(part, popup))
        _add_geojson(
            fg,
            shapes,
            props,
            style=lambda _f, s=style: dict(s),
            pairs=pairs,
            name=label,
            popup=[(f"p{i}", text) for i, (_c, text) in enumerate(popup)],
        )
        fg.add_to(m)
    if stations is not None and not stations.empty:
        _maps_geom.require_crs(stations)
        st_pairs = _tooltip_columns(stations, None, [("name", "站点"), ("kind", "类型")])
        fg = folium.FeatureGroup(name=escape(stations_label))
        shapes = _maps_geom.web_ready(stations, tolerance_m=0.0)
        props = _tooltip_properties(stations, st_pairs, quote_column=None)
        _add_geojson(
            fg,
            shapes,
            props,
            style=lambda _f: {
                "color": "#222222",
                "fillColor": "#ffffff",
                "fillOpacity": 1,
                "weight": 2,
            },
            pairs=st_pairs,
            name=stations_label,
            radius=4.0,
        )
        fg.add_to(m)
    _add_outlines(m, boundaries)
    _add_context(m)
    rows = [
        (
            f"background:none;border:none;border-top:4px solid {_BUILT_STYLE['color']};height:0",
            "已建成 built",
            {"status": "built"},
        ),
        (
            f"background:none;border:none;border-top:3px dashed {_PLANNED_STYLE['color']};height:0",
            "规划 planned",
            {"status": "planned"},
        ),
    ]
    _maps_leaflet.Legend("线路 lines", rows).add_to(m)
    return _finish(m, lines)


def catchment_map(
    isochrones: gpd.GeoDataFrame,
    *,
    band_column: str = "minutes",
    scenario_column: str = "scenario",
    band_label: str = "分钟 min",
    origin: gpd.GeoDataFrame | tuple[float, float] | None = None,
    cmap: str = "viridis",
    title: str | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    offline: bool = True,
) -> folium.Map:
    """Return an interactive map of travel-time catchments, one switchable layer per scenario.

    Bands (e.g. 60, 120, 180 minutes, as ``geoplan.catchment.isochrones`` gives them) share
    colours across scenarios; the first scenario is drawn with solid outlines, later ones
    (e.g. the 2025 plan against 2020) dashed on top.

    Parameters
    ----------
    isochrones
        Polygons with ``band_column`` (upper bound of the band) and, optionally,
        ``scenario_column``.
    origin
        The origin as a point layer or ``(lon, lat)`` in WGS-84.

    Examples
    --------
    >>> m = catchment_map(catchment.isochrones("长沙", hours=(1, 2, 3)))  # doctest: +SKIP
    """
    _maps_geom.require_crs(isochrones)
    if band_column not in isochrones.columns:
        msg = f"the catchment layer has no {band_column!r} column"
        raise DataError(msg)
    boundaries = _boundaries(boundaries)
    m = _new_map(offline=offline, title=title or "可达范围 catchments")
    _add_base(m, boundaries)
    bands = sorted(pd.to_numeric(isochrones[band_column]).dropna().unique())
    colors = dict(zip(bands, _ramp_reversed(len(bands), cmap), strict=True))
    scenarios = (
        list(dict.fromkeys(isochrones[scenario_column].astype(str)))
        if scenario_column in isochrones.columns
        else ["catchment"]
    )
    pairs = [(scenario_column, "情景"), (band_column, band_label)]
    pairs = [(c, a) for c, a in pairs if c in isochrones.columns]
    for n, scenario in enumerate(scenarios):
        part = (
            isochrones[isochrones[scenario_column].astype(str) == scenario]
            if scenario_column in isochrones.columns
            else isochrones
        )
        part = part.assign(_band=pd.to_numeric(part[band_column])).sort_values(
            "_band", ascending=False
        )
        fg = folium.FeatureGroup(name=escape(scenario))
        # isochrones are contours of a 1 km grid: 300 m keeps their shape and a third of the size
        shapes = _maps_geom.web_ready(part, tolerance_m=300.0)
        props = _tooltip_properties(part, pairs, quote_column=None)
        props["c"] = [colors[b] for b in part["_band"]]
        dash = None if n == 0 else "6 5"
        _add_geojson(
            fg,
            shapes,
            props,
            style=lambda f, d=dash, first=(n == 0): {
                "fillColor": f["properties"]["c"],
                "fillOpacity": 0.35 if first else 0.15,
                "color": f["properties"]["c"],
                "weight": 1.5 if first else 2.5,
                "dashArray": d,
            },
            pairs=pairs,
            name=scenario,
        )
        fg.add_to(m)
    if origin is not None:
        pts = (
            gpd.GeoDataFrame(geometry=gpd.points_from_xy([origin[0]], [origin[1]]), crs=4326)
            if isinstance(origin, tuple)
            else origin.to_crs(4326)
        )
        for geom in pts.geometry:
            folium.CircleMarker(
                [geom.y, geom.x], radius=6, color="#000", fill=True, fill_color="#fff", weight=3
            ).add_to(m)
    _add_outlines(m, boundaries)
    _add_context(m)
    rows: list[tuple[str, str, dict[str, str]]] = [
        (colors[b], f"≤ {b:g} {band_label}", {"band": repr(float(b))}) for b in bands
    ]
    if len(scenarios) > 1:
        rows += [
            (
                "background:none;border:none;border-top:2px solid #333;height:0",
                scenarios[0],
                {"scenario": scenarios[0]},
            ),
        ] + [
            ("background:none;border:none;border-top:2px dashed #333;height:0", s, {"scenario": s})
            for s in scenarios[1:]
        ]
    _maps_leaflet.Legend("出行时间 travel time", rows).add_to(m)
    return _finish(m, isochrones)


def _ramp_reversed(n: int, cmap: str) -> tuple[str, ...]:
    from geoplan._maps_classes import ramp

    return tuple(reversed(ramp(n, cmap)))


def to_html(m: folium.Map) -> str:
    """Return the map as one HTML page; offline maps have every script and stylesheet inlined.

    Examples
    --------
    >>> page = to_html(boundaries_map())
    >>> "<script src=" in page, "Leaflet 1.9.4" in page
    (False, True)
    """
    with _maps_leaflet.compact_json():
        page = m.get_root().render()
    if getattr(m, _OFFLINE_ATTR, False):
        page = _maps_leaflet.inline_assets(page)
    return page


def save_html(m: folium.Map, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the map as a self-contained HTML file (atomically) and return its path.

    Raises ``OutputExistsError`` if ``path`` exists and ``overwrite`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "boundaries.html"
    >>> save_html(boundaries_map(), path).stat().st_size < 1_500_000
    True
    """
    return write_text(path, to_html(m), overwrite=overwrite)


# ---------------------------------------------------------------------------------------------
# static maps


def static_map(
    gdf: gpd.GeoDataFrame,
    column: str | None = None,
    *,
    scheme: str = "quantiles",
    k: int = 5,
    cmap: str = DEFAULT_CMAP,
    ax: Axes | None = None,
    title: str | None = None,
    legend_title: str | None = None,
    label_column: str | None = None,
    boundaries: gpd.GeoDataFrame | None = None,
    figsize: tuple[float, float] = (8.0, 8.5),
    tolerance_m: float = _maps_geom.STATIC_TOLERANCE_M,
    context: bool = True,
    markers: gpd.GeoDataFrame | None = None,
    markers_label: str | None = None,
    category_colors: Mapping[Any, str] | None = None,
) -> tuple[Figure, Axes]:
    """Draw a static map in :data:`geoplan.crs.HUNAN_CRS` and return ``(fig, ax)``.

    With a numeric ``column`` the layer is a classed choropleth (mapclassify ``scheme``, ``k``
    classes, legend with the class ranges); with a text column (e.g. a line's status) each
    category gets a colour; without a column the geometries are drawn plainly. A scale bar and
    a north arrow are always drawn; text is set in Noto Sans SC so Chinese labels render.

    Parameters
    ----------
    gdf
        The layer to draw (any CRS).
    column
        Numeric column to class and colour, or ``None``.
    label_column
        Column whose text names the features (e.g. ``"short_name"``, a line's name): once per
        distinct text, on its largest feature, where it overlaps no other label.
    boundaries
        Units drawn as thin outlines under ``gdf``; ``None`` draws none.
    context
        Draw and name what a reader needs to find places: province and prefecture borders,
        the rivers (WDBII lines, named where they match a curated river), prefecture seats,
        county seats on a small map.
    markers, markers_label
        Points marked on top (e.g. the stations of a corridor map) and their legend label.
    category_colors
        Colours of given text categories (e.g. ``{"existing": BUILT_COLOR}``); the others get
        the default palette.

    Examples
    --------
    >>> from geoplan.gazetteer import admin_units
    >>> fig, ax = static_map(admin_units("prefecture"), label_column="short_name", title="湖南")
    >>> ax.get_title()
    '湖南'
    >>> save_figure(fig, "prefectures.png")  # doctest: +SKIP
    """
    _maps_geom.require_crs(gdf)
    if column is not None and column not in gdf.columns:
        msg = f"column {column!r} is not in the layer"
        raise DataError(msg)
    if label_column is not None and label_column not in gdf.columns:
        msg = f"label column {label_column!r} is not in the layer"
        raise DataError(msg)
    colors: list[str] | None = None
    legend: list[tuple[str, ...]] | None = None
    if column is not None:
        raw = gdf[column]
        values = pd.to_numeric(raw, errors="coerce")
        if (raw.notna() & values.isna()).any():
            # text values: one colour per category, in order of first appearance
            palette = _category_colors(list(raw))
            palette.update({k: v for k, v in (category_colors or {}).items() if k in palette})
            colors = [palette.get(v, NO_DATA_COLOR) for v in raw]
            legend = [(c, str(v)) for v, c in palette.items()]
        else:
            classes = classify(values.to_numpy(dtype=float), scheme=scheme, k=k, cmap=cmap)
            colors = [classes.color_of(i) for i in range(len(gdf))]
            legend = list(zip(classes.colors, classes.labels, strict=True))
            if np.any(classes.yb < 0):
                legend.append((NO_DATA_COLOR, NO_DATA_LABEL))
    return _maps_static.draw(
        gdf,
        colors=colors,
        legend=legend,
        ax=ax,
        title=title,
        legend_title=legend_title or column,
        label_column=label_column,
        boundaries=boundaries,
        figsize=figsize,
        tolerance_m=tolerance_m,
        context=context,
        markers=markers,
        markers_label=markers_label,
    )


def structure_static_map(
    layers_gdf: gpd.GeoDataFrame,
    *,
    color_column: str = "kind",
    role_column: str = "role",
    label_column: str | None = "name",
    ax: Axes | None = None,
    title: str | None = None,
    legend_title: str | None = "类型 kind",
    boundaries: gpd.GeoDataFrame | None = None,
    figsize: tuple[float, float] = (8.0, 8.5),
    context: bool = True,
) -> tuple[Figure, Axes]:
    """Draw a static map of spatial structures, styled as :func:`structure_map`, as ``(fig, ax)``.

    Components are filled with their kind's colour, areas largest first so none covers a
    smaller one, one that those above hide drawn as a band inside its edge, on top; structures
    named without parts are dashed outlines; the legend's swatches are exactly the colours
    drawn.

    Examples
    --------
    >>> fig, ax = structure_static_map(layers.structure_layers(extract))  # doctest: +SKIP
    """
    _maps_geom.require_crs(layers_gdf)
    layers_gdf = layers_gdf.reset_index(drop=True)
    colors, whole, palette = _structure_styles(
        layers_gdf, color_column=color_column, role_column=role_column
    )
    legend: list[tuple[str, ...]] = [(c, str(v)) for v, c in palette.items()]
    if whole.any():
        legend.append((WHOLE_COLOR, WHOLE_LABEL, "outline"))
    labels = label_column if label_column in layers_gdf.columns else None
    drawn, z = _maps_geom.stacked(layers_gdf)
    return _maps_static.draw(
        drawn,
        colors=colors,
        legend=legend,
        ax=ax,
        title=title,
        legend_title=legend_title,
        label_column=labels,
        boundaries=boundaries,
        figsize=figsize,
        tolerance_m=_maps_geom.STATIC_TOLERANCE_M,
        outlined=whole,
        context=context,
        order=z,
    )


def save_figure(
    fig: Figure, path: str | os.PathLike[str], *, overwrite: bool = False, dpi: int = 200
) -> Path:
    """Save a static map as PNG or SVG (by the path's suffix), atomically; return the path.

    Examples
    --------
    >>> save_figure(fig, "map.svg")  # doctest: +SKIP
    PosixPath('map.svg')
    """
    out = Path(path)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in {"png", "svg"}:
        msg = f"static maps are written as .png or .svg, not {out.suffix or 'no suffix'!r}"
        raise GeoplanError(msg)
    # SVG: no date, so the same map gives the same file.
    metadata: dict[str, Any] = (
        {"Creator": "geoplan", "Date": None} if fmt == "svg" else {"Software": "geoplan"}
    )
    with atomic_path(out, overwrite=overwrite) as tmp, _maps_static.font_context():
        fig.savefig(tmp, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata)
    return out
