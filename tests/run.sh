#!/bin/bash
# The whole test suite, on every host configuration vhart promises: gcc Release, AddressSanitizer +
# UBSan, ThreadSanitizer (the SMP tests), clang (warnings as errors), the portable switch dispatch,
# valgrind over the unit tests, and cross builds for aarch64 and s390x (big-endian) whose tests run
# under qemu-user. Prints one summary line per configuration; exits non-zero on any failure.
#
# It also builds the Debian 13 image (roms/debian.sh, cached by its inputs; about 17 minutes the first
# time, in the background while the other configurations run), then at the end boots it on 1 and 2 harts
# and runs a nested Linux under KVM in it (tests/system/kvm_test.py); `tests/run.sh --no-debian` (or
# VHART_TEST_DEBIAN=0) leaves that stage out. From an empty cache, the parts measured on a 2-core machine
# add up to about 70-80 minutes run one after another (the image overlaps the suite now), under CI's 90
# (docs/debian.md, "The system test"); with the caches warm the stage adds ~6 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
DEBIAN_STAGE=${VHART_TEST_DEBIAN:-1}
for arg in "$@"; do
    case $arg in
        --debian) DEBIAN_STAGE=1 ;;
        --no-debian) DEBIAN_STAGE=0 ;;
        *) echo "usage: tests/run.sh [--no-debian]" >&2; exit 2 ;;
    esac
done
JOBS=$(nproc)
HOST=$(uname -m | tr _ -)
SUMMARY=()
T_ALL=$SECONDS

# run_build NAME DIR -- CMAKE-ARGS...: configure, build, run ctest (with the extra arguments in the
# array CTEST_ARGS), record "NAME: passed/total". A failing stage is recorded, the next one still runs.
FAILED=0 ALL_PASS=0 ALL_FAIL=0
CTEST_ARGS=()
run_build() {
    local name=$1 dir=$2 t0=$SECONDS log line failed total
    shift 3
    echo "=== $name ($dir): configure and build ($*)"
    # (./setup.sh configures build/ without the tests; they are always wanted here.)
    if ! { cmake -B "$dir" -S . -DVHART_BUILD_TESTS=ON "$@" >/dev/null && cmake --build "$dir" -j"$JOBS"; }; then
        SUMMARY+=("$name: BUILD FAILED ($((SECONDS - t0)) s)")
        FAILED=1
        return
    fi
    echo "=== $name ($dir): tests"
    log=$dir/ctest-run.log
    ctest --test-dir "$dir" --output-on-failure -j"$JOBS" "${CTEST_ARGS[@]}" 2>&1 | tee "$log" || FAILED=1
    line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -n1 || true)
    if [ -z "$line" ]; then
        SUMMARY+=("$name: NO TEST RESULT ($((SECONDS - t0)) s)")
        FAILED=1
        return
    fi
    failed=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
    total=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/' <<<"$line")
    SUMMARY+=("$name: $((total - failed))/$total passed ($((SECONDS - t0)) s)")
    ALL_PASS=$((ALL_PASS + total - failed)) ALL_FAIL=$((ALL_FAIL + failed))
}

# The test suite's own dependencies (cross toolchains, foreign architectures, qemu-user, valgrind, ...) on top
# of ./setup.sh's (building vhart and booting a guest).
echo "=== dependencies (scripts/install-deps.sh --test)"
scripts/install-deps.sh --test

# The Linux guest (kernel, busybox, initramfs) from Debian's sources, cached under
# ${XDG_CACHE_HOME:-$HOME/.cache}/vhart: minutes the first time, instant afterwards.
echo "=== guest software (roms/build.sh)"
roms/build.sh
# Debian 13 riscv64 (roms/debian.sh: mmdebstrap under qemu-user; about 20 minutes the first time, cached
# afterwards). It builds in the background while the configurations below build and run: it is mostly one
# qemu-user process and downloads, so on an empty cache it overlaps the suite instead of adding to it. The
# image is booted at the end. (It starts after roms/build.sh so that only one of them may call apt-get.)
if [ "$DEBIAN_STAGE" = 1 ]; then
    mkdir -p build
    echo "=== Debian image (roms/debian.sh, in the background; log: build/debian-image.log)"
    DEBIAN_T0=$SECONDS
    roms/debian.sh >build/debian-image.log 2>&1 &
    DEBIAN_PID=$!
