"""Boot-test helper: run an emulator on a pty with pexpect, drive its console, fail with a clear message.

Used by teachos_test.py, linux_test.py and uboot_test.py; `Guest` (a Linux + busybox boot driven as a
shell, command by command) by devices_test.py, net_test.py and storage_test.py. Each of those takes the emulator's
command line as its arguments, so one script runs against qemu-system-riscv64 and vhart alike:

    teachos_test.py [options] [--] CMD ARG...

Every failure (a pattern not seen in time, a panic pattern seen, the emulator exiting early or
with the wrong status) ends the script with status 1 and a one-line reason on stderr, after the
tail of the console transcript. Needs python3-pexpect (Debian) or `pip install pexpect`.
"""

import argparse
import io
import os
import re
import shlex
import shutil
import signal
import sys
import tempfile
import time

try:
    import pexpect
except ImportError:  # pragma: no cover - depends on the machine
    sys.stderr.write("boot test: python3 module pexpect is missing (Debian: apt-get install python3-pexpect)\n")
    sys.exit(2)


class TestFailure(Exception):
    """A reason to fail the test; main() prints it and exits 1."""


class _Tee(io.TextIOBase):
    """pexpect's logfile_read: keeps the whole transcript and echoes it if asked."""

    def __init__(self, echo):
        self.parts = []
        self.echo = echo

    def write(self, s):
        self.parts.append(s)
        if self.echo:
            sys.stdout.write(s)
            sys.stdout.flush()
        return len(s)

    def flush(self):
        if self.echo:
            sys.stdout.flush()

    def text(self):
        return "".join(self.parts)


def parse_args(name, description, add_options=None, argv=None):
    """Parse `[options] [--] CMD ARG...`; options common to every boot test plus add_options."""
    p = argparse.ArgumentParser(prog=name, description=description,
                                usage="%(prog)s [options] [--] CMD [ARG...]")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds to wait for the first prompt or banner")
    p.add_argument("--step-timeout", type=float, default=None,
                   help="seconds to wait for each later step")
    p.add_argument("--exit-timeout", type=float, default=60,
                   help="seconds to wait for the emulator to exit after poweroff (default 60)")
    p.add_argument("--log", metavar="FILE", help="also write the console transcript to FILE")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="do not echo the console; on failure its last lines are shown anyway")
    if add_options:
        add_options(p)
    p.add_argument("command", nargs=argparse.REMAINDER, help="emulator command line")
    args = p.parse_args(argv)
    if args.command and args.command[0] == "--":
        args.command = args.command[1:]
    if not args.command:
        p.error("no emulator command given")
    return args


