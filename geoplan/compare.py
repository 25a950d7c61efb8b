"""How plans agree (上下位规划衔接): transport projects, shared structures and figures side by side.

:func:`compare_plans` takes several plans (files or extracts) and returns one table per
question, with one column per plan:

- ``transport``: projects named by two or more plans, keyed by the curated line, expressway or
  airport they stand for (:func:`geoplan._layers_transport.match_project`, the one resolver of
  project names), else by their name; each plan's status (``named`` when the plan gives none),
  and whether the statuses the plans give disagree;
- ``structures``: components and named features that two or more plans put in a structure
  (株醴都市圈, 长株潭生态绿心 ...), with the places each plan assigns (for a feature: the places
  of the component that holds it), and whether these differ; places are as extracted: a
  component of a structure within the plan's own unit does not list that unit (it is the
  structure's scope), one of a wider structure (长株潭) does;
- ``figures``: values two or more plans give for the same place, indicator, year and kind
  (target or actual), and whether they differ;
- ``plans``: the plans compared, with their title, level and jurisdiction.

:func:`report_html` renders them as a self-contained HTML page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from geoplan import _html
from geoplan._io import write_text
from geoplan.errors import GeoplanError

__all__ = ["STATUS_ORDER", "compare_plans", "report_html", "write_report"]

STATUS_ORDER = ("existing", "upgrade", "under_construction", "planned", "study")
"""Statuses from built to least certain; a plan naming a project several times with different
statuses is shown with each, in this order."""
_NO_STATUS = "named"
_NO_PLACE = "(no place)"
_SUFFIXES = (("高速铁路", "高铁"), ("高速公路", "高速"), ("城际铁路", "城际"))


def _extract_of(plan: Any) -> dict[str, Any]:
    """An extract dict (with ``plan``) from a path, a ``PlanExtract`` or an extract dict."""
    if isinstance(plan, str | os.PathLike):
        from geoplan._corpus_run import extract_one

        data = extract_one(plan)
        data["plan"] = Path(plan).name
        return data
    if isinstance(plan, Mapping):
        data = dict(plan)
    elif hasattr(plan, "to_dict"):
        data = plan.to_dict()
    else:
        msg = f"cannot compare {type(plan).__name__}: give plan files or extracts"
        raise GeoplanError(msg)
    data.setdefault("plan", data.get("source", ""))
    return data


def _project_key(name: str, mode: str) -> str:
    from geoplan._layers_transport import match_project

    found = match_project(name, mode)
    if found is not None and found.names:
        return "/".join(found.names)
    key = name
    for long, short in _SUFFIXES:
        key = key.replace(long, short)
    return key


def _norm_name(name: str) -> str:
    return re.sub(r"[\s“”\"'‘’()（）]", "", name or "")


def _side_by_side(
    cells: Mapping[str, Mapping[str, set[str]]],
    plans: Sequence[str],
    *,
    key: str,
    extra: Mapping[str, Mapping[str, Any]] | None = None,
    sort_cells=sorted,
) -> pd.DataFrame:
    """Rows named by two or more plans: one column per plan and a ``disagree`` flag."""
    rows = []
    for k, by_plan in cells.items():
        if len(by_plan) < 2:
            continue
        row: dict[str, Any] = {key: k}
        if extra:
            row.update(extra.get(k, {}))
        row["plans"] = len(by_plan)
        values = []
        for p in plans:
            got = by_plan.get(p)
            row[p] = "; ".join(sort_cells(got)) if got else ""
            said = frozenset(got or ()) - {_NO_STATUS, _NO_PLACE}  # naming alone: no disagreement
            if said:
                values.append(said)
        row["disagree"] = len(set(values)) > 1
        rows.append(row)
    columns = [key, *(next(iter(extra.values())).keys() if extra else [])]
    columns += ["plans", *plans, "disagree"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["plans", key], ascending=[False, True], ignore_index=True)


def _by_status(statuses: Iterable[str]) -> list[str]:
    order = {s: i for i, s in enumerate((*STATUS_ORDER, _NO_STATUS))}
    return sorted(statuses, key=lambda s: (order.get(s, len(order)), s))


def compare_plans(plans: Sequence[Any]) -> dict[str, pd.DataFrame]:
    """Compare plans: what two or more of them name, side by side, and where they disagree.

    Parameters
    ----------
    plans
        Plan files (any format :func:`geoplan.corpus.read_plan` reads), ``PlanExtract``
        objects or their ``to_dict()``; at least two.

    Returns
    -------
    dict of DataFrame
        ``plans`` (plan, title, level, jurisdiction), ``transport`` (project, mode, names,
        plans, one status column per plan, disagree), ``structures`` (component or feature,
        patterns, plans, the places each plan assigns, disagree) and ``figures`` (place,
        indicator, year, kind, unit, plans, one value column per plan, disagree).

    Examples
    --------
    >>> a = {"source": "省.txt", "transport": [
    ...     {"name": "长赣高铁", "mode": "hsr", "status": "planned"}]}
    >>> b = {"source": "市.txt", "transport": [
    ...     {"name": "长赣高速铁路", "mode": "hsr", "status": "under_construction"}]}
    >>> t = compare_plans([a, b])["transport"]
    >>> t[["project", "省.txt", "市.txt", "disagree"]].values.tolist()
    [['长赣高铁', 'planned', 'under_construction', True]]
    """
    from geoplan._corpus_run import record_frames

    extracts = [_extract_of(p) for p in plans]
    if len(extracts) < 2:
        msg = f"compare needs at least two plans, got {len(extracts)}"
        raise GeoplanError(msg)
    names = [str(x["plan"]) for x in extracts]
    if len(set(names)) < len(names):
        msg = "two of the plans compared have the same file name; rename one"
        raise GeoplanError(msg)
    frames = record_frames(extracts)
    plan_table = (
        pd.concat(
            [
                frames[k][["plan", "title", "level", "jurisdiction"]]
                for k in ("transport", "structures", "figures", "components")
            ]
        )
        .drop_duplicates("plan")
        .set_index("plan")
        .reindex(names)
        .reset_index()
    )
    for i, x in enumerate(extracts):
        if pd.isna(plan_table.loc[i, "title"]):
            plan_table.loc[i, "title"] = x.get("title", "")
    return {
        "plans": plan_table,
        "transport": _transport(frames["transport"], names),
        "structures": _structures(frames["components"], names),
        "figures": _figures(frames["figures"], names),
    }


def _transport(frame: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    cells: dict[str, dict[str, set[str]]] = {}
    extra: dict[str, dict[str, Any]] = {}
    for row in frame.itertuples(index=False):
        key = _project_key(str(row.name), str(row.mode))
        status = row.status if isinstance(row.status, str) and row.status else _NO_STATUS
        cells.setdefault(key, {}).setdefault(row.plan, set()).add(status)
        info = extra.setdefault(key, {"mode": row.mode, "names": set()})
        info["names"].add(row.name)
    for info in extra.values():
        info["names"] = "、".join(sorted(info["names"]))
    return _side_by_side(cells, names, key="project", extra=extra, sort_cells=_by_status)


def _structures(frame: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    cells: dict[str, dict[str, set[str]]] = {}
    extra: dict[str, dict[str, Any]] = {}
    for row in frame.itertuples(index=False):
        if getattr(row, "members", ""):
            continue  # a group (三带): its parts stand for it; its label names nothing shared
        places = {p for p in str(row.places or "").split(";") if p}
        keys = {_norm_name(str(row.name))} | {
            _norm_name(f) for f in str(row.features or "").split(";") if f
        }
        for key in keys - {""}:
            if len(key) < 2:
                continue
            cell = cells.setdefault(key, {}).setdefault(row.plan, set())
            cell.update(places or {_NO_PLACE})
            info = extra.setdefault(key, {"via": set(), "patterns": set()})
            info["patterns"].add(str(row.pattern))
            info["via"].add("component" if key == _norm_name(str(row.name)) else "feature")
    for info in extra.values():
        info["patterns"] = "、".join(sorted(info["patterns"]))
        info["via"] = "/".join(sorted(info["via"]))
    return _side_by_side(cells, names, key="component", extra=extra)


def _figures(frame: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    cells: dict[tuple, dict[str, set[str]]] = {}
    for row in frame.itertuples(index=False):
        if row.year is None or pd.isna(row.year) or not row.place:
            continue
        key = (row.place, row.indicator, int(row.year), row.kind, row.unit)
        value = f"{row.value:g}"
        cells.setdefault(key, {}).setdefault(row.plan, set()).add(value)
    keyed = {" | ".join(map(str, k)): v for k, v in cells.items()}
    out = _side_by_side(keyed, names, key="key")
    parts = out["key"].str.split(" | ", regex=False, expand=True) if len(out) else None
    columns = ["place", "indicator", "year", "kind", "unit"]
    for i, col in enumerate(columns):
        out.insert(i, col, parts[i] if parts is not None else pd.Series(dtype=object))
    if len(out):
        out["year"] = out["year"].astype(int)
    return out.drop(columns="key")


# ------------------------------------------------------------------------------------ report


def _esc(value: Any) -> str:
    """A cell's value for HTML, escaped by :func:`geoplan._html.escape` (a missing value is
    an empty cell)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return _html.escape(value)


