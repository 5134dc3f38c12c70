#!/usr/bin/env python3
"""The REPL driven without a terminal: --debug-cmd FILE, and commands on a pipe (stdin not a tty).

usage: repl_script_test.py [-v] [--tool-prefix riscv64-unknown-elf-] VHART EXAMPLES_DIR

  hello   --debug-cmd with stdin /dev/null: set (x, ABI names, fN as double, single and raw bits,
          pc, CSRs with their WARL result, satp decoded after the write, priv), set mem of each
          size with its range checks, dump against the ELF's bytes, load (virtual and phys), a
          fault reported in words, reset, a conditional breakpoint's hit counts, errors that go on,
          then continue to the guest's exit; a missing --debug-cmd file is one line and status 2.
  teachos --debug with its commands on a pipe: a conditional watchpoint stops once, its hits
          count every store; the guest's console never reads the lines meant for the REPL (teachos
          echoes every key it gets: "you typed").
Addresses and bytes come from the ELFs (nm, the program headers). Exit status 0 when all pass."""

import os
import re
import struct
import subprocess
import sys
import tempfile

VERBOSE = "-v" in sys.argv
args = [a for a in sys.argv[1:] if a != "-v"]
TOOL_PREFIX = "riscv64-unknown-elf-"
if len(args) >= 2 and args[0] == "--tool-prefix":
    TOOL_PREFIX, args = args[1], args[2:]
if len(args) != 2:
    sys.exit(__doc__)
VHART, EXAMPLES = os.path.abspath(args[0]), os.path.abspath(args[1])
HELLO = os.path.join(EXAMPLES, "hello.elf")
TEACHOS = os.path.join(EXAMPLES, "teachos", "teachos.elf")

failures = []


def check(cond, what, output=""):
    if cond:
        if VERBOSE:
            print("ok   " + what)
        return
    failures.append(what)
    print("FAIL " + what)
    if output:
        print("---- output ----\n" + output.rstrip() + "\n----------------")


def expect_lines(out, lines, scenario):
    """Each wanted line appears in out, in this order (a compiled regex matches a whole line)."""
    got = out.splitlines()
    pos = 0
    for want in lines:
        for i in range(pos, len(got)):
            if (want.fullmatch(got[i]) if isinstance(want, re.Pattern) else got[i] == want):
                pos = i + 1
                break
        else:
            check(False, "%s: %r (in order) in the output" % (scenario, getattr(want, "pattern", want)), out)
            return
        check(True, "%s: %r" % (scenario, getattr(want, "pattern", want)))


