"""``geoplan extract PATH --json OUT``: structures, transport, figures and tables as JSON."""

from __future__ import annotations

import argparse
import json

from geoplan._io import write_text


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``extract`` sub-command."""
    p = subparsers.add_parser(
        "extract",
        help="extract spatial structures, transport projects, figures and tables from a plan",
    )
    p.add_argument("path", help="plan file: text (UTF-8, GB18030, UTF-16), PDF, DOCX or HTML")
    p.add_argument("--json", required=True, dest="json_out", help="output JSON file")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from geoplan.corpus import read_plan
    from geoplan.extract import extract_plan

    result = extract_plan(read_plan(args.path)).to_dict()
    text = json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    write_text(args.json_out, text, overwrite=args.overwrite)
    print(
        f"{args.json_out}: {len(result['structures'])} structures, "
        f"{len(result['transport'])} transport projects, {len(result['figures'])} figures, "
        f"{len(result['tables'])} tables"
    )
    return 0
