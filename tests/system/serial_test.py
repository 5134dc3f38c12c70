#!/usr/bin/env python3
"""The serial line's backends (--serial; docs/usage.md "The serial line"), driven from outside.

usage: serial_test.py VHART TEACHOS_ELF HELLO_ELF [--linux]

Rows (each checks the exact message and exit status):
- file:PATH with examples/hello: the file holds exactly the guest's line, vhart's stdout is empty.
- bad specs, an unwritable file, a port in use, a refused connection: one line, status 2.
- tcp:127.0.0.1:0,server (waits): the announced port is on 127.0.0.1; teachos's boot banner arrives
  from its first line; 'a' -> "you typed: a", 'q' -> "teachos: bye", status 0.
- tcp:...,server,nowait: a client connects, hangs up, a second one connects and drives the guest.
- tcp:127.0.0.1:PORT (client): vhart connects to the test's listener.
- unix:PATH,server: the same dialogue; the socket file is gone after the run.
- pty: the announced /dev/pts/N opened, typed to, read from; on vhart's own terminal Ctrl-A x quits,
  and a key typed there does not reach the guest.
- --record with --serial unix:...,server, then --replay on stdio: the same dialogue replayed.
- --linux: Linux + busybox (roms/build.sh) with --serial pty: the shell driven over the pty, a
  transcript printed; status 77 when the images are missing (unless VHART_REQUIRE_GUESTS is set).
"""

import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import time

VHART, TEACHOS, HELLO = sys.argv[1:4]
LINUX = "--linux" in sys.argv[4:]
failures = []
passes = 0


def ok(msg):
    global passes
    passes += 1
    print("ok: " + msg)


