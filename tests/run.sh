#!/bin/bash
# The whole test suite: builds vhart (Release, then AddressSanitizer+UBSan) and runs the unit,
# guest ISA and system tests on each build. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=$(nproc)

run_build() {
    local dir=$1; shift
    echo "=== $dir: configure and build ($*)"
    cmake -B "$dir" -S . "$@" >/dev/null
    cmake --build "$dir" -j"$JOBS"
    echo "=== $dir: tests"
    ctest --test-dir "$dir" --output-on-failure -j"$JOBS"
}

# The Linux guest (kernel, busybox, initramfs) from Debian's sources, cached under
# ${XDG_CACHE_HOME:-$HOME/.cache}/vhart: minutes the first time, instant afterwards.
echo "=== guest software (roms/build.sh)"
roms/build.sh
# Boot tests must run, not skip, when the guest exists.
export VHART_REQUIRE_GUESTS=1

run_build build -DCMAKE_BUILD_TYPE=Release
run_build build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVHART_SANITIZE=ON
echo "=== all tests passed"
