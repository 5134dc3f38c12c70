#!/bin/sh
# /init of the display tests' initramfs: mount, then what vhart.test= on the command line asks for;
# a shell on the serial console lets the test power off.
export PATH=/sbin:/bin:/usr/sbin:/usr/bin HOME=/root
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
trap 'poweroff -f' USR2
case "$(cat /proc/cmdline)" in
*vhart.test=pattern*)
    # Take fbcon off the framebuffer, so that nothing but the test draws on it.
    for v in /sys/class/vtconsole/vtcon*; do
        grep -q "frame buffer" "$v/name" && echo 0 >"$v/bind"
    done
    echo "=== display test: pattern ==="
    ;;
*vhart.test=keys*)
    /bin/fbtest keys >/dev/ttyS0 2>&1 &
    # A shell on tty1, the console the window shows; it says when it is there to read keys.
    setsid sh -c 'echo SHELL-READY >/dev/ttyS0; exec sh -i' </dev/tty1 >/dev/tty1 2>&1 &
    echo "=== display test: keys ==="
    ;;
esac
# (not cttyhack: with console=tty0 it would move this shell to the VT, where it would compete for keys)
setsid sh </dev/ttyS0 >/dev/ttyS0 2>&1 &
wait
poweroff -f
