#!/usr/bin/env python3
"""Record and replay (--record, --replay; docs/replay.md): an interactive session recorded on a pty,
then replayed from the log alone, gives the same console output byte for byte.

usage: replay_test.py VHART TEACHOS_ELF TEACHOS_SSTC_ELF ROMS_BUILD_SH

1. teachos (bare metal, --bios none): recorded on a pty, 'a' typed after "interrupts on" (teachos
   echoes "you typed: a"), 'q' typed (it says "teachos: bye" and powers off with status 0).
   - `--replay LOG` with stdin from /dev/null: status 0, stdout byte-identical to the recorded
     session's pty output (with the pty's own "\r" before each "\n", onlcr, taken out), stderr exactly one line "vhart: replay complete: 2 inputs, instruction N"
     with N the same in two replays.
   - a recording with --trace and --max-insns 400000 ('a' typed through a pipe), replayed with
     --trace: the two traces identical (400000 lines), the same stdout, the replay's status 0 and
     "vhart: replay complete: 1 inputs, instruction 400000".
   - the program file replaced by another program under the same name: status 5, stderr one line
     "vhart: replay diverged at instruction N (...)".
   - the log's first check edited (its pc, register hash, console hash, sent-frames hash): status 5,
     exactly "vhart: replay diverged at instruction N (hart 0 pc 0xP expected 0xQ)" (N the check's
     point, P the pc logged, Q the edited one), "(hart 0 pc 0xP: registers differ from the
     recording)", "(console output differs from the recording)", "(frames sent to the network differ
     from the recording)".
   - another program on the command line: status 2, one line "vhart: --replay LOG: recorded on
     another machine (boot images or command line); leave out the machine options to replay it as
     recorded".
   - the log cut 5 bytes short: status 2, one line "vhart: --replay LOG: truncated or corrupt replay
     log (event cut short at byte L-29)" (L the log's length; the end marker is 29 bytes); cut 10
     short: "(event header cut short at byte L-29)"; without its end marker: "(no end marker at byte
     L-29)";
     cut inside its configuration: "... (configuration)"; a foreign file: "not a vhart replay log".
2. Linux + busybox (roms/build.sh's; skipped when it is missing unless VHART_REQUIRE_GUESTS is set)
   with --net user, on 1 and on 2 harts: typed `echo hi`, `date`, `cat /proc/uptime`, a DHCP exchange with udhcpc (network
   frames in), `poweroff -f`. The replay (no network backend, no input) prints the same bytes and
   ends with status 0; the log holds network frames (more than 2 inputs beyond the typed bytes).

Exit status 0 when every check passes, 1 otherwise, 77 when Linux is missing (teachos rows pass).
"""

import os
import re
import subprocess
import sys
import tempfile
import time

try:
    import pexpect
except ImportError:
    sys.stderr.write("replay_test: python3 module pexpect is missing\n")
    sys.exit(2)

VHART, TEACHOS, TEACHOS_SSTC, ROMS = sys.argv[1:5]
failures = []
passes = 0


def ok(msg):
    global passes
    passes += 1
    print("ok: " + msg)


