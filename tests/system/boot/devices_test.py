#!/usr/bin/env python3
"""Device test of vhart's virtio-mmio slots: which devices Linux finds, virtio-rng, virtio-input, drive order.

usage: devices_test.py [options] [--] VHART ARG...   (the command boots Linux + the busybox initramfs)
  e.g. eval "$(roms/build.sh --print-paths)"
       devices_test.py build/vhart --mem 256M --kernel "$KERNEL" --initrd "$INITRD" --append console=ttyS0

For each boot, /sys/bus/virtio/devices/ must list exactly the devices the options ask for, each bound
to its driver (virtio device ID 2 virtio_blk, 1 virtio_net, 4 virtio_rng, 18 virtio_input); the
empty slots (device ID 0) are not devices.

1. No options: 3 devices: virtio-rng and two virtio-input. /dev/hwrng is a character device and
   /sys/class/misc/hw_random/rng_current names virtio_rng; two reads of
   `head -c 64 /dev/hwrng | od -An -tx1` give 64 bytes each, not all equal, and differ from each
   other. /proc/bus/input/devices lists exactly two devices (vhart's identity, QEMU's virtio-input ids):
     keyboard: Bus=0006 Vendor=0627 Product=0001 Version=0001, Name="vhart virtio keyboard",
               Uniq=vhart-keyboard, handlers kbd and an eventN, EV=120003 (SYN KEY LED REP), LED=7
     mouse:    Bus=0006 Vendor=0627 Product=0002 Version=0001, Name="vhart virtio mouse",
               Uniq=vhart-mouse, an eventN handler, EV=7 (SYN KEY REL), REL=103 (X Y WHEEL)
2. --drive A (1 MiB) --drive B,ro (2 MiB) --net user: 6 devices (2 blk, net, rng, 2 input);
   /dev/vda is A (2048 sectors, ro 0, serial vhart-disk0), /dev/vdb is B (4096 sectors, ro 1, serial
   vhart-disk1); eth0 exists with MAC 52:54:00:12:34:58 (QEMU's 52:54:00:12:34:56 plus its slot, 2).
3. Six drives (1..6 MiB) and --net user: all 8 slots are used; 6 virtio_blk, vda..vdf in the order
   given (sizes and serials vhart-disk0..5) and one virtio_net; what filled the last slot is
   reported, not checked.

Exit status 0 on success, 1 on failure (one line on stderr naming the check).
"""

import os
import re
import sys
import subprocess

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402

NAME = "devices_test"
TestFailure = bootconsole.TestFailure

# ------------------------------------------------------------------------------------------------
# Guest shell driving: bootconsole.Guest, under this test's name.

def Guest(label, command, args, transcripts):
    return bootconsole.Guest(NAME, label, command, args, transcripts)

# ------------------------------------------------------------------------------------------------

DRIVERS = {"0x0001": "virtio_net", "0x0002": "virtio_blk", "0x0004": "virtio_rng", "0x0012": "virtio_input"}


def virtio_devices(g):
    """[(name, device id, driver)] for /sys/bus/virtio/devices/*, checking each is bound to its driver."""
    _, out = g.sh("for d in /sys/bus/virtio/devices/*; do echo \"dev ${d##*/} $(cat $d/device) "
                  "$(basename \"$(readlink $d/driver)\")\"; done")
    devs = []
    for line in out:
        m = re.fullmatch(r"dev (virtio\d+) (0x[0-9a-f]{4})\s*(\S*)", line.strip())
        if not m:
            if line.strip() == "dev * ":  # no device at all: the glob stayed as it was
                continue
            raise TestFailure("[%s] unexpected line listing /sys/bus/virtio/devices: %r" % (g.label, line))
        devs.append(m.groups())
    for name, dev, driver in devs:
        if dev not in DRIVERS:
            raise TestFailure("[%s] %s has virtio device ID %s, not one vhart provides" % (g.label, name, dev))
        if driver != DRIVERS[dev]:
            raise TestFailure("[%s] %s (device ID %s) is bound to %r, want %s"
                              % (g.label, name, dev, driver, DRIVERS[dev]))
    return devs


