#!/usr/bin/env python3
"""Seeing the H extension: the REPL, --trace and --log on a guest that runs in VS-mode.

usage: hext_test.py [-v] [--tool-prefix riscv64-unknown-elf-] VHART RV64H_GSTAGE_ELF [RV64H_VMID_ELF]

The guest is tests/isa/rv64h_gstage.S: its vs_load_insn is a load run in VS-mode, first (case 2)
on a guest physical address the G stage leaves unmapped, later (case 12) through an Sv39 VS stage
on a U page without SUM. The REPL (--debug-cmd) stops there and must show VS-mode, walk both
stages with the faulting stage and reason, decode hgatp/hstatus/htval, and mark the guest's TLB
entries; --trace must mark V=1 instructions "1V"; --log exc,mmu must say VS->M and which stage
faulted. With tests/isa/rv64h_vmid.S too, `tlb` stopped after both of its VMs (VMIDs 1 and 2) loaded
the same guest physical page must list each VM's entry for it, with its own VMID and host page.
Addresses come from the ELF (nm). Exit status 0 when every check passes."""

import os
import re
import subprocess
import sys
import tempfile

VERBOSE = "-v" in sys.argv
args = [a for a in sys.argv[1:] if a != "-v"]
TOOL_PREFIX = "riscv64-unknown-elf-"
if len(args) >= 2 and args[0] == "--tool-prefix":
    TOOL_PREFIX, args = args[1], args[2:]
if len(args) not in (2, 3):
    sys.exit(__doc__)
VHART, ELF = os.path.abspath(args[0]), os.path.abspath(args[1])
VMID_ELF = os.path.abspath(args[2]) if len(args) == 3 else None
failures = []


def check(cond, what, output=""):
    if cond:
        if VERBOSE:
            print("ok   " + what)
        return
    failures.append(what)
    print("FAIL " + what)
    if output:
        print("--- output:\n" + output)


