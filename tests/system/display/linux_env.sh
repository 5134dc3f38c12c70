#!/bin/sh
# linux_env.sh BUILD_SH FBTEST INIT [--build] -- CMD...: find the Linux guest (exit 77, skipped, when
# roms/build.sh has not built it; 1 when $VHART_REQUIRE_GUESTS says it must exist), build or find the
# display tests' initramfs (INIT as /init, FBTEST as /bin/fbtest), then run CMD with KERNEL and INITRD
# in the environment. With --build it only builds the initramfs (the tests' fixture).
build_sh=$1 fbtest=$2 init=$3
shift 3
build=
[ "$1" = --build ] && { build=1; shift; }
[ "$1" = -- ] && shift
paths=$("$build_sh" --print-paths) || {
    [ -n "$VHART_REQUIRE_GUESTS" ] && { echo "Linux guest not built: run roms/build.sh" >&2; exit 1; }
    echo "Linux guest not built (roms/build.sh): skipped"
    exit 77
}
eval "$paths"
set -- "$@"
if [ -n "$build" ]; then
    exec "$build_sh" --init "$init" --out display --file "$fbtest:/bin/fbtest"
fi
paths=$("$build_sh" --print-paths --init "$init" --out display --file "$fbtest:/bin/fbtest") || exit 1
eval "$paths"
export KERNEL INITRD
exec "$@" --kernel "$KERNEL" --initrd "$INITRD"
