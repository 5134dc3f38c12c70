#!/bin/bash
# CPU-bound guest on vhart and on Debian's qemu-system-riscv64 (-M spike, TCG JIT), side by side:
# median wall time over several runs each, vhart's MIPS, and the ratio vhart / QEMU.
# usage: bench/cpu_vs_qemu.sh [RUNS] [PROGRAM.elf]   (builds vhart and the examples in build/)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
cmake -B build -S . -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target vhart examples >/dev/null
PROG=${2:-build/examples/primes.elf}
command -v qemu-system-riscv64 >/dev/null || { echo "qemu-system-riscv64 not found (apt-get install qemu-system-misc)"; exit 2; }

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

vh_times=() q_times=() mips=()
for i in $(seq "$RUNS"); do
    t0=$(now)
    build/vhart --stats "$PROG" >/dev/null 2>/tmp/vhart-bench-stats.$$
    t1=$(now)
    vh_times+=("$(echo "$t1 - $t0" | bc -l)")
    mips+=("$(sed -n 's/.* s, \([0-9.]*\) MIPS$/\1/p' /tmp/vhart-bench-stats.$$)")
    insns=$(sed -n 's/^vhart: \([0-9]*\) instructions.*/\1/p' /tmp/vhart-bench-stats.$$)
    t0=$(now)
    qemu-system-riscv64 -M spike -bios none -kernel "$PROG" -nographic -monitor none -serial none >/dev/null
    t1=$(now)
    q_times+=("$(echo "$t1 - $t0" | bc -l)")
done
rm -f /tmp/vhart-bench-stats.$$
vh=$(printf '%s\n' "${vh_times[@]}" | median)
q=$(printf '%s\n' "${q_times[@]}" | median)
m=$(printf '%s\n' "${mips[@]}" | median)
printf 'program                %s (%s instructions)\n' "$(basename "$PROG")" "$insns"
printf 'runs                   %d each, medians\n' "$RUNS"
printf 'vhart                  %.3f s  (%.1f MIPS by --stats)\n' "$vh" "$m"
printf 'qemu-system-riscv64    %.3f s  (-M spike -bios none, TCG)\n' "$q"
printf 'ratio vhart / QEMU     %.2f\n' "$(echo "$vh / $q" | bc -l)"
