"""Benchmark geoplan.extract: accuracy against hand-written answer keys, and speed.

Run: ``python benchmarks/bench_extract.py [-v]``. Prints, per text and in total, for the five
seeds (``tests/data/answers_*.json``), for the development texts no rule was written from
(``tests/data/devtexts``) and for sets C to FW (``tests/data/setc`` ... ``setfw``, each held out
until its first score, see their READMEs), in one run: recall of structures and components,
component places precision/recall/F1, transport names found, cities decoded and status right,
and slogans taken for structures (``geoplan.evaluate``); ``-v`` lists every miss. Then
characters per second for place matching and full extraction on all five seeds, beside cpca
on the same text.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from geoplan import gazetteer
from geoplan.corpus import read_plan
from geoplan.evaluate import Score, load_key, score
from geoplan.extract import extract_plan

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DATA = ROOT / "tests" / "data"


def _keyed() -> dict[str, list[tuple[str, Path, dict]]]:
    seeds = []
    for path in sorted(DATA.glob("answers_*.json")):
        key = load_key(path)
        text = next((ROOT / "seeds").glob(f"{path.stem.split('_')[1]}_*.txt"))
        seeds.append((text.stem[:3], text, key))

    def folder(name: str) -> list[tuple[str, Path, dict]]:
        return [
            (path.stem, path.with_suffix(".txt"), load_key(path))
            for path in sorted((DATA / name).glob("*.json"))
        ]

    return {
        "seeds": seeds,
        "devtexts": folder("devtexts"),
        "setc": folder("setc"),
        "setd": folder("setd"),
        "sete": folder("sete"),
        "setf": folder("setf"),
        "setg": folder("setg"),
        "seth": folder("seth"),
        "seti": folder("seti"),
        "setj": folder("setj"),
        "setk": folder("setk"),
        "setl": folder("setl"),
        "setm": folder("setm"),
        "setn": folder("setn"),
        "seto": folder("seto"),
        "setp": folder("setp"),
        "setq": folder("setq"),
        "setr": folder("setr"),
        "sets": folder("sets"),
        "sett": folder("sett"),
        "setu": folder("setu"),
        "setv": folder("setv"),
        "setw": folder("setw"),
        "setx": folder("setx"),
        "sety": folder("sety"),
        "setz": folder("setz"),
        "setaa": folder("setaa"),
        "setab": folder("setab"),
        "setac": folder("setac"),
        "setad": folder("setad"),
        "setae": folder("setae"),
        "setaf": folder("setaf"),
        "setag": folder("setag"),
        "setah": folder("setah"),
        "setai": folder("setai"),
        "setaj": folder("setaj"),
        "setak": folder("setak"),
        "setal": folder("setal"),
        "setam": folder("setam"),
        "setan": folder("setan"),
        "setao": folder("setao"),
        "setap": folder("setap"),
        "setaq": folder("setaq"),
        "setar": folder("setar"),
        "setas": folder("setas"),
        "setat": folder("setat"),
        "setau": folder("setau"),
        "setav": folder("setav"),
        "setaw": folder("setaw"),
        "setax": folder("setax"),
        "setay": folder("setay"),
        "setaz": folder("setaz"),
        "setba": folder("setba"),
        "setbb": folder("setbb"),
        "setbc": folder("setbc"),
        "setbd": folder("setbd"),
        "setbe": folder("setbe"),
        "setbf": folder("setbf"),
        "setbg": folder("setbg"),
        "setbh": folder("setbh"),
        "setbi": folder("setbi"),
        "setbj": folder("setbj"),
        "setbk": folder("setbk"),
        "setbl": folder("setbl"),
        "setbm": folder("setbm"),
        "setbn": folder("setbn"),
        "setbo": folder("setbo"),
        "setbp": folder("setbp"),
        "setbq": folder("setbq"),
        "setbr": folder("setbr"),
        "setbs": folder("setbs"),
        "setbt": folder("setbt"),
        "setbu": folder("setbu"),
        "setbv": folder("setbv"),
        "setbw": folder("setbw"),
        "setbx": folder("setbx"),
        "setby": folder("setby"),
        "setbz": folder("setbz"),
        "setca": folder("setca"),
        "setcb": folder("setcb"),
        "setcc": folder("setcc"),
        "setcd": folder("setcd"),
        "setce": folder("setce"),
        "setcf": folder("setcf"),
        "setcg": folder("setcg"),
        "setch": folder("setch"),
        "setci": folder("setci"),
        "setcj": folder("setcj"),
        "setck": folder("setck"),
        "setcl": folder("setcl"),
        "setcm": folder("setcm"),
        "setcn": folder("setcn"),
        "setco": folder("setco"),
        "setcp": folder("setcp"),
        "setcq": folder("setcq"),
        "setcr": folder("setcr"),
        "setcs": folder("setcs"),
        "setct": folder("setct"),
        "setcu": folder("setcu"),
        "setcv": folder("setcv"),
        "setcw": folder("setcw"),
        "setcx": folder("setcx"),
        "setcy": folder("setcy"),
        "setcz": folder("setcz"),
        "setda": folder("setda"),
        "setdb": folder("setdb"),
        "setdc": folder("setdc"),
        "setdd": folder("setdd"),
        "setde": folder("setde"),
        "setdf": folder("setdf"),
        "setdg": folder("setdg"),
        "setdh": folder("setdh"),
        "setdi": folder("setdi"),
        "setdj": folder("setdj"),
        "setdk": folder("setdk"),
        "setdl": folder("setdl"),
        "setdm": folder("setdm"),
        "setdn": folder("setdn"),
        "setdo": folder("setdo"),
        "setdp": folder("setdp"),
        "setdq": folder("setdq"),
        "setdr": folder("setdr"),
        "setds": folder("setds"),
        "setdt": folder("setdt"),
        "setdu": folder("setdu"),
        "setdv": folder("setdv"),
        "setdw": folder("setdw"),
        "setdx": folder("setdx"),
        "setdy": folder("setdy"),
        "setdz": folder("setdz"),
        "setea": folder("setea"),
        "seteb": folder("seteb"),
        "setec": folder("setec"),
        "seted": folder("seted"),
        "setee": folder("setee"),
        "setef": folder("setef"),
        "seteg": folder("seteg"),
        "seteh": folder("seteh"),
        "setei": folder("setei"),
        "setej": folder("setej"),
        "setek": folder("setek"),
        "setel": folder("setel"),
        "setem": folder("setem"),
        "seten": folder("seten"),
        "seteo": folder("seteo"),
        "setep": folder("setep"),
        "seteq": folder("seteq"),
        "seter": folder("seter"),
        "setes": folder("setes"),
        "setet": folder("setet"),
        "seteu": folder("seteu"),
        "setev": folder("setev"),
        "setew": folder("setew"),
        "setex": folder("setex"),
        "setey": folder("setey"),
        "setez": folder("setez"),
        "setfa": folder("setfa"),
        "setfb": folder("setfb"),
        "setfc": folder("setfc"),
        "setfd": folder("setfd"),
        "setfe": folder("setfe"),
        "setff": folder("setff"),
        "setfg": folder("setfg"),
        "setfh": folder("setfh"),
        "setfi": folder("setfi"),
        "setfj": folder("setfj"),
        "setfk": folder("setfk"),
        "setfl": folder("setfl"),
        "setfm": folder("setfm"),
        "setfn": folder("setfn"),
        "setfo": folder("setfo"),
        "setfp": folder("setfp"),
        "setfq": folder("setfq"),
        "setfr": folder("setfr"),
        "setfs": folder("setfs"),
        "setft": folder("setft"),
        "setfu": folder("setfu"),
        "setfv": folder("setfv"),
        "setfw": folder("setfw"),
    }


def _row(label: str, s: Score) -> str:
    r = s.ratios()
    return (
        f"{label:<16}{s.structures_found:>3}/{s.structures:<4}{s.components_found:>4}/"
        f"{s.components:<4}{r['places_p']:>6.2f}{r['places_r']:>6.2f}{r['places_f1']:>6.2f}"
        f"{s.transport_found:>5}/{s.transport:<4}{r['cities']:>7.2f}{r['status']:>7.2f}"
        f"{s.slogans_taken:>5}/{s.slogans}"
    )


def accuracy(*, verbose: bool = False) -> None:
    head = (
        f"{'text':<16}{'struct':>8}{'comps':>9}{'P':>6}{'R':>6}{'F1':>6}{'transp':>10}"
        f"{'cities':>7}{'status':>7}{'slogans':>8}"
    )
    for group, items in _keyed().items():
        print(f"\n{group} (places: component places precision, recall, F1)")
        print(head)
        total = Score()
        for label, text, key in items:
            s = score(extract_plan(read_plan(text)), key)
            total = total + s
            print(_row(label, s))
            if verbose:
                for miss in s.misses:
                    print(f"    {miss}")
        print(_row("TOTAL", total))


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


HOSTILE_SECONDS = 10.0
"""Target: no hostile text below takes longer to read and extract."""


def hostile() -> None:
    """Texts no plan is but an attacker or a broken converter may give: the seeds as one line
    of about a million characters, and quoted labels, prose labels or stop chains repeated
    without end (each new form of the grammar is bounded)."""
    from geoplan.corpus import read_text

    seeds = "".join(p.read_text(encoding="utf-8") for p in SEEDS).replace("\n", "")
    texts = {
        "the seeds x4 as one line": seeds * 4,
        "quoted tokens x100,000": "“两区”“三谷”" * 100_000,
        "prose labels x40,000": "高标准建设“两山”,将甲山城建设成为," * 40_000,
        "stop chains x100,000": "长沙-株洲," * 100_000 + "等轨道。",
        "parts named as one of x40,000": "构建“一核两区”格局。"
        + "甲地区是其中的一区,范围包括长沙市。" * 40_000,
        "unquoted names with verbs x40,000": "按照一核引领、两翼支撑、三心鼎力的思路。" * 40_000,
        "ordinal table cells x40,000": "构建“一环两纵”格局。\n"
        + "| 两纵之一:甲长廊 | 经吉首市 | 依托 |\n" * 40_000,
        "codes before one suffix x100,000": "湘黔、" * 100_000 + "怀邵衡铁路。",
    }
    print()
    print(f"hostile texts (target <= {HOSTILE_SECONDS:g} s each)")
    for label, text in texts.items():
        t0 = time.perf_counter()
        extract_plan(read_text(text))
        t = time.perf_counter() - t0
        flag = "" if t <= HOSTILE_SECONDS else "  OVER TARGET"
        print(f"{label:<26}{len(text):>10,} chars {t:>7.2f} s{flag}")


if __name__ == "__main__":
    accuracy(verbose="-v" in sys.argv)
    speed()
    hostile()