def _table(frame: pd.DataFrame, plans: Mapping[str, str], *, caption: str) -> str:
    """An HTML table; a plan's column is headed by its jurisdiction above its file name."""
    if frame.empty:
        return f"<h2>{_esc(caption)}</h2><p>No item is named by two or more plans.</p>"
    head = "".join(
        f"<th>{_esc(plans[c])}<br><small>{_esc(c)}</small></th>"
        if c in plans
        else f"<th>{_esc(c)}</th>"
        for c in frame.columns
    )
    body = []
    for row in frame.itertuples(index=False):
        cells = []
        for col, value in zip(frame.columns, row, strict=True):
            cls = ""
            if col in plans and value:
                cls = ' class="plan"'
            if col == "disagree":
                cls = ' class="disagree"' if value else ' class="agree"'
                value = "disagree" if value else "agree"
            cells.append(f"<td{cls}>{_esc(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<h2>{_esc(caption)}</h2>\n<table><thead><tr>{head}</tr></thead><tbody>\n"
        + "\n".join(body)
        + "\n</tbody></table>"
    )


def report_html(tables: Mapping[str, pd.DataFrame], *, title: str = "How the plans agree") -> str:
    """Render :func:`compare_plans`'s tables as one self-contained HTML page (all text escaped).

    Examples
    --------
    >>> a = {"source": "<a>.txt", "transport": [{"name": "长赣高铁", "mode": "hsr"}]}
    >>> b = {"source": "b.txt", "transport": [{"name": "长赣高铁", "mode": "hsr"}]}
    >>> "&lt;a&gt;.txt" in report_html(compare_plans([a, b]))
    True
    """
    listed = tables["plans"]
    plans = {
        str(p): str(j) if isinstance(j, str) else ""
        for p, j in zip(listed["plan"], listed["jurisdiction"], strict=True)
    }
    counts = ", ".join(
        f"{len(tables[k])} {label}"
        for k, label in (
            ("transport", "transport projects"),
            ("structures", "structure components"),
            ("figures", "figures"),
        )
    )
    sections = [
        _table(tables["plans"], {}, caption="Plans compared"),
        _table(tables["transport"], plans, caption="Transport projects named by several plans"),
        _table(
            tables["structures"], plans, caption="Places each plan assigns to a shared structure"
        ),
        _table(tables["figures"], plans, caption="Figures several plans give"),
    ]
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{_esc(title)}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", sans-serif; margin: 1.5em; }}
table {{ border-collapse: collapse; margin-bottom: 2em; }}
td, th {{ border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }}
th {{ background: #eef; }}
td.disagree {{ background: #fdd; font-weight: bold; }}
td.agree {{ color: #272; }}
</style></head><body>
<h1>{_esc(title)}</h1>
<p id="summary">{_esc(counts)} named by two or more of {len(plans)} plans.</p>
{chr(10).join(sections)}
</body></html>
"""


def write_report(
    tables: Mapping[str, pd.DataFrame], path: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write :func:`report_html` to ``path`` atomically and return the path."""
    return write_text(path, report_html(tables), overwrite=overwrite)
