"""Tests of the curated rail tables and the transport graph (geoplan.network)."""

from __future__ import annotations

import functools
import itertools
import json
import re
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from geoplan import _network_data as data
from geoplan import catchment, network
from geoplan._data import geodata_dir
from geoplan.cli import main
from geoplan.errors import DataError, GeoplanError, UnknownPlaceError

SCHEDULED = pd.read_csv(Path(__file__).parent / "data" / "scheduled_times.csv", dtype=str)
NODE_KINDS = {"station", "interchange", "seat", "airport"}
PREFIX = {"station": "station:", "seat": "seat:", "interchange": "ix:", "airport": "airport:"}
EDGE_MODES = {"hsr", "intercity", "conventional", "maglev", "expressway", "road", "access"}


@pytest.fixture(scope="module")
def g2025() -> nx.MultiGraph:
    """The 2025 network with sourced station coordinates only (no seat proxies)."""
    return network.build_graph(year=2025, proxies=False)


# --- curated data ---------------------------------------------------------------------------


def test_stations_are_unique_sourced_and_in_hunan():
    st = data.rail_stations()
    assert st["name"].is_unique
    located = st.dropna(subset=["lon", "lat"])
    assert len(located) == 96
    # two independent sources recorded, or a note that says there is one
    second = located["source2"].fillna("").str.len() > 0
    assert second.sum() == 67
    assert located.loc[~second, "note"].str.contains("single source").all()
    assert (located.loc[~second, "confidence"] <= 0.7).all()
    assert located["lon"].between(108.7, 114.3).all()
    assert located["lat"].between(24.6, 30.2).all()
    assert (located["source"].str.len() > 0).all()
    assert located["confidence"].between(0.5, 1.0).all()
    assert (st.loc[st["lon"].isna(), "confidence"] == 0).all()
    # a junction (茶陵西) is passed by trains, no passenger boards there
    assert set(st["kind"]) <= {"hsr", "conventional", "intercity", "mixed", "maglev", "junction"}
    assert (located["adcode"].str.fullmatch(r"43\d{4}")).all()
    assert (located["adcode"].str[:4] == located["prefecture_adcode"].str[:4]).all()


def test_station_coordinates_have_at_most_six_decimals():
    text = (geodata_dir() / "rail_stations.csv").read_text(encoding="utf-8")
    for row in pd.read_csv(
        pd.io.common.StringIO(text), dtype=str, keep_default_na=False
    ).itertuples():
        for value in (row.lon, row.lat):
            assert len(value.partition(".")[2]) <= 6, (row.name, value)


def test_lines_are_ordered_and_valid():
    lines = data.rail_lines()
    assert set(lines["kind"]) <= {"hsr", "intercity", "conventional", "maglev"}
    assert set(lines["status"]) <= {"existing", "under_construction", "planned"}
    for name, rows in lines.groupby("line"):
        assert list(rows["seq"]) == list(range(1, len(rows) + 1)), name
        assert rows["kind"].nunique() == 1, name
        if rows["status"].iloc[0] == "existing":
            assert rows["opened"].notna().all(), name
    for required in (
        "京广高铁",
        "沪昆高铁",
        "长株潭城际",
        "怀邵衡铁路",
        "黔张常铁路",
        "张吉怀高铁",
        "常益长高铁",
        "京广铁路",
        "沪昆铁路",
        "湘桂铁路",
        "焦柳铁路",
        "石长铁路",
        "洛湛铁路",
        "长沙磁浮快线",
        "长赣高铁",
        "吉衡铁路",
        "娄邵铁路",
        "浩吉铁路",
        "长九高铁",
        "益娄高铁",
        "邵永高铁",
        "兴永郴赣铁路",
        "长岳城际",
        "长衡城际",
    ):
        assert required in set(lines["line"]), required


def test_rail_chainages_are_sourced_and_consistent():
    """`rail_chainages.csv`: sourced track km along a line (see geodata/README.network.md).

    Every row names a station of its line; km runs one way with the line's seq; and the track
    between consecutive rows is no shorter than 0.98 x the geodesic between the two stations
    (where both are located) and shorter than 3 x it; between neighbouring stations of a line
    built for 300 km/h or more, shorter than 1.2 x it (such lines keep curves of 7 km radius
    and more: their neighbouring stations lie 1.01-1.09 x apart in the sourced rows; a
    source's 136 km 长沙南-衡山西, 1.45 x 株洲西-衡山西, was dropped for failing this).
    """
    path = geodata_dir() / "rail_chainages.csv"
    chain = pd.read_csv(path, dtype={"line": str, "station": str, "source": str, "note": str})
    assert list(chain.columns) == ["line", "station", "km", "source", "note"]
    assert not chain.duplicated(["line", "station"]).any()
    assert chain["km"].notna().all()
    assert (chain["source"].str.len() > 0).all()
    assert (chain["note"].str.len() > 0).all()
    lines = network.rail_routes()  # lines, and the conventional runs (衡柳普速列车)
    seq = {(r.line, r.station): int(r.seq) for r in lines.itertuples()}
    design = {r.line: float(r.design_speed_kmh) for r in lines.itertuples()}
    keys = list(zip(chain["line"], chain["station"], strict=True))
    missing = [k for k in keys if k not in seq]
    assert not missing, missing
    stations = data.rail_stations().set_index("name")
    chain = chain.assign(seq=[seq[k] for k in keys])
    checked = 0
    for name, rows in chain.sort_values("seq").groupby("line"):
        steps = np.diff(rows["km"].to_numpy())
        assert (steps > 0).all() or (steps < 0).all(), name
        names = rows["station"].tolist()
        hops = np.diff(rows["seq"].to_numpy())
        for a, b, step, hop in zip(names[:-1], names[1:], steps, hops, strict=True):
            pa, pb = stations.loc[a], stations.loc[b]
            if pd.isna(pa["lon"]) or pd.isna(pb["lon"]):
                continue
            straight = network.geodesic_km(pa["lon"], pa["lat"], pb["lon"], pb["lat"])
            most = 1.2 if design[name] >= 300 and hop == 1 else 3.0
            assert 0.98 * straight <= abs(step) < most * straight, (name, a, b, step, straight)
            checked += 1
    assert checked > 0


def test_corridors_resolve_to_their_hunan_lines():
    assert network.corridor_lines("渝長廈高鐵") == ["黔张常铁路", "常益长高铁", "长赣高铁"]
    assert network.corridor_lines("厦渝通道") == ["黔张常铁路", "常益长高铁", "长赣高铁"]
    assert network.corridor_lines("呼南高铁") == [
        *("宜常高铁", "常益长高铁", "益娄高铁", "娄邵铁路", "邵永高铁", "衡柳铁路"),
    ]
    # former names are one-line corridors: the seeds still write them
    assert network.corridor_lines("蒙华铁路") == ["浩吉铁路"]
    assert network.corridor_lines("衡茶吉鐵路") == ["吉衡铁路"]
    assert network.corridor_lines("浙赣铁路") == ["沪昆铁路"]
    assert network.corridor_lines("长赣高铁") == ["长赣高铁"]
    assert network.corridor_lines("岳长衡城际") == ["长岳城际", "长衡城际"]  # 株洲's name for both
    with pytest.raises(UnknownPlaceError, match="京沪高铁"):
        network.corridor_lines("京沪高铁")


def test_corridor_lines_chain_where_the_data_says_so():
    corridors = data.rail_corridors()
    assert (corridors["source"].str.len() > 0).all()
    # 呼南's 襄阳–常德 section, missing until 2026-11, is now the 宜常高铁 in Hunan
    assert (corridors["line"] != "").all()
    hunan_part = corridors[(corridors["corridor"] == "呼南高铁") & (corridors["seq"] == 1)]
    assert list(hunan_part["line"]) == ["宜常高铁"]
    stations = data.rail_lines().groupby("line")["station"].apply(set)
    breaks = []
    for corridor, rows in corridors.groupby("corridor"):
        lines = [line for line in rows["line"] if line]
        for a, b in itertools.pairwise(lines):
            if not stations[a] & stations[b]:
                breaks.append((corridor, a, b))
    # 益娄 ends at 娄底南 and 娄邵 starts at 娄底: recorded as a chain break in the row
    assert breaks == [("呼南高铁", "益娄高铁", "娄邵铁路")]
    row = corridors[corridors["line"] == "娄邵铁路"]
    assert row["note"].str.contains("chain break").all()


def test_a_corridor_named_in_a_plan_routes_along_its_lines():
    from geoplan.layers import _routed_line

    # 常德 -> 长沙 (芙蓉区 seat): a text naming 渝长厦 follows 常益长
    _line, followed = _routed_line(["430702", "430102"], "全面贯通渝长厦高铁")
    assert followed == ["常益长高铁"]


def test_tables_must_name_known_entries(monkeypatch):
    real = data._read

    def fake(name, columns, *, required):
        frame = real(name, columns, required=required)
        if name == "rail_corridors.csv":
            frame.loc[0, "line"] = "不存在铁路"
        return frame

    data.rail_corridors.cache_clear()
    monkeypatch.setattr(data, "_read", fake)
    try:
        with pytest.raises(GeoplanError, match=r"rail_corridors\.csv names .*不存在铁路"):
            data.rail_corridors()
    finally:
        data.rail_corridors.cache_clear()


def test_freight_lines_carry_no_journeys():
    lines = data.rail_lines()
    assert set(lines.loc[lines["passenger"] == "no", "line"]) == {"浩吉铁路"}
    graph = network.build_graph(year=2025)
    assert not any(d["line"] == "浩吉铁路" for _, _, d in graph.edges(data=True))


def test_planned_lines_join_the_plan_scenario_only():
    built = network.build_graph(year=2035)
    plan = network.build_graph(year=2035, scenario="plan")
    built_lines = {d["line"] for _, _, d in built.edges(data=True)}
    plan_lines = {d["line"] for _, _, d in plan.edges(data=True)}
    assert "长赣高铁" not in built_lines
    assert {"长赣高铁", "邵永高铁", "益娄高铁"} <= plan_lines


# --- graph contract -------------------------------------------------------------------------


def test_graph_contract(g2025):
    assert g2025.number_of_nodes() > 0
    for node, attrs in g2025.nodes(data=True):
        assert isinstance(node, str)
        assert {"name", "lon", "lat", "kind", "adcode"} <= set(attrs)
        assert attrs["kind"] in NODE_KINDS
        prefix = {
            "station": "station:",
            "seat": "seat:",
            "interchange": "ix:",
            "airport": "airport:",
        }
        assert node.startswith(prefix[attrs["kind"]])
    for _, _, attrs in g2025.edges(data=True):
        assert attrs["mode"] in EDGE_MODES
        assert attrs["minutes"] > 0
        assert attrs["length_km"] > 0
        assert isinstance(attrs["line"], str)


def test_rail_edges_join_across_unlocated_stations():
    plan = network.build_graph(year=2035, scenario="plan", proxies=False)
    edge = plan.get_edge_data("station:长沙西", "station:汨罗")["长岳城际"]
    assert edge["via"] == "湘阴"  # the planned 长岳城际 station has no coordinate
    assert edge["mode"] == "intercity"
    a, b = plan.nodes["station:长沙西"], plan.nodes["station:汨罗"]
    assert edge["length_km"] == pytest.approx(
        network.geodesic_km(a["lon"], a["lat"], b["lon"], b["lat"])
    )
    # the edge passes 湘阴 and reaches 汨罗: a share of a stop at each of the two
    stop = network.STOP_OVERHEAD_MIN["intercity"]
    run = network.rail_minutes(edge["length_km"], mode="intercity", design_speed_kmh=350)
    share = network.STOP_SHARE["intercity"]
    assert edge["minutes"] == pytest.approx(run - stop + 2 * share * stop)


