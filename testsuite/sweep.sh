#!/bin/bash
# sweep.sh: the robustness sweep.
#
# 1. Compiles every .go file under Go 1.19's test tree (golang-1.19-src,
#    /usr/share/go-1.19/test) with gccgo-12 -O2 -c, without and with the
#    plugin (JSON output on, notes off), and requires for each file the
#    same exit status, no internal compiler error caused by the plugin, the
#    same compiler output (diagnostics) and the same object file, to the
#    byte (-gno-record-gcc-switches: see README, LIMITS), or the same but
#    for the order in which gccgo numbers the types of its export data
#    (testsuite/lib/cmp-objects.py; patches/FINDINGS, finding 3).
# 2. Compiles every package of libgo from the compiler's own sources
#    (gcc-N-source), against the export data of the compiler's libgo.a
#    (testsuite/lib/libgo-exports.py), without and with the plugin, with
#    the same requirements; packages that need the files libgo's build
#    generates (runtime, syscall, os ...) are listed as not compiled alone.
# 3. Builds every package of Debian's Go libraries (the packages of
#    testsuite/lib/debian-go-packages, which make sweep installs, and
#    whatever else is under /usr/share/gocode/src) with go build -a
#    -compiler=gccgo, GCCGO being testsuite/lib/gccgo-twice.sh, which
#    compiles each package as the go tool asks and again with the plugin,
#    with the same requirements: code no one here wrote, compiled the way
#    users compile it.
#
# Prints the figures for the README and exits 1 on any difference.
#
# Environment: SWEEP_PARTS (default "tests libgo debian": the parts to
# run), SWEEP_JOBS (default: number of CPUs), SWEEP_LIMIT (compile only the
# first N test files, for a quick run), GCCGO (default gccgo-12).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
gccgo=${GCCGO:-gccgo-12}
major=$($gccgo -dumpversion | cut -d. -f1)
plugin=$top/build/gcc-$major/escape.so
lib=$top/testsuite/lib
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
    # And nothing to the object file (o=2: only gccgo's own numbering of
    # its export types differs; finding 3).
    if [ "$s1" = 0 ] && [ -f "$d/b.o" ]; then
        python3 "$lib/cmp-objects.py" "$d/a.o" "$d/b.o" >/dev/null
        case $? in 0) ;; 3) o=2 ;; *) o=1 ;; esac
    fi
    local n=0
    [ -f "$d/sites.jsonl" ] && n=$(grep -c '"record":"site"' "$d/sites.jsonl")
    [ -f "$d/sites.jsonl" ] &&
        flock "$work/all.lock" sh -c 'cat "$1" >>"$2"' sh "$d/sites.jsonl" "$work/all.jsonl"
    echo "$s1 $s2 $i1 $i2 $n $o $f"
    rm -rf "$d"
}
export -f compile_one
export gccgo plugin work lib

# classes JSONL PREFIX: the plugin's verdicts against gccgo's decisions,
# over every site of JSONL; the sites gccgo keeps on the stack although the
# plugin finds them escaping are listed (patches/FINDINGS), their files
# shown without PREFIX.
classes() {
    python3 - "$1" "$2" <<'EOF'
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
}
# Part 1: every file of the Go test tree.

sweep_tests() {
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
    differ=$(awk '($1 != $2 || $3 != $4 || ($6 == 1 && $3 == 0)) && $1 != 124 && $2 != 124' "$work/results")
    export_order=$(awk '$6 == 2 {print $7}' "$work/results")

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
    echo "  export types numbered in another order (gccgo, finding 3): $(echo -n "$export_order" | grep -c .)"
    [ -n "$export_order" ] && echo "$export_order" | sed 's/^/    /'
    if [ "$ice" -gt 0 ]; then
        echo "  (gccgo's own ICEs:)"
        awk '$3 == 1 {print "    " $7}' "$work/results"
    fi
    [ -f "$work/all.jsonl" ] && classes "$work/all.jsonl" "$testdir"
}

# Parts 2 and 3 print their packages' outcomes ("OUTCOME SITES PKG" lines
# of a results file) alike.

# outcome RESULTS OUTCOME LABEL: LABEL, how many packages of RESULTS had
# OUTCOME, and their names.
outcome() {
    echo "  $3: $(awk -v o="$2" '$1 == o' "$1" | wc -l)"
    awk -v o="$2" '$1 == o {print $3}' "$1" | fmt -w 72 | sed 's/^/    /'
}

