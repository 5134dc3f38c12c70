#!/usr/bin/env python3
"""Network test of vhart's virtio-net + libslirp (--net user): DHCP, guest->host HTTP, hostfwd, port in use.

usage: net_test.py [options] [--] VHART ARG...   (the command boots Linux + the busybox initramfs)
  e.g. eval "$(roms/build.sh --print-paths)"
       net_test.py build/vhart --mem 256M --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0

The test adds its own --net option to the command.

1. Port in use: with a host socket listening on 127.0.0.1:P, `VHART ARG... --net
   user,hostfwd=tcp:127.0.0.1:P-:22` must exit with status 2 before running anything, print nothing
   on stdout and exactly this one line on stderr:
     vhart: --net user: hostfwd 'tcp:127.0.0.1:P-:22': cannot listen on 127.0.0.1:P (Address already in use)
2. One boot with `--net user,hostfwd=tcp:127.0.0.1:F-:8080` (F a free port), with an HTTP server of
   the test's own on 127.0.0.1:H serving a 512 KiB random file:
   - `ifconfig eth0 up; udhcpc -i eth0 -q -n -s SCRIPT` exits 0 and says "lease of 10.0.2.15 obtained
     from 10.0.2.2"; SCRIPT (written by the test, busybox has none) is called with bound
     ip=10.0.2.15 subnet=255.255.255.0 router=10.0.2.2 dns=10.0.2.3 and configures eth0 with them;
     `ifconfig eth0` then shows inet addr:10.0.2.15 and Mask:255.255.255.0;
   - `wget -O /tmp/f http://10.0.2.2:H/file` exits 0, the host server saw `GET /file`, and the
     guest's sha256sum of /tmp/f is the host's;
   - busybox `httpd -p 8080 -h /www` serves /www/index.html (a line with a per-run token) and
     /www/big (a copy of /tmp/f); from the host, http://127.0.0.1:F/index.html (retried for up to
     30 s while the server starts) gives exactly that line and /big gives the 512 KiB with the
     original SHA-256;
   - `poweroff` ends vhart with status 0.

Exit status 0 on success, 1 on failure (one line on stderr naming the check).
"""

import functools
import hashlib
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402

NAME = "net_test"
TestFailure = bootconsole.TestFailure

# ------------------------------------------------------------------------------------------------
# Guest shell driving: bootconsole.Guest, under this test's name.

def Guest(label, command, args, transcripts):
    return bootconsole.Guest(NAME, label, command, args, transcripts)

# ------------------------------------------------------------------------------------------------
# Host side

class FileServer:
    """An HTTP server on 127.0.0.1 (a free port) serving `root`, in a thread; remembers the paths asked."""

    def __init__(self, root):
        self.requests = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, fmt, *a):
                server.requests.append("%s %s" % (self.command, self.path))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                     functools.partial(Handler, directory=root))
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


# Straight to 127.0.0.1 whatever http_proxy says.
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http_get(url, deadline_s, what):
    """GET `url`, retrying on connection errors and resets until `deadline_s` seconds have passed."""
    end = time.monotonic() + deadline_s
    last = None
    tries = 0
    while True:
        tries += 1
        try:
            with NO_PROXY.open(url, timeout=20) as r:
                return r.read(), tries
        except Exception as e:  # refused, reset, timed out, HTTP error while the server starts
            last = e
        if time.monotonic() >= end:
            raise TestFailure("%s: GET %s failed %d times in %.0f s, last: %s" % (what, url, tries, deadline_s, last))
        time.sleep(0.5)


def check_port_in_use(args):
    busy = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        cmd = args.command + ["--net", "user,hostfwd=tcp:127.0.0.1:%d-:22" % port]
        print("[%s] port in use: running %s" % (NAME, " ".join(cmd)))
        try:
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, errors="replace", timeout=60)
        except subprocess.TimeoutExpired:
            raise TestFailure("port in use: vhart still running after 60 s (should refuse to start)")
    finally:
        busy.close()
    want = ("vhart: --net user: hostfwd 'tcp:127.0.0.1:%d-:22': cannot listen on 127.0.0.1:%d "
            "(Address already in use)\n" % (port, port))
    if p.returncode != 2:
        raise TestFailure("port in use: vhart exited %d, want 2; stderr: %r" % (p.returncode, p.stderr[-500:]))
    if p.stderr != want:
        raise TestFailure("port in use: vhart's stderr is %r, want exactly %r" % (p.stderr[-500:], want))
    if p.stdout:
        raise TestFailure("port in use: vhart printed on stdout: %r" % p.stdout[-500:])
    print("[%s] port in use: exit status 2, stderr: %s" % (NAME, p.stderr.strip()))


