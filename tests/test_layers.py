"""Tests of geoplan.layers: geometry per role, the green heart, the Zhuzhou 一核一圈一廊, I/O."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geoplan import _features
from geoplan.cli import main
from geoplan.corpus import read_text
from geoplan.crs import HUNAN_CRS
from geoplan.errors import GeoplanError, OutputExistsError
from geoplan.extract import extract_plan
from geoplan.layers import COLUMNS, RING_WIDTH_M, structure_layers, write_layers

ZHUZHOU_CORE = ["430202", "430203", "430204", "430211", "430212"]
GREEN_HEART_KM2 = 528.32


@pytest.fixture(scope="module")
def units() -> gpd.GeoDataFrame:
    """Hunan's admin polygons (province, 14 prefectures, 122 counties) from the gazetteer."""
    from geoplan.gazetteer import admin_units

    return admin_units()


def _places(*adcodes: str) -> list[dict[str, str]]:
    return [{"name": a, "adcode": a} for a in adcodes]


def _zhuzhou_extract() -> dict:
    """The Zhuzhou seed's 一核一圈一廊 written by hand in issue 3's contract shape."""
    return {
        "source": "000_d6a808445c4787d7.txt",
        "title": "株洲市国民经济和社会发展第十四个五年规划",
        "jurisdiction": {"name": "株洲市", "adcode": "430200"},
        "structures": [
            {
                "pattern": "一核一圈一廊",
                "scope": "株洲市域",
                "span": [100, 106],
                "quote": "一核一圈一廊",
                "confidence": 0.9,
                "components": [
                    {
                        "role": "核",
                        "name": "主城区",
                        "span": [110, 113],
                        "quote": "主城区",
                        "places": _places(*ZHUZHOU_CORE),
                    },
                    {
                        "role": "圈",
                        "name": "株醴都市圈",
                        "span": [120, 125],
                        "quote": "株醴都市圈",
                        "places": _places(*ZHUZHOU_CORE, "430281"),
                    },
                    {
                        "role": "廊",
                        "name": "醴炎县域经济发展走廊",
                        "span": [130, 140],
                        "quote": "依托醴茶铁路、G106和武深高速,串联醴陵、攸县、茶陵、炎陵",
                        "places": _places("430281", "430223", "430224", "430225"),
                    },
                ],
            }
        ],
    }


def _metric_area_km2(geom) -> float:
    return float(gpd.GeoSeries([geom], crs=4326).to_crs(HUNAN_CRS).area.iloc[0]) / 1e6


@pytest.fixture(scope="module")
def zhuzhou(units) -> gpd.GeoDataFrame:
    return structure_layers(_zhuzhou_extract(), units=units)


def test_columns_crs_and_validity(zhuzhou):
    assert list(zhuzhou.columns) == COLUMNS
    assert zhuzhou.crs.to_epsg() == 4326
    assert len(zhuzhou) == 3
    assert zhuzhou.geometry.notna().all()
    assert zhuzhou.geometry.is_valid.all()
    assert list(zhuzhou["kind"]) == ["core", "circle", "corridor"]
    assert list(zhuzhou["span"]) == ["110,113", "120,125", "130,140"]


def test_core_is_union_of_urban_districts(zhuzhou, units):
    core = zhuzhou.geometry.iloc[0]
    expected = units[units["adcode"].isin(ZHUZHOU_CORE)].union_all()
    assert _metric_area_km2(core.symmetric_difference(expected)) < 0.01
    assert zhuzhou["method"].iloc[0] == "union of 5 unit(s)"
    assert zhuzhou["adcodes"].iloc[0] == ";".join(ZHUZHOU_CORE)


def test_circle_is_core_plus_liling(zhuzhou, units):
    circle = zhuzhou.geometry.iloc[1]
    liling = units.set_index("adcode").geometry["430281"]
    assert _metric_area_km2(liling.difference(circle)) < 0.01
    assert _metric_area_km2(circle) == pytest.approx(
        _metric_area_km2(zhuzhou.geometry.iloc[0]) + _metric_area_km2(liling), rel=1e-3
    )