fi
# Boot tests must run, not skip, when the guest exists.
export VHART_REQUIRE_GUESTS=1
# Sanitizers: every UBSan finding aborts (also built with -fno-sanitize-recover=all), ASan reports
# leaks at exit.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

run_build "$HOST gcc" build -- -DCMAKE_BUILD_TYPE=Release
run_build "$HOST asan+ubsan" build-sanitize -- -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVHART_SANITIZE=ON
# ThreadSanitizer over what runs several harts (the SMP guest tests, the SMP boots): a data race
# report ends vhart with status 66, which fails the test; any report in the log fails the stage.
# Deliberate races (virtio DMA against guest RAM) are listed in tests/tsan-suppressions.txt.
# The litmus guest is left out: 8 threads meeting at barriers on 2 cores take minutes under TSan, and
# the other SMP guests exercise the same atomics and cross-thread paths.
CTEST_ARGS=(-R '^(smp\.(smp_(amo|lrsc|mp|fencei|ipi)\..*|linux_jobs\..*)|unit\.test_guest_atomic|system\.boot\.(teachos_smp2|linux_smp4))$')
TSAN_OPTIONS=halt_on_error=1:exitcode=66:second_deadlock_stack=1:suppressions=$PWD/tests/tsan-suppressions.txt \
    run_build "$HOST tsan" build-tsan -- -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVHART_SANITIZE=thread
if grep -q 'WARNING: ThreadSanitizer' build-tsan/ctest-run.log 2>/dev/null; then
    SUMMARY+=("$HOST tsan: ThreadSanitizer reports in build-tsan/ctest-run.log")
    FAILED=1
fi
CTEST_ARGS=()
run_build "$HOST clang" build-clang -- -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=clang \
    -DCMAKE_C_FLAGS=-Werror
run_build "$HOST switch dispatch" build-switch -- -DCMAKE_BUILD_TYPE=Release \
    -DVHART_SWITCH_DISPATCH=ON -DCMAKE_C_FLAGS=-Werror

