#!/bin/bash
# One command for a fresh Debian 12 machine: install what building vhart and booting a guest need (the test
# suite's extra tools come with tests/run.sh), build vhart (without its tests), build the guest
# (Linux 6.1 + busybox from Debian's sources, cached under ~/.cache/vhart; about 10 minutes the
# first time), and boot it to a shell on this terminal. Ctrl-A x quits; `poweroff` ends it too.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake -B build -S . -DCMAKE_BUILD_TYPE=Release -DVHART_BUILD_TESTS=OFF
cmake --build build -j"$(nproc)"
roms/build.sh
eval "$(roms/build.sh --print-paths)"
echo "Booting Linux on vhart: OpenSBI, then the kernel, then a busybox shell (Ctrl-A x quits)"
exec ./build/vhart --kernel "$KERNEL" --initrd "$INITRD" --append "console=ttyS0" "$@"
