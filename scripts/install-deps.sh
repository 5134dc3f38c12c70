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
    libsdl2-dev libpng-dev                      # the SDL2 window (--display sdl) and PNG screenshots
    xvfb xdotool x11-apps                       # display tests: a virtual X server, typing into the window, xwd
    gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf   # guest programs and tests
    gcc-riscv64-linux-gnu libc6-dev-riscv64-cross          # Linux user programs the bad-input matrix must refuse
    libmpfr-dev                                 # floating-point differential test
    libzstd-dev                                 # snapshot compression
    qemu-system-misc bc                         # the peer in bench/ comparisons, and its arithmetic
    gnuplot-nox                                 # bench/run's plot (docs/performance.png)
    clang valgrind libclang-rt-14-dev           # clang build, memcheck of the unit tests, libFuzzer (tests/fuzz)
    gcc-aarch64-linux-gnu libc6-dev-arm64-cross # tests/run.sh: other hosts (aarch64; s390x is
    gcc-s390x-linux-gnu libc6-dev-s390x-cross   #   big-endian), run under qemu-user; their target
    qemu-user                                   #   libraries: scripts/cross-sysroot.sh
)
# Foreign architectures whose packages scripts/cross-sysroot.sh unpacks (apt must know them).
FOREIGN_ARCHS=(arm64 s390x)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
update=0
for a in "${FOREIGN_ARCHS[@]}"; do
    if ! dpkg --print-foreign-architectures | grep -qx "$a"; then
        echo "install-deps: dpkg --add-architecture $a"
        $SUDO dpkg --add-architecture "$a"
        update=1
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    [ "$update" -eq 0 ] || $SUDO apt-get update -qq
else
    echo "install-deps: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
# Target libraries for the cross builds (unpacked under ~/.cache/vhart; instant when up to date).
for a in "${FOREIGN_ARCHS[@]}"; do
    echo "install-deps: cross sysroot $("$(dirname "$0")"/cross-sysroot.sh "$a")"
done
