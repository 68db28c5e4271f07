#!/bin/bash
# export-order.sh: gccgo's export data depends on the compiler's heap layout
# (patches/FINDINGS, finding 3).
#
# Compiles libgo's archive/zip, from gcc-N-source, N times with the same
# compiler, the same sources and the same options, changing nothing but
# the length of the output file's name, and prints how many different
# .go_export sections that gives, with the lines that differ.  No plugin is
# loaded.  One distinct section means the bug did not show.
#
# usage: export-order.sh [GCCGO [N]]   (default gccgo-12, 16 names)
set -eu
gccgo=${1:-gccgo-12}
n=${2:-16}
here=$(cd "$(dirname "$0")" && pwd)
major=$("$gccgo" -dumpversion | cut -d. -f1)
src_tar=$(ls /usr/src/gcc-"$major"/gcc-"$major"*.tar.xz 2>/dev/null | head -n 1)
[ -n "$src_tar" ] || { echo "export-order.sh: apt-get install gcc-$major-source" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

base=$(tar -tf "$src_tar" | head -n 1 | cut -d/ -f1)
tar -C "$work" -xf "$src_tar" "$base/libgo/go/archive/zip" "$base/libgo/match.sh"
libgo=$work/$base/libgo
# The export data of every libgo package, as the -I directory (the bug
# shows with it; the heap layout it gives is what matters, not the data).
python3 "$here/../../testsuite/lib/libgo-exports.py" \
    "$("$gccgo" -print-file-name=libgo.a)" "$work/gox" >/dev/null
files=$(bash "$libgo/match.sh" --goarch=amd64 --goos=linux \
    --srcdir="$libgo/go/archive/zip")

for i in $(seq 1 "$n"); do
    out=$work/$(printf 'o%0*d.o' "$i" 0)
    # shellcheck disable=SC2086
    "$gccgo" -O2 -c -fgo-pkgpath=archive/zip -I "$work/gox" -o "$out" $files
    objcopy -O binary --only-section=.go_export \
        --set-section-flags .go_export=alloc "$out" "$work/export.$i"
    sum=$(md5sum <"$work/export.$i" | cut -c1-12)
    [ -f "$work/by-sum.$sum" ] || cp "$work/export.$i" "$work/by-sum.$sum"
    echo "$sum"
    rm -f "$out"
done >"$work/sums"

distinct=$(sort -u "$work/sums" | wc -l)
echo "$gccgo, archive/zip compiled $n times, output names of 1 to $n characters:"
echo "  distinct .go_export sections: $distinct"
if [ "$distinct" -gt 1 ]; then
    set -- "$work"/by-sum.*
    diff "$1" "$2" | sed 's/^/  /' || true
fi
