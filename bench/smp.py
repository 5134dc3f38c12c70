#!/usr/bin/env python3
"""bench/smp.py: vhart's harts against QEMU's MTTCG (qemu-system-riscv64 -accel tcg,thread=multi), one run.

Parts (all by default; --only PART[,PART]):
  jobs   the job-mix initramfs (bench/linux/smp-jobs-init: 4 CPU-bound job mixes at once), with 1 and
         with 2 harts; the time between the guest's "@@B jobs" and "@@E jobs" lines (host clock) and
         the whole run; results checked against bench/linux/smp-jobs-expected.txt
  boot   Linux + busybox (roms/build.sh) to the shell prompt with 1 and with 4 harts; also the host
         CPU time (all threads) each used to the prompt, which shows spinning that a loaded host's
         scheduling hides in the wall time
  idle   the 4-hart Linux guest idle at its prompt: host CPU used over --idle seconds, % of one core
  spin   the xv6like teaching kernel (tests/system/xv6like: its idle harts spin in the scheduler,
         no wfi) on 1 and on 3 harts, start to poweroff
Each configuration runs --runs times, vhart and QEMU alternating; medians are reported with the
targets of issue 15 (2-core host): jobs with 2 harts at most 0.6 of 1 hart; 4-hart boot no slower than
1-hart; 3-hart spinning kernel no slower than 1-hart; idle 4-hart guest under 2% of a core. The
fifth target, single-hart speed unchanged (within 3%) by the threaded engine, compares two vhart
builds, not vhart with QEMU: bench/compare-builds OLD/vhart NEW/vhart.

Uses bench/run's helpers (building build-bench/, the Run class). Writes bench/results/smp.tsv and
smp.md (partial-smp.* for --only). Not a test: nothing here runs under ctest.

usage: bench/smp.py [--runs N] [--only PARTS] [--idle SECONDS] [--no-build] [--threads MODE]
  --threads MODE  pass --threads MODE to vhart (once vhart has that option)
"""
import argparse
import datetime
import importlib.machinery
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_loader = importlib.machinery.SourceFileLoader("bench_run", os.path.join(HERE, "run"))
_spec = importlib.util.spec_from_loader("bench_run", _loader)
B = importlib.util.module_from_spec(_spec)
_loader.exec_module(B)

ROOT = B.ROOT
QEMU_MTTCG = ["-accel", "tcg,thread=multi"]
XV6LIKE = os.path.join(B.BUILD, "tests", "system", "xv6like", "xv6like.elf")
JOBS_INIT = os.path.join(ROOT, "bench", "linux", "smp-jobs-init")
JOBS_EXPECTED = os.path.join(ROOT, "bench", "linux", "smp-jobs-expected.txt")
PARTS = ("jobs", "boot", "idle", "spin")
TARGETS = {   # key: (what the figure is, bound, text)
    "jobs": ("ratio of medians, 2 harts / 1 hart", 0.6, "<= 0.60"),
    "boot": ("ratio of medians, 4 harts / 1 hart", 1.0, "<= 1.00"),
    "spin": ("ratio of medians, 3 harts / 1 hart", 1.0, "<= 1.00"),
    "idle": ("% of one host core", 2.0, "< 2%"),
}


def log(msg):
    B.log("smp: " + msg)


def vhart_cmd(args, *rest):
    return [B.VHART] + (["--threads", args.threads] if args.threads else []) + list(rest)


def linux_cmds(args, kernel, initrd, append, smp):
    vh, qm = B.boot_cmds(kernel, initrd, append, smp, stats=False)
    vh = vhart_cmd(args, *vh[1:])
    return vh, qm[:1] + QEMU_MTTCG + qm[1:]


# ------------------------------------------------------------------------------------------ parts
def expected_jobs():
    with open(JOBS_EXPECTED) as f:
        return sorted(l.strip() for l in f if l.startswith("@@R "))


def run_jobs(args, res):
    paths = B.roms(["--init", JOBS_INIT, "--out", "bench-smp-jobs"])
    want = expected_jobs()
    for smp in (1, 2):
        vh, qm = linux_cmds(args, paths["KERNEL"], paths["INITRD"], "console=ttyS0 quiet", smp)
        d = {"vhart": [], "qemu": [], "vhart-total": [], "qemu-total": []}
        for i in range(args.runs):
            for who, cmd in (("vhart", vh), ("qemu", qm)):
                r = B.Run(cmd, 1200)
                try:
                    r.finish()
                finally:
                    r.kill()
                if r.status != 0:
                    B.die("%s --smp %d: exit status %d; output tail: %r" % (who, smp, r.status, r.out[-600:]))
                t = {}
                got = []
                for ts, line in r.lines:
                    s = line.decode(errors="replace")
                    m = re.match(r"^@@([BE]) jobs ", s)
                    if m:
                        t[m.group(1)] = ts
                    if s.startswith("@@R "):
                        got.append(s.strip())
                if sorted(got) != want:
                    B.die("%s --smp %d: job results %r, expected %r" % (who, smp, sorted(got), want))
                if "B" not in t or "E" not in t:
                    B.die("%s --smp %d: no @@B/@@E jobs lines" % (who, smp))
                d[who].append(t["E"] - t["B"])
                d[who + "-total"].append(r.wall)
                log("jobs smp %d run %d %-5s %.2f s (whole run %.2f s)" % (smp, i + 1, who, t["E"] - t["B"], r.wall))
        res["jobs-smp%d" % smp] = d


