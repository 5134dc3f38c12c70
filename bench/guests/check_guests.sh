#!/bin/sh
# check_guests.sh VHART GUEST.elf...: every bench guest runs to completion on vhart with exit status 0,
# having printed "ok" for each of its results and no "WRONG" (correctness only: nothing is timed).
vhart=$1; shift
fail=0
for elf in "$@"; do
    case $(basename "$elf") in spinturn*) smp="--smp 2" ;; *) smp="" ;; esac   # two-hart guests
    out=$("$vhart" --mem 256M $smp "$elf" 2>&1); rc=$?
    if [ $rc -ne 0 ] || ! printf '%s\n' "$out" | grep -q ' ok$' || printf '%s\n' "$out" | grep -q WRONG; then
        echo "FAIL $(basename "$elf") (exit $rc):"; printf '%s\n' "$out"; fail=1
    else
        echo "ok   $(basename "$elf"): $(printf '%s\n' "$out" | grep -c ' ok$') results"
    fi
done
exit $fail
