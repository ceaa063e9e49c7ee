#!/usr/bin/env bash
# Install the Debian packages parley needs to build, test and benchmark.
# Idempotent and non-interactive: packages already present are skipped, and
# nothing is downloaded when everything is installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev libssl-dev libpugixml-dev libboost-math-dev
  python3 python3-numpy
)
# Optional extras: clang + its runtime for the fuzzer and sanitizers, OpenMPI for the
# distributed sweep. Installed when asked with PARLEY_EXTRAS=1 (CI sets it).
if [[ "${PARLEY_EXTRAS:-0}" == "1" ]]; then
  packages+=(clang libclang-rt-14-dev libopenmpi-dev openmpi-bin)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
