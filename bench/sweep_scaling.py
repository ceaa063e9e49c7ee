#!/usr/bin/env python3
"""Sweep throughput, thread scaling and memory in one run (issue #6's targets).

    python3 bench/sweep_scaling.py [BUILD_DIR] [--big 1000000]

1. build/bench/sweep_bench: runs/s with 1 and 2 threads (medians of 3), their ratio.
2. parley sweep with 10^4 and --big runs: peak resident memory of each (it must
   not grow with the number of runs: aggregates stream)."""
import json, re, resource, subprocess, sys

build = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "build"
big = 1_000_000
if "--big" in sys.argv:
    big = int(sys.argv[sys.argv.index("--big") + 1])

out = subprocess.run([f"{build}/bench/sweep_bench", "--benchmark_repetitions=3",
                      "--benchmark_report_aggregates_only=true", "--benchmark_format=json"],
                     check=True, capture_output=True, text=True).stdout
rate = {}
for b in json.loads(out)["benchmarks"]:
    if b.get("aggregate_name") == "median":
        threads = int(re.search(r"threads/(\d+)", b["run_name"]).group(1))
        rate[threads] = b["runs_per_second"]
print(f"runs/s, 1 thread:  {rate[1]:.0f}  (per core; target >= 5000)")
print(f"runs/s, 2 threads: {rate[2]:.0f}")
print(f"scaling 1 -> 2 threads: {rate[2] / rate[1]:.2f}x (target >= 1.8x)")


def peak_rss_mb(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([f"{build}/parley", "sweep", "--runs", str(runs), "--no-progress"], check=True,
                   stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024  # ru_maxrss is the largest child so far: run small first


small = peak_rss_mb(10_000)
large = peak_rss_mb(big)
print(f"peak memory: {small:.1f} MB for 10^4 runs, {large:.1f} MB for {big} runs "
      f"(ratio {large / small:.2f}; flat means ~1)")
