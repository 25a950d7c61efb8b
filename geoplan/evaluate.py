"""Scoring an extract against a hand-written answer key.

A key (``tests/data/devtexts/*.json`` shows the schema) lists a plan's spatial structures with
their components and places, the slogans of the same shape that are not structures, and its
transport projects with decoded cities and status. :func:`score` counts how much of it an
extract finds, the way ``shared/tools/score_extract.py`` does: names match after
traditional -> simplified conversion, without whitespace and punctuation, when one contains
the other; places compare without a trailing 市/县/区.

Keys written before the devtexts schema (``tests/data/answers_000.json`` ...: ``structures``
with places as ``{"name", "adcode"}`` and ``not_structures``) are read by :func:`load_key`.

Examples
--------
>>> from geoplan.corpus import read_text
>>> from geoplan.extract import extract_plan
>>> key = {"spatial_structures": [{"pattern": "一核两翼", "components": [
...     {"role": "核", "name": "主城区", "places": []}]}], "slogans": ["三高四新"]}
>>> x = extract_plan(read_text("实施“三高四新”战略,构建“一核两翼”格局。一核:主城区。"))
>>> s = score(x, key)
>>> (s.structures_found, s.structures, s.components_found, s.slogans_taken)
(1, 1, 1, 0)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["Score", "load_key", "same", "score"]

_PUNCT = re.compile(r"[\s“”\"'「」『』、,，·:：()（）—\-]")
_UNIT_SUFFIX = re.compile(r"(市|县|区|自治县|自治州)$")


@cache
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s").convert


def _norm(s: object) -> str:
    return _PUNCT.sub("", _t2s()(str(s)))


def same(a: object, b: object) -> bool:
    """Whether two names match: equal, or one holds the other, after normalisation.

    >>> same("湘江东岸", "“湘江东岸”"), same("東部新區", "东部新区"), same("", "东部新区")
    (True, True, False)
    """
    a, b = _norm(a), _norm(b)
    return bool(a) and bool(b) and (a == b or a in b or b in a)


def _unit(name: object) -> str:
    n = _norm(name)
    return _UNIT_SUFFIX.sub("", n) or n


def _units(items: Any) -> set[str]:
    return {_unit(p.get("name", "") if isinstance(p, dict) else p) for p in items or []}


def _transport_name(name: object) -> str:
    n = re.sub(r"[(（][^()（）]*[)）]", "", _t2s()(str(name))).strip()
    n = re.sub(r"(扩容|改扩建|提质改造|工程)$", "", n)
    return re.sub(r"(高速|城际|铁路)(公路|铁路)$", r"\1", n)


@dataclass
class Score:
    """Counts of one or more texts scored against their keys; ``+`` adds them up."""

    structures: int = 0
    structures_found: int = 0
    components: int = 0
    components_found: int = 0
    places_tp: int = 0
    places_fp: int = 0
    places_fn: int = 0
    transport: int = 0
    transport_found: int = 0
    cities_right: int = 0
    status_right: int = 0
    slogans: int = 0
    slogans_taken: int = 0
    misses: list[str] = field(default_factory=list)

    def __add__(self, other: Score) -> Score:
        out = Score()
        for f in fields(Score):
            setattr(out, f.name, getattr(self, f.name) + getattr(other, f.name))
        return out

    def ratios(self) -> dict[str, float]:
        """Recall of structures and components, place precision/recall/F1, transport names,
        cities and status (shares of the key's items), and slogans taken."""

        def r(a: int, b: int) -> float:
            return a / b if b else 1.0

        p = r(self.places_tp, self.places_tp + self.places_fp)
        rc = r(self.places_tp, self.places_tp + self.places_fn)
        return {
            "structures": r(self.structures_found, self.structures),
            "components": r(self.components_found, self.components),
            "places_p": p,
            "places_r": rc,
            "places_f1": 2 * p * rc / (p + rc) if p + rc else 0.0,
            "transport": r(self.transport_found, self.transport),
            "cities": r(self.cities_right, self.transport),
            "status": r(self.status_right, self.transport),
            "slogans_taken": float(self.slogans_taken),
        }


def load_key(path: str | Path) -> dict[str, Any]:
    """Read an answer key; keys of the earlier seed schema are turned into the devtexts one."""
    key = json.loads(Path(path).read_text(encoding="utf-8"))
    if "spatial_structures" in key:
        return key
    return {
        "source": key.get("source"),
        "jurisdiction": key.get("jurisdiction"),
        "spatial_structures": [
            {
                "pattern": s["pattern"],
                "class": s.get("kind"),
                "components": [
                    {"role": c["role"], "name": c["name"], "places": c.get("places", [])}
                    for c in s.get("components", [])
                ],
            }
            for s in key.get("structures", [])
        ],
        "slogans": key.get("not_structures", []),
        "transport": key.get("transport", []),
    }


def score(extract: Any, key: dict[str, Any]) -> Score:
    """Score an extract (a ``PlanExtract`` or its dict) against a key read by :func:`load_key`."""
    x = extract.to_dict() if hasattr(extract, "to_dict") else extract
    out = Score()
    structures = x.get("structures", [])
    for want in key.get("spatial_structures", []):
        out.structures += 1
        got = next((s for s in structures if same(s.get("pattern", ""), want["pattern"])), None)
        if got is None:
            out.misses.append(f"structure {want['pattern']}")
        else:
            out.structures_found += 1
        for wc in want.get("components", []):
            out.components += 1
            wp = _units(wc.get("places"))
            gc = None
            if got is not None:
                gc = next(
                    (c for c in got.get("components", []) if same(c.get("name", ""), wc["name"])),
                    None,
                )
            if gc is None:
                out.places_fn += len(wp)
                out.misses.append(f"component {want['pattern']}/{wc['name']}")
                continue
            out.components_found += 1
            gp = _units(gc.get("places"))
            out.places_tp += len(wp & gp)
            out.places_fp += len(gp - wp)
            out.places_fn += len(wp - gp)
            if gp != wp:
                out.misses.append(f"places of {wc['name']}: want {sorted(wp)}, got {sorted(gp)}")
    taken = {_norm(s.get("pattern", "")) for s in structures}
    for slogan in key.get("slogans", []):
        out.slogans += 1
        if _norm(slogan) in taken:
            out.slogans_taken += 1
            out.misses.append(f"slogan taken {slogan}")
    for want in key.get("transport", []):
        out.transport += 1
        name = _transport_name(want["name"])
        got = next(
            (t for t in x.get("transport", []) if same(_transport_name(t.get("name", "")), name)),
            None,
        )
        if got is None:
            out.misses.append(f"transport {want['name']}")
            continue
        out.transport_found += 1
        if _units(want.get("cities")) <= _units(got.get("cities")):
            out.cities_right += 1
        else:
            out.misses.append(f"cities of {want['name']}: got {got.get('cities')}")
        if got.get("status") == want.get("status"):
            out.status_right += 1
        else:
            out.misses.append(f"status of {want['name']}: got {got.get('status')}")
    return out
