from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pyogrio
import pytest

from geoplan.atlas import build_atlas, prefecture_table_values
from geoplan.cli import main
from geoplan.errors import OutputExistsError, PlanReadError
from tests._browser import chromium
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def atlas(tmp_path_factory):
    out = tmp_path_factory.mktemp("atlas") / "atlas"
    return build_atlas(SEEDS, out)


def test_index_reports_every_seed_and_links_files_that_exist(atlas):
    index = (atlas.out / "index.html").read_text(encoding="utf-8")
    assert len(atlas.seeds) == 5
    for seed in SEEDS.glob("*.txt"):
        assert seed.name in index
    links = re.findall(r'href="([^"]+)"', index)
    assert len(links) >= 10
    for link in links:
        assert (atlas.out / link).is_file(), link
    assert atlas.problems == []


def test_atlas_holds_the_maps_the_issue_names(atlas):
    paths = [p for _, p in atlas.maps]
    assert "000_d6a808445c4787d7/structures.html" in paths
    assert "hunan/rail_corridors.html" in paths
    assert "hunan/catchments.html" in paths
    assert "hunan/accessibility_change.html" in paths
    titles = " ".join(t for t, _ in atlas.maps)
    assert "2025年城镇化水平(%)" in titles  # the province seed's 专栏8, by prefecture


def test_layers_file_matches_the_extract(atlas):
    gpkg = atlas.out / "000_d6a808445c4787d7" / "layers.gpkg"
    layers = pyogrio.read_dataframe(gpkg)
    assert layers.crs.to_epsg() == 4326
    assert "一核一圈一廊" in set(layers["pattern"])
    drawn = layers.geometry.notna()
    assert drawn.sum() >= 8
    assert layers.geometry[drawn].is_valid.all()
    assert layers.loc[~drawn, "method"].str.contains("nothing left|no geometry|not").all()


def test_urbanisation_table_by_prefecture(atlas):
    from geoplan.corpus import read_plan
    from geoplan.extract import extract_plan

    plan = read_plan(next(SEEDS.glob("004_*.txt")))
    values = prefecture_table_values([extract_plan(plan)])
    rate = values[values["indicator"].str.contains("城镇化水平")].set_index("name")["value"]
    assert len(rate) == 14
    assert rate["长沙市"] == 85
    assert rate["株洲市"] == 75
    assert rate["邵阳市"] == 57.5


def test_existing_output_is_refused_and_overwrite_replaces(tmp_path):
    out = tmp_path / "atlas"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        build_atlas(SEEDS, out, province_maps=False)
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"
    build_atlas(SEEDS, out, province_maps=False, overwrite=True)
    assert not (out / "keep.txt").exists()
    assert (out / "index.html").exists()
    assert not list(tmp_path.glob(".atlas*"))  # no work folder left behind


