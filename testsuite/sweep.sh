#!/bin/bash
# sweep.sh: the robustness sweep.
#
# 1. Compiles every .go file under Go 1.19's test tree (golang-1.19-src,
#    /usr/share/go-1.19/test) with gccgo-12 -O2 -c, without and with the
#    plugin (JSON output on, notes off), and requires for each file the
#    same exit status, no internal compiler error caused by the plugin, the
#    same compiler output (diagnostics) and the same object file, to the
#    byte (-gno-record-gcc-switches: see README, LIMITS).
# 2. Compiles a dozen real libgo packages from gcc-12-source with the plugin
#    and requires each to compile.
#
# Prints the figures for the README and exits 1 on any difference.
#
# Environment: SWEEP_JOBS (default: number of CPUs), SWEEP_LIMIT (compile
# only the first N test files, for a quick run), GCCGO (default gccgo-12).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
gccgo=${GCCGO:-gccgo-12}
major=$($gccgo -dumpversion | cut -d. -f1)
plugin=$top/build/gcc-$major/escape.so
jobs=${SWEEP_JOBS:-$(nproc)}
testdir=/usr/share/go-1.19/test
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -f "$plugin" ] || { echo "sweep.sh: build $plugin first (make GCCGO=$gccgo)" >&2; exit 2; }
[ -d "$testdir" ] || { echo "sweep.sh: $testdir missing: apt-get install golang-1.19-src" >&2; exit 2; }
# Sweep a private copy, so that rebuilding the plugin meanwhile is safe.
mkdir -p "$work/plugin"
cp "$plugin" "$work/plugin/escape.so"
plugin=$work/plugin/escape.so

# compile_one FILE: compile FILE without and with the plugin in a scratch
# directory; print "status-without status-with ice-without ice-with sites
# output-differs FILE".
compile_one() {
    local f=$1 d
    d=$(mktemp -d "$work/c.XXXXXX")
    (cd "$(dirname "$f")" &&
        timeout 60 "$gccgo" -O2 -gno-record-gcc-switches -c "$f" -o "$d/a.o" \
            >"$d/a.err" 2>&1)
    local s1=$?
    (cd "$(dirname "$f")" &&
        timeout 60 "$gccgo" -O2 -gno-record-gcc-switches -c "$f" -o "$d/b.o" \
            -fplugin="$plugin" \
            -fplugin-arg-escape-notes=none \
            -fplugin-arg-escape-json="$d/sites.jsonl" >"$d/b.err" 2>&1)
    local s2=$?
    local i1=0 i2=0 o=0
    grep -q "internal compiler error" "$d/a.err" && i1=1
    grep -q "internal compiler error" "$d/b.err" && i2=1
    # With notes=none the plugin adds nothing to the compiler's output
    # (but for the names of the driver's temporary files).
    sed -i 's|/tmp/cc[A-Za-z0-9]*\.|/tmp/ccXXXXXX.|g' "$d/a.err" "$d/b.err"
    cmp -s "$d/a.err" "$d/b.err" || o=1
    # And nothing to the object file.
    [ "$s1" = 0 ] && ! cmp -s "$d/a.o" "$d/b.o" && o=1
    local n=0
    [ -f "$d/sites.jsonl" ] && n=$(grep -c '"record":"site"' "$d/sites.jsonl")
    [ -f "$d/sites.jsonl" ] &&
        flock "$work/all.lock" sh -c 'cat "$1" >>"$2"' sh "$d/sites.jsonl" "$work/all.jsonl"
    echo "$s1 $s2 $i1 $i2 $n $o $f"
    rm -rf "$d"
}
export -f compile_one
export gccgo plugin work

start=$(date +%s)
find "$testdir" -name '*.go' | LC_ALL=C sort >"$work/files"
if [ -n "${SWEEP_LIMIT:-}" ]; then
    head -n "$SWEEP_LIMIT" "$work/files" >"$work/files.1"
    mv "$work/files.1" "$work/files"
fi
xargs -a "$work/files" -P "$jobs" -n 1 bash -c 'compile_one "$0"' >"$work/results"
end=$(date +%s)

total=$(wc -l <"$work/results")
compiled=$(awk '$1 == 0' "$work/results" | wc -l)
rejected=$(awk '$1 != 0 && $1 != 124 && $3 == 0' "$work/results" | wc -l)
ice=$(awk '$3 == 1' "$work/results" | wc -l)
timeouts=$(awk '$1 == 124 || $2 == 124' "$work/results")
sites=$(awk '$1 == 0 {n += $5} END {print n + 0}' "$work/results")
# A file that ran past 60 s in either run is a timeout, not a difference:
# the two runs compete for the same CPUs.  The backtraces of gccgo's own
# ICEs are not output to compare.
differ=$(awk '($1 != $2 || $3 != $4 || ($6 != 0 && $3 == 0)) && $1 != 124 && $2 != 124' "$work/results")

