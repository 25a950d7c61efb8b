"""Layers: a plan's spatial structures as a GeoDataFrame with provenance, and writing it out.

One row per structure component. Geometry by role (see DESIGN.md, "Spatial structures"):
core -> union of its units; circle -> union of member units, or a ring around the core;
corridor, belt, axis -> a line through its ordered places (or along a named river), buffered;
zone -> curated polygon or union of units; node, town, park -> point. Geometries are clipped to
the structure's scope (the plan's jurisdiction) and stored in EPSG:4326.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geoplan import _features
from geoplan._io import atomic_path
from geoplan.crs import HUNAN_CRS, WGS84
from geoplan.errors import GeometryError, GeoplanError

__all__ = [
    "COLUMNS",
    "ROLE_KIND",
    "TRANSPORT_COLUMNS",
    "structure_layers",
    "transport_layers",
    "write_layers",
]

COLUMNS = [
    "source",
    "pattern",
    "role",
    "kind",
    "name",
    "adcodes",
    "quote",
    "span",
    "confidence",
    "method",
    "precision",
    "centreline",
    "geometry",
]
"""Columns of a structure layer. ``adcodes`` is ``;``-joined (places in other provinces too; the
geometry draws the Hunan ones and ``method`` names the others), ``span`` is ``"start,end"`` in
the original text, ``centreline`` is the WKT of a corridor's line (its geometry is the buffer)."""

ROLE_KIND = {
    "核": "core",
    "核心": "core",
    "心": "core",
    "中心": "core",
    "主": "core",
    "极": "core",
    "副": "core",
    "圈": "circle",
    "环": "circle",
    "群": "circle",
    "廊": "corridor",
    "走廊": "corridor",
    "廊道": "corridor",
    "带": "corridor",
    "轴": "corridor",
    "线": "corridor",
    "脉": "corridor",
    "岸": "corridor",
    "河": "corridor",
    "江": "corridor",
    "水": "corridor",
    "纵": "corridor",
    "横": "corridor",
    "纵横": "corridor",
    "连": "corridor",
    "射": "corridor",
    "支": "corridor",
    # a wing, a body or a block is an area: the union of the units that make it up
    "翼": "zone",
    "体": "zone",
    "城": "zone",
    "区": "zone",
    "片": "zone",
    "片区": "zone",
    "块": "zone",
    "板块": "zone",
    "版块": "zone",  # 板块 as plans often spell it
    "屏": "zone",
    "楔": "zone",
    "绿楔": "zone",
    "组团": "zone",
    "湖": "zone",
    "山": "zone",
    "谷": "zone",
    "湾": "zone",
    "洲": "zone",
    "岛": "zone",
    "点": "node",
    "镇": "node",
    "园": "node",
    "港": "node",
    "基地": "node",
}
"""Plan role (the character after the numeral) -> geometry kind."""

CORRIDOR_BUFFER_M = 5_000.0
# Half-width of a corridor's band: 5 km either side of the centre line, the order of the
# "along the line" zones plans describe (an industrial corridor hugs its rail line or road).

CLIP_NOTE_SHARE = 0.001
# Clipping that removes less than 0.1 % of a geometry's area is boundary noise between county
# and prefecture polygons, not worth a note in ``method``.

RING_WIDTH_M = 20_000.0
# Width of a circle drawn as a ring around its core when the text names no member units:
# 20 km, about half an hour by road, the scale of the "半小时通勤圈" that such circles describe.


def _as_dict(extract: Any) -> Mapping[str, Any]:
    if isinstance(extract, Mapping):
        return extract
    to_dict = getattr(extract, "to_dict", None)
    if to_dict is None:
        msg = f"expected a PlanExtract or its dict, got {type(extract).__name__}"
        raise GeoplanError(msg)
    return to_dict()


def _default_units() -> gpd.GeoDataFrame:
    from geoplan import gazetteer  # the integrator's module; imported late on purpose

    return gazetteer.admin_units()


def _unit_geoms(units: gpd.GeoDataFrame) -> dict[str, BaseGeometry]:
    return dict(zip(units["adcode"].astype(str), units.geometry, strict=True))


