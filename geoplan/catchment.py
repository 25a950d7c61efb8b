"""Door-to-door travel times on the transport graph: journeys, surfaces, isochrones, matrices,
accessibility and the plans' travel-time circles, all from one search.

Door to door = access (origin to a station, interchange or seat by road: straight-line distance
× detour factor at a road speed) + security + the wait (half the headway of the service
boarded) + in-vehicle time (+ the final stop) + transfers (walk + half the next headway, only
where passengers change trains) + leaving the station + egress by road. Expressways are entered
and left at their interchanges, each costing time. Every parameter lives in
:class:`DoorToDoor`, is documented with its reasoning, and is replaced with
``dataclasses.replace(DEFAULT, ...)``.

One search
----------
The graph (:func:`geoplan.network.build_graph`) is held by networkx and compiled once per
parameter set into a ``scipy.sparse`` state graph: each node has a street state and one state
per service calling there (a line, its branches, and the lines trains run through onto, from
``geodata/rail_services.csv``), so staying on a train costs nothing and a change of train costs
a transfer; every penalty is an arc. Moving onto a line trains run through onto costs no
transfer, only the difference of boarding costs if the second line's is higher (a through
train is boarded at the cost of its most demanding line), plus the minutes trains stand there
reversing (``dwell_min``), ridden on the line they came by. A change or a through run leads
onto a state that can only ride on, so two through services at one station never chain into
a third that no train runs. Expressways have one state per
node: entered and left at a cost, changed at junctions without leaving.
:func:`scipy.sparse.csgraph.dijkstra` runs on it from a virtual origin linked by road to the
nearest nodes. :func:`journey` (behind
:func:`geoplan.network.travel_time`) reads its legs from that search's predecessors,
:func:`od_matrix` and :func:`travel_time_surface` read its minutes: all three give the same
minutes for the same trip. Cells and places reach the network through a
:class:`scipy.spatial.cKDTree` of node positions in :data:`geoplan.crs.HUNAN_CRS`.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
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

from geoplan import _network_data, network
from geoplan._data import geodata_path
from geoplan.crs import HUNAN_CRS, WGS84
from geoplan.errors import DataError, GeometryError, GeoplanError

__all__ = [
    "DEFAULT",
    "DoorToDoor",
    "PlanCircle",
    "Surface",
    "accessibility",
    "compare_accessibility",
    "direct_train",
    "evaluate_circles",
    "isochrones",
    "journey",
    "journeys",
    "od_matrix",
    "plan_circles",
    "population_2020",
    "travel_time_surface",
]


def _frozen(mapping: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class DoorToDoor:
    """Parameters of the door-to-door model; every one may be overridden.

    Per-mode tables are keyed by the edge attribute ``mode``; ``"*"`` is the fallback for a
    mode the table does not name. Modes in ``street_modes`` are driven from node to node with
    no entry cost; every other mode (rail, expressway) is boarded or entered at its nodes.

    Examples
    --------
    >>> from dataclasses import replace
    >>> slow = replace(DEFAULT, access_kmh=20.0)
    >>> slow.off_network_minutes(10.0)  # 10 km straight line, x1.3 detour, at 20 km/h
    39.0
    """

    access_kmh: float = network.ACCESS_SPEED_KMH
    """Average door-to-node road speed, for the road legs off the network and the graph's
    access edges (charged on their ``length_km``): :data:`geoplan.network.ACCESS_SPEED_KMH`."""

    egress_kmh: float = network.ACCESS_SPEED_KMH
    """Road speed from the last node to the destination, as ``access_kmh``."""

    detour_factor: float = network.ROAD_DETOUR
    """Road distance over straight-line distance: :data:`geoplan.network.ROAD_DETOUR`."""

    max_link_km: float = 60.0
    """Straight-line reach of access and egress legs; beyond it a node is not reached by road
    in this model (the direct road leg from the origin is not capped)."""

    link_candidates: int | None = None
    """How many nearest nodes a cell or place may use for its access or egress leg; ``None``
    (the default): every node within ``max_link_km``. A cap makes the model depend on which
    nodes a scenario holds: with 12, nodes a plan adds (a station, an interchange) took the
    place of the ones a cell was best reached through, and 2,421 cells of five origins' surfaces
    came out slower in the 2025 plan than in 2020 (issue 16); without a cap, adding a node or a
    line never makes a time longer."""

    security_min: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "hsr": 15.0,
                "intercity": 10.0,
                "conventional": 15.0,
                "maglev": 5.0,
                "expressway": 2.0,
                "*": 10.0,
            }
        )
    )
    """Time between reaching a node and moving on the mode. Rail: ticket check and security;
    China Railway closes gates 5 min before departure and advises arriving 15-30 min early; the
    长沙磁浮 works like a metro. Expressway: the entry, an on-ramp of about 1 km at 40-60 km/h
    (about 1 min) and the toll gate (ETC or card), 2 min together."""

    headway_min: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "hsr": 30.0,
                "intercity": 30.0,
                "conventional": 120.0,
                "maglev": 10.0,
                "expressway": 0.0,
                "*": 60.0,
            }
        )
    )
    """Typical interval between services; half of it is the expected wait of a traveller who
    does not time the arrival (random arrival). Assumed values, to be checked against
    timetables: HSR trunk stations in Hunan see a train every 10-30 min, county stations far
    less; 长株潭城际 runs about every 30 min off peak; conventional passenger trains stop at
    county stations a few times a day; the maglev about every 10 min. A car does not wait."""

    egress_min: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "hsr": 5.0,
                "intercity": 3.0,
                "conventional": 5.0,
                "maglev": 2.0,
                "expressway": 2.0,
                "*": 5.0,
            }
        )
    )
    """Leaving the vehicle and the station; for an expressway the exit, off-ramp and toll
    payment (2 min, as the entry)."""

    transfer_min: float = 10.0
    """Walk between platforms when changing trains at a station, on top of half the headway of
    the next service (security is not passed again). Not charged between lines that trains run
    through (``geodata/rail_services.csv``)."""

    street_modes: frozenset[str] = frozenset({"road", "access"})
    """Edge modes driven from node to node with no entry cost (``geoplan.network``'s ordinary
    roads and access links)."""

    def off_network_minutes(self, km: float, *, egress: bool = False) -> float:
        """Minutes by road for a straight-line distance in km (detour factor applied)."""
        speed = self.egress_kmh if egress else self.access_kmh
        return km * self.detour_factor / speed * 60.0

    def boarding_minutes(self, mode: str) -> float:
        """Security (or expressway entry) plus half the headway of ``mode``."""
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

# arc kinds of the state graph
_STREET, _RIDE, _BOARD, _ALIGHT, _TRANSFER, _THROUGH = range(6)


@dataclass
class _Compiled:
    """A graph compiled for ``params`` and ``modes``: CSR state graph, node positions, KD-tree.

    States ``0..n-1`` are the nodes' street states; the rest are (node, service) states and,
    at stations of several services, one "changed-onto" state per service, entered only by a
    change of train or a through run there and left only by riding on (so that changes at one
    station never chain).
    Every arc carries its kind, mode, line and length, so that a path reads back as legs.
    """

    nodes: list[str]
    index: dict[str, int]
    xy: NDArray[np.float64]  # (n, 2) metres, HUNAN_CRS
    offset_km: NDArray[np.float64]  # (n,) extra road km to reach a node (stand-in stations)
    stand_in: NDArray[np.bool_]  # (n_states,) the state is at a stand-in station
    rows: NDArray[np.int64]
    cols: NDArray[np.int64]
    weights: NDArray[np.float64]
    arc_kind: NDArray[np.int8]
    arc_mode: list[str]
    arc_line: list[str]
    arc_km: NDArray[np.float64]
    n_states: int
    state_node: NDArray[np.int64]
    tree: cKDTree
    """KD-tree of the nodes a place or cell may link to by road (:func:`_linkable`)."""
    linkable: NDArray[np.int64]
    """Node index of each point of ``tree``."""
    attrs: list[dict]
    off_network: bool
    """Whether places reach nodes by road (off: journeys start and end at their nodes)."""
    grid_links: dict = field(default_factory=dict)
    _arc_index: dict | None = None
    _lists: tuple | None = None

    def lists(self) -> tuple[list, list, list, list]:
        """Arc kind, weight and km and the state's node as Python lists (fast to index)."""
        if self._lists is None:
            self._lists = (
                self.arc_kind.tolist(),
                self.weights.tolist(),
                self.arc_km.tolist(),
                self.state_node.tolist(),
            )
        return self._lists

    def arc(self, a: int, b: int) -> int:
        """Index of the arc from state ``a`` to state ``b``."""
        if self._arc_index is None:
            self._arc_index = {
                (int(r), int(c)): i
                for i, (r, c) in enumerate(zip(self.rows, self.cols, strict=True))
            }
        return self._arc_index[(a, b)]

    def run(
        self,
        sources: Sequence[Sequence[tuple[int, float]]],
        *,
        predecessors: bool = False,
        arcs: NDArray[np.bool_] | None = None,
    ) -> NDArray[np.float64] | tuple[NDArray[np.float64], NDArray[np.int32]]:
        """Dijkstra from virtual sources, each linked to street states at given minutes.

        Returns an array (len(sources), n_states) of minutes to every state, and with
        ``predecessors=True`` the predecessor array as well (the virtual source of row ``s``
        is state ``n_states + s``). ``arcs``, a mask over the arcs, keeps only those it marks.
        """
        k = len(sources)
        extra_r, extra_c, extra_w = [], [], []
        for s, links in enumerate(sources):
            for node, minutes in links:
                extra_r.append(self.n_states + s)
                extra_c.append(node)
                extra_w.append(max(minutes, _EPS))
        keep = slice(None) if arcs is None else arcs
        rows = np.concatenate([self.rows[keep], np.asarray(extra_r, dtype=np.int64)])
        cols = np.concatenate([self.cols[keep], np.asarray(extra_c, dtype=np.int64)])
        w = np.concatenate([self.weights[keep], np.asarray(extra_w, dtype=float)])
        size = self.n_states + k
        matrix = csr_matrix((w, (rows, cols)), shape=(size, size))
        indices = np.arange(self.n_states, size)
        if predecessors:
            dist, pred = dijkstra(matrix, directed=True, indices=indices, return_predecessors=True)
            return np.atleast_2d(dist), np.atleast_2d(pred)
        dist = dijkstra(matrix, directed=True, indices=indices)
        return np.atleast_2d(dist)[:, : self.n_states]


