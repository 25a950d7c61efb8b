"""Hunan's transport graph: curated rail and expressways plus county seats, by year and scenario.

Graph contract (catchment and maps rely on it)
----------------------------------------------
- ``networkx.MultiGraph``; node ids are stable strings: ``station:<name>``
  (e.g. ``station:长沙南``), ``seat:<adcode>``, ``ix:<code>:<node name>`` (expressway
  interchanges and city access points),
  ``airport:<IATA>``. Every node has ``name``, ``lon``, ``lat`` (WGS-84), ``kind`` (``station``,
  ``interchange``, ``seat``, ``airport``) and ``adcode`` (county level, may be ``""``).
- Stations carry ``passengers``: ``False`` at a junction without passenger service
  (``kind="junction"`` in ``rail_stations.csv``, 茶陵西), which trains pass and nobody boards.
- Every edge has ``mode`` (``hsr``, ``intercity``, ``conventional``, ``maglev``, ``expressway``,
  ``road``, ``access``), ``line``, ``length_km`` (geodesic, WGS-84 ellipsoid) and ``minutes``;
  rail edges also ``track_km``, ``track``, ``speed_kmh``, ``speed_kind`` and
  ``stop_minutes`` (the part of ``minutes`` spent in stops; see the speed model below).
- Edge ``minutes`` are in-vehicle (rail, expressway) or driving (road, access) times only.
  Every penalty of a door-to-door journey (security, waiting half a headway, alighting,
  transfers, expressway entry and exit, egress) lives in one place, the parameters
  :class:`geoplan.catchment.DoorToDoor`, and is charged inside the one shortest-path search of
  :mod:`geoplan.catchment`; :func:`travel_time` is that search read back as legs.
- A station standing in for an unlocated one (``position="seat_proxy"``) carries
  ``offset_km``: it is reached as if it lay :func:`stand_in_offset_km` from the seat it stands
  on (see below); every other node has ``offset_km`` 0.

Places
------
:data:`PLACE_RULE` says what a name means, and :func:`resolve_place` applies it for every
function of :mod:`geoplan.network` and :mod:`geoplan.catchment`.

Speed model (in-vehicle)
------------------------
A rail segment between consecutive listed stations runs
``track_km / (design_speed_kmh * CRUISE_FRACTION[mode]) * 60`` minutes: its track length run at
a fraction of the design speed, the line's, or its section's where
``geodata/rail_section_speeds.csv`` has a sourced speed for the year (:func:`_section_speed`;
edges carry ``speed_kmh`` and ``speed_kind``). Where that table gives a conventional section a
``timetable`` speed, the average running speed of its fastest scheduled trains (fitted on
timetable rows, see the table's README), the segment runs ``track_km / speed * 60`` instead:
on conventional lines the fastest train is a K, T or Z train almost everywhere, and how fast it
runs depends on the line (about 69 km/h on single-track 焦柳 张家界-怀化, 114 on 京广) far more
than its design speed says. The track length comes from sourced chainages
(``geodata/rail_chainages.csv``, km along the line) where the stations on both sides of the
segment have one; a run of segments between two such stations shares their chainage difference
in proportion to the segments' straight lines (:func:`_track_lengths`); elsewhere the straight
line is lengthened by the factor of its kind of track measured on the chainages
(:func:`route_factor`). Each rail edge says which in ``track``
(``"chainage"`` or ``"route factor"``) and carries ``track_km``. Stops
follow the *fastest scheduled service*, which is what timetables quote and what a traveller
picks: the train stops where the journey starts and ends (:data:`STOP_OVERHEAD_MIN`, braking,
dwell and accelerating) and at a share :data:`STOP_SHARE` of the stations in between. An edge
therefore carries ``STOP_OVERHEAD_MIN * STOP_SHARE`` for each station it passes, and half that
for each station at its ends (none at a junction, where trains pass without stopping), and
the rest of the final stop, :func:`alighting_minutes`, is added once per rail leg (by
:func:`travel_time`, and by ``geoplan.catchment`` on leaving a line). Roads use ``straight line
* detour factor / speed``. Constants carry their reasoning below; the model is compared with real
scheduled times in ``tests/data/scheduled_times.csv``.

Stations whose coordinates are not yet sourced (blank ``lon``/``lat`` in ``rail_stations.csv``)
are placed, by default, at the seat of the county or prefecture they are named after (湘潭北 at
湘潭市's seat, 汨罗东 at 汨罗市's): node attribute ``position="seat_proxy"`` and ``precision``
``"county"`` or ``"prefecture"`` instead of ``"sourced"``/``"point"``. A proxy is no station
coordinate: it lets the line run through the right town so that journeys and catchments can be
computed. High-speed stations lie outside town (the median distance of the sourced HSR stations
from their county seat is :func:`stand_in_offset_km`, 7.9 km), so a proxy is reached as if it
lay that far from its seat: every road leg to or from it is lengthened by ``offset_km``, and
the journeys and cells that use it say so (``Journey.stand_ins``, ``Surface.stand_in``).
``build_graph(..., proxies=False)`` leaves such
stations out instead; the line then joins its neighbours directly and the edge records the
skipped stations in ``via``. Stations no unit's name explains, and the 长株潭城际 halts (named
after streets: 洞井, 芙蓉南 ...), are always left out.

Years: a rail line or road section is in the ``built`` graph from its ``opened`` year. An
existing expressway section whose opening year is not sourced (blank ``opened``) is taken as open
in every year asked: for the trunk roads concerned (all of G60 and G0401, parts of others)
leaving them out would cut the network, while keeping them overstates early years, whose
results should be read with that in mind.

Examples
--------
>>> g = build_graph(year=2020)
>>> all(isinstance(n, str) for n in g.nodes)
True
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from typing import Literal

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import pyproj
from shapely.geometry import LineString, Point

from geoplan import _network_data as data
from geoplan.errors import DataError, GeoplanError, UnknownPlaceError

__all__ = [
    "ACCESS_K",
    "ACCESS_MAX_KM",
    "ACCESS_SPEED_KMH",
    "CONVENTIONAL_TOP_SPEED_KMH",
    "CRUISE_FRACTION",
    "EXPRESSWAY_DETOUR",
    "EXPRESSWAY_SPEED_KMH",
    "JUNCTION_KM",
    "JUNCTION_MIN",
    "PLACE_RULE",
    "PLAN_HORIZON_YEAR",
    "RAIL_MODES",
    "RAIL_ROUTE_FACTOR",
    "ROAD_DETOUR",
    "ROAD_K",
    "ROAD_SPEED_KMH",
    "ROUTE_FACTOR_MIN_SEGMENTS",
    "RUN_CRUISE_FRACTION",
    "STOP_OVERHEAD_MIN",
    "STOP_SHARE",
    "Journey",
    "Leg",
    "Place",
    "alighting_minutes",
    "build_graph",
    "corridor_lines",
    "geodesic_km",
    "graph_to_gdfs",
    "network_years",
    "nonstop_graph",
    "rail_minutes",
    "rail_routes",
    "resolve_place",
    "route_factor",
    "route_factors",
    "seat_node",
    "service",
    "stand_in_offset_km",
    "travel_time",
]

Scenario = Literal["built", "plan"]

RAIL_MODES = frozenset({"hsr", "intercity", "conventional", "maglev"})

# --- rail ----------------------------------------------------------------------------------
RAIL_ROUTE_FACTOR = 1.12
"""Track length over straight-line length between stations, for segments without sourced
chainages on a kind of track whose chainages are too few to measure it
(:data:`ROUTE_FACTOR_MIN_SEGMENTS`, :func:`route_factors`): today every kind but the 350 km/h
high-speed and the 160 km/h conventional lines. New lines are
nearly straight (武广 is 1068.6 km Wuhan-Guangzhou against about 840 km great-circle, but that
includes the detour via Changsha; station-to-station ratios are about 1.05-1.2). The sourced
chainages show old conventional lines winding more (沪昆铁路 娄底-怀化 1.57, 洛湛 1.36, 焦柳
张家界-怀化 1.31: ``geodata/README.network.md``), which is why they are used where they exist.
Until 2026-12-06 this one value served every kind of track."""

ROUTE_FACTOR_MIN_SEGMENTS = 5
"""Fewest sourced segments of a kind of track from which :func:`route_factors` measures its
factor; below it the kind takes :data:`RAIL_ROUTE_FACTOR`."""

CRUISE_FRACTION = {"hsr": 0.88, "intercity": 0.62, "conventional": 0.7, "maglev": 0.55}
"""Average running speed between stops as a fraction of design speed. HSR trains run near line
speed (300-310 km/h on 350 km/h lines); intercity stops are close together; conventional lines
carry speed restrictions and freight paths; the 长沙磁浮 runs well below 100 km/h on curves.
The intercity value was fitted with the intercity :data:`STOP_OVERHEAD_MIN` and
:data:`STOP_SHARE` (``benchmarks/bench_catchment.py`` ``calibrate_intercity()``, 2026-12-08:
0.75 -> 0.62, best of a 0.01 x 0.25 min x 0.1 grid on 33 fit rows, judged on 30 others), once
the rows that time a run without a call compared with a train that makes none: 124 km/h
between calls 2-4 km apart on a 200 km/h line, where a train accelerates or brakes most of
the way."""

STOP_OVERHEAD_MIN = {"hsr": 5.0, "intercity": 1.75, "conventional": 6.0, "maglev": 2.0}
"""Minutes per served stop for braking, dwell and accelerating: about 2.5 min lost braking
from and accelerating back to 300 km/h plus a 2 min dwell on HSR; conventional trains dwell
longer at the larger stations the data lists (3-5 min). The intercity value was fitted with its
share in :data:`STOP_SHARE` on the intercity rows of ``tests/data/scheduled_times.csv``
(``benchmarks/bench_catchment.py`` ``calibrate_intercity_stops()``, now
``calibrate_intercity()``, 2026-12-04: best of a 0.25 min x 0.1 grid on 33 fit rows, judged on
30 others; see the table's README), and
refitted with the intercity :data:`CRUISE_FRACTION` (``calibrate_intercity()``, 2026-12-08):
1.75 min again."""

STOP_SHARE = {"hsr": 0.3, "intercity": 0.4, "conventional": 0.5, "maglev": 1.0}
"""Share of the listed intermediate stations at which the fastest scheduled train stops. The
fastest G trains 长沙南-怀化南 run non-stop in 82 min while 张家界西-怀化南 trains call at most
stations; maglev trains stop everywhere; the listed stations of conventional lines are the
larger ones, where about half of the fastest trains call. Most 长株潭城际 trains stop at every
halt (about 50 min 长沙-株洲南), but the fastest skip some (39 min, one a day in 2017-01); the
fit of 2026-12-04 kept 0.8 (:data:`STOP_OVERHEAD_MIN`). The refit of 2026-12-08, in which
the 2023 runs without a call no longer stand in for trains that stop (they compare with a
ride that passes the halts, ``catchment.direct_train(..., nonstop=True)``), chose 0.4 with a
slower :data:`CRUISE_FRACTION`: before it, the share of stops also carried running time that
0.75 x 200 km/h left out.

The HSR and conventional values of :data:`CRUISE_FRACTION`, :data:`STOP_OVERHEAD_MIN` and
this table were chosen on a small grid against the 31 compared rows of
``tests/data/scheduled_times.csv`` (``calibration=used``; the rows marked ``not used`` judge
them out of sample); the intercity share was set on its three rows once every halt had a
point (2026-11-21: 1.0 gave
+20.7 % 长沙-株洲南, 0.8 gives +10.5 % there and -9.2 % 长沙西-株洲南); see
``geodata/README.network.md`` for the errors."""

# --- roads ---------------------------------------------------------------------------------
ROAD_DETOUR = 1.3
"""Road distance over straight-line distance on ordinary roads in hilly Hunan. Regional road
networks measure 1.2-1.4 (Ballou, Rahardja & Sakai 2002, Transportation Research A 36:
843-848); hilly Hunan sits in the upper half. The default of
:attr:`geoplan.catchment.DoorToDoor.detour_factor`: stated here once."""

ROAD_SPEED_KMH = 50.0
"""Average speed on ordinary national/provincial roads between county seats."""

ROAD_K = 4
"""Each county seat gets a road link to its ``ROAD_K`` nearest seats, plus the links of a
minimum spanning tree over all seats, so the ordinary road network is connected."""

ACCESS_SPEED_KMH = 30.0
"""Average door-to-node road speed (seat to station, interchange or airport, and any door to a
node): local and county roads mixed with town streets, parking and waiting for a lift; 30 km/h
is a cautious door-to-door figure (urban car trips in Chinese cities average 20-30 km/h at
peak, county roads 40-60 km/h). The default of
:attr:`geoplan.catchment.DoorToDoor.access_kmh`, which the travel-time search charges on access
edges (their ``minutes`` here are that default): stated here once."""

ACCESS_MAX_KM = 60.0
"""Access links reach stations and interchanges up to this straight-line distance."""

ACCESS_K = 3
"""Each seat links to at most this many nearest stations and this many nearest interchanges."""

EXPRESSWAY_DETOUR = 1.1
"""Expressway length over straight line between consecutive interchanges."""

EXPRESSWAY_SPEED_KMH = 96.0
"""Average car speed on expressways, applied to ``EXPRESSWAY_DETOUR`` x the straight line
between consecutive nodes; the only road constant fitted on data (2026-12, issue 16).

Why this one: a driving trip between seats is mostly expressway minutes, and this speed is the
constant that sets them (entry and exit, 2 min each, are charged by
:class:`geoplan.catchment.DoorToDoor`; ordinary roads and access legs also serve rail trips and
catchments, where no driving row could judge them). It cannot be told apart from
:data:`EXPRESSWAY_DETOUR` (only their ratio counts), which stays a reasoned 1.1.

Fit: the value on a 1 km/h grid from 80 to 130 that minimises the median absolute log error
of the 12 *fit rows* of ``tests/data/scheduled_times.csv`` (compared driving rows, every second
in table order from the first: ``calibration=used``), by ``benchmarks/bench_catchment.py``'s
``calibrate_expressway_speed()``: 96 km/h (0.104; 95 gave 0.113, and 97-100 give 0.105-0.106:
the data do not tell 96 from 100). The 11 judged rows (the others) played no part. Before (95)
and after (96), median absolute error / worst / within 15 %: fit rows 12.0 % / 47.7 % / 8 of 12
-> 10.9 % / 46.3 % / 8 of 12; judged rows 11.0 % / 31.8 % / 8 of 11 -> 9.9 % / 30.5 % / 8 of
11. The model stays slower than the stated times (median signed +3.7 % on the fit rows, +4.7 %
on the judged ones). Plausible for Hunan: below the 120 km/h limit (100 on mountain sections;
常吉 and 张花 were designed for 80 over much of their length), and navigation apps assume free
flow. Reasoned before the fit: 95 (limit 100-120 km/h, less on mountain sections). Refitted
after a second pass of driving rows (2026-12; 14 fit rows, 14 judged): 96 again (0.104; 95 gives
0.113, 97-99 give 0.105); fit rows 10.9 % / 58.9 % / 9 of 14, judged rows 11.5 % / 30.5 % / 10
of 14."""

JUNCTION_KM = 1.0
"""Interchanges of different expressways closer than this are one junction (the data places
the city access points of every expressway serving a town at its seat)."""

JUNCTION_MIN = 1.0
"""Minutes to change expressway at a junction: a hub interchange's ramp of 1-2 km at
60-80 km/h, with no toll gate (China's expressways are one closed toll system)."""

PLAN_HORIZON_YEAR = 2035
"""Planned items without a planned year join the ``plan`` scenario from this year (the seeds'
2035 远景 horizon)."""

_GEOD = pyproj.Geod(ellps="WGS84")


def geodesic_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Return the geodesic distance in km between two WGS-84 points.

    Examples
    --------
    >>> round(geodesic_km(113.0, 28.0, 113.0, 29.0), 1)
    110.8
    """
    _, _, metres = _GEOD.inv(lon1, lat1, lon2, lat2)
    return float(metres) / 1000.0


def rail_minutes(
    length_km: float,
    *,
    mode: str,
    design_speed_kmh: float,
    track_km: float | None = None,
    running_speed_kmh: float | None = None,
) -> float:
    """Return modelled in-vehicle minutes for one rail segment ending in a stop.

    Parameters
    ----------
    length_km : float
        Straight-line (geodesic) length of the segment.
    mode : str
        Rail mode, a key of :data:`CRUISE_FRACTION`.
    design_speed_kmh : float
        The line's design speed.
    track_km : float, optional
        Track length from sourced chainages (``geodata/rail_chainages.csv``); without it the
        track is ``length_km`` times :func:`route_factor` of the mode and design speed.
    running_speed_kmh : float, optional
        The average running speed of the fastest scheduled trains on the segment (a
        ``timetable`` section of ``geodata/rail_section_speeds.csv``); without it,
        ``design_speed_kmh * CRUISE_FRACTION[mode]``.

    Examples
    --------
    >>> round(rail_minutes(40.0, mode="hsr", design_speed_kmh=350), 1)
    13.3
    >>> round(rail_minutes(40.0, mode="hsr", design_speed_kmh=350, track_km=60.0), 1)
    16.7
    >>> m = rail_minutes(40.0, mode="conventional", design_speed_kmh=160, running_speed_kmh=80)
    >>> round(m, 1)
    40.2
    """
    if mode not in CRUISE_FRACTION:
        msg = f"unknown rail mode {mode!r}"
        raise DataError(msg)
    speed = running_speed_kmh or design_speed_kmh * CRUISE_FRACTION[mode]
    factor = route_factor(mode, design_speed_kmh)
    track = length_km * factor if track_km is None else track_km
    return track / speed * 60.0 + STOP_OVERHEAD_MIN[mode]


def alighting_minutes(mode: str) -> float:
    """Return the part of the final stop of a rail leg that edges do not carry.

    Edges count :data:`STOP_SHARE` of a stop at each station they reach; the station where the
    traveller leaves the train is always a stop, so a leg adds
    ``STOP_OVERHEAD_MIN * (1 - STOP_SHARE)`` once.

    Examples
    --------
    >>> alighting_minutes("hsr")
    3.5
    >>> alighting_minutes("maglev")
    0.0
    """
    if mode not in STOP_OVERHEAD_MIN:
        msg = f"unknown rail mode {mode!r}"
        raise DataError(msg)
    return STOP_OVERHEAD_MIN[mode] * (1.0 - STOP_SHARE[mode])


def service(line: str) -> str:
    """Return the service a line belongs to: its name without a parenthesised branch suffix.

    Trains run through from a line onto its branches (长沙 to 湘潭 on 长株潭城际 and its
    暮云-湘潭 branch), so moving between them is no change of train.

    Examples
    --------
    >>> service("长株潭城际(暮云-湘潭)")
    '长株潭城际'
    """
    return line.split("(", 1)[0]


def corridor_lines(name: str) -> list[str]:
    """Return the lines of the data that make up a named rail corridor in Hunan, in order.

    National corridors such as 呼南 (Hohhot-Nanning) and 渝长厦 (Chongqing-Changsha-Xiamen) are
    not single lines: in Hunan they are chains of lines built at different times
    (``geodata/rail_corridors.csv``, with sources). A line name of ``rail_lines.csv`` returns
    itself, so callers can pass any rail name a plan uses.

    Parameters
    ----------
    name : str
        Corridor name or alias (渝长厦高铁, 厦渝通道, 呼南通道 ...) or a line name, in simplified
        or traditional script.

    Returns
    -------
    list of str
        ``line`` values of ``rail_lines.csv``. A section the data does not hold (a row with an
        empty ``line``) is left out; :func:`geoplan._network_data.rail_corridors` lists them.
        Former names are corridors of one line: 蒙华铁路 is 浩吉铁路.

    Raises
    ------
    UnknownPlaceError
        If ``name`` is neither a corridor, an alias nor a line.

    Examples
    --------
    >>> corridor_lines("渝長廈高鐵")
    ['黔张常铁路', '常益长高铁', '长赣高铁']
    >>> corridor_lines("呼南通道")[:2]
    ['宜常高铁', '常益长高铁']
    """
    from geoplan.corpus import normalise

    key = normalise(name.strip())[0]
    if key in set(data.rail_lines()["line"]):
        return [key]
    rows = data.corridor_rows(key)
    if rows is not None:
        return [line for line in rows["line"] if line]
    msg = f"{name!r} is not a rail corridor or line of the data"
    raise UnknownPlaceError(msg)


def _road_minutes(length_km: float, *, detour: float, speed_kmh: float) -> float:
    return length_km * detour / speed_kmh * 60.0


def _in_scenario(
    status: str, opened: object, planned: object, *, year: int, scenario: Scenario
) -> bool:
    if status == "existing":
        return opened is not pd.NA and opened is not None and int(opened) <= year
    if scenario != "plan":
        return False
    when = planned if planned is not pd.NA and planned is not None else opened
    if when is pd.NA or when is None:
        return year >= PLAN_HORIZON_YEAR
    return int(when) <= year


_DIRECTIONS = ("东", "西", "南", "北")


def _proxy_unit(name: str, adcode: object, prefecture: object = None) -> str | None:
    """The adcode of the unit a station is named after (or lies in), for a seat proxy.

    A unit outside the station's ``prefecture`` (when known) is no explanation: the
    长株潭城际 halt 荷塘 in 湘潭 is not 株洲's 荷塘区.
    """
    from geoplan import gazetteer

    if isinstance(adcode, str) and adcode.isdigit():
        return adcode
    pref = str(prefecture)[:4] if isinstance(prefecture, str) and prefecture.isdigit() else None
    stem = name.removesuffix("站")
    candidates = [stem]
    if stem.endswith(_DIRECTIONS):
        candidates.append(stem[:-1])
    for base in list(candidates):
        candidates.extend([base + "县", base + "市"])
    for candidate in candidates:
        units = [
            u
            for u in gazetteer.lookup(candidate)
            if u.in_hunan and u.level != "province" and (pref is None or u.adcode[:4] == pref)
        ]
        if len(units) == 1:
            return units[0].adcode
    return None


@functools.cache
def route_factors() -> dict[tuple[str, float], float]:
    """Return the track length over the straight line between stations, by kind of track.

    A kind of track is a line's ``kind`` and ``design_speed_kmh`` in ``rail_lines.csv`` (a
    350 km/h high-speed line, a 160 km/h conventional one). Its factor is the median over its
    measured segments: two stations of a line with a sourced chainage (``rail_chainages.csv``)
    and a sourced point, and no station between them with both, whose chainage difference is
    divided by the straight lines through the located stations between them (how
    :func:`build_graph` measures a segment). Only kinds with at least
    :data:`ROUTE_FACTOR_MIN_SEGMENTS` such segments are returned; :func:`route_factor` gives
    the others :data:`RAIL_ROUTE_FACTOR`.

    The factors read the chainages and station points only, never a timetable. Lines built for
    350 km/h wind least (about 1.06); the few measured segments of 200 km/h lines, which follow
    valleys (怀邵衡, 娄邵, 衡柳), lie at 1.03-1.45, and conventional lines wind more.

    Examples
    --------
    >>> f = route_factors()
    >>> f[("hsr", 350.0)] < f[("conventional", 160.0)]
    True
    """
    stations = data.rail_stations().set_index("name")
    chainages = data.rail_chainages()
    ratios: dict[tuple[str, float], list[float]] = {}
    for line, rows in data.rail_lines().groupby("line", sort=True):
        key = (str(rows["kind"].iloc[0]), float(rows["design_speed_kmh"].iloc[0]))
        start: float | None = None  # the chainage of the last measured station
        straight = 0.0
        prev: tuple[float, float] | None = None
        for name in rows.sort_values("seq")["station"]:
            lon, lat = float(stations.loc[name, "lon"]), float(stations.loc[name, "lat"])
            if math.isnan(lon) or math.isnan(lat):
                continue
            if prev is not None:
                straight += geodesic_km(*prev, lon, lat)
            prev = (lon, lat)
            km = chainages.get((str(line), str(name)))
            if km is None:
                continue
            if start is not None and straight > 0:
                ratios.setdefault(key, []).append(abs(km - start) / straight)
            start, straight = km, 0.0
    return {
        key: float(np.median(values))
        for key, values in sorted(ratios.items())
        if len(values) >= ROUTE_FACTOR_MIN_SEGMENTS
    }


def route_factor(kind: str, design_speed_kmh: float) -> float:
    """Return the route factor of track of ``kind`` built for ``design_speed_kmh``: its
    measured factor of :func:`route_factors`, else :data:`RAIL_ROUTE_FACTOR`.

    Examples
    --------
    >>> route_factor("maglev", 100.0) == RAIL_ROUTE_FACTOR
    True
    """
    return route_factors().get((kind, float(design_speed_kmh)), RAIL_ROUTE_FACTOR)


@functools.cache
def stand_in_offset_km() -> float:
    """Return the distance at which a stand-in station is taken to lie from its seat, in km.

    The median geodesic distance between the sourced high-speed stations of
    ``rail_stations.csv`` (kind ``hsr``, with a coordinate) and the seat of the county they lie
    in (``county_seats.csv``): new stations are built outside town, so a station without a
    published site is no closer to its seat than a typical one.

    Examples
    --------
    >>> round(stand_in_offset_km(), 1)
    7.9
    """
    stations = data.rail_stations()
    seats = data.county_seats().set_index("adcode")
    hsr = stations[(stations["kind"] == "hsr") & stations["lon"].notna()]
    km = [
        geodesic_km(
            r.lon, r.lat, float(seats.loc[r.adcode, "lon"]), float(seats.loc[r.adcode, "lat"])
        )
        for r in hsr.itertuples()
        if r.adcode in seats.index and not pd.isna(seats.loc[r.adcode, "lon"])
    ]
    if not km:
        msg = "no sourced high-speed station with a county seat to measure stand-ins from"
        raise DataError(msg)
    return float(np.median(km))


def _station_positions(*, proxies: bool) -> pd.DataFrame:
    """Rail stations with ``lon``, ``lat``, ``position`` and ``precision`` (see module doc)."""
    stations = data.rail_stations().copy()
    stations["position"] = "sourced"
    stations["precision"] = "point"
    if not proxies:
        return stations.set_index("name")
    seats = data.county_seats().set_index("adcode")
    taken = {
        (round(r.lon, 6), round(r.lat, 6))
        for r in stations.itertuples()
        if not (math.isnan(r.lon) or math.isnan(r.lat))
    }
    for i, row in stations.iterrows():
        if not (math.isnan(row["lon"]) or math.isnan(row["lat"])):
            continue
        if row["kind"] == "intercity":
            continue  # intercity halts are named after streets and villages, not units
        code = _proxy_unit(str(row["name"]), row["adcode"], row["prefecture_adcode"])
        if code is None or code not in seats.index or pd.isna(seats.loc[code, "lon"]):
            continue
        point = (round(float(seats.loc[code, "lon"]), 6), round(float(seats.loc[code, "lat"]), 6))
        if point in taken:
            continue  # another station already stands for this town: one node per place
        taken.add(point)
        stations.loc[i, ["lon", "lat"]] = seats.loc[code, ["lon", "lat"]].astype(float).to_numpy()
        stations.loc[i, "position"] = "seat_proxy"
        stations.loc[i, "precision"] = "prefecture" if code.endswith("00") else "county"
        if not (isinstance(row["adcode"], str) and row["adcode"]):
            stations.loc[i, "adcode"] = code
    return stations.set_index("name")


CONVENTIONAL_TOP_SPEED_KMH = {"K": 120.0, "T": 140.0, "Z": 160.0}
"""Top speed of a conventional train by class: K (快速) 120 km/h, T (特快) 140, Z (直特) 160
(the classes' published limits, e.g. http://www.miaomudu.com/chuxing/135.html, 2021-12-27:
"快速旅客列车,最高时速120公里 ... 特别快速旅客列车,最高时速140公里 ... 最高时速是160公里";
https://jtbaike.com/n8/486109.html: "快速旅客列车 ... 最高时速120公里"). A run of
``geodata/rail_conventional_runs.csv`` runs at :data:`RUN_CRUISE_FRACTION` of its class's top
speed, or of its lines' design speed where that is lower, with the conventional stop constants:
K trains on 怀邵衡 or 衡柳, lines built for 200 km/h, cannot run at their EMUs' speed."""


RUN_CRUISE_FRACTION = 0.86
"""Average running speed between stops of a conventional run
(``geodata/rail_conventional_runs.csv``) as a fraction of its train class's top speed
(:data:`CONVENTIONAL_TOP_SPEED_KMH`): a K train runs about 103 km/h between stops on a line
built for 200. Fitted 2026-12-05 by ``benchmarks/bench_catchment.py``
``calibrate_run_cruise()``, best of a 0.01 grid on 4 of the 7 rows whose direct train runs
on a run, judged on the other 3 (at the conventional lines' 0.7 before: fit rows 1 of 4 within
15 %, median 20.4 %; judged 2 of 3, 9.2 %; at 0.86: fit 3, 4.2 %; judged 2, 9.0 %). Refitted
2026-12-06, once track without a chainage ran on the factor of its kind (:func:`route_factor`):
0.86 again."""


PASSENGER_DEDICATED_MIN_KMH = 250.0
"""Design speed from which a line built for faster trains carries EMUs alone. China's
railway administration counts as high-speed railway the passenger-dedicated lines designed
for 250 km/h or more (http://m.ljsggw.cn/lvyou/5191.html, 2022-04-14:
"中国国家铁路局将中国高铁定义为设计开行时速250公里以上(含预留)、
初期运营时速200公里以上的客运列车专线铁路"), while Hunan's 200 km/h lines
(黔张常, 怀邵衡, 衡柳, 娄邵) are mixed lines that conventional trains run too: rows
of ``tests/data/scheduled_times.csv`` time K576 on 娄邵 (邵东-娄底), Z295 onto
黔张常 (长沙-张家界西) and K809 on 怀邵衡 (邵阳西-邵东). Used by
:func:`train_class_graph`."""


TRAIN_CLASSES = ("G", "D", "C", "S", *CONVENTIONAL_TOP_SPEED_KMH)
"""Classes of passenger train by the letter of their number: G, D, C and S (EMUs, S the
市域 trains of 长株潭城际: the model's fastest service, the graph as built) and the
conventional K, T and Z (:data:`CONVENTIONAL_TOP_SPEED_KMH`)."""

_TRAIN_NUMBER = re.compile(r"(?<![A-Za-z0-9])([A-Z])(\d{1,5})(?!\d)")


def train_class_of(text: str) -> str | None:
    """Return the class of the first train number in ``text`` (K576 -> ``"K"``), or None
    where it names none of :data:`TRAIN_CLASSES`.

    Examples
    --------
    >>> train_class_of("Z295 (长沙 -> 张家界西, 199 min)"), train_class_of("过K1562 南宁 合肥")
    ('Z', 'K')
    >>> train_class_of("fastest C train (2h40)") is None
    True
    """
    match = _TRAIN_NUMBER.search(str(text))
    if match is None or match.group(1) not in TRAIN_CLASSES:
        return None
    return match.group(1)


def train_class_graph(graph: nx.MultiGraph, train_class: str) -> nx.MultiGraph:
    """Return the graph as a train of one class rides it.

    The graph as built times the fastest service a line carries. A timetable's row, though,
    times one train, and on a line that carries EMUs a K train runs slower, or not at all. For
    an EMU class (G, D, C, S) this is ``graph`` itself. For a conventional class (K, T, Z) it is a
    copy in which: intercity and maglev lines and lines designed for
    :data:`PASSENGER_DEDICATED_MIN_KMH` or more are gone (EMUs only); the other lines built
    for faster trains run as a conventional run does (``geodata/rail_conventional_runs.csv``):
    at :data:`RUN_CRUISE_FRACTION` of the class's top speed, or of the line's design speed
    where that is lower, with the conventional stop constants; conventional lines keep their
    times, whose sourced and timetable speeds are those of conventional trains. Road, access
    and expressway edges are untouched. No constant is fitted here.

    Parameters
    ----------
    graph : networkx.MultiGraph
        A graph of :func:`build_graph`.
    train_class : str
        A letter of :data:`TRAIN_CLASSES`.

    Raises
    ------
    GeoplanError
        If ``train_class`` is not one of :data:`TRAIN_CLASSES`.

    Examples
    --------
    >>> g = build_graph(year=2023)
    >>> k = train_class_graph(g, "K")
    >>> sorted({d["mode"] for *_, d in k.edges(data=True)} & {"hsr", "intercity", "maglev"})
    []
    >>> train_class_graph(g, "G") is g
    True
    """
    if train_class not in TRAIN_CLASSES:
        msg = f"unknown train class {train_class!r}: one of {', '.join(TRAIN_CLASSES)}"
        raise GeoplanError(msg)
    if train_class not in CONVENTIONAL_TOP_SPEED_KMH:
        return graph
    top = CONVENTIONAL_TOP_SPEED_KMH[train_class]
    out = graph.copy()
    gone = []
    for u, v, key, d in out.edges(keys=True, data=True):
        mode = d.get("mode")
        if mode in ("intercity", "maglev"):
            gone.append((u, v, key))
        elif mode == "hsr":
            if float(d["speed_kmh"]) >= PASSENGER_DEDICATED_MIN_KMH:
                gone.append((u, v, key))
                continue
            speed = min(top, float(d["speed_kmh"]))
            stops = d["stop_minutes"] / (STOP_OVERHEAD_MIN["hsr"] * STOP_SHARE["hsr"])
            stop_minutes = STOP_OVERHEAD_MIN["conventional"] * STOP_SHARE["conventional"] * stops
            d["minutes"] = d["track_km"] / (speed * RUN_CRUISE_FRACTION) * 60.0 + stop_minutes
            d.update(
                mode="conventional",
                speed_kmh=speed,
                speed_kind="train class",
                stop_minutes=stop_minutes,
            )
    out.remove_edges_from(gone)
    return out


def nonstop_graph(graph: nx.MultiGraph) -> nx.MultiGraph:
    """Return the graph as a train that calls at no station between its ends rides it.

    The graph as built charges each rail edge the stops of the fastest service:
    :data:`STOP_SHARE` of a :data:`STOP_OVERHEAD_MIN` at each station it passes. A train that
    runs between two of its calls without another passes them all; in this copy each rail
    edge keeps its running minutes and drops its stops (``stop_minutes`` 0). A ride on it is
    still owed its two ends, one whole stop, which
    :func:`geoplan.catchment.direct_train` with ``nonstop=True`` charges. Road, access and
    expressway edges are untouched; no constant is fitted here.

    Parameters
    ----------
    graph : networkx.MultiGraph
        A graph of :func:`build_graph` (or of :func:`train_class_graph`).

    Examples
    --------
    >>> g = build_graph(year=2023)
    >>> n = nonstop_graph(g)
    >>> edge = n.edges["station:观沙岭", "station:八方山", "长株潭城际"]
    >>> edge["stop_minutes"], edge["minutes"] < g.edges[
    ...     "station:观沙岭", "station:八方山", "长株潭城际"]["minutes"]
    (0.0, True)
    """
    out = graph.copy()
    for *_, d in out.edges(data=True):
        if d.get("mode") in RAIL_MODES:
            d["minutes"] -= d["stop_minutes"]
            d["stop_minutes"] = 0.0
    return out


@functools.cache
def rail_routes() -> pd.DataFrame:
    """Return the routes trains run in the shape of ``rail_lines.csv``: its lines, then the
    conventional runs of ``rail_conventional_runs.csv`` (K, T and Z trains on lines built for
    faster trains), each as a ``conventional`` line named after the run whose design speed is
    :data:`CONVENTIONAL_TOP_SPEED_KMH` of its class, or its lines' lower design speed; column
    ``runs_on`` gives the line whose track a run rides up to each station (a line's own name
    on a line's rows).

    Examples
    --------
    >>> routes = rail_routes()
    >>> run = routes[routes["line"] == "衡柳普速列车"]
    >>> list(run["station"]), float(run["design_speed_kmh"].iloc[0])
    (['衡阳', '祁东', '永州'], 120.0)
    """
    lines = data.rail_lines().assign(runs_on=lambda f: f["line"])
    runs = data.rail_conventional_runs()
    design = lines.groupby("line")["design_speed_kmh"].first()
    parts = [lines]
    for run, rows in runs.groupby("run", sort=True):
        on = [str(x) for x in rows["on_line"] if x]
        speed = min(
            CONVENTIONAL_TOP_SPEED_KMH[str(rows["train_class"].iloc[0])],
            *(float(design[x]) for x in on),
        )
        parts.append(
            pd.DataFrame(
                {
                    "line": run,
                    "kind": "conventional",
                    "design_speed_kmh": speed,
                    "opened": rows["opened"].iloc[0],
                    "planned_year": pd.array([pd.NA] * len(rows), dtype="Int64"),
                    "status": "existing",
                    "seq": rows["seq"].to_numpy(),
                    "station": rows["station"].to_numpy(),
                    "section_opened": rows["section_opened"].to_numpy(),
                    "source": rows["source"].to_numpy(),
                    "note": rows["note"].to_numpy(),
                    "passenger": "yes",
                    "runs_on": rows["on_line"].to_numpy(),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def _add_rail(graph: nx.MultiGraph, *, year: int, scenario: Scenario, proxies: bool) -> None:
    stations = _station_positions(proxies=proxies)
    chainages = data.rail_chainages()
    lines = data.rail_lines().groupby("line")[["kind", "design_speed_kmh"]].first()
    track_kinds = {
        str(name): (str(row["kind"]), float(row["design_speed_kmh"]))
        for name, row in lines.iterrows()
    }
    for line, rows in rail_routes().groupby("line", sort=True):
        first = rows.iloc[0]
        if first["passenger"] == "no":
            continue  # freight only (浩吉铁路 in Hunan): no journeys on it
        mode = str(first["kind"])
        if not _in_scenario(
            str(first["status"]),
            first["opened"],
            first["planned_year"],
            year=year,
            scenario=scenario,
        ):
            continue
        # segments between consecutive located stations: (from, to, geodesic km, skipped
        # stations, chainage at each end)
        segments: list[tuple[str, str, float, list[str], float | None, float | None]] = []
        prev: str | None = None
        prev_km: float | None = None
        via: list[str] = []
        opened = [
            pd.isna(section) or int(section) <= year or str(first["status"]) != "existing"
            for section in rows["section_opened"]
        ]
        for k, (_, row) in enumerate(rows.iterrows()):
            name = row["station"]
            st = stations.loc[name]
            if not opened[k]:
                if any(opened[k + 1 :]):
                    # an extension at the start of the line, or a station between open ones
                    # that trains passed without a stop before it opened: not there yet
                    continue
                break  # an extension at the end of the line, not open yet
            if math.isnan(st["lon"]) or math.isnan(st["lat"]):
                via.append(name)
                continue
            node = f"station:{name}"
            if node not in graph:
                graph.add_node(
                    node,
                    name=name,
                    lon=float(st["lon"]),
                    lat=float(st["lat"]),
                    kind="station",
                    adcode=str(st["adcode"]),
                    station_kind=str(st["kind"]),
                    passengers=str(st["kind"]) != "junction",
                    position=str(st["position"]),
                    precision=str(st["precision"]),
                    offset_km=stand_in_offset_km() if st["position"] == "seat_proxy" else 0.0,
                )
            km = chainages.get((str(line), name))
            if prev is not None:
                a, b = graph.nodes[prev], graph.nodes[node]
                length = geodesic_km(a["lon"], a["lat"], b["lon"], b["lat"])
                segments.append((prev, node, length, via, prev_km, km))
            prev, prev_km, via = node, km, []
        tracks = _track_lengths(segments)
        order = dict(zip(rows["station"], rows["seq"], strict=True))
        runs_on = dict(zip(rows["station"], rows["runs_on"], strict=True))
        for (u, v, length, skipped, _ka, _kb), track in zip(segments, tracks, strict=True):
            ridden = str(runs_on[graph.nodes[v]["name"]] or line)
            own = (mode, float(first["design_speed_kmh"]))
            factor = route_factor(*track_kinds.get(ridden, own))
            sourced = track is not None
            track = length * factor if track is None else track
            # half a stop at each end (a station between two edges gets one), none at a
            # junction trains pass without stopping, one at each skipped station
            stops = len(skipped) + sum(0.5 for n in (u, v) if graph.nodes[n]["passengers"])
            speed, kind = _section_speed(
                str(line),
                order[graph.nodes[u]["name"]],
                order[graph.nodes[v]["name"]],
                year=year,
                default=float(first["design_speed_kmh"]),
            )
            running = speed if kind == "timetable" else None
            if first["runs_on"] != line:  # a conventional run: its class's top speed
                running, kind = speed * RUN_CRUISE_FRACTION, "train class"
            stop_minutes = STOP_OVERHEAD_MIN[mode] * STOP_SHARE[mode] * stops
            minutes = (
                rail_minutes(
                    length,
                    mode=mode,
                    design_speed_kmh=speed,
                    track_km=track,
                    running_speed_kmh=running,
                )
                - STOP_OVERHEAD_MIN[mode]
                + stop_minutes
            )
            graph.add_edge(
                u,
                v,
                key=f"{line}",
                mode=mode,
                line=str(line),
                length_km=length,
                track_km=track,
                track="chainage" if sourced else "route factor",
                minutes=minutes,
                speed_kmh=speed,
                speed_kind=kind,
                stop_minutes=stop_minutes,
                via=",".join(skipped),
                runs_on=str(runs_on[graph.nodes[v]["name"]] or ""),
            )


def _section_speed(
    line: str, seq_a: int, seq_b: int, *, year: int, default: float
) -> tuple[float, str]:
    """Speed of the segment between the stations at ``seq_a`` and ``seq_b`` of ``line``, and
    its kind.

    A section of ``rail_section_speeds.csv`` that holds in ``year`` and covers the segment
    gives it: one of ``speed_kind`` ``timetable`` first (the running speed of the fastest
    scheduled trains, which the model runs as it is), else the narrowest of the others (a
    design or top operating speed, run at :data:`CRUISE_FRACTION` of it); with none, the
    line's design speed (``default``, kind ``design``).

    Examples
    --------
    >>> _section_speed("no such line", 1, 2, year=2020, default=160.0)
    (160.0, 'design')
    """
    best: tuple[bool, int, float, str] | None = None
    lines = data.rail_lines()
    for _, row in data.rail_section_speeds().query("line == @line").iterrows():
        start, stop = row["year_from"], row["year_to"]
        if (start is not pd.NA and year < start) or (stop is not pd.NA and year > stop):
            continue
        ends = lines["station"].isin([row["from_station"], row["to_station"]])
        seqs = lines.loc[(lines["line"] == line) & ends, "seq"]
        low, high = int(seqs.min()), int(seqs.max())
        if not (low <= min(seq_a, seq_b) and max(seq_a, seq_b) <= high):
            continue
        kind = str(row.get("speed_kind", "design"))
        rank = (kind != "timetable", high - low, float(row["speed_kmh"]), kind)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return (default, "design") if best is None else (best[2], best[3])


def _track_lengths(
    segments: list[tuple[str, str, float, list[str], float | None, float | None]],
) -> list[float | None]:
    """Track km of a line's consecutive segments from the chainages at their ends.

    A run of segments between two stations with chainages shares the chainage difference in
    proportion to the segments' straight lines (stations without a sourced chainage between
    them); segments outside any such run get ``None`` (straight line x
    the factor of their kind of track, :func:`route_factor`).

    Examples
    --------
    >>> _track_lengths([("a", "b", 10.0, [], 0.0, None), ("b", "c", 30.0, [], None, 60.0)])
    [15.0, 45.0]
    >>> _track_lengths([("a", "b", 10.0, [], None, None)])
    [None]
    """
    out: list[float | None] = [None] * len(segments)
    start: int | None = None  # index of the segment whose first end has a chainage
    for i, (_u, _v, _length, _via, km_from, km_to) in enumerate(segments):
        if km_from is not None:
            start = i
        if km_to is not None and start is not None:
            run = segments[start : i + 1]
            total = abs(km_to - segments[start][4])
            straight = sum(seg[2] for seg in run)
            for j, seg in enumerate(run, start=start):
                out[j] = total * seg[2] / straight if straight else total / len(run)
            start = None
    return out


def _add_seats(graph: nx.MultiGraph) -> list[str]:
    seats = data.county_seats()
    ids = []
    for _, row in seats.iterrows():
        if pd.isna(row["lon"]) or pd.isna(row["lat"]):
            continue
        node = f"seat:{row['adcode']}"
        graph.add_node(
            node,
            name=str(row["name"]),
            seat=str(row["seat"]),
            lon=float(row["lon"]),
            lat=float(row["lat"]),
            kind="seat",
            adcode=str(row["adcode"]),
            offset_km=0.0,
        )
        ids.append(node)
    return ids


def _add_expressways(graph: nx.MultiGraph, *, year: int, scenario: Scenario) -> None:
    ways = data.expressways()
    if not len(ways):
        return
    for code, rows in ways.groupby("code", sort=True):
        prev = None
        for _, row in rows.iterrows():
            opened = row["opened"]
            status = str(row["status"]) or "existing"
            if status == "existing" and pd.isna(opened):
                pass  # open, opening year not sourced: open in every year asked
            elif not _in_scenario(status, opened, opened, year=year, scenario=scenario):
                prev = None  # a gap: the next open node starts a new run
                continue
            if pd.isna(row["lon"]) or pd.isna(row["lat"]):
                continue
            node = f"ix:{code}:{row['node_name']}"
            if node not in graph:
                graph.add_node(
                    node,
                    name=str(row["node_name"]),
                    lon=float(row["lon"]),
                    lat=float(row["lat"]),
                    kind="interchange",
                    adcode=str(row["adcode"]),
                    code=str(code),
                    offset_km=0.0,
                )
            if prev is not None:
                a, b = graph.nodes[prev], graph.nodes[node]
                length = geodesic_km(a["lon"], a["lat"], b["lon"], b["lat"])
                graph.add_edge(
                    prev,
                    node,
                    key=str(code),
                    mode="expressway",
                    line=str(code),
                    length_km=length,
                    minutes=_road_minutes(
                        length, detour=EXPRESSWAY_DETOUR, speed_kmh=EXPRESSWAY_SPEED_KMH
                    ),
                )
            prev = node


def _add_junctions(graph: nx.MultiGraph) -> None:
    """Join interchanges of different expressways that stand at one place (within
    :data:`JUNCTION_KM`) by a ``junction`` edge of :data:`JUNCTION_MIN`: a driver changes road
    there without leaving the expressway system."""
    nodes = [n for n, d in graph.nodes(data=True) if d["kind"] == "interchange"]
    if len(nodes) < 2:
        return
    dist = _pairwise_km(_coords(graph, nodes), _coords(graph, nodes))
    for i, j in zip(*np.nonzero(dist <= JUNCTION_KM), strict=True):
        a, b = nodes[int(i)], nodes[int(j)]
        if i < j and graph.nodes[a]["code"] != graph.nodes[b]["code"]:
            graph.add_edge(
                a,
                b,
                key="junction",
                mode="expressway",
                line="junction",
                length_km=float(dist[i, j]),
                minutes=JUNCTION_MIN,
            )


def _add_airports(graph: nx.MultiGraph, *, year: int) -> None:
    for _, row in data.airports().iterrows():
        opened = row["opened"]
        if opened is not pd.NA and int(opened) > year:
            continue
        graph.add_node(
            f"airport:{row['iata']}",
            name=str(row["name"]),
            lon=float(row["lon"]),
            lat=float(row["lat"]),
            kind="airport",
            adcode=str(row["adcode"]),
            offset_km=0.0,
        )


def _coords(graph: nx.MultiGraph, nodes: list[str]) -> np.ndarray:
    return np.array([[graph.nodes[n]["lon"], graph.nodes[n]["lat"]] for n in nodes], dtype=float)


def _pairwise_km(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lon1 = np.repeat(a[:, 0], len(b))
    lat1 = np.repeat(a[:, 1], len(b))
    lon2 = np.tile(b[:, 0], len(a))
    lat2 = np.tile(b[:, 1], len(a))
    _, _, metres = _GEOD.inv(lon1, lat1, lon2, lat2)
    # floor at 50 m so that coincident points still get a positive length and time
    return np.maximum(np.asarray(metres).reshape(len(a), len(b)) / 1000.0, 0.05)


def _access_edge(graph: nx.MultiGraph, seat: str, target: str, km: float) -> None:
    km = km + float(graph.nodes[target].get("offset_km", 0.0))
    graph.add_edge(
        seat,
        target,
        key="access",
        mode="access",
        line="",
        length_km=km,
        minutes=_road_minutes(km, detour=ROAD_DETOUR, speed_kmh=ACCESS_SPEED_KMH),
    )


def _link_access(graph: nx.MultiGraph, seats: list[str], targets: list[str], k: int) -> None:
    """Join each seat to its ``k`` nearest targets within :data:`ACCESS_MAX_KM`, and every
    target to its nearest seat (an interchange or station far from all seats is still
    reached)."""
    if not seats or not targets:
        return
    dist = _pairwise_km(_coords(graph, seats), _coords(graph, targets))
    for i, seat in enumerate(seats):
        order = np.argsort(dist[i], kind="stable")[:k]
        for j in order:
            if dist[i, j] > ACCESS_MAX_KM:
                break
            _access_edge(graph, seat, targets[j], float(dist[i, j]))
    for j, target in enumerate(targets):
        i = int(np.argmin(dist[:, j]))
        if not graph.has_edge(seats[i], target):
            _access_edge(graph, seats[i], target, float(dist[i, j]))


def _link_served_seats(graph: nx.MultiGraph) -> None:
    """Join every station to the seats of the county and the city it serves (its ``adcode`` and
    ``prefecture_adcode`` in ``rail_stations.csv``): 娄底南 serves 娄底 though other seats are
    nearer to it. A junction without passengers serves none."""
    table = data.rail_stations().set_index("name")
    for node, attrs in list(graph.nodes(data=True)):
        if attrs["kind"] != "station" or attrs["name"] not in table.index:
            continue
        if not attrs["passengers"]:
            continue
        row = table.loc[attrs["name"]]
        for code in (attrs.get("adcode"), row["prefecture_adcode"]):
            seat = f"seat:{code}"
            if not isinstance(code, str) or seat not in graph or graph.has_edge(seat, node):
                continue
            s = graph.nodes[seat]
            km = max(geodesic_km(s["lon"], s["lat"], attrs["lon"], attrs["lat"]), 0.05)
            _access_edge(graph, seat, node, km)


def _link_roads(graph: nx.MultiGraph, seats: list[str]) -> None:
    if len(seats) < 2:
        return
    dist = _pairwise_km(_coords(graph, seats), _coords(graph, seats))
    pairs: set[tuple[int, int]] = set()
    for i in range(len(seats)):
        for j in np.argsort(dist[i], kind="stable")[1 : ROAD_K + 1]:
            pairs.add((min(i, int(j)), max(i, int(j))))
    complete = nx.Graph()
    for i in range(len(seats)):
        for j in range(i + 1, len(seats)):
            complete.add_edge(i, j, weight=float(dist[i, j]))
    for i, j in nx.minimum_spanning_edges(complete, data=False):
        pairs.add((min(i, j), max(i, j)))
    for i, j in sorted(pairs):
        if i == j:
            continue
        graph.add_edge(
            seats[i],
            seats[j],
            key="road",
            mode="road",
            line="",
            length_km=float(dist[i, j]),
            minutes=_road_minutes(float(dist[i, j]), detour=ROAD_DETOUR, speed_kmh=ROAD_SPEED_KMH),
        )


def network_years() -> tuple[int, int]:
    """Return the first and last year the network data describes.

    From the opening of the oldest rail line of ``rail_lines.csv`` (京广铁路's Hunan section,
    1936) to :data:`PLAN_HORIZON_YEAR`, the horizon of the plans whose projects the data holds.

    Examples
    --------
    >>> network_years()
    (1936, 2035)
    """
    opened = data.rail_lines()["opened"].dropna()
    return int(opened.min()), PLAN_HORIZON_YEAR


def build_graph(
    year: int = 2025, scenario: Scenario = "built", *, proxies: bool = True
) -> nx.MultiGraph:
    """Build the transport graph open in ``year`` (``built``) or planned by then (``plan``).

    Parameters
    ----------
    year
        Items opened in or before this year are included.
    scenario
        ``"built"`` keeps what is open; ``"plan"`` adds under-construction and planned items
        whose planned year is at most ``year`` (no planned year: from
        :data:`PLAN_HORIZON_YEAR`).
    proxies
        Place stations without sourced coordinates at the seat of the unit they are named
        after (``position="seat_proxy"``); ``False`` leaves them out.

    Returns
    -------
    networkx.MultiGraph
        See the module docstring for the node and edge contract.

    Raises
    ------
    DataError
        If ``year`` lies outside :func:`network_years`.

    Examples
    --------
    >>> g = build_graph(year=2025)
    >>> g.nodes["station:株洲西"]["kind"]
    'station'
    """
    if scenario not in ("built", "plan"):
        msg = f"scenario must be 'built' or 'plan', not {scenario!r}"
        raise GeoplanError(msg)
    first, last = network_years()
    if not first <= int(year) <= last:
        msg = f"year {year} is outside the network data ({first}-{last})"
        raise DataError(msg)
    graph = nx.MultiGraph(year=int(year), scenario=scenario)
    _add_rail(graph, year=year, scenario=scenario, proxies=proxies)
    _add_expressways(graph, year=year, scenario=scenario)
    _add_junctions(graph)
    _add_airports(graph, year=year)
    seats = _add_seats(graph)
    stations = [n for n, d in graph.nodes(data=True) if d["kind"] == "station" and d["passengers"]]
    interchanges = [n for n, d in graph.nodes(data=True) if d["kind"] == "interchange"]
    airports_ = [n for n, d in graph.nodes(data=True) if d["kind"] == "airport"]
    _link_access(graph, seats, stations, ACCESS_K)
    _link_access(graph, seats, interchanges, ACCESS_K)
    _link_access(graph, seats, airports_, 1)
    _link_served_seats(graph)
    _link_roads(graph, seats)
    return graph


@dataclass(frozen=True)
class Leg:
    """One stretch of a journey on a single mode and line.

    ``minutes`` is moving time (in-vehicle with the final stop, or driving);
    ``penalty_minutes`` what the leg costs besides: for a rail leg security and half the
    headway (or, after a change, the transfer walk and half the headway), plus leaving the
    station; for an expressway leg its entry and exit. ``through`` marks a rail leg the
    traveller reaches without changing train (a through-running service).
    """

    mode: str
    line: str
    minutes: float
    length_km: float
    start: str
    end: str
    penalty_minutes: float = 0.0
    through: bool = False


@dataclass(frozen=True)
class Journey:
    """A door-to-door journey: ``minutes`` = moving minutes plus penalties, legs in order.

    ``stand_ins`` names the stations on the way that stand in for an unlocated station (their
    position rests on :func:`stand_in_offset_km`).
    """

    origin: str
    destination: str
    minutes: float
    in_vehicle_minutes: float
    penalty_minutes: float
    legs: list[Leg] = field(default_factory=list)
    stand_ins: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """Return a JSON-ready dictionary."""
        return {
            "origin": self.origin,
            "destination": self.destination,
            "minutes": round(self.minutes, 1),
            "in_vehicle_minutes": round(self.in_vehicle_minutes, 1),
            "penalty_minutes": round(self.penalty_minutes, 1),
            "stand_ins": list(self.stand_ins),
            "legs": [
                {
                    "mode": leg.mode,
                    "line": leg.line,
                    "minutes": round(leg.minutes, 1),
                    "penalty_minutes": round(leg.penalty_minutes, 1),
                    "length_km": round(leg.length_km, 1),
                    "from": leg.start,
                    "to": leg.end,
                    "through": leg.through,
                }
                for leg in self.legs
            ],
        }


PLACE_RULE = (
    "a county, district or prefecture name or adcode means the seat of that unit (长沙 and 长沙市: "
    "the seat of 长沙市; 岳麓区: its own seat); a name ending in 站 means the station (长沙站); "
    "a station name that is no unit's name means the station (长沙南); a node id means the node; "
    "(lon, lat) the point"
)
"""What a place name means, for every function of :mod:`geoplan.network` and
:mod:`geoplan.catchment` and for ``geoplan traveltime``, in this order of precedence."""


@dataclass(frozen=True)
class Place:
    """A place resolved by :data:`PLACE_RULE`: its node (``None`` for a bare point), WGS-84
    position, the name asked and what the rule made of it."""

    node: str | None
    lon: float
    lat: float
    name: str
    meaning: str


def _strip_suffix(name: str) -> str:
    for suffix in ("火车站", "站"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _place_at(graph: nx.Graph, node: str, name: str, meaning: str) -> Place:
    attrs = graph.nodes[node]
    return Place(node, float(attrs["lon"]), float(attrs["lat"]), name, meaning)


def seat_node(graph: nx.Graph, adcode: str) -> str | None:
    """Return the seat node of a unit: ``seat:<adcode>``, or a seat node carrying that
    ``adcode`` (graphs built by hand), or None.

    Examples
    --------
    >>> seat_node(build_graph(year=2025), "430104")
    'seat:430104'
    """
    if f"seat:{adcode}" in graph:
        return f"seat:{adcode}"
    cache = graph.graph.setdefault("_seat_nodes", {})
    if not cache:
        for n, a in graph.nodes(data=True):
            if a.get("kind") == "seat":
                cache.setdefault(str(a.get("adcode", "")), str(n))
    return cache.get(adcode)


def resolve_place(graph: nx.Graph, place: object) -> Place:
    """Return what ``place`` means in ``graph``, by :data:`PLACE_RULE`.

    Raises
    ------
    UnknownPlaceError
        If the name is no node, unit or station of the graph, or names a group of units
        (长株潭) rather than one place.

    Examples
    --------
    >>> g = build_graph(year=2025)
    >>> resolve_place(g, "长沙").node, resolve_place(g, "长沙站").node
    ('seat:430100', 'station:长沙')
    >>> resolve_place(g, "岳麓区").node
    'seat:430104'
    """
    if isinstance(place, tuple | list) and len(place) == 2:
        lon, lat = float(place[0]), float(place[1])
        return Place(None, lon, lat, f"{lon:.4f},{lat:.4f}", "a point")
    from geoplan import gazetteer
    from geoplan.corpus import normalise

    text = normalise(str(place).strip())[0]
    if text in graph:
        return _place_at(graph, text, text, "a node of the graph")
    if text.isdigit() and len(text) == 6 and seat_node(graph, text) is not None:
        return _place_at(graph, seat_node(graph, text), text, f"the seat of unit {text}")
    stem = _strip_suffix(text)
    if stem != text:
        if f"station:{stem}" in graph:
            return _place_at(graph, f"station:{stem}", text, f"the station {stem}")
        msg = f"{place!r}: no station {stem} in this network"
        raise UnknownPlaceError(msg)
    units = [u for u in gazetteer.lookup(text) if u.in_hunan and u.level != "province"]
    if len(units) > 1:
        names = "、".join(u.name for u in units[:6])
        msg = f"{place!r} names {len(units)} units ({names}), not one place; name one of them"
        raise UnknownPlaceError(msg)
    if units:
        unit = units[0]
        node = seat_node(graph, unit.adcode)
        if node is None:
            msg = f"{place!r}: the graph has no seat node for {unit.name} ({unit.adcode})"
            raise UnknownPlaceError(msg)
        seat = graph.nodes[node].get("seat") or graph.nodes[node].get("name", unit.name)
        return _place_at(graph, node, text, f"the seat of {unit.name} ({seat})")
    if f"station:{text}" in graph:
        return _place_at(graph, f"station:{text}", text, f"the station {text}")
    msg = f"{place!r} is not a node, station, county, prefecture or adcode of this network"
    raise UnknownPlaceError(msg)


def travel_time(
    graph: nx.MultiGraph,
    origin: object,
    destination: object,
    *,
    modes: frozenset[str] | set[str] | None = None,
    params: object = None,
) -> Journey:
    """Return the quickest door-to-door journey between two places of ``graph``.

    The journey is the path of the one search of :mod:`geoplan.catchment` (the same as
    :func:`geoplan.catchment.od_matrix` and :func:`geoplan.catchment.travel_time_surface`),
    read back as legs: its minutes are the matrix's and the surface's.

    Parameters
    ----------
    graph
        A graph from :func:`build_graph`.
    origin, destination
        Places by :data:`PLACE_RULE` (``长沙`` is the seat of 长沙市, ``长沙站`` the station).
    modes
        Edge modes the journey may use (default: all). Without ``access`` the journey starts
        and ends at its nodes (no road legs off the network): ``modes=RAIL_MODES`` gives the
        station-to-station rail journey that timetables describe.
    params
        A :class:`geoplan.catchment.DoorToDoor` (default :data:`geoplan.catchment.DEFAULT`).

    Examples
    --------
    >>> g = build_graph(year=2025)
    >>> j = travel_time(g, "株洲站", "衡阳站", modes=RAIL_MODES)
    >>> [leg.line for leg in j.legs]
    ['京广铁路']
    >>> j = travel_time(g, "长沙", "常德")
    >>> j.minutes > j.in_vehicle_minutes > 0
    True
    """
    from geoplan import catchment

    return catchment.journey(
        graph,
        origin,
        destination,
        modes=modes,
        params=catchment.DEFAULT if params is None else params,
    )


def graph_to_gdfs(graph: nx.MultiGraph) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Return ``(nodes, edges)`` GeoDataFrames in EPSG:4326.

    Examples
    --------
    >>> nodes, edges = graph_to_gdfs(build_graph(year=2025))
    >>> str(nodes.crs), "minutes" in edges.columns
    ('EPSG:4326', True)
    """
    node_rows = [
        {
            "id": n,
            "name": d["name"],
            "kind": d["kind"],
            "adcode": d["adcode"],
            "lon": d["lon"],
            "lat": d["lat"],
        }
        for n, d in graph.nodes(data=True)
    ]
    nodes = gpd.GeoDataFrame(
        pd.DataFrame(node_rows, columns=["id", "name", "kind", "adcode", "lon", "lat"]),
        geometry=[Point(r["lon"], r["lat"]) for r in node_rows],
        crs="EPSG:4326",
    )
    edge_rows = []
    geoms = []
    for u, v, k, d in graph.edges(keys=True, data=True):
        edge_rows.append(
            {
                "u": u,
                "v": v,
                "key": str(k),
                "mode": d["mode"],
                "line": d["line"],
                "length_km": d["length_km"],
                "minutes": d["minutes"],
            }
        )
        a, b = graph.nodes[u], graph.nodes[v]
        geoms.append(LineString([(a["lon"], a["lat"]), (b["lon"], b["lat"])]))
    edges = gpd.GeoDataFrame(
        pd.DataFrame(edge_rows, columns=["u", "v", "key", "mode", "line", "length_km", "minutes"]),
        geometry=geoms,
        crs="EPSG:4326",
    )
    return nodes, edges