def bad(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def record(args, steps, timeout=120):
    """Run vhart on a pty with `args`; steps: (pattern to wait for, bytes to type). Returns the raw
    bytes the pty showed and the exit status."""
    child = pexpect.spawn(VHART, args, timeout=timeout, dimensions=(50, 250))
    out = []
    child.logfile_read = type("T", (), {"write": lambda self, b: out.append(b), "flush": lambda self: None})()
    try:
        for pattern, text in steps:
            child.expect(pattern)
            time.sleep(0.2)
            child.send(text)
        child.expect(pexpect.EOF)
    except pexpect.ExceptionPexpect as e:
        child.close(force=True)
        return b"".join(out), "pexpect: %s" % type(e).__name__
    child.close()
    # The pty turned each "\n" the guest wrote into "\r\n" (onlcr): undo that, nothing else.
    return b"".join(out).replace(b"\r\n", b"\n"), child.exitstatus


def replay(args, timeout=300):
    p = subprocess.run([VHART] + args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout)
    return p.stdout, p.stderr.decode(errors="replace"), p.returncode


def log_events(path):
    """The events of a log (docs/replay.md): {kind: [payload, ...]}; kinds 1 console, 2 network
    frame, 3 keyboard/mouse, 4 check, 5 end."""
    with open(path, "rb") as f:
        b = f.read()
    assert b[:8] == b"VHARTRPL"
    pos = 24 + int.from_bytes(b[12:16], "little")
    events = {}
    while pos < len(b):
        kind, length = b[pos], int.from_bytes(b[pos + 17:pos + 21], "little")
        events.setdefault(kind, []).append(b[pos + 21:pos + 21 + length])
        pos += 21 + length
    return events


def first_check(data):
    """Offset of the first check event's payload, and its retired-instructions point."""
    pos = 24 + int.from_bytes(data[12:16], "little")
    while data[pos] != 4:
        pos += 21 + int.from_bytes(data[pos + 17:pos + 21], "little")
    return pos + 21, int.from_bytes(data[pos + 1:pos + 9], "little")


def one_line(stderr, regex, what):
    if re.fullmatch(regex, stderr):
        ok("%s: %s" % (what, stderr.strip()))
        return True
    bad("%s: stderr %r does not match %r" % (what, stderr, regex))
    return False


work = tempfile.mkdtemp(prefix="vhart-replay-")

# ---------------------------------------------------------------- 1. teachos
prog = os.path.join(work, "prog.elf")
with open(TEACHOS, "rb") as f:
    elf = f.read()
with open(prog, "wb") as f:
    f.write(elf)
log = os.path.join(work, "teachos.log")
shown, status = record(["--record", log, "--bios", "none", "--kernel", prog],
                       [(rb"teachos: interrupts on", b"a"), (rb"you typed: a", b"q")])
if status == 0 and b"you typed: q" in shown and b"teachos: bye" in shown:
    ok("teachos recorded: %d bytes of console output, log %d bytes" % (len(shown), os.path.getsize(log)))
else:
    bad("teachos record: status %s, output tail %r" % (status, shown[-200:]))
ev = log_events(log)
typed = b"".join(ev.get(1, []))
if typed == b"aq" and len(ev.get(5, [])) == 1 and len(ev.get(4, [])) >= 1:
    ok("teachos log: console bytes 'aq', %d checks, one end marker" % len(ev[4]))
else:
    bad("teachos log: console bytes %r, %d checks, %d end markers" % (typed, len(ev.get(4, [])), len(ev.get(5, []))))
out1, err1, rc1 = replay(["--replay", log])
out2, err2, rc2 = replay(["--replay", log])
if rc1 == 0 and out1 == shown:
    ok("teachos replay: status 0, stdout byte-identical to the recorded session (%d bytes)" % len(out1))
else:
    bad("teachos replay: status %d, %d bytes vs %d recorded, first difference at %s" % (
        rc1, len(out1), len(shown), next((i for i, (a, b) in enumerate(zip(out1, shown)) if a != b), "the end")))
if one_line(err1, r"vhart: replay complete: 2 inputs, instruction \d+\n", "teachos replay") and err1 == err2 \
        and out1 == out2 and rc2 == 0:
    ok("teachos: a second replay is identical (output, status and instruction count)")
elif err1 != err2 or out1 != out2:
    bad("teachos: two replays differ: %r / %r" % (err1, err2))

# Traced: a recording with --trace and --max-insns (the byte typed through a pipe), replayed with
# --trace: the same trace, line for line, and the same output; the replay stops at the same limit.
tlog, t1, t2 = (os.path.join(work, n) for n in ("traced.log", "rec.trace", "rep.trace"))
p = subprocess.run([VHART, "--record", tlog, "--max-insns", "400000", "--trace", t1, "--bios", "none",
                    "--kernel", prog], input=b"a", stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
out, err, rc = replay(["--replay", tlog, "--trace", t2])
with open(t1, "rb") as f1, open(t2, "rb") as f2:
    same = f1.read() == f2.read()
lines = sum(1 for _ in open(t1, "rb"))
if p.returncode == 3 and rc == 0 and same and lines == 400000 and out == p.stdout and \
        err == "vhart: replay complete: 1 inputs, instruction 400000\n":
    ok("traced recording (--max-insns 400000): the replay's trace is identical (%d lines), and its output" % lines)
else:
    bad("traced: record status %d, replay status %d, traces %s (%d lines), outputs %s, stderr %r" % (
        p.returncode, rc, "same" if same else "differ", lines, "same" if out == p.stdout else "differ", err))
os.unlink(t1)
os.unlink(t2)

# Another program under the same name: the replay runs and diverges.
with open(TEACHOS_SSTC, "rb") as f, open(prog, "wb") as g:
    g.write(f.read())
out, err, rc = replay(["--replay", log])
if rc == 5:
    ok("another image under the same name: status 5")
else:
    bad("another image: status %d, want 5" % rc)
one_line(err, r"vhart: replay diverged at instruction \d+ \([^\n]+\)\n", "another image")
with open(prog, "wb") as g:
    g.write(elf)

# Another program on the command line: refused before anything runs.
out, err, rc = replay(["--replay", log, "--bios", "none", "--kernel", TEACHOS_SSTC])
if rc == 2 and out == b"":
    ok("another --kernel with --replay: status 2, nothing on stdout")
else:
    bad("another --kernel: status %d, stdout %r" % (rc, out[:100]))
one_line(err, re.escape("vhart: --replay %s: recorded on another machine (boot images or command line); leave out "
                        "the machine options to replay it as recorded\n" % log), "another --kernel")

# Truncated, corrupt, foreign logs: one line, status 2.
with open(log, "rb") as f:
    data = f.read()
cases = [
    ("cut5", data[:-5], "truncated or corrupt replay log (event cut short at byte %d)" % (len(data) - 29)),
    ("cut10", data[:-10], "truncated or corrupt replay log (event header cut short at byte %d)" % (len(data) - 29)),
    ("noend", data[:-29], "truncated or corrupt replay log (no end marker at byte %d)" % (len(data) - 29)),
    ("cut100", data[:100], "truncated or corrupt replay log (configuration)"),
    ("foreign", elf[:4096], "not a vhart replay log"),
    ("empty", b"", "not a vhart replay log"),
]
# A check that does not hold (the log edited): the replay reports what differs, where.
off, at = first_check(data)
pc = int.from_bytes(data[off + 20:off + 28], "little")
edits = [
    ("pc", off + 20, "hart 0 pc 0x%x expected 0x%x" % (pc, pc ^ 4)),
    ("registers", off + 28, "hart 0 pc 0x%x: registers differ from the recording" % pc),
    ("console", off, "console output differs from the recording"),
    ("frames", off + 8, "frames sent to the network differ from the recording"),
]
for name, where, msg in edits:
    edited = bytearray(data)
    edited[where] ^= 4
    path = os.path.join(work, "edit-%s.log" % name)
    with open(path, "wb") as f:
        f.write(edited)
    out, err, rc = replay(["--replay", path])
    want = "vhart: replay diverged at instruction %d (%s)\n" % (at, msg)
    if rc == 5 and err == want:
        ok("check with another %s: status 5, %r" % (name, err.strip()))
    else:
        bad("check with another %s: status %d, stderr %r, want 5 and %r" % (name, rc, err, want))

for name, content, msg in cases:
    path = os.path.join(work, name + ".log")
    with open(path, "wb") as f:
        f.write(content)
    out, err, rc = replay(["--replay", path])
    want = "vhart: --replay %s: %s\n" % (path, msg)
    if rc == 2 and out == b"" and err == want:
        ok("%s log: status 2, %r" % (name, err.strip()))
    else:
        bad("%s log: status %d, stderr %r, want 2 and %r" % (name, rc, err, want))

# ---------------------------------------------------------------- 2. Linux with the network
paths = subprocess.run([ROMS, "--print-paths"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
if paths.returncode != 0:
    if os.environ.get("VHART_REQUIRE_GUESTS"):
        bad("Linux guest not built (roms/build.sh)")
    else:
        print("replay_test: %d passed, %d failed (Linux rows skipped: no guest)" % (passes, len(failures)))
        sys.exit(1 if failures else 77)
else:
    env = dict(re.findall(r"^(\w+)=[\"']?([^\"'\n]*)", paths.stdout, re.M))
    for smp in (1, 2):
        log = os.path.join(work, "linux%d.log" % smp)
        prompt = rb"<vh># "
        steps = [
            (rb"=== vhart initramfs[^\r\n]*[\r\n]", b""),
            (rb"[#$] $", b"PS1='<vh>''# '\r"),
            (prompt, b"dmesg -n 2; echo hi; date; cat /proc/uptime\r"),
            (prompt, b"ifconfig eth0 up; udhcpc -i eth0 -q -n -s /bin/true; echo dhcp=$?\r"),
            (prompt, b"poweroff -f\r"),
        ]
        t0 = time.monotonic()
        shown, status = record(["--record", log, "--kernel", env["KERNEL"], "--initrd", env["INITRD"],
                                "--append", "console=ttyS0", "--net", "user", "--smp", str(smp)], steps, timeout=300)
        t_rec = time.monotonic() - t0
        if status == 0 and b"\nhi\r\n" in shown and re.search(rb"\n\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC 2026\r\n", shown) and b"dhcp=0" in shown \
                and b"lease of 10.0.2.15 obtained" in shown:
            ok("Linux --smp " + str(smp) + ": recorded in %.1f s: hi, a 2026 date (the RTC counts from 2026-01-01), a DHCP lease; log %d bytes" % (
                t_rec, os.path.getsize(log)))
        else:
            bad("Linux --smp " + str(smp) + ": record: status %s; output tail %r" % (status, shown[-400:]))
        ev = log_events(log)
        typed = b"".join(t for _, t in steps)
        if b"".join(ev.get(1, [])) == typed:
            ok("Linux --smp " + str(smp) + ": log: the console bytes are exactly the %d typed" % len(typed))
        else:
            bad("Linux --smp " + str(smp) + ": log: console bytes %r, typed %r" % (b"".join(ev.get(1, [])), typed))
        frames = ev.get(2, [])
        # DHCP offer and ack: UDP from port 67 to 68 (IPv4 at 14, UDP ports at 34..37 for a 20-byte header).
        dhcp = [f for f in frames if len(f) > 37 and f[12:14] == b"\x08\x00" and f[34:38] == b"\x00\x43\x00\x44"]
        if len(dhcp) == 2:
            ok("Linux --smp " + str(smp) + ": log: %d network frames, 2 of them DHCP replies (offer, ack)" % len(frames))
        else:
            bad("Linux --smp " + str(smp) + ": log: %d network frames, %d DHCP replies (want 2)" % (len(frames), len(dhcp)))
        t0 = time.monotonic()
        out, err, rc = replay(["--replay", log])
        t_rep = time.monotonic() - t0
        if rc == 0 and out == shown:
            ok("Linux --smp " + str(smp) + ": replay in %.1f s: status 0, stdout byte-identical to the recorded session (%d bytes)" % (
                t_rep, len(out)))
        else:
            bad("Linux --smp " + str(smp) + ": replay: status %d, %d bytes vs %d recorded, first difference at %s; stderr %r" % (
                rc, len(out), len(shown),
                next((i for i, (a, b) in enumerate(zip(out, shown)) if a != b), "the end"), err))
        want = len(ev.get(1, [])) + len(frames)
        m = re.fullmatch(r"vhart: replay complete: (\d+) inputs, instruction \d+\n", err)
        if m and int(m.group(1)) == want:
            ok("Linux --smp " + str(smp) + ": replay: %s inputs delivered, as many as the log's console and network events" % m.group(1))
        else:
            bad("Linux --smp " + str(smp) + ": replay: stderr %r, want %d inputs" % (err, want))

print("replay_test: %d passed, %d failed" % (passes, len(failures)))
sys.exit(1 if failures else 0)
