"""A corpus of plans at once: extract a folder in parallel and tabulate its records.

:func:`extract_folder` reads every plan under a folder in worker processes, writes each plan's
extract as JSON the moment it is done (so a later failure or an interruption loses nothing
already written), keeps going past a plan that fails and reports it with its one-line reason.
:func:`record_frames` turns extracts into one table per record kind, every row carrying the
plan, its level and jurisdiction; :func:`corpus_layers` adds geometries (from
:mod:`geoplan.layers` and the admin polygons) for GeoPackage or GeoParquet output. Both are
exported by :mod:`geoplan.corpus`.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from geoplan._io import check_output, write_text
from geoplan.errors import GeoplanError

__all__ = [
    "KINDS",
    "CorpusRun",
    "corpus_layers",
    "extract_folder",
    "extract_one",
    "record_frames",
]

KINDS = ("structures", "components", "transport", "figures")
"""Record kinds of a corpus: one dataset each."""
PLAN_COLUMNS = ["plan", "title", "level", "jurisdiction", "jurisdiction_adcode"]
"""Columns every corpus row starts with: which plan, and the level and unit it governs."""
DEFAULT_JOBS = max(1, min(4, os.cpu_count() or 1))
"""Worker processes by default: the machine's cores, at most 4 (extraction is CPU-bound)."""
_LEVELS = {"province": "province", "prefecture": "prefecture", "county": "county"}


@dataclass
class CorpusRun:
    """What :func:`extract_folder` did: extracts by plan, failures with reasons, files written."""

    extracts: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    characters: int = 0
    seconds: float = 0.0


def _located(plan, data: dict[str, Any]) -> dict[str, Any]:
    """Add ``where`` (page or paragraph, None for plain text) to every record with a span."""
    data["format"] = plan.format

    def where(rec: dict[str, Any]) -> None:
        span = rec.get("span")
        if span and span[0] is not None:
            rec["where"] = plan.locate(int(span[0]))

    for kind in ("structures", "transport", "figures", "tables"):
        for rec in data.get(kind, []):
            where(rec)
            for comp in rec.get("components", []):
                where(comp)
    return data


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """The process pool that reads plans in parallel (for folders and the atlas).

    Fork where the system has it: workers start at once with the loaded tables, and a caller
    needs no ``if __name__ == "__main__"`` guard (spawn re-imports the caller's script).
    """
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def extract_one(path: str | os.PathLike[str], *, layers: bool = False) -> dict[str, Any]:
    """Read and extract one plan; return its extract dict with ``where`` on every record.

    With ``layers``, the dict also holds ``_layers``: the plan's structure components and
    transport projects as GeoDataFrames (made here so that workers share the geometry work).

    Examples
    --------
    >>> data = extract_one("seeds/002_0dd9d8fabf2b9845.txt")
    >>> data["format"], data["structures"][0]["where"]
    ('text', None)
    """
    from geoplan.corpus import read_plan
    from geoplan.extract import extract_plan

    plan = read_plan(path)
    extract = extract_plan(plan)
    data = _located(plan, extract.to_dict())
    data["characters"] = len(plan.original)
    if layers:
        from geoplan import layers as lay

        made = {}
        if data["structures"]:
            made["components"] = lay.structure_layers(extract)
        if data["transport"]:
            made["transport"] = lay.transport_layers(extract)
        data["_layers"] = made
    return data


def _work(path: str, layers: bool) -> tuple[str, dict[str, Any] | None, str | None]:
    """Worker: ``(path, extract, None)`` or ``(path, None, one-line reason)``; never raises."""
    try:
        return path, extract_one(path, layers=layers), None
    except GeoplanError as exc:
        return path, None, _one_line(str(exc))
    except Exception as exc:  # one bad plan must not stop a corpus
        return path, None, _one_line(f"internal error {type(exc).__name__}: {exc}")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _json_target(out: Path, root: Path, path: Path) -> Path:
    rel = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    return out / rel.parent / f"{rel.name}.json"


