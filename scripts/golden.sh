#!/usr/bin/env bash
# Golden outputs: what parley prints for a fixed set of commands, recorded as one
# SHA-256 per output in tests/golden/manifest.sha256. A refactoring must leave every
# one of them unchanged; a change of behaviour regenerates the manifest in a commit
# that says which outputs changed and why.
#
#   scripts/golden.sh record PARLEY DIR    write every output into DIR (one file each)
#   scripts/golden.sh check PARLEY         record into a temporary folder and compare
#                                          with the manifest (CTest runs this)
#   scripts/golden.sh update PARLEY        rewrite the manifest from PARLEY's outputs
#
# To see what changed, record with the old and the new binary and diff the folders:
#   scripts/golden.sh record old/parley /tmp/a && scripts/golden.sh record build/parley /tmp/b
#   diff -r /tmp/a /tmp/b
#
# The outputs: `parley run --json` and the narrative for every built-in scenario x
# design x seeds 1-20 (GENIUS domains: seeds 1-3); `analyze --json` and the report for
# the built-ins and the GENIUS domains of tests/data; `sweep`, `compare` and
# `sensitivity` (a parameter and the tornado) on small run counts, JSON and tables.
# Lines that carry a wall-clock time are left out of the text outputs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
manifest=$root/tests/golden/manifest.sha256

record() {
  local parley=$1 out=$2
  mkdir -p "$out"
  out=$(cd "$out" && pwd)
  # Paths relative to the checkout: outputs name their source, and must not depend on where
  # the project was cloned.
  cd "$root"
  local genius=tests/data/genius unc=tests/data/uncertain-split.yaml
  # Text outputs without the lines that report a duration.
  untimed() { grep -v -E '(\([0-9.]+ s\)$|runs/s|seconds)' || true; }
  local s d seed dom
  for s in $("$parley" scenarios | awk '{print $1}'); do
    "$parley" analyze "$s" --json >"$out/analyze.$s.json"
    "$parley" analyze "$s" | untimed >"$out/analyze.$s.txt"
    for d in $(designs_of "$parley" "$s"); do
      for seed in $(seq 1 20); do
        "$parley" run "$s" --design "$d" --seed "$seed" --json "$out/run.$s.$d.$seed.json" \
          >"$out/run.$s.$d.$seed.txt"
      done
    done
    "$parley" sweep "$s" -n 300 --no-progress --json "$out/sweep.$s.json" \
      --csv "$out/sweep.$s.csv" | untimed >"$out/sweep.$s.txt"
  done
  for dom in "$genius"/*/; do
    dom=${dom%/}
    local name
    name=$(basename "$dom")
    "$parley" analyze "$dom" --json >"$out/analyze.genius.$name.json"
    "$parley" analyze "$dom" | untimed >"$out/analyze.genius.$name.txt"
    for seed in 1 2 3; do
      "$parley" run "$dom" --seed "$seed" --json "$out/run.genius.$name.$seed.json" \
        >"$out/run.genius.$name.$seed.txt"
    done
  done
  "$parley" compare -n 300 --no-progress --json "$out/compare.designs.json" \
    --csv "$out/compare.designs.csv" | untimed >"$out/compare.designs.txt"
  "$parley" compare -n 300 --no-progress --policies all,none --json "$out/compare.policies.json" |
    untimed >"$out/compare.policies.txt"
  "$parley" compare "$unc" -n 300 --no-progress --policies none,push \
    --json "$out/compare.unc.json" | untimed >"$out/compare.unc.txt"
  "$parley" sweep "$unc" -n 600 --seed 7 --no-progress --json "$out/sweep.unc.json" |
    untimed >"$out/sweep.unc.txt"
  "$parley" sensitivity "$unc" -n 200 --param preferences.a.reservation --values 0.2,0.35,0.45 \
    --json "$out/sensitivity.unc.param.json" | untimed >"$out/sensitivity.unc.param.txt"
  "$parley" sensitivity "$unc" -n 100 --tornado --json "$out/sensitivity.unc.tornado.json" |
    untimed >"$out/sensitivity.unc.tornado.txt"
  "$parley" sensitivity -n 40 --tornado --json "$out/sensitivity.builtin.tornado.json" |
    untimed >"$out/sensitivity.builtin.tornado.txt"
}

designs_of() {  # design ids of a built-in scenario (its process.designs), or "default"
  "$1" show "$2" | awk '
    /^  designs:/ { on = 1; next }
    on && /^    - \{?id: / { sub(/^    - \{?id: */, ""); sub(/[,} ].*$/, ""); ids = ids " " $0; next }
    on && /^  ?[^ ]/ { on = 0 }
    END { print (ids == "" ? "default" : ids) }'
}

hashes() { (cd "$1" && LC_ALL=C sha256sum -- * | LC_ALL=C sort -k2); }

cmd=${1:?usage: scripts/golden.sh record|check|update PARLEY [DIR]}
parley=$(realpath "${2:?the parley binary}")
case "$cmd" in
  record) record "$parley" "${3:?the output folder}" ;;
  update)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    record "$parley" "$tmp"
    mkdir -p "$(dirname "$manifest")"
    hashes "$tmp" >"$manifest"
    echo "golden: $(wc -l <"$manifest") outputs recorded in ${manifest#"$root"/}"
    ;;
  check)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    record "$parley" "$tmp"
    if diff <(cat "$manifest") <(hashes "$tmp") >"$tmp.diff"; then
      echo "golden: all $(wc -l <"$manifest") outputs identical"
      rm -f "$tmp.diff"
    else
      echo "golden: outputs differ from tests/golden/manifest.sha256 (< recorded, > now):"
      cat "$tmp.diff"
      rm -f "$tmp.diff"
      echo "see scripts/golden.sh for how to diff the outputs themselves"
      exit 1
    fi
    ;;
  *) echo "unknown command '$cmd'" >&2; exit 2 ;;
esac
