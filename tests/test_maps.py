"""Tests of geoplan.maps: offline HTML, escaping, legends, size, static maps, CLI, a browser."""

from __future__ import annotations

import html
import json
import re
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import geopandas as gpd
import mapclassify
import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from shapely import LineString

from geoplan import maps
from geoplan._maps_classes import NO_DATA_COLOR, classify
from geoplan._maps_context import RIVER_COLOR
from geoplan._maps_leaflet import external_assets, inline_assets
from geoplan._maps_static import _nice_length, cjk_font_path, north_arrow, register_cjk_font
from geoplan.cli import main
from geoplan.crs import HUNAN_CRS, to_metric
from geoplan.errors import DataError, GeoplanError, OutputExistsError
from geoplan.gazetteer import admin_units
from tests._browser import chromium

QUOTE = "<script>alert('x')</script>加快建设长株潭都市圈 & “一核”"
_GEOJSON = re.compile(r"_add\((\{.*?\})\);", re.S)


@pytest.fixture(scope="module")
def units() -> gpd.GeoDataFrame:
    return admin_units()


@pytest.fixture(scope="module")
def counties(units: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The 122 counties with their area (km², from the boundaries) as the value to map."""
    c = units[units["level"] == "county"].copy()
    c["area_km2"] = to_metric(c).area.to_numpy() / 1e6
    return c.reset_index(drop=True)


@pytest.fixture(scope="module")
def prefectures(units: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    p = units[units["level"] == "prefecture"].copy()
    p["area_km2"] = to_metric(p).area.to_numpy() / 1e6
    p["quote"] = None
    p.loc[p["adcode"] == "430100", "quote"] = QUOTE
    return p.reset_index(drop=True)


@pytest.fixture(scope="module")
def county_html(counties: gpd.GeoDataFrame, units: gpd.GeoDataFrame) -> str:
    m = maps.choropleth(counties, "area_km2", scheme="quantiles", k=5, boundaries=units)
    return maps.to_html(m)


def _geojson_layers(page: str) -> list[dict]:
    return [json.loads(m.group(1)) for m in _GEOJSON.finditer(page)]


def _legend_rows(page: str) -> list[dict[str, str]]:
    rows = re.findall(r'<div class="row"([^>]*)>.*?<span class="label">([^<]*)</span>', page)
    out = []
    for attrs, label in rows:
        d = dict(re.findall(r'data-([\w-]+)="([^"]*)"', attrs))
        d["label"] = html.unescape(label)
        out.append(d)
    return out


def _seat(units: gpd.GeoDataFrame, name: str) -> tuple[float, float]:
    """A point inside a unit's boundary (representative point, not a curated seat)."""
    p = units[units["name"] == name].geometry.iloc[0].representative_point()
    return (p.x, p.y)


# ------------------------------------------------------------------------------ offline HTML


def test_offline_html_links_no_script_or_stylesheet(county_html: str) -> None:
    assert re.search(r"<script[^>]*\bsrc\s*=", county_html, re.I) is None
    assert re.search(r"<link\b", county_html, re.I) is None
    assert external_assets(county_html) == []
    # Leaflet 1.9.4 from django-js-lib-leaflet is inlined, its images as data: URIs.
    assert "Leaflet 1.9.4, a JS library for interactive maps" in county_html
    assert "url(data:image/png;base64," in county_html
    assert re.findall(r"url\((?!data:|#default#VML)", county_html) == []
    # no tiles in offline mode
    assert "L.tileLayer" not in county_html


def test_online_html_links_cdn_assets(prefectures: gpd.GeoDataFrame, units) -> None:
    page = maps.to_html(maps.choropleth(prefectures, "area_km2", boundaries=units, offline=False))
    assert any("leaflet" in url for url in external_assets(page))
    assert "L.tileLayer" in page


def test_inline_assets_replaces_folium_defaults_and_refuses_unknown() -> None:
    page = (
        '<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"></script>'
        '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>'
        '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"/>'
    )
    out = inline_assets(page)
    assert external_assets(out) == []
    assert out.count("<script>") == 1 and out.count("<style>") == 1
    with pytest.raises(GeoplanError, match="no local copy"):
        inline_assets('<script src="https://example.org/plugin.js"></script>')


def test_plan_quote_is_escaped(prefectures: gpd.GeoDataFrame, units) -> None:
    page = maps.to_html(maps.choropleth(prefectures, "area_km2", boundaries=units))
    assert "<script>alert" not in page
    features = [f for layer in _geojson_layers(page) for f in layer["features"]]
    changsha = [f for f in features if f["properties"].get("t0") == "长沙市"]
    assert len(changsha) == 1
    # name, value, quote: the quote enters the page escaped for innerHTML
    assert changsha[0]["properties"]["t2"] == html.escape(QUOTE, quote=True)
    assert changsha[0]["properties"]["t2"].startswith("&lt;script&gt;alert(&#x27;x&#x27;)")


def test_legend_classes_match_mapclassify(counties: gpd.GeoDataFrame, county_html: str) -> None:
    expected = mapclassify.Quantiles(counties["area_km2"].to_numpy(), k=5)
    rows = _legend_rows(county_html)
    assert len(rows) == 5
    assert [float(r["upper"]) for r in rows] == pytest.approx(list(expected.bins), rel=1e-12)
    assert [int(r["count"]) for r in rows] == list(expected.counts)
    classes = classify(counties["area_km2"], scheme="quantiles", k=5)
    assert classes.decimals == 0  # areas span thousands of km²
    assert rows[0]["label"] == f"{counties['area_km2'].min():,.0f} – {expected.bins[0]:,.0f}"
    # every county is drawn in the colour of its class
    layer = max(_geojson_layers(county_html), key=lambda d: len(d["features"]))
    assert len(layer["features"]) == 122
    fills = [f["properties"]["fill"] for f in layer["features"]]
    assert fills == [classes.colors[j] for j in expected.yb]


def test_missing_values_get_no_data_class(prefectures: gpd.GeoDataFrame, units) -> None:
    gdf = prefectures.copy()
    gdf.loc[0, "area_km2"] = np.nan
    page = maps.to_html(maps.choropleth(gdf, "area_km2", k=4, boundaries=units))
    rows = _legend_rows(page)
    assert [r["class"] for r in rows] == ["0", "1", "2", "3", "-1"]
    assert sum(int(r["count"]) for r in rows[:-1]) == 13
    assert NO_DATA_COLOR in page


def test_county_choropleth_is_at_most_1_5_mb(county_html: str, tmp_path: Path) -> None:
    path = tmp_path / "county.html"
    path.write_text(county_html, encoding="utf-8")
    size = path.stat().st_size
    assert size <= 1_500_000, size


def test_choropleth_rejects_text_values(prefectures: gpd.GeoDataFrame, units) -> None:
    gdf = prefectures.assign(v=["x"] + [1.0] * (len(prefectures) - 1))
    with pytest.raises(DataError, match="not numbers"):
        maps.choropleth(gdf, "v", boundaries=units)
    with pytest.raises(GeoplanError, match="unknown classification scheme"):
        maps.choropleth(prefectures, "area_km2", scheme="rainbow", boundaries=units)


def test_save_html_atomic_and_refuses_overwrite(tmp_path: Path, units) -> None:
    m = maps.boundaries_map(boundaries=units)
    path = maps.save_html(m, tmp_path / "b.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(OutputExistsError):
        maps.save_html(m, path)
    maps.save_html(m, path, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html"]


def test_boundaries_map_names_every_county(units) -> None:
    page = maps.to_html(maps.boundaries_map(boundaries=units))
    layer = max(_geojson_layers(page), key=lambda d: len(d["features"]))
    names = {f["properties"]["name"] for f in layer["features"]}
    assert len(names) == 122 and "渌口区" in names
    assert "L.control.layers" in page


def _structures(units: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    cs = units[units["name"] == "长沙市"].geometry.iloc[0]
    line = LineString([_seat(units, n) for n in ("长沙市", "湘潭市", "株洲市")])
    return gpd.GeoDataFrame(
        {
            "pattern": ["一核一圈一廊", "一核一圈一廊"],
            "role": ["核", "廊"],
            "kind": ["core", "corridor"],
            "name": ["长沙", "长株潭走廊"],
            "quote": [QUOTE, "一廊:湘江发展走廊"],
            "confidence": [0.9, 0.6],
        },
        geometry=[cs, line],
        crs=4326,
    )


def test_structure_map_groups_and_colours(units) -> None:
    page = maps.to_html(maps.structure_map(_structures(units), boundaries=units))
    assert "<script>alert" not in page
    rows = _legend_rows(page)
    assert [r["category"] for r in rows] == ["core", "corridor"]
    assert '"一核一圈一廊"' in page or "\\u4e00\\u6838" in page


def test_structure_map_toggles_each_role_class_across_structures(units) -> None:
    """Two structures with a core each: one toggle per class besides one per structure, and
    each feature carries its class's number (the legend row it is painted as)."""
    one = _structures(units)
    two = one.assign(pattern="一心两翼", name=["湘潭", "两翼"], role=["心", "翼"])
    two["kind"] = ["core", "zone"]
    page = maps.to_html(maps.structure_map(pd.concat([one, two]), boundaries=units))
    names = [html.unescape(n) for n in _layer_names(page)]
    prefix = maps.ROLE_GROUP_PREFIX
    assert [n for n in names if n.startswith(prefix)] == [
        f"{prefix}{k}" for k in ("core", "corridor", "zone")
    ]
    assert {"一核一圈一廊", "一心两翼"} <= set(names)
    categories = [r["category"] for r in _legend_rows(page)]
    assert categories == ["core", "corridor", "zone"]
    painted = {
        (f["properties"]["r"], f["properties"]["c"])
        for d in _geojson_layers(page)
        for f in d["features"]
        if "r" in f["properties"]
    }
    assert painted == {(0, "#d62728"), (1, "#1f77b4"), (2, "#2ca02c")}
    alone = _layer_names(maps.to_html(maps.structure_map(one, boundaries=units)))
    assert not [n for n in alone if html.unescape(n).startswith(prefix)]  # one structure


def test_lines_map_built_against_planned(units) -> None:
    a, b, c = (_seat(units, n) for n in ("长沙市", "湘潭市", "娄底市"))
    lines = gpd.GeoDataFrame(
        {"name": ["built line", "planned line"], "status": ["existing", "planned"]},
        geometry=[LineString([a, b]), LineString([b, c])],
        crs=4326,
    )
    page = maps.to_html(maps.lines_map(lines, boundaries=units))
    assert len(re.findall(r'"dashArray": ?"8 6"', page)) == 1
    assert [r["status"] for r in _legend_rows(page)] == ["built", "planned"]
    with pytest.raises(DataError, match="status"):
        maps.lines_map(lines.drop(columns="status"), boundaries=units)


def test_catchment_map_bands_and_scenarios(units) -> None:
    origin = gpd.GeoSeries(gpd.points_from_xy(*zip(_seat(units, "长沙市"), strict=True)), crs=4326)
    rings = []
    for scenario, speed in (("2020", 60_000), ("2025 plan", 80_000)):
        for minutes in (60, 120, 180):
            rings.append(
                (scenario, minutes, to_metric(origin).buffer(speed * minutes / 60).iloc[0])
            )
    iso = gpd.GeoDataFrame(
        {"scenario": [r[0] for r in rings], "minutes": [r[1] for r in rings]},
        geometry=[r[2] for r in rings],
        crs=HUNAN_CRS,
    )
    page = maps.to_html(maps.catchment_map(iso, origin=_seat(units, "长沙市"), boundaries=units))
    rows = _legend_rows(page)
    assert [r.get("band") for r in rows[:3]] == ["60.0", "120.0", "180.0"]
    assert [r["label"] for r in rows[:3]] == ["≤ 60 分钟 min", "≤ 120 分钟 min", "≤ 180 分钟 min"]
    assert [r.get("scenario") for r in rows[3:]] == ["2020", "2025 plan"]


# ------------------------------------------------------------------------------ static maps


def test_cjk_font_comes_from_zhplot() -> None:
    assert cjk_font_path().name == "NotoSansSC-Regular.ttf"
    assert "zhplot" in cjk_font_path().parts
    assert register_cjk_font() == "Noto Sans SC"


def test_missing_glyphs_would_warn() -> None:
    """Guard for the next test: without a CJK font, Chinese text does raise a warning here."""
    fig = Figure()
    FigureCanvasAgg(fig)
    fig.text(0.5, 0.5, "长株潭", family="DejaVu Sans")
    with pytest.raises(UserWarning, match="missing from font"):
        fig.canvas.draw()


def test_static_map_renders_chinese_without_missing_glyphs(prefectures, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = maps.static_map(
            prefectures,
            "area_km2",
            scheme="natural_breaks",
            k=4,
            title="湖南省各市州面积(平方公里)",
            legend_title="面积 km²",
            label_column="short_name",
        )
        fig.canvas.draw()
        png = maps.save_figure(fig, tmp_path / "m.png")
        svg = maps.save_figure(fig, tmp_path / "m.svg")
    assert ax.title.get_text() == "湖南省各市州面积(平方公里)"
    assert ax.title.get_fontname() == "Noto Sans SC"
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        *classify(prefectures["area_km2"], scheme="natural_breaks", k=4).labels,
        "河流 rivers (WDBII)",  # the context drawn, named by its source
    ]
    labels = {t.get_text() for t in ax.texts}
    assert {"长沙", "株洲", "湘西", "北 N", "0"} <= labels
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "<dc:date>" not in svg.read_text(encoding="utf-8")
    # the map is drawn in the projected CRS, in metres
    x0, x1 = ax.get_xlim()
    assert 500_000 < x1 - x0 < 700_000


def test_static_map_without_column_and_on_given_axes(units) -> None:
    fig = Figure()
    ax = fig.add_subplot()
    fig2, ax2 = maps.static_map(_structures(units), ax=ax, boundaries=units)
    assert fig2 is fig and ax2 is ax
    assert ax.get_legend() is None


def test_static_map_colours_text_categories(units, tmp_path: Path) -> None:
    a, b, c = (_seat(units, n) for n in ("长沙市", "湘潭市", "娄底市"))
    lines = gpd.GeoDataFrame(
        {"name": ["甲", "乙", "丙"], "status": ["existing", "planned", "existing"]},
        geometry=[LineString([a, b]), LineString([b, c]), LineString([a, c])],
        crs=4326,
    )
    fig, ax = maps.static_map(lines, "status", boundaries=units, title="线路 状态")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "existing",
        "planned",
        "河流 rivers (WDBII)",
    ]
    (drawn,) = [col for col in ax.collections if len(col.get_paths()) == 3]
    colours = [tuple(c) for c in drawn.get_colors()]
    assert colours[0] == colours[2] != colours[1]  # the two existing lines share one colour
    assert maps.save_figure(fig, tmp_path / "lines.png").stat().st_size > 10_000


def test_scale_bar_and_north_arrow() -> None:
    assert _nice_length(600_000) == 100_000
    assert _nice_length(240_000) == 20_000
    assert _nice_length(80_000) == 10_000
    fig = Figure()
    ax = fig.add_subplot()
    # Hunan's extent in HUNAN_CRS: north is straight up on the central meridian (x = 0) and
    # turns toward the central meridian away from it, by the meridian convergence.
    ax.set_xlim(-300_000, 300_000)
    ax.set_ylim(-300_000, 300_000)
    assert north_arrow(ax, crs=HUNAN_CRS, location=(0.5, 0.5)) == pytest.approx(0, abs=1e-6)
    east = north_arrow(ax, crs=HUNAN_CRS, location=(0.95, 0.5))
    west = north_arrow(ax, crs=HUNAN_CRS, location=(0.05, 0.5))
    assert -2.0 < east < -0.5 and 0.5 < west < 2.0


def test_save_figure_rejects_other_formats(tmp_path: Path) -> None:
    with pytest.raises(GeoplanError, match=r"\.png or \.svg"):
        maps.save_figure(Figure(), tmp_path / "m.jpg")


def test_static_map_leaves_global_font_settings_alone(prefectures) -> None:
    before = list(mpl.rcParams["font.family"])
    maps.static_map(prefectures, "area_km2")
    assert list(mpl.rcParams["font.family"]) == before


# ------------------------------------------------------------------------------ CLI


def _prefecture_csv(prefectures: gpd.GeoDataFrame, path: Path) -> Path:
    table = pd.DataFrame(
        {
            "name": prefectures["short_name"],
            "area_km2": prefectures["area_km2"].round(1),
            "quote": prefectures["quote"],
        }
    )
    table.to_csv(path, index=False, encoding="utf-8")
    return path


def test_cli_choropleth_html_png_svg(prefectures, tmp_path: Path, capsys) -> None:
    csv = _prefecture_csv(prefectures, tmp_path / "v.csv")
    for suffix in ("html", "png", "svg"):
        out = tmp_path / f"m.{suffix}"
        args = ["map", "choropleth", "--values", str(csv), "--column", "area_km2"]
        assert main([*args, "--out", str(out), "--scheme", "equal_interval", "--k", "3"]) == 0
        assert out.stat().st_size > 10_000
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert len(_legend_rows(page)) == 3
    assert external_assets(page) == []
    # an existing output is refused without --overwrite, in one line, with status 2
    capsys.readouterr()
    assert main([*args, "--out", str(tmp_path / "m.html")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "exists" in err
    assert main([*args, "--out", str(tmp_path / "m.html"), "--overwrite"]) == 0


def test_cli_choropleth_by_adcode_and_errors(counties, tmp_path: Path, capsys) -> None:
    csv = tmp_path / "c.csv"
    counties[["adcode", "area_km2"]].to_csv(csv, index=False)
    out = tmp_path / "c.html"
    assert main(["map", "choropleth", "--values", str(csv), "--column", "area_km2",
                 "--out", str(out)]) == 0  # fmt: skip
    assert out.stat().st_size <= 1_500_000
    bad = tmp_path / "bad.csv"
    bad.write_text("name,v\n长沙,1\n不存在县,2\n", encoding="utf-8")
    capsys.readouterr()
    code = main(["map", "choropleth", "--values", str(bad), "--column", "v",
                 "--out", str(tmp_path / "x.html")])  # fmt: skip
    assert code == 2
    assert "不存在县" in capsys.readouterr().err
    assert main(["map", "choropleth", "--values", str(csv), "--column", "area_km2",
                 "--out", str(tmp_path / "x.jpg")]) == 2  # fmt: skip


def test_cli_boundaries(tmp_path: Path) -> None:
    assert main(["map", "boundaries", "--out", str(tmp_path / "b.html")]) == 0
    assert main(["map", "boundaries", "--out", str(tmp_path / "b.png")]) == 0
    assert (tmp_path / "b.png").read_bytes()[:4] == b"\x89PNG"
    assert external_assets((tmp_path / "b.html").read_text(encoding="utf-8")) == []


# ------------------------------------------------------------------------------ browser

_HOVER_CHANGSHA = """() => {
  const id = document.querySelector('.folium-map').id;
  let pt = null;
  window[id].eachLayer(l => {
    if (l.feature && l.feature.properties.t0 === '长沙市') {
      pt = window[id].latLngToContainerPoint(l.getCenter());
    }
  });
  const r = document.querySelector('.folium-map').getBoundingClientRect();
  return [r.left + pt.x, r.top + pt.y];
}"""


@pytest.mark.browser
def test_pages_paint_offline_in_chromium(county_html, prefectures, units, tmp_path: Path) -> None:
    pages = {
        "county.html": county_html,
        "prefectures.html": maps.to_html(
            maps.choropleth(prefectures, "area_km2", boundaries=units)
        ),
        "boundaries.html": maps.to_html(maps.boundaries_map(boundaries=units)),
    }
    for name, text in pages.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found: dict[str, object] = {}

    def inspect(page, name: str) -> None:
        found[f"{name}:paths"] = page.evaluate("document.querySelectorAll('path').length")
        found[f"{name}:legend"] = page.evaluate(
            "document.querySelectorAll('.leaflet-control.geoplan-legend .row').length"
        )
        if name == "prefectures.html":
            # hover 长沙: the tooltip shows the quote as text, its <script> not run
            page.mouse.move(*page.evaluate(_HOVER_CHANGSHA))
            page.wait_for_selector(".leaflet-tooltip")
            found["tooltip"] = page.inner_text(".leaflet-tooltip")

    with chromium() as visit:
        for name in pages:
            seen = visit(
                tmp_path / name,
                wait_for="path.leaflet-interactive",
                then=lambda page, n=name: inspect(page, n),
            )
            assert seen.errors == [], (name, seen.errors)
            assert seen.leaving == [], (name, seen.leaving)
            assert found[f"{name}:paths"] >= 14
            assert found[f"{name}:legend"] == (0 if name == "boundaries.html" else 5)
            assert seen.colours() > 10, name
    assert "<script>alert('x')</script>" in found["tooltip"]


# ------------------------------------------------------------------------------ escaping

HOSTILE = '株洲</title><script>document.title="PWNED"</script><img src=x onerror=alert(1)>'


def _layer_names(page: str) -> list[str]:
    """Names in the layer control, as the strings Leaflet places with innerHTML."""
    block = re.search(r"_layers = \{(.*?)\};", page, re.S).group(1)
    return [json.loads(k) for k in re.findall(r'^\s*("(?:[^"\\]|\\.)*")\s*:', block, re.M)]


def _assert_no_raw(page: str) -> None:
    assert "<script>document.title" not in page
    assert "<img src=x" not in page
    assert "</title><script>" not in page
    names = _layer_names(page)
    assert names, "no layer control"
    assert not [n for n in names if "<" in n or ">" in n], names


def test_every_page_writer_escapes_plan_text(units, prefectures) -> None:
    """Titles, layer names, legend labels, tooltips and categories from a plan are escaped."""
    hostile = prefectures.assign(quote=HOSTILE, name=HOSTILE)
    structures = _structures(units).assign(pattern=HOSTILE, kind=["core", HOSTILE], name=HOSTILE)
    a, b = _seat(units, "长沙市"), _seat(units, "湘潭市")
    lines = gpd.GeoDataFrame(
        {"name": [HOSTILE], "status": ["planned"], "quote": [HOSTILE]},
        geometry=[LineString([a, b])],
        crs=4326,
    )
    stations = gpd.GeoDataFrame(
        {"name": [HOSTILE]}, geometry=gpd.points_from_xy([a[0]], [a[1]]), crs=4326
    )
    ring = to_metric(stations).buffer(50_000)
    iso = gpd.GeoDataFrame({"scenario": [HOSTILE], "minutes": [60]}, geometry=ring)
    pages = {
        "choropleth": maps.choropleth(
            hostile, "area_km2", title=HOSTILE, legend_title=HOSTILE, boundaries=units
        ),
        "boundaries": maps.boundaries_map(title=HOSTILE, boundaries=units),
        "structure": maps.structure_map(structures, title=HOSTILE, boundaries=units),
        "lines": maps.lines_map(
            lines, stations=stations, stations_label=HOSTILE, title=HOSTILE, boundaries=units
        ),
        "catchment": maps.catchment_map(iso, band_label=HOSTILE, title=HOSTILE, boundaries=units),
    }
    for name, m in pages.items():
        page = maps.to_html(m)
        _assert_no_raw(page)
        title = re.search(r"<title>([^<]*)</title>", page).group(1)
        assert html.unescape(title) == HOSTILE, name
        if name in {"structure", "catchment"}:
            assert html.escape(HOSTILE) in _layer_names(page), name


# ------------------------------------------------------------------------------ legends = fills

_SVG = "{http://www.w3.org/2000/svg}"


def _svg_colours(root: ET.Element) -> tuple[set[str], set[str]]:
    """Fill colours of a matplotlib SVG's legend, and the colours painted on the map: fills of
    every other element and strokes of line collections (lines are drawn by their stroke)."""

    def colours(el: ET.Element, what: str) -> set[str]:
        found = set()
        for item in el.iter():
            m = re.search(rf"(?<![-\w]){what}:\s*(#[0-9a-f]{{6}})", item.get("style", ""))
            if m:
                found.add(m.group(1))
        return found

    groups = list(root.iter(f"{_SVG}g"))
    legend_groups = [g for g in groups if g.get("id", "").startswith("legend")]
    in_legend = {id(e) for g in legend_groups for e in g.iter()}
    legend = set().union(*(colours(g, "fill") for g in legend_groups))
    drawn: set[str] = set()
    for g in groups:
        if id(g) in in_legend or not g.get("id", "").startswith(
            ("_GeoPandasPolyCollection", "PatchCollection", "PathCollection", "LineCollection")
        ):
            continue
        drawn |= colours(g, "fill")
        if g.get("id", "").startswith("LineCollection"):
            drawn |= colours(g, "stroke")
    return legend, drawn


def test_static_structure_legend_swatches_are_fills_drawn(units, tmp_path: Path) -> None:
    layer = _structures(units)
    whole = gpd.GeoDataFrame(
        {"pattern": ["半小时通勤圈"], "role": [""], "kind": ["zone"], "name": ["半小时通勤圈"]},
        geometry=[units[units["name"] == "株洲市"].geometry.iloc[0]],
        crs=4326,
    )
    layer = pd.concat([layer, whole], ignore_index=True)
    fig, _ax = maps.structure_static_map(layer, title="结构", boundaries=None)
    svg = maps.save_figure(fig, tmp_path / "s.svg")
    root = ET.parse(svg).getroot()
    legend, drawn = _svg_colours(root)
    assert {"#d62728", "#1f77b4"} <= legend  # core, corridor
    assert legend - {"#ffffff"} <= drawn, (legend, drawn)  # the legend's frame is white
    texts = [t.text for t in root.iter(f"{_SVG}text")]
    assert {"core", "corridor", maps.WHOLE_LABEL, "长沙", "长株潭走廊"} <= set(texts)
    # the whole structure is an outline: no fill in the legend, a dashed stroke on the map
    assert maps.WHOLE_COLOR not in legend
    assert maps.WHOLE_COLOR in drawn


def _svg_legend_strokes(root: ET.Element) -> set[str]:
    found = set()
    for g in root.iter(f"{_SVG}g"):
        if g.get("id", "").startswith("legend"):
            for item in g.iter(f"{_SVG}path"):
                m = re.search(r"(?<![-\w])stroke:\s*(#[0-9a-f]{6})", item.get("style", ""))
                if m and "fill: none" in item.get("style", ""):
                    found.add(m.group(1))
    return found


def test_static_choropleth_svg_names_every_prefecture_and_legend_is_drawn(
    prefectures, tmp_path: Path
) -> None:
    fig, _ax = maps.static_map(prefectures, "area_km2", scheme="quantiles", k=5, title="面积")
    root = ET.parse(maps.save_figure(fig, tmp_path / "p.svg")).getroot()
    texts = {t.text for t in root.iter(f"{_SVG}text")}
    assert set(prefectures["short_name"]) <= texts  # the 14 seats, none dropped for overlap
    assert {"湘江", "资水", "澧水"} <= texts  # the rivers matched to a WDBII line are named
    assert "沅水" not in texts  # its WDBII pieces follow too little of it: not named
    legend, drawn = _svg_colours(root)
    classes = classify(prefectures["area_km2"], scheme="quantiles", k=5)
    assert set(classes.colors) <= legend
    assert legend - {"#ffffff"} <= drawn


def test_static_lines_map_names_lines_marks_stations(units, tmp_path: Path) -> None:
    a, b, c = (_seat(units, n) for n in ("长沙市", "湘潭市", "娄底市"))
    lines = gpd.GeoDataFrame(
        {
            "name": ["沪昆高铁", "沪昆高铁", "长株潭城际"],
            "status": ["existing", "existing", "planned"],
        },
        geometry=[LineString([a, b]), LineString([b, c]), LineString([a, c])],
        crs=4326,
    )
    stations = gpd.GeoDataFrame(
        {"name": ["长沙南", "湘潭北"]},
        geometry=gpd.points_from_xy(*zip(a, b, strict=True)),
        crs=4326,
    )
    fig, ax = maps.static_map(
        lines,
        "status",
        label_column="name",
        markers=stations,
        markers_label="车站 stations",
        category_colors={"existing": maps.BUILT_COLOR, "planned": maps.PLANNED_COLOR},
    )
    root = ET.parse(maps.save_figure(fig, tmp_path / "l.svg")).getroot()
    texts = [t.text for t in root.iter(f"{_SVG}text")]
    assert texts.count("沪昆高铁") == 1 and texts.count("长株潭城际") == 1  # once per line
    assert {"长沙", "湘潭", "娄底", "车站 stations"} <= set(texts)
    assert len(ax.get_xlim()) == 2 and ax.get_xlim()[1] - ax.get_xlim()[0] < 260_000
    assert {"湘乡", "韶山"} & set(texts)  # a small map names county seats too
    _legend, drawn = _svg_colours(root)
    assert _svg_legend_strokes(root) - {"#222222"} <= drawn
    # the same colours as the interactive corridor map: built red, planned blue; and rivers
    assert _svg_legend_strokes(root) - {"#222222"} == {
        maps.BUILT_COLOR,
        maps.PLANNED_COLOR,
        RIVER_COLOR,
    }


def test_structure_tooltip_and_popup_say_where_the_quote_stands(units) -> None:
    long_quote = QUOTE + "，" + "推动长株潭一体化发展" * 30  # 331 characters
    layer = _structures(units).assign(
        quote=[long_quote, "一廊:湘江发展走廊"],
        section=["第五章发展空间布局 › 第一节", "第五章发展空间布局 › 第一节"],
        span=["8516,8591", "9128,9322"],
    )
    page = maps.to_html(maps.structure_map(layer, boundaries=units))
    _assert_no_raw(page)
    core = next(
        f["properties"]
        for d in _geojson_layers(page)
        for f in d["features"]
        if f["properties"].get("z") is not None and f["properties"]["c"] == "#d62728"
    )
    values = set(core.values())
    assert html.escape(long_quote, quote=True) in values  # the popup: the whole quote
    assert any(isinstance(v, str) and v.endswith("…") and len(v) <= 200 for v in values)
    assert {"8516,8591", "第五章发展空间布局 › 第一节"} <= values
    assert "bindPopup" in page
    assert json.dumps("原文位置 (字符)") in page  # the popup's label, as folium writes it
    assert external_assets(page) == []


def test_an_area_the_areas_over_it_hide_is_drawn_as_a_band_on_top(units, tmp_path) -> None:
    """A circle over two districts, under a core over one and a zone over the other: stacked
    largest first and filled it would never be seen; it is drawn as a band inside its edge,
    above them, on the web map and on the static map alike."""
    from PIL import Image
    from shapely.geometry import shape

    by_name = units.set_index("name").geometry
    lukou, liling = by_name["渌口区"], by_name["醴陵市"]
    layer = gpd.GeoDataFrame(
        {
            "pattern": ["一核一圈一区"] * 3,
            "role": ["核", "圈", "区"],
            "kind": ["core", "circle", "zone"],
            "name": ["中心城区", "株醴都市圈", "休闲农业区"],
        },
        geometry=[lukou, lukou.union(liling), liling],
        crs=4326,
    )
    page = maps.to_html(maps.structure_map(layer, boundaries=units))
    categories = [r["category"] for r in _legend_rows(page)]
    assert categories == ["core", "circle", "zone"]
    drawn = {
        categories[f["properties"]["r"]]: f
        for d in _geojson_layers(page)
        for f in d["features"]
        if "z" in f["properties"]
    }
    z = {k: f["properties"]["z"] for k, f in drawn.items()}
    assert z["circle"] > max(z["core"], z["zone"])  # on top of what hides it
    whole = to_metric(layer).area.iloc[1]
    band = to_metric(gpd.GeoSeries([shape(drawn["circle"]["geometry"])], crs=4326)).area.iloc[0]
    assert 0.05 < band / whole < 0.4  # a band, not the whole circle again
    for kind, row in (("core", 0), ("zone", 2)):  # the others are drawn whole
        area = to_metric(gpd.GeoSeries([shape(drawn[kind]["geometry"])], crs=4326)).area.iloc[0]
        assert area > 0.9 * to_metric(layer).area.iloc[row]
    fig, _ax = maps.structure_static_map(layer, boundaries=None, context=False)
    png = maps.save_figure(fig, tmp_path / "band.png")
    counts = {rgb: n for n, rgb in Image.open(png).convert("RGB").getcolors(1 << 20)}
    circle = drawn["circle"]["properties"]["c"]
    rgb = tuple(int(circle[i : i + 2], 16) for i in (1, 3, 5))
    assert counts.get(rgb, 0) > 2000  # far more than its legend swatch: the band is seen