def symbols(elf):
    syms = {}
    out = subprocess.run([TOOL_PREFIX + "nm", elf], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms.setdefault(parts[2], int(parts[0], 16))
    return syms


def elf_bytes(path, addr, n):
    """n bytes at a virtual address, from the ELF64 program headers."""
    with open(path, "rb") as f:
        data = f.read()
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _, p_offset, p_vaddr, _, p_filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if p_type == 1 and p_vaddr <= addr and addr + n <= p_vaddr + p_filesz:
            return data[p_offset + addr - p_vaddr:p_offset + addr - p_vaddr + n]
    raise AssertionError("0x%x not in a loaded segment of %s" % (addr, path))


def hexdump(addr, data):
    cells = " ".join(("%02x" % b) for b in data[:8])
    if len(data) > 8:
        cells += "  " + " ".join(("%02x" % b) for b in data[8:16])
    text = "".join(chr(b) if 0x20 <= b < 0x7f else "." for b in data)
    return "0x%016x:  %-48s  |%s|" % (addr, cells, text)


def run(argv, stdin_bytes=None, timeout=60):
    r = subprocess.run(argv, input=stdin_bytes if stdin_bytes is not None else b"",
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    out, err = r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")
    if VERBOSE:
        print("$ " + " ".join(argv) + "\n" + out + err)
    return r.returncode, out, err


def scenario_hello_debug_cmd(tmp):
    name = "hello --debug-cmd"
    syms = symbols(HELLO)
    main, start, puts = syms["main"], syms["_start"], syms["htif_puts"]
    scratch = 0x80100000   # RAM past hello's image and stack
    dump = os.path.join(tmp, "start.bin")
    blob = os.path.join(tmp, "blob.bin")
    with open(blob, "wb") as f:
        f.write(b"vhart!\n")
    script = os.path.join(tmp, "script.txt")
    with open(script, "w") as f:
        f.write("\n".join([
            "# a comment, then registers",
            "set a0 5", "set x5 0x10", "set $t1 -1", "set f3 1.5", "set f4 -2.5f", "set f5 0x3ff0000000000000",
            "set pc main+2", "set pc main",
            "set mstatus 0x8", "set satp 0x8000000000080000", "csr satp", "set satp 0",
            "set priv 2", "set x0 7", "set nosuch 1", "set a0",
            "set mem 0x%x 0x1234 2" % scratch, "set mem 0x%x -1 1" % (scratch + 2),
            "set mem 0x%x 0x89abcdef w" % (scratch + 4), "set mem 0x%x 0x%x" % (scratch + 8, 0x0123456789abcdef),
            "x 0x%x 16" % scratch,
            "set mem 0x%x 256 1" % scratch, "set mem 0x%x -129 b" % scratch, "set mem 0x%x 1 3" % scratch,
            "dump _start 32 %s" % dump, "dump 0x10000000 8 %s" % os.path.join(tmp, "uart.bin"),
            "dump 0x10000000 8 %s phys" % os.path.join(tmp, "uart.bin"),
            "load %s 0x%x" % (blob, scratch), "x 0x%x 7" % scratch,
            "load %s 0x%x phys" % (blob, scratch + 16), "x 0x%x 7 phys" % (scratch + 16),
            "load %s 0x%x" % (os.path.join(tmp, "nope.bin"), scratch),
            "reset", "regs",
            "b htif_puts if *(u8*)a0 == 0x29", "b main if a0 ==", "step if a0", "info break",
            "continue", "info break", "p $a0", "delete", "continue", ""]))
    status, out, err = run([VHART, "--debug-cmd", script, HELLO])
    expect_lines(out, [
        "(vhart) # a comment, then registers",
        "a0 = 0x0000000000000005",
        "x5 = 0x0000000000000010",
        "t1 = 0xffffffffffffffff",
        "f3 = 0x3ff8000000000000 (1.5)",
        "f4 = 0xffffffffc0200000 (-2.5 f)",
        "f5 = 0x3ff0000000000000 (1)",
        "pc = 0x%x <main+0x2>" % (main + 2),
        "pc = 0x%x <main>" % main,
        "mstatus = 0x0000000a00000008 (the register keeps only what it supports)",
        "satp = 0x8000000000080000",
        "  MODE=Sv39 ASID=0x0 PPN=0x80000 (root table at 0x80000000)",
        "satp = 0x0000000000000000",
        "priv must be 0 (U), 1 (S), 3 (M), 4 (VU) or 5 (VS)",
        "x0 = 0x0000000000000000 (the register keeps only what it supports)",
        'no register or CSR "nosuch"',
        "usage: set REG VALUE | set mem ADDR VALUE [SIZE] [phys]",
        "wrote 0x1234 (2 bytes) at 0x%x" % scratch,
        "wrote 0xff (1 byte) at 0x%x" % (scratch + 2),
        "wrote 0x89abcdef (4 bytes) at 0x%x" % (scratch + 4),
        "wrote 0x0123456789abcdef (8 bytes) at 0x%x" % (scratch + 8),
        hexdump(scratch, bytes([0x34, 0x12, 0xff, 0, 0xef, 0xcd, 0xab, 0x89, 0xef, 0xcd, 0xab, 0x89, 0x67, 0x45,
                                0x23, 0x01])),
        "256 does not fit in 1 byte",
        "-129 does not fit in 1 byte",
        "SIZE must be 1, 2, 4 or 8 (or b, h, w, d)",
        "dumped 32 bytes at 0x%x to %s" % (start, dump),
        "dump: cannot read 0x10000000: not RAM",
        "dump: cannot read 0x10000000: not RAM",
        "loaded 7 bytes from %s at 0x%x" % (blob, scratch),
        hexdump(scratch, b"vhart!\n"),
        "loaded 7 bytes from %s at 0x%x (physical)" % (blob, scratch + 16),
        hexdump(scratch + 16, b"vhart!\n"),
        "load: cannot open %s" % os.path.join(tmp, "nope.bin"),
        "Reset: 1 hart, hart 0 at 0x1000 (M-mode)",
        "pc   0x0000000000001000  priv M (machine)  hart 0",
        "s0   0x0000000000000000  s1   0x0000000000000000  a0   0x0000000000000000  a1   0x0000000000000000",
        "Breakpoint 1 at 0x%x <htif_puts>" % puts,
        "  if *(u8*)a0 == 0x29",
        'bad condition "a0 ==": the expression ends too early',
        "step takes no condition (only break and watch do)",
        re.compile(r"1    breakpoint    0x%x <htif_puts> +0" % puts),
        "     if *(u8*)a0 == 0x29  (true 0 times)",
        # ")\n" is the second string main prints: the first call does not stop.
        re.compile(r".*Breakpoint 1, hart 0 \(M-mode\) at 0x%x <htif_puts>" % puts),
        re.compile(r"1    breakpoint    0x%x <htif_puts> +2" % puts),
        "     if *(u8*)a0 == 0x29  (true 1 time)",
        "Deleted all breakpoints and watchpoints (1).",
    ], name)
    check(status == 0, name + ": exit status 0 (got %d)" % status, out + err)
    check(out.rstrip().endswith(")"), name + ": the guest finishes its line after the last continue", out)
    with open(dump, "rb") as f:
        check(f.read() == elf_bytes(HELLO, start, 32), name + ": dump holds the ELF's 32 bytes at _start")
    check(not os.path.exists(os.path.join(tmp, "uart.bin")), name + ": a failed dump writes no file")

    status, out, err = run([VHART, "--debug-cmd", os.path.join(tmp, "missing.txt"), HELLO])
    check(status == 2 and err == "vhart: --debug-cmd %s: No such file or directory\n" % os.path.join(tmp, "missing.txt")
          and out == "", name + ": a missing file is one line, status 2 (got %d)" % status, out + err)


def scenario_teachos_pipe(tmp):
    name = "teachos on a pipe"
    ticks = symbols(TEACHOS)["ticks"]
    lines = ["watch ticks 8 if mem[ticks] == 4", "continue", "info break", "x ticks 8", "delete",
             "set mem ticks 0x71", "quit"]
    status, out, err = run([VHART, "--debug", "--bios", "none", "--kernel", TEACHOS],
                           ("\n".join(lines) + "\n").encode())
    expect_lines(out, [
        "(vhart) watch ticks 8 if mem[ticks] == 4",
        "Watchpoint 1 (write) at 0x%x <ticks>, 8 bytes" % ticks,
        "  if mem[ticks] == 4",
        "tick 3",
        "Watchpoint 1 (write), hart 0 (S-mode) wrote 0x%x <ticks>" % ticks,
        "  [0x%x <ticks>, 8 bytes] = 0x0000000000000004 (4)" % ticks,
        "(vhart) info break",
        # Five stores: the boot's clearing of .bss, then ticks 1 to 4.
        re.compile(r"1    watch write   0x%x <ticks> +8 +5" % ticks),
        "     if mem[ticks] == 4  (true 1 time)",
        hexdump(ticks, bytes([4, 0, 0, 0, 0, 0, 0, 0])),
        "Deleted all breakpoints and watchpoints (1).",
        "wrote 0x0000000000000071 (8 bytes) at 0x%x" % ticks,
        "(vhart) quit",
    ], name)
    check("tick 4" not in out, name + ": the watchpoint stopped before the 4th tick's line", out)
    check("you typed" not in out, name + ": the guest's console read none of the REPL's lines", out)
    check(status == 0, name + ": quit exits 0 (got %d)" % status, out + err)


tmp = tempfile.mkdtemp(prefix="vhart-repl-script-")
try:
    scenario_hello_debug_cmd(tmp)
    if os.path.exists(TEACHOS):
        scenario_teachos_pipe(tmp)
    else:
        print("note: %s not built: the pipe scenario is skipped" % TEACHOS)
finally:
    subprocess.run(["rm", "-rf", tmp])
if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
print("repl_script_test: all checks passed")
