#!/usr/bin/env python3
"""Exact Pareto frontier of one 4-party, 10^6-outcome additive space: parley
(Google Benchmark, bench/frontier_bench) against a vectorised numpy brute force
on the same utilities, in one run. Prints both medians, the ratio, and checks
that both found the same frontier.

usage: bench/compare_numpy.py [BUILD_DIR]   (default: build)
"""
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np


def numpy_frontier(terms):
    """All outcomes' utility vectors by broadcasting, then the usual vectorised
    Pareto filter: take the best remaining point by utility sum, drop every point
    it weakly dominates, repeat."""
    parties = len(terms[0][0])
    u = np.zeros((1, parties))
    for issue in terms:
        t = np.asarray(issue, dtype=np.float64)  # options x parties
        u = (u[:, None, :] + t[None, :, :]).reshape(-1, parties)
    order = np.argsort(-u.sum(axis=1), kind="stable")
    cand = u[order]
    i = 0
    while i < len(cand):
        p = cand[i]
        dominated = np.all(cand <= p, axis=1) & np.any(cand < p, axis=1)
        keep = ~dominated
        i = int(np.count_nonzero(keep[:i])) + 1
        cand = cand[keep]
    return len(u), len(np.unique(cand, axis=0))


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    exe = os.path.join(build, "bench", "frontier_bench")
    with tempfile.TemporaryDirectory() as tmp:
        dump = os.path.join(tmp, "space.json")
        subprocess.run([exe, f"--dump={dump}"], check=True)
        with open(dump) as f:
            space = json.load(f)
        out = subprocess.run(
            [exe, "--benchmark_filter=frontier/4p_1e6/", "--benchmark_repetitions=5",
             "--benchmark_format=json"], check=True, capture_output=True, text=True).stdout
    runs = [b for b in json.loads(out)["benchmarks"] if b.get("run_type") == "iteration"]
    parley_ms = statistics.median(b["real_time"] for b in runs)  # unit: ms
    parley_points = int(runs[0]["frontier"])

    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        outcomes, points = numpy_frontier(space["terms"])
        times.append((time.perf_counter() - t0) * 1000)
    numpy_ms = statistics.median(times)

    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"python {platform.python_version()}, numpy {np.__version__}")
    print(f"space: {outcomes} outcomes, {space['parties']} parties")
    print(f"parley frontier: {parley_points} points, median {parley_ms:.2f} ms (5 repetitions)")
    print(f"numpy  frontier: {points} points, median {numpy_ms:.1f} ms (3 runs)")
    print(f"ratio: parley is {numpy_ms / parley_ms:.0f}x faster (target >= 100x)")
    if points != parley_points:
        print("MISMATCH: the two frontiers differ in size", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
