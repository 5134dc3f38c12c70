#!/usr/bin/env python3
"""Folder sharing test of vhart's virtio-9p (--share): Linux mounts two shares, uses them, cannot escape.

usage: share_test.py [options] [--] VHART ARG...   (the command boots Linux + the busybox initramfs)
  e.g. eval "$(roms/build.sh --print-paths)"
       share_test.py build/vhart --mem 256M --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0

The test adds `--share RW,tag=rw --share RO,tag=docs,ro`. On the host, a temporary directory holds
RW/ (hello.txt = "hello 9p <token>", sub/inner.txt, and trap -> ../outside, a symlink an attacker
could have planted), RO/data.txt, and outside/secret.txt (a line with another token that the guest
must never print). One boot:

1. /sys/bus/virtio/devices has two devices with ID 0x0009 bound to 9pnet_virtio, with mount tags
   rw and docs. `mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 rw /mnt` and the same for
   docs on /ro succeed; /proc/mounts shows both as 9p.
2. Read/write (/mnt): cat hello.txt is the host's line; `stat -c '%s %Y %F'` gives the host's size,
   mtime and "regular file"; `echo written > new.txt` makes a host file holding "written\n";
   `mv new.txt renamed.txt` renames it on the host; mkdir d makes a host directory;
   `ln -s hello.txt link` makes a host symlink whose target is "hello.txt"; readlink gives it back
   and cat through it gives hello.txt's line; `ls -1 /mnt` lists exactly d, hello.txt, link,
   renamed.txt, sub, trap; dd writes 300000 bytes whose sha256 the host sees; rm, rmdir remove
   them on the host.
3. Read-only (/ro): cat data.txt works; `echo x > /ro/x`, `mkdir /ro/z`, `rm /ro/data.txt`,
   `touch /ro/data.txt`, `mv /ro/data.txt /ro/moved` each fail with "Read-only file system"
   (EROFS from vhart, the guest kernel does not know the share is read-only); the host's RO/ is
   unchanged.
4. Escape attempts, each refused exactly, and the secret token never appears:
   - `ls /mnt/..` is the guest's own root (it lists mnt and proc): 9p's ".." is the guest's.
   - `cat /mnt/trap/secret.txt` (host symlink to ../outside): the guest resolves ../outside in
     its own namespace: "No such file or directory".
   - `ln -s / /mnt/rootlink; cat /mnt/rootlink/OUTSIDE/secret.txt` (OUTSIDE the host's absolute
     path): "No such file or directory"; the host symlink holds "/" and is never followed by vhart.
   - `ln -s ../../.. /mnt/up; cat /mnt/up/OUTSIDE/secret.txt`: "No such file or directory".
   - `mv /mnt/hello.txt /mnt/../moved.txt`: a cross-device move in the guest (copy + unlink): the
     host's outside/ does not gain a file.
5. Snapshots: with /mnt/gone.txt open on fd 4 and then removed, the REPL's `savevm F` answers
   exactly "savevm: --share RW,tag=rw: the shared file "gone.txt" is open in the guest but was
   removed or replaced, ..." and writes no file. With fd 4 closed and /mnt/sub/inner.txt open on
   fd 3, savevm works; umount both, poweroff (status 0). `VHART --loadvm F`: `cat <&3` (the fid
   re-opened by path at load) and cat /mnt/sub/inner.txt print "inner"; a new file reaches the
   host; umount, poweroff: exit status 0.

Exit status 0 on success, 1 on failure (one line on stderr naming the check).
"""

import hashlib
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402
import savevm_test  # noqa: E402  (its REPL helper)

NAME = "share_test"
TestFailure = bootconsole.TestFailure
MOUNT = "mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144"


def check(cond, what):
    if not cond:
        raise TestFailure(what)


def expect_fail(g, cmd, message):
    rc, out = g.sh(cmd, want_rc=None)
    text = " ".join(out)
    check(rc != 0 and message in text, "`%s` should fail with %r; got status %d: %s" % (cmd, message, rc, text))
    return text


