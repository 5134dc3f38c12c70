#!/bin/sh
# --log and --log-file (docs/logging.md): the exact lines for a guest that takes a known sequence of
# traps (guests/log_traps.S: ecall, unmapped load, unimplemented CSR, software interrupt, two page
# faults with the walk's verdict, ecall from S), each item alone, stderr as the default, and the
# option errors.
# usage: log_test.sh VHART GUESTS_DIR
VHART=$1
GUEST=$2/log_traps.elf
EXPECTED=$(dirname "$0")/log_traps.expected
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
pass() { echo "ok: $1"; }
bad() { echo "FAIL: $1" >&2; fail=1; }

"$VHART" --log all --log-file "$TMP/log" "$GUEST" >"$TMP/out" 2>"$TMP/err"
st=$?
if [ $st -eq 0 ] && cmp -s "$TMP/log" "$EXPECTED" && [ ! -s "$TMP/out" ] && [ ! -s "$TMP/err" ]; then
    pass "--log all --log-file: exactly the expected lines, nothing on stdout or stderr"
else
    bad "--log all --log-file: status $st"; diff -u "$EXPECTED" "$TMP/log" >&2; cat "$TMP/err" >&2
fi

"$VHART" --log all "$GUEST" >"$TMP/out" 2>"$TMP/err"
if cmp -s "$TMP/err" "$EXPECTED"; then pass "--log all: the same lines on stderr"
else bad "--log all on stderr"; diff -u "$EXPECTED" "$TMP/err" >&2; fi

# Each item alone: exactly its own lines (the second word of each line names the item).
for item in int exc mmu guest-errors; do
    word=$item; [ "$item" = guest-errors ] && word=guest-error
    awk -v w="$word" '$2 == w' "$EXPECTED" >"$TMP/want"
    "$VHART" --log "$item" --log-file "$TMP/log" "$GUEST" >/dev/null 2>&1
    if [ -s "$TMP/want" ] && cmp -s "$TMP/log" "$TMP/want"; then pass "--log $item: $(wc -l <"$TMP/want") lines, its own only"
    else bad "--log $item"; diff -u "$TMP/want" "$TMP/log" >&2; fi
done

# --log exc,mmu: a list.
awk '$2 == "exc" || $2 == "mmu"' "$EXPECTED" >"$TMP/want"
"$VHART" --log exc,mmu --log-file "$TMP/log" "$GUEST" >/dev/null 2>&1
if cmp -s "$TMP/log" "$TMP/want"; then pass "--log exc,mmu"; else bad "--log exc,mmu"; diff -u "$TMP/want" "$TMP/log" >&2; fi

# A virtio driver error (guests/mmio_random.c writes random values to every device register): the
# device's line, without a hart.
truncate -s 1M "$TMP/disk.img"
"$VHART" --log guest-errors --log-file "$TMP/log" --drive "$TMP/disk.img" "$2/mmio_random.elf" >/dev/null 2>&1
if grep -qE '^guest-error virtio-blk at 0x10001000: driver error, device needs reset \(status 0x[0-9a-f]+\)$' "$TMP/log"
then pass "--log guest-errors: a virtio driver error"
else bad "--log guest-errors: no virtio-blk driver error line"; grep -v '^hart' "$TMP/log" | head -3 >&2; fi

# Errors: one line, status 2; help on stdout, status 0.
check_err() {   # expected-message args...
    msg=$1; shift
    "$VHART" "$@" >"$TMP/out" 2>"$TMP/err"
    st=$?
    if [ $st -eq 2 ] && [ "$(cat "$TMP/err")" = "$msg" ] && [ "$(wc -l <"$TMP/err")" -eq 1 ]; then pass "error: $msg"
    else bad "expected status 2 and '$msg', got $st: $(cat "$TMP/err")"; fi
}
check_err "vhart: --log bogus: unknown item 'bogus' (try --log help)" --log bogus "$GUEST"
check_err "vhart: --log int,: unknown item '' (try --log help)" --log int, "$GUEST"
check_err "vhart: --log-file $TMP/log: give --log ITEMS too" --log-file "$TMP/log" "$GUEST"
check_err "vhart: --log-file: cannot write /nonexistent-dir/log: No such file or directory" \
    --log int --log-file /nonexistent-dir/log "$GUEST"
"$VHART" --log help >"$TMP/out" 2>"$TMP/err"
if [ $? -eq 0 ] && grep -q '^  guest-errors ' "$TMP/out" && grep -q '^  mmu ' "$TMP/out" && [ ! -s "$TMP/err" ]; then
    pass "--log help lists the items"
else bad "--log help"; fi
exit $fail