UDHCPC_SCRIPT = [
    "#!/bin/sh",
    'echo "udhcpc-script: $1 ip=$ip subnet=$subnet router=$router dns=$dns"',
    '[ "$1" = bound ] || exit 0',
    'ifconfig "$interface" "$ip" netmask "$subnet" up && route add default gw "$router"',
]


def shell_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def check_guest_network(args, tmp, guests):
    www = os.path.join(tmp, "www")
    os.mkdir(www)
    data = os.urandom(512 * 1024)
    with open(os.path.join(www, "file"), "wb") as f:
        f.write(data)
    sha = hashlib.sha256(data).hexdigest()
    server = FileServer(www)
    try:
        fwd = free_port()
        g = Guest("user-net", args.command + ["--net", "user,hostfwd=tcp:127.0.0.1:%d-:8080" % fwd], args, guests)
        g.boot()

        # DHCP
        g.sh("printf '%%s\\n' %s > /tmp/udhcpc.sh && chmod +x /tmp/udhcpc.sh"
             % " ".join(shell_quote(l) for l in UDHCPC_SCRIPT))
        g.sh("ifconfig eth0 up")
        _, out = g.sh("udhcpc -i eth0 -q -n -t 5 -T 3 -s /tmp/udhcpc.sh", timeout=max(args.step_timeout, 120))
        if not any("lease of 10.0.2.15 obtained from 10.0.2.2" in l for l in out):
            raise TestFailure("[%s] udhcpc did not get 10.0.2.15 from 10.0.2.2:\n  %s" % (g.label, "\n  ".join(out)))
        want = "udhcpc-script: bound ip=10.0.2.15 subnet=255.255.255.0 router=10.0.2.2 dns=10.0.2.3"
        if want not in [l.strip() for l in out]:
            raise TestFailure("[%s] the DHCP lease is not %r:\n  %s" % (g.label, want, "\n  ".join(out)))
        _, out = g.sh("ifconfig eth0")
        text = " ".join(out)
        if "inet addr:10.0.2.15 " not in text or "Mask:255.255.255.0" not in text:
            raise TestFailure("[%s] eth0 not configured with 10.0.2.15/24:\n  %s" % (g.label, "\n  ".join(out)))
        g.say("DHCP ok: 10.0.2.15/24, router 10.0.2.2, DNS 10.0.2.3")

        # guest -> host
        url = "http://10.0.2.2:%d/file" % server.port
        g.sh("wget -O /tmp/f %s" % url, timeout=max(args.step_timeout, 120))
        if "GET /file" not in server.requests:
            raise TestFailure("[%s] wget succeeded but the host server saw no GET /file (requests: %r)"
                              % (g.label, server.requests))
        _, out = g.sh("sha256sum /tmp/f")
        got = out[0].split()[0] if out else ""
        if got != sha:
            raise TestFailure("[%s] the guest's copy of the host's file has SHA-256 %r, want %s (output %r)"
                              % (g.label, got, sha, out))
        g.say("wget from the host ok: 512 KiB, SHA-256 %s" % sha)

        # host -> guest through hostfwd
        token = "vhart net test %s: hello from the guest httpd" % os.urandom(6).hex()
        g.sh("mkdir -p /www && echo %s > /www/index.html && cp /tmp/f /www/big" % shell_quote(token))
        g.sh("httpd -p 8080 -h /www")
        t0 = time.monotonic()
        body, tries = http_get("http://127.0.0.1:%d/index.html" % fwd, 30, "hostfwd")
        if body != (token + "\n").encode():
            raise TestFailure("hostfwd: http://127.0.0.1:%d/index.html gave %r, want %r" % (fwd, body[:200], token + "\n"))
        g.say("hostfwd 127.0.0.1:%d -> guest :8080 ok: index.html after %d attempt(s), %.2f s"
              % (fwd, tries, time.monotonic() - t0))
        t0 = time.monotonic()
        body, _ = http_get("http://127.0.0.1:%d/big" % fwd, 30, "hostfwd")
        got = hashlib.sha256(body).hexdigest()
        if got != sha:
            raise TestFailure("hostfwd: /big from the guest is %d bytes with SHA-256 %s, want 524288 bytes, %s"
                              % (len(body), got, sha))
        g.say("hostfwd: 512 KiB from the guest's httpd intact in %.2f s" % (time.monotonic() - t0))
        g.poweroff()
    finally:
        server.close()


def main():
    args = bootconsole.parse_args(NAME, __doc__.splitlines()[0])
    args.timeout = args.timeout or 300
    args.step_timeout = args.step_timeout or 120

    def body(tmp, guests, step):
        step("port in use")
        check_port_in_use(args)
        step("user network")
        check_guest_network(args, tmp, guests)
    return bootconsole.run_guests(NAME, args, "vhart-net-", body)


if __name__ == "__main__":
    sys.exit(main())
