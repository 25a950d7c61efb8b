"""Raw loading of the curated transport tables in ``geodata/`` for :mod:`geoplan.network`.

Rail tables are owned by the network module; expressways, airports and county seats are curated
alongside and read here when present (a missing optional table loads as an empty frame, so the
graph still builds while those files are being curated).
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from geoplan._data import geodata_path
from geoplan.errors import DataError

STATION_COLUMNS = [
    *("name", "lon", "lat", "adcode", "prefecture_adcode", "kind", "opened"),
    *("source", "source2", "confidence", "note"),
]
LINE_COLUMNS = [
    *("line", "kind", "design_speed_kmh", "opened", "planned_year", "status", "seq"),
    *("station", "section_opened", "source", "note", "passenger"),
]
EXPRESSWAY_COLUMNS = [
    *("code", "name", "seq", "node_name", "lon", "lat", "adcode", "kind", "opened"),
    *("status", "source", "confidence", "note"),
]
SERVICE_COLUMNS = [
    *("service", "line", "next_line", "at", "from_side", "to_side", "source", "note"),
]
CHAINAGE_COLUMNS = ["line", "station", "km", "source", "note"]
RUN_COLUMNS = [
    *("run", "seq", "station", "on_line", "train_class", "opened", "section_opened"),
    *("source", "note"),
]
SECTION_SPEED_COLUMNS = [
    *("line", "from_station", "to_station", "speed_kmh", "speed_kind", "year_from", "year_to"),
    *("source", "note", "confidence"),
]
CORRIDOR_COLUMNS = ["corridor", "aliases", "seq", "line", "section", "source", "note"]
ROAD_ALIAS_COLUMNS = ["code", "alias", "source", "confidence", "note"]
AIRPORT_COLUMNS = ["iata", "name", "lon", "lat", "adcode", "opened", "source", "confidence"]
SEAT_COLUMNS = [
    *("adcode", "name", "seat", "lon", "lat", "source", "source2", "confidence", "note"),
]

_STR = {"adcode": str, "prefecture_adcode": str, "name": str, "station": str, "line": str}


def _read(name: str, columns: list[str], *, required: bool) -> pd.DataFrame:
    try:
        path = geodata_path(name)
    except DataError:
        if required:
            raise
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    frame = pd.read_csv(path, dtype=_STR, keep_default_na=False, na_values={"lon": [""]})
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        msg = f"{name} lacks column(s) {', '.join(missing)}"
        raise DataError(msg)
    for col in ("lon", "lat"):
        if col in frame.columns:
            frame[col] = pd.to_numeric(frame[col].replace("", None), errors="coerce")
    return frame


def _year(value: object) -> int | None:
    text = str(value).strip()
    if not text or text.lower() == "nan":
        return None
    try:
        return int(float(text))
    except ValueError:
        msg = f"not a year: {value!r}"
        raise DataError(msg) from None


def _require_known(names: pd.Series, known: pd.Series, table: str, other: str) -> None:
    """Raise DataError if ``table`` names an entry (station, line) that ``other`` lacks."""
    unknown = set(names) - set(known)
    if unknown:
        msg = f"{table} names entries missing from {other}: {sorted(unknown)}"
        raise DataError(msg)


@cache
def rail_stations() -> pd.DataFrame:
    """Return ``rail_stations.csv``; ``lon``/``lat`` are NaN where not yet sourced."""
    frame = _read("rail_stations.csv", STATION_COLUMNS, required=True)
    if frame["name"].duplicated().any():
        dups = sorted(frame.loc[frame["name"].duplicated(), "name"])
        msg = f"rail_stations.csv repeats station name(s): {', '.join(dups)}"
        raise DataError(msg)
    frame["confidence"] = pd.to_numeric(frame["confidence"])
    return frame


@cache
def rail_lines() -> pd.DataFrame:
    """Return ``rail_lines.csv`` with integer ``seq`` and nullable integer years, sorted."""
    frame = _read("rail_lines.csv", LINE_COLUMNS, required=True)
    frame["seq"] = frame["seq"].astype(int)
    if not frame["passenger"].isin(["yes", "no"]).all():
        msg = "rail_lines.csv: passenger must be yes or no"
        raise DataError(msg)
    frame["design_speed_kmh"] = pd.to_numeric(frame["design_speed_kmh"]).astype(float)
    for col in ("opened", "planned_year", "section_opened"):
        frame[col] = pd.array([_year(v) for v in frame[col]], dtype="Int64")
    _require_known(frame["station"], rail_stations()["name"], "rail_lines.csv", "rail_stations.csv")
    return frame.sort_values(["line", "seq"], kind="stable").reset_index(drop=True)


@cache
def rail_chainages() -> dict[tuple[str, str], float]:
    """Return ``rail_chainages.csv`` as ``{(line, station): km}``: sourced chainages (km along
    the line from one origin per line), empty while the table is absent.

    Every ``(line, station)`` must be a row of ``rail_lines.csv`` (or ``(run, station)`` one
    of ``rail_conventional_runs.csv``) and appear once.
    """
    frame = _read("rail_chainages.csv", CHAINAGE_COLUMNS, required=False)
    keys = list(zip(frame["line"], frame["station"], strict=True))
    if len(set(keys)) < len(keys):
        msg = "rail_chainages.csv repeats a (line, station) pair"
        raise DataError(msg)
    lines, runs = rail_lines(), rail_conventional_runs()
    unknown = (
        set(keys)
        - set(zip(lines["line"], lines["station"], strict=True))
        - set(zip(runs["run"], runs["station"], strict=True))
    )
    if unknown:
        msg = f"rail_chainages.csv names stations not on their line: {sorted(unknown)}"
        raise DataError(msg)
    try:
        km = pd.to_numeric(frame["km"]).astype(float)
    except (TypeError, ValueError):
        msg = "rail_chainages.csv: km must be a number"
        raise DataError(msg) from None
    return dict(zip(keys, km, strict=True))


@cache
def rail_conventional_runs() -> pd.DataFrame:
    """Return ``rail_conventional_runs.csv``: routes of conventional (K, T, Z) trains over lines
    built for faster trains, empty while the table is absent.

    Each run lists, by ``seq``, the stations its trains pass or call at and ``on_line``, the
    line of ``rail_lines.csv`` whose track it rides from the previous station (blank on the
    first row, and on a link the data does not hold). ``train_class`` is one of K, T, Z and the
    same on every row of a run; ``opened`` (the year the run began) is read from its first row;
    ``section_opened`` is a station's first year as a call. Stations must be in
    ``rail_stations.csv``, and a run's name must not be a line's.
    """
    frame = _read("rail_conventional_runs.csv", RUN_COLUMNS, required=False)
    frame["seq"] = frame["seq"].astype(int)
    _require_known(
        frame["station"], rail_stations()["name"], "rail_conventional_runs.csv", "rail_stations.csv"
    )
    _require_known(
        frame.loc[frame["on_line"] != "", "on_line"],
        rail_lines()["line"],
        "rail_conventional_runs.csv",
        "rail_lines.csv",
    )
    clash = set(frame["run"]) & set(rail_lines()["line"])
    if clash:
        msg = f"rail_conventional_runs.csv: runs named like lines: {sorted(clash)}"
        raise DataError(msg)
    if (
        not frame["train_class"].isin(["K", "T", "Z"]).all()
        or (frame.groupby("run")["train_class"].nunique() > 1).any()
    ):
        msg = "rail_conventional_runs.csv: train_class must be K, T or Z, one per run"
        raise DataError(msg)
    for col in ("opened", "section_opened"):
        frame[col] = pd.array([_year(v) for v in frame[col]], dtype="Int64")
    return frame.sort_values(["run", "seq"], kind="stable").reset_index(drop=True)


@cache
def rail_section_speeds() -> pd.DataFrame:
    """Return ``rail_section_speeds.csv``: sourced speeds of sections of a line, empty while the
    table is absent.

    ``from_station`` and ``to_station`` must both be stations of ``line`` in ``rail_lines.csv``;
    ``speed_kmh`` is a number; ``year_from``/``year_to`` are nullable integer years (the speed
    holds from ``year_from`` through ``year_to``).
    """
    frame = _read("rail_section_speeds.csv", SECTION_SPEED_COLUMNS, required=False)
    on_line = set(zip(rail_lines()["line"], rail_lines()["station"], strict=True))
    for end in ("from_station", "to_station"):
        unknown = set(zip(frame["line"], frame[end], strict=True)) - on_line
        if unknown:
            msg = f"rail_section_speeds.csv names stations not on their line: {sorted(unknown)}"
            raise DataError(msg)
    try:
        frame["speed_kmh"] = pd.to_numeric(frame["speed_kmh"]).astype(float)
    except (TypeError, ValueError):
        msg = "rail_section_speeds.csv: speed_kmh must be a number"
        raise DataError(msg) from None
    for col in ("year_from", "year_to"):
        frame[col] = pd.array([_year(v) for v in frame[col]], dtype="Int64")
    return frame


@cache
def rail_corridors() -> pd.DataFrame:
    """Return ``rail_corridors.csv``: named corridors and the lines that make them up in Hunan.

    ``line`` is empty for a section the data does not hold; a non-empty ``line`` must be a line
    of ``rail_lines.csv``.
    """
    frame = _read("rail_corridors.csv", CORRIDOR_COLUMNS, required=True)
    frame["seq"] = frame["seq"].astype(int)
    lines = frame.loc[frame["line"] != "", "line"]
    _require_known(lines, rail_lines()["line"], "rail_corridors.csv", "rail_lines.csv")
    return frame.sort_values(["corridor", "seq"], kind="stable").reset_index(drop=True)


@cache
def rail_services() -> pd.DataFrame:
    """Return ``rail_services.csv``: trains that run from one line onto another without a change.

    Each row says that trains of ``line`` coming from the side of station ``from_side`` run on
    over ``next_line`` at station ``at`` toward station ``to_side``, and back the same way,
    with its source. Both lines must be lines of ``rail_lines.csv`` calling at ``at``;
    ``from_side`` must be another station of ``line`` and ``to_side`` another of ``next_line``.
    ``dwell_min`` (float, 0 where blank) is the time such trains stand at ``at`` beyond a call,
    where they reverse there.
    """
    frame = _read("rail_services.csv", SERVICE_COLUMNS, required=True)
    lines = rail_lines()
    _require_known(
        pd.concat([frame["line"], frame["next_line"]]),
        lines["line"],
        "rail_services.csv",
        "rail_lines.csv",
    )
    calls = set(zip(lines["line"], lines["station"], strict=True))
    wrong = [
        f"{r.line}/{r.next_line} at {r.at}"
        for r in frame.itertuples()
        if (r.line, r.at) not in calls or (r.next_line, r.at) not in calls
    ]
    if wrong:
        msg = f"rail_services.csv: both lines must call at the station: {', '.join(wrong)}"
        raise DataError(msg)
    sides = [
        f"{r.line} from {r.from_side} / {r.next_line} to {r.to_side} at {r.at}"
        for r in frame.itertuples()
        if (r.line, r.from_side) not in calls
        or (r.next_line, r.to_side) not in calls
        or r.at in (r.from_side, r.to_side)
    ]
    if sides:
        msg = f"rail_services.csv: sides must be other stations of their lines: {', '.join(sides)}"
        raise DataError(msg)
    if (frame["source"].str.len() == 0).any():
        msg = "rail_services.csv: every row needs a source"
        raise DataError(msg)
    text = frame["dwell_min"].str.strip() if "dwell_min" in frame else pd.Series("", frame.index)
    dwell = pd.to_numeric(text.replace("", "0"), errors="coerce")
    if dwell.isna().any() or (dwell < 0).any():
        bad = ", ".join(frame.loc[dwell.isna() | (dwell < 0), "service"])
        msg = f"rail_services.csv: dwell_min must be minutes, 0 or more: {bad}"
        raise DataError(msg)
    return frame.assign(dwell_min=dwell.astype(float))


def corridor_rows(name: str) -> pd.DataFrame | None:
    """Rows of ``rail_corridors.csv`` for the corridor called ``name`` or one of its aliases
    (simplified script), in order, or None."""
    for corridor, rows in rail_corridors().groupby("corridor", sort=False):
        if name in {str(corridor), *str(rows["aliases"].iloc[0]).split(";")}:
            return rows
    return None


@cache
def expressways() -> pd.DataFrame:
    """Return ``expressways.csv`` (empty if not curated yet)."""
    frame = _read("expressways.csv", EXPRESSWAY_COLUMNS, required=False)
    if len(frame):
        frame["seq"] = frame["seq"].astype(int)
        frame["opened"] = pd.array([_year(v) for v in frame["opened"]], dtype="Int64")
        frame = frame.sort_values(["code", "seq"], kind="stable").reset_index(drop=True)
    return frame


@cache
def expressway_aliases() -> pd.DataFrame:
    """Return ``expressway_aliases.csv``: other names and numbers of curated expressways
    (岳临高速 and S61 for G0421, 平汝高速 for G0422, 杭长高速 and G6021 for S-长浏).

    ``code`` must be a code of ``expressways.csv``.
    """
    frame = _read("expressway_aliases.csv", ROAD_ALIAS_COLUMNS, required=False)
    ways = expressways()
    if len(frame) and len(ways):
        _require_known(frame["code"], ways["code"], "expressway_aliases.csv", "expressways.csv")
    return frame


def expressway_names() -> list[tuple[str, str]]:
    """``(name, code)`` for every name a text may give a curated expressway: its name, its
    national code (G60; the ``S-`` codes are ours, not names) and its aliases."""
    ways = expressways()
    pairs = [(str(n), str(c)) for c, n in zip(ways["code"], ways["name"], strict=True)]
    pairs += [(str(c), str(c)) for c in ways["code"].unique() if not str(c).startswith("S-")]
    aliases = expressway_aliases()
    pairs += [(str(a), str(c)) for c, a in zip(aliases["code"], aliases["alias"], strict=True)]
    return pairs


@cache
def airports() -> pd.DataFrame:
    """Return ``airports.csv`` (empty if not curated yet)."""
    frame = _read("airports.csv", AIRPORT_COLUMNS, required=False)
    if len(frame):
        frame["opened"] = pd.array([_year(v) for v in frame["opened"]], dtype="Int64")
    return frame


def airport_named(fragment: str) -> pd.Series | None:
    """The one curated airport whose name holds ``fragment`` (南岳 -> 衡阳南岳机场), or None."""
    table = airports()
    if not len(table) or len(fragment) < 2:
        return None
    hits = table[table["name"].str.contains(fragment, regex=False)]
    return hits.iloc[0] if len(hits) == 1 else None


@cache
def county_seats() -> pd.DataFrame:
    """Return ``county_seats.csv`` (empty if not curated yet)."""
    return _read("county_seats.csv", SEAT_COLUMNS, required=False)