def test_corridor_runs_liling_youxian_chaling_yanling(zhuzhou, units):
    corridor = zhuzhou.iloc[2]
    line = shapely.from_wkt(corridor["centreline"])
    assert len(line.coords) == 4
    by_code = units.set_index("adcode").geometry
    for adcode in ("430281", "430223", "430224", "430225"):
        assert corridor.geometry.intersects(by_code[adcode])
    # ordered north to south: 醴陵 is the northernmost, 炎陵 the southernmost
    lats = [y for _, y in line.coords]
    assert lats[0] == max(lats) and lats[-1] == min(lats)
    assert corridor["precision"] == "schematic"
    # routed on the transport graph, along the 武深高速 (G0422) the text names
    assert corridor["method"].startswith("routed on the 2025 plan network following G0422")
    # the buffer lies inside 株洲市 once clipped
    assert _metric_area_km2(corridor.geometry.difference(by_code["430200"])) < 0.01


def test_circle_without_members_is_ring_around_core(units):
    d = _zhuzhou_extract()
    d["structures"][0]["components"][1]["places"] = []
    gdf = structure_layers(d, clip=False, units=units)
    ring = gdf.geometry.iloc[1]
    core = gdf.geometry.iloc[0]
    assert not ring.intersects(core.buffer(-0.01))
    assert ring.geom_type in ("Polygon", "MultiPolygon")
    assert f"ring of {RING_WIDTH_M / 1000:.0f} km" in gdf["method"].iloc[1]


def test_zone_green_heart_is_curated_polygon(units):
    d = {
        "source": "x.txt",
        "jurisdiction": {"name": "湖南省", "adcode": "430000"},
        "structures": [
            {
                "pattern": "一心",
                "components": [
                    {
                        "role": "心",
                        "name": "长株潭生态绿心",
                        "span": [0, 7],
                        "quote": "一心即以长株潭生态绿心",
                        "places": [],
                    }
                ],
            }
        ],
    }
    gdf = structure_layers(d, units=units)
    assert gdf["precision"].iloc[0] == "schematic"
    assert gdf.geometry.iloc[0].equals(_features.green_heart())


def test_zone_without_feature_is_union(units):
    d = {
        "source": "x.txt",
        "structures": [
            {
                "pattern": "四区",
                "components": [
                    {
                        "role": "区",
                        "name": "北部片区",
                        "span": [0, 4],
                        "quote": "北部片区",
                        "places": _places("430204", "430202"),
                    }
                ],
            }
        ],
    }
    gdf = structure_layers(d, clip=False, units=units)
    assert gdf["method"].iloc[0] == "union of 2 unit(s)"
    assert gdf.geometry.iloc[0].geom_type == "Polygon"


def test_places_outside_hunan_are_recorded_not_drawn(units):
    """A group across a provincial border (平江—通城—修水组团): its places of other provinces
    stay in ``adcodes`` and the method names them; the geometry is the Hunan unit."""
    places = [
        {"name": "平江县", "adcode": "430626", "precision": "county"},
        {"name": "通城县", "adcode": "421222", "precision": "county", "via": "outside"},
        {"name": "修水县", "adcode": "360424", "precision": "county", "via": "outside"},
    ]
    comp = {"role": "组团", "name": "平江—通城—修水组团", "span": [0, 10], "places": places}
    d = {"source": "x.txt", "structures": [{"pattern": "两组团", "components": [comp]}]}
    gdf = structure_layers(d, clip=False, units=units)
    assert gdf["adcodes"].iloc[0] == "430626;421222;360424"
    assert gdf["method"].iloc[0] == (
        "union of 1 unit(s); places outside Hunan not drawn: 通城县, 修水县"
    )
    pingjiang = units.loc[units["adcode"] == "430626"].geometry.iloc[0]
    assert gdf.geometry.iloc[0].equals(pingjiang)


def test_a_plan_outside_hunan_keeps_its_parts_places_and_draws_none(units):
    """A plan of 海阳市 (Shandong): its 烟威都市区 holds 烟台 and 威海, read in Shandong, which
    the gazetteer has no boundary of: recorded, named in the method, not drawn."""
    text = (
        "山东省海阳市国土空间总体规划\n构建“一圈一带”的格局。“一圈”即烟威都市区,推动烟台、"
        "威海同城发展。“一带”即滨海旅游带。\n"
    )
    d = extract_plan(read_text(text)).to_dict()
    gdf = structure_layers(d, clip=False, units=units)
    row = gdf[gdf["name"] == "烟威都市区"].iloc[0]
    assert row["adcodes"] == "370600;371000"
    assert row["method"].endswith("places outside Hunan not drawn: 烟台市, 威海市")
    assert row.geometry is None or row.geometry.is_empty


