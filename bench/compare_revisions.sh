#!/usr/bin/env bash
# Compares the engine and sweep benchmarks of the working tree with a baseline revision in
# one invocation: builds the baseline in a temporary git worktree, then runs the
# two binaries alternately (so machine noise hits both alike) and prints the
# medians and their ratio, plus the instructions executed inside Engine::run per
# run of the built-in scenario (callgrind; noise-free) when valgrind is present.
#
#   bench/compare_revisions.sh BASE_REV [BUILD_DIR] [ROUNDS]
#
# Example (issue #5's budget: a single run stays within 1.5x of before #5):
#   bench/compare_revisions.sh 6c1f0e2 build 5
set -euo pipefail
base=${1:?usage: bench/compare_revisions.sh BASE_REV [BUILD_DIR] [ROUNDS]}
build=${2:-build}
rounds=${3:-5}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/src" "$base" >/dev/null 2>&1
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DPARLEY_TESTS=OFF >/dev/null
cmake --build "$work/build" -j2 --target engine_bench sweep_bench parley >/dev/null
cmake --build "$root/$build" -j2 --target engine_bench sweep_bench parley >/dev/null

median_of() {  # median of one benchmark's real time: BINARY FILTER
  "$1" --benchmark_filter="$2" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_format=csv 2>/dev/null | awk -F, '/_median/ {print $3}'
}
mid() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
compare() {  # TARGET FILTER TITLE UNIT
  local -a b=() h=()
  for ((i = 0; i < rounds; ++i)); do
    b+=("$(median_of "$work/build/bench/$1" "$2")")
    h+=("$(median_of "$root/$build/bench/$1" "$2")")
  done
  local mb mh
  mb=$(mid "${b[@]}")
  mh=$(mid "${h[@]}")
  echo "$3, median of $rounds medians of 5:"
  echo "  baseline $base: ${mb} $4   (${b[*]})"
  echo "  this tree:       ${mh} $4   (${h[*]})"
  awk -v a="$mh" -v b="$mb" 'BEGIN {printf "  ratio this/baseline: %.2f\n", a / b}'
}
compare engine_bench '^run/' "one run of the built-in scenario (multitrack)" us
compare sweep_bench '^sweep/.*/threads/1/' "a sweep of 2048 runs of the built-in scenario on one thread" ms

if command -v valgrind >/dev/null; then
  count() {
    local total=0 n
    for s in 1 2 3 4 5; do
      n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        --toggle-collect='parley::engine::Engine::run(*' "$1" run --seed "$s" -q 2>&1 >/dev/null |
        awk '/Collected/ {print $4}')
      total=$((total + n))
    done
    echo $((total / 5))
  }
  ib=$(count "$work/build/parley")
  ih=$(count "$root/$build/parley")
  echo "instructions inside Engine::run per run (seeds 1-5, callgrind):"
  echo "  baseline: $ib   this tree: $ih"
  awk -v a="$ih" -v b="$ib" 'BEGIN {printf "  ratio this/baseline: %.2f\n", a / b}'
fi
