#!/usr/bin/env bash
# The results store's integrity (docs/cli.md#results-store): a file that is not a parley
# store is refused and left byte for byte as it was; a resumed sweep whose inputs changed
# (a GENIUS profile edited) is refused; a corrupted chunk is detected and named; every
# error names the store file; a completed store in a read-only folder is read back
# without writing.   usage: store_integrity.sh PARLEY SOURCE_DIR
set -euo pipefail
parley=$1 src=$2
dir=$(mktemp -d)
trap 'chmod -R u+w "$dir"; rm -rf "$dir"' EXIT
unc=$src/tests/data/uncertain-split.yaml
args=(sweep "$unc" --runs 600 --seed 3 --no-progress)
fail() { echo "FAIL: $*"; exit 1; }
sql() { python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); r = c.execute(sys.argv[2]).fetchall(); c.commit(); print("\n".join("|".join(map(str, x)) for x in r))' "$@"; }
# expect STATUS MESSAGE CMD...: the command exits with STATUS and stderr holds MESSAGE.
expect() {
  local status=$1 message=$2
  shift 2
  local rc=0
  "$@" >"$dir/out" 2>"$dir/err" || rc=$?
  [[ $rc == "$status" ]] || fail "$* exited $rc, not $status: $(cat "$dir/err")"
  grep -qF -- "$message" "$dir/err" || fail "$*: no '$message' in: $(cat "$dir/err")"
}

# 1. Another application's database, and a file that is no database: refused, unchanged.
sql "$dir/other.db" "create table notes (x)" >/dev/null
sql "$dir/other.db" "insert into notes values ('keep me')" >/dev/null
cp "$dir/other.db" "$dir/other.copy"
echo "not a database" >"$dir/text.db"
cp "$dir/text.db" "$dir/text.copy"
for resume in "" --resume; do
  expect 1 "results store '$dir/other.db': an SQLite database that is not a parley results store" \
    "$parley" "${args[@]}" --store "$dir/other.db" $resume
  expect 1 "results store '$dir/text.db': not an SQLite database" \
    "$parley" "${args[@]}" --store "$dir/text.db" $resume
done
cmp "$dir/other.db" "$dir/other.copy" || fail "the other application's database was modified"
cmp "$dir/text.db" "$dir/text.copy" || fail "the text file was modified"
[[ ! -e "$dir/other.db-wal" && $(sql "$dir/other.db" "pragma journal_mode") == delete ]] ||
  fail "the other application's database was switched to WAL"
echo "foreign files refused and unchanged"

# 2. A complete store; refused without --resume and with other options (the file named).
"$parley" "${args[@]}" --json "$dir/whole.json" >"$dir/whole.txt"
"$parley" "${args[@]}" --store "$dir/s.db" >/dev/null
expect 1 "results store '$dir/s.db': already holds a sweep" "$parley" "${args[@]}" --store "$dir/s.db"
expect 1 "results store '$dir/s.db': holds a different sweep, which cannot be resumed with these: its options are 'runs=600 seed=3 designs=one policies=', these are 'runs=600 seed=4" \
  "$parley" sweep "$unc" --runs 600 --seed 4 --no-progress --store "$dir/s.db" --resume

# 3. A corrupted chunk is named; deleting it and resuming recomputes it.
cp "$dir/s.db" "$dir/c.db"
python3 - "$dir/c.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
blob = bytearray(c.execute("select aggregates from chunks where chunk = 1").fetchone()[0])
blob[24] ^= 1
c.execute("update chunks set aggregates = ? where chunk = 1", (bytes(blob),))
c.commit()
PY
expect 1 "results store '$dir/c.db': chunk 1 is corrupted (its checksum does not match its contents)" \
  "$parley" "${args[@]}" --store "$dir/c.db" --resume
sql "$dir/c.db" "delete from chunks where chunk = 1" >/dev/null
"$parley" "${args[@]}" --store "$dir/c.db" --resume --json "$dir/repaired.json" >/dev/null
cmp "$dir/whole.json" "$dir/repaired.json" || fail "the repaired store gives other aggregates"
echo "corrupted chunk detected; recomputed after deleting it"

# 4. A GENIUS profile edited after the sweep: the store's signature covers the contents.
cp -r "$src/tests/data/genius/Laptop" "$dir/Laptop"
"$parley" sweep "$dir/Laptop" --runs 300 --no-progress --store "$dir/g.db" >/dev/null
sed -i 's/evaluation="12"/evaluation="25"/' "$dir/Laptop/laptop_buyer_utility.xml"
expect 1 "results store '$dir/g.db': holds a different sweep, which cannot be resumed with these: the scenario's contents are not those of the stored sweep" \
  "$parley" sweep "$dir/Laptop" --runs 300 --no-progress --store "$dir/g.db" --resume
echo "edited GENIUS profile refused"

# 5. A completed store in a read-only folder is read back, without writing; an incomplete
#    one is refused with the file named. Root writes anywhere: read as nobody then.
as_user=()
if [[ $(id -u) == 0 ]]; then as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups); fi
mkdir "$dir/ro"
cp "$dir/s.db" "$dir/ro/s.db"
cp "$dir/s.db" "$dir/ro/part.db"
sql "$dir/ro/part.db" "delete from chunks where chunk = 2" >/dev/null
chmod 0444 "$dir/ro/s.db" "$dir/ro/part.db"
chmod 0555 "$dir/ro"
chmod 0755 "$dir"
sum_before=$(sha256sum "$dir/ro/s.db")
"${as_user[@]}" "$parley" "${args[@]}" --store "$dir/ro/s.db" --resume --json - >"$dir/ro.json" ||
  fail "a completed read-only store could not be read back"
cmp "$dir/whole.json" "$dir/ro.json" || fail "the read-only store gives other aggregates"
"${as_user[@]}" "$parley" "${args[@]}" --store "$dir/ro/s.db" --resume |
  grep -v 'runs/s' >"$dir/ro.txt"
grep -v 'runs/s' "$dir/whole.txt" | cmp - "$dir/ro.txt" || fail "the read-only store prints another table"
[[ $(sha256sum "$dir/ro/s.db") == "$sum_before" ]] || fail "the read-only store changed"
expect 1 "results store '$dir/ro/part.db': the sweep is not complete and" \
  "${as_user[@]}" "$parley" "${args[@]}" --store "$dir/ro/part.db" --resume
echo "completed read-only store read back; incomplete one refused"
