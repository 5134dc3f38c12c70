#!/usr/bin/env bash
# roms/build.sh: builds vhart's guest software (Linux 6.1 Image, static busybox, initramfs) from Debian packages only, cached by inputs.
#
#   roms/build.sh                          build (or reuse) the Image and the default initramfs, print their paths
#   roms/build.sh --print-paths            print KERNEL=... INITRD=... if already built (exit 1 if not), never build
#   roms/build.sh --init FILE --out NAME   also build initramfs NAME.cpio.gz whose /init is FILE
#                 [--file HOST:GUEST]...   ... with extra files copied in (e.g. a benchmark binary)
#   options: --jobs N, --no-install (do not call apt-get install), --update-sources (refresh the deb-src lists)
#
# Everything lives under ${XDG_CACHE_HOME:-$HOME/.cache}/vhart/. Each product sits in a directory named after a
# hash of its inputs (package versions, roms/linux.config, roms/init, and the text of the shell functions that
# build it), so a second run does nothing and a changed input rebuilds only what depends on it.
set -euo pipefail

ROMS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/vhart
FRAGMENT=$ROMS/linux.config
DEFAULT_INIT=$ROMS/init
KTARBALL=/usr/src/linux-source-6.1.tar.xz
KTOP=linux-source-6.1                         # top directory inside the tarball
CROSS=riscv64-linux-gnu-
JOBS=$(nproc)

# Debian packages the builds need, by name. (No libssl-dev/libelf-dev: module signing, objtool and BTF are off.)
PACKAGES=(
    linux-source-6.1                            # /usr/src/linux-source-6.1.tar.xz
    gcc-riscv64-linux-gnu binutils-riscv64-linux-gnu libc6-dev-riscv64-cross   # cross compiler, static libc
    build-essential                             # host gcc, make, libc headers (Kconfig, fixdep, gen_init_cpio)
    bc bison flex perl                          # kernel build tools
    xz-utils tar gzip cpio                      # unpack the kernel, compress the initramfs
    dpkg-dev                                    # dpkg-source, for `apt-get source busybox`
    debian-archive-keyring                      # to verify the deb-src indexes
)

# ---------------------------------------------------------------------------------------------- utilities
T0=$SECONDS
STEP_T0=$SECONDS
log()  { printf '[build.sh %4ds] %s\n' $((SECONDS - T0)) "$*" >&2; }
die()  { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }
step() { STEP_T0=$SECONDS; log "==> $*"; }
done_step() { log "    done in $((SECONDS - STEP_T0)) s${1:+: $1}"; }
hash16() { sha256sum | cut -c1-16; }
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo none; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# run_logged LOGFILE CMD...: run quietly into LOGFILE; on failure show its tail and stop. While a compile runs,
# every 15 s one progress line: objects compiled so far (the CC and AS lines make writes to LOGFILE) of the
# total, the elapsed time and an estimate of what is left. The total is that of the previous full build of the
# same product on this machine (logs/PRODUCT.objcount, PRODUCT being LOGFILE's name up to its first '-'), or the
# first time a figure measured here (marked "~"). Progress is not an input: the cache keys ignore this function.
declare -A DEFAULT_OBJCOUNT=([linux]=846 [busybox]=566)   # roms/linux.config's Image; busybox's defconfig
run_logged() {
    local logf=$1 pid status=0 t0=$SECONDS n n0 el product countf total approx="~"
    shift
    product=$(basename "$logf"); product=${product%%-*}; product=${product%.log}
    countf=$(dirname "$logf")/$product.objcount
    total=${DEFAULT_OBJCOUNT[$product]:-0}
    if [ -s "$countf" ]; then total=$(cat "$countf"); approx=""; fi
    n0=$(grep -cE '^  (CC|AS) ' "$logf" 2>/dev/null || true)
    "$@" >>"$logf" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
        for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do kill -0 "$pid" 2>/dev/null && sleep 1; done
        kill -0 "$pid" 2>/dev/null || break
        n=$(( $(grep -cE '^  (CC|AS) ' "$logf" 2>/dev/null || true) - n0 )); el=$((SECONDS - t0))
        [ "$n" -gt 0 ] || continue
        if [ "$n" -lt "$total" ]; then
            log "    $product: $n of $approx$total objects compiled, $el s elapsed, about $((el * (total - n) / n)) s left"
        else
            log "    $product: $n objects compiled, $el s elapsed"
        fi
    done
    wait "$pid" || status=$?
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$logf" >&2
        die "command failed: $* (full log: $logf)"
    fi
    n=$(( $(grep -cE '^  (CC|AS) ' "$logf" 2>/dev/null || true) - n0 ))
    # Only a build from scratch gives next time's total (an incremental one compiles fewer objects).
    if [ "$n" -gt $((total / 2)) ]; then echo "$n" >"$countf"; fi
}

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

