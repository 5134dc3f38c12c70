#!/usr/bin/env python3
"""System test of vhart's gdb stub (--gdb PORT, --gdb-wait): Debian's gdb-multiarch in batch mode
against the example guests with exact values, the remote protocol spoken by hand (malformed,
oversized and binary packets), and --gdb on a port already in use.

usage: gdb_test.py [-v] [--tool-prefix PREFIX] VHART EXAMPLES_DIR
  EXAMPLES_DIR is the build tree's examples/ (hello.elf, primes.elf, teachos/teachos.elf);
  PREFIX names nm and objdump (default riscv64-unknown-elf-).
Exits 0 when every check passes, 1 on a failure, 77 (skipped) without gdb-multiarch.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

VERBOSE = "-v" in sys.argv
args = [a for a in sys.argv[1:] if a != "-v"]
TOOL_PREFIX = "riscv64-unknown-elf-"
if len(args) >= 2 and args[0] == "--tool-prefix":
    TOOL_PREFIX = args[1]
    args = args[2:]
if len(args) != 2:
    sys.exit(__doc__)
VHART, EXAMPLES = os.path.abspath(args[0]), os.path.abspath(args[1])
HELLO = os.path.join(EXAMPLES, "hello.elf")
PRIMES = os.path.join(EXAMPLES, "primes.elf")
TEACHOS = os.path.join(EXAMPLES, "teachos", "teachos.elf")
GDB = shutil.which("gdb-multiarch")
NM = shutil.which(TOOL_PREFIX + "nm")
OBJDUMP = shutil.which(TOOL_PREFIX + "objdump")
if not GDB:
    print("SKIP: gdb-multiarch not installed (apt-get install gdb-multiarch)")
    sys.exit(77)
if not NM or not OBJDUMP:
    print("SKIP: %snm/objdump not installed (binutils-riscv64-unknown-elf)" % TOOL_PREFIX)
    sys.exit(77)

failures = []


def check(cond, what, output=""):
    if cond:
        if VERBOSE:
            print("ok   " + what)
        return True
    failures.append(what)
    print("FAIL " + what)
    if output:
        print("---- output ----\n" + output.rstrip() + "\n----------------")
    return False


def expect_lines(output, lines, scenario):
    """Each entry of lines must appear in output as a whole line (or a regex if compiled)."""
    out_lines = output.splitlines()
    for want in lines:
        if isinstance(want, re.Pattern):
            ok = any(want.fullmatch(line) for line in out_lines)
            shown = want.pattern
        else:
            ok = want in out_lines
            shown = want
        if not check(ok, "%s: %r in gdb's output" % (scenario, shown), output):
            return False
    return True


def symbols(elf):
    syms = {}
    for line in subprocess.run([NM, elf], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms[parts[2]] = int(parts[0], 16)
    return syms


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Vhart:
    """vhart --gdb PORT [--gdb-wait] ELF in the background, its output in temporary files."""

    def __init__(self, elf, *extra, wait=True):
        self.out = tempfile.TemporaryFile(mode="w+")
        self.err = tempfile.TemporaryFile(mode="w+")
        for _ in range(5):
            self.port = free_port()
            self.proc = subprocess.Popen([VHART, "--gdb", str(self.port), *(["--gdb-wait"] if wait else []),
                                          *extra, elf],
                                         stdin=subprocess.DEVNULL, stdout=self.out, stderr=self.err)
            time.sleep(0.05)
            if self.proc.poll() is None or "port in use" not in self.stderr():
                return
            self.err.seek(0)
            self.err.truncate()   # someone took the port in between: try another

    def stdout(self):
        self.out.seek(0)
        return self.out.read()

    def stderr(self):
        self.err.seek(0)
        return self.err.read()

    def wait(self, timeout=20):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def gdb_batch(elf, port, commands, timeout=60):
    """gdb-multiarch -batch with ELF's symbols, connected to :port, running commands."""
    argv = [GDB, "-nx", "-batch", "-ex", "set architecture riscv:rv64", "-ex", "set tcp connect-timeout 20",
            "-ex", "set remotetimeout 20",
            "-ex", "target remote 127.0.0.1:%d" % port]
    for c in commands:
        argv += ["-ex", c]
    argv.append(elf)
    r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if VERBOSE:
        print("$ gdb-multiarch -batch " + " ".join("-ex '%s'" % c for c in commands) + " " + os.path.basename(elf))
        print(r.stdout + r.stderr)
    return r.stdout + r.stderr


