#!/usr/bin/env python3
"""A nested Linux boot under KVM inside Debian 13, on vhart and on qemu-system-riscv64 (TCG with H).

Both run tests/system/kvm_test.py's sequence on the same files: Debian's image (roms/debian.sh; writes
discarded), kernel and initramfs, OpenSBI fw_dynamic.bin, 1 GiB, 1 hart, and roms/build.sh's Image and
initramfs handed over virtio-9p; inside, `modprobe kvm` and `qemu-system-riscv64 -M virt -accel kvm
-cpu host -m 256M -smp 1` boot the nested Linux to its shell. QEMU runs with `-cpu rv64,h=true` (H
needs it: QEMU's default rv64 has no H) and `-fsdev local ... -device virtio-9p-device`. The figures
are host wall time per phase (Debian to login, the nested boot from starting the nested QEMU to its
shell prompt), each emulator run RUNS times alternately (QEMU first); the report gives every sample,
the medians and the ratio vhart / QEMU (below 1: vhart is faster).

usage: bench/kvm_vs_qemu.py [--runs N] [--out FILE] VHART
The Debian image must be built (roms/debian.sh). Not a test: nothing here runs under ctest.
"""
import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "system"))
sys.path.insert(0, os.path.join(ROOT, "tests", "system", "boot"))
import bootconsole  # noqa: E402
import debian_test  # noqa: E402
import kvm_test  # noqa: E402

FIRMWARE = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin"
PHASES = ("Debian boot and login", "nested boot to shell")


def vhart_command(args, share):
    return [args.vhart, "--bios", FIRMWARE, "--smp", "1", "--mem", "1G", "--kernel", args.kernel,
            "--initrd", args.initrd, "--append", debian_test.APPEND, "--drive", args.image, "--snapshot",
            "--share", share + ",tag=host", "--display", "none"]


def qemu_command(args, share):
    return ["qemu-system-riscv64", "-M", "virt", "-cpu", "rv64,h=true", "-smp", "1", "-m", "1G", "-nographic",
            "-bios", FIRMWARE, "-kernel", args.kernel, "-initrd", args.initrd, "-append", debian_test.APPEND,
            "-drive", "file=%s,format=raw,if=none,id=hd0,snapshot=on" % args.image,
            "-device", "virtio-blk-device,drive=hd0",
            "-fsdev", "local,id=fs0,path=%s,security_model=none" % share,
            "-device", "virtio-9p-device,fsdev=fs0,mount_tag=host"]


def one_run(args, label, make):
    phases, transcripts = [], []
    try:
        kvm_test.body(args, transcripts, phases, make_command=make, label=label)
    except bootconsole.TestFailure as e:
        for g in transcripts:
            g.stop()
        sys.exit("kvm_vs_qemu: %s: %s" % (label, e))
    return dict(phases)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "kvm-nested-boot.md"))
    ap.add_argument("vhart")
    a = ap.parse_args()
    a.vhart = os.path.abspath(a.vhart)
    a.command = [a.vhart]
    a.harts, a.mem, a.quiet = 1, "1G", True
    a.image = a.kernel = a.initrd = a.nested_kernel = a.nested_initrd = None
    a.timeout, a.step_timeout, a.exit_timeout = 1800, 600, 300
    samples = {"qemu": [], "vhart": []}
    for i in range(a.runs):
        for label, make in (("qemu", qemu_command), ("vhart", vhart_command)):
            ph = one_run(a, label, make)
            samples[label].append(ph)
            print("%-5s run %d: %s" % (label, i + 1, ", ".join("%s %.1f s" % (k, ph[k]) for k in PHASES)),
                  flush=True)
    lines = ["# Nested Linux under KVM in Debian: vhart vs qemu-system-riscv64 (TCG, h=true)", "",
             "%s, %s, %d run(s) each; host wall time in seconds (median); ratio vhart / QEMU." %
             (datetime.date.today().isoformat(), platform.node(), a.runs),
             "Load average at the end: %s." % " ".join("%.1f" % x for x in os.getloadavg()), "",
             "| phase | vhart | QEMU | ratio |", "|---|---:|---:|---:|"]
    for k in PHASES:
        mv = statistics.median(s[k] for s in samples["vhart"])
        mq = statistics.median(s[k] for s in samples["qemu"])
        lines.append("| %s | %.1f | %.1f | %.2f |" % (k, mv, mq, mv / mq))
        print("%s: vhart %.1f s, QEMU %.1f s, ratio %.2f" % (k, mv, mq, mv / mq))
    lines += ["", "Samples: " + "; ".join("%s %s" % (l, [round(s[k], 1) for s in samples[l] for k in PHASES])
                                          for l in ("vhart", "qemu"))]
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote " + a.out)


if __name__ == "__main__":
    sys.exit(main())
