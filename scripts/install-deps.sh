#!/bin/bash
# Installs, by name from Debian's archive, every package vhart needs to build, test and benchmark.
set -euo pipefail
PACKAGES=(
    build-essential cmake pkg-config            # host build
    check                                       # unit tests (Check)
    libfdt-dev                                  # device tree generation
    libslirp-dev libglib2.0-dev                 # --net user (slirp.pc requires glib-2.0)
    e2fsprogs                                   # disk images for the storage tests (mke2fs -d, e2fsck)
    opensbi u-boot-qemu                         # firmware and boot loader guests
    python3 python3-pexpect                     # boot tests drive guest consoles
    libreadline-dev gdb-multiarch               # the debugger REPL, and gdb for the stub's tests
    gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf   # guest programs and tests
    libmpfr-dev                                 # floating-point differential test
    qemu-system-misc bc                         # the peer in bench/ comparisons, and its arithmetic
    clang libclang-rt-14-dev                    # libFuzzer targets (tests/fuzz/run-fuzzers.sh)
)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