def insn_before(elf, addr):
    """objdump's (address, mnemonic) of the instruction that ends at addr."""
    prev = None
    for line in subprocess.run([OBJDUMP, "-d", elf], capture_output=True, text=True, check=True).stdout.splitlines():
        m = re.match(r"\s*([0-9a-f]+):\s+([0-9a-f]+)\s+(\S+)", line)
        if not m:
            continue
        a = int(m.group(1), 16)
        if a == addr:
            return prev
        prev = (a, m.group(3))
    return None


# ---------------------------------------------------------------- scenarios


def scenario_primes_break_step_watch():
    """break at main, registers, memory, stepi, threads, a write watchpoint, kill."""
    name = "primes"
    syms = symbols(PRIMES)
    main, composite = syms["main"], syms["composite"]
    # gdb reads the expected bytes of main from the ELF file itself, with no target.
    words = subprocess.run([GDB, "-nx", "-batch", "-ex", "x/4xw 0x%x" % main, PRIMES],
                           capture_output=True, text=True, timeout=30).stdout.strip()
    first = int(words.split()[2], 16)
    step_len = 4 if first & 3 == 3 else 2
    v = Vhart(PRIMES)
    out = gdb_batch(PRIMES, v.port, [
        "break *0x%x" % main, "continue", "info registers pc", "x/4xw 0x%x" % main, "stepi", "p $pc",
        "info threads", "x/4xw 0", "echo \\n", "p $priv", "watch *(char *)0x%x" % (composite + 4), "continue", "p $pc",
        "kill"])
    ok = expect_lines(out, [
        "Breakpoint 1 at 0x%x" % main,
        "Breakpoint 1, 0x%016x in main ()" % main,
        "pc             0x%x\t0x%x <main>" % (main, main),
        words,
        "$1 = (void (*)()) 0x%x <main+%d>" % (main + step_len, step_len),
        re.compile(r"\* 1    Thread 1 \(hart 0, M-mode\) 0x%016x in main \(\)" % (main + step_len)),
        "$2 = 3",
        "Hardware watchpoint 2: *(char *)0x%x" % (composite + 4),
        "Old value = 0 '\\000'",
        "New value = 1 '\\001'",
        "[Inferior 1 (Remote target) killed]",
    ], name)
    # gdb writes errors to stderr, which may interleave with stdout anywhere in a line.
    check("Cannot access memory at address 0x0" in out, name + ": x/4xw 0 cannot access memory", out)
    m = re.search(r"^\$3 = \(void \(\*\)\(\)\) 0x([0-9a-f]+) <main\+\d+>$", out, re.M)
    if check(m, name + ": the pc after the watchpoint", out) and ok:
        pc = int(m.group(1), 16)
        before = insn_before(PRIMES, pc)
        check(before is not None and before[1] in ("sb", "c.sb"),
              name + ": the watchpoint stops right after the store (instruction before 0x%x: %s)" % (pc, before),
              out)
    check(v.wait() == 0, name + ": vhart exits 0 after kill", v.stderr())
    v.stop()


def scenario_hello_smp2_threads_exit():
    """--smp 2: two threads; continuing to the end reports the exit; the guest's output is intact."""
    name = "hello --smp 2"
    v = Vhart(HELLO, "--smp", "2")
    out = gdb_batch(HELLO, v.port, ["info threads", "continue"])
    expect_lines(out, [
        "* 1    Thread 1 (hart 0, M-mode) 0x0000000000001000 in ?? ()",
        "  2    Thread 2 (hart 1, M-mode) 0x0000000000001000 in ?? ()",
        "[Inferior 1 (Remote target) exited normally]",
    ], name)
    check(v.wait() == 0, name + ": vhart exits 0", v.stderr())
    check("Hello from a RISC-V guest on vhart! (hart 0)" in v.stdout(), name + ": the guest's greeting", v.stdout())
    v.stop()


