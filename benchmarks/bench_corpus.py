"""Benchmark geoplan's corpus extraction: a folder of plans on 1 process against 2.

Run: ``python benchmarks/bench_corpus.py [--plans 200] [--jobs 1,2] [--layers]``. Makes a folder
of ``--plans`` plan files in a temporary directory (the seeds and ``tests/data/devtexts`` repeated,
each copy a file of its own), extracts it with ``geoplan.corpus.extract_folder`` on each number
of worker processes, and prints seconds, characters per second and the speed-up over one
process. The goal is near-linear speed-up (2 processes close to 2x). ``--layers`` also draws the
corpus layers (structures, components, transport, figures as GeoPackage).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

from geoplan.corpus import extract_folder, extract_one

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "devtexts").glob("*.txt")
)


def make_folder(folder: Path, n: int) -> int:
    """Copy the sources round-robin into ``folder`` until it holds ``n`` plans; return chars."""
    chars = 0
    for i in range(n):
        src = SOURCES[i % len(SOURCES)]
        sub = folder / f"batch{i // 50:02d}"
        sub.mkdir(exist_ok=True)
        shutil.copy(src, sub / f"{i:03d}_{src.name}")
        chars += len(src.read_text(encoding="utf-8"))
    return chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--jobs", default="1,2", help="comma-separated process counts")
    parser.add_argument("--layers", action="store_true", help="also write the corpus layers")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        folder.mkdir()
        chars = make_folder(folder, args.plans)
        print(
            f"{args.plans} plans ({len(SOURCES)} distinct texts repeated), {chars:,} characters; "
            f"{os.cpu_count()} cores on this machine"
        )
        # warm the caches (gazetteer automata, curated tables) first: forked workers inherit
        # them, and a cold single process would otherwise make the speed-up look better
        extract_one(SOURCES[0])
        print(
            f"{'processes':>9}{'seconds':>10}{'cpu s':>8}{'chars/s':>12}{'speed-up':>10}"
            f"{'load':>6}  failed"
        )
        base = None
        for jobs in (int(j) for j in args.jobs.split(",")):
            out = Path(tmp) / f"out{jobs}"
            t0 = time.perf_counter()
            c0 = _cpu()
            run = extract_folder(
                folder, out, jobs=jobs, layer_format="gpkg" if args.layers else None
            )
            seconds = time.perf_counter() - t0
            cpu = _cpu() - c0
            base = base or seconds
            print(
                f"{jobs:>9}{seconds:>10.1f}{cpu:>8.1f}{run.characters / seconds:>12,.0f}"
                f"{base / seconds:>9.2f}x{os.getloadavg()[0]:>6.1f}  {len(run.failed)}"
            )
    print(
        "cpu s: processor time of this process and its finished workers; with a load above "
        "the number of cores, other work takes the second core and the speed-up falls"
    )


def _cpu() -> float:
    """Processor seconds used by this process and its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    main()
