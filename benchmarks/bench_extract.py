"""Benchmark geoplan.extract: accuracy against the hand-written answer keys, and speed.

Run: ``python benchmarks/bench_extract.py``. Prints precision and recall for structures,
components and component places (tests/data/answers_*.json), then characters per second for
place matching and full extraction on all five seeds, beside cpca on the same text.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from geoplan import gazetteer
from geoplan.corpus import read_plan
from geoplan.extract import extract_plan

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
KEYS = sorted((ROOT / "tests" / "data").glob("answers_*.json"))


def _norm(name: str) -> str:
    return re.sub(r"[\s“”\"()（）—\-、]", "", name)


def _same(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a) and bool(b) and (a == b or a in b or b in a)


def _pr(tp: int, n_found: int, n_true: int) -> tuple[float, float]:
    return (tp / n_found if n_found else 1.0), (tp / n_true if n_true else 1.0)


def accuracy() -> None:
    totals = {k: [0, 0, 0] for k in ("structures", "components", "places")}
    for key_path in KEYS:
        key = json.loads(key_path.read_text(encoding="utf-8"))
        plan = read_plan(ROOT / "seeds" / key["source"])
        got = extract_plan(plan).to_dict()["structures"]
        only_structures = "structures and travel-time" in key.get("written_by", "")
        del only_structures
        true_s = key["structures"]
        matched = []
        for t in true_s:
            g = next((g for g in got if _norm(g["pattern"]) == _norm(t["pattern"])), None)
            if g is not None:
                matched.append((t, g))
        s = [len(matched), len(got), len(true_s)]
        c = [0, 0, 0]
        p = [0, 0, 0]
        misses = []
        for t, g in matched:
            c[1] += len(g["components"])
            c[2] += len(t["components"])
            used: set[int] = set()
            for tc in t["components"]:
                gi = next(
                    (
                        i
                        for i, gc in enumerate(g["components"])
                        if i not in used
                        and gc["role"] == tc["role"]
                        and _same(gc["name"], tc["name"])
                    ),
                    None,
                )
                true_codes = {x["adcode"] for x in tc["places"]}
                p[2] += len(true_codes)
                if gi is None:
                    misses.append(f"{t['pattern']}/{tc['role']}:{tc['name']}")
                    continue
                used.add(gi)
                c[0] += 1
                got_codes = {x["adcode"] for x in g["components"][gi]["places"]}
                p[0] += len(got_codes & true_codes)
                p[1] += len(got_codes)
        # unmatched found components still count against component-place precision
        for g in got:
            if not any(_norm(g["pattern"]) == _norm(t["pattern"]) for t in true_s):
                for gc in g["components"]:
                    p[1] += len(gc["places"])
        for k, v in zip(("structures", "components", "places"), (s, c, p), strict=True):
            for i in range(3):
                totals[k][i] += v[i]
        extra = [
            g["pattern"]
            for g in got
            if not any(_norm(g["pattern"]) == _norm(t["pattern"]) for t in true_s)
        ]
        lost = [t["pattern"] for t in true_s if not any(t is m[0] for m in matched)]
        print(f"{key['source']}: structures {s[0]}/{len(got)} found, {s[0]}/{len(true_s)} true")
        if lost:
            print(f"  missed structures: {', '.join(lost)}")
        if extra:
            print(f"  extra structures: {', '.join(extra)}")
        if misses:
            print(f"  missed components: {', '.join(misses)}")
    print()
    print(f"{'level':<12}{'precision':>10}{'recall':>10}")
    for k, (tp, nf, nt) in totals.items():
        pr, rc = _pr(tp, nf, nt)
        print(f"{k:<12}{pr:>10.3f}{rc:>10.3f}")


def speed(repeat: int = 3) -> None:
    import cpca

    plans = [read_plan(p) for p in SEEDS]
    texts = [p.text for p in plans]
    n = sum(len(t) for t in texts)
    for t in texts:  # warm caches (automata, tables) outside the timing
        gazetteer.match(t[:1000])
    extract_plan(plans[0])

    def best(fn) -> float:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    t_match = best(lambda: [gazetteer.match(t) for t in texts])
    t_extract = best(lambda: [extract_plan(p) for p in plans])
    lines = [ln for t in texts for ln in t.split("\n") if ln.strip()]
    cpca.transform(lines[:10])
    t_cpca = best(lambda: cpca.transform(lines))
    print()
    print(f"five seeds, {n} characters (best of {repeat})")
    print(f"{'task':<34}{'seconds':>10}{'chars/s':>14}")
    for label, t in (
        ("gazetteer.match (place matching)", t_match),
        ("extract_plan (full extraction)", t_extract),
        ("cpca.transform (lines)", t_cpca),
    ):
        print(f"{label:<34}{t:>10.3f}{n / t:>14,.0f}")


if __name__ == "__main__":
    accuracy()
    speed()
