"""Labels of web maps that stay legible at each zoom (seats and river names): a greedy placement
by priority in web-mercator pixels gives every label the smallest zoom from which it overlaps no
other.

The placement runs in Python for each zoom of :data:`LABEL_ZOOMS`: labels are tried in
priority order, prefecture seats first, then counties by 2020 population
(``geodata/population_2020.csv``), then the names of the rivers matched to a WDBII line
(:func:`geoplan._maps_rivers.river_labels`), each kept if its box overlaps no box kept
before. A label's minimum zoom is the first from which it is kept at every larger zoom, so
what a zoom shows is part of its own placement; a label not kept at the largest zoom is never
shown. The page's script (:class:`geoplan._maps_leaflet.ZoomLabels`) shows a label at zooms at
or above its minimum.

A label's box is its seat dot and its text, the text set at :data:`FONT_PX` beside the dot
(``LEFT_PX`` right of it, its baseline at the dot) and as wide as its characters (Chinese
characters are square: one em each); the page's stylesheet draws them with the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

import pandas as pd

LABEL_ZOOMS = tuple(range(5, 13))
"""Zooms the placement is computed for: 5 shows the province with room around it, 12 is a
county seat's streets (a county's districts still touch at 11)."""
FONT_PX = {"prefecture": 13, "county": 11, "river": 11}
"""Font size of a label by its level, in CSS pixels (bold for prefectures, italic for rivers)."""
LEFT_PX = 6
"""Gap between a seat and its label's text, in pixels."""
DOT_PX = 4
"""Half the size of a seat's dot (with its border), in pixels."""
PAD_PX = 1
"""Room kept around a label's box (its text halo), in pixels: two labels keep 2 px apart."""
LINE_HEIGHT = 1.25
"""A label's line height as a multiple of its font size."""
_TILE_PX = 256


def line_px(font_px: int) -> int:
    """Return the height of a label line of ``font_px`` pixels (text above the seat).

    Examples
    --------
    >>> line_px(13)
    17
    """
    return math.ceil(font_px * LINE_HEIGHT)


