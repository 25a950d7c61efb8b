"""``geoplan catchment`` (isochrones from a place) and ``geoplan access`` (per-county indices)."""

from __future__ import annotations

import argparse

from geoplan import catchment
from geoplan._io import atomic_path, check_output


def _minutes(text: str) -> list[float]:
    try:
        values = [float(v) for v in text.split(",") if v.strip()]
    except ValueError:
        msg = f"--minutes takes comma-separated numbers, not {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not values or min(values) <= 0:
        msg = f"--minutes needs positive numbers, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return values


def _graph(year: int, scenario: str):
    from geoplan.network import build_graph

    return build_graph(year=year, scenario=scenario)


def _run_catchment(args: argparse.Namespace) -> int:
    check_output(args.out, overwrite=args.overwrite)
    graph = _graph(args.year, args.scenario)
    surface = catchment.travel_time_surface(graph, args.origin, cell_km=args.cell_km)
    iso = catchment.isochrones(surface, args.minutes)
    iso["year"] = args.year
    iso["scenario"] = args.scenario
    with atomic_path(args.out, overwrite=args.overwrite) as tmp:
        iso.to_file(tmp, driver="GeoJSON")
    for row in iso.itertuples():
        print(f"{row.minutes:g} min: {row.area_km2:,.0f} km2 in {row.parts} part(s)")
    return 0


def _run_access(args: argparse.Namespace) -> int:
    check_output(args.out, overwrite=args.overwrite)
    before = catchment.accessibility(_graph(args.year, "built"), year=args.year, scenario="built")
    if args.compare is not None:
        after = catchment.accessibility(
            _graph(args.compare, args.scenario), year=args.compare, scenario=args.scenario
        )
        table = catchment.compare_accessibility(before, after)
    else:
        table = before
    with atomic_path(args.out, overwrite=args.overwrite) as tmp:
        table.to_csv(tmp, index=False, encoding="utf-8")
    print(f"{len(table)} counties written to {args.out}")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``catchment`` and ``access``."""
    p = subparsers.add_parser(
        "catchment", help="door-to-door isochrones from a place (GeoJSON, WGS-84)"
    )
    p.add_argument("--from", dest="origin", required=True, help="place name, adcode or node id")
    p.add_argument("--minutes", type=_minutes, default=[60.0, 120.0, 180.0])
    p.add_argument("--year", type=int, default=2025)
    p.add_argument("--scenario", choices=("built", "plan"), default="built")
    p.add_argument("--cell-km", type=float, default=1.0)
    p.add_argument("--out", required=True)
    p.add_argument("--overwrite", action="store_true")
    p.set_defaults(func=_run_catchment)

    a = subparsers.add_parser(
        "access", help="per-county accessibility (CSV); --compare adds a second year"
    )
    a.add_argument("--year", type=int, default=2020, help="base year, built network")
    a.add_argument("--compare", type=int, default=None, help="year to compare against")
    a.add_argument(
        "--scenario", choices=("built", "plan"), default="plan", help="scenario of --compare"
    )
    a.add_argument("--out", required=True)
    a.add_argument("--overwrite", action="store_true")
    a.set_defaults(func=_run_access)
