#!/bin/sh
# demo.sh: run the plugin on testsuite/demo/demo.go and show its report: the
# compiler notes, the summary and the first JSON records.
top=$(cd "$(dirname "$0")/../.." && pwd)
plugin=$top/build/gcc-12/escape.so
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$top/testsuite/demo/demo.go" "$tmp/demo.go"
cd "$tmp" || exit 1
cmd="gccgo-12 -O2 -c demo.go -fplugin=$plugin -fplugin-arg-escape-json=sites.jsonl -fplugin-arg-escape-summary"
echo "\$ $cmd"
$cmd 2>&1 || exit 1
echo
echo "\$ head -4 sites.jsonl"
head -4 sites.jsonl
