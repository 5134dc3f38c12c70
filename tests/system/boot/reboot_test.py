#!/usr/bin/env python3
"""Reboot test of vhart's machine reset: Linux with disk, network and input active reboots twice.

usage: reboot_test.py [options] [--] VHART ARG...   (the command boots Linux + the busybox initramfs)
  e.g. eval "$(roms/build.sh --print-paths)"
       reboot_test.py build/vhart --mem 256M --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0

One vhart run with `--drive IMG` (ext2, made with `mke2fs -q -t ext2 -d SRC IMG 8M` from a directory
holding hello.txt, one line with a per-run token), `--net user,hostfwd=tcp:127.0.0.1:F-:8080` (F a
free port; nothing listens on 8080 in the guest, so each connection is a SYN in and a RST out) and
`--append "console=ttyS0 panic=1"`. The keyboard and mouse are always there. In each boot the guest
mounts the disk and reads hello.txt, takes a DHCP lease (udhcpc), keeps both input devices open
(`cat /dev/input/eventN > /dev/null &`) and pings the host (10.0.2.2) in the background, while the
host connects to F ten times a second from the first reboot on, so that frames keep arriving while
the machine resets and the next kernel boots.

1. Boot 1 reboots the clean way: `reboot` (busybox -> init's trap -> `reboot -f` -> SBI system
   reset -> OpenSBI -> syscon 0x7777). Linux resets its virtio devices on the way down.
2. Boot 2 reboots the way a crashed kernel does: with /proc/sys/vm/panic_on_oom set, the shell
   fills a tmpfs as large as RAM until memory runs out, the kernel panics ("Out of memory") and
   panic=1 restarts the machine a second later without shutting any device down: the virtio
   queues are live when vhart resets. Without the reset of every virtio device, the frames that
   arrive then are written into the old receive buffers, in memory that now holds the new kernel.
3. Boot 3 must reach the prompt, read hello.txt from the disk (the exact line) and find no error in
   dmesg (no virtio or EXT2 error, no panic); `poweroff` ends vhart with status 0.

Each boot must print the initramfs banner (three in all). Exit status 0 on success, 1 on failure
(one line on stderr naming the check), 77 when mke2fs is missing (1 instead if
$VHART_REQUIRE_GUESTS is set).
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402

NAME = "reboot_test"
TestFailure = bootconsole.TestFailure


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Knocker(threading.Thread):
    """Connects to the host-forwarded port ten times a second: each attempt is frames for the guest."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.stopping = threading.Event()
        self.attempts = 0

    def run(self):
        while not self.stopping.is_set():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                    s.sendall(b"x" * 64)
            except OSError:
                pass
            self.attempts += 1
            self.stopping.wait(0.1)

    def stop(self):
        self.stopping.set()
        if self.is_alive():
            self.join(5)


def make_disk(tmp, token):
    src = os.path.join(tmp, "src")
    os.mkdir(src)
    with open(os.path.join(src, "hello.txt"), "w") as f:
        f.write("hello from the disk %s\n" % token)
    img = os.path.join(tmp, "disk.img")
    subprocess.run(["mke2fs", "-q", "-t", "ext2", "-d", src, img, "8M"], check=True,
                   stdin=subprocess.DEVNULL, capture_output=True)
    return img


