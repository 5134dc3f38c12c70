#!/usr/bin/env python3
"""System test of --snapshot: the guest writes its disks, reads its writes back, and the image files stay byte-identical.

usage: snapshot_test.py [options] [--] VHART ARG...   (the command boots Linux + the busybox initramfs)
  e.g. eval "$(roms/build.sh --print-paths)"
       snapshot_test.py build/vhart --mem 256M --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0

The test adds `--snapshot --drive FS.img --drive RAW.img` to the command, with $TMPDIR set to a
directory of its own (where vhart puts the overlays' temporary files). FS.img is made with
`mke2fs -q -t ext4 -d SRC FS.img 32M` from a directory holding hello.txt (a line with a per-run
token); RAW.img is 1 MiB from os.urandom. Host tools: mke2fs, e2fsck (e2fsprogs).

1. First boot. vhart holds both images O_RDONLY (/proc/PID/fdinfo) and two unlinked files
   "$TMPDIR/vhart-overlay-* (deleted)"; in the guest /sys/block/vd[ab]/ro are 0 (writable disks).
   Raw device: a token line written with `dd of=/dev/vdb bs=512 seek=100 conv=notrunc,fsync`
   reads back from the device after `echo 3 > /proc/sys/vm/drop_caches` (sector 100 begins with the
   token, the rest of the sector keeps RAW.img's bytes), and sector 101 still has RAW.img's SHA-256.
   File system: mount, hello.txt is the host's line; `dd if=/dev/urandom of=/mnt/new bs=64k count=8`,
   sync, umount, drop caches, mount again: /mnt/new has the SHA-256 the guest computed when it wrote
   it, /mnt/hello.txt is intact; umount; `poweroff` ends vhart with status 0.
   On the host: both images have the SHA-256 and the mtime (ns) they had before the boot; $TMPDIR is
   empty; `e2fsck -fn FS.img` exits 0.
   While it runs, a second vhart with `--drive FS.img` (a writer) is refused with exit status 2 and
   "vhart: --drive FS.img: in use by another process", and a second `--snapshot` one runs (shared
   locks; it ends at --max-insns, status 3).
2. Second boot, --snapshot again: the first boot's writes are gone (/mnt/new does not exist, sector
   100 of vdb has RAW.img's SHA-256); poweroff; the images are still byte-identical.
3. TMPDIR=/nonexistent-vhart-tmpdir: exit status 2 and exactly "vhart: --snapshot: cannot create a
   temporary file in /nonexistent-vhart-tmpdir: No such file or directory".

Exit status 0 on success, 1 on failure (one line on stderr naming the check), 77 when the host tools
are missing (1 instead if $VHART_REQUIRE_GUESTS is set).
"""

import hashlib
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402
from storage_test import check_open_mode, guest_sha, host, process_tree, sha256_file, write_file  # noqa: E402

NAME = "snapshot_test"
TestFailure = bootconsole.TestFailure
TOKEN_SECTOR = 100


def Guest(label, command, args, transcripts):
    return bootconsole.Guest(NAME, label, command, args, transcripts)


def identity(path):
    st = os.stat(path)
    return sha256_file(path), st.st_mtime_ns, st.st_size


def check_unchanged(path, before, when):
    now = identity(path)
    if now != before:
        raise TestFailure("%s: %s changed on the host: (SHA-256, mtime ns, size) %r before, %r now"
                          % (when, os.path.basename(path), before, now))


def overlay_files(pid, tmpdir):
    """The targets of vhart's descriptors on files in tmpdir (None without /proc)."""
    if not os.path.isdir("/proc/%d/fd" % pid):
        return None
    found = []
    for p in process_tree(pid):
        try:
            fds = os.listdir("/proc/%d/fd" % p)
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink("/proc/%d/fd/%s" % (p, fd))
            except OSError:
                continue
            if target.startswith(tmpdir + "/"):
                found.append(target[len(tmpdir) + 1:])
    return sorted(found)


def sector_sha(g, dev, sector):
    _, out = g.sh("dd if=%s bs=512 skip=%d count=1 2>/dev/null | sha256sum" % (dev, sector))
    if len(out) != 1 or len(out[0].split()[0]) != 64:
        raise TestFailure("[%s] no checksum of %s sector %d: %r" % (g.label, dev, sector, out))
    return out[0].split()[0]


def host_sector_sha(path, sector):
    with open(path, "rb") as f:
        f.seek(sector * 512)
        return hashlib.sha256(f.read(512)).hexdigest()


def drop_caches(g):
    g.sh("sync; echo 3 > /proc/sys/vm/drop_caches")