def extract_folder(
    folder: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    jobs: int = DEFAULT_JOBS,
    overwrite: bool = False,
    layer_format: str | None = "gpkg",
    progress: Callable[[str], None] | None = None,
) -> CorpusRun:
    """Extract every plan under ``folder`` (recursively) into the folder ``out``.

    Per plan ``out/<relative path>.json`` (the extract with ``where`` on each record), written
    atomically as soon as it is done; at the end, unless ``layer_format`` is None, one dataset
    per record kind (``structures``, ``components``, ``transport``, ``figures``) as
    ``.gpkg`` or ``.parquet``. A plan that fails is listed in ``CorpusRun.failed`` with its
    one-line reason and the others go on.

    Parameters
    ----------
    folder
        A folder of plans (``geoplan.corpus.plan_paths``) or a single plan file.
    out
        Output folder (created if missing); existing outputs are replaced only with
        ``overwrite`` (checked before any work starts).
    jobs
        Worker processes; 1 runs in this process.
    layer_format
        ``"gpkg"``, ``"parquet"`` or None (JSON only).
    progress
        Called with one line per plan done (``[3/200] ok name``) and a summary.

    Examples
    --------
    >>> import tempfile
    >>> run = extract_folder("seeds", tempfile.mkdtemp(), jobs=2)  # doctest: +SKIP
    >>> len(run.extracts), run.failed  # doctest: +SKIP
    (5, {})
    """
    from geoplan.corpus import plan_paths

    if layer_format not in (None, "gpkg", "parquet"):
        msg = f"unknown layer format {layer_format!r}; use gpkg or parquet"
        raise GeoplanError(msg)
    src = Path(folder)
    paths = [src] if src.is_file() else plan_paths(src)
    root = src.parent if src.is_file() else src
    dest = Path(out)
    if dest.exists() and not dest.is_dir():
        msg = f"{dest}: exists and is not a folder"
        raise GeoplanError(msg)
    targets = {p: _json_target(dest, root, p) for p in paths}
    layer_paths = [dest / f"{k}.{layer_format}" for k in KINDS] if layer_format else []
    for target in [*targets.values(), *layer_paths]:
        check_output(target, overwrite=overwrite)
    say = progress or (lambda _line: None)
    run = CorpusRun()
    t0 = time.perf_counter()
    want_layers = layer_format is not None
    for n, (path, data, reason) in enumerate(_results(paths, jobs, want_layers), 1):
        name = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
        if data is None:
            run.failed[name] = reason or "failed"
            say(f"[{n}/{len(paths)}] FAILED {name}: {reason}")
            continue
        made = data.pop("_layers", {})
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        run.files.append(write_text(targets[path], text, overwrite=overwrite))
        data["_layers"] = made
        data["plan"] = name
        run.extracts[name] = data
        run.characters += int(data.get("characters", 0))
        say(f"[{n}/{len(paths)}] ok {name}")
    run.seconds = time.perf_counter() - t0
    # results come as workers finish; keep the folder's (sorted) order for everything after
    order = {
        (str(p.relative_to(root)) if p.is_relative_to(root) else p.name): i
        for i, p in enumerate(paths)
    }
    run.extracts = dict(sorted(run.extracts.items(), key=lambda kv: order[kv[0]]))
    run.failed = dict(sorted(run.failed.items(), key=lambda kv: order[kv[0]]))
    if want_layers and run.extracts:
        from geoplan import layers as lay

        frames = corpus_layers(list(run.extracts.values()))
        for kind, target in zip(KINDS, layer_paths, strict=True):
            run.files.append(lay.write_layers(frames[kind], target, overwrite=overwrite))
    for data in run.extracts.values():
        data.pop("_layers", None)
    return run


def _results(
    paths: Sequence[Path], jobs: int, layers: bool
) -> Iterable[tuple[Path, dict[str, Any] | None, str | None]]:
    """Yield each plan's result as it completes (in this process when ``jobs`` is 1)."""
    if jobs <= 1 or len(paths) == 1:
        for p in paths:
            _, data, reason = _work(str(p), layers)
            yield p, data, reason
        return
    with worker_pool(min(jobs, len(paths))) as pool:
        futures = {pool.submit(_work, str(p), layers): p for p in paths}
        try:
            for fut in as_completed(futures):
                try:
                    _name, data, reason = fut.result()
                except BrokenProcessPool:
                    data, reason = None, "a worker process died (out of memory or killed)"
                yield futures[fut], data, reason
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise


