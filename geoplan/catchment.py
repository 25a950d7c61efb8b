"""Door-to-door travel times on the transport graph: surfaces, isochrones, matrices, accessibility.

Door to door = access (origin to a station, interchange or seat by road: straight-line distance
× detour factor at a road speed) + boarding (security and half the headway) + in-vehicle time +
transfers + egress (leaving the station, then road to the destination). Every parameter lives in
:class:`DoorToDoor`, is documented with its reasoning, and is replaced with
``dataclasses.replace(DEFAULT, ...)``.

The graph (:func:`geoplan.network.build_graph`) is held by networkx; shortest paths run on a
compiled ``scipy.sparse`` state graph with :func:`scipy.sparse.csgraph.dijkstra` (each node has a
street state and one state per line calling there, so staying on a train costs nothing and a
change of line costs a transfer). Cells and seats reach the network through a
:class:`scipy.spatial.cKDTree` of node positions in :data:`geoplan.crs.HUNAN_CRS`.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import pyproj
import shapely
from numpy.typing import NDArray
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from geoplan import network
from geoplan._data import geodata_path
from geoplan.crs import HUNAN_CRS, WGS84
from geoplan.errors import DataError, GeometryError, UnknownPlaceError

__all__ = [
    "DEFAULT",
    "PLAN_CIRCLES",
    "DoorToDoor",
    "PlanCircle",
    "Surface",
    "accessibility",
    "compare_accessibility",
    "evaluate_circles",
    "isochrones",
    "od_matrix",
    "population_2020",
    "travel_time_surface",
]


def _frozen(mapping: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class DoorToDoor:
    """Parameters of the door-to-door model; every one may be overridden.

    Per-mode tables are keyed by the edge attribute ``mode``; ``"*"`` is the fallback for a
    mode the table does not name. Modes in ``road_modes`` are driven: no boarding, no line
    states, entered and left at any node they touch (expressways at interchanges and seats).

    Examples
    --------
    >>> from dataclasses import replace
    >>> slow = replace(DEFAULT, access_kmh=20.0)
    >>> slow.off_network_minutes(10.0)  # 10 km straight line, x1.3 detour, at 20 km/h
    39.0
    """

    access_kmh: float = 30.0
    """Average door-to-node road speed. Local and county roads mixed with town streets, parking
    and waiting for a lift: 30 km/h is a cautious door-to-door figure (urban car trips in
    Chinese cities average 20-30 km/h at peak, county roads 40-60 km/h)."""

    egress_kmh: float = 30.0
    """Road speed from the last node to the destination, as ``access_kmh``."""

    detour_factor: float = 1.3
    """Road distance over straight-line distance. Regional road networks measure 1.2-1.4
    (Ballou, Rahardja & Sakai 2002, Transportation Research A 36: 843-848); hilly Hunan sits
    in the upper half, so 1.3."""

    max_link_km: float = 60.0
    """Straight-line reach of access and egress legs; beyond it a node is not reached by road
    in this model (the direct road leg from the origin is not capped)."""

    link_candidates: int = 12
    """How many nearest nodes a cell or seat may use for its access or egress leg."""

    security_min: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {"hsr": 15.0, "intercity": 10.0, "conventional": 15.0, "maglev": 5.0, "*": 10.0}
        )
    )
    """Arrival before departure: ticket check and security. China Railway closes gates 5 min
    before departure and advises arriving 15-30 min early; the 长沙磁浮 works like a metro.
    (``geoplan.network.BOARDING_MIN`` lumps security and half a headway into 15 min for its
    single-journey router; here the two are separate and per mode.)"""

    headway_min: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {"hsr": 30.0, "intercity": 30.0, "conventional": 120.0, "maglev": 10.0, "*": 60.0}
        )
    )
    """Typical interval between services; half of it is the expected wait of a traveller who
    does not time the arrival (random arrival). Assumed values, to be checked against
    timetables: HSR trunk stations in Hunan see a train every 10-30 min, county stations far
    less; 长株潭城际 runs about every 30 min off peak; conventional passenger trains stop at
    county stations a few times a day; the maglev about every 10 min."""

    egress_min: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {"hsr": 5.0, "intercity": 3.0, "conventional": 5.0, "maglev": 2.0, "*": 5.0}
        )
    )
    """Leaving the vehicle and the station."""

    transfer_min: float = 10.0
    """Walk between platforms when changing lines at a station, on top of half the headway of
    the next line (security is not passed again)."""

    road_modes: frozenset[str] = frozenset({"expressway", "road", "access"})
    """Edge modes that are driven rather than boarded (``geoplan.network``'s road modes)."""

    def off_network_minutes(self, km: float, *, egress: bool = False) -> float:
        """Minutes by road for a straight-line distance in km (detour factor applied)."""
        speed = self.egress_kmh if egress else self.access_kmh
        return km * self.detour_factor / speed * 60.0

    def boarding_minutes(self, mode: str) -> float:
        """Security plus half the headway of ``mode``."""
        return _per_mode(self.security_min, mode) + _per_mode(self.headway_min, mode) / 2.0


DEFAULT = DoorToDoor()
"""The default door-to-door parameters."""


def _per_mode(table: Mapping[str, float], mode: str) -> float:
    if mode in table:
        return float(table[mode])
    if "*" in table:
        return float(table["*"])
    msg = f"no value for mode {mode!r} and no '*' fallback in {dict(table)}"
    raise DataError(msg)


# --------------------------------------------------------------------------------------------
# population


@cache
def population_2020() -> pd.DataFrame:
    """Return the 2020 census resident population per unit (``geodata/population_2020.csv``).

    Columns ``adcode``, ``name``, ``level``, ``parent_adcode``, ``population`` (nullable
    ``Int64``: a county without a sourced value is ``<NA>``), ``source``, ``note``.

    Examples
    --------
    >>> pop = population_2020()
    >>> int(pop.loc[pop.level == "province", "population"].iloc[0])
    66444864
    """
    frame = pd.read_csv(
        geodata_path("population_2020.csv"), dtype=str, keep_default_na=False, encoding="utf-8"
    )
    frame["population"] = pd.to_numeric(frame["population"].replace("", None)).astype("Int64")
    return frame


# --------------------------------------------------------------------------------------------
# compiling the graph


_TO_METRIC = pyproj.Transformer.from_crs(WGS84, HUNAN_CRS, always_xy=True)
_TO_WGS84 = pyproj.Transformer.from_crs(HUNAN_CRS, WGS84, always_xy=True)


@dataclass
class _Compiled:
    """A graph compiled for ``params``: CSR state graph, node positions, KD-tree."""

    nodes: list[str]
    index: dict[str, int]
    xy: NDArray[np.float64]  # (n, 2) metres, HUNAN_CRS
    rows: NDArray[np.int64]
    cols: NDArray[np.int64]
    weights: NDArray[np.float64]
    n_states: int
    tree: cKDTree
    attrs: list[dict]
    grid_links: dict = field(default_factory=dict)

    def run(self, sources: Sequence[Sequence[tuple[int, float]]]) -> NDArray[np.float64]:
        """Dijkstra from virtual sources, each linked to street states at given minutes.

        Returns an array (len(sources), n) of minutes to every node's street state.
        """
        k = len(sources)
        extra_r, extra_c, extra_w = [], [], []
        for s, links in enumerate(sources):
            for node, minutes in links:
                extra_r.append(self.n_states + s)
                extra_c.append(node)
                extra_w.append(max(minutes, _EPS))
        rows = np.concatenate([self.rows, np.asarray(extra_r, dtype=np.int64)])
        cols = np.concatenate([self.cols, np.asarray(extra_c, dtype=np.int64)])
        w = np.concatenate([self.weights, np.asarray(extra_w, dtype=float)])
        size = self.n_states + k
        matrix = csr_matrix((w, (rows, cols)), shape=(size, size))
        dist = dijkstra(matrix, directed=True, indices=np.arange(self.n_states, size))
        return np.atleast_2d(dist)[:, : len(self.nodes)]


_EPS = 1e-6  # scipy drops explicit zeros from sparse graphs; zero-cost links get this instead
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _alighting(mode: str) -> float:
    """The final stop of a leg, as :func:`geoplan.network.alighting_minutes` (0 off rail)."""
    return network.alighting_minutes(mode) if mode in network.RAIL_MODES else 0.0


def _compile(graph: nx.Graph, params: DoorToDoor) -> _Compiled:
    key = (repr(params), graph.number_of_nodes(), graph.number_of_edges())
    per_graph = _CACHE.setdefault(graph, {})
    if key in per_graph:
        return per_graph[key]
    nodes = [str(n) for n in graph.nodes]
    if not nodes:
        msg = "the transport graph has no nodes"
        raise DataError(msg)
    index = {n: i for i, n in enumerate(nodes)}
    attrs = [graph.nodes[n] for n in graph.nodes]
    try:
        lon = np.array([float(a["lon"]) for a in attrs])
        lat = np.array([float(a["lat"]) for a in attrs])
    except (KeyError, TypeError, ValueError) as exc:
        msg = f"every graph node needs numeric lon and lat ({exc})"
        raise DataError(msg) from None
    x, y = _TO_METRIC.transform(lon, lat)
    xy = np.column_stack([x, y])

    n = len(nodes)
    line_state: dict[tuple[int, str], int] = {}
    line_mode: dict[tuple[int, str], str] = {}
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []

    def state(node: int, line: str, mode: str) -> int:
        key_ = (node, line)
        if key_ not in line_state:
            line_state[key_] = n + len(line_state)
            line_mode[key_] = mode
        return line_state[key_]

    directed = graph.is_directed()
    for u, v, data in graph.edges(data=True):
        try:
            minutes = float(data["minutes"])
        except (KeyError, TypeError, ValueError):
            msg = f"edge {u!r}-{v!r} lacks numeric 'minutes'"
            raise DataError(msg) from None
        if not math.isfinite(minutes) or minutes < 0:
            msg = f"edge {u!r}-{v!r} has minutes={minutes!r}"
            raise DataError(msg)
        mode = str(data.get("mode", "road"))
        iu, iv = index[str(u)], index[str(v)]
        pairs = [(iu, iv)] if directed else [(iu, iv), (iv, iu)]
        if mode in params.road_modes:
            for a, b in pairs:
                rows.append(a)
                cols.append(b)
                weights.append(minutes)
        else:
            line = network.service(str(data.get("line") or mode))
            for a, b in pairs:
                rows.append(state(a, line, mode))
                cols.append(state(b, line, mode))
                weights.append(minutes)

    by_node: dict[int, list[tuple[str, int, str]]] = {}
    for (node, line), s in line_state.items():
        mode = line_mode[(node, line)]
        by_node.setdefault(node, []).append((line, s, mode))
        rows += [node, s]
        cols += [s, node]
        weights += [
            params.boarding_minutes(mode),
            _alighting(mode) + _per_mode(params.egress_min, mode),
        ]
    for calls in by_node.values():
        for _, s1, m1 in calls:
            for _, s2, m2 in calls:
                if s1 != s2:
                    rows.append(s1)
                    cols.append(s2)
                    weights.append(
                        _alighting(m1) + params.transfer_min + _per_mode(params.headway_min, m2) / 2
                    )

    r = np.asarray(rows, dtype=np.int64)
    c = np.asarray(cols, dtype=np.int64)
    w = np.maximum(np.asarray(weights, dtype=float), _EPS)
    # parallel edges: keep the fastest (csr_matrix would add them up)
    order = np.lexsort((w, c, r))
    r, c, w = r[order], c[order], w[order]
    first = np.ones(len(r), dtype=bool)
    first[1:] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
    compiled = _Compiled(
        nodes=nodes,
        index=index,
        xy=xy,
        rows=r[first],
        cols=c[first],
        weights=w[first],
        n_states=n + len(line_state),
        tree=cKDTree(xy),
        attrs=attrs,
    )
    per_graph[key] = compiled
    return compiled


def _links(
    compiled: _Compiled, points: NDArray[np.float64], params: DoorToDoor
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Nearest ``link_candidates`` nodes of each point within ``max_link_km``: (km, index)."""
    k = min(params.link_candidates, len(compiled.nodes))
    dist, idx = compiled.tree.query(
        points, k=k, distance_upper_bound=params.max_link_km * 1000.0, workers=-1
    )
    dist = np.asarray(dist, dtype=float).reshape(len(points), k) / 1000.0
    idx = np.asarray(idx, dtype=np.int64).reshape(len(points), k)
    missing = idx >= len(compiled.nodes)
    idx[missing] = 0
    dist[missing] = np.inf
    return dist, idx


def _evaluate(
    node_minutes: NDArray[np.float64],
    link_km: NDArray[np.float64],
    link_idx: NDArray[np.int64],
    direct_km: NDArray[np.float64],
    params: DoorToDoor,
) -> NDArray[np.float64]:
    """Door-to-door minutes at points: best of the direct road leg and network + egress."""
    factor = params.detour_factor / params.egress_kmh * 60.0
    via = node_minutes[link_idx] + link_km * factor
    best = via.min(axis=1) if via.shape[1] else np.full(len(direct_km), np.inf)
    direct = direct_km * params.detour_factor / params.access_kmh * 60.0
    return np.minimum(best, direct)


# --------------------------------------------------------------------------------------------
# origins


def _seat_table(graph: nx.Graph) -> pd.DataFrame:
    rows = [
        {"node": str(n), "adcode": str(a.get("adcode", "")), "name": str(a.get("name", ""))}
        for n, a in graph.nodes(data=True)
        if a.get("kind") == "seat"
    ]
    return pd.DataFrame(rows, columns=["node", "adcode", "name"])


def _resolve_origin(graph: nx.Graph, origin: object) -> tuple[str | None, float, float, str]:
    """Return (node id or None, lon, lat, label) of an origin.

    ``origin`` may be a node id, an adcode or a unit name whose seat is in the graph (a
    prefecture resolves to the seat node carrying its adcode, or else to the seat of its
    lowest-numbered county unit, as in :func:`geoplan.network.travel_time`), or a
    ``(lon, lat)`` pair in WGS-84.
    """
    if isinstance(origin, tuple | list) and len(origin) == 2:
        lon, lat = float(origin[0]), float(origin[1])
        return None, lon, lat, f"{lon:.4f},{lat:.4f}"
    text = str(origin)
    if text in graph.nodes:
        a = graph.nodes[text]
        return text, float(a["lon"]), float(a["lat"]), str(a.get("name", text))
    seats = _seat_table(graph)
    code = text
    if not (text.isdigit() and len(text) == 6):
        from geoplan import gazetteer

        found = [u for u in gazetteer.lookup(text) if u.adcode.startswith("43")]
        if not found:
            msg = f"no place called {text!r} in Hunan"
            raise UnknownPlaceError(msg)
        code = found[0].adcode
    hit = seats[seats.adcode == code]
    if hit.empty and code.endswith("00"):
        # a prefecture without its own seat node: its lowest-numbered county unit (the first
        # urban district), the rule geoplan.network.travel_time uses too
        hit = seats[seats.adcode.str.startswith(code[:4])].sort_values("adcode").head(1)
    if hit.empty:
        msg = f"the graph has no seat node for {text!r} (adcode {code})"
        raise UnknownPlaceError(msg)
    node = hit.iloc[0]["node"]
    a = graph.nodes[node]
    return node, float(a["lon"]), float(a["lat"]), text


def _origin_sources(
    compiled: _Compiled, node: str | None, xy: NDArray[np.float64], params: DoorToDoor
) -> list[tuple[int, float]]:
    km, idx = _links(compiled, xy.reshape(1, 2), params)
    factor = params.detour_factor / params.access_kmh * 60.0
    links = [(int(i), float(d * factor)) for d, i in zip(km[0], idx[0], strict=True) if d < np.inf]
    if node is not None:
        links.append((compiled.index[node], 0.0))
    return links


# --------------------------------------------------------------------------------------------
# surfaces


@dataclass(frozen=True)
class Surface:
    """Door-to-door minutes from one origin on a regular grid in :data:`HUNAN_CRS`.

    ``minutes[i, j]`` is the time at cell centre ``(x[j], y[i])``; ``nan`` outside Hunan,
    ``inf`` where nothing reaches.
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]
    minutes: NDArray[np.float64]
    origin: str
    cell_km: float
    crs: pyproj.CRS = HUNAN_CRS

    def at(self, lon: float, lat: float) -> float:
        """Minutes in the cell holding a WGS-84 point (``nan`` outside the grid)."""
        px, py = _TO_METRIC.transform(lon, lat)
        j = int(np.floor((px - self.x[0]) / (self.cell_km * 1000.0) + 0.5))
        i = int(np.floor((py - self.y[0]) / (self.cell_km * 1000.0) + 0.5))
        if 0 <= i < len(self.y) and 0 <= j < len(self.x):
            return float(self.minutes[i, j])
        return float("nan")


@cache
def _hunan_outline_metric() -> shapely.Geometry:
    from geoplan import gazetteer

    province = gazetteer.admin_units("province")
    if province.empty:
        msg = "the gazetteer has no Hunan outline"
        raise DataError(msg)
    return shapely.transform(
        province.geometry.iloc[0],
        lambda c: np.column_stack(_TO_METRIC.transform(c[:, 0], c[:, 1])),
    )


@cache
def _grid(cell_km: float) -> tuple[NDArray, NDArray, NDArray[np.bool_]]:
    """Cell centres (x, y) over Hunan's bounding box and the inside-Hunan mask."""
    outline = _hunan_outline_metric()
    step = cell_km * 1000.0
    minx, miny, maxx, maxy = outline.bounds
    x = np.arange(minx + step / 2, maxx + step / 2, step)
    y = np.arange(miny + step / 2, maxy + step / 2, step)
    gx, gy = np.meshgrid(x, y)
    shapely.prepare(outline)
    inside = shapely.contains_xy(outline, gx, gy)
    return x, y, inside


def _grid_links(compiled: _Compiled, cell_km: float, params: DoorToDoor):
    key = (cell_km, params.link_candidates, params.max_link_km)
    if key not in compiled.grid_links:
        x, y, inside = _grid(cell_km)
        gx, gy = np.meshgrid(x, y)
        pts = np.column_stack([gx[inside], gy[inside]])
        km, idx = _links(compiled, pts, params)
        compiled.grid_links[key] = (pts, km, idx)
    return compiled.grid_links[key]


def travel_time_surface(
    graph: nx.Graph,
    origin: object,
    *,
    cell_km: float = 1.0,
    params: DoorToDoor = DEFAULT,
) -> Surface:
    """Door-to-door minutes from ``origin`` to every cell of a grid over Hunan.

    A cell's time is the best of driving straight there (no network) and, over its
    ``params.link_candidates`` nearest nodes, the node's network time plus the egress road leg.

    Parameters
    ----------
    graph
        Transport graph (nodes with ``lon``, ``lat``, ``kind``; edges with ``minutes``,
        ``mode``, ``line``).
    origin
        Node id, unit name or adcode with a seat node in the graph, or ``(lon, lat)``.
    cell_km
        Cell size in km of the grid in :data:`HUNAN_CRS`.
    params
        Door-to-door parameters.

    Examples
    --------
    >>> from geoplan.network import build_graph  # doctest: +SKIP
    >>> s = travel_time_surface(build_graph(year=2025), "长沙市")  # doctest: +SKIP
    >>> s.at(112.94, 28.23) < 30  # doctest: +SKIP
    True
    """
    if cell_km <= 0:
        msg = f"cell_km must be positive, not {cell_km}"
        raise GeometryError(msg)
    compiled = _compile(graph, params)
    node, lon, lat, label = _resolve_origin(graph, origin)
    oxy = np.array(_TO_METRIC.transform(lon, lat))
    node_minutes = compiled.run([_origin_sources(compiled, node, oxy, params)])[0]
    x, y, inside = _grid(cell_km)
    pts, km, idx = _grid_links(compiled, cell_km, params)
    direct = np.hypot(pts[:, 0] - oxy[0], pts[:, 1] - oxy[1]) / 1000.0
    values = _evaluate(node_minutes, km, idx, direct, params)
    minutes = np.full(inside.shape, np.nan)
    minutes[inside] = values
    return Surface(x=x, y=y, minutes=minutes, origin=label, cell_km=float(cell_km))


# --------------------------------------------------------------------------------------------
# isochrones


def _polygons_from_filled(points, offsets) -> list[shapely.Polygon]:
    """contourpy OuterOffset output -> shapely polygons (first ring outer, the rest holes)."""
    polys = []
    for pts, offs in zip(points, offsets, strict=True):
        rings = [pts[offs[i] : offs[i + 1]] for i in range(len(offs) - 1)]
        rings = [r for r in rings if len(r) >= 4]
        if not rings:
            continue
        polys.append(shapely.Polygon(rings[0], rings[1:]))
    return polys


def isochrones(
    surface: Surface, minutes: Iterable[float] = (60, 120, 180), *, crs: object = WGS84
) -> gpd.GeoDataFrame:
    """Contour a surface into nested isochrone polygons, one row per budget.

    Each geometry is the (multi-part, holes kept) area reached within ``minutes``, so the
    120-minute polygon contains the 60-minute one. Polygons are contours of the surface,
    never hulls of reached nodes: a station far along a fast line whose surroundings are
    reached, with unreached land in between, stays a separate part.

    Examples
    --------
    >>> iso = isochrones(surface, [60, 120])  # doctest: +SKIP
    >>> list(iso.columns)  # doctest: +SKIP
    ['origin', 'minutes', 'band', 'area_km2', 'parts', 'geometry']
    """
    import contourpy

    budgets = sorted({float(m) for m in minutes})
    if not budgets or budgets[0] <= 0:
        msg = f"isochrone budgets must be positive minutes, not {list(minutes)}"
        raise GeometryError(msg)
    z = np.where(np.isinf(surface.minutes), 1e9, surface.minutes)
    z = np.ma.masked_invalid(z)
    gen = contourpy.contour_generator(
        surface.x, surface.y, z, fill_type=contourpy.FillType.OuterOffset, name="serial"
    )
    rows = []
    previous = 0.0
    for m in budgets:
        points, offsets = gen.filled(-1.0, m)
        polys = _polygons_from_filled(points, offsets)
        geom = shapely.union_all(polys) if polys else shapely.MultiPolygon()
        if isinstance(geom, shapely.Polygon):
            geom = shapely.MultiPolygon([geom])
        elif not isinstance(geom, shapely.MultiPolygon):
            geom = shapely.MultiPolygon(
                [g for g in shapely.get_parts(geom) if isinstance(g, shapely.Polygon)]
            )
        rows.append(
            {
                "origin": surface.origin,
                "minutes": m,
                "band": f"{previous:g}-{m:g}",
                "area_km2": geom.area / 1e6,
                "parts": len(geom.geoms),
                "geometry": geom,
            }
        )
        previous = m
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=surface.crs)
    return frame.to_crs(crs) if crs is not None else frame


