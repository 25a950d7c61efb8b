"""``geoplan compare PLAN... --out report.html``: how plans agree, as an HTML report or CSVs."""

from __future__ import annotations

import argparse
from pathlib import Path

from geoplan.errors import GeoplanError


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``compare`` sub-command."""
    from geoplan._corpus_run import DEFAULT_JOBS

    p = subparsers.add_parser(
        "compare",
        help="transport projects, shared structures and figures that several plans name",
    )
    p.add_argument(
        "paths", nargs="+", metavar="PLAN", help="plan files (any format) or folders of them"
    )
    p.add_argument("--out", required=True, help="output report (.html)")
    p.add_argument(
        "--jobs", type=int, default=DEFAULT_JOBS, help="worker processes to read the plans"
    )
    p.add_argument("--overwrite", action="store_true", help="replace an existing report")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    import tempfile

    from geoplan._corpus_run import extract_folder
    from geoplan._io import check_output
    from geoplan.compare import compare_plans, write_report

    out = check_output(args.out, overwrite=args.overwrite)
    if out.suffix.lower() not in (".html", ".htm"):
        msg = f"{out}: the report is HTML; name it .html"
        raise GeoplanError(msg)
    extracts = []
    for path in args.paths:
        with tempfile.TemporaryDirectory() as tmp:
            run = extract_folder(path, tmp, jobs=args.jobs, layer_format=None)
        if run.failed:
            name, reason = next(iter(run.failed.items()))
            msg = f"{reason}" if Path(path).is_file() else f"{path}: {name}: {reason}"
            raise GeoplanError(msg)
        extracts.extend(run.extracts.values())
    tables = compare_plans(extracts)
    write_report(tables, out, overwrite=args.overwrite)
    t = tables["transport"]
    print(
        f"{out}: {len(tables['plans'])} plans; {len(t)} transport projects named by several "
        f"({int(t['disagree'].sum())} with statuses that disagree), "
        f"{len(tables['structures'])} shared structure components, "
        f"{len(tables['figures'])} shared figures"
    )
    return 0