def expect_devices(g, want):
    """`want`: {driver: count}; the devices must be exactly these."""
    devs = virtio_devices(g)
    got = {}
    for _, _, driver in devs:
        got[driver] = got.get(driver, 0) + 1
    if got != want:
        raise TestFailure("[%s] /sys/bus/virtio/devices has %d devices %s, want %d: %s"
                          % (g.label, len(devs), sorted(got.items()), sum(want.values()), sorted(want.items())))
    g.say("%d virtio devices: %s" % (len(devs), ", ".join("%s %s" % (n, d) for n, _, d in devs)))
    return devs


def hwrng_bytes(g):
    _, out = g.sh("head -c 64 /dev/hwrng | od -An -tx1")
    data = []
    for line in out:
        fields = line.split()
        if not all(re.fullmatch(r"[0-9a-f]{2}", f) for f in fields):
            raise TestFailure("[%s] unexpected od output from /dev/hwrng: %r" % (g.label, out))
        data += [int(f, 16) for f in fields]
    if len(data) != 64:
        raise TestFailure("[%s] head -c 64 /dev/hwrng gave %d bytes, want 64: %r" % (g.label, len(data), out))
    if len(set(data)) == 1:
        raise TestFailure("[%s] /dev/hwrng gave 64 times the byte 0x%02x" % (g.label, data[0]))
    return data


def check_hwrng(g):
    g.sh("test -c /dev/hwrng")
    _, out = g.sh("cat /sys/class/misc/hw_random/rng_current")
    if len(out) != 1 or not out[0].strip().startswith("virtio_rng"):
        raise TestFailure("[%s] the current hardware RNG is %r, want virtio_rng.N" % (g.label, out))
    a = hwrng_bytes(g)
    b = hwrng_bytes(g)
    if a == b:
        raise TestFailure("[%s] two reads of /dev/hwrng gave the same 64 bytes" % g.label)
    g.say("/dev/hwrng (%s): 64 bytes, %d distinct values, two reads differ" % (out[0].strip(), len(set(a))))


INPUT_WANT = [
    {"I": "Bus=0006 Vendor=0627 Product=0001 Version=0001", "N": 'Name="vhart virtio keyboard"',
     "U": "Uniq=vhart-keyboard", "EV": "120003", "LED": "7", "handlers": {"kbd"}},
    {"I": "Bus=0006 Vendor=0627 Product=0002 Version=0001", "N": 'Name="vhart virtio mouse"',
     "U": "Uniq=vhart-mouse", "EV": "7", "REL": "103", "handlers": set()},
]


def check_input(g):
    _, out = g.sh("cat /proc/bus/input/devices")
    blocks = []
    for line in out:
        line = line.strip()
        if line.startswith("I:"):
            blocks.append({"B": {}})
        if not blocks or len(line) < 3 or line[1] != ":":
            continue
        key, val = line[0], line[3:].strip()
        if key == "B":
            k, _, v = val.partition("=")
            blocks[-1]["B"][k] = v
        else:
            blocks[-1][key] = val
    if len(blocks) != 2:
        raise TestFailure("[%s] /proc/bus/input/devices lists %d devices, want 2 (keyboard, mouse):\n  %s"
                          % (g.label, len(blocks), "\n  ".join(out)))
    for want in INPUT_WANT:
        dev = next((b for b in blocks if b.get("N") == want["N"]), None)
        if dev is None:
            raise TestFailure("[%s] no input device with %s:\n  %s" % (g.label, want["N"], "\n  ".join(out)))
        problems = []
        for key in ("I", "U"):
            if dev.get(key) != want[key]:
                problems.append("%s: %r, want %r" % (key, dev.get(key), want[key]))
        for key in ("EV", "LED", "REL"):
            if key in want and dev["B"].get(key) != want[key]:
                problems.append("B: %s=%r, want %r" % (key, dev["B"].get(key), want[key]))
        handlers = set(dev.get("H", "").replace("Handlers=", "").split())
        if not want["handlers"] <= handlers or not any(re.fullmatch(r"event\d+", h) for h in handlers):
            problems.append("handlers %s, want %s and an eventN" % (sorted(handlers), sorted(want["handlers"])))
        if problems:
            raise TestFailure("[%s] input device %s: %s" % (g.label, want["N"], "; ".join(problems)))
    g.say("input devices: %s" % ", ".join(b.get("N", "?") for b in blocks))