echo "=== valgrind over the unit tests of build/"
t0=$SECONDS
vg_log=build/valgrind-run.log
tests/valgrind_unit.sh build 2>&1 | tee "$vg_log" || FAILED=1
read -r vg_pass vg_fail < <(sed -nE 's/^valgrind: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$vg_log") ||
    { vg_pass=0; vg_fail=0; FAILED=1; }
SUMMARY+=("$HOST valgrind (unit): $vg_pass/$((vg_pass + vg_fail)) passed ($((SECONDS - t0)) s)")
ALL_PASS=$((ALL_PASS + vg_pass)) ALL_FAIL=$((ALL_FAIL + vg_fail))

# Other hosts: Debian's cross compilers, target libraries from scripts/cross-sysroot.sh, every test
# under qemu-user: unit, guest ISA, floating point, the fuzz corpora, the bare-metal SMP guests, and
# the system tests that start vhart through tests/CMakeLists.txt's VHART_RUN (runner, bad-input
# matrix, disassembler, debugger, boots of teachos, U-Boot and Linux with its virtio devices). A
# system test that calls the program directly cannot run there, hence the list.
CTEST_ARGS=(-R '^((unit|isa|fp|fuzz)\..*|smp\.smp_[a-z]+\.h[0-9]+|system\.(runner|badinput|disasm_vs_objdump|debug\.(repl|gdb)|boot\.(teachos|teachos_smp2|teachos_sstc|uboot|linux|linux_smp4|storage|net|devices)))$')
for host in aarch64:arm64 s390x:s390x; do
    triple=${host%%:*}-linux-gnu
    if ! scripts/cross-sysroot.sh "${host#*:}" >/dev/null; then
        SUMMARY+=("${host%%:*}: NO SYSROOT (scripts/install-deps.sh)")
        FAILED=1
        continue
    fi
    run_build "${host%%:*}" "build-${host%%:*}" -- -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_TOOLCHAIN_FILE="cmake/toolchain-$triple.cmake" -DCMAKE_C_FLAGS=-Werror
done

# Debian on the gcc Release build: login, systemd, DHCP, dpkg/apt and poweroff, on 1 and 2 harts
# (tests/system/debian_test.py; the image comes from roms/debian.sh, started above).
if [ "$DEBIAN_STAGE" = 1 ]; then
    echo "=== Debian boots (tests/system/debian_test.py)"
    deb_pass=0 deb_total=0
    DEBIAN_BUILT=1
    wait "$DEBIAN_PID" || DEBIAN_BUILT=0
    DEBIAN_WAIT=$((SECONDS - DEBIAN_T0))
    # roms/debian.sh's own time (its last log line's stamp): 0 when the image was cached.
    DEBIAN_BUILD_TIME=$(sed -nE 's/^\[debian.sh +([0-9]+)s\].*/\1/p' build/debian-image.log | tail -n 1)
    DEBIAN_BUILD_TIME=${DEBIAN_BUILD_TIME:-?}
    echo "    image ready $DEBIAN_WAIT s after the start: $(grep '^\[debian.sh' build/debian-image.log | tail -n 1)"
    [ "$DEBIAN_BUILT" -eq 1 ] || tail -n 20 build/debian-image.log
    t0=$SECONDS
    if [ "$DEBIAN_BUILT" -eq 1 ]; then
        for harts in 1 2; do
            deb_total=$((deb_total + 1))
            if python3 tests/system/debian_test.py -q --harts "$harts" --log "build/debian-smp$harts.log" -- build/vhart; then
                deb_pass=$((deb_pass + 1))
            else
                FAILED=1
            fi
        done
        SUMMARY+=("$HOST debian: $deb_pass/$deb_total boots passed ($((SECONDS - t0)) s; image build $DEBIAN_BUILD_TIME s)")
        # KVM inside that Debian guest: qemu-system-riscv64 -accel kvm boots roms/build.sh's Linux to a
        # shell (tests/system/kvm_test.py; docs/hypervisor.md, "KVM in a guest").
        echo "=== KVM in Debian (tests/system/kvm_test.py)"
        t0=$SECONDS
        deb_total=$((deb_total + 1))
        if python3 tests/system/kvm_test.py -q --harts 1 --log build/kvm-smp1.log -- build/vhart; then
            deb_pass=$((deb_pass + 1)) kvm_result=passed
        else
            FAILED=1 kvm_result=FAILED
        fi
        SUMMARY+=("$HOST kvm in debian: nested Linux boot $kvm_result ($((SECONDS - t0)) s)")
    else
        SUMMARY+=("$HOST debian: IMAGE BUILD FAILED ($DEBIAN_BUILD_TIME s)")
        FAILED=1
    fi
    ALL_PASS=$((ALL_PASS + deb_pass)) ALL_FAIL=$((ALL_FAIL + deb_total - deb_pass))
else
    SUMMARY+=("$HOST debian: not run (--no-debian)")
fi

echo "=== summary ($((SECONDS - T_ALL)) s)"
printf '  %s\n' "${SUMMARY[@]}"
echo "total: $ALL_PASS passed, $ALL_FAIL failed"
if [ "$FAILED" -ne 0 ]; then
    echo "=== FAILED"
    exit 1
fi
echo "=== all tests passed"