def _kind(role: str) -> str:
    return ROLE_KIND.get(role, ROLE_KIND.get(role[-1:], "zone")) if role else "zone"


def _outside_hunan(place: Mapping[str, Any]) -> bool:
    """Whether a component's place lies in another province (``via="outside"``, or a unit of
    the province a plan outside Hunan is read in): the gazetteer holds no boundary of it."""
    code = str(place.get("adcode") or "")
    return place.get("via") == "outside" or (bool(code) and not code.startswith("43"))


def _hunan_adcodes(comp: Mapping[str, Any]) -> list[str]:
    """Adcodes of a component's Hunan places (see :func:`_outside_hunan`)."""
    return [
        p["adcode"] for p in comp.get("places", []) if p.get("adcode") and not _outside_hunan(p)
    ]


def _seat_point(adcode: str, geoms: Mapping[str, BaseGeometry]) -> tuple[BaseGeometry | None, str]:
    seats = _features.county_seats()
    if seats is not None and adcode in seats.index:
        row = seats.loc[adcode]
        return shapely.Point(float(row["lon"]), float(row["lat"])), "county seat"
    if adcode in geoms:
        return geoms[adcode].representative_point(), "unit representative point"
    return None, ""


def _metric(geom: BaseGeometry) -> BaseGeometry:
    return gpd.GeoSeries([geom], crs=WGS84).to_crs(HUNAN_CRS).iloc[0]


def _wgs84(geom: BaseGeometry) -> BaseGeometry:
    return gpd.GeoSeries([geom], crs=HUNAN_CRS).to_crs(WGS84).iloc[0]


def _buffer(line: BaseGeometry, metres: float) -> BaseGeometry:
    return _wgs84(_metric(line).buffer(metres))


def _union(adcodes: Iterable[str], geoms: Mapping[str, BaseGeometry]) -> BaseGeometry | None:
    parts = [geoms[a] for a in adcodes if a in geoms]
    if not parts:
        return None
    return shapely.make_valid(shapely.union_all(parts))


# Network year and scenario corridors are routed on: the plans' horizon.
ROUTING_YEAR = 2025
# Weight factor for edges on a line the text names (醴茶铁路, 武深高速): small enough that the
# route follows the named line wherever it serves the corridor's places.
NAMED_LINE_FACTOR = 0.25


@cache
def _routing_graph() -> nx.MultiGraph:
    from geoplan import network

    return network.build_graph(ROUTING_YEAR, "plan")


@cache
def _line_aliases() -> dict[str, tuple[str, ...]]:
    """Names a text may use for lines of the graph -> the graph's ``line`` values.

    A corridor name (呼南高铁, 渝长厦高铁 and their aliases) stands for all its lines.
    """
    from geoplan import _network_data

    aliases: dict[str, tuple[str, ...]] = {
        name.split("(")[0]: (code,) for name, code in _network_data.expressway_names()
    }
    for line in _network_data.rail_lines()["line"].unique():
        aliases[str(line)] = (str(line),)
    for corridor, rows in _network_data.rail_corridors().groupby("corridor", sort=False):
        lines = tuple(line for line in rows["line"] if line)
        for name in (str(corridor), *str(rows["aliases"].iloc[0]).split(";")):
            aliases[name] = lines
    return aliases


def _order_along_axis(points: list[BaseGeometry]) -> list[int]:
    """Indices of ``points`` ordered along their principal axis, starting at the first given."""
    xy = np.array([(p.x, p.y) for p in _metric_points(points)])
    centred = xy - xy.mean(axis=0)
    axis = np.linalg.svd(centred, full_matrices=False)[2][0]
    order = list(np.argsort(centred @ axis))
    if order.index(0) > len(order) / 2 - 0.5:
        order.reverse()
    return [int(i) for i in order]


def _metric_points(points: list[BaseGeometry]) -> list[BaseGeometry]:
    return list(gpd.GeoSeries(points, crs=WGS84).to_crs(HUNAN_CRS))


