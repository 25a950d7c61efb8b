"""Tests of the transport grammar (geoplan.extract._transport) and of line-code decoding.

The sentences are made up in the way plans write; the line codes and places are real, so the
decoded ends can be checked against the corridors' published names.
"""

from __future__ import annotations

import csv

import pytest

from geoplan._data import geodata_path
from geoplan.corpus import read_text
from geoplan.extract import extract_plan
from geoplan.extract._common import corridor_codes, decode_code, decode_near, unit_of_title
from geoplan.extract._transport import find_projects


def _got(text: str) -> list[tuple]:
    return [(p.name, p.cities, p.undecoded, p.status) for p in find_projects(text)]


# ---------------------------------------------------------------- decoding codes


@pytest.mark.parametrize(
    ("code", "names", "undecoded"),
    [
        # curated national corridors: ends no character rule could find
        ("沪昆", ["上海市", "昆明市"], []),
        ("呼南", ["呼和浩特市", "南宁市"], []),
        ("上瑞", ["上海市", "瑞丽市"], []),
        ("二广", ["二连浩特市", "广州市"], []),
        ("武深", ["武汉市", "深圳市"], []),  # not 武冈, the Hunan unit beginning with 武
        ("浙赣", ["浙江省", "江西省"], []),  # a code of provinces: the provinces, not 赣州
        # a character that can only be a province's short name makes a code of provinces
        ("皖赣", ["安徽省", "江西省"], []),  # not 赣州
        ("晋豫鲁", ["山西省", "河南省", "山东省"], []),  # not 鲁山县
        ("川藏", ["四川省", "西藏自治区"], []),
        # a character beginning one unit's name in all China stands for it, and anchors the
        # others (宜 = 宜章, near 耒阳, not 宜昌 or 宜春)
        ("耒宜", ["耒阳市", "宜章县"], []),
        ("衡永", ["衡阳市", "永州市"], []),  # 永 = 永州 (衡永高速, 衡阳至永州), not 永兴
        ("昆沪", ["昆明市", "上海市"], []),  # a reversed code
        # the unit of China beginning with the character, nearest the other ends
        ("莲株", ["莲花县", "株洲市"], []),  # Jiangxi, next to 株洲
        ("平益", ["平江县", "益阳市"], []),  # the only Hunan unit beginning with 平
        ("吉邵", ["吉首市", "邵阳市"], []),  # 吉首 is nearer 邵阳 than 吉安
        ("衡茶吉", ["衡阳市", "茶陵县", "吉安市"], []),  # 吉安 is nearer 茶陵 than 吉首
        ("长九", ["长沙市", "九江市"], []),
        ("石长", ["石门县", "长沙市"], []),  # not 石峰区: a city's district ends no line
        ("长益常", ["长沙市", "益阳市", "常德市"], []),  # 常益长 read backwards
        # left open rather than guessed
        ("炎韶", ["炎陵县"], ["韶"]),  # 韶山 and 韶关 lie as near to 炎陵
        ("南衡", ["衡阳市"], ["南"]),  # a direction: no Hunan prior (南县 or 南宁?)
        ("宁新", [], ["宁", "新"]),  # nothing decoded to judge nearness by (宁韶 is now curated)
    ],
)
def test_decode_code(code, names, undecoded):
    got_names, adcodes, got_undecoded = decode_code(code)
    assert (got_names, got_undecoded) == (names, undecoded)
    assert all(a.startswith("43") for a in adcodes)  # adcodes hold Hunan units only


def test_decode_code_names_that_are_not_codes():
    # a waterway's or road's name is not a code: no unit of China is sought for its characters
    assert decode_code("长江", china=False) == (["长沙市"], ["430100"], ["江"])
    assert decode_code("长江")[0] != ["长沙市"]


@pytest.mark.parametrize(
    ("title", "home"),
    [
        ("常州市武进区国土空间总体规划（2021—2035年）", "武进区"),  # the finer of two full names
        ("惠州大亚湾经济技术开发区国土空间总体规划", "惠州市"),  # a short name opening the title
        ("新沂市“十四五”国土空间格局", "新沂市"),
        ("鼓楼区发展规划", None),  # four 鼓楼区 in China and no city named
        ("关于推进城乡一体化的实施意见", None),
    ],
)
def test_unit_of_title(title, home):
    unit = unit_of_title(title)
    assert (unit.name if unit is not None else None) == home


@pytest.mark.parametrize(
    ("code", "home", "names", "undecoded"),
    [
        ("杭黄", "330111", ["杭州市", "黄山市"], []),  # 富阳: 黄山市, not 黄浦区 (a district)
        ("长吉", "220183", ["长春市", "吉林市"], []),  # 德惠: no Hunan prior for 长
        ("常宜", "320412", ["常州市", "宜兴市"], []),  # 武进: a county far nearer than 宜春市
        ("京哈", "230113", ["北京市", "哈尔滨市"], []),  # a municipality's short name
        ("青银", "370281", ["青岛市", "银川市"], []),  # 银川: the one city 银 begins
        ("周凤", "610124", ["周至县", "凤县"], []),  # the plan's own county
        ("沪昆", "330111", ["上海市", "昆明市"], []),  # a corridor keeps its curated ends
        ("宁杭", "330502", ["南京市", "杭州市"], []),  # 宁 = 南京 (city_short_names.csv)
        ("昌九", "360481", ["南昌市", "九江市"], []),
        ("宁象", "330225", ["宁波市", "象山县"], []),  # 象山: 宁波 far nearer than 南京
    ],
)
def test_decode_near_reads_a_code_by_where_the_plan_lies(code, home, names, undecoded):
    got, adcodes, left = decode_near(code, home)
    assert (got, left) == (names, undecoded)
    assert adcodes == []  # no end in Hunan


def test_codes_of_a_plan_outside_hunan_are_read_where_it_lies():
    body = "第一章 对外交通\n加快建设长吉城际铁路北延段，杭黄高铁已建成通车。\n"

    def cities(title):
        x = extract_plan(read_text(f"{title}\n{body}")).to_dict()
        return {t["name"]: t["cities"] for t in x["transport"]}

    assert cities("德惠市综合交通规划要点") == {
        "长吉城际铁路北延段": ["长春市", "吉林市"],  # (an extension: a project of its own)
        "杭黄高铁": [],  # 2,000 km from 德惠: no candidate near enough to be sure of
    }
    assert cities("杭州市富阳区综合交通规划要点")["杭黄高铁"] == ["杭州市", "黄山市"]
    # a Hunan plan keeps the table's Hunan reading (长 = 长沙)
    assert cities("浏阳市综合交通规划要点")["长吉城际铁路北延段"] == ["长沙市"]


def test_corridor_codes_are_sourced_and_resolve():
    with open(geodata_path("corridor_codes.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len({r["code"] for r in rows}) == len(rows)
    assert all(r["source"].startswith(("http", "same as")) for r in rows)
    table = corridor_codes()
    assert len(table) == len(rows)
    assert table["洛湛"].ends == ("洛阳市", "湛江市")
    assert all(len(c.ends) >= 2 for c in table.values())


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("衡阳是沪昆高铁的重要节点。", ["沪昆高铁"]),  # a word glued to the code
        ("一是铁路。二是公路。", []),  # an enumerator and a heading, no line
        (
            "依托二广、包茂等高速公路。",
            ["二广高速公路", "包茂高速公路"],
        ),  # 二 of 二广 is no numeral
        # nor without 等: a corridor's code joined to the next line that names the suffix
        ("境内已建成的二广、岳临高速公路。", ["二广高速公路", "岳临高速公路"]),
        ("建成长常北线高速。", ["长常北线高速"]),  # one of two lines between the same ends
        ("规划建设平益、莲株高速。", ["平益高速", "莲株高速"]),  # codes that decode wholly
        ("同步开展衡阳至永州城际铁路前期研究。", ["衡阳至永州城际铁路"]),
        ("规划建设新化至武冈高速公路。", ["新化至武冈高速公路"]),
        ("协调沿线乡镇共同做好沅水航道升级改造。", ["沅水航道"]),  # the name after the verbs
        ("加强与长沙黄花国际机场门户枢纽衔接。", ["长沙黄花国际机场"]),  # 国际 is no code
        ("加快推进张家界至吉首至怀化高铁建设。", ["张家界至吉首至怀化高铁"]),  # three ends
        # one end a unit, the other a pass or a town
        ("开工建设宜章至凤头岭高速。", ["宜章至凤头岭高速"]),
        # a bracketed aside between the list and its suffix is no part of either name
        ("规划建设常岳、益娄(含益阳南联络线)城际铁路。", ["常岳城际铁路", "益娄城际铁路"]),
        # a verb glued before a code that decodes wholly to two places (北临 | 长石)
        ("园区北临长石铁路和资江。", ["长石铁路"]),
        # a route number in brackets after a road's name is that road's, no road of its own
        ("京港澳高速(G4)耒阳至宜章段扩容工程(耒宜高速扩容)。", ["京港澳高速", "耒宜高速"]),
    ],
)
def test_names(text, names):
    assert [p.name for p in find_projects(text)] == names


def test_chains_of_stops_closed_by_a_rail_transit_word():
    text = "远期研究衡阳东-酃湖-衡南,衡阳-衡山-南岳机场等轨道,完善公交网络。"
    assert _got(text) == [
        ("衡阳东-酃湖-衡南", ["衡阳市", "衡南县"], [], "studied"),
        ("衡阳-衡山-南岳机场", ["衡阳市", "衡山县", "衡南县"], [], "studied"),
        ("南岳机场", ["南岳区"], [], "studied"),  # a stop that is a project of its own
    ]


def test_name_split_by_a_line_break():
    text = "1 | 渝长厦高\n铁 | 在建 | 经长沙\n"
    [p] = find_projects(text)
    assert (p.name, p.cities, p.status) == (
        "渝长厦高铁",
        ["重庆市", "长沙市", "厦门市"],
        "under_construction",
    )
    assert text[p.span[0] : p.span[1]] == "渝长厦高\n铁"
    assert "渝长厦高" in p.note


def test_airports_keyed_to_the_unit_they_name():
    x = extract_plan(read_text("新化军用机场规划转为军民合用。推进新化机场建设。"))
    [rec] = x.transport
    assert (rec.name, rec.cities, rec.mentions) == ("新化机场", ["新化县"], 2)
    assert rec.status == "upgrade"  # 转为: a change of an existing airport
    x = extract_plan(read_text("支持隆回机场前期研究。"))
    assert [(t.name, t.cities, t.status) for t in x.transport] == [
        ("隆回机场", ["隆回县"], "studied")
    ]


# ---------------------------------------------------------------- status


def test_status_from_a_table_row():
    text = (
        "专栏3 重大交通项目\n序号 | 项目名称 | 建设性质 | 建设内容\n"
        "1 | 娄衡高速 | 新建 | 加快建设\n2 | 张吉怀高铁 | 已建 | 提质\n"
        "3 | 益娄铁路 | 前期研究 | 规划建设\n"
    )
    assert [(p.name, p.status) for p in find_projects(text)] == [
        ("娄衡高速", "planned"),  # the 建设性质 cell, not the words of the next column
        ("张吉怀高铁", "existing"),
        ("益娄铁路", "studied"),
    ]


def test_status_from_a_stage_cell_alone_and_tab_separated_rows():
    # 前期 and 储备 alone in the 建设性质 cell are stages (preliminary works, a reserve project),
    # whatever the later cells say; cells may be apart by tabs as a Word export gives them
    text = (
        "附表 近期重大交通项目表\n序号 | 项目名称 | 建设性质 | 建设内容\n"
        "1 | 邵永高铁 | 前期 | 自邵阳北站引出,经祁东至永州\n"
        "2 | 安慈高速 | 储备 | 纳入省高速公路网,经慈利至石门\n"
        "3\t益娄铁路\t前期\t经桃江至娄底\n"
        "常岳九铁路｜前期｜沿已建成的洞庭湖大桥布线\n"
    )
    assert [(p.name, p.status) for p in find_projects(text)] == [
        ("邵永高铁", "studied"),
        ("安慈高速", "studied"),
        ("益娄铁路", "studied"),
        ("常岳九铁路", "studied"),  # full-width pipes (｜): the cell, not 已建成 after it
    ]


def test_status_ticked_in_a_table_column():
    # a stage ticked in its column (√ under 在建): the header's word over that column, not the
    # first stage word of the header row
    text = (
        "郴州市规划\n重大交通项目及其建设阶段见下表(√表示所处阶段)。\n项目 | 已建成 | 在建 | 规划\n"
        "京港澳高速 | √ |  | \n厦蓉高速 |  | √ | \n郴永高速 |  |  | √\n"
    )
    assert [(p.name, p.status) for p in find_projects(text)] == [
        ("京港澳高速", "existing"),
        ("厦蓉高速", "under_construction"),
        ("郴永高速", "planned"),
    ]


