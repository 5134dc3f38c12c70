#!/usr/bin/env python3
"""Display tests: the framebuffer in a real SDL window on a private Xvfb, keys typed with xdotool.

usage: display_test.py CASE [options]
  baremetal  --vhart V --elf fbpattern.elf   pattern drawn by a bare-metal guest: the window (xwd)
                                             and the --screenshot PNG equal it pixel for pixel,
                                             also after a band of rows changes
  none       --vhart V --elf fbpattern.elf   no X server at all: --display none, the default, and
                                             --display sdl's error; the PNG is still exact
  linux      --vhart V --kernel K --initrd I the same pattern written by a Linux program through
                                             an mmap of /dev/fb0 (simplefb)
  keys       --vhart V --kernel K --initrd I keys typed into the window reach the shell on tty1 (a
                                             command there writes a marker to the serial console)
                                             with the right Linux key codes; Ctrl-Alt-G grabs, and
                                             a click then reaches the guest's mouse;
                                             closing the window ends vhart cleanly, disk synced

Everything waits for markers with generous timeouts (a loaded 2-core machine is fine); no sleeps
decide a result.
"""

import argparse
import ctypes
import ctypes.util
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import zlib

import pexpect

PATCH_Y0, PATCH_Y1 = 50, 70   # as pattern.h


class TestFailure(Exception):
    pass


# ---- the pattern (pattern.h) and images ----

def pattern_rgb(x, y, phase):
    return ((x * 5 + y * 3 + phase * 40) & 255, (x ^ y) & 255, (x * y + 7 + phase * 100) & 255)


def expected(w, h, patched):
    rows = []
    for y in range(h):   # (the band is clipped to the framebuffer, as the guests do)
        phase = 1 if patched and PATCH_Y0 <= y < PATCH_Y1 else 0
        rows.append(bytes(c for x in range(w) for c in pattern_rgb(x, y, phase)))
    return b"".join(rows)


def read_png(path):
    """Decode an 8-bit RGB, non-interlaced PNG (what vhart writes) into (w, h, rgb bytes)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise TestFailure("%s: not a PNG file" % path)
    pos, idat, w = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]:
            raise TestFailure("%s: bad CRC in chunk %r" % (path, kind))
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if (depth, ctype, interlace) != (8, 2, 0):
                raise TestFailure("%s: depth %d colour type %d interlace %d, expected 8-bit RGB" % (path, depth, ctype, interlace))
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride, out, prev = 3 * w, bytearray(), bytearray(3 * w)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - 3] if i >= 3 else 0
            b = prev[i]
            c = prev[i - 3] if i >= 3 else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    return w, h, bytes(out)


def read_xwd(data):
    """Decode xwd's ZPixmap dump of a 24/32-bit TrueColor window into (w, h, rgb bytes)."""
    hdr = struct.unpack(">25I", data[:100])
    header_size, version, fmt, depth, w, h = hdr[:6]
    byte_order, bpp, bpl, ncolors = hdr[7], hdr[11], hdr[12], hdr[19]
    rmask, gmask, bmask = hdr[14:17]
    if version != 7 or fmt != 2 or bpp != 32 or (rmask, gmask, bmask) != (0xff0000, 0xff00, 0xff):
        raise TestFailure("xwd: unexpected format (version %d, format %d, %d bpp, masks %x %x %x)"
                          % (version, fmt, bpp, rmask, gmask, bmask))
    pix = data[header_size + 12 * ncolors:]
    out = bytearray()
    for y in range(h):
        row = pix[y * bpl:y * bpl + 4 * w]
        if byte_order == 0:   # LSBFirst: B G R X
            out += bytes(c for i in range(0, 4 * w, 4) for c in (row[i + 2], row[i + 1], row[i]))
        else:
            out += bytes(c for i in range(0, 4 * w, 4) for c in (row[i + 1], row[i + 2], row[i + 3]))
    return w, h, bytes(out)