def _routed_line(adcodes: list[str], text: str) -> tuple[BaseGeometry | None, list[str]]:
    """A line through the seats of ``adcodes`` (in order) along the transport graph.

    Returns the line and the named lines it follows, or ``(None, [])`` if a seat is not in the
    graph or two seats are not connected.
    """
    graph = _routing_graph()
    aliases = _line_aliases().items()
    named = {line for alias, lines in aliases if alias and alias in text for line in lines}

    def weight(_u: str, _v: str, edges: Mapping[Any, Mapping[str, Any]]) -> float:
        return min(
            e["minutes"] * (NAMED_LINE_FACTOR if e["line"] in named else 1.0)
            for e in edges.values()
        )

    nodes = [f"seat:{a}" for a in adcodes]
    if any(n not in graph for n in nodes):
        return None, []
    path: list[str] = [nodes[0]]
    for a, b in itertools.pairwise(nodes):
        try:
            path.extend(nx.shortest_path(graph, a, b, weight=weight)[1:])
        except nx.NetworkXNoPath:
            return None, []
    followed = []
    for u, v in itertools.pairwise(path):
        best = min(graph[u][v].values(), key=lambda e: weight(u, v, {0: e}))
        if best["line"] in named and best["line"] not in followed:
            followed.append(best["line"])
    coords = [(graph.nodes[n]["lon"], graph.nodes[n]["lat"]) for n in path]
    coords = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
    if len(coords) < 2:
        return None, []
    return shapely.LineString(coords), followed


def _mentioned_river(text: str) -> str | None:
    for label in _features.river_names():
        if label in text:
            return label
    return None


def _component_geometry(
    comp: Mapping[str, Any],
    kind: str,
    geoms: Mapping[str, BaseGeometry],
    core: BaseGeometry | None,
) -> tuple[BaseGeometry | None, str, str, str | None]:
    """Return (geometry, method, precision, centreline WKT) of one component."""
    adcodes = _hunan_adcodes(comp)
    text = f"{comp.get('name', '')} {comp.get('quote', '')}"
    curated = _features.match_feature(comp.get("name", "")) or (
        _features.match_feature(text) if not adcodes else None
    )
    if kind in ("core", "zone", "circle") and curated is not None:
        if curated.kind == "green_heart":
            return (
                _features.green_heart(),
                "curated polygon 长株潭生态绿心 (schematic: hull of its units' reference points, "
                "area calibrated to the regulated 528.32 km2)",
                "schematic",
                None,
            )
        if curated.lon is not None and curated.lat is not None:
            point = shapely.Point(curated.lon, curated.lat)
            return point, f"curated point {curated.name}", "point", None
    if kind in ("core", "zone", "circle"):
        union = _union(adcodes, geoms)
        if union is not None:
            return union, f"union of {len(adcodes)} unit(s)", "unit", None
        if kind == "circle" and core is not None:
            ring = _metric(core).buffer(RING_WIDTH_M).difference(_metric(core))
            return (
                _wgs84(ring),
                f"ring of {RING_WIDTH_M / 1000:.0f} km around the core (no member units named)",
                "schematic",
                None,
            )
        if curated is not None and curated.adcodes:
            union = _union(curated.adcodes, geoms)
            if union is not None:
                return union, f"units holding curated feature {curated.name}", "county", None
        return None, "no geometry: the component names no unit or curated feature", "none", None
    if kind == "corridor":
        points, how = [], set()
        for adcode in dict.fromkeys(adcodes):
            point, basis = _seat_point(adcode, geoms)
            if point is not None:
                points.append(point)
                how.add(basis)
        river = _mentioned_river(text)
        if len(points) < 2 and river is not None:
            line, method = _features.river_line(river)
            if line is not None:
                return (
                    _buffer(line, CORRIDOR_BUFFER_M),
                    f"{method}; buffered {CORRIDOR_BUFFER_M / 1000:.0f} km",
                    "schematic",
                    line.wkt,
                )
        if len(points) >= 2:
            order = _order_along_axis(points) if len(points) > 2 else [0, 1]
            ordered = [list(dict.fromkeys(adcodes))[i] for i in order]
            line, followed = _routed_line(ordered, text)
            buffer_km = CORRIDOR_BUFFER_M / 1000
            if line is not None:
                along = f" following {', '.join(followed)}" if followed else ""
                method = (
                    f"routed on the {ROUTING_YEAR} plan network{along} through {len(points)} "
                    f"places ordered along the corridor (county seats); buffered {buffer_km:.0f} km"
                )
                return _buffer(line, CORRIDOR_BUFFER_M), method, "schematic", line.wkt
            line = shapely.LineString([(points[i].x, points[i].y) for i in order])
            method = (
                f"straight segments through {len(points)} ordered places ({', '.join(sorted(how))})"
                f"; no network route between them; buffered {buffer_km:.0f} km"
            )
            return _buffer(line, CORRIDOR_BUFFER_M), method, "schematic", line.wkt
        union = _union(adcodes, geoms)
        if union is not None:
            return union, "union of its only unit (a line needs two places)", "unit", None
        return None, "no geometry: fewer than two places to draw a line through", "none", None
    # node, town, park
    if curated is not None and curated.lon is not None and curated.lat is not None:
        return (
            shapely.Point(curated.lon, curated.lat),
            f"curated point {curated.name}",
            "point",
            None,
        )
    if len(adcodes) == 1:
        point, basis = _seat_point(adcodes[0], geoms)
        if point is not None:
            return point, f"{basis} of {adcodes[0]} (no point of its own)", "county", None
    if adcodes:
        union = _union(adcodes, geoms)
        if union is not None:
            return union, "union of its units (no point sourced)", "unit", None
    return None, "no geometry: no sourced point or unit", "none", None