def run_boot(args, res, harts_list=(1, 4), idle=0.0):
    paths = B.roms()
    for smp in harts_list:
        vh, qm = linux_cmds(args, paths["KERNEL"], paths["INITRD"], "console=ttyS0", smp)
        d = {"vhart": [], "qemu": [], "vhart-cpu": [], "qemu-cpu": []}
        idle_d = {"vhart": [], "qemu": []}
        idle_s = idle if smp == max(harts_list) else 0.0   # the idle figure is the many-hart guest's
        for i in range(args.runs if "boot" in args.parts else 1):
            for who, cmd in (("vhart", vh), ("qemu", qm)):
                r = B.Run(cmd, 300)
                try:
                    if not r.pump(until=B.PROMPT):
                        B.die("%s --smp %d exited before the prompt: %r" % (who, smp, r.out[-400:]))
                    d[who].append(time.monotonic() - r.t0)
                    # Host CPU (all threads) to the prompt: wasted spinning shows here even when a
                    # loaded machine's scheduling blurs the wall time.
                    d[who + "-cpu"].append(r.cpu_seconds())
                    if idle_s > 0 and i == 0:
                        time.sleep(2.0)   # let the boot's tail (init, the shell) settle
                        c0, w0 = r.cpu_seconds(), time.monotonic()
                        time.sleep(idle_s)
                        c1, w1 = r.cpu_seconds(), time.monotonic()
                        idle_d[who].append(100.0 * (c1 - c0) / (w1 - w0))
                    r.send(b"poweroff\n")
                    r.finish()
                finally:
                    r.kill()
                if r.status != 0:
                    B.die("%s --smp %d: exit status %d after poweroff" % (who, smp, r.status))
                log("boot smp %d run %d %-5s %.2f s, CPU %.2f s%s" % (smp, i + 1, who, d[who][-1], d[who + "-cpu"][-1],
                    ", idle %.2f%%" % idle_d[who][-1] if idle_d[who] and i == 0 else ""))
        if "boot" in args.parts:
            res["boot-smp%d" % smp] = d
        if idle_s > 0:
            res["idle-smp%d" % smp] = dict(idle_d, seconds=idle_s)


def run_spin(args, res):
    if not os.path.exists(XV6LIKE):
        B.die("%s missing (build the xv6like target in build-bench/, or run without --no-build)" % XV6LIKE)
    with tempfile.TemporaryDirectory(prefix="vhart-bench-smp-") as tmp:
        disk = os.path.join(tmp, "disk.img")
        for smp in (1, 3):
            d = {"vhart": [], "qemu": []}
            for i in range(args.runs):
                for who in ("vhart", "qemu"):
                    with open(disk, "wb") as f:   # fresh each run, as tests/system/xv6like does
                        f.write(b"xv6like disk: sector 0\n".ljust(512, b"\0") + b"\0" * (1024 * 1024 - 512))
                    if who == "vhart":
                        cmd = vhart_cmd(args, "--bios", "none", "--mem", "128M", "--smp", str(smp),
                                        "--drive", disk, "--kernel", XV6LIKE)
                    else:
                        cmd = [B.QEMU] + QEMU_MTTCG + [
                            "-machine", "virt", "-bios", "none", "-m", "128M", "-smp", str(smp), "-nographic",
                            "-global", "virtio-mmio.force-legacy=false",
                            "-drive", "file=%s,if=none,format=raw,id=x0" % disk,
                            "-device", "virtio-blk-device,drive=x0,bus=virtio-mmio-bus.0", "-kernel", XV6LIKE]
                    r = B.Run(cmd, 300)
                    try:
                        r.finish()
                    finally:
                        r.kill()
                    if r.status != 0:
                        B.die("xv6like on %s --smp %d: exit status %d; output tail: %r"
                              % (who, smp, r.status, r.out[-600:]))
                    d[who].append(r.wall)
                    log("spin smp %d run %d %-5s %.2f s" % (smp, i + 1, who, r.wall))
            res["spin-smp%d" % smp] = d


