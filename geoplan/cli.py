"""Command-line interface: ``geoplan <command>``; every expected failure is one line and exit 2."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence

from geoplan import __version__
from geoplan.errors import GeoplanError

# Each topic module defines ``add_commands(subparsers)``; every sub-command sets ``func``,
# a callable taking the parsed ``argparse.Namespace`` and returning an exit status.
_COMMAND_MODULES = (
    "geoplan._cli_places",
    "geoplan._cli_extract",
    "geoplan._cli_network",
    "geoplan._cli_layers",
    "geoplan._cli_catchment",
    "geoplan._cli_maps",
    "geoplan._cli_atlas",
    "geoplan._cli_compare",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every available sub-command."""
    parser = argparse.ArgumentParser(
        prog="geoplan",
        description="Turn Hunan's regional development plans into GIS layers, graphs and maps.",
    )
    parser.add_argument("--version", action="version", version=f"geoplan {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        importlib.import_module(name).add_commands(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status (0 ok, 2 on a ``GeoplanError``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except GeoplanError as exc:
        print(f"geoplan {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"geoplan {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
