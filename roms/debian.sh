#!/usr/bin/env bash
# roms/debian.sh: builds a Debian 13 (trixie) riscv64 disk image, with Debian's kernel and initramfs beside it, cached.
#
#   roms/debian.sh                 build (or reuse) the image, print DEBIAN_IMAGE=... DEBIAN_KERNEL=... DEBIAN_INITRD=...
#   roms/debian.sh --print-paths   print those lines if the image is already built (exit 1 if not); never build
#   roms/debian.sh --boot [ARGS]   build if needed, then boot it in build/vhart ($VHART overrides) with ARGS added
#   options: --size SIZE (ext4 image size, default 2G), --no-install (do not apt-get install mmdebstrap etc.)
#
# The guest: root's password is "vhart", systemd, a login prompt on the serial console, DHCP on every e* interface
# through systemd-networkd (10.0.2.15 under `vhart --net user`), the 9p modules for `--share` in the initramfs.
# Everything is downloaded from the mirror of this machine's apt sources; booting needs no network.
#
# Cache: ${XDG_CACHE_HOME:-$HOME/.cache}/vhart/debian-KEY/. KEY hashes what decides the image's contents: the suite,
# the mirror, the package list, the image size and the text of the shell functions below that build and configure
# it (not the rest of this script, so editing messages or options does not cost a 20-minute rebuild). The archive's
# state is not part of the key, so the image does not change under a test run when the mirror publishes; the
# suite's Release date at build time is recorded in debian-KEY/manifest. Delete the directory to rebuild afresh.
set -euo pipefail

ROMS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SELF=$ROMS/$(basename "${BASH_SOURCE[0]}")
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/vhart
SUITE=trixie
SIZE=2G
ROOT_PASSWORD=vhart
GUEST_HOSTNAME=vhart-debian
# Packages beyond minbase: boot (kernel, initramfs tools, systemd as init, udev), a clean `systemctl
# is-system-running` (dbus for logind), the root fsck in the initramfs (e2fsprogs), `ip` (iproute2), and a VMM
# for KVM inside the guest (qemu-system-riscv; without recommends: under -accel kvm QEMU loads no OpenSBI, KVM
# itself answers the nested kernel's SBI calls, so opensbi/u-boot-qemu/ipxe are not needed; docs/hypervisor.md).
PACKAGES=(systemd-sysv udev dbus linux-image-riscv64 initramfs-tools kmod e2fsprogs iproute2 qemu-system-riscv)
# Modules the initramfs loads itself: the virtio-mmio disk and network, the root file system, and 9p for --share.
INITRAMFS_MODULES=(virtio_mmio virtio_blk virtio_net ext4 9p 9pnet 9pnet_virtio)
HOST_PACKAGES=(mmdebstrap arch-test qemu-user-static e2fsprogs debian-archive-keyring curl)

