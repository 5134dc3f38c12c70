#!/bin/sh
# /init of the PMU system test's initramfs (tests/system/pmu): run perf_loop, then power off.
export PATH=/sbin:/bin:/usr/sbin:/usr/bin
mount -t proc proc /proc
mount -t devtmpfs devtmpfs /dev 2>/dev/null
echo "=== pmu test: $(cat /proc/sys/kernel/perf_event_paranoid 2>/dev/null) paranoid"
/bin/perf_loop
echo "=== pmu test: perf_loop exit $?"
poweroff -f
