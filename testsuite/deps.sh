#!/bin/sh
# deps.sh [sweep|bench]: make sure the Debian packages the plugin needs are
# installed.  As root, install what is missing with apt-get; otherwise print
# the command to run and fail.
#
#   deps.sh          packages for building, make check and make demo
#   deps.sh bench    also the sources make bench compiles (GCC's, Go's)
#   deps.sh sweep    those, and Debian's Go libraries that make sweep builds
#                    (lib/debian-go-packages)
set -e

pkgs="g++ make python3 gccgo-12 gccgo-11 gcc-12-plugin-dev gcc-11-plugin-dev dejagnu golang-1.19-src golang-go"
case "$1" in
    sweep|bench) pkgs="$pkgs gcc-12-source golang-1.19-go xz-utils" ;;
esac
if [ "$1" = sweep ]; then
    pkgs="$pkgs $(grep -v '^#' "$(dirname "$0")/lib/debian-go-packages")"
fi

missing=
for p in $pkgs; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *" installed") ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    echo "deps.sh: installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -qq $missing >/dev/null
else
    echo "deps.sh: missing packages:$missing" >&2
    echo "deps.sh: run: sudo apt-get install$missing" >&2
    exit 1
fi