def symbols(elf):
    table = {}
    for line in subprocess.run([TOOL_PREFIX + "nm", elf], check=True, capture_output=True, text=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3:
            table[parts[2]] = int(parts[0], 16)
    return table


syms = symbols(ELF)
load = syms["vs_load_insn"]
g_root = syms["g_root"]

with tempfile.TemporaryDirectory() as tmp:
    cmds = os.path.join(tmp, "cmds")
    with open(cmds, "w") as f:
        # case 2 stops first; cases 4, 6, 7, 8, 9, 10 load there too, so the 7th continue is case 12
        f.write("break vs_load_insn\ncontinue\nhart\nregs\ntranslate $a1\ncsr hgatp\ncsr hstatus\ntlb\n")
        f.write("continue\n" * 7)
        f.write("translate $a1\nset priv 1\nhart\nset priv 5\nhart\nquit\n")
    r = subprocess.run([VHART, "--debug-cmd", cmds, ELF], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                       timeout=60)
    out = r.stdout + r.stderr
    check(f"Breakpoint 1, hart 0 (VS-mode) at 0x{load:x} <vs_load_insn>" in out, "the stop names VS-mode", out)
    check(f"hart 0 of 1, VS-mode, pc 0x{load:x} <vs_load_insn>" in out, "hart shows VS-mode", out)
    check(re.search(r"priv VS \(virtual supervisor\)", out) is not None, "regs shows priv VS", out)
    check("0x40000008: guest load by hart 0 in VS-mode: VS stage Bare (vsatp), G stage Sv39x4 (hgatp)" in out,
          "translate names both stages", out)
    check(f"    G  level 2 for GPA 0x40000008: PTE at 0x{g_root + 8:x} = 0x0000000000000000  -------  invalid (V=0)"
          in out, "translate shows the G-stage root PTE it read (root + index 1 * 8)", out)
    check("  => load guest-page fault (cause 21): the G stage faulted: PTE not valid (V=0)" in out,
          "translate says the G stage faulted and why", out)
    check(f"  MODE=Sv39x4 VMID=0x0 PPN=0x{g_root >> 12:x} (16 KiB root table at 0x{g_root:x})" in out,
          "csr hgatp decoded", out)
    check("  VSXL=2 VTSR=0 VTW=0 VTVM=0 HU=0 SPVP=VU SPV=0 GVA=0" in out, "csr hstatus decoded", out)
    check(re.search(r"  x  set 4  0x[0-9a-f]+ -> 0x[0-9a-f]+  guest \(V=1\) VMID 0x0", out) is not None,
          "tlb marks the guest's fetch entry with its VMID", out)
    check("0xc0000000: guest load by hart 0 in VS-mode: VS stage Sv39 (vsatp), G stage Sv39x4 (hgatp)" in out,
          "case 12: a two-stage walk", out)
    check(re.search(r"\n    G  level 2 for GPA 0x[0-9a-f]+: PTE at 0x[0-9a-f]+ = 0x00000000200000df  RWXU-AD  leaf\n"
                    r"  VS level 2: PTE at GPA 0x[0-9a-f]+ = 0x0000000020000053  R--U-A-  leaf\n"
                    r"    G  level 2 for GPA 0xc0000000: PTE at 0x[0-9a-f]+ = 0x", out) is None,
          "no G walk of the final address after a VS-stage fault", out)
    check("  => load page fault (cause 13): the VS stage faulted: S-mode access to a user page with SUM=0" in out,
          "case 12: the VS stage faulted, and why", out)
    check(f"hart 0 of 1, S-mode, pc 0x{load:x}" in out and f"hart 0 of 1, VS-mode, pc 0x{load:x}" in out,
          "set priv switches between HS (1) and VS (5)", out)

    trace = os.path.join(tmp, "trace")
    subprocess.run([VHART, "--trace", trace, ELF], check=True, capture_output=True, timeout=60)
    with open(trace) as f:
        lines = f.read().splitlines()
    v_lines = [l for l in lines if re.match(r"core +0: 1V 0x", l)]
    check(any(f"0x{load:016x} (0x6188) x10 0x1122334455667788" in l for l in v_lines),
          "--trace marks the VS-mode load 1V", "\n".join(v_lines[:20]))
    check(any(re.match(r"core +0: 3 0x", l) for l in lines), "--trace keeps M-mode lines unmarked")

    r = subprocess.run([VHART, "--log", "exc,mmu", ELF], capture_output=True, text=True, timeout=60)
    log = r.stderr
    check(f"hart0 exc VS->M cause 21 load guest-page fault epc=0x{load:x} tval=0x40000008" in log,
          "--log exc: VS->M and the guest-page fault", log)
    check("hart0 mmu load gva=0x40000008 VS-mode: G stage: PTE not valid (V=0)" in log,
          "--log mmu: which stage faulted", log)
    check("hart0 mmu store gva=0xc0000120 VS-mode: G stage: G-stage page not writable (W=0)" in log,
          "--log mmu: a G-stage permission fault", log)

if VMID_ELF:
    vs = symbols(VMID_ELF)
    with tempfile.TemporaryDirectory() as tmp:
        cmds = os.path.join(tmp, "cmds")
        with open(cmds, "w") as f:
            # hs_gvma_vmid first runs in case 4, after VM A and VM B each loaded GPA 0x40000000
            f.write("break hs_gvma_vmid\ncontinue\ntlb\nquit\n")
        r = subprocess.run([VHART, "--debug-cmd", cmds, VMID_ELF], stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=60)
        out = r.stdout + r.stderr
        for vm, vmid in (("a", 1), ("b", 2)):
            check(re.search(rf"  r  set \d+  0x0000000040000000 -> 0x{vs['page_' + vm]:016x}  guest \(V=1\) VMID 0x{vmid}\n",
                            out) is not None, f"tlb lists VM {vm.upper()}'s entry for GPA 0x40000000 with VMID {vmid}", out)

if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