def scenario_exit_status_through_gdb():
    """A changed register changes the guest's exit status, which gdb and vhart both report."""
    name = "exit status"
    v = Vhart(HELLO)
    out = gdb_batch(HELLO, v.port, ["break htif_exit", "continue", "p $a0", "set $a0 = 3", "continue"])
    expect_lines(out, [
        "Breakpoint 1, 0x%016x in htif_exit ()" % symbols(HELLO)["htif_exit"],
        "$1 = 0",
        "[Inferior 1 (Remote target) exited with code 03]",
    ], name)
    check(v.wait() == 3, name + ": vhart exits with the guest's status 3", v.stderr())
    v.stop()


def scenario_teachos_smp2_second_hart_breaks():
    """teachos --smp 2: hart 1 reaches m_start after hart 0 and is reported as thread 2."""
    name = "teachos --smp 2"
    v = Vhart(TEACHOS, "--smp", "2")
    out = gdb_batch(TEACHOS, v.port, [
        "break m_start", "continue", "p $a0", "continue", "p $a0", "p/x $mhartid", "p $priv", "info threads",
        "kill"])
    expect_lines(out, [
        re.compile(r"Thread 1 hit Breakpoint 1, m_start \(hartid=0, dtb=\d+\) at .*mstart\.c:\d+"),
        "$1 = 0",
        re.compile(r"Thread 2 hit Breakpoint 1, m_start \(hartid=1, dtb=\d+\) at .*mstart\.c:\d+"),
        "$2 = 1",
        "$3 = 0x1",
        "$4 = 3",
        # With a host thread per hart (the default), hart 0 runs on in parallel until the world
        # stops, and may be in S-mode by then (docs/threads.md).
        re.compile(r"  1    Thread 1 \(hart 0, [MS]-mode\) .*"),
        re.compile(r"\* 2    Thread 2 \(hart 1, M-mode\) m_start \(hartid=1, .*"),
        "[Inferior 1 (Remote target) killed]",
    ], name)
    check(v.wait() == 0, name + ": vhart exits 0 after kill", v.stderr())
    v.stop()


def scenario_teachos_ctrl_c_and_detach():
    """teachos idles in wfi: gdb's Ctrl-C stops it in S-mode; detach lets it run on."""
    name = "teachos Ctrl-C"
    v = Vhart(TEACHOS)
    argv = [GDB, "-nx", "-batch", "-ex", "set architecture riscv:rv64", "-ex", "set tcp connect-timeout 20",
            "-ex", "set remotetimeout 20",
            "-ex", "target remote 127.0.0.1:%d" % v.port, "-ex", "continue", "-ex", "p $priv",
            "-ex", "p/x (unsigned long)$satp >> 60", "-ex", "detach", TEACHOS]
    gdb = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           stdin=subprocess.DEVNULL)
    # Wait until the kernel idles (its output says so), then interrupt gdb as a user would.
    deadline = time.time() + 30
    while "interrupts on" not in v.stdout() and time.time() < deadline:
        time.sleep(0.1)
    time.sleep(0.3)
    gdb.send_signal(signal.SIGINT)
    try:
        out, _ = gdb.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        gdb.kill()
        out, _ = gdb.communicate()
    if VERBOSE:
        print(out)
    expect_lines(out, [
        "Program received signal SIGINT, Interrupt.",
        "$2 = 0x8",
        "[Inferior 1 (Remote target) detached]",
    ], name)
    # Mostly the hart sits in S-mode's wfi loop, but on a loaded host the Ctrl-C can land while
    # the M-mode timer handler runs (priv 3); any other privilege is wrong.
    check(re.search(r"^\$1 = [13]$", out, re.M) is not None, name + ": stopped in S- or M-mode", out)
    # After the detach the kernel keeps ticking.
    ticks = len(re.findall(r"^tick \d+", v.stdout(), re.M))
    time.sleep(0.5)
    check(v.proc.poll() is None and len(re.findall(r"^tick \d+", v.stdout(), re.M)) > ticks,
          name + ": teachos runs on after detach", v.stdout())
    v.stop()


