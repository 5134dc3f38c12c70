#!/usr/bin/env python3
"""Boot test of Linux + a busybox initramfs: shell prompt, uname, cpuinfo, interrupts, date, poweroff.

usage: linux_test.py [--harts N] [options] [--] CMD ARG...
  e.g. eval "$(roms/build.sh --print-paths)"
       linux_test.py qemu-system-riscv64 -M virt -nographic -m 256M \
           -bios /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin \
           -kernel "$KERNEL" -initrd "$INITRD" -append console=ttyS0
       linux_test.py --harts 2 build/vhart --smp 2 --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0

Steps: wait for the initramfs banner and the shell's prompt (the time to it is reported), set a
prompt of our own, then check `uname -a` says riscv64, /proc/cpuinfo has the expected number of
"processor" lines, /proc/interrupts shows non-zero counts for the timer and for the UART (ttyS0),
`date +%Y-%m-%d` gives the host's (UTC) date, and `poweroff` ends the emulator with status 0.
"""

import datetime
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402

# The prompt we give the shell. It is set as PS1='<vh>''# ', whose echo never contains "<vh># ",
# so that the echo of a command is never mistaken for the prompt.
PROMPT = "<vh># "
SET_PROMPT = "PS1='<vh>''# '"


def add_options(p):
    p.add_argument("--harts", type=int, default=None,
                   help="expect exactly N 'processor' lines in /proc/cpuinfo (default: at least 1)")
    p.add_argument("--banner", default=r"=== vhart initramfs[^\r\n]*[\r\n]",
                   help="regex the initramfs prints before its shell; '' to skip (default: roms/init's)")
    p.add_argument("--prompt", default=r"[#$] $",
                   help="regex for the shell's own first prompt (default: '[#$] ' at the end of output)")
    p.add_argument("--poweroff", default="poweroff", metavar="CMD",
                   help="the command that ends the machine (default: poweroff)")


KERNEL_MESSAGE = re.compile(r"\[ *\d+\.\d{6}\] [^\n]*\n")


def shell(c, command, timeout):
    """Run one shell command and return its output (the lines between its echo and the prompt)."""
    c.send(command + "\r")
    c.expect(re.escape(PROMPT), timeout, "the prompt after `%s`" % command)
    text = c.child.before.replace("\r", "")
    # Kernel messages share the console (console=ttyS0) and may land anywhere, even inside the echo
    # of the command ("cat /proc/inte[    3.75] hrtimer: interrupt took ... ns\nrrupts"): cut them
    # out with their newline, which joins the two halves of what they split.
    text = KERNEL_MESSAGE.sub("", text)
    lines = text.split("\n")
    # The first line is the echo of what we typed (possibly redrawn by line editing): drop it.
    if lines and command.split()[0] in lines[0]:
        lines = lines[1:]
    return [l for l in lines if l.strip()]


def check_interrupts(lines):
    """Find the timer's and the UART's lines in /proc/interrupts; both need a count above zero."""
    if not lines:
        raise bootconsole.TestFailure("/proc/interrupts is empty")
    header = next((i for i, l in enumerate(lines) if re.search(r"\bCPU\d+\b", l)), None)
    if header is None:
        raise bootconsole.TestFailure("/proc/interrupts has no CPU header line: %r" % lines)
    ncpu = len(re.findall(r"\bCPU\d+\b", lines[header]))
    found = {}
    for line in lines[header + 1:]:
        fields = line.split()
        if len(fields) < ncpu + 1 or not fields[0].endswith(":"):
            continue
        try:
            count = sum(int(f) for f in fields[1:1 + ncpu])
        except ValueError:
            continue
        name = " ".join(fields[1 + ncpu:])
        if re.search(r"timer", name, re.I):
            found.setdefault("timer", []).append((count, line.strip()))
        if re.search(r"ttyS0|serial|uart|16550", name, re.I):
            found.setdefault("uart", []).append((count, line.strip()))
    for what in ("timer", "uart"):
        if what not in found:
            raise bootconsole.TestFailure("/proc/interrupts has no %s line:\n  %s"
                                          % (what, "\n  ".join(lines)))
        if max(count for count, _ in found[what]) == 0:
            raise bootconsole.TestFailure("/proc/interrupts: the %s has taken no interrupt: %s"
                                          % (what, found[what][0][1]))
    return found["timer"][0][1], found["uart"][0][1]


def body(c, args):
    boot = args.timeout or 120
    step = args.step_timeout or 60
    c.panic_patterns = [
        r"Kernel panic - not syncing[^\r\n]*[\r\n]",
        r"Oops \[#\d+\][^\r\n]*[\r\n]",
        r"Unable to handle kernel[^\r\n]*[\r\n]",
        r"sbi_trap_error[^\r\n]*[\r\n]",
    ]

    if args.banner:
        m = c.expect(args.banner, boot, "the initramfs banner")
        c.say("initramfs banner after %.2f s: %s" % (c.elapsed(), m.group(0).strip()))
    c.expect(re.compile(args.prompt, re.M), boot, "the shell prompt")
    to_prompt = c.elapsed()
    c.say("shell prompt after %.2f s" % to_prompt)

    c.send(SET_PROMPT + "\r")
    c.expect(re.escape(PROMPT), step, "our own prompt after setting PS1")

    out = shell(c, "uname -a", step)
    if not any("riscv64" in l for l in out):
        raise bootconsole.TestFailure("`uname -a` does not say riscv64: %r" % out)
    c.say("uname ok: %s" % next(l for l in out if "riscv64" in l).strip())

    out = shell(c, "cat /proc/cpuinfo", step)
    harts = sum(1 for l in out if re.match(r"processor\s*:\s*\d+", l))
    if args.harts is not None and harts != args.harts:
        raise bootconsole.TestFailure("/proc/cpuinfo lists %d processors, want %d" % (harts, args.harts))
    if harts < 1:
        raise bootconsole.TestFailure("/proc/cpuinfo lists no processor: %r" % out)
    c.say("cpuinfo ok: %d processor line(s)" % harts)

    out = shell(c, "cat /proc/interrupts", step)
    timer, uart = check_interrupts(out)
    c.say("interrupts ok:\n    %s\n    %s" % (timer, uart))

    before = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    out = shell(c, "date +%Y-%m-%d", step)
    after = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    dates = [l.strip() for l in out if re.fullmatch(r"\d{4}-\d{2}-\d{2}", l.strip())]
    if not dates or dates[0] not in (before, after):
        raise bootconsole.TestFailure("guest date %r, host's UTC date %s (no RTC, or a wrong one?)"
                                      % (dates[0] if dates else out, after))
    c.say("date ok: %s" % dates[0])

    c.send(args.poweroff + "\r")
    try:
        c.expect_exit(args.exit_timeout, 0)
    except bootconsole.TestFailure as e:
        raise bootconsole.TestFailure("%s (after `%s`)" % (e, args.poweroff))
    c.say("time from start to the shell prompt: %.2f s" % to_prompt)


if __name__ == "__main__":
    args = bootconsole.parse_args("linux_test", __doc__.splitlines()[0], add_options)
    sys.exit(bootconsole.run("linux_test", args, body))