def test_a_second_channel_or_a_branch_line_is_a_line_of_its_own():
    x = extract_plan(read_text("规划建设长张高速二通道,谋划长张高速望城支线。长张高速已建成。"))
    assert [(t.name, t.status) for t in x.transport] == [
        ("长张高速二通道", "planned"),
        ("长张高速望城支线", "studied"),
        ("长张高速", "existing"),
    ]


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # the stage word next to the name governs it, before a light verb
        ("巩固提升已建成的衡柳铁路的运输能力。", {"衡柳铁路": "existing"}),
        ("推进已建成的衡柳铁路电气化。", {"衡柳铁路": "upgrade"}),  # the work named after it
        ("依托在建的张吉怀高铁。", {"张吉怀高铁": "under_construction"}),
        # a line relied on: what is built after it is another's (the park's), and 依托 itself
        # only says the line is there, weaker than a stage word
        ("依托娄邵铁路双峰站规划建设物流园区。", {"娄邵铁路": "existing"}),
        # words after the name, in its clause
        ("推动娄邵铁路扩能。", {"娄邵铁路": "upgrade"}),
        ("推进呼南高铁其他区段的规划建设。", {"呼南高铁": "planned"}),
        ("衡柳铁路已经开通运营。", {"衡柳铁路": "existing"}),
        ("争取邵永高铁纳入规划并开工建设。", {"邵永高铁": "planned"}),
        ("推动娄衡高速尽快竣工通车。", {"娄衡高速": "under_construction"}),
        ("加快常岳九铁路前期工作。", {"常岳九铁路": "studied"}),
        ("实施张家界荷花国际机场二期扩建。", {"张家界荷花国际机场": "upgrade"}),  # 扩建
        # a list that mixes them: per item; else the words heading or following the list
        (
            "加快建设张吉怀高铁、规划建设衡柳铁路二线。",
            {"张吉怀高铁": "under_construction", "衡柳铁路": "planned"},
        ),
        ("积极推进益娄、宜常等铁路项目前期研究。", {"益娄铁路": "studied", "宜常铁路": "studied"}),
        (
            "一是加快建设怀邵衡铁路，二是研究谋划邵永高铁，三是推动娄邵铁路扩能。",
            {"怀邵衡铁路": "under_construction", "邵永高铁": "studied", "娄邵铁路": "upgrade"},
        ),
        # a present fact of the network, not work to do
        (
            "焦柳、洛湛铁路已在此交汇，枢纽地位突出。",
            {"焦柳铁路": "existing", "洛湛铁路": "existing"},
        ),
        ("京广铁路纵贯全境，是南北大通道。", {"京广铁路": "existing"}),
        # 规划区 names an area, not a plan to build
        ("沪昆高速在县城规划区北侧通过。", {"沪昆高速": None}),
        # a line that passes by now; 复线 after a name is a line of its own (a second track, a
        # second road beside the first), named as written, as the keys name it (益常高速复线)
        (
            "景区一带有京广铁路复线、京珠高速公路从旁经过。",
            {"京广铁路复线": "existing", "京珠高速公路": "existing"},
        ),
        ("规划建设益常高速复线。", {"益常高速复线": "planned"}),
        # the subject's sentence ends on its present stage; 双线电气化铁路 is its kind; the lines
        # it meets are only named (their stage is not the subject's)
        (
            "焦柳铁路为国家一级双线电气化铁路,2010年6月开工建设,途经吉首市,在怀化与渝怀铁路交会,"
            "目前已建成通车。",
            {"焦柳铁路": "existing", "渝怀铁路": None},
        ),
    ],
)
def test_status_from_the_words_that_govern_the_name(text, statuses):
    assert {p.name: p.status for p in find_projects(text)} == statuses


def test_status_of_a_section_named_with_a_bracketed_aside():
    # the brackets after a section's end (its border) close no clause: the section's works
    # (改扩建, rank of a section) outrank the line's mere mention in the next sentence
    text = (
        "京港澳高速宜章(湘粤界)至耒阳段实施八车道改扩建。该段建成后,与京港澳高速共同构成"
        "纵贯全省的通道。"
    )
    [rec] = extract_plan(read_text(text)).transport
    assert (rec.name, rec.status, rec.mentions) == ("京港澳高速", "upgrade", 2)


def test_status_of_the_surest_mention():
    # a clause about a section says less of the line than one about the whole line
    text = "加快实施杭瑞高速吉首至茶洞段扩容工程。依托已建成的杭瑞高速，发展物流。"
    [rec] = extract_plan(read_text(text)).transport
    assert (rec.name, rec.status, rec.mentions) == ("杭瑞高速", "existing", 2)
    # relying on a line says less than a stage word in another mention
    text = (
        "一城，是指高铁新城。依托宜常高铁在县城近郊新设的站，推进站城一体开发。\n"
        "第十一条　加快建设宜常高铁。线路自常德站引出。"
    )
    [rec] = extract_plan(read_text(text)).transport
    assert (rec.name, rec.status, rec.mentions) == ("宜常高铁", "under_construction", 2)
    # 高速 and 高速公路 name one project
    x = extract_plan(read_text("规划建设娄衡高速。娄衡高速公路全长约100公里。"))
    assert [(t.name, t.status, t.mentions) for t in x.transport] == [("娄衡高速", "planned", 2)]


def test_a_section_named_after_its_line_is_a_project_of_its_own():
    # works are planned on a section; its ends are the places it serves, decoded as termini
    # (a town: 官庄 is in 沅陵县), or a code of two places (长株)
    text = (
        "实施沪昆高速醴陵至娄底段扩容。加快建设G59呼北高速官庄至新化段,确保年内建成通车。"
        "重点实施京港澳高速长株段扩容工程。"
    )
    got = [(p.name, p.cities, p.status) for p in find_projects(text)]
    assert got == [
        ("沪昆高速", ["上海市", "昆明市"], "upgrade"),
        ("沪昆高速醴陵至娄底段", ["醴陵市", "娄底市"], "upgrade"),
        ("G59呼北高速", ["呼和浩特市", "北海市"], "under_construction"),
        ("呼北高速官庄至新化段", ["沅陵县", "新化县"], "under_construction"),
        ("京港澳高速", ["北京市", "香港特别行政区", "澳门特别行政区"], "upgrade"),
        ("京港澳高速长株段", ["长沙市", "株洲市"], "upgrade"),
    ]
    # an end that does not decode leaves the line alone (茶洞 is no unit here)
    assert [p.name for p in find_projects("加快实施杭瑞高速吉首至茶洞段扩容工程。")] == ["杭瑞高速"]


def test_links_branches_and_suburban_lines_named_without_a_line_suffix():
    # a rail link named by the stations it joins (its cities the stops' units; stations of
    # the data's high-speed lines make it hsr), a national corridor's realigned line named by
    # its code and branch alone (sets Z, AJ and AK: 长沙西—湘潭北—株洲西联络线, 京港澳东移线),
    # and a city's suburban line (市域(郊)铁路), an intercity line of its metropolis
    text = (
        "研究建设衡阳东—衡山西联络线。加快实施包茂西移线前期工作。"
        "规划建设株洲至醴陵市域（郊）铁路,推进衡阳至衡山市域铁路。"
    )
    got = [(p.name, p.mode, p.cities, p.status) for p in find_projects(text)]
    assert got == [
        ("衡阳东—衡山西联络线", "hsr", ["衡阳市", "衡山县"], "studied"),
        ("包茂西移线", "expressway", ["包头市", "茂名市"], "studied"),
        ("株洲至醴陵市域（郊）铁路", "intercity_rail", ["株洲市", "醴陵市"], "planned"),
        ("衡阳至衡山市域铁路", "intercity_rail", ["衡阳市", "衡山县"], "under_construction"),
    ]
    # no link of stops that name no place: a phrase (东西—南北联络线) is none
    assert find_projects("打通东西—南北联络线。") == []


def test_status_through_a_pronoun():
    text = "衡阳南岳机场现为4C级支线机场，位于衡南县。规划将其改扩建为4D级机场。"
    assert [(p.name, p.status) for p in find_projects(text)] == [("衡阳南岳机场", "upgrade")]
    # the lines taken up again at a time after they are done (上述项目实施后) get no stage from
    # that sentence (set AL's 215)
    text = (
        "怀桂高铁可研批复在即，力争早日开工；渝怀高铁正在抓紧开展前期研究。"
        "上述项目实施后，全市高铁将形成十字交叉格局。"
    )
    assert [(p.name, p.status) for p in find_projects(text)] == [
        ("怀桂高铁", "planned"),
        ("渝怀高铁", "studied"),
    ]


def test_a_route_number_before_a_code_is_one_name_decoded_as_the_code():
    text = "G55二广高速、G56杭瑞高速和省级高速在境内构成“井”字形高速公路格局。"
    got = [(p.name, p.cities, p.status) for p in find_projects(text)]
    assert got == [
        ("G55二广高速", ["二连浩特市", "广州市"], "existing"),
        ("G56杭瑞高速", ["杭州市", "瑞丽市"], "existing"),
    ]


# ---------------------------------------------------------------- curated corridor codes

# The lines added to geodata/corridor_codes.csv on 2026-12-03, each with the ends its sources
# state (towns given as the county a source places them in: 马迹塘 -> 桃江县, 官庄 -> 沅陵县;
# a code of provinces as the provinces: 湘桂 -> 湖南省, 广西壮族自治区).
ADDED_LINES = {
    "泉南高速": ["泉州市", "南宁市"],
    "厦蓉高速": ["厦门市", "成都市"],
    "许广高速": ["许昌市", "广州市"],
    "浩吉铁路": ["鄂尔多斯市", "吉安市"],
    "湘桂铁路": ["湖南省", "广西壮族自治区"],
    "湘黔铁路": ["湖南省", "贵州省"],
    "渝湘高铁": ["重庆市", "湖南省"],
    "兴永郴赣铁路": ["兴义市", "永州市", "郴州市", "赣州市"],
    "安张衡铁路": ["安康市", "张家界市", "衡阳市"],
    "娄新高速": ["娄底市", "新化县"],
    "宁韶高速": ["宁乡市", "韶山市"],
    "马安高速": ["桃江县", "安化县"],
    "益马高速": ["益阳市", "桃江县"],
    "安慈高速": ["安乡县", "慈利县"],
    "龙琅高速": ["涟源市", "新化县"],
    "官新高速": ["沅陵县", "新化县"],
    "张官高速": ["张家界市", "沅陵县"],
    "桂新高速": ["桂阳县", "新田县"],
    "通平高速": ["通城县", "平江县"],
    "平汝高速": ["平江县", "汝城县"],
    "吉茶高速": ["吉首市", "花垣县"],
    "怀新高速": ["怀化市", "新化县"],
    "道贺高速": ["道县", "贺州市"],
    "岳望高速": ["岳阳市", "望城区"],
    "龙永高速": ["龙山县", "永顺县"],
    "永吉高速": ["永顺县", "吉首市"],
    "常祁高速": ["常宁市", "祁东县"],
    "安邵高速": ["安化县", "邵阳市"],
    "炉慈高速": ["石门县", "慈利县"],
    "新新高速": ["新化县", "新宁县"],
    "洞新高速": ["洞口县", "新宁县"],
    "武靖高速": ["武冈市", "靖州苗族侗族自治县"],
    "靖黎高速": ["靖州苗族侗族自治县", "黎平县"],
    "芷铜高速": ["芷江侗族自治县", "铜仁市"],
    "桑龙高速": ["桑植县", "龙山县"],
    "张南高速": ["张家界市", "南充市"],
    "黔吉高铁": ["黔江区", "吉首市"],
    "铜吉铁路": ["铜仁市", "吉首市"],
    "怀桂高铁": ["怀化市", "桂林市"],
    "张新高速": ["张家界市", "新化县"],
    "白新高速": ["邵阳县", "新宁县"],
    "永新高速": ["永州市", "新宁县"],
    "城龙高速": ["城步苗族自治县", "龙胜各族自治县"],
    "茶常高速": ["茶陵县", "常宁市"],
    "凤大高速": ["凤凰县", "松桃苗族自治县"],
    # national expressways and rail trunk lines (added 2026-12-07), for plans outside Hunan
    "沈海高速": ["沈阳市", "海口市"],
    "大广高速": ["大庆市", "广州市"],
    "连霍高速": ["连云港市", "霍尔果斯市"],
    "福银高速": ["福州市", "银川市"],
    "长深高速": ["长春市", "深圳市"],  # not 长沙: a corridor's ends are never guessed
    "京九铁路": ["北京市", "香港特别行政区"],
    "郑万高铁": ["郑州市", "万州区"],
    "沪汉蓉铁路": ["上海市", "武汉市", "成都市"],
    # lines outside Hunan whose codes the character rule read wrongly (second batch, 2026-12-07)
    "济青高铁": ["济南市", "青岛市"],  # not 青州
    "贵广高铁": ["贵阳市", "广州市"],  # not 贵港
    "南广高铁": ["南宁市", "广州市"],  # not 南雄
    "吉衡铁路": ["吉安市", "衡阳市"],  # 吉 had been left open
    "张海高铁": ["张家界市", "海口市"],
    "甬台温高速": ["宁波市", "台州市", "温州市"],  # not 温岭
}


@pytest.mark.parametrize(("name", "cities"), list(ADDED_LINES.items()))
def test_added_corridor_codes_decode_to_their_sourced_ends(name, cities):
    code = name.removesuffix("高速").removesuffix("高铁").removesuffix("铁路")
    assert code in corridor_codes()
    assert decode_code(code)[0::2] == (cities, [])
    [rec] = extract_plan(read_text("湖南省规划\n加快建设" + name + "。")).transport
    assert (rec.name, rec.cities) == (name, cities)


def test_added_corridor_codes_read_reversed_and_keep_hunan_adcodes():
    assert decode_code("赣郴永兴")[0] == ["赣州市", "郴州市", "永州市", "兴义市"]
    assert decode_code("湘桂")[1] == ["430000"]  # the province of Hunan
    assert decode_code("马安")[1] == ["430922", "430923"]  # 桃江县, 安化县
    assert decode_code("泉南")[1] == []  # no end in Hunan


