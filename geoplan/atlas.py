"""The atlas: every stage of geoplan run over a folder of plans into one output folder.

Per plan: the places it names, its extract (structures, transport, figures, tables), its
structure layers (GeoPackage) and maps of them. For the province: choropleths of the figures the
plans tabulate by prefecture, the rail corridor map (built against planned), 长沙's catchments
(2020 built against 2025 plan) and the change of accessibility by county. An ``index.html``
links everything with a short report of what each plan holds.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from geoplan._corpus_run import DEFAULT_JOBS, worker_pool
from geoplan._html import escape, href
from geoplan._io import check_output
from geoplan.corpus import Plan, plan_paths, read_plan
from geoplan.errors import GeoplanError, PlanReadError

__all__ = ["CATCHMENT_MINUTES", "CATCHMENT_ORIGIN", "AtlasReport", "build_atlas"]

CATCHMENT_ORIGIN = "长沙市"
"""Origin of the atlas's catchment maps: the provincial capital the plans centre on."""
CATCHMENT_MINUTES = (60, 120, 180)
"""Budgets of the catchment maps: the 1, 2 and 3 hour circles the plans speak of."""
SCENARIOS = ((2020, "built"), (2025, "plan"))
"""Today (the plans' base year, network as built) against the plans' 2025 network."""


@dataclass
class AtlasReport:
    """What the atlas made: per plan a summary, the maps and files written, what went wrong."""

    out: Path
    seeds: list[dict[str, Any]] = field(default_factory=list)
    maps: list[tuple[str, str]] = field(default_factory=list)  # (title, relative path)
    thumbnails: dict[str, str] = field(default_factory=dict)  # map path -> thumbnail path
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
    province_maps: bool = True,
    jobs: int = DEFAULT_JOBS,
) -> AtlasReport:
    """Run geoplan over every plan in ``seeds`` and write the results into the folder ``out``.

    The folder is built beside ``out`` and moved into place at the end, so a failed run leaves
    no half-written atlas and an existing one untouched. A stage that fails on one plan with a
    ``GeoplanError`` is reported in ``AtlasReport.problems`` and the others go on.

    Parameters
    ----------
    seeds
        Folder of plans (text, PDF, DOCX, HTML; ``geoplan.corpus.plan_paths``, recursive).
    out
        Output folder; it must not exist unless ``overwrite``.
    progress
        Print a line per step to standard error.
    province_maps
        Also make the province-wide maps (figures, corridors, catchments, accessibility).
    jobs
        Worker processes that read and extract the plans (1: in this process); layers and
        maps are then made here, plan by plan.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "atlas"
    >>> report = build_atlas("seeds", out, province_maps=False)  # doctest: +SKIP
    >>> len(report.seeds), (out / "index.html").exists()  # doctest: +SKIP
    (5, True)
    """
    src = Path(seeds)
    paths = plan_paths(src) if src.is_dir() else []
    if not paths:
        msg = f"{src}: no plan texts (*.txt) found"
        raise PlanReadError(msg)
    target = check_output(out, overwrite=overwrite)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    report = AtlasReport(out=target)
    say = _progress(progress)
    try:
        done: list[tuple[Plan, Any]] = []
        transport: list[gpd.GeoDataFrame] = []  # each plan's transport layer, made once
        names = plan_folders(src, paths)
        for i, (path, read) in enumerate(zip(paths, _read_all(paths, jobs), strict=True), 1):
            say(f"[{i}/{len(paths)}] {path.name}")
            extract = _plan_stage(path, names[path], read, work, report, say, transport)
            if extract is not None:
                done.append((read[0], extract))
        if province_maps:
            _province_stage(done, transport, work, report, say)
        (work / "index.html").write_text(_index_html(report), encoding="utf-8")
        report.files.append("index.html")
        _replace_dir(work, target)
    finally:
        if work.exists():
            shutil.rmtree(work)
    say(f"atlas written to {target} ({len(report.files)} files, {len(report.maps)} maps)")
    return report


