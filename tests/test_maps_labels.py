"""Tests of geoplan._maps_labels: seat labels placed per zoom without overlaps, by priority,
and shown in headless Chromium at the zooms the placement gives."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from geoplan import maps
from geoplan._maps_labels import LABEL_ZOOMS, label_box, map_labels, place
from geoplan._maps_rivers import river_labels
from geoplan.catchment import population_2020
from geoplan.gazetteer import admin_units
from tests._browser import chromium


@pytest.fixture(scope="module")
def labels():
    return map_labels()


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_no_two_labels_shown_at_a_zoom_overlap(labels) -> None:
    for zoom in LABEL_ZOOMS:
        shown = labels[labels["min_zoom"].fillna(99) <= zoom]
        boxes = [
            label_box(r.lon, r.lat, r.text, zoom=zoom, font_px=r.font_px)
            for r in shown.itertuples()
        ]
        clashes = [
            (shown["text"].iloc[i], shown["text"].iloc[j])
            for i, j in itertools.combinations(range(len(boxes)), 2)
            if _overlap(boxes[i], boxes[j])
        ]
        assert clashes == [], zoom
    # more names as the map zooms in; counties only where they fit
    counts = [int((labels["min_zoom"].fillna(99) <= z).sum()) for z in LABEL_ZOOMS]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_prefectures_first_then_counties_by_population(labels) -> None:
    from geoplan._maps_context import seats

    points = seats()
    assert list(labels["text"][:136]) == list(points["label"])
    levels = list(labels["level"])
    assert levels[:14] == ["prefecture"] * 14 and levels[14:136] == ["county"] * 122
    assert set(labels["text"][136:]) == set(river_labels()) and set(levels[136:]) == {"river"}
    pop = population_2020().set_index("adcode")["population"]
    prefs = admin_units("prefecture")
    assert labels["text"].iloc[0] == "长沙" and pop["430100"] == pop[prefs["adcode"]].max()
    for part in (points.iloc[:14], points.iloc[14:]):
        people = part["population"].astype(int).tolist()
        assert people == sorted(people, reverse=True)
    assert points.loc[points["label"] == "浏阳", "population"].iloc[0] == pop["430181"]
    assert "长沙县" in set(labels["text"])  # a county named like its prefecture: full name


def test_priority_decides_who_keeps_a_place() -> None:
    """Two seats 1 km apart: the first keeps its label at every zoom, the second shows from
    the zoom at which 1 km holds both boxes (never, within the range)."""
    lons, lats = [112.0, 112.01, 114.0], [28.0, 28.0, 28.0]
    assert place(lons, lats, ["长沙", "望城", "株洲"], [13, 11, 13]) == [5, None, 5]
    assert place(lons[::-1], lats, ["株洲", "望城", "长沙"], [13, 11, 13]) == [5, 5, None]
    # a hundredth of a degree is 29 px at zoom 12 and 58 px at 13: room for one character of
    # 11 px (box 5 + 6 + 11 + 1 px wide) at 12, for two of 13 px (5 + 6 + 26 + 1) at 13
    assert place(lons, lats, ["长", "望", "株"], [11, 11, 11], zooms=range(5, 14))[1] == 12
    assert place(lons, lats, ["长沙", "望城", "株洲"], [13, 11, 13], zooms=range(5, 14))[1] == 13


def test_every_prefecture_is_named_from_zoom_8(labels) -> None:
    prefs = labels[labels["level"] == "prefecture"]
    assert prefs["min_zoom"].max() <= 8
    assert int((prefs["min_zoom"] <= 7).sum()) >= 13


_SHOWN = """() => {
  const id = document.querySelector('.folium-map').id;
  const box = r => r.width ? [r.left, r.top, r.right, r.bottom] : null;  // null: not shown
  return {zoom: window[id].getZoom(), animating: !!window[id]._animatingZoom,
    labels: [...document.querySelectorAll('.geoplan-seat')].map(e => [
      ['prefecture', 'county', 'river'].find(c => e.classList.contains(c)),
      e.querySelector('.name').textContent,
      box(e.querySelector('.name').getBoundingClientRect()),
      box(e.querySelector('.dot').getBoundingClientRect())])};
}"""


def _settled(page) -> dict:
    page.wait_for_function(
        "() => { const id = document.querySelector('.folium-map').id;"
        " return !window[id]._animatingZoom; }"
    )
    page.wait_for_timeout(300)
    return page.evaluate(_SHOWN)


@pytest.mark.browser
def test_page_shows_the_labels_of_its_zoom_in_chromium(labels, tmp_path: Path) -> None:
    """At the initial zoom the page shows the prefecture names placed there and hides the
    county names that would collide; zoomed in it shows more, and no shown labels overlap."""
    units = admin_units()
    prefs = units[units["level"] == "prefecture"].assign(v=range(14))
    path = tmp_path / "prefectures.html"
    path.write_text(maps.to_html(maps.choropleth(prefs, "v", boundaries=units)), encoding="utf-8")
    found = {}

    def then(page) -> None:
        found["start"] = _settled(page)
        page.evaluate(
            "() => window[document.querySelector('.folium-map').id].setZoom(9, {animate: false})"
        )
        found["zoom 9"] = _settled(page)

    with chromium() as visit:
        seen = visit(path, wait_for=".geoplan-seat .name", then=then)
    assert seen.errors == []
    for key in ("start", "zoom 9"):
        zoom = found[key]["zoom"]
        want = labels[labels["min_zoom"].fillna(99) <= zoom]
        shown = found[key]["labels"]
        assert sorted((lvl, t) for lvl, t, _n, _d in shown) == sorted(
            zip(want["level"], want["text"], strict=True)
        ), key
        rects = [
            (min(n[0], d[0]), min(n[1], d[1]), max(n[2], d[2]), max(n[3], d[3])) if d else n
            for _l, _t, n, d in shown
        ]  # a river's name has no dot
        assert not [
            (shown[i][1], shown[j][1])
            for i, j in itertools.combinations(range(len(rects)), 2)
            if _overlap(rects[i], rects[j])
        ], key
    start = found["start"]
    assert start["zoom"] == 7  # the province fills a 900 x 700 page at zoom 7
    names = {t for lvl, t, _n, _d in start["labels"] if lvl == "prefecture"}
    assert len(names) >= 13 and {"长沙", "株洲", "岳阳", "衡阳"} <= names
    counties = {t for lvl, t, _n, _d in start["labels"] if lvl == "county"}
    assert "岳麓" not in counties and "雨花" not in counties  # next to 长沙: hidden at 7
    nine = {t for lvl, t, _n, _d in found["zoom 9"]["labels"] if lvl == "county"}
    assert "雨花" in nine and len(nine) > len(counties)
