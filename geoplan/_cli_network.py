"""CLI commands of the transport graph: ``geoplan network`` and ``geoplan traveltime``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from geoplan._io import atomic_path
from geoplan.errors import GeoplanError
from geoplan.network import (
    PLACE_RULE,
    TRAIN_CLASSES,
    build_graph,
    graph_to_gdfs,
    resolve_place,
    travel_time,
)


def _network(args: argparse.Namespace) -> int:
    if Path(args.out).suffix.lower() != ".gpkg":
        msg = f"{args.out}: the network is written as a GeoPackage; name the file *.gpkg"
        raise GeoplanError(msg)
    graph = build_graph(year=args.year, scenario=args.scenario)
    nodes, edges = graph_to_gdfs(graph)
    with atomic_path(args.out, overwrite=args.overwrite) as tmp:
        nodes.to_file(tmp, layer="nodes", driver="GPKG")
        edges.to_file(tmp, layer="edges", driver="GPKG", mode="a")
    print(f"{args.out}: {len(nodes)} nodes, {len(edges)} edges ({args.scenario} {args.year})")
    return 0


def _traveltime(args: argparse.Namespace) -> int:
    graph = build_graph(year=args.year, scenario=args.scenario)
    ends = [resolve_place(graph, args.origin), resolve_place(graph, args.destination)]
    if args.train_class and not args.direct_train:
        msg = "--train-class goes with --direct-train: it is the class of that one train"
        raise GeoplanError(msg)
    if args.nonstop and not args.direct_train:
        msg = "--nonstop goes with --direct-train: a train that calls nowhere on the way"
        raise GeoplanError(msg)
    if args.direct_train:
        from geoplan.catchment import direct_train

        journey = direct_train(
            graph,
            args.origin,
            args.destination,
            train_class=args.train_class,
            nonstop=args.nonstop,
        )
    else:
        journey = travel_time(graph, args.origin, args.destination)
    if args.json:
        out = journey.to_dict()
        out["origin_meaning"], out["destination_meaning"] = (p.meaning for p in ends)
        out["place_rule"] = PLACE_RULE
        print(json.dumps(out, ensure_ascii=False))
        return 0
    for place in ends:
        print(f"{place.name}: {place.meaning}")
    print(
        f"{journey.origin} -> {journey.destination}: {journey.minutes:.0f} min "
        f"({journey.in_vehicle_minutes:.0f} moving + {journey.penalty_minutes:.0f} boarding, "
        "waiting, changing and leaving)"
    )
    for leg in journey.legs:
        line = f" {leg.line}" if leg.line else ""
        extra = f" + {leg.penalty_minutes:.1f} min penalties" if leg.penalty_minutes else ""
        through = " (same train)" if leg.through else ""
        print(
            f"  {leg.mode}{line}: {leg.start} -> {leg.end}, {leg.minutes:.1f} min{extra}{through}"
        )
    if journey.stand_ins:
        print(f"  rests on stand-in stations: {', '.join(journey.stand_ins)}")
    print(f"(names: {PLACE_RULE})")
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, default=2025, help="network year (default 2025)")
    parser.add_argument(
        "--scenario", choices=("built", "plan"), default="built", help="built (default) or plan"
    )


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``network`` and ``traveltime``."""
    net = subparsers.add_parser("network", help="write the transport graph as a GeoPackage")
    _common(net)
    net.add_argument("--out", required=True, help="output .gpkg (layers nodes, edges)")
    net.add_argument("--overwrite", action="store_true", help="replace an existing output")
    net.set_defaults(func=_network)

    tt = subparsers.add_parser("traveltime", help="quickest journey between two places")
    tt.add_argument("origin", help="county or prefecture (its seat), station (长沙站), adcode")
    tt.add_argument("destination", help="as origin")
    _common(tt)
    tt.add_argument("--json", action="store_true", help="print the journey as JSON")
    tt.add_argument(
        "--direct-train",
        action="store_true",
        help="between two stations: the quickest ride on one train, with no change",
    )
    tt.add_argument(
        "--train-class",
        choices=TRAIN_CLASSES,
        help="with --direct-train: the train's class (K, T and Z ride as conventional trains)",
    )
    tt.add_argument(
        "--nonstop",
        action="store_true",
        help="with --direct-train: a train that calls at no station between the two",
    )
    tt.set_defaults(func=_traveltime)