def mercator_px(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Return the web-mercator pixel of a WGS-84 point at ``zoom`` (y grows southwards).

    Examples
    --------
    >>> mercator_px(0.0, 0.0, 1)
    (256.0, 256.0)
    """
    size = _TILE_PX * 2**zoom
    x = (lon + 180.0) / 360.0 * size
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * size
    return x, y


def label_box(
    lon: float, lat: float, text: str, *, zoom: int, font_px: int
) -> tuple[float, float, float, float]:
    """Return the screen box ``(x0, y0, x1, y1)`` of a seat's dot and label at ``zoom``.

    Examples
    --------
    >>> x0, y0, x1, y1 = label_box(0.0, 0.0, "长沙", zoom=1, font_px=13)
    >>> x1 - x0, y1 - y0
    (38.0, 23.0)
    """
    x, y = mercator_px(lon, lat, zoom)
    width = len(text) * font_px
    return (
        x - DOT_PX - PAD_PX,
        y - line_px(font_px) - PAD_PX,
        x + LEFT_PX + width + PAD_PX,
        y + DOT_PX + PAD_PX,
    )


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def greedy(boxes: Sequence[tuple[float, float, float, float]]) -> list[int]:
    """Return the indices of the boxes kept in order where each overlaps none kept before."""
    kept: list[int] = []
    for i, box in enumerate(boxes):
        if not any(_overlaps(box, boxes[j]) for j in kept):
            kept.append(i)
    return kept


def place(
    lons: Sequence[float],
    lats: Sequence[float],
    texts: Sequence[str],
    font_px: Sequence[int],
    *,
    zooms: Sequence[int] = LABEL_ZOOMS,
) -> list[int | None]:
    """Return each label's smallest zoom of ``zooms`` (or None: never shown).

    Labels are given in priority order and placed greedily at each zoom on its own; a label's
    smallest zoom is the first from which it is kept at every larger zoom of the range, so the
    labels shown at a zoom are a subset of that zoom's greedy placement and never overlap.

    Examples
    --------
    >>> place([112.0, 112.01, 114.0], [28.0, 28.0, 28.0], ["长沙", "望城", "株洲"], [13, 11, 13])
    [5, None, 5]
    """
    n = len(texts)
    kept_at = {
        zoom: set(
            greedy(
                [
                    label_box(lons[i], lats[i], texts[i], zoom=zoom, font_px=font_px[i])
                    for i in range(n)
                ]
            )
        )
        for zoom in zooms
    }
    shown: list[int | None] = [None] * n
    for i in range(n):
        for zoom in sorted(zooms, reverse=True):  # down from the largest, while still kept
            if i not in kept_at[zoom]:
                break
            shown[i] = zoom
    return shown


def map_labels(*, zooms: Sequence[int] = LABEL_ZOOMS) -> pd.DataFrame:
    """Return the labels of web maps in priority order with their smallest zoom.

    Columns ``text``, ``level`` (``prefecture``, ``county`` or ``river``), ``lon``, ``lat``
    (WGS-84), ``font_px`` and ``min_zoom`` (``<NA>`` for a label that fits at none of
    ``zooms``). Placed once per set of zooms.

    Examples
    --------
    >>> labels = map_labels()
    >>> list(labels["text"][:2]), int(labels["min_zoom"].iloc[0])
    (['长沙', '衡阳'], 5)
    """
    return _map_labels(tuple(zooms)).copy()


@cache
def _map_labels(zooms: tuple[int, ...]) -> pd.DataFrame:
    import geopandas as gpd

    from geoplan import _maps_context, _maps_rivers
    from geoplan.crs import HUNAN_CRS

    seats = _maps_context.seats().to_crs(4326)
    rivers = _maps_rivers.river_labels()
    at = gpd.GeoSeries(gpd.points_from_xy(*zip(*rivers.values(), strict=True)), crs=HUNAN_CRS)
    at = at.to_crs(4326) if len(at) else at
    frame = pd.DataFrame(
        {
            "text": [*seats["label"], *rivers],
            "level": [*seats["level"], *["river"] * len(rivers)],
            "lon": [*seats.geometry.x, *at.x],
            "lat": [*seats.geometry.y, *at.y],
        }
    )
    frame["font_px"] = frame["level"].map(FONT_PX).fillna(FONT_PX["county"]).astype(int)
    placed = place(frame["lon"], frame["lat"], list(frame["text"]), frame["font_px"], zooms=zooms)
    frame["min_zoom"] = pd.array(placed, dtype="Int64")
    return frame


def page_css() -> str:
    """Return the stylesheet of seat labels, built from the numbers the placement uses."""
    rules = [
        ".geoplan-seat{position:relative;white-space:nowrap;pointer-events:none;}",
        f".geoplan-seat .dot{{position:absolute;left:-{DOT_PX}px;top:-{DOT_PX}px;"
        f"width:{2 * DOT_PX - 2}px;height:{2 * DOT_PX - 2}px;border:1px solid #222;"
        "border-radius:50%;background:#fff;}",
        ".geoplan-seat .name{position:absolute;color:#111;"
        "text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff;}",
    ]
    for level, px in FONT_PX.items():
        weight = {"prefecture": "bold", "river": "italic"}.get(level, "normal")
        rules.append(
            f".geoplan-seat.{level} .name{{left:{LEFT_PX}px;top:-{line_px(px)}px;"
            f"font:{weight} {px}px/{line_px(px)}px sans-serif;}}"
        )
    rules.append(".geoplan-seat.county .dot{transform:scale(.7);background:#222;}")
    rules.append(".geoplan-seat.river .dot{display:none;}.geoplan-seat.river .name{color:#1f5f96;}")
    return "".join(rules)


__all__ = [
    "FONT_PX",
    "LABEL_ZOOMS",
    "label_box",
    "line_px",
    "map_labels",
    "mercator_px",
    "page_css",
    "place",
]
