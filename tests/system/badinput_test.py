#!/usr/bin/env python3
"""The bad-input matrix: each wrong file, option or environment gives one exact line and exit status.

usage: badinput_test.py VHART GUEST_DIR EXAMPLE_DIR [ROW...]

Each row runs vhart once with its input files made here (missing, empty, truncated and oversized ELF
files, a host binary, disk images of the wrong size, kind or permission, a port already taken, ...)
and checks, exactly: the exit status, stderr (one line, naming the file or option at fault) and stdout
(empty unless the row says otherwise). Every row also checks that vhart
- ends within its time limit (a hang is a failure: the process is killed and the row fails),
- does not die of a signal (the status would not match),
- leaves the terminal as it found it: stdin is a pseudo-terminal whose termios settings are compared
  before and after (vhart puts the console in raw mode only once everything is checked).
Rows whose setup needs something the host lacks (e.g. a user to drop privileges to) say SKIP with
the reason; the others must pass. With ROW names, only those rows run.
Exit status 0 when every row passed, 1 otherwise.
"""

import fcntl
import os
import pty
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import termios

VHART, GUESTS, EXAMPLES = sys.argv[1:4]
ONLY = set(sys.argv[4:])
HELLO = os.path.join(EXAMPLES, "hello.elf")
FW_JUMP_ELF = "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf"
NOBODY = 65534


class Skip(Exception):
    pass


# ---- input files -------------------------------------------------------------------------------

def elf_header(data):
    """(e_phoff, e_phentsize, e_phnum) of an ELF64 little-endian header."""
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    return phoff, phentsize, phnum


def first_load(data):
    """(index, offset of its program header, p_offset, p_paddr, p_filesz, p_memsz) of the first
    PT_LOAD with file data."""
    phoff, phentsize, phnum = elf_header(data)
    for i in range(phnum):
        ph = phoff + i * phentsize
        p_type, = struct.unpack_from("<I", data, ph)
        off, _, paddr, filesz, memsz = struct.unpack_from("<QQQQQ", data, ph + 8)
        if p_type == 1 and filesz > 0:
            return i, ph, off, paddr, filesz, memsz
    raise RuntimeError("no PT_LOAD with data in hello.elf")


def abi_version(path):
    """major.minor of the GNU ABI tag note of a Linux program (what vhart names)."""
    with open(path, "rb") as fh:
        data = fh.read()
    i = data.find(b"GNU\0\0\0\0\0")       # .note.ABI-tag: name "GNU", desc: os, major, minor, sub
    while i >= 12:
        namesz, descsz, ntype = struct.unpack_from("<III", data, i - 12)
        if namesz == 4 and descsz == 16 and ntype == 1:
            _, major, minor, _ = struct.unpack_from("<IIII", data, i + 4)
            return "%d.%d" % (major, minor)
        i = data.find(b"GNU\0\0\0\0\0", i + 1)
    raise RuntimeError("no ABI tag in " + path)


def patched(data, at, fmt, *values):
    b = bytearray(data)
    struct.pack_into(fmt, b, at, *values)
    return bytes(b)


def host_elf_message(path):
    """What vhart must say about a host program (an ELF for this machine, whatever it is)."""
    with open(path, "rb") as f:
        h = f.read(64)
    if h[4] != 2:
        return "not a 64-bit ELF (class %d); vhart runs RV64 programs" % h[4]
    if h[5] != 1:
        return "not a little-endian ELF"
    machine, = struct.unpack_from("<H", h, 0x12)
    return "not a RISC-V ELF (e_machine %d)" % machine