# ---------------------------------------------------------------------------------------------- packages
ensure_packages() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    step "installing ${missing[*]} (log: $CACHE/logs/apt.log)"
    mkdir -p "$CACHE/logs"
    run_logged "$CACHE/logs/apt.log" sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -q
    run_logged "$CACHE/logs/apt.log" sudo_ env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
    done_step
}

# ---------------------------------------------------------------------------------------------- deb-src
# A private apt configuration that knows Debian's source indexes, without touching the system's.
APT_DIR=$CACHE/apt
APT_OPTS=(
    -o "Dir::Etc::SourceList=$APT_DIR/deb-src.sources" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$APT_DIR/lists" -o "Dir::Cache=$APT_DIR/cache"
    -o "APT::Sandbox::User=$(id -un)" -o Acquire::Languages=none
)

write_src_sources() {
    mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial"
    local out=$APT_DIR/deb-src.sources
    if [ -r /etc/apt/sources.list.d/debian.sources ]; then
        sed -E 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$out.tmp"
    elif [ -r /etc/apt/sources.list ]; then   # one-line style: turn `deb URI SUITE COMPS` into deb822 stanzas
        awk '$1 == "deb" { n = 2; if ($2 ~ /^\[/) { while ($n !~ /\]$/) n++; n++ }
                          printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:", $n, $(n + 1)
                          for (i = n + 2; i <= NF; i++) printf " %s", $i; printf "\n\n" }' \
            /etc/apt/sources.list >"$out.tmp"
    else
        die "no apt sources found (/etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list)"
    fi
    mv "$out.tmp" "$out"
}

update_src_lists() {
    step "apt-get update (deb-src indexes, private lists in $APT_DIR)"
    write_src_sources
    apt-get "${APT_OPTS[@]}" update -qq >&2 || die "apt-get update of the deb-src indexes failed"
    done_step
}

have_src_lists() { compgen -G "$APT_DIR/lists/*_Sources*" >/dev/null; }

# busybox_src_version: the newest busybox source version in the (cached) deb-src indexes.
busybox_src_version() {
    apt-cache "${APT_OPTS[@]}" showsrc --only-source busybox 2>/dev/null |
        awk '/^Version:/ { print $2 }' | sort -V | tail -n 1
}

# ---------------------------------------------------------------------------------------------- keys
kernel_src_id() { echo "$(pkgver linux-source-6.1) $(stat -c %s "$KTARBALL" 2>/dev/null || echo 0)"; }
cross_id() { echo "$CROSS $(pkgver gcc-riscv64-linux-gnu) $(pkgver binutils-riscv64-linux-gnu) $(pkgver libc6-dev-riscv64-cross)"; }

kernel_key() {
    { kernel_src_id; cross_id; cat "$FRAGMENT"; declare -f build_kernel kmake verify_fragment; } | hash16
}
busybox_key() {
    { echo "busybox $BUSYBOX_VERSION"; cross_id; declare -f build_busybox fetch_busybox; } | hash16
}
# initramfs_key NAME INIT [HOST:GUEST...]
initramfs_key() {
    local name=$1 init=$2 f; shift 2
    {
        echo "$name"; busybox_key; kernel_src_id; sha256sum <"$init"
        for f in "$@"; do echo "$f"; sha256sum <"${f%%:*}"; done
        declare -f build_initramfs write_cpio_spec gen_init_cpio_tool
    } | hash16
}

