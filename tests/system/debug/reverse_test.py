#!/usr/bin/env python3
"""Reverse execution (src/machine/history.c) through the REPL and gdb-multiarch, under --icount.

usage: reverse_test.py [-v] [--tool-prefix riscv64-unknown-elf-] VHART EXAMPLES_DIR

  REPL on examples/primes (pexpect): step 1000, regs, step 10, rstep 10: the same registers; rs,
  rnext, info record, rcontinue back to a breakpoint hit and to the start of the history; without
  --icount the REPL says what is missing.
  gdb on examples/primes: reverse-stepi over stepi, reverse-continue to a breakpoint and to the start
  ("No more reverse-execution history"), a write watchpoint hit backwards (gdb shows the old value
  and stops at the store).
  gdb on examples/teachos (--bios none --kernel): reverse-stepi from the M-mode timer handler's first
  instruction lands on the interrupted instruction (mepc) in S-mode; reverse-continue from s_trap
  back to m_vector.
Addresses come from the ELF (nm, objdump). Exit status 0 when every check passes, 77 when gdb-multiarch
or the binutils are missing."""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import pexpect

VERBOSE = "-v" in sys.argv
args = [a for a in sys.argv[1:] if a != "-v"]
TOOL_PREFIX = "riscv64-unknown-elf-"
if len(args) >= 2 and args[0] == "--tool-prefix":
    TOOL_PREFIX = args[1]
    args = args[2:]
if len(args) != 2:
    sys.exit(__doc__)
VHART, EXAMPLES = os.path.abspath(args[0]), os.path.abspath(args[1])
PRIMES = os.path.join(EXAMPLES, "primes.elf")
TEACHOS = os.path.join(EXAMPLES, "teachos", "teachos.elf")
GDB = shutil.which("gdb-multiarch")
NM = shutil.which(TOOL_PREFIX + "nm")
OBJDUMP = shutil.which(TOOL_PREFIX + "objdump")
if not GDB or not NM or not OBJDUMP:
    print("SKIP: needs gdb-multiarch and %snm/objdump" % TOOL_PREFIX)
    sys.exit(77)

failures = []
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")


def check(cond, what, output=""):
    if cond:
        if VERBOSE:
            print("ok   " + what)
        return True
    failures.append(what)
    print("FAIL " + what)
    if output:
        print("---- output ----\n" + output.rstrip() + "\n----------------")
    return False