def make_files(t):
    """Write the inputs into directory t; return a dict of names used in the rows."""
    f = {}

    def put(name, data, mode=None):
        p = os.path.join(t, name)
        with open(p, "wb") as fh:
            fh.write(data)
        if mode is not None:
            os.chmod(p, mode)
        f[name] = p
        return p

    with open(HELLO, "rb") as fh:
        hello = fh.read()
    i, ph, off, paddr, filesz, memsz = first_load(hello)
    phoff, phentsize, phnum = elf_header(hello)
    f["load_index"], f["load_paddr"] = i, paddr
    put("empty.elf", b"")
    put("text.elf", b"just text\n")
    put("class32.elf", patched(hello, 4, "B", 1))
    put("bigendian.elf", patched(hello, 5, "B", 2))
    put("x86.elf", patched(hello, 0x12, "<H", 62))
    put("relocatable.elf", patched(hello, 0x10, "<H", 1))
    put("header.elf", hello[:40])
    put("cut_in_phdrs.elf", hello[:phoff + phentsize // 2])              # mid program header
    put("cut_in_segment.elf", hello[:off + filesz // 2])                  # mid segment data
    put("no_phdrs.elf", patched(hello, 0x38, "<H", 0))
    put("huge_filesz.elf", patched(hello, ph + 0x20, "<Q", 1 << 62))       # p_filesz 2^62
    put("huge_memsz.elf", patched(hello, ph + 0x28, "<Q", 1 << 62))        # p_memsz 2^62
    put("memsz_lt_filesz.elf", patched(hello, ph + 0x28, "<Q", filesz - 1))
    put("entry_outside.elf", patched(hello, 0x18, "<Q", 0x1234))          # e_entry in no segment
    put("wrap_paddr.elf", patched(hello, ph + 0x18, "<Q", (1 << 64) - 0x100))   # wraps round 2^64
    no_loads = bytearray(hello)
    for k in range(phnum):
        struct.pack_into("<I", no_loads, phoff + k * phentsize, 4)             # every segment a PT_NOTE
    put("no_loads.elf", bytes(no_loads))
    os.mkdir(os.path.join(t, "dir"))
    f["dir"] = os.path.join(t, "dir")
    f["nope"] = os.path.join(t, "nope")
    put("raw3m.bin", os.urandom(3 << 20))                                  # a 3 MiB raw kernel
    put("disk.img", bytes(1 << 20))
    put("odd.img", bytes(1000))
    put("odd4097.img", bytes(4097))
    put("ro.img", bytes(1 << 20), 0o444)
    put("noaccess.img", bytes(1 << 20), 0o000)
    put("locked.img", bytes(1 << 20))
    for k in range(7):
        put("d%d.img" % k, bytes(1 << 20))
    os.symlink(f["disk.img"], os.path.join(t, "disk-link.img"))
    f["disk-link.img"] = os.path.join(t, "disk-link.img")
    # Disk images in formats other than raw: the first bytes QEMU's probes look at.
    put("disk.qcow2", b"QFI\xfb\x00\x00\x00\x03" + bytes(65536 - 8))
    put("disk.vmdk", b"KDMV\x01\x00\x00\x00" + bytes(65536 - 8))
    put("disk.vhdx", b"vhdxfile" + bytes(65536 - 8))
    put("disk.vdi", b"<<< Oracle VM VirtualBox Disk Image >>>\n".ljust(0x40, b"\0") + b"\x7f\x10\xda\xbe"
        + bytes(65536 - 0x44))
    put("osabi_gnu.elf", patched(hello, 7, "B", 3))                       # EI_OSABI = ELFOSABI_GNU
    # Snapshots (docs/snapshots.md): a good one of hello.elf, saved from the REPL, and broken copies.
    good = os.path.join(t, "good.vhs")
    subprocess.run([VHART, "--debug", HELLO], input=b"step\nsavevm %s\nquit\n" % good.encode(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    with open(good, "rb") as fh:
        snap = fh.read()
    f["good.vhs"] = good
    put("cut_config.vhs", snap[:30])                                        # inside the configuration
    put("cut_state.vhs", snap[:len(snap) - 10])                             # inside the zstd frame
    put("flipped.vhs", snap[:-20] + bytes([snap[-20] ^ 0x40]) + snap[-19:])  # a byte of the state
    put("version9.vhs", patched(snap, 8, "<I", 9))
    put("version1.vhs", patched(snap, 8, "<I", 1))                          # before the streamed format
    put("not_snapshot.vhs", b"VHARTSN" + bytes(100))
    # A snapshot whose program file is gone: the machine cannot be rebuilt.
    gone = put("gone.elf", open(HELLO, "rb").read())
    f["gone.vhs"] = os.path.join(t, "gone.vhs")
    subprocess.run([VHART, "--debug", gone], input=b"savevm %s\nquit\n" % f["gone.vhs"].encode(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    os.unlink(gone)
    # Real Linux user programs, when the cross compiler is installed (scripts/install-deps.sh).
    cc = shutil.which("riscv64-linux-gnu-gcc")
    f["linux_static"] = f["linux_dynamic"] = None
    if cc:
        src = put("linux_hello.c", b'#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n')
        for kind, flags in (("linux_static", ["-static"]), ("linux_dynamic", [])):
            out = os.path.join(t, kind)
            if subprocess.run([cc, "-O2"] + flags + ["-o", out, src], capture_output=True).returncode == 0:
                f[kind] = out
    return f


def default_firmware():
    for name in ("fw_dynamic.bin", "fw_jump.bin"):
        p = "/usr/lib/riscv64-linux-gnu/opensbi/generic/" + name
        if os.access(p, os.R_OK):
            return p
    return None


def load_ranges(data):
    """[start, end) of each PT_LOAD with a memory size, in program-header order."""
    phoff, phentsize, phnum = elf_header(data)
    r = []
    for i in range(phnum):
        ph = phoff + i * phentsize
        if struct.unpack_from("<I", data, ph)[0] == 1:
            paddr, = struct.unpack_from("<Q", data, ph + 0x18)
            memsz, = struct.unpack_from("<Q", data, ph + 0x28)
            if memsz:
                r.append((paddr, paddr + memsz))
    return r


def overlap_message(kernel, fw):
    """What vhart must say about an ELF --kernel landing on the firmware fw (raw or ELF)."""
    with open(kernel, "rb") as fh:
        k = load_ranges(fh.read())
    with open(fw, "rb") as fh:
        data = fh.read()
    f = load_ranges(data) if data[:4] == b"\x7fELF" else [(0x80000000, 0x80000000 + len(data))]
    for a, e in k:
        for b, g in f:
            if a < g and b < e:
                return "--kernel %s [0x%x-0x%x] overlaps the firmware %s [0x%x-0x%x]" % (kernel, a, e - 1, fw, b, g - 1)
    raise RuntimeError("%s does not overlap %s" % (kernel, fw))


# ---- running -----------------------------------------------------------------------------------

def run_row(argv, timeout, as_nobody):
    """Run argv with a pty as stdin; return (status, stdout, stderr, termios changed?)."""
    master, slave = pty.openpty()
    before = termios.tcgetattr(slave)

    def drop():
        os.setgid(NOBODY)
        os.setgroups([])
        os.setuid(NOBODY)

    try:
        p = subprocess.Popen(argv, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=drop if as_nobody else None, start_new_session=True)
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, 9)
            p.communicate()
            return None, "", "", False
        after = termios.tcgetattr(slave)
    finally:
        os.close(slave)
        os.close(master)
    return p.returncode, out.decode(errors="replace"), err.decode(errors="replace"), before != after


class Held:
    """What a row holds while vhart runs (a listening socket, a locked file); closed after the row."""

    def __init__(self):
        self.things = []

    def close(self):
        for x in self.things:
            x.close()


def main():
    t = tempfile.mkdtemp(prefix="vhart-badinput-")
    try:
        return run_matrix(t)
    finally:
        shutil.rmtree(t, ignore_errors=True)


def run_matrix(t):
    global HELLO
    os.chmod(t, 0o755)          # rows that run as nobody read the files and the binary from here
    vh = os.path.join(t, "vhart")
    shutil.copy2(VHART, vh)
    os.chmod(vh, 0o755)
    # The guest too: the build tree may be out of the unprivileged user's reach (a checkout in /root).
    hello = os.path.join(t, "hello.elf")
    shutil.copy2(HELLO, hello)
    os.chmod(hello, 0o644)
    HELLO = hello
    f = make_files(t)
    root = os.geteuid() == 0
    true_bin = shutil.which("true") or "/bin/true"
    true_bin = os.path.realpath(true_bin)
    too_big = os.path.join(GUESTS, "too_big.elf")
    mmio = os.path.join(GUESTS, "mmio_random.elf")
    with open(too_big, "rb") as fh:
        tb = fh.read()
    # too_big.elf's biggest segment (a 256 MiB bss) does not fit the default 128 MiB.
    phoff, phentsize, phnum = elf_header(tb)
    big = max((struct.unpack_from("<QQ", tb, phoff + k * phentsize + 0x18)[0],
               struct.unpack_from("<Q", tb, phoff + k * phentsize + 0x28)[0])
              for k in range(phnum) if struct.unpack_from("<I", tb, phoff + k * phentsize)[0] == 1)
    big_msg = "segment at 0x%x (0x%x bytes) lies outside RAM" % big

    held = Held()

    def port_in_use():
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        held.things.append(s)
        return s.getsockname()[1]

    def lock(path):
        fh = open(path, "rb")
        fcntl.flock(fh, fcntl.LOCK_SH)
        held.things.append(fh)
        return path

    def need_unprivileged():
        if not root:
            return False
        # Run it, not just look at it: under qemu-user (cross builds) the target's libraries sit
        # in root's cache, out of the unprivileged user's reach.
        def drop():
            os.setgid(NOBODY)
            os.setgroups([])
            os.setuid(NOBODY)
        try:
            st = subprocess.run([vh, "--version"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, preexec_fn=drop, timeout=60).returncode
        except (OSError, subprocess.SubprocessError):
            st = 1
        if st != 0:
            raise Skip("cannot run vhart as uid %d to make file permissions bite" % NOBODY)
        return True

    # (name, argv after vhart, status, stderr line, [stdout], [options]) -- "E" prefixes "vhart: ".
    def E(msg):
        return "vhart: " + msg

    drives6 = sum((["--drive", f["d%d.img" % k]] for k in range(6)), [])
    t_dir2 = os.path.join(os.path.dirname(f["dir"]), "dir2")
    os.makedirs(t_dir2, exist_ok=True)
    rows = [
        # -- the program file
        ("missing_file", [f["nope"]], 2, E("%s: No such file or directory" % f["nope"])),
        ("empty_file", [f["empty.elf"]], 2, E("%s: empty file, not an ELF program" % f["empty.elf"])),
        ("not_elf", [f["text.elf"]], 2, E("%s: not an ELF file" % f["text.elf"])),
        ("directory", [f["dir"]], 2, E("%s: is a directory" % f["dir"])),
        ("char_device", ["/dev/null"], 2, E("/dev/null: not a regular file")),
        ("elf_class32", [f["class32.elf"]], 2,
         E("%s: not a 64-bit ELF (class 1); vhart runs RV64 programs" % f["class32.elf"])),
        ("elf_big_endian", [f["bigendian.elf"]], 2, E("%s: not a little-endian ELF" % f["bigendian.elf"])),
        ("elf_x86_64_machine", [f["x86.elf"]], 2, E("%s: not a RISC-V ELF (e_machine 62)" % f["x86.elf"])),
        ("host_binary", [true_bin], 2, E("%s: %s" % (true_bin, host_elf_message(true_bin)))),
        ("elf_relocatable", [f["relocatable.elf"]], 2,
         E("%s: not an executable ELF (e_type 1)" % f["relocatable.elf"])),
        ("elf_truncated_header", [f["header.elf"]], 2, E("%s: truncated ELF header (40 bytes)" % f["header.elf"])),
        ("elf_cut_in_program_headers", [f["cut_in_phdrs.elf"]], 2,
         E("%s: truncated or missing program headers" % f["cut_in_phdrs.elf"])),
        ("elf_cut_in_segment", [f["cut_in_segment.elf"]], 2,
         E("%s: truncated (segment %d data lies beyond the end of the file)" % (f["cut_in_segment.elf"], f["load_index"]))),
        ("elf_no_program_headers", [f["no_phdrs.elf"]], 2,
         E("%s: truncated or missing program headers" % f["no_phdrs.elf"])),
        ("elf_no_loadable_segment", [f["no_loads.elf"]], 2, E("%s: no loadable segments" % f["no_loads.elf"])),
        ("elf_oversized_filesz", [f["huge_filesz.elf"]], 2,
         E("%s: truncated (segment %d data lies beyond the end of the file)" % (f["huge_filesz.elf"], f["load_index"]))),
        ("elf_memsz_below_filesz", [f["memsz_lt_filesz.elf"]], 2,
         E("%s: malformed segment %d (memory size smaller than file size)" % (f["memsz_lt_filesz.elf"], f["load_index"]))),
        ("elf_oversized_memsz", [f["huge_memsz.elf"]], 2,
         E("%s: segment at 0x%x (0x%x bytes) lies outside RAM" % (f["huge_memsz.elf"], f["load_paddr"], 1 << 62))),
        ("elf_segment_wraps_address_space", [f["wrap_paddr.elf"]], 2,
         E("%s: segment at 0x%x (0x%x bytes) lies outside RAM"
           % (f["wrap_paddr.elf"], (1 << 64) - 0x100, first_load(open(f["wrap_paddr.elf"], "rb").read())[5]))),
        ("elf_entry_outside_segments", [f["entry_outside.elf"]], 2,
         E("%s: entry point 0x1234 is not in a loaded segment" % f["entry_outside.elf"])),
        ("program_too_large_for_ram", [too_big], 2, E("%s: %s" % (too_big, big_msg))),
        ("program_fits_bigger_ram", ["--mem", "512M", too_big], 0, ""),
        # -- --kernel, --bios, --initrd
        ("kernel_missing", ["--kernel", f["nope"]], 2, E("--kernel %s: No such file or directory" % f["nope"])),
        ("kernel_empty", ["--kernel", f["empty.elf"]], 2, E("--kernel %s: empty file" % f["empty.elf"])),
        ("kernel_directory", ["--kernel", f["dir"]], 2, E("--kernel %s: is a directory" % f["dir"])),
        ("kernel_host_binary", ["--kernel", true_bin], 2,
         E("--kernel %s: %s" % (true_bin, host_elf_message(true_bin)))),
        ("kernel_elf_truncated", ["--kernel", f["cut_in_segment.elf"]], 2,
         E("--kernel %s: truncated (segment %d data lies beyond the end of the file)"
           % (f["cut_in_segment.elf"], f["load_index"]))),
        ("kernel_elf_too_large_for_ram", ["--bios", "none", "--kernel", too_big], 2,
         E("--kernel %s: %s" % (too_big, big_msg))),
        ("kernel_raw_too_large_for_ram", ["--mem", "4M", "--kernel", f["raw3m.bin"]], 2,
         E("--kernel %s: 3145728 bytes do not fit in 4 MiB of RAM at 0x80200000" % f["raw3m.bin"])),
        ("kernel_raw_too_large_no_firmware", ["--mem", "2M", "--bios", "none", "--kernel", f["raw3m.bin"]], 2,
         E("--kernel %s: 3145728 bytes do not fit in 2 MiB of RAM at 0x80000000" % f["raw3m.bin"])),
        ("kernel_beyond_small_ram", ["--mem", "1M", "--kernel", f["raw3m.bin"]], 2,
         E("--kernel %s: 3145728 bytes do not fit in 1 MiB of RAM at 0x80200000" % f["raw3m.bin"])),
        ("initrd_too_large", ["--mem", "2M", "--bios", "none", "--kernel", HELLO, "--initrd", f["raw3m.bin"]], 2,
         E("--initrd %s: 3145728 bytes do not fit in RAM above the kernel (try a larger --mem)" % f["raw3m.bin"])),
        ("initrd_missing", ["--bios", "none", "--kernel", HELLO, "--initrd", f["nope"]], 2,
         E("--initrd %s: No such file or directory" % f["nope"])),
        ("bios_missing", ["--bios", f["nope"], "--kernel", f["raw3m.bin"]], 2,
         E("--bios %s: No such file or directory" % f["nope"])),
        ("bios_host_binary", ["--bios", true_bin, "--kernel", f["raw3m.bin"]], 2,
         E("--bios %s: %s" % (true_bin, host_elf_message(true_bin)))),
        ("bios_too_large_for_ram", ["--mem", "1M", "--bios", f["raw3m.bin"], "--kernel", HELLO], 2,
         E("--bios %s: 3145728 bytes do not fit in 1 MiB of RAM" % f["raw3m.bin"])),
        ("bios_overlaps_kernel", ["--bios", f["raw3m.bin"], "--kernel", HELLO], 2,
         E("--bios %s: 3145728 bytes do not fit below the kernel at 0x80200000" % f["raw3m.bin"])),
        ("kernel_overlaps_firmware", ["--kernel", HELLO], 2, "FIRMWARE"),
        ("kernel_overlaps_elf_firmware", ["--bios", FW_JUMP_ELF, "--kernel", HELLO], 2,
         E(overlap_message(HELLO, FW_JUMP_ELF)) if os.path.exists(FW_JUMP_ELF) else "SKIP"),
        ("kernel_elf_low_without_firmware", ["--bios", "none", "--kernel", HELLO], 0, "",
         "Hello from a RISC-V guest on vhart! (hart 0)"),
        ("linux_user_program_static", ["LINUX_STATIC"], 2,
         "LINUX_STATIC: a Linux user program (static, with a GNU ABI tag for Linux VERSION); vhart runs whole "
         "systems: run it in Linux booted with --kernel, or with qemu-riscv64"),
        ("linux_user_program_dynamic", ["LINUX_DYNAMIC"], 2,
         "LINUX_DYNAMIC: a Linux user program (dynamically linked, interpreter /lib/ld-linux-riscv64-lp64d.so.1); "
         "vhart runs whole systems: run it in Linux booted with --kernel, or with qemu-riscv64"),
        ("linux_user_program_as_kernel", ["--kernel", "LINUX_STATIC"], 2,
         "--kernel LINUX_STATIC: a Linux user program (static, with a GNU ABI tag for Linux VERSION); vhart runs "
         "whole systems: run it in Linux booted with --kernel, or with qemu-riscv64"),
        ("elf_osabi_gnu_linux", [f["osabi_gnu.elf"]], 2,
         E("%s: a Linux user program (OS/ABI GNU/Linux); vhart runs whole systems: run it in Linux booted with "
           "--kernel, or with qemu-riscv64" % f["osabi_gnu.elf"])),
        ("bios_none_without_kernel", ["--bios", "none"], 2,
         E("no program given (a bare-metal ELF, or --kernel) (try --help)")),
        ("ram_too_small_for_device_tree", ["--mem", "16K", HELLO], 2,
         E("--mem: 16 KiB of RAM is too small for this kernel and its device tree")),
        # -- numbers
        ("mem_zero", ["--mem", "0", HELLO], 2, E("--mem 0: RAM size must be a non-zero multiple of 4 KiB (try --help)")),
        ("mem_1T", ["--mem", "1T", HELLO], 2, E("--mem 1T: more than the 64 GiB vhart supports (try --help)")),
        ("mem_not_page_multiple", ["--mem", "4097", HELLO], 2,
         E("--mem 4097: RAM size must be a non-zero multiple of 4 KiB (try --help)")),
        ("mem_not_a_size", ["--mem", "lots", HELLO], 2, E("--mem lots: not a size (examples: 128M, 1G) (try --help)")),
        ("mem_negative", ["--mem", "-1", HELLO], 2, E("--mem -1: not a size (examples: 128M, 1G) (try --help)")),
        ("mem_overflows_64_bits", ["--mem", "99999999999G", HELLO], 2,
         E("--mem 99999999999G: not a size (examples: 128M, 1G) (try --help)")),
        ("smp_zero", ["--smp", "0", HELLO], 2, E("--smp 0: the number of harts must be 1 to 8 (try --help)")),
        ("smp_99", ["--smp", "99", HELLO], 2, E("--smp 99: the number of harts must be 1 to 8 (try --help)")),
        ("smp_octal_looking", ["--smp", "010", HELLO], 2, E("--smp 010: the number of harts must be 1 to 8 (try --help)")),
        ("smp_not_a_number", ["--smp", "two", HELLO], 2, E("--smp two: the number of harts must be 1 to 8 (try --help)")),
        ("max_insns_zero", ["--max-insns", "0", HELLO], 2, E("--max-insns 0: expected a positive number (try --help)")),
        ("isa_rv32", ["--isa", "rv32i", HELLO], 2, E("--isa rv32i: must start with rv64 (try --help)")),
        # -- disks
        ("drive_missing", ["--drive", f["nope"], HELLO], 2, E("--drive %s: no such file" % f["nope"])),
        ("drive_empty", ["--drive", f["empty.elf"], HELLO], 2, E("--drive %s: empty file" % f["empty.elf"])),
        ("drive_odd_size", ["--drive", f["odd.img"], HELLO], 2,
         E("--drive %s: size 1000 is not a multiple of 512 bytes (pad it: truncate -s %%512 FILE)" % f["odd.img"])),
        ("drive_odd_size_above_512", ["--drive", f["odd4097.img"] + ",ro", HELLO], 2,
         E("--drive %s: size 4097 is not a multiple of 512 bytes (pad it: truncate -s %%512 FILE)" % f["odd4097.img"])),
        ("drive_directory", ["--drive", f["dir"], HELLO], 2, E("--drive %s: is a directory" % f["dir"])),
        ("drive_char_device", ["--drive", "/dev/zero", HELLO], 2,
         E("--drive /dev/zero: not a regular file or block device")),
        ("drive_read_only_file_without_ro", ["--drive", f["ro.img"], HELLO], 2,
         E("--drive %s: read-only file (use ,ro)" % f["ro.img"]), "", "nobody"),
        ("drive_read_only_file_with_ro", ["--drive", f["ro.img"] + ",ro", HELLO], 0, "",
         "Hello from a RISC-V guest on vhart! (hart 0)", "nobody"),
        ("drive_no_permission", ["--drive", f["noaccess.img"] + ",ro", HELLO], 2,
         E("--drive %s: permission denied" % f["noaccess.img"]), "", "nobody"),
        ("drive_in_use", ["--drive", "LOCKED", HELLO], 2, E("--drive %s: in use by another process" % f["locked.img"])),
        ("share_missing", ["--share", f["nope"], HELLO], 2, E("--share %s: No such file or directory" % f["nope"])),
        ("share_not_a_directory", ["--share", f["empty.elf"] + ",ro", HELLO], 2,
         E("--share %s: not a directory" % f["empty.elf"])),
        ("share_unknown_option", ["--share", f["dir"] + ",rw", HELLO], 2,
         E("--share %s,rw: unknown option \"rw\" (DIR[,tag=NAME][,ro])" % f["dir"])),
        ("share_bad_tag", ["--share", f["dir"] + ",tag=a/b", HELLO], 2,
         E("--share %s,tag=a/b: a tag holds only letters, digits, '_', '-', '.'" % f["dir"])),
        ("share_duplicate_tag", ["--share", f["dir"], "--share", t_dir2 + ",ro", HELLO], 2,
         E("--share %s,ro: tag \"host\" already used by --share %s" % (t_dir2, f["dir"]))),
        ("share_no_directory", ["--share", ",ro", HELLO], 2, E("--share ,ro: no directory given")),
        ("share_five", sum((["--share", f["dir"] + ",tag=t%d" % k] for k in range(5)), []) + [HELLO], 2,
         E("--share %s,tag=t4: at most 4 shares (try --help)" % f["dir"])),
        ("share_slots_full", drives6[:8] + ["--share", f["dir"], "--share", t_dir2 + ",tag=b", HELLO], 2,
         E("--share: 2 shares and 4 drives do not fit in the 5 virtio slots left")),
        ("share_with_record", ["--share", f["dir"], "--record", f["nope"], HELLO], 2,
         E("--share %s: not with --record or --replay (shared files are not part of a recording) (try --help)" % f["dir"])),
        ("share_with_hello", ["--share", f["dir"] + ",ro", HELLO], 0, "", "Hello from a RISC-V guest on vhart! (hart 0)"),
        ("drive_unknown_option", ["--drive", f["disk.img"] + ",rw", HELLO], 2,
         E("--drive: unknown option 'rw' (expected ro, cache=writeback or cache=writethrough)")),
        ("drive_unknown_cache", ["--drive", f["disk.img"] + ",cache=none", HELLO], 2,
         E("--drive: unknown cache mode 'none' (expected writeback or writethrough)")),
        ("drive_trailing_comma", ["--drive", f["disk.img"] + ",", HELLO], 2, E("--drive: empty option")),
        ("drive_qcow2", ["--drive", f["disk.qcow2"], HELLO], 2,
         E("--drive %s: a qcow2 image, not a raw one (convert it: qemu-img convert -O raw FILE FILE.raw)" % f["disk.qcow2"])),
        ("drive_vmdk", ["--drive", f["disk.vmdk"] + ",ro", HELLO], 2,
         E("--drive %s: a VMDK image, not a raw one (convert it: qemu-img convert -O raw FILE FILE.raw)" % f["disk.vmdk"])),
        ("drive_vhdx", ["--drive", f["disk.vhdx"], HELLO], 2,
         E("--drive %s: a VHDX image, not a raw one (convert it: qemu-img convert -O raw FILE FILE.raw)" % f["disk.vhdx"])),
        ("drive_vdi", ["--drive", f["disk.vdi"], HELLO], 2,
         E("--drive %s: a VDI image, not a raw one (convert it: qemu-img convert -O raw FILE FILE.raw)" % f["disk.vdi"])),
        ("drive_same_file_twice", ["--drive", f["disk.img"], "--drive", f["disk-link.img"] + ",ro", HELLO], 2,
         E("--drive %s: the same file as the earlier --drive %s" % (f["disk-link.img"], f["disk.img"]))),
        ("drive_too_many", drives6 + [HELLO], 2,
         E("--drive: at most 5 drives fit in the 8 virtio slots beside the rng, keyboard and mouse")),
        # -- debugger, network, output files
        ("gdb_port_in_use", ["--gdb", "PORT", HELLO], 2, E("--gdb PORT: port in use")),
        ("gdb_port_zero", ["--gdb", "0", HELLO], 2, E("--gdb 0: expected a TCP port number (1-65535) (try --help)")),
        ("gdb_port_too_big", ["--gdb", "65536", HELLO], 2,
         E("--gdb 65536: expected a TCP port number (1-65535) (try --help)")),
        ("gdb_wait_without_gdb", ["--gdb-wait", HELLO], 2, E("--gdb-wait needs --gdb PORT (try --help)")),
        ("net_unknown_mode", ["--net", "tap", HELLO], 2, E("--net: unknown mode 'tap' (expected none or user[,hostfwd=...])")),
        ("trace_unwritable", ["--trace", os.path.join(f["nope"], "trace.log"), HELLO], 2,
         E("--trace %s: No such file or directory" % os.path.join(f["nope"], "trace.log"))),
        ("screenshot_folder_missing", ["--display", "none", "--screenshot", os.path.join(f["nope"], "shot.png"), HELLO], 2,
         E("--screenshot %s: No such file or directory" % os.path.join(f["nope"], "shot.png"))),
        ("screenshot_is_a_folder", ["--display", "none", "--screenshot", f["dir"], HELLO], 2,
         E("--screenshot %s: Is a directory" % f["dir"])),
        ("display_size_zero_width", ["--display", "none", "--display-size", "0x768", HELLO], 2,
         E("--display-size 0x768: width and height must be 16 to 8192")),
        ("display_size_zero", ["--display", "none", "--display-size", "0x0", HELLO], 2,
         E("--display-size 0x0: width and height must be 16 to 8192")),
        ("dumpdtb_to_directory", ["--dumpdtb", f["dir"], HELLO], 2, E("--dumpdtb %s: Is a directory" % f["dir"])),
        # -- the command line itself
        ("unknown_option", ["--frobnicate", HELLO], 2, E("unknown option --frobnicate (try --help)")),
        ("unknown_short_option", ["-x", HELLO], 2, E("unknown option -x (try --help)")),
        ("missing_argument", [HELLO, "--mem"], 2, E("option --mem needs an argument (try --help)")),
        ("argument_to_flag", ["--stats=1", HELLO], 2, E("option --stats=1 takes no argument (try --help)")),
        # QEMU's one-dash spellings (docs/usage.md): taken where the syntax is the same ...
        ("qemu_one_dash_shared_options", ["-bios", "none", "-snapshot", "-kernel", HELLO, "-smp", "2", "-append", "-m"], 0, "",
         "Hello from a RISC-V guest on vhart! (hart 0)"),
        ("qemu_one_dash_kernel_missing", ["-kernel", f["nope"]], 2, E("--kernel %s: No such file or directory" % f["nope"])),
        ("qemu_one_dash_missing_argument", [HELLO, "-kernel"], 2, E("option -kernel needs an argument (try --help)")),
        # ... refused, naming the option and vhart's spelling, where it differs
        ("qemu_one_dash_m", ["-m", "512", HELLO], 2,
         E("unknown option -m (QEMU's -m counts MiB: use --mem SIZE, e.g. --mem 512M)")),
        ("qemu_one_dash_drive", ["-drive", "file=%s,format=raw" % f["disk.img"], HELLO], 2,
         E("unknown option -drive (use --drive FILE[,ro] for a raw image; QEMU's file=...,format=... syntax is not vhart's)")),
        ("qemu_nographic", ["-nographic", HELLO], 2,
         E("unknown option -nographic (vhart's serial console is this terminal unless --serial says otherwise; --display none: no window)")),
        ("qemu_machine", ["-M", "virt", HELLO], 2, E("unknown option -M (vhart's board is always QEMU's virt: leave it out)")),
        ("vhart_option_with_one_dash", ["-mem", "1G", HELLO], 2, E("unknown option -mem (did you mean --mem?)")),
        ("unknown_one_dash_word", ["-frobnicate", HELLO], 2, E("unknown option -frobnicate (try --help)")),
        ("two_programs", [HELLO, HELLO], 2, E("unexpected argument %s (try --help)" % HELLO)),
        ("program_and_kernel", ["--kernel", HELLO, HELLO], 2,
         E("give either a program or --kernel, not both (%s) (try --help)" % HELLO)),
        ("no_program", [], 2, E("no program given (a bare-metal ELF, or --kernel) (try --help)")),
        # -- --loadvm: the file is checked before anything runs; the machine is the snapshot's
        ("loadvm_missing", ["--loadvm", f["nope"]], 2, E("%s: no such file" % f["nope"])),
        ("loadvm_not_snapshot", ["--loadvm", f["not_snapshot.vhs"]], 2,
         E("%s: not a vhart snapshot" % f["not_snapshot.vhs"])),
        ("loadvm_elf", ["--loadvm", HELLO], 2, E("%s: not a vhart snapshot" % HELLO)),
        ("loadvm_other_version", ["--loadvm", f["version9.vhs"]], 2,
         E("%s: snapshot format version 9, this vhart reads version 2" % f["version9.vhs"])),
        ("loadvm_old_version", ["--loadvm", f["version1.vhs"]], 2,
         E("%s: snapshot format version 1, this vhart reads version 2" % f["version1.vhs"])),
        ("loadvm_truncated_config", ["--loadvm", f["cut_config.vhs"]], 2,
         E("%s: truncated or corrupt snapshot (configuration)" % f["cut_config.vhs"])),
        ("loadvm_truncated", ["--loadvm", f["cut_state.vhs"]], 2,
         E("%s: truncated or corrupt snapshot" % f["cut_state.vhs"])),
        ("loadvm_flipped_byte", ["--loadvm", f["flipped.vhs"]], 2,
         E("%s: truncated or corrupt snapshot" % f["flipped.vhs"])),
        ("loadvm_with_mem", ["--loadvm", f["good.vhs"], "--mem", "1G"], 2,
         E("--loadvm %s: --mem would change the machine, which comes from the snapshot" % f["good.vhs"])),
        ("loadvm_with_program", ["--loadvm", f["good.vhs"], HELLO], 2,
         E("--loadvm %s: a program (%s) would change the machine, which comes from the snapshot" % (f["good.vhs"], HELLO))),
        ("loadvm_display_sdl_no_framebuffer", ["--loadvm", f["good.vhs"], "--display", "sdl"], 2,
         E("--display sdl: the machine in %s has no framebuffer" % f["good.vhs"])),
        ("loadvm_image_gone", ["--loadvm", f["gone.vhs"]], 2,
         E("--loadvm %s: cannot rebuild the saved machine: %s: No such file or directory"
           % (f["gone.vhs"], os.path.join(t, "gone.elf")))),
        ("loadvm_good", ["--loadvm", f["good.vhs"], "--display", "none"], 0, "",
         "Hello from a RISC-V guest on vhart! (hart 0)"),
        # -- a guest that writes every MMIO register with random values: the host stays up
        ("mmio_random_writes", ["--smp", "2", "--drive", f["disk.img"], "--net", "user", mmio], 0, "", "MMIO"),
    ]
    failures = skipped = passed = 0
    for row in rows:
        name, argv, want_status, want_err = row[:4]
        want_out = row[4] if len(row) > 4 else ""
        opts = row[5] if len(row) > 5 else ""
        if ONLY and name not in ONLY:
            continue
        try:
            argv = list(argv)
            if "PORT" in argv:
                port = port_in_use()
                argv[argv.index("PORT")] = str(port)
                want_err = want_err.replace("PORT", str(port))
            for tag, key in (("LINUX_STATIC", "linux_static"), ("LINUX_DYNAMIC", "linux_dynamic")):
                if tag in argv:
                    if not f[key]:
                        raise Skip("riscv64-linux-gnu-gcc (gcc-riscv64-linux-gnu) is not installed")
                    argv[argv.index(tag)] = f[key]
                    want_err = E(want_err.replace(tag, f[key]).replace("VERSION", abi_version(f[key])))
            if want_err == "SKIP":
                raise Skip("%s is not installed" % FW_JUMP_ELF)
            if want_err == "FIRMWARE":
                if not default_firmware():
                    raise Skip("Debian's OpenSBI is not installed")
                want_err = E(overlap_message(HELLO, default_firmware()))
            if "LOCKED" in argv:
                argv[argv.index("LOCKED")] = lock(f["locked.img"])
            as_nobody = opts == "nobody" and need_unprivileged()
            if name == "mmio_random_writes":
                want_out = MMIO_EXPECTED
            timeout = 120 if name.startswith("mmio") else 20
            status, out, err, tty_changed = run_row([vh] + argv, timeout, as_nobody)
        except Skip as e:
            print("SKIP %s: %s" % (name, e))
            skipped += 1
            continue
        finally:
            held.close()
            held.things = []
        problems = []
        if status is None:
            problems.append("no exit within %d s (killed)" % timeout)
        else:
            if status != want_status:
                problems.append("status %d, want %d" % (status, want_status))
            if err.rstrip("\n") != want_err or (want_err and err.count("\n") != 1):
                problems.append("stderr %r, want %r" % (err, want_err + ("\n" if want_err else "")))
            if out.rstrip("\n") != want_out:
                problems.append("stdout %r, want %r" % (out[-500:], want_out))
            if tty_changed:
                problems.append("the terminal's settings changed")
        if problems:
            failures += 1
            print("FAIL %s: vhart %s\n  %s" % (name, " ".join(argv), "\n  ".join(problems)))
        else:
            passed += 1
            print("ok   %-36s %d  %s" % (name, want_status, want_err or "(stdout: %s)" % (want_out.splitlines() or [""])[-1]))
    print("badinput_test: %d passed, %d failed, %d skipped" % (passed, failures, skipped))
    return 1 if failures else 0


# The mmio_random guest's report (tests/system/guests/mmio_random.c): its seed fixes every address
# and width, so the fault counts are what the devices specify for those accesses (a change in a
# device's access rules changes them: check the new figures against the device, then update).
MMIO_EXPECTED = ("mmio_random: 100 rounds, 1474631 accesses; faults: load-misaligned 0, load-access 223714, "
                 "store-misaligned 0, store-access 223716\n"
                 "mmio_random: every hole and ROM store faulted; host still up")

if __name__ == "__main__":
    sys.exit(main())