# ---------------------------------------------------------------------------------------------- kernel
KSRC_BASE=$CACHE/src

kernel_source_tree() {   # extract the tarball once per kernel source version; prints the tree's path
    local dir
    dir="$KSRC_BASE/linux-$(kernel_src_id | tr ' ' '_')"
    if [ ! -e "$dir/.extracted" ]; then
        step "extracting $KTARBALL"
        rm -rf "$dir" && mkdir -p "$dir"
        tar -xJf "$KTARBALL" -C "$dir" --strip-components=1
        touch "$dir/.extracted"
        done_step
    fi
    echo "$dir"
}

kmake() {
    make -C "$KSRC" O="$KOBJ" ARCH=riscv CROSS_COMPILE="$CROSS" \
        KBUILD_BUILD_USER=vhart KBUILD_BUILD_HOST=roms -j"$JOBS" "$@"
}

# verify_fragment FRAGMENT CONFIG: every `CONFIG_X=v` must be in CONFIG as is; every `# CONFIG_X is not set` must not be y/m.
verify_fragment() {
    local frag=$1 cfg=$2 line sym want got bad=()
    while IFS= read -r line; do
        case $line in
            CONFIG_*=*)
                sym=${line%%=*}; want=${line#*=}
                got=$(grep -E "^$sym=" "$cfg" | head -n 1 || true)
                [ "$got" = "$line" ] || bad+=("$sym (wanted $want, got ${got:+${got#*=}}${got:-not set})")
                ;;
            "# CONFIG_"*" is not set")
                sym=${line#\# }; sym=${sym%% *}
                if grep -qE "^$sym=" "$cfg"; then bad+=("$sym (wanted not set, got $(grep -E "^$sym=" "$cfg" | cut -d= -f2-))"); fi
                ;;
        esac
    done <"$frag"
    if [ ${#bad[@]} -gt 0 ]; then
        printf 'build.sh: Kconfig dropped or changed %d symbol(s) of %s:\n' ${#bad[@]} "$frag" >&2
        printf '    %s\n' "${bad[@]}" >&2
        die "fix the fragment (a misspelt symbol, or a dependency that is missing from it)"
    fi
}

build_kernel() {   # build_kernel OUTDIR
    local out=$1 logf
    KSRC=$(kernel_source_tree)
    KOBJ=$CACHE/build/linux-obj        # one object tree, reused: a changed fragment rebuilds incrementally
    mkdir -p "$KOBJ" "$CACHE/logs"
    logf=$CACHE/logs/$(basename "$out").log
    : >"$logf"
    step "configuring Linux: allnoconfig + $(basename "$FRAGMENT") (merge_config.sh)"
    (cd "$KSRC" && export ARCH=riscv CROSS_COMPILE="$CROSS" &&
        run_logged "$logf" scripts/kconfig/merge_config.sh -n -O "$KOBJ" "$FRAGMENT")
    verify_fragment "$FRAGMENT" "$KOBJ/.config"
    done_step "all $(grep -cE '^(CONFIG_|# CONFIG_.* is not set)' "$FRAGMENT") fragment lines present in .config"
    step "building Linux Image with -j$JOBS (log: $logf)"
    run_logged "$logf" kmake Image
    done_step
    mkdir -p "$out.tmp"
    cp "$KOBJ/arch/riscv/boot/Image" "$KOBJ/vmlinux" "$KOBJ/System.map" "$out.tmp/"
    cp "$KOBJ/.config" "$out.tmp/config"
    cat "$KOBJ/include/config/kernel.release" >"$out.tmp/kernel.release"
    rm -rf "$out" && mv "$out.tmp" "$out"
}

# ---------------------------------------------------------------------------------------------- busybox
fetch_busybox() {   # fetch_busybox: extract Debian's busybox source (patched) once per version; prints its path
    local dl="$KSRC_BASE/busybox-$BUSYBOX_VERSION" d
    if [ ! -e "$dl/.extracted" ]; then
        step "apt-get source busybox=$BUSYBOX_VERSION"
        rm -rf "$dl" && mkdir -p "$dl"
        mkdir -p "$CACHE/logs"
        (cd "$dl" && run_logged "$CACHE/logs/apt-source.log" apt-get "${APT_OPTS[@]}" source "busybox=$BUSYBOX_VERSION")
        touch "$dl/.extracted"
        done_step
    fi
    for d in "$dl"/busybox-*/; do [ -f "$d/Makefile" ] && { echo "${d%/}"; return; }; done
    die "no busybox source tree under $dl"
}

build_busybox() {   # build_busybox OUTDIR
    local out=$1 src b logf
    src=$(fetch_busybox)
    b=$CACHE/build/busybox
    logf=$CACHE/logs/$(basename "$out").log
    mkdir -p "$CACHE/logs" && : >"$logf"
    step "building static busybox $BUSYBOX_VERSION with -j$JOBS (log: $logf)"
    rm -rf "$b" && cp -a "$src" "$b"          # a fresh copy of the pristine (Debian-patched) tree
    run_logged "$logf" make -C "$b" CROSS_COMPILE="$CROSS" defconfig
    sed -i -e 's/^# CONFIG_STATIC is not set$/CONFIG_STATIC=y/' "$b/.config"
    grep -q '^CONFIG_STATIC=y$' "$b/.config" || die "could not set CONFIG_STATIC=y in busybox's .config"
    # `yes` dies of SIGPIPE when oldconfig stops reading: keep that from failing the pipeline under pipefail.
    { yes "" || true; } | run_logged "$logf" make -C "$b" CROSS_COMPILE="$CROSS" oldconfig
    grep -q '^CONFIG_STATIC=y$' "$b/.config" || die "busybox oldconfig dropped CONFIG_STATIC"
    run_logged "$logf" make -C "$b" CROSS_COMPILE="$CROSS" -j"$JOBS" busybox busybox.links
    "${CROSS}readelf" -l "$b/busybox" | grep -q INTERP && die "busybox came out dynamically linked"
    done_step
    mkdir -p "$out.tmp"
    cp "$b/busybox" "$b/busybox.links" "$out.tmp/"
    cp "$b/.config" "$out.tmp/config"
    rm -rf "$out" && mv "$out.tmp" "$out"
    rm -rf "$b"
}

# ---------------------------------------------------------------------------------------------- initramfs
gen_init_cpio_tool() {   # the kernel's usr/gen_init_cpio, compiled for the host; prints its path
    local tool src tmp
    tool="$CACHE/tools/gen_init_cpio-$(kernel_src_id | tr ' ' '_')"
    if [ ! -x "$tool" ]; then
        mkdir -p "$CACHE/tools"
        src="$KSRC_BASE/linux-$(kernel_src_id | tr ' ' '_')/usr/gen_init_cpio.c"
        if [ ! -f "$src" ]; then   # kernel tree not extracted (yet): take just this file from the tarball
            tmp=$(mktemp -d)
            tar -xJf "$KTARBALL" -C "$tmp" "$KTOP/usr/gen_init_cpio.c"
            src=$tmp/$KTOP/usr/gen_init_cpio.c
        fi
        gcc -O2 -o "$tool.tmp" "$src" && mv "$tool.tmp" "$tool"
        [ -n "${tmp:-}" ] && rm -rf "$tmp"
    fi
    echo "$tool"
}

# write_cpio_spec BUSYBOX_DIR INIT [HOST:GUEST...]: a gen_init_cpio description of the whole tree, on stdout.
write_cpio_spec() {
    local bb=$1 init=$2 f host guest d link
    shift 2
    local -A dirs=()
    mkdirs() {   # emit `dir` lines for every parent of $1 not yet emitted
        local p=${1%/*} acc=""
        local IFS=/
        for d in $p; do
            [ -n "$d" ] || continue
            acc="$acc/$d"
            [ -n "${dirs[$acc]:-}" ] && continue
            dirs[$acc]=1
            echo "dir $acc 755 0 0"
        done
    }
    for d in /bin /sbin /usr/bin /usr/sbin /etc /proc /sys /dev /tmp /root /mnt /var /var/log /run; do mkdirs "$d/x"; done
    echo "nod /dev/console 600 0 0 c 5 1"
    echo "nod /dev/null 666 0 0 c 1 3"
    echo "file /bin/busybox $bb/busybox 755 0 0"
    while IFS= read -r link; do
        [ "$link" = /bin/busybox ] && continue
        mkdirs "$link"
        echo "slink $link /bin/busybox 777 0 0"
    done <"$bb/busybox.links"
    echo "file /init $init 755 0 0"
    echo "file /etc/passwd $CPIO_ETC/passwd 644 0 0"
    echo "file /etc/group $CPIO_ETC/group 644 0 0"
    echo "file /etc/profile $CPIO_ETC/profile 644 0 0"
    for f in "$@"; do
        host=${f%%:*}; guest=${f#*:}
        mkdirs "$guest"
        echo "file $guest $(readlink -f "$host") $([ -x "$host" ] && echo 755 || echo 644) 0 0"
    done
}

build_initramfs() {   # build_initramfs OUTFILE BUSYBOX_DIR INIT [HOST:GUEST...]
    local out=$1 bb=$2 init=$3 tool
    shift 3
    step "building initramfs $(basename "$out") (/init = $init)"
    tool=$(gen_init_cpio_tool)
    mkdir -p "$(dirname "$out")"
    CPIO_ETC=$(mktemp -d)
    printf 'root:x:0:0:root:/root:/bin/sh\n' >"$CPIO_ETC/passwd"
    printf 'root:x:0:\n' >"$CPIO_ETC/group"
    printf '%s\n' 'export PATH=/sbin:/bin:/usr/sbin:/usr/bin HOME=/root' 'PS1='"'"'\u@\h:\w\$ '"'"'' \
        'alias ll="ls -l"' >"$CPIO_ETC/profile"
    write_cpio_spec "$bb" "$init" "$@" >"$out.list"
    "$tool" -t 0 "$out.list" | gzip -9 -n >"$out.tmp"
    rm -rf "$CPIO_ETC"
    mv "$out.tmp" "$out"
    done_step "$(du -k "$out" | cut -f1) KiB"
}

# ---------------------------------------------------------------------------------------------- main
PRINT_ONLY=false INSTALL=true UPDATE_SRC=false CUSTOM_INIT="" CUSTOM_NAME="" EXTRA_FILES=()
while [ $# -gt 0 ]; do
    case $1 in
        --print-paths) PRINT_ONLY=true ;;
        --init) [ $# -ge 2 ] || die "--init needs a FILE"; CUSTOM_INIT=$2; shift ;;
        --out) [ $# -ge 2 ] || die "--out needs a NAME"; CUSTOM_NAME=$2; shift ;;
        --file) [ $# -ge 2 ] || die "--file needs HOST:GUEST"; EXTRA_FILES+=("$2"); shift ;;
        --jobs|-j) [ $# -ge 2 ] || die "--jobs needs a number"; JOBS=$2; shift ;;
        --no-install) INSTALL=false ;;
        --update-sources) UPDATE_SRC=true ;;
        -h|--help) usage 0 ;;
        *) echo "build.sh: unknown argument: $1" >&2; usage 2 ;;
    esac
    shift
done
if [ -n "$CUSTOM_INIT$CUSTOM_NAME" ] || [ ${#EXTRA_FILES[@]} -gt 0 ]; then
    if [ -z "$CUSTOM_INIT" ] || [ -z "$CUSTOM_NAME" ]; then die "--init FILE and --out NAME go together"; fi
    [[ $CUSTOM_NAME =~ ^[A-Za-z0-9._-]+$ ]] || die "--out NAME: letters, digits, '.', '_' and '-' only"
    [ -r "$CUSTOM_INIT" ] || die "--init $CUSTOM_INIT: no such file"
    CUSTOM_INIT=$(readlink -f "$CUSTOM_INIT")
    for f in "${EXTRA_FILES[@]}"; do
        [[ $f == *:/* ]] || die "--file $f: expected HOST:GUEST with an absolute GUEST path"
        [ -r "${f%%:*}" ] || die "--file $f: no such host file"
    done
fi

# The products' locations, for the current inputs.
paths() {
    KDIR=$CACHE/linux-$(kernel_key)
    BBDIR=$CACHE/busybox-$(busybox_key)
    INITRD=$CACHE/initramfs-$(initramfs_key initramfs "$DEFAULT_INIT")/initramfs.cpio.gz
    if [ -n "$CUSTOM_NAME" ]; then
        CUSTOM_INITRD=$CACHE/initramfs-$(initramfs_key "$CUSTOM_NAME" "$CUSTOM_INIT" "${EXTRA_FILES[@]}")/$CUSTOM_NAME.cpio.gz
    fi
}
report() {
    echo "KERNEL=$KDIR/Image"
    echo "VMLINUX=$KDIR/vmlinux"
    echo "INITRD=${CUSTOM_INITRD:-$INITRD}"
}

if $PRINT_ONLY; then
    [ -f "$KTARBALL" ] && have_src_lists || exit 1
    BUSYBOX_VERSION=$(busybox_src_version)
    [ -n "$BUSYBOX_VERSION" ] || exit 1
    paths
    [ -f "$KDIR/Image" ] && [ -f "$INITRD" ] && [ -f "${CUSTOM_INITRD:-$INITRD}" ] || exit 1
    report
    exit 0
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9 || die "cannot lock $CACHE/.lock"

$INSTALL && ensure_packages
[ -f "$KTARBALL" ] || die "$KTARBALL missing (package linux-source-6.1)"
if $UPDATE_SRC || ! have_src_lists; then update_src_lists; fi
BUSYBOX_VERSION=$(busybox_src_version)
[ -n "$BUSYBOX_VERSION" ] || die "no busybox source package in the deb-src indexes (try --update-sources)"
paths

if [ -f "$KDIR/Image" ]; then log "Linux: cached ($KDIR)"; else build_kernel "$KDIR"; fi
if [ -f "$BBDIR/busybox" ]; then log "busybox: cached ($BBDIR)"; else build_busybox "$BBDIR"; fi
if [ -f "$INITRD" ]; then log "initramfs: cached ($INITRD)"; else build_initramfs "$INITRD" "$BBDIR" "$DEFAULT_INIT"; fi
if [ -n "$CUSTOM_NAME" ]; then
    if [ -f "$CUSTOM_INITRD" ]; then log "initramfs $CUSTOM_NAME: cached ($CUSTOM_INITRD)"
    else build_initramfs "$CUSTOM_INITRD" "$BBDIR" "$CUSTOM_INIT" "${EXTRA_FILES[@]}"; fi
fi
# Stable names for the newest default build.
ln -sfn "$KDIR/Image" "$CACHE/Image"
ln -sfn "$KDIR/vmlinux" "$CACHE/vmlinux"
ln -sfn "$INITRD" "$CACHE/initramfs.cpio.gz"

log "finished in $((SECONDS - T0)) s: Image $(du -k "$KDIR/Image" | cut -f1) KiB ($(cat "$KDIR/kernel.release")), initramfs $(du -k "${CUSTOM_INITRD:-$INITRD}" | cut -f1) KiB"
report
