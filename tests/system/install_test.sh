#!/bin/bash
# `vhart --version` names the version and the git commit; `cmake --install` puts bin/vhart and the man page in
# place. usage: install_test.sh BUILD_DIR SOURCE_DIR
#  1. build/vhart --version's first line is exactly "vhart X.Y.Z (commit C)", X.Y.Z the project's version in
#     CMakeLists.txt and C the source tree's `git rev-parse --short=12 HEAD` ("unknown" outside git);
#  2. `cmake --install BUILD --prefix TMP` installs TMP/bin/vhart (executable, the same --version) and
#     TMP/share/man/man1/vhart.1, a man page (.TH VHART "1") whose OPTIONS name --kernel, --drive and --version
#     and whose EXIT STATUS section is there (docs/vhart.h2m);
#  3. `man -l` renders it without warnings, when man is installed.
set -u
BUILD=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

version=$(sed -nE 's/^project\(vhart VERSION ([0-9.]+) .*/\1/p' "$SRC/CMakeLists.txt")
[ -n "$version" ] || fail "no project version in $SRC/CMakeLists.txt"
commit=$(git -C "$SRC" rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
want="vhart $version (commit $commit)"
got=$("$BUILD/vhart" --version | head -n 1)
[ "$got" = "$want" ] || fail "--version printed [$got], want [$want] (rebuild after committing)"
echo "ok   --version: $got"

cmake --install "$BUILD" --prefix "$TMP/prefix" >"$TMP/install.log" 2>&1 || { cat "$TMP/install.log"; fail "cmake --install failed"; }
[ -x "$TMP/prefix/bin/vhart" ] || fail "no executable $TMP/prefix/bin/vhart"
got=$("$TMP/prefix/bin/vhart" --version | head -n 1)
[ "$got" = "$want" ] || fail "installed vhart --version printed [$got], want [$want]"
man1=$TMP/prefix/share/man/man1/vhart.1
[ -f "$man1" ] || fail "no man page $man1 (is help2man installed?)"
grep -q '^\.TH VHART "1"' "$man1" || fail "$man1 has no .TH VHART \"1\" line"
for opt in kernel drive version; do
    grep -qE "^\\\\fB\\\\-\\\\-$opt\\\\fR" "$man1" || fail "$man1 does not describe --$opt"
done
grep -q '^\.SH "EXIT STATUS"' "$man1" || fail "$man1 has no EXIT STATUS section"
grep -q "$version" "$man1" || fail "$man1 does not name version $version"
echo "ok   cmake --install: bin/vhart, share/man/man1/vhart.1 ($(wc -l <"$man1") lines)"
if command -v man >/dev/null; then
    warnings=$(MANWIDTH=100 man --warnings -l "$man1" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man -l $man1 warns: $warnings"
    echo "ok   man -l renders it without warnings"
fi
echo "PASS"
