#!/usr/bin/env python3
"""Storage test of vhart's virtio-blk (--drive): ext4 images read, written, killed, read-only, writethrough.

usage: storage_test.py [options] [--] VHART ARG...   (the command boots Linux + the busybox initramfs)
  e.g. eval "$(roms/build.sh --print-paths)"
       storage_test.py build/vhart --mem 256M --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0

The test adds its own --drive options to the command. Host tools: mke2fs, e2fsck, debugfs, dumpe2fs
(e2fsprogs). Three boots, each on an image made with `mke2fs -q -t ext4 -d SRC IMG 32M` from a
directory holding hello.txt (a line with a per-run token) and random.bin (1 MiB from os.urandom):

1. --drive IMG (writeback, the default). vhart holds IMG open O_RDWR without O_DSYNC; in the guest
   /sys/block/vda/ro is 0 and its size 65536 sectors; `mount -o noinit_itable -t ext4 /dev/vda /mnt`
   works (noinit_itable: no background ext4lazyinit writes, so that nothing but the test writes);
   /mnt/hello.txt is exactly the host's line and `sha256sum /mnt/random.bin` is the host's SHA-256;
   `dd if=/dev/urandom of=/mnt/new bs=64k count=8` writes 524288 bytes, its sha256sum is noted, `sync`
   returns 0 and dmesg has no I/O or EXT4-fs error. Then vhart is killed with SIGKILL while the file
   system is still mounted (no umount, no poweroff) and must die of signal 9. On the host:
   a. the image as left: dumpe2fs shows `needs_recovery` (it was killed mounted: the journal was not
      closed); `e2fsck -fn IMG` exits 0, and the only things it may report are the superblock's free
      block/inode totals (ext4 keeps those lazily; the kernel recomputes them at mount); `debugfs -R
      "dump /new OUT" IMG` gives a file whose SHA-256 is the guest's (sync wrote the data and, after
      the journal commit, the metadata in place).
   b. a COPY after `e2fsck -fy` (journal recovery): exit status 0 or 1 (1 = "file system was
      modified"), the output says the journal was recovered and again only the superblock totals may be
      fixed; then `e2fsck -fn COPY` exits 0 with nothing to fix, and debugfs dumps /new with the
      guest's SHA-256 and /random.bin with the host's.
2. --drive IMG2,ro. vhart holds IMG2 O_RDONLY; /sys/block/vda/ro is 1 (vhart offers VIRTIO_BLK_F_RO);
   `mount -o ro` works and reads hello.txt and random.bin correctly; then every write is refused by
   the guest kernel before it reaches the device: `mount -o remount,rw /mnt` fails with "Permission
   denied" (EACCES), `echo x > /mnt/x` with "Read-only file system" (EROFS), and `dd if=/dev/zero
   of=/dev/vda bs=512 count=1 conv=fsync` with "Operation not permitted" (EPERM, the block layer's
   answer for a read-only disk); /mnt/x does not exist; `umount` and `poweroff` end vhart with status 0,
   and IMG2's SHA-256 on the host is the same before and after.
3. --drive IMG3,cache=writethrough. vhart holds IMG3 O_RDWR|O_DSYNC; mount, write /mnt/wt (as in 1),
   sync, umount, poweroff: exit status 0; on the host `e2fsck -fn IMG3` exits 0 with nothing reported
   and no journal to recover, and debugfs dumps /wt with the guest's SHA-256.

Exit status 0 on success, 1 on failure (one line on stderr naming the check), 77 when the host tools
are missing (1 instead if $VHART_REQUIRE_GUESTS is set).
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402

NAME = "storage_test"
TestFailure = bootconsole.TestFailure

# ------------------------------------------------------------------------------------------------
# Guest shell driving: bootconsole.Guest, under this test's name.

def Guest(label, command, args, transcripts):
    return bootconsole.Guest(NAME, label, command, args, transcripts)



def process_tree(pid):
    """`pid` and its descendants (in case the emulator runs under a wrapper that does not exec)."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir("/proc/%d/task" % p):
                with open("/proc/%d/task/%s/children" % (p, task)) as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return pids


def host_fd_flags(pid, path):
    """The open flags (fdinfo 'flags:', octal) of the descriptors on `path` held by `pid` or its
    descendants; None without /proc."""
    if not os.path.isdir("/proc/%d/fd" % pid):
        return None
    want = os.path.realpath(path)
    flags = []
    for p in process_tree(pid):
        fd_dir = "/proc/%d/fd" % p
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(os.path.join(fd_dir, fd)) != want:
                    continue
                with open("/proc/%d/fdinfo/%s" % (p, fd)) as f:
                    for line in f:
                        if line.startswith("flags:"):
                            flags.append(int(line.split()[1], 8))
            except OSError:
                continue
    return flags