def first_difference(got, want, w):
    for i in range(0, min(len(got), len(want)), 3):
        if got[i:i + 3] != want[i:i + 3]:
            return "pixel (%d, %d) is %s, expected %s" % ((i // 3) % w, (i // 3) // w, tuple(got[i:i + 3]), tuple(want[i:i + 3]))
    return "lengths %d and %d" % (len(got), len(want))


def check_png(path, w, h, patched):
    gw, gh, got = read_png(path)
    if (gw, gh) != (w, h):
        raise TestFailure("%s is %dx%d, expected %dx%d" % (path, gw, gh, w, h))
    want = expected(w, h, patched)
    if got != want:
        raise TestFailure("%s differs from the pattern: %s" % (path, first_difference(got, want, w)))
    print("ok: %s equals the pattern%s pixel for pixel (%dx%d)" % (os.path.basename(path), " with its changed band" if patched else "", w, h))


# ---- X: a private Xvfb, the window, xdotool, xwd ----

class Xvfb:
    def __init__(self, width=1280, height=1024):
        r, wfd = os.pipe()
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(wfd), "-screen", "0", "%dx%dx24" % (width, height),
                                      "-nolisten", "tcp", "-noreset"], pass_fds=(wfd,),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(wfd)
        num = b""
        deadline = time.time() + 60
        while not num.endswith(b"\n") and time.time() < deadline:
            chunk = os.read(r, 16)
            if not chunk:
                break
            num += chunk
        os.close(r)
        if not num.strip():
            self.stop()
            raise TestFailure("Xvfb did not start (apt-get install xvfb)")
        self.display = ":" + num.decode().strip()
        self.env = dict(os.environ, DISPLAY=self.display)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.env.pop("VHART_DISPLAY", None)

    def run(self, *args, timeout=60):
        return subprocess.run(list(args), env=self.env, capture_output=True, timeout=timeout)

    def window(self, timeout=120):
        """The id of vhart's window (its title starts with "vhart")."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            r = self.run("xdotool", "search", "--name", "^vhart")
            ids = r.stdout.split()
            if ids:
                return ids[0].decode()
            time.sleep(0.2)
        raise TestFailure("no vhart window appeared within %d s" % timeout)

    def title(self, wid):
        return self.run("xdotool", "getwindowname", wid).stdout.decode().strip()

    def focus(self, wid):
        self.run("xdotool", "windowfocus", "--sync", wid)

    def xdotool(self, *args):
        r = self.run("xdotool", *args)
        if r.returncode:
            raise TestFailure("xdotool %s: %s" % (" ".join(args), r.stderr.decode().strip()))

    def grab(self, wid):
        r = self.run("xwd", "-silent", "-id", wid)
        if r.returncode:
            raise TestFailure("xwd: %s" % r.stderr.decode().strip())
        return read_xwd(r.stdout)

    def wait_window_shows(self, wid, w, h, patched, timeout=60):
        """Poll the window until it shows the pattern (the next frame presents it)."""
        want = expected(w, h, patched)
        deadline = time.time() + timeout
        why = "no capture"
        while time.time() < deadline:
            gw, gh, got = self.grab(wid)
            if (gw, gh) != (w, h):
                why = "the window is %dx%d, expected %dx%d" % (gw, gh, w, h)
            elif got == want:
                print("ok: the window shows the pattern%s pixel for pixel" % (" with its changed band" if patched else ""))
                return
            else:
                why = first_difference(got, want, w)
            time.sleep(0.2)
        raise TestFailure("the window does not show the pattern after %d s: %s" % (timeout, why))

    def close_window(self, wid):
        """What a window manager does when the user clicks close: WM_DELETE_WINDOW."""
        x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
        x.XFlush.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]

        class ClientMessage(ctypes.Structure):
            _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                        ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                        ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]

        class Event(ctypes.Union):
            _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]

        d = x.XOpenDisplay(self.display.encode())
        if not d:
            raise TestFailure("cannot open %s" % self.display)
        ev = Event()
        ev.xclient.type = 33   # ClientMessage
        ev.xclient.window = int(wid)
        ev.xclient.message_type = x.XInternAtom(d, b"WM_PROTOCOLS", 0)
        ev.xclient.format = 32
        ev.xclient.data[0] = x.XInternAtom(d, b"WM_DELETE_WINDOW", 0)
        x.XSendEvent(d, int(wid), 0, 0, ctypes.byref(ev))
        x.XFlush(d)
        x.XCloseDisplay(d)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# ---- vhart on a pty ----

LSAN_SUPP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lsan.supp")


def spawn(args, env, timeout):
    print("running:", " ".join(args))
    # Under the sanitizer build: SDL's libraries keep some allocations until exit (lsan.supp).
    env = dict(env, LSAN_OPTIONS=":".join(filter(None, [env.get("LSAN_OPTIONS"), "suppressions=" + LSAN_SUPP])))
    c = pexpect.spawn(args[0], args[1:], env=env, encoding="utf-8", codec_errors="replace", timeout=timeout)
    c.logfile_read = sys.stdout if os.environ.get("DISPLAY_TEST_VERBOSE") else None
    return c


def expect(c, pattern, timeout, what):
    try:
        c.expect(pattern, timeout=timeout)
    except pexpect.TIMEOUT:
        raise TestFailure("timed out after %d s waiting for %s; last output:\n%s" % (timeout, what, c.before[-2000:]))
    except pexpect.EOF:
        raise TestFailure("vhart ended while waiting for %s; last output:\n%s" % (what, c.before[-2000:]))


def finish(c, timeout, what):
    expect(c, pexpect.EOF, timeout, what)
    c.close()
    if c.exitstatus != 0:
        raise TestFailure("vhart exited with status %s (signal %s), expected 0" % (c.exitstatus, c.signalstatus))


# ---- the cases ----

def case_baremetal(a):
    x = Xvfb()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            shot = os.path.join(tmp, "shot.png")
            w, h = 320, 200
            c = spawn([a.vhart, "--display", "sdl", "--display-size", "%dx%d" % (w, h), "--screenshot", shot, a.elf],
                      x.env, a.timeout)
            expect(c, "PATTERN 0", a.timeout, "the guest's first pattern")
            wid = x.window()
            x.wait_window_shows(wid, w, h, False, a.timeout)
            deadline = time.time() + a.timeout   # the MIPS figure comes after a second
            while not re.match(r"vhart - running, [0-9.]+ MIPS$", x.title(wid)) and time.time() < deadline:
                time.sleep(0.2)
            if not re.match(r"vhart - running, [0-9.]+ MIPS$", x.title(wid)):
                raise TestFailure("window title %r does not say running with MIPS" % x.title(wid))
            print("ok: title %r" % x.title(wid))
            c.send("n")
            expect(c, "PATTERN 1", a.timeout, "the guest's changed band")
            x.wait_window_shows(wid, w, h, True, a.timeout)
            c.send("q")
            finish(c, a.timeout, "the guest's poweroff")
            check_png(shot, w, h, True)
    finally:
        x.stop()


def case_none(a):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "VHART_DISPLAY")}
    with tempfile.TemporaryDirectory() as tmp:
        shot = os.path.join(tmp, "shot.png")
        # --display none, and the default without any display: both run, the PNG is exact.
        for display in (["--display", "none"], []):
            c = spawn([a.vhart] + display + ["--display-size", "96x80", "--screenshot", shot, a.elf], env, a.timeout)
            expect(c, "PATTERN 0", a.timeout, "the first pattern")
            c.send("n")
            expect(c, "PATTERN 1", a.timeout, "the changed band")
            c.send("q")
            finish(c, a.timeout, "poweroff")
            check_png(shot, 96, 80, True)
        # Asking for a window with no display is a one-line error, status 2.
        r = subprocess.run([a.vhart, "--display", "sdl", a.elf], env=env, capture_output=True, timeout=a.timeout,
                           stdin=subprocess.DEVNULL)
        err = r.stderr.decode()
        if r.returncode != 2 or not re.match(r"vhart: --display sdl: .+\n$", err):
            raise TestFailure("--display sdl without a display: status %d, stderr %r" % (r.returncode, err))
        print("ok: --display sdl without a display: %s" % err.strip())
        for args, message in ((["--display", "vga"], "vhart: --display vga: expected sdl or none (try --help)\n"),
                              (["--display-size", "1024"], "vhart: --display-size 1024: expected WIDTHxHEIGHT, e.g. 1024x768 (try --help)\n"),
                              (["--display-size", "8x8"], "vhart: --display-size 8x8: width and height must be 16 to 8192\n"),
                              (["--display-size", "8192x8192"], "vhart: --display-size 8192x8192: the framebuffer would take more than the 64 MiB reserved for it\n"),
                              (["--screenshot", os.path.join(tmp, "no", "such", "dir.png")], None)):
            r = subprocess.run([a.vhart, "--display", "none"] + args + [a.elf], env=env, capture_output=True,
                               timeout=a.timeout, input=b"nq")
            err = r.stderr.decode()
            if message is None:
                message = "vhart: --screenshot %s: No such file or directory\n" % args[1]
            if r.returncode != 2 or err != message:
                raise TestFailure("%s: status %d, stderr %r; expected 2 and %r" % (" ".join(args), r.returncode, err, message))
            print("ok: %s -> %s" % (" ".join(args), err.strip()))
        # No framebuffer unless asked for: the device tree of a plain --display none machine has none.
        dtb = os.path.join(tmp, "plain.dtb")
        r = subprocess.run([a.vhart, "--display", "none", "--dumpdtb", dtb, a.elf], env=env, capture_output=True,
                           timeout=a.timeout)
        if r.returncode != 0 or b"simple-framebuffer" in open(dtb, "rb").read():
            raise TestFailure("--display none without a size or screenshot still has a framebuffer")
        r = subprocess.run([a.vhart, "--display", "none", "--display-size", "640x480", "--dumpdtb", dtb, a.elf], env=env,
                           capture_output=True, timeout=a.timeout)
        if r.returncode != 0 or b"simple-framebuffer" not in open(dtb, "rb").read():
            raise TestFailure("--display-size did not add the simple-framebuffer node")
        print("ok: the framebuffer node is there only when asked for")


def case_linux(a):
    x = Xvfb()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            shot = os.path.join(tmp, "shot.png")
            c = spawn([a.vhart, "--display", "sdl", "--mem", "256M", "--screenshot", shot, "--kernel", a.kernel,
                       "--initrd", a.initrd, "--append", "console=ttyS0 vhart.test=pattern"], x.env, a.timeout)
            expect(c, "=== display test: pattern ===", a.timeout, "the test initramfs")
            wid = x.window()
            c.sendline("fbtest pattern 0 0 0")
            expect(c, r"PATTERN 0 (\d+)x(\d+)", a.timeout, "fbtest's pattern through /dev/fb0")
            w, h = int(c.match.group(1)), int(c.match.group(2))
            if (w, h) != (1024, 768):
                raise TestFailure("/dev/fb0 is %dx%d, expected the default 1024x768" % (w, h))
            x.wait_window_shows(wid, w, h, False, a.timeout)
            c.sendline("fbtest pattern 1 %d %d" % (PATCH_Y0, PATCH_Y1))
            expect(c, r"PATTERN 1 ", a.timeout, "fbtest's changed band")
            x.wait_window_shows(wid, w, h, True, a.timeout)
            c.sendline("poweroff")
            finish(c, a.timeout, "Linux's poweroff")
            check_png(shot, w, h, True)
    finally:
        x.stop()


KEY_SEQUENCE = ["a", "1", "shift+b", "ctrl+c", "Up", "Left", "Right", "Down", "F1", "F12", "Escape"]
# xdotool presses a chord's keys in order and releases them in the same order.
KEY_CODES = [(30, 1), (30, 0), (2, 1), (2, 0), (42, 1), (48, 1), (42, 0), (48, 0), (29, 1), (46, 1), (29, 0), (46, 0),
             (103, 1), (103, 0), (105, 1), (105, 0), (106, 1), (106, 0), (108, 1), (108, 0), (59, 1), (59, 0),
             (88, 1), (88, 0), (1, 1), (1, 0)]


def case_keys(a):
    x = Xvfb()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            disk = os.path.join(tmp, "disk.img")
            with open(disk, "wb") as f:
                f.truncate(1 << 20)
            c = spawn([a.vhart, "--display", "sdl", "--mem", "256M", "--drive", disk, "--kernel", a.kernel,
                       "--initrd", a.initrd, "--append", "console=ttyS0 console=tty0 vhart.test=keys"], x.env, a.timeout)
            waiting = {"KEYS-READY": "the key reader on the virtio keyboard", "SHELL-READY": "the shell on tty1"}
            while waiting:   # the two start concurrently: either may say so first
                expect(c, list(waiting), a.timeout, " and ".join(waiting.values()))
                del waiting[c.after]
            wid = x.window()
            x.focus(wid)
            # A command typed into the window runs in the shell on tty1 and writes to the serial console.
            x.xdotool("type", "--delay", "30", "echo MARK$((6*7)) >/dev/ttyS0")
            x.xdotool("key", "Return")
            expect(c, "MARK42", a.timeout, "the typed command's marker on the serial console")
            print("ok: a command typed into the window ran in the shell on tty0")
            # Exact Linux key codes; F10 first separates them from the typing above.
            x.xdotool("key", "F10")
            expect(c, r"KEY 68 0", a.timeout, "F10's release")
            x.xdotool("key", "--delay", "30", *KEY_SEQUENCE)
            expect(c, r"((?:KEY \d+ \d+\s+)*?KEY 1 0)", a.timeout, "the key events up to Escape's release")
            got = [tuple(int(v) for v in m) for m in re.findall(r"KEY (\d+) (\d+)", c.match.group(1))]
            if got != KEY_CODES:
                raise TestFailure("key events %s, expected %s" % (got, KEY_CODES))
            print("ok: %s arrive as Linux key codes %s" % (" ".join(KEY_SEQUENCE), got))
            # Ctrl-Alt-G grabs the mouse and releases it; those keys are not the guest's.
            x.xdotool("key", "ctrl+alt+g")
            deadline = time.time() + a.timeout
            while "mouse grabbed" not in x.title(wid) and time.time() < deadline:
                time.sleep(0.2)
            if "mouse grabbed" not in x.title(wid):
                raise TestFailure("Ctrl-Alt-G: the title %r does not say the mouse is grabbed" % x.title(wid))
            x.xdotool("key", "ctrl+alt+g")
            while "mouse grabbed" in x.title(wid) and time.time() < deadline:
                time.sleep(0.2)
            if "mouse grabbed" in x.title(wid):
                raise TestFailure("Ctrl-Alt-G again: the title %r still says grabbed" % x.title(wid))
            print("ok: Ctrl-Alt-G grabs and releases the mouse (title %r)" % x.title(wid))
            # Grabbed, the mouse goes to the guest's virtio mouse: a click is BTN_LEFT (0x110) down and up.
            x.xdotool("key", "ctrl+alt+g")
            deadline = time.time() + a.timeout
            while "mouse grabbed" not in x.title(wid) and time.time() < deadline:
                time.sleep(0.2)
            x.xdotool("click", "1")
            expect(c, r"MOUSE 1 272 1\s+MOUSE 1 272 0", a.timeout, "the click on the guest's mouse")
            x.xdotool("mousemove_relative", "--", "25", "0")
            expect(c, r"MOUSE 2 0 [1-9]\d*\s", a.timeout, "a rightward motion (REL_X > 0) on the guest's mouse")
            x.xdotool("key", "ctrl+alt+g")
            print("ok: a click and a motion while grabbed reach the guest's mouse (BTN_LEFT, REL_X > 0)")
            # Data written to the disk, then the window closed: vhart ends with status 0, data in the file.
            c.sendline("echo DISKDATA-4242 | dd of=/dev/vda conv=fsync 2>/dev/null; echo DISK-$((40+2))-WRITTEN")
            expect(c, "DISK-42-WRITTEN", a.timeout, "the disk write")
            x.close_window(wid)
            expect(c, "vhart: the window was closed", a.timeout, "vhart to notice the window closing")
            finish(c, a.timeout, "vhart's exit after the window closed")
            with open(disk, "rb") as f:
                head = f.read(16)
            if not head.startswith(b"DISKDATA-4242\n"):
                raise TestFailure("the disk file starts with %r, expected the guest's data" % head)
            print("ok: closing the window ended vhart with status 0, the disk holds the guest's data")
    finally:
        x.stop()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("case", choices=["baremetal", "none", "linux", "keys"])
    p.add_argument("--vhart", required=True)
    p.add_argument("--elf")
    p.add_argument("--kernel")
    p.add_argument("--initrd")
    p.add_argument("--timeout", type=int, default=600)
    a = p.parse_args()
    try:
        {"baremetal": case_baremetal, "none": case_none, "linux": case_linux, "keys": case_keys}[a.case](a)
    except TestFailure as e:
        print("FAIL: %s" % e)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