def _scope_geometry(
    data: Mapping[str, Any], geoms: Mapping[str, BaseGeometry]
) -> BaseGeometry | None:
    juris = data.get("jurisdiction") or {}
    adcode = juris.get("adcode")
    return geoms.get(adcode) if adcode else None


def _clip(geom: BaseGeometry | None, scope: BaseGeometry | None) -> BaseGeometry | None:
    if geom is None or scope is None:
        return geom
    clipped = shapely.make_valid(geom.intersection(scope))
    return None if clipped.is_empty else clipped


def _whole_structure(structure: Mapping[str, Any]) -> dict[str, Any]:
    """A stand-in component for a structure the plan names without defining its parts.

    Its places are the county-level units its sentence names (else the prefectures), so that
    e.g. 一江一心两岸 still appears on a map where the plan puts it.
    """
    from geoplan import gazetteer
    from geoplan.corpus import normalise

    quote = str(structure.get("quote", ""))
    found = [m for m in gazetteer.match(normalise(quote)[0]) if m.how != "group"]
    units = {a: m.name for m in found for a in m.adcodes}
    counties = {a: n for a, n in units.items() if gazetteer.unit(a).level == "county"}
    prefectures = {a: n for a, n in units.items() if gazetteer.unit(a).level == "prefecture"}
    chosen = counties or prefectures
    return {
        "role": "",
        "name": structure.get("pattern", ""),
        "span": structure.get("span"),
        "quote": quote,
        "places": [{"name": n, "adcode": a} for a, n in chosen.items()],
        "whole": True,
    }