def run_vhart(argv, env=None):
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True, errors="replace", timeout=120, env=env)
    return p.returncode, p.stderr


def check_locks(args, g, fs_img):
    """While the first boot runs: a writer is refused (vhart holds the image with a shared lock), a
    second --snapshot run on the same image is not."""
    rc, err = run_vhart(args.command + ["--drive", fs_img])
    want = "vhart: --drive %s: in use by another process\n" % fs_img
    if rc != 2 or err != want:
        raise TestFailure("[%s] a second vhart writing the image: exit %d, %r; want exit 2, %r" % (g.label, rc, err, want))
    rc, err = run_vhart(args.command + ["--snapshot", "--drive", fs_img, "--max-insns", "100000"])
    if rc != 3:
        raise TestFailure("[%s] a second vhart --snapshot on the image: exit %d, %r; want 3 (--max-insns)" % (g.label, rc, err))
    g.say("a second vhart writing the image is refused; a second --snapshot one runs")


def check_bad_tmpdir(args, fs_img):
    """An overlay that cannot be created: one line, exit status 2."""
    env = dict(os.environ, TMPDIR="/nonexistent-vhart-tmpdir")
    rc, err = run_vhart(args.command + ["--snapshot", "--drive", fs_img], env)
    want = "vhart: --snapshot: cannot create a temporary file in /nonexistent-vhart-tmpdir: No such file or directory\n"
    if rc != 2 or err != want:
        raise TestFailure("bad $TMPDIR: exit %d, %r; want exit 2, %r" % (rc, err, want))
    print("[%s] bad $TMPDIR: exit 2, %s" % (NAME, want.strip()))


def first_boot(args, tmp, overlays, fs_img, raw_img, hello, before):
    guests = args.guests
    g = Guest("first boot", args.command + ["--snapshot", "--drive", fs_img, "--drive", raw_img], args, guests)
    g.boot()
    check_open_mode(g, fs_img, os.O_RDONLY, False)
    check_open_mode(g, raw_img, os.O_RDONLY, False)
    files = overlay_files(g.pid, overlays)
    if files is not None:
        if len(files) != 2 or not all(f.startswith("vhart-overlay-") and f.endswith(" (deleted)") for f in files):
            raise TestFailure("[%s] vhart's files in $TMPDIR are %r, want two unlinked vhart-overlay-*" % (g.label, files))
        if os.listdir(overlays):
            raise TestFailure("[%s] $TMPDIR holds %r while vhart runs, want nothing" % (g.label, os.listdir(overlays)))
        g.say("two unlinked overlay files in $TMPDIR: %s" % ", ".join(files))
    check_locks(args, g, fs_img)
    _, out = g.sh("cat /sys/block/vda/ro /sys/block/vdb/ro")
    if out != ["0", "0"]:
        raise TestFailure("[%s] /sys/block/vd[ab]/ro are %r, want ['0', '0']" % (g.label, out))

    # The raw disk: a token in sector 100, read back from the device.
    token = "vhart snapshot token %s" % os.urandom(6).hex()
    g.sh("echo '%s' | dd of=/dev/vdb bs=512 seek=%d conv=notrunc,fsync 2>/dev/null" % (token, TOKEN_SECTOR))
    drop_caches(g)
    _, out = g.sh("dd if=/dev/vdb bs=512 skip=%d count=1 2>/dev/null | head -n 1" % TOKEN_SECTOR)
    if not out or out[0] != token:
        raise TestFailure("[%s] sector %d of /dev/vdb reads %r after the write, want %r" % (g.label, TOKEN_SECTOR, out, token))
    with open(raw_img, "rb") as f:
        f.seek(TOKEN_SECTOR * 512)
        sector = bytearray(f.read(512))
    sector[:len(token) + 1] = (token + "\n").encode()
    want = hashlib.sha256(bytes(sector)).hexdigest()
    got = sector_sha(g, "/dev/vdb", TOKEN_SECTOR)
    if got != want:
        raise TestFailure("[%s] sector %d of /dev/vdb has SHA-256 %s, want %s (the token over the image's bytes)"
                          % (g.label, TOKEN_SECTOR, got, want))
    got = sector_sha(g, "/dev/vdb", TOKEN_SECTOR + 1)
    if got != host_sector_sha(raw_img, TOKEN_SECTOR + 1):
        raise TestFailure("[%s] sector %d of /dev/vdb differs from the image's" % (g.label, TOKEN_SECTOR + 1))
    g.say("raw disk: the token reads back from the device, the rest of the sector and the next one are the image's")

    # The file system: a new file survives umount, cache drop and mount.
    g.sh("mount -o noinit_itable -t ext4 /dev/vda /mnt")
    _, out = g.sh("cat /mnt/hello.txt")
    if out != [hello]:
        raise TestFailure("[%s] /mnt/hello.txt reads %r, want %r" % (g.label, out, [hello]))
    new_sha = write_file(g, "/mnt/new")
    g.sh("sync")
    g.sh("umount /mnt")
    drop_caches(g)
    g.sh("mount -o noinit_itable -t ext4 /dev/vda /mnt")
    got = guest_sha(g, "/mnt/new")
    if got != new_sha:
        raise TestFailure("[%s] /mnt/new has SHA-256 %s after umount and mount, %s when written" % (g.label, got, new_sha))
    _, out = g.sh("cat /mnt/hello.txt")
    if out != [hello]:
        raise TestFailure("[%s] /mnt/hello.txt reads %r after the remount, want %r" % (g.label, out, [hello]))
    g.say("file system: /mnt/new reads back after umount, cache drop and mount")
    g.sh("umount /mnt")
    g.poweroff()

    for path in (fs_img, raw_img):
        check_unchanged(path, before[path], "after the first boot")
    if os.listdir(overlays):
        raise TestFailure("$TMPDIR holds %r after vhart exited, want nothing" % os.listdir(overlays))
    host(["e2fsck", "-fn", fs_img], "e2fsck -fn on the image after the first boot")
    print("[%s] first boot: images byte-identical (SHA-256 and mtime), no temporary file left, e2fsck clean" % NAME)


