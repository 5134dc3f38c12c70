#!/bin/bash
# System tests of the bare-metal runner: HTIF and syscon endings, --max-insns, --isa, --trace, --stats,
# each with its exact output and exit status (the bad-input matrix is badinput_test.py).
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

# A trap that repeats for ever (unimp, then instruction access faults at mtvec = 0): --max-insns
# counts the trapping instructions (6 boot-ROM instructions, then 994 traps), and without it the
# trap storm stops the run with one line and status 4.
expect max_insns_counts_traps 3 "" "vhart: stopped after 1000 instructions (--max-insns)" -- "$VHART" --max-insns 1000 "$GUESTS/trap_forever.elf"
expect trap_storm_stops_the_run 4 "" "vhart: hart 0 is stuck in a trap loop: instruction access fault at pc 0x0 (tval 0x0), trap vector 0x0" -- "$VHART" "$GUESTS/trap_forever.elf"
expect trap_storm_stops_a_traced_run 4 "" "vhart: hart 0 is stuck in a trap loop: instruction access fault at pc 0x0 (tval 0x0), trap vector 0x0" -- "$VHART" --trace /dev/null "$GUESTS/trap_forever.elf"
expect trap_storm_on_hart_1 4 "" "vhart: hart 1 is stuck in a trap loop: instruction access fault at pc 0x0 (tval 0x0), trap vector 0x0" -- "$VHART" --smp 2 "$GUESTS/trap_forever_hart1.elf"

# The ISA string follows the enabled extensions; --isa turns extensions off. (The first line, the version and
# git commit, is install_test.sh's.)
VERSION_LINE=$("$VHART" --version </dev/null | head -n 1)
expect isa_default 0 "$VERSION_LINE
isa rv64imafdch_zicbom_zicboz_zicond_zicsr_zifencei_zihintntl_zihintpause_zimop_zawrs_zfa_zfh_zfhmin_zcb_zcmop_zba_zbb_zbc_zbkb_zbkc_zbkx_zbs_sdtrig_sscofpmf_sstc_svadu_svinval_svpbmt" "" -- "$VHART" --version
expect isa_rv64gc 0 "$VERSION_LINE
isa rv64imafdc_zicsr_zifencei" "" -- "$VHART" --isa rv64gc --version
expect isa_rv64imac 0 "$VERSION_LINE
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

# The first instruction of an interrupt handler (0x80000074, after the msip store) is in the
# trace, and so is every M-mode instruction after satp is set (M-mode fetches are not translated).
"$VHART" --trace "$TMP/trace_irq.log" "$GUESTS/trace_irq.elf" >/dev/null 2>&1
if diff -u "$(dirname "$0")/trace_irq.expected" "$TMP/trace_irq.log" >"$TMP/trace.diff"; then
    echo "ok   trace_has_interrupt_handler_and_m_mode_after_satp"
else
    echo "FAIL trace_has_interrupt_handler_and_m_mode_after_satp"; head -20 "$TMP/trace.diff"; failures=$((failures + 1))
fi

# SIGTERM and SIGINT end a traced run cleanly: vhart dies of the signal, and the trace file holds
# whole lines only, the last one ending in a newline.
for sig in TERM INT; do
    "$VHART" --trace "$TMP/trace_sig.log" "$GUESTS/count_loop.elf" </dev/null >/dev/null 2>&1 &
    pid=$!
    # Signal it once it is tracing (a sanitizer build on a loaded machine takes a while to start).
    for i in $(seq 200); do [ -s "$TMP/trace_sig.log" ] && break; sleep 0.05; done
    sleep 0.2
    kill -s $sig $pid
    wait $pid
    status=$?
    want=$((128 + $(kill -l $sig)))
    last=$(tail -n 1 "$TMP/trace_sig.log")
    if [ "$status" = "$want" ] && [ -s "$TMP/trace_sig.log" ] && [ "$(tail -c 1 "$TMP/trace_sig.log" | od -An -c | tr -d ' ')" = '\n' ] &&
       [[ "$last" =~ ^core\ \ \ 0:\ 3\ 0x[0-9a-f]{16}\ \(0x[0-9a-f]+\)( x[0-9 ]{2} 0x[0-9a-f]{16})?$ ]]; then
        echo "ok   trace_complete_after_sig$sig"
    else
        echo "FAIL trace_complete_after_sig$sig: status $status (want $want), last line [$last]"; failures=$((failures + 1))
    fi
    rm -f "$TMP/trace_sig.log"
done

# A machine reset forgets live virtio queues: the guest resets with a receive queue posted, then
# watches its old buffers while the host's connections to a forwarded port make slirp send frames.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$VHART" --net "user,hostfwd=tcp:127.0.0.1:$port-:80" "$GUESTS/virtio_net_reset.elf" </dev/null >"$TMP/reset.out" 2>&1 &
pid=$!
for i in $(seq 30); do
    sleep 0.1
    (exec 3<>"/dev/tcp/127.0.0.1/$port" && echo x >&3) 2>/dev/null
done
wait $pid
status=$?
if [ "$status" = 0 ] && [ ! -s "$TMP/reset.out" ]; then
    echo "ok   reset_forgets_live_virtio_queues"
else
    echo "FAIL reset_forgets_live_virtio_queues: status $status (1: buffers written, 2: used ring written)"; cat "$TMP/reset.out"
    failures=$((failures + 1))
fi

# --stats prints its three lines (the program's pages make the RAM touched non-zero).
"$VHART" --stats "$EXAMPLES/hello.elf" >/dev/null 2>"$TMP/stats"
if grep -Eq '^vhart: [0-9]+ instructions retired in [0-9.]+ s, [0-9.]+ MIPS$' "$TMP/stats" &&
   grep -Eq '^vhart: TLB refills: data [0-9]+, fetch [0-9]+ \(of [0-9]+ fetch lookups\); [0-9]+ MMIO accesses$' "$TMP/stats" &&
   grep -Eq '^vhart: guest RAM touched: [1-9][0-9]* KiB$' "$TMP/stats"; then
    echo "ok   stats_lines"
else
    echo "FAIL stats_lines"; cat "$TMP/stats"; failures=$((failures + 1))
fi

# Bad input (files, options, disks, ports): the matrix is tests/system/badinput_test.py.

if [ "$failures" -ne 0 ]; then
    echo "runner_test: $failures failure(s)"
    exit 1
fi
echo "runner_test: all passed"