def scenario_attach_to_running_machine():
    """Without --gdb-wait the machine runs; gdb attaches, detaches, attaches again and kills."""
    name = "attach"
    v = Vhart(TEACHOS, wait=False)
    deadline = time.time() + 30
    while "interrupts on" not in v.stdout() and time.time() < deadline:
        time.sleep(0.1)
    out = gdb_batch(TEACHOS, v.port, ["p $priv", "info threads", "detach"])
    # The stop lands wherever the hart is: mostly S-mode's wfi loop, sometimes (loaded host) the
    # M-mode timer handler; the thread line must agree with $priv.
    expect_lines(out, [
        re.compile(r"\$1 = [13]$"),
        re.compile(r"\* 1    Thread 1 \(hart 0, [SM]-mode\) .*"),
        "[Inferior 1 (Remote target) detached]",
    ], name)
    check(("$1 = 1" in out) == ("S-mode" in out), name + ": $priv and the thread name agree", out)
    ticks = len(re.findall(r"^tick \d+", v.stdout(), re.M))
    time.sleep(0.5)
    check(v.proc.poll() is None and len(re.findall(r"^tick \d+", v.stdout(), re.M)) > ticks,
          name + ": teachos runs on after detach", v.stdout())
    out = gdb_batch(TEACHOS, v.port, ["p $priv", "kill"])
    expect_lines(out, [re.compile(r"\$1 = [13]$"), "[Inferior 1 (Remote target) killed]"], name + " again")
    check(v.wait() == 0, name + ": vhart exits 0 after kill", v.stderr())
    v.stop()


# ---------------------------------------------------------------- the protocol by hand


class Raw:
    """A connection speaking RSP directly."""

    def __init__(self, port):
        deadline = time.time() + 20
        while True:
            try:
                self.s = socket.create_connection(("127.0.0.1", port), timeout=10)
                break
            except ConnectionRefusedError:
                if time.time() > deadline:
                    raise
                time.sleep(0.05)
        self.buf = b""

    def send(self, data):
        self.s.sendall(data)

    @staticmethod
    def frame(payload):
        return b"$" + payload + b"#%02x" % (sum(payload) & 0xff)

    def read(self, n=1):
        while len(self.buf) < n:
            chunk = self.s.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buf += chunk
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def packet(self):
        """The next packet's payload (checked), acked with '+'."""
        while self.read() != b"$":
            pass
        body = b""
        while True:
            c = self.read()
            if c == b"#":
                break
            body += c
        cs = int(self.read(2), 16)
        assert cs == sum(body) & 0xff, "bad checksum from the stub"
        self.send(b"+")
        return body

    def command(self, payload):
        """Send a packet; return (ack byte, reply payload)."""
        self.send(self.frame(payload))
        ack = self.read()
        return ack, self.packet() if ack == b"+" else None


def escape(data):
    out = b""
    for b in data:
        if b in b"#$}*":
            out += bytes([0x7d, b ^ 0x20])
        else:
            out += bytes([b])
    return out


