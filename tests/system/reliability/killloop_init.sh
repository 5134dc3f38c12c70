#!/bin/sh
# /init of the kill-loop initramfs (tests/system/reliability/killloop.py): on every boot, mount the ext4
# disk /dev/vda (the kernel replays its journal), verify every record written by earlier boots, unmount
# (the host then runs e2fsck), and on "go" from the console write new records until killed.
#
# A record N is a file /mnt/d/N of 1-16 KiB from /dev/urandom, fsynced, then a line "SHA256  N" appended
# to /mnt/index and the index fsynced: only then "FLUSHED N" is printed. So every complete index line
# names a data file that was fsynced before it, and every N the host saw FLUSHED must be in the index.
export PATH=/sbin:/bin:/usr/sbin:/usr/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs tmpfs /tmp
say() { echo "KL: $*"; }
say "boot"
say "write_cache $(cat /sys/block/vda/queue/write_cache)"
# noinit_itable: no background ext4lazyinit writes (they would race with the host's e2fsck).
if ! mount -o noinit_itable -t ext4 /dev/vda /mnt; then say "MOUNT FAILED"; poweroff -f; fi
# "recovery complete": the kernel replayed the journal (the last boot was killed while mounted).
say "MOUNTED journal_replayed=$(dmesg | grep -c 'EXT4-fs (vda): recovery complete')"
mkdir -p /mnt/d
touch /mnt/index
cd /mnt
# The index up to its first malformed or out-of-sequence line (a torn append that was never flushed).
awk 'BEGIN { n = 0 } { if ($0 !~ /^[0-9a-f]+  [0-9]+$/ || length($1) != 64 || $2 != n + 1) exit; n++; print }' \
    index > /tmp/index.good
lines=$(wc -l < /tmp/index.good)
total=$(wc -l < index)
# Data of every complete index line; "N: FAILED" (or "can't open") lines name the bad records.
: > /tmp/check
[ "$lines" -eq 0 ] || (cd d && sha256sum -c ../../tmp/index.good 2>&1) > /tmp/check
bad=$(grep -cv ': OK$' /tmp/check)
firstbad=$(grep -v ': OK$' /tmp/check | head -1)
# Highest N with 1..N all present and intact.
good=$(awk -F: '$2 != " OK" { exit } { n = $1 } END { print n + 0 }' /tmp/check)
say "VERIFY good=$good complete=$lines indexlines=$total bad=$bad ${firstbad:+first: $firstbad}"
# Drop the torn tail and the files past it, so that the next records continue the sequence.
if [ "$lines" -ne "$total" ] || [ "$bad" -ne 0 ]; then
    head -n "$good" /tmp/index.good > /tmp/index.new
    cat /tmp/index.new > index
    sync index
fi
for f in d/*; do
    n=${f#d/}
    [ "$n" = "*" ] && break
    [ "$n" -gt "$good" ] 2>/dev/null && rm -f "$f"
done
sync
cd /
umount /mnt || { say "UMOUNT FAILED"; poweroff -f; }
say "UNMOUNTED good=$good"
read -r cmd
[ "$cmd" = go ] || { say "no go ($cmd): poweroff"; poweroff -f; }
mount -o noinit_itable -t ext4 /dev/vda /mnt || { say "MOUNT FAILED"; poweroff -f; }
cd /mnt
n=$good
say "WRITING from $((n + 1))"
while :; do
    n=$((n + 1))
    dd if=/dev/urandom of=d/$n bs=1024 count=$((1 + n % 16)) 2>/dev/null
    sync d/$n d
    sha=$(sha256sum d/$n)
    echo "${sha%% *}  $n" >> index
    sync index
    echo "FLUSHED $n"
done