# The rows that were in corridor_codes.csv before 2026-12-03 decode as they did.
OLD_CORRIDORS = {
    "沪昆": ["上海市", "昆明市"],
    "上瑞": ["上海市", "瑞丽市"],
    "沪瑞": ["上海市", "瑞丽市"],
    "二广": ["二连浩特市", "广州市"],
    "包茂": ["包头市", "茂名市"],
    "呼北": ["呼和浩特市", "北海市"],
    "杭瑞": ["杭州市", "瑞丽市"],
    "武深": ["武汉市", "深圳市"],
    "京港澳": ["北京市", "香港特别行政区", "澳门特别行政区"],
    "京珠": ["北京市", "珠海市"],
    "呼南": ["呼和浩特市", "南宁市"],
    "京广": ["北京市", "广州市"],
    "洛湛": ["洛阳市", "湛江市"],
    "焦柳": ["焦作市", "柳州市"],
    "渝长厦": ["重庆市", "长沙市", "厦门市"],
    "长九": ["长沙市", "九江市"],
    "岳临": ["岳阳市", "临武县"],
    "浙赣": ["浙江省", "江西省"],
}


@pytest.mark.parametrize(("code", "ends"), list(OLD_CORRIDORS.items()))
def test_old_corridor_codes_still_decode(code, ends):
    assert decode_code(code)[0::2] == (ends, [])


def test_a_terminus_outside_hunan_is_the_one_unit_of_china_its_name_begins():
    x = extract_plan(read_text("开工建设城步至龙胜高速。"))
    assert [(t.name, t.cities, t.undecoded) for t in x.transport] == [
        ("城步至龙胜高速", ["城步苗族自治县", "龙胜各族自治县"], [])  # 龙胜 is in Guangxi
    ]
    x = extract_plan(read_text("开工建设宜章至凤头岭高速。"))  # a pass: no unit's name
    assert [(t.cities, t.undecoded) for t in x.transport] == [(["宜章县"], ["凤头岭"])]


def test_a_stop_outside_hunan_is_no_unit_of_a_chain():
    # a chain's stops are Hunan units; a stop in Jiangxi (萍乡) is left out, as before
    text = "规划建设醴陵-萍乡等轨道。"
    assert _got(text) == [("醴陵-萍乡", ["醴陵市"], [], "planned")]


def test_airports_of_units_listed_before_a_shared_kind():
    text = "规划建设吉首、古丈、龙山通用机场，研究建设花垣通用机场。加快建设通用机场。"
    got = [(p.name, p.cities, p.status) for p in find_projects(text)]
    assert got == [
        ("吉首通用机场", ["吉首市"], "planned"),
        ("古丈通用机场", ["古丈县"], "planned"),
        ("龙山通用机场", ["龙山县"], "planned"),
        ("花垣通用机场", ["花垣县"], "studied"),
    ]


def test_lists_of_numbered_codes_and_the_use_of_a_named_line():
    text = "境内已建成G4京港澳、G60沪昆等高速公路。巩固提升已建成的娄邵铁路运输能力，发展铁路运输。"
    got = [(p.name, p.cities, p.status) for p in find_projects(text)]
    assert got == [
        ("G4京港澳高速公路", ["北京市", "香港特别行政区", "澳门特别行政区"], "existing"),
        ("G60沪昆高速公路", ["上海市", "昆明市"], "existing"),
        ("娄邵铁路", ["娄底市", "邵阳市"], "existing"),
    ]


def _projects(text: str) -> list[tuple]:
    return [(p.name, p.cities, p.status) for p in extract_plan(read_text(text)).transport]


def test_a_code_spelled_out_by_the_places_named_after_it():
    # 安资乐: no character is in the abbreviation table, the sentence names the places; 新 is
    # shared by five Hunan counties, the sentence names 新化县; 坪 begins only a town there
    text = (
        "汝城县规划\n积极谋划安资乐高速公路,该项目北接安仁,经永兴、资兴,南至广东乐昌。"
        "配合推进新冷邵高速公路前期工作,该项目经冷水江市区至新化县温塘镇。"
        "县境已建成邵坪高速,由邵阳经坪上镇至新化。"
    )
    got = {name: cities for name, cities, _s in _projects(text)}
    assert got["安资乐高速公路"] == ["安仁县", "资兴市"]  # 乐昌 lies outside Hunan: undecoded
    assert got["新冷邵高速公路"] == ["新化县", "冷水江市", "邵阳市"]
    assert got["邵坪高速"] == ["邵阳市", "新邵县"]


def test_mentions_with_and_without_a_route_number_are_one_project():
    text = "资兴市规划\n资兴城区距京港澳高速约16公里。用好已建成的G4京港澳高速和京广铁路。"
    got = _projects(text)
    assert [(n, s) for n, _c, s in got] == [("京港澳高速", "existing"), ("京广铁路", "existing")]


def test_lines_passing_the_territory_and_a_civil_airport():
    text = (
        "洪江市规划\n洪江市距芷江机场40余公里。沪昆高铁穿境而过,枝柳铁路、怀衡铁路两条铁路干线"
        "经过市域。谋划洪江民用机场。"
    )
    got = {name: (cities, status) for name, cities, status in _projects(text)}
    # 距 is no part of the name; a distance to it, with no word of a stage: it stands
    assert got["芷江机场"] == (["芷江侗族自治县"], "existing")
    assert got["沪昆高铁"][1] == "existing"
    assert got["枝柳铁路"][1] == "existing"
    assert got["怀衡铁路"][1] == "existing"
    assert got["洪江民用机场"] == (["洪江市"], "studied")


def test_a_road_named_for_its_purpose_and_an_airport_reached_today():
    # 旅游 says what the road is for: the cities are its code's; a time to reach an airport is
    # a journey made today
    text = (
        "桑植县规划\n积极谋划张桑旅游高速,争取纳入规划。是张桑旅游高速的起点。"
        "县城经高速公路约60分钟可达张家界荷花国际机场。"
    )
    got = {name: (cities, status) for name, cities, status in _projects(text)}
    assert got == {
        "张桑旅游高速": (["张家界市", "桑植县"], "studied"),
        "张家界荷花国际机场": (["张家界市"], "existing"),
    }


def test_cells_one_to_a_line_work_begun_and_termini_outside_hunan():
    # PDF extraction puts a table's cells one to a line: the status is the line after the name;
    # 已开工建设 is work under way; 重庆 and 黔江 are units of China (a municipality, a district)
    text = (
        "石门县规划\n甲高速已开工建设。该线与争取开工建设的重庆至黔江高铁共同构成通道。\n"
        "专栏1 铁路项目\n项目名称\n建设状态\n焦柳铁路\n既有\n在怀化衔接\n"
        "安慈高速(石门至慈利段)\n建成通车\n东向连接\n"
    )
    got = {name: (cities, status) for name, cities, status in _projects(text)}
    assert got["重庆至黔江高铁"] == (["重庆市", "黔江区"], "planned")
    assert got["焦柳铁路"] == (["焦作市", "柳州市"], "existing")
    assert got["安慈高速"][1] == "existing"
    assert [p for p in got if p.startswith("甲")] == []  # 甲 names no place: no project


def test_work_begun_is_under_construction():
    assert _projects("慈利县规划\n炉慈高速已开工建设。")[0][2] == "under_construction"


def test_termini_after_a_route_number_and_a_town_decided_by_the_other_end():
    # G5515 is no part of the first terminus; 官庄镇 lies in 沅陵县 and in 醴陵市: the line from
    # 张家界 ends at the one nearer it
    text = "桑植县规划\n加快建设张家界至官庄高速公路和G5515桑植至龙山高速公路。"
    got = {name: cities for name, cities, _s in _projects(text)}
    assert got["张家界至官庄高速公路"] == ["张家界市", "沅陵县"]
    assert got["G5515桑植至龙山高速"] == ["桑植县", "龙山县"]


def test_a_list_after_words_of_time_and_a_code_read_by_short_names_after_it():
    # 远期规划 opens the list; 湘 and 宁 are read by 湘潭 and 宁乡 named after the lines, though
    # the gazetteer alone takes no bare short name for a place without its city named
    text = "湘潭市规划\n远期规划湘韶宁、韶衡等城际铁路,完善湘潭与韶山、宁乡、衡阳之间的轨道联系。"
    got = {name: (sorted(cities), status) for name, cities, status in _projects(text)}
    assert got["湘韶宁城际铁路"] == (["宁乡市", "湘潭市", "韶山市"], "planned")
    assert got["韶衡城际铁路"] == (["衡阳市", "韶山市"], "planned")


def test_a_terminus_ends_the_words_before_it():
    # 规划贯通 | 韶山: the unit's name ending the token is the first end of the line
    got = _projects("株洲市规划\n市级层面规划贯通韶山至井冈山铁路。")
    assert got == [("韶山至井冈山铁路", ["韶山市", "井冈山市"], "planned")]


def test_a_numbered_item_titled_by_its_project_takes_the_status_of_its_next_sentence():
    text = (
        "湘西州规划\n1. 张吉怀高铁。已于2021年12月建成通车,北起张家界西站。\n"
        "2. 龙永高速(S99龙吉高速龙山至永顺段)。建成通车,起于龙山县。\n3. 永吉高速。全长约60公里。\n"
    )
    got = {name: status for name, _c, status in _projects(text)}
    assert got["张吉怀高铁"] == "existing"
    assert got["龙永高速"] == "existing"
    # its next sentence says no stage, nor does any mention: read as standing
    assert got["永吉高速"] == "existing"


def test_lines_named_by_their_ends_in_a_list_and_an_end_outside_hunan():
    # 上栗至醴陵 shares the suffix of the next item; 安康 (陕西) ends the words before it
    text = "株洲市规划\n力争上栗至醴陵、株洲至攸县高速公路开工。做好安康至张家界铁路规划研究。"
    got = {name: cities for name, cities, _s in _projects(text)}
    assert got == {
        "上栗至醴陵高速公路": ["上栗县", "醴陵市"],
        "株洲至攸县高速公路": ["株洲市", "攸县"],
        "安康至张家界铁路": ["安康市", "张家界市"],
    }


def test_several_codes_before_one_suffix():
    text = "怀化市规划\n湘黔、焦柳、渝怀、怀邵衡铁路在境内交汇,沪昆、包茂、娄怀高速穿境而过。"
    got = {name: status for name, _c, status in _projects(text)}
    assert got == dict.fromkeys(
        ["湘黔铁路", "焦柳铁路", "渝怀铁路", "怀邵衡铁路", "沪昆高速", "包茂高速", "娄怀高速"],
        "existing",
    )


def test_ends_named_by_a_unit_and_its_town():
    # 祁东归阳 is 祁东县's town 归阳, 常宁蓬塘 常宁市's 蓬塘: the line joins the two units
    got = _projects("祁东县规划\n加快建设祁东归阳至常宁蓬塘高速,规划建设祁东至新宁高速。")
    assert got == [
        ("祁东归阳至常宁蓬塘高速", ["祁东县", "常宁市"], "under_construction"),
        ("祁东至新宁高速", ["祁东县", "新宁县"], "planned"),
    ]


def test_a_list_closed_by_a_count_shares_the_suffix():
    text = "新邵县规划\n串联已建成的长芷、娄新、二广三条高速,提升路网韧性。规划建设两条高速公路。"
    got = _projects(text)
    assert got == [
        ("长芷高速", ["长沙市", "芷江侗族自治县"], "existing"),
        ("娄新高速", ["娄底市", "新化县"], "existing"),
        ("二广高速", ["二连浩特市", "广州市"], "existing"),
    ]


def test_a_list_closed_by_etc_and_a_count_shares_the_suffix():
    # 等 and a count, in words or digits (…、醴娄等三条高速公路; …等2条高速公路)
    got = _projects(
        "株洲市规划\n规划新建长浏、浏醴、醴娄等三条高速公路,研究茶常、炎汝等2条高速公路。"
    )
    assert got == [
        ("长浏高速公路", ["长沙市", "浏阳市"], "planned"),
        ("浏醴高速公路", ["浏阳市", "醴陵市"], "planned"),
        ("醴娄高速公路", ["醴陵市", "娄底市"], "planned"),
        ("茶常高速公路", ["茶陵县", "常宁市"], "studied"),
        ("炎汝高速公路", ["炎陵县", "汝城县"], "studied"),
    ]


def test_work_begun_in_a_past_year_is_under_construction():
    got = _projects("祁东县规划\n甲乙高速于2017年列入全省新开工项目并开工建设,线路东起甲镇。")
    assert got[0][2] == "under_construction"


def test_a_list_closed_by_a_status_word_before_its_suffix():
    # 等既有高速公路: the status stands between 等 and the suffix; a count (两条高速) is no line
    got = _got("两条高速串联起泉南、二广、厦蓉等既有高速公路。")
    assert [(name, cities, status) for name, cities, _u, status in got] == [
        ("泉南高速公路", ["泉州市", "南宁市"], "existing"),
        ("二广高速公路", ["二连浩特市", "广州市"], "existing"),
        ("厦蓉高速公路", ["厦门市", "成都市"], "existing"),
    ]


def test_a_status_word_before_the_first_of_codes_sharing_a_suffix():
    got = _got("市域对外与既有石长、枝柳铁路相连。")
    assert [(name, status) for name, _c, _u, status in got] == [
        ("石长铁路", "existing"),
        ("枝柳铁路", "existing"),
    ]
    assert got[0][1] == ["石门县", "长沙市"]


