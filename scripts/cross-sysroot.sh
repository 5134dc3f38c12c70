#!/bin/bash
# scripts/cross-sysroot.sh: the target libraries vhart links (libfdt, Check, readline, libslirp+glib,
# MPFR) for a foreign Debian architecture, unpacked from Debian's own packages into a private sysroot.
#
#   scripts/cross-sysroot.sh ARCH      ARCH is a Debian architecture: arm64 or s390x; prints the sysroot
#
# Why not `apt-get install libfdt-dev:arm64` (multiarch)? libfdt-dev is not Multi-Arch: same, so it
# cannot sit beside the native libfdt-dev; and bookworm-security carries no s390x, so s390x packages of
# libraries with a security update (pcre2, linux-libc-dev, ...) cannot match the native versions that
# multiarch requires. Unpacking the .debs (apt-get download + dpkg-deb -x) avoids both; the C library
# comes from Debian's cross packages (libc6-dev-ARCH-cross, in /usr/TRIPLE). The architecture must be
# known to dpkg (scripts/install-deps.sh runs `dpkg --add-architecture`).
# The sysroot is ${XDG_CACHE_HOME:-$HOME/.cache}/vhart/sysroot-ARCH; a second run with the same package
# versions does nothing.
set -euo pipefail
ARCH=${1:?usage: scripts/cross-sysroot.sh arm64|s390x}
case $ARCH in arm64|s390x) ;; *) echo "cross-sysroot: unsupported architecture '$ARCH'" >&2; exit 2 ;; esac

# Each -dev package (libpng: screenshots) with the shared libraries its .so files need at link and run time.
PACKAGES=(
    libfdt1 libfdt-dev
    check libsubunit0 libsubunit-dev
    libreadline8 libreadline-dev libtinfo6
    libslirp0 libslirp-dev libglib2.0-0 libglib2.0-dev libpcre2-8-0 libpcre2-dev
    libffi8 libmount1 libselinux1 libblkid1 zlib1g
    libmpfr6 libmpfr-dev libgmp10 libgmp-dev
    libpng16-16 libpng-dev zlib1g-dev
    libzstd1 libzstd-dev
)
DEST=${XDG_CACHE_HOME:-$HOME/.cache}/vhart/sysroot-$ARCH

# The stamp names every package at its candidate version: the sysroot is rebuilt when one changes.
versions=$(apt-cache policy "${PACKAGES[@]/%/:$ARCH}" 2>/dev/null | awk '/^[^ ]/{p=$1} /Candidate:/{print p, $2}')
if [ "$(wc -l <<<"$versions")" -ne ${#PACKAGES[@]} ] || grep -q '(none)' <<<"$versions"; then
    echo "cross-sysroot: packages for $ARCH not known to apt; run scripts/install-deps.sh" \
         "(dpkg --add-architecture $ARCH && apt-get update)" >&2
    exit 1
fi
if [ -f "$DEST/.stamp" ] && [ "$(cat "$DEST/.stamp")" = "$versions" ]; then
    echo "$DEST"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -q "${PACKAGES[@]/%/:$ARCH}" >download.log 2>&1) || {
    cat "$work/download.log" >&2
    echo "cross-sysroot: apt-get download failed for $ARCH" >&2
    exit 1
}
rm -rf "$DEST.new"
mkdir -p "$DEST.new"
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$DEST.new"; done
# Absolute symlinks (libreadline.so -> /lib/...) would point into the build machine: make them
# relative, inside the sysroot.
find "$DEST.new" -type l -lname '/*' | while read -r link; do
    ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$DEST.new$(readlink "$link")")" "$link"
done
printf '%s\n' "$versions" >"$DEST.new/.stamp"
rm -rf "$DEST"
mv "$DEST.new" "$DEST"
echo "$DEST"
