#!/bin/bash
# gccgo-twice.sh: a GCCGO for "go build -compiler=gccgo" (sweep.sh, part 3).
#
# Runs $SWEEP_GCCGO with the arguments the go tool gives, exactly as the go
# tool asked, and returns its status and output, so the build goes on as
# without the plugin.  When those arguments compile Go files (-c, -o OUT,
# FILE.go ...), it compiles the same files again with $SWEEP_PLUGIN into a
# scratch file and appends one line to $SWEEP_OUT/results:
#
#   OUTCOME SITES DIR
#
# DIR is the first Go file's directory below $SWEEP_SRC (main packages all
# have the package path "main"); OUTCOME is
#
#   identical     the same status, output and object, to the byte;
#   export-order  the same but for gccgo's numbering of its export types
#                 (cmp-objects.py; patches/FINDINGS, finding 3);
#   rejected      gccgo fails without the plugin, and with it the same way;
#   gccgo-ICE     gccgo's own internal compiler error, with and without;
#   ICE           an internal compiler error with the plugin only;
#   DIFFERENT     anything else.
#
# The plugin's records go to $SWEEP_OUT/sites.jsonl.  Every other command
# (the go tool asks for the version, links, assembles) runs unchanged.

real=${SWEEP_GCCGO:?}
args=("$@")
out= compile=0 dir=
for ((i = 0; i < $#; i++)); do
    case ${args[i]} in
        -c) compile=1 ;;
        -o) out=${args[i + 1]} ;;
        *.go) [ -z "$dir" ] && dir=$(dirname "${args[i]}") ;;
    esac
done
if [ "$compile" = 0 ] || [ -z "$out" ] || [ -z "$dir" ]; then
    exec "$real" "$@"
fi

d=$(mktemp -d "$SWEEP_OUT/c.XXXXXX")
"$real" "$@" 2>"$d/a.err"
s1=$?
cat "$d/a.err" >&2

# The same command, but for the output file and the plugin's options.
again=()
for ((i = 0; i < $#; i++)); do
    if [ "${args[i]}" = -o ]; then
        i=$((i + 1))
        continue
    fi
    again+=("${args[i]}")
done
"$real" "${again[@]}" -o "$d/b.o" -fplugin="$SWEEP_PLUGIN" \
    -fplugin-arg-escape-notes=none -fplugin-arg-escape-json="$d/sites.jsonl" \
    2>"$d/b.err"
s2=$?

# The driver's temporary files have other names in the two runs.
sed -i 's|/tmp/cc[A-Za-z0-9]*\.|/tmp/ccXXXXXX.|g' "$d/a.err" "$d/b.err"
n=0
if grep -q "internal compiler error" "$d/a.err"; then
    # gccgo's own: its backtrace (addresses, the plugin warning GCC adds)
    # is no output to compare.
    if grep -q "internal compiler error" "$d/b.err"; then
        outcome=gccgo-ICE
    else
        outcome=DIFFERENT
    fi
elif grep -q "internal compiler error" "$d/b.err"; then
    outcome=ICE
elif [ "$s1" != "$s2" ] || ! cmp -s "$d/a.err" "$d/b.err"; then
    outcome=DIFFERENT
elif [ "$s1" != 0 ]; then
    outcome=rejected
else
    n=$(grep -c '"record":"site"' "$d/sites.jsonl")
    python3 "$(dirname "$0")/cmp-objects.py" "$out" "$d/b.o" >/dev/null
    case $? in
        0) outcome=identical ;;
        3) outcome=export-order ;;
        *) outcome=DIFFERENT ;;
    esac
fi
[ -f "$d/sites.jsonl" ] &&
    flock "$SWEEP_OUT/lock" sh -c 'cat "$1" >>"$2"' sh "$d/sites.jsonl" \
        "$SWEEP_OUT/sites.jsonl"
flock "$SWEEP_OUT/lock" sh -c 'echo "$1" >>"$2"' sh \
    "$outcome $n ${dir#"$SWEEP_SRC"/}" "$SWEEP_OUT/results"
rm -rf "$d"
exit "$s1"
