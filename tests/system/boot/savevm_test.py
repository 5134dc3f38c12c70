#!/usr/bin/env python3
"""System test of savevm/loadvm: a Linux guest saved from the REPL goes on from the file alone.

usage: savevm_test.py [options] [--] VHART ARG...   (the command boots Linux + the busybox initramfs)
  e.g. eval "$(roms/build.sh --print-paths)"
       savevm_test.py build/vhart --mem 256M --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0

The test adds `--net user` to the command and serves a file over HTTP on 127.0.0.1 (a free port).

1. Boot the command. In the guest: configure eth0 (10.0.2.15/24, gateway 10.0.2.2) and fetch the
   host's file with wget; write /tmp/marker (a line with a per-run token, in the initramfs'
   tmpfs), read /proc/sys/kernel/random/boot_id and `date +%s`. Ctrl-A c enters the REPL; `savevm F`
   answers exactly "saved to F (N.N MiB, T.TT s)" with N.N the file's size in MiB; `continue`; the
   shell answers again; the guest removes /tmp/marker; `poweroff` ends vhart with status 0.
2. `VHART --loadvm F` alone: the shell answers, /tmp/marker holds the token, boot_id is the first
   boot's, `date +%s` is no earlier than the one read before the save (the guest's clocks go on from
   where they were); wget fetches the host's file again (a new libslirp, the guest's interface as it
   was); `poweroff` exits 0.
3. `VHART --loadvm F` again: the same guest state (marker, boot_id). The guest overwrites
   /tmp/marker; Ctrl-A c, `loadvm F` answers exactly "loaded F"; `continue`: /tmp/marker holds the
   token again; `poweroff` exits 0.

Exit status 0 on success, 1 on failure (one line on stderr naming the check).
"""

import functools
import http.server
import os
import re
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402

NAME = "savevm_test"
TestFailure = bootconsole.TestFailure
REPL_PROMPT = r"\(vhart\) "


def Guest(label, command, args, transcripts):
    return bootconsole.Guest(NAME, label, command, args, transcripts)


def repl(g, line, timeout):
    """Enter the REPL with Ctrl-A c, run `line`, return its one output line; then continue."""
    c = g.console
    c.send("\x01c")
    c.expect(REPL_PROMPT, timeout, "the REPL prompt after Ctrl-A c")
    c.send(line + "\r")
    c.expect(re.escape(line) + r"\r?\n", timeout, "the echo of `%s`" % line)
    c.expect(REPL_PROMPT, timeout, "the answer to `%s`" % line)
    # readline's bracketed-paste switches (ESC [ ? 2004 h/l) are not part of the answer.
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", c.child.before).replace("\r", "")
    lines = [l for l in text.split("\n") if l.strip()]
    if len(lines) != 1:
        raise TestFailure("`%s` printed %r, want one line" % (line, lines))
    answer = lines[0]
    c.send("continue\r")
    c.expect(r"continue\r?\n", timeout, "the echo of continue")
    # Back in the guest: its shell answers a new line with a prompt.
    c.send("\r")
    c.expect(re.escape(bootconsole.PROMPT), timeout, "the guest's prompt after continue")
    return answer


def one_line(g, command):
    _, lines = g.sh(command)
    if len(lines) != 1:
        raise TestFailure("[%s] `%s` printed %r, want one line" % (g.label, command, lines))
    return lines[0]


def check(cond, what):
    if not cond:
        raise TestFailure(what)