THUMBNAIL_PX = 220
"""Longest side of the index's thumbnails, in pixels (scaled down from the saved PNG)."""


def _save_static(fig, folder: Path, name: str, report: AtlasReport, *, page: str | None) -> None:
    """Save a static map as ``name.png`` and a thumbnail; the index shows it for ``page``."""
    from geoplan import maps

    rel = folder.name
    from PIL import Image

    png = maps.save_figure(fig, folder / f"{name}.png")
    with Image.open(png) as image:
        image.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
        image.save(folder / f"{name}.thumb.png", optimize=True)
    report.files.extend([f"{rel}/{name}.png", f"{rel}/{name}.thumb.png"])
    if page is not None:
        report.thumbnails[page] = f"{rel}/{name}.thumb.png"


def _write_json(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2), encoding="utf-8")


def plan_folders(src: Path, paths: list[Path]) -> dict[Path, str]:
    """The atlas folder of each plan: its path under ``src`` without suffix (``/`` -> ``__``),
    with the suffix kept where two plans would share a name (a.txt and a.pdf).

    >>> plan_folders(Path("s"), [Path("s/a.txt"), Path("s/a.pdf"), Path("s/d/b.txt")])
    {PosixPath('s/a.txt'): 'a_txt', PosixPath('s/a.pdf'): 'a_pdf', PosixPath('s/d/b.txt'): 'd__b'}
    """

    def name(path: Path, *, suffix: bool) -> str:
        rel = path.relative_to(src) if path.is_relative_to(src) else Path(path.name)
        base = rel.with_suffix("").as_posix()
        if suffix:
            base += "_" + rel.suffix.lstrip(".")
        return base.replace("/", "__")

    plain = [name(p, suffix=False) for p in paths]
    return {p: name(p, suffix=plain.count(n) > 1) for p, n in zip(paths, plain, strict=True)}


def _read_one(path: Path) -> tuple[Plan, Any] | str:
    """Read and extract one plan (in a worker process); a plan that cannot be read gives its
    one-line reason."""
    from geoplan.extract import extract_plan

    try:
        plan = read_plan(path)
    except GeoplanError as exc:
        return str(exc)
    return plan, extract_plan(plan)


def _read_all(paths: list[Path], jobs: int) -> list[tuple[Plan, Any] | str]:
    """Every plan read and extracted, in ``jobs`` processes, in the order of ``paths``."""
    if jobs <= 1 or len(paths) < 2:
        return [_read_one(p) for p in paths]
    with worker_pool(min(jobs, len(paths))) as pool:
        return list(pool.map(_read_one, paths))


def _plan_stage(
    path: Path,
    stem: str,
    read: tuple[Plan, Any] | str,
    work: Path,
    report: AtlasReport,
    say: Callable[[str], None],
    transport_out: list[gpd.GeoDataFrame],
):
    from geoplan import layers, maps
    from geoplan._cli_places import place_counts

    folder = work / stem
    folder.mkdir(parents=True)
    if isinstance(read, str):
        report.problems.append(read)
        return None
    plan, extract = read
    places = place_counts(plan)
    _write_json(folder / "places.json", places)
    report.files.append(f"{stem}/places.json")
    data = extract.to_dict()
    _write_json(folder / "extract.json", data)
    report.files.append(f"{stem}/extract.json")
    summary = _summary(plan, places, data)
    report.seeds.append(summary)
    if data["transport"]:
        try:
            transport = plan_transport_layers(plan, extract)
        except GeoplanError as exc:
            report.problems.append(f"{path.name}: transport layer: {exc}")
        else:
            transport_out.append(transport)
            layers.write_layers(transport, folder / "transport.gpkg")
            report.files.append(f"{stem}/transport.gpkg")
            unmatched = transport["matched"].map(lambda v: not isinstance(v, str) or not v)
            summary["unmatched_transport"] = list(dict.fromkeys(transport.loc[unmatched, "name"]))
    if not data["structures"]:
        return extract
    say("  building structure layers and maps")
    try:
        gdf = layers.structure_layers(extract)
    except GeoplanError as exc:
        report.problems.append(f"{path.name}: layers: {exc}")
        return extract
    summary["layers"] = len(gdf)
    summary["with_geometry"] = int((~gdf.geometry.is_empty & gdf.geometry.notna()).sum())
    layers.write_layers(gdf, folder / "layers.gpkg")
    report.files.append(f"{stem}/layers.gpkg")
    drawn = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    if drawn.empty:
        return extract
    drawn = drawn.assign(section=sections_of(plan, drawn["span"]))
    title = f"{plan.title}: spatial structures"
    maps.save_html(maps.structure_map(drawn, title=title), folder / "structures.html")
    report.maps.append((title, f"{stem}/structures.html"))
    fig, _ax = maps.structure_static_map(drawn, title=title)
    report.files.append(f"{stem}/structures.html")
    _save_static(fig, folder, "structures", report, page=f"{stem}/structures.html")
    return extract


