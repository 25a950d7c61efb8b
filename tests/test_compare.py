"""How plans agree: the five seeds compared, and exact tables on small extracts."""

from __future__ import annotations

import shutil

import pytest

from geoplan.cli import main
from geoplan.compare import compare_plans, report_html
from geoplan.corpus import extract_folder
from geoplan.errors import GeoplanError
from tests._browser import chromium
from tests.conftest import SEEDS

PROVINCE = "004_093a410173c78b39.txt"
ZHUZHOU = "000_d6a808445c4787d7.txt"


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    run = extract_folder(SEEDS, tmp_path_factory.mktemp("x"), jobs=2, layer_format=None)
    assert run.failed == {}
    return compare_plans(list(run.extracts.values()))


def test_seeds_transport_named_by_province_and_city_side_by_side(seed_tables):
    t = seed_tables["transport"].set_index("project")
    assert list(seed_tables["plans"]["plan"]) == sorted(seed_tables["plans"]["plan"])
    both = t[(t[PROVINCE] != "") & (t[ZHUZHOU] != "")]
    assert len(both) >= 5
    # 长九高铁 (planned in both): statuses side by side, agreeing; 京港澳 G4: the province
    # plans its widening (大力推进京港澳、沪昆高速公路扩容工程), the city names it as built
    assert both.loc["长九高铁", [PROVINCE, ZHUZHOU]].tolist() == ["planned", "planned"]
    assert both.loc["G4", [PROVINCE, ZHUZHOU]].tolist() == ["upgrade", "existing"]
    assert not both.loc["长九高铁", "disagree"] and both.loc["G4", "disagree"]
    assert both["disagree"].any()  # the plans do not always agree
    assert (t["plans"] >= 2).all()


def test_seeds_green_heart_is_a_shared_structure_place(seed_tables):
    s = seed_tables["structures"].set_index("component")
    row = s.loc["长株潭生态绿心"]
    # a component of both plans (and a feature read in a part of another's structure)
    assert "component" in row["via"].split("/")
    assert row[PROVINCE] == "株洲市; 湘潭市; 长沙市"
    # 株洲's plan places the green heart in the three cities too: its scope is 长株潭, wider than
    # the plan's own city, so 株洲市 is one of its places and the plans agree
    assert row[ZHUZHOU] == "株洲市; 湘潭市; 长沙市"
    assert not row["disagree"]
    assert s.loc["醴陵—攸县组团", [ZHUZHOU, PROVINCE]].tolist() == ["攸县; 醴陵市"] * 2
    # both plans' “三带” is a group of bands (a component with members): a label names nothing
    # shared, the bands themselves are compared
    assert "三带" not in s.index


def test_figures_and_statuses_that_disagree():
    a = {
        "source": "湖南省规划.txt",
        "title": "湖南省规划",
        "jurisdiction": {"name": "湖南省", "adcode": "430000"},
        "transport": [
            {"name": "长赣高铁", "mode": "hsr", "status": "planned"},
            {"name": "醴娄高速公路", "mode": "expressway", "status": "upgrade"},
        ],
        "figures": [
            {"place": "株洲市", "adcode": "430200", "indicator": "常住人口城镇化率",
             "value": 72.0, "unit": "%", "year": 2025, "kind": "target"},
            {"place": "株洲市", "adcode": "430200", "indicator": "地区生产总值",
             "value": 4000.0, "unit": "亿元", "year": 2025, "kind": "target"},
        ],
    }  # fmt: skip
    b = {
        "source": "株洲市规划.txt",
        "title": "株洲市规划",
        "jurisdiction": {"name": "株洲市", "adcode": "430200"},
        "transport": [
            {"name": "长赣高速铁路", "mode": "hsr", "status": "under_construction"},
            {"name": "醴娄高速", "mode": "expressway", "status": "upgrade"},
            {"name": "株洲站", "mode": "station", "status": None},
        ],
        "figures": [
            {"place": "株洲市", "adcode": "430200", "indicator": "常住人口城镇化率",
             "value": 75.0, "unit": "%", "year": 2025, "kind": "target"},
            {"place": "株洲市", "adcode": "430200", "indicator": "地区生产总值",
             "value": 4000.0, "unit": "亿元", "year": 2025, "kind": "target"},
        ],
    }  # fmt: skip
    tables = compare_plans([a, b])
    assert tables["plans"][["plan", "level"]].values.tolist() == [
        ["湖南省规划.txt", "province"],
        ["株洲市规划.txt", "prefecture"],
    ]
    t = tables["transport"]
    assert t[["project", "湖南省规划.txt", "株洲市规划.txt", "disagree"]].values.tolist() == [
        ["S-醴娄", "upgrade", "upgrade", False],
        ["长赣高铁", "planned", "under_construction", True],
    ]
    f = tables["figures"]
    assert f[
        ["indicator", "year", "湖南省规划.txt", "株洲市规划.txt", "disagree"]
    ].values.tolist() == [
        ["地区生产总值", 2025, "4000", "4000", False],
        ["常住人口城镇化率", 2025, "72", "75", True],
    ]
    html = report_html(tables)
    assert html.count('class="disagree"') == 2


def test_compare_needs_two_plans():
    with pytest.raises(GeoplanError, match="at least two plans"):
        compare_plans([{"source": "a.txt"}])


@pytest.mark.browser
def test_compare_report_on_the_seeds_opens_in_chromium(tmp_path, capsys):
    plans = tmp_path / "plans"
    plans.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, plans / path.name)
    # a file name with markup: the report must show it as text
    shutil.move(plans / "002_0dd9d8fabf2b9845.txt", plans / "002<b>&amp;.txt")
    out = tmp_path / "report.html"
    assert main(["compare", str(plans), "--out", str(out), "--jobs", "2"]) == 0
    assert "5 plans;" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "002&lt;b&gt;&amp;amp;.txt" in text
    assert "<b>" not in text
    found = {}

    def inspect(page):
        found["headers"] = page.locator("table").nth(1).locator("th").all_inner_texts()
        found["rows"] = page.locator("table").nth(1).locator("tbody tr").count()
        found["summary"] = page.inner_text("#summary")

    with chromium() as visit:
        seen = visit(out, wait_for="table", then=inspect)
    assert seen.errors == []
    assert seen.leaving == []
    assert f"湖南省\n{PROVINCE}" in found["headers"]
    assert "长株潭\n002<b>&amp;.txt" in found["headers"]
    assert found["rows"] >= 5
    assert found["summary"].endswith("named by two or more of 5 plans.")
    assert seen.colours() > 3


def test_compare_cli_refuses_a_non_html_report(tmp_path, capsys):
    out = tmp_path / "r.csv"
    assert main(["compare", str(SEEDS), "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip().endswith("the report is HTML; name it .html")