def structure_layers(
    extract: Any, *, clip: bool = True, units: gpd.GeoDataFrame | None = None
) -> gpd.GeoDataFrame:
    """Return one row per structure component of a plan extract, with geometry and provenance.

    Parameters
    ----------
    extract
        A ``geoplan.extract.PlanExtract`` or its ``to_dict()`` (issue 3's JSON contract).
    clip
        Clip each geometry to the structure's scope (the plan's jurisdiction).
    units
        Admin polygons (``adcode``, ``geometry`` in EPSG:4326); defaults to
        ``geoplan.gazetteer.admin_units()``.

    Returns
    -------
    GeoDataFrame
        Columns :data:`COLUMNS`, CRS EPSG:4326; ``geometry`` is None where none could be made
        and ``method`` then says why.

    Examples
    --------
    >>> d = {"source": "x.txt", "structures": [{"pattern": "一心", "components": [
    ...     {"role": "心", "name": "长株潭生态绿心", "span": [0, 7], "quote": "长株潭生态绿心",
    ...      "places": []}]}]}
    >>> structure_layers(d, clip=False, units=__import__("geopandas").GeoDataFrame(
    ...     {"adcode": []}, geometry=[], crs=4326)).loc[0, "precision"]
    'schematic'
    """
    data = _as_dict(extract)
    if units is None:
        units = _default_units()
    geoms = _unit_geoms(units.to_crs(WGS84) if units.crs is not None else units)
    scope = _scope_geometry(data, geoms)
    rows = []
    for structure in data.get("structures", []):
        # a group (三山, with its parts as members) is drawn by its parts
        comps = [c for c in structure.get("components", []) if not c.get("members")]
        comps = comps or [_whole_structure(structure)]
        core = None
        for comp in comps:
            if _kind(comp.get("role", "")) == "core":
                core = _union(_hunan_adcodes(comp), geoms)
                if core is not None:
                    break
        for comp in comps:
            kind = _kind(comp.get("role", ""))
            geom, method, precision, centreline = _component_geometry(comp, kind, geoms, core)
            if comp.get("whole"):
                method = f"structure named without components, drawn whole: {method}"
            outside = [p["name"] for p in comp.get("places", []) if _outside_hunan(p)]
            if outside:
                method += f"; places outside Hunan not drawn: {', '.join(outside)}"
            if clip and geom is not None and scope is not None:
                clipped = _clip(geom, scope)
                if clipped is None:
                    method += "; nothing left after clipping to the scope"
                elif geom.area > 0 and 1 - clipped.area / geom.area > CLIP_NOTE_SHARE:
                    method += "; clipped to the scope"
                geom = clipped
            if geom is not None and not geom.is_valid:
                msg = f"invalid geometry for component {comp.get('name')!r}"
                raise GeometryError(msg)
            span = comp.get("span") or structure.get("span") or [None, None]
            rows.append(
                {
                    "source": data.get("source", ""),
                    "pattern": structure.get("pattern", ""),
                    "role": comp.get("role", ""),
                    "kind": kind,
                    "name": comp.get("name", ""),
                    "adcodes": ";".join(
                        p["adcode"] for p in comp.get("places", []) if p.get("adcode")
                    ),
                    "quote": comp.get("quote", ""),
                    "span": ",".join("" if s is None else str(int(s)) for s in span),
                    "confidence": float(
                        comp.get("confidence", structure.get("confidence", float("nan")))
                    ),
                    "method": method,
                    "precision": precision,
                    "centreline": centreline,
                    "geometry": geom,
                }
            )
    return gpd.GeoDataFrame(rows, columns=COLUMNS, geometry="geometry", crs=WGS84)


TRANSPORT_COLUMNS = [
    "source",
    "name",
    "mode",
    "status",
    "cities",
    "adcodes",
    "matched",
    "data_status",
    "opened",
    "quote",
    "span",
    "mentions",
    "confidence",
    "method",
    "precision",
    "geometry",
]
"""Columns of a transport layer. ``status`` is the plan's word (planned, under_construction ...),
``data_status`` and ``opened`` what the curated network data says; ``matched`` names the curated
lines, expressway codes or airport the project stands for (``;``-joined)."""


