"""``geoplan layers PATH... --out layers.gpkg [--transport]``: layers of plans or extract JSON.

Structure components by default; with ``--transport`` the transport projects the plans name.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from geoplan.errors import PlanReadError


def _extract(path: Path):
    if path.suffix.lower() == ".json":
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            msg = f"cannot read extract JSON {path}: {exc}"
            raise PlanReadError(msg) from exc
    from geoplan.corpus import read_plan
    from geoplan.extract import extract_plan

    return extract_plan(read_plan(path))


def _run(args: argparse.Namespace) -> int:
    import geopandas as gpd

    from geoplan.layers import structure_layers, transport_layers, write_layers

    if args.transport:
        frames = [transport_layers(_extract(Path(p))) for p in args.paths]
        what = "transport projects"
    else:
        frames = [structure_layers(_extract(Path(p)), clip=not args.no_clip) for p in args.paths]
        what = "components"
    gdf = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs)
    out = write_layers(gdf, args.out, overwrite=args.overwrite)
    made = int(gdf.geometry.notna().sum())
    print(f"{out}: {len(gdf)} {what}, {made} with geometry")
    return 0


def add_commands(subparsers) -> None:
    """Register ``geoplan layers``."""
    parser = subparsers.add_parser(
        "layers",
        help="structure layers (GeoPackage, GeoParquet or GeoJSON) from plans or extract JSON",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="plan .txt or extract .json")
    parser.add_argument("--out", required=True, help="output .gpkg, .parquet or .geojson")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing output")
    parser.add_argument("--no-clip", action="store_true", help="do not clip to the plan's scope")
    parser.add_argument(
        "--transport",
        action="store_true",
        help="write the transport projects the plans name instead of structure components",
    )
    parser.set_defaults(func=_run)
