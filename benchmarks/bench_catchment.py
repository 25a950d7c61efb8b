"""Benchmark geoplan.catchment (scipy csgraph) against a plain networkx implementation.

Same graph, same door-to-door model, same grid: only the shortest-path engine differs.
Run: ``python benchmarks/bench_catchment.py [--year 2025] [--scenario plan]``.
Goals (issue 6): 1 km surface <= 0.5 s; 122 x 122 matrix <= 0.5 s; 1/2/3 h isochrones of all
122 seats <= 60 s on 2 cores.
"""

from __future__ import annotations

import argparse
import time

import networkx as nx
import numpy as np

from geoplan import catchment as c
from geoplan.network import build_graph


def _nx_state_graph(compiled: c._Compiled) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_weighted_edges_from(
        zip(compiled.rows.tolist(), compiled.cols.tolist(), compiled.weights.tolist(), strict=True)
    )
    return g


def _nx_node_minutes(g: nx.DiGraph, compiled, sources) -> np.ndarray:
    h = g.copy()
    src = "origin"
    for node, minutes in sources:
        h.add_edge(src, node, weight=max(minutes, c._EPS))
    dist = nx.single_source_dijkstra_path_length(h, src, weight="weight")
    out = np.full(len(compiled.nodes), np.inf)
    for k, v in dist.items():
        if isinstance(k, int | np.integer) and k < len(compiled.nodes):
            out[k] = v
    return out


def _timed(fn, repeat=3):
    best = np.inf
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--scenario", default="plan")
    args = ap.parse_args()
    graph = build_graph(year=args.year, scenario=args.scenario)
    params = c.DEFAULT
    compiled = c._compile(graph, params)
    print(
        f"graph {args.year} {args.scenario}: {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges; state graph {compiled.n_states} states, "
        f"{len(compiled.rows)} arcs"
    )
    # warm the grid and its cell->node links (cached once per graph, shared by every origin)
    c.travel_time_surface(graph, "长沙市", cell_km=1.0)
    nxg = _nx_state_graph(compiled)

    # 1. one-origin 1 km surface
    t_geo, surf = _timed(lambda: c.travel_time_surface(graph, "长沙市", cell_km=1.0))
    node, lon, lat, _ = c._resolve_origin(graph, "长沙市")
    oxy = np.array(c._TO_METRIC.transform(lon, lat))
    pts, km, idx = c._grid_links(compiled, 1.0, params)

    def nx_surface():
        nm = _nx_node_minutes(nxg, compiled, c._origin_sources(compiled, node, oxy, params))
        direct = np.hypot(pts[:, 0] - oxy[0], pts[:, 1] - oxy[1]) / 1000.0
        return c._evaluate(nm, km, idx, direct, params)

    t_nx, values = _timed(nx_surface)
    same = np.allclose(values, surf.minutes[np.isfinite(surf.minutes)], equal_nan=True)
    cells = int(np.isfinite(surf.minutes).sum())
    print(
        f"surface 1 km ({cells} cells): geoplan {t_geo:.3f} s, networkx {t_nx:.3f} s, "
        f"ratio {t_nx / t_geo:.1f}x, identical={same}"
    )

    # 2. 122 x 122 county-seat matrix
    codes = c._county_codes()
    seats = c._county_seats(graph, codes)
    t_geo, m_geo = _timed(lambda: c.od_matrix(graph, params=params))

    def nx_matrix():
        sxy = compiled.xy[[compiled.index[s] for s in seats]]
        dkm, didx = c._links(compiled, sxy, params)
        sidx = np.array([compiled.index[s] for s in seats])
        out = np.empty((len(seats), len(seats)))
        for r, s in enumerate(seats):
            nm = _nx_node_minutes(nxg, compiled, c._origin_sources(compiled, s, sxy[r], params))
            direct = np.hypot(sxy[:, 0] - sxy[r, 0], sxy[:, 1] - sxy[r, 1]) / 1000.0
            out[r] = np.minimum(c._evaluate(nm, dkm, didx, direct, params), nm[sidx])
        np.fill_diagonal(out, 0.0)
        return out

    t_nx, m_nx = _timed(nx_matrix)
    print(
        f"matrix 122x122: geoplan {t_geo:.3f} s, networkx {t_nx:.3f} s, "
        f"ratio {t_nx / t_geo:.1f}x, identical={np.allclose(m_geo.to_numpy(), m_nx)}"
    )

    # 3. 1/2/3 h isochrones for all 122 seats (one process; surfaces + contours)
    def all_isochrones():
        parts = 0
        for s in seats:
            iso = c.isochrones(c.travel_time_surface(graph, s, cell_km=1.0), [60, 120, 180])
            parts += int(iso.parts.sum())
        return parts

    t_geo, parts = _timed(all_isochrones, repeat=1)
    print(f"isochrones 1/2/3 h x 122 seats (1 process): geoplan {t_geo:.1f} s, {parts} parts")


if __name__ == "__main__":
    main()