def body(args, tmp, secret):
    rw, ro, outside = (os.path.join(tmp, d) for d in ("rw", "ro", "outside"))
    token = os.path.basename(tmp)
    transcripts = []
    cmd = args.command + ["--share", rw + ",tag=rw", "--share", ro + ",tag=docs,ro"]
    g = bootconsole.Guest(NAME, "share", cmd, args, transcripts)
    try:
        g.boot()
        # 1. devices and mounts
        _, out = g.sh("for d in /sys/bus/virtio/devices/*; do [ \"$(cat $d/device)\" = 0x0009 ] && "
                      "echo \"9p $(basename $(readlink $d/driver)) $(cat $d/mount_tag)\"; done; true")
        tags = sorted(l.strip() for l in out)
        check(tags == ["9p 9pnet_virtio docs", "9p 9pnet_virtio rw"], "virtio-9p devices: %s" % tags)
        g.sh("mkdir -p /ro && %s rw /mnt && %s docs /ro" % (MOUNT, MOUNT))
        _, out = g.sh("grep ' 9p ' /proc/mounts | cut -d' ' -f1-3")
        check(sorted(out) == ["docs /ro 9p", "rw /mnt 9p"], "/proc/mounts: %s" % out)

        # 2. read/write
        _, out = g.sh("cat /mnt/hello.txt")
        check(out == ["hello 9p " + token], "cat hello.txt: %s" % out)
        st = os.lstat(os.path.join(rw, "hello.txt"))
        _, out = g.sh("stat -c '%s %Y %F' /mnt/hello.txt")
        check(out == ["%d %d regular file" % (st.st_size, int(st.st_mtime))], "stat hello.txt: %s" % out)
        g.sh("echo written > /mnt/new.txt")
        with open(os.path.join(rw, "new.txt")) as f:
            check(f.read() == "written\n", "host new.txt content")
        g.sh("mv /mnt/new.txt /mnt/renamed.txt")
        check(not os.path.exists(os.path.join(rw, "new.txt")) and os.path.isfile(os.path.join(rw, "renamed.txt")),
              "rename not seen on the host")
        g.sh("mkdir /mnt/d")
        check(os.path.isdir(os.path.join(rw, "d")), "mkdir not seen on the host")
        g.sh("ln -s hello.txt /mnt/link")
        check(os.readlink(os.path.join(rw, "link")) == "hello.txt", "host symlink target")
        _, out = g.sh("readlink /mnt/link; cat /mnt/link")
        check(out == ["hello.txt", "hello 9p " + token], "readlink/cat link: %s" % out)
        _, out = g.sh("ls -1 /mnt | cat")
        check(out == ["d", "hello.txt", "link", "renamed.txt", "sub", "trap"], "ls /mnt: %s" % out)
        _, out = g.sh("cat /mnt/sub/inner.txt")
        check(out == ["inner"], "sub/inner.txt: %s" % out)
        _, out = g.sh("dd if=/dev/urandom of=/mnt/d/blob bs=1000 count=300 2>/dev/null && sha256sum /mnt/d/blob")
        with open(os.path.join(rw, "d", "blob"), "rb") as f:
            data = f.read()
        check(len(data) == 300000 and out[0].split()[0] == hashlib.sha256(data).hexdigest(),
              "blob: host %d bytes, guest %s" % (len(data), out))
        _, out = g.sh("ls -l /mnt/d/blob | awk '{print $5}'")
        check(out == ["300000"], "ls -l size: %s" % out)
        g.sh("rm /mnt/d/blob /mnt/renamed.txt && rmdir /mnt/d")
        check(sorted(os.listdir(rw)) == ["hello.txt", "link", "sub", "trap"], "host rw/ after rm: %s"
              % sorted(os.listdir(rw)))

        # 3. read-only
        _, out = g.sh("cat /ro/data.txt")
        check(out == ["data"], "ro data.txt: %s" % out)
        for c in ("echo x > /ro/x", "mkdir /ro/z", "rm /ro/data.txt", "touch /ro/data.txt",
                  "mv /ro/data.txt /ro/moved", "ln -s x /ro/l"):
            expect_fail(g, c, "Read-only file system")
        check(os.listdir(ro) == ["data.txt"], "host ro/ changed: %s" % os.listdir(ro))

        # 4. escape attempts
        _, out = g.sh("ls -1 /mnt/.. | cat")
        check("mnt" in out and "proc" in out and "outside" not in out, "ls /mnt/..: %s" % out)
        seen = [expect_fail(g, "cat /mnt/trap/secret.txt", "No such file or directory")]
        g.sh("ln -s / /mnt/rootlink")
        check(os.readlink(os.path.join(rw, "rootlink")) == "/", "host rootlink")
        seen.append(expect_fail(g, "cat /mnt/rootlink%s/secret.txt" % outside, "No such file or directory"))
        g.sh("ln -s ../../.. /mnt/up")
        seen.append(expect_fail(g, "cat /mnt/up%s/secret.txt" % outside, "No such file or directory"))
        before = sorted(os.listdir(outside))
        g.sh("mv /mnt/hello.txt /mnt/../moved.txt")
        check(sorted(os.listdir(outside)) == before and not os.path.exists(os.path.join(tmp, "moved.txt")),
              "a file appeared outside the share")
        for text in seen:
            check(secret not in text, "the secret leaked: %s" % text)
        check(secret not in bootconsole_transcript(g), "the secret appears in the console transcript")

        # 5. snapshots: an open file that was unlinked refuses savevm; otherwise fids come back by path
        snap = os.path.join(tmp, "snap.vhs")
        g.sh("echo gone > /mnt/gone.txt && exec 4< /mnt/gone.txt && rm /mnt/gone.txt")
        answer = savevm_test.repl(g, "savevm " + snap, args.step_timeout)
        want = ("savevm: --share %s,tag=rw: the shared file \"gone.txt\" is open in the guest but was removed or "
                "replaced, so a snapshot could not re-open it; close it in the guest first" % rw)
        check(answer == want, "savevm with an unlinked open file answered %r, want %r" % (answer, want))
        check(not os.path.exists(snap), "a refused savevm left a file")
        g.sh("exec 4<&- && exec 3< /mnt/sub/inner.txt")
        answer = savevm_test.repl(g, "savevm " + snap, args.step_timeout)
        check(answer.startswith("saved to " + snap), "savevm answered %r" % answer)
        g.sh("exec 3<&- && umount /mnt /ro")
        g.poweroff()
        g = bootconsole.Guest(NAME, "loadvm", [cmd[0], "--loadvm", snap], args, transcripts)
        for attempt in range(int(args.timeout)):
            g.console.send("\r")
            try:
                g.console.expect(re.escape(bootconsole.PROMPT), 1, "the guest's prompt after --loadvm")
                break
            except TestFailure as e:
                if "timed out" not in str(e) or attempt + 1 == int(args.timeout):
                    raise
        _, out = g.sh("cat <&3; cat /mnt/sub/inner.txt; echo after > /mnt/after.txt")
        check(out == ["inner", "inner"], "reading through the restored fid: %s" % out)
        with open(os.path.join(rw, "after.txt")) as f:
            check(f.read() == "after\n", "host after.txt")
        g.sh("exec 3<&- && umount /mnt /ro")
        g.poweroff()
    finally:
        for t in transcripts:
            t.stop()