# --------------------------------------------------------------------------------------------
# matrices and accessibility


def _county_seats(graph: nx.Graph, adcodes: Sequence[str]) -> list[str]:
    seats = _seat_table(graph).drop_duplicates("adcode").set_index("adcode")
    missing = [a for a in adcodes if a not in seats.index]
    if missing:
        msg = f"the graph lacks seat nodes for {len(missing)} unit(s): {', '.join(missing[:8])}"
        raise DataError(msg)
    return [seats.loc[a, "node"] for a in adcodes]


def _matrix(
    graph: nx.Graph, origins: Sequence[str], destinations: Sequence[str], params: DoorToDoor
) -> NDArray[np.float64]:
    compiled = _compile(graph, params)
    oxy = compiled.xy[[compiled.index[o] for o in origins]]
    dxy = compiled.xy[[compiled.index[d] for d in destinations]]
    sources = [_origin_sources(compiled, o, xy, params) for o, xy in zip(origins, oxy, strict=True)]
    node_minutes = compiled.run(sources)
    km, idx = _links(compiled, dxy, params)
    dest_idx = np.array([compiled.index[d] for d in destinations])
    out = np.empty((len(origins), len(destinations)))
    for r in range(len(origins)):
        direct = np.hypot(dxy[:, 0] - oxy[r, 0], dxy[:, 1] - oxy[r, 1]) / 1000.0
        out[r] = np.minimum(
            _evaluate(node_minutes[r], km, idx, direct, params), node_minutes[r, dest_idx]
        )
    return out


