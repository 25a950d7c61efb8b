"""``geoplan places``: the administrative units, groups and townships a plan names, counted."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

from geoplan import gazetteer
from geoplan.corpus import Plan, read_plan


def place_counts(plan: Plan, *, within: str | None = None) -> dict[str, Any]:
    """Count the units, groups and townships a plan names directly.

    Units and groups are counted by full, short or former name; townships (乡、镇、街道) are
    listed with their county, a name found in several counties decided by ``within`` (an
    adcode; by default the plan's jurisdiction, read from its title) or left ambiguous
    (``adcode`` None, the candidates in ``within``).

    Examples
    --------
    >>> from geoplan.corpus import read_text
    >>> place_counts(read_text("株洲市、醴陵市和醴陵经开区"))["units"][1]
    {'adcode': '430281', 'name': '醴陵市', 'level': 'county', 'count': 2}
    >>> place_counts(read_text("汨罗市规划:新市镇、白水镇"))["townships"][0]
    {'name': '新市镇', 'adcode': '430681', 'county': '汨罗市', 'count': 1}
    >>> x = place_counts(read_text("磐安县规划\\n串联义乌经开区和东阳城区,冷水镇"))
    >>> [u["name"] for u in x["units"]], x["townships"]
    (['磐安县', '义乌市', '东阳市'], [])
    """
    from geoplan.extract import _jurisdiction, plan_region
    from geoplan.extract._common import township_ref

    if within is None:
        j = _jurisdiction(plan)
        codes = (j.adcode,) if j is not None and j.adcode else (j.within if j else ())
    else:
        codes = (within,)
    # read in the plan's region: a plan of a unit outside Hunan names its own province's units
    # (义乌, 东阳 in 磐安's plan) and no Hunan township
    scope = plan_region(plan)
    mentions = gazetteer.match(plan.text, scope=scope, townships=True, within=codes)
    unit_counts: Counter[str] = Counter()
    group_counts: Counter[str] = Counter()
    town_counts: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for m in mentions:
        if m.how == "group":
            group_counts[m.name] += 1
        elif m.how == "township":
            town_counts[(m.name, m.adcodes)] += 1
        else:
            unit_counts.update(m.adcodes)
    units = []
    for adcode, count in sorted(unit_counts.items()):
        u = gazetteer.unit(adcode)
        units.append({"adcode": adcode, "name": u.name, "level": u.level, "count": count})
    groups = [{"name": g, "count": n} for g, n in sorted(group_counts.items())]
    towns = []
    for (name, adcodes), count in sorted(town_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        ref = township_ref(name, adcodes)
        row: dict[str, Any] = {"name": name, "adcode": ref.adcode}
        if ref.adcode is None:
            row["within"] = list(ref.within)
        else:
            row["county"] = gazetteer.unit(ref.adcode).name
        row["count"] = count
        towns.append(row)
    return {
        "source": plan.name,
        "title": plan.title,
        "units": units,
        "groups": groups,
        "townships": towns,
    }


def _run(args: argparse.Namespace) -> int:
    within = None
    if args.within:
        within = gazetteer.lookup(args.within, strict=True)[0].adcode
    for path in args.paths:
        result = place_counts(read_plan(path), within=within)
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
        if result["townships"]:
            print(f"townships: {len(result['townships'])}")
            for t in result["townships"]:
                where = t.get("county") or "ambiguous: " + " ".join(t["within"])
                print(f"  {t['adcode'] or '-':<6}  {t['name']:<10}\t{t['count']}\t{where}")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``geoplan places``."""
    p = subparsers.add_parser(
        "places", help="list the administrative units and townships a plan names"
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="plan text file(s)")
    p.add_argument(
        "--within",
        metavar="PLACE",
        help="jurisdiction deciding township names found in several counties "
        "(default: the unit the plan's title names)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_run)
