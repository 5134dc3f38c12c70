#!/usr/bin/env python3
"""Boot test of OpenSBI + U-Boot (S-mode): reach the => prompt, run `version`, `poweroff` ends with status 0.

usage: uboot_test.py [options] [--] CMD ARG...
  e.g. uboot_test.py qemu-system-riscv64 -M virt -nographic -m 256M \
           -bios /usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin \
           -kernel /usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
       uboot_test.py build/vhart --mem 256M --kernel /usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
Packages: opensbi, u-boot-qemu (Debian).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bootconsole  # noqa: E402

PROMPT = r"=> "


def body(c, args):
    boot = args.timeout or 120
    step = args.step_timeout or 60
    c.panic_patterns = [
        r"sbi_trap_error[^\r\n]*[\r\n]",                  # OpenSBI caught a trap it cannot handle
        r"Unhandled exception[^\r\n]*[\r\n]",             # U-Boot's own trap handler
        r"### ERROR ### Please RESET the board ###",
        r"resetting \.\.\.",
    ]

    c.expect(r"OpenSBI v\d+\.\d+", boot, "the OpenSBI banner")
    c.say("OpenSBI banner after %.2f s" % c.elapsed())
    c.expect(r"U-Boot \d{4}\.\d{2}", boot, "the U-Boot banner")
    c.say("U-Boot banner after %.2f s" % c.elapsed())

    # U-Boot counts down before running its boot command: any key stops it.
    m = c.expect(r"Hit any key to stop autoboot|" + PROMPT, boot, "the autoboot countdown or the => prompt")
    if m.group(0) != PROMPT:
        c.send(" ")
        c.expect(PROMPT, step, "the => prompt after stopping autoboot")
    c.say("=> prompt after %.2f s" % c.elapsed())

    c.send("version\r")
    c.expect(r"version[\r\n]", step, "the echo of `version`")
    c.expect(r"U-Boot \d{4}\.\d{2}[^\r\n]*[\r\n]", step, "U-Boot's version line")
    c.expect(PROMPT, step, "the prompt after `version`")

    c.send("poweroff\r")
    c.expect(r"poweroff", step, "the echo of `poweroff`")
    c.expect_exit(args.exit_timeout, 0)


if __name__ == "__main__":
    args = bootconsole.parse_args("uboot_test", __doc__.splitlines()[0])
    sys.exit(bootconsole.run("uboot_test", args, body))