_EPS = 1e-6  # scipy drops explicit zeros from sparse graphs; zero-cost links get this instead
_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _alighting(mode: str) -> float:
    """The final stop of a leg, as :func:`geoplan.network.alighting_minutes` (0 off rail)."""
    return network.alighting_minutes(mode) if mode in network.RAIL_MODES else 0.0


@cache
def _through_running() -> Mapping[tuple[str, str, str, str, str], float]:
    """(station node, service, way, service, way) moves trains run through, both ways, with
    the minutes they stand there beyond a call (a reversal; ``dwell_min``, mostly 0).

    A way is ``+`` along a line's ``seq`` order and ``-`` against it: trains of ``line`` that
    reach ``at`` from ``from_side`` run on along ``next_line`` toward ``to_side``, and back.
    """
    order = _line_order()
    flip = {"+": "-", "-": "+"}
    moves: dict[tuple[str, str, str, str, str], float] = {}
    for r in _network_data.rail_services().itertuples():
        at = f"station:{r.at}"
        seq_line, seq_next = order[(r.line, at)], order[(r.next_line, at)]
        arriving = "+" if order[(r.line, f"station:{r.from_side}")] < seq_line else "-"
        leaving = "+" if order[(r.next_line, f"station:{r.to_side}")] > seq_next else "-"
        a, b = network.service(r.line), network.service(r.next_line)
        for move in ((at, a, arriving, b, leaving), (at, b, flip[leaving], a, flip[arriving])):
            moves[move] = max(moves.get(move, 0.0), float(r.dwell_min))
    return MappingProxyType(moves)


@cache
def _line_order() -> Mapping[tuple[str, str], int]:
    """(line, station node) -> the station's place along the line (``rail_lines.csv``, and
    the conventional runs of :func:`geoplan.network.rail_routes`).

    Examples
    --------
    >>> _line_order()[("京广高铁", "station:长沙南")]
    3
    """
    lines = network.rail_routes()
    return MappingProxyType(
        {(str(r.line), f"station:{r.station}"): int(r.seq) for r in lines.itertuples()}
    )