def check_open_mode(g, path, want_access, want_dsync):
    flags = host_fd_flags(g.pid, path)
    if flags is None:
        g.say("no /proc: open flags of %s not checked" % path)
        return
    if len(flags) != 1:
        raise TestFailure("[%s] vhart has %d descriptors open on %s, want 1" % (g.label, len(flags), path))
    f = flags[0]
    names = {os.O_RDONLY: "O_RDONLY", os.O_WRONLY: "O_WRONLY", os.O_RDWR: "O_RDWR"}
    if f & os.O_ACCMODE != want_access or bool(f & os.O_DSYNC) != want_dsync:
        raise TestFailure("[%s] vhart opened %s with flags 0%o (%s%s), want %s%s"
                          % (g.label, path, f, names.get(f & os.O_ACCMODE, "?"), "|O_DSYNC" if f & os.O_DSYNC else "",
                             names[want_access], "|O_DSYNC" if want_dsync else " without O_DSYNC"))
    g.say("vhart holds %s open with %s%s" % (os.path.basename(path), names[want_access],
                                             "|O_DSYNC" if want_dsync else " (no O_DSYNC)"))


# ------------------------------------------------------------------------------------------------
# Host side

TOOLS = ("mke2fs", "e2fsck", "debugfs", "dumpe2fs")
# What e2fsck may find after an unclean stop without it meaning corruption: the superblock's free
# totals, which ext4 only updates lazily (the per-group counts, which are journalled, must be right).
BENIGN_FIX = re.compile(r"^Free (blocks|inodes) count wrong \(\d+, counted=\d+\)\.$")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def host(cmd, what, ok=(0,)):
    """Run a host command; return (status, combined output). Fails unless the status is in `ok`."""
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True,
                       errors="replace", timeout=300)
    if p.returncode not in ok:
        raise TestFailure("%s: `%s` exited %d:\n  %s" % (what, " ".join(cmd), p.returncode,
                                                        "\n  ".join(p.stdout.splitlines()[-30:])))
    return p.returncode, p.stdout


def make_image(tmp, src, name):
    img = os.path.join(tmp, name)
    host(["mke2fs", "-q", "-t", "ext4", "-d", src, img, "32M"], "making %s" % name)
    return img


def e2fsck_findings(output):
    """The lines of e2fsck output that report a problem (those followed by 'Fix?' and the like)."""
    lines = output.splitlines()
    found = []
    for i, line in enumerate(lines):
        if re.match(r"^(Fix|Clear|Salvage|Relocate|Recreate|Optimize)\?", line.strip()) and i > 0:
            found.append(lines[i - 1].strip())
    return found


def debugfs_dump(img, guest_path, out, want_sha, what):
    if os.path.exists(out):
        os.unlink(out)
    _, text = host(["debugfs", "-R", "dump %s %s" % (guest_path, out), img], what)
    if not os.path.exists(out):
        raise TestFailure("%s: debugfs could not dump %s from %s:\n  %s"
                          % (what, guest_path, os.path.basename(img), "\n  ".join(text.splitlines())))
    got = sha256_file(out)
    if got != want_sha:
        raise TestFailure("%s: %s in %s has SHA-256 %s (%d bytes), want %s"
                          % (what, guest_path, os.path.basename(img), got, os.path.getsize(out), want_sha))


def guest_sha(g, path):
    _, out = g.sh("sha256sum %s" % path)
    for line in out:
        m = re.fullmatch(r"([0-9a-f]{64})\s+%s" % re.escape(path), line.strip())
        if m:
            return m.group(1)
    raise TestFailure("[%s] no checksum in the output of `sha256sum %s`: %r" % (g.label, path, out))


def check_contents(g, hello, random_sha):
    _, out = g.sh("cat /mnt/hello.txt")
    if out != [hello]:
        raise TestFailure("[%s] /mnt/hello.txt reads %r, want %r" % (g.label, out, [hello]))
    got = guest_sha(g, "/mnt/random.bin")
    if got != random_sha:
        raise TestFailure("[%s] sha256sum /mnt/random.bin in the guest is %s, host's is %s"
                          % (g.label, got, random_sha))
    g.say("hello.txt and random.bin (SHA-256 %s...) read back intact" % random_sha[:16])