def activate(g, boot, want_line):
    """Disk mounted and read, network up and busy, input devices open."""
    g.sh("mkdir -p /mnt && mount -t ext2 /dev/vda /mnt")
    _, out = g.sh("cat /mnt/hello.txt")
    if out != [want_line]:
        raise TestFailure("[boot %d] /mnt/hello.txt is %r, want %r" % (boot, out, [want_line]))
    g.say("boot %d: the disk reads %r" % (boot, want_line))
    g.sh("printf '%s\\n' '#!/bin/sh' '[ \"$1\" = bound ] && ifconfig \"$interface\" \"$ip\" netmask \"$subnet\" up;"
         " exit 0' > /tmp/udhcpc.sh && chmod +x /tmp/udhcpc.sh")
    _, out = g.sh("ifconfig eth0 up; udhcpc -i eth0 -q -n -t 5 -T 3 -s /tmp/udhcpc.sh", timeout=120)
    g.sh("ping -i 0.2 10.0.2.2 > /dev/null 2>&1 & true")
    _, out = g.sh("ls /dev/input/ | grep -c '^event'")
    if out != ["2"]:
        raise TestFailure("[boot %d] /dev/input has %r event devices, want 2" % (boot, out))
    g.sh("for e in /dev/input/event*; do cat $e > /dev/null & done")
    g.say("boot %d: disk mounted, eth0 up with a ping running, both input devices open" % boot)


def run(args, tmp, guests):
    token = "%d-%d" % (os.getpid(), int(time.time()))
    want_line = "hello from the disk %s" % token
    img = make_disk(tmp, token)
    fwd = free_port()
    cmd = list(args.command) + ["--drive", img, "--net", "user,hostfwd=tcp:127.0.0.1:%d-:8080" % fwd,
                                "--append", "console=ttyS0 panic=1"]
    g = bootconsole.Guest(NAME, "reboot", cmd, args, guests)
    knocker = Knocker(fwd)
    try:
        g.boot()
        activate(g, 1, want_line)
        knocker.start()
        # 1: the clean way.
        g.console.send("reboot\r")
        g.console.expect(r"=== vhart initramfs: reboot ===", args.step_timeout, "init's reboot message")
        g.say("boot 1: reboot")
        g.boot()
        activate(g, 2, want_line)
        # 2: init exits, the kernel panics and restarts the machine with every virtio queue live.
        g.sh("echo 1 > /proc/sys/vm/panic_on_oom")
        # tmpfs pages are zeroed by the kernel itself: memory runs out in well under a second even
        # in sanitizer builds (a shell filling a variable took minutes there).
        g.sh("mount -o remount,size=100% /tmp")
        g.console.send("dd if=/dev/zero of=/tmp/fill bs=1M\r")
        g.console.panic_patterns = []   # this panic is the point
        g.console.expect(r"Kernel panic - not syncing: Out of memory", args.step_timeout, "the panic")
        g.say("boot 2: out of memory with panic_on_oom: the kernel panicked (panic=1 restarts it)")
        g.console.panic_patterns = bootconsole.PANIC_PATTERNS
        g.boot()
        # 3: the third boot reads its disk.
        g.sh("mkdir -p /mnt && mount -t ext2 /dev/vda /mnt")
        _, out = g.sh("cat /mnt/hello.txt")
        if out != [want_line]:
            raise TestFailure("[boot 3] /mnt/hello.txt is %r, want %r" % (out, [want_line]))
        rc, out = g.sh("dmesg | grep -iE 'virtio.*(error|fail|bad)|EXT2-fs error|BUG:|Oops|Kernel panic'", want_rc=None)
        if rc == 0:
            raise TestFailure("[boot 3] dmesg reports errors:\n  %s" % "\n  ".join(out))
        g.say("boot 3: the disk reads %r; dmesg clean; %d connections knocked on the forwarded port"
              % (want_line, knocker.attempts))
    finally:
        knocker.stop()
    g.sh("umount /mnt")
    g.poweroff()


def main():
    args = bootconsole.parse_args(NAME, __doc__.splitlines()[0])
    args.timeout = args.timeout or 300
    args.step_timeout = args.step_timeout or 120
    if not shutil.which("mke2fs"):
        sys.stderr.write("%s: mke2fs (e2fsprogs) is missing\n" % NAME)
        return 1 if os.environ.get("VHART_REQUIRE_GUESTS") else 77
    return bootconsole.run_guests(NAME, args, "vhart-reboot-",
                                  lambda tmp, guests, step: run(args, tmp, guests))


if __name__ == "__main__":
    sys.exit(main())