def _compile(graph: nx.Graph, params: DoorToDoor, modes: frozenset[str] | None = None) -> _Compiled:
    key = (repr(params), modes, graph.number_of_nodes(), graph.number_of_edges())
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
    offset = np.array([float(a.get("offset_km", 0.0) or 0.0) for a in attrs])
    x, y = _TO_METRIC.transform(lon, lat)
    xy = np.column_stack([x, y])

    n = len(nodes)
    line_state: dict[tuple[int, str, str], int] = {}
    line_mode: dict[tuple[int, str, str], str] = {}
    arcs: list[tuple[int, int, float, int, str, str, float]] = []

    def state(node: int, line: str, mode: str, way: str = "") -> int:
        key_ = (node, line, way)
        if key_ not in line_state:
            line_state[key_] = n + len(line_state)
            line_mode[key_] = mode
        return line_state[key_]

    order = _line_order()

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
        if modes is not None and mode not in modes:
            continue
        km = float(data.get("length_km", 0.0) or 0.0)
        iu, iv = index[str(u)], index[str(v)]
        pairs = [(iu, iv)] if directed else [(iu, iv), (iv, iu)]
        if mode in params.street_modes:
            if mode == "access" and km > 0:  # door-to-node roads: the parameters' speed
                minutes = params.off_network_minutes(km)
            arcs += [(a, b, minutes, _STREET, mode, "", km) for a, b in pairs]
        else:
            line = str(data.get("line") or mode)
            # rail: one state per service (a train); other modes: one per mode (a driver moves
            # from one expressway onto another at a junction without leaving the system)
            svc = network.service(line) if mode in network.RAIL_MODES else mode
            shown = network.service(line)
            if mode not in network.RAIL_MODES:
                arcs += [
                    (state(a, svc, mode), state(b, svc, mode), minutes, _RIDE, mode, shown, km)
                    for a, b in pairs
                ]
                continue
            # a train runs one way along its line: a state per direction, so that no journey
            # rides out and back on one train (an edge of unknown order is open both ways)
            su, sv = order.get((line, str(u))), order.get((line, str(v)))
            if su is not None and sv is not None and su != sv:
                ways = {(iu, iv): "+" if su < sv else "-", (iv, iu): "-" if su < sv else "+"}
            else:
                ways = {pair: "+-" for pair in pairs}
            arcs += [
                (state(a, svc, mode, w), state(b, svc, mode, w), minutes, _RIDE, mode, shown, km)
                for a, b in pairs
                for w in ways[(a, b)]
            ]

    by_node: dict[int, list[tuple[str, int, str, str]]] = {}
    for (node, line, way), s in line_state.items():
        mode = line_mode[(node, line, way)]
        by_node.setdefault(node, []).append((line, s, mode, way))
        if not attrs[node].get("passengers", True):
            continue  # a junction trains pass: nobody boards or alights there
        arcs.append((node, s, params.boarding_minutes(mode), _BOARD, mode, line, 0.0))
        exit_ = _alighting(mode) + _per_mode(params.egress_min, mode)
        arcs.append((s, node, exit_, _ALIGHT, mode, line, 0.0))
    through = _through_running()
    # A change of train or a through run at a station leads onto a "changed-onto" state of
    # the next line, which rides on but cannot change again at that station: two through
    # services at one station (衡柳 -> 京广高铁 and 京广高铁 -> 怀邵衡 at 衡阳东) must not
    # chain into a third (衡柳 -> 怀邵衡) that no train runs.
    rides_from: dict[int, list[tuple]] = {}
    for arc in arcs:
        if arc[3] == _RIDE:
            rides_from.setdefault(arc[0], []).append(arc)
    onto_node: list[int] = []

    def changed_onto(node: int, s: int) -> int:
        s_new = n + len(line_state) + len(onto_node)
        onto_node.append(node)
        arcs.extend((s_new, *arc[1:]) for arc in rides_from.get(s, []))
        return s_new

    for node, calls in by_node.items():
        rail = [call for call in calls if call[2] in network.RAIL_MODES]
        if len(rail) < 2:
            continue
        onto = {s: changed_onto(node, s) for _, s, _, _ in rail}
        for l1, s1, m1, w1 in rail:
            for l2, s2, m2, w2 in rail:
                if s1 == s2:
                    continue
                move = (nodes[node], l1, w1, l2, w2)
                if move in through:
                    # no change of train; a through train is boarded at the boarding cost of
                    # the most demanding of its lines, wherever it is boarded
                    extra = max(params.boarding_minutes(m2) - params.boarding_minutes(m1), 0.0)
                    start = s1
                    if through[move] > 0:
                        # a reversal: the train stands, riding time on the line it came by
                        start = n + len(line_state) + len(onto_node)
                        onto_node.append(node)
                        arcs.append((s1, start, through[move], _RIDE, m1, l1, 0.0))
                    arcs.append((start, onto[s2], extra, _THROUGH, m2, l2, 0.0))
                elif attrs[node].get("passengers", True):
                    wait = params.transfer_min + _per_mode(params.headway_min, m2) / 2
                    arcs.append((s1, onto[s2], _alighting(m1) + wait, _TRANSFER, m2, l2, 0.0))

    r = np.array([a[0] for a in arcs], dtype=np.int64)
    c = np.array([a[1] for a in arcs], dtype=np.int64)
    w = np.maximum(np.array([a[2] for a in arcs], dtype=float), _EPS)
    # parallel arcs: keep the fastest (csr_matrix would add them up)
    order = np.lexsort((w, c, r))
    r, c, w = r[order], c[order], w[order]
    first = np.ones(len(r), dtype=bool)
    first[1:] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
    kept = order[first]
    n_states = n + len(line_state) + len(onto_node)
    state_node = np.arange(n_states, dtype=np.int64)
    for (node, _line, _way), s in line_state.items():
        state_node[s] = node
    state_node[n + len(line_state) :] = onto_node
    stand_in_node = np.array([a.get("position") == "seat_proxy" for a in attrs], dtype=bool)
    linkable = _linkable(attrs)
    compiled = _Compiled(
        nodes=nodes,
        index=index,
        xy=xy,
        offset_km=offset,
        stand_in=stand_in_node[state_node],
        rows=r[first],
        cols=c[first],
        weights=w[first],
        arc_kind=np.array([arcs[i][3] for i in kept], dtype=np.int8),
        arc_mode=[arcs[i][4] for i in kept],
        arc_line=[arcs[i][5] for i in kept],
        arc_km=np.array([arcs[i][6] for i in kept], dtype=float),
        n_states=n_states,
        state_node=state_node,
        tree=cKDTree(xy[linkable]),
        linkable=linkable,
        attrs=attrs,
        off_network=modes is None or "access" in modes,
    )
    per_graph[key] = compiled
    return compiled