def _county_codes() -> list[str]:
    pop = population_2020()
    return pop.loc[pop.level == "county", "adcode"].tolist()


def od_matrix(
    graph: nx.Graph, *, adcodes: Sequence[str] | None = None, params: DoorToDoor = DEFAULT
) -> pd.DataFrame:
    """Door-to-door minutes between county seats (122 x 122 by default).

    Rows are origins, columns destinations, both labelled by adcode; the diagonal is 0.

    Examples
    --------
    >>> m = od_matrix(build_graph(year=2025))  # doctest: +SKIP
    >>> m.shape  # doctest: +SKIP
    (122, 122)
    """
    codes = list(adcodes) if adcodes is not None else _county_codes()
    seats = _county_seats(graph, codes)
    values = _matrix(graph, seats, seats, params)
    np.fill_diagonal(values, 0.0)
    return pd.DataFrame(values, index=pd.Index(codes, name="origin"), columns=codes)


POTENTIAL_HALF_MINUTES = 60.0
"""Potential accessibility weighs population by exp(-ln2 t / T): a seat T minutes away counts
half. 60 min matches the daily-commute scale of the plans' "one-hour circles"."""


def _graph_for(year: int, scenario: str) -> nx.Graph:
    from geoplan import network

    return network.build_graph(year=year, scenario=scenario)


