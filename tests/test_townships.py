"""Townships (乡、镇、街道): the table read from jionlp, the matcher, their use in extraction."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geoplan import gazetteer
from geoplan._cli_places import place_counts
from geoplan.corpus import read_plan, read_text
from geoplan.extract import extract_plan
from geoplan.extract._common import places_in

from .conftest import ROOT, TEST_DATA, seed_path

WANGCHENG = "430112"  # 长沙市望城区
SHAODONG = "430582"  # 邵东市


def devtext(name: str) -> Path:
    """A plan-style text of ``shared/devtexts`` (copied into ``tests/data/devtexts`` or not)."""
    for folder in (TEST_DATA / "devtexts", ROOT.parent / "shared" / "devtexts"):
        if (folder / name).exists():
            return folder / name
    msg = f"devtext {name} is neither in tests/data/devtexts nor in ../shared/devtexts"
    raise FileNotFoundError(msg)


def _found(mentions) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(m.surface, m.name, m.adcodes) for m in mentions]


# ------------------------------------------------------------------------- the table


@pytest.fixture(scope="module")
def table():
    return gazetteer.townships()


def test_table_counts_kinds_and_prefectures(table):
    assert len(table) == 2008
    assert table["kind"].value_counts().to_dict() == {
        "镇": 1136,
        "街道": 409,
        "乡": 392,
        "other": 71,
    }
    assert table.groupby("prefecture_adcode").size().to_dict() == {
        "430100": 172, "430200": 109, "430300": 70, "430400": 191, "430500": 206,
        "430600": 137, "430700": 180, "430800": 73, "430900": 98, "431000": 162,
        "431100": 194, "431200": 207, "431300": 88, "433100": 121,
    }  # fmt: skip


def test_every_county_has_townships_and_zones_are_no_county(table):
    counties = {u.adcode: u for u in gazetteer.units(level="county")}
    in_county = table[table["county_adcode"].notna()]
    assert set(in_county["county_adcode"]) == set(counties)  # all 122, nothing else
    parents = in_county["county_adcode"].map(lambda c: counties[c].parent_adcode)
    assert (parents == in_county["prefecture_adcode"]).all()
    zones = table[table["county_adcode"].isna()]
    assert len(zones) == 39
    assert zones["zone"].nunique() == 16
    assert set(zones["source_code"].str[4]) == {"7"}  # statistical codes xxxx7x
    qu_yuan = table.set_index("name").loc["营田镇"]
    assert (qu_yuan["zone"], qu_yuan["prefecture_adcode"]) == ("岳阳市屈原管理区", "430600")


@pytest.mark.parametrize(
    ("name", "county"),
    [
        ("靖港镇", WANGCHENG),
        ("丁字湾街道", WANGCHENG),
        ("魏家桥镇", SHAODONG),
        ("白兔潭镇", "430281"),  # 醴陵市
        ("朱亭镇", "430212"),  # 渌口区, the former 株洲县: current code in the data
        ("浯溪街道", "431121"),  # 祁阳市's seat, under the gazetteer's code
        ("荣家湾镇", "430621"),  # 岳阳县
        ("石牛寨镇", "430626"),  # 平江县
    ],
)
def test_known_towns_lie_in_their_county(table, name, county):
    assert table.loc[table["name"] == name, "county_adcode"].tolist() == [county]


def test_short_names_drop_the_kind_word(table):
    rows = table.set_index("name")
    assert rows.loc["桥驿镇", "short_name"] == "桥驿"
    assert rows.loc["丁字湾街道", "short_name"] == "丁字湾"
    assert rows.loc["中村瑶族乡", "short_name"] == "中村"
    assert rows.loc["古台山国有林场", "kind"] == "other"


# ----------------------------------------------------------------------- matching


def test_wangcheng_devtext_names_its_streets_and_towns():
    plan = read_plan(devtext("02_wangcheng.txt"))
    mentions = gazetteer.match_townships(plan.text, within=WANGCHENG)
    assert all(m.adcodes == (WANGCHENG,) for m in mentions)
    assert all(plan.text[m.start : m.end] == m.surface for m in mentions)
    assert list(dict.fromkeys(m.name for m in mentions)) == [
        "丁字湾街道", "铜官街道", "桥驿镇", "茶亭镇",
        # short names in a list closed by 七个街道
        "黄金园街道", "金山桥街道", "白沙洲街道", "大泽湖街道", "月亮岛街道", "乌山街道",
        "高塘岭街道",
        "靖港镇", "乔口镇", "白箬铺镇",
    ]  # fmt: skip
    # 靖港、乔口等沿江古镇 and 以靖港、乔口、白箬铺等镇为重点: short names in lists closed by 镇
    shorts = [m.surface for m in mentions if m.surface != m.name]
    assert shorts.count("靖港") == 2 and shorts.count("乔口") == 2 and "白箬铺" in shorts


def test_shaodong_devtext_towns_resolve_to_shaodong():
    plan = read_plan(devtext("06_shaodong.txt"))
    mentions = gazetteer.match_townships(plan.text)
    assert [m.name for m in mentions] == [
        "黑田铺镇", "廉桥镇", "界岭镇", "团山镇", "水东江镇", "堡面前乡", "灵官殿镇",
        "野鸡坪镇", "仙槎桥镇", "魏家桥镇",
    ]  # fmt: skip
    assert {m.adcodes for m in mentions} == {(SHAODONG,)}
    # 两市镇 (the data's 两市塘街道) and 简家垅 (简家陇镇 there) are not matched
    assert not any(m.surface in ("两市镇", "简家垅") for m in mentions)


def test_zhuzhou_seed_towns_with_their_counties(zhuzhou_path):
    plan = read_plan(zhuzhou_path)
    found = {m.name: m.adcodes for m in gazetteer.match_townships(plan.text, within="430200")}
    assert found == {
        "白关镇": ("430203",), "左权镇": ("430281",), "白兔潭镇": ("430281",),
        "东富镇": ("430281",), "网岭镇": ("430223",), "腰潞镇": ("430224",),
        "淦田镇": ("430212",), "鹿原镇": ("430225",), "酒埠江镇": ("430223",),
        "枫林镇": ("430281",), "朱亭镇": ("430212",), "严塘镇": ("430224",),
        "中村瑶族乡": ("430225",), "皇图岭镇": ("430223",), "三门镇": ("430211",),
        "仙庾镇": ("430202",), "沔渡镇": ("430225",), "界首镇": ("430224",),
        "高陇镇": ("430224",), "水口镇": ("430225",),
        "云田镇": ("430200",),  # a town of 云龙示范区, a statistical zone: its prefecture
    }  # fmt: skip


def test_a_name_in_two_counties_is_resolved_by_the_jurisdiction(zhuzhou_path):
    text = read_plan(zhuzhou_path).text
    [yantang] = [m for m in gazetteer.match_townships(text) if m.name == "严塘镇"]
    assert yantang.adcodes == ("430224", "430522")  # 茶陵县 and 新邵县: ambiguous
    for within, county in (("430200", "430224"), ("430224", "430224"), ("430500", "430522")):
        [m] = [m for m in gazetteer.match_townships(text, within=within) if m.name == "严塘镇"]
        assert m.adcodes == (county,)
    # a jurisdiction holding neither leaves it ambiguous
    [m] = [m for m in gazetteer.match_townships(text, within="430100") if m.name == "严塘镇"]
    assert m.adcodes == ("430224", "430522")


def test_a_county_named_right_before_decides():
    assert _found(gazetteer.match_townships("攸县新市镇、汨罗市新市镇")) == [
        ("新市镇", "新市镇", ("430223",)),
        ("新市镇", "新市镇", ("430681",)),
    ]


def test_short_names_are_conservative():
    # common words that are short names of towns: no list, no township word, no match
    assert gazetteer.match_townships("发挥党员先锋作用，乌山风景秀丽，推进金山桥改造") == []
    # a list, but with no township of the same county nor a township word
    assert gazetteer.match_townships("先锋、天马山") == []
    # a township word later in the clause, but not closing the list
    assert gazetteer.match_townships("发挥先锋、天马山建设带动周边三个乡镇") == []
    assert _found(gazetteer.match_townships("推进先锋、天马山、雁峰街道等重点区域")) == [
        ("先锋", "先锋街道", ("430406",)),
        ("天马山", "天马山街道", ("430406",)),
        ("雁峰街道", "雁峰街道", ("430406",)),
    ]


def test_words_that_read_as_town_names_do_not_match():
    text = "推动湘赣边城镇群发展，推进新型城镇化，韶山乡村振兴，城乡统筹"
    assert gazetteer.match_townships(text) == []


def test_unit_names_inside_a_township_give_way():
    # 望城坡街道 is in 岳麓区, not 望城区; 浏阳河街道 in 芙蓉区, not 浏阳市
    text = "长沙市望城坡街道和浏阳河街道"
    found = gazetteer.match(text, townships=True)
    assert [(m.surface, m.how, m.adcodes) for m in found] == [
        ("长沙市", "full", ("430100",)),
        ("望城坡街道", "township", ("430104",)),
        ("浏阳河街道", "township", ("430105",)),
    ]
    # without townships the unit names inside them are what is found
    assert [m.surface for m in gazetteer.match(text)] == ["长沙市", "望城", "浏阳"]


def test_a_town_after_a_county_of_another_province_is_that_countys():
    # 茅坪镇 is a town of 城步 and of 秭归 (湖北): after 秭归县 it is the latter, no Hunan place
    assert places_in("秭归县茅坪镇和长阳土家族自治县龙舟坪镇") == ([], [])
    units, towns = places_in("城步苗族自治县茅坪镇")
    assert [u.adcode for u in units] == ["430529"]
    assert [(t.name, t.adcode) for t in towns] == [("茅坪镇", "430529")]


def test_match_without_townships_is_unchanged(province_path):
    text = read_plan(province_path).text
    plain = gazetteer.match(text)
    with_towns = gazetteer.match(text, townships=True)
    assert [m for m in with_towns if m.how != "township"] == plain
    assert {m.name for m in with_towns if m.how == "township"} == {
        "荣家湾镇", "新开镇", "西渡镇", "云集镇", "大浦镇",
    }  # fmt: skip


# ----------------------------------------------------------------- extraction, CLI


def test_places_in_returns_towns_as_features_and_their_county_as_unit():
    units, feats = places_in("湘江东岸:范围包括丁字湾街道、铜官街道和桥驿镇、茶亭镇。")
    assert [(u.name, u.adcode, u.precision, u.via) for u in units] == [
        ("望城区", WANGCHENG, "county", "township")
    ]
    assert [f.to_dict() for f in feats] == [
        {"name": n, "adcode": WANGCHENG, "precision": "county", "via": "township",
         "within": [WANGCHENG]}
        for n in ("丁字湾街道", "铜官街道", "桥驿镇", "茶亭镇")
    ]  # fmt: skip


def test_places_in_keeps_an_ambiguous_town_out_of_units():
    units, feats = places_in("以新市镇为中心")
    assert units == []
    assert [f.to_dict() for f in feats] == [
        {"name": "新市镇", "adcode": None, "precision": "county", "via": "township",
         "within": ["430223", "430481", "430681"]}
    ]  # fmt: skip
    units, feats = places_in("以新市镇为中心", within="430600")  # 岳阳市: 汨罗市's
    assert [u.adcode for u in units] == [feats[0].adcode] == ["430681"]
    # the scope places given as context decide too
    assert places_in("以新市镇为中心", context="攸县")[1][0].adcode == "430223"


def test_extract_places_list_towns_with_their_county():
    x = extract_plan(read_plan(devtext("06_shaodong.txt")))
    towns = [p.to_dict() for p in x.places if p.via == "township"]
    assert len(towns) == 10
    assert {(t["adcode"], t["precision"]) for t in towns} == {(SHAODONG, "county")}
    assert {"name": "魏家桥镇", "adcode": SHAODONG, "count": 1, "precision": "county",
            "within": [SHAODONG], "via": "township"} in towns  # fmt: skip
    # the towns are not counted as mentions of the county
    [county] = [p for p in x.places if p.adcode == SHAODONG and p.via == "admin"]
    assert county.count == len(
        [
            m
            for m in gazetteer.match(read_plan(devtext("06_shaodong.txt")).text)
            if m.adcodes == (SHAODONG,)
        ]
    )


def test_place_counts_lists_townships_decided_by_the_title():
    result = place_counts(read_text("汨罗市规划:建设新市镇、白水镇"))
    assert result["townships"] == [
        {"name": "新市镇", "adcode": "430681", "county": "汨罗市", "count": 1},
        {"name": "白水镇", "adcode": "430681", "county": "汨罗市", "count": 1},
    ]
    result = place_counts(read_text("规划:建设新市镇"), within="430223")
    assert result["townships"][0]["county"] == "攸县"
    result = place_counts(read_text("规划:建设新市镇"))
    assert result["townships"] == [
        {"name": "新市镇", "adcode": None, "within": ["430223", "430481", "430681"], "count": 1}
    ]


def test_cli_places_json_and_bad_within(tmp_path):
    path = devtext("02_wangcheng.txt")
    run = subprocess.run(
        [sys.executable, "-m", "geoplan.cli", "places", "--json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    towns = json.loads(run.stdout)["townships"]
    assert len(towns) == 14
    assert {t["county"] for t in towns} == {"望城区"}
    bad = subprocess.run(
        [sys.executable, "-m", "geoplan.cli", "places", "--within", "株州", str(path)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    [line] = bad.stderr.strip().splitlines()
    assert line.startswith("geoplan places: error: '株州' is not a known place in Hunan;")
    assert "株洲" in line


@pytest.mark.parametrize(
    ("prefix", "county", "towns"),
    [
        # 冷水江市: 四镇 即锡矿山、铎山、渣渡、三尖镇 (short names in a list closing on a town)
        ("001", "431381", {"禾青镇", "铎山镇", "金竹山镇", "锡矿山街道", "渣渡镇", "三尖镇",
                           "中连乡", "布溪街道", "沙塘湾街道"}),
        ("002", None, set()),
        # 雁峰区: 推进先锋、天马山、雁峰街道等
        ("003", "430406", {"岳屏镇", "黄茶岭街道", "先锋街道", "天马山街道", "雁峰街道"}),
    ],
)  # fmt: skip
def test_seed_towns_exactly(prefix, county, towns):
    mentions = gazetteer.match_townships(read_plan(seed_path(prefix)).text)
    assert {m.name for m in mentions} == towns
    assert {m.adcodes for m in mentions} <= {(county,)}