class Console:
    """One emulator run on a pseudo-terminal."""

    def __init__(self, name, command, quiet=False, log=None):
        self.name = name
        self.command = command
        self.tee = _Tee(echo=not quiet)
        self.log = log
        self.start = time.monotonic()
        self.panic_patterns = []
        self.say("running: " + " ".join(shlex.quote(a) for a in command))
        try:
            # A wide, tall window so that nothing the guest prints gets wrapped by the pty.
            self.child = pexpect.spawn(command[0], command[1:], encoding="utf-8",
                                       codec_errors="replace", timeout=None,
                                       dimensions=(50, 250), env=os.environ)
        except pexpect.ExceptionPexpect as e:
            raise TestFailure("cannot start %s: %s" % (command[0], e))
        self.child.logfile_read = self.tee
        self.child.delaybeforesend = 0.05

    # -- reporting -------------------------------------------------------------------------
    def elapsed(self):
        return time.monotonic() - self.start

    def say(self, msg):
        """A line of the test's own, kept apart from the guest's output."""
        sys.stdout.write("\n[%s %6.2fs] %s\n" % (self.name, self.elapsed(), msg))
        sys.stdout.flush()

    def transcript(self):
        return self.tee.text()

    # -- driving ---------------------------------------------------------------------------
    def expect(self, pattern, timeout, what=None):
        """Wait for regex `pattern`; return its match. Fails on timeout, on exit, on a panic pattern."""
        what = what or repr(pattern)
        patterns = [pattern] + self.panic_patterns + [pexpect.EOF, pexpect.TIMEOUT]
        i = self.child.expect(patterns, timeout=timeout)
        if i == 0:
            return self.child.match
        if i <= len(self.panic_patterns):
            seen = self.child.after.strip()
            # Let what follows (registers, a backtrace) reach the transcript before failing.
            try:
                self.child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=1)
            except pexpect.ExceptionPexpect:
                pass
            raise TestFailure("guest failed while waiting for %s: %r" % (what, seen))
        if patterns[i] is pexpect.EOF:
            self.child.close()
            raise TestFailure("emulator exited (status %s) while waiting for %s"
                              % (self._status_text(), what))
        raise TestFailure("timed out after %.0f s waiting for %s" % (timeout, what))

    def seen_or_expect(self, pattern, timeout, what=None):
        """Like expect, but also succeeds if the pattern already went by earlier."""
        if re.search(pattern, self.transcript()):
            return
        self.expect(pattern, timeout, what)

    def send(self, text):
        self.child.send(text)

    def expect_exit(self, timeout, want_status=0):
        """Wait for the emulator to end by itself, and check its exit status."""
        i = self.child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=timeout)
        if i == 1:
            raise TestFailure("emulator still running %.0f s after poweroff" % timeout)
        self.child.close()
        if self.child.signalstatus is not None:
            raise TestFailure("emulator killed by signal %d" % self.child.signalstatus)
        if self.child.exitstatus != want_status:
            raise TestFailure("emulator exit status %s, want %d" % (self.child.exitstatus, want_status))
        self.say("emulator exited with status %d after %.2f s" % (want_status, self.elapsed()))

    def _status_text(self):
        if self.child.signalstatus is not None:
            return "signal %d" % self.child.signalstatus
        return str(self.child.exitstatus)

    def kill(self):
        if self.child.isalive():
            self.child.terminate(force=True)

    def save_log(self):
        if self.log:
            with open(self.log, "w", encoding="utf-8") as f:
                f.write(self.transcript())


# Guest shell driving: Linux + the busybox initramfs, one command at a time.

PROMPT = "<vh># "
SET_PROMPT = "PS1='<vh>''# '"
PANIC_PATTERNS = [
    r"Kernel panic - not syncing[^\r\n]*[\r\n]",
    r"Oops \[#\d+\][^\r\n]*[\r\n]",
    r"Unable to handle kernel[^\r\n]*[\r\n]",
    r"sbi_trap_error[^\r\n]*[\r\n]",
]


