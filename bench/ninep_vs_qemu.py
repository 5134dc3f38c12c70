#!/usr/bin/env python3
"""Reading a 100 MiB file through a virtio-9p share inside the guest, on vhart and on Debian's qemu-system-riscv64.

Both boot the same OpenSBI (fw_dynamic.bin), kernel Image and busybox initramfs (roms/build.sh) with
256 MiB of RAM and one share of a host directory holding big.bin (100 MiB of random bytes, read once
on the host first so that both read it from the host's page cache):

    vhart: --share DIR,tag=host
    QEMU:  -fsdev local,id=fs0,path=DIR,security_model=none -device virtio-9p-device,fsdev=fs0,mount_tag=host
           (what -virtfs local,...,security_model=none builds, on virtio-mmio since the kernel has no PCI)

In each boot the guest mounts the share with `mount -t 9p -o trans=virtio,version=9p2000.L,msize=M`
(default M = 512000, the largest Linux's virtio transport allows) and repeats

    echo 3 > /proc/sys/vm/drop_caches
    dd if=/mnt/big.bin of=/dev/null bs=1M        (cache=none, the default: every read is a Tread)

Throughput is dd's own byte count over its seconds. Prints the median per emulator, the samples and
the ratio vhart / QEMU (above 1: vhart is faster).

usage: bench/ninep_vs_qemu.py [--runs N] [--reps N] [--msize M] VHART KERNEL INITRD
"""
import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from disk_vs_qemu import FIRMWARE, Guest  # noqa: E402
import bootconsole  # noqa: E402  (disk_vs_qemu put its directory on sys.path)

SIZE_MIB = 100


def measure(name, cmd, reps, msize, timeout):
    g = Guest(name, cmd, timeout)
    try:
        g.sh("mount -t 9p -o trans=virtio,version=9p2000.L,msize=%d host /mnt" % msize)
        out = []
        for _ in range(reps):
            g.sh("echo 3 > /proc/sys/vm/drop_caches")
            out.append(g.dd("dd if=/mnt/big.bin of=/dev/null bs=1M", SIZE_MIB << 20))
        g.sh("umount /mnt")
        g.poweroff()
        return out
    finally:
        g.c.kill()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="boots per emulator (default 3)")
    ap.add_argument("--reps", type=int, default=3, help="reads per boot (default 3)")
    ap.add_argument("--msize", type=int, default=512000, help="9p msize mount option (default 512000)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per step (default 300)")
    ap.add_argument("vhart")
    ap.add_argument("kernel")
    ap.add_argument("initrd")
    a = ap.parse_args()
    if not shutil.which("qemu-system-riscv64"):
        sys.stderr.write("ninep_vs_qemu: qemu-system-riscv64 not found (Debian: qemu-system-misc)\n")
        return 1
    tmp = tempfile.mkdtemp(prefix="vhart-9pbench-")
    big = os.path.join(tmp, "big.bin")
    with open(big, "wb") as f:
        for _ in range(SIZE_MIB):
            f.write(os.urandom(1 << 20))
    with open(big, "rb") as f:   # into the host page cache for both
        while f.read(1 << 20):
            pass
    append = "console=ttyS0"
    vh = [a.vhart, "--mem", "256M", "--bios", FIRMWARE, "--kernel", a.kernel, "--initrd", a.initrd,
          "--append", append, "--share", tmp + ",tag=host"]
    qm = ["qemu-system-riscv64", "-M", "virt", "-m", "256M", "-nographic", "-bios", FIRMWARE,
          "-kernel", a.kernel, "-initrd", a.initrd, "-append", append,
          "-fsdev", "local,id=fs0,path=%s,security_model=none" % tmp,
          "-device", "virtio-9p-device,fsdev=fs0,mount_tag=host"]
    results = {"vhart": [], "qemu": []}
    try:
        for run in range(a.runs):
            for name, cmd in (("vhart", vh), ("qemu", qm)):
                results[name].extend(measure("%s run %d" % (name, run + 1), cmd, a.reps, a.msize, a.timeout))
    except bootconsole.TestFailure as e:
        sys.stderr.write("ninep_vs_qemu: FAIL: %s\n" % e)
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in results.items()}
    print()
    print("virtio-9p read in the guest: dd if=/mnt/big.bin (%d MiB) of=/dev/null bs=1M, msize=%d, cache=none"
          % (SIZE_MIB, a.msize))
    print("medians of %d samples each (%d boots x %d), MiB/s" % (a.runs * a.reps, a.runs, a.reps))
    print()
    print("  %-22s %10.1f" % ("vhart", med["vhart"]))
    print("  %-22s %10.1f" % ("qemu-system-riscv64", med["qemu"]))
    print("  %-22s %10.2f" % ("ratio vhart / QEMU", med["vhart"] / med["qemu"]))
    print()
    for k in ("vhart", "qemu"):
        print("  %-5s read: %s" % (k, " ".join("%.1f" % x for x in results[k])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
