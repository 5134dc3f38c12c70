#!/usr/bin/env python3
"""Linux boot-to-prompt time on vhart and on Debian's qemu-system-riscv64 -M virt, side by side.

Both boot the same OpenSBI (fw_dynamic.bin), kernel Image and busybox initramfs (from
roms/build.sh). Each run is timed from process start to the shell prompt; then `poweroff` is typed
and the run must end. Prints medians over several runs and the ratio vhart / QEMU.

usage: bench/linux_boot.py [--runs N] [--smp N] VHART KERNEL INITRD
"""
import argparse
import os
import select
import statistics
import subprocess
import sys
import time

PROMPT = b"root@vhart:/# "
FIRMWARE = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"


def boot(cmd, timeout=120.0):
    """Start cmd, return seconds until the prompt appears; then power the guest off."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen = b""
    try:
        while PROMPT not in seen:
            if time.monotonic() - t0 > timeout:
                raise RuntimeError("no prompt within %.0f s: %r" % (timeout, seen[-300:]))
            r, _, _ = select.select([p.stdout], [], [], 1.0)
            if r:
                chunk = os.read(p.stdout.fileno(), 65536)
                if not chunk:
                    raise RuntimeError("emulator exited before the prompt: %r" % seen[-300:])
                seen += chunk
        elapsed = time.monotonic() - t0
        p.stdin.write(b"poweroff\n")
        p.stdin.flush()
        p.stdout.read()
        if p.wait(timeout=60) != 0:
            raise RuntimeError("%s exited with status %d" % (cmd[0], p.returncode))
        return elapsed
    finally:
        if p.poll() is None:
            p.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("vhart")
    ap.add_argument("kernel")
    ap.add_argument("initrd")
    a = ap.parse_args()
    append = "console=ttyS0"
    vh = [a.vhart, "--smp", str(a.smp), "--mem", "256M", "--bios", FIRMWARE, "--kernel", a.kernel,
          "--initrd", a.initrd, "--append", append]
    qm = ["qemu-system-riscv64", "-M", "virt", "-smp", str(a.smp), "-m", "256M", "-nographic",
          "-bios", FIRMWARE, "-kernel", a.kernel, "-initrd", a.initrd, "-append", append]
    tv, tq = [], []
    for _ in range(a.runs):
        tv.append(boot(vh))
        tq.append(boot(qm))
    mv, mq = statistics.median(tv), statistics.median(tq)
    print("Linux boot to the shell prompt, %d hart(s), %d runs each (medians)" % (a.smp, a.runs))
    print("  vhart                 %.3f s   (runs: %s)" % (mv, " ".join("%.3f" % t for t in tv)))
    print("  qemu-system-riscv64   %.3f s   (runs: %s)" % (mq, " ".join("%.3f" % t for t in tq)))
    print("  ratio vhart / QEMU    %.2f" % (mv / mq))
    return 0


if __name__ == "__main__":
    sys.exit(main())