# ------------------------------------------------------------------------------------------ report
def rows(res):
    """(label, vhart, qemu, vhart ratio, qemu ratio, target, met)."""
    med = B.median
    out = []

    def pair(key, a, b, label, unit="s"):
        if a not in res or b not in res:
            return
        va, vb = med(res[a]["vhart"]), med(res[b]["vhart"])
        qa, qb = med(res[a]["qemu"]), med(res[b]["qemu"])
        _, bound, text = TARGETS[key]
        out.append((label % a.rsplit("smp", 1)[1], "%.2f %s" % (va, unit), "%.2f %s" % (qa, unit), "", "", "", None))
        out.append((label % b.rsplit("smp", 1)[1], "%.2f %s" % (vb, unit), "%.2f %s" % (qb, unit), "", "", "", None))
        out.append(("  ratio %s / %s harts" % (b.rsplit("smp", 1)[1], a.rsplit("smp", 1)[1]), "", "",
                    "%.2f" % (vb / va), "%.2f" % (qb / qa), text, vb / va <= bound))

    pair("jobs", "jobs-smp1", "jobs-smp2", "Linux, 4 job mixes at once, %s hart(s): jobs' wall time")
    pair("boot", "boot-smp1", "boot-smp4", "Linux boot to the shell prompt, %s hart(s)")
    for k in ("boot-smp1", "boot-smp4"):
        if k in res:
            out.append(("  host CPU to the prompt, %s hart(s)" % k.rsplit("smp", 1)[1],
                        "%.2f s" % med(res[k]["vhart-cpu"]), "%.2f s" % med(res[k]["qemu-cpu"]), "", "", "", None))
    pair("spin", "spin-smp1", "spin-smp3", "xv6like (idle harts spin, no wfi), %s hart(s), start to poweroff")
    if "idle-smp4" in res:
        d = res["idle-smp4"]
        v, q = med(d["vhart"]), med(d["qemu"])
        out.append(("Linux, 4 harts, idle at the prompt for %.0f s: host CPU" % d["seconds"], "%.2f%%" % v,
                    "%.2f%%" % q, "", "", TARGETS["idle"][2], v < TARGETS["idle"][1]))
    return out


def write(res, args, started, full):
    os.makedirs(B.RESULTS, exist_ok=True)
    base = "smp" if full else "partial-smp"
    header = ("vhart %s%s, %s; parts: %s; %d run(s) each; medians; QEMU with -accel tcg,thread=multi"
              % (B.commit_id(), " --threads " + args.threads if args.threads else "",
                 started.strftime("%Y-%m-%d %H:%M UTC"), ",".join(args.parts), args.runs))
    table = rows(res)
    md = ["_" + header + "._  ", "_Host: " + B.machine_line() + "._", "",
          "| measurement | vhart | QEMU MTTCG | vhart ratio | QEMU ratio | target (vhart) | met |",
          "|---|---:|---:|---:|---:|---|---|"]
    for label, v, q, rv, rq, t, ok in table:
        md.append("| %s | %s | %s | %s | %s | %s | %s |"
                  % (label, v, q, rv, rq, t, "" if ok is None else ("yes" if ok else "**no**")))
    text = "\n".join(md) + "\n"
    with open(os.path.join(B.RESULTS, base + ".md"), "w") as f:
        f.write(text)
    with open(os.path.join(B.RESULTS, base + ".tsv"), "w") as f:
        f.write("# " + header + "\n# " + B.machine_line() + "\n")
        f.write("measurement\tvhart\tqemu\tvhart_ratio\tqemu_ratio\ttarget\tmet\n")
        for label, v, q, rv, rq, t, ok in table:
            f.write("\t".join([label, v, q, rv, rq, t, "" if ok is None else ("yes" if ok else "NO")]) + "\n")
        for key in sorted(res):
            for who, vals in sorted(res[key].items()):
                if isinstance(vals, list):
                    f.write("# samples %s %s: %s\n" % (key, who, " ".join("%.3f" % x for x in vals)))
    print("\n" + text)


def main():
    ap = argparse.ArgumentParser(description="vhart's harts vs QEMU MTTCG, side by side")
    ap.add_argument("--runs", type=int, default=3, help="runs of each configuration (default 3)")
    ap.add_argument("--only", default=",".join(PARTS), help="comma-separated parts: " + ", ".join(PARTS))
    ap.add_argument("--idle", type=float, default=10.0, help="seconds of idle measurement (default 10)")
    ap.add_argument("--threads", default="", help="pass --threads MODE to vhart")
    ap.add_argument("--no-build", action="store_true", help="use build-bench/ as it is")
    args = ap.parse_args()
    args.parts = [p.strip() for p in args.only.split(",") if p.strip()]
    bad = [p for p in args.parts if p not in PARTS]
    if bad:
        B.die("unknown part(s) %s (%s)" % (", ".join(bad), ", ".join(PARTS)))
    if args.runs < 1:
        B.die("--runs must be at least 1")
    started = datetime.datetime.now(datetime.timezone.utc)
    if not args.no_build:
        B.build(False)
        if "spin" in args.parts:
            subprocess.run(["cmake", "--build", B.BUILD, "-j2", "--target", "xv6like"], check=True,
                           stdout=subprocess.DEVNULL)
    res = {}
    if "jobs" in args.parts:
        run_jobs(args, res)
    if "boot" in args.parts:
        run_boot(args, res, (1, 4), args.idle if "idle" in args.parts else 0.0)
    elif "idle" in args.parts:
        run_boot(args, res, (4,), args.idle)
    if "spin" in args.parts:
        run_spin(args, res)
    write(res, args, started, set(args.parts) == set(PARTS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