def test_located_stations_are_nodes_in_line_order(g2025):
    # the maglev's middle station and the last 长株潭城际 halts have points now
    assert g2025.get_edge_data("station:长沙南", "station:榔梨")["长沙磁浮快线"]["via"] == ""
    assert g2025.get_edge_data("station:榔梨", "station:黄花机场")["长沙磁浮快线"]["via"] == ""
    for a, b in (("洞井", "先锋"), ("先锋", "芙蓉南"), ("芙蓉南", "暮云")):
        assert g2025.get_edge_data(f"station:{a}", f"station:{b}")["长株潭城际"]["via"] == ""


def test_a_rail_leg_ends_with_a_full_stop(g2025):
    j = network.travel_time(g2025, "株洲西", "长沙南", modes=network.RAIL_MODES)
    edge = g2025.get_edge_data("station:株洲西", "station:长沙南")["京广高铁"]
    assert j.in_vehicle_minutes == pytest.approx(edge["minutes"] + network.alighting_minutes("hsr"))
    # a whole stop on top of the run: what rail_minutes gives for one segment
    assert j.in_vehicle_minutes == pytest.approx(
        network.rail_minutes(
            edge["length_km"], mode="hsr", design_speed_kmh=350, track_km=edge["track_km"]
        )
    )


def test_stations_lie_in_their_stated_county():
    from shapely.geometry import Point

    from geoplan.gazetteer import admin_units

    counties = admin_units("county")
    located = data.rail_stations().dropna(subset=["lon", "lat"])
    for row in located.itertuples():
        inside = counties[counties.contains(Point(row.lon, row.lat))]
        assert list(inside["adcode"]) == [row.adcode], row.name


def test_geodesic_length_is_exact():
    assert network.geodesic_km(113.0, 28.0, 113.0, 29.0) == pytest.approx(110.8, abs=0.05)


def test_rail_minutes_model():
    # 40 km HSR hop: 40 * the 350 km/h lines' route factor / (350*0.88) * 60 + 5
    factor = network.route_factor("hsr", 350)
    assert network.rail_minutes(40, mode="hsr", design_speed_kmh=350) == pytest.approx(
        40 * factor / 308 * 60 + 5
    )
    with pytest.raises(GeoplanError):
        network.rail_minutes(40, mode="bus", design_speed_kmh=80)


def test_a_section_speed_holds_on_the_segments_it_covers(monkeypatch):
    """A timetable section of ``rail_section_speeds.csv`` that covers a segment and holds in the
    year gives its speed, else the narrowest other section; elsewhere the line's design speed."""
    sections = pd.DataFrame(
        {
            "line": ["沪昆铁路"] * 4,
            "from_station": ["株洲", "娄底", "娄底", "株洲"],
            "to_station": ["怀化", "怀化", "怀化", "怀化"],
            "speed_kmh": [140.0, 100.0, 200.0, 90.0],
            "speed_kind": ["design", "max_operating", "max_operating", "timetable"],
            "year_from": pd.array([None, None, 2030, 2021], dtype="Int64"),
            "year_to": pd.array([None, 2029, None, 2029], dtype="Int64"),
        }
    )
    monkeypatch.setattr(data, "rail_section_speeds", lambda: sections)
    seq = {r.station: int(r.seq) for r in data.rail_lines().itertuples() if r.line == "沪昆铁路"}

    def speed(a: str, b: str, year: int) -> tuple[float, str]:
        return network._section_speed("沪昆铁路", seq[a], seq[b], year=year, default=160.0)

    assert speed("娄底", "冷水江东", 2020) == (100.0, "max_operating")  # the narrower section
    assert speed("冷水江东", "怀化", 2035) == (200.0, "max_operating")  # from a later year
    assert speed("湘潭", "湘乡", 2020) == (140.0, "design")
    # a timetable speed wins over narrower design and top speeds, in its years
    assert speed("湘潭", "湘乡", 2023) == (90.0, "timetable")
    assert speed("娄底", "冷水江东", 2023) == (90.0, "timetable")
    assert speed("醴陵", "株洲", 2020) == (160.0, "design")  # outside every section
    assert network._section_speed("京广铁路", 1, 2, year=2020, default=160.0) == (160.0, "design")


def test_a_station_opened_between_open_ones_is_passed_before_it_opens(g2025):
    """长株潭城际's trains call at 株洲 from 2021-01-28 (rail_lines.csv, section_opened 2021);
    before, they ran 大丰-株洲南 past it, with no stop there, and the line did not end at 大丰."""
    chain = data.rail_chainages()
    before = network.build_graph(year=2020, proxies=False)
    passed = before.get_edge_data("station:大丰", "station:株洲南")["长株潭城际"]
    assert passed["via"] == ""  # not a stop passed: the station did not exist for the line
    assert "长株潭城际" not in (before.get_edge_data("station:大丰", "station:株洲") or {})
    a = g2025.get_edge_data("station:大丰", "station:株洲")["长株潭城际"]
    b = g2025.get_edge_data("station:株洲", "station:株洲南")["长株潭城际"]
    # 株洲 is 72 km from 长沙西 and 株洲南 80 (rail_chainages.csv)
    assert b["track"] == "chainage"
    assert b["track_km"] == pytest.approx(chain[("长株潭城际", "株洲南")] - 72)
    # the new stop costs a stop
    stop = network.STOP_OVERHEAD_MIN["intercity"] * network.STOP_SHARE["intercity"]
    assert a["stop_minutes"] + b["stop_minutes"] == pytest.approx(passed["stop_minutes"] + stop)
    # an extension at a line's end still waits for its year: 长沙西 opened in 2017
    assert "station:麓谷" not in network.build_graph(year=2016, proxies=False)


def test_conventional_runs_ride_new_lines_at_their_class_speed():
    """K trains run from 衡阳站 onto 衡柳 and over 怀衡 to 怀化 (rail_conventional_runs.csv):
    a line of their own in the graph, at RUN_CRUISE_FRACTION of the K class's 120 km/h, not at
    the 200 km/h lines' EMU speed; a ride on one is a change of train from the line's EMUs."""
    g = network.build_graph(year=2023, proxies=False)
    edge = g.get_edge_data("station:衡阳", "station:祁东")["衡柳普速列车"]
    assert edge["mode"] == "conventional" and edge["runs_on"] == "衡柳铁路"
    assert edge["speed_kind"] == "train class" and edge["speed_kmh"] == 120.0
    # 75 km from 衡阳站 (rail_chainages.csv) at 0.86 x 120 km/h, half a stop at each end
    running = 75 / (120 * network.RUN_CRUISE_FRACTION) * 60
    assert edge["track_km"] == 75.0
    assert edge["minutes"] == pytest.approx(running + edge["stop_minutes"])
    assert edge["stop_minutes"] == pytest.approx(6.0 * 0.5)
    # the EMUs of 衡柳 still start at 衡阳东, at their line's speed
    emu = g.get_edge_data("station:衡阳东", "station:祁东")["衡柳铁路"]
    assert emu["mode"] == "hsr" and emu["minutes"] < edge["minutes"]
    # 怀化南 takes K trains from 2021-04-10: before, they pass it (安江东-怀化 in one edge)
    assert g.has_edge("station:安江东", "station:怀化南")
    assert "怀衡普速列车" in g.get_edge_data("station:怀化南", "station:怀化")
    before = network.build_graph(year=2020, proxies=False)
    assert "怀衡普速列车" in before.get_edge_data("station:安江东", "station:怀化")
    assert "怀衡普速列车" not in (before.get_edge_data("station:怀化南", "station:怀化") or {})
    # the runs began with the 2019 timetable (怀衡) and 衡柳's opening (2013)
    lines = {d["line"] for _, _, d in network.build_graph(year=2018).edges(data=True)}
    assert "衡柳普速列车" in lines and "怀衡普速列车" not in lines


def test_conventional_runs_table_is_checked(monkeypatch):
    real = data._read
    cases = {
        "on_line": ("不存在铁路", r"rail_conventional_runs\.csv names .*不存在铁路"),
        "run": ("怀邵衡铁路", r"runs named like lines: \['怀邵衡铁路'\]"),
        "train_class": ("G", r"train_class must be K, T or Z"),
    }
    for column, (value, message) in cases.items():

        def fake(name, columns, *, required, column=column, value=value):
            frame = real(name, columns, required=required)
            if name == "rail_conventional_runs.csv":
                frame.loc[frame.index[-1], column] = value
            return frame

        data.rail_conventional_runs.cache_clear()
        monkeypatch.setattr(data, "_read", fake)
        try:
            with pytest.raises(DataError, match=message):
                data.rail_conventional_runs()
        finally:
            monkeypatch.setattr(data, "_read", real)
            data.rail_conventional_runs.cache_clear()


def test_a_direct_train_is_one_train_and_may_be_slower_than_a_change():
    """``catchment.direct_train`` is what a timetable quotes: one train, running through
    where trains do, never a change."""
    g = network.build_graph(year=2023, proxies=False)
    # 常德-长沙: one G train over 常益长 and on over 长株潭城际 (rail_services.csv)
    ride = catchment.direct_train(g, "station:常德", "station:长沙")
    assert [leg.line for leg in ride.legs] == ["常益长高铁", "长株潭城际"]
    assert ride.legs[1].through
    # 衡阳-邵阳: the K train of 怀衡 all the way; the quickest journey changes at 西渡 onto
    # 怀邵衡's EMUs and rides less
    ride = catchment.direct_train(g, "station:衡阳", "station:邵阳")
    assert [leg.line for leg in ride.legs] == ["怀衡普速列车"]
    quickest = network.travel_time(g, "station:衡阳", "station:邵阳", modes=network.RAIL_MODES)
    assert len(quickest.legs) == 2 and not quickest.legs[1].through
    assert quickest.in_vehicle_minutes < ride.in_vehicle_minutes
    assert quickest.minutes <= ride.minutes
    # no train of the model runs 永州-株洲 without a change; a seat is no station
    with pytest.raises(DataError, match="no train runs from station:永州 to station:株洲"):
        catchment.direct_train(g, "station:永州", "station:株洲")
    with pytest.raises(GeoplanError, match="not a station"):
        catchment.direct_train(g, "长沙", "station:株洲")


def test_a_nonstop_train_passes_the_halts_without_a_stop():
    """A train that calls nowhere between two stations (a timetable's time between two
    consecutive calls) passes each halt without the share of a stop the fastest service
    makes there; the ride keeps one whole stop, its start and its end."""
    g = network.build_graph(year=2023, proxies=False)
    a, b = "station:观沙岭", "station:麓谷"  # 八方山, 谷山 and 尖山 lie between
    stopping = catchment.direct_train(g, a, b)
    nonstop = catchment.direct_train(g, a, b, nonstop=True)
    assert [leg.line for leg in nonstop.legs] == [leg.line for leg in stopping.legs]
    per_stop = network.STOP_OVERHEAD_MIN["intercity"] * network.STOP_SHARE["intercity"]
    passed = stopping.in_vehicle_minutes - nonstop.in_vehicle_minutes
    assert passed == pytest.approx(3 * per_stop)
    # the running minutes of the four segments, and one whole stop
    n = network.nonstop_graph(g)
    path = ["station:观沙岭", "station:八方山", "station:谷山", "station:尖山", "station:麓谷"]
    running = sum(n.edges[u, v, "长株潭城际"]["minutes"] for u, v in itertools.pairwise(path))
    assert nonstop.in_vehicle_minutes == pytest.approx(
        running + network.STOP_OVERHEAD_MIN["intercity"]
    )
    # the row of scheduled_times.csv (D7468, 2023, no stop between) says 5 min
    assert nonstop.in_vehicle_minutes == pytest.approx(6.2, abs=0.1)
    # a neighbouring pair passes nothing: a non-stop train is the train as built
    one = [catchment.direct_train(g, a, "station:八方山", nonstop=x) for x in (False, True)]
    assert one[0].in_vehicle_minutes == pytest.approx(one[1].in_vehicle_minutes)
    # only rail edges lose their stops
    for u, v, key, d in n.edges(keys=True, data=True):
        before = g.edges[u, v, key]
        if d["mode"] in network.RAIL_MODES:
            assert d["stop_minutes"] == 0.0
            assert d["minutes"] == pytest.approx(before["minutes"] - before["stop_minutes"])
        else:
            assert d == before