def serve(directory):
    """An HTTP server for directory on 127.0.0.1, in a thread; returns it (server_address[1]: the port)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
    handler.log_message = lambda *a: None
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def fetch(g, url, want):
    got = one_line(g, "wget -q -O - %s" % url)
    check(got == want, "[%s] wget %s gave %r, want %r" % (g.label, url, got, want))


def run(args, tmp, guests):
    vhart = args.command[0]
    snap = os.path.join(tmp, "linux.vhs")
    token = "marker-%s" % os.urandom(6).hex()
    www = os.path.join(tmp, "www")
    os.mkdir(www)
    with open(os.path.join(www, "hello.txt"), "w") as f:
        f.write("hello %s\n" % token)
    srv = serve(www)
    url = "http://10.0.2.2:%d/hello.txt" % srv.server_address[1]
    try:
        run_guests(args, vhart, snap, token, url, guests)
    finally:
        srv.shutdown()
        srv.server_close()


def run_guests(args, vhart, snap, token, url, guests):
    # 1. Boot, write the marker, save, go on, remove it, power off.
    g = Guest("boot", [vhart, "--net", "user"] + args.command[1:], args, guests)
    g.boot()
    g.sh("ifconfig eth0 10.0.2.15 netmask 255.255.255.0 up && route add default gw 10.0.2.2")
    fetch(g, url, "hello " + token)
    g.sh("echo %s > /tmp/marker" % token)
    boot_id = one_line(g, "cat /proc/sys/kernel/random/boot_id")
    saved_date = int(one_line(g, "date +%s"))
    answer = repl(g, "savevm " + snap, args.step_timeout)
    size = os.path.getsize(snap)
    m = re.fullmatch(r"saved to %s \((\d+\.\d) MiB, (\d+\.\d\d) s\)" % re.escape(snap), answer)
    check(m, "savevm answered %r, want 'saved to %s (N.N MiB, T.TT s)'" % (answer, snap))
    check(m.group(1) == "%.1f" % (size / 1048576.0),
          "savevm said %s MiB, the file has %d bytes (%.1f MiB)" % (m.group(1), size, size / 1048576.0))
    g.say("saved: %s" % answer)
    check(one_line(g, "cat /tmp/marker") == token, "the marker after savevm and continue")
    g.sh("rm /tmp/marker")
    g.poweroff()

    # 2. The snapshot alone: the guest is where it was saved.
    for label in ("loadvm", "loadvm-again"):
        g = Guest(label, [vhart, "--loadvm", snap], args, guests)
        c = g.console
        # The loaded guest prints nothing by itself, and what is typed before vhart has the terminal
        # (raw mode, set with TCSAFLUSH) is dropped: press Enter until the shell answers.
        for attempt in range(int(args.timeout)):
            c.send("\r")
            try:
                c.expect(re.escape(bootconsole.PROMPT), 1, "the guest's prompt after --loadvm")
                break
            except TestFailure as e:
                if "timed out" not in str(e) or attempt + 1 == int(args.timeout):
                    raise
        else:
            raise TestFailure("[%s] no prompt after --loadvm" % label)
        check(one_line(g, "cat /tmp/marker") == token, "[%s] /tmp/marker does not hold the token" % label)
        check(one_line(g, "cat /proc/sys/kernel/random/boot_id") == boot_id,
              "[%s] boot_id is not the saved guest's" % label)
        now = int(one_line(g, "date +%s"))
        check(now >= saved_date, "[%s] date +%%s went back: %d, it was %d before the save" % (label, now, saved_date))
        fetch(g, url, "hello " + token)
        if label == "loadvm-again":
            # 3. loadvm from the REPL of a running machine puts the saved state back.
            g.sh("echo changed > /tmp/marker")
            answer = repl(g, "loadvm " + snap, args.step_timeout)
            check(answer == "loaded " + snap, "loadvm answered %r, want %r" % (answer, "loaded " + snap))
            check(one_line(g, "cat /tmp/marker") == token, "/tmp/marker after the REPL's loadvm")
        g.poweroff()


def main():
    args = bootconsole.parse_args(NAME, __doc__.splitlines()[0])
    args.timeout = args.timeout or 300
    args.step_timeout = args.step_timeout or 120
    return bootconsole.run_guests(NAME, args, "vhart-savevm-",
                                  lambda tmp, guests, step: run(args, tmp, guests))


if __name__ == "__main__":
    sys.exit(main())