def sections_of(plan: Plan, spans: pd.Series) -> list[str]:
    """The headings (outermost first, `` › ``-joined) above each ``"start,end"`` span of the
    original text, for tooltips that say where in the plan a quote stands."""
    heads = [(plan.to_original(sec.span), sec.level, sec.title) for sec in plan.sections]
    out = []
    for span in spans:
        try:
            start = int(str(span).split(",")[0])
        except ValueError:
            out.append("")
            continue
        around = sorted((lvl, t) for (a, b), lvl, t in heads if a <= start < b)
        out.append(" › ".join(t for _lvl, t in around))
    return out


def _summary(plan: Plan, places: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
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
        "structures": "、".join(s["pattern"] for s in data["structures"]) or "none",
        "transport": len(data["transport"]),
        "figures": len(data["figures"]),
        "tables": len(data["tables"]),
        "without_components": [s["pattern"] for s in data["structures"] if not s["components"]],
        "unmatched_transport": [],
    }


def _province_stage(
    done: list[tuple[Plan, Any]],
    transport: list[gpd.GeoDataFrame],
    work: Path,
    report: AtlasReport,
    say,
) -> None:
    folder = work / "hunan"
    folder.mkdir()
    say("[province] choropleths of the plans' tabulated figures")
    _figure_maps(done, folder, report)
    say("[province] rail corridor map, built against planned")
    _corridor_map(folder, report)
    say("[province] the transport projects the plans name")
    _transport_map(transport, folder, report)
    say(f"[province] catchments of {CATCHMENT_ORIGIN} and accessibility by county")
    _catchment_maps(folder, report)


def prefecture_table_values(extracts: list) -> pd.DataFrame:
    """Numeric columns of the plans' tables whose rows are prefectures, in long form.

    Columns: ``source``, ``table``, ``indicator``, ``adcode``, ``name``, ``value`` and
    ``span`` (the table's ``"start,end"`` in the original text).
    """
    from geoplan import gazetteer

    records = []
    for ex in extracts:
        data = ex.to_dict()
        for table in data["tables"]:
            for row in table["rows"]:
                place = None
                for value in row.values():
                    units = gazetteer.lookup(str(value)) if isinstance(value, str) else []
                    if len(units) == 1 and units[0].level == "prefecture":
                        place = units[0]
                        break
                if place is None:
                    continue
                for key, value in row.items():
                    number = pd.to_numeric(str(value).strip(), errors="coerce")
                    if pd.notna(number):
                        span = ",".join(map(str, table["span"]))
                        records.append(
                            (
                                data["source"], table["title"], key, place.adcode, place.name,
                                number, span,
                            )
                        )  # fmt: skip
    columns = ["source", "table", "indicator", "adcode", "name", "value", "span"]
    return pd.DataFrame.from_records(records, columns=columns)