def test_a_train_of_a_conventional_class_rides_as_its_class_does():
    """A K, T or Z train runs the 200 km/h mixed lines at its class's run speed and never a
    line for EMUs alone; G, D, C and S trains ride the graph as built (its fastest service)."""
    g = network.build_graph(year=2023, proxies=False)
    fastest = catchment.direct_train(g, "station:邵东", "station:娄底")
    by_class = {
        cls: catchment.direct_train(g, "station:邵东", "station:娄底", train_class=cls)
        for cls in ("K", "T", "Z", "G")
    }
    assert [leg.line for leg in by_class["K"].legs] == ["娄邵铁路"]
    assert by_class["G"].in_vehicle_minutes == fastest.in_vehicle_minutes
    minutes = [by_class[c].in_vehicle_minutes for c in ("G", "Z", "T", "K")]
    assert minutes == sorted(minutes) and len(set(minutes)) == 4
    # the K train: the 200 km/h line at 0.86 x 120 km/h, conventional stop constants; the
    # row of scheduled_times.csv (K576, 2023) says 51 min
    assert by_class["K"].in_vehicle_minutes == pytest.approx(48.1, abs=0.1)
    # no K train on 京广高铁 or 长株潭城际; conventional lines keep their times
    with pytest.raises(DataError, match="no train runs"):
        catchment.direct_train(g, "station:长沙南", "station:衡阳东", train_class="K")
    k = network.train_class_graph(g, "K")
    assert not {d["mode"] for *_, d in k.edges(data=True)} & {"hsr", "intercity", "maglev"}
    assert (
        k["station:长沙"]["station:株洲"]["京广铁路"]
        == g["station:长沙"]["station:株洲"]["京广铁路"]
    )
    assert network.train_class_graph(g, "G") is g
    with pytest.raises(GeoplanError, match="unknown train class 'X'"):
        catchment.direct_train(g, "station:邵东", "station:娄底", train_class="X")
    # a row of the table names its train: the class is the letter of the first number
    assert [network.train_class_of(t) for t in ("K576", "过K1562 南宁", "S7802 (观沙岭", "")] == [
        "K",
        "K",
        "S",
        None,
    ]


def test_rail_edges_run_on_sourced_track_length(g2025):
    """A segment between two stations with chainages runs their difference; a run of segments
    between two such stations shares it by straight line; others keep straight line x 1.12."""
    chain = data.rail_chainages()

    def edge(u: str, v: str, line: str) -> dict:
        return g2025.get_edge_data(f"station:{u}", f"station:{v}")[line]

    xt = edge("湘潭", "湘乡", "沪昆铁路")
    assert xt["track"] == "chainage"
    assert xt["track_km"] == pytest.approx(
        chain[("沪昆铁路", "湘乡")] - chain[("沪昆铁路", "湘潭")]
    )
    # 湘潭-湘乡 lies in 沪昆铁路's 株洲-娄底 section: its timetable speed, run as it is, wins
    # over the sourced 120 km/h top speed (rail_section_speeds.csv)
    assert (xt["speed_kmh"], xt["speed_kind"]) == (94.0, "timetable")
    stop = network.STOP_OVERHEAD_MIN["conventional"] * network.STOP_SHARE["conventional"]
    assert xt["stop_minutes"] == pytest.approx(stop)
    assert xt["minutes"] == pytest.approx(xt["track_km"] / 94.0 * 60 + stop)
    # the same segment in 2010, before the timetable rows: 120 at the conventional fraction
    old = network.build_graph(year=2010, proxies=False)
    early = old.get_edge_data("station:湘潭", "station:湘乡")["沪昆铁路"]
    assert (early["speed_kmh"], early["speed_kind"]) == (120.0, "max_operating")
    assert early["minutes"] == pytest.approx(
        early["track_km"] / (120 * network.CRUISE_FRACTION["conventional"]) * 60 + stop
    )
    # 冷水江东 has no chainage: 娄底-冷水江东-怀化 shares 娄底-怀化 by straight line
    a, b = edge("娄底", "冷水江东", "沪昆铁路"), edge("冷水江东", "怀化", "沪昆铁路")
    assert a["track_km"] + b["track_km"] == pytest.approx(
        chain[("沪昆铁路", "怀化")] - chain[("沪昆铁路", "娄底")]
    )
    assert a["track_km"] / b["track_km"] == pytest.approx(a["length_km"] / b["length_km"])
    other = edge("株洲", "醴陵", "沪昆铁路")  # 醴陵 has no chainage, nor a station beyond it
    assert other["track"] == "route factor"
    factor = network.route_factor("conventional", 160)  # 沪昆铁路's design speed
    assert other["track_km"] == pytest.approx(other["length_km"] * factor)


def test_scenario_is_validated():
    with pytest.raises(GeoplanError):
        network.build_graph(year=2025, scenario="dream")


def test_years_filter_lines():
    old = network.build_graph(year=1950, proxies=False)
    assert old.has_edge("station:株洲", "station:衡山")  # 京广 (粤汉) 1936
    assert old.has_edge("station:衡山", "station:衡阳")
    assert not any(d["mode"] == "hsr" for _, _, d in old.edges(data=True))
    assert not old.has_edge("station:株洲", "station:湘潭")  # 沪昆铁路 through line later


def test_expressway_years():
    ways = data.expressways()
    g2025 = network.build_graph(year=2025)
    on = {d["line"] for _, _, d in g2025.edges(data=True) if d["mode"] == "expressway"}
    # a section open with no sourced year is open in every year: all of G60 has no year
    assert ways.loc[ways["code"] == "G60", "opened"].isna().all()
    assert {"G60", "G0401", "G5513"} <= on
    # sourced years still filter: G59's sections opened in 2025 and 2026
    assert "G59" not in {d["line"] for _, _, d in network.build_graph(year=2010).edges(data=True)}
    # G5513 from Ma and Tang (2024): 长沙-益阳-常德 1998, 常德-张家界 (常张) 2005
    g2000 = network.build_graph(year=2000, proxies=False)
    assert g2000.has_edge("ix:G5513:岳麓区", "ix:G5513:宁乡市")
    assert g2000.has_edge("ix:G5513:汉寿县", "ix:G5513:鼎城区")
    assert not g2000.has_edge("ix:G5513:鼎城区", "ix:G5513:桃源县")
    assert g2025.has_edge("ix:G5513:鼎城区", "ix:G5513:桃源县")
    planned = set(ways.loc[ways["status"] == "planned", "code"])
    assert planned and not planned & on


# --- model against scheduled times -----------------------------------------------------------


def _checkable():
    """Rows marked ``check=yes`` whose two stations are located, with the graph of their year."""
    graphs: dict[int, nx.MultiGraph] = {}
    rows = []
    for row in SCHEDULED.itertuples():
        # a row without a date (株洲西-长沙南, a station description) is compared with 2025
        year = int(row.date[:4]) if isinstance(row.date, str) else 2025
        if year not in graphs:
            graphs[year] = network.build_graph(year=year, proxies=False)
        graph = graphs[year]
        a, b = f"station:{row._1}", f"station:{row.to}"
        if row.check == "yes" and a in graph and b in graph:
            rows.append((row, graph))
    return rows


def test_scheduled_table_is_sourced():
    assert len(SCHEDULED) == 373
    assert SCHEDULED["source"].str.len().gt(10).all()
    assert SCHEDULED["minutes"].astype(int).gt(0).all()
    assert set(SCHEDULED["check"]) == {"yes", "no"}
    assert (SCHEDULED["check"] == "yes").sum() == 340
    assert set(SCHEDULED["kind"]) == {"rail", "road"}
    # the 31 rail rows the speed constants were chosen on, the 21 more the timetable speeds of
    # conventional sections were fitted on (rail_section_speeds.csv), the 30 more the intercity
    # stop constants were fitted on, the 4 the run cruise fraction was fitted on and the 14
    # driving rows the expressway speed was fitted on are marked used; the other compared rows
    # judge the model
    used = SCHEDULED["calibration"] == "used"
    assert set(SCHEDULED["calibration"]) == {"used", "not used"}
    assert used.sum() == 100 and (SCHEDULED.loc[used, "check"] == "yes").all()
    assert (used & (SCHEDULED["kind"] == "rail")).sum() == 86
    held_out = SCHEDULED[(SCHEDULED["check"] == "yes") & ~used]
    assert held_out["note"].str.contains("after the constants were set").all()
    # every row left out of the model check says why in its note
    unchecked = SCHEDULED[SCHEDULED["check"] == "no"]
    reasons = "not checked|not a direct path|not compared|not shown to be the fastest"
    assert unchecked["note"].str.contains(reasons).all()
    dated = SCHEDULED["date"].dropna()
    assert len(dated) == 363
    assert dated.str.fullmatch(r"\d{4}(-\d{2}){0,2}").all()


def test_scheduled_rows_say_their_basis():
    # one rule for every row (README.network.md): a time is a forecast when every source the row
    # cites for it was written before the line, road or timetable it is about opened to the
    # public (announcements, trial runs); otherwise a timetable. Set in 2026-12 after the
    # model's errors were seen; each forecast row's note says so and why
    assert set(SCHEDULED["basis"]) == {"timetable", "forecast"}
    forecast = SCHEDULED[SCHEDULED["basis"] == "forecast"]
    assert len(forecast) == 20  # 19 rows, and one driving row appended later (龙山-吉首)
    assert forecast["note"].str.contains("basis forecast (2026-12", regex=False).all()
    assert (
        not SCHEDULED.loc[SCHEDULED["basis"] == "timetable", "note"]
        .str.contains("basis forecast")
        .any()
    )
    compared = forecast[forecast["check"] == "yes"]
    assert (compared["kind"] == "rail").sum() == 7 and (compared["kind"] == "road").sum() == 3
    # two of the held-out rail rows beyond 15 % are forecasts
    pairs = zip(compared["from"], compared["to"], strict=True)
    assert {pair for pair in pairs if pair in HELD_OUT_BEYOND_15} == {
        ("张家界西", "吉首东"),
        ("长沙南", "邵阳北"),
    }


