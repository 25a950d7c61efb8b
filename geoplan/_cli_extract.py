"""``geoplan extract``: one plan to JSON, or a folder of plans to JSON files and corpus layers.

``geoplan extract PLAN --json OUT`` writes one plan's structures, transport, figures and tables;
``geoplan extract DIR --out DIR`` reads every plan under a folder in parallel processes, keeps
going past a plan that fails (listed at the end; exit status 1) and writes one dataset per
record kind.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geoplan._io import write_text
from geoplan.errors import GeoplanError


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``extract`` sub-command."""
    from geoplan._corpus_run import DEFAULT_JOBS

    p = subparsers.add_parser(
        "extract",
        help="extract spatial structures, transport projects, figures and tables from plans",
    )
    p.add_argument(
        "path",
        help="a plan file (text in UTF-8, GB18030, Big5 or UTF-16; PDF; DOCX; HTML) or a folder",
    )
    p.add_argument("--json", dest="json_out", help="output JSON file (one plan)")
    p.add_argument("--out", help="output folder: a JSON per plan and one dataset per record kind")
    p.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        help=f"worker processes for a folder (default {DEFAULT_JOBS})",
    )
    p.add_argument(
        "--format",
        choices=("gpkg", "parquet", "none"),
        default="gpkg",
        help="corpus datasets as GeoPackage, GeoParquet or none (JSON only)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress lines on standard error")
    p.add_argument("--overwrite", action="store_true", help="replace existing outputs")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    if args.out is not None and args.json_out is not None:
        msg = "give --json OUT for one plan or --out DIR for a folder, not both"
        raise GeoplanError(msg)
    if args.out is not None:
        return _run_folder(args)
    if args.json_out is None:
        msg = "give --json OUT for one plan or --out DIR for a folder of plans"
        raise GeoplanError(msg)
    if Path(args.path).is_dir():
        msg = f"{args.path} is a folder: use --out DIR to extract every plan in it"
        raise GeoplanError(msg)
    from geoplan._corpus_run import extract_one

    result = extract_one(args.path)
    text = json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    write_text(args.json_out, text, overwrite=args.overwrite)
    print(
        f"{args.json_out}: {len(result['structures'])} structures, "
        f"{len(result['transport'])} transport projects, {len(result['figures'])} figures, "
        f"{len(result['tables'])} tables"
    )
    return 0


def _run_folder(args: argparse.Namespace) -> int:
    from geoplan._corpus_run import extract_folder, stderr_progress

    if args.jobs < 1:
        msg = f"--jobs must be at least 1, not {args.jobs}"
        raise GeoplanError(msg)
    run = extract_folder(
        args.path,
        args.out,
        jobs=args.jobs,
        overwrite=args.overwrite,
        layer_format=None if args.format == "none" else args.format,
        progress=None if args.quiet else stderr_progress,
    )
    rate = run.characters / run.seconds if run.seconds else 0.0
    print(
        f"{args.out}: {len(run.extracts)} plans extracted, {len(run.failed)} failed, "
        f"{len(run.files)} files written ({run.characters:,} characters, {rate:,.0f} per second)"
    )
    for name, reason in run.failed.items():
        print(f"failed: {name}: {reason}", file=sys.stderr)
    return 1 if run.failed else 0
