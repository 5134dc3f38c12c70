#!/bin/sh
# pmu_test.sh BUILD_SH PERF_LOOP INIT VHART [VHART OPTIONS...]: boot roms/build.sh's Linux with an
# initramfs running perf_loop (INIT as /init, PERF_LOOP as /bin/perf_loop) and check, from the
# console: OpenSBI's SBI PMU reached Linux with vhart's hardware counters (Linux 6.1 counts 31 on
# OpenSBI 1.1: cycle, instret and mhpmcounter3..31), sampling is supported (Sscofpmf in riscv,isa), and perf_loop passed (its
# instruction count within bounds, its samples matching count / period). Exit 77 (skipped) when
# the Linux guest is not built, 1 when $VHART_REQUIRE_GUESTS says it must be.
# With --no-sscofpmf (first argument), vhart runs with --isa without sscofpmf and the check is the
# opposite: Linux says sampling/filtering is unsupported and perf_loop's user-only event fails to open.
mode=sscofpmf
[ "$1" = --no-sscofpmf ] && { mode=none; shift; }
build_sh=$1 perf_loop=$2 init=$3
shift 3
paths=$("$build_sh" --print-paths) || {
    [ -n "$VHART_REQUIRE_GUESTS" ] && { echo "Linux guest not built: run roms/build.sh" >&2; exit 1; }
    echo "Linux guest not built (roms/build.sh): skipped"
    exit 77
}
"$build_sh" --init "$init" --out pmu --file "$perf_loop:/bin/perf_loop" >/dev/null 2>&1 || {
    echo "pmu_test: building the initramfs failed" >&2; exit 1; }
paths=$("$build_sh" --print-paths --init "$init" --out pmu --file "$perf_loop:/bin/perf_loop") || exit 1
eval "$paths"
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
if [ $mode = none ]; then
    isa=$("$1" --version | sed -n 's/^isa //p' | sed 's/_sscofpmf//')
    set -- "$@" --isa "$isa"
fi
timeout 600 "$@" --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0 </dev/null >"$out" 2>&1
status=$?
grep -aE "riscv-pmu-sbi|PERF|pmu test|sampling" "$out"
fail() { echo "pmu_test: FAIL: $*" >&2; tail -n 30 "$out" >&2; exit 1; }
[ $status -eq 0 ] || fail "vhart exited with status $status"
grep -aq "riscv-pmu-sbi: SBI PMU extension is available" "$out" || fail "no SBI PMU extension"
grep -aqE "riscv-pmu-sbi: [0-9]+ firmware and 31 hardware counters" "$out" || fail "not 31 hardware counters"
if [ $mode = sscofpmf ]; then
    grep -aq "sampling/filtering is not supported" "$out" && fail "Linux says sampling is not supported"
    grep -aq "^PERF PASS" "$out" || fail "perf_loop did not pass"
else
    grep -aq "sampling/filtering is not supported" "$out" || fail "Linux did not say sampling is unsupported"
    # Without mode filtering Linux refuses exclude_kernel (PERF_PMU_CAP_NO_EXCLUDE): perf_loop's
    # first, user-only event does not open.
    grep -aq "^PERF FAIL: perf_event_open (counting)" "$out" || fail "a user-only event opened without sscofpmf"
fi
echo "pmu_test: ok ($mode)"