def _figure_maps(done: list[tuple[Plan, Any]], folder: Path, report: AtlasReport) -> None:
    from geoplan import gazetteer, maps

    plans = {plan.name: plan for plan, _x in done}
    values = prefecture_table_values([x for _plan, x in done])
    if values.empty:
        report.problems.append("no table of the plans lists figures by prefecture")
        return
    prefectures = gazetteer.admin_units("prefecture")
    for i, ((source, table, indicator), rows) in enumerate(
        values.groupby(["source", "table", "indicator"], sort=True)
    ):
        if rows["adcode"].nunique() < 10:
            continue  # a choropleth of a handful of prefectures says little
        gdf = prefectures.merge(rows[["adcode", "value"]], on="adcode", how="left")
        gdf["quote"] = f"{table}: {indicator}"
        gdf["span"] = rows["span"].iloc[0]
        gdf["section"] = sections_of(plans[source], gdf["span"]) if source in plans else ""
        title = f"{indicator} ({table})"
        name = f"figure_{i}"
        classed = {"scheme": "natural_breaks", "k": 5, "title": title, "legend_title": indicator}
        tooltip = {"name": "市州", "value": indicator, **dict(maps.PLACE_IN_PLAN)}
        m = maps.choropleth(gdf, "value", tooltip={**tooltip, "quote": "规划原文"}, **classed)
        maps.save_html(m, folder / f"{name}.html")
        fig, _ax = maps.static_map(gdf, "value", **classed)
        report.maps.append((title, f"hunan/{name}.html"))
        report.files.append(f"hunan/{name}.html")
        _save_static(fig, folder, name, report, page=f"hunan/{name}.html")
        values_path = folder / f"{name}.csv"
        rows.assign(source=source).to_csv(values_path, index=False)
        report.files.append(f"hunan/{name}.csv")


def rail_corridors(*, year: int = 2025, horizon: int = 2035) -> gpd.GeoDataFrame:
    """High-speed and intercity rail edges of the ``horizon`` plan, marked built in ``year``."""
    from geoplan import network

    _, planned = network.graph_to_gdfs(network.build_graph(horizon, "plan"))
    _, built = network.graph_to_gdfs(network.build_graph(year, "built"))
    rail = planned[planned["mode"].isin(["hsr", "intercity", "maglev"])].copy()
    built_keys = set(zip(built["u"], built["v"], built["line"], strict=True))
    rail["status"] = [
        "existing" if (u, v, ln) in built_keys or (v, u, ln) in built_keys else "planned"
        for u, v, ln in zip(rail["u"], rail["v"], rail["line"], strict=True)
    ]
    rail["name"] = rail["line"]
    return rail.reset_index(drop=True)


def rail_stations(rail: gpd.GeoDataFrame, *, horizon: int = 2035) -> gpd.GeoDataFrame:
    """The stations at the ends of the edges of :func:`rail_corridors` (``name``, points)."""
    from geoplan import network

    nodes, _ = network.graph_to_gdfs(network.build_graph(horizon, "plan"))
    ends = set(rail["u"]) | set(rail["v"])
    return nodes[nodes["id"].isin(ends) & (nodes["kind"] == "station")].reset_index(drop=True)


def _corridor_map(folder: Path, report: AtlasReport) -> None:
    from geoplan import maps

    rail = rail_corridors()
    if rail.empty:
        report.problems.append("the network has no high-speed or intercity rail with coordinates")
        return
    title = "高铁与城际铁路: 2025 建成 vs 规划 (HSR and intercity rail, built vs planned)"
    maps.save_html(maps.lines_map(rail, title=title), folder / "rail_corridors.html")
    fig, _ax = maps.static_map(
        rail,
        "status",
        title=title,
        legend_title="status",
        label_column="name",
        markers=rail_stations(rail),
        markers_label="车站 stations",
        category_colors={"existing": maps.BUILT_COLOR, "planned": maps.PLANNED_COLOR},
    )
    _save_static(fig, folder, "rail_corridors", report, page="hunan/rail_corridors.html")
    rail.to_file(folder / "rail_corridors.gpkg", engine="pyogrio")
    report.maps.append((title, "hunan/rail_corridors.html"))
    report.files.extend(["hunan/rail_corridors.html", "hunan/rail_corridors.gpkg"])


