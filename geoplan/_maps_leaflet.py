"""Leaflet-side pieces of geoplan's web maps: self-contained assets, the classed legend control
and a small fullscreen control, all rendered without any network access.

Leaflet 1.9.4 comes from the PyPI package ``django-js-lib-leaflet`` (BSD; js, css and images as
package data), read at run time and inlined; nothing of it is copied into the repository.
"""

from __future__ import annotations

import base64
import contextlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from geoplan import _maps_labels
from geoplan._data import package_file
from geoplan._html import attributes, escape
from geoplan.errors import GeoplanError

# Assets folium's Map and plugins link from CDNs that geoplan's maps do not use (no markers,
# no bootstrap popups, no icon fonts): offline HTML drops them instead of inlining them.
_UNNEEDED_ASSETS = (
    "jquery",
    "bootstrap",
    "glyphicons",
    "fontawesome",
    "font-awesome",
    "awesome-markers",
    "awesome.rotate",
)
_SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']([^\"']+)[\"'][^>]*>\s*</script>", re.I)
_LINK_HREF = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']([^\"']+)[\"'][^>]*/?>", re.I)


@cache
def _leaflet_dir() -> Path:
    js = package_file(
        "js_lib_leaflet", "static", "js_lib_leaflet", "leaflet.js",
        what="Leaflet 1.9.4 (PyPI django-js-lib-leaflet)",
    )  # fmt: skip
    return js.parent


@cache
def leaflet_js() -> str:
    """Return Leaflet's minified JavaScript, safe to place inside a ``<script>`` element."""
    code = (_leaflet_dir() / "leaflet.js").read_text(encoding="utf-8")
    code = re.sub(r"//# sourceMappingURL=\S+", "", code)
    return code.replace("</script", "<\\/script")


@cache
def leaflet_css() -> str:
    """Return Leaflet's stylesheet with its images inlined as ``data:`` URIs."""
    folder = _leaflet_dir()
    css = (folder / "leaflet.css").read_text(encoding="utf-8")

    def data_uri(match: re.Match[str]) -> str:
        name = match.group(1)
        raw = (folder / "images" / name).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(raw).decode('ascii')})"

    return re.sub(r"url\(images/([\w.-]+\.png)\)", data_uri, css)


def _asset_content(url: str, kind: str) -> str | None:
    """Return the inline text for a linked asset, ``None`` to drop it; raise if unknown."""
    name = url.rsplit("/", 1)[-1].split("?", 1)[0].lower()
    low = url.lower()
    if "leaflet" in low and name in {"leaflet.js", "leaflet-src.js"} and kind == "js":
        return leaflet_js()
    if "leaflet" in low and name == "leaflet.css" and kind == "css":
        return leaflet_css()
    if any(token in low for token in _UNNEEDED_ASSETS):
        return None
    msg = f"offline map: no local copy of {url}; the element that links it cannot go offline"
    raise GeoplanError(msg)


def inline_assets(page: str) -> str:
    """Replace every ``<script src>`` and stylesheet ``<link href>`` of ``page`` with inline text.

    Leaflet's script and stylesheet are inlined from the installed package; folium defaults that
    geoplan's maps do not need (jQuery, Bootstrap, icon fonts, awesome-markers) are dropped; any
    other linked asset is an error, so an offline page never depends on the network.
    """

    def script(match: re.Match[str]) -> str:
        code = _asset_content(match.group(1), "js")
        return "" if code is None else f"<script>{code}</script>"

    def link(match: re.Match[str]) -> str:
        tag = match.group(0)
        if not re.search(r"rel\s*=\s*[\"']?stylesheet", tag, re.I):
            url = match.group(1)
            if url.startswith(("data:", "#")):
                return tag
            msg = f"offline map: a <link> to {url} would leave the machine"
            raise GeoplanError(msg)
        css = _asset_content(match.group(1), "css")
        return "" if css is None else f"<style>{css}</style>"

    page = _SCRIPT_SRC.sub(script, page)
    return _LINK_HREF.sub(link, page)


def external_assets(page: str) -> list[str]:
    """Return the URLs of every linked script or stylesheet left in ``page``."""
    return _SCRIPT_SRC.findall(page) + _LINK_HREF.findall(page)


@contextlib.contextmanager
def compact_json() -> Iterator[None]:
    """Render folium templates with compact JSON (no spaces after ``,`` and ``:``) in this block.

    folium embeds GeoJSON through jinja's ``tojson`` filter, whose ``json.dumps`` keywords are a
    policy of folium's template environment; the policy is restored on exit. Saves about 10 % of
    a boundary-heavy page.
    """
    policies = folium.Map._template.environment.policies
    key = "json.dumps_kwargs"
    before = policies[key]
    policies[key] = {**before, "separators": (",", ":")}
    try:
        yield
    finally:
        policies[key] = before


