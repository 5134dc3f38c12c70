#!/usr/bin/env python3
"""Sequential virtio-blk throughput inside the guest, on vhart and on Debian's qemu-system-riscv64 -M virt.

Both boot the same OpenSBI (fw_dynamic.bin), kernel Image and busybox initramfs (roms/build.sh) with
256 MiB of RAM and one raw image of 256 MiB (zero-filled on the host before every boot, default
cache mode on both: writeback) as /dev/vda. In each boot the guest repeats, on the raw block device:

    echo 3 > /proc/sys/vm/drop_caches
    dd if=/dev/zero of=/dev/vda bs=1M count=64 conv=fsync     (write, flushed to the host file)
    echo 3 > /proc/sys/vm/drop_caches
    dd if=/dev/vda of=/dev/null bs=1M count=64                (read, from the device, not the cache)

Throughput is taken from dd's own byte count and seconds (MiB/s = bytes / seconds / 2^20). Prints the
median of every sample per emulator, the samples, and the ratio vhart / QEMU.

usage: bench/disk_vs_qemu.py [--runs N] [--reps N] [--count MIB] VHART KERNEL INITRD
"""
import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "system", "boot"))
import bootconsole  # noqa: E402

FIRMWARE = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"
IMAGE_MIB = 256
PROMPT = "<vh># "
SET_PROMPT = "PS1='<vh>''# '"


class Guest:
    def __init__(self, name, cmd, timeout):
        self.c = bootconsole.Console(name, cmd, quiet=True)
        self.c.panic_patterns = [r"Kernel panic - not syncing[^\r\n]*[\r\n]", r"Oops \[#\d+\][^\r\n]*[\r\n]"]
        self.timeout = timeout
        self.seq = 0
        self.c.expect(r"=== vhart initramfs[^\r\n]*[\r\n]", timeout, "the initramfs banner")
        self.c.expect(re.compile(r"[#$] $", re.M), timeout, "the shell prompt")
        self.c.send(SET_PROMPT + "\r")
        self.c.expect(re.escape(PROMPT), timeout, "our own prompt")
        self.sh("dmesg -n 2")

    def sh(self, command):
        self.seq += 1
        n = self.seq
        self.c.send("echo '@@'B%d; %s; echo '@@'E%d=$?\r" % (n, command, n))
        self.c.expect(r"@@B%d\r*\n" % n, self.timeout, "the start of `%s`" % command)
        m = self.c.expect(r"@@E%d=(\d+)\r*\n" % n, self.timeout, "the end of `%s`" % command)
        out = self.c.child.before.replace("\r", "")
        self.c.expect(re.escape(PROMPT), self.timeout, "the prompt after `%s`" % command)
        if m.group(1) != "0":
            raise bootconsole.TestFailure("`%s` exited %s: %s" % (command, m.group(1), out.strip()))
        return out

    def dd(self, command, want_bytes):
        out = self.sh(command)
        m = re.search(r"^(\d+) bytes \([^)]*\) copied, ([0-9.]+) seconds", out, re.M)
        if not m or int(m.group(1)) != want_bytes:
            raise bootconsole.TestFailure("`%s` did not copy %d bytes: %r" % (command, want_bytes, out.strip()))
        return int(m.group(1)) / float(m.group(2)) / (1 << 20)

    def poweroff(self):
        self.c.send("poweroff\r")
        self.c.expect_exit(120, 0)


def zero_image(path):
    with open(path, "wb") as f:
        block = bytes(1 << 20)
        for _ in range(IMAGE_MIB):
            f.write(block)
        f.flush()
        os.fsync(f.fileno())


def measure(name, cmd, img, reps, count, timeout):
    zero_image(img)
    g = Guest(name, cmd, timeout)
    try:
        nbytes = count << 20
        writes, reads = [], []
        for _ in range(reps):
            g.sh("echo 3 > /proc/sys/vm/drop_caches")
            writes.append(g.dd("dd if=/dev/zero of=/dev/vda bs=1M count=%d conv=fsync" % count, nbytes))
            g.sh("echo 3 > /proc/sys/vm/drop_caches")
            reads.append(g.dd("dd if=/dev/vda of=/dev/null bs=1M count=%d" % count, nbytes))
        g.poweroff()
        return writes, reads
    finally:
        g.c.kill()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="boots per emulator (default 3)")
    ap.add_argument("--reps", type=int, default=3, help="write+read pairs per boot (default 3)")
    ap.add_argument("--count", type=int, default=64, help="MiB per dd (default 64)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per step (default 300)")
    ap.add_argument("vhart")
    ap.add_argument("kernel")
    ap.add_argument("initrd")
    a = ap.parse_args()
    if not shutil.which("qemu-system-riscv64"):
        sys.stderr.write("disk_vs_qemu: qemu-system-riscv64 not found (Debian: qemu-system-misc)\n")
        return 1
    tmp = tempfile.mkdtemp(prefix="vhart-diskbench-")
    img = os.path.join(tmp, "disk.img")
    append = "console=ttyS0"
    vh = [a.vhart, "--mem", "256M", "--bios", FIRMWARE, "--kernel", a.kernel, "--initrd", a.initrd,
          "--append", append, "--drive", img]
    qm = ["qemu-system-riscv64", "-M", "virt", "-m", "256M", "-nographic", "-bios", FIRMWARE,
          "-kernel", a.kernel, "-initrd", a.initrd, "-append", append,
          "-drive", "file=%s,format=raw,if=none,id=d0" % img, "-device", "virtio-blk-device,drive=d0"]
    results = {"vhart": ([], []), "qemu": ([], [])}
    try:
        for run in range(a.runs):
            for name, cmd in (("vhart", vh), ("qemu", qm)):
                w, r = measure("%s run %d" % (name, run + 1), cmd, img, a.reps, a.count, a.timeout)
                results[name][0].extend(w)
                results[name][1].extend(r)
    except bootconsole.TestFailure as e:
        sys.stderr.write("disk_vs_qemu: FAIL: %s\n" % e)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    med = {k: (statistics.median(v[0]), statistics.median(v[1])) for k, v in results.items()}
    n = a.runs * a.reps
    print()
    print("virtio-blk sequential throughput in the guest: /dev/vda, %d MiB raw image, dd bs=1M count=%d" % (IMAGE_MIB, a.count))
    print("medians of %d samples each (%d boots x %d), MiB/s" % (n, a.runs, a.reps))
    print()
    print("  %-22s %12s %12s" % ("", "write", "read"))
    print("  %-22s %12s %12s" % ("", "conv=fsync", "cold cache"))
    print("  %-22s %12.1f %12.1f" % ("vhart", med["vhart"][0], med["vhart"][1]))
    print("  %-22s %12.1f %12.1f" % ("qemu-system-riscv64", med["qemu"][0], med["qemu"][1]))
    print("  %-22s %12.2f %12.2f" % ("ratio vhart / QEMU", med["vhart"][0] / med["qemu"][0],
                                     med["vhart"][1] / med["qemu"][1]))
    print()
    for k in ("vhart", "qemu"):
        print("  %-5s write: %s" % (k, " ".join("%.1f" % x for x in results[k][0])))
        print("  %-5s read:  %s" % (k, " ".join("%.1f" % x for x in results[k][1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