def test_a_line_named_with_no_word_of_its_stage_stands():
    # plans name work to come with a verb of planning or building; a line named as a boundary
    # or a neighbour, with none anywhere, exists (less sure: confidence 0.6, said in its note)
    x = extract_plan(read_text("桃源县规划\n园区北至枝柳铁路,南临沪昆高速。规划建设常桃高速。"))
    got = {t.name: (t.status, t.confidence) for t in x.transport}
    assert got["枝柳铁路"] == ("existing", 0.6)
    assert got["沪昆高速"] == ("existing", 0.6)
    assert got["常桃高速"][0] == "planned"
    assert "no word of its stage" in next(t.note for t in x.transport if t.name == "枝柳铁路")


def test_a_line_proposed_to_be_built_is_planned():
    # 拟建 (proposed for building) names the stage as 规划建设 does
    got = {name: status for name, _c, status in _projects("娄底市规划\n拟建邵永高铁。")}
    assert got == {"邵永高铁": "planned"}


def test_an_entry_of_a_project_list_says_its_own_stage():
    # name, colon, description: the entry's words give the stage, the last of equal strength
    # (力争…建成通车 after …开工建设), though another entry names the line first
    text = (
        "汨罗市交通专栏\n"
        "平益高速:东接京港澳高速,西连许广高速,2020年开工建设,力争2023年建成通车。\n"
        "京港澳高速:已建成通车,平益高速建成后经枢纽互通与之相接。\n"
        "(三)京广铁路:既有干线,沿城区东缘通过。\n"
    )
    got = {name: status for name, _c, status in _projects(text)}
    assert got["平益高速"] == "under_construction"
    assert got["京港澳高速"] == "existing"
    assert got["京广铁路"] == "existing"


def test_a_code_that_is_one_units_short_name_is_named_for_it():
    # 韶山 is no pair of ends (韶关 and 山…): the road is named for the place it serves
    got = _projects("湘潭市规划\n韶山高速已建成通车,加快建设长株高速。")
    assert ("韶山高速", ["韶山市"], "existing") in got


def test_a_line_named_by_its_ends_and_by_their_code_has_one_stage():
    # 甲至乙高速铁路 and 甲乙高铁 are one line: the surest stage said of either holds for both
    text = (
        "益阳至娄底高速铁路已于2024年3月开工建设,全长约110公里。"
        "益娄高铁向北经常益长高铁通达常德,向南与沪昆高铁贯通。"
    )
    statuses = {p.name: p.status for p in extract_plan(read_text(text)).transport}
    assert statuses["益阳至娄底高速铁路"] == statuses["益娄高铁"] == "under_construction"


def test_a_project_alone_on_its_line_takes_its_stage_from_the_arrow_lines_below():
    # slides: the name titles its lines, the first arrow line says the stage
    text = (
        "P8 铁路\n区域高铁\n宜常高铁\n→ 湖南段在建(2025年开工)\n→ 新建澧县站\n"
        "张吉怀高铁\n→ 已通车\n"
    )
    got = {name: status for name, _c, status in _projects(text)}
    assert got == {"宜常高铁": "under_construction", "张吉怀高铁": "existing"}


def test_items_of_a_list_a_colon_opens_share_its_stage():
    # 在建的有两条: 一条是甲高速…; 另一条是乙高速…: the words before the colon head both
    text = (
        "答:先说高速公路,常吉高速早就通了。现在在建的有两条:一条是沅辰高速,起点在盘古乡,"
        "往南到辰溪县;\n另一条是官新高速,官庄到新化,七十多公里。这两条一通就都顺了。"
    )
    got = {name: (cities, status) for name, cities, status in _projects(text)}
    assert got["沅辰高速"] == (["沅陵县", "辰溪县"], "under_construction")
    assert got["官新高速"][1] == "under_construction"
    assert got["常吉高速"][1] == "existing"


def test_being_reached_by_an_expressway_is_no_line():
    # 不通高速, 县县通高速: phrases of access, no road's name; 怀通高速 (怀化—通道) is one
    got = [name for name, _c, _s in _projects("从“不通高速”到全省县县通高速,怀通高速已通车。")]
    assert got == ["怀通高速"]


def test_a_later_sentence_taking_the_line_up_by_a_noun_says_its_stage():
    # 甲高速起于…。项目于…开工, 目前在建: 项目 takes the subject up again
    text = (
        "株洲市交通规划\n(一)高速公路。岳汝高速起于平江县,止于汝城县,是纵贯湘东的通道。"
        "项目于2024年3月正式开工,目前在建。\n"
        "(二)铁路。争取新建娄邵高铁。该线规划由娄底南站接入邵阳站,目前处于规划研究阶段。\n"
    )
    got = {name: status for name, _c, status in _projects(text)}
    assert got["岳汝高速"] == "under_construction"


def test_a_later_sentence_taking_up_all_the_lines_says_their_stage():
    # …的甲高铁, 和…的乙高铁。这两条…目前还在做前期研究: 这两条 takes both lines up
    text = (
        "郴州市旅游交通规划\n往后还有两条值得期待:往东去赣州方向的郴赣高铁,和往南去广州方向的"
        "郴广高铁。这两条目前都还在做前期研究。\n"
    )
    got = {name: status for name, _c, status in _projects(text)}
    assert got == {"郴赣高铁": "studied", "郴广高铁": "studied"}


def test_a_line_named_after_the_one_it_relieves_is_a_line_of_its_own():
    # 京港澳高速东移线 is built beside 京港澳高速, which stands
    text = "渌口区规划\n京港澳高速东移线于2025年2月开工,目前在建;既有京港澳高速已建成通车。"
    got = {name: status for name, _c, status in _projects(text)}
    assert got == {"京港澳高速东移线": "under_construction", "京港澳高速": "existing"}


def test_a_code_right_after_a_verb_of_stage_holds_a_character_the_table_lacks():
    # 芷 is no abbreviation of the table, 芷江 begins with it: 做好 | 怀芷 is the code after it
    got = _projects("新晃县规划\n积极做好怀芷高速公路前期工作,推进鹤中高速扩容。")
    assert ("怀芷高速公路", ["怀化市", "芷江侗族自治县"], "studied") in got


def test_preparatory_works_with_an_aim_to_begin_them_are_planned():
    # 前期工作 alone is studied; with 力争开工建设 in the next clause the line is to be built.
    # An aim said of a section (力争甲至乙段年内建成通车) is no aim of the line's own works.
    got = _projects(
        "常德市规划\n全力做好常岳九铁路前期工作,力争开工建设。加快益娄高速建设,力争"
        "益阳至桃江段年内建成通车。开展常益高速扩容前期工作,研究方案。"
    )
    assert ("常岳九铁路", ["常德市", "岳阳市", "九江市"], "planned") in got
    assert ("益娄高速", ["益阳市", "娄底市"], "under_construction") in got


def test_every_item_of_a_long_list_takes_the_stage_said_at_its_end():
    # seven codes sharing one suffix: the list's end (等高速公路已建成通车) governs its first
    # items too, not the words of an earlier clause (近期建设方面)
    got = _projects(
        "湘西州规划\n近期建设方面,张花、吉茶、龙永、永吉、凤大、吉怀、吉首绕城等高速公路"
        "已建成通车,全州高速公路里程明显增加。"
    )
    assert [status for _n, _c, status in got] == ["existing"] * 7


def test_a_road_named_for_an_airport_is_a_road_not_the_airport():
    # 黄花机场高速公路 is an expressway to the airport: a road, its place the airport's; an
    # airport road of another province keeps its name with no place decoded
    got = _projects("长沙县规划\n加快建设黄花机场高速公路,谋划韶关机场高速公路前期工作。")
    assert got == [
        ("黄花机场高速公路", ["长沙县"], "under_construction"),
        ("韶关机场高速公路", [], "studied"),
    ]
    modes = {
        p.name: p.mode
        for p in extract_plan(read_text("甲县规划\n建设黄花机场高速公路。")).transport
    }
    assert modes == {"黄花机场高速公路": "expressway"}


def test_a_paragraph_opened_by_a_stage_label_gives_its_lines_that_stage():
    # (一)已建成项目。甲高速…: the label says the stage of every line its paragraph names, though
    # an earlier mention only lays an industry along it (沿甲高速布局)
    got = _projects(
        "新化县规划\n两轴沿娄新高速、沪昆高速布局。\n（一）已建成项目。娄新高速新化段是全县第一条"
        "高速公路,与沪昆高速相互衔接。\n（二）在建项目。娄衡高速北起娄底,南至衡阳。"
    )
    assert ("娄新高速", ["娄底市", "新化县"], "existing") in got
    assert ("娄衡高速", ["娄底市", "衡阳市"], "under_construction") in got


def test_where_the_works_stand_now_in_the_next_clause_is_the_lines_stage():
    # 同期开工的甲高速, 如今已全线建成通车: the line closes its clause, the next says where it
    # stands; after a clause saying more of the line (乙高铁是…之一, 目前已…) it says nothing
    got = _projects(
        "永州市规划\n与之同期开工的永零高速,如今已全线建成通车。呼南高铁是国家高速铁路主通道之一,"
        "目前已经全线建成通车。加快推进呼南高铁建设。"
    )
    assert [s for n, _c, s in got if n == "永零高速"] == ["existing"]
    assert ("呼南高铁", ["呼和浩特市", "南宁市"], "under_construction") in got


def test_items_of_a_counted_list_keep_their_asides_and_ends_of_any_name():
    # 甲至乙(丙)、丁至戊两条城际铁路: the aside closes no clause, and an item whose ends all
    # read is a line though an end holds a character of running text (新化)
    got = _projects("益阳市规划\n谋划长沙至益阳（常德）、娄底至新化两条城际铁路。")
    assert got == [
        ("长沙至益阳(常德)城际铁路", ["长沙市", "益阳市"], "studied"),
        ("娄底至新化城际铁路", ["娄底市", "新化县"], "studied"),
    ]


def test_the_stage_said_after_a_list_holds_for_its_earlier_items():
    # 甲高铁、乙城际已经建成通车: the words after the last item are the list's, surer than an
    # earlier mention inside a plan's proposal, less sure than an item's own words
    got = _projects(
        "衡阳市规划\n规划提出的高铁网络,把长赣高铁、长株高铁、长浏城际都装了进去。这里要强调,"
        "长株高铁、长浏城际已经建成通车。已开通的沪昆高铁、张吉怀高铁正在加快建设。"
    )
    assert ("长株高铁", ["长沙市", "株洲市"], "existing") in got
    assert ("长浏城际", ["长沙市", "浏阳市"], "existing") in got
    assert [s for n, _c, s in got if n == "沪昆高铁"] == ["existing"]


def test_a_copula_or_modal_before_an_airport_is_not_its_name():
    got = _projects("邵阳市规划\n“一主”就是武冈机场,已经建成通航。要支持机场新开航线。")
    assert got == [("武冈机场", ["武冈市"], "existing")]


def test_a_slides_bullet_gives_a_lines_stage_after_an_arrow():
    # · 甲高铁 → 湖南段2021年12月开工,加快建设: the arrow stands for the entry's colon
    got = _projects("浏阳市交通规划\n第7页 铁路\n· 长赣高铁 → 湖南段2021年12月开工,加快建设")
    assert got == [("长赣高铁", ["长沙市", "赣州市"], "under_construction")]


def test_a_list_opened_by_a_conjunction_keeps_it_out_of_its_first_name():
    # …段, 以及甲至乙、丙至丁等高速公路: 以及 joins the list to the clause before, no end of a line
    got = _projects(
        "甲县规划\n加快建设长沙至益阳高速公路湘阴段,以及株洲至醴陵、衡阳至永州等高速公路。"
    )
    assert ("株洲至醴陵高速公路", ["株洲市", "醴陵市"], "under_construction") in got


def test_kaizhan_before_a_line_opens_no_part_of_its_name():
    # 开展甲乙铁路前期研究: the verb that opens the work stands before the line's code
    got = _projects(
        "岳阳市综合交通规划\n开展平江至汨罗铁路前期研究。开展临湘支线机场规划研究,加快建设岳阳港。"
    )
    assert ("平江至汨罗铁路", ["平江县", "汨罗市"], "studied") in got
    assert ("临湘支线机场", ["临湘市"], "studied") in got


def test_the_ring_of_an_area_named_by_its_cities_codes_is_a_line():
    # 长株潭都市圈环线高速公路: the ring of the area 长株潭 names, its cities those of the code
    got = _projects(
        "湘潭市规划\n加快建设长株潭都市圈环线高速公路湘潭段。推进长沙绕城高速公路扩容。"
    )
    assert ("长株潭都市圈环线高速公路", ["长沙市", "株洲市", "湘潭市"], "under_construction") in got
    assert ("长沙绕城高速公路", ["长沙市"], "upgrade") in got


def test_a_phase_after_a_lines_name_is_a_project_of_its_own():
    # 甲高速二期: built on its own, with a stage of its own, not the built line's
    got = _projects(
        "长沙市规划\n全市已建成长浏高速。规划期内，对长浏高速二期、长韶娄高速开展线位研究。"
    )
    assert ("长浏高速", ["长沙市", "浏阳市"], "existing") in got
    assert ("长浏高速二期", ["长沙市", "浏阳市"], "studied") in got


def test_a_defining_verb_before_a_line_is_no_part_of_its_name():
    # “一横”指甲铁路, “一纵”即乙铁路: 指 and 即 define the label; 即可 is no code either
    got = _projects(
        "怀化市规划\n全市铁路按“一横一纵”布局。“一横”指沪昆铁路，“一纵”即焦柳铁路。出城即可上高速。"
    )
    assert [name for name, _c, _s in got] == ["沪昆铁路", "焦柳铁路"]