def _linkable(attrs: list[dict]) -> NDArray[np.int64]:
    """Indices of the nodes that places and cells link to by road.

    Left out are nodes that can never give a shorter road leg than a node kept, so that they
    do not take the place of a useful one when ``link_candidates`` caps the nearest nodes
    (adding such nodes to a scenario made cells slower):

    - a stand-in station (``position="seat_proxy"``) stands on its seat and is joined to it by
      an access edge of its ``offset_km``: a road leg to the stand-in is the leg to the seat
      plus that edge;
    - an airport is a road stub (the graph has no flights): it is reached only by its access
      edges from seats, so a road leg through it is no shorter than one from the seat.

    Examples
    --------
    >>> _linkable([{"kind": "seat"}, {"kind": "airport"}, {"position": "seat_proxy"}]).tolist()
    [0]
    """
    keep = [
        i
        for i, a in enumerate(attrs)
        if a.get("position") != "seat_proxy"
        and a.get("kind") != "airport"
        and a.get("passengers", True)
    ]
    return np.asarray(keep if keep else range(len(attrs)), dtype=np.int64)


def _links(
    compiled: _Compiled, points: NDArray[np.float64], params: DoorToDoor
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Linkable nodes of each point within ``max_link_km`` (the nearest ``link_candidates``
    when that is set): (km, node index), padded with ``inf`` km.

    The km include the node's ``offset_km`` (a stand-in station lies that far from its seat).
    """
    n = len(compiled.linkable)
    reach = params.max_link_km * 1000.0
    if params.link_candidates is None:
        counts = compiled.tree.query_ball_point(points, reach, return_length=True)
        k = max(int(np.max(counts, initial=0)), 1)
    else:
        k = min(params.link_candidates, n)
    dist, idx = compiled.tree.query(points, k=k, distance_upper_bound=reach, workers=-1)
    dist = np.asarray(dist, dtype=float).reshape(len(points), k) / 1000.0
    idx = np.asarray(idx, dtype=np.int64).reshape(len(points), k)
    missing = idx >= n
    idx[missing] = 0
    idx = compiled.linkable[idx]
    dist = dist + compiled.offset_km[idx]
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
# places


def _county_seats(graph: nx.Graph, adcodes: Sequence[str]) -> list[str]:
    nodes = [network.seat_node(graph, a) for a in adcodes]
    missing = [a for a, n in zip(adcodes, nodes, strict=True) if n is None]
    if missing:
        msg = f"the graph lacks seat nodes for {len(missing)} unit(s): {', '.join(missing[:8])}"
        raise DataError(msg)
    return nodes  # type: ignore[return-value]


def _origin_sources(
    compiled: _Compiled, node: str | None, xy: NDArray[np.float64], params: DoorToDoor
) -> list[tuple[int, float]]:
    links = []
    if compiled.off_network:
        km, idx = _links(compiled, xy.reshape(1, 2), params)
        factor = params.detour_factor / params.access_kmh * 60.0
        links = [
            (int(i), float(d * factor)) for d, i in zip(km[0], idx[0], strict=True) if d < np.inf
        ]
    if node is not None:
        links.append((compiled.index[node], 0.0))
    return links


# --------------------------------------------------------------------------------------------
# journeys


def _new_leg(mode, line, minutes, km, start, end, penalty=0.0, through=False) -> dict:
    return {
        "mode": mode,
        "line": line,
        "minutes": minutes,
        "length_km": km,
        "start": start,
        "end": end,
        "penalty_minutes": penalty,
        "through": through,
    }


def _road_leg(legs: list[dict], minutes: float, km: float, start: str, end: str) -> None:
    """Append a road stretch, merged with a road leg just before it."""
    if legs and legs[-1]["mode"] == "road":
        legs[-1]["minutes"] += minutes
        legs[-1]["length_km"] += km
        legs[-1]["end"] = end
    else:
        legs.append(_new_leg("road", "", minutes, km, start, end))


def _read_path(
    compiled: _Compiled,
    pred: list[int],
    dist: list[float],
    target: int,
    origin_label: str,
    params: DoorToDoor,
) -> list[dict]:
    """Legs of the search's path to state ``target`` (a street state)."""
    virtual = compiled.n_states
    kinds, weights, kms, state_node = compiled.lists()
    path = [target]
    while path[-1] != virtual:
        p = pred[path[-1]]
        if p < 0:
            msg = "internal: broken predecessor chain"
            raise DataError(msg)
        path.append(p)
    path.reverse()
    name = [compiled.nodes[state_node[s]] if s < virtual else "" for s in path]
    legs: list[dict] = []
    pending, through = 0.0, False
    for i in range(1, len(path)):
        a, b = path[i - 1], path[i]
        if a == virtual:
            minutes = dist[b]
            if minutes > 2 * _EPS:
                km = minutes / (params.detour_factor / params.access_kmh * 60.0)
                _road_leg(legs, minutes, km, origin_label, name[i])
            continue
        arc = compiled.arc(a, b)
        kind, w, km = kinds[arc], weights[arc], kms[arc]
        mode, line = compiled.arc_mode[arc], compiled.arc_line[arc]
        if kind == _STREET:
            _road_leg(legs, w, km, name[i - 1], name[i])
        elif kind == _BOARD:
            pending, through = w, False
        elif kind == _RIDE:
            last = legs[-1] if legs else None
            is_open = last is not None and last.get("open") and last["end"] == name[i - 1]
            if line == "junction" and is_open:
                line = last["line"]  # changing expressway: counted in the road left
            if is_open and last["line"] == line:
                last["minutes"] += w
                last["length_km"] += km
                last["end"] = name[i]
            else:
                leg = _new_leg(mode, line, w, km, name[i - 1], name[i], pending, through)
                leg["open"] = True
                legs.append(leg)
                pending, through = 0.0, False
        elif kind == _ALIGHT:
            stop = _alighting(mode)
            legs[-1]["minutes"] += stop
            legs[-1]["penalty_minutes"] += w - stop
            legs[-1]["open"] = False
        elif kind == _TRANSFER:
            stop = _alighting(legs[-1]["mode"])
            legs[-1]["minutes"] += stop
            legs[-1]["open"] = False
            pending, through = w - stop, False
        elif legs and legs[-1].get("open"):  # _THROUGH, riding on
            legs[-1]["open"] = False
            pending, through = w, True
        else:  # _THROUGH right after boarding: the same train, boarded here
            pending += w
    for leg in legs:
        leg.pop("open", None)
    return legs


def journeys(
    graph: nx.Graph,
    pairs: Iterable[tuple[object, object]],
    *,
    modes: Iterable[str] | None = None,
    params: DoorToDoor = DEFAULT,
) -> list[network.Journey]:
    """Quickest door-to-door journeys for many (origin, destination) pairs, with their legs.

    One search per distinct origin; legs are read from its predecessors, so each journey's
    minutes are :func:`od_matrix`'s and the surface's for the same places. Places follow
    :data:`geoplan.network.PLACE_RULE`.

    Parameters
    ----------
    graph
        A graph from :func:`geoplan.network.build_graph`.
    pairs
        (origin, destination) places.
    modes
        Edge modes a journey may use (default all); without ``access`` journeys start and end
        at their nodes, with no road legs off the network.
    params
        Door-to-door parameters.

    Examples
    --------
    >>> from geoplan.network import build_graph
    >>> g = build_graph(year=2025)
    >>> [round(j.minutes) > 0 for j in journeys(g, [("长沙", "株洲"), ("长沙", "湘潭")])]
    [True, True]
    """
    allowed = None
    if modes is not None:
        allowed = frozenset(modes)
        unknown = allowed - network.RAIL_MODES - {"expressway", "road", "access"}
        if unknown:
            msg = f"unknown mode(s) {sorted(unknown)}"
            raise GeoplanError(msg)
    compiled = _compile(graph, params, allowed)
    pairs = list(pairs)
    places: dict[object, network.Place] = {}

    def place(p: object) -> network.Place:
        key = tuple(p) if isinstance(p, list) else p
        if key not in places:
            places[key] = network.resolve_place(graph, p)
        return places[key]

    by_origin: dict[object, list[int]] = {}
    for i, (o, _) in enumerate(pairs):
        by_origin.setdefault(tuple(o) if isinstance(o, list) else o, []).append(i)
    out: list[network.Journey | None] = [None] * len(pairs)
    factor = params.detour_factor / params.egress_kmh * 60.0
    for o, members in by_origin.items():
        op = place(o)
        oxy = np.array(_TO_METRIC.transform(op.lon, op.lat))
        dist2, pred2 = compiled.run(
            [_origin_sources(compiled, op.node, oxy, params)], predecessors=True
        )
        dist, pred = dist2[0], pred2[0]
        lists = (dist.tolist(), pred.tolist())
        for i in members:
            dp = place(pairs[i][1])
            out[i] = _journey_to(compiled, op, dp, oxy, dist, lists, factor, params)
    return out  # type: ignore[return-value]


def _place_links(compiled: _Compiled, place: network.Place, params: DoorToDoor):
    """A place's metric position and its egress links, cached on the compiled graph."""
    key = ("place", place.lon, place.lat, params.link_candidates, params.max_link_km)
    if key not in compiled.grid_links:
        xy = np.array(_TO_METRIC.transform(place.lon, place.lat))
        km, idx = _links(compiled, xy.reshape(1, 2), params)
        compiled.grid_links[key] = (xy, km, idx)
    return compiled.grid_links[key]


def _journey_to(compiled, op, dp, oxy, dist, lists, factor, params) -> network.Journey:
    dist_l, pred = lists
    o_label = op.node or op.name
    d_label = dp.node or dp.name
    if op.node is not None and op.node == dp.node:
        return network.Journey(o_label, d_label, 0.0, 0.0, 0.0, [])
    dxy, km, idx = _place_links(compiled, dp, params)
    best, target, egress_km = np.inf, None, 0.0
    if compiled.off_network:
        direct_km = float(np.hypot(*(dxy - oxy))) / 1000.0
        best = direct_km * params.detour_factor / params.access_kmh * 60.0
        via = dist[idx[0]] + km[0] * factor
        j = int(np.argmin(via))
        if via[j] < best:
            best, target, egress_km = float(via[j]), int(idx[0][j]), float(km[0][j])
    if dp.node is not None:
        t = compiled.index[dp.node]
        if dist[t] < best:  # equal: the linked node at 0 km is this node already
            best, target, egress_km = float(dist[t]), t, 0.0
    if not np.isfinite(best):
        msg = f"no route from {o_label} to {d_label} in this network"
        raise DataError(msg)
    if target is None:  # straight by road, no network node on the way is quicker
        legs = [_new_leg("road", "", best, direct_km * params.detour_factor, o_label, d_label)]
    else:
        legs = _read_path(compiled, pred, dist_l, target, o_label, params)
        if egress_km > 0 and best - float(dist[target]) > 2 * _EPS:
            _road_leg(legs, best - float(dist[target]), egress_km, compiled.nodes[target], d_label)
        elif legs and legs[-1]["mode"] == "road":
            legs[-1]["end"] = d_label  # the last node stands where the destination is
    on_path = _path_states(compiled, pred, target) if target is not None else []
    stand_in = compiled.stand_in
    state_node = compiled.lists()[3]
    stand_ins = tuple(dict.fromkeys(compiled.nodes[state_node[s]] for s in on_path if stand_in[s]))
    legs_ = [network.Leg(**leg) for leg in legs]
    moving = sum(leg.minutes for leg in legs_)
    penalty = sum(leg.penalty_minutes for leg in legs_)
    return network.Journey(o_label, d_label, best, moving, penalty, legs_, stand_ins)


def _path_states(compiled: _Compiled, pred: list[int], target: int) -> list[int]:
    out, s = [], target
    while 0 <= s < compiled.n_states:
        out.append(s)
        s = pred[s]
    return out


def journey(
    graph: nx.Graph,
    origin: object,
    destination: object,
    *,
    modes: Iterable[str] | None = None,
    params: DoorToDoor = DEFAULT,
) -> network.Journey:
    """The quickest door-to-door journey between two places (see :func:`journeys`).

    Examples
    --------
    >>> from geoplan.network import build_graph
    >>> j = journey(build_graph(year=2025), "长沙", "株洲")
    >>> j.origin, j.destination
    ('seat:430100', 'seat:430200')
    """
    return journeys(graph, [(origin, destination)], modes=modes, params=params)[0]


_RIDDEN_GRAPHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _ridden_graph(graph: nx.Graph, train_class: str | None, nonstop: bool) -> nx.Graph:
    """The graph as one train rides it (:func:`geoplan.network.train_class_graph`, then
    :func:`geoplan.network.nonstop_graph`), kept beside its graph while it lives."""
    per_graph = _RIDDEN_GRAPHS.setdefault(graph, {})
    key = (train_class, nonstop)
    if key not in per_graph:
        out = graph if train_class is None else network.train_class_graph(graph, train_class)
        per_graph[key] = network.nonstop_graph(out) if nonstop else out
    return per_graph[key]


def direct_train(
    graph: nx.Graph,
    origin: object,
    destination: object,
    *,
    train_class: str | None = None,
    nonstop: bool = False,
    params: DoorToDoor = DEFAULT,
) -> network.Journey:
    """The quickest ride between two stations on one train, with no change: what a timetable
    quotes between them.

    The search of :func:`journey` on the same compiled graph, keeping only boarding at
    ``origin``, riding, running through onto another line where trains do
    (``geodata/rail_services.csv``) and alighting at ``destination``. Its
    ``in_vehicle_minutes`` compare with a timetable's time between the two stations, where
    :func:`journey` may change trains.

    Parameters
    ----------
    graph : networkx.MultiGraph
        A graph of :func:`geoplan.network.build_graph`.
    origin, destination : str
        Stations, by name (长沙站) or node id (``station:长沙``).
    train_class : str, optional
        The class of the train, a letter of :data:`geoplan.network.TRAIN_CLASSES`: a K, T or Z
        train rides the graph of :func:`geoplan.network.train_class_graph` (no EMU-only lines,
        200 km/h lines at its class's speed). By default, and for G, D and C, the fastest
        service of each line.
    nonstop : bool, default False
        A train that calls at no station between ``origin`` and ``destination``, as a
        timetable's time between two consecutive calls of one train: the stations passed cost
        no stop (:func:`geoplan.network.nonstop_graph`) and the ride one whole
        :data:`geoplan.network.STOP_OVERHEAD_MIN` of its last leg's mode, its start and its
        end. By default the train stops as the fastest service does
        (:data:`geoplan.network.STOP_SHARE` of the stations it passes).
    params : DoorToDoor
        Penalties of the search (only alighting plays a part in a ride).

    Raises
    ------
    GeoplanError
        If a place is not a station of the graph, or the class is unknown.
    DataError
        If no train of the network (of the class) runs between the two stations without a
        change.

    Examples
    --------
    >>> from geoplan.network import build_graph
    >>> g = build_graph(year=2023)
    >>> ride = direct_train(g, "station:常德", "station:长沙")
    >>> [leg.line for leg in ride.legs], round(ride.in_vehicle_minutes)
    (['常益长高铁', '长株潭城际'], 53)
    >>> k = direct_train(g, "station:邵东", "station:娄底", train_class="K")
    >>> [leg.line for leg in k.legs], round(k.in_vehicle_minutes)
    (['娄邵铁路'], 48)
    >>> round(direct_train(g, "station:观沙岭", "station:麓谷", nonstop=True).in_vehicle_minutes)
    6
    """
    if train_class is not None or nonstop:
        graph = _ridden_graph(graph, train_class, nonstop)
    ends = [network.resolve_place(graph, p) for p in (origin, destination)]
    for place in ends:
        if place.node is None or graph.nodes[place.node].get("kind") != "station":
            msg = f"{place.name!r} is not a station of this network: a train runs between stations"
            raise GeoplanError(msg)
    op, dp = ends
    compiled = _compile(graph, params, network.RAIL_MODES)
    if op.node == dp.node:
        return network.Journey(op.node, dp.node, 0.0, 0.0, 0.0, [])
    a, b = compiled.index[op.node], compiled.index[dp.node]
    kind = compiled.arc_kind
    keep = (
        (kind == _RIDE)
        | (kind == _THROUGH)
        | ((kind == _BOARD) & (compiled.rows == a))
        | ((kind == _ALIGHT) & (compiled.cols == b))
    )
    dist2, pred2 = compiled.run([[(a, 0.0)]], predecessors=True, arcs=keep)
    dist, pred = dist2[0], pred2[0]
    if not np.isfinite(dist[b]):
        msg = f"no train runs from {op.name} to {dp.name} without a change in this network"
        raise DataError(msg)
    legs = [
        network.Leg(**leg)
        for leg in _read_path(compiled, pred.tolist(), dist.tolist(), b, op.node, params)
    ]
    total = float(dist[b])
    if nonstop:  # alighting carried 1 - STOP_SHARE of the ride's one whole stop
        mode = legs[-1].mode
        ends = network.STOP_OVERHEAD_MIN[mode] * network.STOP_SHARE[mode]
        legs[-1] = replace(legs[-1], minutes=legs[-1].minutes + ends)
        total += ends
    moving = sum(leg.minutes for leg in legs)
    penalty = sum(leg.penalty_minutes for leg in legs)
    return network.Journey(op.node, dp.node, total, moving, penalty, legs)


# --------------------------------------------------------------------------------------------
# surfaces


@dataclass(frozen=True)
class Surface:
    """Door-to-door minutes from one origin on a regular grid in :data:`HUNAN_CRS`.

    ``minutes[i, j]`` is the time at cell centre ``(x[j], y[i])``; ``nan`` outside Hunan,
    ``inf`` where nothing reaches. ``stand_in[i, j]`` is true where the quickest way there
    passes a station that stands in for an unlocated one (its time rests on
    :func:`geoplan.network.stand_in_offset_km`).
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]
    minutes: NDArray[np.float64]
    origin: str
    cell_km: float
    crs: pyproj.CRS = HUNAN_CRS
    stand_in: NDArray[np.bool_] | None = None

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


@dataclass(frozen=True)
class _CellLinks:
    """The road links of a grid's cells to nodes, flat: the links of cell ``i`` are entries
    ``start[i] : start[i] + count[i]`` (a cell 60 km from the network has none)."""

    pts: NDArray[np.float64]  # (cells, 2) metres
    km: NDArray[np.float64]  # (links,) straight-line km, with the node's offset_km
    node: NDArray[np.int64]  # (links,) node index
    start: NDArray[np.int64]  # (cells,)
    count: NDArray[np.int64]  # (cells,)
    cell: NDArray[np.int64]  # (links,) the cell of each link
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def best(self, node_minutes: NDArray, factor: float) -> tuple[NDArray, NDArray]:
        """Each cell's best time over its links (``inf`` without one) and its best node.

        In float32 (the gather over millions of links is bound by memory; 0.001 min is plenty).
        """
        key = ("egress32", factor)
        if key not in self._cache:
            self._cache[key] = (
                (self.km * factor).astype(np.float32),
                self.node.astype(np.int32),
                self.cell.astype(np.int32),
            )
        egress, node32, cell32 = self._cache[key]
        via = node_minutes.astype(np.float32)[node32]
        via += egress
        has = self.count > 0
        out = np.full(len(self.count), np.inf, dtype=np.float32)
        node = np.zeros(len(self.count), dtype=np.int64)
        if via.size:
            out[has] = np.minimum.reduceat(via, self.start[has])
            first = np.flatnonzero(via <= out[cell32])  # ascending: first best link per cell
            keep = np.ones(len(first), dtype=bool)
            keep[1:] = cell32[first[1:]] != cell32[first[:-1]]
            node[cell32[first[keep]]] = node32[first[keep]]
        return out.astype(float), node


def _grid_links(compiled: _Compiled, cell_km: float, params: DoorToDoor) -> _CellLinks:
    """The cells of the ``cell_km`` grid inside Hunan with their links (cached per graph)."""
    key = (cell_km, params.link_candidates, params.max_link_km)
    if key not in compiled.grid_links:
        x, y, inside = _grid(cell_km)
        gx, gy = np.meshgrid(x, y)
        pts = np.column_stack([gx[inside], gy[inside]])
        if params.link_candidates is None:  # every node within reach: a sparse distance matrix
            near = cKDTree(pts).sparse_distance_matrix(
                compiled.tree, params.max_link_km * 1000.0, output_type="ndarray"
            )
            near = near[np.lexsort((near["j"], near["i"]))]
            cell, node = near["i"].astype(np.int64), compiled.linkable[near["j"]]
            km = near["v"] / 1000.0 + compiled.offset_km[node]
        else:
            dist, idx = _links(compiled, pts, params)
            cell, slot = np.nonzero(np.isfinite(dist))
            node, km = idx[cell, slot], dist[cell, slot]
        count = np.bincount(cell, minlength=len(pts)).astype(np.int64)
        start = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
        compiled.grid_links[key] = _CellLinks(pts, km, node, start, count, cell)
    return compiled.grid_links[key]


def travel_time_surface(
    graph: nx.Graph,
    origin: object,
    *,
    cell_km: float = 1.0,
    params: DoorToDoor = DEFAULT,
) -> Surface:
    """Door-to-door minutes from ``origin`` to every cell of a grid over Hunan.

    A cell's time is the best of driving straight there (no network) and, over the nodes
    within ``params.max_link_km``, the node's network time plus the egress road leg.

    Parameters
    ----------
    graph
        Transport graph (nodes with ``lon``, ``lat``, ``kind``; edges with ``minutes``,
        ``mode``, ``line``).
    origin
        A place by :data:`geoplan.network.PLACE_RULE`, or ``(lon, lat)``.
    cell_km
        Cell size in km of the grid in :data:`HUNAN_CRS`.
    params
        Door-to-door parameters.

    Examples
    --------
    >>> from geoplan.network import build_graph
    >>> s = travel_time_surface(build_graph(year=2025), "长沙市")
    >>> s.at(112.94, 28.23) < 30
    True
    """
    if cell_km <= 0:
        msg = f"cell_km must be positive, not {cell_km}"
        raise GeometryError(msg)
    compiled = _compile(graph, params)
    origin_place = network.resolve_place(graph, origin)
    oxy = np.array(_TO_METRIC.transform(origin_place.lon, origin_place.lat))
    sources = [_origin_sources(compiled, origin_place.node, oxy, params)]
    dist, pred = compiled.run(sources, predecessors=True)
    node_minutes = dist[0, : compiled.n_states]
    x, y, inside = _grid(cell_km)
    links = _grid_links(compiled, cell_km, params)
    direct = np.hypot(links.pts[:, 0] - oxy[0], links.pts[:, 1] - oxy[1]) / 1000.0
    direct *= params.detour_factor / params.access_kmh * 60.0
    # as _evaluate, in one pass that also keeps the node each cell is reached through (float32:
    # the gather over 4 million links is bound by memory, and 0.001 min is plenty)
    factor = params.detour_factor / params.egress_kmh * 60.0
    reached, best_node = links.best(node_minutes, factor)
    values = np.minimum(reached, direct)
    flags = _stand_in_states(compiled, pred[0])
    cell_flag = flags[best_node] & (reached < direct)
    minutes = np.full(inside.shape, np.nan)
    minutes[inside] = values
    stand_in = np.zeros(inside.shape, dtype=bool)
    stand_in[inside] = cell_flag
    return Surface(
        x=x,
        y=y,
        minutes=minutes,
        origin=origin_place.name,
        cell_km=float(cell_km),
        stand_in=stand_in,
    )


def _stand_in_states(compiled: _Compiled, pred: NDArray[np.int32]) -> NDArray[np.bool_]:
    """For every state, whether the search's path to it passes a stand-in station.

    Pointer jumping over the predecessor tree: log2(depth) vector steps.
    """
    flag = compiled.stand_in.copy()
    anc = np.asarray(pred[: compiled.n_states], dtype=np.int64).copy()
    anc[(anc < 0) | (anc >= compiled.n_states)] = -1
    while (anc >= 0).any():
        has = anc >= 0
        flag[has] |= flag[anc[has]]
        nxt = np.full_like(anc, -1)
        nxt[has] = anc[anc[has]]
        anc = nxt
    return flag


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
    z = np.ma.array(np.minimum(surface.minutes, 1e9), mask=np.isnan(surface.minutes))
    gen = contourpy.contour_generator(
        surface.x, surface.y, z, fill_type=contourpy.FillType.OuterOffset, name="serial"
    )
    rows = []
    previous = 0.0
    for m in budgets:
        points, offsets = gen.filled(-1.0, m)
        # the filled contours of one band are disjoint polygons (holes kept): no union needed
        geom = shapely.MultiPolygon(_polygons_from_filled(points, offsets))
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
    pref_seats = _county_seats(g, prefs.adcode.tolist())
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
    """A travel-time circle a plan names, as a claim the model can test.

    ``claimed`` are the units (adcodes; a unit means its seat) the circle claims to hold within
    ``minutes`` of its ``centres``; with ``between_members`` the claim is that the members
    reach each other within ``minutes`` (a circle of several centres: 长株潭半小时通勤圈). A
    circle the data cannot test has no ``claimed`` and says why in ``note``.
    """

    name: str
    centres: tuple[str, ...]
    minutes: float
    claimed: tuple[str, ...]
    quote: str
    seed: str
    between_members: bool = False
    note: str = ""


def _units_named(name: str | None) -> list:
    from geoplan import gazetteer

    if not name:
        return []
    return [u for u in gazetteer.lookup(name) if u.in_hunan and u.level != "province"]


def _circle(structure, source: str) -> PlanCircle:
    """The claim of one ``travel_time`` structure (see :func:`plan_circles`)."""
    from geoplan import gazetteer

    def make(centres, claimed, *, between=False, note=""):
        return PlanCircle(
            structure.pattern,
            tuple(u.adcode for u in centres),
            float(structure.minutes),
            tuple(u.adcode for u in claimed),
            structure.quote,
            source,
            between,
            note,
        )

    origin = _units_named(structure.origin)
    if "航空" in structure.pattern:
        return make(origin, [], note="an air-travel circle: the network has no flights")
    if not origin:
        return make([], [], note=f"its centre {structure.origin!r} is no unit of Hunan")
    if structure.destination:
        dest = _units_named(structure.destination)
        if not dest:
            note = f"its destination {structure.destination!r} is no unit of Hunan"
            return make(origin, [], note=note)
        return make(origin, dest)
    if len(origin) > 1:
        return make(origin, origin, between=True)
    unit = origin[0]
    if unit.level == "prefecture":
        members = [u for u in gazetteer.units(level="county") if u.parent_adcode == unit.adcode]
        return make(origin, members)
    note = "a county's own circle: its towns, the places it claims, are not in the data"
    return make(origin, [], note=note)


def plan_circles(extracts: object) -> list[PlanCircle]:
    """Return the travel-time circles of plan extracts as claims to test.

    Each ``travel_time`` structure of :mod:`geoplan.extract` (origin, destination, minutes)
    becomes one :class:`PlanCircle`:

    - with a destination (至长株潭两小时经济圈 from 冷水江): the destination's units, each
      within the budget of the origin;
    - a group as origin (长株潭半小时通勤圈): its members, each within the budget of every
      other;
    - a prefecture (岳阳市域1小时交通圈): its county-level units, each within the budget of the
      prefecture's seat;
    - a county's own circle, or an air-travel circle, cannot be tested: no ``claimed``, and
      ``note`` says why.

    Parameters
    ----------
    extracts
        A :class:`geoplan.extract.PlanExtract`, a list of them, or a list of
        :class:`geoplan.extract.Structure` (others than ``travel_time`` are skipped).

    Examples
    --------
    >>> from geoplan.corpus import read_plan
    >>> from geoplan.extract import extract_plan
    >>> ex = extract_plan(read_plan("seeds/000_d6a808445c4787d7.txt"))  # doctest: +SKIP
    >>> [(c.name, c.between_members) for c in plan_circles(ex)][:1]  # doctest: +SKIP
    [('半小时通勤圈', True)]
    """
    items = list(extracts) if isinstance(extracts, list | tuple) else [extracts]
    out: list[PlanCircle] = []
    for item in items:
        if isinstance(item, PlanCircle):
            out.append(item)
        elif hasattr(item, "structures"):
            source = str(getattr(item, "source", ""))
            out += [_circle(s, source) for s in item.structures if s.kind == "travel_time"]
        elif getattr(item, "kind", None) == "travel_time":
            out.append(_circle(item, ""))
    return out


def evaluate_circles(
    graphs: Mapping[str, nx.Graph],
    circles: object,
    *,
    params: DoorToDoor = DEFAULT,
) -> pd.DataFrame:
    """Test each plan circle on each graph (e.g. ``{"2020": built, "2025 plan": plan}``).

    ``circles`` is anything :func:`plan_circles` takes (an extract, a list of extracts or of
    structures) or a list of :class:`PlanCircle`. Per circle and scenario: the counties whose
    seat lies within the budget of the nearest centre (``holds``), the claimed places reached
    and missed (``place:minutes``; ``a-b:minutes`` for pairs between members), the worst time
    of the claim and ``claim_met`` (``<NA>`` where the circle cannot be tested; ``note`` says
    why).
    """
    found = plan_circles(circles)
    records = []
    codes = _county_codes()
    for label, g in graphs.items():
        county_seats = _county_seats(g, codes)
        for c in found:
            row = {
                "circle": c.name,
                "scenario": label,
                "minutes": c.minutes,
                "centres": ",".join(c.centres),
                "between_members": c.between_members,
                "counties_held": pd.NA,
                "holds": "",
                "claimed_reached": "",
                "claimed_missed": "",
                "worst_minutes": np.nan,
                "claim_met": pd.NA,
                "note": c.note,
                "quote": c.quote,
                "seed": c.seed,
            }
            centres = _county_seats(g, list(c.centres)) if c.centres else []
            if centres:
                t_cty = _matrix(g, centres, county_seats, params).min(axis=0)
                row["counties_held"] = int((t_cty <= c.minutes).sum())
                row["holds"] = ",".join(
                    a for a, t in zip(codes, t_cty, strict=True) if t <= c.minutes
                )
            if c.claimed:
                claimed = _county_seats(g, list(c.claimed))
                if c.between_members:
                    t = _matrix(g, claimed, claimed, params)
                    worse = np.maximum(t, t.T)  # each way must hold
                    pairs = [
                        (f"{a}-{b}", float(worse[i, j]))
                        for i, a in enumerate(c.claimed)
                        for j, b in enumerate(c.claimed)
                        if i < j
                    ]
                else:
                    t = _matrix(g, centres, claimed, params).min(axis=0)
                    pairs = list(zip(c.claimed, t, strict=True))
                row["claimed_reached"] = ",".join(p for p, v in pairs if v <= c.minutes)
                row["claimed_missed"] = ",".join(f"{p}:{v:.0f}" for p, v in pairs if v > c.minutes)
                row["worst_minutes"] = float(max(v for _, v in pairs)) if pairs else 0.0
                row["claim_met"] = bool(row["worst_minutes"] <= c.minutes)
            records.append(row)
    frame = pd.DataFrame(records)
    if len(frame):
        frame["claim_met"] = frame["claim_met"].astype("boolean")
        frame["counties_held"] = frame["counties_held"].astype("Int64")
    return frame
