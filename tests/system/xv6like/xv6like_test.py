#!/usr/bin/env python3
"""Run the xv6like guest on an emulator with a fresh disk image; pass when it powers off with status 0.

usage: xv6like_test.py [--timeout S] [--expect-status N] -- CMD ARG...
  Every argument "{disk}" in CMD is replaced by the image's path. For example:
  xv6like_test.py -- build/vhart --bios none --mem 128M --smp 3 --drive {disk} --kernel xv6like.elf
  xv6like_test.py -- qemu-system-riscv64 -machine virt -bios none -m 128M -smp 3 -nographic \
      -global virtio-mmio.force-legacy=false -drive file={disk},if=none,format=raw,id=x0 \
      -device virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0 -kernel xv6like.elf
Exit status 0 on a pass; else 1, with the guest's output and its exit status (the guest's codes:
3 = the watchdog saw no verdict within 150 M-mode ticks, 31 = FEATURES_OK refused, 62 = interrupt storm).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

SIG = b"xv6like disk: sector 0\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=90)
    ap.add_argument("--expect-status", type=int, default=0)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    if not cmd:
        ap.error("no command")
    with tempfile.TemporaryDirectory(prefix="xv6like-") as tmp:
        disk = os.path.join(tmp, "disk.img")
        with open(disk, "wb") as f:
            f.write(SIG.ljust(512, b"\0"))
            f.write(b"\0" * (1024 * 1024 - 512))
        cmd = [a.replace("{disk}", disk) for a in cmd]
        start = time.monotonic()
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=args.timeout)
        except subprocess.TimeoutExpired as e:
            sys.stdout.write((e.output or b"").decode(errors="replace"))
            print("xv6like_test: no exit within %.0f s" % args.timeout)
            return 1
        wall = time.monotonic() - start
        out = p.stdout.decode(errors="replace")
        sys.stdout.write(out)
        print("xv6like_test: exit status %d after %.2f s of wall time" % (p.returncode, wall))
        if p.returncode != args.expect_status:
            print("xv6like_test: FAIL (expected status %d)" % args.expect_status)
            return 1
        if args.expect_status == 0 and "xv6like: PASS" not in out:
            print("xv6like_test: FAIL (no PASS line)")
            return 1
        return 0


if __name__ == "__main__":
    sys.exit(main())
