#!/usr/bin/env python3
"""roms/boot-check.py: boots the roms/build.sh Image + initramfs, types at the busybox shell, checks each answer.

  roms/boot-check.py [--smp N] [--timeout S]                  on Debian's qemu-system-riscv64 -M virt
  roms/boot-check.py [--smp N] -- EMULATOR ARG...             on any emulator whose console is stdin/stdout
                                                              (e.g. -- build/vhart --kernel K --initrd I --smp N)
Prints the console transcript, then one line per check and 'N passed, N failed'; exits non-zero on a failure.
Needs only python3 (no pexpect).
"""
import argparse, os, select, shlex, subprocess, sys, time

ROMS = os.path.dirname(os.path.abspath(__file__))


def built_paths():
    out = subprocess.run([os.path.join(ROMS, "build.sh"), "--print-paths"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("boot-check: nothing built yet: run roms/build.sh first")
    return dict(line.split("=", 1) for line in out.stdout.split())


class Console:
    def __init__(self, argv):
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.buf = b""
        self.t0 = time.time()

    def expect(self, text, timeout):
        want, end = text.encode(), time.time() + timeout
        while want not in self.buf:
            left = end - time.time()
            if left <= 0 or (self.p.poll() is not None and not select.select([self.p.stdout], [], [], 0)[0]):
                sys.stdout.write(self.buf.decode(errors="replace"))
                raise TimeoutError(f"did not see {text!r} within {timeout} s")
            if select.select([self.p.stdout], [], [], left)[0]:
                chunk = os.read(self.p.stdout.fileno(), 4096)
                if not chunk:
                    time.sleep(0.05)
                self.buf += chunk
        i = self.buf.index(want) + len(want)
        seen, self.buf = self.buf[:i].decode(errors="replace"), self.buf[i:]
        sys.stdout.write(seen)
        sys.stdout.flush()
        return seen

    def send(self, line):
        self.p.stdin.write(line.encode() + b"\n")
        self.p.stdin.flush()

    def run(self, line, timeout):
        """Type a command; return its output (the lines between the echoed command and the next prompt)."""
        self.send(line)
        return self.expect("# ", timeout).replace("\r", "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--smp", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=120, help="seconds allowed to reach the shell prompt")
    ap.add_argument("emulator", nargs=argparse.REMAINDER, help="-- EMULATOR ARG... (default: QEMU virt)")
    a = ap.parse_args()
    argv = a.emulator[1:] if a.emulator[:1] == ["--"] else a.emulator
    if not argv:
        paths = built_paths()
        argv = ["qemu-system-riscv64", "-M", "virt", "-m", "256M", "-smp", str(a.smp), "-nographic",
                "-bios", "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin",
                "-kernel", paths["KERNEL"], "-initrd", paths["INITRD"], "-append", "console=ttyS0"]
    print("boot-check:", shlex.join(argv), flush=True)

    c, checks = Console(argv), []
    try:
        c.expect("=== vhart initramfs:", a.timeout)
        t_banner = time.time() - c.t0
        c.expect("# ", 30)
        t_prompt = time.time() - c.t0
        out = c.run("uname -a", 30)
        checks.append(("uname -a names Linux on riscv64", "Linux vhart" in out and "riscv64" in out))
        out = c.run("cat /proc/interrupts", 30)
        checks.append(("/proc/interrupts lists the PLIC and the timer", "PLIC" in out and "riscv-timer" in out))
        out = c.run("date +%Y-%m-%d", 30)
        host = time.strftime("%Y-%m-%d", time.gmtime())
        checks.append((f"date shows the host's date {host} (goldfish RTC)", host in out.split("\n", 1)[1]))
        out = c.run("grep -c ^processor /proc/cpuinfo", 30)
        checks.append((f"{a.smp} hart(s) online", out.split("\n")[1].strip() == str(a.smp)))
        out = c.run("sleep 9 & jobs; kill %1; echo jobs-$((6*7))", 30)
        checks.append(("job control (jobs, kill %1)", "[1]" in out and "jobs-42" in out))
        c.send("poweroff")
        c.expect("poweroff", 30)
        try:
            c.p.wait(timeout=30)
            sys.stdout.write(c.p.stdout.read().decode(errors="replace"))
            checks.append(("poweroff ends the emulator", True))
        except subprocess.TimeoutExpired:
            checks.append(("poweroff ends the emulator", False))
        print(f"\nboot-check: banner after {t_banner:.2f} s, prompt after {t_prompt:.2f} s (wall clock)")
    except TimeoutError as e:
        checks.append((str(e), False))
    finally:
        if c.p.poll() is None:
            c.p.kill()
    for name, ok in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    failed = sum(not ok for _, ok in checks)
    print(f"{len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
