"""Benchmark: build the atlas of the five seeds offline (target: under 60 s, every page under
1.5 MB); prints seconds, the largest pages and whether any page links a script or stylesheet."""

from __future__ import annotations

import socket
import sys
import tempfile
import time
from pathlib import Path

from geoplan._maps_leaflet import external_assets
from geoplan.atlas import build_atlas

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 60.0
PAGE_LIMIT_BYTES = 1_500_000


def _no_network() -> None:
    """Make any attempt to open a socket fail loudly: the atlas must build offline."""

    def refuse(*_args, **_kwargs):
        msg = "the atlas tried to use the network"
        raise OSError(msg)

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]


def main() -> int:
    """Build the atlas once and print its timing and page sizes; exit 1 if a target is missed."""
    _no_network()
    with tempfile.TemporaryDirectory() as tmp:
        t0, c0 = time.perf_counter(), time.process_time()
        report = build_atlas(ROOT / "seeds", Path(tmp) / "atlas")
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        pages = sorted(report.out.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
        linked = [p.name for p in pages if external_assets(p.read_text(encoding="utf-8"))]
        print(f"build_atlas(seeds)  {seconds:8.1f} s  (target {TARGET_S:.0f} s; CPU {cpu:.1f} s)")
        print(f"maps {len(report.maps)}, files {len(report.files)}, pages {len(pages)}")
        for p in pages[:5]:
            print(f"  {p.stat().st_size / 1e6:6.3f} MB  {p.relative_to(report.out)}")
        print(f"pages linking a script or stylesheet: {linked or 'none'}")
        too_big = [p for p in pages if p.stat().st_size > PAGE_LIMIT_BYTES]
        ok = seconds < TARGET_S and not too_big and not linked
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