def check_no_disk_errors(g):
    rc, out = g.sh("dmesg | grep -iE 'I/O error|EXT4-fs (error|warning)|blk_update_request|virtio_blk.*(error|fail)'",
                   want_rc=None)
    if rc == 0:
        raise TestFailure("[%s] dmesg reports disk errors:\n  %s" % (g.label, "\n  ".join(out)))


def write_file(g, path):
    """dd 512 KiB of random data to `path` and return the guest's SHA-256 of it."""
    _, out = g.sh("dd if=/dev/urandom of=%s bs=64k count=8" % path)
    if not any(l.startswith("524288 bytes") for l in out):
        raise TestFailure("[%s] dd did not write 524288 bytes to %s: %r" % (g.label, path, out))
    sha = guest_sha(g, path)
    g.say("wrote %s in the guest: SHA-256 %s" % (path, sha))
    return sha


# ------------------------------------------------------------------------------------------------
# The three parts

def part_kill(args, tmp, src, hello, random_sha, guests):
    img = make_image(tmp, src, "rw.img")
    g = Guest("writeback+kill", args.command + ["--drive", img], args, guests)
    g.boot()
    check_open_mode(g, img, os.O_RDWR, False)
    _, out = g.sh("cat /sys/block/vda/ro /sys/block/vda/size")
    if out != ["0", "65536"]:
        raise TestFailure("[%s] /sys/block/vda ro and size are %r, want ['0', '65536']" % (g.label, out))
    # noinit_itable: no ext4lazyinit thread. It starts 0-5 s (at random) after the mount and journals
    # group descriptor updates; one landing between sync's commit and the kill would leave the raw
    # image with a stale descriptor block (the recovered copy would still be right). Without it,
    # nothing writes to the file system after `sync`, so the raw image's state is deterministic.
    g.sh("mount -o noinit_itable -t ext4 /dev/vda /mnt")
    check_contents(g, hello, random_sha)
    new_sha = write_file(g, "/mnt/new")
    g.sh("sync")
    check_no_disk_errors(g)
    g.kill9()

    # a. The image exactly as vhart left it.
    _, text = host(["dumpe2fs", "-h", img], "dumpe2fs on the killed image")
    features = next((l for l in text.splitlines() if l.startswith("Filesystem features:")), "")
    if "needs_recovery" not in features.split():
        raise TestFailure("killed image: dumpe2fs shows no needs_recovery (was the file system really "
                          "mounted when vhart was killed?): %s" % features)
    _, text = host(["e2fsck", "-fn", img], "e2fsck -fn on the killed image")
    bad = [f for f in e2fsck_findings(text) if not BENIGN_FIX.match(f)]
    if bad:
        raise TestFailure("killed image: e2fsck -fn reports:\n  %s" % "\n  ".join(bad))
    benign = e2fsck_findings(text)
    debugfs_dump(img, "/new", os.path.join(tmp, "new.raw"), new_sha, "killed image")
    print("[%s] killed image: needs_recovery set; e2fsck -fn exit 0 (%s); debugfs /new SHA-256 matches"
          % (NAME, " / ".join(benign) if benign else "nothing reported"))

    # b. A copy after journal recovery.
    copy = os.path.join(tmp, "rw-recovered.img")
    shutil.copyfile(img, copy)
    rc, text = host(["e2fsck", "-fy", copy], "e2fsck -fy (journal recovery) on a copy", ok=(0, 1))
    if "recovering journal" not in text:
        raise TestFailure("recovered copy: e2fsck -fy did not recover the journal:\n  %s"
                          % "\n  ".join(text.splitlines()))
    fixed = e2fsck_findings(text)
    bad = [f for f in fixed if not BENIGN_FIX.match(f)]
    if bad:
        raise TestFailure("recovered copy: e2fsck -fy had to fix more than the superblock totals:\n  %s"
                          % "\n  ".join(bad))
    _, text = host(["e2fsck", "-fn", copy], "e2fsck -fn on the recovered copy")
    if e2fsck_findings(text):
        raise TestFailure("recovered copy: e2fsck -fn still reports:\n  %s" % "\n  ".join(e2fsck_findings(text)))
    debugfs_dump(copy, "/new", os.path.join(tmp, "new.rec"), new_sha, "recovered copy")
    debugfs_dump(copy, "/random.bin", os.path.join(tmp, "random.rec"), random_sha, "recovered copy")
    print("[%s] recovered copy: e2fsck -fy exit %d (journal recovered%s); e2fsck -fn exit 0, clean; "
          "debugfs /new and /random.bin match" % (NAME, rc, "; fixed: " + " / ".join(fixed) if fixed else ""))