def test_timetable_speeds_name_their_fit_and_judged_rows():
    """Each ``timetable`` section of rail_section_speeds.csv is fitted, says so, and names the
    rows of scheduled_times.csv it was fitted on (marked ``used``) and those that judge it
    (``not used``): rail rows between two stations of the section's line."""
    sections = data.rail_section_speeds().query("speed_kind == 'timetable'")
    assert len(sections) >= 4
    on_line = set(zip(data.rail_lines()["line"], data.rail_lines()["station"], strict=True))
    for s in sections.itertuples():
        assert s.confidence == "fitted" and "calibrate_timetable_speeds" in s.source, s
        fit = [int(n) for n in re.search(r"fit rows? ([\d ]+)", s.note).group(1).split()]
        judged = re.search(r"judged rows? ([\d ]+)", s.note)
        judged = [int(n) for n in judged.group(1).split()] if judged else []
        for i in fit + judged:
            row = SCHEDULED.loc[i]
            assert row["kind"] == "rail" and row["check"] == "yes", (s.line, i)
            assert {(s.line, row["from"]), (s.line, row["to"])} <= on_line, (s.line, i)
            assert row["calibration"] == ("used" if i in fit else "not used"), (s.line, i)
        # it holds from the year of its earliest fit row
        assert s.year_from == min(int(SCHEDULED.loc[i, "date"][:4]) for i in fit), s.line


INTERCITY_USED_BEFORE = {12, 40, 42}
"""Rows of the intercity group that had set the intercity constants before their fit."""


@functools.cache
def _intercity_group() -> tuple[int, ...]:
    """The compared rail rows whose quickest journey rides intercity lines alone
    (benchmarks/bench_catchment.py ``intercity_group``)."""
    group = []
    for row, graph in _checkable():
        a, b = f"station:{row._1}", f"station:{row.to}"
        journey = network.travel_time(graph, a, b, modes=network.RAIL_MODES)
        if {leg.mode for leg in journey.legs} == {"intercity"}:
            group.append(row.Index)
    return tuple(group)


@functools.cache
def _nonstop_rows() -> frozenset[int]:
    """Rows of the intercity group whose train runs between their stations without a call,
    by the row's own words (benchmarks/bench_catchment.py ``nonstop_rows``)."""
    says = SCHEDULED["train"].fillna("").str.contains("non-stop|no stop between")
    return frozenset(i for i in _intercity_group() if says[i])


def test_intercity_stop_constants_name_their_fit_and_judged_rows():
    """The intercity ``STOP_OVERHEAD_MIN`` and ``STOP_SHARE`` were fitted on the compared rail
    rows whose journey rides intercity lines alone (benchmarks/bench_catchment.py
    ``calibrate_intercity_stops``, and with the intercity ``CRUISE_FRACTION``
    ``calibrate_intercity``): rows used before stay used; of the others in table order the
    first, third, fifth ... are fit rows, the rest judge. The rule looks at routes, not errors."""
    group = list(_intercity_group())
    assert len(group) == 63
    others = [i for i in group if i not in INTERCITY_USED_BEFORE]
    fit = set(others[::2])
    for i in group:
        want = "used" if i in INTERCITY_USED_BEFORE or i in fit else "not used"
        assert SCHEDULED.loc[i, "calibration"] == want, i
        note = SCHEDULED.loc[i, "note"]
        assert ("fit row of the intercity stop constants" in note) == (i in fit), i
    assert (len(fit), len(others) - len(fit)) == (30, 30)
    # 53 of the 63 time a run without a call (2023 12306 stop lists) and compare with a train
    # that makes none; the fit rows of 2016-2017 time stopping C trains
    nonstop = _nonstop_rows()
    assert len(nonstop) == 53
    assert all(SCHEDULED.loc[i, "date"] == "2023" for i in nonstop)


def test_run_cruise_fraction_names_its_fit_and_judged_rows():
    """``RUN_CRUISE_FRACTION`` was fitted on the compared rail rows whose direct train in the
    model runs on a conventional run (benchmarks/bench_catchment.py ``calibrate_run_cruise``):
    of them in table order the first, third, fifth ... are fit rows, the rest judge."""
    routes = network.rail_routes()
    runs = set(routes.loc[routes["runs_on"] != routes["line"], "line"])
    assert runs == {"怀衡普速列车", "衡柳普速列车"}
    group = []
    for row, graph in _checkable():
        try:
            train = catchment.direct_train(graph, f"station:{row._1}", f"station:{row.to}")
        except DataError:
            continue
        if any(leg.line in runs for leg in train.legs):
            group.append(row.Index)
    assert len(group) == 7
    fit = set(group[::2])
    for i in group:
        assert SCHEDULED.loc[i, "calibration"] == ("used" if i in fit else "not used"), i
        note = SCHEDULED.loc[i, "note"]
        assert ("fit row of the run cruise fraction" in note) == (i in fit), i
    assert SCHEDULED["note"].str.contains("fit row of the run cruise fraction").sum() == 4


HELD_OUT_BEYOND_15 = {
    # the 娄底南 link's junction, length and speed are not sourced (rail_lines.csv): drawn as a
    # straight segment at the main line's 200 km/h, the model runs it 18 % fast; the opening
    # report says G trains run the 娄邵 line only at 快铁 speed
    ("娄底南", "邵阳"): (0.20, "娄邵 link not sourced"),
    # 沪昆高铁's trains of 2014-2015 were slower than those of 2023-2025, which the constants fit
    # (长沙南-怀化南: 101 min at the opening, 82 in 2023-2025): the model runs it 19 % fast
    # (21 % on the sourced track km of 长沙南-湘潭北 and 韶山南-怀化南)
    ("新化南", "长沙南"): (0.25, "an early timetable, slower than today's"),
    # the only pair of trains at the opening of 黔张常, "about 4 and a half hours"; the same item
    # gives "about 3 hours" to 张家界西, where the fastest train of the 2019-12-30 timetable took
    # 2 h 40 (a row above): its round figures run long (model -22 %)
    ("长沙", "龙山北"): (0.25, "round figure for the one train at the opening"),
    # 常益长 trains run on over the 长沙西-长沙 section as 长株潭城际 intercity trains in the
    # model, stopping at 80 % of its six halts (20.9 of the model's 37.1 min); the G trains'
    # stops on that section are not sourced (model +20 %; +11 % since the intercity stop
    # constants were fitted, 2026-12-04)
    # "only half an hour" seven weeks before the 张吉怀 opening for 130 km of chords between
    # stations (260 km/h start to stop); the official 张家界西-怀化南 figure, a row used for
    # calibration, is 70 min for the whole line (model +22 %)
    ("张家界西", "吉首东"): (0.25, "a round forecast before the opening"),
    # "one hour" seven months before the opening: as 新化南-长沙南, 沪昆高铁's trains of 2014-2015
    # were slower than the later ones the constants fit; the opening-day G6409 also took 60 min
    # (model -22 %; -25 % since 沪昆高铁's track without a chainage runs on the factor measured
    # on the chainages of lines built for 350 km/h, 1.06, network.route_factor, 2026-12-06)
    ("长沙南", "邵阳北"): (0.30, "an early timetable, slower than today's"),
    # the day's few express trains stopping only at 大丰 ("about 35 min"); the intercity constants
    # stop at 80 % of the halts, chosen on the 39-min train of 2016-2017 (model +23 %; +12 %
    # since the intercity stop constants were fitted, 2026-12-04)
    # the 14 rows of the station timetables of 2020 (thaddywu/RailwayVIS), written before the
    # model was run on them (2026-12, wip/16u); a key with a date is that row alone.
    # 湘潭-怀化 (329, 325 min for 417 sourced track km) came within 15 % once 沪昆铁路's
    # 株洲-怀化 section ran at its sourced 120 km/h (rail_section_speeds.csv: -5 %, -4 %; at the
    # line's 160 -28 %, -27 %; on 1.12 x the chords -42 %, -41 %)
    # eastbound trains take 43-52 min over the 25 min of the westbound ones (-49 %): the
    # timetable's allowance in that direction, not the distance
    ("湘潭", "株洲"): (0.55, "eastbound allowance in the timetable"),
    # one late train at 33 min, the next fastest 40: an express, as the 2017 ones (+16 %)
    ("湘潭", "长沙", "2020"): (0.20, "one express, the model's train stops at most halts"),
    # C6901, 41 min: a train calling at every halt, where the intercity constants refitted on
    # the 2023 runs (2026-12-08) call at 40 % of them (-12 % before, -19 % after)
    ("长沙", "湘潭", "2020"): (0.20, "a train calling at every halt; the model's at 40 %"),
    # 21 sealed rows (2019-2020 station timetables, thaddywu/RailwayVIS): written by a helper who
    # never ran the model and added after the chainage model was committed (2026-12); 6 of 21
    # within 15 %, median 22.1 %. With 沪昆铁路 株洲-怀化 at its sourced 120 km/h, 株洲-怀化 and
    # 怀化-株洲 came within 15 % (-5 %, -12 %; at 160: -27 %, -33 %); 焦柳 张家界-怀化 keeps the
    # line's 120 (no section figure for the 武陵山 stretch): 234 km in 212-216 min (-17 %, -19 %)
    # (-17 %, -19 %). Since the timetable speeds (rail_section_speeds.csv, 2026-12-04) 张家界-怀化
    # is a fit row and 怀化-张家界 is within 15 % (-2 %)
    # 30 sealed rows (2023 12306 stop lists of single trains, the fastest non-stop run between
    # two stations; Zhang-Yukun/2023ComplexNetworkProject), written by a helper who never ran
    # the model and added after the section speeds were committed (2026-12): 25 of 30 within
    # 15 %, median 7.0 %. Beyond:
    # 沪昆铁路's 株洲-娄底 section runs at the sourced 120 km/h; the 2023 Z and K trains run
    # faster there (at the line's 160: about -1 %, -9 %), the 2015 fit rows slower (+10 %, +9 %
    # at 120; -12 %, -15 % at 160): the source's one figure for 株洲-怀化 fits the west better
    # (湘潭-湘乡 +31 %, 湘潭-娄底 +20 %). Since the section's timetable speed (94 km/h) 湘潭-湘乡
    # is a fit row (+20 %) and 湘潭-娄底 is within 15 % (+9 %)
    # 洛湛 邵阳-永州 keeps the line's 120 (no section figure found); the T train takes 190 min
    ("娄底", "永州"): (0.40, "a slow single-track section without a sourced speed"),
    # 焦柳 张家界-吉首-怀化 kept the line-wide 120 (as 张家界-怀化 above: 怀化-吉首 -16 %); a fit
    # row of the section's timetable speed since
    # 衡山西-株洲西 +25 % came within 15 % (+2 %) once 京广高铁's chainages from a source's
    # 136 km 长沙南-衡山西 were dropped (test_rail_chainages_are_sourced_and_consistent)
    # the one direct train from 京广 or 长株潭城际 onto 石长 (and 黔张常) is a K, T or C train
    # slower than the C trains 长沙-常德 the model rides from 长沙 on (-14 % to -31 % while the
    # model changed trains at 长沙; -10 % to -28 % since the K and T trains run through there
    # and stand 13.5 min reversing, rail_services.csv; 常德-衡阳 -17 -> -13 %)
    ("株洲", "常德"): (0.35, "a slow direct train; the model rides 石长's C trains"),
    ("常德", "株洲"): (0.35, "a slow direct train; the model rides 石长's C trains"),
    # since 2026-12-07 a row of a K, T or Z train rides as its class does
    # (network.train_class_graph): 黔张常, a 200 km/h line, at the class's run speed; 衡阳-张家界西
    # (K) -22 -> -12 % within, 张家界西-衡阳 (T) -23 -> -16 %, 株洲-张家界西 (K) -30 -> -17 %
    ("张家界西", "衡阳"): (0.20, "a slow direct train; 石长 at its C trains' speed"),
    ("株洲", "张家界西"): (0.20, "a slow direct train; 石长 at its C trains' speed"),
    ("常德", "湘潭"): (0.35, "a slow direct train; the model rides 石长's C trains"),
    ("张家界西", "湘潭"): (0.35, "a slow direct train; the model rides 石长's C trains"),
    # (with 石长's timetable speed of its EMUs, 118 km/h, two more: 常德-衡阳 -16 %, 湘潭-张家界西
    # -15 %)
    ("常德", "衡阳"): (0.20, "a slow direct train; the model rides 石长's C trains"),
    ("湘潭", "张家界西"): (0.20, "a slow direct train; the model rides 石长's C trains"),
    # the K trains 衡阳-湘潭 run through from 京广 onto 沪昆 at 株洲 (rail_services.csv); while
    # the model changed trains there, its quickest journey changed at 长沙 instead (+15 %,
    # +34 %); riding through by 株洲 it takes 105 min: 衡阳-湘潭 -6 %, and the southbound
    # timetable allows 130 min (-19 %; -22 % with the timetable speeds of 京广 and 沪昆), as
    # 湘潭-株洲 allows more than 株洲-湘潭
    ("湘潭", "衡阳"): (0.25, "the southbound timetable's allowance"),
    # 株洲西-衡阳东 and back (+23 % on a source's 136 km 长沙南-衡山西, 137 track km run in
    # 27 min) came within 15 % (+10 %) once those chainages were dropped
    # 30 sealed rows of a third round (2023 12306 runs, Zhang-Yukun/2023ComplexNetworkProject;
    # three 2020 station-timetable rows of K1374), aimed at through trains and thin lines,
    # written by a helper who never ran the model and added after the chainage and
    # through-train commits (2026-12-04): 18 of 30 within 15 %, median 11.7 %. Beyond:
    # 沪昆 株洲-娄底 at its sourced 120 km/h, which the 2023 trains beat (as 湘潭-湘乡: 株洲-湘乡
    # +22 %, a fit row of the section's timetable speed since)
    # the 娄邵 line runs at the 200 km/h of its rebuilding; between 娄底 and 邵东 only K trains
    # call, far slower (-42 %; -6 % since the row's K train rides as its class does)
    # single-track 醴茶 and 吉衡 at their lines' 120 and 160 km/h: no section figure found
    # (茶陵南-衡阳 -19 -> -15 % once 茶陵西, passed on the way, joined the line; -18 % once trains
    # no longer stop at 茶陵西; 醴陵-攸县 -21 %, the fit row of 醴茶's timetable speed since). 吉衡
    # has no timetable speed: its four fit rows disagree (85 km/h leaves them 25 % off)
    ("茶陵南", "衡阳"): (0.20, "a slow single-track line without a section speed"),
    # the 160 km/h stated for 洛阳-张家界 is the line's top speed, not the K trains'
    # (张家界-石门县北 -38 %, the fit row of the section's timetable speed since)
    ("张家界", "常德"): (0.35, "long-haul K trains slower than the fastest-service model"),
    ("怀化", "常德"): (0.35, "long-haul K trains slower than the fastest-service model"),
    ("张家界", "长沙"): (0.30, "long-haul K trains slower than the fastest-service model"),
    # a Z train from 黔张常 onto 石长, slower than the C trains the model rides (as 株洲-常德;
    # -19 -> -6 % since the Z train rides 黔张常 at its class's speed)
    # 张吉怀's 245 km are shared among its segments by straight line; the line bends between
    # 张家界西 and 芙蓉镇 more than south of it
    ("张家界西", "芙蓉镇"): (0.20, "a line's chainage shared by straight line"),
    # an express on the 湘潭 branch of 长株潭城际 (+30 % while the model's trains stopped at 80 %
    # of the halts) came within 15 % (-5 %) once a row that says its train runs without a call
    # compared with a train that makes none and the intercity constants were refitted on that
    # comparison (2026-12-08)
    # 攸县-茶陵南 (+535 %: the data lacked the 醴茶-吉衡 junction at 茶陵西, and the model went
    # round) came within 15 % (-7 %) once 茶陵西 joined both lines (rail_services.csv, K9233)
    # 29 sealed rows of a fourth round (2023 12306 runs, one 2020 K1373 row), a broad spread not
    # aimed at weak spots, written by a helper who never ran the model and added after the
    # 茶陵西 commit (2026-12-04): 18 of 29 within 15 %, median 12.0 %. Beyond:
    # K trains on 黔张常, a line the model runs at its EMUs' 200 km/h (as 邵东-娄底)
    # (长沙-桃源 -59 -> -25 %, 桃源-益阳 -33 -> -22 % since the K train rides as its class does:
    # 黔张常 at a K train's speed, 石长 still at its C trains')
    ("长沙", "桃源"): (0.30, "a K train; 石长 at its C trains' speed"),
    ("桃源", "益阳"): (0.25, "a K train; 石长 at its C trains' speed"),
    # a D train 张家界西-桃源 slower than the model's (+17 %)
    ("张家界西", "桃源"): (0.20, "a D train slower than the fastest-service model"),
    # 沪昆 株洲-怀化 at its sourced 120 km/h, which the 2023 trains beat (as 湘潭-湘乡)
    # (娄底-湘乡 +17 %, 娄底-冷水江东 +18 %; with the sections' timetable speeds since, +6 % and a
    # fit row)
    # single-track 吉衡 at its line's 160 km/h; K trains take longer (as 茶陵南-衡阳)
    ("衡阳", "安仁"): (0.30, "a slow single-track line without a sourced section speed"),
    ("攸县南", "衡阳"): (0.30, "a slow single-track line without a sourced section speed"),
    # short hops on 吉衡 (15 and 24 min) where the model's stop allowances (half a conventional
    # stop at each station passed, 茶陵西 among them, and the final one) outweigh the run
    ("茶陵南", "安仁"): (0.40, "a short hop: the model's stop allowances outweigh the run"),
    ("茶陵南", "攸县南"): (0.55, "a short hop: the model's stop allowances outweigh the run"),
    # 怀邵衡 西渡-衡阳东 runs its sourced 44 km; the G train takes 24 min (-17 %)
    ("衡阳东", "西渡"): (0.20, "a slower train than the fastest-service model on a loop"),
    # K1373 by 长沙 (standing 33 min), 石长 and 焦柳 (as 张家界-长沙)
    ("株洲", "张家界"): (0.40, "long-haul K trains slower than the fastest-service model"),
}
"""Held-out rail rows known to lie beyond 15 %: the bound they are held to, and why."""

