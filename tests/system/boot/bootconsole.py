"""Boot-test helper: run an emulator on a pty with pexpect, drive its console, fail with a clear message.

Used by teachos_test.py, linux_test.py and uboot_test.py. Each of those takes the emulator's
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
import sys
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