def test_empty_seed_folder_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(PlanReadError, match="no plan texts"):
        build_atlas(tmp_path, tmp_path / "out")
    assert main(["atlas", "--seeds", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "no plan texts" in capsys.readouterr().err


@pytest.mark.browser
def test_index_and_two_maps_paint_offline_in_chromium(atlas):
    pages = [
        (atlas.out / "index.html", "h1"),
        (atlas.out / "000_d6a808445c4787d7" / "structures.html", "path.leaflet-interactive"),
        (atlas.out / "hunan" / "catchments.html", "path.leaflet-interactive"),
    ]
    with chromium() as visit:
        for path, selector in pages:
            seen = visit(Path(path), wait_for=selector)
            assert seen.errors == [], (path, seen.errors)
            assert seen.leaving == [], (path, seen.leaving)
            assert seen.colours() > 2, path


def test_transport_layers_per_plan_and_for_the_province(atlas):
    from geoplan.corpus import read_plan
    from geoplan.extract import extract_plan

    seed = next(SEEDS.glob("002_*.txt"))
    projects = extract_plan(read_plan(seed)).transport
    layer = pyogrio.read_dataframe(atlas.out / seed.stem / "transport.gpkg")
    assert list(layer["name"]) == [t.name for t in projects]
    assert layer.crs.to_epsg() == 4326
    assert layer.set_index("name").loc["常益长高铁", "data_status"] == "existing"
    assert "hunan/transport_projects.html" in [p for _, p in atlas.maps]
    every = pyogrio.read_dataframe(atlas.out / "hunan" / "transport_projects.gpkg")
    assert set(every["source"]) == {p.name for p in SEEDS.glob("*.txt")}


def _features(page: str) -> list[dict]:
    """The properties of every GeoJSON feature a saved folium page adds."""
    found = re.findall(r"_add\((\{.*?\})\);", page, re.S)
    return [f["properties"] for block in found for f in json.loads(block)["features"]]


def test_transport_tooltips_and_popups_say_where_each_quote_stands(atlas):
    """Every transport project on the province page, and in each plan's layer, carries its
    quote, the headings above it and its character offsets; the quote is the plan's text there."""
    from geoplan.atlas import sections_of
    from geoplan.corpus import read_plan

    seed = next(SEEDS.glob("002_*.txt"))
    plan = read_plan(seed)
    layer = pyogrio.read_dataframe(atlas.out / seed.stem / "transport.gpkg")
    assert list(layer["section"]) == sections_of(plan, layer["span"])
    assert layer["section"].str.len().gt(0).all()
    row = layer.set_index("name").loc["常益长高铁"]
    start, end = map(int, row["span"].split(","))
    assert plan.original[start:end] in row["quote"]  # the offsets point into the quote
    page = (atlas.out / "hunan" / "transport_projects.html").read_text(encoding="utf-8")
    labels = [json.loads(a) for a in re.findall(r"let aliases = (\[[^\]]*\]);", page)]
    tooltips = [a for a in labels if "规划状态" in a]  # built and planned lines: hover
    popups = [a for a in labels if "规划" in a and "规划状态" not in a]  # and click
    assert len(tooltips) == len(popups) == 2, labels
    for names in tooltips + popups:
        assert {"章节", "原文位置 (字符)", "规划原文"} <= set(names), names
    lines = [f for f in _features(page) if "p0" in f]  # lines carry a popup, airports do not
    every = pyogrio.read_dataframe(atlas.out / "hunan" / "transport_projects.gpkg")
    drawn = every[every.geom_type.isin(["LineString", "MultiLineString"])]
    assert len(lines) == len(drawn)
    spans = {html.unescape(v) for f in lines for v in f.values() if isinstance(v, str)}
    assert set(drawn["span"]) <= spans
    assert {s for s in drawn["section"] if s} <= spans
    assert "bindPopup" in page


def test_every_plan_quote_on_every_page_says_where_it_stands(atlas):
    """Wherever a tooltip or popup shows plan text, it shows its section and offsets too."""
    quoting = []
    for path in sorted(atlas.out.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        for block in re.findall(r"let aliases = (\[[^\]]*\]);", page):
            names = json.loads(block)
            if "规划原文" in names:
                assert {"章节", "原文位置 (字符)"} <= set(names), (path.name, names)
                quoting.append(path.relative_to(atlas.out).as_posix())
    pages = set(quoting)
    assert {"hunan/transport_projects.html", "000_d6a808445c4787d7/structures.html"} <= pages
    assert any(p.startswith("hunan/figure_") for p in pages)


HOSTILE_TITLE = '株洲规划</title><script>document.title="PWNED"</script>'
HOSTILE_FILE = "000_<img src=x onerror=document.title='PWNED'>.txt"
_INJECTED = """() => ({
  title: document.title,
  scripts: [...document.scripts].filter(s => s.textContent.includes('PWNED')).length,
  images: document.querySelectorAll('img[onerror]').length,
})"""


@pytest.fixture(scope="module")
def hostile_atlas(tmp_path_factory):
    """The 株洲 plan whose first line closes the <title> and adds a script, in a hostile file."""
    seeds = tmp_path_factory.mktemp("hostile_seeds")
    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]
    (seeds / HOSTILE_FILE).write_text(f"{HOSTILE_TITLE}\n{body}", encoding="utf-8")
    return build_atlas(seeds, tmp_path_factory.mktemp("hostile") / "atlas", province_maps=False)


def test_hostile_plan_text_enters_every_page_escaped(hostile_atlas):
    assert hostile_atlas.seeds[0]["title"] == HOSTILE_TITLE
    pages = sorted(hostile_atlas.out.rglob("*.html"))
    assert len(pages) == 2  # the index and the structures map
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>document.title" not in text, page
        assert "<img src=x" not in text, page
    index = (hostile_atlas.out / "index.html").read_text(encoding="utf-8")
    for link in re.findall(r'href="([^"]+)"', index):  # links percent-encoded, and they resolve
        assert (hostile_atlas.out / unquote(html.unescape(link))).is_file(), link
    structures = next(p for p in pages if p.name == "structures.html").read_text(encoding="utf-8")
    assert re.search(r"<title>([^<]*)</title>", structures).group(1) == (
        "株洲规划&lt;/title&gt;&lt;script&gt;document.title=&quot;PWNED&quot;&lt;/script&gt;"
        ": spatial structures"
    )


@pytest.mark.browser
def test_hostile_plan_runs_no_script_in_chromium(hostile_atlas):
    stem = Path(HOSTILE_FILE).stem
    pages = {
        hostile_atlas.out / "index.html": ("h1", "geoplan atlas"),
        hostile_atlas.out / stem / "structures.html": (
            "path.leaflet-interactive",
            f"{HOSTILE_TITLE}: spatial structures",
        ),
    }
    found = {}
    with chromium() as visit:
        for path, (selector, title) in pages.items():
            seen = visit(
                path,
                wait_for=selector,
                then=lambda p, k=path: found.update({k: p.evaluate(_INJECTED)}),
            )
            assert seen.errors == [], (path, seen.errors)
            assert seen.leaving == [], (path, seen.leaving)
            assert found[path] == {"title": title, "scripts": 0, "images": 0}, path


_FILLS_AND_SWATCHES = """() => ({
  fills: [...document.querySelectorAll('path.leaflet-interactive')]
    .filter(p => getComputedStyle(p).display !== 'none')
    .filter(p => p.getAttribute('fill') !== 'none' && +p.getAttribute('fill-opacity') > 0)
    .map(p => [p.getAttribute('fill'), +p.getAttribute('fill-opacity')]),
  swatches: [...document.querySelectorAll('.geoplan-legend .row .sw')]
    .map(s => getComputedStyle(s).backgroundColor),
})"""


def _rgba(css: str) -> tuple[int, int, int, float] | None:
    """``rgb(r, g, b)`` or ``rgba(r, g, b, a)`` as a tuple; None for a transparent swatch."""
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    alpha = parts[3] if len(parts) == 4 else 1.0
    return None if alpha == 0 else (*map(int, parts[:3]), alpha)


def _fills(found: dict) -> set[tuple[int, int, int, float]]:
    fills = set()
    for colour, opacity in found["fills"]:
        if colour == "#ffffff":
            continue  # the white base layer of the province
        rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
        fills.add((*rgb, opacity))
    return fills


def _click_layer(page, text: str) -> None:
    """Click the layer control's checkbox whose label holds ``text``."""
    label = page.locator(".leaflet-control-layers-overlays label", has_text=text)
    label.locator("input").click()


@pytest.mark.browser
def test_zhuzhou_structure_legend_is_what_is_drawn_in_chromium(atlas):
    """The legend's swatches are the fills of the layers, and each shows on screen unmixed;
    a role toggle hides that class in every structure, and only it."""
    from geoplan.maps import ROLE_GROUP_PREFIX

    path = atlas.out / "000_d6a808445c4787d7" / "structures.html"
    found = {}

    def then(page) -> None:
        found["shown"] = page.evaluate(_FILLS_AND_SWATCHES)
        _click_layer(page, f"{ROLE_GROUP_PREFIX}core")  # all cores off
        found["no core"] = page.evaluate(_FILLS_AND_SWATCHES)
        _click_layer(page, "一轴一心")  # a structure with a core: off and on again
        _click_layer(page, "一轴一心")
        found["structure back"] = page.evaluate(_FILLS_AND_SWATCHES)
        _click_layer(page, f"{ROLE_GROUP_PREFIX}core")
        found["core back"] = page.evaluate(_FILLS_AND_SWATCHES)

    with chromium() as visit:
        seen = visit(path, wait_for=".geoplan-legend .row", then=then)
    assert seen.errors == []
    swatches = {s for s in map(_rgba, found["shown"]["swatches"]) if s is not None}
    assert len(swatches) == 4  # core, circle, corridor, zone
    assert swatches == _fills(found["shown"])
    core = next(
        _rgba(s)
        for s, r in zip(found["shown"]["swatches"], _legend_categories(path), strict=True)
        if r == "core"
    )
    assert _fills(found["no core"]) == swatches - {core}
    assert _fills(found["structure back"]) == swatches - {core}  # its core stays hidden
    assert _fills(found["core back"]) == swatches
    from PIL import Image

    shot = Image.open(seen.screenshot).convert("RGB")
    counts = {rgb: n for n, rgb in shot.getcolors(maxcolors=1 << 20)}
    for r, g, b, _a in swatches:
        # far more pixels than the legend's own 18 x 12 swatch: the colour is on the map
        assert counts.get((r, g, b), 0) > 1000, ((r, g, b), counts.get((r, g, b), 0))


def _legend_categories(path: Path) -> list[str]:
    """The ``data-category`` of each legend row of a saved structure map, in order."""
    page = path.read_text(encoding="utf-8")
    return re.findall(r'<div class="row" data-category="([^"]*)"', page)


def test_index_shows_thumbnails_and_what_each_plan_lacks(atlas):
    index = (atlas.out / "index.html").read_text(encoding="utf-8")
    thumbs = re.findall(r'<img src="([^"]+)"', index)
    assert len(thumbs) == len(atlas.thumbnails) >= 8
    for thumb in thumbs:
        from PIL import Image

        with Image.open(atlas.out / unquote(html.unescape(thumb))) as image:
            assert max(image.size) <= 220
    # every map with a static version shows it; only the interactive transport page... has one too
    assert set(atlas.thumbnails) == {p for _, p in atlas.maps}
    zhuzhou = next(s for s in atlas.seeds if s["source"].startswith("000_"))
    assert set(zhuzhou["without_components"]) == {
        "一江两岸",
        "两岸一线",
        "半小时通勤圈",
        "一小时经济圈",
        "一主三极",
        # road, transit and river networks the plan names without their parts
        "一江两水",
        "一江八港",
        "十园十湖",
        "六纵四横",
        "五纵六横",
        "一纵四横",
        "四横六纵",
        "两主一环三支",
        "一射四纵八横八支",
    }
    assert {"炎韶铁路", "咸韶铁路", "浏醴铁路"} <= set(zhuzhou["unmatched_transport"])
    assert "沪昆高速" not in zhuzhou["unmatched_transport"]
    assert "transport names not matched to the network data (" in index
    assert html.escape("、".join(zhuzhou["unmatched_transport"])) in index


def test_catchment_change_maps_and_population_reached(atlas):
    import pandas as pd

    paths = [p for _, p in atlas.maps]
    assert "hunan/minutes_saved.png" in paths and "hunan/population_reached.png" in paths
    reached = pd.read_csv(atlas.out / "hunan" / "population_reached.csv")
    table = reached.pivot(index="hours", columns="scenario", values="population")
    assert list(table.index) == [1.0, 2.0, 3.0]
    assert (table["2025 plan"] >= table["2020 built"]).all()
    assert table["2020 built"].is_monotonic_increasing
    saved = pd.read_csv(atlas.out / "hunan" / "minutes_saved.csv", dtype={"adcode": str})
    assert len(saved) == 122 and saved["minutes_saved"].notna().all()
    assert saved["minutes_saved"].max() > 30  # the plan's lines save half an hour somewhere


def test_folder_of_plans_in_two_processes_with_shared_names_and_a_broken_one(tmp_path):
    """Plans read in worker processes, recursively; a.txt and a.htm keep apart; a binary file
    is reported and the others go on."""
    src = tmp_path / "plans"
    (src / "sub").mkdir(parents=True)
    text = "株洲市规划\n构建“一核两翼”空间格局。“一核”即株洲中心城区。“两翼”即醴陵市和攸县。\n"
    (src / "a.txt").write_text(text, encoding="utf-8")
    page = f"<html><body><article><p>{text}</p></article></body></html>"
    (src / "a.htm").write_text(page, encoding="utf-8")
    (src / "sub" / "b.txt").write_text(text.replace("株洲市规划", "株洲市攸县规划"), "utf-8")
    (src / "sub" / "broken.txt").write_bytes(bytes(range(256)) * 8)
    report = build_atlas(src, tmp_path / "out", province_maps=False, jobs=2)
    folders = sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir())
    assert folders == ["a_htm", "a_txt", "sub__b", "sub__broken"]
    assert len(report.seeds) == 3
    assert [p for p in report.problems if "broken.txt" in p]
    extract = json.loads((tmp_path / "out" / "a_htm" / "extract.json").read_text("utf-8"))
    [s] = extract["structures"]
    assert [c["name"] for c in s["components"]] == ["株洲中心城区", "两翼"]
