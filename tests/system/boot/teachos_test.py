#!/usr/bin/env python3
"""Boot test of examples/teachos: S-mode banner, page-fault demo, 3 ticks, a key echoed, 'q' powers off.

usage: teachos_test.py [--harts N] [options] [--] CMD ARG...
  e.g. teachos_test.py qemu-system-riscv64 -M virt -bios none -nographic -m 128M -kernel teachos.elf
       teachos_test.py build/vhart --bios none --kernel build/examples/teachos/teachos.elf
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402


def add_options(p):
    p.add_argument("--harts", type=int, default=1,
                   help="harts the machine has: expect a hello from each of harts 1..N-1")
    p.add_argument("--ticks", type=int, default=3, help="ticks to wait for before typing (default 3)")


def body(c, args):
    boot = args.timeout or 30
    step = args.step_timeout or 30
    c.panic_patterns = [r"PANIC[^\r\n]*[\r\n]"]

    c.expect(r"teachos: hart 0 in S-mode, Sv39 on", boot, "the S-mode banner")
    c.say("S-mode banner after %.2f s" % c.elapsed())
    c.expect(r"caught load page fault: scause 13, stval 0x40000000", step, "the load page fault demo")
    c.expect(r"caught store/AMO page fault: scause 15, stval 0x80000000", step,
             "the store page fault demo")
    c.expect(r"page fault demos done, both faults caught", step, "the end of the page fault demo")
    c.expect(r"teachos: interrupts on", step, "interrupts on")

    for n in range(1, args.ticks + 1):
        c.expect(r"\btick %d[\r\n]" % n, step, "tick %d" % n)
    c.say("%d ticks seen" % args.ticks)

    for hart in range(1, args.harts):
        c.seen_or_expect(r"teachos: hart %d says hello" % hart, step, "hart %d's hello" % hart)

    c.send("a")
    c.expect(r"you typed: a[\r\n]", step, "the echo of 'a'")
    c.say("key echoed through UART RX interrupt -> PLIC -> S-mode")

    c.send("q")
    c.expect(r"teachos: bye", step, "teachos: bye")
    c.expect_exit(args.exit_timeout, 0)


if __name__ == "__main__":
    args = bootconsole.parse_args("teachos_test", __doc__.splitlines()[0], add_options)
    sys.exit(bootconsole.run("teachos_test", args, body))
