from __future__ import annotations

import re
from pathlib import Path

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
