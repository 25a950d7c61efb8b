"""``geoplan atlas``: run every stage over a folder of plans."""

from __future__ import annotations

import argparse

from geoplan._corpus_run import DEFAULT_JOBS
from geoplan.atlas import build_atlas


def _run(args: argparse.Namespace) -> int:
    report = build_atlas(
        args.seeds, args.out, overwrite=args.overwrite, progress=True, jobs=args.jobs
    )
    for s in report.seeds:
        print(
            f"{s['source']}: {s['title']} ({s['script']}, {s['characters']} characters): "
            f"{s['prefectures']} prefectures, {s['counties']} counties named; "
            f"structures {s.get('structures', 'none')}; {s.get('transport', 0)} transport "
            f"projects, {s.get('figures', 0)} figures, {s.get('tables', 0)} tables"
        )
    for problem in report.problems:
        print(f"problem: {problem}")
    print(
        f"{len(report.maps)} maps and {len(report.files)} files in {report.out}; "
        f"open {report.out / 'index.html'}"
    )
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``geoplan atlas``."""
    p = subparsers.add_parser("atlas", help="build everything for a folder of plans")
    p.add_argument("--seeds", default="seeds", help="folder of plan texts (default: seeds)")
    p.add_argument("--out", default="atlas", help="output folder (default: atlas)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    p.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        help=f"processes that read and extract the plans (default: {DEFAULT_JOBS})",
    )
    p.set_defaults(func=_run)
