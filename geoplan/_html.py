"""The one place where text enters HTML: every page geoplan writes (map titles, layer names,
tooltips, popups, legends, the atlas index) escapes what it did not write itself through here.

Plan text (titles, names, quotes, file names) is data, never markup: ``&``, ``<``, ``>`` and both
quote characters become entities, so the text is safe in element content, in quoted attributes
and in strings that Leaflet places with ``innerHTML`` (layer control names, tooltips, popups).
"""

from __future__ import annotations

import html
import urllib.parse
from typing import Any

__all__ = ["attributes", "escape", "href"]


def escape(value: Any) -> str:
    """Return ``value`` as text safe in HTML content and in quoted attribute values.

    Examples
    --------
    >>> escape('株洲规划</title><script>document.title="PWNED"</script>')
    '株洲规划&lt;/title&gt;&lt;script&gt;document.title=&quot;PWNED&quot;&lt;/script&gt;'
    >>> escape(2025)
    '2025'
    """
    return html.escape(str(value), quote=True)


def attributes(attrs: dict[str, Any]) -> str:
    """Return ``attrs`` as escaped ``key="value"`` pairs, each with a leading space.

    Examples
    --------
    >>> attributes({"data-name": "长沙\\"><b>", "class": "row"})
    ' data-name="长沙&quot;&gt;&lt;b&gt;" class="row"'
    """
    return "".join(f' {escape(k)}="{escape(v)}"' for k, v in attrs.items())


def href(path: str) -> str:
    """Return a relative file path as an escaped link target (percent-encoded, then escaped).

    Examples
    --------
    >>> href("000_<b>#1.txt/structures.html")
    '000_%3Cb%3E%231.txt/structures.html'
    """
    return escape(urllib.parse.quote(path))