class Guest:
    """One boot of Linux + the busybox initramfs, driven through its console."""

    def __init__(self, name, label, command, args, transcripts):
        self.label = label
        self.args = args
        self.seq = 0
        self.console = Console("%s %s" % (name, label), command, quiet=args.quiet)
        self.console.panic_patterns = PANIC_PATTERNS
        transcripts.append(self)

    @property
    def pid(self):
        return self.console.child.pid

    def say(self, msg):
        self.console.say(msg)

    def boot(self):
        c = self.console
        c.expect(r"=== vhart initramfs[^\r\n]*[\r\n]", self.args.timeout, "the initramfs banner")
        c.expect(re.compile(r"[#$] $", re.M), self.args.timeout, "the shell prompt")
        c.send(SET_PROMPT + "\r")
        c.expect(re.escape(PROMPT), self.args.step_timeout, "our own prompt after setting PS1")
        # Only emergencies and alerts (panics, oopses) on the console, so that kernel messages do not
        # land in the middle of command output; the rest stays readable with dmesg.
        self.sh("dmesg -n 2")
        self.say("shell ready after %.2f s" % c.elapsed())

    def sh(self, command, timeout=None, want_rc=0):
        """Run `command` in the guest shell; return (status, output lines). want_rc None: any status.

        The output is what the shell prints between two markers echoed around the command; the echo
        of the typed line has the markers quoted, so it is never taken for them."""
        self.seq += 1
        n = self.seq
        c = self.console
        timeout = timeout or self.args.step_timeout
        c.send("echo '@@'B%d; %s; echo '@@'E%d=$?\r" % (n, command, n))
        c.expect(r"@@B%d\r*\n" % n, timeout, "the start of `%s`" % command)
        m = c.expect(r"@@E%d=(\d+)\r*\n" % n, timeout, "the end of `%s`" % command)
        out = c.child.before.replace("\r", "")
        rc = int(m.group(1))
        c.expect(re.escape(PROMPT), timeout, "the prompt after `%s`" % command)
        lines = [l for l in out.split("\n") if l.strip()]
        if want_rc is not None and rc != want_rc:
            raise TestFailure("[%s] `%s` exited %d, want %d; output:\n  %s"
                              % (self.label, command, rc, want_rc, "\n  ".join(lines)))
        return rc, lines

    def poweroff(self):
        self.console.send("poweroff\r")
        self.console.expect_exit(self.args.exit_timeout, 0)

    def kill9(self):
        """SIGKILL the emulator and check that this is what ended it."""
        child = self.console.child
        # pexpect starts the emulator in a session of its own: kill its whole process group.
        os.killpg(child.pid, signal.SIGKILL)
        child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=30)
        child.close(force=True)
        if child.signalstatus != signal.SIGKILL:
            raise TestFailure("[%s] emulator did not die of SIGKILL (exit status %s, signal %s)"
                              % (self.label, child.exitstatus, child.signalstatus))
        self.say("emulator killed with SIGKILL after %.2f s" % self.console.elapsed())

    def stop(self):
        self.console.kill()


def run(name, args, body):
    """Run body(console, args); print PASS or the failure, return the process exit status."""
    console = None
    try:
        console = Console(name, args.command, quiet=args.quiet, log=args.log)
        body(console, args)
    except TestFailure as e:
        if console is not None:
            console.kill()
            console.save_log()
            if args.quiet:
                tail = console.transcript()[-3000:]
                sys.stdout.write("\n---- last console output ----\n%s\n-----------------------------\n" % tail)
        sys.stdout.flush()
        sys.stderr.write("%s: FAIL: %s\n" % (name, e))
        return 1
    except KeyboardInterrupt:
        if console is not None:
            console.kill()
        sys.stderr.write("%s: interrupted\n" % name)
        return 130
    console.save_log()
    console.say("PASS")
    return 0


def run_guests(name, args, tmp_prefix, body, keep=False):
    """Run body(tmp, guests, step) for a test that boots guests of its own; return the exit status.

    tmp is a fresh temporary folder (removed at the end unless keep); body appends each Guest it
    starts to guests, so that all are stopped and their transcripts saved (--log) however the test
    ends; step(label) names the part now running, for the failure line."""
    tmp = tempfile.mkdtemp(prefix=tmp_prefix)
    guests = []
    current = [None]

    def step(label):
        current[0] = label

    try:
        body(tmp, guests, step)
    except TestFailure as e:
        for g in guests:
            g.stop()
        if guests and args.quiet:
            tail = guests[-1].console.transcript()[-3000:]
            sys.stdout.write("\n---- last console output (%s) ----\n%s\n-----------------------------\n"
                             % (guests[-1].label, tail))
        sys.stdout.flush()
        where = " (%s)" % current[0] if current[0] else ""
        sys.stderr.write("%s: FAIL%s: %s\n" % (name, where, e))
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("%s: interrupted\n" % name)
        return 130
    finally:
        for g in guests:
            g.stop()
        if args.log:
            with open(args.log, "w", encoding="utf-8") as f:
                for g in guests:
                    f.write("==== %s: %s\n" % (g.label, " ".join(g.console.command)))
                    f.write(g.console.transcript())
                    f.write("\n")
        if keep:
            print("[%s] kept %s" % (name, tmp))
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("[%s] PASS" % name)
    return 0