def check_disks(g, sizes_mib, ro):
    for i, (size, readonly) in enumerate(zip(sizes_mib, ro)):
        dev = "vd" + chr(ord("a") + i)
        _, out = g.sh("cat /sys/block/%s/size /sys/block/%s/ro /sys/block/%s/serial" % (dev, dev, dev))
        want = [str(size * 2048), "1" if readonly else "0", "vhart-disk%d" % i]
        if [l.strip() for l in out] != want:
            raise TestFailure("[%s] /dev/%s: size, ro, serial are %r, want %r (drive %d of the command line)"
                              % (g.label, dev, out, want, i + 1))
    _, out = g.sh("ls /sys/block | cat")
    names = sorted(n for l in out for n in l.split() if n.startswith("vd"))
    want = ["vd" + chr(ord("a") + i) for i in range(len(sizes_mib))]
    if names != want:
        raise TestFailure("[%s] virtio disks %s, want %s" % (g.label, names, want))
    g.say("disks in order: %s" % ", ".join("%s %d MiB%s" % (n, s, " ro" if r else "")
                                           for n, s, r in zip(want, sizes_mib, ro)))


def make_disks(tmp, tag, sizes_mib):
    paths = []
    for i, size in enumerate(sizes_mib):
        p = os.path.join(tmp, "%s%d.img" % (tag, i))
        with open(p, "wb") as f:
            f.truncate(size << 20)
        paths.append(p)
    return paths


def boot_default(args, tmp, guests):
    g = Guest("no options", list(args.command), args, guests)
    g.boot()
    expect_devices(g, {"virtio_rng": 1, "virtio_input": 2})
    check_hwrng(g)
    check_input(g)
    g.poweroff()


def boot_two_drives(args, tmp, guests):
    a, b = make_disks(tmp, "two", [1, 2])
    g = Guest("2 drives + net", args.command + ["--drive", a, "--drive", b + ",ro", "--net", "user"], args, guests)
    g.boot()
    expect_devices(g, {"virtio_blk": 2, "virtio_net": 1, "virtio_rng": 1, "virtio_input": 2})
    check_disks(g, [1, 2], [False, True])
    _, out = g.sh("cat /sys/class/net/eth0/address")
    if [l.strip() for l in out] != ["52:54:00:12:34:58"]:
        raise TestFailure("[%s] eth0's MAC is %r, want 52:54:00:12:34:58 (net in slot 2)" % (g.label, out))
    g.say("eth0 MAC 52:54:00:12:34:58")
    check_input(g)
    g.poweroff()


def boot_full(args, tmp, guests):
    """All eight slots: four drives, the network, the rng and both input devices; a fifth drive
    with the network does not fit and vhart says so."""
    sizes = [1, 2, 3, 4, 5]
    cmd = list(args.command)
    disks = make_disks(tmp, "five", sizes)
    for p in disks:
        cmd += ["--drive", p]
    r = subprocess.run(cmd + ["--net", "user"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    want = "vhart: --drive: at most 4 drives fit in the 8 virtio slots beside the network, rng, keyboard and mouse\n"
    if r.returncode != 2 or r.stderr != want or r.stdout != "":
        raise TestFailure("5 drives + net: status %d, stderr %r; want 2 and %r" % (r.returncode, r.stderr, want))
    print("[%s] 5 drives + net refused: %s" % (NAME, want.strip()))
    cmd = list(args.command)
    for p in disks[:4]:
        cmd += ["--drive", p]
    g = Guest("4 drives + net", cmd + ["--net", "user"], args, guests)
    g.boot()
    expect_devices(g, {"virtio_blk": 4, "virtio_net": 1, "virtio_rng": 1, "virtio_input": 2})
    check_disks(g, sizes[:4], [False] * 4)
    check_input(g)
    g.poweroff()


def main():
    args = bootconsole.parse_args(NAME, __doc__.splitlines()[0])
    args.timeout = args.timeout or 300
    args.step_timeout = args.step_timeout or 120

    def body(tmp, guests, step):
        for part in (boot_default, boot_two_drives, boot_full):
            step(part.__name__)
            part(args, tmp, guests)
    return bootconsole.run_guests(NAME, args, "vhart-devices-", body)


if __name__ == "__main__":
    sys.exit(main())
