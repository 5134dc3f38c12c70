#!/usr/bin/env python3
"""Kill loop: SIGKILL vhart at random moments while Linux writes to an ext4 disk; nothing flushed is lost.

usage: killloop.py [options] [--] VHART ARG...
  the command boots Linux with the initramfs built from killloop_init.sh, e.g.
    eval "$(roms/build.sh --init tests/system/reliability/killloop_init.sh --out killloop)"
    killloop.py --runs 5 --seed 1 -- build/vhart --mem 256M --kernel "$KERNEL" --initrd "$INITRD" \\
        --append "console=ttyS0 quiet"
The script adds --drive IMAGE (writeback, vhart's default cache mode; --cache writethrough adds
,cache=writethrough) to the command.

The image is made once with `mke2fs -t ext4`. Then, run after run, on the same image:
1. Boot. The guest's /init mounts the disk (the kernel replays the journal left by the last kill),
   checks every record in it and prints "KL: VERIFY good=G ... bad=B": G is the highest N such that
   records 1..N are all in the index with their data intact (SHA-256), B the number of complete index
   lines whose data is wrong. Lost = the records the host saw "FLUSHED" in the previous run (or found
   good in an earlier boot) that are not within 1..G. Lost and B must be 0.
2. The guest truncates the index after G, unmounts and prints "KL: UNMOUNTED"; the host runs
   `e2fsck -fn IMAGE` while the guest waits: it must exit 0 and report nothing.
3. The host sends "go"; the guest mounts again and writes records G+1, G+2, ...: a file of 1-16 KiB
   from /dev/urandom, fsync (of the file and of its directory), then a line "SHA256  N" appended to
   the index and fsync, and only then it prints "FLUSHED N" on the serial console.
4. After a random delay (uniform in [0, --max-delay] s) the host SIGKILLs vhart; the last "FLUSHED N"
   it received before the kill is what the next boot must find. With probability --early-kill the
   kill lands instead at a random moment of step 1 or 2 (boot, journal replay, verification), and no
   new record is expected.
A final boot verifies the last run, runs e2fsck, and powers off (exit status 0).

The seed (--seed, default: random, printed) fixes the delays, not the guest's timing, so two runs
with one seed kill at the same host times but not at the same guest instruction.

Prints one line per run and a summary: runs, kills while writing / while booting, flushed records
checked, record checks in total, losses, corrupt records, e2fsck runs (all clean). Exit status 0 if
nothing was lost and every check passed, 1 otherwise, 77 if e2fsprogs is missing (1 with
$VHART_REQUIRE_GUESTS).
"""

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

try:
    import pexpect
except ImportError:  # pragma: no cover - depends on the machine
    sys.stderr.write("killloop: python3 module pexpect is missing (Debian: apt-get install python3-pexpect)\n")
    sys.exit(2)

NAME = "killloop"


class Failure(Exception):
    pass


def parse_args():
    p = argparse.ArgumentParser(prog=NAME, description=__doc__.splitlines()[0],
                                usage="%(prog)s [options] [--] VHART ARG...")
    p.add_argument("--runs", type=int, default=5, help="number of kills (default 5)")
    p.add_argument("--seed", type=int, default=None, help="seed of the random delays (default: random)")
    p.add_argument("--max-delay", type=float, default=6.0,
                   help="the kill comes up to this many seconds after writing starts (default 6)")
    p.add_argument("--early-kill", type=float, default=0.2,
                   help="fraction of kills aimed at the boot and verification instead (default 0.2)")
    p.add_argument("--cache", choices=("writeback", "writethrough"), default=None,
                   help="add ,cache=MODE to the --drive option (default: vhart's default, writeback)")
    p.add_argument("--image-size", default="128M", help="size of the ext4 image (default 128M)")
    p.add_argument("--timeout", type=float, default=300, help="seconds allowed for each boot step (default 300)")
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")
    p.add_argument("--log", metavar="FILE", help="write every run's console transcript to FILE")
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args()
    if args.command and args.command[0] == "--":
        args.command = args.command[1:]
    if not args.command:
        p.error("no emulator command given")
    return args