def test_node_curated_point_and_missing(units):
    d = {
        "source": "x.txt",
        "structures": [
            {
                "pattern": "多点",
                "components": [
                    {
                        "role": "点",
                        "name": "昭山示范区",
                        "span": [0, 5],
                        "quote": "昭山示范区",
                        "places": [],
                    },
                    {
                        "role": "点",
                        "name": "某某镇",
                        "span": [6, 9],
                        "quote": "某某镇",
                        "places": [],
                    },
                ],
            }
        ],
    }
    gdf = structure_layers(d, clip=False, units=units)
    assert gdf.geometry.iloc[0].equals(shapely.Point(113.017052, 27.973871))
    assert gdf.geometry.iloc[1] is None
    assert gdf["method"].iloc[1] == "no geometry: no sourced point or unit"


def test_corridor_places_are_ordered_along_the_corridor(units):
    data = _zhuzhou_extract()
    corridor = data["structures"][0]["components"][2]
    corridor["places"] = _places("430224", "430225", "430223", "430281")  # as the text lists
    line = shapely.from_wkt(structure_layers(data).iloc[2]["centreline"])
    lats = [y for _, y in line.coords]
    assert lats == sorted(lats) or lats == sorted(lats, reverse=True)


def test_corridor_with_one_place_is_its_unit(units):
    d = {
        "source": "x.txt",
        "structures": [
            {
                "pattern": "一带",
                "components": [
                    {
                        "role": "带",
                        "name": "沿江风光带",
                        "span": [0, 5],
                        "quote": "沿江风光带",
                        "places": _places("430304"),
                    }
                ],
            }
        ],
    }
    gdf = structure_layers(d, clip=False, units=units)
    assert gdf["method"].iloc[0] == "union of its only unit (a line needs two places)"


def test_accepts_object_with_to_dict(units):
    class Extract:
        def to_dict(self):
            return _zhuzhou_extract()

    assert len(structure_layers(Extract(), units=units)) == 3
    with pytest.raises(GeoplanError):
        structure_layers(42, units=units)


def test_green_heart_between_the_three_cities(units):
    heart = _features.green_heart()
    assert heart.is_valid and heart.geom_type == "Polygon"
    by_code = units.set_index("adcode").geometry
    # it reaches into each of the three cities, each holding a real share of it
    for city in ("430100", "430200", "430300"):
        share = _metric_area_km2(heart.intersection(by_code[city])) / GREEN_HEART_KM2
        assert share > 0.10, city
    # its centre lies inside the triangle of the three cities' central districts
    # (天心区 of 长沙, 荷塘区 of 株洲, 雨湖区 of 湘潭)
    triangle = shapely.MultiPoint(
        [by_code[a].centroid for a in ("430103", "430202", "430302")]
    ).convex_hull
    assert triangle.contains(heart.centroid)
    # ... and it holds none of the three city seats (county_seats.csv)
    from geoplan._network_data import county_seats

    seats = county_seats().set_index("adcode")
    for city in ("430100", "430200", "430300"):
        seat = shapely.Point(float(seats.loc[city, "lon"]), float(seats.loc[city, "lat"]))
        assert not heart.contains(seat), city


def test_green_heart_area_within_5_percent():
    # The area matches BY CONSTRUCTION (uniform buffer calibrated to 528.32 km2, see
    # _features.green_heart); the uncalibrated hull of the sourced unit points measures
    # 781.5 km2 (+48 %): pinned so that a change of the points is noticed.
    assert abs(_metric_area_km2(_features.green_heart()) / GREEN_HEART_KM2 - 1) < 0.05
    assert _metric_area_km2(_features.green_heart(calibrate=False)) == pytest.approx(781.5, abs=0.5)


