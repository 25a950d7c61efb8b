"""Benchmark: build the transport graph and run travel-time queries (prints seconds)."""

from __future__ import annotations

import time

from geoplan import _network_data as data
from geoplan import network


def main() -> None:
    """Print build and query timings."""
    t0 = time.perf_counter()
    data.rail_stations()
    data.rail_lines()
    t1 = time.perf_counter()
    graph = network.build_graph(year=2025)
    t2 = time.perf_counter()
    for _ in range(200):
        network.travel_time(graph, "岳阳站", "芷江西站", modes=network.RAIL_MODES)
    t3 = time.perf_counter()
    nodes, edges = network.graph_to_gdfs(graph)
    t4 = time.perf_counter()
    print(f"load tables        {t1 - t0:8.4f} s")
    print(
        f"build_graph(2025)  {t2 - t1:8.4f} s  ({graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges)"
    )
    print(f"travel_time x200   {t3 - t2:8.4f} s")
    print(f"graph_to_gdfs      {t4 - t3:8.4f} s  ({len(nodes)}, {len(edges)})")


if __name__ == "__main__":
    main()