def _plan_columns(data: Mapping[str, Any]) -> dict[str, Any]:
    from geoplan import gazetteer

    j = data.get("jurisdiction") or {}
    adcode = j.get("adcode")
    level = "group" if j.get("name") and not j.get("adcode") else None  # 长株潭: a group
    if adcode:
        try:
            level = _LEVELS.get(gazetteer.unit(adcode).level)
        except GeoplanError:
            level = None
    return {
        "plan": data.get("plan") or data.get("source", ""),
        "title": data.get("title", ""),
        "level": level,
        "jurisdiction": j.get("name"),
        "jurisdiction_adcode": adcode,
    }


def _places(refs: Iterable[Mapping[str, Any]]) -> tuple[str, str]:
    refs = list(refs)
    names = ";".join(str(r.get("name", "")) for r in refs)
    codes = ";".join(str(r.get("adcode") or "") for r in refs)
    return names, codes


def record_frames(extracts: Iterable[Mapping[str, Any]]) -> dict[str, pd.DataFrame]:
    """One table per record kind (:data:`KINDS`) of many plans' extracts, without geometry.

    Every row starts with :data:`PLAN_COLUMNS` (plan, title, level, jurisdiction and its
    adcode), then the record's fields; ``where`` is the page or paragraph, ``span`` the
    ``"start,end"`` of the plan's extracted text.

    Examples
    --------
    >>> x = {"source": "a.txt", "title": "株洲市规划", "jurisdiction":
    ...      {"name": "株洲市", "adcode": "430200"}, "transport": [{"name": "长赣高铁",
    ...      "mode": "hsr", "status": "planned", "span": [0, 4], "quote": "长赣高铁"}]}
    >>> record_frames([x])["transport"][["plan", "level", "name", "status"]].values.tolist()
    [['a.txt', 'prefecture', '长赣高铁', 'planned']]
    """
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    for data in extracts:
        head = _plan_columns(data)
        for si, s in enumerate(data.get("structures", [])):
            names, codes = _places(s.get("scope_places", []))
            rows["structures"].append(
                head
                | {
                    "structure": si,
                    "pattern": s.get("pattern"),
                    "kind": s.get("kind"),
                    "scope": s.get("scope"),
                    "components": len(s.get("components", [])),
                    "quote": s.get("quote"),
                    "span": _span(s.get("span")),
                    "where": s.get("where"),
                    "confidence": s.get("confidence"),
                }
            )
            for c in s.get("components", []):
                names, codes = _places(c.get("places", []))
                fnames, _ = _places(c.get("features", []))
                rows["components"].append(
                    head
                    | {
                        "structure": si,
                        "pattern": s.get("pattern"),
                        "role": c.get("role"),
                        "name": c.get("name"),
                        "places": names,
                        "adcodes": codes,
                        "features": fnames,
                        "members": ";".join(c.get("members", [])),
                        "group": c.get("group") or "",
                        "quote": c.get("quote"),
                        "span": _span(c.get("span")),
                        "where": c.get("where"),
                        "confidence": c.get("confidence"),
                    }
                )
        for t in data.get("transport", []):
            rows["transport"].append(
                head
                | {
                    "name": t.get("name"),
                    "mode": t.get("mode"),
                    "status": t.get("status"),
                    "cities": ";".join(t.get("cities", [])),
                    "quote": t.get("quote"),
                    "span": _span(t.get("span")),
                    "where": t.get("where"),
                    "confidence": t.get("confidence"),
                }
            )
        for f in data.get("figures", []):
            rows["figures"].append(
                head
                | {
                    "place": f.get("place"),
                    "adcode": f.get("adcode"),
                    "indicator": f.get("indicator"),
                    "value": f.get("value"),
                    "unit": f.get("unit"),
                    "year": f.get("year"),
                    "kind": f.get("kind"),
                    "quote": f.get("quote"),
                    "span": _span(f.get("span")),
                    "where": f.get("where"),
                    "confidence": f.get("confidence"),
                }
            )
    return {k: pd.DataFrame(v, columns=_columns(k)) for k, v in rows.items()}