def test_green_heart_calibration_keeps_sourced_points():
    heart = _features.green_heart()
    hull = _features.green_heart(calibrate=False)
    metric = gpd.GeoSeries([heart, hull], crs=4326).to_crs(HUNAN_CRS)
    # the calibration is a uniform buffer: every vertex of the calibrated outline lies the
    # same distance from the hull's outline; it must stay small against the hull's ~30 km size
    vertices = shapely.points(shapely.get_coordinates(metric.iloc[0].exterior))
    gaps = shapely.distance(vertices, metric.iloc[1].exterior)
    shift = float(gaps.max())
    assert float(gaps.min()) == pytest.approx(shift, rel=0.01)
    assert 500 < shift < 3000
    assert metric.iloc[1].contains(metric.iloc[0])  # inward: the hull was too large
    points = _features._green_heart_points()
    pts = gpd.GeoSeries(gpd.points_from_xy(points["lon"], points["lat"]), crs=4326)
    depth = pts.to_crs(HUNAN_CRS).distance(metric.iloc[1].exterior)
    # points deeper inside the hull than the buffer must survive it
    deep = [
        (unit, p) for unit, p, d in zip(points["unit"], pts, depth, strict=True) if d > shift + 100
    ]
    assert "昭山" in dict(deep) and len(deep) >= 3
    for unit, p in deep:
        assert heart.contains(p), unit
    assert heart.contains(shapely.Point(113.017052, 27.973871))  # 昭山 (Mount Zhao summit)


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".parquet"])
def test_round_trip(zhuzhou, tmp_path, suffix):
    path = write_layers(zhuzhou, tmp_path / f"layers{suffix}")
    back = gpd.read_parquet(path) if suffix == ".parquet" else gpd.read_file(path, engine="pyogrio")
    assert list(back.columns) == COLUMNS
    assert len(back) == len(zhuzhou)
    pd.testing.assert_frame_equal(
        pd.DataFrame(back.drop(columns="geometry")),
        pd.DataFrame(zhuzhou.drop(columns="geometry")),
        check_dtype=False,
    )
    for a, b in zip(back.geometry, zhuzhou.geometry, strict=True):
        assert a.equals_exact(b, tolerance=1e-9)


def test_write_refuses_existing_and_bad_extension(zhuzhou, tmp_path):
    path = write_layers(zhuzhou, tmp_path / "l.gpkg")
    with pytest.raises(OutputExistsError):
        write_layers(zhuzhou, path)
    write_layers(zhuzhou, path, overwrite=True)
    with pytest.raises(GeoplanError):
        write_layers(zhuzhou, tmp_path / "l.shp")


