#!/bin/bash
# One command for a fresh Debian 12 machine: install what vhart needs, build it, run a guest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake -B build -S . -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
./build/vhart --stats build/examples/hello.elf