_KIND_COLUMNS = {
    "structures": ["structure", "pattern", "kind", "scope", "components"],
    "components": [
        *("structure", "pattern", "role", "name", "places", "adcodes", "features"),
        *("members", "group"),
    ],
    "transport": ["name", "mode", "status", "cities"],
    "figures": ["place", "adcode", "indicator", "value", "unit", "year", "kind"],
}


def _columns(kind: str) -> list[str]:
    return [*PLAN_COLUMNS, *_KIND_COLUMNS[kind], "quote", "span", "where", "confidence"]


def _span(span: Any) -> str:
    if not span:
        return ""
    return ",".join("" if s is None else str(int(s)) for s in span)


def corpus_layers(extracts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """:func:`record_frames` with geometries: one GeoDataFrame (EPSG:4326) per record kind.

    Components and transport projects take the geometries :mod:`geoplan.layers` draws (from
    ``_layers`` in an extract made by :func:`extract_one` with ``layers=True``, else made
    here); a structure is the union of its components; a figure is the polygon of its place.
    """
    import geopandas as gpd
    import shapely

    from geoplan import gazetteer
    from geoplan import layers as lay
    from geoplan.crs import WGS84

    frames = record_frames(extracts)
    out: dict[str, Any] = {}
    comp_geoms: list[Any] = []
    trans_geoms: list[Any] = []
    struct_geoms: list[Any] = []
    trans_match: list[tuple[str, str]] = []
    for data in extracts:
        made = data.get("_layers")
        if made is None:
            made = {}
            if data.get("structures"):
                made["components"] = lay.structure_layers(data)
            if data.get("transport"):
                made["transport"] = lay.transport_layers(data)
        comps = made.get("components")
        by_pattern: dict[str, list[Any]] = {}
        if comps is not None:
            for pattern, geom in zip(comps["pattern"], comps.geometry, strict=True):
                if geom is not None and not geom.is_empty:
                    by_pattern.setdefault(pattern, []).append(geom)
        for s in data.get("structures", []):
            parts = by_pattern.get(s.get("pattern"), [])
            struct_geoms.append(shapely.union_all(parts) if parts else None)
            for c in s.get("components", []):
                comp_geoms.append(_component_geom(comps, s.get("pattern"), c))
        trans = made.get("transport")
        for i, _t in enumerate(data.get("transport", [])):
            geom, matched, method = None, "", ""
            if trans is not None and i < len(trans):
                row = trans.iloc[i]
                geom, matched, method = row.geometry, row["matched"], row["method"]
            trans_geoms.append(geom)
            trans_match.append((matched, method))
    frames["transport"]["matched"] = [m for m, _ in trans_match]
    frames["transport"]["method"] = [m for _, m in trans_match]
    units = gazetteer.admin_units().set_index("adcode").geometry
    fig_geoms = [units.get(a) if a else None for a in frames["figures"]["adcode"]]
    for kind, geoms in (
        ("structures", struct_geoms),
        ("components", comp_geoms),
        ("transport", trans_geoms),
        ("figures", fig_geoms),
    ):
        out[kind] = gpd.GeoDataFrame(frames[kind], geometry=list(geoms), crs=WGS84)
    return out


def _component_geom(comps, pattern: str | None, comp: Mapping[str, Any]):
    """The geometry :func:`geoplan.layers.structure_layers` made for this component."""
    if comps is None or comps.empty:
        return None
    if comp.get("members"):  # a group: its parts together
        import shapely

        rows = comps[(comps["pattern"] == pattern) & comps["name"].isin(comp["members"])]
        parts = [g for g in rows.geometry if g is not None and not g.is_empty]
        return shapely.union_all(parts) if parts else None
    span = _span(comp.get("span"))
    hit = comps[(comps["pattern"] == pattern) & (comps["span"] == span)]
    if hit.empty:
        hit = comps[(comps["pattern"] == pattern) & (comps["name"] == comp.get("name"))]
    if hit.empty:
        return None
    geom = hit.geometry.iloc[0]
    return None if geom is None or geom.is_empty else geom


def stderr_progress(line: str) -> None:
    """Print a progress line on standard error (the CLI's progress bar)."""
    print(line, file=sys.stderr, flush=True)