FIT_BEYOND_20 = {
    # the two fit rows of 沪昆 娄底-怀化's timetable speed disagree: 怀化-娄底 -1 %, this +25 %
    # (冷水江东 has no chainage, and 娄底-怀化's is shared by straight line)
    ("娄底", "冷水江东"): 0.30,
    # forecasts of the fastest C train after the western extension (70 and 64 min, written
    # before it opened), which the refit of the intercity constants on the runs of 2023
    # (2026-12-08) leaves slower than its trains: -18 -> -25 %, -15 -> -24 %
    ("长沙西", "株洲南"): 0.30,
    ("长沙西", "湘潭"): 0.30,
}
"""Fit rows beyond 20 %: the bound they are held to."""


def _ride(
    graph, a: str, b: str, train_class: str | None = None, nonstop: bool = False
) -> network.Journey:
    """A timetable row's counterpart in the model: the direct train of the row's class (with
    no call on the way for a row of :func:`_nonstop_rows`), or where no train of the model
    runs through, the quickest rail journey, on the graph as that class rides it
    (benchmarks/bench_catchment.py ``ride``)."""
    try:
        return catchment.direct_train(graph, a, b, train_class=train_class, nonstop=nonstop)
    except DataError:
        if train_class is not None:
            graph = network.train_class_graph(graph, train_class)
        return network.travel_time(graph, a, b, modes=network.RAIL_MODES)


def test_model_within_20_percent_of_scheduled():
    rows = _checkable()
    assert len(rows) == 312
    lines = set()
    held_out: dict[str, list[float]] = {"timetable": [], "forecast": []}
    round5: dict[str, list[float]] = {"used": [], "not used": []}
    for row, graph in rows:
        a, b = f"station:{row._1}", f"station:{row.to}"
        nonstop = row.Index in _nonstop_rows()
        journey = _ride(graph, a, b, network.train_class_of(row.train), nonstop)
        error = abs(journey.in_vehicle_minutes / int(row.minutes) - 1.0)
        if "sealed round 5" in row.note:
            round5[row.calibration].append(error)  # judged as a whole, below
            continue
        if row.calibration != "used":
            held_out[row.basis].append(error)
        if row.calibration == "used":
            assert error <= FIT_BEYOND_20.get((row._1, row.to), 0.20), row
        else:
            # out of sample: the goal of 15 %, except the rows listed with their reason
            key = (row._1, row.to, row.date)
            key = key if key in HELD_OUT_BEYOND_15 else (row._1, row.to)
            bound = HELD_OUT_BEYOND_15.get(key, (0.15, ""))[0]
            assert error <= bound, row
            assert (error > 0.15) == (key in HELD_OUT_BEYOND_15), row
        lines |= {leg.line for leg in journey.legs}
    # the comparison spans the kinds of line, not one corridor
    assert {"京广高铁", "沪昆高铁", "长株潭城际", "石长铁路", "长沙磁浮快线"} <= lines
    # held-out rail rows, timetables and forecasts apart (README.network.md): the goal
    # of 90 % within 15 % is not met by either (timetable rows before the 14 of 2020: 10, 6 within
    # 15 %, median 10.4 %; the 14 alone: 8 within 15 %, median 9.0 %; all 24 on 1.12 x the
    # chords, before rail_chainages.csv: 14 within 15 %, median 9.6 %)
    timetable, forecast = np.array(held_out["timetable"]), np.array(held_out["forecast"])
    # with the 21 sealed rows (6 within 15 %, median 22.1 %): 45, 22 within 15 %, median 15.4 %;
    # with the sections' sourced speeds (rail_section_speeds.csv): 25 within, median 13.1 %;
    # with the 30 sealed rows of 2023 (25 within 15 %, median 7.0 %): 75, 50 within, median 9.0 %;
    # without the 京广高铁 chainages from the 136 km 长沙南-衡山西: 53 within, median 8.3 %; with
    # K trains through 株洲 and 长沙 (rail_services.csv): 55 within, median 8.2 %; with the 30
    # sealed rows of the third round (18 within 15 %, median 11.7 %): 105, 73 within, median 8.5 %;
    # with 茶陵西 joining 醴茶 and 吉衡 (攸县-茶陵南, 茶陵南-衡阳 within): 75; with the 29
    # sealed rows of the fourth round (18 within 15 %, median 12.0 %): 134, 93 within. Trains
    # passing 茶陵西 without stopping: 91. The timetable speeds of conventional sections
    # (rail_section_speeds.csv) took 21 rows to fit on: the other 113 held 79 within, median
    # 9.5 %, before, and hold 79, median 9.2 %, after (three in, three out: through trains
    # onto 石长 at its EMUs' speed). The intercity stop constants took four more to fit
    # (2026-12-04: two timetable rows, two forecasts): 111 and 4 rows, 79 and 2 within (益阳南-长沙
    # +20 -> +11 %, the forecast 长沙-株洲南 +23 -> +12 %). Track without a chainage on the
    # route factor measured on the chainages of its kind and design speed
    # (network.route_factor; 2026-12-06, with the timetable speeds refitted on their fit rows):
    # 79 within, median 9.5 -> 8.0 %. A row of a K, T or Z train compared with its class's ride
    # (network.train_class_graph, 2026-12-07; no constant fitted): 82 within, median 7.2 %.
    # Rows of the intercity group that time a run without a call compared with a train that
    # makes none, and the intercity cruise fraction, stop and share refitted on that comparison
    # (0.75, 1.75 min, 0.8 -> 0.62, 1.75 min, 0.4; 2026-12-08): 82 within, median 7.1 %; the
    # forecasts' median 15.6 -> 12.6 %
    assert (len(timetable), (timetable <= 0.15).sum()) == (111, 82)
    assert (len(forecast), (forecast <= 0.15).sum()) == (4, 2)
    assert np.median(timetable) == pytest.approx(0.071, abs=0.001)
    assert np.median(forecast) == pytest.approx(0.126, abs=0.001)
    # sealed round 5 (2026-12-04): every pair of two located stations in the 2023 12306 data
    # not yet in the table (141 rows, no choice made; many 2-7 min hops of 长株潭城际 trains),
    # written by a helper who never ran the model, added after the timetable speeds were
    # committed (5090678) and judged once: 84 within 15 %, median 10.8 % (the session's start
    # code, 2324dd4: 85). Pinned as a whole; README.network.md lists what lies beyond.
    # 26 of them have since fitted the intercity stop constants (2026-12-04, with 长株潭城际
    # calling at 株洲 from 2021): the other 115 held 74 within 15 % before both changes and
    # hold 78 after (大丰-株洲 and 株洲南-株洲 no longer go round; two hops); the 26 fit rows
    # 10 before, 13 after. Since 2026-12-05 a row compares with the model's direct train
    # (catchment.direct_train; the quickest journey where none runs through), and K trains run
    # from 衡阳站 and 怀化站 over 怀衡 and 衡柳 (rail_conventional_runs.csv) at the run cruise
    # fraction fitted on four of their eight rows: the other 111 held 78 within 15 % before and
    # hold 79 (median 9.6 %; the worst, 怀化-洞口, +316 % -> -15 %); the 30 fit rows hold 16
    # With the route factors by kind of track (2026-12-06): 79 within, median 9.6 -> 9.2 %.
    # With K, T and Z rows riding as their class does (2026-12-07): 82 within, median 9.0 %.
    # With the non-stop comparison of the intercity group and its constants refitted on it
    # (2026-12-08): 89 within, median 6.3 %; the 30 fit rows 22 within
    judged, fit = np.array(round5["not used"]), np.array(round5["used"])
    assert (len(judged), (judged <= 0.15).sum()) == (111, 89)
    assert np.median(judged) == pytest.approx(0.063, abs=0.001)
    assert (len(fit), (fit <= 0.15).sum()) == (30, 22)


