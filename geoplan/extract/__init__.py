"""Extraction of spatial structures, transport projects, figures, tables and places from a plan.

The package's private modules: ``_structures`` (structure names, roles and classes),
``_grammar`` (how plans define a structure's parts), ``_transport`` (transport projects),
``_figures`` (figures and tables) and ``_common`` (places, abbreviations, shared helpers).

Every record carries a span of the ORIGINAL text of the plan (``Plan.original``), the quote
under that span and a confidence:

- structures and components: how completely the pattern and its parts were found;
- transport projects: 0.9 when the whole name decodes to places (常益长 -> 常德, 益阳, 长沙) or
  names a curated airport, 0.75 when part of it does (呼南: 南 stays open), 0.6 for a proper
  name with no place in it (城陵矶港), 0.5 for a name whose first character was lost at a
  paragraph head and restored from another mention (茶铁路 -> 醴茶铁路, said in ``note``);
  at most 0.75 for a name read from a list that shares one suffix ("宁韶、江干、醴娄扩容等高速
  公路" -> 宁韶高速公路 ...: the span is the item, ``note`` says so and names the work, 扩容);
- figures: 0.9, less 0.1 when the place is the plan's own jurisdiction rather than named in
  the clause or the county of a town the clause names (kept in ``town``), 0.1 when the year or
  indicator comes from elsewhere in the sentence, 0.2 when nothing says whether it is a fact
  or a target, 0.15 when a review section's base year (2020) is assumed.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from geoplan import gazetteer
from geoplan.corpus import Plan
from geoplan.extract._common import (
    _ROUTE_NUMBER,
    MUNICIPALITY_SHORT,
    PlaceRef,
    _china_by_name,
    _initial_candidates,
    abbreviations,
    admin_refs,
    area_of_code,
    city_of,
    corridor_codes,
    decode_code,
    decode_near,
    feature_refs,
    places_in,
    reading_region,
    region,
    region_short_name,
    township_ref,
    unit_named,
    unit_of_title,
    unit_ref,
)
from geoplan.extract._figures import find_figures, find_table_figures, find_tables
from geoplan.extract._grammar import (
    _enumerated,
    _is_place_item,
    _list_lines,
    _semicolon_leads,
    define_components,
    defined_tokens,
    unit_chain,
)
from geoplan.extract._structures import (
    _TOKEN_SPAN,
    NUMERALS,
    ROLE_SUFFIX,
    TOKEN,
    RawComponent,
    back_references,
    clean_name,
    components_after,
    components_inline,
    count_of,
    find_patterns,
    find_travel_circles,
    head_vote,
    strip_long_parens,
    structure_class,
    tokens_of,
)
from geoplan.extract._transport import (
    _SECTION_NAME,
    SUFFIX_RE,
    RawProject,
    _decode_termini,
    find_projects,
)

__all__ = [
    "Component",
    "Figure",
    "PlaceCount",
    "PlanExtract",
    "Structure",
    "Table",
    "TransportProject",
    "extract_plan",
    "plan_region",
]

# Characters of a component's defining text searched after a structure name (a section
# rarely defines its components further away than this).
WINDOW_CHARS = 3500
# How far after a chapter intro naming a structure its component headings are looked for.
HEADING_WINDOW_CHARS = 30000
# Occurrences of one structure name searched for its components (bounds time on hostile input).
MAX_OCCURRENCES = 20
# Longest quote kept in a record (characters of the original text).
QUOTE_CHARS = 300
_URBAN = gazetteer.URBAN_GROUPS
# Roles that count rivers: a part of theirs named like a unit is the river (沅江), not the unit.
_RIVER_ROLES = frozenset({"江", "河", "水"})


@dataclass
class Component:
    """One component of a spatial structure (一圈 = 株醴都市圈).

    A counted label of a longer name whose parts are named one by one (“一江三山”…“三山”指
    甲山、乙山、丙山) is a component of its own as well, a *group*: named by the label, its
    ``members`` the parts' names, its places and features theirs together; each part names
    its ``group``. Plans speak of the group as one thing (the legend's 三山) as often as of
    its parts; layers draw the parts.
    """

    role: str
    name: str
    span: tuple[int, int]
    quote: str
    places: list[PlaceRef]
    features: list[PlaceRef] = field(default_factory=list)
    label_lost: bool = False
    confidence: float = 0.9
    members: list[str] = field(default_factory=list)
    group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "role": self.role,
            "name": self.name,
            "span": list(self.span),
            "quote": self.quote,
            "places": [p.to_dict() for p in self.places],
            "features": [p.to_dict() for p in self.features],
            "confidence": self.confidence,
        }
        if self.label_lost:
            out["label_lost"] = True
        if self.members:
            out["members"] = list(self.members)
        if self.group is not None:
            out["group"] = self.group
        return out


@dataclass
class Structure:
    """A named spatial structure (一核一圈一廊) or travel-time circle (半小时通勤圈)."""

    pattern: str
    scope: str
    span: tuple[int, int]
    quote: str
    confidence: float
    # class: layout | network | feature | travel_time | cited (a layout named, not defined here);
    # written as both "class" and "kind" by to_dict()
    kind: str
    components: list[Component] = field(default_factory=list)
    scope_places: list[PlaceRef] = field(default_factory=list)
    mentions: int = 1
    origin: str | None = None
    destination: str | None = None
    minutes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "pattern": self.pattern,
            "scope": self.scope,
            "span": list(self.span),
            "quote": self.quote,
            "confidence": self.confidence,
            "class": self.kind,
            "kind": self.kind,
            "mentions": self.mentions,
            "scope_places": [p.to_dict() for p in self.scope_places],
            "components": [c.to_dict() for c in self.components],
        }
        if self.kind == "travel_time":
            out.update(origin=self.origin, destination=self.destination, minutes=self.minutes)
        return out


@dataclass
class TransportProject:
    """A named transport project with its mode, decoded cities and status."""

    name: str
    mode: str
    cities: list[str]
    adcodes: list[str]
    undecoded: list[str]
    status: str | None
    span: tuple[int, int]
    quote: str
    mentions: int = 1
    confidence: float = 0.9
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = {
            "name": self.name,
            "mode": self.mode,
            "cities": self.cities,
            "adcodes": self.adcodes,
            "undecoded": self.undecoded,
            "status": self.status,
            "span": list(self.span),
            "quote": self.quote,
            "mentions": self.mentions,
            "confidence": self.confidence,
        }
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Figure:
    """A value with unit, year and kind, tied to a place."""

    place: str | None
    adcode: str | None
    indicator: str
    value: float
    unit: str
    year: int | None
    kind: str  # actual | target | growth_rate
    span: tuple[int, int]
    quote: str
    confidence: float = 0.9
    town: str | None = None  # the township named, when the place is its county

    def to_dict(self) -> dict[str, Any]:
        out = {
            "place": self.place,
            "adcode": self.adcode,
            "indicator": self.indicator,
            "value": self.value,
            "unit": self.unit,
            "year": self.year,
            "kind": self.kind,
            "span": list(self.span),
            "quote": self.quote,
            "confidence": self.confidence,
        }
        if self.town:
            out["town"] = self.town
        return out


@dataclass
class Table:
    """A 专栏 box; ``rows`` are its rows keyed by the header where the text holds rows."""

    title: str
    span: tuple[int, int]
    rows: list[dict[str, str]]

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "span": list(self.span), "rows": self.rows}


@dataclass
class PlaceCount:
    """How often a place is named in the plan.

    A township (``via="township"``) carries its county's adcode with precision ``county``;
    one whose name exists in several counties that the plan's jurisdiction does not decide
    has no adcode and its candidate counties in ``within``.
    """

    name: str
    adcode: str | None
    count: int
    precision: str
    within: tuple[str, ...] = ()
    via: str = "admin"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "adcode": self.adcode,
            "count": self.count,
            "precision": self.precision,
        }
        if self.within:
            out["within"] = list(self.within)
        if self.via != "admin":
            out["via"] = self.via
        return out


@dataclass
class PlanExtract:
    """Everything extracted from one plan; ``to_dict()`` gives the JSON of ``geoplan extract``."""

    source: str
    title: str
    jurisdiction: PlaceRef | None
    structures: list[Structure]
    transport: list[TransportProject]
    figures: list[Figure]
    tables: list[Table]
    places: list[PlaceCount]

    def to_dict(self) -> dict[str, Any]:
        j = self.jurisdiction
        return {
            "source": self.source,
            "title": self.title,
            "jurisdiction": {"name": j.name, "adcode": j.adcode} if j else None,
            "structures": [s.to_dict() for s in self.structures],
            "transport": [t.to_dict() for t in self.transport],
            "figures": [f.to_dict() for f in self.figures],
            "tables": [t.to_dict() for t in self.tables],
            "places": [p.to_dict() for p in self.places],
        }


# ------------------------------------------------------------------------------------ helpers


# How much of a plan's title names its unit: titles are a line, rarely over a hundred
# characters; a text with no title gives its first line, which may be the whole text.
TITLE_CHARS = 120


class _Ctx:
    """Per-plan context: text, headings, jurisdiction."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.text = plan.text
        self.sections = sorted(plan.sections, key=lambda s: s.span[0])
        self.heading_starts = [s.span[0] for s in self.sections]
        self.title = plan.title  # computed once: Plan.title scans the whole text
        self.jurisdiction = _jurisdiction(plan)
        # the plan's unit when it lies outside Hunan (武进区), for the codes of its lines
        # (or the text's first line, where a title hard-wrapped by PDF extraction is not taken
        # for one: 新丰县融湾产业平台…布局（)
        first = self.text.lstrip().split("\n", 1)[0][:60]
        home = None
        head = self.title[:TITLE_CHARS]  # (a "title" of a million characters is text)
        titled = unit_of_title(head)
        if titled is not None and not titled.in_hunan and not admin_refs(head):
            # a title naming a unit outside Hunan and none of Hunan's (连州市…规划): a Hunan
            # unit its first lines name (湖南省, a neighbour) is not the plan's
            self.jurisdiction = None
        if self.jurisdiction is None:
            home = titled or unit_of_title(first)
        self.home_outside = home.adcode if home is not None and not home.in_hunan else None
        # the province whose units its place names are read as: Hunan, or the province of
        # a plan of a unit outside Hunan (义乌 and 东阳 in 磐安's plan), whose units it names
        self.province = (
            self.home_outside[:2] + "0000" if self.home_outside else gazetteer.HUNAN_ADCODE
        )
        self.province_name = unit_ref(self.province).name
        self.region = "hunan" if self.province == gazetteer.HUNAN_ADCODE else self.province

    def orig(self, span: tuple[int, int]) -> tuple[int, int]:
        return self.plan.to_original(span)

    def quote(self, span: tuple[int, int], *, limit: int = QUOTE_CHARS) -> tuple[list[int], str]:
        s, e = self.orig(span)
        return [s, e], self.plan.original[s : min(e, s + limit)]

    def innermost_level(self, pos: int) -> int:
        level = 1
        best = -1
        for s in self.sections:
            if s.span[0] <= pos < s.span[1] and s.span[0] > best and s.level <= 5:
                best, level = s.span[0], s.level
        return level

    def next_heading(self, pos: int, max_level: int) -> int:
        for s in self.sections:
            if s.span[0] > pos and s.level <= max_level:
                return s.span[0]
        return len(self.text)

    def urban_prefecture(self) -> str | None:
        j = self.jurisdiction
        if j is None or j.adcode is None or j.precision == "province":
            return None
        return j.adcode[:4] + "00"


def _jurisdiction(plan: Plan) -> PlaceRef | None:
    """The finest unit named in the title (or the first lines): the plan's own jurisdiction."""
    title = plan.title
    head = title + "\n" + plan.text[:200]
    refs = admin_refs(head)
    if not refs:
        return None
    # a group of cities (长株潭) is finer than the province that issues its plan
    rank = {"county": 0, "prefecture": 1, "group": 2, "province": 3}
    best = None
    for s, _e, surface, how, adcodes in refs:
        if how == "group":
            cand = PlaceRef(surface, None, "group", "group", tuple(adcodes))
        else:
            cand = unit_ref(adcodes[0])
        key = (rank.get(cand.precision, 4), s)
        if best is None or key < best[0]:
            best = (key, cand)
        if s > len(title):
            break
    return best[1] if best else None


# Words for the plan's own territory around a structure's name.
_OWN_TERRITORY = re.compile(r"全区|全县|全市|全州|本区|本县|本市|县域|区域内|全域")


def _sentence(text: str, start: int, end: int, width: int = 300) -> tuple[int, int]:
    lo = max(0, start - width)
    s = max(lo, *(text.rfind(ch, lo, start) + 1 for ch in "。;；\n"))
    hi = min(len(text), end + width)
    ends = [p for p in (text.find(ch, end, hi) for ch in "。;；\n") if p != -1]
    return s, (min(ends) + 1 if ends else hi)


# Titles a place is to earn, which a plan lists as its goals (三区一中心 = 甲示范区, 乙先行区,
# 丙引领区 and a 副中心城市), not parts of its space.
_DESIGNATION = re.compile(
    r"(?:示范区|先行区|引领区|试验区|集聚区|聚集区|先导区|样板区|承载区|高地|标杆|名城|中心城市"
    r"|枢纽城市|城市)$"
)


# The title of a plan cited as a sentence's subject (《甲乙一体化规划》按照…).
# The province's plan named without its title marks (省国土规划, 省城镇体系规划).
_PROVINCE_PLAN = re.compile(r"(?<![\u4e00-\u9fff])省[\u4e00-\u9fff]{0,6}?规划")
_CITED_PLAN = re.compile(r"《([^《》\n]{4,40}?(?:规划|纲要|方案|意见|计划)[^《》\n]{0,12})》")


def _scope(
    ctx: _Ctx, start: int, *, tokens: list[tuple[str, str]] = ()
) -> tuple[str, list[PlaceRef]]:
    """Where a structure applies: the last place named before it in its sentence, else the
    section title's place, else the plan's jurisdiction. Places after a label of one of the
    structure's own ``tokens`` (“一圈”由甲区、乙县组成, 是“一圈两带”的核心) define that part and
    are no scope."""
    text = ctx.text
    s, e = _sentence(text, start, start)
    before = text[s:start]
    own = [f"{n}{r}" for n, r in tokens]
    defines_part = any(re.search(rf"[“\"「『‘]{re.escape(t)}[”\"」』’]", before) for t in own)
    after = text[start : min(e, start + 40)]
    para = max(0, text.rfind("\n", max(0, start - 80), start) + 1, start - 80)
    j = ctx.jurisdiction
    if j and ("市域" in before[-12:] or "市域" in after[:16]) and j.name.endswith("市"):
        return f"{j.name}域", [unit_ref(j.adcode)] if j.adcode else []
    # a county's plan taking up its prefecture's structure (融入全州旅游格局, 对接全市…): the
    # prefecture (a county-level city's 全市 is its own)
    whole = re.search(r"全(州|市)[^。;；,，\n]{0,8}$", before[-12:])
    if j and j.adcode and j.precision == "county" and whole:
        own_city = whole.group(1) == "市" and j.name.endswith("市")
        if not own_city:
            pref = unit_ref(j.adcode[:4] + "00")
            return pref.name, [pref]
    # the plan's own territory said in words (组织全区开发建设, 本县, 县域), after the name in
    # its own clause only (…的全域格局; not …“甲”,本区作为…, a new clause on the plan's unit)
    clause = re.match(r"[^,，。;；\n]*", after[:20]).group()
    own_m = _OWN_TERRITORY.search(before[-12:] + "|" + clause)
    if j and j.adcode and own_m:
        # (湘潭全域, 株洲市域: the territory of the unit named before the word, not the plan's)
        lead = before[-12:][: own_m.start()] if own_m.start() < len(before[-12:]) else ""
        refs = [r for r in admin_refs(lead) if r[1] == len(lead) and r[3] != "township"]
        if refs and refs[-1][4] != (j.adcode,):
            return refs[-1][2], [unit_ref(a) for a in refs[-1][4]]
        return j.name, [unit_ref(j.adcode)]

    def in_chunk(chunk: str, reach: int) -> tuple[str, list[PlaceRef]] | None:
        refs = [r for r in admin_refs(chunk) if r[1] > len(chunk) - reach]
        # the province by name, or the province of a provincial plan cited (全省构建…, 省域)
        words = (ctx.province_name[:2], "全省", "省域")
        province = max(chunk.rfind(w, max(0, len(chunk) - reach)) for w in words)
        if province != -1 and (not refs or refs[-1][0] < province):
            return ctx.province_name, [unit_ref(ctx.province)]
        if refs:
            r = refs[-1]
            return r[2], [unit_ref(a, via="group" if r[3] == "group" else "admin") for a in r[4]]
        # a named area right before it (湘江新区“一主、三副、多点”, 宁乡经开区的“一体两翼”):
        # the counties the area lies in
        areas = [f for f in feature_refs(chunk) if len(chunk) - f[1] <= 2 and f[2].within]
        if areas:
            ref = areas[-1][2]
            return ref.name, [unit_ref(a) for a in ref.within]
        return None

    def in_section() -> tuple[str, list[PlaceRef]] | None:
        for sec in reversed(ctx.sections):
            if sec.span[0] <= start < sec.span[1] and sec.level <= 5:
                refs = admin_refs(sec.title)
                if refs:
                    r = refs[-1]
                    return r[2], [unit_ref(a) for a in r[4]]
        return None

    # the units named as its body (以甲、乙为主体, 构建“一圈三区”), the sentence's last place,
    # then the section's title, then the paragraph's last place
    body = re.search(r"以([^以。;；\n]{2,60}?)为主体", before)
    if body:
        units, _f = places_in(body.group(1))
        if units:
            return body.group(1), units
    # a sentence whose subject is the province or its plan (《湖南省国土规划》以…为…, 构建“…”):
    # the province, unless a unit is named after it outside the chain of 以…为 clauses
    bare = re.sub(r"以[^以。;；]{1,80}?为[^,，。;；]{1,6}", "", before)
    prov = max(bare.rfind(w) for w in (ctx.province_name, "全省", "省域", "省级", "省委", "省政府"))
    plan = [m.start() for m in _PROVINCE_PLAN.finditer(bare)]  # 省国土规划确定了…
    prov = max(prov, plan[-1] if plan else -1)
    if prov != -1 and not defines_part and not any(r[0] > prov for r in admin_refs(bare)):
        return ctx.province_name, [unit_ref(ctx.province)]
    # a sentence whose subject is another plan (《甲湖生态经济区规划》提出构建…): the units its
    # title names, else (a region no unit names) the province
    cited = _CITED_PLAN.search(bare)
    if cited and not defines_part and not any(r[0] > cited.end() for r in admin_refs(bare)):
        refs = admin_refs(cited.group(1))
        if refs:
            r = refs[-1]
            return r[2], [unit_ref(a, via="group" if r[3] == "group" else "admin") for a in r[4]]
        return ctx.province_name, [unit_ref(ctx.province)]
    chunks = (
        (in_section,)
        if defines_part
        else (lambda: in_chunk(before, 25), in_section, lambda: in_chunk(text[para:start], 80))
    )
    for look in chunks:
        found = look()
        if found is not None:
            return found
    j = ctx.jurisdiction
    jplaces = [unit_ref(a) for a in (j.within if j and j.adcode is None else ())]
    if j and j.adcode:
        jplaces = [unit_ref(j.adcode)]
    jname = j.name if j else ""
    if "中心城区" in before[-12:] or "中心城区" in after[:16]:
        return "中心城区", jplaces
    if "市域" in before[-12:] or "市域" in after[:16]:
        return f"{jname}域" if jname.endswith("市") else "市域", jplaces
    return jname, jplaces


def _component_places(
    ctx: _Ctx, name: str, text: str, scope_places: list[PlaceRef]
) -> tuple[list[PlaceRef], list[PlaceRef]]:
    """Places of a component: its Hunan units (:func:`_hunan_places`), then the units of other
    provinces listed among places in its name, or in its text beside one of those Hunan units
    (``via="outside"``: the Jiangxi members of a 湘赣边 group, 荆州 beside 岳阳、常德、益阳). The
    gazetteer holds them without boundaries: layers draw the Hunan part.
    """
    if name in corridor_codes():
        # a national corridor by its code (沪昆, 渝长厦): it runs far past the plan, and the
        # places a text names beside it are where it passes, not what it is made of
        return [], []
    units, feats = _hunan_places(ctx, name, text, scope_places)
    if ctx.jurisdiction is None:
        # a plan of no Hunan unit: a town's name (西塘镇, 新市镇) recurs across the country and
        # names no Hunan county there
        units = [u for u in units if u.via != "township"]
    codes = [u.adcode for u in units if u.adcode]
    # a part named by its label (一湾: 环甲湾的乙、丙两区) has the places of its definition
    label = "".join(n + r for n, r in tokens_of(name)) == name
    found = [
        *gazetteer.listed_outside(text if label else name),
        *(gazetteer.listed_outside(text, beside=codes) if codes else []),
    ]
    have = {u.adcode for u in units}
    outside = [
        PlaceRef(u.name, u.adcode, u.level, via="outside")
        for u in {u.adcode: u for u in found}.values()
        if u.adcode not in have
    ]
    return units + outside, feats


def _hunan_places(
    ctx: _Ctx, name: str, text: str, scope_places: list[PlaceRef]
) -> tuple[list[PlaceRef], list[PlaceRef]]:
    """Places of a component: the units its name and its text tie it to, within its scope;
    Hunan's, or in a plan of a unit outside Hunan those of its own province by full and short
    name and of China by full name (:func:`~geoplan.extract._common.reading_region`).

    An urban group name (主城区) is its districts (the scope's own county, when the scope is
    one county). The plan's own jurisdiction is never a component's place, nor is the scope
    when only the text around names it (the structure records its scope); units outside the
    scope are places the component reaches out to, not places it holds.
    """
    bare = name.replace("“", "").replace("”", "")
    scope_codes = [p.adcode for p in scope_places if p.adcode]
    context = " ".join(p.name for p in scope_places)
    # units the definition lists (怀化中心城区, 包括鹤城区、中方县) before any group reading
    listed = _LISTED.search(text)
    if listed:
        units, feats = places_in(listed.group(1), context=context)
        # counties, and prefectures listed whole (甲州、乙市以及丙市的丁、戊两县), not the
        # prefecture of a listed county (怀化市鹤城区)
        counties = {u.adcode[:4] for u in units if u.precision == "county"}
        units = [
            u
            for u in units
            if u.precision == "county"
            or (counties and u.precision == "prefecture" and u.adcode[:4] not in counties)
        ]
        if units:
            return [u for u in units if _held(ctx, u, scope_codes, named=True)], feats
    for word in _URBAN:
        if bare.endswith(word):
            prefix = bare[: -len(word)]
            within = None
            if prefix:
                refs = admin_refs(prefix)
                if refs and refs[-1][1] == len(prefix):
                    cand = refs[-1][4][0]
                    if unit_ref(cand).precision == "prefecture":
                        within = cand
                elif ctx.home_outside is not None:
                    # 荆州中心城区 in a plan outside Hunan: the city's districts, as for Hunan's
                    full = region_short_name(prefix) or prefix
                    city = unit_named(full) if full.endswith("市") else None
                    if city is not None and city.level == "prefecture" and city.name == full:
                        within = city.adcode
            elif len(bare) == len(word):
                counties = [c for c in scope_codes if unit_ref(c).precision == "county"]
                if len(scope_codes) == 1 and counties:
                    return [unit_ref(counties[0], via="scope")], []
                within = ctx.urban_prefecture()
            if within:
                codes = gazetteer.expand_group(word, within=within)
                return [unit_ref(c, via="group") for c in codes], []
            break
    named, _f = places_in(name, context=context)
    # a name made of several units written out (甲—乙—丙组团, not one group or a line's code)
    spelled = sum(p.via == "admin" for p in named) + len(gazetteer.listed_outside(name)) >= 2
    units, feats = places_in(name + "\n" + text, context=context)
    # a line code heading the name (渝长厦城镇发展带, 株醴城镇发展轴) names its Hunan cities,
    # unless the text names counties first (醴炎 of a county corridor: the text names them all);
    # not in a plan of a unit outside Hunan, whose codes are not Hunan's (长吉图: 长春, 吉林)
    for ref in (unit_ref(c) for c in _dash_code_units(bare, ctx.home_outside)):
        # a code of places written with dashes (营—盘, 葫—锦滨海旅游服务中心): its places
        if ref not in units:
            units.append(ref)
            named.append(ref)
    if ctx.home_outside is not None and (not units or units[0].precision == "prefecture"):
        # in a plan of a unit outside Hunan, a code read by where the plan lies (烟威都市区 in
        # 海阳's plan: 烟台, 威海)
        for ref in (unit_ref(c) for c in _name_code_near(bare, ctx.home_outside, ctx.text)):
            if ref not in units:
                units.append(ref)
                named.append(ref)
    if ctx.home_outside is None and (not units or units[0].precision == "prefecture"):
        decoded = [unit_ref(c) for c in _name_code_units(bare)]
        # its counties too, where the code is of Hunan's cities (株醴, 张吉怀: 醴陵, 吉首), not
        # a county's one character in another province's code (京津)
        hunan = any(ref.precision == "prefecture" for ref in decoded)
        for ref in decoded:
            if (hunan or ref.precision == "prefecture") and ref not in units:
                units.append(ref)
                named.append(ref)
    named_codes = {p.adcode for p in named}
    clause = re.split(r"[,，。;；\n]", text, maxsplit=1)[0]
    if _BARE_LABEL.match(bare) and _lists_units(text, context):
        # a label defined by the units it lists (“五极”即甲、乙、丙…): it holds them all
        spelled, named_codes = True, named_codes | {u.adcode for u in units if u.via == "admin"}
    elif _BARE_LABEL.match(bare) and clause and (_is_place_item(clause) or unit_chain(clause)):
        # a label defined as one unit or a chain of units (一主, 指中心城市甲市; “一纵”: 甲—乙—丙)
        spelled = True
        named_codes |= {u.adcode for u in places_in(clause, context=context)[0]}
    j = ctx.jurisdiction
    if j is not None and j.adcode is None:
        # a plan of a group of cities (长株潭): the group read in a name is the plan's own
        # territory, as a plan's own unit is, and says nothing of where the part lies
        units = [u for u in units if not (u.via == "group" and u.adcode in j.within)]
    # such a name holds them all, wherever the scope lies
    return [
        u
        for u in units
        if (spelled and u.adcode in named_codes)
        or _held(ctx, u, scope_codes, named=u.adcode in named_codes)
    ], feats


# A component named by its label alone (五极, 两翼).
_BARE_LABEL = re.compile(r"^[一二两三四五六七八九十\d]{1,2}[\u4e00-\u9fff]{1,2}$")


def _lists_units(text: str, context: str = "") -> bool:
    """Whether ``text`` lists units: two unit names apart by a list mark only (甲、乙; 甲市和乙县),
    not named in clauses of their own (北接甲、西连乙); ``context`` (the scope's names) supports
    short names.

    Examples
    --------
    >>> _lists_units("岳阳、常德、益阳和津市五个中心城市"), _lists_units("北接长沙、西连湘潭")
    (True, False)
    """
    full = f"{context}\n{text}"
    refs = [r for r in admin_refs(full) if r[3] != "township" and r[0] > len(context)]
    return any(
        full[a[1] : b[0]] in ("、", "和", "及", "与", "以及") for a, b in itertools.pairwise(refs)
    )


# A definition listing the units a component is made of (包括甲区、乙县; 由甲区和乙区组成).
_LISTED = re.compile(r"(?:包括|包含|涵盖|范围为|由)([^。;；]{2,80}?)(?:[。;；,，]|组成|构成|$)")


def _held(ctx: _Ctx, unit: PlaceRef, scope_codes: list[str], *, named: bool) -> bool:
    """Whether a unit found for a component is one of its places (see _component_places)."""
    j = ctx.jurisdiction
    code = unit.adcode or ""
    if j is not None and code == j.adcode and all(s == code for s in scope_codes):
        return False  # the plan's own unit, where the structure lies within it
    if ctx.home_outside:
        # a plan of a unit outside Hunan: every unit its part's name and text name is the
        # part's (the scope, read from the places named before a structure, keeps a Hunan
        # plan's parts to its jurisdiction; elsewhere it cut more places right than wrong:
        # places F1 0.570 -> 0.586 on the sets before D, 0.577 -> 0.598 on sets D to FW)
        return True
    if not scope_codes or ctx.province in scope_codes:
        return True
    if code in scope_codes:
        return named
    return any(unit_ref(s).precision == "prefecture" and code[:4] == s[:4] for s in scope_codes)


def _name_code_units(name: str) -> list[str]:
    """Hunan adcodes of a code of one-character abbreviations heading a name (渝长厦, 醴炎),
    when no place name is matched inside it."""
    table = abbreviations()
    n = 0
    while n < min(len(name), 5) and name[n] in table:
        n += 1
    if n < 2 or admin_refs(name[:n]):
        return []
    _names, adcodes, _undecoded = decode_code(name[:n])
    return adcodes


# A code of places written with a dash between its characters, heading a name (营—盘, 长—株—潭).
_DASH_CODE = re.compile(r"[\u4e00-\u9fff](?:[—–-][\u4e00-\u9fff]){1,3}(?![—–-])")


def _dash_code_units(name: str, home: str | None) -> list[str]:
    """Adcodes of a code of places written with dashes heading a name (营—盘滨海旅游服务中心:
    营口市, 盘锦市; 葫—锦), read as :func:`decode_code` reads a code, or :func:`decode_near` in a
    plan of a unit outside Hunan (adcode ``home``): every character must name one city or county
    (no province: 湘—赣边 is a border area). The dash between single characters says the name
    is a code, so the plan need not name its places elsewhere.

    Examples
    --------
    >>> [unit_ref(a).name for a in _dash_code_units("葫—锦滨海旅游服务中心", "211400")]
    ['葫芦岛市', '锦州市']
    >>> _dash_code_units("湘—赣边区域合作示范区", None)
    []
    """
    m = _DASH_CODE.match(name)
    if m is None:
        return []
    code = re.sub(r"[—–-]", "", m.group())
    if home is None:
        names, _hunan, undecoded = decode_code(code)
    else:
        names, _hunan, undecoded = decode_near(code, home)
    units = [unit_named(n) for n in names]
    if undecoded or len(units) != len(code) or None in units:
        return []
    codes = [u.adcode for u in units if u is not None and u.level in ("prefecture", "county")]
    return codes if len(set(codes)) == len(code) else []


# What follows a code of places heading a part's name (甲乙城镇发展轴, 甲乙丙都市区): the
# kind of area or corridor the places make together.
_AFTER_NAME_CODE = re.compile(
    r"(?:城镇|都市|城市|发展|经济|产业|一体化|同城|协同|生态|文化|旅游|走廊|通道|组团|片区|轴|带|廊)"
)


def _name_code_near(name: str, home: str, text: str) -> list[str]:
    """Adcodes of a code of places heading a name (烟威都市区, 哈大齐牡发展带) in a plan of a
    unit outside Hunan (adcode ``home``), read by :func:`decode_near`: the first head of two to
    five characters followed by the kind of area the places make (:data:`_AFTER_NAME_CODE`),
    when it names no place itself and decodes whole into as many units, each of which the
    plan's ``text`` names (by full or short name): words are no code (古都文化轴, 大黑山).

    Examples
    --------
    >>> text = "烟台、威海两市"
    >>> [unit_ref(a).name for a in _name_code_near("烟威都市区", "370687", text)]  # 海阳市
    ['烟台市', '威海市']
    >>> _name_code_near("古都文化发展轴", "610112", "古浪县")
    []
    """
    for n in range(2, min(len(name) - 1, 5) + 1):
        code = name[:n]
        if not _AFTER_NAME_CODE.match(name, n):
            continue
        if admin_refs(code):
            return []
        names, _hunan, undecoded = decode_near(code, home)
        units = [u for u in map(unit_named, names) if u is not None]
        if not undecoded and len({u.adcode for u in units}) == n:
            if all(u.short_name in text for u in units):
                return [u.adcode for u in units]
            return []
    return []


def _item_text(name: str, body: str, siblings: list[str]) -> str:
    """The sentences of a shared definition body that speak of one item (its name alone
    when the sentences name its siblings too), and the sentences after one of them on its
    line that name no sibling: plans name an item, then say where it lies (——甲副中心。位于
    乙区,由…组成).

    Examples
    --------
    >>> body = "——甲副中心。位于乙区,沿江布局。\\n——丙副中心。位于丁县。"
    >>> _item_text("甲副中心", body, ["丙副中心"])
    '——甲副中心。位于乙区,沿江布局。\\n'
    """
    if not siblings:
        return body
    keys = _item_keys(name, region())
    others = {k for o in siblings for k in _item_keys(o, region())} - keys
    picked = []
    on = False
    for sent in re.split(r"(?<=[。;；\n])", body):
        if any(o in sent for o in others):
            on = False
        elif on or any(k in sent for k in keys):
            picked.append(sent)
            on = True
        on = on and not sent.endswith("\n")
    return "".join(picked)


@lru_cache(maxsize=4096)
def _item_keys(name: str, _region: str) -> frozenset[str]:
    """Ways the text refers back to an item: its name without asides, its last six
    characters, its name without the leading place (长株潭中部发展带 -> 中部发展带) and that
    place (a list sharing a noun names its items by their places: 甲、乙产业板块).
    ``_region`` is the region names are read in (:func:`reading_region`), a key of the cache."""
    key = re.sub(r"[(（][^()（）]*[)）]", "", strip_long_parens(name))
    keys = {key, key[-6:]} if len(key) > 6 else {key}
    refs = admin_refs(key)
    head = refs[0][1] if refs and refs[0][0] == 0 else 0
    # a county's short name heading the name (溆浦产业板块), which admin_refs reads only in context
    head = head or next((n for n in (3, 2) if len(gazetteer.lookup(key[:n])) == 1), 0)
    if head and len(key) - head >= 3:
        keys.add(key[head:])
        keys.add(key[:head])
    return frozenset(k for k in keys if k)


def _full_name(section: str, name: str) -> str:
    """The proper name behind a name headed by a quoted code: in a section titled
    "增强“3+5”城市群的..." the body says "“3+5”环长株潭城市群", so the name is 环长株潭城市群."""
    m = re.match(r"([0-9A-Za-z+＋]+)([\u4e00-\u9fff]{1,6})$", name)
    if not m:
        return name
    code, rest = m.groups()
    full = re.search(
        rf"{re.escape(code)}[”\"]?([\u4e00-\u9fff]{{1,10}}?{re.escape(rest)})", section
    )
    return full.group(1) if full else name


def _heading_components(ctx: _Ctx, pos: int, tokens: list[tuple[str, str]]) -> list[tuple]:
    """Components recovered from headings following a chapter intro that names the structure.

    The headings are those of the chapter (第X章) the name stands in, never those of the next
    chapter: a plan that names the province's structure at the end of 第一章 does not title
    its parts in 第二章 (a later section of its own chapter may: 第一节 总体格局 names
    “四区”, 第二节 功能分区 titles them).
    """
    limit = pos + HEADING_WINDOW_CHARS
    heads = [s for s in ctx.sections if pos < s.span[0] < limit and 3 <= s.level <= 5]
    holder = max(
        (s for s in ctx.sections if s.span[0] <= pos < s.span[1] and s.level <= 2),
        key=lambda s: s.level,
        default=None,
    )
    if holder is not None:
        heads = [h for h in heads if h.level > holder.level and h.span[0] < holder.span[1]]
    out = []
    used: set[int] = set()
    for numeral, role in tokens:
        need = count_of(numeral) or 0
        if not need:
            continue
        suffixes = ROLE_SUFFIX.get(role, ())
        if not suffixes:
            continue
        got = 0
        for i, h in enumerate(heads):
            if i in used:
                continue
            title = re.sub(r"^(?:第.{1,3}节|[(（][一二三四五六七八九十]+[)）])", "", h.title)
            title = title.rstrip("。. |")
            m = re.search(rf"([^\s,，。]{{2,20}}?(?:{'|'.join(map(re.escape, suffixes))}))", title)
            if not m:
                continue
            name = clean_name(
                re.sub(
                    r"^(?:做大做强|做强做优|打造|培育|建设|推动|增强|构筑|加快)+", "", m.group(1)
                )
            )
            if not name:
                continue
            name = _full_name(ctx.text[h.span[0] : h.span[1]], name)
            used.add(i)
            first_nl = ctx.text.find("\n", h.span[0])
            second_nl = ctx.text.find("\n", first_nl + 1, h.span[0] + 1500)
            end = min(h.span[1], second_nl if second_nl != -1 else h.span[0] + 1500)
            out.append((role, name, (h.span[0], end)))
            got += 1
            if need and got >= need:
                break
    roles = Counter(role for role, _n, _s in out)
    # parts of two tokens, or every part of one counted token (一城三区: 三区 titles three
    # sub-headings, 一城 none)
    whole = any(roles[role] == count_of(numeral) and roles[role] >= 2 for numeral, role in tokens)
    if len(roles) < min(2, len(tokens)) and not whole:
        return []
    return out


def _at_first(
    occs: list[tuple[int, int]],
    find: Callable[[Any, int, list[tuple[str, str]]], list],
    source: Any,
    tokens: list[tuple[str, str]],
) -> tuple[list, tuple[int, int] | None]:
    """What ``find(source, end, tokens)`` finds after the first mention of a name where it finds
    anything, and that mention's span (``([], None)`` where it finds nothing)."""
    for s2, e2 in occs[:MAX_OCCURRENCES]:
        found = find(source, e2, tokens)
        if found:
            return found, (s2, e2)
    return [], None


def _headings_below(ctx: _Ctx, pos: int, tokens: list[tuple[str, str]]) -> list[tuple]:
    """Parts titled by the headings right below a mention (the next within 200 characters)."""
    if ctx.next_heading(pos, 5) - pos >= 200:
        return []
    return _heading_components(ctx, pos, tokens)


# A box's title line (专栏1 新区城市组团) and a line of it led by a name and a colon (甲组团: …).
_BOX_TITLE = re.compile(r"\s*(?:专栏|表)\s*[0-9一二三四五六七八九十]{0,3}[^\n]{0,30}\n")
_BOX_LINE = re.compile(r"[ \t]*([^\s:：,，。;；、“”]{2,16})[:：][^\n]*(?:\n|$)")


def _box_components(text: str, pos: int, tokens: list[tuple[str, str]]) -> list[tuple]:
    r"""Parts listed in the box (or the lines) right after the paragraph naming a structure, a
    line each led by its name and a colon, the name of a token's kind, as many lines as that
    token counts (“一山、两区、三组团”…\n专栏1 城市组团\n甲组团:位于…\n乙组团:…\n丙组团:…).

    >>> t = "构建“一山、三组团”结构。\n专栏1 城市组团\n甲组团:位于甲镇\n乙组团:隶属乙区\n丙组团:…\n"
    >>> [(r, n) for r, n, _s in _box_components(t, 9, [("一", "山"), ("三", "组团")])]
    [('组团', '甲组团'), ('组团', '乙组团'), ('组团', '丙组团')]
    """
    nl = text.find("\n", pos)
    if nl == -1:
        return []
    at = nl + 1
    title = _BOX_TITLE.match(text, at)
    if title is not None:
        at = title.end()
    lines = []
    while len(lines) <= 12:
        m = _BOX_LINE.match(text, at)
        if m is None:
            break
        lines.append((m.group(1), (m.start(), m.end())))
        at = m.end()
    for numeral, role in tokens:
        k = count_of(numeral) or 0
        suffixes = (*ROLE_SUFFIX.get(role, ()), role)
        if k >= 2 and len(lines) == k and all(n.endswith(suffixes) for n, _s in lines):
            return [(role, n, span) for n, span in lines]
    return []


# A structure named by counts in quotes (“3+5”城市群, “1+4+2”城市圈, “1147”), and the
# definition of one of its counts (“3”指甲、乙、丙三市; 第二个“1”指乙景区).
_DIGIT_NAME = re.compile(
    r"[“\"]((?:[0-9]{1,2}|N)(?:[+＋](?:[0-9]{1,2}|N)){1,4}|[1-9]{3,4})[”\"]"
    # unquoted, as web copies and OCR give it: digits only, at a word's edge (3+5环长株潭城市群)
    r"|(?<![0-9A-Za-z.+＋%])([0-9]{1,2}(?:[+＋][0-9]{1,2}){1,4})(?![0-9A-Za-z.%+＋])"
)
# What a digit name must govern to be spatial: a group of cities or a layout (“3+5”环长株潭城市群).
_DIGIT_SPACE = re.compile(
    r"[\u4e00-\u9fff]{0,6}?(?:城市群|城市圈|都市圈|经济圈|格局|布局|空间结构)"
)
# How far after a digit name its counts' definitions are looked for.
DIGIT_REACH = 400
_ORDINALS = "一二三四五"
# A definition that lists places only, closed by their count (甲、乙、丙三市): the count's parts
# are those places, and it is named by its count.
_PLACES_COUNTED = re.compile(r"[一二三四五六七八九十两]个?(?:市|县|区|县市|县市区|市州|州市|城市)$")


# A digit name's counts spelled out in brackets right after it (“1+4”(1个核心区+4个联动区)).
_DIGIT_SPELLED = re.compile(r"\s*[(（]([^()（）]{4,80})[)）]")


def _spelled_kinds(inside: str, parts: list[str]) -> list[str]:
    """The kinds a bracket spells a digit name's counts out as, one item a count in its order
    (1个核心区+4个联动区 for 1+4), or [] when they do not answer its counts.

    >>> _spelled_kinds("1个光伏产业核心区+4个重点发展区", ["1", "4"])
    ['光伏产业核心区', '重点发展区']
    """
    items = re.split(r"[+＋]", inside)
    if len(items) != len(parts):
        return []
    kinds = []
    for item, part in zip(items, parts, strict=True):
        m = re.fullmatch(
            r"\s*([0-9]{1,2}|N|若干|多)(?:个|条|座|处|片)?([\u4e00-\u9fff]{2,12})\s*", item
        )
        if m is None or (m.group(1) != part and part != "N"):
            return []
        kinds.append(m.group(2))
    return kinds


def _digit_parts(pattern: str) -> list[str]:
    """The counts of a digit name, as written: 3+5 -> 3, 5; 1147 -> 1, 1, 4, 7."""
    return pattern.split("+") if "+" in pattern else list(pattern)


def _digit_definition(window: str, part: str, nth: int) -> re.Match | None:
    """The definition of a name's ``nth`` count written ``part`` (0 the first): 第二个“1”指…,
    else the nth definition of that count."""
    quoted = rf"(?:[“\"]{re.escape(part)}[”\"]|(?<![0-9A-Za-z.+＋]){re.escape(part)}(?![0-9.]))"
    say = r"[,，]?\s*(?:是指|指|即为|即|为|是)([^。;；)）]{2,80})"  # (“4”,即甲、乙…)
    if nth < len(_ORDINALS):
        d = re.search(rf"第{_ORDINALS[nth]}个{quoted}{say}", window)
        if d:
            return d
    found = list(re.finditer(quoted + say, window))
    return found[nth] if nth < len(found) else None


def _digit_structures(ctx: _Ctx) -> list[Structure]:
    """Structures named by counts (“3+5”城市群, “1147”), each count a part defined where the text
    says what it is (“3”指甲、乙、丙三市; 第一个“1”指甲板块; “4”指甲、乙、丙、丁四个支点).

    A count defined by places it counts (甲、乙、丙三市) is a part named by the count, its places
    those units; one defined by names is those named parts. A digit name counts places when it
    governs a group of cities or a layout, or when each of its counts is defined (“3+N”产业集群
    and “1+N”文件体系 count other things); named but not defined, it is a cited structure.

    Examples
    --------
    >>> from geoplan.corpus import read_text
    >>> x = extract_plan(read_text("甲市规划 “3+5”城市群(“3”为长沙、株洲、湘潭三市)。"))
    >>> [(c.name, [p.name for p in c.places]) for c in x.structures[0].components]
    [('3', ['长沙市', '株洲市', '湘潭市'])]
    """
    text = ctx.text
    out: list[Structure] = []
    seen: dict[str, Structure] = {}
    for m in _DIGIT_NAME.finditer(text):
        group = 1 if m.group(1) else 2
        pattern = m.group(group).replace("＋", "+")
        window = text[m.end() : m.end() + DIGIT_REACH]
        parts = _digit_parts(pattern)
        spelled = _DIGIT_SPELLED.match(window) if group == 1 else None
        kinds = _spelled_kinds(spelled.group(1), parts) if spelled else []
        if kinds:  # “1+4”(1个核心区+4个联动区)的布局: each count's kind, then what it governs
            window = window[spelled.end() :]
        defined = [_digit_definition(window, p, parts[:i].count(p)) for i, p in enumerate(parts)]
        every = all(defined) or bool(kinds)
        earlier = seen.get(pattern)
        if earlier is not None and (earlier.components or not every):
            earlier.mentions += 1
            continue
        # (named first where nothing defines it, defined under a later heading: that mention)
        if len(seen) >= MAX_OCCURRENCES or not (_DIGIT_SPACE.match(window) or every):
            continue
        if group == 2 and not _DIGIT_SPACE.match(window[:12]):
            continue  # unquoted: the group of cities must follow at once
        if "+" not in pattern and not every:
            continue  # a number (“2035”), unless each of its digits is defined
        scope, scope_places = _scope(ctx, m.start())
        components: list[Component] = []
        for part, kind in zip(parts, kinds, strict=False):
            span, quote = ctx.quote((m.end() + 1, m.end() + spelled.end() - 1))
            units, feats = _component_places(ctx, kind, "", scope_places)
            components.append(Component(part, kind, tuple(span), quote, units, feats, False, 0.8))
        for part, d in zip(parts, [] if kinds else defined, strict=False):
            if d is None:
                continue
            head = re.split(r"[,，]", d.group(1), maxsplit=1)[0]
            span, quote = ctx.quote((m.end() + d.start(), m.end() + d.end()))
            names = [] if _PLACES_COUNTED.search(head) else _digit_named(head)
            for name in names or [part]:
                # a count of places holds the units it lists; a named part, those of its name
                units, feats = (
                    _component_places(ctx, name, "", scope_places) if names else places_in(head)
                )
                components.append(
                    Component(part, name, tuple(span), quote, units, feats, False, 0.8)
                )
        sspan, _q = ctx.quote((m.start(group), m.end(group)))
        _s, quote = ctx.quote(_sentence(text, m.start(group), m.end(group)))
        if earlier is not None:
            out.remove(earlier)
        seen[pattern] = Structure(
            pattern,
            scope,
            tuple(sspan),
            quote,
            0.8 if components else 0.6,
            "layout" if components else "cited",
            components,
            scope_places,
        )
        if earlier is not None:
            seen[pattern].mentions = earlier.mentions + 1
        out.append(seen[pattern])
    return out


def _digit_named(head: str) -> list[str]:
    """The parts a count's definition names, its count word dropped (甲、乙两个支点 -> 甲, 乙),
    or [] when it names places only (长沙、株洲、湘潭) or nothing that is a name.

    >>> _digit_named("甲坳、乙谷两个支点"), _digit_named("县城板块"), _digit_named("长沙、株洲")
    (['甲坳', '乙谷'], ['县城板块'], [])
    """
    items = [i.strip() for i in re.split(r"[、]|和|及|与", head) if i.strip()]
    if not items:
        return []
    last = re.sub(r"[一二三四五六七八九十两]个?[\u4e00-\u9fff]{1,4}$", "", items[-1])
    if len(items) > 1 and last:
        items[-1] = last
    if all(admin_refs(i) and admin_refs(i)[0][1] - admin_refs(i)[0][0] == len(i) for i in items):
        return []  # units alone: the count names them
    return [i for i in items if 2 <= len(i) <= 20]


# A counted noun of a kind of area (七个功能区, 三大乡村游板块): numeral, measure word, what
# kind, and the area word its parts end in.
_KIND_NAME = re.compile(
    r"(?<![一二三四五六七八九十两\d第.])([二三四五六七八九十两]|[2-9](?![0-9]))(?:个|大)"
    r"([\u4e00-\u9fff]{0,5}?)"
    r"(功能区|片区|板块|组团|园区|景区|节点|区域|区(?!块|的?市)|园)(?![\u4e00-\u9fff]{0,2}(?:之一|中的))"
    # in quotes, the whole quoted name, its kind longer (“六大沟域旅游产业聚集区”)
    r"|(?<=[“\"「])([二三四五六七八九十两])(?:个|大)([\u4e00-\u9fff]{6,10}?)"
    r"(功能区|片区|板块|组团|园区|景区|区(?!块)|园)(?=[”\"」])"
)  # (四个区块: blocks, a word of its own, not 四个区)
# What the name of an area ends with.
_AREA_WORDS = ("区", "园", "片", "组团", "板块", "基地", "中心", "城", "带")
# A numbered item opening its line: 1. / 1、/ ① / (1) / a keycap emoji (1️⃣), or a heading
# numbered in words ((一) / 一、).
_ITEM_NUMBER = re.compile(
    r"^[ \t]*(?:([0-9]{1,2})(?:\ufe0f?\u20e3|[.、．])|([①②③④⑤⑥⑦⑧⑨⑩])|[(（]([0-9]{1,2})[)）]"
    r"|[(（]([一二三四五六七八九十]{1,2})[)）]|([一二三四五六七八九十]{1,2})、)[ \t]*",
    re.M,
)
# How far below its start a numbered run looks for each of its items.
NUMBERED_ITEM_REACH = 400


def _numbered_run(text: str, pos: int, k: int, *, lead: int = 0) -> list[str]:
    r"""The items of lines numbered 1 to ``k`` below ``pos``, with lines of description between
    them (1️⃣ 甲园\n顾名思义…\n\n2️⃣ 乙园…): the first clause of each numbered line. The
    first opens one of the ``lead + 1`` lines after ``pos``'s line.

    >>> _numbered_run("分别是:\n1. 甲园\n主打工业。\n2. 乙园\n主打物流。", 4, 2)
    ['甲园', '乙园']
    >>> t = "第一节 三大片区\n全县建设三大片区。\n(一)甲片区\n…\n(二)乙片区\n…\n(三)丙片区\n"
    >>> _numbered_run(t, 8, 3), _numbered_run(t, 8, 3, lead=1)
    ([], ['甲片区', '乙片区', '丙片区'])
    """
    circled = "①②③④⑤⑥⑦⑧⑨⑩"
    out: list[str] = []
    style = None  # the form of its numbers, the same down the run
    reach = min(len(text), pos + NUMBERED_ITEM_REACH * max(k, 2))
    first = text.find("\n", pos)  # the line break before the last line the run may open
    for step in range(lead + 1):
        while first != -1 and text.startswith("\n", first + 1):
            first += 1  # (blank lines count for none)
        if step < lead and first != -1:
            first = text.find("\n", first + 1)
    for m in _ITEM_NUMBER.finditer(text, pos, reach):
        if not out and (first == -1 or m.start() > first + 1):
            break  # (not a run further down, under another heading)
        form = next(i for i in range(1, 6) if m.group(i))
        digit = m.group(1) or m.group(3)
        words = m.group(4) or m.group(5)
        if digit:
            number = int(digit)
        elif words:
            number = count_of(words)
        else:
            number = circled.index(m.group(2)) + 1
        if number != len(out) + 1 or style not in (None, form):
            break
        style = form
        end = text.find("\n", m.end())
        line = text[m.end() : end if end != -1 else len(text)]
        out.append(re.split(r"[,，;；。:：]|——", line.strip(), maxsplit=1)[0])
        if len(out) == k:
            return out
    return []


# A direction alone, naming a part by where it lies (东部, 西南).
_DIRECTION = re.compile(r"[东西南北中]部|[东西][南北]|[东西南北]片?")
# The names a counted noun of a kind closes, after 由 or 包括 (由甲、乙、丙三大景区组成).
_TOKEN_SPAN_RE = re.compile(TOKEN)
_KIND_BEFORE = re.compile(
    r"(?:由|包括|分为|划分为|把|将|划定)([^由。;；:：\n]{2,80}?)[“\"「]?$"
)  # (划定甲组团、乙组团“两大组团”: the parts named by what is drawn)
_LIST_SPLIT_RE = re.compile(r"[、,，]|和|及|与")
# The verb a list of what is divided or merged ends before (把十个镇街归并为甲、乙三大组团).
_DIVIDED_INTO = re.compile(r"(?:归并|整合|合并|划|分|调整|确定|设)为")
_BRACKETED_LIST = re.compile(r"[(（]([^()（）\n]{4,120})[)）]")
# What introduces its parts right after it: 依次为:, 分别是:, 包括.
# A clause after a counted noun that ends in a colon and a line break: the list is below it.
_CLAUSE_BEFORE_LIST = re.compile(r"[^。:：\n]{0,80}[:：][ \t]*\n")
_KIND_MARK = re.compile(
    r"[”\"」』]?(?:(?:组成|构成)[,，]?)?[,，]?(?:依次为|分别为|分别是|包括|即)?[:：]?"
)


def _ends_of(area: str) -> tuple[str, ...]:
    """What the names of the parts of a counted kind of area end with: the kind, or for
    functional areas any word of an area (五个功能区: 甲园、乙园、丙组团)."""
    return _AREA_WORDS if area == "功能区" else (area,)


class _KindMatch:
    """A match of :data:`_KIND_NAME` read the same whichever of its forms matched."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m
        self._base = 0 if m.group(1) else 3

    def group(self, i: int = 0) -> str:
        return self._m.group(i + self._base if i else 0)

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


def _kind_structures(ctx: _Ctx, found: list[Structure]) -> list[Structure]:
    """Structures named by a counted noun of a kind of area, whose parts follow it as a list
    of exactly that count, each ending in the area word (园区划分为七个功能区,依次为:①甲区;
    ②乙区; …), or whose heading names the kind above a structure of the same count and area
    word (第三节 三大乡村游板块 / 分为三个板块,分别是: …), which then takes the heading's name.
    ``found`` holds the structures found so far."""
    text = ctx.text
    out: list[Structure] = []
    known = {x.pattern for x in found}
    for m in map(_KindMatch, _KIND_NAME.finditer(text)):
        name = m.group()
        if name in known or len(out) >= MAX_OCCURRENCES or "辖" in m.group(2):
            continue  # (甲区、乙区两个市辖区: the units a city governs, an inventory)
        k = count_of(m.group(1))
        area = m.group(3)
        mark = _KIND_MARK.match(text, m.end())
        pos = mark.end() if mark else m.end()
        own_lines = False  # each part on a line of its own, which says what it is
        kind_after = ""  # the kind a part named by its direction alone takes (东部 | 组团)
        before = _KIND_BEFORE.search(text, max(0, m.start() - 90), m.start())
        if (
            before is not None
            and not _LIST_SPLIT_RE.split(_DIVIDED_INTO.split(before.group(1))[-1])[-1].strip()
        ):
            before = None  # 将全县划分为“四大片区”, 分别为…: what is divided, its parts after
        lead = text[max(0, m.start() - 120) : before.start()] if before is not None else ""
        lead = re.split(r"[。;；\n]", lead)[-1]
        labelled = any(
            t.group() in p for t in _TOKEN_SPAN_RE.finditer(lead) for p in known
        )  # (a token of a phrase that names no structure found, 内结一体, is no label)
        if before is not None and not labelled:
            # (not 本规划所称三区, 包括甲、乙和丙三个板块: the parts of a label found already)
            # 由甲、乙、丙、丁四大景区组成: the names before the count, which it qualifies
            listed = before.group(1)
            # 把十个镇街归并为甲、乙三大组团: the list after the verb that 为 completes
            verbs = list(_DIVIDED_INTO.finditer(listed))
            cut = verbs[-1].end() if verbs else 0
            items = [i.strip() for i in _LIST_SPLIT_RE.split(listed[cut:])]
            pos = before.start(1) + cut
            area = ""
            if all(_DIRECTION.fullmatch(i) for i in items):
                # 东部、北部、西南三大组团: parts named by their directions take the kind
                kind_after, area = m.group(3), m.group(3)
        elif (inside := _BRACKETED_LIST.match(text, pos)) is not None:
            # 划分为七大景区(甲景区、乙景区…): the parts in brackets after the count
            items = [i.strip() for i in re.split(r"[、,，;；]", inside.group(1))]
            pos = inside.start(1)
        elif (
            text.startswith("\n", pos)
            or not text[pos:].strip()
            or (below := _CLAUSE_BEFORE_LIST.match(text, pos)) is not None
        ):
            # the list on the lines below, after the name or the clause that introduces it
            # (即以十个片区为单元…,各区域范围如下:\n(一)甲区域,…)
            if not text.startswith("\n", pos) and text[pos:].strip() and below is not None:
                pos = below.end() - 1
            items = _list_lines(text, pos - 1 if text.startswith("\n", pos) else pos)
            own_lines = True
            if k and len(items) < k:
                # a heading counting its parts, one paragraph, then their numbered headings
                line_start = text.rfind("\n", 0, m.start()) + 1
                heading = text.startswith("\n", m.end()) and m.end() - line_start <= 30
                items = _numbered_run(text, pos, k, lead=int(heading)) or items
            if k and len(items) < k and re.match(r"\s*(?:一是|其一)", text[pos:]):
                # the lines right below counted in words (一是甲区, …;\n二是乙区, …)
                listed = _enumerated(text[pos:])
                items = listed if len(listed) == k else items
            items = [i.rstrip("。;； ") for i in items]
        else:
            stop = min([x for x in (text.find(c, pos) for c in "。\n") if x != -1] or [len(text)])
            while text.startswith("\n", stop) and text[stop - 1 : stop] in (";", "；"):
                # a list apart by semicolons goes on after a line break (甲片区;\n乙片区。)
                nxt = [x for x in (text.find(c, stop + 1) for c in "。\n") if x != -1]
                stop = min(nxt or [len(text)])
            segment = text[pos:stop]
            if len(re.findall(r"[;；]", segment)) >= 2:
                # 甲片区,位于…,以居住为主;乙片区;丙片区: items apart by semicolons, each its name
                # before the comma that opens its description
                items = [re.split(r"[,，]", i)[0].strip() for i in re.split(r"[;；]", segment)]
            else:
                first = re.split(r"[,，]", segment, maxsplit=1)[0]
                if "、" in first:
                    segment = first  # 甲片区、乙片区和丙片区, 引导…: the list is the first clause
                items = [i.strip() for i in re.split(r"[、;；]|和(?=[^、]*$)", segment)]
                commas = [i.strip() for i in re.split(r"[,，]", segment)]
                if (
                    "、" not in segment
                    and mark is not None
                    and mark.group()
                    and len(commas) == k
                    and all(len(c) <= 16 for c in commas)
                ):
                    # 分别为:甲片区,乙—丙片区,丁片区: names parted by commas, as many as counted,
                    # after the words that introduce them (a list mark within a name, 乙—丙,
                    # leaves the comma to part them)
                    items = commas
            quoted = text[m.start() - 1 : m.start()] in ("“", '"', "「")
            led = _semicolon_leads(text[stop:], k, (m.group(3),)) if k and quoted else []
            if led and not all(clean_name(i).endswith(m.group(3)) for i in items):
                # 以“三大组团”为基础进行组织。甲组团位于西部…;乙组团位于东部…;丙组团…: a
                # quoted count's parts lead the clauses of the next sentence, as many as it
                # counts
                items, pos = led, stop
            line_end = text.find("\n", m.end())
            inline = [clean_name(i) for i in items]
            if (
                k
                and not (len(inline) == k and all(n and n.endswith(_ends_of(area)) for n in inline))
                and line_end != -1
                and _ITEM_NUMBER.match(text, line_end + 1)
            ):
                # 全县重点建设三大功能区, 推动…。\n(一)甲功能区\n…(二)乙功能区: the parts title
                # the numbered lines or headings below the paragraph that counts them
                run = _numbered_run(text, line_end, k)
                if run:
                    items, pos, own_lines = run, line_end, True
        spans = []
        at = pos
        for i in items:
            at = text.find(i, at)
            spans.append((at, at + len(i)))
        names = [clean_name(i + kind_after) for i in items]
        ends = _ends_of(area)
        if not k or len(names) != k or not all(n and n.endswith(ends) for n in names):
            _name_from_heading(text, m, found)
            continue
        if not area and not all(2 <= len(n) <= 12 for n in names):
            continue
        area = area or m.group(3)
        area = "区" if area == "功能区" else area  # the parts of functional areas are areas
        if any(set(names) <= {c.name for c in x.components} for x in [*found, *out]):
            # the parts of a structure found by its token (三大组团,即三个跨界组团), which a
            # heading may name (第三节 三大乡村游板块 / 分为三个板块: 1. …)
            _name_from_heading(text, m, found)
            continue
        known.add(name)
        scope, scope_places = _scope(ctx, m.start())
        components = []
        # the items of a list of places vouch for one another (甲工业区、乙、丙、丁四大组团:
        # 乙, 丙 and 丁 are districts by their short names)
        whole = text[spans[0][0] : spans[-1][1]] if spans else ""
        listed = _component_places(ctx, "", whole, [])[0] if len(names) >= 3 else []
        for n, span in zip(names, spans, strict=True):
            end = text.find("\n", span[1]) if own_lines else span[1]
            own = text[span[0] : end if end != -1 else len(text)]
            places, feats = _component_places(ctx, n, own, scope_places)
            if not places:
                places = [u for u in listed if u.name.startswith(n) and len(n) >= 2]
            cspan, quote = ctx.quote(span)
            components.append(Component(area, n, tuple(cspan), quote, places, feats, False, 0.8))
        sspan, _q = ctx.quote((m.start(), m.end()))
        _s, quote = ctx.quote(_sentence(text, m.start(), m.end()))
        out.append(
            Structure(name, scope, tuple(sspan), quote, 0.8, "layout", components, scope_places)
        )
    for m in _KIND_HEADING.finditer(text):
        # 一、四景区 / 风景名胜区由甲景区、乙景区、丙景区和丁景区构成: a heading naming the count
        # of a kind, its parts listed after 由 in the sentence below it
        name, k, area = m.group(1), count_of(m.group(2)), m.group(3)
        if name in known or len(out) >= MAX_OCCURRENCES or not k:
            continue
        made = _KIND_MADE_OF.match(text, m.end())
        if made is None:
            continue
        items = [i.strip() for i in _LIST_SPLIT_RE.split(made.group(1))]
        names = [clean_name(i) for i in items]
        if len(names) != k or not all(n and n.endswith(area) and len(n) <= 16 for n in names):
            continue
        known.add(name)
        scope, scope_places = _scope(ctx, m.start(1))
        components = []
        at = made.start(1)
        for n in names:
            at = text.find(n, at)
            places, feats = _component_places(ctx, n, n, scope_places)
            cspan, quote = ctx.quote((at, at + len(n)))
            components.append(Component(area, n, tuple(cspan), quote, places, feats, False, 0.8))
        sspan, _q = ctx.quote((m.start(1), m.end(1)))
        _s, quote = ctx.quote(_sentence(text, m.start(1), m.end(1)))
        out.append(
            Structure(name, scope, tuple(sspan), quote, 0.8, "layout", components, scope_places)
        )
    return out


# A heading that is a bare counted noun of a kind (一、四景区; (二)三片区), and the sentence below
# it that lists its parts after 由.
_KIND_HEADING = re.compile(
    r"^[ \t]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+节"
    r"|[(（][一二三四五六七八九十]+[)）])?"
    r"[ \t]*(([二三四五六七八九十两])(功能区|片区|板块|组团|园区|景区))[ \t]*$",
    re.M,
)
_KIND_MADE_OF = re.compile(r"\n[^\n。;；]{0,20}?由([^由。;；:：\n]{4,120}?)(?:共同)?(?:构成|组成)")


# How far below its heading a counted noun of a kind looks for the structure it names.
KIND_HEADING_REACH = 200


def _name_from_heading(text: str, m: _KindMatch, found: list[Structure]) -> None:
    """A heading that is a counted noun of a kind (第三节 三大乡村游板块) names the structure of
    the same count and area word just below it (分为三个板块,分别是: …), unless the plan writes
    that structure's name in quotes."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    if line_end == -1 or text[m.end() : line_end].strip() or line_end - line_start > 30:
        return
    below = text[line_end : line_end + KIND_HEADING_REACH]
    same = re.search(rf"{m.group(1)}(?:个|大)?{m.group(3)}", below)
    if same is None:
        return
    for x in found:
        if x.pattern == same.group() and x.components:
            if re.search(rf"[“「『\"]{re.escape(x.pattern)}[”」』\"]", text):
                return  # (第一节 三大组团 / “三组团”中，…: the plan's own term, in quotes)
            x.pattern = m.group()
            return


# A part said by its count and a measure word, with no name of its own (一条城市发展轴,
# 另一条…, 三条城市发展带, 四个功能分区), after the verb laying it out.
_DESCRIBED = re.compile(
    rf"^(?:沿[^,，。;；]{{1,10}}?)?(?:分别)?(?:形成|布置|设置|建设|打造|构建)?另?[{NUMERALS}]+"
    r"(?:个|条|座|处)"  # not 大: 八大公山 is a name
)


def _as_label(
    comps: list[RawComponent],
    tokens: list[tuple[str, str]],
    *,
    whole: Callable[[list[RawComponent]], bool],
    gather: bool,
) -> list[RawComponent]:
    """Where ``whole`` says the parts found for a role are no parts of their own, one part under
    the role's label replaces them; with ``gather``, spanning them all and holding their names
    as the text its places are read from."""
    label = {role: numeral + role for numeral, role in tokens}
    out: list[RawComponent] = []
    for c in comps:
        same = [d for d in comps if d.role == c.role]
        if c.role not in label or not whole(same):
            out.append(c)
        elif c is same[0] and gather:
            span = (min(d.span[0] for d in same), max(d.span[1] for d in same))
            names = "、".join(d.name for d in same)
            out.append(dataclasses.replace(c, name=label[c.role], span=span, places_text=names))
        elif c is same[0]:
            out.append(dataclasses.replace(c, name=label[c.role]))
    return out


def _written_labels(comps: list[RawComponent], pattern: str) -> list[RawComponent]:
    """Parts named by their label, the label as the name writes it (一个核心, not 一核心).

    >>> comps = [RawComponent("核心", "一核心", (0, 4)), RawComponent("带", "甲带", (5, 7))]
    >>> [c.name for c in _written_labels(comps, "一个核心、两条带")]
    ['一个核心', '甲带']
    """
    written = {}
    for m in re.finditer(TOKEN, pattern):
        ((numeral, role),) = tokens_of(m.group())
        written[numeral + role] = m.group()
    return [dataclasses.replace(c, name=written[c.name]) if c.name in written else c for c in comps]


def _described_parts(
    comps: list[RawComponent], tokens: list[tuple[str, str]]
) -> list[RawComponent]:
    """Where every part found for a role is only described by its count (沿甲路形成一条城市发展轴,
    沿乙河形成另一条城市发展轴), the label names the part: one part under the label.

    >>> comps = [RawComponent("轴", "一条城市发展轴", (0, 9)), RawComponent("核", "甲城", (0, 3))]
    >>> [c.name for c in _described_parts(comps, [("一", "核"), ("两", "轴")])]
    ['两轴', '甲城']
    """
    return _as_label(
        comps, tokens, whole=lambda same: all(_DESCRIBED.match(d.name) for d in same), gather=False
    )


def _one_list(text: str, comps: list[RawComponent]) -> bool:
    """Whether the parts' names stand in one list in their text (甲、乙两个组团)."""
    body = text[min(c.span[0] for c in comps) : max(c.span[1] for c in comps)]
    pattern = r"\s*(?:、|和|及|与|以及|,|，)\s*".join(re.escape(c.name) for c in comps)
    return re.search(pattern, body) is not None


def _units_as_label(
    text: str, comps: list[RawComponent], tokens: list[tuple[str, str]]
) -> list[RawComponent]:
    """Where the parts found for a role are two or more administrative units, each said in
    a clause of its own (北岸就是甲区, 南岸主要是乙区: not one list), the role is one group of
    places: one part under the label, holding them all (as 两翼即甲、乙两县).

    >>> text = "两岸:北岸就是资阳区,南岸主要是赫山区。"
    >>> comps = [RawComponent("岸", "资阳区", (3, 19)), RawComponent("岸", "赫山区", (3, 19))]
    >>> [(c.name, c.span, c.places_text) for c in _units_as_label(text, comps, [("两", "岸")])]
    [('两岸', (3, 19), '资阳区、赫山区')]
    """

    def units(same: list[RawComponent]) -> bool:
        return (
            len(same) >= 2
            and all(_is_place_item(d.name) for d in same)
            # a side and the role (东区, 西区 of 东西两区) is that side's part, not a unit so
            # named elsewhere
            and not any(d.name == d.name[:1] + d.role and d.name[:1] in "东西南北" for d in same)
            and not _one_list(text, same)
        )

    return _as_label(comps, tokens, whole=units, gather=True)


# Roles that name functions a place is to serve rather than parts of its space, when no part
# is defined: a name of these alone is a list of titles to earn.
_TITLE_ROLES = frozenset({"中心", "基地"})


def _by_role(
    tokens: list[tuple[str, str]], grammar: list[RawComponent], nearby: list[RawComponent]
) -> list[RawComponent]:
    """The parts of each role where the nearby reading defines roles the grammar of
    definitions leaves open: the nearby reading's, except where the grammar names a role's
    part by its label, a group of places (“两副”即甲、乙两个副中心城市) the nearby reading would
    split into names, the grammar's for the roles the nearby reading lacks (两带之一: 甲带) or
    only guesses, further on or around them, by names of the role's kind with no label before
    them. In the order of the name's tokens."""
    out: list[RawComponent] = []
    for role in dict.fromkeys(r for _n, r in tokens):
        mine = [c for c in grammar if c.role == role]
        near = [c for c in nearby if c.role == role]
        label = len(mine) == 1 and re.fullmatch(TOKEN, mine[0].name) is not None
        # (parts the nearby reading only guessed, their label lost, not wholly before those
        # defined under their label, yield to these: further on, or around them)
        guessed = (
            bool(mine)
            and bool(near)
            and all(c.label_lost for c in near)
            and min(c.span[0] for c in mine) < min(c.span[1] for c in near)
        )
        out += mine if label or guessed or not near else near
    return out


def _with_groups(ctx: _Ctx, pattern: str, components: list[Component]) -> list[Component]:
    """``components`` with a group before the parts of each counted label (三山, 两中心, 多点)
    of a name of two tokens or more that has two or more parts of its role and is not a
    component itself; the group spans its parts' text and takes their places and features
    together (see :class:`Component`). A name of one token (四山) is itself that group."""
    tokens = tokens_of(pattern)
    written = [t.group() for t in _TOKEN_SPAN.finditer(pattern)]
    if len(written) != len(tokens) or len(tokens) < 2:
        return components  # a name of one token (四山) is itself the group of its parts
    roles = [r for _n, r in tokens]
    names = {c.name for c in components}
    out = list(components)
    for (numeral, role), label in zip(tokens, written, strict=True):
        if numeral == "一" or roles.count(role) > 1 or label in names:
            continue
        parts = [c for c in components if c.role == role]
        if len(parts) < 2:
            continue
        # the parts' spans are in the original text already
        span = (min(c.span[0] for c in parts), max(c.span[1] for c in parts))
        quote = ctx.plan.original[span[0] : min(span[1], span[0] + QUOTE_CHARS)]
        places = list({(p.adcode or p.name): p for c in parts for p in c.places}.values())
        feats = list({f.name: f for c in parts for f in c.features}.values())
        group = Component(
            role,
            label,
            span,
            quote,
            places,
            feats,
            confidence=min(c.confidence for c in parts),
            members=[c.name for c in parts],
        )
        for c in parts:
            c.group = label
        out.insert(out.index(parts[0]), group)
    return out


def _structures(ctx: _Ctx) -> list[Structure]:
    text = ctx.text
    by_pattern: dict[str, list[tuple[int, int]]] = {}
    found = find_patterns(text)
    for pattern, s, e in found:
        by_pattern.setdefault(pattern, []).append((s, e))
    refs = back_references(list(by_pattern))
    found = [f for f in found if f[0] not in refs]
    by_pattern = {p: spans for p, spans in by_pattern.items() if p not in refs}
    for token, s, e in defined_tokens(text, by_pattern):
        found.append((token, s, e))
        by_pattern.setdefault(token, []).append((s, e))
    defined = define_components(text, by_pattern, ctx.heading_starts)
    starts = sorted((s, p) for p, s, _e in found)

    def next_other(pos: int, pattern: str) -> int:
        """Start of the next other structure sharing a token (its labels would be taken)."""
        mine = {n + r for n, r in tokens_of(pattern)}
        for s, p in starts:
            if s >= pos and p != pattern and mine & {n + r for n, r in tokens_of(p)}:
                return s
        return len(text)

    out: list[Structure] = []
    for pattern, occs in by_pattern.items():
        tokens = tokens_of(pattern)
        best: tuple[int, int, list[RawComponent]] | None = None
        for s, e in occs[:MAX_OCCURRENCES]:
            level = ctx.innermost_level(s)
            limit = min(
                len(text), e + WINDOW_CHARS, ctx.next_heading(e, level), next_other(e, pattern)
            )
            comps = components_after(text, e, limit, tokens)
            if best is None or len(comps) > len(best[2]):
                best = (s, e, comps)
        assert best is not None
        s, e, comps = best
        grammar = defined.get(pattern, [])
        roles = {c.role for c in grammar}
        if grammar and (
            roles >= {c.role for c in comps} or len(roles) > len({c.role for c in comps})
        ):
            comps = grammar
        elif grammar:
            comps = _by_role(tokens, grammar, comps)
        recovered: list[tuple] = []
        at = None
        if not comps:  # the headings right below a mention title its parts
            recovered, at = _at_first(occs, _headings_below, ctx, tokens)
        if not comps and not recovered:
            comps, at = _at_first(occs, components_inline, text, tokens)
        if not comps and not recovered:
            recovered, at = _at_first(occs, _box_components, text, tokens)
        if at is not None:
            s, e = at
        comps = _written_labels(
            _units_as_label(text, _described_parts(comps, tokens), tokens), pattern
        )
        laid_out = any(head_vote(text, e2 + 1) > 0 for _s2, e2 in occs[:MAX_OCCURRENCES])
        if len(comps) >= 2 and all(_DESIGNATION.search(c.name) for c in comps) and not laid_out:
            # every part a title to earn (…示范区, …先行区, …名城): goals, a slogan; but not
            # when the name lays out space (按照“一核两翼”进行空间布局: 甲产业集聚区 a zone)
            continue
        scope, scope_places = _scope(ctx, s, tokens=tokens)
        line_end = text.find("\n", s)
        line_end = len(text) if line_end == -1 else line_end
        heading = text[text.rfind("\n", 0, s) + 1 : line_end]
        named = admin_refs(text[text.rfind("\n", 0, s) + 1 : s])
        if len(heading) <= 40 and not re.search(r"[。;；]", heading) and not named:
            # a heading naming it (第一节 对接“甲”) and no place before it (not 第一节 甲市域“乙”):
            # where it applies is said by the sentence naming it right below (全省提出构建“甲”)
            below = [s2 for s2, _e2 in occs[:MAX_OCCURRENCES] if line_end < s2 < line_end + 300]
            if below:
                scope, scope_places = _scope(ctx, below[0], tokens=tokens)
        components: list[Component] = []
        for c in comps:
            cs, ce = c.span
            while cs < ce and text[cs].isspace():
                cs += 1
            c.span = (cs, ce)
        by_span: dict[tuple[int, int], list[str]] = {}
        for c in comps:
            by_span.setdefault(c.span, []).append(c.name)
        for c in comps:
            body = text[c.span[0] : c.span[1]]
            siblings = [n for n in by_span[c.span] if n != c.name]
            item = c.places_text or _item_text(c.name, body, siblings)
            own = c.name
            if c.role in _RIVER_ROLES and c.name.endswith(c.role) and gazetteer.lookup(c.name):
                # a river of its role's kind named like a unit (沅江, 沅江市's short name):
                # where it runs is not that unit (a lake or a mountain lies in its namesake:
                # 大通湖, 韶山)
                own, item = "", item.replace(c.name, "")
            places, feats = _component_places(ctx, own, item, scope_places)
            span, quote = ctx.quote(c.span)
            confidence = c.confidence or (0.6 if c.label_lost else 0.9)
            components.append(
                Component(
                    c.role, c.name, tuple(span), quote, places, feats, c.label_lost, confidence
                )
            )
        for role, name, cspan in recovered:
            places, feats = _component_places(ctx, name, text[cspan[0] : cspan[1]], scope_places)
            span, quote = ctx.quote(cspan)
            components.append(Component(role, name, tuple(span), quote, places, feats, True, 0.6))
        components = _with_groups(ctx, pattern, components)
        sent = _sentence(text, s, e)
        span, _q = ctx.quote((s, e))
        _s, quote = ctx.quote(sent)
        kind = structure_class(pattern)
        if not components and {r for _n, r in tokens} <= _TITLE_ROLES and not laid_out:
            # centres and bases to build, never defined nor laid out (推进“五中心一基地”建设,
            # “一中心三基地”): titles of function, a slogan
            continue
        if kind == "layout" and not components:
            kind = "cited"
        out.append(
            Structure(
                pattern,
                scope,
                tuple(span),
                quote,
                0.9 if components else 0.7,
                kind,
                components,
                scope_places,
                len(occs),
            )
        )
    out.extend(_digit_structures(ctx))
    out.extend(_kind_structures(ctx, out))
    _ordinal_parts(ctx, out)
    _directed_parts(ctx, out)
    _prose_parts(ctx, out)
    for name, s, e, minutes, prefix, destination in find_travel_circles(text):
        existing = next((x for x in out if x.kind == "travel_time" and x.pattern == name), None)
        if existing:
            existing.mentions += 1
            continue
        scope, scope_places = _scope(ctx, s)
        j = ctx.jurisdiction
        origin = prefix or (j.name if destination and j else scope)
        span, _q = ctx.quote((s, e))
        _s, quote = ctx.quote(_sentence(text, s, e))
        out.append(
            Structure(
                name,
                scope,
                tuple(span),
                quote,
                0.8,
                "travel_time",
                [],
                scope_places,
                1,
                origin=origin,
                destination=destination,
                minutes=minutes,
            )
        )
    out.sort(key=lambda x: x.span[0])
    return out


# An ordinal part of a network written right after the network's name, with its ends in
# brackets or none (“五纵七横”中“第二横”(甲至乙); “七纵七横”高速公路网第四纵(丙至丁)).
_ORDINAL_PART = re.compile(
    r"[”\"」』]?[^。;；\n“\"「]{0,10}?[“\"「]?(第([一二三四五六七八九十]{1,2})(纵|横|环|射|联|连))"
    r"[”\"」]?(?:[(（]([^()（）]{2,24})[)）])?"
)


def _ordinal_parts(ctx: _Ctx, structures: list[Structure]) -> None:
    r"""Add to a network the parts a text names by their place in it, right after its name
    (张花高速是“五纵七横”中“第二横”(浏阳至花垣)的组成部分): a part named 第二横, its places
    the ends in brackets. Only an ordinal within the name's count of that role counts.

    >>> from geoplan.corpus import read_text
    >>> x = extract_plan(read_text("甲县规划\n甲高速是“五纵七横”中“第二横”(浏阳至花垣)的一段。"))
    >>> [(c.name, [p.name for p in c.places]) for c in x.structures[0].components]
    [('第二横', ['浏阳市', '花垣县'])]
    """
    text = ctx.text
    for x in structures:
        if x.kind not in ("network", "cited") or structure_class(x.pattern) != "network":
            continue
        counts = {r: count_of(n) or 0 for n, r in tokens_of(x.pattern)}
        have = {c.name for c in x.components}
        for m in re.finditer(re.escape(x.pattern), text):
            o = _ORDINAL_PART.match(text, m.end())
            if o is None or o.group(1) in have:
                continue
            if count_of(o.group(2)) is None or count_of(o.group(2)) > counts.get(o.group(3), 0):
                continue
            ends = re.split(r"至|—+|－|-|~|～", o.group(4) or "")
            codes = _decode_termini(ends)[1] if len(ends) >= 2 else []
            places = [unit_ref(c) for c in codes]
            span, quote = ctx.quote((o.start(1), o.end()))
            x.components.append(
                Component(o.group(3), o.group(1), tuple(span), quote, places, [], False, 0.8)
            )
            have.add(o.group(1))
            x.kind = "network"
    _ordinal_lines(ctx, structures)


# A network's part at a line's start, labelled by its role and its place in the count, its name
# after an arrow or a colon (· 纵一 → 甲通道; 横二线:乙高速), as slides and tables list lines.
_ORDINAL_LINE = re.compile(
    r"^[ \t\u3000·•*-]*(纵|横|环|射|联|连)([一二三四五六七八九十]{1,2})线?[ \t\u3000]*"
    r"(?:→|->|[:：])[ \t\u3000]*([^\n,，。;；:：(（]{2,30})",
    re.M,
)
# How the name of a line of a network ends.
_LINE_NAME_END = re.compile(
    r"(?:通道|走廊|廊道|高速公路|高速|铁路|高铁|公路|国道|省道|干线|快速路|大道|线)$"
)
# How far below a network's name its lines are looked for.
ORDINAL_LINES_CHARS = 1500


def _ordinal_lines(ctx: _Ctx, structures: list[Structure]) -> None:
    r"""Add to a network the parts listed a line each by role and ordinal (纵一 → 甲通道), below
    the nearest mention of a network that counts that many of the role. The part's places are
    those its lines name, up to the next part.

    >>> from geoplan.corpus import read_text
    >>> t = "甲市规划\n“两纵一横”通道:\n· 纵一 → 长益通道\n走向:长沙—益阳\n· 纵二 → 本页从略"
    >>> [(c.role, c.name) for c in extract_plan(read_text(t)).structures[0].components]
    [('纵', '长益通道')]
    """
    text = ctx.text
    found = list(_ORDINAL_LINE.finditer(text))
    networks = [x for x in structures if structure_class(x.pattern) == "network"]
    mentions = sorted(
        (m.start(), x) for x in networks for m in re.finditer(re.escape(x.pattern), text)
    )

    def counted(x: Structure, role: str) -> int:
        return max((count_of(n) or 0 for n, r in tokens_of(x.pattern) if r == role), default=0)

    for i, o in enumerate(found):
        role, k, name = o.group(1), count_of(o.group(2)) or 0, clean_name(o.group(3))
        owners = [
            (start, x)
            for start, x in mentions
            if o.start() - ORDINAL_LINES_CHARS < start < o.start() and k <= counted(x, role)
        ]
        if not owners or not _LINE_NAME_END.search(name):
            continue
        x = owners[-1][1]
        if name in {c.name for c in x.components}:
            continue
        end = found[i + 1].start() if i + 1 < len(found) else min(len(text), o.end() + 400)
        places, feats = _component_places(ctx, name, text[o.start(3) : end], x.scope_places)
        span, quote = ctx.quote((o.start(), o.end()))
        x.components.append(Component(role, name, tuple(span), quote, places, feats, False, 0.8))
        x.kind = "network"


# What opens a part's name in running prose: a verb or preposition of laying it out (着力把甲带
# 建设成为…, 依托甲廊, 沿乙河培育乙带), or where the clause begins.
_PROSE_LEAD = re.compile(
    r"(?:着力|加快|重点|同步|积极|全力|大力|推动|推进|进一步)?(?:把|将|依托|培育|打造|建设|构建"
    r"|形成|提升|发挥|建成|以|即|是指|是|使之成为|成为|其中|同时|重点建设"
    r"|沿[\u4e00-\u9fff]{1,6}?(?=培育|打造|建设|发展))"
)
# A role word that is the start of another word (区域, 带动, 核心区 counted apart).
_NOT_ROLE_END = re.compile(r"域|县|位|动|来|头|内|外|上|中|边|间|的")
# A verb of making a whole after its parts (…, 共同构成“一核四带”): the parts come before it.
_MADE_OF_BEFORE = re.compile(r"(?:共同)?(?:构成|形成|组成)(?:了)?[^。;；\n]{0,8}?[“\"「]?$")
PROSE_PARTS_CHARS = 400
# A sentence that takes up what the lines above said (上述一条发展轴和两条发展带, 以上三片).
_THE_ABOVE = re.compile(r"\s*(?:上述|以上|前述)")


def _prose_names(window: str, suffixes: tuple[str, ...]) -> list[tuple[str, int]]:
    """Names ending in one of ``suffixes`` said in running prose, in order, with their
    offsets: each the words after the last verb or mark that opens it (依托甲廊和乙廊 -> 甲廊,
    乙廊), none that holds a count (两条走廊) or a 的, none shorter than three characters."""
    ends = "|".join(sorted(suffixes, key=len, reverse=True))
    out: list[tuple[str, int]] = []
    for seg in re.finditer(r"[^，,。；;：:、\n和与及]+", window):
        text = seg.group()
        # the longest name the segment holds (北部山区特色农业经济区, not 北部山区)
        for m in reversed(list(re.finditer(rf"(?:{ends})", text))):
            if _NOT_ROLE_END.match(text, m.end()):
                continue
            head = text[: m.end()]
            leads = list(_PROSE_LEAD.finditer(head))
            start = leads[-1].end() if leads else 0
            name = head[start:]
            made = name.rfind("为", 1)
            if made != -1 and len(name) - made > 4:
                # 以甲区、乙区为丙发展轴: the part is what they are made (not 甲城区为核心, what
                # the role rests on)
                start += made + 1
                name = head[start:]
            cleaned = clean_name(name)  # 甲城区为核心: the part is what the role rests on
            if cleaned and cleaned != name and cleaned in name:
                start += name.index(cleaned)
                name = cleaned
            quote = max(name.rfind(q) for q in "“「『")
            if quote != -1:  # 以甲城区为“主核”: the quoted name it is given
                start += quote + 1
                name = name[quote + 1 :]
            if (
                len(name) < (2 if quote != -1 else 3)
                or len(name) > 16
                or "的" in name
                or "所谓" in name
                or re.search(r"[一二三四五六七八九十两几][条个座处片大]", name)
                or _TOKEN_SPAN_RE.search(name)  # a name of the kind, no part (一核三轴)
            ):
                continue
            if not any(n == name for n, _o in out):
                out.append((name, seg.start() + start))
            break  # one name a segment
    return out


def _add_named_parts(
    ctx: _Ctx,
    x: Structure,
    parts: list[tuple[str, str, int]],
    *,
    confidence: float,
    texts: list[str] | None = None,
) -> None:
    """Give ``x`` a part for each ``(role, name, offset)`` read from prose, its places read
    from its own name (or from its text in ``texts``), and the class its roles make."""
    for i, (role, name, at) in enumerate(parts):
        places, feats = _component_places(ctx, name, texts[i] if texts else name, x.scope_places)
        span, quote = ctx.quote((at, at + len(name)))
        x.components.append(
            Component(role, name, tuple(span), quote, places, feats, False, confidence)
        )
    x.kind = structure_class(x.pattern)


# Lines of a network said by their direction, in its own words (横向的甲高速、乙高速和纵向的丙高速).
_DIRECTED = re.compile(r"(横|纵)向(?:的|为|是|有)?")
_LINE_NAME = re.compile(
    r"[\u4e00-\u9fffA-Z0-9]{2,12}?(?:高速公路|高速|高铁|铁路|城际|公路|国道|省道|大道|快速路)"
)
DIRECTED_CHARS = 200


def _directed_parts(ctx: _Ctx, structures: list[Structure]) -> None:
    r"""Parts of a network named but not defined (三横三纵), said after it by their direction,
    the role words made adjectives (横向的甲高速、乙高速和纵向的丙高速): every token of 横 and 纵
    takes the lines listed after its 横向/纵向, as many as it counts or fewer.

    >>> from geoplan.corpus import read_text
    >>> t = "甲县规划\n早先提出三横两纵高速公路网络。目前,横向的沪昆高速、泉南高速和纵向的"
    >>> t += "二广高速均已建成。"
    >>> [(c.role, c.name) for c in extract_plan(read_text(t)).structures[0].components]
    [('横', '沪昆高速'), ('横', '泉南高速'), ('纵', '二广高速')]
    """
    text = ctx.text
    for x in structures:
        if x.components or x.kind not in ("cited", "network"):
            continue
        tokens = tokens_of(x.pattern)
        roles = {r: count_of(n) for n, r in tokens}
        if not {"横", "纵"} <= set(roles) or set(roles) - {"横", "纵"}:
            continue
        for m in re.finditer(re.escape(x.pattern), text):
            window = text[m.end() : m.end() + DIRECTED_CHARS]
            first = window.find("。")  # (its sentence and the next)
            second = window.find("。", first + 1) if first != -1 else -1
            window = window[: second if second != -1 else len(window)]
            heads = list(_DIRECTED.finditer(window))
            if len(heads) < 2:
                continue
            parts = []
            for i, h in enumerate(heads):
                stop = heads[i + 1].start() if i + 1 < len(heads) else len(window)
                names = []
                pos = h.end()
                for n in _LINE_NAME.finditer(window, h.end(), stop):
                    if not re.fullmatch(r"(?:、|和|及|与|以及|\s)*", window[pos : n.start()]):
                        break  # the list ends where its marks do (…均已建成, 市域高速公路网…)
                    names.append(n.group())
                    pos = n.end()
                k = roles[h.group(1)]
                if not names or (k is not None and len(names) > k):
                    parts = []
                    break
                parts += [(h.group(1), n, m.end() + window.index(n, h.end())) for n in names]
            if not parts:
                continue
            _add_named_parts(ctx, x, parts, confidence=0.6)
            break


def _described_tokens(
    window: str, tokens: list[tuple[str, str]]
) -> list[tuple[str, str, int, str]]:
    """Each token of a name closing the description of its part, in the name's order, in the
    words before the verb that makes the whole (以甲为核心的一核、以乙为纽带的两轴…所共同组成的):
    ``(role, label, offset, description)``, or [] unless every token is found so.

    >>> w = "以甲区为重点的一核、以乙路为纽带的两轴所共同组成的"
    >>> _described_tokens(w, [("一", "核"), ("两", "轴")])
    [('核', '一核', 7, '以甲区为重点'), ('轴', '两轴', 17, '以乙路为纽带')]
    """
    out: list[tuple[str, str, int, str]] = []
    pos = 0
    for numeral, role in tokens:
        label = numeral + role
        at = window.find("的" + label, pos)
        if at < 0 or (out and window[pos : pos + 1] not in "、,，"):
            return []
        start = pos + (1 if out else 0)
        desc = window[start:at]
        if not desc or len(desc) > PROSE_PARTS_CHARS // 4:
            return []
        out.append((role, label, at + 1, desc))
        pos = at + 1 + len(label)
    return out


def _prose_parts(ctx: _Ctx, structures: list[Structure]) -> None:
    r"""Parts of a structure named but not defined, said in the running prose of its paragraph
    by their role words: after it (构建“一廊两区”布局:甲经济廊重在…, 乙经济区和丙经济区分别…)
    or, where a verb makes the whole of them (上述…共同构成“一核四带”), before it. Every
    counted token must find exactly its count among the first names of its role, or none is
    taken.

    >>> from geoplan.corpus import read_text
    >>> t = "甲县规划\n构建“一廊两区”布局:中部农业经济廊重在服务城市,北部山区特色农业区和南部"
    >>> t += "丘陵规模农业区分别主攻特色农业和规模农业。"
    >>> [c.name for c in extract_plan(read_text(t)).structures[0].components]
    ['中部农业经济廊', '北部山区特色农业区', '南部丘陵规模农业区']
    """
    text = ctx.text
    for x in structures:
        if x.components or x.kind not in ("cited", "layout") or x.minutes is not None:
            continue
        tokens = tokens_of(x.pattern)
        if len(tokens) < 2 or any(count_of(n) is None and n not in "多" for n, _r in tokens):
            continue  # a name of one token (双城) says too little to find its parts by
        for m in re.finditer(re.escape(x.pattern), text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            close = m.end() + (1 if text[m.end() : m.end() + 1] in '”"」' else 0)
            if _MADE_OF_BEFORE.search(text, line_start, m.start()):
                base = line_start
                if _THE_ABOVE.match(text, line_start):
                    # 上述…共同构成“一轴两带”: the parts are in the lines above, back to the
                    # paragraph's break or its section's heading (the plan's sections)
                    top = max(0, line_start - PROSE_PARTS_CHARS)
                    gap = text.rfind("\n\n", top, line_start - 1)
                    base = gap + 2 if gap != -1 else top
                    heads = [h for h in ctx.heading_starts if base <= h < line_start]
                    end = text.find("\n", heads[-1], line_start) if heads else -1
                    base = end + 1 if end != -1 else base
                window = text[base : m.start()]
            else:
                base = close
                stop = min(line_end, close + PROSE_PARTS_CHARS)
                # not into the definitions of another structure (在“甲”架构的基础上, 构建“乙”,
                # “一核”即…: the parts are 乙's)
                for y in structures:
                    if y is not x and y.components:
                        at = text.find(y.pattern, close, stop)
                        stop = at if at != -1 else stop
                window = text[close:stop]
            described = _described_tokens(window, tokens) if base <= line_start else []
            if described:  # 以甲为核心的一核、以乙为纽带的两轴…所共同组成的“一核两轴”
                parts = [(r, label, base + o) for r, label, o, _d in described]
                texts = [d for *_rlo, d in described]
                _add_named_parts(ctx, x, parts, confidence=0.7, texts=texts)
                break
            parts = []
            for numeral, role in tokens:
                k = count_of(numeral)
                names = _prose_names(window, (*ROLE_SUFFIX.get(role, ()), role))
                if k is None:  # 多极: a label, when the prose says its kind
                    continue
                if len(names) < k:
                    parts = []
                    break
                parts.extend((role, n, base + o) for n, o in names[:k])
            if not parts or len({n for _r, n, _o in parts}) < len(parts):
                continue
            _add_named_parts(ctx, x, parts, confidence=0.55)
            break


def _lost_heads(projects: list, text: str) -> dict[int, Any]:
    """Map a project whose name lost its first character to the one it stands for.

    PDF extraction can drop the head of a paragraph: "醴茶铁路通过电气化改造" arrives as
    "\n茶铁路通过电气化改造". A one-character code at the start of a line (or of the text)
    stands for the longer line of the same mode the plan names elsewhere, when exactly one
    such line ends with it.
    """
    out: dict[int, Any] = {}
    for i, p in enumerate(projects):
        start = p.span[0]
        suffix = _MODE_SUFFIX.search(p.name)  # None for road codes (G106)
        if suffix is None or len(p.name) - len(suffix.group()) != 1:
            continue
        if start > 0 and text[start - 1] not in "\n ":
            continue
        longer = {q.name for q in projects if q.mode == p.mode and q.name.endswith(p.name)}
        longer.discard(p.name)
        if len(longer) == 1:
            full = longer.pop()
            out[i] = next(q for q in projects if q.name == full)
    return out


_MODE_SUFFIX = re.compile(f"(?:{SUFFIX_RE.pattern})$")


# Long and short forms of one suffix name one project (沪昆高速公路 = 沪昆高速).
_SHORT_SUFFIX = ((re.compile(r"高速公路$"), "高速"), (re.compile(r"(?:城际铁路)$"), "城际"))


def _project_key(name: str, mode: str) -> tuple[str, str]:
    """One key for the mentions of one project: 京港澳高速公路, 京港澳高速 and G4京港澳高速."""
    for rx, short in _SHORT_SUFFIX:
        name = rx.sub(short, name)
    bare = _ROUTE_NUMBER.sub("", name)
    return (bare if len(bare) >= 3 else name), mode


# A line's name that is a code of one-character abbreviations (安资乐高速公路 -> 安资乐).
_LINE_CODE = re.compile(
    r"^(?:[GS][0-9]{1,4})?([\u4e00-\u9fff]{2,5}?)"
    r"(?:高速公路|高速铁路|高速|高铁|客运专线|客专|城际铁路|城际|铁路)"  # (郑徐客专)
    # (京津城际延伸线, 渝广高速支线: its own code)
    r"(?:延伸线|延长线|引入线|联络线|支线|[东南西北]?复线|[东南西北]延(?:线|段)?)?$"
)
# A section of a line named by a code of its stops (川南城际铁路内自泸段, 大广高速京衡段): that
# code.
_SECTION_CODE = re.compile(
    r"^(?:[GS][0-9]{1,4})?[\u4e00-\u9fff]{2,5}?"
    r"(?:高速公路|高速铁路|高速|高铁|客运专线|客专|城际铁路|城际|铁路)([\u4e00-\u9fff]{2,3})段$"
)
# How far after a line's name the places that spell out its code are looked for.
CODE_CONTEXT_CHARS = 160


def _decode_in_context(ctx: _Ctx, p: RawProject) -> None:
    """Decode the characters of a line's code that the abbreviation table leaves open
    (undecoded, or shared by several units) by the places the plan names right after it, in
    its sentence and the next: 安资乐高速公路, 北接安仁, 经永兴、资兴 -> 安仁县, 资兴市;
    新冷邵高速…至新化县 -> 新化县. A character no such place begins keeps its decoding; a
    town named there (坪上镇) stands for its county when no unit begins with the character."""
    m = _LINE_CODE.match(p.name)
    table = abbreviations()
    if m is None or p.mode in ("airport", "port", "waterway") or ctx.home_outside:
        return
    code = m.group(1)
    open_chars = [c for c in code if c in p.undecoded or (c in table and table[c].ambiguous)]
    if not open_chars:
        return
    text = ctx.text
    stops = [i for i in (text.find(ch, p.span[1], p.span[1] + CODE_CONTEXT_CHARS) for ch in "。\n")]
    end = min([i for i in stops if i != -1] or [min(len(text), p.span[1] + CODE_CONTEXT_CHARS)])
    j = ctx.jurisdiction
    units, feats = places_in(text[p.span[1] : end], context=j.name if j else "")
    chosen: dict[str, PlaceRef] = {}
    after = text[p.span[1] : end]
    for c in open_chars:
        named = {u.adcode: u for u in units if u.via == "admin" and u.name.startswith(c)}
        towns = {f.adcode: f for f in feats if f.adcode and f.name.startswith(c)}
        if not named and not towns:
            # a unit's short name written there, which alone the gazetteer would not take for a
            # place (湘潭与韶山、宁乡之间): the code's character vouches for it
            named = {
                u.adcode: unit_ref(u.adcode)
                for u in _initial_candidates().get(c, ())
                if u.in_hunan and u.short_name in after
            }
        if len(named) == 1:
            chosen[c] = next(iter(named.values()))
        elif not named and len(towns) == 1:
            chosen[c] = unit_ref(next(iter(towns)))
    if not chosen:
        return
    cities, adcodes = list(p.cities), list(p.adcodes)
    for c in code:
        ref = chosen.get(c)
        if ref is None or ref.name in cities:
            continue
        old = next((n for n in cities if n.startswith(c)), None)
        if old is None:
            cities.append(ref.name)
            adcodes.append(ref.adcode)
            continue
        cities[cities.index(old)] = ref.name
        adcodes = [a for a in adcodes if unit_ref(a).name != old] + [ref.adcode]
    undecoded = [c for c in p.undecoded if c not in chosen]
    # in the code's order (新冷邵 -> 新化县, 冷水江市, 邵阳市)
    place = {c: i for i, c in reversed(list(enumerate(code)))}
    order = sorted(range(len(cities)), key=lambda i: place.get(cities[i][:1], len(code)))
    cities = [cities[i] for i in order]
    p.cities, p.adcodes, p.undecoded = cities, adcodes, undecoded
    p.note = (p.note + "; " if p.note else "") + "code read by the places named after it"


def _decode_at_home(ctx: _Ctx, p: RawProject) -> None:
    """Decode a line's code again by where the plan lies, for a plan of a unit outside Hunan
    (``decode_near``): 常宜高速 in 武进's plan is 常州–宜兴, not 常德–宜昌."""
    m = _LINE_CODE.match(p.name) or _SECTION_CODE.match(p.name)
    if ctx.home_outside is None or m is None or p.mode in ("airport", "port", "waterway"):
        return
    if "至" in m.group(1):
        return  # 襄阳至南阳高速公路: its ends are written whole
    names, adcodes, undecoded = decode_near(m.group(1), ctx.home_outside)
    more = len(undecoded) < len(p.undecoded)
    # every end read in Hunan, for a plan outside it (常宜 in 武进: not 常德, 宜昌), or none
    # (广巴 in 旺苍's plan: 广元, 巴中, not 广州, 巴马); a line with one end in Hunan and one
    # outside keeps its reading (杭长 = 杭州–长沙 in 诸暨's plan) when its ends outside Hunan
    # are read so where the plan lies too (大永 in 大理's plan: 大理, 永平, not 大余, 永州); an
    # end read in Hunan for a municipality's own character is none (京津: 天津, not 津市)
    read_in_hunan = {unit_ref(a).name for a in p.adcodes}
    hunan = {n for n in read_in_hunan if not (n[0] in MUNICIPALITY_SHORT and n[0] in m.group(1))}
    outside = set(p.cities) - read_in_hunan
    # ... unless the plan's own ground reads that end as a city of a prefecture's rank too: a
    # code names cities of one rank (京张 in 海淀's plan: 张家口, not 张家界; 芜常 in 湾沚's:
    # 常州, not 常德), where a county near the plan gives way to the Hunan city (杭长: 长沙, not
    # 长兴)
    instead = [n for n in names if n not in p.cities]
    ranked = any(_china_by_name()[n].level == "prefecture" for n in instead)
    some_hunan = bool(hunan) and bool(outside) and outside <= set(names) and not ranked
    # a reading whose every end lies in Hunan is the table's Hunan prior: where the plan lies
    # reads other ends, none of them Hunan's, it is that, the rest left open (泸永 in 泸州's
    # plan: 泸州 and an open 永, not 泸溪–永州; but 张吉怀 in 铜仁's: 张家界 and 怀化 agree)
    all_hunan = bool(hunan) and not outside and hunan == read_in_hunan
    all_hunan = all_hunan and bool(names) and not set(names) & read_in_hunan
    if not (more or all_hunan or (not some_hunan and len(undecoded) <= len(p.undecoded))):
        return
    p.cities, p.adcodes, p.undecoded = names, adcodes, undecoded
    p.note = (p.note + "; " if p.note else "") + "code read by where the plan lies"


def _one_line_one_stage(
    out: dict[tuple[str, str], TransportProject], ranks: dict[tuple[str, str], float]
) -> None:
    """A line named by its ends (邵阳至永州高速铁路) and by their code (邵永高铁) is one line: of
    the same mode between the same units, the surest stage said of either holds for both."""
    groups: dict[tuple, list[tuple[str, str]]] = {}
    for key, rec in out.items():
        if rec.mode in ("port", "airport", "waterway") or len(rec.adcodes) < 2:
            continue
        groups.setdefault((rec.mode, tuple(sorted(rec.adcodes))), []).append(key)
    for keys in groups.values():
        if len(keys) < 2 or not any("至" in out[k].name for k in keys):
            continue
        best = max(keys, key=lambda k: ranks[k])
        if out[best].status is None:
            continue
        for k in keys:
            if ranks[k] < ranks[best]:
                out[k].status = out[best].status
                out[k].note = (out[k].note + "; " if out[k].note else "") + (
                    f"the stage said of {out[best].name}, the same line"
                )


def _width_as_written(ctx: _Ctx, name: str, span: tuple[int, int]) -> str:
    """``name`` with the full-width letters and digits its source writes (长株城际Ｓ９线), where it
    is the text of ``span``: the text is read with them folded to ASCII, the name is as written.

    >>> from geoplan.corpus import read_text
    >>> ctx = _Ctx(read_text("规划建设长株城际Ｓ９线。"))
    >>> _width_as_written(ctx, "长株城际S9线", (4, 11))
    '长株城际Ｓ９线'
    """
    s, e = span
    if ctx.text[s:e] != name or not any(c.isascii() and c.isalnum() for c in name):
        return name
    o0, o1 = ctx.orig(span)
    written = ctx.plan.original[o0:o1]
    if len(written) != len(name):
        return name
    return "".join(
        w if c.isascii() and c.isalnum() and "\uff10" <= w <= "\uff5a" else c
        for c, w in zip(name, written, strict=True)
    )


def _airports_named_in_full(out: dict[tuple[str, str], TransportProject]) -> None:
    """An airport named by its own name alone (五粮液机场, 两江国际机场) takes the places of the
    one airport the plan names in full with that name at its end (宜宾五粮液机场, 桂林两江国际
    机场): plans name their airport once with its city and then without."""
    airports = [r for r in out.values() if r.mode == "airport"]
    for rec in airports:
        if rec.cities or len(rec.name) < 4:
            continue
        full = {r.name: r for r in airports if r.cities and r.name.endswith(rec.name)}
        if len({tuple(r.cities) for r in full.values()}) != 1:
            continue
        named = next(iter(full.values()))
        rec.cities, rec.adcodes, rec.undecoded = named.cities, named.adcodes, []
        rec.note = (rec.note + "; " if rec.note else "") + f"named in full as {named.name}"


def _named_as_local(p: RawProject | TransportProject) -> bool:
    """Whether a project named by no place is the plan's own: not a road or waterway known by
    its number or river (G106, S206, 资江航道 run far beyond the plan), a national route's
    number (G56), or a line named by what it runs along (沿江高铁, 北沿江高铁: a corridor)."""
    return p.mode not in ("national_road", "provincial_road", "waterway") and not re.match(
        r"[GS]\d|[东南西北]?沿", p.name
    )


def _own_units(ctx: _Ctx) -> list[PlaceRef]:
    """The plan's own unit and, for a county-level unit, its prefecture (栖霞区, 南京市): where a
    line or terminal named by no place lies (the plan's 绕城高速, its 机场高速)."""
    home = ctx.home_outside
    if home is None and ctx.jurisdiction is not None:
        if ctx.jurisdiction.precision not in ("county", "prefecture"):
            return []
        home = ctx.jurisdiction.adcode
    if not home:
        return []
    units = [unit_ref(home), unit_ref(home[:4] + "00")]
    # (no prefecture for a county under its province, 省直辖: 文昌市's 469000 has no name)
    return [u for u in dict.fromkeys(units) if u.name != u.adcode]


def _sections_before_their_lines(projects: list[RawProject]) -> list[RawProject]:
    """Put a section named after its line (京港澳高速耒阳至宜章段, 呼南高铁焦洛平段) right before
    the line's reading of the same mention, and give it the line's places after its own: its
    name spells both, its ends first. The section is the longer, more particular record of
    that mention, so it comes first where both begin."""
    out = list(projects)
    by_start: dict[tuple[int, str], list[RawProject]] = {}
    for p in projects:
        by_start.setdefault((p.span[0], p.mode), []).append(p)
    for p in projects:
        for line in by_start[(p.span[0], p.mode)]:
            rest = p.name[len(line.name) :]
            if line is p or not rest or not p.name.startswith(line.name):
                continue
            if _SECTION_NAME.fullmatch(rest) is None:
                continue
            p.cities += [c for c in line.cities if c not in p.cities]
            p.adcodes += [a for a in line.adcodes if a not in p.adcodes]
            at, mine = out.index(line), out.index(p)
            if mine > at:
                out.insert(at, out.pop(mine))
            break
    return out


def _transport(ctx: _Ctx) -> list[TransportProject]:
    out: dict[tuple[str, str], TransportProject] = {}
    ranks: dict[tuple[str, str], float] = {}
    projects = find_projects(ctx.text)
    heads = _lost_heads(projects, ctx.text)
    for p in projects:
        _decode_in_context(ctx, p)
        _decode_at_home(ctx, p)
    lost = {id(projects[i]): full for i, full in heads.items()}
    projects = _sections_before_their_lines(projects)
    for p in projects:
        full = lost.get(id(p))
        key = _project_key(full.name if full else p.name, p.mode)
        if key in out:
            rec = out[key]
            rec.mentions += 1
            # the mention whose status is surest speaks for the project (see _status)
            if p.status and p.status_rank > ranks[key]:
                rec.status, ranks[key] = p.status, p.status_rank
            continue
        ranks[key] = p.status_rank if p.status else -1.0
        _span, quote = ctx.quote(_sentence(ctx.text, *p.span))
        ospan, _ = ctx.quote(p.span)
        rec = TransportProject(
            _width_as_written(ctx, p.name, p.span),
            p.mode,
            p.cities,
            p.adcodes,
            p.undecoded,
            p.status,
            tuple(ospan),
            quote,
            confidence=p.confidence,
            note=p.note,
        )
        if full is not None:
            rec.name, rec.cities, rec.adcodes, rec.undecoded = (
                full.name,
                full.cities,
                full.adcodes,
                full.undecoded,
            )
            rec.confidence = 0.5
            rec.note = (
                f"the text reads {p.name} at the start of a line; taken as {full.name}, "
                "named elsewhere in the plan (a first character lost in PDF extraction)"
            )
        out[key] = rec
    _one_line_one_stage(out, ranks)
    _airports_named_in_full(out)
    own = _own_units(ctx)
    for rec in out.values():
        if own and not rec.cities and not rec.undecoded and _named_as_local(rec):
            # a line or terminal whose name names no place (绕城高速, 机场高速, S1线, 禄口国际机场)
            rec.cities = [u.name for u in own]
            rec.adcodes = [u.adcode for u in own if u.adcode and u.adcode.startswith("43")]
            rec.confidence = min(rec.confidence, 0.5)
            rec.note = (rec.note + "; " if rec.note else "") + (
                "its name names no place: read as the plan's own unit"
            )
    for rec in out.values():
        rec.cities = list(dict.fromkeys(area_of_code(city_of(c), rec.name) for c in rec.cities))
        if rec.status is None:
            # no word of a stage at any mention: plans name work to come with a verb of
            # planning or building, and what stands without one (北临甲铁路, 经乙高速可达)
            rec.status = "existing"
            rec.confidence = min(rec.confidence, 0.6)
            rec.note = (rec.note + "; " if rec.note else "") + (
                "no word of its stage where it is named: read as standing"
            )
    return list(out.values())


def _figure_places(clause: str, within: tuple[str, ...]) -> list[tuple]:
    """The units (and towns) a figure's words name; a group, or a town in several counties,
    says none."""
    return [
        r
        for r in admin_refs(clause, townships=True, within=within)
        if r[3] != "group" and len(r[4]) == 1
    ]


def _respectively(text: str, raw: list, within: tuple[str, ...]) -> dict[int, tuple]:
    """Places distributed over values by 分别 (甲市、乙市生产总值分别达到 520、410 亿元): the
    index of each figure in such a sentence and the reference of its place, when the places
    listed before 分别 are as many as the values of one unit after it."""
    out: dict[int, tuple] = {}
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, f in enumerate(raw):
        by_sentence.setdefault(f.sentence, []).append(i)
    for (s0, _e0), idx in by_sentence.items():
        first = raw[idx[0]].span[0]
        cut = text.rfind("分别", s0, first)
        if cut == -1:
            continue
        clause_start = max(s0, *(text.rfind(ch, s0, cut) + 1 for ch in ",，:："))
        refs = _figure_places(text[clause_start:cut], within)
        values = [i for i in idx if raw[i].span[0] > cut and raw[i].unit == raw[idx[0]].unit]
        if len(refs) >= 2 and len(refs) == len(values):
            out.update(zip(values, refs, strict=True))
    return out


def _figures(ctx: _Ctx) -> list[Figure]:
    text = ctx.text
    review = [
        s.span
        for s in ctx.sections
        if s.level <= 4 and re.search(r"十三五|发展成就|发展基础|回顾|成就", s.title)
    ]
    j = ctx.jurisdiction
    within = (j.adcode,) if j is not None and j.adcode else ()
    out = []
    raw = find_figures(text, review_spans=review) + find_table_figures(text)
    shared = _respectively(text, raw, within)
    for i, f in enumerate(raw):
        clause = text[f.sentence[0] : f.span[0]]
        refs = _figure_places(clause, within)
        conf = f.confidence
        town = None
        indicator = f.indicator
        head = admin_refs(indicator)
        if head and head[0][0] == 0 and len(indicator) - head[0][1] >= 2:
            indicator = indicator[head[0][1] :]  # 常德市地区生产总值: the place is the figure's
        if i in shared:
            refs = [shared[i]]  # 甲市、乙市分别达到 X、Y: the i-th place takes the i-th value
        if refs and refs[-1][3] == "township":
            # a town's figure is tied to its county; the town is kept beside it
            ref = unit_ref(refs[-1][4][0])
            place, adcode, town = ref.name, ref.adcode, refs[-1][2]
            conf -= 0.1
        elif refs:
            ref = unit_ref(refs[-1][4][0])
            place, adcode = ref.name, ref.adcode
        elif j is not None:
            place, adcode = j.name, j.adcode
            conf -= 0.1  # no place in the clause: the plan's own jurisdiction
        else:
            place, adcode = None, None
            conf -= 0.3
        _span, quote = ctx.quote(f.sentence)
        ospan, _ = ctx.quote(f.span)
        out.append(
            Figure(
                place,
                adcode,
                indicator,
                f.value,
                f.unit,
                f.year,
                f.kind,
                tuple(ospan),
                quote,
                round(max(conf, 0.3), 2),
                town,
            )
        )
    return out


def _places(ctx: _Ctx) -> list[PlaceCount]:
    """Units, curated features and townships the plan names, with counts; townships are
    resolved within the plan's jurisdiction."""
    counts: Counter[str] = Counter()
    town_counts: Counter[str] = Counter()
    town_refs: dict[str, PlaceRef] = {}
    j = ctx.jurisdiction
    within = (j.adcode,) if j is not None and j.adcode else (j.within if j is not None else ())
    for _s, _e, surface, how, adcodes in admin_refs(ctx.text, townships=True, within=within):
        if how == "township":
            ref = township_ref(surface, adcodes)
            town_counts[ref.name] += 1
            town_refs.setdefault(ref.name, ref)
            continue
        if how == "group":
            continue
        for a in adcodes:
            counts[a] += 1
    out = [
        PlaceCount(unit_ref(a).name, a, n, unit_ref(a).precision) for a, n in counts.most_common()
    ]
    fcounts: Counter[str] = Counter()
    frefs: dict[str, PlaceRef] = {}
    for _s, _e, ref in feature_refs(ctx.text):
        fcounts[ref.name] += 1
        frefs.setdefault(ref.name, ref)
    for name, n in fcounts.most_common():
        ref = frefs[name]
        out.append(PlaceCount(name, ref.adcode, n, ref.precision, ref.within))
    for name, n in town_counts.most_common():
        ref = town_refs[name]
        out.append(PlaceCount(name, ref.adcode, n, ref.precision, ref.within, "township"))
    return out


def plan_region(plan: Plan) -> str:
    """The region a plan's place names are read in: ``"hunan"``, or the adcode of the province
    of the unit outside Hunan its title (or first line) names (see
    :func:`~geoplan.extract._common.reading_region`).

    Examples
    --------
    >>> from geoplan.corpus import read_text
    >>> plan_region(read_text("浙江省磐安县国土空间总体规划\\n"))
    '330000'
    >>> plan_region(read_text("醴陵市规划\\n"))
    'hunan'
    """
    return _Ctx(plan).region


def extract_plan(plan: Plan) -> PlanExtract:
    """Extract structures, transport projects, figures, tables and places from a plan.

    Parameters
    ----------
    plan
        A plan read by :func:`geoplan.corpus.read_plan` or :func:`geoplan.corpus.read_text`.

    Returns
    -------
    PlanExtract
        Records whose spans index ``plan.original``; ``to_dict()`` gives the JSON of
        ``geoplan extract``.

    Examples
    --------
    >>> from geoplan.corpus import read_text
    >>> x = extract_plan(read_text("构建“一核两翼”格局。一核:主城区。两翼:东翼、西翼。"))
    >>> [(s.pattern, [c.name for c in s.components]) for s in x.structures]
    [('一核两翼', ['主城区', '两翼', '东翼', '西翼'])]
    >>> x.structures[0].components[1].members  # 两翼: a group of its parts
    ['东翼', '西翼']
    """
    ctx = _Ctx(plan)
    tables = [Table(t.title, tuple(ctx.orig(t.span)), t.rows) for t in find_tables(ctx.text)]
    with reading_region(ctx.region):
        return PlanExtract(
            source=plan.name,
            title=ctx.title,
            jurisdiction=ctx.jurisdiction,
            structures=_structures(ctx),
            transport=_transport(ctx),
            figures=_figures(ctx),
            tables=tables,
            places=_places(ctx),
        )
