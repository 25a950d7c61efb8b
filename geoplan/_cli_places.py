"""``geoplan places``: the administrative units a plan names, with their counts."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from geoplan import gazetteer
from geoplan.corpus import Plan, read_plan


def place_counts(plan: Plan) -> dict[str, Any]:
    """Count the units and groups a plan names directly (full, short or former names).

    Examples
    --------
    >>> from geoplan.corpus import read_text
    >>> place_counts(read_text("株洲市、醴陵市和醴陵经开区"))["units"][1]
    {'adcode': '430281', 'name': '醴陵市', 'level': 'county', 'count': 2}
    """
    mentions = gazetteer.match(plan.text)
    unit_counts: Counter[str] = Counter()
    group_counts: Counter[str] = Counter()
    for m in mentions:
        if m.how == "group":
            group_counts[m.name] += 1
        else:
            unit_counts.update(m.adcodes)
    units = []
    for adcode, count in sorted(unit_counts.items()):
        u = gazetteer.unit(adcode)
        units.append({"adcode": adcode, "name": u.name, "level": u.level, "count": count})
    groups = [{"name": g, "count": n} for g, n in sorted(group_counts.items())]
    return {"source": plan.name, "title": plan.title, "units": units, "groups": groups}


def _run(args: argparse.Namespace) -> int:
    for path in args.paths:
        result = place_counts(read_plan(path))
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
            continue
        print(f"# {result['source']}: {result['title']}")
        for level in ("province", "prefecture", "county"):
            rows = [u for u in result["units"] if u["level"] == level]
            print(f"{level}: {len(rows)}")
            for u in rows:
                print(f"  {u['adcode']}  {u['name']:<12}\t{u['count']}")
        if result["groups"]:
            print("groups: " + ", ".join(f"{g['name']} {g['count']}" for g in result["groups"]))
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``geoplan places``."""
    p = subparsers.add_parser("places", help="list the administrative units a plan names")
    p.add_argument("paths", nargs="+", metavar="PATH", help="plan text file(s)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_run)