def symbols(elf):
    syms = {}
    for line in subprocess.run([NM, elf], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms.setdefault(parts[2], int(parts[0], 16))
    return syms


def insns(elf):
    """objdump -d: {address: mnemonic}"""
    out = {}
    for line in subprocess.run([OBJDUMP, "-d", elf], capture_output=True, text=True, check=True).stdout.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\s+[0-9a-f]+\s+(\S+)", line)
        if m:
            out[int(m.group(1), 16)] = m.group(2)
    return out


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gdb_session(elf, vhart_args, commands, timeout=90):
    port = free_port()
    log = tempfile.TemporaryFile(mode="w+")
    proc = subprocess.Popen([VHART, "--icount", "--gdb", str(port), "--gdb-wait", *vhart_args],
                            stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    time.sleep(0.2)
    argv = [GDB, "-nx", "-batch", "-ex", "set architecture riscv:rv64", "-ex", "set tcp connect-timeout 20",
            "-ex", "target remote 127.0.0.1:%d" % port]
    for c in commands + ["kill"]:
        argv += ["-ex", c]
    argv.append(elf)
    r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    out = r.stdout + r.stderr
    if VERBOSE:
        print("$ gdb " + " ".join("-ex '%s'" % c for c in commands))
        print(out)
    return out


def values(out):
    """gdb's $N = ... lines, by N."""
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\$(\d+) = (.*)$", out, re.M)}


def hexval(text):
    m = re.search(r"0x([0-9a-f]+)", text)
    return int(m.group(1), 16) if m else None


# ---------------------------------------------------------------- gdb


def gdb_primes():
    name = "gdb primes"
    syms, code = symbols(PRIMES), insns(PRIMES)
    watched = syms["composite"] + 4
    out = gdb_session(PRIMES, [PRIMES], [
        "break main", "continue", "stepi 5", "p $pc", "reverse-stepi", "p $pc", "reverse-stepi", "p $pc",
        "stepi", "stepi", "p $pc",
        "reverse-continue", "p $pc", "reverse-continue", "p $pc",
        "continue", "watch *(char *)0x%x" % watched, "continue", "p $pc", "stepi 40",
        "reverse-continue", "p $pc", "p *(char *)0x%x" % watched])
    v = values(out)
    pcs = {k: hexval(s) for k, s in v.items()}
    ok = check(all(k in pcs for k in range(1, 9)), name + ": every print answered", out)
    if not ok:
        return
    # stepi 5, then back one and two: the addresses the forward steps passed (gdb counts them itself).
    check(pcs[2] < pcs[1] or code.get(pcs[2]) is not None, name + ": reverse-stepi lands on an instruction", out)
    check(pcs[4] == pcs[1], name + ": two stepi after two reverse-stepi: back at 0x%x" % pcs[1], out)
    # Back to the breakpoint at main (where the first continue stopped), then past the start.
    bp = re.search(r"Breakpoint 1 at 0x([0-9a-f]+)", out)
    check(bp and pcs[5] == int(bp.group(1), 16), name + ": reverse-continue stops at the breakpoint", out)
    check(out.count("Breakpoint 1, 0x") >= 2, name + ": reverse-continue reports Breakpoint 1", out)
    check("No more reverse-execution history." in out and pcs[6] == 0x1000,
          name + ": reverse-continue past the start: no more history, at the reset vector", out)
    # The watchpoint: forward it stops after the store; backwards gdb stops at the store, value as before it.
    check("Hardware watchpoint 2: *(char *)0x%x" % watched in out, name + ": watchpoint set", out)
    store = pcs[8]
    check(code.get(store) in ("sb", "c.sb"), name + ": reverse-continue to the watchpoint stops at the store "
          "(0x%x: %s)" % (store, code.get(store)), out)
    check(v.get(9) == "0 '\\000'", name + ": before the store the byte is 0 again (%s)" % v.get(9), out)
    check(re.search(r"Old value = 1 '\\001'\nNew value = 0 '\\000'", out) is not None,
          name + ": gdb reports the change backwards (1 -> 0)", out)


def gdb_teachos():
    name = "gdb teachos"
    out = gdb_session(TEACHOS, ["--bios", "none", "--kernel", TEACHOS], [
        "break m_vector", "continue", "p/x $mcause", "p/x $mepc", "reverse-stepi", "p/x $pc", "p $priv",
        "stepi", "p/x $pc", "break s_trap", "continue", "reverse-continue", "p/x $pc"])
    syms = symbols(TEACHOS)
    v = values(out)
    if not check(all(k in v for k in range(1, 7)), name + ": every print answered", out):
        return
    check(v[1] == "0x8000000000000007", name + ": m_vector entered by the machine timer interrupt (%s)" % v[1], out)
    check(hexval(v[3]) == hexval(v[2]), name + ": reverse-stepi from the handler lands on mepc (%s)" % v[2], out)
    check(v[4] in ("1", "0"), name + ": back in the interrupted S/U-mode code (priv %s)" % v[4], out)
    check(hexval(v[5]) == syms["m_vector"], name + ": stepi takes the interrupt again: m_vector", out)
    check(hexval(v[6]) == syms["m_vector"] and out.count("Breakpoint 1, m_vector") >= 2,
          name + ": reverse-continue from s_trap back to m_vector", out)


def gdb_teachos_finish():
    """reverse-finish lands on the call; reverse-nexti goes back one instruction."""
    name = "gdb teachos reverse-finish"
    syms, code = symbols(TEACHOS), insns(TEACHOS)
    out = gdb_session(TEACHOS, ["--bios", "none", "--kernel", TEACHOS], [
        "break kprintf", "continue", "continue", "delete", "reverse-finish", "p/x $pc", "x/i $pc",
        "stepi", "stepi", "p/x $pc", "reverse-nexti", "p/x $pc"])
    v = values(out)
    if not check(all(k in v for k in range(1, 4)), name + ": every print answered", out):
        return
    call = hexval(v[1])
    check(code.get(call) == "jal" and re.search(r"jal\s+0x%x <kprintf>" % syms["kprintf"], out) is not None,
          name + ": reverse-finish stops on the jal to kprintf (0x%x)" % call, out)
    check(hexval(v[2]) == syms["kprintf"] + 4 or hexval(v[2]) > syms["kprintf"],
          name + ": two stepi into kprintf", out)
    check(hexval(v[3]) < hexval(v[2]) and hexval(v[3]) >= syms["kprintf"],
          name + ": reverse-nexti goes back one instruction in kprintf", out)


# ---------------------------------------------------------------- REPL


def repl_primes():
    name = "repl primes"
    syms = symbols(PRIMES)
    child = pexpect.spawn(VHART, ["--icount", "--debug", PRIMES], encoding="utf-8", timeout=30,
                          env=dict(os.environ, HOME=tempfile.mkdtemp(), TERM="dumb"))
    transcript = []

    def cmd(line):
        child.sendline(line)
        child.expect_exact("(vhart) ")
        text = ANSI.sub("", child.before).replace("\r", "")
        transcript.append("(vhart) " + text)
        return text.split("\n", 1)[1] if "\n" in text else ""

    try:
        child.expect_exact("(vhart) ")
        cmd("step 1000")
        regs = cmd("regs")
        after10 = cmd("step 10")
        back = cmd("rstep 10")
        check(cmd("regs") == regs, name + ": rstep 10 after step 10: the same registers", "".join(transcript))
        last = [l for l in after10.splitlines() if l.strip()][-1]
        rs = cmd("rs")
        check(back.strip() and rs.strip(), name + ": rstep prints where it landed as step does",
              "".join(transcript))
        info = cmd("info record")
        check(re.fullmatch(r"history: instructions 0\.\.999 \(1 checkpoint, \d+ MiB of 256 MiB, one every 8388608 "
                           r"instructions\)\n", info) is not None, name + ": info record", info)
        cmd("step")
        check(cmd("rs") == rs, name + ": step then rs: the same place", "".join(transcript))
        cmd("break main")
        stop = cmd("continue")
        check("Breakpoint 1, hart 0 (M-mode) at 0x%x <main>" % syms["main"] in stop, name + ": continue to main", stop)
        cmd("step 50")
        rc = cmd("rcontinue")
        check(rc.startswith("Breakpoint 1, hart 0 (M-mode) at 0x%x <main>" % syms["main"]),
              name + ": rcontinue back to the breakpoint hit, printed as continue prints it", rc)
        start = cmd("rc")
        check(start.startswith("No more reverse-execution history.\n0x1000:"), name + ": rc to the start", start)
        nxt = cmd("rnext")
        check(nxt.startswith("No more reverse-execution history."), name + ": rnext at the start", nxt)
        child.sendline("quit")
        child.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        check(False, name + ": %s" % type(e).__name__, "".join(transcript) + str(child.before))
    del last

    # Without --icount: the REPL says how to get a history.
    child = pexpect.spawn(VHART, ["--debug", PRIMES], encoding="utf-8", timeout=30,
                          env=dict(os.environ, HOME=tempfile.mkdtemp(), TERM="dumb"))
    try:
        child.expect_exact("(vhart) ")
        child.sendline("rstep")
        child.expect_exact("(vhart) ")
        text = ANSI.sub("", child.before).replace("\r", "")
        check("reverse execution needs a deterministic machine: run with --icount" in text,
              "repl without --icount: rstep says what is missing", text)
        child.sendline("quit")
        child.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        check(False, "repl without --icount: %s" % type(e).__name__, str(child.before))


repl_primes()
gdb_primes()
gdb_teachos()
gdb_teachos_finish()
if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
print("all reverse execution checks passed")
