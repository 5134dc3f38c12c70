#!/bin/bash
# Installs, by name from Debian's archive, the packages vhart needs.
#
#   scripts/install-deps.sh          what building vhart and booting a guest need (./setup.sh calls this)
#   scripts/install-deps.sh --test   that, plus what the whole test suite and bench/ need: guest cross
#                                    toolchains, the foreign architectures of the cross builds and their
#                                    libraries, qemu-user, valgrind, clang, ... (tests/run.sh calls this)
#
# roms/build.sh and roms/debian.sh install the packages of their own builds (Linux sources, riscv64-linux-gnu
# cross compiler; mmdebstrap, qemu-user-static) themselves, so they are named here only for the test suite.
set -euo pipefail
TEST=0
case ${1:-} in
    "") ;;
    --test) TEST=1 ;;
    *) echo "usage: scripts/install-deps.sh [--test]" >&2; exit 2 ;;
esac
# Building vhart and booting Linux on it.
PACKAGES=(
    build-essential cmake pkg-config            # host build
    libfdt-dev                                  # device tree generation
    libslirp-dev libglib2.0-dev                 # --net user (slirp.pc requires glib-2.0)
    libzstd-dev                                 # snapshot compression
    libreadline-dev                             # the debugger REPL
    libsdl2-dev libpng-dev                      # the SDL2 window (--display sdl) and PNG screenshots
    opensbi                                     # the default firmware
    help2man                                    # the man page (build/vhart.1), from vhart --help
    e2fsprogs                                   # disk images (mke2fs -d)
)
# The test suite (tests/run.sh) and the benchmarks (bench/).
TEST_PACKAGES=(
    check                                       # unit tests (Check)
    u-boot-qemu                                 # boot loader guest
    python3 python3-pexpect                     # boot tests drive guest consoles
    gdb-multiarch                               # gdb for the stub's tests
    xvfb xdotool x11-apps                       # display tests: a virtual X server, typing into the window, xwd
    gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf   # guest programs, examples and tests
    gcc-riscv64-linux-gnu libc6-dev-riscv64-cross          # Linux user programs the bad-input matrix must refuse
    libmpfr-dev                                 # floating-point differential test
    qemu-system-misc bc                         # the peer in bench/ comparisons, and its arithmetic
    gnuplot-nox                                 # bench/run's plot (docs/performance.png)
    clang valgrind libclang-rt-14-dev           # clang build, memcheck of the unit tests, libFuzzer (tests/fuzz)
    gcc-aarch64-linux-gnu libc6-dev-arm64-cross # tests/run.sh: other hosts (aarch64; s390x is
    gcc-s390x-linux-gnu libc6-dev-s390x-cross   #   big-endian), run under qemu-user; their target
    qemu-user                                   #   libraries: scripts/cross-sysroot.sh
    mmdebstrap arch-test qemu-user-static curl  # roms/debian.sh: the Debian image (riscv64 chroot via binfmt_misc)
)
# Foreign architectures whose packages scripts/cross-sysroot.sh unpacks (apt must know them).
FOREIGN_ARCHS=(arm64 s390x)
[ "$TEST" -eq 1 ] && PACKAGES+=("${TEST_PACKAGES[@]}")
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
update=0
if [ "$TEST" -eq 1 ]; then
    for a in "${FOREIGN_ARCHS[@]}"; do
        if ! dpkg --print-foreign-architectures | grep -qx "$a"; then
            echo "install-deps: dpkg --add-architecture $a"
            $SUDO dpkg --add-architecture "$a"
            update=1
        fi
    done
fi
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    [ "$update" -eq 0 ] || $SUDO apt-get update -qq
else
    echo "install-deps: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
if [ "$TEST" -eq 1 ]; then
    # Target libraries for the cross builds (unpacked under ~/.cache/vhart; instant when up to date).
    for a in "${FOREIGN_ARCHS[@]}"; do
        echo "install-deps: cross sysroot $("$(dirname "$0")"/cross-sysroot.sh "$a")"
    done
fi