def plan_transport_layers(plan: Plan, extract) -> gpd.GeoDataFrame:
    """A plan's transport layer (:func:`geoplan.layers.transport_layers`) with the ``section``
    of each quote: the headings above its ``span`` (:func:`sections_of`), for the tooltips."""
    from geoplan import layers

    transport = layers.transport_layers(extract)
    return transport.assign(section=sections_of(plan, transport["span"]))


def transport_projects(frames: list[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    """Several plans' transport layers (:func:`plan_transport_layers`, each quote with its
    section) in one frame, with a ``map_status``: ``existing`` where the curated data says the
    project is open, else the plan's status."""
    from geoplan import layers

    frames = [f for f in frames if not f.empty]
    if not frames:
        columns = [*layers.TRANSPORT_COLUMNS, "section"]
        return gpd.GeoDataFrame(columns=columns, geometry="geometry", crs=4326)
    out = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=frames[0].crs)
    out["map_status"] = [
        "existing" if d == "existing" else (s or "named")
        for d, s in zip(out["data_status"], out["status"], strict=True)
    ]
    return out


def _transport_map(frames: list[gpd.GeoDataFrame], folder: Path, report: AtlasReport) -> None:
    from geoplan import maps

    projects = transport_projects(frames)
    drawn = projects[projects.geometry.notna()]
    lines = drawn[drawn.geom_type.isin(["LineString", "MultiLineString"])]
    if lines.empty:
        report.problems.append("no transport project of the plans could be drawn")
        return
    points = drawn[drawn.geom_type == "Point"]
    title = "规划交通项目 (transport projects the plans name)"
    tooltip = {
        "name": "名称",
        "source": "规划",
        "status": "规划状态",
        "data_status": "数据状态",
        "matched": "对应线路",
        "precision": "精度",
        **dict(maps.PLACE_IN_PLAN),
        "quote": "规划原文",
    }
    html = maps.lines_map(
        lines,
        status_column="map_status",
        stations=points,
        stations_label="机场 airports",
        tooltip=tooltip,
        title=title,
    )
    maps.save_html(html, folder / "transport_projects.html")
    # built against the rest, as the interactive page draws them (maps.BUILT_STATUSES)
    built = lines["map_status"].astype(str).str.lower().isin(maps.BUILT_STATUSES)
    drawn_as = lines.assign(drawn_as=["已建成 built" if b else "规划 planned" for b in built])
    fig, _ax = maps.static_map(
        drawn_as,
        "drawn_as",
        category_colors={"已建成 built": maps.BUILT_COLOR, "规划 planned": maps.PLANNED_COLOR},
        title=title,
        legend_title="status",
        markers=points if not points.empty else None,
        markers_label="机场 airports",
    )
    _save_static(fig, folder, "transport_projects", report, page="hunan/transport_projects.html")
    layers_out = projects.drop(columns=["map_status"])
    layers_out.to_file(folder / "transport_projects.gpkg", engine="pyogrio")
    report.maps.append((title, "hunan/transport_projects.html"))
    report.files.extend(["hunan/transport_projects.html", "hunan/transport_projects.gpkg"])


def _catchment_maps(folder: Path, report: AtlasReport) -> None:
    from geoplan import catchment, gazetteer, maps, network

    bands = []
    tables = []
    surfaces = []
    for year, scenario in SCENARIOS:
        graph = network.build_graph(year, scenario)
        surface = catchment.travel_time_surface(graph, CATCHMENT_ORIGIN)
        surfaces.append(surface)
        iso = catchment.isochrones(surface, CATCHMENT_MINUTES)
        iso["scenario"] = f"{year} {scenario}"
        bands.append(iso)
        tables.append(catchment.accessibility(graph, year=year, scenario=scenario))
    iso = pd.concat(bands, ignore_index=True)
    iso = gpd.GeoDataFrame(iso, geometry="geometry", crs=bands[0].crs)
    title = f"{CATCHMENT_ORIGIN} door-to-door catchments: 2020 built vs 2025 plan"
    maps.save_html(maps.catchment_map(iso, title=title), folder / "catchments.html")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8.0 * len(bands), 8.5), layout="constrained")
    FigureCanvasAgg(fig)  # no pyplot: nothing left open in its global state
    axes = fig.subplots(1, len(bands))
    for ax, band in zip(axes, bands, strict=True):
        band = band.assign(band=[f"{int(m)} min" for m in band["minutes"]])
        maps.static_map(band, "band", ax=ax, title=band["scenario"].iloc[0], legend_title="≤")
    _save_static(fig, folder, "catchments", report, page="hunan/catchments.html")
    iso.to_file(folder / "catchments.gpkg", engine="pyogrio")
    _change_maps(surfaces, tables, folder, report)
    change = catchment.compare_accessibility(*tables)
    change.to_csv(folder / "accessibility.csv", index=False)
    counties = gazetteer.admin_units("county").merge(
        change, on="adcode", how="left", suffixes=("", "_access")
    )
    column = "to_prefecture_seats_min_change"
    ctitle = "Change of mean door-to-door minutes to the 14 prefecture seats, 2020 → 2025 plan"
    m = maps.choropleth(
        counties,
        column,
        scheme="quantiles",
        k=5,
        title=ctitle,
        legend_title="minutes",
        cmap="RdYlGn_r",
    )
    maps.save_html(m, folder / "accessibility_change.html")
    fig, _ax = maps.static_map(
        counties, column, scheme="quantiles", k=5, title=ctitle, legend_title="minutes",
        cmap="RdYlGn_r",
    )  # fmt: skip
    _save_static(
        fig, folder, "accessibility_change", report, page="hunan/accessibility_change.html"
    )
    report.maps.append((title, "hunan/catchments.html"))
    report.maps.append((ctitle, "hunan/accessibility_change.html"))
    report.files.extend(
        [
            "hunan/catchments.html",
            "hunan/catchments.gpkg",
            "hunan/accessibility.csv",
            "hunan/accessibility_change.html",
        ]
    )


