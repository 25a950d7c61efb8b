"""Transport projects a plan names, matched to the curated rail, expressway and airport data.

A plan writes 常益长高铁, 沪昆高速公路, 茶陵—常宁高速 or 呼南高铁; the data holds 常益长高铁,
沪昆高速 (G60), 茶陵至常宁高速 (S-茶常) and the corridor 呼南高铁 (a chain of lines). Names are
compared by their *code*: the name without its mode suffix, brackets and the words that join
termini (至, —), so 茶陵—常宁 and 茶陵至常宁 meet. A rail code shared by lines of different kinds
(京广高铁 and 京广铁路) is settled by the project's mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

RAIL_MODES = {
    "hsr": "hsr",
    "intercity_rail": "intercity",
    "conventional_rail": "conventional",
    "maglev": "maglev",
}
_RAIL_SUFFIX = re.compile(
    r"(?:高速铁路|高铁|客运专线|客专|城际铁路|城际|磁浮快线|磁浮线|磁浮|铁路|通道)$"
)
_ROAD_SUFFIX = re.compile(r"(?:高速公路|高速)$")
_BRACKETS = re.compile(r"[(（][^)）]*[)）]")
_LINK = re.compile(r"[至—–－~\-]")


@dataclass(frozen=True)
class Match:
    """What a project name stands for in the data: lines or expressway codes, and a geometry."""

    family: str  # rail | expressway | airport
    names: tuple[str, ...]
    status: str
    opened: int | None
    geometry: BaseGeometry | None
    precision: str


def code_of(name: str, suffix: re.Pattern[str]) -> str:
    """``name`` without brackets, mode suffix and terminus links (茶陵—常宁高速 -> 茶陵常宁)."""
    bare = _BRACKETS.sub("", str(name)).strip()
    return _LINK.sub("", suffix.sub("", bare))


@cache
def _rail_codes() -> dict[str, list[tuple[str, str]]]:
    """Code of each line of ``rail_lines.csv`` -> [(line, kind)] (京广 -> 京广高铁, 京广铁路)."""
    from geoplan import _network_data as data

    by_code: dict[str, list[tuple[str, str]]] = {}
    for line, kind in data.rail_lines().groupby("line", sort=False)["kind"].first().items():
        by_code.setdefault(code_of(str(line), _RAIL_SUFFIX), []).append((str(line), str(kind)))
    return by_code


def _match_rail(name: str, mode: str) -> tuple[str, ...]:
    """Lines a rail name stands for: a line or corridor the data names
    (:func:`geoplan.network.corridor_lines`) with the line's branches, else the lines sharing
    its code, settled by kind."""
    from geoplan import network
    from geoplan.errors import UnknownPlaceError

    by_code = _rail_codes()
    try:
        found = network.corridor_lines(name)
    except UnknownPlaceError:
        found = []
    if found:
        lines = [line for group in by_code.values() for line, _kind in group]
        branches = [ln for ln in lines if ln not in found and ln.split("(")[0] in found]
        return (*found, *branches)
    candidates = by_code.get(code_of(name, _RAIL_SUFFIX), [])
    same_kind = [line for line, kind in candidates if kind == RAIL_MODES[mode]]
    if same_kind:
        return tuple(same_kind)  # a line and its branches: 长株潭城际 and (暮云-湘潭)
    if len({kind for _line, kind in candidates}) == 1:
        return tuple(line for line, _kind in candidates)  # 怀邵衡铁路 is built as hsr
    return ()


@cache
def _road_index() -> dict[str, str]:
    from geoplan import _network_data as data

    return {code_of(name, _ROAD_SUFFIX): code for name, code in data.expressway_names()}


def _line_geometry(coords: list[tuple[float, float]]) -> BaseGeometry | None:
    coords = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
    return shapely.LineString(coords) if len(coords) >= 2 else None


def _multi(parts: list[BaseGeometry | None]) -> BaseGeometry | None:
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiLineString(parts)


def _years(values: pd.Series) -> int | None:
    years = [int(v) for v in values if pd.notna(v)]
    return min(years) if years else None


@cache
def _positions(proxies: bool) -> pd.DataFrame:
    from geoplan import network

    return network._station_positions(proxies=proxies)


def _sections(name: str) -> dict[str, tuple[str, str]]:
    """Line -> its first and last station in the corridor ``name``, where the corridor's
    ``section`` names two stations of the line (呼南's 常德–益阳 on 常益长高铁 -> 常德, 益阳南;
    浙赣铁路's 株洲–醴陵 on 沪昆铁路). A section ending outside the data (黔江) keeps the line
    whole.
    """
    from geoplan import _network_data as data

    table = data.rail_lines()
    rows = data.corridor_rows(name)
    out: dict[str, tuple[str, str]] = {}
    for line, section in [] if rows is None else zip(rows["line"], rows["section"], strict=True):
        stations = list(table.loc[table["line"] == line].sort_values("seq")["station"])
        ends = [e.strip() for e in re.split("[–—]", str(section))]
        hits = [
            next((s for s in stations if s == e), None)
            or next((s for s in stations if s.startswith(e)), None)
            for e in ends
        ]
        if len(ends) == 2 and hits[0] and hits[1]:
            out[str(line)] = (hits[0], hits[1])
    return out


def _rail_match(lines: tuple[str, ...], sections: dict[str, tuple[str, str]]) -> Match:
    """Lines drawn through their located stations, each cut to its ``sections`` part; where a
    station has no point, the seat standing in for it is used, as the graph does
    (``seat_proxy``), and the precision says so."""
    from geoplan import _network_data as data

    table = data.rail_lines()
    parts, statuses, opened, proxied = [], [], [], False
    for line in lines:
        rows = table[table["line"] == line].sort_values("seq")
        if line in sections:
            where = [list(rows["station"]).index(s) for s in sections[line]]
            rows = rows.iloc[min(where) : max(where) + 1]
        geom = None
        for proxies in (False, True):
            positions = _positions(proxies)
            coords = [
                (float(positions.loc[s, "lon"]), float(positions.loc[s, "lat"]))
                for s in rows["station"]
                if s in positions.index and pd.notna(positions.loc[s, "lon"])
            ]
            found = _line_geometry(coords)
            geom = found or geom
            if found is not None and (proxies or len(coords) == len(rows)):
                proxied = proxied or proxies
                break
        parts.append(geom)
        statuses.append(str(rows["status"].iloc[0]))
        opened.append(_years(rows["opened"]))
    status = statuses[0] if len(set(statuses)) == 1 else ";".join(dict.fromkeys(statuses))
    years = [y for y in opened if y is not None]
    precision = "stations and seat proxies" if proxied else "stations"
    return Match("rail", lines, status, min(years) if years else None, _multi(parts), precision)


def _road_match(code: str) -> Match:
    from geoplan import _network_data as data

    rows = data.expressways()
    rows = rows[rows["code"] == code].sort_values("seq")
    coords = [
        (float(x), float(y))
        for x, y in zip(rows["lon"], rows["lat"], strict=True)
        if pd.notna(x) and pd.notna(y)
    ]
    statuses = list(dict.fromkeys(str(s) for s in rows["status"]))
    return Match(
        "expressway",
        (code,),
        ";".join(statuses),
        _years(rows["opened"]),
        _line_geometry(coords),
        "interchanges or city access points",
    )


def _airport_match(code: str) -> Match | None:
    from geoplan import _network_data as data

    row = data.airport_named(code)
    if row is None:
        return None
    opened = None if pd.isna(row["opened"]) else int(row["opened"])
    point = shapely.Point(float(row["lon"]), float(row["lat"]))
    return Match("airport", (str(row["name"]),), "existing", opened, point, "airport point")


def match_project(name: str, mode: str) -> Match | None:
    """The curated lines, expressway or airport a project name stands for, or None.

    Examples
    --------
    >>> match_project("茶陵—常宁高速", "expressway").names
    ('S-茶常',)
    >>> match_project("京广铁路", "conventional_rail").names
    ('京广铁路',)
    >>> match_project("呼南高铁", "hsr").names[:2]
    ('宜常高铁', '常益长高铁')
    >>> match_project("湘桂铁路复线", "conventional_rail").names
    ('湘桂铁路',)
    """
    from geoplan.corpus import normalise

    name = normalise(name.strip())[0]  # 岳臨高速 -> 岳临高速
    if mode in RAIL_MODES:
        # a railway's second track (湘桂铁路复线) runs along the line itself; a second road
        # (益常高速复线) is a road of its own, which the data does not hold
        lines = _match_rail(re.sub(r"复线$", "", name), mode)
        return _rail_match(lines, _sections(name)) if lines else None
    if mode == "expressway":
        code = _road_index().get(name) or _road_index().get(code_of(name, _ROAD_SUFFIX))
        return _road_match(code) if code else None
    if mode == "airport":
        bare = re.sub(r"(?:国际)?机场$", "", name)
        return _airport_match(bare) if len(bare) >= 2 else None
    return None