def use_leaflet_only(m: folium.Map) -> None:
    """Make ``m`` link Leaflet's own script and stylesheet and none of folium's other defaults."""
    m.default_js = [item for item in m.default_js if item[0] == "leaflet"]
    m.default_css = [item for item in m.default_css if item[0] == "leaflet_css"]


def add_page_style(m: folium.Map, *, background: str = "#f3f5f7") -> None:
    """Give the map a plain background (there are no tiles) and readable tooltips."""
    css = (
        "<style>"
        f".folium-map.leaflet-container{{background:{background};}}"
        ".foliumtooltip{max-width:22em;white-space:normal;font-size:13px;}"
        ".foliumtooltip td{word-break:break-word;}"
        f"{_maps_labels.page_css()}"
        "</style>"
    )
    m.get_root().header.add_child(Element(css), name="geoplan_page_style")


class Legend(MacroElement):
    """A classed legend: a Leaflet control holding our own small HTML table of swatches.

    Each row carries ``data-upper`` (the class's upper bin, as mapclassify gives it) so tests
    and readers can check the legend against the classification.
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .geoplan-legend{background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;
          box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.35 sans-serif;color:#222;}
        .geoplan-legend .title{font-weight:bold;margin-bottom:4px;max-width:16em;}
        .geoplan-legend .row{display:flex;align-items:center;margin:2px 0;}
        .geoplan-legend .sw{display:inline-block;width:18px;height:12px;margin-right:6px;
          border:1px solid #777;flex:none;}
        .geoplan-legend .note{margin-top:4px;color:#555;max-width:16em;}
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
        {{ this.body }}
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function(){
          var ctl = L.control({position: {{ this.position|tojson }}});
          ctl.onAdd = function(){
            var el = document.getElementById({{ this.get_name()|tojson }});
            el.style.display = "block";
            L.DomEvent.disableClickPropagation(el);
            return el;
          };
          ctl.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        title: str,
        rows: list[tuple[str, str, dict[str, str]]],
        *,
        note: str | None = None,
        position: str = "bottomright",
    ) -> None:
        """``rows`` are ``(colour or CSS style, label, data attributes)``; text is escaped here."""
        super().__init__()
        self._name = "GeoplanLegend"
        self.position = position
        parts = [
            f'<div id="{self.get_name()}" class="geoplan-legend" style="display:none">',
            f'<div class="title">{escape(title)}</div>',
        ]
        for style, label, attrs in rows:
            data = attributes({f"data-{k}": v for k, v in attrs.items()})
            swatch = style if ":" in style else f"background:{style}"
            parts.append(
                f'<div class="row"{data}><span class="sw" style="{escape(swatch)}"></span>'
                f'<span class="label">{escape(label)}</span></div>'
            )
        if note:
            parts.append(f'<div class="note">{escape(note)}</div>')
        parts.append("</div>")
        self.body = "".join(parts)


class FullscreenControl(MacroElement):
    """A fullscreen toggle written for geoplan with the browser's Fullscreen API.

    folium's ``plugins.Fullscreen`` needs the leaflet.fullscreen script from a CDN, which no PyPI
    package ships; offline maps use this small control instead (online maps use folium's).
    """

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .geoplan-fullscreen a{font-size:18px;line-height:30px;text-align:center;cursor:pointer;}
        .leaflet-container:fullscreen{width:100%!important;height:100%!important;}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function(){
          var map = {{ this._parent.get_name() }};
          var Ctl = L.Control.extend({
            options: {position: {{ this.position|tojson }}},
            onAdd: function(){
              var box = L.DomUtil.create("div", "leaflet-bar leaflet-control geoplan-fullscreen");
              var a = L.DomUtil.create("a", "", box);
              a.href = "#"; a.title = {{ this.title|tojson }}; a.setAttribute("role", "button");
              a.innerHTML = '<svg width="14" height="14" viewBox="0 0 14 14" fill="none" ' +
                'stroke="#333" stroke-width="2" style="margin-top:8px"><path d="M1 5V1h4M9 ' +
                '1h4v4M13 9v4H9M5 13H1V9"/></svg>';
              L.DomEvent.on(a, "click", function(e){
                L.DomEvent.preventDefault(e);
                var el = map.getContainer();
                if (document.fullscreenElement) { document.exitFullscreen(); }
                else if (el.requestFullscreen) { el.requestFullscreen(); }
              });
              L.DomEvent.disableClickPropagation(box);
              return box;
            }
          });
          new Ctl().addTo(map);
          document.addEventListener("fullscreenchange", function(){ map.invalidateSize(); });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, *, position: str = "topleft", title: str = "全屏 / Full screen") -> None:
        super().__init__()
        self._name = "GeoplanFullscreen"
        self.position = position
        self.title = title


class DrawOrder(MacroElement):
    """Keep features with a numeric ``z`` property stacked by it (smallest ``z`` at the bottom).

    Layers drawn in the order their groups were added hide each other by accident (a city-wide
    zone added last covers its core); this control re-stacks every feature carrying ``z`` when
    the page opens and whenever a layer is switched back on. The map's borders stay above in
    their own layers, which carry no ``z`` and are brought to the front after.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function(){
          var map = {{ this._parent.get_name() }};
          function order(){
            var ranked = [], rest = [];
            map.eachLayer(function(l){
              if (!l.bringToFront || !l.feature) { return; }
              var z = l.feature.properties && l.feature.properties.z;
              if (typeof z === "number") { ranked.push(l); } else { rest.push(l); }
            });
            ranked.sort(function(a, b){ return a.feature.properties.z - b.feature.properties.z; });
            ranked.forEach(function(l){ l.bringToFront(); });
            rest.forEach(function(l){ if (!l.options.interactive) { l.bringToFront(); } });
          }
          order();
          map.on("overlayadd", order);
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeoplanDrawOrder"


class RoleToggles(MacroElement):
    """Switch every feature of one role class (all cores, all corridors ...) on and off at once.

    A structure map draws each feature once, in the layer of its structure; the role toggles are
    empty layers in the layer control, one per class. A feature carrying ``r`` (its class's
    number) is shown while its structure's layer and its class's toggle are both on: the script
    hides the feature's SVG path while its toggle is off, and again whenever a structure's layer
    is switched back on (Leaflet then draws new paths). ``toggles`` maps a class number to the
    folium layer standing for it; no text enters the script.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function(){
          var map = {{ this._parent.get_name() }};
          var toggles = {
          {%- for key, layer in this.toggles.items() %}
            {{ key|tojson }}: {{ layer.get_name() }}{{ "," if not loop.last }}
          {%- endfor %}
          };
          var features = [];
          map.eachLayer(function(l){
            var p = l.feature && l.feature.properties;
            if (p && typeof p.r === "number" && p.r >= 0) { features.push(l); }
          });
          function apply(){
            features.forEach(function(l){
              var on = !toggles[l.feature.properties.r] ||
                map.hasLayer(toggles[l.feature.properties.r]);
              var el = l.getElement && l.getElement();
              if (el) { el.style.display = on ? "" : "none"; }
            });
          }
          map.on("overlayadd overlayremove", apply);
          apply();
        })();
        {% endmacro %}
        """
    )

    def __init__(self, toggles: dict[int, folium.FeatureGroup]) -> None:
        super().__init__()
        self._name = "GeoplanRoleToggles"
        self.toggles = toggles


class ZoomLabels(MacroElement):
    """Map labels added to their layer at the zooms they fit (and removed below them).

    ``labels`` are ``(lat, lon, name, min_zoom)`` with ``name`` already escaped
    (:func:`geoplan._html.escape`); ``level`` is the label's CSS class (``prefecture``,
    ``county`` or ``river``). Each becomes a Leaflet ``divIcon`` marker of the parent layer,
    shown while the map's zoom is at least its ``min_zoom`` (:func:`geoplan._maps_labels.place`).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function(){
          var layer = {{ this._parent.get_name() }};
          var map = {{ this._parent._parent.get_name() }};
          var markers = {{ this.labels|tojson }}.map(function(r){
            var icon = L.divIcon({className: "", iconSize: [0, 0], iconAnchor: [0, 0],
              html: '<div class="geoplan-seat {{ this.level }}" data-min-zoom="' + r[3] +
                '"><span class="dot"></span><span class="name">' + r[2] + "</span></div>"});
            return [L.marker([r[0], r[1]], {icon: icon, interactive: false, keyboard: false}),
                    r[3]];
          });
          function update(){
            var z = map.getZoom();
            markers.forEach(function(m){
              var want = z >= m[1];
              if (want && !layer.hasLayer(m[0])) { layer.addLayer(m[0]); }
              if (!want && layer.hasLayer(m[0])) { layer.removeLayer(m[0]); }
            });
          }
          map.on("zoomend", update);
          map.whenReady(update);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, labels: list[tuple[float, float, str, int]], *, level: str) -> None:
        super().__init__()
        if level not in {"prefecture", "county", "river"}:
            msg = f"map labels are of a prefecture, a county or a river, not {level!r}"
            raise GeoplanError(msg)
        self._name = "GeoplanZoomLabels"
        self.labels = [[round(a, 5), round(b, 5), name, int(z)] for a, b, name, z in labels]
        self.level = level