def scenario_raw_protocol():
    name = "raw RSP"
    syms = symbols(HELLO)
    v = Vhart(HELLO)
    r = Raw(v.port)
    try:
        r.send(b"hello, garbage\r\n+")   # line noise and a stray ack before the first packet
        ack, rep = r.command(b"?")
        check(ack == b"+" and rep.startswith(b"T05thread:1;"), name + ": '?' after garbage: %r" % rep)
        r.send(b"$g#00")
        check(r.read() == b"-", name + ": a bad checksum is NAKed")
        r.send(b"$g#zz")
        check(r.read() == b"-", name + ": a non-hex checksum is NAKed")
        r.send(b"$m80000000,")            # cut short by the next packet
        ack, rep = r.command(b"qC")
        check(ack == b"+" and rep == b"QC1", name + ": a truncated packet is dropped: %r" % rep)
        ack, rep = r.command(b"m" * 40000)
        check(ack == b"+" and rep == b"E01", name + ": an oversized packet gets an error: %r" % rep)
        ack, rep = r.command(b"m0,4")
        check(rep == b"E14", name + ": unmapped memory reads E14: %r" % rep)
        ack, rep = r.command(b"m10000000,4")
        check(rep == b"E14", name + ": device memory (the UART) reads E14: %r" % rep)
        ack, rep = r.command(b"mffffffffffffffff,10")
        check(rep == b"E14", name + ": a read at the top of the address space reads E14: %r" % rep)
        ack, rep = r.command(b"m80000000")
        check(rep == b"E01", name + ": a malformed m is E01: %r" % rep)
        ack, rep = r.command(b"p99999")
        check(rep.startswith(b"E"), name + ": an unknown register is an error: %r" % rep)
        ack, rep = r.command(b"vNoSuchPacket")
        check(rep == b"", name + ": unknown packets get an empty reply: %r" % rep)
        # X: every byte value, escaped, into .bss; read back with m.
        addr = syms["__bss_start"]
        data = bytes(range(256))
        ack, rep = r.command(b"X%x,%x:" % (addr, len(data)) + escape(data))
        check(rep == b"OK", name + ": X with binary data: %r" % rep)
        ack, rep = r.command(b"m%x,%x" % (addr, len(data)))
        check(rep == data.hex().encode(), name + ": X's bytes read back")
        ack, rep = r.command(b"X%x,4:ab}" % addr)
        check(rep == b"E01", name + ": X with a lone escape is E01: %r" % rep)
        ack, rep = r.command(b"X%x,0:" % addr)
        check(rep == b"OK", name + ": the X probe (length 0): %r" % rep)
        ack, rep = r.command(b"M%x,2:beef" % addr)
        ack, rep2 = r.command(b"m%x,2" % addr)
        check(rep == b"OK" and rep2 == b"beef", name + ": M then m: %r %r" % (rep, rep2))
        ack, rep = r.command(b"p20")
        check(rep == b"0010000000000000", name + ": p of the pc (the boot ROM's 0x1000): %r" % rep)
        ack, rep = r.command(b"qXfer:features:read:target.xml:0,3fff")
        check(rep[:1] in (b"l", b"m") and b"<architecture>riscv:rv64</architecture>" in rep
              and b'name="org.gnu.gdb.riscv.cpu"' in rep
              and b'<reg name="pc" bitsize="64" type="code_ptr" regnum="32"/>' in rep
              and b'name="mstatus"' in rep and b'regnum="833"' in rep and b'name="priv"' in rep,
              name + ": the target description", rep.decode(errors="replace"))
        ack, rep = r.command(b"qXfer:features:read:other.xml:0,100")
        check(rep == b"E00", name + ": an unknown annex: %r" % rep)
        ack, rep = r.command(b"qfThreadInfo")
        check(rep == b"m1", name + ": one thread: %r" % rep)
        ack, rep = r.command(b"Z0,%x,2" % syms["main"])
        check(rep == b"OK", name + ": Z0: %r" % rep)
        ack, rep = r.command(b"vCont;c")
        check(rep.startswith(b"T05") and b"thread:1;" in rep and
              (b"20:" + syms["main"].to_bytes(8, "little").hex().encode()) in rep,
              name + ": vCont;c stops at the breakpoint: %r" % rep)
        ack, rep = r.command(b"Z2,0,8")
        check(rep.startswith(b"E"), name + ": a watchpoint on unmapped memory is refused: %r" % rep)
        r.send(b"\x03")                    # Ctrl-C while stopped: ignored
        ack, rep = r.command(b"qC")
        check(rep == b"QC1", name + ": a Ctrl-C while stopped is ignored: %r" % rep)
        r.send(Raw.frame(b"k"))
        check(r.read() == b"+", name + ": k acked")
        check(v.wait() == 0, name + ": vhart exits 0 after k", v.stderr())
    except (EOFError, OSError, AssertionError) as e:
        check(False, name + ": " + repr(e), v.stderr())
    finally:
        r.s.close()
        v.stop()


def scenario_raw_stop_reply_names_the_hart():
    """teachos --smp 2 by hand: each stop reply names the thread of the hart that stopped."""
    name = "raw RSP --smp 2"
    syms = symbols(TEACHOS)
    v = Vhart(TEACHOS, "--smp", "2")
    r = Raw(v.port)
    try:
        ack, rep = r.command(b"Z0,%x,2" % syms["m_start"])
        check(rep == b"OK", name + ": Z0 m_start: %r" % rep)
        pc = b"20:" + syms["m_start"].to_bytes(8, "little").hex().encode()
        for thread in (1, 2):
            ack, rep = r.command(b"vCont;c")
            check(rep.startswith(b"T05") and (b"thread:%d;" % thread) in rep and pc in rep,
                  name + ": hart %d's stop at m_start names thread %d: %r" % (thread - 1, thread, rep))
        r.send(Raw.frame(b"k"))
        check(r.read() == b"+", name + ": k acked")
        check(v.wait() == 0, name + ": vhart exits 0 after k", v.stderr())
    except (EOFError, OSError, AssertionError) as e:
        check(False, name + ": " + repr(e), v.stderr())
    finally:
        r.s.close()
        v.stop()


