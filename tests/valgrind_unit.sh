#!/bin/bash
# Runs every unit test of a build directory (ctest label "unit") under valgrind's memcheck: any
# invalid access, use of uninitialised memory or leak fails the run. Prints "N passed, N failed".
#   tests/valgrind_unit.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?usage: tests/valgrind_unit.sh BUILD_DIR}
command -v valgrind >/dev/null || { echo "valgrind_unit: valgrind not found (scripts/install-deps.sh)" >&2; exit 1; }

# ctest knows each unit test's command line; Check runs its cases in the same process (no fork) so
# that valgrind sees them.
mapfile -t cmds < <(ctest --test-dir "$BUILD" -L unit --show-only=json-v1 | python3 -c '
import json, shlex, sys
for t in json.load(sys.stdin)["tests"]:
    print(t["name"], shlex.join(t["command"]))')
[ ${#cmds[@]} -gt 0 ] || { echo "valgrind_unit: no unit tests in $BUILD" >&2; exit 1; }

logdir=$BUILD/valgrind
rm -rf "$logdir"
mkdir -p "$logdir"
run_one() {   # NAME COMMAND...: leaves NAME.ok or NAME.failed beside NAME.log
    local name=$1; shift
    if CK_FORK=no valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
            --errors-for-leak-kinds=definite,indirect --track-origins=yes \
            "$@" >"$logdir/$name.log" 2>&1; then
        touch "$logdir/$name.ok"
    else
        touch "$logdir/$name.failed"
    fi
}
jobs_max=${JOBS:-$(nproc)}
for line in "${cmds[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || true; done
    eval "cmd=(${line#* })"
    run_one "${line%% *}" "${cmd[@]}" &
done
wait
pass=0 fail=0
for line in "${cmds[@]}"; do
    name=${line%% *}
    if [ -e "$logdir/$name.ok" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "valgrind: FAILED $name (log: $logdir/$name.log)"
        tail -n 30 "$logdir/$name.log"
    fi
done
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