def bootconsole_transcript(g):
    return g.console.transcript() if callable(getattr(g.console, "transcript", None)) else ""


def main():
    args = bootconsole.parse_args(NAME, __doc__.splitlines()[0])
    args.timeout = args.timeout or 300
    args.step_timeout = args.step_timeout or 120
    tmp = tempfile.mkdtemp(prefix="vhart-share-")
    try:
        token = os.path.basename(tmp)
        secret = "SECRET-" + token[::-1]
        for d in ("rw", "rw/sub", "ro", "outside"):
            os.mkdir(os.path.join(tmp, d))
        with open(os.path.join(tmp, "rw", "hello.txt"), "w") as f:
            f.write("hello 9p %s\n" % token)
        with open(os.path.join(tmp, "rw", "sub", "inner.txt"), "w") as f:
            f.write("inner\n")
        os.symlink("../outside", os.path.join(tmp, "rw", "trap"))
        with open(os.path.join(tmp, "ro", "data.txt"), "w") as f:
            f.write("data\n")
        with open(os.path.join(tmp, "outside", "secret.txt"), "w") as f:
            f.write(secret + "\n")
        body(args, tmp, secret)
        print("%s: PASS" % NAME)
        return 0
    except TestFailure as e:
        sys.stderr.write("%s: FAIL: %s\n" % (NAME, e))
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