DRIVING_BEYOND_15 = {
    # the model at EXPRESSWAY_SPEED_KMH = 96 over 1.1 x the straight line between the seats an
    # expressway joins, against stated times; the % in brackets is the model's error
    # fit rows:
    # a round "three hours" stated on the opening day of 常张 (+30 %)
    ("长沙市", "张家界市"): (0.35, "round figure on the opening day"),
    # a forecast a year before the opening: 30 min for the 50 km the source itself gives (+33 %)
    ("韶山市", "岳麓区"): (0.40, "forecast: 50 km in 30 min"),
    # "about one hour" for city centres 113 km apart in a straight line (113 km/h as the crow
    # flies, above the 120 km/h limit once roads bend and cities are crossed) (+46 %)
    ("衡阳市", "永州市"): (0.50, "round figure below what the limit allows"),
    # a navigation estimate for 226 km of 张花 and 吉茶, mountain roads designed for 80 km/h,
    # which the model runs at 96 over 1.1 x the chords (-24 %)
    ("张家界市", "凤凰县"): (0.30, "mountain expressways designed for 80 km/h"),
    # judged rows:
    # a round "1 hour" from a travel site: 益娄 alone is 105.9 km, 64 min at its 100 km/h design
    # speed before either city centre is reached (+28 %)
    ("益阳市", "娄底市"): (0.35, "round promotional figure"),
    # 40 min for 61.5 km of 桑龙 (92 km/h) from 桑植西 to the 茅坪 junction; the model joins the
    # seats, 72 km apart in a straight line (+31 %)
    ("桑植县", "龙山县"): (0.35, "the road's own time, junction far from the 龙山 seat"),
    # 5.5 hours at the 怀通 opening (+18 %)
    ("长沙市", "通道侗族自治县"): (0.25, "round figure on the opening day"),
    # 1.4 hours from a machine-written Q&A page: the model drives G55 to 涟源 and 长芷 on to the
    # 新化 seat, 33 km of chord where 龙琅 is 73.7 km to 琅塘, a junction the 新化 node stands for
    # (-15 %)
    ("邵阳市", "新化县"): (0.20, "长芷's 新化 node stands for the 琅塘 junction"),
    # fit rows of the second pass:
    # "an hour and a half less" than 2.5 hours on the day 茶常 opened, for city centres 104 km
    # apart in a straight line (+59 %)
    ("安仁县", "郴州市"): (0.65, "round figure below what the limit allows"),
}
"""Compared driving rows known to lie beyond 15 %: the bound they are held to, and why."""


def _driving_rows() -> pd.DataFrame:
    return SCHEDULED[(SCHEDULED["kind"] == "road") & (SCHEDULED["check"] == "yes")]


def test_driving_rows_are_split_by_table_order():
    # the split rule of the road calibration looks at no error: of the compared driving rows in
    # table order, the first, third, fifth ... are fit rows, the others judge
    rows = _driving_rows()
    assert len(rows) == 28
    expected = ["used" if k % 2 == 0 else "not used" for k in range(len(rows))]
    assert rows["calibration"].tolist() == expected
    fit = rows["calibration"] == "used"
    assert rows.loc[fit, "note"].str.contains("EXPRESSWAY_SPEED_KMH was fitted on it").all()
    assert not rows.loc[~fit, "note"].str.contains("was fitted on it").any()


@functools.cache
def _driving_trips() -> tuple:
    """Each compared driving row with the model's trip: between city centres, i.e. the seats,
    by road and expressway only, in the graph of the row's year (an undated row, a navigation
    estimate on an undated page, is compared with 2025)."""
    graphs: dict[int, nx.MultiGraph] = {}
    out = []
    for row in _driving_rows().itertuples():
        year = int(row.date[:4]) if isinstance(row.date, str) else 2025
        if year not in graphs:
            graphs[year] = network.build_graph(year=year, proxies=False)
        modes = {"road", "access", "expressway"}
        out.append((row, network.travel_time(graphs[year], row._1, row.to, modes=modes)))
    return tuple(out)


def test_model_against_driving_times():
    # rows whose road is not in expressways.csv are not checked (their note says so)
    for row, trip in _driving_trips():
        assert {leg.mode for leg in trip.legs} <= {"road", "expressway"}
        rel = DRIVING_BEYOND_15.get((row._1, row.to), (0.15, ""))[0]
        assert trip.minutes == pytest.approx(int(row.minutes), rel=rel), row
        # a listed exception that comes within 15 % leaves the list
        beyond = abs(trip.minutes / int(row.minutes) - 1.0) > 0.15
        assert beyond == ((row._1, row.to) in DRIVING_BEYOND_15), row
    unchecked = SCHEDULED[(SCHEDULED["kind"] == "road") & (SCHEDULED["check"] == "no")]
    assert unchecked["note"].str.contains("not in expressways.csv|upper bound|lower bound").all()


def test_driving_rows_ride_the_roads_they_were_written_for():
    # rows written for a road's opening are driven over that road in their year, and the road is
    # absent the year before it opened (its year in expressways.csv is what keeps it out)
    trips = {(row._1, row.to, row.date): trip for row, trip in _driving_trips()}
    cases = [
        ("龙山县", "长沙市", "2016-09-28", "S-龙永", 2015),
        ("安仁县", "郴州市", "2024-12-31", "S-茶常", 2023),
        ("安仁县", "长沙市", "2024-12-31", "S-茶常", 2023),
        ("长沙市", "炎陵县", "2009-12-26", "G72", 2008),
    ]
    modes = {"road", "access", "expressway"}
    for a, b, date, line, before in cases:
        assert line in {leg.line for leg in trips[(a, b, date)].legs}, (a, b)
        earlier = network.travel_time(
            network.build_graph(year=before, proxies=False), a, b, modes=modes
        )
        assert line not in {leg.line for leg in earlier.legs}, (a, b)
        assert earlier.minutes > trips[(a, b, date)].minutes, (a, b)


def test_driving_fit_rows_and_judged_rows():
    # the road calibration's report (network.EXPRESSWAY_SPEED_KMH): median absolute error and
    # rows within 15 %, fit rows and judged rows apart, at the fitted 96 km/h
    errors = {"used": [], "not used": []}
    for row, trip in _driving_trips():
        errors[row.calibration].append(abs(trip.minutes / int(row.minutes) - 1.0))
    fit, judged = np.array(errors["used"]), np.array(errors["not used"])
    assert network.EXPRESSWAY_SPEED_KMH == 96.0
    assert np.median(fit) == pytest.approx(0.109, abs=0.001)
    assert np.median(judged) == pytest.approx(0.115, abs=0.001)
    # 14 fit rows, 14 judged (12 and 11 before the second pass of 2026-12, when the fit gave
    # the same 96 km/h: 9.9 % and 8 of 11 on the judged rows then)
    assert (len(fit), len(judged)) == (14, 14)
    assert ((fit <= 0.15).sum(), (judged <= 0.15).sum()) == (9, 10)


def test_travel_time_modes_are_validated(g2025):
    with pytest.raises(GeoplanError):
        network.travel_time(g2025, "株洲", "湘潭", modes={"teleport"})


# --- journeys ---------------------------------------------------------------------------------


def test_travel_time_zhuzhou_xiangtan(g2025):
    # 2020: 长株潭城际 did not call at 株洲 yet; the conventional train on 沪昆
    g2020 = network.build_graph(year=2020, proxies=False)
    old = network.travel_time(g2020, "株洲站", "湘潭站", modes=network.RAIL_MODES)
    assert (old.origin, old.destination) == ("station:株洲", "station:湘潭")
    assert [(leg.mode, leg.line) for leg in old.legs] == [("conventional", "沪昆铁路")]
    # security 15 + half of the 120-minute headway before, leaving the station (5) after
    assert old.penalty_minutes == pytest.approx(15 + 60 + 5, abs=1e-4)
    assert old.minutes == pytest.approx(old.in_vehicle_minutes + old.penalty_minutes)
    # from 2021 the intercity calls at 株洲: longer in the train, changing at 暮云 onto the
    # 湘潭 branch (no train runs 株洲-湘潭 through), but its 30-minute headway makes it quicker
    # door to door: security 10 + 15 wait, change 10 + 15, leaving 3
    j = network.travel_time(g2025, "株洲站", "湘潭站", modes=network.RAIL_MODES)
    assert [(leg.mode, leg.start, leg.end) for leg in j.legs] == [
        ("intercity", "station:株洲", "station:暮云"),
        ("intercity", "station:暮云", "station:湘潭"),
    ]
    assert j.penalty_minutes == pytest.approx(10 + 15 + 10 + 15 + 3, abs=1e-4)
    assert j.in_vehicle_minutes > old.in_vehicle_minutes and j.minutes < old.minutes