# failed RESULTS: "OUTCOME PKG" for each package of RESULTS that the plugin
# changed or crashed.
failed() {
    awk '$1 == "DIFFERENT" || $1 == "ICE" {print $1 " " $3}' "$1"
}

# show_failed LIST: LIST (from failed), or that it is empty.
show_failed() {
    if [ -n "$1" ]; then
        echo "  DIFFERENT or ICE with the plugin:"
        echo "$1" | sed 's/^/    /'
    else
        echo "  different with the plugin:  0"
    fi
}

# Part 2: every libgo package, from the compiler's own sources.

# compile_pkg PKG: compile the libgo package PKG without and with the
# plugin; print "OUTCOME SITES PKG", OUTCOME one of identical,
# export-order, alone (gccgo cannot compile it outside libgo's build),
# DIFFERENT or ICE.
compile_pkg() {
    local p=$1 d files flags extra= s1 s2 n=0
    d=$(mktemp -d "$work/p.XXXXXX")
    files=$(bash "$libgo/match.sh" --goarch=amd64 --goos=linux \
        --srcdir="$libgo/go/$p" 2>/dev/null)
    case $p in runtime|runtime/internal/*) extra=-fgo-compiling-runtime ;; esac
    flags="-O2 -gno-record-gcc-switches -c -fgo-pkgpath=$p -I $work/gox $extra"
    # shellcheck disable=SC2086
    timeout 300 "$gccgo" $flags -o "$d/a.o" $files >"$d/a.err" 2>&1
    s1=$?
    # shellcheck disable=SC2086
    timeout 300 "$gccgo" $flags -o "$d/b.o" $files -fplugin="$plugin" \
        -fplugin-arg-escape-notes=none -fplugin-arg-escape-json="$d/sites.jsonl" \
        >"$d/b.err" 2>&1
    s2=$?
    # As in part 1: the driver's temporary files have other names.
    sed -i 's|/tmp/cc[A-Za-z0-9]*\.|/tmp/ccXXXXXX.|g' "$d/a.err" "$d/b.err"
    if grep -q "internal compiler error" "$d/b.err" &&
            ! grep -q "internal compiler error" "$d/a.err"; then
        echo "ICE 0 $p"
    elif [ -z "$files" ] || { [ "$s1" != 0 ] && [ "$s1" = "$s2" ] &&
            cmp -s "$d/a.err" "$d/b.err"; }; then
        echo "alone 0 $p"
    elif [ "$s1" != 0 ] || [ "$s2" != 0 ] || ! cmp -s "$d/a.err" "$d/b.err"; then
        echo "DIFFERENT 0 $p"
    else
        n=$(grep -c '"record":"site"' "$d/sites.jsonl")
        flock "$work/all.lock" sh -c 'cat "$1" >>"$2"' sh "$d/sites.jsonl" \
            "$work/libgo.jsonl"
        python3 "$lib/cmp-objects.py" "$d/a.o" "$d/b.o" >/dev/null
        case $? in
            0) echo "identical $n $p" ;;
            3) echo "export-order $n $p" ;;
            *) echo "DIFFERENT $n $p" ;;
        esac
    fi
    rm -rf "$d"
}
export -f compile_pkg

sweep_libgo() {
    src_tar=$(ls /usr/src/gcc-"$major"/gcc-"$major"*.tar.xz 2>/dev/null | head -n 1)
    libgo_a=$("$gccgo" -print-file-name=libgo.a)
    fail_pkgs=
    if [ -z "$src_tar" ]; then
        echo "libgo packages: skipped (apt-get install gcc-$major-source)"
    elif [ ! -f "$libgo_a" ]; then
        echo "libgo packages: skipped ($gccgo has no libgo.a: apt-get install libgo-$major-dev)"
    else
        start=$(date +%s)
        base=$(tar -tf "$src_tar" 2>/dev/null | head -n 1 | cut -d/ -f1)
        tar -C "$work" -xf "$src_tar" "$base/libgo/go" "$base/libgo/match.sh" \
            "$base/libgo/libgo-packages.txt"
        libgo=$work/$base/libgo
        python3 "$lib/libgo-exports.py" "$libgo_a" "$work/gox" >/dev/null || exit 2
        export libgo
        xargs -a "$libgo/libgo-packages.txt" -P "$jobs" -n 1 \
            bash -c 'compile_pkg "$0"' | LC_ALL=C sort -k 3 >"$work/libgo.results"
        end=$(date +%s)
        count() { awk -v o="$1" '$1 == o' "$work/libgo.results" | wc -l; }
        echo "libgo packages of $base, $gccgo -O2 -c, without and with the plugin ($((end - start)) s, $jobs jobs):"
        echo "  packages:                   $(wc -l <"$work/libgo.results")"
        echo "  compile, object identical:  $(count identical) (allocation sites found: $(awk '{n += $2} END {print n + 0}' "$work/libgo.results"))"
        outcome "$work/libgo.results" export-order \
            "export types numbered in another order (gccgo, finding 3)"
        outcome "$work/libgo.results" alone \
            "not compiled alone (they need the files libgo's build generates)"
        fail_pkgs=$(failed "$work/libgo.results")
        show_failed "$fail_pkgs"
        [ -f "$work/libgo.jsonl" ] && classes "$work/libgo.jsonl" "$libgo/go"
    fi
}

# Part 3: Debian's Go libraries, built by the go tool.

sweep_debian() {
    local src=/usr/share/gocode/src list=$lib/debian-go-packages missing
    local out=$work/debian start end
    if ! command -v go >/dev/null; then
        echo "Debian's Go libraries: skipped (apt-get install golang-go)"
        return
    fi
    missing=$(for p in $(grep -v '^#' "$list"); do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok' ||
            echo "$p"
    done)
    if [ -n "$missing" ]; then
        # shellcheck disable=SC2086
        echo "Debian's Go libraries: skipped (apt-get install" $missing")"
        return
    fi
    mkdir -p "$out"
    : >"$out/results"
    start=$(date +%s)
    # GOPATH mode over Debian's tree; -a compiles every package again, the
    # dependencies too, and gccgo-twice.sh compiles each of them twice.
    # The code.google.com/p directories are links to packages found under
    # their newer paths.
    (
        cd "$src" &&
        export GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= \
            GOCACHE=$out/cache GCCGO=$lib/gccgo-twice.sh \
            SWEEP_GCCGO=$gccgo SWEEP_PLUGIN=$plugin SWEEP_OUT=$out SWEEP_SRC=$src &&
        go list -e -compiler=gccgo \
            -f '{{if not .Error}}{{if not .DepsErrors}}{{.ImportPath}}{{end}}{{end}}' \
            ./... 2>/dev/null | grep -v '^code\.google\.com/' >"$out/pkgs" &&
        xargs -a "$out/pkgs" go build -a -p "$jobs" -compiler=gccgo \
            -gccgoflags=all=-O2 >"$out/build.log" 2>&1
    )
    end=$(date +%s)
    LC_ALL=C sort -k 3 -o "$out/results" "$out/results"
    count() { awk -v o="$1" '$1 == o' "$out/results" | wc -l; }
    echo "Debian's Go libraries ($src, $(grep -vc '^#' "$list") Debian packages and their dependencies), go build -a -compiler=gccgo (GCCGO=$gccgo) -O2, each package without and with the plugin ($((end - start)) s, $jobs jobs):"
    echo "  import paths loaded:        $(wc -l <"$out/pkgs")"
    echo "  packages compiled:          $(wc -l <"$out/results")"
    echo "  object identical:           $(count identical) (allocation sites found: $(awk '{n += $2} END {print n + 0}' "$out/results"))"
    outcome "$out/results" export-order \
        "export types numbered in another order (gccgo, finding 3)"
    outcome "$out/results" rejected "rejected by gccgo itself"
    outcome "$out/results" gccgo-ICE "gccgo ICE without plugin"
    fail_debian=$(failed "$out/results")
    show_failed "$fail_debian"
    [ -f "$out/sites.jsonl" ] && classes "$out/sites.jsonl" "$src"
}

# want PART: whether SWEEP_PARTS names PART.
want() {
    case " ${SWEEP_PARTS:-tests libgo debian} " in
        *" $1 "*) return 0 ;;
    esac
    return 1
}

differ= fail_pkgs= fail_debian=
want tests && sweep_tests
want libgo && sweep_libgo
want debian && sweep_debian
[ -z "$differ" ] && [ -z "$fail_pkgs" ] && [ -z "$fail_debian" ]
