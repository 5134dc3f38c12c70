#!/bin/sh
# vhart --disasm against GNU objdump -d (binutils 2.40): the two listings must be identical, byte for byte.
# usage: disasm_vs_objdump.sh VHART_BINARY ELF...
# Prints, per file that differs, the count and the first differing lines; exits 1 on any difference.
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 VHART_BINARY ELF..." >&2
    exit 2
fi
vhart=$1
shift
objdump=${OBJDUMP:-riscv64-unknown-elf-objdump}
if ! command -v "$objdump" >/dev/null 2>&1; then
    echo "$0: $objdump not found (apt-get install binutils-riscv64-unknown-elf)" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/disasm_vs_objdump.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

status=0
files=0
lines=0
differing=0
for elf in "$@"; do
    if [ ! -f "$elf" ]; then
        echo "$elf: no such file" >&2
        status=1
        continue
    fi
    if ! "$objdump" -d "$elf" >"$tmp/objdump.txt" 2>"$tmp/objdump.err"; then
        echo "$elf: $objdump failed: $(head -n 1 "$tmp/objdump.err")" >&2
        status=1
        continue
    fi
    if ! "$vhart" --disasm "$elf" >"$tmp/vhart.txt" 2>"$tmp/vhart.err"; then
        echo "$elf: $vhart --disasm failed: $(head -n 1 "$tmp/vhart.err")" >&2
        status=1
        continue
    fi
    files=$((files + 1))
    n=$(wc -l <"$tmp/objdump.txt")
    lines=$((lines + n))
    if ! cmp -s "$tmp/objdump.txt" "$tmp/vhart.txt"; then
        d=$(diff "$tmp/objdump.txt" "$tmp/vhart.txt" | grep -c '^<')
        e=$(diff "$tmp/objdump.txt" "$tmp/vhart.txt" | grep -c '^>')
        differing=$((differing + (d > e ? d : e)))
        echo "$elf: listings differ ($d of objdump's $n lines, $e of vhart's; < objdump, > vhart):"
        diff "$tmp/objdump.txt" "$tmp/vhart.txt" | head -n 20
        status=1
    fi
done
echo "disasm_vs_objdump: $files files, $lines lines compared, $differing differing lines"
exit $status