def part_readonly(args, tmp, src, hello, random_sha, guests):
    img = make_image(tmp, src, "ro.img")
    before = sha256_file(img)
    g = Guest("read-only", args.command + ["--drive", img + ",ro"], args, guests)
    g.boot()
    check_open_mode(g, img, os.O_RDONLY, False)
    _, out = g.sh("cat /sys/block/vda/ro")
    if out != ["1"]:
        raise TestFailure("[%s] /sys/block/vda/ro is %r, want ['1'] (VIRTIO_BLK_F_RO not offered?)" % (g.label, out))
    g.sh("mount -o ro -t ext4 /dev/vda /mnt")
    check_contents(g, hello, random_sha)
    refusals = [
        ("mount -o remount,rw /mnt", "Permission denied"),
        ("echo x > /mnt/x", "Read-only file system"),
        ("dd if=/dev/zero of=/dev/vda bs=512 count=1 conv=fsync", "Operation not permitted"),
    ]
    for command, message in refusals:
        rc, out = g.sh(command, want_rc=None)
        if rc == 0 or not any(message in l for l in out):
            raise TestFailure("[%s] `%s` should fail with \"%s\": exit %d, output %r"
                              % (g.label, command, message, rc, out))
        g.say("refused as expected: `%s`: %s" % (command, next(l for l in out if message in l).strip()))
    rc, out = g.sh("test -e /mnt/x", want_rc=None)
    if rc == 0:
        raise TestFailure("[%s] /mnt/x exists on the read-only mount" % g.label)
    g.sh("umount /mnt")
    g.poweroff()
    after = sha256_file(img)
    if after != before:
        raise TestFailure("read-only image changed on the host: SHA-256 %s before, %s after" % (before, after))
    print("[%s] read-only image byte-identical after the run (SHA-256 %s)" % (NAME, after))


def part_writethrough(args, tmp, src, hello, random_sha, guests):
    img = make_image(tmp, src, "wt.img")
    g = Guest("writethrough", args.command + ["--drive", img + ",cache=writethrough"], args, guests)
    g.boot()
    check_open_mode(g, img, os.O_RDWR, True)
    g.sh("mount -t ext4 /dev/vda /mnt")
    check_contents(g, hello, random_sha)
    wt_sha = write_file(g, "/mnt/wt")
    g.sh("sync")
    check_no_disk_errors(g)
    g.sh("umount /mnt")
    g.poweroff()
    _, text = host(["e2fsck", "-fn", img], "e2fsck -fn on the writethrough image")
    if e2fsck_findings(text) or "journal" in text.lower():
        raise TestFailure("writethrough image not clean after umount and poweroff:\n  %s"
                          % "\n  ".join(text.splitlines()))
    debugfs_dump(img, "/wt", os.path.join(tmp, "wt.out"), wt_sha, "writethrough image")
    print("[%s] writethrough image: e2fsck -fn exit 0, clean; debugfs /wt SHA-256 matches" % NAME)


# ------------------------------------------------------------------------------------------------

def add_options(p):
    p.add_argument("--keep", action="store_true", help="keep the temporary directory (its path is printed)")


def main():
    args = bootconsole.parse_args(NAME, __doc__.splitlines()[0], add_options)
    args.timeout = args.timeout or 300
    args.step_timeout = args.step_timeout or 120
    missing = [t for t in TOOLS if not shutil.which(t)]
    if missing:
        sys.stderr.write("%s: %s missing (Debian: apt-get install e2fsprogs)\n" % (NAME, ", ".join(missing)))
        return 1 if os.environ.get("VHART_REQUIRE_GUESTS") else 77

    def body(tmp, guests, step):
        src = os.path.join(tmp, "src")
        os.mkdir(src)
        hello = "vhart storage test %s: hello from the host" % os.urandom(6).hex()
        with open(os.path.join(src, "hello.txt"), "w") as f:
            f.write(hello + "\n")
        with open(os.path.join(src, "random.bin"), "wb") as f:
            f.write(os.urandom(1 << 20))
        random_sha = sha256_file(os.path.join(src, "random.bin"))
        for part in (part_kill, part_readonly, part_writethrough):
            step(part.__name__)
            part(args, tmp, src, hello, random_sha, guests)
    return bootconsole.run_guests(NAME, args, "vhart-storage-", body, keep=args.keep)


if __name__ == "__main__":
    sys.exit(main())