def test_travel_time_transfer_penalty(g2025):
    # no train is sourced from 京广 north onto 石长 at 长沙 (those from the south reverse there)
    j = network.travel_time(g2025, "岳阳站", "宁乡站", modes=network.RAIL_MODES)
    assert [leg.line for leg in j.legs] == ["京广铁路", "石长铁路"]
    assert [leg.through for leg in j.legs] == [False, False]
    # boarding 15 + 60, change: walk 10 + half the next 120-minute headway, leaving 5
    assert j.penalty_minutes == pytest.approx(75 + 70 + 5, abs=1e-4)
    # the rest of the final stop is charged on leaving each train
    stop = network.alighting_minutes("conventional")
    assert j.in_vehicle_minutes == pytest.approx(
        sum(d["minutes"] for *_, d in _path_edges(g2025, j)) + 2 * stop, abs=1e-3
    )


def _path_edges(graph, journey):
    """The rail edges of a journey's legs, along the lines named (test helper)."""
    for leg in journey.legs:
        sub = nx.Graph((u, v, d) for u, v, d in graph.edges(data=True) if d["line"] == leg.line)
        path = nx.shortest_path(sub, leg.start, leg.end, weight="minutes")
        yield from ((u, v, sub.edges[u, v]) for u, v in itertools.pairwise(path))


def test_reversing_trains_stand_at_the_junction(g2025):
    # K trains from 京广 south onto 石长 run through 长沙 but stand there 13.5 min beyond a call
    # (rail_services.csv dwell_min): riding time on the line they came by, not a transfer
    j = network.travel_time(g2025, "株洲站", "益阳站", modes=network.RAIL_MODES)
    assert [(leg.line, leg.end, leg.through) for leg in j.legs] == [
        ("京广铁路", "station:长沙", False), ("石长铁路", "station:益阳", True),
    ]  # fmt: skip
    first, second = (
        sum(d["minutes"] for *_, d in _path_edges(g2025, SimpleNamespace(legs=[leg])))
        for leg in j.legs
    )
    stop = network.alighting_minutes("conventional")
    assert j.legs[0].minutes == pytest.approx(first + 13.5, abs=1e-3)
    assert j.legs[1].minutes == pytest.approx(second + stop, abs=1e-3)


def test_trains_pass_a_junction_nobody_boards_at(g2025):
    # 茶陵西 joins 醴茶 and 吉衡 (rail_stations.csv kind=junction): the K train from 攸县 runs on
    # to 茶陵南 there, but no road leads to it and no journey starts or changes trains there
    assert g2025.nodes["station:茶陵西"]["passengers"] is False
    assert not [v for _, v, d in g2025.edges("station:茶陵西", data=True) if d["mode"] == "access"]
    j = network.travel_time(g2025, "攸县站", "茶陵南站", modes=network.RAIL_MODES)
    assert [(leg.line, leg.end, leg.through) for leg in j.legs] == [
        ("醴茶铁路", "station:茶陵西", False), ("吉衡铁路", "station:茶陵南", True),
    ]  # fmt: skip
    home = network.travel_time(g2025, "茶陵县", "攸县")
    assert "station:茶陵西" not in {leg.start for leg in home.legs}


def test_trains_run_through_onto_a_branch(g2025):
    j = network.travel_time(g2025, "长沙站", "湘潭站", modes=network.RAIL_MODES)
    assert [leg.line for leg in j.legs] == ["长株潭城际"]


def test_trains_run_through_onto_other_lines(monkeypatch):
    g = network.build_graph(year=2025)
    # 常益长 trains run on to 长沙站 (rail_services.csv): no change at 长沙西
    j = network.travel_time(g, "常德站", "长沙站", modes=network.RAIL_MODES)
    assert [(leg.line, leg.through) for leg in j.legs] == [
        ("常益长高铁", False), ("长株潭城际", True),
    ]  # fmt: skip
    assert j.legs[1].penalty_minutes == pytest.approx(3.0, abs=1e-4)  # leaving 长沙站 only
    # 沪昆高铁 onto 张吉怀 at 怀化南: 长沙南 to 吉首东 without a change
    j = network.travel_time(g, "长沙南站", "吉首东站", modes=network.RAIL_MODES)
    assert [(leg.line, leg.through) for leg in j.legs] == [
        ("沪昆高铁", False), ("张吉怀高铁", True),
    ]  # fmt: skip
    # without the services table the same trip pays a change at 怀化南: alighting, the
    # transfer walk and half the next headway
    from geoplan import catchment

    monkeypatch.setattr(catchment, "_through_running", dict)
    fresh = network.build_graph(year=2025)  # a new graph: compiled again, without services
    change = network.travel_time(fresh, "长沙南站", "吉首东站", modes=network.RAIL_MODES)
    assert [leg.through for leg in change.legs] == [False, False]
    extra = network.alighting_minutes("hsr") + catchment.DEFAULT.transfer_min + 30 / 2
    assert change.minutes == pytest.approx(j.minutes + extra, abs=1e-3)


def test_changsha_south_to_shaoyang_runs_via_loudi_south(g2025):
    # G trains leave 沪昆高铁 at 娄底南 for the 娄邵 link (rail_services.csv, G6451); the
    # journey no longer goes round by 衡阳东 (京广高铁 + 怀邵衡, 98.7 min in-vehicle)
    j = network.travel_time(g2025, "长沙南站", "邵阳站", modes=network.RAIL_MODES)
    assert [(leg.line, leg.end, leg.through) for leg in j.legs] == [
        ("沪昆高铁", "station:娄底南", False), ("娄邵铁路", "station:邵阳", True),
    ]  # fmt: skip
    # 70.2 before chainages, 68.7 before the route factors by kind of track
    assert j.in_vehicle_minutes == pytest.approx(68.1, abs=0.1)
    # the same holds from the city: 长沙 to 邵阳 by rail boards at 长沙南 and changes no train
    trip = network.travel_time(g2025, "长沙南站", "邵阳市")
    assert "station:娄底南" in {leg.end for leg in trip.legs}
    assert "station:衡阳东" not in {leg.end for leg in trip.legs}


def test_through_services_run_one_way_and_never_chain(g2025):
    # sourced (rail_services.csv): 衡柳 trains on to 京广高铁 north at 衡阳东 (G530 柳州-北京西),
    # 京广高铁 trains onto 怀邵衡 at 衡阳东 and 怀邵衡 trains onto 沪昆高铁 west at 怀化南 (the
    # 2019-01-05 timetable: 广州南-贵阳北, 长沙南-怀化南), 怀邵衡 onto 张吉怀 at 怀化南
    # (汕头-张家界西, 2022-06-20)
    for a, b, lines in [
        ("长沙南站", "永州站", ["京广高铁", "衡柳铁路"]),
        ("新晃西站", "洞口站", ["沪昆高铁", "怀邵衡铁路"]),
        ("郴州西站", "隆回站", ["京广高铁", "怀邵衡铁路"]),
        ("邵阳站", "吉首东站", ["怀邵衡铁路", "张吉怀高铁"]),
    ]:
        j = network.travel_time(g2025, a, b, modes=network.RAIL_MODES)
        assert [(leg.line, leg.through) for leg in j.legs] == [(lines[0], False), (lines[1], True)]
    # no train is sourced for these: a change of train is charged (the walk and half the next
    # headway) where one would reverse (郴州西 -> 永州 at 衡阳东, 新晃西 -> 吉首东 at 怀化南) or
    # where two sourced services at one station would chain into a third (衡柳 -> 京广高铁 ->
    # 怀邵衡 at 衡阳东)
    from geoplan import catchment

    wait = catchment.DEFAULT.transfer_min + catchment.DEFAULT.headway_min["hsr"] / 2
    for a, b, lines in [
        ("郴州西站", "永州站", ["京广高铁", "衡柳铁路"]),
        ("永州站", "邵东站", ["衡柳铁路", "怀邵衡铁路"]),
        ("新晃西站", "吉首东站", ["沪昆高铁", "张吉怀高铁"]),
    ]:
        j = network.travel_time(g2025, a, b, modes=network.RAIL_MODES)
        assert [(leg.line, leg.through) for leg in j.legs] == [(line, False) for line in lines]
        assert j.legs[1].penalty_minutes >= wait
    # a train does not ride out and back: 株洲南 to 湘潭 changes at 暮云, where the 湘潭 branch
    # leaves the line toward 长沙 (a reversal)
    j = network.travel_time(g2025, "株洲南站", "湘潭站", modes=network.RAIL_MODES)
    assert [(leg.line, leg.end) for leg in j.legs] == [
        ("长株潭城际", "station:暮云"), ("长株潭城际", "station:湘潭"),
    ]  # fmt: skip


def test_rail_services_name_their_sides(monkeypatch):
    assert {"from_side", "to_side"} <= set(data.rail_services().columns)
    real = data._read

    def fake(name, columns, *, required):
        frame = real(name, columns, required=required)
        if name == "rail_services.csv":
            frame.loc[0, "to_side"] = "岳阳东"  # not a station of 长株潭城际
        return frame

    data.rail_services.cache_clear()
    monkeypatch.setattr(data, "_read", fake)
    try:
        with pytest.raises(GeoplanError, match="sides must be other stations"):
            data.rail_services()
    finally:
        data.rail_services.cache_clear()


def test_parallel_lines_invent_no_transfer():
    g = network.build_graph(year=2025)
    # 怀邵衡 and 娄邵 both reach 邵东: the journey stays on one train
    j = network.travel_time(g, "衡阳东站", "邵阳站", modes=network.RAIL_MODES)
    assert [leg.line for leg in j.legs] == ["怀邵衡铁路"]


def test_unknown_place_raises(g2025):
    with pytest.raises(UnknownPlaceError):
        network.travel_time(g2025, "株洲", "不存在的地方")


def test_graph_to_gdfs(g2025):
    nodes, edges = network.graph_to_gdfs(g2025)
    assert str(nodes.crs) == "EPSG:4326" and str(edges.crs) == "EPSG:4326"
    assert len(nodes) == g2025.number_of_nodes()
    assert len(edges) == g2025.number_of_edges()
    assert nodes["id"].is_unique


def test_changsha_changde_faster_after_changyichang():
    # sourced stations only; 常益长 opened in full on 2022-12-26
    before = network.build_graph(year=2021, proxies=False)
    after = network.build_graph(year=2023, proxies=False)
    t0 = network.travel_time(before, "长沙站", "常德站", modes=network.RAIL_MODES)
    t1 = network.travel_time(after, "长沙站", "常德站", modes=network.RAIL_MODES)
    assert [leg.line for leg in t0.legs] == ["石长铁路"]
    # one train from 长沙站: 长株潭城际 to 长沙西, then through onto 常益长
    assert [leg.line for leg in t1.legs] == ["长株潭城际", "常益长高铁"]
    assert t1.legs[1].through
    # scheduled: 113 min by the fastest 石长 EMU (2017), 59 min by 常益长 (2022)
    assert t0.in_vehicle_minutes == pytest.approx(113, rel=0.2)
    assert t1.in_vehicle_minutes == pytest.approx(59, rel=0.2)
    # door to door from seat to seat: before, driving on 长张高速 beat the 石长 train; after,
    # 常益长 beats the car by over 15 min (18 at 30 km/h to the station), access and boarding
    # included
    d0 = network.travel_time(before, "长沙市", "常德市")
    d1 = network.travel_time(after, "长沙市", "常德市")
    assert [leg.line for leg in d0.legs if leg.mode == "expressway"] == ["G5513"]
    assert "常益长高铁" in [leg.line for leg in d1.legs]
    assert d1.minutes < d0.minutes - 15


# --- county seats (curated by the expressway engineer) ----------------------------------------

needs_seats = pytest.mark.skipif(
    not (geodata_dir() / "county_seats.csv").exists(), reason="county_seats.csv not curated yet"
)


