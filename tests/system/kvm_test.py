#!/usr/bin/env python3
"""System test: KVM inside the Debian 13 guest on vhart boots a nested Linux to a shell.

usage: kvm_test.py [options] [--] VHART [ARG...]
  e.g. kvm_test.py --harts 1 -- build/vhart

The outer guest is roms/debian.sh's image (it has qemu-system-riscv); the nested guest is roms/build.sh's
Linux Image and busybox initramfs (default: the paths `roms/build.sh --print-paths` prints), handed to the
outer guest over virtio-9p (--share). The command line:
  VHART ARG... --smp N --mem 1G --kernel K --initrd I --append '...' --drive IMAGE --snapshot
               --share TMPDIR,tag=host

Checks, in order (each failure ends the test with status 1 and one line naming it), each phase timed:
 1. Debian's login; root logs in.
 2. `modprobe kvm`: dmesg has "kvm [N]: hypervisor extension available" and /dev/kvm is a character
    device 10:232.
 3. `qemu-system-riscv64 -M virt -accel kvm -cpu host -m 256M -smp 1 -nographic -kernel Image -initrd
    initramfs` (Debian's QEMU under the guest's KVM: no OpenSBI, KVM answers the nested kernel's SBI
    calls) prints the nested initramfs banner with the Image's own version and "1 hart(s)", and a shell.
 4. In the nested shell: `uname -r` is the Image's version, `echo $((6*7))` prints 42, /proc/cpuinfo's isa
    line names rv64imafdc and no h (KVM does not offer H to its guest); `poweroff` ends QEMU with
    status 0 and we are back at Debian's shell.
 5. `poweroff` ends vhart with status 0.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "boot"))
sys.path.insert(0, HERE)
import bootconsole  # noqa: E402
import debian_test  # noqa: E402

NAME = "kvm_test"
TestFailure = bootconsole.TestFailure
ROMS = os.path.join(HERE, "..", "..", "roms")
NESTED_PROMPT = "<nested># "
QEMU = ("qemu-system-riscv64 -M virt -accel kvm -cpu host -m 256M -smp 1 -nographic "
        "-kernel /mnt/Image -initrd /mnt/initramfs -append console=ttyS0")


def add_options(p):
    p.add_argument("--harts", type=int, default=1, help="--smp for the Debian guest (default 1)")
    p.add_argument("--mem", default="1G", help="the Debian guest's RAM (default 1G)")
    p.add_argument("--image", help="the Debian ext4 image (default: from roms/debian.sh --print-paths)")
    p.add_argument("--kernel", help="Debian's kernel")
    p.add_argument("--initrd", help="Debian's initramfs")
    p.add_argument("--nested-kernel", help="the nested guest's Image (default: roms/build.sh's KERNEL)")
    p.add_argument("--nested-initrd", help="the nested guest's initramfs (default: roms/build.sh's INITRD)")


def nested_paths(args):
    if not (args.nested_kernel and args.nested_initrd):
        r = subprocess.run([os.path.join(ROMS, "build.sh"), "--print-paths"], capture_output=True, text=True)
        paths = dict(l.split("=", 1) for l in r.stdout.splitlines() if "=" in l)
        if r.returncode != 0 or "KERNEL" not in paths:
            raise TestFailure("the Linux guest is not built: run roms/build.sh")
        args.nested_kernel = args.nested_kernel or paths["KERNEL"].strip("'\"")
        args.nested_initrd = args.nested_initrd or paths["INITRD"].strip("'\"")
    with open(args.nested_kernel, "rb") as f:
        m = re.search(rb"Linux version (\S+) ", f.read())
    if not m:
        raise TestFailure("%s holds no 'Linux version' string" % args.nested_kernel)
    return m.group(1).decode()


def vhart_command(args, share):
    return list(args.command) + [
        "--smp", str(args.harts), "--mem", args.mem, "--kernel", args.kernel, "--initrd", args.initrd,
        "--append", debian_test.APPEND, "--drive", args.image, "--snapshot", "--share", share + ",tag=host"]


def body(args, transcripts, phases, make_command=vhart_command, label="vhart"):
    """The whole test; phases gets (name, seconds) per phase. make_command(args, share) is the emulator's
    command line (bench/kvm_vs_qemu.py passes QEMU's)."""
    debian_test.debian_paths(args)
    nested_release = nested_paths(args)
    share = tempfile.mkdtemp(prefix="vhart-kvm-share-")
    try:
        shutil.copy(args.nested_kernel, os.path.join(share, "Image"))
        shutil.copy(args.nested_initrd, os.path.join(share, "initramfs"))
        command = make_command(args, share)
        g = bootconsole.Guest(NAME, "%s smp%d" % (label, args.harts), command, args, transcripts)
        c = g.console
        t = [c.elapsed()]

        def phase(name):
            now = c.elapsed()
            phases.append((name, now - t[0]))
            g.say("phase %-28s %7.2f s" % (name, now - t[0]))
            t[0] = now

        # 1. Login.
        c.expect(re.escape(debian_test.HOSTNAME) + r" login: ", args.timeout, "the login prompt")
        c.send("root\r")
        c.expect(r"Password: ", args.step_timeout, "the password prompt")
        c.send(debian_test.PASSWORD + "\r")
        c.expect(r"root@" + re.escape(debian_test.HOSTNAME) + r":~# ", args.step_timeout, "bash's prompt")
        c.send(bootconsole.SET_PROMPT + "\r")
        c.expect(re.escape(bootconsole.PROMPT), args.step_timeout, "our own prompt after setting PS1")
        g.sh("dmesg -n 1")
        phase("Debian boot and login")

        # 2. KVM.
        g.sh("modprobe kvm")
        _, out = g.sh("dmesg | grep -o 'kvm \\[[0-9]*\\]: hypervisor extension available'", want_rc=None)
        if len(out) != 1 or not re.fullmatch(r"kvm \[\d+\]: hypervisor extension available", out[0]):
            _, dm = g.sh("dmesg | grep -i kvm", want_rc=None)
            raise TestFailure("KVM did not find the H extension; dmesg:\n  %s" % "\n  ".join(dm))
        _, out = g.sh("stat -c '%F %t:%T' /dev/kvm")
        if out != ["character special file a:e8"]:
            raise TestFailure("/dev/kvm: `stat` printed %r, want a character device 10:232" % out)
        _, out = g.sh("dmesg | grep -o 'kvm \\[[0-9]*\\]: .*'", want_rc=None)
        g.say("KVM: " + "; ".join(re.sub(r"^kvm \[\d+\]: ", "", l) for l in out))
        g.sh("mount -t 9p -o trans=virtio,version=9p2000.L host /mnt")
        phase("modprobe kvm, mount")

        # 3. The nested boot, on the same console.
        c.send(QEMU + "; echo '@@'QEMU=$?\r")
        m = c.expect(r"=== vhart initramfs: Linux (\S+) riscv64, (\d+) hart\(s\)", args.timeout,
                     "the nested initramfs banner")
        if m.group(1) != nested_release or m.group(2) != "1":
            raise TestFailure("nested banner says Linux %s, %s hart(s); want %s, 1"
                              % (m.group(1), m.group(2), nested_release))
        c.expect(re.compile(r"[#$] $", re.M), args.step_timeout, "the nested shell prompt")
        phase("nested boot to shell")
        # From here g.sh talks to the nested shell (same marker protocol, its own prompt).
        c.send("PS1='<vh>''# '\r")
        c.expect(re.escape(bootconsole.PROMPT), args.step_timeout, "the nested prompt after setting PS1")
        _, out = g.sh("uname -r")
        if out != [nested_release]:
            raise TestFailure("nested `uname -r` printed %r, want %r" % (out, [nested_release]))
        _, out = g.sh("echo $((6*7))")
        if out != ["42"]:
            raise TestFailure("nested `echo $((6*7))` printed %r, want ['42']" % out)
        _, out = g.sh("grep -m1 '^isa' /proc/cpuinfo")
        m = re.fullmatch(r"isa\s*:\s*(rv64[a-z]*)(_\S*)?", out[0]) if len(out) == 1 else None
        if not m or not m.group(1).startswith("rv64imafdc") or "h" in m.group(1):
            raise TestFailure("nested isa line %r: want rv64imafdc... without h" % out)
        g.say("nested guest: %s" % out[0])
        phase("nested commands")
        c.send("poweroff\r")
        c.expect(r"@@QEMU=(\d+)\r*\n", args.step_timeout, "QEMU's exit after the nested poweroff")
        if c.child.match.group(1) != "0":
            raise TestFailure("qemu-system-riscv64 exited %s, want 0" % c.child.match.group(1))
        c.expect(re.escape(bootconsole.PROMPT), args.step_timeout, "Debian's prompt after QEMU")
        phase("nested poweroff")

        # 5. Power off.
        c.send("poweroff\r")
        c.expect_exit(args.exit_timeout, 0)
        phase("Debian poweroff")
        g.say("PASS (smp%d): %s" % (args.harts, ", ".join("%s %.1f s" % p for p in phases)))
    finally:
        shutil.rmtree(share, ignore_errors=True)


def main():
    args = bootconsole.parse_args(NAME, "KVM in Debian on vhart: a nested Linux under qemu-system-riscv64 -accel kvm",
                                  add_options)
    args.timeout = args.timeout or 1200
    args.step_timeout = args.step_timeout or 180
    args.exit_timeout = max(args.exit_timeout, 300)
    return debian_test.run_reporting(NAME, args, lambda transcripts: body(args, transcripts, []))

if __name__ == "__main__":
    sys.exit(main())