def test_a_second_line_beside_a_road_is_a_project_of_its_own():
    # 甲高速公路复线: a parallel road with its own stage, not the built road's
    got = _projects(
        "衡阳市规划\n京港澳高速已建成通车。加快建设京港澳高速复线,研究利用衡茶吉铁路开行城际列车。"
    )
    assert ("京港澳高速", ["北京市", "香港特别行政区", "澳门特别行政区"], "existing") in got
    both = ["北京市", "香港特别行政区", "澳门特别行政区"]
    assert ("京港澳高速复线", both, "under_construction") in got
    # (研究 governs the use of the line, not the line: its stage is the sentence's, not studied)
    assert all(s != "studied" for name, _c, s in got if name == "衡茶吉铁路")


def test_gonggu_opens_no_line_and_an_existing_kind_is_no_name():
    # 巩固甲乙铁路…: the verb stands before the code; 既有高铁 is a kind of line, no name
    got = _projects("汕尾市规划\n一是巩固既有高铁通道。二是巩固厦深铁路已建成通车的基础。")
    assert [(name, status) for name, _c, status in got] == [("厦深铁路", "existing")]


def test_a_chronology_ends_on_the_stage_a_line_stands_at():
    # 于2014年开工，2018年12月建成通车: the later dated stage; 于6月开工: begun on a date
    got = _projects(
        "衡阳市规划\n怀邵衡铁路于2014年开工，2018年12月建成通车。"
        "2021年，衡永高速公路、衡邵高速公路于6月开工。"
    )
    assert [(name, status) for name, _c, status in got] == [
        ("怀邵衡铁路", "existing"),
        ("衡永高速公路", "under_construction"),
        ("衡邵高速公路", "under_construction"),
    ]


def test_a_list_closed_by_a_count_shares_the_suffix_and_the_words_after_it():
    # 甲、乙2条高速公路: a count in digits closes the list as 两条 does; the words after the
    # list (…的前期研究) are all its items', as after 等
    got = _projects(
        "常德市规划\n加快建设常德至安化、益阳至常德2条高速公路。"
        "加快推进安化至溆浦、城步至龙胜两条高速公路的前期研究。"
    )
    assert [(name, status) for name, _c, status in got] == [
        ("常德至安化高速公路", "under_construction"),
        ("益阳至常德高速公路", "under_construction"),
        ("安化至溆浦高速公路", "studied"),
        ("城步至龙胜高速公路", "studied"),
    ]


def test_works_begun_in_full_are_under_construction():
    # 已全面开工, 已全线开工: begun, as 已开工 is; 开工 alone (力争开工) is still to begin
    got = _projects(
        "岳阳市规划\n岳阳三荷机场二期工程已全面开工。长岳城际铁路已全线开工。力争开工建设平益高速公路。"
    )
    assert [(name, status) for name, _c, status in got] == [
        ("岳阳三荷机场", "under_construction"),
        ("长岳城际铁路", "under_construction"),
        ("平益高速公路", "planned"),
    ]


def test_a_verb_or_a_grade_before_the_kind_names_no_line():
    # 实现高铁…, 形成运输机场: what is done, no line's name; I级铁路, 三级航道: a line's grade
    got = _projects(
        "郴州市规划\n嘉禾县将实现高铁通达,形成运输机场与通用机场互补的格局。"
        "郴永铁路为地方建设的I级铁路。耒水建成三级航道,舂陵水建成四级航道。"
    )
    assert [name for name, _c, _s in got] == ["郴永铁路"]


def test_a_code_of_places_beyond_the_table_after_a_mark_or_a_verb_names_a_line():
    # each character may end a code (a unit's first character, a province's short name, the
    # table's); after a mark or a verb of stage the code stands alone; words of running text
    # after a mark (继续发挥铁路) name no line
    got = _projects(
        "岳阳市综合交通规划\n融入长江经济带。加快建设沪渝蓉沿江高铁,推进甬台温福高铁前期工作。"
        "盐泰锡常宜铁路于2024年开工。继续发挥铁路优势,逐渐形成城际网络。"
    )
    assert [name for name, _c, _s in got] == ["沪渝蓉沿江高铁", "甬台温福高铁", "盐泰锡常宜铁路"]
    assert got[0][1] == ["上海市", "重庆市", "成都市"]  # 蓉 = 成都 (geodata/abbreviations.csv)


def test_along_the_river_before_a_lines_kind_is_its_name():
    # 沿江 right before 高铁 or 高速 names a corridor (北沿江高铁, 沿江高速公路); 沿 before a
    # code (沿江珠高速) or before a port (沿江港区) is the verb "along"
    got = _projects(
        "岳阳市规划\n对接北沿江高铁。沿江高速公路已建成。沿江珠高速公路布局产业园。规划沿江港区。"
    )
    assert [name for name, _c, _s in got] == ["北沿江高铁", "沿江高速公路", "江珠高速公路"]


def test_a_lines_other_name_is_read_after_the_word_that_gives_it():
    # 原名, 简称: the name that follows is the line's (原名温锡坪高速公路, 简称沅辰高速)
    got = _projects(
        "新化县规划\n娄底至新化高速公路原名温锡坪高速公路,已建成通车;沅陵至辰溪高速公路,"
        "简称沅辰高速,正加快建设。"
    )
    assert [name for name, _c, _s in got] == [
        "娄底至新化高速公路",
        "温锡坪高速公路",
        "沅陵至辰溪高速公路",
        "沅辰高速",
    ]


def test_the_ring_of_a_metropolitan_area_of_another_province_is_a_line():
    # 长株潭都市圈环线: its code decodes; 武汉都市圈环线: the short name of a city of China
    got = _projects(
        "岳阳市综合交通规划\n加快对接武汉都市圈环线高速公路。长株潭都市圈环线高速公路已建成通车。"
    )
    assert [name for name, _c, _s in got] == ["武汉都市圈环线高速公路", "长株潭都市圈环线高速公路"]


