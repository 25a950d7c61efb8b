"""The atlas: every stage of geoplan run over a folder of plans into one output folder."""

from __future__ import annotations

import html
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geoplan._io import check_output
from geoplan.corpus import Plan, read_plan
from geoplan.errors import PlanReadError

__all__ = ["AtlasReport", "build_atlas"]


@dataclass
class AtlasReport:
    """What the atlas made: per seed a summary, and the files written (relative to ``out``)."""

    out: Path
    seeds: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _progress(enabled: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if enabled:
            print(message, file=sys.stderr, flush=True)

    return say


def build_atlas(
    seeds: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    progress: bool = False,
) -> AtlasReport:
    """Read every plan in ``seeds`` and write what geoplan makes of them into ``out``.

    The folder is built beside ``out`` and moved into place at the end, so a failed run
    leaves no half-written atlas and an existing one untouched.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> report = build_atlas("seeds", pathlib.Path(tempfile.mkdtemp()) / "atlas")
    >>> len(report.seeds), "index.html" in report.files
    (5, True)
    """
    from geoplan._cli_places import place_counts

    src = Path(seeds)
    paths = sorted(p for p in src.glob("*.txt")) if src.is_dir() else []
    if not paths:
        msg = f"{src}: no plan texts (*.txt) found"
        raise PlanReadError(msg)
    target = check_output(out, overwrite=overwrite)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    report = AtlasReport(out=target)
    say = _progress(progress)
    try:
        for i, path in enumerate(paths, 1):
            say(f"[{i}/{len(paths)}] {path.name}: reading")
            plan = read_plan(path)
            places = place_counts(plan)
            stem = path.stem
            (work / f"{stem}.places.json").write_text(
                json.dumps(places, ensure_ascii=False, indent=2), encoding="utf-8"
            )
            report.files.append(f"{stem}.places.json")
            report.seeds.append(_summary(plan, places))
        (work / "index.html").write_text(_index_html(report), encoding="utf-8")
        report.files.append("index.html")
        _replace_dir(work, target)
    finally:
        if work.exists():
            shutil.rmtree(work)
    say(f"atlas written to {target} ({len(report.files)} files)")
    return report


def _summary(plan: Plan, places: dict[str, Any]) -> dict[str, Any]:
    levels: dict[str, int] = {}
    for u in places["units"]:
        levels[u["level"]] = levels.get(u["level"], 0) + 1
    return {
        "source": plan.name,
        "title": plan.title,
        "script": plan.script,
        "characters": len(plan.original),
        "prefectures": levels.get("prefecture", 0),
        "counties": levels.get("county", 0),
    }


def _replace_dir(work: Path, target: Path) -> None:
    if target.exists():
        old = target.with_name(f".{target.name}.old")
        if old.exists():
            shutil.rmtree(old)
        os.replace(target, old)
        os.replace(work, target)
        shutil.rmtree(old)
    else:
        os.replace(work, target)


def _index_html(report: AtlasReport) -> str:
    rows = "\n".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(str(s[k]))}</td>"
            for k in ("source", "title", "script", "characters", "prefectures", "counties")
        )
        + "</tr>"
        for s in report.seeds
    )
    links = "\n".join(
        f'<li><a href="{html.escape(f)}">{html.escape(f)}</a></li>'
        for f in report.files
        if f != "index.html"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>geoplan atlas</title>
<style>body{{font-family:sans-serif;margin:2em}}
td,th{{padding:2px 8px;border-bottom:1px solid #ddd}}</style>
</head><body>
<h1>geoplan atlas</h1>
<h2>Plans</h2>
<table><tr><th>file</th><th>title</th><th>script</th><th>characters</th>
<th>prefectures named</th><th>counties named</th></tr>
{rows}
</table>
<h2>Files</h2>
<ul>
{links}
</ul>
</body></html>
"""
