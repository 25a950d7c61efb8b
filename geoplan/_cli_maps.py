"""``geoplan map``: single maps from the command line (choropleth of a CSV, boundaries).

The output's suffix picks the kind: ``.html`` an interactive, self-contained folium page;
``.png`` or ``.svg`` a static matplotlib map.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geoplan import maps
from geoplan.errors import DataError, GeoplanError, UnknownPlaceError

_SUFFIXES = (".html", ".png", ".svg")


def _suffix(path: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        msg = f"--out must end in {', '.join(_SUFFIXES)}, not {Path(path).name!r}"
        raise GeoplanError(msg)
    return suffix


def _read_values(path: str) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype={"adcode": str}, encoding="utf-8-sig")
    except FileNotFoundError as exc:
        msg = f"values file {path} not found"
        raise DataError(msg) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        msg = f"cannot read {path} as UTF-8 CSV: {exc}"
        raise DataError(msg) from exc


def join_values(
    values: pd.DataFrame, units: gpd.GeoDataFrame, *, level: str | None = None
) -> gpd.GeoDataFrame:
    """Join a table of values to administrative units by ``adcode`` or by ``name``.

    A ``name`` matches a unit's full or short name. Every row must match exactly one unit and
    all rows one level; the result holds the matched level's units, those without a row
    carrying no value.

    Examples
    --------
    >>> from geoplan.gazetteer import admin_units  # doctest: +SKIP
    >>> join_values(pd.DataFrame({"name": ["长沙"], "v": [1.0]}), admin_units())  # doctest: +SKIP
    """
    if "adcode" in values.columns:
        keys = values["adcode"].astype(str).str.strip()
        known = set(units["adcode"])
        unknown = [k for k in keys if k not in known]
        adcodes = list(keys)
    elif "name" in values.columns:
        names = list(values["name"].astype(str).str.strip())
        pool = units if level is None else units[units["level"] == level]
        hits = {n: pool[(pool["name"] == n) | (pool["short_name"] == n)] for n in names}
        if level is None:
            # A short name may be both a city and its county (长沙市, 长沙县): the level all
            # rows share decides, as the rows of one table are units of one level.
            shared = set.intersection(*(set(h["level"]) for h in hits.values())) if hits else set()
            if len(shared) == 1:
                (only,) = shared
                hits = {n: h[h["level"] == only] for n, h in hits.items()}
        adcodes, unknown = [], []
        for n in names:
            if len(hits[n]) == 1:
                adcodes.append(hits[n]["adcode"].iloc[0])
            else:
                unknown.append(n if hits[n].empty else f"{n} (ambiguous: give --level)")
    else:
        msg = "the values CSV needs an 'adcode' or a 'name' column to place its rows"
        raise DataError(msg)
    if unknown:
        msg = f"{len(unknown)} row(s) match no single unit: {', '.join(unknown[:5])}"
        raise UnknownPlaceError(msg)
    if len(set(adcodes)) != len(adcodes):
        msg = "the values CSV has more than one row for the same unit"
        raise DataError(msg)
    levels = set(units.set_index("adcode").loc[adcodes, "level"])
    if level is not None and levels != {level}:
        msg = f"the values CSV holds {', '.join(sorted(levels))} units, not {level}"
        raise DataError(msg)
    if len(levels) != 1:
        msg = f"the values CSV mixes levels: {', '.join(sorted(levels))}"
        raise DataError(msg)
    (unit_level,) = levels
    table = values.drop(columns=[c for c in ("adcode", "name") if c in values.columns])
    table = table.assign(adcode=adcodes)
    table = table.drop(columns=[c for c in units.columns if c in table.columns and c != "adcode"])
    chosen = units[units["level"] == unit_level]
    return chosen.merge(table, on="adcode", how="left")


def _choropleth(args: argparse.Namespace) -> int:
    suffix = _suffix(args.out)
    units = maps._admin_units()
    gdf = join_values(_read_values(args.values), units, level=args.level)
    if args.column not in gdf.columns:
        msg = f"column {args.column!r} is not in {args.values}"
        raise DataError(msg)
    title = args.title or args.column
    if suffix == ".html":
        m = maps.choropleth(
            gdf,
            args.column,
            scheme=args.scheme,
            k=args.k,
            cmap=args.cmap,
            title=title,
            boundaries=units,
            offline=not args.online,
        )
        out = maps.save_html(m, args.out, overwrite=args.overwrite)
    else:
        label = "short_name" if gdf["level"].iloc[0] == "prefecture" else None
        fig, _ax = maps.static_map(
            gdf,
            args.column,
            scheme=args.scheme,
            k=args.k,
            cmap=args.cmap,
            title=title,
            label_column=label,
        )
        out = maps.save_figure(fig, args.out, overwrite=args.overwrite)
    print(out)
    return 0


def _boundaries(args: argparse.Namespace) -> int:
    suffix = _suffix(args.out)
    units = maps._admin_units()
    if suffix == ".html":
        out = maps.save_html(
            maps.boundaries_map(boundaries=units, offline=not args.online),
            args.out,
            overwrite=args.overwrite,
        )
    else:
        shown = units[units["level"] == args.level]
        fig, _ax = maps.static_map(
            shown,
            title="湖南省行政区划",
            label_column="short_name" if args.level == "prefecture" else None,
            boundaries=units[units["level"] == "county"] if args.level == "prefecture" else None,
        )
        out = maps.save_figure(fig, args.out, overwrite=args.overwrite)
    print(out)
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``geoplan map choropleth`` and ``geoplan map boundaries``."""
    p = subparsers.add_parser("map", help="draw a single map (HTML, PNG or SVG)")
    sub = p.add_subparsers(dest="map_command", metavar="MAP", required=True)

    c = sub.add_parser(
        "choropleth",
        help="classed map of a column of a CSV keyed by adcode or unit name",
        description="Map one numeric column of a CSV whose rows are Hunan's units (an 'adcode' "
        "or a 'name' column); an optional 'quote' column is shown in the tooltips.",
    )
    c.add_argument("--values", required=True, metavar="CSV", help="UTF-8 CSV of values")
    c.add_argument("--column", required=True, help="the numeric column to map")
    c.add_argument("--out", required=True, help="output file: .html, .png or .svg")
    c.add_argument("--scheme", default="quantiles", choices=maps.SCHEMES)
    c.add_argument("--k", type=int, default=5, help="number of classes (default 5)")
    c.add_argument("--cmap", default="YlOrRd", help="matplotlib colour map (default YlOrRd)")
    c.add_argument("--level", choices=("prefecture", "county"), help="level of the rows")
    c.add_argument("--title", help="map title (default: the column)")
    c.add_argument("--online", action="store_true", help="HTML on web tiles via CDNs")
    c.add_argument("--overwrite", action="store_true", help="replace an existing output")
    c.set_defaults(func=_choropleth)

    b = sub.add_parser("boundaries", help="map of Hunan's prefectures and counties")
    b.add_argument("--out", required=True, help="output file: .html, .png or .svg")
    b.add_argument(
        "--level",
        choices=("prefecture", "county"),
        default="prefecture",
        help="units drawn in a static map (HTML shows both)",
    )
    b.add_argument("--online", action="store_true", help="HTML on web tiles via CDNs")
    b.add_argument("--overwrite", action="store_true", help="replace an existing output")
    b.set_defaults(func=_boundaries)