def transport_layers(extract: Any, *, units: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """Return one row per transport project of a plan extract, drawn where the data allows.

    A project the curated data holds (常益长高铁, 沪昆高速公路 = G60, 呼南高铁 = its chain of
    lines, 南岳机场) is drawn from that data: rail through its stations, expressways through
    their nodes, airports as points. A line the data lacks but whose name decodes to two or
    more places (浏醴铁路) is drawn as a straight schematic line through their seats, in the
    order named. Anything else (ports, waterways, ordinary roads) has no geometry and
    ``method`` says so.

    Parameters
    ----------
    extract
        A ``geoplan.extract.PlanExtract`` or its ``to_dict()``.
    units
        Admin polygons (``adcode``, ``geometry``), for seats missing from the seat table;
        defaults to ``geoplan.gazetteer.admin_units()``.

    Returns
    -------
    GeoDataFrame
        Columns :data:`TRANSPORT_COLUMNS`, CRS EPSG:4326.

    Examples
    --------
    >>> d = {"source": "x.txt", "transport": [{"name": "常益长高铁", "mode": "hsr",
    ...      "status": "under_construction", "cities": [], "adcodes": [], "span": [4, 9],
    ...      "quote": "加快建设常益长高铁", "mentions": 1, "confidence": 0.9}]}
    >>> row = transport_layers(d).iloc[0]
    >>> row["matched"], row["data_status"], int(row["opened"]), row["geometry"].geom_type
    ('常益长高铁', 'existing', 2022, 'LineString')
    """
    from geoplan._layers_transport import match_project

    data = _as_dict(extract)
    if units is None:
        units = _default_units()
    geoms = _unit_geoms(units.to_crs(WGS84) if units.crs is not None else units)
    rows = []
    for project in data.get("transport", []):
        name, mode = str(project.get("name", "")), str(project.get("mode", ""))
        found = match_project(name, mode)
        geom, matched, data_status, opened = None, "", "", None
        if found is not None:
            geom, matched = found.geometry, ";".join(found.names)
            data_status, opened, precision = found.status, found.opened, found.precision
            what = {"rail": "curated rail lines", "expressway": "curated expressway"}
            method = f"{what.get(found.family, 'curated airport')} {matched}"
            if geom is None:
                method += ": fewer than two located points, not drawn"
                precision = "none"
        else:
            adcodes = [str(a) for a in project.get("adcodes", [])]
            seats = [p for p in (_seat_point(a, geoms)[0] for a in adcodes) if p is not None]
            if mode in ("port", "waterway", "airport", "national_road", "provincial_road"):
                method, precision = f"no curated {mode.replace('_', ' ')} of this name", "none"
            elif len(seats) >= 2 and len(seats) == len(adcodes):
                geom = shapely.LineString([(p.x, p.y) for p in seats])
                method = "not in the curated data: straight line through the seats it names"
                precision = "schematic"
            else:
                method = "not in the curated data, and fewer than two places decoded"
                precision = "none"
        span = project.get("span") or [None, None]
        rows.append(
            {
                "source": data.get("source", ""),
                "name": name,
                "mode": mode,
                "status": project.get("status") or "",
                "cities": ";".join(project.get("cities", [])),
                "adcodes": ";".join(str(a) for a in project.get("adcodes", [])),
                "matched": matched,
                "data_status": data_status,
                "opened": opened,
                "quote": project.get("quote", ""),
                "span": ",".join("" if s is None else str(int(s)) for s in span),
                "mentions": int(project.get("mentions", 1)),
                "confidence": float(project.get("confidence", float("nan"))),
                "method": method,
                "precision": precision,
                "geometry": geom,
            }
        )
    out = gpd.GeoDataFrame(rows, columns=TRANSPORT_COLUMNS, geometry="geometry", crs=WGS84)
    out["opened"] = pd.array(out["opened"], dtype="Int64")
    return out


_DRIVERS = {".gpkg": "GPKG", ".geojson": "GeoJSON", ".json": "GeoJSON"}


def write_layers(
    gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write a layer to ``.gpkg``, ``.parquet`` or ``.geojson`` (by extension), atomically.

    Raises
    ------
    OutputExistsError
        If ``path`` exists and ``overwrite`` is False.
    GeoplanError
        If the extension is not one of the three.

    Examples
    --------
    >>> import tempfile, pathlib, geopandas as gpd, shapely
    >>> g = gpd.GeoDataFrame({"name": ["a"]}, geometry=[shapely.Point(113, 28)], crs=4326)
    >>> out = write_layers(g, pathlib.Path(tempfile.mkdtemp()) / "l.gpkg")
    >>> len(gpd.read_file(out))
    1
    """
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in (*_DRIVERS, ".parquet"):
        msg = f"unsupported layer format {out.suffix!r}: use .gpkg, .parquet or .geojson"
        raise GeoplanError(msg)
    with atomic_path(out, overwrite=overwrite) as tmp:
        if suffix == ".parquet":
            gdf.to_parquet(tmp)
        else:
            layer = {"layer": out.stem} if suffix == ".gpkg" else {}
            gdf.to_file(tmp, driver=_DRIVERS[suffix], engine="pyogrio", **layer)
    return out