class Run:
    """One boot of the guest on a pty."""

    def __init__(self, command, timeout, log):
        self.timeout = timeout
        self.log = log
        self.start = time.monotonic()
        self.child = pexpect.spawn(command[0], command[1:], encoding="utf-8", codec_errors="replace",
                                   timeout=None, dimensions=(50, 250), env=os.environ)
        self.child.delaybeforesend = 0
        self.text = []
        self.child.logfile_read = self
        self.stopped = False

    # pexpect's logfile_read interface: keep the transcript.
    def write(self, s):
        self.text.append(s)

    def flush(self):
        pass

    def transcript(self):
        return "".join(self.text)

    def expect(self, pattern, what, timeout=None):
        i = self.child.expect([pattern, r"Kernel panic[^\r\n]*", r"KL: (MOUNT|UMOUNT) FAILED",
                               pexpect.EOF, pexpect.TIMEOUT], timeout=timeout or self.timeout)
        if i == 0:
            return self.child.match
        if i in (1, 2):
            raise Failure("guest failed while waiting for %s: %s" % (what, self.child.after.strip()))
        if i == 3:
            self.child.close()
            raise Failure("vhart exited (status %s, signal %s) while waiting for %s"
                          % (self.child.exitstatus, self.child.signalstatus, what))
        raise Failure("timed out after %.0f s waiting for %s" % (timeout or self.timeout, what))

    def wait(self, seconds):
        """Let the guest run for `seconds` (reading its output); False if it exited meanwhile."""
        i = self.child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=seconds)
        return i == 1

    def kill9(self):
        os.killpg(self.child.pid, signal.SIGKILL)
        self.child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=30)
        self.child.close(force=True)
        if self.child.signalstatus != signal.SIGKILL:
            raise Failure("vhart did not die of SIGKILL (exit status %s, signal %s)"
                          % (self.child.exitstatus, self.child.signalstatus))

    def stop(self):
        if self.stopped:
            return
        self.stopped = True
        if self.child.isalive():
            self.child.terminate(force=True)
        if self.log:
            self.log.write(self.transcript().replace("\r", ""))
            self.log.write("\n==== end of run (%.1f s) ====\n" % (time.monotonic() - self.start))
            self.log.flush()


def e2fsck_clean(img):
    p = subprocess.run(["e2fsck", "-fn", img], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True, errors="replace", timeout=300)
    lines = p.stdout.splitlines()
    # A clean check is e2fsck's banner, the five pass names and the summary line, nothing else but
    # the note that the superblock's times are up to a day ahead: Linux sets its clock from the RTC
    # rounded up by half a second (rtc_hctosys), so an unmount in the host's same second can stamp
    # the next second. e2fsck counts that as clock skew, not damage, and still exits 0.
    extra = [l for l in lines if not (l.startswith("e2fsck ") or re.match(r"^Pass \d: ", l)
                                      or re.match(r"^\S+: \d+/\d+ files \(", l)
                                      or re.match(r"^Superblock last (write|mount) time is in the future\.$", l)
                                      or re.match(r"^\s*\(by less than a day, probably due to the hardware "
                                                  r"clock being incorrectly set\)$", l))]
    if p.returncode != 0 or extra:
        raise Failure("e2fsck -fn %s exited %d:\n  %s" % (img, p.returncode, "\n  ".join(lines)))


def boot_and_verify(run, stats, expect_good, e2fsck_img):
    """Steps 1 and 2 of a run; returns G."""
    m = run.expect(r"KL: write_cache ([a-z ]+?)\r*\n", "the disk's cache mode")
    if m.group(1) != "write back":
        raise Failure("the guest sees write_cache '%s', want 'write back' (VIRTIO_BLK_F_FLUSH)" % m.group(1))
    m = run.expect(r"KL: MOUNTED journal_replayed=(\d+)", "the mount")
    stats["replays"] += int(m.group(1))
    m = run.expect(r"KL: VERIFY good=(\d+) complete=(\d+) indexlines=(\d+) bad=(\d+) ?([^\r\n]*)",
                   "the guest's verification")
    good, bad = int(m.group(1)), int(m.group(4))
    stats["checks"] += good
    if good < expect_good:
        stats["lost"] += expect_good - good
        raise Failure("LOSS: records %d..%d were flushed but the guest finds only 1..%d intact (%s)"
                      % (good + 1, expect_good, good, m.group(0).strip()))
    if bad:
        stats["bad"] += bad
        raise Failure("%d complete index line(s) with wrong data: %s" % (bad, m.group(0).strip()))
    run.expect(r"KL: UNMOUNTED good=%d\r*\n" % good, "the unmount")
    e2fsck_clean(e2fsck_img)
    stats["fsck"] += 1
    return good


