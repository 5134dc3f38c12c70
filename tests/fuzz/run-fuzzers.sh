#!/bin/bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and fuzzes each for a while, one at a time
# (one process, restarted after a crash until the time is up), starting from tests/fuzz/corpus/<target>
# plus fresh seeds, then merges what was found back into the corpus, kept small (at most 1000 files
# and 1 MiB per target; crash-* regression inputs always stay). Prints, per target, the time,
# executions, exec/s, coverage and crashes. See docs/fuzzing.md.
#
# usage: tests/fuzz/run-fuzzers.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600, all targets)
# SECONDS 0: no fuzzing, only merge an earlier run's build-fuzz/fuzz-work/<target> into the corpus.
# FUZZ_SEED_ELFS="a.elf b.elf" adds seed programs besides those found in build*/ directories.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-600}
[ $# -gt 0 ] && shift
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(elf exec virtqueue options gdb_packet disk p9fs)
BUILD=${FUZZ_BUILD:-build-fuzz}
MAX_FILES=1000
MAX_BYTES=$((1024 * 1024))

command -v clang >/dev/null || { echo "run-fuzzers: clang is not installed (scripts/install-deps.sh)" >&2; exit 1; }
CC=clang cmake -B "$BUILD" -S . -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVHART_FUZZ=ON >/dev/null
cmake --build "$BUILD" -j2 --target $(printf 'fuzz_%s ' "${TARGETS[@]}")

# Seeds: real programs where a build has them (examples, guest ISA tests), the rest generated.
ELFS=()
for f in build*/examples/*.elf build*/examples/*/*.elf build*/tests/isa/rv64*.elf ${FUZZ_SEED_ELFS:-}; do
    [ -f "$f" ] && ELFS+=(--elf "$f")
done
rm -rf "$BUILD/fuzz-seeds"
python3 tests/fuzz/make-seeds.py "$BUILD/fuzz-seeds" "${ELFS[@]:0:60}"

mkdir -p "$BUILD/fuzz-logs" "$BUILD/fuzz-artifacts"
SUMMARY="$BUILD/fuzz-logs/summary.txt"
: > "$SUMMARY"
for t in "${TARGETS[@]}"; do
    corpus=tests/fuzz/corpus/$t
    work=$BUILD/fuzz-work/$t
    if [ "$SECS" -gt 0 ]; then
        rm -rf "$work"
        mkdir -p "$work" "$corpus"
        cp "$corpus"/* "$work"/ 2>/dev/null || true
        cp "$BUILD/fuzz-seeds/$t"/* "$work"/ 2>/dev/null || true
    fi
    mkdir -p "$work" "$corpus"
    case $t in   # whole programs for the loader; sessions for the stub; small inputs elsewhere
        elf) maxlen=65536 ;;
        gdb_packet) maxlen=8192 ;;
        snapshot) maxlen=32768 ;;   # a whole state payload (the seed is 17 KB), RAM section included
        *) maxlen=4096 ;;
    esac
    log=$BUILD/fuzz-logs/$t.log
    [ "$SECS" -gt 0 ] && echo "=== fuzz_$t for ${SECS}s (log: $log)"
    # One process at full speed; after a crash (kept in fuzz-artifacts) start again on the
    # grown corpus until the time is used up.
    start=$(date +%s)
    [ "$SECS" -gt 0 ] && : > "$log"
    execs=0
    while :; do
        left=$(( SECS - ($(date +%s) - start) ))
        [ $left -le 5 ] && break
        "$BUILD/tests/fuzz/fuzz_$t" "$work" -max_total_time="$left" -max_len=$maxlen -timeout=20 \
            -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$BUILD/fuzz-artifacts/$t-" >>"$log" 2>&1 || true
        n=$(grep -E '^stat::number_of_executed_units:' "$log" | tail -1 | awk '{print $2}' || true)
        execs=$(( execs + ${n:-0} ))
        grep -qE '^==[0-9]+==ERROR|fuzz invariant failed|^SUMMARY:|deadly signal' <(tail -200 "$log") || break
    done
    elapsed=$(( $(date +%s) - start ))
    last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 || true)
    cov=$(sed -E 's/.*cov: ([0-9]+).*/\1/' <<<"$last")
    ft=$(sed -E 's/.* ft: ([0-9]+).*/\1/' <<<"$last")
    crashes=$(find "$BUILD/fuzz-artifacts" -name "$t-*" | wc -l)
    eps=$(( elapsed > 0 ? execs / elapsed : 0 ))

    # Merge into a fresh corpus (edges only, not hit counts: far fewer files for nearly the same
    # coverage), then trim to the size limits, smallest first (crash-* regressions always stay).
    new=$BUILD/fuzz-work/$t.merged
    rm -rf "$new"
    mkdir -p "$new"
    "$BUILD/tests/fuzz/fuzz_$t" -merge=1 -use_counters=0 -max_len=$maxlen -timeout=20 -rss_limit_mb=2048 "$new" "$work" \
        >"$BUILD/fuzz-logs/$t.merge.log" 2>&1 || true
    keep=()
    for f in "$corpus"/crash-*; do [ -f "$f" ] && keep+=("$f"); done
    tmpkeep=$(mktemp -d)
    [ ${#keep[@]} -gt 0 ] && cp "${keep[@]}" "$tmpkeep"/
    rm -f "$corpus"/*
    cp "$tmpkeep"/* "$corpus"/ 2>/dev/null || true
    rm -rf "$tmpkeep"
    n=0
    bytes=0
    for f in $(ls -S -r "$new"); do     # smallest first
        sz=$(stat -c %s "$new/$f")
        [ $n -ge $MAX_FILES ] && break
        [ $((bytes + sz)) -gt $MAX_BYTES ] && break
        cp "$new/$f" "$corpus/"
        n=$((n + 1))
        bytes=$((bytes + sz))
    done
    [ "$SECS" -eq 0 ] && { echo "fuzz_$t: merged, corpus $(ls "$corpus" | wc -l) files"; continue; }
    line="fuzz_$t: ${elapsed}s, ${execs} executions (${eps}/s), cov ${cov:-?} edges, ${ft:-?} features, crashes ${crashes}, corpus $(ls "$corpus" | wc -l) files"
    echo "$line" | tee -a "$SUMMARY"
done
echo "=== summary ($SUMMARY)"
cat "$SUMMARY"
