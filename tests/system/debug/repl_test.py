#!/usr/bin/env python3
"""The debugger REPL driven through a pseudo-terminal (python3 + pexpect, Debian's python3-pexpect).

usage: repl_test.py [-v] [--tool-prefix riscv64-unknown-elf-] VHART ELF [ELF...]

Each ELF picks its scenario by its symbols:
  hello   (main, htif_puts: examples/hello)  run as `vhart --debug ELF` (M-mode, no interrupts, so
          every step is deterministic): break at main, exact register values, a watchpoint on the
          stack slot main saves ra in, step N and the empty line repeating it, next over a call,
          x against the ELF's bytes, bare-mode translate, tab completion, Ctrl-C at the prompt,
          bad input, then continue to the guest's exit.
  teachos (kmain, s_trap: examples/teachos) run as `vhart --debug --bios none --kernel ELF`: break in
          S-mode, until/next over kvm_init (paging on), translate of a mapped and an unmapped
          address in Sv39, pagetable, a watchpoint on fault_expected, the load page fault caught at
          s_trap with scause/stval, csr/devices/tlb/info break, quit and its exit status, history;
          then, without --debug, Ctrl-A c stopping the running guest (twice) and quit.
Also one scripted run of hello with stdin a pipe (no readline).
Addresses and instruction bytes come from the ELF itself (nm, objdump, program headers), not from
constants here. Exit status 0 when every check passes; the transcript is printed on failure (-v:
always)."""

import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

import pexpect

PROMPT = "(vhart) "
TIMEOUT = 30
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")


class Failure(Exception):
    pass


def check(cond, what, got=None):
    if not cond:
        raise Failure(what + ("" if got is None else "\n--- got:\n" + got))


# ---------------------------------------------------------------------------------------- ELF facts