def _change_maps(surfaces: list, tables: list, folder: Path, report: AtlasReport) -> None:
    """Minutes saved from the origin (per cell, per county) and population reached, 2020 vs 2025."""
    from geoplan import _features, _maps_catchment, gazetteer

    before, after = surfaces
    if before.minutes.shape != after.minutes.shape:
        report.problems.append("the two scenarios' travel-time grids differ; no change map")
        return
    saved = _maps_catchment.saved_minutes(before.minutes, after.minutes)
    counties = gazetteer.admin_units("county").reset_index(drop=True)
    means = _maps_catchment.county_means(before.x, before.y, saved, counties)
    counties["minutes_saved"] = counties["adcode"].map(means)
    label = " → ".join(f"{y} {s}" for y, s in SCENARIOS)
    title = f"Door-to-door minutes saved from {CATCHMENT_ORIGIN}, {label}"
    fig = _maps_catchment.minutes_saved_figure(
        before.x, before.y, saved, counties, column="minutes_saved", title=title,
        origin=CATCHMENT_ORIGIN,
    )  # fmt: skip
    _save_static(fig, folder, "minutes_saved", report, page="hunan/minutes_saved.png")
    report.maps.append((title, "hunan/minutes_saved.png"))
    counties.drop(columns="geometry").to_csv(folder / "minutes_saved.csv", index=False)
    report.files.append("hunan/minutes_saved.csv")
    # population reached from the origin's seat, as geoplan.catchment.accessibility counts it
    seat = _features.county_seats().loc[gazetteer.lookup(CATCHMENT_ORIGIN)[0].adcode, "seat"]
    seat_code = gazetteer.lookup(seat)[0].adcode
    rows = []
    for (year, scenario), table in zip(SCENARIOS, tables, strict=True):
        row = table[table["adcode"] == seat_code].iloc[0]
        for minutes in CATCHMENT_MINUTES:
            rows.append(
                {
                    "scenario": f"{year} {scenario}",
                    "hours": minutes / 60,
                    "population": int(row[f"pop_within_{minutes:g}"]),
                }
            )
    reached = pd.DataFrame(rows)
    ctitle = f"Population whose county seat is reached from {CATCHMENT_ORIGIN} ({seat})"
    fig = _maps_catchment.population_reached_chart(reached, title=ctitle)
    _save_static(fig, folder, "population_reached", report, page="hunan/population_reached.png")
    report.maps.append((ctitle, "hunan/population_reached.png"))
    reached.to_csv(folder / "population_reached.csv", index=False)
    report.files.append("hunan/population_reached.csv")


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


