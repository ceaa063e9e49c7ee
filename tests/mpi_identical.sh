#!/usr/bin/env bash
# The MPI build gives the same aggregates (JSON bytes) on 1 and 2 ranks, and the
# same as the threaded build.   usage: mpi_identical.sh MPI_PARLEY PARLEY SCENARIO
set -euo pipefail
mpi_parley=$1 parley=$2 scenario=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
for cmd in sweep compare; do
  args=("$cmd" "$scenario" --runs 1500 --seed 3 --threads 1 --no-progress)
  "$parley" "${args[@]}" --json "$dir/$cmd-threads.json" >/dev/null
  mpirun -np 1 "$mpi_parley" "${args[@]}" --json "$dir/$cmd-1.json" >/dev/null
  mpirun -np 2 --oversubscribe "$mpi_parley" "${args[@]}" --json "$dir/$cmd-2.json" >/dev/null
  cmp "$dir/$cmd-1.json" "$dir/$cmd-2.json"
  cmp "$dir/$cmd-threads.json" "$dir/$cmd-2.json"
  echo "$cmd: 1 rank == 2 ranks == threaded build"
done
