#!/usr/bin/env bash
# A sweep killed with SIGKILL mid-way and resumed with --resume gives the same
# aggregates (JSON bytes) as an uninterrupted sweep.   usage: resume_after_kill.sh PARLEY
set -euo pipefail
parley=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
runs=6000
args=(sweep --runs "$runs" --seed 5 --threads 2 --no-progress)
"$parley" "${args[@]}" --json "$dir/whole.json" >/dev/null
"$parley" "${args[@]}" --store "$dir/s.db" --json "$dir/killed.json" >/dev/null &
pid=$!
# Wait until at least two chunks are stored, then kill -9.
python3 - "$dir/s.db" <<'PY'
import sqlite3, sys, time
for _ in range(600):
    try:
        n = sqlite3.connect(sys.argv[1], timeout=5).execute("select count(*) from chunks").fetchone()[0]
        if n >= 2:
            break
    except sqlite3.Error:
        pass
    time.sleep(0.02)
PY
kill -9 "$pid" 2>/dev/null || { echo "the sweep finished before it could be killed: use more runs"; exit 1; }
wait "$pid" 2>/dev/null || true
test ! -e "$dir/killed.json"
stored=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from chunks').fetchone()[0])" "$dir/s.db")
echo "killed with $stored of $(( (runs + 255) / 256 )) chunks stored"
"$parley" "${args[@]}" --store "$dir/s.db" --resume --json "$dir/resumed.json" >/dev/null
cmp "$dir/whole.json" "$dir/resumed.json"
# Without --resume an existing store is refused, and nothing is overwritten.
if "$parley" "${args[@]}" --store "$dir/s.db" >/dev/null 2>&1; then exit 1; fi
echo "resumed sweep == uninterrupted sweep"