_COLUMNS = (
    ("source", "file"),
    ("title", "title"),
    ("script", "script"),
    ("characters", "characters"),
    ("prefectures", "prefectures named"),
    ("counties", "counties named"),
    ("structures", "spatial structures"),
    ("transport", "transport projects"),
    ("figures", "figures"),
    ("tables", "tables"),
)


def _found_html(seed: dict[str, Any]) -> str:
    """What one plan holds that the atlas could not place: a short list for the index."""
    rows = [
        (
            "structures named without components (drawn whole, as outlines)",
            seed.get("without_components") or [],
        ),
        ("transport names not matched to the network data", seed.get("unmatched_transport") or []),
    ]
    items = "".join(
        f"<li>{escape(label)} ({len(names)}): {escape('、'.join(names)) or 'none'}</li>"
        for label, names in rows
    )
    return f"<h3>{escape(seed['source'])}: {escape(seed['title'])}</h3><ul>{items}</ul>"


def _index_html(report: AtlasReport) -> str:
    head = "".join(f"<th>{escape(label)}</th>" for _, label in _COLUMNS)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{escape(str(s.get(k, '')))}</td>" for k, _ in _COLUMNS) + "</tr>"
        for s in report.seeds
    )
    found = "\n".join(_found_html(s) for s in report.seeds)
    cards = "\n".join(
        f'<figure><a href="{href(path)}">'
        + (
            f'<img src="{href(report.thumbnails[path])}" alt="{escape(title)}">'
            if path in report.thumbnails
            else '<span class="nothumb">(interactive only)</span>'
        )
        + f"</a><figcaption>{escape(title)}</figcaption></figure>"
        for title, path in report.maps
    )
    files = "\n".join(f'<li><a href="{href(f)}">{escape(f)}</a></li>' for f in report.files)
    problems = "\n".join(f"<li>{escape(p)}</li>" for p in report.problems) or "<li>none</li>"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>geoplan atlas</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:80em}}
td,th{{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}}
td:nth-child(2){{min-width:16em}} td:nth-child(7){{min-width:14em}}
.maps{{display:flex;flex-wrap:wrap;gap:12px}}
figure{{margin:0;width:200px;border:1px solid #ddd;padding:4px}}
figure img{{max-width:190px;max-height:220px;display:block;margin:auto}}
figcaption{{font-size:12px}} .nothumb{{display:block;height:60px;color:#777}}</style>
</head><body>
<h1>geoplan atlas</h1>
<h2>Plans</h2>
<table><tr>{head}</tr>
{rows}
</table>
<h2>Found and not found</h2>
{found}
<h2>Maps</h2>
<div class="maps">
{cards}
</div>
<h2>Problems</h2>
<ul>
{problems}
</ul>
<h2>All files</h2>
<ul>
{files}
</ul>
</body></html>
"""
