#!/usr/bin/env python3
"""Linux on several harts: the guest sees them all and runs parallel CPU-bound jobs with exact results.

usage: linux_smp_test.py [--harts N] [--jobs J] [options] [--] CMD ARG...   (CMD boots Linux + busybox)
  e.g. eval "$(roms/build.sh --print-paths)"
       linux_smp_test.py --harts 4 build/vhart --smp 4 --mem 256M --kernel "$KERNEL" --initrd "$INITRD" \\
           --append console=ttyS0

Checks, in order:
1. `nproc` prints N, /sys/devices/system/cpu/online is "0-(N-1)", /proc/cpuinfo has N "processor" lines.
2. J jobs started at once in the background and awaited with `wait`; job k (1..J) runs a busybox ash
   arithmetic loop (LOOP iterations of s = (s * 31 + i) % 1000003) and `seq k J SEQ_END | sha256sum`;
   every job's two results must equal the values computed here in Python.
3. Every hart did some of that work: each cpuN line of /proc/stat gains user+system ticks during the
   jobs (the guest's scheduler spread them over the harts).
4. `poweroff` ends the emulator with status 0.
Prints the guest's own wall time for the jobs (from /proc/uptime). Exit status 0 on success, 1 on
failure (one line on stderr naming the check).
"""

import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "system", "boot"))
import bootconsole  # noqa: E402

NAME = "linux_smp_test"
TestFailure = bootconsole.TestFailure
LOOP = 2000
SEQ_END = 100000


def expected(k, jobs):
    s = 0
    for i in range(LOOP):
        s = (s * 31 + i) % 1000003
    text = "".join("%d\n" % i for i in range(k, SEQ_END + 1, jobs))
    return "job%d %d %s" % (k, s, hashlib.sha256(text.encode()).hexdigest())


def job_command(k, jobs):
    return ("( i=0; s=0; while [ $i -lt %d ]; do s=$(( (s * 31 + i) %% 1000003 )); i=$((i + 1)); done; "
            "h=$(seq %d %d %d | sha256sum); echo \"job%d $s ${h%%%% *}\" >/tmp/job%d ) &"
            % (LOOP, k, jobs, SEQ_END, k, k))


def cpu_ticks(g):
    """{cpuN: user + nice + system ticks} from /proc/stat."""
    _, out = g.sh("grep '^cpu[0-9]' /proc/stat")
    ticks = {}
    for line in out:
        f = line.split()
        if len(f) >= 4 and re.fullmatch(r"cpu\d+", f[0]):
            ticks[f[0]] = int(f[1]) + int(f[2]) + int(f[3])
    return ticks


def body(g, args):
    n, jobs = args.harts, args.jobs
    g.boot()
    _, out = g.sh("nproc; cat /sys/devices/system/cpu/online; grep -c '^processor' /proc/cpuinfo")
    want = [str(n), "0" if n == 1 else "0-%d" % (n - 1), str(n)]
    if [l.strip() for l in out] != want:
        raise TestFailure("nproc / cpu/online / cpuinfo say %r, want %r" % (out, want))
    g.say("the guest sees %d harts (nproc, /sys/devices/system/cpu/online, /proc/cpuinfo)" % n)

    before = cpu_ticks(g)
    if len(before) != n:
        raise TestFailure("/proc/stat has %d cpuN lines, want %d" % (len(before), n))
    script = "rm -f /tmp/job*; read t0 _ </proc/uptime; %s wait; read t1 _ </proc/uptime; echo \"jobs took $t0 $t1\"" \
        % " ".join(job_command(k, jobs) for k in range(1, jobs + 1))
    _, out = g.sh(script, timeout=args.jobs_timeout)
    m = re.search(r"jobs took ([0-9.]+) ([0-9.]+)", "\n".join(out))
    took = float(m.group(2)) - float(m.group(1)) if m else float("nan")
    after = cpu_ticks(g)
    _, out = g.sh("cat %s" % " ".join("/tmp/job%d" % k for k in range(1, jobs + 1)))
    got = [l.strip() for l in out]
    want = [expected(k, jobs) for k in range(1, jobs + 1)]
    if got != want:
        raise TestFailure("job results:\n  %s\nwant:\n  %s" % ("\n  ".join(got), "\n  ".join(want)))
    g.say("%d parallel jobs, exact results, %.2f s of guest time" % (jobs, took))
    idle = [c for c in sorted(before) if after.get(c, 0) - before[c] <= 0]
    if idle:
        raise TestFailure("no user/system ticks on %s during the jobs: before %r, after %r"
                          % (", ".join(idle), before, after))
    g.say("busy ticks per hart during the jobs: %s"
          % ", ".join("%s +%d" % (c, after[c] - before[c]) for c in sorted(before)))
    g.poweroff()


def add_options(p):
    p.add_argument("--harts", type=int, default=4, help="harts the guest must see (default 4)")
    p.add_argument("--jobs", type=int, default=4, help="parallel jobs (default 4)")
    p.add_argument("--jobs-timeout", type=float, default=600, help="seconds for the jobs (default 600)")


def main():
    args = bootconsole.parse_args(NAME, __doc__.splitlines()[0], add_options)
    args.timeout = args.timeout or 300
    args.step_timeout = args.step_timeout or 120
    transcripts = []
    g = None
    try:
        g = bootconsole.Guest(NAME, "smp%d" % args.harts, args.command, args, transcripts)
        body(g, args)
    except TestFailure as e:
        if g is not None:
            g.stop()
            if args.quiet:
                sys.stdout.write("\n---- last console output ----\n%s\n-----------------------------\n"
                                 % g.console.transcript()[-3000:])
        sys.stdout.flush()
        sys.stderr.write("%s: FAIL: %s\n" % (NAME, e))
        return 1
    except KeyboardInterrupt:
        if g is not None:
            g.stop()
        sys.stderr.write("%s: interrupted\n" % NAME)
        return 130
    finally:
        if g is not None and args.log:
            with open(args.log, "w", encoding="utf-8") as f:
                f.write(g.console.transcript())
    print("[%s] PASS" % NAME)
    return 0


if __name__ == "__main__":
    sys.exit(main())
