#!/usr/bin/env python3
"""Reverse execution with record/replay and the network (docs/debugging.md "Requirements",
docs/replay.md "With reverse execution").

usage: reverse_replay_test.py VHART TEACHOS_ELF [ROMS_BUILD_SH]   (with it, part 3 on roms/build.sh's Linux)

1. --replay: teachos recorded on a pty ('a' typed after "interrupts on", then 'q'), then replayed
   with the REPL (--debug-cmd): uart_getc's first hit (the 'a'), `step 5`, `step 15`, two more hits
   (the 'q' read), `rcontinue` twice back to the first hit, `step 20`, `rstep 15`, two `continue`s:
   every state reached backwards, and forwards again after going back past the 'q' (re-injected
   from the log), has exactly the registers of the forward run there; then the replay runs to its
   end: "vhart: replay complete: 2 inputs, instruction N" with N the plain replay's, status 0.
2. --record with a history: teachos with its serial line on a Unix socket and the REPL on a script:
   'a' typed, the hit in uart_getc, `rstep 3000` (before the 'a' arrived), `continue` to the same
   hit (the 'a' re-injected from the log: the same registers), then 'q' typed to the end. The log
   holds the console bytes 'a' and 'q' once each; its replay (no debugger) completes with status
   0 and "2 inputs", and prints the recorded session's output without the stretch re-run forward
   (the recorded output is the replay's up to the point gone back from, then the replay's from the
   point gone back to).
3. --linux: Linux with --net user under a history (REPL script, serial on a socket): `udhcpc`
   obtains a lease ("dhcp=0"), `poweroff -f` stops at a breakpoint on kernel_power_off; `rcontinue` to the start
   of the history, `continue` runs the whole boot and the DHCP exchange again from the log (frames
   the guest sends are not sent to slirp again): the same breakpoint hit at the same position with
   the same registers.
Exit status 0 when every check passes, 1 otherwise, 77 when the Linux guest is missing (parts 1 and 2
passed; a failure instead when VHART_REQUIRE_GUESTS is set).
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

try:
    import pexpect
except ImportError:
    sys.stderr.write("reverse_replay_test: python3 module pexpect is missing\n")
    sys.exit(2)

VHART, TEACHOS = sys.argv[1:3]
ROMS = sys.argv[3] if len(sys.argv) > 3 else None
failures = []
work = tempfile.mkdtemp(prefix="vhart-revrec-")


def check(cond, what, detail=""):
    if cond:
        print("ok: " + what)
    else:
        failures.append(what)
        print("FAIL: %s %s" % (what, detail), file=sys.stderr)


def regs_blocks(out):
    """Every `regs` answer in a REPL transcript, as a dict of register -> value."""
    blocks = []
    for m in re.finditer(r"\(vhart\) regs\n((?:.*\n){1,12}?)\(vhart\)", out):
        blocks.append(dict(re.findall(r"\b([a-z][a-z0-9]*)\s+(0x[0-9a-f]{16})", m.group(1))))
    return blocks


def run_script(args, lines, timeout=300):
    cmd = os.path.join(work, "cmds%d" % len(os.listdir(work)))
    with open(cmd, "w") as f:
        f.write("\n".join(lines) + "\n")
    p = subprocess.run([VHART] + args + ["--debug-cmd", cmd], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=timeout)
    return p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace"), p.returncode


def positions(out):
    return [int(x) for x in re.findall(r"history: instructions \d+\.\.(\d+)", out)]


# ---------------------------------------------------------------- 1. --replay
log = os.path.join(work, "teachos.log")
child = pexpect.spawn(VHART, ["--record", log, "--bios", "none", "--kernel", TEACHOS], timeout=120)
child.expect(rb"interrupts on")
time.sleep(0.2)
child.send(b"a")
child.expect(rb"you typed: a")
time.sleep(0.2)
child.send(b"q")
child.expect(pexpect.EOF)
child.close()
check(child.exitstatus == 0, "teachos recorded on a pty")
plain = subprocess.run([VHART, "--replay", log], stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
plain_err = plain.stderr.decode()
check(re.fullmatch(r"vhart: replay complete: 2 inputs, instruction \d+\n", plain_err) is not None,
      "plain replay: " + plain_err.strip())

out, err, rc = run_script(["--replay", log], [
    "break uart_getc", "continue", "regs",                     # 0: first hit ('a')
    "step 5", "regs", "step 15", "regs",                       # 1: +5, 2: +20
    "continue", "continue", "regs",                            # 3: third hit (the 'q')
    "rcontinue", "rcontinue", "regs",                          # 4: back to the first
    "step 20", "regs",                                         # 5: +20 again
    "rstep 15", "regs",                                        # 6: +5 backwards
    "continue", "continue", "regs",                            # 7: the 'q' again, from the log
    "delete 1", "continue"])
r = regs_blocks(out)
if len(r) == 8:
    check(r[0] != r[1] != r[2] != r[3], "replay: the forward states differ (hit, +5, +20, hit on 'q')")
    check(r[4] == r[0], "replay: rcontinue x2 lands on the first hit with its registers")
    check(r[5] == r[2], "replay: step 20 after going back: the forward run's registers")
    check(r[6] == r[1], "replay: rstep 15: the registers of the forward run 5 steps after the hit",
          "%r vs %r" % (r[6], r[1]))
    check(r[7] == r[3], "replay: forward again past the 'q' (re-injected from the log): same registers")
else:
    check(False, "replay: 8 regs answers", "got %d: %s" % (len(r), out[-2000:]))
check(rc == 0 and err == plain_err, "replay with reverse steps ends as the plain replay (status %d): %s" % (rc, err.strip()),
      repr(err))
check(out.count("teachos: bye") == 1, "replay with reverse steps: teachos says bye")

# ---------------------------------------------------------------- 2. --record with a history
sock_path = os.path.join(work, "serial.sock")
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(sock_path)
srv.listen(1)
log2 = os.path.join(work, "history.log")
cmd2 = os.path.join(work, "record.cmd")
with open(cmd2, "w") as f:
    f.write("\n".join(["break uart_getc", "continue", "regs", "info record", "rstep 3000", "info record",
                       "continue", "regs", "info record", "delete 1", "continue"]) + "\n")
proc = subprocess.Popen([VHART, "--record", log2, "--bios", "none", "--kernel", TEACHOS, "--serial", "unix:" + sock_path,
                         "--debug-cmd", cmd2], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
srv.settimeout(30)
conn, _ = srv.accept()
conn.settimeout(120)
serial = bytearray()


def wait_for(pattern, count=1):
    while serial.count(pattern) < count:
        b = conn.recv(4096)
        if not b:
            raise EOFError(pattern)
        serial.extend(b)


try:
    wait_for(b"interrupts on")
    time.sleep(0.2)
    conn.sendall(b"a")
    wait_for(b"you typed: a")   # after the hit, the reverse step and the hit again
    time.sleep(0.2)
    conn.sendall(b"q")
    wait_for(b"teachos: bye")
    while True:
        b = conn.recv(4096)
        if not b:
            break
        serial.extend(b)
except (EOFError, socket.timeout) as e:
    check(False, "record with a history: the serial dialogue", repr(e))
o2, e2 = proc.communicate(timeout=120)
o2 = o2.decode(errors="replace")
r = regs_blocks(o2)
pos = positions(o2)
check(proc.returncode == 0 and len(r) == 2 and r[0] == r[1],
      "record with a history: the hit after going back before the 'a' has the same registers",
      "status %d, %d regs, %s" % (proc.returncode, len(r), o2[-1500:]))
check(len(pos) == 3 and pos[1] < pos[0] - 2000 and pos[2] == pos[0],
      "record with a history: rstep 3000 went back, continue reached the same position %s" % pos)
with open(log2, "rb") as f:
    b = f.read()
at = 24 + int.from_bytes(b[12:16], "little")
console = []
while at < len(b):
    kind, length = b[at], int.from_bytes(b[at + 17:at + 21], "little")
    if kind == 1:
        console.append(b[at + 21:at + 21 + length])
    at += 21 + length
check(console == [b"a", b"q"], "record with a history: the log's console bytes are 'a', 'q' once each (%r)" % console)
p = subprocess.run([VHART, "--replay", log2], stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
rerr = p.stderr.decode()
check(p.returncode == 0 and re.fullmatch(r"vhart: replay complete: 2 inputs, instruction \d+\n", rerr) is not None,
      "replay of the log recorded with reverse steps: status %d, %s" % (p.returncode, rerr.strip()))
rec, rep = bytes(serial), p.stdout
k = 0
while k < min(len(rec), len(rep)) and rec[k] == rep[k]:
    k += 1
check(rep.count(b"you typed: a") == 1 and rep.endswith(b"teachos: bye\r\n") and rep.endswith(rec[k:])
      and len(rec) > len(rep),
      "replay output: the recorded session's, the re-run stretch once (%d bytes, recorded %d)" % (len(rep), len(rec)),
      "%r | %r | %r" % (rec[k - 100:k + 100], rep[k - 100:k + 100], rep[-200:]))

# ---------------------------------------------------------------- 3. --net under a history
LINUX = None
if ROMS:
    paths = subprocess.run([ROMS, "--print-paths"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    env = dict(re.findall(r"^(\w+)=[\"']?([^\"'\n]*)", paths.stdout, re.M))
    LINUX = [env.get(k, "") for k in ("KERNEL", "INITRD", "VMLINUX")]
    if paths.returncode != 0 or not all(os.path.exists(x) for x in LINUX):
        LINUX = None
        if os.environ.get("VHART_REQUIRE_GUESTS"):
            check(False, "Linux guest built (roms/build.sh)")
        else:
            print("skip: no Linux guest (roms/build.sh)")
            sys.exit(1 if failures else 77)
if LINUX:
    kernel, initrd, vmlinux = LINUX
    sock3 = os.path.join(work, "linux.sock")
    srv3 = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv3.bind(sock3)
    srv3.listen(1)
    cmd3 = os.path.join(work, "linux.cmd")
    with open(cmd3, "w") as f:
        f.write("\n".join(["break kernel_power_off", "continue", "regs", "info record", "delete 1",
                           "break kernel_power_off", "rcontinue", "info record", "continue", "regs",
                           "info record", "delete 2", "continue"]) + "\n")
    proc = subprocess.Popen([VHART, "--icount", "--kernel", kernel, "--initrd", initrd, "--append", "console=ttyS0",
                             "--net", "user", "--symbols", vmlinux, "--serial", "unix:" + sock3,
                             "--debug-cmd", cmd3], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    srv3.settimeout(60)
    conn, _ = srv3.accept()
    conn.settimeout(300)
    serial = bytearray()
    try:
        wait_for(b"# ")
        conn.sendall(b"ifconfig eth0 up; udhcpc -i eth0 -q -n -s /bin/true; echo dhcp=$?; poweroff -f\r")
        wait_for(b"dhcp=0")
        while True:
            b = conn.recv(4096)
            if not b:
                break
            serial.extend(b)
    except (EOFError, socket.timeout) as e:
        check(False, "net: the shell dialogue", repr(e) + repr(bytes(serial[-500:])))
    o3, e3 = proc.communicate(timeout=600)
    o3 = o3.decode(errors="replace")
    r = regs_blocks(o3)
    pos = positions(o3)
    check(serial.count(b"lease of 10.0.2.15 obtained") == 2 and serial.count(b"dhcp=0") == 2,
          "net: udhcpc obtained a lease from slirp, and again from the log after going back")
    check(len(r) == 2 and r[0] == r[1] and r[0].get("pc") is not None,
          "net: kernel_power_off hit again after going back to the start, same registers",
          "%d regs; %s" % (len(r), o3[-1500:]))
    check(len(pos) == 3 and pos[1] < pos[0] and pos[2] == pos[0],
          "net: back to the start and forward to the same position %s (the DHCP frames from the log)" % pos)
    check(proc.returncode == 0, "net: powered off, status %d" % proc.returncode, e3.decode()[-500:])

print("%d checks failed" % len(failures) if failures else "all checks passed")
sys.exit(1 if failures else 0)