def bad(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


class Line:
    """Bytes from a descriptor (socket or pty), matched against regexes with a timeout."""

    def __init__(self, fd, send):
        self.fd, self._send, self.buf = fd, send, b""

    def expect(self, pattern, timeout=30):
        rx = re.compile(pattern.encode() if isinstance(pattern, str) else pattern)
        end = time.time() + timeout
        while True:
            m = rx.search(self.buf)
            if m:
                before, self.buf = self.buf[:m.start()], self.buf[m.end():]
                return before + m.group(0)
            left = end - time.time()
            if left <= 0:
                raise TimeoutError("no %r in %r" % (pattern, self.buf[-300:]))
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    data = b""
                if not data:
                    time.sleep(0.05)
                self.buf += data

    def send(self, b):
        self._send(b)


def start(args, stdin=subprocess.DEVNULL):
    return subprocess.Popen([VHART] + args, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def stderr_line(p, pattern, timeout=20):
    """Read vhart's stderr until a line matches; returns the match."""
    end = time.time() + timeout
    seen = b""
    while time.time() < end:
        r, _, _ = select.select([p.stderr], [], [], end - time.time())
        if not r:
            break
        line = p.stderr.readline()
        if not line:
            break
        seen += line
        m = re.search(pattern, line.decode())
        if m:
            return m
    raise TimeoutError("no %r on stderr: %r" % (pattern, seen))


def finish(p, timeout=30):
    out, err = p.communicate(timeout=timeout)
    return p.returncode, out.decode(errors="replace"), err.decode(errors="replace")


def dialogue(line, what, banner=True):
    """teachos: the boot banner (when the line was there from the start), a key echoed, q quits."""
    if banner:
        first = line.expect(r"interrupts on; type a key \(q quits\)\r?\n")
        if not first.lstrip(b"\r\n").startswith(b"teachos: hart 0 booted in M-mode"):
            raise AssertionError("%s: the output does not start with the boot banner: %r" % (what, first[:80]))
    else:
        line.expect(r"tick \d+\r?\n")
    line.send(b"a")
    line.expect(r"you typed: a\r?\n")
    line.send(b"q")
    line.expect(r"teachos: bye\r?\n")


def expect_error(args, message, what):
    p = subprocess.run([VHART] + args, stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
    err = p.stderr.decode()
    if p.returncode == 2 and err == message + "\n":
        ok(what)
    else:
        bad("%s: status %d, stderr %r (expected 2, %r)" % (what, p.returncode, err, message))


def row(fn):
    try:
        fn()
    except Exception as e:  # one row's failure must not hide the others
        bad("%s: %s: %s" % (fn.__name__, type(e).__name__, e))


def file_row():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "serial.txt")
        with open(path, "w") as f:
            f.write("old contents, to be truncated\n" * 10)
        p = subprocess.run([VHART, "--serial", "file:" + path, HELLO], stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=30)
        data = open(path, "rb").read()
        if p.returncode == 0 and data == b"Hello from a RISC-V guest on vhart! (hart 0)\n" and p.stdout == b"" \
                and p.stderr == b"":
            ok("file: the file holds exactly the guest's output, stdout empty")
        else:
            bad("file: status %d, file %r, stdout %r, stderr %r" % (p.returncode, data, p.stdout, p.stderr))


def error_rows():
    expect_error(["--serial", "bogus", HELLO],
                 "vhart: --serial bogus: unknown backend 'bogus' (stdio, null, file:PATH, unix:PATH[,server], "
                 "tcp:[HOST]:PORT[,server], pty)", "bad spec: unknown backend")
    expect_error(["--serial", "tcp:127.0.0.1:99999,server", HELLO],
                 "vhart: --serial tcp:127.0.0.1:99999,server: bad port '99999' (0..65535)", "bad spec: port")
    expect_error(["--serial", "tcp::4444,server,bogus", HELLO],
                 "vhart: --serial tcp::4444,server,bogus: unknown option 'bogus' (server, nowait)", "bad spec: option")
    expect_error(["--serial", "tcp::0", HELLO],
                 "vhart: --serial tcp::0: port 0 is for a server only (any free port)", "bad spec: client port 0")
    expect_error(["--serial", "file:/nonexistent-dir/x", HELLO],
                 "vhart: --serial file:/nonexistent-dir/x: cannot write /nonexistent-dir/x: No such file or directory",
                 "unwritable file")
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    port = s.getsockname()[1]
    expect_error(["--serial", "tcp:127.0.0.1:%d,server" % port, HELLO],
                 "vhart: --serial tcp:127.0.0.1:%d,server: cannot listen: Address already in use" % port, "port in use")
    s.close()
    expect_error(["--serial", "tcp:127.0.0.1:%d" % port, HELLO],
                 "vhart: --serial tcp:127.0.0.1:%d: cannot connect: Connection refused" % port, "connection refused")


def sock_line(s):
    return Line(s.fileno(), s.sendall)


def tcp_server_row():
    p = start(["--serial", "tcp::0,server", TEACHOS])
    m = stderr_line(p, r"^vhart: serial waiting for a connection on tcp:(\S+):(\d+)$")
    if m.group(1) != "127.0.0.1":
        bad("tcp server: listens on %s, not on loopback" % m.group(1))
    s = socket.create_connection(("127.0.0.1", int(m.group(2))))
    dialogue(sock_line(s), "tcp server")
    rc, out, err = finish(p)
    s.close()
    if rc == 0 and out == "" and err == "":
        ok("tcp server (wait): banner from the first line, a typed key echoed, q -> status 0")
    else:
        bad("tcp server: status %d stdout %r stderr %r" % (rc, out, err))


def tcp_reconnect_row():
    p = start(["--serial", "tcp:127.0.0.1:0,server,nowait", TEACHOS])
    m = stderr_line(p, r"^vhart: serial listening on tcp:127\.0\.0\.1:(\d+)$")
    port = int(m.group(1))
    s = socket.create_connection(("127.0.0.1", port))
    sock_line(s).expect(r"tick \d+\r?\n")
    s.close()
    time.sleep(0.3)
    s = socket.create_connection(("127.0.0.1", port))
    dialogue(sock_line(s), "tcp reconnect", banner=False)
    rc, out, err = finish(p)
    s.close()
    if rc == 0:
        ok("tcp server (nowait): a second client after the first hung up drives the guest")
    else:
        bad("tcp reconnect: status %d stderr %r" % (rc, err))


def tcp_client_row():
    ls = socket.socket()
    ls.bind(("127.0.0.1", 0))
    ls.listen(1)
    port = ls.getsockname()[1]
    p = start(["--serial", "tcp:127.0.0.1:%d" % port, TEACHOS])
    ls.settimeout(20)
    s, _ = ls.accept()
    dialogue(sock_line(s), "tcp client")
    rc, out, err = finish(p)
    s.close()
    ls.close()
    if rc == 0 and err == "":
        ok("tcp client: vhart connects to a listener, the guest is driven over it")
    else:
        bad("tcp client: status %d stderr %r" % (rc, err))


def unix_row():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "serial.sock")
        p = start(["--serial", "unix:%s,server" % path, TEACHOS])
        m = stderr_line(p, r"^vhart: serial waiting for a connection on unix:(.+)$")
        s = socket.socket(socket.AF_UNIX)
        s.connect(m.group(1))
        dialogue(sock_line(s), "unix server")
        rc, out, err = finish(p)
        s.close()
        if rc == 0 and m.group(1) == path and not os.path.exists(path):
            ok("unix server: the dialogue over the socket; the socket file removed at exit")
        else:
            bad("unix server: status %d, path %r, exists after %s, stderr %r" % (rc, m.group(1), os.path.exists(path), err))


def pty_line(name):
    fd = os.open(name, os.O_RDWR | os.O_NOCTTY)
    return fd, Line(fd, lambda b: os.write(fd, b))


def pty_row():
    p = start(["--serial", "pty", TEACHOS])
    m = stderr_line(p, r"^vhart: serial on (/dev/pts/\d+)$")
    fd, line = pty_line(m.group(1))
    dialogue(line, "pty", banner=False)
    rc, out, err = finish(p)
    os.close(fd)
    if rc == 0 and out == "" and err == "":
        ok("pty: the announced terminal drives the guest")
    else:
        bad("pty: status %d stdout %r stderr %r" % (rc, out, err))


def pty_ctrl_a_row():
    try:
        import pexpect
    except ImportError:
        bad("pty Ctrl-A: python3 module pexpect is missing")
        return
    c = pexpect.spawn(VHART, ["--serial", "pty", TEACHOS], timeout=30)
    c.expect(r"vhart: serial on (/dev/pts/\d+)\r\n")
    fd, line = pty_line(c.match.group(1).decode())
    line.expect(r"tick \d+\r?\n")
    c.send("z")              # on vhart's terminal: not the guest's
    time.sleep(0.5)
    line.send(b"b")
    before = line.expect(r"you typed: b\r?\n")
    c.send("\x01x")          # Ctrl-A x on vhart's terminal
    c.expect(pexpect.EOF)
    c.close()
    os.close(fd)
    tail = c.before.decode(errors="replace")
    if b"you typed: z" not in before and "vhart: quit from the console (Ctrl-A x)" in tail:
        ok("pty: a key on vhart's terminal does not reach the guest; Ctrl-A x there quits")
    else:
        bad("pty Ctrl-A: guest saw %r; terminal showed %r" % (before[-200:], tail))


def record_replay_row():
    with tempfile.TemporaryDirectory() as d:
        path, log = os.path.join(d, "s.sock"), os.path.join(d, "run.log")
        p = start(["--record", log, "--serial", "unix:%s,server" % path, TEACHOS])
        stderr_line(p, r"^vhart: serial waiting")
        s = socket.socket(socket.AF_UNIX)
        s.connect(path)
        line = sock_line(s)
        dialogue(line, "record")
        rc, _, err = finish(p)
        s.close()
        r = subprocess.run([VHART, "--replay", log, TEACHOS], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
        out = r.stdout.decode(errors="replace")
        if rc == 0 and r.returncode == 0 and "you typed: a" in out and out.rstrip().endswith("teachos: bye") and \
                re.fullmatch(r"vhart: replay complete: 2 inputs, instruction \d+\n", r.stderr.decode()):
            ok("record with --serial unix server, replayed on stdio: the same dialogue")
        else:
            bad("record/replay: record status %d (%r), replay status %d stdout tail %r stderr %r"
                % (rc, err, r.returncode, out[-100:], r.stderr))


def linux_row():
    roms = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "roms", "build.sh")
    env = subprocess.run([roms, "--print-paths"], capture_output=True, text=True).stdout
    paths = dict(re.findall(r"(\w+)=['\"]?([^'\"\n]+)", env))
    if not paths.get("KERNEL") or not os.path.exists(paths["KERNEL"]):
        if os.environ.get("VHART_REQUIRE_GUESTS"):
            bad("linux: the kernel from roms/build.sh is missing")
        return 77
    p = start(["--serial", "pty", "--kernel", paths["KERNEL"], "--initrd", paths["INITRD"], "--append",
               "console=ttyS0"])
    m = stderr_line(p, r"^vhart: serial on (/dev/pts/\d+)$")
    fd, line = pty_line(m.group(1))
    transcript = []
    got = line.expect(r"[#$] $", timeout=180)
    transcript.append(got)
    for cmd, want in (("echo serial-$((6*7))", r"serial-42"), ("uname -m", r"riscv64"),
                      ("cat /proc/tty/driver/serial | head -2", r"uart:16550A")):
        line.send(cmd.encode() + b"\r")
        got = line.expect(r"[#$] $", timeout=60)
        transcript.append(got)
        if not re.search(want, got.decode(errors="replace")):
            bad("linux: `%s` gave %r" % (cmd, got))
    line.send(b"poweroff -f\r")
    rc, out, err = finish(p, timeout=60)
    os.close(fd)
    print("--- transcript of the --serial pty session (%s) ---" % m.group(1))
    print(b"".join(transcript).decode(errors="replace").replace("\r", "")[-1500:])
    print("--- end ---")
    if rc == 0 and out == "":
        ok("linux: a shell on --serial pty, three commands, poweroff -> status 0")
    else:
        bad("linux: status %d, stdout %r, stderr %r" % (rc, out[-200:], err[-300:]))
    return 0


for fn in (file_row, error_rows, tcp_server_row, tcp_reconnect_row, tcp_client_row, unix_row, pty_row,
           pty_ctrl_a_row, record_replay_row):
    row(fn)
skipped = False
if LINUX:
    try:
        skipped = linux_row() == 77
    except Exception as e:
        bad("linux: %s: %s" % (type(e).__name__, e))
print("serial_test: %d passed, %d failed%s" % (passes, len(failures), ", Linux skipped" if skipped else ""))
sys.exit(1 if failures else 77 if skipped else 0)