def main():
    args = parse_args()
    for tool in ("mke2fs", "e2fsck"):
        if not shutil.which(tool):
            sys.stderr.write("%s: %s missing (Debian: apt-get install e2fsprogs)\n" % (NAME, tool))
            return 1 if os.environ.get("VHART_REQUIRE_GUESTS") else 77
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix="vhart-killloop-")
    img = os.path.join(tmp, "disk.img")
    subprocess.run(["mke2fs", "-q", "-t", "ext4", img, args.image_size], check=True)
    command = args.command + ["--drive", img + (",cache=" + args.cache if args.cache else "")]
    log = open(args.log, "w", encoding="utf-8") if args.log else None
    stats = dict(runs=0, write_kills=0, early_kills=0, flushed=0, checks=0, lost=0, bad=0, fsck=0, replays=0)
    good = 0            # records 1..good are known intact and must stay so
    print("[%s] seed %d, %d runs, kill within %.1f s of writing (%.0f%% aimed at boot/recovery), image %s %s, "
          "cache %s" % (NAME, seed, args.runs, args.max_delay, 100 * args.early_kill, args.image_size, img,
                        args.cache or "default (writeback)"))
    t0 = time.monotonic()
    run = None
    try:
        for i in range(1, args.runs + 2):
            final = i == args.runs + 1
            early = not final and rng.random() < args.early_kill
            delay = rng.uniform(0, args.max_delay)
            boot_delay = rng.uniform(0, 1)      # fraction of the last boot-to-UNMOUNTED time
            run = Run(command, args.timeout, log)
            if early and stats.get("boot_time"):
                # Kill somewhere between power-on and the end of the verification.
                when = boot_delay * stats["boot_time"]
                alive = run.wait(when)
                if not alive:
                    raise Failure("vhart exited during boot (status %s)" % run.child.exitstatus)
                saw = "KL: UNMOUNTED" in run.transcript()
                run.kill9()
                run.stop()
                stats["runs"] += 1
                stats["early_kills"] += 1
                print("[%s] run %d: killed %.2f s after power-on (%s); expect 1..%d"
                      % (NAME, i, when, "after the verification" if saw else "during boot/recovery", good),
                      flush=True)
                continue
            g = boot_and_verify(run, stats, good, img)
            stats["boot_time"] = time.monotonic() - run.start
            good = g
            if final:
                run.child.send("stop\r")
                run.expect(r"KL: no go \(stop\): poweroff", "the guest's poweroff")
                i_ = run.child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=60)
                run.child.close()
                if i_ != 0 or run.child.exitstatus != 0:
                    raise Failure("vhart did not exit with status 0 after poweroff (status %s, signal %s)"
                                  % (run.child.exitstatus, run.child.signalstatus))
                run.stop()
                print("[%s] final boot: 1..%d intact, e2fsck clean, poweroff: exit status 0" % (NAME, good))
                break
            run.child.send("go\r")
            run.expect(r"KL: WRITING from %d\r*\n" % (good + 1), "the start of writing")
            if not run.wait(delay):
                raise Failure("vhart exited while the guest was writing (status %s)" % run.child.exitstatus)
            run.kill9()
            flushed = [int(n) for n in re.findall(r"FLUSHED (\d+)", run.transcript())]
            run.stop()
            if flushed and flushed != list(range(good + 1, good + 1 + len(flushed))):
                raise Failure("FLUSHED numbers out of sequence: %s" % flushed[:20])
            last = flushed[-1] if flushed else good
            stats["runs"] += 1
            stats["write_kills"] += 1
            stats["flushed"] += last - good
            print("[%s] run %d: verified 1..%d, e2fsck clean; killed %.2f s into writing after FLUSHED %d "
                  "(%d new)" % (NAME, i, good, delay, last, last - good), flush=True)
            good = last
    except Failure as e:
        if run:
            run.stop()
            sys.stdout.write("---- last console output ----\n%s\n----\n" % run.transcript()[-3000:].replace("\r", ""))
        sys.stderr.write("%s: FAIL (seed %d): %s\n" % (NAME, seed, e))
        ok = False
    else:
        ok = True
    finally:
        if run:
            run.stop()
        if log:
            log.close()
        if args.keep:
            print("[%s] kept %s" % (NAME, tmp))
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print("[%s] %d runs (%d killed while writing, %d during boot/recovery) in %.0f s: %d flushed records "
          "checked, %d record checks in all, %d lost, %d corrupt; %d journal replays by the guest; e2fsck -fn "
          "clean %d times"
          % (NAME, stats["runs"], stats["write_kills"], stats["early_kills"], time.monotonic() - t0,
             stats["flushed"], stats["checks"], stats["lost"], stats["bad"], stats["replays"], stats["fsck"]))
    if ok and stats["lost"] == 0 and stats["bad"] == 0:
        print("[%s] PASS" % NAME)
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