def test_cli_from_extract_json(tmp_path, monkeypatch, units):
    import geoplan.layers as layers

    monkeypatch.setattr(layers, "_default_units", lambda: units)
    src = tmp_path / "zz.json"
    src.write_text(json.dumps(_zhuzhou_extract(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.gpkg"
    assert main(["layers", str(src), "--out", str(out)]) == 0
    assert len(gpd.read_file(out)) == 3
    assert main(["layers", str(src), "--out", str(out)]) == 2
    assert main(["layers", str(src), "--out", str(out), "--overwrite"]) == 0


def test_structure_without_components_is_drawn_whole(units):
    data = {
        "source": "x.txt",
        "jurisdiction": {"name": "湖南省", "adcode": "430000"},
        "structures": [
            {
                "pattern": "一江两岸",
                "span": [0, 4],
                "quote": "推进株洲市渌口区一江两岸建设",
                "confidence": 0.7,
                "components": [],
            }
        ],
    }
    row = structure_layers(data, units=units).iloc[0]
    assert (row["role"], row["name"], row["adcodes"]) == ("", "一江两岸", "430212")
    assert row["method"] == "structure named without components, drawn whole: union of 1 unit(s)"
    lukou = units.set_index("adcode").geometry["430212"]
    assert row.geometry.symmetric_difference(lukou).area < 1e-9


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_produces_valid_layers(prefix):
    from geoplan.corpus import read_plan
    from geoplan.extract import extract_plan
    from tests.conftest import seed_path

    gdf = structure_layers(extract_plan(read_plan(seed_path(prefix))))
    drawn = gdf[gdf.geometry.notna()]
    assert len(drawn) >= 1
    assert drawn.is_valid.all()
    assert gdf.crs.to_epsg() == 4326
    assert gdf.loc[gdf.geometry.isna(), "method"].str.contains("no geometry|nothing left").all()


def test_transport_layers_draw_from_the_curated_data():
    from geoplan import _network_data
    from geoplan.corpus import read_text
    from geoplan.extract import extract_plan
    from geoplan.layers import TRANSPORT_COLUMNS, transport_layers

    text = (
        "加快建设常益长高铁,推动茶陵—常宁高速尽快竣工通车,规划新建浏醴铁路,"
        "支持南岳机场改扩建,建设城陵矶港。"
    )
    layer = transport_layers(extract_plan(read_text(text)))
    assert list(layer.columns) == TRANSPORT_COLUMNS
    assert layer.crs.to_epsg() == 4326
    gdf = layer.set_index("name")

    stations = _network_data.rail_stations().set_index("name")
    cyc = gdf.loc["常益长高铁"]
    assert (cyc["matched"], cyc["data_status"], int(cyc["opened"])) == (
        "常益长高铁",
        "existing",
        2022,
    )
    assert cyc["status"] == "under_construction"  # the plan's word, kept beside the data's
    first, last = cyc.geometry.coords[0], cyc.geometry.coords[-1]
    assert first == (stations.loc["常德", "lon"], stations.loc["常德", "lat"])
    assert last == (stations.loc["长沙西", "lon"], stations.loc["长沙西", "lat"])

    road = gdf.loc["茶陵—常宁高速"]
    assert road["matched"] == "S-茶常" and road.geometry.geom_type == "LineString"

    seats = _network_data.county_seats().set_index("adcode")
    liuli = gdf.loc["浏醴铁路"]
    assert liuli["precision"] == "schematic" and "straight line" in liuli["method"]
    assert list(liuli.geometry.coords) == [
        (seats.loc[a, "lon"], seats.loc[a, "lat"]) for a in ("430181", "430281")
    ]

    airports = _network_data.airports().set_index("name")
    nanyue = gdf.loc["南岳机场"]
    assert nanyue["matched"] == "衡阳南岳机场"
    assert (nanyue.geometry.x, nanyue.geometry.y) == tuple(
        airports.loc["衡阳南岳机场", ["lon", "lat"]]
    )
    port = gdf.loc["城陵矶港"]
    assert port.geometry is None and port["precision"] == "none"


@pytest.mark.parametrize(
    ("name", "mode", "lines"),
    [
        ("京广铁路", "conventional_rail", ("京广铁路",)),
        ("京广高铁", "hsr", ("京广高铁",)),
        ("沪昆客运专线", "hsr", ("沪昆高铁",)),
        ("怀邵衡铁路", "conventional_rail", ("怀邵衡铁路",)),  # built as hsr, named 铁路
        ("长株潭城际", "intercity_rail", ("长株潭城际", "长株潭城际(暮云-湘潭)")),
        ("渝长厦高铁", "hsr", ("黔张常铁路", "常益长高铁", "长赣高铁")),
        ("岳长衡城际", "intercity_rail", ("长岳城际", "长衡城际")),
        ("沪昆高速公路", "expressway", ("G60",)),
        ("长芷高速", "expressway", ("S-长芷",)),
    ],
)
def test_transport_names_meet_the_curated_lines(name, mode, lines):
    from geoplan._layers_transport import match_project

    assert match_project(name, mode).names == lines


def test_unknown_transport_name_is_not_matched():
    from geoplan._layers_transport import match_project

    assert match_project("炎韶铁路", "conventional_rail") is None  # no sourced route
    assert match_project("新化春田机场", "airport") is None  # planned, no published point


def test_former_names_and_corridor_sections():
    from geoplan import _network_data
    from geoplan._layers_transport import match_project

    stations = _network_data.rail_stations().set_index("name")

    def point(name):
        return (stations.loc[name, "lon"], stations.loc[name, "lat"])

    # 浙赣铁路 has been part of 沪昆铁路 since 2006: only its 株洲–醴陵 part lies in Hunan
    zhegan = match_project("浙赣铁路", "conventional_rail")
    assert zhegan.names == ("沪昆铁路",)
    assert list(zhegan.geometry.coords) == [point("醴陵"), point("株洲")]
    # 呼南 uses 常益长 from 常德 to 益阳 only, not on to 长沙西
    hunan = match_project("呼南高铁", "hsr")
    cyc = hunan.geometry.geoms[hunan.names.index("常益长高铁")]
    assert list(cyc.coords) == [point("常德"), point("汉寿"), point("益阳南")]
    assert match_project("蒙华铁路", "conventional_rail").names == ("浩吉铁路",)
    # expressways under other names and numbers (expressway_aliases.csv)
    for name, code in [
        ("岳臨高速", "G0421"),
        ("平汝高速", "G0422"),
        ("杭长高速", "S-长浏"),
        ("G6021", "S-长浏"),
    ]:
        assert match_project(name, "expressway").names == (code,)


def test_cli_transport_layer(tmp_path, capsys):
    src = tmp_path / "plan.txt"
    src.write_text("加快建设常益长、长赣高铁,规划新建浏醴铁路。", encoding="utf-8")
    out = tmp_path / "t.geojson"
    assert main(["layers", str(src), "--transport", "--out", str(out)]) == 0
    assert "3 transport projects, 3 with geometry" in capsys.readouterr().out
    got = gpd.read_file(out)
    assert list(got["name"]) == ["常益长高铁", "长赣高铁", "浏醴铁路"]
    assert list(got["precision"]) == ["stations", "stations and seat proxies", "schematic"]


# Projects the seeds name that the curated data cannot hold: no route is published in the
# sources read (geodata/README.network.md, "Named in the seeds, not in the data").
_SEED_NAMES_NOT_IN_THE_DATA = {
    ("上栗至醴陵高速", "expressway"),
    ("咸韶铁路", "conventional_rail"),
    ("城陵矶高速", "expressway"),
    ("新化春田机场", "airport"),
    ("株洲至醴陵城际", "intercity_rail"),
    ("株洲至韶山高速公路", "expressway"),
    ("株洲西经渌口区至醴陵东铁路", "conventional_rail"),
    ("株衡城际", "intercity_rail"),
    ("江干东延线高速公路", "expressway"),
    ("石长铁路东延线", "conventional_rail"),  # a corridor seed 004 reserves (预留…通道)
    # the southward extension of 长株潭城际 to 渌口 that seed 000 names for study (启动…南延至
    # 渌口区前期研究), read as a project of its own since 2026-12-07: no route published
    ("长株潭城际南延", "intercity_rail"),
    ("浏醴铁路", "conventional_rail"),
    ("炎韶铁路", "conventional_rail"),
    ("长沙北外环高速", "expressway"),
    ("长沙南外环高速", "expressway"),
    # seed 004's 鹤中洪芷高速闭环: a ring of roads the data holds in parts (geodata/README.roads.md)
    ("鹤中洪芷高速", "expressway"),
    # the new alignment of G4's 长株 section (seed 004: 京港澳高速长株段扩容(东移线)), no road of
    # expressways.csv yet
    ("京港澳东移线", "expressway"),
    # planned rail transit lines 002 names by their chains of stops
    ("长沙学士路-先锋-云塘-株洲云龙", "intercity_rail"),
    ("湘潭北-湘潭站-株洲西-株洲云龙-6号线人民路-3号线广生站", "intercity_rail"),
    ("长沙-宁乡", "intercity_rail"),
    ("黄花机场-浏阳", "intercity_rail"),
}


def test_every_line_the_seeds_name_is_in_the_data_or_listed():
    from geoplan._layers_transport import match_project
    from geoplan.corpus import read_plan
    from geoplan.extract import extract_plan
    from tests.conftest import SEEDS

    named, missing = set(), set()
    for seed in sorted(SEEDS.glob("0*.txt")):
        for t in extract_plan(read_plan(seed)).transport:
            if t.mode in ("hsr", "intercity_rail", "conventional_rail", "expressway", "airport"):
                named.add(t.name)
                if match_project(t.name, t.mode) is None:
                    missing.add((t.name, t.mode))
    assert missing == _SEED_NAMES_NOT_IN_THE_DATA
    # names the data knows only under another name or number
    assert {"蒙华铁路", "衡茶吉铁路", "浙赣铁路", "岳临高速", "平汝高速", "杭长高速"} <= named


def test_layers_and_map_of_a_devtext_show_its_components(units):
    """A plan no rule was written from (devtexts/01_changsha): its 一体两翼 becomes two
    geometries, the six inner districts with 长沙县 and the two wing cities, and the map shows
    both with their names."""
    from pathlib import Path

    from geoplan import maps
    from geoplan.corpus import read_plan
    from geoplan.extract import extract_plan

    text = Path(__file__).resolve().parent / "data" / "devtexts" / "01_changsha.txt"
    gdf = structure_layers(extract_plan(read_plan(text)), units=units)
    parts = gdf[gdf["pattern"] == "一体两翼"].set_index("name")
    assert list(parts.index) == ["一体", "两翼"]
    body_codes = ["430102", "430103", "430104", "430105", "430111", "430112", "430121"]
    body = units[units["adcode"].isin(body_codes)]
    assert sorted(parts.loc["一体", "adcodes"].split(";")) == body_codes
    got = _metric_area_km2(parts.loc["一体", "geometry"])
    want = _metric_area_km2(body.geometry.union_all())
    assert abs(got - want) / want < 0.001
    wings = _metric_area_km2(parts.loc["两翼", "geometry"])
    both = units[units["adcode"].isin(["430181", "430182"])].geometry.union_all()
    assert abs(wings - _metric_area_km2(both)) / wings < 0.001
    html = maps.to_html(maps.structure_map(gdf[gdf.geometry.notna()]))
    for word in ("一体", "两翼", "市域核心板块"):  # names and quote, raw or JSON-escaped
        assert word in html or json.dumps(word)[1:-1] in html