def accessibility(
    graph: nx.Graph | None = None,
    *,
    year: int = 2020,
    scenario: str = "built",
    params: DoorToDoor = DEFAULT,
    budgets: Sequence[float] = (60, 120, 180),
    half_minutes: float = POTENTIAL_HALF_MINUTES,
) -> pd.DataFrame:
    """Accessibility indicators per county seat.

    Columns:

    - ``to_prefecture_seats_min``: average door-to-door minutes to the 14 prefecture seats,
      weighted by prefecture population (2020 census);
    - ``pop_within_<m>``: census population of the counties whose **seat** is reached within
      ``m`` minutes (a county counts whole or not at all), counting only counties with a
      sourced population; ``counties_within_<m>`` and ``unknown_pop_within_<m>`` say how many
      counties that covers and how many of them lack a value (none since the census table is
      complete). The 767,066 residents (1.15 %) of statistical zones the census counts in no
      county (云龙示范区, 屈原管理区, 大通湖区 ...) are not counted, as no source places them in a
      county; see ``geodata/README.population.md``;
    - ``potential``: sum over prefecture seats of population x exp(-ln2 t / half_minutes).

    ``graph`` defaults to ``geoplan.network.build_graph(year=year, scenario=scenario)``.
    """
    g = graph if graph is not None else _graph_for(year, scenario)
    pop = population_2020()
    counties = pop[pop.level == "county"].reset_index(drop=True)
    prefs = pop[pop.level == "prefecture"].reset_index(drop=True)
    county_seats = _county_seats(g, counties.adcode.tolist())
    pref_seats = [_resolve_origin(g, code)[0] for code in prefs.adcode]
    t_pref = _matrix(g, county_seats, pref_seats, params)
    t_cty = _matrix(g, county_seats, county_seats, params)
    np.fill_diagonal(t_cty, 0.0)
    p_pref = prefs.population.to_numpy(dtype=float)
    out = pd.DataFrame({"adcode": counties.adcode, "name": counties["name"]})
    out["year"] = year
    out["scenario"] = scenario
    out["to_prefecture_seats_min"] = (t_pref * p_pref).sum(axis=1) / p_pref.sum()
    known = counties.population.notna().to_numpy()
    p_cty = counties.population.fillna(0).to_numpy(dtype=float)
    for m in budgets:
        reached = t_cty <= m
        out[f"pop_within_{m:g}"] = (reached * p_cty).sum(axis=1).astype(np.int64)
        out[f"counties_within_{m:g}"] = reached.sum(axis=1)
        out[f"unknown_pop_within_{m:g}"] = (reached & ~known).sum(axis=1)
    out["potential"] = (p_pref * np.exp(-math.log(2) * t_pref / half_minutes)).sum(axis=1)
    return out


