#!/bin/bash
# System tests of the bare-metal runner: HTIF and syscon endings, --max-insns, --stats, and the
# bad-input matrix, each with its exact message and exit status.
# usage: runner_test.sh VHART GUEST_DIR EXAMPLE_DIR
set -u
VHART=$1
GUESTS=$2
EXAMPLES=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

# expect NAME STATUS STDOUT STDERR -- COMMAND...: exact status, stdout and stderr.
expect() {
    local name=$1 want_status=$2 want_out=$3 want_err=$4
    shift 5
    local out err status
    out=$("$@" 2>"$TMP/stderr" </dev/null)
    status=$?
    err=$(cat "$TMP/stderr")
    if [ "$status" != "$want_status" ] || [ "$out" != "$want_out" ] || [ "$err" != "$want_err" ]; then
        echo "FAIL $name"
        echo "  status: got $status, want $want_status"
        [ "$out" != "$want_out" ] && printf '  stdout: got [%s]\n          want [%s]\n' "$out" "$want_out"
        [ "$err" != "$want_err" ] && printf '  stderr: got [%s]\n          want [%s]\n' "$err" "$want_err"
        failures=$((failures + 1))
    else
        echo "ok   $name"
    fi
}

# Guest-driven endings.
expect htif_exit_via_two_32bit_stores 21 "" "vhart: program exited with status 21" -- "$VHART" "$GUESTS/htif_split32.elf"
expect htif_syscall_proxy_write 0 "to stdout through the syscall proxy" "to stderr" -- "$VHART" "$GUESTS/htif_syscall.elf"
expect htif_tohost_from_umode_virtual_address 7 "" "vhart: program exited with status 7" -- "$VHART" "$GUESTS/htif_umode_va.elf"
expect syscon_fail_code 5 "" "vhart: program exited with status 5" -- "$VHART" "$GUESTS/syscon_fail.elf"
expect syscon_reset_restarts_machine 0 "" "" -- "$VHART" "$GUESTS/syscon_reset.elf"
expect example_hello 0 "Hello from a RISC-V guest on vhart! (hart 0)" "" -- "$VHART" "$EXAMPLES/hello.elf"

# --max-insns stops exactly: 3 instructions, then 2 per loop iteration.
expect max_insns_exact 3 "" "vhart: stopped after 1001 instructions (--max-insns)" -- "$VHART" --max-insns 1001 "$GUESTS/count_loop.elf"
expect max_insns_large 3 "" "vhart: stopped after 5000000 instructions (--max-insns)" -- "$VHART" --max-insns 5000000 "$GUESTS/count_loop.elf"

# The ISA string follows the enabled extensions; --isa turns extensions off.
expect isa_default 0 "vhart 0.1.0
isa rv64imafdc_zicbom_zicboz_zicond_zicsr_zifencei_zihintpause_zba_zbb_zbs_sstc" "" -- "$VHART" --version
expect isa_rv64gc 0 "vhart 0.1.0
isa rv64imafdc_zicsr_zifencei" "" -- "$VHART" --isa rv64gc --version
expect isa_rv64imac 0 "vhart 0.1.0
isa rv64imac_zicsr" "" -- "$VHART" --isa rv64imac --version
expect isa_extension_off_is_illegal 234 "" "vhart: program exited with status 1002" -- "$VHART" --isa rv64gc "$GUESTS/zba_probe.elf"
expect isa_extension_on_works 0 "" "" -- "$VHART" "$GUESTS/zba_probe.elf"

# --trace writes Spike --log-commits lines: boot ROM, then the program, exactly as expected.
"$VHART" --trace "$TMP/trace.log" "$GUESTS/trace_small.elf" >/dev/null 2>&1
if diff -u "$(dirname "$0")/trace_small.expected" "$TMP/trace.log" >"$TMP/trace.diff"; then
    echo "ok   trace_matches_expected_lines"
else
    echo "FAIL trace_matches_expected_lines"; head -20 "$TMP/trace.diff"; failures=$((failures + 1))
fi

# --stats prints its two lines.
"$VHART" --stats "$EXAMPLES/hello.elf" >/dev/null 2>"$TMP/stats"
if grep -Eq '^vhart: [0-9]+ instructions retired in [0-9.]+ s, [0-9.]+ MIPS$' "$TMP/stats" &&
   grep -Eq '^vhart: TLB refills: data [0-9]+, fetch [0-9]+ \(of [0-9]+ fetch lookups\); [0-9]+ MMIO accesses$' "$TMP/stats"; then
    echo "ok   stats_lines"
else
    echo "FAIL stats_lines"; cat "$TMP/stats"; failures=$((failures + 1))
fi

