"""Shared helpers of the extractor: place resolution, abbreviation decoding, text windows."""

from __future__ import annotations

import csv
import re
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
    via: str = "admin"  # admin | group | feature | scope | township
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
    return {u.adcode: (u.name, u.level) for u in gazetteer.units()}


def unit_ref(adcode: str, *, via: str = "admin") -> PlaceRef:
    """Return the ``PlaceRef`` of a Hunan unit."""
    name, level = _unit_names().get(adcode, (adcode, "county"))
    return PlaceRef(name, adcode, level, via)


def admin_refs(
    text: str, *, townships: bool = False, within: tuple[str, ...] = ()
) -> list[tuple[int, int, str, str, tuple[str, ...]]]:
    """Gazetteer mentions as ``(start, end, surface, how, adcodes)``; empty on any data error.

    With ``townships=True`` townships come too (``how="township"``, ``surface`` their full
    name, ``adcodes`` their county, or several counties when ``within`` does not decide).
    """
    try:
        found = gazetteer.match(text, townships=townships, within=within)
    except (GeoplanError, DataError):
        return []
    return [
        (m.start, m.end, m.name if m.how == "township" else m.surface, m.how, m.adcodes)
        for m in found
    ]


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
_OUTWARD = re.compile(r"(?:融入|对接|连接|接轨|联通|通往|面向)[\u4e00-\u9fff“”\"]{0,4}$")
# ... and, for regional group names only, verbs of driving (带动湘中和大湘西地区).
_OUTWARD_GROUP = re.compile(r"(?:带动|辐射)[\u4e00-\u9fff“”\"]{0,6}$")


def _outward(text: str, start: int, *, group: bool) -> bool:
    """Whether the mention at ``start`` is the object of a linking (or, for a group, driving)
    verb in its clause: a place the component reaches out to, not one it holds."""
    lo = max(0, start - 12)
    cut = max(text.rfind(ch, lo, start) for ch in CLAUSE_STOPS)
    before = text[max(lo, cut + 1) : start]
    return bool(_OUTWARD.search(before) or (group and _OUTWARD_GROUP.search(before)))


@cache
def _context_codes(context: str) -> tuple[str, ...]:
    """Adcodes of the units a context string names (a component's scope places)."""
    return tuple(c for r in admin_refs(context) for c in r[4]) if context else ()


def places_in(
    text: str,
    *,
    urban_within: str | None = None,
    exclude: frozenset[str] = frozenset(),
    context: str = "",
    within: str | tuple[str, ...] | None = None,
) -> tuple[list[PlaceRef], list[PlaceRef]]:
    """Return ``(units, features)`` named in ``text``.

    ``units`` holds county-level units if any are named, else prefecture-level ones (groups
    expanded); urban groups (主城区) are expanded within ``urban_within``. ``features`` holds
    curated features and townships (乡、镇、街道: :func:`township_ref`); a township resolved to
    its county adds that county to ``units`` (``via="township"``). ``within`` (adcodes of the
    plan's jurisdiction; by default the units ``context`` names) decides a township name found
    in several counties.

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
    units = list(counties.values()) or list(prefectures.values())
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


def decode_code(code: str) -> tuple[list[str], list[str], list[str]]:
    """Decode a code of one-character abbreviations: ``(names, adcodes, undecoded chars)``.

    Full place names inside the code (冷水江, 涟源) are matched first; every other character
    is looked up in the abbreviation table; ambiguous or unknown characters stay undecoded.
    """
    names: list[str] = []
    adcodes: list[str] = []
    undecoded: list[str] = []
    table = abbreviations()
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
        return names, adcodes, undecoded
    for ch in code:
        ab = table.get(ch)
        if ab is None or ab.ambiguous:
            if "\u4e00" <= ch <= "\u9fff":
                undecoded.append(ch)
            continue
        if ab.name not in names:
            names.append(ab.name)
            if ab.adcode:
                adcodes.append(ab.adcode)
    return names, adcodes, undecoded


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