def compare_accessibility(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Join two :func:`accessibility` tables by county with ``_before``/``_after``/``_change``."""
    keep = [c for c in before.columns if c not in {"adcode", "name", "year", "scenario"}]
    joined = before[["adcode", "name", *keep]].merge(
        after[["adcode", *keep]], on="adcode", suffixes=("_before", "_after")
    )
    for c in keep:
        joined[f"{c}_change"] = joined[f"{c}_after"] - joined[f"{c}_before"]
    joined.insert(2, "before", f"{before.year.iloc[0]} {before.scenario.iloc[0]}")
    joined.insert(3, "after", f"{after.year.iloc[0]} {after.scenario.iloc[0]}")
    return joined


# --------------------------------------------------------------------------------------------
# the plans' travel-time circles


@dataclass(frozen=True)
class PlanCircle:
    """A travel-time circle a plan names: centres, budget, the places it claims to hold."""

    name: str
    centres: tuple[str, ...]
    minutes: float
    claimed: tuple[str, ...]
    quote: str
    seed: str


PLAN_CIRCLES: tuple[PlanCircle, ...] = (
    PlanCircle(
        "长株潭一小时经济圈",
        ("430100", "430200", "430300"),
        60,
        ("430100", "430200", "430300"),
        "构建长株潭“半小时通勤圈”“一小时经济圈”",
        "000_d6a808445c4787d7.txt",
    ),
    PlanCircle(
        "长株潭半小时通勤圈",
        ("430100", "430200", "430300"),
        30,
        ("430100", "430200", "430300"),
        "构建长株潭“半小时通勤圈”“一小时经济圈”",
        "000_d6a808445c4787d7.txt",
    ),
    PlanCircle(
        "长株潭都市圈一小时通勤半径",
        ("430100", "430200", "430300"),
        60,
        ("430181", "430182", "430281", "430382"),
        "以长株潭三市主城区为核心、一小时通勤距离为半径",
        "004_093a410173c78b39.txt",
    ),
    PlanCircle(
        "“3+5”城市群2小时高速圈",
        ("430100", "430200", "430300"),
        120,
        ("430600", "430400", "430700", "430900", "431300"),
        "以长株潭都市圈为中心,2小时高速圈为半径,扩大对岳阳市、衡阳市、常德市、益阳市、娄底市",
        "004_093a410173c78b39.txt",
    ),
    PlanCircle(
        "冷水江至长株潭两小时经济圈",
        ("431381",),
        120,
        ("430100", "430200", "430300"),
        "至长株潭两小时经济圈、至娄底一小时经济圈",
        "001_5c360532ec53c3a9.txt",
    ),
    PlanCircle(
        "冷水江至娄底一小时经济圈",
        ("431381",),
        60,
        ("431300",),
        "至长株潭两小时经济圈、至娄底一小时经济圈",
        "001_5c360532ec53c3a9.txt",
    ),
)
"""Circles named in ``seeds/`` (quotes in simplified script). Prefecture codes mean the
prefecture's seat."""


def evaluate_circles(
    graphs: Mapping[str, nx.Graph],
    *,
    circles: Sequence[PlanCircle] = PLAN_CIRCLES,
    params: DoorToDoor = DEFAULT,
) -> pd.DataFrame:
    """Check each plan circle on each graph (e.g. ``{"2020": built, "2025 plan": plan}``).

    For every circle and scenario: the counties whose seat lies within the budget of the
    nearest centre (``holds``), the claimed places reached and missed, and ``claim_met``.
    """
    records = []
    codes = _county_codes()
    for label, g in graphs.items():
        county_seats = _county_seats(g, codes)
        for c in circles:
            centres = [_resolve_origin(g, code)[0] for code in c.centres]
            claimed = [_resolve_origin(g, code)[0] for code in c.claimed]
            t_cty = _matrix(g, centres, county_seats, params).min(axis=0)
            t_claim = _matrix(g, centres, claimed, params).min(axis=0)
            records.append(
                {
                    "circle": c.name,
                    "scenario": label,
                    "minutes": c.minutes,
                    "counties_held": int((t_cty <= c.minutes).sum()),
                    "holds": ",".join(
                        a for a, t in zip(codes, t_cty, strict=True) if t <= c.minutes
                    ),
                    "claimed_reached": ",".join(
                        a for a, t in zip(c.claimed, t_claim, strict=True) if t <= c.minutes
                    ),
                    "claimed_missed": ",".join(
                        f"{a}:{t:.0f}"
                        for a, t in zip(c.claimed, t_claim, strict=True)
                        if t > c.minutes
                    ),
                    "claim_met": bool((t_claim <= c.minutes).all()),
                    "quote": c.quote,
                    "seed": c.seed,
                }
            )
    return pd.DataFrame(records)