# Bad input: one line naming the problem, exit status 2.
: > "$TMP/empty.elf"
echo "just text" > "$TMP/text.elf"
cp "$EXAMPLES/hello.elf" "$TMP/class32.elf"; printf '\001' | dd of="$TMP/class32.elf" bs=1 seek=4 conv=notrunc status=none
cp "$EXAMPLES/hello.elf" "$TMP/bigendian.elf"; printf '\002' | dd of="$TMP/bigendian.elf" bs=1 seek=5 conv=notrunc status=none
cp "$EXAMPLES/hello.elf" "$TMP/x86.elf"; printf '\076\000' | dd of="$TMP/x86.elf" bs=1 seek=18 conv=notrunc status=none
head -c 40 "$EXAMPLES/hello.elf" > "$TMP/header.elf"
head -c 200 "$EXAMPLES/hello.elf" > "$TMP/trunc.elf"
mkdir "$TMP/dir.elf"
expect missing_file 2 "" "vhart: $TMP/nope.elf: No such file or directory" -- "$VHART" "$TMP/nope.elf"
expect empty_file 2 "" "vhart: $TMP/empty.elf: empty file, not an ELF program" -- "$VHART" "$TMP/empty.elf"
expect not_elf 2 "" "vhart: $TMP/text.elf: not an ELF file" -- "$VHART" "$TMP/text.elf"
expect elf_class32 2 "" "vhart: $TMP/class32.elf: not a 64-bit ELF (class 1); vhart runs RV64 programs" -- "$VHART" "$TMP/class32.elf"
expect elf_big_endian 2 "" "vhart: $TMP/bigendian.elf: not a little-endian ELF" -- "$VHART" "$TMP/bigendian.elf"
expect elf_wrong_machine 2 "" "vhart: $TMP/x86.elf: not a RISC-V ELF (e_machine 62)" -- "$VHART" "$TMP/x86.elf"
expect elf_truncated_header 2 "" "vhart: $TMP/header.elf: truncated ELF header (40 bytes)" -- "$VHART" "$TMP/header.elf"
expect elf_truncated_segment 2 "" "vhart: $TMP/trunc.elf: truncated or missing program headers" -- "$VHART" "$TMP/trunc.elf"
expect directory 2 "" "vhart: $TMP/dir.elf: is a directory" -- "$VHART" "$TMP/dir.elf"
# The program's biggest segment (a 256 MiB bss) does not fit the default 128 MiB of RAM.
big=$(riscv64-unknown-elf-readelf -lW "$GUESTS/too_big.elf" | awk '$1 == "LOAD" { print $3, $6 }' | sort -k2 | tail -1)
big_addr=$(printf '0x%x' "${big%% *}"); big_size=$(printf '0x%x' "${big##* }")
expect program_too_large_for_ram 2 "" "vhart: $GUESTS/too_big.elf: segment at $big_addr ($big_size bytes) lies outside RAM" -- "$VHART" "$GUESTS/too_big.elf"
expect program_fits_bigger_ram 0 "" "" -- "$VHART" --mem 512M "$GUESTS/too_big.elf"
expect unknown_option 2 "" "vhart: unknown option --frobnicate (try --help)" -- "$VHART" --frobnicate "$EXAMPLES/hello.elf"
expect missing_argument 2 "" "vhart: option --mem needs an argument (try --help)" -- "$VHART" "$EXAMPLES/hello.elf" --mem
expect bad_mem 2 "" "vhart: --mem lots: not a size (examples: 128M, 1G) (try --help)" -- "$VHART" --mem lots "$EXAMPLES/hello.elf"
expect mem_zero 2 "" "vhart: --mem: RAM size must be a non-zero multiple of 4 KiB" -- "$VHART" --mem 0 "$EXAMPLES/hello.elf"
expect mem_too_big 2 "" "vhart: --mem: 1048576 MiB is more than the 64 GiB vhart supports" -- "$VHART" --mem 1T "$EXAMPLES/hello.elf"
expect smp_zero 2 "" "vhart: --smp 0: the number of harts must be 1 to 8 (try --help)" -- "$VHART" --smp 0 "$EXAMPLES/hello.elf"
expect smp_99 2 "" "vhart: --smp 99: the number of harts must be 1 to 8 (try --help)" -- "$VHART" --smp 99 "$EXAMPLES/hello.elf"
expect bad_isa 2 "" "vhart: --isa rv32i: must start with rv64 (try --help)" -- "$VHART" --isa rv32i "$EXAMPLES/hello.elf"
expect no_program 2 "" "vhart: no program given (a bare-metal ELF, or --kernel) (try --help)" -- "$VHART"

if [ "$failures" -ne 0 ]; then
    echo "runner_test: $failures failure(s)"
    exit 1
fi
echo "runner_test: all passed"