echo "Go 1.19 test tree, $gccgo -O2 -c, without and with the plugin ($((end - start)) s, $jobs jobs):"
echo "  files:                      $total"
echo "  compile:                    $compiled (allocation sites found: $sites)"
echo "  rejected by gccgo itself:   $rejected"
echo "  gccgo ICE without plugin:   $ice"
echo "  over 60 s (either run):     $(echo -n "$timeouts" | grep -c .)"
[ -n "$timeouts" ] && echo "$timeouts" | awk '{print "    " $7 " (status without " $1 ", with " $2 ")"}'

if [ -n "$differ" ]; then
    echo "  DIFFERENT exit status, ICE, output or object with the plugin:"
    echo "$differ" | sed 's/^/    /'
else
    echo "  different with the plugin:  0"
fi
if [ "$ice" -gt 0 ]; then
    echo "  (gccgo's own ICEs:)"
    awk '$3 == 1 {print "    " $7}' "$work/results"
fi

# The plugin's verdicts against gccgo's decisions, over every site; the
# sites gccgo keeps on the stack although the plugin finds them escaping
# are listed (patches/FINDINGS).
if [ -f "$work/all.jsonl" ]; then
    python3 - "$work/all.jsonl" "$testdir" <<'EOF'
import collections, json, sys
classes, unsafe = collections.Counter(), []
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    if rec["record"] != "site":
        continue
    classes[rec["class"] or "not-analysed"] += 1
    if rec["class"] == "gccgo-stack-escapes":
        unsafe.append(rec)
print("  the plugin's verdicts:     " + ", ".join(
    "%s %d" % kv for kv in sorted(classes.items())))
for rec in sorted(unsafe, key=lambda r: (r["file"], r["line"], r["col"])):
    print("    gccgo-stack-escapes %s:%d %s %s%s" % (
        rec["file"].replace(sys.argv[2] + "/", ""), rec["line"], rec["kind"],
        rec["name"] or "", " (conservative)" if rec["conservative"] else ""))
EOF
fi

# Part 2: libgo packages from gcc-12-source.
src_tar=$(ls /usr/src/gcc-12/gcc-12*.tar.xz 2>/dev/null | head -n 1)
pkgs="encoding/json regexp/syntax regexp compress/flate text/template/parse
      math/big bufio go/scanner net/url encoding/base64 encoding/csv sort
      compress/gzip text/tabwriter container/heap unicode/utf8"
fail_pkgs=
if [ -z "$src_tar" ]; then
    echo "libgo packages: skipped (apt-get install gcc-12-source)"
else
    base=$(tar -tf "$src_tar" 2>/dev/null | head -n 1 | cut -d/ -f1)
    pats=
    for p in $pkgs; do pats="$pats $base/libgo/go/$p/*.go"; done
    # shellcheck disable=SC2086
    tar -C "$work" -xf "$src_tar" --wildcards --no-wildcards-match-slash $pats 2>/dev/null
    npkg=0; nsites=0
    for p in $pkgs; do
        dir=$work/$base/libgo/go/$p
        files=$(cd "$dir" 2>/dev/null && GO111MODULE=off go list -e -compiler=gccgo \
            -f '{{join .GoFiles " "}}' . 2>/dev/null)
        if [ -z "$files" ]; then
            fail_pkgs="$fail_pkgs $p(no-files)"
            continue
        fi
        rm -f "$work/pkg.jsonl"
        flags="-O2 -gno-record-gcc-switches -c -fgo-pkgpath=$p"
        # shellcheck disable=SC2086
        if ! (cd "$dir" && "$gccgo" $flags -o "$work/pkg0.o" $files >"$work/pkg.err" 2>&1); then
            printf '  %-22s skipped: gccgo cannot compile it alone\n' "$p"
            continue
        fi
        # shellcheck disable=SC2086
        if (cd "$dir" && "$gccgo" $flags -o "$work/pkg.o" $files \
                -fplugin="$plugin" -fplugin-arg-escape-notes=none \
                -fplugin-arg-escape-json="$work/pkg.jsonl" >"$work/pkg.err" 2>&1) &&
            cmp -s "$work/pkg0.o" "$work/pkg.o"; then
            n=$(grep -c '"record":"site"' "$work/pkg.jsonl")
            npkg=$((npkg + 1)); nsites=$((nsites + n))
            printf '  %-22s %5d sites, object identical\n' "$p" "$n"
        else
            fail_pkgs="$fail_pkgs $p"
            printf '  %-22s FAILED (or object differs)\n' "$p"
            sed 's/^/    /' "$work/pkg.err" | head -n 20
        fi
    done
    echo "libgo packages compiled with the plugin: $npkg, allocation sites: $nsites"
    [ -n "$fail_pkgs" ] && echo "  FAILED:$fail_pkgs"
fi

[ -z "$differ" ] && [ -z "$fail_pkgs" ]