def scenario_port_in_use():
    name = "--gdb on a busy port"
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = subprocess.run([VHART, "--gdb", str(port), HELLO], capture_output=True, text=True, timeout=30)
    check(r.returncode == 2, name + ": exit status 2 (got %d)" % r.returncode, r.stderr)
    check(r.stderr == "vhart: --gdb %d: port in use\n" % port, name + ": one-line error", r.stderr)


def scenario_gdb_disconnects_mid_run():
    """gdb vanishing (its socket closed) while the machine runs counts as a detach."""
    name = "disconnect"
    v = Vhart(HELLO)
    r = Raw(v.port)
    r.command(b"qSupported:swbreak+")
    r.send(Raw.frame(b"vCont;c"))
    r.s.close()
    status = v.wait()
    check(status == 0 and "Hello from a RISC-V guest on vhart!" in v.stdout(),
          name + ": the guest runs to its end (status %s)" % status, v.stderr() + v.stdout())
    v.stop()


def scenario_monitor_savevm_loadvm():
    """monitor savevm/loadvm: a register set before the save is back after the load (gdb keeps its
    register cache across monitor commands: `maintenance flush register-cache` re-reads it)."""
    name = "monitor-savevm"
    main = symbols(PRIMES)["main"]
    tmp = tempfile.mkdtemp(prefix="vhart-gdb-snap-")
    snap = os.path.join(tmp, "primes.vhs")
    v = Vhart(PRIMES)
    try:
        out = gdb_batch(PRIMES, v.port, [
            "break *0x%x" % main, "continue", "set $a0 = 0x1234", "set $s1 = 0xfeedface",
            "monitor savevm %s" % snap, "stepi", "stepi", "set $a0 = 0x5678", "p/x $a0",
            "monitor loadvm %s" % snap, "maintenance flush register-cache", "p $pc", "p/x $a0", "p/x $s1",
            "monitor loadvm %s" % os.path.join(tmp, "nope.vhs"), "monitor frobnicate", "p/x $a0", "kill"])
        size = os.path.getsize(snap) if os.path.exists(snap) else -1
        expect_lines(out, [
            re.compile(r"saved to %s \(%s MiB, \d+\.\d\d s\)" % (re.escape(snap), re.escape("%.1f" % (size / 1048576.0)))),
            "$1 = 0x5678",
            "loaded %s" % snap,
            "$2 = (void (*)()) 0x%x <main>" % main,
            "$3 = 0x1234",
            "$4 = 0xfeedface",
            "%s: no such file" % os.path.join(tmp, "nope.vhs"),
            'unknown command "frobnicate" (help lists them)',
            "$5 = 0x1234",
            "[Inferior 1 (Remote target) killed]",
        ], name)
        check(v.wait() == 0, name + ": vhart exits 0 after kill", v.stderr())
    finally:
        v.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def scenario_teachos_monitor_repl_commands():
    """monitor runs the REPL's commands on gdb's thread: translate (a fault and a mapped fetch),
    tlb, devices, csr satp, set and reset (seen by gdb after flushing its register cache); commands
    that would run the guest, and quit, are refused."""
    name = "teachos monitor"
    syms = symbols(TEACHOS)
    s_trap = syms["s_trap"]
    v = Vhart(TEACHOS, "--bios", "none", "--kernel")
    try:
        out = gdb_batch(TEACHOS, v.port, [
            "break s_trap", "continue", "p/x $satp",
            "monitor translate 0x40000000", "monitor translate 0x%x fetch" % s_trap, "monitor tlb",
            "monitor devices", "monitor csr satp", "monitor step", "monitor continue", "monitor quit",
            "monitor frobnicate", "monitor", "monitor set a0 0x1234", "maintenance flush register-cache",
            "p/x $a0", "monitor reset", "maintenance flush register-cache", "p/x $pc", "kill"])
        satp = re.search(r"^\$1 = (0x[0-9a-f]+)$", out, re.M)
        if not check(satp is not None, name + ": p/x $satp", out):
            return
        satp = int(satp.group(1), 16)
        root = (satp & ((1 << 44) - 1)) << 12
        vpn = [(s_trap >> (12 + 9 * i)) & 0x1ff for i in range(3)]
        expect_lines(out, [
            "0x40000000: Sv39 walk for a load by hart 0 in S-mode",
            "  level 2: PTE at 0x%x = 0x0000000000000000  V=0 -------  invalid (V=0)" % (root + 8 * 1),
            "  => load page fault (cause 13): V=0: nothing is mapped here",
            "0x%x <s_trap>: Sv39 walk for a fetch by hart 0 in S-mode" % s_trap,
            re.compile(r"  level 2: PTE at 0x%x = 0x[0-9a-f]{16}  V=1 -------  -> next table" % (root + 8 * vpn[2])),
            re.compile(r"  level 0: PTE at 0x[0-9a-f]+ = 0x[0-9a-f]{16}  V=1 R-X--AD  leaf"),
            "  => PA 0x%x (4 KiB page)" % s_trap,
            "hart 0 TLB (kind r/w/x, set, VA page -> PA page):",
            re.compile(r"  x  set \d+  0x%016x -> 0x%016x" % (s_trap & ~0xfff, s_trap & ~0xfff)),
            re.compile(r"\d+ valid entries"),
            re.compile(r"uart0     uart16550: ier=.*"),
            re.compile(r"plic      plic: 95 sources, 2 contexts; .*"),
            re.compile(r"clint     mtime \d+, hart 0 mtimecmp 0x[0-9a-f]+ msip 0"),
            re.compile(r"rtc       goldfish-rtc: .*"),
            "satp = 0x%016x" % satp,
            "  MODE=Sv39 ASID=0x0 PPN=0x%x (root table at 0x%x)" % (satp & ((1 << 44) - 1), root),
            "monitor step: not from gdb, it would run the guest (use gdb's stepi, continue, reverse-stepi...)",
            "monitor continue: not from gdb, it would run the guest (use gdb's stepi, continue, reverse-stepi...)",
            "monitor quit: not from gdb (use kill)",
            'unknown command "frobnicate" (help lists them)',
            "usage: monitor COMMAND (monitor help lists them)",
            "a0 = 0x0000000000001234",
            "$2 = 0x1234",
            "Reset: 1 hart, hart 0 at 0x1000 (M-mode)",
            "$3 = 0x1000",
            "[Inferior 1 (Remote target) killed]",
        ], name)
        entries = re.findall(r"^  [rwx]  set \d+  0x[0-9a-f]{16} -> 0x[0-9a-f]{16}$", out, re.M)
        count = re.search(r"^(\d+) valid entries$", out, re.M)
        check(count is not None and int(count.group(1)) == len(entries),
              name + ": tlb's count matches its %d lines" % len(entries), out)
    finally:
        v.stop()


SCENARIOS = [scenario_port_in_use, scenario_raw_protocol, scenario_gdb_disconnects_mid_run,
             scenario_primes_break_step_watch, scenario_hello_smp2_threads_exit, scenario_exit_status_through_gdb,
             scenario_monitor_savevm_loadvm]
TEACHOS_SCENARIOS = [scenario_teachos_smp2_second_hart_breaks, scenario_raw_stop_reply_names_the_hart,
                     scenario_teachos_ctrl_c_and_detach,
                     scenario_attach_to_running_machine, scenario_teachos_monitor_repl_commands]
if os.path.exists(TEACHOS):
    SCENARIOS += TEACHOS_SCENARIOS
else:
    print("note: %s not built: %d teachos scenarios skipped" % (TEACHOS, len(TEACHOS_SCENARIOS)))
for scenario in SCENARIOS:
    try:
        scenario()
    except subprocess.TimeoutExpired as e:
        check(False, "%s: timed out: %s" % (scenario.__name__, e))

if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
print("gdb_test: all checks passed")
