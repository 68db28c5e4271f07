#!/bin/sh
# check.sh: run the DejaGnu suite against gccgo-12 and gccgo-11 (the plugins
# must be built: make check does that) and end with one line
# "N passed, N failed" summing both compilers.  Exits 1 if anything failed.
#
# Environment: ESCAPE_COMPILERS (default "12 11") picks the compilers.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
passed=0
failed=0
for v in ${ESCAPE_COMPILERS:-12 11}; do
    out=$top/build/test-gcc-$v
    rm -rf "$out"
    mkdir -p "$out"
    echo "=== gccgo-$v"
    (cd "$out" && runtest --tool escape --srcdir "$top/testsuite" \
        GCCGO=gccgo-$v ESCAPE_PLUGIN="$top/build/gcc-$v/escape.so") \
        > "$out/runtest.out" 2>&1
    sum=$out/escape.sum
    if [ ! -f "$sum" ]; then
        cat "$out/runtest.out"
        echo "check.sh: runtest produced no summary for gccgo-$v" >&2
        failed=$((failed + 1))
        continue
    fi
    if [ -f "$out/escape-errorcheck.txt" ]; then
        echo "Go's escape tests under gccgo-$v (escape-errorcheck):"
        cat "$out/escape-errorcheck.txt"
    fi
    sed -n '/=== escape Summary ===/,$p' "$sum"
    grep -E '^(FAIL|XPASS|UNRESOLVED|ERROR):' "$sum" || true
    count() { sed -n "s/^# of $1[[:space:]]*\([0-9]*\)/\1/p" "$sum"; }
    p=$(count "expected passes"); xf=$(count "expected failures")
    f=$(count "unexpected failures"); xp=$(count "unexpected successes")
    u=$(count "unresolved testcases")
    e=$(grep -c '^ERROR:' "$sum")
    passed=$((passed + ${p:-0} + ${xf:-0}))
    failed=$((failed + ${f:-0} + ${xp:-0} + ${u:-0} + ${e:-0}))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