class Elf:
    def __init__(self, path, prefix):
        self.path = path
        self.syms = {}
        out = subprocess.run([prefix + "nm", path], check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3:
                self.syms.setdefault(parts[2], int(parts[0], 16))
        # objdump -d: [(addr, func, mnemonic, operands)]
        self.insns = []
        out = subprocess.run([prefix + "objdump", "-d", "--no-show-raw-insn", path], check=True,
                             capture_output=True, text=True).stdout
        func = None
        for line in out.splitlines():
            m = re.match(r"^([0-9a-f]+) <([^>]+)>:$", line)
            if m:
                func = m.group(2)
                continue
            m = re.match(r"^\s+([0-9a-f]+):\s+(\S+)\s*(.*)$", line)
            if m and func:
                self.insns.append((int(m.group(1), 16), func, m.group(2), m.group(3)))
        with open(path, "rb") as f:
            self.image = f.read()

    def addr(self, name):
        check(name in self.syms, "symbol %s missing from %s" % (name, self.path))
        return self.syms[name]

    def func_insns(self, func):
        return [i for i in self.insns if i[1] == func]

    def call_in(self, func, target):
        """The address of the first jal in func whose target is <target>."""
        for a, f, mn, ops in self.insns:
            if f == func and mn in ("jal", "call") and ("<%s>" % target) in ops:
                return a
        raise Failure("no call to %s in %s" % (target, func))

    def bytes_at(self, vaddr, n):
        """n bytes of the loaded image at vaddr, from the ELF64 program headers."""
        phoff, = struct.unpack_from("<Q", self.image, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", self.image, 0x36)
        for i in range(phnum):
            p_type, _, off, va, _, filesz, _ = struct.unpack_from("<IIQQQQQ", self.image, phoff + i * phentsize)
            if p_type == 1 and va <= vaddr and vaddr + n <= va + filesz:
                return self.image[off + vaddr - va: off + vaddr - va + n]
        raise Failure("0x%x is not in a loaded segment of %s" % (vaddr, self.path))


def sym_text(elf, addr):
    """How the REPL prints an address: 0x80000522 <kmain+0x4>."""
    best = None
    for name, a in elf.syms.items():
        if a <= addr and (best is None or a > best[1]):
            best = (name, a)
    if best is None:
        return "0x%x" % addr
    off = addr - best[1]
    return "0x%x <%s%s>" % (addr, best[0], "" if off == 0 else "+0x%x" % off)


def addr_re(addr):
    """An address as printed, with whatever symbol the REPL finds for it (data labels are fuzzy)."""
    return r"0x%x(?: <[^>]+>)?" % addr


def hexdump_line(addr, data):
    """The REPL's x line for 16 bytes."""
    hexes = " ".join("%02x" % b for b in data[:8]) + "  " + " ".join("%02x" % b for b in data[8:16])
    text = "".join(chr(b) if 0x20 <= b < 0x7f else "." for b in data)
    return "0x%016x:  %s  |%s|" % (addr, hexes, text)


# ------------------------------------------------------------------------------------------ session

class Session:
    def __init__(self, vhart, args, home, log):
        env = dict(os.environ, HOME=home, TERM="dumb", INPUTRC=os.path.join(home, "inputrc"))
        with open(env["INPUTRC"], "w") as f:
            f.write("set enable-bracketed-paste off\nset bell-style none\n")
        self.log = log
        self.p = pexpect.spawn(vhart, args, env=env, encoding="utf-8", codec_errors="replace",
                               timeout=TIMEOUT, dimensions=(60, 250))
        self.p.logfile_read = log
        self.first = self.wait_prompt()

    def wait_prompt(self):
        self.p.expect_exact(PROMPT)
        return ANSI.sub("", self.p.before).replace("\r\n", "\n").replace("\r", "")

    def cmd(self, line):
        """Send a line; the output up to the next prompt, without the echoed line."""
        self.p.sendline(line)
        out = self.wait_prompt()
        first, _, rest = out.partition("\n")
        check(first.strip() == line.strip(), "the echo of %r" % line, out)
        return rest

    def complete(self, partial, expect):
        """Type partial, press Tab, wait until readline shows expect; then run the line."""
        self.p.send(partial)
        self.p.send("\t")
        self.p.expect_exact(expect)
        self.p.send("\r")
        out = self.wait_prompt()
        return out.partition("\n")[2]

    def quit(self, line="quit"):
        self.p.sendline(line)
        self.p.expect(pexpect.EOF)
        self.p.close()
        return self.p.exitstatus, self.p.signalstatus


def location_lines(out):
    """The REPL's location lines (address, encoding, disassembly); a guest's output without a final
    newline may precede one on its line."""
    found = []
    for line in out.splitlines():
        m = re.search(r"0x[0-9a-f]+(?: <[^>]+>)?:  [0-9a-f]{4,8}  .*$", line)
        if m:
            found.append(m.group(0))
    return found


def last_location(out):
    lines = location_lines(out)
    check(lines, "a location line", out)
    return lines[-1]


def expect_location(line, elf, addr, mnemonic=None):
    check(line.startswith(sym_text(elf, addr) + ":"), "a location line at %s" % sym_text(elf, addr), line)
    if mnemonic:
        check(line.split()[3 if "<" in line else 2] == mnemonic, "mnemonic %s at 0x%x" % (mnemonic, addr), line)


def mnemonic_at(elf, addr):
    for a, _, mn, _ in elf.insns:
        if a == addr:
            return mn
    raise Failure("no instruction at 0x%x in objdump's output" % addr)


# ------------------------------------------------------------------------------------------ scenarios

def scenario_hello(vhart, elf, home, log):
    main = elf.addr("main")
    s = Session(vhart, ["--debug", elf.path], home, log)
    check("Stopped, hart 0 (M-mode)" in s.first, "the first stop names hart 0 in M-mode", s.first)

    out = s.cmd("b main")
    check(out.strip() == "Breakpoint 1 at %s" % sym_text(elf, main), "break at main", out)
    out = s.cmd("c")
    check("Breakpoint 1, hart 0 (M-mode) at 0x%x <main>" % main in out, "the stop names main", out)
    expect_location(last_location(out), elf, main, mnemonic_at(elf, main))

    # Registers at main's entry: set by the boot ROM (a0 = hartid) and _start (sp, gp, ra).
    out = s.cmd("regs")
    ret = elf.call_in("_start", "main") + 4
    check(re.search(r"^pc   0x%016x <main>  priv M \(machine\)  hart 0$" % main, out, re.M), "pc = main", out)
    for name, value in (("zero", 0), ("a0", 0), ("sp", elf.addr("__stack_top")),
                        ("gp", elf.addr("__global_pointer$")), ("ra", ret)):
        check(re.search(r"(^|  )%-4s 0x%016x" % (re.escape(name), value), out, re.M),
              "%s = 0x%x in regs" % (name, value), out)
    check(len(out.strip().splitlines()) == 9, "regs: a pc line and 8 lines of 4", out)

    # A watchpoint on the stack slot main saves ra in ($sp - 8 at entry), hit by `sd ra,8(sp)`.
    slot = elf.addr("__stack_top") - 8
    out = s.cmd("watch $sp-8")
    m = re.match(r"^Watchpoint (\d+) \(write\) at %s, 8 bytes$" % addr_re(slot), out.strip())
    check(m, "watch $sp-8", out)
    wid = int(m.group(1))
    out = s.cmd("c")
    check(re.search(r"^Watchpoint %d \(write\), hart 0 \(M-mode\) wrote %s$" % (wid, addr_re(slot)), out, re.M),
          "the watchpoint stop", out)
    check(re.search(r"^  \[%s, 8 bytes\] = 0x%016x \(%d\)$" % (addr_re(slot), ret, ret), out, re.M),
          "the value stored: ra", out)
    call_puts = elf.call_in("main", "htif_puts")
    expect_location(last_location(out), elf, call_puts, "jal")
    out = s.cmd("info break")
    check(re.search(r"^%d\s+watch write\s+%s\s+8\s+1$" % (wid, addr_re(slot)), out, re.M),
          "info break: the watchpoint hit once", out)
    out = s.cmd("delete %d" % wid)
    check(out.strip() == "Deleted %d." % wid, "delete the watchpoint", out)

    # next over the call: the greeting appears, and we stop right after the jal.
    out = s.cmd("next")
    check("Hello from a RISC-V guest on vhart!" in out, "the guest's output during next", out)
    expect_location(last_location(out), elf, call_puts + 4)

    # step 3 from `mv a0,s0`: the jal to htif_put_u64 and into it; the empty line repeats.
    call_u64 = elf.call_in("main", "htif_put_u64")
    u64 = elf.func_insns("htif_put_u64")
    out = s.cmd("s 3")
    lines = location_lines(out)
    check(len(lines) == 3, "step 3 prints 3 locations", out)
    expect_location(lines[0], elf, call_u64, "jal")
    expect_location(lines[1], elf, u64[0][0], u64[0][2])
    expect_location(lines[2], elf, u64[1][0], u64[1][2])
    out = s.cmd("")
    lines = location_lines(out)
    check(len(lines) == 3, "an empty line repeats step 3", out)
    for line, insn in zip(lines, u64[2:5]):
        expect_location(line, elf, insn[0], insn[2])

    # Memory against the ELF's bytes, virtual and physical (bare mode: the same).
    start = elf.addr("_start")
    data = elf.bytes_at(start, 32)
    for cmdline in ("x _start 32", "mem 0x%x 32 phys" % start):
        out = s.cmd(cmdline)
        check(hexdump_line(start, data[:16]) in out and hexdump_line(start + 16, data[16:]) in out,
              "%s matches the ELF" % cmdline, out)
    out = s.cmd("translate _start+4")
    check("bare mode" in out and "PA = VA = 0x%x" % (start + 4) in out, "translate in M-mode: bare", out)
    out = s.cmd("disas main 3")
    lines = location_lines(out.replace("=> ", "").replace("   0x", "0x"))
    check(len(lines) == 3, "disas main 3", out)
    for line, insn in zip(lines, elf.func_insns("main")):
        expect_location(line, elf, insn[0], insn[2])

    # Tab completion: a command, a symbol, a register.
    out = s.complete("transl", "translate ")
    check("usage: translate" in out, "completed `translate` with no argument gives its usage", out)
    out = s.complete("p htif_put_u", "htif_put_u64")
    check(out.strip().startswith("0x%x <htif_put_u64> = " % elf.addr("htif_put_u64")), "completed symbol", out)
    out = s.complete("p $mstat", "$mstatus")
    check(re.match(r"^0x[0-9a-f]+ = \d+$", out.strip()), "completed register $mstatus", out)

    # Ctrl-C drops the line being typed; the REPL stays.
    s.p.send("regs this is dropped")
    s.p.expect("dropped")          # readline has the text before the interrupt arrives
    s.p.sendintr()
    s.wait_prompt()
    out = s.cmd("p 0x10+2")
    check(out.strip() == "0x12 = 18", "after Ctrl-C the REPL still works", out)

    # Bad input: one line each, back at the prompt.
    for line, message in (("frobnicate", 'unknown command "frobnicate"'), ("x nosuch", 'no symbol "nosuch"'),
                          ("s 0", "N must be a positive number"), ("b $nosuchreg", "no register $nosuchreg"),
                          ("watch", "usage: watch"), ("delete 99", "no breakpoint or watchpoint 99"),
                          ("hart 3", "no hart 3"), ("x 0x10", "cannot access memory"),
                          ("csr nosuchcsr", 'no CSR "nosuchcsr"'), ("tr", "ambiguous command"),
                          ("screenshot /tmp/none.png", "this machine has no display"),
                          ("p 0xfoo", "bad number"), ("info", "usage: info"),
                          # Counts and indices are whole numbers: no negative or wrapped ones.
                          ("s -1", "N must be a positive number"),
                          ("s 0xffffffffffffffff+1", "N must be a positive number"),
                          ("s 1-2", "N must be a positive number"),
                          ("hart -1", "no hart -1 (this machine has 1)"),
                          ("hart 0x10000000000000000", "bad number"),
                          ("x 0x80000000 -1", "LEN must be 1 to"),
                          ("disas 0x80000000 -3", "N must be 1 to 100000"),
                          ("delete -1", "no breakpoint or watchpoint -1")):
        out = s.cmd(line)
        check(message in out and len(out.strip().splitlines()) == 1, "one-line error for %r" % line, out)

    # Run to the end: the guest exits with status 0.
    s.cmd("delete")
    s.p.sendline("c")
    i = s.p.expect_exact([PROMPT, pexpect.EOF])
    if i == 0:
        check("The machine powered off, exit code 0." in s.p.before, "the exit is reported", s.p.before)
        out = s.cmd("s")
        check("has powered off" in out, "nothing runs after poweroff", out)
        status, sig = s.quit()
    else:
        s.p.close()
        status, sig = s.p.exitstatus, s.p.signalstatus
    check(status == 0 and sig is None, "vhart exits with status 0 (got %s, signal %s)" % (status, sig))


def scenario_teachos(vhart, elf, home, log):
    kmain = elf.addr("kmain")
    s = Session(vhart, ["--debug", "--bios", "none", "--kernel", elf.path], home, log)

    out = s.cmd("b kmain")
    check(out.strip() == "Breakpoint 1 at 0x%x <kmain>" % kmain, "break kmain", out)
    out = s.cmd("c")
    check("Breakpoint 1, hart 0 (S-mode) at 0x%x <kmain>" % kmain in out, "stop at kmain in S-mode", out)
    check("teachos: timer =" in out, "the guest's output before the stop", out)
    out = s.cmd("regs")
    check(re.search(r"^pc   0x%016x <kmain>  priv S \(supervisor\)" % kmain, out, re.M), "pc = kmain, S", out)
    check(re.search(r"(^|  )tp   0x0{16}", out, re.M), "tp = hart id 0", out)
    out = s.cmd("translate kmain")
    check("bare mode" in out and "in S-mode" in out and "PA = VA = 0x%x" % kmain in out,
          "before kvm_init: bare", out)

    # until the call to kvm_init, next over it: paging is on.
    call = elf.call_in("kmain", "kvm_init")
    out = s.cmd("until 0x%x" % call)
    expect_location(last_location(out), elf, call, "jal")
    out = s.cmd("n")
    check("teachos: page tables:" in out, "kvm_init ran", out)
    expect_location(last_location(out), elf, call + 4)
    out = s.cmd("csr satp")
    check("MODE=Sv39 ASID=0x0" in out, "satp is Sv39", out)

    # A mapped address: three levels, a 4 KiB R-X leaf with A and D (teachos presets them).
    out = s.cmd("translate kmain+2")
    check("Sv39 walk for a load by hart 0 in S-mode" in out, "translate header", out)
    for level in (2, 1):
        check(re.search(r"^  level %d: PTE at 0x[0-9a-f]+ = 0x[0-9a-f]{16}  V=1 -------  -> next table$" % level,
                        out, re.M), "level %d points to the next table" % level, out)
    check(re.search(r"^  level 0: PTE at 0x[0-9a-f]+ = 0x[0-9a-f]{16}  V=1 R-X--AD  leaf$", out, re.M),
          "level 0: an R-X leaf with A and D", out)
    check("=> PA 0x%x (4 KiB page)" % (kmain + 2) in out, "the physical address", out)
    # An unmapped one: the walk ends at level 2 with an invalid PTE.
    out = s.cmd("translate 0x40000000")
    check(re.search(r"^  level 2: PTE at 0x[0-9a-f]+ = 0x0{16}  V=0 -------  invalid \(V=0\)$", out, re.M),
          "level 2 invalid", out)
    check("=> load page fault (cause 13): V=0: nothing is mapped here" in out, "unmapped: a load page fault", out)
    # A mapped page the access may not use: rodata is R--, so a fetch faults.
    out = s.cmd("translate _text_end fetch")
    check("Sv39 walk for a fetch by hart 0 in S-mode" in out and re.search(r"level 0: .*  V=1 R----AD  leaf", out)
          and "=> instruction page fault (cause 12): not executable (X=0)" in out, "fetch from rodata", out)
    out = s.cmd("pagetable")
    ts, te = elf.addr("_text_start"), elf.addr("_text_end")
    check("0x%016x-0x%016x -> 0x%016x  R-X-  %d KiB" % (ts, te, ts, (te - ts) >> 10) in out,
          "pagetable: the text range R-X", out)
    check(re.search(r"^0x0000000010000000-0x0000000010001000 -> 0x0000000010000000  RW--  4 KiB$", out, re.M),
          "pagetable: the UART page RW", out)

    # Memory through Sv39 and physically: the ELF's bytes.
    data = elf.bytes_at(ts, 16)
    for cmdline in ("x _text_start 16", "x _text_start 16 phys"):
        out = s.cmd(cmdline)
        check(hexdump_line(ts, data) in out, "%s matches the ELF" % cmdline, out)

    # A watchpoint on a known variable: page_fault_demo sets fault_expected = 1.
    fe = elf.addr("fault_expected")
    out = s.cmd("watch w fault_expected 4")
    m = re.match(r"^Watchpoint (\d+) \(write\) at 0x%x <fault_expected>, 4 bytes$" % fe, out.strip())
    check(m, "watch fault_expected", out)
    wid = int(m.group(1))
    out = s.cmd("c")
    check("Watchpoint %d (write), hart 0 (S-mode) wrote 0x%x <fault_expected>" % (wid, fe) in out, "watch stop", out)
    check("[0x%x <fault_expected>, 4 bytes] = 0x00000001 (1)" % fe in out, "fault_expected = 1", out)
    s.cmd("delete %d" % wid)

    # A step that takes a trap says so and stops at the handler: the lui, then the ld that faults.
    out = s.cmd("s")
    loc = last_location(out)
    ld = int(loc.split()[0].rstrip(":"), 16)
    check(mnemonic_at(elf, ld) == "ld", "the step before the fault stops at the ld", loc)
    out = s.cmd("s")
    want = "trap: load page fault, sepc=%s, stval=0x40000000, -> %s" % (sym_text(elf, ld), sym_text(elf, elf.addr("s_vector")))
    check(out.splitlines()[0] == want, "the trap is reported: %s" % want, out)
    expect_location(last_location(out), elf, elf.addr("s_vector"))

    # Into the page fault: s_trap with scause 13 and stval 0x40000000.
    out = s.complete("b s_tr", "s_trap")
    m = re.match(r"^Breakpoint (\d+) at 0x%x <s_trap>$" % elf.addr("s_trap"), out.strip())
    check(m, "break s_trap (completed)", out)
    bid = int(m.group(1))
    out = s.cmd("c")
    check("Breakpoint %d, hart 0 (S-mode) at 0x%x <s_trap>" % (bid, elf.addr("s_trap")) in out, "stop in s_trap", out)
    out = s.cmd("csr scause")
    check("scause = 0x000000000000000d" in out and "exception 13: load page fault" in out, "scause", out)
    out = s.cmd("csr stval")
    check("stval = 0x0000000040000000" in out, "stval = the unmapped address", out)
    out = s.cmd("csr sepc")
    check(re.search(r"sepc = 0x[0-9a-f]{16}\n  0x[0-9a-f]+ <kmain\+0x[0-9a-f]+>", out), "sepc in kmain", out)
    out = s.cmd("csr mstatus")
    check(re.search(r"MPP=. SPP=S FS=\w+ SUM=0 MXR=0 MPRV=0 TVM=0 TW=0 TSR=0", out), "mstatus fields", out)
    out = s.cmd("csr stvec")
    check("BASE=0x%x <s_vector> MODE=direct" % elf.addr("s_vector") in out, "stvec", out)
    out = s.cmd("csr mie")
    check("MTIE=1" in out, "mie: the CLINT timer is on", out)
    out = s.cmd("info break")
    check(re.search(r"^1\s+breakpoint\s+0x%x <kmain>\s+1$" % kmain, out, re.M), "info break: 1", out)
    check(re.search(r"^%d\s+breakpoint\s+0x[0-9a-f]+ <s_trap>\s+1$" % bid, out, re.M), "info break: s_trap", out)
    out = s.cmd("csr all")
    check(re.search(r"^satp\s+0x8[0-9a-f]{15}  MODE=Sv39", out, re.M) and "mstatus" in out, "csr all", out)
    out = s.cmd("devices")
    check(re.search(r"^uart0\s", out, re.M) and re.search(r"^clint\s", out, re.M), "devices", out)
    out = s.cmd("tlb")
    check(re.search(r"^\d+ valid entr", out, re.M), "tlb", out)
    out = s.cmd("help")
    check("translate" in out and "pagetable" in out, "help lists the commands", out)
    out = s.cmd("help x")
    check(out.startswith("usage: x ADDR [LEN] [phys]"), "help x", out)

    status, sig = s.quit("q")
    check(status == 0 and sig is None, "quit: exit status 0 (got %s, signal %s)" % (status, sig))
    hist = os.path.join(home, ".vhart_history")
    check(os.path.exists(hist), "the history file %s was written" % hist)
    with open(hist) as f:
        text = f.read()
    check("b kmain" in text and "csr satp" in text, "the history holds the session", text)


def scenario_teachos_smp2(vhart, elf, home, log):
    """Two harts: a breakpoint stops whichever hart reaches it, and the stop names that hart. One host
    thread: the kmain check below needs hart 0 not to run past kmain while hart 1 boots, which a
    thread per hart does not promise (docs/threads.md); gdb_test.py covers the threaded stops."""
    s = Session(vhart, ["--debug", "--smp", "2", "--threads", "single", "--bios", "none", "--kernel", elf.path],
                home, log)
    m_start = elf.addr("m_start")
    out = s.cmd("b m_start")
    check(out.strip() == "Breakpoint 1 at %s" % sym_text(elf, m_start), "break m_start", out)
    out = s.cmd("c")
    check("Breakpoint 1, hart 0 (M-mode) at %s" % sym_text(elf, m_start) in out, "hart 0 stops at m_start", out)
    out = s.cmd("c")
    check("[switching to hart 1]" in out and "Breakpoint 1, hart 1 (M-mode) at %s" % sym_text(elf, m_start) in out,
          "hart 1 stops at m_start, and the stop names it", out)
    out = s.cmd("p $mhartid")
    check(out.strip() == "0x1 = 1", "the selected hart is hart 1", out)
    s.cmd("delete")
    # kmain runs in S-mode with paging on later: a virtual breakpoint in each hart's address space.
    out = s.cmd("b kmain")
    out = s.cmd("c")
    check(re.search(r"Breakpoint 2, hart \d \(S-mode\) at %s" % re.escape(sym_text(elf, elf.addr("kmain"))), out),
          "a hart stops at kmain", out)
    for line, message in (("hart -1", "no hart -1 (this machine has 2)"), ("hart 2", "no hart 2 (this machine has 2)"),
                          ("hart 1-2", "no hart 1-2 (this machine has 2)")):
        out = s.cmd(line)
        check(message in out and len(out.strip().splitlines()) == 1, "one-line error for %r" % line, out)
    status, sig = s.quit("q")
    check(status == 0 and sig is None, "quit: exit status 0 (got %s, signal %s)" % (status, sig))


def scenario_ctrl_a(vhart, elf, home, log):
    """No --debug: Ctrl-A c stops a running guest at any time; continue; Ctrl-A c again; quit."""
    env = dict(os.environ, HOME=home, TERM="dumb")
    p = pexpect.spawn(vhart, ["--bios", "none", "--kernel", elf.path], env=env, encoding="utf-8",
                      codec_errors="replace", timeout=TIMEOUT)
    p.logfile_read = log
    p.expect_exact("tick 1")
    for _ in range(2):
        p.send("\x01c")
        p.expect_exact(PROMPT)
        check(re.search(r"Stopped, hart 0 \(S-mode\) at 0x[0-9a-f]+ <", p.before), "Ctrl-A c stops in S-mode", p.before)
        p.sendline("c")
        p.expect(r"tick \d+")
    p.send("\x01c")
    p.expect_exact(PROMPT)
    p.sendline("quit")
    p.expect(pexpect.EOF)
    p.close()
    check(p.exitstatus == 0 and p.signalstatus is None, "quit after Ctrl-A c: exit status 0 (got %s)" % p.exitstatus)


def scenario_pipe(vhart, elf, log):
    """stdin a pipe: no readline, lines read as they come, prompts and echoes still printed."""
    script = "regs\nx _start 16\nnonsense\n\np 1+1\nquit\n"
    r = subprocess.run([vhart, "--debug", elf.path], input=script, capture_output=True, text=True, timeout=TIMEOUT,
                       env=dict(os.environ, HOME=tempfile.gettempdir()))
    log.write(r.stdout + r.stderr)
    check(r.returncode == 0, "pipe mode: exit status 0 (got %d)" % r.returncode, r.stdout + r.stderr)
    check("(vhart) regs\npc   0x0000000000001000" in r.stdout, "pipe mode: regs at the reset vector", r.stdout)
    check(hexdump_line(elf.addr("_start"), elf.bytes_at(elf.addr("_start"), 16)) in r.stdout, "pipe: x", r.stdout)
    check('unknown command "nonsense"' in r.stdout and "0x2 = 2" in r.stdout, "pipe: errors go on", r.stdout)


def scenario_screenshot(vhart, elf, log):
    """`screenshot FILE` with a framebuffer (--display none --display-size): a PNG of that size."""
    with tempfile.TemporaryDirectory() as tmp:
        shot = os.path.join(tmp, "shot.png")
        script = "screenshot %s\nquit\n" % shot
        r = subprocess.run([vhart, "--debug", "--display", "none", "--display-size", "40x30", elf.path], input=script,
                           capture_output=True, text=True, timeout=TIMEOUT, env=dict(os.environ, HOME=tmp))
        log.write(r.stdout + r.stderr)
        check(r.returncode == 0 and "Saved the framebuffer to %s." % shot in r.stdout, "screenshot: saved", r.stdout)
        with open(shot, "rb") as f:
            head = f.read(24)
        check(head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR" and head[16:24] == bytes([0, 0, 0, 40, 0, 0, 0, 30]),
              "screenshot: a 40x30 PNG", head)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="print the transcript")
    ap.add_argument("--tool-prefix", default="riscv64-unknown-elf-", help="binutils prefix for nm and objdump")
    ap.add_argument("vhart")
    ap.add_argument("elfs", nargs="+")
    args = ap.parse_args()
    if not shutil.which(args.tool_prefix + "nm"):
        print("repl_test: %snm not found" % args.tool_prefix, file=sys.stderr)
        return 2
    failed = 0
    for path in args.elfs:
        elf = Elf(path, args.tool_prefix)
        if "kmain" in elf.syms and "s_trap" in elf.syms:
            runs = [("teachos", lambda log, home: scenario_teachos(args.vhart, elf, home, log)),
                    ("teachos-smp2", lambda log, home: scenario_teachos_smp2(args.vhart, elf, home, log)),
                    ("teachos-ctrl-a", lambda log, home: scenario_ctrl_a(args.vhart, elf, home, log))]
        elif "main" in elf.syms and "htif_puts" in elf.syms:
            runs = [("hello", lambda log, home: scenario_hello(args.vhart, elf, home, log)),
                    ("hello-pipe", lambda log, home: scenario_pipe(args.vhart, elf, log)),
                    ("hello-screenshot", lambda log, home: scenario_screenshot(args.vhart, elf, log))]
        else:
            print("repl_test: %s is neither examples/hello nor teachos" % path, file=sys.stderr)
            return 2
        for name, run in runs:
            with tempfile.TemporaryDirectory(prefix="vhart-repl-") as home, \
                    open(os.path.join(home, "transcript"), "w+") as log:
                try:
                    run(log, home)
                    print("PASS %s (%s)" % (name, path))
                    ok = True
                except (Failure, pexpect.ExceptionPexpect, subprocess.SubprocessError, IndexError, ValueError) as e:
                    print("FAIL %s (%s): %s" % (name, path, e))
                    ok = False
                    failed += 1
                if args.verbose or not ok:
                    log.flush()
                    log.seek(0)
                    print("---- transcript (%s) ----" % name)
                    print(log.read().replace("\r\n", "\n"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