# Lines named in ways a plan writes them, each with the names (and where given, the cities)
# the extract must read, in order: a made-up text about a Hunan place each.
LINE_FORMS = {
    # a verb before 机场 is no airport's name (强化机场与…衔接)
    "a verb before 机场 names no airport (强化机场与高铁站的衔接)": (
        "宜昌市伍家岗区规划\n本区毗邻宜昌三峡国际机场,强化机场与宜昌东站的快速衔接。\n",
        [("宜昌三峡国际机场", ["宜昌市"])],
    ),
    # a verb before the first code of a list sharing one suffix (做好成南、成绵高速), a ring's
    # section before a code (其东段德简高速), 发展 after an airport's name (淮州机场发展通用航空)
    "a verb before a list's first code; a section before a code; an airport, then 发展": (
        "成都市金堂县规划\n其东段德简高速金堂段已于2020年底建成通车。积极做好成南、成绵高速公路扩容的"
        "地方保障工作。依托已建成的淮州机场发展通用航空。\n",
        [
            ("德简高速", ["德阳市", "简阳市"], "existing"),
            ("成南高速公路", ["成都市", "南充市"], "upgrade"),
            ("成绵高速公路", ["成都市", "绵阳市"], "upgrade"),
            # named by no place: the plan's own unit and its prefecture
            ("淮州机场", ["金堂县", "成都市"], "existing"),
        ],
    ),
    # waterways of a kind (内河航道) are no one's name
    "inland waterways of a kind name no waterway (强化内河航道整治)": (
        "某市规划\n第四节　强化内河航道整治\n推进湘江衡阳以上河段航道建设。\n",
        [("上河段航道", None)],
    ),
    # in a plan outside Hunan, a municipality's own character is that municipality, not a Hunan
    # unit it begins (津: 天津, not 津市); a reading with an end in Hunan is kept only when its
    # other ends are read so where the plan lies too (大永 in 大理: not 大余 and 永州)
    "a municipality's character in a plan outside Hunan (京津, 津保: 天津, not 津市)": (
        "天津市滨海新区综合交通规划\n京津城际延伸线已建成通车，津保高铁已通车，京津塘高速公路加快改造。\n",
        [
            ("京津城际延伸线", ["北京市", "天津市"], "existing"),
            ("津保高铁", ["天津市", "保定市"], "existing"),
            ("京津塘高速公路", ["北京市", "天津市"], "upgrade"),
        ],
    ),
    "a reading with one end in Hunan dropped where its other end is not read so near the plan "
    "(大永 in 大理)": (
        "大理白族自治州综合交通规划\n大永高速已建成通车，大漾云高速加快建设。\n",
        [
            ("大永高速", ["大理市", "永平县"], "existing"),
            ("大漾云高速", ["大理市", "漾濞彝族自治县", "云龙县"], "under_construction"),
        ],
    ),
    # what is done to a port, where it faces, what a place holds, glued before its name
    "a verb or 有 before a port's name is no part of it (明确甲港, 区内有乙港, 面向丙港)": (
        "某市规划\n明确黄骅港的功能定位，区内有黄埔港，面向南沙港建设疏港公路。\n",
        [("黄骅港", None), ("黄埔港", None), ("南沙港", None)],
    ),
    # a province's border noted after a terminus is part of the name, and the ends are read
    "a border noted after a terminus (临武至连州（湘粤界）高速公路, 桂东（湘赣界）至新田高速)": (
        "郴州市综合交通规划\n临武至连州（湘粤界）高速公路建成通车，加快建设桂东（湘赣界）至新田高速。\n",
        [
            ("临武至连州(湘粤界)高速公路", ["临武县", "连州市"], "existing"),
            ("桂东(湘赣界)至新田高速", ["桂东县", "新田县"], "under_construction"),
        ],
    ),
    # a county whose name begins with its prefecture's first character is read by its name
    "a terminus named by a county under a prefecture of its first character (宜都, 柳城)": (
        "宜昌市综合交通规划\n宜都至来凤高速公路正在加快建设，桂林至柳城高速公路已建成通车。\n",
        [
            ("宜都至来凤高速公路", ["宜都市", "来凤县"], "under_construction"),
            ("桂林至柳城高速公路", ["桂林市", "柳城县"], "existing"),
        ],
    ),
    "a code of provinces (晋豫鲁铁路: 山西, 河南, 山东)": (
        "濮阳市综合交通规划\n晋豫鲁铁路已建成通车，皖赣铁路扩能改造。\n",
        [
            ("晋豫鲁铁路", ["山西省", "河南省", "山东省"], "existing"),
            ("皖赣铁路", ["安徽省", "江西省"], "upgrade"),
        ],
    ),
    # an airport named by its city and the unit it lies in: both (杭州萧山: 杭州市, 萧山区)
    "an airport named by its city and a unit of the same province (杭州萧山, 西安咸阳)": (
        "杭州市临平区综合交通规划\n杭州萧山国际机场三期建成投用，西安咸阳国际机场航线加密，"
        "长沙黄花国际机场。\n",
        [
            ("杭州萧山国际机场", ["杭州市", "萧山区"], "existing"),
            ("西安咸阳国际机场", ["西安市", "咸阳市"], "existing"),
            ("长沙黄花国际机场", ["长沙市"], "existing"),  # 黄花 is a town, no unit
        ],
    ),
    "a kind of airport after a unit of another province is that unit's (庆元通用机场: 庆元县)": (
        "丽水市综合交通规划\n规划建设庆元通用机场、龙泉通用机场。\n",
        [("庆元通用机场", ["庆元县"], "planned"), ("龙泉通用机场", ["龙泉市"], "planned")],
    ),
    # an extension named by its direction after the line is a project of its own
    "an extension by direction after the line's name (甲高速东延, 乙高铁南延)": (
        "某市规划\n加快建设甲乙高速，新建濮卫高速东延，研究荆荆高铁南延。\n",
        [
            ("甲乙高速", None, "under_construction"),
            ("濮卫高速东延", None, "planned"),
            ("荆荆高铁南延", None, "studied"),
        ],
    ),
    # a corridor's code ending a longer code of places is no code of its own (甬台 | 温福)
    "a longer code ending with a corridor's code (甬台温福: not 温福)": (
        "温州市综合交通规划\n加快建设甬台温福高铁。\n",
        [("甬台温福高铁", ["宁波市", "台州市", "温州市", "福州市"], "under_construction")],
    ),
    # an airport named by its own name alone takes the places of its full name elsewhere
    "an airport named alone and in full (五粮液机场, 宜宾五粮液机场: both 宜宾市)": (
        "宜宾市综合交通规划\n提升五粮液机场服务能力，宜宾五粮液机场已建成投运。\n",
        [("五粮液机场", ["宜宾市"]), ("宜宾五粮液机场", ["宜宾市"], "existing")],
    ),
    # a list counted and then qualified before its kind (甲、乙两条支线铁路): each a line
    "codes listed, counted and qualified before their kind (咸铜、梅七两条支线铁路)": (
        "铜川市综合交通规划\n咸铜、梅七两条支线铁路已建成运营。\n",
        [("咸铜铁路", ["咸阳市", "铜川市"], "existing"), ("梅七铁路", None, "existing")],
    ),
    # a second line named by its side or by where it runs is a line of its own, with its own
    # stage; a second track built on a line (增建复线) is work on it
    "a second line named by its side or place (杭州绕城高速西复线, 京哈高速九门口复线)": (
        "葫芦岛市综合交通规划\n京哈高速公路已建成。配合河北方面推进京哈高速九门口复线建设,"
        "加快杭州绕城高速西复线建设。\n",
        [
            ("京哈高速公路", ["北京市", "哈尔滨市"], "existing"),
            ("京哈高速九门口复线", ["北京市", "哈尔滨市"], "under_construction"),
            ("杭州绕城高速西复线", ["杭州市"], "under_construction"),
        ],
    ),
    # an autonomous prefecture read from a code is its city of the same name, where lines end
    "a code's end read as an autonomous prefecture is its namesake city (楚大: 楚雄市, 大理市)": (
        "玉溪市综合交通规划\n加快楚大高速扩容，规划建设大丽攀铁路。\n",
        [
            ("楚大高速", ["楚雄市", "大理市"], "upgrade"),
            ("大丽攀铁路", ["大理市", "丽江市", "攀枝花市"], "planned"),
        ],
    ),
    # in a plan of a unit outside Hunan, a name that is one unit's short name in its province
    # names that unit (广安港: 广安市, not 广州); a branch line after a code keeps the code's
    # reading where the plan lies
    "a port named by a unit's short name, a code's branch line, in a plan outside Hunan (广安港); "
    "no airport where there is none (全市无机场)": (
        "广安市综合交通规划\n渝广高速支线已建成通车，加快广安港建设。全市无机场，规划建设广安机场。\n",
        [
            ("渝广高速支线", ["重庆市", "广安市"], "existing"),
            ("广安港", ["广安市"], "under_construction"),
            ("广安机场", ["广安市"], "planned"),
        ],
    ),
    # in a plan outside Hunan, a code's end read in Hunan gives way where the plan's own ground
    # reads it as a city of a prefecture's rank too (京张: 张家口, not 张家界); a province's short
    # name and a side is a region of it, no code (川南: southern Sichuan, not 南充)
    "a code's Hunan end against a city of its rank near the plan (京张, 沪常), a province's side "
    "(川南城际)": (
        "北京市昌平区综合交通规划\n京张高铁已建成通车，川南城际铁路已建成通车。\n",
        [("京张高铁", ["北京市", "张家口市"], "existing"), ("川南城际铁路", [], "existing")],
    ),
    "a code's Hunan end against a city of its rank near the plan (沪常 in 青浦's plan)": (
        "上海市青浦区综合交通规划\n加快建设S26沪常高速。\n",
        [("S26沪常高速", ["上海市", "常州市"], "under_construction")],
    ),
    # in a plan outside Hunan, a reading whose every end is Hunan's gives way to what is read
    # where the plan lies, an end left open (泸永: 泸州, not 泸溪–永州); a section named by a
    # code of three stops is read there too (内自泸段)
    "a code all of whose ends were read in Hunan, in a plan far from it (泸永); a section by a "
    "code of its stops (内自泸段)": (
        "泸州市综合交通规划\n泸永、古金高速公路加快建设，川南城际铁路内自泸段已建成通车。\n",
        [
            ("泸永高速公路", ["泸州市"], "under_construction"),
            ("古金高速公路", ["古蔺县", "金沙县"], "under_construction"),
            ("川南城际铁路内自泸段", ["内江市", "自贡市", "泸州市"], "existing"),
            ("川南城际铁路", [], "existing"),
        ],
    ),
    # a corridor's code is looked up reversed only where it is no unit's name (西宁: the city,
    # or 西昌–宁南, not 宁西 = 南京–西安)
    "a corridor code written reversed, unless it is a unit's name (宁西, 西宁; 西武)": (
        "凉山彝族自治州西昌市综合交通规划\n西宁高速加快建设，宁西铁路已建成，西武高铁已建成通车。\n",
        [
            ("西宁高速", ["西昌市"], "under_construction"),
            ("宁西铁路", ["南京市", "西安市"], "existing"),
            ("西武高铁", ["西安市", "武汉市"], "existing"),
        ],
    ),
    # a city whose name ends in 港 is no port (连云港: its port is 连云港港); a ring named by
    # its place and kind, then the ring (荆州城区高速公路外环, 郑州铁路枢纽西环线)
    "a city named …港, no port (连云港); rings written after their kind (高速公路外环, "
    "铁路枢纽西环线, 城际铁路环线)": (
        "连云港市灌南县交通规划\n全县可经连云港快速接入全国高铁网。配合加快建设连云港新机场，加快连云"
        "港港30万吨级航道建设。规划建设荆州城区高速公路外环。研究郑州铁路枢纽西环线走向，推进大兰州"
        "都市圈城际铁路环线前期工作。\n",
        [
            ("连云港新机场", ["连云港市"], "under_construction"),
            ("连云港港", ["连云港市"], "under_construction"),
            ("荆州城区高速公路外环", ["荆州市"], "planned"),
            ("郑州铁路枢纽西环线", ["郑州市"], "studied"),
            ("大兰州都市圈城际铁路环线", ["兰州市"], "studied"),
        ],
    ),
    # 雄 of a line's code is 雄安新区, the new area over 雄县 its lines end at (京雄, 雄商); a
    # line naming 雄县 in full keeps it
    "雄 of a code is 雄安新区 (雄商, 京雄)": (
        "菏泽市综合交通规划\n雄商高铁加快建设，京雄城际铁路已建成通车。\n",
        [
            ("雄商高铁", ["雄安新区", "商丘市"], "under_construction"),
            ("京雄城际铁路", ["北京市", "雄安新区"], "existing"),
        ],
    ),
    # in a plan outside Hunan: a code before 客专 is read where the plan lies, as before 高铁; a
    # city of China ends a line though its first character opens verbs (新沂至淮安); the plan's
    # own province's short name and a side is a region of it (鲁中), no pair of ends
    "codes before 客专; a city opening with 新 ends a line (新沂至淮安)": (
        "徐州市综合交通规划\n全市建成郑徐客专。新建新沂至淮安铁路，规划建设徐菏客专。\n",
        [
            ("郑徐客专", ["郑州市", "徐州市"], "existing"),
            ("新沂至淮安铁路", ["新沂市", "淮安市"], "planned"),
            ("徐菏客专", ["徐州市", "菏泽市"], "planned"),
        ],
    ),
    "the plan's own province's short name and a side, a region (鲁中 in a plan of 泰安)": (
        "泰安市东平县交通规划\n积极对接规划建设的鲁中高铁通道。\n",
        [("鲁中高铁", [], "planned")],
    ),
    # 借力 (leaning on) is a verb before a name, as 借助 is
    "a line or airport after 借力": (
        "崇左市宁明县文旅规划\n借力南宁吴圩国际机场改扩建工程，拓展远程客源。\n",
        [("南宁吴圩国际机场", ["南宁市"], "upgrade")],
    ),
    # in a plan outside Hunan a section's code of two stops is read where the plan lies, as a
    # line's (京石段 in 保定's plan: 石家庄, not 石景山); 发挥 the role of lines: lines there now
    "a two-stop section's code read where the plan lies; lines whose role is 发挥ed exist": (
        "保定市综合交通规划\n推进京港澳高速京石段改扩建。发挥京港澳、荣乌等高速公路的骨架作用，"
        "优化互通立交布局。\n",
        [
            # a section comes before its line, and its name spells the line's places too
            (
                "京港澳高速京石段",
                ["北京市", "石家庄市", "香港特别行政区", "澳门特别行政区"],
                "upgrade",
            ),
            ("京港澳高速", ["北京市", "香港特别行政区", "澳门特别行政区"], "upgrade"),
            ("荣乌高速公路", ["荣成市", "乌海市"], "existing"),
        ],
    ),
    # a port or airport at the start of a line named after it lends the line its name and is
    # no record of its own (广深港 is no port); one end of a line named by its ends stays
    "a terminal that lends a line its name (南沙港铁路, 广深港高铁) is no record of its own": (
        "东莞市综合交通规划\n建成南沙港铁路，广深港高铁已通车，规划建设石湖港铁路支线。\n"
        "加快建设郑州机场至西华高速公路。\n",
        [
            ("南沙港铁路", [], "existing"),
            ("广深港高铁", ["广州市", "深圳市", "香港特别行政区"], "existing"),
            ("石湖港铁路支线", [], "planned"),
            ("郑州机场", ["郑州市"], "under_construction"),
            ("郑州机场至西华高速公路", ["郑州市", "西华县"], "under_construction"),
        ],
    ),
    # an end named in full that is a city's district (临淄区 of 淄博, 牟平区 of 烟台): a code's
    # character never means a district, a terminus written out may
    "a district named in full as a line's end (临淄至临沂, 荣成至牟平)": (
        "山东省淄博市综合交通规划\n临淄至临沂高速公路已建成通车，荣成至牟平高速公路加快建设。\n",
        [
            ("临淄至临沂高速公路", ["临淄区", "临沂市"], "existing"),
            ("荣成至牟平高速公路", ["荣成市", "牟平区"], "under_construction"),
        ],
    ),
    # a line named by what it runs along is no code of places (沿 begins 沿河县, 江 江口县)
    "a line named by what it runs along (沿江高铁, 北沿江高铁, 沿太行高速)": (
        "武汉市汉阳区综合交通规划\n加快沿江高铁武汉至宜昌段建设,规划建设沿太行高速,研究北沿江高铁。\n",
        [
            ("沿江高铁武汉至宜昌段", ["武汉市", "宜昌市"], "under_construction"),
            ("沿江高铁", [], "under_construction"),
            ("沿太行高速", [], "planned"),
            ("北沿江高铁", [], "studied"),
        ],
    ),
    # a kind of airport between its place and 机场, after a verb of study (研究论证)
    "a cargo hub airport after 研究论证 (研究论证荣昌货运枢纽机场)": (
        "重庆市荣昌区综合交通规划\n研究论证荣昌货运枢纽机场,争取项目早日落地。\n",
        [("荣昌货运枢纽机场", None, "studied")],
    ),
    # in a plan of a unit outside Hunan, a code read with no Hunan end is read again by where
    # the plan lies (广巴 in 旺苍's plan: 广元, 巴中, not 广州 and 巴马)
    "a code of a plan outside Hunan read by where it lies, when no end is Hunan's (广巴)": (
        "广元市旺苍县新型城镇化规划\n县域对外联系以广巴铁路和广巴高速为主通道,两者均已建成投用。\n",
        [
            ("广巴铁路", ["广元市", "巴中市"], "existing"),
            ("广巴高速", ["广元市", "巴中市"], "existing"),
        ],
    ),
    # a plan whose title names a unit outside Hunan, and whose first lines name Hunan (a
    # neighbour), is that unit's: its codes are read where it lies
    "a plan of a unit outside Hunan whose first lines name Hunan (连州: 北与湖南省接壤)": (
        "连州市“十四五”综合交通规划要点\n连州市位于广东省西北部,北与湖南省接壤,是粤湘桂三省区交界的"
        "重要节点城市。\n推进清连高速扩容,研究广连高速延伸。\n",
        [
            ("清连高速", ["清远市", "连州市"], "upgrade"),
            ("广连高速", ["广州市", "连州市"], "studied"),
        ],
    ),
    # a direction and a verb of where a line runs glued to a code the table cannot decode (北接
    # 合凤高速: 合阳, 凤县 of another province) end before it
    "a code after a direction and a verb (北接合凤高速) is a line of its own": (
        "某县规划\n麟法高速已全线建成通车,北接合凤高速,南连连霍高速。\n",
        [("麟法高速", None), ("合凤高速", None, "existing"), ("连霍高速", None)],
    ),
    # a table whose first column is the stage (| 状态 | 项目 |): the cell right before the
    # name, not a stage of another row's line named in a later cell
    "a 专栏 table whose stage column comes before the project's": (
        "某县规划\n专栏 重点交通项目\n| 状态 | 项目 | 主要内容 |\n| --- | --- | --- |\n"
        "| 已建成 | 怀邵衡铁路 | 邵永高铁邵阳以北区段利用怀邵衡铁路 |\n"
        "| 加快建设 | 邵永高铁 | 正线140公里 |\n| 规划建设 | 长赣高铁 | 尚未开工 |\n",
        [
            ("怀邵衡铁路", None, "existing"),
            ("邵永高铁", None, "under_construction"),
            ("长赣高铁", None, "planned"),
        ],
    ),
    # a unit's full name glued before a corridor's code says where the line passes
    "a unit's full name before a corridor's code (起自醴陵市沪昆高速与…交叉处) is no part of it": (
        "某县规划\n加快建设渝长厦高速公路。该段起自醴陵市沪昆高速与渝长厦高速交叉的枢纽。\n",
        [("渝长厦高速公路", None), ("沪昆高速", ["上海市", "昆明市"], "existing")],
    ),
    # a link a line is one end of (甲高速乙联络线) is the link's work: the stage said of it is
    # not the line's, which another sentence gives
    "a line named as the end of a link (规划建设甲高速乙联络线) keeps its own stage": (
        "赣州市交通规划\n厦蓉高速瑞金至赣州段已建成通车。\n规划建设厦蓉高速会昌联络线。\n",
        [
            ("厦蓉高速瑞金至赣州段", ["瑞金市", "赣州市", "厦门市", "成都市"], "existing"),
            ("厦蓉高速", ["厦门市", "成都市"], "existing"),
        ],
    ),
    # 经 in 经济区, 经济圈 is no "by way of" (成都经济区环线高速公路); before a place it is
    # (沪昆高铁途经株洲: the line is 沪昆高铁, not a code running on to 株洲)
    "the ring of an economic area; by way of still ends a code": (
        "醴陵市规划\n对接长株潭经济圈环线高速公路。借鉴已建成的成都经济区环线高速公路。"
        "沪昆高铁途经株洲,已建成通车。",
        [("长株潭经济圈环线高速公路", None), ("成都经济区环线高速公路", None), ("沪昆高铁", None)],
    ),
    # 环城 is a ring as 绕城 is; a city of another province's ring (广州环城, 贵阳绕城) is
    # that city's line, as a Hunan city's is (郴州环城); 新区 is no city: no line
    "the ring of a city of another province is a line of that city": (
        "郴州市综合交通规划\n对接已建成的广州环城高速公路和贵阳绕城高速。"
        "规划研究郴州环城高速公路。建设新区环城高速。",
        [
            ("广州环城高速公路", ["广州市"]),
            ("贵阳绕城高速", ["贵阳市"]),
            ("郴州环城高速公路", ["郴州市"]),
        ],
    ),
    # 通用(航空)机场 after a unit of China, or a unit and its town (崇阳通用机场, 通山大畈通用
    # 航空机场); 全州 is the whole prefecture, no county; a city's second ring and a ring
    # written with 市 (武汉第二绕城, 咸宁市绕城), and the ring of a 城市圈, are lines
    "a general airport of a unit of another province; rings written in full": (
        "岳阳市综合交通规划\n对接已建成的崇阳通用机场,加快建设通山大畈通用航空机场;全州民用机场"
        "另行规划。加快对接武汉第二绕城高速、咸宁市绕城高速公路和武汉城市圈环线高速。",
        [
            ("崇阳通用机场", None),
            ("通山大畈通用航空机场", None),
            ("武汉第二绕城高速", None),
            ("咸宁市绕城高速公路", None),
            ("武汉城市圈环线高速", None),
        ],
    ),
    # 配合, 预留, 跨越 and 既有 stand before a line's name as verbs of stage do (积极配合深南高铁
    # 建设, 研究预留…线位, 跨越既有…铁路); 既有铁路 alone names no line
    "a line after the words that place it beside a plan": (
        "郴州市综合交通规划\n积极配合郴赣高铁郴州段规划建设。研究预留郴桂城际铁路线位。新线跨越既有"
        "郴资铁路后进站。利用既有铁路开行旅游列车。",
        [("郴赣高铁", None), ("郴桂城际铁路", None), ("郴资铁路", None)],
    ),
    # 过境 is a ring of a city as 绕城 is (宝鸡北过境高速); the ring of a district of another
    # province (万州南环高速) is that district's line
    "a bypass and the ring of a district of another province": (
        "张家界市综合交通规划\n对接规划建设的宝鸡北过境高速。加快建设万州南环高速、张家界过境高速公路。",
        [
            ("宝鸡北过境高速", ["宝鸡市"]),
            ("万州南环高速", ["万州区"]),
            ("张家界过境高速公路", ["张家界市"]),
        ],
    ),
    # a terminus of another province named by its unit and one of its towns (连州星子: 连州市);
    # a unit's name before a feature (乐昌湾: a bay) is no unit
    "a terminus of another province named by its unit and a town": (
        "郴州市综合交通规划\n加快建设临武至连州星子高速公路。规划宜章至乐昌湾高速公路。",
        [("临武至连州星子高速公路", ["临武县", "连州市"]), ("宜章至乐昌湾高速公路", ["宜章县"])],
    ),
    # a list's ordinal before a line (一是…, 二是…) ends its code; 发挥 is a verb, and what
    # follows it here is a kind of line, no name
    "a line after a list's ordinal; a kind after 发挥": (
        "永州市综合交通规划\n对接广西:一是马平高速已建成通车;二是巴平高速加快建设;三是发挥城际铁路的同城效应。",
        [("马平高速", None), ("巴平高速", None)],
    ),
    # a stage and 的 end the words before a code of places of other provinces (在建的 |
    # 通苏嘉甬铁路) as a verb of stage does; a stage before the next item of a pair (和已建成的
    # 沪昆高铁) is that item's own, not the first one's (a third element: the status)
    "a code of other provinces after a stage and 的; each item of a pair its own stage": (
        "岳阳市综合交通规划\n借鉴在建的通苏嘉甬铁路的经验。规划建设的长赣高铁和已建成的沪昆高铁"
        "在浏阳交会。",
        [
            ("通苏嘉甬铁路", None, "under_construction"),
            ("长赣高铁", None, "planned"),
            ("沪昆高铁", None, "existing"),
        ],
    ),
    # a date or a word of time ends a code on its left (2020年底贺巴高速, 其后桂海高速); 随
    # before a corridor's code is "along with" (随沪昆高铁开通), not 随州 (随岳高速); 新增 and
    # 一条 count more of a kind, no line's name
    "a line after a date or a time; along with a corridor's line; more of a kind": (
        "永州市综合交通规划\n对接广西:2020年底贺巴高速建成通车,其后桂海高速相继建成。2014年随沪昆高铁"
        "开通。至2035年新增高速公路300公里,新增一条高速公路通道。加快建设随岳高速。",
        [
            ("贺巴高速", None, "existing"),
            ("桂海高速", None, "existing"),
            ("沪昆高铁", None),
            ("随岳高速", ["随州市", "岳阳市"]),
        ],
    ),
    # a suburban line named by a code of places of other provinces (杭德市域铁路, 金义东市域轨道
    # 交通), not a city's suburban lines (上海市域铁路); a line from a unit of China to a short
    # name (南宁至友谊关), whose end is no Hunan town of the same name (石井 of 娄星区); a chain
    # of ends (长沙—株洲—湘潭); 至今 is "until now" (至今尚无铁路: no line)
    "suburban lines of other provinces; a unit of China to a short name; chains of ends": (
        "永州市综合交通规划\n对接杭德市域铁路、金义东市域轨道交通;对接上海市域铁路。加快对接南宁至友谊关"
        "高速公路和南安至石井高速公路。研究长沙—株洲—湘潭城际铁路延伸。双牌县至今尚无铁路。",
        [
            ("杭德市域铁路", None),
            ("金义东市域轨道交通", None),
            ("南宁至友谊关高速公路", ["南宁市"]),
            ("南安至石井高速公路", ["南安市"]),
            ("长沙—株洲—湘潭城际铁路", ["长沙市", "株洲市", "湘潭市"]),
        ],
    ),
    # a general airport after a Hunan unit and its town (炎陵九龙) or a Hunan town alone (坪塘,
    # 崀山: the town's county); after a unit of China written in full (黟县), by an autonomous
    # county's short name (北川, 张家川县) or opening with a numeral (五河), that county, with no
    # Hunan city read into its characters (张家川: no 张家界); a count of airports names none
    "general airports of towns, of full and autonomous names, of names with numerals": (
        "邵阳市综合交通规划\n加快推进炎陵九龙通用机场、坪塘通用机场和崀山通用机场前期工作;对接北川通用"
        "机场、黟县通用机场、五河通用机场和张家川县通用机场;规划建设三个通用机场。",
        [
            ("炎陵九龙通用机场", ["炎陵县"]),
            ("坪塘通用机场", ["岳麓区"]),
            ("崀山通用机场", ["新宁县"]),
            ("北川通用机场", ["北川羌族自治县"]),
            ("黟县通用机场", ["黟县"]),
            ("五河通用机场", ["五河县"]),
            ("张家川县通用机场", ["张家川回族自治县"]),
        ],
    ),
    # units of another province listed before the kind of airport they share (利川、宣恩通用
    # 机场), the list closed by its count or 等 (五河、固镇两个…; 镇巴、留坝、略阳等…), each with
    # an airport of its own, as Hunan units are (吉首、古丈通用机场); a count alone names none
    "general airports of units of another province listed before their kind": (
        "湘西州综合交通规划\n对接利川、宣恩通用机场;对接五河、固镇两个通用机场和镇巴、留坝、略阳等通用"
        "机场;规划建设三个通用机场,对接吉首、古丈通用机场。",
        [
            ("利川通用机场", ["利川市"]),
            ("宣恩通用机场", ["宣恩县"]),
            ("五河通用机场", ["五河县"]),
            ("固镇通用机场", ["固镇县"]),
            ("镇巴通用机场", ["镇巴县"]),
            ("留坝通用机场", ["留坝县"]),
            ("略阳通用机场", ["略阳县"]),
            ("吉首通用机场", ["吉首市"]),
            ("古丈通用机场", ["古丈县"]),
        ],
    ),
    # a rail line's letter and number after its kind are part of its name (长株城际S9线, 温州
    # 市域铁路S2线: a city's suburban line with its number), or with its kind alone are its name
    # (城际铁路F1线); no road's number (S2线 is no provincial expressway); full-width letters and
    # digits as the text writes them (Ｓ９)
    "a rail line's letter and number after its kind": (
        "长沙市综合交通规划\n规划建设长株城际Ｓ９线和城际铁路F1线;对接温州市域铁路S2线、锡宜城际轨道"
        "S2线。",
        [
            ("长株城际Ｓ９线", ["长沙市", "株洲市"]),
            ("城际铁路F1线", ["长沙市"]),  # named by no place: the plan's own unit
            ("温州市域铁路S2线", None),
            ("锡宜城际轨道S2线", None),
        ],
    ),
    # an item of a list sharing a suffix after a line with a suffix of its own and 和 (京广铁路
    # 和京港澳、厦蓉等高速公路), beside its road's number (京港澳(G4)) or after the list's number
    # (③); codes of places of other provinces listed with 、 (大广、兰原高速公路), but no word of
    # where (西端高速公路, 北至铁路: no line)
    "items of a list sharing a suffix; codes of other provinces listed; no words of where": (
        "郴州市综合交通规划\n依托已建成的武广高铁、京广铁路和京港澳、厦蓉等高速公路。\n"
        "③ 京港澳(G4)、岳汝等高速公路已建成。\n对接大广、兰原高速公路,北至铁路、西端高速公路。",
        [
            ("武广高铁", None),
            ("京广铁路", None),
            ("京港澳高速公路", None),
            ("厦蓉高速公路", None),
            ("岳汝高速公路", ["岳阳市", "汝城县"]),
            ("大广高速公路", None),
            ("兰原高速公路", None),
        ],
    ),
    # the ring line of an area named by its cities' code, of another province (潮汕环线高速:
    # 潮州, 汕头) as of Hunan (长株潭环线高速); 城市环线 names no area
    "the ring line of an area its cities' code names": (
        "株洲市综合交通规划\n借鉴已建成的潮汕环线高速经验,加快建设长株潭环线高速,研究城市环线高速。",
        [("潮汕环线高速", []), ("长株潭环线高速", ["长沙市", "株洲市", "湘潭市"])],
    ),
    # 于 (选址于 | 京港澳), a list's ordinal (二是 | 徐宿淮盐) and 用好 end what comes before a
    # line's code; 复线 is a line's own word before 和; 境 is no character of a code (境内铁路)
    "where, an ordinal or use before a line; no line in 境内铁路": (
        "衡阳市综合交通规划\n新区选址于京港澳高速公路与衡昆高速交汇处,两条高速均已建成通车。借鉴的经验"
        "有二:一是苏锡常泰城际铁路的站城融合;二是徐宿淮盐铁路已建成通车。用好湘桂复线和泉南、衡永两条"
        "高速。关于境内铁路项目推进情况另行报告。",
        [
            ("京港澳高速公路", None, "existing"),
            ("衡昆高速", ["衡阳市", "昆明市"], "existing"),
            ("苏锡常泰城际铁路", []),
            ("徐宿淮盐铁路", ["徐州市", "宿迁市", "淮安市", "盐城市"], "existing"),  # curated
            ("泉南高速", None, "existing"),
            ("衡永高速", ["衡阳市", "永州市"], "existing"),
        ],
    ),
    # three-character codes of other provinces listed with 、 share the suffix (金丽温、甬台温高速
    # 公路); a line of its own (北沿江高铁、) or a street (白云路、) before the mark is no code
    "three-character codes listed with 、; no code in a line or a street before the mark": (
        "株洲市综合交通规划\n借鉴已建成的金丽温、甬台温高速公路。规划区北起长芷高速,南至白云路、沪昆高铁。"
        "加快北沿江高铁、合芜宣城际建设。",
        [
            ("金丽温高速公路", [], "existing"),
            ("甬台温高速公路", None, "existing"),
            ("长芷高速", None),
            ("沪昆高铁", None),
            ("北沿江高铁", None, "under_construction"),
            ("合芜宣城际", None, "under_construction"),
        ],
    ),
    # a stage, 中 and 的 before a code of other provinces (规划中的 | 盐泰锡常宜铁路): in that stage
    "a line in a stage, after 中的": (
        "常德市综合交通规划\n对接规划中的盐泰锡常宜铁路和加快建设中的通苏嘉甬铁路。",
        [("盐泰锡常宜铁路", None, "planned"), ("通苏嘉甬铁路", None, "under_construction")],
    ),
    # a direction before a ring belongs to the place whose name ends with it (济南绕城: 济南's
    # ring; 淮南西环: 淮南's western ring); a province's ring names no unit (海南东环); a
    # city's 城市环线 is its ring (湘潭城市环线), a bare 城市环线 no line
    "a place whose name ends with a direction, before its ring": (
        "湘潭市综合交通规划\n借鉴已建成的济南绕城高速公路和淮南西环高速经验。海南东环铁路已建成通车。"
        "规划建设湘潭城市环线高速公路,研究城市环线高速。",
        [
            ("济南绕城高速公路", ["济南市"], "existing"),
            ("淮南西环高速", ["淮南市"], "existing"),
            ("海南东环铁路", [], "existing"),
            ("湘潭城市环线高速公路", ["湘潭市"], "planned"),
        ],
    ),
    # a suburban line named after its kind by places and 线; not a word of lines (沿线, 干线)
    "suburban lines named by places and 线 after their kind": (
        "长沙市综合交通规划\n加快建设市域铁路长浏线。研究长沙市市郊铁路宁乡线。推动市域铁路沿线开发,"
        "完善干线网络。",
        [
            ("市域铁路长浏线", None, "under_construction"),
            ("长沙市市郊铁路宁乡线", None, "studied"),
        ],
    ),
    # a city's second or third ring (二环), with its direction (西北二环), and 绕越 (a
    # bypass) are rings as 绕城 is; a city's own short name before its ring names the city
    # (南京绕越: 南京市, not 南 and 京)
    "second rings and bypasses of a city": (
        "长沙市综合交通规划\n规划建设长沙西北二环高速公路,借鉴已建成的南京绕越高速经验。",
        [
            ("长沙西北二环高速公路", ["长沙市"], "planned"),
            ("南京绕越高速", ["南京市"], "existing"),
        ],
    ),
    # a direction and 延 before a line's other words extend it (甲高速西延线); standing alone
    # before the kind they are a code of places (西延高铁: 西安, 延安)
    "a code that reads like an extension": (
        "怀化市综合交通规划\n借鉴在建的西延高铁经验,规划建设沪昆高速西延线。",
        [("西延高铁", None, "under_construction"), ("沪昆高速西延线", None, "planned")],
    ),
    # an airport is named by its place: the unit of China its name opens, not characters read
    # as codes (南京禄口 is no 北京, 长乐 no 长沙); a preposition before it is no part of it
    "an airport of another province, by the unit its name opens": (
        "长沙市综合交通规划\n航线通达南京禄口国际机场、赣州黄金机场和长乐国际机场。快线,自长沙黄花国际"
        "机场引出。",
        [
            ("南京禄口国际机场", ["南京市"]),
            ("赣州黄金机场", ["赣州市"]),
            ("长乐国际机场", ["长乐区"]),
            ("自长沙黄花国际机场", ["长沙市"]),
        ],
    ),
    # 预控 (reserve a line's route) is a verb before a name; a city's bypass by its side, 部
    # written (长沙东部过境高速公路)
    "a line after 预控; a city's bypass by its side": (
        "长沙市综合交通规划\n研究预控深汕城际铁路线位。加快建设长沙东部过境高速公路。",
        [
            ("深汕城际铁路", None, "studied"),
            ("长沙东部过境高速公路", ["长沙市"], "under_construction"),
        ],
    ),
    # 跨海 and 跨江 after a code say where the line runs (沪甬跨海铁路), as 沿江 does; 支持 is a
    # verb before a name
    "a code and 跨海; a line after 支持": (
        "长沙市综合交通规划\n三是继续开展沪甬跨海铁路的前期研究。四是支持宁芜铁路复线改扩建工程。",
        [("沪甬跨海铁路", None, "studied"), ("宁芜铁路复线", None, "upgrade")],
    ),
    # a link line named by its ends joined by 至, as by its stations and dashes (甲西—乙西联络线)
    "a link line by its ends": (
        "株洲市综合交通规划\n研究株洲至醴陵联络线,提高通道能力。研究长寿至涪陵联络线。",
        [
            ("株洲至醴陵联络线", ["株洲市", "醴陵市"], "studied"),
            ("长寿至涪陵联络线", None, "studied"),
        ],
    ),
    # a side of an area its code names, before the kind (苏锡常南部高速公路), as of a city
    "a code of places elsewhere and its side": (
        "长沙市综合交通规划\n苏锡常南部高速公路已建成通车。规划建设长沙南部高速公路。",
        [("苏锡常南部高速公路", None, "existing"), ("长沙南部高速公路", ["长沙市"], "planned")],
    ),
    # the second line of a code (广深第二高铁), as one of two parallel lines (长常北线)
    "the second line of a code": (
        "长沙市综合交通规划\n规划建设长株潭第二高速。研究广深第二高铁。",
        [
            ("长株潭第二高速", ["长沙市", "株洲市", "湘潭市"], "planned"),
            ("广深第二高铁", None, "studied"),
        ],
    ),
    # one side's ring of an area a code of places elsewhere names (西咸南环线), as of one here
    "a side's ring of a code of places elsewhere": (
        "长沙市综合交通规划\n加快建设长株南环线高速公路。研究西咸北环线高速公路。",
        [
            ("长株南环线高速公路", ["长沙市", "株洲市"], "under_construction"),
            ("西咸北环线高速公路", None, "studied"),
        ],
    ),
    # a list closed by 等 and a kind, then 线路 (the lines it names, as lines), not the use
    # of lines in general (完善高铁线路网络)
    "a list's lines named as lines (甲、乙等高铁线路)": (
        "永州市综合交通规划\n规划建设广清永、永零等高铁线路。完善高铁线路网络。",
        [
            ("广清永高铁", ["广州市", "清远市", "永州市"], "planned"),
            ("永零高铁", None, "planned"),
        ],
    ),
    # a code's middle or side line before another code sharing the kind (成渝中线、渝西高铁),
    # not before a word that is no code (长吉北线、环线高速: a road and a ring)
    "a code's middle line sharing the kind with a code after it": (
        "怀化市综合交通规划\n加快建设渝怀中线、张吉高铁。与长吉北线、环线高速形成转换。",
        [
            ("渝怀中线高铁", None, "under_construction"),
            ("张吉高铁", ["张家界市", "吉首市"], "under_construction"),
            ("环线高速", None),
        ],
    ),
    # a ring named by its side and order alone (北二环高速公路, 第二绕城高速), the plan's city's,
    # beside one named with its city (长沙南二环高速)
    "a ring road by its side and order alone": (
        "长沙市综合交通规划\n规划建设西二环高速公路。建成长沙南二环高速。加快建设第二绕城高速。",
        [
            ("西二环高速公路", ["长沙市"], "planned"),  # (named by no place: the plan's)
            ("长沙南二环高速", ["长沙市"], "existing"),
            ("第二绕城高速", ["长沙市"], "under_construction"),
        ],
    ),
    # a link line told by its ends before its kind (甲至乙高铁联络线), a line of its own; not
    # link lines in general (同步推进铁路联络线)
    "a link line by its ends, before its kind (甲至乙高铁联络线)": (
        "吉首市综合交通规划\n研究吉首至铜仁高铁联络线。同步推进铁路联络线。",
        [("吉首至铜仁高铁联络线", ["吉首市", "铜仁市"], "studied")],
    ),
    # 快速铁路 is a kind (甲乙快速铁路); a kind lacking (补齐快速铁路短板), one more of a kind
    # (又一条高速通道) or a direction's (南北向铁路) names no line
    "a fast railway by its code, not kinds said of needs or directions (补齐…, 南北向铁路)": (
        "湘西州综合交通规划\n加快建设张吉快速铁路。补齐快速铁路短板,建成后成为又一条东西向高速通道,"
        "补齐南北向铁路供给短板。",
        [("张吉快速铁路", ["张家界市", "吉首市"], "under_construction")],
    ),
    # where a road begins or a place lies, by a line (北起甲高速公路乙互通, 紧邻甲高速公路
    # 服务区): the words of place no part of the name; a road to a port (疏港路) is no port
    "lines after words of where (北起…, 紧邻…), a port road no port (东起甲疏港路)": (
        "庄河市交通规划\n该站紧邻鹤大高速公路庄河服务区,东起太平湾疏港路。",
        [("鹤大高速公路", ["鹤岗市", "大连市"], "existing")],  # a curated corridor (G11)
    ),
    # verbs of what a plan does with a port or line (坚持, 服务, 解决, 围绕, 借助) are no part of
    # its name, and a kind after them names none
    "ports and lines after verbs of what is done with them (坚持甲港…, 服务乙港, 围绕铁路)": (
        "岳阳市港口发展规划\n坚持城陵矶港对外开放的定位,服务岳阳港建设,解决港区集疏运短板,围绕铁路布局物流"
        "园区,借助高速公路拓展腹地。",
        [("城陵矶港", ["岳阳市"]), ("岳阳港", ["岳阳市"])],  # (城陵矶港: the plan's own unit)
    ),
    "a link between two stations of one city (二是…甲站至甲南站联络线): the city and its side": (
        "南昌市综合交通规划\n一是完善站城衔接;二是研究建设南昌站至南昌西站联络线,加强两站衔接。",
        [("南昌站至南昌西站联络线", ["南昌市"])],
    ),
    # 扩建 and 迁建 are verbs of works before a name, no part of it
    "an airport after 扩建 or 迁建": (
        "湖南省综合交通规划\n加快扩建长沙黄花国际机场。扩建张家界荷花国际机场。迁建邵阳武冈机场。",
        [
            ("长沙黄花国际机场", ["长沙市"], "upgrade"),
            ("张家界荷花国际机场", ["张家界市"], "upgrade"),
            ("邵阳武冈机场", ["邵阳市", "武冈市"]),
        ],
    ),
    # 新 in a code is a place's (合新六: 合肥, 新乡, 六安) or which of two lines (新楚大), while
    # the verbs it opens end a code (新建城际铁路: no line); a code and which of its lines
    # (济青中线, 京港澳复线) is one name
    "新 in a code; a code and which of its lines": (
        "长沙市综合交通规划\n规划建设合新六城际铁路,新建城际铁路联络线。加快建设济青中线高速公路,"
        "加快建设京港澳复线高速公路。已建成的新楚大高速公路在县境西北通过。",
        [
            ("合新六城际铁路", [], "planned"),
            ("济青中线高速公路", ["济南市", "青岛市"], "under_construction"),  # curated
            ("京港澳复线高速公路", None, "under_construction"),
            ("新楚大高速公路", None, "existing"),
        ],
    ),
    # one character read in Hunan beside one only far units begin names no Hunan city (衡昔:
    # 衡水 and 昔阳, not 衡阳); two Hunan ends that agree are read (常岳昌: 常德, 岳阳)
    "a code of far places is not read by one Hunan character": (
        "岳阳市综合交通规划\n加快建设常岳昌高铁。借鉴已建成的衡昔高速和兰张高铁的经验。",
        [
            ("常岳昌高铁", ["常德市", "岳阳市"], "under_construction"),
            ("衡昔高速", [], "existing"),
            ("兰张高铁", [], "existing"),
        ],
    ),
    # a province or a side of one and 的 before a code of other provinces says where the line
    # lies (江苏一侧的 | 沪苏锡常城际铁路); 属 says which line a stretch belongs to (今属 |
    # 西潼高速)
    "where a line of other provinces lies, and the line a stretch belongs to": (
        "岳阳市综合交通规划\n借鉴江苏一侧的苏锡常泰城际铁路已开工在建的经验。"
        "该路段今属杭瑞高速,已建成通车。",
        [("苏锡常泰城际铁路", None, "under_construction"), ("杭瑞高速", None, "existing")],
    ),
    # 其中 ("among them") before a line opens its name, as a verb does: not part of a code,
    # even where a character of the code is not decoded (安 of 常安: 安化, 安乡 or 安仁)
    "其中 before a line's name (其中常安高速)": (
        "安化县旅游规划\n境内高速由五段组成。其中常安高速起于常德石门桥,已建成通车。",
        [("常安高速", ["常德市"], "existing")],
    ),
    # a subject and its verbs before the first code of a list (配合甲市加快建设 | 永新、零道等高速):
    # the code begins after the verbs, the subject is no part of it
    "a list's first code after its subject and verbs (配合永州市加快建设永新、零道等高速公路)": (
        "祁阳市规划\n配合永州市加快建设永新、零道等高速公路，进一步完善高速路网。",
        [
            ("永新高速公路", None, "under_construction"),
            ("零道高速公路", None, "under_construction"),
        ],
    ),
    # a terminus that is a unit of China by its whole name holds no shorter one (齐齐哈尔, not
    # 哈尔 of 哈尔滨; 老河口, not 河口; 牡丹江, not 丹江)
    "termini named whole by units of China (齐齐哈尔—乌兰浩特—通辽高铁, 老河口至南漳高速)": (
        "阿尔山市规划\n争取规划建设的齐齐哈尔—乌兰浩特—通辽高铁尽早实施。加快建设老河口至南漳高速公路。",
        [
            ("齐齐哈尔—乌兰浩特—通辽高铁", ["齐齐哈尔市", "乌兰浩特市", "通辽市"], "planned"),
            ("老河口至南漳高速公路", ["老河口市", "南漳县"], "under_construction"),
        ],
    ),
    # brackets glossing a line's name (its ends) close no clause: the words after them govern it
    "the stage said after brackets that gloss the name (长九高铁(长沙至九江)前期研究)": (
        "平江县规划\n积极推动长九高铁（长沙至九江）前期研究，争取早日开工。",
        [("长九高铁", ["长沙市", "九江市"], "studied")],
    ),
    # airports named by their cities and sharing 机场 (铜仁、常德机场): each city has one
    "airports named by their cities, listed before the word they share (铜仁、常德机场)": (
        "辰溪县规划\n县城至芷江机场约1.5小时，至铜仁、常德机场约2小时。",
        [
            ("芷江机场", ["芷江侗族自治县"], "existing"),
            ("铜仁机场", ["铜仁市"], "existing"),
            ("常德机场", ["常德市"], "existing"),
        ],
    ),
}


@pytest.mark.parametrize("form", list(LINE_FORMS))
def test_line_forms(form):
    text, expected = LINE_FORMS[form]
    got = _projects(text)
    assert [name for name, _c, _s in got] == [name for name, *_ in expected]
    for (_name, cities, status), (_n, want, *stage) in zip(got, expected, strict=True):
        assert want is None or cities == want
        assert status == (stage[0] if stage else status)