T0=$SECONDS
STEP_T0=$SECONDS
log()  { printf '[debian.sh %4ds] %s\n' $((SECONDS - T0)) "$*" >&2; }
die()  { printf 'debian.sh: error: %s\n' "$*" >&2; exit 1; }
step() { STEP_T0=$SECONDS; log "==> $*"; }
done_step() { log "    done in $((SECONDS - STEP_T0)) s${1:+: $1}"; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
usage() { sed -n '2,7p' "$SELF" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

# ---------------------------------------------------------------------------------------------- host set-up
ensure_host_packages() {
    local missing=() p
    for p in "${HOST_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    step "installing ${missing[*]}"
    sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
        die "apt-get install ${missing[*]} failed"
    done_step
}

# The mirror: the first non-security URI of this machine's apt sources (deb822 or one-line style).
host_mirror() {
    local m=""
    if [ -r /etc/apt/sources.list.d/debian.sources ]; then
        m=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
    fi
    if [ -z "$m" ] && [ -r /etc/apt/sources.list ]; then
        m=$(awk '$1 == "deb" { n = 2; if ($2 ~ /^\[/) { while ($n !~ /\]$/) n++; n++ }
                               if ($n !~ /security/) { print $n; exit } }' /etc/apt/sources.list)
    fi
    echo "${m%/}"
}

# Running riscv64 programs in the chroot needs qemu-riscv64-static registered under binfmt_misc. Debian 12's
# qemu-user-static ships the registration (/usr/lib/binfmt.d/qemu-riscv64.conf, flag F: the interpreter is
# opened once, so it works inside a chroot); write it into the kernel ourselves when nothing did at boot.
ensure_binfmt() {
    local bm=/proc/sys/fs/binfmt_misc conf=/usr/lib/binfmt.d/qemu-riscv64.conf
    [ "$(uname -m)" = riscv64 ] && return 0
    command -v qemu-riscv64-static >/dev/null ||
        die "qemu-riscv64-static is missing: sudo apt-get install qemu-user-static (drop --no-install to let this script do it)"
    if [ ! -e "$bm/register" ]; then
        sudo_ mount -t binfmt_misc binfmt_misc "$bm" 2>/dev/null || true
    fi
    if [ ! -e "$bm/register" ]; then
        die "binfmt_misc is not available here (no $bm/register, and mounting it failed), so riscv64 programs
cannot run in the image's chroot. Run this script where binfmt_misc works (a normal Linux host or VM, or a
container started with --privileged), or build there and copy $CACHE/debian-* here."
    fi
    if [ ! -e "$bm/qemu-riscv64" ]; then
        [ -r "$conf" ] || die "$conf missing: reinstall qemu-user-static"
        step "registering qemu-riscv64-static with binfmt_misc ($conf)"
        sudo_ sh -c "cat '$conf' >'$bm/register'" || die "could not register $conf in $bm/register"
        done_step
    fi
    grep -q '^enabled' "$bm/qemu-riscv64" || die "$bm/qemu-riscv64 is disabled: echo 1 | sudo tee $bm/qemu-riscv64"
}

# ---------------------------------------------------------------------------------------------- image contents
# mmdebstrap's setup hook (before any package is unpacked): initramfs-tools' settings, so the kernel's own
# postinst builds the right initramfs once. conf.d and hooks/ are not conffiles, so dpkg leaves them alone.
hook_setup() {   # hook_setup ROOTDIR
    local root=$1 m
    mkdir -p "$root/etc/initramfs-tools/conf.d" "$root/etc/initramfs-tools/hooks"
    # FSTYPE: without it mkinitramfs cannot guess the root's type in a chroot and leaves fsck.ext4 out.
    printf 'FSTYPE=ext4\n' >"$root/etc/initramfs-tools/conf.d/vhart"
    {
        printf '#!/bin/sh\n# vhart: load the virtio-mmio disk/net, ext4 and 9p drivers from the initramfs\n'
        printf 'case "$1" in prereqs) exit 0 ;; esac\n. /usr/share/initramfs-tools/hook-functions\n'
        for m in "${INITRAMFS_MODULES[@]}"; do printf 'force_load %s\n' "$m"; done
    } >"$root/etc/initramfs-tools/hooks/vhart"
    chmod 755 "$root/etc/initramfs-tools/hooks/vhart"
}

# mmdebstrap's customize hook (everything installed, /proc and /dev mounted in ROOTDIR).
hook_customize() {   # hook_customize ROOTDIR
    local root=$1
    echo "root:$ROOT_PASSWORD" | chroot "$root" chpasswd
    echo "$GUEST_HOSTNAME" >"$root/etc/hostname"
    printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' \
        "$GUEST_HOSTNAME" >"$root/etc/hosts"
    printf '# <device>\t<mount point>\t<type>\t<options>\t\t<dump>\t<pass>\n/dev/vda\t/\t\text4\terrors=remount-ro\t0\t1\n' \
        >"$root/etc/fstab"
    # Networking: DHCP on every wired interface; the user-mode network's DNS relay (no resolved needed).
    mkdir -p "$root/etc/systemd/network"
    printf '[Match]\nName=e*\n\n[Network]\nDHCP=yes\n' >"$root/etc/systemd/network/20-wired.network"
    rm -f "$root/etc/resolv.conf" && printf 'nameserver 10.0.2.3\n' >"$root/etc/resolv.conf"
    chroot "$root" systemctl enable systemd-networkd.service
    # Nothing in this image waits for the network; without --net the wait would fail the boot after 2 minutes.
    chroot "$root" systemctl mask systemd-networkd-wait-online.service
    # A fixed machine-id: an empty one means "first boot", where systemd-firstboot may prompt on the console.
    od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$root/etc/machine-id" && echo >>"$root/etc/machine-id"
    # The kernel and initramfs, for the emulator to load (Debian's riscv64 vmlinux is a raw Image already).
    ls "$root"/boot/vmlinux-* "$root"/boot/initrd.img-* >/dev/null || return 1
}

# The arguments of mmdebstrap that decide the image's contents (part of the cache key; --verbose, the hooks'
# paths and the output directory are not). --skip=cleanup/reproducible keeps the machine-id that
# hook_customize writes (mmdebstrap would empty it).
MMDEBSTRAP_ARGS=(--arch=riscv64 --variant=minbase --mode=root --format=directory --skip=cleanup/reproducible
                 "--include=$(IFS=,; echo "${PACKAGES[*]}")")

# make_ext4 ROOTFS IMAGE: the file system, made from the directory without loop mounts or root-only tools.
make_ext4() { mkfs.ext4 -q -F -L debian -d "$1" "$2" "$SIZE"; }

# build_image OUTDIR: mmdebstrap into a directory, then an ext4 image made from it.
build_image() {
    local out=$1 tmp=$1.tmp rootfs logf release kernel
    logf=$CACHE/logs/$(basename "$out").log
    rootfs=$tmp/rootfs
    sudo_ rm -rf "$tmp" && mkdir -p "$tmp" "$CACHE/logs"
    : >"$logf"
    release=$(curl -fsS "$MIRROR/dists/$SUITE/Release" 2>/dev/null | awk '/^Date:/ { sub(/^Date: /, ""); print; exit }' || true)
    step "mmdebstrap $SUITE riscv64 from $MIRROR (Release of ${release:-unknown date}; ~20 min on 2 cores; log: $logf)"
    # mmdebstrap's stage lines (I: ...) are shown with the elapsed time, and every 30 s the packages
    # unpacked and set up so far; apt's and dpkg's own output goes to the log only.
    sudo_ mmdebstrap --verbose "${MMDEBSTRAP_ARGS[@]}" \
        --setup-hook="'$SELF' --hook setup \"\$1\"" \
        --customize-hook="'$SELF' --hook customize \"\$1\"" \
        "$SUITE" "$rootfs" "deb $MIRROR $SUITE main" 2>&1 |
        tee -a "$logf" | progress_filter
    [ "${PIPESTATUS[0]}" -eq 0 ] || { tail -n 30 "$logf" >&2; die "mmdebstrap failed (full log: $logf)"; }
    done_step "$(sudo_ du -sm "$rootfs" | cut -f1) MiB installed"
    step "copying out Debian's kernel and initramfs"
    kernel=$(ls "$rootfs"/boot/vmlinux-* | sort -V | tail -n 1)
    cp "$kernel" "$tmp/vmlinux"
    cp "$(ls "$rootfs"/boot/initrd.img-* | sort -V | tail -n 1)" "$tmp/initrd.img"
    done_step "$(basename "$kernel"), initrd $(du -k "$tmp/initrd.img" | cut -f1) KiB"
    step "making the $SIZE ext4 image (mkfs.ext4 -d)"
    sudo_ bash -c "$(declare -f make_ext4); SIZE=$SIZE; make_ext4 '$rootfs' '$tmp/debian.img'" >>"$logf" 2>&1 ||
        { tail -n 20 "$logf" >&2; die "mkfs.ext4 failed (full log: $logf)"; }
    sudo_ chown "$(id -u):$(id -g)" "$tmp/debian.img" "$tmp/vmlinux" "$tmp/initrd.img"
    done_step "$(du -m "$tmp/debian.img" | cut -f1) MiB used of $SIZE"
    write_manifest "$tmp" "$rootfs" "$release" "$kernel"
    sudo_ rm -rf "$rootfs"
    rm -rf "$out" && mv "$tmp" "$out"
}

write_manifest() {   # write_manifest DIR ROOTFS RELEASE_DATE KERNEL
    {
        echo "suite: $SUITE"; echo "mirror: $MIRROR"; echo "release-date: ${3:-unknown}"
        echo "packages: ${PACKAGES[*]}"; echo "kernel: $(basename "$4")"
        echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ) in $((SECONDS - T0)) s"
        echo "root password: $ROOT_PASSWORD"
    } >"$1/manifest"
    sudo_ chroot "$2" dpkg-query -W -f='${Package} ${Version}\n' >"$1/packages.txt" 2>/dev/null || true
}