def second_boot(args, tmp, fs_img, raw_img, hello, before):
    g = Guest("second boot", args.command + ["--snapshot", "--drive", fs_img, "--drive", raw_img], args, args.guests)
    g.boot()
    got = sector_sha(g, "/dev/vdb", TOKEN_SECTOR)
    if got != host_sector_sha(raw_img, TOKEN_SECTOR):
        raise TestFailure("[%s] sector %d of /dev/vdb still holds the first boot's write" % (g.label, TOKEN_SECTOR))
    g.sh("mount -o ro -t ext4 /dev/vda /mnt")
    rc, _ = g.sh("test -e /mnt/new", want_rc=None)
    if rc == 0:
        raise TestFailure("[%s] /mnt/new exists: the first boot's writes reached the image" % g.label)
    _, out = g.sh("cat /mnt/hello.txt")
    if out != [hello]:
        raise TestFailure("[%s] /mnt/hello.txt reads %r, want %r" % (g.label, out, [hello]))
    g.sh("umount /mnt")
    g.poweroff()
    for path in (fs_img, raw_img):
        check_unchanged(path, before[path], "after the second boot")
    print("[%s] second boot: the first boot's writes are gone; images still byte-identical" % NAME)


def main():
    args = bootconsole.parse_args(NAME, __doc__.splitlines()[0])
    args.timeout = args.timeout or 300
    args.step_timeout = args.step_timeout or 120
    missing = [t for t in ("mke2fs", "e2fsck") if not shutil.which(t)]
    if missing:
        sys.stderr.write("%s: %s missing (Debian: apt-get install e2fsprogs)\n" % (NAME, ", ".join(missing)))
        return 1 if os.environ.get("VHART_REQUIRE_GUESTS") else 77

    def body(tmp, guests, step):
        args.guests = guests
        src = os.path.join(tmp, "src")
        os.mkdir(src)
        hello = "vhart snapshot test %s: hello from the host" % os.urandom(6).hex()
        with open(os.path.join(src, "hello.txt"), "w") as f:
            f.write(hello + "\n")
        fs_img = os.path.join(tmp, "fs.img")
        host(["mke2fs", "-q", "-t", "ext4", "-d", src, fs_img, "32M"], "making fs.img")
        raw_img = os.path.join(tmp, "raw.img")
        with open(raw_img, "wb") as f:
            f.write(os.urandom(1 << 20))
        overlays = os.path.join(tmp, "overlays")
        os.mkdir(overlays)
        os.environ["TMPDIR"] = overlays   # vhart's overlays; pexpect passes os.environ on
        before = {p: identity(p) for p in (fs_img, raw_img)}
        step("first boot")
        first_boot(args, tmp, overlays, fs_img, raw_img, hello, before)
        step("second boot")
        second_boot(args, tmp, fs_img, raw_img, hello, before)
        step("bad $TMPDIR")
        check_bad_tmpdir(args, fs_img)
    return bootconsole.run_guests(NAME, args, "vhart-snapshot-", body)


if __name__ == "__main__":
    sys.exit(main())