@needs_seats
def test_every_seat_reaches_every_other_in_2020():
    g = network.build_graph(year=2020)
    seats = [n for n, d in g.nodes(data=True) if d["kind"] == "seat"]
    assert len(seats) == 122 + 14  # county seats and the 14 prefecture seats
    assert nx.is_connected(g.subgraph(nx.node_connected_component(g, seats[0])))
    assert set(seats) <= nx.node_connected_component(g, seats[0])


@needs_seats
def test_stations_lie_near_a_seat_of_their_city():
    g = network.build_graph(year=2025)
    st = data.rail_stations().set_index("name")
    seats = {n: d for n, d in g.nodes(data=True) if d["kind"] == "seat"}
    for _node, attrs in g.nodes(data=True):
        if attrs["kind"] != "station":
            continue
        row = st.loc[attrs["name"]]
        own = [d for d in seats.values() if d["adcode"][:4] == row["prefecture_adcode"][:4]]
        nearest = min(
            network.geodesic_km(attrs["lon"], attrs["lat"], d["lon"], d["lat"]) for d in own
        )
        assert nearest <= 40 or "km from" in row["note"], attrs["name"]


# --- CLI --------------------------------------------------------------------------------------


def test_cli_network_writes_layers_and_refuses_overwrite(tmp_path):
    import pyogrio

    out = tmp_path / "net.gpkg"
    assert main(["network", "--year", "2020", "--out", str(out)]) == 0
    assert [name for name, _ in pyogrio.list_layers(out)] == ["nodes", "edges"]
    assert main(["network", "--year", "2020", "--out", str(out)]) == 2
    assert main(["network", "--year", "2020", "--out", str(out), "--overwrite"]) == 0


def test_seat_proxies_are_marked_and_distinct():
    plan = network.build_graph(year=2035, scenario="plan")
    stations = {n: d for n, d in plan.nodes(data=True) if d["kind"] == "station"}
    proxied = {n: d for n, d in stations.items() if d["position"] == "seat_proxy"}
    sourced = {n: d for n, d in stations.items() if d["position"] == "sourced"}
    # 96 located; 坪田, 三荷 and 西塘 are on the freight-only 浩吉 (茶陵西, a junction of two
    # passenger lines, is in the graph since it joined them, though nobody boards there)
    assert len(sourced) == 93
    assert len(proxied) >= 5
    seats = {d["adcode"]: d for _, d in plan.nodes(data=True) if d["kind"] == "seat"}
    liuyang = proxied["station:浏阳"]  # 长赣高铁, named after 浏阳市
    assert (liuyang["lon"], liuyang["lat"], liuyang["precision"]) == (
        seats["430181"]["lon"], seats["430181"]["lat"], "county",
    )  # fmt: skip
    assert network._proxy_unit("邵阳西", None, "430500") == "430500"  # the prefecture's seat
    assert stations["station:邵阳西"]["position"] == "sourced"
    # intercity stations are never proxied: 湘阴 (长岳城际) is not placed at 湘阴县's seat
    assert "station:湘阴" not in stations
    points = [(d["lon"], d["lat"]) for d in stations.values()]
    assert len(points) == len(set(points))  # one station node per place
    for _, _, attrs in plan.edges(data=True):
        assert attrs["length_km"] > 0
    without = network.build_graph(year=2035, scenario="plan", proxies=False)
    assert "station:浏阳" not in without


def test_cli_network_wants_a_gpkg(tmp_path, capsys):
    assert main(["network", "--year", "2020", "--out", str(tmp_path / "n.txt")]) == 2
    assert "name the file *.gpkg" in capsys.readouterr().err
    assert not (tmp_path / "n.txt").exists()


def test_cli_traveltime_json(capsys):
    assert main(["traveltime", "株洲", "衡阳", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    # a prefecture's name means its seat, by network.PLACE_RULE, and the output says so
    assert result["origin"] == "seat:430200"
    assert result["origin_meaning"].startswith("the seat of 株洲市")
    assert main(["traveltime", "株洲站", "衡阳站", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["origin"] == "station:株洲"
    assert main(["traveltime", "株洲", "火星"]) == 2
    # one train, no change: the K train of 怀衡 from 衡阳站, not the EMUs from 衡阳东
    args = ["traveltime", "衡阳站", "邵阳站", "--year", "2023", "--direct-train", "--json"]
    assert main(args) == 0
    legs = json.loads(capsys.readouterr().out)["legs"]
    assert [(leg["mode"], leg["line"]) for leg in legs] == [("conventional", "怀衡普速列车")]
    assert main(["traveltime", "长沙", "邵阳站", "--direct-train"]) == 2
    assert "is not a station" in capsys.readouterr().err
    # a K train between 邵东 and 娄底 rides 娄邵 as a conventional train; a class needs one train
    args = ["traveltime", "邵东站", "娄底站", "--year", "2023", "--direct-train", "--json"]
    assert main([*args, "--train-class", "K"]) == 0
    legs = json.loads(capsys.readouterr().out)["legs"]
    assert [(leg["mode"], leg["line"]) for leg in legs] == [("conventional", "娄邵铁路")]
    assert main(["traveltime", "邵东站", "娄底站", "--train-class", "K"]) == 2
    assert "--train-class goes with --direct-train" in capsys.readouterr().err
    # a train calling nowhere between 观沙岭 and 麓谷 passes three halts without a stop
    args = ["traveltime", "观沙岭站", "麓谷站", "--year", "2023", "--direct-train", "--json"]
    assert main(args) == 0
    stopping = json.loads(capsys.readouterr().out)["in_vehicle_minutes"]
    assert main([*args, "--nonstop"]) == 0
    nonstop = json.loads(capsys.readouterr().out)["in_vehicle_minutes"]
    per_stop = network.STOP_OVERHEAD_MIN["intercity"] * network.STOP_SHARE["intercity"]
    assert stopping - nonstop == pytest.approx(3 * per_stop, abs=0.1)  # rounded to 0.1 min
    assert main(["traveltime", "观沙岭站", "麓谷站", "--nonstop"]) == 2
    assert "--nonstop goes with --direct-train" in capsys.readouterr().err


def test_seat_links_connect_all_seats(monkeypatch):
    # stand-in seats at the real coordinates of located stations, to test the road/access linker
    st = data.rail_stations().dropna(subset=["lon", "lat"]).reset_index(drop=True)
    seats = pd.DataFrame(
        {
            "adcode": st["adcode"],
            "name": st["name"] + "城",
            "seat": "",
            "lon": st["lon"],
            "lat": st["lat"],
            "source": "",
            "source2": "",
            "confidence": 1.0,
            "note": "",
        }
    ).drop_duplicates("adcode")
    monkeypatch.setattr(data, "county_seats", lambda: seats)
    g = network.build_graph(year=2025)
    seat_nodes = [n for n, d in g.nodes(data=True) if d["kind"] == "seat"]
    assert len(seat_nodes) == len(seats)
    assert set(seat_nodes) <= nx.node_connected_component(g, seat_nodes[0])
    modes = {d["mode"] for _, _, d in g.edges(data=True)}
    assert {"road", "access", "conventional"} <= modes
    j = network.travel_time(g, "seat:430202", "seat:430302")  # 株洲 -> 湘潭 stand-ins
    assert j.minutes > 0


# --- places, years, links ------------------------------------------------------------------


def test_one_rule_for_place_names(g2025):
    rule = network.resolve_place
    assert rule(g2025, "长沙").node == "seat:430100"  # a prefecture's short name: its seat
    assert rule(g2025, "长沙市").node == "seat:430100"
    assert rule(g2025, "430100").node == "seat:430100"
    assert rule(g2025, "长沙站").node == "station:长沙"  # 站: the station
    assert rule(g2025, "长沙南").node == "station:长沙南"  # no unit's name: the station
    assert rule(g2025, "岳麓区").node == "seat:430104"  # a district: its own seat
    assert rule(g2025, "天元区").node == "seat:430211"
    assert rule(g2025, "醴陵").node == "seat:430281"  # a county-level city
    assert "岳麓区" in rule(g2025, "长沙").meaning
    with pytest.raises(UnknownPlaceError, match="not one place"):
        rule(g2025, "长株潭")
    with pytest.raises(UnknownPlaceError):
        rule(g2025, "火星站")
    # the surface, the matrix and the journey read names the same way
    from geoplan import catchment

    assert catchment.travel_time_surface(g2025, "长沙", cell_km=5).origin == "长沙"
    assert network.travel_time(g2025, "长沙", "岳阳").origin == "seat:430100"


def test_a_year_outside_the_data_is_an_error(capsys):
    assert network.network_years() == (1936, 2035)
    with pytest.raises(DataError, match="outside the network data"):
        network.build_graph(year=1800)
    assert main(["traveltime", "长沙", "岳阳", "--year", "1800"]) == 2
    err = capsys.readouterr().err
    assert "1800" in err and len(err.strip().splitlines()) == 1


def test_every_station_is_joined_to_the_seats_it_serves():
    g = network.build_graph(year=2025)
    st = data.rail_stations().set_index("name")
    for node, attrs in g.nodes(data=True):
        if attrs["kind"] != "station":
            continue
        codes = (attrs["adcode"], st.loc[attrs["name"], "prefecture_adcode"])
        # a junction without passengers (茶陵西) serves no seat
        assert all(g.has_edge(f"seat:{c}", node) for c in codes) == attrs["passengers"], node
    assert g.has_edge("seat:431300", "station:娄底南")  # 娄底南 serves 娄底


def test_every_interchange_is_reachable_and_costs_entry():
    g = network.build_graph(year=2025)
    for node, attrs in g.nodes(data=True):
        if attrs["kind"] == "interchange":
            assert any(g.nodes[n]["kind"] == "seat" for n in g.neighbors(node)), node
    j = network.travel_time(g, "长沙", "岳阳")
    roads = [leg for leg in j.legs if leg.mode == "expressway"]
    from geoplan.catchment import DEFAULT

    entry_exit = DEFAULT.security_min["expressway"] + DEFAULT.egress_min["expressway"]
    assert roads and sum(leg.penalty_minutes for leg in roads) == pytest.approx(entry_exit, 1e-4)
    assert all(leg.minutes >= 0.5 for leg in j.legs)


def test_route_factors_are_measured_on_the_chainages():
    """Track without a chainage runs on the median track/straight ratio measured on the sourced
    chainages of lines of its kind and design speed, a conventional run on the factor of the
    line it rides; a kind of track with too few measured segments takes the default."""
    factors = network.route_factors()
    # lines built for 350 km/h wind less than 160 km/h conventional lines, both less than 1.3
    assert 1.0 < factors[("hsr", 350.0)] < factors[("conventional", 160.0)] < 1.3
    assert network.route_factor("maglev", 100.0) == network.RAIL_ROUTE_FACTOR  # none measured
    g = network.build_graph(year=2023, proxies=False)
    edges = [d for _, _, d in g.edges(data=True) if d.get("track") == "route factor"]
    # 沪昆高铁 segments without a chainage run on the 350 km/h lines' factor
    hsr = [d for d in edges if d["line"] == "沪昆高铁"]
    assert hsr
    for d in hsr:
        assert d["track_km"] == pytest.approx(d["length_km"] * factors[("hsr", 350.0)])
    # the 怀衡 K trains ride 怀邵衡 (hsr, 200 km/h, too few chainages): the default factor,
    # not the 160 km/h conventional lines' that their own kind would give
    runs = [d for d in edges if d.get("runs_on") == "怀邵衡铁路" and d["line"] != "怀邵衡铁路"]
    assert runs
    for d in runs:
        assert d["track_km"] == pytest.approx(d["length_km"] * network.RAIL_ROUTE_FACTOR)