# Lines from mmdebstrap worth showing as progress, prefixed with the elapsed time: its stage lines, and every
# 30 s during the long unpack/configure stages, the count of dpkg's "Unpacking" and "Setting up" lines.
progress_filter() {
    local line unpacked=0 setup=0 last=$SECONDS shown=""
    while IFS= read -r line; do
        case $line in
            I:*|W:*|E:*) log "    ${line}" ;;
            Unpacking\ *) unpacked=$((unpacked + 1)) ;;
            Setting\ up\ *) setup=$((setup + 1)) ;;
        esac
        if [ $((SECONDS - last)) -ge 30 ] && [ "$unpacked $setup" != "$shown" ]; then
            log "    dpkg: $unpacked packages unpacked, $setup set up"
            last=$SECONDS shown="$unpacked $setup"
        fi
    done
}

image_key() {
    { echo "$SUITE $MIRROR $SIZE $ROOT_PASSWORD $GUEST_HOSTNAME"; echo "${PACKAGES[*]}"; echo "${INITRAMFS_MODULES[*]}"
      echo "${MMDEBSTRAP_ARGS[*]}"; declare -f hook_setup hook_customize make_ext4; } | sha256sum | cut -c1-16
}

# ---------------------------------------------------------------------------------------------- main
if [ "${1:-}" = --hook ]; then   # called back by mmdebstrap: --hook setup|customize ROOTDIR
    case ${2:-} in
        setup) hook_setup "$3" ;;
        customize) hook_customize "$3" ;;
        *) die "unknown hook ${2:-}" ;;
    esac
    exit 0
