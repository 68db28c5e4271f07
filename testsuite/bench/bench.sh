#!/bin/sh
# bench.sh: the plugin's cost, a benchmark (make bench); not part of make check.
#
# 1. Overhead: compiles real libgo packages from gcc-12-source (encoding/json,
#    regexp/syntax, compress/flate, text/template/parse, math/big, regexp,
#    go/scanner) as gccgo's libgo build does, at -O2 and -O0, without and
#    with the plugin, alternately, and prints the extra compile time and
#    peak memory against the targets (under 1% at -O2, 3% at -O0, 5% memory).
# 2. Scaling: compiles generated programs (gen.py) of 1,000 to 1,000,000
#    GIMPLE statements in many functions, and of 10,000 to 300,000 in four
#    large functions, at -O0 with the plugin, and prints the pass's time per
#    statement against the target (within 25% across the sizes).
#
# The packages are extracted once into build/bench/src.  Tables go to
# stdout, progress to stderr, all figures to build/bench/results.json.  A
# missed target is reported, not an error: the exit status is 1 only if a
# compilation fails.  About 10 minutes on 2 CPUs with the defaults.
#
# 3. Instructions, only with BENCH_PARTS=...,instructions (needs valgrind,
#    about ten minutes): the pass's instructions per statement on the
#    programs of both shapes, counted exactly by callgrind.
#
# Environment: BENCH_RUNS (runs per package, level and configuration,
# default 7), BENCH_PARTS (default overhead,scaling), BENCH_PKGS,
# BENCH_LEVELS, BENCH_SIZES, BENCH_FEW_SIZES, BENCH_SCALE_RUNS,
# BENCH_INSN_SIZES, BENCH_INSN_MANY_SIZES, BENCH_CACHE_SIM, BENCH_TIMEOUT,
# BENCH_GOFLAGS (see bench.py), GCCGO (default gccgo-12).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/testsuite/bench
gccgo=${GCCGO:-gccgo-12}
major=$($gccgo -dumpversion | cut -d. -f1)
plugin=$top/build/gcc-$major/escape.so
out=$top/build/bench
pkgs=${BENCH_PKGS:-encoding/json regexp/syntax compress/flate text/template/parse math/big regexp go/scanner}

[ -f "$plugin" ] || { echo "bench.sh: build $plugin first (make GCCGO=$gccgo)" >&2; exit 2; }
src_tar=$(ls /usr/src/gcc-"$major"/gcc-"$major"*.tar.xz 2>/dev/null | head -n 1)
[ -n "$src_tar" ] || { echo "bench.sh: no GCC source: apt-get install gcc-$major-source" >&2; exit 2; }
command -v bash >/dev/null || { echo "bench.sh: bash missing (libgo's match.sh needs it)" >&2; exit 2; }
mkdir -p "$out/src"

# Extract libgo's match.sh and the packages' own files (not their
# subdirectories) once; only the packages missing since.
base=$(tar -tf "$src_tar" 2>/dev/null | head -n 1 | cut -d/ -f1)
libgo=$out/src/$base/libgo
pats=
[ -f "$libgo/match.sh" ] || pats="$base/libgo/match.sh"
for p in $pkgs; do
    ls "$libgo/go/$p/"*.go >/dev/null 2>&1 || pats="$pats $base/libgo/go/$p/*"
done
if [ -n "$pats" ]; then
    echo "bench: extracting$(echo " $pats" | sed "s| $base/libgo/| |g") from $src_tar" >&2
    # shellcheck disable=SC2086
    tar -C "$out/src" -xf "$src_tar" --wildcards --no-wildcards-match-slash $pats ||
        echo "bench.sh: tar failed; packages not extracted are skipped" >&2
fi

# Measure a private copy, so that rebuilding the plugin meanwhile is safe.
cp "$plugin" "$out/escape.so"
rev=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$top" status --porcelain --untracked-files=no 2>/dev/null)" ] || rev="$rev-dirty"

BENCH_PKGS=$pkgs
export BENCH_PKGS
exec python3 "$here/bench.py" --gccgo "$gccgo" --plugin "$out/escape.so" \
    --libgo "$libgo" --out "$out" --commit "$rev" \
    --parts "${BENCH_PARTS:-overhead,scaling}"
