#!/usr/bin/env python3
"""System test: Debian 13 (trixie) riscv64, built by roms/debian.sh, boots on vhart to a login and works.

usage: debian_test.py [options] [--] VHART [ARG...]
  e.g. eval "$(roms/debian.sh --print-paths)"
       debian_test.py --harts 2 -- build/vhart

The test builds the rest of the command line itself from roms/debian.sh's products (--image, --kernel,
--initrd, --packages; default: the paths `roms/debian.sh --print-paths` prints):
  VHART ARG... --smp N --mem 1G --kernel K --initrd I --append 'root=/dev/vda rw console=ttyS0'
               --drive IMAGE --snapshot --net user [--share DIR,tag=host]
--snapshot keeps the cached image pristine: every run boots the same file system.

Checks, in order (each failure ends the test with status 1 and one line naming it):
 1. "vhart-debian login: " appears on the serial console (systemd's serial getty); root logs in with the
    password "vhart" and gets bash's prompt.
 2. `nproc` prints N and `uname -r` the version of the kernel the image was built with (the manifest's
    vmlinux-VERSION).
 3. `systemctl is-system-running --wait` prints "running": every unit started. On "degraded" the test
    prints `systemctl --failed` and fails (the image should be fixed, not the test).
 4. `ip -4 addr show` gives an e* interface the address 10.0.2.15/24 (systemd-networkd's DHCP through
    --net user), within 60 s of the login.
 5. apt and dpkg offline: `dpkg-query -W` lists exactly the packages (and versions) recorded at build
    time in packages.txt, `dpkg -l | grep -c ^ii` is their number, `apt-get check` exits 0.
 6. --share (a virtio-9p export of a host directory): the test exports a temporary directory holding
    a token, mounts it in the guest (`mount -t 9p -o trans=virtio,version=9p2000.L host /mnt`), reads
    the token back, writes a file the host then reads (--no-share leaves this step out).
 7. `poweroff` ends vhart with status 0.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "boot"))
import bootconsole  # noqa: E402

NAME = "debian_test"
TestFailure = bootconsole.TestFailure
ROMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "roms")
HOSTNAME = "vhart-debian"
PASSWORD = "vhart"
APPEND = "root=/dev/vda rw console=ttyS0 systemd.default_device_timeout_sec=600"


def add_options(p):
    p.add_argument("--harts", type=int, default=1, help="--smp for the guest (default 1)")
    p.add_argument("--mem", default="1G", help="guest RAM (default 1G)")
    p.add_argument("--image", help="the ext4 image (default: from roms/debian.sh --print-paths)")
    p.add_argument("--kernel", help="Debian's kernel, taken out of the image")
    p.add_argument("--initrd", help="Debian's initramfs, taken out of the image")
    p.add_argument("--share", dest="share", action="store_const", const="yes", default="yes",
                   help="require the --share step (fail if vhart has no --share)")
    p.add_argument("--no-share", dest="share", action="store_const", const="no",
                   help="leave the --share step out")


def debian_paths(args):
    """Fill in --image/--kernel/--initrd from roms/debian.sh --print-paths; the packages list and manifest."""
    if not (args.image and args.kernel and args.initrd):
        r = subprocess.run([os.path.join(ROMS, "debian.sh"), "--print-paths"], capture_output=True, text=True)
        if r.returncode != 0:
            raise TestFailure("the Debian image is not built: run roms/debian.sh")
        paths = dict(line.split("=", 1) for line in r.stdout.splitlines() if "=" in line)
        args.image = args.image or paths["DEBIAN_IMAGE"]
        args.kernel = args.kernel or paths["DEBIAN_KERNEL"]
        args.initrd = args.initrd or paths["DEBIAN_INITRD"]
    d = os.path.dirname(os.path.abspath(args.image))
    with open(os.path.join(d, "packages.txt"), encoding="utf-8") as f:
        packages = sorted(l.strip() for l in f if l.strip())
    manifest = {}
    with open(os.path.join(d, "manifest"), encoding="utf-8") as f:
        for line in f:
            if ": " in line:
                k, v = line.rstrip("\n").split(": ", 1)
                manifest[k] = v
    return packages, manifest


def vhart_has_share(command):
    try:
        r = subprocess.run(command[:1] + ["--help"], capture_output=True, text=True)
    except OSError as e:
        raise TestFailure("cannot run %s: %s" % (command[0], e.strerror))
    return re.search(r"^\s+--share\b", r.stdout, re.M) is not None


def body(args, transcripts):
    packages, manifest = debian_paths(args)
    want_release = manifest.get("kernel", "").replace("vmlinux-", "", 1)
    share = args.share != "no" and (args.share == "yes" or vhart_has_share(args.command))
    if args.share == "yes" and not vhart_has_share(args.command):
        raise TestFailure("--share required, but %s --help offers no --share" % args.command[0])
    sharedir = tempfile.mkdtemp(prefix="vhart-debian-share-") if share else None
    token = secrets.token_hex(8)
    try:
        command = list(args.command) + [
            "--smp", str(args.harts), "--mem", args.mem, "--kernel", args.kernel, "--initrd", args.initrd,
            "--append", APPEND, "--drive", args.image, "--snapshot", "--net", "user"]
        if share:
            with open(os.path.join(sharedir, "token"), "w", encoding="utf-8") as f:
                f.write(token + "\n")
            command += ["--share", sharedir + ",tag=host"]
        g = bootconsole.Guest(NAME, "smp%d" % args.harts, command, args, transcripts)
        c = g.console

        # 1. Login on the serial console.
        c.expect(re.escape(HOSTNAME) + r" login: ", args.timeout, "the login prompt")
        g.say("login prompt after %.2f s" % c.elapsed())
        c.send("root\r")
        c.expect(r"Password: ", args.step_timeout, "the password prompt")
        c.send(PASSWORD + "\r")
        c.expect(r"root@" + re.escape(HOSTNAME) + r":~# ", args.step_timeout, "bash's prompt after logging in")
        c.send(bootconsole.SET_PROMPT + "\r")
        c.expect(re.escape(bootconsole.PROMPT), args.step_timeout, "our own prompt after setting PS1")
        g.sh("dmesg -n 2")
        g.say("logged in after %.2f s" % c.elapsed())

        # 2. Harts and kernel.
        _, out = g.sh("nproc")
        if out != [str(args.harts)]:
            raise TestFailure("`nproc` printed %r, want %r" % (out, [str(args.harts)]))
        _, out = g.sh("uname -r")
        if out != [want_release]:
            raise TestFailure("`uname -r` printed %r, want %r (manifest)" % (out, [want_release]))

        # 3. systemd: every unit up.
        _, out = g.sh("systemctl is-system-running --wait", timeout=max(args.step_timeout, 600), want_rc=None)
        if out != ["running"]:
            _, failed = g.sh("systemctl --failed --no-pager --no-legend", want_rc=None)
            raise TestFailure("`systemctl is-system-running` printed %r, want ['running']; failed units:\n  %s"
                              % (out, "\n  ".join(failed) or "(none listed)"))
        g.say("systemd: running after %.2f s" % c.elapsed())

        # 4. DHCP through --net user.
        # -color=never: trixie's ip colours addresses on a terminal.
        _, out = g.sh("for i in $(seq 60); do ip -4 -o addr show | grep -q ' inet 10.0.2.15/24 ' && break; "
                      "sleep 1; done; ip -color=never -4 -o addr show", timeout=max(args.step_timeout, 120))
        if not any(re.match(r"\d+: e\S+\s+inet 10\.0\.2\.15/24 ", l) for l in out):
            raise TestFailure("no e* interface got 10.0.2.15/24 by DHCP; `ip -4 -o addr show`:\n  %s"
                              % "\n  ".join(out))

        # 5. dpkg and apt, offline.
        _, out = g.sh("dpkg-query -W -f='${Package} ${Version}\\n' | sort", timeout=max(args.step_timeout, 300))
        if sorted(out) != packages:
            missing = sorted(set(packages) - set(out))[:5]
            extra = sorted(set(out) - set(packages))[:5]
            raise TestFailure("dpkg-query -W differs from packages.txt (%d vs %d packages; missing %s, extra %s)"
                              % (len(out), len(packages), missing, extra))
        _, out = g.sh("dpkg -l | grep -c ^ii", timeout=max(args.step_timeout, 300))
        if out != [str(len(packages))]:
            raise TestFailure("`dpkg -l | grep -c ^ii` printed %r, want %r" % (out, [str(len(packages))]))
        g.sh("apt-get check", timeout=max(args.step_timeout, 300))
        g.say("%d packages installed, as built; apt-get check passed" % len(packages))

        # 6. --share.
        if share:
            g.sh("mount -t 9p -o trans=virtio,version=9p2000.L host /mnt")
            _, out = g.sh("cat /mnt/token")
            if out != [token]:
                raise TestFailure("/mnt/token in the guest read %r, want %r" % (out, [token]))
            g.sh("echo from-guest-%s >/mnt/back && sync && umount /mnt" % token)
            with open(os.path.join(sharedir, "back"), encoding="utf-8") as f:
                back = f.read()
            if back != "from-guest-%s\n" % token:
                raise TestFailure("the guest's file on the host reads %r" % back)
            g.say("--share: token read, file written back")
        else:
            g.say("SKIPPED the --share step: %s" % ("--no-share" if args.share == "no" else
                                                    "vhart --help offers no --share"))

        # 7. Power off.
        c.send("poweroff\r")
        c.expect_exit(args.exit_timeout, 0)
        g.say("PASS (smp%d)" % args.harts)
    finally:
        if sharedir:
            shutil.rmtree(sharedir, ignore_errors=True)


def main():
    args = bootconsole.parse_args(NAME, "Debian trixie on vhart: login, systemd, DHCP, dpkg/apt, poweroff",
                                  add_options)
    args.timeout = args.timeout or 1200
    args.step_timeout = args.step_timeout or 120
    args.exit_timeout = max(args.exit_timeout, 300)
    return run_reporting(NAME, args, lambda transcripts: body(args, transcripts))


def run_reporting(name, args, run):
    """run(transcripts) with this test family's reporting: on a TestFailure every guest stops, its
    console log is saved (and with -q its tail printed) and the status is 1; Ctrl-C gives 130."""
    transcripts = []
    try:
        run(transcripts)
    except TestFailure as e:
        for g in transcripts:
            g.stop()
            g.console.log = args.log
            g.console.save_log()
            if args.quiet:
                sys.stdout.write("\n---- last console output ----\n%s\n-----------------------------\n"
                                 % g.console.transcript()[-4000:])
        sys.stdout.flush()
        sys.stderr.write("%s: FAIL: %s\n" % (name, e))
        return 1
    except KeyboardInterrupt:
        for g in transcripts:
            g.stop()
        return 130
    for g in transcripts:
        g.console.log = args.log
        g.console.save_log()
    return 0

if __name__ == "__main__":
    sys.exit(main())