fi

PRINT_ONLY=false BOOT=false INSTALL=true
while [ $# -gt 0 ]; do
    case $1 in
        --print-paths) PRINT_ONLY=true ;;
        --boot) BOOT=true; shift; break ;;
        --size) [ $# -ge 2 ] || die "--size needs a SIZE (e.g. 4G)"; SIZE=$2; shift ;;
        --no-install) INSTALL=false ;;
        -h|--help) usage 0 ;;
        *) echo "debian.sh: unknown argument: $1" >&2; usage 2 ;;
    esac
    shift
done
[[ $SIZE =~ ^[0-9]+[MG]$ ]] || die "--size $SIZE: expected a number followed by M or G"

MIRROR=${VHART_DEBIAN_MIRROR:-$(host_mirror)}
[ -n "$MIRROR" ] || die "no Debian mirror found in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list (set VHART_DEBIAN_MIRROR)"
DIR=$CACHE/debian-$(image_key)
# systemd waits 90 s for a device by default; on a loaded host udev can take longer to announce ttyS0 to a
# 1-hart guest, and the serial getty then never starts. (Not part of the image: the key ignores it.)
APPEND="root=/dev/vda rw console=ttyS0 systemd.default_device_timeout_sec=600"
report() {
    echo "DEBIAN_IMAGE=$DIR/debian.img"
    echo "DEBIAN_KERNEL=$DIR/vmlinux"
    echo "DEBIAN_INITRD=$DIR/initrd.img"
    echo "DEBIAN_APPEND='$APPEND'"
}

if $PRINT_ONLY; then
    [ -f "$DIR/debian.img" ] || exit 1
    report
    exit 0
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.debian.lock"
flock 9 || die "cannot lock $CACHE/.debian.lock"
if [ -f "$DIR/debian.img" ]; then
    log "Debian image: cached ($DIR)"
else
    $INSTALL && ensure_host_packages
    for c in mmdebstrap mkfs.ext4 curl; do command -v "$c" >/dev/null || die "$c is missing (apt-get install mmdebstrap e2fsprogs curl)"; done
    ensure_binfmt
    build_image "$DIR"
    ln -sfn "$DIR" "$CACHE/debian"
    log "finished in $((SECONDS - T0)) s: $DIR"
fi
exec 9>&-

if $BOOT; then
    VHART=${VHART:-$ROMS/../build/vhart}
    [ -x "$VHART" ] || die "$VHART not found: build vhart first (cmake -B build -S . && cmake --build build), or set VHART"
    exec "$VHART" --mem 1G --kernel "$DIR/vmlinux" --initrd "$DIR/initrd.img" \
        --append "$APPEND" --drive "$DIR/debian.img" --net user "$@"
fi
report
